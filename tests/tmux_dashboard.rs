//! Drives the real binary in tmux: opens the dashboard on the fixture feed, uses the keys,
//! sends SIGTERM and checks the terminal is restored (main screen, echo and canonical mode).
//! Skips with a notice where tmux is missing, and fails under CI (`.ci/run` installs it).

mod support;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use support::tmux::{self, Session};

#[test]
fn dashboard_in_tmux_answers_keys_and_restores_the_terminal_on_sigterm() {
    if !tmux::available() {
        return;
    }
    // INVESTBOARD_TMUX_BIN runs the same script against another build (e.g. a release one).
    let binary = std::env::var("INVESTBOARD_TMUX_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_investboard").to_owned());
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dashboard.json");
    let session = Session::start("test", 100, 30, None);
    let command = format!(
        "{binary} --lang en --feed {} --now 2026-11-29T10:00:00+08:00",
        feed.display()
    );
    session.keys(&[&command, "Enter"]);

    session.wait_for("the header", |s| s.contains("INVESTBOARD"));
    session.wait_for("the data", |s| {
        s.contains("Q4 2026") && s.contains("三一重工")
    });

    session.keys(&["?"]);
    session.wait_for("help", |s| s.contains("Keys") && s.contains("this help"));
    session.keys(&["Escape"]);
    session.wait_for("help closed", |s| !s.contains("this help"));

    session.keys(&["Tab"]);
    session.wait_for("targets focused", |s| s.contains("[2 Targets]"));
    session.keys(&["Tab", "j", "Enter"]);
    session.wait_for("the detail view", |s| {
        s.contains("Milestones") && s.contains("Esc close")
    });
    session.keys(&["Escape"]);
    session.wait_for("the list again", |s| s.contains("Stalled approvals ("));

    // The dashboard is the pane's shell's child.
    let shell = session.display("pane_pid");
    let child = Command::new("pgrep")
        .args(["-P", &shell])
        .output()
        .expect("pgrep runs");
    let pid = String::from_utf8_lossy(&child.stdout).trim().to_owned();
    assert!(
        !pid.is_empty(),
        "no dashboard process under the pane's shell {shell}"
    );
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());

    let start = Instant::now();
    while session.display("alternate_on") != "0" {
        assert!(
            start.elapsed() < tmux::WAIT,
            "still on the alternate screen"
        );
        sleep(Duration::from_millis(100));
    }
    session.keys(&["clear; stty -a", "Enter"]);
    let screen = session.wait_for("stty output", |s| s.contains("speed"));
    let words: Vec<&str> = screen.split_whitespace().collect();
    assert!(words.contains(&"echo"), "echo not restored:\n{screen}");
    assert!(words.contains(&"icanon"), "icanon not restored:\n{screen}");
}
