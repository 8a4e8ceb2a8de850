//! Targets: Q1..Q4 of this year against their targets (bars drawn by hand so they can pass
//! 100% and cope with a missing or zero target, the real percentage as text, a pace marker on
//! the current quarter), year to date, and breakdowns by district, by chain and of stalled
//! approvals by department, whose rows are selectable for a drill-down (`app::drill`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::drill::{BreakdownKind, TargetsView};
use crate::app::{App, Panel};
use crate::domain::aggregate::{Breakdown, MetricFigure, QuarterFigures, Summary, overdue_level};
use crate::domain::breakdown::DepartmentStalled;
use crate::domain::metric::{Metric, Quantity};
use crate::i18n::{CommonLabels, Lang, NavLabels, TargetLabels};
use crate::sanitize::fit_width;
use crate::ui::table::{Col, ListTable, MARKER, marker, plain, visible_rows};
use crate::ui::text::{Column, bar, percent, put_line, whole_groups};
use crate::ui::{list_message, panel_block, theme};

/// The targets panel.
pub struct TargetsPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

const LABEL: usize = 7;
const METRICS: usize = Metric::ALL.len();

/// Each metric of a quarter, with its figures written out (`34/40`).
fn metrics(lang: Lang, q: &QuarterFigures) -> [(MetricFigure, String); METRICS] {
    Metric::ALL.map(|metric| {
        let figure = q.metric(metric);
        let text = figure.text(|amount| lang.money(amount));
        (figure, text)
    })
}

/// One metric cell: bar, percentage and figures, in exactly `width` columns. `figures_width`
/// is the same for every quarter so the bars line up.
fn metric_cell(
    c: &'static CommonLabels,
    (metric, figures): &(MetricFigure, String),
    pace: Option<f64>,
    width: usize,
    figures_width: usize,
) -> Vec<Span<'static>> {
    let Some(ratio) = metric.ratio else {
        // No target, or a target of 0 (reached): the words whole, then the figures if they
        // fit whole.
        let mut groups = vec![vec![Span::styled(
            c.progress(metric.progress),
            theme::progress(metric.progress),
        )]];
        if metric.zero_target() {
            groups.push(vec![Span::styled(
                format!(" · {}", c.zero_target),
                theme::progress(metric.progress),
            )]);
        }
        groups.push(vec![Span::styled(
            format!("  {figures}"),
            theme::progress(metric.progress),
        )]);
        let line = whole_groups(groups, width);
        let pad = width.saturating_sub(line.width());
        let mut spans = line.spans;
        spans.push(Span::raw(" ".repeat(pad)));
        return spans;
    };
    let pct = percent(ratio);
    let long = format!(" {pct:>5} {}", fit_width(figures, figures_width));
    let short = format!(" {pct:>5}");
    let tail = if width >= long.width() + 6 {
        long
    } else {
        short
    };
    let bar_width = width.saturating_sub(tail.width());
    let mut spans = if bar_width >= 3 {
        bar(metric.ratio, pace, bar_width, metric.progress, c.no_target)
    } else {
        Vec::new()
    };
    let tail_width = if spans.is_empty() {
        width
    } else {
        tail.width()
    };
    spans.push(Span::styled(
        fit_width(&tail, tail_width),
        theme::progress(metric.progress),
    ));
    spans
}

