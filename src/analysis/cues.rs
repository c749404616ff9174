//! Attribution cues in a sentence: reporting verbs with their auxiliaries and particles
//! ("has said", "pointed out", "was quoted as saying"), "according to", and the passive with an
//! agent ("was told by").
//!
//! [`find_into`] asks [`cue_at`] at each word that can start a cue. Its steps, each a function
//! named after what it decides: [`according_to`]; [`verb_at`] (a lexicon or configured verb);
//! [`noun_use`] (a noun or a name, not a verb: "the report", "the United States"); [`verb_end`]
//! (particles: "pointed out", "called for"); [`auxiliaries`] (the verb group: "has also said",
//! "was told"); then by form [`quoted_as_start`] and [`participle_introduces`] for gerunds,
//! [`participle_adjective`] for participles before a noun ("faces continued backlash"),
//! [`passive_by`] for participles after "be", and [`base_form_reports`] (with
//! [`subject_before`], [`before_title`], [`singular_subject`]) for base forms.

use super::lexicon::{flag, Form, Verb, VerbClass};
use super::text::{Doc, TokKind};

#[derive(Clone, Debug)]
pub struct CueCand {
    /// Token range of the whole cue ("was quoted as saying", "according to").
    pub start: usize,
    pub end: usize,
    /// The main verb token (for verb cues).
    pub head: usize,
    pub verb: Option<(&'static Verb, Form)>,
    pub according_to: bool,
    /// A passive ("was told by X"): the source follows "by".
    pub passive_by: bool,
    /// A participial cue (", saying ..."): the source is the clause's subject.
    pub participial: bool,
    /// Preceded by "to" ("declined to say", "wants to tell"): not itself an attribution.
    pub infinitive: bool,
}

/// Does token `i` carry lexicon flag `f` (a word class)?
#[inline]
pub fn is(doc: &Doc, i: usize, f: u64) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokKind::Word && t.flags_in(doc.lx) & f != 0)
}

/// Is token `i` the word `w`, ignoring ASCII case?
#[inline]
pub fn word_is(doc: &Doc, i: usize, w: &str) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokKind::Word && t.is_ci(doc.text, w))
}

/// Is token `i` one of the words in `list`, ignoring ASCII case?
#[inline]
pub fn word_in(doc: &Doc, i: usize, list: &[&str]) -> bool {
    let Some(t) = doc.tokens.get(i).filter(|t| t.kind == TokKind::Word) else { return false };
    // The token's bytes are sliced once, not once per listed word; a word of another length is
    // passed over without comparing a byte (most are).
    let b = &doc.text.as_bytes()[t.start as usize..t.end as usize];
    list.iter().any(|w| w.len() == b.len() && b.eq_ignore_ascii_case(w.as_bytes()))
}

/// A number written out: "ten", "Forty-two", "sixty-one".
pub fn number_word(doc: &Doc, i: usize) -> bool {
    const UNITS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    doc.tokens.get(i).is_some_and(|t| t.kind == TokKind::Word && t.text(doc.text).split('-').all(|part| UNITS.iter().any(|u| part.eq_ignore_ascii_case(u))))
}

/// `t.is_punct(text, c)` for an ASCII `c`: one byte read instead of decoding a char (an ASCII
/// byte never occurs inside a multi-byte character).
#[inline]
pub fn punct_is(t: &super::text::Token, text: &str, c: u8) -> bool {
    t.kind == TokKind::Punct && text.as_bytes().get(t.start as usize) == Some(&c)
}

/// A lower-case "-ly" adverb ("quickly", "boldly"), not a noun or adjective that a subject
/// could end in ("family", "the elderly", "a weekly").
pub fn ly_adverb(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let w = t.text(doc.text);
    t.kind == TokKind::Word
        && !t.cap
        && w.len() >= 6
        && w.ends_with("ly")
        && !matches!(
            w,
            "family" | "friendly" | "likely" | "elderly" | "assembly" | "supply" | "monopoly" | "anomaly" | "butterfly" | "weekly"
                | "monthly" | "yearly" | "quarterly" | "lonely" | "lovely" | "costly" | "deadly" | "orderly" | "unlikely"
        )
}

/// A headline in title case ("Mayor Says Pier Will Reopen"): its verbs are capitalised too.
pub fn is_headline(doc: &Doc, range: std::ops::Range<usize>) -> bool {
    let toks = &doc.tokens;
    let (mut long, mut cap) = (0usize, 0usize);
    for k in range.clone() {
        let t = &toks[k];
        if t.kind == TokKind::Word && t.end - t.start >= 4 {
            long += 1;
            cap += usize::from(t.cap);
        }
    }
    let last = toks[range.end - 1].text(doc.text);
    long >= 3 && long <= 20 && cap * 10 >= long * 8 && !last.ends_with('.') || long >= 3 && long <= 20 && cap == long
}

