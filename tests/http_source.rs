//! The feed fetcher against a real local HTTP server that misbehaves on request: timeouts,
//! body caps, gzip bombs, redirects, conditional requests, and secrets kept out of errors.
//! Also the file source. Each test fails if the protection it names is removed.

mod support;

use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;
use investboard::feed::source::{
    FeedSource, FetchError, FetchOptions, Fetched, Fetcher, Secret, TimeoutPhase,
};
use support::{Action, Body, Reply, TestServer, child};

/// Longest any single fetch may take in these tests: a removed timeout fails, never hangs.
const GUARD: Duration = Duration::from_secs(10);

const TOKEN: &str = "TOKEN-SECRET-1";
const QUERY_SECRET: &str = "QUERY-SECRET-2";
const PASSWORD: &str = "PASS-SECRET-3";

fn options() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(5),
        total_timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    }
}

fn fetcher(url: &str, options: FetchOptions) -> Fetcher {
    let source = FeedSource::parse(url).expect("valid source");
    Fetcher::new(source, options).expect("fetcher builds")
}

async fn fetch(fetcher: &mut Fetcher) -> Result<Fetched, FetchError> {
    tokio::time::timeout(GUARD, fetcher.fetch())
        .await
        .expect("fetch finished within the guard time")
}

/// The new body a fetch returned; fails the test on an error or `NotModified`.
async fn body(fetcher: &mut Fetcher) -> Vec<u8> {
    match fetch(fetcher).await.expect("fetch succeeds") {
        Fetched::Modified { body, .. } => Some(body.to_vec()),
        Fetched::NotModified => None,
    }
    .expect("a new body, not NotModified")
}

async fn not_modified(fetcher: &mut Fetcher) -> bool {
    matches!(fetch(fetcher).await, Ok(Fetched::NotModified))
}

async fn error(fetcher: &mut Fetcher) -> FetchError {
    fetch(fetcher).await.expect_err("fetch fails")
}

/// A port nothing listens on: bind, note the port, let the listener go.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(data).expect("compress");
    encoder.finish().expect("compress")
}

#[tokio::test]
async fn a_200_body_is_returned_and_the_request_is_plain() {
    let server = TestServer::always(Reply::ok("{\"projects\":[]}")).await;
    let mut f = fetcher(&server.url("/feed.json?page=2"), options());
    assert_eq!(body(&mut f).await, b"{\"projects\":[]}");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].request_line, "GET /feed.json?page=2 HTTP/1.1");
    assert!(requests[0].header("authorization").is_none());
    assert!(requests[0].header("if-none-match").is_none());
    let agent = requests[0].header("user-agent").unwrap_or_default();
    assert!(agent.starts_with("investboard/"), "{agent}");
}

#[tokio::test]
async fn a_slow_but_timely_server_is_fine() {
    let reply = Reply::ok("ok").delay(Duration::from_millis(200));
    let server = TestServer::always(reply).await;
    let mut f = fetcher(&server.url("/"), options());
    assert_eq!(body(&mut f).await, b"ok");
}

#[tokio::test]
async fn etag_round_trip_turns_304_into_not_modified() {
    let server = TestServer::start(|_, request| {
        if request.header("if-none-match") == Some("W/\"v1\"") {
            Reply::new(304).header("ETag", "W/\"v1\"").into()
        } else {
            Reply::ok("v1 body").header("ETag", "W/\"v1\"").into()
        }
    })
    .await;
    let mut f = fetcher(&server.url("/"), options());
    let etag = match fetch(&mut f).await.expect("first fetch") {
        Fetched::Modified { validators, .. } => validators.etag,
        Fetched::NotModified => None,
    };
    assert_eq!(etag.as_deref(), Some("W/\"v1\""));
    assert!(not_modified(&mut f).await);
    let requests = server.requests();
    assert_eq!(requests[1].header("if-none-match"), Some("W/\"v1\""));
    assert_eq!(
        f.validators().and_then(|v| v.etag.as_deref()),
        Some("W/\"v1\"")
    );
}

