//! The signings list: newest first (or by amount or district), with badges for Top-500
//! investors and projects of 1 billion yuan or more; rows new since the previous poll carry a
//! `+` marker as well as colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::lists::SigningSort;
use crate::app::redact::HIDDEN_AMOUNT;
use crate::app::{App, Panel};
use crate::domain::model::Project;
use crate::i18n::Labels;
use crate::ui::table::{Col, Table, or_dash};
use crate::ui::text::Column;
use crate::ui::{list_block, list_message, list_table, theme};

/// The signings list.
pub struct SigningsPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

/// A signing as its cells see it.
pub(crate) struct Signing<'a> {
    app: &'a App,
    project: &'a Project,
    selected: bool,
    /// New since the previous poll: marked and coloured.
    new: bool,
}

impl<'a> Signing<'a> {
    fn new(app: &'a App, project: &'a Project, selected: bool) -> Signing<'a> {
        let new = app.is_highlighted(&project.id);
        Signing {
            app,
            project,
            selected,
            new,
        }
    }

    fn style(&self) -> Style {
        if self.new {
            theme::new_row()
        } else {
            Style::new()
        }
    }

    fn plain(&self, text: String) -> (String, Style) {
        (text, self.style())
    }
}

/// The columns with their cells, titled in the app's language; the badge column as wide as
/// both badges.
pub(crate) fn columns<'a>(l: &'static Labels) -> [Col<Signing<'a>>; 8] {
    let badge_width = u16::try_from(l.lists.top500_badge.width() + 1 + l.lists.big_badge.width())
        .unwrap_or(10)
        .max(10);
    [
        Col {
            spec: Column::left("", 2, 2, 0),
            cell: |r| {
                r.plain(format!(
                    "{}{}",
                    if r.selected { theme::SELECTED } else { " " },
                    if r.new { theme::NEW } else { " " }
                ))
            },
        },
        Col {
            spec: Column::left(l.lists.col_signed_on, 10, 10, 1),
            cell: |r| {
                r.plain(
                    r.project
                        .signed_on
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                )
            },
        },
        Col {
            spec: Column::left(l.lists.col_project, 14, 44, 0),
            cell: |r| r.plain(r.project.name.to_string()),
        },
        Col {
            spec: Column::left(l.lists.col_investor, 10, 26, 4),
            cell: |r| r.plain(or_dash(r.project.investor.as_ref())),
        },
        Col {
            spec: Column::left(l.lists.col_district, 14, 18, 2),
            cell: |r| r.plain(or_dash(r.project.district.as_ref())),
        },
        Col {
            spec: Column::left(l.lists.col_chain, 10, 22, 5),
            cell: |r| r.plain(or_dash(r.project.chain.as_ref())),
        },
        Col {
            spec: Column::right(l.common.money_unit, 6, 8, 0),
            cell: |r| r.plain(amount_cell(r.app, r.project)),
        },
        Col {
            spec: Column::left(l.lists.col_badges, badge_width, badge_width, 3),
            cell: |r| (badges(r.project, r.app), r.style().patch(theme::title())),
        },
    ]
}

/// The index in [`columns`] of the column a sort orders by.
pub(crate) fn sorted_column(sort: SigningSort) -> usize {
    match sort {
        SigningSort::Date => 1,
        SigningSort::Project => 2,
        SigningSort::Investor => 3,
        SigningSort::District => 4,
        SigningSort::Chain => 5,
        SigningSort::Amount => 6,
    }
}

fn badges(project: &Project, app: &App) -> String {
    let l = app.settings.lang.labels();
    let mut out = Vec::new();
    if project.is_top500() {
        out.push(l.lists.top500_badge);
    }
    // The size badge would tell a redacted amount's order of magnitude.
    if project.amount >= app.options().big_project && !app.settings.redact {
        out.push(l.lists.big_badge);
    }
    out.join(" ")
}

impl Widget for &SigningsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let app = self.app;
        let list = &app.signings;
        let l = app.settings.lang.labels();
        let block = list_block(app, Panel::Signings, self.focused, list);
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(data) = app.data() else {
            list_message(app, inner, buf);
            return;
        };
        if inner.height < 2 {
            return;
        }
        let columns = columns(l);
        let empty = (l.lists.no_signings, l.lists.no_signing_matches);
        let marks = (self.focused, app.shows_selection());
        let sorted = sorted_column(list.sort.column);
        let table = list_table(list, &columns, marks, sorted, empty, |i, selected| {
            Signing::new(app, &data.snapshot.projects[i], selected)
        });
        table.render(inner, buf);
    }
}

/// A few latest signings without a frame, for the wall overview.
pub fn latest_lines(app: &App, width: u16, rows: usize) -> Vec<Line<'static>> {
    let Some(data) = app.data() else {
        return Vec::new();
    };
    let columns = columns(app.settings.lang.labels());
    let rows: Vec<Signing<'_>> = data
        .summary
        .signings
        .iter()
        .take(rows)
        .map(|&i| Signing::new(app, &data.snapshot.projects[i], false))
        .collect();
    let table = Table::fitting(&columns, width, &rows.iter().collect::<Vec<_>>());
    let mut lines = vec![table.header()];
    lines.extend(rows.iter().map(|row| table.line(row)));
    lines
}

/// A project's amount in the column's unit, or [`HIDDEN_AMOUNT`] when redacted.
fn amount_cell(app: &App, project: &Project) -> String {
    if app.settings.redact {
        HIDDEN_AMOUNT.to_owned()
    } else {
        app.settings.lang.money_fixed(project.amount)
    }
}
