//! Direct quotations paired with their cue. Each quotation that closes in a sentence takes the cue
//! right after it (`"…," she said`), else the cue that introduces it (`She said: "…"`), else a
//! dash and a name (`"…" — Jane Doe`); a cue after a quotation also takes the sentence's next
//! quotation as the second half of a split quotation (`"A," she said, "B."`).

use super::draft::{direct_or_partial, is_partial, is_title, make_draft, punctuation_draft};
use super::reported::content_opening;
use super::scan::{listener_to_colon, skip_right};
use super::source::Resolved;
use super::{Ctx, Grouped, Ledger, QuotationIds};
use crate::analysis::cues::{is, punct_is, word_in, word_is};
use crate::analysis::lexicon::{flag, VerbClass};
use crate::analysis::inline::Parts;
use crate::analysis::model::{Cue, CueKind, QuoteKind};
use crate::analysis::quotes::{Quotation, Quotes};
use crate::analysis::sentences::Sentence;
use crate::analysis::speakers::{np_right, Np};
use crate::analysis::text::{Doc, TokKind, Token};

/// Outermost quotations by the sentence they close in; those that run over a paragraph end also
/// by the sentence they open in.
pub(super) struct Closing {
    by_sentence: Grouped,
    opening: Grouped,
    /// Per quotation (outermost only): the sentence it closes in, `sentences.len()` if none;
    /// `usize::MAX` for a nested quotation.
    pub close_sentence: Vec<usize>,
}

impl Closing {
    pub fn index(quotes: &Quotes, sentences: &[Sentence]) -> Closing {
        // (sentence, quotation): nearly every quotation is outermost, so sized once for all.
        let mut closing: Vec<(usize, usize)> = Vec::with_capacity(quotes.quotations.len());
        let mut opening: Vec<(usize, usize)> = Vec::new();
        let mut close_sentence: Vec<usize> = vec![usize::MAX; quotes.quotations.len()];
        let mut cursor = (0usize, 0usize); // (close token, its sentence) of the last outermost quotation
        for (qi, q) in quotes.quotations.iter().enumerate() {
            if q.depth == 0 {
                // Outermost quotations close in text order: walk forward instead of a binary search
                // per quotation (each a string of cache misses on a large text).
                let si = if q.close >= cursor.0 {
                    let mut si = cursor.1;
                    while si < sentences.len() && sentences[si].tokens.end <= q.close {
                        si += 1;
                    }
                    si
                } else {
                    sentences.partition_point(|s| s.tokens.end <= q.close)
                };
                cursor = (q.close, si);
                close_sentence[qi] = si;
                if si < sentences.len() {
                    closing.push((si, qi));
                }
                if q.last_para > q.first_para && si < sentences.len() {
                    opening.push((sentences.partition_point(|s| s.tokens.end <= q.open), qi));
                }
            }
        }
        Closing { by_sentence: Grouped::new(sentences.len(), closing), opening: Grouped::new(sentences.len(), opening), close_sentence }
    }

    /// The outermost quotations that close in sentence `si`, in text order.
    pub fn closing_in(&self, si: usize) -> &[usize] {
        self.by_sentence.of(si)
    }

    /// The outermost quotations that open in sentence `si` and close in a later paragraph.
    pub fn opening_in(&self, si: usize) -> &[usize] {
        self.opening.of(si)
    }
}

