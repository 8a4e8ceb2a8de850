//! The working-day calendar: which days count when an approval's elapsed working days are
//! measured. Owns the State Council holiday table (shipped as `config/holidays.toml`, extendable
//! by a user file), the provisional rule for the years it lacks, and the counting arithmetic.
//! Pure: no IO, no clock; knows nothing of feeds, terminals or the network.
//!
//! A year the table covers follows its notice: weekends and listed holidays off, listed make-up
//! days on. Any other year is *provisional* ([`statutory`]): weekends and the statutory holidays
//! off, no make-up days, and every output says so.
//!
//! Counting is O(log known years) per query, because aggregation asks for the elapsed working
//! days of every pending approval (hundreds of thousands) each time the data or the date changes.
//! Every date has a *rank*: the number of working days from a fixed origin up to and including
//! it, so "working days after A through B" is `rank(B) - rank(A)`. A rank is the Monday-Friday
//! count (closed-form arithmetic, valid for any date chrono represents), less the fixed-date
//! statutory holidays on weekdays (a 400-year cycle's running counts), plus what knowing a year
//! day by day changes: for each *known* year (a table year, or a provisional year whose lunar
//! holidays are known) the difference between its day-by-day count and the fixed-date count,
//! summed over the known years before the date's year, plus a per-year prefix array for the
//! date's own year. Memory is one small array per known year, never proportional to the span
//! of dates asked.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

mod parse;
mod statutory;

pub use parse::{CalendarError, List, Place};

/// The shipped table, compiled in so the dashboard works with no files around it.
const EMBEDDED: &str = include_str!("../../config/holidays.toml");
/// How the shipped table is named in error messages.
const EMBEDDED_ORIGIN: &str = "built-in config/holidays.toml";

/// How English outputs (`check-feed`, `doctor`, `status`) describe a provisional year's count.
pub const PROVISIONAL_RULE: &str = "weekends and statutory holidays, no make-up working days";

/// What to do when next year's State Council notice is published (`doctor`, `status`).
pub const HOW_TO_ADD_A_YEAR: &str = "when the State Council's notice is published, add the year with calendar_file (example in docs/configuration.md)";

/// The working-day calendar: the table's rule for covered years, the provisional rule for the
/// others.
///
/// A day in a covered year is a working day iff it is Monday-Friday and not a listed holiday,
/// or it is a listed make-up workday. In any other year it is a working day iff it is
/// Monday-Friday and not a statutory holiday. Callers that show a figure spanning uncovered
/// years should say so (see [`Calendar::uncovered_years`]): the provisional rule is an
/// estimate, not the schedule.
#[derive(Clone)]
pub struct Calendar {
    /// Years known day by day: the table's, and the provisional years of the lunar table.
    years: BTreeMap<i32, KnownYear>,
}

/// One year known day by day, as corrections to the Monday-Friday count.
#[derive(Clone)]
struct KnownYear {
    /// From the table (a State Council notice); otherwise provisional.
    from_table: bool,
    /// This year's total correction less the fixed-date rule's (what knowing it adds).
    adjust: i64,
    /// Sum of `adjust` over the known years before this one (kept by `reindex`).
    adjust_before: i64,
    /// `correction_through[i]`: sum of the per-day corrections (working day minus
    /// Monday-Friday, so -1, 0 or +1) from January 1 through the day with `ordinal0() == i`.
    /// One entry per day of the year.
    correction_through: Box<[i16]>,
}

impl KnownYear {
    fn new(
        year: i32,
        holidays: &BTreeSet<NaiveDate>,
        workdays: &BTreeSet<NaiveDate>,
        from_table: bool,
    ) -> KnownYear {
        let mut running: i16 = 0;
        let correction_through: Box<[i16]> = NaiveDate::from_ymd_opt(year, 1, 1)
            .into_iter()
            .flat_map(|first| first.iter_days())
            .take_while(|day| day.year() == year)
            .map(|day| {
                let weekday = is_monday_to_friday(day);
                let working = (weekday && !holidays.contains(&day)) || workdays.contains(&day);
                running += i16::from(working) - i16::from(weekday);
                running
            })
            .collect();
        let total = correction_through.last().map_or(0, |c| i64::from(*c));
        KnownYear {
            from_table,
            adjust: total + statutory::fixed_weekday_holidays_through(year, NaiveDate::MAX),
            adjust_before: 0,
            correction_through,
        }
    }

