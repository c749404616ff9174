//! Claims with no source: agentless passives of belief and speech, weasel attributions, bare
//! anonymous sources, doubt words, figures that make an argument, and hedges the claim model
//! weighs. Words inside quotations or reported speech are the source's and are never flagged; a
//! claim elsewhere in a sentence that also reports someone is (docs/claims.md says which claims
//! need a source).

mod context;
mod figures;
mod holders;
pub mod model;
mod nominal;
mod passives;
mod senses;
mod weasels;

use super::attribution::Attribution;
use super::lexicon::{flag, lexicon, PhraseKind};
use super::model::{Claim, ClaimKind, Span};
use super::quotes::Quotes;
use super::sentences::Sentence;
use super::cues::{word_in, word_is};
use super::text::{Doc, TokKind};

/// Is a byte position inside reported content? Positions are asked for mostly in text order:
/// when the spans' ends are sorted too (spans do not nest), a cursor finds the same index as a
/// binary search, without its cache misses.
struct Scope {
    spans: Vec<Span>,
    ends_sorted: bool,
    cursor: std::cell::Cell<usize>,
}

impl Scope {
    fn new(attr: &Attribution) -> Scope {
        let mut spans = attr.attributed_spans.clone();
        spans.sort_unstable();
        let ends_sorted = spans.windows(2).all(|w| w[0].end <= w[1].end);
        Scope { spans, ends_sorted, cursor: std::cell::Cell::new(0) }
    }

    fn contains(&self, pos: usize) -> bool {
        let spans = &self.spans;
        let i = if self.ends_sorted {
            let mut i = self.cursor.get();
            while i < spans.len() && spans[i].end <= pos {
                i += 1;
            }
            while i > 0 && spans[i - 1].end > pos {
                i -= 1;
            }
            self.cursor.set(i);
            i
        } else {
            spans.partition_point(|s| s.end <= pos)
        };
        spans.get(i).is_some_and(|s| s.contains(pos))
    }
}

/// What the stages before have to say about the article, for every sentence.
pub(crate) struct Ctx<'a> {
    doc: &'a Doc<'a>,
    quotes: &'a Quotes,
    sentences: &'a [Sentence],
    attr: &'a Attribution,
    scope: Scope,
    /// Per sentence: does it report a named source in its own words (context.rs)?
    reporting: std::cell::OnceCell<Vec<u8>>,
}

impl Ctx<'_> {
    /// Token `k` is the writer's own: outside quotation marks and reported speech. Inlined: the
    /// scan asks it of every candidate token.
    #[inline(always)]
    fn free(&self, k: usize) -> bool {
        self.quotes.depth[k] == 0 && !self.scope.contains(self.doc.tokens[k].start as usize)
    }
}

pub fn find(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], attr: &Attribution) -> Vec<Claim> {
    find_traced(doc, quotes, sentences, attr, None)
}

/// [`find`], also writing every sentence's model features to `trace` (for training).
pub(crate) fn find_traced(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], attr: &Attribution, mut trace: Option<&mut Vec<Vec<String>>>) -> Vec<Claim> {
    let ctx = Ctx { doc, quotes, sentences, attr, scope: Scope::new(attr), reporting: std::cell::OnceCell::new() };
    // News runs about one claim to every few sentences: room for one per two, no regrowth.
    let mut out = Vec::with_capacity(sentences.len() / 2);
    from_attributions(&ctx, &mut out);
    let mut rule_sentences = vec![0u32; sentences.len()];
    for c in &out {
        if let Some(si) = sentence_of(sentences, c.trigger.start) {
            rule_sentences[si] |= model::rule_bit(c);
        }
    }
    // One buffer for every phrase key of the article.
    let mut key = super::text::Scratch::new();
    for si in 0..sentences.len() {
        let before = out.len();
        let cues = scan_sentence(&ctx, si, &mut key, &mut out);
        if out.len() > before {
            figures::one_per_sentence(&mut out, before);
        }
        let rules = out[before..].iter().fold(rule_sentences[si], |m, c| m | model::rule_bit(c));
        if let Some(t) = trace.as_deref_mut() {
            let mut feats = Vec::new();
            model::features(&ctx, si, rules, &mut |f: &str, _| feats.push(f.to_string()));
            t.push(feats);
        }
        // Rule claims settle a sentence (every kind but figures); the model weighs the rest. Letting
        // the model also overrule the weak ones and hedge phrases lifts Wikipedia precision but
        // costs most of PolNeAR's no-source recall (docs/claims.md, "What did not work").
        let ruled = rules & !(strong(ClaimKind::Statistic) | weak(ClaimKind::Statistic)) != 0;
        if cues && !ruled {
            let verdict = model::judge(&ctx, si, rules);
            if let (true, Some(trigger)) = (verdict.fires, verdict.trigger) {
                out.push(Claim { kind: ClaimKind::Hedge, span: sentences[si].span, trigger, weak: false });
            }
        }
    }
    // Longest first at a start, so that a shorter weasel inside a longer one goes.
    out.sort_by_key(|c| (c.trigger.start, std::cmp::Reverse(c.trigger.end)));
    out.dedup_by_key(|c| c.trigger);
    weasels::one_per_overlap(&mut out);
    out.sort_by_key(|c| (c.trigger.start, c.trigger.end));
    out
}

/// A claim kind's bit in [`model::rule_bit`]'s mask.
const fn strong(kind: ClaimKind) -> u32 {
    1 << (kind as u32 * 2)
}

/// A weak claim kind's bit in [`model::rule_bit`]'s mask.
const fn weak(kind: ClaimKind) -> u32 {
    1 << (kind as u32 * 2 + 1)
}

/// The tokens a byte span covers.
fn token_range(doc: &Doc, span: Span) -> (usize, usize) {
    let a = doc.tokens.partition_point(|t| (t.end as usize) <= span.start);
    let b = doc.tokens.partition_point(|t| (t.start as usize) < span.end);
    (a, b.max(a + 1))
}

