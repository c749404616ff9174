//! Every conversion between byte offsets (what the engine speaks) and LSP positions (what the
//! editor speaks) lives here, over a `ropey::Rope`.
//!
//! LSP lines end at LF, CRLF or CR (ropey is built with `cr_lines` only, so it agrees). Columns
//! count UTF-8 bytes or UTF-16 code units, as negotiated at `initialize`. Positions the client
//! sends that fall past the end of a line or document, inside a UTF-8 sequence or between the two
//! halves of a surrogate pair are clamped to the nearest earlier valid place and reported through
//! [`Clamp`] so the caller can log it; nothing here panics on client input.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// The LSP default, which every client understands.
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no counting needed), else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(list) if list.iter().any(|k| k == &PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// Why a client position was moved; the caller logs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clamp {
    PastEndOfDocument,
    PastEndOfLine,
    InsideCharacter,
}

impl std::fmt::Display for Clamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Clamp::PastEndOfDocument => "line past the end of the document",
            Clamp::PastEndOfLine => "column past the end of the line",
            Clamp::InsideCharacter => "column inside a character (e.g. between the halves of a surrogate pair)",
        })
    }
}

/// Byte offset of the end of `line`'s content (before its line break).
fn line_content_end(rope: &Rope, line: usize) -> usize {
    if line + 1 >= rope.len_lines() {
        return rope.len_bytes();
    }
    let next = rope.line_to_byte(line + 1);
    // `next` follows a line break: LF, CR, or CRLF.
    if next >= 2 && rope.byte(next - 1) == b'\n' && rope.byte(next - 2) == b'\r' {
        next - 2
    } else {
        next - 1
    }
}

/// Snap a byte offset down to the start of the character containing it.
fn floor_char_boundary(rope: &Rope, byte: usize) -> usize {
    rope.char_to_byte(rope.byte_to_char(byte))
}

/// The byte offset of `pos`, clamped to a valid place. The second value says what was clamped.
pub fn to_byte(rope: &Rope, pos: Position, enc: Encoding) -> (usize, Option<Clamp>) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_bytes(), Some(Clamp::PastEndOfDocument));
    }
    let start = rope.line_to_byte(line);
    let end = line_content_end(rope, line);
    let col = pos.character as usize;
    match enc {
        Encoding::Utf8 => {
            if col > end - start {
                return (end, Some(Clamp::PastEndOfLine));
            }
            let byte = start + col;
            let snapped = floor_char_boundary(rope, byte);
            (snapped, (snapped != byte).then_some(Clamp::InsideCharacter))
        }
        Encoding::Utf16 => {
            let start_cu = rope.char_to_utf16_cu(rope.byte_to_char(start));
            let end_cu = rope.char_to_utf16_cu(rope.byte_to_char(end));
            if col > end_cu - start_cu {
                return (end, Some(Clamp::PastEndOfLine));
            }
            let target = start_cu + col;
            let ch = rope.utf16_cu_to_char(target);
            let byte = rope.char_to_byte(ch);
            let exact = rope.char_to_utf16_cu(ch) == target;
            (byte, (!exact).then_some(Clamp::InsideCharacter))
        }
    }
}

/// Byte range of an LSP range (end never before start).
pub fn to_span(rope: &Rope, range: Range, enc: Encoding) -> (usize, usize, Option<Clamp>) {
    let (a, ca) = to_byte(rope, range.start, enc);
    let (b, cb) = to_byte(rope, range.end, enc);
    (a.min(b), a.max(b), ca.or(cb))
}

/// The LSP position of a byte offset (clamped to the document, snapped to a character start).
pub fn to_position(rope: &Rope, byte: usize, enc: Encoding) -> Position {
    let byte = floor_char_boundary(rope, byte.min(rope.len_bytes()));
    let line = rope.byte_to_line(byte);
    let line_start = rope.line_to_byte(line);
    let character = match enc {
        Encoding::Utf8 => byte - line_start,
        Encoding::Utf16 => {
            rope.char_to_utf16_cu(rope.byte_to_char(byte)) - rope.char_to_utf16_cu(rope.byte_to_char(line_start))
        }
    };
    Position::new(line as u32, character as u32)
}

pub fn to_range(rope: &Rope, start: usize, end: usize, enc: Encoding) -> Range {
    Range::new(to_position(rope, start, enc), to_position(rope, end, enc))
}

/// Zero-based line of a byte offset.
pub fn line_of(rope: &Rope, byte: usize) -> usize {
    rope.byte_to_line(byte.min(rope.len_bytes()))
}

