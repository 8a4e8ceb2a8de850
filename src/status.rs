//! The `status` report for scripts and monitoring: one summary line first (monitoring-plugin
//! convention), then detail; or the version-1 JSON contract of FEED.md. Pure: it formats what
//! it is given and writes to any `impl Write`.

mod json;
mod openmetrics;

use std::io::{self, Write};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::domain::aggregate::{Progress, QuarterFigures, StalledApproval, Summary};
use crate::domain::amount::Amount;
use crate::domain::calendar::year_ranges;
use crate::domain::freshness::{self, AgeLevel};
use crate::domain::metric::Metric;
use crate::domain::model::Snapshot;
use crate::domain::rejections::{RecordCounts, RejectionLevel};
use crate::exit::Exit;
use crate::feed::FeedProblem;
use crate::lang::Lang;
use crate::sanitize::{SafeText, fit_width, pad_to_width, sanitize};

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

/// Age thresholds for the data (now - `generated_at`): the domain's, shared with the dashboard.
pub use crate::domain::freshness::AgeLimits;
/// Rejected-share thresholds: the domain's, shared with the dashboard.
pub use crate::domain::rejections::RejectionLimits;

/// What can set the level (`status --check`). An unusable feed is critical whatever is checked:
/// nothing else can be judged without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// The data's age against `warn_age`/`crit_age`, and a `generated_at` in the future.
    Freshness,
    /// Approvals past their working-day limit (a warning).
    Stalled,
    /// The share of rejected records against `max_rejected_share`/`crit_rejected_share`.
    Rejections,
    /// A quarter metric behind the pace its target sets (a warning).
    Targets,
}

impl Check {
    /// What `status` checks unless told otherwise: the feed's health and the approvals, not
    /// the business figures (a separate service can check `targets`).
    pub const DEFAULT: [Check; 3] = [Check::Freshness, Check::Stalled, Check::Rejections];
}

/// How `status` grades: the limits, and which checks set the level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub ages: AgeLimits,
    pub rejections: RejectionLimits,
    pub checks: Vec<Check>,
}

impl Policy {
    fn checks(&self, check: Check) -> bool {
        self.checks.contains(&check)
    }
}

/// Everything `status` reports, with its level decided.
#[derive(Debug)]
pub struct StatusReport<'a> {
    pub level: Level,
    pub now: DateTime<FixedOffset>,
    /// Printable source (URL without credentials or query, path, `-` or the demo).
    pub source: String,
    pub feed: Result<(&'a Snapshot, &'a Summary), FeedProblem>,
    /// now - `generated_at`; `None` when the feed does not say when it was generated, or
    /// says a time too far ahead of ours to have an age.
    pub age: Option<Duration>,
    /// How far `generated_at` lies ahead of our clock, when beyond the tolerance.
    pub ahead: Option<Duration>,
    /// The checks that set the level.
    pub checks: Vec<Check>,
    /// Why the level is not OK, in order of importance.
    pub reasons: Vec<String>,
}

/// Decides the level from the chosen checks: critical when the feed is unusable, older than
/// the critical age or has more rejected records than the critical share; warning when
/// approvals are stalled, the data is older than the warning age or stamped in the future,
/// more records than the warning share are rejected, or (checking targets) a metric is behind
/// pace.
pub fn assess<'a>(
    now: DateTime<FixedOffset>,
    source: String,
    feed: Result<(&'a Snapshot, &'a Summary), FeedProblem>,
    policy: &Policy,
) -> StatusReport<'a> {
    let mut findings: Vec<(Level, String)> = Vec::new();
    let mut age = None;
    let mut ahead = None;
    match &feed {
        Err(error) => {
            findings.push((
                Level::Critical,
                format!("feed unusable: {}", sanitize(&error.en)),
            ));
        }
        Ok((snapshot, summary)) => {
            if let Some(generated_at) = snapshot.generated_at {
                // Whole seconds, as `data_age_seconds` reports it.
                let whole = |d: Duration| Duration::from_secs(d.as_secs());
                match freshness::ahead_by(now, generated_at) {
                    Some(by) => ahead = Some(whole(by)),
                    None => age = Some(whole(freshness::age(now, generated_at))),
                }
            }
            if policy.checks(Check::Freshness) {
                findings.extend(freshness_finding(age, ahead, policy.ages));
            }
            if policy.checks(Check::Stalled) && !summary.stalled.is_empty() {
                let n = summary.stalled.len();
                let s = if n == 1 { "" } else { "s" };
                findings.push((Level::Warning, format!("{n} stalled approval{s}")));
            }
            if policy.checks(Check::Rejections) {
                findings.extend(rejections_finding(snapshot, policy.rejections));
            }
            if policy.checks(Check::Targets) {
                findings.extend(behind_pace(&summary.quarter));
            }
        }
    }
    // Most severe first; equals keep the order above.
    findings.sort_by_key(|f| std::cmp::Reverse(f.0));
    StatusReport {
        level: findings.first().map_or(Level::Ok, |f| f.0),
        now,
        source,
        feed,
        age,
        ahead,
        checks: policy.checks.clone(),
        reasons: findings.into_iter().map(|f| f.1).collect(),
    }
}

