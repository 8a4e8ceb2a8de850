//! `investboard status` (the real binary) against a misbehaving local server: every fault ends
//! in exit 2 (CRITICAL) with one clear line, within the configured request timeout
//! (`INVESTBOARD_REQUEST_TIMEOUT=1s`) and in bounded memory (peak RSS measured with GNU time,
//! required under CI), and nothing on stderr.

mod support;

use std::time::Duration;

use support::cli::{GNU_TIME, Run, investboard_async};
use support::dash;
use support::{Action as Serve, Body, Reply, TestServer, gzip_bomb};

/// Thirty seconds after the test feeds' `generated_at`.
const NOW: &str = "2026-11-29T10:00:30+08:00";
/// The request timeout given to the binary.
const TIMEOUT: Duration = Duration::from_secs(1);
/// Process start, runtime, parse and print on a busy, shared CI machine. Generous, yet the
/// bound still means something: a run that ignored the configured 1 s and waited out the
/// default 5 s connect or 20 s request timeout (or hung) fails it.
const SLACK: Duration = Duration::from_millis(3500);
/// Peak RSS allowed: the body cap is 1 MiB, so tens of MiB means a cap did not hold.
const MAX_RSS_KIB: u64 = 40 * 1024;

/// `status` on `url` at [`NOW`], with `extra` arguments.
async fn status(url: String, extra: &[&str]) -> Run {
    let mut args = vec!["status", "--feed", &url, "--now", NOW];
    args.extend_from_slice(extra);
    investboard_async(&args, &[]).await
}

/// Exit 2 with `INVESTBOARD CRITICAL - feed unusable: <expected>...` as the only line that
/// matters, in time and in bounded memory; the same fault as JSON says so too.
fn assert_critical(run: &Run, expected: &str) {
    assert_eq!(run.code, Some(2), "{run:#?}");
    let line = run.first_line();
    let wanted = format!("INVESTBOARD CRITICAL - feed unusable: {expected}");
    assert!(line.starts_with(&wanted), "{line:?} is not {wanted:?}");
    assert!(!line.chars().any(char::is_control), "{line:?}");
    assert!(run.stderr.is_empty(), "stderr: {}", run.stderr);
    assert!(run.elapsed < TIMEOUT + SLACK, "took {:?}", run.elapsed);
    assert_bounded(run);
}

/// Peak RSS under the limit; skipped only where GNU time is not installed, and never under CI.
fn assert_bounded(run: &Run) {
    if let Some(kib) = run.max_rss_kib {
        assert!(kib < MAX_RSS_KIB, "peak RSS {kib} KiB");
    } else {
        let installed = std::path::Path::new(GNU_TIME).exists();
        assert!(!installed, "{GNU_TIME} ran but reported no peak RSS");
        support::ci::tool_found(GNU_TIME, installed);
    }
}

/// Serves `fault` to `status` in text, then in JSON.
async fn critical(fault: Serve, expected: &str) -> TestServer {
    let server = TestServer::always(fault).await;
    let run = status(server.url("/feed.json"), &[]).await;
    assert_critical(&run, expected);
    let json = status(server.url("/feed.json"), &["--format", "json"]).await;
    assert_eq!(json.code, Some(2), "{json:#?}");
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(value["status"], "critical");
    let error = value["feed"]["error"].as_str().unwrap_or_default();
    assert!(error.starts_with(expected), "{error:?}");
    assert!(json.elapsed < TIMEOUT + SLACK, "took {:?}", json.elapsed);
    assert_bounded(&json);
    server
}

#[tokio::test]
async fn http_500() {
    critical(Reply::new(500).into(), "HTTP 500 Internal Server Error").await;
}

#[tokio::test]
async fn http_503_with_retry_after() {
    let busy = Reply::new(503).header("Retry-After", "120");
    critical(
        busy.into(),
        "HTTP 503 Service Unavailable (retry after 2 min)",
    )
    .await;
}

#[tokio::test]
async fn http_404() {
    critical(Reply::new(404).into(), "HTTP 404 Not Found").await;
}

#[tokio::test]
async fn http_401() {
    critical(Reply::new(401).into(), "HTTP 401 Unauthorized").await;
}

#[tokio::test]
async fn http_304_to_an_unconditional_request() {
    critical(Reply::new(304).into(), "HTTP 304 Not Modified").await;
}

