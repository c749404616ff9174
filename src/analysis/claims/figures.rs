//! Figures that make an argument with no source near them. A figure of record (a price, a
//! market move, a result, a score, the size of a deal) is left alone; a share of people, a
//! forecast or an estimate needs a source in its sentence, its paragraph, or an attribution
//! just before or after it (docs/claims.md).

use super::{context, Ctx};
use crate::analysis::model::{Claim, ClaimKind};
use crate::analysis::cues::{punct_is, word_in, word_is};
use crate::analysis::lexicon::flag;
use crate::analysis::text::{Doc, TokKind};

const UNITS: &[&str] = &["percent", "per", "million", "billion", "trillion", "thousand", "times", "fold", "pc", "bn", "m"];

/// Words before a figure that make it a forecast or an estimate.
const FORECAST: &[&str] = &[
    "expected", "expects", "forecast", "forecasts", "predicted", "predicts", "projected",
    "estimated", "estimate", "estimates", "likely", "predict", "reckoned", "thought", "believed", "feared", "roughly",
];

/// "will" and "would" make a forecast only before a verb of cost or change ("will cost £2bn",
/// "would rise 5%"); "will go on sale for $250" and "will share £42m" are terms of record.
/// "could" and "might" do too; before another verb they are as often a hypothesis, a limit or
/// sums ("could represent 30% of the delegates", "could give as much as $449,400"): a hint.
const CHANGE: &[&str] = &[
    "cost", "rise", "fall", "grow", "reach", "increase", "decrease", "drop", "climb", "double", "treble", "top",
    "exceed", "need", "save", "lose", "create", "add", "shrink", "hit", "be", "fetch",
];

/// Words just before a sum that make it a price, a prize or the value of a deal: figures of record.
const PRICE: &[&str] = &["for", "priced", "price", "prize", "fee", "bursary", "worth", "purse", "pot", "fetched"];

/// Words after a figure that make it a clock time: "at 1400 GMT".
const CLOCK: &[&str] = &["gmt", "bst", "utc", "et", "est", "cet", "pst", "local", "hours", "hrs", "am", "pm"];

/// After "N% of": shares of these are results of record, not claims about people.
const RECORD_SHARES: &[&str] = &["the", "its", "their", "his", "her", "shares", "votes", "vote", "stake", "sales", "revenue", "profits", "market", "total"];

/// Words that name where a figure comes from, in the figure's sentence or the one before it.
const SOURCE_NOUNS: &[&str] = &[
    "survey", "surveys", "poll", "polls", "study", "studies", "report", "reports", "research", "figures", "data",
    "statistics", "census", "index", "estimates", "forecasts", "analysis", "according", "research", "found", "showed",
    "shows", "published", "commissioned", "prediction", "predictions",
];

/// How a figure makes its argument. Only an explicit estimate or forecast ("an estimated 25,000",
/// "is expected to grow by 4.5%", "could fetch £9m") and what a share of people say ("60% said")
/// are shown at the rule's severity: on BBC copy a share ("60% of prisoners"), a "will"/"would"
/// ("will cost £2bn", "would save £4bn") and a price ("is expected to cost about $250") were
/// mostly terms, targets and prices of record (docs/precision.md), so they are hints.
#[derive(Clone, Copy, PartialEq)]
enum Argument {
    Estimate,
    Weaker,
    /// What a share of people say, think or want: "42% say they are liberal".
    Answer,
    /// A share of people or of support: "40% of tenants", "Obama's 34 percent support" (a hint).
    Share,
}

/// The figure claim at token `k` of sentence `si`: its first and end tokens, and whether it is weak.
pub(super) fn claim(ctx: &Ctx, si: usize, k: usize) -> Option<(usize, usize, bool)> {
    let doc = ctx.doc;
    let sent = &ctx.sentences[si];
    let end = figure(doc, k, sent.tokens.end)?;
    let start = if k > sent.tokens.start && is_currency(doc, k - 1) { k - 1 } else { k };
    if of_record(doc, sent.tokens.start, start, end) || threshold(doc, sent.tokens.start, start, end) || second_of_pair(doc, sent.tokens.start, start) {
        return None;
    }
    // The local test first: most figures argue nothing, and the paragraph is not read for them.
    let argument = argues(doc, sent.tokens.start, start, end)?;
    let polled = matches!(argument, Argument::Answer | Argument::Share) && story_poll(ctx, si);
    (!polled && !sourced_nearby(ctx, si)).then_some((start, end, matches!(argument, Argument::Weaker | Argument::Share)))
}

