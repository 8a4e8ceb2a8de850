//! The document's text as it arrives in chunks: each chunk checked as UTF-8 once and dropped as
//! soon as the cursor has moved past it, so a parse never holds the whole body. A character cut
//! by a chunk boundary becomes a piece of its own; a value cut by one is copied, alone, into a
//! carry buffer and read whole from there. Lines and columns are counted as pieces pass, so a
//! syntax error is placed in the document as `serde_json` would place it. Knows JSON only as
//! far as whitespace and the one value a caller asks for.

use std::borrow::Cow;

use super::FeedError;

/// Bytes of the document in order, borrowed from a caller's slice or owned (and then freed
/// once read).
pub(super) enum Chunk<'a> {
    Borrowed(&'a [u8]),
    Owned(Vec<u8>),
}

impl Chunk<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Chunk::Borrowed(bytes) => bytes,
            Chunk::Owned(bytes) => bytes,
        }
    }
}

/// Chunks to UTF-8 text. An invalid byte is reported at its offset in the whole document,
/// as `std::str::from_utf8` of the whole would report it.
struct Pieces<'a, I> {
    chunks: std::iter::Fuse<I>,
    /// The first bytes of a character the previous chunk cut (at most three).
    cut: Vec<u8>,
    cut_at: usize,
    /// Bytes of the document taken from chunks so far.
    offset: usize,
    /// The rest of a chunk whose first bytes completed a cut character.
    queued: Option<Piece<'a>>,
}

/// A piece of text, to be read from `skip` on: the bytes before it completed a character
/// cut by the previous chunk, and were blanked rather than moved out of an owned chunk (a
/// memmove of the whole chunk at most boundaries of a feed in Chinese).
type Piece<'a> = (Cow<'a, str>, usize);

impl<'a, I: Iterator<Item = Chunk<'a>>> Pieces<'a, I> {
    /// The next piece of text (possibly empty), `None` at the end.
    fn next_piece(&mut self) -> Result<Option<Piece<'a>>, FeedError> {
        loop {
            if let Some(queued) = self.queued.take() {
                return Ok(Some(queued));
            }
            let Some(chunk) = self.chunks.next() else {
                if self.cut.is_empty() {
                    return Ok(None);
                }
                return Err(FeedError::NotUtf8 {
                    offset: self.cut_at,
                });
            };
            let chunk_at = self.offset;
            let bytes = chunk.bytes();
            self.offset += bytes.len();
            let mut head = 0;
            let mut joined = None;
            if !self.cut.is_empty() {
                while joined.is_none() && head < bytes.len() {
                    self.cut.push(bytes[head]);
                    head += 1;
                    match std::str::from_utf8(&self.cut) {
                        Ok(character) => joined = Some(character.to_owned()),
                        Err(e) if e.error_len().is_some() => {
                            return Err(FeedError::NotUtf8 {
                                offset: self.cut_at,
                            });
                        }
                        Err(_) => {}
                    }
                }
                let Some(character) = joined.take() else {
                    continue;
                };
                self.cut.clear();
                joined = Some(character);
            }
            let whole = head + complete_prefix(&bytes[head..]);
            if whole < bytes.len() {
                self.cut.extend_from_slice(&bytes[whole..]);
                self.cut_at = chunk_at + whole;
            }
            let invalid = |valid_up_to: usize| FeedError::NotUtf8 {
                offset: chunk_at + head + valid_up_to,
            };
            let rest = match chunk {
                Chunk::Borrowed(bytes) => (
                    Cow::Borrowed(
                        std::str::from_utf8(&bytes[head..whole])
                            .map_err(|e| invalid(e.valid_up_to()))?,
                    ),
                    0,
                ),
                Chunk::Owned(mut bytes) => {
                    bytes.truncate(whole);
                    bytes[..head].fill(b' ');
                    let text = String::from_utf8(bytes)
                        .map_err(|e| invalid(e.utf8_error().valid_up_to().saturating_sub(head)))?;
                    (Cow::Owned(text), head)
                }
            };
            return Ok(Some(match joined {
                Some(character) => {
                    self.queued = Some(rest);
                    (Cow::Owned(character), 0)
                }
                None => rest,
            }));
        }
    }
}

