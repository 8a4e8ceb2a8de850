//! Test support shared by the unit tests of `app` and `ui`: the hand-written fixture feed, a
//! frozen `now` and apps in each state the screens are snapshotted in.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use crate::app::health::AgeLimits;
use crate::app::{Action, App, AppSettings};
use crate::domain::aggregate::AggregateOptions;
use crate::domain::calendar::Calendar;
use crate::domain::model::Snapshot;
use crate::poll::FeedUpdate;

/// The frozen moment every snapshot is taken at: a Sunday in Q4 2026, 32 days left.
pub const NOW: &str = "2026-11-29T10:00:00+08:00";

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("valid RFC 3339 in a test")
}

/// The fixture feed: Chinese and English names, Top-500 investors, stalled approvals, one
/// rejected record.
pub fn fixture() -> Snapshot {
    crate::feed::parse_feed(include_bytes!("../tests/fixtures/dashboard.json"))
        .expect("the fixture parses")
}

/// The fixture as it was one poll earlier: without the newest signing.
pub fn previous_fixture() -> Snapshot {
    let mut snapshot = fixture();
    snapshot
        .projects
        .retain(|p| p.id.as_str() != "CS-2026-0102");
    snapshot
}

/// The fixture as an earlier poll saw it, one change of each kind away: CS-2026-0102 not yet
/// signed (absent), YL-2026-0011 still `signed` (now landed), YH-2026-0007's approval A1 with a
/// 200-day limit (now the default 9: stalled), LY-2026-0009's A1 still pending (now
/// withdrawn), YH-2026-0031 not yet cancelled, and XX-2026-0099 since removed.
pub fn earlier_fixture() -> Snapshot {
    use crate::domain::model::{ApprovalStatus, Stage};
    let mut snapshot = previous_fixture();
    let mut removed = None;
    for project in &mut snapshot.projects {
        match project.id.as_str() {
            "YL-2026-0011" => project.stage = Stage::Signed,
            "YH-2026-0007" => project.approvals[0].limit_working_days = Some(200),
            "LY-2026-0009" => project.approvals[0].status = ApprovalStatus::Pending,
            "YH-2026-0031" => {
                project.stage = Stage::Signed;
                let mut gone = project.clone();
                gone.id = crate::sanitize::CompactText::new("XX-2026-0099");
                gone.name = crate::sanitize::CompactText::new("Retired pilot line project");
                removed = Some(gone);
            }
            _ => {}
        }
    }
    snapshot.projects.extend(removed);
    snapshot
}

/// Loaded from [`earlier_fixture`], then the fixture: a change log with one entry of each kind.
pub fn app_with_changes(wall: bool) -> (App, Instant) {
    let (mut app, start) = empty_app(wall);
    app.update(loaded(earlier_fixture(), "2026-11-29T09:58:00+08:00"));
    app.update(loaded(fixture(), "2026-11-29T09:59:50+08:00"));
    (app, start)
}

pub fn settings(wall: bool) -> AppSettings {
    AppSettings {
        zone: FixedOffset::east_opt(8 * 3600).expect("valid offset"),
        ages: AgeLimits {
            warn: Duration::from_secs(30 * 60),
            crit: Duration::from_secs(2 * 3600),
        },
        // Above the fixture's one rejected record of 18 (5.56%), which the snapshots show as
        // a plain count; DEGRADED (default: above 1%) has its own tests (`ui::header`).
        rejections: crate::domain::rejections::RejectionLimits {
            warn: crate::domain::rejections::Share::percent(10),
            crit: crate::domain::rejections::Share::percent(50),
        },
        wall,
        rotate_interval: Duration::from_secs(20),
        resume_rotation_after: Duration::from_secs(60),
        wall_idle_reset: Duration::from_secs(60),
        highlight_new_for: Duration::from_secs(300),
        lang: crate::lang::Lang::En,
        appearance: crate::appearance::Appearance::default(),
        redact: false,
        mouse: true,
    }
}

/// A fresh app at [`NOW`] with no data yet, and the instant it was started at.
pub fn empty_app(wall: bool) -> (App, Instant) {
    let start = Instant::now();
    let app = App::new(
        settings(wall),
        Calendar::embedded(),
        AggregateOptions::default(),
        at(NOW),
        start,
    );
    (app, start)
}

pub fn loaded(snapshot: Snapshot, received_at: &str) -> Action {
    Action::Feed(FeedUpdate::Loaded {
        snapshot: Arc::new(snapshot),
        received_at: at(received_at),
    })
}

pub fn failed(error: &str, when: &str, retry_secs: u64) -> Action {
    Action::Feed(FeedUpdate::Failed {
        error: error.to_owned(),
        at: at(when),
        retry_in: Duration::from_secs(retry_secs),
    })
}

/// An app at [`NOW`] loaded with the fixture plus `n` rejected projects (an impossible
/// `signed_on` each), and its `generated_at` moved by `generated_shift`.
pub fn app_with_rejections(n: usize, generated_shift: chrono::Duration, redact: bool) -> App {
    let (mut app, _) = empty_app(false);
    app.settings.redact = redact;
    let mut snapshot = fixture();
    snapshot.generated_at = snapshot.generated_at.map(|t| t + generated_shift);
    snapshot.rejected = (0..n)
        .map(|i| crate::domain::model::Rejection {
            record: format!("projects[{i}]"),
            id: Some(crate::sanitize::SafeText::new(&format!("BAD-{i}"))),
            path: format!("projects[{i}].signed_on"),
            reason: "invalid date \"2022-02-30\"".to_owned(),
        })
        .collect();
    app.update(loaded(snapshot, NOW));
    app
}

/// Every cell's symbol, row by row: what a test reads off a drawn buffer.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Loaded with two polls (so the newest signing is highlighted as new), at [`NOW`].
pub fn loaded_app(wall: bool) -> App {
    let (mut app, _) = empty_app(wall);
    app.update(loaded(previous_fixture(), "2026-11-29T09:59:40+08:00"));
    app.update(loaded(fixture(), "2026-11-29T09:59:50+08:00"));
    app
}

/// An app holding the demo feed of `projects` projects at [`NOW`], its lists fully ordered:
/// big enough (30,000 projects: about 10,000 signings) that sorting or filtering takes many
/// slices of list work.
pub fn big_app(projects: usize) -> App {
    let document = crate::demo::DemoFeed::new(crate::demo::DEFAULT_SEED, at(NOW), projects)
        .document_at(at(NOW));
    let snapshot = crate::feed::parse_feed(&document).expect("the demo feed parses");
    let (mut app, _) = empty_app(false);
    app.update(Action::Feed(FeedUpdate::Loaded {
        snapshot: Arc::new(snapshot),
        received_at: at(NOW),
    }));
    app.finish_work();
    app
}
