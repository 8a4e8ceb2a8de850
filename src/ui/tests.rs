//! Snapshot tests of every panel and of whole screens in each state, at fixed sizes, from the
//! fixture feed at a frozen `now`; colour assertions where colour carries meaning; and a
//! property test that no feed at no size makes drawing panic.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::widgets::Widget;

use crate::app::keys::action_for;
use crate::app::wall::WallView;
use crate::app::{Action, App};
use crate::testing::{NOW, at, empty_app, failed, loaded_app};
use crate::ui;

/// The buffer as text, one quoted row per line (quotes keep trailing spaces visible); cells
/// covered by a wide character are skipped, as a terminal shows them.
fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        out.push('"');
        let mut skip = 0usize;
        for x in buf.area.left()..buf.area.right() {
            let cell = &buf[(x, y)];
            if skip == 0 {
                out.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
            }
            skip -= 1;
        }
        out.push_str("\"\n");
    }
    out
}

fn screen(app: &App, width: u16, height: u16) -> String {
    text(&buffer(app, width, height))
}

fn widget(widget: impl Widget, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| frame.render_widget(widget, frame.area()))
        .expect("draw into a test backend");
    text(terminal.backend().buffer())
}

fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| ui::render(app, frame))
        .expect("draw into a test backend");
    terminal.backend().buffer().clone()
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for code in codes {
        if let Some(action) = action_for(app.input, &KeyEvent::new(*code, KeyModifiers::NONE)) {
            app.update(action);
        }
    }
}

fn type_text(app: &mut App, text: &str) {
    let codes: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    keys(app, &codes);
}

fn loading() -> App {
    empty_app(false).0
}

fn loaded() -> App {
    loaded_app(false)
}

/// Data from 09:59:48, polled fine at 12:20, the poll at 12:29:50 failed: STALE with an error.
fn stale() -> App {
    let (mut app, start) = empty_app(false);
    app.update(crate::testing::loaded(crate::testing::fixture(), NOW));
    app.update(Action::Feed(crate::poll::FeedUpdate::Unchanged {
        received_at: at("2026-11-29T12:20:00+08:00"),
    }));
    app.update(failed(
        "HTTP 503 Service Unavailable",
        "2026-11-29T12:29:50+08:00",
        20,
    ));
    app.update(Action::Tick {
        now: at("2026-11-29T12:30:00+08:00"),
        at: start + Duration::from_secs(9000),
    });
    app
}

/// Never loaded: the feed has failed twice.
fn feed_error() -> App {
    let (mut app, _) = empty_app(false);
    app.update(failed(
        "connection refused (127.0.0.1:8080)",
        "2026-11-29T09:59:30+08:00",
        10,
    ));
    app.update(failed(
        "connection refused (127.0.0.1:8080)",
        "2026-11-29T09:59:50+08:00",
        20,
    ));
    app
}

fn detail_open() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('3'), KeyCode::Enter]);
    app
}

fn help_open() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('?')]);
    app
}

fn filtered() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "岳麓");
    keys(&mut app, &[KeyCode::Enter]);
    app
}

/// Signings by district, reversed (Z to A): the arrow in the District header.
fn sorted() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('s'), KeyCode::Char('s')]);
    app.update(Action::ReverseSort);
    app
}

/// The targets panel focused on its second chain row: the breakdowns' selection.
fn targets_selected() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('2')]);
    let lengths = app.breakdown_lengths();
    for _ in 0..=lengths[0] {
        keys(&mut app, &[KeyCode::Char('j')]);
    }
    app
}

/// The district breakdown with every row (`+`), the selection on its last row.
fn expanded() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('2'), KeyCode::Char('+')]);
    let lengths = app.breakdown_lengths();
    for _ in 1..lengths[0] {
        keys(&mut app, &[KeyCode::Char('j')]);
    }
    app
}

