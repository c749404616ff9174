//! Weasel findings an editor would dismiss, each a small step: a source the phrase describes
//! ("Senate sources", "sources familiar with the deal"), a cue word that is a plural noun ("the
//! many reasons", "research projects"), a count of viewers ("the most widely seen record"), and
//! the shorter of two findings on the same words ("real experts say" and "experts say"), a
//! vague source inside what a named person says ("the mayor said studies show …"), a superlative
//! read as a group ("the most requested terms") and a label given by "has been called".

use super::Ctx;
use crate::analysis::attribution::Draft;
use crate::analysis::cues::word_in;
use crate::analysis::lexicon::flag;
use crate::analysis::model::{Claim, ClaimKind, Span};
use crate::analysis::text::TokKind;

/// Words for a source kept anonymous: described ("Tory sources", "show insiders"), they are the
/// newsroom's standard practice, as `anonymous-source` already treats them.
const SOURCE: &[&str] = &["source", "sources", "insider", "insiders"];

/// Words before a source that describe nothing ("some sources", "two insiders").
const BARE: &[&str] = &[
    "a", "an", "the", "some", "many", "several", "other", "few", "two", "three", "four", "unnamed", "anonymous", "various", "numerous", "certain", "most", "more",
];

/// Words after a group that say who it is: "sources familiar with", "people involved in",
/// "sources who reviewed them", "insiders close to".
const DESCRIBED_BY: &[&str] = &["familiar", "close", "involved", "briefed", "knowledgeable"];

/// Is the weasel group `m` described: a source word with a modifier that is no quantifier, or
/// any group followed by words that say how it knows ("familiar with", "involved in")? `si` is
/// the sentence of the mention.
pub(super) fn described_group(ctx: &Ctx, si: usize, m: Span) -> bool {
    let doc = ctx.doc;
    let (a, b) = super::token_range(doc, m);
    let head = (a..b).rev().find(|&x| doc.tokens[x].kind == TokKind::Word);
    let Some(h) = head else { return false };
    // The mention may or may not run on past its head ("Sources familiar with the deal" is one
    // mention): look inside it and just after it.
    if (a + 1..=b).any(|x| word_in(doc, x, DESCRIBED_BY)) {
        return true;
    }
    if !word_in(doc, h, SOURCE) {
        return false;
    }
    // "show insiders say": a modifier just before the mention counts too.
    let s0 = ctx.sentences[si].tokens.start;
    let modified = (a..h).any(|x| modifier(ctx, x)) || (a > s0 && modifier(ctx, a - 1));
    modified || word_in(doc, b, &["who", "with", "inside", "within", "at", "in"])
}

/// A weasel phrase that starts with a source word after a modifier ("show insiders say").
pub(super) fn described_phrase(ctx: &Ctx, s0: usize, k: usize) -> bool {
    word_in(ctx.doc, k, SOURCE) && k > s0 && modifier(ctx, k - 1)
}

/// Is word `x` a modifier that describes a source ("Tory", "show", "Senate"), not a function
/// word, a verb of speech or a quantifier ("and insiders say", "told insiders", "some insiders")?
fn modifier(ctx: &Ctx, x: usize) -> bool {
    let doc = ctx.doc;
    let t = &doc.tokens[x];
    let closed = flag::FUNCTION | flag::DET | flag::PREP | flag::PRONOUN | flag::AUX | flag::BE | flag::PARTICIPLE | flag::ADVERB;
    t.kind == TokKind::Word && !word_in(doc, x, BARE) && !t.has(closed) && !word_in(doc, x, &["said", "say", "says", "told", "tell", "tells", "asked", "quoted"])
}

/// Cue words that are as often plural nouns: "the many reasons that", "research projects that".
const NOUN_CUES: &[&str] = &["reasons", "projects", "claims", "reports", "notes", "fears", "hopes", "estimates", "states"];

