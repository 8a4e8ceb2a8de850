//! Drives the real binary in tmux through the console's navigation: sort by a column and
//! reverse it, drill down from a district of the targets panel and come back, click a row
//! with the mouse (an SGR mouse report written into the pane, as a terminal sends it), and
//! export the list to CSV (the file is checked: byte-order mark, header, every row, exact
//! amounts). Skips with a notice where tmux is missing, and fails under CI.

mod support;

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use support::tmux::{self, Session};

const NOW: &str = "2026-11-29T10:00:00+08:00";

/// The screen row (0-based) holding `needle`.
fn row_of(screen: &str, needle: &str) -> Option<u16> {
    screen
        .lines()
        .position(|l| l.contains(needle))
        .and_then(|y| u16::try_from(y).ok())
}

/// The line of the screen holding `needle`.
fn line_of<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_default()
}

#[test]
fn sort_drill_down_click_and_export_in_tmux() {
    if !tmux::available() {
        return;
    }
    let binary = std::env::var("INVESTBOARD_TMUX_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_investboard").to_owned());
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dashboard.json");
    let exports = tempfile::tempdir().expect("a temporary directory");
    let session = Session::start("nav", 100, 30, None);
    let command = format!(
        "INVESTBOARD_EXPORT_DIR={} {binary} --lang en --feed {} --now {NOW}",
        exports.path().display(),
        feed.display()
    );
    session.keys(&[&command, "Enter"]);
    session.wait_for("the data", |s| {
        s.contains("Signings (11)") && s.contains("三一重工")
    });
    // The position counter on the list's border: the first row is selected.
    session.wait_for("the position counter", |s| s.contains(" 1/11 "));

    // Sort: `s` moves to the amount column, `S` reverses it; the header shows the arrow.
    session.keys(&["s"]);
    let screen = session.wait_for("sorted by amount", |s| s.contains("sort: amount↓"));
    assert!(screen.contains("bn↓"), "{screen}");
    session.keys(&["S"]);
    let screen = session.wait_for("reversed", |s| s.contains("sort: amount↑"));
    let smallest = row_of(&screen, "0.08").expect("the smallest amount on screen");
    let largest = row_of(&screen, " 12.00 ").expect("the largest amount on screen");
    assert!(smallest < largest, "smallest first:\n{screen}");

    // Drill down: the third district (岳麓区) opens its signings; Esc comes back.
    session.keys(&["2"]);
    let screen = session.wait_for("the targets panel", |s| s.contains("[2 Targets]"));
    assert!(screen.contains("By district"), "{screen}");
    let hints = screen.lines().rev().find(|l| !l.trim().is_empty());
    let hints = hints.unwrap_or_default();
    assert!(hints.contains("+ all rows"), "expanding offered: {hints}");
    assert!(!hints.contains("/ filter"), "no filter on targets: {hints}");
    session.keys(&["j", "j", "Enter"]);
    let screen = session.wait_for("the drill-down", |s| {
        s.contains("District: 岳麓区") && s.contains("(2 of 11)")
    });
    assert!(screen.contains("[1 Signings]"), "{screen}");
    session.keys(&["Escape"]);
    session.wait_for("back on the targets panel", |s| {
        s.contains("[2 Targets]") && !s.contains("District: 岳麓区")
    });

    // A mouse click on the signings tab, then on a row: that row is selected.
    session.keys(&["1"]);
    let screen = session.wait_for("the signings list", |s| s.contains("[1 Signings]"));
    let row = row_of(&screen, "2026-10-30").expect("the display glass signing on screen");
    let click = |x: u16, y: u16| {
        // SGR (1006) reports, 1-based: press and release of the left button.
        for end in ['M', 'm'] {
            let report = format!("\x1b[<0;{};{}{end}", x + 1, y + 1);
            tmux::tmux(&["send-keys", "-t", &session.name, "-l", &report]);
        }
    };
    click(10, row);
    let screen = session.wait_for("the clicked row selected", |s| {
        line_of(s, "2026-10-30").contains('▶')
    });
    assert!(!line_of(&screen, "2026-11-27").contains('▶'), "{screen}");

    // Export: the list as shown (all 11, smallest amount first) to a new CSV file.
    session.keys(&["e"]);
    session.wait_for("the export's path in the footer", |s| s.contains("wrote "));
    let start = Instant::now();
    let file = loop {
        let found = std::fs::read_dir(exports.path())
            .expect("readable")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "csv"));
        if let Some(file) = found {
            break file;
        }
        assert!(start.elapsed() < tmux::WAIT, "no CSV file written");
        sleep(Duration::from_millis(100));
    };
    assert_eq!(
        file.file_name().and_then(|n| n.to_str()),
        Some("investboard-signings-20261129-100000.csv")
    );
    let bytes = std::fs::read(&file).expect("readable export");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    let text = String::from_utf8(bytes).expect("UTF-8");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Id,Signed,Project,Investor,District,Chain,Amount (yuan)"
    );
    assert_eq!(lines.len(), 12, "{text}");
    assert!(lines[1].starts_with("KF-2026-0003,"), "{text}");
    assert!(lines[1].ends_with(",80000000"), "{text}");
    assert!(text.contains("CS-2026-0101,2026-10-12,宁德时代"), "{text}");

    // A second export never overwrites the first.
    session.keys(&["e"]);
    let second = exports
        .path()
        .join("investboard-signings-20261129-100000-2.csv");
    let start = Instant::now();
    while !second.exists() {
        assert!(start.elapsed() < tmux::WAIT, "no second CSV file");
        sleep(Duration::from_millis(100));
    }
    session.keys(&["q"]);
}
