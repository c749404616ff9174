//! Does reported content read as a clause ("said sales rose", "denied he had lied") or as a noun
//! phrase ("added three goals", "denied the charges", "announced plans to cut jobs")? Only a
//! clause is reported speech (docs/quotes.md). With no tagger, [`reads_as_clause`] looks for a
//! finite verb of the content's own clause: an auxiliary ("had", "would", "didn't", "it's"), a
//! past or present form the lexicon knows ("rose", "means"; `common_verbs.tsv`, `verbs.tsv`), a
//! regular past ("jumped"), a base form after "they", "we", "I", "you", or an -s form after
//! "he", "she", "it" — each only where a verb can stand ([`verb_can_stand`]). The verb of a
//! relative clause ("reports that he had left", "the man who won") does not count, nor one after
//! a subordinator ("…, before he was given"), inside a dash aside, or after "and" before any
//! verb of the content ("pleaded guilty to fraud and was jailed": the cue's own second verb).

use super::scan::dash_at;
use super::Ctx;
use crate::analysis::cues::{is, is_headline, ly_adverb, punct_is, word_in, word_is};
use crate::analysis::lexicon::flag;
use crate::analysis::text::TokKind;

/// How far into the content the test looks: a main verb comes early in a news clause.
const LOOK: usize = 40;

/// Words that open a relative or complement clause after a noun: the next verb is theirs.
const RELATIVE: &[&str] = &["that", "which", "who", "whom", "whose"];
/// Words that open an adverbial clause: a verb after them is not the content's own.
const SUBORDINATORS: &[&str] = &["because", "when", "after", "before", "while", "until", "although", "unless", "since"];
/// Past forms in -ed that are adjectives or nouns ("a naked eye", "one hundred").
const NOT_PAST: &[&str] = &["hundred", "sacred", "naked", "wicked", "wretched", "rugged", "ragged", "kindred", "crooked", "beloved", "embed", "breed", "speed", "greed", "need", "seed", "feed", "deed", "shed"];

/// Does content `a..end` (tokens of the sentence in `c`) hold a finite verb of its own clause?
pub(super) fn reads_as_clause(c: &Ctx, a: usize, end: usize) -> bool {
    clause_from(c, a, a, end)
}

/// [`reads_as_clause`] for the part of a clause after an inserted cue, whose first word may be
/// its verb: "The museum, Kane said, *celebrated* its heroes."
pub(super) fn continues_clause(c: &Ctx, a: usize, end: usize) -> bool {
    clause_from(c, a.saturating_sub(1).max(c.s0), a, end)
}

/// The clause test over `a..end`, where a verb may stand from the word after `subject` on.
fn clause_from(c: &Ctx, subject: usize, a: usize, end: usize) -> bool {
    let doc = c.doc;
    let end = end.min(a + LOOK).min(c.s1);
    // A headline in title case capitalises its verbs ("Mayor Says Pier Will Reopen"); worked out
    // only when a capitalised word comes up.
    let mut headline = None;
    // After "that"/"which"/"who", the next verb group belongs to the relative clause.
    let mut relative = false;
    // The previous word was a finite verb: "had been", "would not have" are one group.
    let mut in_group = false;
    let mut aside = false;
    for k in a..end {
        let t = &doc.tokens[k];
        if k > a && (dash_at(doc, k) || punct_is(t, doc.text, b'-')) {
            // A dash pair sets off an aside; a lone dash ends the clause.
            if !aside && !(k + 1..end).any(|x| dash_at(doc, x) || punct_is(&doc.tokens[x], doc.text, b'-')) {
                return false;
            }
            aside = !aside;
            continue;
        }
        if aside || t.kind != TokKind::Word {
            continue;
        }
        if k > a + 1 && word_in(doc, k, SUBORDINATORS) {
            return false;
        }
        if k > a && word_in(doc, k, RELATIVE) {
            (relative, in_group) = (true, false);
            continue;
        }
        // "pleaded guilty to fraud and was jailed": a second verb phrase of the cue's own clause;
        // the content had no verb of its own.
        // (Not an -s form: "shootings and protests" are nouns.)
        let w = t.text(doc.text);
        if k > a + 1 && word_in(doc, k - 1, &["and", "but", "or"]) && (auxiliary(c, k) || !t.cap && (t.has(flag::FINITE) && !w.ends_with('s') || regular_past(w))) {
            return false;
        }
        let name = t.cap && !(w.starts_with("I'") || w.starts_with("I’")) && !*headline.get_or_insert_with(|| is_headline(doc, c.s0..c.s1));
        if name || !finite_at(c, subject, k) {
            // "fathers who adopt would …": a word right after "who" that is no noun phrase is the
            // relative clause's verb, known or not.
            if relative && word_in(doc, k - 1, RELATIVE) && !t.cap && !is(doc, k, flag::DET | flag::PRONOUN | flag::PREP | flag::ADVERB) {
                relative = false;
            }
            in_group = in_group && (is(doc, k, flag::ADVERB) || word_in(doc, k, &["be", "been", "being"]));
            continue;
        }
        if in_group {
            continue;
        }
        in_group = true;
        if relative {
            relative = false;
            continue;
        }
        return true;
    }
    false
}

/// Is word `k` of content starting at `a` a finite verb? (A capitalised word outside a headline
/// is a name: the caller sets those apart.)
fn finite_at(c: &Ctx, a: usize, k: usize) -> bool {
    let doc = c.doc;
    let t = &doc.tokens[k];
    let w = t.text(doc.text);
    auxiliary(c, k)
        || verb_can_stand(c, a, k) && !participle(c, a, k) && (t.has(flag::FINITE) || regular_past(w))
        || t.has(flag::BASE_VERB) && plural_subject_before(c, a, k)
        || k > a && word_in(doc, k - 1, &["he", "she", "it"]) && w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss")
}

