//! Every file in `tests/broken_configs/` is a config that must be refused. Its first line says
//! what the error must contain (`# expect: ...`); the binary must exit 3 (monitoring
//! "unknown") before doing anything else, naming the file and the offending key or value.
//! Every file is checked and every failure reported: one broken case does not hide the rest.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// What is wrong with how the binary refused `path`, if anything.
fn check(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("unreadable: {e}"))?;
    let expected = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# expect: "))
        .ok_or("first line must be `# expect: ...`")?;
    let output = Command::cargo_bin("investboard")
        .map_err(|e| format!("binary not built: {e}"))?
        .env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
        .env("HOME", "/nonexistent-investboard-test")
        .env_remove("INVESTBOARD_FEED")
        .args([
            "status",
            "--feed",
            "tests/fixtures/hand_count.json",
            "--config",
        ])
        .arg(path)
        .output()
        .map_err(|e| format!("did not run: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut problems = Vec::new();
    if output.status.code() != Some(3) {
        problems.push(format!("exit code {:?}, not 3", output.status.code()));
    }
    if !output.stdout.is_empty() {
        problems.push("printed a report".to_owned());
    }
    if !stderr.contains(expected) {
        problems.push(format!("expected {expected:?}"));
    }
    if !stderr.contains(&path.display().to_string()) {
        problems.push("the error must name the file".to_owned());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}; stderr: {stderr}", problems.join("; ")))
    }
}

#[test]
fn every_broken_config_is_refused_with_its_expected_error() {
    let dir = Path::new("tests/broken_configs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the directory exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "{files:?}");
    let failures: Vec<String> = files
        .iter()
        .filter_map(|path| {
            check(path)
                .err()
                .map(|why| format!("{}: {why}", path.display()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} broken configs were not refused as expected:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
