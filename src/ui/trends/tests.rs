//! Trend widgets drawn into buffers: what the charts show, checked cell by cell.

use chrono::NaiveDate;
use ratatui::style::Color;

use super::*;
use crate::domain::amount::Amount;
use crate::testing::buffer_text;

fn date(text: &str) -> NaiveDate {
    crate::domain::date::parse_iso_date(text).expect("a date")
}

/// Ten days, target 4: one signing on day 2, one on day 4, today day 4. The pace by the end of
/// day 4 is 4 x 5/10 = 2, which the 2 signed meet: ON PACE.
fn burn_up() -> BurnUp {
    BurnUp {
        metric: Metric::SignedProjects,
        year: 2026,
        quarter: 4,
        first_day: date("2026-10-01"),
        length_days: 10,
        cumulative: [0, 0, 1, 1, 2].map(Quantity::Count).to_vec(),
        target: Some(Quantity::Count(4)),
        today: Some(4),
    }
}

fn drawn(widget: impl Widget, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    widget.render(buf.area, &mut buf);
    buf
}

/// The fixture's burn-up drawn at a size, and its title row.
fn chart(lang: Lang, width: u16, height: u16) -> (Buffer, String) {
    let b = burn_up();
    let buf = drawn(
        BurnUpChart {
            lang,
            burn_up: &b,
            small: false,
        },
        width,
        height,
    );
    let title = buffer_text(&buf)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    (buf, title)
}

#[test]
fn a_burn_up_names_its_figure_and_state_and_draws_in_the_state_colour() {
    let (buf, first) = chart(Lang::En, 60, 14);
    let text = buffer_text(&buf);
    assert!(
        first.contains("Signed projects · Q4 2/4 ON PACE"),
        "{first}"
    );
    // 4 x 1.1 = 4.4 rounds up to a top of 5; the dates of the first and last day.
    assert!(text.contains("5 "), "{text}");
    assert!(text.contains("Oct 1") && text.contains("Oct 10"), "{text}");
    assert!(text.contains("done") && text.contains("target") && text.contains("today"));
    // The cumulative line is drawn in ON PACE's colour (yellow), the target in white.
    let colours: Vec<Color> = buf.content.iter().map(|c| c.fg).collect();
    assert!(colours.contains(&Color::Yellow), "no ON PACE line");
    assert!(colours.contains(&Color::White), "no target line");
}

#[test]
fn charts_use_only_glyphs_the_linux_console_fonts_carry() {
    let (buf, _) = chart(Lang::Zh, 50, 12);
    for cell in &buf.content {
        let c = cell.symbol().chars().next().unwrap_or(' ');
        let braille = ('\u{2800}'..='\u{28FF}').contains(&c);
        let quadrant = ('\u{2596}'..='\u{259F}').contains(&c);
        let eighths = ['▁', '▂', '▃', '▅', '▆', '▇', '▏', '▎', '▍', '▋', '▊', '▉'].contains(&c);
        assert!(
            !braille && !quadrant && !eighths,
            "{c:?} in {}",
            buffer_text(&buf)
        );
    }
}

#[test]
fn a_narrow_chart_shortens_its_title_before_cutting_the_figure() {
    let (buf, first) = chart(Lang::En, 22, 10);
    let text = buffer_text(&buf);
    assert!(first.contains(" Signed 2/4 "), "{first}");
    // Two dates only: a middle one would not fit whole.
    assert!(text.contains("Oct 1") && !text.contains("Oct 6"), "{text}");
}

#[test]
fn quarter_starts_are_marked_under_their_week() {
    let week = |monday: &str, signings: u32, quarter_starts: Option<u8>| WeekSignings {
        monday: date(monday),
        signings,
        amount: Amount::ZERO,
        quarter_starts,
    };
    let weeks = [
        week("2026-03-16", 1, None),
        week("2026-03-23", 0, None),
        week("2026-03-30", 3, Some(2)),
        week("2026-04-06", 2, None),
    ];
    // 22 columns inside the frame hold 4 bars of 4 with gaps of 1: week 2 starts at column 11.
    // This week 2; the last four weeks 1 + 0 + 3 + 2 = 6.
    let buf = drawn(
        WeeklyChart {
            lang: Lang::En,
            weeks: &weeks,
        },
        24,
        7,
    );
    let column = |text: &str| {
        let axis = text.lines().nth(5).unwrap_or_default();
        axis.find("▲Q2").map(|byte| axis[..byte].chars().count())
    };
    let text = buffer_text(&buf);
    assert_eq!(column(&text), Some(11), "{text}");
    let title = text.lines().next().unwrap_or_default();
    assert!(
        !title.contains("20"),
        "the title is whole or absent: {title}"
    );
    // 68 columns: bars of 6 (the widest) and gaps of 1, so week 2 starts at column 15.
    let buf = drawn(
        WeeklyChart {
            lang: Lang::En,
            weeks: &weeks,
        },
        70,
        7,
    );
    let text = buffer_text(&buf);
    assert_eq!(column(&text), Some(15), "{text}");
    assert!(
        text.contains("2026 2 this week · 6 in the last 4 weeks"),
        "{text}"
    );
}

#[test]
fn axis_tops_are_round_and_just_above_the_data() {
    assert!((nice_ceiling(4.4) - 5.0).abs() < 1e-9);
    assert!((nice_ceiling(110.0) - 120.0).abs() < 1e-9);
    assert!((nice_ceiling(73.7) - 80.0).abs() < 1e-9);
    assert!((nice_ceiling(0.5) - 1.0).abs() < 1e-9);
    assert!((nice_ceiling(f64::NAN) - 1.0).abs() < 1e-9);
    assert_eq!(short_number(18.0), "18");
    assert_eq!(short_number(18.5), "18.5");
}
