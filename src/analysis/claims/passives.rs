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
    "suspected", "alleged", "charged",
];

/// Participles of an announcement of record: "it has been announced", "it was confirmed" is
/// the BBC's formula for an official statement, weak even with a dummy "it".
const RECORD: &[&str] = &["announced", "confirmed", "disclosed", "revealed"];

/// Participles that are a view only with a complement ("is considered a risk", "was judged
/// to have failed"); on their own they report a procedure ("options are being considered", "the
/// bill will be debated on Monday").
const DELIBERATION: &[&str] = &[
    "considered", "debated", "discussed", "judged", "examined", "mentioned", "reviewed", "assessed", "suggested", "proposed",
];

/// Words before a passive that make it advice or a duty, not a view: "should be considered",
/// "has to be carefully thought out", "must be debated".
const OBLIGATION: &[&str] = &["should", "must", "ought", "shall"];

/// Verbs before it by which a named subject wants the view held, not says it is: "the
/// government hopes the change will be seen as …", "in what the party had hoped would be
/// perceived as …".
const HOPE: &[&str] = &["hope", "hopes", "hoped", "hoping", "want", "wants", "wanted", "wanting", "intends", "intended", "wishes", "wished"];

/// Words of a clause that asserts nothing yet: "if the club is judged to …", "whether it is
/// seen as …"; "once" only opening the sentence ("Once the tides are understood, …": "was once
/// seen as" is a view). "until" is left out: "Until the 1800s they were considered the elite"
/// is a time, not a condition.
const CONDITION: &[&str] = &["if", "unless", "whether"];

/// Adverbs that make a passive view a general one: "is widely seen as".
const GENERAL: &[&str] = &["widely", "generally", "commonly", "increasingly", "often", "popularly", "largely", "broadly", "universally"];

/// An agentless passive starting at the form of "be" at `k` in sentence `si`: its end token and
/// whether it is weak.
pub(super) fn agentless(ctx: &Ctx, si: usize, k: usize) -> Option<(usize, bool)> {
    let doc = ctx.doc;
    let (s0, s1) = (ctx.sentences[si].tokens.start, ctx.sentences[si].tokens.end);
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
    let agent = agent_after(ctx, p, s1);
    if agent == Agent::Own
        || sighting(ctx, k, p, s0, s1)
        || idiom(ctx, k, p, s0)
        || physical(ctx, k, p, s0)
        || definition(ctx, k, p, s0)
        || naming(ctx, p, s0)
    {
        return None;
    }
    let mut end = p + 1;
    if word_in(doc, end, &["as", "to", "that"]) {
        end += 1;
    }
    // "it was agreed", "it is understood that": nobody at all holds the view.
    // "It is expected to begin in September", "It was recognised for …" are about a thing.
    let dummy_it = (word_in(doc, k, &["it's", "it’s"]) || (s0..k).rev().find(|&x| !is(doc, x, flag::AUX | flag::PASSIVE_ADV)).is_some_and(|x| word_is(doc, x, "it")))
        && !(word_in(doc, p + 1, &["to", "as"]) || is(doc, p + 1, flag::PREP) || ends(ctx, p + 1, s1));
    // No complement: the sentence ends, or a preposition or time follows ("debated in Parliament").
    let bare = end == p + 1 && (end >= s1 || toks[end].kind != TokKind::Word || is(doc, end, flag::PREP | flag::TIME));
    let weak = (!dummy_it && !general && word_in(doc, p, WEAK))
        || (!general && word_in(doc, p, RECORD))
        || (accusation(ctx, p, general) && !dummy_it)
        || (bare && word_in(doc, p, DELIBERATION))
        || conditional(ctx, k, s0)
        || obligation(ctx, k, s0)
        || in_clause(ctx, k, s0, 8, HOPE)
        || as_saying(ctx, p)
        || super::context::betting(ctx, k, p)
        || rated_by_named_rater(ctx, p)
        || nearby_source(ctx, si, dummy_it);
    // A hint is not worth showing when a later verb's "by" might be read as its agent.
    (!weak || agent == Agent::None).then_some((end, weak))
}

/// Participles of a view that carry on a "be" clause after "and" with no second "be": "the
/// pier is old and considered unsafe".
const JOINED: &[&str] = &["considered", "regarded", "seen", "viewed", "thought", "believed", "deemed", "perceived"];