/// `Edu said: "I have heard the stories.` ⏎ `"That's nice …"`: a quotation that runs over a
/// paragraph end takes the cue that introduces it in the sentence it opens in (`qs`, sentence
/// `si`); its draft belongs to the sentence it closes in. A cue after it is left to
/// [`attribute_closing`] there.
pub(super) fn attribute_opening(c: &Ctx, qs: &[usize], resolved: &mut [Resolved], si: usize, close_sentence: &[usize], led: &mut Ledger) {
    for &qi in qs {
        let q = &c.quotes.quotations[qi];
        if led.quotation_draft[qi].is_some() {
            continue;
        }
        let Some(ri) = pre_cue(c, q, resolved) else { continue };
        if !resolved[ri].speaks() && !resolved[ri].cue.verb.is_some_and(|(v, _)| v.class == VerbClass::NonSpeech) {
            continue;
        }
        resolved[ri].used = true;
        led.quotation_draft[qi] = Some(led.drafts.len());
        led.drafts.push(make_draft(c.doc, &led.entities, &resolved[ri], QuoteKind::Direct, q.parts(c.doc).collect(), QuotationIds::one(qi), close_sentence[qi]));
        led.sentence_attributed[si] = true;
    }
}

/// Pair each quotation of `qs` (those closing in the sentence) that no draft covers yet with a
/// cue of `resolved`, and draft it. A quotation whose cue cannot speak ("declined to say") is left
/// for a neighbour's speaker.
pub(super) fn attribute_closing(c: &Ctx, qs: &[usize], resolved: &mut [Resolved], si: usize, led: &mut Ledger) {
    let (doc, quotes) = (c.doc, c.quotes);
    for &qi in qs {
        if led.quotation_draft[qi].is_some() {
            continue;
        }
        let q = &quotes.quotations[qi];
        // A quoted title inside a phrase ("on “Fox News Sunday,” Pence said ...") is not what the
        // following verb reports.
        let embedded = q.open > c.s0 && doc.tokens[q.open - 1].kind == TokKind::Word && is_partial(doc, quotes, qi, c.s0);
        let (chosen, pre) = match if embedded { None } else { post_cue(c, q, resolved) } {
            Some(ri) => (Some(ri), false),
            None => (pre_cue(c, q, resolved), true),
        };
        let Some(ri) = chosen else {
            attribute_by_dash(c, qi, si, led);
            continue;
        };
        if !resolved[ri].speaks() && !resolved[ri].cue.verb.is_some_and(|(v, _)| v.class == VerbClass::NonSpeech) {
            continue;
        }
        let kind = direct_or_partial(doc, quotes, qi, c.s0);
        // "who wrote “The Long Pier”": a title after a cue is what it names, not its words.
        if pre && kind == QuoteKind::Partial && is_title(doc, quotes, qi, c.s0..c.s1) {
            continue;
        }
        // "saying that “race divides” in the region, ...": the clause around a partial quotation
        // is reported speech of the same cue, found later.
        resolved[ri].used = !(pre && kind == QuoteKind::Partial);
        let r = &resolved[ri];
        // Room for the second half of a split quotation or a next-sentence continuation.
        let mut parts: Parts = q.parts(doc).collect();
        let mut qset = QuotationIds::one(qi);
        if !pre {
            if let Some(q2) = split_continuation(c, r, qs, resolved, &led.quotation_draft) {
                parts.extend(quotes.quotations[q2].parts(doc));
                qset.push(q2);
            }
        }
        let di = led.drafts.len();
        for &x in qset.iter() {
            led.quotation_draft[x] = Some(di);
        }
        led.drafts.push(make_draft(doc, &led.entities, r, kind, parts, qset, si));
        led.sentence_attributed[si] = true;
    }
}

/// Post: `"...," she said` / `"...," said Psaki` / `"..." — a statement by X said`: the first
/// unused cue with a source that starts after the quotation, with only punctuation or a few
/// words of a statement's description between them.
fn post_cue(c: &Ctx, q: &Quotation, resolved: &[Resolved]) -> Option<usize> {
    let (doc, depth) = (c.doc, c.depth);
    let toks = &doc.tokens;
    for (ri, r) in resolved.iter().enumerate() {
        if r.source.is_none() || r.used {
            continue;
        }
        let bs = r.block_start.min(r.cue.start);
        if bs <= q.close {
            continue;
        }
        let gap_ok = (q.close + 1..bs).all(|x| toks[x].kind == TokKind::Punct && depth[x] == 0)
            || (q.close + 1..bs).count() <= 4
                && (q.close + 1..bs).all(|x| depth[x] == 0 && (toks[x].kind == TokKind::Punct || toks[x].has(flag::ATTR_NOUN) || word_in(doc, x, &["a", "an", "the", "by", "in", "his", "her", "their", "its"])));
        if gap_ok && !reports_its_own(c, q, r) {
            return Some(ri);
        }
    }
    None
}

