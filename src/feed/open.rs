//! Opening a feed: the one way from a parsed [`FeedSource`] and [`FetchOptions`] to a ready
//! [`Fetcher`], with what users are shown about it (the redacted label and any standing
//! warning). Every command that reads a feed opens it here.

use super::error::FetchError;
use super::options::FetchOptions;
use super::source::{FeedSource, Fetcher};

/// A feed ready to fetch, and how to show it.
#[derive(Debug)]
pub struct OpenedFeed {
    pub fetcher: Fetcher,
    /// The source as users see it: no userinfo, query values or fragment.
    pub label: String,
    /// A standing warning about how the feed travels (plain http to another machine).
    pub warning: Option<&'static str>,
}

/// Builds the fetcher (and its HTTP client) for `source`. Fails before any contact when the
/// options cannot work (`https_only` with an http URL, a token that is not a header value).
pub fn open(source: FeedSource, options: FetchOptions) -> Result<OpenedFeed, FetchError> {
    let label = source.display_redacted();
    let warning = source.plain_http_warning();
    let fetcher = Fetcher::new(source, options)?;
    Ok(OpenedFeed {
        fetcher,
        label,
        warning,
    })
}
