//! Weeks on the wall, compressed: 10,000 poll cycles of a changing feed through the
//! dashboard's `App`, in virtual time (updates and ticks built directly, no sleeping), with
//! the operator's keys in between (filter typing, sorts, detail, refresh, resize). Every
//! collection that could grow (highlights, list rows, filters, health, the detail overlay,
//! the data itself) is the same size after 10,000 cycles as after 1,000, none passes its
//! bound, and replaced snapshots are freed.

mod support;

use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use investboard::app::{Action, App, MAX_FILTER_CHARS, Overlay};
use investboard::domain::changes::CHANGE_LOG_CAPACITY;
use investboard::domain::model::Snapshot;
use investboard::feed::parse_feed;
use investboard::poll::FeedUpdate;
use investboard::sanitize::MAX_FIELD_CHARS;
use support::dash;

/// Feed versions the publisher cycles through; ids shift so each brings new signings.
const VARIANTS: usize = 8;
const PROJECTS: usize = 30;
/// Everything below repeats every 1,000 cycles, so cycle 1,000 and 10,000 are alike.
const PERIOD: usize = 1_000;

fn variant(v: usize) -> Snapshot {
    let records: Vec<String> = (0..PROJECTS)
        .map(|i| {
            let id = (v * 5 + i) % (PROJECTS * 2);
            format!(
                r#"{{"id":"P{id}","name":"Project {id} 长沙{}","investor":"Investor {}","district":"District {}",
                "chain":"Chain {}","amount_cny":{},"stage":"signed","signed_on":"2026-{:02}-{:02}",
                "approvals":[{{"id":"A","item":"Item","department":"Dept {}","submitted_on":"2026-{:02}-05","status":"pending"}}]}}"#,
                "x".repeat(id),
                id % 7,
                id % 5,
                id % 3,
                100_000_000 * (id + 1),
                10 + id % 2,
                1 + id % 28,
                id % 4,
                9 + id % 3,
            )
        })
        .collect();
    let text = format!(
        r#"{{"schema_version":1,"generated_at":"{}","projects":[{}]}}"#,
        dash::BASE,
        records.join(",")
    );
    parse_feed(text.as_bytes()).expect("a valid variant")
}

/// The sizes of everything in `App` that could grow.
#[derive(Debug, PartialEq, Eq)]
struct Footprint {
    highlights: usize,
    signing_rows: usize,
    stalled_rows: usize,
    signing_filter: usize,
    stalled_filter: usize,
    failure_message: usize,
    overlay: usize,
    projects: usize,
    rejected: usize,
    warnings: usize,
    stalled: usize,
    districts: usize,
    chains: usize,
}

fn footprint(app: &App) -> Footprint {
    let data = app.data().expect("loaded");
    Footprint {
        highlights: app.highlights.ids.len(),
        signing_rows: app.signings.rows.len(),
        stalled_rows: app.stalled.rows.len(),
        signing_filter: app.signings.filter.len(),
        stalled_filter: app.stalled.filter.len(),
        failure_message: app
            .health
            .last_failure
            .as_ref()
            .map_or(0, |f| f.message.len()),
        overlay: match &app.overlay {
            Overlay::Detail { elapsed, .. } => 1 + elapsed.len(),
            Overlay::Help { .. }
            | Overlay::Rejected { .. }
            | Overlay::Trends { .. }
            | Overlay::Changes { .. } => 1,
            Overlay::None => 0,
        },
        projects: data.snapshot.projects.len(),
        rejected: data.snapshot.rejected.len(),
        warnings: data.snapshot.warnings.len(),
        stalled: data.summary.stalled.len(),
        districts: data.summary.by_district.len(),
        chains: data.summary.by_chain.len(),
    }
}

