//! Drill-down from the targets panel's aggregates: its breakdown rows (by district, by chain,
//! stalled approvals by department) are selectable as one run of rows; Enter opens the list
//! those rows count, scoped to the selected one, and Esc comes back to where it started (the
//! view, the selection, the list's filter).

use super::lists::{Refresh, Scope};
use super::{App, Panel};
use crate::domain::aggregate::UNASSIGNED;
use crate::sanitize::SafeText;

/// The breakdowns of the targets panel, in the order their rows are walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakdownKind {
    District,
    Chain,
    Department,
}

impl BreakdownKind {
    pub const ALL: [BreakdownKind; 3] = [
        BreakdownKind::District,
        BreakdownKind::Chain,
        BreakdownKind::Department,
    ];
}

/// The selection among the breakdown rows: one index over the districts, then the chains,
/// then the departments; `expanded` shows every row of the selected breakdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TargetsView {
    pub selected: usize,
    pub expanded: bool,
}

impl TargetsView {
    /// The breakdown and the row in it that the selection is on, given each one's length.
    pub fn position(&self, lengths: [usize; 3]) -> Option<(BreakdownKind, usize)> {
        let mut start = 0;
        for (kind, len) in BreakdownKind::ALL.into_iter().zip(lengths) {
            if self.selected < start + len {
                return Some((kind, self.selected - start));
            }
            start += len;
        }
        None
    }

    /// The selection index of row `row` of `kind`.
    pub fn index_of(kind: BreakdownKind, row: usize, lengths: [usize; 3]) -> usize {
        let before: usize = BreakdownKind::ALL
            .into_iter()
            .zip(lengths)
            .take_while(|(k, _)| *k != kind)
            .map(|(_, len)| len)
            .sum();
        before + row
    }

    pub(super) fn move_by(&mut self, delta: isize, lengths: [usize; 3]) {
        let last = lengths.iter().sum::<usize>().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub(super) fn clamp(&mut self, lengths: [usize; 3]) {
        let last = lengths.iter().sum::<usize>().saturating_sub(1);
        self.selected = self.selected.min(last);
    }
}

/// Where a drill-down started: Esc restores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Back {
    targets: TargetsView,
    /// The list opened, with its filter, scope and selection before the drill-down.
    list: Panel,
    filter: String,
    scope: Option<Scope>,
    selected: usize,
}

/// The breakdown's own label back to the value it stands for: the aggregation's "(none)" row
/// counts the projects without one.
fn value(label: &SafeText) -> Option<SafeText> {
    (label.as_str() != UNASSIGNED).then(|| label.clone())
}

impl App {
    /// Rows in each breakdown (districts, chains, departments).
    pub fn breakdown_lengths(&self) -> [usize; 3] {
        self.data.as_ref().map_or([0; 3], |d| {
            [
                d.summary.by_district.len(),
                d.summary.by_chain.len(),
                d.trends.stalled_by_department.len(),
            ]
        })
    }

    /// Enter on a breakdown row: the list it counts, scoped to that row, from its first row.
    pub(super) fn drill_down(&mut self) {
        let Some(data) = &self.data else { return };
        let Some((kind, row)) = self.targets.position(self.breakdown_lengths()) else {
            return;
        };
        let (list, scope) = match kind {
            BreakdownKind::District => (
                Panel::Signings,
                Scope::District(value(&data.summary.by_district[row].label)),
            ),
            BreakdownKind::Chain => (
                Panel::Signings,
                Scope::Chain(value(&data.summary.by_chain[row].label)),
            ),
            BreakdownKind::Department => (
                Panel::Stalled,
                Scope::Department(value(&data.trends.stalled_by_department[row].department)),
            ),
        };
        let (filter, old_scope, selected) = match list {
            Panel::Stalled => (
                std::mem::take(&mut self.stalled.filter),
                self.stalled.scope.replace(scope),
                self.stalled.selected,
            ),
            _ => (
                std::mem::take(&mut self.signings.filter),
                self.signings.scope.replace(scope),
                self.signings.selected,
            ),
        };
        self.back = Some(Back {
            targets: self.targets,
            list,
            filter,
            scope: old_scope,
            selected,
        });
        self.set_focus(list);
        self.refresh_focused(Refresh::Refilter);
    }

    /// Esc after a drill-down: the list as it was, and the targets panel with its selection.
    pub(super) fn go_back(&mut self, back: Back) {
        self.set_focus(back.list);
        if back.list == Panel::Stalled {
            self.stalled.filter = back.filter;
            self.stalled.scope = back.scope;
        } else {
            self.signings.filter = back.filter;
            self.signings.scope = back.scope;
        }
        self.refresh_focused(Refresh::Refilter);
        match back.list {
            Panel::Stalled => self.stalled.select(back.selected),
            _ => self.signings.select(back.selected),
        }
        self.targets = back.targets;
        self.set_focus(Panel::Targets);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_selection_walks_the_three_breakdowns() {
        let lengths = [2, 0, 3];
        let mut view = TargetsView::default();
        assert_eq!(view.position(lengths), Some((BreakdownKind::District, 0)));
        view.move_by(2, lengths);
        // No chain rows: from the last district straight to the first department.
        assert_eq!(view.position(lengths), Some((BreakdownKind::Department, 0)));
        view.move_by(99, lengths);
        assert_eq!(view.position(lengths), Some((BreakdownKind::Department, 2)));
        assert_eq!(
            TargetsView::index_of(BreakdownKind::Department, 2, lengths),
            4
        );
        view.move_by(-99, lengths);
        assert_eq!(view.selected, 0);
        view.selected = 9;
        view.clamp([1, 1, 1]);
        assert_eq!(view.selected, 2);
        assert_eq!(TargetsView::default().position([0; 3]), None);
    }
}
