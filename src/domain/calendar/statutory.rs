//! The provisional calendar's days off: for a year the holiday table does not cover, the public
//! holidays the law itself fixes, without the make-up working days and days in lieu that only
//! the State Council's yearly notice sets. Pure data and date arithmetic: no IO, no clock;
//! knows nothing of feeds, terminals or the network.
//!
//! The law is the 全国年节及纪念日放假办法 as revised in November 2024 (State Council Decree
//! No. 795, in force since 1 January 2025). Its holidays for all citizens, 13 days a year:
//! New Year's Day (1 January); the Spring Festival (its eve and the first three days of the
//! first lunar month); Qingming (the day of the solar term); Labour Day (1-2 May); the Dragon
//! Boat Festival (5th day of the 5th lunar month); Mid-Autumn (15th day of the 8th lunar month);
//! National Day (1-3 October). The provisional calendar applies this rule to every year the
//! table lacks; the four lunar-dated holidays only where [`LUNAR_DATES`] knows the year.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

/// Gregorian (month, day) of the Spring Festival (1st day of the 1st lunar month), Qingming,
/// the Dragon Boat Festival and Mid-Autumn, per year.
///
/// Source: computed with the Python packages `lunardate` 0.3.0 (lunar months) and
/// `lunar-python` 1.4.8 (lunar months, and the Qingming solar term in Beijing time), which agree
/// on every date here; 2020-2026 also agree with the State Council's notices in
/// `config/holidays.toml` (a test checks it).
const LUNAR_DATES: [(i32, [(u32, u32); 4]); 31] = [
    (2020, [(1, 25), (4, 4), (6, 25), (10, 1)]),
    (2021, [(2, 12), (4, 4), (6, 14), (9, 21)]),
    (2022, [(2, 1), (4, 5), (6, 3), (9, 10)]),
    (2023, [(1, 22), (4, 5), (6, 22), (9, 29)]),
    (2024, [(2, 10), (4, 4), (6, 10), (9, 17)]),
    (2025, [(1, 29), (4, 4), (5, 31), (10, 6)]),
    (2026, [(2, 17), (4, 5), (6, 19), (9, 25)]),
    (2027, [(2, 6), (4, 5), (6, 9), (9, 15)]),
    (2028, [(1, 26), (4, 4), (5, 28), (10, 3)]),
    (2029, [(2, 13), (4, 4), (6, 16), (9, 22)]),
    (2030, [(2, 3), (4, 5), (6, 5), (9, 12)]),
    (2031, [(1, 23), (4, 5), (6, 24), (10, 1)]),
    (2032, [(2, 11), (4, 4), (6, 12), (9, 19)]),
    (2033, [(1, 31), (4, 4), (6, 1), (9, 8)]),
    (2034, [(2, 19), (4, 5), (6, 20), (9, 27)]),
    (2035, [(2, 8), (4, 5), (6, 10), (9, 16)]),
    (2036, [(1, 28), (4, 4), (5, 30), (10, 4)]),
    (2037, [(2, 15), (4, 4), (6, 18), (9, 24)]),
    (2038, [(2, 4), (4, 5), (6, 7), (9, 13)]),
    (2039, [(1, 24), (4, 5), (5, 27), (10, 2)]),
    (2040, [(2, 12), (4, 4), (6, 14), (9, 20)]),
    (2041, [(2, 1), (4, 4), (6, 3), (9, 10)]),
    (2042, [(1, 22), (4, 4), (6, 22), (9, 28)]),
    (2043, [(2, 10), (4, 5), (6, 11), (9, 17)]),
    (2044, [(1, 30), (4, 4), (5, 31), (10, 5)]),
    (2045, [(2, 17), (4, 4), (6, 19), (9, 25)]),
    (2046, [(2, 6), (4, 4), (6, 8), (9, 15)]),
    (2047, [(1, 26), (4, 5), (5, 29), (10, 4)]),
    (2048, [(2, 14), (4, 4), (6, 15), (9, 22)]),
    (2049, [(2, 2), (4, 4), (6, 4), (9, 11)]),
    (2050, [(1, 23), (4, 4), (6, 23), (9, 30)]),
];

/// The holidays on a fixed Gregorian date, as (month, day).
const FIXED_DATES: [(u32, u32); 6] = [(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)];

/// The years whose lunar-dated holidays are known, ascending.
pub(super) fn lunar_years() -> impl Iterator<Item = i32> {
    LUNAR_DATES.iter().map(|(year, _)| *year)
}

/// Every statutory holiday of a year [`lunar_years`] holds; `None` for another year.
pub(super) fn holidays(year: i32) -> Option<BTreeSet<NaiveDate>> {
    let (_, [spring, qingming, dragon_boat, mid_autumn]) =
        LUNAR_DATES.iter().find(|(y, _)| *y == year)?;
    let date = |(month, day): (u32, u32)| NaiveDate::from_ymd_opt(year, month, day);
    let spring = date(*spring)?;
    let mut days: BTreeSet<NaiveDate> = fixed_holidays(year).collect();
    // The eve and the first three days: the festival never starts before 21 January, so all
    // four lie in `year`.
    days.extend(spring.pred_opt()?.iter_days().take(4));
    for lunar in [qingming, dragon_boat, mid_autumn] {
        days.insert(date(*lunar)?);
    }
    Some(days)
}

