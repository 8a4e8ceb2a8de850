//! Every series against a feed small enough to count by hand. The counts are worked out in the
//! comments from the dates below; the code under test never computed them.
//!
//! Today is Wednesday 2026-04-08: day 8 (index 7) of Q2 (1 April .. 30 June, 91 days); Q1
//! (1 January .. 31 March) has 31 + 28 + 31 = 90 days.
//!
//! | id | stage       | signed     | started    | 亿 |
//! |----|-------------|------------|------------|----|
//! | A  | started     | 2026-01-02 | 2026-01-20 | 2  |
//! | B  | signed      | 2026-01-02 |            | 3  |
//! | C  | started     | 2026-02-10 | 2026-04-01 | 5  |
//! | D  | signed      | 2026-04-03 |            | 4  |
//! | E  | signed      | 2026-04-08 (today)  |   | 1  |
//! | F  | signed      | 2026-04-09 (future) |   | 7  |
//! | G  | cancelled   | 2026-04-02 |            | 9  |
//! | H  | started     | 2025-12-30 | 2026-04-07 | 6  |
//! | I  | negotiating |            |            | 10 |

use chrono::NaiveDate;

use super::fixture::{project, snapshot, target};
use super::*;
use crate::domain::aggregate::{AggregateOptions, aggregate};
use crate::domain::calendar::Calendar;

fn date(text: &str) -> NaiveDate {
    crate::domain::date::parse_iso_date(text).expect("a date")
}

fn today() -> NaiveDate {
    date("2026-04-08")
}

fn feed() -> Snapshot {
    let mut feed = snapshot(vec![
        project("A", "started", Some("2026-01-02"), Some("2026-01-20"), 2),
        project("B", "signed", Some("2026-01-02"), None, 3),
        project("C", "started", Some("2026-02-10"), Some("2026-04-01"), 5),
        project("D", "signed", Some("2026-04-03"), None, 4),
        project("E", "signed", Some("2026-04-08"), None, 1),
        project("F", "signed", Some("2026-04-09"), None, 7),
        project("G", "cancelled", Some("2026-04-02"), None, 9),
        project("H", "started", Some("2025-12-30"), Some("2026-04-07"), 6),
        project("I", "negotiating", None, None, 10),
    ]);
    feed.targets = vec![target(2026, 1, 4, 10, 2), target(2026, 2, 6, 12, 3)];
    feed
}

fn summary_on(feed: &Snapshot, day: NaiveDate) -> Summary {
    aggregate(
        feed,
        day,
        &Calendar::embedded(),
        &AggregateOptions::default(),
    )
}

fn computed() -> Trends {
    let feed = feed();
    trends(&feed, &summary_on(&feed, today()), today())
}

fn yi(count: u64) -> Quantity {
    Quantity::Money(Amount::from_yuan(count * 100_000_000))
}

/// The cumulative figures as (day index, value) at each index where they change, plus the
/// length: what a hand count writes down.
fn steps(burn_up: &BurnUp) -> (Vec<(usize, Quantity)>, usize) {
    let mut changes = Vec::new();
    let mut before = zero(burn_up.metric);
    for (day, value) in burn_up.cumulative.iter().enumerate() {
        if *value != before {
            changes.push((day, *value));
            before = *value;
        }
    }
    (changes, burn_up.cumulative.len())
}

#[test]
fn a_past_quarter_runs_to_its_last_day() {
    let trends = computed();
    assert_eq!(trends.quarters.len(), 2, "Q1 and today's Q2");
    let [signed, amount, started] = &trends.quarters[0];
    assert_eq!((signed.year, signed.quarter), (2026, 1));
    assert_eq!(signed.length_days, 90);
    assert_eq!(signed.today, None);
    assert_eq!(signed.last_day(), date("2026-03-31"));
    // A and B on 2 January (index 1), C on 10 February (index 31 + 9 = 40). H was signed in
    // 2025 and counts in no quarter of 2026.
    assert_eq!(
        steps(signed),
        (vec![(1, Quantity::Count(2)), (40, Quantity::Count(3))], 90)
    );
    assert_eq!(steps(amount), (vec![(1, yi(5)), (40, yi(10))], 90));
    // A started on 20 January (index 19); C and H started in Q2.
    assert_eq!(steps(started), (vec![(19, Quantity::Count(1))], 90));
    assert_eq!(signed.target, Some(Quantity::Count(4)));
    assert_eq!(amount.target, Some(yi(10)));
}

