//! Web furniture pasted with the copy ("Advertisement", "Related: …", "(Photo: …)"): whole lines
//! that are not prose (`lexicon/boilerplate.txt`).

use super::paragraphs::leading_ws;
use crate::analysis::model::Span;

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
        for line in include_str!("../lexicon/boilerplate.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
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
pub(super) fn find_boilerplate(text: &str, lines: &[Span], excluded: &mut Vec<Span>) {
    for &Span { start: pos, end } in lines {
        let line = &text[pos..end];
        let trimmed = line.trim();
        if !trimmed.is_empty() && is_furniture(trimmed) {
            let start = pos + leading_ws(line);
            excluded.push(Span::new(start, start + trimmed.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::text::tests::words;
    use crate::analysis::text::Doc;
    use crate::analysis::Format;

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
}
