//! Rows to feed records. Each row is read alone: a row with a bad cell is reported (every bad
//! cell of it, with its column) and left out; the other rows make the feed. Text is sanitized
//! here, at the edge, and ids are compared as the feed parser will compare them, so the
//! written feed parses with no rejection.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::domain::amount::Amount;
use crate::domain::model::{ApprovalStatus, Headquarters, Stage, Top500};
use crate::import::columns::{Field, Mapping, Table};
use crate::import::problem::{Problem, Reason};
use crate::import::sheet::{Cell, Sheet};
use crate::import::values::{self, Unit};
use crate::sanitize::sanitize;

/// A table that cannot be read at all: the import is unusable.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LedgerError {
    #[error("{sheet}: no header row (the sheet is empty)")]
    NoHeader { sheet: String },
    #[error("{sheet}: no column for {field} (headers: {headers}); name it in a --mapping file")]
    MissingColumn {
        sheet: String,
        field: String,
        headers: String,
    },
    #[error("{0}")]
    Mapping(String),
}

/// A project record as the feed writes it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ProjectRecord {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub investor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_region: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub top500: Vec<Top500>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headquarters: Option<Headquarters>,
    pub amount_cny: Amount,
    pub stage: Stage,
    pub signed_on: Option<String>,
    pub landed_on: Option<String>,
    pub started_on: Option<String>,
    pub operating_on: Option<String>,
    pub approvals: Vec<ApprovalRecord>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ApprovalRecord {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    pub submitted_on: String,
    pub decided_on: Option<String>,
    pub status: ApprovalStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit_working_days: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct TargetRecord {
    pub year: i32,
    pub quarter: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_projects: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_amount_cny: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_projects: Option<u32>,
}

/// What the rows made: the records, the rows that did not make one, and counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    pub projects: Vec<ProjectRecord>,
    pub targets: Vec<TargetRecord>,
    pub approvals: usize,
    /// Data rows read (empty rows not counted), all tables.
    pub rows: usize,
    pub problems: Vec<Problem>,
}

/// One table's header and the column of each field found in it.
struct Layout<'a> {
    sheet: &'a Sheet,
    headers: Vec<String>,
    columns: BTreeMap<Field, usize>,
    header_row: usize,
}

impl<'a> Layout<'a> {
    fn new(sheet: &'a Sheet, table: Table, mapping: &Mapping) -> Result<Layout<'a>, LedgerError> {
        let header_row = sheet
            .rows
            .iter()
            .position(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
            .ok_or_else(|| LedgerError::NoHeader {
                sheet: sheet.name.clone(),
            })?;
        let headers: Vec<String> = sheet.rows[header_row].1.iter().map(Cell::text).collect();
        let columns = mapping
            .resolve(table, &headers)
            .map_err(|e| LedgerError::Mapping(format!("{}: {e}", sheet.name)))?;
        Ok(Layout {
            sheet,
            headers,
            columns,
            header_row,
        })
    }

    /// The first required field without a column (an amount in any unit for projects).
    fn missing(&self, table: Table) -> Option<String> {
        let mut missing = Field::required(table)
            .iter()
            .find(|f| !self.columns.contains_key(f))
            .map(|f| f.key().to_owned());
        if table == Table::Projects
            && missing.is_none()
            && !self.columns.keys().any(|f| matches!(f, Field::Amount(_)))
        {
            missing = Some("amount_yi, amount_wan or amount_cny".to_owned());
        }
        missing
    }

    fn require(&self, table: Table) -> Result<(), LedgerError> {
        match self.missing(table) {
            None => Ok(()),
            Some(field) => Err(LedgerError::MissingColumn {
                sheet: self.sheet.name.clone(),
                field: format!("{}.{field}", table.key()),
                headers: self.headers.join(", "),
            }),
        }
    }

    /// Data rows: after the header, not empty.
    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.sheet.rows[self.header_row + 1..]
            .iter()
            .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
            .map(|(number, cells)| Row {
                layout: self,
                number: *number,
                cells,
                problems: Vec::new(),
            })
    }
}

/// One data row being read; bad cells collect as problems.
struct Row<'a> {
    layout: &'a Layout<'a>,
    number: u32,
    cells: &'a [Cell],
    problems: Vec<Problem>,
}