/// A view joined by "and" or "but" to the clause of the form of "be" at `k`, within eight words
/// and no punctuation: "which is the port's only ferry and considered the safest" — the trigger's
/// token range, from "and" through the participle. A hint: "was angry and considered the plan"
/// is the active verb.
#[inline(never)]
pub(super) fn joined(ctx: &Ctx, si: usize, k: usize) -> Option<(usize, usize)> {
    let doc = ctx.doc;
    let s1 = ctx.sentences[si].tokens.end;
    let lim = (k + 9).min(s1);
    let apostrophe = |x: usize| matches!(doc.tokens[x].text(doc.text), "'s" | "’s" | "'" | "’");
    let mut x = k + 1;
    while x < lim && (doc.tokens[x].kind == TokKind::Word || apostrophe(x)) && !word_in(doc, x, &["and", "but"]) {
        x += 1;
    }
    if x >= lim || !word_in(doc, x, &["and", "but"]) {
        return None;
    }
    let mut p = x + 1;
    while p < s1 && (is(doc, p, flag::PASSIVE_ADV) || ly_adverb(doc, p)) {
        p += 1;
    }
    let view = p < s1 && word_in(doc, p, JOINED) && !word_in(doc, p + 1, &["that", "about", "of"]) && ctx.free(p);
    (view && agent_after(ctx, p, s1) == Agent::None).then_some((x, p + 1))
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
    if next_ing {
        return on_screen(ctx, k);
    }
    !word_in(doc, p + 1, &["as", "to", "by", "that", "fit"])
}

/// Words that put a "seen" + "-ing" on a screen: "the 1964 film shows …; Morrison is seen
/// quizzing an official" is what the camera shows, not a view.
const SCREEN: &[&str] = &[
    "film", "films", "footage", "video", "clip", "television", "tv", "screen", "screened", "camera", "cctv", "photograph",
    "photographs", "picture", "pictures", "documentary", "episode", "broadcast", "televised", "filmed",
];

/// The paragraph of token `k` speaks of a film, footage or a broadcast ([`SCREEN`]).
fn on_screen(ctx: &Ctx, k: usize) -> bool {
    super::context::paragraph_has(ctx, k, SCREEN)
}

/// A passive in a clause that asserts nothing yet ([`CONDITION`]): "if the party is judged
/// to have broken the rules, ...".
fn conditional(ctx: &Ctx, k: usize, s0: usize) -> bool {
    in_clause(ctx, k, s0, usize::MAX, CONDITION) || word_is(ctx.doc, s0, "once")
}

/// One of `words` stands in the clause before token `k` (back to a comma or semicolon), at most
/// `reach` tokens back.
fn in_clause(ctx: &Ctx, k: usize, s0: usize, reach: usize, words: &[&str]) -> bool {
    let doc = ctx.doc;
    (s0..k)
        .rev()
        .take(reach)
        .take_while(|&x| !(doc.tokens[x].kind == TokKind::Punct && matches!(doc.text.as_bytes().get(doc.tokens[x].start as usize), Some(b',' | b';'))))
        .any(|x| word_in(doc, x, words))
}

/// The sentence ends at token `x` ("It has been criticised."): a dummy "it" would need a clause.
fn ends(ctx: &Ctx, x: usize, s1: usize) -> bool {
    x >= s1 || matches!(ctx.doc.text.as_bytes().get(ctx.doc.tokens[x].start as usize), Some(b'.' | b'!' | b'?')) && ctx.doc.tokens[x].kind == TokKind::Punct
}

/// Advice or a duty ([`OBLIGATION`]): "should be considered", "must (also) be debated", "has
/// to be thought out", "needs to be reviewed".
fn obligation(ctx: &Ctx, k: usize, s0: usize) -> bool {
    let doc = ctx.doc;
    let mut x = k;
    while x > s0 && (is(doc, x - 1, flag::PASSIVE_ADV) || ly_adverb(doc, x - 1)) {
        x -= 1;
    }
    x > s0
        && (word_in(doc, x - 1, OBLIGATION)
            || (word_is(doc, x - 1, "to") && x - 1 > s0 && word_in(doc, x - 2, &["has", "have", "had", "having", "need", "needs", "needed", "ought"])))
}