/// `"… to unpick." Party spokeswoman Ana Ruiz said the law would be repealed.`: after a quotation
/// that closes on a full stop (or a question or exclamation mark), a cue with words of its own
/// to report (past its time phrases and listener) starts new reported speech, or introduces the
/// next quotation with a colon (`"…." Ruiz told the BBC: "…"`); it does not attribute the
/// quotation. `"…." Ruiz told the BBC.` does.
fn reports_its_own(c: &Ctx, q: &Quotation, r: &Resolved) -> bool {
    let (doc, depth) = (c.doc, c.depth);
    let toks = &doc.tokens;
    let closes_sentence = |t: &Token| t.kind == TokKind::Punct && matches!(t.first_char(doc.text), '.' | '?' | '!');
    if q.close < q.open + 2 || !closes_sentence(&toks[q.close - 1]) {
        return false;
    }
    // `"Why?" Ruiz said at a rally in …`: after a question or exclamation the words after a cue
    // mostly set the scene; only "that", a promise or request ("called on the board to act") or
    // a call's object open content of its own.
    let full_stop = punct_is(&toks[q.close - 1], doc.text, b'.');
    let opens_content = || full_stop || {
        let op = content_opening(c, r);
        op.explicit_that || op.promise_to || op.calls
    };
    let mut a = skip_right(doc, depth, r.after.max(r.cue.end), c.s1);
    if r.cue.verb.is_some_and(|(v, _)| v.listener) && a < c.s1 && toks[a].kind == TokKind::Word {
        if let Some(np) = np_right(doc, depth, a, c.s1) {
            a = skip_right(doc, depth, np.end, c.s1);
        }
    }
    a < c.s1 && depth[a] == 0 && (matches!(toks[a].kind, TokKind::Word | TokKind::Number) && opens_content() || colon_opens_quotation(c, a))
}

/// `told the BBC: "…"`: token `a` is a colon right before an opening quotation mark.
fn colon_opens_quotation(c: &Ctx, a: usize) -> bool {
    a + 1 < c.s1 && punct_is(&c.doc.tokens[a], c.doc.text, b':') && c.depth[a + 1] > c.depth[a]
}

/// Pre: `Psaki said: "..."` / `Psaki said, "..."` / `Psaki said "..."`: the last unused cue with
/// a source that `introduces` the quotation.
fn pre_cue(c: &Ctx, q: &Quotation, resolved: &[Resolved]) -> Option<usize> {
    let mut chosen = None;
    for (ri, r) in resolved.iter().enumerate() {
        if r.source.is_none() || r.used || r.cue.end > q.open {
            continue;
        }
        if introduces(c, r, q) {
            chosen = Some(ri);
        }
    }
    chosen
}

