//! Quotation marks into quotations: straight and curly, single and double, nested, guillemets,
//! low-high („…“), CJK corners, multi-paragraph quotations, apostrophes that are not quotes.
//!
//! Pairing runs paragraph by paragraph with a small stack, so an unbalanced mark is reported and
//! dropped at its paragraph's end and never makes the rest of the article unreadable.

use super::model::Span;
use super::text::{Doc, TokKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

#[derive(Clone, Debug)]
pub struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark.
    pub close: usize,
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// Between the marks.
    pub inner: Span,
    pub family: Family,
    /// Nesting depth: 0 for an outermost quotation.
    pub depth: u8,
    /// Opened with one glyph and closed with a glyph that does not pair with it (“…").
    pub mismatched: bool,
    /// Index of the paragraph the quotation opens in, and the one it closes in.
    pub first_para: usize,
    pub last_para: usize,
    /// Token indexes of the re-opening marks of a multi-paragraph quotation.
    pub reopenings: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkProblem {
    /// An opening mark never closed before its paragraph ended.
    Unclosed,
    /// A closing mark with nothing open.
    Unopened,
}

#[derive(Clone, Debug)]
pub struct MarkIssue {
    pub problem: MarkProblem,
    pub token: usize,
    pub span: Span,
}

pub struct Quotes {
    /// Sorted by opening position.
    pub quotations: Vec<Quotation>,
    pub issues: Vec<MarkIssue>,
    /// Per token: nesting depth (0 outside every quotation; marks count as inside their quotation).
    pub depth: Vec<u8>,
    /// Per token: the innermost quotation containing it, or u32::MAX.
    pub inside: Vec<u32>,
    /// Token indexes of marks that turned out to be apostrophes.
    pub apostrophes: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

fn classify(c: char) -> Option<(Family, Role)> {
    Some(match c {
        '“' | '„' | '‟' => (Family::Double, Role::Open),
        '”' => (Family::Double, Role::Close),
        '"' => (Family::Double, Role::Either),
        '‘' | '‚' | '‛' => (Family::Single, Role::Open),
        '’' => (Family::Single, Role::Close),
        '\'' => (Family::Single, Role::Either),
        '«' => (Family::Guillemet, Role::Open),
        '»' => (Family::Guillemet, Role::Close),
        '‹' => (Family::SingleGuillemet, Role::Open),
        '›' => (Family::SingleGuillemet, Role::Close),
        '「' => (Family::Corner, Role::Open),
        '」' => (Family::Corner, Role::Close),
        '『' => (Family::WhiteCorner, Role::Open),
        '』' => (Family::WhiteCorner, Role::Close),
        _ => return None,
    })
}

/// Glyph pairs that are correct in some language's style.
fn pairs_well(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('“', '”') | ('„', '“') | ('„', '”') | ('‟', '”') | ('"', '"') | ('”', '”')
            | ('‘', '’') | ('‚', '‘') | ('‚', '’') | ('‛', '’') | ('\'', '\'') | ('’', '’')
            | ('«', '»') | ('»', '«') | ('»', '»') | ('‹', '›') | ('›', '‹')
            | ('「', '」') | ('『', '』')
    )
}

const MAX_DEPTH: usize = 8;

struct Open {
    token: usize,
    family: Family,
    glyph: char,
    para: usize,
    reopenings: Vec<usize>,
}

fn is_open_context(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«' | '„' | '"' | '\'' | '\u{0}')
}

fn is_close_context(c: char) -> bool {
    c.is_whitespace() || matches!(c, ')' | ']' | '}' | '—' | '–' | '-' | '/' | '.' | ',' | ';' | ':' | '!' | '?' | '…' | '”' | '’' | '»' | '"' | '\'' | '\u{0}')
}

pub fn pair(doc: &Doc) -> Quotes {
    let text = doc.text;
    let n = doc.tokens.len();
    let mut quotations = Vec::new();
    let mut issues = Vec::new();
    let mut apostrophes = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        // A quotation left open by the previous paragraph continues only if this one re-opens it.
        if !stack.is_empty() {
            let first = para.tokens.start;
            let reopens = doc.tokens.get(first).is_some_and(|t| {
                t.kind == TokKind::Mark
                    && classify(t.first_char(text)).is_some_and(|(f, r)| {
                        r != Role::Close && stack.iter().any(|o| o.family == f && o.family == Family::Double || o.family == f && f == Family::Guillemet)
                    })
            });
            if reopens && stack.len() == 1 {
                stack[0].reopenings.push(first);
            } else {
                flush_unclosed(&mut stack, &mut issues, &mut apostrophes, doc);
            }
        }
        let skip_first = stack.last().is_some_and(|o| o.reopenings.last() == Some(&para.tokens.start));
        // Only marks matter: find each with a tight scan rather than a full step per token.
        let mut next = para.tokens.start + usize::from(skip_first);
        let end = para.tokens.end;
        while let Some(k) = doc.tokens.get(next..end).and_then(|ts| ts.iter().position(|t| t.kind == TokKind::Mark)) {
            let ti = next + k;
            next = ti + 1;
            let tok = &doc.tokens[ti];
            let doubled = tok.end - tok.start > 1 && tok.text(text).chars().count() == 2;
            let glyph = if doubled { '"' } else { tok.first_char(text) };
            let Some((family, mut role)) = classify(glyph) else { continue };
            let prev = text[..tok.start as usize].chars().next_back().unwrap_or('\u{0}');
            let next = text[tok.end as usize..].chars().next().unwrap_or('\u{0}');
            let left = !next.is_whitespace() && next != '\u{0}' && is_open_context(prev);
            let right = prev != '\u{0}' && !prev.is_whitespace() && is_close_context(next);
            let has_open = |f: Family| stack.iter().rposition(|o| o.family == f);

            // Apostrophes: rock ’n’ roll, ’em, girls’.
            if family == Family::Single && glyph != '‘' && glyph != '‚' && !doubled {
                let word_after = doc.tokens.get(ti + 1).filter(|t| t.start == tok.end && t.kind == TokKind::Word).map(|t| t.text(text).to_ascii_lowercase());
                let elision = matches!(word_after.as_deref(), Some("n" | "em" | "til" | "cause" | "tis" | "twas" | "bout"));
                let after_n = ti > 0 && doc.tokens[ti - 1].end == tok.start && doc.tokens[ti - 1].text(text) == "n" && ti >= 2 && doc.tokens[ti - 2].kind == TokKind::Mark;
                let plural_possessive = matches!(prev, 's' | 'z' | 'S' | 'Z') && !left && has_open(Family::Single).is_none();
                if elision || after_n || plural_possessive || (alnum(prev) && alnum(next)) {
                    apostrophes.push(ti);
                    continue;
                }
                if role == Role::Close && has_open(Family::Single).is_none() {
                    // A lone ’ with nothing to close is an apostrophe, or a mistyped opening ‘.
                    if left && !right {
                        role = Role::Open;
                    } else {
                        apostrophes.push(ti);
                        continue;
                    }
                }
            }
            // German „…“ closes with “; Swedish ”…” and German »…« use one glyph for both ends.
            if glyph == '“' && stack.last().is_some_and(|o| o.family == Family::Double && o.glyph == '„') {
                role = Role::Close;
            }
            if role == Role::Close && has_open(family).is_none() && left && !right {
                role = Role::Open;
            }
            if glyph == '«' && stack.last().is_some_and(|o| o.glyph == '»') {
                role = Role::Close;
            }
            if role == Role::Either {
                role = if has_open(family).is_some() && (right || !left) {
                    Role::Close
                } else if left || !right {
                    Role::Open
                } else {
                    Role::Close
                };
            }
            // A straight double mark after an opening curly one closes it (the seed's “…" pair).
            match role {
                Role::Open => {
                    // Real quotations nest two or three deep; a run of opening marks is reported,
                    // not stacked, so pairing stays linear.
                    if stack.len() >= MAX_DEPTH {
                        let o = stack.remove(0);
                        drop_unclosed(o, &mut issues, &mut apostrophes, doc);
                    }
                    stack.push(Open { token: ti, family, glyph, para: pi, reopenings: Vec::new() })
                }
                Role::Close | Role::Either => match has_open(family) {
                    Some(idx) => {
                        // Anything opened inside and left open is dropped.
                        while stack.len() > idx + 1 {
                            let o = stack.pop().unwrap();
                            drop_unclosed(o, &mut issues, &mut apostrophes, doc);
                        }
                        let o = stack.pop().unwrap();
                        let open_tok = &doc.tokens[o.token];
                        quotations.push(Quotation {
                            open: o.token,
                            close: ti,
                            span: Span::new(open_tok.start as usize, tok.end as usize),
                            inner: Span::new(open_tok.end as usize, tok.start as usize),
                            family,
                            depth: stack.len() as u8,
                            mismatched: !pairs_well(o.glyph, glyph),
                            first_para: o.para,
                            last_para: pi,
                            reopenings: o.reopenings,
                        });
                    }
                    None => {
                        if family == Family::Single {
                            apostrophes.push(ti);
                        } else {
                            issues.push(MarkIssue { problem: MarkProblem::Unopened, token: ti, span: tok.span() });
                        }
                    }
                },
            }
        }
        // Keep only a double (or guillemet) quotation open across the paragraph end.
        let keep_last = stack.len() == 1 && matches!(stack[0].family, Family::Double | Family::Guillemet);
        if !keep_last {
            flush_unclosed(&mut stack, &mut issues, &mut apostrophes, doc);
        }
    }
    flush_unclosed(&mut stack, &mut issues, &mut apostrophes, doc);
    // Each quotation opens at its own token, so starts are unique: sorting small keys unstably and
    // moving each quotation once gives the same order as a stable sort of the large structs.
    let mut keys: Vec<(usize, u32)> = quotations.iter().enumerate().map(|(i, q)| (q.span.start, i as u32)).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<Quotation>> = quotations.into_iter().map(Some).collect();
    let quotations: Vec<Quotation> = keys.iter().filter_map(|&(_, i)| slots[i as usize].take()).collect();
    issues.sort_by_key(|i| i.span.start);
    apostrophes.sort_unstable();

    let mut depth = vec![0u8; n];
    let mut inside = vec![u32::MAX; n];
    // Outer quotations first, so inner ones overwrite; within a depth in index order (a stable
    // counting sort, depth < MAX_DEPTH).
    let depths: Vec<u8> = quotations.iter().map(|q| q.depth).collect();
    let deepest = depths.iter().copied().max().unwrap_or(0);
    let mut order: Vec<usize> = Vec::with_capacity(quotations.len());
    for d in 0..=deepest {
        order.extend((0..depths.len()).filter(|&i| depths[i] == d));
    }
    for qi in order {
        let q = &quotations[qi];
        for t in q.open..=q.close.min(n.saturating_sub(1)) {
            depth[t] = q.depth + 1;
            inside[t] = qi as u32;
        }
    }
    Quotes { quotations, issues, depth, inside, apostrophes }
}

