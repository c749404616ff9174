//! The text model: which bytes are prose, paragraphs, and word/punctuation tokens with byte offsets.
//!
//! Markdown code (fenced, indented, inline), front matter, HTML comments and tags, URLs and link
//! targets are not prose and produce no tokens. A leading metadata field ("date 2022-02-21") is not
//! prose either. Sentences are cut later, once quotation marks are paired (`sentences`).

use super::lexicon::{flag, lexicon, lower8, small_word, Entry};
use super::lexicon::Lexicon;
use super::model::Span;
use super::Format;

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
    entry: u32,
    pub kind: TokKind,
    /// First character is upper case.
    pub cap: bool,
    /// Ends in ’s / 's ("Macron’s"); `stem_end` excludes it.
    pub possessive: bool,
    /// Bytes of the possessive ending.
    suffix: u8,
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

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    /// Token index range.
    pub tokens: std::ops::Range<usize>,
    /// A Markdown block quote (`> ...`).
    pub block_quote: bool,
    /// A Markdown heading.
    pub heading: bool,
}

/// A `<!-- whosaid-... -->` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub span: Span,
    /// `disable-next-line`, `disable-line`, `disable`, `enable`.
    pub command: String,
    /// Rule codes or group names; empty means every rule.
    pub names: Vec<String>,
}

pub struct Doc<'a> {
    pub text: &'a str,
    /// The lexicon, fetched once: token tests in hot loops read flags through it.
    pub lx: &'static Lexicon,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    pub directives: Vec<Directive>,
    /// The stretch of text each paragraph was tokenised from (parallel to `paragraphs`).
    chunks: Vec<Span>,
    /// Merged regions that are not prose.
    excluded: Vec<Span>,
}

/// What one analysis leaves for the next analysis of the same document: the text and its tokens,
/// paragraph by paragraph. An edit then re-tokenises only the paragraphs it touched; the others
/// are copied (shifted, after the edit). The result is the same as tokenising afresh.
pub struct Reuse {
    text: String,
    tokens: Vec<Token>,
    chunks: Vec<(Span, std::ops::Range<usize>)>,
    excluded: Vec<Span>,
}

/// How the new text lines up with the text a [`Reuse`] was made from.
struct Prior<'r> {
    reuse: &'r Reuse,
    /// Bytes equal at the start of both texts.
    prefix: usize,
    /// Where the equal tail begins in the new text.
    suffix_from: usize,
    /// New length minus old length.
    delta: isize,
}

impl<'r> Prior<'r> {
    fn new(reuse: &'r Reuse, text: &str) -> Prior<'r> {
        let (a, b) = (reuse.text.as_bytes(), text.as_bytes());
        let prefix = common_prefix(a, b);
        let most = a.len().min(b.len()) - prefix;
        let suffix = common_suffix(&a[a.len() - most..], &b[b.len() - most..]);
        Prior { reuse, prefix, suffix_from: b.len() - suffix, delta: b.len() as isize - a.len() as isize }
    }

    /// The old tokens of the stretch `span` of the new text, if that stretch is unchanged and
    /// its non-prose regions are too; with the shift to apply to their offsets.
    fn tokens(&self, span: Span, excluded: &[Span]) -> Option<(&'r [Token], isize)> {
        let shift = if span.end <= self.prefix {
            0
        } else if span.start >= self.suffix_from {
            self.delta
        } else {
            return None;
        };
        let old = Span::new((span.start as isize - shift) as usize, (span.end as isize - shift) as usize);
        let chunks = &self.reuse.chunks;
        let i = chunks.partition_point(|(s, _)| s.start < old.start);
        let (s, range) = chunks.get(i)?;
        if *s != old {
            return None;
        }
        if !clipped(&self.reuse.excluded, old, shift).eq(clipped(excluded, span, 0)) {
            return None;
        }
        Some((&self.reuse.tokens[range.clone()], shift))
    }
}

/// The non-prose regions that reach into `within`, cut to it and shifted.
fn clipped(ex: &[Span], within: Span, shift: isize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let a = ex.partition_point(|e| e.end <= within.start);
    let b = ex.partition_point(|e| e.start < within.end).max(a);
    ex[a..b].iter().map(move |e| ((e.start.max(within.start) as isize + shift) as usize, (e.end.min(within.end) as isize + shift) as usize))
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    // Block by block (memcmp), then byte by byte inside the first block that differs.
    while i + 64 <= n && a[i..i + 64] == b[i..i + 64] {
        i += 64;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut k = 0;
    while k + 64 <= n && a[n - k - 64..n - k] == b[n - k - 64..n - k] {
        k += 64;
    }
    while k < n && a[n - k - 1] == b[n - k - 1] {
        k += 1;
    }
    k
}

/// Lower-case `s` into `buf` (ASCII fast path) and return it.
pub fn lower<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    lower_into(s, buf);
    buf.as_str()
}

/// Append `s` lower-cased as [`lower`] does.
pub fn lower_into(s: &str, buf: &mut String) {
    // Most words are short: one register says whether the word is ASCII and whether it holds a
    // capital, and a lower-case word is copied as it is.
    if s.len() <= 8 {
        let x = small_word(s.as_bytes());
        if x & 0x8080_8080_8080_8080 == 0 {
            let from = buf.len();
            buf.push_str(s);
            if lower8(x) != x {
                buf[from..].make_ascii_lowercase();
            }
            return;
        }
    }
    if s.is_ascii() {
        let from = buf.len();
        buf.push_str(s);
        buf[from..].make_ascii_lowercase();
    } else {
        for ch in s.chars() {
            match ch {
                '’' | '‘' => buf.push('\''),
                c => buf.extend(c.to_lowercase()),
            }
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A cleared String from a per-thread pool, returned on drop. Look-up keys are lower-cased for
/// every candidate noun phrase and phrase word; a fresh allocation each time cost more than the
/// look-up itself.
pub struct Scratch(String);

impl Scratch {
    pub fn new() -> Scratch {
        let pooled = SCRATCH.try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop())).ok().flatten();
        Scratch(pooled.unwrap_or_default())
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let mut s = std::mem::take(&mut self.0);
        // Don't hoard a buffer grown by one huge token.
        if s.capacity() > 4096 {
            return;
        }
        s.clear();
        let _ = SCRATCH.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                if p.len() < 32 {
                    p.push(s);
                }
            }
        });
    }
}

