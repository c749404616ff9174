//! Views with no holder, named by a noun ([`flag::VIEW_NOUN`]): "amid concerns that the pier is
//! unsafe", "the mayor has faced questions about the contract", "there is growing speculation
//! that …", "the film drew criticism", "the remarks raised questions about", "came under
//! scrutiny", "concerns were also raised that". Whose concerns, whose questions? Often the
//! reporter's own framing of a row the story goes on to source, so these are always hints (40
//! judged on news copy: 32 worth a query, docs/precision.md).

use super::{passives, Ctx};
use crate::analysis::cues::{is, ly_adverb, word_in, word_is};
use crate::analysis::lexicon::flag;
use crate::analysis::text::TokKind;

/// Words just before the noun that make it a view in the air rather than a holder's: the target
/// "faces" it, the story moves "amid" it, it is "growing".
const GOVERNOR: &[&str] = &[
    "faced", "face", "faces", "facing", "amid", "amidst", "despite", "growing", "mounting", "rising", "widespread", "renewed",
    "fresh", "intense", "increasing", "persistent", "lingering",
];

/// Governors that only put a report or a rumour in the air: "following reports that …" (after
/// "following an agreement" the agreement is an event of record).
const AFTER_EVENT: &[&str] = &["following", "after"];
const REPORTED: &[&str] = &["report", "reports", "rumor", "rumors", "rumour", "rumours", "allegation", "allegations", "speculation", "talk"];

/// What the view is about, right after the noun: "concerns about", "questions over", "fears that".
const ABOUT: &[&str] = &["about", "over", "that", "of", "regarding", "surrounding", "around"];

/// Words after the noun that name its holder: "concerns about the toll among traders", "criticism
/// of the plan by unions".
const HOLDER_AFTER: &[&str] = &["among", "by", "from", "within", "inside"];

/// Determiners that name the holder before the noun: "their concerns", "his doubts".
const POSSESSIVE: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// A view named by the noun at `k` of sentence `si` with no holder: the token range of the
/// trigger (from its governor to the word after the noun). The steps, in order: a governor
/// before the noun ([`governor`]: "amid concerns that", "drew criticism", "came under
/// scrutiny"), a passive that puts the view ([`put`]: "concerns were raised"), a verb by which it
/// spreads ([`growing`]: "fears are growing").
pub(super) fn unheld(ctx: &Ctx, si: usize, k: usize) -> Option<(usize, usize)> {
    let doc = ctx.doc;
    let (s0, s1) = (ctx.sentences[si].tokens.start, ctx.sentences[si].tokens.end);
    let about = word_in(doc, k + 1, ABOUT);
    // "fire" is a view only right after "under" ("came under fire"), never anywhere else.
    let gov = if word_in(doc, k, UNDER_ONLY) { if k > s0 && under(ctx, k - 1, k) { Before::Governor(k - 1) } else { return None } } else { governor(ctx, k, s0, about) };
    let (start, end) = match gov {
        Before::Owned => return None,
        Before::Governor(x) => (x, if about { k + 2 } else { k + 1 }),
        Before::None => match put(ctx, k, s0, s1) {
            Some(end) => (k, end),
            None => (k, growing(ctx, k, s0, s1)?),
        },
    };
    // "came under scrutiny": the verb belongs to the trigger.
    let start = if start > s0 && word_is(doc, start, "under") && word_in(doc, start - 1, &["come", "came", "comes", "coming"]) { start - 1 } else { start };
    let held = (end..s1).take(10).take_while(|&x| doc.tokens[x].kind == TokKind::Word).any(|x| word_in(doc, x, HOLDER_AFTER));
    (!held && end <= s1 && (start..end).all(|x| ctx.free(x))).then_some((start, end))
}

/// What stands before a view noun, within four words.
enum Before {
    /// A possessive names its holder: "their concerns", "the union's questions".
    Owned,
    /// The word that puts the view in the air, at this token.
    Governor(usize),
    None,
}

