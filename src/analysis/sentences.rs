//! Sentences over tokens, after quotation marks are paired: a sentence never ends inside a
//! quotation, and "Mr.", "U.S.", "Sen.", "p.m." or an initial do not end one before a name.

use super::lexicon::flag;
use super::cues::punct_is;
use super::quotes::Quotes;
use super::text::{Doc, TokKind};
use super::model::Span;

#[derive(Clone, Debug)]
pub struct Sentence {
    pub tokens: std::ops::Range<usize>,
    pub span: Span,
    pub para: usize,
}

const MAX_SENTENCE_TOKENS: usize = 300;

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

pub fn split(doc: &Doc, quotes: &Quotes) -> Vec<Sentence> {
    let text = doc.text;
    let toks = &doc.tokens;
    let mut out = Vec::with_capacity(doc.paragraphs.len() * 4);
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let mut start = para.tokens.start;
        let end = para.tokens.end;
        let mut i = start;
        while i < end {
            // Words and numbers end no sentence (short of the length cut below): skip a run of
            // them in a tight loop.
            let lim = end.min(start + MAX_SENTENCE_TOKENS - 1);
            if i < lim {
                i += toks[i..lim].iter().position(|t| !matches!(t.kind, TokKind::Word | TokKind::Number)).unwrap_or(lim - i);
                if i >= end {
                    break;
                }
            }
            let t = &toks[i];
            let mut boundary_after = None;
            if quotes.depth[i] == 0 && t.kind == TokKind::Punct && is_terminal(t.first_char(text)) {
                // Collect a run of terminal punctuation ("?!", "...").
                let mut j = i;
                while j + 1 < end && toks[j + 1].kind == TokKind::Punct && is_terminal(toks[j + 1].first_char(text)) && quotes.depth[j + 1] == 0 {
                    j += 1;
                }
                if ends_sentence(doc, i, j, end) {
                    boundary_after = Some(j);
                }
            } else if t.kind == TokKind::Mark && quotes.depth[i] == 1 && i > start && is_closing(quotes, i) {
                // “... end.” Next sentence — the quotation closed a sentence of its own.
                let prev = &toks[i - 1];
                if prev.kind == TokKind::Punct
                    && matches!(prev.first_char(text), '.' | '!' | '?' | '…')
                    && i + 1 < end
                    && starts_sentence(doc, i + 1)
                    && !attribution_follows(doc, i + 1, end)
                {
                    boundary_after = Some(i);
                }
            }
            // A "sentence" of hundreds of words is a list, a table or damage; cutting it keeps
            // every per-sentence step bounded.
            if boundary_after.is_none() && i + 1 - start >= MAX_SENTENCE_TOKENS && quotes.depth[i] == 0 {
                boundary_after = Some(i);
            }
            if let Some(j) = boundary_after {
                push(&mut out, doc, start, j + 1, pi);
                start = j + 1;
                i = j + 1;
                continue;
            }
            i += 1;
        }
        if start < end {
            push(&mut out, doc, start, end, pi);
        }
    }
    out
}

/// `“Why?” Trump said.` — a name or pronoun and a reporting verb right after a closing mark
/// belong to the quotation's sentence.
fn attribution_follows(doc: &Doc, k: usize, end: usize) -> bool {
    let lx = super::lexicon::lexicon();
    let toks = &doc.tokens;
    if toks[k].kind == TokKind::Punct && matches!(toks[k].first_char(doc.text), '—' | '–' | '―') {
        return toks.get(k + 1).is_some_and(|n| n.cap && n.kind == TokKind::Word);
    }
    // `“... work.” He told the crowd ...`: a capitalised pronoun opens a new sentence; an
    // attribution after a quotation's full stop is written `he said`.
    if toks[k].cap && super::cues::word_in(doc, k, &["he", "she", "they", "we", "it"]) {
        return false;
    }
    for x in k..(k + 6).min(end) {
        let t = &toks[x];
        // A period of "Sen." or a nickname's marks (Mara "Bee" Quill) stay inside the name.
        if t.kind != TokKind::Word && !punct_is(t, doc.text, b'.') && !t.is_nickname_mark(doc.text) {
            return false;
        }
        if let Some((vi, _)) = t.entry().and_then(|e| e.verb) {
            if !t.cap || x == k {
                let class = lx.verbs[vi as usize].class;
                return !matches!(class, super::lexicon::VerbClass::Mental | super::lexicon::VerbClass::Evidence);
            }
        }
    }
    false
}

