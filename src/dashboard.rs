//! The live dashboard's wiring: the embedded demo server (when no feed is set), the poller
//! task and the terminal UI, connected by channels. Errors that can be found before the
//! terminal enters raw mode (a bad feed address, a token file) are reported here, exit 3.

use std::io::Write as _;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Utc};

use crate::clock::Clock;
use crate::config::Settings;
use crate::domain::calendar::Calendar;
use crate::feed::source::{FeedSource, Fetcher};
use crate::poll::run_poller;
use crate::run::{EXIT_USAGE, fetch_options};

/// Runs the dashboard until the user quits; returns the exit code.
pub async fn run(
    settings: Settings,
    calendar: Calendar,
    frozen: Option<DateTime<FixedOffset>>,
) -> u8 {
    if !crate::tui::stdout_is_terminal() {
        eprintln!("investboard: {}", crate::tui::TuiError::NotATerminal);
        return EXIT_USAGE;
    }
    let clock = match frozen {
        Some(now) => Clock::Frozen(now.with_timezone(&settings.utc_offset)),
        None => Clock::System(settings.utc_offset),
    };
    let feed = match settings.feed.clone() {
        Some(feed) => feed,
        None => match start_demo_server(settings.utc_offset, frozen).await {
            Ok(url) => url,
            Err(e) => {
                eprintln!("investboard: cannot start the embedded demo feed: {e}");
                return 1;
            }
        },
    };
    let fetcher = match FeedSource::parse(&feed)
        .map_err(|e| format!("--feed: {e}"))
        .and_then(|source| {
            let options = fetch_options(&settings)?;
            Fetcher::new(source, options).map_err(|e| e.to_string())
        }) {
        Ok(fetcher) => fetcher,
        Err(message) => {
            eprintln!("investboard: {message}");
            return EXIT_USAGE;
        }
    };

    let (update_tx, update_rx) = tokio::sync::mpsc::channel(4);
    let (command_tx, command_rx) = tokio::sync::mpsc::channel(4);
    let stamp: crate::poll::Clock = Arc::new(move || clock.now());
    let poller = tokio::spawn(run_poller(
        fetcher,
        settings.poll_interval,
        stamp,
        update_tx,
        command_rx,
    ));
    let result = crate::tui::run(settings, calendar, clock, update_rx, command_tx).await;
    poller.abort();
    match result {
        Ok(()) => 0,
        Err(e) => {
            // stderr may be the terminal that just hung up: `eprintln!` would panic on EIO.
            let _ = writeln!(std::io::stderr(), "investboard: {e}");
            1
        }
    }
}

/// Serves the embedded demo feed on a loopback port and returns its URL, so the dashboard
/// polls it over real HTTP like any feed.
async fn start_demo_server(
    zone: FixedOffset,
    frozen: Option<DateTime<FixedOffset>>,
) -> std::io::Result<String> {
    let epoch = frozen.unwrap_or_else(|| Utc::now().with_timezone(&zone));
    let feed = crate::demo::DemoFeed::new(
        crate::demo::DEFAULT_SEED,
        epoch,
        crate::demo::DEFAULT_PROJECTS,
    );
    let (listener, addr) = crate::demo::server::bind("127.0.0.1:0").await?;
    let clock = move || frozen.unwrap_or_else(|| Utc::now().with_timezone(&zone));
    tokio::spawn(async move {
        if let Err(e) = crate::demo::server::serve(listener, Arc::new(feed), clock).await {
            tracing::error!("embedded demo feed stopped: {e}");
        }
    });
    Ok(format!("http://{addr}/"))
}
