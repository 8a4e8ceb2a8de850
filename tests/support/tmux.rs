//! Driving the real binary in tmux (as fzf's tests do): sessions that are killed even when an
//! assertion fails, screen captures polled until a condition holds, and the processes behind a
//! pane. Tests skip with a notice where tmux is missing, and fail under CI (`.ci/run` installs
//! it).

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const WAIT: Duration = Duration::from_secs(15);

/// Whether tmux is installed; under CI a missing tmux fails the test instead.
pub fn available() -> bool {
    let found = Command::new("tmux").arg("-V").output().is_ok();
    super::ci::tool_found("tmux", found)
}

pub fn tmux(args: &[&str]) -> Output {
    Command::new("tmux").args(args).output().expect("tmux runs")
}

/// A detached tmux session; killed when dropped.
pub struct Session {
    pub name: String,
}

impl Session {
    /// A `width` x `height` session running `command` (a shell when `None`).
    pub fn start(tag: &str, width: u16, height: u16, command: Option<&str>) -> Session {
        let name = format!("investboard-{tag}-{}", std::process::id());
        let (w, h) = (width.to_string(), height.to_string());
        let mut args = vec!["new-session", "-d", "-s", &name, "-x", &w, "-y", &h];
        args.extend(command);
        let started = tmux(&args);
        assert!(started.status.success(), "tmux new-session: {started:?}");
        Session { name }
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", &self.name]).stdout)
            .into_owned()
    }

    /// Polls the pane until `pred` holds, or fails with the last screen.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
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

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            tmux(&["send-keys", "-t", &self.name, key]);
            sleep(Duration::from_millis(150));
        }
    }

    /// A pane variable, e.g. `pane_title`, `pane_pid`, `alternate_on`.
    pub fn display(&self, variable: &str) -> String {
        let format = format!("#{{{variable}}}");
        let out = tmux(&["display", "-p", "-t", &self.name, &format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// The pid of the pane's child process named `comm` (the dashboard under a shell).
    pub fn child_named(&self, comm: &str) -> u32 {
        let shell = self.display("pane_pid");
        let start = Instant::now();
        loop {
            let out = Command::new("pgrep")
                .args(["-P", &shell, "-x", comm])
                .output()
                .expect("pgrep runs");
            let text = String::from_utf8_lossy(&out.stdout);
            if let Some(pid) = text.split_whitespace().next() {
                return pid.parse().expect("a pid");
            }
            assert!(
                start.elapsed() < WAIT,
                "no {comm} under the pane's shell {shell}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn kill(&self) {
        tmux(&["kill-session", "-t", &self.name]);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Whether `pid` is still running (a zombie waiting to be reaped has ended).
pub fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .map(|(_, rest)| rest.trim().to_owned())
        })
        .is_some_and(|rest| !rest.starts_with('Z') && !rest.starts_with('X'))
}

/// Waits up to `limit` for `pid` to end; true if it did.
pub fn ends_within(pid: u32, limit: Duration) -> bool {
    let start = Instant::now();
    while running(pid) {
        if start.elapsed() > limit {
            return false;
        }
        sleep(Duration::from_millis(50));
    }
    true
}

/// User plus system CPU time of `pid`, in clock ticks (`/proc/PID/stat` fields 14 and 15).
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // `rest` starts at field 3 (state): utime is field 14, stime field 15.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// Ends a process this test started, if it is still there (by pid, never by name).
pub fn kill_hard(pid: u32) {
    if running(pid) {
        let _ = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    }
}
