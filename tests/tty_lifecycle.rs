//! The dashboard's process lifecycle on a real terminal (tmux), and `status` on a closed pipe:
//!
//! - H14: the terminal goes away while SIGHUP never reaches the dashboard (its parent shell
//!   ignores it and does not pass it on, as under `nohup` or `sudo`): the dashboard exits by
//!   itself instead of spinning on the dead TTY;
//! - H13: a second SIGTERM while the shutdown is stuck ends the process at once, with 143;
//! - H15: `status | head` / a reader that already left: no panic, no noise, the monitoring
//!   exit code kept.

mod support;

use std::time::{Duration, Instant};

use support::tmux::{self, Session, cpu_ticks, ends_within, kill_hard};

const FIXTURE: &str = "tests/fixtures/dashboard.json";
const NOW: &str = "2026-11-29T10:00:00+08:00";

fn binary() -> String {
    std::env::var("INVESTBOARD_TMUX_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_investboard").to_owned())
}

fn fixture() -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FIXTURE)
        .display()
        .to_string()
}

#[test]
fn the_dashboard_exits_when_its_terminal_goes_away_without_a_sighup() {
    if !tmux::available() {
        return;
    }
    // The pane's shell is the session leader, the only process the kernel sends SIGHUP to on
    // hang-up: it ignores it and passes nothing on, so the dashboard never gets one.
    let command = format!(
        "sh -c 'trap \"\" HUP; {} --feed {} --now {NOW}; echo exited $?'",
        binary(),
        fixture()
    );
    let session = Session::start("hangup", 100, 30, Some(&command));
    session.wait_for("the first frame", |s| s.contains("Q4 2026"));
    let pid = session.child_named("investboard");

    session.kill();
    let ended = ends_within(pid, Duration::from_secs(5));
    let cpu = if ended {
        None
    } else {
        let before = cpu_ticks(pid).unwrap_or(0);
        std::thread::sleep(Duration::from_secs(1));
        let after = cpu_ticks(pid).unwrap_or(0);
        kill_hard(pid);
        Some(after.saturating_sub(before))
    };
    assert!(
        ended,
        "the dashboard outlived its terminal by 5 s, using {cpu:?} CPU ticks in the last second"
    );
}

#[test]
fn a_second_sigterm_ends_a_stuck_shutdown_at_once() {
    if !tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let code_file = dir.path().join("exit-code");
    // The terminal is left as it is (no restore on the second signal), so the exit code goes
    // to a file rather than the screen.
    let command = format!(
        "sh -c 'INVESTBOARD_TEST_SHUTDOWN_DELAY=20s {} --feed {} --now {NOW}; echo $? > {}; sleep 30'",
        binary(),
        fixture(),
        code_file.display()
    );
    let session = Session::start("sigterm2", 100, 30, Some(&command));
    session.wait_for("the first frame", |s| s.contains("Q4 2026"));
    let pid = session.child_named("investboard");
    let term = || {
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
    };
    term();
    // The first one starts the (here stalled) shutdown; the process stays.
    assert!(!ends_within(pid, Duration::from_millis(500)), "no stall?");
    let second = Instant::now();
    term();
    let ended = ends_within(pid, Duration::from_secs(3));
    if !ended {
        kill_hard(pid);
    }
    assert!(ended, "still running 3 s after the second SIGTERM");
    assert!(second.elapsed() < Duration::from_secs(3));
    let start = Instant::now();
    let code = loop {
        let code = std::fs::read_to_string(&code_file).unwrap_or_default();
        if !code.is_empty() || start.elapsed() > tmux::WAIT {
            break code;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(code.trim(), "143", "128 + SIGTERM");
}

/// `status` into a pipe whose reader has already gone (as `| head -1` leaves it).
fn status_into_a_closed_pipe(format: &str) -> (Option<i32>, String) {
    // The subshell waits until `true` has exited, so every write meets a closed pipe.
    let script = format!(
        "(sleep 0.3; exec {} status --format {format} --feed {} --now 2022-02-15T10:00:00+08:00) | true; echo \"${{PIPESTATUS[0]}}\" >&2",
        binary(),
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hand_count.json")
            .display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let code = stderr.lines().last().and_then(|l| l.trim().parse().ok());
    (code, stderr)
}

#[test]
fn status_into_a_closed_pipe_exits_quietly_with_its_level() {
    for format in ["text", "json"] {
        let (code, stderr) = status_into_a_closed_pipe(format);
        // The fixture's level is WARNING: the exit code stays 1, and nothing but the exit
        // code the script echoed reaches stderr (no panic, no "Broken pipe").
        assert_eq!(code, Some(1), "{format}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{format}: {stderr}");
    }
    let output = std::process::Command::new("bash")
        .args([
            "-c",
            &format!(
                "{} status --now {NOW} | head -1; echo \"${{PIPESTATUS[0]}}\" >&2",
                binary()
            ),
        ])
        .env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.starts_with("INVESTBOARD WARNING - "), "{stdout}");
    assert_eq!(stderr.trim(), "1", "{stderr}");
}
