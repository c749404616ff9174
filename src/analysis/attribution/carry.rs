//! Quotations with no cue of their own take a neighbour's speaker: `Caddell continued:` closing a
//! paragraph introduces the quotation that opens the next; otherwise the nearest attributed direct
//! quotation of the paragraph, reported speech just before ("X said the roof leaks. “We have
//! waited a year.”"), or the last quotation of the previous paragraph when this one opens a
//! paragraph. A quotation right after its neighbour's sentence continues that quotation.

use super::draft::{direct_or_partial, is_title, make_draft, uncued_draft};
use super::scan::skip_right;
use super::source::Resolved;
use super::{Ctx, Draft, Grouped, Ledger, QuotationIds};
use crate::analysis::cues::{is, punct_is, word_in};
use crate::analysis::lexicon::flag;
use crate::analysis::lexicon::FxMap;
use crate::analysis::inline::Parts;
use crate::analysis::model::{MentionKind, QuoteKind, Resolution, SpeakerKind};
use crate::analysis::quotes::{Quotation, Quotes};
use crate::analysis::sentences::Sentence;
use crate::analysis::entities::{Entities, Entity, Link};
use crate::analysis::speakers::{np_right, Np};
use crate::analysis::text::{Doc, TokKind};

/// `Caddell continued:` closing paragraph `para`: an unused cue that can speak, followed only by
/// time phrases and a colon that ends the paragraph, is kept (by paragraph) for the quotation
/// that opens the next paragraph.
pub(super) fn note_colon_intros(c: &Ctx, para: usize, resolved: &[Resolved], entities: &Entities, si: usize, colon_intro: &mut FxMap<usize, Draft>) {
    let para_end = c.doc.paragraphs[para].tokens.end;
    for r in resolved.iter().filter(|r| !r.used && r.speaks()) {
        if let Some(colon) = colon_closing_paragraph(c, r, para_end) {
            let mut d = make_draft(c.doc, entities, r, QuoteKind::Direct, Parts::one(c.doc.tokens[colon].span()), QuotationIds::default(), si);
            d.quotations.clear();
            colon_intro.insert(para, d);
        }
    }
}

/// The colon right after cue `r` that is the last token of the paragraph (ending at `para_end`).
fn colon_closing_paragraph(c: &Ctx, r: &Resolved, para_end: usize) -> Option<usize> {
    let a = skip_right(c.doc, c.depth, r.after, c.s1);
    (a + 1 == para_end && punct_is(&c.doc.tokens[a], c.doc.text, b':')).then_some(a)
}

/// `He is prepared to go this far: “…”`, `Ms Ruiz was blunt: “…”`: a quotation (not a fragment)
/// right after a colon, in a sentence whose words before the colon hold no cue and open with a
/// person (a name, a role, "he" or "she"), is that person's. Runs per sentence, after the cues
/// had their pick, so a pronoun finds the antecedent it has there.
pub(super) fn attribute_colon_subject(c: &Ctx, qs: &[usize], resolved: &[Resolved], si: usize, led: &mut Ledger) {
    let (doc, quotes) = (c.doc, c.quotes);
    for &qi in qs {
        let q = &quotes.quotations[qi];
        if led.quotation_draft[qi].is_some() || q.open < c.s0 + 3 || !punct_is(&doc.tokens[q.open - 1], doc.text, b':') {
            continue;
        }
        let colon = q.open - 1;
        if resolved.iter().any(|r| r.cue.start < colon) || direct_or_partial(doc, quotes, qi, c.s0) != QuoteKind::Direct {
            continue;
        }
        let Some(np) = colon_subject(c, colon) else { continue };
        // A name is linked already (`link::link_mentions`); a pronoun or a role is linked here.
        let link = if np.name.is_some() && np.mention != MentionKind::Pronoun { led.entities.linked_at(np.span).map(|e| (e, Link::Name)) } else { led.entities.link(doc, &np) };
        let Some((e, l)) = link else { continue };
        let mut d = uncued_draft(QuoteKind::Direct, q.parts(doc).collect(), qi, si);
        d.entity = Some(e);
        d.mention = Some(np.span);
        d.resolution = match l {
            Link::Pronoun => Resolution::Pronoun { pronoun: np.span.text(doc.text).into(), antecedent: led.entities.list[e].first_full },
            Link::Role => Resolution::Role { first: led.entities.list[e].first_full },
            _ => Resolution::Named,
        };
        led.quotation_draft[qi] = Some(led.drafts.len());
        led.drafts.push(d);
        led.sentence_attributed[si] = true;
    }
}

