//! The server's document model under arbitrary open/change/close sequences, in UTF-8 and UTF-16
//! positions (past the end, inside a character, between surrogate halves): the rope must equal a
//! plain String edited at offsets computed independently with the same clamping rules, position
//! conversions must agree, and analysing the result must not panic.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range};
use whosaid::analysis::{analyze, check_invariants, Format, Options};
use whosaid::lsp::position::{apply_change, to_position, Encoding, LineIndex};

#[derive(Arbitrary, Debug, Clone, Copy)]
struct Pos {
    line: u8,
    character: u8,
}

impl Pos {
    /// 255 stands for "very far": u32::MAX.
    fn lsp(self) -> Position {
        let big = |v: u8| if v == 255 { u32::MAX } else { v as u32 };
        Position::new(big(self.line), big(self.character))
    }
}

#[derive(Arbitrary, Debug)]
enum Op {
    Open { doc: u8, text: String, markdown: bool },
    Change { doc: u8, start: Pos, end: Pos, text: String },
    Replace { doc: u8, text: String },
    Close { doc: u8 },
    Analyse { doc: u8 },
}

#[derive(Arbitrary, Debug)]
struct Script {
    utf8: bool,
    ops: Vec<Op>,
}

/// Lines as (start, content end) pairs: LF, CRLF and CR end a line; nothing else does.
fn lines(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let crlf = b[i] == b'\r' && b.get(i + 1) == Some(&b'\n');
            out.push((start, i));
            i += if crlf { 2 } else { 1 };
            start = i;
        } else {
            i += 1;
        }
    }
    out.push((start, b.len()));
    out
}

/// The clamping rules, written out plainly: a line past the end → end of text; a column past the
/// end of the line → end of the line's content; inside a character → that character's start.
fn model_offset(s: &str, p: Position, enc: Encoding) -> usize {
    let ls = lines(s);
    let Some(&(start, end)) = ls.get(p.line as usize) else { return s.len() };
    let col = p.character as usize;
    let mut units = 0;
    for (i, c) in s[start..end].char_indices() {
        let w = match enc {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
        if col < units + w {
            return start + i;
        }
        units += w;
    }
    end
}

fn model_edit(s: &mut String, range: Range, text: &str, enc: Encoding) {
    let a = model_offset(s, range.start, enc);
    let b = model_offset(s, range.end, enc);
    s.replace_range(a.min(b)..a.max(b), text);
}

fn check_doc(rope: &Rope, model: &str, markdown: bool, enc: Encoding, analyse: bool) {
    assert_eq!(rope.len_bytes(), model.len());
    assert!(rope == model, "rope differs from the string model");
    let index = LineIndex::new(model);
    // The rope and the line index (used for diagnostics) agree at every char boundary.
    for (byte, _) in model.char_indices().step_by(7).chain(std::iter::once((model.len(), ' '))) {
        assert_eq!(index.position(model, byte, enc), to_position(rope, byte, enc), "byte {byte}");
    }
    if analyse {
        let format = if markdown { Format::Markdown } else { Format::PlainText };
        let a = analyze(model, &Options { format, ..Options::default() });
        check_invariants(model, &a);
        for f in &a.findings {
            let r = index.range(model, f.span.start, f.span.end, enc);
            assert!(r.start <= r.end);
        }
    }
}

fuzz_target!(|script: Script| {
    let enc = if script.utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    // Three document slots, like three open tabs.
    let mut docs: [Option<(Rope, String, bool)>; 3] = [None, None, None];
    let mut analyses = 0;
    for op in script.ops.into_iter().take(64) {
        match op {
            Op::Open { doc, text, markdown } => {
                docs[doc as usize % 3] = Some((Rope::from_str(&text), text, markdown));
            }
            Op::Change { doc, start, end, text } => {
                if let Some((rope, model, _)) = &mut docs[doc as usize % 3] {
                    let range = Range::new(start.lsp(), end.lsp());
                    apply_change(rope, Some(range), &text, enc);
                    model_edit(model, range, &text, enc);
                    assert!(*rope == model.as_str(), "after {range:?} {text:?}: rope {:?} model {:?}", rope.to_string(), model);
                }
            }
            Op::Replace { doc, text } => {
                if let Some((rope, model, _)) = &mut docs[doc as usize % 3] {
                    apply_change(rope, None, &text, enc);
                    *model = text;
                }
            }
            Op::Close { doc } => docs[doc as usize % 3] = None,
            Op::Analyse { doc } => {
                if let Some((rope, model, md)) = &docs[doc as usize % 3] {
                    // Bound the work per input: analysis is the slow part.
                    analyses += 1;
                    check_doc(rope, model, *md, enc, analyses <= 4);
                }
            }
        }
    }
    for (rope, model, md) in docs.iter().flatten() {
        check_doc(rope, model, *md, enc, true);
    }
});
