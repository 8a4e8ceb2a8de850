//! The quarter metrics the command room is measured on (projects signed, amount signed, projects
//! started), named once. Every surface (figure cards, the targets rows, `status` text and JSON)
//! iterates [`Metric::ALL`], so a fourth metric is one variant here plus what the compiler then
//! asks for. Also [`Quantity`], a metric's value, and the one way a figure is written against its
//! target (`34/40`). Depends on `domain::amount` only: no terminal, no IO, no language (labels
//! are looked up by metric in `i18n`).

use crate::domain::amount::{Amount, ratio};

/// A figure with a quarterly target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    SignedProjects,
    SignedAmount,
    StartedProjects,
}

impl Metric {
    /// In the order every surface shows them.
    pub const ALL: [Metric; 3] = [
        Metric::SignedProjects,
        Metric::SignedAmount,
        Metric::StartedProjects,
    ];

    /// Whether the metric is money (an [`Amount`]) rather than a count.
    pub fn is_money(self) -> bool {
        match self {
            Metric::SignedProjects | Metric::StartedProjects => false,
            Metric::SignedAmount => true,
        }
    }

    /// The key of the actual figure in the `status` JSON and in `year_to_date` (the FEED.md
    /// contract: amounts carry their currency).
    pub fn json_key(self) -> &'static str {
        match self {
            Metric::SignedProjects => "signed_projects",
            Metric::SignedAmount => "signed_amount_cny",
            Metric::StartedProjects => "started_projects",
        }
    }

    /// The key of the quarter's target in the `status` JSON: `target_` and [`Metric::json_key`].
    pub fn target_json_key(self) -> String {
        format!("target_{}", self.json_key())
    }

    /// The name in `status --format openmetrics` (after `investboard_`): that format puts the
    /// unit in the name.
    pub fn openmetrics_name(self) -> &'static str {
        match self {
            Metric::SignedProjects => "signed_projects",
            Metric::SignedAmount => "signed_amount_yuan",
            Metric::StartedProjects => "started_projects",
        }
    }

    /// The key of the progress word in the `status` JSON (no currency in it).
    pub fn progress_json_key(self) -> &'static str {
        match self {
            Metric::SignedProjects => "signed_projects_progress",
            Metric::SignedAmount => "signed_amount_progress",
            Metric::StartedProjects => "started_projects_progress",
        }
    }
}

/// A metric's value: a count of projects or an amount of money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// Wide enough for the sum of four quarters' `u32` targets.
    Count(u64),
    Money(Amount),
}

impl Quantity {
    /// What targets are compared in: the count, or [`Amount::units`] (exact, 10^-8 yuan).
    pub fn units(self) -> u128 {
        match self {
            Quantity::Count(count) => u128::from(count),
            Quantity::Money(amount) => amount.units(),
        }
    }

    /// Share of `target` reached, for bars and percentages; `None` for a zero target.
    pub fn ratio_of(self, target: Quantity) -> Option<f64> {
        ratio(self.units(), target.units())
    }

    /// The sum, saturating like [`Amount`]'s (a pinned figure is visibly wrong). Both sides are
    /// the same metric's, so of the same kind; a count plus money keeps the money.
    #[must_use]
    pub fn saturating_add(self, other: Quantity) -> Quantity {
        match (self, other) {
            (Quantity::Count(a), Quantity::Count(b)) => Quantity::Count(a.saturating_add(b)),
            (Quantity::Money(a), Quantity::Money(b)) => Quantity::Money(a + b),
            (Quantity::Count(_), money) | (money, Quantity::Count(_)) => money,
        }
    }

    /// The value as text: counts as integers, amounts as `money` writes them (no unit).
    pub fn text(self, money: impl Fn(Amount) -> String) -> String {
        match self {
            Quantity::Count(count) => count.to_string(),
            Quantity::Money(amount) => money(amount),
        }
    }

    /// The value against its target, `34/40`, or alone without one: the one place a figure is
    /// written against its target, on screen and in `status`.
    pub fn of_target(self, target: Option<Quantity>, money: impl Fn(Amount) -> String) -> String {
        match target {
            Some(target) => format!("{}/{}", self.text(&money), target.text(&money)),
            None => self.text(money),
        }
    }
}

/// In JSON a count is an integer and an amount is yuan (see [`Amount`]'s serialization).
impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Quantity::Count(count) => serializer.serialize_u64(*count),
            Quantity::Money(amount) => amount.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_reads_against_its_target_or_alone() {
        let money = |a: Amount| a.yi();
        let count = Quantity::Count(34);
        assert_eq!(count.of_target(Some(Quantity::Count(40)), money), "34/40");
        assert_eq!(count.of_target(None, money), "34");
        let amount = Quantity::Money(Amount::from_yuan(51_230_000_000));
        let target = Quantity::Money(Amount::from_yuan(80_000_000_000));
        assert_eq!(amount.of_target(Some(target), money), "512.3/800");
        assert_eq!(amount.of_target(None, |a: Amount| a.billions()), "51.23");
    }

    #[test]
    fn json_keys_are_the_contract() {
        let keys: Vec<(&str, String, &str)> = Metric::ALL
            .iter()
            .map(|m| (m.json_key(), m.target_json_key(), m.progress_json_key()))
            .collect();
        assert_eq!(
            keys,
            [
                (
                    "signed_projects",
                    "target_signed_projects".to_owned(),
                    "signed_projects_progress"
                ),
                (
                    "signed_amount_cny",
                    "target_signed_amount_cny".to_owned(),
                    "signed_amount_progress"
                ),
                (
                    "started_projects",
                    "target_started_projects".to_owned(),
                    "started_projects_progress"
                ),
            ]
        );
    }

    #[test]
    fn sums_saturate_and_ratios_cope_with_zero() {
        let max = Quantity::Money(Amount::MAX);
        let one = Quantity::Money(Amount::from_fen(1));
        assert_eq!(max.saturating_add(one), max);
        assert_eq!(
            Quantity::Count(u64::from(u32::MAX)).saturating_add(Quantity::Count(1)),
            Quantity::Count(u64::from(u32::MAX) + 1)
        );
        assert_eq!(Quantity::Count(5).ratio_of(Quantity::Count(0)), None);
        assert_eq!(Quantity::Count(5).ratio_of(Quantity::Count(4)), Some(1.25));
    }

    #[test]
    fn json_values_are_integers_and_yuan() {
        let json = serde_json::to_string(&[
            Quantity::Count(3),
            Quantity::Money(Amount::from_yuan(9_000_000_000)),
            Quantity::Money(Amount::from_fen(150)),
        ])
        .unwrap_or_default();
        assert_eq!(json, "[3,9000000000,1.5]");
    }
}