/// `char::is_alphanumeric`, answering for quotation marks (the usual neighbours of a mark in
/// damaged text) without the Unicode table search.
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !super::text::is_quote_char(c) && c.is_alphanumeric()
    }
}

fn drop_unclosed(o: Open, issues: &mut Vec<MarkIssue>, apostrophes: &mut Vec<usize>, doc: &Doc) {
    if o.glyph == '’' || o.glyph == '\'' {
        apostrophes.push(o.token);
    } else {
        issues.push(MarkIssue { problem: MarkProblem::Unclosed, token: o.token, span: doc.tokens[o.token].span() });
    }
}

fn flush_unclosed(stack: &mut Vec<Open>, issues: &mut Vec<MarkIssue>, apostrophes: &mut Vec<usize>, doc: &Doc) {
    for o in stack.drain(..) {
        drop_unclosed(o, issues, apostrophes, doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Format;

    fn inner(text: &str) -> Vec<(String, bool)> {
        let doc = Doc::new(text, Format::PlainText);
        pair(&doc).quotations.iter().map(|q| (q.inner.text(text).to_string(), q.mismatched)).collect()
    }

    fn problems(text: &str) -> Vec<(MarkProblem, String)> {
        let doc = Doc::new(text, Format::PlainText);
        pair(&doc).issues.iter().map(|i| (i.problem, i.span.text(text).to_string())).collect()
    }

    #[test]
    fn pairs_by_style() {
        let cases: &[(&str, &[&str])] = &[
            ("“We won,” she said.", &["We won,"]),
            ("\"We won,\" she said.", &["We won,"]),
            ("It was agreed ‘in principle’ on Sunday.", &["in principle"]),
            ("It was agreed 'in principle' on Sunday.", &["in principle"]),
            ("«Nous verrons», a-t-il dit.", &["Nous verrons"]),
            ("„Wir schaffen das“, sagte sie.", &["Wir schaffen das"]),
            ("»Wir schaffen das«, sagte sie.", &["Wir schaffen das"]),
            ("”Vi ses”, sa hon.", &["Vi ses"]),
            ("「東京」と彼は言った。", &["東京"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = inner(text).into_iter().map(|(s, _)| s).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for text in [
            "The girls’ team won in the ’90s.",
            "It’s rock ’n’ roll, said the band’s singer.",
            "The players' union and the coaches' union met.",
            "Let ’em in, ’til dawn.",
        ] {
            assert!(inner(text).is_empty(), "{text}: {:?}", inner(text));
            assert!(problems(text).is_empty(), "{text}: {:?}", problems(text));
        }
    }

    #[test]
    fn nested_quotes() {
        let t = "“He told me ‘never again’ last year,” she said.";
        let q = inner(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].0, "He told me ‘never again’ last year,");
        assert_eq!(q[1].0, "never again");
    }

    #[test]
    fn mismatched_marks_still_pair() {
        let q = inner("“We agreed to talk,\" the ministry said.");
        assert_eq!(q, [("We agreed to talk,".to_string(), true)]);
    }

    #[test]
    fn multi_paragraph_quotation() {
        let t = "“First part of the speech.\n\n“Second part,” he said.";
        let q = inner(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("First part") && q[0].0.ends_with("Second part,"));
        assert!(problems(t).is_empty());
    }

    #[test]
    fn unbalanced_recovers_at_paragraph_end() {
        let t = "“This never closes, she said.\n\nThe council said “yes” to the plan.";
        assert_eq!(problems(t), [(MarkProblem::Unclosed, "“".to_string())]);
        assert_eq!(inner(t), [("yes".to_string(), false)]);
        let t = "He said no.” Then “fine,” she said.";
        assert_eq!(problems(t), [(MarkProblem::Unopened, "”".to_string())]);
        assert_eq!(inner(t).len(), 1);
    }

    #[test]
    fn many_marks_do_not_explode() {
        let t = "\"".repeat(10_001);
        let doc = Doc::new(&t, Format::PlainText);
        let q = pair(&doc);
        assert_eq!(q.quotations.len(), 5000);
        assert_eq!(q.issues.len(), 1);
    }
}
