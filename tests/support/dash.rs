//! Dashboard helpers for integration tests: an [`App`] with the default settings, a clock,
//! small valid feeds, and the screen as text.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use investboard::app::{App, AppSettings};
use investboard::config::Settings;
use investboard::domain::aggregate::AggregateOptions;
use investboard::domain::calendar::Calendar;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The moment the feeds below were generated: a Sunday in Q4 2026.
pub const BASE: &str = "2026-11-29T10:00:00+08:00";

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("valid RFC 3339 in a test")
}

/// Settings as a user without a config file gets them.
pub fn default_settings() -> Settings {
    Settings::default()
}

/// An app with default settings (warn 30 min, crit 2 h) and no data, at `now`.
pub fn app_at(now: DateTime<FixedOffset>, start: Instant) -> App {
    App::new(
        AppSettings::from_settings(&default_settings()),
        Calendar::embedded(),
        AggregateOptions::default(),
        now,
        start,
    )
}

/// A valid feed of `projects` signed projects, generated at [`BASE`]; `variant` changes the
/// names so two variants are different documents.
pub fn good_feed(variant: u32, projects: u32) -> Vec<u8> {
    let records: Vec<String> = (0..projects)
        .map(|i| {
            format!(
                r#"{{"id":"P{i}","name":"Plant {i} v{variant}","amount_cny":{amount},"stage":"signed","signed_on":"2026-11-{day:02}","district":"Yuelu District",
                "approvals":[{{"id":"A","item":"Land use","department":"Planning Bureau","submitted_on":"2026-10-08","status":"pending"}}]}}"#,
                amount = 100_000_000 * u64::from(i + 1),
                day = 1 + i % 28,
            )
        })
        .collect();
    format!(
        r#"{{"schema_version":1,"generated_at":"{BASE}","targets":[{{"year":2026,"quarter":4,"signed_projects":10}}],"projects":[{}]}}"#,
        records.join(",")
    )
    .into_bytes()
}

/// The whole screen drawn for `app`, one line per row (wide characters count once).
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    investboard::ui::draw(app, area, &mut buf);
    buffer_text(&buf)
}

pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        let mut skip = 0usize;
        for x in buf.area.left()..buf.area.right() {
            let cell = &buf[(x, y)];
            if skip == 0 {
                out.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
            }
            skip -= 1;
        }
        out.push('\n');
    }
    out
}

/// A name with a newline is one row: no line of the screen starts with the text that followed
/// the newline in `tests/fixtures/hostile.json`. A line the detail view marks as continuing
/// the row above is part of that row, not one of its own: the mark (`┆`) sits where no feed
/// text can be drawn, in a table's marker column (after the frame) or at the end of a field's
/// label column.
pub fn assert_no_forged_rows(what: &str, screen: &str) {
    let continued = |line: &str| {
        let chars: Vec<char> = line.chars().collect();
        chars.get(1) == Some(&'┆') || chars.get(10) == Some(&'┆')
    };
    for forged in [
        "INJECTED-ROW",
        "FAKE-DEPT-ROW",
        "LINE-SEPARATOR-ROW",
        "NEL-ROW",
    ] {
        for line in screen.lines().filter(|l| l.contains(forged)) {
            let before = &line[..line.find(forged).unwrap_or(0)];
            assert!(
                before.chars().any(char::is_alphanumeric) || continued(line),
                "{what}: {forged} starts a row of its own:\n{screen}"
            );
        }
    }
}