/// The person who opens the clause that ends in the colon at token `colon` (past a leading
/// "And", "But"): a name or role of a person, "he" or "she", then the verb's words: lower-case,
/// no preposition ("Former secretary of state Ana Ruiz:" is a label), no possessive ("Ana Ruiz's
/// side"), no quotation, dash ("HEADLINE - Ana Ruiz:") or other subject ("… that I had to change
/// my answer:").
fn colon_subject(c: &Ctx, colon: usize) -> Option<Np> {
    let (doc, toks) = (c.doc, &c.doc.tokens);
    let st = c.s0 + usize::from(word_in(doc, c.s0, &["and", "but", "yet", "so"]));
    let dash = |x: usize| toks[x].kind == TokKind::Punct && matches!(toks[x].first_char(doc.text), '-' | '–' | '—');
    if (st..colon).any(|x| c.depth[x] != 0 || toks[x].kind == TokKind::Mark || dash(x)) {
        return None;
    }
    let np = np_right(doc, c.depth, st, colon)?;
    let person = match np.mention {
        MentionKind::Pronoun => matches!(&*np.head, "he" | "she"),
        _ => np.kind == SpeakerKind::Person,
    };
    let verb_follows = np.end + 1 < colon && toks[np.end].kind == TokKind::Word && !toks[np.end].cap && !is(doc, np.end, flag::PREP) && !toks[np.end - 1].possessive;
    let other_subject = (np.end..colon).any(|x| word_in(doc, x, &["he", "she", "i", "we", "they", "you"]));
    (person && verb_follows && !other_subject).then_some(np)
}

/// Give every outermost quotation that no step attributed a draft: a colon introduction's, a
/// carried speaker's (see the module docs), or none. A title (`draft::is_title`) gets none, and a
/// fragment (`draft::is_partial`) none either: it goes to `led.fragments`. `close_sentence` is
/// each quotation's sentence (from `direct::Closing`).
pub(super) fn carry_to_uncued(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], close_sentence: &[usize], led: &mut Ledger, mut colon_intro: FxMap<usize, Draft>) {
    let (mut direct_by_para, reported) = carriers(&led.drafts, sentences, doc.paragraphs.len());
    for (qi, q) in quotes.quotations.iter().enumerate() {
        if q.depth != 0 || led.quotation_draft[qi].is_some() {
            continue;
        }
        let si = close_sentence[qi];
        let Some(sent) = sentences.get(si) else { continue };
        if is_title(doc, quotes, qi, sent.tokens.clone()) {
            continue;
        }
        let kind = direct_or_partial(doc, quotes, qi, sent.tokens.start);
        let para = sent.para;
        let opens_para = doc.paragraphs[q.first_para].tokens.start == q.open;
        if opens_para && q.first_para > 0 {
            if let Some(mut d) = colon_intro.remove(&(q.first_para - 1)) {
                d.span = q.span;
                d.parts = q.parts(doc).collect();
                d.quotations = QuotationIds::one(qi);
                d.sentence = si;
                led.quotation_draft[qi] = Some(led.drafts.len());
                if d.entity.is_some() {
                    direct_by_para.push(para, led.drafts.len());
                }
                led.drafts.push(d);
                continue;
            }
        }
        // Quoted words inside the writer's sentence that no cue took are nobody's words: a scare
        // quote, a term, a nickname, a slogan (docs/quotes.md). No quote; `scare-quote` reads them.
        if kind == QuoteKind::Partial {
            led.fragments.push(qi);
            continue;
        }
        // A quotation over several paragraphs looks for its speaker where it opens.
        let from = carrier(doc, sentences, q, si, Carriers { drafts: &led.drafts, direct_by_para: &direct_by_para, reported: &reported }, &led.entities);
        if let Some(f) = from.filter(|&f| continues(sentences, &led.drafts[f], q)) {
            let fd = &mut led.drafts[f];
            fd.parts.extend(q.parts(doc));
            fd.quotations.push(qi);
            fd.span = fd.span.cover(q.span);
            led.quotation_draft[qi] = Some(f);
            continue;
        }
        let di = led.drafts.len();
        led.quotation_draft[qi] = Some(di);
        let mut d = uncued_draft(kind, q.parts(doc).collect(), qi, si);
        if let Some(f) = from {
            let fd = &led.drafts[f];
            d.entity = fd.entity;
            // The carried attribution's cue and mention: what a reader takes as the source.
            d.mention = fd.mention;
            d.cue = fd.cue.clone();
            d.resolution = Resolution::Adjacent { from_quote: f };
            direct_by_para.push(para, di);
        }
        led.drafts.push(d);
    }
}

