//! A ledger file as rows of cells, whatever it was: CSV (UTF-8 with or without a byte order
//! mark, or GBK as Chinese office software saves it) or a workbook (XLSX, XLS, XLSB, ODS via
//! calamine). Row numbers are the ones the spreadsheet shows, so a problem can be found.

use std::io::Cursor;

use calamine::{Data, Reader as _};

/// How CSV bytes are decoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    /// UTF-8 when the bytes are valid UTF-8, else GBK
    #[default]
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GBK / GB18030 (Excel "CSV" on Chinese Windows)
    #[value(alias = "gb18030")]
    Gbk,
}

/// One cell as read: what it says, and whether the spreadsheet knew it as a number or a day.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A numeric cell, as the shortest decimal text that reads back to the same number: the
    /// digits the spreadsheet shows, so amounts convert exactly from it.
    Number(String),
    /// A cell formatted as a date.
    Date(chrono::NaiveDate),
    /// The spreadsheet's error value (`#REF!`).
    Error(String),
}

impl Cell {
    /// The text of the cell, trimmed; empty for an empty cell.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) | Cell::Number(text) | Cell::Error(text) => text.trim().to_owned(),
            Cell::Date(day) => day.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// A table of a ledger: its name (file or sheet) and its rows with their spreadsheet numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(u32, Vec<Cell>)>,
}

/// Why a file is no table at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SheetError {
    #[error("neither UTF-8 nor GBK text (invalid byte at offset {offset}); say --encoding")]
    NotText { offset: usize },
    #[error("not valid {encoding} text (invalid byte at offset {offset})")]
    NotEncoding {
        encoding: &'static str,
        offset: usize,
    },
    #[error("unclosed quote in the CSV starting on line {line}")]
    UnclosedQuote { line: u32 },
    #[error("cannot read the workbook: {0}")]
    Workbook(String),
}

/// Whether the bytes are a workbook (a zip: XLSX, ODS; or an OLE file: XLS) rather than text.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// CSV bytes as text: a UTF-8 byte order mark is dropped; invalid UTF-8 is tried as GBK under
/// `Auto` (a GBK file is rarely valid UTF-8 by chance: its two-byte Chinese characters are not
/// UTF-8 sequences).
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, SheetError> {
    let utf8 = |bytes: &[u8]| {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        std::str::from_utf8(bytes).map(str::to_owned)
    };
    let gbk = |bytes: &[u8]| {
        encoding_rs::GBK
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(std::borrow::Cow::into_owned)
    };
    match encoding {
        Encoding::Utf8 => utf8(bytes).map_err(|e| SheetError::NotEncoding {
            encoding: "UTF-8",
            offset: e.valid_up_to(),
        }),
        Encoding::Gbk => gbk(bytes).ok_or(SheetError::NotEncoding {
            encoding: "GBK",
            offset: 0,
        }),
        Encoding::Auto => utf8(bytes).or_else(|e| {
            gbk(bytes).ok_or(SheetError::NotText {
                offset: e.valid_up_to(),
            })
        }),
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks; lines end in
/// CRLF or LF. The row number of a record is the line it starts on. Empty lines are kept as
/// empty rows (so later numbers stay right) and dropped by the caller.
pub fn parse_csv(name: &str, text: &str) -> Result<Sheet, SheetError> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line: u32 = 1;
    let mut row_line: u32 = 1;
    let mut chars = text.chars().peekable();
    let end_field = |field: &mut String, row: &mut Vec<Cell>| {
        let value = std::mem::take(field);
        row.push(if value.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value)
        });
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, other) => {
                if other == '\n' {
                    line = line.saturating_add(1);
                }
                field.push(other);
            }
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => end_field(&mut field, &mut row),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                end_field(&mut field, &mut row);
                rows.push((row_line, std::mem::take(&mut row)));
                line = line.saturating_add(1);
                row_line = line;
            }
            (false, other) => field.push(other),
        }
    }
    if quoted {
        return Err(SheetError::UnclosedQuote { line: row_line });
    }
    if !field.is_empty() || !row.is_empty() {
        end_field(&mut field, &mut row);
        rows.push((row_line, row));
    }
    Ok(Sheet {
        name: name.to_owned(),
        rows,
    })
}

