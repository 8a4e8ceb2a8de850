//! `investboard import`: an office's ledger spreadsheet (CSV in UTF-8 or GBK, or a workbook)
//! becomes a feed document that the feed parser accepts without a rejection. Rows that cannot
//! become records are reported with their row, column and reason; the good rows still make
//! the feed.
//!
//! Pure apart from what it is handed: bytes in, a document and problems out. Reading and
//! writing files is the command's (`command::import`). Depends on `domain` (exact amounts,
//! stages) and `sanitize`; nothing here knows the terminal or the network.
//!
//! Layout of a ledger (docs/import.md): the projects table, with an approvals table and a
//! targets table each as another sheet of the workbook (named 审批/Approvals and
//! 目标/Targets, or recognised by their headers) or as their own CSV files.

pub mod columns;
pub mod ledger;
pub mod problem;
pub mod sheet;
pub mod values;

use chrono::{DateTime, FixedOffset, SecondsFormat};

pub use columns::{Mapping, Table};
pub use ledger::{LedgerError, Records};
pub use problem::{Problem, Reason};
pub use sheet::{Encoding, SheetError};

use crate::feed::parse::SCHEMA_VERSION;
use crate::import::sheet::Sheet;

/// A file handed to the import: its name as the user gave it, and its bytes.
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why nothing could be imported (exit 2, as an unusable feed).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("{name}: {error}")]
    Sheet { name: String, error: SheetError },
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("{name}: no sheet has the projects' columns")]
    NoProjects { name: String },
}

/// What an import made.
#[derive(Debug)]
pub struct Imported {
    /// The feed document (JSON, UTF-8, ends in a newline).
    pub document: Vec<u8>,
    pub records: Records,
    /// Sheets of the workbook that were not used, by name (a notes sheet, say).
    pub ignored_sheets: Vec<String>,
}

/// Sheet names (compared after `columns::normalise`) that hold approvals or targets.
const APPROVAL_SHEETS: [&str; 5] = ["审批", "审批事项", "审批台账", "approvals", "approval"];
const TARGET_SHEETS: [&str; 5] = ["目标", "目标任务", "季度目标", "targets", "target"];

/// Reads the ledger (and the approvals and targets files, when given: they take the place of
/// the workbook's sheets) and writes the feed, stamped `generated_at`.
pub fn import(
    ledger: Source,
    approvals: Option<Source>,
    targets: Option<Source>,
    encoding: Encoding,
    mapping: &Mapping,
    generated_at: DateTime<FixedOffset>,
) -> Result<Imported, ImportError> {
    let mut sheets = read_tables(ledger, encoding)?;
    let ledger_name = sheets.first().map(|s| s.name.clone()).unwrap_or_default();
    let mut ignored_sheets = Vec::new();
    let (mut approval_sheet, mut target_sheet) = (None, None);
    if sheets.len() > 1 {
        let projects_at = sheets
            .iter()
            .position(|s| ledger::fits(s, Table::Projects, mapping))
            .ok_or(ImportError::NoProjects {
                name: ledger_name.clone(),
            })?;
        let projects = sheets.remove(projects_at);
        for sheet in std::mem::take(&mut sheets) {
            let name = columns::normalise(sheet.name.rsplit(':').next().unwrap_or_default());
            let named = |list: &[&str]| list.contains(&name.as_str());
            if approval_sheet.is_none()
                && (named(&APPROVAL_SHEETS) || ledger::fits(&sheet, Table::Approvals, mapping))
            {
                approval_sheet = Some(sheet);
            } else if target_sheet.is_none()
                && (named(&TARGET_SHEETS) || ledger::fits(&sheet, Table::Targets, mapping))
            {
                target_sheet = Some(sheet);
            } else {
                ignored_sheets.push(sheet.name);
            }
        }
        sheets.push(projects);
    }
    let projects = sheets
        .pop()
        .ok_or(ImportError::NoProjects { name: ledger_name })?;
    if let Some(source) = approvals {
        approval_sheet = Some(first_table(source, encoding)?);
    }
    if let Some(source) = targets {
        target_sheet = Some(first_table(source, encoding)?);
    }
    let records = ledger::read(
        &projects,
        approval_sheet.as_ref(),
        target_sheet.as_ref(),
        mapping,
    )?;
    let document = write_document(&records, generated_at);
    Ok(Imported {
        document,
        records,
        ignored_sheets,
    })
}

/// The tables of a file: every sheet of a workbook, or the one table of a CSV.
fn read_tables(source: Source, encoding: Encoding) -> Result<Vec<Sheet>, ImportError> {
    let fail = |name: &str| {
        let name = name.to_owned();
        move |error| ImportError::Sheet { name, error }
    };
    if sheet::is_workbook(&source.bytes) {
        return sheet::read_workbook(&source.name, source.bytes).map_err(fail(&source.name));
    }
    let text = sheet::decode(&source.bytes, encoding).map_err(fail(&source.name))?;
    Ok(vec![
        sheet::parse_csv(&source.name, &text).map_err(fail(&source.name))?,
    ])
}

fn first_table(source: Source, encoding: Encoding) -> Result<Sheet, ImportError> {
    let name = source.name.clone();
    read_tables(source, encoding)?
        .into_iter()
        .next()
        .ok_or(ImportError::NoProjects { name })
}

#[derive(serde::Serialize)]
struct Document<'a> {
    schema_version: u64,
    generated_at: String,
    targets: &'a [ledger::TargetRecord],
    projects: &'a [ledger::ProjectRecord],
}

fn write_document(records: &Records, generated_at: DateTime<FixedOffset>) -> Vec<u8> {
    let document = Document {
        schema_version: SCHEMA_VERSION,
        generated_at: generated_at.to_rfc3339_opts(SecondsFormat::Secs, false),
        targets: &records.targets,
        projects: &records.projects,
    };
    // Serializing plain strings, numbers and exact amounts cannot fail; an empty document
    // would be refused by the parser rather than half-read.
    let mut bytes = serde_json::to_vec_pretty(&document).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
