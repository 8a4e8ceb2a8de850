//! Durations as people read them, in one function: a duration is written in the largest unit it
//! has reached, sometimes with the next smaller unit's remainder. The header, `status` and
//! fetch error messages differ only in their [`DurationStyle`] and the unit words they pass.
//! Depends on nothing but `std`.

use std::time::Duration;

/// The words for each unit, one set per language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DurationUnits {
    pub ms: &'static str,
    pub s: &'static str,
    pub min: &'static str,
    pub h: &'static str,
    pub d: &'static str,
}

/// How precisely a duration is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationStyle {
    /// At a glance (the header): one unit, which takes over at two of it: `119 s`, `2 min`,
    /// `119 min`, `2 h`, `47 h`, `2 d`.
    Glance,
    /// Reports (`status`): `45 s`, `12 min`, `3 h`, `3 h 5 min`, `2 d`, `2 d 4 h`.
    Report,
    /// Error messages: fractions of a second, rounded to the second past ten, and never days:
    /// `300 ms`, `1.5 s`, `20 s`, `5 min 30 s`, `3 h 20 min`.
    Precise,
}

/// Seconds, minutes, hours, days: index into this with [`Rule`]'s unit numbers.
const SIZES: [u64; 4] = [1, 60, 3_600, 86_400];

/// What a style decides.
struct Rule {
    /// A unit takes over once the duration is this many of it.
    switch_at: u64,
    /// The largest unit used (index into [`SIZES`]).
    largest: usize,
    /// From this unit up, a non-zero remainder in the next smaller unit is written too.
    remainder_from: usize,
    /// Milliseconds below a second, tenths below ten seconds, and rounding to the second.
    fractions: bool,
}

impl DurationStyle {
    fn rule(self) -> Rule {
        match self {
            DurationStyle::Glance => Rule {
                switch_at: 2,
                largest: 3,
                remainder_from: SIZES.len(),
                fractions: false,
            },
            DurationStyle::Report => Rule {
                switch_at: 1,
                largest: 3,
                remainder_from: 2,
                fractions: false,
            },
            DurationStyle::Precise => Rule {
                switch_at: 2,
                largest: 2,
                remainder_from: 1,
                fractions: true,
            },
        }
    }
}

impl DurationUnits {
    fn word(&self, unit: usize) -> &'static str {
        match unit {
            0 => self.s,
            1 => self.min,
            2 => self.h,
            _ => self.d,
        }
    }

    /// `duration` in these words, as `style` writes it.
    pub fn format(&self, duration: Duration, style: DurationStyle) -> String {
        let rule = style.rule();
        if rule.fractions {
            if duration < Duration::from_secs(1) {
                return format!("{} {}", duration.as_millis(), self.ms);
            }
            if duration < Duration::from_secs(10) && duration.subsec_millis() >= 100 {
                return format!("{:.1} {}", duration.as_secs_f64(), self.s);
            }
        }
        let secs = if rule.fractions {
            // Past ten seconds, fractions only clutter: round to the second.
            duration
                .saturating_add(Duration::from_millis(500))
                .as_secs()
        } else {
            duration.as_secs()
        };
        let unit = (1..=rule.largest)
            .rev()
            .find(|&unit| secs >= rule.switch_at * SIZES[unit])
            .unwrap_or(0);
        let value = secs / SIZES[unit];
        let word = self.word(unit);
        if unit >= rule.remainder_from && unit > 0 {
            let rest = secs % SIZES[unit] / SIZES[unit - 1];
            if rest > 0 {
                return format!("{value} {word} {rest} {}", self.word(unit - 1));
            }
        }
        format!("{value} {word}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNITS: DurationUnits = DurationUnits {
        ms: "ms",
        s: "s",
        min: "min",
        h: "h",
        d: "d",
    };

    fn format(secs: u64, style: DurationStyle) -> String {
        UNITS.format(Duration::from_secs(secs), style)
    }

    #[test]
    fn at_a_glance_one_unit_taking_over_at_two() {
        let glance = |secs| format(secs, DurationStyle::Glance);
        assert_eq!(glance(0), "0 s");
        assert_eq!(glance(119), "119 s");
        assert_eq!(glance(120), "2 min");
        assert_eq!(glance(7_199), "119 min");
        assert_eq!(glance(7_200), "2 h");
        assert_eq!(glance(172_799), "47 h");
        assert_eq!(glance(172_800), "2 d");
        assert_eq!(glance(1_000 * 86_400), "1000 d");
    }

    #[test]
    fn reports_add_the_remainder_from_hours_up() {
        let report = |secs| format(secs, DurationStyle::Report);
        assert_eq!(report(45), "45 s");
        assert_eq!(report(60), "1 min");
        assert_eq!(report(12 * 60 + 59), "12 min");
        assert_eq!(report(3 * 3_600), "3 h");
        assert_eq!(report(3 * 3_600 + 5 * 60 + 59), "3 h 5 min");
        assert_eq!(report(2 * 86_400 + 4 * 3_600 + 59 * 60), "2 d 4 h");
    }

    #[test]
    fn whole_days_read_like_whole_hours() {
        // "3 h", not "3 h 0 min"; so "2 d", not "2 d 0 h" (which reports used to print).
        assert_eq!(format(2 * 86_400, DurationStyle::Report), "2 d");
        assert_eq!(format(2 * 86_400 + 59 * 60, DurationStyle::Report), "2 d");
    }

    #[test]
    fn errors_show_fractions_and_round_to_the_second() {
        let precise = |d| UNITS.format(d, DurationStyle::Precise);
        assert_eq!(precise(Duration::from_millis(300)), "300 ms");
        assert_eq!(precise(Duration::from_millis(1_500)), "1.5 s");
        assert_eq!(precise(Duration::from_millis(2_050)), "2 s");
        assert_eq!(precise(Duration::from_millis(19_600)), "20 s");
        assert_eq!(precise(Duration::from_secs(119)), "119 s");
        assert_eq!(precise(Duration::from_secs(330)), "5 min 30 s");
        assert_eq!(precise(Duration::from_secs(7_200)), "2 h");
        assert_eq!(
            precise(Duration::from_secs(3 * 3_600 + 20 * 60)),
            "3 h 20 min"
        );
        assert_eq!(precise(Duration::from_secs(3 * 86_400)), "72 h");
        assert_eq!(precise(Duration::MAX), "5124095576030431 h");
    }
}
