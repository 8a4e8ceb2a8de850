//! `investboard report`: the brief for the weekly supervision meeting. Sections: stalled
//! approvals by department, signings this week and this quarter, targets against pace and the
//! pipeline. Built from the same `domain::aggregate` summary `status` prints, for the same day
//! (`--now`), then written as Markdown, CSV or XLSX by the writers in `report/`, which only lay
//! out the [`Report`] they are given.
//!
//! Depends on the domain, `i18n` (shared words) and `sanitize`; no terminal, no network.

pub mod csv;
pub mod labels;
pub mod markdown;
pub mod xlsx;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};

use crate::domain::aggregate::Summary;
use crate::domain::amount::Amount;
use crate::domain::breakdown::{pipeline, stalled_by_department};
use crate::domain::metric::Metric;
use crate::domain::model::Snapshot;
use crate::lang::Lang;
use crate::report::labels::{ReportLabels, labels};
use crate::sanitize::sanitize;

/// One cell: text, or a number with the text it is shown as (the spreadsheet keeps the
/// number, Markdown and CSV the text).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number { shown: String, value: f64 },
}

impl Value {
    pub fn shown(&self) -> &str {
        match self {
            Value::Text(text) | Value::Number { shown: text, .. } => text,
        }
    }

    fn count(count: impl Into<u64>) -> Value {
        let count = count.into();
        #[expect(clippy::cast_precision_loss, reason = "project counts are small")]
        let value = count as f64;
        Value::Number {
            shown: count.to_string(),
            value,
        }
    }

    /// An amount as `status` shows it (亿 or bn, two decimals at most).
    fn money(lang: Lang, amount: Amount) -> Value {
        let shown = lang.money(amount);
        let value = shown.parse().unwrap_or(0.0);
        Value::Number { shown, value }
    }

    fn text(text: impl Into<String>) -> Value {
        Value::Text(text.into())
    }
}

/// A section: a titled table with notes above it.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: String,
    /// The worksheet's name in XLSX (at most 31 characters, none of `[]:*?/\`).
    pub sheet: String,
    pub notes: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// The whole brief.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub lang: Lang,
    pub title: String,
    /// The overview: source, quarter, warnings about the figures.
    pub overview: Vec<String>,
    pub overview_sheet: String,
    pub sections: Vec<Section>,
}

/// What the report is built from: the feed's snapshot, its summary for today, and how the
/// feed is named.
pub struct Inputs<'a> {
    pub snapshot: &'a Snapshot,
    pub summary: &'a Summary,
    pub source: &'a str,
    pub now: DateTime<FixedOffset>,
    pub lang: Lang,
}

/// Builds the brief.
pub fn build(inputs: &Inputs<'_>) -> Report {
    let words = labels(inputs.lang);
    let today = inputs.summary.today;
    Report {
        lang: inputs.lang,
        title: (words.title)(&today.to_string()),
        overview: overview(inputs, words),
        overview_sheet: words.overview.to_owned(),
        sections: vec![
            stalled_section(inputs, words),
            week_section(inputs, words),
            quarter_section(inputs, words),
            targets_section(inputs, words),
            pipeline_section(inputs, words),
        ],
    }
}

fn overview(inputs: &Inputs<'_>, words: &ReportLabels) -> Vec<String> {
    let Inputs {
        snapshot,
        summary,
        lang,
        ..
    } = inputs;
    let generated = snapshot
        .generated_at
        .map_or_else(|| words.not_stamped.to_owned(), |at| lang.timestamp(at));
    let quarter = &summary.quarter;
    let elapsed = percent(Some(quarter.elapsed_share));
    let mut lines = vec![
        (words.feed_line)(
            &sanitize(inputs.source),
            &generated,
            snapshot.projects.len(),
            snapshot.rejected.len(),
        ),
        (words.quarter_line)(quarter.year, quarter.quarter, &elapsed, quarter.days_left),
    ];
    if !snapshot.rejected.is_empty() {
        lines.push((words.rejected_note)(snapshot.rejected.len()));
    }
    if !summary.uncovered_years.is_empty() {
        let years: Vec<String> = summary.uncovered_years.iter().map(i32::to_string).collect();
        lines.push((words.provisional_note)(&years.join(", ")));
    }
    lines
}

