//! The trend views: the quarter burn-ups (a ratatui `Chart`: what was done by each day, the
//! target, the pace line from zero to the target, today), past quarters as small multiples,
//! signings per week (a `BarChart` with the quarters marked under it); and the page that puts
//! `ui::pipeline`'s stalled approvals by department beside the pipeline by stage. Plots the
//! series `App` computed with the summary (`domain::trends`); computes nothing but the layout.
//!
//! ```text
//! ┌ Signed projects · Q4 ┐┌ Signed amount bn · Q4 ┐┌ Started projects · Q4 ┐   Progress page
//! │   ...line, target,   ││                       ││                       │   (wall view
//! │   pace, today...     ││                       ││                       │    "trends")
//! └──────────────────────┘└───────────────────────┘└───────────────────────┘
//! ┌ Q1 ┐┌ Q2 ┐┌ Q3 ┐  small multiples of past quarters (when there is room)
//! ┌ Signings per week, 2026 ──────────────────────────────────────────────────┐
//! │ ▄█ █▄ ...                                                                 │
//! │ Q1          Q2           Q3            Q4                                 │
//! ┌ Stalled approvals by department ──────┐┌ Pipeline ─────────────────────────┐ Pipeline page
//! │ Land bureau ████████ 12 · worst +34 d ││ negotiating ███ 120 · 512.3 亿    │ (wall view
//! └───────────────────────────────────────┘└───────────────────────────────────┘  "pipeline")
//! ```

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::keys::Command;
use crate::app::{App, TrendsPage};
use crate::domain::aggregate::Progress;
use crate::domain::metric::{Metric, Quantity};
use crate::domain::trends::{BurnUp, WeekSignings};
use crate::i18n::Lang;
use crate::sanitize::truncate_to_width;
use crate::ui::text::{short_number, whole_groups};
use crate::ui::{list_message, pipeline, theme};

/// Smallest body that shows both pages at once (the operator's view; the wall shows each page
/// as a view of its own).
const BOTH_PAGES: (u16, u16) = (120, 40);

/// The trends: one page; as the operator's overlay, both pages when the area holds them.
pub struct TrendsPanel<'a> {
    pub app: &'a App,
    pub page: TrendsPage,
    /// Drawn as the operator's overlay: a thick frame with the page and close keys.
    pub overlay: bool,
}

impl Widget for &TrendsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let app = self.app;
        let labels = app.settings.lang.labels();
        let both = self.overlay && area.width >= BOTH_PAGES.0 && area.height >= BOTH_PAGES.1;
        let page = self.page;
        let inner = if self.overlay {
            let mut title = labels.trends.title.to_owned();
            if !both {
                let number = if page == TrendsPage::Progress { 1 } else { 2 };
                let next = app.keys.key_name(Command::NextPanel);
                title = format!("{title} · {}", (labels.trends.page)(number, 2, &next));
            }
            crate::ui::overlay_frame(app, &title, Command::Trends, area, buf)
        } else {
            area
        };
        let Some(data) = app.data() else {
            list_message(app, inner, buf);
            return;
        };
        let lang = app.settings.lang;
        let trends = &data.trends;
        let progress = |area: Rect, buf: &mut Buffer| {
            progress_page(lang, &trends.quarters, &trends.weeks, area, buf);
        };
        let pipeline = |area: Rect, buf: &mut Buffer| {
            let [left, right] = area.layout(&Layout::horizontal([
                Constraint::Percentage(55),
                Constraint::Fill(1),
            ]));
            pipeline::DepartmentsPanel {
                lang,
                rows: &trends.stalled_by_department,
            }
            .render(left, buf);
            pipeline::PipelinePanel {
                lang,
                pipeline: &trends.pipeline,
            }
            .render(right, buf);
        };
        if both {
            let [top, bottom] = inner.layout(&Layout::vertical([
                Constraint::Percentage(62),
                Constraint::Fill(1),
            ]));
            progress(top, buf);
            pipeline(bottom, buf);
        } else if page == TrendsPage::Progress {
            progress(inner, buf);
        } else {
            pipeline(inner, buf);
        }
    }
}

