//! The dashboard's poller (`run_poller_with`) driven in-process against a misbehaving local
//! server, with millisecond timings: the `FeedUpdate`s it sends for each fault, and what the
//! dashboard's `App` makes of them: the last good data stays on screen marked STALE (OFFLINE
//! when there never was any, or once it is older than the critical age), the error and the
//! retry are shown, and the next good answer recovers by itself. Backoff grows, is capped and
//! jittered, and honours Retry-After as a floor.
//!
//! Each test fails if the protection it names is removed (docs/reliability.md lists them).

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use investboard::app::health::Freshness;
use investboard::app::{Action, App};
use investboard::feed::source::{FeedSource, FetchOptions, Fetcher, Secret};
use investboard::poll::{FeedUpdate, PollCommand, PollTiming, run_poller_with};
use support::dash::{self, BASE};
use support::{Action as Serve, Body, Reply, TestServer, gzip_bomb};
use tokio::sync::mpsc;

/// Longest wait for any one update: a removed timeout fails the test, never hangs it.
const GUARD: Duration = Duration::from_secs(10);
/// The body cap in these tests.
const CAP: u64 = 1024 * 1024;
const TOTAL_TIMEOUT: Duration = Duration::from_millis(400);
const TOKEN: &str = "TOKEN-SECRET-POLLER";

fn options() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(1),
        read_timeout: Duration::from_secs(5),
        total_timeout: TOTAL_TIMEOUT,
        max_body_bytes: CAP,
        ..FetchOptions::default()
    }
}

/// Milliseconds instead of seconds: the real loop, many cycles, a fast test.
fn timing() -> PollTiming {
    PollTiming {
        interval: Duration::from_millis(20),
        max_backoff: Duration::from_millis(200),
        max_retry_after: Duration::from_secs(5),
        jitter_seed: 7,
    }
}

/// The poller task and its two channels; aborted when dropped.
struct Poller {
    updates: mpsc::Receiver<FeedUpdate>,
    commands: mpsc::Sender<PollCommand>,
    task: tokio::task::JoinHandle<()>,
}

impl Poller {
    /// Polls `url`; updates are stamped with [`BASE`] plus the real time elapsed.
    fn start(url: &str, options: FetchOptions, timing: PollTiming) -> Poller {
        let source = FeedSource::parse(url).expect("valid source");
        let fetcher = Fetcher::new(source, options).expect("fetcher builds");
        let (update_tx, updates) = mpsc::channel(4);
        let (commands, command_rx) = mpsc::channel(4);
        let started = Instant::now();
        let base = dash::at(BASE);
        let clock: investboard::poll::Clock = Arc::new(move || {
            base + chrono::Duration::from_std(started.elapsed()).expect("short test")
        });
        let task = tokio::spawn(run_poller_with(
            fetcher,
            timing,
            clock,
            update_tx,
            command_rx,
            investboard::lang::Lang::En,
        ));
        Poller {
            updates,
            commands,
            task,
        }
    }

    /// The next answer of a poll. A poll outliving the 20 ms interval (a hang, a trickle) is
    /// first reported as `Checking` (`tests/stuck_reads.rs` covers that); skipped here.
    async fn next(&mut self) -> FeedUpdate {
        self.next_within(GUARD).await
    }

    /// [`Poller::next`] with another guard time (a paused clock runs through long ones).
    async fn next_within(&mut self, guard: Duration) -> FeedUpdate {
        loop {
            let update = tokio::time::timeout(guard, self.updates.recv())
                .await
                .expect("an update within the guard time")
                .expect("the poller is running");
            if !matches!(update, FeedUpdate::Checking { .. }) {
                return update;
            }
        }
    }

    async fn take(&mut self, n: usize) -> Vec<FeedUpdate> {
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.next().await);
        }
        out
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The dashboard's state, fed the poller's updates as the event loop would.
struct Dashboard {
    app: App,
    start: Instant,
}

impl Dashboard {
    fn new() -> Dashboard {
        let start = Instant::now();
        Dashboard {
            app: dash::app_at(dash::at(BASE), start),
            start,
        }
    }