/// Apply one `didChange` edit. `range: None` replaces the whole text. Returns what was clamped.
pub fn apply_change(rope: &mut Rope, range: Option<Range>, text: &str, enc: Encoding) -> Option<Clamp> {
    match range {
        None => {
            *rope = Rope::from_str(text);
            None
        }
        Some(range) => {
            let (start, end, clamp) = to_span(rope, range, enc);
            let (cs, ce) = (rope.byte_to_char(start), rope.byte_to_char(end));
            rope.remove(cs..ce);
            rope.insert(cs, text);
            clamp
        }
    }
}

/// Line starts of one immutable text, for converting many analysis spans quickly (diagnostics are
/// rebuilt on every keystroke). Agrees with the rope functions above; tests check both.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
    /// (byte, UTF-16 column) checkpoints every few KB inside long lines, so a position on a
    /// megabyte-long line is not counted from the line start for every diagnostic.
    marks: Vec<(usize, usize)>,
}

/// Bytes between checkpoints inside one long line.
const MARK_EVERY: usize = 4096;

/// UTF-16 length of UTF-8 text: one unit per char, two for 4-byte chars.
/// Checkpoints every [`MARK_EVERY`] bytes (at a char start) in the line `start..end`.
fn mark_long_line(text: &str, start: usize, end: usize, marks: &mut Vec<(usize, usize)>) {
    let (mut last, mut col) = (start, 0);
    let mut i = start + MARK_EVERY;
    while i < end {
        while i < end && !text.is_char_boundary(i) {
            i += 1;
        }
        if i >= end {
            break;
        }
        col += utf16_len(&text[last..i]);
        marks.push((i, col));
        last = i;
        i += MARK_EVERY;
    }
}

