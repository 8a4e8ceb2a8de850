//! Tables whose cells are tied to their columns. A panel lists its columns as [`Col`]s, each a
//! [`Column`] (title, widths, priority, alignment) together with the function that draws its
//! cell from a row, so a column added, removed or moved takes its cell with it. [`Table`] lays
//! the columns out in a width (the priority-dropping [`column_widths`]) and draws the header and
//! rows; [`ListTable`] draws a whole selectable list: header, the rows that fit (scrolled to
//! keep the selection visible, the selection highlighted), or the empty message. Drawing only:
//! knows nothing of the app, only of rows of type `R`; the one thing it writes is the first row
//! it showed, into a cell it is lent (as ratatui's stateful widgets write their offset).

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use unicode_width::UnicodeWidthStr;

use crate::sanitize::{SafeText, fit_width, truncate_to_width};
use crate::ui::text::{Align, Column, column_widths, fit_right, put_line, wrap_width};
use crate::ui::theme;

/// A column and how to draw its cell: the text and its style, from one row.
pub struct Col<R> {
    pub spec: Column,
    pub cell: fn(&R) -> (String, Style),
}

/// A cell in the row's plain style.
pub fn plain(text: String) -> (String, Style) {
    (text, Style::new())
}

/// An optional text field's cell text: `-` when absent.
pub fn or_dash(text: Option<&SafeText>) -> String {
    text.map_or_else(|| "-".to_owned(), ToString::to_string)
}

/// The one-column selection marker that leads a list's rows; its cell is [`marker`].
pub const MARKER: Column = Column::left("", 1, 1, 0);

/// The selection marker's cell: [`theme::SELECTED`] on the selected row.
pub fn marker(selected: bool) -> (String, Style) {
    plain((if selected { theme::SELECTED } else { " " }).to_owned())
}

/// Columns laid out in a width: the ones that fit, with their widths.
pub struct Table<'a, R> {
    columns: &'a [Col<R>],
    widths: Vec<Option<u16>>,
}

