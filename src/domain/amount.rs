//! Money, kept exact: an integer count of hundred-millionths of a yuan (10^-8 yuan, so one 亿 of
//! them makes a yuan), read from a number's decimal text and written back as exact decimal text,
//! so sums never drift the way floats do. Display helpers (亿, bn, 万, m) round only there.
//! Depends on nothing but `serde` (and `serde_json`'s exact numbers for the JSON form): no
//! terminal, no IO.

use std::fmt;
use std::iter::Sum;
use std::ops::Add;
use std::str::FromStr;

/// Yuan in units of 10^-8 yuan, wide enough (`u128`) for any sum a feed can make: up to about
/// 3.4 x 10^30 yuan. Sums saturate rather than wrap: a figure pinned at the maximum is visibly
/// wrong, a wrapped one would look plausible.
///
/// Kept as two `u64` halves, high first (so the derived order is the numeric one): a `u128`
/// field is 16-byte aligned and padded every [`crate::domain::model::Project`] to a multiple
/// of 16 bytes; halves align to 8.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount {
    high: u64,
    low: u64,
}

/// Decimal places kept: a fraction finer than 10^-8 yuan is refused, never rounded. Eight covers
/// every money column in practice (`DECIMAL(_, 2)`, `(_, 4)`, `(_, 6)`, `(_, 8)`).
pub const DECIMALS: u32 = 8;
const UNITS_PER_YUAN: u128 = 10u128.pow(DECIMALS);
const UNITS_PER_FEN: u128 = UNITS_PER_YUAN / 100;
const UNITS_PER_YI: u128 = 100_000_000 * UNITS_PER_YUAN;

/// Why a number's text is not an amount. Each message quotes the text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("amount must not be negative, got {0}")]
    Negative(String),
    #[error(
        "amount {0} has a fraction finer than 0.00000001 yuan, the smallest unit kept (refused rather than rounded)"
    )]
    TooFine(String),
    #[error("amount {0} is too large to keep exactly (the most is about 3.4e30 yuan)")]
    TooLarge(String),
    #[error("amount {0} is not a decimal number")]
    NotANumber(String),
}

impl Amount {
    pub const ZERO: Amount = Amount::from_units(0);
    /// Where sums stop (see the type's note on saturation).
    pub const MAX: Amount = Amount::from_units(u128::MAX);

    #[expect(
        clippy::cast_possible_truncation,
        reason = "splitting into halves: each keeps exactly its 64 bits"
    )]
    const fn from_units(units: u128) -> Amount {
        Amount {
            high: (units >> 64) as u64,
            low: units as u64,
        }
    }

    pub fn from_yuan(yuan: u64) -> Amount {
        Amount::from_units(u128::from(yuan) * UNITS_PER_YUAN)
    }

    pub fn from_fen(fen: u64) -> Amount {
        Amount::from_units(u128::from(fen) * UNITS_PER_FEN)
    }

    /// Hundred-millionths of a yuan: what sums and comparisons with targets count in.
    pub fn units(self) -> u128 {
        (u128::from(self.high) << 64) | u128::from(self.low)
    }

    /// Yuan from a JSON number's own text (`7500000000`, `0.1`, `1.5e9`, `99999999999999.99`),
    /// exactly: never through a float. Refused when negative (`-0` is zero), finer than
    /// [`DECIMALS`] places or beyond what a `u128` of units holds.
    pub fn from_decimal(text: &str) -> Result<Amount, AmountError> {
        let owned = || text.to_owned();
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (
                mantissa,
                parse_exponent(exponent).ok_or_else(|| AmountError::NotANumber(owned()))?,
            ),
            None => (unsigned, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || !is_digits(int)
            || !is_digits(frac)
            || (frac.is_empty() && mantissa.len() != int.len())
        {
            return Err(AmountError::NotANumber(owned()));
        }
        let digits = || int.bytes().chain(frac.bytes());
        let significant = digits().rev().skip_while(|&b| b == b'0').count();
        if digits().take(significant).all(|b| b == b'0') {
            return Ok(Amount::ZERO);
        }
        if negative {
            return Err(AmountError::Negative(owned()));
        }
        // The value is digits[..significant] x 10^shift units.
        let dropped_zeros = i64::try_from(int.len() + frac.len() - significant).unwrap_or(i64::MAX);
        let frac_len = i64::try_from(frac.len()).unwrap_or(i64::MAX);
        let shift = exponent
            .saturating_add(dropped_zeros)
            .saturating_sub(frac_len)
            .saturating_add(i64::from(DECIMALS));
        let shift = u32::try_from(shift).map_err(|_| {
            if shift < 0 {
                AmountError::TooFine(owned())
            } else {
                AmountError::TooLarge(owned())
            }
        })?;
        digits()
            .take(significant)
            .try_fold(0u128, |value, digit| {
                value.checked_mul(10)?.checked_add(u128::from(digit - b'0'))
            })
            .and_then(|value| value.checked_mul(10u128.checked_pow(shift)?))
            .map(Amount::from_units)
            .ok_or_else(|| AmountError::TooLarge(owned()))
    }

    /// Whole yuan, when the amount has no fraction.
    pub fn whole_yuan(self) -> Option<u128> {
        self.units()
            .is_multiple_of(UNITS_PER_YUAN)
            .then_some(self.units() / UNITS_PER_YUAN)
    }

    /// Yuan as exact decimal text, no exponent, no trailing zeros: `80000000000`, `0.3`,
    /// `13000001500002003.4`. What the status JSON writes.
    pub fn exact_yuan(self) -> String {
        let whole = self.units() / UNITS_PER_YUAN;
        let frac = self.units() % UNITS_PER_YUAN;
        if frac == 0 {
            return whole.to_string();
        }
        let digits = format!("{frac:0width$}", width = DECIMALS as usize);
        format!("{whole}.{}", digits.trim_end_matches('0'))
    }

    /// Amount in 亿 rounded half-up to hundredths, trailing zeros dropped: `512.3`, `0.05`, `8`.
    pub fn yi(self) -> String {
        hundredths_string(round_div(self.units(), UNITS_PER_YI / 100))
    }

    /// Amount in billions of yuan (English labels), same rounding as [`Amount::yi`].
    pub fn billions(self) -> String {
        hundredths_string(round_div(self.units(), UNITS_PER_YI * 10 / 100))
    }

    /// [`Amount::yi`] with exactly two decimals (`12.70`, `0.18`, `3.00`): list columns line
    /// up on the decimal point.
    pub fn yi_fixed(self) -> String {
        fixed_hundredths(round_div(self.units(), UNITS_PER_YI / 100))
    }

    /// [`Amount::billions`] with exactly two decimals.
    pub fn billions_fixed(self) -> String {
        fixed_hundredths(round_div(self.units(), UNITS_PER_YI * 10 / 100))
    }

    /// Amount in 万 (ten thousand yuan), same rounding: `7500`, `0.5`.
    pub fn wan(self) -> String {
        hundredths_string(round_div(self.units(), UNITS_PER_YUAN * 10_000 / 100))
    }

    /// Amount in millions of yuan (English labels), same rounding: `750`, `2.5`.
    pub fn millions(self) -> String {
        hundredths_string(round_div(self.units(), UNITS_PER_YUAN * 1_000_000 / 100))
    }

    /// Share of `target` reached, for bars and percentages. `None` when the target is zero.
    pub fn ratio_of(self, target: Amount) -> Option<f64> {
        ratio(self.units(), target.units())
    }
}