impl std::ops::Deref for Scratch {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Scratch {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
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

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, format: Format) -> Doc<'a> {
        Doc::reusing(text, format, None)
    }

    /// Like [`Doc::new`], copying the tokens of paragraphs an edit left alone from `reuse`.
    pub fn reusing(text: &'a str, format: Format, reuse: Option<&Reuse>) -> Doc<'a> {
        let mut excluded = Vec::new();
        let mut directives = Vec::new();
        find_comments(text, &mut excluded, &mut directives);
        find_urls(text, &mut excluded);
        find_metadata(text, &mut excluded);
        find_boilerplate(text, &mut excluded);
        let mut md_lines = Vec::new();
        if format == Format::Markdown {
            find_markdown_blocks(text, &mut excluded, &mut md_lines);
            find_inline_code(text, &mut excluded);
        }
        excluded.sort_unstable();
        let excluded = merge(excluded);
        // News runs ~4.3 bytes per token: one allocation, not a grow-and-copy of a large vector.
        let mut doc = Doc {
            text,
            lx: lexicon(),
            tokens: Vec::with_capacity(text.len() / 4),
            // A news paragraph runs well over 128 bytes: room for all of them at once, not six
            // grow-and-copy rounds of both vectors for a 2,000-word article.
            paragraphs: Vec::with_capacity(text.len() / 128 + 1),
            directives,
            chunks: Vec::with_capacity(text.len() / 128 + 1),
            excluded: Vec::new(),
        };
        let prior = reuse.map(|r| Prior::new(r, text));
        doc.split_paragraphs(&excluded, format, &md_lines, prior.as_ref());
        doc.excluded = excluded;
        doc
    }

    /// Hand the tokens on to the next analysis of this document (the text is copied).
    pub fn into_reuse(self) -> Reuse {
        let chunks = self.chunks.into_iter().zip(self.paragraphs).map(|(c, p)| (c, p.tokens)).collect();
        Reuse { text: self.text.to_string(), tokens: self.tokens, chunks, excluded: self.excluded }
    }

    fn split_paragraphs(&mut self, excluded: &[Span], format: Format, md: &[LineInfo], prior: Option<&Prior>) {
        let text = self.text;
        // Plain text with no blank line anywhere: one paragraph per line.
        let blank_separated = format == Format::Markdown || has_blank_line(text);
        let mut para_start: Option<usize> = None;
        let mut para_end = 0;
        let mut block_quote = false;
        let mut heading = false;
        let mut pos = 0;
        let mut ex_idx = 0;
        let mut md_idx = 0;
        while pos < text.len() {
            let line_end = line_end_from(text, pos);
            let next = next_line_start(text, line_end);
            let line = &text[pos..line_end];
            while ex_idx < excluded.len() && excluded[ex_idx].end <= pos {
                ex_idx += 1;
            }
            let fully_excluded = excluded[ex_idx..]
                .iter()
                .take_while(|s| s.start < line_end)
                .any(|s| s.start <= pos + leading_ws(line) && s.end >= line_end);
            let blank = line.trim().is_empty() || fully_excluded;
            let mut info = LineInfo::default();
            if format == Format::Markdown {
                while md_idx < md.len() && md[md_idx].start < pos {
                    md_idx += 1;
                }
                if md_idx < md.len() && md[md_idx].start == pos {
                    info = md[md_idx];
                }
            }
            let starts_block = info.heading || info.list_item || (info.block_quote != block_quote && para_start.is_some());
            if blank || starts_block || (!blank_separated && para_start.is_some()) {
                if let Some(s) = para_start.take() {
                    self.push_paragraph(Span::new(s, para_end), excluded, block_quote, heading, prior);
                }
            }
            if !blank {
                if para_start.is_none() {
                    para_start = Some(pos);
                    block_quote = info.block_quote;
                    heading = info.heading;
                }
                para_end = line_end;
                if info.heading {
                    self.push_paragraph(Span::new(pos, line_end), excluded, false, true, prior);
                    para_start = None;
                }
            }
            pos = next;
        }
        if let Some(s) = para_start {
            self.push_paragraph(Span::new(s, para_end), excluded, block_quote, heading, prior);
        }
    }

    fn push_paragraph(&mut self, span: Span, excluded: &[Span], block_quote: bool, heading: bool, prior: Option<&Prior>) {
        let first = self.tokens.len();
        match prior.and_then(|p| p.tokens(span, excluded)) {
            Some((old, 0)) => self.tokens.extend_from_slice(old),
            Some((old, shift)) => self.tokens.extend(old.iter().map(|t| Token {
                start: (t.start as isize + shift) as u32,
                end: (t.end as isize + shift) as u32,
                ..*t
            })),
            None => {
                tokenize(self.text, span, excluded, &mut self.tokens);
                glue_plural_possessives(self.text, &mut self.tokens, first);
                mark_nicknames(self.text, &mut self.tokens[first..]);
            }
        }
        if self.tokens.len() == first {
            return;
        }
        let start = self.tokens[first].start as usize;
        let end = self.tokens[self.tokens.len() - 1].end as usize;
        self.chunks.push(span);
        self.paragraphs.push(Paragraph {
            span: Span::new(start.min(span.start.max(start)), end),
            tokens: first..self.tokens.len(),
            block_quote,
            heading,
        });
    }
}

