//! The brief as an Excel workbook: an overview sheet, then one sheet per section (title,
//! notes, a bold header row, then the rows; numbers stored as numbers so they can be summed).
//! Written in memory, so the caller can replace the output file atomically.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::report::{Report, Value};

/// The workbook's bytes.
pub fn to_bytes(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let overview = workbook.add_worksheet();
    overview.set_name(sheet_name(&report.overview_sheet))?;
    overview.write_string_with_format(0, 0, &report.title, &bold)?;
    for (row, line) in (1u32..).zip(&report.overview) {
        overview.write_string(row, 0, line)?;
    }
    for section in &report.sections {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&section.sheet))?;
        sheet.write_string_with_format(0, 0, &section.title, &bold)?;
        let mut row = 1u32;
        for note in &section.notes {
            sheet.write_string(row, 0, note)?;
            row += 1;
        }
        row += 1;
        for (column, header) in (0u16..).zip(&section.headers) {
            sheet.write_string_with_format(row, column, header, &bold)?;
        }
        for values in &section.rows {
            row += 1;
            for (column, value) in (0u16..).zip(values) {
                match value {
                    Value::Text(text) => sheet.write_string(row, column, text)?,
                    Value::Number { value, .. } => sheet.write_number(row, column, *value)?,
                };
            }
        }
        fit_columns(sheet, &section.headers, &section.rows)?;
    }
    workbook.save_to_buffer()
}

/// Columns as wide as their widest cell (CJK counts double), within reason.
fn fit_columns(
    sheet: &mut Worksheet,
    headers: &[String],
    rows: &[Vec<Value>],
) -> Result<(), XlsxError> {
    for (column, header) in (0u16..).zip(headers) {
        let widest = rows
            .iter()
            .filter_map(|row| row.get(usize::from(column)))
            .map(|v| v.shown().width())
            .chain([header.width()])
            .max()
            .unwrap_or(8);
        let width = u16::try_from(widest.clamp(8, 60)).unwrap_or(60);
        sheet.set_column_width(column, f64::from(width) + 2.0)?;
    }
    Ok(())
}

/// A legal worksheet name: none of `[]:*?/\`, at most 31 characters.
fn sheet_name(name: &str) -> String {
    name.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal() {
        assert_eq!(sheet_name("a/b:c"), "a_b_c");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