/// An exponent's text (`9`, `+9`, `-3`); very long ones saturate, which later reads as too
/// large or too fine. `None` when it is not digits.
fn parse_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.bytes().fold(0i64, |value, digit| {
        value
            .saturating_mul(10)
            .saturating_add(i64::from(digit - b'0'))
    });
    Some(if negative { -magnitude } else { magnitude })
}

impl FromStr for Amount {
    type Err = AmountError;
    fn from_str(text: &str) -> Result<Amount, AmountError> {
        Amount::from_decimal(text)
    }
}

/// Share of a target reached; `None` for a zero target (there is nothing to divide by).
#[expect(clippy::cast_precision_loss, reason = "a ratio for display only")]
pub fn ratio(actual: u128, target: u128) -> Option<f64> {
    (target != 0).then(|| actual as f64 / target as f64)
}

fn round_div(value: u128, divisor: u128) -> u128 {
    value / divisor + u128::from(value % divisor >= divisor.div_ceil(2))
}

fn fixed_hundredths(hundredths: u128) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

fn hundredths_string(hundredths: u128) -> String {
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
        Amount::from_units(self.units().saturating_add(other.units()))
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

/// In JSON an amount is yuan as an exact number: an integer when whole (the usual case), else
/// a plain decimal; never an exponent, never rounded. Written through `serde_json`'s exact
/// numbers (its `arbitrary_precision`), so it stays exact in a `serde_json::Value` too.
impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.exact_yuan();
        let number = serde_json::Number::from_str(&text)
            .map_err(|e| serde::ser::Error::custom(format!("amount {text}: {e}")))?;
        serde::Serialize::serialize(&number, serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str) -> String {
        Amount::from_decimal(text).map_or_else(|e| e.to_string(), Amount::exact_yuan)
    }

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
    fn display_rounds_only_the_shown_figure() {
        // 499999.99999999 yuan is just under half a hundredth of a 亿: it shows as 0.
        let just_under = Amount::from_decimal("499999.99999999").unwrap_or_default();
        assert_eq!(just_under.yi(), "0");
        assert_eq!(
            (just_under + Amount::from_decimal("0.00000001").unwrap_or_default()).yi(),
            "0.01"
        );
        let big = Amount::from_decimal("13000001500002003.4").unwrap_or_default();
        assert_eq!(big.yi(), "130000015");
        assert_eq!(big.billions(), "13000001.5");
        assert_eq!(big.exact_yuan(), "13000001500002003.4");
    }

    #[test]
    fn decimal_text_reads_exactly() {
        assert_eq!(exact("7500000000"), "7500000000");
        assert_eq!(exact("99999999999999.99"), "99999999999999.99");
        assert_eq!(exact("1.5e9"), "1500000000");
        assert_eq!(exact("1.5E+9"), "1500000000");
        assert_eq!(exact("15e-1"), "1.5");
        assert_eq!(exact("0.001"), "0.001");
        assert_eq!(exact("0.00000001"), "0.00000001");
        assert_eq!(exact("1e-8"), "0.00000001");
        assert_eq!(exact("100.500000000000"), "100.5");
        assert_eq!(exact("1e20"), "100000000000000000000");
        assert_eq!(exact("0"), "0");
        assert_eq!(exact("-0"), "0");
        assert_eq!(exact("-0.0e5"), "0");
        assert_eq!(exact("0e-400"), "0");
        assert_eq!(
            Amount::from_decimal("1234.5").map(Amount::units),
            Ok(123_450_000_000)
        );
    }

    #[test]
    fn text_that_cannot_be_kept_exactly_is_refused_with_a_reason() {
        assert_eq!(exact("-5"), "amount must not be negative, got -5");
        assert_eq!(
            exact("-0.000000001"),
            "amount must not be negative, got -0.000000001"
        );
        assert_eq!(
            exact("0.000000001"),
            "amount 0.000000001 has a fraction finer than 0.00000001 yuan, the smallest unit kept (refused rather than rounded)"
        );
        assert!(exact("0.30000000000000004").contains("finer than"));
        assert!(exact("1e-99999999999999999999").contains("finer than"));
        assert_eq!(
            exact("1e400"),
            "amount 1e400 is too large to keep exactly (the most is about 3.4e30 yuan)"
        );
        assert!(exact("1e99999999999999999999").contains("too large"));
        // u128::MAX units is 3402823669209384634633746074317.68211455 yuan: that reads, one
        // unit more does not.
        assert_eq!(
            exact("3402823669209384634633746074317.68211455"),
            "3402823669209384634633746074317.68211455"
        );
        assert!(exact("3402823669209384634633746074317.68211456").contains("too large"));
        for bad in [
            "", "-", "abc", "1.", ".5", "1e", "1e+", "1.2.3", "0x10", "1_000",
        ] {
            assert_eq!(exact(bad), format!("amount {bad} is not a decimal number"));
        }
    }

    #[test]
    fn sums_are_exact_past_two_to_the_53_and_saturate() {
        let tenth = Amount::from_decimal("0.1").unwrap_or_default();
        let fifth = Amount::from_decimal("0.2").unwrap_or_default();
        assert_eq!((tenth + fifth).exact_yuan(), "0.3");
        let total: Amount = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(total, Amount::from_yuan(1));
        // 2^53 + 1 yuan, which an f64 cannot hold, plus a fen.
        let past = Amount::from_yuan((1 << 53) + 1) + Amount::from_fen(1);
        assert_eq!(past.exact_yuan(), "9007199254740993.01");
        let parts = ["13000000000000000", "1500002003.4", "0"];
        let sum: Amount = parts
            .iter()
            .map(|p| Amount::from_decimal(p).unwrap_or_default())
            .sum();
        assert_eq!(sum.exact_yuan(), "13000001500002003.4");
        assert_eq!(Amount::MAX + Amount::from_fen(1), Amount::MAX);
    }

    #[test]
    fn json_is_an_exact_plain_number() {
        let json = |text: &str| {
            serde_json::to_string(&Amount::from_decimal(text).unwrap_or_default())
                .unwrap_or_default()
        };
        assert_eq!(json("80000000000"), "80000000000");
        assert_eq!(json("1.5"), "1.5");
        assert_eq!(json("13000001500002003.40"), "13000001500002003.4");
        assert_eq!(json("99999999999999.99"), "99999999999999.99");
        assert_eq!(json("1e20"), "100000000000000000000");
        assert_eq!(json("0.00000001"), "0.00000001");
        // Through a `serde_json::Value` (how `status` builds its JSON) just as exact.
        let value = serde_json::json!({"a": Amount::from_decimal("13000001500002003.4").unwrap_or_default()});
        assert_eq!(value.to_string(), r#"{"a":13000001500002003.4}"#);
    }

    #[test]
    fn halves_keep_every_bit_and_the_numeric_order() {
        let just_over_u64 = Amount::from_units(u128::from(u64::MAX) + 1);
        let u64_max = Amount::from_units(u128::from(u64::MAX));
        assert_eq!(just_over_u64.units(), 1 << 64);
        assert!(u64_max < just_over_u64, "the high half decides first");
        assert!(Amount::from_units(1 << 64) > Amount::from_units((1 << 63) + 5));
        assert_eq!(Amount::MAX.units(), u128::MAX);
        assert_eq!(
            (u64_max + Amount::from_units(1)).units(),
            1 << 64,
            "the carry crosses"
        );
        // What the halves are for: 8-byte alignment, so a Project is not padded to 16.
        assert_eq!(std::mem::align_of::<Amount>(), 8);
        assert_eq!(std::mem::size_of::<Amount>(), 16);
    }

    #[test]
    fn ratio_copes_with_zero_target() {
        assert_eq!(ratio(5, 0), None);
        assert_eq!(ratio(5, 4), Some(1.25));
    }
}
