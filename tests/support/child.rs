//! Tests that need a process of their own (they read its stdin, or set proxy variables in its
//! environment): the parent test runs one `#[ignore]`d child test of the same test binary and
//! checks libtest's report that exactly that test ran and passed; the child test fails unless
//! that parent started it. A renamed child, a filter matching nothing, or
//! `cargo test -- --include-ignored` can therefore never pass without the check being made.

/// Names the child test the parent started (its value must equal the running test's name).
const CHILD: &str = "INVESTBOARD_TEST_CHILD";

/// Runs the ignored test `name` of this test binary alone in a child process that
/// `configure` prepares (stdin, environment), and fails unless exactly that test ran and
/// passed.
pub fn run(name: &str, configure: impl FnOnce(&mut assert_cmd::Command)) {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = assert_cmd::Command::new(exe);
    child
        .args([name, "--exact", "--ignored", "--test-threads=1"])
        .args(["--format=pretty", "--color=never"])
        .env(CHILD, name);
    configure(&mut child);
    let output = child.output().expect("the child test binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report = format!("{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "child {name} failed:\n{report}");
    let ran = format!("test {name} ... ok");
    assert!(
        stdout.lines().any(|line| line == ran),
        "child {name} did not run:\n{report}"
    );
    assert!(
        stdout.contains("test result: ok. 1 passed; 0 failed;"),
        "not exactly one test ran and passed:\n{report}"
    );
}

/// First line of the child test `name`: fails unless [`run`] started this process for it.
pub fn assert_started_by_parent(name: &str) {
    assert_eq!(
        std::env::var(CHILD).ok().as_deref(),
        Some(name),
        "{name} runs only in the child process its parent test starts"
    );
}
