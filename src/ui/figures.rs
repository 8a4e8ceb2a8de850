//! The big figures row: the quarter's signed projects, signed amount and started projects
//! against their targets, and stalled approvals; each with its word (ON TARGET, ON PACE,
//! BEHIND, NO TARGET). In wall mode, with room, the numbers are drawn in block digits as large
//! as the cards allow, one size for the whole row, with the state word big under them: in
//! block letters where the word is in the font (English), else as a coloured band (Chinese,
//! whose words no glyph table of ours can draw). Data that is no longer live never looks
//! live: STALE figures are hatched in grey, OFFLINE ones also struck through.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::health::Freshness;
use crate::domain::aggregate::{QuarterFigures, StalledApproval};
use crate::domain::metric::Metric;
use crate::i18n::{Labels, Lang};
use crate::ui::text::{percent_pair, put_line, whole_groups};
use crate::ui::{digits, theme};

/// The figures row.
pub struct FiguresPanel<'a> {
    pub app: &'a App,
    pub size: FigureSize,
}

/// How large the row's figures and state words are drawn: one choice for all four cards, so
/// a long amount never sits in small text beside big ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureSize {
    /// A line of text for the figure and one for its word (operators, small walls).
    Text,
    /// Block digits at `scale`, and the state word as `word` says.
    Block { scale: u16, word: WordSize },
}

/// How the state words are drawn under block digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordSize {
    /// Block letters at this scale, after a blank row.
    Letters(u16),
    /// A band of the state's colour, this many rows, the word bold in its middle row.
    Band(u16),
}

/// Largest block scale tried: 9 cells a digit row is already past any wall seen.
const MAX_SCALE: u16 = 6;

impl FigureSize {
    /// Rows the row takes: borders, digits, the word and one line of context.
    pub fn height(self) -> u16 {
        match self {
            FigureSize::Text => 4,
            FigureSize::Block { scale, word } => {
                let word = match word {
                    WordSize::Letters(scale) => 1 + digits::height(scale),
                    WordSize::Band(rows) => rows,
                };
                2 + digits::height(scale) + word + 1
            }
        }
    }

    /// The largest size at which every card's figure fits its card (`width` is the whole
    /// row's) and the row takes at most `max_height` rows; the word is drawn in letters no
    /// larger than a scale below the digits' (the figure leads), else as a band.
    pub fn choose(app: &App, width: u16, max_height: u16) -> FigureSize {
        // Before any data the cards hold a dash and NO DATA: nothing to draw big.
        if app.data().is_none() {
            return FigureSize::Text;
        }
        // The narrowest of the four cards (the layout splits the remainder) inside its borders.
        let inner = (width / 4).saturating_sub(2);
        let cards = cards(app);
        let fits_all = |scale, text: fn(&Card) -> &str| {
            cards.iter().all(|c| digits::fits(text(c), inner, scale))
        };
        for scale in (1..=MAX_SCALE).rev() {
            if !fits_all(scale, |c| &c.value) {
                continue;
            }
            let letters = (1..scale.max(2))
                .rev()
                .filter(|&w| fits_all(w, |c| c.word))
                .map(WordSize::Letters);
            for word in letters.chain([WordSize::Band(3), WordSize::Band(1)]) {
                let size = FigureSize::Block { scale, word };
                if size.height() <= max_height {
                    return size;
                }
            }
        }
        FigureSize::Text
    }
}

/// How far the data on screen can be trusted, as the figures show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Liveness {
    Live,
    Stale,
    Offline,
}

impl Liveness {
    fn of(app: &App) -> Liveness {
        match app.freshness() {
            Freshness::Stale => Liveness::Stale,
            Freshness::Offline => Liveness::Offline,
            Freshness::Loading | Freshness::Fresh | Freshness::Ageing => Liveness::Live,
        }
    }

    /// The style a card's figure and word take: their own while live, grey once not.
    fn style(self, live: Style) -> Style {
        match self {
            Liveness::Live => live,
            Liveness::Stale | Liveness::Offline => theme::not_live(),
        }
    }

