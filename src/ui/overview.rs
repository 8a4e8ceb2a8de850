//! The wall's overview view when the screen is too small for all panels at once: the quarter
//! bars, year to date, the stalled buckets with the worst few, and the latest signings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use crate::app::App;
use crate::ui::text::put_line;
use crate::ui::{list_message, signings, stalled, targets, theme};

/// The compact overview.
pub struct OverviewPanel<'a> {
    pub app: &'a App,
}

impl Widget for &OverviewPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let title = format!(" {} ", self.app.settings.lang.labels().panels.overview);
        let block = Block::bordered().title(Line::styled(title, theme::title()));
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(data) = self.app.data() else {
            list_message(self.app, inner, buf);
            return;
        };
        let summary = &data.summary;
        let lang = self.app.settings.lang;
        let mut lines = targets::quarter_lines(lang, summary, inner.width);
        lines.push(targets::ytd_line(lang, summary, inner.width));
        lines.push(Line::raw(""));
        let left = usize::from(inner.height).saturating_sub(lines.len());
        // Share what is left between the worst stalled approvals and the latest signings.
        let stalled_rows = (left.saturating_sub(5) / 2).min(summary.stalled.len());
        lines.extend(stalled::worst_lines(self.app, inner.width, stalled_rows));
        lines.push(Line::raw(""));
        let signing_rows = usize::from(inner.height)
            .saturating_sub(lines.len())
            .saturating_sub(1);
        lines.extend(signings::latest_lines(self.app, inner.width, signing_rows));
        for (line, y) in lines.iter().zip(inner.top()..inner.bottom()) {
            put_line(buf, inner, y, line);
        }
    }
}