    /// A tick at the update's own time, then the update.
    fn apply(&mut self, update: &FeedUpdate) {
        let now = match update {
            FeedUpdate::Loaded { received_at, .. } | FeedUpdate::Unchanged { received_at } => {
                *received_at
            }
            FeedUpdate::Failed { at, .. } => *at,
            FeedUpdate::Checking { since } => *since,
            FeedUpdate::Prepared(prepared) => prepared
                .arrival
                .as_ref()
                .map(|arrival| arrival.received_at)
                .expect("this poller prepares nothing"),
        };
        self.tick_at(now);
        self.app.update(Action::Feed(update.clone()));
    }

    fn tick_at(&mut self, now: chrono::DateTime<chrono::FixedOffset>) {
        let since = (now - dash::at(BASE)).to_std().unwrap_or_default();
        self.app.update(Action::Tick {
            now,
            at: self.start + since,
        });
    }

    fn screen(&self) -> String {
        dash::screen(&self.app, 200, 40)
    }
}

fn is_loaded(update: &FeedUpdate) -> bool {
    matches!(update, FeedUpdate::Loaded { .. })
}

fn error_of(update: &FeedUpdate) -> Option<&str> {
    match update {
        FeedUpdate::Failed { error, .. } => Some(error),
        _ => None,
    }
}

fn retry_of(update: &FeedUpdate) -> Option<Duration> {
    match update {
        FeedUpdate::Failed { retry_in, .. } => Some(*retry_in),
        _ => None,
    }
}

/// The script every fault case runs: a good feed, the fault, then a different good feed.
/// Asserts the updates are Loaded, Failed (with `expected` in its message), Loaded, and what
/// the dashboard shows at each step. Returns the server for further checks.
async fn fault_between_good_answers(fault: Serve, expected: &str) -> TestServer {
    fault_between_good_answers_with(fault, expected, options()).await
}

async fn fault_between_good_answers_with(
    fault: Serve,
    expected: &str,
    options: FetchOptions,
) -> TestServer {
    let server = TestServer::scripted(vec![
        Reply::ok(dash::good_feed(0, 3)).into(),
        fault,
        Reply::ok(dash::good_feed(1, 4)).into(),
    ])
    .await;
    let mut poller = Poller::start(&server.url("/feed.json"), options, timing());
    let mut dashboard = Dashboard::new();

    let first = poller.next().await;
    assert!(is_loaded(&first), "{first:?}");
    dashboard.apply(&first);
    assert_eq!(dashboard.app.freshness(), Freshness::Fresh);
    let good = Arc::clone(&dashboard.app.data().expect("loaded").snapshot);

    let failed = poller.next().await;
    assert!(error_of(&failed).is_some(), "a failure, got {failed:?}");
    let error = error_of(&failed).expect("a failure");
    assert!(error.contains(expected), "{error:?} lacks {expected:?}");
    assert!(
        !error.contains('\n') && !error.contains('\u{1b}'),
        "{error:?}"
    );
    assert!(retry_of(&failed).is_some_and(|r| r > Duration::ZERO));
    dashboard.apply(&failed);
    let kept = &dashboard
        .app
        .data()
        .expect("the last good data stays")
        .snapshot;
    assert!(Arc::ptr_eq(kept, &good), "the data was replaced");
    assert_eq!(dashboard.app.freshness(), Freshness::Stale);
    let screen = dashboard.screen();
    assert!(screen.contains(" STALE "), "{screen}");
    assert!(screen.contains(&format!("feed error: {error}")), "{screen}");
    assert!(screen.contains("retry in"), "{screen}");
    assert!(
        screen.contains("Plant 0 v0"),
        "old data off screen:\n{screen}"
    );

    let recovered = poller.next().await;
    assert!(is_loaded(&recovered), "no recovery: {recovered:?}");
    dashboard.apply(&recovered);
    assert_eq!(dashboard.app.freshness(), Freshness::Fresh);
    assert!(dashboard.app.health.last_failure.is_none());
    let screen = dashboard.screen();
    assert!(
        screen.contains("Plant 0 v1") && !screen.contains("feed error"),
        "{screen}"
    );
    server
}

#[tokio::test]
async fn http_500_keeps_the_data_stale_and_recovers() {
    fault_between_good_answers(Reply::new(500).into(), "HTTP 500 Internal Server Error").await;
}