    /// What block digits are filled with: hatched once the data is not live.
    fn fill(self) -> char {
        match self {
            Liveness::Live => '█',
            Liveness::Stale | Liveness::Offline => '░',
        }
    }
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
        None if figure.zero_target() => (format!("({})", c.zero_target), String::new()),
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

fn render_card(card: &Card, size: FigureSize, liveness: Liveness, area: Rect, buf: &mut Buffer) {
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
    let style = liveness.style(card.style);
    // Numbers and words are never cut: a phrase that does not fit whole is left out.
    let width = usize::from(inner.width);
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
    let beside = |gap: &str| {
        if card.beside.is_empty() {
            Vec::new()
        } else {
            vec![Span::styled(
                format!("{gap}{}", card.beside),
                liveness.style(Style::new()),
            )]
        }
    };
    if let FigureSize::Block { scale, word } = size {
        let mut y = inner.y;
        let rows = digits::render(&card.value, scale, liveness.fill());
        for row in &rows {
            put_line(buf, inner, y, &row.clone().style(style).centered());
            y = y.saturating_add(1);
        }
        if liveness == Liveness::Offline {
            strike(buf, inner, inner.y + digits::height(scale) / 2, &rows);
        }
        let rest = Rect {
            y,
            height: inner.bottom().saturating_sub(y),
            ..inner
        };
        y = draw_word(card.word, word, (style, liveness.fill()), rest, buf);
        // Under block digits the sentence must carry its own number ("26 stalled of 50").
        let lead = match &card.sentence {
            Some(sentence) => vec![Span::styled(sentence.clone(), style)],
            None => beside(""),
        };
        let words = whole_groups(vec![lead, detail], width).centered();
        put_line(buf, inner, y, &words);
        return;
    }
    let unit = if card.unit.is_empty() {
        Vec::new()
    } else {
        vec![Span::styled(
            format!(" {}", card.unit),
            liveness.style(Style::new()),
        )]
    };
    let value_style = match liveness {
        Liveness::Live => theme::title(),
        Liveness::Stale => theme::not_live(),
        Liveness::Offline => theme::not_live().add_modifier(Modifier::CROSSED_OUT),
    };
    let value = vec![Span::styled(card.value.clone(), value_style)];
    put_line(
        buf,
        inner,
        inner.y,
        &whole_groups(vec![value, unit, beside(gap)], width),
    );
    put_line(
        buf,
        inner,
        inner.y + 1,
        &whole_groups(vec![vec![Span::styled(card.word, style)], detail], width),
    );
}

/// Draws the state word from row `area.y` as `size` says, in `style` and (letters) `fill`;
/// returns the row after it.
fn draw_word(
    word: &str,
    size: WordSize,
    (style, fill): (Style, char),
    area: Rect,
    buf: &mut Buffer,
) -> u16 {
    match size {
        WordSize::Letters(scale) => {
            let mut y = area.y.saturating_add(1);
            for row in digits::render(word, scale, fill) {
                put_line(buf, area, y, &row.style(style).centered());
                y = y.saturating_add(1);
            }
            y
        }
        WordSize::Band(rows) => {
            let band = Style::new()
                .bg(style.fg.unwrap_or(Color::DarkGray))
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD);
            let middle = area.y + rows / 2;
            for y in area.y..area.y.saturating_add(rows) {
                let text = if y == middle {
                    format!("  {word}  ")
                } else {
                    String::new()
                };
                let line = Line::styled(text, band).centered();
                let row = Rect {
                    y,
                    height: 1,
                    ..area
                }
                .intersection(area);
                buf.set_style(row.intersection(buf.area), band);
                put_line(buf, area, y, &line);
            }
            area.y.saturating_add(rows)
        }
    }
}

/// OFFLINE: a red line through the middle of the block digits, across the figure's width.
fn strike(buf: &mut Buffer, area: Rect, y: u16, rows: &[Line<'_>]) {
    let figure = rows.first().map_or(0, Line::width);
    let figure = u16::try_from(figure).unwrap_or(area.width).min(area.width);
    let x = area.x + (area.width - figure) / 2;
    let line = Rect::new(x, y, figure, 1).intersection(area);
    for x in line.left()..line.right() {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_symbol("━").set_style(theme::strike());
        }
    }
}