/// Enter on the worst department: its stalled approvals.
fn department_drill_down() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('2')]);
    let lengths = app.breakdown_lengths();
    for _ in 0..lengths[0] + lengths[1] {
        keys(&mut app, &[KeyCode::Char('j')]);
    }
    keys(&mut app, &[KeyCode::Enter]);
    app
}

/// Enter on the third district (岳麓区): its signings.
fn district_drill_down() -> App {
    let mut app = loaded();
    keys(
        &mut app,
        &[
            KeyCode::Char('2'),
            KeyCode::Char('j'),
            KeyCode::Char('j'),
            KeyCode::Enter,
        ],
    );
    app
}

/// `y` on the selected signing: the footer says what was copied and how.
fn copied() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('y')]);
    app
}

/// An export written: the footer shows its path.
fn exported() -> App {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('3'), KeyCode::Char('e')]);
    app.update(Action::Exported(Ok(std::path::PathBuf::from(
        "/home/operator/investboard-stalled-20261129-100000.csv",
    ))));
    app
}

fn states() -> Vec<(&'static str, App)> {
    vec![
        ("loading", loading()),
        ("loaded", loaded()),
        ("stale", stale()),
        ("feed_error", feed_error()),
        ("detail", detail_open()),
        ("help", help_open()),
        ("filtered", filtered()),
        ("sorted", sorted()),
        ("targets_selected", targets_selected()),
        ("expanded", expanded()),
        ("department_drill_down", department_drill_down()),
        ("district_drill_down", district_drill_down()),
        ("copied", copied()),
        ("exported", exported()),
    ]
}

#[test]
fn whole_screen_in_every_state_at_80x24() {
    for (name, app) in states() {
        insta::assert_snapshot!(format!("screen_80x24_{name}"), screen(&app, 80, 24));
    }
}

#[test]
fn whole_screen_in_every_state_at_200x50() {
    for (name, app) in states() {
        insta::assert_snapshot!(format!("screen_200x50_{name}"), screen(&app, 200, 50));
    }
}