/// One sentence, one figure finding: "they could represent 30% of the 2,383 delegates" asks for
/// one source, not two. Of the figure claims pushed since `from` (one sentence's), the first of the
/// strongest stays.
pub(super) fn one_per_sentence(out: &mut Vec<Claim>, from: usize) {
    let figures = || out[from..].iter().enumerate().filter(|(_, c)| c.kind == ClaimKind::Statistic);
    let Some(keep) = figures().find(|(_, c)| !c.weak).or_else(|| figures().next()).map(|(i, _)| from + i) else { return };
    let mut j = 0;
    out.retain(|c| {
        j += 1;
        j - 1 < from || j - 1 == keep || c.kind != ClaimKind::Statistic
    });
}

fn is_currency(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokKind::Punct && matches!(t.first_char(doc.text), '$' | '€' | '£' | '¥')
}

/// Is token `k` a statistic (a percentage, a money figure, a large count)? Returns its end.
fn figure(doc: &Doc, k: usize, s1: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let text = doc.text;
    let t = &toks[k];
    if t.kind != TokKind::Number {
        return None;
    }
    let w = t.text(text);
    // Times, ranges and scores ("30-20"), fractions, ordinals ("1,001st") and measures ("5,000m").
    let money = k > 0 && is_currency(doc, k - 1) && toks[k - 1].end == t.start;
    if w.contains([':', '-', '/']) || w.starts_with(['’', '\'']) || (!money && w.ends_with(|c: char| c.is_alphabetic())) {
        return None;
    }
    if (k + 1..(k + 4).min(s1)).any(|x| word_in(doc, x, CLOCK)) {
        return None;
    }
    let near_date = |x: usize| toks.get(x).is_some_and(|n| n.has(flag::DAY_MONTH));
    if (k > 0 && near_date(k - 1)) || near_date(k + 1) {
        return None;
    }
    let mut end = k + 1;
    if end < s1 && (punct_is(&toks[end], text, b'%') || word_in(doc, end, &["percent", "pc"]) || (word_is(doc, end, "per") && word_is(doc, end + 1, "cent"))) {
        end += if word_is(doc, end, "per") { 2 } else { 1 };
        return Some(end);
    }
    let scale = end < s1 && word_in(doc, end, UNITS);
    if scale {
        end += 1;
    }
    if money || scale {
        return Some(end);
    }
    let value = w.bytes().filter(u8::is_ascii_digit).fold(0u64, |v, d| v.saturating_mul(10).saturating_add((d - b'0') as u64));
    // A count of a thousand or more is written with a comma in news copy; without one it is a
    // code, a model or a clock time ("the 3230", "from 1130").
    (value >= 1000 && w.contains(',') && !w.contains('.')).then_some(end)
}

/// A sum that is a price, a prize or the value of a deal ("on sale for $250", "a £30,000
/// bursary", "a deal worth £17m"); "up to", "about" or "as much as" may stand between.
fn of_record(doc: &Doc, s0: usize, start: usize, end: usize) -> bool {
    let money = is_currency(doc, start);
    let before = (s0.max(start.saturating_sub(4))..start).rev().find(|&x| !word_in(doc, x, &["up", "to", "about", "around", "almost", "nearly", "as", "much", "more", "than", "over", "just", "a"]));
    // "a $3bn ($1.6bn) deal": the conversion in brackets stands between the sum and its noun.
    let after = if punct_is(&doc.tokens[end.min(doc.tokens.len() - 1)], doc.text, b'(') {
        (end + 1..(end + 6).min(doc.tokens.len())).find(|&x| punct_is(&doc.tokens[x], doc.text, b')')).map_or(end, |x| x + 1)
    } else {
        end
    };
    money && (before.is_some_and(|x| word_in(doc, x, PRICE)) || word_in(doc, after, &["prize", "bursary", "fee", "move", "ticket", "deal", "contract", "payout"]))
}

/// A threshold or limit of record: "the 1,237 delegates needed to win", "a limit of $2,700".
/// "£500,000 is needed to buy the theatre" is an estimate: only "the" makes the figure a known one.
fn threshold(doc: &Doc, s0: usize, start: usize, end: usize) -> bool {
    let needed = start > s0 && word_is(doc, start - 1, "the") && (end..end + 2).any(|x| word_in(doc, x, &["needed", "required", "necessary"]));
    let before = (s0.max(start.saturating_sub(4))..start).rev().find(|&x| !word_in(doc, x, &["of", "at", "to", "up", "as", "much", "a", "an", "the"]));
    needed || before.is_some_and(|x| word_in(doc, x, &["limit", "limits", "limited", "cap", "capped", "maximum", "minimum", "threshold", "ceiling"]))
}