fn sentence_of(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= pos);
    (i < sentences.len() && sentences[i].span.contains(pos)).then_some(i)
}

/// Weasel and anonymous sources come from the attributions themselves ("critics say").
fn from_attributions(ctx: &Ctx, out: &mut Vec<Claim>) {
    for d in ctx.attr.drafts.iter().chain(&ctx.attr.non_speech) {
        if let (Some(m), Some(c)) = (d.mention, d.cue.as_ref()) {
            let trigger = if m.start < c.span.start { m.cover(c.span) } else { c.span.cover(m) };
            let sent = &ctx.sentences[d.sentence];
            if d.weasel {
                // "Senate sources say", "the many reasons that", "the most requested terms": no vague
                // authority (weasels.rs).
                if weasels::described_group(ctx, d.sentence, m) || weasels::cue_is_noun(ctx, c.span) || weasels::superlative_cue(ctx, m, c.span) {
                    continue;
                }
                // "Mr Vance said studies show …": the named speaker owns the claim (weasels.rs).
                if weasels::inside_named_speech(ctx, d, trigger) {
                    continue;
                }
                let (a, b) = token_range(ctx.doc, trigger);
                match holders::holder(ctx, d.sentence, a, b) {
                    holders::Holder::Named => {}
                    h => out.push(Claim { kind: ClaimKind::WeaselAttribution, span: sent.span, trigger, weak: h != holders::Holder::Vague }),
                }
            } else if d.anonymous_bare && !has_phrase(ctx.doc, sent, PhraseKind::AnonReason) && !source_described(ctx.doc, m) {
                out.push(Claim { kind: ClaimKind::AnonymousSource, span: sent.span, trigger: m, weak: false });
            }
        }
    }
}

/// The rule claims of one sentence; returns whether it holds a word the claim model weighs.
/// `key` is a buffer for phrase keys.
fn scan_sentence(ctx: &Ctx, si: usize, key: &mut String, out: &mut Vec<Claim>) -> bool {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let sent = &ctx.sentences[si];
    let (s0, s1) = (sent.tokens.start, sent.tokens.end);
    let mut cues = false;
    let mut k = s0;
    while k < s1 {
        let t = &toks[k];
        let f = t.flags_in(doc.lx);
        // Only a form of "be", a phrase, a doubt or cue word, or a number can start a claim;
        // testing that first spares the look-up in the attributed spans for every other token.
        // A pronoun's "'s" may be "is" ("she's seen as"): passives::contracted_be.
        let candidate = t.kind == TokKind::Number
            || f & (flag::BE | flag::PHRASE_CLAIM | flag::DOUBT | flag::HEDGE | flag::CLAIM_CUE | flag::VIEW_NOUN | flag::PAIR_LAST) != 0
            || (t.possessive && f & flag::PRONOUN != 0);
        if !candidate || t.kind == TokKind::Mark || !ctx.free(k) {
            k += 1;
            continue;
        }
        cues |= t.kind == TokKind::Word && f & (flag::HEDGE | flag::CLAIM_CUE | flag::DOUBT) != 0;
        if t.kind == TokKind::Word && (f & flag::BE != 0 || t.possessive && passives::contracted_be(ctx, k)) {
            if let Some((end, weak)) = passives::agentless(ctx, si, k) {
                let trigger = Span::new(t.start as usize, toks[end - 1].end as usize);
                out.push(Claim { kind: ClaimKind::AgentlessPassive, span: sent.span, trigger, weak });
                k = end;
                continue;
            }
            if let Some((start, end)) = passives::joined(ctx, si, k) {
                // "is old and considered unsafe": a hint, and the scan goes on past "is".
                let trigger = Span::new(toks[start].start as usize, toks[end - 1].end as usize);
                out.push(Claim { kind: ClaimKind::AgentlessPassive, span: sent.span, trigger, weak: true });
            }
        }
        if f & flag::PHRASE_CLAIM != 0 && t.kind == TokKind::Word {
            if let Some(end) = phrase_claim(ctx, (si, sent.span), k, s1, key, out) {
                k = end;
                continue;
            }
        }
        if f & flag::DOUBT != 0 && t.kind == TokKind::Word && !senses::single_word_elsewhere(ctx, k) {
            out.push(Claim { kind: ClaimKind::DoubtWord, span: sent.span, trigger: t.span(), weak: weak_doubt(ctx, si, k, k + 1) });
            k += 1;
            continue;
        }
        if f & (flag::PAIR_LAST | flag::VIEW_NOUN) != 0 && t.kind == TokKind::Word {
            if let Some(end) = pair_or_view(ctx, si, k, f, key, out) {
                k = end;
                continue;
            }
        }
        // Only a number starts a figure: other candidates are spared the call.
        if let Some((start, end, weak)) = (t.kind == TokKind::Number).then(|| figures::claim(ctx, si, k)).flatten() {
            let trigger = Span::new(toks[start].start as usize, toks[end - 1].end as usize);
            out.push(Claim { kind: ClaimKind::Statistic, span: sent.span, trigger, weak });
            k = end;
            continue;
        }
        k += 1;
    }
    cues
}

/// The rarer claims at word `k` (flags `f`): a pair looked up from its second word ("as
/// expected", "under review"; lexicon/claim_pairs.tsv) or a view named by a noun with no holder
/// (nominal.rs). Kept out of the scan's loop, which runs on every word. Returns where it ends.
#[inline(never)]
fn pair_or_view(ctx: &Ctx, si: usize, k: usize, f: u64, key: &mut String, out: &mut Vec<Claim>) -> Option<usize> {
    let sent = &ctx.sentences[si];
    let (s0, s1) = (sent.tokens.start, sent.tokens.end);
    if f & flag::PAIR_LAST != 0 && k > s0 && ctx.free(k - 1) {
        if let Some(end) = phrase_claim(ctx, (si, sent.span), k - 1, s1, key, out) {
            return Some(end);
        }
    }
    if f & flag::VIEW_NOUN != 0 {
        let (start, end) = nominal::unheld(ctx, si, k)?;
        let trigger = Span::new(ctx.doc.tokens[start].start as usize, ctx.doc.tokens[end - 1].end as usize);
        out.push(Claim { kind: ClaimKind::WeaselAttribution, span: sent.span, trigger, weak: true });
        return Some(end);
    }
    None
}

