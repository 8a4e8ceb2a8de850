//! State-machine tests: key -> action -> state, rotation, freshness, aggregation discipline,
//! highlight expiry.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::metric::Metric;
use crate::sanitize::{CompactText, SafeText};
use crate::testing::{NOW, at, empty_app, failed, fixture, loaded, loaded_app};

fn press(app: &mut App, code: KeyCode) -> Option<Action> {
    let action = keys::action_for(app.input, &KeyEvent::new(code, KeyModifiers::NONE))?;
    app.update(action)
}

fn tick(app: &mut App, now: &str, at_instant: Instant) {
    app.update(Action::Tick {
        now: at(now),
        at: at_instant,
    });
}

fn selected_name(app: &App) -> String {
    let data = app.data().expect("loaded");
    let row = match app.focus {
        Panel::Signings => app.signings.selected_row(),
        Panel::Stalled => app
            .stalled
            .selected_row()
            .map(|i| data.summary.stalled[i].project),
        Panel::Targets => None,
    };
    row.map(|i| data.snapshot.projects[i].name.to_string())
        .unwrap_or_default()
}

#[test]
fn keys_move_focus_and_selection() {
    let mut app = loaded_app(false);
    assert_eq!(app.focus, Panel::Signings);
    // The selection stayed on the row chosen before the newest signing arrived.
    assert_eq!(selected_name(&app), "湘江新区人工智能算力中心");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(selected_name(&app), "三一重工智能制造升级项目");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_name(&app), "开福区绿色食品精深加工项目");
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.signings.selected, app.signings.rows.len() - 1);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.signings.selected, 0);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.signings.selected, 0);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Panel::Targets);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Panel::Signings);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.focus, Panel::Stalled);
    assert_eq!(
        selected_name(&app),
        "长沙高新区新一代半导体封装测试基地建设项目（一期）"
    );
}

#[test]
fn enter_opens_detail_and_esc_closes_it() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Enter);
    let data = app.data().expect("loaded");
    let opened = match app.overlay {
        Overlay::Detail {
            project, approval, ..
        } => Some((data.snapshot.projects[project].id.as_str(), approval)),
        _ => None,
    };
    assert_eq!(opened, Some(("GX-2026-0021", Some(0))));
    press(&mut app, KeyCode::Char('j'));
    assert!(matches!(app.overlay, Overlay::Detail { scroll: 1, .. }));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn help_toggles() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Overlay::Help { scroll: 0 });
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Overlay::None);
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn filter_edits_applies_and_clears() {
    let mut app = loaded_app(false);
    let all = app.signings.rows.len();
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.input, InputMode::Filter);
    for c in "岳麓".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.signings.filter, "岳麓");
    assert_eq!(app.signings.rows.len(), 2);
    // While typing, `q` is text, not quit.
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit());
    assert!(app.signings.rows.is_empty());
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.input, InputMode::Normal);
    assert_eq!(app.signings.rows.len(), 2);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.signings.filter, "");
    assert_eq!(app.signings.rows.len(), all);
}

#[test]
fn filter_on_stalled_matches_department() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('/'));
    for c in "住房".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.stalled.filter, "");
    press(&mut app, KeyCode::Char('/'));
    for c in "住房".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.stalled.rows.len(), 3);
}

#[test]
fn sort_cycles_and_keeps_the_selection() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('j'));
    let before = selected_name(&app);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.signings.sort.column, SigningSort::Amount);
    assert_eq!(selected_name(&app), before);
    app.signings.select_first();
    assert_eq!(selected_name(&app), "宁德时代长沙储能电池产业园");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.signings.sort.column, SigningSort::District);
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('s'));
    }
    assert_eq!(app.signings.sort.column, SigningSort::Date);
}

