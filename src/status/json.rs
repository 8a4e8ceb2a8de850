//! `status --format json`: the version-1 JSON contract of FEED.md, pretty-printed as
//! `serde_json::to_writer_pretty` of a sorted `serde_json::Value` always wrote it, byte for byte.
//! Pure: formats the report it is given to any `impl Write`.
//!
//! The small parts (calendar, feed, quarters, reasons, the level) go through serde. The stalled
//! approvals grow with the feed (68,184 on issue 14's 64 MB feed: 21 MB of the output) and are
//! written here by hand: each key with its indentation as fixed bytes, only the values
//! formatted, and strings escaped by `serde_json` only when they hold a character that needs it.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate, SecondsFormat};
use serde::Serialize;
use serde_json::json;

use crate::domain::aggregate::{QuarterFigures, StalledApproval, Summary};
use crate::domain::metric::Metric;
use crate::domain::model::Snapshot;
use crate::domain::rejections::RecordCounts;
use crate::sanitize::{SafeText, sanitize};
use crate::status::{Check, Level, StatusReport};

fn quarter_json(q: &QuarterFigures) -> serde_json::Value {
    let mut json = serde_json::Map::new();
    json.insert("year".to_owned(), q.year.into());
    json.insert("quarter".to_owned(), q.quarter.into());
    for metric in Metric::ALL {
        let figure = q.metric(metric);
        json.insert(metric.json_key().to_owned(), json!(figure.actual));
        json.insert(metric.target_json_key(), json!(figure.target));
        json.insert(
            metric.progress_json_key().to_owned(),
            json!(figure.progress),
        );
    }
    json.insert(
        "elapsed_share".to_owned(),
        json!((q.elapsed_share * 10_000.0).round() / 10_000.0),
    );
    json.insert("days_left".to_owned(), q.days_left.into());
    serde_json::Value::Object(json)
}

/// A small value as a `serde_json::Value`, whose maps keep their keys sorted as the contract's
/// objects always have; `Null` if it cannot be represented (it always can: figures are
/// numbers).
fn sorted_json(value: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// The report's keys that sort before `stalled_approvals`. Fields here and in the structs below
/// are declared in alphabetical order: the contract's objects were written from a sorted
/// `serde_json::Map` and keep that order byte for byte.
#[derive(Serialize)]
struct JsonHead<'a> {
    calendar: JsonCalendar<'a>,
    checks: &'a [Check],
    data_age_seconds: Option<u64>,
    feed: JsonFeed<'a>,
    now: String,
    quarter: Option<serde_json::Value>,
    quarters: Option<Vec<serde_json::Value>>,
    reasons: &'a [String],
}

/// The report's keys that sort after `stalled_approvals`.
#[derive(Serialize)]
struct JsonTail {
    status: Level,
    summary: String,
    year_to_date: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct JsonCalendar<'a> {
    next_year_uncovered: Option<i32>,
    uncovered_years: &'a [i32],
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    error: Option<String>,
    generated_ahead_seconds: Option<u64>,
    generated_at: Option<String>,
    projects: Option<usize>,
    records: Option<usize>,
    rejected_records: Option<usize>,
    source: &'a str,
    warnings: &'a [String],
}