/// The governor before the view noun at `k`, within four words; `about`: "about", "that" … follow
/// the noun.
fn governor(ctx: &Ctx, k: usize, s0: usize, about: bool) -> Before {
    let doc = ctx.doc;
    for x in (s0..k).rev().take(4) {
        if doc.tokens[x].kind != TokKind::Word {
            break;
        }
        // "anyone who had suspicions about": the view is in a clause of its own.
        if word_in(doc, x, &["who", "whom", "which"]) {
            break;
        }
        // "their concerns", "the union's questions": a holder.
        if word_in(doc, x, POSSESSIVE) || possessive(ctx, x) {
            return Before::Owned;
        }
        let there = word_is(doc, x, "there") && (is(doc, x + 1, flag::BE) || (is(doc, x + 1, flag::AUX) && is(doc, x + 2, flag::BE)));
        // "has faced ridicule", "amid fears": the governor alone makes it a view in the air.
        let alone = word_in(doc, x, FACED) || stirred(ctx, x, k) || under(ctx, x, k) || raised(ctx, x, k, s0);
        if (about && (there || word_in(doc, x, GOVERNOR) || (word_in(doc, x, AFTER_EVENT) && word_in(doc, k, REPORTED)))) || alone {
            // "faces further Senate scrutiny", "amid growing EU concerns": a name between the
            // governor and the noun holds the view.
            return if (x + 1..k).any(|y| doc.tokens[y].cap) { Before::Owned } else { Before::Governor(x) };
        }
        // "draw a line under speculation": a preposition other than "of" ("a wave of criticism")
        // ends the noun phrase.
        if is(doc, x, flag::PREP) && !word_is(doc, x, "of") {
            break;
        }
    }
    Before::None
}

/// Verbs by which a story, not a person, stirs a view ("the film drew criticism", "the move
/// fuelled speculation that …", "the mayor has endured criticism", "is receiving criticism for",
/// "leaving doubts about"): whoever is the subject, the view is someone else's, and nobody is
/// named.
const STIRRED: &[&str] = &[
    "drew", "draw", "draws", "drawn", "drawing", "attracted", "attract", "attracts", "attracting", "endured", "endure", "endures",
    "enduring", "weathered", "sparked", "spark", "sparks", "sparking", "prompted", "prompt", "prompts", "prompting", "fuelled",
    "fueled", "fuel", "fuels", "fuelling", "fueling", "stoked", "stoke", "stokes", "stoking", "fanned", "fanning", "triggered",
    "trigger", "triggers", "triggering", "provoked", "provoke", "provokes", "provoking", "drove", "driven", "drive", "drives",
    "driving", "invited", "invite", "invites", "inviting", "reignited", "reignite", "reignites", "garnered", "garner", "garners",
    "garnering", "received", "receive", "receives", "receiving", "leaving", "leaves", "left",
];

/// "the film drew criticism": a verb of [`STIRRED`] at `x` before the view noun at `k`. "left
/// little doubt that", "drew no criticism": there is none.
fn stirred(ctx: &Ctx, x: usize, k: usize) -> bool {
    let doc = ctx.doc;
    word_in(doc, x, STIRRED) && !word_in(doc, k, NOT_STIRRED) && !(x + 1..k).any(|y| word_in(doc, y, &["little", "no"]))
}

/// View nouns a stirring verb does not make a view: "prompted a report", "triggered an agreement",
/// "prompted a formal complaint" (one is filed by someone; "drew complaints" is a view).
const NOT_STIRRED: &[&str] = &["complaint", "report", "reports", "agreement", "consensus", "talk", "belief", "expectation", "expectations"];

/// Nouns that are a view only under "under": "came under fire" (not "the fire grew").
const UNDER_ONLY: &[&str] = &["fire"];