#[test]
fn refresh_asks_the_loop_to_poll_and_quit_quits() {
    let mut app = loaded_app(false);
    assert_eq!(press(&mut app, KeyCode::Char('r')), Some(Action::PollNow));
    assert!(app.health.refresh_requested);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn rotation_holds_on_input_and_resumes_after_quiet() {
    let (mut app, t0) = empty_app(true);
    app.update(loaded(fixture(), NOW));
    assert_eq!(app.wall_view(), Some(WallView::Overview));
    tick(&mut app, NOW, t0 + Duration::from_secs(20));
    assert_eq!(app.wall_view(), Some(WallView::Signings));
    assert_eq!(app.focus, Panel::Signings);
    // A key holds the view.
    tick(&mut app, NOW, t0 + Duration::from_secs(25));
    press(&mut app, KeyCode::Char('j'));
    assert!(app.rotation.as_ref().is_some_and(Rotation::is_held));
    tick(&mut app, NOW, t0 + Duration::from_secs(80));
    assert_eq!(app.wall_view(), Some(WallView::Signings));
    // 60 s without input: resumes, then rotates on.
    tick(&mut app, NOW, t0 + Duration::from_secs(85));
    assert!(!app.rotation.as_ref().is_some_and(Rotation::is_held));
    tick(&mut app, NOW, t0 + Duration::from_secs(105));
    assert_eq!(app.wall_view(), Some(WallView::Targets));
}

#[test]
fn p_toggles_the_hold_and_tab_picks_the_view() {
    let (mut app, t0) = empty_app(true);
    tick(&mut app, NOW, t0 + Duration::from_secs(1));
    press(&mut app, KeyCode::Char('p'));
    assert!(app.rotation.as_ref().is_some_and(Rotation::is_held));
    press(&mut app, KeyCode::Char('p'));
    assert!(!app.rotation.as_ref().is_some_and(Rotation::is_held));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.wall_view(), Some(WallView::Signings));
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.wall_view(), Some(WallView::Stalled));
    assert_eq!(app.focus, Panel::Stalled);
}

#[test]
fn freshness_transitions_with_time_and_failures() {
    let (mut app, t0) = empty_app(false);
    assert_eq!(app.freshness(), Freshness::Loading);
    app.update(failed("connection refused", NOW, 20));
    assert_eq!(app.freshness(), Freshness::Offline);
    app.update(loaded(fixture(), NOW));
    assert_eq!(app.freshness(), Freshness::Fresh);
    assert_eq!(app.data_age(), Some(Duration::from_secs(12)));
    tick(&mut app, "2026-11-29T10:40:00+08:00", t0);
    assert_eq!(app.freshness(), Freshness::Ageing);
    app.update(failed("timeout after 20s", "2026-11-29T10:40:00+08:00", 20));
    assert_eq!(
        app.freshness(),
        Freshness::Stale,
        "failing feed: last good data"
    );
    assert_eq!(app.retry_in(), Some(Duration::from_secs(20)));
    tick(&mut app, "2026-11-29T10:40:15+08:00", t0);
    assert_eq!(app.retry_in(), Some(Duration::from_secs(5)));
    tick(&mut app, "2026-11-29T12:00:01+08:00", t0);
    assert_eq!(app.freshness(), Freshness::Offline);
    app.update(Action::Feed(FeedUpdate::Unchanged {
        received_at: at("2026-11-29T12:00:01+08:00"),
    }));
    // The feed answers again but its data is old: stale, not offline.
    assert_eq!(app.freshness(), Freshness::Stale);
    assert_eq!(app.health.consecutive_failures, 0);
}

#[test]
fn aggregates_only_on_new_data_or_a_new_date() {
    let (mut app, t0) = empty_app(false);
    assert_eq!(app.aggregations(), 0);
    app.update(loaded(fixture(), NOW));
    assert_eq!(app.aggregations(), 1);
    for second in 1..=30 {
        tick(
            &mut app,
            &format!("2026-11-29T10:00:{second:02}+08:00"),
            t0 + Duration::from_secs(second),
        );
        press(&mut app, KeyCode::Char('j'));
    }
    app.update(Action::Feed(FeedUpdate::Unchanged {
        received_at: at(NOW),
    }));
    assert_eq!(app.aggregations(), 1);
    // Midnight in the configured zone (+08:00) -- not in UTC.
    tick(&mut app, "2026-11-29T23:59:59+08:00", t0);
    assert_eq!(app.aggregations(), 1);
    tick(&mut app, "2026-11-29T16:00:00Z", t0);
    assert_eq!(app.aggregations(), 2);
    assert_eq!(app.today().to_string(), "2026-11-30");
    app.update(loaded(fixture(), "2026-11-30T00:00:05+08:00"));
    assert_eq!(app.aggregations(), 3);
}