/// Burn-ups of today's quarter, past quarters when there is room, and the weekly signings.
fn progress_page(
    lang: Lang,
    quarters: &[[BurnUp; 3]],
    weeks: &[WeekSignings],
    area: Rect,
    buf: &mut Buffer,
) {
    let Some((current, past)) = quarters.split_last() else {
        return;
    };
    // Small multiples need some height to be worth their room.
    let multiples = if past.is_empty() || area.height < 36 {
        0
    } else {
        area.height / 4
    };
    let weekly = (area.height / 4).clamp(5, 14);
    let [charts, small, bars] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(multiples),
        Constraint::Length(weekly),
    ]));
    let columns = charts.layout_vec(&Layout::horizontal([Constraint::Fill(1); 3]));
    for (burn_up, column) in current.iter().zip(columns) {
        BurnUpChart {
            lang,
            burn_up,
            small: false,
        }
        .render(column, buf);
    }
    if multiples > 0 {
        let cells = small.layout_vec(&Layout::horizontal(vec![
            Constraint::Fill(1);
            past.len() * 3
        ]));
        for (burn_up, cell) in past.iter().flatten().zip(cells) {
            BurnUpChart {
                lang,
                burn_up,
                small: true,
            }
            .render(cell, buf);
        }
    }
    WeeklyChart { lang, weeks }.render(bars, buf);
}

/// The glyphs charts draw with: half blocks, which the Linux console's fonts carry (braille
/// and quadrants they do not; `ui::tests::console` checks every view), at twice the vertical
/// resolution of whole cells.
pub fn chart_marker() -> symbols::Marker {
    symbols::Marker::HalfBlock
}

/// A quantity as the chart plots it: a count, or money in the language's summary unit (亿 or
/// bn). `units` are [`Quantity::units`]: 10^-8 yuan for money.
fn plotted(metric: Metric, lang: Lang, units: f64) -> f64 {
    if !metric.is_money() {
        return units;
    }
    let per_unit = match lang {
        Lang::Zh => 1e16,
        Lang::En => 1e17,
    };
    units / per_unit
}

#[expect(clippy::cast_precision_loss, reason = "a value to plot")]
fn plotted_quantity(metric: Metric, lang: Lang, quantity: Quantity) -> f64 {
    plotted(metric, lang, quantity.units() as f64)
}

/// A short date for the x axis: `Oct 1` / `10月1日`.
fn axis_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%b %-d").to_string(),
        Lang::Zh => format!("{}月{}日", date.month(), date.day()),
    }
}

/// One metric's burn-up through one quarter.
pub struct BurnUpChart<'a> {
    pub lang: Lang,
    pub burn_up: &'a BurnUp,
    /// A small multiple: no axis labels and no legend, the figure in the title.
    pub small: bool,
}

impl BurnUpChart<'_> {
    /// The frame's title: the metric, the quarter, the figure and its progress word; on a
    /// narrow chart the short name, then no quarter, rather than a cut figure.
    fn title(&self, width: u16) -> Line<'static> {
        let l = self.lang.labels();
        let b = self.burn_up;
        let figure = b.reached().of_target(b.target, |a| self.lang.money(a));
        let progress = judge(b);
        let name = l.common.metric(b.metric);
        let quarter = (l.figures.quarter)(b.quarter);
        let word = if progress == Progress::NoTarget {
            String::new()
        } else {
            format!("{} ", l.common.progress(progress))
        };
        let heads = [
            format!(" {} · {quarter} ", name.with_unit(name.full)),
            format!(" {quarter} {} ", name.with_unit(name.short)),
            format!(" {} ", name.with_unit(name.short)),
        ];
        let tail = format!("{figure} ");
        let room = usize::from(width.saturating_sub(2));
        // The progress word goes before the quarter or the long name does: the figure cards
        // above say it too.
        let first = usize::from(self.small);
        let choices = heads[first..]
            .iter()
            .map(|head| (head, true))
            .chain(heads[first..].iter().map(|head| (head, false)));
        let Some((head, with_word)) = choices.clone().find(|(head, with_word)| {
            let word = if *with_word { word.width() } else { 0 };
            head.width() + tail.width() + word <= room
        }) else {
            // No room for the figure whole: the name alone (the frame cuts text, not figures).
            return Line::styled(heads[2].clone(), theme::title());
        };
        let mut spans = vec![Span::styled(head.clone(), theme::title()), Span::raw(tail)];
        if with_word && !word.is_empty() {
            spans.push(Span::styled(word, theme::progress(progress)));
        }
        Line::from(spans)
    }
}

