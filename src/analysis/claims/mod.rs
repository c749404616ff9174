//! Claims with no source: agentless passives of belief and speech, weasel attributions, bare
//! anonymous sources, doubt words, figures that make an argument, and hedges the claim model
//! weighs. Words inside quotations or reported speech are the source's and are never flagged; a
//! claim elsewhere in a sentence that also reports someone is (docs/claims.md says which claims
//! need a source).

mod figures;
pub mod model;
mod passives;

use super::attribution::Attribution;
use super::lexicon::{flag, lexicon, PhraseKind};
use super::model::{Claim, ClaimKind, Span};
use super::quotes::Quotes;
use super::sentences::Sentence;
use super::text::{lower_into, Doc, TokKind};

/// Is a byte position inside reported content? Positions are asked for mostly in text order:
/// when the spans' ends are sorted too (spans do not nest), a cursor finds the same index as a
/// binary search, without its cache misses.
struct Scope {
    spans: Vec<Span>,
    ends_sorted: bool,
    cursor: std::cell::Cell<usize>,
}

impl Scope {
    fn new(attr: &Attribution) -> Scope {
        let mut spans = attr.attributed_spans.clone();
        spans.sort_unstable();
        let ends_sorted = spans.windows(2).all(|w| w[0].end <= w[1].end);
        Scope { spans, ends_sorted, cursor: std::cell::Cell::new(0) }
    }

    fn contains(&self, pos: usize) -> bool {
        let spans = &self.spans;
        let i = if self.ends_sorted {
            let mut i = self.cursor.get();
            while i < spans.len() && spans[i].end <= pos {
                i += 1;
            }
            while i > 0 && spans[i - 1].end > pos {
                i -= 1;
            }
            self.cursor.set(i);
            i
        } else {
            spans.partition_point(|s| s.end <= pos)
        };
        spans.get(i).is_some_and(|s| s.contains(pos))
    }
}

/// What the stages before have to say about the article, for every sentence.
pub(crate) struct Ctx<'a> {
    doc: &'a Doc<'a>,
    quotes: &'a Quotes,
    sentences: &'a [Sentence],
    attr: &'a Attribution,
    scope: Scope,
}

impl Ctx<'_> {
    /// Token `k` is the writer's own: outside quotation marks and reported speech.
    fn free(&self, k: usize) -> bool {
        self.quotes.depth[k] == 0 && !self.scope.contains(self.doc.tokens[k].start as usize)
    }
}

pub fn find(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], attr: &Attribution) -> Vec<Claim> {
    find_traced(doc, quotes, sentences, attr, None)
}

/// [`find`], also writing every sentence's model features to `trace` (for training).
pub(crate) fn find_traced(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], attr: &Attribution, mut trace: Option<&mut Vec<Vec<String>>>) -> Vec<Claim> {
    let ctx = Ctx { doc, quotes, sentences, attr, scope: Scope::new(attr) };
    let mut out = Vec::new();
    from_attributions(&ctx, &mut out);
    let mut rule_sentences = vec![false; sentences.len()];
    for c in &out {
        if let Some(si) = sentence_of(sentences, c.trigger.start) {
            rule_sentences[si] = true;
        }
    }
    for si in 0..sentences.len() {
        let before = out.len();
        let cues = scan_sentence(&ctx, si, &mut out);
        let ruled = rule_sentences[si] || out[before..].iter().any(|c| c.kind != ClaimKind::Statistic);
        if let Some(t) = trace.as_deref_mut() {
            let mut feats = Vec::new();
            model::features(&ctx, si, ruled, &mut |f: &str, _| feats.push(f.to_string()));
            t.push(feats);
        }
        if cues && !ruled {
            if let Some(trigger) = model::judge(&ctx, si) {
                out.push(Claim { kind: ClaimKind::Hedge, span: sentences[si].span, trigger, weak: false });
            }
        }
    }
    out.sort_by_key(|c| (c.trigger.start, c.trigger.end));
    out.dedup_by_key(|c| c.trigger);
    out
}

fn sentence_of(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= pos);
    (i < sentences.len() && sentences[i].span.contains(pos)).then_some(i)
}

/// Weasel and anonymous sources come from the attributions themselves ("critics say").
fn from_attributions(ctx: &Ctx, out: &mut Vec<Claim>) {
    for d in ctx.attr.drafts.iter().chain(&ctx.attr.non_speech) {
        if let (Some(m), Some(c)) = (d.mention, d.cue.as_ref()) {
            let trigger = if m.start < c.span.start { m.cover(c.span) } else { c.span.cover(m) };
            let sent = &ctx.sentences[d.sentence];
            if d.weasel {
                out.push(Claim { kind: ClaimKind::WeaselAttribution, span: sent.span, trigger, weak: false });
            } else if d.anonymous_bare && !has_phrase(ctx.doc, sent, PhraseKind::AnonReason) {
                out.push(Claim { kind: ClaimKind::AnonymousSource, span: sent.span, trigger: m, weak: false });
            }
        }
    }
}

