//! Parse + validate + aggregate of a 100,000-project feed, against the floor of reading the same
//! bytes into a `serde_json::Value` (goal: at most 1.5x the floor).
//!
//! Also one project with 100,000 approvals, which must parse in about the time of reading it
//! (goal: at most 3x its `Value` floor).
//!
//! `cargo bench --bench parse`; the feeds are generated in memory (about 94 MB and 15 MB).

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use investboard::domain::aggregate::{AggregateOptions, aggregate};
use investboard::domain::calendar::Calendar;
use investboard::domain::trends::trends;
use investboard::feed::parse_feed;

use support::{Ratio, epoch, interleaved};

const PROJECTS: usize = 100_000;
/// Approvals of the one project in the crowded case: every check must be linear or n log n
/// (the duplicate-id check once scanned all earlier approvals: 22.6 s for this feed).
const CROWDED_APPROVALS: usize = 100_000;

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

fn benches(c: &mut Criterion, bytes: &[u8], calendar: &Calendar) {
    let snapshot = parse_feed(bytes).expect("the demo feed parses");
    let mut group = c.benchmark_group("feed_100k");
    group.throughput(criterion::Throughput::Bytes(bytes.len() as u64));
    group.bench_function("floor: serde_json::Value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).expect("JSON"));
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
    let floor = || serde_json::from_slice::<serde_json::Value>(&bytes).expect("JSON");
    let snapshot = parse_feed(&bytes).expect("parses");
    let mut ratios: Vec<Ratio> = vec![
        interleaved(
            "parse_feed + aggregate / serde_json::Value (100k)",
            9,
            1,
            Some(1.5),
            floor,
            || parse_and_aggregate(&bytes, &calendar),
        ),
        interleaved(
            "parse_feed / serde_json::Value (100k)",
            5,
            1,
            None,
            floor,
            || parse_feed(&bytes).expect("parses"),
        ),
        interleaved(
            "aggregate / serde_json::Value (100k)",
            5,
            1,
            None,
            floor,
            || {
                aggregate(
                    &snapshot,
                    epoch().date_naive(),
                    &calendar,
                    &AggregateOptions::default(),
                )
            },
        ),
    ];
    let crowded = one_project_with_approvals(CROWDED_APPROVALS);
    let crowded_floor = || serde_json::from_slice::<serde_json::Value>(&crowded).expect("JSON");
    ratios.push(interleaved(
        "parse_feed / serde_json::Value (one project, 100k approvals)",
        5,
        1,
        Some(3.0),
        crowded_floor,
        || parse_feed(&crowded).expect("parses"),
    ));
    support::summary("parse: ratios to the serde_json::Value floor", &ratios);
}
