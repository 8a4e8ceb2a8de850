//! The two focusable lists (signings, stalled approvals): which rows they show in what order,
//! and which row is selected. The order of all rows is computed when data or sort change and
//! kept; a filter change only filters that order again, so typing a filter never re-sorts a
//! huge feed. A frame only lays out what is here.

use std::cmp::Ordering;

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

/// Selection, filter, scope and sort of one list. `rows` holds indices: into
/// `Summary::signings`' project indices for signings, into `Summary::stalled` for stalled
/// approvals; `order` is every row in sort order, before filter and scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListView<C> {
    pub rows: Vec<usize>,
    order: Vec<usize>,
    pub selected: usize,
    pub filter: String,
    pub scope: Option<Scope>,
    pub sort: Sort<C>,
}

impl<C: SortColumn> Default for ListView<C> {
    fn default() -> Self {
        ListView {
            rows: Vec::new(),
            order: Vec::new(),
            selected: 0,
            filter: String::new(),
            scope: None,
            sort: Sort::default(),
        }
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

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// After new rows: the first row after a filter or scope change, else the row the
    /// selected item moved to (`kept`), else the same position.
    fn reselect(&mut self, how: Refresh, kept: Option<usize>) {
        self.selected = match how {
            Refresh::Resort => kept.unwrap_or(self.selected),
            Refresh::Refilter => 0,
        };
        self.clamp();
    }
}

/// A filter, lowercased once per refresh: a keystroke refilters every row (333,333 signings in
/// a 2,000,000-record feed), so nothing per row may allocate unless the text needs it.
struct Needle(String);

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

/// Case-insensitive substring match over a row's texts; an empty filter matches everything.
fn matches(needle: Option<&Needle>, fields: &[Option<&str>]) -> bool {
    needle.is_none_or(|needle| needle.found_in(fields))
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

/// The text of an optional label, for the filters and sorts that read ids, names and labels
/// alike.
fn text(label: Option<&SafeText>) -> Option<&str> {
    label.map(SafeText::as_str)
}

/// Stable-sorts `order` by a text of each row, in `direction`, rows without one last.
fn sort_by_text<'a>(
    order: &mut [usize],
    direction: Direction,
    text: impl Fn(usize) -> Option<&'a str>,
) {
    order.sort_by(|&a, &b| by_text(text(a), text(b), direction));
}

/// How the signings list changed: the selection follows its project on new data or a new
/// sort, and goes to the first row when the filter or scope changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// Data or sort changed: order everything again.
    Resort,
    /// Only the filter or scope changed: the order stands.
    Refilter,
}

/// Recomputes the signing rows.
///
/// Signings new since the previous poll (`is_new`) lead the rows of their signing date in the
/// newest-first date order: the room sees what just arrived before older rows of the same day.
pub fn refresh_signings(
    list: &mut ListView<SigningSort>,
    snapshot: &Snapshot,
    summary: &Summary,
    how: Refresh,
    is_new: impl Fn(&CompactText) -> bool,
) {
    let selected_id = list
        .selected_row()
        .and_then(|i| snapshot.projects.get(i))
        .map(|p| p.id.clone());
    if how == Refresh::Resort {
        // `summary.signings` is newest first; stable sorts keep that as the tie-break.
        let mut order = summary.signings.clone();
        let project = |i: usize| &snapshot.projects[i];
        let direction = list.sort.direction;
        match list.sort.column {
            SigningSort::Date => match direction {
                Direction::Descending => order.sort_by_key(|&i| {
                    let p = project(i);
                    (std::cmp::Reverse(p.signed_on), !is_new(&p.id))
                }),
                Direction::Ascending => order.sort_by_key(|&i| project(i).signed_on),
            },
            SigningSort::Amount => {
                order.sort_by(|&a, &b| direction.apply(project(a).amount.cmp(&project(b).amount)));
            }
            SigningSort::Project => {
                sort_by_text(&mut order, direction, |i| Some(project(i).name.as_str()));
            }
            SigningSort::Investor => {
                sort_by_text(&mut order, direction, |i| {
                    text(project(i).investor.as_ref())
                });
            }
            SigningSort::District => {
                sort_by_text(&mut order, direction, |i| {
                    text(project(i).district.as_ref())
                });
            }
            SigningSort::Chain => {
                sort_by_text(&mut order, direction, |i| text(project(i).chain.as_ref()));
            }
        }
        list.order = order;
    }
    let needle = Needle::new(&list.filter);
    list.rows = list
        .order
        .iter()
        .copied()
        .filter(|&i| {
            let p = &snapshot.projects[i];
            list.scope.as_ref().is_none_or(|s| s.keeps(p, None))
                && matches(
                    needle.as_ref(),
                    &[
                        text(p.district.as_ref()),
                        text(p.chain.as_ref()),
                        Some(p.name.as_str()),
                        text(p.investor.as_ref()),
                    ],
                )
        })
        .collect();
    let kept = selected_id.and_then(|id| {
        list.rows
            .iter()
            .position(|&i| snapshot.projects[i].id == id)
    });
    list.reselect(how, kept);
}

