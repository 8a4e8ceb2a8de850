//! The focused list as a CSV document: the rows the filter and scope leave, in the order on
//! screen, with a header in the app's language. UTF-8 with a byte-order mark so that
//! spreadsheet software reads Chinese correctly; RFC 4180 quoting with CRLF line ends; amounts
//! in exact yuan (the figures a spreadsheet adds up, not the rounded ones on screen). [`job`]
//! takes what is needed from `App` at once; [`ExportJob::csv`] builds the document wherever
//! the event loop runs it, and writing the file is `crate::export`'s.

use std::sync::Arc;

use crate::app::redact::HIDDEN_AMOUNT;
use crate::app::{App, Panel};
use crate::domain::aggregate::StalledApproval;
use crate::domain::model::Snapshot;
use crate::lang::Lang;
use crate::sanitize::SafeText;

/// A CSV document and the view it came from (for the file name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Csv {
    /// `signings` or `stalled`.
    pub view: &'static str,
    pub bytes: Vec<u8>,
}

/// What an export writes, taken from the app in an instant (the snapshot is shared, the rows
/// are indices) so that the document can be built off the UI task: a list of 100,000 rows
/// takes a while to format.
#[derive(Clone, Debug)]
pub struct ExportJob {
    lang: Lang,
    redact: bool,
    snapshot: Arc<Snapshot>,
    rows: Rows,
}

#[derive(Clone, Debug)]
enum Rows {
    /// Project indices, in the order shown.
    Signings(Vec<usize>),
    Stalled(Vec<StalledApproval>),
}

/// The focused list as an export job; `None` on the targets panel or before any data.
pub fn job(app: &App) -> Option<ExportJob> {
    let data = app.data()?;
    let rows = match app.focus {
        Panel::Signings => Rows::Signings(app.signings.rows.clone()),
        Panel::Stalled => Rows::Stalled(
            app.stalled
                .rows
                .iter()
                .filter_map(|&i| data.summary.stalled.get(i).copied())
                .collect(),
        ),
        Panel::Targets => return None,
    };
    Some(ExportJob {
        lang: app.settings.lang,
        redact: app.settings.redact,
        snapshot: Arc::clone(&data.snapshot),
        rows,
    })
}

/// The focused list as CSV, at once (tests and small lists).
pub fn csv(app: &App) -> Option<Csv> {
    job(app).map(|job| job.csv())
}