    /// Correction from January 1 through `day`, which must lie in this year.
    fn correction_through(&self, day: NaiveDate) -> i64 {
        self.correction_through
            .get(day.ordinal0() as usize)
            .map_or(0, |c| i64::from(*c))
    }

    /// The correction for `day` alone (-1, 0 or +1); `day` must lie in this year.
    fn correction_on(&self, day: NaiveDate) -> i64 {
        let before = day
            .pred_opt()
            .filter(|prev| prev.year() == day.year())
            .map_or(0, |prev| self.correction_through(prev));
        self.correction_through(day) - before
    }
}

impl Calendar {
    /// The State Council schedule shipped in `config/holidays.toml` (2020 through 2026).
    ///
    /// Never panics. A unit test proves the shipped text parses; should a broken table ever be
    /// built in regardless, this logs the error and falls back to the provisional rule for
    /// every year, which every caller already reports visibly as uncovered years.
    pub fn embedded() -> Calendar {
        match Calendar::from_toml_str(EMBEDDED, EMBEDDED_ORIGIN) {
            Ok(calendar) => calendar,
            Err(error) => {
                tracing::error!(%error, "built-in holiday table rejected; every year provisional");
                Calendar::provisional_only()
            }
        }
    }

    /// A calendar that covers no year: every year is provisional.
    pub fn provisional_only() -> Calendar {
        Calendar::with_tables(&[])
    }

    /// Parses a holiday table in the format of `config/holidays.toml` (documented at its top).
    /// `source` names the text (a file path or label) in error messages.
    pub fn from_toml_str(text: &str, source: &str) -> Result<Calendar, CalendarError> {
        Ok(Calendar::with_tables(&parse::parse(text, source)?))
    }

    /// The tables' years, and the provisional rule day by day where the lunar dates are known.
    fn with_tables(tables: &[parse::YearTable]) -> Calendar {
        let mut years: BTreeMap<i32, KnownYear> = tables
            .iter()
            .map(|t| {
                (
                    t.year,
                    KnownYear::new(t.year, &t.holidays, &t.workdays, true),
                )
            })
            .collect();
        for year in statutory::lunar_years() {
            if let (false, Some(holidays)) = (years.contains_key(&year), statutory::holidays(year))
            {
                let provisional = KnownYear::new(year, &holidays, &BTreeSet::new(), false);
                years.insert(year, provisional);
            }
        }
        let mut calendar = Calendar { years };
        calendar.reindex();
        calendar
    }

    /// Lays `other` over `self`: each year `other`'s table covers replaces that whole year here
    /// (or adds it). This is how a user file adds next year's schedule without a rebuild.
    pub fn merge(&mut self, other: Calendar) {
        self.years.extend(
            other
                .years
                .into_iter()
                .filter(|(_, known)| known.from_table),
        );
        self.reindex();
    }

    /// Whether the table (a State Council notice) covers `year`; if not, it is provisional.
    pub fn covers_year(&self, year: i32) -> bool {
        self.years.get(&year).is_some_and(|known| known.from_table)
    }

    /// The years the table covers, ascending.
    pub fn covered_years(&self) -> Vec<i32> {
        self.years
            .iter()
            .filter(|(_, known)| known.from_table)
            .map(|(year, _)| *year)
            .collect()
    }