/// A weasel phrase or a multi-word doubt word starting at `k`; returns where it ends. Most
/// phrase starts are followed by a word no claim phrase goes on with: that test is inlined.
#[inline(always)]
fn phrase_claim(ctx: &Ctx, sent: (usize, Span), k: usize, s1: usize, key: &mut String, out: &mut Vec<Claim>) -> Option<usize> {
    if !claim_phrase_may_go_on(ctx.doc, k, s1) {
        return None;
    }
    found_phrase_claim(ctx, sent, k, s1, key, out)
}

/// [`phrase_claim`] past its first test.
#[inline(never)]
fn found_phrase_claim(ctx: &Ctx, (si, sent): (usize, Span), k: usize, s1: usize, key: &mut String, out: &mut Vec<Claim>) -> Option<usize> {
    let toks = &ctx.doc.tokens;
    let (len, kind) = longest_phrase(ctx.doc, k, s1, key)?;
    // "it is believed", "it has been said": a passive inside a weasel phrase.
    let passive = (k..k + len).any(|x| toks[x].has(flag::PARTICIPLE)) && (k..k + len).any(|x| toks[x].has(flag::BE));
    let kind = match kind {
        PhraseKind::Weasel if passive => ClaimKind::AgentlessPassive,
        PhraseKind::Weasel => ClaimKind::WeaselAttribution,
        PhraseKind::Doubt => ClaimKind::DoubtWord,
        PhraseKind::Hedge => ClaimKind::Hedge,
        PhraseKind::Unnamed => ClaimKind::AgentlessPassive,
        _ => return None,
    };
    if !(k..k + len).all(|x| ctx.free(x)) {
        return None;
    }
    if kind == ClaimKind::WeaselAttribution && (weasels::viewing_count(ctx, k, len) || weasels::described_phrase(ctx, ctx.sentences[si].tokens.start, k) || weasels::names_a_label(ctx, si, k, len)) {
        return Some(k + len);
    }
    // "appeared to Anna", "may have a café": the words in another sense (senses.rs).
    if matches!(kind, ClaimKind::DoubtWord | ClaimKind::Hedge) && (senses::appearance_to_someone(ctx, k, len) || senses::perceiver_named(ctx, k) || senses::modal_of_having(ctx, k, len) || senses::possible_to_do(ctx, k, len) || senses::course_after_course(ctx, k, len)) {
        return Some(k + len);
    }
    // "the story goes back to …", "a growing number of cities": no hidden holder (senses.rs).
    if kind == ClaimKind::WeaselAttribution && (senses::story_going_somewhere(ctx, k, len) || senses::number_of_things(ctx, k, len)) {
        return Some(k + len);
    }
    // "has been accused of blocking the site by a press watchdog": the agent comes later.
    let agent = if kind == ClaimKind::AgentlessPassive { passives::agent_after(ctx, k + len - 1, s1) } else { passives::Agent::None };
    if agent == passives::Agent::Own {
        return Some(k + len);
    }
    let trigger = Span::new(toks[k].start as usize, toks[k + len - 1].end as usize);
    let weak = match kind {
        // "under consideration": a procedure, never a view.
        ClaimKind::AgentlessPassive if !passive => true,
        ClaimKind::DoubtWord => weak_doubt(ctx, si, k, k + len),
        // "has been accused of", "has been criticised as": the phrase's participle decides.
        // A hint stays out when a later verb's "by" might be read as its agent (passives.rs).
        ClaimKind::AgentlessPassive if passives::phrase_weak(ctx, si, k, k + len) => {
            if agent == passives::Agent::Later {
                return Some(k + len);
            }
            true
        }
        ClaimKind::AgentlessPassive => false,
        // "Hendrix, widely considered one of the best …": a standing, not news (weasels.rs).
        ClaimKind::WeaselAttribution => match holders::holder(ctx, si, k, k + len) {
            holders::Holder::Named => return Some(k + len),
            h => h != holders::Holder::Vague || weasels::settled_reputation(ctx, si, k, len),
        },
        _ => false,
    };
    out.push(Claim { kind, span: sent, trigger, weak });
    Some(k + len)
}

/// Doubt words that point at a source kept from the reader: someone reported, rumoured or
/// alleged it. Every other doubt word ("apparently", "supposedly", "dubious", "so-called") is as
/// often the writer's own description of a plot, a scam or a judgement (docs/precision.md), and is
/// a hint.
const HIDDEN_SOURCE: &[&str] = &[
    "reportedly", "allegedly", "rumoured", "rumored", "rumour has it", "rumor has it", "purportedly", "reputedly", "unconfirmed", "unverified",
];

/// Words that put "allegedly" in its legal sense: the allegation is the charge, the arrest or the
/// suit the story reports ("sued a contractor who allegedly leaked drawings").
const LEGAL: &[&str] = &[
    "sued", "sue", "sues", "suing", "lawsuit", "suit", "arrested", "arrest", "arrests", "charged", "charge", "charges", "court",
    "trial", "accused", "police", "prosecutors", "prosecution", "case", "investigation", "inquiry", "complaint", "jury", "convicted", "legal",
];

