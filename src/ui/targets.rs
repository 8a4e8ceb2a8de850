//! Targets: Q1..Q4 of this year against their targets (bars drawn by hand so they can pass
//! 100% and cope with a missing or zero target, the real percentage as text, a pace marker on
//! the current quarter), year to date, and breakdowns by district and by chain.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Panel};
use crate::domain::aggregate::{Breakdown, MetricFigure, QuarterFigures, Summary};
use crate::domain::metric::{Metric, Quantity};
use crate::i18n::{CommonLabels, Lang, TargetLabels};
use crate::sanitize::fit_width;
use crate::ui::table::{Col, Table};
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
        // No target: the word whole, then the figures if they fit whole.
        let groups = vec![
            vec![Span::styled(c.no_target, theme::dim())],
            vec![Span::styled(
                format!("  {figures}"),
                theme::progress(metric.progress),
            )],
        ];
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
}

/// The breakdown columns with their cells, titled in the app's language; the first column is
/// titled with what the rows break down by (`title`).
pub(crate) fn breakdown_columns<'a>(
    l: &'static TargetLabels,
    title: &'static str,
) -> [Col<BreakdownRow<'a>>; 4] {
    [
        Col {
            spec: Column::left(title, 8, 24, 0),
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

fn breakdown(lang: Lang, title: &'static str, rows: &[Breakdown], area: Rect, buf: &mut Buffer) {
    let l = &lang.labels().targets;
    let columns = breakdown_columns(l, title);
    let shown = usize::from(area.height.saturating_sub(1));
    let cells: Vec<BreakdownRow<'_>> = rows
        .iter()
        .take(shown)
        .map(|row| BreakdownRow { lang, row })
        .collect();
    let table = Table::fitting(&columns, area.width, &cells.iter().collect::<Vec<_>>());
    put_line(buf, area, area.y, &table.header());
    for (i, cell) in cells.iter().enumerate() {
        let y = area.y + 1 + u16::try_from(i).unwrap_or(u16::MAX);
        put_line(buf, area, y, &table.line(cell));
    }
    if rows.len() > shown && shown > 0 {
        let more = (l.more_rows)(rows.len() - shown + 1);
        let y = area.y + u16::try_from(shown).unwrap_or(u16::MAX);
        put_line(
            buf,
            area,
            y,
            &Line::styled(fit_width(&more, usize::from(area.width)), theme::dim()),
        );
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

/// Districts and chains side by side when wide enough, else one above the other.
pub fn render_breakdowns(lang: Lang, summary: &Summary, area: Rect, buf: &mut Buffer) {
    let l = &lang.labels().targets;
    if area.height < 2 {
        return;
    }
    let area = Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(1),
        ..area
    };
    if area.width >= 64 {
        let [left, right] =
            area.layout(&Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).spacing(2));
        breakdown(lang, l.by_district, &summary.by_district, left, buf);
        breakdown(lang, l.by_chain, &summary.by_chain, right, buf);
    } else {
        let [top, bottom] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Fill(1),
        ]));
        breakdown(lang, l.by_district, &summary.by_district, top, buf);
        breakdown(lang, l.by_chain, &summary.by_chain, bottom, buf);
    }
}

impl Widget for &TargetsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let block = panel_block(self.app, Panel::Targets, self.focused, String::new());
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(data) = self.app.data() else {
            list_message(self.app, inner, buf);
            return;
        };
        let summary = &data.summary;
        let lang = self.app.settings.lang;
        let mut y = inner.y;
        for line in quarter_lines(lang, summary, inner.width) {
            put_line(buf, inner, y, &line);
            y = y.saturating_add(1);
        }
        put_line(buf, inner, y, &ytd_line(lang, summary, inner.width));
        let rest = Rect {
            y: y.saturating_add(2),
            height: inner.bottom().saturating_sub(y.saturating_add(2)),
            ..inner
        };
        render_breakdowns(lang, summary, rest.intersection(inner), buf);
    }
}
