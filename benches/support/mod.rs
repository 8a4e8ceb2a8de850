//! Shared by the benches: fixed-size demo feeds generated in memory (no big files in the repo),
//! and the ratio reporter that measures a candidate against its baseline in the same run.
//!
//! Why interleaved rounds: the build machine is shared, so absolute timings drift by tens of
//! percent while other jobs compile. Timing baseline and candidate alternately, round after
//! round, exposes both to the same load; the median of the per-round ratios is then stable
//! even when the absolute numbers are not. Criterion's own report (mean, confidence interval)
//! is printed above for each function.

#![allow(dead_code, reason = "each bench uses a different part of this module")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use criterion::Criterion;
use investboard::app::{App, AppSettings};
use investboard::config::Settings;
use investboard::demo::{DEFAULT_SEED, DemoFeed};
use investboard::domain::aggregate::AggregateOptions;
use investboard::domain::calendar::Calendar;

/// The generator's epoch for every bench: feeds are written at their epoch, so their size is
/// exactly the number of projects asked for (the live pipeline only grows it after the epoch).
/// Also the dashboard snapshots' frozen `now`.
pub const EPOCH: &str = "2026-11-29T10:00:00+08:00";

pub fn epoch() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(EPOCH).expect("valid RFC 3339")
}

/// An app with the default settings (warn 30 min, crit 2 h) in the feed's zone, at the epoch,
/// with no data yet.
pub fn empty_app(wall: bool) -> App {
    let settings = AppSettings {
        zone: *epoch().offset(),
        wall,
        ..AppSettings::from_settings(&Settings::default())
    };
    App::new(
        settings,
        Calendar::embedded(),
        AggregateOptions::default(),
        epoch(),
        Instant::now(),
    )
}

/// The demo feed document with `projects` projects (about 940 bytes and 2.9 approvals each).
pub fn demo_document(projects: usize) -> Vec<u8> {
    DemoFeed::new(DEFAULT_SEED, epoch(), projects).document_at(epoch())
}

/// True under `cargo bench -- --test` (or `cargo test --benches`): run everything once, fast.
pub fn quick() -> bool {
    std::env::args().any(|a| a == "--test")
}

/// True under `cargo bench -- --list`: criterion lists, nothing is measured.
pub fn listing() -> bool {
    std::env::args().any(|a| a == "--list")
}

/// True under `cargo bench -- --profile-time N` (for a profiler): no summary either.
pub fn profiling() -> bool {
    std::env::args().any(|a| a == "--profile-time")
}

/// Criterion tuned for long iterations (a 100k-project parse takes a good fraction of a
/// second): ten samples, a short warm-up.
pub fn criterion(measurement: Duration) -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(measurement)
        .configure_from_args()
}

/// One line of the summary printed at the end of a bench.
pub struct Ratio {
    pub label: String,
    pub baseline: Duration,
    pub candidate: Duration,
    pub median: f64,
    pub low: f64,
    pub high: f64,
    pub rounds: usize,
    /// The ratio must stay at or below this.
    pub goal: Option<f64>,
}

impl Ratio {
    pub fn print(&self) {
        let goal = match self.goal {
            Some(goal) if self.median <= goal => format!("goal <= {goal}x: met"),
            Some(goal) => format!("goal <= {goal}x: MISSED"),
            None => String::new(),
        };
        println!(
            "ratio  {:<58} {:>8}x  (median of {} interleaved rounds, range {}x..{}x; \
             candidate {}, baseline {})  {goal}",
            self.label,
            factor(self.median),
            self.rounds,
            factor(self.low),
            factor(self.high),
            human(self.candidate),
            human(self.baseline),
        );
    }
}

/// Times `baseline` and `candidate` alternately for `rounds` rounds of `iterations` calls each
/// and reports the median per-round ratio candidate / baseline (and the median times).
pub fn interleaved<A, B>(
    label: &str,
    rounds: usize,
    iterations: u32,
    goal: Option<f64>,
    mut baseline: impl FnMut() -> A,
    mut candidate: impl FnMut() -> B,
) -> Ratio {
    let (rounds, iterations) = if quick() {
        (1, 1)
    } else {
        (rounds.max(1), iterations.max(1))
    };
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..iterations {
            f();
        }
        start.elapsed() / iterations
    };
    // One untimed call each: caches, allocator pools and lazy statics warm up.
    black_box(baseline());
    black_box(candidate());
    let mut pairs = Vec::with_capacity(rounds);
    for round in 0..rounds {
        // Alternate which goes first, so neither always runs on a warmer cache.
        let (b, c) = if round % 2 == 0 {
            let b = time(&mut || drop(black_box(baseline())));
            (b, time(&mut || drop(black_box(candidate()))))
        } else {
            let c = time(&mut || drop(black_box(candidate())));
            (time(&mut || drop(black_box(baseline()))), c)
        };
        pairs.push((b, c));
    }
    let mut ratios: Vec<f64> = pairs
        .iter()
        .map(|(b, c)| c.as_secs_f64() / b.as_secs_f64().max(1e-12))
        .collect();
    ratios.sort_by(f64::total_cmp);
    let mut baselines: Vec<Duration> = pairs.iter().map(|p| p.0).collect();
    let mut candidates: Vec<Duration> = pairs.iter().map(|p| p.1).collect();
    baselines.sort();
    candidates.sort();
    Ratio {
        label: label.to_owned(),
        baseline: baselines[baselines.len() / 2],
        candidate: candidates[candidates.len() / 2],
        median: ratios[ratios.len() / 2],
        low: ratios[0],
        high: ratios[ratios.len() - 1],
        rounds,
        goal,
    }
}

/// Prints the ratios under a heading, after criterion's own output.
pub fn summary(title: &str, ratios: &[Ratio]) {
    println!();
    println!("== {title} ==");
    for ratio in ratios {
        ratio.print();
    }
    println!();
}

/// A ratio with three decimals, or in scientific notation when that would show zero.
fn factor(ratio: f64) -> String {
    if ratio >= 0.01 {
        format!("{ratio:.3}")
    } else {
        format!("{ratio:.1e}")
    }
}

/// A byte count in megabytes, for the headings.
pub fn megabytes(bytes: &[u8]) -> String {
    format!(
        "{}.{} MB",
        bytes.len() / 1_000_000,
        bytes.len() % 1_000_000 / 100_000
    )
}

pub fn human(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.3} s")
    } else if s >= 1e-3 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

pub mod floor;
pub mod report;
pub mod server;
