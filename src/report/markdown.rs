//! The brief as Markdown: a title, the overview as a list, then each section as a heading, its
//! notes and a pipe table (numbers right-aligned). Pastes into messages and documents of
//! the office chat tools (`WeCom`, `DingTalk`), which render these tables.

use std::io::{self, Write};

use crate::report::labels::labels;
use crate::report::{Report, Value};

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "# {}", cell(&report.title))?;
    writeln!(out)?;
    for line in &report.overview {
        writeln!(out, "- {}", cell(line))?;
    }
    for section in &report.sections {
        writeln!(out)?;
        writeln!(out, "## {}", cell(&section.title))?;
        writeln!(out)?;
        for note in &section.notes {
            writeln!(out, "{}", cell(note))?;
            writeln!(out)?;
        }
        if section.rows.is_empty() {
            writeln!(out, "{}", labels(report.lang).none)?;
            continue;
        }
        let headers: Vec<String> = section.headers.iter().map(|h| cell(h)).collect();
        writeln!(out, "| {} |", headers.join(" | "))?;
        let rules: Vec<&str> = (0..section.headers.len())
            .map(|column| {
                let numeric = section
                    .rows
                    .iter()
                    .all(|row| matches!(row.get(column), Some(Value::Number { .. })));
                if numeric { "---:" } else { "---" }
            })
            .collect();
        writeln!(out, "|{}|", rules.join("|"))?;
        for row in &section.rows {
            let cells: Vec<String> = row.iter().map(|v| cell(v.shown())).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    Ok(())
}

/// Text safe inside a table cell: no pipe to end it, no line break to split the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_line_breaks_cannot_break_a_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
