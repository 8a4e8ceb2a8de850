//! How old data may get: the warning and critical ages, how old data is, the one rule that
//! grades an age against the limits, and when a `generated_at` lies too far ahead to have an
//! age. `status` (its exit level) and the dashboard (its freshness word) both decide here, so
//! they cannot disagree about when data turns old. Pure: the caller hands in `now`; no clock,
//! no terminal, no IO.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

/// Age thresholds for the data (now - `generated_at`, or the last successful poll).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeLimits {
    pub warn: Duration,
    pub crit: Duration,
}

/// An age graded against [`AgeLimits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AgeLevel {
    /// At or under the warning age.
    Fresh,
    /// Older than the warning age.
    Warn,
    /// Older than the critical age.
    Crit,
}

impl AgeLimits {
    /// Grades `age`: a limit is the last age still on its good side (older than `warn` warns,
    /// older than `crit` is critical). The critical age wins when it is the smaller.
    pub fn level(self, age: Duration) -> AgeLevel {
        if age > self.crit {
            AgeLevel::Crit
        } else if age > self.warn {
            AgeLevel::Warn
        } else {
            AgeLevel::Fresh
        }
    }
}

/// Time from `since` to `now`, never negative: a publisher clock ahead of ours reads as age 0.
pub fn age(now: DateTime<FixedOffset>, since: DateTime<FixedOffset>) -> Duration {
    (now - since).to_std().unwrap_or(Duration::ZERO)
}

/// How far a `generated_at` may lie ahead of our clock before it is a fault rather than a
/// small difference between clocks.
pub const SKEW_TOLERANCE: Duration = Duration::from_secs(5 * 60);

/// How far `generated_at` lies in the future, when that is beyond [`SKEW_TOLERANCE`]: a
/// publisher clock that is wrong, or local time written with `Z`. Such data has no known age
/// (never "0 s old"); `None` when the stamp is in the past or within the tolerance.
pub fn ahead_by(
    now: DateTime<FixedOffset>,
    generated_at: DateTime<FixedOffset>,
) -> Option<Duration> {
    let ahead = age(generated_at, now);
    (ahead > SKEW_TOLERANCE).then_some(ahead)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: AgeLimits = AgeLimits {
        warn: Duration::from_secs(30 * 60),
        crit: Duration::from_secs(2 * 3600),
    };

    #[test]
    fn each_limit_is_the_last_age_on_its_good_side() {
        let level = |secs| LIMITS.level(Duration::from_secs(secs));
        assert_eq!(level(0), AgeLevel::Fresh);
        assert_eq!(level(30 * 60), AgeLevel::Fresh);
        assert_eq!(level(30 * 60 + 1), AgeLevel::Warn);
        assert_eq!(level(2 * 3600), AgeLevel::Warn);
        assert_eq!(level(2 * 3600 + 1), AgeLevel::Crit);
    }

    #[test]
    fn a_crit_age_below_the_warn_age_wins() {
        let limits = AgeLimits {
            warn: Duration::from_secs(600),
            crit: Duration::from_secs(60),
        };
        assert_eq!(limits.level(Duration::from_secs(61)), AgeLevel::Crit);
        assert_eq!(limits.level(Duration::from_secs(60)), AgeLevel::Fresh);
    }

    #[test]
    fn age_is_never_negative_and_keeps_fractions() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("valid");
        let now = at("2026-11-29T10:00:00.500+08:00");
        assert_eq!(
            age(now, at("2026-11-29T09:59:00+08:00")),
            Duration::from_millis(60_500)
        );
        assert_eq!(age(now, at("2026-11-29T11:00:00+08:00")), Duration::ZERO);
    }

    #[test]
    fn a_stamp_more_than_five_minutes_ahead_is_skew() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("valid");
        let now = at("2026-11-29T10:00:00+08:00");
        assert_eq!(ahead_by(now, at("2026-11-29T09:00:00+08:00")), None);
        assert_eq!(ahead_by(now, at("2026-11-29T10:05:00+08:00")), None);
        assert_eq!(
            ahead_by(now, at("2026-11-29T10:05:01+08:00")),
            Some(Duration::from_secs(301))
        );
        // Local time written with `Z`: eight hours ahead.
        assert_eq!(
            ahead_by(now, at("2026-11-29T10:00:00Z")),
            Some(Duration::from_secs(8 * 3600))
        );
    }
}
