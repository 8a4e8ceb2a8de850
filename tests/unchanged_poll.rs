//! Polling an unchanged feed costs no parse and no aggregation: through the real poller and
//! `App`, over HTTP (304) and from a file (same stamp or same content), one document is parsed
//! and the summary computed once, however many polls follow.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use investboard::app::{Action, App, AppSettings};
use investboard::config::Settings;
use investboard::domain::aggregate::AggregateOptions;
use investboard::domain::calendar::Calendar;
use investboard::feed::source::{FeedSource, FetchOptions, Fetched, Fetcher};
use investboard::poll::{FeedUpdate, run_poller};
use support::{Reply, TestServer};

const FEED: &str = include_str!("fixtures/dashboard.json");
const POLLS: usize = 6;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-29T10:00:00+08:00").expect("valid")
}

fn app() -> App {
    // The defaults (warn 30 min, crit 2 h), in the feed's zone.
    let settings = AppSettings {
        zone: *now().offset(),
        ..AppSettings::from_settings(&Settings::default())
    };
    App::new(
        settings,
        Calendar::embedded(),
        AggregateOptions::default(),
        now(),
        Instant::now(),
    )
}

/// Polls `source` [`POLLS`] times through `run_poller` into an `App`: (parsed, unchanged,
/// aggregations). Every `Loaded` or `Failed` update is one parse; `Unchanged` is none.
async fn poll(source: &str) -> (usize, usize, u64) {
    poll_every(source, Duration::from_millis(5)).await
}

/// [`poll`] at another interval: longer for a body that takes longer to send than 5 ms.
async fn poll_every(source: &str, interval: Duration) -> (usize, usize, u64) {
    let fetcher = Fetcher::new(
        FeedSource::parse(source).expect("source"),
        FetchOptions::default(),
    )
    .expect("fetcher");
    let (updates_tx, mut updates) = tokio::sync::mpsc::channel(1);
    let (_commands, commands_rx) = tokio::sync::mpsc::channel(1);
    let poller = tokio::spawn(run_poller(
        fetcher,
        interval,
        Arc::new(now),
        updates_tx,
        commands_rx,
        investboard::lang::Lang::En,
    ));
    let mut app = app();
    let (mut parsed, mut unchanged, mut failures) = (0, 0, Vec::new());
    for _ in 0..POLLS {
        let update = tokio::time::timeout(Duration::from_secs(10), updates.recv())
            .await
            .expect("a poll in time")
            .expect("the poller runs");
        match &update {
            FeedUpdate::Loaded { .. } | FeedUpdate::Prepared(_) => parsed += 1,
            FeedUpdate::Unchanged { .. } => unchanged += 1,
            FeedUpdate::Failed { error, .. } => failures.push(error.clone()),
            FeedUpdate::Checking { .. } => failures.push("a poll slower than the interval".into()),
        }
        app.update(Action::Feed(update));
    }
    poller.abort();
    assert_eq!(failures, Vec::<String>::new());
    (parsed, unchanged, app.aggregations())
}

#[tokio::test]
async fn an_unchanged_http_feed_is_parsed_and_aggregated_once() {
    let server = TestServer::start(|_, request| {
        if request.header("if-none-match") == Some("\"v1\"") {
            Reply::new(304).header("ETag", "\"v1\"").into()
        } else {
            Reply::ok(FEED).header("ETag", "\"v1\"").into()
        }
    })
    .await;
    assert_eq!(poll(&server.url("/feed.json")).await, (1, POLLS - 1, 1));
    let conditional = server
        .requests()
        .iter()
        .filter(|r| r.header("if-none-match").is_some())
        .count();
    assert_eq!(conditional, POLLS - 1);
}

/// A body of several chunks from a server without validators: each chunk the same as last
/// time is held, not handed to the parse, and the body then proves unchanged.
#[tokio::test]
async fn a_large_unchanged_feed_without_validators_is_parsed_once() {
    let mut large = FEED.as_bytes().to_vec();
    large.resize(investboard::feed::body::CHUNK_BYTES * 5 / 2, b' ');
    let large: &'static [u8] = large.leak();
    let server = TestServer::start(move |_, _| Reply::ok(large).into()).await;
    let polled = poll_every(&server.url("/feed.json"), Duration::from_millis(500)).await;
    assert_eq!(polled, (1, POLLS - 1, 1));
}