#[test]
fn todays_quarter_runs_to_today_and_marks_it() {
    let trends = computed();
    let [signed, amount, started] = trends.current().expect("today's quarter");
    assert_eq!((signed.quarter, signed.length_days), (2, 91));
    assert_eq!(signed.today, Some(7));
    // D on 3 April (index 2), E today (index 7); F signs tomorrow; G is cancelled.
    assert_eq!(
        steps(signed),
        (vec![(2, Quantity::Count(1)), (7, Quantity::Count(2))], 8)
    );
    assert_eq!(steps(amount), (vec![(2, yi(4)), (7, yi(5))], 8));
    // C started on 1 April (index 0), H on 7 April (index 6).
    assert_eq!(
        steps(started),
        (vec![(0, Quantity::Count(1)), (6, Quantity::Count(2))], 8)
    );
    assert_eq!(signed.reached(), Quantity::Count(2));
    assert_eq!(summary_figure(Metric::SignedAmount), amount.reached());
}

/// The burn-up ends where the summary's quarter figure stands: the two can never disagree.
fn summary_figure(metric: Metric) -> Quantity {
    summary_on(&feed(), today()).quarter.actual.get(metric)
}

#[test]
fn the_pace_line_rises_from_the_first_day_to_the_target_on_the_last() {
    let trends = computed();
    let [signed, amount, _] = trends.current().expect("today's quarter");
    // Target 6 over 91 days: 6 x 1/91 after day one, 6 x 8/91 after today, 6 on the last day.
    let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
    assert!(close(signed.pace_units(0), 6.0 / 91.0));
    assert!(close(signed.pace_units(7), 48.0 / 91.0));
    assert!(close(signed.pace_units(90), 6.0));
    assert!(
        close(signed.pace_units(500), 6.0),
        "past the end it stays at the target"
    );
    // 12 亿 in units of 10^-8 yuan: 12 x 10^8 yuan x 10^8.
    assert!(close(amount.pace_units(90), 12e16));
    let mut untargeted = signed.clone();
    untargeted.target = None;
    assert_eq!(untargeted.pace_units(7), None);
}

#[test]
fn signings_per_monday_week_with_quarter_starts() {
    let weeks = computed().weeks;
    // 1 January 2026 is a Thursday: week 0 starts Monday 2025-12-29. Today is 100 days after
    // it, so in week 14 (100 / 7): 15 weeks.
    assert_eq!(weeks.len(), 15);
    assert_eq!(weeks[0].monday, date("2025-12-29"));
    assert_eq!(weeks[14].monday, date("2026-04-06"));
    // A and B (2 Jan) in week 0 (H, signed 30 Dec 2025, is last year's); C (10 Feb, day 43)
    // in week 6; D (3 Apr, day 95) in week 13; E (today) in week 14.
    let counted: Vec<(usize, u32, Amount)> = weeks
        .iter()
        .enumerate()
        .filter(|(_, w)| w.signings > 0)
        .map(|(i, w)| (i, w.signings, w.amount))
        .collect();
    let yuan = |yi: u64| Amount::from_yuan(yi * 100_000_000);
    assert_eq!(
        counted,
        [
            (0, 2, yuan(5)),
            (6, 1, yuan(5)),
            (13, 1, yuan(4)),
            (14, 1, yuan(1))
        ]
    );
    // Q1 starts in week 0; Q2 (1 April, day 93) in week 13.
    let starts: Vec<(usize, u8)> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| w.quarter_starts.map(|q| (i, q)))
        .collect();
    assert_eq!(starts, [(0, 1), (13, 2)]);
}

#[test]
fn the_first_day_of_the_year_has_one_week_and_one_quarter() {
    let feed = feed();
    let new_year = date("2026-01-01");
    let trends = trends(&feed, &summary_on(&feed, new_year), new_year);
    assert_eq!(trends.weeks.len(), 1);
    assert_eq!(trends.quarters.len(), 1);
    let [signed, ..] = &trends.quarters[0];
    assert_eq!(signed.cumulative, [Quantity::Count(0)]);
    assert_eq!(signed.today, Some(0));
}
