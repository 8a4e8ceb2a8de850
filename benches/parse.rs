//! Parse + validate + aggregate of a 100,000-project feed, against two floors read from the same
//! bytes in the same run: a `serde_json::Value` (goal: at most 1.5x), and the serde floor, a
//! typed parse into borrowed strings with nothing else (`support/floor.rs`; issue 14 asks
//! `status` for at most 0.30x Python's `json.load` where this floor is 0.16x: about 1.9x it).
//! The `status` report written in both forms after the parse (goal: JSON at most 1.2x text).
//!
//! Also one project with 100,000 approvals, which must parse in about the time of reading it
//! (goal: at most 3x its `Value` floor, and well under a second), whole and as a fetched body
//! whose 1 MiB chunks cut the record nine times.
//!
//! `cargo bench --bench parse`; the feeds are generated in memory (about 94 MB and 10 MB).

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use investboard::domain::aggregate::{AggregateOptions, aggregate};
use investboard::domain::calendar::Calendar;
use investboard::domain::model::Snapshot;
use investboard::domain::trends::trends;
use investboard::feed::body::Body;
use investboard::feed::{parse_body, parse_feed};
use investboard::lang::Lang;

use support::{Ratio, epoch, floor, interleaved, report};

const PROJECTS: usize = 100_000;
/// Approvals of the one project in the crowded case: every check must be linear or n log n
/// (the duplicate-id check once scanned all earlier approvals: 22.6 s for this feed).
const CROWDED_APPROVALS: usize = 100_000;
const HUGE_APPROVALS: usize = 1_000_000;

/// A feed of one project with `n` approvals, all distinct and valid (about 10 MB).
fn one_project_with_approvals(n: usize) -> Vec<u8> {
    let approvals: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"A{i}","item":"Land use permit","department":"Natural Resources Bureau","submitted_on":"2026-10-12","status":"pending","limit_working_days":9}}"#
            )
        })
        .collect();
    format!(
        r#"{{"schema_version":1,"generated_at":"2026-11-29T10:00:00+08:00","projects":[{{"id":"P1","name":"Battery plant","investor":"Investor","district":"Yuelu District","chain":"New energy","amount_cny":7500000000,"stage":"signed","signed_on":"2026-10-10","approvals":[{}]}}]}}"#,
        approvals.join(",")
    )
    .into_bytes()
}

fn parse_and_aggregate(bytes: &[u8], calendar: &Calendar) -> usize {
    let snapshot = parse_feed(bytes).expect("the demo feed parses");
    let summary = aggregate(
        &snapshot,
        epoch().date_naive(),
        calendar,
        &AggregateOptions::default(),
    );
    snapshot.projects.len() + summary.signings.len()
}

/// What `status` does after the fetch: parse, aggregate, judge and write the report (into
/// memory); `json` picks the form. Returns the bytes written.
fn status(bytes: &[u8], calendar: &Calendar, json: bool) -> usize {
    let snapshot = parse_feed(bytes).expect("the demo feed parses");
    write_status(&snapshot, calendar, json)
}

fn write_status(snapshot: &Snapshot, calendar: &Calendar, json: bool) -> usize {
    let summary = aggregate(
        snapshot,
        epoch().date_naive(),
        calendar,
        &AggregateOptions::default(),
    );
    let report = report::default_report(epoch(), snapshot, &summary);
    let mut out = Vec::new();
    let written = if json {
        report.write_json(&mut out)
    } else {
        report.write_text(&mut out, Lang::En, 20)
    };
    written.expect("writes to memory");
    out.len()
}

fn benches(c: &mut Criterion, bytes: &[u8], calendar: &Calendar) {
    let snapshot = parse_feed(bytes).expect("the demo feed parses");
    let mut group = c.benchmark_group("feed_100k");
    group.throughput(criterion::Throughput::Bytes(bytes.len() as u64));
    group.bench_function("floor: serde_json::Value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).expect("JSON"));
    });
    group.bench_function("floor: typed, borrowed", |b| {
        b.iter(|| floor::parse(black_box(bytes)));
    });
    group.bench_function("parse_feed", |b| {
        b.iter(|| parse_feed(black_box(bytes)).expect("parses"));
    });
    group.bench_function("aggregate", |b| {
        b.iter(|| {
            aggregate(
                black_box(&snapshot),
                epoch().date_naive(),
                calendar,
                &AggregateOptions::default(),
            )
        });
    });
    let summary = aggregate(
        &snapshot,
        epoch().date_naive(),
        calendar,
        &AggregateOptions::default(),
    );
    // The wall's series, computed with the summary on each new snapshot and date.
    group.bench_function("trends", |b| {
        b.iter(|| trends(black_box(&snapshot), &summary, epoch().date_naive()));
    });
    group.bench_function("parse_feed + aggregate", |b| {
        b.iter(|| parse_and_aggregate(black_box(bytes), calendar));
    });
    group.finish();
}