#[tokio::test]
async fn an_unchanged_feed_file_is_parsed_and_aggregated_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.json");
    std::fs::write(&path, FEED).expect("write");
    let source = path.to_str().expect("utf-8 path");
    assert_eq!(poll(source).await, (1, POLLS - 1, 1));
}

/// A file that has not changed for a few seconds is vouched for by its stamp; rewriting it,
/// even with the same length, is seen at once.
#[tokio::test]
async fn a_settled_file_rewritten_with_the_same_length_is_seen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.json");
    std::fs::write(&path, "{\"a\":1}").expect("write");
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let source = FeedSource::parse(path.to_str().expect("utf-8 path")).expect("source");
    let mut fetcher = Fetcher::new(source, FetchOptions::default()).expect("fetcher");
    let body = |fetched: Fetched| match fetched {
        Fetched::Modified { body, .. } => Some(body.to_vec()),
        Fetched::NotModified => None,
    };
    assert_eq!(
        body(fetcher.fetch().await.expect("read")),
        Some(b"{\"a\":1}".to_vec())
    );
    assert_eq!(body(fetcher.fetch().await.expect("stat")), None);
    std::fs::write(&path, "{\"a\":2}").expect("rewrite");
    assert_eq!(
        body(fetcher.fetch().await.expect("read")),
        Some(b"{\"a\":2}".to_vec())
    );
    assert_eq!(body(fetcher.fetch().await.expect("hash")), None);
}

/// The dashboard's poller prepares what the app shows: one document parsed and aggregated on
/// its thread (the app aggregates nothing itself), the same document aggregated again once its
/// clock passes midnight, and nothing more while the feed and the day stay the same.
#[tokio::test]
async fn the_dashboard_poller_prepares_new_documents_and_new_days() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.json");
    std::fs::write(&path, FEED).expect("write");
    let fetcher = Fetcher::new(
        FeedSource::parse(path.to_str().expect("utf-8 path")).expect("source"),
        FetchOptions::default(),
    )
    .expect("fetcher");
    // The clock reads past midnight from its fourth reading on.
    let readings = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let clock = {
        let readings = Arc::clone(&readings);
        move || {
            let n = readings.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if n < 3 {
                now()
            } else {
                now() + chrono::Duration::days(1)
            }
        }
    };
    let mut app = app().with_data_prepared_by_the_poller();
    let (updates_tx, mut updates) = tokio::sync::mpsc::channel(1);
    let (_commands, commands_rx) = tokio::sync::mpsc::channel(1);
    let poller = tokio::spawn(
        investboard::poll::Poller {
            fetcher,
            timing: investboard::poll::PollTiming::new(Duration::from_millis(5)),
            clock: Arc::new(clock),
            updates: updates_tx,
            commands: commands_rx,
            lang: investboard::lang::Lang::En,
            preparer: Some(app.preparer()),
        }
        .run(),
    );
    let mut kinds = Vec::new();
    for _ in 0..POLLS {
        let update = tokio::time::timeout(Duration::from_secs(10), updates.recv())
            .await
            .expect("a poll in time")
            .expect("the poller runs");
        kinds.push(match &update {
            FeedUpdate::Prepared(prepared) if prepared.arrival.is_some() => "new document",
            FeedUpdate::Prepared(_) => "new day",
            FeedUpdate::Unchanged { .. } => "unchanged",
            FeedUpdate::Loaded { .. } => "bare document",
            FeedUpdate::Failed { .. } | FeedUpdate::Checking { .. } => "failed",
        });
        app.update(Action::Feed(update));
    }
    poller.abort();
    assert_eq!(
        kinds,
        [
            "new document",
            "unchanged",
            "new day",
            "unchanged",
            "unchanged",
            "unchanged"
        ]
    );
    assert_eq!(
        app.aggregations(),
        2,
        "each one installed, none computed by the app"
    );
    let data = app.data().expect("installed");
    assert!(
        data.summary
            .stalled
            .iter()
            .any(|s| s.working_days_elapsed > 0)
    );
}
