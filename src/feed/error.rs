//! What can go wrong fetching the feed, worded for a wall screen: one line, no secrets. Always
//! English; durations are written by the one duration writer (`i18n::duration`) in its words.

use std::fmt;
use std::time::Duration;

use crate::i18n::{DurationStyle, EN};

/// Which time limit ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutPhase {
    Connect,
    Read,
    Total,
    /// Reading a file or standard input (the request deadline applies to them too).
    Local,
}

/// Why a fetch failed. Each message is one line and never contains the token or the URL's
/// userinfo or query.
#[derive(thiserror::Error, Debug)]
#[non_exhaustive]
pub enum FetchError {
    #[error("{}", timeout_message(*.phase, *.after))]
    Timeout {
        phase: TimeoutPhase,
        after: Duration,
    },
    /// The connection could not be made ("connection refused", DNS failure, ...).
    #[error("{0}")]
    Connect(String),
    /// The server answered with a status other than 2xx or 304.
    #[error("{}", status_message(*.status, *.retry_after))]
    HttpStatus {
        status: u16,
        /// From `Retry-After` (seconds or HTTP-date), unclamped.
        retry_after: Option<Duration>,
    },
    #[error("feed body exceeds the {} limit", ByteSize(*.limit))]
    BodyTooLarge { limit: u64 },
    /// Reading a file or standard input failed; `place` names it.
    #[error("cannot read {place}: {}", describe_io(.error))]
    Io {
        place: String,
        error: std::io::Error,
    },
    #[error("TLS error: {0}")]
    Tls(String),
    /// A redirect was refused (another origin, too many hops) or could not be followed.
    #[error("{0}")]
    Redirect(String),
    /// The connection broke or the body was malformed (bad gzip, closed mid-body, ...).
    #[error("{0}")]
    Transfer(String),
    #[error("the feed URL uses plain http but https_only is set: use an https:// URL")]
    InsecureUrl,
    /// The options cannot work (a token that is not a valid header value, ...).
    #[error("cannot set up the feed client: {0}")]
    Setup(String),
    #[error("standard input was already read and held no usable feed")]
    StdinConsumed,
}

fn timeout_message(phase: TimeoutPhase, after: Duration) -> String {
    let after = human_duration(after);
    match phase {
        TimeoutPhase::Connect => format!("connecting to the feed server timed out after {after}"),
        TimeoutPhase::Read => format!("the feed server sent nothing for {after}"),
        TimeoutPhase::Total => format!("feed request timed out after {after}"),
        TimeoutPhase::Local => format!(
            "reading the feed timed out after {after} (a pipe nobody writes to, or a hung mount?)"
        ),
    }
}

fn status_message(status: u16, retry_after: Option<Duration>) -> String {
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|reason| format!(" {reason}"))
        .unwrap_or_default();
    let retry = retry_after
        .map(|after| format!(" (retry after {})", human_duration(after)))
        .unwrap_or_default();
    format!("HTTP {status}{reason}{retry}")
}

/// How an io error reads in English (see [`crate::small_file::describe_io`]).
pub fn describe_io(error: &std::io::Error) -> String {
    crate::small_file::describe_io(error)
}

/// A duration as people read it: `300 ms`, `1.5 s`, `20 s`, `5 min 30 s`, `3 h 20 min`.
/// Messages are English whatever the screen's language.
fn human_duration(duration: Duration) -> String {
    EN.common.units.format(duration, DurationStyle::Precise)
}

/// A byte count in the largest binary unit that divides it: `64 MiB`, `512 KiB`, `1000 bytes`.
struct ByteSize(u64);

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const KIB: u64 = 1024;
        const MIB: u64 = 1024 * KIB;
        const GIB: u64 = 1024 * MIB;
        match self.0 {
            0 => f.write_str("0 bytes"),
            n if n % GIB == 0 => write!(f, "{} GiB", n / GIB),
            n if n % MIB == 0 => write!(f, "{} MiB", n / MIB),
            n if n % KIB == 0 => write!(f, "{} KiB", n / KIB),
            n => write!(f, "{n} bytes"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_like_the_spec() {
        let timeout = FetchError::Timeout {
            phase: TimeoutPhase::Total,
            after: Duration::from_secs(20),
        };
        assert_eq!(timeout.to_string(), "feed request timed out after 20 s");
        let status = FetchError::HttpStatus {
            status: 503,
            retry_after: Some(Duration::from_secs(30)),
        };
        assert_eq!(
            status.to_string(),
            "HTTP 503 Service Unavailable (retry after 30 s)"
        );
        let status = FetchError::HttpStatus {
            status: 599,
            retry_after: None,
        };
        assert_eq!(status.to_string(), "HTTP 599");
        let large = FetchError::BodyTooLarge {
            limit: 64 * 1024 * 1024,
        };
        assert_eq!(large.to_string(), "feed body exceeds the 64 MiB limit");
        assert_eq!(ByteSize(1000).to_string(), "1000 bytes");
        assert_eq!(human_duration(Duration::from_millis(300)), "300 ms");
        assert_eq!(human_duration(Duration::from_millis(1500)), "1.5 s");
    }
}

/// A mistake in how the feed source or its token was given: found before any fetch.
#[derive(thiserror::Error, Debug)]
#[non_exhaustive]
pub enum SourceError {
    #[error("the feed source is empty (give a URL, a file path, or - for standard input)")]
    Empty,
    #[error("invalid feed URL: {reason}")]
    InvalidUrl { reason: String },
    #[error("unsupported feed URL scheme {scheme:?} (use http, https, a file path, or -)")]
    UnsupportedScheme { scheme: String },
    #[error("{variable} is not valid UTF-8")]
    TokenNotUnicode { variable: &'static str },
    #[error("cannot read token file \"{path}\": {error}")]
    TokenFile { path: String, error: std::io::Error },
    #[error("token file \"{path}\" is not a token: {reason}")]
    TokenFileInvalid { path: String, reason: &'static str },
}