/// The second figure of one change ("rise by 46% to 420 million", "fall from 7.3% to 6.9%"):
/// one claim gives one finding, so only the first figure is shown.
fn second_of_pair(doc: &Doc, s0: usize, start: usize) -> bool {
    start >= s0 + 2 && word_is(doc, start - 1, "to") && (s0.max(start.saturating_sub(5))..start - 1).any(|x| doc.tokens[x].kind == TokKind::Number)
}

/// Does the figure from `start` to `end` make an argument: a share of people ("40% of tenants",
/// "60% said"), or a forecast or estimate ("will cost £2bn", "an estimated 10,000")? And how?
fn argues(doc: &Doc, s0: usize, start: usize, end: usize) -> Option<Argument> {
    let toks = &doc.tokens;
    let text = doc.text;
    let percent = toks[end - 1].kind == TokKind::Punct || word_in(doc, end - 1, &["percent", "pc", "cent"]);
    let mut share = false;
    if percent {
        share |= word_is(doc, end, "of") && !word_in(doc, end + 1, RECORD_SHARES) && toks.get(end + 1).is_some_and(|t| t.kind == TokKind::Word && !t.cap);
        share |= support_noun(doc, end);
        if !share && word_in(doc, end, ANSWERS) {
            return Some(Argument::Answer);
        }
    }
    // A forecast word before the figure in the same clause (no comma, semicolon or relative
    // pronoun between: "people are expected to attend the show, which covers 1.5 million square
    // feet" forecasts the crowd, not the floor space).
    let mut x = start;
    while x > s0 {
        x -= 1;
        let t = &toks[x];
        if (t.kind == TokKind::Punct && matches!(text.as_bytes().get(t.start as usize), Some(b',' | b';' | b'('))) || word_in(doc, x, &["which", "who", "where"]) {
            break;
        }
        // "faster than predicted": a comparison with a forecast, not one.
        let compared = x > s0 && word_in(doc, x - 1, &["than", "as"]);
        if word_in(doc, x, FORECAST) && !compared {
            if estimated_by(doc, s0, x) {
                return None;
            }
            let weaker = word_is(doc, x, "roughly") || (word_is(doc, x, "expected") && word_is(doc, x + 1, "to") && word_is(doc, x + 2, "cost"));
            return Some(if weaker { Argument::Weaker } else { Argument::Estimate });
        }
        if word_in(doc, x, &["could", "might"]) {
            return modal(doc, x);
        }
        if word_in(doc, x, &["will", "would"]) && word_in(doc, x + 1, CHANGE) {
            return Some(Argument::Weaker);
        }
    }
    share.then_some(Argument::Share)
}

/// Verbs after a share that make it what people say, think or want: "42% say they are liberal".
const ANSWERS: &[&str] = &[
    "said", "say", "says", "believe", "believed", "think", "thought", "want", "wanted", "support", "supported", "oppose",
    "opposed", "agree", "agreed", "feel", "felt",
];

/// "support" after a share is a noun when no object follows ("Obama's 34 percent support that
/// year", "gets 1 percent support.", "41 percent support against Trump"): a share of support,
/// usually a poll's or an election's, not people saying they support something.
fn support_noun(doc: &Doc, end: usize) -> bool {
    word_is(doc, end, "support") && !doc.tokens.get(end + 1).is_some_and(|t| t.kind == TokKind::Word && (t.cap || t.has(flag::DET) || t.has(flag::PRONOUN)) && !word_is(doc, end + 1, "that"))
}

/// "could" or "might" at `x` before the figure: a forecast before a verb of cost or change
/// ("could reach 40%", "could fetch £9m"), nothing when negated ("could not break 50 percent" is
/// a result), and a hint before any other verb ("could see India invest up to $20bn", "could
/// represent 30% of the delegates").
fn modal(doc: &Doc, x: usize) -> Option<Argument> {
    if word_in(doc, x + 1, &["not", "n't", "never"]) {
        return None;
    }
    Some(if word_in(doc, x + 1, CHANGE) { Argument::Estimate } else { Argument::Weaker })
}

