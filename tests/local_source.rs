//! The file and standard-input sources: re-read, capped, unchanged data detected by hash.

mod support;

use std::time::Duration;

use investboard::feed::source::{FeedSource, FetchError, FetchOptions, Fetched, Fetcher};
use support::child;

async fn fetch(fetcher: &mut Fetcher) -> Result<Fetched, FetchError> {
    tokio::time::timeout(Duration::from_secs(10), fetcher.fetch())
        .await
        .expect("fetch finished in time")
}

async fn body(fetcher: &mut Fetcher) -> Vec<u8> {
    match fetch(fetcher).await.expect("fetch succeeds") {
        Fetched::Modified { body, .. } => Some(body.to_vec()),
        Fetched::NotModified => None,
    }
    .expect("a new body, not NotModified")
}

fn file_fetcher(path: &std::path::Path, options: FetchOptions) -> Fetcher {
    let source = FeedSource::parse(path.to_str().expect("utf-8 path")).expect("source");
    assert!(matches!(source, FeedSource::File(_)));
    Fetcher::new(source, options).expect("fetcher")
}

#[tokio::test]
async fn a_file_is_read_again_on_every_fetch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.json");
    std::fs::write(&path, "first").expect("write");
    let mut f = file_fetcher(&path, FetchOptions::default());
    assert_eq!(body(&mut f).await, b"first");
    assert!(matches!(fetch(&mut f).await, Ok(Fetched::NotModified)));
    std::fs::write(&path, "second").expect("write");
    assert_eq!(body(&mut f).await, b"second");
}

#[tokio::test]
async fn a_missing_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nowhere.json");
    let mut f = file_fetcher(&path, FetchOptions::default());
    let err = fetch(&mut f).await.expect_err("missing");
    assert!(
        matches!(&err, FetchError::Io { error, .. } if error.kind() == std::io::ErrorKind::NotFound)
    );
    assert_eq!(
        err.to_string(),
        format!("cannot read feed file \"{}\": no such file", path.display())
    );
}

#[tokio::test]
async fn a_file_over_the_cap_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.json");
    std::fs::write(&path, vec![b' '; 2000]).expect("write");
    let options = FetchOptions {
        max_body_bytes: 1000,
        ..FetchOptions::default()
    };
    let mut f = file_fetcher(&path, options);
    let err = fetch(&mut f).await.expect_err("too large");
    assert!(
        matches!(err, FetchError::BodyTooLarge { limit: 1000 }),
        "{err:?}"
    );
}

/// A device has no length up front: the cap must hold while reading.
#[cfg(unix)]
#[tokio::test]
async fn an_endless_device_is_cut_off_at_the_cap() {
    let options = FetchOptions {
        max_body_bytes: 1024 * 1024,
        ..FetchOptions::default()
    };
    let mut f = file_fetcher(std::path::Path::new("/dev/zero"), options);
    let err = fetch(&mut f).await.expect_err("too large");
    assert!(matches!(err, FetchError::BodyTooLarge { .. }), "{err:?}");
}

#[test]
fn stdin_is_read_once_then_reported_unchanged() {
    child::run("child_reads_stdin_once", |child| {
        child.write_stdin("{\"projects\":[]}");
    });
}

#[tokio::test]
#[ignore = "fails unless run in a child process by stdin_is_read_once_then_reported_unchanged"]
async fn child_reads_stdin_once() {
    child::assert_started_by_parent("child_reads_stdin_once");
    let mut f = Fetcher::new(FeedSource::Stdin, FetchOptions::default()).expect("fetcher");
    assert_eq!(body(&mut f).await, b"{\"projects\":[]}");
    assert!(matches!(fetch(&mut f).await, Ok(Fetched::NotModified)));
    // The body proved unusable (the poller forgets it): stdin cannot be read again, so it
    // keeps failing instead of passing as "unchanged" (which left the screen on LOADING).
    f.forget_validators();
    assert!(matches!(
        fetch(&mut f).await,
        Err(FetchError::StdinConsumed)
    ));
}

#[test]
fn stdin_over_the_cap_is_refused_and_not_read_again() {
    child::run("child_refuses_large_stdin", |child| {
        child.write_stdin("x".repeat(5000));
    });
}

#[tokio::test]
#[ignore = "fails unless run in a child process by stdin_over_the_cap_is_refused_and_not_read_again"]
async fn child_refuses_large_stdin() {
    child::assert_started_by_parent("child_refuses_large_stdin");
    let options = FetchOptions {
        max_body_bytes: 1000,
        ..FetchOptions::default()
    };
    let mut f = Fetcher::new(FeedSource::Stdin, options).expect("fetcher");
    let err = fetch(&mut f).await.expect_err("too large");
    assert!(
        matches!(err, FetchError::BodyTooLarge { limit: 1000 }),
        "{err:?}"
    );
    let err = fetch(&mut f).await.expect_err("consumed");
    assert!(matches!(err, FetchError::StdinConsumed), "{err:?}");
}
