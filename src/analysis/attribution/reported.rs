//! Reported speech: what a cue with a source reports when no direct quotation took it. The content
//! opens after the cue (past a listener, "called for", a topic, a promise's "to", a short lead
//! phrase, "that") and runs forward to the clause end or to a later cue's own clause; with nothing
//! after the cue it runs backward to the clause start ("…, AFP reported").

use super::clause::{continues_clause, reads_as_clause};
use super::draft::{direct_or_partial, is_title, make_draft};
use super::scan::{clause_end, clause_start, dash_at, listener_to_colon, skip_right, span_of};
use super::source::{Resolved, Source};
use super::{Ctx, Ledger, QuotationIds};
use crate::analysis::cues::{is, ly_adverb, number_word, punct_is, word_in, word_is};
use crate::analysis::lexicon::{flag, VerbClass};
use crate::analysis::inline::Parts;
use crate::analysis::model::{QuoteKind, Span};
use crate::analysis::speakers::{np_right, Np};
use crate::analysis::text::{Doc, TokKind};

/// Draft the reported speech of every cue in `resolved` that can speak and is not used yet, with
/// the quotations inside it as the same source's words. `qcur` is the first quotation that may lie
/// in this sentence, carried from sentence to sentence.
pub(super) fn attribute_reported(c: &Ctx, resolved: &mut [Resolved], si: usize, led: &mut Ledger, qcur: &mut usize) {
    let doc = c.doc;
    let toks = &doc.tokens;
    for ri in 0..resolved.len() {
        if resolved[ri].used || !resolved[ri].speaks() {
            continue;
        }
        let r = &resolved[ri];
        let Some(content) = reported_content(c, r, &resolved[ri + 1..]) else { continue };
        if thought_without_clause(c, r, content.end) {
            continue;
        }
        let span = span_of(doc, content.start, content.end);
        let inner = quotations_within(c, qcur, span);
        if mostly_quoted_already(c, &inner, led, span) {
            continue;
        }
        let kind = if inner.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
        let di = led.drafts.len();
        // Sized for the second part, if any: no regrowth for it.
        let mut parts = Parts::one(span);
        if let Some((b, e)) = content.second {
            parts.push(span_of(doc, b, e));
        }
        let mut d = make_draft(doc, &led.entities, r, kind, parts, QuotationIds::default(), si);
        if let (Some(e), Some(cue)) = (content.cue_end, d.cue.as_mut()) {
            cue.span.end = toks[e - 1].end as usize;
            cue.text = cue.span.text(doc.text).into();
        }
        let span = d.span;
        resolved[ri].used = true;
        led.sentence_attributed[si] = true;
        led.attributed_spans.push(span);
        if !reports_speech(doc, &resolved[ri]) {
            led.non_speech.push(d);
            continue;
        }
        led.drafts.push(d);
        draft_fragments(c, &resolved[ri], di, inner, si, led);
    }
}

/// How far after its cue a quoted fragment in the cue's object may open (in tokens).
const OBJECT_REACH: usize = 16;

/// Quoted words in the object of a cue that reported no clause are its source's words:
/// "dismissed the report as “complete rubbish”", "accused the mayor of “running scared”",
/// "praised the “spirit of the town”". Each quotation with no draft yet that reads as a partial
/// quotation and opens soon after a cue that can speak and is still unused (no comma, no later cue
/// between) becomes a partial quote of that source with that cue. Thought and evidence ("believes
/// the “plan”", "figures show a “record”") attribute nothing, nor does a title ("told “Harbour
/// Live”", [`is_title`]): nobody says it.
pub(super) fn attribute_object_fragments(c: &Ctx, resolved: &mut [Resolved], si: usize, led: &mut Ledger, qcur: &mut usize) {
    let doc = c.doc;
    for ri in 0..resolved.len() {
        let r = &resolved[ri];
        if r.used || !r.speaks() || r.cue.passive_by {
            continue;
        }
        let from = r.after.max(r.cue.end);
        let reach = (from + OBJECT_REACH).min(c.s1);
        let Some(open) = quoted_object(c, from) else { continue };
        // "went on to become the “cabinet enforcer”": an infinitive of no promise or request.
        let infinitive = word_is(doc, from, "to") && !r.cue.verb.is_some_and(|(v, _)| v.promise || v.request);
        let later_cue = resolved[ri + 1..].iter().any(|n| (from..open).contains(&n.block_start.min(n.cue.start)));
        let thought = matches!(r.cue.verb.map(|(v, _)| v.class), Some(VerbClass::Mental));
        if infinitive || later_cue || thought || !reports_speech(doc, r) {
            continue;
        }
        let span = span_of(doc, from, clause_end(doc, c.depth, from, c.s1).max(from + 1));
        let mut taken = false;
        for &x in quotations_within(c, qcur, span).iter() {
            let title = || is_title(doc, c.quotes, x, c.s0..c.s1);
            if c.quotes.quotations[x].open >= reach || led.quotation_draft[x].is_some() || direct_or_partial(doc, c.quotes, x, c.s0) != QuoteKind::Partial || title() {
                continue;
            }
            led.quotation_draft[x] = Some(led.drafts.len());
            let d = make_draft(doc, &led.entities, &resolved[ri], QuoteKind::Partial, Parts::one(c.quotes.quotations[x].span), QuotationIds::one(x), si);
            led.drafts.push(d);
            taken = true;
        }
        resolved[ri].used |= taken;
    }
}

/// The opening mark of a quotation in the object of a cue whose object starts at token `from`:
/// within [`OBJECT_REACH`], with no comma before it ("accused the mayor of “running scared”",
/// not "praised the plan, but the “experts” …"). Most cues have no quotation soon after them.
fn quoted_object(c: &Ctx, from: usize) -> Option<usize> {
    let toks = &c.doc.tokens;
    let reach = (from + OBJECT_REACH).min(c.s1);
    let open = (from..reach).find(|&x| toks[x].kind == TokKind::Mark && c.depth[x] == 1)?;
    (!(from..open).any(|x| c.depth[x] == 0 && punct_is(&toks[x], c.doc.text, b','))).then_some(open)
}

/// Quoted words in the object of a cue whose object starts at `from` ([`quoted_object`]) that
/// are no title ("wrote “The Long Pier”") and that no verb of their own governs ("highlighted
/// remarks he made, saying he “…”"): words someone said.
pub(super) fn quoted_words_in_object(c: &Ctx, from: usize) -> bool {
    let Some(open) = quoted_object(c, from) else { return false };
    let toks = &c.doc.tokens;
    let verb = |x: usize| c.depth[x] == 0 && !toks[x].cap && toks[x].has(flag::VERB) && (toks[x].text(c.doc.text).ends_with("ing") || toks[x].text(c.doc.text).ends_with("ed") || is(c.doc, x, flag::AUX));
    if (from..open).any(verb) || (from..open).any(|x| word_in(c.doc, x, &["that", "who", "which"])) {
        return false;
    }
    let quotations = &c.quotes.quotations;
    let qi = quotations.partition_point(|q| q.open < open);
    !(quotations.get(qi).is_some_and(|q| q.open == open) && is_title(c.doc, c.quotes, qi, c.s0..c.s1))
}