#[tokio::test]
async fn http_404_keeps_the_data_stale_and_recovers() {
    fault_between_good_answers(Reply::new(404).into(), "HTTP 404 Not Found").await;
}

#[tokio::test]
async fn http_401_keeps_the_data_stale_and_recovers() {
    fault_between_good_answers(Reply::new(401).into(), "HTTP 401 Unauthorized").await;
}

#[tokio::test]
async fn a_304_to_a_request_without_validators_is_an_error_not_fresh_data() {
    // The first good answer has no ETag or Last-Modified, so the next request is not
    // conditional: a 304 to it is a broken server or proxy, and must not pass as contact.
    let server = fault_between_good_answers(Reply::new(304).into(), "HTTP 304 Not Modified").await;
    let requests = server.requests();
    assert!(requests[1].header("if-none-match").is_none());
    assert!(requests[1].header("if-modified-since").is_none());
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_and_recovers() {
    let server =
        fault_between_good_answers(Serve::Hang, "feed request timed out after 400 ms").await;
    let requests = server.requests();
    let gap = requests[2].at - requests[1].at;
    assert!(gap < TOTAL_TIMEOUT + Duration::from_secs(1), "{gap:?}");
}

#[tokio::test]
async fn a_body_trickling_one_byte_a_second_times_out_and_recovers() {
    let trickle = Reply::new(200).body(Body::Trickle {
        interval: Duration::from_secs(1),
    });
    fault_between_good_answers(trickle.into(), "feed request timed out after 400 ms").await;
}

#[tokio::test]
async fn truncated_json_is_refused_whole_and_recovers() {
    let truncated = Reply::ok(r#"{"schema_version":1,"projects":[{"id":"P0","na"#);
    fault_between_good_answers(truncated.into(), "feed is not JSON: EOF while parsing").await;
}

#[tokio::test]
async fn a_connection_closed_mid_body_is_a_transfer_error_and_recovers() {
    let cut = Reply::new(200).body(Body::Truncated {
        data: br#"{"schema_version":1,"#.to_vec(),
        declared: 4096,
    });
    fault_between_good_answers(cut.into(), "the feed body could not be read").await;
}

/// The parse runs while the body is read: here it has been handed more than two chunks (a whole
/// valid document, then padding) when the connection closes. The transfer failed, so the
/// document must not be taken, however complete it looks.
#[tokio::test]
async fn a_connection_closed_after_a_complete_document_is_still_a_transfer_error() {
    let mut data = dash::good_feed(5, 3);
    data.resize(5 * 1024 * 1024 / 2, b' ');
    let cut = Reply::new(200).body(Body::Truncated {
        data,
        declared: 4 * 1024 * 1024,
    });
    let roomy = FetchOptions {
        max_body_bytes: 8 * 1024 * 1024,
        ..options()
    };
    fault_between_good_answers_with(cut.into(), "the feed body could not be read", roomy).await;
}

#[tokio::test]
async fn html_instead_of_json_is_refused_and_recovers() {
    let html = Reply::ok("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>")
        .header("Content-Type", "text/html");
    fault_between_good_answers(html.into(), "feed looks like HTML, not JSON").await;
}

#[tokio::test]
async fn a_declared_oversize_body_is_refused_unread_and_recovers() {
    let huge = Reply::new(200).body(Body::Repeat {
        byte: b' ',
        len: 256 * 1024 * 1024,
        chunked: false,
    });
    let server = fault_between_good_answers(huge.into(), "feed body exceeds the 1 MiB limit").await;
    let sent = server.body_bytes_sent();
    assert!(sent < 32 * 1024 * 1024, "{sent} bytes were read");
}

#[tokio::test]
async fn an_oversize_body_without_length_is_cut_at_the_cap_and_recovers() {
    let endless = Reply::new(200).body(Body::Repeat {
        byte: b' ',
        len: 256 * 1024 * 1024,
        chunked: true,
    });
    let server =
        fault_between_good_answers(endless.into(), "feed body exceeds the 1 MiB limit").await;
    let sent = server.body_bytes_sent();
    assert!(sent < 32 * 1024 * 1024, "{sent} bytes were read");
}

#[tokio::test]
async fn a_gzip_bomb_is_cut_at_the_cap_and_recovers() {
    let bomb = Reply::ok(gzip_bomb(256 * 1024 * 1024)).header("Content-Encoding", "gzip");
    fault_between_good_answers(bomb.into(), "feed body exceeds the 1 MiB limit").await;
}

#[tokio::test]
async fn invalid_utf8_is_refused_and_recovers() {
    let mut body = br#"{"schema_version":1,"projects":[{"id":"P","name":""#.to_vec();
    body.extend_from_slice(b"\xff\xfe\xc3");
    body.extend_from_slice(br#"","amount_cny":1,"stage":"signed"}]}"#);
    fault_between_good_answers(Reply::ok(body).into(), "feed is not UTF-8").await;
}

#[tokio::test]
async fn schema_version_2_is_refused_and_recovers() {
    let v2 = Reply::ok(r#"{"schema_version":2,"projects":[]}"#);
    fault_between_good_answers(v2.into(), "feed schema_version 2 is not supported").await;
}

#[tokio::test]
async fn a_redirect_to_another_host_is_refused_without_the_token_and_recovers() {
    let elsewhere = TestServer::always(Reply::ok(dash::good_feed(9, 1))).await;
    let location = format!("http://localhost:{}/feed.json", elsewhere.addr().port());
    let redirect = Reply::new(302).header("Location", &location);
    let with_token = FetchOptions {
        token: Some(Secret::new(TOKEN)),
        ..options()
    };
    let server = fault_between_good_answers_with(
        redirect.into(),
        "the feed server redirected to another origin",
        with_token,
    )
    .await;
    assert!(
        elsewhere.requests().is_empty(),
        "{:?}",
        elsewhere.requests()
    );
    let expected = format!("Bearer {TOKEN}");
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.header("authorization") == Some(expected.as_str()))
    );
}

#[tokio::test]
async fn retry_after_on_a_503_is_a_floor_for_the_next_poll() {
    // The backoff alone would wait 10-20 ms; the server asks for a second.
    let busy = Reply::new(503).header("Retry-After", "1");
    let server = fault_between_good_answers(
        busy.into(),
        "HTTP 503 Service Unavailable (retry after 1 s)",
    )
    .await;
    let requests = server.requests();
    let gap = requests[2].at - requests[1].at;
    assert!(
        gap >= Duration::from_millis(990),
        "polled again after {gap:?}"
    );
}

#[tokio::test]
async fn an_absurd_retry_after_is_clamped() {
    let server = TestServer::scripted(vec![
        Reply::new(503).header("Retry-After", "86400").into(),
        Reply::ok(dash::good_feed(0, 1)).into(),
    ])
    .await;
    let timing = PollTiming {
        max_retry_after: Duration::from_millis(300),
        ..timing()
    };
    let mut poller = Poller::start(&server.url("/"), options(), timing);
    let failed = poller.next().await;
    assert_eq!(retry_of(&failed), Some(Duration::from_millis(300)));
    assert!(is_loaded(&poller.next().await));
}

#[tokio::test]
async fn backoff_grows_is_capped_and_jittered_then_resets_on_success() {
    const FAILURES: usize = 8;
    let server = TestServer::start(|n, _| {
        if n < FAILURES {
            Reply::new(500).into()
        } else {
            Reply::ok(dash::good_feed(0, 1)).into()
        }
    })
    .await;
    // A cap far above the interval: a poll after the success that still waited a backoff
    // (at least half the cap) stands out from one interval even on a loaded machine.
    let timing = PollTiming {
        max_backoff: Duration::from_secs(1),
        ..timing()
    };
    let mut poller = Poller::start(&server.url("/"), options(), timing);
    let updates = poller.take(FAILURES + 2).await;
    let delays: Vec<Duration> = updates[..FAILURES]
        .iter()
        .map(|u| retry_of(u).expect("a failure"))
        .collect();
    // Step i is interval * 2^i up to the cap; equal jitter keeps it in [step/2, step].
    let steps: Vec<Duration> = (0..FAILURES)
        .map(|i| {
            timing
                .interval
                .saturating_mul(1 << i.min(16))
                .min(timing.max_backoff)
        })
        .collect();
    for (i, (delay, step)) in delays.iter().zip(&steps).enumerate() {
        assert!(
            *delay >= *step / 2 && delay <= step,
            "delay {i} is {delay:?}, step {step:?}: {delays:?}"
        );
    }
    let capped: Vec<&Duration> = delays
        .iter()
        .zip(&steps)
        .filter(|(_, step)| **step == timing.max_backoff)
        .map(|(delay, _)| delay)
        .collect();
    assert!(capped.len() >= 2, "the cap was never reached: {delays:?}");
    assert!(
        capped.iter().any(|d| d != &capped[0]),
        "no jitter: {delays:?}"
    );
    assert!(is_loaded(&updates[FAILURES]), "{:?}", updates[FAILURES]);
    // The poller waited as long as it said before each retry.
    let requests = server.requests();
    for (i, delay) in delays.iter().enumerate() {
        let gap = requests[i + 1].at - requests[i].at;
        assert!(
            gap >= *delay,
            "request {} came {gap:?} after, not {delay:?}",
            i + 1
        );
    }
    // After the success the next poll comes one interval later, not after a backoff.
    let gap = requests[FAILURES + 1].at - requests[FAILURES].at;
    assert!(gap < timing.max_backoff / 2, "{gap:?}");
}

#[tokio::test]
async fn a_304_to_a_conditional_request_is_contact_and_keeps_the_data() {
    let server = TestServer::start(|_, request| {
        if request.header("if-none-match") == Some("\"v1\"") {
            Reply::new(304).header("ETag", "\"v1\"").into()
        } else {
            Reply::ok(dash::good_feed(0, 2))
                .header("ETag", "\"v1\"")
                .into()
        }
    })
    .await;
    let mut poller = Poller::start(&server.url("/"), options(), timing());
    let mut dashboard = Dashboard::new();
    let first = poller.next().await;
    assert!(is_loaded(&first), "{first:?}");
    dashboard.apply(&first);
    let good = Arc::clone(&dashboard.app.data().expect("loaded").snapshot);
    let contact_before = dashboard.app.health.last_success;
    for _ in 0..3 {
        let update = poller.next().await;
        assert!(matches!(update, FeedUpdate::Unchanged { .. }), "{update:?}");
        dashboard.apply(&update);
    }
    assert!(Arc::ptr_eq(
        &dashboard.app.data().expect("kept").snapshot,
        &good
    ));
    assert!(dashboard.app.health.last_success > contact_before);
    assert_eq!(dashboard.app.freshness(), Freshness::Fresh);
    assert!(
        server.requests()[1..]
            .iter()
            .all(|r| r.header("if-none-match") == Some("\"v1\""))
    );
}

#[tokio::test]
async fn connection_refused_before_any_data_is_offline_then_recovers_when_the_server_starts() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let url = format!("http://127.0.0.1:{port}/feed.json");
    let mut poller = Poller::start(&url, options(), timing());
    let mut dashboard = Dashboard::new();
    let failed = poller.next().await;
    assert_eq!(error_of(&failed), Some("connection refused"), "{failed:?}");
    dashboard.apply(&failed);
    assert_eq!(dashboard.app.freshness(), Freshness::Offline);
    let screen = dashboard.screen();
    assert!(screen.contains(" OFFLINE "), "{screen}");
    assert!(
        screen.contains("feed error: connection refused"),
        "{screen}"
    );
    assert!(screen.contains("no data: connection refused"), "{screen}");

    let _server = TestServer::start_at(&format!("127.0.0.1:{port}"), |_, _| {
        Reply::ok(dash::good_feed(0, 2)).into()
    })
    .await;
    let recovered = loop {
        let update = poller.next().await;
        dashboard.apply(&update);
        if is_loaded(&update) {
            break update;
        }
        assert_eq!(error_of(&update), Some("connection refused"));
    };
    assert!(is_loaded(&recovered));
    assert_eq!(dashboard.app.freshness(), Freshness::Fresh);
    assert!(dashboard.screen().contains("Plant 1 v0"));
}

#[tokio::test]
async fn data_kept_through_a_long_outage_turns_offline_after_the_critical_age() {
    let server = TestServer::scripted(vec![
        Reply::ok(dash::good_feed(0, 2)).into(),
        Reply::new(500).into(),
    ])
    .await;
    let mut poller = Poller::start(&server.url("/"), options(), timing());
    let mut dashboard = Dashboard::new();
    for update in poller.take(2).await {
        dashboard.apply(&update);
    }
    assert_eq!(dashboard.app.freshness(), Freshness::Stale);
    // Three hours on (virtual time), still failing: OFFLINE, and the old data still shown.
    dashboard.tick_at(dash::at("2026-11-29T13:00:00+08:00"));
    assert_eq!(dashboard.app.freshness(), Freshness::Offline);
    let screen = dashboard.screen();
    assert!(
        screen.contains(" OFFLINE ") && screen.contains("Plant 0 v0"),
        "{screen}"
    );
}

#[tokio::test]
async fn a_feed_alternating_good_and_bad_follows_each_answer() {
    let server = TestServer::start(|n, _| match n % 4 {
        0 => Reply::ok(dash::good_feed(0, 2)).into(),
        2 => Reply::ok(dash::good_feed(1, 3)).into(),
        1 => Reply::ok("<html>maintenance</html>").into(),
        _ => Reply::new(502).into(),
    })
    .await;
    let mut poller = Poller::start(&server.url("/"), options(), timing());
    let mut dashboard = Dashboard::new();
    for cycle in 0..12 {
        let update = poller.next().await;
        dashboard.apply(&update);
        let good = cycle % 2 == 0;
        assert_eq!(is_loaded(&update), good, "cycle {cycle}: {update:?}");
        let expected = if good {
            Freshness::Fresh
        } else {
            Freshness::Stale
        };
        assert_eq!(dashboard.app.freshness(), expected, "cycle {cycle}");
        let projects = dashboard.app.data().expect("data").snapshot.projects.len();
        assert_eq!(projects, if cycle % 4 < 2 { 2 } else { 3 }, "cycle {cycle}");
    }
}

#[tokio::test]
async fn poll_now_skips_the_backoff_wait() {
    let server = TestServer::scripted(vec![
        Reply::new(503).header("Retry-After", "30").into(),
        Reply::ok(dash::good_feed(0, 1)).into(),
    ])
    .await;
    let mut poller = Poller::start(&server.url("/"), options(), timing());
    let failed = poller.next().await;
    assert_eq!(retry_of(&failed), Some(Duration::from_secs(5)));
    poller
        .commands
        .send(PollCommand::PollNow)
        .await
        .expect("poller listening");
    let started = Instant::now();
    assert!(is_loaded(&poller.next().await));
    assert!(started.elapsed() < Duration::from_secs(2));
}

/// A file feed is checked again every interval after a failure, without backoff, so the wall
/// recovers at the first poll after the file is back (issue 11 §3); an HTTP feed's backoff is
/// capped at `max_backoff` (60 s by default: `poll::tests`). The paused clock runs the
/// production interval (10 s) through a minute of failures in no real time.
#[tokio::test(start_paused = true)]
async fn a_missing_file_is_checked_every_interval_and_recovers_at_the_next_one() {
    /// Far past the interval, in paused time: a poller that backs off fails the assertions,
    /// never hangs the test.
    const PAUSED_GUARD: Duration = Duration::from_secs(3600);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.json");
    let interval = Duration::from_secs(10);
    let timing = PollTiming {
        jitter_seed: 7,
        ..PollTiming::new(interval)
    };
    let source = path.to_str().expect("a UTF-8 path");
    let mut poller = Poller::start(source, FetchOptions::default(), timing);
    let began = tokio::time::Instant::now();
    for failure in 1..=6 {
        let update = poller.next_within(PAUSED_GUARD).await;
        assert_eq!(
            retry_of(&update),
            Some(interval),
            "failure {failure}: {update:?}"
        );
    }
    assert!(
        began.elapsed() <= interval * 5,
        "six checks took {:?}",
        began.elapsed()
    );
    std::fs::write(&path, dash::good_feed(0, 1)).expect("write the feed");
    // Let the poller reach its wait for the next check, and see that nothing comes early.
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
    assert!(
        poller.updates.try_recv().is_err(),
        "polled before the interval"
    );
    // One interval later the file is read again. The document is parsed on the parser's own
    // thread, which the paused clock cannot see (it would jump to the guard's deadline):
    // real time from here.
    tokio::time::advance(interval).await;
    tokio::time::resume();
    let update = poller.next().await;
    assert!(
        is_loaded(&update),
        "recovered at the next check: {update:?}"
    );
}