/// How the last day shown stands against the target and the pace line.
fn judge(b: &BurnUp) -> Progress {
    let Some(target) = b.target else {
        return Progress::NoTarget;
    };
    let reached = b.reached().units();
    if reached >= target.units() {
        return Progress::OnTarget;
    }
    let day = u32::try_from(b.cumulative.len().saturating_sub(1)).unwrap_or(u32::MAX);
    #[expect(clippy::cast_precision_loss, reason = "comparison with a pace line")]
    let on_pace = b.pace_units(day).is_some_and(|pace| reached as f64 >= pace);
    if on_pace {
        Progress::OnPace
    } else {
        Progress::Behind
    }
}

impl Widget for BurnUpChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let b = self.burn_up;
        let l = self.lang.labels();
        let (metric, lang) = (b.metric, self.lang);
        let last = f64::from(b.length_days.saturating_sub(1).max(1));
        let done: Vec<(f64, f64)> = b
            .cumulative
            .iter()
            .enumerate()
            .map(|(day, q)| (day_x(day), plotted_quantity(metric, lang, *q)))
            .collect();
        let target = b.target.map(|t| plotted_quantity(metric, lang, t));
        let target_line: Vec<(f64, f64)> =
            target.map_or_else(Vec::new, |t| vec![(0.0, t), (last, t)]);
        let pace_line: Vec<(f64, f64)> = [0, b.length_days.saturating_sub(1)]
            .into_iter()
            .filter_map(|day| Some((f64::from(day), plotted(metric, lang, b.pace_units(day)?))))
            .collect();
        let reached = plotted_quantity(metric, lang, b.reached());
        let mut top = nice_ceiling(target.unwrap_or(0.0).max(reached) * 1.1);
        if !metric.is_money() {
            // Counts are whole: no axis at 1.2 projects.
            top = top.ceil();
        }
        let today_line: Vec<(f64, f64)> = b.today.map_or_else(Vec::new, |day| {
            vec![(f64::from(day), 0.0), (f64::from(day), top)]
        });
        let progress = judge(b);
        let dataset = |name: &'static str, data, style: Style| {
            Dataset::default()
                .name(name)
                .marker(chart_marker())
                .graph_type(GraphType::Line)
                .style(style)
                .data(data)
        };
        let mut datasets = vec![
            dataset(l.trends.target, &target_line, theme::pace_marker()),
            dataset(l.trends.pace, &pace_line, theme::dim()),
            dataset(l.trends.today, &today_line, theme::focused_border()),
        ];
        // Drawn last, so on top.
        datasets.push(dataset(l.trends.done, &done, theme::progress(progress)));
        let mut block = Block::bordered().title(self.title(area.width));
        let legend_width = [
            l.trends.done,
            l.trends.target,
            l.trends.pace,
            l.trends.today,
        ]
        .iter()
        .map(|name| name.width() + 4)
        .sum::<usize>()
            + 1;
        if !self.small && legend_width + 2 <= usize::from(area.width) {
            let sample = |name: &str, style: Style| {
                [
                    Span::styled(" ▀▀", style),
                    Span::styled(format!(" {name}"), theme::dim()),
                ]
            };
            let mut legend: Vec<Span<'static>> = Vec::new();
            legend.extend(sample(l.trends.done, theme::progress(progress)));
            legend.extend(sample(l.trends.target, theme::pace_marker()));
            legend.extend(sample(l.trends.pace, theme::dim()));
            legend.extend(sample(l.trends.today, theme::focused_border()));
            legend.push(Span::raw(" "));
            block = block.title_bottom(Line::from(legend).right_aligned());
        }
        let mut x_axis = Axis::default().bounds([0.0, last]).style(theme::dim());
        let mut y_axis = Axis::default().bounds([0.0, top]).style(theme::dim());
        if !self.small {
            let middle = b
                .first_day
                .checked_add_days(chrono::Days::new(u64::from(b.length_days / 2)))
                .unwrap_or(b.first_day);
            // Three dates where they fit whole; a cut one ("Nov 1" for "Nov 16") would lie.
            let mut dates = vec![axis_date(lang, b.first_day)];
            if area.width >= 40 {
                dates.push(axis_date(lang, middle));
            }
            dates.push(axis_date(lang, b.last_day()));
            x_axis = x_axis.labels(dates);
            y_axis = y_axis.labels(vec![
                "0".to_owned(),
                short_number(top / 2.0),
                short_number(top),
            ]);
        }
        Chart::new(datasets)
            .block(block)
            .x_axis(x_axis)
            .y_axis(y_axis)
            // The legend is the frame's bottom line: inside, it would hide the lines.
            .legend_position(None)
            .render(area, buf);
    }
}

