//! Who holds a weasel claim. Research the sentence names ("according to research by the Harbor
//! Institute", "the board's study found", "the survey showed") is a source an editor accepts;
//! a bare "people" or "everyone" in the writer's own narrative ("where people publish their
//! diaries", "before everyone thinks I am rich") is everyday speech, not a vague authority, and
//! only a hint, and so is a group one of whose members the phrase names ("many experts,
//! including the World Bank"). "Critics say", "research suggests" and "experts believe" stay
//! warnings.

use super::Ctx;
use crate::analysis::cues::{word_in, word_is};
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
    /// A group one of whose members the phrase names ("many experts, including the World
    /// Bank"): partly sourced, a hint. As a hint it also keeps the claim model from reading the
    /// group's "many" as the writer's own hedge.
    Member,
    /// A vague authority: the rule's own severity.
    Vague,
}

pub(super) fn holder(ctx: &Ctx, si: usize, a: usize, b: usize) -> Holder {
    let doc = ctx.doc;
    let s = &ctx.sentences[si].tokens;
    let (s0, s1) = (s.start, s.end);
    if member_named(ctx, a, b, s1) {
        return Holder::Member;
    }
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
    if published_in(ctx, r, s1) {
        return true;
    }
    let after = (r + 1..(r + 3).min(s1)).find(|&x| word_in(doc, x, BY));
    // "reports from Interfax" names the agency; "reports from China" only a place.
    let named = |y: usize| toks[y].kind == TokKind::Word && toks[y].cap && !toks[y].has(flag::PLACE | flag::COUNTRY);
    after.is_some_and(|x| (x + 1..(x + 6).min(s1)).any(named))
}

/// Words that end a newspaper's or a journal's name: "the Tidewell Gazette", "the Hollywood
/// Reporter", "the Medical Journal".
const MASTHEAD: &[&str] = &[
    "gazette", "times", "post", "journal", "herald", "reporter", "telegraph", "tribune", "chronicle", "guardian", "observer",
    "mail", "mirror", "express", "independent", "standard", "courier", "echo", "record", "news", "daily", "weekly", "review",
    "magazine", "bulletin", "examiner", "inquirer", "register", "dispatch", "gazzetta",
];

/// Words for a publication before its name: "in the journal Nature", "the trade paper Variety".
const OUTLET: &[&str] = &["journal", "newspaper", "paper", "magazine", "daily", "weekly", "tabloid", "website", "broadsheet"];

/// Is the research noun at `r` published in a named publication ("reports in the Tidewell
/// Gazette", "a study published in the Harbor Medical Journal", "research in the journal
/// Tidings")? "in" names a place more often than a paper ("reports in China", "reports in the
/// local press"), so the name must be a masthead's ([`MASTHEAD`]) or follow a word for a
/// publication ([`OUTLET`]).
fn published_in(ctx: &Ctx, r: usize, s1: usize) -> bool {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let Some(i) = (r + 1..(r + 3).min(s1)).find(|&x| word_in(doc, x, &["in"])) else { return false };
    let mut a = i + 1 + usize::from(word_is(doc, i + 1, "the"));
    let outlet = word_in(doc, a, OUTLET);
    a += usize::from(outlet);
    let cap = |x: usize| x < s1 && toks[x].kind == TokKind::Word && toks[x].cap;
    let mut x = a;
    let mut masthead = false;
    while cap(x) && x < a + 5 {
        masthead |= word_in(doc, x, MASTHEAD);
        x += 1;
    }
    x > a && (masthead || outlet)
}

/// Words that bring in members of a group: "many experts, including the World Bank".
const INCLUDING: &[&str] = &["including", "notably"];

/// Does the weasel from token `a` to `b` name a member of its group: "including", "such as" or
/// "among them" and a capitalised name that the next comma, bracket, "and", "or" or verb ends
/// ("many experts, including the World Bank, have pointed out", "say critics, among them the
/// Ratepayers' Association")? The claim then has a source the reader can weigh. Members that
/// stay vague keep the finding: "including some in government", "including residents",
/// "including Labour MPs" (a group word ends the name), "including British officials".
fn member_named(ctx: &Ctx, a: usize, b: usize, s1: usize) -> bool {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let end = (b + 2).min(s1);
    let Some(i) = (a..end).find(|&x| word_in(doc, x, INCLUDING) || (word_in(doc, x, &["such"]) && word_is(doc, x + 1, "as")) || (word_in(doc, x, &["among"]) && word_in(doc, x + 1, &["them", "whom"]))) else {
        return false;
    };
    let mut n = i + 1 + usize::from(!word_in(doc, i, INCLUDING));
    let the = word_is(doc, n, "the");
    n += usize::from(the);
    // A title's abbreviation ("Sen. Jo Marsh") is a word and a full stop; "of" joins two names
    // ("Ana Ruiz of Kestria Capital").
    let cap = |x: usize| x < s1 && toks[x].kind == TokKind::Word && toks[x].cap;
    let part = |x: usize| {
        cap(x)
            || (x > n && word_is(doc, x, "of") && cap(x + 1))
            || (x > n && x < s1 && toks[x].kind == TokKind::Punct && toks[x].span().text(doc.text) == "." && toks[x - 1].has(flag::ABBREV | flag::TITLE) && cap(x + 1))
    };
    let mut x = n;
    while part(x) && x < n + 8 {
        x += 1;
    }
    let ends = toks.get(x).is_none_or(|t| t.kind != TokKind::Word || word_in(doc, x, &["and", "or"]) || t.has(flag::AUX | flag::VERB | flag::BE));
    let last = (n..x).rev().find(|&y| toks[y].kind == TokKind::Word);
    last.is_some_and(|y| ends && !group_word(ctx, y, the))
}

/// Does the word `y` that ends a member's name make it a group again: a group noun ("Tory
/// ministers"), a plural of initials ("Labour MPs"), a possessive, or a title without "the"
/// ("including Chancellor" is odd; "the Chancellor" is one person)?
fn group_word(ctx: &Ctx, y: usize, the: bool) -> bool {
    let t = &ctx.doc.tokens[y];
    let w = t.text(ctx.doc.text);
    let initials = w.len() > 2 && w.ends_with('s') && w[..w.len() - 1].bytes().all(|c| c.is_ascii_uppercase());
    t.has(flag::GROUP | flag::GROUP_WEASEL | flag::GROUP_MAYBE) || (!the && t.has(flag::TITLE)) || initials || t.possessive
}