impl<'a, R> Table<'a, R> {
    /// Lays `columns` out in `width` display columns, one space between them; columns that do
    /// not fit are dropped, lowest priority first.
    pub fn new(columns: &'a [Col<R>], width: u16) -> Table<'a, R> {
        Table::fitting(columns, width, &[])
    }

    /// As [`Table::new`], but the right-aligned (number) columns are at least as wide as their
    /// widest cell among `rows`, the rows to be drawn: a figure is never cut; when the table is
    /// too narrow a less important column is dropped instead.
    pub fn fitting(columns: &'a [Col<R>], width: u16, rows: &[&R]) -> Table<'a, R> {
        Table::fitting_sorted(columns, width, rows, None)
    }

    /// As [`Table::fitting`], with room in the sorted column (`sorted`: its index and its
    /// marker) for the whole title and the marker, so the arrow never costs the title.
    pub fn fitting_sorted(
        columns: &'a [Col<R>],
        width: u16,
        rows: &[&R],
        sorted: Option<(usize, &str)>,
    ) -> Table<'a, R> {
        let specs: Vec<Column> = columns
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let mut spec = col.spec;
                if let Some((at, marker)) = sorted
                    && at == i
                {
                    let titled = spec.title.width() + marker.width();
                    spec.min = spec.min.max(u16::try_from(titled).unwrap_or(u16::MAX));
                    spec.max = spec.max.max(spec.min);
                }
                if spec.align == Align::Right {
                    let widest = rows
                        .iter()
                        .map(|row| (col.cell)(row).0.width())
                        .max()
                        .unwrap_or(0);
                    spec.min = spec.min.max(u16::try_from(widest).unwrap_or(u16::MAX));
                    spec.max = spec.max.max(spec.min);
                }
                spec
            })
            .collect();
        Table {
            columns,
            widths: column_widths(&specs, width),
        }
    }

    /// The header row: each column's title.
    pub fn header(&self) -> Line<'static> {
        self.header_sorted(None)
    }

    /// The header row with `marker` (`↑`/`↓`) after the title of the column at `sorted`: the
    /// title gives way to the marker when the column is narrow.
    pub fn header_sorted(&self, sorted: Option<(usize, &str)>) -> Line<'static> {
        let mut spans = Vec::with_capacity(self.columns.len() * 2);
        for (i, (col, width)) in self.columns.iter().zip(&self.widths).enumerate() {
            let Some(width) = width else { continue };
            if !spans.is_empty() {
                spans.push(Span::raw(" "));
            }
            let width = usize::from(*width);
            let title = match sorted {
                Some((at, marker)) if at == i && width > marker.width() => {
                    let room = width - marker.width();
                    format!("{}{marker}", truncate_to_width(col.spec.title, room))
                }
                _ => col.spec.title.to_owned(),
            };
            let fitted = match col.spec.align {
                Align::Left => fit_width(&title, width),
                Align::Right => fit_right(&title, width),
            };
            spans.push(Span::styled(fitted, theme::column_header()));
        }
        Line::from(spans)
    }

    /// The width each column was given, `None` for a dropped one.
    pub fn widths(&self) -> &[Option<u16>] {
        &self.widths
    }

    /// One row: each kept column's cell fitted to its width.
    pub fn line(&self, row: &R) -> Line<'static> {
        self.line_of(|col| (col.cell)(row))
    }

    /// One row over as many lines as its longest cell needs: left-aligned (text) cells wrap
    /// within their column instead of being cut; numbers stay on the first line. The first
    /// column of each further line holds [`theme::CONTINUED`], so a wrapped text never reads
    /// as a row of its own.
    pub fn wrapped_lines(&self, row: &R) -> Vec<Line<'static>> {
        let cells: Vec<(Vec<String>, Style, u16, Align)> = self
            .columns
            .iter()
            .zip(&self.widths)
            .filter_map(|(col, width)| {
                let width = (*width)?;
                let (text, style) = (col.cell)(row);
                let parts = match col.spec.align {
                    Align::Left => wrap_width(&text, usize::from(width)),
                    Align::Right => vec![text],
                };
                Some((parts, style, width, col.spec.align))
            })
            .collect();
        let height = cells
            .iter()
            .map(|(parts, ..)| parts.len())
            .max()
            .unwrap_or(1);
        (0..height)
            .map(|i| {
                let mut spans = Vec::with_capacity(cells.len() * 2);
                for (column, (parts, style, width, align)) in cells.iter().enumerate() {
                    if !spans.is_empty() {
                        spans.push(Span::raw(" "));
                    }
                    if i > 0 && column == 0 {
                        let mark = fit_width(theme::CONTINUED, usize::from(*width));
                        spans.push(Span::styled(mark, theme::dim()));
                        continue;
                    }
                    let part = parts.get(i).map_or("", String::as_str);
                    let fitted = match align {
                        Align::Left => fit_width(part, usize::from(*width)),
                        Align::Right => fit_right(part, usize::from(*width)),
                    };
                    spans.push(Span::styled(fitted, *style));
                }
                Line::from(spans)
            })
            .collect()
    }

    fn line_of(&self, cell: impl Fn(&Col<R>) -> (String, Style)) -> Line<'static> {
        let mut spans = Vec::with_capacity(self.columns.len() * 2);
        for (col, width) in self.columns.iter().zip(&self.widths) {
            let Some(width) = width else { continue };
            if !spans.is_empty() {
                spans.push(Span::raw(" "));
            }
            let (text, style) = cell(col);
            let fitted = match col.spec.align {
                Align::Left => fit_width(&text, usize::from(*width)),
                Align::Right => fit_right(&text, usize::from(*width)),
            };
            spans.push(Span::styled(fitted, style));
        }
        Line::from(spans)
    }
}

/// A selectable list drawn as a table: the header on the first row of the area, then the rows
/// that fit, scrolled so the selected one shows and highlighted; `empty` under the header when
/// there are no rows.
pub struct ListTable<'a, R, F> {
    pub columns: &'a [Col<R>],
    /// How many rows the list has.
    pub len: usize,
    /// The selected row's position in the list.
    pub selected: usize,
    /// Whether the list has the focus (the selection is drawn brighter).
    pub focused: bool,
    /// Whether the selected row is marked at all (an idle wall marks none, and scrolls to
    /// the top).
    pub marked: bool,
    /// What to say when the list is empty.
    pub empty: &'a str,
    /// The sorted column's index and its direction's marker.
    pub sorted: Option<(usize, &'static str)>,
    /// The row at a list position, told whether it is the selected one (for its marker).
    pub row: F,
    /// The first row shown when the list was last drawn, kept so the rows stay put while the
    /// selection moves within them (`None`: none kept, scrolled just enough each time).
    pub top: Option<&'a Cell<usize>>,
}