/// The rule claims of one sentence; returns whether it holds a word the claim model weighs.
fn scan_sentence(ctx: &Ctx, si: usize, out: &mut Vec<Claim>) -> bool {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let sent = &ctx.sentences[si];
    let (s0, s1) = (sent.tokens.start, sent.tokens.end);
    let mut cues = false;
    let mut k = s0;
    while k < s1 {
        let t = &toks[k];
        let f = t.flags_in(doc.lx);
        // Only a form of "be", a phrase, a doubt or cue word, or a number can start a claim;
        // testing that first spares the look-up in the attributed spans for every other token.
        let candidate = t.kind == TokKind::Number || f & (flag::BE | flag::PHRASE_CLAIM | flag::DOUBT | flag::HEDGE | flag::CLAIM_CUE) != 0;
        if !candidate || t.kind == TokKind::Mark || !ctx.free(k) {
            k += 1;
            continue;
        }
        cues |= t.kind == TokKind::Word && f & (flag::HEDGE | flag::CLAIM_CUE | flag::DOUBT) != 0;
        if f & flag::BE != 0 && t.kind == TokKind::Word {
            if let Some((end, weak)) = passives::agentless(ctx, k, s0, s1) {
                let trigger = Span::new(t.start as usize, toks[end - 1].end as usize);
                out.push(Claim { kind: ClaimKind::AgentlessPassive, span: sent.span, trigger, weak });
                k = end;
                continue;
            }
        }
        if f & flag::PHRASE_CLAIM != 0 && t.kind == TokKind::Word {
            if let Some(end) = phrase_claim(ctx, k, s1, sent.span, out) {
                k = end;
                continue;
            }
        }
        if f & flag::DOUBT != 0 && t.kind == TokKind::Word {
            out.push(Claim { kind: ClaimKind::DoubtWord, span: sent.span, trigger: t.span(), weak: weak_doubt(t.text(doc.text)) });
            k += 1;
            continue;
        }
        if let Some((start, end)) = figures::claim(ctx, si, k) {
            let trigger = Span::new(toks[start].start as usize, toks[end - 1].end as usize);
            out.push(Claim { kind: ClaimKind::Statistic, span: sent.span, trigger, weak: false });
            k = end;
            continue;
        }
        k += 1;
    }
    cues
}

/// A weasel phrase or a multi-word doubt word starting at `k`; returns where it ends.
fn phrase_claim(ctx: &Ctx, k: usize, s1: usize, sent: Span, out: &mut Vec<Claim>) -> Option<usize> {
    let toks = &ctx.doc.tokens;
    let (len, kind) = longest_phrase(ctx.doc, k, s1)?;
    // "it is believed", "it has been said": a passive inside a weasel phrase.
    let passive = (k..k + len).any(|x| toks[x].has(flag::PARTICIPLE)) && (k..k + len).any(|x| toks[x].has(flag::BE));
    let kind = match kind {
        PhraseKind::Weasel if passive => ClaimKind::AgentlessPassive,
        PhraseKind::Weasel => ClaimKind::WeaselAttribution,
        PhraseKind::Doubt => ClaimKind::DoubtWord,
        PhraseKind::Hedge => ClaimKind::Hedge,
        _ => return None,
    };
    if !(k..k + len).all(|x| ctx.free(x)) {
        return None;
    }
    let trigger = Span::new(toks[k].start as usize, toks[k + len - 1].end as usize);
    let weak = kind == ClaimKind::DoubtWord && weak_doubt(trigger.text(ctx.doc.text));
    out.push(Claim { kind, span: sent, trigger, weak });
    Some(k + len)
}

/// Doubt words an editor usually lets stand: the seem/appear family describes how things look
/// ("the minister seemed tired"), and "alleged" before a noun is the careful legal usage ("the
/// alleged attacker"). "allegedly", "reportedly" and "so-called" keep their full severity.
fn weak_doubt(words: &str) -> bool {
    let w = words.trim_start_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase();
    w.starts_with("seem") || w.starts_with("appear") || w.starts_with("it ") || w.starts_with("look") || w == "alleged" || w == "apparent"
}

fn longest_phrase(doc: &Doc, k: usize, s1: usize) -> Option<(usize, PhraseKind)> {
    let lx = lexicon();
    let toks = &doc.tokens;
    let mut key = super::text::Scratch::new();
    let mut best = None;
    for len in 1..=lx.max_phrase_words.min(s1 - k) {
        let t = &toks[k + len - 1];
        // "so - called" is not written with spaces: any punctuation ends the phrase.
        if t.kind == TokKind::Punct || t.kind == TokKind::Mark {
            break;
        }
        if len > 1 {
            key.push(' ');
        }
        lower_into(t.text(doc.text), &mut key);
        if len >= 2 {
            if !lx.is_prefix(&key) {
                break;
            }
            if let Some(kinds) = lx.phrase(&key) {
                if let Some(kind) = kinds.iter().find(|k| matches!(k, PhraseKind::Weasel | PhraseKind::Doubt | PhraseKind::Hedge | PhraseKind::AnonReason)) {
                    best = Some((len, *kind));
                }
            }
        }
    }
    best
}

fn has_phrase(doc: &Doc, sent: &Sentence, want: PhraseKind) -> bool {
    let mut key = super::text::Scratch::new();
    let lx = lexicon();
    (sent.tokens.clone()).any(|k| {
        doc.tokens[k].has(flag::PHRASE_CLAIM) && {
            key.clear();
            for len in 0..lx.max_phrase_words.min(sent.tokens.end - k) {
                let t = &doc.tokens[k + len];
                if len > 0 {
                    key.push(' ');
                }
                lower_into(t.text(doc.text), &mut key);
                if len >= 1 {
                    if lx.phrase(&key).is_some_and(|ks| ks.contains(&want)) {
                        return true;
                    }
                    // Every leading part of a phrase is a prefix (the phrase included): past a
                    // key that is none, no longer key is a phrase.
                    if !lx.is_prefix(&key) {
                        break;
                    }
                }
            }
            false
        }
    })
}