/// Cues in tokens `range` that lie outside quotations (`depth[i] == 0`).
pub fn find(doc: &Doc, depth: &[u8], range: std::ops::Range<usize>, extra: &super::ExtraVerbs, headline: bool) -> Vec<CueCand> {
    let mut out = Vec::new();
    find_into(doc, depth, range, extra, headline, &mut out);
    out
}

/// The sentence a cue is looked for in: its tokens `start..end`, the quotation depth of every
/// token, and whether it is a headline (where verbs are capitalised).
struct Scope<'s, 'a> {
    doc: &'s Doc<'a>,
    depth: &'s [u8],
    start: usize,
    end: usize,
    headline: bool,
}

/// [`find`] into `out` (cleared first): attribution reuses one list for every sentence. Each
/// word outside quotations that can start a cue goes through [`cue_at`]; a cue found is skipped
/// whole.
pub fn find_into(doc: &Doc, depth: &[u8], range: std::ops::Range<usize>, extra: &super::ExtraVerbs, headline: bool, out: &mut Vec<CueCand>) {
    let toks = &doc.tokens;
    out.clear();
    let no_extra = extra.is_empty();
    let scope = Scope { doc, depth, start: range.start, end: range.end, headline };
    let mut i = range.start;
    while i < range.end {
        let t = &toks[i];
        // Only "according" (9 letters), a verb or a configured verb starts a cue: most words
        // are none of them, which two reads tell.
        if depth[i] != 0 || t.kind != TokKind::Word || t.end - t.start != 9 && t.flags_in(doc.lx) & flag::VERB == 0 && (no_extra || extra.get(doc, i).is_none()) {
            i += 1;
            continue;
        }
        match cue_at(&scope, i, extra) {
            Some(cand) => {
                i = cand.end;
                out.push(cand);
            }
            None => i += 1,
        }
    }
}

/// The cue that word `i` heads, if any: "according to", or a reporting verb with its group
/// ([`verb_end`], [`auxiliaries`]) that is used as a verb ([`noun_use`]) and, by its form,
/// reports: a gerund as a participle ([`quoted_as_start`], [`participle_introduces`]), a
/// participle after "be" only with "by" ([`passive_by`]), a base form only after a subject
/// ([`base_form_reports`]).
fn cue_at(sc: &Scope, i: usize, extra: &super::ExtraVerbs) -> Option<CueCand> {
    let doc = sc.doc;
    if according_to(sc, i) {
        return Some(CueCand { start: i, end: i + 2, head: i, verb: None, according_to: true, passive_by: false, participial: false, infinitive: false });
    }
    let (v, form) = verb_at(doc, i, extra)?;
    if noun_use(sc, i, form) {
        return None;
    }
    let end = verb_end(doc, i, v)?;
    let group = auxiliaries(sc, i);
    let infinitive = group.start > sc.start && word_is(doc, group.start - 1, "to");
    let mut cand = CueCand { start: group.start, end, head: i, verb: Some((v, form)), according_to: false, passive_by: false, participial: false, infinitive };
    match form {
        Form::Gerund => {
            if let Some(s) = quoted_as_start(sc, i) {
                cand.start = s;
            } else if !group.aux {
                if !participle_introduces(sc, i, v) {
                    return None;
                }
                cand.participial = true;
            }
        }
        Form::Past | Form::Participle if !group.aux && participle_adjective(sc, i, v) => return None,
        Form::Past | Form::Participle if group.be => {
            if !passive_by(doc, end) {
                return None;
            }
            cand.passive_by = true;
        }
        Form::Base => {
            if !base_form_reports(sc, i, group.aux) {
                return None;
            }
        }
        _ => {}
    }
    Some(cand)
}

/// "according to" with something after it to name the source.
fn according_to(sc: &Scope, i: usize) -> bool {
    word_is(sc.doc, i, "according") && word_is(sc.doc, i + 1, "to") && i + 2 < sc.end
}

/// The reporting verb at word `i` (from the lexicon, or one the user configured) and its form.
/// A possessive ("the claim’s") is no verb.
fn verb_at(doc: &Doc, i: usize, extra: &super::ExtraVerbs) -> Option<(&'static Verb, Form)> {
    let t = &doc.tokens[i];
    // A word has a verb entry exactly when it has the VERB flag, which is cheaper to read.
    (if t.flags() & flag::VERB != 0 { t.entry().and_then(|e| e.verb) } else { None })
        .filter(|_| !t.possessive)
        .map(|(vi, form)| (&doc.lx.verbs[vi as usize], form))
        .or_else(|| extra.get(doc, i))
}

