//! Lines and paragraphs: blank lines (or, in plain text with none, line ends), Markdown headings,
//! list items and block quotes split the prose into paragraphs, each tokenised on its own.

use super::markdown::LineInfo;
use super::marks::settle_marks;
use super::reuse::Prior;
use super::tokens::{tokenize, Token};
use super::{Doc, Paragraph};
use crate::analysis::model::Span;
use crate::analysis::Format;

impl Doc<'_> {
    pub(super) fn split_paragraphs(&mut self, lines: &[Span], excluded: &[Span], format: Format, md: &[LineInfo], prior: Option<&Prior>) {
        let text = self.text;
        // Plain text with no blank line anywhere: one paragraph per line.
        let blank_separated = format == Format::Markdown || has_blank_line(text);
        let mut para_start: Option<usize> = None;
        let mut para_end = 0;
        let mut block_quote = false;
        let mut heading = false;
        let mut ex_idx = 0;
        let mut md_idx = 0;
        for &Span { start: pos, end: line_end } in lines {
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
                self.marks.clear();
                tokenize(self.text, span, excluded, &mut self.tokens, &mut self.marks);
                settle_marks(self.text, &mut self.tokens, first, &mut self.marks);
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

/// Each line of `text` without its end (\n, \r\n or a lone \r), found once for every step that
/// reads the text line by line.
pub(super) fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    for e in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The \n of a \r\n: that line was taken at its \r.
        if e < start {
            continue;
        }
        out.push(Span::new(start, e));
        start = next_line_start(text, e);
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

/// The first \n or \r at or after `pos` (or the text's end); bytes, as no other char contains them.
pub(super) fn line_end_from(text: &str, pos: usize) -> usize {
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

pub(super) fn leading_ws(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

pub(super) fn next_line_start(text: &str, line_end: usize) -> usize {
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

    #[test]
    fn paragraphs_blank_lines_or_lines() {
        let d = Doc::new("One.\nStill one.\n\nTwo.", Format::PlainText);
        assert_eq!(d.paragraphs.len(), 2);
        let d = Doc::new("One.\nTwo.\r\nThree.", Format::PlainText);
        assert_eq!(d.paragraphs.len(), 3);
    }

    #[test]
    fn line_col_counts_chars_and_line_ends() {
        assert_eq!(line_col("a\r\nb“c", 7), (2, 3));
        assert_eq!(line_col("a\r\nb“c", 6), (2, 2));
        assert_eq!(line_col("a\rb", 2), (2, 1));
    }
}
