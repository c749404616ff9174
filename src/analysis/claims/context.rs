//! A claim's neighbours: whether a sentence near it names who vouches for it. "Prices rose
//! sharply. The rise was blamed on the weather, the retailers' group said." — the passive in the
//! first sentence is the group's, named one sentence on. A claim sourced this way is still shown,
//! as a hint: the reader may not connect the two, but an editor would not send the copy back.

use super::Ctx;
use crate::analysis::model::QuoteKind;

/// Does a sentence next to `si` report, in its own words, a source the reader can weigh: the
/// sentence before with the source after what it says ("Sales fell, the BRC said."), or one of
/// the two after ("Bookmakers predict …", "…, the report said.")? A quotation next door does not
/// count: it says what it says, rarely what the claim says. Only in the claim's own paragraph: a
/// new paragraph in news is a new point, and its speaker speaks to that.
pub(super) fn sourced_by_neighbour(ctx: &Ctx, si: usize) -> bool {
    let para = ctx.sentences[si].para;
    let near = |i: usize, source_last: bool| ctx.sentences.get(i).is_some_and(|s| s.para == para) && reports(ctx, i, source_last);
    (si > 0 && near(si - 1, true)) || near(si + 1, false) || near(si + 2, false)
}

/// Sentence `si` holds reported speech or thought (not a quotation) from a named source; with
/// `source_last`, one whose cue comes after the content. The table is made once per analysis, on
/// the first claim that asks.
fn reports(ctx: &Ctx, si: usize, source_last: bool) -> bool {
    let table = ctx.reporting.get_or_init(|| {
        let mut t = vec![0u8; ctx.sentences.len()];
        for d in ctx.attr.drafts.iter().chain(&ctx.attr.non_speech) {
            let named = d.kind == QuoteKind::Indirect && d.quotations.is_empty() && d.mention.is_some() && !d.weasel && !d.anonymous_bare;
            if let (true, Some(c), Some(slot)) = (named, d.cue.as_ref(), t.get_mut(d.sentence)) {
                *slot |= 1 | if c.span.start > d.span.start { 2 } else { 0 };
            }
        }
        t
    });
    table.get(si).is_some_and(|&f| f & if source_last { 2 } else { 1 } != 0)
}

/// Sentence `si` reports someone, and not only a vague authority or a bare anonymous source.
pub(super) fn named_attribution(ctx: &Ctx, si: usize) -> bool {
    ctx.attr.sentence_attributed.get(si).copied().unwrap_or(false) && !vague_only(ctx, si)
}

/// Every attribution in sentence `si` is to a vague authority or a bare anonymous source
/// ("critics say", "a source said"): it is itself a claim, and sources nothing beside it.
fn vague_only(ctx: &Ctx, si: usize) -> bool {
    let mut drafts = ctx.attr.drafts.iter().filter(|d| d.sentence == si).peekable();
    drafts.peek().is_some() && drafts.all(|d| d.weasel || d.anonymous_bare)
}