#[test]
fn filter_being_typed_shows_in_the_footer() {
    let mut app = loaded();
    keys(&mut app, &[KeyCode::Char('3'), KeyCode::Char('/')]);
    type_text(&mut app, "住房");
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn wall_mode_views() {
    let (mut app, start) = empty_app(true);
    app.update(crate::testing::loaded(
        crate::testing::previous_fixture(),
        NOW,
    ));
    app.update(crate::testing::loaded(crate::testing::fixture(), NOW));
    let views = [
        (WallView::Overview, "overview"),
        (WallView::Signings, "signings"),
        (WallView::Targets, "targets"),
        (WallView::Stalled, "stalled"),
    ];
    for (step, (view, name)) in views.into_iter().enumerate() {
        let secs = 20 * u64::try_from(step).unwrap_or(0);
        app.update(Action::Tick {
            now: at(NOW),
            at: start + Duration::from_secs(secs),
        });
        assert_eq!(app.wall_view(), Some(view));
        insta::assert_snapshot!(format!("wall_80x24_{name}"), screen(&app, 80, 24));
        insta::assert_snapshot!(format!("wall_240x67_{name}"), screen(&app, 240, 67));
    }
    // A key holds the rotation: the HOLD badge shows.
    keys(&mut app, &[KeyCode::Char('j')]);
    insta::assert_snapshot!("wall_80x24_held", screen(&app, 80, 24));
}

#[test]
fn panels_alone() {
    let app = loaded();
    insta::assert_snapshot!(
        "panel_header",
        widget(&ui::header::HeaderPanel { app: &app }, 100, 3)
    );
    insta::assert_snapshot!(
        "panel_figures",
        widget(
            &ui::figures::FiguresPanel {
                app: &app,
                size: ui::figures::FigureSize::Text
            },
            100,
            4
        )
    );
    insta::assert_snapshot!(
        "panel_figures_large",
        widget(
            &ui::figures::FiguresPanel {
                app: &app,
                size: ui::figures::FigureSize::choose(&app, 160, 18)
            },
            160,
            14
        )
    );
    insta::assert_snapshot!(
        "panel_signings",
        widget(
            &ui::signings::SigningsPanel {
                app: &app,
                focused: true
            },
            110,
            14
        )
    );
    insta::assert_snapshot!(
        "panel_targets",
        widget(
            &ui::targets::TargetsPanel {
                app: &app,
                focused: false
            },
            90,
            18
        )
    );
    insta::assert_snapshot!(
        "panel_stalled",
        widget(
            &ui::stalled::StalledPanel {
                app: &app,
                focused: true
            },
            110,
            10
        )
    );
    insta::assert_snapshot!(
        "panel_help",
        widget(
            &ui::help::HelpPanel {
                wall: false,
                keys: &crate::app::keys::KeyMap::default(),
                lang: crate::lang::Lang::En,
                ages: app.settings.ages,
                rejections: app.settings.rejections,
                targets: app.settings.appearance.targets,
                scroll: 0,
            },
            80,
            24
        )
    );
    let app = detail_open();
    let crate::app::Overlay::Detail {
        project,
        approval,
        scroll,
        elapsed,
    } = &app.overlay
    else {
        unreachable!("'3' then Enter opens a detail, not {:?}", app.overlay)
    };
    let panel = ui::detail::DetailPanel {
        app: &app,
        project: *project,
        approval: *approval,
        scroll: *scroll,
        elapsed,
    };
    insta::assert_snapshot!("panel_detail", widget(&panel, 100, 26));
}

/// A poll slower than the interval shows how long it has taken; a failure whose retry is
/// due says the retry is under way, never "retry in 0 s"; the answer clears both.
#[test]
fn a_slow_poll_and_a_due_retry_say_what_is_happening() {
    let (mut app, start) = empty_app(false);
    app.update(crate::testing::loaded(crate::testing::fixture(), NOW));
    app.update(failed("HTTP 503 Service Unavailable", NOW, 10));
    app.update(Action::Feed(crate::poll::FeedUpdate::Checking {
        since: at("2026-11-29T10:00:10+08:00"),
    }));
    app.update(Action::Tick {
        now: at("2026-11-29T10:00:22+08:00"),
        at: start + Duration::from_secs(22),
    });
    let header = screen(&app, 160, 24);
    let first = header.lines().next().unwrap_or_default().to_owned();
    let status = header.lines().nth(1).unwrap_or_default().to_owned();
    assert!(
        status.contains("feed error: HTTP 503 Service Unavailable · retrying…"),
        "{first}\n{status}"
    );
    assert!(status.contains("checking… 12 s"), "{status}");
    assert!(!header.contains("retry in 0 s"), "{header}");

    app.update(Action::Feed(crate::poll::FeedUpdate::Unchanged {
        received_at: at("2026-11-29T10:00:23+08:00"),
    }));
    let header = screen(&app, 160, 24);
    assert!(!header.contains("checking…"), "{header}");
    assert!(!header.contains("retrying…"), "{header}");
}

#[test]
fn too_small_says_what_it_needs() {
    let app = loaded();
    let text = screen(&app, 59, 16);
    assert!(text.contains("terminal too small (need 60x16"), "{text}");
    let text = screen(&app, 60, 16);
    assert!(!text.contains("too small"), "{text}");
}

#[test]
fn below_the_minimum_the_figures_still_show_in_one_summary_line() {
    let app = loaded();
    let text = screen(&app, 59, 15);
    assert!(
        text.contains(" FRESH  Q4 signed 5/5, 19.28/28 bn; started 1"),
        "{text}"
    );
    assert!(text.contains("4 stalled approvals"), "{text}");
    insta::assert_snapshot!("tiny_40x10_en", screen(&app, 40, 10));
    let mut zh = loaded();
    zh.settings.lang = crate::lang::Lang::Zh;
    insta::assert_snapshot!("tiny_40x10_zh", screen(&zh, 40, 10));
    insta::assert_snapshot!("tiny_40x10_loading", screen(&loading(), 40, 10));
    // Nothing at all is drawn outside the buffer, down to a single cell.
    for (w, h) in [(1, 1), (12, 2), (59, 3)] {
        let _ = screen(&app, w, h);
    }
}

#[test]
fn at_70_columns_the_header_drops_the_zone_and_weekday_before_the_quarter() {
    let app = loaded();
    let text = screen(&app, 70, 20);
    let title = text.lines().next().unwrap_or_default();
    assert!(title.contains("Q4 2026 · 32 days left"), "{title}");
    assert!(title.contains("2026-11-29"), "{title}");
    assert!(!title.contains("UTC+08:00"), "{title}");
}

/// The cell where `needle` starts, searching the rows as a terminal shows them.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for (y, row) in (buf.area.top()..).zip(text(buf).lines()) {
        let row = row.trim_matches('"');
        if let Some(byte) = row.find(needle) {
            let x = u16::try_from(unicode_width::UnicodeWidthStr::width(&row[..byte])).ok()?;
            return Some((buf.area.left() + x, y));
        }
    }
    None
}