impl StatusReport<'_> {
    /// The FEED.md `status` JSON, version 1, plus additive keys (`summary`, `reasons`,
    /// `checks`, `feed.records`, `feed.generated_ahead_seconds`, `data_age_seconds`,
    /// `quarters`, `calendar`), written as it goes: no `serde_json::Value` tree or buffer of
    /// the (possibly tens of thousands of) stalled approvals is built.
    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        let (head, tail) = self.json_parts();
        // Head and tail are written as objects of their own at the top level, the depth their
        // keys have in the report: the report is the head without its closing brace, the
        // stalled approvals, then the tail without its opening one.
        let head = serde_json::to_vec_pretty(&head)?;
        let tail = serde_json::to_vec_pretty(&tail)?;
        let (Some(head), Some(tail)) = (head.strip_suffix(b"\n}"), tail.strip_prefix(b"{")) else {
            return Err(io::Error::other(
                "serde_json wrote an object without braces",
            ));
        };
        out.write_all(head)?;
        out.write_all(b",\n  \"stalled_approvals\": ")?;
        write_stalled(out, self.feed.as_ref().ok().copied())?;
        out.write_all(b",")?;
        out.write_all(tail)?;
        out.write_all(b"\n")
    }

    fn json_parts(&self) -> (JsonHead<'_>, JsonTail) {
        let (snapshot, summary) = match &self.feed {
            Ok((snapshot, summary)) => (Some(*snapshot), Some(*summary)),
            Err(_) => (None, None),
        };
        let head = JsonHead {
            calendar: JsonCalendar {
                next_year_uncovered: summary.and_then(|s| s.next_year_uncovered),
                uncovered_years: summary.map_or(&[], |s| &s.uncovered_years),
            },
            checks: &self.checks,
            data_age_seconds: self.age.map(|a| a.as_secs()),
            feed: JsonFeed {
                error: self.feed.as_ref().err().map(|e| sanitize(&e.en)),
                generated_ahead_seconds: self.ahead.map(|a| a.as_secs()),
                generated_at: snapshot
                    .and_then(|s| s.generated_at)
                    .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, false)),
                projects: snapshot.map(|s| s.projects.len()),
                records: snapshot.map(|s| RecordCounts::of(s).total),
                rejected_records: snapshot.map(|s| s.rejected.len()),
                source: &self.source,
                warnings: snapshot.map_or(&[], |s| &s.warnings),
            },
            now: self.now.to_rfc3339_opts(SecondsFormat::Secs, false),
            quarter: summary.map(|s| quarter_json(&s.quarter)),
            quarters: summary.map(|s| s.year_quarters.iter().map(quarter_json).collect()),
            reasons: &self.reasons,
        };
        let tail = JsonTail {
            status: self.level,
            summary: self.summary_line(),
            year_to_date: summary.map(|s| sorted_json(&s.year_to_date)),
        };
        (head, tail)
    }
}

/// How many stalled approvals are looked up before any is written. The stalled list is in
/// order of how overdue each is, so on a large feed nearly every lookup of a project and then
/// of its approval is a cache miss; looked up one after another, without the writing in
/// between, the processor waits for several at once (issue 14's feed, 68,184 stalled: 6-9 ms
/// to write them in batches of 32, 10-13 ms one at a time; 64 was no better).
const LOOKAHEAD: usize = 32;

/// One stalled approval's values, as it is written.
struct StalledRow<'a> {
    approval_id: &'a str,
    department: Option<&'a str>,
    item: Option<&'a str>,
    limit_working_days: u32,
    project_id: &'a str,
    project_name: &'a str,
    submitted_on: NaiveDate,
    working_days_elapsed: u32,
}

impl<'a> StalledRow<'a> {
    fn of(snapshot: &'a Snapshot, stalled: &StalledApproval) -> StalledRow<'a> {
        let project = &snapshot.projects[stalled.project];
        let approval = &project.approvals[stalled.approval];
        StalledRow {
            approval_id: approval.id.as_str(),
            department: approval.department.as_ref().map(SafeText::as_str),
            item: approval.item.as_ref().map(SafeText::as_str),
            limit_working_days: stalled.limit_working_days,
            project_id: project.id.as_str(),
            project_name: project.name.as_str(),
            submitted_on: approval.submitted_on,
            working_days_elapsed: stalled.working_days_elapsed,
        }
    }

    /// The approval's object at depth 2 (in the report's array), keys in alphabetical order.
    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(b"{\n      \"approval_id\": ")?;
        write_str(out, self.approval_id)?;
        out.write_all(b",\n      \"department\": ")?;
        write_optional_str(out, self.department)?;
        out.write_all(b",\n      \"item\": ")?;
        write_optional_str(out, self.item)?;
        out.write_all(b",\n      \"limit_working_days\": ")?;
        serde_json::to_writer(&mut *out, &self.limit_working_days)?;
        out.write_all(b",\n      \"project_id\": ")?;
        write_str(out, self.project_id)?;
        out.write_all(b",\n      \"project_name\": ")?;
        write_str(out, self.project_name)?;
        out.write_all(b",\n      \"submitted_on\": ")?;
        write_date(out, self.submitted_on)?;
        out.write_all(b",\n      \"working_days_elapsed\": ")?;
        serde_json::to_writer(&mut *out, &self.working_days_elapsed)?;
        out.write_all(b"\n    }")
    }
}

