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
use crate::i18n::Labels;
use crate::ui::text::{
    Align, Column, column_widths, header_spans, put_line, row_spans, table_body,
};
use crate::ui::{list_block, list_message, theme, visible_rows};

/// The stalled-approvals list.
pub struct StalledPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

/// The columns, titled in the app's language.
fn columns(l: &'static Labels) -> [Column; 7] {
    [
        Column {
            title: "",
            min: 1,
            max: 1,
            priority: 0,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_project,
            min: 12,
            max: 40,
            priority: 0,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_item,
            min: 10,
            max: 22,
            priority: 3,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_department,
            min: 10,
            max: 30,
            priority: 1,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_submitted,
            min: 10,
            max: 10,
            priority: 4,
            align: Align::Left,
        },
        Column {
            title: l.lists.col_days_limit,
            min: 10,
            max: 10,
            priority: 0,
            align: Align::Right,
        },
        Column {
            title: l.lists.col_overdue,
            min: 7,
            max: 7,
            priority: 2,
            align: Align::Right,
        },
    ]
}

/// "overdue 1-5: 2 · 6-10: 1 · 11-20: 1 · >20: 0 · 6 of 9 pending stalled"
pub fn buckets_line(l: &'static Labels, summary: &Summary) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!(" {} ", l.lists.overdue_buckets),
        theme::dim(),
    )];
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
        (l.lists.buckets_tail)(summary.pending_approvals),
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
        let l = app.settings.lang.labels();
        let block = list_block(
            app,
            Panel::Stalled,
            self.focused,
            l.stalled_sort(list.sort),
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
        put_line(buf, inner, inner.y, &buckets_line(l, &data.summary));
        let columns = columns(l);
        let widths = column_widths(&columns, inner.width);
        let empty = list.rows.is_empty().then_some(if list.filter.is_empty() {
            l.lists.no_stalled
        } else {
            l.lists.no_stalled_matches
        });
        let table = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        let Some(body) = table_body(buf, table, &columns, &widths, empty) else {
            return;
        };
        for (y, index) in visible_rows(list.selected, list.rows.len(), body) {
            let entry = &data.summary.stalled[list.rows[index]];
            let selected = index == list.selected;
            let marker = if selected { theme::SELECTED } else { " " };
            let cells = row_cells(&data.snapshot, entry, marker);
            let mut line = Line::from(row_spans(&columns, &widths, cells));
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
    let l = app.settings.lang.labels();
    let columns = columns(l);
    let widths = column_widths(&columns, width);
    let mut lines = vec![
        buckets_line(l, &data.summary),
        Line::from(header_spans(&columns, &widths)),
    ];
    for entry in data.summary.stalled.iter().take(rows) {
        let cells = row_cells(&data.snapshot, entry, " ");
        lines.push(Line::from(row_spans(&columns, &widths, cells)));
    }
    lines
}