impl Row<'_> {
    fn cell(&self, field: Field) -> Option<(&Cell, usize)> {
        let column = *self.layout.columns.get(&field)?;
        self.cells
            .get(column)
            .filter(|c| !c.is_empty())
            .map(|c| (c, column))
    }

    fn fail(&mut self, column: Option<usize>, reason: Reason) {
        self.problems.push(Problem {
            table: self.layout.sheet.name.clone(),
            row: self.number,
            column: column.and_then(|c| self.layout.headers.get(c).cloned()),
            reason,
        });
    }

    fn column_of(&self, field: Field) -> Option<usize> {
        self.layout.columns.get(&field).copied()
    }

    /// Sanitized text, `None` when empty; a spreadsheet error value is a problem.
    fn text(&mut self, field: Field) -> Option<String> {
        let (cell, column) = self.cell(field)?;
        if let Cell::Error(error) = cell {
            let error = error.clone();
            self.fail(Some(column), Reason::CellError(error));
            return None;
        }
        Some(sanitize(&cell.text())).filter(|t| !t.is_empty())
    }

    fn required_text(&mut self, field: Field) -> String {
        let error_cell = matches!(self.cell(field), Some((Cell::Error(_), _)));
        let text = self.text(field);
        if text.is_none() && !error_cell {
            self.fail(self.column_of(field), Reason::Missing);
        }
        text.unwrap_or_default()
    }

    /// Parses a non-empty cell's text with `parse`; a failure is this cell's problem.
    fn parsed<T>(
        &mut self,
        field: Field,
        parse: impl FnOnce(&str) -> Result<T, Reason>,
    ) -> Option<T> {
        let column = self.column_of(field);
        let text = self.text(field)?;
        parse(&text)
            .map_err(|reason| self.fail(column, reason))
            .ok()
    }

    fn date(&mut self, field: Field) -> Option<NaiveDate> {
        let (cell, column) = self.cell(field)?;
        match cell {
            Cell::Date(day) => Some(*day),
            Cell::Number(serial) => {
                let serial = serial.clone();
                values::date_from_serial(&serial)
                    .ok_or(Reason::BadDate(serial))
                    .map_err(|reason| self.fail(Some(column), reason))
                    .ok()
            }
            _ => self.parsed(field, values::parse_date),
        }
    }

    fn day_text(&mut self, field: Field) -> Option<String> {
        self.date(field).map(|d| d.to_string())
    }

    /// The amount from whichever unit's column is filled (the first, in 亿, 万, 元 order).
    fn amount(&mut self, fields: [Field; 3]) -> Option<Amount> {
        let (field, unit) = fields.into_iter().find_map(|field| {
            let unit = match field {
                Field::Amount(unit) | Field::SignedAmount(unit) => unit,
                _ => Unit::Yuan,
            };
            self.cell(field).map(|_| (field, unit))
        })?;
        self.parsed(field, |text| values::parse_amount(text, unit))
    }
}

const PROJECT_AMOUNTS: [Field; 3] = [
    Field::Amount(Unit::Yi),
    Field::Amount(Unit::Wan),
    Field::Amount(Unit::Yuan),
];

const TARGET_AMOUNTS: [Field; 3] = [
    Field::SignedAmount(Unit::Yi),
    Field::SignedAmount(Unit::Wan),
    Field::SignedAmount(Unit::Yuan),
];

/// Whether `sheet`'s header row has the columns `table` needs (how an unnamed sheet of a
/// workbook is recognised).
pub fn fits(sheet: &Sheet, table: Table, mapping: &Mapping) -> bool {
    Layout::new(sheet, table, mapping).is_ok_and(|layout| layout.missing(table).is_none())
}

/// Reads the tables into records.
pub fn read(
    projects: &Sheet,
    approvals: Option<&Sheet>,
    targets: Option<&Sheet>,
    mapping: &Mapping,
) -> Result<Records, LedgerError> {
    let project_layout = Layout::new(projects, Table::Projects, mapping)?;
    project_layout.require(Table::Projects)?;
    let approval_layout = approvals
        .map(|sheet| Layout::new(sheet, Table::Approvals, mapping))
        .transpose()?;
    if let Some(layout) = &approval_layout {
        layout.require(Table::Approvals)?;
    }
    let target_layout = targets
        .map(|sheet| Layout::new(sheet, Table::Targets, mapping))
        .transpose()?;
    if let Some(layout) = &target_layout {
        layout.require(Table::Targets)?;
    }

    let mut records = Records::default();
    let mut first_row_of: HashMap<String, u32> = HashMap::new();
    for mut row in project_layout.rows() {
        records.rows += 1;
        let project = read_project(&mut row);
        let id = project.id.clone();
        if !id.is_empty() {
            if let Some(first_row) = first_row_of.get(&id) {
                let column = row.column_of(Field::Id);
                row.fail(
                    column,
                    Reason::DuplicateId {
                        first_row: *first_row,
                    },
                );
            } else {
                first_row_of.insert(id, row.number);
            }
        }
        if row.problems.is_empty() {
            records.projects.push(project);
        } else {
            records.problems.append(&mut row.problems);
        }
    }
    if let Some(layout) = &approval_layout {
        read_approvals(layout, &first_row_of, &mut records);
    }
    if let Some(layout) = &target_layout {
        read_targets(layout, &mut records);
    }
    Ok(records)
}

