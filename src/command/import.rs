//! `investboard import LEDGER`: reads the ledger (and the approvals and targets files), writes
//! the feed to `--write FILE` atomically or to stdout, and reports every rejected row on
//! stderr. Exit codes as `check-feed`: 0 every row imported, 1 some rows rejected (the feed
//! holds the others), 2 nothing usable (unreadable ledger, a required column missing, the feed
//! not written), 3 bad arguments or mapping file.

use std::io::{self, Write as _};
use std::path::Path;

use crate::atomic_write::write_atomically;
use crate::cli::ImportArgs;
use crate::exit::Exit;
use crate::import::{Imported, Mapping, Source, import};
use crate::lang::Lang;
use crate::sanitize::sanitize;
use crate::small_file;
use crate::startup::Startup;

/// The largest ledger read: a city's ledger is a few MB; a larger file is a mistake.
const MAX_LEDGER_BYTES: u64 = 256 * 1024 * 1024;
/// The largest mapping file read.
const MAX_MAPPING_BYTES: u64 = 64 * 1024;

pub fn run(startup: &Startup, args: &ImportArgs) -> Exit {
    let lang = startup.lang();
    let mapping = match args.mapping.as_deref().map(read_mapping).transpose() {
        Ok(mapping) => mapping.unwrap_or_default(),
        Err(message) => {
            say(&message);
            return Exit::Usage;
        }
    };
    let sources = (|| {
        Ok::<_, String>((
            read_source(&args.ledger)?,
            args.approvals.as_deref().map(read_source).transpose()?,
            args.targets.as_deref().map(read_source).transpose()?,
        ))
    })();
    let (ledger, approvals, targets) = match sources {
        Ok(sources) => sources,
        Err(message) => {
            say(&message);
            return Exit::Critical;
        }
    };
    let imported = match import(
        ledger,
        approvals,
        targets,
        args.encoding,
        &mapping,
        startup.now(),
    ) {
        Ok(imported) => imported,
        Err(error) => {
            say(&sanitize(&error.to_string()));
            return Exit::Critical;
        }
    };
    report_problems(&imported, lang);
    let written = match &args.write {
        Some(path) => write_atomically(path, &imported.document)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => super::to_stdout(|out| out.write_all(&imported.document))
            .map_err(|e| format!("cannot write the feed: {e}")),
    };
    if let Err(message) = written {
        say(&message);
        return Exit::Critical;
    }
    if imported.records.problems.is_empty() {
        Exit::Ok
    } else {
        Exit::Warning
    }
}

fn read_source(path: &Path) -> Result<Source, String> {
    let bytes = small_file::read(path, MAX_LEDGER_BYTES)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(Source { name, bytes })
}

fn read_mapping(path: &Path) -> Result<Mapping, String> {
    let bytes = small_file::read(path, MAX_MAPPING_BYTES)
        .map_err(|e| format!("cannot read the mapping {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("the mapping {} is not UTF-8", path.display()))?;
    Mapping::parse(&text).map_err(|e| format!("mapping {}: {}", path.display(), sanitize(&e)))
}

/// Every rejected row, then one summary line, on stderr (stdout may be the feed).
fn report_problems(imported: &Imported, lang: Lang) {
    let mut err = io::stderr().lock();
    for problem in &imported.records.problems {
        let _ = writeln!(err, "{}", problem.line(lang));
    }
    for sheet in &imported.ignored_sheets {
        let sheet = sanitize(sheet);
        let _ = match lang {
            Lang::En => writeln!(
                err,
                "{sheet}: not a projects, approvals or targets table; ignored"
            ),
            Lang::Zh => writeln!(err, "{sheet}：不是项目、审批或目标表，已忽略"),
        };
    }
    let records = &imported.records;
    let rejected = rows_rejected(imported);
    let _ = match lang {
        Lang::En => writeln!(
            err,
            "imported {} projects, {} approvals, {} targets from {} rows; {} rows rejected",
            records.projects.len(),
            records.approvals,
            records.targets.len(),
            records.rows,
            rejected
        ),
        Lang::Zh => writeln!(
            err,
            "已导入 {} 个项目、{} 项审批、{} 条目标（共 {} 行）；{} 行未能导入",
            records.projects.len(),
            records.approvals,
            records.targets.len(),
            records.rows,
            rejected
        ),
    };
}

/// Rows with at least one problem (a row with two bad cells counts once).
fn rows_rejected(imported: &Imported) -> usize {
    let mut rows: Vec<(&str, u32)> = imported
        .records
        .problems
        .iter()
        .map(|p| (p.table.as_str(), p.row))
        .collect();
    rows.dedup();
    rows.len()
}

fn say(message: &str) {
    let _ = writeln!(io::stderr(), "investboard: {message}");
}