/// How many leading bytes hold whole characters: all but a character cut at the end. Bytes
/// that are not UTF-8 at all count as whole, for `from_utf8` to name.
fn complete_prefix(bytes: &[u8]) -> usize {
    let len = bytes.len();
    for back in 1..=len.min(3) {
        let byte = bytes[len - back];
        if byte & 0xC0 != 0x80 {
            let width = match byte {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            return if width > back { len - back } else { len };
        }
    }
    len
}

/// What one attempt at reading a value from the text so far gave.
pub(super) enum Attempt<R> {
    /// The value, and how many bytes of the text it took.
    Done(R, usize),
    /// The text may end inside the value: try again with more.
    More,
    Failed(serde_json::Error),
}

impl<R> Attempt<R> {
    pub(super) fn map<S>(self, f: impl FnOnce(R) -> S) -> Attempt<S> {
        match self {
            Attempt::Done(value, used) => Attempt::Done(f(value), used),
            Attempt::More => Attempt::More,
            Attempt::Failed(e) => Attempt::Failed(e),
        }
    }
}

/// One JSON value at the start of `text` (after any whitespace). `more` says whether more
/// text follows: then a value cut short (an EOF error, or a number that reaches the end) asks
/// for more instead of failing or being taken short.
pub(super) fn one<'t, T: serde::Deserialize<'t>>(text: &'t str, more: bool) -> Attempt<T> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<T>();
    match stream.next() {
        Some(Ok(value)) => {
            let used = stream.byte_offset();
            if more && used == text.len() {
                Attempt::More
            } else {
                Attempt::Done(value, used)
            }
        }
        // A number or literal followed by something unexpected: the stream reader says
        // "trailing characters" where the document's reader says what it expected there;
        // take the value, and leave that byte to the caller. The value is whole (a cut
        // would have been an EOF), so this comes before asking for more.
        Some(Err(e)) if e.to_string().starts_with("trailing characters") => {
            match placed_at(text, &e).and_then(|at| at.checked_sub(1)) {
                Some(end) if end > 0 && end < text.len() && text.is_char_boundary(end) => {
                    one(&text[..end], false)
                }
                _ => Attempt::Failed(e),
            }
        }
        // Not every value cut short fails as EOF: `1.` followed by nothing is an invalid number.
        Some(Err(e)) if more && (e.is_eof() || (e.is_syntax() && fails_at_end(text, &e))) => {
            Attempt::More
        }
        Some(Err(e)) => Attempt::Failed(e),
        None if more => Attempt::More,
        None => Attempt::Failed(end_of_input()),
    }
}

/// Whether `e` is placed at the last byte of `text` or past it (counted only on failure).
fn fails_at_end(text: &str, e: &serde_json::Error) -> bool {
    placed_at(text, e).is_some_and(|at| at + 1 >= text.len())
}

/// Where in `text` serde placed `e`: the offset just after the byte it names.
fn placed_at(text: &str, e: &serde_json::Error) -> Option<usize> {
    let line_start = match e.line() {
        0 => return None,
        1 => 0,
        line => text.match_indices('\n').nth(line - 2)?.0 + 1,
    };
    Some(line_start + e.column())
}

fn end_of_input() -> serde_json::Error {
    match serde_json::from_str::<serde::de::IgnoredAny>("") {
        Err(e) => e,
        Ok(_) => serde::de::Error::custom("EOF while parsing a value"),
    }
}

/// A cursor over the document's text.
pub(super) struct Text<'a, I> {
    pieces: Pieces<'a, I>,
    piece: Cow<'a, str>,
    pos: usize,
    /// The piece after this one, once looked at (`None` when not yet, or none is left).
    next: Option<Piece<'a>>,
    /// Where the current piece's own text starts (see [`Piece`]).
    skip: usize,
    /// Newlines in the current piece up to an offset, once counted.
    counted: (usize, usize),
    /// Newlines before the current piece, and bytes since the last of them: where it starts.
    lines_before: usize,
    column_before: usize,
    /// A value cut by a piece boundary, copied whole.
    carry: String,
    bom: bool,
}

