//! The two focusable lists (signings, stalled approvals): which rows they show in what order,
//! and which row is selected. The order of all rows is computed when data or sort change and
//! kept; a filter change only filters that order again, and a longer filter only the rows the
//! shorter one kept. What still goes over many rows is done in bounded slices between events
//! ([`ListView::advance`]), never in one piece on the input path. A frame only lays out what
//! is here.

mod merge;

use std::cmp::Ordering;

use merge::MergeSort;

use crate::domain::aggregate::Summary;
use crate::domain::model::{Approval, Project, Snapshot};
use crate::sanitize::{CompactText, SafeText};

/// Which way a list is sorted; the header shows it as `↑` or `↓`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    #[must_use]
    pub fn reversed(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }

    /// The header's marker.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Ascending => "↑",
            Direction::Descending => "↓",
        }
    }

    fn apply(self, ordering: Ordering) -> Ordering {
        match self {
            Direction::Ascending => ordering,
            Direction::Descending => ordering.reverse(),
        }
    }
}

/// A sortable column of a list: the columns in the order `s` cycles them, and the direction
/// each starts in (the one a reader expects: newest, largest, worst first; names A to Z).
pub trait SortColumn: Copy + Eq + Default + 'static {
    const ALL: &'static [Self];
    fn natural(self) -> Direction;
}

/// The sort of a list: a column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort<C> {
    pub column: C,
    pub direction: Direction,
}

impl<C: SortColumn> Default for Sort<C> {
    fn default() -> Self {
        Sort::by(C::default())
    }
}

impl<C: SortColumn> Sort<C> {
    /// The column in its natural direction.
    pub fn by(column: C) -> Sort<C> {
        Sort {
            column,
            direction: column.natural(),
        }
    }

    /// The next column, in its natural direction.
    #[must_use]
    pub fn next(self) -> Sort<C> {
        let at = C::ALL.iter().position(|c| *c == self.column).unwrap_or(0);
        Sort::by(C::ALL[(at + 1) % C::ALL.len()])
    }

    #[must_use]
    pub fn reversed(self) -> Sort<C> {
        Sort {
            direction: self.direction.reversed(),
            ..self
        }
    }
}

/// Columns the signings list sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SigningSort {
    /// Signing date (newest first: the aggregation's order).
    #[default]
    Date,
    Project,
    Investor,
    District,
    Chain,
    /// Largest amount first.
    Amount,
}

impl SortColumn for SigningSort {
    const ALL: &'static [SigningSort] = &[
        SigningSort::Date,
        SigningSort::Amount,
        SigningSort::District,
        SigningSort::Chain,
        SigningSort::Investor,
        SigningSort::Project,
    ];

    fn natural(self) -> Direction {
        match self {
            SigningSort::Date | SigningSort::Amount => Direction::Descending,
            _ => Direction::Ascending,
        }
    }
}

/// Columns the stalled list sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StalledSort {
    /// Working days overdue (most first: the aggregation's order).
    #[default]
    Overdue,
    /// Working days elapsed.
    Days,
    /// Submission date (oldest first).
    Submitted,
    Department,
    Item,
    Project,
}

impl SortColumn for StalledSort {
    const ALL: &'static [StalledSort] = &[
        StalledSort::Overdue,
        StalledSort::Days,
        StalledSort::Submitted,
        StalledSort::Department,
        StalledSort::Item,
        StalledSort::Project,
    ];

    fn natural(self) -> Direction {
        match self {
            StalledSort::Overdue | StalledSort::Days => Direction::Descending,
            _ => Direction::Ascending,
        }
    }
}

/// A drill-down from an aggregate row: only the rows of one district, chain or department
/// (`None`: the ones without any).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    District(Option<SafeText>),
    Chain(Option<SafeText>),
    Department(Option<SafeText>),
}

impl Scope {
    /// The value the scope keeps.
    pub fn value(&self) -> Option<&SafeText> {
        match self {
            Scope::District(v) | Scope::Chain(v) | Scope::Department(v) => v.as_ref(),
        }
    }

