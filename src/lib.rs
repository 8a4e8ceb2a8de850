//! investboard: the library half. The binary in `main.rs` only parses arguments and calls in here.
//!
//! Data flows one way: feed bytes -> `feed` (wire types, per-record validation) -> `domain`
//! (snapshot, calendar, aggregation) -> `status` text/JSON or the live dashboard.

pub mod demo;
pub mod domain;