/// Is the verb-like word `i` (of `form`) a noun or part of a name here? After a determiner it is
/// a noun ("the report", "a claim", "his remarks"); capitalised inside a sentence it is a name
/// ("the United States"), except in a headline ("Mayor Says Pier Will Reopen"). After a
/// possessive a present form is a noun ("the mayor’s brief said", "the chief’s show"), while "’s
/// said" and "’s claiming" are "has" and "is"; words for speech still report ("Kane’s claim that
/// …", "Kane’s comments on …"), but not before "to" ("the mayor’s promise to fix …"). Before a
/// verb it heads a subject ([`subject_of_next_verb`]: "the new rules came into force").
fn noun_use(sc: &Scope, i: usize, form: Form) -> bool {
    let (doc, toks) = (sc.doc, &sc.doc.tokens);
    let t = &toks[i];
    if i <= sc.start {
        return false;
    }
    if subject_of_next_verb(sc, i, form) {
        return true;
    }
    let possessed = toks[i - 1].possessive && !t.cap && matches!(form, Form::Base | Form::Third) && !t.has(flag::ATTR_NOUN);
    let headline_verb = sc.headline && form != Form::Base || sc.headline && i + 1 < sc.end && toks[i + 1].kind == TokKind::Mark;
    is(doc, i - 1, flag::DET_NOUN) || (toks[i - 1].possessive && !t.cap && word_is(doc, i + 1, "to")) || (possessed && !word_is(doc, i + 1, "that")) || (t.cap && !headline_verb)
}

/// A present form right before a finite verb or a relative pronoun is the head noun of a subject:
/// "the new rules came into force", "court orders were ignored", "the rules which govern …" (not
/// "says that", where "that" opens the reported clause).
fn subject_of_next_verb(sc: &Scope, i: usize, form: Form) -> bool {
    let (doc, toks) = (sc.doc, &sc.doc.tokens);
    let Some(n) = toks.get(i + 1).filter(|n| i + 1 < sc.end && n.kind == TokKind::Word && !n.cap) else { return false };
    let w = n.text(doc.text);
    matches!(form, Form::Base | Form::Third)
        && !word_in(doc, i.wrapping_sub(1), &["to"])
        && (is(doc, i + 1, flag::AUX) && !word_in(doc, i + 1, &["be", "'s", "’s"]) || n.has(flag::FINITE) || w.len() >= 5 && w.ends_with("ed") || word_in(doc, i + 1, &["which", "who"]))
}

/// The token after the verb group headed by `i`: phrasal verbs need their particle ("pointed
/// out"; `None` without it), and "called for an inquiry", "called on Congress" take theirs.
fn verb_end(doc: &Doc, i: usize, v: &Verb) -> Option<usize> {
    if let Some(p) = v.particle.as_deref() {
        // Particles are single words here.
        return word_is(doc, i + 1, p).then_some(i + 2);
    }
    if &*v.base == "call" && word_in(doc, i + 1, &["for", "on"]) {
        return Some(i + 2);
    }
    Some(i + 1)
}

/// The auxiliaries before a verb: where the group starts, and whether it has any, and a form of
/// "be" (which makes a participle passive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct VerbGroup {
    start: usize,
    aux: bool,
    be: bool,
}

/// Walks back from verb `i` over auxiliaries ("has said", "was told"), and over an adverb between
/// two of them or between an auxiliary and the verb ("is also determined", "has repeatedly
/// said"); never into a quotation or out of the sentence.
fn auxiliaries(sc: &Scope, i: usize) -> VerbGroup {
    let (doc, toks, depth) = (sc.doc, &sc.doc.tokens, sc.depth);
    let adverb = |k: usize| !toks[k].cap && (is(doc, k, flag::ADVERB) || ly_adverb(doc, k));
    let mut g = VerbGroup { start: i, aux: false, be: false };
    while g.start > sc.start
        && depth[g.start - 1] == 0
        && (is(doc, g.start - 1, flag::AUX) || g.start - 1 > sc.start && adverb(g.start - 1) && depth[g.start - 2] == 0 && is(doc, g.start - 2, flag::AUX))
    {
        if is(doc, g.start - 1, flag::BE) {
            g.be = true;
        }
        g.aux = true;
        g.start -= 1;
    }
    g
}

/// "was quoted as saying", "is cited as saying": the cue starts at the auxiliary before
/// "quoted", which `i` ("saying") does not reach by itself.
fn quoted_as_start(sc: &Scope, i: usize) -> Option<usize> {
    let doc = sc.doc;
    if !(word_is(doc, i.saturating_sub(1), "as") && i >= 2 && word_in(doc, i - 2, &["quoted", "cited"])) {
        return None;
    }
    let mut s = i - 2;
    while s > sc.start && is(doc, s - 1, flag::AUX) {
        s -= 1;
    }
    Some(s)
}