/// "under scrutiny", "under intense scrutiny", "came under fire for …": the view noun at `k`
/// after "under" at `x`. "fire" must follow "under" at once and end the phrase or take a reason
/// ("under fire over the toll"): "came under heavy fire near the border" is gunfire.
fn under(ctx: &Ctx, x: usize, k: usize) -> bool {
    let doc = ctx.doc;
    if !word_is(doc, x, "under") {
        return false;
    }
    if word_in(doc, k, UNDER_ONLY) {
        let next = doc.tokens.get(k + 1).is_none_or(|t| t.kind != TokKind::Word);
        return x + 1 == k && (next || word_in(doc, k + 1, &["for", "over", "after", "since", "amid", "about"]));
    }
    // "under less scrutiny" says there is little of it.
    word_in(doc, k, &["scrutiny", "criticism"]) && !(x + 1..k).any(|y| word_in(doc, y, &["less", "little", "no"]))
}

/// "the remarks raised questions about …", "…, raising fears that …": a view raised by a thing
/// or an event. When a person or a group raises it ("traders raised concerns"), they hold it.
fn raised(ctx: &Ctx, x: usize, k: usize, s0: usize) -> bool {
    let doc = ctx.doc;
    if !word_in(doc, x, &["raise", "raised", "raises", "raising"]) || !word_in(doc, k, RAISED_VIEWS) {
        return false;
    }
    // The subject: the word before the verb and its auxiliaries and adverbs.
    let mut v = x;
    while v > s0 && (is(doc, v - 1, flag::AUX | flag::BE) || word_in(doc, v - 1, ADVERBS) || ly_adverb(doc, v - 1)) {
        v -= 1;
    }
    if v == s0 || doc.tokens[v - 1].kind != TokKind::Word {
        // "…, raising fears that": the clause before raises it.
        return word_is(doc, x, "raising");
    }
    let w = v - 1;
    let person = flag::PRONOUN | flag::GROUP | flag::GROUP_WEASEL | flag::GROUP_MAYBE | flag::TITLE | flag::COLLECTIVE | flag::ORG_HEAD | flag::ORG_SUFFIX | flag::MEDIA | flag::FIRST_NAME | flag::HONORIFIC;
    // "it", "which", and the speech events and papers that carry a view ("the remarks", "the documents").
    let thing = word_in(doc, w, &["it", "this", "that", "which"]) || is(doc, w, flag::ATTR_NOUN);
    thing || !(is(doc, w, person | flag::FUNCTION) || doc.tokens[w].cap || word_in(doc, w, &["who", "i", "we", "you"]))
}

/// Views a thing can raise.
const RAISED_VIEWS: &[&str] = &["question", "questions", "concern", "concerns", "fears", "doubts", "suspicion", "suspicions", "speculation"];

/// Adverbs between a subject and its verb ("has also raised", "are already raising").
const ADVERBS: &[&str] = &["also", "again", "already", "now", "since", "further", "even", "immediately", "only"];

/// A passive that puts the view at `k` with nobody named: "concerns were raised that …",
/// "concerns have also been raised over …", "the question has had to be asked". Returns the end
/// of the trigger. A "by" after the participle names who put it.
fn put(ctx: &Ctx, k: usize, s0: usize, s1: usize) -> Option<usize> {
    let doc = ctx.doc;
    // A finite verb first: "the question to be asked in the referendum" is the ballot's.
    if !is(doc, k + 1, flag::AUX | flag::BE) {
        return None;
    }
    let mut x = k + 1;
    let mut be = false;
    while x < s1 && x < k + 6 && (is(doc, x, flag::AUX | flag::BE) || word_in(doc, x, ADVERBS) || word_is(doc, x, "to")) {
        be |= is(doc, x, flag::BE);
        x += 1;
    }
    let opens = k == s0 || doc.tokens[k - 1].kind != TokKind::Word || is(doc, k - 1, flag::DET) || word_in(doc, k - 1, CLAUSE_OPENERS) || word_in(doc, k - 1, OPENERS);
    if !(be && opens && word_in(doc, x, PUT)) || passives::agent_after(ctx, x, s1) == passives::Agent::Own {
        return None;
    }
    Some(if word_in(doc, x + 1, ABOUT) { x + 2 } else { x + 1 })
}