impl<R, F: Fn(usize, bool) -> R> Widget for &ListTable<'_, R, F> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let body = Rect {
            y: area.y.saturating_add(1),
            height: area.height.saturating_sub(1),
            ..area
        };
        let selected = self.marked.then_some(self.selected);
        let top = self.top.map_or(0, Cell::get);
        let first = first_shown(
            selected.unwrap_or(0),
            self.len,
            usize::from(body.height),
            top,
        );
        if let Some(kept) = self.top {
            kept.set(first);
        }
        let shown: Vec<(u16, usize, R)> =
            visible_rows(selected.unwrap_or(0), self.len, body, first)
                .map(|(y, index)| (y, index, (self.row)(index, Some(index) == selected)))
                .collect();
        let rows: Vec<&R> = shown.iter().map(|(_, _, row)| row).collect();
        let table = Table::fitting_sorted(self.columns, area.width, &rows, self.sorted);
        put_line(buf, area, area.y, &table.header_sorted(self.sorted));
        if self.len == 0 {
            let text = Line::styled(format!("  {}", self.empty), theme::dim());
            put_line(buf, body, body.y, &text);
            return;
        }
        for (y, index, row) in &shown {
            let (y, selected) = (*y, Some(*index) == selected);
            let mut line = table.line(row);
            if selected {
                line = line.patch_style(theme::selected_row(self.focused));
            }
            put_line(buf, body, y, &line);
        }
    }
}

/// Rows of a list that fit `area`, `(y, row index)`, starting at [`first_shown`].
pub fn visible_rows(
    selected: usize,
    len: usize,
    area: Rect,
    top: usize,
) -> impl Iterator<Item = (u16, usize)> {
    let first = first_shown(selected, len, usize::from(area.height), top);
    (area.top()..area.bottom()).zip(first..len)
}