/// Does gerund `i`, with no auxiliary, report as a participle? After a comma (", saying …",
/// ", even suggesting …"),
/// after a preposition ("criticised for saying that …", "After saying her knee was …"; not
/// "goes without saying"), or right before a quotation it introduces ("footage of the governor
/// asking, “…”"; not a thought or a piece of evidence).
fn participle_introduces(sc: &Scope, i: usize, v: &Verb) -> bool {
    let (doc, toks, text) = (sc.doc, &sc.doc.tokens, sc.doc.text);
    // ", saying", ", even suggesting"
    let comma_at = |k: usize| k > sc.start && punct_is(&toks[k - 1], text, b',');
    let after_comma = comma_at(i) || i > sc.start + 1 && (is(doc, i - 1, flag::ADVERB) || ly_adverb(doc, i - 1)) && comma_at(i - 1);
    let after_prep = i > sc.start && word_in(doc, i - 1, &["after", "before", "for", "from", "by", "while", "upon", "in", "when"]);
    let k = i + 1 + usize::from(i + 1 < sc.end && toks[i + 1].kind == TokKind::Punct && matches!(text.as_bytes()[toks[i + 1].start as usize], b',' | b':'));
    let before_quote = i > sc.start
        && k < sc.end
        && toks[k].kind == TokKind::Mark
        && sc.depth.get(k + 1).is_some_and(|&d| d > 0)
        && !matches!(v.class, VerbClass::Mental | VerbClass::Evidence);
    after_comma || after_prep || before_quote
}

/// Is participle `i` (with no auxiliary) an adjective before a noun rather than speech? "faces
/// continued backlash", "amid renewed criticism", "refused to disclose detailed figures": the
/// word before it takes a noun phrase ([`takes_noun_phrase`]) and a noun follows
/// ([`noun_follows`]). After a subject the same words report ("the firm said profits rose", "the
/// mayor added costs would rise"), so the word before decides. A form that is only a past
/// ("wrote", "spoke") is never an adjective, nor, in news copy, "said" or "told".
fn participle_adjective(sc: &Scope, i: usize, v: &Verb) -> bool {
    let doc = sc.doc;
    i > sc.start
        && v.particle.is_none()
        && doc.tokens[i].is_ci(doc.text, v.participle)
        && !word_in(doc, i, &["said", "told"])
        && noun_follows(sc, i + 1)
        && takes_noun_phrase(sc, i - 1)
}

/// Does word `p` want a noun phrase after it, so that it cannot end a subject? A past or
/// present verb ("faces", "drew", "said proposed cuts"; not a form like "reports" or "claims",
/// which is as often a noun), a base form after "to", an auxiliary or a pronoun ("to disclose",
/// "they face"), a preposition that is not left over from a relative clause ("amid", "despite",
/// "for"; not "the people I spoke to"), an "-ing" verb after a comma, an auxiliary or a
/// preposition (", facing"; not "exit polling"), or "no", "another", "own". A capitalised word
/// is a name, or opens the sentence as a subject would ("Reports suggested"), unless it is a
/// preposition ("Despite repeated warnings").
fn takes_noun_phrase(sc: &Scope, p: usize) -> bool {
    let (doc, toks) = (sc.doc, &sc.doc.tokens);
    let t = &toks[p];
    if t.kind != TokKind::Word || sc.depth[p] != 0 || t.possessive {
        return false;
    }
    let before = |f: u64| p > sc.start && is(doc, p - 1, f);
    let prep = (t.has(flag::PREP) || word_in(doc, p, &["amid", "amidst", "despite"])) && !before(flag::VERB);
    if t.cap {
        return prep && p == sc.start;
    }
    let w = t.text(doc.text);
    let noun_like = t.entry().and_then(|e| e.verb).is_some_and(|(_, f)| f == Form::Third);
    (t.has(flag::FINITE) && !noun_like && !before(flag::DET_NOUN))
        || (t.has(flag::BASE_VERB) && (before(flag::AUX | flag::PRONOUN) || p > sc.start && word_is(doc, p - 1, "to")))
        || prep
        || (!t.has(flag::VERB) && w.len() >= 5 && w.ends_with("ing") && p > sc.start && (before(flag::AUX | flag::PREP) || punct_is(&toks[p - 1], doc.text, b',')))
        || word_in(doc, p, &["no", "another", "own"])
}

/// Does a noun start at `n`: a lower-case word that is no function word, pronoun, determiner,
/// preposition, auxiliary, adverb or time ("continued backlash", not "continued to", "added
/// that", "repeated it", "added later")?
fn noun_follows(sc: &Scope, n: usize) -> bool {
    let doc = sc.doc;
    let Some(t) = doc.tokens.get(n).filter(|t| n < sc.end && sc.depth[n] == 0 && t.kind == TokKind::Word && !t.cap) else { return false };
    !t.has(flag::FUNCTION | flag::PRONOUN | flag::DET | flag::DET_NOUN | flag::PREP | flag::AUX | flag::ADVERB | flag::TIME) && !ly_adverb(doc, n)
}