/// Is the doubt word from `a` to `b` in sentence `si` one an editor usually lets stand? It is
/// when it hides no source (above), when "allegedly" is the legal usage, or when a neighbour
/// names who reported or rumoured it. ("allegedly" is not sourced by a neighbour: whoever spoke
/// next door, the writer still does not say who alleges.)
fn weak_doubt(ctx: &Ctx, si: usize, a: usize, b: usize) -> bool {
    let doc = ctx.doc;
    // Compared ignoring ASCII case in place: no lower-cased copy per doubt word.
    let w = Span::new(doc.tokens[a].start as usize, doc.tokens[b - 1].end as usize).text(doc.text);
    if !HIDDEN_SOURCE.iter().any(|h| h.eq_ignore_ascii_case(w)) {
        return true;
    }
    let legal = |i: usize| ctx.sentences.get(i).is_some_and(|s| s.tokens.clone().any(|x| word_in(doc, x, LEGAL)));
    // "for allegedly" and "of allegedly" name the charge itself ("banned for allegedly lying").
    let charge = a > 0 && word_in(doc, a - 1, &["for", "of"]);
    if w.eq_ignore_ascii_case("allegedly") {
        return charge || legal(si) || (si > 0 && legal(si - 1));
    }
    // "Two officials have reportedly disappeared. … the Harbin paper reported." The BBC's lede
    // style: the report is named in the next sentence or the one before.
    let named = |i: usize| context::named_attribution(ctx, i);
    (si > 0 && named(si - 1)) || named(si + 1) || named(si + 2)
}

/// The longest weasel, doubt, hedge or anonymity phrase at word `k`; `key` is a buffer.
fn longest_phrase(doc: &Doc, k: usize, s1: usize, key: &mut String) -> Option<(usize, PhraseKind)> {
    let lx = lexicon();
    let toks = &doc.tokens;
    key.clear();
    let mut best = None;
    for len in 1..=lx.max_phrase_words.min(s1 - k) {
        let t = &toks[k + len - 1];
        // "so - called" is not written with spaces: any punctuation ends the phrase.
        if t.kind == TokKind::Punct || t.kind == TokKind::Mark {
            break;
        }
        if len > 1 {
            key.push(' ');
        }
        t.lower_into(doc.text, key);
        if len >= 2 {
            let Some(kinds) = lx.phrase_or_prefix(key) else { break };
            if let Some(kind) = kinds.iter().find(|k| matches!(k, PhraseKind::Weasel | PhraseKind::Doubt | PhraseKind::Hedge | PhraseKind::Unnamed | PhraseKind::AnonReason)) {
                best = Some((len, *kind));
            }
        }
    }
    best
}

/// Can a claim phrase at word `k` go on to the next word? Not past the sentence or through
/// punctuation, nor through a word the lexicon knows that is no claim phrase's second word
/// (`CLAIM_SECOND`) or another word the filter of second words rules out: most phrase starts
/// ("it", "the") end here with no key built.
#[inline(always)]
fn claim_phrase_may_go_on(doc: &Doc, k: usize, s1: usize) -> bool {
    let Some(t) = doc.tokens.get(k + 1).filter(|_| k + 1 < s1) else { return false };
    match t.kind {
        TokKind::Punct | TokKind::Mark => false,
        TokKind::Word if t.in_lexicon() && t.stem_end() == t.end => t.flags_in(doc.lx) & flag::CLAIM_SECOND != 0,
        _ => {
            let w = &doc.text.as_bytes()[t.start as usize..t.end as usize];
            !w.is_ascii() || doc.lx.may_be_claim_second(w)
        }
    }
}

/// "the source" points back to a source the story described before; "a source of income" is no
/// person at all.
fn source_described(doc: &Doc, m: Span) -> bool {
    let (a, b) = token_range(doc, m);
    word_is(doc, a, "the") || word_is(doc, b, "of")
}

