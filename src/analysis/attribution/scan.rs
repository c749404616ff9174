//! Token walks that several attribution steps share: adverbs, time phrases and short asides
//! skipped on either side of a cue, the clause around a token, dashes that set off an aside.

use crate::analysis::cues::{is, ly_adverb, punct_is, word_in, word_is};
use crate::analysis::lexicon::flag;
use crate::analysis::model::Span;
use crate::analysis::speakers::np_right;
use crate::analysis::text::{Doc, TokKind};

/// Skip adverbs and time expressions leftwards from `k` (exclusive end), staying within `lb`.
pub(super) fn skip_left(doc: &Doc, depth: &[u8], mut k: usize, lb: usize) -> usize {
    let toks = &doc.tokens;
    loop {
        if k <= lb || depth[k - 1] != 0 {
            return k;
        }
        let t = &toks[k - 1];
        if is(doc, k - 1, flag::ADVERB) && !t.cap || ly_adverb(doc, k - 1) {
            k -= 1;
            continue;
        }
        // "Rep. Jason Chaffetz (R-Utah) said": a parenthesis after the name.
        if punct_is(&t, doc.text, b')') {
            if let Some(open) = (k.saturating_sub(12).max(lb)..k - 1).rev().find(|&x| punct_is(&toks[x], doc.text, b'(')) {
                k = open;
                continue;
            }
        }
        if t.has(flag::DAY_MONTH) || is(doc, k - 1, flag::TIME) {
            k -= 1;
            if k > lb && word_in(doc, k - 1, &["on", "last", "this", "next", "late", "early", "earlier", "on"]) {
                k -= 1;
            }
            continue;
        }
        return k;
    }
}

/// Token `i` lower-cased (ASCII case only, as `word_in` compares) on the stack, when it is a
/// word of at most 16 bytes: a `match` on it tests only the listed words of its length.
#[inline]
fn lower_word(doc: &Doc, i: usize) -> Option<([u8; 16], usize)> {
    let t = doc.tokens.get(i).filter(|t| t.kind == TokKind::Word)?;
    let b = doc.text.as_bytes().get(t.start as usize..t.end as usize).filter(|b| b.len() <= 16)?;
    let mut buf = [0u8; 16];
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    Some((buf, b.len()))
}

/// A word that may open a setting after the cue ("on Monday", "to reporters", "last week").
fn opens_setting(doc: &Doc, i: usize) -> bool {
    lower_word(doc, i).is_some_and(|(w, n)| {
        matches!(&w[..n], b"on" | b"in" | b"at" | b"during" | b"via" | b"to" | b"through" | b"from" | b"last" | b"this" | b"late" | b"earlier" | b"later" | b"by" | b"over")
    })
}

/// An audience or a medium that ends a setting ("to reporters", "on Twitter", "by phone").
fn names_audience_or_medium(doc: &Doc, i: usize) -> bool {
    lower_word(doc, i).is_some_and(|(w, n)| {
        matches!(
            &w[..n],
            b"reporters" | b"journalists" | b"twitter" | b"facebook" | b"x" | b"television" | b"radio" | b"parliament" | b"lawmakers" | b"email" | b"e-mail" | b"phone" | b"telephone" | b"text" | b"video" | b"instagram" | b"tiktok" | b"youtube" | b"friday"
        )
    })
}

