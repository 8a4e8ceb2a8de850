//! Runs the embedded demo feed outside the dashboard.
//!
//! ```text
//! cargo run --example demo_feed -- serve [--addr 127.0.0.1:8080]        # live feed over HTTP
//! cargo run --release --example demo_feed -- dump --projects 1000000 > feed.json
//! cargo run --example demo_feed -- stats --epoch 2026-11-29T10:00:00+08:00
//! ```
//! `stats` prints the figures of the generated feed, counted naively (weekdays only), as a
//! sanity check of the generator; the dashboard's own aggregation is the reference.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::{DateTime, Datelike, FixedOffset, Local, NaiveDate, Weekday};
use clap::{Parser, Subcommand};
use investboard::demo::{self, DemoFeed};
use serde_json::Value;

#[derive(Parser)]
struct Cli {
    #[arg(long, default_value_t = demo::DEFAULT_SEED)]
    seed: u64,
    /// Projects in the history [default: 420]
    #[arg(long, default_value_t = demo::DEFAULT_PROJECTS)]
    projects: usize,
    /// Where history ends and the live pipeline starts (RFC 3339) [default: now]
    #[arg(long)]
    epoch: Option<DateTime<FixedOffset>>,
    /// The moment to dump or count (RFC 3339) [default: the epoch]
    #[arg(long)]
    at: Option<DateTime<FixedOffset>>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the live feed over HTTP, the epoch being the start-up time.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Write the document at `--at` to stdout.
    Dump,
    /// Print the figures of the document at `--at`.
    Stats,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let epoch = cli.epoch.unwrap_or_else(|| Local::now().fixed_offset());
    let started = Instant::now();
    let feed = DemoFeed::new(cli.seed, epoch, cli.projects);
    eprintln!("generator ready in {:?}", started.elapsed());
    let at = cli.at.unwrap_or(epoch);
    match cli.command {
        Command::Serve { addr } => serve(feed, &addr),
        Command::Dump => {
            let started = Instant::now();
            let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            feed.write_document_at(at, &mut out)?;
            out.flush()?;
            eprintln!("document written in {:?}", started.elapsed());
            Ok(())
        }
        Command::Stats => {
            let started = Instant::now();
            let bytes = feed.document_at(at);
            eprintln!(
                "document_at: {} bytes in {:?}",
                bytes.len(),
                started.elapsed()
            );
            stats(&serde_json::from_slice(&bytes)?, at)
        }
    }
}

fn serve(feed: DemoFeed, addr: &str) -> Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let (listener, local) = demo::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"))?;
        eprintln!("demo feed on http://{local}/ (Ctrl-C to stop)");
        let clock = || Local::now().fixed_offset();
        tokio::select! {
            served = demo::serve(listener, Arc::new(feed), clock) => served.context("serving"),
            _ = tokio::signal::ctrl_c() => Ok(()),
        }
    })
}

/// Weekdays `d` with `from < d <= to` (public holidays ignored: a naive count).
fn weekdays_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let days = from
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .count();
    i64::try_from(days).unwrap_or(i64::MAX)
}

/// `part / whole` with one decimal, in integers.
fn ratio(part: usize, whole: usize, scale: usize) -> String {
    let tenths = part * scale * 10 / whole.max(1);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Yuan in billions with one decimal, in integers.
fn billions(yuan: u64) -> String {
    format!(
        "{}.{} bn",
        yuan / 1_000_000_000,
        yuan % 1_000_000_000 / 100_000_000
    )
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

fn stats(doc: &Value, at: DateTime<FixedOffset>) -> Result<()> {
    let today = at
        .with_timezone(&FixedOffset::east_opt(8 * 3600).context("offset")?)
        .date_naive();
    let quarter = today.month0() / 3 + 1;
    let in_quarter = |d: Option<NaiveDate>| {
        d.is_some_and(|d| d.year() == today.year() && d.month0() / 3 + 1 == quarter && d <= today)
    };
    let projects = doc["projects"].as_array().context("projects")?;
    let (mut stages, mut ceremonies) = (BTreeMap::new(), BTreeMap::new());
    let (mut signed, mut amount, mut started, mut stalled, mut approvals) = (0, 0_u64, 0, 0, 0);
    let (mut big, mut top500, mut hq, mut chinese_names) = (0, 0, 0, 0);
    let mut oldest_stalled = 0;
    for p in projects {
        let stage = p["stage"].as_str().unwrap_or("?");
        *stages.entry(stage).or_insert(0) += 1;
        let amount_cny = p["amount_cny"].as_u64().unwrap_or(0);
        big += usize::from(amount_cny >= 1_000_000_000);
        top500 += usize::from(p.get("top500").is_some());
        hq += usize::from(p.get("headquarters").is_some());
        chinese_names += usize::from(p["name"].as_str().is_some_and(|n| !n.is_ascii()));
        if let Some(d) = date(&p["signed_on"]) {
            let key = (d, p["district"].as_str().unwrap_or("?"));
            let entry = ceremonies.entry(key).or_insert((0, 0));
            *entry = (entry.0 + 1, entry.1 + amount_cny);
        }
        approvals += p["approvals"].as_array().map_or(0, Vec::len);
        if stage == "cancelled" {
            continue;
        }
        if in_quarter(date(&p["signed_on"])) {
            signed += 1;
            amount += amount_cny;
        }
        started += usize::from(in_quarter(date(&p["started_on"])));
        for a in p["approvals"].as_array().into_iter().flatten() {
            let limit = a["limit_working_days"].as_i64().unwrap_or(9);
            if a["status"] == "pending" {
                let elapsed = date(&a["submitted_on"]).map_or(0, |s| weekdays_between(s, today));
                if elapsed > limit {
                    stalled += 1;
                    oldest_stalled = oldest_stalled.max(elapsed);
                }
            }
        }
    }
    let n = projects.len();
    println!("at {at}: {n} projects, stages {stages:?}");
    println!(
        "Q{quarter} {}: signed {signed} projects / {amount} yuan ({}), started {started}",
        today.year(),
        billions(amount)
    );
    let targets = doc["targets"].as_array().into_iter().flatten();
    if let Some(t) = targets
        .clone()
        .find(|t| t["year"] == today.year() && t["quarter"] == quarter)
    {
        let (projects, yuan, starts) = (
            &t["signed_projects"],
            &t["signed_amount_cny"],
            &t["started_projects"],
        );
        println!("  targets: {projects} projects / {yuan} yuan, started {starts}");
    }
    println!(
        "approvals: {approvals} ({} per project)",
        ratio(approvals, n, 1)
    );
    println!("pending beyond their limit (weekdays): {stalled}, oldest {oldest_stalled} weekdays");
    println!(
        "share >= 1 bn: {}%, top500: {}%, headquarters: {hq}, Chinese names: {}%",
        ratio(big, n, 100),
        ratio(top500, n, 100),
        ratio(chinese_names, n, 100)
    );
    for ((day, district), (count, total)) in ceremonies
        .into_iter()
        .filter(|(_, (count, _))| *count >= 10)
    {
        println!(
            "  ceremony {day} {district}: {count} projects, {}",
            billions(total)
        );
    }
    Ok(())
}
