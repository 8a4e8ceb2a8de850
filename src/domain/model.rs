//! The validated feed: what every figure is computed from. Built only by `feed::parse`, so
//! every string in here is already [`SafeText`] and every date a real date.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::amount::Amount;
use crate::sanitize::{CompactText, SafeText};

/// A project's place in the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Negotiating,
    Signed,
    Landed,
    Started,
    Operating,
    Cancelled,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Negotiating,
        Stage::Signed,
        Stage::Landed,
        Stage::Started,
        Stage::Operating,
        Stage::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Negotiating => "negotiating",
            Stage::Signed => "signed",
            Stage::Landed => "landed",
            Stage::Started => "started",
            Stage::Operating => "operating",
            Stage::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.as_str() == s)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatus {
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

impl ApprovalStatus {
    pub const ALL: [ApprovalStatus; 4] = [
        ApprovalStatus::Pending,
        ApprovalStatus::Approved,
        ApprovalStatus::Rejected,
        ApprovalStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalStatus::Pending => "pending",
            ApprovalStatus::Approved => "approved",
            ApprovalStatus::Rejected => "rejected",
            ApprovalStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<ApprovalStatus> {
        ApprovalStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
    }
}

/// The "three categories of Top 500" an investor can belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Top500 {
    FortuneGlobal,
    China,
    ChinaPrivate,
}

impl Top500 {
    pub const ALL: [Top500; 3] = [Top500::FortuneGlobal, Top500::China, Top500::ChinaPrivate];

    pub fn as_str(self) -> &'static str {
        match self {
            Top500::FortuneGlobal => "fortune_global",
            Top500::China => "china",
            Top500::ChinaPrivate => "china_private",
        }
    }

    pub fn parse(s: &str) -> Option<Top500> {
        Top500::ALL.into_iter().find(|kind| kind.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Headquarters {
    Corporate,
    Regional,
    Functional,
}

impl Headquarters {
    pub const ALL: [Headquarters; 3] = [
        Headquarters::Corporate,
        Headquarters::Regional,
        Headquarters::Functional,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Headquarters::Corporate => "corporate",
            Headquarters::Regional => "regional",
            Headquarters::Functional => "functional",
        }
    }

    pub fn parse(s: &str) -> Option<Headquarters> {
        Headquarters::ALL.into_iter().find(|hq| hq.as_str() == s)
    }
}

/// One permit or review a project waits for; its clock runs in working days.
#[derive(Clone, Debug, PartialEq)]
pub struct Approval {
    pub id: SafeText,
    pub item: Option<SafeText>,
    pub department: Option<SafeText>,
    pub submitted_on: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub status: ApprovalStatus,
    /// `None` means the configured default limit applies.
    pub limit_working_days: Option<u32>,
}

/// One accepted project. What every project has, and what the lists sort and filter on, is
/// held here (the investor too: out of line, every filter keystroke followed one more pointer
/// per row, 25% slower at 100k projects); the fields most records leave out sit in one
/// [`ProjectDetails`] box, read through the accessors of the same names. A small record (id,
/// name, amount, stage, a date) then costs 152 bytes and no heap block, where it cost 208
/// bytes and two (see `docs/performance.md`, "Round three: a compact project").
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    pub id: CompactText,
    pub name: CompactText,
    pub investor: Option<SafeText>,
    pub district: Option<SafeText>,
    pub chain: Option<SafeText>,
    pub amount: Amount,
    pub stage: Stage,
    pub signed_on: Option<NaiveDate>,
    pub started_on: Option<NaiveDate>,
    pub approvals: Box<[Approval]>,
    /// `None` when every field of it would be empty: build it with [`Project::with_details`].
    pub details: Option<Box<ProjectDetails>>,
}

/// The fields of a project that most records leave out, kept apart from [`Project`] so that
/// the records without them do not pay for them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectDetails {
    pub zone: Option<SafeText>,
    pub source_region: Option<SafeText>,
    pub top500: Box<[Top500]>,
    pub headquarters: Option<Headquarters>,
    pub landed_on: Option<NaiveDate>,
    pub operating_on: Option<NaiveDate>,
}

impl ProjectDetails {
    fn is_empty(&self) -> bool {
        *self == ProjectDetails::default()
    }
}

impl Project {
    /// Sets the rarely present fields, leaving none behind when they are all empty.
    #[must_use]
    pub fn with_details(mut self, details: ProjectDetails) -> Project {
        self.details = (!details.is_empty()).then(|| Box::new(details));
        self
    }

    /// The rarely present fields, to change them; makes them when absent.
    pub fn details_mut(&mut self) -> &mut ProjectDetails {
        self.details.get_or_insert_with(Box::default)
    }

