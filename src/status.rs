//! The `status` report for scripts and monitoring: one summary line first (monitoring-plugin
//! convention), then detail; or the version-1 JSON contract of FEED.md. Pure: it formats what
//! it is given and writes to any `impl Write`.

use std::io::{self, Write};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;
use serde_json::json;

use crate::domain::aggregate::{QuarterFigures, Summary};
use crate::domain::amount::Amount;
use crate::domain::calendar::year_ranges;
use crate::domain::model::Snapshot;
use crate::exit::Exit;
use crate::lang::Lang;
use crate::sanitize::{fit_width, sanitize};

/// Monitoring-plugin levels; the process exit code is [`Level::exit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl Level {
    pub fn exit(self) -> Exit {
        match self {
            Level::Ok => Exit::Ok,
            Level::Warning => Exit::Warning,
            Level::Critical => Exit::Critical,
            Level::Unknown => Exit::Usage,
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
    Lang::En.duration(duration)
}

/// How a line writes amounts: a language's own units, or the JSON contract's (亿 always, as
/// FEED.md specifies, with English words: JSON values are never translated).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Units {
    Contract,
    Lang(Lang),
}

impl Units {
    fn lang(self) -> Lang {
        match self {
            Units::Contract => Lang::En,
            Units::Lang(lang) => lang,
        }
    }

    fn money(self, amount: Amount) -> String {
        match self {
            Units::Contract => amount.yi(),
            Units::Lang(lang) => lang.money(amount),
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Units::Contract => "亿",
            Units::Lang(lang) => lang.labels().money_unit,
        }
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

fn amount_of(quarter: &QuarterFigures, units: Units) -> String {
    let actual = units.money(quarter.actual.signed_amount);
    match quarter.target.signed_amount {
        Some(target) => format!("{actual}/{} {}", units.money(target), units.unit()),
        None => format!("{actual} {}", units.unit()),
    }
}

impl StatusReport<'_> {
    /// The one line a monitoring system shows, as the JSON's `summary` has it (English, 亿):
    /// `INVESTBOARD WARNING - 7 stalled approvals; Q1 signed 34/40, 512.3/800 亿; started 9/10; data 3 min old`.
    pub fn summary_line(&self) -> String {
        self.summary_in(Units::Contract)
    }

    /// The summary line in a language: its words, its units (亿 or bn). The level word stays
    /// OK/WARNING/CRITICAL/UNKNOWN in every language, as monitoring systems expect.
    pub fn summary_line_in(&self, lang: Lang) -> String {
        self.summary_in(Units::Lang(lang))
    }

    fn summary_in(&self, units: Units) -> String {
        let lang = units.lang();
        let l = lang.labels();
        let mut parts: Vec<String> = Vec::new();
        match &self.feed {
            Err(error) => parts.push((l.st_feed_unusable)(&sanitize(error))),
            Ok((_, summary)) => {
                let q = &summary.quarter;
                parts.push((l.st_stalled_approvals)(summary.stalled.len()));
                parts.push((l.st_quarter_signed)(
                    q.quarter,
                    &count_of(q.actual.signed_projects, q.target.signed_projects),
                    &amount_of(q, units),
                ));
                parts.push((l.st_started)(&count_of(
                    q.actual.started_projects,
                    q.target.started_projects,
                )));
                parts.push(match self.age {
                    Some(age) => (l.st_data_age)(&lang.duration(age)),
                    None => l.st_data_age_unknown.to_owned(),
                });
            }
        }
        format!(
            "INVESTBOARD {} - {}",
            self.level.word(),
            parts.join(l.st_separator)
        )
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
                "next_year_uncovered": summary.and_then(|s| s.next_year_uncovered),
            },
        })
    }

    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.to_json())?;
        writeln!(out)
    }

    /// The summary line, then readable detail, in `lang`. Feed text in here is already
    /// sanitized.
    pub fn write_text(&self, out: &mut impl Write, lang: Lang) -> io::Result<()> {
        let l = lang.labels();
        let units = Units::Lang(lang);
        let label = |text: &str| fit_width(text, 10);
        writeln!(out, "{}", self.summary_line_in(lang))?;
        let Ok((snapshot, summary)) = &self.feed else {
            writeln!(out, "{}{}", label(l.st_feed), self.source)?;
            writeln!(out, "{}", l.st_unusable_no_figures)?;
            return Ok(());
        };
        let generated = snapshot.generated_at.map_or_else(
            || l.st_no_generated_at.to_owned(),
            |t| (l.st_generated)(&lang.timestamp(t)),
        );
        writeln!(
            out,
            "{}{} {}",
            label(l.st_feed),
            self.source,
            (l.st_feed_detail)(&generated, snapshot.projects.len(), snapshot.rejected.len())
        )?;
        let q = &summary.quarter;
        writeln!(
            out,
            "{}{}",
            label(l.st_quarter),
            (l.st_quarter_detail)(q.year, q.quarter, q.elapsed_share * 100.0, q.days_left)
        )?;
        let rows = [
            (
                l.signed_projects,
                count_of(q.actual.signed_projects, q.target.signed_projects),
                q.signed_projects_progress(),
            ),
            (
                l.signed_amount,
                amount_of(q, units),
                q.signed_amount_progress(),
            ),
            (
                l.started_projects,
                count_of(q.actual.started_projects, q.target.started_projects),
                q.started_projects_progress(),
            ),
        ];
        for (name, value, progress) in rows {
            writeln!(
                out,
                "  {} {} {}",
                fit_width(name, 17),
                fit_width(&value, 16),
                l.progress(progress)
            )?;
        }
        let ytd = &summary.year_to_date;
        writeln!(
            out,
            "{}",
            (l.st_year_to_date)(
                ytd.signed_projects,
                &lang.money_with_unit(ytd.signed_amount),
                ytd.started_projects
            )
        )?;
        if !summary.uncovered_years.is_empty() {
            let years = year_ranges(&summary.uncovered_years);
            writeln!(out, "{}", (l.st_calendar)(&years))?;
        }
        if let Some(year) = summary.next_year_uncovered {
            writeln!(out, "{}", (l.st_calendar_next_year)(year))?;
        }
        write_stalled(out, snapshot, summary, lang)?;
        for rejection in &snapshot.rejected {
            writeln!(out, "{}{rejection}", label(l.st_rejected))?;
        }
        for warning in &snapshot.warnings {
            writeln!(out, "{}{warning}", label(l.st_warning))?;
        }
        Ok(())
    }
}

fn write_stalled(
    out: &mut impl Write,
    snapshot: &Snapshot,
    summary: &Summary,
    lang: Lang,
) -> io::Result<()> {
    let l = lang.labels();
    writeln!(out, "{}", (l.st_stalled_heading)(summary.stalled.len()))?;
    for st in &summary.stalled {
        let project = &snapshot.projects[st.project];
        let approval = &project.approvals[st.approval];
        let none = || "-".to_owned();
        writeln!(
            out,
            "  {} {} {} {} {}",
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
            (l.st_stalled_row)(
                &approval.submitted_on.to_string(),
                st.working_days_elapsed,
                st.limit_working_days,
                st.overdue_by()
            )
        )?;
    }
    Ok(())
}