/// Does cue `r` lead straight into quotation `q`: past time phrases, a listener ("told WKRN,"),
/// "that", or a short aside (", on the other hand,"), only a colon, semicolon, comma or dash
/// remains?
fn introduces(c: &Ctx, r: &Resolved, q: &Quotation) -> bool {
    let (doc, depth) = (c.doc, c.depth);
    let toks = &doc.tokens;
    let mut a = skip_right(doc, depth, r.after, q.open);
    let before_listener = a;
    // "Mook told WKRN, “...”": past the listener (and a comma or colon must follow it).
    if r.cue.verb.is_some_and(|(v, _)| v.listener) && a < q.open && toks[a].kind == TokKind::Word {
        // "told Harbour FM's Morning Desk: “…”": a programme's name runs to the colon.
        let colon_first = q.open > a + 1 && punct_is(&toks[q.open - 1], doc.text, b':');
        let end = colon_first
            .then(|| listener_to_colon(doc, depth, a, q.open))
            .flatten()
            .filter(|&colon| colon + 1 == q.open)
            .or_else(|| np_right(doc, depth, a, q.open).map(|np| np.end))
            // "told reporters:", "told the crowd:"
            .or_else(|| (a + 1..(a + 4).min(q.open)).find(|&x| toks[x].kind != TokKind::Word).filter(|&x| (a..x).all(|y| !is(doc, y, flag::VERB))));
        if let Some(end) = end {
            a = skip_right(doc, depth, end, q.open);
        }
    }
    let a = if word_is(doc, a, "that") { a + 1 } else { past_short_aside(doc, depth, a, q.open, r.block_start <= c.s0 + 1) };
    (a..q.open).all(|x| toks[x].kind == TokKind::Punct && matches!(toks[x].first_char(doc.text), ':' | ';' | ',' | '—' | '–'))
        // "told WKRN's “Morning Desk” that ...": a programme's name, not the quotation.
        && !(a > before_listener && a == q.open && word_is(doc, q.close + 1, "that"))
}

/// Past ", on the other hand," or "of the plan:" from `a`: a short prepositional phrase (at most
/// five words, no verb) ending in the comma or colon just before token `open`; else `a`. Only
/// "of" ("said of Kane, “…”") may name someone, and only it is taken unless the source
/// `opens_sentence`: "in Forbes’ words" is a source of its own, and mid-sentence ("…, Rubio said
/// in his book, “Title”") a phrase tends to set the quotation, not introduce it.
fn past_short_aside(doc: &Doc, depth: &[u8], a: usize, open: usize, opens_sentence: bool) -> usize {
    let toks = &doc.tokens;
    let b = if a < open && toks[a].is_punct(doc.text, ',') { a + 1 } else { a };
    if b + 2 > open || !is(doc, b, flag::PREP) || !(toks[open - 1].is_punct(doc.text, ',') || toks[open - 1].is_punct(doc.text, ':')) {
        return a;
    }
    let of = word_is(doc, b, "of");
    if !of && !opens_sentence {
        return a;
    }
    let words = b..open - 1;
    // "said after Saturday's meeting:": a day or month is no name.
    let plain = words.clone().all(|x| depth[x] == 0 && matches!(toks[x].kind, TokKind::Word | TokKind::Number) && (of || !toks[x].cap || toks[x].has(flag::DAY_MONTH)) && !is(doc, x, flag::VERB));
    if words.len() <= 5 && plain {
        open - 1
    } else {
        a
    }
}


/// `"..." — Jane Doe (@janedoe)`: a dash (after an optional comma) and a name after the quotation.
/// Returns the dash token and the name.
fn dash_and_name(c: &Ctx, q: &Quotation) -> Option<(usize, Np)> {
    let doc = c.doc;
    let toks = &doc.tokens;
    let s1 = c.s1;
    let mut k = q.close + 1;
    if k < s1 && punct_is(&toks[k], doc.text, b',') {
        k += 1;
    }
    let dash = k < s1 && toks[k].kind == TokKind::Punct && matches!(toks[k].first_char(doc.text), '—' | '–' | '―' | '-');
    if !dash {
        return None;
    }
    let mut n = k + 1;
    while n < s1 && toks[n].kind == TokKind::Punct && matches!(toks[n].first_char(doc.text), '-' | '—') {
        n += 1;
    }
    np_right(doc, c.depth, n, s1).filter(|np| np.name.is_some()).map(|np| (k, np))
}

