//! A project's detail: every field, the milestone timeline (signed -> landed -> started ->
//! operating) with the days between steps, and every approval with its state. Fills the body
//! rather than floating over it, so no wide character is cut by a popup edge.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::keys::Command;
use crate::app::redact::HIDDEN_AMOUNT;
use crate::domain::model::{Approval, ApprovalStatus, Project, Top500};
use crate::i18n::Labels;
use crate::sanitize::{fit_width, truncate_to_width};
use crate::ui::table::{Col, MARKER, Table, marker, or_dash, plain};
use crate::ui::text::{Column, wrap_width};
use crate::ui::theme;

/// The detail view of one project.
pub struct DetailPanel<'a> {
    pub app: &'a App,
    pub project: usize,
    pub approval: Option<usize>,
    pub scroll: u16,
    pub elapsed: &'a [Option<u32>],
}

fn top500_names(l: &Labels, kinds: &[Top500]) -> String {
    if kinds.is_empty() {
        return "-".to_owned();
    }
    kinds
        .iter()
        .map(|k| l.detail.top500(*k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Width of a field's label column.
const LABEL: usize = 10;

/// Label/value pairs, two to a row when the width allows.
fn fields(app: &App, project: &Project, width: u16, full_name: bool) -> Vec<Line<'static>> {
    let lang = app.settings.lang;
    let l = lang.labels();
    let amount = if app.settings.redact {
        HIDDEN_AMOUNT.to_owned()
    } else {
        lang.amount_detail(project.amount)
    };
    let pairs = [
        (l.detail.field_id, project.id.to_string()),
        (
            l.detail.field_stage,
            l.detail.stage(project.stage).to_owned(),
        ),
        (l.detail.field_investor, or_dash(project.investor.as_ref())),
        (l.detail.field_amount, amount),
        (l.detail.field_district, or_dash(project.district.as_ref())),
        (l.detail.field_zone, or_dash(project.zone())),
        (l.detail.field_chain, or_dash(project.chain.as_ref())),
        (l.detail.field_source, or_dash(project.source_region())),
        (
            l.detail.field_hq,
            project
                .headquarters()
                .map_or("-", |hq| l.detail.headquarters(hq))
                .to_owned(),
        ),
        (l.detail.field_top500, top500_names(l, project.top500())),
    ];
    // A value too long for its place wraps onto more lines under itself, marked as continued:
    // the detail view is where a name is read in full.
    let pair = |(name, value): &(&str, String), value_width: usize| -> Vec<Vec<Span<'static>>> {
        wrap_width(value, value_width)
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let name = if i == 0 {
                    fit_width(name, LABEL)
                } else {
                    format!("{:>width$}", theme::CONTINUED, width = LABEL - 1) + " "
                };
                vec![
                    Span::styled(name, theme::dim()),
                    Span::raw(fit_width(&part, value_width)),
                ]
            })
            .collect()
    };
    let label = LABEL;
    let width = usize::from(width);
    let per_row = if width >= 70 { 2 } else { 1 };
    let value_width = (width / per_row).saturating_sub(label + per_row);
    let blank = vec![Span::raw(" ".repeat(label + value_width))];
    let mut lines = Vec::new();
    if full_name {
        // The title had to cut the name: here it is whole, across the width.
        let name = (l.lists.col_project, project.name.to_string());
        let whole_width = width.saturating_sub(label + 1);
        for spans in pair(&name, whole_width) {
            let mut line = vec![Span::raw(" ")];
            line.extend(spans);
            lines.push(Line::from(line));
        }
    }
    for row in pairs.chunks(per_row) {
        let parts: Vec<Vec<Vec<Span<'static>>>> =
            row.iter().map(|p| pair(p, value_width)).collect();
        let height = parts.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..height {
            let mut spans = vec![Span::raw(" ")];
            for part in &parts {
                spans.extend(part.get(i).unwrap_or(&blank).iter().cloned());
                spans.push(Span::raw(" "));
            }
            lines.push(Line::from(spans));
        }
    }
    lines
}

/// Milestones as a small table: names, dates, and the days from the step before.
fn timeline(l: &Labels, project: &Project) -> Vec<Line<'static>> {
    let steps = [
        (l.detail.stage_signed, project.signed_on),
        (l.detail.stage_landed, project.landed_on()),
        (l.detail.stage_started, project.started_on),
        (l.detail.stage_operating, project.operating_on()),
    ];
    let cell = 12;
    let mut names = vec![Span::styled(
        fit_width(&format!(" {}", l.detail.milestones), cell),
        theme::title(),
    )];
    let mut dates = vec![Span::raw(" ".repeat(cell))];
    let mut gaps = vec![Span::raw(" ".repeat(cell))];
    let mut previous: Option<NaiveDate> = None;
    for (name, date) in steps {
        let style = if date.is_some() {
            Style::new()
        } else {
            theme::dim()
        };
        names.push(Span::styled(fit_width(name, cell), theme::column_header()));
        let date_text = date.map_or_else(|| "-".to_owned(), |d| d.to_string());
        dates.push(Span::styled(fit_width(&date_text, cell), style));
        let between = match (previous, date) {
            (Some(from), Some(to)) => (l.detail.days_between)((to - from).num_days()),
            _ => String::new(),
        };
        gaps.push(Span::styled(fit_width(&between, cell), theme::dim()));
        if date.is_some() {
            previous = date;
        }
    }
    vec![Line::from(names), Line::from(dates), Line::from(gaps)]
}