/// Skip "on Monday", "in a statement", "to reporters", "in an interview with X" rightwards from `a`.
pub(super) fn skip_right(doc: &Doc, depth: &[u8], mut a: usize, ub: usize) -> usize {
    let toks = &doc.tokens;
    let mut guard = 0;
    while a < ub && depth[a] == 0 && guard < 6 {
        guard += 1;
        let t = &toks[a];
        if (is(doc, a, flag::ADVERB) && !t.cap && !word_is(doc, a, "that")) || t.has(flag::DAY_MONTH) || is(doc, a, flag::TIME) {
            a += 1;
            continue;
        }
        if opens_setting(doc, a) {
            // A short prepositional phrase that ends in a day, a medium or an attribution noun.
            let lim = (a + 6).min(ub);
            if let Some(k) = (a + 1..lim).find(|&k| {
                let f = toks[k].flags();
                f & (flag::ATTR_NOUN | flag::DAY_MONTH) != 0
                    || is(doc, k, flag::TIME)
                    || names_audience_or_medium(doc, k)
            }) {
                if (a + 1..k).all(|x| toks[x].kind == TokKind::Word && depth[x] == 0) {
                    // "during a Friday evening rally", "in the early morning hours": the words that go
                    // on naming the setting.
                    let mut k = k;
                    while k + 1 < ub && depth[k + 1] == 0 && (toks[k + 1].flags() & (flag::ATTR_NOUN | flag::DAY_MONTH) != 0 || is(doc, k + 1, flag::TIME) || word_in(doc, k + 1, &["hours", "hour", "days", "weeks", "months"])) {
                        k += 1;
                    }
                    a = k + 1;
                    // "... with X", "... on Fox News": the rest of the phrase.
                    if word_in(doc, a, &["with", "on", "to", "by", "for"]) {
                        if let Some(np) = np_right(doc, depth, a + 1, ub) {
                            a = np.end;
                        }
                    }
                    continue;
                }
            }
        }
        if punct_is(&t, doc.text, b',') && a + 1 < ub && (toks[a + 1].has(flag::DAY_MONTH) || word_in(doc, a + 1, &["in", "on"])) {
            a += 1;
            continue;
        }
        break;
    }
    a
}

/// The last token (exclusive) of the clause that starts at `from`: the sentence end or a `;`.
pub(super) fn clause_end(doc: &Doc, depth: &[u8], from: usize, sent_end: usize) -> usize {
    let toks = &doc.tokens;
    let mut e = sent_end;
    for k in from..sent_end {
        if depth[k] == 0 && punct_is(&toks[k], doc.text, b';') {
            e = k;
            break;
        }
    }
    // Drop final punctuation.
    while e > from && depth[e - 1] == 0 && toks[e - 1].kind == TokKind::Punct && matches!(toks[e - 1].first_char(doc.text), '.' | '!' | '?' | '…' | ',' | ':' | ';' | '—' | '–' | '-' | ')') {
        e -= 1;
    }
    e
}

pub(super) fn clause_start(doc: &Doc, depth: &[u8], upto: usize, sent_start: usize) -> usize {
    let toks = &doc.tokens;
    let mut s = sent_start;
    for k in (sent_start..upto).rev() {
        if depth[k] == 0 && punct_is(&toks[k], doc.text, b';') {
            s = k + 1;
            break;
        }
    }
    // Leading conjunctions and punctuation are not content.
    while s < upto && depth[s] == 0 && (toks[s].kind == TokKind::Punct || word_in(doc, s, &["but", "and", "so", "yet", "still", "however"])) && toks[s].kind != TokKind::Mark {
        s += 1;
    }
    s
}

/// Byte span of tokens `[s, e)`; `e > s` (an empty range would invert the span).
#[inline]
pub(super) fn span_of(doc: &Doc, s: usize, e: usize) -> Span {
    debug_assert!(e > s, "empty token range {s}..{e}");
    Span::new(doc.tokens[s].start as usize, doc.tokens[e - 1].end as usize)
}

/// A dash that sets off an aside: "—", "–", "―" or "--" typed for one.
#[inline]
pub(super) fn dash_at(doc: &Doc, x: usize) -> bool {
    let t = &doc.tokens[x];
    t.kind == TokKind::Punct && (matches!(t.first_char(doc.text), '—' | '–' | '―') || t.text(doc.text).starts_with("--"))
}

#[cfg(test)]
mod tests {
    use super::super::testing::fixture;
    use super::*;

    #[test]
    fn time_phrases_and_settings_are_skipped_after_a_cue() {
        // (text, the word after which to start, the word where the walk stops)
        let cases: &[(&str, &str, &str)] = &[
            ("Hartley said on Monday that the pier would reopen.", "said", "that"),
            ("Hartley said in a statement that the pier would reopen.", "said", "that"),
            ("Hartley told reporters on Friday the pier would reopen.", "told", "reporters"),
            ("Hartley said yesterday the pier would reopen.", "said", "the"),
            // A phrase that is no setting stays.
            ("Hartley said in the end the pier would reopen.", "said", "in"),
            ("Hartley said during a Friday evening rally that the pier would reopen.", "said", "that"),
            ("Hartley said on Monday the report was late.", "said", "the"),
            ("Hartley said in the early morning hours that the pier was shut.", "said", "that"),
        ];
        for &(text, from, want) in cases {
            let f = fixture(text);
            let c = f.ctx(0);
            let a = skip_right(&f.doc, &f.quotes.depth, f.tok(from) + 1, c.s1);
            assert_eq!(f.words(a, a + 1), want, "{text:?}");
        }
    }

