//! The screen in Chinese, under each theme and without colour, with rebound keys, and redacted
//! for a visitor-facing wall. The English snapshots are the parent module's.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::{TerminalOptions, Viewport};

use super::*;
use crate::app::keys::KeyMap;
use crate::appearance::{Appearance, ColorDepth, Theme};
use crate::lang::Lang;

fn in_zh(mut app: App) -> App {
    app.settings.lang = Lang::Zh;
    app
}

#[test]
fn whole_screen_in_chinese_at_80x24_and_200x50() {
    for (name, app) in states() {
        let app = in_zh(app);
        insta::assert_snapshot!(format!("zh_screen_80x24_{name}"), screen(&app, 80, 24));
        insta::assert_snapshot!(format!("zh_screen_200x50_{name}"), screen(&app, 200, 50));
    }
}

#[test]
fn chinese_wall_views() {
    let (mut app, start) = empty_app(true);
    app.settings.lang = Lang::Zh;
    app.update(crate::testing::loaded(crate::testing::fixture(), NOW));
    insta::assert_snapshot!("zh_wall_80x24_overview", screen(&app, 80, 24));
    insta::assert_snapshot!("zh_wall_240x67_overview", screen(&app, 240, 67));
    app.update(Action::Tick {
        now: at(NOW),
        at: start + Duration::from_secs(20),
    });
    keys(&mut app, &[KeyCode::Char('j')]);
    insta::assert_snapshot!("zh_wall_80x24_signings_held", screen(&app, 80, 24));
}

/// Every row of a Chinese screen is exactly as wide as the terminal: no double-width character
/// pushes a border out of line or is cut in half.
#[test]
fn chinese_rows_line_up() {
    for (name, app) in states() {
        let app = in_zh(app);
        for (width, height) in [(80, 24), (200, 50), (61, 17)] {
            let text = screen(&app, width, height);
            for row in text.lines() {
                let row = row.trim_matches('"');
                assert_eq!(
                    unicode_width::UnicodeWidthStr::width(row),
                    usize::from(width),
                    "{name} at {width}x{height}: {row:?}"
                );
            }
        }
    }
}

fn themed(theme: Theme, depth: ColorDepth) -> App {
    let mut app = loaded();
    app.settings.appearance = Appearance {
        theme,
        depth,
        ..Appearance::default()
    };
    app
}

fn colours(buf: &Buffer) -> Vec<Color> {
    buf.content.iter().flat_map(|c| [c.fg, c.bg]).collect()
}

#[test]
fn sixteen_colour_themes_use_only_ansi_colours() {
    for theme in [Theme::Dark, Theme::Light, Theme::HighContrast] {
        let buf = buffer(&themed(theme, ColorDepth::Ansi16), 200, 50);
        for colour in colours(&buf) {
            assert!(
                !matches!(colour, Color::Rgb(..) | Color::Indexed(_)),
                "{theme:?}: {colour:?}"
            );
        }
    }
    let buf = buffer(&themed(Theme::Light, ColorDepth::TrueColor), 200, 50);
    assert!(colours(&buf).iter().any(|c| matches!(c, Color::Rgb(..))));
}

#[test]
fn themes_keep_the_words_and_change_the_colours() {
    let dark = buffer(&themed(Theme::Dark, ColorDepth::Ansi16), 80, 24);
    let light = buffer(&themed(Theme::Light, ColorDepth::Ansi16), 80, 24);
    let contrast = buffer(&themed(Theme::HighContrast, ColorDepth::Ansi16), 80, 24);
    assert_eq!(text(&dark), text(&light));
    assert_eq!(text(&dark), text(&contrast));
    let (x, y) = find(&dark, "ON TARGET").expect("word");
    assert_eq!(dark[(x, y)].fg, Color::Red);
    assert_eq!(contrast[(x, y)].fg, Color::LightRed);
    assert!(
        !colours(&light).contains(&Color::White),
        "no white text on light"
    );
    assert!(!colours(&light).contains(&Color::Yellow));
}