    pub fn zone(&self) -> Option<&SafeText> {
        self.details.as_ref()?.zone.as_ref()
    }

    pub fn source_region(&self) -> Option<&SafeText> {
        self.details.as_ref()?.source_region.as_ref()
    }

    /// The investor's Top 500 lists, in the feed's order, each once.
    pub fn top500(&self) -> &[Top500] {
        self.details.as_ref().map_or(&[], |details| &details.top500)
    }

    pub fn headquarters(&self) -> Option<Headquarters> {
        self.details.as_ref()?.headquarters
    }

    pub fn landed_on(&self) -> Option<NaiveDate> {
        self.details.as_ref()?.landed_on
    }

    pub fn operating_on(&self) -> Option<NaiveDate> {
        self.details.as_ref()?.operating_on
    }

    pub fn is_cancelled(&self) -> bool {
        self.stage == Stage::Cancelled
    }

    pub fn is_top500(&self) -> bool {
        !self.top500().is_empty()
    }
}

/// Targets for one calendar quarter; each figure may be missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuarterTarget {
    pub year: i32,
    pub quarter: u8,
    pub signed_projects: Option<u32>,
    pub signed_amount: Option<Amount>,
    pub started_projects: Option<u32>,
}

/// A record the validator refused, with the place and the reason, e.g.
/// `projects[12].approvals[1].submitted_on: invalid date "2022-02-30"`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Rejection {
    /// `projects[12]` or `targets[0]`: the record that was dropped.
    pub record: String,
    /// The record's `id` when it could be read, for the publisher to find it.
    pub id: Option<SafeText>,
    /// The exact place of the fault, e.g. `projects[12].approvals[1].submitted_on`.
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)?;
        if let Some(id) = self.id.as_ref().filter(|id| !id.is_empty()) {
            write!(f, " (id {id})")?;
        }
        Ok(())
    }
}

/// One accepted feed document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub generated_at: Option<DateTime<FixedOffset>>,
    pub targets: Vec<QuarterTarget>,
    pub projects: Vec<Project>,
    pub rejected: Vec<Rejection>,
    /// Document-level problems that did not cost any record (e.g. an unreadable `generated_at`).
    pub warnings: Vec<String>,
}

impl Snapshot {
    pub fn target_for(&self, year: i32, quarter: u8) -> Option<&QuarterTarget> {
        self.targets
            .iter()
            .find(|t| t.year == year && t.quarter == quarter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizes the snapshot's memory rests on (two million small records: 152 bytes each,
    /// no heap block). A field added to `Project` belongs in `ProjectDetails` unless most
    /// records have it or a hot path reads it; raise these bounds only with the figures in
    /// docs/performance.md.
    #[test]
    fn a_project_stays_compact() {
        assert!(
            std::mem::size_of::<Project>() <= 152,
            "Project is {} bytes",
            std::mem::size_of::<Project>()
        );
        assert!(
            std::mem::size_of::<ProjectDetails>() <= 64,
            "ProjectDetails is {} bytes",
            std::mem::size_of::<ProjectDetails>()
        );
        assert!(std::mem::size_of::<Approval>() <= 72);
    }

    fn small_project() -> Project {
        Project {
            id: CompactText::new("S0000001"),
            name: CompactText::new("P0000001"),
            investor: None,
            district: None,
            chain: None,
            amount: Amount::from_yuan(1000),
            stage: Stage::Signed,
            signed_on: NaiveDate::from_ymd_opt(2026, 1, 5),
            started_on: None,
            approvals: Box::default(),
            details: None,
        }
    }

    #[test]
    fn empty_details_are_not_kept_and_accessors_read_through_them() {
        let plain = small_project().with_details(ProjectDetails::default());
        assert_eq!(plain.details, None);
        assert_eq!(plain.zone(), None);
        assert!(plain.top500().is_empty());
        assert!(!plain.is_top500());

        let detailed = small_project().with_details(ProjectDetails {
            zone: Some(SafeText::new("湘江新区")),
            top500: Box::new([Top500::China]),
            operating_on: NaiveDate::from_ymd_opt(2026, 3, 1),
            ..ProjectDetails::default()
        });
        assert_eq!(detailed.zone().map(SafeText::as_str), Some("湘江新区"));
        assert_eq!(detailed.top500(), [Top500::China]);
        assert!(detailed.is_top500());
        assert_eq!(detailed.operating_on(), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(detailed.landed_on(), None);

        let mut redacted = small_project();
        redacted.details_mut().zone = Some(SafeText::new("x"));
        assert_eq!(redacted.zone().map(SafeText::as_str), Some("x"));
    }
}