/// Is the cue `c` of a weasel a plural noun: a noun cue whose word before is no group word
/// ("research projects"), or is a group word after "the" or "of" ("the many reasons")?
pub(super) fn cue_is_noun(ctx: &Ctx, c: Span) -> bool {
    let doc = ctx.doc;
    let (k, _) = super::token_range(doc, c);
    // "many research projects": "research" modifies the noun after it.
    if word_in(doc, k, &["research", "study"]) && doc.tokens.get(k + 1).is_some_and(|t| t.kind == TokKind::Word && !t.has(flag::FUNCTION | flag::DET | flag::PRONOUN | flag::PREP)) {
        return true;
    }
    if !word_in(doc, k, NOUN_CUES) || k == 0 {
        return false;
    }
    let p = k - 1;
    // "research" is a weasel group of its own ("research says"), but no people to do the verb.
    let people = doc.tokens[p].has(flag::GROUP_WEASEL | flag::GROUP_MAYBE) && !word_in(doc, p, super::holders::RESEARCH);
    let group = word_in(doc, p, &["many", "some", "others", "most", "several"]) || people;
    !group || (p > 0 && word_in(doc, p - 1, &["the", "of", "its", "their", "his", "her"]))
}

/// "the most widely seen record", "more widely read": how many saw it, not what anyone thinks.
/// Only for the viewing participles; "widely seen as" stays a view.
pub(super) fn viewing_count(ctx: &Ctx, k: usize, len: usize) -> bool {
    let doc = ctx.doc;
    word_in(doc, k, &["widely"])
        && k > 0
        && word_in(doc, k - 1, &["most", "more"])
        && word_in(doc, k + 1, &["seen", "viewed", "read", "watched", "used"])
        && !word_in(doc, k + len, &["as", "to"])
}

/// "the most requested search terms", "won the most pledged delegates": "most" after "the" or
/// an owner is a superlative, and the cue word after it an adjective of how many asked or
/// pledged, a count like [`viewing_count`], not a group that speaks. The attribution finds these
/// as the group "most" and a verb of speech; "Most requested a refund" stays a weasel.
pub(super) fn superlative_cue(ctx: &Ctx, m: Span, c: Span) -> bool {
    let doc = ctx.doc;
    let (_, b) = super::token_range(doc, m);
    let h = b - 1;
    let (k, _) = super::token_range(doc, c);
    let owner = |x: usize| doc.tokens[x].possessive || word_in(doc, x, &["the", "its", "their", "his", "her", "our", "your", "my"]);
    word_in(doc, h, &["most", "more"]) && h > 0 && owner(h - 1) && k == h + 1
}

/// "has been called "urban"", "what has been called the Digital Divide": the weasel phrase at
/// `k` (`len` words) ends in a participle of naming that gives a label or sits near a word for a
/// name (passives::label_after, passives::naming): a name for a trend or a thing, not a view.
/// "has been called the worst budget" stays.
pub(super) fn names_a_label(ctx: &Ctx, si: usize, k: usize, len: usize) -> bool {
    let p = k + len - 1;
    super::passives::label_after(ctx, p) || super::passives::naming(ctx, p, ctx.sentences[si].tokens.start)
}

/// Of two weasel findings on overlapping words ("real experts say", "experts say"), keep the
/// longer. `out` is sorted by trigger start.
pub(super) fn one_per_overlap(out: &mut Vec<Claim>) {
    let mut last: Option<Span> = None;
    out.retain(|c| {
        if c.kind != ClaimKind::WeaselAttribution {
            return true;
        }
        if last.is_some_and(|l| l.end >= c.trigger.end && l.start <= c.trigger.start) {
            return false;
        }
        last = Some(c.trigger);
        true
    });
}