fn is_closing(quotes: &Quotes, i: usize) -> bool {
    let qi = quotes.inside[i];
    qi != u32::MAX && quotes.quotations[qi as usize].close == i
}

fn push(out: &mut Vec<Sentence>, doc: &Doc, start: usize, end: usize, para: usize) {
    let span = Span::new(doc.tokens[start].start as usize, doc.tokens[end - 1].end as usize);
    out.push(Sentence { tokens: start..end, span, para });
}

/// Does the next token look like the start of a sentence?
fn starts_sentence(doc: &Doc, k: usize) -> bool {
    let t = &doc.tokens[k];
    match t.kind {
        TokKind::Word => t.cap,
        TokKind::Number => true,
        TokKind::Mark => true,
        TokKind::Punct => matches!(t.first_char(doc.text), '(' | '[' | '—' | '–' | '-' | '*'),
    }
}

/// Does the run of terminal punctuation `i..=j` end a sentence, given tokens up to `end`?
pub fn ends_sentence(doc: &Doc, i: usize, j: usize, end: usize) -> bool {
    let text = doc.text;
    let toks = &doc.tokens;
    if j + 1 >= end {
        return true;
    }
    let next = &toks[j + 1];
    if !starts_sentence(doc, j + 1) {
        return false;
    }
    if text[toks[i].start as usize..].starts_with('.') && i == j && i > 0 {
        let prev = &toks[i - 1];
        if prev.end == toks[i].start && prev.kind == TokKind::Word {
            let w = prev.text(text);
            // "J." and "G.K." are initials (tested last: most periods end a word that is none).
            let single_initial = || w.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
            let pf = prev.flags();
            if pf & flag::HONORIFIC != 0 && next.kind == TokKind::Word {
                return false;
            }
            if next.kind == TokKind::Word && next.cap && next.flags() & (flag::FUNCTION | flag::DAY_MONTH) == 0 && single_initial() {
                return false;
            }
            if pf & flag::ABBREV != 0 {
                // "U.S. officials" continues; "in the U.S. The next day" ends.
                let nf = next.flags();
                return next.kind == TokKind::Mark || nf & (flag::FUNCTION | flag::DAY_MONTH) != 0 && nf & flag::FIRST_NAME == 0;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::pair;
    use crate::analysis::Format;

    fn sents(text: &str) -> Vec<&str> {
        let doc = Doc::new(text, Format::PlainText);
        let q = pair(&doc);
        split(&doc, &q).iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Biden spoke. He left.", &["Mr. Biden spoke.", "He left."]),
            ("Sen. Ana Ruiz met U.S. officials at 3 p.m. on Friday. Then she left.", &["Sen. Ana Ruiz met U.S. officials at 3 p.m. on Friday.", "Then she left."]),
            ("He moved to the U.S. The move was hard.", &["He moved to the U.S.", "The move was hard."]),
            ("“We lost. We will win next time,” she said. Then she left.", &["“We lost. We will win next time,” she said.", "Then she left."]),
            ("“We lost.” Then she left.", &["“We lost.”", "Then she left."]),
            ("“Why?” she asked.", &["“Why?” she asked."]),
            ("J. K. Rowling wrote it. Really?! Yes.", &["J. K. Rowling wrote it.", "Really?!", "Yes."]),
            ("“We won.” He told the crowd that he would stay.", &["“We won.”", "He told the crowd that he would stay."]),
            ("“Why not?” Trump said. “Go.” Then she left.", &["“Why not?” Trump said.", "“Go.”", "Then she left."]),
            ("It was G.K. Butterfield. He spoke.", &["It was G.K. Butterfield.", "He spoke."]),
            ("One.\n\nTwo", &["One.", "Two"]),
        ];
        for (text, want) in cases {
            assert_eq!(&sents(text), want, "{text}");
        }
    }
}
