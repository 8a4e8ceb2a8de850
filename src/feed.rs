//! The feed: its wire format (version 1), per-record validation into a domain `Snapshot`.
//! Parsing knows nothing of where the bytes came from.

pub mod parse;
pub mod wire;

pub use parse::{FeedError, parse_feed};
