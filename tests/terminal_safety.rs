//! Feed text must never drive the terminal. `tests/fixtures/hostile.json` carries, in names,
//! investors, districts, zones, chains, items, departments and ids: CSI (clear screen, cursor
//! moves, colours), OSC window title, OSC 8 hyperlink, OSC 52 clipboard, DCS/APC/PM/SOS strings,
//! 8-bit C1 controls (CSI U+009B, OSC U+009D), BEL, bidi overrides and isolates, zero-width
//! characters, newlines, tabs, line separators, emoji with variation selectors and Chinese.
//!
//! - the dashboard, rendered through a real byte stream (`CrosstermBackend<Vec<u8>>`) in every
//!   view, writes no ESC other than ratatui's own CSI cursor/style sequences, no C1, no BEL,
//!   no bidi or invisible characters, none of the payloads, and no forged rows;
//! - `status` (text and JSON), `check-feed` and stderr carry none of them either.
//!
//! (The tmux end-to-end check of the window title is in `tests/tmux_hostile.rs`.)

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use investboard::app::keys::action_for;
use investboard::app::{Action, App};
use investboard::feed::parse_feed;
use investboard::poll::FeedUpdate;
use investboard::sanitize::is_forbidden;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use support::cli::{Run, investboard};
use support::dash;

const HOSTILE: &str = "tests/fixtures/hostile.json";
const NOW: &str = "2026-11-29T10:00:00+08:00";
/// Text that only the escape sequences' payloads carry: none may reach the screen.
const PAYLOADS: [&str; 9] = [
    "pwned",
    "evil.example",
    "]0;",
    "]8;",
    "]52;",
    "#0;2;0",
    "apc-payload",
    "pm-payload",
    "sos-payload",
];
/// Final bytes of the CSI sequences ratatui and crossterm write: cursor position (`H`),
/// style (`m`), clear (`J`, `K`) and private modes such as cursor show/hide (`h`, `l`).
const CSI_FINALS: &str = "HmJKhl";

fn hostile_app(wall: bool) -> App {
    let bytes = std::fs::read(HOSTILE).expect("fixture");
    let snapshot = parse_feed(&bytes).expect("the hostile feed is usable");
    assert_eq!(snapshot.projects.len(), 3, "{:?}", snapshot.rejected);
    assert_eq!(snapshot.rejected.len(), 3);
    let mut settings = dash::default_settings();
    settings.wall = wall;
    let mut app = App::new(
        investboard::app::AppSettings::from_settings(&settings),
        investboard::domain::calendar::Calendar::embedded(),
        investboard::domain::aggregate::AggregateOptions::default(),
        dash::at(NOW),
        Instant::now(),
    );
    // An empty poll first: every hostile project then arrives as a change, and its text
    // reaches the change log, the "just in" strip and the Changes view too.
    app.update(Action::Feed(FeedUpdate::Loaded {
        snapshot: std::sync::Arc::new(investboard::domain::model::Snapshot::default()),
        received_at: dash::at(NOW),
    }));
    app.update(Action::Feed(FeedUpdate::Loaded {
        snapshot: std::sync::Arc::new(snapshot),
        received_at: dash::at(NOW),
    }));
    app
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(action) = action_for(app.input, &KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(action);
    }
}

/// Checks a byte stream meant for a terminal: UTF-8; every ESC starts a CSI sequence with
/// numeric parameters and one of [`CSI_FINALS`]; no other control (C0, DEL, C1 such as
/// U+009B/U+009D), no BEL; no bidi or invisible character; none of the payloads.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("the terminal stream is UTF-8");
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let context = || {
            text[at.saturating_sub(40)..]
                .chars()
                .take(80)
                .collect::<String>()
        };
        if c == '\u{1b}' {
            let introducer = chars.next().map(|(_, c)| c);
            assert_eq!(
                introducer,
                Some('['),
                "{what}: ESC not a CSI at {at}: {:?}",
                context()
            );
            let fin = loop {
                match chars.next() {
                    Some((_, p)) if p.is_ascii_digit() || p == ';' || p == '?' => {}
                    other => break other.map(|(_, f)| f),
                }
            };
            assert!(
                fin.is_some_and(|f| CSI_FINALS.contains(f)),
                "{what}: unexpected CSI final {fin:?} at {at}: {:?}",
                context()
            );
            continue;
        }
        assert!(
            !c.is_control(),
            "{what}: control {c:?} at {at}: {:?}",
            context()
        );
        assert!(!is_forbidden(c), "{what}: {c:?} at {at}: {:?}", context());
    }
    for payload in PAYLOADS {
        assert!(
            !text.contains(payload),
            "{what}: payload {payload:?} written"
        );
    }
}