/// A cue's reported content: tokens `start..end`, a second part after the cue when the content
/// stands around it ("But to prevent problems, he said, officials should be vigilant."), and
/// where the cue ends when it takes a preposition ("spoke of").
#[derive(Debug, PartialEq, Eq)]
struct Content {
    start: usize,
    end: usize,
    second: Option<(usize, usize)>,
    cue_end: Option<usize>,
}

/// The content of cue `r`, forward from it if it opens a clause there, else (and also for
/// "according to X" late in the sentence) backward to the clause start. `later` are the
/// sentence's cues after `r`: the forward content ends where their own clauses begin.
fn reported_content(c: &Ctx, r: &Resolved, later: &[Resolved]) -> Option<Content> {
    let op = content_opening(c, r);
    let fwd_end = forward_end(c, r, op.at, later);
    let mut content = forward_content(c, r, &op, fwd_end);
    let mut second = None;
    if content.is_none() || r.cue.according_to && r.block_start > c.s0 + 2 {
        let (back, second_part) = backward_content(c, r);
        if back.is_some() {
            content = back;
        }
        second = second_part;
    }
    let (start, end) = content?;
    Some(Content { start, end, second, cue_end: op.cue_end })
}

/// Where a cue's forward content may begin, and what led there.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Opening {
    /// The first token of the content.
    pub at: usize,
    /// After "that" ("said that ...").
    pub explicit_that: bool,
    /// "called on the council to act", "called the plan “a disgrace”".
    pub calls: bool,
    /// A clause after a preposition ("spoke about how the pier fell").
    pub topic: bool,
    /// "vowed to bring back jobs", "urged voters to stay home".
    pub promise_to: bool,
    /// The verb reports a clause ("said he would", "told him that").
    pub takes_clause: bool,
    /// "spoke of", "commented on": the cue ends before this token, after the preposition.
    pub cue_end: Option<usize>,
}

/// Walk from the end of cue `r` (and an inverted source) to where its content begins, one
/// construction at a time, in the order they can follow a verb.
pub(super) fn content_opening(c: &Ctx, r: &Resolved) -> Opening {
    let (doc, s1) = (c.doc, c.s1);
    let (listener, takes_clause) = match r.cue.verb {
        Some((v, _)) => (v.listener, v.takes_clause || v.listener),
        None => (false, true),
    };
    let mut a = r.after;
    let listener_start = a;
    if listener {
        a = past_listener(c, a);
    }
    // "promised to lift regulations", "urged Kane to make the debate count": "to" and a verb are
    // the content, not a setting like "to reporters".
    let infinitive = word_is(doc, a, "to") && r.cue.verb.is_some_and(|(v, _)| v.promise || v.request);
    if !infinitive {
        a = skip_right(doc, c.depth, a, s1);
    }
    let (mut a, calls) = call_object(c, r, a);
    let (mut topic, mut cue_end) = (false, None);
    if let Some((b, end)) = topic_of(c, r, a) {
        (a, topic, cue_end) = (b, true, end);
    }
    let (mut a, promise_to) = promise_or_request(c, r, a, listener_start);
    if takes_clause && !calls {
        a = past_lead_phrase(c, a);
    }
    let explicit_that = word_is(doc, a, "that") && !that_is_object(c, a);
    if explicit_that {
        a += 1;
        if a < s1 && punct_is(&doc.tokens[a], doc.text, b',') {
            a += 1;
        }
    }
    Opening { at: a, explicit_that, calls, topic, promise_to, takes_clause, cue_end }
}

/// "denied that, saying he …", "confirmed that.": "that" at token `a` is a pronoun, the verb's
/// object, when the sentence ends after it or a comma leads to a participle; "said that, if
/// elected, he …" keeps it as the start of a clause.
fn that_is_object(c: &Ctx, a: usize) -> bool {
    let (doc, s1) = (c.doc, c.s1);
    let toks = &doc.tokens;
    let ends = a + 1 >= s1 || toks[a + 1].kind == TokKind::Punct && matches!(toks[a + 1].first_char(doc.text), '.' | ';' | '!' | '?');
    // A reporting verb's participle ("saying", "adding"), not "according to" or "following".
    let participle = a + 2 < s1 && punct_is(&toks[a + 1], doc.text, b',') && is(doc, a + 2, flag::VERB) && !toks[a + 2].cap && toks[a + 2].text(doc.text).ends_with("ing");
    ends || participle
}

/// Past the listener of "tell", "inform", "urge" at token `a`: a noun phrase ("told the council"),
/// with a programme's name after it ("told Channel 9's “Morning Desk” that ..."), or a pronoun or
/// a plain noun before "that" ("told him that", "told inspectors that").
fn past_listener(c: &Ctx, mut a: usize) -> usize {
    let (doc, s1) = (c.doc, c.s1);
    let toks = &doc.tokens;
    if let Some(colon) = listener_before_colon(c, a) {
        return colon;
    }
    if let Some(np) = np_right(doc, c.depth, a, s1) {
        a = np.end;
        if a < s1 && toks[a].kind == TokKind::Mark {
            let quotations = &c.quotes.quotations;
            let qx = quotations.partition_point(|q| q.open < a);
            if let Some(q) = quotations.get(qx).filter(|q| q.open == a && q.close < (a + 8).min(s1)) {
                // "… “Morning Joe” on Friday that"
                let mut t = q.close + 1;
                if word_is(doc, t, "on") && is(doc, t + 1, flag::DAY_MONTH) {
                    t += 2;
                }
                if word_is(doc, t, "that") {
                    a = t;
                }
            }
        }
    } else if word_in(doc, a, &["him", "her", "them", "us", "me", "myself", "himself", "herself", "themselves", "ourselves", "yourself"])
        || (a + 1 < s1 && toks[a].kind == TokKind::Word && !toks[a].cap && toks[a].flags() & (flag::FUNCTION | flag::PREP | flag::DET | flag::VERB) == 0 && word_is(doc, a + 1, "that"))
    {
        a += 1;
    }
    a
}

/// "told Harbour FM's Morning Desk: “…”": the listener ends at a colon that opens a quotation
/// (`listener_to_colon`); the colon's token, or `None`.
fn listener_before_colon(c: &Ctx, a: usize) -> Option<usize> {
    let colon = listener_to_colon(c.doc, c.depth, a, c.s1)?;
    let quotations = &c.quotes.quotations;
    quotations.get(quotations.partition_point(|q| q.open <= colon)).filter(|q| q.open == colon + 1).map(|_| colon)
}

/// "call" reports a request or quoted words: "called on Congress to act", "called for the
/// minister to resign", "called the plan “a disgrace”". What it calls for or calls someone with
/// no clause and no quotation is no speech ("called for an inquiry", "called his coach", "called
/// him a master at closing deals"). Returns the content start and whether it reports.
fn call_object(c: &Ctx, r: &Resolved, a: usize) -> (usize, bool) {
    let (doc, s1) = (c.doc, c.s1);
    if !r.cue.verb.is_some_and(|(v, _)| &*v.base == "call") {
        return (a, false);
    }
    if r.cue.end > r.cue.head + 1 {
        return (a, np_then_infinitive(c, a));
    }
    if word_in(doc, a, &["for", "on"]) {
        return (a + 1, np_then_infinitive(c, a + 1));
    }
    let lim = (a + 8).min(s1);
    let quoted = (a..lim).any(|x| doc.tokens[x].kind == TokKind::Mark && c.depth[x] == 1) && !is(doc, a, flag::PREP);
    (a, quoted)
}

