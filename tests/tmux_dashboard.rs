//! Drives the real binary in tmux: opens the dashboard on the fixture feed, uses the keys,
//! sends SIGTERM and checks the terminal is restored (main screen, echo and canonical mode).
//! Skips with a notice where tmux is missing (`.ci/run` installs it).

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(15);

fn tmux(args: &[&str]) -> Output {
    Command::new("tmux").args(args).output().expect("tmux runs")
}

fn capture(session: &str) -> String {
    String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", session]).stdout).into_owned()
}

/// Polls the pane until `pred` holds (like fzf's tests), or fails with the last screen.
fn wait_for(session: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let screen = capture(session);
        if pred(&screen) {
            return screen;
        }
        assert!(
            start.elapsed() < WAIT,
            "timed out waiting for {what}; screen:\n{screen}"
        );
        sleep(Duration::from_millis(100));
    }
}

fn keys(session: &str, keys: &[&str]) {
    for key in keys {
        tmux(&["send-keys", "-t", session, key]);
        sleep(Duration::from_millis(150));
    }
}

/// Kills the tmux session even when an assertion fails.
struct Session(String);

impl Drop for Session {
    fn drop(&mut self) {
        tmux(&["kill-session", "-t", &self.0]);
    }
}

#[test]
fn dashboard_in_tmux_answers_keys_and_restores_the_terminal_on_sigterm() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("tmux not found: skipping the tmux dashboard test");
        return;
    }
    // INVESTBOARD_TMUX_BIN runs the same script against another build (e.g. a release one).
    let binary = std::env::var("INVESTBOARD_TMUX_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_investboard").to_owned());
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dashboard.json");
    let name = format!("investboard-test-{}", std::process::id());
    let session = Session(name.clone());
    let started = tmux(&["new-session", "-d", "-s", &name, "-x", "100", "-y", "30"]);
    assert!(
        started.status.success(),
        "tmux new-session failed: {started:?}"
    );
    let command = format!(
        "{binary} --lang en --feed {} --now 2026-11-29T10:00:00+08:00",
        feed.display()
    );
    keys(&session.0, &[&command, "Enter"]);

    wait_for(&name, "the header", |s| s.contains("INVESTBOARD"));
    wait_for(&name, "the data", |s| {
        s.contains("Q4 2026") && s.contains("三一重工")
    });

    keys(&name, &["?"]);
    wait_for(&name, "help", |s| {
        s.contains("Keys") && s.contains("this help")
    });
    keys(&name, &["Escape"]);
    wait_for(&name, "help closed", |s| !s.contains("this help"));

    keys(&name, &["Tab"]);
    wait_for(&name, "targets focused", |s| s.contains("[2 Targets]"));
    keys(&name, &["Tab", "j", "Enter"]);
    wait_for(&name, "the detail view", |s| {
        s.contains("Milestones") && s.contains("Esc close")
    });
    keys(&name, &["Escape"]);
    wait_for(&name, "the list again", |s| {
        s.contains("Stalled approvals (")
    });

    // The dashboard is the pane's shell's child.
    let shell = tmux(&["display", "-p", "-t", &name, "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&shell.stdout).trim().to_owned();
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
    loop {
        let out = tmux(&["display", "-p", "-t", &name, "#{alternate_on}"]);
        if String::from_utf8_lossy(&out.stdout).trim() == "0" {
            break;
        }
        assert!(start.elapsed() < WAIT, "still on the alternate screen");
        sleep(Duration::from_millis(100));
    }
    keys(&name, &["clear; stty -a", "Enter"]);
    let screen = wait_for(&name, "stty output", |s| s.contains("speed"));
    let words: Vec<&str> = screen.split_whitespace().collect();
    assert!(words.contains(&"echo"), "echo not restored:\n{screen}");
    assert!(words.contains(&"icanon"), "icanon not restored:\n{screen}");
}
