//! The help overlay, generated from the key bindings in force (defaults with the config file's
//! `[keys]`) and the language's command labels, so it cannot drift from what the keys do.
//! Fills the body (no floating popup over CJK text).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::keys::{Command, KeyMap};
use crate::i18n::Labels;
use crate::sanitize::fit_width;
use crate::ui::labels;
use crate::ui::text::put_line;
use crate::ui::theme;

/// The help overlay.
pub struct HelpPanel<'a> {
    pub wall: bool,
    pub keys: &'a KeyMap,
    pub labels: &'static Labels,
}

impl HelpPanel<'_> {
    fn lines(&self) -> Vec<Line<'static>> {
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
                    Span::raw(labels::command(self.labels, command).description),
                ])
            })
            .collect()
    }
}

impl Widget for &HelpPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let l = &self.labels.help;
        let close = (l.close)(
            &self.keys.key_name(Command::Help),
            &self.keys.key_name(Command::Close),
        );
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(theme::focused_border())
            .title(Span::styled(format!(" {} ", l.title), theme::title()))
            .title_bottom(Line::styled(format!(" {close} "), theme::dim()).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let mut notes = vec![Line::styled(
            format!(" {}", (l.filter_note)(&self.keys.key_name(Command::Filter))),
            theme::dim(),
        )];
        if self.wall {
            notes.push(Line::styled(format!(" {}", l.wall_note), theme::dim()));
        }
        let lines = self.lines();
        let rows = usize::from(inner.height);
        let two_columns = lines.len() + notes.len() > rows && inner.width >= 60;
        let used = if two_columns {
            lines.len().div_ceil(2)
        } else {
            lines.len()
        };
        let notes_y = inner.y + u16::try_from(used + 1).unwrap_or(u16::MAX);
        for (line, y) in notes.iter().zip(notes_y..inner.bottom()) {
            put_line(buf, inner, y, line);
        }
        let columns = if two_columns {
            inner.layout_vec(&Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Fill(1),
            ]))
        } else {
            vec![inner]
        };
        let per_column = if two_columns { used } else { rows };
        let mut lines = lines.into_iter();
        for column in columns {
            for y in (column.top()..column.bottom()).take(per_column) {
                match lines.next() {
                    Some(line) => put_line(buf, column, y, &line),
                    None => return,
                }
            }
        }
    }
}