/// A noun phrase at `a` and then "to" and a verb: "the minister to resign", "Congress to act",
/// "the administration to “call out Russia”".
fn np_then_infinitive(c: &Ctx, a: usize) -> bool {
    let doc = c.doc;
    let toks = &doc.tokens;
    // The noun phrase as the parser reads it, or else a few plain words ("female contestants").
    let after = np_right(doc, c.depth, a, c.s1)
        .map(|np| np.end)
        .or_else(|| (a + 1..(a + 6).min(c.s1)).take_while(|&k| toks[k].kind == TokKind::Word && !is(doc, k, flag::VERB)).find(|&k| word_is(doc, k, "to")))
        .unwrap_or(a);
    let verb = after + 1 + usize::from(toks.get(after + 1).is_some_and(|t| t.kind == TokKind::Mark));
    after > a && word_is(doc, after, "to") && toks.get(verb).is_some_and(|t| t.kind == TokKind::Word && !t.cap && t.flags() & (flag::DET | flag::PRONOUN) == 0)
}

/// "spoke about how the pier fell", "asked Kane about whether the pier was safe": a
/// preposition before a wh-clause opens the content. A topic that is a noun phrase ("spoke of the
/// legacy", "commented on the shooting") says what was talked about, not what was said. Returns
/// the wh-word, and the cue's new end when the preposition follows the verb directly.
fn topic_of(c: &Ctx, r: &Resolved, a: usize) -> Option<(usize, Option<usize>)> {
    let (doc, s1) = (c.doc, c.s1);
    let verb = r.cue.verb.map(|(v, _)| v).filter(|v| v.topic)?;
    let mut b = a;
    if &*verb.base == "ask" {
        if let Some(np) = np_right(doc, c.depth, b, s1).filter(|np| word_is(doc, np.end, "about")) {
            b = np.end;
        }
    }
    if word_in(doc, b, &["about", "of", "on", "against"]) && b + 1 < s1 && word_in(doc, b + 1, &["how", "what", "why", "whether", "when", "where", "who"]) {
        // "spoke about", "commented on": the preposition belongs to the cue.
        return Some((b + 1, (b == r.cue.end).then_some(b + 1)));
    }
    None
}

/// "has vowed to bring back jobs", "pledged to push for an amendment": a promise reports its
/// infinitive; "urged Republicans to join", "warned voters to stay home": a request reports the
/// listener and the request, so the content starts back at the listener.
fn promise_or_request(c: &Ctx, r: &Resolved, a: usize, listener_start: usize) -> (usize, bool) {
    let (doc, s1) = (c.doc, c.s1);
    let toks = &doc.tokens;
    let verb = r.cue.verb.map(|(v, _)| v);
    // "urged voters to “stay home”": the quoted words are the request.
    let v = a + 1 + usize::from(toks.get(a + 1).is_some_and(|t| t.kind == TokKind::Mark) && c.depth.get(a + 2).is_some_and(|&d| d > 0));
    let infinitive_next = word_is(doc, a, "to") && v < s1 && toks[v].kind == TokKind::Word && !toks[v].cap && toks[v].flags() & (flag::DET | flag::PRONOUN) == 0;
    if infinitive_next && a > listener_start && verb.is_some_and(|v| v.request) {
        return (listener_start, true);
    }
    (a, infinitive_next && verb.is_some_and(|v| v.promise))
}

/// "said after the hearing she would ...": a short phrase (no verb) before the reported clause's
/// subject is skipped; `a` when none.
fn past_lead_phrase(c: &Ctx, a: usize) -> usize {
    let doc = c.doc;
    let toks = &doc.tokens;
    if is(doc, a, flag::PREP) && !word_in(doc, a, &["that", "of", "about", "to", "with", "for", "by"]) {
        let lim = (a + 7).min(c.s1);
        if let Some(j) = (a + 2..lim).take_while(|&j| c.depth[j] == 0 && toks[j].kind == TokKind::Word).find(|&j| word_in(doc, j, &["he", "she", "they", "we", "i", "it", "there", "that"])) {
            if (a + 1..j).all(|x| !is(doc, x, flag::VERB) || toks[x].has(flag::ATTR_NOUN)) {
                return j;
            }
        }
    }
    a
}

/// Where forward content from token `a` ends: the clause end, the dash that closes a relative
/// clause set off by dashes ("the study -- which notes that … -- shows"), or where a later cue's
/// own clause begins (`later_clause_start`).
fn forward_end(c: &Ctx, r: &Resolved, a: usize, later: &[Resolved]) -> usize {
    let doc = c.doc;
    let mut end = clause_end(doc, c.depth, a, c.s1);
    if let Some(e) = fronted_clause_end(c, r, a, end) {
        end = e;
    }
    if let Some(e) = writer_takes_back(c, a, end) {
        end = e;
    }
    if r.relative.is_some_and(|w| dash_at(doc, w - 1)) {
        if let Some(d) = (a..end).find(|&x| c.depth[x] == 0 && dash_at(doc, x)) {
            end = d;
        }
    }
    for r2 in later {
        let Some(src) = &r2.source else { continue };
        if let Some(e) = later_clause_start(c, a, end, r2, src) {
            return e;
        }
    }
    end
}

/// Words that open a clause set before the main one: "*Though* aides said in June that he would
/// stay, the campaign has …".
const FRONTING: &[&str] = &["though", "although", "while", "whereas", "if", "because", "since", "when", "after", "before", "once", "unless", "until"];

/// A cue inside a clause that opens its sentence ("While Ann Ode said that the pier was safe,
/// engineers appear to disagree"): its content ends at the comma that closes that clause, where
/// the main clause begins. That comma is the first after `a` (before `end`) not followed by a
/// relative pronoun ("…, whose support held, the campaign …"), with a clause on either side.
fn fronted_clause_end(c: &Ctx, r: &Resolved, a: usize, end: usize) -> Option<usize> {
    let (doc, s0) = (c.doc, c.s0);
    let toks = &doc.tokens;
    let first = if word_in(doc, s0, &["but", "and", "yet", "even"]) { s0 + 1 } else { s0 };
    let subject_first = r.source.as_ref().is_some_and(|s| !s.right);
    if !subject_first || !word_in(doc, first, FRONTING) || r.cue.start <= first + 1 {
        return None;
    }
    let comma = |k: usize| c.depth[k] == 0 && punct_is(&toks[k], doc.text, b',');
    if (first..r.cue.start).any(comma) {
        return None;
    }
    let relative = |k: usize| word_in(doc, k, &["which", "who", "whose", "whom", "where"]);
    // Both sides must read as clauses: "Although some researchers have found links with X, it is
    // possible …" keeps its old reading (a weasel's object, then the rest).
    let k = (a + 1..end).find(|&k| comma(k) && k + 1 < end && !relative(k + 1) && toks[k + 1].kind != TokKind::Mark)?;
    (reads_as_clause(c, a, k) && reads_as_clause(c, k + 1, end)).then_some(k)
}

