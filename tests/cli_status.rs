//! `investboard status` and `check-feed` as scripts see them: the real binary, its stdout and
//! its exit code (0 ok, 1 warning, 2 critical, 3 unknown).

use std::io::Write;

use assert_cmd::Command;

const FIXTURE: &str = "tests/fixtures/hand_count.json";
/// Thirty minutes after the fixture's `generated_at`.
const NOW: &str = "2022-02-15T10:00:00+08:00";

fn investboard() -> Command {
    let mut cmd = Command::cargo_bin("investboard").expect("binary built");
    // Keep the user's own config and environment out of the tests.
    cmd.env_remove("INVESTBOARD_FEED")
        .env_remove("INVESTBOARD_TOKEN")
        .env_remove("INVESTBOARD_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("RUST_LOG")
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
        .env("HOME", "/nonexistent-investboard-test");
    cmd
}

fn run(args: &[&str]) -> (i32, String, String) {
    let output = investboard().args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn text_status_starts_with_the_monitoring_line() {
    let (code, out, _) = run(&["status", "--feed", FIXTURE, "--now", NOW]);
    assert_eq!(code, 1, "stalled approvals are a warning\n{out}");
    let first = out.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "INVESTBOARD WARNING - 2 stalled approvals; Q1 signed 3/4, 9/10 bn; started 2/2; data 30 min old"
    );
    assert!(
        out.contains("  Signed projects   3/4              ON PACE"),
        "{out}"
    );
    assert!(
        out.contains("  Signed amount     9/10 bn          ON PACE"),
        "{out}"
    );
    assert!(
        out.contains("  Started projects  2/2              ON TARGET"),
        "{out}"
    );
    assert!(out.contains("27/5 working days, overdue 22"), "{out}");
}

#[test]
fn json_status_is_the_contract_with_hand_counted_figures() {
    let (code, out, _) = run(&[
        "status", "--format", "json", "--feed", FIXTURE, "--now", NOW,
    ]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["status"], "warning");
    assert_eq!(json["now"], NOW);
    assert_eq!(json["feed"]["source"], FIXTURE);
    assert_eq!(json["feed"]["generated_at"], "2022-02-15T09:30:00+08:00");
    assert_eq!(json["feed"]["projects"], 7);
    assert_eq!(json["feed"]["rejected_records"], 0);
    let q = &json["quarter"];
    assert_eq!(
        (q["year"].as_i64(), q["quarter"].as_i64()),
        (Some(2022), Some(1))
    );
    assert_eq!(q["signed_projects"], 3);
    assert_eq!(q["signed_amount_cny"], 9_000_000_000_u64);
    assert_eq!(q["started_projects"], 2);
    assert_eq!(q["target_signed_projects"], 4);
    assert_eq!(q["target_signed_amount_cny"], 10_000_000_000_u64);
    assert_eq!(q["target_started_projects"], 2);
    assert_eq!(json["year_to_date"]["signed_projects"], 3);
    assert_eq!(json["year_to_date"]["signed_amount_cny"], 9_000_000_000_u64);
    assert_eq!(json["year_to_date"]["started_projects"], 2);
    assert_eq!(json["quarters"][1]["target_signed_projects"], 5);
    assert!(json["quarters"][2]["target_signed_projects"].is_null());
    let stalled = json["stalled_approvals"].as_array().expect("array");
    assert_eq!(stalled.len(), 2);
    assert_eq!(stalled[0]["project_id"], "G");
    assert_eq!(stalled[0]["project_name"], "Display panel line");
    assert_eq!(stalled[0]["approval_id"], "G1");
    assert_eq!(stalled[0]["item"], "Land use approval");
    assert_eq!(
        stalled[0]["department"],
        "Natural Resources and Planning Bureau"
    );
    assert_eq!(stalled[0]["submitted_on"], "2022-01-04");
    assert_eq!(stalled[0]["working_days_elapsed"], 27);
    assert_eq!(stalled[0]["limit_working_days"], 5);
    assert_eq!(stalled[1]["project_id"], "A");
    assert_eq!(stalled[1]["working_days_elapsed"], 10);
    assert_eq!(json["data_age_seconds"], 1800);
}

/// FEED.md (2026-12): amounts are exact end to end. Four signings sum past 2^53 with 0.1 + 0.2
/// in them; the target is past the old 10^15 cap with a fraction. The JSON says them exactly,
/// as plain numbers; the text rounds only for display.
#[test]
fn json_amounts_are_exact_plain_numbers() {
    let mut file = tempfile::NamedTempFile::new().expect("temp");
    file.write_all(
        br#"{"schema_version":1,"generated_at":"2022-02-15T09:30:00+08:00",
          "targets":[{"year":2022,"quarter":1,"signed_amount_cny":99999999999999999.99}],
          "projects":[
          {"id":"A","name":"a","amount_cny":1.3e16,"stage":"signed","signed_on":"2022-01-05"},
          {"id":"B","name":"b","amount_cny":1500002003.1,"stage":"signed","signed_on":"2022-01-06"},
          {"id":"C","name":"c","amount_cny":0.1,"stage":"signed","signed_on":"2022-01-07"},
          {"id":"D","name":"d","amount_cny":0.2,"stage":"signed","signed_on":"2022-01-08"}]}"#,
    )
    .expect("write");
    let path = file.path().to_str().expect("utf-8");
    let (code, out, _) = run(&["status", "--format", "json", "--feed", path, "--now", NOW]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(r#""signed_amount_cny": 13000001500002003.4,"#),
        "{out}"
    );
    assert!(
        out.contains(r#""target_signed_amount_cny": 99999999999999999.99,"#),
        "{out}"
    );
    assert!(!out.contains("e+"), "no exponent anywhere: {out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["feed"]["rejected_records"], 0);
    assert_eq!(
        json["year_to_date"]["signed_amount_cny"].to_string(),
        "13000001500002003.4"
    );
    let (_, text, _) = run(&["status", "--feed", path, "--now", NOW]);
    assert!(
        text.contains("Q1 signed 4, 13000001.5/100000000 bn;"),
        "{text}"
    );
}

#[test]
fn data_age_drives_warning_and_critical() {
    let empty = tempfile::NamedTempFile::new().expect("temp");
    std::fs::write(
        empty.path(),
        r#"{"schema_version":1,"generated_at":"2022-02-15T09:00:00+08:00","projects":[]}"#,
    )
    .expect("write");
    let feed = empty.path().to_str().expect("utf-8 path");
    let at = |now: &str, extra: &[&str]| {
        let mut args = vec!["status", "--feed", feed, "--now", now];
        args.extend_from_slice(extra);
        run(&args)
    };
    assert_eq!(at("2022-02-15T09:10:00+08:00", &[]).0, 0);
    let (code, out, _) = at("2022-02-15T09:45:00+08:00", &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with("INVESTBOARD WARNING - 0 stalled approvals;"),
        "{out}"
    );
    assert_eq!(at("2022-02-15T12:00:00+08:00", &[]).0, 2);
    assert_eq!(at("2022-02-15T09:45:00+08:00", &["--warn-age", "1h"]).0, 0);
    assert_eq!(
        at(
            "2022-02-15T09:45:00+08:00",
            &["--warn-age", "5m", "--crit-age", "10m"]
        )
        .0,
        2
    );
}

#[test]
fn an_unusable_feed_is_critical_with_a_clear_line() {
    let cases: [(&[u8], &str); 4] = [
        (b"not json", "feed is not JSON"),
        (
            br#"{"schema_version":2,"projects":[]}"#,
            "schema_version 2 is not supported",
        ),
        (
            br#"{"schema_version":1,"projects":{}}"#,
            "feed projects: invalid type: map",
        ),
        (
            b"{\"schema_version\":1,\"projects\":[\"\xff\"]}",
            "feed is not UTF-8",
        ),
    ];
    for (body, expected) in cases {
        let mut file = tempfile::NamedTempFile::new().expect("temp");
        file.write_all(body).expect("write");
        let path = file.path().to_str().expect("utf-8");
        let (code, out, _) = run(&["status", "--feed", path, "--now", NOW]);
        assert_eq!(code, 2, "{out}");
        assert!(
            out.starts_with("INVESTBOARD CRITICAL - feed unusable: "),
            "{out}"
        );
        assert!(
            out.lines().next().unwrap_or_default().contains(expected),
            "{out}"
        );
        let (code, out, _) = run(&["status", "--format", "json", "--feed", path, "--now", NOW]);
        assert_eq!(code, 2);
        let json: serde_json::Value = serde_json::from_str(&out).expect("JSON even when critical");
        assert_eq!(json["status"], "critical");
        assert!(json["quarter"].is_null());
        assert!(
            json["feed"]["error"]
                .as_str()
                .unwrap_or_default()
                .contains(expected)
        );
    }
}

#[test]
fn a_missing_file_and_a_refused_connection_are_critical() {
    let (code, out, _) = run(&["status", "--feed", "/nonexistent/feed.json", "--now", NOW]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("/nonexistent/feed.json"), "{out}");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    let url = format!("http://127.0.0.1:{port}/feed.json");
    let (code, out, _) = run(&["status", "--feed", &url, "--now", NOW]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("connection refused"), "{out}");
}

#[test]
fn bad_arguments_and_config_are_unknown() {
    let (code, _, err) = run(&["status", "--now", "yesterday"]);
    assert_eq!(code, 3);
    assert!(err.contains("not an RFC 3339 time"), "{err}");
    let (code, _, _) = run(&["status", "--format", "xml"]);
    assert_eq!(code, 3);
    let (code, _, _) = run(&["status", "--warn-age", "soon"]);
    assert_eq!(code, 3);
    let mut config = tempfile::NamedTempFile::new().expect("temp");
    config
        .write_all(b"poll_interval = \"5s\"\npol_interval = \"5s\"\n")
        .expect("write");
    let path = config.path().to_str().expect("utf-8");
    let (code, _, err) = run(&["status", "--config", path]);
    assert_eq!(code, 3);
    assert!(
        err.contains(path)
            && err.contains("unknown key `pol_interval`, did you mean `poll_interval`?"),
        "{err}"
    );
    let (code, _, err) = run(&["status", "--config", "/nonexistent/config.toml"]);
    assert_eq!(code, 3);
    assert!(
        err.contains("/nonexistent/config.toml: cannot read: no such file")
            && !err.contains("os error"),
        "{err}"
    );
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Examples:"), "{out}");
}

#[test]
fn the_environment_and_config_file_set_the_feed_below_the_flag() {
    let mut config = tempfile::NamedTempFile::new().expect("temp");
    writeln!(config, "feed = \"/nonexistent/from-config.json\"").expect("write");
    let path = config.path().to_str().expect("utf-8");
    let (_, out, _) = run(&["status", "--config", path, "--now", NOW]);
    assert!(out.contains("from-config.json"), "{out}");
    let output = investboard()
        .env("INVESTBOARD_FEED", "/nonexistent/from-env.json")
        .args(["status", "--config", path, "--now", NOW])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&output.stdout).contains("from-env.json"));
    let (code, _, _) = run(&["status", "--config", path, "--feed", FIXTURE, "--now", NOW]);
    assert_eq!(code, 1, "the flag wins over the file");
}

#[test]
fn status_without_any_feed_uses_the_embedded_demo() {
    let (code, out, _) = run(&[
        "status",
        "--format",
        "json",
        "--now",
        "2026-11-29T10:00:00+08:00",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["feed"]["source"], "embedded demo feed");
    assert!(
        json["feed"]["projects"].as_u64().unwrap_or(0) >= 300,
        "{out}"
    );
    assert_eq!(json["quarter"]["quarter"], 4);
    assert!(json["quarter"]["target_signed_projects"].is_u64());
    assert_eq!(code, 1, "the demo has stalled approvals");
    let (_, again, _) = run(&[
        "status",
        "--format",
        "json",
        "--now",
        "2026-11-29T10:00:00+08:00",
    ]);
    assert_eq!(out, again, "a frozen clock gives identical output");
}

#[test]
fn status_reads_standard_input() {
    let body = std::fs::read(FIXTURE).expect("fixture");
    let output = investboard()
        .args(["status", "--feed", "-", "--now", NOW])
        .write_stdin(body)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Q1 signed 3/4"));
}

#[test]
fn check_feed_lists_rejections_and_warnings() {
    let mut file = tempfile::NamedTempFile::new().expect("temp");
    file.write_all(
        br#"{"schema_version":1,"projects":[
          {"id":"OK","name":"fine","amount_cny":1,"stage":"signed","signed_on":"2022-01-05"},
          {"id":"BAD","name":"bad date","amount_cny":1,"stage":"signed","signed_on":"2022-02-30"},
          {"id":"LATE","name":"future","amount_cny":1,"stage":"signed","signed_on":"2022-03-30"}]}"#,
    )
    .expect("write");
    let path = file.path().to_str().expect("utf-8");
    let (code, out, _) = run(&["check-feed", path, "--now", NOW]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("projects: 2 accepted, 1 rejected"), "{out}");
    assert!(
        out.contains("REJECTED projects[1].signed_on: invalid date \"2022-02-30\" (id BAD)"),
        "{out}"
    );
    assert!(
        out.contains("WARNING  project LATE: signed_on 2022-03-30 is in the future"),
        "{out}"
    );
    let (code, _, _) = run(&["check-feed", FIXTURE, "--now", NOW]);
    assert_eq!(code, 0);
    let (code, out, _) = run(&["check-feed", "/nonexistent.json"]);
    assert_eq!(code, 2, "{out}");
}

