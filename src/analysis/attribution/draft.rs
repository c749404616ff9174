//! Drafts: one attribution each, built from a cue and its source, from punctuation (a
//! transcript colon, a dash before a name), or with no cue at all; and the one decision every
//! kind shares, whether a quotation is a full utterance or a fragment.

use super::source::Resolved;
use super::{Draft, QuotationIds};
use crate::analysis::cues::{is, ly_adverb, word_in, word_is, CueCand};
use crate::analysis::lexicon::{flag, Form};
use std::borrow::Cow;
use crate::analysis::model::{Cue, CueKind, QuoteKind, Resolution, Span};
use crate::analysis::inline::Parts;
use crate::analysis::quotes::Quotes;
use crate::analysis::entities::{Entities, Link};
use crate::analysis::text::{Doc, TokKind};

/// The cue as a reader sees it, with the adverbs of its verb group ("also said").
fn cue_text(doc: &Doc, c: &CueCand) -> Cue {
    let toks = &doc.tokens;
    // Adverbs in the verb group belong to the cue ("also said", "has repeatedly warned"), as
    // annotated news marks them; the subject search still starts at the auxiliary.
    let mut first = c.start;
    if c.verb.is_some() {
        while first > 0 && !toks[first - 1].cap && (is(doc, first - 1, flag::ADVERB) && !word_in(doc, first - 1, &["last", "late"]) || ly_adverb(doc, first - 1)) {
            first -= 1;
        }
    }
    let span = Span::new(toks[first].start as usize, toks[c.end - 1].end as usize);
    let (head, lemma) = cue_head(doc, c);
    Cue {
        span,
        text: span.text(doc.text).into(),
        kind: if c.according_to { CueKind::AccordingTo } else { CueKind::Verb },
        head,
        lemma,
    }
}

/// The head of cue `c` as written and its dictionary form: "according to"; the verb with the
/// particle of a phrasal verb ("pointed out", lemma "point out"); "quoted" (or "cited") in "was
/// quoted as saying". A verb the user configured has the lemma "say" here; `analyze` puts the
/// configured base form in its place.
fn cue_head(doc: &Doc, c: &CueCand) -> (Span, Cow<'static, str>) {
    let toks = &doc.tokens;
    let span = |a: usize, b: usize| Span::new(toks[a].start as usize, toks[b].end as usize);
    let Some((v, form)) = c.verb else { return (span(c.head, c.head + 1), Cow::Borrowed("according to")) };
    if form == Form::Gerund && c.head >= 2 && word_is(doc, c.head - 1, "as") && word_in(doc, c.head - 2, &["quoted", "cited"]) {
        let quoted = c.head - 2;
        return (span(quoted, quoted), Cow::Borrowed(if word_is(doc, quoted, "quoted") { "quote" } else { "cite" }));
    }
    let base: &'static str = &v.base;
    match v.particle.as_deref() {
        Some(p) => (span(c.head, c.end - 1), Cow::Owned(format!("{base} {p}"))),
        None => (span(c.head, c.head), Cow::Borrowed(base)),
    }
}

/// A direct quotation (its stretches `parts`) attributed by punctuation: a transcript colon or a
/// dash before a name.
pub(super) fn punctuation_draft(entities: &Entities, parts: Parts, quotations: QuotationIds, (e, link): (usize, Link), mention: Span, cue: Cue, sentence: usize) -> Draft {
    Draft {
        kind: QuoteKind::Direct,
        span: parts[0].cover(parts[parts.len() - 1]),
        parts,
        quotations,
        entity: Some(e),
        mention: Some(mention),
        cue: Some(cue),
        cue_class: None,
        cue_head: None,
        resolution: if link == Link::Short { Resolution::ShortName { first: entities.list[e].first_full } } else { Resolution::Named },
        outer: None,
        weasel: false,
        anonymous_bare: false,
        sentence,
    }
}