impl ExportJob {
    /// The document: a header in the job's language, then one line per row shown.
    pub fn csv(&self) -> Csv {
        let l = self.lang.labels();
        let projects = &self.snapshot.projects;
        let (view, header, body): (&'static str, Vec<&str>, Vec<Vec<String>>) = match &self.rows {
            Rows::Signings(rows) => (
                "signings",
                vec![
                    l.nav.csv_id,
                    l.lists.col_signed_on,
                    l.lists.col_project,
                    l.lists.col_investor,
                    l.lists.col_district,
                    l.lists.col_chain,
                    l.nav.csv_amount,
                ],
                rows.iter()
                    .filter_map(|&i| projects.get(i))
                    .map(|p| {
                        vec![
                            text(p.id.as_str()),
                            p.signed_on.map(|d| d.to_string()).unwrap_or_default(),
                            text(p.name.as_str()),
                            optional(p.investor.as_ref()),
                            optional(p.district.as_ref()),
                            optional(p.chain.as_ref()),
                            if self.redact {
                                HIDDEN_AMOUNT.to_owned()
                            } else {
                                p.amount.exact_yuan()
                            },
                        ]
                    })
                    .collect(),
            ),
            Rows::Stalled(rows) => (
                "stalled",
                vec![
                    l.nav.csv_id,
                    l.lists.col_project,
                    l.lists.col_approval,
                    l.lists.col_item,
                    l.lists.col_department,
                    l.lists.col_submitted,
                    l.nav.csv_working_days,
                    l.nav.csv_limit,
                    l.lists.col_overdue,
                ],
                rows.iter()
                    .filter_map(|entry| {
                        let p = projects.get(entry.project)?;
                        let a = p.approvals.get(entry.approval)?;
                        Some(vec![
                            text(p.id.as_str()),
                            text(p.name.as_str()),
                            text(a.id.as_str()),
                            optional(a.item.as_ref()),
                            optional(a.department.as_ref()),
                            a.submitted_on.to_string(),
                            entry.working_days_elapsed.to_string(),
                            entry.limit_working_days.to_string(),
                            entry.overdue_by().to_string(),
                        ])
                    })
                    .collect(),
            ),
        };
        let mut out = String::from('\u{feff}');
        let header: Vec<String> = header.into_iter().map(str::to_owned).collect();
        for row in std::iter::once(header).chain(body) {
            let cells: Vec<String> = row.iter().map(|cell| quoted(cell)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        Csv {
            view,
            bytes: out.into_bytes(),
        }
    }
}

/// A feed text as a cell. A leading `=`, `+`, `-` or `@` would make a spreadsheet run the
/// cell as a formula, so such a text is written with a leading `'` (the usual guard).
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

fn optional(value: Option<&SafeText>) -> String {
    value.map(|value| text(value.as_str())).unwrap_or_default()
}

/// RFC 4180: a cell holding a comma, quote or line break is quoted, its quotes doubled.
fn quoted(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::keys::action_for;
    use crate::lang::Lang;
    use crate::testing::loaded_app;

    fn press(app: &mut App, code: KeyCode) {
        if let Some(action) = action_for(app.input, &KeyEvent::new(code, KeyModifiers::NONE)) {
            app.update(action);
        }
    }

    fn lines(csv: &Csv) -> Vec<String> {
        let text = String::from_utf8(csv.bytes.clone()).expect("UTF-8");
        let text = text
            .strip_prefix('\u{feff}')
            .expect("a byte-order mark first");
        assert!(text.ends_with("\r\n"), "CRLF line ends: {text:?}");
        text.split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_signings_export_is_the_list_as_shown_with_exact_amounts() {
        let mut app = loaded_app(false);
        // Largest amount first.
        press(&mut app, KeyCode::Char('s'));
        let csv = csv(&app).expect("signings export");
        assert_eq!(csv.view, "signings");
        let lines = lines(&csv);
        assert_eq!(
            lines[0],
            "Id,Signed,Project,Investor,District,Chain,Amount (yuan)"
        );
        assert_eq!(lines.len(), app.signings.rows.len() + 1);
        let data = app.data().expect("loaded");
        let first = &data.snapshot.projects[app.signings.rows[0]];
        assert!(
            lines[1].starts_with(&format!("{},", first.id)),
            "{}",
            lines[1]
        );
        assert!(
            lines[1].ends_with(&format!(",{}", first.amount.exact_yuan())),
            "{}",
            lines[1]
        );
        let amounts: Vec<u128> = lines[1..]
            .iter()
            .map(|l| {
                let yuan = l.rsplit(',').next().unwrap_or_default();
                yuan.split('.')
                    .next()
                    .unwrap_or_default()
                    .parse()
                    .unwrap_or(0)
            })
            .collect();
        assert!(amounts.windows(2).all(|w| w[0] >= w[1]), "{amounts:?}");
    }

    #[test]
    fn the_stalled_export_follows_the_filter_and_speaks_chinese() {
        let mut app = loaded_app(false);
        app.settings.lang = Lang::Zh;
        press(&mut app, KeyCode::Char('3'));
        press(&mut app, KeyCode::Char('/'));
        for c in "住房".chars() {
            press(&mut app, KeyCode::Char(c));
        }
        press(&mut app, KeyCode::Enter);
        let csv = csv(&app).expect("stalled export");
        assert_eq!(csv.view, "stalled");
        let lines = lines(&csv);
        assert!(lines[0].starts_with("编号,项目,"), "{}", lines[0]);
        assert_eq!(lines.len(), app.stalled.rows.len() + 1);
        assert!(lines.len() > 1);
        assert!(lines[1..].iter().all(|l| l.contains("住房")), "{lines:?}");
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(quoted("plain"), "plain");
        assert_eq!(quoted("a,b"), "\"a,b\"");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(text("-1"), "'-1");
        assert_eq!(text("长沙"), "长沙");
    }

    #[test]
    fn nothing_to_export_on_the_targets_panel_or_before_data() {
        let mut app = loaded_app(false);
        press(&mut app, KeyCode::Char('2'));
        assert_eq!(csv(&app), None);
        let (empty, _) = crate::testing::empty_app(false);
        assert_eq!(csv(&empty), None);
    }
}