/// The first row a list of `len` rows shows in `height` lines: `top` (the first row shown
/// last time) if the selection is still within the window from there, else scrolled just
/// enough to show it. Moving the selection within the window moves the marker, not the rows,
/// as in gitui or k9s: two lines to redraw instead of the whole list over a slow link.
pub fn first_shown(selected: usize, len: usize, height: usize, top: usize) -> usize {
    if height == 0 {
        return 0;
    }
    top.clamp(selected.saturating_sub(height - 1), selected)
        .min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};

    use super::*;

    /// Rows are numbers; the selected one is marked.
    fn columns() -> [Col<(u32, bool)>; 3] {
        let spec = |title, min, max, priority, align| Column {
            title,
            min,
            max,
            priority,
            align,
        };
        [
            Col {
                spec: spec("", 1, 1, 0, Align::Left),
                cell: |(_, selected)| {
                    let marker = if *selected { theme::SELECTED } else { " " };
                    (marker.to_owned(), Style::new())
                },
            },
            Col {
                spec: spec("n", 3, 3, 0, Align::Right),
                cell: |(n, _)| (n.to_string(), Style::new()),
            },
            Col {
                spec: spec("double", 6, 6, 1, Align::Left),
                cell: |(n, _)| ((n * 2).to_string(), theme::dim()),
            },
        ]
    }

    fn render(
        table: &ListTable<'_, (u32, bool), impl Fn(usize, bool) -> (u32, bool)>,
        width: u16,
    ) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 4));
        table.render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn cells_follow_their_columns_and_the_selection_scrolls_into_view() {
        let columns = columns();
        let rows = [10, 20, 30, 40, 50];
        let table = ListTable {
            columns: &columns,
            len: rows.len(),
            selected: 3,
            focused: true,
            marked: true,
            empty: "nothing",
            sorted: None,
            row: |i, selected| (rows[i], selected),
            top: None,
        };
        let buf = render(&table, 12);
        // Three body rows: scrolled so row 3 (40) is the last shown.
        let expected = Buffer::with_lines([
            "    n double",
            "   20 40    ",
            "   30 60    ",
            "▶  40 80    ",
        ]);
        for y in 0..4 {
            for x in 0..12 {
                assert_eq!(
                    buf[(x, y)].symbol(),
                    expected[(x, y)].symbol(),
                    "({x}, {y})"
                );
            }
        }
        assert!(buf[(4, 0)].modifier.contains(Modifier::UNDERLINED));
        assert_eq!(buf[(6, 1)].fg, Color::DarkGray);
        assert!(!buf[(3, 2)].modifier.contains(Modifier::REVERSED));
        assert!(buf[(3, 3)].modifier.contains(Modifier::REVERSED));
        // Too narrow for the third column: it is dropped with its cells, not shifted.
        let narrow = render(&table, 8);
        assert_eq!(narrow[(0, 3)].symbol(), "▶");
        assert_eq!(narrow[(4, 3)].symbol(), "0");
        assert_eq!(narrow[(5, 3)].symbol(), " ");
    }

    /// With the first row shown kept, moving up within the window moves the marker and the
    /// rows stay put; only leaving the window scrolls, just enough.
    #[test]
    fn the_rows_stay_put_while_the_selection_moves_within_them() {
        let columns = columns();
        let rows: Vec<u32> = (0..20).collect();
        let top = Cell::new(0);
        let draw = |selected: usize| {
            let table = ListTable {
                columns: &columns,
                len: rows.len(),
                selected,
                focused: true,
                marked: true,
                empty: "",
                sorted: None,
                row: |i, selected| (rows[i], selected),
                top: Some(&top),
            };
            let buf = render(&table, 12);
            let marker = (1..4).find(|&y| buf[(0, y)].symbol() == theme::SELECTED);
            let first = buf[(4, 1)].symbol().to_owned();
            (top.get(), marker, first)
        };
        // Three body rows. Down past the window: scrolled so the selection is the last row.
        assert_eq!(draw(5), (3, Some(3), "3".to_owned()));
        // Up within it: the marker moves, the rows do not.
        assert_eq!(draw(4), (3, Some(2), "3".to_owned()));
        assert_eq!(draw(3), (3, Some(1), "3".to_owned()));
        // Up past its top: scrolled by one, the selection first.
        assert_eq!(draw(2), (2, Some(1), "2".to_owned()));
        // Down within it again, then the list shrinks under the kept top (a filter).
        assert_eq!(draw(4), (2, Some(3), "2".to_owned()));
        assert_eq!(first_shown(1, 2, 3, 2), 0);
        assert_eq!(first_shown(0, 0, 3, 7), 0);
        assert_eq!(first_shown(9, 20, 0, 5), 0);
    }

    #[test]
    fn the_sorted_column_gets_its_arrow_without_losing_its_title() {
        let columns = columns();
        let rows = [(7, false)];
        let row_refs: Vec<&(u32, bool)> = rows.iter().collect();
        // "n" is 3 wide at most; sorted, it is widened for "n↓" rather than cut.
        let table = Table::fitting_sorted(&columns, 12, &row_refs, Some((1, "↓")));
        assert_eq!(
            table.header_sorted(Some((1, "↓"))).to_string(),
            "   n↓ double"
        );
        // Too narrow for the title and the arrow: the arrow stays, the title gives way.
        let narrow = Table::new(&columns, 12);
        let header = narrow.header_sorted(Some((2, "↑"))).to_string();
        assert_eq!(header, "    n doub…↑");
        // Continuation lines of a wrapped row carry the mark in the first column.
        let wrapped: Vec<String> = narrow
            .wrapped_lines(&(1_234_567, true))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(wrapped.len(), 2, "{wrapped:?}");
        assert!(wrapped[1].starts_with(theme::CONTINUED), "{wrapped:?}");
    }

    #[test]
    fn an_empty_list_says_so_under_its_header() {
        let columns = columns();
        let table = ListTable {
            columns: &columns,
            len: 0,
            selected: 0,
            focused: false,
            marked: true,
            empty: "nothing",
            sorted: None,
            row: |_, _| (99, true),
            top: None,
        };
        let buf = render(&table, 12);
        let line = |y: u16| (0..12).map(|x| buf[(x, y)].symbol()).collect::<String>();
        assert_eq!(line(0), "    n double");
        assert_eq!(line(1), "  nothing   ");
        assert_eq!(line(2), " ".repeat(12));
    }
}