#[test]
fn on_target_is_red_and_says_so() {
    let app = loaded();
    let buf = buffer(&app, 80, 24);
    let (x, y) = find(&buf, "ON TARGET").expect("the word is on screen");
    assert_eq!(buf[(x, y)].fg, Color::Red);
    let (x, y) = find(&buf, "ON PACE").expect("the word is on screen");
    assert_ne!(buf[(x, y)].fg, Color::Red);
}

/// The fixture with Q4's signed-projects target set to 0 and its amount target missing.
fn zero_target_app(lang: crate::lang::Lang) -> App {
    let (mut app, _) = empty_app(false);
    app.settings.lang = lang;
    let mut snapshot = crate::testing::fixture();
    let q4 = snapshot
        .targets
        .iter_mut()
        .find(|t| t.quarter == 4)
        .expect("the fixture has a Q4 target");
    q4.signed_projects = Some(0);
    q4.signed_amount = None;
    app.update(crate::testing::loaded(snapshot, NOW));
    app
}

#[test]
fn a_zero_target_reads_target_0_and_on_target_on_the_card_and_in_the_targets_panel() {
    let app = zero_target_app(crate::lang::Lang::En);
    let buf = buffer(&app, 120, 30);
    let text = text(&buf);
    let cards: String = text.lines().skip(2).take(4).collect::<Vec<_>>().join("\n");
    assert!(
        cards.contains("│5  (target 0) "),
        "the figure alone, not 5/0: {cards}"
    );
    assert!(!text.contains("5/0"), "{text}");
    let (x, y) = find(&buf, "ON TARGET").expect("the card's word");
    assert_eq!(buf[(x, y)].fg, Color::Red, "reached: the on-target colour");
    let targets = |app: &App| {
        widget(
            &ui::targets::TargetsPanel {
                app,
                focused: false,
            },
            90,
            18,
        )
    };
    let panel = targets(&app);
    let q4 = panel
        .lines()
        .find(|l| l.contains("Q4 now"))
        .expect("the Q4 row");
    assert!(q4.contains("ON TARGET · target 0  5"), "{panel}");
    assert!(
        q4.contains("NO TARGET"),
        "the missing amount target: {panel}"
    );
    let panel = targets(&zero_target_app(crate::lang::Lang::Zh));
    assert!(panel.contains("已达标 · 目标为 0  5"), "{panel}");
}

#[test]
fn selected_row_has_a_marker_as_well_as_reverse_video() {
    let app = loaded();
    let buf = buffer(&app, 80, 24);
    let (x, y) = find(&buf, ui::theme::SELECTED).expect("selection marker on screen");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    // New signings carry a marker symbol, not only colour.
    let (x, y) = find(&buf, " + 2026-11-27 三一重工").expect("new-row marker on the new signing");
    assert_eq!(buf[(x + 1, y)].symbol(), ui::theme::NEW);
    assert_eq!(buf[(x + 1, y)].fg, Color::Yellow);
}