    /// Whether a project (or one of its approvals, for a department) is in the scope.
    fn keeps(&self, project: &Project, approval: Option<&Approval>) -> bool {
        match self {
            Scope::District(v) => project.district == *v,
            Scope::Chain(v) => project.chain == *v,
            Scope::Department(v) => {
                // As `domain::breakdown` counts them: an empty department is no department.
                match approval {
                    Some(a) => named(a) == v.as_ref(),
                    None => project.approvals.iter().any(|a| named(a) == v.as_ref()),
                }
            }
        }
    }
}

/// An approval's department, an empty one counting as none.
fn named(approval: &Approval) -> Option<&SafeText> {
    approval.department.as_ref().filter(|d| !d.is_empty())
}

/// Row moves (a row filtered, or placed by the sort) one slice of list work does before events
/// are read again: about 1 ms for ASCII names, 2 ms for Chinese ones (whose case is checked
/// character by character). A list this short or shorter is filtered within the key that
/// asked for it.
pub const SLICE_ROWS: usize = 4_096;

/// What a list's work reads of the rows it orders and filters. The app's data, lent to every
/// slice, so a list never holds the snapshot and work left over from older data cannot
/// outlive a refresh (each refresh replaces it).
pub trait Rows<C> {
    /// Every row in the aggregation's order, which every sort keeps as its tie-break.
    fn all(&self) -> Vec<usize>;
    fn compare(&self, sort: Sort<C>, a: usize, b: usize) -> Ordering;
    fn in_scope(&self, scope: &Scope, row: usize) -> bool;
    fn matches(&self, needle: &Needle, row: usize) -> bool;
}

/// Selection, filter, scope and sort of one list. `rows` holds indices: into
/// `Summary::signings`' project indices for signings, into `Summary::stalled` for stalled
/// approvals; `order` is every row in sort order, before filter and scope.
///
/// A filter that extends the one before it (one more letter) searches only the rows that one
/// kept (`levels`); deleting back returns to a kept result; clearing it returns to the
/// unfiltered rows. What still has to go over many rows (a new sort, a new scope, the first
/// letter) is `work`, done in slices of [`SLICE_ROWS`] between events while the rows shown
/// stay those of before, marked as being worked on ([`ListView::working`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListView<C> {
    pub rows: Vec<usize>,
    order: Vec<usize>,
    /// Filter results kept, bottom up: `order` in the scope (no needle), then each longer
    /// filter with the rows it keeps, a subset of the level below.
    levels: Vec<Level>,
    /// The scope the levels were built in.
    levels_scope: Option<Scope>,
    work: Option<Work<C>>,
    pub selected: usize,
    /// The first row shown when the list was last drawn (the UI keeps it here): the rows stay
    /// put while the selection moves within them.
    pub top: std::cell::Cell<usize>,
    pub filter: String,
    pub scope: Option<Scope>,
    pub sort: Sort<C>,
}

impl<C: SortColumn> Default for ListView<C> {
    fn default() -> Self {
        ListView {
            rows: Vec::new(),
            order: Vec::new(),
            levels: Vec::new(),
            levels_scope: None,
            work: None,
            selected: 0,
            top: std::cell::Cell::new(0),
            filter: String::new(),
            scope: None,
            sort: Sort::default(),
        }
    }
}

/// The rows a filter keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Level {
    needle: Option<Needle>,
    rows: Vec<usize>,
}

impl Level {
    /// Whether every row `target` keeps is among this level's rows: its needle is a prefix of
    /// the target's (a text containing "yuel" contains "yue").
    fn narrows_to(&self, target: Option<&Needle>) -> bool {
        match (&self.needle, target) {
            (None, _) => true,
            (Some(level), Some(target)) => target.0.starts_with(&level.0),
            (Some(_), None) => false,
        }
    }
}

/// Work under way on a list, and how the selection lands when it is done.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Work<C> {
    task: Task<C>,
    reselect: Refresh,
    /// The row selected when the work began (followed by a new sort).
    kept: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Task<C> {
    Sorting { sort: Sort<C>, merge: MergeSort },
    Scanning(Scan),
}

