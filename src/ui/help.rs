//! The help overlay: the key bindings in force (defaults with the config file's `[keys]`) and
//! the language's command labels, so it cannot drift from what the keys do; then a legend of
//! every badge, state word, column and colour on screen, with the thresholds and the
//! `target_colors` mapping in force. Fills the body (no floating popup over CJK text). Wide,
//! keys and legend stand side by side; narrower, the keys take two columns and the legend
//! follows; whatever does not fit scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::health::{AgeLimits, Freshness};
use crate::app::keys::{Command, KeyMap};
use crate::appearance::TargetColors;
use crate::domain::aggregate::{Progress, STALLED_BUCKETS};
use crate::domain::rejections::RejectionLimits;
use crate::i18n::{Labels, Lang};
use crate::sanitize::fit_width;
use crate::ui::labels::{self, Labelled};
use crate::ui::text::put_line;
use crate::ui::theme;

/// Inner width from which keys and legend stand side by side.
const SIDE_BY_SIDE: u16 = 150;
/// Inner width from which the keys take two columns.
const TWO_COLUMNS: u16 = 60;

/// The help overlay.
pub struct HelpPanel<'a> {
    pub wall: bool,
    pub keys: &'a KeyMap,
    pub lang: Lang,
    /// The thresholds and colours the legend explains: the ones in force.
    pub ages: AgeLimits,
    pub rejections: RejectionLimits,
    pub targets: TargetColors,
    /// Rows scrolled off the top (clamped to what there is).
    pub scroll: u16,
}

/// One row of the overlay: across the whole width, or a left and a right half.
enum Row {
    Full(Line<'static>),
    Pair(Line<'static>, Line<'static>),
}

impl HelpPanel<'_> {
    fn labels(&self) -> &'static Labels {
        self.lang.labels()
    }

    fn key_lines(&self) -> Vec<Line<'static>> {
        let keys_width = self
            .keys
            .iter()
            .map(|(command, _)| self.keys.key_names(command).width())
            .max()
            .unwrap_or(0)
            + 2;
        self.keys
            .iter()
            .map(|(command, _)| {
                Line::from(vec![
                    Span::styled(
                        fit_width(&format!(" {}", self.keys.key_names(command)), keys_width),
                        theme::title(),
                    ),
                    Span::raw(labels::command(self.labels(), command).description),
                ])
            })
            .collect()
    }

    fn notes(&self) -> Vec<Line<'static>> {
        let l = &self.labels().help;
        let mut notes = vec![Line::styled(
            format!(" {}", (l.filter_note)(&self.keys.key_name(Command::Filter))),
            theme::dim(),
        )];
        if self.wall {
            notes.push(Line::styled(format!(" {}", l.wall_note), theme::dim()));
        }
        notes
    }

    /// Every badge, word, column and colour the screens use, styled as they are drawn.
    fn legend(&self) -> Vec<Line<'static>> {
        let labels = self.labels();
        let l = &labels.help;
        let lang = self.lang;
        let (warn, crit) = (lang.duration(self.ages.warn), lang.duration(self.ages.crit));
        let share = self.rejections.warn.to_string();
        let entry = |term: Span<'static>, text: String| (term, text);
        let badge = |freshness: Freshness| {
            Span::styled(
                format!(" {} ", freshness.label(labels)),
                theme::freshness(freshness),
            )
        };
        let entries = [
            entry(
                Span::styled(labels.lists.top500_badge, theme::dim()),
                l.legend_top500.to_owned(),
            ),
            entry(
                Span::styled(labels.lists.big_badge, theme::dim()),
                l.legend_big.to_owned(),
            ),
            entry(
                Span::styled(theme::NEW, theme::new_row()),
                l.legend_new.to_owned(),
            ),
            entry(
                Span::styled(theme::SELECTED, theme::selected_row(true)),
                l.legend_selected.to_owned(),
            ),
            entry(badge(Freshness::Fresh), (l.legend_fresh)(&warn)),
            entry(badge(Freshness::Ageing), (l.legend_ageing)(&warn)),
            entry(badge(Freshness::Stale), (l.legend_stale)(&crit)),
            entry(badge(Freshness::Offline), (l.legend_offline)(&crit)),
            entry(
                Span::styled(
                    format!(" {} ", labels.header.degraded),
                    theme::freshness(Freshness::Ageing),
                ),
                (l.legend_degraded)(&share),
            ),
            entry(
                Span::raw(labels.lists.col_days_limit),
                l.legend_days_limit.to_owned(),
            ),
            entry(Span::raw(l.legend_pace_word), l.legend_pace.to_owned()),
        ];
        // The explanations line up after the widest term.
        let terms = entries
            .iter()
            .map(|(term, _)| term.content.width())
            .max()
            .unwrap_or(0);
        let mut lines = vec![Line::styled(
            format!(" {}", l.legend_title),
            theme::column_header(),
        )];
        lines.extend(entries.into_iter().map(|(term, text)| {
            let pad = terms.saturating_sub(term.content.width()) + 1;
            Line::from(vec![
                Span::raw(" "),
                term,
                Span::raw(" ".repeat(pad)),
                Span::raw(text),
            ])
        }));
        let mut overdue = vec![Span::raw(" ")];
        for (level, (range, low, _)) in STALLED_BUCKETS.iter().enumerate() {
            // The last level is open-ended: `+21…`, as the Overdue column writes `+207`.
            let range = if range.starts_with('>') {
                format!("+{low}…")
            } else {
                format!("+{range}")
            };
            overdue.push(Span::styled(range, theme::overdue(level)));
            overdue.push(Span::raw(" "));
        }
        overdue.push(Span::raw(format!(" {}", l.legend_overdue)));
        lines.push(Line::from(overdue));
        lines.push(self.colours());
        lines.push(Line::styled(
            format!(" {}", (l.legend_colours)(&self.targets.to_string())),
            theme::dim(),
        ));
        lines
    }

    /// `ON TARGET red · ON PACE yellow · BEHIND green · NO TARGET grey`, each word in its
    /// colour: the mapping in force.
    fn colours(&self) -> Line<'static> {
        let labels = self.labels();
        let (l, c) = (&labels.help, &labels.common);
        let [red, yellow, green, grey] = l.colour_names;
        let (on_target, behind) = match self.targets {
            TargetColors::RedOnTarget => (red, green),
            TargetColors::GreenOnTarget => (green, red),
        };
        let mut spans = vec![Span::raw(" ")];
        for (i, (progress, colour)) in [
            (Progress::OnTarget, on_target),
            (Progress::OnPace, yellow),
            (Progress::Behind, behind),
            (Progress::NoTarget, grey),
        ]
        .into_iter()
        .enumerate()
        {
            if i > 0 {
                spans.push(Span::styled(" · ", theme::dim()));
            }
            spans.push(Span::styled(
                c.progress(progress),
                theme::progress(progress),
            ));
            spans.push(Span::raw(format!(" {colour}")));
        }
        Line::from(spans)
    }

    /// The overlay's rows for an inner area `width` wide and `height` high.
    fn rows(&self, width: u16, height: u16) -> Vec<Row> {
        let keys = self.key_lines();
        let notes = self.notes();
        let legend = self.legend();
        let mut rows = Vec::new();
        if width >= SIDE_BY_SIDE {
            let len = keys.len().max(legend.len());
            let mut left = keys.into_iter();
            let mut right = legend.into_iter();
            for _ in 0..len {
                rows.push(Row::Pair(
                    left.next().unwrap_or_default(),
                    right.next().unwrap_or_default(),
                ));
            }
            rows.push(Row::Full(Line::default()));
            rows.extend(notes.into_iter().map(Row::Full));
            return rows;
        }
        // Keys, a blank row, notes, a blank row, the legend.
        let fits_in_one = keys.len() + notes.len() + legend.len() + 2 <= usize::from(height);
        if width >= TWO_COLUMNS && !fits_in_one {
            let half = keys.len().div_ceil(2);
            let (first, second) = keys.split_at(half);
            for (i, line) in first.iter().enumerate() {
                let other = second.get(i).cloned().unwrap_or_default();
                rows.push(Row::Pair(line.clone(), other));
            }
        } else {
            rows.extend(keys.into_iter().map(Row::Full));
        }
        rows.push(Row::Full(Line::default()));
        rows.extend(notes.into_iter().map(Row::Full));
        rows.push(Row::Full(Line::default()));
        rows.extend(legend.into_iter().map(Row::Full));
        rows
    }
}

