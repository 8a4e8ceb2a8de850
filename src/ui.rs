//! Drawing: a pure function of what [`App`] holds. No clock reads, no aggregation, no IO; a
//! frame lays out rows that `App` computed when data, filter or sort changed.
//!
//! ```text
//! ┌───────────────────────────────────────────────────────────────────────────┐
//! │ INVESTBOARD · investment promotion   Q4 2026 · 32 days left   10:00:00    │ header: 2-3 rows
//! │  FRESH  data 12 s old · checked 09:59:50 · feed error … retry in 20 s   │ (status wraps)
//! ├ Signed projects ──┬ Signed amount 亿 ─┬ Started projects ─┬ Stalled ───────┤ figures: 4 rows
//! │ 3/8  38%          │ 208.8/300 亿  70% │ 1                 │ 4 of 7 pending │ (wall, room: 9,
//! │ BEHIND · pace 65% │ ON PACE · pace …  │ NO TARGET         │ STALLED · …    │  block digits)
//! ├───────────────────┴───────────────────┴───────────────────┴────────────────┤
//! │ wide (>= 120 x 24 body)                │ narrow                            │
//! │ ┌ 1 Signings ─────────┐┌ 2 Targets ───┐│  [1 Signings]  2 Targets  3 …     │ tab bar
//! │ │ date project … 亿   ││ Q1 ███ 118%  ││ ┌ focused panel ────────────────┐ │
//! │ └─────────────────────┘└──────────────┘│ │                               │ │
//! │ ┌ 3 Stalled approvals ───────────────┐ │ └───────────────────────────────┘ │
//! │ └────────────────────────────────────┘ │                                   │
//! │          help (?) and detail (Enter) replace the whole body               │
//! ├───────────────────────────────────────────────────────────────────────────┤
//! │ Tab panel · j move · Enter open · / filter · …  (wall: views and HOLD)    │ footer: 1 row
//! └───────────────────────────────────────────────────────────────────────────┘
//! ```
//!
//! Wall mode keeps header and figures, puts the newest changes under them ("just in", once
//! there are any) and rotates the body through overview, signings, targets, stalled, trends
//! and pipeline. `t` (trends), `c` (changes) and `e` (rejected records) replace the body like
//! help. Below [`MIN_WIDTH`] x [`MIN_HEIGHT`] the figures are drawn as one summary line (as
//! `status` words them) above what size the dashboard needs.

pub mod banner;
pub mod changes;
pub mod detail;
pub mod digits;
pub mod export;
pub mod figures;
pub mod glyphs;
pub mod header;
pub mod help;
pub mod hit;
pub mod labels;
pub mod overview;
pub mod palette;
pub mod pipeline;
pub mod rejected;
pub mod signings;
pub mod stalled;
pub mod table;
pub mod targets;
pub mod text;
pub mod theme;
pub mod trends;

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::health::Freshness;
use crate::app::keys::{Command, InputMode};
use crate::app::lists::{ListView, Scope, SortColumn, Working};
use crate::app::wall::{Rotation, WallView};
use crate::app::{App, Notice, Overlay, Panel, TrendsPage};
use crate::export::ExportError;
use crate::i18n::Labels;
use crate::sanitize::{SafeText, truncate_to_width};
use crate::ui::labels::Labelled;
use crate::ui::table::{Col, ListTable};
use crate::ui::text::put_line;

/// Smallest terminal the dashboard draws in; below it a notice says what is needed.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole screen for `app` into the frame.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
}

