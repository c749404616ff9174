//! Word, number and punctuation tokens with byte offsets, and their lexicon entries: one pass over
//! the bytes of a stretch of prose, with a fast path for ASCII letters, spaces and punctuation.

use crate::analysis::lexicon::{lexicon, Entry, Lexicon};
use super::lower::lower_into;
use crate::analysis::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// A quotation mark or an apostrophe that may be one; `quotes` decides.
    Mark,
    Punct,
}

/// 16 bytes: a 1 MB article has some 230,000 tokens, scanned again and again.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// The lexicon entry of the lower-cased stem ([`Lexicon::entry_at`]), or `NO_ENTRY`.
    pub(super) entry: u32,
    pub kind: TokKind,
    /// First character is upper case.
    pub cap: bool,
    /// Ends in ’s / 's ("Macron’s"); `stem_end` excludes it.
    pub possessive: bool,
    /// Bytes of the possessive ending.
    pub(super) suffix: u8,
}

const NO_ENTRY: u32 = u32::MAX;
const _: () = assert!(std::mem::size_of::<Token>() == 16);

impl Token {
    fn new(start: usize, end: usize, kind: TokKind) -> Token {
        Token { start: start as u32, end: end as u32, entry: NO_ENTRY, kind, cap: false, possessive: false, suffix: 0 }
    }
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
    /// A nickname's quotation mark (Mara "Bee" Quill): [`mark_nicknames`] leaves these, and only
    /// these, quotation marks as punctuation, which a name may hold.
    #[inline]
    pub fn is_nickname_mark(&self, text: &str) -> bool {
        self.kind == TokKind::Punct && is_quote_char(self.first_char(text))
    }
    /// End of the word without its possessive ending.
    #[inline]
    pub fn stem_end(&self) -> u32 {
        self.end - self.suffix as u32
    }
    pub fn stem<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.stem_end() as usize]
    }
    /// The lexicon entry of the lower-cased stem, if any.
    #[inline]
    pub fn entry(&self) -> Option<&'static Entry> {
        if self.entry == NO_ENTRY {
            None
        } else {
            Some(lexicon().entry_at(self.entry))
        }
    }
    #[inline]
    pub fn flags(&self) -> u64 {
        lexicon().flags_at(self.entry)
    }
    #[inline]
    pub fn has(&self, flag: u64) -> bool {
        self.flags() & flag != 0
    }
    /// The lexicon has an entry for the lower-cased stem.
    #[inline(always)]
    pub fn in_lexicon(&self) -> bool {
        self.entry != NO_ENTRY
    }
    /// [`Token::flags`] with the lexicon at hand ([`Doc::lx`]).
    #[inline(always)]
    pub fn flags_in(&self, lx: &Lexicon) -> u64 {
        lx.flags_at(self.entry)
    }
    /// Append the stem lower-cased, as [`lower_into`] would: a word of the lexicon is its key
    /// (the tokenizer found it by that lower-cased stem), copied with no case change.
    #[inline]
    pub fn lower_stem_into(&self, text: &str, buf: &mut String) {
        if self.entry == NO_ENTRY {
            lower_into(self.stem(text), buf);
        } else {
            buf.push_str(lexicon().key_at(self.entry));
        }
    }
    /// Append the whole token lower-cased ([`lower_into`]), possessive ending included.
    #[inline]
    pub fn lower_into(&self, text: &str, buf: &mut String) {
        if self.suffix == 0 {
            self.lower_stem_into(text, buf);
        } else {
            lower_into(self.text(text), buf);
        }
    }
    #[inline]
    pub fn first_char(&self, text: &str) -> char {
        // Most tokens start with an ASCII byte: that byte is the char, read with no boundary
        // check or UTF-8 decoding (an ASCII byte never occurs inside a multi-byte char).
        match text.as_bytes().get(self.start as usize) {
            Some(&b) if b < 0x80 => b as char,
            _ => text[self.start as usize..].chars().next().unwrap_or(' '),
        }
    }
    /// The token is `w`, ignoring ASCII case; compares bytes, so no char-boundary slicing.
    #[inline(always)]
    pub fn is_ci(&self, text: &str, w: &str) -> bool {
        text.as_bytes()[self.start as usize..self.end as usize].eq_ignore_ascii_case(w.as_bytes())
    }
    pub fn is_punct(&self, text: &str, c: char) -> bool {
        self.kind == TokKind::Punct && self.first_char(text) == c
    }
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '「' | '」' | '『' | '』' | '‟' | '‛'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

