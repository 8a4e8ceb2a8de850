//! The trend views: the quarter burn-ups (a ratatui `Chart`: what was done by each day, the
//! target, the pace line from zero to the target, today), past quarters as small multiples,
//! signings per week (a `BarChart` with the quarters marked under it), stalled approvals by
//! department (ranked bars) and the pipeline by stage. Plots the series `App` computed with the
//! summary (`domain::trends`); computes nothing but the layout.
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
use crate::domain::aggregate::{Progress, overdue_level};
use crate::domain::metric::{Metric, Quantity};
use crate::domain::trends::{BurnUp, Pipeline, WeekSignings};
use crate::i18n::{Labels, Lang};
use crate::sanitize::truncate_to_width;
use crate::ui::text::{fit_right, put_line, whole_groups};
use crate::ui::{list_message, theme};

/// Smallest body that shows both pages at once (the operator's view; the wall shows each page
/// as a view of its own).
const BOTH_PAGES: (u16, u16) = (120, 40);

/// The trends: one page, or both when `page` is `None` and the area holds them.
pub struct TrendsPanel<'a> {
    pub app: &'a App,
    pub page: Option<TrendsPage>,
    /// Drawn as the operator's overlay: a thick frame with the page and close keys.
    pub overlay: bool,
}

impl Widget for &TrendsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let app = self.app;
        let labels = app.settings.lang.labels();
        let both = self.page.is_none()
            || (self.overlay && area.width >= BOTH_PAGES.0 && area.height >= BOTH_PAGES.1);
        let page = self.page.unwrap_or(TrendsPage::Progress);
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
            DepartmentsPanel {
                lang,
                rows: &trends.stalled_by_department,
            }
            .render(left, buf);
            PipelinePanel {
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
/// and quadrants they do not), at twice the vertical resolution of whole cells. The one place
/// to change when a glyph-safe mode chooses otherwise.
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

/// A number for an axis or a median: whole numbers without decimals, others with one.
fn short_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
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

/// One row of a ranked bar chart: a name, the value the bar shows, and the words after it.
struct BarRow {
    name: String,
    value: u32,
    tail: String,
    tail_style: Style,
}

/// Rows of horizontal bars scaled to the largest value: names in a column, the words right
/// aligned after the bars. Each row gets up to three lines of bar when the height allows (so
/// the bars read from across the room), with the words on the bar's middle line; rows that do
/// not fit end in `+N more`.
fn ranked_bars(l: &Labels, rows: &[BarRow], bar_style: Style, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    if rows.is_empty() || height == 0 {
        return;
    }
    let tail_width = rows.iter().map(|r| r.tail.width()).max().unwrap_or(0);
    // Names give way before the words after the bars: those carry the figures.
    let name_width = rows
        .iter()
        .map(|r| r.name.width())
        .max()
        .unwrap_or(0)
        .min(width * 2 / 5)
        .min(width.saturating_sub(tail_width + 4));
    let bar_room = width.saturating_sub(name_width + tail_width + 3);
    let most = rows.iter().map(|r| r.value).max().unwrap_or(1).max(1);
    let pitch = (height / rows.len()).clamp(1, 4);
    let thickness = if pitch >= 3 { pitch - 1 } else { pitch };
    let fit = height / pitch;
    let shown = if fit < rows.len() {
        fit.saturating_sub(1)
    } else {
        rows.len()
    };
    for (index, row) in rows.iter().take(shown).enumerate() {
        let length = scaled(row.value, most, bar_room);
        let bar = Span::styled("█".repeat(length), bar_style);
        let words_at = thickness / 2;
        for line_index in 0..thickness {
            let Ok(y) = u16::try_from(index * pitch + line_index) else {
                continue;
            };
            let line = if line_index == words_at {
                Line::from(vec![
                    Span::raw(crate::sanitize::fit_width(&row.name, name_width)),
                    Span::raw(" "),
                    bar.clone(),
                    Span::raw(" ".repeat(bar_room - length + 1)),
                    Span::styled(fit_right(&row.tail, tail_width), row.tail_style),
                ])
            } else {
                Line::from(vec![Span::raw(" ".repeat(name_width + 1)), bar.clone()])
            };
            put_line(buf, area, area.y.saturating_add(y), &line);
        }
    }
    if shown < rows.len() {
        let more = (l.targets.more_rows)(rows.len() - shown);
        let y = u16::try_from(shown * pitch).unwrap_or(u16::MAX);
        put_line(
            buf,
            area,
            area.y.saturating_add(y),
            &Line::styled(more, theme::dim()),
        );
    }
}

/// Stalled approvals by department: ranked bars with the count and the worst overdue.
pub struct DepartmentsPanel<'a> {
    pub lang: Lang,
    pub rows: &'a [crate::domain::breakdown::DepartmentStalls],
}

