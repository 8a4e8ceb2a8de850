//! The header: title, quarter and clock on the first row; then feed health (freshness word and
//! age, last error and retry, a `generated_at` in the future), rejected records (DEGRADED above
//! `max_rejected_share`) and calendar coverage, wrapped onto as many rows as the header is
//! given.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::health::Freshness;
use crate::app::keys::Command;
use crate::domain::calendar::year_ranges;
use crate::domain::rejections::{RecordCounts, RejectionLevel};
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
        let rows = self.status_rows(width, max_rows).len();
        u16::try_from(rows + 1)
            .unwrap_or(u16::MAX)
            .clamp(2, max_rows.max(2))
    }

    fn title_row(&self, width: u16) -> Line<'static> {
        let app = self.app;
        let lang = app.settings.lang;
        let l = &lang.labels().header;
        let quarter = app.data().map(|d| {
            let q = &d.summary.quarter;
            (l.quarter_days_left)(q.year, q.quarter, q.days_left)
        });
        let title = l.app_title;
        let short_title = l.app_title_short;
        let width = usize::from(width);
        // The zone, then the weekday, go before the quarter does.
        let quarter_len = quarter.as_ref().map_or(0, |q| q.width() + 3);
        let clock = (0..=2)
            .map(|level| lang.clock_at_most(app.now(), level))
            .find(|clock| {
                let right_len = clock.width() + 1;
                short_title.width() + 1 + quarter_len + right_len <= width
            })
            .unwrap_or_else(|| lang.clock(app.now()));
        let right_len = clock.width() + 1;
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

    /// The status wrapped into at most `max_rows - 1` rows where it can be: when everything
    /// does not fit but would without the time of the last check (the least urgent fact),
    /// that time goes, so an error, DEGRADED or a calendar warning is not the row that is cut.
    fn status_rows(&self, width: u16, max_rows: u16) -> Vec<Line<'static>> {
        let width = usize::from(width);
        let rows = wrap(self.status(true), width);
        if rows.len() < usize::from(max_rows) {
            return rows;
        }
        let without_check = wrap(self.status(false), width);
        if without_check.len() < usize::from(max_rows) {
            without_check
        } else {
            rows
        }
    }

    /// Status segments, most important first; wrapped by [`wrap`]. `with_check`: the time of
    /// the last successful check.
    fn status(&self, with_check: bool) -> Vec<Vec<Span<'static>>> {
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
        let mut first = vec![badge, Span::raw(" ")];
        match (freshness, app.generated_age(), app.generated_ahead()) {
            (Freshness::Loading, _, _) => first.push(Span::raw(h.waiting_first_feed)),
            // Stamped in the future: no age to show (never "0 s ago"), and a warning.
            (_, _, Some(ahead)) => first.push(Span::styled(
                (h.generated_ahead)(&lang.short_duration(ahead)),
                theme::warning(),
            )),
            (_, Some(age), None) => first.push(Span::raw((h.data_age)(&lang.short_duration(age)))),
            (_, None, None) if app.health.last_success.is_none() => {
                first.push(Span::raw(h.no_data));
            }
            // No `generated_at`: the last check below is all there is to say.
            (_, None, None) => {
                first.pop();
            }
        }
        segments.push(first);
        // The data's age and the last answer are different facts: a file generated 20 min
        // ago may have been read a second ago.
        // A slow poll says how long it has taken further on, beside the last answer.
        if app.health.refresh_requested && app.checking_for().is_none() {
            segments.push(vec![Span::styled(h.checking, theme::dim())]);
        } else if let Some(checked) = app.health.last_success.filter(|_| with_check) {
            segments.push(vec![Span::raw((h.checked_at)(
                &lang.time_of_day(checked, app.now()),
            ))]);
        }
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
        }
        if let Some(data) = app.data() {
            match app.rejections() {
                Some((level, counts)) if level != RejectionLevel::Acceptable => {
                    segments.push(self.degraded(level, counts));
                }
                Some((_, counts)) if counts.rejected > 0 => {
                    segments.push(vec![Span::styled(
                        (h.rejected_records)(counts.rejected),
                        theme::warning(),
                    )]);
                }
                _ => {}
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

impl HeaderPanel<'_> {
    /// DEGRADED, how many records were rejected, and the key that lists them.
    fn degraded(&self, level: RejectionLevel, counts: RecordCounts) -> Vec<Span<'static>> {
        let app = self.app;
        let h = &app.settings.lang.labels().header;
        let badge = match level {
            RejectionLevel::Crit => theme::freshness(Freshness::Stale),
            RejectionLevel::Degraded | RejectionLevel::Acceptable => {
                theme::freshness(Freshness::Ageing)
            }
        };
        let share = counts.share().to_string();
        let mut text = (h.rejected_share)(counts.rejected, counts.total, &share);
        if !app.settings.wall {
            text.push_str(&(h.rejected_hint)(&app.keys.key_name(Command::Rejected)));
        }
        vec![
            Span::styled(format!(" {} ", h.degraded), badge),
            Span::styled(format!(" {text}"), theme::warning()),
        ]
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
        for (i, line) in self.status_rows(area.width, area.height).iter().enumerate() {
            let y = area
                .y
                .saturating_add(1)
                .saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
            put_line(buf, area, y, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rejections::{RejectionLimits, Share};
    use crate::testing::{app_with_rejections, buffer_text};

    /// The header at 100 columns with the default rejected-share limits (1% and 20%).
    fn header(app: &mut App) -> String {
        app.settings.rejections = RejectionLimits {
            warn: Share::percent(1),
            crit: Share::percent(20),
        };
        let panel = HeaderPanel { app };
        let mut buf = Buffer::empty(Rect::new(0, 0, 100, panel.height(100, 4)));
        (&panel).render(buf.area, &mut buf);
        buffer_text(&buf)
    }

    #[test]
    fn a_share_of_rejected_records_above_the_limit_reads_degraded() {
        let none = header(&mut app_with_rejections(0, chrono::Duration::zero(), false));
        assert!(
            !none.contains("DEGRADED") && !none.contains("rejected"),
            "{none}"
        );
        // 1 of 18 records is above 1%: DEGRADED, with the key that lists them.
        let one = header(&mut app_with_rejections(1, chrono::Duration::zero(), false));
        assert!(
            one.contains(" DEGRADED  1 of 18 records rejected (5.56%) · x: list"),
            "{one}"
        );
        let many = header(&mut app_with_rejections(
            30,
            chrono::Duration::zero(),
            false,
        ));
        assert!(
            many.contains("30 of 47 records rejected (63.83%)"),
            "{many}"
        );
        let app = app_with_rejections(1, chrono::Duration::zero(), false);
        assert_eq!(
            app.rejections().map(|(level, _)| level),
            Some(RejectionLevel::Acceptable),
            "the test settings' 10%/50% limits keep the fixture's snapshots as they were"
        );
    }

    #[test]
    fn the_data_age_and_the_last_check_are_two_facts_and_r_says_checking_until_answered() {
        use crate::poll::FeedUpdate;
        use crate::testing::at;
        // Generated at 09:59:48, read at 10:00:00; an unchanged answer at 10:20:00.
        let mut app = app_with_rejections(0, chrono::Duration::zero(), false);
        let tick = |app: &mut App, now: &str| {
            app.update(crate::app::Action::Tick {
                now: at(now),
                at: std::time::Instant::now(),
            });
        };
        tick(&mut app, "2026-11-29T10:20:00+08:00");
        app.update(crate::app::Action::Feed(FeedUpdate::Unchanged {
            received_at: at("2026-11-29T10:20:00+08:00"),
        }));
        let text = header(&mut app);
        assert!(
            text.contains(" FRESH  data 20 min old · checked 10:20:00"),
            "{text}"
        );
        app.update(crate::app::Action::Refresh);
        let text = header(&mut app);
        assert!(text.contains("data 20 min old · checking…"), "{text}");
        assert!(!text.contains("checked"), "{text}");
        tick(&mut app, "2026-11-29T10:20:03+08:00");
        app.update(crate::app::Action::Feed(FeedUpdate::Unchanged {
            received_at: at("2026-11-29T10:20:03+08:00"),
        }));
        let text = header(&mut app);
        assert!(text.contains("checked 10:20:03"), "{text}");
        assert!(!text.contains("checking"), "{text}");
        // A check on an earlier day names the day.
        tick(&mut app, "2026-11-30T09:00:00+08:00");
        let text = header(&mut app);
        assert!(text.contains("checked 11-29 10:20"), "{text}");
    }

    #[test]
    fn the_last_check_gives_way_before_an_error_or_degraded_is_cut() {
        let mut app = app_with_rejections(3, chrono::Duration::zero(), false);
        app.settings.rejections = RejectionLimits {
            warn: Share::percent(1),
            crit: Share::percent(20),
        };
        app.feed_warning = Some(
            "feed over plain http: not encrypted, can be read or altered in transit (use https)",
        );
        let panel = HeaderPanel { app: &app };
        // As the hostile-feed tmux test sees it at 120 columns.
        let height = panel.height(120, 3);
        let mut buf = Buffer::empty(Rect::new(0, 0, 120, height));
        (&panel).render(buf.area, &mut buf);
        let text = buffer_text(&buf);
        assert!(text.contains("DEGRADED"), "{text}");
        assert!(text.contains("plain http"), "{text}");
        assert!(!text.contains("checked"), "{text}");
        // With room, both stay.
        let mut wide = Buffer::empty(Rect::new(0, 0, 200, panel.height(200, 3)));
        (&panel).render(wide.area, &mut wide);
        let text = buffer_text(&wide);
        assert!(
            text.contains("checked 10:00:00") && text.contains("DEGRADED"),
            "{text}"
        );
    }

    #[test]
    fn chinese_says_the_data_age_and_the_last_check() {
        let mut app = app_with_rejections(0, chrono::Duration::zero(), false);
        app.settings.lang = crate::lang::Lang::Zh;
        // The buffer pads each double-width character with a blank cell.
        let text = header(&mut app).replace(' ', "");
        assert!(text.contains("数据生成于12秒前·检查于10:00:00"), "{text}");
    }

    #[test]
    fn a_generated_at_in_the_future_is_a_warning_not_zero_seconds_old() {
        // The fixture's stamp is 12 s before now: eight hours later is 7 h 59 min ahead.
        let ahead = header(&mut app_with_rejections(
            0,
            chrono::Duration::hours(8),
            false,
        ));
        assert!(
            ahead.contains(" FRESH  generated_at 7 h in the future: clock or zone wrong"),
            "{ahead}"
        );
        assert!(!ahead.contains("0 s ago"), "{ahead}");
        let near = header(&mut app_with_rejections(
            0,
            chrono::Duration::minutes(4),
            false,
        ));
        assert!(!near.contains("in the future"), "{near}");
    }
}