/// The forecast word at `x` is a verb whose subject says who estimates: "what advocates estimated
/// were more than 100,000", "Analysts predicted 5% growth". Not "an estimated", "is expected",
/// "widely thought", "the group's estimated 5,000 members", nor a participle after its noun
/// ("losses estimated at $5bn", "a crowd expected to top 9,000").
fn estimated_by(doc: &Doc, s0: usize, x: usize) -> bool {
    const VERBS: &[&str] = &["estimated", "estimate", "estimates", "predicted", "predict", "predicts", "forecast", "forecasts", "projected", "expects", "expected", "reckoned", "believed", "thought", "feared"];
    if x == s0 || !word_in(doc, x, VERBS) || word_in(doc, x + 1, &["at", "to", "by", "as", "for", "in"]) {
        return false;
    }
    let t = &doc.tokens[x - 1];
    let w = t.text(doc.text);
    t.kind == TokKind::Word
        && !t.has(flag::DET | flag::AUX | flag::PREP | flag::ADVERB | flag::FUNCTION | flag::PASSIVE_ADV)
        && !w.ends_with("ly")
        && !t.possessive
}

/// A source for the figure nearby: the sentence or a neighbour reports someone, another
/// sentence of the paragraph does, or the sentence or one of the two before names a survey,
/// study, report or data ("A survey of 2,000 readers ... They are fed up ... 17% have switched").
fn sourced_nearby(ctx: &Ctx, si: usize) -> bool {
    let sents = ctx.sentences;
    let para = sents[si].para;
    let near = |i: usize| context::named_attribution(ctx, i);
    if near(si) || (si > 0 && near(si - 1)) || near(si + 1) || near(si + 2) {
        return true;
    }
    // Sentences of one paragraph are consecutive.
    let first = (0..si).rev().take_while(|&i| sents[i].para == para).last().unwrap_or(si);
    let same_para = (first..sents.len()).take_while(|&i| sents[i].para == para).any(near);
    same_para || (si.saturating_sub(2)..=si).any(|i| names_source(ctx, i)) || (first..sents.len()).take_while(|&i| sents[i].para == para).any(|i| owned_plan(ctx, i))
}

/// Words that make a figure part of a named body's own plan, announcement, budget or list.
const PLAN: &[&str] = &["plan", "plans", "budget", "announced", "announcement", "announces", "unveiled", "list"];

/// A sentence naming a body's plan, announcement, budget or list ("The plan gives Parmalat's
/// creditors ...", "Before Wednesday's announcement, BMW had invested", "BMW has forecast"):
/// the figures of its paragraph are that body's terms. A named body is a capitalised word past
/// the sentence's first, or an all-capitals name; "Critics say the plan ..." names no one.
fn owned_plan(ctx: &Ctx, si: usize) -> bool {
    let doc = ctx.doc;
    let toks = ctx.sentences[si].tokens.clone();
    let s0 = toks.start;
    let forecast = |k: usize| word_in(doc, k, &["forecast", "predicted", "projected"]) && k > s0 && word_in(doc, k - 1, &["has", "have", "had"]);
    // "the chart is announced on Sunday" names no announcer; "the budget does not include the
    // cost of the war" puts the paragraph's figures outside the plan.
    let passive = |k: usize| k > s0 && doc.tokens[k - 1].has(flag::BE);
    let negated = toks.clone().any(|k| word_in(doc, k, &["not", "neither", "nor", "n't"]));
    let plan = !negated && toks.clone().any(|k| (word_in(doc, k, PLAN) && !passive(k)) || forecast(k));
    plan && toks.clone().any(|k| names_body(ctx, s0, k))
}

/// Token `k` of the sentence starting at `s0` names a body: a capitalised word past the
/// sentence's first, or an all-capitals name ("BMW", "USA TODAY").
fn names_body(ctx: &Ctx, s0: usize, k: usize) -> bool {
    let t = &ctx.doc.tokens[k];
    let w = t.text(ctx.doc.text);
    t.kind == TokKind::Word && t.cap && (k > s0 || (w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase())))
}

/// Words for the story's own poll.
const POLL: &[&str] = &["poll", "polls", "survey", "study", "polling"];

/// The story's own poll, survey or study, named by a body in any sentence before `si` ("A new
/// poll by the Harbor Institute finds …", "According to a Dunmere Gazette survey …"): in news it
/// is named once at the top and its results then reported paragraph by paragraph, so it sources
/// the shares of people ("42% say they are liberal") anywhere after it.
fn story_poll(ctx: &Ctx, si: usize) -> bool {
    let doc = ctx.doc;
    ctx.sentences[..si].iter().any(|s| {
        let s0 = s.tokens.start;
        s.tokens.clone().any(|k| word_in(doc, k, POLL)) && s.tokens.clone().any(|k| names_body(ctx, s0, k) && !word_in(doc, k, POLL))
    })
}

