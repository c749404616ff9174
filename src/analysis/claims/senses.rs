//! Doubt, hedge and weasel phrases whose words mean something else in their sentence: a ghost
//! that "appeared to Anna" (a sighting, not a doubt), a pier that "may have a café" (what it can
//! hold, not a guess about the past), "it is possible to walk there" (what can be done), the "heir
//! apparent" (a title), "the story goes back to" and "in a growing number of cities" (nobody
//! holds a view). Found on the wiki-weasel training rows, where each was flagged on
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

/// The forms of "appear" that are a doubt word only as a linking verb ("voters appear
/// fatigued"), not as showing up ("appeared in court").
const APPEAR: &[&str] = &["appear", "appears", "appeared"];

/// Words after "appeared" that place or time an appearance ("appeared online", "appeared twice"),
/// or end its clause ("appeared and waved"): showing up, not seeming.
const SHOWING_UP: &[&str] = &[
    "here", "there", "online", "onstage", "offstage", "onscreen", "live", "together", "nowhere", "everywhere", "below", "above",
    "alongside", "along", "near", "home", "outside", "inside", "overseas", "abroad", "anywhere", "somewhere", "elsewhere",
    "forward", "twice", "unannounced", "opposite", "and", "or", "but", "when", "where", "while", "until", "since", "because",
    "if", "so", "nightly", "weekly", "daily",
];

/// Words in "-ing" that describe, as "willing" does ("appeared willing to"); any other ("appeared
/// wearing a hat", "appear depending on rainfall") tells what happened when someone showed up.
const ING_ADJECTIVES: &[&str] = &["willing", "unwilling", "promising", "convincing", "unconvincing", "interesting", "surprising", "confusing", "lacking", "missing", "wanting"];

/// Words in "-ly" that are no adverb: "appeared unlikely to", "appears costly".
const LY_ADJECTIVES: &[&str] = &["likely", "unlikely", "friendly", "costly", "lonely", "ugly", "silly", "elderly", "lively", "deadly", "orderly", "unruly", "timely", "untimely", "holy"];

/// An adverb between a verb and what follows it: "appeared briefly on", "seem not to".
fn adverb_at(ctx: &Ctx, n: usize) -> bool {
    let doc = ctx.doc;
    let Some(t) = doc.tokens.get(n).filter(|t| t.kind == TokKind::Word) else { return false };
    let w = t.stem(doc.text);
    t.has(flag::ADVERB) || (w.len() > 4 && w.ends_with("ly") && !word_in(doc, n, LY_ADJECTIVES))
}

/// "appear", "appears" or "appeared" at `k` as showing up ("appeared in court", "appeared on
/// television", "appeared before the committee", "appeared twice", "he appeared."): what comes
/// next, past adverbs, is a preposition (not "as if", "as though", "like"), an article, a number,
/// a name or a day, a word that places or times it, or the end of the clause. Anything else
/// ("appear fatigued", "appeared poised to") is how something looks to someone nobody names.
pub(super) fn showing_up(ctx: &Ctx, k: usize) -> bool {
    let doc = ctx.doc;
    if !word_in(doc, k, APPEAR) {
        return false;
    }
    let mut n = k + 1;
    while adverb_at(ctx, n) {
        n += 1;
    }
    let Some(t) = doc.tokens.get(n).filter(|t| t.kind == TokKind::Word) else { return true };
    if word_in(doc, n, &["as"]) && word_in(doc, n + 1, &["if", "though"]) || word_is(doc, n, "like") {
        return false;
    }
    // "appears more than any other act": how often, not how it looks.
    let count = word_in(doc, n, &["more", "less"]) && word_is(doc, n + 1, "than");
    let w = t.stem(doc.text);
    let doing = w.len() > 5 && w.ends_with("ing") && !word_in(doc, n, ING_ADJECTIVES);
    count || doing || t.cap || t.has(flag::PREP) || t.has(flag::DET) || t.has(flag::DET_NOUN) || t.has(flag::TIME) || t.has(flag::DAY_MONTH) || word_in(doc, n, SHOWING_UP)
}