/// What the tokenizer does with an ASCII byte, in one table look-up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ' ', '\n', '\r', '\t'.
    Space,
    /// Printable ASCII punctuation other than `'`, `"` and `-`: a one-byte token.
    Punct,
    /// A letter or digit: starts or continues a word.
    Alnum,
    /// `"`: a one-byte quotation mark.
    Quote,
    /// Anything else (', hyphens, control bytes, non-ASCII): the general path.
    Other,
}

static CLASS: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b == b' ' || b == b'\n' || b == b'\r' || b == b'\t' {
            Class::Space
        } else if b.is_ascii_alphanumeric() {
            Class::Alnum
        } else if b == b'"' {
            Class::Quote
        } else if b > 0x20 && b < 0x7f && b != b'\'' && b != b'"' && b != b'-' {
            Class::Punct
        } else {
            Class::Other
        };
        i += 1;
    }
    t
};

#[inline(always)]
fn ascii_alnum(b: u8) -> bool {
    CLASS[b as usize] == Class::Alnum
}

/// Split `span` into tokens, skipping excluded regions; the indices of quotation marks go to
/// `marks` too.
pub(super) fn tokenize(text: &str, span: Span, excluded: &[Span], out: &mut Vec<Token>, marks: &mut Vec<u32>) {
    let lx = lexicon();
    let mut ex = excluded.partition_point(|s| s.end <= span.start);
    let mut i = span.start;
    while i < span.end {
        if ex < excluded.len() && excluded[ex].start <= i {
            i = past_region(text, excluded[ex], i);
            ex += 1;
            continue;
        }
        // Up to the next excluded region no token can reach into one: scan the stretch without
        // checking them again.
        let limit = if ex < excluded.len() { excluded[ex].start.min(span.end) } else { span.end };
        i = tokenize_prose(lx, text, i, limit, out, marks);
    }
}