/// A quotation with no cue around it, attributed by `dash_and_name` with the dash as cue.
fn attribute_by_dash(c: &Ctx, qi: usize, si: usize, led: &mut Ledger) {
    let q = &c.quotes.quotations[qi];
    let Some((k, np)) = dash_and_name(c, q) else { return };
    let Some((e, link)) = led.entities.link(c.doc, &np) else { return };
    let di = led.drafts.len();
    led.quotation_draft[qi] = Some(di);
    let dash_span = c.doc.tokens[k].span();
    let cue = Cue::mark(dash_span, dash_span.text(c.doc.text), CueKind::Dash);
    led.drafts.push(punctuation_draft(&led.entities, q.parts(c.doc).collect(), QuotationIds::one(qi), (e, link), np.span, cue, si));
    led.sentence_attributed[si] = true;
}

/// Split quotation: `"A," she said, "B."` — after cue `r` (and its source), the sentence's next
/// quotation with no draft continues the first, even after a short aside (`"A," Tester said,
/// referring to the bank, "B."`), unless another cue with a source stands between.
fn split_continuation(c: &Ctx, r: &Resolved, qs: &[usize], resolved: &[Resolved], quotation_draft: &[Option<usize>]) -> Option<usize> {
    let (doc, depth, s1) = (c.doc, c.depth, c.s1);
    let toks = &doc.tokens;
    let quotations = &c.quotes.quotations;
    let mut a = skip_right(doc, depth, r.after.max(r.source.as_ref().map_or(0, |s| s.np.end)).max(r.cue.end), s1);
    if a < s1 && toks[a].kind == TokKind::Punct && matches!(toks[a].first_char(doc.text), ',' | ':' | '—' | '–') {
        a += 1;
    }
    let q2 = qs.iter().copied().filter(|&x| quotations[x].open >= a && quotation_draft[x].is_none()).min_by_key(|&x| quotations[x].open)?;
    let o = quotations[q2].open;
    let other_cue = resolved.iter().any(|r2| r2.cue.start >= a && r2.cue.start < o && r2.source.is_some() && (!r2.cue.participial || participle_introduces(c, r2, o)));
    (o == a || (!other_cue && o - a <= 12)).then_some(q2)
}

/// A participle that introduces the quotation opening at `o` (", adding that “B”", ", adding,
/// “B”", "before asking her, “…”") is its own cue, not an aside inside a split quotation.
fn participle_introduces(c: &Ctx, r2: &Resolved, o: usize) -> bool {
    let doc = c.doc;
    let toks = &doc.tokens;
    let mut b = skip_right(doc, c.depth, r2.after, o);
    // "before asking her, “…”": past a pronoun listener.
    if r2.cue.verb.is_some_and(|(v, _)| v.listener) && word_in(doc, b, &["him", "her", "them", "us", "me"]) {
        b += 1;
    }
    if b < o && (word_is(doc, b, "that") || toks[b].kind == TokKind::Punct && matches!(toks[b].first_char(doc.text), ',' | ':')) {
        b += 1;
    }
    b == o
}

#[cfg(test)]
mod tests {
    use super::super::testing::{fixture, Fixture};
    use super::*;

    /// Every sentence's closing quotations paired: (span, mention, cue, number of parts) per draft.
    fn paired(f: &Fixture) -> Vec<(String, Option<String>, Option<String>, usize)> {
        let closing = Closing::index(&f.quotes, &f.sentences);
        let mut led = f.ledger();
        for si in 0..f.sentences.len() {
            let mut r = f.linked(si, &mut led);
            attribute_closing(&f.ctx(si), closing.closing_in(si), &mut r, si, &mut led);
        }
        led.drafts
            .iter()
            .map(|d| {
                let (span, mention, cue) = f.view(d);
                (span.to_string(), mention.map(str::to_string), cue.map(str::to_string), d.parts.len())
            })
            .collect()
    }