fn stalled_section(inputs: &Inputs<'_>, words: &ReportLabels) -> Section {
    let groups = stalled_by_department(inputs.snapshot, inputs.summary);
    let mut rows = Vec::new();
    for group in &groups {
        for entry in &group.stalled {
            let project = &inputs.snapshot.projects[entry.project];
            let approval = &project.approvals[entry.approval];
            rows.push(vec![
                Value::text(group.department.as_str()),
                Value::text(format!("{} ({})", project.name, project.id)),
                Value::text(approval.item.as_ref().map_or("", |i| i.as_str())),
                Value::text(approval.submitted_on.to_string()),
                Value::text(format!(
                    "{}/{}",
                    entry.working_days_elapsed, entry.limit_working_days
                )),
                Value::count(entry.overdue_by()),
            ]);
        }
    }
    Section {
        title: words.stalled_title.to_owned(),
        sheet: words.stalled_title.to_owned(),
        notes: vec![(words.stalled_note)(
            inputs.summary.stalled.len(),
            groups.len(),
            inputs.summary.pending_approvals,
        )],
        headers: [
            words.department,
            words.project,
            words.item,
            words.submitted,
            words.days_of_limit,
            words.overdue,
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    }
}

/// Projects signed from `from` through today (cancelled ones left out, as in every figure),
/// newest first.
fn signings_since(inputs: &Inputs<'_>, from: NaiveDate) -> Vec<usize> {
    inputs
        .summary
        .signings
        .iter()
        .copied()
        .filter(|i| {
            inputs.snapshot.projects[*i]
                .signed_on
                .is_some_and(|d| d >= from)
        })
        .collect()
}

fn signing_rows(inputs: &Inputs<'_>, projects: &[usize]) -> Vec<Vec<Value>> {
    let optional =
        |text: Option<&crate::sanitize::SafeText>| Value::text(text.map_or("", |t| t.as_str()));
    projects
        .iter()
        .map(|i| {
            let project = &inputs.snapshot.projects[*i];
            vec![
                Value::text(project.signed_on.map(|d| d.to_string()).unwrap_or_default()),
                Value::text(format!("{} ({})", project.name, project.id)),
                optional(project.investor.as_ref()),
                optional(project.district.as_ref()),
                optional(project.chain.as_ref()),
                Value::money(inputs.lang, project.amount),
            ]
        })
        .collect()
}

fn signing_headers(inputs: &Inputs<'_>, words: &ReportLabels) -> Vec<String> {
    let unit = inputs.lang.labels().common.money_unit;
    vec![
        words.signed_on.to_owned(),
        words.project.to_owned(),
        words.investor.to_owned(),
        words.district.to_owned(),
        words.chain.to_owned(),
        format!("{} ({unit})", words.amount),
    ]
}

fn week_section(inputs: &Inputs<'_>, words: &ReportLabels) -> Section {
    let today = inputs.summary.today;
    let monday = today
        .checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))
        .unwrap_or(today);
    let projects = signings_since(inputs, monday);
    let amount: Amount = projects
        .iter()
        .map(|i| inputs.snapshot.projects[*i].amount)
        .sum();
    Section {
        title: words.week_title.to_owned(),
        sheet: words.week_title.to_owned(),
        notes: vec![(words.week_note)(
            &monday.to_string(),
            &today.to_string(),
            projects.len(),
            &inputs.lang.money_with_unit(amount),
        )],
        headers: signing_headers(inputs, words),
        rows: signing_rows(inputs, &projects),
    }
}

fn quarter_section(inputs: &Inputs<'_>, words: &ReportLabels) -> Section {
    let quarter = &inputs.summary.quarter;
    let projects = signings_since(inputs, quarter.first_day);
    Section {
        title: words.quarter_title.to_owned(),
        sheet: words.quarter_title.to_owned(),
        notes: vec![(words.quarter_note)(
            quarter.year,
            quarter.quarter,
            quarter.actual.signed_projects,
            &inputs.lang.money_with_unit(quarter.actual.signed_amount),
        )],
        headers: signing_headers(inputs, words),
        rows: signing_rows(inputs, &projects),
    }
}

fn targets_section(inputs: &Inputs<'_>, words: &ReportLabels) -> Section {
    let common = &inputs.lang.labels().common;
    let quarter = &inputs.summary.quarter;
    let rows = Metric::ALL
        .into_iter()
        .map(|metric| {
            let figure = quarter.metric(metric);
            let name = common.metric(metric);
            let quantity = |q: crate::domain::metric::Quantity| match q {
                crate::domain::metric::Quantity::Count(n) => Value::count(n),
                crate::domain::metric::Quantity::Money(amount) => Value::money(inputs.lang, amount),
            };
            vec![
                Value::text(name.with_unit(name.full)),
                quantity(figure.actual),
                figure.target.map_or_else(|| Value::text(""), quantity),
                share_value(figure.ratio),
                share_value(Some(quarter.elapsed_share)),
                Value::text(common.progress(figure.progress)),
            ]
        })
        .collect();
    Section {
        title: words.targets_title.to_owned(),
        sheet: words.targets_title.to_owned(),
        notes: vec![(words.quarter_line)(
            quarter.year,
            quarter.quarter,
            &percent(Some(quarter.elapsed_share)),
            quarter.days_left,
        )],
        headers: [
            words.metric,
            words.actual,
            words.target,
            words.share,
            words.pace,
            words.progress,
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    }
}

fn pipeline_section(inputs: &Inputs<'_>, words: &ReportLabels) -> Section {
    let pipeline = pipeline(inputs.snapshot, inputs.summary.today);
    let detail = &inputs.lang.labels().detail;
    let unit = inputs.lang.labels().common.money_unit;
    let rows = pipeline
        .stages
        .iter()
        .map(|total| {
            vec![
                Value::text(detail.stage(total.stage)),
                Value::count(total.projects),
                Value::money(inputs.lang, total.amount),
            ]
        })
        .collect();
    let median = pipeline.median_signing_to_start.map_or_else(
        || words.no_median.to_owned(),
        |days| (words.median_note)(&days.to_string(), pipeline.measured),
    );
    Section {
        title: words.pipeline_title.to_owned(),
        sheet: words.pipeline_title.to_owned(),
        notes: vec![median],
        headers: vec![
            words.stage.to_owned(),
            words.projects.to_owned(),
            format!("{} ({unit})", words.amount),
        ],
        rows,
    }
}

/// A share as a whole percent (`51%`); empty without one.
fn percent(share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| format!("{:.0}%", s * 100.0))
}

fn share_value(share: Option<f64>) -> Value {
    match share {
        None => Value::text(""),
        Some(share) => Value::Number {
            shown: percent(Some(share)),
            value: (share * 100.0).round(),
        },
    }
}