/// The first \n or \r at or after `pos` (or the text's end); bytes, as no other char contains them.
fn line_end_from(text: &str, pos: usize) -> usize {
    // One vectorised search for either byte: far cheaper than testing every byte for both, and
    // one call per line rather than two (every line is read twice: furniture, then paragraphs).
    let bytes = &text.as_bytes()[pos..];
    pos + memchr::memchr2(b'\n', b'\r', bytes).unwrap_or(bytes.len())
}

/// Two line feeds with only spaces, tabs or carriage returns between them.
fn has_blank_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut nls = memchr::memchr_iter(b'\n', bytes);
    let Some(mut prev) = nls.next() else { return false };
    for nl in nls {
        if bytes[prev + 1..nl].iter().all(|&b| matches!(b, b' ' | b'\t' | b'\r')) {
            return true;
        }
        prev = nl;
    }
    false
}

fn leading_ws(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn next_line_start(text: &str, line_end: usize) -> usize {
    let b = text.as_bytes();
    if line_end >= b.len() {
        return b.len();
    }
    if b[line_end] == b'\r' && line_end + 1 < b.len() && b[line_end + 1] == b'\n' {
        line_end + 2
    } else {
        line_end + 1
    }
}

fn merge(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

fn find_comments(text: &str, excluded: &mut Vec<Span>, directives: &mut Vec<Directive>) {
    let mut from = 0;
    while let Some(start) = find_from(text, from, "<!--") {
        // An unclosed comment runs to the end of the text.
        let close = text[start + 4..].find("-->").map(|j| start + 4 + j);
        let end = close.map_or(text.len(), |c| c + 3);
        excluded.push(Span::new(start, end));
        let body = text[start + 4..close.unwrap_or(text.len())].trim();
        if let Some(rest) = body.strip_prefix("whosaid-") {
            let mut words = rest.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
            if let Some(cmd) = words.next() {
                directives.push(Directive {
                    span: Span::new(start, end),
                    command: cmd.to_ascii_lowercase(),
                    names: words.map(|w| w.to_ascii_lowercase()).collect(),
                });
            }
        }
        from = end;
    }
}

/// The first occurrence of `pat` starting at or after `from`: a vectorised substring search
/// over a whole article that usually holds no comment or URL at all.
fn find_from(text: &str, from: usize, pat: &str) -> Option<usize> {
    memchr::memmem::find(&text.as_bytes()[from..], pat.as_bytes()).map(|i| from + i)
}

fn find_urls(text: &str, excluded: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    // "http://" and "https://" in one search for "http". A URL found inside another (one that
    // redirects to it) ends where the outer one does: covered by it, so not looked for.
    for pat in ["http", "www."] {
        let mut from = 0;
        while let Some(start) = find_from(text, from, pat) {
            let rest = &bytes[start + pat.len()..];
            let scheme = pat == "www." || rest.starts_with(b"://") || rest.starts_with(b"s://");
            // "www." inside a word (e.g. part of an http URL already found) is skipped.
            let www_in_word = pat == "www." && start > 0 && !bytes[start - 1].is_ascii_whitespace() && bytes[start - 1] != b'(';
            if !scheme || www_in_word {
                from = start + pat.len();
                continue;
            }
            let mut end = start;
            for (j, c) in text[start..].char_indices() {
                if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”' | '’' | ')' | ']') {
                    break;
                }
                end = start + j + c.len_utf8();
            }
            // A sentence's final period or comma is not part of the URL.
            while end > start && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?') {
                end -= 1;
            }
            excluded.push(Span::new(start, end));
            from = end.max(start + pat.len());
        }
    }
}

