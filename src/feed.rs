//! The feed: where its bytes come from (an HTTP(S) URL, a file or standard input, fetched with
//! time limits, a body cap, same-origin redirects, conditional requests and redacted errors),
//! and its wire format (version 1) validated record by record into a domain `Snapshot`.
//!
//! Must not depend on the UI. Fetching knows nothing of JSON; parsing knows nothing of where
//! the bytes came from; `parse_as_read` joins the two, so a body is parsed while it is read.

pub mod body;
mod error;
pub mod http;
mod local;
pub mod open;
mod options;
pub mod parse;
pub mod parse_as_read;
mod secret;
pub mod sink;
pub mod source;
mod stamp;
pub mod wire;
mod words;

pub use parse::{FeedError, parse_body, parse_feed, parse_stream};
pub use words::{FeedProblem, io_zh};