/// Participles that put a view: "concerns were voiced", "questions are being asked".
const PUT: &[&str] = &["raised", "voiced", "expressed", "aired", "asked", "posed", "levelled", "leveled"];

/// Words after which a view noun opens a passive clause: conjunctions, and adjectives ("serious
/// concerns were raised").
const OPENERS: &[&str] = &["serious", "new", "fresh", "further", "more", "similar", "other"];

/// Governors that need no "about" after the noun: "the clip has faced ridicule online", "amid
/// fears of a strike" and "amid fears" alike.
const FACED: &[&str] = &["faced", "face", "faces", "facing", "amid", "amidst"];

/// Verbs by which a view spreads with nobody holding it: "speculation is mounting", "fears have
/// grown that", "rumours swirled".
const GROWTH: &[&str] = &[
    "mounting", "mounted", "growing", "grown", "grew", "grows", "swirled", "swirling", "swirl", "circulating", "circulated", "persist",
    "persisted", "lingered", "lingering", "remain", "remains", "remained",
];

/// Verbs by which a view comes up, only with what it is about after them: "questions arose
/// about", "concerns have emerged that" ("the ballot question has emerged as the main issue" is
/// no view).
const AROSE: &[&str] = &["arose", "arisen", "emerged", "surfaced"];

/// The noun at `k` is the subject of a verb of growth ([`GROWTH`]), with at most two auxiliaries
/// between and no determiner or possessive before it that names a holder: the end of the trigger.
fn growing(ctx: &Ctx, k: usize, s0: usize, s1: usize) -> Option<usize> {
    let doc = ctx.doc;
    if k > s0 && (word_in(doc, k - 1, POSSESSIVE) || possessive(ctx, k - 1)) {
        return None;
    }
    // "one question that has emerged is whether …": a relative clause.
    let relative = word_in(doc, k + 1, &["that", "which"]);
    let mut x = k + 1 + usize::from(relative);
    while x < s1 && x < k + 3 + usize::from(relative) && is(doc, x, flag::BE | flag::AUX) {
        x += 1;
    }
    // With no auxiliary, "fears" or "reports" may be the verb ("the firm reports growing sales"):
    // then the noun must open its clause.
    let opens = k == s0 || doc.tokens[k - 1].kind != TokKind::Word || is(doc, k - 1, flag::DET) || word_in(doc, k - 1, CLAUSE_OPENERS);
    let arose = word_in(doc, x, AROSE) && (word_in(doc, x + 1, ABOUT) || (relative && is(doc, x + 1, flag::BE) && word_in(doc, x + 2, WH)));
    let grows = x < s1 && (x > k + 1 || opens) && (word_in(doc, x, GROWTH) || arose);
    grows.then(|| if word_in(doc, x + 1, ABOUT) { x + 2 } else { x + 1 })
}

/// Conjunctions after which a noun opens its clause: "after questions arose about …".
const CLAUSE_OPENERS: &[&str] = &["and", "but", "as", "while", "after", "when", "once", "until", "since", "because", "before"];

/// What a question is, after "is": "the question that has emerged is whether …".
const WH: &[&str] = &["whether", "how", "why", "what", "who", "if"];

