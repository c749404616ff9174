//! A claim's neighbours: whether a sentence near it names who vouches for it. "Prices rose
//! sharply. The rise was blamed on the weather, the retailers' group said." — the passive in the
//! first sentence is the group's, named one sentence on. A claim sourced this way is still shown,
//! as a hint: the reader may not connect the two, but an editor would not send the copy back.
//! So is an intro's "reports say" when the next paragraph names the paper ([`intro_sourced_next`]).

use super::Ctx;
use crate::analysis::cues::{punct_is, word_in};
use crate::analysis::lexicon::flag;
use crate::analysis::model::QuoteKind;
use crate::analysis::text::TokKind;

/// Does a sentence next to `si` report, in its own words, a source the reader can weigh: the
/// sentence before with the source after what it says ("Sales fell, the BRC said.") or with
/// "according to" or a finding ("According to the paper, …", "The study shows that …"), or one
/// of the two after ("Bookmakers predict …", "…, the report said.")? A quotation next door does not
/// count: it says what it says, rarely what the claim says. Only in the claim's own paragraph: a
/// new paragraph in news is a new point, and its speaker speaks to that.
pub(super) fn sourced_by_neighbour(ctx: &Ctx, si: usize) -> bool {
    let para = ctx.sentences[si].para;
    let near = |i: usize, mask: u8| ctx.sentences.get(i).is_some_and(|s| s.para == para) && reports(ctx, i) & mask != 0;
    (si > 0 && near(si - 1, SOURCE_LAST | FOUND)) || near(si + 1, OWN_WORDS) || near(si + 2, OWN_WORDS)
}

/// Does the sentence before `si`, in its paragraph, give a finding ([`FINDING`]: "Government
/// figures show that …")? The only neighbour that sources "it is thought" or "it is
/// understood": those are the reporter's own unnamed sources, and a speaker next to them does
/// not vouch for what the reporter was told.
pub(super) fn found_before(ctx: &Ctx, si: usize) -> bool {
    si > 0 && ctx.sentences[si - 1].para == ctx.sentences[si].para && reports(ctx, si - 1) & FOUND != 0
}

/// What a sentence reports ([`reports`]): a named source in its own words, …
const OWN_WORDS: u8 = 1;
/// … that source after what it says ("…, the BRC said."), …
const SOURCE_LAST: u8 = 2;
/// … or a finding ("according to", "shows", "found").
const FOUND: u8 = 4;

/// Cue words that put a source first and vouch for what follows too: "According to the paper,
/// the chief said … . The firm is said to be on its list."; "The study shows that … . It is
/// thought that 40% …".
const FINDING: &[&str] = &["according", "shows", "showed", "show", "found", "finds", "suggests", "suggested", "predicts", "predicted", "estimates", "estimated", "forecasts", "reported", "reports"];

/// Words that name who tips a runner: "Swank is tipped to win. Bookmakers predict …".
const BETTING: &[&str] = &["bookmakers", "bookmaker", "bookies", "odds", "punters", "betting"];

/// A tip whose paragraph names the bookmakers or the odds ([`BETTING`]): "Bana has also been
/// tipped for the role" after "both of whom have odds of 4-1".
pub(super) fn betting(ctx: &Ctx, k: usize, p: usize) -> bool {
    word_in(ctx.doc, p, &["tipped", "fancied"]) && paragraph_has(ctx, k, BETTING)
}

/// The paragraph of token `k` holds one of `words`.
pub(super) fn paragraph_has(ctx: &Ctx, k: usize, words: &[&str]) -> bool {
    let Some(si) = super::sentence_of(ctx.sentences, ctx.doc.tokens[k].start as usize) else { return false };
    let para = ctx.sentences[si].para;
    let first = (0..=si).rev().take_while(|&i| ctx.sentences[i].para == para).last().unwrap_or(si);
    ctx.sentences[first..].iter().take_while(|s| s.para == para).any(|s| s.tokens.clone().any(|x| word_in(ctx.doc, x, words)))
}