/// The drafts that can carry a speaker, by paragraph: attributed direct quotations (a list that
/// grows as carried quotations join it), and outermost reported speech, fixed by now.
fn carriers(drafts: &[Draft], sentences: &[Sentence], paragraphs: usize) -> (ParaLists, Grouped) {
    // Each draft goes to one list at most, carried quotations later: room for all, no regrowth.
    let mut direct_by_para = ParaLists::new(paragraphs, drafts.len() + drafts.len() / 2);
    let mut reported: Vec<(usize, usize)> = Vec::with_capacity(drafts.len()); // (paragraph, draft)
    for (di, d) in drafts.iter().enumerate() {
        if d.kind == QuoteKind::Direct && d.entity.is_some() {
            direct_by_para.push(sentences[d.sentence].para, di);
        } else if d.entity.is_some() && d.outer.is_none() && d.kind != QuoteKind::Partial {
            reported.push((sentences[d.sentence].para, di));
        }
    }
    (direct_by_para, Grouped::new(paragraphs, reported))
}

/// The drafts that can carry a speaker to a quotation with no cue (see [`carriers`]).
#[derive(Clone, Copy)]
struct Carriers<'a> {
    drafts: &'a [Draft],
    /// Attributed direct quotations by paragraph.
    direct_by_para: &'a ParaLists,
    /// Each paragraph's outermost reported speech, in sentence order.
    reported: &'a Grouped,
}

/// The draft whose speaker direct quotation `q` (closing in sentence `si`) takes: the nearest
/// attributed direct quotation of the paragraph it opens in; reported speech before `q` when
/// nearer; else, when `q` opens its paragraph, the attribution that ends the paragraph before.
fn carrier(doc: &Doc, sentences: &[Sentence], q: &Quotation, si: usize, c: Carriers, entities: &Entities) -> Option<usize> {
    let Carriers { drafts, direct_by_para, reported } = c;
    // Recent ones are nearest, so a bounded look suffices.
    let mut from = direct_by_para.rev(q.first_para).take(16).min_by_key(|&d| (drafts[d].span.start as isize - q.span.start as isize).unsigned_abs());
    let opens_para = doc.paragraphs[q.first_para].tokens.start == q.open && q.first_para > 0;
    // A quotation that opens its paragraph continues the speaker who ended the paragraph before
    // rather than one quoted later in its own (`"…," said Ruiz.` ⏎ `"…" Vance shrugged. "…," said
    // Vance.`).
    if opens_para && from.is_some_and(|f| drafts[f].span.start > q.span.start) {
        if let Some(prev) = ending_previous_paragraph(doc, sentences, q, c) {
            return Some(prev);
        }
    }
    if let Some(r) = reported_before(q, si, drafts, reported.of(q.first_para)) {
        // Not a participle's clause after the direct quotation it follows (“…,” X said,
        // emphasizing why …): the quotation's speaker and cue carry on.
        if from.is_none_or(|f| drafts[f].span.end <= drafts[r].span.start && drafts[f].span.start < q.span.start && drafts[f].sentence != drafts[r].sentence) {
            from = Some(r);
        }
    }
    if from.is_none() && opens_para {
        from = ending_previous_paragraph(doc, sentences, q, c);
    }
    if from.is_none() && !opens_para && q.first_para > 0 {
        from = ending_previous_paragraph(doc, sentences, q, c)
            .filter(|&prev| neutral_lead_in(doc, sentences, q, drafts[prev].entity, entities));
    }
    from
}