impl<'a, I: Iterator<Item = Chunk<'a>>> Text<'a, I> {
    /// Starts reading; a UTF-8 byte order mark at the very start is skipped (and remembered),
    /// and places are counted from after it, as if it were not there.
    pub(super) fn new(chunks: I) -> Result<Self, FeedError> {
        let mut text = Text {
            pieces: Pieces {
                chunks: chunks.fuse(),
                cut: Vec::new(),
                cut_at: 0,
                offset: 0,
                queued: None,
            },
            piece: Cow::Borrowed(""),
            pos: 0,
            skip: 0,
            counted: (0, 0),
            next: None,
            lines_before: 0,
            column_before: 0,
            carry: String::new(),
            bom: false,
        };
        if text.advance()? && text.piece.starts_with('\u{feff}') {
            text.bom = true;
            text.pos = '\u{feff}'.len_utf8();
            text.column_before = 0;
            // Counted from after the mark: the piece's first bytes are not part of the line.
            text.piece = match std::mem::take(&mut text.piece) {
                Cow::Borrowed(piece) => Cow::Borrowed(&piece[text.pos..]),
                Cow::Owned(mut piece) => {
                    piece.drain(..text.pos);
                    Cow::Owned(piece)
                }
            };
            text.pos = 0;
        }
        Ok(text)
    }

    pub(super) fn bom(&self) -> bool {
        self.bom
    }

    /// The next byte that is not JSON whitespace, not consumed; `None` at the end.
    pub(super) fn peek(&mut self) -> Result<Option<u8>, FeedError> {
        loop {
            let bytes = self.piece.as_bytes();
            while let Some(&byte) = bytes.get(self.pos) {
                if !matches!(byte, b' ' | b'\n' | b'\t' | b'\r') {
                    return Ok(Some(byte));
                }
                self.pos += 1;
            }
            if !self.advance()? {
                return Ok(None);
            }
        }
    }

    /// Consumes the byte [`Text::peek`] returned.
    pub(super) fn bump(&mut self) {
        self.pos += 1;
    }

    /// A syntax error at the byte [`Text::peek`] returned, placed as `serde_json` places it.
    pub(super) fn unexpected(&self, message: &str) -> FeedError {
        let (line, column) = self.here();
        not_json(message, line, column + 1)
    }

    /// A syntax error at the end of the document.
    pub(super) fn eof(&self, message: &str) -> FeedError {
        let (line, column) = self.here();
        not_json(message, line, column)
    }

    /// Line (from 1) and bytes before the cursor on that line.
    pub(super) fn here(&self) -> (usize, usize) {
        let before = &self.piece.as_bytes()[..self.pos.min(self.piece.len())];
        match memchr::memrchr(b'\n', before) {
            Some(last) => (
                self.lines_before + self.newlines_to(self.pos) + 1,
                before.len() - last - 1,
            ),
            None => (
                self.lines_before + 1,
                self.column_before + before.len().saturating_sub(self.skip),
            ),
        }
    }

    /// Reads one value at the cursor with `attempt`, which gets the text from the value on
    /// and whether more text follows. Read in place when the value ends within the current
    /// piece; otherwise the value's bytes are gathered in the carry buffer. An object, array
    /// or string is followed byte by byte to its closing bracket or quote ([`ValueEnd`]) and
    /// read once there, with a check along the way each time the carry doubles (a syntax
    /// error is found within twice its distance): linear however many chunks the value
    /// spans. Anything else (a number cut by a boundary) is scanned again at each growth.
    pub(super) fn value<R>(
        &mut self,
        mut attempt: impl FnMut(&str, bool) -> Attempt<R>,
    ) -> Result<R, FeedError> {
        let more = self.has_next()?;
        // Places are counted only when needed: counting for every record would be quadratic.
        match attempt(&self.piece[self.pos..], more) {
            Attempt::Done(value, used) => {
                self.pos += used;
                return Ok(value);
            }
            Attempt::Failed(e) => return Err(placed(&e, self.here())),
            Attempt::More if more => {}
            Attempt::More => return Err(placed(&end_of_input(), self.here())),
        }
        let start = self.here_counted();
        let mut carry = std::mem::take(&mut self.carry);
        carry.clear();
        carry.push_str(&self.piece[self.pos..]);
        self.pos = self.piece.len();
        let mut closing = ValueEnd::after(carry.as_bytes());
        let mut check_at = carry.len().saturating_mul(2);
        let result = loop {
            if self.pos == self.piece.len() && !self.advance()? {
                break Err(placed(&end_of_input(), start));
            }
            let rest = &self.piece[self.pos..];
            let (take, closed) = match closing.as_mut().map(|c| c.close_in(rest.as_bytes())) {
                // Up to the close, or all of the piece: both end on a character boundary
                // (a bracket or quote is one byte).
                Some(Some(close)) => (close, true),
                Some(None) => (rest.len(), false),
                None => {
                    let mut take = carry.len().max(4096).min(rest.len());
                    while !rest.is_char_boundary(take) {
                        take += 1;
                    }
                    (take, false)
                }
            };
            carry.push_str(&rest[..take]);
            self.pos += take;
            let more = self.pos < self.piece.len() || self.has_next()?;
            if closed {
                // Read past the close only the old way, should it not be the value's end
                // after all (text that is not JSON).
                closing = None;
            } else if closing.is_some() && more && carry.len() < check_at {
                continue;
            }
            check_at = carry.len().saturating_mul(2);
            // Find where the value ends with serde's cheapest scan (the typed read of a cut
            // 10 MB record would be repeated at every growth), then read it once.
            // After a close the value has ended: no more text can change what it is.
            let outcome = match one::<serde::de::IgnoredAny>(&carry, more && !closed) {
                Attempt::More => continue,
                Attempt::Done(_, end) => attempt(&carry[..end], false),
                Attempt::Failed(_) => attempt(&carry, more),
            };
            match outcome {
                Attempt::Done(value, used) => {
                    // The value began before this piece and ends in it: what it left unread
                    // is the end of what was just taken.
                    let unread = carry.len() - used;
                    match self.pos.checked_sub(unread).filter(|_| unread <= take) {
                        Some(pos) => self.pos = pos,
                        None => break Err(placed(&end_of_input(), start)),
                    }
                    break Ok(value);
                }
                Attempt::More if more => {}
                Attempt::More => break Err(placed(&end_of_input(), start)),
                Attempt::Failed(e) => break Err(placed(&e, start)),
            }
        };
        // Keep the buffer for the next cut value, unless a huge record grew it.
        if carry.capacity() <= 1024 * 1024 {
            self.carry = carry;
        }
        result
    }

    /// The rest of the document from its start as text, for the messages of a document that
    /// is not an object at all: the lines and columns already passed are kept as blank ones,
    /// so positions stay where they were.
    pub(super) fn rest_from_start(&mut self) -> Result<String, FeedError> {
        let (line, column) = self.here();
        let mut all = "\n".repeat(line - 1) + &" ".repeat(column);
        all.push_str(&self.piece[self.pos..]);
        while self.advance()? {
            all.push_str(&self.piece[self.pos..]);
        }
        Ok(all)
    }

    /// After a failure: the offset of the first byte that is not UTF-8 in what is left, since
    /// a document that is not UTF-8 is reported as such before anything else.
    pub(super) fn first_invalid_utf8(&mut self) -> Option<usize> {
        loop {
            match self.advance() {
                Ok(true) => {}
                Err(FeedError::NotUtf8 { offset }) => return Some(offset),
                Ok(false) | Err(_) => return None,
            }
        }
    }

    fn has_next(&mut self) -> Result<bool, FeedError> {
        while self.next.is_none() {
            match self.pieces.next_piece()? {
                Some((piece, skip)) if piece.len() == skip => {}
                Some(piece) => self.next = Some(piece),
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Moves to the next non-empty piece, dropping this one; `false` at the end.
    /// Newlines in the current piece before `pos`, counting on from the last count.
    fn newlines_to(&self, pos: usize) -> usize {
        let (counted_to, counted) = self.counted;
        let bytes = self.piece.as_bytes();
        match bytes.get(counted_to..pos.min(bytes.len())) {
            Some(rest) => counted + newlines(rest),
            None => newlines(&bytes[..pos.min(bytes.len())]),
        }
    }

    /// [`Text::here`], remembering the count: the piece is about to be passed, and each of
    /// its bytes is then counted once.
    fn here_counted(&mut self) -> (usize, usize) {
        self.counted = (self.pos, self.newlines_to(self.pos));
        self.here()
    }

    fn advance(&mut self) -> Result<bool, FeedError> {
        let passed = self.piece.as_bytes();
        match memchr::memrchr(b'\n', passed) {
            Some(last) => {
                self.lines_before += self.newlines_to(passed.len());
                self.column_before = passed.len() - last - 1;
            }
            None => self.column_before += passed.len().saturating_sub(self.skip),
        }
        self.piece = Cow::Borrowed("");
        self.pos = 0;
        self.skip = 0;
        self.counted = (0, 0);
        if !self.has_next()? {
            return Ok(false);
        }
        if let Some((next, skip)) = self.next.take() {
            self.piece = next;
            self.pos = skip;
            self.skip = skip;
        }
        Ok(true)
    }
}

/// Counted in blocks of 255 bytes with a byte-wide sum, which the compiler vectorizes 32
/// bytes at a time: `memchr`'s iterator pays per newline, and a feed written one record a
/// line has one every few hundred bytes.
/// Where an object, array or string that began in an earlier piece closes, found byte by
/// byte as its pieces arrive: each byte is looked at once.
#[derive(Debug)]
struct ValueEnd {
    /// Open brackets (0 for a string at the top).
    depth: usize,
    in_string: bool,
    /// The byte before was a backslash inside a string.
    escaped: bool,
}

impl ValueEnd {
    /// Follows the value at the start of `seen` (after whitespace) through `seen`, which does
    /// not hold its close; `None` if it is not an object, array or string.
    fn after(seen: &[u8]) -> Option<ValueEnd> {
        let first = seen.iter().position(|b| !b.is_ascii_whitespace())?;
        let mut end = match seen[first] {
            b'{' | b'[' => ValueEnd {
                depth: 1,
                in_string: false,
                escaped: false,
            },
            b'"' => ValueEnd {
                depth: 0,
                in_string: true,
                escaped: false,
            },
            _ => return None,
        };
        // A close here would mean the value is not what it seemed: follow it no further.
        match end.close_in(&seen[first + 1..]) {
            None => Some(end),
            Some(_) => None,
        }
    }

    /// The offset just past the value's close in `bytes`, if it closes there.
    fn close_in(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut at = 0;
        while at < bytes.len() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    at += 1;
                    continue;
                }
                // Only a quote or a backslash matters inside a string.
                at += memchr::memchr2(b'"', b'\\', &bytes[at..])?;
                if bytes[at] == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(at + 1);
                    }
                } else {
                    self.escaped = true;
                }
            } else {
                match bytes[at] {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    b'}' | b']' => {
                        self.depth = self.depth.saturating_sub(1);
                        if self.depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
            }
            at += 1;
        }
        None
    }
}

