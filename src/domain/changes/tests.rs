//! The comparison against two snapshots small enough to check by hand, and the log's order
//! and bound.
//!
//! The previous poll was read on Thursday 2026-03-12, the current one on Monday 2026-03-16.
//! Working days after Monday 03-09 (no holiday in March 2026): by 03-12 three (10, 11, 12), by
//! 03-16 five (10, 11, 12, 13, 16). So approval B/1 (limit 4) is not stalled before and one day
//! overdue now; B/2 (submitted 03-02, limit 2) was stalled before and is approved now.
//!
//! | id | before                    | now                          | change            |
//! |----|---------------------------|------------------------------|-------------------|
//! | A  | negotiating               | signed 03-16 (1 亿)          | new signing       |
//! | B  | signed, B/1 and B/2 pending | B/1 stalled, B/2 approved  | stalled, decided  |
//! | C  | signed                    | landed                       | stage advance     |
//! | D  | landed                    | cancelled                    | cancelled         |
//! | E  | signed                    | gone                         | removed           |
//! | F  | absent                    | signed 03-13 (8 亿)          | new signing       |
//! | G  | absent                    | negotiating                  | none              |

use chrono::NaiveDate;

use super::*;
use crate::domain::aggregate::{AggregateOptions, Summary, aggregate};
use crate::domain::calendar::Calendar;
use crate::domain::trends::fixture::{WithApprovals, approval, project, snapshot};
use crate::sanitize::CompactText;

fn date(text: &str) -> NaiveDate {
    crate::domain::date::parse_iso_date(text).expect("a date")
}

fn seen(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a time")
}

fn before() -> Snapshot {
    snapshot(vec![
        project("A", "negotiating", None, None, 1),
        project("B", "signed", Some("2026-01-05"), None, 2).with_approvals(vec![
            approval("1", Some("Land bureau"), "2026-03-09", 4),
            approval("2", Some("Planning"), "2026-03-02", 2),
        ]),
        project("C", "signed", Some("2026-01-05"), None, 3),
        project("D", "landed", Some("2026-01-05"), None, 4),
        project("E", "signed", Some("2026-01-05"), None, 5),
    ])
}

fn now() -> Snapshot {
    let mut b = project("B", "signed", Some("2026-01-05"), None, 2).with_approvals(vec![
        approval("1", Some("Land bureau"), "2026-03-09", 4),
        approval("2", Some("Planning"), "2026-03-02", 2),
    ]);
    b.approvals[1].status = ApprovalStatus::Approved;
    b.approvals[1].decided_on = Some(date("2026-03-16"));
    snapshot(vec![
        project("A", "signed", Some("2026-03-16"), None, 1),
        b,
        project("C", "landed", Some("2026-01-05"), None, 3),
        project("D", "cancelled", Some("2026-01-05"), None, 4),
        project("F", "signed", Some("2026-03-13"), None, 8),
        project("G", "negotiating", None, None, 9),
    ])
}

fn summary(feed: &Snapshot, today: &str) -> Summary {
    aggregate(
        feed,
        date(today),
        &Calendar::embedded(),
        &AggregateOptions::default(),
    )
}

fn described(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|c| format!("{} {:?}", c.project_id, c.kind))
        .collect()
}

#[test]
fn each_kind_of_change_is_found_most_important_first() {
    let (old, new) = (before(), now());
    let (old_summary, new_summary) = (summary(&old, "2026-03-12"), summary(&new, "2026-03-16"));
    let changes = compare(
        Observed {
            snapshot: &old,
            stalled: &old_summary.stalled,
        },
        Observed {
            snapshot: &new,
            stalled: &new_summary.stalled,
        },
        date("2026-03-16"),
        seen("2026-03-16T09:00:00+08:00"),
        usize::MAX,
    );
    assert_eq!(
        described(&changes),
        [
            "F NewSigning { signed_on: 2026-03-13 }",
            "A NewSigning { signed_on: 2026-03-16 }",
            "C StageAdvanced { from: Signed, to: Landed }",
            "B NewlyStalled { approval: \"1\", item: Some(\"Item 1\"), department: Some(\"Land bureau\"), overdue: 1 }",
            "B ApprovalDecided { approval: \"2\", item: Some(\"Item 2\"), status: Approved }",
            "D Cancelled",
            "E Removed",
        ]
    );
    assert!(
        changes
            .iter()
            .all(|c| c.seen_at == seen("2026-03-16T09:00:00+08:00"))
    );
    assert_eq!(changes[0].project_name.as_str(), "Project F");
}

