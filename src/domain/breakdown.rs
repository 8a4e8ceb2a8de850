//! Stalled approvals grouped by the department that holds them: who is holding things up. The
//! wall's ranked bars and the console's drill-down read the same breakdown. Pure domain: no
//! terminal, no IO.

use std::collections::HashMap;

use crate::domain::aggregate::{StalledApproval, UNASSIGNED};
use crate::domain::model::Snapshot;
use crate::sanitize::SafeText;

/// One department's stalled approvals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentStalls {
    /// The department as the feed names it; [`UNASSIGNED`] for approvals that name none.
    pub department: SafeText,
    pub stalled: u32,
    /// Working days past the limit of its most overdue approval.
    pub worst_overdue: u32,
}

/// The departments holding `stalled` approvals (as [`Summary::stalled`] lists them), most
/// stalled first, then the worst overdue, then by name so the order never flickers.
///
/// [`Summary::stalled`]: crate::domain::aggregate::Summary::stalled
pub fn stalled_by_department(
    snapshot: &Snapshot,
    stalled: &[StalledApproval],
) -> Vec<DepartmentStalls> {
    let mut departments: HashMap<SafeText, DepartmentStalls> = HashMap::new();
    for entry in stalled {
        let department = snapshot
            .projects
            .get(entry.project)
            .and_then(|p| p.approvals.get(entry.approval))
            .and_then(|a| a.department.clone())
            .unwrap_or_else(|| SafeText::new(UNASSIGNED));
        let row = departments
            .entry(department.clone())
            .or_insert(DepartmentStalls {
                department,
                stalled: 0,
                worst_overdue: 0,
            });
        row.stalled = row.stalled.saturating_add(1);
        row.worst_overdue = row.worst_overdue.max(entry.overdue_by());
    }
    let mut rows: Vec<DepartmentStalls> = departments.into_values().collect();
    rows.sort_by(|a, b| {
        b.stalled
            .cmp(&a.stalled)
            .then(b.worst_overdue.cmp(&a.worst_overdue))
            .then(a.department.cmp(&b.department))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregate::{AggregateOptions, aggregate};
    use crate::domain::calendar::Calendar;
    use crate::domain::trends::fixture::{WithApprovals, approval, project, snapshot};

    #[test]
    fn departments_rank_by_stalled_count_then_worst_overdue() {
        // Today Monday 2026-03-16; limit 2 working days. Working days after a submission,
        // counted by hand on the 2026 calendar (no holiday between 2 and 16 March):
        //   submitted Mon 03-02: 3,4,5,6,9,10,11,12,13,16 = 10 elapsed, 8 overdue
        //   submitted Mon 03-09: 10,11,12,13,16 = 5 elapsed, 3 overdue
        //   submitted Thu 03-12: 13,16 = 2 elapsed, not stalled
        // Land bureau: 03-09 and 03-09 (2 stalled, worst 3); Planning: 03-02 (1, worst 8);
        // (none): 03-09 (1, worst 3); Housing: 03-12 only, not stalled, so absent.
        let today = NaiveDate::from_ymd_opt(2026, 3, 16).expect("date");
        let feed = snapshot(vec![
            project("A", "signed", Some("2026-01-05"), None, 1).with_approvals(vec![
                approval("1", Some("Land bureau"), "2026-03-09", 2),
                approval("2", Some("Planning"), "2026-03-02", 2),
            ]),
            project("B", "signed", Some("2026-01-05"), None, 1).with_approvals(vec![
                approval("1", Some("Land bureau"), "2026-03-09", 2),
                approval("2", None, "2026-03-09", 2),
                approval("3", Some("Housing"), "2026-03-12", 2),
            ]),
        ]);
        let summary = aggregate(
            &feed,
            today,
            &Calendar::embedded(),
            &AggregateOptions::default(),
        );
        let rows: Vec<(String, u32, u32)> = stalled_by_department(&feed, &summary.stalled)
            .into_iter()
            .map(|r| (r.department.as_str().to_owned(), r.stalled, r.worst_overdue))
            .collect();
        assert_eq!(
            rows,
            [
                ("Land bureau".to_owned(), 2, 3),
                ("Planning".to_owned(), 1, 8),
                (UNASSIGNED.to_owned(), 1, 3),
            ]
        );
    }

    use chrono::NaiveDate;
}
