//! The operator's world through the real binary: languages in `status` text, the dashboard's
//! refusal of a stdout that is not a terminal, `doctor`, logging, completions, the manual page
//! and `--version`.

use std::io::Write as _;

use assert_cmd::Command;

const FIXTURE: &str = "tests/fixtures/hand_count.json";
/// Thirty minutes after the fixture's `generated_at`.
const NOW: &str = "2022-02-15T10:00:00+08:00";

/// The binary with the user's config, locale and logging settings kept out.
fn investboard() -> Command {
    let mut cmd = Command::cargo_bin("investboard").expect("binary built");
    for name in [
        "INVESTBOARD_FEED",
        "INVESTBOARD_TOKEN",
        "INVESTBOARD_LANG",
        "INVESTBOARD_THEME",
        "INVESTBOARD_COLOR",
        "INVESTBOARD_PROFILE",
        "INVESTBOARD_LOG_FILE",
        "LC_ALL",
        "LC_MESSAGES",
        "RUST_LOG",
        "NO_COLOR",
        "COLORTERM",
    ] {
        cmd.env_remove(name);
    }
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
        .env("HOME", "/nonexistent-investboard-test")
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm");
    cmd
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let output = cmd.output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn status_text_in_each_language() {
    for lang in ["en", "zh"] {
        let (code, out, _) =
            run(investboard().args(["status", "--feed", FIXTURE, "--now", NOW, "--lang", lang]));
        assert_eq!(code, 1, "{out}");
        insta::assert_snapshot!(format!("status_text_{lang}"), out);
    }
}

#[test]
fn the_locale_picks_the_language_and_the_flag_wins() {
    let (_, out, _) = run(investboard()
        .env("LANG", "zh_CN.UTF-8")
        .args(["status", "--feed", FIXTURE, "--now", NOW]));
    assert!(
        out.starts_with("INVESTBOARD WARNING - 2 项审批超期；一季度 签约 3/4 个，90/100 亿"),
        "{out}"
    );
    let (_, out, _) = run(investboard()
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["status", "--feed", FIXTURE, "--now", NOW, "--lang", "en"]));
    assert!(out.contains("Q1 signed 3/4, 9/10 bn"), "{out}");
    let (_, out, _) = run(investboard()
        .env("INVESTBOARD_LANG", "zh")
        .args(["status", "--feed", FIXTURE, "--now", NOW]));
    assert!(out.contains("90/100 亿"), "{out}");
}

#[test]
fn json_is_the_same_in_every_language() {
    let json = |lang: &str| {
        run(investboard().args([
            "status", "--format", "json", "--feed", FIXTURE, "--now", NOW, "--lang", lang,
        ]))
        .1
    };
    let en = json("en");
    assert_eq!(en, json("zh"));
    let value: serde_json::Value = serde_json::from_str(&en).expect("JSON");
    assert_eq!(
        value["summary"],
        "INVESTBOARD WARNING - 2 stalled approvals; Q1 signed 3/4, 90/100 亿; started 2/2; data 30 min old"
    );
}

/// Here stdout is always a pipe, so (unlike a unit test run from a terminal) this can never
/// be skipped: the dashboard refuses to draw into it, before touching the terminal.
#[test]
fn the_dashboard_refuses_a_stdout_that_is_not_a_terminal() {
    let (code, out, err) = run(investboard().args(["--feed", FIXTURE, "--now", NOW]));
    assert_eq!(code, 3, "{err}");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "investboard: stdout is not a terminal: use `investboard status` for a one-shot summary\n"
    );
}

#[test]
fn doctor_with_a_reachable_feed_is_ok() {
    let (code, out, _) = run(investboard().args(["doctor", "--feed", FIXTURE, "--now", NOW]));
    assert_eq!(code, 0, "{out}");
    for expected in [
        "stdout is not a terminal",
        "TERM       \"xterm\"",
        "16 colours (TERM=xterm: 16 colours; --color auto)",
        "en: English labels, amounts in bn/m (LANG=C.UTF-8)",
        "poll_interval",
        "10s  (default)",
        "reachable",
        "7 projects, 0 rejected records",
        "2022 covered",
        "OK: everything needed is usable (exit 0)",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from:\n{out}");
    }
}

#[test]
fn doctor_says_where_each_setting_came_from() {
    let mut config = tempfile::NamedTempFile::new().expect("temp");
    writeln!(config, "profile = \"wall\"\npoll_interval = \"30s\"").expect("write");
    let path = config.path().to_str().expect("utf-8");
    let (code, out, _) = run(investboard()
        .env("NO_COLOR", "1")
        .env("INVESTBOARD_WARN_AGE", "5m")
        .args([
            "doctor", "--config", path, "--feed", FIXTURE, "--now", NOW, "--lang", "zh",
        ]));
    assert_eq!(code, 0, "{out}");
    for expected in [
        "颜色       无颜色（已设置 NO_COLOR；--color auto）",
        "zh：中文标签，金额单位 亿/万（lang 来自命令行）",
        "30s  （配置文件）",
        "5m  （环境变量）",
        "wall                        true  （配置文件，经由 profile wall）",
        "theme                       high-contrast  （配置文件，经由 profile wall）",
        "可访问  是，",
        "正常：所需各项均可用（退出码 0）",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from:\n{out}");
    }
    assert!(out.contains(path), "{out}");
}

