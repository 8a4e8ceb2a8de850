//! Never stuck (issue 13): every wait has a deadline and every exit is clean, whatever is in
//! flight. A FIFO nobody writes to stands in for a hung network mount (its `open` and `read`
//! block a thread that no deadline can stop); a stdin pipe kept open stands in for a feed
//! producer that hangs.

mod support;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::tmux::{self, Session, ends_within};

const FIXTURE: &str = "tests/fixtures/dashboard.json";
const NOW: &str = "2026-11-29T10:00:00+08:00";
/// The request deadline the tests set, and the slack a loaded CI machine may add to it.
const DEADLINE: Duration = Duration::from_secs(1);
const SLACK: Duration = Duration::from_secs(4);

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_investboard")
}

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FIXTURE)
        .display()
        .to_string()
}

/// What a start-up file case sets: a name, flags, environment.
type Case<'a> = (&'a str, Vec<&'a str>, Vec<(&'a str, &'a str)>);

/// A FIFO in a fresh temporary directory (kept alive by the returned guard).
fn fifo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.fifo");
    let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(made.success());
    (dir, path)
}

/// Runs `investboard args` with the deadline set, stdin closed; returns the exit code, the
/// output (stdout then stderr) and how long it took. Fails if it outlives `SLACK` more.
fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, Duration) {
    let started = Instant::now();
    let mut command = Command::new(binary());
    command
        .args(args)
        .env_remove("INVESTBOARD_FEED")
        .env("INVESTBOARD_REQUEST_TIMEOUT", "1s")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let child = command.spawn().expect("spawn");
    let output = wait_with_limit(child, DEADLINE + SLACK + SLACK);
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text, started.elapsed())
}

