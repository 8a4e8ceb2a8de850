//! Where the feed comes from ([`FeedSource`]), how it is fetched ([`FetchOptions`], [`Fetcher`])
//! and what can go wrong ([`FetchError`]). Returns bytes; knows nothing of the feed's JSON.
//! [`FetchError`] and [`Secret`] live in their own private files and are re-exported here, so
//! this is the one path callers use.
//!
//! Every message this module produces is one line and safe to show on a wall screen: URLs are
//! shown without userinfo, query values or fragment, and the token never appears.

use std::fmt;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use reqwest::Url;

use super::body::Body;
pub use super::error::{FetchError, SourceError, TimeoutPhase};
use super::http::{HttpFetcher, Outcome};
use super::local;
pub use super::options::{FetchOptions, MAX_RETRY_AFTER, Validators};
pub use super::secret::{Secret, TOKEN_ENV};
pub use super::sink::ChunkConsumer;
use super::sink::{Matching, Received};
use super::stamp::FileStamp;
use crate::sanitize::escape_controls;

/// Where the feed document is read from.
///
/// `Debug` and `Display` both print [`FeedSource::display_redacted`], so the source can be
/// logged or shown without leaking credentials kept in the URL.
#[derive(Clone, PartialEq, Eq)]
pub enum FeedSource {
    /// An `http://` or `https://` URL, polled with conditional requests.
    Http(Url),
    /// A file, checked on every fetch: re-read unless its stamp (inode, length, times) shows
    /// it unchanged since a read it can vouch for (see `stamp.rs`).
    File(PathBuf),
    /// Standard input, read once to its end.
    Stdin,
}

impl FeedSource {
    /// Parses a source as the user writes it: `-` is standard input, a URL with the `http` or
    /// `https` scheme is fetched over HTTP, and anything else without a `scheme://` prefix is a
    /// file path. Another scheme (`ftp://...`) is refused rather than taken for a path.
    pub fn parse(s: &str) -> Result<FeedSource, SourceError> {
        if s == "-" {
            return Ok(FeedSource::Stdin);
        }
        if s.trim().is_empty() {
            return Err(SourceError::Empty);
        }
        if let Some((scheme, _)) = s.split_once("://")
            && is_scheme(scheme)
        {
            let scheme = scheme.to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return Err(SourceError::UnsupportedScheme { scheme });
            }
            // The parse error's text never repeats the input, which may hold a secret.
            return Url::parse(s)
                .map(FeedSource::Http)
                .map_err(|e| SourceError::InvalidUrl {
                    reason: e.to_string(),
                });
        }
        Ok(FeedSource::File(PathBuf::from(s)))
    }

    /// For a plain `http://` URL to another machine: a warning that the feed travels
    /// unencrypted, so anyone on the way can read it or change the figures. Loopback hosts
    /// (`127.0.0.0/8`, `::1`, `localhost`) are exempt: that traffic never leaves the machine.
    pub fn plain_http_warning(&self) -> Option<&'static str> {
        let FeedSource::Http(url) = self else {
            return None;
        };
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let loopback = host == "localhost"
            || host.ends_with(".localhost")
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        (url.scheme() == "http" && !loopback).then_some(PLAIN_HTTP_WARNING)
    }

    /// The source in a form safe to print: URLs lose their userinfo, query values and
    /// fragment (query keys stay, to tell `?token=` from `?page=`); control characters in
    /// paths are escaped.
    pub fn display_redacted(&self) -> String {
        match self {
            FeedSource::Http(url) => redact_url(url),
            FeedSource::File(path) => escape_controls(&path.display().to_string()),
            FeedSource::Stdin => "standard input".to_owned(),
        }
    }
}

impl fmt::Display for FeedSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_redacted())
    }
}