fn utf16_len(s: &str) -> usize {
    s.as_bytes().iter().map(|&b| ((b & 0xC0) != 0x80) as usize + (b >= 0xF0) as usize).sum()
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let b = text.as_bytes();
        let mut starts = vec![0];
        let mut marks = Vec::new();
        let mut line_start = 0;
        // memchr for the line ends: a byte-by-byte loop cost 2 ms on a megabyte.
        for i in memchr::memchr2_iter(b'\n', b'\r', b) {
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                continue; // the \n ends this line
            }
            let end = if b[i] == b'\n' && i > 0 && b[i - 1] == b'\r' { i - 1 } else { i };
            mark_long_line(text, line_start, end, &mut marks);
            line_start = i + 1;
            starts.push(line_start);
        }
        mark_long_line(text, line_start, b.len(), &mut marks);
        LineIndex { starts, marks }
    }

    fn utf16_col(&self, text: &str, start: usize, byte: usize) -> usize {
        let m = self.marks.partition_point(|&(b, _)| b <= byte);
        match m.checked_sub(1).map(|m| self.marks[m]) {
            Some((b, c)) if b >= start => c + utf16_len(&text[b..byte]),
            _ => utf16_len(&text[start..byte]),
        }
    }

    /// End of a line's content (before its line break).
    fn content_end(&self, text: &str, line: usize) -> usize {
        match self.starts.get(line + 1) {
            None => text.len(),
            Some(&next) if next >= 2 && &text.as_bytes()[next - 2..next] == b"\r\n" => next - 2,
            Some(&next) => next - 1,
        }
    }

    /// Same as [`to_position`], over `text` (which must be the text this index was built from).
    pub fn position(&self, text: &str, byte: usize, enc: Encoding) -> Position {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= byte) - 1;
        let start = self.starts[line];
        let character = match enc {
            Encoding::Utf8 => byte - start,
            Encoding::Utf16 => self.utf16_col(text, start, byte),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, text: &str, start: usize, end: usize, enc: Encoding) -> Range {
        Range::new(self.position(text, start, enc), self.position(text, end, enc))
    }

    /// Same as [`to_byte`], over `text`.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> (usize, Option<Clamp>) {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return (text.len(), Some(Clamp::PastEndOfDocument));
        }
        let start = self.starts[line];
        let end = self.content_end(text, line);
        let col = pos.character as usize;
        let content = &text[start..end];
        match enc {
            Encoding::Utf8 => {
                if col > content.len() {
                    return (end, Some(Clamp::PastEndOfLine));
                }
                let mut b = start + col;
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                (b, (b != start + col).then_some(Clamp::InsideCharacter))
            }
            Encoding::Utf16 => {
                let mut units = 0;
                for (i, c) in content.char_indices() {
                    if units == col {
                        return (start + i, None);
                    }
                    units += c.len_utf16();
                    if units > col {
                        return (start + i, Some(Clamp::InsideCharacter));
                    }
                }
                if units == col {
                    (end, None)
                } else {
                    (end, Some(Clamp::PastEndOfLine))
                }
            }
        }
    }

    pub fn line(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s <= byte) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    /// Every char boundary round-trips through both encodings, and the line index agrees with the
    /// rope on every position, valid or not.
    fn round_trips(text: &str) {
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        for byte in 0..=text.len() + 1 {
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                assert_eq!(index.position(text, byte, enc), to_position(&rope, byte, enc), "{text:?} {byte} {enc:?}");
                if byte <= text.len() {
                    assert_eq!(index.line(byte.min(text.len())), line_of(&rope, byte), "{text:?} {byte}");
                }
            }
        }
        for line in 0..rope.len_lines() as u32 + 2 {
            for col in 0..40 {
                for enc in [Encoding::Utf8, Encoding::Utf16] {
                    let p = pos(line, col);
                    assert_eq!(index.offset(text, p, enc), to_byte(&rope, p, enc), "{text:?} {p:?} {enc:?}");
                }
            }
        }
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                let p = to_position(&rope, byte, enc);
                let (back, clamp) = to_byte(&rope, p, enc);
                // A position between CR and LF names the same place as the line end.
                if text.as_bytes().get(byte) == Some(&b'\n') && byte > 0 && text.as_bytes()[byte - 1] == b'\r' {
                    continue;
                }
                assert_eq!((back, clamp), (byte, None), "{text:?} byte {byte} {enc:?} -> {p:?}");
            }
        }
    }

    #[test]
    fn long_lines_use_checkpoints_and_agree_with_the_rope() {
        let chunk = "Ana said “yes” 😀 and 北京 — e\u{301}. ";
        let long: String = chunk.repeat(700);
        let text = format!("short\n{long}\r\n{long}\rtail {long}");
        let index = LineIndex::new(&text);
        assert!(index.marks.len() > 10, "long lines get checkpoints");
        let rope = Rope::from_str(&text);
        let mut bytes: Vec<usize> = (0..text.len()).step_by(97).collect();
        for &(b, _) in &index.marks {
            bytes.extend([b.saturating_sub(1), b, b + 1, b + 5]);
        }
        bytes.push(text.len());
        for byte in bytes {
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                assert_eq!(index.position(&text, byte, enc), to_position(&rope, byte, enc), "byte {byte} {enc:?}");
            }
        }
    }

    #[test]
    fn curly_quotes_count_one_utf16_unit_three_bytes() {
        let text = "“Yes,” she said.";
        let rope = Rope::from_str(text);
        let said = text.find("said").unwrap();
        assert_eq!(to_position(&rope, said, Encoding::Utf16), pos(0, 11));
        assert_eq!(to_position(&rope, said, Encoding::Utf8), pos(0, 15));
        round_trips(text);
    }

    #[test]
    fn emoji_is_a_surrogate_pair() {
        let text = "a😀b\n😀😀x";
        let rope = Rope::from_str(text);
        let b = text.find('b').unwrap();
        assert_eq!(to_position(&rope, b, Encoding::Utf16), pos(0, 3));
        assert_eq!(to_position(&rope, b, Encoding::Utf8), pos(0, 5));
        let x = text.find('x').unwrap();
        assert_eq!(to_position(&rope, x, Encoding::Utf16), pos(1, 4));
        // Between the halves of the pair: clamped to the emoji's start.
        assert_eq!(to_byte(&rope, pos(0, 2), Encoding::Utf16), (1, Some(Clamp::InsideCharacter)));
        // Inside the UTF-8 sequence: same.
        assert_eq!(to_byte(&rope, pos(0, 3), Encoding::Utf8), (1, Some(Clamp::InsideCharacter)));
        round_trips(text);
    }

    #[test]
    fn cjk_and_combining_marks() {
        let text = "记者说：“好。”\nCafe\u{301} said é.";
        let rope = Rope::from_str(text);
        let said = text.find("said").unwrap();
        // "Cafe" + U+0301 = 5 UTF-16 units, then a space.
        assert_eq!(to_position(&rope, said, Encoding::Utf16), pos(1, 6));
        assert_eq!(to_position(&rope, said, Encoding::Utf8), pos(1, 7));
        let close = text.find('”').unwrap();
        assert_eq!(to_position(&rope, close, Encoding::Utf16), pos(0, 7));
        assert_eq!(to_position(&rope, close, Encoding::Utf8), pos(0, 21));
        round_trips(text);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree\nfour";
        let rope = Rope::from_str(text);
        assert_eq!(rope.len_lines(), 4);
        assert_eq!(to_position(&rope, text.find("two").unwrap(), Encoding::Utf16), pos(1, 0));
        assert_eq!(to_position(&rope, text.find("three").unwrap(), Encoding::Utf8), pos(2, 0));
        assert_eq!(to_position(&rope, text.find("four").unwrap(), Encoding::Utf16), pos(3, 0));
        // Column past the end of "one" stops before the CRLF, not inside it.
        assert_eq!(to_byte(&rope, pos(0, 99), Encoding::Utf16), (3, Some(Clamp::PastEndOfLine)));
        assert_eq!(to_byte(&rope, pos(1, 3), Encoding::Utf8), (8, None));
        round_trips(text);
    }

    #[test]
    fn other_unicode_breaks_are_not_lines() {
        // U+2028 and NEL are not LSP line ends.
        let text = "a\u{2028}b\u{85}c\nd";
        let rope = Rope::from_str(text);
        assert_eq!(rope.len_lines(), 2);
        assert_eq!(to_position(&rope, text.find('c').unwrap(), Encoding::Utf16), pos(0, 4));
        round_trips(text);
        round_trips("");
        round_trips("\r\r\n\n\r");
    }

    #[test]
    fn past_the_end_is_clamped() {
        let rope = Rope::from_str("ab\ncd");
        assert_eq!(to_byte(&rope, pos(7, 0), Encoding::Utf16), (5, Some(Clamp::PastEndOfDocument)));
        assert_eq!(to_byte(&rope, pos(1, 9), Encoding::Utf8), (5, Some(Clamp::PastEndOfLine)));
        assert_eq!(to_position(&rope, 99, Encoding::Utf16), pos(1, 2));
        let empty = Rope::new();
        assert_eq!(to_byte(&empty, pos(0, 0), Encoding::Utf16), (0, None));
        assert_eq!(to_position(&empty, 0, Encoding::Utf8), pos(0, 0));
    }

    #[test]
    fn edits_apply_in_both_encodings() {
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let mut rope = Rope::from_str("“Hi,” he said.\r\nNext 😀 line");
            // Type after the emoji, on the second line.
            let after_emoji = match enc {
                Encoding::Utf8 => 9,
                Encoding::Utf16 => 7,
            };
            let at = Range::new(pos(1, after_emoji), pos(1, after_emoji));
            assert_eq!(apply_change(&mut rope, Some(at), "!", enc), None);
            assert_eq!(rope.to_string(), "“Hi,” he said.\r\nNext 😀! line");
            // Replace "he" with "she".
            let he = match enc {
                Encoding::Utf8 => 10,
                Encoding::Utf16 => 6,
            };
            apply_change(&mut rope, Some(Range::new(pos(0, he), pos(0, he + 2))), "she", enc);
            assert_eq!(rope.to_string(), "“Hi,” she said.\r\nNext 😀! line");
            // Delete the line break.
            apply_change(&mut rope, Some(Range::new(pos(0, 99), pos(1, 0))), " ", enc);
            assert_eq!(rope.to_string(), "“Hi,” she said. Next 😀! line");
            // A range past the end is clamped, not a panic.
            let after_close = match enc {
                Encoding::Utf8 => 9,
                Encoding::Utf16 => 5,
            };
            let clamp = apply_change(&mut rope, Some(Range::new(pos(0, after_close), pos(9, 9))), "", enc);
            assert_eq!(clamp, Some(Clamp::PastEndOfDocument));
            assert_eq!(rope.to_string(), "“Hi,”");
            apply_change(&mut rope, None, "fresh", enc);
            assert_eq!(rope.to_string(), "fresh");
        }
    }

    #[test]
    fn edit_inside_surrogate_pair_keeps_text_valid() {
        let mut rope = Rope::from_str("a😀b");
        let clamp = apply_change(&mut rope, Some(Range::new(pos(0, 2), pos(0, 2))), "x", Encoding::Utf16);
        assert_eq!(clamp, Some(Clamp::InsideCharacter));
        assert_eq!(rope.to_string(), "ax😀b");
    }

    mod prop {
        use super::super::*;
        use proptest::prelude::*;

        fn tricky() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![Just("a"), Just(" "), Just("“"), Just("”"), Just("😀"), Just("记"), Just("e\u{301}"), Just("\r\n"), Just("\r"), Just("\n"), Just("\u{2028}")],
                0..24,
            )
            .prop_map(|parts| parts.concat())
        }

        proptest! {
            /// Any sequence of edits, at positions a client computes (valid or not), leaves the
            /// rope equal to the same edits made on a String at the clamped offsets.
            #[test]
            fn rope_edits_match_a_string_model(
                start in tricky(),
                edits in proptest::collection::vec((0u32..6, 0u32..12, 0u32..6, 0u32..12, tricky()), 1..8),
                utf8 in any::<bool>(),
            ) {
                let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
                let mut rope = Rope::from_str(&start);
                let mut model = start.clone();
                for (l1, c1, l2, c2, text) in edits {
                    let range = Range::new(Position::new(l1, c1), Position::new(l2, c2));
                    let index = LineIndex::new(&model);
                    let (a, _) = index.offset(&model, range.start, enc);
                    let (b, _) = index.offset(&model, range.end, enc);
                    model.replace_range(a.min(b)..a.max(b), &text);
                    apply_change(&mut rope, Some(range), &text, enc);
                    prop_assert_eq!(rope.to_string(), model.clone());
                }
            }
        }
    }
}
