//! Every figure of a small feed that a person can count by hand (`tests/fixtures/hand_count.json`),
//! on 2022-02-15 with the real 2022 holiday table. The working-out is in the comments.

use chrono::NaiveDate;
use investboard::domain::aggregate::{AggregateOptions, Progress, aggregate};
use investboard::domain::amount::Amount;
use investboard::domain::calendar::Calendar;
use investboard::domain::metric::Metric::{SignedAmount, SignedProjects, StartedProjects};
use investboard::feed::parse_feed;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn summary_on(
    today: &str,
) -> (
    investboard::domain::model::Snapshot,
    investboard::domain::aggregate::Summary,
) {
    let snapshot = parse_feed(include_bytes!("fixtures/hand_count.json")).expect("fixture parses");
    assert!(snapshot.rejected.is_empty(), "{:?}", snapshot.rejected);
    let summary = aggregate(
        &snapshot,
        day(today),
        &Calendar::embedded(),
        &AggregateOptions::default(),
    );
    (snapshot, summary)
}

#[test]
fn quarter_and_year_to_date_match_a_hand_count() {
    let (_, s) = summary_on("2022-02-15");
    // Signed in Q1 and not after today: A (75 亿), B (5 亿, signed today), G (10 亿).
    // C is signed tomorrow, D signed in 2021, E is cancelled.
    assert_eq!(s.quarter.year, 2022);
    assert_eq!(s.quarter.quarter, 1);
    assert_eq!(s.quarter.actual.signed_projects, 3);
    assert_eq!(
        s.quarter.actual.signed_amount,
        Amount::from_yuan(9_000_000_000)
    );
    // Started in Q1: A (02-07) and D (01-05).
    assert_eq!(s.quarter.actual.started_projects, 2);
    assert_eq!(s.year_to_date, s.quarter.actual);
    // 46 of Q1's 90 days have passed; 44 days follow today.
    assert!((s.quarter.elapsed_share - 46.0 / 90.0).abs() < 1e-12);
    assert_eq!(s.quarter.days_left, 44);
    // 3 of 4 signed, expected 4 * 46/90 = 2.04 by today: on pace. 90 of 100 亿: on pace.
    assert_eq!(s.quarter.metric(SignedProjects).progress, Progress::OnPace);
    assert_eq!(s.quarter.metric(SignedAmount).progress, Progress::OnPace);
    assert_eq!(
        s.quarter.metric(StartedProjects).progress,
        Progress::OnTarget
    );
    assert_eq!(
        s.quarter.target.signed_amount,
        Some(Amount::from_yuan(10_000_000_000))
    );
    // Q2 has only a signed-projects target; Q3 none.
    assert_eq!(s.year_quarters[1].target.signed_projects, Some(5));
    assert_eq!(s.year_quarters[1].target.signed_amount, None);
    assert_eq!(
        s.year_quarters[1].metric(SignedAmount).progress,
        Progress::NoTarget
    );
    assert_eq!(s.year_quarters[1].actual.signed_projects, 0);
    assert!(s.year_quarters[1].elapsed_share.abs() < f64::EPSILON);
    assert_eq!(s.year_quarters[2].metric(SignedProjects).ratio, None);
}