/// "date 2022-02-21", "Updated: 3 March 2024" and similar fields at the very start of the text.
fn find_metadata(text: &str, excluded: &mut Vec<Span>) {
    const KEYS: &[&str] = &["date", "dated", "updated", "published", "posted", "dateline", "filed"];
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let key_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    if !KEYS.iter().any(|k| rest[..key_end].eq_ignore_ascii_case(k)) {
        return;
    }
    let mut pos = key_end;
    let after = &rest[pos..];
    let skip = after.len() - after.trim_start_matches([' ', '\t', ':']).len();
    pos += skip;
    let value = &rest[pos..];
    let value_end = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ':' | 'T' | 'Z' | '+')))
        .unwrap_or(value.len());
    if value_end >= 6 && value[..value_end].bytes().filter(u8::is_ascii_digit).count() >= 4 {
        excluded.push(Span::new(lead, lead + pos + value_end));
    }
}

/// One line of web furniture (`lexicon/boilerplate.txt`): the line starts with `prefix` and, when
/// `any`, ends with `suffix` after at least one character more; else it is `prefix` exactly.
struct Furniture {
    prefix: &'static str,
    suffix: &'static str,
    any: bool,
}

/// Furniture lines are short: a line longer than this (trimmed, in bytes) is never tested.
const FURNITURE_MAX: usize = 120;

struct FurnitureList {
    list: Vec<Furniture>,
    /// Per lower-case first byte: does some pattern start with it?
    first: [bool; 256],
}

fn furniture() -> &'static FurnitureList {
    static LIST: std::sync::OnceLock<FurnitureList> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let mut list = Vec::new();
        let mut first = [false; 256];
        for line in include_str!("lexicon/boilerplate.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let f = match line.split_once('…') {
                Some((prefix, suffix)) => Furniture { prefix, suffix, any: true },
                None => Furniture { prefix: line, suffix: "", any: false },
            };
            if let Some(&b) = f.prefix.as_bytes().first() {
                first[b.to_ascii_lowercase() as usize] = true;
                list.push(f);
            }
        }
        FurnitureList { list, first }
    })
}

/// Is `line` (trimmed) wholly web furniture ("Advertisement", "Related: …", "(Photo: …)")?
fn is_furniture(line: &str) -> bool {
    let fl = furniture();
    let Some(&b) = line.as_bytes().first() else { return false };
    if line.len() > FURNITURE_MAX || !fl.first[b.to_ascii_lowercase() as usize] {
        return false;
    }
    let line = line.strip_suffix(['.', ':']).unwrap_or(line).trim_end().as_bytes();
    let ci = |a: &[u8], b: &str| a.eq_ignore_ascii_case(b.as_bytes());
    fl.list.iter().any(|f| {
        if !f.any {
            return ci(line, f.prefix);
        }
        let (p, s) = (f.prefix.len(), f.suffix.len());
        line.len() > p + s && ci(&line[..p], f.prefix) && ci(&line[line.len() - s..], f.suffix)
    })
}

