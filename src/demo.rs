//! The embedded demo feed: a generated, moving Changsha-like pipeline (`generator`) and a
//! minimal HTTP server that publishes it (`server`), so the dashboard has live data on a bare
//! machine. Depends only on the domain's `Stage` and the leaf `rng`; the dashboard reads it
//! like any other feed.

pub mod generator;
pub mod server;

pub use generator::{DEFAULT_PROJECTS, DEFAULT_SEED, DemoFeed, LIVE_HORIZON, MEAN_EVENT_INTERVAL};
pub use server::{bind, serve};
