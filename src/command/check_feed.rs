//! `investboard check-feed [SOURCE]`: the publisher's report (every rejected record with its
//! reason, suspicious but valid data) and an exit code.

use crate::check::{verdict, write_report};
use crate::cli::CheckFeedArgs;
use crate::exit::Exit;
use crate::startup::Startup;

pub async fn run(startup: &Startup, args: &CheckFeedArgs) -> Exit {
    let now = startup.now();
    let feed = args.source.as_deref().or(startup.settings.feed.as_deref());
    let (source, parsed) = match super::load_once(startup, feed).await {
        Ok(loaded) => loaded,
        Err(error) => {
            super::report_startup_error(&error);
            return Exit::Usage;
        }
    };
    // Decided by the feed, not by whether the reader stayed to the end (`| head`).
    let exit = verdict(&parsed);
    let written = super::to_stdout(|out| {
        write_report(
            out,
            &source,
            &parsed,
            now.date_naive(),
            &startup.calendar,
            startup.lang(),
        )
        .map(drop)
    });
    match written {
        Ok(()) => exit,
        Err(e) => {
            super::report_io_error("cannot write the report", &e);
            Exit::Critical
        }
    }
}
