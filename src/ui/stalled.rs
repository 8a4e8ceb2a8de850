//! Stalled approvals, worst first: which project waits on which department, for how many
//! working days against its limit; with the ageing-bucket counts above the list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{App, Panel};
use crate::domain::aggregate::{STALLED_BUCKETS, StalledApproval, Summary};
use crate::domain::model::Snapshot;
use crate::ui::text::{Align, Column, column_widths, header_spans, put_line, row_spans};
use crate::ui::{list_block, list_message, theme, visible_rows};

/// The stalled-approvals list.
pub struct StalledPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

const COLUMNS: [Column; 7] = [
    Column {
        title: "",
        min: 1,
        max: 1,
        priority: 0,
        align: Align::Left,
    },
    Column {
        title: "Project",
        min: 12,
        max: 40,
        priority: 0,
        align: Align::Left,
    },
    Column {
        title: "Item",
        min: 10,
        max: 22,
        priority: 3,
        align: Align::Left,
    },
    Column {
        title: "Department",
        min: 10,
        max: 30,
        priority: 1,
        align: Align::Left,
    },
    Column {
        title: "Submitted",
        min: 10,
        max: 10,
        priority: 4,
        align: Align::Left,
    },
    Column {
        title: "Days/limit",
        min: 10,
        max: 10,
        priority: 0,
        align: Align::Right,
    },
    Column {
        title: "Overdue",
        min: 7,
        max: 7,
        priority: 2,
        align: Align::Right,
    },
];

/// "overdue 1-5: 2 · 6-10: 1 · 11-20: 1 · >20: 0 · 6 of 9 pending stalled"
pub fn buckets_line(summary: &Summary) -> Line<'static> {
    let mut spans = vec![Span::styled(" overdue ", theme::dim())];
    for (i, ((label, _, _), count)) in STALLED_BUCKETS
        .iter()
        .zip(summary.stalled_buckets)
        .enumerate()
    {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::dim()));
        }
        let style = if count > 0 {
            theme::stalled()
        } else {
            Style::new()
        };
        spans.push(Span::raw(format!("{label}: ")));
        spans.push(Span::styled(count.to_string(), style));
    }
    spans.push(Span::styled(
        format!(
            " working days · {} pending in all",
            summary.pending_approvals
        ),
        theme::dim(),
    ));
    Line::from(spans)
}

fn row_cells(snapshot: &Snapshot, entry: &StalledApproval, marker: &str) -> Vec<(String, Style)> {
    let project = &snapshot.projects[entry.project];
    let approval = &project.approvals[entry.approval];
    let dash = || "-".to_owned();
    vec![
        (marker.to_owned(), Style::new()),
        (project.name.to_string(), Style::new()),
        (
            approval
                .item
                .as_ref()
                .map_or_else(dash, ToString::to_string),
            Style::new(),
        ),
        (
            approval
                .department
                .as_ref()
                .map_or_else(dash, ToString::to_string),
            Style::new(),
        ),
        (approval.submitted_on.to_string(), Style::new()),
        (
            format!(
                "{}/{}",
                entry.working_days_elapsed, entry.limit_working_days
            ),
            Style::new(),
        ),
        (format!("+{}", entry.overdue_by()), theme::stalled()),
    ]
}

impl Widget for &StalledPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let app = self.app;
        let list = &app.stalled;
        let block = list_block(
            Panel::Stalled,
            self.focused,
            list.sort.label(),
            &list.filter,
            list.rows.len(),
            app.data().map_or(0, |d| d.summary.stalled.len()),
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(data) = app.data() else {
            list_message(app, inner, buf);
            return;
        };
        if inner.height < 3 {
            return;
        }
        put_line(buf, inner, inner.y, &buckets_line(&data.summary));
        let widths = column_widths(&COLUMNS, inner.width);
        put_line(
            buf,
            inner,
            inner.y + 1,
            &Line::from(header_spans(&COLUMNS, &widths)),
        );
        let body = Rect {
            y: inner.y + 2,
            height: inner.height - 2,
            ..inner
        };
        if list.rows.is_empty() {
            let text = if list.filter.is_empty() {
                "no approval is past its limit"
            } else {
                "no stalled approval matches the filter"
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
            let entry = &data.summary.stalled[list.rows[index]];
            let selected = index == list.selected;
            let marker = if selected { theme::SELECTED } else { " " };
            let cells = row_cells(&data.snapshot, entry, marker);
            let mut line = Line::from(row_spans(&COLUMNS, &widths, cells));
            if selected {
                line = line.patch_style(theme::selected_row(self.focused));
            }
            put_line(buf, body, y, &line);
        }
    }
}

/// The worst few stalled approvals without a frame, for the wall overview.
pub fn worst_lines(app: &App, width: u16, rows: usize) -> Vec<Line<'static>> {
    let Some(data) = app.data() else {
        return Vec::new();
    };
    let widths = column_widths(&COLUMNS, width);
    let mut lines = vec![
        buckets_line(&data.summary),
        Line::from(header_spans(&COLUMNS, &widths)),
    ];
    for entry in data.summary.stalled.iter().take(rows) {
        let cells = row_cells(&data.snapshot, entry, " ");
        lines.push(Line::from(row_spans(&COLUMNS, &widths, cells)));
    }
    lines
}
