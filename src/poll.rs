//! Messages between the feed poller task and the dashboard. The poller fetches, parses and
//! validates off the UI path and sends whole results; the app never does IO.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::domain::model::Snapshot;

/// What one poll produced.
#[derive(Clone, Debug)]
pub enum FeedUpdate {
    /// A new document was accepted (possibly with some records rejected inside it).
    Loaded {
        snapshot: Arc<Snapshot>,
        received_at: DateTime<FixedOffset>,
    },
    /// The feed answered and nothing changed (HTTP 304, or the same bytes as last time).
    Unchanged { received_at: DateTime<FixedOffset> },
    /// The fetch failed or the document was unusable. The last good data stays in use.
    Failed {
        /// One line, safe to print: never the token, never the URL's query.
        error: String,
        at: DateTime<FixedOffset>,
        /// When the poller will try again (backoff, or the server's Retry-After).
        retry_in: Duration,
    },
}

/// What the dashboard can ask of the poller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PollCommand {
    /// Poll at once (the `r` key), skipping any backoff wait.
    PollNow,
}
