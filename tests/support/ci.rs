//! What a test does when a tool it drives (tmux, GNU time) is not installed: on a developer's
//! machine it skips with a notice; under CI (`CI` set, as `.ci/run` sets it) it fails, so a
//! broken CI image cannot turn end-to-end tests into silent passes.

/// Whether this process runs under CI: `CI` is set to anything but empty, `0` or `false`.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// True when `tool` was `found`; otherwise fails under CI and prints a skip notice elsewhere.
pub fn tool_found(tool: &str, found: bool) -> bool {
    assert!(
        found || !under_ci(),
        "{tool} is required under CI (.ci/run installs it)"
    );
    if !found {
        println!("{tool} not found: skipping (it is required under CI)");
    }
    found
}
