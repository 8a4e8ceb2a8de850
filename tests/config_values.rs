//! Random values for every declared setting, through the config file, the environment and the
//! command-line flags at once, fed to the real binary (`status` on a small valid feed): it
//! either runs (exit 0, 1 or 2, with a report) or refuses the configuration (exit 3, with a
//! message), and never panics (exit 101). Plus the values that used to kill it, one by one.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use investboard::config::{Declared, declared, env_name};
use proptest::prelude::*;

const FIXTURE: &str = "tests/fixtures/hand_count.json";
const NOW: &str = "2022-02-15T10:00:00+08:00";

/// A value as a user might write it, well or badly.
#[derive(Clone, Debug)]
enum Raw {
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String),
}

impl Raw {
    /// As a TOML value (texts are printable ASCII, so Rust's quoting is TOML's).
    fn toml(&self) -> String {
        match self {
            Raw::Int(n) => n.to_string(),
            Raw::Float(f) => format!("{f:?}"),
            Raw::Bool(b) => b.to_string(),
            Raw::Text(text) => format!("{text:?}"),
        }
    }

    /// As the environment or a flag writes it.
    fn text(&self) -> String {
        match self {
            Raw::Int(n) => n.to_string(),
            Raw::Float(f) => f.to_string(),
            Raw::Bool(b) => b.to_string(),
            Raw::Text(text) => text.clone(),
        }
    }
}

fn raw() -> impl Strategy<Value = Raw> {
    let unit = prop::sample::select(vec!["", "ms", "s", "m", "min", "h", "d", "w", " s", "S"]);
    let word = prop::sample::select(vec![
        "en",
        "ZH",
        "fr",
        "dark",
        "High-Contrast",
        "neon",
        "never",
        "ALWAYS",
        "wall",
        "Operator",
        "+08:00",
        "-05:30",
        "Z",
        "+25:00",
        "true",
        "no",
        "1",
        "yes",
        " ",
        "",
    ]);
    prop_oneof![
        any::<i64>().prop_map(Raw::Int),
        (-10i64..100_000).prop_map(Raw::Int),
        any::<f64>()
            .prop_filter("TOML has no NaN literal here", |f| f.is_finite())
            .prop_map(Raw::Float),
        any::<bool>().prop_map(Raw::Bool),
        (any::<u64>(), unit.clone()).prop_map(|(n, u)| Raw::Text(format!("{n}{u}"))),
        (0u64..5000, unit).prop_map(|(n, u)| Raw::Text(format!("{n}{u}"))),
        word.prop_map(|w| Raw::Text(w.to_owned())),
        "[ -~]{0,12}".prop_map(Raw::Text),
    ]
}

/// A value of the key's own kind (so that more cases get past parsing to the bounds), from
/// a number near or far from the bounds and a choice (unit, name, case).
fn plausible(setting: &Declared, n: i64, pick: usize) -> Raw {
    let kind = setting.kind.as_str();
    if kind.starts_with("a duration") {
        let units = ["", "ms", "s", "m", "h", "d"];
        return match pick % 7 {
            6 => Raw::Int(n),
            unit => Raw::Text(format!("{}{}", n.unsigned_abs(), units[unit])),
        };
    }
    if kind.starts_with("a whole number") {
        return Raw::Int(n);
    }
    if let Some(names) = kind.strip_prefix("one of ") {
        let names: Vec<&str> = names.split(", ").collect();
        let name = names[pick % names.len()];
        let name = if pick.is_multiple_of(3) {
            name.to_uppercase()
        } else {
            name.to_owned()
        };
        return Raw::Text(name);
    }
    match kind {
        "true or false" => Raw::Bool(pick.is_multiple_of(2)),
        _ => Raw::Text(format!("{:+03}:{:02}", n % 16, pick % 61)),
    }
}

/// Where a value is set.
#[derive(Clone, Copy, Debug)]
enum Source {
    File,
    Environment,
    Flag,
}

/// One key set somewhere: the key's index among the declared settings, the source, a value
/// of any kind, a number and a choice for a value of the key's kind, and whether to use that.
type Assignment = (usize, Source, Raw, i64, usize, bool);

fn assignment(keys: usize) -> impl Strategy<Value = Assignment> {
    let source = prop::sample::select(vec![Source::File, Source::Environment, Source::Flag]);
    let number = prop_oneof![
        any::<i64>(),
        -10i64..100_000,
        86_390i64..86_410,
        Just(i64::MAX),
        Just(17_592_186_044_416),
    ];
    (
        0..keys,
        source,
        raw(),
        number,
        0..64usize,
        prop::bool::weighted(0.75),
    )
}

