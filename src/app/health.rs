//! Feed health: what the poller last reported, and how fresh the data on screen is. Pure
//! functions of the recorded facts and the `now` the app was last handed; ages are graded by
//! the domain's one age rule (`domain::freshness`), as `status` grades them.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::domain::freshness::{AgeLevel, age};

/// How much the numbers on screen can be trusted, in words (never colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// No poll has reported yet (start-up).
    Loading,
    /// Data younger than `warn_age`.
    Fresh,
    /// Older than `warn_age`.
    Ageing,
    /// Older than `crit_age`, or the feed is failing and this is the last good data.
    Stale,
    /// The last poll failed and nothing good has arrived for longer than `crit_age`, or no
    /// data was ever loaded and a poll has failed.
    Offline,
}

/// The last failed poll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollFailure {
    /// One line, already safe to print (the poller's contract).
    pub message: String,
    pub at: DateTime<FixedOffset>,
    pub retry_in: Duration,
}

/// What the poller has told the app so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedHealth {
    /// Last time the feed answered with usable data (new or unchanged).
    pub last_success: Option<DateTime<FixedOffset>>,
    /// Set while the most recent poll is a failure; cleared by the next success.
    pub last_failure: Option<PollFailure>,
    pub consecutive_failures: u32,
    /// `r` was pressed and no answer has arrived since.
    pub refresh_requested: bool,
    /// A poll has been in flight since then, longer than the poll interval.
    pub checking_since: Option<DateTime<FixedOffset>>,
}

impl FeedHealth {
    /// The feed answered with usable data (new or unchanged) at `at`.
    pub fn succeeded(&mut self, at: DateTime<FixedOffset>) {
        self.last_success = Some(at);
        self.last_failure = None;
        self.consecutive_failures = 0;
        self.refresh_requested = false;
    }
}

/// Thresholds for [`freshness`]: the domain's, shared with `status`.
pub use crate::domain::freshness::AgeLimits;

/// Age of the data: from the feed's own `generated_at` when it has one, else from the last
/// successful poll. Never negative (a publisher clock ahead of ours reads as age 0).
pub fn data_age(
    now: DateTime<FixedOffset>,
    generated_at: Option<DateTime<FixedOffset>>,
    last_success: Option<DateTime<FixedOffset>>,
) -> Option<Duration> {
    Some(age(now, generated_at.or(last_success)?))
}

/// Classifies the data on screen.
pub fn freshness(
    now: DateTime<FixedOffset>,
    has_data: bool,
    data_age: Option<Duration>,
    health: &FeedHealth,
    limits: AgeLimits,
) -> Freshness {
    let failing = health.last_failure.is_some();
    if !has_data {
        return if failing {
            Freshness::Offline
        } else {
            Freshness::Loading
        };
    }
    if failing {
        // Whatever its age, data the feed can no longer confirm is stale: never show it as
        // fresh while the feed is failing.
        let since_success = health.last_success.map(|at| age(now, at));
        return if since_success.is_none_or(|d| limits.level(d) == AgeLevel::Crit) {
            Freshness::Offline
        } else {
            Freshness::Stale
        };
    }
    match data_age.map(|d| limits.level(d)) {
        Some(AgeLevel::Crit) => Freshness::Stale,
        Some(AgeLevel::Warn) => Freshness::Ageing,
        Some(AgeLevel::Fresh) | None => Freshness::Fresh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("valid")
    }

    const LIMITS: AgeLimits = AgeLimits {
        warn: Duration::from_secs(30 * 60),
        crit: Duration::from_secs(2 * 3600),
    };

    fn ok_health(last: &str) -> FeedHealth {
        FeedHealth {
            last_success: Some(at(last)),
            ..FeedHealth::default()
        }
    }

    fn failing(mut health: FeedHealth, when: &str) -> FeedHealth {
        health.last_failure = Some(PollFailure {
            message: "connection refused".into(),
            at: at(when),
            retry_in: Duration::from_secs(20),
        });
        health.consecutive_failures += 1;
        health
    }

    #[test]
    fn freshness_follows_the_data_age() {
        let generated = Some(at("2026-11-29T10:00:00+08:00"));
        let health = ok_health("2026-11-29T10:00:05+08:00");
        let state = |now: &str| {
            let now = at(now);
            let age = data_age(now, generated, health.last_success);
            freshness(now, true, age, &health, LIMITS)
        };
        assert_eq!(state("2026-11-29T10:00:12+08:00"), Freshness::Fresh);
        assert_eq!(state("2026-11-29T10:30:00+08:00"), Freshness::Fresh);
        assert_eq!(state("2026-11-29T10:30:01+08:00"), Freshness::Ageing);
        assert_eq!(state("2026-11-29T12:00:01+08:00"), Freshness::Stale);
    }

    #[test]
    fn failures_mark_data_stale_then_offline_after_crit_age_without_success() {
        let health = failing(
            ok_health("2026-11-29T10:00:00+08:00"),
            "2026-11-29T10:05:00+08:00",
        );
        let state = |now: &str| {
            let now = at(now);
            let age = data_age(now, None, health.last_success);
            freshness(now, true, age, &health, LIMITS)
        };
        // Five minutes old would be FRESH, but the feed is failing: the data is the last good
        // one and says so.
        assert_eq!(state("2026-11-29T10:05:00+08:00"), Freshness::Stale);
        assert_eq!(state("2026-11-29T11:00:00+08:00"), Freshness::Stale);
        assert_eq!(state("2026-11-29T12:00:01+08:00"), Freshness::Offline);
    }

    #[test]
    fn never_loaded_is_loading_then_offline_on_failure() {
        let now = at("2026-11-29T10:00:00+08:00");
        let health = FeedHealth::default();
        assert_eq!(
            freshness(now, false, None, &health, LIMITS),
            Freshness::Loading
        );
        let health = failing(health, "2026-11-29T10:00:00+08:00");
        assert_eq!(
            freshness(now, false, None, &health, LIMITS),
            Freshness::Offline
        );
    }

    #[test]
    fn a_publisher_clock_ahead_reads_as_age_zero() {
        let now = at("2026-11-29T10:00:00+08:00");
        let ahead = Some(at("2026-11-29T11:00:00+08:00"));
        assert_eq!(data_age(now, ahead, None), Some(Duration::ZERO));
    }
}