#[test]
fn doctor_with_a_missing_feed_or_an_uncovered_year_is_degraded() {
    let (code, out, _) =
        run(investboard().args(["doctor", "--feed", "/nonexistent/feed.json", "--now", NOW]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("!! reachable"), "{out}");
    assert!(out.contains("/nonexistent/feed.json"), "{out}");
    assert!(out.contains("DEGRADED"), "{out}");
    // In Chinese the reason is Chinese too, not the English error quoted.
    let (code, out, _) = run(investboard().args([
        "doctor",
        "--feed",
        "/nonexistent/feed.json",
        "--now",
        NOW,
        "--lang",
        "zh",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("文件不存在"), "{out}");
    assert!(!out.contains("no such file"), "{out}");
    let (code, out, _) = run(investboard().args([
        "doctor",
        "--feed",
        FIXTURE,
        "--now",
        "2031-03-01T10:00:00+08:00",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("!! this year"), "{out}");
    assert!(out.contains("2031 NOT covered"), "{out}");
    // No feed configured: the embedded demo, generated in-process.
    let (code, out, _) = run(investboard().args(["doctor", "--now", "2026-11-29T10:00:00+08:00"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("embedded demo feed"), "{out}");
    // A config error is exit 3, before any check.
    let (code, _, err) = run(investboard().args(["doctor", "--theme", "neon"]));
    assert_eq!(code, 3, "{err}");
}

#[test]
fn status_logs_to_a_file_and_to_stderr_only_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("investboard.log");
    let log_arg = log.to_str().expect("utf-8");
    let (code, _, err) = run(investboard().args([
        "status",
        "--feed",
        FIXTURE,
        "--now",
        NOW,
        "--log-file",
        log_arg,
    ]));
    assert_eq!(code, 1);
    assert!(err.is_empty(), "nothing on stderr without -v: {err}");
    let text = std::fs::read_to_string(&log).expect("log written");
    assert!(
        text.contains("INFO") && text.contains("feed fetched"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no escape codes in the log: {text:?}"
    );
    let (_, _, err) = run(investboard().args(["status", "--feed", FIXTURE, "--now", NOW, "-v"]));
    assert!(err.contains("feed fetched"), "{err}");
    let (_, _, err) = run(investboard().env("RUST_LOG", "warn").args([
        "status",
        "--feed",
        "/nonexistent/x.json",
        "--now",
        NOW,
    ]));
    assert!(
        err.contains("WARN") && err.contains("feed unusable"),
        "{err}"
    );
}

#[test]
fn log_lines_with_feed_text_are_sanitized() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("log");
    let evil = "/nonexistent/\u{1b}[2J\u{1b}]0;owned\u{7}feed.json";
    let (code, out, _) = run(investboard().args([
        "status",
        "--feed",
        evil,
        "--now",
        NOW,
        "--log-file",
        log.to_str().expect("utf-8"),
    ]));
    assert_eq!(code, 2, "{out}");
    let text = std::fs::read_to_string(&log).expect("log written");
    assert!(text.contains("feed unusable"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
}

#[test]
fn an_unopenable_log_file_is_a_config_error() {
    let (code, _, err) = run(investboard().args([
        "status",
        "--feed",
        FIXTURE,
        "--log-file",
        "/nonexistent/dir/x.log",
    ]));
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("log_file /nonexistent/dir/x.log: cannot open"),
        "{err}"
    );
}

#[test]
fn completions_cover_every_subcommand() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = run(investboard().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}");
        for word in [
            "status",
            "check-feed",
            "demo-feed",
            "doctor",
            "lang",
            "theme",
        ] {
            assert!(out.contains(word), "{shell}: {word} missing");
        }
    }
}

#[test]
fn man_page_is_roff_and_version_prints() {
    let (code, out, _) = run(investboard().arg("man"));
    assert_eq!(code, 0);
    assert!(out.starts_with(".TH"), "{}", &out[..out.len().min(200)]);
    assert!(out.contains("doctor"), "subcommands listed");
    let (code, out, _) = run(investboard().arg("--version"));
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        format!("investboard {}", env!("CARGO_PKG_VERSION"))
    );
    let (_, out, _) = run(investboard().arg("--help"));
    assert!(
        out.contains("investboard doctor") && out.contains("--profile wall"),
        "{out}"
    );
}

#[test]
fn the_wall_unit_runs_wall_mode_on_tty1_and_restarts() {
    let unit = std::fs::read_to_string("config/investboard-wall.service").expect("unit file");
    for directive in [
        "TTYPath=/dev/tty1",
        "StandardInput=tty",
        "StandardOutput=tty",
        "Restart=always",
        "RestartSec=5",
        "Environment=TERM=linux",
        "EnvironmentFile=/etc/investboard/wall.env",
        "ExecStart=investboard --profile wall",
    ] {
        assert!(
            unit.lines().any(|l| l.starts_with(directive)),
            "{directive} missing"
        );
    }
    // The flags the unit passes are real flags.
    let (code, _, err) = run(investboard().args([
        "--profile",
        "wall",
        "--log-file",
        "/dev/null",
        "doctor",
        "--feed",
        FIXTURE,
        "--now",
        NOW,
    ]));
    assert_eq!(code, 0, "{err}");
}