/// Token `x` is a possessive, singular or plural, with either apostrophe ("the union's concerns",
/// "the traders’ fears").
fn possessive(ctx: &Ctx, x: usize) -> bool {
    let w = ctx.doc.tokens[x].text(ctx.doc.text);
    ["'s", "’s", "s'", "s’"].iter().any(|end| w.ends_with(end))
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, Options};

    /// Each case: text, the trigger expected (None: no such claim). All are hints.
    fn check(cases: &[(&str, Option<&str>)]) {
        for &(text, trigger) in cases {
            let a = analyze(text, &Options::default());
            let got: Vec<(String, bool)> = a.claims.iter().filter(|c| c.kind.as_str() == "weasel-attribution").map(|c| (c.trigger.text(text).to_string(), c.weak)).collect();
            match trigger {
                None => assert!(got.is_empty(), "{text}: expected no weasel attribution, got {got:?}"),
                Some(t) => assert!(got.contains(&(t.to_string(), true)), "{text}: expected the hint {t:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn views_in_the_air_are_hints() {
        check(&[
            ("The harbour master has faced questions about the contract.", Some("faced questions about")),
            ("The pier closed amid concerns that its piles were rotten.", Some("amid concerns that")),
            ("There is growing speculation that the ferry will be sold.", Some("growing speculation that")),
            ("There have been complaints about the noise.", Some("There have been complaints about")),
            ("There was little agreement over the new timetable.", Some("There was little agreement over")),
            ("The toll rose again despite mounting criticism of the board.", Some("mounting criticism of")),
            ("Following reports of a fire, the pier was cleared.", Some("Following reports of")),
            ("The advert has faced ridicule online since Tuesday.", Some("faced ridicule")),
            ("Talk had been mounting about a rival bid for the pier.", Some("Talk had been mounting about")),
            ("Fears are growing that the ferry will be sold.", Some("Fears are growing that")),
            ("The mayor faces a hard race, and talk is growing of a rival.", Some("talk is growing of")),
            ("Doubts remain over the cost of the new pier.", Some("Doubts remain over")),
            ("Questions arose about the skipper's licence.", Some("Questions arose about")),
            ("The ferry ran late after questions arose about the skipper's licence.", Some("questions arose about")),
        ]);
    }

    #[test]
    fn views_stirred_by_a_thing_are_hints() {
        check(&[
            ("The slump has sparked fears that jobs will go.", Some("sparked fears that")),
            ("The toll sparked concerns about trade.", Some("sparked concerns about")),
            ("The closure prompted fears that the ferry would stop.", Some("prompted fears that")),
            ("The mural has drawn criticism for its colours.", Some("drawn criticism")),
            ("The advert attracted criticism for its claims.", Some("attracted criticism")),
            ("The harbour master has endured criticism for the delays.", Some("endured criticism")),
            ("The sale drove speculation that the mayor would stand again.", Some("drove speculation that")),
            ("The new fees fuelled speculation about a rival ferry.", Some("fuelled speculation about")),
            ("The skipper can't buy a rope without attracting a wave of criticism.", Some("attracting a wave of criticism")),
            ("The fees draw scrutiny.", Some("draw scrutiny")),
            ("Both firms garnered considerable scrutiny for their fees.", Some("garnered considerable scrutiny")),
            ("The harbour master is already receiving criticism for the delays.", Some("receiving criticism")),
            ("The statement was vague, leaving doubts about how the toll would work.", Some("leaving doubts about")),
        ]);
    }

    #[test]
    fn views_raised_by_a_thing_are_hints_and_by_people_are_not() {
        check(&[
            ("The remarks raised questions about the deal.", Some("raised questions about")),
            ("The papers raised new questions about whether the fund paid the board.", Some("raised new questions about")),
            ("It immediately raised doubts about the timetable.", Some("raised doubts about")),
            ("The skippers plan to strike, raising fears that the island will be cut off.", Some("raising fears that")),
            ("The vote has also raised concerns that the fees will rise.", Some("raised concerns that")),
            ("Traders raised concerns about the toll.", None),
            ("He raised doubts about the timetable.", None),
            ("Ann Ode raised questions about the contract.", None),
            ("Analysts have raised concerns that the fees will rise.", None),
            ("The mayor's remarks raised questions among donors.", None),
            ("The remarks raised questions among donors.", None),
            ("Reporters who raise questions about the toll are ignored.", None),
        ]);
    }

    #[test]
    fn views_under_scrutiny_or_fire_are_hints() {
        check(&[
            ("His work has come under scrutiny.", Some("come under scrutiny")),
            ("The pier is under intense scrutiny.", Some("under intense scrutiny")),
            ("The ferry firm came under fire for the fares.", Some("came under fire")),
            ("The ferry firm has come under fire over the fares.", Some("come under fire over")),
            ("The board came under criticism after the crash.", Some("came under criticism")),
            ("The harbour board is under scrutiny from regulators.", None),
            ("The ferry firm came under fire from the unions.", None),
            ("The patrol boat came under fire near the reef.", None),
            ("The patrol boat came under heavy fire.", None),
            ("The fire grew quickly.", None),
            ("Fire remained a risk on the pier.", None),
        ]);
    }

    #[test]
    fn views_put_in_the_passive_are_hints() {
        check(&[
            ("Concerns have also been raised over the plan.", Some("Concerns have also been raised over")),
            ("Concerns were raised that the pier was unsafe.", Some("Concerns were raised that")),
            ("Serious doubts were voiced about the timetable.", Some("doubts were voiced about")),
            ("The question has had to be asked whether the pier is safe.", Some("question has had to be asked")),
            ("One question that has emerged is whether the pier is safe.", Some("question that has emerged")),
            ("It is the first time in Harbour history that the question has had to be asked.", Some("question has had to be asked")),
            ("Concerns were raised by traders over the plan.", None),
            ("The question was asked by a reporter.", None),
            ("The skipper's questions were answered.", None),
            ("Ann Ode said concerns were raised that the pier was unsafe.", None),
            ("The question that emerged from the meeting was settled.", None),
        ]);
    }

    #[test]
    fn questions_put_by_someone_named_or_denied_allegations_are_not() {
        check(&[
            ("The mayor took questions about the toll.", None),
            ("The mayor answered questions about the toll.", None),
            ("The mayor denied allegations that she took money.", None),
            ("The mural drew criticism from the unions.", None),
            ("The mayor's plan drew their criticism.", None),
            ("The skipper faced the traders' questions about the fees.", None),
            ("The toll drew the mayor's criticism.", None),
            ("The fees face further Senate scrutiny on Monday.", None),
            ("The pier closed amid growing EU concerns about its piles.", None),
            ("The firm invited anyone who had suspicions about the fees to call.", None),
            ("The mayor tried to draw a line under speculation over the ferry.", None),
            ("The rise prompted a formal complaint to the harbour board.", None),
            ("The survey left little doubt that the pier was sinking.", None),
            ("The new timetable drew no criticism.", None),
            ("The question to be asked in the ballot was published.", None),
            ("The skipper is now under less scrutiny.", None),
        ]);
    }

    #[test]
    fn views_with_a_holder_or_no_view_are_not() {
        check(&[
            ("Traders raised concerns about the toll.", None),
            ("The mayor shared their concerns about the toll.", None),
            ("The board faced the union's questions about pay.", None),
            ("The pier closed amid concerns about its piles among engineers.", None),
            ("The mayor faced criticism from traders over the toll.", None),
            ("Following an agreement that ended the strike, ferries ran again.", None),
            ("Ann Ode said the pier closed amid concerns that its piles were rotten.", None),
            ("Officials there have concerns about the pier.", None),
            ("Their fears grew as the tide rose.", None),
            ("The traders' fears are growing that the toll will rise.", None),
            ("The traders’ fears are growing that the toll will rise.", None),
            ("The ferry firm reports growing sales.", None),
            ("The concerns raised at the meeting were answered.", None),
            ("The ballot question has emerged as the main issue.", None),
            ("The pier closed amid the skippers’ concerns about its piles.", None),
            ("Some firms stay away because of fears about security.", None),
            ("The mayor dismissed the skippers' allegations that the fees were lost.", None),
        ]);
    }
}