#[test]
fn new_signings_are_highlighted_until_expiry() {
    let (mut app, t0) = empty_app(false);
    app.update(loaded(crate::testing::previous_fixture(), NOW));
    assert!(
        app.highlights.ids.is_empty(),
        "the first load marks nothing new"
    );
    app.update(loaded(fixture(), NOW));
    let ids: Vec<&str> = app.highlights.ids.iter().map(CompactText::as_str).collect();
    assert_eq!(ids, ["CS-2026-0102"]);
    assert!(app.take_dirty());
    tick(&mut app, NOW, t0 + Duration::from_secs(299));
    assert!(app.is_highlighted(&CompactText::new("CS-2026-0102")));
    tick(&mut app, NOW, t0 + Duration::from_secs(300));
    assert!(app.highlights.ids.is_empty());
    assert!(app.take_dirty(), "expiry must redraw");
}

#[test]
fn periods_past_what_the_clocks_count_never_overflow() {
    let settings = AppSettings {
        highlight_new_for: Duration::MAX,
        ..crate::testing::settings(false)
    };
    let t0 = Instant::now();
    let mut app = App::new(
        settings,
        Calendar::embedded(),
        AggregateOptions::default(),
        at(NOW),
        t0,
    );
    app.update(loaded(crate::testing::previous_fixture(), NOW));
    app.update(loaded(fixture(), NOW));
    tick(&mut app, NOW, t0 + Duration::from_secs(86_400));
    assert!(
        app.is_highlighted(&CompactText::new("CS-2026-0102")),
        "highlighted for good"
    );
    // A retry wait past chrono's range: no "retry in", and no panic.
    app.update(failed("HTTP 503", NOW, 10_000_000_000_000));
    assert_eq!(app.retry_in(), None);
}

#[test]
fn ticks_mark_dirty_only_when_the_shown_second_changes() {
    let (mut app, t0) = empty_app(false);
    app.take_dirty();
    tick(&mut app, NOW, t0 + Duration::from_millis(400));
    assert!(!app.take_dirty(), "a frozen clock needs no redraw");
    tick(
        &mut app,
        "2026-11-29T10:00:01+08:00",
        t0 + Duration::from_secs(1),
    );
    assert!(app.take_dirty());
}

#[test]
fn detail_follows_its_project_into_a_new_snapshot() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Enter);
    let id = |app: &App| match app.overlay {
        Overlay::Detail { project, .. } => app
            .data()
            .map(|d| d.snapshot.projects[project].id.to_string()),
        _ => None,
    };
    let before = id(&app);
    // G selects the oldest signing (20 January).
    assert_eq!(before.as_deref(), Some("WC-2026-0001"));
    let mut reordered = fixture();
    reordered.projects.reverse();
    app.update(loaded(reordered, NOW));
    assert_eq!(id(&app), before);
    let mut gone = fixture();
    gone.projects.retain(|p| Some(p.id.to_string()) != before);
    app.update(loaded(gone, NOW));
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn each_new_snapshot_adds_what_it_changed_to_the_log_newest_first() {
    let (mut app, _) = crate::testing::app_with_changes(false);
    let kinds: Vec<String> = app
        .changes
        .entries()
        .map(|c| {
            let kind = format!("{:?}", c.kind);
            let kind = kind.split([' ', '{']).next().unwrap_or_default().to_owned();
            format!("{} {kind}", c.project_id)
        })
        .collect();
    // One of each kind, as `testing::earlier_fixture` lists them, in the order the room reads
    // them: signings, stage advances, newly stalled, decided, cancelled, removed.
    assert_eq!(
        kinds,
        [
            "CS-2026-0102 NewSigning",
            "YL-2026-0011 StageAdvanced",
            "YH-2026-0007 NewlyStalled",
            "LY-2026-0009 ApprovalDecided",
            "YH-2026-0031 Cancelled",
            "XX-2026-0099 Removed",
        ]
    );
    assert!(
        app.changes
            .entries()
            .all(|c| c.seen_at == at("2026-11-29T09:59:50+08:00"))
    );
    // The same document again changes nothing; the log keeps what it had.
    app.update(loaded(fixture(), "2026-11-29T10:00:00+08:00"));
    assert_eq!(app.changes.len(), 6);
    // The first snapshot is the baseline: nothing "changed" before it.
    let (mut first, _) = empty_app(false);
    first.update(loaded(fixture(), NOW));
    assert!(first.changes.is_empty());
}