fn newlines(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            usize::from(
                block
                    .iter()
                    .fold(0_u8, |n, &b| n.wrapping_add(u8::from(b == b'\n'))),
            )
        })
        .sum()
}

fn not_json(message: &str, line: usize, column: usize) -> FeedError {
    FeedError::NotJson {
        message: format!("{message} at line {line} column {column}"),
    }
}

/// A `serde_json` error in a value read from `start`, placed in the whole document.
fn placed(e: &serde_json::Error, (line, column): (usize, usize)) -> FeedError {
    let message = super::without_position(e);
    if e.line() == 0 {
        return FeedError::NotJson { message };
    }
    let at_column = if e.line() == 1 {
        column + e.column()
    } else {
        e.column()
    };
    not_json(&message, line + e.line() - 1, at_column)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fed in pieces of every size, the follower closes each value exactly where serde ends
    /// it, and never inside: brackets and quotes inside strings, escaped quotes and
    /// backslashes, nesting, multi-byte text.
    #[test]
    fn a_value_is_followed_to_where_serde_ends_it_however_it_is_cut() {
        let values = [
            r#"{"a": "}]", "b": [1, {"c": "\"}"}], "d": "\\"}"#,
            r#"["x\\\"]", [], {}, [[["deep"]]], "岳麓区 😀 ]"]"#,
            r#""a string with \" and \\ and } ]""#,
            r#"{"empty": "", "esc": "\\\\", "u": "\u005d"}"#,
        ];
        for value in values {
            let text = format!("{value} , trailing");
            let Attempt::Done(_, serde_end) = one::<serde::de::IgnoredAny>(&text, false) else {
                unreachable!("each value is JSON")
            };
            assert_eq!(serde_end, value.len(), "{value}");
            let bytes = text.as_bytes();
            for first in 1..value.len() {
                for size in [1, 2, 3, 7, 64] {
                    let mut end = ValueEnd::after(&bytes[..first]).expect("followed");
                    let mut at = first;
                    let closed = loop {
                        let piece = &bytes[at..(at + size).min(bytes.len())];
                        if let Some(close) = end.close_in(piece) {
                            break Some(at + close);
                        }
                        at += piece.len();
                        if at == bytes.len() {
                            break None;
                        }
                    };
                    assert_eq!(closed, Some(value.len()), "{value} from {first} by {size}");
                }
            }
        }
        assert!(
            ValueEnd::after(b"  123").is_none(),
            "numbers are not followed"
        );
        assert!(ValueEnd::after(b"{}").is_none(), "closed already");
    }
}