/// Every stalled approval, looked up in the snapshot a batch at a time (an empty array without
/// a usable feed).
fn write_stalled(out: &mut impl Write, feed: Option<(&Snapshot, &Summary)>) -> io::Result<()> {
    let Some((snapshot, summary)) = feed.filter(|(_, summary)| !summary.stalled.is_empty()) else {
        return out.write_all(b"[]");
    };
    let mut rows = Vec::with_capacity(LOOKAHEAD);
    let mut separator: &[u8] = b"[\n    ";
    for batch in summary.stalled.chunks(LOOKAHEAD) {
        rows.clear();
        rows.extend(
            batch
                .iter()
                .map(|stalled| StalledRow::of(snapshot, stalled)),
        );
        for row in &rows {
            out.write_all(separator)?;
            row.write(out)?;
            separator = b",\n    ";
        }
    }
    out.write_all(b"\n  ]")
}

fn write_optional_str(out: &mut impl Write, text: Option<&str>) -> io::Result<()> {
    match text {
        Some(text) => write_str(out, text),
        None => out.write_all(b"null"),
    }
}

/// `text` as a JSON string, as `serde_json` writes it. Feed text is sanitized (it holds no
/// control character), so a string rarely needs an escape and is then written whole; any other
/// goes through `serde_json`'s own escaping.
fn write_str(out: &mut impl Write, text: &str) -> io::Result<()> {
    if needs_escape(text) {
        return Ok(serde_json::to_writer(out, text)?);
    }
    out.write_all(b"\"")?;
    out.write_all(text.as_bytes())?;
    out.write_all(b"\"")
}