/// A pronoun with "'s" for "is", not "has": "she's seen as the favourite", "he's expected to
/// quit", "it's thought the talks failed" — but "he's said he will stay", "who's argued for
/// years", "it's confirmed one thing" are perfects. So the participle (past adverbs) must take
/// "as" or "to", or, after "it's", be one of belief or report ([`IT_VIEWS`]).
pub(super) fn contracted_be(ctx: &Ctx, k: usize) -> bool {
    let doc = ctx.doc;
    if !word_in(doc, k, &["it's", "it’s", "he's", "he’s", "she's", "she’s", "that's", "that’s", "who's", "who’s"]) {
        return false;
    }
    let mut p = k + 1;
    while is(doc, p, flag::PASSIVE_ADV) || ly_adverb(doc, p) {
        p += 1;
    }
    if word_in(doc, k, &["it's", "it’s"]) {
        return word_in(doc, p, IT_VIEWS);
    }
    is(doc, p, flag::PARTICIPLE) && word_in(doc, p + 1, &["as", "to"])
}

/// Participles that make "it's" + participle a passive with a dummy "it" ("it's thought",
/// "it's understood that").
const IT_VIEWS: &[&str] = &[
    "thought", "believed", "understood", "said", "reported", "assumed", "expected", "predicted", "rumoured", "rumored", "feared",
    "estimated", "alleged", "claimed", "suspected",
];

/// "was reported as saying", "is quoted as saying": the words are the named speaker's; only
/// the medium is not named.
fn as_saying(ctx: &Ctx, p: usize) -> bool {
    word_is(ctx.doc, p + 1, "as") && word_is(ctx.doc, p + 2, "saying")
}

/// A participle in its physical or plain sense, not a view: "his shot was tipped over", "the game
/// can be viewed from either side", "a politically charged debate".
fn physical(ctx: &Ctx, k: usize, p: usize, s0: usize) -> bool {
    let doc = ctx.doc;
    (word_is(doc, p, "tipped") && word_in(doc, p + 1, &["over", "wide", "round", "around", "past", "onto", "away", "behind"]))
        || (word_is(doc, p, "viewed") && k > s0 && word_in(doc, k - 1, &["can", "could", "cannot"]) && !word_in(doc, p + 1, &["as", "to"]))
        // "politically charged", "are charged to protect", "is charged £5": only "charged with" is a charge.
        || (word_is(doc, p, "charged") && !word_is(doc, p + 1, "with"))
}

/// Who a "by" after the participle names, if anyone (see [`agent_after`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Agent {
    /// No "by" agent within eight words.
    None,
    /// The participle's own agent: "has been branded \"a waste\" by MPs".
    Own,
    /// Only a later verb's: "is expected to rule on a case brought by the ferry firm". Nobody is
    /// named for the view, but a reader might take the "by" for its agent.
    Later,
}

/// The agent follows the complement or the quoted words: "has been branded \"a waste\" by MPs",
/// "has been accused of blocking the site by a press watchdog". "by the end of the year" and "by
/// Friday" are times, "by 5%" an amount, "by raising prices" a means.
pub(super) fn agent_after(ctx: &Ctx, p: usize, s1: usize) -> Agent {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let mut found = Agent::None;
    for x in (p + 1..s1).filter(|&x| ctx.quotes.depth[x] == 0 && toks[x].kind != TokKind::Mark).take(8) {
        let n = if word_in(doc, x + 1, &["the", "a", "an"]) { x + 2 } else { x + 1 };
        let agent = word_is(doc, x, "by")
            && (share_of_people(ctx, n) || toks.get(n).is_some_and(|t| t.kind == TokKind::Word && !t.text(doc.text).ends_with("ing") && !t.has(flag::DAY_MONTH)))
            && !is(doc, n, flag::TIME)
            && !word_in(doc, n, &["end", "time", "then", "now", "far", "mid", "middle", "start", "beginning", "close"]);
        if agent {
            if !other_verb_before(ctx, p, x) {
                return Agent::Own;
            }
            found = Agent::Later;
        }
    }
    found
}

/// A share of people at token `n`, as an agent: "is viewed as honest by 55 percent of voters",
/// "by 40% of those asked" (a poll's respondents hold the view). "rose by 5%" is an amount.
fn share_of_people(ctx: &Ctx, n: usize) -> bool {
    let doc = ctx.doc;
    let Some(t) = doc.tokens.get(n).filter(|t| t.kind == TokKind::Number) else { return false };
    let of = |x: usize| word_is(doc, x, "of");
    if t.text(doc.text).ends_with('%') {
        return of(n + 1);
    }
    (word_is(doc, n + 1, "percent") && of(n + 2)) || (word_is(doc, n + 1, "per") && word_is(doc, n + 2, "cent") && of(n + 3))
        || (doc.tokens.get(n + 1).is_some_and(|t| t.text(doc.text) == "%") && of(n + 2))
}

