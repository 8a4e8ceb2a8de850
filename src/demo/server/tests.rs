use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeDelta};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{Limits, Status, bind, matches, parse, serve_with};
use crate::demo::DemoFeed;

fn epoch() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-29T10:00:00+08:00").expect("epoch")
}

/// A server on an ephemeral port whose clock is `epoch + offset` (microseconds, adjustable).
struct TestServer {
    addr: SocketAddr,
    offset_micros: Arc<AtomicI64>,
    feed: Arc<DemoFeed>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// A head deadline short enough for a test, far below the idle time.
const QUICK: Limits = Limits {
    head: Duration::from_millis(300),
    idle: Duration::from_secs(10),
    ..Limits::SERVED
};

impl TestServer {
    async fn start() -> TestServer {
        TestServer::start_with(Limits::SERVED).await
    }

    async fn start_with(limits: Limits) -> TestServer {
        let feed = Arc::new(DemoFeed::new(2026, epoch(), 120));
        let (listener, addr) = bind("127.0.0.1:0").await.expect("bind");
        let offset_micros = Arc::new(AtomicI64::new(0));
        let offset = Arc::clone(&offset_micros);
        let clock = move || epoch() + TimeDelta::microseconds(offset.load(Ordering::SeqCst));
        let feed_served = Arc::clone(&feed);
        let task = tokio::spawn(serve_with(listener, feed_served, Arc::new(clock), limits));
        TestServer {
            addr,
            offset_micros,
            feed,
            task,
        }
    }

    fn now(&self) -> DateTime<FixedOffset> {
        epoch() + TimeDelta::microseconds(self.offset_micros.load(Ordering::SeqCst))
    }

    fn set_now(&self, now: DateTime<FixedOffset>) {
        let micros = (now - epoch()).num_microseconds().expect("small offset");
        self.offset_micros.store(micros, Ordering::SeqCst);
    }

    async fn connect(&self) -> TcpStream {
        TcpStream::connect(self.addr).await.expect("connect")
    }

    /// Sends `raw` on a fresh connection and reads one response.
    async fn send(&self, raw: &[u8], head_request: bool) -> Reply {
        let mut stream = self.connect().await;
        stream.write_all(raw).await.expect("send");
        read_reply(&mut stream, head_request).await
    }

    async fn get(&self, extra_headers: &str) -> Reply {
        let raw =
            format!("GET / HTTP/1.1\r\nHost: demo\r\nConnection: close\r\n{extra_headers}\r\n");
        self.send(raw.as_bytes(), false).await
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one response: the head, then `Content-Length` bytes unless there is no body. Reads
/// exactly one response and no byte more, so pipelined responses stay on the stream for the
/// next call.
async fn read_reply(stream: &mut TcpStream, head_request: bool) -> Reply {
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        let byte = stream.read_u8().await.unwrap_or_else(|e| {
            let seen = String::from_utf8_lossy(&head);
            unreachable!("connection closed before a full response head ({e}): {seen:?}")
        });
        head.push(byte);
    }
    let head = String::from_utf8(head).expect("ASCII head");
    let mut lines = head.trim_end().split("\r\n");
    let status_line = lines.next().expect("status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status code");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.to_owned(), v.trim().to_owned()))
        .collect();
    let mut reply = Reply {
        status,
        headers,
        body: Vec::new(),
    };
    let length: usize = reply
        .header("content-length")
        .map_or(0, |v| v.parse().expect("length"));
    if !head_request && status != 304 {
        reply.body = vec![0_u8; length];
        stream
            .read_exact(&mut reply.body)
            .await
            .expect("the whole body");
    } else {
        // Nothing may follow a bodiless response (until the client asks again).
        let mut probe = [0_u8; 1];
        let early = tokio::time::timeout(Duration::from_millis(50), stream.peek(&mut probe)).await;
        assert!(
            !matches!(early, Ok(Ok(n)) if n > 0),
            "a body after a bodiless response"
        );
    }
    reply
}

