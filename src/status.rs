//! The `status` report for scripts and monitoring: one summary line first (monitoring-plugin
//! convention), then detail; or the version-1 JSON contract of FEED.md. Pure: it formats what
//! it is given and writes to any `impl Write`.

use std::io::{self, Write};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;
use serde_json::json;

use crate::domain::aggregate::{QuarterFigures, Summary};
use crate::domain::model::Snapshot;
use crate::sanitize::{fit_width, sanitize};

/// Monitoring-plugin levels; the process exit code is [`Level::exit_code`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl Level {
    pub fn exit_code(self) -> u8 {
        match self {
            Level::Ok => 0,
            Level::Warning => 1,
            Level::Critical => 2,
            Level::Unknown => 3,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Level::Ok => "OK",
            Level::Warning => "WARNING",
            Level::Critical => "CRITICAL",
            Level::Unknown => "UNKNOWN",
        }
    }
}

/// Age thresholds for the data (now - `generated_at`).
#[derive(Clone, Copy, Debug)]
pub struct AgeLimits {
    pub warn: Duration,
    pub crit: Duration,
}

/// Everything `status` reports, with its level decided.
#[derive(Debug)]
pub struct StatusReport<'a> {
    pub level: Level,
    pub now: DateTime<FixedOffset>,
    /// Printable source (URL without credentials or query, path, `-` or the demo).
    pub source: String,
    pub feed: Result<(&'a Snapshot, &'a Summary), String>,
    /// now - `generated_at`; `None` when the feed does not say when it was generated.
    pub age: Option<Duration>,
    /// Why the level is not OK, in order of importance.
    pub reasons: Vec<String>,
}

/// Decides the level: critical when the feed is unusable or older than the critical age;
/// warning when approvals are stalled or the data is older than the warning age.
pub fn assess<'a>(
    now: DateTime<FixedOffset>,
    source: String,
    feed: Result<(&'a Snapshot, &'a Summary), String>,
    limits: AgeLimits,
) -> StatusReport<'a> {
    let mut reasons = Vec::new();
    let mut level = Level::Ok;
    let mut age = None;
    match &feed {
        Err(error) => {
            level = Level::Critical;
            reasons.push(format!("feed unusable: {}", sanitize(error)));
        }
        Ok((snapshot, summary)) => {
            if let Some(generated_at) = snapshot.generated_at {
                let seconds = (now - generated_at).num_seconds().max(0).unsigned_abs();
                let data_age = Duration::from_secs(seconds);
                age = Some(data_age);
                if data_age > limits.crit {
                    level = Level::Critical;
                    reasons.push(format!("data {} old", human_duration(data_age)));
                } else if data_age > limits.warn {
                    level = Level::Warning;
                    reasons.push(format!("data {} old", human_duration(data_age)));
                }
            }
            if !summary.stalled.is_empty() {
                level = level.max(Level::Warning);
                let n = summary.stalled.len();
                reasons.push(format!(
                    "{n} stalled approval{}",
                    if n == 1 { "" } else { "s" }
                ));
            }
        }
    }
    StatusReport {
        level,
        now,
        source,
        feed,
        age,
        reasons,
    }
}

/// `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`.
pub fn human_duration(duration: Duration) -> String {
    let s = duration.as_secs();
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", s / 60),
        3600..86_400 if (s % 3600) / 60 == 0 => format!("{} h", s / 3600),
        3600..86_400 => format!("{} h {} min", s / 3600, (s % 3600) / 60),
        _ => format!("{} d {} h", s / 86_400, (s % 86_400) / 3600),
    }
}

fn count_of(actual: u32, target: Option<u32>) -> String {
    match target {
        Some(target) => format!("{actual}/{target}"),
        None => actual.to_string(),
    }
}

fn quarter_json(q: &QuarterFigures) -> serde_json::Value {
    json!({
        "year": q.year,
        "quarter": q.quarter,
        "signed_projects": q.actual.signed_projects,
        "signed_amount_cny": q.actual.signed_amount,
        "started_projects": q.actual.started_projects,
        "target_signed_projects": q.target.signed_projects,
        "target_signed_amount_cny": q.target.signed_amount,
        "target_started_projects": q.target.started_projects,
        "signed_projects_progress": q.signed_projects_progress(),
        "signed_amount_progress": q.signed_amount_progress(),
        "started_projects_progress": q.started_projects_progress(),
        "elapsed_share": (q.elapsed_share * 10_000.0).round() / 10_000.0,
        "days_left": q.days_left,
    })
}

fn amount_of(quarter: &QuarterFigures) -> String {
    match quarter.target.signed_amount {
        Some(target) => format!("{}/{} 亿", quarter.actual.signed_amount.yi(), target.yi()),
        None => format!("{} 亿", quarter.actual.signed_amount.yi()),
    }
}