/// Lines of web furniture pasted with the copy ("Story continues below advertisement"): not
/// prose, like Markdown code. Only a whole line is left out, never words inside a sentence.
fn find_boilerplate(text: &str, excluded: &mut Vec<Span>) {
    let mut pos = 0;
    while pos < text.len() {
        let end = line_end_from(text, pos);
        let line = &text[pos..end];
        let trimmed = line.trim();
        if !trimmed.is_empty() && is_furniture(trimmed) {
            let start = pos + leading_ws(line);
            excluded.push(Span::new(start, start + trimmed.len()));
        }
        pos = next_line_start(text, end);
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct LineInfo {
    start: usize,
    heading: bool,
    list_item: bool,
    block_quote: bool,
}

fn find_markdown_blocks(text: &str, excluded: &mut Vec<Span>, lines: &mut Vec<LineInfo>) {
    let mut pos = 0;
    // Front matter.
    for fence in ["---", "+++"] {
        if text.starts_with(fence) && text[3..].starts_with(['\n', '\r']) {
            let mut p = next_line_start(text, 3);
            while p < text.len() {
                let e = line_end_from(text, p);
                if text[p..e].trim_end() == fence {
                    excluded.push(Span::new(0, e));
                    pos = next_line_start(text, e);
                    break;
                }
                p = next_line_start(text, e);
            }
        }
    }
    let mut fence: Option<(char, usize, usize)> = None; // (char, run length, start)
    let mut prev_blank = true;
    let mut in_indented = false;
    while pos < text.len() {
        let e = line_end_from(text, pos);
        let line = &text[pos..e];
        let ws = leading_ws(line);
        let trimmed = &line[ws..];
        if let Some((c, n, start)) = fence {
            let run = trimmed.chars().take_while(|x| *x == c).count();
            if run >= n && trimmed[run * c.len_utf8()..].trim().is_empty() {
                excluded.push(Span::new(start, e));
                fence = None;
            }
        } else if ws <= 3 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            let c = trimmed.chars().next().unwrap_or('`');
            let n = trimmed.chars().take_while(|x| *x == c).count();
            fence = Some((c, n, pos));
        } else {
            let indent_cols: usize = line[..ws].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
            let blank = trimmed.is_empty();
            if !blank && indent_cols >= 4 && (prev_blank || in_indented) {
                excluded.push(Span::new(pos, e));
                in_indented = true;
            } else if !blank {
                in_indented = false;
                let heading = trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with([' ', '\t']) || trimmed.chars().all(|c| c == '#');
                let list_item = trimmed.starts_with(['-', '*', '+']) && trimmed[1..].starts_with(' ')
                    || (trimmed.bytes().take_while(u8::is_ascii_digit).count() > 0
                        && trimmed.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with([')', '.'])
                        && trimmed.trim_start_matches(|c: char| c.is_ascii_digit())[1..].starts_with(' '));
                let block_quote = trimmed.starts_with('>');
                if heading || list_item || block_quote {
                    lines.push(LineInfo { start: pos, heading, list_item, block_quote });
                }
                // Link targets and raw HTML tags are not prose.
                find_link_targets(text, pos, e, excluded);
            }
            prev_blank = blank;
        }
        pos = next_line_start(text, e);
    }
    if let Some((_, _, start)) = fence {
        excluded.push(Span::new(start, text.len()));
    }
}

fn find_link_targets(text: &str, start: usize, end: usize, excluded: &mut Vec<Span>) {
    let line = &text[start..end];
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b']' && i + 1 < b.len() && b[i + 1] == b'(' {
            if let Some(j) = line[i + 2..].find(')') {
                excluded.push(Span::new(start + i + 1, start + i + 2 + j + 1));
                i += j + 3;
                continue;
            }
        }
        if b[i] == b'<' && i + 1 < b.len() && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'/') {
            if let Some(j) = line[i..].find('>') {
                excluded.push(Span::new(start + i, start + i + j + 1));
                i += j + 1;
                continue;
            }
        }
        i += 1;
    }
}

fn find_inline_code(text: &str, excluded: &mut Vec<Span>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' {
            let run = b[i..].iter().take_while(|&&c| c == b'`').count();
            let open_end = i + run;
            // Find the same run length; an inline span does not cross a blank line.
            let mut j = open_end;
            let mut found = None;
            while j < b.len() {
                if b[j] == b'`' {
                    let r = b[j..].iter().take_while(|&&c| c == b'`').count();
                    if r == run {
                        found = Some(j + r);
                        break;
                    }
                    j += r;
                    continue;
                }
                if b[j] == b'\n' && text[j + 1..].trim_start_matches([' ', '\t', '\r']).starts_with('\n') {
                    break;
                }
                j += 1;
            }
            match found {
                Some(end) => {
                    excluded.push(Span::new(i, end));
                    i = end;
                }
                None => i = open_end,
            }
        } else {
            i += 1;
        }
    }
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
    /// Anything else (quotation marks, hyphens, control bytes, non-ASCII): the general path.
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