/// Every sheet of a workbook, in the workbook's order, named `file:sheet`.
pub fn read_workbook(file_name: &str, bytes: Vec<u8>) -> Result<Vec<Sheet>, SheetError> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| SheetError::Workbook(e.to_string()))?;
    let names = workbook.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| SheetError::Workbook(format!("sheet {name}: {e}")))?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .zip(first_row..)
            .map(|(cells, row)| {
                // Cells left of the range are empty: column positions match the headers'.
                let mut line = vec![Cell::Empty; first_column as usize];
                line.extend(cells.iter().map(cell_of));
                (row.saturating_add(1), line)
            })
            .collect();
        sheets.push(Sheet {
            name: format!("{file_name}:{name}"),
            rows,
        });
    }
    Ok(sheets)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            Cell::Text(text.clone())
        }
        Data::Int(value) => Cell::Number(value.to_string()),
        // Display writes the shortest text that reads back to the same double, without an
        // exponent: the number as the spreadsheet shows it, not its binary expansion.
        Data::Float(value) => Cell::Number(value.to_string()),
        Data::Bool(value) => Cell::Text(value.to_string()),
        Data::DateTime(when) if when.is_datetime() => {
            let (year, month, day, ..) = when.to_ymd_hms_milli();
            chrono::NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())
                .map_or_else(|| Cell::Number(when.as_f64().to_string()), Cell::Date)
        }
        Data::DateTime(when) => Cell::Number(when.as_f64().to_string()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<(u32, Vec<String>)> {
        sheet
            .rows
            .iter()
            .map(|(n, cells)| (*n, cells.iter().map(Cell::text).collect()))
            .collect()
    }

    #[test]
    fn csv_quotes_commas_and_line_breaks() {
        let sheet = parse_csv(
            "t.csv",
            "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",3\r\n\"two\nlines\",,\n\nlast,1,2",
        )
        .expect("valid CSV");
        assert_eq!(
            texts(&sheet),
            vec![
                (1, vec!["a".into(), "b".into(), "c".into()]),
                (2, vec!["x, y".into(), "say \"hi\"".into(), "3".into()]),
                (3, vec!["two\nlines".into(), String::new(), String::new()]),
                (5, vec![String::new()]),
                (6, vec!["last".into(), "1".into(), "2".into()]),
            ]
        );
        assert_eq!(
            parse_csv("t.csv", "a\n\"open,1\n"),
            Err(SheetError::UnclosedQuote { line: 2 })
        );
    }

    #[test]
    fn utf8_with_bom_and_gbk_are_detected() {
        let text = "项目名称,投资额（亿元）\n长沙储能,12.5\n";
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&with_bom, Encoding::Auto).as_deref(), Ok(text));
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&gbk).is_err(), "GBK is not UTF-8");
        assert_eq!(decode(&gbk, Encoding::Auto).as_deref(), Ok(text));
        assert_eq!(decode(&gbk, Encoding::Gbk).as_deref(), Ok(text));
        assert!(matches!(
            decode(&gbk, Encoding::Utf8),
            Err(SheetError::NotEncoding {
                encoding: "UTF-8",
                ..
            })
        ));
        assert!(matches!(
            decode(&[0x81, 0x20, 0xFF], Encoding::Auto),
            Err(SheetError::NotText { offset: 0 })
        ));
    }

    #[test]
    fn workbooks_are_told_from_text_by_their_first_bytes() {
        assert!(is_workbook(b"PK\x03\x04rest"));
        assert!(!is_workbook("项目名称,".as_bytes()));
    }
}
