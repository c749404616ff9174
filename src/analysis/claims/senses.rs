//! Doubt and hedge phrases whose words mean something else in their sentence: a ghost that
//! "appeared to Anna" (a sighting, not a doubt), a pier that "may have a café" (what it can hold,
//! not a guess about the past), "it is possible to walk there" (what can be done), the "heir
//! apparent" (a title). Found on the wiki-weasel training rows, where each was flagged on
//! sentences that are not weasel, and checked against news copy, where an editor would not query
//! them either (docs/precision.md).

use super::Ctx;
use crate::analysis::cues::{word_in, word_is};
use crate::analysis::lexicon::{flag, Form};
use crate::analysis::text::TokKind;

/// Words after "appeared to" that make it a sighting ("appeared to the crowd", "appears to
/// him"), not a doubt ("appeared to be"): an object, not a verb.
const OBJECTS: &[&str] = &[
    "the", "a", "an", "him", "her", "them", "me", "us", "you", "his", "their", "its", "our", "my", "your", "this", "that",
    "these", "those", "many", "some", "fans", "people",
];

/// "appear to" / "appeared to" / "appears to" at `k` (the phrase's length `len`) followed by
/// someone it appeared to: a name or an object.
pub(super) fn appearance_to_someone(ctx: &Ctx, k: usize, len: usize) -> bool {
    let doc = ctx.doc;
    if len != 2 || !word_in(doc, k, &["appear", "appears", "appeared", "appearing"]) || !word_is(doc, k + 1, "to") {
        return false;
    }
    let n = k + 2;
    let Some(t) = doc.tokens.get(n).filter(|t| t.kind == TokKind::Word) else { return false };
    (t.cap && !word_in(doc, n, &["I"])) || word_in(doc, n, OBJECTS)
}

/// Irregular past participles the verb lexicon may not hold ("may have sunk", "might have led").
const IRREGULAR: &[&str] = &[
    "been", "done", "gone", "come", "become", "begun", "made", "had", "led", "put", "set", "let", "hit", "cut", "run", "won", "lost",
    "left", "met", "sent", "spent", "found", "built", "brought", "bought", "thought", "told", "said", "paid", "kept", "held", "heard",
    "felt", "taught", "caught", "fought", "sold", "struck", "shot", "sunk", "sank", "swum", "drunk", "hung", "stuck", "slept", "fled",
    "fed", "meant", "dealt", "got", "read", "seen", "known", "stung", "swung", "cost", "hurt", "spread", "shut", "quit", "burst",
];

/// "may have" / "might have" at `k` (length `len`) that is not a perfect: the
/// next word, past adverbs, is no past participle ("may have a jaggery filling", "might have
/// the tanks"). A guess about the past ("may have started", "might have also seen") is the hedge.
pub(super) fn modal_of_having(ctx: &Ctx, k: usize, len: usize) -> bool {
    let doc = ctx.doc;
    // "could have" in news is mostly a forecast ("could have big consequences"): left alone.
    if len != 2 || !word_in(doc, k, &["may", "might"]) || !word_is(doc, k + 1, "have") {
        return false;
    }
    let participle = |n: usize| {
        let Some(t) = doc.tokens.get(n).filter(|t| t.kind == TokKind::Word) else { return false };
        let w = t.stem(doc.text);
        let ends = |s: &str| w.len() > s.len() + 1 && w[w.len() - s.len()..].eq_ignore_ascii_case(s);
        t.entry().and_then(|e| e.verb).is_some_and(|(_, f)| matches!(f, Form::Past | Form::Participle))
            || word_in(doc, n, IRREGULAR)
            || ends("ed")
            || ends("en")
            || ends("wn")
    };
    // Past adverbs ("might have also known"); the adverb list holds "been" too, so a participle
    // is looked for first.
    let mut n = k + 2;
    let adverb = |t: &crate::analysis::text::Token| t.has(flag::ADVERB) || t.stem(doc.text).ends_with("ly");
    while !participle(n) && doc.tokens.get(n).is_some_and(|t| t.kind == TokKind::Word && adverb(t)) {
        n += 1;
    }
    // "may have to" is a forecast too; "may have “slipped”" is unclear: both stay hedges.
    let word = doc.tokens.get(n).is_some_and(|t| t.kind == TokKind::Word);
    word && !participle(n) && !word_is(doc, n, "to")
}

/// "it is possible to" before a verb: what can be done ("it is possible to walk to the pier"),
/// not a guess ("it is possible that the pier will close").
pub(super) fn possible_to_do(ctx: &Ctx, k: usize, len: usize) -> bool {
    let doc = ctx.doc;
    len >= 3 && word_in(doc, k + len - 1, &["possible"]) && word_is(doc, k + len, "to")
}

/// "apparent" after "heir": a title, not a doubt.
pub(super) fn heir_apparent(ctx: &Ctx, k: usize) -> bool {
    k > 0 && word_in(ctx.doc, k, &["apparent"]) && word_in(ctx.doc, k - 1, &["heir", "heirs", "heiress"])
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, Options};

    /// The doubt-word and hedge triggers of `text`.
    fn triggers(text: &str) -> Vec<String> {
        let a = analyze(text, &Options::default());
        a.claims
            .iter()
            .filter(|c| matches!(c.kind.as_str(), "doubt-word" | "hedge"))
            .map(|c| c.trigger.text(text).to_string())
            .collect()
    }

    #[test]
    fn words_in_another_sense_are_no_doubt_and_no_hedge() {
        // (sentence, the phrase, flagged?)
        let cases: &[(&str, &str, bool)] = &[
            ("The ghost appeared to Anna in the old hall.", "appeared to", false),
            ("The saint is said to have appeared to the villagers at dawn.", "appeared to", false),
            ("Years later the figure appears to him again in a dream.", "appears to", false),
            ("The ferry appeared to slow down near the pier.", "appeared to", true),
            ("The council appears to have misjudged the mood.", "appears to", true),
            ("The new pier may have a café and a cinema.", "may have", false),
            ("Some flats might have the view the brochure promised.", "might have", false),
            ("Older boats could have a big impact on the harbour.", "could have", true),
            ("The council may have to cut the ferry service.", "may have", true),
            ("The row may have cost the mayor her seat.", "may have", true),
            ("The fire may have started in the kitchen.", "may have", true),
            ("The mayor might have also known about the cracks.", "might have", true),
            ("The mood may have quickly soured after the vote.", "may have", true),
            ("The pier could have been saved with more money.", "could have", true),
            ("The old fort may have been a customs post.", "may have", true),
            ("The ferry may have sunk in the storm.", "may have", true),
            ("It is possible to walk to the pier at low tide.", "it is possible", false),
            ("It is possible that the pier will close.", "it is possible", true),
            ("The prince is heir apparent to the throne.", "apparent", false),
            ("Dunmere's apparent calm hid a bitter row.", "apparent", true),
        ];
        for &(text, phrase, flagged) in cases {
            let got = triggers(text);
            assert_eq!(got.iter().any(|t| t.eq_ignore_ascii_case(phrase)), flagged, "{text}: {phrase} flagged={flagged}, got {got:?}");
        }
    }
}