/// Verbs before "to seem" / "to appear" that leave it how something looks ("began to seem
/// outdated"), not what someone aims at ("tried to appear calm").
const STILL_LOOKS: &[&str] = &[
    "begin", "begins", "began", "begun", "beginning", "start", "starts", "started", "starting", "come", "comes", "came", "coming",
    "continue", "continues", "continued", "continuing", "tend", "tends", "tended", "grow", "grows", "grew", "seem", "seems", "seemed",
];

/// A form of "seem" or "appear" at `k` that is not how something looks to a perceiver nobody
/// names: the writer ("I seem to recall", "we appear to agree"), someone's aim ("an attempt to
/// appear more presidential", "tried not to seem rattled") or what something makes it look ("can
/// make the pier appear longer").
pub(super) fn perceiver_named(ctx: &Ctx, k: usize) -> bool {
    let doc = ctx.doc;
    let family = ["seem", "seems", "seemed", "appear", "appears", "appeared", "appearing", "seeming"];
    if !word_in(doc, k, &family) {
        return false;
    }
    let mut p = k;
    while p > 0 && doc.tokens[p - 1].kind == TokKind::Word && (adverb_at(ctx, p - 1) || doc.tokens[p - 1].has(flag::AUX)) {
        p -= 1;
    }
    if p > 0 && word_in(doc, p - 1, &["I", "we"]) {
        return true;
    }
    // "to appear", "not to seem": p has walked back over "not", never over "to". "began to seem"
    // is still how it looks.
    let aim = p > 1 && word_is(doc, p - 1, "to") && !word_in(doc, p - 2, STILL_LOOKS);
    let made = word_in(doc, k, APPEAR) && (k.saturating_sub(3)..k).any(|i| word_in(doc, i, &["make", "makes", "made", "making"]));
    aim || made
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

/// "of course" before "after": a meal or a river course ("served course after course"), not
/// the writer's "of course".
pub(super) fn course_after_course(ctx: &Ctx, k: usize, len: usize) -> bool {
    let doc = ctx.doc;
    len == 2 && word_is(doc, k, "of") && word_is(doc, k + 1, "course") && word_is(doc, k + 2, "after")
}

/// A one-word doubt word at `k` in another sense: a title ("heir apparent"), showing up
/// ("appeared in court") or a perceiver named ("I seem to", "to appear calm").
pub(super) fn single_word_elsewhere(ctx: &Ctx, k: usize) -> bool {
    heir_apparent(ctx, k) || showing_up(ctx, k) || perceiver_named(ctx, k)
}

/// "apparent" after "heir": a title, not a doubt.
fn heir_apparent(ctx: &Ctx, k: usize) -> bool {
    k > 0 && word_in(ctx.doc, k, &["apparent"]) && word_in(ctx.doc, k - 1, &["heir", "heirs", "heiress"])
}

/// Words after "the story goes" or "the argument goes" that make "goes" a movement or an
/// extent ("the story goes back to a Greek myth", "the argument goes further"), not the idiom
/// that hides a teller ("the story goes that …", "…, or so the story goes").
const GOING: &[&str] = &["back", "on", "beyond", "further", "farther", "to", "into", "through", "as", "well", "wrong", "unreported", "untold", "viral"];

/// "the story goes back to …": no teller is hidden.
pub(super) fn story_going_somewhere(ctx: &Ctx, k: usize, len: usize) -> bool {
    let doc = ctx.doc;
    let last = k + len - 1;
    word_is(doc, last, "goes") && word_in(doc, last + 1, GOING)
}

/// "in a growing number of cities", "across an increasing number of stations": a count of
/// things after a preposition, not people who hold a view — unless a group of people
/// ("voters", "parents") or a name ("Britons") follows within three words, or the preposition
/// names a holder ("by", "according to"). "led to a growing number of convictions" is a count.
pub(super) fn number_of_things(ctx: &Ctx, k: usize, len: usize) -> bool {
    let doc = ctx.doc;
    let last = k + len - 1;
    if k == 0 {
        return false;
    }
    let holder_prep = word_in(doc, k - 1, &["by", "from", "among", "amongst"]) || (word_is(doc, k - 1, "to") && k > 1 && word_is(doc, k - 2, "according"));
    let object = doc.tokens[k - 1].has(flag::PREP) && !holder_prep;
    if !(object && word_is(doc, last, "of") && word_is(doc, last - 1, "number")) {
        return false;
    }
    let words: Vec<usize> = (last + 1..(last + 4).min(doc.tokens.len())).take_while(|&x| doc.tokens[x].kind == TokKind::Word).collect();
    !words.is_empty() && !words.iter().any(|&x| doc.tokens[x].has(flag::GROUP) || doc.tokens[x].cap)
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
            ("The hall served its guests plenty of course after course of fish.", "of course", false),
            ("The ferry will, of course, run on Sundays.", "of course", true),
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

    #[test]
    fn how_things_look_to_nobody_named_is_a_doubt_word() {
        // (sentence, the words expected as trigger; None: no doubt or hedge at all)
        let cases: &[(&str, Option<&str>)] = &[
            ("The donors appear to have ties to a shipping firm.", Some("appear to")),
            ("Ferry riders already appear fatigued by the delays.", Some("appear")),
            ("The harbour board appears ready to sell the pier.", Some("appears")),
            ("The council appeared poised to back the toll.", Some("appeared")),
            ("The mayor has appeared to accept the cuts.", Some("appeared to")),
            ("The vote appeared unlikely to settle the row.", Some("appeared")),
            ("The ferry firm does not appear ready to give way.", Some("appear")),
            ("The debate appeared as if it might run all night.", Some("appeared")),
            ("The rescue looked calm, the crew appearing to follow a drill.", Some("appearing to")),
            ("Riders, seeming to tire of the delays, took the bus.", Some("seeming to")),
            ("The plan seems doomed.", Some("seems")),
            ("The lifeboat crew went in, presumably with the owner's consent.", Some("presumably")),
            ("Waiting for the ferry began to seem a thing of the past.", Some("seem")),
            // Showing up, not seeming.
            ("The mayor appeared in court on Monday.", None),
            ("The harbour master appeared on television to explain the closure.", None),
            ("The treasurer appeared before the committee.", None),
            ("The skipper appeared briefly at the window.", None),
            ("The singer has appeared many times at the pier theatre.", None),
            ("The ghost appeared.", None),
            ("Ms Ode appeared alongside her husband at the launch.", None),
            ("The band appears more than any other act on the bill.", None),
            ("The mayor appeared Tuesday at the fair.", None),
            ("The skipper appeared wearing a borrowed coat.", None),
            ("Cracks can appear anywhere on the old pier.", None),
            // A perceiver named: the writer, someone's aim, what makes it look so.
            ("I seem to recall the pier was open.", None),
            ("We appear to agree on the tolls.", None),
            ("The mayor tried to appear calm.", None),
            ("The candidates made an effort not to seem rattled.", None),
            ("Dark paint can make the pier appear longer.", None),
            // Someone's words, not the writer's.
            ("Ann Ode said the donors appear to have ties to the firm.", None),
            ("\"The donors appear to have ties to the firm,\" Ms Ode said.", None),
            ("The donors appear to have ties to the firm, the harbour board said.", None),
            ("Ann Ode said the crew went in, presumably with the owner's consent.", None),
            ("\"They went in, presumably with consent,\" the skipper said.", None),
            // The main clause after a clause that reports someone is the writer's again.
            ("While Ann Ode said that the pier was safe, the council appears uneasy about it.", Some("appears")),
            ("Though aides insisted in June that the mayor would stay home, the campaign has appeared to accept his help.", Some("appeared to")),
        ];
        for &(text, want) in cases {
            let got = triggers(text);
            match want {
                Some(w) => assert!(got.iter().any(|t| t == w), "{text}: expected {w:?}, got {got:?}"),
                None => assert!(got.is_empty(), "{text}: expected nothing, got {got:?}"),
            }
        }
    }
}
