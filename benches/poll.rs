//! A poll of an unchanged 100,000-project feed through `Fetcher::fetch`: against a local
//! server answering `304 Not Modified`, and against a file whose content did not change.
//! Baseline: a poll of a changed feed (read the file, parse, validate, aggregate), which is the
//! work an unchanged poll must skip.
//!
//! Then a count through the real poller (`run_poller`) and `App`: of N polls of an unchanged
//! feed, one is parsed (the first) and the summary is computed once.
//!
//! `cargo bench --bench poll`.

mod support;

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use investboard::app::Action;
use investboard::domain::aggregate::{AggregateOptions, aggregate};
use investboard::domain::calendar::Calendar;
use investboard::feed::parse_body;
use investboard::feed::source::{FeedSource, FetchOptions, Fetched, Fetcher};
use investboard::poll::{FeedUpdate, run_poller};
use tokio::runtime::Runtime;

use support::{epoch, interleaved, server};

const PROJECTS: usize = 100_000;
const PROOF_POLLS: usize = 20;

fn options() -> FetchOptions {
    FetchOptions {
        // Room for the 1M feed too (about 940 MB).
        max_body_bytes: 1 << 30,
        ..FetchOptions::default()
    }
}

fn fetcher(source: &str) -> Fetcher {
    Fetcher::new(FeedSource::parse(source).expect("source"), options()).expect("fetcher")
}

/// A fetcher that has seen the feed once, so the next fetch is a conditional one.
fn primed(runtime: &Runtime, source: &str) -> Fetcher {
    let mut f = fetcher(source);
    let first = runtime.block_on(f.fetch()).expect("first fetch");
    assert!(matches!(first, Fetched::Modified { .. }), "{first:?}");
    f
}

fn unchanged(runtime: &Runtime, f: &mut Fetcher) {
    let fetched = runtime.block_on(f.fetch()).expect("fetch");
    assert!(matches!(fetched, Fetched::NotModified), "{fetched:?}");
}

/// What a changed file feed costs a poll: read it, parse and validate it, aggregate it.
fn changed_poll(runtime: &Runtime, path: &Path, calendar: &Calendar) -> usize {
    let mut f = fetcher(path.to_str().expect("utf-8 path"));
    let Fetched::Modified { body, .. } = runtime.block_on(f.fetch()).expect("fetch") else {
        unreachable!("a fresh fetcher always gets the body");
    };
    let snapshot = parse_body(body).expect("parses");
    let summary = aggregate(
        &snapshot,
        epoch().date_naive(),
        calendar,
        &AggregateOptions::default(),
    );
    summary.signings.len()
}

/// Runs the real poller on `source` for [`PROOF_POLLS`] polls, 1 ms apart, and hands every
/// update to an `App`, as the dashboard does. Returns (loaded, unchanged, failed, aggregations).
fn through_the_poller(runtime: &Runtime, source: &str) -> (usize, usize, usize, u64) {
    let mut app = support::empty_app(false);
    let (mut loaded, mut same, mut failed) = (0, 0, 0);
    runtime.block_on(async {
        let (updates_tx, mut updates) = tokio::sync::mpsc::channel(4);
        let (_commands, commands_rx) = tokio::sync::mpsc::channel(1);
        let poller = tokio::spawn(run_poller(
            fetcher(source),
            Duration::from_millis(1),
            Arc::new(epoch),
            updates_tx,
            commands_rx,
            investboard::lang::Lang::En,
        ));
        for _ in 0..PROOF_POLLS {
            let update = updates.recv().await.expect("the poller runs");
            match &update {
                FeedUpdate::Loaded { .. } | FeedUpdate::Prepared(_) => loaded += 1,
                FeedUpdate::Unchanged { .. } => same += 1,
                FeedUpdate::Failed { .. } | FeedUpdate::Checking { .. } => failed += 1,
            }
            app.update(Action::Feed(update));
        }
        poller.abort();
    });
    (loaded, same, failed, app.aggregations())
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let body = Arc::new(support::demo_document(PROJECTS));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.json");
    std::fs::write(&path, body.as_slice()).expect("write the feed file");
    // A file changed in the last 3 s is read and hashed on every poll (its stamp cannot vouch
    // for it yet, see src/feed/stamp.rs); a feed file on a wall screen has settled long before.
    std::thread::sleep(Duration::from_millis(3500));
    let file = path.to_str().expect("utf-8 path").to_owned();
    let (addr, counts) = server::start(Arc::clone(&body));
    let url = format!("http://{addr}/feed.json");
    let calendar = Calendar::embedded();
    println!("feed: {PROJECTS} projects, {}", support::megabytes(&body));

    let mut c = support::criterion(Duration::from_secs(5));
    let mut group = c.benchmark_group("poll_unchanged_100k");
    let mut http = primed(&runtime, &url);
    group.bench_function("HTTP 304 (keep-alive)", |b| {
        b.iter(|| unchanged(&runtime, black_box(&mut http)));
    });
    let mut local = primed(&runtime, &file);
    group.bench_function("file, same content", |b| {
        b.iter(|| unchanged(&runtime, black_box(&mut local)));
    });
    group.bench_function("baseline: changed file (read + parse + aggregate)", |b| {
        b.iter(|| changed_poll(&runtime, &path, &calendar));
    });
    group.finish();
    c.final_summary();
    if support::listing() || support::profiling() {
        return;
    }

    let ratios = vec![
        interleaved(
            "unchanged poll, HTTP 304 / changed poll (parse + aggregate)",
            5,
            1,
            Some(0.01),
            || changed_poll(&runtime, &path, &calendar),
            || unchanged(&runtime, &mut http),
        ),
        interleaved(
            "unchanged poll, same file / changed poll (parse + aggregate)",
            5,
            1,
            Some(0.01),
            || changed_poll(&runtime, &path, &calendar),
            || unchanged(&runtime, &mut local),
        ),
    ];
    support::summary(
        "poll: unchanged feed, ratios to a poll of a changed feed",
        &ratios,
    );
    println!(
        "server: {} x 200, {} x 304 so far",
        counts.ok.load(Ordering::Relaxed),
        counts.not_modified.load(Ordering::Relaxed)
    );
    for (name, source) in [("HTTP", url.as_str()), ("file", file.as_str())] {
        let (loaded, same, failed, aggregations) = through_the_poller(&runtime, source);
        println!(
            "count  {name}: {PROOF_POLLS} polls through run_poller -> App: {loaded} parsed \
             (Loaded), {same} Unchanged, {failed} Failed; App aggregations: {aggregations}"
        );
        assert_eq!((loaded, failed, aggregations), (1, 0, 1), "{name}");
    }
}