/// What a list shows it is working on, next to its count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Working {
    Sorting,
    Filtering,
}

/// A pass over `order` (for the scope) or over a level (for a longer needle).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Scan {
    /// `None`: `order`; else the level searched.
    level: Option<usize>,
    needle: Option<Needle>,
    scope: Option<Scope>,
    next: usize,
    kept: Vec<usize>,
}

impl Scan {
    /// Goes on for at most `budget` rows of `source`; the rows kept once at its end.
    fn advance<C>(
        &mut self,
        budget: &mut usize,
        source: &[usize],
        rows: &impl Rows<C>,
    ) -> Option<Vec<usize>> {
        while self.next < source.len() {
            if *budget == 0 {
                return None;
            }
            let end = self.next.saturating_add(*budget).min(source.len());
            let keeps = |row: usize| {
                self.scope.as_ref().is_none_or(|s| rows.in_scope(s, row))
                    && self.needle.as_ref().is_none_or(|n| rows.matches(n, row))
            };
            let kept: Vec<usize> = source[self.next..end]
                .iter()
                .copied()
                .filter(|&row| keeps(row))
                .collect();
            self.kept.extend(kept);
            *budget -= end - self.next;
            self.next = end;
        }
        Some(std::mem::take(&mut self.kept))
    }
}

