//! Terminal-safe text. Every string that comes from the feed passes through [`Sanitized::new`]
//! once, when a record is accepted, so no output path (dashboard, `status`, `check-feed`, logs)
//! can write an escape sequence, a control character or a bidi override it did not mean to.
//!
//! Depends on nothing but `unicode-width`/`unicode-segmentation` (and `compact_str`, the
//! storage of [`CompactText`]).

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use compact_str::CompactString;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Longest text kept from one feed field, in characters. A 10,000-character name is a
/// publisher's mistake or an attack; either way it must not drive layout or memory.
pub const MAX_FIELD_CHARS: usize = 200;

/// Text that is safe to write to a terminal: no C0/C1 controls, no escape sequences (their
/// payload is removed too, not only the introducer), no bidi or invisible format characters,
/// whitespace controls turned into single spaces, trimmed, at most [`MAX_FIELD_CHARS`].
/// Built only by sanitising ([`Sanitized::new`]); `S` is how the text is stored, one of the
/// two kinds below.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Sanitized<S>(S);

/// Sanitized text shared between records: cheap to clone, since districts, chains and
/// departments repeat across thousands of records (the parser interns them).
pub type SafeText = Sanitized<Arc<str>>;

/// Sanitized text of one record (a project's id and name): never shared, and kept inline (no
/// heap block) up to 24 bytes, which ids and short names are. A [`SafeText`] is 16
/// bytes plus a heap block of 16 bytes more than its text; on two million small projects the
/// two heap blocks were a third of the snapshot.
pub type CompactText = Sanitized<CompactString>;

impl<S: Deref<Target = str>> Sanitized<S> {
    pub fn new(raw: &str) -> Sanitized<S>
    where
        S: for<'a> From<&'a str> + From<String>,
    {
        if is_plain(raw) {
            return Sanitized(S::from(raw));
        }
        Sanitized(S::from(sanitize(raw)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Display width in terminal columns (double-width CJK counts 2).
    pub fn width(&self) -> usize {
        self.0.width()
    }
}

impl CompactText {
    /// The same text as a [`SafeText`], for places that hold any feed text (a rejection's id).
    pub fn to_safe_text(&self) -> SafeText {
        Sanitized(Arc::from(self.as_str()))
    }
}

impl<S: Deref<Target = str>> fmt::Display for Sanitized<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<S: Deref<Target = str>> fmt::Debug for Sanitized<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<S: Deref<Target = str>> serde::Serialize for Sanitized<S> {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// The fast path: text that [`sanitize`] would return unchanged (no control, escape, invisible
/// or whitespace character but single inner spaces, at most [`MAX_FIELD_CHARS`]) is kept as it
/// is, without building a copy. Printable ASCII is checked a byte at a time; other text (a
/// Chinese name) a character at a time.
fn is_plain(raw: &str) -> bool {
    let clean = if raw.is_ascii() {
        raw.len() <= MAX_FIELD_CHARS && raw.bytes().all(|b| (0x20..0x7f).contains(&b))
    } else {
        let mut chars = 0;
        raw.chars().all(|c| {
            chars += 1;
            chars <= MAX_FIELD_CHARS
                && !is_forbidden(c)
                && (c == ' ' || !(c.is_whitespace() || is_whitespace_control(c)))
        })
    };
    clean && !raw.starts_with(' ') && !raw.ends_with(' ') && !raw.contains("  ")
}

/// Removes escape sequences and invisible or control characters, maps whitespace controls to
/// a space, collapses runs of spaces, trims and caps the length. Idempotent.
pub fn sanitize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len().min(MAX_FIELD_CHARS * 4));
    let mut chars = raw.chars().peekable();
    let mut kept = 0usize;
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        let mapped = match c {
            '\u{1b}' => {
                skip_escape_after_esc(&mut chars);
                None
            }
            '\u{9b}' => {
                skip_csi_body(&mut chars);
                None
            }
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                skip_string_body(&mut chars);
                None
            }
            c if is_whitespace_control(c) || c.is_whitespace() => Some(' '),
            c if is_forbidden(c) => None,
            c => Some(c),
        };
        match mapped {
            Some(' ') => pending_space = !out.is_empty(),
            Some(c) => {
                if pending_space {
                    if kept + 1 >= MAX_FIELD_CHARS {
                        break;
                    }
                    out.push(' ');
                    kept += 1;
                    pending_space = false;
                }
                if kept >= MAX_FIELD_CHARS {
                    break;
                }
                out.push(c);
                kept += 1;
            }
            None => {}
        }
    }
    out
}

