//! The signings list: newest first (or by amount or district), with badges for Top-500
//! investors and projects of 1 billion yuan or more; rows new since the previous poll carry a
//! `+` marker as well as colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::{App, Panel};
use crate::domain::model::Project;
use crate::ui::text::{Align, Column, column_widths, header_spans, put_line, row_spans};
use crate::ui::{list_block, list_message, theme, visible_rows};

/// The signings list.
pub struct SigningsPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

const COLUMNS: [Column; 8] = [
    Column {
        title: "",
        min: 2,
        max: 2,
        priority: 0,
        align: Align::Left,
    },
    Column {
        title: "Signed",
        min: 10,
        max: 10,
        priority: 1,
        align: Align::Left,
    },
    Column {
        title: "Project",
        min: 14,
        max: 44,
        priority: 0,
        align: Align::Left,
    },
    Column {
        title: "Investor",
        min: 10,
        max: 26,
        priority: 4,
        align: Align::Left,
    },
    Column {
        title: "District",
        min: 8,
        max: 18,
        priority: 2,
        align: Align::Left,
    },
    Column {
        title: "Chain",
        min: 10,
        max: 22,
        priority: 5,
        align: Align::Left,
    },
    Column {
        title: "亿",
        min: 6,
        max: 8,
        priority: 0,
        align: Align::Right,
    },
    Column {
        title: "Badges",
        min: 10,
        max: 10,
        priority: 3,
        align: Align::Left,
    },
];

fn badges(project: &Project, app: &App) -> String {
    let mut out = Vec::new();
    if project.is_top500() {
        out.push("T500");
    }
    if project.amount >= app.options().big_project {
        out.push("10亿+");
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
        let block = list_block(
            Panel::Signings,
            self.focused,
            list.sort.label(),
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
        let widths = column_widths(&COLUMNS, inner.width);
        put_line(
            buf,
            inner,
            inner.y,
            &Line::from(header_spans(&COLUMNS, &widths)),
        );
        let body = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        if list.rows.is_empty() {
            let text = if list.filter.is_empty() {
                "no signings yet"
            } else {
                "no signing matches the filter"
            };
            put_line(
                buf,
                body,
                body.y,
                &Line::styled(format!("  {text}"), theme::dim()),
            );
            return;
        }
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
            let mut line = Line::from(row_spans(&COLUMNS, &widths, cells));
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
    let widths = column_widths(&COLUMNS, width);
    let mut lines = vec![Line::from(header_spans(&COLUMNS, &widths))];
    for &i in data.summary.signings.iter().take(rows) {
        let project = &data.snapshot.projects[i];
        let new = app.is_highlighted(&project.id);
        let base = if new { theme::new_row() } else { Style::new() };
        let marker = (if new { " +" } else { "  " }).to_owned();
        let cells = row_cells(app, project, marker, base);
        lines.push(Line::from(row_spans(&COLUMNS, &widths, cells)));
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
        (project.amount.yi(), base),
        (badges(project, app), base.patch(theme::title())),
    ]
}