#[test]
fn a_new_signing_leads_the_rows_of_its_day_while_it_is_marked_new() {
    let (mut app, start) = empty_app(false);
    app.update(loaded(fixture(), "2026-11-29T09:59:00+08:00"));
    // A small signing on 25 November, the day of KF-2026-0003 (0.8 亿): by amount it would
    // come second among that day's rows.
    let mut next = fixture();
    let mut small = next.projects[0].clone();
    small.id = CompactText::new("NEW-1");
    small.name = CompactText::new("Small new signing");
    small.amount = crate::domain::amount::Amount::from_yuan(10_000_000);
    small.signed_on = chrono::NaiveDate::from_ymd_opt(2026, 11, 25);
    small.stage = crate::domain::model::Stage::Signed;
    next.projects.push(small);
    app.update(loaded(next, "2026-11-29T09:59:50+08:00"));
    let order = |app: &App| -> Vec<String> {
        let data = app.data().expect("loaded");
        app.signings
            .rows
            .iter()
            .map(|&i| data.snapshot.projects[i].id.to_string())
            .filter(|id| id == "NEW-1" || id == "KF-2026-0003")
            .collect()
    };
    assert_eq!(order(&app), ["NEW-1", "KF-2026-0003"]);
    // Once no longer marked new, it takes its place by amount again.
    tick(&mut app, NOW, start + Duration::from_secs(301));
    assert!(app.highlights.ids.is_empty());
    assert_eq!(order(&app), ["KF-2026-0003", "NEW-1"]);
}

#[test]
fn t_and_c_open_the_trends_and_the_changes_and_tab_turns_the_trends_page() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(
        app.overlay,
        Overlay::Trends {
            page: TrendsPage::Progress
        }
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.overlay,
        Overlay::Trends {
            page: TrendsPage::Pipeline
        }
    );
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.overlay, Overlay::None);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.overlay, Overlay::Changes { scroll: 0 });
    press(&mut app, KeyCode::Down);
    assert_eq!(app.overlay, Overlay::Changes { scroll: 1 });
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    // The series are computed with the summary, for the same day.
    let data = app.data().expect("loaded");
    let current = data.trends.current().expect("today's quarter");
    assert_eq!(
        current[0].reached(),
        data.summary.quarter.actual.get(Metric::SignedProjects)
    );
}

/// A passer-by opens help, filters the signings, moves the selection and pauses: after
/// `wall_idle_reset` without input the wall is back as it was, rotating.
#[test]
fn the_wall_forgets_what_a_passer_by_left_after_the_idle_reset() {
    let (mut app, t0) = empty_app(true);
    app.settings.wall_idle_reset = Duration::from_secs(90);
    app.update(loaded(fixture(), NOW));
    assert!(!app.shows_selection(), "an untouched wall marks no row");
    assert_eq!(app.next_view_in(), Some(Duration::from_secs(20)));
    tick(&mut app, NOW, t0 + Duration::from_secs(5));
    assert_eq!(app.next_view_in(), Some(Duration::from_secs(15)));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('/'));
    for c in "岳麓".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('?'));
    assert!(app.shows_selection());
    assert_eq!(app.next_view_in(), None, "held: no countdown");
    assert_eq!(app.overlay, Overlay::Help { scroll: 0 });
    assert_eq!(app.signings.filter, "岳麓");
    // The hold's own 60 s pass, but help is open: the rotation stays where help was opened.
    tick(&mut app, NOW, t0 + Duration::from_secs(70));
    assert_eq!(app.overlay, Overlay::Help { scroll: 0 });
    assert_eq!(app.wall_view(), Some(WallView::Signings));
    // 90 s after the last key: everything is closed and the rotation runs again.
    tick(&mut app, NOW, t0 + Duration::from_secs(94));
    assert_eq!(app.overlay, Overlay::Help { scroll: 0 });
    tick(&mut app, NOW, t0 + Duration::from_secs(95));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.input, InputMode::Normal);
    assert_eq!(app.signings.filter, "");
    assert_eq!(app.signings.selected, 0);
    assert!(!app.shows_selection());
    assert!(!app.rotation.as_ref().is_some_and(Rotation::is_held));
    assert_eq!(app.next_view_in(), Some(Duration::from_secs(20)));
    tick(&mut app, NOW, t0 + Duration::from_secs(115));
    assert_eq!(app.wall_view(), Some(WallView::Targets));
}

