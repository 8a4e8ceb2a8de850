//! The signings list: newest first (or by amount or district), with badges for Top-500
//! investors and projects of 1 billion yuan or more; rows new since the previous poll carry a
//! `+` marker as well as colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::redact::HIDDEN_AMOUNT;
use crate::app::{App, Panel};
use crate::domain::model::Project;
use crate::i18n::Labels;
use crate::ui::text::{
    Align, Column, column_widths, header_spans, put_line, row_spans, table_body,
};
use crate::ui::{list_block, list_message, theme, visible_rows};

/// The signings list.
pub struct SigningsPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

/// The columns, titled in the app's language; the badge column as wide as both badges.
fn columns(l: &'static Labels) -> [Column; 8] {
    let badges = u16::try_from(l.lists.top500_badge.width() + 1 + l.lists.big_badge.width())
        .unwrap_or(10)
        .max(10);
    [
        Column {
            title: "",
            min: 2,
            max: 2,
            priority: 0,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_signed_on,
            min: 10,
            max: 10,
            priority: 1,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_project,
            min: 14,
            max: 44,
            priority: 0,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_investor,
            min: 10,
            max: 26,
            priority: 4,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_district,
            min: 8,
            max: 18,
            priority: 2,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_chain,
            min: 10,
            max: 22,
            priority: 5,
            align: Align::Left,
        },
        Column {
            title: l.common.money_unit,
            min: 6,
            max: 8,
            priority: 0,
            align: Align::Right,
        },
        Column {
            title: l.lists.col_badges,
            min: badges,
            max: badges,
            priority: 3,
            align: Align::Left,
        },
    ]
}

fn badges(project: &Project, app: &App) -> String {
    let l = app.settings.lang.labels();
    let mut out = Vec::new();
    if project.is_top500() {
        out.push(l.lists.top500_badge);
    }
    // The size badge would tell a redacted amount's order of magnitude.
    if project.amount >= app.options().big_project && !app.settings.redact {
        out.push(l.lists.big_badge);
    }
    out.join(" ")
}

fn optional(text: Option<&crate::sanitize::SafeText>) -> String {
    text.map_or_else(|| "-".to_owned(), ToString::to_string)
}

impl Widget for &SigningsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let app = self.app;
        let list = &app.signings;
        let l = app.settings.lang.labels();
        let block = list_block(
            app,
            Panel::Signings,
            self.focused,
            l.signing_sort(list.sort),
            &list.filter,
            list.rows.len(),
            app.data().map_or(0, |d| d.summary.signings.len()),
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(data) = app.data() else {
            list_message(app, inner, buf);
            return;
        };
        if inner.height < 2 {
            return;
        }
        let columns = columns(l);
        let widths = column_widths(&columns, inner.width);
        let empty = list.rows.is_empty().then_some(if list.filter.is_empty() {
            l.lists.no_signings
        } else {
            l.lists.no_signing_matches
        });
        let Some(body) = table_body(buf, inner, &columns, &widths, empty) else {
            return;
        };
        for (y, index) in visible_rows(list.selected, list.rows.len(), body) {
            let project = &data.snapshot.projects[list.rows[index]];
            let selected = index == list.selected;
            let new = app.is_highlighted(&project.id);
            let base = if new { theme::new_row() } else { Style::new() };
            let marker = format!(
                "{}{}",
                if selected { theme::SELECTED } else { " " },
                if new { theme::NEW } else { " " }
            );
            let cells = row_cells(app, project, marker, base);
            let mut line = Line::from(row_spans(&columns, &widths, cells));
            if selected {
                line = line.patch_style(theme::selected_row(self.focused));
            }
            put_line(buf, body, y, &line);
        }
    }
}

/// A few latest signings without a frame, for the wall overview.
pub fn latest_lines(app: &App, width: u16, rows: usize) -> Vec<Line<'static>> {
    let Some(data) = app.data() else {
        return Vec::new();
    };
    let columns = columns(app.settings.lang.labels());
    let widths = column_widths(&columns, width);
    let mut lines = vec![Line::from(header_spans(&columns, &widths))];
    for &i in data.summary.signings.iter().take(rows) {
        let project = &data.snapshot.projects[i];
        let new = app.is_highlighted(&project.id);
        let base = if new { theme::new_row() } else { Style::new() };
        let marker = (if new { " +" } else { "  " }).to_owned();
        let cells = row_cells(app, project, marker, base);
        lines.push(Line::from(row_spans(&columns, &widths, cells)));
    }
    lines
}

fn row_cells(app: &App, project: &Project, marker: String, base: Style) -> Vec<(String, Style)> {
    vec![
        (marker, base),
        (
            project.signed_on.map(|d| d.to_string()).unwrap_or_default(),
            base,
        ),
        (project.name.to_string(), base),
        (optional(project.investor.as_ref()), base),
        (optional(project.district.as_ref()), base),
        (optional(project.chain.as_ref()), base),
        (amount_cell(app, project), base),
        (badges(project, app), base.patch(theme::title())),
    ]
}

/// A project's amount in the column's unit, or [`HIDDEN_AMOUNT`] when redacted.
fn amount_cell(app: &App, project: &Project) -> String {
    if app.settings.redact {
        HIDDEN_AMOUNT.to_owned()
    } else {
        app.settings.lang.money(project.amount)
    }
}