fn freshness_finding(
    age: Option<Duration>,
    ahead: Option<Duration>,
    limits: AgeLimits,
) -> Option<(Level, String)> {
    if let Some(ahead) = ahead {
        let by = Lang::En.duration(ahead);
        return Some((
            Level::Warning,
            format!("generated_at {by} in the future (clock skew, or local time written as UTC)"),
        ));
    }
    let age = age?;
    let level = match limits.level(age) {
        AgeLevel::Fresh => return None,
        AgeLevel::Warn => Level::Warning,
        AgeLevel::Crit => Level::Critical,
    };
    Some((level, format!("data {} old", Lang::En.duration(age))))
}

fn rejections_finding(snapshot: &Snapshot, limits: RejectionLimits) -> Option<(Level, String)> {
    let counts = RecordCounts::of(snapshot);
    let level = match limits.level(counts) {
        RejectionLevel::Acceptable => return None,
        RejectionLevel::Degraded => Level::Warning,
        RejectionLevel::Crit => Level::Critical,
    };
    let (rejected, total, share) = (counts.rejected, counts.total, counts.share());
    Some((
        level,
        format!("{rejected} of {total} records rejected ({share})"),
    ))
}

/// A warning for each metric of the quarter behind the pace its target sets.
fn behind_pace(quarter: &QuarterFigures) -> Vec<(Level, String)> {
    let names = &Lang::En.labels().common;
    Metric::ALL
        .into_iter()
        .filter(|&metric| quarter.metric(metric).progress == Progress::Behind)
        .map(|metric| {
            let figure = Units::Contract.figure(quarter, metric);
            let name = names.metric(metric).full.to_lowercase();
            let q = quarter.quarter;
            (Level::Warning, format!("Q{q} {name} behind pace: {figure}"))
        })
        .collect()
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
            Units::Lang(lang) => lang.labels().common.money_unit,
        }
    }

    /// One metric of a quarter against its target, amounts with their unit: `34/40`,
    /// `512.3/800 亿`.
    fn figure(self, quarter: &QuarterFigures, metric: Metric) -> String {
        let figure = quarter.metric(metric);
        let text = figure.text(|amount| self.money(amount));
        let text = if metric.is_money() {
            format!("{text} {}", self.unit())
        } else {
            text
        };
        if figure.zero_target() {
            format!("{text} ({})", self.lang().labels().common.zero_target)
        } else {
            text
        }
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
        let l = &lang.labels().status;
        let mut parts: Vec<String> = Vec::new();
        match &self.feed {
            Err(error) => parts.push((l.feed_unusable)(&sanitize(match units {
                Units::Contract => &error.en,
                Units::Lang(lang) => error.in_lang(lang),
            }))),
            Ok((_, summary)) => {
                let q = &summary.quarter;
                parts.push((l.stalled_approvals)(summary.stalled.len()));
                let figure = |metric| units.figure(q, metric);
                parts.push((l.quarter_signed)(
                    q.quarter,
                    &figure(Metric::SignedProjects),
                    &figure(Metric::SignedAmount),
                ));
                parts.push((l.started)(&figure(Metric::StartedProjects)));
                parts.push(match (self.age, self.ahead) {
                    (_, Some(ahead)) => (l.data_ahead)(&lang.duration(ahead)),
                    (Some(age), None) => (l.data_age)(&lang.duration(age)),
                    (None, None) => l.data_age_unknown.to_owned(),
                });
            }
        }
        format!(
            "INVESTBOARD {} - {}",
            self.level.word(),
            parts.join(l.separator)
        )
    }

    /// The summary line, then at most `max_lines` lines of readable detail in `lang` and
    /// `… and N more` for the rest (a monitoring system keeps the first lines; the JSON stays
    /// complete). Feed text in here is already sanitized.
    pub fn write_text(&self, out: &mut impl Write, lang: Lang, max_lines: usize) -> io::Result<()> {
        writeln!(out, "{}", self.summary_line_in(lang))?;
        let mut lines = DetailLines::new(max_lines);
        self.detail_lines(&mut lines, lang);
        for line in &lines.kept {
            writeln!(out, "{line}")?;
        }
        if lines.more > 0 {
            writeln!(out, "{}", (lang.labels().status.and_more)(lines.more))?;
        }
        Ok(())
    }

    /// Every detail line the text form has, in order; `lines` formats only those it keeps.
    fn detail_lines(&self, lines: &mut DetailLines, lang: Lang) {
        let labels = lang.labels();
        let (l, c) = (&labels.status, &labels.common);
        let units = Units::Lang(lang);
        let label = |text: &str| fit_width(text, 10);
        let Ok((snapshot, summary)) = &self.feed else {
            lines.push(format!("{}{}", label(l.feed), self.source));
            lines.push(l.unusable_no_figures.to_owned());
            return;
        };
        let generated = snapshot.generated_at.map_or_else(
            || l.no_generated_at.to_owned(),
            |t| (l.generated)(&lang.timestamp(t)),
        );
        lines.push(format!(
            "{}{} {}",
            label(l.feed),
            self.source,
            (l.feed_detail)(&generated, snapshot.projects.len(), snapshot.rejected.len())
        ));
        let q = &summary.quarter;
        lines.push(format!(
            "{}{}",
            label(l.quarter),
            (l.quarter_detail)(q.year, q.quarter, q.elapsed_share * 100.0, q.days_left)
        ));
        for metric in Metric::ALL {
            lines.push(format!(
                "  {} {} {}",
                fit_width(c.metric(metric).full, 17),
                pad_to_width(&units.figure(q, metric), 16),
                c.progress(q.metric(metric).progress)
            ));
        }
        let ytd = &summary.year_to_date;
        lines.push((l.year_to_date)(
            ytd.signed_projects,
            &lang.money_with_unit(ytd.signed_amount),
            ytd.started_projects,
        ));
        if !summary.uncovered_years.is_empty() {
            let years = year_ranges(&summary.uncovered_years);
            lines.push((l.calendar)(&years));
        }
        if let Some(year) = summary.next_year_uncovered {
            lines.push((l.calendar_next_year)(year));
        }
        stalled_lines(lines, snapshot, summary, lang);
        for rejection in &snapshot.rejected {
            lines.push_with(|| format!("{}{rejection}", label(l.rejected)));
        }
        for warning in &snapshot.warnings {
            lines.push_with(|| format!("{}{warning}", label(l.warning)));
        }
    }
}

