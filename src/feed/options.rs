//! How a feed is fetched ([`FetchOptions`]) and what identifies the version last fetched
//! ([`Validators`]). A leaf shared by the fetcher and its back-ends.

use std::time::Duration;

use super::secret::Secret;
use super::sink::ContentHashes;

/// Longest `Retry-After` honoured, and shown: a server asking for a day (or for a date in
/// the year 2100) is misconfigured, not authoritative.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

/// How a [`Fetcher`] fetches. The defaults suit a feed polled every few seconds.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Limit on establishing the TCP (and TLS) connection.
    pub connect_timeout: Duration,
    /// Limit on waiting for the next bytes from the server; resets on every read.
    pub read_timeout: Duration,
    /// Limit on the whole request, from connecting to the last body byte. A server that
    /// trickles bytes never trips the read timeout but always trips this one.
    pub total_timeout: Duration,
    /// Largest body accepted, counted after gzip decoding (so it also stops gzip bombs).
    pub max_body_bytes: u64,
    /// Sent as `Authorization: Bearer <token>` to the feed's origin only.
    pub token: Option<Secret>,
    /// Refuse plain `http://`, for the feed URL and for any redirect.
    pub https_only: bool,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(20),
            max_body_bytes: 256 * 1024 * 1024,
            token: None,
            https_only: false,
            user_agent: concat!("investboard/", env!("CARGO_PKG_VERSION")).to_owned(),
        }
    }
}

/// What identifies the version of the feed last fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validators {
    /// The server's `ETag`, verbatim (a `W/` prefix included), sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The server's `Last-Modified`, verbatim, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// Hashes of the body bytes: detect an unchanged body from a file, standard input or a
    /// server that sends no validators, and tell as the next body is read where it starts to
    /// differ. Only meaningful within one process.
    pub content: ContentHashes,
}
