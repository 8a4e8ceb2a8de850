//! The commands, one file each, and what the one-shot ones share: fetching the feed (or the
//! embedded demo) once, and writing to a stdout whose reader may have gone.
//!
//! Each command takes the resolved [`Startup`] and its own arguments and returns an [`Exit`].
//! Nothing here is reached by the domain, the feed, the app or the UI.

pub mod check_feed;
pub mod dashboard;
pub mod demo_feed;
pub mod doctor;
pub mod import;
pub mod reference;
pub mod report;
pub mod status;

use std::io::{self, Write};
use std::time::{Duration, Instant};

use crate::domain::model::Snapshot;
use crate::feed::parse_as_read::ParseAsRead;
use crate::feed::source::Fetched;
use crate::feed::{FeedProblem, parse_feed};
use crate::sanitize::sanitize;
use crate::startup::{Startup, StartupError};

/// Where the feed comes from when none is set, as shown to users.
pub const DEMO_SOURCE_LABEL: &str = "embedded demo feed";

/// The answer of one fetch: the source as shown, and the snapshot (parsed while the body was
/// read) or a one-line reason.
struct FetchedOnce {
    label: String,
    warning: Option<&'static str>,
    parsed: Result<Snapshot, FeedProblem>,
    bytes: u64,
    elapsed: Duration,
}

/// Fetches and parses `feed` once (the embedded demo, generated for now, when there is none),
/// the parse on a thread of its own while the body is read. `Err` is a start-up mistake (a bad
/// address, token or client option): exit 3.
async fn fetch_once(startup: &Startup, feed: Option<&str>) -> Result<FetchedOnce, StartupError> {
    let started = Instant::now();
    let Some(feed) = feed else {
        let document = demo_document(startup);
        return Ok(FetchedOnce {
            label: DEMO_SOURCE_LABEL.to_owned(),
            warning: None,
            bytes: u64::try_from(document.len()).unwrap_or(u64::MAX),
            parsed: parse_feed(&document).map_err(|e| FeedProblem::from(&e)),
            elapsed: started.elapsed(),
        });
    };
    let mut opened = startup.open_feed(feed)?;
    let (parsed, bytes) = match opened.fetcher.fetch_with(ParseAsRead::on_own_thread).await {
        Ok(Fetched::Modified { body, bytes, .. }) => (
            body.map_err(|e| FeedProblem::plain(&e))
                .and_then(|parsed| parsed.map_err(|e| FeedProblem::from(&e))),
            bytes,
        ),
        Ok(Fetched::NotModified) => (
            Err(FeedProblem {
                en: "the feed sent no data".to_owned(),
                zh: "数据源没有发送数据".to_owned(),
            }),
            0,
        ),
        Err(e) => (Err(FeedProblem::from(&e)), 0),
    };
    Ok(FetchedOnce {
        label: opened.label,
        warning: opened.warning,
        parsed,
        bytes,
        elapsed: started.elapsed(),
    })
}

/// The embedded demo feed's document as of now (or `--now`), generated in process, its text
/// in the resolved language.
pub(crate) fn demo_document(startup: &Startup) -> Vec<u8> {
    let now = startup.now();
    crate::demo::DemoFeed::new(
        crate::demo::DEFAULT_SEED,
        now,
        crate::demo::DEFAULT_PROJECTS,
    )
    .in_lang(startup.lang())
    .document_at(now)
}

/// Fetches and parses `feed` once: the source as shown, and the snapshot or a one-line reason
/// in each language (sanitize before printing).
pub(crate) async fn load_once(
    startup: &Startup,
    feed: Option<&str>,
) -> Result<(String, Result<Snapshot, FeedProblem>), StartupError> {
    let fetched = fetch_once(startup, feed).await?;
    let mut parsed = fetched.parsed;
    match &parsed {
        Ok(_) => tracing::info!(
            source = %fetched.label,
            bytes = fetched.bytes,
            millis = fetched.elapsed.as_millis(),
            "feed fetched and parsed"
        ),
        Err(error) => tracing::warn!(
            source = %sanitize(&fetched.label),
            error = %sanitize(&error.en),
            millis = fetched.elapsed.as_millis(),
            "feed unusable"
        ),
    }
    if let (Ok(snapshot), Some(warning)) = (&mut parsed, fetched.warning) {
        snapshot.warnings.push(warning.to_owned());
    }
    Ok((fetched.label, parsed))
}

/// Writes to stdout through `write`. A reader that has gone (`| head`) is normal, not an
/// error: the output was wanted only so far.
pub(crate) fn to_stdout(
    write: impl FnOnce(&mut io::BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> io::Result<()> {
    // 64 KiB writes: `status --format json` of a large feed writes tens of megabytes.
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Prints a failed write or read with what was being done.
pub(crate) fn report_io_error(doing: &str, error: &io::Error) {
    let error = crate::small_file::describe_io(error);
    let _ = writeln!(io::stderr(), "investboard: {doing}: {error}");
}

/// Prints a start-up error the way every command does.
pub(crate) fn report_startup_error(error: &StartupError) {
    // stderr may be a terminal that hung up: never panic on the write.
    let _ = writeln!(io::stderr(), "investboard: {error}");
}