/// Draws the whole screen into `buf` (for tests and for [`render`]).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, area, buf);
        finish(app, area, buf);
        return;
    }
    let header = header::HeaderPanel { app };
    let (
        size,
        banner,
        [
            header_area,
            banner_area,
            figures_area,
            just_in_area,
            body,
            footer,
        ],
    ) = screen_layout(app, area);
    header.render(header_area, buf);
    if let Some(banner) = &banner {
        banner.render(banner_area, buf);
    }
    figures::FiguresPanel { app, size }.render(figures_area, buf);
    changes::JustInStrip { app }.render(just_in_area, buf);
    match &app.overlay {
        Overlay::Help { scroll } => help::HelpPanel {
            wall: app.settings.wall,
            keys: &app.keys,
            lang: app.settings.lang,
            ages: app.settings.ages,
            rejections: app.settings.rejections,
            targets: app.settings.appearance.targets,
            scroll: *scroll,
        }
        .render(body, buf),
        Overlay::Rejected { scroll } => rejected::RejectedPanel {
            app,
            scroll: *scroll,
        }
        .render(body, buf),
        Overlay::Trends { page } => trends::TrendsPanel {
            app,
            page: *page,
            overlay: true,
        }
        .render(body, buf),
        Overlay::Changes { scroll } => changes::ChangesPanel {
            app,
            scroll: *scroll,
        }
        .render(body, buf),
        Overlay::Detail {
            project,
            approval,
            scroll,
            elapsed,
        } => detail::DetailPanel {
            app,
            project: *project,
            approval: *approval,
            scroll: *scroll,
            elapsed,
        }
        .render(body, buf),
        Overlay::None => match app.wall_view() {
            Some(view) => wall_body(app, view, body, buf),
            None => panels(app, body, buf),
        },
    }
    match &app.rotation {
        Some(rotation) => wall_footer(app, rotation.view, rotation.is_held(), footer, buf),
        None => hints(app, footer, buf),
    }
    finish(app, area, buf);
}

/// Colours are drawn as the dark 16-colour roles and glyphs as Unicode; here both are mapped
/// to the theme, the depth and the font's glyphs.
fn finish(app: &App, area: Rect, buf: &mut Buffer) {
    palette::apply(app.settings.appearance, area, buf);
    glyphs::apply(app.settings.appearance.glyphs, area, buf);
}