#[test]
fn the_same_snapshot_twice_changes_nothing() {
    let feed = now();
    let summary = summary(&feed, "2026-03-16");
    let observed = Observed {
        snapshot: &feed,
        stalled: &summary.stalled,
    };
    let changes = compare(
        observed,
        observed,
        date("2026-03-16"),
        seen("2026-03-16T09:00:00+08:00"),
        usize::MAX,
    );
    assert_eq!(changes, []);
}

/// Many changes with equal keys (equal amounts; several approvals of one project decided at
/// once): the first `at_most` of them are exactly the first of the whole list, for every
/// `at_most`, so keeping only what the log will hold changes nothing it shows.
#[test]
fn at_most_keeps_the_head_of_the_whole_list() {
    // Limit 2 from Wednesday 03-11: not stalled on 03-12, stalled on 03-16 unless decided.
    let pending = || {
        (0..3)
            .map(|i| approval(&i.to_string(), Some("Land bureau"), "2026-03-11", 2))
            .collect::<Vec<_>>()
    };
    let yi = |i: usize| u64::try_from(i % 4).unwrap_or(0) + 1;
    let ids: Vec<String> = (0..40).map(|i| format!("P{i:02}")).collect();
    let before = snapshot(
        ids.iter()
            .enumerate()
            .map(|(i, id)| {
                let stage = if i % 3 == 0 { "negotiating" } else { "signed" };
                let signed = (i % 3 != 0).then_some("2026-01-05");
                project(id, stage, signed, None, yi(i)).with_approvals(pending())
            })
            .collect(),
    );
    let now = snapshot(
        ids.iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != 4)
            .map(|(i, id)| {
                let stage = if i % 3 == 1 { "landed" } else { "signed" };
                let signed = Some(if i % 3 == 0 {
                    "2026-03-13"
                } else {
                    "2026-01-05"
                });
                let mut p = project(id, stage, signed, None, yi(i)).with_approvals(pending());
                if i % 2 == 0 {
                    for approval in &mut p.approvals {
                        approval.status = ApprovalStatus::Approved;
                        approval.decided_on = Some(date("2026-03-16"));
                    }
                }
                p
            })
            .collect(),
    );
    let (old_summary, new_summary) = (summary(&before, "2026-03-12"), summary(&now, "2026-03-16"));
    let changes = |at_most| {
        compare(
            Observed {
                snapshot: &before,
                stalled: &old_summary.stalled,
            },
            Observed {
                snapshot: &now,
                stalled: &new_summary.stalled,
            },
            date("2026-03-16"),
            seen("2026-03-16T09:00:00+08:00"),
            at_most,
        )
    };
    let all = changes(usize::MAX);
    assert!(all.len() > 60, "{}", all.len());
    for at_most in (0..=all.len() + 1).chain([2 * all.len()]) {
        let head = &all[..at_most.min(all.len())];
        assert_eq!(changes(at_most), head, "at most {at_most}");
    }
}

fn entry(id: usize, at: &str) -> Change {
    Change {
        seen_at: seen(at),
        project_id: CompactText::new(&id.to_string()),
        project_name: CompactText::new("p"),
        amount: Amount::ZERO,
        district: None,
        kind: ChangeKind::Removed,
    }
}

#[test]
fn the_log_keeps_the_newest_poll_first_and_stays_bounded() {
    let mut log = ChangeLog::default();
    log.record(vec![
        entry(1, "2026-03-16T09:00:00+08:00"),
        entry(2, "2026-03-16T09:00:00+08:00"),
    ]);
    log.record(vec![
        entry(3, "2026-03-16T09:01:00+08:00"),
        entry(4, "2026-03-16T09:01:00+08:00"),
    ]);
    let ids: Vec<&str> = log.entries().map(|c| c.project_id.as_str()).collect();
    assert_eq!(ids, ["3", "4", "1", "2"]);

    log.record(
        (10..10 + CHANGE_LOG_CAPACITY)
            .map(|i| entry(i, "2026-03-16T09:02:00+08:00"))
            .collect(),
    );
    assert_eq!(log.len(), CHANGE_LOG_CAPACITY);
    let first = log
        .entries()
        .next()
        .map(|c| c.project_id.as_str().to_owned());
    assert_eq!(first.as_deref(), Some("10"));
    assert!(
        log.entries().all(|c| c.project_id.as_str() != "1"),
        "the oldest went first"
    );
}
