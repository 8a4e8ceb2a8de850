//! `investboard report`: fetch the feed once, aggregate it for today (or `--now`) exactly as
//! `status` does, and write the brief as Markdown, CSV or XLSX to `--output FILE` (replaced
//! atomically) or stdout. Exit 0 written, 1 the output could not be written, 2 the feed is
//! unusable, 3 bad arguments (xlsx without `--output`).

use std::io::{self, Write as _};

use crate::atomic_write::write_atomically;
use crate::cli::{ReportArgs, ReportFormat};
use crate::domain::aggregate::aggregate;
use crate::exit::Exit;
use crate::report::{self, Inputs};
use crate::sanitize::sanitize;
use crate::startup::Startup;

pub async fn run(startup: &Startup, args: &ReportArgs) -> Exit {
    if args.format == ReportFormat::Xlsx && args.output.is_none() {
        say("--format xlsx writes a workbook: say where with --output FILE");
        return Exit::Usage;
    }
    let now = startup.now();
    let (source, parsed) = match super::load_once(startup, startup.settings.feed.as_deref()).await {
        Ok(loaded) => loaded,
        Err(error) => {
            super::report_startup_error(&error);
            return Exit::Usage;
        }
    };
    let snapshot = match parsed {
        Ok(snapshot) => snapshot,
        Err(error) => {
            say(&format!(
                "{}: {}",
                sanitize(&source),
                sanitize(error.in_lang(startup.lang()))
            ));
            return Exit::Critical;
        }
    };
    let summary = aggregate(
        &snapshot,
        now.date_naive(),
        &startup.calendar,
        &startup.aggregate_options(),
    );
    let brief = report::build(&Inputs {
        snapshot: &snapshot,
        summary: &summary,
        source: &source,
        now,
        lang: startup.lang(),
    });
    let bytes = match args.format {
        ReportFormat::Markdown => render(|out| report::markdown::write(out, &brief)),
        ReportFormat::Csv => render(|out| report::csv::write(out, &brief)),
        ReportFormat::Xlsx => report::xlsx::to_bytes(&brief).map_err(io::Error::other),
    };
    let written = bytes.and_then(|bytes| match &args.output {
        Some(path) => write_atomically(path, &bytes),
        None => super::to_stdout(|out| out.write_all(&bytes)),
    });
    match written {
        Ok(()) => Exit::Ok,
        Err(e) => {
            let target = args
                .output
                .as_ref()
                .map_or_else(|| "stdout".to_owned(), |p| p.display().to_string());
            say(&format!("cannot write the report to {target}: {e}"));
            Exit::Warning
        }
    }
}

fn render(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write(&mut bytes)?;
    Ok(bytes)
}

fn say(message: &str) {
    let _ = writeln!(io::stderr(), "investboard: {message}");
}