/// A filter being typed also keeps the wall where it is, and is cleared by the idle reset;
/// operators' screens never reset.
#[test]
fn a_filter_being_typed_holds_until_the_idle_reset_and_operators_never_reset() {
    let (mut app, t0) = empty_app(true);
    app.update(loaded(fixture(), NOW));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(app.input, InputMode::Filter);
    tick(&mut app, NOW, t0 + Duration::from_secs(59));
    assert_eq!(app.input, InputMode::Filter);
    tick(&mut app, NOW, t0 + Duration::from_secs(60));
    assert_eq!(app.input, InputMode::Normal);
    assert_eq!(app.signings.filter, "");

    let mut operator = loaded_app(false);
    press(&mut operator, KeyCode::Char('?'));
    tick(&mut operator, NOW, t0 + Duration::from_secs(86_400));
    assert_eq!(operator.overlay, Overlay::Help { scroll: 0 });
    assert!(operator.shows_selection());
}
/// Sorting by column and direction, filter editing, drill-down and back, copy and export.
mod navigation;

/// The screen at 120x30 as text.
fn drawn(app: &App) -> String {
    let area = ratatui::layout::Rect::new(0, 0, 120, 30);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    crate::ui::draw(app, area, &mut buf);
    crate::testing::buffer_text(&buf)
}

/// The signings a full scan keeps for `filter`: what typing it must end with.
fn scanned_signings(app: &App, filter: &str) -> Vec<usize> {
    let data = app.data().expect("loaded");
    let filter = filter.to_lowercase();
    let mut order = data.summary.signings.clone();
    // The default sort: newest first, new signings first within a day (none are new here).
    order.sort_by_key(|&i| std::cmp::Reverse(data.snapshot.projects[i].signed_on));
    order
        .into_iter()
        .filter(|&i| {
            let p = &data.snapshot.projects[i];
            [
                p.district.as_ref().map(SafeText::as_str),
                p.chain.as_ref().map(SafeText::as_str),
                Some(p.name.as_str()),
                p.investor.as_ref().map(SafeText::as_str),
            ]
            .into_iter()
            .flatten()
            .any(|text| text.to_lowercase().contains(&filter))
        })
        .collect()
}

#[test]
fn keys_are_answered_while_a_long_filter_is_searching_and_its_end_is_the_full_scans_rows() {
    let mut app = crate::testing::big_app(30_000);
    let all = app.signings.rows.clone();
    assert!(all.len() > 2 * lists::SLICE_ROWS, "{} signings", all.len());
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('x'));
    // The first letter searches every row: the key is answered with the work under way,
    // the rows of before still shown and marked.
    assert_eq!(app.signings.working(), Some(lists::Working::Filtering));
    assert_eq!(app.signings.rows, all);
    let screen = drawn(&app);
    assert!(screen.contains("filtering…"), "{screen}");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.signings.selected, 1,
        "a key during the search moves at once"
    );
    // A second letter before the first is done replaces its search: the first one's rows
    // never show.
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('i'));
    app.finish_work();
    assert_eq!(app.signings.rows, scanned_signings(&app, "xi"));
    assert!(!app.signings.rows.is_empty());
    assert_eq!(app.signings.selected, 0);
    assert!(!drawn(&app).contains("filtering…"));
    // "x" was never finished, so deleting back to it searches; once it is kept, deleting
    // back to it, Esc and clearing return to kept results at once.
    press(&mut app, KeyCode::Backspace);
    app.finish_work();
    assert_eq!(app.signings.rows, scanned_signings(&app, "x"));
    press(&mut app, KeyCode::Char('i'));
    app.finish_work();
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.signings.working(), None);
    assert_eq!(app.signings.rows, scanned_signings(&app, "x"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        (app.signings.filter.as_str(), app.signings.working()),
        ("x", None)
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        (app.signings.filter.as_str(), app.signings.working()),
        ("", None)
    );
    assert_eq!(app.signings.rows, all);
}