#[tokio::test]
async fn get_returns_the_feed_then_304_until_the_next_event() {
    let server = TestServer::start().await;
    let first = server.get("").await;
    assert_eq!(first.status, 200);
    assert_eq!(first.header("content-type"), Some("application/json"));
    assert_eq!(first.header("cache-control"), Some("no-cache"));
    let etag = first.header("etag").expect("etag").to_owned();
    assert_eq!(etag, format!("\"{}\"", server.feed.revision_at(epoch())));
    let doc: serde_json::Value = serde_json::from_slice(&first.body).expect("JSON body");
    assert_eq!(doc["schema_version"], 1);

    let unchanged = server.get(&format!("If-None-Match: {etag}\r\n")).await;
    assert_eq!(unchanged.status, 304);
    assert_eq!(unchanged.header("etag"), Some(etag.as_str()));

    let next = server
        .feed
        .next_event_after(server.now())
        .expect("the feed moves");
    server.set_now(next - TimeDelta::microseconds(1));
    assert_eq!(
        server
            .get(&format!("If-None-Match: {etag}\r\n"))
            .await
            .status,
        304
    );
    server.set_now(next);
    let changed = server.get(&format!("If-None-Match: {etag}\r\n")).await;
    assert_eq!(changed.status, 200);
    assert_ne!(changed.header("etag"), Some(etag.as_str()));
    assert_ne!(changed.body, first.body);
}

#[tokio::test]
async fn if_none_match_accepts_lists_weak_tags_and_star() {
    let server = TestServer::start().await;
    let etag = format!("\"{}\"", server.feed.revision_at(epoch()));
    for header in [
        format!("If-None-Match: \"nope\", {etag}\r\n"),
        format!("If-None-Match: W/{etag}\r\n"),
        "If-None-Match: *\r\n".to_owned(),
    ] {
        assert_eq!(server.get(&header).await.status, 304, "{header}");
    }
    assert_eq!(server.get("If-None-Match: \"0\"\r\n").await.status, 200);
}

#[tokio::test]
async fn head_sends_the_headers_of_get_without_a_body() {
    let server = TestServer::start().await;
    let reply = server
        .send(
            b"HEAD /feed.json HTTP/1.1\r\nHost: demo\r\nConnection: close\r\n\r\n",
            true,
        )
        .await;
    assert_eq!(reply.status, 200);
    let expected = server.feed.document_at(epoch()).len().to_string();
    assert_eq!(reply.header("content-length"), Some(expected.as_str()));
    let etag = format!("\"{}\"", server.feed.revision_at(epoch()));
    assert_eq!(reply.header("etag"), Some(etag.as_str()));
}

#[tokio::test]
async fn other_methods_get_405_with_allow() {
    let server = TestServer::start().await;
    let reply = server
        .send(
            b"POST / HTTP/1.1\r\nHost: demo\r\nContent-Length: 2\r\n\r\n{}",
            false,
        )
        .await;
    assert_eq!(reply.status, 405);
    assert_eq!(reply.header("allow"), Some("GET, HEAD"));
    assert_eq!(reply.header("connection"), Some("close"));
}

#[tokio::test]
async fn malformed_requests_get_400_and_the_server_keeps_serving() {
    let server = TestServer::start().await;
    let cases: [(&[u8], u16); 9] = [
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET /\r\n\r\n", 400),
        (b"GET / HTTP/1.1 extra\r\nHost: demo\r\n\r\n", 400),
        (b"G\x01T / HTTP/1.1\r\nHost: demo\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost demo\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost : demo\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),
        (b"GET / HTTP/2.0\r\nHost: demo\r\n\r\n", 505),
        (b"\xff\xfe\r\n\r\n", 400),
    ];
    for (raw, expected) in cases {
        let reply = server.send(raw, false).await;
        assert_eq!(reply.status, expected, "{}", String::from_utf8_lossy(raw));
        assert_eq!(reply.header("connection"), Some("close"));
    }
    // A request cut short by the client, then one too large.
    let mut cut = server.connect().await;
    cut.write_all(b"GET / HTTP/1.1\r\nHost: de")
        .await
        .expect("send");
    cut.shutdown().await.expect("half-close");
    assert_eq!(read_reply(&mut cut, false).await.status, 400);
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: demo\r\nX-Pad: {}\r\n\r\n",
        "a".repeat(20_000)
    );
    assert_eq!(server.send(huge.as_bytes(), false).await.status, 431);
    assert_eq!(server.get("").await.status, 200);
}