/// The bytes a terminal would receive, kept where the test can read them.
#[derive(Clone, Default)]
struct Stream(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Draws `app` at `width` x `height` through crossterm into a byte stream.
fn crossterm_bytes(app: &App, width: u16, height: u16) -> Vec<u8> {
    let stream = Stream::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(stream.clone()), options).expect("terminal");
    terminal
        .draw(|frame| investboard::ui::render(app, frame))
        .expect("draw");
    drop(terminal);
    stream.0.take()
}

#[test]
fn the_dashboard_writes_no_injected_bytes_in_any_view() {
    let mut views: Vec<(String, App)> = Vec::new();
    views.push(("loaded".into(), hostile_app(false)));
    let mut detail = hostile_app(false);
    press(&mut detail, KeyCode::Char('G'));
    press(&mut detail, KeyCode::Enter);
    views.push(("signing detail".into(), detail));
    let mut stalled = hostile_app(false);
    press(&mut stalled, KeyCode::Char('3'));
    press(&mut stalled, KeyCode::Enter);
    views.push(("stalled detail".into(), stalled));
    for sort in 1..=2 {
        let mut sorted = hostile_app(false);
        for _ in 0..sort {
            press(&mut sorted, KeyCode::Char('s'));
        }
        views.push((format!("sort {sort}"), sorted));
    }
    let mut help = hostile_app(false);
    press(&mut help, KeyCode::Char('?'));
    views.push(("help".into(), help));
    for (key, name) in [('t', "trends"), ('c', "changes")] {
        let mut app = hostile_app(false);
        press(&mut app, KeyCode::Char(key));
        views.push((name.into(), app));
    }
    let mut pipeline = hostile_app(false);
    press(&mut pipeline, KeyCode::Char('t'));
    press(&mut pipeline, KeyCode::Tab);
    views.push(("trends page 2".into(), pipeline));
    views.push(("wall".into(), hostile_app(true)));
    for n in 1..=5 {
        let mut wall = hostile_app(true);
        for _ in 0..n {
            press(&mut wall, KeyCode::Tab);
        }
        views.push((format!("wall view {n}"), wall));
    }

    let mut wrote_hostile_rows = false;
    for (name, app) in &views {
        for (width, height) in [(80, 24), (120, 40), (200, 60), (60, 16)] {
            let what = format!("{name} at {width}x{height}");
            let bytes = crossterm_bytes(app, width, height);
            assert_terminal_safe(&what, &bytes);
            let screen = dash::screen(app, width, height);
            dash::assert_no_forged_rows(&what, &screen);
            wrote_hostile_rows |= screen.contains("Alpha INJECTED-ROW");
        }
    }
    // The sanitized names are there: the test looked at the hostile rows, not an empty list.
    assert!(wrote_hostile_rows);
    let detail = dash::screen(&views[1].1, 120, 40);
    assert!(detail.contains("CLEARED Investor"), "{detail}");
}

#[test]
fn the_fixture_really_is_hostile() {
    // Guards the other tests: without these bytes in the input they would prove nothing.
    let raw = std::fs::read_to_string(HOSTILE).expect("fixture");
    let value: serde_json::Value = serde_json::from_str(&raw).expect("JSON");
    let mut strings = Vec::new();
    strings_in(&value, &mut strings);
    let text = strings.concat();
    for needle in [
        "\u{1b}]0;pwned\u{7}",
        "\u{1b}]8;;http://evil.example/",
        "\u{1b}P",
        "\u{1b}[2J",
        "\u{9b}",
        "\u{9d}",
        "\u{202e}",
        "\u{200b}",
        "\n",
        "\t",
        "\u{fe0f}",
        "长沙",
    ] {
        assert!(text.contains(needle), "fixture lacks {needle:?}");
    }
}

