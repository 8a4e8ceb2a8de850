//! The real binary as scripts run it: away from the user's config, with a 1 s request
//! timeout and a 1 MiB body cap, under GNU time (peak memory) where it is installed.

use std::time::{Duration, Instant};

pub const GNU_TIME: &str = "/usr/bin/time";

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// Peak resident set size, when GNU time is there to measure it.
    pub max_rss_kib: Option<u64>,
}

impl Run {
    pub fn first_line(&self) -> &str {
        self.stdout.lines().next().unwrap_or_default()
    }

    /// Everything the run printed, stdout then stderr.
    pub fn all_output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `investboard <args>` with `env` added.
pub fn investboard(args: &[&str], env: &[(&str, &str)]) -> Run {
    let binary = env!("CARGO_BIN_EXE_investboard");
    let rss_file = tempfile::NamedTempFile::new().expect("temp file");
    let measured = std::path::Path::new(GNU_TIME).exists();
    let mut cmd = if measured {
        let mut cmd = assert_cmd::Command::new(GNU_TIME);
        cmd.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(rss_file.path())
            .arg(binary);
        cmd
    } else {
        assert_cmd::Command::new(binary)
    };
    cmd.args(args)
        .env_remove("INVESTBOARD_FEED")
        .env_remove("INVESTBOARD_TOKEN")
        .env_remove("INVESTBOARD_TOKEN_FILE")
        .env_remove("INVESTBOARD_HTTPS_ONLY")
        .env_remove("INVESTBOARD_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("RUST_LOG")
        .env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
        .env("HOME", "/nonexistent-investboard-test")
        .env("INVESTBOARD_REQUEST_TIMEOUT", "1s")
        .env("INVESTBOARD_CONNECT_TIMEOUT", "1s")
        .env("INVESTBOARD_MAX_BODY_MB", "1")
        .timeout(Duration::from_secs(20));
    for (key, value) in env {
        cmd.env(key, value);
    }
    let started = Instant::now();
    let output = cmd.output().expect("the binary runs");
    let elapsed = started.elapsed();
    let max_rss_kib = std::fs::read_to_string(rss_file.path())
        .ok()
        .and_then(|text| text.lines().last().and_then(|l| l.trim().parse().ok()));
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed,
        max_rss_kib,
    }
}

/// [`investboard`] off the async runtime, so a test server on it keeps serving.
pub async fn investboard_async(args: &[&str], env: &[(&str, &str)]) -> Run {
    let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        investboard(&args, &env)
    })
    .await
    .expect("the run finished")
}
