//! Transport security through the real binary: TLS verification is never turned off, plain
//! http to another machine is used but warned about, `https_only` refuses http before any
//! contact (exit 3), and the bearer token goes to the feed's own origin only and never appears
//! in any output (status text and JSON, check-feed, stderr), whatever fails.

mod support;

use std::path::Path;

use investboard::feed::source::{FeedSource, PLAIN_HTTP_WARNING};
use support::cli::{Run, investboard_async};
use support::dash;
use support::{Action as Serve, Body, Reply, TestServer};

const NOW: &str = "2026-11-29T10:00:30+08:00";
const TOKEN: &str = "TOKEN-SECRET-E2E-7f3a";
const PASSWORD: &str = "PASS-SECRET-E2E-91c2";
const QUERY_SECRET: &str = "QUERY-SECRET-E2E-5d0e";

/// Text that switches certificate or host-name checks off, or writes TLS keys to a file.
const TLS_BYPASSES: [&str; 6] = [
    "danger_accept_invalid_certs",
    "danger_accept_invalid_hostnames",
    "dangerous()",
    "ServerCertVerifier",
    "tls_sslkeylogfile",
    "KeyLogFile",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_switches_tls_verification_off() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 10, "found only {files:?}");
    files.push(root.join("Cargo.toml"));
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        for bypass in TLS_BYPASSES {
            assert!(
                !text.contains(bypass),
                "{} contains {bypass}",
                file.display()
            );
        }
    }
}

#[test]
fn plain_http_is_flagged_unless_it_stays_on_this_machine() {
    let warning = |url: &str| FeedSource::parse(url).expect("valid").plain_http_warning();
    assert_eq!(
        warning("http://feeds.example.org/f.json"),
        Some(PLAIN_HTTP_WARNING)
    );
    assert_eq!(warning("https://feeds.example.org/f.json"), None);
    assert_eq!(warning("http://127.0.0.1:8080/"), None);
    assert_eq!(warning("http://[::1]:8080/"), None);
    assert_eq!(warning("http://localhost/"), None);
}

fn status_args<'a>(url: &'a str, format: &'a str) -> Vec<&'a str> {
    vec!["status", "--feed", url, "--now", NOW, "--format", format]
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).expect("valid JSON")
}

#[tokio::test]
async fn plain_http_to_another_machine_works_with_a_visible_warning() {
    let server = TestServer::always(Reply::ok(dash::good_feed(0, 2))).await;
    // 0.0.0.0 reaches this machine's loopback, but it is not a loopback name: the warning
    // shows as it would for a feed across the network.
    let far = format!("http://0.0.0.0:{}/feed.json", server.addr().port());
    let text = investboard_async(&status_args(&far, "text"), &[]).await;
    assert_eq!(text.code, Some(1), "the data is used: {text:#?}");
    assert!(
        text.stdout
            .contains(&format!("Warning:  {PLAIN_HTTP_WARNING}")),
        "{}",
        text.stdout
    );
    let run = investboard_async(&status_args(&far, "json"), &[]).await;
    let warnings = json(&run)["feed"]["warnings"].clone();
    assert_eq!(
        warnings,
        serde_json::json!([PLAIN_HTTP_WARNING]),
        "{warnings}"
    );
    let check = investboard_async(&["check-feed", &far, "--now", NOW], &[]).await;
    assert!(
        check
            .stdout
            .contains(&format!("WARNING  {PLAIN_HTTP_WARNING}")),
        "{}",
        check.stdout
    );

    let near = server.url("/feed.json");
    let run = investboard_async(&status_args(&near, "json"), &[]).await;
    assert_eq!(json(&run)["feed"]["warnings"], serde_json::json!([]));
}

#[tokio::test]
async fn https_only_refuses_an_http_feed_before_any_contact_with_exit_3() {
    let server = TestServer::always(Reply::ok(dash::good_feed(0, 2))).await;
    let url = server.url("/feed.json");
    let strict = [("INVESTBOARD_HTTPS_ONLY", "true")];
    let expected =
        "investboard: the feed URL uses plain http but https_only is set: use an https:// URL\n";
    for format in ["text", "json"] {
        let run = investboard_async(&status_args(&url, format), &strict).await;
        assert_eq!(run.code, Some(3), "{run:#?}");
        assert_eq!(run.stderr, expected);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    let run = investboard_async(&["check-feed", &url], &strict).await;
    assert_eq!(run.code, Some(3), "{run:#?}");
    assert_eq!(run.stderr, expected);
    assert!(server.requests().is_empty(), "{:?}", server.requests());
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
async fn https_to_a_plain_http_server_is_a_tls_error() {
    let url = format!("https://{}/", plain_http_responder().await);
    let run = investboard_async(&status_args(&url, "text"), &[]).await;
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(
        run.first_line()
            .starts_with("INVESTBOARD CRITICAL - feed unusable: TLS error"),
        "{run:#?}"
    );
}

#[tokio::test]
async fn the_token_goes_to_the_feed_origin_only() {
    let elsewhere = TestServer::always(Reply::ok(dash::good_feed(9, 1))).await;
    let location = format!("http://localhost:{}/stolen", elsewhere.addr().port());
    let server = TestServer::start(move |_, request| {
        if request.request_line.starts_with("GET /away ") {
            Reply::new(302).header("Location", &location).into()
        } else if request.request_line.starts_with("GET /moved ") {
            Reply::new(301).header("Location", "/feed.json").into()
        } else {
            Reply::ok(dash::good_feed(0, 2)).into()
        }
    })
    .await;
    let token = [("INVESTBOARD_TOKEN", TOKEN)];
    let run = investboard_async(&status_args(&server.url("/moved"), "text"), &token).await;
    assert_eq!(run.code, Some(1), "{run:#?}");
    let run = investboard_async(&status_args(&server.url("/away"), "text"), &token).await;
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.first_line().contains("redirected to another origin"));
    let bearer = format!("Bearer {TOKEN}");
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "{requests:?}");
    assert!(
        requests
            .iter()
            .all(|r| r.header("authorization") == Some(bearer.as_str())),
        "{requests:?}"
    );
    assert!(
        elsewhere.requests().is_empty(),
        "{:?}",
        elsewhere.requests()
    );
}

