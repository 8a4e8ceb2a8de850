//! Redaction for a visitor-facing wall: investor and project names are replaced before the
//! snapshot reaches the app's state, so no panel, filter or detail view can show them.
//! Amounts stay in the data (totals, targets and breakdowns are computed from them); the
//! panels hide per-project amounts when `redact` is on.

use crate::domain::model::Snapshot;
use crate::sanitize::{CompactText, SafeText};

/// What a redacted name reads as.
pub const REDACTED: &str = "***";

/// What a hidden per-project amount reads as.
pub const HIDDEN_AMOUNT: &str = "—";

/// The snapshot with every project's name and investor replaced by [`REDACTED`]. Project
/// names are redacted too: they usually carry the investor's name.
pub fn redact(snapshot: &Snapshot) -> Snapshot {
    let mut out = snapshot.clone();
    let hidden_name = CompactText::new(REDACTED);
    let hidden_investor = SafeText::new(REDACTED);
    for project in &mut out.projects {
        project.name = hidden_name.clone();
        if project.investor.is_some() {
            project.investor = Some(hidden_investor.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_investors_are_hidden_amounts_kept() {
        let snapshot = crate::testing::fixture();
        let redacted = redact(&snapshot);
        assert_eq!(redacted.projects.len(), snapshot.projects.len());
        for (before, after) in snapshot.projects.iter().zip(&redacted.projects) {
            assert_eq!(after.name.as_str(), REDACTED);
            assert_eq!(after.investor.is_some(), before.investor.is_some());
            assert!(after.investor.iter().all(|i| i.as_str() == REDACTED));
            assert_eq!(after.amount, before.amount);
            assert_eq!(after.id, before.id);
        }
    }
}