#[tokio::test]
async fn last_modified_round_trip_turns_304_into_not_modified() {
    const DATE: &str = "Thu, 31 Mar 2022 09:00:00 GMT";
    let server = TestServer::start(|_, request| {
        if request.header("if-modified-since") == Some(DATE) {
            Reply::new(304).into()
        } else {
            Reply::ok("body").header("Last-Modified", DATE).into()
        }
    })
    .await;
    let mut f = fetcher(&server.url("/"), options());
    assert_eq!(body(&mut f).await, b"body");
    assert!(not_modified(&mut f).await);
    assert_eq!(server.requests()[1].header("if-modified-since"), Some(DATE));
}

#[tokio::test]
async fn the_same_body_without_validators_is_not_modified_by_hash() {
    let server = TestServer::scripted(vec![
        Reply::ok("same").into(),
        Reply::ok("same").into(),
        Reply::ok("changed").into(),
    ])
    .await;
    let mut f = fetcher(&server.url("/"), options());
    assert_eq!(body(&mut f).await, b"same");
    assert!(not_modified(&mut f).await);
    assert_eq!(body(&mut f).await, b"changed");
    assert!(server.requests()[1].header("if-none-match").is_none());
}

#[tokio::test]
async fn a_304_to_an_unconditional_request_is_an_error_not_data() {
    let server = TestServer::always(Reply::new(304)).await;
    let mut f = fetcher(&server.url("/"), options());
    let err = error(&mut f).await;
    assert!(
        matches!(err, FetchError::HttpStatus { status: 304, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn error_statuses_are_http_status_errors() {
    for status in [404, 500] {
        let server = TestServer::always(Reply::new(status)).await;
        let mut f = fetcher(&server.url("/"), options());
        let err = error(&mut f).await;
        assert!(
            matches!(err, FetchError::HttpStatus { status: s, retry_after: None } if s == status),
            "{err:?}"
        );
    }
}

/// A Retry-After in the year 2099 is honoured and shown as the cap (1 h), never as
/// "retry after 638896 h".
#[tokio::test]
async fn a_far_future_retry_after_is_capped_where_it_is_read() {
    let server =
        TestServer::always(Reply::new(503).header("Retry-After", "Thu, 31 Dec 2099 23:59:59 GMT"))
            .await;
    let mut f = fetcher(&server.url("/"), options());
    let err = error(&mut f).await;
    assert!(
        matches!(
            err,
            FetchError::HttpStatus { status: 503, retry_after: Some(after) }
                if after == investboard::feed::source::MAX_RETRY_AFTER
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "HTTP 503 Service Unavailable (retry after 60 min)"
    );
}

#[tokio::test]
async fn retry_after_is_read_from_a_503() {
    let server = TestServer::always(Reply::new(503).header("Retry-After", "7")).await;
    let mut f = fetcher(&server.url("/"), options());
    let err = error(&mut f).await;
    assert!(
        matches!(
            err,
            FetchError::HttpStatus { status: 503, retry_after: Some(after) }
                if after == Duration::from_secs(7)
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "HTTP 503 Service Unavailable (retry after 7 s)"
    );
}

#[tokio::test]
async fn connection_refused_is_a_connect_error() {
    let mut f = fetcher(&format!("http://127.0.0.1:{}/", closed_port()), options());
    let err = error(&mut f).await;
    assert!(matches!(err, FetchError::Connect(_)), "{err:?}");
    assert_eq!(err.to_string(), "connection refused");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_within_the_total_timeout() {
    let server = TestServer::always(Action::Hang).await;
    let total = Duration::from_millis(300);
    let mut f = fetcher(
        &server.url("/"),
        FetchOptions {
            total_timeout: total,
            read_timeout: Duration::from_secs(60),
            ..options()
        },
    );
    let started = Instant::now();
    let err = error(&mut f).await;
    let elapsed = started.elapsed();
    assert!(
        matches!(err, FetchError::Timeout { phase: TimeoutPhase::Total, after } if after == total),
        "{err:?}"
    );
    assert!(elapsed < total + Duration::from_secs(1), "{elapsed:?}");
    assert_eq!(err.to_string(), "feed request timed out after 300 ms");
}

#[tokio::test]
async fn a_silent_server_trips_the_read_timeout() {
    let server = TestServer::always(Action::Hang).await;
    let read = Duration::from_millis(300);
    let mut f = fetcher(
        &server.url("/"),
        FetchOptions {
            read_timeout: read,
            total_timeout: Duration::from_secs(60),
            ..options()
        },
    );
    let started = Instant::now();
    let err = error(&mut f).await;
    assert!(
        matches!(err, FetchError::Timeout { phase: TimeoutPhase::Read, after } if after == read),
        "{err:?}"
    );
    assert!(started.elapsed() < read + Duration::from_secs(1));
}

#[tokio::test]
async fn a_trickled_body_times_out_although_bytes_keep_coming() {
    let trickle = Body::Trickle {
        interval: Duration::from_millis(20),
    };
    let server = TestServer::always(Reply::new(200).body(trickle)).await;
    let total = Duration::from_millis(300);
    let mut f = fetcher(
        &server.url("/"),
        FetchOptions {
            total_timeout: total,
            read_timeout: Duration::from_secs(60),
            ..options()
        },
    );
    let started = Instant::now();
    let err = error(&mut f).await;
    assert!(matches!(err, FetchError::Timeout { .. }), "{err:?}");
    assert!(started.elapsed() < total + Duration::from_secs(1));
}

#[tokio::test]
async fn a_declared_oversize_body_is_refused_before_reading_it() {
    // The body is declared but never sent: only a client that did not wait for it returns
    // before its 5 s timeout.
    let stalled = Body::Stalled {
        declared: 10 * 1024 * 1024,
    };
    let server = TestServer::always(Reply::new(200).body(stalled)).await;
    let mut f = fetcher(
        &server.url("/"),
        FetchOptions {
            max_body_bytes: 1024 * 1024,
            ..options()
        },
    );
    let started = Instant::now();
    let err = error(&mut f).await;
    assert!(
        matches!(err, FetchError::BodyTooLarge { limit: 1_048_576 }),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(err.to_string(), "feed body exceeds the 1 MiB limit");
}

#[tokio::test]
async fn an_oversize_chunked_body_is_cut_off_at_the_cap() {
    let chunked = Body::Chunked {
        data: vec![b'x'; 3 * 64 * 1024],
        chunk: 8 * 1024,
    };
    let server = TestServer::always(Reply::new(200).body(chunked)).await;
    let limit = 64 * 1024;
    let mut f = fetcher(
        &server.url("/"),
        FetchOptions {
            max_body_bytes: limit,
            ..options()
        },
    );
    let err = error(&mut f).await;
    assert!(
        matches!(err, FetchError::BodyTooLarge { limit: l } if l == limit),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_body_exactly_at_the_cap_is_accepted() {
    let server = TestServer::always(Reply::ok(vec![b'x'; 1000])).await;
    let mut f = fetcher(
        &server.url("/"),
        FetchOptions {
            max_body_bytes: 1000,
            ..options()
        },
    );
    assert_eq!(body(&mut f).await.len(), 1000);
}

#[tokio::test]
async fn gzip_is_accepted_and_decoded() {
    let reply = Reply::ok(gzip(b"{\"projects\":[]}")).header("Content-Encoding", "gzip");
    let server = TestServer::always(reply).await;
    let mut f = fetcher(&server.url("/"), options());
    assert_eq!(body(&mut f).await, b"{\"projects\":[]}");
    let accepted = server.requests()[0]
        .header("accept-encoding")
        .unwrap_or_default()
        .to_owned();
    assert!(accepted.contains("gzip"), "{accepted}");
}

#[tokio::test]
async fn a_gzip_bomb_is_stopped_at_the_cap_on_decoded_bytes() {
    let bomb = gzip(&vec![0; 16 * 1024 * 1024]);
    assert!(bomb.len() < 64 * 1024, "the bomb is small on the wire");
    let reply = Reply::ok(bomb).header("Content-Encoding", "gzip");
    let server = TestServer::always(reply).await;
    let mut f = fetcher(
        &server.url("/"),
        FetchOptions {
            max_body_bytes: 1024 * 1024,
            ..options()
        },
    );
    let err = error(&mut f).await;
    assert!(matches!(err, FetchError::BodyTooLarge { .. }), "{err:?}");
}

#[tokio::test]
async fn a_connection_closed_mid_body_is_a_transfer_error() {
    let truncated = Body::Truncated {
        data: b"{\"proj".to_vec(),
        declared: 100,
    };
    let server = TestServer::always(Reply::new(200).body(truncated)).await;
    let mut f = fetcher(&server.url("/"), options());
    let err = error(&mut f).await;
    assert!(matches!(err, FetchError::Transfer(_)), "{err:?}");
}

fn with_token() -> FetchOptions {
    FetchOptions {
        token: Some(Secret::new(TOKEN)),
        ..options()
    }
}

#[tokio::test]
async fn the_token_goes_to_the_feed_origin_as_a_bearer_header() {
    let server = TestServer::always(Reply::ok("ok")).await;
    let mut f = fetcher(&server.url("/"), with_token());
    assert_eq!(body(&mut f).await, b"ok");
    let expected = format!("Bearer {TOKEN}");
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some(expected.as_str())
    );
}

#[tokio::test]
async fn a_same_origin_redirect_is_followed_with_the_token() {
    let server = TestServer::start(|_, request| {
        if request.request_line.starts_with("GET /old ") {
            Reply::new(302).header("Location", "/new").into()
        } else {
            Reply::ok("moved").into()
        }
    })
    .await;
    let mut f = fetcher(&server.url("/old"), with_token());
    assert_eq!(body(&mut f).await, b"moved");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests[1].request_line.starts_with("GET /new "));
    let expected = format!("Bearer {TOKEN}");
    assert_eq!(requests[1].header("authorization"), Some(expected.as_str()));
    assert!(requests[1].header("referer").is_none());
}

#[tokio::test]
async fn a_redirect_to_another_port_is_refused_and_never_reaches_it() {
    let elsewhere = TestServer::always(Reply::ok("stolen")).await;
    let location = elsewhere.url("/feed");
    let server = TestServer::always(Reply::new(302).header("Location", &location)).await;
    let mut f = fetcher(&server.url("/feed"), with_token());
    let err = error(&mut f).await;
    assert!(matches!(err, FetchError::Redirect(_)), "{err:?}");
    let expected = format!(
        "the feed server redirected to another origin (http://{}); not followed",
        elsewhere.addr()
    );
    assert_eq!(err.to_string(), expected);
    assert!(
        elsewhere.requests().is_empty(),
        "{:?}",
        elsewhere.requests()
    );
}

#[tokio::test]
async fn a_redirect_to_another_host_name_is_refused() {
    // Same port, other name: if followed, it would reach this very server a second time.
    let server = TestServer::start(|n, request| {
        let port = request
            .header("host")
            .and_then(|h| h.rsplit_once(':'))
            .map(|(_, p)| p);
        match (n, port) {
            (0, Some(port)) => {
                let location = format!("http://localhost:{port}/feed");
                Reply::new(307).header("Location", &location).into()
            }
            _ => Reply::ok("followed").into(),
        }
    })
    .await;
    let mut f = fetcher(&server.url("/feed"), with_token());
    let err = error(&mut f).await;
    assert!(matches!(err, FetchError::Redirect(_)), "{err:?}");
    assert_eq!(server.requests().len(), 1, "{:?}", server.requests());
}

#[tokio::test]
async fn redirects_stop_after_five_hops() {
    let server = TestServer::always(Reply::new(302).header("Location", "/again")).await;
    let mut f = fetcher(&server.url("/"), options());
    let err = error(&mut f).await;
    assert_eq!(
        err.to_string(),
        "the feed server redirected more than 5 times"
    );
    assert_eq!(server.requests().len(), 6, "the request and 5 redirects");
}

#[tokio::test]
async fn https_only_refuses_a_plain_http_url() {
    let server = TestServer::always(Reply::ok("plain")).await;
    let options = FetchOptions {
        https_only: true,
        ..options()
    };
    let source = FeedSource::parse(&server.url("/")).expect("valid source");
    let result = match Fetcher::new(source, options) {
        Ok(mut f) => fetch(&mut f).await.map(|_| ()),
        Err(err) => Err(err),
    };
    assert!(matches!(result, Err(FetchError::InsecureUrl)), "{result:?}");
    assert!(server.requests().is_empty());
}

/// A plain HTTP server that answers anything, a TLS hello included, with a 400 at once.
async fn plain_http_responder() -> std::net::SocketAddr {
    use tokio::io::AsyncWriteExt as _;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let _ = stream
                .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                .await;
        }
    });
    addr
}

#[tokio::test]
async fn https_to_a_plain_server_is_a_tls_error() {
    let addr = plain_http_responder().await;
    let mut f = fetcher(&format!("https://{addr}/"), options());
    let err = error(&mut f).await;
    assert!(matches!(err, FetchError::Tls(_)), "{err:?}");
}

fn assert_no_secret(err: &FetchError) {
    let shown = format!("{err} | {err:?}");
    for secret in [TOKEN, QUERY_SECRET, PASSWORD] {
        assert!(!shown.contains(secret), "{secret} leaked: {shown}");
    }
    assert!(!err.to_string().contains('\n'), "one line: {err}");
}

/// Every failure the server can provoke, with the token in the header and a secret in the
/// query: neither may reach any message.
#[tokio::test]
async fn errors_never_show_the_token_or_the_query() {
    let short = FetchOptions {
        total_timeout: Duration::from_millis(300),
        max_body_bytes: 1024,
        ..with_token()
    };
    let elsewhere = format!("http://localhost:{}/x?key={QUERY_SECRET}", closed_port());
    let scenarios: Vec<Action> = vec![
        Reply::new(404).into(),
        Reply::new(500).header("Retry-After", "5").into(),
        Action::Hang,
        Action::Close,
        Reply::new(200)
            .body(Body::Truncated {
                data: b"{".to_vec(),
                declared: 10,
            })
            .into(),
        Reply::ok("not gzip at all")
            .header("Content-Encoding", "gzip")
            .into(),
        Reply::new(200)
            .body(Body::Stalled { declared: 4096 })
            .into(),
        Reply::new(302).header("Location", &elsewhere).into(),
        Reply::new(302)
            .header("Location", "/again?key=QUERY-SECRET-2")
            .into(),
    ];
    let path = format!("/feed?key={QUERY_SECRET}&page=1");
    for action in scenarios {
        let server = TestServer::always(action.clone()).await;
        let mut f = fetcher(&server.url(&path), short.clone());
        let err = error(&mut f).await;
        assert_no_secret(&err);
        let debug = format!("{f:?}");
        assert!(
            !debug.contains(TOKEN) && !debug.contains(QUERY_SECRET),
            "{debug}"
        );
    }
    let refused = format!("http://127.0.0.1:{}{path}", closed_port());
    assert_no_secret(&error(&mut fetcher(&refused, short.clone())).await);
    let tls = format!("https://{}{path}", plain_http_responder().await);
    assert_no_secret(&error(&mut fetcher(&tls, short)).await);
}

/// Credentials in the URL itself (sent as Basic auth) stay out of messages too.
#[tokio::test]
async fn errors_never_show_the_urls_userinfo() {
    let short = FetchOptions {
        total_timeout: Duration::from_millis(300),
        ..options()
    };
    for action in [Reply::new(500).into(), Action::Hang, Action::Close] {
        let server = TestServer::always(action).await;
        let url = format!(
            "http://reader:{PASSWORD}@{}/feed?key={QUERY_SECRET}",
            server.addr()
        );
        let mut f = fetcher(&url, short.clone());
        assert_no_secret(&error(&mut f).await);
        // Base64 of "reader:PASS-SECRET-3".
        assert_eq!(
            server.requests()[0].header("authorization"),
            Some("Basic cmVhZGVyOlBBU1MtU0VDUkVULTM=")
        );
    }
    let url = format!("http://reader:{PASSWORD}@127.0.0.1:{}/", closed_port());
    assert_no_secret(&error(&mut fetcher(&url, short)).await);
}

/// Run in a child process by `proxy_variables_are_ignored`, which sets them.
#[tokio::test]
#[ignore = "fails unless run in a child process by proxy_variables_are_ignored"]
async fn child_fetch_with_proxy_variables_set() {
    child::assert_started_by_parent("child_fetch_with_proxy_variables_set");
    let server = TestServer::always(Reply::ok("direct")).await;
    let mut f = fetcher(&server.url("/"), options());
    assert_eq!(body(&mut f).await, b"direct");
}

#[test]
fn proxy_variables_are_ignored() {
    let sink = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    sink.set_nonblocking(true).expect("nonblocking");
    let proxy = format!("http://{}", sink.local_addr().expect("addr"));
    child::run("child_fetch_with_proxy_variables_set", |child| {
        for name in ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
            child.env(name, &proxy);
        }
        child.env_remove("NO_PROXY").env_remove("no_proxy");
    });
    let reached = sink.accept();
    assert!(
        matches!(&reached, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "the client connected to the proxy: {reached:?}"
    );
}