impl Widget for &HelpPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let l = &self.labels().help;
        let close = (l.close)(
            &self.keys.key_name(Command::Help),
            &self.keys.key_name(Command::Close),
        );
        let mut block = Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(theme::focused_border())
            .title(Span::styled(format!(" {} ", l.title), theme::title()))
            .title_bottom(Line::styled(format!(" {close} "), theme::dim()).right_aligned());
        let inner = block.inner(area);
        let rows = self.rows(inner.width, inner.height);
        let height = usize::from(inner.height);
        if rows.len() > height {
            let scroll = (l.scroll_note)(
                &self.keys.key_name(Command::Down),
                &self.keys.key_name(Command::Up),
            );
            block = block.title_bottom(Line::styled(format!(" {scroll} "), theme::dim()));
        }
        block.render(area, buf);
        let last_start = rows.len().saturating_sub(height);
        let scroll = usize::from(self.scroll).min(last_start);
        // Side by side, the keys take what they need; paired keys take half each.
        let split = if inner.width >= SIDE_BY_SIDE {
            let keys = self.key_lines().iter().map(Line::width).max().unwrap_or(0) + 4;
            u16::try_from(keys).unwrap_or(u16::MAX).min(inner.width / 2)
        } else {
            inner.width / 2
        };
        let left = Rect {
            width: split,
            ..inner
        };
        let right = Rect {
            x: inner.x.saturating_add(split),
            width: inner.width - split,
            ..inner
        };
        for (row, y) in rows.iter().skip(scroll).zip(inner.top()..inner.bottom()) {
            match row {
                Row::Full(line) => put_line(buf, inner, y, line),
                Row::Pair(a, b) => {
                    put_line(buf, left, y, a);
                    put_line(buf, right, y, b);
                }
            }
        }
    }
}