#[expect(clippy::cast_precision_loss, reason = "a day of a quarter")]
fn day_x(day: usize) -> f64 {
    day as f64
}

/// A round top for the y axis at or above `value`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times
/// a power of ten, so the lines use most of the height and the middle label is round too.
fn nice_ceiling(value: f64) -> f64 {
    if !value.is_finite() || value <= 1.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|step| step * magnitude)
        .find(|top| *top >= value)
        .unwrap_or(10.0 * magnitude)
}

/// Signings per week with the quarters marked under the bars.
pub struct WeeklyChart<'a> {
    pub lang: Lang,
    pub weeks: &'a [WeekSignings],
}

impl Widget for WeeklyChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let l = self.lang.labels();
        let year = self.weeks.last().map_or(0, |w| {
            w.monday
                .checked_add_days(chrono::Days::new(6))
                .unwrap_or(w.monday)
                .year()
        });
        let this_week = self.weeks.last().map_or(0, |w| w.signings);
        let four_weeks: u32 = self.weeks.iter().rev().take(4).map(|w| w.signings).sum();
        // Whole phrases only: a cut title could show "2026" as "20".
        let title = whole_groups(
            vec![
                vec![Span::styled(
                    format!(" {} ", (l.trends.weekly)(year)),
                    theme::title(),
                )],
                vec![Span::raw(format!(
                    "{} ",
                    (l.trends.weekly_tail)(this_week, four_weeks)
                ))],
            ],
            usize::from(area.width.saturating_sub(2)),
        );
        let block = Block::bordered().title(title);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 2 || self.weeks.is_empty() {
            return;
        }
        let width = usize::from(inner.width);
        let count = self.weeks.len();
        // The widest bars that fit every week, with a gap when there is room for one.
        let (bar, gap) = if width >= count * 2 {
            ((width + 1) / count - 1, 1)
        } else {
            (1, 0)
        };
        let bar = bar.clamp(1, 6);
        let shown = (width + gap) / (bar + gap);
        let weeks = &self.weeks[count.saturating_sub(shown)..];
        let [plot, axis] = inner.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        let bars: Vec<Bar<'_>> = weeks
            .iter()
            .map(|w| {
                Bar::default()
                    .value(u64::from(w.signings))
                    .text_value(String::new())
            })
            .collect();
        let (bar_u16, gap_u16) = (
            u16::try_from(bar).unwrap_or(1),
            u16::try_from(gap).unwrap_or(0),
        );
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(bar_u16)
            .bar_gap(gap_u16)
            .bar_set(symbols::bar::THREE_LEVELS)
            .bar_style(theme::new_row())
            .render(plot, buf);
        // Each quarter's start under its week.
        let mut x = usize::from(axis.x);
        for week in weeks {
            if let Some(quarter) = week.quarter_starts {
                let mark = format!("▲{}", (l.figures.quarter)(quarter));
                let room = usize::from(axis.right()).saturating_sub(x);
                let text = truncate_to_width(&mark, room).into_owned();
                if let Ok(at) = u16::try_from(x) {
                    buf.set_string(at, axis.y, text, theme::dim());
                }
            }
            x += bar + gap;
        }
    }
}

#[cfg(test)]
mod tests;