impl Widget for DepartmentsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let l = self.lang.labels();
        let inner = crate::ui::titled_frame(l.trends.by_department, area, buf);
        if self.rows.is_empty() {
            put_line(
                buf,
                inner,
                inner.y,
                &Line::styled(l.trends.no_stalled, theme::dim()),
            );
            return;
        }
        // The long words where they leave room for a name and a bar, else the short ones.
        let widest_long = self
            .rows
            .iter()
            .map(|r| (l.trends.department_row)(r.stalled, r.worst_overdue).width())
            .max()
            .unwrap_or(0);
        let row_words = if widest_long * 2 <= usize::from(inner.width) {
            l.trends.department_row
        } else {
            l.trends.department_row_short
        };
        let rows: Vec<BarRow> = self
            .rows
            .iter()
            .map(|r| BarRow {
                name: display_department(l, r.department.as_str()).to_owned(),
                value: r.stalled,
                tail: row_words(r.stalled, r.worst_overdue),
                tail_style: overdue_level(r.worst_overdue)
                    .map_or_else(theme::stalled, theme::overdue),
            })
            .collect();
        ranked_bars(l, &rows, theme::stalled(), inner, buf);
    }
}

/// The department as shown: the feed's name, or the unassigned label.
fn display_department<'a>(l: &'static Labels, name: &'a str) -> &'a str {
    if name == crate::domain::aggregate::UNASSIGNED {
        l.targets.unassigned
    } else {
        name
    }
}

/// `value` of `most` as a bar of at most `room` cells; any non-zero value shows one cell.
fn scaled(value: u32, most: u32, room: usize) -> usize {
    if value == 0 || most == 0 || room == 0 {
        return 0;
    }
    let room64 = u64::try_from(room).unwrap_or(u64::MAX);
    let length = (u64::from(value) * room64).div_ceil(u64::from(most));
    usize::try_from(length).unwrap_or(room).clamp(1, room)
}

/// The pipeline: each stage's projects and amount, and the median days from signing to start.
pub struct PipelinePanel<'a> {
    pub lang: Lang,
    pub pipeline: &'a Pipeline,
}

impl Widget for PipelinePanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let l = self.lang.labels();
        let inner = crate::ui::titled_frame(l.trends.pipeline, area, buf);
        let rows: Vec<BarRow> = self
            .pipeline
            .stages
            .iter()
            .map(|s| BarRow {
                name: l.detail.stage(s.stage).to_owned(),
                value: s.projects,
                tail: format!("{} · {}", s.projects, self.lang.money_with_unit(s.amount)),
                tail_style: Style::new(),
            })
            .collect();
        let [bars, _, median_area] = inner.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(2),
        ]));
        ranked_bars(l, &rows, theme::pace_marker(), bars, buf);
        let median = match self.pipeline.median_days_to_start {
            Some(days) => vec![
                Line::styled(
                    (l.trends.median_to_start)(&short_number(days)),
                    theme::title(),
                ),
                Line::styled(
                    (l.trends.median_over)(self.pipeline.started_with_signing),
                    theme::dim(),
                ),
            ],
            None => vec![Line::styled(l.trends.no_median, theme::dim())],
        };
        for (line, y) in median.iter().zip(median_area.top()..median_area.bottom()) {
            put_line(buf, median_area, y, line);
        }
    }
}

#[cfg(test)]
mod tests;
