//! The embedded demo feed server (`investboard demo-feed --listen`, and the dashboard's own
//! loopback feed) under a crowd: connections that never send a request must not keep a real
//! poller from its feed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::DateTime;
use investboard::demo::{DemoFeed, bind, serve};
use investboard::feed::source::{FeedSource, FetchOptions, Fetched, Fetcher};
use tokio::net::TcpStream;

/// The crowd of the report (issue 13): more idle connections than the server once had slots.
const IDLE_CONNECTIONS: usize = 300;
/// The poller's deadline: well under the server's header deadline, so a poller kept waiting
/// until idle connections are dropped fails.
const POLL_DEADLINE: Duration = Duration::from_secs(3);

#[tokio::test]
async fn idle_connections_do_not_keep_a_poller_from_the_feed() {
    let now = DateTime::parse_from_rfc3339("2026-11-29T10:00:00+08:00").expect("time");
    let (listener, addr) = bind("127.0.0.1:0").await.expect("bind");
    let server = tokio::spawn(serve(
        listener,
        Arc::new(DemoFeed::new(7, now, 40)),
        move || now,
    ));
    let mut idle = Vec::with_capacity(IDLE_CONNECTIONS);
    for _ in 0..IDLE_CONNECTIONS {
        idle.push(TcpStream::connect(addr).await.expect("connect"));
    }
    // Let the server accept them all before the poller comes.
    tokio::time::sleep(Duration::from_millis(200)).await;

    let options = FetchOptions {
        connect_timeout: POLL_DEADLINE,
        read_timeout: POLL_DEADLINE,
        total_timeout: POLL_DEADLINE,
        ..FetchOptions::default()
    };
    let source = FeedSource::parse(&format!("http://{addr}/")).expect("source");
    let mut poller = Fetcher::new(source, options).expect("fetcher");
    let started = Instant::now();
    let fetched = poller.fetch().await;
    let took = started.elapsed();
    assert!(
        matches!(&fetched, Ok(Fetched::Modified { body, .. }) if body.to_vec().starts_with(b"{")),
        "after {took:?} with {IDLE_CONNECTIONS} idle connections open: {fetched:?}"
    );
    drop(idle);
    server.abort();
}
