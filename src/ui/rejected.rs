//! The rejected-records view: every record the validator refused, with its place and reason,
//! so the command room can see why the figures lack records (and tell the publisher). Fills
//! the body like help. Draws what the app holds; reasons are hidden on a redacted wall (they
//! can quote a name).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::keys::Command;
use crate::app::redact::REDACTED;
use crate::domain::rejections::RecordCounts;
use crate::ui::text::put_line;
use crate::ui::theme;

/// The rejected records, scrolled by `scroll` rows.
pub struct RejectedPanel<'a> {
    pub app: &'a App,
    pub scroll: u16,
}

impl RejectedPanel<'_> {
    fn lines(&self) -> Vec<Line<'static>> {
        let app = self.app;
        let h = &app.settings.lang.labels().header;
        let Some(data) = app.data() else {
            return Vec::new();
        };
        if data.snapshot.rejected.is_empty() {
            return vec![Line::styled(format!(" {}", h.no_rejections), theme::dim())];
        }
        data.snapshot
            .rejected
            .iter()
            .map(|rejection| {
                let text = if app.settings.redact {
                    format!("{}: {REDACTED}", rejection.path)
                } else {
                    rejection.to_string()
                };
                Line::from(vec![Span::raw(" "), Span::raw(text)])
            })
            .collect()
    }
}

impl Widget for &RejectedPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let app = self.app;
        let labels = app.settings.lang.labels();
        let h = &labels.header;
        let title = app.data().map_or_else(String::new, |data| {
            let counts = RecordCounts::of(&data.snapshot);
            let share = counts.share().to_string();
            (h.rejected_share)(counts.rejected, counts.total, &share)
        });
        let inner = crate::ui::overlay_frame(app, &title, Command::Rejected, area, buf);
        let lines = self.lines();
        let rows = lines.iter().skip(usize::from(self.scroll));
        for (line, y) in rows.zip(inner.top()..inner.bottom()) {
            put_line(buf, inner, y, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Overlay};
    use crate::testing::{app_with_rejections, buffer_text as text};

    #[test]
    fn the_view_lists_each_rejected_record_with_its_place_and_reason() {
        let mut app = app_with_rejections(30, chrono::Duration::zero(), false);
        app.update(Action::ToggleRejected);
        assert_eq!(app.overlay, Overlay::Rejected { scroll: 0 });
        let mut buf = Buffer::empty(Rect::new(0, 0, 90, 8));
        (&RejectedPanel {
            app: &app,
            scroll: 0,
        })
            .render(buf.area, &mut buf);
        let shown = text(&buf);
        assert!(shown.contains("30 of "), "{shown}");
        assert!(
            shown.contains(r#"projects[0].signed_on: invalid date "2022-02-30" (id BAD-0)"#),
            "{shown}"
        );
        app.update(Action::Down);
        assert_eq!(app.overlay, Overlay::Rejected { scroll: 1 });
        let mut buf = Buffer::empty(Rect::new(0, 0, 90, 8));
        (&RejectedPanel {
            app: &app,
            scroll: 1,
        })
            .render(buf.area, &mut buf);
        assert!(
            !text(&buf).contains("projects[0]."),
            "scrolled past the first"
        );
        app.update(Action::ToggleRejected);
        assert_eq!(app.overlay, Overlay::None);
    }

    #[test]
    fn a_redacted_wall_shows_places_not_reasons() {
        let mut app = app_with_rejections(1, chrono::Duration::zero(), true);
        app.update(Action::ToggleRejected);
        let mut buf = Buffer::empty(Rect::new(0, 0, 90, 6));
        (&RejectedPanel {
            app: &app,
            scroll: 0,
        })
            .render(buf.area, &mut buf);
        let shown = text(&buf);
        assert!(shown.contains("projects[0].signed_on: ***"), "{shown}");
        assert!(!shown.contains("invalid date"), "{shown}");
    }
}