impl<C> ListView<C> {
    pub fn selected_row(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// Moves the selection by `delta` rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Selects the row at `position`, or the last one when it is past the end.
    pub fn select(&mut self, position: usize) {
        self.selected = position.min(self.rows.len().saturating_sub(1));
    }

    pub fn select_first(&mut self) {
        self.selected = 0;
    }

    pub fn select_last(&mut self) {
        self.selected = self.rows.len().saturating_sub(1);
    }

    /// Rows before any filter or scope.
    pub fn total(&self) -> usize {
        self.order.len()
    }

    /// What the list is still working on; the rows shown are those of before until it ends.
    pub fn working(&self) -> Option<Working> {
        self.work.as_ref().map(|work| match work.task {
            Task::Sorting { .. } => Working::Sorting,
            Task::Scanning(_) => Working::Filtering,
        })
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// After new rows: the first row after a filter or scope change, else the row the
    /// selected item moved to (`kept`), else the same position.
    fn reselect(&mut self, how: Refresh, kept: Option<usize>) {
        self.selected = match how {
            Refresh::Resort | Refresh::Reload => kept
                .and_then(|row| self.rows.iter().position(|&r| r == row))
                .unwrap_or(self.selected),
            Refresh::Refilter => 0,
        };
        self.clamp();
    }
}

/// Most rows the levels above the first may hold together, as a multiple of all rows: typing
/// a long filter that keeps most rows must not hold a copy per letter.
const LEVEL_ROWS_PER_ROW: usize = 2;

impl<C: SortColumn> ListView<C> {
    /// Orders (`Refresh::Resort`) or filters (`Refresh::Refilter`) the rows again, and does
    /// the first slice of that work: all of it for a short list or a filter that narrows a
    /// kept result. Whatever is left goes on in [`ListView::advance`].
    pub fn refresh(&mut self, how: Refresh, rows: &impl Rows<C>) {
        self.refresh_within(how, rows, SLICE_ROWS);
    }

    /// [`ListView::refresh`] with a first slice of `first_slice` rows.
    fn refresh_within(&mut self, how: Refresh, rows: &impl Rows<C>, mut first_slice: usize) {
        let pending = self.work.take();
        // A filter change still pending sends the selection to the first row, whatever
        // follows it.
        let reselect = match (how, pending.as_ref().map(|w| w.reselect)) {
            (Refresh::Refilter, _) | (_, Some(Refresh::Refilter)) => Refresh::Refilter,
            _ => Refresh::Resort,
        };
        let kept = self.selected_row();
        if how == Refresh::Reload {
            self.order = rows.all();
            self.levels.clear();
            self.rows = if self.filter.is_empty() && self.scope.is_none() {
                self.order.clone()
            } else {
                Vec::new()
            };
            self.clamp();
        }
        let task = match (how, pending) {
            (Refresh::Resort | Refresh::Reload, _) => Some(Task::Sorting {
                sort: self.sort,
                merge: MergeSort::new(rows.all()),
            }),
            // The filter is read when the sort ends.
            (
                Refresh::Refilter,
                Some(
                    work @ Work {
                        task: Task::Sorting { .. },
                        ..
                    },
                ),
            ) => Some(work.task),
            (Refresh::Refilter, _) => self.plan(),
        };
        match task {
            Some(task) => {
                self.work = Some(Work {
                    task,
                    reselect,
                    kept,
                });
                self.advance(&mut first_slice, rows);
            }
            None => self.finish(reselect, kept),
        }
    }

    /// Shows the top level's rows: the filter's result.
    fn finish(&mut self, reselect: Refresh, kept: Option<usize>) {
        self.rows = self
            .levels
            .last()
            .map(|level| level.rows.clone())
            .unwrap_or_default();
        self.reselect(reselect, kept);
    }

    /// Goes on with the work under way for at most `budget` rows. True when it ended here
    /// (the rows changed).
    pub fn advance(&mut self, budget: &mut usize, rows: &impl Rows<C>) -> bool {
        let Some(mut work) = self.work.take() else {
            return false;
        };
        loop {
            match &mut work.task {
                Task::Sorting { sort, merge } => {
                    let sort = *sort;
                    let Some(order) = merge.advance(budget, |a, b| rows.compare(sort, a, b)) else {
                        self.work = Some(work);
                        return false;
                    };
                    self.order = order;
                    self.levels.clear();
                }
                Task::Scanning(scan) => {
                    let source = match scan.level {
                        None => &self.order,
                        Some(level) => self.levels.get(level).map_or(&self.order, |l| &l.rows),
                    };
                    let Some(kept) = scan.advance(budget, source, rows) else {
                        self.work = Some(work);
                        return false;
                    };
                    self.keep_level(scan, kept);
                }
            }
            let Some(task) = self.plan() else {
                self.finish(work.reselect, work.kept);
                return true;
            };
            work.task = task;
        }
    }

    fn keep_level(&mut self, scan: &mut Scan, rows: Vec<usize>) {
        let level = Level {
            needle: scan.needle.take(),
            rows,
        };
        if scan.level.is_none() {
            self.levels = vec![level];
            self.levels_scope = scan.scope.take();
            return;
        }
        self.levels.push(level);
        let limit = self.order.len().saturating_mul(LEVEL_ROWS_PER_ROW);
        while self.levels.len() > 2
            && self.levels[1..].iter().map(|l| l.rows.len()).sum::<usize>() > limit
        {
            self.levels.remove(1);
        }
    }

    /// The next pass the filter needs, or `None` when the top level is its result.
    fn plan(&mut self) -> Option<Task<C>> {
        if self.levels.is_empty() || self.levels_scope != self.scope {
            self.levels.clear();
            match &self.scope {
                None => {
                    self.levels_scope = None;
                    self.levels.push(Level {
                        needle: None,
                        rows: self.order.clone(),
                    });
                }
                Some(scope) => {
                    return Some(Task::Scanning(Scan {
                        level: None,
                        needle: None,
                        scope: Some(scope.clone()),
                        next: 0,
                        kept: Vec::new(),
                    }));
                }
            }
        }
        let needle = Needle::new(&self.filter);
        while self.levels.len() > 1
            && !self
                .levels
                .last()
                .is_some_and(|level| level.narrows_to(needle.as_ref()))
        {
            self.levels.pop();
        }
        let top = self.levels.len().checked_sub(1)?;
        if self.levels[top].needle == needle {
            return None;
        }
        Some(Task::Scanning(Scan {
            level: Some(top),
            needle,
            scope: None,
            next: 0,
            kept: Vec::new(),
        }))
    }
}

/// A filter, lowercased once per refresh: a keystroke may search many rows (333,333 signings
/// in a 2,000,000-record feed), so nothing per row may allocate unless the text needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle(String);

impl Needle {
    /// `None` for an empty filter, which keeps every row.
    fn new(filter: &str) -> Option<Needle> {
        (!filter.is_empty()).then(|| Needle(filter.to_lowercase()))
    }

    /// Whether any of `fields` contains the needle, ignoring case.
    fn found_in(&self, fields: &[Option<&str>]) -> bool {
        fields.iter().flatten().any(|text| self.found_in_text(text))
    }

    /// `text.to_lowercase().contains(needle)`, without the copy for ASCII text or for text with
    /// nothing to lowercase (Chinese names).
    fn found_in_text(&self, text: &str) -> bool {
        let needle = self.0.as_bytes();
        if text.is_ascii() {
            return text
                .as_bytes()
                .windows(needle.len())
                .any(|window| window.eq_ignore_ascii_case(needle));
        }
        let changes_case = text
            .chars()
            .any(|c| c.to_lowercase().ne(std::iter::once(c)));
        if changes_case {
            text.to_lowercase().contains(&self.0)
        } else {
            text.contains(&self.0)
        }
    }
}

/// The texts of a project a filter searches.
fn project_texts(p: &Project) -> [Option<&str>; 4] {
    [
        text(p.district.as_ref()),
        text(p.chain.as_ref()),
        Some(p.name.as_str()),
        text(p.investor.as_ref()),
    ]
}

/// The text of an optional label, for the filters and sorts that read ids, names and labels
/// alike.
fn text(label: Option<&SafeText>) -> Option<&str> {
    label.map(SafeText::as_str)
}

/// Compares optional texts in `direction`; rows without a value come last either way.
fn by_text(a: Option<&str>, b: Option<&str>, direction: Direction) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => direction.apply(a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// How a list changed: the selection follows its item on new data or a new sort, and goes to
/// the first row when the filter or scope changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// The sort (or what it reads, the new signings) changed: order everything again.
    Resort,
    /// New data: order everything again; the rows of before index the old data, so until the
    /// new order is ready the list shows the new data in the aggregation's order when it is
    /// not narrowed (a wall never blanks), else no rows.
    Reload,
    /// Only the filter or scope changed: the order stands.
    Refilter,
}

/// The signings' rows: project indices, from `Summary::signings` (newest first).
///
/// Signings new since the previous poll (`is_new`) lead the rows of their signing date in the
/// newest-first date order: the room sees what just arrived before older rows of the same day.
pub struct SigningRows<'a, F> {
    pub snapshot: &'a Snapshot,
    pub summary: &'a Summary,
    pub is_new: F,
}

impl<F: Fn(&CompactText) -> bool> Rows<SigningSort> for SigningRows<'_, F> {
    fn all(&self) -> Vec<usize> {
        self.summary.signings.clone()
    }