/// Is the weasel `trigger` of draft `d` inside what another, named source says ("Mr Vance said
/// harbour reports showed …", "According to Ann Ode, research suggests …")? The vague source is
/// then part of that person's claim, and the person is named: like any claim inside reported
/// content, no finding (docs/claims.md). The other draft must name its source (not a weasel, not
/// a bare "a source"), not itself lie in `d`'s content ("Critics say Tom Vance said …" is the
/// critics' report, not Vance's), and report the weasel in one run ([`reaches`]).
pub(super) fn inside_named_speech(ctx: &Ctx, d: &Draft, trigger: Span) -> bool {
    ctx.attr.drafts.iter().chain(&ctx.attr.non_speech).any(|o| {
        !std::ptr::eq(o, d)
            && !o.weasel
            && !o.anonymous_bare
            && o.mention.is_some_and(|m| !d.span.contains(m.start))
            && o.parts.iter().any(|&p| reaches(ctx, p, trigger))
    })
}

/// Words that may join a clause of the writer's own to a reported one.
const COORDINATORS: &[&str] = &["and", "but", "while", "whereas", "yet", "although", "though", "or"];

/// Does the reported part `p` hold the whole `trigger` with no break before it: no comma, dash,
/// semicolon or colon, and no coordinator but one that goes on with "that" ("said the pier was
/// old and that experts say …")? Past a break the clause may be the writer's again ("…, records
/// show, and aviation experts say …", "While friends say …, others say …"), and reported
/// content is not always cut there: the weasel keeps its finding.
fn reaches(ctx: &Ctx, p: Span, trigger: Span) -> bool {
    if !(p.start <= trigger.start && trigger.end <= p.end) {
        return false;
    }
    let doc = ctx.doc;
    let a = doc.tokens.partition_point(|t| (t.end as usize) <= p.start);
    let t = doc.tokens.partition_point(|t| (t.end as usize) <= trigger.start);
    (a..t).all(|x| {
        let tok = &doc.tokens[x];
        let brk = tok.kind == TokKind::Punct && matches!(tok.span().text(doc.text), "," | ";" | ":" | "-" | "\u{2013}" | "\u{2014}" | "--");
        !brk && !(word_in(doc, x, COORDINATORS) && !word_in(doc, x + 1, &["that"]))
    })
}

/// Words that rank a thing at the top of its field: "one of the best", "one of the most …".
const TOP: &[&str] = &["most", "best", "greatest", "finest", "leading", "foremost", "top"];

/// Is the weasel phrase at `k` (`len` words, "widely considered") a settled reputation: an
/// aside between commas after a name that ranks it "one of the <superlative>" ("Hendrix, widely
/// considered one of the best guitarists of his era, died …")? Background standing no editor
/// queries: a hint. A view stated as the clause's news ("is widely seen as the frontrunner",
/// "the plan, widely seen as a mistake") stays as it is, and so does an aside that ends the
/// sentence ("closed the pier, widely seen as one of the worst …": a view of the news itself).
pub(super) fn settled_reputation(ctx: &Ctx, si: usize, k: usize, len: usize) -> bool {
    let doc = ctx.doc;
    let (s0, s1) = (ctx.sentences[si].tokens.start, ctx.sentences[si].tokens.end);
    let comma = |y: usize| doc.tokens[y].kind == TokKind::Punct && doc.tokens[y].span().text(doc.text) == ",";
    let mut p = k;
    while p > s0 && word_in(doc, p - 1, &["now", "still", "long", "once"]) {
        p -= 1;
    }
    let aside = p > s0 + 1 && comma(p - 1) && doc.tokens[p - 2].kind == TokKind::Word;
    if !aside {
        return false;
    }
    let mut x = k + len;
    if word_in(doc, x, &["as"]) {
        x += 1;
    } else if word_in(doc, x, &["to"]) && word_in(doc, x + 1, &["be"]) {
        x += 2;
    }
    let superlative = |y: usize| word_in(doc, y, TOP) || doc.tokens.get(y).is_some_and(|t| t.kind == TokKind::Word && t.end - t.start > 5 && t.span().text(doc.text).ends_with("est"));
    word_in(doc, x, &["one"]) && word_in(doc, x + 1, &["of"]) && word_in(doc, x + 2, &["the"]) && superlative(x + 3) && (x + 4..s1).any(comma)
}