    #[test]
    fn a_quotation_takes_the_cue_after_it_before_it_or_a_dash_and_a_name() {
        // (text, (quotation, speaker, cue, parts) of the first draft, or no draft)
        let cases: &[(&str, Option<(&str, &str, &str, usize)>)] = &[
            ("“We will rebuild the pier,” Hartley said.", Some(("“We will rebuild the pier,”", "Hartley", "said", 1))),
            ("“We will rebuild the pier,” said Omar Haddad.", Some(("“We will rebuild the pier,”", "Omar Haddad", "said", 1))),
            ("“Nobody was hurt,” a statement by the fire department said.", Some(("“Nobody was hurt,”", "the fire department", "said", 1))),
            ("Hartley said: “We will rebuild the pier.”", Some(("“We will rebuild the pier.”", "Hartley", "said", 1))),
            ("Hartley told reporters, “We will rebuild the pier.”", Some(("“We will rebuild the pier.”", "Hartley", "told", 1))),
            ("Hartley said on the other hand, “the pier is safe.”", Some(("“the pier is safe.”", "Hartley", "said", 1))),
            ("When they met, Hartley said; “You are the best.”", Some(("“You are the best.”", "Hartley", "said", 1))),
            ("A spokesman for the union said after Saturday's meeting: “We are still talking.”", Some(("“We are still talking.”", "A spokesman for the union", "said", 1))),
            // A lost paragraph break: one quotation, each stretch a part.
            ("Hartley said: “We need players. “I would like two.”", Some(("“We need players. “I would like two.”", "Hartley", "said", 2))),
            ("“We are ready.” — Coach Marta Silva", Some(("“We are ready.”", "Coach Marta Silva", "—", 1))),
            // A non-speech verb still attributes a quotation it follows.
            ("“We will rebuild,” Hartley smiled.", Some(("“We will rebuild,”", "Hartley", "smiled", 1))),
            // Split: one draft, two parts.
            ("“We will rebuild,” Hartley said, “and we will do it soon.”", Some(("“We will rebuild,” Hartley said, “and we will do it soon.”", "Hartley", "said", 2))),
            // No cue and no dash.
            ("“We are ready.” The crowd cheered.", None),
            // After a full stop, a cue with content of its own reports that, not the quotation.
            ("“We are ready.” Hartley said on Monday.", Some(("“We are ready.”", "Hartley", "said", 1))),
            ("“We are ready.” Hartley told the Harbour Gazette.", Some(("“We are ready.”", "Hartley", "told", 1))),
            ("“We are ready.” Hartley said the pier would reopen.", None),
            ("“We are ready.” Hartley told the Harbour Gazette the pier would reopen.", None),
            ("“We are ready,” Hartley said, adding that the pier would reopen.", Some(("“We are ready,”", "Hartley", "said", 1))),
            // A cue that introduces the next quotation with a colon is that one's, not this one's.
            ("Ana Ruiz said of her rival: “He is quick.” The mayor told the Gazette: “I was joking.”", Some(("“He is quick.”", "Ana Ruiz", "said", 1))),
            ("“Who could blame him?” Hartley told the Harbour Gazette that the pier would reopen.", None),
            ("“Who could blame him?” Hartley asked.", Some(("“Who could blame him?”", "Hartley", "asked", 1))),
            ("“Who could blame him?” Hartley said at a rally in the harbour town.", Some(("“Who could blame him?”", "Hartley", "said", 1))),
            ("“Who could blame him?” Hartley says to the camera.", Some(("“Who could blame him?”", "Hartley", "says", 1))),
            ("“Who could blame him?” Hartley also called on the board to act.", None),
            ("“We are ready.” Hartley told the Gazette: “The pier reopens.”", Some(("“The pier reopens.”", "Hartley", "told", 1))),
        ];
        for &(text, want) in cases {
            let got = paired(&fixture(text));
            let first = got.first().map(|(s, m, c, n)| (s.as_str(), m.as_deref().unwrap_or(""), c.as_deref().unwrap_or(""), *n));
            assert_eq!(first, want, "{text:?}");
        }
    }