#[test]
fn pace_marker_and_over_100_percent_show() {
    let app = loaded();
    let text = widget(
        &ui::targets::TargetsPanel {
            app: &app,
            focused: false,
        },
        90,
        18,
    );
    assert!(text.contains("117%"), "{text}");
    // Only the current quarter has a pace marker, one in each bar that has a target, at the
    // share of the quarter gone by: 29 November is day 60 of Q4's 92 (31 in October, 29 in
    // November), 0.652 of it. In the 16-cell bar that is cell 10 (10.4 rounded), in the
    // 11-cell bar cell 7 (7.2); Q4's started projects have no target, so no bar.
    let rows: Vec<&str> = text.lines().skip(2).take(4).collect();
    for row in &rows[..3] {
        assert_eq!(pace_markers(row), [None, None, None], "{text}");
    }
    assert!(rows[3].contains("Q4 now"), "{text}");
    assert_eq!(
        pace_markers(rows[3]),
        [Some((10, 16)), Some((7, 11))],
        "{text}"
    );
}

/// Each bar in `row` (a run of at least three bar cells) as the cell of its pace marker and
/// its length, or `None` where the bar has no marker.
fn pace_markers(row: &str) -> Vec<Option<(usize, usize)>> {
    row.split(|c: char| !matches!(c, '█' | '░' | '|'))
        .map(|run| run.chars().collect::<Vec<char>>())
        .filter(|bar| bar.len() >= 3)
        .map(|bar| {
            let markers: Vec<usize> = (0..bar.len()).filter(|i| bar[*i] == '|').collect();
            assert!(markers.len() <= 1, "two markers in one bar: {row}");
            markers.first().map(|at| (*at, bar.len()))
        })
        .collect()
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::amount::Amount;
    use crate::domain::model::{
        Approval, ApprovalStatus, Project, ProjectDetails, QuarterTarget, Snapshot, Stage, Top500,
    };
    use crate::sanitize::{CompactText, SafeText};
    use chrono::NaiveDate;

    fn text() -> impl Strategy<Value = SafeText> {
        "[a-zA-Z长沙市岳麓区储能 🔋\u{1b}\t]{0,30}".prop_map(|s| SafeText::new(&s))
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (0i64..1200).prop_map(|d| {
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Duration::days(d)
        })
    }

    fn approval() -> impl Strategy<Value = Approval> {
        (
            text(),
            proptest::option::of(text()),
            date(),
            0usize..4,
            proptest::option::of(0u32..30),
        )
            .prop_map(|(id, department, submitted_on, status, limit)| Approval {
                id,
                item: Some(SafeText::new("施工许可")),
                department,
                submitted_on,
                decided_on: None,
                status: ApprovalStatus::ALL[status],
                limit_working_days: limit,
            })
    }

    fn project() -> impl Strategy<Value = Project> {
        (
            (
                text(),
                text(),
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            (0u64..u64::MAX / 2, 0usize..6, proptest::option::of(date())),
            (
                proptest::option::of(date()),
                proptest::collection::vec(approval(), 0..4),
            ),
            any::<bool>(),
        )
            .prop_map(
                |(
                    (id, name, district, chain),
                    (fen, stage, signed_on),
                    (started_on, approvals),
                    top,
                )| {
                    Project {
                        id: CompactText::new(id.as_str()),
                        name: CompactText::new(name.as_str()),
                        investor: None,
                        district,
                        chain,
                        amount: Amount::from_fen(fen),
                        stage: Stage::ALL[stage],
                        signed_on,
                        started_on,
                        approvals: approvals.into(),
                        details: None,
                    }
                    .with_details(ProjectDetails {
                        top500: if top { vec![Top500::China] } else { Vec::new() }.into(),
                        ..ProjectDetails::default()
                    })
                },
            )
    }

    fn snapshot() -> impl Strategy<Value = Snapshot> {
        (
            proptest::collection::vec(project(), 0..25),
            proptest::collection::vec(
                (
                    1u8..=4,
                    proptest::option::of(0u32..5),
                    proptest::option::of(0u64..u64::MAX),
                ),
                0..4,
            ),
        )
            .prop_map(|(projects, targets)| Snapshot {
                generated_at: None,
                targets: targets
                    .into_iter()
                    .map(|(quarter, n, fen)| QuarterTarget {
                        year: 2026,
                        quarter,
                        signed_projects: n,
                        signed_amount: fen.map(Amount::from_fen),
                        started_projects: n,
                    })
                    .collect(),
                projects,
                rejected: Vec::new(),
                warnings: Vec::new(),
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_feed_at_any_size_draws_without_panic(
            snapshot in snapshot(),
            width in 0u16..=300,
            height in 0u16..=120,
            wall in any::<bool>(),
            moves in proptest::collection::vec(0usize..12, 0..8),
        ) {
            let (mut app, _) = empty_app(wall);
            // An empty poll first, so the feed's projects also arrive as changes.
            app.update(crate::testing::loaded(Snapshot::default(), NOW));
            app.update(crate::testing::loaded(snapshot, NOW));
            let codes = [
                KeyCode::Char('j'), KeyCode::Char('G'), KeyCode::Tab, KeyCode::Enter,
                KeyCode::Char('s'), KeyCode::Char('?'), KeyCode::Esc, KeyCode::PageDown,
                KeyCode::Char('t'), KeyCode::Char('c'),
                KeyCode::Char('S'), KeyCode::Char('+'),
            ];
            for m in moves {
                keys(&mut app, &[codes[m]]);
            }
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            terminal.draw(|frame| ui::render(&app, frame)).expect("draw");
        }
    }
}

/// Provisional years in one line of ranges, however many years the pending approvals span.
#[test]
fn the_header_names_provisional_years_as_ranges() {
    let feed = br#"{"schema_version":1,"projects":[{"id":"P","name":"n","amount_cny":1,
        "stage":"signed","approvals":[{"id":"A","status":"pending","submitted_on":"2017-06-01"}]}]}"#;
    let snapshot = crate::feed::parse_feed(feed).expect("valid");
    let later = "2033-03-01T10:00:00+08:00";
    let mut app = App::new(
        crate::testing::settings(false),
        crate::domain::calendar::Calendar::embedded(),
        crate::domain::aggregate::AggregateOptions::default(),
        at(later),
        std::time::Instant::now(),
    );
    app.update(crate::testing::loaded(snapshot, later));
    let header = screen(&app, 120, 24)
        .lines()
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    assert!(
        header.contains(" · calendar: 2017-2019, 2027-2033 provisional (statutory holidays only) "),
        "{header}"
    );
}

