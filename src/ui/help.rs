//! The help overlay, generated from the key-binding table so it cannot drift from what the
//! keys do. Fills the body (no floating popup over CJK text).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::app::keys::BINDINGS;
use crate::sanitize::fit_width;
use crate::ui::text::put_line;
use crate::ui::theme;

/// The help overlay.
pub struct HelpPanel {
    pub wall: bool,
}

fn lines() -> Vec<Line<'static>> {
    let keys_width = BINDINGS
        .iter()
        .map(|b| b.key_names().len())
        .max()
        .unwrap_or(0)
        + 2;
    BINDINGS
        .iter()
        .map(|binding| {
            Line::from(vec![
                Span::styled(
                    fit_width(&format!(" {}", binding.key_names()), keys_width),
                    theme::title(),
                ),
                Span::raw(binding.description),
            ])
        })
        .collect()
}

impl Widget for &HelpPanel {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(theme::focused_border())
            .title(Span::styled(" Keys ", theme::title()))
            .title_bottom(Line::styled(" ? or Esc close ", theme::dim()).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let mut notes = vec![Line::styled(
            " / matches district, chain, name, investor and department.",
            theme::dim(),
        )];
        if self.wall {
            notes.push(Line::styled(
                " Any key holds the wall rotation (HOLD); it resumes after a quiet spell.",
                theme::dim(),
            ));
        }
        let lines = lines();
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
