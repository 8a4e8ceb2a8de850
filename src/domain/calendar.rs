//! The working-day calendar: which days count when an approval's elapsed working days are
//! measured. Owns the State Council holiday table (shipped as `config/holidays.toml`, extendable
//! by a user file) and the counting arithmetic. Pure: no IO, no clock; knows nothing of feeds,
//! terminals or the network.
//!
//! Counting is O(log covered years) per query, because aggregation asks for the elapsed working
//! days of every pending approval (hundreds of thousands) each time the data or the date changes.
//! Every date has a *rank*: the number of working days from a fixed origin up to and including
//! it, so "working days after A through B" is `rank(B) - rank(A)`. A rank is the Monday-Friday
//! count (closed-form arithmetic, valid for any date chrono represents) plus a correction: the
//! sum of the table's per-day corrections (holiday on a weekday −1, make-up workday +1) over the
//! covered years before the date's year, plus a per-year prefix array for the date's own year.
//! Memory is one small array per covered year, never proportional to the span of dates asked.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

mod parse;

pub use parse::{CalendarError, List, Place};

/// The shipped table, compiled in so the dashboard works with no files around it.
const EMBEDDED: &str = include_str!("../../config/holidays.toml");
/// How the shipped table is named in error messages.
const EMBEDDED_ORIGIN: &str = "built-in config/holidays.toml";

/// The working-day calendar: table rule for covered years, Monday-Friday for the others.
///
/// A day in a covered year is a working day iff it is Monday-Friday and not a listed holiday,
/// or it is a listed make-up workday. Callers that show a figure spanning uncovered years should
/// say so (see [`Calendar::uncovered_years`]): the fallback is a guess, not the schedule.
#[derive(Clone, Default)]
pub struct Calendar {
    years: BTreeMap<i32, CoveredYear>,
}

/// The table's effect on one year, as corrections to the Monday-Friday count.
#[derive(Clone)]
struct CoveredYear {
    /// Sum of the corrections of all covered years before this one (kept by `reindex`).
    correction_before: i64,
    /// `correction_through[i]`: sum of the per-day corrections (table working day minus
    /// Monday-Friday, so -1, 0 or +1) from January 1 through the day with `ordinal0() == i`.
    /// One entry per day of the year.
    correction_through: Box<[i16]>,
}

impl CoveredYear {
    fn from_table(table: &parse::YearTable) -> CoveredYear {
        let mut running: i16 = 0;
        let correction_through = NaiveDate::from_ymd_opt(table.year, 1, 1)
            .into_iter()
            .flat_map(|first| first.iter_days())
            .take_while(|day| day.year() == table.year)
            .map(|day| {
                let weekday = is_monday_to_friday(day);
                let working =
                    (weekday && !table.holidays.contains(&day)) || table.workdays.contains(&day);
                running += i16::from(working) - i16::from(weekday);
                running
            })
            .collect();
        CoveredYear {
            correction_before: 0,
            correction_through,
        }
    }

    /// Correction from January 1 through `day`, which must lie in this year.
    fn correction_through(&self, day: NaiveDate) -> i64 {
        self.correction_through
            .get(day.ordinal0() as usize)
            .map_or(0, |c| i64::from(*c))
    }

    /// The table's correction for `day` alone (-1, 0 or +1); `day` must lie in this year.
    fn correction_on(&self, day: NaiveDate) -> i64 {
        let before = day
            .pred_opt()
            .filter(|prev| prev.year() == day.year())
            .map_or(0, |prev| self.correction_through(prev));
        self.correction_through(day) - before
    }

    fn total(&self) -> i64 {
        self.correction_through.last().map_or(0, |c| i64::from(*c))
    }
}

impl Calendar {
    /// The State Council schedule shipped in `config/holidays.toml` (2020 through 2026).
    ///
    /// Never panics. A unit test proves the shipped text parses; should a broken table ever be
    /// built in regardless, this logs the error and falls back to weekends only, which every
    /// caller already reports visibly as uncovered years.
    pub fn embedded() -> Calendar {
        match Calendar::from_toml_str(EMBEDDED, EMBEDDED_ORIGIN) {
            Ok(calendar) => calendar,
            Err(error) => {
                tracing::error!(%error, "built-in holiday table rejected; counting weekends only");
                Calendar::weekends_only()
            }
        }
    }

