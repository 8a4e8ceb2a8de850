//! A block font, three columns by five rows, for figures and words read from across the room:
//! digits, the signs figures use, and the capital letters of the English state words
//! (ON TARGET, BEHIND, STALE, ...). Scaled by a whole factor, so the same table serves every
//! screen; drawn with one fill character, so the console font (full block, shades) can draw
//! it. Text with a character outside the table is not drawable: the caller draws it otherwise.

use ratatui::text::Line;

/// Rows of one glyph; `#` is a filled cell. `None`: not in the table.
fn glyph(c: char) -> Option<&'static [&'static str; 5]> {
    Some(match c {
        '0' => &["###", "# #", "# #", "# #", "###"],
        '1' => &[" # ", "## ", " # ", " # ", "###"],
        '2' => &["###", "  #", "###", "#  ", "###"],
        '3' => &["###", "  #", " ##", "  #", "###"],
        '4' => &["# #", "# #", "###", "  #", "  #"],
        '5' => &["###", "#  ", "###", "  #", "###"],
        '6' => &["###", "#  ", "###", "# #", "###"],
        '7' => &["###", "  #", " # ", " # ", " # "],
        '8' => &["###", "# #", "###", "# #", "###"],
        '9' => &["###", "# #", "###", "  #", "###"],
        // One column wide: a long amount keeps its size instead of losing it to the point.
        '.' => &[" ", " ", " ", " ", "#"],
        ' ' => &[" ", " ", " ", " ", " "],
        '/' => &["  #", "  #", " # ", "#  ", "#  "],
        '%' => &["# #", "  #", " # ", "#  ", "# #"],
        '-' => &["   ", "   ", "###", "   ", "   "],
        '+' => &["   ", " # ", "###", " # ", "   "],
        'A' => &[" # ", "# #", "###", "# #", "# #"],
        'B' => &["## ", "# #", "## ", "# #", "## "],
        'C' => &["###", "#  ", "#  ", "#  ", "###"],
        'D' => &["## ", "# #", "# #", "# #", "## "],
        'E' => &["###", "#  ", "## ", "#  ", "###"],
        'F' => &["###", "#  ", "## ", "#  ", "#  "],
        'G' => &["###", "#  ", "# #", "# #", "###"],
        'H' => &["# #", "# #", "###", "# #", "# #"],
        'I' => &["###", " # ", " # ", " # ", "###"],
        'K' => &["# #", "# #", "## ", "# #", "# #"],
        'L' => &["#  ", "#  ", "#  ", "#  ", "###"],
        'M' => &["# #", "###", "###", "# #", "# #"],
        'N' => &["## ", "# #", "# #", "# #", "# #"],
        // Rounded, so it never reads as a zero.
        'O' => &[" # ", "# #", "# #", "# #", " # "],
        'P' => &["## ", "# #", "## ", "#  ", "#  "],
        'R' => &["## ", "# #", "## ", "# #", "# #"],
        'S' => &[" ##", "#  ", " # ", "  #", "## "],
        'T' => &["###", " # ", " # ", " # ", " # "],
        'U' => &["# #", "# #", "# #", "# #", "###"],
        'W' => &["# #", "# #", "###", "###", "# #"],
        'Y' => &["# #", "# #", " # ", " # ", " # "],
        _ => return None,
    })
}

/// Rows of the font at scale 1.
pub const HEIGHT: u16 = 5;

/// Whether every character of `text` is in the font.
pub fn drawable(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| glyph(c).is_some())
}

/// Columns `text` takes at `scale`: glyphs scaled, one column between them at every scale
/// (a wider gap would cost a long amount its size on a 78-column card). Characters outside
/// the font count as nothing; [`drawable`] says whether there are any.
pub fn width(text: &str, scale: u16) -> usize {
    let glyphs: usize = text
        .chars()
        .filter_map(glyph)
        .map(|rows| rows[0].len() * usize::from(scale))
        .sum();
    glyphs + text.chars().count().saturating_sub(1)
}

/// Rows `scale` takes.
pub fn height(scale: u16) -> u16 {
    HEIGHT.saturating_mul(scale)
}

/// Whether `text` is drawable and fits in `columns` at `scale`.
pub fn fits(text: &str, columns: u16, scale: u16) -> bool {
    scale > 0 && drawable(text) && width(text, scale) <= usize::from(columns)
}

/// The rows of `text` at `scale`, filled with `fill` (the full block, or a shade for data
/// that is no longer live).
pub fn render(text: &str, scale: u16, fill: char) -> Vec<Line<'static>> {
    let scale = usize::from(scale.max(1));
    let mut rows: [String; 5] = Default::default();
    for (i, rows_of) in text.chars().filter_map(glyph).enumerate() {
        for (row, bits) in rows.iter_mut().zip(rows_of) {
            if i > 0 {
                row.push(' ');
            }
            for bit in bits.chars() {
                let cell = if bit == '#' { fill } else { ' ' };
                row.extend(std::iter::repeat_n(cell, scale));
            }
        }
    }
    rows.iter()
        .flat_map(|row| std::iter::repeat_n(Line::from(row.clone()), scale))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn digits_render_three_by_five() {
        assert_eq!(
            text(&render("10", 1, '█')),
            [" █  ███", "██  █ █", " █  █ █", " █  █ █", "███ ███"]
        );
        assert_eq!(width("10", 1), 7);
        assert!(fits("4/8", 11, 1));
        assert!(!fits("4/8", 10, 1));
    }

    #[test]
    fn scaling_multiplies_cells_but_not_the_gap() {
        let rows = text(&render("1.", 2, '░'));
        assert_eq!(rows.len(), 10);
        assert_eq!(rows[0], "  ░░     ");
        assert_eq!(rows[2], "░░░░     ");
        assert_eq!(rows[9], "░░░░░░ ░░");
        // 6 + 1 gap + 2 (the point is one column wide).
        assert_eq!(width("1.", 2), 9);
        // The demo's amount in a 78-column card at 320 columns: three times the size.
        assert!(fits("49.78/69", 78, 3));
        assert!(!fits("49.78/69", 78, 4));
    }

    #[test]
    fn letters_spell_the_state_words_and_anything_else_is_not_drawable() {
        for word in [
            "ON TARGET",
            "ON PACE",
            "BEHIND",
            "NO TARGET",
            "STALLED",
            "NONE",
            "NO DATA",
            "STALE",
            "OFFLINE",
            "12 MIN",
        ] {
            assert!(drawable(word), "{word}");
        }
        for word in ["进度正常", "on pace", "", "12 s"] {
            assert!(!drawable(word), "{word}");
        }
        assert!(!fits("超期", 100, 1));
    }
}
