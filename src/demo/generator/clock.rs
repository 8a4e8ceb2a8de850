//! Business time: the demo pipeline's own timeline, and how it maps onto wall-clock instants.
//!
//! Every event of the demo pipeline is placed at a *business second*: seconds counted only inside
//! the 09:00-18:00 window of weekdays (China Standard Time), from the Monday of the week that
//! holds the history's first day. Up to the epoch a business second is an ordinary instant on
//! that day. After the epoch the demo fast-forwards: each business second lasts a fixed number of
//! real microseconds, chosen so an event arrives every few seconds. Integers only, so the
//! mapping is exact and reproducible. Public holidays are not modelled (weekends only).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// China Standard Time, the zone of every date in the feed.
pub const CST: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => unreachable!(),
};

/// Business seconds in one business day (09:00-18:00).
pub const WINDOW: i64 = 9 * 3600;

const OPENING: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => unreachable!(),
};

/// Weekday business days counted from a Monday: day `d` is weekday `d % 5` of week `d / 5`.
#[derive(Debug, Clone, Copy)]
pub struct BusinessCalendar {
    monday: NaiveDate,
}

impl BusinessCalendar {
    /// A calendar whose day 0 is the Monday on or before `first_day`.
    pub fn starting_week_of(first_day: NaiveDate) -> Self {
        let back = i64::from(first_day.weekday().num_days_from_monday());
        Self {
            monday: add_days(first_day, -back),
        }
    }

    /// The date of business day `day`.
    pub fn date(self, day: i64) -> NaiveDate {
        add_days(self.monday, day.div_euclid(5) * 7 + day.rem_euclid(5))
    }

    /// The business second reached at the local (CST) wall-clock time `local`: inside a window
    /// it counts the seconds since opening; outside it stays at the last window's close.
    pub fn business_at(self, local: NaiveDateTime) -> i64 {
        let days = local.date().signed_duration_since(self.monday).num_days();
        let (week, weekday) = (days.div_euclid(7), days.rem_euclid(7));
        if weekday >= 5 {
            return (week * 5 + 5) * WINDOW;
        }
        let since_opening = local.time().signed_duration_since(OPENING).num_seconds();
        (week * 5 + weekday) * WINDOW + since_opening.clamp(0, WINDOW)
    }

    /// The first business day on or after `date`.
    pub fn first_day_from(self, date: NaiveDate) -> i64 {
        let days = date.signed_duration_since(self.monday).num_days();
        let (week, weekday) = (days.div_euclid(7), days.rem_euclid(7));
        week * 5 + weekday.min(5)
    }

    /// The local wall-clock time of business second `b` (`b` strictly inside a window).
    pub fn local_at(self, b: i64) -> NaiveDateTime {
        let secs = b.rem_euclid(WINDOW);
        self.date(b.div_euclid(WINDOW)).and_time(OPENING) + TimeDelta::seconds(secs)
    }
}

fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    TimeDelta::try_days(days)
        .and_then(|delta| date.checked_add_signed(delta))
        .unwrap_or(if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// Maps business seconds to real instants: identity (through the calendar) up to the epoch,
/// a steady fast-forward after it.
#[derive(Debug, Clone, Copy)]
pub struct Warp {
    pub calendar: BusinessCalendar,
    pub epoch: DateTime<FixedOffset>,
    /// `calendar.business_at(epoch)`.
    pub epoch_business: i64,
    /// Real microseconds that one business second lasts after the epoch (at least 1).
    pub micros_per_business_second: i64,
}

impl Warp {
    pub fn new(
        calendar: BusinessCalendar,
        epoch: DateTime<FixedOffset>,
        micros_per_business_second: i64,
    ) -> Self {
        let epoch_business = calendar.business_at(epoch.with_timezone(&CST).naive_local());
        Self {
            calendar,
            epoch,
            epoch_business,
            micros_per_business_second: micros_per_business_second.max(1),
        }
    }

    /// The business second reached at `now`: every event placed at or before it has happened.
    pub fn business_now(&self, now: DateTime<FixedOffset>) -> i64 {
        if now <= self.epoch {
            return self
                .calendar
                .business_at(now.with_timezone(&CST).naive_local());
        }
        let elapsed = now
            .signed_duration_since(self.epoch)
            .num_microseconds()
            .unwrap_or(i64::MAX);
        self.epoch_business
            .saturating_add(elapsed / self.micros_per_business_second)
    }

    /// The real instant (in CST) at which business second `b` happens; the inverse of
    /// [`Warp::business_now`] in the sense that `business_now(instant(b)) >= b`.
    pub fn instant(&self, b: i64) -> DateTime<FixedOffset> {
        if b <= self.epoch_business {
            return self
                .calendar
                .local_at(b)
                .and_local_timezone(CST)
                .single()
                .unwrap_or(self.epoch);
        }
        let micros = (b - self.epoch_business).saturating_mul(self.micros_per_business_second);
        let at = self.epoch.with_timezone(&CST);
        at.checked_add_signed(TimeDelta::microseconds(micros))
            .unwrap_or(at)
    }

    /// The CST date on which business second `b` happens, as written in the feed.
    pub fn date(&self, b: i64) -> NaiveDate {
        self.instant(b).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("test date")
    }

    fn calendar() -> BusinessCalendar {
        // 2026-01-01 is a Thursday: day 0 is Monday 2025-12-29.
        BusinessCalendar::starting_week_of(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"))
    }

    #[test]
    fn weekdays_map_to_consecutive_business_days() {
        let cal = calendar();
        assert_eq!(cal.date(0).to_string(), "2025-12-29");
        assert_eq!(cal.date(3).to_string(), "2026-01-01");
        assert_eq!(cal.date(4).to_string(), "2026-01-02");
        assert_eq!(cal.date(5).to_string(), "2026-01-05");
        assert_eq!(cal.first_day_from(local("2026-01-03 00:00:00").date()), 5);
        assert_eq!(cal.first_day_from(local("2026-01-01 00:00:00").date()), 3);
    }

    #[test]
    fn business_seconds_round_trip_inside_windows_and_freeze_outside() {
        let cal = calendar();
        let b = cal.business_at(local("2026-01-02 10:30:00"));
        assert_eq!(b, 4 * WINDOW + 5400);
        assert_eq!(cal.local_at(b), local("2026-01-02 10:30:00"));
        let friday_close = cal.business_at(local("2026-01-02 18:00:00"));
        assert_eq!(cal.business_at(local("2026-01-03 12:00:00")), friday_close);
        assert_eq!(cal.business_at(local("2026-01-05 08:59:59")), friday_close);
        assert_eq!(
            cal.business_at(local("2026-01-05 09:00:01")),
            friday_close + 1
        );
    }

    #[test]
    fn warp_is_continuous_at_the_epoch_and_monotone_after() {
        let epoch = DateTime::parse_from_rfc3339("2026-11-29T10:00:00+08:00").expect("epoch");
        let warp = Warp::new(calendar(), epoch, 2_000);
        // A Sunday: the epoch's business second is Friday's close.
        assert_eq!(
            warp.calendar.local_at(warp.epoch_business - 1).to_string(),
            "2026-11-27 17:59:59"
        );
        assert_eq!(warp.business_now(epoch), warp.epoch_business);
        let later = epoch + TimeDelta::seconds(1);
        assert_eq!(warp.business_now(later), warp.epoch_business + 500);
        let b = warp.epoch_business + 1234;
        assert_eq!(warp.business_now(warp.instant(b)), b);
        assert_eq!(
            warp.business_now(warp.instant(b) - TimeDelta::microseconds(1)),
            b - 1
        );
        assert_eq!(warp.date(b).to_string(), "2026-11-29");
    }
}