    fn compare(&self, sort: Sort<SigningSort>, a: usize, b: usize) -> Ordering {
        let (a, b) = (&self.snapshot.projects[a], &self.snapshot.projects[b]);
        let direction = sort.direction;
        match sort.column {
            SigningSort::Date => match direction {
                Direction::Descending => b
                    .signed_on
                    .cmp(&a.signed_on)
                    .then_with(|| (self.is_new)(&b.id).cmp(&(self.is_new)(&a.id))),
                Direction::Ascending => a.signed_on.cmp(&b.signed_on),
            },
            SigningSort::Amount => direction.apply(a.amount.cmp(&b.amount)),
            SigningSort::Project => {
                by_text(Some(a.name.as_str()), Some(b.name.as_str()), direction)
            }
            SigningSort::Investor => by_text(
                text(a.investor.as_ref()),
                text(b.investor.as_ref()),
                direction,
            ),
            SigningSort::District => by_text(
                text(a.district.as_ref()),
                text(b.district.as_ref()),
                direction,
            ),
            SigningSort::Chain => {
                by_text(text(a.chain.as_ref()), text(b.chain.as_ref()), direction)
            }
        }
    }

    fn in_scope(&self, scope: &Scope, row: usize) -> bool {
        scope.keeps(&self.snapshot.projects[row], None)
    }