mod console;
/// Languages, themes, colour depth, key bindings and redaction (the operator's world).
mod operator;
mod trends;
mod wall_states;
mod whole_figures;

/// The detail view shows what it was opened for in full: a long name, investor, item and
/// department wrap onto more lines instead of ending in `…`, in both languages and at the
/// smallest and a common size.
#[test]
fn the_detail_view_wraps_long_fields_instead_of_cutting_them() {
    // `needle`'s characters (spaces aside) appear in `text` in order: a wrapped field reads on.
    fn reads_on(text: &str, needle: &str) -> bool {
        let mut chars = text.chars();
        needle
            .chars()
            .filter(|c| *c != ' ')
            .all(|c| chars.any(|t| t == c))
    }
    for lang in [crate::lang::Lang::En, crate::lang::Lang::Zh] {
        let mut app = detail_open();
        app.settings.lang = lang;
        for (width, height) in [(60, 30), (80, 24), (100, 30)] {
            let screen = screen(&app, width, height);
            // The rows inside the detail's frame, below its title.
            let inside: Vec<&str> = screen
                .lines()
                .skip_while(|row| !row.contains('┏'))
                .skip(1)
                .take_while(|row| !row.contains('┗'))
                .collect();
            assert!(inside.len() > 10, "{screen}");
            for row in &inside {
                assert!(!row.contains('…'), "{lang} {width}x{height}: cut in {row}");
            }
            let title = screen
                .lines()
                .find(|row| row.contains('┏'))
                .unwrap_or_default();
            let body = format!("{title}{}", inside.concat());
            for whole in [
                "长沙高新区新一代半导体封装测试基地建设项目（一期）",
                "Xiangjiang Semiconductor Holdings Co., Ltd.",
                "消防设计审查",
                "住房和城乡建设局",
                "Planning permit",
                "自然资源和规划局",
            ] {
                assert!(
                    reads_on(&body, whole),
                    "{lang} {width}x{height}: {whole:?} not whole in\n{screen}"
                );
            }
        }
    }
}

