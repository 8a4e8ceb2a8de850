//! The brief as CSV, UTF-8 with a byte order mark (so Excel on Chinese Windows opens it as
//! UTF-8): the title and overview lines, then each section as its title, notes, header row and
//! rows, sections separated by an empty line. Fields are quoted per RFC 4180; text that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`.

use std::io::{self, Write};

use crate::report::{Report, Value};

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    line(out, &[report.title.as_str()])?;
    for overview in &report.overview {
        line(out, &[overview.as_str()])?;
    }
    for section in &report.sections {
        out.write_all(b"\r\n")?;
        line(out, &[section.title.as_str()])?;
        for note in &section.notes {
            line(out, &[note.as_str()])?;
        }
        let headers: Vec<&str> = section.headers.iter().map(String::as_str).collect();
        line(out, &headers)?;
        for row in &section.rows {
            let fields: Vec<String> = row
                .iter()
                .map(|value| match value {
                    Value::Text(text) => defused(text),
                    Value::Number { shown, .. } => shown.clone(),
                })
                .collect();
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            line(out, &fields)?;
        }
    }
    Ok(())
}

fn line(out: &mut impl Write, fields: &[&str]) -> io::Result<()> {
    let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
    write!(out, "{}\r\n", quoted.join(","))
}

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Text that starts like a formula, made inert.
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(defused("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("长沙"), "长沙");
    }
}