/// One cycle: time moves one second, the poller reports, the operator does something.
fn cycle(app: &mut App, n: usize, start: Instant, variants: &[Arc<Snapshot>]) {
    let since = Duration::from_secs(u64::try_from(n).expect("small"));
    let now = dash::at(dash::BASE) + chrono::Duration::from_std(since).expect("small");
    app.update(Action::Tick {
        now,
        at: start + since,
    });
    let update = match n % 5 {
        0 | 2 => FeedUpdate::Loaded {
            snapshot: Arc::clone(&variants[(n / 5) % VARIANTS]),
            received_at: now,
        },
        1 => FeedUpdate::Unchanged { received_at: now },
        _ => FeedUpdate::Failed {
            // The poller's messages are one sanitized line; a hostile server can make them
            // as long as that allows.
            error: format!("HTTP 503 Service Unavailable {}", "y".repeat(n % 300)),
            at: now,
            retry_in: Duration::from_secs(u64::try_from(n % 40).expect("small")),
        },
    };
    app.update(Action::Feed(update));
    // For 400 cycles of every 1,000, a key is held down in the filter (a stuck key, a cat
    // on the keyboard): the filter must stop growing at its bound.
    let held = (300..700).contains(&(n % PERIOD));
    if held {
        app.update(Action::StartFilter);
        app.update(Action::FilterInput('z'));
        return;
    }
    let action = match n % 25 {
        0 | 18 => Action::StartFilter,
        1..=6 => Action::FilterInput(char::from(b'a' + u8::try_from(n % 26).expect("small"))),
        7 => Action::FilterBackspace,
        8 => Action::ApplyFilter,
        9 => Action::CycleSort,
        10 => Action::NextPanel,
        11 => Action::Down,
        12 => Action::Open,
        13 => Action::Close,
        14 => Action::Refresh,
        15 => Action::Resize {
            width: 80 + u16::try_from(n % 120).expect("small"),
            height: 24 + u16::try_from(n % 40).expect("small"),
        },
        16 | 17 => Action::ToggleHelp,
        _ => Action::FilterInput('z'),
    };
    if let Some(Action::PollNow) = app.update(action) {
        // The event loop would send a poll request; nothing to do in virtual time.
    }
    if n.is_multiple_of(500) {
        let _ = app.take_dirty();
        let _ = dash::screen(app, 120, 40);
    }
}

#[test]
fn ten_thousand_poll_cycles_leave_every_collection_bounded() {
    let variants: Vec<Arc<Snapshot>> = (0..VARIANTS).map(|v| Arc::new(variant(v))).collect();
    let first: Weak<Snapshot> = {
        let throwaway = Arc::new(variant(99));
        let weak = Arc::downgrade(&throwaway);
        let start = Instant::now();
        let mut app = dash::app_at(dash::at(dash::BASE), start);
        app.update(Action::Feed(FeedUpdate::Loaded {
            snapshot: throwaway,
            received_at: dash::at(dash::BASE),
        }));
        for n in 1..=20 {
            cycle(&mut app, n, start, &variants);
        }
        weak
    };
    assert!(
        first.upgrade().is_none(),
        "a dropped app still holds its snapshot"
    );

    let start = Instant::now();
    let mut app = dash::app_at(dash::at(dash::BASE), start);
    let early = Arc::new(variant(42));
    let early_weak = Arc::downgrade(&early);
    app.update(Action::Feed(FeedUpdate::Loaded {
        snapshot: early,
        received_at: dash::at(dash::BASE),
    }));
    let mut early_footprint = None;
    for n in 1..=10_000 {
        cycle(&mut app, n, start, &variants);
        if n == 1_000 {
            early_footprint = Some(footprint(&app));
        }
        if n.is_multiple_of(100) {
            let now = footprint(&app);
            assert!(now.signing_filter <= MAX_FILTER_CHARS, "{now:?}");
            assert!(now.stalled_filter <= MAX_FILTER_CHARS, "{now:?}");
            assert!(now.highlights <= PROJECTS, "{now:?}");
            assert!(now.failure_message <= 4 * MAX_FIELD_CHARS, "{now:?}");
            assert!(
                app.changes.len() <= CHANGE_LOG_CAPACITY,
                "{}",
                app.changes.len()
            );
        }
    }
    // Replaced data is freed: only the variants this test holds remain.
    assert!(
        early_weak.upgrade().is_none(),
        "the first snapshot was never freed"
    );
    for v in &variants {
        assert!(Arc::strong_count(v) <= 2, "a snapshot is held twice");
    }
    let late_footprint = footprint(&app);
    assert_eq!(
        early_footprint,
        Some(late_footprint),
        "a collection grew between 1k and 10k cycles"
    );
    // The run exercised what it claims to: data, highlights, a full filter, a full change log.
    let end = footprint(&app);
    assert_eq!(app.changes.len(), CHANGE_LOG_CAPACITY);
    assert_eq!(end.projects, PROJECTS);
    assert!(app.aggregations() >= 4_000, "{}", app.aggregations());
}
