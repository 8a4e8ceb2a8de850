//! The real dashboard in tmux on `tests/fixtures/hostile.json`, served over plain http from a
//! name that is not loopback (`0.0.0.0` reaches this machine): the window title does not
//! change, no payload or forged row reaches the screen, the layout holds (the header stays on
//! the first row), and the header warns about plain http.

mod support;

use support::tmux::{self, Session};
use support::{Reply, TestServer};

const NOW: &str = "2026-11-29T10:00:00+08:00";
const TITLE: &str = "investboard-test-title";
const PAYLOADS: [&str; 8] = [
    "pwned",
    "evil.example",
    "]0;",
    "]8;",
    "]52;",
    "apc-payload",
    "[31m",
    "#0;2;0",
];

fn assert_clean_screen(what: &str, screen: &str) {
    for payload in PAYLOADS {
        assert!(
            !screen.contains(payload),
            "{what}: {payload:?} on screen:\n{screen}"
        );
    }
    assert!(
        screen.starts_with(" INVESTBOARD"),
        "{what}: the header left the first row:\n{screen}"
    );
    support::dash::assert_no_forged_rows(what, screen);
}

#[test]
fn a_hostile_feed_cannot_retitle_or_redraw_the_terminal() {
    if !tmux::available() {
        return;
    }
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let body = std::fs::read("tests/fixtures/hostile.json").expect("fixture");
    let server = runtime.block_on(TestServer::always(Reply::ok(body)));
    let url = format!("http://0.0.0.0:{}/feed.json", server.addr().port());
    let binary = std::env::var("INVESTBOARD_TMUX_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_investboard").to_owned());

    let session = Session::start("hostile", 120, 40, Some("sh"));
    tmux::tmux(&["select-pane", "-t", &session.name, "-T", TITLE]);
    assert_eq!(session.display("pane_title"), TITLE);
    session.keys(&[&format!("{binary} --feed {url} --now {NOW}"), "Enter"]);

    let screen = session.wait_for("the signings", |s| {
        // 3 of 7 records rejected is above max_rejected_share: the header says DEGRADED.
        s.contains("Plain neighbou") && s.contains("DEGRADED  3 of 7 records rejected")
    });
    assert_clean_screen("signings", &screen);
    assert!(screen.contains("长沙储能电池 A"), "{screen}");
    assert!(screen.contains("feed over plain http"), "{screen}");
    assert_eq!(
        session.display("pane_title"),
        TITLE,
        "the feed retitled the window"
    );

    // The oldest signing is the most hostile record: open its detail.
    session.keys(&["G", "Enter"]);
    let screen = session.wait_for("the detail", |s| s.contains("Milestones"));
    assert!(screen.contains("CLEARED Investor"), "{screen}");
    assert_clean_screen("detail", &screen);
    session.keys(&["Escape", "3", "Enter"]);
    let screen = session.wait_for("a stalled approval's detail", |s| {
        s.contains("Milestones") && s.contains("Department")
    });
    assert_clean_screen("stalled detail", &screen);
    assert_eq!(
        session.display("pane_title"),
        TITLE,
        "the feed retitled the window"
    );
    session.keys(&["q"]);
    session.wait_for("the shell again", |s| !s.contains("INVESTBOARD"));
    assert_eq!(session.display("alternate_on"), "0");
    drop(server);
}