    /// A calendar that covers no year: every year falls back to Monday-Friday.
    pub fn weekends_only() -> Calendar {
        Calendar::default()
    }

    /// Parses a holiday table in the format of `config/holidays.toml` (documented at its top).
    /// `source` names the text (a file path or label) in error messages.
    pub fn from_toml_str(text: &str, source: &str) -> Result<Calendar, CalendarError> {
        let years = parse::parse(text, source)?
            .iter()
            .map(|table| (table.year, CoveredYear::from_table(table)))
            .collect();
        let mut calendar = Calendar { years };
        calendar.reindex();
        Ok(calendar)
    }

    /// Lays `other` over `self`: each year `other` covers replaces that whole year here (or adds
    /// it). This is how a user file adds next year's schedule without a rebuild.
    pub fn merge(&mut self, other: Calendar) {
        self.years.extend(other.years);
        self.reindex();
    }

    pub fn covers_year(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The years the table covers, ascending.
    pub fn covered_years(&self) -> Vec<i32> {
        self.years.keys().copied().collect()
    }

    /// Covered year: the table rule; uncovered year: Monday-Friday.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        let weekday = i64::from(is_monday_to_friday(day));
        let correction = self
            .years
            .get(&day.year())
            .map_or(0, |covered| covered.correction_on(day));
        weekday + correction == 1
    }

    /// Number of working days d with after < d <= through (0 when through <= after).
    ///
    /// The day of submission does not count, so this is "working days elapsed" for an approval
    /// submitted on `after` as of `through`. O(log covered years); any representable dates.
    pub fn working_days_after(&self, after: NaiveDate, through: NaiveDate) -> u32 {
        if through <= after {
            return 0;
        }
        let count = self.rank(through) - self.rank(after);
        // At most ~137 million over chrono's whole range of dates, so this always fits.
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// Working days from January 1 through December 31 of `year` (0 for a year chrono cannot
    /// represent).
    pub fn working_days_in_year(&self, year: i32) -> u32 {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return 0;
        };
        u32::from(self.is_working_day(first)) + self.working_days_after(first, last)
    }

    /// Years in `from.year()..=through.year()` the table does not cover, ascending, so callers
    /// can say "weekends only" visibly for figures that reach into them.
    pub fn uncovered_years(&self, from: NaiveDate, through: NaiveDate) -> Vec<i32> {
        (from.year()..=through.year())
            .filter(|year| !self.covers_year(*year))
            .collect()
    }

    /// Working days from a fixed origin through `day` inclusive (may be negative far before the
    /// common era); only differences of ranks mean anything.
    fn rank(&self, day: NaiveDate) -> i64 {
        monday_to_friday_rank(day) + self.correction_through(day)
    }

    /// Sum of the table's corrections over every covered day up to and including `day`.
    fn correction_through(&self, day: NaiveDate) -> i64 {
        let year = day.year();
        match self.years.range(..=year).next_back() {
            None => 0,
            Some((&covered_year, covered)) if covered_year == year => {
                covered.correction_before + covered.correction_through(day)
            }
            Some((_, covered)) => covered.correction_before + covered.total(),
        }
    }

    /// Recomputes each covered year's running correction after years were added or replaced.
    fn reindex(&mut self) {
        let mut before = 0;
        for covered in self.years.values_mut() {
            covered.correction_before = before;
            before += covered.total();
        }
    }
}

impl fmt::Debug for Calendar {
    /// The covered years, not thousands of per-day counters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("covered_years", &self.covered_years())
            .finish_non_exhaustive()
    }
}