impl fmt::Debug for FeedSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let variant = match self {
            FeedSource::Http(_) => "Http",
            FeedSource::File(_) => "File",
            FeedSource::Stdin => return f.write_str("Stdin"),
        };
        f.debug_tuple(variant)
            .field(&self.display_redacted())
            .finish()
    }
}

/// What [`FeedSource::plain_http_warning`] says, on the dashboard and in `status`.
pub const PLAIN_HTTP_WARNING: &str =
    "feed over plain http: not encrypted, can be read or altered in transit (use https)";

/// RFC 3986 scheme: a letter, then letters, digits, `+`, `-` or `.`.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn redact_url(url: &Url) -> String {
    let mut shown = url.clone();
    // Both setters only fail for URLs that cannot have userinfo, which then has none to leak.
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    shown.set_fragment(None);
    let query = shown.query().map(|q| {
        q.split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) => format!("{key}=[redacted]"),
                None => "[redacted]".to_owned(),
            })
            .collect::<Vec<_>>()
            .join("&")
    });
    shown.set_query(None);
    match query {
        Some(q) => format!("{shown}?{q}"),
        None => shown.to_string(),
    }
}

/// The outcome of a successful fetch: by default the body whole; with
/// [`Fetcher::fetch_with`], what a [`ChunkConsumer`] made of it as it was read. `Debug` shows
/// the body's `Debug` (a [`Body`]'s length, not its bytes).
pub enum Fetched<T = Body> {
    /// A body different from the previous one.
    Modified {
        body: T,
        /// Its length in bytes.
        bytes: u64,
        validators: Validators,
    },
    /// The feed is the same as last time (HTTP 304, or the same bytes again): keep the data
    /// already decoded, and count this as contact with the feed.
    NotModified,
}

impl<T: fmt::Debug> fmt::Debug for Fetched<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fetched::Modified {
                body,
                bytes,
                validators,
            } => f
                .debug_struct("Modified")
                .field("body", body)
                .field("bytes", bytes)
                .field("validators", validators)
                .finish(),
            Fetched::NotModified => f.write_str("NotModified"),
        }
    }
}

/// Fetches one [`FeedSource`] again and again, remembering what it last saw so unchanged
/// data comes back as [`Fetched::NotModified`]. The HTTP client is built once, in `new`.
pub struct Fetcher {
    source: FeedSource,
    options: FetchOptions,
    backend: Backend,
    last: Option<Validators>,
}

enum Backend {
    Http(HttpFetcher),
    File {
        path: PathBuf,
        /// The stamp of the file as last read, when settled enough to stand for its content.
        stamp: Option<FileStamp>,
    },
    Stdin(StdinState),
}

/// Standard input can be read only once.
#[derive(Clone, Copy)]
enum StdinState {
    Unread,
    /// Read whole: later fetches report it unchanged.
    Read,
    /// Reading failed part-way: nothing more will come.
    Failed,
}

impl Fetcher {
    /// Checks the options against the source and, for a URL, builds the HTTP client
    /// (installing the `ring` crypto provider as the process default if none is).
    pub fn new(source: FeedSource, options: FetchOptions) -> Result<Fetcher, FetchError> {
        let backend = match &source {
            FeedSource::Http(url) => Backend::Http(HttpFetcher::new(url.clone(), &options)?),
            FeedSource::File(path) => Backend::File {
                path: path.clone(),
                stamp: None,
            },
            FeedSource::Stdin => Backend::Stdin(StdinState::Unread),
        };
        Ok(Fetcher {
            source,
            options,
            backend,
            last: None,
        })
    }

    /// Fetches the feed once, the body whole. Unchanged data (HTTP 304, or a body hashing
    /// like the last one) is [`Fetched::NotModified`]. A failed fetch leaves the remembered
    /// validators as they were.
    pub async fn fetch(&mut self) -> Result<Fetched, FetchError> {
        self.fetch_with(Body::default).await
    }

