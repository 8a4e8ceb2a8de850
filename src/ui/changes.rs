//! What just happened: the change log as the operators' Changes view (newest first, scrolled),
//! and the wall's "just in" strip, one or two lines of the latest entries under the figures.
//! Draws the log `App` keeps; per-project amounts are hidden on a redacted wall.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::keys::Command;
use crate::app::redact::HIDDEN_AMOUNT;
use crate::domain::changes::{Change, ChangeKind};
use crate::sanitize::truncate_to_width;
use crate::ui::text::put_line;
use crate::ui::theme;

/// One change in words.
pub fn change_text(app: &App, change: &Change) -> String {
    let lang = app.settings.lang;
    let l = lang.labels();
    let t = &l.trends;
    let name = change.project_name.as_str();
    let none = l.targets.unassigned;
    let text = |value: &Option<crate::sanitize::SafeText>| {
        value
            .as_ref()
            .map_or_else(|| none.to_owned(), |v| v.as_str().to_owned())
    };
    match &change.kind {
        ChangeKind::NewSigning { .. } => {
            let amount = if app.settings.redact {
                HIDDEN_AMOUNT.to_owned()
            } else {
                lang.amount(change.amount)
            };
            (t.new_signing)(name, &amount, &text(&change.district))
        }
        ChangeKind::StageAdvanced { from, to } => {
            (t.stage_advanced)(name, l.detail.stage(*from), l.detail.stage(*to))
        }
        ChangeKind::NewlyStalled {
            item,
            department,
            overdue,
            ..
        } => (t.newly_stalled)(name, &text(item), &text(department), *overdue),
        ChangeKind::ApprovalDecided { item, status, .. } => {
            (t.decided)(name, &text(item), l.detail.approval_status(*status))
        }
        ChangeKind::Cancelled => (t.cancelled)(name),
        ChangeKind::Removed => (t.removed)(name),
    }
}

/// `text` in at most `room` columns by whole phrases (the parts between ` · `), so an amount or
/// a day count is never cut; only a first phrase wider than the room is cut, at its end.
fn fit_phrases(text: &str, room: usize) -> String {
    let mut phrases = text.split(" · ");
    let first = phrases.next().unwrap_or_default();
    let mut shown = truncate_to_width(first, room).into_owned();
    for phrase in phrases {
        let longer = format!("{shown} · {phrase}");
        if longer.width() > room {
            break;
        }
        shown = longer;
    }
    shown
}

fn change_style(change: &Change) -> ratatui::style::Style {
    match change.kind {
        ChangeKind::NewSigning { .. } => theme::new_row(),
        ChangeKind::NewlyStalled { .. } => theme::stalled(),
        ChangeKind::StageAdvanced { .. } | ChangeKind::ApprovalDecided { .. } => {
            ratatui::style::Style::new()
        }
        ChangeKind::Cancelled | ChangeKind::Removed => theme::dim(),
    }
}

/// The change log, newest first, scrolled by `scroll` rows.
pub struct ChangesPanel<'a> {
    pub app: &'a App,
    pub scroll: u16,
}

impl Widget for &ChangesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let app = self.app;
        let labels = app.settings.lang.labels();
        let title = (labels.trends.changes)(app.changes.len());
        let inner = crate::ui::overlay_frame(app, &title, Command::Changes, area, buf);
        if app.changes.is_empty() {
            let empty = Line::styled(format!(" {}", labels.trends.no_changes), theme::dim());
            put_line(buf, inner, inner.y, &empty);
            return;
        }
        // The time takes 10 columns (" 09:59:50 ").
        let room = usize::from(inner.width).saturating_sub(10);
        let rows = app.changes.entries().skip(usize::from(self.scroll));
        for (change, y) in rows.zip(inner.top()..inner.bottom()) {
            let line = Line::from(vec![
                Span::styled(
                    format!(" {} ", change.seen_at.format("%H:%M:%S")),
                    theme::dim(),
                ),
                Span::styled(
                    fit_phrases(&change_text(app, change), room),
                    change_style(change),
                ),
            ]);
            put_line(buf, inner, y, &line);
        }
    }
}

/// Rows the wall's "just in" strip takes: none before anything changed, a second one on a
/// tall screen when the newest entries fill the first.
pub fn just_in_height(app: &App, area: Rect) -> u16 {
    let most = if area.height >= 60 { 2 } else { 1 };
    u16::try_from(just_in_lines(app, area.width, most).len()).unwrap_or(0)
}

/// The "just in" strip: a badge, then the newest changes one after another, each line filled
/// with whole entries; a first entry wider than the whole line shows its leading phrases
/// (the kind of change and the project's name), never a cut figure.
fn just_in_lines(app: &App, width: u16, most: usize) -> Vec<Line<'static>> {
    let badge = format!(" {} ", app.settings.lang.labels().trends.just_in);
    // When the newest change was seen: after a quiet afternoon "just in" must not pass for
    // this minute.
    let seen = app
        .changes
        .entries()
        .next()
        .map_or_else(String::new, |c| format!(" {}", c.seen_at.format("%H:%M")));
    let badge_width = badge.width() + seen.len() + 1;
    let mut entries = app.changes.entries().peekable();
    let mut lines = Vec::new();
    while lines.len() < most && entries.peek().is_some() {
        let mut spans = if lines.is_empty() {
            vec![
                Span::styled(badge.clone(), theme::hold_badge()),
                Span::styled(seen.clone(), theme::title()),
            ]
        } else {
            vec![Span::raw(" ".repeat(badge_width - 1))]
        };
        let lead = spans.len();
        let mut used = badge_width;
        while let Some(change) = entries.peek() {
            let text = change_text(app, change);
            let entry_width = text.width() + 3;
            if used + entry_width > usize::from(width) {
                break;
            }
            used += entry_width;
            let separator = if spans.len() == lead { "   " } else { " · " };
            spans.push(Span::styled(separator, theme::dim()));
            spans.push(Span::styled(text, change_style(change)));
            entries.next();
        }
        if spans.len() == lead {
            match entries.next() {
                Some(change) if lines.is_empty() => {
                    let room = usize::from(width).saturating_sub(used + 3);
                    let text = fit_phrases(&change_text(app, change), room);
                    spans.push(Span::raw("   "));
                    spans.push(Span::styled(text, change_style(change)));
                }
                _ => break,
            }
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// The wall's "just in" strip under the figures.
pub struct JustInStrip<'a> {
    pub app: &'a App,
}

impl Widget for &JustInStrip<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let lines = just_in_lines(self.app, area.width, usize::from(area.height));
        for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
            put_line(buf, area, y, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_too_wide_loses_whole_phrases_never_part_of_a_figure() {
        let text = "new signing: 三一重工智能制造升级项目 · 3.5 bn · 长沙县";
        assert_eq!(fit_phrases(text, 80), text);
        // "new signing: " is 13 columns and the name 24: 37; " · 3.5 bn" would make 46.
        assert_eq!(
            fit_phrases(text, 45),
            "new signing: 三一重工智能制造升级项目"
        );
        assert_eq!(
            fit_phrases(text, 46),
            "new signing: 三一重工智能制造升级项目 · 3.5 bn"
        );
        // A first phrase wider than the room is cut, with an ellipsis.
        assert_eq!(fit_phrases(text, 15), "new signing: …");
    }
}
