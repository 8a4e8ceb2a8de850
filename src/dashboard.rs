//! The live dashboard's wiring: demo server (when no feed is set), poller task, terminal UI.

use chrono::{DateTime, FixedOffset};

use crate::config::Settings;
use crate::domain::calendar::Calendar;

/// Runs the dashboard until the user quits; returns the exit code.
#[expect(clippy::unused_async, reason = "placeholder until the terminal UI lands")]
pub async fn run(
    _settings: Settings,
    _calendar: Calendar,
    _frozen: Option<DateTime<FixedOffset>>,
) -> u8 {
    eprintln!("investboard: the dashboard is being merged; use `investboard status`");
    3
}