    fn matches(&self, needle: &Needle, row: usize) -> bool {
        needle.found_in(&project_texts(&self.snapshot.projects[row]))
    }
}

/// The stalled approvals' rows: indices into `Summary::stalled` (most overdue first).
pub struct StalledRows<'a> {
    pub snapshot: &'a Snapshot,
    pub summary: &'a Summary,
}

impl StalledRows<'_> {
    fn project(&self, row: usize) -> &Project {
        &self.snapshot.projects[self.summary.stalled[row].project]
    }

    fn approval(&self, row: usize) -> &Approval {
        let s = &self.summary.stalled[row];
        &self.snapshot.projects[s.project].approvals[s.approval]
    }
}

impl Rows<StalledSort> for StalledRows<'_> {
    fn all(&self) -> Vec<usize> {
        (0..self.summary.stalled.len()).collect()
    }

    fn compare(&self, sort: Sort<StalledSort>, a: usize, b: usize) -> Ordering {
        let direction = sort.direction;
        let entry = |i: usize| &self.summary.stalled[i];
        match sort.column {
            // Descending is the aggregation's own order.
            StalledSort::Overdue => match direction {
                Direction::Descending => Ordering::Equal,
                Direction::Ascending => entry(a).overdue_by().cmp(&entry(b).overdue_by()),
            },
            StalledSort::Days => direction.apply(
                entry(a)
                    .working_days_elapsed
                    .cmp(&entry(b).working_days_elapsed),
            ),
            StalledSort::Submitted => direction.apply(
                self.approval(a)
                    .submitted_on
                    .cmp(&self.approval(b).submitted_on),
            ),
            StalledSort::Department => by_text(
                text(self.approval(a).department.as_ref()),
                text(self.approval(b).department.as_ref()),
                direction,
            ),
            StalledSort::Item => by_text(
                text(self.approval(a).item.as_ref()),
                text(self.approval(b).item.as_ref()),
                direction,
            ),
            StalledSort::Project => by_text(
                Some(self.project(a).name.as_str()),
                Some(self.project(b).name.as_str()),
                direction,
            ),
        }
    }

    fn in_scope(&self, scope: &Scope, row: usize) -> bool {
        scope.keeps(self.project(row), Some(self.approval(row)))
    }

    fn matches(&self, needle: &Needle, row: usize) -> bool {
        needle.found_in(&project_texts(self.project(row)))
            || needle.found_in(&[text(self.approval(row).department.as_ref())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_stops_at_the_ends() {
        let mut list = ListView::<SigningSort> {
            rows: vec![4, 5, 6],
            ..ListView::default()
        };
        list.move_by(-1);
        assert_eq!(list.selected, 0);
        list.move_by(10);
        assert_eq!(list.selected, 2);
        list.select_first();
        assert_eq!(list.selected_row(), Some(4));
        list.select_last();
        assert_eq!(list.selected_row(), Some(6));
        list.select(1);
        assert_eq!(list.selected_row(), Some(5));
        list.select(99);
        assert_eq!(list.selected_row(), Some(6));
        list.rows.clear();
        list.clamp();
        assert_eq!(list.selected_row(), None);
    }

    #[test]
    fn sorts_cycle_through_every_column_in_its_natural_direction() {
        let mut sort = Sort::<SigningSort>::default();
        assert_eq!(sort.direction, Direction::Descending);
        let mut seen = vec![sort.column];
        for _ in 1..SigningSort::ALL.len() {
            sort = sort.next();
            seen.push(sort.column);
        }
        assert_eq!(seen, SigningSort::ALL);
        assert_eq!(sort.next(), Sort::by(SigningSort::Date));
        assert_eq!(
            Sort::by(SigningSort::District).direction,
            Direction::Ascending
        );
        let reversed = Sort::by(StalledSort::Overdue).reversed();
        assert_eq!(reversed.direction, Direction::Ascending);
        assert_eq!(reversed.reversed(), Sort::by(StalledSort::Overdue));
        assert_eq!(Direction::Ascending.arrow(), "↑");
    }

    #[test]
    fn missing_texts_sort_last_in_both_directions() {
        let (a, b) = ("a", "b");
        for direction in [Direction::Ascending, Direction::Descending] {
            assert_eq!(by_text(Some(a), None, direction), Ordering::Less);
            assert_eq!(by_text(None, Some(b), direction), Ordering::Greater);
        }
        assert_eq!(
            by_text(Some(a), Some(b), Direction::Descending),
            Ordering::Greater
        );
    }

    fn filter_matches(filter: &str, fields: &[Option<&SafeText>]) -> bool {
        let fields: Vec<Option<&str>> = fields.iter().map(|field| text(*field)).collect();
        Needle::new(filter).is_none_or(|needle| needle.found_in(&fields))
    }

    #[test]
    fn filter_matches_any_field_ignoring_case() {
        let name = SafeText::new("Desai Battery 储能");
        assert!(filter_matches("battery", &[None, Some(&name)]));
        assert!(filter_matches("BATTERY", &[None, Some(&name)]));
        assert!(filter_matches("储能", &[Some(&name)]));
        assert!(!filter_matches("yuelu", &[Some(&name), None]));
        assert!(filter_matches("", &[]));
        let ascii = SafeText::new("Yuelu District");
        assert!(filter_matches("LU DIS", &[Some(&ascii)]));
        assert!(!filter_matches("岳麓", &[Some(&ascii)]));
    }

    /// Rows of one text and an optional district each, in the order given.
    struct Texts {
        texts: Vec<SafeText>,
        districts: Vec<Option<SafeText>>,
    }

    impl Rows<SigningSort> for Texts {
        fn all(&self) -> Vec<usize> {
            (0..self.texts.len()).collect()
        }

        fn compare(&self, sort: Sort<SigningSort>, a: usize, b: usize) -> Ordering {
            by_text(
                Some(self.texts[a].as_str()),
                Some(self.texts[b].as_str()),
                sort.direction,
            )
        }

        fn in_scope(&self, scope: &Scope, row: usize) -> bool {
            scope.value() == self.districts[row].as_ref()
        }

        fn matches(&self, needle: &Needle, row: usize) -> bool {
            needle.found_in(&[Some(self.texts[row].as_str())])
        }
    }

    /// What a full scan of the whole order keeps: the rows of the scope whose text contains
    /// the filter, ignoring case.
    fn scanned(list: &ListView<SigningSort>, rows: &Texts) -> Vec<usize> {
        let filter = list.filter.to_lowercase();
        list.order
            .iter()
            .copied()
            .filter(|&row| list.scope.as_ref().is_none_or(|s| rows.in_scope(s, row)))
            .filter(|&row| rows.texts[row].as_str().to_lowercase().contains(&filter))
            .collect()
    }

    /// One thing done to a list, then `slices` slices of `budget` rows before the next.
    #[derive(Clone, Debug)]
    enum Edit {
        Type(char),
        Backspace,
        Clear,
        Scope(Option<&'static str>),
        Sort,
    }

    fn edit_strategy() -> impl proptest::strategy::Strategy<Value = Edit> {
        use proptest::prelude::*;
        prop_oneof![
            4 => proptest::sample::select(vec!['a', 'b', 'A', ' ', 'σ', 'Σ', '岳']).prop_map(Edit::Type),
            2 => Just(Edit::Backspace),
            1 => Just(Edit::Clear),
            1 => proptest::sample::select(vec![None, Some("x"), Some("y")]).prop_map(Edit::Scope),
            1 => Just(Edit::Sort),
        ]
    }

    fn apply(list: &mut ListView<SigningSort>, edit: &Edit, rows: &Texts, budget: usize) {
        let how = match edit {
            Edit::Type(c) => {
                list.filter.push(*c);
                Refresh::Refilter
            }
            Edit::Backspace => {
                list.filter.pop();
                Refresh::Refilter
            }
            Edit::Clear => {
                list.filter.clear();
                Refresh::Refilter
            }
            Edit::Scope(district) => {
                list.scope = Some(Scope::District(district.map(SafeText::new)));
                Refresh::Refilter
            }
            Edit::Sort => {
                list.sort = list.sort.reversed();
                Refresh::Resort
            }
        };
        list.refresh_within(how, rows, budget);
    }

    proptest::proptest! {
        /// Whatever is typed, deleted, scoped or re-sorted, and however the work is sliced and
        /// cut short by the next key, the rows a list ends with are exactly what a full scan of
        /// every row keeps; and a list not working never shows another filter's rows.
        #[test]
        fn narrowing_and_kept_results_give_the_full_scans_rows(
            texts in proptest::collection::vec("[abAB σΣς岳]{0,6}", 0..60),
            districts in proptest::collection::vec(proptest::sample::select(vec![None, Some("x"), Some("y")]), 60),
            edits in proptest::collection::vec((edit_strategy(), 0_usize..3), 1..24),
            budget in 1_usize..40,
        ) {
            let rows = Texts {
                districts: districts[..texts.len()].iter().map(|d| d.map(SafeText::new)).collect(),
                texts: texts.iter().map(|t| SafeText::new(t)).collect(),
            };
            let mut list = ListView::<SigningSort>::default();
            list.refresh_within(Refresh::Resort, &rows, budget);
            for (edit, slices) in &edits {
                apply(&mut list, edit, &rows, budget);
                for _ in 0..*slices {
                    list.advance(&mut budget.clone(), &rows);
                }
                if list.working().is_none() {
                    proptest::prop_assert_eq!(&list.rows, &scanned(&list, &rows));
                }
            }
            while list.working().is_some() {
                list.advance(&mut budget.clone(), &rows);
            }
            proptest::prop_assert_eq!(&list.rows, &scanned(&list, &rows));
            let total: usize = list.levels[1..].iter().map(|l| l.rows.len()).sum();
            proptest::prop_assert!(total <= list.order.len() * LEVEL_ROWS_PER_ROW + list.levels.last().map_or(0, |l| l.rows.len()));
        }
    }

    #[test]
    fn a_longer_filter_searches_only_the_rows_kept_and_deleting_back_searches_nothing() {
        let texts: Vec<String> = (0..1_000).map(|i| format!("row {i}")).collect();
        let rows = Texts {
            texts: texts.iter().map(|t| SafeText::new(t)).collect(),
            districts: vec![None; texts.len()],
        };
        let mut list = ListView::<SigningSort>::default();
        list.refresh(Refresh::Resort, &rows);
        // A budget of one row per slice counts the rows each edit reads.
        let slices = |list: &mut ListView<SigningSort>, edit: Edit| {
            apply(list, &edit, &rows, 1);
            let mut slices = 1;
            while list.working().is_some() {
                list.advance(&mut 1, &rows);
                slices += 1;
            }
            slices
        };
        assert!(slices(&mut list, Edit::Type('9')) >= 1_000);
        assert_eq!(list.rows.len(), 271);
        // "99" reads the 271 rows with a 9, not the 1,000.
        let narrowed = slices(&mut list, Edit::Type('9'));
        assert!((271..300).contains(&narrowed), "{narrowed}");
        assert_eq!(list.rows.len(), 19);
        for edit in [Edit::Backspace, Edit::Clear] {
            assert_eq!(slices(&mut list, edit), 1);
        }
        assert_eq!(list.rows.len(), 1_000);
    }

    proptest::proptest! {
        /// The fast paths answer exactly what lowercasing both sides and searching answers,
        /// for any text and filter (uppercase, non-ASCII case pairs such as 'İ' and 'Σ', CJK).
        #[test]
        fn filter_agrees_with_lowercase_then_contains(
            text in "[a-zA-Z İıΣσςK岳麓区 ]{0,12}",
            filter in "[a-zA-Z İıΣσςK岳麓 ]{1,4}",
        ) {
            let field = SafeText::new(&text);
            let expected = field.as_str().to_lowercase().contains(&filter.to_lowercase());
            proptest::prop_assert_eq!(filter_matches(&filter, &[Some(&field)]), expected);
        }
    }
}
