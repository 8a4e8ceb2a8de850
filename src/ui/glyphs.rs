//! The console glyph set: with [`Glyphs::Console`] every cell of a frame is drawn with a
//! character the standard Linux console fonts carry. Panels draw as usual; once per frame
//! [`apply`] swaps what the fonts lack for the nearest they have (eighth blocks and quadrants
//! for full block or shades, braille for a bullet, anything else for `?`). So a panel, or a
//! ratatui widget inside one, cannot put a glyph on the console that it would show as a box.
//!
//! The list of what the fonts carry is `tests/data/console-glyphs.txt`, read from the fonts'
//! own Unicode tables by `scripts/console-glyphs.sh`.

use std::collections::HashSet;
use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::appearance::Glyphs;

/// The characters of the console fonts, one `U+XXXX c` line each (comments start with `#`).
const CONSOLE_GLYPHS: &str = include_str!("../../tests/data/console-glyphs.txt");

/// The characters every standard console font carries.
pub fn console_set() -> &'static HashSet<char> {
    static SET: OnceLock<HashSet<char>> = OnceLock::new();
    SET.get_or_init(|| {
        CONSOLE_GLYPHS
            .lines()
            .filter_map(|line| line.strip_prefix("U+"))
            .filter_map(|line| u32::from_str_radix(line.get(..4)?, 16).ok())
            .filter_map(char::from_u32)
            .collect()
    })
}

/// What the console draws for `c`, which its fonts lack.
fn substitute(c: char) -> char {
    match c {
        // Blocks by how much of the cell they fill.
        '▁' | '▂' | '▃' | '▏' | '▎' | '▍' | '▖' | '▗' | '▘' | '▝' => '░',
        '▄' | '▅' | '▆' | '▌' | '▋' | '▀' | '▐' | '▚' | '▞' | '▓' => '▒',
        '▇' | '▉' | '▊' | '▙' | '▛' | '▜' | '▟' => '█',
        '\u{2800}' => ' ',
        '\u{2801}'..='\u{28ff}' => '•',
        '✓' | '✔' => '☑',
        '►' | '▸' => '▶',
        _ => '?',
    }
}

/// Maps the frame in `area` to `glyphs`.
pub fn apply(glyphs: Glyphs, area: Rect, buf: &mut Buffer) {
    if glyphs == Glyphs::Unicode {
        return;
    }
    let set = console_set();
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let (drawable, width, first) = {
                let symbol = buf[(x, y)].symbol();
                let mut chars = symbol.chars();
                let drawable = match (chars.next(), chars.next()) {
                    (None, _) => true,
                    (Some(c), None) => set.contains(&c),
                    // Combining sequences: the console draws one glyph a cell.
                    (Some(_), Some(_)) => false,
                };
                let first = symbol.chars().next().unwrap_or(' ');
                (drawable, symbol.width().max(1), first)
            };
            if !drawable {
                let stand_in = substitute(first);
                // A wide character becomes as many stand-ins as the cells it covered.
                for dx in 0..u16::try_from(width).unwrap_or(1) {
                    if let Some(cell) = buf.cell_mut((x.saturating_add(dx), y)) {
                        cell.set_char(stand_in);
                    }
                }
            }
            x = x.saturating_add(u16::try_from(width).unwrap_or(1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_what_the_console_fonts_draw_and_not_what_they_lack() {
        let set = console_set();
        assert!(set.len() > 500, "{}", set.len());
        for c in ['A', '─', '━', '┏', '█', '░', '▒', '▶', '·', '…', '—', '•'] {
            assert!(set.contains(&c), "{c}");
        }
        for c in ['▓', '▌', '▀', '⣿', '亿', '🔋', '✓'] {
            assert!(!set.contains(&c), "{c}");
            assert!(set.contains(&substitute(c)), "{c} -> {}", substitute(c));
        }
    }

    #[test]
    fn a_console_frame_keeps_its_columns() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "亿▌⣿ab", ratatui::style::Style::new());
        apply(Glyphs::Console, buf.area, &mut buf);
        let row: String = (0..8).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        assert_eq!(row, "??▒•ab  ");
        let mut unicode = Buffer::empty(Rect::new(0, 0, 8, 1));
        unicode.set_string(0, 0, "亿▌", ratatui::style::Style::new());
        apply(Glyphs::Unicode, unicode.area, &mut unicode);
        assert_eq!(unicode[(0, 0)].symbol(), "亿");
    }
}
