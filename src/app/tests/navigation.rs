//! The console's navigation as state changes: keys (and clicks) in, state and follow-up
//! actions out, no IO.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{press, selected_name};
use crate::app::drill::BreakdownKind;
use crate::app::keys::{self, InputMode};
use crate::app::lists::{Direction, Scope, SigningSort, StalledSort};
use crate::app::{Action, App, Notice, Panel};
use crate::sanitize::SafeText;
use crate::testing::loaded_app;

fn ctrl(app: &mut App, c: char) {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    if let Some(action) = keys::action_for(app.input, &event) {
        app.update(action);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn signing_districts(app: &App) -> Vec<Option<String>> {
    let data = app.data().expect("loaded");
    app.signings
        .rows
        .iter()
        .map(|&i| {
            data.snapshot.projects[i]
                .district
                .as_ref()
                .map(ToString::to_string)
        })
        .collect()
}

fn signing_amounts(app: &App) -> Vec<crate::domain::amount::Amount> {
    let data = app.data().expect("loaded");
    app.signings
        .rows
        .iter()
        .map(|&i| data.snapshot.projects[i].amount)
        .collect()
}

#[test]
fn shift_s_reverses_the_sort_and_s_moves_to_the_next_column() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.signings.sort.column, SigningSort::Amount);
    assert_eq!(app.signings.sort.direction, Direction::Descending);
    let largest_first = app.signings.rows.clone();
    app.update(Action::ReverseSort);
    assert_eq!(app.signings.sort.direction, Direction::Ascending);
    let amounts = signing_amounts(&app);
    assert!(amounts.windows(2).all(|w| w[0] <= w[1]), "{amounts:?}");
    assert_eq!(app.signings.rows.len(), largest_first.len());
    // The next column starts in its own natural direction: districts A to Z.
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.signings.sort.column, SigningSort::District);
    assert_eq!(app.signings.sort.direction, Direction::Ascending);
    let districts = signing_districts(&app);
    let named: Vec<&String> = districts.iter().flatten().collect();
    assert!(named.windows(2).all(|w| w[0] <= w[1]), "{districts:?}");
    // The signing without a district comes last.
    assert_eq!(districts.last(), Some(&None));
    // The stalled list sorts on its own.
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.stalled.sort.column, StalledSort::Overdue);
    app.update(Action::ReverseSort);
    let data = app.data().expect("loaded");
    let overdue: Vec<u32> = app
        .stalled
        .rows
        .iter()
        .map(|&i| data.summary.stalled[i].overdue_by())
        .collect();
    assert!(overdue.windows(2).all(|w| w[0] <= w[1]), "{overdue:?}");
}

#[test]
fn a_filter_change_selects_the_first_row_and_keeps_the_sort() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('G'));
    assert!(app.signings.selected > 0);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "区");
    assert_eq!(app.signings.selected, 0);
    assert_eq!(app.signings.sort.column, SigningSort::Amount);
    let amounts = signing_amounts(&app);
    assert!(amounts.windows(2).all(|w| w[0] >= w[1]), "{amounts:?}");
}

#[test]
fn ctrl_w_ctrl_u_paste_enter_and_esc_edit_the_filter() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "岳麓");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.input, InputMode::Normal);
    assert_eq!(app.signings.filter, "岳麓");
    let kept = app.signings.rows.len();

    // Editing again, then Esc: back to the filter the edit started from.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, " zone b");
    ctrl(&mut app, 'w');
    assert_eq!(app.signings.filter, "岳麓 zone ");
    ctrl(&mut app, 'w');
    assert_eq!(app.signings.filter, "岳麓 ");
    app.update(Action::FilterPaste("line\nbreak\u{1b}[31m".to_owned()));
    assert_eq!(app.signings.filter, "岳麓 line break[31m");
    ctrl(&mut app, 'u');
    assert_eq!(app.signings.filter, "");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.input, InputMode::Normal);
    assert_eq!(app.signings.filter, "岳麓");
    assert_eq!(app.signings.rows.len(), kept);

    // Esc outside editing clears it.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.signings.filter, "");
    assert_eq!(app.signings.rows.len(), app.signings.total());
}

#[test]
fn a_paste_outside_the_filter_limit_is_cut_at_the_limit() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('/'));
    app.update(Action::FilterPaste("x".repeat(500)));
    assert_eq!(
        app.signings.filter.chars().count(),
        crate::app::MAX_FILTER_CHARS
    );
}

#[test]
fn enter_on_a_district_opens_its_signings_and_esc_comes_back() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "项目");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    let (filter, selected) = (app.signings.filter.clone(), app.signings.selected);

    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    let lengths = app.breakdown_lengths();
    assert_eq!(
        app.targets.position(lengths),
        Some((BreakdownKind::District, 2))
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Panel::Signings);
    assert_eq!(
        app.signings.scope,
        Some(Scope::District(Some(SafeText::new("岳麓区"))))
    );
    // The drill-down starts from the whole list, not the old filter.
    assert_eq!(app.signings.filter, "");
    assert_eq!(app.signings.selected, 0);
    assert_eq!(
        signing_districts(&app),
        [Some("岳麓区".to_owned()), Some("岳麓区".to_owned())]
    );
    // Enter now opens a project; the first Esc closes it, the second goes back.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, crate::app::Overlay::Detail { .. }));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Panel::Signings);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Panel::Targets);
    assert_eq!(app.targets.selected, 2);
    assert_eq!(app.signings.scope, None);
    assert_eq!(app.signings.filter, filter);
    assert_eq!(app.signings.selected, selected);
}

