//! The validated feed: what every figure is computed from. Built only by `feed::parse`, so
//! every string in here is already [`SafeText`] and every date a real date.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::amount::Amount;
use crate::sanitize::SafeText;

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

#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    pub id: SafeText,
    pub name: SafeText,
    pub investor: Option<SafeText>,
    pub district: Option<SafeText>,
    pub zone: Option<SafeText>,
    pub chain: Option<SafeText>,
    pub source_region: Option<SafeText>,
    pub top500: Vec<Top500>,
    pub headquarters: Option<Headquarters>,
    pub amount: Amount,
    pub stage: Stage,
    pub signed_on: Option<NaiveDate>,
    pub landed_on: Option<NaiveDate>,
    pub started_on: Option<NaiveDate>,
    pub operating_on: Option<NaiveDate>,
    pub approvals: Vec<Approval>,
}

impl Project {
    pub fn is_cancelled(&self) -> bool {
        self.stage == Stage::Cancelled
    }

    pub fn is_top500(&self) -> bool {
        !self.top500.is_empty()
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