/// Coordinators after a comma with which the writer may take a sentence back from a source.
/// ("while" and "whereas" mostly set two parts of one statement side by side: "said sales had
/// fallen, while profits had risen".)
const TAKE_BACK: &[&str] = &["but", "although", "though", "yet"];

/// "Ann Ode said the pier was old, but the toll is widely seen as unfair": reported content
/// `a..end` ends at a comma and a contrasting coordinator that open a clause with a subject and a
/// finite verb of its own before any other comma, where the writer takes the sentence back. Not
/// without the comma ("said the pier was old but the toll was fair": one reported clause in two
/// parts), not before "that" ("…, but that wages would not": still reported), a verb or a phrase
/// ("…, but would not", "…, but safe"), a word that may point back to the source ([`opens_subject`]),
/// nor with quoted words after the turn (the source's still) or a dash aside before it.
fn writer_takes_back(c: &Ctx, a: usize, end: usize) -> Option<usize> {
    let doc = c.doc;
    let toks = &doc.tokens;
    let comma = |k: usize| c.depth[k] == 0 && punct_is(&toks[k], doc.text, b',');
    let k = (a + 2..end.saturating_sub(3)).find(|&k| comma(k) && word_in(doc, k + 1, TAKE_BACK))?;
    if (a..k).any(|x| dash_at(doc, x)) || (k..end).any(|x| c.depth[x] > 0) || !opens_subject(c, k + 2) || !names_an_actor(c, k + 2, end) {
        return None;
    }
    let verb_by = (k + 3..end).find(|&x| comma(x)).unwrap_or(end);
    reads_as_clause(c, k + 2, verb_by).then_some(k)
}

/// Does the subject that opens at `s` (the words before its first verb) hold a name: "…, but the
/// NYPD overruled it", "…, but Mr Brown is thought to"? A writer taking the sentence back mostly
/// turns to another actor; "…, but much work was needed", "…, but the perception remained" are as
/// often the source's own second thought, which a reader forgives less to lose.
fn names_an_actor(c: &Ctx, s: usize, end: usize) -> bool {
    let doc = c.doc;
    let toks = &doc.tokens;
    // Up to its verb, a preposition or a relative word ("the future of the TV viewers", "the form
    // in which I wanted": the name is no subject's).
    let head = |x: usize| toks[x].kind == TokKind::Word && !is(doc, x, flag::PREP) && (toks[x].cap || !is(doc, x, flag::VERB | flag::FINITE | flag::AUX | flag::PRONOUN));
    (s..(s + 6).min(end)).take_while(|&x| head(x)).any(|x| toks[x].cap && !word_is(doc, x, "I"))
}

/// Words after "but" that may carry on the source's statement: pronouns and words pointing back
/// ("…, but his job now was", "…, but this would not"), and words that open no subject.
const NO_NEW_SUBJECT: &[&str] = &[
    "that", "this", "these", "those", "there", "his", "her", "their", "its", "our", "my", "your", "so", "then", "now", "rather", "instead", "also",
    "still", "only", "not", "who", "which", "whom", "whose", "when", "where", "why", "how", "if", "because", "as", "since", "after", "before", "until", "unless", "once",
];

/// Can token `s` open a subject of the writer's own: a number, a name, a determiner or a noun,
/// not a pronoun or a word in [`NO_NEW_SUBJECT`], and no verb, contraction, adverb or preposition
/// ("…, but couldn't", "…, but ultimately", "…, but on").
fn opens_subject(c: &Ctx, s: usize) -> bool {
    let doc = c.doc;
    let t = &doc.tokens[s];
    if t.kind == TokKind::Number {
        return true;
    }
    // "there's", "it's", "couldn't"; a lower-case possessive is as often one ("that's").
    let contraction = !t.cap && t.text(doc.text).contains(['\'', '’']);
    let other = is(doc, s, flag::VERB | flag::FINITE | flag::AUX | flag::ADVERB | flag::PREP) && !t.cap && !is(doc, s, flag::DET);
    t.kind == TokKind::Word && !is(doc, s, flag::PRONOUN) && !word_in(doc, s, NO_NEW_SUBJECT) && !contraction && !other && !ly_adverb(doc, s)
}

/// Does later cue `r2` (with source `src`) report its own clause inside content `a..end`? Then
/// the content ends before it (the token returned).
fn later_clause_start(c: &Ctx, a: usize, end: usize, r2: &Resolved, src: &Source) -> Option<usize> {
    let (doc, s1) = (c.doc, c.s1);
    let toks = &doc.tokens;
    let text = doc.text;
    // "welcomed the grant from Whitfield, who says ...": the relative clause is hers.
    if let Some(w) = r2.relative.filter(|&w| w > a + 2 && w <= end) {
        return Some(w - 1);
    }
    let b = r2.block_start.min(r2.cue.start);
    // "attacked Clinton for her record, saying ...": the participle reports its own clause.
    if !src.right && b > a + 1 && b <= end && punct_is(&toks[b - 1], text, b',') && (r2.cue.participial || clause_end(doc, c.depth, r2.after, s1) <= r2.after + 1) {
        return Some(b - 1);
    }
    // "said he would order a review and warned against hackers": a coordinated cue with the same
    // subject reports its own clause.
    let own_clause = word_is(doc, r2.after, "that")
        || r2.cue.verb.is_some_and(|(v, _)| v.takes_clause) && r2.after < s1 && toks[r2.after].kind == TokKind::Word && !is(doc, r2.after, flag::PREP);
    if own_clause && !r2.cue.participial && r2.cue.start > a + 1 && r2.cue.start <= end && word_in(doc, r2.cue.start - 1, &["and", "but"]) {
        return Some(r2.cue.start - 1);
    }
    // "agreed that the rules are old, but he said that ...", "... intense — and he noted that
    // ...": a new subject and cue after a comma or dash and a conjunction report their own clause.
    let pause = |x: usize| punct_is(&toks[x], text, b',') || dash_at(doc, x) || toks[x].kind == TokKind::Mark && x > a && punct_is(&toks[x - 1], text, b',');
    if !src.right && !r2.cue.participial && b > a + 2 && b <= end && pause(b - 2) && word_in(doc, b - 1, &["but", "though", "although", "while", "whereas", "and"]) {
        return Some(b - 2);
    }
    // "When he wrote his book, Mr. Kane said that ...": a main clause with its own subject and
    // reported clause after the comma (or a dash closing an aside).
    let intro = r2.after + 1 < s1 && toks[r2.after].kind == TokKind::Punct && matches!(toks[r2.after].first_char(text), ',' | ':') && toks[r2.after + 1].kind == TokKind::Mark;
    if !src.right && !r2.cue.participial && (own_clause || intro) && b > a + 1 && b <= end && pause(b - 1) {
        return Some(b - 1);
    }
    None
}