#[tokio::test]
async fn keep_alive_serves_several_requests_on_one_connection() {
    let server = TestServer::start().await;
    let mut stream = server.connect().await;
    let request = b"GET / HTTP/1.1\r\nHost: demo\r\n\r\n";
    let first = {
        stream.write_all(request).await.expect("send");
        read_reply(&mut stream, false).await
    };
    assert_eq!(first.status, 200);
    assert_eq!(first.header("connection"), Some("keep-alive"));
    // Two pipelined requests in one write.
    stream
        .write_all(&[request.as_slice(), request.as_slice()].concat())
        .await
        .expect("send");
    for _ in 0..2 {
        let reply = read_reply(&mut stream, false).await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body, first.body);
    }
}

#[tokio::test]
async fn a_silent_client_does_not_hold_up_others() {
    let server = TestServer::start().await;
    let _silent = server.connect().await;
    let mut slow = server.connect().await;
    slow.write_all(b"GET / HTTP/1.1\r\n").await.expect("send");
    // Well under the head and idle timeouts the two would otherwise hold it up for: a
    // regression fails here instead of hanging the test.
    let reply = tokio::time::timeout(Duration::from_secs(5), server.get(""))
        .await
        .expect("answered while the others stay silent");
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_dropped_at_the_head_deadline() {
    let server = TestServer::start_with(QUICK).await;
    let started = Instant::now();
    let mut silent = server.connect().await;
    let mut byte = [0_u8; 1];
    // Before, a new connection could idle as long as a kept-alive one (10 s here).
    let read = tokio::time::timeout(Duration::from_secs(5), silent.read(&mut byte))
        .await
        .expect("dropped well before the idle time");
    assert_eq!(read.expect("a clean close"), 0, "closed without a word");
    assert!(started.elapsed() >= QUICK.head, "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_kept_alive_connection_may_idle_past_the_head_deadline() {
    let server = TestServer::start_with(QUICK).await;
    let mut stream = server.connect().await;
    let request = b"GET / HTTP/1.1\r\nHost: demo\r\n\r\n";
    for _ in 0..2 {
        stream.write_all(request).await.expect("send");
        assert_eq!(read_reply(&mut stream, false).await.status, 200);
        // A poller's pause between polls: only the idle time limits it.
        tokio::time::sleep(QUICK.head * 2).await;
    }
}

#[test]
fn parse_reads_method_conditional_and_connection() {
    let request =
        parse(b"GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"4\"\r\nif-none-match: \"5\"\r\n\r\n")
            .expect("valid request");
    assert_eq!(request.if_none_match.as_deref(), Some("\"4\", \"5\""));
    assert!(request.keep_alive);
    let request = parse(b"HEAD / HTTP/1.0\r\n\r\n").expect("HTTP/1.0 needs no Host");
    assert!(!request.keep_alive);
    let request = parse(b"GET / HTTP/1.0\nConnection: keep-alive\n\n").expect("bare LF");
    assert!(request.keep_alive);
    assert!(
        !parse(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n")
            .expect("ok")
            .keep_alive
    );
    assert!(
        !parse(b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            .expect("ok")
            .keep_alive
    );
    assert_eq!(
        parse(b"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n").err(),
        Some(Status::BadRequest)
    );
    let many = "X-Many: y\r\n".repeat(200);
    let raw = format!("GET / HTTP/1.1\r\nHost: x\r\n{many}\r\n");
    assert_eq!(parse(raw.as_bytes()).err(), Some(Status::HeaderTooLarge));
}

#[test]
fn entity_tags_compare_weakly() {
    assert!(matches("\"7\"", "\"7\""));
    assert!(matches("W/\"7\"", "\"7\""));
    assert!(matches(" \"1\" , \"7\" ", "\"7\""));
    assert!(matches("*", "\"7\""));
    assert!(!matches("\"70\"", "\"7\""));
    assert!(!matches("7", "\"7\""));
}
