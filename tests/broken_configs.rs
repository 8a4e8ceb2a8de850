//! Every file in `tests/broken_configs/` is a config that must be refused. Its first line says
//! what the error must contain (`# expect: ...`); the binary must exit 3 (monitoring
//! "unknown") before doing anything else, naming the file and the offending key or value.

use std::path::Path;

use assert_cmd::Command;

#[test]
fn every_broken_config_is_refused_with_its_expected_error() {
    let dir = Path::new("tests/broken_configs");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the directory exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let expected = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("# expect: "));
        assert!(
            expected.is_some(),
            "{}: first line must be `# expect: ...`",
            path.display()
        );
        let expected = expected.unwrap_or_default();
        let output = Command::cargo_bin("investboard")
            .expect("binary built")
            .env("XDG_CONFIG_HOME", "/nonexistent-investboard-test")
            .env("HOME", "/nonexistent-investboard-test")
            .env_remove("INVESTBOARD_FEED")
            .args([
                "status",
                "--feed",
                "tests/fixtures/hand_count.json",
                "--config",
            ])
            .arg(&path)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(3),
            "{}: exit code; stderr: {stderr}",
            path.display()
        );
        assert!(
            output.stdout.is_empty(),
            "{}: printed a report",
            path.display()
        );
        assert!(
            stderr.contains(expected),
            "{}: expected {expected:?} in: {stderr}",
            path.display()
        );
        assert!(
            stderr.contains(&path.display().to_string()),
            "{}: the error must name the file: {stderr}",
            path.display()
        );
    }
}