/// Forward content `op.at..fwd_end`, if something reportable starts there: not a quotation or
/// colon the cue introduces (a direct quotation's business), not a comma after an inverted
/// source, and not a bare preposition ("spoke to Putin") unless it rounds a number ("said about
/// 20 people left"). It is what "that", a promise, a request, "called on" or "according to"
/// introduces, or a clause ([`reads_as_clause`]: "said sales rose", not "added three goals")
/// after a wh-word or a verb that takes one.
fn forward_content(c: &Ctx, r: &Resolved, op: &Opening, fwd_end: usize) -> Option<(usize, usize)> {
    let (doc, s0, s1) = (c.doc, c.s0, c.s1);
    let toks = &doc.tokens;
    let text = doc.text;
    let mut a = op.at;
    let intro_quote = a < s1 && (toks[a].kind == TokKind::Mark && !op.explicit_that || punct_is(&toks[a], text, b':'));
    // "According to the authority, about 42,000 vehicles ..."
    if r.cue.according_to && r.cue.start <= s0 + 1 && a < s1 && punct_is(&toks[a], text, b',') {
        a += 1;
    }
    if intro_quote || fwd_end <= a + 1 || a < s1 && punct_is(&toks[a], text, b',') && r.source.as_ref().is_some_and(|s| s.right) {
        return None;
    }
    let approx = word_in(doc, a, &["about", "around", "over", "under", "nearly"])
        && (toks.get(a + 1).is_some_and(|t| t.kind == TokKind::Number) || number_word(doc, a + 1) || word_in(doc, a + 1, &["half", "dozen", "hundred", "thousand"]));
    let clause = || reads_as_clause(c, a, fwd_end);
    let starts_ok = a < s1
        && (toks[a].kind != TokKind::Punct || toks[a].kind == TokKind::Mark)
        && (op.calls
            || op.promise_to
            || r.cue.according_to
            || op.explicit_that
            || op.topic && clause()
            || op.takes_clause && (!is(doc, a, flag::PREP) || approx) && clause());
    starts_ok.then_some((a, fwd_end))
}

/// Backward content: "..., news agency AFP reported." / "..., according to AFP." — the clause
/// before the cue block, when a comma (maybe inside a closing mark) separates them. With a
/// second part after the cue ("But to prevent problems, he said, officials should be
/// vigilant."), one word before the cue is enough. Either part must read as a clause, except
/// what "according to" attributes. Returns (content, second part).
fn backward_content(c: &Ctx, r: &Resolved) -> (Option<(usize, usize)>, Option<(usize, usize)>) {
    let (doc, s0, s1) = (c.doc, c.s0, c.s1);
    let toks = &doc.tokens;
    let text = doc.text;
    let bs = r.block_start.min(r.cue.start);
    // `The country "has changed," McConnell said`: the comma sits inside the closing mark.
    let comma_in_mark = bs > s0 + 2 && toks[bs - 1].kind == TokKind::Mark && punct_is(&toks[bs - 2], text, b',');
    if !(bs > s0 + 1 && (punct_is(&toks[bs - 1], text, b',') || comma_in_mark) || bs > s0 + 1 && r.cue.according_to) {
        return (None, None);
    }
    if object_follows(c, r) || names_without_clause(r) {
        return (None, None);
    }
    let end = if toks[bs - 1].kind == TokKind::Punct { bs - 1 } else { bs };
    let start = clause_start(doc, c.depth, end, s0);
    if end <= start {
        return (None, None);
    }
    let mut second = None;
    let b = skip_right(doc, c.depth, r.after, s1);
    if b + 2 < s1 && punct_is(&toks[b], text, b',') {
        let e2 = clause_end(doc, c.depth, b + 1, s1);
        if e2 > b + 2 {
            second = Some((b + 1, e2));
        }
    }
    if let Some(s2) = second.filter(|&(b, e)| !r.cue.according_to && scene_setter(c, start, end) && reads_as_clause(c, b, e)) {
        return (Some(s2), None);
    }
    // One word before the cue ("And perhaps, he said, ...") reports only with what follows; a
    // phrase with no verb ("On Thursday, however, he spoke …") reports nothing.
    let is_clause = r.cue.according_to || reads_as_clause(c, start, end) || second.is_some_and(|(b, e)| continues_clause(c, b, e));
    let content = (is_clause && (end > start + 1 || second.is_some())).then_some((start, end));
    (content, second)
}

/// "By contrast, said Mr Hale, the code …", "On average, she said, users …": a short phrase before an
/// inserted cue that opens with a preposition or is an adverb, with no verb, sets the scene; when
/// the words after the cue are a clause of their own, they alone are the content. ("One in three
/// women, the survey said, thought …": the words before the cue are the subject; both parts stay.)
fn scene_setter(c: &Ctx, start: usize, end: usize) -> bool {
    let doc = c.doc;
    // ("to prevent problems" is a purpose clause: its verb may be one the lexicon does not know.)
    let prep = is(doc, start, flag::PREP) && !word_is(doc, start, "to");
    end - start <= 4 && (prep || end == start + 1 && is(doc, start, flag::ADVERB)) && (start..end).all(|x| doc.tokens[x].kind == TokKind::Word && !is(doc, x, flag::VERB))
}

/// Does the verb of cue `r` take an object of its own, past its listener and setting ("…,
/// saying the plan was late", "…, and added three goals")? Then the clause before it is not what
/// it reports; "…, the council said on Monday.", "…, she told the BBC." and "…, he said of the
/// plan" end with the cue.
fn object_follows(c: &Ctx, r: &Resolved) -> bool {
    let doc = c.doc;
    let Some((v, _)) = r.cue.verb else { return false };
    let a = if v.listener { past_listener(c, r.after) } else { r.after };
    let b = skip_right(doc, c.depth, a, c.s1);
    b < c.s1 && c.depth[b] == 0 && doc.tokens[b].kind == TokKind::Word && !is(doc, b, flag::PREP)
}

/// A verb that takes no clause after it ("call", "dub", "describe", "welcome") reports none
/// before it either: in "…, a service called PodShow." the participle names a thing, and the
/// name after it is no inverted source.
fn names_without_clause(r: &Resolved) -> bool {
    r.cue.verb.is_some_and(|(v, _)| !v.takes_clause && !v.listener)
}

/// Is what cue `r` reports speech? Thought ("believes") and evidence ("figures show", "the study
/// found") are not (docs/quotes.md): they source a claim but are no quote. A suggestion is speech
/// when a person or a group makes it ("Kane suggested that …", not "figures suggest …").
fn reports_speech(doc: &Doc, r: &Resolved) -> bool {
    let Some((v, _)) = r.cue.verb else { return true };
    match v.class {
        VerbClass::Mental => false,
        VerbClass::Evidence => v.person && r.source.as_ref().is_some_and(|s| !document_or_data(doc, &s.np)),
        _ => true,
    }
}

/// A source that is a document or data, not someone who speaks: "the report", "a survey",
/// "figures", "the data", "it".
fn document_or_data(doc: &Doc, np: &Np) -> bool {
    np.name.is_none() && (doc.tokens[np.end - 1].has(flag::ATTR_NOUN) || word_in(doc, np.end - 1, &["figures", "data", "evidence", "research", "results", "numbers", "statistics", "story", "it", "this"]))
}

