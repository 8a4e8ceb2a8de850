//! Mouse clicks to actions: which panel, tab or row is drawn under a cell. Lays the screen out
//! as [`crate::ui::draw`] does (the same layout functions), so a click lands on what the user
//! sees. Pure: the event loop calls it with the terminal's size.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use crate::app::{Action, App, Overlay, Panel};
use crate::ui::table::visible_rows;
use crate::ui::targets::BreakdownHit;
use crate::ui::{
    MIN_HEIGHT, MIN_WIDTH, all_panel_areas, is_wide, screen_layout, tab_texts, targets,
};

/// What a left click at (`column`, `row`) on a screen of `area` does: focus the panel there
/// and select the row under it. Nothing over an overlay, on the wall, or below the minimum
/// size.
pub fn click(app: &App, area: Rect, column: u16, row: u16) -> Option<Action> {
    if app.overlay != Overlay::None
        || app.rotation.is_some()
        || area.width < MIN_WIDTH
        || area.height < MIN_HEIGHT
    {
        return None;
    }
    let position = Position { x: column, y: row };
    let (_, _, [_, _, _, _, body, _]) = screen_layout(app, area);
    if !body.contains(position) {
        return None;
    }
    if is_wide(body) {
        let (panel, panel_area) = Panel::ALL
            .into_iter()
            .zip(all_panel_areas(app, body))
            .find(|(_, a)| a.contains(position))?;
        return Some(pick_in(app, panel, panel_area, position));
    }
    let [tabs, panel_area] = body.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    if tabs.contains(position) {
        return tab_at(app, tabs, column).map(|panel| Action::Pick { panel, row: None });
    }
    panel_area
        .contains(position)
        .then(|| pick_in(app, app.focus, panel_area, position))
}

/// A click in `panel` (drawn in `area`): focus it and select the row hit, or show all rows of
/// a breakdown whose `+N more` line was hit.
fn pick_in(app: &App, panel: Panel, area: Rect, position: Position) -> Action {
    if panel == Panel::Targets {
        return match targets::breakdown_at(app, area, position) {
            Some(BreakdownHit::More(row)) => Action::ShowAllRows { row },
            Some(BreakdownHit::Row(row)) => Action::Pick {
                panel,
                row: Some(row),
            },
            None => Action::Pick { panel, row: None },
        };
    }
    Action::Pick {
        panel,
        row: row_in(app, panel, area, position),
    }
}

/// The tab drawn at `column` of the tab bar.
fn tab_at(app: &App, tabs: Rect, column: u16) -> Option<Panel> {
    let mut x = usize::from(tabs.x) + 1;
    for (panel, text) in tab_texts(app) {
        let end = x + text.width();
        if (x..end).contains(&usize::from(column)) {
            return Some(panel);
        }
        x = end + 1;
    }
    None
}

