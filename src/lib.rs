//! investboard: the library half. The binary in `main.rs` only parses arguments and calls in here.
//!
//! Data flows one way: feed bytes -> `feed` (wire types, per-record validation) -> `domain`
//! (snapshot, calendar, aggregation) -> `status` text/JSON or the live dashboard.

pub mod app;
pub mod clock;
pub mod config;
pub mod domain;
pub mod feed;
pub mod poll;
pub mod sanitize;
pub mod tui;
pub mod ui;

#[cfg(test)]
mod testing;