impl Widget for &FiguresPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let liveness = Liveness::of(self.app);
        let areas: [Rect; 4] = area.layout(&Layout::horizontal([Constraint::Fill(1); 4]));
        for (card, card_area) in cards(self.app).iter().zip(areas) {
            render_card(card, self.size, liveness, card_area, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::app::Action;
    use crate::domain::amount::Amount;
    use crate::testing::{NOW, at, buffer_text, empty_app, failed, fixture, loaded};

    /// A wall app loaded with `snapshot` at [`NOW`].
    fn wall_with(snapshot: crate::domain::model::Snapshot) -> App {
        let (mut app, _) = empty_app(true);
        app.update(loaded(snapshot, NOW));
        app
    }

    fn draw(app: &App, width: u16, size: FigureSize) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, size.height()));
        FiguresPanel { app, size }.render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn figures_grow_with_the_wall_one_size_for_the_row() {
        let app = wall_with(fixture());
        // The amount "9.02/13" is the longest figure: it decides the scale for all four.
        let sizes = [(160, 18), (240, 26), (320, 36)].map(|(w, h)| FigureSize::choose(&app, w, h));
        let scales = sizes.map(|size| match size {
            FigureSize::Block { scale, .. } => scale,
            FigureSize::Text => 0,
        });
        assert!(
            scales[0] >= 1 && scales[0] < scales[1] && scales[1] < scales[2],
            "{sizes:?}"
        );
        // Too little height for block digits: text, for every card alike.
        assert_eq!(FigureSize::choose(&app, 320, 8), FigureSize::Text);
        // No data yet: no giant dashes.
        let (empty, _) = empty_app(true);
        assert_eq!(FigureSize::choose(&empty, 320, 36), FigureSize::Text);
    }

    #[test]
    fn a_long_amount_shrinks_every_card_instead_of_falling_back_to_text_alone() {
        let normal = wall_with(fixture());
        let mut rich = fixture();
        for project in &mut rich.projects {
            project.amount = Amount::from_fen(
                project
                    .amount
                    .units()
                    .saturating_mul(10_000)
                    .try_into()
                    .unwrap_or(u64::MAX),
            );
        }
        let rich = wall_with(rich);
        let (
            FigureSize::Block {
                scale: normal_scale,
                ..
            },
            FigureSize::Block {
                scale: rich_scale, ..
            },
        ) = (
            FigureSize::choose(&normal, 320, 36),
            FigureSize::choose(&rich, 320, 36),
        )
        else {
            unreachable!("block digits at 320 columns");
        };
        assert!(rich_scale < normal_scale, "{rich_scale} vs {normal_scale}");
        // Whatever the size, no card shows its figure as text beside block digits.
        for width in [120, 160, 200, 240, 320] {
            let size = FigureSize::choose(&rich, width, 36);
            let text = buffer_text(&draw(&rich, width, size));
            let blocks = text.contains('█');
            let value_as_text = text.contains(&cards(&rich)[1].value);
            assert!(blocks != value_as_text, "{width}: {size:?}\n{text}");
        }
    }

    /// The fixture on the wall at 160 columns: fresh, then the feed failing (STALE), then
    /// failing past `crit_age` (OFFLINE).
    fn fresh_stale_offline() -> [Buffer; 3] {
        let (mut app, start) = empty_app(true);
        app.update(loaded(fixture(), NOW));
        let size = FigureSize::choose(&app, 160, 18);
        let fresh = draw(&app, 160, size);
        app.update(failed("HTTP 503", "2026-11-29T10:00:30+08:00", 20));
        app.update(Action::Tick {
            now: at("2026-11-29T10:01:00+08:00"),
            at: start + Duration::from_secs(60),
        });
        let stale = draw(&app, 160, size);
        app.update(Action::Tick {
            now: at("2026-11-29T13:00:00+08:00"),
            at: start + Duration::from_secs(3 * 3600),
        });
        let offline = draw(&app, 160, size);
        [fresh, stale, offline]
    }

    #[test]
    fn stale_figures_look_different_from_fresh_ones_cell_by_cell() {
        let [fresh, stale, offline] = fresh_stale_offline();
        // The review found the figures byte-identical, colour included; now every filled cell
        // of the block digits changes glyph and colour.
        let (mut filled, mut recoloured) = (0, 0);
        for (position, cell) in fresh.content().iter().enumerate() {
            if cell.symbol() == "█" {
                filled += 1;
                let (x, y) = fresh.pos_of(position);
                let was = &stale[(x, y)];
                assert_eq!(was.symbol(), "░", "({x}, {y})");
                assert_eq!(was.fg, Color::DarkGray, "({x}, {y})");
                if cell.fg != Color::DarkGray {
                    recoloured += 1;
                }
            }
        }
        assert!(filled > 100, "block digits drawn: {filled}");
        // All but the grey NO TARGET card's were in colour.
        assert!(recoloured > filled / 2, "{recoloured} of {filled}");
        // OFFLINE is struck through as well.
        let struck = buffer_text(&offline).matches('━').count();
        assert!(struck > 20, "{}", buffer_text(&offline));
        assert_eq!(buffer_text(&stale).matches('━').count(), 0);
    }

    #[test]
    fn operators_see_stale_figures_dimmed_and_offline_ones_crossed_out() {
        let (mut app, start) = empty_app(false);
        app.update(loaded(fixture(), NOW));
        let fresh = draw(&app, 100, FigureSize::Text);
        app.update(failed("HTTP 503", "2026-11-29T10:00:30+08:00", 20));
        app.update(Action::Tick {
            now: at("2026-11-29T13:00:00+08:00"),
            at: start + Duration::from_secs(3 * 3600),
        });
        let offline = draw(&app, 100, FigureSize::Text);
        // The first card's figure starts in the second column of its first inner row.
        let (was, now) = (&fresh[(1, 1)], &offline[(1, 1)]);
        assert_eq!(was.symbol(), now.symbol());
        assert!(!was.modifier.contains(Modifier::CROSSED_OUT));
        assert!(now.modifier.contains(Modifier::CROSSED_OUT));
        assert_eq!(now.fg, Color::DarkGray);
    }
}
