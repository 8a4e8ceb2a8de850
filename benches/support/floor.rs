//! The serde floor: the least a typed reader of the feed must do. The whole document in one
//! `serde_json` pass, each record into the format's own shape ([`wire::Project`]: borrowed
//! strings, owned only when a string has escapes; amounts as their number text) and dropped
//! once counted: no validation, no sanitizing, no snapshot kept, no per-record error handling.
//! Nothing the real parser does can be cheaper than this.
//!
//! Shared by `benches/parse.rs` and `examples/serde_floor.rs` (the end-to-end script's floor).

use std::borrow::Cow;
use std::fmt;

use investboard::feed::wire;
use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

#[derive(Deserialize)]
struct Feed<'a> {
    #[serde(borrow, rename = "generated_at")]
    _generated_at: Option<Cow<'a, str>>,
    projects: Counted,
}

/// Projects and approvals read, so nothing is optimised away.
struct Counted(usize);

impl<'de> Deserialize<'de> for Counted {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(CountVisitor)
    }
}

struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Counted;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of projects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Counted, A::Error> {
        let mut count = 0;
        while let Some(project) = seq.next_element::<wire::Project<'de>>()? {
            count += 1 + project.approvals.as_ref().map_or(0, Vec::len);
        }
        Ok(Counted(count))
    }
}

/// Parses `bytes` at the floor; the count of projects and approvals.
pub fn parse(bytes: &[u8]) -> usize {
    let feed: Feed<'_> = serde_json::from_slice(bytes).expect("the floor reads a valid feed");
    feed.projects.0
}
