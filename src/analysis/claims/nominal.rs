//! Views with no holder, named by a noun ([`flag::VIEW_NOUN`]): "amid concerns that the pier is
//! unsafe", "the mayor has faced questions about the contract", "there is growing speculation
//! that …". Whose concerns, whose questions? Often the reporter's own framing of a row the story
//! goes on to source, so these are always hints.

use super::Ctx;
use crate::analysis::cues::{is, word_in, word_is};
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
/// trigger (from its governor to the word after the noun).
pub(super) fn unheld(ctx: &Ctx, si: usize, k: usize) -> Option<(usize, usize)> {
    let doc = ctx.doc;
    let (s0, s1) = (ctx.sentences[si].tokens.start, ctx.sentences[si].tokens.end);
    let about = word_in(doc, k + 1, ABOUT);
    let mut start = None;
    for x in (s0..k).rev().take(4) {
        if doc.tokens[x].kind != TokKind::Word {
            break;
        }
        if word_in(doc, x, POSSESSIVE) || possessive(ctx, x) {
            return None;
        }
        let there = word_is(doc, x, "there") && (is(doc, x + 1, flag::BE) || (is(doc, x + 1, flag::AUX) && is(doc, x + 2, flag::BE)));
        // "has faced ridicule", "amid fears": the governor alone makes it a view in the air.
        let alone = word_in(doc, x, FACED);
        if (about && (there || word_in(doc, x, GOVERNOR) || (word_in(doc, x, AFTER_EVENT) && word_in(doc, k, REPORTED)))) || alone {
            start = Some(x);
            break;
        }
    }
    let (start, end) = match start {
        Some(x) => (x, if about { k + 2 } else { k + 1 }),
        None => (k, growing(ctx, k, s0, s1)?),
    };
    let held = (end..s1).take(10).take_while(|&x| doc.tokens[x].kind == TokKind::Word).any(|x| word_in(doc, x, HOLDER_AFTER));
    (!held && end <= s1 && (start..end).all(|x| ctx.free(x))).then_some((start, end))
}

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
    let mut x = k + 1;
    while x < s1 && x < k + 3 && is(doc, x, flag::BE | flag::AUX) {
        x += 1;
    }
    // With no auxiliary, "fears" or "reports" may be the verb ("the firm reports growing sales"):
    // then the noun must open its clause.
    let opens = k == s0 || doc.tokens[k - 1].kind != TokKind::Word || is(doc, k - 1, flag::DET) || word_in(doc, k - 1, &["and", "but", "as", "while"]);
    let arose = word_in(doc, x, AROSE) && word_in(doc, x + 1, ABOUT);
    let grows = x < s1 && (x > k + 1 || opens) && (word_in(doc, x, GROWTH) || arose);
    grows.then(|| if word_in(doc, x + 1, ABOUT) { x + 2 } else { x + 1 })
}

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
            ("The slump has sparked fears that jobs will go.", None),
            ("The mayor dismissed the skippers' allegations that the fees were lost.", None),
        ]);
    }
}
