//! A project's detail: every field, the milestone timeline (signed -> landed -> started ->
//! operating) with the days between steps, and every approval with its state. Fills the body
//! rather than floating over it, so no wide character is cut by a popup edge.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::keys::Command;
use crate::app::redact::HIDDEN_AMOUNT;
use crate::domain::model::{Approval, ApprovalStatus, Project, Top500};
use crate::i18n::Labels;
use crate::sanitize::{fit_width, truncate_to_width};
use crate::ui::table::{Col, MARKER, Table, marker, or_dash, plain};
use crate::ui::text::Column;
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

/// Label/value pairs, two to a row when the width allows.
fn fields(app: &App, project: &Project, width: u16) -> Vec<Line<'static>> {
    let lang = app.settings.lang;
    let l = lang.labels();
    let amount = if app.settings.redact {
        HIDDEN_AMOUNT.to_owned()
    } else {
        lang.amount(project.amount)
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
        (l.detail.field_zone, or_dash(project.zone.as_ref())),
        (l.detail.field_chain, or_dash(project.chain.as_ref())),
        (
            l.detail.field_source,
            or_dash(project.source_region.as_ref()),
        ),
        (
            l.detail.field_hq,
            project
                .headquarters
                .map_or("-", |hq| l.detail.headquarters(hq))
                .to_owned(),
        ),
        (l.detail.field_top500, top500_names(l, &project.top500)),
    ];
    let label = 10;
    let pair = |(name, value): &(&str, String), value_width: usize| -> Vec<Span<'static>> {
        vec![
            Span::styled(fit_width(name, label), theme::dim()),
            Span::raw(fit_width(value, value_width)),
        ]
    };
    let width = usize::from(width);
    if width >= 70 {
        let half = width / 2;
        let value_width = half.saturating_sub(label + 2);
        pairs
            .chunks(2)
            .map(|two| {
                let mut spans = vec![Span::raw(" ")];
                for p in two {
                    spans.extend(pair(p, value_width));
                    spans.push(Span::raw(" "));
                }
                Line::from(spans)
            })
            .collect()
    } else {
        let value_width = width.saturating_sub(label + 1);
        pairs
            .iter()
            .map(|p| {
                let mut spans = vec![Span::raw(" ")];
                spans.extend(pair(p, value_width));
                Line::from(spans)
            })
            .collect()
    }
}

/// Milestones as a small table: names, dates, and the days from the step before.
fn timeline(l: &Labels, project: &Project) -> Vec<Line<'static>> {
    let steps = [
        (l.detail.stage_signed, project.signed_on),
        (l.detail.stage_landed, project.landed_on),
        (l.detail.stage_started, project.started_on),
        (l.detail.stage_operating, project.operating_on),
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
        let mut line = table.line(&ApprovalRow::new(l, approval, limit, elapsed, chosen));
        if chosen {
            line = line.patch_style(theme::selected_row(true));
        }
        lines.push(line);
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
        // Approvals before milestones: from the stalled list they are the point.
        let mut lines = fields(self.app, project, inner.width);
        lines.extend(approvals(self, project, inner.width));
        lines.extend(timeline(l, project));
        Paragraph::new(lines)
            .scroll((self.scroll, 0))
            .render(inner, buf);
    }
}