/// Paths only from a safe set: random text as `log_file` would create files anywhere.
fn safe_path(dir: &Path, choice: usize) -> PathBuf {
    match choice {
        0 => dir.join("missing-dir").join("x"),
        1 => dir.join("file"),
        2 => dir.to_path_buf(),
        _ => PathBuf::new(),
    }
}

/// The binary with the user's own settings kept out.
fn investboard() -> Command {
    let mut cmd = Command::cargo_bin("investboard").expect("binary built");
    for (name, _) in std::env::vars() {
        if name.starts_with("INVESTBOARD_") {
            cmd.env_remove(name);
        }
    }
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
        .env("HOME", "/nonexistent-investboard-test")
        .env_remove("RUST_LOG");
    cmd
}

/// Runs `status` with these assignments; `Err` says how the run broke the contract.
fn run(settings: &[Declared], assignments: &[Assignment]) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    std::fs::write(dir.path().join("file"), "not a token or a calendar\n")
        .map_err(|e| e.to_string())?;
    let mut file = String::new();
    let mut cmd = investboard();
    cmd.args(["status", "--feed", FIXTURE, "--now", NOW]);
    for (index, source, any, n, pick, of_its_kind) in assignments {
        let setting = &settings[*index];
        let raw = if *of_its_kind {
            &plausible(setting, *n, *pick)
        } else {
            any
        };
        let path = (setting.kind == "a file path").then(|| safe_path(dir.path(), *pick));
        let text = path
            .as_ref()
            .map_or_else(|| raw.text(), |p| p.display().to_string());
        match source {
            Source::File => {
                let value = path
                    .as_ref()
                    .map_or_else(|| raw.toml(), |_| format!("{text:?}"));
                let _ = writeln!(file, "{} = {value}", setting.key);
            }
            Source::Environment => {
                cmd.env(env_name(setting.key), &text);
            }
            Source::Flag => match setting.flag {
                Some(flag) if setting.kind == "true or false" => {
                    cmd.arg(flag);
                }
                Some(flag) => {
                    cmd.arg(flag).arg(&text);
                }
                None => {}
            },
        }
    }
    let config = dir.path().join("config.toml");
    std::fs::write(&config, &file).map_err(|e| e.to_string())?;
    let output = cmd
        .arg("--config")
        .arg(&config)
        .output()
        .map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    let broke = match code {
        _ if stderr.contains("panicked") => Some("panicked"),
        Some(0..=2) if output.stdout.is_empty() => Some("no report"),
        Some(3) if stderr.trim().is_empty() => Some("exit 3 without a message"),
        Some(0..=3) => None,
        _ => Some("exit code"),
    };
    match broke {
        None => Ok(()),
        Some(what) => Err(format!(
            "{what}: exit {code:?}\nconfig:\n{file}stderr: {stderr}"
        )),
    }
}

proptest! {
    // Each case runs the binary once; 64 of them take a few seconds.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_values_anywhere_are_run_or_refused_never_a_panic(
        assignments in prop::collection::vec(assignment(declared().len()), 1..8)
    ) {
        let settings: Vec<Declared> = declared()
            .into_iter()
            .map(|s| if s.key == "feed" { Declared { flag: None, ..s } } else { s })
            .collect();
        let verdict = run(&settings, &assignments);
        prop_assert!(verdict.is_ok(), "{}", verdict.err().unwrap_or_default());
    }
}

/// Exit code and stderr of `status` with these extra arguments and environment.
fn refused(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut cmd = investboard();
    cmd.args(["status", "--feed", FIXTURE, "--now", NOW])
        .args(args);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let output = cmd.output().expect("runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn values_that_used_to_kill_are_refused_naming_the_key_and_where_it_came_from() {
    for (args, env, expected) in [
        (
            &["--interval", "200000000d"][..],
            &[][..],
            "poll_interval (from command line): must be at most 1d, got 200000000d",
        ),
        (
            &[],
            &[("INVESTBOARD_MAX_BODY_MB", "17592186044416")],
            "max_body_mb (from environment): must be at most 4096, got 17592186044416",
        ),
        (
            &[],
            &[("INVESTBOARD_ROTATE_INTERVAL", "86401")],
            "rotate_interval (from environment): must be at most 1d, got 86401s",
        ),
        (
            &[],
            &[("INVESTBOARD_REQUEST_TIMEOUT", "0")],
            "request_timeout (from environment): must be at least 100ms, got 0s",
        ),
        (
            &["--warn-age", "400d"],
            &[],
            "warn_age (from command line): must be at most 365d, got 400d",
        ),
    ] {
        let (code, stderr) = refused(args, env);
        assert_eq!(code, Some(3), "{args:?} {env:?}: {stderr}");
        assert_eq!(stderr.trim(), format!("investboard: {expected}"));
    }
}