/// stdout and stderr of a run: no control but newline, no bidi or invisible character, and no
/// raw escape payload (a rejection reason may quote one escaped, as `\u{1b}]0;...`).
fn assert_clean_output(what: &str, run: &Run) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        for (at, c) in text.char_indices() {
            assert!(
                c == '\n' || (!c.is_control() && !is_forbidden(c)),
                "{what} {stream}: {c:?} at {at}:\n{text}"
            );
        }
    }
}

fn strings_in(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings_in(v, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings_in(v, out);
            }
        }
        _ => {}
    }
}

#[test]
fn status_and_check_feed_print_none_of_the_injected_bytes() {
    // Half the hostile feed's records are rejected: CRITICAL since rejections are health
    // (max_rejected_share, crit_rejected_share); this test is about the bytes printed.
    let text = investboard(&["status", "--feed", HOSTILE, "--now", NOW], &[]);
    assert_eq!(text.code, Some(2), "{text:#?}");
    assert_clean_output("status text", &text);
    assert!(text.stdout.contains("Alpha INJECTED-R"), "{}", text.stdout);
    assert!(!text.stdout.lines().any(|l| l.starts_with("INJECTED-ROW")));

    let json = investboard(
        &[
            "status", "--format", "json", "--feed", HOSTILE, "--now", NOW,
        ],
        &[],
    );
    assert_eq!(json.code, Some(2), "{json:#?}");
    assert_clean_output("status json", &json);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    let mut strings = Vec::new();
    strings_in(&value, &mut strings);
    assert!(strings.len() > 20);
    for s in &strings {
        assert!(
            !s.chars().any(|c| c.is_control() || is_forbidden(c)),
            "status JSON string {s:?}"
        );
    }
    let stalled = value["stalled_approvals"].as_array().expect("array");
    assert_eq!(stalled.len(), 2, "{value}");

    let check = investboard(&["check-feed", HOSTILE, "--now", NOW], &[]);
    assert_eq!(check.code, Some(1), "{check:#?}");
    assert_clean_output("check-feed", &check);
    assert_eq!(
        check.stdout.matches("REJECTED ").count(),
        3,
        "{}",
        check.stdout
    );

    let piped = std::fs::read(HOSTILE).expect("fixture");
    let stdin = assert_cmd::Command::new(env!("CARGO_BIN_EXE_investboard"))
        .args(["status", "--feed", "-", "--now", NOW])
        .env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
        .write_stdin(piped)
        .output()
        .expect("runs");
    assert_eq!(stdin.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&stdin.stdout);
    assert!(
        stdout
            .chars()
            .all(|c| c == '\n' || (!c.is_control() && !is_forbidden(c))),
        "{stdout}"
    );
}

#[test]
fn a_hostile_feed_path_is_printed_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "feed\u{1b}]0;pwned\u{7}\u{202e}nosj.json";
    let missing = dir.path().join(name);
    let missing = missing.to_str().expect("utf-8");
    for args in [
        vec!["status", "--feed", missing, "--now", NOW],
        vec![
            "status", "--format", "json", "--feed", missing, "--now", NOW,
        ],
        vec!["check-feed", missing, "--now", NOW],
    ] {
        let run = investboard(&args, &[]);
        assert_eq!(run.code, Some(2), "{run:#?}");
        assert_clean_output(&format!("{args:?}"), &run);
        let shown = if args.contains(&"json") {
            let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
            value["feed"]["source"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        } else {
            run.stdout.clone()
        };
        assert!(
            shown.contains("feed\\u{1b}]0;pwned\\u{7}\\u{202e}nosj.json"),
            "{run:#?}"
        );
    }
}

#[test]
fn typed_or_pasted_controls_never_reach_the_filter() {
    let mut app = hostile_app(false);
    app.update(Action::StartFilter);
    for c in [
        'a', '\u{1b}', '\u{9b}', '\u{7}', '\u{202e}', '\u{200b}', 'b', '长',
    ] {
        app.update(Action::FilterInput(c));
    }
    assert_eq!(app.signings.filter, "ab长");
}