/// Line and paragraph separators and TAB become a space: deleting them would glue words and
/// keeping them would let a name forge an extra row.
fn is_whitespace_control(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters never written to the terminal: controls (C0, DEL, C1), bidi controls, invisible
/// format characters, tag characters and variation selectors (which make widths disagree).
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{00ad}' | '\u{034f}' | '\u{180e}'
            | '\u{fff9}'..='\u{fffb}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0000}'..='\u{e007f}'
            | '\u{e0100}'..='\u{e01ef}')
}

/// Escapes control, bidi and invisible characters so a hostile file name can neither drive
/// the terminal nor disguise itself.
pub fn escape_controls(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_forbidden(c) {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: CSI (`[`), string commands (OSC `]`, DCS `P`, SOS `X`, PM `^`, APC `_`) or a
/// two-character escape. A lone trailing ESC is simply dropped.
fn skip_escape_after_esc(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string_body(chars);
        }
        Some(c) if (' '..='/').contains(&c) => {
            // nF escape: intermediates then one final byte.
            while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
            chars.next();
        }
        Some(c) if ('0'..='~').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI parameters and intermediates (0x20..=0x3F), then one final byte (0x40..=0x7E).
fn skip_csi_body(chars: &mut Chars<'_>) {
    while chars.next_if(|c| (' '..='?').contains(c)).is_some() {}
    chars.next_if(|c| ('@'..='~').contains(c));
}

/// String commands end at BEL, ST (`ESC \` or U+009C), or the end of the text.
fn skip_string_body(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

/// Cuts `text` to at most `max_width` columns at a grapheme boundary, never through a
/// double-width character, ending in `…` when something was cut and the ellipsis fits.
pub fn truncate_to_width(text: &str, max_width: usize) -> std::borrow::Cow<'_, str> {
    // No character is wider than its UTF-8 length, so short text fits without measuring.
    if text.len() <= max_width || text.width() <= max_width {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(cut_to_width(text, max_width))
}

/// `text`, known to be wider than `max_width`, cut with an ellipsis.
fn cut_to_width(text: &str, max_width: usize) -> String {
    let Some(budget) = max_width.checked_sub(1) else {
        return String::new();
    };
    let mut used = 0;
    let mut out = String::new();
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(grapheme);
    }
    out.push('…');
    out
}

/// Pads to at least `width` columns, left-aligned; longer text is kept whole (figures must
/// never be cut).
pub fn pad_to_width(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(pad))
}

/// Pads (or truncates) to exactly `width` columns, left-aligned.
pub fn fit_width(text: &str, width: usize) -> String {
    // Measured once: the width decides both whether to cut and how much to pad.
    let text_width = if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        text.len()
    } else {
        text.width()
    };
    let (cut, used) = if text_width <= width {
        (std::borrow::Cow::Borrowed(text), text_width)
    } else {
        let cut = cut_to_width(text, width);
        let used = cut.width();
        (std::borrow::Cow::Owned(cut), used)
    };
    let pad = width.saturating_sub(used);
    let mut out = String::with_capacity(cut.len() + pad);
    out.push_str(&cut);
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn clean(s: &str) -> String {
        SafeText::new(s).as_str().to_owned()
    }

    #[test]
    fn removes_whole_escape_sequences_not_only_the_introducer() {
        assert_eq!(clean("A\x1b]0;pwn\x07B\u{9b}31mC\tD"), "ABC D");
        assert_eq!(clean("A\x1b]0;pwn\x07B"), "AB");
        assert_eq!(clean("red\x1b[31mtext\x1b[0m"), "redtext");
        assert_eq!(clean("x\x1b[2Jy"), "xy");
        assert_eq!(clean("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\"), "link");
        assert_eq!(clean("a\x1bPq#0;2;0;0;0\x1b\\b"), "ab");
        assert_eq!(clean("a\u{9d}0;title\u{9c}b"), "ab");
        assert_eq!(clean("a\u{90}dcs\u{9c}b"), "ab");
        assert_eq!(clean("a\u{9b}2Jb"), "ab");
        assert_eq!(clean("trailing\x1b"), "trailing");
        assert_eq!(clean("a\x1b(Bb"), "ab");
        assert_eq!(clean("a\x1bcb"), "ab");
    }

    #[test]
    fn whitespace_controls_become_one_space_so_no_fake_rows() {
        assert_eq!(clean("Alpha\nALL SYSTEMS OK"), "Alpha ALL SYSTEMS OK");
        assert_eq!(clean("A\tB"), "A B");
        assert_eq!(clean("a\r\n\r\nb"), "a b");
        assert_eq!(clean("  padded  "), "padded");
        assert_eq!(clean("x\u{2028}y\u{2029}z\u{85}w"), "x y z w");
    }

    #[test]
    fn bidi_zero_width_and_tag_characters_are_dropped() {
        let out = clean("ab\u{202E}cd\u{2066}e\u{200B}f\u{E0041}g\u{00AD}h\u{FEFF}i\u{FE0F}j");
        assert_eq!(out, "abcdefghij");
    }

    #[test]
    fn chinese_and_emoji_survive() {
        assert_eq!(clean("长沙储能电池产业园项目"), "长沙储能电池产业园项目");
        assert_eq!(SafeText::new("长沙").width(), 4);
        assert_eq!(clean("电池🔋"), "电池🔋");
    }

    #[test]
    fn length_is_capped() {
        let long = "x".repeat(10_000);
        assert_eq!(clean(&long).chars().count(), MAX_FIELD_CHARS);
        let long_cjk = "长".repeat(10_000);
        assert_eq!(clean(&long_cjk).chars().count(), MAX_FIELD_CHARS);
    }

    #[test]
    fn every_bmp_scalar_yields_no_forbidden_character() {
        for code in 0u32..=0xFFFF {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let s = format!("a{c}b{c}");
            let out = sanitize(&s);
            assert!(!out.chars().any(is_forbidden), "U+{code:04X} leaked");
        }
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate_to_width("abcd中", 5), "abcd…");
        assert_eq!(truncate_to_width("长沙市", 4), "长…");
        assert_eq!(truncate_to_width("长沙市", 5), "长沙…");
        assert_eq!(truncate_to_width("长沙市", 6), "长沙市");
        assert_eq!(fit_width("长沙", 5), "长沙 ");
        assert_eq!(fit_width("长沙市", 5).width(), 5);
        assert_eq!(truncate_to_width("abc", 0), "");
    }

    proptest! {
        #[test]
        fn sanitized_text_is_safe_capped_and_idempotent(raw in any::<String>()) {
            let once = sanitize(&raw);
            prop_assert!(!once.chars().any(is_forbidden));
            prop_assert!(once.chars().count() <= MAX_FIELD_CHARS);
            prop_assert_eq!(sanitize(&once), once.clone());
            let safe = SafeText::new(&raw);
            prop_assert_eq!(safe.as_str(), once.as_str());
            let compact = CompactText::new(&raw);
            prop_assert_eq!(compact.as_str(), once.as_str());
        }

        #[test]
        fn fit_width_is_exact(raw in "[a-z长沙市🔋 ]{0,40}", width in 0usize..30) {
            prop_assert_eq!(fit_width(&raw, width).width(), width);
        }
    }

    #[test]
    fn fast_path_agrees_with_full_sanitizer() {
        let cjk_at_cap = "长".repeat(MAX_FIELD_CHARS);
        let cjk_over_cap = "长".repeat(MAX_FIELD_CHARS + 1);
        for s in [
            "Desai Battery",
            "a  b",
            " a",
            "a ",
            "Yuelu District",
            "长沙储能电池产业园",
            "长沙 储能",
            "长沙  储能",
            " 长沙",
            "长沙 ",
            "长沙\u{3000}储能",
            "长沙\u{200b}储能",
            "长沙\u{85}储能",
            "长沙\u{9b}31m储能",
            "电池🔋",
            &cjk_at_cap,
            &cjk_over_cap,
        ] {
            assert_eq!(SafeText::new(s).as_str(), sanitize(s), "{s:?}");
            assert_eq!(CompactText::new(s).as_str(), sanitize(s), "{s:?}");
        }
        assert!(SafeText::new(" \t\n").is_empty());
    }

    #[test]
    fn compact_text_is_sanitized_and_short_text_stays_inline() {
        assert_eq!(CompactText::new("P1\x1b[2J\u{200b}").as_str(), "P1");
        assert_eq!(
            CompactText::new("长沙\n储能").to_safe_text().as_str(),
            "长沙 储能"
        );
        assert_eq!(std::mem::size_of::<CompactText>(), 24);
        // 24 bytes of text (an id such as `CS-2026-000001`, eight Chinese characters) need
        // no heap block; one more byte does.
        assert!(!CompactText::new(&"长".repeat(8)).0.is_heap_allocated());
        assert!(!CompactText::new("CS-2026-000001").0.is_heap_allocated());
        assert!(CompactText::new(&"x".repeat(25)).0.is_heap_allocated());
        assert_eq!(
            CompactText::new(&"x".repeat(10_000)).as_str().len(),
            MAX_FIELD_CHARS
        );
    }

    #[test]
    fn text_that_fits_is_borrowed_not_copied() {
        use std::borrow::Cow;
        assert!(matches!(
            truncate_to_width("Yuelu", 5),
            Cow::Borrowed("Yuelu")
        ));
        assert!(matches!(
            truncate_to_width("长沙", 4),
            Cow::Borrowed("长沙")
        ));
        assert!(matches!(truncate_to_width("长沙", 3), Cow::Owned(_)));
        assert_eq!(fit_width("Yuelu", 3), "Yu…");
        assert_eq!(fit_width("a\u{7}b", 4).width(), 4);
    }
}