#[test]
fn a_sort_of_a_long_list_runs_in_slices_keeping_the_selected_project() {
    let mut app = crate::testing::big_app(30_000);
    app.signings.select(123);
    let selected = app.signings.selected_row();
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.signings.working(), Some(lists::Working::Sorting));
    let mut slices = 0;
    while app.has_work() {
        app.update(Action::Advance);
        slices += 1;
    }
    assert!(slices > 10, "{slices} slices");
    let data = app.data().expect("loaded");
    let amounts: Vec<_> = app
        .signings
        .rows
        .iter()
        .map(|&i| data.snapshot.projects[i].amount)
        .collect();
    assert!(amounts.is_sorted_by(|a, b| a >= b), "largest first");
    assert_eq!(app.signings.selected_row(), selected);
}

#[test]
fn a_new_day_is_aggregated_by_the_poller_when_it_prepares_the_data() {
    let (app, start) = empty_app(false);
    let mut app = app.with_data_prepared_by_the_poller();
    let by_poller = app.preparer();
    let prepared = by_poller.arrived(None, Arc::new(fixture()), at(NOW), by_poller.today(at(NOW)));
    let today = prepared.loaded.summary.stalled.clone();
    app.update(Action::Feed(FeedUpdate::Prepared(Box::new(
        prepared.clone(),
    ))));
    assert_eq!(app.aggregations(), 1);
    assert_eq!(app.data().expect("installed").summary.stalled, today);
    // Midnight on the app's clock: nothing is aggregated on the input path...
    tick(&mut app, "2026-11-30T00:00:01+08:00", start);
    assert_eq!(app.aggregations(), 1);
    // ... the poller's re-aggregation is installed when it comes.
    let tomorrow = by_poller.new_day(
        &prepared.loaded,
        by_poller.today(at("2026-11-30T00:00:01+08:00")),
    );
    app.update(Action::Feed(FeedUpdate::Prepared(Box::new(tomorrow))));
    assert_eq!(app.aggregations(), 2);
    let stalled = &app.data().expect("installed").summary.stalled;
    assert!(
        stalled
            .iter()
            .zip(&today)
            .all(|(later, before)| later.working_days_elapsed >= before.working_days_elapsed),
        "working days only grow"
    );
    assert!(
        app.take_retired().is_some(),
        "the replaced data goes to the event loop to free"
    );
}

#[test]
fn new_data_never_shows_rows_of_the_old_data_while_its_lists_are_ordered() {
    let mut app = crate::testing::big_app(30_000);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('s'));
    app.finish_work();
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('s'));
    app.finish_work();
    // A smaller feed replaces the big one: every row shown indexes the new data, drawn or not.
    let smaller = crate::testing::big_app(20_000)
        .data()
        .map(|d| Arc::clone(&d.snapshot))
        .expect("loaded");
    app.update(Action::Feed(FeedUpdate::Loaded {
        snapshot: Arc::clone(&smaller),
        received_at: at(NOW),
    }));
    assert!(app.has_work());
    let data = app.data().expect("loaded");
    assert_eq!(
        app.signings.rows, data.summary.signings,
        "the aggregation's order meanwhile"
    );
    assert!(
        app.stalled
            .rows
            .iter()
            .all(|&i| i < data.summary.stalled.len())
    );
    drawn(&app);
    app.finish_work();
    let data = app.data().expect("loaded");
    assert!(
        app.signings
            .rows
            .iter()
            .all(|&i| i < smaller.projects.len())
    );
    assert_eq!(app.signings.rows.len(), data.summary.signings.len());
    // Narrowed, the list shows nothing until the new rows are final.
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    app.finish_work();
    app.update(crate::testing::loaded(fixture(), NOW));
    assert!(app.signings.rows.len() <= fixture().projects.len());
    drawn(&app);
}