/// The screen's rows, top to bottom: header, the wall's banner, figures, the wall's 'just in'
/// strip, body, footer; with
/// the figures' size and the banner they were laid out for (the screen is at least the
/// minimum). Drawing and mouse clicks (`hit`) lay the screen out the same way here.
fn screen_layout(
    app: &App,
    area: Rect,
) -> (figures::FigureSize, Option<banner::Banner<'_>>, [Rect; 6]) {
    let header = header::HeaderPanel { app };
    let large = app.settings.wall && area.height >= 40 && area.width >= 120;
    // The wall's figures take up to two fifths of the screen, as large as that allows.
    let size = if large {
        figures::FigureSize::choose(app, area.width, area.height * 2 / 5)
    } else {
        figures::FigureSize::Text
    };
    let banner = app
        .settings
        .wall
        .then(|| banner::Banner::for_wall(app, area.width, area.height, large))
        .flatten();
    let just_in = if app.settings.wall {
        changes::just_in_height(app, area)
    } else {
        0
    };
    let areas = area.layout(&Layout::vertical([
        Constraint::Length(header.height(area.width, 3)),
        Constraint::Length(banner.as_ref().map_or(0, banner::Banner::height)),
        Constraint::Length(size.height()),
        Constraint::Length(just_in),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    (size, banner, areas)
}

/// The label set the app is drawn in.
fn labels(app: &App) -> &'static Labels {
    app.settings.lang.labels()
}

/// Below the minimum size: the figures in one line, as the `status` summary words them
/// (freshness, stalled approvals, the quarter's signings and amount, starts), wrapped by whole
/// phrases; then what size the dashboard needs.
fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let l = labels(app);
    let width = usize::from(area.width);
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (i, (phrase, style)) in tiny_summary(app).into_iter().enumerate() {
        // The freshness badge stands apart; the figures are joined as `status` joins them.
        let lead = match i {
            0 => "",
            1 => " ",
            _ => l.status.separator,
        };
        let w = phrase.width() + lead.width();
        if !line.is_empty() && used + w > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if !line.is_empty() {
            line.push(Span::raw(lead));
        }
        used += w;
        line.push(Span::styled(phrase, style));
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    let mut need = (l.panels.too_small)(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
    if need.width() > width {
        need = (l.panels.too_small_short)(MIN_WIDTH, MIN_HEIGHT);
    }
    let summary_rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let y = area.y + area.height.saturating_sub(summary_rows) / 2;
    for (line, y) in lines.iter().zip(y..area.bottom()) {
        put_line(buf, area, y, &line.clone().centered());
    }
    let below = y.saturating_add(summary_rows).saturating_add(1);
    if below < area.bottom() {
        Paragraph::new(Line::styled(need, theme::dim()))
            .centered()
            .wrap(Wrap { trim: true })
            .render(
                Rect {
                    y: below,
                    height: area.bottom() - below,
                    ..area
                },
                buf,
            );
    }
}

/// The phrases of the one-line summary, each with its style; whole figures only.
fn tiny_summary(app: &App) -> Vec<(String, ratatui::style::Style)> {
    use crate::domain::metric::Metric;
    let lang = app.settings.lang;
    let l = lang.labels();
    let freshness = app.freshness();
    let mut phrases = vec![(
        format!(" {} ", freshness.label(l)),
        theme::freshness(freshness),
    )];
    let Some(data) = app.data() else {
        return phrases;
    };
    let q = &data.summary.quarter;
    let figure = |metric: Metric| {
        let figure = q.metric(metric);
        let mut text = figure.text(|amount| lang.money(amount));
        if metric.is_money() {
            text = format!("{text} {}", l.common.money_unit);
        }
        if figure.zero_target() {
            text = format!("{text} ({})", l.common.zero_target);
        }
        text
    };
    let stalled = data.summary.stalled.len();
    let stalled_style = if stalled > 0 {
        theme::stalled()
    } else {
        ratatui::style::Style::new()
    };
    let signed = (l.status.quarter_signed)(
        q.quarter,
        &figure(Metric::SignedProjects),
        &figure(Metric::SignedAmount),
    );
    let started = (l.status.started)(&figure(Metric::StartedProjects));
    phrases.push((signed, ratatui::style::Style::new()));
    phrases.push((started, ratatui::style::Style::new()));
    phrases.push(((l.status.stalled_approvals)(stalled), stalled_style));
    phrases
}

fn is_wide(body: Rect) -> bool {
    body.width >= 120 && body.height >= 24
}

/// All three panels when there is room, else a tab bar and the focused panel.
fn panels(app: &App, body: Rect, buf: &mut Buffer) {
    if is_wide(body) {
        all_panels(app, body, buf, true);
        return;
    }
    let [tabs_area, panel] = body.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    tabs(app, tabs_area, buf);
    panel_widget(app, app.focus, true, panel, buf);
}

fn all_panels(app: &App, body: Rect, buf: &mut Buffer, show_focus: bool) {
    let focused = |panel: Panel| show_focus && app.focus == panel;
    for (panel, area) in Panel::ALL.into_iter().zip(all_panel_areas(app, body)) {
        panel_widget(app, panel, focused(panel), area, buf);
    }
}

/// Where the three panels go when all show: signings and targets side by side, the stalled
/// list below, taking the rows it needs (frame, buckets, header, rows), at most 45%.
fn all_panel_areas(app: &App, body: Rect) -> [Rect; 3] {
    let stalled_rows = app.stalled.rows.len().max(3) + 4;
    let most = usize::from(body.height) * 45 / 100;
    let bottom_height = u16::try_from(stalled_rows.min(most)).unwrap_or(0);
    let [top, bottom] = body.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(bottom_height),
    ]));
    let [left, right] = top.layout(&Layout::horizontal([
        Constraint::Percentage(58),
        Constraint::Fill(1),
    ]));
    [left, right, bottom]
}

