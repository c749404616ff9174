//! Markdown that is not prose (front matter, fenced and indented code, inline code, link targets,
//! raw HTML tags), and the lines that start a block (headings, list items, block quotes).

use super::paragraphs::{leading_ws, line_end_from, next_line_start};
use crate::analysis::model::Span;

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct LineInfo {
    pub(super) start: usize,
    pub(super) heading: bool,
    pub(super) list_item: bool,
    pub(super) block_quote: bool,
}

/// Front matter, fenced and indented code blocks, link targets and tags are not prose; headings,
/// list items and block quotes start a block (`lines`).
pub(super) fn find_markdown_blocks(text: &str, excluded: &mut Vec<Span>, lines: &mut Vec<LineInfo>) {
    let mut pos = front_matter_end(text, excluded);
    let mut fence: Option<Fence> = None;
    let mut prev_blank = true;
    let mut in_indented = false;
    while pos < text.len() {
        let e = line_end_from(text, pos);
        let line = &text[pos..e];
        let ws = leading_ws(line);
        let trimmed = &line[ws..];
        if let Some(f) = fence {
            if f.closed_by(trimmed) {
                excluded.push(Span::new(f.start, e));
                fence = None;
            }
        } else if let Some(f) = Fence::opened_by(trimmed, ws, pos) {
            fence = Some(f);
        } else {
            let blank = trimmed.is_empty();
            if !blank && indent_cols(&line[..ws]) >= 4 && (prev_blank || in_indented) {
                excluded.push(Span::new(pos, e));
                in_indented = true;
            } else if !blank {
                in_indented = false;
                lines.extend(block_start(trimmed, pos));
                // Link targets and raw HTML tags are not prose.
                find_link_targets(text, pos, e, excluded);
            }
            prev_blank = blank;
        }
        pos = next_line_start(text, e);
    }
    if let Some(f) = fence {
        excluded.push(Span::new(f.start, text.len()));
    }
}

/// Front matter (between `---` or `+++` lines at the very start) is left out; returns where the
/// body starts.
fn front_matter_end(text: &str, excluded: &mut Vec<Span>) -> usize {
    let mut pos = 0;
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
    pos
}

/// An open code fence: its character, run length, and where it starts.
#[derive(Clone, Copy)]
struct Fence {
    c: char,
    run: usize,
    start: usize,
}

impl Fence {
    /// A line (indented at most 3) opening a fence with ``` or ~~~.
    fn opened_by(trimmed: &str, ws: usize, pos: usize) -> Option<Fence> {
        if ws > 3 || !(trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            return None;
        }
        let c = trimmed.chars().next().unwrap_or('`');
        let run = trimmed.chars().take_while(|x| *x == c).count();
        Some(Fence { c, run, start: pos })
    }

    /// A line of at least as many of the fence's characters, and nothing else, closes it.
    fn closed_by(&self, trimmed: &str) -> bool {
        let run = trimmed.chars().take_while(|x| *x == self.c).count();
        run >= self.run && trimmed[run * self.c.len_utf8()..].trim().is_empty()
    }
}

/// Columns of leading white space, a tab counting 4.
fn indent_cols(ws: &str) -> usize {
    ws.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

/// A line that starts a block: a heading, a list item or a block quote.
fn block_start(trimmed: &str, pos: usize) -> Option<LineInfo> {
    let heading = trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with([' ', '\t']) || trimmed.chars().all(|c| c == '#');
    let list_item = is_list_item(trimmed);
    let block_quote = trimmed.starts_with('>');
    (heading || list_item || block_quote).then_some(LineInfo { start: pos, heading, list_item, block_quote })
}

/// `- item`, `* item`, `+ item`, `1. item`, `1) item`.
fn is_list_item(trimmed: &str) -> bool {
    let after_digits = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    trimmed.starts_with(['-', '*', '+']) && trimmed[1..].starts_with(' ')
        || (after_digits.len() < trimmed.len() && after_digits.starts_with([')', '.']) && after_digits[1..].starts_with(' '))
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

pub(super) fn find_inline_code(text: &str, excluded: &mut Vec<Span>) {
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

#[cfg(test)]
mod tests {
    use crate::analysis::text::tests::words;
    use crate::analysis::Format;

    #[test]
    fn markdown_non_prose_is_skipped() {
        let t = "---\ntitle: x\n---\nSaid `code said` here.\n\n```\nfenced said\n```\n\n    indented said\n\nSee [link](http://example.com/said) <!-- note -->.\n";
        let w = words(t, Format::Markdown);
        assert_eq!(w, ["Said", "here", ".", "See", "[", "link", "]", "."]);
    }
}