    #[test]
    fn a_participle_that_introduces_the_second_quotation_is_its_own_cue() {
        let got = paired(&fixture("“We are ready,” Hartley said, adding, “The pier reopens soon.”"));
        let cues: Vec<(&str, usize)> = got.iter().map(|(_, _, c, n)| (c.as_deref().unwrap(), *n)).collect();
        assert_eq!(cues, [("said", 1), ("adding", 1)]);
        // A participle that does not introduce it is an aside inside a split quotation.
        let got = paired(&fixture("“We are ready,” Tester said, referring to the bank, “and so is the town.”"));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].3, 2);
    }

    #[test]
    fn a_quotation_over_paragraphs_takes_the_cue_that_introduces_it() {
        // (text, (parts, mention, cue) of the quotation's draft)
        let cases: &[(&str, (&[&str], &str, &str))] = &[
            ("Edu Lima said: “I have heard the stories.\n\n“That is nice, but I am staying.”", (&["“I have heard the stories.", "“That is nice, but I am staying.”"], "Edu Lima", "said")),
            ("Edu Lima told reporters: “I have heard the stories.\n\n“I am staying.\n\n“That is final.”", (&["“I have heard the stories.", "“I am staying.", "“That is final.”"], "Edu Lima", "told")),
            // The cue after it still attributes it.
            ("“I have heard the stories.\n\n“I am staying,” Edu Lima said.", (&["“I have heard the stories.", "“I am staying,”"], "Edu Lima", "said")),
        ];
        for &(text, (parts, mention, cue)) in cases {
            let f = fixture(text);
            let a = f.attribute();
            let d = a.drafts.iter().find(|d| d.quotations == [0]).expect("a draft for the quotation");
            let got: Vec<&str> = d.parts.iter().map(|p| p.text(text)).collect();
            let (_, m, c) = f.view(d);
            assert_eq!((got.as_slice(), m, c), (parts, Some(mention), Some(cue)), "{text:?}");
        }
    }

    #[test]
    fn a_quoted_title_inside_a_phrase_is_not_what_the_verb_reports() {
        let f = fixture("Speaking on “Harbour Hour”, Hartley said the pier would reopen.");
        let r = f.resolved(0);
        let q = &f.quotes.quotations[0];
        let ri = r.iter().position(|r| r.cue.head == f.tok("said")).unwrap();
        // The cue follows the quotation, but the quotation sits inside "on …".
        assert_eq!(post_cue(&f.ctx(0), q, &r), Some(ri));
        assert!(paired(&f).iter().all(|(_, _, c, _)| c.as_deref() != Some("said")));
    }

    #[test]
    fn quotations_are_indexed_by_the_sentence_they_close_in() {
        let f = fixture("“We are ready,” Hartley said. Crews arrived. “The wall holds,” Haddad said of the “old” pier.");
        let closing = Closing::index(&f.quotes, &f.sentences);
        assert_eq!(closing.closing_in(0), [0]);
        assert_eq!(closing.closing_in(1), [] as [usize; 0]);
        assert_eq!(closing.closing_in(2), [1, 2]);
        assert_eq!(closing.close_sentence, [0, 2, 2]);
    }

    #[test]
    fn a_short_aside_between_cue_and_quotation_is_passed() {
        // (text, does the walk reach the quotation's opening mark?)
        let cases: &[(&str, bool)] = &[
            ("Kane said, in the same breath, “the plan is dead.”", true),
            ("Kane spoke of the plan: “It is the best we have.”", true),
            // Mid-sentence, only "of" is taken.
            ("The crowd waited as Kane said in the garden, “Harbour Days.”", false),
            // Too long.
            ("Kane said, in the very long and winding debate of the evening, “the plan is dead.”", false),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            let q = &f.quotes.quotations[0];
            let (_, r) = f.cue_at(if text.contains("spoke") { "spoke" } else { "said" });
            let a = skip_right(&f.doc, &f.quotes.depth, r.cue.end, q.open);
            let b = past_short_aside(&f.doc, &f.quotes.depth, a, q.open, r.block_start <= 1);
            let reached = (b..q.open).all(|x| f.doc.tokens[x].kind == TokKind::Punct);
            assert_eq!(reached, want, "{text:?}");
        }
    }
}
