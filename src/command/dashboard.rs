//! The live dashboard's wiring: the embedded demo server (when no feed is set), the poller
//! task and the terminal UI, connected by channels. Errors that can be found before the
//! terminal enters raw mode (a bad feed address, a token file) are reported here, exit 3.

use std::io::Write as _;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, Utc};

use crate::app::{App, AppSettings};
use crate::appearance::ColorChoice;
use crate::exit::Exit;
use crate::poll::{PollTiming, Poller};
use crate::startup::Startup;

/// Runs the dashboard until the user quits.
pub async fn run(startup: Startup) -> Exit {
    if std::env::var("TERM").is_ok_and(|term| term == "dumb") {
        let _ = writeln!(
            std::io::stderr(),
            "investboard: TERM=dumb cannot draw the full-screen dashboard: use `investboard status` for a one-shot summary, or set TERM (e.g. xterm-256color)"
        );
        return Exit::Usage;
    }
    if !crate::tui::stdout_is_terminal() {
        let _ = writeln!(
            std::io::stderr(),
            "investboard: {}",
            crate::tui::TuiError::NotATerminal
        );
        return Exit::Usage;
    }
    if startup.settings.color == ColorChoice::Always {
        // crossterm drops colour codes under NO_COLOR by itself; --color always wins.
        crossterm::style::Colored::set_ansi_color_disabled(false);
    }
    let feed = match startup.settings.feed.clone() {
        Some(feed) => feed,
        None => match start_demo_server(
            startup.settings.utc_offset,
            startup.frozen(),
            startup.lang(),
        )
        .await
        {
            Ok(url) => url,
            Err(e) => {
                super::report_io_error("cannot start the embedded demo feed", &e);
                return Exit::Warning;
            }
        },
    };
    let opened = match startup.open_feed(&feed) {
        Ok(opened) => opened,
        Err(error) => {
            super::report_startup_error(&error);
            return Exit::Usage;
        }
    };
    let options = startup.aggregate_options();
    let Startup {
        settings,
        calendar,
        keys,
        clock,
        ..
    } = startup;
    let mut app = App::new(
        AppSettings::from_settings(&settings),
        calendar,
        options,
        clock.now(),
        Instant::now(),
    )
    .with_keys(keys)
    .with_data_prepared_by_the_poller();
    app.feed_warning = opened.warning;
    app.export_dir = settings.export_dir.clone().unwrap_or_default();

    let (update_tx, update_rx) = tokio::sync::mpsc::channel(4);
    // One slot: a refresh asked for while another waits adds nothing.
    let (command_tx, command_rx) = tokio::sync::mpsc::channel(1);
    let stamp: crate::poll::Clock = Arc::new(move || clock.now());
    let poller = tokio::spawn(
        Poller {
            fetcher: opened.fetcher,
            timing: PollTiming::with_max_backoff(settings.poll_interval, settings.max_backoff),
            clock: stamp,
            updates: update_tx,
            commands: command_rx,
            lang: app.settings.lang,
            preparer: Some(app.preparer()),
        }
        .run(),
    );
    let result = crate::tui::run(app, clock, update_rx, command_tx).await;
    poller.abort();
    match result {
        Ok(()) => Exit::Ok,
        Err(e) => {
            // stderr may be the terminal that just hung up: `eprintln!` would panic on EIO.
            let _ = writeln!(std::io::stderr(), "investboard: {e}");
            Exit::Warning
        }
    }
}

/// Serves the embedded demo feed on a loopback port and returns its URL, so the dashboard
/// polls it over real HTTP like any feed. Its text is in the dashboard's language.
async fn start_demo_server(
    zone: FixedOffset,
    frozen: Option<DateTime<FixedOffset>>,
    lang: crate::lang::Lang,
) -> std::io::Result<String> {
    let epoch = frozen.unwrap_or_else(|| Utc::now().with_timezone(&zone));
    let feed = crate::demo::DemoFeed::new(
        crate::demo::DEFAULT_SEED,
        epoch,
        crate::demo::DEFAULT_PROJECTS,
    )
    .in_lang(lang);
    let (listener, addr) = crate::demo::server::bind("127.0.0.1:0").await?;
    let clock = move || frozen.unwrap_or_else(|| Utc::now().with_timezone(&zone));
    tokio::spawn(async move {
        if let Err(e) = crate::demo::server::serve(listener, Arc::new(feed), clock).await {
            tracing::error!("embedded demo feed stopped: {e}");
        }
    });
    Ok(format!("http://{addr}/"))
}