/// Where tokenising resumes after the excluded `region` met at `i`: its end, on a char boundary.
fn past_region(text: &str, region: Span, i: usize) -> usize {
    let mut i = region.end.max(i + 1);
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Tokens of `[i, limit)`, which holds no excluded region; returns where the scan stopped.
#[inline(always)]
fn tokenize_prose(lx: &Lexicon, text: &str, mut i: usize, limit: usize, out: &mut Vec<Token>, marks: &mut Vec<u32>) -> usize {
    let bytes = text.as_bytes();
    while i < limit {
        i = match CLASS[bytes[i] as usize] {
            Class::Space => i + 1,
            Class::Punct => {
                out.push(Token::new(i, i + 1, TokKind::Punct));
                i + 1
            }
            Class::Alnum => word_at(lx, text, i, limit, out),
            Class::Quote => push_mark(i, i + 1, out, marks),
            Class::Other => token_other(lx, text, i, limit, out, marks),
        };
    }
    i
}

/// The word or number starting with the ASCII letter or digit at `i`; returns where the next
/// token may begin (past the word's following space, as most words end in one).
#[inline(always)]
fn word_at(lx: &Lexicon, text: &str, i: usize, limit: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[i];
    let numeric = b.is_ascii_digit();
    let j = match short_ascii_word(lx, bytes, i, limit, numeric, out) {
        Some(j) => j,
        None => {
            let mut ascii = true;
            let j = word_end(text, i + 1, limit, numeric, &mut ascii);
            push_word(lx, text, i, j, numeric, ascii, b.is_ascii_uppercase(), out);
            j
        }
    };
    if j < limit && bytes[j] == b' ' {
        j + 1
    } else {
        j
    }
}

/// Most words are short: the word at `i` if one 8-byte load holds all of it (two for a word of
/// 8 to 15 bytes), letters and digits only (so no possessive ending), looked up in the lexicon
/// (a short word from that same load): pushed, and its end returned.
#[inline(always)]
fn short_ascii_word(lx: &Lexicon, bytes: &[u8], i: usize, limit: usize, numeric: bool, out: &mut Vec<Token>) -> Option<usize> {
    if i + 8 > bytes.len() {
        return None;
    }
    let x = load8(bytes, i);
    // Byte 0 is a letter or digit, so the first stop is at 1..8.
    let mut p = (non_alnum8(x).trailing_zeros() / 8) as usize;
    if p == 8 {
        // A word of 8 bytes or more: a second load finds the end of one of up to 15.
        if i + 16 > bytes.len() {
            return None;
        }
        p += (non_alnum8(load8(bytes, i + 8)).trailing_zeros() / 8) as usize;
        if p == 16 {
            return None;
        }
    }
    if i + p < limit && may_continue(bytes[i + p], numeric) && may_join(bytes, i + p, limit, numeric) {
        return None;
    }
    let j = (i + p).min(limit);
    let n = j - i;
    let entry = if numeric {
        None
    } else if n <= 8 {
        lx.index_ci_small(x & (u64::MAX >> (64 - 8 * n)), n)
    } else {
        lx.index_ci_ascii_bytes(&bytes[i..j])
    };
    out.push(Token {
        start: i as u32,
        end: j as u32,
        entry: entry.unwrap_or(NO_ENTRY),
        kind: if numeric { TokKind::Number } else { TokKind::Word },
        cap: bytes[i].is_ascii_uppercase(),
        possessive: false,
        suffix: 0,
    });
    Some(j)
}

#[inline(always)]
fn load8(bytes: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(w)
}

/// A high bit in every byte of `x` that is not an ASCII letter or digit (per byte, on the low 7
/// bits, so no carry crosses into the next byte).
#[inline(always)]
fn non_alnum8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = x & !HIGH;
    let digit = (low + ONES * (0x80 - b'0' as u64)) & !(low + ONES * (0x80 - b'9' as u64 - 1));
    let folded = low | (ONES * 0x20);
    let letter = (folded + ONES * (0x80 - b'a' as u64)) & !(folded + ONES * (0x80 - b'z' as u64 - 1));
    !((digit | letter) & !x) & HIGH
}

/// Can the non-alphanumeric byte `b` right after a run of letters and digits continue the word
/// ([`word_end`] decides)? Non-ASCII, the joiners, and in numbers ',', ':', '/'.
#[inline(always)]
fn may_continue(b: u8, numeric: bool) -> bool {
    b >= 0x80 || matches!(b, b'\'' | b'-' | b'.' | b'&' | b'_') || (numeric && matches!(b, b',' | b':' | b'/'))
}

/// Can the joiner at `j` (a byte [`may_continue`] accepts) continue the word, as [`word_end`]
/// reads it? Not when an ASCII byte that is no letter or digit follows (the full stop after
/// "said."), or nothing does; a non-ASCII byte at or after it is left to [`word_end`].
#[inline(always)]
fn may_join(bytes: &[u8], j: usize, limit: usize, numeric: bool) -> bool {
    let b = bytes[j];
    if b >= 0x80 || j + 1 >= limit {
        return b >= 0x80;
    }
    let nb = bytes[j + 1];
    if nb >= 0x80 {
        return true;
    }
    if numeric && matches!(b, b',' | b':' | b'/') {
        nb.is_ascii_digit()
    } else {
        ascii_alnum(nb)
    }
}