/// Recomputes the stalled rows, as [`refresh_signings`].
pub fn refresh_stalled(
    list: &mut ListView<StalledSort>,
    snapshot: &Snapshot,
    summary: &Summary,
    how: Refresh,
) {
    let key_of = |entry: usize| {
        summary.stalled.get(entry).map(|s| {
            let project = &snapshot.projects[s.project];
            (project.id.clone(), project.approvals[s.approval].id.clone())
        })
    };
    let selected_key = list.selected_row().and_then(key_of);
    let project = |i: usize| &snapshot.projects[summary.stalled[i].project];
    let approval = |i: usize| {
        let s = &summary.stalled[i];
        &snapshot.projects[s.project].approvals[s.approval]
    };
    if how == Refresh::Resort {
        // `summary.stalled` is most overdue first; stable sorts keep that as the tie-break.
        let mut order: Vec<usize> = (0..summary.stalled.len()).collect();
        let direction = list.sort.direction;
        let entry = |i: usize| &summary.stalled[i];
        match list.sort.column {
            StalledSort::Overdue => {
                if direction == Direction::Ascending {
                    order.sort_by_key(|&i| entry(i).overdue_by());
                }
            }
            StalledSort::Days => order.sort_by(|&a, &b| {
                direction.apply(
                    entry(a)
                        .working_days_elapsed
                        .cmp(&entry(b).working_days_elapsed),
                )
            }),
            StalledSort::Submitted => order.sort_by(|&a, &b| {
                direction.apply(approval(a).submitted_on.cmp(&approval(b).submitted_on))
            }),
            StalledSort::Department => {
                sort_by_text(&mut order, direction, |i| {
                    text(approval(i).department.as_ref())
                });
            }
            StalledSort::Item => {
                sort_by_text(&mut order, direction, |i| text(approval(i).item.as_ref()));
            }
            StalledSort::Project => {
                sort_by_text(&mut order, direction, |i| Some(project(i).name.as_str()));
            }
        }
        list.order = order;
    }
    let needle = Needle::new(&list.filter);
    list.rows = list
        .order
        .iter()
        .copied()
        .filter(|&i| {
            let (p, a) = (project(i), approval(i));
            list.scope.as_ref().is_none_or(|s| s.keeps(p, Some(a)))
                && matches(
                    needle.as_ref(),
                    &[
                        text(p.district.as_ref()),
                        text(p.chain.as_ref()),
                        Some(p.name.as_str()),
                        text(p.investor.as_ref()),
                        text(a.department.as_ref()),
                    ],
                )
        })
        .collect();
    let kept = selected_key.and_then(|key| {
        list.rows
            .iter()
            .position(|&i| key_of(i).as_ref() == Some(&key))
    });
    list.reselect(how, kept);
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
        matches(Needle::new(filter).as_ref(), &fields)
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