/// The "by" at `x` belongs to a verb between the participle at `p` and it: "is expected to rule
/// on a case brought by the ferry firm" (the firm brought the case; nobody named expects the
/// ruling), "is believed to have been killed by a shell".
fn other_verb_before(ctx: &Ctx, p: usize, x: usize) -> bool {
    let doc = ctx.doc;
    let mut v = x;
    while v > p + 1 && ly_adverb(doc, v - 1) {
        v -= 1;
    }
    // "branded as outdated by MPs", "praised and rewarded by the board": an adjective or a
    // second participle of the same subject, whose "by" is still the agent.
    v > p + 2
        && doc.tokens[v - 1].kind == TokKind::Word
        && (is(doc, v - 1, flag::FINITE | flag::PARTICIPLE) || doc.tokens[v - 1].text(doc.text).ends_with("ed"))
        && !word_in(doc, v - 2, SAME_SUBJECT)
}

/// Words before a participle that keep it with the passive's subject (see [`other_verb_before`]).
const SAME_SUBJECT: &[&str] = &["as", "so", "too", "very", "and", "or", "but", "more", "most", "less"];

/// "more than can be said for", "the first thing to be said": a turn of phrase, not a view;
/// "nothing is said about the rules" is what a text leaves out.
fn idiom(ctx: &Ctx, k: usize, p: usize, s0: usize) -> bool {
    let doc = ctx.doc;
    word_is(doc, p, "said")
        && k > s0
        && (word_in(doc, k - 1, &["can", "could", "cannot", "to", "must"]) || (word_is(doc, k - 1, "nothing") && word_in(doc, p + 1, &["about", "of"])))
}

/// Participles by which a definition gives a term its sense: "a team is said to be on a power
/// play when …", "such parties are considered national parties".
const TERMING: &[&str] = &["said", "considered", "regarded", "deemed", "called", "termed", "known"];

/// Words that open the general condition of a definition: "When a team has a player in the
/// box, …", "If a party stands in four states, then …".
const DEFINING_CONDITION: &[&str] = &["when", "whenever", "if"];

/// Words after [`DEFINING_CONDITION`] that make it general rather than a story's event: "when a
/// team …", not "when the mayor arrived …".
const INDEFINITE: &[&str] = &["a", "an", "any", "one", "someone", "anyone"];

/// A definition or a rule, not a view (docs/claims.md): the passive at `k`..`p` of a naming
/// participle ([`TERMING`]) in a sentence that states when the term applies — it opens with a
/// general condition ("When a team has …, the other team is said to be on a power play"; in the
/// past only with "then": "If a person broke the egg, then he was considered guilty"), or, in
/// the present, speaks of "such a case" or "this situation", or has a general subject with a
/// relative clause in the present ("A bird that has one such gene is said to be split").
fn definition(ctx: &Ctx, k: usize, p: usize, s0: usize) -> bool {
    let doc = ctx.doc;
    if !word_in(doc, p, TERMING) || (word_is(doc, p, "said") && word_is(doc, p + 1, "to") && word_is(doc, p + 2, "have") && word_is(doc, p + 3, "been")) {
        return false;
    }
    let present = word_in(doc, k, &["is", "are"]);
    let opens = word_in(doc, s0, DEFINING_CONDITION) && word_in(doc, s0 + 1, INDEFINITE);
    if opens && (present || (s0..k).any(|x| word_is(doc, x, "then"))) {
        return true;
    }
    let case = (s0..k).any(|x| word_in(doc, x, &["such", "this"]) && (x + 1..(x + 3).min(k)).any(|y| word_in(doc, y, &["case", "situation"])));
    let general_subject = (s0..k).any(|x| {
        word_in(doc, x, &["a", "an"])
            && (x == s0 || doc.tokens[x - 1].kind == TokKind::Punct)
            && (x + 1..k.saturating_sub(1)).any(|y| word_in(doc, y, &["that", "who", "which"]) && word_in(doc, y + 1, &["has", "have", "is", "are", "does", "do", "can"]))
    });
    present && (case || general_subject)
}

/// Words that show a passive of description gives a name, not a view: "For want of a better
/// name, the family is often described as the 'southern robins'", "is described with the term".
const NAME_WORDS: &[&str] = &["name", "names", "term", "terms", "nickname", "nicknames"];