/// Whether `serde_json` escapes any byte of `text`: a control character below U+0020, a quote or
/// a backslash. Looks at every byte without stopping early, which the compiler turns into
/// vector code.
#[expect(
    clippy::needless_bitwise_bool,
    reason = "without short cuts the loop is vectorised"
)]
fn needs_escape(text: &str) -> bool {
    text.bytes().fold(false, |found, b| {
        found | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

/// A date as its `Display` writes it, `"YYYY-MM-DD"`, without the formatting machinery for the
/// four-digit years every feed date has.
fn write_date(out: &mut impl Write, date: NaiveDate) -> io::Result<()> {
    let Ok(year @ 0..=9999) = u32::try_from(date.year()) else {
        return write!(out, "\"{date}\"");
    };
    let digit = |n: u32| b"0123456789"[(n % 10) as usize];
    let (month, day) = (date.month(), date.day());
    out.write_all(&[
        b'"',
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
        b'"',
    ])
}

#[cfg(test)]
mod tests {
    use chrono::Days;
    use proptest::prelude::*;

    use super::*;
    use crate::domain::aggregate::{AggregateOptions, aggregate};
    use crate::domain::calendar::Calendar;
    use crate::feed::FeedProblem;
    use crate::sanitize::CompactText;
    use crate::status::assess;
    use crate::status::tests::policy;
    use crate::testing::{NOW, at, fixture};

    fn written(report: &StatusReport<'_>) -> String {
        let mut out = Vec::new();
        report.write_json(&mut out).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    /// What the contract's JSON was before it was streamed: one `serde_json::Value` tree of the
    /// whole report (its maps sort their keys), pretty-printed. The stalled approvals are
    /// looked up here on their own, not through [`StalledRow`].
    fn value_tree_writes(report: &StatusReport<'_>) -> String {
        let (head, tail) = report.json_parts();
        let mut tree = serde_json::to_value(head).expect("a tree");
        let object = tree.as_object_mut().expect("an object");
        let serde_json::Value::Object(tail) = serde_json::to_value(tail).expect("a tree") else {
            unreachable!("the tail is a struct");
        };
        object.extend(tail);
        let stalled: Vec<serde_json::Value> = match &report.feed {
            Ok((snapshot, summary)) => summary
                .stalled
                .iter()
                .map(|st| {
                    let project = &snapshot.projects[st.project];
                    let approval = &project.approvals[st.approval];
                    json!({
                        "project_id": project.id.as_str(),
                        "project_name": project.name.as_str(),
                        "approval_id": approval.id.as_str(),
                        "item": approval.item.as_ref().map(SafeText::as_str),
                        "department": approval.department.as_ref().map(SafeText::as_str),
                        "submitted_on": approval.submitted_on.to_string(),
                        "working_days_elapsed": st.working_days_elapsed,
                        "limit_working_days": st.limit_working_days,
                    })
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        object.insert("stalled_approvals".to_owned(), stalled.into());
        let mut expected = serde_json::to_string_pretty(&tree).expect("JSON");
        expected.push('\n');
        expected
    }

    fn report_of<'a>(snapshot: &'a Snapshot, summary: &'a Summary) -> StatusReport<'a> {
        assess(
            at(NOW),
            "feed.json".to_owned(),
            Ok((snapshot, summary)),
            &policy(),
        )
    }

    fn summary_of(snapshot: &Snapshot) -> Summary {
        aggregate(
            snapshot,
            at(NOW).date_naive(),
            &Calendar::embedded(),
            &AggregateOptions::default(),
        )
    }

    /// The streamed form must write exactly what the value tree would: with the fixture's
    /// stalled approvals, with none, and without a usable feed.
    #[test]
    fn streamed_json_is_byte_for_byte_what_a_value_tree_writes() {
        let snapshot = fixture();
        let summary = summary_of(&snapshot);
        assert!(
            summary.stalled.len() > 1,
            "the fixture has stalled approvals"
        );
        let good = report_of(&snapshot, &summary);
        let mut none_stalled = summary_of(&snapshot);
        none_stalled.stalled.clear();
        let calm = report_of(&snapshot, &none_stalled);
        let bad = assess(
            at(NOW),
            "-".to_owned(),
            Err(FeedProblem::plain("not JSON")),
            &policy(),
        );
        for report in [good, calm, bad] {
            assert_eq!(written(&report), value_tree_writes(&report));
        }
        assert!(
            written(&report_of(&snapshot, &none_stalled)).contains("\"stalled_approvals\": [],")
        );
    }

    /// Feed text keeps quotes, backslashes, Chinese and emoji through the sanitizer: each
    /// field of a stalled approval written with them (and the dates the formatting machinery
    /// writes: a year before 1000 and one past 9999) is what the value tree writes.
    #[test]
    fn stalled_text_needing_escapes_is_written_as_serde_json_escapes_it() {
        let mut snapshot = fixture();
        let summary = summary_of(&snapshot);
        let texts = [
            r#"say "hi""#,
            r"C:\feeds\长沙",
            "长沙🚀 \"园区\" \\",
            "👩‍💻",
            "",
        ];
        let mut texts = texts.iter().cycle();
        let mut next = || *texts.next().expect("cycles");
        let dates = [
            NaiveDate::from_ymd_opt(99, 1, 2),
            NaiveDate::from_ymd_opt(10_000, 12, 31),
            NaiveDate::from_ymd_opt(-3, 7, 9),
        ];
        for (st, date) in summary.stalled.iter().zip(dates.into_iter().cycle()) {
            let project = &mut snapshot.projects[st.project];
            project.id = CompactText::new(next());
            project.name = CompactText::new(next());
            let approval = &mut project.approvals[st.approval];
            approval.id = SafeText::new(next());
            approval.item = Some(SafeText::new(next()));
            approval.department = Some(SafeText::new(next()));
            approval.submitted_on = date.expect("a valid date");
        }
        let report = report_of(&snapshot, &summary);
        let json = written(&report);
        assert!(json.contains(r#""say \"hi\"""#), "{json}");
        assert!(json.contains(r#""C:\\feeds\\长沙""#), "{json}");
        assert!(json.contains(r#""+10000-12-31""#), "{json}");
        assert_eq!(json, value_tree_writes(&report));
    }

    fn written_str(text: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, text).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    fn written_date(date: NaiveDate) -> String {
        let mut out = Vec::new();
        write_date(&mut out, date).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn every_escape_serde_json_makes_is_made() {
        for byte in (0..0x20).chain([b'"', b'\\', 0x7f]) {
            let text = format!("a{}b", char::from(byte));
            assert_eq!(
                written_str(&text),
                serde_json::to_string(&text).expect("JSON")
            );
        }
    }

    proptest! {
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(
            text in prop_oneof![any::<String>(), "[\"\\\\\\x00-\\x1f\\x7f a长🚀]{0,40}"],
        ) {
            prop_assert_eq!(written_str(&text), serde_json::to_string(&text).expect("JSON"));
        }

        #[test]
        fn any_date_is_written_as_its_display(days in -4_000_000i64..4_000_000) {
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
            let date = if days >= 0 {
                epoch.checked_add_days(Days::new(days.unsigned_abs()))
            } else {
                epoch.checked_sub_days(Days::new(days.unsigned_abs()))
            };
            let date = date.expect("within chrono's range");
            prop_assert_eq!(written_date(date), format!("\"{date}\""));
        }
    }
}