/// Mental and evidence verbs ("believes", "thinks") report only with an explicit "that" or when
/// the content stands before them (content ending at `end`).
fn thought_without_clause(c: &Ctx, r: &Resolved, end: usize) -> bool {
    matches!(r.cue.verb.map(|(v, _)| v.class), Some(VerbClass::Mental)) && !(word_is(c.doc, r.after, "that") || end <= r.block_start)
}

/// The outermost quotations wholly inside `span` (which lies in this sentence). Quotations are
/// sorted by start: the scan starts from the sentence's first quotation, kept in `qcur` (a binary
/// search over all of them missed the cache).
fn quotations_within(c: &Ctx, qcur: &mut usize, span: Span) -> QuotationIds {
    let qs_all = &c.quotes.quotations;
    let sent_start = c.doc.tokens[c.s0].start as usize;
    while *qcur < qs_all.len() && qs_all[*qcur].span.start < sent_start {
        *qcur += 1;
    }
    let mut from = *qcur;
    let near = (*qcur + 8).min(qs_all.len());
    while from < near && qs_all[from].span.start < span.start {
        from += 1;
    }
    if from == near {
        from += qs_all[near..].partition_point(|q| q.span.start < span.start);
    }
    if span.start < sent_start {
        // Not reached (content starts in its sentence); kept exact all the same.
        from = qs_all.partition_point(|q| q.span.start < span.start);
    }
    (from..qs_all.len()).take_while(|&x| qs_all[x].span.start < span.end).filter(|&x| qs_all[x].depth == 0 && qs_all[x].span.end <= span.end).collect()
}

/// Content that is mostly a direct quotation some cue already took is not new.
fn mostly_quoted_already(c: &Ctx, inner: &[usize], led: &Ledger, span: Span) -> bool {
    let quotations = &c.quotes.quotations;
    inner.iter().any(|&x| led.quotation_draft[x].is_some_and(|d| led.drafts[d].kind == QuoteKind::Direct))
        && inner.iter().map(|&x| quotations[x].span.len()).sum::<usize>() * 2 > span.len()
}