/// A naming, not a view: a participle of naming with a word for a name in the eight words
/// before it or right after it ([`NAME_WORDS`]). The weasel phrase "has been called" asks it
/// too (weasels::names_a_label).
pub(super) fn naming(ctx: &Ctx, p: usize, s0: usize) -> bool {
    let doc = ctx.doc;
    word_in(doc, p, &["described", "known", "referred", "called", "termed", "dubbed"])
        && ((s0.max(p.saturating_sub(8))..p).any(|x| word_in(doc, x, NAME_WORDS))
            || (word_in(doc, p + 1, &["with", "by", "under"]) && (p + 2..p + 4).any(|x| word_in(doc, x, NAME_WORDS))))
}

/// Participles that give a thing its name: "has been called", "was dubbed".
const LABELLING: &[&str] = &["called", "dubbed", "termed", "labelled", "labeled", "nicknamed"];

/// Does a label follow the naming participle at `p`: a quoted term of one to three words that
/// opens with no article ("a band that has been called "urban"", "has been called "open harbour
/// news""), or a capitalised name, with or without "the", that a closed-class word or
/// punctuation ends ("what has been called the Digital Divide.")? A name for a trend or a thing
/// is no view. A judgement stays one an editor asks the holder of: "called the worst budget in
/// years", "called a charlatan", "called the Trump of the East", "called the Tory answer to …".
/// A quoted judgement ("called "reckless"") keeps the scare-quote hint, which asks whose words.
/// Asked only for the weasel phrase (weasels::names_a_label): the agentless passives of naming
/// ("was dubbed", "was labeled "Mostly True"") are hints already, and a rating's label is one
/// PolNeAR counts as a claim with no source.
pub(super) fn label_after(ctx: &Ctx, p: usize) -> bool {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    if !word_in(doc, p, LABELLING) || p + 1 >= toks.len() {
        return false;
    }
    let depth = &ctx.quotes.depth;
    if toks[p + 1].kind == TokKind::Mark && depth[p + 1] > 0 && depth[p] == 0 {
        let mut words = 0;
        for x in p + 2..(p + 8).min(toks.len()) {
            match toks[x].kind {
                TokKind::Mark => return (1..=3).contains(&words),
                TokKind::Word | TokKind::Number if words == 0 && word_in(doc, x, &["a", "an", "the"]) => return false,
                TokKind::Word | TokKind::Number => words += 1,
                TokKind::Punct => {}
            }
        }
        return false;
    }
    let a = p + 1 + usize::from(word_is(doc, p + 1, "the"));
    let mut x = a;
    while x < toks.len() && x < a + 4 && toks[x].kind == TokKind::Word && toks[x].cap && !toks[x].possessive {
        x += 1;
    }
    let closed = flag::FUNCTION | flag::PREP | flag::DET | flag::AUX | flag::BE | flag::PRONOUN;
    let ends = toks.get(x).is_none_or(|t| t.kind != TokKind::Word || (!t.cap && t.has(closed) && !word_is(doc, x, "of")));
    x > a && ends
}

/// Participles of a grade: "were rated as mostly true", "is ranked third". "judged" is left
/// out: "was judged a failure" is mostly a view, not a grade on a scale.
const RATING: &[&str] = &["rated", "ranked", "graded"];

/// Words by which a story names who grades: a fact-checker or a rating ("the fact-checkers",
/// "its Truth-O-Meter ratings", "the rankings").
const RATER: &[&str] = &[
    "fact-check", "fact-checks", "fact-checker", "fact-checkers", "fact-checking", "factcheck", "factchecker", "factcheckers",
    "rating", "ratings", "ranking", "rankings", "rater", "raters", "scorecard",
];

/// A grade ([`RATING`]) in a story that names who grades, anywhere in it: a word for a rater
/// ([`RATER`]), a grade with its agent ("rated by"), or a name that grades ("Truthmeter rated
/// the claim"). The reader knows who gave the grade, so it is a hint, as a tip is when the
/// bookmakers are named; not dropped, as PolNeAR still counts the bare passive as a claim with
/// no source. The story, not the paragraph: a fact-check names its rater once, in the lede,
/// and gives grades paragraphs later.
fn rated_by_named_rater(ctx: &Ctx, p: usize) -> bool {
    let doc = ctx.doc;
    const GRADES: &[&str] = &["rated", "rates", "ranked", "ranks", "graded", "grades"];
    word_in(doc, p, RATING)
        && (0..doc.tokens.len()).any(|x| {
            word_in(doc, x, RATER)
                || (word_in(doc, x, GRADES) && !doc.tokens[x].cap && (word_is(doc, x + 1, "by") || x > 0 && doc.tokens[x - 1].cap && doc.tokens[x - 1].kind == TokKind::Word && !is(doc, x - 1, flag::AUX)))
        })
}

