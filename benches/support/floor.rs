//! The serde floor: the least a typed reader of the feed must do. The whole document in one
//! `serde_json` call into the format's own record shapes ([`wire::Project`]: borrowed strings,
//! owned only when a string has escapes; amounts as their number text); no validation, no
//! sanitizing, no sharing of labels, no per-record error handling. Nothing the real parser
//! does can be cheaper than this.
//!
//! Shared by `benches/parse.rs` and `examples/serde_floor.rs` (the end-to-end script's floor).

use std::borrow::Cow;

use investboard::feed::wire;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Feed<'a> {
    #[serde(borrow)]
    pub generated_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub projects: Vec<wire::Project<'a>>,
}

/// Parses `bytes` at the floor; the count of projects and approvals, so nothing is optimised away.
pub fn parse(bytes: &[u8]) -> usize {
    let feed: Feed<'_> = serde_json::from_slice(bytes).expect("the floor reads a valid feed");
    feed.projects.len()
        + feed
            .projects
            .iter()
            .map(|p| p.approvals.as_ref().map_or(0, Vec::len))
            .sum::<usize>()
}