/// Is the -ed form at `k` a participle opening a phrase: after a comma (", helped by demand") or
/// before "by" ("a hoax perpetrated by …")?
fn participle(c: &Ctx, a: usize, k: usize) -> bool {
    let doc = c.doc;
    doc.tokens[k].text(doc.text).ends_with("ed") && (k > a + 1 && punct_is(&doc.tokens[k - 1], doc.text, b',') || word_is(doc, k + 1, "by"))
}

/// Does a plural subject stand before base form `k`, maybe past one adverb: "they want", "we
/// both need", "parents still want", "Democrats expect"?
fn plural_subject_before(c: &Ctx, a: usize, k: usize) -> bool {
    let doc = c.doc;
    let mut p = k;
    if p > a + 1 && (is(doc, p - 1, flag::ADVERB) || ly_adverb(doc, p - 1) || word_in(doc, p - 1, &["both", "all"])) {
        p -= 1;
    }
    if p <= a {
        return false;
    }
    let s = &doc.tokens[p - 1];
    let w = s.text(doc.text);
    word_in(doc, p - 1, &["they", "we", "i", "you"]) || s.kind == TokKind::Word && !s.possessive && w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss") && !is(doc, p - 1, flag::FUNCTION)
}

/// An auxiliary or modal that is finite ("was", "had", "would"; not "be" or "been"), not after
/// "to"; a contraction ("didn't", "it's", "they're").
fn auxiliary(c: &Ctx, k: usize) -> bool {
    let doc = c.doc;
    let t = &doc.tokens[k];
    let w = t.text(doc.text).as_bytes();
    let contraction = w.eq_ignore_ascii_case(b"cannot") || ["n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m", "'d", "’d"].iter().any(|e| w.ends_with(e.as_bytes()));
    let pronoun_is = t.possessive && (t.has(flag::PRONOUN) || word_in(doc, k, &["there's", "there’s", "that's", "that’s", "what's", "what’s", "who's", "who’s"]));
    contraction || pronoun_is || is(doc, k, flag::AUX) && !word_in(doc, k, &["be", "been", "being", "'s", "’s"]) && !(k > c.s0 && word_in(doc, k - 1, &["to"]))
}

/// Can a verb stand at word `k` (not the content's first word): not after a determiner or a
/// preposition ("the left", "to cut"), nor right after "and"/"but"/"or", where it starts a
/// second verb phrase of the cue's own clause ("added three goals and scored twice").
fn verb_can_stand(c: &Ctx, a: usize, k: usize) -> bool {
    let doc = c.doc;
    k > a && !is(doc, k - 1, flag::DET_NOUN | flag::PREP) && !word_in(doc, k - 1, &["and", "but", "or"])
}

/// A regular past in -ed ("jumped", "resigned"), not one of the few adjectives and nouns so
/// spelled.
fn regular_past(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ed") && !NOT_PAST.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::super::testing::fixture;
    use super::*;

    #[test]
    fn a_clause_holds_a_finite_verb_of_its_own() {
        // (sentence, the word after which the content starts, reads as a clause)
        let cases: &[(&str, &str, bool)] = &[
            ("Hartley said sales rose in May.", "said", true),
            ("Hartley said the pier would reopen.", "said", true),
            ("Hartley said it's over.", "said", true),
            ("Hartley said they didn't know.", "said", true),
            ("Hartley said they want a new pier.", "said", true),
            ("Hartley said it needs a new roof.", "said", true),
            ("Hartley said profits jumped.", "said", true),
            ("Hartley said the man who built the pier was proud.", "said", true),
            ("Hartley said the pier - closed since May - would reopen.", "said", true),
            ("Hartley said there is no money.", "said", true),
            ("Hartley said she cannot comment.", "said", true),
            ("Hartley said parents still want a new pier.", "said", true),
            ("Hartley said they both share the view.", "said", true),
            ("Hartley said the two raised $3m.", "said", true),
            ("Hartley said fathers who adopt would get leave.", "said", true),
            ("The striker added three more goals.", "added", false),
            ("The club denied charges of misconduct.", "denied", false),
            ("The club announced plans to cut 200 jobs.", "announced", false),
            ("The club denied reports that the coach had resigned.", "denied", false),
            ("The firm reported a loss of $38m, after sales fell.", "reported", false),
            ("The firm reported a rise in sales, helped by demand.", "reported", false),
            ("Okafor added three goals and scored twice.", "added", false),
            ("Hartley said I'm sorry.", "said", true),
            ("Hartley welcomed the decision.", "welcomed", false),
            ("Kane pleaded guilty to fraud and will be sentenced in May.", "pleaded", false),
            ("Kane accepted the offer but questioned why it had come late.", "accepted", false),
            ("Hartley said sales fell and profits would rise.", "said", true),
            ("Hartley said the spate of closures and protests demands action.", "said", true),
            ("The mayor pledged billions of dollars to the port.", "pledged", false),
            ("The council reported a hoax perpetrated by a rival.", "reported", false),
            ("Hartley said the roof leaks.", "said", true),
        ];
        for &(text, after, want) in cases {
            let f = fixture(text);
            let c = f.ctx(0);
            let end = c.s1 - 1;
            assert_eq!(reads_as_clause(&c, f.tok(after) + 1, end), want, "{text:?}");
        }
    }

    #[test]
    fn regular_pasts_leave_out_adjectives() {
        for (w, want) in [("jumped", true), ("resigned", true), ("hundred", false), ("red", false), ("need", false)] {
            assert_eq!(regular_past(w), want, "{w}");
        }
    }
}
