//! Who holds a weasel claim. Research the sentence names ("according to research by the Harbor
//! Institute", "the board's study found", "the survey showed") is a source an editor accepts;
//! a bare "people" or "everyone" in the writer's own narrative ("where people publish their
//! diaries", "before everyone thinks I am rich") is everyday speech, not a vague authority, and
//! only a hint. "Critics say", "research suggests" and "experts believe" stay warnings.

use super::Ctx;
use crate::analysis::cues::word_in;
use crate::analysis::lexicon::flag;
use crate::analysis::text::TokKind;

/// Nouns for a piece of research that a name, an owner or "the" makes a source.
/// Plurals too: "according to FBI reports", "the council's surveys".
pub(super) const RESEARCH: &[&str] = &[
    "research", "study", "survey", "report", "poll", "analysis", "evidence", "note", "review", "audit", "census", "reports", "studies", "surveys", "polls", "figures",
];

/// Bodies that own research when they modify its noun ("government research found", "council
/// figures show"): a holder the reader can weigh, written in lower case.
const INSTITUTION: &[&str] = &[
    "government", "official", "council", "ministry", "department", "university", "police", "treasury", "parliamentary", "congressional", "federal", "industry", "company",
];

/// Determiners that tie the research to a holder or to one named before ("its study", "the survey").
const OWNER: &[&str] = &["its", "our", "their", "his", "her", "the", "this", "that", "whose"];

/// Words after the research that introduce who did it ("research by", "a study from").
const BY: &[&str] = &["by", "from", "called", "commissioned", "for", "carried", "conducted"];

/// Everyday words for people in general: as a bare source they are a hint.
const EVERYDAY: &[&str] = &["people", "everyone", "everybody", "someone", "somebody"];

/// What the holder of the weasel claim from token `a` to `b` (exclusive) in sentence `si` makes of it.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Holder {
    /// Named research: no claim.
    Named,
    /// Everyday "people": a hint.
    Everyday,
    /// Research a sentence after names ("…, research suggests." then "The study, by …"), a hope
    /// whose holder the paragraph quotes, or an intro whose next paragraph names the source: a hint.
    Nearby,
    /// A vague authority: the rule's own severity.
    Vague,
}

pub(super) fn holder(ctx: &Ctx, si: usize, a: usize, b: usize) -> Holder {
    let doc = ctx.doc;
    let s = &ctx.sentences[si].tokens;
    let (s0, s1) = (s.start, s.end);
    // "its own research which showed": a relative pronoun stands for the noun before it.
    let rel = word_in(doc, a, &["which", "that"]) && a > s0;
    let first = if rel { a - 1 - usize::from(a - 1 > s0 && doc.tokens[a - 1].kind != TokKind::Word) } else { a };
    // The research is the source only near the phrase's start: "analysts put a gloss on the
    // figures" is the analysts' view, whatever figures it is about.
    if let Some(r) = (first..b.min(first + 5)).find(|&r| word_in(doc, r, RESEARCH)) {
        if research_named(ctx, r, s0, s1) {
            return Holder::Named;
        }
        if super::context::research_named_after(ctx, si) || super::context::intro_sourced_next(ctx, si, a, b) {
            return Holder::Nearby;
        }
        return Holder::Vague;
    }
    // "It is hoped the museum will open in May." and its spokeswoman quoted in the paragraph.
    if (a..b).any(|x| word_in(doc, x, &["hoped"])) && super::context::paragraph_names_someone(ctx, si) {
        return Holder::Nearby;
    }
    if super::context::watcher_quoted_next(ctx, si, a, b) || super::context::intro_sourced_next(ctx, si, a, b) {
        return Holder::Nearby;
    }
    // A bare everyday word as the whole source, with no quantifier ("some people" is a weasel phrase).
    let words = || (a..b).filter(|&x| doc.tokens[x].kind == TokKind::Word);
    if words().any(|x| word_in(doc, x, EVERYDAY)) && !words().any(|x| word_in(doc, x, &["some", "many", "most", "few", "several"])) {
        return Holder::Everyday;
    }
    Holder::Vague
}

/// Is the research noun at `r` named: by a capitalised name before it ("Harbor Research",
/// "the board's study"), an owner or "the" before it, or "by"/"from" and a name after it?
fn research_named(ctx: &Ctx, r: usize, s0: usize, s1: usize) -> bool {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    if toks[r].cap && r > s0 {
        return true;
    }
    if r > s0 {
        let p = &toks[r - 1];
        let name_before = p.kind == TokKind::Word && p.cap && r - 1 > s0 && !word_in(doc, r - 1, &["according"]);
        if p.possessive || name_before || word_in(doc, r - 1, OWNER) || word_in(doc, r - 1, INSTITUTION) {
            return true;
        }
        // "Harbor's own research": a possessive two words back.
        if r > s0 + 1 && word_in(doc, r - 1, &["own", "new", "latest", "recent", "annual"]) && (toks[r - 2].possessive || word_in(doc, r - 2, OWNER)) {
            return true;
        }
    }
    let after = (r + 1..(r + 3).min(s1)).find(|&x| word_in(doc, x, BY));
    // "reports from Interfax" names the agency; "reports from China" only a place.
    let named = |y: usize| toks[y].kind == TokKind::Word && toks[y].cap && !toks[y].has(flag::PLACE | flag::COUNTRY);
    after.is_some_and(|x| (x + 1..(x + 6).min(s1)).any(named))
}
