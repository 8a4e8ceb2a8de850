//! The header: title, quarter and clock on the first row; then feed health (freshness word and
//! age, last error and retry), rejected records and calendar coverage, wrapped onto as many
//! rows as the header is given.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::health::Freshness;
use crate::domain::calendar::year_ranges;
use crate::ui::labels::Labelled;
use crate::ui::text::put_line;
use crate::ui::theme;

/// The header of every screen.
pub struct HeaderPanel<'a> {
    pub app: &'a App,
}

impl HeaderPanel<'_> {
    /// Rows needed at `width`: the title row plus the wrapped status, at most `max_rows`.
    pub fn height(&self, width: u16, max_rows: u16) -> u16 {
        let rows = wrap(self.status(), usize::from(width)).len();
        u16::try_from(rows + 1)
            .unwrap_or(u16::MAX)
            .clamp(2, max_rows.max(2))
    }

    fn title_row(&self, width: u16) -> Line<'static> {
        let app = self.app;
        let lang = app.settings.lang;
        let l = &lang.labels().header;
        let clock = lang.clock(app.now());
        let quarter = app.data().map(|d| {
            let q = &d.summary.quarter;
            (l.quarter_days_left)(q.year, q.quarter, q.days_left)
        });
        let title = l.app_title;
        let short_title = l.app_title_short;
        let width = usize::from(width);
        let right_len = clock.width() + 1;
        let quarter_len = quarter.as_ref().map_or(0, |q| q.width() + 3);
        let title = if title.width() + quarter_len + right_len + 2 <= width {
            title
        } else {
            short_title
        };
        let mut spans = vec![Span::styled(format!(" {title}"), theme::title())];
        let mut used = title.width() + 1;
        if let Some(quarter) = quarter
            && used + quarter.width() + 3 + right_len <= width
        {
            spans.push(Span::raw("   "));
            spans.push(Span::styled(quarter.clone(), theme::title()));
            used += quarter.width() + 3;
        }
        let gap = width.saturating_sub(used + right_len).max(1);
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::raw(clock));
        Line::from(spans)
    }

    /// Status segments, most important first; wrapped by [`wrap`].
    fn status(&self) -> Vec<Vec<Span<'static>>> {
        let app = self.app;
        let lang = app.settings.lang;
        let l = lang.labels();
        let h = &l.header;
        let freshness = app.freshness();
        let mut segments = Vec::new();
        let badge = Span::styled(
            format!(" {} ", freshness.label(l)),
            theme::freshness(freshness),
        );
        let age = match (freshness, app.data_age()) {
            (Freshness::Loading, _) => h.waiting_first_feed.to_owned(),
            (_, None) => h.no_data.to_owned(),
            (_, Some(age)) => (h.updated_ago)(&lang.short_duration(age)),
        };
        segments.push(vec![badge, Span::raw(format!(" {age}"))]);
        if let Some(failure) = &app.health.last_failure {
            let mut text = (h.feed_error)(&failure.message);
            match app.retry_in() {
                // Due: the retry is in flight, not "in 0 s" for as long as it takes.
                Some(Duration::ZERO) => text.push_str(h.retry_now),
                Some(retry) => text.push_str(&(h.retry_in)(&lang.short_duration(retry))),
                None => {}
            }
            if app.health.consecutive_failures > 1 {
                text.push_str(&(h.failures)(app.health.consecutive_failures));
            }
            segments.push(vec![Span::styled(text, theme::warning())]);
        }
        if let Some(warning) = app.feed_warning {
            segments.push(vec![Span::styled(warning, theme::warning())]);
        }
        if let Some(elapsed) = app.checking_for() {
            let text = (h.checking_for)(&lang.short_duration(elapsed));
            segments.push(vec![Span::styled(text, theme::warning())]);
        } else if app.health.refresh_requested {
            segments.push(vec![Span::styled(h.refreshing, theme::dim())]);
        }
        if let Some(data) = app.data() {
            let rejected = data.snapshot.rejected.len();
            if rejected > 0 {
                segments.push(vec![Span::styled(
                    (h.rejected_records)(rejected),
                    theme::warning(),
                )]);
            }
            let years = &data.summary.uncovered_years;
            if !years.is_empty() {
                segments.push(vec![Span::styled(
                    (h.calendar_uncovered)(&year_ranges(years)),
                    theme::warning(),
                )]);
            }
            if let Some(year) = data.summary.next_year_uncovered {
                segments.push(vec![Span::styled(
                    (h.calendar_next_year)(year),
                    theme::warning(),
                )]);
            }
        }
        segments
    }
}

/// Packs segments into rows of `width` columns, separated by " · ".
fn wrap(segments: Vec<Vec<Span<'static>>>, width: usize) -> Vec<Line<'static>> {
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for segment in segments {
        let len: usize = segment.iter().map(|s| s.content.width()).sum();
        if !current.is_empty() && used + 3 + len > width {
            rows.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        if current.is_empty() {
            current.push(Span::raw(" "));
            used = 1;
        } else {
            current.push(Span::styled(" · ", Style::new()));
            used += 3;
        }
        used += len;
        current.extend(segment);
    }
    if !current.is_empty() {
        rows.push(Line::from(current));
    }
    rows
}

impl Widget for &HeaderPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        put_line(buf, area, area.y, &self.title_row(area.width));
        for (i, line) in wrap(self.status(), usize::from(area.width))
            .iter()
            .enumerate()
        {
            let y = area
                .y
                .saturating_add(1)
                .saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
            put_line(buf, area, y, line);
        }
    }
}
