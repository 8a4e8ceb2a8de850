//! The pipeline view's two panels: stalled approvals by department (who is holding things
//! up) and the pipeline by stage with the median days from signing to start, both as ranked
//! bars thick enough to read from across the room. Draws the series `App` computed
//! (`domain::trends`); part of the trends view (`ui::trends`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::domain::aggregate::overdue_level;
use crate::domain::breakdown::{DepartmentStalled, Pipeline};
use crate::domain::model::Stage;
use crate::i18n::{Labels, Lang};
use crate::ui::text::{fit_right, put_line};
use crate::ui::theme;

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
    pub rows: &'a [DepartmentStalled],
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
        let count = |r: &DepartmentStalled| u32::try_from(r.stalled.len()).unwrap_or(u32::MAX);
        // The long words where they leave room for a name and a bar, else the short ones.
        let widest_long = self
            .rows
            .iter()
            .map(|r| (l.trends.department_row)(count(r), r.worst_overdue()).width())
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
                value: count(r),
                tail: row_words(count(r), r.worst_overdue()),
                tail_style: overdue_level(r.worst_overdue())
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
            // Cancelled projects are in no total; the pipeline is the stages they move through.
            .filter(|s| s.stage != Stage::Cancelled)
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
        let median = match self.pipeline.median_signing_to_start {
            Some(days) => vec![
                Line::styled(
                    (l.trends.median_to_start)(&days.to_string()),
                    theme::title(),
                ),
                Line::styled((l.trends.median_over)(self.pipeline.measured), theme::dim()),
            ],
            None => vec![Line::styled(l.trends.no_median, theme::dim())],
        };
        for (line, y) in median.iter().zip(median_area.top()..median_area.bottom()) {
            put_line(buf, median_area, y, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_a_small_value_still_shows() {
        assert_eq!(scaled(4, 4, 10), 10);
        assert_eq!(scaled(1, 4, 10), 3, "2.5 cells round up");
        assert_eq!(scaled(1, 1000, 10), 1);
        assert_eq!(scaled(0, 4, 10), 0);
        assert_eq!(scaled(3, 4, 0), 0);
    }
}