/// Split `span` into tokens, skipping excluded regions.
fn tokenize(text: &str, span: Span, excluded: &[Span], out: &mut Vec<Token>) {
    let lx = lexicon();
    let mut ex = excluded.partition_point(|s| s.end <= span.start);
    let bytes = text.as_bytes();
    let mut i = span.start;
    let end = span.end;
    while i < end {
        if ex < excluded.len() && excluded[ex].start <= i {
            i = excluded[ex].end.max(i + 1);
            ex += 1;
            while i < text.len() && !text.is_char_boundary(i) {
                i += 1;
            }
            continue;
        }
        // Up to the next excluded region no token can reach into one: scan the stretch without
        // checking them again.
        let limit = if ex < excluded.len() { excluded[ex].start.min(end) } else { end };
        while i < limit {
            let b = bytes[i];
            match CLASS[b as usize] {
                Class::Space => i += 1,
                Class::Punct => {
                    out.push(Token::new(i, i + 1, TokKind::Punct));
                    i += 1;
                }
                Class::Alnum => {
                    let numeric = b.is_ascii_digit();
                    // Most words are short: find the end in one 8-byte load, which also holds
                    // the word for the lexicon look-up.
                    if i + 8 <= bytes.len() {
                        let x = load8(bytes, i);
                        // Byte 0 is a letter or digit, so the first stop is at 1..8.
                        let p = (non_alnum8(x).trailing_zeros() / 8) as usize;
                        if p < 8 && (i + p >= limit || !may_continue(bytes[i + p], numeric)) {
                            let j = (i + p).min(limit);
                            let n = j - i;
                            let entry = if numeric { None } else { lx.index_ci_small(x & (u64::MAX >> (64 - 8 * n)), n) };
                            // Letters and digits only: no possessive ending.
                            out.push(Token {
                                start: i as u32,
                                end: j as u32,
                                entry: entry.unwrap_or(NO_ENTRY),
                                kind: if numeric { TokKind::Number } else { TokKind::Word },
                                cap: b.is_ascii_uppercase(),
                                possessive: false,
                                suffix: 0,
                            });
                            i = if j < limit && bytes[j] == b' ' { j + 1 } else { j };
                            continue;
                        }
                    }
                    let mut ascii = true;
                    let j = word_end(text, i + 1, limit, numeric, &mut ascii);
                    push_word(lx, text, i, j, numeric, ascii, b.is_ascii_uppercase(), out);
                    // Most words end in a space: skip it here rather than in another round.
                    i = if j < limit && bytes[j] == b' ' { j + 1 } else { j };
                }
                Class::Other => i = token_other(lx, text, i, limit, out),
            }
        }
    }
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
    let folded = low | ONES * 0x20;
    let letter = (folded + ONES * (0x80 - b'a' as u64)) & !(folded + ONES * (0x80 - b'z' as u64 - 1));
    !((digit | letter) & !x) & HIGH
}