/// The draft of a cue's attribution: its source's entity and how the mention resolved to it, the
/// cue, and the content `parts` (the first part starts the span).
pub(super) fn make_draft(doc: &Doc, entities: &Entities, r: &Resolved, kind: QuoteKind, parts: Parts, quotations: QuotationIds, si: usize) -> Draft {
    let span = parts.iter().fold(parts[0], |a, b| a.cover(*b));
    let (entity, link) = match r.link {
        Some((e, l)) => (Some(e), Some(l)),
        None => (None, None),
    };
    let src = r.source.as_ref();
    // "X, who said": the antecedent is the mention (a reader names X, not "who").
    let mention = src.map(|s| s.np.span);
    let resolution = match (link, entity, src.and_then(|s| s.via)) {
        (Some(_), Some(_), Some(pronoun)) => Resolution::Relative { pronoun },
        (Some(Link::Pronoun), Some(e), _) => {
            let ent = &entities.list[e];
            let pronoun = mention.map(|m| m.text(doc.text).into()).unwrap_or_default();
            let antecedent = ent.mentions.iter().rev().map(|m| m.0).find(|m| Some(*m) != mention && m.start < mention.map_or(usize::MAX, |x| x.start)).unwrap_or(ent.first_full);
            Resolution::Pronoun { pronoun, antecedent }
        }
        (Some(Link::Short), Some(e), _) => Resolution::ShortName { first: entities.list[e].first_full },
        (Some(Link::Role), Some(e), _) => Resolution::Role { first: entities.list[e].first_full },
        (Some(_), Some(_), _) => Resolution::Named,
        _ => Resolution::None,
    };
    Draft {
        kind,
        span,
        parts,
        quotations,
        entity,
        mention: if entity.is_some() { mention } else { None },
        cue: Some(cue_text(doc, &r.cue)),
        cue_class: r.cue.verb.map(|(v, _)| v.class),
        cue_head: r.cue.verb.map(|_| r.cue.head),
        resolution,
        outer: None,
        weasel: src.is_some_and(|s| s.np.weasel),
        anonymous_bare: src.is_some_and(|s| s.np.anonymous_bare),
        sentence: si,
    }
}

/// A short fragment quoted inside the writer's own sentence (‘in principle’), not a full utterance.
pub(super) fn is_partial(doc: &Doc, quotes: &Quotes, qi: usize, sent_start: usize) -> bool {
    let q = &quotes.quotations[qi];
    let toks = &doc.tokens;
    let text = doc.text;
    let words = (q.open + 1..q.close).filter(|&k| toks[k].kind == TokKind::Word).count();
    let last_inner = if q.close > q.open + 1 { Some(&toks[q.close - 1]) } else { None };
    let ends_like_utterance = last_inner.is_some_and(|t| t.kind == TokKind::Punct && matches!(t.first_char(text), ',' | '.' | '!' | '?' | '…'));
    let starts_sentence = q.open == sent_start || (q.open > sent_start && toks[q.open - 1].kind == TokKind::Punct && matches!(toks[q.open - 1].first_char(text), ':' | ','));
    let first_cap = toks.get(q.open + 1).is_some_and(|t| t.cap);
    if ends_like_utterance && (starts_sentence || first_cap) {
        return false;
    }
    if starts_sentence && first_cap && words > 3 {
        return false;
    }
    !(words > 12 && first_cap)
}