    #[test]
    fn setting_words_match_in_any_case_and_only_whole_words() {
        let f = fixture("ON Twitter, X and E-mail reporters said: onward Xs via-email, in 'to'.");
        let words: Vec<(&str, bool, bool)> = (0..f.doc.tokens.len()).map(|x| (f.words(x, x + 1), opens_setting(&f.doc, x), names_audience_or_medium(&f.doc, x))).collect();
        let opens: Vec<&str> = words.iter().filter(|w| w.1).map(|w| w.0).collect();
        let media: Vec<&str> = words.iter().filter(|w| w.2).map(|w| w.0).collect();
        assert_eq!(opens, ["ON", "in", "to"]);
        assert_eq!(media, ["Twitter", "X", "E-mail", "reporters"]);
    }

    #[test]
    fn adverbs_days_and_a_parenthesis_are_skipped_before_a_cue() {
        let cases: &[(&str, &str)] = &[
            ("Hartley on Monday said the pier would reopen.", "on"),
            ("Hartley repeatedly said the pier would reopen.", "repeatedly"),
            ("Rep. Dana Whitfield (D-Ore.) said the water is safe.", "("),
            ("Hartley said the pier would reopen.", "said"),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            let k = skip_left(&f.doc, &f.quotes.depth, f.tok("said"), 0);
            assert_eq!(f.words(k, k + 1), want, "{text:?}");
        }
    }

    #[test]
    fn a_clause_ends_at_a_semicolon_or_the_sentence_and_starts_past_a_conjunction() {
        let f = fixture("Yes; but the pier will reopen, Hartley said; the wall holds.");
        let c = f.ctx(0);
        let the = f.tok("the");
        let e = clause_end(&f.doc, &f.quotes.depth, the, c.s1);
        assert_eq!(f.words(the, e), "the pier will reopen, Hartley said");
        let comma = f.tok(",");
        let s = clause_start(&f.doc, &f.quotes.depth, comma, c.s0);
        assert_eq!(f.words(s, comma), "the pier will reopen");
        // Final punctuation is not content.
        let wall = f.tok("wall");
        assert_eq!(f.words(wall - 1, clause_end(&f.doc, &f.quotes.depth, wall - 1, c.s1)), "the wall holds");
    }

    #[test]
    fn dashes_that_set_off_an_aside() {
        let f = fixture("The study — which -- notes - well-known – facts.");
        let dashes: Vec<&str> = (0..f.doc.tokens.len()).filter(|&x| dash_at(&f.doc, x)).map(|x| f.words(x, x + 1)).collect();
        assert_eq!(dashes, ["—", "--", "–"]);
    }
}

/// "told Harbour FM's Morning Desk:", "told Coast Radio 9's breakfast show:", "told the station's
/// late programme:": a short listener of words and numbers with no clause of its own (no
/// auxiliary, no pronoun, no "that") that runs from `a` to a colon before a quotation mark ends at
/// the colon, whatever its possessives and digits. The colon's token, or `None`; the caller checks
/// that the mark opens the quotation.
pub(super) fn listener_to_colon(doc: &Doc, depth: &[u8], a: usize, ub: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let colon = (a..(a + 10).min(ub)).find(|&x| depth[x] != 0 || !matches!(toks[x].kind, TokKind::Word | TokKind::Number))?;
    if colon == a || depth[colon] != 0 || !punct_is(&toks[colon], doc.text, b':') || toks.get(colon + 1).is_none_or(|t| t.kind != TokKind::Mark) {
        return None;
    }
    let clause_word = |x: usize| word_is(doc, x, "that") || is(doc, x, flag::AUX) || (is(doc, x, flag::PRONOUN) && !toks[x].possessive);
    (!(a..colon).any(clause_word)).then_some(colon)
}