/// The header and one row per quarter, each `width` wide.
pub fn quarter_lines(lang: Lang, summary: &Summary, width: u16) -> Vec<Line<'static>> {
    let labels = lang.labels();
    let (l, c) = (&labels.targets, &labels.common);
    let width = usize::from(width);
    // One column per metric, each after a space.
    let cell = width.saturating_sub(LABEL + METRICS) / METRICS;
    let mut header = vec![Span::styled(
        fit_width(&format!(" {}", l.col_quarter), LABEL),
        theme::column_header(),
    )];
    for metric in Metric::ALL {
        let name = c.metric(metric);
        header.push(Span::raw(" "));
        header.push(Span::styled(
            fit_width(&name.with_unit(name.full), cell),
            theme::column_header(),
        ));
    }
    let mut lines = vec![Line::from(header)];
    let all = summary.year_quarters.each_ref().map(|q| metrics(lang, q));
    let mut figures_width = [0usize; METRICS];
    for quarter in &all {
        for (w, (_, figures)) in figures_width.iter_mut().zip(quarter) {
            *w = (*w).max(figures.width());
        }
    }
    for (q, quarter_metrics) in summary.year_quarters.iter().zip(&all) {
        let current = q.quarter == summary.quarter.quarter;
        let label = format!(" {}", (l.quarter_row)(q.quarter, current));
        let style = if current {
            theme::title()
        } else {
            Style::new()
        };
        let pace = current.then_some(q.elapsed_share);
        let mut spans = vec![Span::styled(fit_width(&label, LABEL), style)];
        for (metric, figures) in quarter_metrics.iter().zip(figures_width) {
            spans.push(Span::raw(" "));
            spans.extend(metric_cell(c, metric, pace, cell, figures));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// Year to date, against the sum of the quarter targets where all four are set, in `width`
/// columns: phrases that do not fit are left out whole (a figure is never cut).
pub fn ytd_line(lang: Lang, summary: &Summary, width: u16) -> Line<'static> {
    let l = &lang.labels().targets;
    let quarters = &summary.year_quarters;
    let [signed, amount, started] = Metric::ALL.map(|metric| {
        // Saturating: a feed can state absurd targets, and a pinned figure is visibly wrong.
        let target = quarters
            .iter()
            .map(|q| q.target.get(metric))
            .collect::<Option<Vec<_>>>()
            .and_then(|targets| targets.into_iter().reduce(Quantity::saturating_add));
        summary
            .year_to_date
            .get(metric)
            .of_target(target, |amount| lang.money(amount))
    });
    let mut groups = vec![vec![Span::styled(
        fit_width(&format!(" {}", l.ytd), LABEL),
        theme::title(),
    )]];
    // Both languages join their phrases with " · ": each phrase is kept whole or left out.
    let figures = (l.ytd_figures)(&signed, &amount, &started);
    for (i, phrase) in figures.split(" · ").enumerate() {
        let lead = if i == 0 { " " } else { " · " };
        groups.push(vec![Span::raw(format!("{lead}{phrase}"))]);
    }
    let badges = (l.ytd_badges)(summary.top500_projects, summary.big_projects);
    for (i, phrase) in badges.split(" · ").enumerate() {
        let lead = if i == 0 { "   " } else { " · " };
        groups.push(vec![Span::styled(format!("{lead}{phrase}"), theme::dim())]);
    }
    whole_groups(groups, usize::from(width))
}

/// A breakdown row as its cells see it.
pub(crate) struct BreakdownRow<'a> {
    lang: Lang,
    row: &'a Breakdown,
    selected: bool,
}

/// The breakdown columns with their cells, titled in the app's language; the first column is
/// titled with what the rows break down by (`title`).
pub(crate) fn breakdown_columns<'a>(
    l: &'static TargetLabels,
    title: &'static str,
) -> [Col<BreakdownRow<'a>>; 5] {
    [
        Col {
            spec: MARKER,
            cell: |r| marker(r.selected),
        },
        Col {
            spec: Column::left(title, 10, 24, 0),
            cell: |r| {
                (
                    breakdown_label(&r.lang.labels().targets, r.row),
                    Style::new(),
                )
            },
        },
        Col {
            spec: Column::right(l.col_pipeline, 8, 8, 2),
            cell: |r| (r.row.projects.to_string(), Style::new()),
        },
        Col {
            spec: Column::right(l.col_signed_count, 6, 6, 1),
            cell: |r| (r.row.figures.signed_projects.to_string(), Style::new()),
        },
        Col {
            spec: Column::right(l.col_amount_ytd, 8, 8, 0),
            cell: |r| (r.lang.money(r.row.figures.signed_amount), Style::new()),
        },
    ]
}

/// A department's stalled approvals as its cells see it.
pub(crate) struct DepartmentRow<'a> {
    lang: Lang,
    row: &'a DepartmentStalled,
    selected: bool,
}

/// The department breakdown's columns: the department (titled `title`, the breakdown's
/// heading), how many approvals it holds past their limit, and the worst one's working days
/// overdue (styled by its level).
pub(crate) fn department_columns<'a>(
    l: &'static NavLabels,
    title: &'static str,
) -> [Col<DepartmentRow<'a>>; 4] {
    [
        Col {
            spec: MARKER,
            cell: |r| marker(r.selected),
        },
        Col {
            spec: Column::left(title, 10, 30, 0),
            cell: |r| {
                let name = r.row.department.as_str();
                if name == crate::domain::aggregate::UNASSIGNED {
                    plain(r.lang.labels().nav.no_department.to_owned())
                } else {
                    plain(name.to_owned())
                }
            },
        },
        Col {
            spec: Column::right(l.col_stalled, 7, 7, 0),
            cell: |r| plain(r.row.stalled.len().to_string()),
        },
        Col {
            spec: Column::right(l.col_worst, 5, 6, 1),
            cell: |r| {
                let days = r.row.worst_overdue();
                let level = overdue_level(days).unwrap_or_default();
                (format!("+{days}"), theme::overdue(level))
            },
        },
    ]
}