/// How many sentences may lead into a quotation that continues the paragraph before.
const LEAD_IN: usize = 3;

/// `… “…,” said Ruiz.` ⏎ `The club is moving. It plans tours abroad. “We have two scouts …”`:
/// the sentences of `q`'s paragraph before it (no attribution among them, which the caller
/// knows) are a short neutral lead-in: at most [`LEAD_IN`] whole sentences with no quotation
/// (`q` opens a sentence after a full stop, not after "She replied:", and does not end in a
/// comma that awaits its cue), naming no source but `speaker` and no other person: none opens a
/// sentence ("Ruiz smiled."), and none is introduced by a first name before a surname or an
/// honorific.
fn neutral_lead_in(doc: &Doc, sentences: &[Sentence], q: &Quotation, speaker: Option<usize>, entities: &Entities) -> bool {
    let para = &doc.paragraphs[q.first_para];
    let toks = &doc.tokens;
    let first = sentences.partition_point(|s| s.tokens.start < para.tokens.start);
    let lead = &sentences[first..first + sentences[first..].iter().take(LEAD_IN + 1).take_while(|s| s.tokens.end <= q.open).count()];
    let after_stop = q.open > para.tokens.start && matches!(toks[q.open - 1].first_char(doc.text), '.' | '!' | '?');
    let awaits_cue = q.close > q.open + 1 && toks[q.close - 1].is_punct(doc.text, ',');
    if lead.len() > LEAD_IN || !after_stop || awaits_cue {
        return false;
    }
    let named = |k: usize| toks[k].cap && (toks[k].has(flag::HONORIFIC) || toks[k].has(flag::FIRST_NAME) && toks.get(k + 1).is_some_and(|n| n.cap));
    if (para.tokens.start..q.open).any(|k| named(k) || toks[k].kind == TokKind::Mark) {
        return false;
    }
    // Where each sentence's subject would stand, past a leading "But", "And".
    let opener = |m: usize| lead.iter().any(|s| toks[s.tokens.start].start as usize == m || word_in(doc, s.tokens.start, &["but", "and"]) && toks[s.tokens.start + 1].start as usize == m);
    let (from, to) = (para.span.start, q.span.start);
    let other = |(e, ent): (usize, &Entity)| {
        let person = ent.speaks || ent.kind == SpeakerKind::Person && named(toks.partition_point(|t| (t.start as usize) < ent.first_full.start));
        Some(e) != speaker && ent.mentions.iter().any(|(m, _)| m.start >= from && m.start < to && (person || opener(m.start)))
    };
    !entities.list.iter().enumerate().any(other)
}

/// Reported speech carries only forward: the latest of `reported` up to sentence `si` that ends
/// before `q`. Drafts of a paragraph are in sentence order: look back a bounded way from this
/// sentence, so a huge paragraph stays linear.
fn reported_before(q: &Quotation, si: usize, drafts: &[Draft], reported: &[usize]) -> Option<usize> {
    let upto = reported.partition_point(|&d| drafts[d].sentence <= si);
    reported[..upto].iter().rev().take(64).copied().find(|&d| drafts[d].span.end <= q.span.start)
}

/// The attribution that ends the paragraph before `q`'s: its last attributed direct quotation, if
/// that ends the paragraph (within a few bytes) or the sentence attributing it does (`"…," she
/// said.` ⏎ `"…"`); else its last reported speech, if in its last sentence (`Cho said the roof
/// leaks.` ⏎ `"…"`).
fn ending_previous_paragraph(doc: &Doc, sentences: &[Sentence], q: &Quotation, c: Carriers) -> Option<usize> {
    let (drafts, direct_by_para, reported) = (c.drafts, c.direct_by_para, c.reported.of(q.first_para - 1));
    // The latest-pushed of equal starts wins, as `max_by_key` over the list in order did.
    let mut latest: Option<usize> = None;
    for d in direct_by_para.rev(q.first_para - 1) {
        if latest.is_none_or(|b| drafts[d].span.start > drafts[b].span.start) {
            latest = Some(d);
        }
    }
    let prev = &doc.paragraphs[q.first_para - 1];
    let ends_prev = |d: usize| sentences[drafts[d].sentence].tokens.end == prev.tokens.end;
    latest.filter(|&d| drafts[d].span.end + 4 >= prev.span.end || ends_prev(d)).or_else(|| reported.last().copied().filter(|&d| ends_prev(d)))
}