/// A failed export says why in the footer, in the dashboard's language, never as raw io text.
#[test]
fn a_failed_export_says_why_in_the_footer_in_either_language() {
    let mut app = loaded();
    app.update(Action::Exported(Err(crate::export::ExportError::Missing(
        "/srv/exports".to_owned(),
    ))));
    let footer = |app: &App| {
        screen(app, 100, 24)
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        footer(&app).contains("export failed: /srv/exports does not exist (export_dir)"),
        "{}",
        footer(&app)
    );
    app.settings.lang = crate::lang::Lang::Zh;
    assert!(
        footer(&app).contains("导出失败：目录 /srv/exports 不存在（export_dir）"),
        "{}",
        footer(&app)
    );
    // The next key clears it.
    keys(&mut app, &[KeyCode::Char('j')]);
    assert!(!footer(&app).contains("导出失败"), "{}", footer(&app));
}

/// The help scrolled to its end: at 80x24 the legend is below the keys.
fn help_scrolled(lang: crate::lang::Lang) -> App {
    let mut app = help_open();
    app.settings.lang = lang;
    keys(
        &mut app,
        &[KeyCode::PageDown, KeyCode::PageDown, KeyCode::PageDown],
    );
    app
}

#[test]
fn the_help_legend_explains_badges_states_columns_and_colours_in_both_languages() {
    use crate::lang::Lang;
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let app = help_scrolled(lang);
        insta::assert_snapshot!(format!("help_legend_80x24_{name}"), screen(&app, 80, 24));
        insta::assert_snapshot!(format!("help_legend_200x50_{name}"), screen(&app, 200, 50));
    }
    let app = help_scrolled(Lang::En);
    let text = screen(&app, 80, 24);
    for term in [
        "T500",
        "1bn+",
        "FRESH",
        "AGEING",
        "STALE",
        "OFFLINE",
        "DEGRADED",
        "Days/limit",
        "pace",
        "+21…",
        "ON TARGET red",
        "BEHIND green",
        "red-on-target",
    ] {
        assert!(
            text.contains(term),
            "{term} missing from the legend:\n{text}"
        );
    }
    // The legend says the mapping in force, in the colours it names.
    let mut green = help_scrolled(Lang::En);
    green.settings.appearance.targets = crate::appearance::TargetColors::GreenOnTarget;
    let buf = buffer(&green, 80, 24);
    let shown = self::text(&buf);
    assert!(
        shown.contains("ON TARGET green") && shown.contains("BEHIND red"),
        "{shown}"
    );
    assert!(shown.contains("target_colors = green-on-target"), "{shown}");
    let (x, y) = find(&buf, "ON TARGET green").expect("the colours line");
    assert_eq!(buf[(x, y)].fg, Color::Green);
    // Keys first: unscrolled, the help starts with the key list and says it scrolls.
    let top = screen(&help_open(), 80, 24);
    assert!(top.contains("Tab       next panel"), "{top}");
    assert!(top.contains("j/k scroll"), "{top}");
}