/// Each goal on the 100k feed as a ratio to its floor, timed in the same run.
fn feed_ratios(bytes: &[u8], calendar: &Calendar) -> Vec<Ratio> {
    let value = || serde_json::from_slice::<serde_json::Value>(bytes).expect("JSON");
    let typed = || floor::parse(bytes);
    let snapshot = parse_feed(bytes).expect("parses");
    vec![
        interleaved(
            "parse_feed + aggregate / serde_json::Value (100k)",
            9,
            1,
            Some(1.5),
            value,
            || parse_and_aggregate(bytes, calendar),
        ),
        interleaved(
            "serde floor / serde_json::Value (100k)",
            5,
            1,
            None,
            value,
            typed,
        ),
        interleaved("parse_feed / serde floor (100k)", 5, 1, None, typed, || {
            parse_feed(bytes).expect("parses")
        }),
        // What a fetched feed goes through: 1 MiB chunks, each freed once read (the copy into
        // the chunks, which a read makes anyway, is timed too).
        interleaved(
            "parse_body, 1 MiB chunks / parse_feed, whole (100k)",
            5,
            1,
            None,
            || parse_feed(bytes).expect("parses"),
            || parse_body(Body::from(bytes)).expect("parses"),
        ),
        interleaved(
            "status text (parse to report) / serde floor (100k)",
            5,
            1,
            Some(1.9),
            typed,
            || status(bytes, calendar, false),
        ),
        interleaved(
            "status json (parse to report) / serde floor (100k)",
            5,
            1,
            Some(1.9),
            typed,
            || status(bytes, calendar, true),
        ),
        interleaved(
            "status json / status text (100k)",
            5,
            1,
            Some(1.2),
            || status(bytes, calendar, false),
            || status(bytes, calendar, true),
        ),
        interleaved(
            "report after parse: json / text (100k)",
            5,
            1,
            None,
            || write_status(&snapshot, calendar, false),
            || write_status(&snapshot, calendar, true),
        ),
        interleaved(
            "parse_feed / serde_json::Value (100k)",
            5,
            1,
            None,
            value,
            || parse_feed(bytes).expect("parses"),
        ),
        interleaved(
            "aggregate / serde_json::Value (100k)",
            5,
            1,
            None,
            value,
            || {
                aggregate(
                    &snapshot,
                    epoch().date_naive(),
                    calendar,
                    &AggregateOptions::default(),
                )
            },
        ),
    ]
}

fn main() {
    let bytes = support::demo_document(PROJECTS);
    let calendar = Calendar::embedded();
    println!("feed: {PROJECTS} projects, {}", support::megabytes(&bytes));
    let mut c = support::criterion(Duration::from_secs(8));
    benches(&mut c, &bytes, &calendar);
    c.final_summary();
    if support::listing() || support::profiling() {
        return;
    }
    let mut ratios = feed_ratios(&bytes, &calendar);
    let crowded = one_project_with_approvals(CROWDED_APPROVALS);
    let crowded_floor = || serde_json::from_slice::<serde_json::Value>(&crowded).expect("JSON");
    let crowded_ratio = interleaved(
        "parse_feed / serde_json::Value (one project, 100k approvals)",
        5,
        1,
        Some(3.0),
        crowded_floor,
        || parse_feed(&crowded).expect("parses"),
    );
    let crowded_time = crowded_ratio.candidate;
    ratios.push(crowded_ratio);
    // The same record cut by nine chunk boundaries: gathered and scanned geometrically.
    ratios.push(interleaved(
        "parse_body / serde_json::Value (one project, 100k approvals)",
        5,
        1,
        Some(3.0),
        crowded_floor,
        || parse_body(Body::from(crowded.as_slice())).expect("parses"),
    ));
    drop(crowded);
    // A record of 151 MB cut by 144 chunk boundaries against the same record read whole: it
    // is followed to its close once, not scanned again per chunk (that was 11.7x, quadratic).
    let huge = one_project_with_approvals(HUGE_APPROVALS);
    ratios.push(interleaved(
        "parse_body / parse_feed (one project, 1M approvals, cut / whole)",
        2,
        1,
        Some(2.5),
        || parse_feed(&huge).expect("parses"),
        || parse_body(Body::from(huge.as_slice())).expect("parses"),
    ));
    drop(huge);
    support::summary(
        "parse: ratios to the floors measured in the same run",
        &ratios,
    );
    let verdict = if crowded_time < Duration::from_millis(250) {
        "met"
    } else {
        "MISSED"
    };
    println!(
        "time   one project with 100k approvals: {} (goal: well under a second, < 250 ms): {verdict}",
        support::human(crowded_time)
    );
}