fn panel_widget(app: &App, panel: Panel, focused: bool, area: Rect, buf: &mut Buffer) {
    match panel {
        Panel::Signings => signings::SigningsPanel { app, focused }.render(area, buf),
        Panel::Targets => targets::TargetsPanel { app, focused }.render(area, buf),
        Panel::Stalled => stalled::StalledPanel { app, focused }.render(area, buf),
    }
}

fn wall_body(app: &App, view: WallView, body: Rect, buf: &mut Buffer) {
    let held = app.rotation.as_ref().is_some_and(Rotation::is_held);
    match view {
        WallView::Overview if is_wide(body) => all_panels(app, body, buf, false),
        WallView::Overview => overview::OverviewPanel { app }.render(body, buf),
        WallView::Signings => panel_widget(app, Panel::Signings, held, body, buf),
        WallView::Targets => panel_widget(app, Panel::Targets, held, body, buf),
        WallView::Stalled => panel_widget(app, Panel::Stalled, held, body, buf),
        WallView::Trends => trends::TrendsPanel {
            app,
            page: TrendsPage::Progress,
            overlay: false,
        }
        .render(body, buf),
        WallView::Pipeline => trends::TrendsPanel {
            app,
            page: TrendsPage::Pipeline,
            overlay: false,
        }
        .render(body, buf),
    }
}

fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    for (panel, text) in tab_texts(app) {
        if panel == app.focus {
            spans.push(Span::styled(text, theme::selected_row(true)));
        } else {
            spans.push(Span::styled(text, theme::dim()));
        }
        spans.push(Span::raw(" "));
    }
    put_line(buf, area, area.y, &Line::from(spans));
}

/// The tab bar's tabs as drawn after its leading space, each followed by a space:
/// `[1 Signings]` for the focused one, ` 2 Targets ` for the others.
fn tab_texts(app: &App) -> impl Iterator<Item = (Panel, String)> + '_ {
    Panel::ALL.into_iter().enumerate().map(|(i, panel)| {
        let label = format!("{} {}", i + 1, panel.label(labels(app)));
        let text = if panel == app.focus {
            format!("[{label}]")
        } else {
            format!(" {label} ")
        };
        (panel, text)
    })
}