/// Can the non-alphanumeric byte `b` right after a run of letters and digits continue the word
/// ([`word_end`] decides)? Non-ASCII, the joiners, and in numbers ',', ':', '/'.
#[inline(always)]
fn may_continue(b: u8, numeric: bool) -> bool {
    b >= 0x80 || matches!(b, b'\'' | b'-' | b'.' | b'&' | b'_') || (numeric && matches!(b, b',' | b':' | b'/'))
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
fn push_word(lx: &super::lexicon::Lexicon, text: &str, i: usize, j: usize, numeric: bool, ascii: bool, cap: bool, out: &mut Vec<Token>) {
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

/// The token (or skipped character) at `i` that does not start with a space, an ASCII letter or
/// digit, or plain ASCII punctuation; returns where the next one begins.
#[inline(never)]
fn token_other(lx: &super::lexicon::Lexicon, text: &str, i: usize, limit: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[i];
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
    let kind = if is_quote_char(c) { TokKind::Mark } else { TokKind::Punct };
    out.push(Token::new(i, i + clen, kind));
    i + clen
}

/// A nickname inside a name (Marcia "Cia" Price, Robert “Bobby” Scott) quotes nobody: its marks
/// become punctuation that a name may hold. One or two capitalised words touch the marks, with a
/// name word on each side.
fn mark_nicknames(text: &str, toks: &mut [Token]) {
    let double = |t: &Token| t.kind == TokKind::Mark && matches!(t.text(text), "\"" | "“" | "”");
    let name_word = |t: &Token| t.kind == TokKind::Word && t.cap && !t.possessive && t.flags() & (flag::FUNCTION | flag::DAY_MONTH) == 0;
    let mut i = 1;
    while i + 3 < toks.len() {
        // Only a mark can open a nickname: skip to the next one in a tight scan.
        match toks[i..toks.len() - 3].iter().position(|t| t.kind == TokKind::Mark) {
            Some(k) => i += k,
            None => break,
        }
        let (before, open, inner) = (&toks[i - 1], &toks[i], &toks[i + 1]);
        if !double(open) || !name_word(before) || before.end == open.start || open.end != inner.start || !name_word(inner) {
            i += 1;
            continue;
        }
        let close = if double(&toks[i + 2]) {
            i + 2
        } else if name_word(&toks[i + 2]) && double(&toks[i + 3]) {
            i + 3
        } else {
            i += 1;
            continue;
        };
        let after = toks.get(close + 1);
        if toks[close - 1].end == toks[close].start && after.is_some_and(|a| name_word(a) && toks[close].end < a.start) {
            toks[i].kind = TokKind::Punct;
            toks[close].kind = TokKind::Punct;
            i = close + 1;
        } else {
            i += 1;
        }
    }
}

/// Words an apostrophe elides at their start or end ("rock ’n’ roll", "’em", "’til"): the mark is
/// no quotation mark.
pub const ELIDED: &[&str] = &["n", "em", "til", "cause", "tis", "twas", "bout"];

/// A single mark ’ or ' alone in its token (not a doubled '' typed for a double mark).
fn single_apostrophe(text: &str, t: &Token) -> bool {
    t.kind == TokKind::Mark && matches!(t.text(text), "'" | "’")
}

/// `Wales’ team`, `the players' union`: an apostrophe right after a word ending in s or z, with a
/// space and a word after it, is the word's plural possessive ending, glued to it like ’s (so a
/// noun phrase reads through it), unless it closes a single quotation open in the paragraph
/// (`‘We beat Wales’ he said`): then it is one only if a later mark closes that quotation
/// (`‘The players’ union is strong,’ he said`). Runs on the tokens of one paragraph, from
/// `first`; single quotations never run over a paragraph end.
fn glue_plural_possessives(text: &str, toks: &mut Vec<Token>, first: usize) {
    let bytes = text.as_bytes();
    let candidate = |toks: &[Token], k: usize| -> bool {
        if k <= first {
            return false;
        }
        let (w, m) = (&toks[k - 1], &toks[k]);
        single_apostrophe(text, m)
            && w.kind == TokKind::Word
            && !w.possessive
            && w.end == m.start
            && matches!(bytes[m.start as usize - 1], b's' | b'S' | b'z' | b'Z')
            && bytes.get(m.end as usize) == Some(&b' ')
            && toks.get(k + 1).is_some_and(|n| n.start == m.end + 1 && matches!(n.kind, TokKind::Word | TokKind::Number))
    };
    // Most paragraphs hold no such apostrophe: find out before collecting the marks.
    if !(first + 1..toks.len()).any(|k| toks[k].kind == TokKind::Mark && candidate(toks, k)) {
        return;
    }
    let marks: Vec<usize> = (first..toks.len()).filter(|&k| toks[k].kind == TokKind::Mark).collect();
    // Per mark: does it open (Some(true)) or close (Some(false)) a single quotation, as placed?
    let role = |toks: &[Token], k: usize| -> Option<bool> {
        let t = &toks[k];
        let c = t.first_char(text);
        if !matches!(c, '\'' | '’' | '‘' | '‚' | '‛') || t.end - t.start != c.len_utf8() as u32 {
            return None;
        }
        let prev = text[..t.start as usize].chars().next_back().unwrap_or(' ');
        let next = text[t.end as usize..].chars().next().unwrap_or(' ');
        let elision = toks.get(k + 1).is_some_and(|n| n.start == t.end && n.kind == TokKind::Word && ELIDED.iter().any(|e| n.is_ci(text, e)));
        if elision || (prev.is_alphanumeric() && next.is_alphanumeric()) {
            None
        } else if next.is_alphanumeric() {
            Some(true)
        } else if !prev.is_whitespace() {
            Some(false)
        } else {
            None
        }
    };
    let mut open = false;
    let mut glue: Vec<usize> = Vec::new();
    for (n, &k) in marks.iter().enumerate() {
        if candidate(toks, k) {
            let closed_later = marks[n + 1..].iter().any(|&j| !candidate(toks, j) && role(toks, j) == Some(false));
            if !open || closed_later {
                glue.push(k);
            } else {
                open = false;
            }
        } else if let Some(opens) = role(toks, k) {
            open = opens;
        }
    }
    // Each glued mark joins the word before it; the tokens after move up.
    let mut gi = 0;
    let mut w = first;
    for r in first..toks.len() {
        let m = toks[r];
        if glue.get(gi) == Some(&r) {
            gi += 1;
            let word = &mut toks[w - 1];
            word.end = m.end;
            word.possessive = true;
            word.suffix = (m.end - m.start) as u8;
            continue;
        }
        toks[w] = m;
        w += 1;
    }
    toks.truncate(w);
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

/// 1-based line and column (in chars) of a byte offset; lines end at \n, \r\n or a lone \r.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let mut line = 1;
    let mut line_start = 0;
    let b = before.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            line += 1;
            line_start = i + 1;
        }
    }
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, format: Format) -> Vec<&str> {
        let doc = Doc::new(text, format);
        doc.tokens.iter().map(|t| t.text(text)).collect()
    }

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

    #[test]
    fn markdown_non_prose_is_skipped() {
        let t = "---\ntitle: x\n---\nSaid `code said` here.\n\n```\nfenced said\n```\n\n    indented said\n\nSee [link](http://example.com/said) <!-- note -->.\n";
        let w = words(t, Format::Markdown);
        assert_eq!(w, ["Said", "here", ".", "See", "[", "link", "]", "."]);
    }

    #[test]
    fn paragraphs_blank_lines_or_lines() {
        let d = Doc::new("One.\nStill one.\n\nTwo.", Format::PlainText);
        assert_eq!(d.paragraphs.len(), 2);
        let d = Doc::new("One.\nTwo.\r\nThree.", Format::PlainText);
        assert_eq!(d.paragraphs.len(), 3);
    }

    #[test]
    fn leading_metadata_is_not_prose() {
        let t = " date 2022-02-21 The council said so.";
        assert_eq!(words(t, Format::PlainText)[0], "The");
    }

    #[test]
    fn plural_possessive_apostrophes_join_their_word() {
        // (text, the words as tokens)
        let cases: &[(&str, &[&str])] = &[
            ("Wales' team physio said so.", &["Wales'", "team", "physio", "said", "so", "."]),
            ("The players’ union met.", &["The", "players’", "union", "met", "."]),
            ("The Jones' 2 cars.", &["The", "Jones'", "2", "cars", "."]),
            // Not before a word: left to quotation pairing.
            ("It was the players'.", &["It", "was", "the", "players", "'", "."]),
            ("‘We beat the Blues’, he said.", &["‘", "We", "beat", "the", "Blues", "’", ",", "he", "said", "."]),
            // A single quotation is open and nothing later closes it: the mark closes it.
            ("‘We beat the Blues’ he said.", &["‘", "We", "beat", "the", "Blues", "’", "he", "said", "."]),
            // A single quotation is open and a later mark closes it: a possessive inside it.
            ("‘The players’ union is strong,’ he said.", &["‘", "The", "players’", "union", "is", "strong", ",", "’", "he", "said", "."]),
            // An elision opens nothing.
            ("Let ’em see the girls’ team.", &["Let", "’", "em", "see", "the", "girls’", "team", "."]),
        ];
        for &(text, want) in cases {
            assert_eq!(words(text, Format::PlainText), want, "{text:?}");
        }
        let t = "Wales' team";
        let d = Doc::new(t, Format::PlainText);
        assert!(d.tokens[0].possessive);
        assert_eq!(d.tokens[0].stem(t), "Wales");
    }

    #[test]
    fn web_furniture_lines_are_not_prose() {
        // (line, left out?)
        let cases: &[(&str, bool)] = &[
            ("Advertisement", true),
            ("ADVERTISEMENT", true),
            ("Story continues below advertisement", true),
            ("Article continued below.", true),
            ("Related: Harbour council votes on new pier", true),
            ("Click here to read the full report", true),
            ("Follow us on Twitter", true),
            ("(Photo: Port Ellery Gazette)", true),
            ("This article was first published on 3 March.", true),
            ("Sign up for our morning briefing", true),
            // Not the whole line, or not furniture.
            ("The mayor said the advertisement was misleading.", false),
            ("Related:", false),
            ("Advertisement revenue fell by a third, the company said.", false),
            ("Follow us", false),
            ("She told residents to sign up for the new scheme by Friday, the council said.", false),
        ];
        for &(line, out) in cases {
            let text = format!("The pier reopened.\n\n{line}\n\nCrowds came.");
            let w = words(&text, Format::PlainText);
            let kept = w.len() > 7;
            assert_eq!(!kept, out, "{line:?}: {w:?}");
        }
        // A furniture line between two lines of one paragraph ends that paragraph.
        let d = Doc::new("“We will rebuild,” Ruiz said.\nStory continues below advertisement\nThe pier reopened.\n\nCrowds came.", Format::PlainText);
        assert_eq!(d.paragraphs.len(), 3);
        assert!(d.tokens.iter().all(|t| t.text(d.text) != "Story"));
    }

    #[test]
    fn directives_are_read() {
        let d = Doc::new("<!-- whosaid-disable-next-line loaded-verb, doubt-word -->\nText.", Format::PlainText);
        assert_eq!(d.directives[0].command, "disable-next-line");
        assert_eq!(d.directives[0].names, ["loaded-verb", "doubt-word"]);
        assert_eq!(d.paragraphs.len(), 1);
    }

    #[test]
    fn lower_into_matches_lower_case_of_every_length() {
        // (word, lower-cased): the one-register path up to 8 bytes, the general path beyond.
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("a", "a"),
            ("I", "i"),
            ("Kane", "kane"),
            ("said", "said"),
            ("MAYOR", "mayor"),
            ("McAllan", "mcallan"),
            ("Spokesma", "spokesma"),
            ("spokesman", "spokesman"),
            ("Spokeswoman", "spokeswoman"),
            ("U.S.-based", "u.s.-based"),
            ("Zoë", "zoë"),
            ("don’t", "don't"),
            ("ÉCOLE", "école"),
        ];
        for &(word, want) in cases {
            let mut buf = String::from("x ");
            lower_into(word, &mut buf);
            assert_eq!(buf, format!("x {want}"), "{word:?}");
        }
    }

    #[test]
    fn line_col_counts_chars_and_line_ends() {
        assert_eq!(line_col("a\r\nb“c", 7), (2, 3));
        assert_eq!(line_col("a\r\nb“c", 6), (2, 2));
        assert_eq!(line_col("a\rb", 2), (2, 1));
    }
}
