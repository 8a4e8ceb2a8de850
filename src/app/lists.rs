//! The two focusable lists (signings, stalled approvals): which rows they show in what order,
//! and which row is selected. Rows are recomputed when data, filter or sort change, so a frame
//! only lays out what is here.

use crate::domain::aggregate::Summary;
use crate::domain::model::Snapshot;
use crate::sanitize::SafeText;

/// Sort orders of the signings list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SigningSort {
    /// Newest signing first (the aggregation's order).
    #[default]
    Date,
    /// Largest amount first.
    Amount,
    /// By district name, newest first within a district.
    District,
}

impl SigningSort {
    #[must_use]
    pub fn next(self) -> SigningSort {
        match self {
            SigningSort::Date => SigningSort::Amount,
            SigningSort::Amount => SigningSort::District,
            SigningSort::District => SigningSort::Date,
        }
    }
}

/// Sort orders of the stalled list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StalledSort {
    /// Most overdue first (the aggregation's order).
    #[default]
    Overdue,
    /// Oldest submission first.
    Submitted,
    /// By department name, most overdue first within one.
    Department,
}

impl StalledSort {
    #[must_use]
    pub fn next(self) -> StalledSort {
        match self {
            StalledSort::Overdue => StalledSort::Submitted,
            StalledSort::Submitted => StalledSort::Department,
            StalledSort::Department => StalledSort::Overdue,
        }
    }
}

/// Selection, filter and sort of one list. `rows` holds indices: into `Summary::signings`'
/// project indices for signings, into `Summary::stalled` for stalled approvals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListView<S> {
    pub rows: Vec<usize>,
    pub selected: usize,
    pub filter: String,
    pub sort: S,
}

impl<S> ListView<S> {
    pub fn selected_row(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// Moves the selection by `delta` rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn select_first(&mut self) {
        self.selected = 0;
    }

    pub fn select_last(&mut self) {
        self.selected = self.rows.len().saturating_sub(1);
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

/// Case-insensitive substring match over a row's texts; an empty needle matches everything.
fn matches(needle: &str, fields: &[Option<&SafeText>]) -> bool {
    if needle.is_empty() {
        return true;
    }
    let needle = needle.to_lowercase();
    fields
        .iter()
        .flatten()
        .any(|text| text.as_str().to_lowercase().contains(&needle))
}

fn text_key(text: Option<&SafeText>) -> (bool, &str) {
    // Rows without a value sort last.
    text.map_or((true, ""), |t| (false, t.as_str()))
}

/// Recomputes the signing rows, keeping the selection on the same project when it survives.
///
/// Signings new since the previous poll (`is_new`) lead the rows of their signing date in the
/// date order: the room sees what just arrived before older rows of the same day.
pub fn refresh_signings(
    list: &mut ListView<SigningSort>,
    snapshot: &Snapshot,
    summary: &Summary,
    is_new: impl Fn(&SafeText) -> bool,
) {
    let selected_id = list
        .selected_row()
        .and_then(|i| snapshot.projects.get(i))
        .map(|p| p.id.clone());
    let mut rows: Vec<usize> = summary
        .signings
        .iter()
        .copied()
        .filter(|&i| {
            let p = &snapshot.projects[i];
            matches(
                &list.filter,
                &[
                    p.district.as_ref(),
                    p.chain.as_ref(),
                    Some(&p.name),
                    p.investor.as_ref(),
                ],
            )
        })
        .collect();
    // `summary.signings` is newest first; stable sorts keep that as the tie-break.
    match list.sort {
        SigningSort::Date => {
            rows.sort_by_key(|&i| {
                let p = &snapshot.projects[i];
                (std::cmp::Reverse(p.signed_on), !is_new(&p.id))
            });
        }
        SigningSort::Amount => {
            rows.sort_by(|&a, &b| {
                snapshot.projects[b]
                    .amount
                    .cmp(&snapshot.projects[a].amount)
            });
        }
        SigningSort::District => rows.sort_by(|&a, &b| {
            text_key(snapshot.projects[a].district.as_ref())
                .cmp(&text_key(snapshot.projects[b].district.as_ref()))
        }),
    }
    list.rows = rows;
    if let Some(id) = selected_id
        && let Some(pos) = list
            .rows
            .iter()
            .position(|&i| snapshot.projects[i].id == id)
    {
        list.selected = pos;
    }
    list.clamp();
}

/// Recomputes the stalled rows, keeping the selection on the same approval when it survives.
pub fn refresh_stalled(list: &mut ListView<StalledSort>, snapshot: &Snapshot, summary: &Summary) {
    let key_of = |entry: usize| {
        summary.stalled.get(entry).map(|s| {
            let project = &snapshot.projects[s.project];
            (project.id.clone(), project.approvals[s.approval].id.clone())
        })
    };
    let selected_key = list.selected_row().and_then(key_of);
    let mut rows: Vec<usize> = (0..summary.stalled.len())
        .filter(|&i| {
            let s = &summary.stalled[i];
            let p = &snapshot.projects[s.project];
            let a = &p.approvals[s.approval];
            matches(
                &list.filter,
                &[
                    p.district.as_ref(),
                    p.chain.as_ref(),
                    Some(&p.name),
                    p.investor.as_ref(),
                    a.department.as_ref(),
                ],
            )
        })
        .collect();
    let approval = |i: usize| {
        let s = &summary.stalled[i];
        &snapshot.projects[s.project].approvals[s.approval]
    };
    match list.sort {
        StalledSort::Overdue => {}
        StalledSort::Submitted => {
            rows.sort_by_key(|&i| approval(i).submitted_on);
        }
        StalledSort::Department => rows.sort_by(|&a, &b| {
            text_key(approval(a).department.as_ref())
                .cmp(&text_key(approval(b).department.as_ref()))
        }),
    }
    list.rows = rows;
    if let Some(key) = selected_key
        && let Some(pos) = list
            .rows
            .iter()
            .position(|&i| key_of(i) == Some(key.clone()))
    {
        list.selected = pos;
    }
    list.clamp();
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
        list.rows.clear();
        list.clamp();
        assert_eq!(list.selected_row(), None);
    }

    #[test]
    fn sorts_cycle() {
        assert_eq!(SigningSort::District.next(), SigningSort::Date);
        assert_eq!(StalledSort::Overdue.next().next(), StalledSort::Department);
    }

    #[test]
    fn filter_matches_any_field_ignoring_case() {
        let name = SafeText::new("Desai Battery 储能");
        assert!(matches("battery", &[None, Some(&name)]));
        assert!(matches("储能", &[Some(&name)]));
        assert!(!matches("yuelu", &[Some(&name), None]));
        assert!(matches("", &[]));
    }
}