/// One breakdown block: its header and the rows that fit, scrolled to the selection when it
/// is in this block; when rows are left over and the block is not `expanded`, the last line
/// says how many (`+4 more`).
struct BreakdownBlock<'a, R, F> {
    columns: &'a [Col<R>],
    len: usize,
    /// The selected row, when the selection is in this block.
    selected: Option<usize>,
    focused: bool,
    expanded: bool,
    row: F,
}

impl<R, F: Fn(usize, bool) -> R> BreakdownBlock<'_, R, F> {
    fn render(self, lang: Lang, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let fit = usize::from(area.height - 1);
        let overflow = !self.expanded && self.len > fit && fit > 0;
        let table_area = if overflow {
            Rect {
                height: area.height - 1,
                ..area
            }
        } else {
            area
        };
        ListTable {
            columns: self.columns,
            len: self.len,
            selected: self.selected.unwrap_or(0),
            focused: self.focused,
            marked: self.selected.is_some(),
            empty: "",
            sorted: None,
            row: self.row,
            top: None,
        }
        .render(table_area, buf);
        if overflow {
            let shown = fit - 1;
            let more = (lang.labels().targets.more_rows)(self.len - shown);
            let y = area.bottom() - 1;
            let line = Line::styled(fit_width(&more, usize::from(area.width)), theme::dim());
            put_line(buf, area, y, &line);
        }
    }
}

/// The row's label; the aggregation's "(none)" row in the app's language.
fn breakdown_label(l: &TargetLabels, row: &Breakdown) -> String {
    if row.label.as_str() == crate::domain::aggregate::UNASSIGNED {
        l.unassigned.to_owned()
    } else {
        row.label.to_string()
    }
}

/// Draws one breakdown (`kind`) in `area`, with the selection when it is there.
fn render_breakdown(app: &App, kind: BreakdownKind, area: Rect, buf: &mut Buffer, focused: bool) {
    let Some(data) = app.data() else { return };
    let lang = app.settings.lang;
    let l = lang.labels();
    let lengths = app.breakdown_lengths();
    let selected = app
        .targets
        .position(lengths)
        .filter(|(k, _)| focused && *k == kind)
        .map(|(_, row)| row);
    let expanded = app.targets.expanded;
    match kind {
        BreakdownKind::District | BreakdownKind::Chain => {
            let (title, rows) = if kind == BreakdownKind::District {
                (l.targets.by_district, &data.summary.by_district)
            } else {
                (l.targets.by_chain, &data.summary.by_chain)
            };
            let columns = breakdown_columns(&l.targets, title);
            BreakdownBlock {
                columns: &columns,
                len: rows.len(),
                selected,
                focused,
                expanded,
                row: |i, selected| BreakdownRow {
                    lang,
                    row: &rows[i],
                    selected,
                },
            }
            .render(lang, area, buf);
        }
        BreakdownKind::Department => {
            let columns = department_columns(&l.nav, l.nav.by_department);
            let rows = &data.trends.stalled_by_department;
            BreakdownBlock {
                columns: &columns,
                len: rows.len(),
                selected,
                focused,
                expanded,
                row: |i, selected| DepartmentRow {
                    lang,
                    row: &rows[i],
                    selected,
                },
            }
            .render(lang, area, buf);
        }
    }
}

/// Districts, chains and stalled approvals by department side by side when wide enough,
/// districts beside the other two when less wide, else one above the other. The selection shows only while the panel has the focus.
pub fn render_breakdowns(app: &App, area: Rect, buf: &mut Buffer, focused: bool) {
    for (kind, block) in blocks(area) {
        render_breakdown(app, kind, block, buf, focused);
    }
}

/// A one-column margin on the left, as the quarter rows have.
fn indented(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(1),
        ..area
    }
}

/// The three breakdown blocks in `area`.
fn blocks(area: Rect) -> Vec<(BreakdownKind, Rect)> {
    if area.height < 2 {
        return Vec::new();
    }
    let area = indented(area);
    let blocks: [Rect; 3] = if area.width >= 72 {
        area.layout(&Layout::horizontal([Constraint::Fill(1); 3]).spacing(2))
    } else if area.width >= 48 {
        // Districts down the left, chains above departments on the right.
        let [left, right] = area.layout(&Layout::horizontal([Constraint::Fill(1); 2]).spacing(2));
        let [top, bottom] = right.layout(&Layout::vertical([Constraint::Fill(1); 2]));
        [left, top, bottom]
    } else {
        area.layout(&Layout::vertical([Constraint::Fill(1); 3]))
    };
    BreakdownKind::ALL.into_iter().zip(blocks).collect()
}