#[test]
fn mono_and_no_colour_draw_no_colour_but_keep_every_marker() {
    for app in [
        themed(Theme::Mono, ColorDepth::Ansi256),
        themed(Theme::Dark, ColorDepth::None),
    ] {
        let buf = buffer(&app, 80, 24);
        assert!(colours(&buf).iter().all(|c| *c == Color::Reset));
        let screen = text(&buf);
        for word in [
            "ON TARGET",
            "ON PACE",
            "STALLED",
            "FRESH",
            ui::theme::SELECTED,
        ] {
            assert!(screen.contains(word), "{word}\n{screen}");
        }
        let (x, y) = find(&buf, ui::theme::SELECTED).expect("marker");
        assert!(
            buf[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        );
    }
    // The STALE badge loses its colour, not its emphasis.
    let mut app = stale();
    app.settings.appearance = Appearance {
        theme: Theme::Dark,
        depth: ColorDepth::None,
        ..Appearance::default()
    };
    let buf = buffer(&app, 80, 24);
    let (x, y) = find(&buf, "STALE").expect("badge");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
}

/// A `Write` the test can read back after the terminal is done with it.
#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The bytes a real terminal would receive for one frame of `app`.
fn terminal_bytes(app: &App) -> Vec<u8> {
    let captured = Captured::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(captured.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .expect("terminal over a buffer");
    terminal.draw(|frame| ui::render(app, frame)).expect("draw");
    drop(terminal);
    captured.0.take()
}

/// SGR colour parameters found in `bytes`: 30-37, 38, 40-47, 48, 90-97, 100-107.
fn sgr_colour_codes(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for part in text.split("\u{1b}[").skip(1) {
        let Some(end) = part.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if !part[end..].starts_with('m') {
            continue;
        }
        for param in part[..end].split(';') {
            if let Ok(n) = param.parse::<u16>()
                && matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107)
            {
                found.push(format!("\\e[{}m", &part[..end]));
                break;
            }
        }
    }
    found
}

#[test]
fn no_colour_emits_no_sgr_colour_codes() {
    // crossterm drops colour codes by itself when this process runs under NO_COLOR, which
    // would make both halves below pass whatever the palette does: make it emit them.
    crossterm::style::Colored::set_ansi_color_disabled(false);
    for (mut app, shown) in [
        (stale(), "STALE"),
        (loaded(), ui::theme::SELECTED),
        (help_open(), "Keys"),
    ] {
        app.settings.appearance = Appearance {
            theme: Theme::Dark,
            depth: ColorDepth::None,
            ..Appearance::default()
        };
        let bytes = terminal_bytes(&app);
        assert_eq!(sgr_colour_codes(&bytes), Vec::<String>::new());
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains(shown), "{shown:?} not drawn: {text:?}");
    }
    // The same screen in colour does emit them.
    assert!(!sgr_colour_codes(&terminal_bytes(&loaded())).is_empty());
}

#[test]
fn help_and_hints_follow_the_configured_keys() {
    let table = [
        ("refresh".to_owned(), vec!["f5".to_owned()]),
        ("help".to_owned(), vec!["h".to_owned()]),
        ("quit".to_owned(), vec!["z".to_owned()]),
    ]
    .into_iter()
    .collect();
    let keys = KeyMap::from_table(&table).expect("valid bindings");
    let mut app = loaded().with_keys(keys);
    let footer = screen(&app, 80, 24);
    let last = footer.lines().last().unwrap_or_default();
    assert!(last.contains("h help") && last.contains("z quit"), "{last}");
    assert!(!last.contains("? help"), "{last}");
    let h = KeyEvent::new(KeyCode::Char('h'), KeyModifiers::NONE);
    let action = app.keys.action_for(app.input, &h).expect("h is help");
    app.update(action);
    let help = screen(&app, 80, 24);
    assert!(
        help.contains(" F5 ") && help.contains("poll the feed now"),
        "{help}"
    );
    assert!(help.contains("z, Ctrl-C"), "{help}");
    assert!(help.contains("h or Esc close"), "{help}");
    insta::assert_snapshot!("help_80x24_rebound_keys", help);
}

fn redacted_wall() -> App {
    let (mut app, _) = empty_app(true);
    app.settings.redact = true;
    app.update(crate::testing::loaded(crate::testing::fixture(), NOW));
    app
}

#[test]
fn redacted_wall_hides_names_and_project_amounts_but_keeps_totals() {
    let app = redacted_wall();
    let fixture = crate::testing::fixture();
    for (width, height) in [(80, 24), (240, 67)] {
        let screen = screen(&app, width, height);
        for project in &fixture.projects {
            assert!(!screen.contains(project.name.as_str()), "{}", project.name);
            if let Some(investor) = project.investor.as_ref() {
                assert!(!screen.contains(investor.as_str()), "{investor}");
            }
        }
        // Totals stay: the amount card shows the quarter's sum against its target.
        assert!(screen.contains("19.28/28"), "{screen}");
    }
    insta::assert_snapshot!("redacted_wall_80x24_overview", screen(&app, 80, 24));
    insta::assert_snapshot!("redacted_wall_240x67_overview", screen(&app, 240, 67));
    let mut app = app;
    keys(&mut app, &[KeyCode::Char('1')]);
    insta::assert_snapshot!("redacted_wall_200x50_signings", screen(&app, 200, 50));
    keys(&mut app, &[KeyCode::Enter]);
    let detail = screen(&app, 100, 30);
    assert!(detail.contains("***") && detail.contains("—"), "{detail}");
    insta::assert_snapshot!("redacted_wall_100x30_detail", detail);
}
