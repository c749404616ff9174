//! Attribution cues in a sentence: reporting verbs with their auxiliaries and particles
//! ("has said", "pointed out", "was quoted as saying"), "according to", and the passive with an
//! agent ("was told by").

use super::lexicon::{flag, lexicon, Form, Verb, VerbClass};
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

#[inline]
pub fn word_is(doc: &Doc, i: usize, w: &str) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokKind::Word && t.is_ci(doc.text, w))
}

#[inline]
pub fn word_in(doc: &Doc, i: usize, list: &[&str]) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokKind::Word && list.iter().any(|w| t.is_ci(doc.text, w)))
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

/// Cues in tokens `range` that lie outside quotations (`depth[i] == 0`).
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

pub fn find(doc: &Doc, depth: &[u8], range: std::ops::Range<usize>, extra: &super::ExtraVerbs, headline: bool) -> Vec<CueCand> {
    let mut out = Vec::new();
    find_into(doc, depth, range, extra, headline, &mut out);
    out
}

/// [`find`] into `out` (cleared first): attribution reuses one list for every sentence.
pub fn find_into(doc: &Doc, depth: &[u8], range: std::ops::Range<usize>, extra: &super::ExtraVerbs, headline: bool, out: &mut Vec<CueCand>) {
    let lx = lexicon();
    let toks = &doc.tokens;
    let text = doc.text;
    out.clear();
    let no_extra = extra.is_empty();
    let mut i = range.start;
    while i < range.end {
        let t = &toks[i];
        if depth[i] != 0 || t.kind != TokKind::Word {
            i += 1;
            continue;
        }
        // Only "according" (9 letters), a verb or a configured verb starts a cue: most words
        // are none of them, which two reads tell.
        if t.end - t.start != 9 && t.flags() & flag::VERB == 0 && (no_extra || extra.get(doc, i).is_none()) {
            i += 1;
            continue;
        }
        // "according to"
        if word_is(doc, i, "according") && word_is(doc, i + 1, "to") && i + 2 < range.end {
            out.push(CueCand { start: i, end: i + 2, head: i, verb: None, according_to: true, passive_by: false, participial: false, infinitive: false });
            i += 2;
            continue;
        }
        // A word has a verb entry exactly when it has the VERB flag, which is cheaper to read.
        let verb = (if t.flags() & flag::VERB != 0 { t.entry().and_then(|e| e.verb) } else { None })
            .filter(|_| !t.possessive)
            .map(|(vi, form)| (&lx.verbs[vi as usize], form))
            .or_else(|| extra.get(doc, i));
        let Some((v, form)) = verb else {
            i += 1;
            continue;
        };
        // A noun use after a determiner ("the report", "a claim", "his remarks"); a capitalised
        // word inside a sentence is a name ("the United States").
        // After a possessive a present form is a noun ("the mayor’s brief said", "the chief’s
        // show"); "’s said" and "’s claiming" are "has" and "is". Words for speech still report
        // ("Kane’s claim that …", "Kane’s comments on …"), but not before "to" ("the mayor’s
        // promise to fix ...").
        let possessed = i > range.start && toks[i - 1].possessive && !t.cap && matches!(form, Form::Base | Form::Third) && !t.has(flag::ATTR_NOUN);
        if i > range.start && (is(doc, i - 1, flag::DET_NOUN) || (toks[i - 1].possessive && !t.cap && word_is(doc, i + 1, "to")) || (possessed && !word_is(doc, i + 1, "that")) || (t.cap && !(headline && form != Form::Base || headline && i + 1 < range.end && toks[i + 1].kind == TokKind::Mark))) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if let Some(p) = v.particle.as_deref() {
            // Phrasal verbs need their particle ("pointed out"); particles are single words here.
            if !word_is(doc, i + 1, p) {
                i += 1;
                continue;
            }
            end = i + 2;
        } else if &*v.base == "call" && word_in(doc, i + 1, &["for", "on"]) {
            // "called for an inquiry", "called on Congress": the cue is the phrase.
            end = i + 2;
        }
        // Walk back over auxiliaries and adverbs.
        let mut start = i;
        let mut aux_be = false;
        let mut has_aux = false;
        // An adverb between auxiliary and verb is walked over too ("is also determined").
        let adverb = |k: usize| !toks[k].cap && (is(doc, k, flag::ADVERB) || ly_adverb(doc, k));
        while start > range.start
            && depth[start - 1] == 0
            && (is(doc, start - 1, flag::AUX) || start - 1 > range.start && adverb(start - 1) && depth[start - 2] == 0 && is(doc, start - 2, flag::AUX))
        {
            if is(doc, start - 1, flag::BE) {
                aux_be = true;
            }
            has_aux = true;
            start -= 1;
        }
        let infinitive = start > range.start && word_is(doc, start - 1, "to");
        let mut cand = CueCand { start, end, head: i, verb: Some((v, form)), according_to: false, passive_by: false, participial: false, infinitive };
        match form {
            Form::Gerund => {
                if word_is(doc, i - 1.min(i), "as") && i >= 2 && word_in(doc, i - 2, &["quoted", "cited"]) {
                    // "was quoted as saying": the cue starts at the auxiliary before "quoted".
                    let mut s = i - 2;
                    while s > range.start && is(doc, s - 1, flag::AUX) {
                        s -= 1;
                    }
                    cand.start = s;
                } else if !has_aux {
                    let after_comma = i > range.start && punct_is(&toks[i - 1], text, b',');
                    // "criticised for saying that …", "After saying her knee was …" (not "goes
                    // without saying").
                    let after_prep = i > range.start && word_in(doc, i - 1, &["after", "before", "for", "from", "by", "while", "upon", "in", "when"]);
                    // "footage of the governor asking, “…”": it introduces a quotation.
                    let k = i + 1 + usize::from(i + 1 < range.end && toks[i + 1].kind == TokKind::Punct && matches!(text.as_bytes()[toks[i + 1].start as usize], b',' | b':'));
                    let before_quote = i > range.start
                        && k < range.end
                        && toks[k].kind == TokKind::Mark
                        && depth.get(k + 1).is_some_and(|&d| d > 0)
                        && !matches!(v.class, VerbClass::Mental | VerbClass::Evidence);
                    if !(after_comma || after_prep || before_quote) {
                        i += 1;
                        continue;
                    }
                    cand.participial = true;
                }
            }
            Form::Past | Form::Participle if aux_be => {
                if word_is(doc, end, "by") {
                    cand.passive_by = true;
                } else {
                    i += 1;
                    continue;
                }
            }
            Form::Base => {
                // "officials say", "they say", "will say"; not "to say" or a noun use.
                // Adverbs between subject and verb ("Mexicans often say") are looked past.
                let mut p = i;
                while p > range.start + 1 && depth[p - 1] == 0 && !toks[p - 1].cap && (is(doc, p - 1, flag::ADVERB) && !is(doc, p - 1, flag::AUX) || ly_adverb(doc, p - 1)) {
                    p -= 1;
                }
                let prev_ok = has_aux
                    || (p > range.start
                        && (punct_is(&toks[p - 1], text, b',')
                            || word_in(doc, p - 1, &["they", "we", "i", "you", "people", "some", "many", "others"])
                            || toks[p - 1].has(flag::GROUP)
                            // "Mr. Grassley and Mr. Leahy say", "supporters in Congress say"
                            || (toks[p - 1].cap && toks[p - 1].kind == TokKind::Word && (p - 1 > range.start || p < i))
                            || (toks[p - 1].kind == TokKind::Word && text[toks[p - 1].start as usize..toks[p - 1].end as usize].ends_with('s') && !toks[p - 1].cap)));
                // "the New York state attorney general": after a name inside the sentence and before
                // a lower-case title, a noun ("Critics say president Kane…" still reports). After a
                // comma or a reporting verb any title will do: "the mayor’s niece, state Sen. Quill,",
                // "says state Rep. Ruiz".
                let title_next = i + 1 < range.end && !toks[i + 1].possessive && is(doc, i + 1, flag::TITLE | flag::HONORIFIC);
                let before_title = title_next
                    && ((p > range.start + 1 && toks[p - 1].cap && !toks[i + 1].cap && is(doc, i + 1, flag::TITLE))
                        || (p > range.start
                            && (punct_is(&toks[p - 1], text, b',')
                                || toks[p - 1].entry().and_then(|e| e.verb).is_some_and(|(_, f)| matches!(f, Form::Past | Form::Participle))
                                || word_is(doc, p - 1, "says"))));
                // "the FBI email probe": after "the" and a singular name a verb would need an -s.
                let singular_subject = !has_aux
                    && p >= range.start + 2
                    && toks[p - 1].cap
                    && toks[p - 1].kind == TokKind::Word
                    && !toks[p - 1].text(text).ends_with(['s', 'S'])
                    && word_in(doc, p - 2, &["the", "a", "an"]);
                if !prev_ok || before_title || singular_subject {
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        out.push(cand);
        i = end;
    }
}