fn wait_with_limit(mut child: std::process::Child, limit: Duration) -> std::process::Output {
    let started = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            assert!(started.elapsed() <= limit, "still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[test]
fn status_check_feed_and_doctor_answer_within_the_deadline_on_a_feed_that_never_delivers() {
    let (_dir, fifo) = fifo();
    let feed = fifo.display().to_string();
    let expected = "reading the feed timed out after 1 s";

    let (code, out, took) = run(&["status", "--feed", &feed, "--now", NOW], &[]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.starts_with("INVESTBOARD CRITICAL - feed unusable"),
        "{out}"
    );
    assert!(out.contains(expected), "{out}");
    assert!(took < DEADLINE + SLACK, "status took {took:?}");

    let (code, out, took) = run(&["check-feed", &feed, "--now", NOW], &[]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains(&format!("UNUSABLE: {expected}")), "{out}");
    assert!(took < DEADLINE + SLACK, "check-feed took {took:?}");

    let (code, out, took) = run(&["doctor", "--feed", &feed, "--now", NOW], &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("!! reachable"), "{out}");
    assert!(out.contains(expected), "{out}");
    assert!(took < DEADLINE + SLACK, "doctor took {took:?}");
}

#[test]
fn status_on_a_stdin_pipe_that_stays_open_answers_within_the_deadline() {
    let started = Instant::now();
    let mut child = Command::new(binary())
        .args(["status", "--feed", "-", "--now", NOW])
        .env("INVESTBOARD_REQUEST_TIMEOUT", "1s")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Half a document, then silence with the pipe still open.
    let mut writer = child.stdin.take().expect("stdin");
    writer
        .write_all(b"{\"schema_version\": 1, ")
        .expect("write");
    let output = wait_with_limit(child, DEADLINE + SLACK + SLACK);
    drop(writer);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(
        out.contains("reading the feed timed out after 1 s"),
        "{out}"
    );
    assert!(started.elapsed() < DEADLINE + SLACK);
}

#[test]
fn start_up_files_that_are_not_regular_files_are_refused_at_once() {
    let (dir, fifo) = fifo();
    let fifo = fifo.display().to_string();
    let config = dir.path().join("config.toml");
    let status = ["status", "--feed", &fixture(), "--now", NOW];
    let cases: [Case; 5] = [
        ("config file", vec!["--config", &fifo], vec![]),
        (
            "calendar file",
            vec![],
            vec![("INVESTBOARD_CALENDAR_FILE", &fifo)],
        ),
        (
            "endless calendar",
            vec![],
            vec![("INVESTBOARD_CALENDAR_FILE", "/dev/zero")],
        ),
        (
            "token file",
            vec![],
            vec![("INVESTBOARD_TOKEN_FILE", &fifo)],
        ),
        ("log file", vec!["--log-file", &fifo], vec![]),
    ];
    std::fs::write(&config, "").expect("write");
    for (what, flags, env) in cases {
        let args: Vec<&str> = status.iter().copied().chain(flags).collect();
        let (code, out, took) = run(&args, &env);
        assert_eq!(code, 3, "{what}: {out}");
        assert!(
            out.contains("not a regular file (a pipe, a device or a directory)"),
            "{what}: {out}"
        );
        assert!(took < SLACK, "{what} took {took:?}");
    }
}

#[test]
fn the_dashboard_refuses_a_dumb_terminal() {
    let (code, out, _) = run(&["--feed", &fixture()], &[("TERM", "dumb")]);
    assert_eq!(code, 3, "{out}");
    assert!(
        out.contains("TERM=dumb cannot draw the full-screen dashboard: use `investboard status`"),
        "{out}"
    );
}

/// The dashboard polls a FIFO: the header says the read timed out (not FRESH or LOADING for
/// ever), and `q` ends the process at once although a thread is still stuck in `open`.
#[test]
fn the_dashboard_shows_a_stuck_read_and_quits_at_once_during_it() {
    if !tmux::available() {
        return;
    }
    let (_dir, fifo) = fifo();
    let command = format!(
        "env INVESTBOARD_REQUEST_TIMEOUT=1s {} --lang en --feed {} --now {NOW}; sleep 30",
        binary(),
        fifo.display()
    );
    let session = Session::start("stuck", 120, 30, Some(&command));
    session.wait_for("the timeout in the header", |s| {
        s.contains("reading the feed timed out after 1 s")
    });
    let pid = session.child_named("investboard");
    let pressed = Instant::now();
    session.keys(&["q"]);
    assert!(
        ends_within(pid, Duration::from_secs(1) + SLACK),
        "still running after q"
    );
    let took = pressed.elapsed();
    assert!(took < Duration::from_secs(1) + SLACK, "q took {took:?}");
    assert_eq!(session.display("alternate_on").trim(), "0");
}

/// `kill -HUP` (or `systemctl reload`) while the terminal is still there: the dashboard
/// quits and leaves the terminal as it found it (alternate screen off, cursor shown).
#[test]
fn a_sighup_with_the_terminal_still_there_restores_it() {
    if !tmux::available() {
        return;
    }
    let command = format!(
        "{} --lang en --feed {} --now {NOW}; echo exited $?; sleep 30",
        binary(),
        fixture()
    );
    let session = Session::start("hup", 100, 30, Some(&command));
    session.wait_for("the first frame", |s| s.contains("Q4 2026"));
    assert_eq!(session.display("alternate_on").trim(), "1");
    let pid = session.child_named("investboard");
    let sent = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(sent.success());
    session.wait_for("the shell's line after exit", |s| s.contains("exited 0"));
    assert_eq!(session.display("alternate_on").trim(), "0");
    assert_eq!(session.display("cursor_flag").trim(), "1");
}

/// The poller tells the app when a poll outlives the interval, then fails it at the deadline;
/// the app shows the first and counts the second as a failure.
#[tokio::test]
async fn a_poll_slower_than_the_interval_is_reported_then_failed_at_the_deadline() {
    use investboard::feed::source::{FeedSource, FetchOptions, Fetcher};
    use investboard::poll::{FeedUpdate, run_poller};

    let (_dir, fifo) = fifo();
    let options = FetchOptions {
        total_timeout: Duration::from_millis(800),
        ..FetchOptions::default()
    };
    let fetcher = Fetcher::new(FeedSource::File(fifo.clone()), options).expect("fetcher");
    let (updates_tx, mut updates) = tokio::sync::mpsc::channel(4);
    let (_commands, commands_rx) = tokio::sync::mpsc::channel(1);
    let now = chrono::DateTime::parse_from_rfc3339(NOW).expect("time");
    let clock: investboard::poll::Clock = std::sync::Arc::new(move || now);
    let poller = tokio::spawn(run_poller(
        fetcher,
        Duration::from_millis(200),
        clock,
        updates_tx,
        commands_rx,
        investboard::lang::Lang::En,
    ));
    let first = next_update(&mut updates).await;
    assert!(
        matches!(first, Some(FeedUpdate::Checking { since }) if since == now),
        "{first:?}"
    );
    let second = next_update(&mut updates).await;
    assert!(
        matches!(&second, Some(FeedUpdate::Failed { error, .. })
            if error.starts_with("reading the feed timed out after 800 ms")),
        "{second:?}"
    );
    poller.abort();
    // Let the blocked `open` go, so the runtime can end.
    drop(std::fs::OpenOptions::new().write(true).open(&fifo));
}

async fn next_update(
    updates: &mut tokio::sync::mpsc::Receiver<investboard::poll::FeedUpdate>,
) -> Option<investboard::poll::FeedUpdate> {
    tokio::time::timeout(DEADLINE + SLACK, updates.recv())
        .await
        .ok()
        .flatten()
}