fn is_monday_to_friday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Monday-Friday days from a fixed origin through `day` inclusive. Day n of the common era
/// (0001-01-01 is n = 1, a Monday in the proleptic Gregorian calendar) is Monday-Friday iff
/// n mod 7 is in 1..=5; Euclidean division keeps this right for dates before the era too.
fn monday_to_friday_rank(day: NaiveDate) -> i64 {
    let n = i64::from(day.num_days_from_ce());
    5 * n.div_euclid(7) + n.rem_euclid(7).min(5)
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "tests: a wrong Ok/Err or an impossible date should fail loudly"
)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn embedded_table_parses_and_covers_2020_through_2026() {
        let calendar = Calendar::from_toml_str(EMBEDDED, EMBEDDED_ORIGIN).unwrap();
        assert_eq!(calendar.covered_years(), (2020..=2026).collect::<Vec<_>>());
        assert_eq!(
            Calendar::embedded().covered_years(),
            calendar.covered_years()
        );
    }

    #[test]
    fn spring_festival_2022_and_its_make_up_weekend() {
        let calendar = Calendar::embedded();
        // Saturday and Sunday before the holiday were working days.
        assert!(calendar.is_working_day(d("2022-01-29")));
        assert!(calendar.is_working_day(d("2022-01-30")));
        for day in d("2022-01-31").iter_days().take(7) {
            assert!(!calendar.is_working_day(day), "{day} is a holiday");
        }
        assert!(calendar.is_working_day(d("2022-02-07")));
        assert!(calendar.is_working_day(d("2022-01-28")));
    }

    #[test]
    fn feed_md_example_stalls_on_the_tenth_working_day() {
        let calendar = Calendar::embedded();
        let submitted = d("2022-01-27");
        assert_eq!(calendar.working_days_after(submitted, d("2022-02-14")), 9);
        assert_eq!(calendar.working_days_after(submitted, d("2022-02-15")), 10);
        assert_eq!(calendar.working_days_after(submitted, submitted), 0);
        assert_eq!(calendar.working_days_after(d("2022-02-15"), submitted), 0);
    }

    /// Totals derived from each year's notice; 2020..2026 also agree day by day with the
    /// `chinesecalendar` 1.11.0 Python package. 2020 counts the Spring Festival extension
    /// (251 under the original notice, less 2020-01-31 and the cancelled 2020-02-01 make-up day).
    #[test]
    fn working_days_per_year_2020_through_2026() {
        let calendar = Calendar::embedded();
        let totals: Vec<_> = (2020..=2026)
            .map(|year| (year, calendar.working_days_in_year(year)))
            .collect();
        assert_eq!(
            totals,
            [
                (2020, 249),
                (2021, 250),
                (2022, 249),
                (2023, 249),
                (2024, 251),
                (2025, 248),
                (2026, 248),
            ]
        );
        let day_by_day = d("2022-01-01")
            .iter_days()
            .take_while(|day| day.year() == 2022)
            .filter(|day| calendar.is_working_day(*day))
            .count();
        assert_eq!(day_by_day, 249);
    }

    #[test]
    fn spot_checks_each_year() {
        let calendar = Calendar::embedded();
        let working = [
            "2020-01-19", // Sunday make-up day for the Spring Festival
            "2020-02-03", // first day back after the extended holiday
            "2021-02-07",
            "2021-09-18",
            "2021-10-09",
            "2022-04-02",
            "2022-10-08",
            "2022-10-09",
            "2023-01-28",
            "2023-06-25",
            "2023-10-07",
            "2024-02-04",
            "2024-02-09", // New Year's Eve 2024 was not a holiday
            "2024-02-18",
            "2024-09-14",
            "2025-01-26",
            "2025-02-08",
            "2025-04-27",
            "2025-09-28",
            "2025-10-11",
            "2026-01-04",
            "2026-02-14",
            "2026-02-28",
            "2026-05-09",
            "2026-09-20",
            "2026-10-10",
        ];
        let off = [
            "2020-01-01",
            "2020-01-31", // extension: a Friday off
            "2020-02-01", // extension: the Saturday make-up day cancelled
            "2020-10-08",
            "2021-01-01",
            "2021-02-17",
            "2021-09-21",
            "2022-01-03",
            "2022-04-04",
            "2022-05-04",
            "2022-09-12",
            "2022-10-07",
            "2023-01-02",
            "2023-04-05",
            "2023-06-23",
            "2023-09-29",
            "2023-10-06",
            "2024-01-01",
            "2024-02-16",
            "2024-04-05",
            "2024-06-10",
            "2024-09-16",
            "2025-01-28", // New Year's Eve: a public holiday from 2025
            "2025-02-04",
            "2025-05-02",
            "2025-05-05",
            "2025-06-02",
            "2025-10-08",
            "2026-01-02",
            "2026-02-23",
            "2026-04-06",
            "2026-05-05",
            "2026-06-19",
            "2026-09-25",
            "2026-10-07",
        ];
        for day in working {
            assert!(
                calendar.is_working_day(d(day)),
                "{day} should be a working day"
            );
        }
        for day in off {
            assert!(
                !calendar.is_working_day(d(day)),
                "{day} should be a day off"
            );
        }
    }

    #[test]
    fn uncovered_years_fall_back_to_monday_to_friday() {
        let calendar = Calendar::embedded();
        // 2019-10-01 (a Tuesday) was National Day, but 2019 is not in the table.
        assert!(calendar.is_working_day(d("2019-10-01")));
        assert!(!calendar.is_working_day(d("2019-10-05")));
        assert_eq!(calendar.working_days_in_year(2019), 261);
        assert_eq!(calendar.working_days_in_year(2027), 261);
        assert!(!calendar.covers_year(2027));
        assert_eq!(
            calendar.uncovered_years(d("2019-06-01"), d("2027-01-04")),
            [2019, 2027]
        );
        assert!(
            calendar
                .uncovered_years(d("2020-01-01"), d("2026-12-31"))
                .is_empty()
        );
        // Across the table's edges: Mon 2019-12-30, Tue 12-31, Wed 2020-01-01 (holiday).
        assert_eq!(
            calendar.working_days_after(d("2019-12-29"), d("2020-01-01")),
            2
        );
        // Thu 2026-12-31, Fri 2027-01-01 (likely a holiday, but not yet in the table).
        assert_eq!(
            calendar.working_days_after(d("2026-12-30"), d("2027-01-01")),
            2
        );
    }

    #[test]
    fn weekends_only_calendar() {
        let calendar = Calendar::weekends_only();
        assert!(calendar.covered_years().is_empty());
        assert_eq!(calendar.working_days_in_year(2022), 260);
        assert!(calendar.is_working_day(d("2022-02-01")));
        assert_eq!(
            format!("{calendar:?}"),
            "Calendar { covered_years: [], .. }"
        );
    }

    #[test]
    fn merge_adds_a_year_and_keeps_counts_consistent() {
        let mut calendar = Calendar::embedded();
        let user = Calendar::from_toml_str(
            r#"[2027]
               holidays = ["2027-01-01", "2027-02-05..2027-02-11"]
               workdays = ["2027-02-13"]"#,
            "/etc/investboard/holidays.toml",
        )
        .unwrap();
        calendar.merge(user);
        assert_eq!(calendar.covered_years(), (2020..=2027).collect::<Vec<_>>());
        assert!(!calendar.is_working_day(d("2027-01-01")));
        assert!(calendar.is_working_day(d("2027-02-13")));
        // 261 weekdays, 6 of them holidays (Jan 1; Feb 5, 8, 9, 10, 11), one make-up Saturday.
        assert_eq!(calendar.working_days_in_year(2027), 256);
        // Earlier years are untouched.
        assert_eq!(calendar.working_days_in_year(2022), 249);
        assert_eq!(
            calendar.working_days_after(d("2019-12-31"), d("2027-12-31")),
            249 + 250 + 249 + 249 + 251 + 248 + 248 + 256
        );
    }

    #[test]
    fn merge_replaces_a_whole_year() {
        let mut calendar = Calendar::embedded();
        let replacement =
            Calendar::from_toml_str("[2022]\nholidays = [\"2022-10-03\"]\n", "user").unwrap();
        calendar.merge(replacement);
        // The old Spring Festival entries are gone with the year they belonged to.
        assert!(calendar.is_working_day(d("2022-02-01")));
        assert!(!calendar.is_working_day(d("2022-01-29")));
        assert!(!calendar.is_working_day(d("2022-10-03")));
        assert_eq!(calendar.working_days_in_year(2022), 259);
        // Later years still count from a consistent base.
        assert_eq!(
            calendar.working_days_after(d("2022-12-31"), d("2023-12-31")),
            249
        );
    }

    #[test]
    fn parse_errors_surface_through_from_toml_str() {
        let error = Calendar::from_toml_str(
            "[2027]\nholidays = [\"2027-01-01\", \"2027-02-06\", \"2027-04-05\", \"2027-02-30\"]\n",
            "holidays.toml",
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"holidays.toml: [2027].holidays[3]: invalid date "2027-02-30""#
        );
    }

    #[test]
    fn far_dates_do_not_panic() {
        let calendar = Calendar::embedded();
        let extremes = [
            NaiveDate::MIN,
            d("0001-01-01"),
            d("9999-12-31"),
            NaiveDate::MAX,
        ];
        for &a in &extremes {
            for &b in &extremes {
                let _ = calendar.working_days_after(a, b);
            }
            let _ = calendar.is_working_day(a);
            let _ = calendar.working_days_in_year(a.year());
        }
        // Year 1 through 9999: Monday-Friday count plus the table's net corrections
        // (2020..2026: weekdays minus working days, summed).
        let weekdays =
            Calendar::weekends_only().working_days_after(d("0001-01-01"), d("9999-12-31"));
        let table: u32 = (2020..=2026)
            .map(|y| {
                Calendar::weekends_only().working_days_in_year(y) - calendar.working_days_in_year(y)
            })
            .sum();
        assert_eq!(
            calendar.working_days_after(d("0001-01-01"), d("9999-12-31")),
            weekdays - table
        );
        assert_eq!(calendar.working_days_in_year(i32::MAX), 0);
        assert_eq!(d("0001-01-01").weekday(), Weekday::Mon);
    }

    #[test]
    fn debug_lists_covered_years() {
        assert_eq!(
            format!("{:?}", Calendar::embedded()),
            "Calendar { covered_years: [2020, 2021, 2022, 2023, 2024, 2025, 2026], .. }"
        );
    }

    /// Reference rule taken straight from the parsed sets, independent of the prefix arrays.
    fn naive_is_working_day(tables: &[parse::YearTable], day: NaiveDate) -> bool {
        match tables.iter().find(|t| t.year == day.year()) {
            Some(t) => {
                (is_monday_to_friday(day) && !t.holidays.contains(&day))
                    || t.workdays.contains(&day)
            }
            None => is_monday_to_friday(day),
        }
    }

    /// Days from 2018-01-01 through 2028-12-31, around the covered span on both sides.
    const SPAN_DAYS: i64 = 4018;

    fn day_in_span(offset: i64) -> NaiveDate {
        d("2018-01-01") + chrono::Duration::days(offset)
    }

    proptest! {
        #[test]
        fn counts_add_up_and_match_a_day_by_day_count(
            x in 0..SPAN_DAYS, y in 0..SPAN_DAYS, z in 0..SPAN_DAYS,
        ) {
            let calendar = Calendar::embedded();
            let tables = parse::parse(EMBEDDED, EMBEDDED_ORIGIN).unwrap();
            let mut offsets = [x, y, z];
            offsets.sort_unstable();
            let [a, b, c] = offsets.map(day_in_span);

            prop_assert_eq!(
                calendar.working_days_after(a, c),
                calendar.working_days_after(a, b) + calendar.working_days_after(b, c)
            );
            let naive = a
                .iter_days()
                .skip(1)
                .take_while(|day| *day <= c)
                .filter(|day| naive_is_working_day(&tables, *day))
                .count();
            prop_assert_eq!(calendar.working_days_after(a, c) as usize, naive);
            prop_assert_eq!(calendar.is_working_day(b), naive_is_working_day(&tables, b));
        }
    }
}
