//! `status --format openmetrics`: the report's health, data age and figures in the `OpenMetrics`
//! text format, for the textfile collector of `node_exporter` and Prometheus. Every family is a
//! gauge with its unit in its name; the names are a contract (`docs/feed-format.md`), only ever
//! extended. Pure: formats the report it is given to any `impl Write`.

use std::io::{self, Write};

use crate::domain::aggregate::QuarterFigures;
use crate::domain::metric::{Metric, Quantity};
use crate::domain::rejections::RecordCounts;
use crate::lang::Lang;
use crate::status::StatusReport;

/// One sample: its labels as written (`{year="2022",quarter="1"}` or empty) and its value.
type Sample = (String, String);

/// A family of one unlabelled sample.
fn one(value: impl ToString) -> Vec<Sample> {
    vec![(String::new(), value.to_string())]
}

/// A quantity as `OpenMetrics` writes a number: counts as integers, amounts in yuan exactly as
/// the JSON writes them.
fn number(quantity: Quantity) -> String {
    serde_json::to_string(&quantity).unwrap_or_else(|_| "NaN".to_owned())
}

fn quarter_labels(q: &QuarterFigures) -> String {
    format!("{{year=\"{}\",quarter=\"{}\"}}", q.year, q.quarter)
}

/// A gauge family: `# TYPE`, `# UNIT` (when the name ends in one), `# HELP`, then the samples.
/// A family without samples is left out.
fn family(
    out: &mut impl Write,
    name: &str,
    unit: Option<&str>,
    help: &str,
    samples: &[Sample],
) -> io::Result<()> {
    if samples.is_empty() {
        return Ok(());
    }
    writeln!(out, "# TYPE {name} gauge")?;
    if let Some(unit) = unit {
        writeln!(out, "# UNIT {name} {unit}")?;
    }
    writeln!(out, "# HELP {name} {help}")?;
    for (labels, value) in samples {
        writeln!(out, "{name}{labels} {value}")?;
    }
    Ok(())
}

impl StatusReport<'_> {
    /// The report as `OpenMetrics` text, ending with `# EOF`.
    pub fn write_openmetrics(&self, out: &mut impl Write) -> io::Result<()> {
        family(
            out,
            "investboard_status",
            None,
            "The status level, as the exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
            &one(self.level.exit().code()),
        )?;
        family(
            out,
            "investboard_feed_up",
            None,
            "1 when the feed was fetched and usable, else 0.",
            &one(u8::from(self.feed.is_ok())),
        )?;
        family(
            out,
            "investboard_data_age_seconds",
            Some("seconds"),
            "Now minus the feed's generated_at (absent without one, or when it is in the future).",
            &self.age.map(|a| one(a.as_secs())).unwrap_or_default(),
        )?;
        family(
            out,
            "investboard_generated_ahead_seconds",
            Some("seconds"),
            "How far generated_at lies in the future, when beyond 5 minutes (clock skew).",
            &self.ahead.map(|a| one(a.as_secs())).unwrap_or_default(),
        )?;
        if let Ok((snapshot, summary)) = &self.feed {
            let counts = RecordCounts::of(snapshot);
            let records: [(&str, &str, usize); 4] = [
                ("projects", "Projects accepted.", snapshot.projects.len()),
                (
                    "records",
                    "Records in the feed (projects and targets), accepted or rejected.",
                    counts.total,
                ),
                ("rejected_records", "Records rejected.", counts.rejected),
                (
                    "stalled_approvals",
                    "Approvals past their working-day limit.",
                    summary.stalled.len(),
                ),
            ];
            for (name, help, count) in records {
                family(out, &format!("investboard_{name}"), None, help, &one(count))?;
            }
            write_quarters(out, &summary.year_quarters, &summary.quarter)?;
        }
        writeln!(out, "# EOF")
    }
}

/// Each metric of each quarter of the year, its target where the feed sets one, and how
/// much of the current quarter has elapsed.
fn write_quarters(
    out: &mut impl Write,
    quarters: &[QuarterFigures],
    current: &QuarterFigures,
) -> io::Result<()> {
    for metric in Metric::ALL {
        let unit = metric.is_money().then_some("yuan");
        let name = metric.openmetrics_name();
        let actual: Vec<Sample> = quarters
            .iter()
            .map(|q| (quarter_labels(q), number(q.metric(metric).actual)))
            .collect();
        let full = Lang::En.labels().common.metric(metric).full;
        let help = format!("{full} in the quarter.");
        family(out, &format!("investboard_{name}"), unit, &help, &actual)?;
        let target: Vec<Sample> = quarters
            .iter()
            .filter_map(|q| Some((quarter_labels(q), number(q.metric(metric).target?))))
            .collect();
        let help = format!("The quarter's target for {full}, where the feed sets one.");
        family(
            out,
            &format!("investboard_target_{name}"),
            unit,
            &help,
            &target,
        )?;
    }
    let elapsed = (current.elapsed_share * 10_000.0).round() / 10_000.0;
    family(
        out,
        "investboard_quarter_elapsed_ratio",
        Some("ratio"),
        "Share of the current quarter's working days elapsed (the pace targets are judged by).",
        &[(quarter_labels(current), elapsed.to_string())],
    )
}