    /// Covered year: the table rule; any other year: the provisional rule.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.years.get(&day.year()) {
            Some(known) => i64::from(is_monday_to_friday(day)) + known.correction_on(day) == 1,
            None => is_monday_to_friday(day) && !statutory::is_fixed_holiday(day),
        }
    }

    /// Number of working days d with after < d <= through (0 when through <= after).
    ///
    /// The day of submission does not count, so this is "working days elapsed" for an approval
    /// submitted on `after` as of `through`. O(log known years); any representable dates.
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

    /// Years in `from.year()..=through.year()` the table does not cover, ascending: their
    /// working days are provisional, and callers say so visibly.
    pub fn uncovered_years(&self, from: NaiveDate, through: NaiveDate) -> Vec<i32> {
        (from.year()..=through.year())
            .filter(|year| !self.covers_year(*year))
            .collect()
    }

    /// From 1 November, next year when the table does not cover it yet: the State Council
    /// usually publishes the notice in the autumn, and the operator should add it before
    /// 1 January turns every count provisional.
    pub fn next_year_uncovered(&self, today: NaiveDate) -> Option<i32> {
        let next = today.year().checked_add(1)?;
        (today.month() >= 11 && !self.covers_year(next)).then_some(next)
    }

    /// Working days from a fixed origin through `day` inclusive (may be negative far before the
    /// common era); only differences of ranks mean anything.
    fn rank(&self, day: NaiveDate) -> i64 {
        let year = day.year();
        let known = match self.years.range(..=year).next_back() {
            Some((&known_year, known)) if known_year == year => {
                known.adjust_before + known.correction_through(day)
            }
            Some((_, known)) => {
                known.adjust_before + known.adjust
                    - statutory::fixed_weekday_holidays_through(year, day)
            }
            None => -statutory::fixed_weekday_holidays_through(year, day),
        };
        monday_to_friday_rank(day) - statutory::fixed_weekday_holidays_before(year) + known
    }

    /// Recomputes each known year's running adjustment after years were added or replaced.
    fn reindex(&mut self) {
        let mut before = 0;
        for known in self.years.values_mut() {
            known.adjust_before = before;
            before += known.adjust;
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

/// Ascending years as ranges: `2027, 2031-2033`. One line however many years a figure spans.
pub fn year_ranges(years: &[i32]) -> String {
    let mut ranges: Vec<(i32, i32)> = Vec::new();
    for &year in years {
        match ranges.last_mut() {
            Some((_, last)) if last.checked_add(1) == Some(year) => *last = year,
            Some((_, last)) if *last == year => {}
            _ => ranges.push((year, year)),
        }
    }
    ranges
        .iter()
        .map(|(first, last)| {
            if first == last {
                first.to_string()
            } else {
                format!("{first}-{last}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
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
    fn uncovered_years_are_provisional() {
        let calendar = Calendar::embedded();
        // 2019-10-01 (a Tuesday) was National Day; 2019 is not in the table, but the provisional
        // rule knows the fixed-date holidays of any year.
        assert!(!calendar.is_working_day(d("2019-10-01")));
        assert!(calendar.is_working_day(d("2019-10-04")));
        assert!(!calendar.is_working_day(d("2019-10-05")));
        // 261 weekdays; Tue 1 Jan, Wed-Thu 1-2 May and Tue-Thu 1-3 Oct are holidays.
        assert_eq!(calendar.working_days_in_year(2019), 255);
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
        // Thu 2026-12-31 counts; Fri 2027-01-01 is New Year's Day, provisionally too.
        assert_eq!(
            calendar.working_days_after(d("2026-12-30"), d("2027-01-01")),
            1
        );
    }

    /// The provisional 2027, counted by hand from the rule (weekends and the statutory holidays
    /// of the law as revised in 2024, no make-up days) and the lunar table.
    #[test]
    fn provisional_2027_by_hand() {
        let calendar = Calendar::embedded();
        let off = [
            "2027-01-01", // Fri: New Year's Day
            "2027-02-05", // Fri: Spring Festival eve (the festival is Sat 6 February)
            "2027-02-08", // Mon: 3rd day of the first lunar month (Sat 6, Sun 7 are off anyway)
            "2027-04-05", // Mon: Qingming
            "2027-06-09", // Wed: Dragon Boat (5th day of the 5th lunar month)
            "2027-09-15", // Wed: Mid-Autumn (15th day of the 8th lunar month)
            "2027-10-01", // Fri: National Day (Sat 2, Sun 3 are off anyway)
            "2027-02-06", // Sat: a weekend stays off
            "2027-05-01", // Sat: Labour Day on a weekend, no day in lieu
            "2027-02-20", // Sat: no make-up working Saturday is guessed
        ];
        let working = [
            "2027-01-04", // Mon after New Year: no day in lieu is guessed
            "2027-02-04", // Thu before the eve
            "2027-02-09", // Tue: the 4th lunar day is not a statutory holiday
            "2027-05-03", // Mon after Labour Day
            "2027-10-04", // Mon after National Day
            "2027-12-31", // Fri
        ];
        for day in off {
            assert!(!calendar.is_working_day(d(day)), "{day} should be off");
        }
        for day in working {
            assert!(calendar.is_working_day(d(day)), "{day} should be working");
        }
        // 2027 starts on a Friday and has 365 days: 52 weeks and a Friday, 261 weekdays. Seven
        // statutory holidays fall on weekdays (1 Jan, 5 and 8 Feb, 5 Apr, 9 Jun, 15 Sep, 1 Oct).
        assert_eq!(calendar.working_days_in_year(2027), 254);
        // Submitted Wed 2026-12-30: Thu 31 Dec, (Fri 1 Jan off), Mon 4 .. Fri 8 Jan = 6.
        assert_eq!(
            calendar.working_days_after(d("2026-12-30"), d("2027-01-08")),
            6
        );
        // Submitted Mon 2027-02-01: Tue 2 .. Thu 4, (Fri 5 .. Mon 8 off), Tue 9 .. Fri 12 = 7.
        assert_eq!(
            calendar.working_days_after(d("2027-02-01"), d("2027-02-12")),
            7
        );
    }

    /// 2025 and 2026 were scheduled under the revised law: each statutory holiday on a weekday
    /// is a day off in the notice too, and the provisional count differs only by the make-up
    /// and in-lieu days the notice adds.
    #[test]
    fn the_provisional_rule_agrees_with_the_2025_and_2026_notices() {
        let table = Calendar::embedded();
        let provisional = Calendar::provisional_only();
        for year in [2025, 2026] {
            let holidays = statutory::holidays(year).unwrap();
            for day in holidays.iter().filter(|day| is_monday_to_friday(**day)) {
                assert!(!table.is_working_day(*day), "{day} is off in the notice");
                assert!(!provisional.is_working_day(*day), "{day}");
            }
        }
        // 2025 starts on a Wednesday: 261 weekdays. Statutory holidays on weekdays: Wed 1 Jan,
        // Tue 28 Jan (eve) to Fri 31 Jan, Fri 4 Apr, Thu-Fri 1-2 May, Wed-Fri 1-3 Oct,
        // Mon 6 Oct (Mid-Autumn): 12, so 249. The notice: 248.
        assert_eq!(provisional.working_days_in_year(2025), 249);
        assert_eq!(table.working_days_in_year(2025), 248);
    }

    /// The lunar table against the notices it overlaps: each lists every statutory holiday of
    /// the rule as a day off, but for one day the law before the 2024 revision did not have.
    #[test]
    fn the_lunar_table_agrees_with_the_notices_2020_to_2026() {
        let tables = parse::parse(EMBEDDED, EMBEDDED_ORIGIN).unwrap();
        let missing: Vec<(i32, Vec<String>)> = tables
            .iter()
            .map(|table| {
                let statutory = statutory::holidays(table.year).unwrap();
                let days = statutory
                    .iter()
                    .filter(|day| !table.holidays.contains(day))
                    .map(ToString::to_string)
                    .collect();
                (table.year, days)
            })
            .collect();
        let none = Vec::new;
        assert_eq!(
            missing,
            [
                (2020, none()),
                (2021, none()),
                (2022, none()),
                (2023, none()),
                // The eve of the Spring Festival became a holiday with the 2024 revision; the
                // 2024 notice left Friday 9 February a working day.
                (2024, vec!["2024-02-09".to_owned()]),
                (2025, none()),
                (2026, none()),
            ]
        );
    }

    #[test]
    fn next_year_is_flagged_from_the_first_of_november() {
        let mut calendar = Calendar::embedded();
        assert_eq!(calendar.next_year_uncovered(d("2026-10-31")), None);
        assert_eq!(calendar.next_year_uncovered(d("2026-11-01")), Some(2027));
        assert_eq!(calendar.next_year_uncovered(d("2026-12-31")), Some(2027));
        assert_eq!(calendar.next_year_uncovered(d("2025-11-01")), None);
        let notice = Calendar::from_toml_str("[2027]\nholidays = [\"2027-01-01\"]\n", "user");
        calendar.merge(notice.unwrap());
        assert_eq!(calendar.next_year_uncovered(d("2026-12-02")), None);
        assert_eq!(calendar.next_year_uncovered(d("2027-11-30")), Some(2028));
    }

    #[test]
    fn years_are_shown_as_ranges() {
        assert_eq!(year_ranges(&[]), "");
        assert_eq!(year_ranges(&[2027]), "2027");
        assert_eq!(
            year_ranges(&[2019, 2027, 2031, 2032, 2033]),
            "2019, 2027, 2031-2033"
        );
        assert_eq!(year_ranges(&[1, 2, 3, 2019]), "1-3, 2019");
        let top = i32::MAX;
        assert_eq!(year_ranges(&[top - 1, top]), format!("{}-{top}", top - 1));
    }

    #[test]
    fn provisional_only_calendar() {
        let calendar = Calendar::provisional_only();
        assert!(calendar.covered_years().is_empty());
        // 2022 starts on a Saturday: 260 weekdays. Statutory holidays on weekdays: Mon 31 Jan
        // (eve) to Thu 3 Feb, Tue 5 Apr, Mon 2 May, Fri 3 Jun, Mon 3 Oct: 8.
        assert_eq!(calendar.working_days_in_year(2022), 252);
        assert!(!calendar.is_working_day(d("2022-02-01")));
        assert!(calendar.is_working_day(d("2022-09-09")));
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

    /// The `calendar_file` example of docs/configuration.md parses and is the built-in 2026.
    #[test]
    fn the_documented_calendar_file_example_is_the_2026_notice() {
        let docs = include_str!("../../docs/configuration.md");
        let start = docs
            .find("```toml\n# /etc/investboard/holidays.toml")
            .unwrap();
        let block = &docs[start + "```toml\n".len()..];
        let example = &block[..block.find("```").unwrap()];
        let user = Calendar::from_toml_str(example, "docs/configuration.md").unwrap();
        assert_eq!(user.covered_years(), [2026]);
        let embedded = Calendar::embedded();
        for day in d("2026-01-01")
            .iter_days()
            .take_while(|day| day.year() == 2026)
        {
            assert_eq!(
                user.is_working_day(day),
                embedded.is_working_day(day),
                "{day}"
            );
        }
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
        // Year 1 through 9999: the ranks agree with a day-by-day count of `is_working_day`.
        let day_by_day = d("0001-01-02")
            .iter_days()
            .take_while(|day| *day <= d("9999-12-31"))
            .filter(|day| calendar.is_working_day(*day))
            .count();
        assert_eq!(
            calendar.working_days_after(d("0001-01-01"), d("9999-12-31")) as usize,
            day_by_day
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
        if let Some(t) = tables.iter().find(|t| t.year == day.year()) {
            (is_monday_to_friday(day) && !t.holidays.contains(&day)) || t.workdays.contains(&day)
        } else {
            let statutory = statutory::holidays(day.year())
                .unwrap_or_else(|| statutory::fixed_holidays(day.year()).collect());
            is_monday_to_friday(day) && !statutory.contains(&day)
        }
    }

    /// Days from 2018-01-01 through 2028-12-31, around the covered span on both sides (2018 and
    /// 2019 provisional with fixed-date holidays only, 2027 and 2028 with the lunar ones too).
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