/// An approval as its cells see it: its state and days worked out once for both cells.
pub(crate) struct ApprovalRow<'a> {
    approval: &'a Approval,
    selected: bool,
    state: String,
    days: String,
    /// Stalled approvals stand out in both the state and the days.
    style: Style,
}

impl<'a> ApprovalRow<'a> {
    fn new(
        l: &Labels,
        approval: &'a Approval,
        limit: u32,
        elapsed: Option<u32>,
        selected: bool,
    ) -> ApprovalRow<'a> {
        let (state, days, style) = match (approval.status, elapsed) {
            (ApprovalStatus::Pending, Some(days)) if days > limit => (
                l.common.stalled_word.to_owned(),
                format!("{days}/{limit} (+{})", days - limit),
                theme::stalled(),
            ),
            (ApprovalStatus::Pending, Some(days)) => (
                l.detail.approval_pending.to_owned(),
                format!("{days}/{limit}"),
                Style::new(),
            ),
            (status, _) => {
                let decided = approval
                    .decided_on
                    .map_or_else(|| "-".to_owned(), |d| (l.detail.decided_on)(&d.to_string()));
                (
                    l.detail.approval_status(status).to_owned(),
                    decided,
                    Style::new(),
                )
            }
        };
        ApprovalRow {
            approval,
            selected,
            state,
            days,
            style,
        }
    }
}

/// The approval columns with their cells, titled in the app's language.
pub(crate) fn approval_columns<'a>(l: &'static Labels) -> [Col<ApprovalRow<'a>>; 7] {
    [
        Col {
            spec: MARKER,
            cell: |r| marker(r.selected),
        },
        Col {
            spec: Column::left(l.lists.col_approval, 8, 8, 3),
            cell: |r| plain(r.approval.id.to_string()),
        },
        Col {
            spec: Column::left(l.lists.col_item, 10, 28, 0),
            cell: |r| plain(or_dash(r.approval.item.as_ref())),
        },
        Col {
            spec: Column::left(l.lists.col_department, 10, 34, 1),
            cell: |r| plain(or_dash(r.approval.department.as_ref())),
        },
        Col {
            spec: Column::left(l.lists.col_submitted, 10, 10, 2),
            cell: |r| plain(r.approval.submitted_on.to_string()),
        },
        Col {
            spec: Column::left(l.lists.col_state, 9, 9, 0),
            cell: |r| (r.state.clone(), r.style),
        },
        Col {
            spec: Column::left(l.lists.col_days_decided, 14, 24, 0),
            cell: |r| (r.days.clone(), r.style),
        },
    ]
}

fn approvals(panel: &DetailPanel<'_>, project: &Project, width: u16) -> Vec<Line<'static>> {
    let l = panel.app.settings.lang.labels();
    if project.approvals.is_empty() {
        return vec![Line::styled(
            format!(" {}", l.detail.approvals_none),
            theme::dim(),
        )];
    }
    let columns = approval_columns(l);
    let table = Table::new(&columns, width);
    let mut lines = vec![table.header()];
    let default_limit = panel.app.options().default_limit_working_days;
    for (i, approval) in project.approvals.iter().enumerate() {
        let chosen = panel.approval == Some(i);
        let limit = approval.limit_working_days.unwrap_or(default_limit);
        let elapsed = panel.elapsed.get(i).copied().flatten();
        let row = ApprovalRow::new(l, approval, limit, elapsed, chosen);
        for mut line in table.wrapped_lines(&row) {
            if chosen {
                line = line.patch_style(theme::selected_row(true));
            }
            lines.push(line);
        }
    }
    lines
}

impl Widget for &DetailPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let Some(project) = self
            .app
            .data()
            .and_then(|d| d.snapshot.projects.get(self.project))
        else {
            return;
        };
        let l = self.app.settings.lang.labels();
        let keys = &self.app.keys;
        // Scrolling reads best with the arrows, which come last in the default bindings.
        let last = |command| {
            keys.keys(command)
                .last()
                .map(|k| k.name())
                .unwrap_or_default()
        };
        let hint = (l.detail.detail_keys)(
            &keys.key_name(Command::Close),
            &last(Command::Down),
            &last(Command::Up),
        );
        let block = Block::bordered()
            .border_type(ratatui::widgets::BorderType::Thick)
            .border_style(theme::focused_border())
            .title(Span::styled(
                format!(
                    " {} ",
                    truncate_to_width(
                        project.name.as_str(),
                        usize::from(area.width.saturating_sub(4))
                    )
                ),
                theme::title(),
            ))
            .title_bottom(Line::styled(format!(" {hint} "), theme::dim()).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        // Approvals before milestones: from the stalled list they are the point. A name too
        // long for the title is written out in full above the fields.
        let title_room = usize::from(area.width.saturating_sub(4));
        let full_name = project.name.as_str().width() > title_room;
        let mut lines = fields(self.app, project, inner.width, full_name);
        lines.extend(approvals(self, project, inner.width));
        lines.extend(timeline(l, project));
        Paragraph::new(lines)
            .scroll((self.scroll, 0))
            .render(inner, buf);
    }
}