/// What sentence `si` reports from a named source ([`OWN_WORDS`], [`SOURCE_LAST`], [`FOUND`]).
/// A finding may carry quoted words ("According to the paper, the chief said the firm was
/// \"kicking the tyres\""); reported speech must not. The table is made once per analysis, on
/// the first claim that asks.
fn reports(ctx: &Ctx, si: usize) -> u8 {
    let table = ctx.reporting.get_or_init(|| {
        let mut t = vec![0u8; ctx.sentences.len()];
        for d in ctx.attr.drafts.iter().chain(&ctx.attr.non_speech) {
            let (Some(c), true) = (d.cue.as_ref(), d.mention.is_some() && !d.weasel && !d.anonymous_bare) else { continue };
            let first = super::token_range(ctx.doc, c.span).0;
            let finding = (first..first + 2).any(|x| word_in(ctx.doc, x, FINDING));
            let own = d.kind == QuoteKind::Indirect && d.quotations.is_empty();
            if let Some(slot) = t.get_mut(d.sentence) {
                *slot |= if own { OWN_WORDS } else { 0 } | if own && c.span.start > d.span.start { SOURCE_LAST } else { 0 } | if finding { FOUND } else { 0 };
            }
        }
        t
    });
    table.get(si).copied().unwrap_or(0)
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

/// Nouns for research a later sentence points back to ("The study, commissioned by …").
const RESEARCH_BACK: &[&str] = &["research", "study", "report", "survey", "figures", "poll"];

/// Does a sentence after `si` name the research a weasel in it stands for: a definite
/// back-reference ("the study", "this report", "the Harbor Trust research") in the next
/// sentence, or, when `si` ends its paragraph (the BBC's one-sentence intro), in the first
/// sentence of the next?
pub(super) fn research_named_after(ctx: &Ctx, si: usize) -> bool {
    let Some(next) = ctx.sentences.get(si + 1) else { return false };
    let doc = ctx.doc;
    let toks = next.tokens.clone();
    toks.clone().any(|k| {
        word_in(doc, k, &["the", "this", "that"]) && (k + 1..(k + 6).min(toks.end)).any(|x| word_in(doc, x, RESEARCH_BACK) && ctx.quotes.depth[x] == 0)
    })
}

/// Does another sentence of `si`'s paragraph report a named source ("…," said Ana Ruiz, a
/// spokeswoman for the museum.")?
pub(super) fn paragraph_names_someone(ctx: &Ctx, si: usize) -> bool {
    let para = ctx.sentences[si].para;
    let first = (0..=si).rev().take_while(|&i| ctx.sentences[i].para == para).last().unwrap_or(si);
    (first..ctx.sentences.len()).take_while(|&i| ctx.sentences[i].para == para).any(|i| i != si && named_attribution(ctx, i))
}

/// Watchers of a market or a field whose view a named one of them quotes in the next sentence:
/// "observers said Turkcell would pull out." then "\"…,\" said Ana Ruiz, an analyst at Kestria."
/// Not critics: the next sentence quotes the one they criticise as often as one of them (on the
/// snapshot corpus, 6 of 8 such quotes were the answer or a bystander).
const WATCHERS: &[&str] = &["analysts", "observers", "watchers", "economists", "experts", "commentators", "strategists"];

/// Is the weasel from token `a` to `b` in sentence `si` a group of [`WATCHERS`] that the next
/// sentence quotes by name, in quotation marks?
pub(super) fn watcher_quoted_next(ctx: &Ctx, si: usize, a: usize, b: usize) -> bool {
    let doc = ctx.doc;
    if !(a..b).any(|x| word_in(doc, x, WATCHERS)) {
        return false;
    }
    ctx.attr.drafts.iter().filter(|d| d.sentence == si + 1 && !d.weasel && !d.anonymous_bare && matches!(d.kind, QuoteKind::Direct | QuoteKind::Mixed)).any(|d| {
        d.mention.is_some_and(|m| {
            let (ma, mb) = super::token_range(doc, m);
            (ma..mb).any(|x| doc.tokens[x].kind == crate::analysis::text::TokKind::Word && doc.tokens[x].cap && x > ctx.sentences[si + 1].tokens.start)
        })
    })
}

/// Groups who speak against someone: the next paragraph's named speaker is as often the one
/// who answers them as one of them, and names none of the critics.
const OPPONENTS: &[&str] = &["critics", "opponents", "detractors", "sceptics", "skeptics"];

/// Is the weasel from token `a` to `b` in sentence `si` in the story's intro, with the paragraph
/// after it opening on the named source? News sums up in its first paragraph with a vague
/// "reports say" or "research suggests" and names the paper, the firm or the think tank straight
/// after ("…, the Tidewell Gazette reported."); an editor does not query the intro. A name later
/// in that paragraph is the story's next point, and critics are not sourced this way
/// ([`OPPONENTS`]).
pub(super) fn intro_sourced_next(ctx: &Ctx, si: usize, a: usize, b: usize) -> bool {
    let para = ctx.sentences[si].para;
    if (a..b).any(|x| word_in(ctx.doc, x, OPPONENTS)) || intro(ctx) != Some(para) {
        return false;
    }
    // Sentences run in paragraph order: a search, not a walk, finds the next paragraph's first.
    let next = ctx.sentences.partition_point(|s| s.para <= para);
    ctx.sentences.get(next).is_some_and(|s| s.para == para + 1) && reports_a_name(ctx, next)
}

/// The story's intro: its first paragraph of prose. A headline, a byline or a date line has no
/// sentence-ending punctuation at its end; a Markdown heading is no prose either.
fn intro(ctx: &Ctx) -> Option<usize> {
    let doc = ctx.doc;
    doc.paragraphs.iter().position(|p| {
        let last = doc.tokens[p.tokens.clone()].iter().rev().find(|t| t.kind != TokKind::Mark && !punct_is(t, doc.text, b')'));
        !p.heading && last.is_some_and(|t| t.kind == TokKind::Punct && matches!(t.first_char(doc.text), '.' | '!' | '?' | '…'))
    })
}

/// Does sentence `i` report, in its own words or as a finding, a source with a name in it ("…,
/// the Tidewell Gazette reported.", "according to a report by the Harbor Trust")? "According to
/// news agency reports" and "science investigators claim" carry none; a quotation says what it
/// says, rarely what the intro says.
fn reports_a_name(ctx: &Ctx, i: usize) -> bool {
    let doc = ctx.doc;
    let s0 = ctx.sentences[i].tokens.start;
    ctx.attr.drafts.iter().chain(&ctx.attr.non_speech).filter(|d| d.sentence == i && !d.anonymous_bare).any(|d| {
        let (Some(m), Some(c)) = (d.mention, d.cue.as_ref()) else { return false };
        let cue = super::token_range(doc, c.span).0;
        let own = d.kind == QuoteKind::Indirect && d.quotations.is_empty();
        if !own && !(cue..cue + 2).any(|x| word_in(doc, x, FINDING)) {
            return false;
        }
        // A capital at the sentence's start names something only as a word of its own ("Reuters"),
        // and a place names nobody ("a US researcher"); "a report by the Harbor Trust" is named after the mention, as [`holders`] reads it.
        let (ma, mb) = super::token_range(doc, m);
        let name = |x: usize| doc.tokens[x].kind == TokKind::Word && doc.tokens[x].cap && !doc.tokens[x].has(flag::PLACE | flag::COUNTRY);
        let cap = (ma..mb).any(|x| name(x) && (x > s0 || mb - ma == 1));
        let (a, b) = super::token_range(doc, if m.start < c.span.start { m.cover(c.span) } else { c.span.cover(m) });
        (cap && !d.weasel) || matches!(super::holders::holder(ctx, i, a, b), super::holders::Holder::Named | super::holders::Holder::Member)
    })
}
