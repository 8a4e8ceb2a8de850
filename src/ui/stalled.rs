//! Stalled approvals, worst first: which project waits on which department, for how many
//! working days against its limit; with the ageing-bucket counts above the list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::lists::StalledSort;
use crate::app::{App, Panel};
use crate::domain::aggregate::{STALLED_BUCKETS, StalledApproval, Summary, overdue_level};
use crate::domain::model::{Approval, Project, Snapshot};
use crate::i18n::Labels;
use crate::ui::table::{Col, MARKER, Table, marker, or_dash, plain};
use crate::ui::text::{Column, put_line, whole_groups};
use crate::ui::{list_block, list_message, list_table, theme};

/// The stalled-approvals list.
pub struct StalledPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

/// A stalled approval as its cells see it.
pub(crate) struct Stalled<'a> {
    project: &'a Project,
    approval: &'a Approval,
    entry: &'a StalledApproval,
    selected: bool,
}

impl<'a> Stalled<'a> {
    fn new(snapshot: &'a Snapshot, entry: &'a StalledApproval, selected: bool) -> Stalled<'a> {
        let project = &snapshot.projects[entry.project];
        Stalled {
            project,
            approval: &project.approvals[entry.approval],
            entry,
            selected,
        }
    }
}

/// The columns with their cells, titled in the app's language.
pub(crate) fn columns<'a>(l: &'static Labels) -> [Col<Stalled<'a>>; 7] {
    [
        Col {
            spec: MARKER,
            cell: |r| marker(r.selected),
        },
        Col {
            spec: Column::left(l.lists.col_project, 12, 40, 0),
            cell: |r| plain(r.project.name.to_string()),
        },
        Col {
            spec: Column::left(l.lists.col_item, 10, 22, 3),
            cell: |r| plain(or_dash(r.approval.item.as_ref())),
        },
        Col {
            spec: Column::left(l.lists.col_department, 10, 30, 1),
            cell: |r| plain(or_dash(r.approval.department.as_ref())),
        },
        Col {
            spec: Column::left(l.lists.col_submitted, 10, 10, 4),
            cell: |r| plain(r.approval.submitted_on.to_string()),
        },
        Col {
            spec: Column::right(l.lists.col_days_limit, 10, 10, 0),
            cell: |r| {
                let e = r.entry;
                plain(format!(
                    "{}/{}",
                    e.working_days_elapsed, e.limit_working_days
                ))
            },
        },
        Col {
            spec: Column::right(l.lists.col_overdue, 7, 7, 2),
            cell: |r| {
                let days = r.entry.overdue_by();
                let level = overdue_level(days).unwrap_or_default();
                (format!("+{days}"), theme::overdue(level))
            },
        },
    ]
}

/// The index in [`columns`] of the column a sort orders by.
pub(crate) fn sorted_column(sort: StalledSort) -> usize {
    match sort {
        StalledSort::Project => 1,
        StalledSort::Item => 2,
        StalledSort::Department => 3,
        StalledSort::Submitted => 4,
        StalledSort::Days => 5,
        StalledSort::Overdue => 6,
    }
}

/// "overdue 1-5: 2 · 6-10: 1 · 11-20: 1 · >20: 0 working days · 9 pending in all", in `width`
/// columns: phrases that do not fit are left out whole, never cut.
pub fn buckets_line(l: &'static Labels, summary: &Summary, width: u16) -> Line<'static> {
    let mut groups = vec![vec![Span::styled(
        format!(" {} ", l.lists.overdue_buckets),
        theme::dim(),
    )]];
    for (i, ((label, _, _), count)) in STALLED_BUCKETS
        .iter()
        .zip(summary.stalled_buckets)
        .enumerate()
    {
        let mut group = Vec::new();
        if i > 0 {
            group.push(Span::styled(" · ", theme::dim()));
        }
        let style = if count > 0 {
            theme::overdue(i)
        } else {
            Style::new()
        };
        group.push(Span::raw(format!("{label}: ")));
        group.push(Span::styled(count.to_string(), style));
        groups.push(group);
    }
    groups.push(vec![Span::styled(
        (l.lists.buckets_tail)(summary.pending_approvals),
        theme::dim(),
    )]);
    whole_groups(groups, usize::from(width))
}

impl Widget for &StalledPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let app = self.app;
        let list = &app.stalled;
        let l = app.settings.lang.labels();
        let block = list_block(app, Panel::Stalled, self.focused, list);
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(data) = app.data() else {
            list_message(app, inner, buf);
            return;
        };
        if inner.height < 3 {
            return;
        }
        put_line(
            buf,
            inner,
            inner.y,
            &buckets_line(l, &data.summary, inner.width),
        );
        let columns = columns(l);
        let empty = (l.lists.no_stalled, l.lists.no_stalled_matches);
        let marks = (self.focused, app.shows_selection());
        let sorted = sorted_column(list.sort.column);
        let table = list_table(list, &columns, marks, sorted, empty, |i, selected| {
            Stalled::new(&data.snapshot, &data.summary.stalled[i], selected)
        });
        let below_buckets = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        table.render(below_buckets, buf);
    }
}

/// The worst few stalled approvals without a frame, for the wall overview.
pub fn worst_lines(app: &App, width: u16, rows: usize) -> Vec<Line<'static>> {
    let Some(data) = app.data() else {
        return Vec::new();
    };
    let l = app.settings.lang.labels();
    let columns = columns(l);
    let rows: Vec<Stalled<'_>> = data
        .summary
        .stalled
        .iter()
        .take(rows)
        .map(|entry| Stalled::new(&data.snapshot, entry, false))
        .collect();
    let table = Table::fitting(&columns, width, &rows.iter().collect::<Vec<_>>());
    let mut lines = vec![buckets_line(l, &data.summary, width), table.header()];
    lines.extend(rows.iter().map(|row| table.line(row)));
    lines
}
