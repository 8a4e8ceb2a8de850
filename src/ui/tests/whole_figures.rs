//! Truncation never changes meaning: at every size from 60x16 to 400x120, in every view and
//! both languages, a figure the model shows (a count, a ratio, a percentage, an amount, a date,
//! days overdue) is on screen whole. A figure-shaped token on screen must be one the model
//! produces, and none may be cut into an ellipsis.

use std::collections::HashSet;

use proptest::prelude::*;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::*;
use crate::lang::Lang;
use crate::ui::{figures, signings, stalled, targets};

/// Characters a figure is made of: digits and the marks that join them ("66/100", "72%",
/// "+207", "49.78", "2026-11-29").
fn figure_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '/' | '%' | '+' | '-')
}

/// Figure-shaped tokens of a line with what follows each: runs of figure characters holding a
/// digit, not glued to letters (`Q4`, `T500`, `1bn+` are labels, not figures).
fn tokens(line: &str) -> Vec<(String, Option<char>)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !figure_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && figure_char(chars[i]) {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let token = token.trim_matches('-').to_owned();
        let before = start.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i).copied();
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && c != '…');
        if token.chars().any(|c| c.is_ascii_digit()) && !glued(before) && !glued(after) {
            out.push((token, after));
        }
    }
    out
}

/// The rows of a buffer as text, wide characters once.
fn rows(buf: &Buffer) -> Vec<String> {
    text(buf)
        .lines()
        .map(|l| l.trim_matches('"').to_owned())
        .collect()
}

/// Every figure the model can show, written as the views write it: each part drawn at a width
/// where nothing needs to give way.
fn model_figures(app: &App) -> HashSet<String> {
    let mut lines: Vec<String> = Vec::new();
    let Some(data) = app.data() else {
        return HashSet::new();
    };
    let lang = app.settings.lang;
    let wide = 2000;
    let all = usize::MAX;
    let to_text = |l: Line<'_>| l.to_string();
    lines.extend(
        targets::quarter_lines(lang, &data.summary, wide)
            .into_iter()
            .map(to_text),
    );
    lines.push(to_text(targets::ytd_line(lang, &data.summary, wide)));
    lines.extend(
        signings::latest_lines(app, wide, all)
            .into_iter()
            .map(to_text),
    );
    lines.extend(
        stalled::worst_lines(app, wide, all)
            .into_iter()
            .map(to_text),
    );
    for size in [
        figures::FigureSize::Text,
        figures::FigureSize::choose(app, wide, 40),
    ] {
        let mut buf = Buffer::empty(Rect::new(0, 0, wide, size.height()));
        figures::FiguresPanel { app, size }.render(buf.area, &mut buf);
        lines.extend(rows(&buf));
    }
    // The same view on a screen where nothing has to give way (labels such as "Top 500").
    lines.extend(rows(&buffer(app, wide, 400)));
    let mut buf = Buffer::empty(Rect::new(0, 0, wide, 200));
    targets::render_breakdowns(app, buf.area, &mut buf, false);
    lines.extend(rows(&buf));
    let mut figures: HashSet<String> = lines
        .iter()
        .flat_map(|l| tokens(l))
        .map(|(t, _)| t)
        .collect();
    // List counts in panel titles ("12 of 40"), positions on their borders ("3/12"), panel
    // numbers, "+N more" and the projects' own dates in the detail view.
    let counts = data.summary.signings.len().max(data.summary.stalled.len());
    figures.extend((0..=counts).map(|n| n.to_string()));
    figures.extend((0..=counts).map(|n| format!("+{n}")));
    figures.extend((1..=counts).flat_map(|n| (1..=n).map(move |at| format!("{at}/{n}"))));
    for project in &data.snapshot.projects {
        let dates = [project.signed_on, project.started_on];
        figures.extend(dates.into_iter().flatten().map(|d| d.to_string()));
        for approval in &project.approvals {
            figures.insert(approval.submitted_on.to_string());
            figures.extend(approval.decided_on.map(|d| d.to_string()));
        }
    }
    figures
}

/// The app in `lang`, in the view numbered `view`: panels 1-3, the detail and the two trends
/// pages for the operator, or the wall's six views in turn.
fn app_in_view(lang: Lang, wall: bool, view: usize) -> App {
    let (mut app, start) = empty_app(wall);
    app.settings.lang = lang;
    app.update(crate::testing::loaded(
        crate::testing::previous_fixture(),
        NOW,
    ));
    app.update(crate::testing::loaded(crate::testing::fixture(), NOW));
    if wall {
        // One view per interval, one step at a time.
        for step in 1..=u64::try_from(view).unwrap_or(0) {
            app.update(Action::Tick {
                now: at(NOW),
                at: start + Duration::from_secs(20 * step),
            });
        }
    } else {
        let key = ['1', '2', '3', '3', 't', 't'][view];
        keys(&mut app, &[KeyCode::Char(key)]);
        match view {
            3 => keys(&mut app, &[KeyCode::Enter]),
            5 => keys(&mut app, &[KeyCode::Tab]),
            _ => {}
        }
    }
    app
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_figure_shown_is_shown_whole(
        width in 60u16..=400,
        height in 16u16..=120,
        zh in any::<bool>(),
        wall in any::<bool>(),
        view in 0usize..6,
    ) {
        let lang = if zh { Lang::Zh } else { Lang::En };
        let app = app_in_view(lang, wall, view);
        let figures = model_figures(&app);
        let buf = buffer(&app, width, height);
        let header_rows = usize::from(ui::header::HeaderPanel { app: &app }.height(width, 3));
        // The header says times and ages, not figures of the model; the footer names keys.
        let screen = rows(&buf);
        let body = &screen[header_rows..screen.len() - 1];
        for row in body {
            for (token, after) in tokens(row) {
                prop_assert!(after != Some('…'), "{token} cut in {row:?}");
                prop_assert!(figures.contains(&token), "{token} is not a figure: {row:?}");
            }
        }
    }
}
