//! The big figures row: the quarter's signed projects, signed amount and started projects
//! against their targets, and stalled approvals; each with its word (ON TARGET, ON PACE,
//! BEHIND, NO TARGET). In wall mode, with room, the numbers are drawn in block digits.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::domain::aggregate::{Progress, QuarterFigures, StalledApproval};
use crate::i18n::Labels;
use crate::ui::text::{percent, put_line};
use crate::ui::{digits, theme};

/// The figures row.
pub struct FiguresPanel<'a> {
    pub app: &'a App,
    /// Draw numbers in the block font where they fit.
    pub large: bool,
}

/// Rows the figures row wants: block digits need the font's height, a word row and borders.
pub fn height(large: bool) -> u16 {
    if large { digits::HEIGHT + 3 } else { 4 }
}

/// One card's content.
struct Card {
    title: String,
    /// For narrow cards.
    short_title: String,
    value: String,
    unit: &'static str,
    /// Beside the value: the share of target ("60%") or context ("of 8 pending").
    beside: String,
    word: &'static str,
    /// After the word: pace or the worst delay.
    detail: String,
    style: Style,
}

#[expect(
    clippy::too_many_arguments,
    reason = "one card's figures; a struct would only rename them"
)]
fn target_card(
    l: &'static Labels,
    (title, short_title): (String, String),
    actual: String,
    target: Option<String>,
    unit: &'static str,
    ratio: Option<f64>,
    progress: Progress,
    pace: f64,
) -> Card {
    let value = match &target {
        Some(target) => format!("{actual}/{target}"),
        None => actual,
    };
    let (beside, detail) = match ratio {
        Some(ratio) => (percent(ratio), (l.pace)(&percent(pace))),
        None => (String::new(), String::new()),
    };
    Card {
        title,
        short_title,
        value,
        unit,
        beside,
        detail,
        word: l.progress(progress),
        style: theme::progress(progress),
    }
}

fn cards(app: &App) -> [Card; 4] {
    let lang = app.settings.lang;
    let l = lang.labels();
    let unit = l.money_unit;
    let Some(data) = app.data() else {
        return [
            (l.signed_projects, l.signed_short),
            (l.signed_amount, l.amount_short),
            (l.started_projects, l.started_short),
            (l.stalled_approvals, l.stalled_short),
        ]
        .map(|(title, short)| Card {
            title: title.to_owned(),
            short_title: short.to_owned(),
            value: "-".to_owned(),
            unit: "",
            beside: String::new(),
            detail: String::new(),
            word: l.no_data_word,
            style: theme::dim(),
        });
    };
    let s = &data.summary;
    let q: &QuarterFigures = &s.quarter;
    let suffix = format!(" {}", (l.quarter)(q.quarter));
    let pace = q.elapsed_share;
    let stalled = u32::try_from(s.stalled.len()).unwrap_or(u32::MAX);
    let worst = s
        .stalled
        .first()
        .map(StalledApproval::overdue_by)
        .unwrap_or_default();
    [
        target_card(
            l,
            (
                format!("{}{suffix}", l.signed_projects),
                format!("{}{suffix}", l.signed_short),
            ),
            q.actual.signed_projects.to_string(),
            q.target.signed_projects.map(|t| t.to_string()),
            "",
            q.signed_projects_ratio(),
            q.signed_projects_progress(),
            pace,
        ),
        target_card(
            l,
            (
                format!("{} {unit}{suffix}", l.signed_amount),
                format!("{} {unit}{suffix}", l.amount_short),
            ),
            lang.money(q.actual.signed_amount),
            q.target.signed_amount.map(|t| lang.money(t)),
            unit,
            q.signed_amount_ratio(),
            q.signed_amount_progress(),
            pace,
        ),
        target_card(
            l,
            (
                format!("{}{suffix}", l.started_projects),
                format!("{}{suffix}", l.started_short),
            ),
            q.actual.started_projects.to_string(),
            q.target.started_projects.map(|t| t.to_string()),
            "",
            q.started_projects_ratio(),
            q.started_projects_progress(),
            pace,
        ),
        Card {
            title: l.stalled_approvals.to_owned(),
            short_title: l.stalled_short.to_owned(),
            value: stalled.to_string(),
            unit: "",
            beside: (l.of_pending)(s.pending_approvals),
            detail: if worst > 0 {
                (l.worst_overdue)(worst)
            } else {
                String::new()
            },
            word: if stalled > 0 {
                l.stalled_word
            } else {
                l.none_word
            },
            style: if stalled > 0 {
                theme::stalled()
            } else {
                theme::dim()
            },
        },
    ]
}

fn render_card(card: &Card, large: bool, area: Rect, buf: &mut Buffer) {
    let title = if card.title.width() + 3 <= usize::from(area.width.saturating_sub(2)) {
        &card.title
    } else {
        &card.short_title
    };
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let word = Span::styled(card.word, card.style);
    // Numbers are never cut: the detail is left out when it does not fit whole.
    let detail_text = format!(" · {}", card.detail);
    let detail = if card.detail.is_empty()
        || card.word.width() + detail_text.width() > usize::from(inner.width)
    {
        Span::raw("")
    } else {
        Span::styled(detail_text, theme::dim())
    };
    let gap = if card.beside.starts_with(char::is_alphabetic) {
        " "
    } else {
        "  "
    };
    let beside = Span::raw(format!("{gap}{}", card.beside));
    if large && inner.height > digits::HEIGHT && digits::fits(&card.value, inner.width) {
        for (i, row) in digits::render(&card.value).into_iter().enumerate() {
            let y = inner.y + u16::try_from(i).unwrap_or(0);
            put_line(buf, inner, y, &row.style(card.style).centered());
        }
        let words = Line::from(vec![word, beside, detail]).centered();
        put_line(buf, inner, inner.y + digits::HEIGHT, &words);
        return;
    }
    let unit = if card.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", card.unit)
    };
    let value = Line::from(vec![
        Span::styled(card.value.clone(), theme::title()),
        Span::raw(unit),
        beside,
    ]);
    put_line(buf, inner, inner.y, &value);
    put_line(buf, inner, inner.y + 1, &Line::from(vec![word, detail]));
}

impl Widget for &FiguresPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let areas: [Rect; 4] = area.layout(&Layout::horizontal([Constraint::Fill(1); 4]));
        for (card, card_area) in cards(self.app).iter().zip(areas) {
            render_card(card, self.large, card_area, buf);
        }
    }
}