fn names_source(ctx: &Ctx, si: usize) -> bool {
    ctx.sentences[si].tokens.clone().any(|k| word_in(ctx.doc, k, SOURCE_NOUNS))
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, Options};

    /// The figure claims in `text`: (trigger, weak).
    fn figures(text: &str) -> Vec<(String, bool)> {
        let a = analyze(text, &Options::default());
        a.claims.iter().filter(|c| c.kind.as_str() == "unsourced-statistic").map(|c| (c.trigger.text(text).to_string(), c.weak)).collect()
    }

    /// Each case: text, and the figure claims expected in it (trigger, weak).
    fn check(cases: &[(&str, &[(&str, bool)])]) {
        for &(text, want) in cases {
            let want: Vec<(String, bool)> = want.iter().map(|&(t, w)| (t.to_string(), w)).collect();
            assert_eq!(figures(text), want, "{text}");
        }
    }

    #[test]
    fn the_storys_own_poll_sources_the_shares_of_people_after_it() {
        check(&[
            // Named once at the top, then reported paragraph by paragraph.
            ("A new Dunmere Gazette poll of 900 riders finds anger over fares.\n\nThe ferry runs every hour. It is slow.\n\nOn fares, 42% say they are too high.", &[]),
            ("According to a Harbor Institute survey, riders want more boats.\n\nThe ferry runs every hour.\n\nThe mayor, who rides it daily, gets 12 percent support.", &[]),
            // No poll, or a poll nobody is named for: the share is the writer's.
            ("Riders are angry about fares.\n\nThe ferry runs every hour.\n\nOn fares, 42% say they are too high.", &[("42%", false)]),
            ("A new poll finds anger over fares.\n\nThe ferry runs every hour. It is slow.\n\nOn fares, 42% say they are too high.", &[("42%", false)]),
            // The poll sources what people say, not a forecast.
            ("A new Dunmere Gazette poll finds anger over fares.\n\nThe ferry runs every hour. It is slow.\n\nFares are expected to rise by 12% next year.", &[("12%", false)]),
        ]);
    }

    #[test]
    fn support_as_a_noun_is_a_share_not_an_answer() {
        check(&[
            ("In the ward, 34 percent support the toll.", &[("34 percent", false)]),
            ("The mayor's 34 percent support in 2019 was the lowest since the war.", &[("34 percent", true)]),
            ("The mayor garners 41 percent support against her rival.", &[("41 percent", true)]),
        ]);
    }

    #[test]
    fn could_forecasts_only_before_a_verb_of_change() {
        check(&[
            ("The toll could reach 40% of fares by 2030.", &[("40%", false)]),
            ("The pier could fetch up to £9m at auction.", &[("£9m", false)]),
            ("In the unlikely event they all voted together, the members could represent 30% of the board.", &[("30%", true)]),
            ("A donor who wants to give more could hand over as much as $44,900 to the fund.", &[("$44,900", true)]),
            ("Even in the ward he knows best, the mayor could not break 50 percent.", &[]),
            ("The mayor couldn't break 50 percent.", &[]),
        ]);
    }

    #[test]
    fn an_estimate_with_its_estimator_in_the_sentence_is_sourced() {
        check(&[
            ("The act gave homes to what campaigners estimated were more than 100,000 tenants.", &[]),
            ("Harbour analysts predicted 5% growth in ferry trips.", &[]),
            ("Losses estimated at $5m were blamed on the storm.", &[("$5m", false)]),
            ("An estimated 4,000 riders use the ferry.", &[("4,000", false)]),
            ("The club has an estimated 4,000 members.", &[("4,000", false)]),
        ]);
    }

    #[test]
    fn thresholds_and_limits_are_of_record() {
        check(&[
            ("The mayor will fall short of the 1,200 votes needed to win.", &[]),
            ("The fund could pay out up to a cap of £90,000.", &[]),
            ("The fund could pay out up to £90,000.", &[("£90,000", true)]),
            ("It is estimated that £500,000 is needed to buy the pier.", &[("£500,000", false)]),
        ]);
    }

    #[test]
    fn one_sentence_gives_one_figure_finding_the_strongest() {
        check(&[
            ("They could represent 30% of the 2,400 seats up for election.", &[("30%", true)]),
            ("Fares will rise 5% and an estimated 4,000 riders could switch.", &[("4,000", false)]),
            ("Fares will rise 5%. An estimated 4,000 riders could switch.", &[("5%", true), ("4,000", false)]),
        ]);
    }
}