/// `"A," said X, a lawyer. "B."` — the next sentence's quotation continues direct quotation `fd`
/// when it opens right where `fd`'s sentence ends, in the same paragraph.
fn continues(sentences: &[Sentence], fd: &Draft, q: &Quotation) -> bool {
    let attribution_sentence_end = sentences[fd.sentence].tokens.end;
    fd.kind == QuoteKind::Direct && fd.span.end <= q.span.start && attribution_sentence_end == q.open && sentences[fd.sentence].para == q.first_para
}

/// Lists of draft indexes per paragraph in one arena, each read newest first.
struct ParaLists {
    /// Per paragraph: the newest item, or `NONE`.
    head: Vec<u32>,
    /// (draft, the item pushed before it to the same paragraph).
    items: Vec<(usize, u32)>,
}

impl ParaLists {
    const NONE: u32 = u32::MAX;

    fn new(paragraphs: usize, items: usize) -> ParaLists {
        ParaLists { head: vec![Self::NONE; paragraphs], items: Vec::with_capacity(items) }
    }

    fn push(&mut self, para: usize, draft: usize) {
        let prev = self.head[para];
        self.head[para] = self.items.len() as u32;
        self.items.push((draft, prev));
    }

    /// The drafts of `para`, last pushed first.
    fn rev(&self, para: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.head.get(para).copied().unwrap_or(Self::NONE);
        std::iter::from_fn(move || {
            let (d, prev) = *self.items.get(at as usize)?;
            at = prev;
            Some(d)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::fixture;
    use super::*;

    /// (quotation words, carried speaker's mention, cue, how resolved) for the draft of each
    /// outermost quotation after the whole stage.
    fn carried(text: &'static str) -> Vec<(String, Option<String>, Option<String>, bool)> {
        let f = fixture(text);
        let a = f.attribute();
        f.quotes
            .quotations
            .iter()
            .filter(|q| q.depth == 0)
            .map(|q| {
                let d = a.drafts.iter().find(|d| d.parts.contains(&q.span)).expect("every quotation has a draft");
                let (_, mention, cue) = f.view(d);
                let adjacent = matches!(d.resolution, Resolution::Adjacent { .. });
                (q.span.text(text).to_string(), mention.map(str::to_string), cue.map(str::to_string), adjacent)
            })
            .collect()
    }

    #[test]
    fn a_quotation_with_no_cue_takes_a_neighbours_speaker() {
        // (text, the last quotation's (mention, cue, carried from a neighbour?))
        let cases: &[(&str, (Option<&str>, Option<&str>, bool))] = &[
            // The nearest attributed quotation of the paragraph.
            ("“We will rebuild,” Hartley said on Monday after the vote. Crews arrived. “It will take a year.”", (Some("Hartley"), Some("said"), true)),
            // Reported speech just before.
            ("Hartley said the roof leaks. “We have waited a year.”", (Some("Hartley"), Some("said"), true)),
            // The previous paragraph's last quotation, when it ends that paragraph.
            ("The vote was close. Hartley said: “We will rebuild.”\n\n“It will take a year.”", (Some("Hartley"), Some("said"), true)),
            // Or when the sentence that attributes it ends that paragraph.
            ("“We will rebuild,” Hartley said on Monday.\n\n“It will take a year.”", (Some("Hartley"), Some("said"), true)),
            // Reported speech that ends the paragraph before.
            ("The crowd was angry. Hartley said the pier would be rebuilt.\n\n“It will take a year.”", (Some("Hartley"), Some("said"), true)),
            ("Hartley said the pier would be rebuilt. The crowd was angry.\n\n“It will take a year.”", (None, None, false)),
            // Not when something follows it there.
            ("Hartley said: “We will rebuild.” The crowd cheered.\n\n“It will take a year.”", (None, None, false)),
            ("“We will rebuild,” Hartley said on Monday. The crowd cheered.\n\n“It will take a year.”", (None, None, false)),
            // A colon introduction.
            ("Hartley continued:\n\n“We will rebuild the pier.”", (Some("Hartley"), Some("continued"), false)),
            // Nobody to take it from.
            ("“We have waited a year.”", (None, None, false)),
        ];
        for &(text, want) in cases {
            let got = carried(text);
            let (_, m, c, adj) = got.last().unwrap();
            assert_eq!((m.as_deref(), c.as_deref(), *adj), want, "{text:?}");
        }
    }

    #[test]
    fn a_quotation_after_a_neutral_lead_in_continues_the_paragraph_before() {
        // (text, the last quotation's carried speaker mention)
        let prev = "Omar Haddad said the club would grow. “We must look abroad.”\n\n";
        let cases: &[(&str, Option<&str>)] = &[
            // One or two sentences about something else, then the quotation.
            ("The club is moving to a new ground. “We have two scouts in Japan.”", Some("Omar Haddad")),
            ("The club is moving to a new ground. It also plans tours. “We have two scouts in Japan.”", Some("Omar Haddad")),
            // Not after more than three sentences.
            ("The club is moving. It plans tours. Fans are happy. Prices rose. “We have two scouts in Japan.”", None),
            // Not when the lead-in names someone else: a first name and surname, an honorific, a
            // person who opens a sentence.
            ("The club hired Tom Reyes in May. “We have two scouts in Japan.”", None),
            ("The club hired Mr Reyes in May. “We have two scouts in Japan.”", None),
            ("Fans met Tom Reyes on Monday. Reyes smiled. “We have two scouts in Japan.”", None),
            // Not a quotation that ends in a comma awaiting its cue, nor one after another quotation.
            ("The club is moving. “We have two scouts in Japan,” the club's website says.", Some("the club's website")),
            ("The sign read “Welcome”. “We have two scouts in Japan.”", None),
        ];
        for &(tail, want) in cases {
            let text: &'static str = Box::leak(format!("{prev}{tail}").into_boxed_str());
            let f = fixture(text);
            let a = f.attribute();
            let last = f.quotes.quotations.last().unwrap().span;
            let d = a.drafts.iter().find(|d| d.parts.contains(&last)).expect("a draft");
            assert_eq!(f.view(d).1, want, "{tail:?}");
        }
    }

    #[test]
    fn a_person_who_opens_a_clause_ending_in_a_colon_speaks_the_quotation_after_it() {
        // (text, the last quotation's speaker mention)
        let cases: &[(&str, Option<&str>)] = &[
            ("Ana Ruiz was blunt: “We will not pay for the pier.”", Some("Ana Ruiz")),
            ("The vote was close. Mayor Ana Ruiz is confident though: “We will win the next one.”", Some("Mayor Ana Ruiz")),
            ("Ana Ruiz spoke first.\n\nBut she is prepared to go this far: “We will pay half of it.”", Some("she")),
            ("The mayor was in no doubt: “The wall will hold.”", Some("The mayor")),
            // No person opens the clause.
            ("The sign on the gate was plain: “Keep out of the harbour.”", None),
            ("Ana Ruiz spoke first. It was plain: “Keep out of the harbour.”", None),
            ("For Ana Ruiz, this is progress: “We have waited a year.”", None),
            // A label, a possessive, a headline with a dash, another subject before the colon.
            ("Former mayor of Lyle Ana Ruiz: “We will not pay for the pier.”", None),
            ("Ana Ruiz's side lost, and the first question put to them was: “What happened?”", None),
            ("ANA RUIZ WINS - Ana Ruiz: “We will not pay for the pier.”", None),
            ("She became upset, so that I had to change my answer: “I will pay for the pier.”", None),
        ];
        for &(text, want) in cases {
            let got = carried(text);
            let (_, m, _, _) = got.last().unwrap();
            assert_eq!(m.as_deref(), want, "{text:?}");
        }
        // A fragment is no utterance: nobody speaks it, so it is no quote at all.
        assert!(fixture("Ana Ruiz had a word for it: “shambles”.").attribute().drafts.is_empty());
    }

    #[test]
    fn a_fragment_nobody_attributes_is_no_quote() {
        // (text, the quotation is a quote; it is kept as a fragment nobody said)
        let cases: &[(&str, bool)] = &[
            // Scare quotes, a term, a long phrase: nobody's words.
            ("The ferry plan is “a bold step” for the town.", false),
            ("The council's “plan” has no budget.", false),
            ("The council's “new deal for the pier and every family on the coast” has no budget.", false),
            // A sentence in quotation marks stays a quote, with no speaker or a neighbour's.
            ("“We have waited a year.”", true),
            ("The crowd was angry. “Nobody told us anything,” one sign read in red paint, “and now the pier is gone.”", true),
            ("Hartley said the roof leaks. “We have waited a year.”", true),
            // A cue attributes the fragment.
            ("Hartley called the plan “a bold step” on Monday.", true),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            let a = f.attribute();
            let q = f.quotes.quotations.iter().position(|q| q.depth == 0).unwrap_or_else(|| panic!("no quotation in {text:?}"));
            let quoted = a.drafts.iter().any(|d| d.quotations.contains(&q));
            assert_eq!((quoted, a.fragments.contains(&q)), (want, !want), "{text:?}");
        }
    }

    #[test]
    fn a_quotation_that_opens_a_paragraph_continues_the_speaker_before_not_a_later_one() {
        let text = "“It was hard,” said Ruiz.\n\n“I felt slow all day.” Vance shrugged it off. “It is no big deal,” said Vance.";
        let got = carried(text);
        assert_eq!(got[1].1.as_deref(), Some("Ruiz"), "{got:?}");
        assert_eq!(got[2].1.as_deref(), Some("Vance"), "{got:?}");
        // With no speaker before it, a later one lends it theirs.
        let text = "“We have waited a year.” The crowd cheered. “It will take a year,” Hartley said.";
        assert_eq!(carried(text)[0].1.as_deref(), Some("Hartley"));
    }

    #[test]
    fn a_quotation_right_after_its_attribution_sentence_continues_it() {
        let text = "“We will rebuild,” said Hartley, the mayor. “It will take a year.”";
        let f = fixture(text);
        let a = f.attribute();
        assert_eq!(a.drafts.len(), 1);
        assert_eq!(a.drafts[0].parts.len(), 2);
        assert_eq!(a.drafts[0].quotations, [0, 1]);
        assert_eq!(a.drafts[0].span.text(text), text);
    }

    #[test]
    fn a_colon_that_ends_the_paragraph_after_a_cue_introduces_the_next() {
        // (text, the colon's token or none)
        let cases: &[(&str, bool)] = &[("Hartley continued:\n\nThe pier is safe.", true), ("Hartley continued: the pier is safe.", false), ("Hartley continued on Monday:\n\nSafe.", true)];
        for &(text, want) in cases {
            let f = fixture(text);
            let (si, r) = f.cue_at("continued");
            let para_end = f.doc.paragraphs[f.sentences[si].para].tokens.end;
            let colon = colon_closing_paragraph(&f.ctx(si), &r, para_end);
            assert_eq!(colon.is_some(), want, "{text:?}");
            if let Some(k) = colon {
                assert_eq!(f.words(k, k + 1), ":");
            }
        }
    }

    #[test]
    fn paragraph_lists_read_newest_first() {
        let mut l = ParaLists::new(3, 0);
        l.push(1, 10);
        l.push(0, 11);
        l.push(1, 12);
        assert_eq!(l.rev(1).collect::<Vec<_>>(), [12, 10]);
        assert_eq!(l.rev(0).collect::<Vec<_>>(), [11]);
        assert_eq!(l.rev(2).count(), 0);
        assert_eq!(l.rev(7).count(), 0);
    }
}