/// The row of list `panel` (drawn in `area`) at `position`.
fn row_in(app: &App, panel: Panel, area: Rect, position: Position) -> Option<usize> {
    let inner = Block::bordered().inner(area);
    // Rows above a list's first row: its header, and for the stalled list the buckets line.
    let (above, len, selected, top) = match panel {
        Panel::Signings => (
            1,
            app.signings.rows.len(),
            app.signings.selected,
            app.signings.top.get(),
        ),
        Panel::Stalled => (
            2,
            app.stalled.rows.len(),
            app.stalled.selected,
            app.stalled.top.get(),
        ),
        Panel::Targets => return None,
    };
    let rows = Rect {
        y: inner.y.saturating_add(above),
        height: inner.height.saturating_sub(above),
        ..inner
    };
    if !rows.contains(position) {
        return None;
    }
    visible_rows(selected, len, rows, top)
        .find(|(y, _)| *y == position.y)
        .map(|(_, index)| index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::loaded_app;

    const SCREEN: Rect = Rect::new(0, 0, 80, 24);

    /// The screen row where `needle` is drawn.
    fn row_of(app: &App, area: Rect, needle: &str) -> u16 {
        let text = screen_text(app, area);
        let at = text.lines().position(|l| l.contains(needle));
        assert!(at.is_some(), "{needle:?} not on screen:\n{text}");
        u16::try_from(at.unwrap_or_default()).unwrap_or(u16::MAX)
    }

    #[test]
    fn a_click_on_a_list_row_selects_it_and_on_a_tab_focuses_it() {
        let mut app = loaded_app(false);
        let data = app.data().expect("loaded");
        let third = data.snapshot.projects[app.signings.rows[2]]
            .signed_on
            .map(|d| d.to_string())
            .unwrap_or_default();
        let y = row_of(&app, SCREEN, &third);
        let action = click(&app, SCREEN, 10, y);
        assert_eq!(
            action,
            Some(Action::Pick {
                panel: Panel::Signings,
                row: Some(2)
            })
        );
        app.update(action.expect("a pick"));
        assert_eq!(app.signings.selected, 2);
        // The tab bar: " [1 Signings]  2 Targets  ...": column 16 is in "2 Targets".
        let tabs = row_of(&app, SCREEN, "[1 Signings]");
        let action = click(&app, SCREEN, 16, tabs);
        assert_eq!(
            action,
            Some(Action::Pick {
                panel: Panel::Targets,
                row: None
            })
        );
        // The header and the footer are not panels.
        assert_eq!(click(&app, SCREEN, 10, 0), None);
        assert_eq!(click(&app, SCREEN, 10, 23), None);
    }

    /// After scrolling down and moving back up within the window, the rows stay where they
    /// were drawn, and a click picks the row drawn under it.
    #[test]
    fn a_click_picks_the_row_drawn_there_after_the_list_scrolled() {
        let mut app = crate::testing::big_app(200);
        for _ in 0..30 {
            app.update(Action::Down);
            screen_text(&app, SCREEN);
        }
        app.update(Action::Up);
        let text = screen_text(&app, SCREEN);
        let top = app.signings.top.get();
        assert!(top > 0, "scrolled:\n{text}");
        let marker = text
            .lines()
            .position(|l| l.contains(crate::ui::theme::SELECTED));
        let first_row = row_of(&app, SCREEN, "Signed↓") + 1;
        // The selection moved up one row within the window: it is second from the bottom.
        assert_eq!(app.signings.selected, 29);
        assert_eq!(
            marker.and_then(|m| u16::try_from(m).ok()),
            Some(first_row + u16::try_from(29 - top).unwrap_or(u16::MAX)),
            "{text}"
        );
        let action = click(&app, SCREEN, 10, first_row);
        assert_eq!(
            action,
            Some(Action::Pick {
                panel: Panel::Signings,
                row: Some(top)
            })
        );
    }

    #[test]
    fn on_a_wide_screen_a_click_focuses_the_panel_under_it() {
        let app = loaded_app(false);
        let wide = Rect::new(0, 0, 200, 50);
        let y = row_of(&app, wide, "Stalled approvals (");
        let picked = click(&app, wide, 20, y + 3);
        assert!(
            matches!(
                picked,
                Some(Action::Pick {
                    panel: Panel::Stalled,
                    row: Some(0)
                })
            ),
            "{picked:?}"
        );
        // The targets panel's district rows are selectable by a click too.
        let mut app = app;
        let y = row_of(&app, wide, "By dist");
        let picked = click(&app, wide, 125, y + 2);
        let Some(Action::Pick {
            panel: Panel::Targets,
            row: Some(row),
        }) = picked
        else {
            unreachable!("a click on a district row picks it, not {picked:?}")
        };
        app.update(Action::Pick {
            panel: Panel::Targets,
            row: Some(row),
        });
        assert_eq!(app.focus, Panel::Targets);
        assert_eq!((row, app.targets.selected), (1, 1));
    }

    #[test]
    fn a_click_on_more_rows_shows_all_rows_of_that_breakdown() {
        let mut app = loaded_app(false);
        app.update(Action::Pick {
            panel: Panel::Targets,
            row: None,
        });
        let screen = screen_text(&app, SCREEN);
        let (y, line) = screen
            .lines()
            .enumerate()
            .find(|(_, line)| line.contains(" more"))
            .expect("a breakdown with more rows than fit at 80x24");
        let x = line.find('+').map_or(0, |at| line[..at].width());
        let picked = click(
            &app,
            SCREEN,
            u16::try_from(x).unwrap_or(0),
            u16::try_from(y).unwrap_or(0),
        );
        let Some(Action::ShowAllRows { row }) = picked else {
            unreachable!("a click on {line:?} shows all rows, not {picked:?}")
        };
        app.update(Action::ShowAllRows { row });
        assert!(app.targets.expanded);
        assert_eq!(app.targets.selected, row);
        assert!(!screen_text(&app, SCREEN).contains(" more"));
    }

    fn screen_text(app: &App, area: Rect) -> String {
        let mut buf = ratatui::buffer::Buffer::empty(area);
        crate::ui::draw(app, area, &mut buf);
        crate::testing::buffer_text(&buf)
    }

    #[test]
    fn no_clicks_over_an_overlay_or_on_a_tiny_screen() {
        let mut app = loaded_app(false);
        assert_eq!(click(&app, Rect::new(0, 0, 40, 10), 5, 5), None);
        app.update(Action::ToggleHelp);
        assert_eq!(click(&app, SCREEN, 10, 10), None);
    }
}