fn assert_no_secret(what: &str, run: &Run) {
    let all = run.all_output();
    for secret in [TOKEN, PASSWORD, QUERY_SECRET] {
        assert!(!all.contains(secret), "{what}: {secret} leaked:\n{all}");
    }
}

/// Every failure the server can provoke, and every output, with the token set (from the
/// environment, then from a token file) and secrets in the URL's userinfo and query.
#[tokio::test]
async fn no_failure_prints_the_token_or_the_urls_secrets() {
    let token_file = tempfile::NamedTempFile::new().expect("temp");
    std::fs::write(token_file.path(), format!("{TOKEN}\n")).expect("write");
    let token_path = token_file.path().to_str().expect("utf-8 path").to_owned();
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let faults: Vec<Serve> = vec![
        Reply::ok(dash::good_feed(0, 1)).into(),
        Reply::new(401).header("WWW-Authenticate", "Bearer").into(),
        Reply::new(500).into(),
        Serve::Hang,
        Serve::Close,
        Reply::ok("<html>login</html>").into(),
        Reply::new(200)
            .body(Body::Truncated {
                data: b"{".to_vec(),
                declared: 10,
            })
            .into(),
        Reply::new(302)
            .header(
                "Location",
                &format!("http://localhost:{closed}/x?key={QUERY_SECRET}"),
            )
            .into(),
        Reply::new(302)
            .header("Location", &format!("/again?key={QUERY_SECRET}"))
            .into(),
    ];
    let path = format!("/feed.json?key={QUERY_SECRET}");
    for fault in faults {
        let server = TestServer::always(fault.clone()).await;
        let with_query = server.url(&path);
        let with_userinfo = format!("http://reader:{PASSWORD}@{}{path}", server.addr());
        for (env_key, env_value) in [
            ("INVESTBOARD_TOKEN", TOKEN),
            ("INVESTBOARD_TOKEN_FILE", token_path.as_str()),
        ] {
            let env = [(env_key, env_value)];
            for format in ["text", "json"] {
                let run = investboard_async(&status_args(&with_query, format), &env).await;
                assert_no_secret(&format!("{fault:?} status {format}"), &run);
            }
            let run = investboard_async(&["check-feed", &with_query, "--now", NOW], &env).await;
            assert_no_secret(&format!("{fault:?} check-feed"), &run);
        }
        // Credentials in the URL (no token: the two together are refused).
        let run = investboard_async(&status_args(&with_userinfo, "json"), &[]).await;
        assert_no_secret(&format!("{fault:?} userinfo"), &run);
    }
    let refused = format!("http://127.0.0.1:{closed}{path}");
    let run = investboard_async(
        &status_args(&refused, "text"),
        &[("INVESTBOARD_TOKEN", TOKEN)],
    )
    .await;
    assert_no_secret("connection refused", &run);
}

#[tokio::test]
async fn a_token_that_cannot_be_sent_is_refused_without_echoing_it() {
    let server = TestServer::always(Reply::ok(dash::good_feed(0, 1))).await;
    let url = server.url("/");
    let bad = format!("{TOKEN}\u{7f}x");
    let run = investboard_async(&status_args(&url, "text"), &[("INVESTBOARD_TOKEN", &bad)]).await;
    assert_eq!(run.code, Some(3), "{run:#?}");
    assert!(
        run.stderr
            .contains("the token has characters not allowed in an HTTP header"),
        "{run:#?}"
    );
    assert_no_secret("bad token", &run);
    let both = format!("http://reader:{PASSWORD}@{}/", server.addr());
    let run = investboard_async(&status_args(&both, "text"), &[("INVESTBOARD_TOKEN", TOKEN)]).await;
    assert_eq!(run.code, Some(3), "{run:#?}");
    assert_no_secret("userinfo and token", &run);
    assert!(server.requests().is_empty());
}