fn has_phrase(doc: &Doc, sent: &Sentence, want: PhraseKind) -> bool {
    let mut key = super::text::Scratch::new();
    let lx = lexicon();
    (sent.tokens.clone()).any(|k| {
        doc.tokens[k].has(flag::PHRASE_CLAIM) && {
            key.clear();
            for len in 0..lx.max_phrase_words.min(sent.tokens.end - k) {
                let t = &doc.tokens[k + len];
                if len > 0 {
                    key.push(' ');
                }
                t.lower_into(doc.text, &mut key);
                if len >= 1 {
                    // Every leading part of a phrase is a prefix (the phrase included): past a
                    // key that is none, no longer key is a phrase.
                    let Some(kinds) = lx.phrase_or_prefix(&key) else { break };
                    if kinds.contains(&want) {
                        return true;
                    }
                }
            }
            false
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, Options};

    /// The claims of `rule` in `text`: (trigger, weak).
    fn claims(text: &str, rule: &str) -> Vec<(String, bool)> {
        let a = analyze(text, &Options::default());
        a.claims.iter().filter(|c| c.kind.as_str() == rule).map(|c| (c.trigger.text(text).to_string(), c.weak)).collect()
    }

    /// Each case: sentence, rule, the trigger expected (None: no claim of that rule), weak.
    fn check(cases: &[(&str, &str, Option<&str>, bool)]) {
        for &(text, rule, trigger, weak) in cases {
            let got = claims(text, rule);
            match trigger {
                None => assert!(got.is_empty(), "{text}: expected no {rule}, got {got:?}"),
                Some(t) => assert!(got.contains(&(t.to_string(), weak)), "{text}: expected {rule} {t:?} weak={weak}, got {got:?}"),
            }
        }
    }

    #[test]
    fn doubt_words_that_name_a_term_or_a_charge_are_hints() {
        check(&[
            ("The councillor allegedly took the money.", "doubt-word", Some("allegedly"), false),
            ("The singer reportedly quit the band.", "doubt-word", Some("reportedly"), false),
            ("The firm supposedly held the cash abroad.", "doubt-word", Some("supposedly"), true),
            ("The website apparently sold fake tickets.", "doubt-word", Some("apparently"), true),
            ("Critics called it a dubious deal.", "doubt-word", Some("dubious"), true),
            ("The rumoured sale of the pier fell through.", "doubt-word", Some("rumoured"), false),
            ("The club sued a former coach who allegedly sold its playbook.", "doubt-word", Some("allegedly"), true),
            ("Police arrested the treasurer. He allegedly took the float.", "doubt-word", Some("allegedly"), true),
            ("The port is fitting so-called smart cranes.", "doubt-word", Some("so-called"), true),
            ("The town has banned so called party buses.", "doubt-word", Some("so called"), true),
            ("Police arrested a suspected arsonist in Dunmere.", "doubt-word", Some("suspected"), true),
            ("The rower was banned for allegedly missing two tests.", "doubt-word", Some("allegedly"), true),
            ("The ferry was supposed to leave at noon.", "doubt-word", Some("supposed"), true),
            ("The crew went in, presumably with the owner's consent.", "doubt-word", Some("presumably"), true),
            ("The donors appear to have ties to a shipping firm.", "doubt-word", Some("appear to"), true),
            ("Ferry riders already appear fatigued.", "doubt-word", Some("appear"), true),
            ("The plant closed in March, as predicted.", "hedge", Some("as predicted"), false),
            ("The toll rose, as expected, by a penny.", "hedge", Some("as expected"), false),
        ]);
    }

    #[test]
    fn named_research_is_a_source_and_bare_people_a_hint() {
        check(&[
            ("Research suggests the toll puts drivers off.", "weasel-attribution", Some("Research suggests"), false),
            ("Critics say the pier is unsafe.", "weasel-attribution", Some("Critics say"), false),
            ("Experts believe the river will flood again.", "weasel-attribution", Some("Experts believe"), false),
            ("Ferries are busier than ever, according to research by the Harbor Institute.", "weasel-attribution", None, false),
            ("Dunmere Council's research has shown that tolls deter drivers.", "weasel-attribution", None, false),
            ("Tolls deter drivers, according to the research.", "weasel-attribution", None, false),
            ("Tolls deter drivers, according to Harbor Research.", "weasel-attribution", None, false),
            ("On the blog, people say the pier is unsafe.", "weasel-attribution", Some("people say"), true),
            // Plurals of research nouns, named as the singular are.
            ("According to Harbor Board reports, 40 ferries ran late.", "weasel-attribution", None, false),
            ("According to reports, 40 ferries ran late.", "weasel-attribution", Some("According to reports"), false),
            ("Studies show the toll puts drivers off.", "weasel-attribution", Some("Studies show"), false),
            // No holder hidden: a story that goes back in time, a count of things.
            ("The legend of the pier goes back as far as the Vikings; the story goes back further still.", "weasel-attribution", None, false),
            ("The story goes that the mayor built the pier.", "weasel-attribution", Some("The story goes"), false),
            ("The toll is now charged in a growing number of ports by the harbour boards.", "weasel-attribution", None, false),
            ("A growing number of skippers believe the toll is unfair.", "weasel-attribution", Some("A growing number of"), false),
            ("The plan is backed by a growing number of skippers.", "weasel-attribution", Some("a growing number of"), false),
            ("The toll will rise, according to a growing number of skippers.", "weasel-attribution", Some("a growing number of"), false),
            ("The raids led to a growing number of fines.", "weasel-attribution", None, false),
            // A fronted clause whose cue takes a noun phrase keeps its weasel.
            ("Although some researchers have found links with the toll, it is possible that the links reflect the weather.", "weasel-attribution", Some("some researchers have found"), false),
        ]);
    }

    #[test]
    fn weasels_an_editor_would_dismiss_and_those_that_stay() {
        let w = "weasel-attribution";
        check(&[
            // A source named in the phrase itself.
            ("The pier will close in May, according to reports from the news agency Harborwire.", w, None, false),
            ("The ferry will be sold, the Tidewell reports said.", w, None, false),
            ("Most fares will rise, according to research carried out by security firm Brightgate.", w, None, false),
            ("Many small shops pay more tax, government research found.", w, None, false),
            ("Some analysts put a positive gloss on the figures, pointing out that sales rose.", w, Some("Some analysts put a positive gloss on the figures, pointing out"), false),
            ("The pier will close in May, according to reports.", w, Some("according to reports"), false),
            ("The pier will close in May, according to recent reports from China.", w, Some("according to recent reports"), false),
            // The study named in the next sentence or paragraph: a hint.
            ("Companies fail to plan for floods, new research says.\n\nThe study, commissioned by the Harbor Trust, found few firms had a plan.", w, Some("new research says"), true),
            ("Companies fail to plan for floods, new research says.\n\nThe mayor opened the pier.", w, Some("new research says"), false),
            // Described anonymous sources are no weasels.
            ("Senate sources say the tapes may have been stolen.", w, None, false),
            ("Tory sources say the leader argued against the plan.", w, None, false),
            ("The deals did not require witnesses to help, sources who reviewed them told the Dunmere Post.", w, None, false),
            ("The host was rude to the crew, show insiders say.", w, None, false),
            ("Sources familiar with the deal said the bid would fail.", w, None, false),
            ("Sources familiar with the deal said that the bid would fail.", w, None, false),
            ("The bid will fail, sources close to the board said.", w, None, false),
            ("People involved in the talks say the bid will fail.", w, None, false),
            ("Some sources say the host was rude to the crew.", w, Some("Some sources say"), false),
            // Words that are no attribution.
            ("The raids led to a growing number of convictions.", w, None, false),
            ("And, needless to say, there will be plenty of analysis of the plan.", w, None, false),
            ("It goes without saying that the tax will hurt the poor.", w, None, false),
            ("One of the many reasons the mayor refuses to speak may be the audit.", w, None, false),
            ("The plan brings together many research projects that the council has funded.", w, None, false),
            ("The clip became the most widely seen record of the crash.", w, None, false),
            ("A growing number of experts believe the river will flood.", w, Some("experts believe"), false),
            // Watchers quoted by name in the next sentence: a hint; critics are not watchers.
            ("Observers said the firm would pull out. \"The deal is dead,\" said Ana Ruiz, an analyst at Kestria Capital.", w, Some("Observers said"), true),
            ("Critics say the pier is unsafe. \"It is fine,\" said Tom Vance, the harbour master.", w, Some("Critics say"), false),
            ("Observers said the firm would pull out. The mayor opened the pier.", w, Some("Observers said"), false),
            // One finding for overlapping words.
            ("Fares will rise, real experts say.", w, Some("real experts say"), false),
            // A hope whose holder the paragraph quotes.
            ("It is hoped the museum will open in May. \"We are very excited,\" said Ana Ruiz, a spokeswoman for the museum.", w, Some("It is hoped"), true),
            ("It is hoped the museum will open in May.", w, Some("It is hoped"), false),
        ]);
        assert_eq!(claims("Fares will rise, real experts say.", w).len(), 1);
    }

    #[test]
    fn a_group_with_a_named_member_is_a_hint() {
        let w = "weasel-attribution";
        check(&[
            // A capitalised member after "including", "such as" or "among them": partly sourced.
            ("However, many experts, including the Harbor Fund, have pointed out that the damage is hard to judge.", w, Some("many experts, including the Harbor Fund, have pointed out"), true),
            ("The toll is unfair, say critics, including the Dunmere Ratepayers Union.", w, Some("say critics"), true),
            ("The toll is unfair, say critics, among them the Dunmere Ratepayers Union.", w, Some("say critics"), true),
            ("The toll is unfair, say critics, including Ann Ode.", w, Some("say critics"), true),
            ("The toll is unfair, say critics, including the Mayor.", w, Some("say critics"), true),
            ("Others, including Sen. Jo Marsh and Rep. Tom Vance, are urging the mayor to quit.", w, Some("Others, including Sen. Jo Marsh and Rep. Tom Vance, are urging"), true),
            // Members that stay vague: a warning as before.
            ("Many experts, including some in government, have pointed out that the damage is hard to judge.", w, Some("Many experts, including some in government, have pointed out"), false),
            ("Critics, including residents, say the toll is unfair.", w, Some("Critics, including residents, say"), false),
            ("The toll is unfair, say critics, including residents.", w, Some("say critics"), false),
            ("The toll is unfair, say critics, among them some councillors.", w, Some("say critics"), false),
            ("Critics, including Labour MPs, say the toll is unfair.", w, Some("Critics, including Labour MPs, say"), false),
            ("Critics, including Dunmere councillors, say the toll is unfair.", w, Some("Critics, including Dunmere councillors, say"), false),
            ("Critics, including Tory ministers, say the toll is unfair.", w, Some("Critics, including Tory ministers, say"), false),
        ]);
    }

    #[test]
    fn reports_in_a_named_publication_are_sourced() {
        let w = "weasel-attribution";
        check(&[
            ("Tom Vance is involved in the project, according to reports in the Tidewell Gazette.", w, None, false),
            ("Tom Vance is involved in the project, according to reports in the Harbor Reporter trade newspaper.", w, None, false),
            ("Fast ferries cut pollution, according to research published in the journal Tidings.", w, None, false),
            ("The ferry will be sold, according to reports from Harborwire.", w, None, false),
            // A place, a month, the press at large or an unnamed paper: no source.
            ("The ferry will be sold, according to reports in China.", w, Some("according to reports"), false),
            ("The ferry will be sold, according to reports from China.", w, Some("according to reports"), false),
            ("The ferry will be sold, according to reports in the local press.", w, Some("according to reports"), false),
            ("The ferry will be sold, according to reports in a Dunmere newspaper.", w, Some("according to reports"), false),
            ("The ferry will be sold, according to reports in the Chinese newspaper.", w, Some("according to reports"), false),
            ("The ferry will be sold, according to reports in January.", w, Some("according to reports"), false),
        ]);
    }

    #[test]
    fn a_label_given_by_a_naming_passive_is_no_view() {
        let w = "weasel-attribution";
        check(&[
            // A quoted term of one to three words, or a capitalised name: a label.
            ("I play in a band that has been called \"harbour rock\", and I hate the label.", w, None, false),
            ("It has been called \"open harbour news\" and it has thrived in Dunmere.", w, None, false),
            ("This is what has been called the Tidal Divide.", w, None, false),
            ("The ferry has been called Blue Whale since it was built.", w, None, false),
            // A judgement: who made it?
            ("The budget has been called the worst budget in a generation.", w, Some("has been called"), false),
            ("The mayor has been called a charlatan.", w, Some("has been called"), false),
            ("The mayor has been called the Nero of the North.", w, Some("has been called"), false),
            ("The plan has been called the Tory answer to the toll.", w, Some("has been called"), false),
            ("The mayor has been called \"a liar\".", w, Some("has been called"), false),
            ("The mayor has been called the \"Nero of the harbour town\".", w, Some("has been called"), false),
        ]);
        // The agentless passives of naming stay hints.
        check(&[
            ("The trend has been dubbed the Harbour Effect.", "agentless-passive", Some("been dubbed"), true),
            ("The new ferry has been dubbed a floating disgrace.", "agentless-passive", Some("been dubbed"), true),
        ]);
    }

    #[test]
    fn a_superlative_of_a_cue_word_is_a_count() {
        let w = "weasel-attribution";
        check(&[
            ("The most requested search terms of the year included tides and ferries.", w, None, false),
            ("The candidate who won the most pledged delegates will stand.", w, None, false),
            ("Its most requested song was a ferry ballad.", w, None, false),
            // "most" that picks out a group: still a weasel.
            ("The most vocal critics say the toll is unfair.", w, Some("most vocal critics say"), false),
        ]);
    }

    #[test]
    fn a_weasel_inside_a_named_speakers_words_is_theirs() {
        let w = "weasel-attribution";
        check(&[
            // Inside what a named person says: the person owns the claim.
            ("Mr Vance also said harbour reports showed some skippers were taking larger risks.", w, None, false),
            ("According to Ann Ode, research suggests that ferry riders like the new timetable.", w, None, false),
            ("Ann Ode said that critics say the toll is unfair.", w, None, false),
            ("Ann Ode said the pier was old and that experts say it is unsafe.", w, None, false),
            ("The harbour board said fines were needed, but accepted many experts said they would be hard to enforce.", w, None, false),
            ("He said experts believe the river will flood.", w, None, false),
            ("\"The pier is old. Experts say it is unsafe,\" said Ann Ode.", w, None, false),
            // The weasel's own report, or a clause of the writer's own: still flagged.
            ("Critics say Tom Vance said the pier was unsafe.", w, Some("Critics say"), false),
            ("Critics say the plan will fail, and Tom Vance said it would cost more.", w, Some("Critics say"), false),
            ("Ann Ode said the toll was fair. Critics say it is too high.", w, Some("Critics say"), false),
            ("Ann Ode, who critics say is too close to the firm, said the pier was safe.", w, Some("critics say"), false),
            ("The pier is old, Ann Ode said, and critics say it is unsafe.", w, Some("critics say"), false),
            ("Ann Ode said the pier was old and experts say it is unsafe.", w, Some("experts say"), false),
            ("While some skippers say the toll is fair - a view Ann Ode shares - others say it is too high.", w, Some("others say"), false),
            ("The ferry was sold for £3m in 2019, records show, and shipping experts say it is now worth £1m.", w, Some("experts say"), false),
            // A vague source reporting a vague source: the outer one is flagged.
            ("Some analysts said experts believe the river will flood.", w, Some("Some analysts said"), false),
        ]);
    }

    #[test]
    fn an_intro_whose_next_paragraph_names_the_source_is_a_hint() {
        let w = "weasel-attribution";
        check(&[
            // The paper, the firm or the think tank named in the next paragraph: a hint.
            ("Dunmere Ferries could sell its pier business, reports say.\n\nThe firm will announce the sale on Friday, the Tidewell Gazette reported.", w, Some("reports say"), true),
            ("Headline: ferries for sale\n\nDunmere Ferries could sell its pier business, reports claim.\n\nThe firm will announce the sale on Friday, the Tidewell Gazette reported.", w, Some("reports claim"), true),
            ("# Ferries for sale\n\nDunmere Ferries could sell its pier business, reports say.\n\nThe firm will announce the sale on Friday, the Tidewell Gazette reported.", w, Some("reports say"), true),
            ("Fast ferries are drawing more tourists to Dunmere, research suggests.\n\nA third of visitors now arrive by sea, according to a report by the Harbor Trust.", w, Some("research suggests"), true),
            ("Cheap ferries will not win back riders, say harbour experts.\n\nThe fare matters less than the timetable, Ana Ruiz of the Kestria Institute said.", w, Some("say harbour experts"), true),
            // The next paragraph names nobody, or only "news agency reports": a warning.
            ("Dunmere Ferries has won the bid for Tidewell Lines, reports say.\n\nThe deal will be sealed on Monday, according to news agency reports.", w, Some("reports say"), false),
            ("Dunmere Ferries could sell its pier business, reports say.\n\nThe pier was built in 1890 and has lost money for years.", w, Some("reports say"), false),
            ("Dunmere Ferries could sell its pier business, reports say.", w, Some("reports say"), false),
            ("Dunmere Ferries could sell its pier business, reports say.\n\nThe deal will be sealed on Monday, science writers claim.", w, Some("reports say"), false),
            // The name comes after the next paragraph's first sentence: the story's next point.
            ("Dunmere Ferries could sell its pier business, reports say.\n\nThe pier was built in 1890. Tidewell Lines said on Monday it would not bid.", w, Some("reports say"), false),
            // A place is no name: "a US researcher" is as vague as "a researcher".
            ("Fast ferries are drawing more tourists to Dunmere, research suggests.\n\nA US researcher has found that a third of visitors arrive by sea.", w, Some("research suggests"), false),
            // A quotation says what it says, rarely what the intro says.
            ("Fast ferries are drawing more tourists to Dunmere, research suggests.\n\n\"We have never been busier,\" said Ana Ruiz, who runs the Dunmere Inn.", w, Some("research suggests"), false),
            // Critics named by nobody: the next paragraph's speaker is as often the one who answers them.
            ("The new toll is unfair to islanders, critics say.\n\nThe toll is fair and will fund the pier, Dunmere Council said in a statement.", w, Some("critics say"), false),
            // Not the intro: a weasel in the third paragraph stays a warning.
            ("The pier reopened on Monday.\n\nCrowds came early.\n\nDunmere Ferries could sell its pier business, reports say.\n\nThe firm will announce the sale on Friday, the Tidewell Gazette reported.", w, Some("reports say"), false),
            // A headline and a byline are no prose: the intro comes after them.
            ("Ferries for sale\n\nBy Jo Marsh\n\nDunmere Ferries could sell its pier business, reports say.\n\nThe firm will announce the sale on Friday, the Tidewell Gazette reported.", w, Some("reports say"), true),
        ]);
    }

    #[test]
    fn a_settled_reputation_in_an_aside_is_a_hint() {
        let w = "weasel-attribution";
        check(&[
            ("Hendrix, widely considered one of the best guitarists of his era, died in 1970.", w, Some("widely considered"), true),
            ("The pier, widely regarded as one of the finest in the county, will close in May.", w, Some("widely regarded"), true),
            ("Ann Lund, now widely seen as one of the greatest skippers of her day, retired in 2001.", w, Some("widely seen"), true),
            // A view that is the news, or an aside on the news itself: a warning as before.
            ("Ann Ode, widely seen as the frontrunner, said she would stand.", w, Some("widely seen"), false),
            ("The plan, widely seen as a mistake, was dropped.", w, Some("widely seen"), false),
            ("The council closed the pier, widely seen as one of the best decisions in years.", w, Some("widely seen"), false),
            ("Widely considered one of the best skippers, Tom Vance won again.", w, Some("Widely considered"), false),
        ]);
        check(&[("Ann Ode is widely seen as one of the strongest candidates.", "agentless-passive", Some("is widely seen as"), false)]);
    }

    #[test]
    fn a_source_described_before_or_no_person_is_not_anonymous() {
        check(&[
            ("A source said the mayor would resign.", "anonymous-source", Some("A source"), false),
            ("The mayor will resign, the source told the paper.", "anonymous-source", None, false),
            ("The web is a source of many adverts readers would not see elsewhere.", "anonymous-source", None, false),
        ]);
    }

    #[test]
    fn passives_of_procedure_and_agents_after_quotes() {
        check(&[
            ("The plan is widely seen as a mistake.", "agentless-passive", Some("is widely seen as"), false),
            ("The bridge is considered unsafe.", "agentless-passive", Some("is considered"), false),
            ("Several options are being considered.", "agentless-passive", Some("are being considered"), true),
            ("The bill will be debated in the council on Monday.", "agentless-passive", Some("be debated"), true),
            ("If the club is judged to have broken the rules, it will be fined.", "agentless-passive", Some("is judged to"), true),
            ("The pier scheme has been branded \"a costly folly\" by councillors.", "agentless-passive", None, false),
            ("The ferry firm has been accused of hiding losses.", "agentless-passive", Some("has been accused of"), true),
            ("The council has been criticised over the delays.", "agentless-passive", Some("been criticised"), true),
            ("The council is widely blamed for the delays.", "agentless-passive", Some("is widely blamed"), false),
            ("The pier scheme has been branded costly and far too late by a ratepayers' group.", "agentless-passive", None, false),
            ("The port has been accused of blocking the ferry timetable by the harbour watchdog.", "agentless-passive", None, false),
            ("The pier is widely expected to reopen by the end of the year.", "agentless-passive", Some("is widely expected to"), false),
            ("The toll is expected to be cut by Friday.", "agentless-passive", Some("is expected to"), true),
            ("That is more than can be said for the old ferry.", "agentless-passive", None, false),
            ("The first thing to be said is that the pier is open.", "agentless-passive", None, false),
            ("The mayor will open the pier, it has been announced.", "agentless-passive", Some("been announced"), true),
            ("It was agreed that the pier would close.", "agentless-passive", Some("was agreed that"), false),
            ("It has been speculated that the mayor will quit.", "agentless-passive", Some("been speculated that"), false),
        ]);
    }

    #[test]
    fn a_claim_sourced_by_a_neighbouring_sentence_is_a_hint() {
        check(&[
            ("The rise is thought to stem from the weather.", "agentless-passive", Some("is thought to"), false),
            ("Sales fell. The rise is thought to stem from the weather, the Dunmere Traders' Guild said.", "agentless-passive", None, false),
            ("The fall is thought to stem from the weather. \"It rained all month,\" said the guild's chair, Ann Ode.", "agentless-passive", Some("is thought to"), false),
            ("The fall is thought to stem from the weather. Trade was poor all month, the guild's chair, Ann Ode, said.", "agentless-passive", Some("is thought to"), true),
            ("Mira Lund is tipped to win. Bookmakers Hale and Co have made her the favourite, the firm said.", "agentless-passive", Some("is tipped to"), true),
            // The next paragraph is the next point: its speaker does not source this one.
            ("The closure is widely seen as a test of the mayor.\n\nAnn Ode said the town had known about the cracks.", "agentless-passive", Some("is widely seen as"), false),
            ("The talks failed. Critics say the deal is dead. The plan is widely seen as a mistake.", "agentless-passive", Some("is widely seen as"), false),
            ("Mira Lund said on Monday that the pier would close. The pier is widely seen as unsafe.", "agentless-passive", Some("is widely seen as"), false),
            ("The two firms reportedly discussed a merger.", "doubt-word", Some("reportedly"), false),
            ("Two officials have reportedly left Dunmere. The Dunmere Gazette reported that the pair left on Friday.", "doubt-word", Some("reportedly"), true),
            ("The treasurer allegedly took the float. The club's chair, Ann Ode, said the books were open.", "doubt-word", Some("allegedly"), false),
        ]);
    }

    #[test]
    fn a_figure_after_a_named_survey_is_sourced() {
        check(&[
            ("A survey of 900 riders by the Ferry Users' Forum came out on Monday. Riders are fed up. An estimated 4,000 riders have switched ferries.", "unsourced-statistic", None, false),
            ("Riders are fed up with delays. The weather was poor. An estimated 4,000 riders have switched ferries.", "unsourced-statistic", Some("4,000"), false),
        ]);
    }

    #[test]
    fn figures_of_record_are_not_statistics() {
        check(&[
            ("40% of tenants will be priced out by 2030.", "unsourced-statistic", Some("40%"), true),
            ("The scheme will cost $2 million.", "unsourced-statistic", Some("$2 million"), true),
            ("The bypass could cost up to £90m.", "unsourced-statistic", Some("£90m"), false),
            ("An estimated 4,000 riders use the ferry.", "unsourced-statistic", Some("4,000"), false),
            ("Fares are expected to rise by 12% next year.", "unsourced-statistic", Some("12%"), false),
            ("The new handset is expected to cost about $250.", "unsourced-statistic", Some("$250"), true),
            ("Dunmere grew faster than predicted and well above last year's 3.1%.", "unsourced-statistic", None, false),
            ("The ground, which holds 12,000 people, is expected to draw 9,000 fans.", "unsourced-statistic", Some("9,000"), false),
            ("About 900 fans are expected to attend the show which covers 15,000 square metres.", "unsourced-statistic", None, false),
            ("The console will go on sale for $250 next month.", "unsourced-statistic", None, false),
            ("The winner will take home a £30,000 prize.", "unsourced-statistic", None, false),
            ("The merged firm will share £42m among its members.", "unsourced-statistic", None, false),
            ("The final will be shown at 1400 GMT on Saturday.", "unsourced-statistic", None, false),
            ("The firm will launch two handsets, the 3230 and the 7710.", "unsourced-statistic", None, false),
            ("The record could become the 1,001st number one.", "unsourced-statistic", None, false),
            ("Dunmere could win the final 30-20.", "unsourced-statistic", None, false),
            ("The sale is expected to close in a deal worth over £17m.", "unsourced-statistic", None, false),
        ]);
    }
}