#[test]
fn the_unassigned_chain_row_opens_the_signings_without_a_chain() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('2'));
    let lengths = app.breakdown_lengths();
    let data = app.data().expect("loaded");
    let none_row = data
        .summary
        .by_chain
        .iter()
        .position(|b| b.label.as_str() == crate::domain::aggregate::UNASSIGNED)
        .expect("a (none) chain row");
    app.update(Action::Pick {
        panel: Panel::Targets,
        row: Some(crate::app::drill::TargetsView::index_of(
            BreakdownKind::Chain,
            none_row,
            lengths,
        )),
    });
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.signings.scope, Some(Scope::Chain(None)));
    assert_eq!(selected_name(&app), "Display glass substrate line");
    assert_eq!(app.signings.rows.len(), 1);
}

#[test]
fn a_department_opens_its_stalled_approvals() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('2'));
    let lengths = app.breakdown_lengths();
    let first_department = lengths[0] + lengths[1];
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..first_department {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(
        app.targets.position(lengths),
        Some((BreakdownKind::Department, 0))
    );
    let data = app.data().expect("loaded");
    let worst = data.trends.stalled_by_department[0].clone();
    assert_eq!(worst.department.as_str(), "住房和城乡建设局");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Panel::Stalled);
    assert_eq!(app.stalled.rows.len(), worst.stalled.len());
    let data = app.data().expect("loaded");
    for &i in &app.stalled.rows {
        let entry = &data.summary.stalled[i];
        let approval = &data.snapshot.projects[entry.project].approvals[entry.approval];
        assert_eq!(approval.department.as_ref(), Some(&worst.department));
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Panel::Targets);
    assert_eq!(app.stalled.scope, None);
}

#[test]
fn plus_shows_every_row_of_the_breakdown_and_esc_folds_it() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('+'));
    assert!(!app.targets.expanded, "only on the targets panel");
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('+'));
    assert!(app.targets.expanded);
    press(&mut app, KeyCode::Esc);
    assert!(!app.targets.expanded);
    assert_eq!(app.focus, Panel::Targets);
}

#[test]
fn y_copies_the_selected_id_and_says_so_until_the_next_key() {
    let mut app = loaded_app(false);
    press(&mut app, KeyCode::Char('g'));
    let copied = press(&mut app, KeyCode::Char('y'));
    assert_eq!(copied, Some(Action::Clipboard("CS-2026-0102".to_owned())));
    assert_eq!(app.notice, Some(Notice::Copied("CS-2026-0102".to_owned())));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.notice, None);
    // From the detail view, its project.
    press(&mut app, KeyCode::Enter);
    let copied = press(&mut app, KeyCode::Char('y'));
    assert!(matches!(copied, Some(Action::Clipboard(_))));
    // Nothing to copy on the targets panel.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(press(&mut app, KeyCode::Char('y')), None);
    assert_eq!(app.notice, None);
}

#[test]
fn e_asks_for_an_export_of_a_list_and_shows_the_outcome() {
    let mut app = loaded_app(false);
    assert_eq!(
        press(&mut app, KeyCode::Char('e')),
        Some(Action::WriteExport)
    );
    let path = std::path::PathBuf::from("/tmp/investboard-signings-x.csv");
    app.update(Action::Exported(Ok(path.clone())));
    assert_eq!(app.notice, Some(Notice::Exported(path)));
    app.update(Action::Exported(Err(crate::export::ExportError::Denied(
        "/".to_owned(),
    ))));
    assert!(matches!(app.notice, Some(Notice::ExportFailed(_))));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(press(&mut app, KeyCode::Char('e')), None);
    // The rejected records moved to `x`.
    press(&mut app, KeyCode::Char('x'));
    assert!(matches!(app.overlay, crate::app::Overlay::Rejected { .. }));
}

#[test]
fn a_click_picks_panel_and_row_and_the_wheel_scrolls() {
    let mut app = loaded_app(false);
    app.update(Action::Pick {
        panel: Panel::Stalled,
        row: Some(2),
    });
    assert_eq!(app.focus, Panel::Stalled);
    assert_eq!(app.stalled.selected, 2);
    app.update(Action::Scroll(-3));
    assert_eq!(app.stalled.selected, 0);
    app.update(Action::Scroll(3));
    assert_eq!(app.stalled.selected, 3.min(app.stalled.rows.len() - 1));
    // A click past the last row selects the last.
    app.update(Action::Pick {
        panel: Panel::Signings,
        row: Some(999),
    });
    assert_eq!(app.signings.selected, app.signings.rows.len() - 1);
    // Over the detail view the wheel scrolls it.
    press(&mut app, KeyCode::Enter);
    app.update(Action::Scroll(3));
    assert!(matches!(
        app.overlay,
        crate::app::Overlay::Detail { scroll: 3, .. }
    ));
}