/// The detail lines the text form prints: the first `max` formatted, the rest only counted
/// (a feed with 80,000 stalled approvals would otherwise format 80,000 lines to print 20).
struct DetailLines {
    kept: Vec<String>,
    max: usize,
    more: usize,
}

impl DetailLines {
    fn new(max: usize) -> DetailLines {
        DetailLines {
            kept: Vec::with_capacity(max.min(64)),
            max,
            more: 0,
        }
    }

    fn push(&mut self, line: String) {
        self.push_with(|| line);
    }

    fn push_with(&mut self, line: impl FnOnce() -> String) {
        if self.kept.len() < self.max {
            self.kept.push(line());
        } else {
            self.more += 1;
        }
    }
}

fn stalled_lines(lines: &mut DetailLines, snapshot: &Snapshot, summary: &Summary, lang: Lang) {
    let l = &lang.labels().status;
    lines.push((l.stalled_heading)(summary.stalled.len()));
    for st in &summary.stalled {
        lines.push_with(|| stalled_line(snapshot, st, lang));
    }
}

fn stalled_line(snapshot: &Snapshot, st: &StalledApproval, lang: Lang) -> String {
    let l = &lang.labels().status;
    let project = &snapshot.projects[st.project];
    let approval = &project.approvals[st.approval];
    let label = |text: Option<&SafeText>| fit_width(text.map_or("-", SafeText::as_str), 24);
    format!(
        "  {} {} {} {} {}",
        fit_width(project.id.as_str(), 14),
        fit_width(project.name.as_str(), 30),
        label(approval.item.as_ref()),
        label(approval.department.as_ref()),
        (l.stalled_row)(
            &approval.submitted_on.to_string(),
            st.working_days_elapsed,
            st.limit_working_days,
            st.overdue_by()
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregate::{AggregateOptions, aggregate};
    use crate::domain::calendar::Calendar;
    use crate::testing::{NOW, at, fixture};

    pub(super) fn policy() -> Policy {
        let settings = crate::config::Settings::default();
        Policy {
            ages: settings.age_limits(),
            rejections: settings.rejection_limits(),
            checks: Check::DEFAULT.to_vec(),
        }
    }

    #[test]
    fn text_prints_max_lines_of_detail_and_counts_the_rest() {
        let snapshot = fixture();
        let summary = aggregate(
            &snapshot,
            at(NOW).date_naive(),
            &Calendar::embedded(),
            &AggregateOptions::default(),
        );
        let report = assess(
            at(NOW),
            "feed.json".to_owned(),
            Ok((&snapshot, &summary)),
            &policy(),
        );
        let text = |max_lines| {
            let mut out = Vec::new();
            report
                .write_text(&mut out, Lang::En, max_lines)
                .expect("writes to memory");
            String::from_utf8(out).expect("UTF-8")
        };
        let all = text(usize::MAX);
        let total = all.lines().count() - 1;
        assert!(total > 8, "{all}");
        let cut = text(5);
        let lines: Vec<&str> = cut.lines().collect();
        assert_eq!(lines.len(), 1 + 5 + 1, "{cut}");
        assert_eq!(lines[..6], all.lines().take(6).collect::<Vec<_>>()[..]);
        assert_eq!(
            lines[6],
            (Lang::En.labels().status.and_more)(total - 5),
            "{cut}"
        );
    }
}