/// Short words a title keeps in lower case ("Gang of Eight", "Orange is the New Black").
const TITLE_SMALL_WORDS: &[&str] = &["a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "vs", "de", "la", "le", "van", "von"];

/// A title or a name in quotation marks, with no cue: "appeared on “Harbour Live Tonight,”",
/// the group “Save The Old Pier”, her memoir, “Nothing But Tides,”. Two to eight words, the first
/// and last capitalised and every other one too but for short words, inside the writer's sentence
/// (not opening it or following a colon, where a quoted utterance stands; not in a headline, where
/// every word is capitalised). Nobody says a title (docs/quotes.md): it is no quote.
pub(super) fn is_title(doc: &Doc, quotes: &Quotes, qi: usize, sent: std::ops::Range<usize>) -> bool {
    let q = &quotes.quotations[qi];
    let toks = &doc.tokens;
    let after_colon = q.open > sent.start && toks[q.open - 1].kind == TokKind::Punct && toks[q.open - 1].first_char(doc.text) == ':';
    if q.open <= sent.start || after_colon {
        return false;
    }
    let words = || (q.open + 1..q.close).filter(|&k| toks[k].kind == TokKind::Word);
    // Two to eight words: a whole quoted paragraph is read no further than its ninth word.
    if !(2..=8).contains(&words().take(9).count()) {
        return false;
    }
    let (Some(first), Some(last)) = (words().next(), words().last()) else { return false };
    toks[first].cap
        && toks[last].cap
        && words().all(|k| toks[k].cap || word_in(doc, k, TITLE_SMALL_WORDS))
        && !crate::analysis::cues::is_headline(doc, sent)
}

/// A quotation's kind when a cue or a neighbour attributes it: a fragment is partial.
pub(super) fn direct_or_partial(doc: &Doc, quotes: &Quotes, qi: usize, sent_start: usize) -> QuoteKind {
    if is_partial(doc, quotes, qi, sent_start) {
        QuoteKind::Partial
    } else {
        QuoteKind::Direct
    }
}

/// A quotation (its stretches `parts`) with no cue, carrying no source yet (a neighbour's may be
/// carried to it).
pub(super) fn uncued_draft(kind: QuoteKind, parts: Parts, qi: usize, sentence: usize) -> Draft {
    Draft {
        kind,
        span: parts[0].cover(parts[parts.len() - 1]),
        parts,
        quotations: QuotationIds::one(qi),
        entity: None,
        mention: None,
        cue: None,
        cue_class: None,
        cue_head: None,
        resolution: Resolution::None,
        outer: None,
        weasel: false,
        anonymous_bare: false,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::fixture;
    use super::*;

    #[test]
    fn a_short_fragment_is_partial_a_full_utterance_is_not() {
        let cases: &[(&str, bool)] = &[
            ("“We will rebuild the pier,” Hartley said.", false),
            ("Hartley said: “We will rebuild the pier before the storms come.”", false),
            ("Hartley called the plan “a disgrace” on Monday.", true),
            ("The board agreed “in principle” to the plan.", true),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            assert_eq!(is_partial(&f.doc, &f.quotes, 0, 0), want, "{text:?}");
            let kind = direct_or_partial(&f.doc, &f.quotes, 0, 0);
            assert_eq!(kind == QuoteKind::Partial, want);
        }
    }

    #[test]
    fn a_title_in_quotation_marks_is_no_utterance() {
        // (text, the quotation is a title)
        let cases: &[(&str, bool)] = &[
            ("Kane later appeared on “Harbour Live Tonight.”", true),
            ("The group is called “Save The Old Pier,” and it has 300 members.", true),
            ("Her memoir, “Nothing But Tides,” sold well.", true),
            ("She watched “Gang of Eight” twice.", true),
            // An utterance: opening the sentence, after a colon, in lower case, or one word.
            ("“Nothing But Tides,” she wrote.", false),
            ("The sign read: “Keep Off The Pier.”", false),
            ("Kane said the plan was “far too slow.”", false),
            ("Kane shouted “Never!” and left.", false),
            ("The mayor’s “new deal for the pier” failed.", false),
            // A headline capitalises every word.
            ("Mayor Backs “Save The Pier” Campaign", false),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            assert_eq!(is_title(&f.doc, &f.quotes, 0, f.sentences[0].tokens.clone()), want, "{text:?}");
        }
    }

    #[test]
    fn the_cue_keeps_the_adverbs_of_its_verb_group() {
        let cases: &[(&str, &str, &str)] = &[
            ("Hartley also said the pier would reopen.", "said", "also said"),
            ("Hartley has repeatedly warned that the pier is unsafe.", "warned", "has repeatedly warned"),
            ("Hartley said the pier would reopen.", "said", "said"),
            ("According to Hartley, the pier will reopen.", "According", "According to"),
        ];
        for &(text, word, want) in cases {
            let f = fixture(text);
            let (_, r) = f.cue_at(word);
            let cue = cue_text(&f.doc, &r.cue);
            assert_eq!(cue.text, want, "{text:?}");
        }
    }

    #[test]
    fn the_cue_has_a_head_as_written_and_its_dictionary_form() {
        // (text, cue word, head as written, lemma)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("Hartley has also said the pier would reopen.", "said", "said", "say"),
            ("Hartley told reporters the pier would reopen.", "told", "told", "tell"),
            ("Hartley has repeatedly warned that the pier is unsafe.", "warned", "warned", "warn"),
            ("Hartley pointed out that the pier was closed.", "pointed", "pointed out", "point out"),
            ("According to Hartley, the pier will reopen.", "According", "According to", "according to"),
            ("Hartley was quoted as saying the pier would reopen.", "saying", "quoted", "quote"),
        ];
        for &(text, word, head, lemma) in cases {
            let f = fixture(text);
            let (_, r) = f.cue_at(word);
            let cue = cue_text(&f.doc, &r.cue);
            assert_eq!((cue.head.text(text), cue.lemma.as_ref()), (head, lemma), "{text:?}");
        }
    }

    #[test]
    fn a_draft_says_how_its_source_was_resolved() {
        let text = "Lena Hartley visited the pier. She said it would reopen. Hartley said it was safe.";
        let f = fixture(text);
        let mut led = f.ledger();
        f.linked(0, &mut led);
        let mut got = Vec::new();
        for si in 1..3 {
            let r = f.linked(si, &mut led);
            let d = make_draft(&f.doc, &led.entities, &r[0], QuoteKind::Indirect, Parts::one(f.sentences[si].span), QuotationIds::default(), si);
            got.push((d.mention.map(|m| m.text(text)), d.resolution));
        }
        let hartley = Span::new(0, "Lena Hartley".len());
        assert_eq!(got[0], (Some("She"), Resolution::Pronoun { pronoun: "She".into(), antecedent: hartley }));
        assert_eq!(got[1], (Some("Hartley"), Resolution::ShortName { first: hartley }));
    }

    #[test]
    fn an_uncued_draft_has_no_source() {
        let d = uncued_draft(QuoteKind::Direct, Parts::one(Span::new(3, 9)), 2, 1);
        assert_eq!((d.span, d.parts.as_slice(), &d.quotations[..], d.sentence), (Span::new(3, 9), &[Span::new(3, 9)][..], &[2][..], 1));
        assert!(d.entity.is_none() && d.cue.is_none() && d.resolution == Resolution::None);
    }
}