#[test]
fn stalled_approvals_match_a_hand_count() {
    let (snapshot, s) = summary_on("2022-02-15");
    // G1 (limit 5), submitted Tue 2022-01-04. Working days after it through 02-15:
    // Jan 5-7 (3), 10-14 (5), 17-21 (5), 24-28 (5), make-up Sat 29 and Sun 30 (2),
    // Spring Festival Jan 31-Feb 6 off, Feb 7-11 (5), 14-15 (2) = 27, overdue by 22.
    // A2 (limit 9), submitted 01-27: the FEED.md example, 10 on 02-15, overdue by 1.
    // F1 (default limit 9), submitted 02-01: Feb 7-11 and 14-15 = 7: not stalled.
    let rows: Vec<(String, String, u32, u32)> = s
        .stalled
        .iter()
        .map(|st| {
            let project = &snapshot.projects[st.project];
            let approval = &project.approvals[st.approval];
            (
                project.id.to_string(),
                approval.id.to_string(),
                st.working_days_elapsed,
                st.limit_working_days,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("G".into(), "G1".into(), 27, 5),
            ("A".into(), "A2".into(), 10, 9)
        ]
    );
    assert_eq!(s.pending_approvals, 3);
    assert_eq!(s.stalled_buckets, [1, 0, 0, 1]);
    assert!(s.uncovered_years.is_empty());
}

#[test]
fn the_feed_md_example_is_not_stalled_the_day_before() {
    let (snapshot, s) = summary_on("2022-02-14");
    let a2 = s
        .stalled
        .iter()
        .find(|st| snapshot.projects[st.project].id.as_str() == "A");
    assert_eq!(
        a2, None,
        "9 working days elapsed on 2022-02-14 is within the limit"
    );
}

#[test]
fn lists_and_counts_match_a_hand_count() {
    let (snapshot, s) = summary_on("2022-02-15");
    let signings: Vec<&str> = s
        .signings
        .iter()
        .map(|&i| snapshot.projects[i].id.as_str())
        .collect();
    // Newest signing first; C (tomorrow) and E (cancelled) left out.
    assert_eq!(signings, ["B", "A", "G", "D"]);
    // >= 1 billion, not cancelled: A, D, G.
    assert_eq!(s.big_projects, 3);
    assert_eq!(s.top500_projects, 1);
    // negotiating, signed, landed, started, operating, cancelled
    assert_eq!(s.stage_counts, [1, 3, 0, 2, 0, 1]);
    let districts: Vec<(&str, u32, u128, u32, u32)> = s
        .by_district
        .iter()
        .map(|b| {
            (
                b.label.as_str(),
                b.figures.signed_projects,
                b.figures.signed_amount.whole_yuan().unwrap_or(0),
                b.figures.started_projects,
                b.projects,
            )
        })
        .collect();
    assert_eq!(
        districts,
        [
            ("Wangcheng District", 1, 7_500_000_000, 2, 2),
            ("Yuelu District", 2, 1_500_000_000, 0, 2),
            ("(none)", 0, 0, 0, 2),
        ]
    );
}

#[test]
fn a_year_outside_the_table_is_reported() {
    let (_, s) = summary_on("2027-03-01");
    assert_eq!(s.uncovered_years, [2027]);
    assert_eq!(s.next_year_uncovered, None, "only from 1 November");
    assert_eq!(s.quarter.target.signed_projects, None);
    assert_eq!(s.signings.len(), 5, "C now signed too");
}

/// G1 (still pending) keeps counting into 2027, which the table does not cover: the
/// provisional rule (weekends and statutory holidays, no make-up days) counts it.
#[test]
fn elapsed_working_days_run_on_provisionally_into_2027() {
    let g1 = |today: &str| {
        let (snapshot, s) = summary_on(today);
        s.stalled
            .iter()
            .find(|st| {
                snapshot.projects[st.project].approvals[st.approval]
                    .id
                    .as_str()
                    == "G1"
            })
            .map(|st| st.working_days_elapsed)
            .expect("G1 is stalled")
    };
    // Thu 2026-12-31 counts; Fri 2027-01-01 (New Year's Day) does not: one day more.
    assert_eq!(g1("2027-01-01") - g1("2026-12-30"), 1);
    // Mon 2027-02-01 to Fri 02-12: Tue 2-Thu 4 (3), the eve Fri 5 to the 3rd day Mon 8 off,
    // Tue 9-Fri 12 (4) = 7.
    assert_eq!(g1("2027-02-12") - g1("2027-02-01"), 7);
    // A whole provisional year: 261 weekdays less 7 statutory holidays on weekdays.
    assert_eq!(g1("2027-12-31") - g1("2026-12-31"), 254);
    let (_, s) = summary_on("2026-11-01");
    assert_eq!(s.next_year_uncovered, Some(2027));
    assert!(s.uncovered_years.is_empty());
}
