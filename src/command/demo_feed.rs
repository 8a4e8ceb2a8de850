//! `investboard demo-feed`: write one snapshot of the embedded demo feed, or serve it over
//! HTTP with `ETag`s until a signal.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Utc};

use crate::cli::DemoFeedArgs;
use crate::config;
use crate::demo::DemoFeed;
use crate::exit::Exit;
use crate::startup::Startup;

pub async fn run(startup: &Startup, args: &DemoFeedArgs) -> Exit {
    let frozen = startup.frozen();
    let zone = config::china_standard_time();
    let epoch = frozen.unwrap_or_else(|| Utc::now().with_timezone(&zone));
    let feed = DemoFeed::new(args.seed, epoch, args.projects).in_lang(startup.lang());
    if let Some(path) = &args.write {
        return match write_demo(&feed, epoch, path) {
            Ok(()) => Exit::Ok,
            Err(e) => {
                super::report_io_error(&path.display().to_string(), &e);
                Exit::Warning
            }
        };
    }
    let Some(addr) = &args.listen else {
        return Exit::Usage;
    };
    let (listener, bound) = match crate::demo::server::bind(addr).await {
        Ok(pair) => pair,
        Err(e) => {
            super::report_io_error(&format!("cannot listen on {addr}"), &e);
            return Exit::Warning;
        }
    };
    let _ = writeln!(
        io::stderr(),
        "investboard: serving the demo feed on http://{bound}/ (Ctrl-C to stop)"
    );
    let clock = move || match frozen {
        Some(now) => now,
        None => Utc::now().with_timezone(&zone),
    };
    tokio::select! {
        result = crate::demo::server::serve(listener, Arc::new(feed), clock) => {
            if let Err(e) = result {
                super::report_io_error("demo server stopped", &e);
                return Exit::Warning;
            }
            Exit::Ok
        }
        () = crate::shutdown_signal() => Exit::Ok,
    }
}

fn write_demo(feed: &DemoFeed, now: DateTime<FixedOffset>, path: &Path) -> io::Result<()> {
    if path == Path::new("-") {
        // `demo-feed --write - | head` is fine: the reader had enough.
        return super::to_stdout(|out| feed.write_document_at(now, out));
    }
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    feed.write_document_at(now, &mut out)?;
    out.flush()
}