/// Quoted fragments inside reported speech (draft `di`) are the same source's words: each
/// quotation of `inner` with no draft yet becomes one, nested in `di`.
fn draft_fragments(c: &Ctx, r: &Resolved, di: usize, inner: QuotationIds, si: usize, led: &mut Ledger) {
    for &x in inner.iter() {
        if led.quotation_draft[x].is_none() {
            led.quotation_draft[x] = Some(led.drafts.len());
            let kind = direct_or_partial(c.doc, c.quotes, x, c.s0);
            let mut pd = make_draft(c.doc, &led.entities, r, kind, Parts::one(c.quotes.quotations[x].span), QuotationIds::one(x), si);
            pd.outer = Some(di);
            led.drafts.push(pd);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{fixture, Fixture};
    use super::*;

    /// The content (and second part) that the cue at `word` reports.
    fn content_of(f: &Fixture, word: &str) -> Option<(String, Option<String>)> {
        let (si, _) = f.cue_at(word);
        let resolved = f.resolved(si);
        let k = f.tok(word);
        let ri = resolved.iter().position(|r| r.cue.head == k || r.cue.start == k).unwrap();
        let content = reported_content(&f.ctx(si), &resolved[ri], &resolved[ri + 1..])?;
        Some((f.words(content.start, content.end).to_string(), content.second.map(|(s, e)| f.words(s, e).to_string())))
    }

    #[test]
    fn reported_content_is_bounded_forward_or_backward() {
        // (text, cue word, content, second part)
        let cases: &[(&str, &str, Option<(&str, Option<&str>)>)] = &[
            ("Hartley said that the pier would reopen in May.", "said", Some(("the pier would reopen in May", None))),
            ("Hartley said the pier would reopen in May.", "said", Some(("the pier would reopen in May", None))),
            ("Hartley told the council on Monday that the pier would reopen.", "told", Some(("the pier would reopen", None))),
            ("Hartley told him that the pier would reopen.", "told", Some(("the pier would reopen", None))),
            ("Hartley called for an inquiry into the closure.", "called", None),
            ("Hartley called for local traders to close early.", "called", Some(("local traders to close early", None))),
            ("Hartley called on the council to act.", "called", Some(("the council to act", None))),
            // A noun phrase after a verb of saying is no reported speech.
            ("Hartley criticized the plan to close the pier.", "criticized", None),
            ("The striker added three more goals.", "added", None),
            ("The firm reported a loss of $38m.", "reported", None),
            ("Hartley spoke of the pier's long history.", "spoke", None),
            ("Hartley spoke about how the pier was built.", "spoke", Some(("how the pier was built", None))),
            ("Hartley vowed to rebuild the pier.", "vowed", Some(("to rebuild the pier", None))),
            ("Hartley urged residents to stay away from the pier.", "urged", Some(("residents to stay away from the pier", None))),
            ("Hartley said after the meeting she would resign.", "said", Some(("she would resign", None))),
            ("Hartley said about 20 boats were damaged.", "said", Some(("about 20 boats were damaged", None))),
            ("The pier will reopen in May, the council said.", "said", Some(("The pier will reopen in May", None))),
            ("According to the council, the pier will reopen in May.", "According", Some(("the pier will reopen in May", None))),
            ("The pier will reopen in May, according to the council.", "according", Some(("The pier will reopen in May", None))),
            ("But to prevent problems, Hartley said, crews should stay away.", "said", Some(("to prevent problems", Some("crews should stay away")))),
            // "that" as the verb's object is no start of a clause.
            ("Hartley denied that, saying she was happy to stay.", "denied", None),
            ("Hartley denied that, saying she was happy to stay.", "saying", Some(("she was happy to stay", None))),
            ("Hartley said that, if elected, she would rebuild the pier.", "said", Some(("if elected, she would rebuild the pier", None))),
            ("The board reported that, according to its own figures, the pier had lost money.", "reported", Some(("according to its own figures, the pier had lost money", None))),
            ("Hartley said that, during the storm, the pier had held.", "said", Some(("during the storm, the pier had held", None))),
            // A scene-setting phrase before the cue is no part of what is reported; a subject is.
            ("By contrast, said Hartley, the old pier was much safer.", "said", Some(("the old pier was much safer", None))),
            ("On average, Hartley said, the crews work ten hours.", "said", Some(("the crews work ten hours", None))),
            ("One in three traders, the survey said, thought the pier was unsafe.", "said", Some(("One in three traders", Some("thought the pier was unsafe")))),
            // A preposition starts no reported clause; an introduced quotation is no reported speech.
            ("Hartley spoke to the council.", "spoke", None),
            ("Hartley said: “The pier will reopen.”", "said", None),
            // One word before the cue reports nothing alone.
            ("Perhaps, Hartley said.", "said", None),
            // A verb with an object of its own reports nothing backward; a phrase is no clause.
            ("Crowds gathered at the pier, chanting the mayor's name.", "chanting", None),
            ("On Monday, however, Hartley spoke to the council.", "spoke", None),
            ("The pier will reopen, Hartley told the council.", "told", Some(("The pier will reopen", None))),
            // A verb that takes no clause after it names or describes; it reports nothing before it.
            ("The town runs a ferry service, called Gullwing.", "called", None),
            ("The pier needs new cables, dubbed the lifeline by traders.", "dubbed", None),
            ("The ferry will run all winter, announced Hartley.", "announced", Some(("The ferry will run all winter", None))),
            // A cue in a clause that opens the sentence reports up to the main clause, not past it.
            ("While Hartley said that the pier was safe, engineers appear to disagree.", "said", Some(("the pier was safe", None))),
            ("Though aides insisted in June that the mayor would stay home, whose voters were loyal, the campaign has sent him out.", "insisted", Some(("the mayor would stay home, whose voters were loyal", None))),
            ("But although Hartley said the pier was safe, the council closed it.", "said", Some(("the pier was safe", None))),
            ("Hartley said that, if the pier was safe, the council would reopen it.", "said", Some(("if the pier was safe, the council would reopen it", None))),
            ("Hartley said the pier, which is old, was safe.", "said", Some(("the pier, which is old, was safe", None))),
        ];
        for &(text, word, want) in cases {
            let got = content_of(&fixture(text), word);
            assert_eq!(got.as_ref().map(|(c, s)| (c.as_str(), s.as_deref())), want, "{text:?}");
        }
    }

    #[test]
    fn a_listener_naming_a_programme_ends_at_the_colon_before_a_quotation() {
        use crate::analysis::{analyze, Options};
        // (text, speaker, the one quote: its text) — possessives, digits and lower-case words in
        // the programme's name, and a listener with a clause of its own for contrast.
        let cases: &[(&str, &str, &str)] = &[
            ("Anna Pellow told Harbour FM's Morning Desk: \"We will reopen the bridge.\"", "Anna Pellow", "\"We will reopen the bridge.\""),
            ("Dev Rana told Coast Radio 9's breakfast show: \"The players gave everything.\"", "Dev Rana", "\"The players gave everything.\""),
            ("Dev Rana told Channel 4's Late Desk programme: \"Nobody was hurt.\"", "Dev Rana", "\"Nobody was hurt.\""),
            ("Ms Pellow told the station's late programme: \"The ferry runs on Sunday.\"", "Pellow", "\"The ferry runs on Sunday.\""),
            ("Anna Pellow told Gull 101's Drive with Tessa Lowe: \"I am not resigning.\"", "Anna Pellow", "\"I am not resigning.\""),
            ("Anna Pellow told reporters: \"The bridge is safe.\"", "Anna Pellow", "\"The bridge is safe.\""),
        ];
        for &(text, speaker, quote) in cases {
            let a = analyze(text, &Options::default());
            let quotes: Vec<(&str, Option<&str>, Option<&str>)> =
                a.quotes.iter().map(|q| (&text[q.span.start..q.span.end], q.speaker.map(|s| a.speakers[s].name.as_str()), q.cue.as_ref().map(|c| c.text.as_str()))).collect();
            assert_eq!(quotes.len(), 1, "{text:?}: {quotes:?}");
            assert_eq!(quotes[0].0, quote, "{text:?}");
            assert!(quotes[0].1.is_some_and(|n| n.ends_with(speaker)), "{text:?}: {quotes:?}");
            assert_eq!(quotes[0].2, Some("told"), "{text:?}");
        }
    }

    #[test]
    fn forward_content_ends_where_a_later_cue_reports_its_own_clause() {
        let cases: &[(&str, &str)] = &[
            ("Hartley said the pier would reopen, but Haddad said it would not.", "the pier would reopen"),
            ("Hartley said she would order a review and warned that delays were costly.", "she would order a review"),
            ("Hartley said the grant came from Dana Whitfield, who says she is proud of the pier.", "the grant came from Dana Whitfield"),
            ("Hartley told Haddad that the pier would reopen, the agency reported.", "the pier would reopen"),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            let verb = f.doc.tokens.iter().position(|t| matches!(t.text(text), "said" | "criticized" | "welcomed" | "told")).unwrap();
            let got = content_of(&f, f.words(verb, verb + 1));
            assert_eq!(got.map(|(c, _)| c), Some(want.to_string()), "{text:?}");
        }
    }

    #[test]
    fn reported_content_ends_where_the_writer_takes_the_sentence_back() {
        // (text, cue word, content)
        let cases: &[(&str, &str, &str)] = &[
            // A comma, a contrasting coordinator, a new subject and a finite verb: the writer's clause.
            // A comma, a contrasting coordinator, a subject naming another actor and a finite verb:
            // the writer's clause.
            ("Ann Ode said the pier was old, but the Harbour Board sees the toll as unfair.", "said", "the pier was old"),
            ("Hartley said the roof was sound, although Kestrel Surveys found cracks in March.", "said", "the roof was sound"),
            ("Hartley told the council that the bridge was safe, though Halden Rail last checked it in 2019.", "told", "the bridge was safe"),
            ("Hartley said that the pier was old, yet the Kestrel Trust kept it open.", "said", "the pier was old"),
            ("According to the council, the pier will reopen in May, but Mr Vance says the cafe stays shut.", "According", "the pier will reopen in May"),
            ("Hartley vowed to rebuild the pier, but the town's Green councillors want it gone.", "vowed", "to rebuild the pier"),
            // No name in the new subject: as often the source's own second thought.
            ("Hartley said the meeting had gone well, but much work was needed.", "said", "the meeting had gone well, but much work was needed"),
            ("Hartley said the fund had grown, but 3,000 savers lost money.", "said", "the fund had grown, but 3,000 savers lost money"),
            ("Hartley said the plan was sound, but the future of the Harbour FM studio was unclear.", "said", "the plan was sound, but the future of the Harbour FM studio was unclear"),
            // No comma: one reported clause in two parts.
            ("Ann Ode said the pier was old but the Harbour Board toll was fair.", "said", "the pier was old but the Harbour Board toll was fair"),
            // "that" keeps the clause reported.
            ("Hartley said prices would rise, but that Halden wages would not.", "said", "prices would rise, but that Halden wages would not"),
            // No new clause: a phrase, or a verb with the same subject.
            ("Ann Ode said the pier was old, but safe.", "said", "the pier was old, but safe"),
            ("Hartley said the toll had risen, but only for lorries.", "said", "the toll had risen, but only for lorries"),
            ("Hartley said the pier would reopen, but could not give a date.", "said", "the pier would reopen, but could not give a date"),
            // A pronoun may be the source still speaking.
            ("Hartley said the pier was old, but he would not close it.", "said", "the pier was old, but he would not close it"),
            ("Hartley said the pier was old, but there's still Harbour Board money for it.", "said", "the pier was old, but there's still Harbour Board money for it"),
            ("Hartley said the pier was old, but it was safe.", "said", "the pier was old, but it was safe"),
            ("Hartley said the pier was old, but there was no danger.", "said", "the pier was old, but there was no danger"),
            ("Hartley said costs had doubled, but this would not delay the work.", "said", "costs had doubled, but this would not delay the work"),
            // Inside quotation marks the words are the source's.
            ("Hartley said the pier was “old, but the toll is fair”.", "said", "the pier was “old, but the toll is fair”"),
            // "while" and "and" join two parts of one statement.
            ("Hartley said sales had fallen, while Halden Rail profits had risen.", "said", "sales had fallen, while Halden Rail profits had risen"),
            ("Hartley said the pier was old, and the Harbour Board had doubled the toll.", "said", "the pier was old, and the Harbour Board had doubled the toll"),
            // Words that point back or open no subject of their own.
            ("Hartley said the pier was old, but his Harbour Board job was to keep it open.", "said", "the pier was old, but his Harbour Board job was to keep it open"),
            ("Hartley said the pier was old, but couldn't afford repairs.", "said", "the pier was old, but couldn't afford repairs"),
            ("Hartley said the pier was old, but ultimately the Harbour Board would decide.", "said", "the pier was old, but ultimately the Harbour Board would decide"),
            ("Hartley said the pier was old, but when the Harbour Board raised the toll, traders left.", "said", "the pier was old, but when the Harbour Board raised the toll, traders left"),
            // Quoted words after the turn are the source's.
            ("Hartley said the pier was old, but Harbour ministers had been “a bit slow” to act.", "said", "the pier was old, but Harbour ministers had been “a bit slow” to act"),
            // A dash aside before the comma may hold it.
            ("Hartley said the pier -- old, but the Kestrel Trust kept it -- was safe.", "said", "the pier -- old, but the Kestrel Trust kept it -- was safe"),
        ];
        for &(text, word, want) in cases {
            let got = content_of(&fixture(text), word);
            assert_eq!(got.map(|(c, _)| c), Some(want.to_string()), "{text:?}");
        }
    }

    #[test]
    fn the_opening_records_what_licensed_the_content() {
        let f = fixture("Hartley spoke about how the pier was built.");
        let (_, r) = f.cue_at("spoke");
        let op = content_opening(&f.ctx(0), &r);
        assert!(op.topic && !op.explicit_that && !op.calls);
        assert_eq!(op.cue_end, Some(f.tok("about") + 1));

        let f = fixture("Hartley urged residents to stay away.");
        let (_, r) = f.cue_at("urged");
        let op = content_opening(&f.ctx(0), &r);
        assert!(op.promise_to);
        assert_eq!(op.at, f.tok("residents"));
    }

    #[test]
    fn thought_and_evidence_source_claims_but_are_no_quotes() {
        // (text, a quote, a source for the claims in the sentence)
        let cases: &[(&str, bool, bool)] = &[
            ("Hartley believes the pier is safe.", false, false),
            ("Hartley believes that the pier is safe.", false, true),
            ("The pier is safe, Hartley believes.", false, true),
            ("Figures show that sales fell.", false, true),
            ("The study found that sales fell.", false, true),
            ("Figures suggest that sales fell.", false, true),
            ("Hartley suggested that the pier was unsafe.", true, true),
            ("Hartley said that the pier was unsafe.", true, true),
        ];
        for &(text, quote, sourced) in cases {
            let f = fixture(text);
            let mut led = f.ledger();
            let mut r = f.linked(0, &mut led);
            attribute_reported(&f.ctx(0), &mut r, 0, &mut led, &mut 0);
            assert_eq!(!led.drafts.is_empty(), quote, "{text:?}: quote");
            assert_eq!(led.sentence_attributed[0], sourced, "{text:?}: sourced");
            assert_eq!(led.non_speech.len(), usize::from(sourced && !quote), "{text:?}: non-speech");
        }
    }

    #[test]
    fn quoted_words_inside_reported_speech_are_the_same_sources_fragments() {
        let text = "Hartley said the plan was “a disgrace” and should go.";
        let f = fixture(text);
        let mut led = f.ledger();
        let mut r = f.linked(0, &mut led);
        attribute_reported(&f.ctx(0), &mut r, 0, &mut led, &mut 0);
        let got: Vec<(QuoteKind, &str, Option<usize>)> = led.drafts.iter().map(|d| (d.kind, d.span.text(text), d.outer)).collect();
        assert_eq!(got, [(QuoteKind::Mixed, "the plan was “a disgrace” and should go", None), (QuoteKind::Partial, "“a disgrace”", Some(0))]);
        assert_eq!(led.quotation_draft, [Some(1)]);
        assert!(led.sentence_attributed[0]);
        assert_eq!(led.attributed_spans.len(), 1);
    }

    #[test]
    fn quoted_words_in_a_cues_object_are_its_sources() {
        // (text, (the quotation's speaker mention, cue) after the whole stage, or none)
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("The minister dismissed the report as “complete rubbish”.", Some(("The minister", "dismissed"))),
            ("Hartley accused the mayor of “running scared” over the pier.", Some(("Hartley", "accused"))),
            ("Hartley apologised for “a genuine mistake”.", Some(("Hartley", "apologised"))),
            ("Dr Ruiz described the help offered by the council as “too little, too late”.", Some(("Dr Ruiz", "described"))),
            ("Hartley praised the “spirit of the harbour” on Monday.", Some(("Hartley", "praised"))),
            ("Mayor Ana Ruiz has called the council's grant to the club “unfair”.", Some(("Mayor Ana Ruiz", "has called"))),
            ("Critics in the north described the dance scenes as “jarring.”", Some(("Critics in the north", "described"))),
            ("Hartley urged residents to “stay away from the pier” until May.", Some(("Hartley", "urged"))),
            // A relative clause whose verb governs the quoted words: its antecedent speaks.
            ("The plan was rejected by Harbour Secretary Lena Hartley, who accused the council of “running scared” of the vote.", Some(("Harbour Secretary Lena Hartley", "accused"))),
            ("The film was panned by critics in the north - where it opened late - who described the dance scenes as “jarring.”", Some(("critics in the north", "described"))),
            ("Tomas Reyes, who called the plan “a disgrace”, left early.", Some(("Tomas Reyes", "called"))),
            // Thought, evidence, a title, a comma or another cue in between, an infinitive: nobody's words.
            ("Hartley believes the “plan” is dead.", None),
            ("Figures show a “record” year for the pier.", None),
            ("Hartley praised the plan, but the “experts” were unsure.", None),
            ("Hartley praised the storm coverage of “Harbour Live Tonight” on Monday.", None),
            ("Hartley went on to become the “cabinet enforcer”.", None),
            ("She thanked Dana Whitfield, who wrote “The Long Pier”, for her help.", None),
            ("The mayor, who visited the “new” pier in May, left early.", None),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            let a = f.attribute();
            let got = a.drafts.iter().find(|d| d.kind == QuoteKind::Partial && d.cue.is_some()).map(|d| f.view(d)).map(|(_, m, c)| (m.unwrap_or(""), c.unwrap_or("")));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn content_that_is_mostly_a_taken_quotation_is_not_new() {
        let text = "Hartley said “the pier will reopen in May.”";
        let f = fixture(text);
        let mut led = f.ledger();
        let span = Span::new(text.find("“").unwrap(), text.len());
        let inner = quotations_within(&f.ctx(0), &mut 0, span);
        assert_eq!(inner, [0]);
        assert!(!mostly_quoted_already(&f.ctx(0), &inner, &led, span));
        led.drafts.push(super::super::draft::uncued_draft(QuoteKind::Direct, crate::analysis::Parts::one(f.quotes.quotations[0].span), 0, 0));
        led.quotation_draft[0] = Some(0);
        assert!(mostly_quoted_already(&f.ctx(0), &inner, &led, span));
    }
}