/// Where the word whose first character ends at `j` ends: letters, digits, combining marks, and
/// joiners (apostrophe, hyphen, '.', '&', '_'; in numbers also ',', ':', '/') with a letter or
/// digit after them. Clears `ascii` on a non-ASCII character.
#[inline(always)]
fn word_end(text: &str, mut j: usize, limit: usize, numeric: bool, ascii: &mut bool) -> usize {
    let bytes = text.as_bytes();
    while j < limit {
        // The common case: a run of ASCII letters and digits.
        j += bytes[j..limit].iter().position(|&x| !ascii_alnum(x)).unwrap_or(limit - j);
        if j >= limit {
            break;
        }
        let bj = bytes[j];
        if bj < 0x80 {
            // ASCII, not a letter or digit: only a joiner continues the word.
            let num_sep = numeric && matches!(bj, b',' | b':' | b'/');
            if !(num_sep || matches!(bj, b'\'' | b'-' | b'.' | b'&' | b'_')) {
                break;
            }
            let k = j + 1;
            if k >= limit {
                break;
            }
            let nb = bytes[k];
            let ok = if num_sep {
                nb.is_ascii_digit()
            } else if nb < 0x80 {
                ascii_alnum(nb)
            } else {
                text[k..limit].chars().next().is_some_and(char::is_alphanumeric)
            };
            if !ok {
                break;
            }
            j = k;
            continue;
        }
        let d = text[j..].chars().next().unwrap_or(' ');
        if d.is_alphanumeric() || d == '\u{0301}' || is_combining(d) {
            *ascii = false;
            j += d.len_utf8();
            continue;
        }
        // Non-ASCII joiners: ’ and the Unicode hyphens.
        if is_apostrophe(d) || is_hyphen(d) {
            let k = j + d.len_utf8();
            if let Some(n) = text[k.min(limit)..limit].chars().next() {
                if n.is_alphanumeric() {
                    *ascii = false;
                    j = k;
                    continue;
                }
            }
        }
        break;
    }
    j
}

/// Push the word `[i, j)` with its possessive ending and lexicon entry.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn push_word(lx: &Lexicon, text: &str, i: usize, j: usize, numeric: bool, ascii: bool, cap: bool, out: &mut Vec<Token>) {
    // Possessive 's / ’s (any case of s), with something before it.
    let w = &text.as_bytes()[i..j];
    let n = w.len();
    let mut stem_end = j;
    let mut possessive = false;
    if n > 2 && (w[n - 1] | 0x20) == b's' {
        if w[n - 2] == b'\'' {
            stem_end = j - 2;
            possessive = true;
        } else if n > 4 && w[n - 4..n - 1] == *"’".as_bytes() {
            stem_end = j - 4;
            possessive = true;
        }
    }
    let entry = if numeric {
        None
    } else if ascii {
        lx.index_ci_ascii_bytes(&w[..stem_end - i])
    } else {
        lx.index_ci(&text[i..stem_end])
    };
    out.push(Token {
        start: i as u32,
        end: j as u32,
        entry: entry.unwrap_or(NO_ENTRY),
        kind: if numeric { TokKind::Number } else { TokKind::Word },
        cap,
        possessive,
        suffix: (j - stem_end) as u8,
    });
}

/// Push the quotation mark `[i, j)` and list it; returns `j`.
#[inline(always)]
fn push_mark(i: usize, j: usize, out: &mut Vec<Token>, marks: &mut Vec<u32>) -> usize {
    marks.push(out.len() as u32);
    out.push(Token::new(i, j, TokKind::Mark));
    j
}

