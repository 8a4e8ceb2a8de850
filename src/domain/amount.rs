//! Money, kept exact: an integer count of fen (0.01 yuan), so sums never drift the way floats
//! do. Display helpers give 亿 (100 million yuan) with up to two decimals.

use std::fmt;
use std::iter::Sum;
use std::ops::Add;

/// Yuan in fen. Sums saturate rather than wrap: a figure pinned at the maximum is visibly
/// wrong, a wrapped one would look plausible.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount {
    fen: u64,
}

const FEN_PER_YUAN: u64 = 100;
const FEN_PER_YI: u64 = 100_000_000 * FEN_PER_YUAN;

/// The largest single amount a feed may state: 10^15 yuan. Anything above is a data error.
pub const MAX_YUAN: u64 = 1_000_000_000_000_000;
const MAX_YUAN_F64: f64 = 1e15;

impl Amount {
    pub const ZERO: Amount = Amount { fen: 0 };

    pub fn from_yuan(yuan: u64) -> Amount {
        Amount {
            fen: yuan.saturating_mul(FEN_PER_YUAN),
        }
    }

    pub fn from_fen(fen: u64) -> Amount {
        Amount { fen }
    }

    /// Yuan given as a JSON float: rounded to the nearest fen. `None` when negative, not
    /// finite or above [`MAX_YUAN`].
    pub fn from_yuan_f64(yuan: f64) -> Option<Amount> {
        if !(0.0..=MAX_YUAN_F64).contains(&yuan) {
            return None;
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "range checked above: 0 <= yuan * 100 <= 1e17 < u64::MAX"
        )]
        let fen = (yuan * 100.0).round() as u64;
        Some(Amount { fen })
    }

    pub fn fen(self) -> u64 {
        self.fen
    }

    pub fn whole_yuan(self) -> Option<u64> {
        self.fen
            .is_multiple_of(FEN_PER_YUAN)
            .then_some(self.fen / FEN_PER_YUAN)
    }

    /// Amount in 亿 rounded half-up to hundredths, trailing zeros dropped: `512.3`, `0.05`, `8`.
    pub fn yi(self) -> String {
        hundredths_string(round_div(self.fen, FEN_PER_YI / 100))
    }

    /// Amount in billions of yuan (English labels), same rounding as [`Amount::yi`].
    pub fn billions(self) -> String {
        hundredths_string(round_div(self.fen, FEN_PER_YI * 10 / 100))
    }

    /// Amount in 万 (ten thousand yuan), same rounding: `7500`, `0.5`.
    pub fn wan(self) -> String {
        hundredths_string(round_div(self.fen, FEN_PER_YUAN * 10_000 / 100))
    }

    /// Amount in millions of yuan (English labels), same rounding: `750`, `2.5`.
    pub fn millions(self) -> String {
        hundredths_string(round_div(self.fen, FEN_PER_YUAN * 1_000_000 / 100))
    }

    /// Share of `target` reached, for bars and percentages. `None` when the target is zero.
    pub fn ratio_of(self, target: Amount) -> Option<f64> {
        ratio(self.fen, target.fen)
    }
}

/// Share of a target reached; `None` for a zero target (there is nothing to divide by).
#[expect(clippy::cast_precision_loss, reason = "a ratio for display only")]
pub fn ratio(actual: u64, target: u64) -> Option<f64> {
    (target != 0).then(|| actual as f64 / target as f64)
}

fn round_div(value: u64, divisor: u64) -> u64 {
    value / divisor + u64::from(value % divisor >= divisor.div_ceil(2))
}

fn hundredths_string(hundredths: u64) -> String {
    let whole = hundredths / 100;
    let frac = hundredths % 100;
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount {
            fen: self.fen.saturating_add(other.fen),
        }
    }
}

impl std::ops::AddAssign for Amount {
    fn add_assign(&mut self, other: Amount) {
        *self = *self + other;
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} 亿", self.yi())
    }
}

/// In JSON an amount is yuan: an integer when whole (the usual case), else a decimal.
impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.whole_yuan() {
            Some(yuan) => serializer.serialize_u64(yuan),
            #[expect(
                clippy::cast_precision_loss,
                reason = "fractional yuan are rare and small"
            )]
            None => serializer.serialize_f64(self.fen as f64 / 100.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yi_rounds_half_up_and_trims() {
        assert_eq!(Amount::from_yuan(51_230_000_000).yi(), "512.3");
        assert_eq!(Amount::from_yuan(80_000_000_000).yi(), "800");
        assert_eq!(Amount::from_yuan(7_500_000_000).yi(), "75");
        assert_eq!(Amount::from_yuan(1_234_567).yi(), "0.01");
        assert_eq!(Amount::from_yuan(500_000).yi(), "0.01");
        assert_eq!(Amount::from_yuan(499_999).yi(), "0");
        assert_eq!(Amount::from_yuan(43_300_000_000).yi(), "433");
        assert_eq!(Amount::from_yuan(123_456_789_012).yi(), "1234.57");
        assert_eq!(Amount::from_yuan(7_500_000_000).billions(), "7.5");
        assert_eq!(Amount::from_yuan(51_230_000_000).billions(), "51.23");
        assert_eq!(Amount::from_yuan(75_000_000).wan(), "7500");
        assert_eq!(Amount::from_yuan(5_000).wan(), "0.5");
        assert_eq!(Amount::from_yuan(750_000_000).millions(), "750");
        assert_eq!(Amount::from_yuan(2_500_000).millions(), "2.5");
    }

    #[test]
    fn floats_round_to_fen_and_bad_values_are_refused() {
        assert_eq!(
            Amount::from_yuan_f64(1.005e2).map(Amount::fen),
            Some(10_050)
        );
        assert_eq!(Amount::from_yuan_f64(0.1 + 0.2).map(Amount::fen), Some(30));
        assert_eq!(Amount::from_yuan_f64(-1.0), None);
        assert_eq!(Amount::from_yuan_f64(f64::NAN), None);
        assert_eq!(Amount::from_yuan_f64(1e16), None);
    }

    #[test]
    fn sums_are_exact_and_saturate() {
        let tenth = Amount::from_yuan_f64(0.1).unwrap_or_default();
        let total: Amount = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(total, Amount::from_yuan(1));
        assert_eq!(
            Amount::from_fen(u64::MAX) + Amount::from_fen(1),
            Amount::from_fen(u64::MAX)
        );
    }

    #[test]
    fn json_is_integer_yuan_when_whole() {
        let json = serde_json::to_string(&Amount::from_yuan(80_000_000_000)).unwrap_or_default();
        assert_eq!(json, "80000000000");
        let json = serde_json::to_string(&Amount::from_fen(150)).unwrap_or_default();
        assert_eq!(json, "1.5");
    }

    #[test]
    fn ratio_copes_with_zero_target() {
        assert_eq!(ratio(5, 0), None);
        assert_eq!(ratio(5, 4), Some(1.25));
    }
}