fn read_project(row: &mut Row<'_>) -> ProjectRecord {
    let id = row.required_text(Field::Id);
    let name = row.required_text(Field::Name);
    let amount = row.amount(PROJECT_AMOUNTS);
    if amount.is_none() && PROJECT_AMOUNTS.iter().all(|f| row.cell(*f).is_none()) {
        let column = PROJECT_AMOUNTS.iter().find_map(|f| row.column_of(*f));
        row.fail(column, Reason::Missing);
    }
    if row.cell(Field::Stage).is_none() {
        row.fail(row.column_of(Field::Stage), Reason::Missing);
    }
    let stage = row.parsed(Field::Stage, values::parse_stage);
    ProjectRecord {
        id,
        name,
        investor: row.text(Field::Investor),
        district: row.text(Field::District),
        zone: row.text(Field::Zone),
        chain: row.text(Field::Chain),
        source_region: row.text(Field::SourceRegion),
        top500: row
            .parsed(Field::Top500, values::parse_top500)
            .unwrap_or_default(),
        headquarters: row
            .parsed(Field::Headquarters, values::parse_headquarters)
            .flatten(),
        amount_cny: amount.unwrap_or_default(),
        stage: stage.unwrap_or(Stage::Negotiating),
        signed_on: row.day_text(Field::SignedOn),
        landed_on: row.day_text(Field::LandedOn),
        started_on: row.day_text(Field::StartedOn),
        operating_on: row.day_text(Field::OperatingOn),
        approvals: Vec::new(),
    }
}

fn read_approvals(layout: &Layout<'_>, ledger_ids: &HashMap<String, u32>, records: &mut Records) {
    let accepted: HashMap<String, usize> = records
        .projects
        .iter()
        .enumerate()
        .map(|(index, p)| (p.id.clone(), index))
        .collect();
    let mut first_row_of: HashMap<(usize, String), u32> = HashMap::new();
    for mut row in layout.rows() {
        records.rows += 1;
        let project_id = row.required_text(Field::ApprovalProject);
        let project = accepted.get(&project_id).copied();
        if project.is_none() && !project_id.is_empty() {
            let reason = if ledger_ids.contains_key(&project_id) {
                Reason::ProjectRejected(project_id.clone())
            } else {
                Reason::UnknownProject(project_id.clone())
            };
            row.fail(row.column_of(Field::ApprovalProject), reason);
        }
        let submitted = row.date(Field::SubmittedOn);
        if submitted.is_none() && row.cell(Field::SubmittedOn).is_none() {
            row.fail(row.column_of(Field::SubmittedOn), Reason::Missing);
        }
        let decided = row.day_text(Field::DecidedOn);
        let status_text = row.text(Field::Status).unwrap_or_default();
        let column = row.column_of(Field::Status);
        let status = values::parse_status(&status_text, decided.is_some())
            .map_err(|reason| row.fail(column, reason))
            .ok();
        // A row without an id gets one from its row number: unique, and it leads back to the row.
        let id = row
            .text(Field::ApprovalId)
            .unwrap_or_else(|| format!("R{}", row.number));
        let approval = ApprovalRecord {
            id: id.clone(),
            item: row.text(Field::Item),
            department: row.text(Field::Department),
            submitted_on: submitted.map(|d| d.to_string()).unwrap_or_default(),
            decided_on: decided,
            status: status.unwrap_or(ApprovalStatus::Pending),
            limit_working_days: row.parsed(Field::Limit, values::parse_count),
        };
        if let Some(project) = project {
            let key = (project, id);
            if let Some(first_row) = first_row_of.get(&key) {
                let column = row.column_of(Field::ApprovalId);
                row.fail(
                    column,
                    Reason::DuplicateId {
                        first_row: *first_row,
                    },
                );
            } else if row.problems.is_empty() {
                first_row_of.insert(key, row.number);
            }
        }
        match (project, row.problems.is_empty()) {
            (Some(project), true) => {
                records.projects[project].approvals.push(approval);
                records.approvals += 1;
            }
            _ => records.problems.append(&mut row.problems),
        }
    }
}

fn read_targets(layout: &Layout<'_>, records: &mut Records) {
    let mut first_row_of: HashMap<(i32, u8), u32> = HashMap::new();
    for mut row in layout.rows() {
        records.rows += 1;
        let year = row
            .parsed(Field::Year, values::parse_count)
            .and_then(|y| i32::try_from(y).ok());
        if row.cell(Field::Year).is_none() {
            row.fail(row.column_of(Field::Year), Reason::Missing);
        }
        let quarter = row.parsed(Field::Quarter, values::parse_quarter);
        if row.cell(Field::Quarter).is_none() {
            row.fail(row.column_of(Field::Quarter), Reason::Missing);
        }
        let target = TargetRecord {
            year: year.unwrap_or_default(),
            quarter: quarter.unwrap_or(1),
            signed_projects: row.parsed(Field::SignedProjects, values::parse_count),
            signed_amount_cny: row.amount(TARGET_AMOUNTS),
            started_projects: row.parsed(Field::StartedProjects, values::parse_count),
        };
        if let (Some(year), Some(quarter)) = (year, quarter) {
            if let Some(first_row) = first_row_of.get(&(year, quarter)) {
                let column = row.column_of(Field::Quarter);
                row.fail(
                    column,
                    Reason::DuplicateTarget {
                        first_row: *first_row,
                    },
                );
            } else if row.problems.is_empty() {
                first_row_of.insert((year, quarter), row.number);
            }
        }
        if row.problems.is_empty() {
            records.targets.push(target);
        } else {
            records.problems.append(&mut row.problems);
        }
    }
}