fn hints(app: &App, area: Rect, buf: &mut Buffer) {
    let l = labels(app);
    if app.input == InputMode::Filter {
        let line = Line::from(vec![
            Span::styled(format!(" {}", l.footer.filter_prompt), theme::title()),
            Span::raw(app.filter().to_owned()),
            Span::styled("_", theme::selected_row(true)),
            Span::styled(format!("   {}", l.footer.filter_keys), theme::dim()),
        ]);
        put_line(buf, area, area.y, &line);
        return;
    }
    if let Some(notice) = &app.notice {
        let (text, style) = match notice {
            Notice::Copied(id) => ((l.nav.copied)(id), theme::title()),
            Notice::Exported(path) => (
                (l.nav.exported)(&path.display().to_string()),
                theme::title(),
            ),
            Notice::ExportFailed(why) => (
                (l.nav.export_failed)(&export_error(l, why)),
                theme::stalled(),
            ),
        };
        let text = SafeText::new(&text);
        let text = truncate_to_width(text.as_str(), usize::from(area.width.saturating_sub(1)));
        put_line(buf, area, area.y, &Line::styled(format!(" {text}"), style));
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    // Help and quit first: they must survive a narrow terminal.
    let mut ordered: Vec<_> = app.keys.iter().collect();
    ordered.sort_by_key(|(command, _)| !matches!(command, Command::Help | Command::Quit));
    let mut used = 0;
    for (command, keys) in ordered {
        let (Some(hint), Some(key)) = (labels::command(l, command).hint, keys.first()) else {
            continue;
        };
        if !offered(app, command) {
            continue;
        }
        let name = key.name();
        // Whole hints only: a cut-off one reads as a different key.
        used += 3 + name.width() + 1 + hint.width();
        if used > usize::from(area.width) {
            break;
        }
        if spans.len() > 1 {
            spans.push(Span::styled(" · ", theme::dim()));
        }
        spans.push(Span::styled(name, theme::title()));
        spans.push(Span::raw(format!(" {hint}")));
    }
    put_line(buf, area, area.y, &Line::from(spans));
}

/// Why an export failed, in the user's language.
fn export_error(l: &Labels, error: &ExportError) -> String {
    let nav = &l.nav;
    match error {
        ExportError::Missing(dir) => (nav.export_missing)(dir),
        ExportError::Denied(dir) => (nav.export_denied)(dir),
        ExportError::Full(dir) => (nav.export_full)(dir),
        ExportError::ReadOnly(dir) => (nav.export_read_only)(dir),
        ExportError::NotADirectory(dir) => (nav.export_not_a_directory)(dir),
        ExportError::TooMany(dir) => (nav.export_too_many)(dir),
        ExportError::Other { text, dir } => format!("{text} ({dir})"),
    }
}

/// Whether a command does something where the focus is: the hint bar offers only those.
fn offered(app: &App, command: Command) -> bool {
    let list = app.focus != Panel::Targets;
    match command {
        Command::Filter
        | Command::Sort
        | Command::SortReverse
        | Command::Copy
        | Command::Export => list,
        Command::Expand => !list,
        _ => true,
    }
}

fn wall_footer(app: &App, view: WallView, held: bool, area: Rect, buf: &mut Buffer) {
    let l = labels(app);
    let mut spans = vec![Span::raw(" ")];
    for (i, v) in WallView::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::dim()));
        }
        if v == view {
            spans.push(Span::styled(format!("[{}]", v.label(l)), theme::title()));
        } else {
            spans.push(Span::styled(v.label(l), theme::dim()));
        }
    }
    put_line(buf, area, area.y, &Line::from(spans));
    // A discreet countdown, so the room knows the view is about to change, not stuck.
    if let Some(next) = app.next_view_in() {
        let lang = app.settings.lang;
        let countdown = (l.footer.next_view)(&lang.short_duration(next));
        let line = Line::styled(format!("{countdown} "), theme::dim()).right_aligned();
        put_line(buf, area, area.y, &line);
    }
    if held {
        let resume = (l.footer.resume_key)(&app.keys.key_name(Command::HoldRotation));
        let badge = Line::from(vec![
            Span::styled(format!(" {} ", l.footer.hold_badge), theme::hold_badge()),
            Span::styled(format!(" {resume} "), theme::dim()),
        ])
        .right_aligned();
        put_line(buf, area, area.y, &badge);
    }
}

/// The frame of a view that replaces the body (rejected records, changes, trends): thick, with
/// its title, and the keys that close it (`toggle` or Close) at the bottom right. Returns the
/// area inside it.
fn overlay_frame(app: &App, title: &str, toggle: Command, area: Rect, buf: &mut Buffer) -> Rect {
    let labels = labels(app);
    let close = (labels.help.close)(
        &app.keys.key_name(toggle),
        &app.keys.key_name(Command::Close),
    );
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme::focused_border())
        .title(Span::styled(format!(" {title} "), theme::title()))
        .title_bottom(Line::styled(format!(" {close} "), theme::dim()).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A plain frame titled in bold; returns the area inside it.
fn titled_frame(title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A panel's frame: thick and coloured when focused (the shape says it without colour).
fn panel_block(app: &App, panel: Panel, focused: bool, extra: String) -> Block<'static> {
    let number = Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0) + 1;
    let title = format!(" {number} {}{extra} ", panel.label(labels(app)));
    let block = Block::bordered().title(Span::styled(title, theme::title()));
    if focused {
        block
            .border_type(BorderType::Thick)
            .border_style(theme::focused_border())
    } else {
        block
    }
}