/// 1 January, 1-2 May and 1-3 October of `year` (none for a year chrono cannot represent).
pub(super) fn fixed_holidays(year: i32) -> impl Iterator<Item = NaiveDate> {
    FIXED_DATES
        .iter()
        .filter_map(move |(month, day)| NaiveDate::from_ymd_opt(year, *month, *day))
}

pub(super) fn is_fixed_holiday(day: NaiveDate) -> bool {
    FIXED_DATES.contains(&(day.month(), day.day()))
}

/// Fixed-date holidays falling Monday-Friday in `year` on or before `through` (all of the
/// year's when `through` is later).
pub(super) fn fixed_weekday_holidays_through(year: i32, through: NaiveDate) -> i64 {
    let count = fixed_holidays(year)
        .filter(|day| *day <= through && super::is_monday_to_friday(*day))
        .count();
    i64::try_from(count).unwrap_or(0)
}

/// Fixed-date holidays falling Monday-Friday in the years before `year`, counted from year 0
/// (negative before it): only differences mean anything. O(1): weekdays repeat every 400
/// Gregorian years (146 097 days, exactly 20 871 weeks), so a cycle's running counts suffice.
pub(super) fn fixed_weekday_holidays_before(year: i32) -> i64 {
    /// `CYCLE[r]`: the count over years 0..r of the 400-year cycle.
    static CYCLE: LazyLock<[i64; 401]> = LazyLock::new(|| {
        let mut running = [0; 401];
        for (r, year) in (0..400).zip(0_i32..) {
            running[r + 1] = running[r] + fixed_weekday_holidays_through(year, NaiveDate::MAX);
        }
        running
    });
    let (cycles, rest) = (i64::from(year.div_euclid(400)), year.rem_euclid(400));
    cycles * CYCLE[400] + usize::try_from(rest).map_or(0, |r| CYCLE[r])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, (month, day): (u32, u32)) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a real date")
    }

    #[test]
    fn thirteen_holidays_a_year_where_none_coincide() {
        for year in lunar_years() {
            let days = holidays(year).expect("a year of the table");
            // Mid-Autumn falls on National Day (1-3 October) in 2020, 2028, 2031 and 2039: one
            // day off, not two (the provisional rule adds no day in lieu).
            let expected = if matches!(year, 2020 | 2028 | 2031 | 2039) {
                12
            } else {
                13
            };
            assert_eq!(days.len(), expected, "{year}");
            assert!(days.iter().all(|day| day.year() == year), "{year}");
        }
        assert!(holidays(2019).is_none() && holidays(2051).is_none());
    }

    #[test]
    fn the_lunar_dates_are_their_festivals() {
        let ascending: Vec<i32> = lunar_years().collect();
        assert_eq!(ascending, (2020..=2050).collect::<Vec<_>>());
        for (year, [spring, qingming, dragon_boat, mid_autumn]) in LUNAR_DATES {
            // The Spring Festival falls between 21 January and 20 February; Qingming on 4 or 5
            // April this century. Dragon Boat is 4 lunar months (29 or 30 days each) and 4 days
            // later, Mid-Autumn 7 months and 14 days, either one more with a leap month between.
            let spring = ymd(year, spring);
            let window = ymd(year, (1, 21))..=ymd(year, (2, 20));
            assert!(window.contains(&spring), "{year}");
            assert!(qingming.0 == 4 && (4..=5).contains(&qingming.1), "{year}");
            let days_after = |date| (ymd(year, date) - spring).num_days();
            let dragon_boat = days_after(dragon_boat);
            let mid_autumn = days_after(mid_autumn);
            assert!((4 * 29 + 4..=5 * 30 + 4).contains(&dragon_boat), "{year}");
            assert!((7 * 29 + 14..=8 * 30 + 14).contains(&mid_autumn), "{year}");
            // Dragon Boat to Mid-Autumn: 3 months and 10 days, or 4 with a leap month between.
            assert!(
                (3 * 29 + 10..=4 * 30 + 10).contains(&(mid_autumn - dragon_boat)),
                "{year}"
            );
        }
    }

    #[test]
    fn fixed_holiday_counts_repeat_every_400_years() {
        let naive = |from: i32, to: i32| -> i64 {
            (from..to)
                .map(|y| fixed_weekday_holidays_through(y, NaiveDate::MAX))
                .sum()
        };
        for (from, to) in [
            (0, 400),
            (1600, 2027),
            (-401, 3),
            (2027, 2028),
            (-5000, -4000),
        ] {
            assert_eq!(
                fixed_weekday_holidays_before(to) - fixed_weekday_holidays_before(from),
                naive(from, to),
                "{from}..{to}"
            );
        }
        // 2027: Fri 1 Jan, Sat-Sun 1-2 May, Fri-Sun 1-3 October: two fall on weekdays.
        assert_eq!(fixed_weekday_holidays_through(2027, NaiveDate::MAX), 2);
        assert_eq!(fixed_weekday_holidays_through(2027, ymd(2027, (9, 30))), 1);
        assert!(is_fixed_holiday(ymd(2031, (10, 3))) && !is_fixed_holiday(ymd(2031, (10, 4))));
    }
}