#[test]
fn status_names_provisional_years_as_ranges_and_next_year_from_november() {
    let status = |now: &str, format: &str| {
        let (code, out, _) = run(&[
            "status", "--feed", FIXTURE, "--now", now, "--format", format,
        ]);
        assert!(matches!(code, 0..=2), "{out}");
        out
    };
    // The fixture's approvals pending since 2022 reach through 2033: 2027-2033 are provisional.
    let later = "2033-03-01T10:00:00+08:00";
    let text = status(later, "text");
    assert!(
        text.contains("\nCalendar: 2027-2033 not in the holiday table; working days are provisional (weekends and statutory holidays, no make-up working days)\n"),
        "{text}"
    );
    assert!(!text.contains("not in the holiday table yet"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&status(later, "json")).expect("JSON");
    assert_eq!(
        json["calendar"],
        serde_json::json!({"uncovered_years": [2027, 2028, 2029, 2030, 2031, 2032, 2033], "next_year_uncovered": null})
    );

    let december = "2026-12-02T10:00:00+08:00";
    let text = status(december, "text");
    assert!(
        text.contains("\nCalendar: 2027 not in the holiday table yet; when the State Council's notice is published, add the year with calendar_file (example in docs/configuration.md)\n"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&status(december, "json")).expect("JSON");
    assert_eq!(
        json["calendar"],
        serde_json::json!({"uncovered_years": [], "next_year_uncovered": 2027})
    );
    let october = status("2026-10-31T10:00:00+08:00", "text");
    assert!(!october.contains("Calendar:"), "{october}");
}

/// A feed of `good` signed projects and `bad` ones with an impossible date, generated at `at`.
fn feed_with_rejections(good: usize, bad: usize, at: &str) -> tempfile::NamedTempFile {
    let project = |i: usize, date: &str| {
        format!(
            r#"{{"id":"P{i}","name":"p","amount_cny":1,"stage":"signed","signed_on":"{date}"}}"#
        )
    };
    let projects: Vec<String> = (0..good + bad)
        .map(|i| project(i, if i < good { "2022-01-05" } else { "2022-02-30" }))
        .collect();
    let body = format!(
        r#"{{"schema_version":1,"generated_at":"{at}","projects":[{}]}}"#,
        projects.join(",")
    );
    let mut file = tempfile::NamedTempFile::new().expect("temp");
    file.write_all(body.as_bytes()).expect("write");
    file
}

#[test]
fn the_share_of_rejected_records_sets_the_level() {
    let at = "2022-02-15T09:50:00+08:00";
    let status = |good, bad, extra: &[&str]| {
        let file = feed_with_rejections(good, bad, at);
        let mut args = vec!["status", "--feed", file.path().to_str().expect("utf-8")];
        args.extend_from_slice(&["--now", NOW]);
        args.extend_from_slice(extra);
        run(&args)
    };
    // 1 of 100 is the limit itself: still OK.
    assert_eq!(status(99, 1, &[]).0, 0);
    let (code, out, _) = status(415, 5, &["--format", "json"]);
    assert_eq!(code, 1, "5 of 420 is above 1%\n{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["reasons"][0], "5 of 420 records rejected (1.19%)");
    assert_eq!(json["feed"]["records"], 420);
    assert_eq!(json["feed"]["rejected_records"], 5);
    // The case that was seen: 380 of 420 rejected read as OK.
    let (code, out, _) = status(40, 380, &[]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.starts_with("INVESTBOARD CRITICAL - 0 stalled approvals;"),
        "{out}"
    );
    // Every record rejected.
    let (code, out, _) = status(0, 3, &["--format", "json"]);
    assert_eq!(code, 2, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["reasons"][0], "3 of 3 records rejected (100%)");
    // The limits are settings.
    let output = investboard()
        .env("INVESTBOARD_MAX_REJECTED_SHARE", "2%")
        .env("INVESTBOARD_CRIT_REJECTED_SHARE", "95%")
        .args(["status", "--now", NOW, "--feed"])
        .arg(feed_with_rejections(40, 380, at).path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let file = feed_with_rejections(415, 5, at);
    let path = file.path().to_str().expect("utf-8");
    let output = investboard()
        .env("INVESTBOARD_MAX_REJECTED_SHARE", "2%")
        .args(["status", "--now", NOW, "--feed", path])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_generated_at_in_the_future_is_a_warning_never_zero_seconds_old() {
    // Local time written with `Z`: eight hours ahead of the room's clock.
    let file = feed_with_rejections(1, 0, "2022-02-15T09:50:00Z");
    let path = file.path().to_str().expect("utf-8");
    let (code, out, _) = run(&["status", "--feed", path, "--now", NOW]);
    assert_eq!(code, 1, "{out}");
    let first = out.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "INVESTBOARD WARNING - 0 stalled approvals; Q1 signed 1, 0 bn; started 0; data stamped 7 h 50 min in the future"
    );
    assert!(!out.contains("0 s old"), "{out}");
    let (code, out, _) = run(&["status", "--format", "json", "--feed", path, "--now", NOW]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(json["data_age_seconds"].is_null(), "{out}");
    assert_eq!(json["feed"]["generated_ahead_seconds"], 7 * 3600 + 50 * 60);
    assert_eq!(
        json["reasons"][0],
        "generated_at 7 h 50 min in the future (clock skew, or local time written as UTC)"
    );
    // Within five minutes is a small difference between clocks: OK.
    let file = feed_with_rejections(1, 0, "2022-02-15T10:05:00+08:00");
    let path = file.path().to_str().expect("utf-8");
    let (code, out, _) = run(&["status", "--feed", path, "--now", NOW]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn check_chooses_what_sets_the_exit_code() {
    let check = |checks: &str| {
        run(&[
            "status", "--feed", FIXTURE, "--now", NOW, "--check", checks, "--format", "json",
        ])
    };
    // The fixture has stalled approvals, fresh data and every metric on pace or on target.
    assert_eq!(check("freshness").0, 0);
    assert_eq!(check("freshness,rejections,targets").0, 0);
    let (code, out, _) = check("stalled");
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["checks"], serde_json::json!(["stalled"]));
    let (_, out, _) = run(&[
        "status", "--feed", FIXTURE, "--now", NOW, "--format", "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        json["checks"],
        serde_json::json!(["freshness", "stalled", "rejections"])
    );
    // The demo is behind pace on signed and started projects at this time.
    let demo = |checks: &str| {
        run(&[
            "status",
            "--now",
            "2026-11-29T10:00:00+08:00",
            "--check",
            checks,
            "--format",
            "json",
        ])
    };
    let (code, out, _) = demo("targets");
    assert_eq!(code, 1, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        json["reasons"],
        serde_json::json!([
            "Q4 signed projects behind pace: 64/105",
            "Q4 started projects behind pace: 69/115"
        ])
    );
    assert_eq!(demo("freshness").0, 0);
    let (code, _, err) = run(&["status", "--check", "weather"]);
    assert_eq!(code, 3, "{err}");
    // An unusable feed is critical whatever is checked.
    let (code, _, _) = run(&[
        "status",
        "--feed",
        "/nonexistent.json",
        "--check",
        "targets",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn the_text_form_is_bounded_and_the_json_complete() {
    let at = "2022-02-15T09:50:00+08:00";
    let file = feed_with_rejections(40, 380, at);
    let path = file.path().to_str().expect("utf-8");
    let (_, out, _) = run(&["status", "--feed", path, "--now", NOW]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1 + 20 + 1, "{out}");
    // Feed, quarter, 3 metrics, year to date, stalled heading: then 13 of 380 rejections.
    assert_eq!(lines[21], "… and 367 more");
    let (_, out, _) = run(&["status", "--feed", path, "--now", NOW, "--max-lines", "2"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[1].starts_with("Feed:"), "{out}");
    assert_eq!(lines[3], "… and 385 more");
    let (_, out, _) = run(&["status", "--feed", FIXTURE, "--now", NOW]);
    assert!(!out.contains("more"), "nine lines fit in twenty\n{out}");
    let (_, out, _) = run(&["status", "--feed", path, "--now", NOW, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["feed"]["rejected_records"], 380);
}

#[test]
fn openmetrics_has_the_figures_the_health_and_the_age() {
    let (code, out, _) = run(&[
        "status",
        "--feed",
        FIXTURE,
        "--now",
        NOW,
        "--format",
        "openmetrics",
    ]);
    assert_eq!(code, 1, "the exit code is the level's, whatever the format");
    assert!(out.ends_with("# EOF\n"), "{out}");
    for sample in [
        "investboard_status 1",
        "investboard_feed_up 1",
        "investboard_data_age_seconds 1800",
        "investboard_projects 7",
        "investboard_rejected_records 0",
        "investboard_stalled_approvals 2",
        "investboard_signed_projects{year=\"2022\",quarter=\"1\"} 3",
        "investboard_target_signed_projects{year=\"2022\",quarter=\"2\"} 5",
        "investboard_signed_amount_yuan{year=\"2022\",quarter=\"1\"} 9000000000",
        "investboard_target_signed_amount_yuan{year=\"2022\",quarter=\"1\"} 10000000000",
        "investboard_started_projects{year=\"2022\",quarter=\"1\"} 2",
        "investboard_quarter_elapsed_ratio{year=\"2022\",quarter=\"1\"} 0.5111",
        "# UNIT investboard_data_age_seconds seconds",
        "# UNIT investboard_signed_amount_yuan yuan",
    ] {
        assert!(out.lines().any(|l| l == sample), "{sample}\n{out}");
    }
    // Every sample's family is declared before it, once.
    let mut declared = Vec::new();
    for line in out.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let name = rest.strip_suffix(" gauge").expect("gauges only");
            assert!(!declared.contains(&name), "{name} declared twice");
            assert!(
                include_str!("../docs/feed-format.md").contains(&format!("`{name}`")),
                "{name} is documented in docs/feed-format.md"
            );
            declared.push(name);
        } else if !line.starts_with('#') {
            let name = line.split(['{', ' ']).next().unwrap_or_default();
            assert_eq!(declared.last(), Some(&name), "{line}");
        }
    }
    let (code, out, _) = run(&[
        "status",
        "--feed",
        "/nonexistent.json",
        "--format",
        "openmetrics",
    ]);
    assert_eq!(code, 2);
    assert!(out.contains("investboard_status 2\n"), "{out}");
    assert!(out.contains("investboard_feed_up 0\n"), "{out}");
    assert!(!out.contains("investboard_projects"), "{out}");
    assert!(out.ends_with("# EOF\n"), "{out}");
}

/// The dashboard fixture with Q4's signed-projects target set to 0 and its amount target null.
fn zero_target_feed() -> tempfile::NamedTempFile {
    let fixture = std::fs::read_to_string("tests/fixtures/dashboard.json").expect("fixture");
    let q4 = r#"{"year": 2026, "quarter": 4, "signed_projects": 5, "signed_amount_cny": 28000000000, "started_projects": null}"#;
    assert!(fixture.contains(q4), "the fixture's Q4 target line");
    let zero = r#"{"year": 2026, "quarter": 4, "signed_projects": 0, "signed_amount_cny": null, "started_projects": null}"#;
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(fixture.replace(q4, zero).as_bytes())
        .expect("write");
    file
}

#[test]
fn a_zero_target_is_a_target_reached_and_a_null_one_is_no_target_in_text_and_json() {
    let feed = zero_target_feed();
    let path = feed.path().to_str().expect("utf-8 path");
    let now = "2026-11-29T10:00:00+08:00";
    let (_, text, _) = run(&["status", "--feed", path, "--now", now, "--lang", "en"]);
    let row = |name: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(name))
            .expect("a row for each metric")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        row("Signed projects"),
        "Signed projects 5 (target 0) ON TARGET"
    );
    assert!(row("Signed amount").ends_with("bn NO TARGET"), "{text}");
    assert!(!text.contains("3/0"), "{text}");
    let (_, zh, _) = run(&["status", "--feed", path, "--now", now, "--lang", "zh"]);
    assert!(zh.contains("5 (目标为 0)"), "{zh}");
    let (_, json, _) = run(&["status", "--feed", path, "--now", now, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    let q = &json["quarter"];
    assert_eq!(q["target_signed_projects"], 0);
    assert_eq!(q["signed_projects_progress"], "on_target");
    assert_eq!(q["target_signed_amount_cny"], serde_json::Value::Null);
    assert_eq!(q["signed_amount_progress"], "no_target");
}

#[test]
fn feed_errors_read_in_chinese_with_lang_zh_and_the_json_stays_english() {
    let missing = "/nonexistent-investboard/feed.json";
    let (code, text, _) = run(&["status", "--feed", missing, "--lang", "zh"]);
    assert_eq!(code, 2);
    assert!(text.contains("文件不存在"), "{text}");
    assert!(!text.contains("no such file"), "{text}");
    let (_, json, _) = run(&[
        "status", "--feed", missing, "--lang", "zh", "--format", "json",
    ]);
    assert!(json.contains("no such file"), "{json}");
    assert!(!json.contains("文件不存在"), "{json}");
    let mut empty = tempfile::NamedTempFile::new().expect("temp file");
    empty.write_all(b"\n").expect("write");
    let path = empty.path().to_str().expect("utf-8 path");
    let (code, report, _) = run(&["check-feed", path, "--lang", "zh"]);
    assert_eq!(code, 2);
    assert!(report.contains("不可用：文件为空"), "{report}");
    let (_, report, _) = run(&["check-feed", path, "--lang", "en"]);
    assert!(report.contains("UNUSABLE: feed file is empty"), "{report}");
}

#[test]
fn status_refuses_redact_with_a_reason_and_a_wall_profile_still_works() {
    let (code, out, err) = run(&["status", "--redact", "--feed", FIXTURE, "--now", NOW]);
    assert_eq!(code, 3, "{out}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("--redact: status is never redacted"), "{err}");
    let (code, _, err) = run(&[
        "status",
        "--profile",
        "wall",
        "--feed",
        FIXTURE,
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1, "{err}");
}