/// A participle after "be" reports only with its agent: "was told by officials" names the
/// source; "was told" alone does not.
fn passive_by(doc: &Doc, end: usize) -> bool {
    word_is(doc, end, "by")
}

/// Does base form `i` report here? Only with an auxiliary ("will say") or after a subject
/// ([`subject_before`]), looking past adverbs ("Mexicans often say"); not before a title, where
/// it is a noun ([`before_title`]), nor after "the" and a singular name ([`singular_subject`]).
fn base_form_reports(sc: &Scope, i: usize, has_aux: bool) -> bool {
    let (doc, toks) = (sc.doc, &sc.doc.tokens);
    let mut p = i;
    while p > sc.start + 1 && sc.depth[p - 1] == 0 && !toks[p - 1].cap && (is(doc, p - 1, flag::ADVERB) && !is(doc, p - 1, flag::AUX) || ly_adverb(doc, p - 1)) {
        p -= 1;
    }
    let prev_ok = has_aux || subject_before(sc, p, i);
    prev_ok && !before_title(sc, p, i) && !(!has_aux && singular_subject(sc, p))
}

/// Does the word before `p` (the verb `i`, or the adverbs before it) read as the subject of a
/// plural verb? A comma, a plural pronoun or quantifier ("they", "many"), a group noun, a name
/// ("Mr. Grassley and Mr. Leahy say", "supporters in Congress say") or a lower-case plural.
fn subject_before(sc: &Scope, p: usize, i: usize) -> bool {
    let (doc, toks, text) = (sc.doc, &sc.doc.tokens, sc.doc.text);
    p > sc.start
        && (punct_is(&toks[p - 1], text, b',')
            || word_in(doc, p - 1, &["they", "we", "i", "you", "people", "some", "many", "others"])
            || toks[p - 1].has(flag::GROUP)
            || (toks[p - 1].cap && toks[p - 1].kind == TokKind::Word && (p - 1 > sc.start || p < i))
            || (toks[p - 1].kind == TokKind::Word && text[toks[p - 1].start as usize..toks[p - 1].end as usize].ends_with('s') && !toks[p - 1].cap))
}

/// Is base form `i` a noun before a title? "the New York state attorney general": after a name
/// inside the sentence and before a lower-case title ("Critics say president Kane…" still
/// reports). After a comma or a reporting verb any title will do: "the mayor’s niece, state Sen.
/// Quill,", "says state Rep. Ruiz".
fn before_title(sc: &Scope, p: usize, i: usize) -> bool {
    let (doc, toks, text) = (sc.doc, &sc.doc.tokens, sc.doc.text);
    let title_next = i + 1 < sc.end && !toks[i + 1].possessive && is(doc, i + 1, flag::TITLE | flag::HONORIFIC);
    title_next
        && ((p > sc.start + 1 && toks[p - 1].cap && !toks[i + 1].cap && is(doc, i + 1, flag::TITLE))
            || (p > sc.start
                && (punct_is(&toks[p - 1], text, b',')
                    || toks[p - 1].entry().and_then(|e| e.verb).is_some_and(|(_, f)| matches!(f, Form::Past | Form::Participle))
                    || word_is(doc, p - 1, "says"))))
}