/// Is the passive weasel phrase from `a` to `b` in sentence `si` ("it is thought", "has been
/// accused of") weak: an accusation, advice, a hope, a clause that asserts nothing, or sourced
/// by a neighbouring sentence, as for the passives [`agentless`] finds ("it is thought" only by
/// a finding just before it).
pub(super) fn phrase_weak(ctx: &Ctx, si: usize, a: usize, b: usize) -> bool {
    let doc = ctx.doc;
    let s0 = ctx.sentences[si].tokens.start;
    let general = (a..b).any(|x| word_in(doc, x, &["widely", "generally", "commonly"]));
    let be = (a..b).find(|&x| is(doc, x, flag::BE)).unwrap_or(a);
    // "it is expected to open in June": "it" is the thing, and the passive a schedule.
    let about_a_thing = word_is(doc, a, "it") && (word_is(doc, b, "to") || is(doc, b, flag::PREP));
    // "it is suspected that …": nobody at all suspects it, so no charge on the record either.
    let dummy_it = word_is(doc, a, "it") && !about_a_thing;
    (a..b).any(|x| doc.tokens[x].has(flag::PARTICIPLE) && ((accusation(ctx, x, general) && !dummy_it) || (about_a_thing && !general && word_in(doc, x, WEAK))))
        || conditional(ctx, a, s0)
        || obligation(ctx, be, s0)
        || in_clause(ctx, a, s0, 8, HOPE)
        || nearby_source(ctx, si, word_is(doc, a, "it"))
}

/// A neighbouring sentence sources the passive in sentence `si` (context.rs); "it is thought"
/// and "it was agreed" (`dummy_it`) only a finding just before them.
fn nearby_source(ctx: &Ctx, si: usize, dummy_it: bool) -> bool {
    if dummy_it {
        super::context::found_before(ctx, si)
    } else {
        super::context::sourced_by_neighbour(ctx, si)
    }
}