impl StatusReport<'_> {
    /// The one line a monitoring system shows:
    /// `INVESTBOARD WARNING - 7 stalled approvals; Q1 signed 34/40, 512.3/800 亿; started 9/10; data 3 min old`.
    pub fn summary_line(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match &self.feed {
            Err(error) => parts.push(format!("feed unusable: {}", sanitize(error))),
            Ok((_, summary)) => {
                let q = &summary.quarter;
                let stalled = summary.stalled.len();
                parts.push(format!(
                    "{stalled} stalled approval{}",
                    if stalled == 1 { "" } else { "s" }
                ));
                parts.push(format!(
                    "Q{} signed {}, {}",
                    q.quarter,
                    count_of(q.actual.signed_projects, q.target.signed_projects),
                    amount_of(q)
                ));
                parts.push(format!(
                    "started {}",
                    count_of(q.actual.started_projects, q.target.started_projects)
                ));
                parts.push(match self.age {
                    Some(age) => format!("data {} old", human_duration(age)),
                    None => "data age unknown (no generated_at)".to_owned(),
                });
            }
        }
        format!("INVESTBOARD {} - {}", self.level.word(), parts.join("; "))
    }

    /// The FEED.md `status` JSON, version 1, plus additive keys (`summary`, `reasons`,
    /// `data_age_seconds`, `quarters`, `calendar`).
    pub fn to_json(&self) -> serde_json::Value {
        let now = self.now.to_rfc3339_opts(SecondsFormat::Secs, false);
        let (snapshot, summary) = match &self.feed {
            Ok((snapshot, summary)) => (Some(*snapshot), Some(*summary)),
            Err(_) => (None, None),
        };
        let stalled: Vec<serde_json::Value> = match (snapshot, summary) {
            (Some(snapshot), Some(summary)) => summary
                .stalled
                .iter()
                .map(|st| {
                    let project = &snapshot.projects[st.project];
                    let approval = &project.approvals[st.approval];
                    json!({
                        "project_id": project.id,
                        "project_name": project.name,
                        "approval_id": approval.id,
                        "item": approval.item,
                        "department": approval.department,
                        "submitted_on": approval.submitted_on.to_string(),
                        "working_days_elapsed": st.working_days_elapsed,
                        "limit_working_days": st.limit_working_days,
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        json!({
            "status": self.level,
            "now": now,
            "summary": self.summary_line(),
            "reasons": self.reasons,
            "feed": {
                "source": self.source,
                "generated_at": snapshot
                    .and_then(|s| s.generated_at)
                    .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, false)),
                "projects": snapshot.map(|s| s.projects.len()),
                "rejected_records": snapshot.map(|s| s.rejected.len()),
                "error": self.feed.as_ref().err().map(|e| sanitize(e)),
                "warnings": snapshot.map(|s| s.warnings.clone()).unwrap_or_default(),
            },
            "data_age_seconds": self.age.map(|a| a.as_secs()),
            "quarter": summary.map(|s| quarter_json(&s.quarter)),
            "year_to_date": summary.map(|s| s.year_to_date),
            "quarters": summary.map(|s| s.year_quarters.iter().map(quarter_json).collect::<Vec<_>>()),
            "stalled_approvals": stalled,
            "calendar": {
                "uncovered_years": summary.map(|s| s.uncovered_years.clone()).unwrap_or_default(),
            },
        })
    }

    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.to_json())?;
        writeln!(out)
    }

    /// The summary line, then readable detail. Feed text in here is already sanitized.
    pub fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "{}", self.summary_line())?;
        let Ok((snapshot, summary)) = &self.feed else {
            writeln!(out, "Feed:     {}", self.source)?;
            writeln!(out, "The feed could not be used; no figures are shown.")?;
            return Ok(());
        };
        let generated = snapshot.generated_at.map_or_else(
            || "no generated_at".to_owned(),
            |t| format!("generated {}", t.format("%Y-%m-%d %H:%M %:z")),
        );
        writeln!(
            out,
            "Feed:     {} ({generated}; {} projects, {} rejected)",
            self.source,
            snapshot.projects.len(),
            snapshot.rejected.len()
        )?;
        let q = &summary.quarter;
        writeln!(
            out,
            "Quarter:  {} Q{}, {:.0}% elapsed, {} days left",
            q.year,
            q.quarter,
            q.elapsed_share * 100.0,
            q.days_left
        )?;
        let rows = [
            (
                "Signed projects",
                count_of(q.actual.signed_projects, q.target.signed_projects),
                q.signed_projects_progress(),
            ),
            ("Signed amount", amount_of(q), q.signed_amount_progress()),
            (
                "Started projects",
                count_of(q.actual.started_projects, q.target.started_projects),
                q.started_projects_progress(),
            ),
        ];
        for (label, value, progress) in rows {
            writeln!(
                out,
                "  {label:<17} {} {}",
                fit_width(&value, 16),
                progress.label()
            )?;
        }
        let ytd = &summary.year_to_date;
        writeln!(
            out,
            "Year to date: {} signed, {} 亿, {} started",
            ytd.signed_projects,
            ytd.signed_amount.yi(),
            ytd.started_projects
        )?;
        if !summary.uncovered_years.is_empty() {
            let years: Vec<String> = summary
                .uncovered_years
                .iter()
                .map(ToString::to_string)
                .collect();
            writeln!(
                out,
                "Calendar: {} not in the holiday table; working days counted as Monday-Friday",
                years.join(", ")
            )?;
        }
        write_stalled(out, snapshot, summary)?;
        for rejection in &snapshot.rejected {
            writeln!(out, "Rejected: {rejection}")?;
        }
        for warning in &snapshot.warnings {
            writeln!(out, "Warning:  {warning}")?;
        }
        Ok(())
    }
}

fn write_stalled(out: &mut impl Write, snapshot: &Snapshot, summary: &Summary) -> io::Result<()> {
    writeln!(out, "Stalled approvals: {}", summary.stalled.len())?;
    for st in &summary.stalled {
        let project = &snapshot.projects[st.project];
        let approval = &project.approvals[st.approval];
        let none = || "-".to_owned();
        writeln!(
            out,
            "  {} {} {} {} submitted {} {}/{} working days, overdue {}",
            fit_width(project.id.as_str(), 14),
            fit_width(project.name.as_str(), 30),
            fit_width(
                &approval
                    .item
                    .as_ref()
                    .map_or_else(none, ToString::to_string),
                24
            ),
            fit_width(
                &approval
                    .department
                    .as_ref()
                    .map_or_else(none, ToString::to_string),
                24
            ),
            approval.submitted_on,
            st.working_days_elapsed,
            st.limit_working_days,
            st.overdue_by()
        )?;
    }
    Ok(())
}
