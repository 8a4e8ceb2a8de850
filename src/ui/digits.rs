//! A block-digit font, three columns by five rows, for figures read from across the room.
//! Only digits and a few signs; anything else is drawn as a blank.

use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

/// Rows of one glyph; `#` is a filled cell.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => [" # ", "## ", " # ", " # ", "###"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", " ##", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", " # ", " # ", " # "],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        '.' => ["   ", "   ", "   ", "   ", " # "],
        '/' => ["  #", "  #", " # ", "#  ", "#  "],
        '%' => ["# #", "  #", " # ", "#  ", "# #"],
        '-' => ["   ", "   ", "###", "   ", "   "],
        _ => ["   ", "   ", "   ", "   ", "   "],
    }
}

/// Rows in the big font.
pub const HEIGHT: u16 = 5;

/// Columns `text` takes in the big font (each glyph 3 wide plus a one-column gap).
pub fn width(text: &str) -> usize {
    (text.chars().count() * 4).saturating_sub(1)
}

/// The five rows of `text` in the big font.
pub fn render(text: &str) -> [Line<'static>; 5] {
    let mut rows: [String; 5] = Default::default();
    for (i, c) in text.chars().enumerate() {
        for (row, bits) in rows.iter_mut().zip(glyph(c)) {
            if i > 0 {
                row.push(' ');
            }
            row.extend(bits.chars().map(|b| if b == '#' { '█' } else { ' ' }));
        }
    }
    rows.map(Line::from)
}

/// Whether `text` fits in `columns` in the big font.
pub fn fits(text: &str, columns: u16) -> bool {
    width(text) <= usize::from(columns) && text.width() == text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_render_three_by_five() {
        let rows = render("10");
        let text: Vec<String> = rows.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [" █  ███", "██  █ █", " █  █ █", " █  █ █", "███ ███"]
        );
        assert_eq!(width("10"), 7);
        assert!(fits("4/8", 11));
        assert!(!fits("4/8", 10));
    }
}
