//! Width-aware text and column helpers for panels that lay out their own rows: the column spec
//! and its priority-dropping width allocator (tables are drawn by `ui::table`), bars and
//! percentages. Widths are display columns (CJK counts 2); nothing here indexes the buffer, so
//! nothing can panic on a small or odd-sized area.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::domain::aggregate::Progress;
use crate::sanitize::{fit_width, truncate_to_width};
use crate::ui::theme;

/// Breaks `text` into lines of at most `width` columns, at a space where the line has one
/// (the space is dropped), else between graphemes (Chinese has no spaces, and a double-width
/// character is never split). Every character of the text is on some line: nothing is cut.
pub fn wrap_width(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > width && !line.is_empty() {
            // Break at the last space when it leaves a reasonable line, else right here.
            let carried = match line.rfind(' ') {
                Some(at) if at > 0 => {
                    let rest = line[at + 1..].to_owned();
                    line.truncate(at);
                    rest
                }
                _ => String::new(),
            };
            lines.push(std::mem::take(&mut line));
            used = carried.width();
            line = carried;
        }
        if line.is_empty() && grapheme == " " {
            continue;
        }
        line.push_str(grapheme);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Right-aligns in exactly `width` columns, truncating from the right when too long.
pub fn fit_right(text: &str, width: usize) -> String {
    let cut = truncate_to_width(text, width);
    let pad = width.saturating_sub(cut.width());
    let mut out = " ".repeat(pad);
    out.push_str(&cut);
    out
}

/// How a column is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column of a hand-laid table.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub title: &'static str,
    pub min: u16,
    /// Widest it grows to when there is room.
    pub max: u16,
    /// Lower numbers survive longer when the table is too narrow.
    pub priority: u8,
    pub align: Align,
}

impl Column {
    /// A left-aligned column from `min` to `max` wide; lower `priority` survives longer.
    pub const fn left(title: &'static str, min: u16, max: u16, priority: u8) -> Column {
        Column {
            title,
            min,
            max,
            priority,
            align: Align::Left,
        }
    }

    /// A right-aligned column (numbers), otherwise as [`Column::left`].
    pub const fn right(title: &'static str, min: u16, max: u16, priority: u8) -> Column {
        Column {
            align: Align::Right,
            ..Column::left(title, min, max, priority)
        }
    }
}

