//! Runs the live dashboard on a feed file, re-read on every poll, without the real CLI.
//!
//! ```text
//! cargo run --example dashboard -- [--feed] tests/fixtures/dashboard.json \
//!     [--now 2026-11-29T10:00:00+08:00] [--wall]
//! ```
//!
//! Editing the file while it runs shows new signings highlighted; making it invalid JSON shows
//! the feed error and retry in the header while the last good data stays.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::DateTime;
use investboard::config::{Layer, Settings};
use investboard::poll::{FeedUpdate, PollCommand};
use investboard::tui::{self, Clock};
use tokio::sync::mpsc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut now = None;
    let mut wall = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--now" => now = args.next(),
            "--wall" => wall = true,
            "--feed" => path = args.next().map(PathBuf::from),
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let path = path.context("usage: dashboard FEED.json [--now RFC3339] [--wall]")?;
    let mut settings =
        Settings::resolve(Layer::default(), Layer::default(), Layer::default(), None);
    settings.wall = wall;
    let clock = match now {
        Some(text) => Clock::Frozen(
            DateTime::parse_from_rfc3339(&text).with_context(|| format!("--now {text:?}"))?,
        ),
        None => Clock::System(settings.utc_offset),
    };
    if !tui::stdout_is_terminal() {
        anyhow::bail!("stdout is not a terminal: use `investboard status` for a one-shot summary");
    }
    let (updates_tx, updates_rx) = mpsc::channel(4);
    let (commands_tx, commands_rx) = mpsc::channel(1);
    tokio::spawn(poll_file(
        path,
        settings.poll_interval,
        clock,
        updates_tx,
        commands_rx,
    ));
    tui::run(settings, clock, updates_rx, commands_tx).await
}

/// A stand-in poller: reads the file now, then every `every` or on `PollNow`.
async fn poll_file(
    path: PathBuf,
    every: Duration,
    clock: Clock,
    updates: mpsc::Sender<FeedUpdate>,
    mut commands: mpsc::Receiver<PollCommand>,
) {
    let mut last: Option<Vec<u8>> = None;
    loop {
        let update = match tokio::fs::read(&path).await {
            Err(e) => FeedUpdate::Failed {
                error: format!("{}: {e}", path.display()),
                at: clock.now(),
                retry_in: every,
            },
            Ok(bytes) if last.as_ref() == Some(&bytes) => FeedUpdate::Unchanged {
                received_at: clock.now(),
            },
            Ok(bytes) => match investboard::feed::parse_feed(&bytes) {
                Ok(snapshot) => {
                    last = Some(bytes);
                    FeedUpdate::Loaded {
                        snapshot: Arc::new(snapshot),
                        received_at: clock.now(),
                    }
                }
                Err(e) => FeedUpdate::Failed {
                    error: e.to_string(),
                    at: clock.now(),
                    retry_in: every,
                },
            },
        };
        if updates.send(update).await.is_err() {
            return;
        }
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            command = commands.recv() => if command.is_none() { return },
        }
    }
}