/// A passive of accusation or blame with no adverb of general opinion (see [`ACCUSATION`]).
pub(super) fn accusation(ctx: &Ctx, p: usize, general: bool) -> bool {
    !general && word_in(ctx.doc, p, ACCUSATION)
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, Options};

    /// Each case: text, the agentless passive expected (None: none at all), and whether it is weak.
    fn check(cases: &[(&str, Option<&str>, bool)]) {
        for &(text, trigger, weak) in cases {
            let a = analyze(text, &Options::default());
            let got: Vec<(String, bool)> = a.claims.iter().filter(|c| c.kind.as_str() == "agentless-passive").map(|c| (c.trigger.text(text).to_string(), c.weak)).collect();
            match trigger {
                None => assert!(got.is_empty(), "{text}: expected no agentless passive, got {got:?}"),
                Some(t) => assert!(got.contains(&(t.to_string(), weak)), "{text}: expected {t:?} weak={weak}, got {got:?}"),
            }
        }
    }

    #[test]
    fn advice_hopes_and_clauses_that_assert_nothing_are_hints() {
        check(&[
            ("Cheaper fares for pensioners should be considered a priority.", Some("be considered"), true),
            ("The timetable has to be carefully thought out.", Some("be carefully thought"), true),
            ("The harbour board hopes the new toll will be seen as fair.", Some("be seen as"), true),
            ("In what the council had hoped would be perceived as a fresh start, the mayor opened the pier.", Some("be perceived as"), true),
            ("Once the tides are understood fully, the ferry can run at night.", Some("are understood"), true),
            ("The toll will stay unless it is agreed that the bridge is paid for.", Some("is agreed that"), true),
            ("It is not the first time such a ferry link has been suggested.", Some("been suggested"), true),
            ("The pier's owner, Ann Ode, was reported as saying the deal was done.", Some("was reported as"), true),
            ("Two directors are suspected of taking the harbour fees.", Some("are suspected"), true),
            ("The skipper was alleged to have skipped two safety checks.", Some("was alleged to"), true),
            ("The final is tipped to be close. Bookmakers make Dunmere the favourites.", Some("is tipped to"), true),
            ("No date has been set, but it is expected to open in June.", Some("it is expected"), true),
        ]);
    }

    /// Definitions, rules and names say what a term means, not what anybody thinks
    /// (docs/claims.md): no claim. The same participles in a story's events stay views.
    #[test]
    fn definitions_rules_and_names_are_no_claims() {
        check(&[
            ("When a boat flies two flags, the skipper is said to be dressed overall.", None, false),
            ("If a crew wins three heats, then such crews are considered finalists.", None, false),
            ("If a trader broke the seal, then he was considered guilty.", None, false),
            ("In this situation, the tide is said to have turned.", None, false),
            ("The rope in such a case is said to be slack.", None, false),
            ("A gull that has one dark feather is said to be marked for that trait.", None, false),
            ("For want of a better name, the breed is often described as the Dunmere terriers.", None, false),
            ("The harbour sound is often described with the term foghorn jazz.", None, false),
            ("Nothing is said about the toll in the charter.", None, false),
            // Events of a story keep their claim.
            ("When the mayor arrived, she was said to be furious.", Some("was said to"), false),
            ("When a fire broke out, the skipper was said to have been asleep.", Some("was said to"), false),
            ("If elected, she is considered likely to close the pier.", Some("is considered"), false),
            ("A man who was pulled from the harbour is said to be stable.", Some("is said to"), false),
            ("The skipper is often described as the best in the port.", Some("is often described as"), false),
            ("Nothing is said to have been stolen from the pier.", Some("is said to"), false),
            ("Ann Ode, a former skipper who is considered the best in the port, will stand.", Some("is considered"), false),
        ]);
    }

    #[test]
    fn charges_and_procedures_by_nobody_named_are_hints() {
        check(&[
            ("The ferry timetable is under review.", Some("under review"), true),
            ("The skipper was charged with careless navigation.", Some("was charged"), true),
        ]);
    }

    /// A question put to the speaker is almost always the story's own reporter asking: PolNeAR
    /// counts it as a claim with no source, but an editor read 0 of 17 as worth a query.
    #[test]
    fn questions_put_to_the_speaker_are_no_claim() {
        check(&[
            ("Asked about the toll, the mayor said it would stay.", None, false),
            ("Pressed on the delays, the skipper blamed the tide.", None, false),
            ("The harbour master was asked to step down.", None, false),
            ("The mayor smiled when asked about the toll.", None, false),
            ("The mayor asked about the toll at the meeting.", None, false),
        ]);
    }

    /// A "by" that belongs to a later verb names nobody who holds the view.
    #[test]
    fn a_by_of_a_later_verb_is_no_agent() {
        check(&[
            // A hint ("is expected to") stays out when a "by" follows at all.
            ("A harbour tribunal is expected to rule soon on a case brought by the ferry firm.", None, false),
            ("The skipper is believed to have been hit by a falling spar.", Some("is believed to"), false),
            ("The pier is thought to have been sold to a firm owned by the mayor's brother.", Some("is thought to"), false),
            ("The ferry timetable has been branded as outdated by the harbour board.", None, false),
            ("The skipper was praised and rewarded by the harbour board.", None, false),
            ("The pier scheme was criticised by the ratepayers' group.", None, false),
        ]);
    }

    #[test]
    fn a_view_joined_to_a_be_clause_is_a_hint() {
        check(&[
            ("The pier, which is the town's oldest and considered the finest on the coast, will close.", Some("and considered"), true),
            ("The skipper is forty and widely seen as the best in the port.", Some("and widely seen"), true),
            ("The pier is old and considered unsafe by engineers.", None, false),
            ("The harbour board met and considered the plan.", None, false),
        ]);
    }

    /// A grade in a story that names who grades is the rater's: a hint, not a floating view.
    #[test]
    fn grades_in_a_story_that_names_the_rater_are_hints() {
        check(&[
            (
                "Truthmeter rated 30% of the mayor's claims as false.\n\nA majority of her statements were rated as mostly true.",
                Some("were rated as"),
                true,
            ),
            ("The Gazette's fact-checkers looked at the mayor's speech. Her claim about the pier was rated False.", Some("was rated"), true),
            ("The harbour board has published its ratings. The Dunmere ferry was rated as the worst in the region.", Some("was rated as"), true),
            ("Ports were rated by the shipping council. The Dunmere harbour was rated as unsafe.", Some("was rated as"), true),
            // No rater in the story: the grade floats.
            ("The Dunmere ferry was rated as the worst in the region.", Some("was rated as"), false),
            ("The mayor spoke on Monday. Her claim about the pier was rated False.", Some("was rated"), false),
            ("Ferry Rated Worst in Region\n\nThe Dunmere ferry was rated as the worst in the region.", Some("was rated as"), false),
            // Other views in a story with ratings keep their weight.
            ("The ferry's ratings fell. The new toll is widely seen as unfair.", Some("is widely seen as"), false),
        ]);
    }

    #[test]
    fn views_with_no_holder_stay() {
        check(&[
            ("The new toll is widely seen as unfair.", Some("is widely seen as"), false),
            ("It is expected that the pier will close.", Some("It is expected"), false),
            ("It was agreed that the ferry would run on Sundays.", Some("was agreed that"), false),
            ("The mayor was seen leading the talks on the pier.", Some("was seen"), false),
            ("In what was seen as a snub, the mayor left early.", Some("was seen as"), false),
            ("The skipper is tipped to win the regatta.", Some("is tipped to"), false),
            ("The ferry is thought to have cost £9m.", Some("is thought to"), false),
            ("Sales rose. The rise is thought to stem from the weather.", Some("is thought to"), false),
            ("Until the 1800s the pilots were considered the elite of the port.", Some("were considered"), false),
            ("The pier was once seen as the finest on the coast.", Some("was once seen as"), false),
            ("It is suspected that the harbour fees were never paid.", Some("is suspected that"), false),
            ("The pier plan won praise in Dunmere. It has also been severely criticised.", Some("been severely criticised"), true),
        ]);
    }

    #[test]
    fn a_finding_or_according_to_before_sources_the_next_sentence() {
        check(&[
            ("According to the Dunmere Gazette, the harbour master said the port was full. The ferry firm is said to be next on the list.", Some("is said to"), true),
            ("The Harbour Trust found that riders are older. It is thought that 40% of riders are retired.", Some("It is thought"), true),
            ("Riders are older. It is thought that 40% of riders are retired.", Some("It is thought"), false),
            ("It is understood that the pier will close. The harbour master, Ann Ode, said the cracks were deep.", Some("It is understood"), false),
        ]);
    }

    #[test]
    fn sightings_on_screen_and_a_ball_tipped_over_are_no_claims() {
        check(&[
            ("The 1971 film shows the young mayor at a rally. She is seen asking a guard for directions.", None, false),
            ("A year after the station opened, he was seen reciting poems on television.", None, false),
            ("Ode's header was tipped over by the keeper.", None, false),
            ("The match can be viewed from either end of the ground.", None, false),
        ]);
    }

    #[test]
    fn a_pronoun_with_a_contracted_is_and_a_share_of_people_as_agent() {
        check(&[
            ("She's widely seen as the favourite to replace the mayor.", Some("She's widely seen as"), false),
            ("It's thought the talks on the pier collapsed on Friday.", Some("It's thought"), false),
            ("He’s expected to quit the council this week.", Some("He’s expected to"), true),
            ("That's considered a risk by the harbour board.", None, false),
            ("The mayor's considered view is that the pier must close.", None, false),
            ("The pier can be seen from the ferry.", None, false),
            ("The lighthouse could be seen for miles.", None, false),
            // A possible view, which Wikipedia's annotators do not count as weasel: no claim.
            ("The new toll can be seen as a tax on commuters.", None, false),
            ("The flames could be seen as far away as Dunmere.", None, false),
            ("The mayor hopes to be seen as a reformer.", None, false),
            ("He's said he will stay on as mayor.", None, false),
            ("She's argued for years that the pier should close.", None, false),
            ("It's confirmed one thing: the ferry is late.", None, false),
            // Sentence adverbs between "be" and the participle, as "still" and "widely" are.
            ("The old ferry is nonetheless considered the safest way across.", Some("is nonetheless considered"), false),
            ("The toll was therefore seen as a tax on commuters.", Some("was therefore seen as"), false),
            ("The pier was never regarded as safe.", Some("was never regarded as"), false),
            ("As he's often alleged, the toll is a tax.", None, false),
            ("The mayor, who's viewed as honest by 55 percent of voters, will stand again.", None, false),
            ("The toll is seen as unfair by 40% of commuters.", None, false),
        ]);
    }
}
