//! How much of a feed may be rejected: the share of records the validator refused, the limits
//! written as percentages, and the one rule that grades the share against them. `status` (its
//! reason and level) and the dashboard (its DEGRADED word) both grade here, so they cannot
//! disagree. Pure: counts in, a grade out; no terminal, no IO, no config.

use std::fmt;

use crate::domain::model::Snapshot;

/// A share of records, exact to a hundredth of a percent (a basis point): `1%`, `0.5%`, `20%`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Share(u32);

/// Basis points in the whole.
const WHOLE: u32 = 10_000;

impl Share {
    pub const NONE: Share = Share(0);
    pub const ALL: Share = Share(WHOLE);

    /// `percent`%, at most 100%.
    pub const fn percent(percent: u32) -> Share {
        let bp = percent.saturating_mul(100);
        Share(if bp > WHOLE { WHOLE } else { bp })
    }

    /// Reads `1%`, `0.5 %` (a percentage, at most two decimals) or `0.01` (a fraction, at most
    /// four decimals). Above 100% reads as written, for the bounds check to name it.
    pub fn parse(text: &str) -> Result<Share, String> {
        let bad = || format!("invalid share {text:?} (use e.g. 1%, 0.5% or 0.01)");
        let trimmed = text.trim();
        let (number, decimals) = match trimmed.strip_suffix('%') {
            Some(percent) => (percent.trim_end(), 2),
            None => (trimmed, 4),
        };
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > decimals {
            return Err(bad());
        }
        let padded = format!("{whole}{fraction:0<decimals$}");
        padded.parse::<u32>().map(Share).map_err(|_| bad())
    }

    /// A fraction such as TOML's `0.01`, to the nearest basis point.
    pub fn from_fraction(fraction: f64) -> Option<Share> {
        let bp = (fraction * f64::from(WHOLE)).round();
        if !(0.0..=f64::from(u32::MAX)).contains(&bp) {
            return None;
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a whole number within u32, checked above (NaN is not in the range)"
        )]
        let bp = bp as u32;
        Some(Share(bp))
    }
}

/// `1%`, `0.5%`, `12.34%`: the way the config file and the docs write a share.
impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, hundredths) = (self.0 / 100, self.0 % 100);
        match hundredths {
            0 => write!(f, "{whole}%"),
            h if h % 10 == 0 => write!(f, "{whole}.{}%", h / 10),
            h => write!(f, "{whole}.{h:02}%"),
        }
    }
}

/// How many records a feed held and how many of them were rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordCounts {
    pub rejected: usize,
    /// Accepted projects and targets plus the rejected records.
    pub total: usize,
}

impl RecordCounts {
    pub fn of(snapshot: &Snapshot) -> RecordCounts {
        let rejected = snapshot.rejected.len();
        RecordCounts {
            rejected,
            total: snapshot.projects.len() + snapshot.targets.len() + rejected,
        }
    }

    /// Whether the rejected share is strictly above `limit`, compared exactly (5 of 420 is
    /// above 1%; 1 of 100 is not). A feed without records exceeds nothing.
    pub fn above(self, limit: Share) -> bool {
        let wide = |n: usize| u128::try_from(n).unwrap_or(u128::MAX);
        wide(self.rejected) * u128::from(WHOLE) > u128::from(limit.0) * wide(self.total)
    }

    /// The rejected share rounded to the nearest basis point, for people to read.
    pub fn share(self) -> Share {
        if self.total == 0 {
            return Share::NONE;
        }
        let wide = |n: usize| u128::try_from(n).unwrap_or(u128::MAX);
        let total = wide(self.total);
        let bp = (wide(self.rejected) * u128::from(WHOLE) + total / 2) / total;
        Share(u32::try_from(bp).unwrap_or(WHOLE))
    }
}

/// The rejected shares above which a feed is degraded, then critical.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RejectionLimits {
    pub warn: Share,
    pub crit: Share,
}

/// A rejected share graded against [`RejectionLimits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RejectionLevel {
    /// At or under the warning share.
    Acceptable,
    /// Above the warning share: the figures lack records (DEGRADED, WARNING).
    Degraded,
    /// Above the critical share.
    Crit,
}

impl RejectionLimits {
    /// Grades `counts`; the critical share wins when it is the smaller.
    pub fn level(self, counts: RecordCounts) -> RejectionLevel {
        if counts.above(self.crit) {
            RejectionLevel::Crit
        } else if counts.above(self.warn) {
            RejectionLevel::Degraded
        } else {
            RejectionLevel::Acceptable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: RejectionLimits = RejectionLimits {
        warn: Share::percent(1),
        crit: Share::percent(20),
    };

    fn counts(rejected: usize, total: usize) -> RecordCounts {
        RecordCounts { rejected, total }
    }

    #[test]
    fn each_limit_is_the_last_share_on_its_good_side() {
        assert_eq!(LIMITS.level(counts(0, 0)), RejectionLevel::Acceptable);
        assert_eq!(LIMITS.level(counts(1, 100)), RejectionLevel::Acceptable);
        assert_eq!(LIMITS.level(counts(5, 420)), RejectionLevel::Degraded);
        assert_eq!(LIMITS.level(counts(20, 100)), RejectionLevel::Degraded);
        assert_eq!(LIMITS.level(counts(21, 100)), RejectionLevel::Crit);
        assert_eq!(LIMITS.level(counts(380, 420)), RejectionLevel::Crit);
        assert_eq!(LIMITS.level(counts(3, 3)), RejectionLevel::Crit);
    }

    #[test]
    fn the_comparison_is_exact_where_rounding_would_hide_it() {
        // 1.004% reads as 1% but is above it.
        let c = counts(1004, 100_000);
        assert_eq!(c.share().to_string(), "1%");
        assert!(c.above(Share::percent(1)));
        assert!(!counts(1000, 100_000).above(Share::percent(1)));
    }

    #[test]
    fn shares_read_and_write_as_percentages() {
        assert_eq!(Share::parse("1%"), Ok(Share::percent(1)));
        assert_eq!(Share::parse(" 20 % "), Ok(Share::percent(20)));
        assert_eq!(Share::parse("0.5%"), Ok(Share(50)));
        assert_eq!(Share::parse("0.01"), Ok(Share::percent(1)));
        assert_eq!(Share::parse("1"), Ok(Share::ALL));
        assert_eq!(Share::parse("150%"), Ok(Share(15_000)));
        for bad in ["", "%", "-1%", "1.234%", "0.00001", "one", "1e-2", ".5"] {
            assert!(Share::parse(bad).is_err(), "{bad:?}");
        }
        let shown: Vec<String> = [0, 50, 100, 123, 2000, 10_000]
            .map(|bp| Share(bp).to_string())
            .into();
        assert_eq!(shown, ["0%", "0.5%", "1%", "1.23%", "20%", "100%"]);
        assert_eq!(Share::from_fraction(0.2), Some(Share::percent(20)));
        assert_eq!(Share::from_fraction(-0.1), None);
        assert_eq!(counts(380, 420).share().to_string(), "90.48%");
    }
}