/// "the FBI email probe": after "the" and a singular name (no -s) a verb would need an -s, so
/// the base form before `p` is a noun.
fn singular_subject(sc: &Scope, p: usize) -> bool {
    let (doc, toks) = (sc.doc, &sc.doc.tokens);
    p >= sc.start + 2 && toks[p - 1].cap && toks[p - 1].kind == TokKind::Word && !toks[p - 1].text(doc.text).ends_with(['s', 'S']) && word_in(doc, p - 2, &["the", "a", "an"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::pair;
    use crate::analysis::{ExtraVerbs, Format};

    /// `text` as one sentence: the document and the quotation depth of its tokens.
    fn read(text: &str) -> (Doc<'_>, Vec<u8>) {
        let doc = Doc::new(text, Format::PlainText);
        let depth = pair(&doc).depth;
        (doc, depth)
    }

    fn scope<'s, 'a>(doc: &'s Doc<'a>, depth: &'s [u8], headline: bool) -> Scope<'s, 'a> {
        Scope { doc, depth, start: 0, end: doc.tokens.len(), headline }
    }

    /// Index of the first token `w`.
    fn at(doc: &Doc, w: &str) -> usize {
        doc.tokens.iter().position(|t| t.text(doc.text) == w).unwrap_or_else(|| panic!("no token {w}"))
    }

    fn tokens_text(doc: &Doc, s: usize, e: usize) -> String {
        doc.text[doc.tokens[s].start as usize..doc.tokens[e - 1].end as usize].to_string()
    }

    #[test]
    fn find_table() {
        // (sentence, headline, cues as written with their marks: a = according to, p = passive
        // with "by", g = participial, i = infinitive)
        let cases: &[(&str, bool, &[&str])] = &[
            ("The mayor said the pier would reopen.", false, &["said"]),
            ("The mayor has also said the pier would reopen.", false, &["has also said"]),
            ("Kane pointed out that the pier was old.", false, &["pointed out"]),
            ("Kane pointed at the pier.", false, &[]),
            ("Kane called for an inquiry.", false, &["called for"]),
            ("According to the council, the pier is safe.", false, &["According to a"]),
            ("Kane was quoted as saying the pier was safe.", false, &["was quoted as saying"]),
            ("Kane was told by officials that the pier was safe.", false, &["was told p"]),
            ("Kane was told the pier was safe.", false, &[]),
            ("Kane left the hall, saying the pier was safe.", false, &["saying g"]),
            ("It goes without saying that the pier is safe.", false, &[]),
            ("Kane declined to comment on the pier.", false, &["declined"]),
            ("Kane wants to tell the council.", false, &["wants"]),
            ("Kane seems to have told the council.", false, &["have told i"]),
            ("Officials say the pier is safe.", false, &["say"]),
            ("The report said the pier was safe.", false, &["said"]),
            ("Mayor Says Pier Will Reopen", true, &["Says"]),
            ("Mayor Says Pier Will Reopen", false, &[]),
            ("Kane said “we will say more” on Monday.", false, &["said"]),
        ];
        for &(text, headline, want) in cases {
            let (doc, depth) = read(text);
            let got: Vec<String> = find(&doc, &depth, 0..doc.tokens.len(), &ExtraVerbs::default(), headline)
                .iter()
                .map(|c| {
                    let mut s = tokens_text(&doc, c.start, c.end);
                    for (on, m) in [(c.according_to, " a"), (c.passive_by, " p"), (c.participial, " g"), (c.infinitive, " i")] {
                        if on {
                            s.push_str(m);
                        }
                    }
                    s
                })
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn configured_verbs_are_cues() {
        let text = "Kane harrumphed that the pier was safe.";
        let (doc, depth) = read(text);
        let extra = ExtraVerbs::new(&["harrumph".to_string()]);
        let found = find(&doc, &depth, 0..doc.tokens.len(), &extra, false);
        assert_eq!(found.iter().map(|c| tokens_text(&doc, c.start, c.end)).collect::<Vec<_>>(), ["harrumphed"]);
        assert!(find(&doc, &depth, 0..doc.tokens.len(), &ExtraVerbs::default(), false).is_empty());
    }

    #[test]
    fn according_to_needs_a_source_after_it() {
        let cases: &[(&str, bool)] = &[("According to Kane, it is safe.", true), ("It is safe according to", false), ("Accordingly, it is safe.", false)];
        for &(text, want) in cases {
            let (doc, depth) = read(text);
            let sc = scope(&doc, &depth, false);
            let i = doc.tokens.iter().position(|t| t.is_ci(text, "according")).unwrap_or(0);
            assert_eq!(according_to(&sc, i), want, "{text}");
        }
    }

    #[test]
    fn noun_use_table() {
        // (sentence, verb-like word, headline, a noun or a name here)
        let cases: &[(&str, &str, bool, bool)] = &[
            ("The report was late.", "report", false, true),
            ("His remarks were brief.", "remarks", false, true),
            ("Kane’s claim that the pier is safe is wrong.", "claim", false, false),
            ("The mayor’s promise to fix the pier was broken.", "promise", false, true),
            ("The mayor’s brief said so.", "brief", false, true),
            ("Kane’s said it before.", "said", false, false),
            ("He visited the United States last year.", "States", false, true),
            ("Mayor Says Pier Will Reopen", "Says", true, false),
            ("Mayor Says Pier Will Reopen", "Says", false, true),
            ("Kane said so.", "said", false, false),
            ("The new rules came into force in May.", "rules", false, true),
            ("Court orders were ignored.", "orders", false, true),
            ("The rules which govern the port are old.", "rules", false, true),
            ("Kane says that the pier is safe.", "says", false, false),
            ("Officials say sales rose.", "say", false, false),
        ];
        for &(text, w, headline, want) in cases {
            let (doc, depth) = read(text);
            let sc = scope(&doc, &depth, headline);
            let i = at(&doc, w);
            let form = doc.tokens[i].entry().and_then(|e| e.verb).map(|(_, f)| f).expect("a verb form");
            assert_eq!(noun_use(&sc, i, form), want, "{text}: {w}");
        }
    }

    #[test]
    fn verb_end_takes_particles() {
        // (sentence, verb, words in the verb's cue; None when its particle is missing)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("Kane pointed out that it was old.", "pointed", Some("pointed out")),
            ("Kane pointed at the pier.", "pointed", None),
            ("Kane called for an inquiry.", "called", Some("called for")),
            ("Kane called on the council.", "called", Some("called on")),
            ("Kane called Ruiz.", "called", Some("called")),
            ("Kane said so.", "said", Some("said")),
        ];
        for &(text, w, want) in cases {
            let (doc, _) = read(text);
            let i = at(&doc, w);
            let (v, _) = verb_at(&doc, i, &ExtraVerbs::default()).expect("a verb");
            assert_eq!(verb_end(&doc, i, v).map(|e| tokens_text(&doc, i, e)), want.map(str::to_string), "{text}");
        }
    }

    #[test]
    fn verb_at_skips_possessives() {
        let (doc, _) = read("The claim’s author said so.");
        assert!(verb_at(&doc, 1, &ExtraVerbs::default()).is_none());
        assert_eq!(verb_at(&doc, at(&doc, "said"), &ExtraVerbs::default()).map(|(v, f)| (&*v.base, f)), Some(("say", Form::Past)));
    }

    #[test]
    fn auxiliaries_table() {
        // (sentence, verb, where the group starts, has an auxiliary, has "be")
        let cases: &[(&str, &str, &str, bool, bool)] = &[
            ("Kane has also said so.", "said", "has", true, false),
            ("Kane was told by Ruiz.", "told", "was", true, true),
            ("Kane has been told so.", "told", "has", true, true),
            ("Kane will repeatedly say so.", "say", "will", true, false),
            ("Kane quickly said so.", "said", "said", false, false),
            ("Kane said so.", "said", "said", false, false),
        ];
        for &(text, w, start, aux, be) in cases {
            let (doc, depth) = read(text);
            let sc = scope(&doc, &depth, false);
            let g = auxiliaries(&sc, at(&doc, w));
            assert_eq!((doc.tokens[g.start].text(text), g.aux, g.be), (start, aux, be), "{text}");
        }
    }

    #[test]
    fn quoted_as_starts_at_the_auxiliary() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Kane was quoted as saying so.", Some("was")),
            ("Kane is cited as saying so.", Some("is")),
            ("Kane, quoted as saying so, left.", Some("quoted")),
            ("Kane was saying so.", None),
            ("Kane spoke as saying so.", None),
        ];
        for &(text, want) in cases {
            let (doc, depth) = read(text);
            let sc = scope(&doc, &depth, false);
            assert_eq!(quoted_as_start(&sc, at(&doc, "saying")).map(|s| doc.tokens[s].text(text)), want, "{text}");
        }
    }

    #[test]
    fn participle_introduces_table() {
        let cases: &[(&str, &str, bool)] = &[
            ("Kane left, saying the pier was safe.", "saying", true),
            ("Kane was criticised for saying that.", "saying", true),
            ("After saying so, Kane left.", "saying", true),
            ("It goes without saying.", "saying", false),
            ("Footage shows Kane asking, “Why now?”", "asking", true),
            ("Footage shows Kane asking “Why now?”", "asking", true),
            ("Kane sat thinking, “Why now?”", "thinking", false),
            ("Kane kept saying it.", "saying", false),
            ("Kane left, even suggesting the pier was unsafe.", "suggesting", true),
        ];
        for &(text, w, want) in cases {
            let (doc, depth) = read(text);
            let sc = scope(&doc, &depth, false);
            let i = at(&doc, w);
            let (v, _) = verb_at(&doc, i, &ExtraVerbs::default()).expect("a verb");
            assert_eq!(participle_introduces(&sc, i, v), want, "{text}");
        }
    }

    #[test]
    fn participle_adjective_table() {
        // (sentence, cues): a past form as an adjective before a noun is no cue; after a
        // subject, or before "that", a pronoun or punctuation, it reports.
        let cases: &[(&str, &[&str])] = &[
            ("As Senator Kane faces continued backlash over the pier, her aide is coming to her defence.", &[]),
            ("The mayor faced repeated delays over the toll.", &[]),
            ("The council met amid renewed criticism of the toll.", &[]),
            ("Despite repeated warnings from engineers, the pier stayed open.", &[]),
            ("The row over the toll brings added pressure on the harbour board.", &[]),
            ("The board refused to disclose detailed figures for the pier.", &[]),
            ("They face renewed scrutiny over the ferry contract.", &[]),
            ("The council, facing renewed criticism over the toll, met on Monday.", &[]),
            ("The budget offered no promised cuts to ferry fares.", &[]),
            ("The harbour board set out its own stated aims for the port.", &[]),
            // Speech stays speech.
            ("The firm said profits rose in May.", &["said"]),
            ("The mayor added costs would rise.", &["added"]),
            ("Kane added that the pier was safe.", &["added"]),
            ("“The pier is safe,” he continued, “and it will stay open.”", &["continued"]),
            ("Kane added: “The pier is safe.”", &["added"]),
            ("The mayor repeated her call for a new pier.", &["repeated"]),
            ("Officials warned residents would face higher fares.", &["warned"]),
            ("The people I spoke to added fares were too high.", &["spoke", "added"]),
            ("Voters polled by the Gazette said fares were too high.", &["said"]),
            ("Those questioned said fares were too high.", &["said"]),
            ("Reports suggested fares would rise.", &["Reports", "suggested"]),
            ("The mayor, facing the council, said fares would rise.", &["said"]),
            ("Exit polling showed voters backed the toll.", &["showed"]),
            ("Kane wrote letters to the council.", &["wrote"]),
        ];
        for &(text, want) in cases {
            let (doc, depth) = read(text);
            let got: Vec<String> = find(&doc, &depth, 0..doc.tokens.len(), &ExtraVerbs::default(), false).iter().map(|c| tokens_text(&doc, c.start, c.end)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn takes_noun_phrase_and_noun_follows() {
        // (sentence, participle, the word before takes a noun phrase, a noun follows)
        let cases: &[(&str, &str, bool, bool)] = &[
            ("Kane faces continued backlash.", "continued", true, true),
            ("The board met amid renewed criticism.", "renewed", true, true),
            ("The board was slow, facing renewed criticism.", "renewed", true, true),
            ("The firm said profits rose.", "said", false, true),
            ("The mayor continued to speak.", "continued", false, false),
            ("The mayor added that it was safe.", "added", false, false),
            ("The mayor repeated it.", "repeated", false, false),
            ("The mayor added later.", "added", false, false),
            ("The people I spoke to repeated claims.", "repeated", false, true),
            ("The faces repeated lines.", "repeated", false, true),
            ("Exit polling showed voters backed it.", "showed", false, true),
            ("The mayor added Kane to the list.", "added", false, false),
        ];
        for &(text, w, before, after) in cases {
            let (doc, depth) = read(text);
            let sc = scope(&doc, &depth, false);
            let i = at(&doc, w);
            assert_eq!((takes_noun_phrase(&sc, i - 1), noun_follows(&sc, i + 1)), (before, after), "{text}");
        }
    }

    #[test]
    fn passive_needs_by() {
        for (text, want) in [("Kane was told by Ruiz.", true), ("Kane was told so.", false)] {
            let (doc, _) = read(text);
            assert_eq!(passive_by(&doc, at(&doc, "told") + 1), want, "{text}");
        }
    }

    #[test]
    fn base_form_reports_table() {
        // (sentence, base-form verb, reports)
        let cases: &[(&str, &str, bool)] = &[
            ("Officials say the pier is safe.", "say", true),
            ("They say the pier is safe.", "say", true),
            ("Mexicans often say so.", "say", true),
            ("Residents will say so.", "say", true),
            ("Kane and Ruiz say so.", "say", true),
            ("Critics say president Kane is wrong.", "say", true),
            ("I want to say so.", "say", false),
            ("The Kane report shows it.", "report", false),
            ("He met the New York state attorney general.", "state", false),
            ("The pier, residents say, is safe.", "say", true),
        ];
        for &(text, w, want) in cases {
            let (doc, depth) = read(text);
            let sc = scope(&doc, &depth, false);
            let i = at(&doc, w);
            let aux = auxiliaries(&sc, i).aux;
            assert_eq!(base_form_reports(&sc, i, aux), want, "{text}");
        }
    }

    #[test]
    fn subject_title_and_singular_name() {
        // (sentence, base-form verb, subject_before, before_title, singular_subject)
        let cases: &[(&str, &str, bool, bool, bool)] = &[
            ("Officials say the pier is safe.", "say", true, false, false),
            ("I want to say so.", "say", false, false, false),
            ("He met the New York state attorney general.", "state", true, true, false),
            ("Critics say president Kane is wrong.", "say", true, false, false),
            ("The Kane report shows it.", "report", true, false, true),
            ("He met Kane, state Sen. Quill and others.", "state", true, true, false),
        ];
        for &(text, w, subject, title, singular) in cases {
            let (doc, depth) = read(text);
            let sc = scope(&doc, &depth, false);
            let i = at(&doc, w);
            assert_eq!((subject_before(&sc, i, i), before_title(&sc, i, i), singular_subject(&sc, i)), (subject, title, singular), "{text}");
        }
    }
}