/// A list panel's frame: the row count, sort (with its direction), drill-down scope and
/// filter in the title, and the selection's position (`12/406`) on the bottom border.
fn list_block<C>(app: &App, panel: Panel, focused: bool, list: &ListView<C>) -> Block<'static>
where
    C: SortColumn + Labelled,
{
    let all = labels(app);
    let l = &all.panels;
    let (shown, total) = (list.rows.len(), list.total());
    let narrowed = !list.filter.is_empty() || list.scope.is_some();
    let count = if narrowed {
        format!(" ({})", (l.shown_of)(shown, total))
    } else {
        format!(" ({total})")
    };
    let sort = list.sort;
    let mut extra = format!(
        "{count} · {}: {}{}",
        l.sort,
        sort.column.label(all),
        sort.direction.arrow()
    );
    if let Some(scope) = &list.scope {
        let _ = write!(extra, " · {}", scope_text(all, scope));
    }
    if !list.filter.is_empty() {
        let _ = write!(extra, " · {}: ", l.filter);
        extra.push_str(&truncate_to_width(&list.filter, 24));
    }
    // The count and rows are those of before until the work ends: never shown as final.
    match list.working() {
        Some(Working::Sorting) => {
            let _ = write!(extra, " · {}", l.sorting);
        }
        Some(Working::Filtering) => {
            let _ = write!(extra, " · {}", l.filtering);
        }
        None => {}
    }
    let block = panel_block(app, panel, focused, extra);
    if shown == 0 {
        return block;
    }
    let position = format!(" {}/{shown} ", list.selected + 1);
    block.title_bottom(Line::styled(position, theme::dim()).right_aligned())
}

/// A drill-down's scope as the title says it: `District: Yuelu`.
fn scope_text(l: &Labels, scope: &Scope) -> String {
    let (field, none) = match scope {
        Scope::District(_) => (l.lists.col_district, l.targets.unassigned),
        Scope::Chain(_) => (l.lists.col_chain, l.targets.unassigned),
        Scope::Department(_) => (l.lists.col_department, l.nav.no_department),
    };
    let value = scope.value().map_or(none, SafeText::as_str);
    format!("{field}: {}", truncate_to_width(value, 24))
}

/// A list panel's table over its view: the rows the filter and sort leave, the selection, the
/// sorted column (`sorted`: its index in `columns`) and what it says when empty (`none`, or
/// `no_match` when a filter hides every row). `row` gets the index of the item behind each
/// shown row. `focused, marked`: the list has the focus; its selection is marked at all
/// ([`App::shows_selection`]).
fn list_table<'a, C: SortColumn, R>(
    list: &'a ListView<C>,
    columns: &'a [Col<R>],
    (focused, marked): (bool, bool),
    sorted: usize,
    (none, no_match): (&'a str, &'a str),
    row: impl Fn(usize, bool) -> R + 'a,
) -> ListTable<'a, R, impl Fn(usize, bool) -> R + 'a> {
    ListTable {
        columns,
        len: list.rows.len(),
        selected: list.selected,
        focused,
        marked,
        empty: if list.filter.is_empty() && list.scope.is_none() {
            none
        } else {
            no_match
        },
        sorted: Some((sorted, list.sort.direction.arrow())),
        row: move |position, selected| row(list.rows[position], selected),
        top: Some(&list.top),
    }
}

/// What a panel says before any data has arrived.
fn list_message(app: &App, area: Rect, buf: &mut Buffer) {
    let l = &labels(app).panels;
    let text = match (app.freshness(), &app.health.last_failure) {
        (Freshness::Loading, _) | (_, None) => l.waiting_first_feed_short.to_owned(),
        (_, Some(failure)) => (l.no_data_because)(&failure.message),
    };
    Paragraph::new(Line::styled(text, theme::dim()))
        .wrap(Wrap { trim: true })
        .render(area.intersection(buf.area), buf);
}

#[cfg(test)]
mod tests;