    /// [`Fetcher::fetch`], handing the body to a consumer made by `start` as it is read,
    /// from the first chunk that differs from the last body (see `sink.rs`): an unchanged
    /// body is never handed on. The consumer is dropped unfinished if the fetch fails; it
    /// should do its work elsewhere (a thread), since the read waits for it.
    pub async fn fetch_with<C: ChunkConsumer, F: FnMut() -> C + Send>(
        &mut self,
        mut start: F,
    ) -> Result<Fetched<C::Output>, FetchError> {
        let limit = self.options.max_body_bytes;
        let mut previous = self.last.as_ref().map(|last| last.content.clone());
        loop {
            let compared = previous.take();
            let (sink, etag, last_modified) = match &mut self.backend {
                Backend::Http(http) => {
                    let previous = compared.map(|hashes| (hashes, Matching::Keep));
                    match http
                        .fetch(self.last.as_ref(), &self.options, previous, start)
                        .await?
                    {
                        Outcome::NotModified {
                            etag,
                            last_modified,
                        } => {
                            if let Some(last) = &mut self.last {
                                // A 304 may carry fresher validators (RFC 9110 section 15.4.5).
                                last.etag = etag.or(last.etag.take());
                                last.last_modified = last_modified.or(last.last_modified.take());
                            }
                            return Ok(Fetched::NotModified);
                        }
                        Outcome::Body {
                            sink,
                            etag,
                            last_modified,
                        } => (sink, etag, last_modified),
                    }
                }
                Backend::File { path, stamp } => {
                    // One `stat` instead of reading and hashing the whole file when it is
                    // unchanged.
                    if let Some(known) = *stamp
                        && compared.is_some()
                        && tokio::time::timeout(
                            self.options.total_timeout,
                            tokio::fs::metadata(&path),
                        )
                        .await
                        .ok()
                        .and_then(Result::ok)
                        .and_then(|meta| FileStamp::of(&meta))
                            == Some(known)
                    {
                        return Ok(Fetched::NotModified);
                    }
                    let began = SystemTime::now();
                    let deadline = self.options.total_timeout;
                    let previous = compared.map(|hashes| (hashes, Matching::LetGo));
                    let (sink, seen) =
                        within(deadline, local::read_file(path, limit, previous, start)).await?;
                    *stamp = seen.filter(|seen| seen.settled_before(began));
                    (sink, None, None)
                }
                Backend::Stdin(StdinState::Read) => return Ok(Fetched::NotModified),
                Backend::Stdin(StdinState::Failed) => return Err(FetchError::StdinConsumed),
                Backend::Stdin(state @ StdinState::Unread) => {
                    *state = StdinState::Failed;
                    let previous = compared.map(|hashes| (hashes, Matching::Keep));
                    let sink = within(
                        self.options.total_timeout,
                        local::read_stdin(limit, previous, start),
                    )
                    .await?;
                    *state = StdinState::Read;
                    (sink, None, None)
                }
            };
            let bytes = sink.len();
            let (body, content) = match sink.finish().await {
                Ok(Received::New { output, hashes }) => (Some(output), hashes),
                Ok(Received::Unchanged { hashes }) => (None, hashes),
                // New, but its first chunks were let go (a file): read it again, this time
                // compared with nothing, so every chunk is handed on.
                Err(again) => {
                    start = again;
                    continue;
                }
            };
            let validators = Validators {
                etag,
                last_modified,
                content,
            };
            self.last = Some(validators.clone());
            return Ok(match body {
                Some(body) => Fetched::Modified {
                    body,
                    bytes,
                    validators,
                },
                None => Fetched::NotModified,
            });
        }
    }

    pub fn source(&self) -> &FeedSource {
        &self.source
    }

    /// What the last successful fetch saw, if any.
    pub fn validators(&self) -> Option<&Validators> {
        self.last.as_ref()
    }

