//! investboard: the library half. The binary in `main.rs` only parses arguments and calls in here.
//!
//! Data flows one way: feed bytes -> `feed` (wire types, per-record validation) -> `domain`
//! (snapshot, calendar, aggregation) -> `status` text/JSON or the live dashboard
//! (`poll` -> `app` -> `ui`, driven by `tui`).
//!
//! Start-up runs the other way round, once: `run` parses the arguments, `startup` resolves
//! settings, calendar, keys and clock, and one `command` does the work and returns an `exit`
//! code. No module imports one that imports it back (`tests/module_graph.rs`).

pub mod app;
pub mod appearance;
pub mod atomic_write;
pub mod check;
pub mod cli;
pub mod clock;
pub mod command;
pub mod config;
pub mod demo;
pub mod domain;
pub mod exit;
pub mod export;
pub mod feed;
pub mod i18n;
pub mod import;
pub mod lang;
pub mod logging;
pub mod poll;
pub mod prepare;
pub mod report;
pub mod rng;
pub mod run;
pub mod sanitize;
pub mod signals;
pub mod small_file;
pub mod startup;
pub mod status;
pub mod tui;
pub mod ui;

pub use signals::shutdown_signal;

#[cfg(test)]
mod testing;