/// Widths for `columns` in `total` columns with one space between them. Columns that do not
/// fit are dropped (`None`), lowest priority first; spare room goes to columns below `max`,
/// and what is left after every column reached its `max` to the left-aligned text columns that
/// can grow (`max > min`), so a table uses the whole width it is given.
pub fn column_widths(columns: &[Column], total: u16) -> Vec<Option<u16>> {
    let mut kept: Vec<bool> = vec![true; columns.len()];
    let need = |kept: &[bool]| -> usize {
        let count = kept.iter().filter(|k| **k).count();
        columns
            .iter()
            .zip(kept)
            .filter(|(_, k)| **k)
            .map(|(c, _)| usize::from(c.min))
            .sum::<usize>()
            + count.saturating_sub(1)
    };
    while need(&kept) > usize::from(total) {
        let drop = columns
            .iter()
            .enumerate()
            .filter(|(i, _)| kept[*i])
            .max_by_key(|(i, c)| (c.priority, *i))
            .map(|(i, _)| i);
        match drop {
            Some(i) => kept[i] = false,
            None => break,
        }
    }
    let mut widths: Vec<Option<u16>> = columns
        .iter()
        .zip(&kept)
        .map(|(c, k)| k.then_some(c.min))
        .collect();
    let mut spare = usize::from(total).saturating_sub(need(&kept));
    // First every column grows to halfway between min and max, then on to max.
    for limit in [
        |c: &Column| c.min + (c.max.saturating_sub(c.min)) / 2,
        |c: &Column| c.max,
    ] {
        while spare > 0 {
            let mut grew = false;
            for (width, column) in widths.iter_mut().zip(columns) {
                if let Some(w) = width
                    && *w < limit(column)
                    && spare > 0
                {
                    *w += 1;
                    spare -= 1;
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
    }
    let stretchy = |c: &Column| c.align == Align::Left && c.max > c.min;
    let growing = widths
        .iter()
        .zip(columns)
        .filter(|(w, c)| w.is_some() && stretchy(c))
        .count();
    if let (Some(each), Some(mut extra)) = (spare.checked_div(growing), spare.checked_rem(growing))
    {
        for (width, column) in widths.iter_mut().zip(columns) {
            if let Some(w) = width
                && stretchy(column)
            {
                let add = each + usize::from(extra > 0);
                extra = extra.saturating_sub(1);
                *w = w.saturating_add(u16::try_from(add).unwrap_or(u16::MAX));
            }
        }
    }
    widths
}

/// The leading groups of spans that fit whole in `width` columns, as one line: a group (a
/// figure with its words, a separator with the phrase after it) is shown entirely or not at
/// all, so a sentence is shortened by whole phrases and never ends in a cut number.
pub fn whole_groups(groups: Vec<Vec<Span<'_>>>, width: usize) -> Line<'_> {
    let mut used = 0usize;
    let mut spans = Vec::new();
    for group in groups {
        let w: usize = group.iter().map(|s| s.content.width()).sum();
        if used + w > width {
            break;
        }
        used += w;
        spans.extend(group);
    }
    Line::from(spans)
}

/// Writes `line` on row `y` of `area`, clipped to it; rows outside `area` are ignored.
pub fn put_line(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>) {
    let area = area.intersection(buf.area);
    if y < area.top() || y >= area.bottom() || area.width == 0 {
        return;
    }
    line.render(
        Rect {
            y,
            height: 1,
            ..area
        },
        buf,
    );
}

/// A number for an axis or a median: whole numbers without decimals, others with one.
pub fn short_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// "118%" for a ratio; large values are capped so a tiny target cannot blow up a column.
pub fn percent(ratio: f64) -> String {
    if !ratio.is_finite() || ratio >= 100.0 {
        return ">9999%".to_owned();
    }
    format!("{:.0}%", (ratio * 100.0).max(0.0))
}

/// A share reached and the pace it is measured against, written so they never look equal when
/// they are not: "68%" and "68%" for 68.0 % against 68.48 % would say on pace while the word
/// says behind, so figures that round alike get one decimal more ("68.0%", "68.5%").
pub fn percent_pair(reached: f64, pace: f64) -> (String, String) {
    let (a, b) = (percent(reached), percent(pace));
    if a != b || (reached - pace).abs() < f64::EPSILON || a.starts_with('>') {
        return (a, b);
    }
    let one = |ratio: f64| format!("{:.1}%", (ratio * 100.0).max(0.0));
    let (a, b) = (one(reached), one(pace));
    if a != b {
        return (a, b);
    }
    let two = |ratio: f64| format!("{:.2}%", (ratio * 100.0).max(0.0));
    (two(reached), two(pace))
}

/// A progress bar drawn by hand: filled to `min(ratio, 1)`, with a pace marker at the share of
/// the period passed; `no_target` (the label) when there is nothing to measure. Never handed
/// to `Gauge`, which panics outside 0..=1.
pub fn bar<'a>(
    ratio: Option<f64>,
    pace: Option<f64>,
    width: usize,
    progress: Progress,
    no_target: &str,
) -> Vec<Span<'a>> {
    if width == 0 {
        return Vec::new();
    }
    let Some(ratio) = ratio.filter(|r| r.is_finite()) else {
        return vec![Span::styled(fit_width(no_target, width), theme::dim())];
    };
    let cells = |share: f64| -> usize {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "share clamped to 0..=1, width is a column count"
        )]
        let n = (share.clamp(0.0, 1.0) * width as f64).round() as usize;
        n.min(width)
    };
    let filled = cells(ratio);
    let marker = pace
        .filter(|p| *p > 0.0 && *p < 1.0)
        .map(|p| cells(p).min(width - 1));
    let mut spans = Vec::new();
    for i in 0..width {
        let (symbol, style) = if marker == Some(i) {
            ("|", theme::pace_marker())
        } else if i < filled {
            ("█", theme::bar_filled(progress))
        } else {
            ("░", theme::dim())
        };
        spans.push(Span::styled(symbol, style));
    }
    spans
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrapping_keeps_every_character_and_breaks_at_spaces_or_between_characters() {
        assert_eq!(
            wrap_width("Some Extremely Long International Investor", 16),
            ["Some Extremely", "Long", "International", "Investor"]
        );
        assert_eq!(
            wrap_width("长沙经济技术开发区（国家级）", 10),
            ["长沙经济技", "术开发区（", "国家级）"]
        );
        assert_eq!(
            wrap_width("Supercalifragilistic", 8),
            ["Supercal", "ifragili", "stic"]
        );
        assert_eq!(wrap_width("short", 10), ["short"]);
        assert_eq!(wrap_width("", 10), [""]);
        for (text, width) in [("a b c d e f g", 3), ("新一代 半导体 封装", 5)] {
            let lines = wrap_width(text, width);
            assert!(lines.iter().all(|l| l.width() <= width), "{lines:?}");
            let joined: String = lines.concat();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        }
    }

    use super::*;

    const COLS: [Column; 3] = [
        Column {
            title: "a",
            min: 4,
            max: 10,
            priority: 0,
            align: Align::Left,
        },
        Column {
            title: "b",
            min: 4,
            max: 4,
            priority: 2,
            align: Align::Right,
        },
        Column {
            title: "c",
            min: 4,
            max: 6,
            priority: 1,
            align: Align::Left,
        },
    ];

    #[test]
    fn columns_drop_lowest_priority_and_grow_to_max() {
        assert_eq!(column_widths(&COLS, 14), vec![Some(4), Some(4), Some(4)]);
        assert_eq!(column_widths(&COLS, 13), vec![Some(7), None, Some(5)]);
        // Past every max, the spare room goes to the growing text columns.
        assert_eq!(column_widths(&COLS, 30), vec![Some(14), Some(4), Some(10)]);
        assert_eq!(column_widths(&COLS, 0), vec![None, None, None]);
    }

    #[test]
    fn sentences_lose_whole_phrases_never_part_of_a_number() {
        let groups = || {
            vec![
                vec![Span::raw("26")],
                vec![Span::raw(" of 50 pending")],
                vec![Span::raw(" · worst +207 d")],
            ]
        };
        let text = |line: Line<'_>| line.to_string();
        assert_eq!(
            text(whole_groups(groups(), 40)),
            "26 of 50 pending · worst +207 d"
        );
        assert_eq!(text(whole_groups(groups(), 30)), "26 of 50 pending");
        assert_eq!(text(whole_groups(groups(), 15)), "26");
        assert_eq!(text(whole_groups(groups(), 1)), "");
    }

    #[test]
    fn bars_cope_with_any_ratio() {
        let text = |spans: Vec<Span<'_>>| {
            spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        assert_eq!(
            text(bar(Some(0.5), None, 4, Progress::Behind, "no target")),
            "██░░"
        );
        assert_eq!(
            text(bar(Some(1.8), None, 4, Progress::OnTarget, "no target")),
            "████"
        );
        assert_eq!(
            text(bar(Some(-1.0), None, 4, Progress::Behind, "no target")),
            "░░░░"
        );
        assert_eq!(
            text(bar(Some(f64::NAN), None, 4, Progress::Behind, "no target")),
            "no …"
        );
        assert_eq!(
            text(bar(None, None, 9, Progress::NoTarget, "no target")),
            "no target"
        );
        assert_eq!(
            text(bar(Some(0.0), Some(0.5), 4, Progress::Behind, "no target")),
            "░░|░"
        );
        assert!(bar(Some(0.5), Some(0.9), 0, Progress::Behind, "no target").is_empty());
        assert_eq!(percent(1.18), "118%");
        assert_eq!(percent(1e9), ">9999%");
        assert_eq!(percent_pair(0.68, 0.6848), ("68.0%".into(), "68.5%".into()));
        assert_eq!(
            percent_pair(0.6849, 0.6848),
            ("68.49%".into(), "68.48%".into())
        );
        assert_eq!(percent_pair(0.5, 0.68), ("50%".into(), "68%".into()));
        assert_eq!(percent_pair(0.68, 0.68), ("68%".into(), "68%".into()));
    }
}