/// Rows above the breakdowns: the quarter table (header and four quarters), year to date and
/// a blank line.
const ROWS_ABOVE_BREAKDOWNS: u16 = 7;

/// Where each breakdown is drawn in the panel's `inner` area: the selected one alone when
/// expanded, else all three below the quarters.
fn breakdown_areas(app: &App, inner: Rect) -> Vec<(BreakdownKind, Rect)> {
    if app.targets.expanded
        && let Some((kind, _)) = app.targets.position(app.breakdown_lengths())
    {
        return vec![(kind, indented(inner))];
    }
    let top = inner.y.saturating_add(ROWS_ABOVE_BREAKDOWNS);
    let rest = Rect {
        y: top,
        height: inner.bottom().saturating_sub(top),
        ..inner
    };
    blocks(rest.intersection(inner))
}

/// The breakdown row drawn at `position` in a targets panel drawn in `area`, as an index of
/// the panel's selection (for a mouse click).
/// What a click on the breakdowns hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BreakdownHit {
    /// A drawn row: its selection index.
    Row(usize),
    /// A breakdown's `+N more` line: the selection index to keep (the selection when it is
    /// in that breakdown, else the breakdown's first row) while all its rows are shown.
    More(usize),
}

pub(crate) fn breakdown_at(app: &App, area: Rect, position: Position) -> Option<BreakdownHit> {
    let inner = Block::bordered().inner(area);
    let lengths = app.breakdown_lengths();
    let (kind, block) = breakdown_areas(app, inner)
        .into_iter()
        .find(|(_, block)| block.contains(position))?;
    let len = lengths[BreakdownKind::ALL.iter().position(|k| *k == kind)?];
    let fit = usize::from(block.height.saturating_sub(1));
    let overflow = !app.targets.expanded && len > fit && fit > 0;
    let rows = Rect {
        y: block.y.saturating_add(1),
        height: block.height.saturating_sub(1 + u16::from(overflow)),
        ..block
    };
    let selected_here = app
        .targets
        .position(lengths)
        .filter(|(k, _)| *k == kind)
        .map(|(_, row)| row);
    if overflow && position.y == rows.bottom() {
        let keep = selected_here.unwrap_or(0);
        return Some(BreakdownHit::More(TargetsView::index_of(
            kind, keep, lengths,
        )));
    }
    // Drawn scrolled to the selection only while the panel has the focus.
    let selected = selected_here
        .filter(|_| app.focus == Panel::Targets)
        .unwrap_or(0);
    let (_, row) = visible_rows(selected, len, rows, 0).find(|(y, _)| *y == position.y)?;
    Some(BreakdownHit::Row(TargetsView::index_of(kind, row, lengths)))
}

/// The title's tail while one breakdown shows all its rows: ` · By district: all rows`.
fn expanded_title(app: &App) -> String {
    let l = app.settings.lang.labels();
    let kind = app.targets.position(app.breakdown_lengths());
    match kind {
        Some((kind, _)) if app.targets.expanded => {
            let name = match kind {
                BreakdownKind::District => l.targets.by_district,
                BreakdownKind::Chain => l.targets.by_chain,
                BreakdownKind::Department => l.nav.by_department,
            };
            format!(" · {name}: {}", l.nav.all_rows)
        }
        _ => String::new(),
    }
}

impl Widget for &TargetsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let block = panel_block(
            self.app,
            Panel::Targets,
            self.focused,
            expanded_title(self.app),
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(data) = self.app.data() else {
            list_message(self.app, inner, buf);
            return;
        };
        let app = self.app;
        if app.targets.expanded {
            // One breakdown with every row, scrolled to the selection.
            for (kind, area) in breakdown_areas(app, inner) {
                render_breakdown(app, kind, area, buf, self.focused);
            }
            return;
        }
        let summary = &data.summary;
        let lang = app.settings.lang;
        let mut y = inner.y;
        for line in quarter_lines(lang, summary, inner.width) {
            put_line(buf, inner, y, &line);
            y = y.saturating_add(1);
        }
        put_line(buf, inner, y, &ytd_line(lang, summary, inner.width));
        for (kind, area) in breakdown_areas(app, inner) {
            render_breakdown(app, kind, area, buf, self.focused);
        }
    }
}
