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

/// Adverbs that make a passive view a general one: "is widely seen as".
const GENERAL: &[&str] = &["widely", "generally", "commonly", "increasingly", "often", "popularly", "largely", "broadly", "universally"];

/// An agentless passive starting at the form of "be" at `k`: its end token and whether it is weak.
pub(super) fn agentless(ctx: &Ctx, k: usize, s0: usize, s1: usize) -> Option<(usize, bool)> {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let text = doc.text;
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
    let by_agent = (p + 1..(p + 5).min(s1)).any(|x| word_is(doc, x, "by") && toks.get(x + 1).is_some_and(|n| n.kind == TokKind::Word && !n.text(text).ends_with("ing")));
    if by_agent || sighting(ctx, k, p, s0, s1) {
        return None;
    }
    let mut end = p + 1;
    if word_in(doc, end, &["as", "to", "that"]) {
        end += 1;
    }
    // "it was agreed", "it is understood that": nobody at all holds the view.
    let dummy_it = (s0..k).rev().find(|&x| !is(doc, x, flag::AUX | flag::PASSIVE_ADV)).is_some_and(|x| word_is(doc, x, "it"));
    let weak = !dummy_it && !general && word_in(doc, p, WEAK);
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