/// The token (or skipped character) at `i` that does not start with a space, an ASCII letter or
/// digit, or plain ASCII punctuation; returns where the next one begins.
#[inline(never)]
fn token_other(lx: &Lexicon, text: &str, i: usize, limit: usize, out: &mut Vec<Token>, marks: &mut Vec<u32>) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[i];
    // “ and ”, the commonest non-ASCII marks, read with no char decoding.
    if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9C | 0x9D)) {
        return push_mark(i, i + 3, out, marks);
    }
    let c = if b < 0x80 { b as char } else { text[i..].chars().next().unwrap_or(' ') };
    let clen = c.len_utf8();
    // Curly quotation marks are neither space nor letters: skip the Unicode table searches.
    let curly = b >= 0x80 && is_quote_char(c);
    if !curly && (c.is_whitespace() || c == '\u{feff}' || c.is_control()) {
        return i + clen;
    }
    // ’90s: an apostrophe that opens an elided year is part of the word.
    if is_apostrophe(c) {
        let rest = &bytes[i + clen..limit];
        if rest.len() >= 2 && rest[0].is_ascii_digit() && rest[1].is_ascii_digit() && (rest.len() == 2 || !rest[2].is_ascii_digit()) {
            let mut j = i + clen + 2;
            if j < limit && bytes[j] == b's' {
                j += 1;
            }
            out.push(Token::new(i, j, TokKind::Number));
            return j;
        }
    }
    if !curly && c.is_alphanumeric() {
        // Non-ASCII: `c.is_ascii_digit()` is false, so never a number.
        let mut ascii = false;
        let j = word_end(text, i + clen, limit, false, &mut ascii);
        push_word(lx, text, i, j, false, false, c.is_uppercase(), out);
        return j;
    }
    // Two apostrophes typed for a double quotation mark ('' as in some wire styles).
    let clen = if (c == '\'' || c == '’') && text[i + clen..limit].starts_with(c) {
        clen * 2
    } else if c == '-' {
        // "--" typed for a dash is one dash.
        1 + bytes[i + 1..limit].iter().take_while(|&&b| b == b'-').count()
    } else {
        clen
    };
    let kind = if is_quote_char(c) {
        marks.push(out.len() as u32);
        TokKind::Mark
    } else {
        TokKind::Punct
    };
    out.push(Token::new(i, i + clen, kind));
    i + clen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::tests::words;
    use crate::analysis::Format;
    use crate::analysis::text::Doc;

    #[test]
    fn tokens_keep_abbreviations_and_possessives() {
        let t = "Mr. Putin’s aide met U.S. officials at 3 p.m. on 2022-02-21, paying $1,000.";
        assert_eq!(
            words(t, Format::PlainText),
            ["Mr", ".", "Putin’s", "aide", "met", "U.S", ".", "officials", "at", "3", "p.m", ".", "on", "2022-02-21", ",", "paying", "$", "1,000", "."]
        );
        assert_eq!(words("open 24/7 since 3/4/2019, and/or not", Format::PlainText), ["open", "24/7", "since", "3/4/2019", ",", "and", "/", "or", "not"]);
        let doc = Doc::new(t, Format::PlainText);
        assert!(doc.tokens[2].possessive);
        assert_eq!(doc.tokens[2].stem(t), "Putin");
    }

    #[test]
    fn eight_byte_word_scan_matches_ascii_alphanumeric() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut x = [b'a'; 8];
                x[pos] = b;
                let stop = non_alnum8(u64::from_le_bytes(x));
                for (k, &c) in x.iter().enumerate() {
                    assert_eq!(stop >> (8 * k + 7) & 1 == 1, !c.is_ascii_alphanumeric(), "byte {b:#x} at {pos}, checking {k}");
                }
            }
        }
        // Short words at the end of a text, and words ending at every offset of the load.
        assert_eq!(words("Ab", Format::PlainText), ["Ab"]);
        assert_eq!(words("said. a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh iiiiiiiii", Format::PlainText), ["said", ".", "a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii"]);
        assert_eq!(words("the U.S.-based rock’n’roll 1,000,000 3:15 it's Kate's", Format::PlainText), ["the", "U.S", ".", "-", "based", "rock’n’roll", "1,000,000", "3:15", "it's", "Kate's"]);
    }

    #[test]
    fn apostrophes_inside_words_and_years() {
        assert_eq!(words("rock ’n’ roll in the ’90s, don’t", Format::PlainText), ["rock", "’", "n", "’", "roll", "in", "the", "’90s", ",", "don’t"]);
    }
}
