//! The wall screen in tmux, as the command room lives with it: help opened by a passer-by
//! goes away by itself after `--wall-idle-reset`, a file feed made bad turns the wall STALE
//! (banner across the top, hatched figures), and the file restored brings it back FRESH.
//! Skips with a notice where tmux is missing, and fails under CI (`.ci/run` installs it).

mod support;

use std::path::Path;

use support::tmux::{self, Session};

/// The banner's sentence; the header says "STALE  updated …" without the dot.
const BANNER: &str = "STALE · data";

/// Whether the footer's countdown to the next view ("next 12 s") is on screen.
fn counts_down(screen: &str) -> bool {
    screen
        .match_indices("next ")
        .any(|(at, _)| screen[at + 5..].starts_with(|c: char| c.is_ascii_digit()))
}

#[test]
fn the_wall_resets_when_left_alone_shows_a_dead_feed_and_recovers() {
    if !tmux::available() {
        return;
    }
    let binary = std::env::var("INVESTBOARD_TMUX_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_investboard").to_owned());
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dashboard.json");
    let good = std::fs::read(&fixture).expect("the fixture reads");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let feed = dir.path().join("live.json");
    std::fs::write(&feed, &good).expect("the feed is written");
    let command = format!(
        "{binary} --wall --lang en --feed {} --interval 1s --wall-idle-reset 2s \
         --now 2026-11-29T10:00:00+08:00",
        feed.display()
    );
    let session = Session::start("wall", 160, 45, Some(&command));
    session.wait_for("fresh data on the wall", |s| {
        s.contains("FRESH") && s.contains('█') && counts_down(s)
    });

    // A passer-by opens help: it holds the wall, then goes after 2 s without input.
    session.keys(&["?"]);
    let help = session.wait_for("help", |s| s.contains("this help"));
    assert!(!counts_down(&help), "held: no countdown\n{help}");
    session.wait_for("help closed by the idle reset, rotation resumed", |s| {
        !s.contains("this help") && counts_down(s)
    });

    // The feed goes bad: banner and hatched figures, while the last good data stays.
    std::fs::write(&feed, &good[..good.len() / 2]).expect("the feed is truncated");
    let stale = session.wait_for("the STALE banner", |s| s.contains(BANNER));
    assert!(stale.contains('░'), "hatched figures\n{stale}");
    assert!(stale.contains("feed error"), "{stale}");

    // Restored: FRESH again, the banner gone.
    std::fs::write(&feed, &good).expect("the feed is restored");
    let fresh = session.wait_for("FRESH again", |s| {
        s.contains("FRESH") && !s.contains(BANNER)
    });
    assert!(!fresh.contains("feed error"), "{fresh}");
}
