//! Agentless passives of belief, perception, expectation and speech: "is being seen as", "it
//! was agreed", "is believed to". Which ones an editor would query, and which are weak.

use super::Ctx;
use crate::analysis::cues::{is, ly_adverb, word_in, word_is};
use crate::analysis::lexicon::flag;
use crate::analysis::text::TokKind;

/// Participles whose passive usually reports a schedule, a record or a formality rather than a
/// view ("is expected to meet on Monday", "was announced", "were not disclosed", "are accused
/// of"): reported as hints, unless the subject is a dummy "it" or an adverb says the view is
/// widely held.
const WEAK: &[&str] = &[
    "accepted", "acknowledged", "announced", "confirmed", "disclosed", "revealed", "expected", "slated", "destined",
    "proven", "quoted", "credited", "billed", "accused", "praised", "hailed", "lauded", "touted", "described",
    "dubbed", "labeled", "labelled", "termed", "recognized", "recognised", "felt", "agreed", "anticipated", "favored",
    "favoured", "characterized", "characterised", "portrayed",
];

/// Participles of accusation and blame: "has been accused of", "has been criticised over". In
/// news copy the accuser or critic is usually the next sentence's subject ("The MoD has been
/// criticised over delays. A National Audit Office report says…") or the charge is on the record,
/// so these are hints, unless an adverb says the view is widely held.
const ACCUSATION: &[&str] = &[
    "accused", "criticised", "criticized", "blamed", "branded", "implicated", "condemned", "attacked", "slammed", "panned",
];

/// Participles of an announcement of record: "it has been announced", "it was confirmed" is
/// the BBC's formula for an official statement, weak even with a dummy "it".
const RECORD: &[&str] = &["announced", "confirmed", "disclosed", "revealed"];

/// Participles that are a view only with a complement ("is considered a risk", "was judged
/// to have failed"); on their own they report a procedure ("options are being considered", "the
/// bill will be debated on Monday").
const DELIBERATION: &[&str] = &["considered", "debated", "discussed", "judged", "examined", "mentioned", "reviewed", "assessed"];

/// Adverbs that make a passive view a general one: "is widely seen as".
const GENERAL: &[&str] = &["widely", "generally", "commonly", "increasingly", "often", "popularly", "largely", "broadly", "universally"];

/// An agentless passive starting at the form of "be" at `k`: its end token and whether it is weak.
pub(super) fn agentless(ctx: &Ctx, k: usize, s0: usize, s1: usize) -> Option<(usize, bool)> {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let mut p = k + 1;
    let mut general = false;
    // "is widely seen", "has been harshly criticised": adverbs between.
    while p < s1 && (is(doc, p, flag::PASSIVE_ADV) || ly_adverb(doc, p)) {
        general |= word_in(doc, p, GENERAL);
        p += 1;
    }
    if p >= s1 || !toks[p].has(flag::PARTICIPLE) || !ctx.free(p) {
        return None;
    }
    if agent_after(ctx, p, s1) || sighting(ctx, k, p, s0, s1) || idiom(ctx, k, p, s0) {
        return None;
    }
    let mut end = p + 1;
    if word_in(doc, end, &["as", "to", "that"]) {
        end += 1;
    }
    // "it was agreed", "it is understood that": nobody at all holds the view.
    let dummy_it = (s0..k).rev().find(|&x| !is(doc, x, flag::AUX | flag::PASSIVE_ADV)).is_some_and(|x| word_is(doc, x, "it"));
    // No complement: the sentence ends, or a preposition or time follows ("debated in Parliament").
    let bare = end == p + 1 && (end >= s1 || toks[end].kind != TokKind::Word || is(doc, end, flag::PREP | flag::TIME));
    let weak = (!dummy_it && !general && word_in(doc, p, WEAK))
        || (!general && word_in(doc, p, RECORD))
        || accusation(ctx, p, general)
        || (bare && word_in(doc, p, DELIBERATION))
        || conditional(ctx, k, s0);
    Some((end, weak))
}

/// "seen" that is a sighting or a visibility, not a view: "can be seen from the road", "it
/// remains to be seen", "was seen on television". "was seen leading the talks" and "is seen as"
/// are views.
fn sighting(ctx: &Ctx, k: usize, p: usize, s0: usize, s1: usize) -> bool {
    let doc = ctx.doc;
    if !word_is(doc, p, "seen") {
        return false;
    }
    if k > s0 && word_in(doc, k - 1, &["can", "could", "cannot", "to"]) {
        return true;
    }
    let next_ing = p + 1 < s1 && doc.tokens[p + 1].kind == TokKind::Word && doc.tokens[p + 1].text(doc.text).ends_with("ing");
    !(next_ing || word_in(doc, p + 1, &["as", "to", "by", "that", "fit"]))
}

/// A passive in an "if" or "unless" clause asserts no view: "if the party is judged to have
/// broken the rules, ...".
fn conditional(ctx: &Ctx, k: usize, s0: usize) -> bool {
    let doc = ctx.doc;
    (s0..k).rev().take_while(|&x| !(doc.tokens[x].kind == TokKind::Punct && matches!(doc.text.as_bytes().get(doc.tokens[x].start as usize), Some(b',' | b';')))).any(|x| word_in(doc, x, &["if", "unless"]))
}

/// The agent follows the complement or the quoted words: "has been branded \"a waste\" by MPs",
/// "has been accused of blocking the site by a press watchdog". "by the end of the year" and "by
/// Friday" are times, "by 5%" an amount, "by raising prices" a means.
pub(super) fn agent_after(ctx: &Ctx, p: usize, s1: usize) -> bool {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let unquoted = (p + 1..s1).filter(|&x| ctx.quotes.depth[x] == 0 && toks[x].kind != TokKind::Mark).take(8);
    unquoted.into_iter().any(|x| {
        let n = if word_in(doc, x + 1, &["the", "a", "an"]) { x + 2 } else { x + 1 };
        word_is(doc, x, "by")
            && toks.get(n).is_some_and(|t| t.kind == TokKind::Word && !t.text(doc.text).ends_with("ing") && !t.has(flag::DAY_MONTH))
            && !is(doc, n, flag::TIME)
            && !word_in(doc, n, &["end", "time", "then", "now", "far", "mid", "middle", "start", "beginning", "close"])
    })
}

/// "more than can be said for", "the first thing to be said": a turn of phrase, not a view.
fn idiom(ctx: &Ctx, k: usize, p: usize, s0: usize) -> bool {
    let doc = ctx.doc;
    word_is(doc, p, "said") && k > s0 && word_in(doc, k - 1, &["can", "could", "cannot", "to", "must"])
}

/// A passive of accusation or blame with no adverb of general opinion (see [`ACCUSATION`]).
pub(super) fn accusation(ctx: &Ctx, p: usize, general: bool) -> bool {
    !general && word_in(ctx.doc, p, ACCUSATION)
}