    /// Forgets the last validators, so the next fetch sends no conditional headers and
    /// returns the body even if unchanged: the poller calls it when a body proved unusable,
    /// so the same bad bytes fail again rather than pass as unchanged. Standard input cannot
    /// be read again: from now on it answers [`FetchError::StdinConsumed`], never "unchanged".
    pub fn forget_validators(&mut self) {
        self.last = None;
        match &mut self.backend {
            Backend::File { stamp, .. } => *stamp = None,
            Backend::Stdin(state) => *state = StdinState::Failed,
            Backend::Http(_) => {}
        }
    }
}

/// A local read (a file or standard input) under the request deadline. The read itself runs
/// on a blocking thread that no deadline can stop (a FIFO without a writer, a hung network
/// mount); the fetch gives up on it, and the process does not wait for it at exit.
async fn within<T>(
    deadline: Duration,
    read: impl Future<Output = Result<T, FetchError>>,
) -> Result<T, FetchError> {
    tokio::time::timeout(deadline, read)
        .await
        .unwrap_or(Err(FetchError::Timeout {
            phase: TimeoutPhase::Local,
            after: deadline,
        }))
}

impl fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fetcher")
            .field("source", &self.source)
            .field("options", &self.options)
            .field("last", &self.last)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> FeedSource {
        FeedSource::parse(s).expect("valid source")
    }

    #[test]
    fn parse_tells_sources_apart() {
        assert_eq!(url("-"), FeedSource::Stdin);
        assert!(matches!(
            url("https://feed.example/p.json"),
            FeedSource::Http(_)
        ));
        assert!(matches!(url("HTTP://feed.example/"), FeedSource::Http(_)));
        assert_eq!(
            url("feed.json"),
            FeedSource::File(PathBuf::from("feed.json"))
        );
        assert_eq!(url("./-"), FeedSource::File(PathBuf::from("./-")));
        assert_eq!(
            url("C:\\feeds\\p.json"),
            FeedSource::File(PathBuf::from("C:\\feeds\\p.json"))
        );
    }

    #[test]
    fn parse_refuses_empty_other_schemes_and_bad_urls() {
        assert!(matches!(FeedSource::parse(""), Err(SourceError::Empty)));
        assert!(matches!(
            FeedSource::parse("ftp://feed.example/p.json"),
            Err(SourceError::UnsupportedScheme { scheme }) if scheme == "ftp"
        ));
        let err = FeedSource::parse("https://u:SECRET@:99999/?k=SECRET").expect_err("bad port");
        assert!(matches!(err, SourceError::InvalidUrl { .. }));
        assert!(!format!("{err} {err:?}").contains("SECRET"));
    }

    #[test]
    fn display_redacted_drops_userinfo_query_values_and_fragment() {
        let source = url(
            "https://alice:pw-SECRET@feed.example:8443/api/feed?token=SECRET&page=2&SECRET#frag-SECRET",
        );
        let shown = source.display_redacted();
        assert_eq!(
            shown,
            "https://feed.example:8443/api/feed?token=[redacted]&page=[redacted]&[redacted]"
        );
        assert_eq!(format!("{source}"), shown);
        assert!(!format!("{source:?}").contains("SECRET"));
    }

    #[test]
    fn plain_http_is_warned_about_unless_it_stays_on_this_machine() {
        for warned in [
            "http://feeds.example.org/feed.json",
            "HTTP://10.0.0.8:8080/",
            "http://0.0.0.0:8080/",
            "http://[2001:db8::1]/",
        ] {
            assert_eq!(
                url(warned).plain_http_warning(),
                Some(PLAIN_HTTP_WARNING),
                "{warned}"
            );
        }
        for quiet in [
            "https://feeds.example.org/feed.json",
            "http://127.0.0.1:8080/",
            "http://127.8.9.10/",
            "http://[::1]:8080/",
            "http://localhost:8080/",
            "http://LocalHost/",
            "http://demo.localhost/",
            "feed.json",
            "-",
        ] {
            assert_eq!(url(quiet).plain_http_warning(), None, "{quiet}");
        }
    }

    #[test]
    fn display_redacted_escapes_controls_in_paths() {
        let source = FeedSource::File(PathBuf::from("feed\u{1b}[2J.json"));
        assert_eq!(source.display_redacted(), "feed\\u{1b}[2J.json");
        let source = FeedSource::File(PathBuf::from("feed\u{202e}nosj.exe"));
        assert_eq!(source.display_redacted(), "feed\\u{202e}nosj.exe");
        assert_eq!(FeedSource::Stdin.display_redacted(), "standard input");
    }

    #[tokio::test]
    async fn a_settled_unchanged_file_is_not_read_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("feed.json");
        std::fs::write(&path, "{}").expect("write");
        let mut fetcher =
            Fetcher::new(FeedSource::File(path.clone()), FetchOptions::default()).expect("ok");
        assert!(matches!(
            fetcher.fetch().await,
            Ok(Fetched::Modified { .. })
        ));
        // Just written: too fresh to vouch for the content, so the body is hashed again.
        let Backend::File { stamp, .. } = &mut fetcher.backend else {
            unreachable!("a file source");
        };
        assert_eq!(*stamp, None);
        // As if it had settled; and a remembered hash no read could match: a NotModified now
        // can only come from the stamp, without reading the file.
        *stamp = FileStamp::of(&std::fs::metadata(&path).expect("metadata"));
        if let Some(last) = &mut fetcher.last {
            last.content.whole ^= 1;
        }
        assert!(matches!(fetcher.fetch().await, Ok(Fetched::NotModified)));
        // Forgetting the validators forgets the stamp: the next fetch reads the body.
        fetcher.forget_validators();
        assert!(matches!(
            fetcher.fetch().await,
            Ok(Fetched::Modified { .. })
        ));
    }

    /// A file whose first chunks are the same as last time is not kept while it is compared;
    /// when it then differs, it is read again, and the whole new body is handed on.
    #[tokio::test]
    async fn a_file_differing_after_its_first_chunks_is_read_again_whole() {
        use crate::feed::body::CHUNK_BYTES;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("feed.json");
        let first: Vec<u8> = (0..CHUNK_BYTES * 2 + 99)
            .map(|i| u8::try_from(i % 253).unwrap_or(0))
            .collect();
        std::fs::write(&path, &first).expect("write");
        let mut fetcher =
            Fetcher::new(FeedSource::File(path.clone()), FetchOptions::default()).expect("ok");
        let body = |fetched| match fetched {
            Ok(Fetched::Modified { body, bytes, .. }) => {
                let body: Body = body;
                assert_eq!(u64::try_from(body.len()).ok(), Some(bytes));
                Some(body.to_vec())
            }
            Ok(Fetched::NotModified) => None,
            Err(e) => Some(format!("fetch failed: {e}").into_bytes()),
        };
        assert_eq!(body(fetcher.fetch().await), Some(first.clone()));
        // Just written, so not vouched for by its stamp: read and compared each time.
        assert_eq!(body(fetcher.fetch().await), None);
        let mut second = first.clone();
        second[CHUNK_BYTES + 5] ^= 0xff;
        std::fs::write(&path, &second).expect("rewrite");
        assert_eq!(body(fetcher.fetch().await), Some(second.clone()));
        assert_eq!(body(fetcher.fetch().await), None);
    }

    #[test]
    fn fetched_debug_shows_the_body_length_only() {
        let fetched = Fetched::Modified {
            body: Body::from(&b"secret feed"[..]),
            bytes: 11,
            validators: Validators {
                etag: None,
                last_modified: None,
                content: crate::feed::sink::ContentHashes::default(),
            },
        };
        let shown = format!("{fetched:?}");
        assert!(shown.starts_with("Modified { body: <11 bytes>"), "{shown}");
    }
}
