//! The big figures row: the quarter's signed projects, signed amount and started projects
//! against their targets, and stalled approvals; each with its word (ON TARGET, ON PACE,
//! BEHIND, NO TARGET). In wall mode, with room, the numbers are drawn in block digits.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::domain::aggregate::{QuarterFigures, StalledApproval};
use crate::domain::metric::Metric;
use crate::i18n::{Labels, Lang};
use crate::ui::text::{percent_pair, put_line, whole_groups};
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
    /// Under block digits, in place of word and `beside`: a sentence that names the figure
    /// itself, where word and `beside` do not read without it (stalled approvals).
    sentence: Option<String>,
    style: Style,
}

/// One metric's card: the figure against its target, the share reached and the pace.
fn metric_card(labels: &'static Labels, q: &QuarterFigures, metric: Metric, lang: Lang) -> Card {
    let (l, c) = (&labels.figures, &labels.common);
    let name = c.metric(metric);
    let suffix = format!(" {}", (l.quarter)(q.quarter));
    let figure = q.metric(metric);
    let (beside, detail) = match figure.ratio {
        Some(ratio) => {
            let (reached, pace) = percent_pair(ratio, q.elapsed_share);
            (reached, (l.pace)(&pace))
        }
        None => (String::new(), String::new()),
    };
    Card {
        title: format!("{}{suffix}", name.with_unit(name.full)),
        short_title: format!("{}{suffix}", name.with_unit(name.short)),
        value: figure.text(|amount| lang.money(amount)),
        unit: name.unit.unwrap_or_default(),
        beside,
        detail,
        sentence: None,
        word: c.progress(figure.progress),
        style: theme::progress(figure.progress),
    }
}

fn cards(app: &App) -> [Card; 4] {
    let lang = app.settings.lang;
    let labels = lang.labels();
    let (l, c) = (&labels.figures, &labels.common);
    let Some(data) = app.data() else {
        let [signed, amount, started] = Metric::ALL.map(|metric| {
            let name = c.metric(metric);
            (name.full, name.short)
        });
        return [
            signed,
            amount,
            started,
            (l.stalled_approvals, l.stalled_short),
        ]
        .map(|(title, short)| Card {
            title: title.to_owned(),
            short_title: short.to_owned(),
            value: "-".to_owned(),
            unit: "",
            beside: String::new(),
            detail: String::new(),
            sentence: None,
            word: l.no_data_word,
            style: theme::dim(),
        });
    };
    let s = &data.summary;
    let stalled = u32::try_from(s.stalled.len()).unwrap_or(u32::MAX);
    let worst = s
        .stalled
        .first()
        .map(StalledApproval::overdue_by)
        .unwrap_or_default();
    let [signed, amount, started] =
        Metric::ALL.map(|metric| metric_card(labels, &s.quarter, metric, lang));
    [
        signed,
        amount,
        started,
        Card {
            title: l.stalled_approvals.to_owned(),
            short_title: l.stalled_short.to_owned(),
            value: stalled.to_string(),
            unit: "",
            beside: (l.of_pending)(s.pending_approvals),
            sentence: Some((l.stalled_of_pending)(stalled, s.pending_approvals)),
            detail: if worst > 0 {
                (l.worst_overdue)(worst)
            } else {
                String::new()
            },
            word: if stalled > 0 {
                c.stalled_word
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
    // Numbers and words are never cut: a phrase that does not fit whole is left out.
    let width = usize::from(inner.width);
    let word = vec![Span::styled(card.word, card.style)];
    let detail = if card.detail.is_empty() {
        Vec::new()
    } else {
        vec![Span::styled(format!(" · {}", card.detail), theme::dim())]
    };
    let gap = if card.beside.starts_with(char::is_alphabetic) {
        " "
    } else {
        "  "
    };
    let beside = if card.beside.is_empty() {
        Vec::new()
    } else {
        vec![Span::raw(format!("{gap}{}", card.beside))]
    };
    if large && inner.height > digits::HEIGHT && digits::fits(&card.value, inner.width) {
        for (i, row) in digits::render(&card.value).into_iter().enumerate() {
            let y = inner.y + u16::try_from(i).unwrap_or(0);
            put_line(buf, inner, y, &row.style(card.style).centered());
        }
        // Under block digits the sentence must carry its own number ("26 stalled of 50").
        let lead = match &card.sentence {
            Some(sentence) => vec![vec![Span::styled(sentence.clone(), card.style)]],
            None => vec![word, beside],
        };
        let words = whole_groups([lead, vec![detail]].concat(), width).centered();
        put_line(buf, inner, inner.y + digits::HEIGHT, &words);
        return;
    }
    let unit = if card.unit.is_empty() {
        Vec::new()
    } else {
        vec![Span::raw(format!(" {}", card.unit))]
    };
    let value = vec![Span::styled(card.value.clone(), theme::title())];
    put_line(
        buf,
        inner,
        inner.y,
        &whole_groups(vec![value, unit, beside], width),
    );
    put_line(
        buf,
        inner,
        inner.y + 1,
        &whole_groups(vec![word, detail], width),
    );
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