#[tokio::test]
async fn connection_refused() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let run = status(format!("http://127.0.0.1:{port}/"), &[]).await;
    assert_critical(&run, "connection refused");
}

#[tokio::test]
async fn accepted_and_never_answered() {
    critical(Serve::Hang, "feed request timed out after 1 s").await;
}

#[tokio::test]
async fn headers_then_a_body_trickling_one_byte_a_second() {
    let trickle = Reply::new(200).body(Body::Trickle {
        interval: Duration::from_secs(1),
    });
    critical(trickle.into(), "feed request timed out after 1 s").await;
}

#[tokio::test]
async fn truncated_json() {
    let cut = Reply::ok(r#"{"schema_version":1,"projects":[{"id":"P0","na"#);
    critical(cut.into(), "feed is not JSON: EOF while parsing").await;
}

#[tokio::test]
async fn connection_closed_mid_body() {
    let cut = Reply::new(200).body(Body::Truncated {
        data: br#"{"schema_version":1,"#.to_vec(),
        declared: 4096,
    });
    critical(cut.into(), "the feed body could not be read").await;
}

#[tokio::test]
async fn html_instead_of_json() {
    let html = Reply::ok("<!DOCTYPE html><html><body>Bad gateway</body></html>")
        .header("Content-Type", "text/html");
    critical(html.into(), "feed looks like HTML, not JSON").await;
}

#[tokio::test]
async fn body_over_the_cap_with_content_length() {
    let huge = Reply::new(200).body(Body::Repeat {
        byte: b' ',
        len: 256 * 1024 * 1024,
        chunked: false,
    });
    let server = critical(huge.into(), "feed body exceeds the 1 MiB limit").await;
    assert!(server.body_bytes_sent() < 64 * 1024 * 1024);
}

#[tokio::test]
async fn body_over_the_cap_without_content_length() {
    let endless = Reply::new(200).body(Body::Repeat {
        byte: b' ',
        len: 256 * 1024 * 1024,
        chunked: true,
    });
    let server = critical(endless.into(), "feed body exceeds the 1 MiB limit").await;
    assert!(server.body_bytes_sent() < 64 * 1024 * 1024);
}

#[tokio::test]
async fn a_gzip_bomb() {
    let bomb = Reply::ok(gzip_bomb(256 * 1024 * 1024)).header("Content-Encoding", "gzip");
    critical(bomb.into(), "feed body exceeds the 1 MiB limit").await;
}

#[tokio::test]
async fn invalid_utf8() {
    let mut body = br#"{"schema_version":1,"projects":[{"id":"P","name":""#.to_vec();
    body.extend_from_slice(b"\xff\xfe");
    body.extend_from_slice(br#"","amount_cny":1,"stage":"signed"}]}"#);
    critical(Reply::ok(body).into(), "feed is not UTF-8").await;
}

#[tokio::test]
async fn schema_version_2() {
    let v2 = Reply::ok(r#"{"schema_version":2,"projects":[]}"#);
    critical(v2.into(), "feed schema_version 2 is not supported").await;
}

#[tokio::test]
async fn redirect_to_another_host() {
    let elsewhere = TestServer::always(Reply::ok(dash::good_feed(0, 2))).await;
    let location = format!("http://localhost:{}/feed.json", elsewhere.addr().port());
    critical(
        Reply::new(302).header("Location", &location).into(),
        "the feed server redirected to another origin",
    )
    .await;
    assert!(elsewhere.requests().is_empty());
}

#[tokio::test]
async fn a_feed_alternating_good_and_bad_is_judged_on_each_answer() {
    let server = TestServer::start(|n, _| {
        if n % 2 == 0 {
            Reply::ok(dash::good_feed(0, 3)).into()
        } else {
            Reply::new(500).into()
        }
    })
    .await;
    for round in 0..4 {
        let run = status(server.url("/"), &[]).await;
        if round % 2 == 0 {
            // The good feed has stalled approvals: a warning, with figures.
            assert_eq!(run.code, Some(1), "{run:#?}");
            assert!(
                run.first_line()
                    .starts_with("INVESTBOARD WARNING - 3 stalled approvals; Q4 signed 3/10"),
                "{run:#?}"
            );
            assert_bounded(&run);
        } else {
            assert_critical(&run, "HTTP 500 Internal Server Error");
        }
    }
}
