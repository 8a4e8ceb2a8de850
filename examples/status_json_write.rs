//! The JSON form's own work, apart from the read and parse every form shares: parses a feed
//! file once, then writes its `status --format json` report ROUNDS times into a 64 KiB buffer
//! on `/dev/null` (as `status` writes stdout) and prints the fastest and the median round.
//!
//! `cargo build --release --example status_json_write &&
//! target/release/examples/status_json_write FILE [ROUNDS]` (`--now` is fixed at
//! 2026-11-29T10:00:00+08:00, as in `scripts/status-e2e.sh`).

use std::io::{BufWriter, Write};
use std::time::{Duration, Instant};

use investboard::domain::aggregate::{AggregateOptions, aggregate};
use investboard::domain::calendar::Calendar;
use investboard::feed::parse_feed;

#[path = "../benches/support/report.rs"]
mod report;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let path = args
        .next()
        .ok_or("usage: status_json_write FILE [ROUNDS]")?;
    let rounds: usize = match args.next() {
        Some(rounds) => rounds.to_str().ok_or("ROUNDS: a number")?.parse()?,
        None => 15,
    };
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+08:00")?;
    let snapshot = parse_feed(&std::fs::read(path)?)?;
    let summary = aggregate(
        &snapshot,
        now.date_naive(),
        &Calendar::embedded(),
        &AggregateOptions::default(),
    );
    let report = report::default_report(now, &snapshot, &summary);
    let mut written = Vec::new();
    report.write_json(&mut written)?;
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        let mut out = BufWriter::with_capacity(64 * 1024, std::fs::File::create("/dev/null")?);
        report.write_json(&mut out)?;
        out.flush()?;
        times.push(started.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} stalled approvals, {} bytes: fastest {:.2} ms, median {:.2} ms of {} rounds",
        summary.stalled.len(),
        written.len(),
        ms(times[0]),
        ms(times[times.len() / 2]),
        times.len()
    );
    Ok(())
}
