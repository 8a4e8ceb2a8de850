//! The wall's banner while its data is not live: across the whole width, the state word
//! (STALE, OFFLINE) and the data's age in block letters, in the badge's colours (OFFLINE white
//! on red, stronger than STALE's black on yellow), with the sentence the header says under it.
//! Words the block font lacks (Chinese) are drawn as bold text beside block digits of the age;
//! on a small wall the banner is one line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::health::Freshness;
use crate::ui::labels::Labelled;
use crate::ui::text::put_line;
use crate::ui::{digits, theme};

/// The banner, at `scale` (0: one line of text).
pub struct Banner<'a> {
    pub app: &'a App,
    pub scale: u16,
}

/// A run of the banner's big row: in block letters or as text on the row's middle line.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Big(String),
    Small(String),
}

impl Banner<'_> {
    /// The banner for `app` on a `width` x `height` wall, or `None` while the data is live.
    /// Its block letters are as large as fit the width and a fifth of the height.
    pub fn for_wall(app: &App, width: u16, height: u16, large: bool) -> Option<Banner<'_>> {
        if !matches!(app.freshness(), Freshness::Stale | Freshness::Offline) {
            return None;
        }
        let mut banner = Banner { app, scale: 0 };
        if large {
            banner.scale = (1..=6)
                .rev()
                .find(|&scale| {
                    banner.parts_width(scale) + 4 <= usize::from(width)
                        && Banner::rows(scale) <= height / 5
                })
                .unwrap_or(0);
        }
        Some(banner)
    }

    /// Rows the banner takes.
    pub fn height(&self) -> u16 {
        Banner::rows(self.scale)
    }

    fn rows(scale: u16) -> u16 {
        if scale == 0 {
            1
        } else {
            digits::height(scale) + 2
        }
    }

    fn style(&self) -> Style {
        match self.app.freshness() {
            Freshness::Offline => theme::offline_banner(),
            _ => theme::stale_banner(),
        }
    }

    /// The state word and the age ("12 min"), both in the app's language.
    fn word_and_age(&self) -> (&'static str, Option<String>) {
        let app = self.app;
        let lang = app.settings.lang;
        let word = app.freshness().label(lang.labels());
        (word, app.data_age().map(|age| lang.short_duration(age)))
    }

    /// The big row: the whole of "STALE 12 MIN" in block letters where the font has them,
    /// else the word as text beside the age's number in block digits ("过期 [12] 分钟").
    fn parts(&self) -> Vec<Part> {
        let (word, age) = self.word_and_age();
        let whole = match &age {
            Some(age) => format!("{word} {}", age.to_uppercase()),
            None => word.to_owned(),
        };
        if digits::drawable(&whole) {
            return vec![Part::Big(whole)];
        }
        let mut parts = vec![Part::Small(format!("{word}  "))];
        if let Some(age) = age {
            let number: String = age.chars().take_while(char::is_ascii_digit).collect();
            let unit = age[number.len()..].trim();
            if number.is_empty() {
                parts.push(Part::Small(age.clone()));
            } else {
                parts.push(Part::Big(number));
                parts.push(Part::Small(format!(" {unit}")));
            }
        }
        parts
    }

    fn parts_width(&self, scale: u16) -> usize {
        self.parts()
            .iter()
            .map(|part| match part {
                Part::Big(text) => digits::width(text, scale),
                Part::Small(text) => text.width(),
            })
            .sum()
    }

    /// The sentence under the big row, as the header says it: "data 12 min old · checked
    /// 14:03:12".
    fn sentence(&self) -> String {
        let (word, age) = self.word_and_age();
        let app = self.app;
        let lang = app.settings.lang;
        let h = &lang.labels().header;
        let mut sentence = match age {
            Some(age) => format!("{word} · {}", (h.data_age)(&age)),
            None => format!("{word} · {}", h.no_data),
        };
        if let Some(checked) = app.health.last_success {
            sentence.push_str(" · ");
            sentence.push_str(&(h.checked_at)(&lang.time_of_day(checked, app.now())));
        }
        sentence
    }
}

impl Widget for &Banner<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let style = self.style();
        buf.set_style(area, style);
        if self.scale == 0 {
            let line = Line::styled(format!(" {} ", self.sentence()), style).centered();
            put_line(buf, area, area.y, &line);
            return;
        }
        let parts = self.parts();
        let total = self.parts_width(self.scale);
        let middle = digits::height(self.scale) / 2;
        let mut x = area.x + area.width.saturating_sub(u16::try_from(total).unwrap_or(0)) / 2;
        for part in &parts {
            let (rows, width) = match part {
                Part::Big(text) => (
                    digits::render(text, self.scale, '█'),
                    digits::width(text, self.scale),
                ),
                Part::Small(text) => {
                    let mut rows = vec![Line::default(); usize::from(middle)];
                    rows.push(Line::from(Span::raw(text.clone())));
                    (rows, text.width())
                }
            };
            let width = u16::try_from(width).unwrap_or(0);
            let at = Rect::new(x, area.y + 1, width, digits::height(self.scale)).intersection(area);
            for (y, row) in (at.y..at.bottom()).zip(&rows) {
                put_line(buf, at, y, &row.clone().style(style));
            }
            x = x.saturating_add(width);
        }
        let sentence = Line::styled(self.sentence(), style).centered();
        put_line(buf, area, area.bottom() - 1, &sentence);
    }
}
