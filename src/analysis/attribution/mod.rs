//! Attribution: direct quotations and reported speech to their sources, sentence by sentence.
//!
//! For every cue the source is looked for left of the verb ("Psaki said"), right of it ("said
//! Psaki", "according to AFP"), or after "by" ("was told by"); the content runs forward to the
//! clause end ("said that ...") or backward to the clause start ("..., AFP reported"). A direct
//! quotation takes the cue that follows its closing mark or introduces it; a quotation with no cue
//! takes the speaker of an adjacent quotation in the same or the previous paragraph.

mod draft;
mod scan;
mod source;

use super::cues::{self, is, number_word, punct_is, word_in, word_is, CueCand};
use super::lexicon::{flag, FxMap, Loaded, VerbClass};
use super::model::{Cue, CueKind, QuoteKind, Resolution, Span, SpeakerKind};
use super::quotes::Quotes;
use super::sentences::Sentence;
use super::speakers::{np_right, Entities, Np};
use super::text::{Doc, TokKind};
use super::ExtraVerbs;
use draft::{is_partial, make_draft, punctuation_draft};
use scan::{clause_end, clause_start, dash_at, past_short_aside, skip_right, span_of};
use source::{resolve_cue, Resolved};

/// One attribution before quotes are numbered.
#[derive(Clone, Debug)]
pub struct Draft {
    pub kind: QuoteKind,
    pub span: Span,
    pub parts: Vec<Span>,
    /// Quotation indexes (into `Quotes::quotations`) this draft covers.
    pub quotations: Vec<usize>,
    pub entity: Option<usize>,
    pub mention: Option<Span>,
    pub cue: Option<Cue>,
    pub cue_class: Option<VerbClass>,
    pub cue_head: Option<usize>,
    pub resolution: Resolution,
    /// For nested reporting: the draft index of the enclosing attribution.
    pub outer: Option<usize>,
    pub weasel: bool,
    pub anonymous_bare: bool,
    pub sentence: usize,
}

pub struct Attribution {
    pub drafts: Vec<Draft>,
    pub entities: Entities,
    /// Per sentence: does it carry an attribution (a cue with a source)?
    pub sentence_attributed: Vec<bool>,
    /// Byte spans of reported content (claims inside them are the source's, not the writer's).
    pub attributed_spans: Vec<Span>,
}

/// The sentence a step works in: the document, the quotation depth of every token, and the
/// sentence's tokens `s0..s1`.
#[derive(Clone, Copy)]
pub(super) struct Ctx<'a> {
    pub doc: &'a Doc<'a>,
    pub depth: &'a [u8],
    pub s0: usize,
    pub s1: usize,
}

/// `None` when `stop()` turned true (polled every 64 sentences).
pub fn attribute(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], extra: &ExtraVerbs, known: &[super::KnownSpeaker], stop: &dyn Fn() -> bool) -> Option<Attribution> {
    let toks = &doc.tokens;
    let text = doc.text;
    let depth = &quotes.depth;
    let mut entities = Entities::default();
    for k in known {
        entities.seed(k);
    }
    // Drafts are large: sized once (about one per quotation or cue) rather than grown by copying.
    let mut drafts: Vec<Draft> = Vec::with_capacity(quotes.quotations.len() + sentences.len() / 2);
    let mut quotation_draft: Vec<Option<usize>> = vec![None; quotes.quotations.len()];
    let mut sentence_attributed = vec![false; sentences.len()];
    let mut attributed_spans = Vec::new();

    // By paragraph; few paragraphs end in `X continued:`, so a map, not a large slot each.
    let mut colon_intro: FxMap<usize, Draft> = FxMap::default();
    // Outermost quotations by the sentence they close in.
    // One flat list in sentence order with offsets, not a Vec per sentence (an allocation each).
    let mut closing: Vec<(usize, usize)> = Vec::new(); // (sentence, quotation)
    // Per quotation (outermost only): the sentence it closes in, `sentences.len()` if none.
    let mut close_sentence: Vec<usize> = vec![usize::MAX; quotes.quotations.len()];
    let mut cursor = (0usize, 0usize); // (close token, its sentence) of the last outermost quotation
    for (qi, q) in quotes.quotations.iter().enumerate() {
        if q.depth == 0 {
            // Outermost quotations close in text order: walk forward instead of a binary search
            // per quotation (each a string of cache misses on a large text).
            let si = if q.close >= cursor.0 {
                let mut si = cursor.1;
                while si < sentences.len() && sentences[si].tokens.end <= q.close {
                    si += 1;
                }
                si
            } else {
                sentences.partition_point(|s| s.tokens.end <= q.close)
            };
            cursor = (q.close, si);
            close_sentence[qi] = si;
            if si < sentences.len() {
                closing.push((si, qi));
            }
        }
    }
    // Stable: quotations of one sentence stay in text order.
    closing.sort_by_key(|&(si, _)| si);
    let closing_qs: Vec<usize> = closing.iter().map(|&(_, qi)| qi).collect();
    let mut closing_from = vec![0usize; sentences.len() + 1];
    for &(si, _) in &closing {
        closing_from[si + 1] += 1;
    }
    for si in 0..sentences.len() {
        closing_from[si + 1] += closing_from[si];
    }
    drop(closing);
    // Transcripts and headlines: `PENCE: Well, look ...`, `Jane Doe: We will win` — a paragraph
    // that opens with a name and a colon quotes that person for the rest of the paragraph.
    // A transcript printed inside quotation marks opens each turn with a mark (`"WALLACE: ...`).
    let mut transcript: Vec<(usize, usize, Np)> = Vec::new(); // (first content token, end token, speaker)
    let mut flat: Vec<u8> = Vec::new();
    for para in &doc.paragraphs {
        let p1 = para.tokens.end;
        let quoted = para.tokens.start < p1 && toks[para.tokens.start].kind == TokKind::Mark;
        let p0 = para.tokens.start + usize::from(quoted);
        let Some(colon) = (p0 + 1..(p0 + 6).min(p1)).find(|&x| punct_is(&toks[x], text, b':')) else { continue };
        if colon + 3 >= p1 || depth[colon] != depth[p0] || (!quoted && depth[colon] != 0) {
            continue;
        }
        let all_caps = (p0..colon).all(|x| toks[x].kind != TokKind::Word || (toks[x].text(text).chars().all(|c| !c.is_lowercase()) && toks[x].text(text).len() > 1));
        if quoted && !all_caps {
            continue;
        }
        let d: &[u8] = if depth[p0] == 0 {
            depth
        } else {
            if flat.is_empty() {
                flat = vec![0; toks.len()];
            }
            &flat
        };
        if let Some(np) = np_right(doc, d, p0, colon).filter(|np| np.end == colon && np.name.is_some()) {
            if all_caps || np.kind == SpeakerKind::Person {
                transcript.push((colon + 1, p1, np));
            }
        }
    }
    let in_transcript = |k: usize| transcript.iter().any(|(s, e, _)| k >= *s && k < *e);
    // Per-sentence work lists, reused: most sentences need only a few entries.
    let mut resolved: Vec<Resolved> = Vec::new();
    let mut to_link: Vec<(usize, Option<usize>)> = Vec::new(); // (position, resolved idx)
    let mut others: Vec<Np> = Vec::new();
    let mut found: Vec<CueCand> = Vec::new();
    let mut qcur = 0; // the first quotation that starts at or after the current sentence
    for (si, sent) in sentences.iter().enumerate() {
        if si % 64 == 63 && stop() {
            return None;
        }
        let sentence_first_draft = drafts.len();
        if let Some((ts, te, np)) = transcript.iter().find(|(ts, _, np)| np.start >= sent.tokens.start && np.start < sent.tokens.end && *ts <= sent.tokens.end) {
            if let Some((e, link)) = entities.link(doc, np) {
                let span = span_of(doc, *ts, *te);
                let colon = toks[*ts - 1].span();
                let cue = Cue { span: colon, text: ":".to_string(), kind: CueKind::Colon };
                // The quotation holding a quoted transcript is its turns, not a quote of its own.
                let before = quotes.quotations.partition_point(|q| q.open < *ts);
                if let Some(qx) = (0..before).rev().take(64).find(|&x| quotes.quotations[x].depth == 0) {
                    if quotes.quotations[qx].close > *ts && quotation_draft[qx].is_none() {
                        quotation_draft[qx] = Some(drafts.len());
                    }
                }
                drafts.push(punctuation_draft(&entities, span, Vec::new(), (e, link), np.span, cue, si));
                attributed_spans.push(span);
                sentence_attributed[si] = true;
            }
        }
        let s0 = sent.tokens.start;
        let s1 = sent.tokens.end;
        let headline = sent.para == 0 && cues::is_headline(doc, sent.tokens.clone());
        cues::find_into(doc, depth, sent.tokens.clone(), extra, headline, &mut found);
        if !transcript.is_empty() {
            found.retain(|c| !in_transcript(c.head));
        }
        resolved.clear();
        let ctx = Ctx { doc, depth, s0, s1 };
        for c in &found {
            let r = resolve_cue(&ctx, c, &resolved);
            resolved.push(r);
        }
        // Sentence-initial subject for salience ("Putin told Macron ..." makes Putin the topic).
        to_link.clear();
        for (ri, r) in resolved.iter().enumerate() {
            if r.source.is_some() {
                to_link.push((r.source.as_ref().unwrap().np.span.start, Some(ri)));
            }
        }
        // Other named people and bodies in the sentence: antecedents for later pronouns and short names.
        others.clear();
        let mut k = s0;
        while k < s1 {
            let t = &toks[k];
            // Only where a person or body is likely named: a known first name, a title, an
            // honorific, or two capitalised words in a row.
            let starts = depth[k] == 0
                && t.kind == TokKind::Word
                && (t.has(flag::FIRST_NAME | flag::TITLE | flag::HONORIFIC)
                    || (t.cap && t.flags() & (flag::FUNCTION | flag::DAY_MONTH) == 0 && toks.get(k + 1).is_some_and(|n| n.cap && n.kind == TokKind::Word)));
            if starts && !to_link.iter().any(|(p, _)| *p == t.start as usize) && super::speakers::may_name(doc, depth, k, s1) {
                if let Some(np) = np_right(doc, depth, k, s1) {
                    if np.name.is_some() && np.end > k {
                        let covered = resolved.iter().any(|r| r.source.as_ref().is_some_and(|s| s.np.span.overlaps(np.span)));
                        k = np.end;
                        if !covered {
                            to_link.push((np.span.start, None));
                            others.push(np);
                        }
                        continue;
                    }
                }
            }
            k += 1;
        }
        to_link.sort_by_key(|x| x.0);
        for &(pos, ri) in &to_link {
            match ri {
                Some(ri) => {
                    let link = entities.link(doc, &resolved[ri].source.as_ref().unwrap().np);
                    resolved[ri].link = link;
                }
                None => {
                    if let Some(np) = others.iter().find(|n| n.span.start == pos) {
                        entities.link(doc, np);
                    }
                }
            }
        }
        // Which cues can attribute: a source and a cue class that reports something.
        let speaks = |r: &Resolved| r.speaks();

        // 1. Direct quotations closing in this sentence.
        let qs: &[usize] = &closing_qs[closing_from[si]..closing_from[si + 1]];
        for &qi in qs {
            let q = &quotes.quotations[qi];
            if quotation_draft[qi].is_some() {
                continue;
            }
            // Post: `"...," she said` / `"...," said Psaki` / `"..." — a statement by X said`.
            // A quoted title inside a phrase ("on “Fox News Sunday,” Pence said ...") is not what
            // the following verb reports.
            let embedded = q.open > s0 && toks[q.open - 1].kind == TokKind::Word && is_partial(doc, quotes, qi, s0);
            let mut chosen: Option<usize> = None;
            for (ri, r) in resolved.iter().enumerate() {
                if embedded {
                    break;
                }
                if r.source.is_none() || r.used {
                    continue;
                }
                let bs = r.block_start.min(r.cue.start);
                if bs <= q.close {
                    continue;
                }
                let gap_ok = (q.close + 1..bs).all(|x| toks[x].kind == TokKind::Punct && depth[x] == 0)
                    || (q.close + 1..bs).count() <= 4 && (q.close + 1..bs).all(|x| depth[x] == 0 && (toks[x].kind == TokKind::Punct || toks[x].has(flag::ATTR_NOUN) || word_in(doc, x, &["a", "an", "the", "by", "in", "his", "her", "their", "its"])));
                if gap_ok {
                    chosen = Some(ri);
                    break;
                }
            }
            let mut pre = false;
            if chosen.is_none() {
                // Pre: `Psaki said: "..."` / `Psaki said, "..."` / `Psaki said "..."`.
                for (ri, r) in resolved.iter().enumerate() {
                    if r.source.is_none() || r.used || r.cue.end > q.open {
                        continue;
                    }
                    let mut a = skip_right(doc, depth, r.after, q.open);
                    let before_listener = a;
                    // "Mook told WKRN, “...”": past the listener (and a comma or colon must follow it).
                    if r.cue.verb.is_some_and(|(v, _)| v.listener) && a < q.open && toks[a].kind == TokKind::Word {
                        let end = np_right(doc, depth, a, q.open)
                            .map(|np| np.end)
                            // "told reporters:", "told the crowd:"
                            .or_else(|| (a + 1..(a + 4).min(q.open)).find(|&x| toks[x].kind != TokKind::Word).filter(|&x| (a..x).all(|y| !is(doc, y, flag::VERB))));
                        if let Some(end) = end {
                            a = skip_right(doc, depth, end, q.open);
                        }
                    }
                    let a = if word_is(doc, a, "that") { a + 1 } else { past_short_aside(doc, depth, a, q.open, r.block_start <= s0 + 1) };
                    let gap_ok = (a..q.open).all(|x| toks[x].kind == TokKind::Punct && matches!(toks[x].first_char(text), ':' | ',' | '—' | '–'))
                        // "told WKRN's “Morning Desk” that ...": a programme's name, not the quotation.
                        && !(a > before_listener && a == q.open && word_is(doc, q.close + 1, "that"));
                    if gap_ok {
                        chosen = Some(ri);
                        pre = true;
                    }
                }
            }
            let Some(ri) = chosen else {
                // `"..." — Jane Doe (@janedoe)`: a dash and a name after the quotation.
                let mut k = q.close + 1;
                if k < s1 && punct_is(&toks[k], text, b',') {
                    k += 1;
                }
                let dash = k < s1 && toks[k].kind == TokKind::Punct && matches!(toks[k].first_char(text), '—' | '–' | '―' | '-');
                if dash {
                    let mut n = k + 1;
                    while n < s1 && toks[n].kind == TokKind::Punct && matches!(toks[n].first_char(text), '-' | '—') {
                        n += 1;
                    }
                    if let Some(np) = np_right(doc, depth, n, s1).filter(|np| np.name.is_some()) {
                        if let Some((e, link)) = entities.link(doc, &np) {
                            let di = drafts.len();
                            quotation_draft[qi] = Some(di);
                            let dash_span = toks[k].span();
                            let cue = Cue { span: dash_span, text: dash_span.text(text).to_string(), kind: CueKind::Dash };
                            drafts.push(punctuation_draft(&entities, q.span, vec![qi], (e, link), np.span, cue, si));
                            sentence_attributed[si] = true;
                        }
                    }
                }
                continue;
            };
            if !speaks(&resolved[ri]) && !resolved[ri].cue.verb.is_some_and(|(v, _)| v.class == VerbClass::NonSpeech) {
                continue;
            }
            let kind = if is_partial(doc, quotes, qi, s0) { QuoteKind::Partial } else { QuoteKind::Direct };
            // "saying that “race divides” in the region, ...": the clause around a partial
            // quotation is reported speech of the same cue, found below.
            resolved[ri].used = !(pre && kind == QuoteKind::Partial);
            let r = &resolved[ri];
            // Room for the second half of a split quotation or a next-sentence continuation.
            let mut parts = Vec::with_capacity(2);
            parts.push(q.span);
            let mut qset = Vec::with_capacity(2);
            qset.push(qi);
            // Split quotation: `"A," she said, "B."`
            if !pre {
                let mut a = skip_right(doc, depth, r.after.max(r.source.as_ref().map_or(0, |s| s.np.end)).max(r.cue.end), s1);
                if a < s1 && toks[a].kind == TokKind::Punct && matches!(toks[a].first_char(text), ',' | ':' | '—' | '–') {
                    a += 1;
                }
                // The next quotation of the sentence continues it, even after a short aside
                // (`"A," Tester said, referring to the bank, "B."`), unless another cue intervenes.
                let next_q = qs.iter().copied().filter(|&x| quotes.quotations[x].open >= a && quotation_draft[x].is_none()).min_by_key(|&x| quotes.quotations[x].open);
                if let Some(q2) = next_q {
                    let o = quotes.quotations[q2].open;
                    // A participle that introduces it (", adding that “B”", ", adding, “B”") is its own cue.
                    let introduces = |r2: &Resolved| {
                        let mut b = skip_right(doc, depth, r2.after, o);
                        // "before asking her, “…”": past a pronoun listener.
                        if r2.cue.verb.is_some_and(|(v, _)| v.listener) && word_in(doc, b, &["him", "her", "them", "us", "me"]) {
                            b += 1;
                        }
                        if b < o && (word_is(doc, b, "that") || toks[b].kind == TokKind::Punct && matches!(toks[b].first_char(text), ',' | ':')) {
                            b += 1;
                        }
                        b == o
                    };
                    let other_cue = resolved.iter().any(|r2| r2.cue.start >= a && r2.cue.start < o && r2.source.is_some() && (!r2.cue.participial || introduces(r2)));
                    if o == a || (!other_cue && o - a <= 12) {
                        parts.push(quotes.quotations[q2].span);
                        qset.push(q2);
                    }
                }
            }
            let di = drafts.len();
            for &x in &qset {
                quotation_draft[x] = Some(di);
            }
            drafts.push(make_draft(doc, &entities, r, kind, parts, qset, si));
            sentence_attributed[si] = true;
        }

        // 2. Reported speech.
        for ri in 0..resolved.len() {
            if resolved[ri].used || !speaks(&resolved[ri]) {
                continue;
            }
            let r = &resolved[ri];
            let (v_class, listener, takes_clause) = match r.cue.verb {
                Some((v, _)) => (Some(v.class), v.listener, v.takes_clause || v.listener),
                None => (None, false, true),
            };
            let mut a = r.after;
            let listener_start = a;
            if listener {
                if let Some(np) = np_right(doc, depth, a, s1) {
                    a = np.end;
                    // "told Channel 9's “Morning Desk” that ...": a programme's name after the listener.
                    if a < s1 && toks[a].kind == TokKind::Mark {
                        let qx = quotes.quotations.partition_point(|q| q.open < a);
                        if let Some(q) = quotes.quotations.get(qx).filter(|q| q.open == a && q.close < (a + 8).min(s1)) {
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
                } else if word_in(doc, a, &["him", "her", "them", "us", "me"])
                    || (a + 1 < s1 && toks[a].kind == TokKind::Word && !toks[a].cap && toks[a].flags() & (flag::FUNCTION | flag::PREP | flag::DET | flag::VERB) == 0 && word_is(doc, a + 1, "that"))
                {
                    // "told him that", "told inspectors that"
                    a += 1;
                }
            }
            a = skip_right(doc, depth, a, s1);
            // "called for an inquiry", "called on Congress to act", "called the plan “a disgrace”".
            let mut calls = false;
            if r.cue.verb.is_some_and(|(v, _)| &*v.base == "call") {
                if r.cue.end > r.cue.head + 1 {
                    calls = true;
                } else if word_in(doc, a, &["for", "on"]) {
                    a += 1;
                    calls = true;
                } else {
                    let lim = (a + 8).min(s1);
                    calls = (a..lim).any(|x| toks[x].kind == TokKind::Mark && depth[x] == 1) && !is(doc, a, flag::PREP)
                        // "called him a master at closing deals", "called it the worst flood"
                        || word_in(doc, a, &["him", "her", "it", "them", "this"]) && word_in(doc, a + 1, &["a", "an", "the", "one", "another"]);
                }
            }
            // "cited derogatory comments", "criticized the plan": what a speech verb's object names
            // is reported too (not for "speak" or "talk", which take no object of content).
            let np_object = r.cue.verb.is_some_and(|(v, _)| {
                matches!(v.class, VerbClass::Speech | VerbClass::Loaded(_) | VerbClass::Written) && !v.no_object
            }) && (is(doc, a, flag::DET)
                || (a < s1 && toks[a].kind == TokKind::Word && !toks[a].cap && toks[a].flags() & (flag::FUNCTION | flag::VERB) == 0)
                // "criticized Tulsa police officer Betty Shelby for ...": a named target.
                || (a < s1
                    && toks[a].kind == TokKind::Word
                    && toks[a].cap
                    && r.cue.verb.is_some_and(|(v, _)| v.target)));
            let base = r.cue.verb.map(|(v, _)| &*v.base).unwrap_or("");
            // "spoke of the legacy", "commented on the shooting", "asked Clinton about her email":
            // the topic of the talk is what is reported.
            let mut topic = false;
            let mut cue_end = None;
            let verb = r.cue.verb.map(|(v, _)| v);
            if verb.is_some_and(|v| v.topic) {
                let mut b = a;
                if base == "ask" {
                    if let Some(np) = np_right(doc, depth, b, s1).filter(|np| word_is(doc, np.end, "about")) {
                        b = np.end;
                    }
                }
                if word_in(doc, b, &["about", "of", "on", "against"]) && b + 1 < s1 && !word_in(doc, b + 1, &["condition", "behalf", "background", "record"]) && toks[b + 1].kind != TokKind::Punct {
                    a = b + 1;
                    topic = true;
                    // "spoke of", "commented on": the preposition belongs to the cue.
                    if b == r.cue.end {
                        cue_end = Some(b + 1);
                    }
                }
            }
            // "has vowed to bring back jobs", "pledged to push for an amendment".
            let infinitive_next = word_is(doc, a, "to")
                && a + 1 < s1
                && toks[a + 1].kind == TokKind::Word
                && !toks[a + 1].cap
                && toks[a + 1].flags() & (flag::DET | flag::PRONOUN) == 0;
            let mut promise_to = infinitive_next && verb.is_some_and(|v| v.promise);
            // "urged Republicans to join", "warned voters to stay home": the listener and the request.
            if infinitive_next && a > listener_start && verb.is_some_and(|v| v.request) {
                a = listener_start;
                promise_to = true;
            }
            // "said after the hearing she would ...": a short phrase before the reported clause.
            if takes_clause && !calls && is(doc, a, flag::PREP) && !word_in(doc, a, &["that", "of", "about", "to", "with", "for", "by"]) {
                let lim = (a + 7).min(s1);
                if let Some(j) = (a + 2..lim).take_while(|&j| depth[j] == 0 && toks[j].kind == TokKind::Word).find(|&j| word_in(doc, j, &["he", "she", "they", "we", "i", "it", "there", "that"])) {
                    if (a + 1..j).all(|x| !is(doc, x, flag::VERB) || toks[x].has(flag::ATTR_NOUN)) {
                        a = j;
                    }
                }
            }
            let explicit_that = word_is(doc, a, "that");
            if explicit_that {
                a += 1;
                if a < s1 && punct_is(&toks[a], text, b',') {
                    a += 1;
                }
            }
            // Forward content, to the clause end, or to the comma before a later source's own cue
            // ("Putin told Macron that ..., news agency AFP reported").
            let mut fwd_end = clause_end(doc, depth, a, s1);
            // "the study -- which notes that … -- shows": a relative clause set off by a dash
            // reports up to the dash that closes it.
            if r.relative.is_some_and(|w| dash_at(doc, w - 1)) {
                if let Some(d) = (a..fwd_end).find(|&x| depth[x] == 0 && dash_at(doc, x)) {
                    fwd_end = d;
                }
            }
            for r2 in &resolved[ri + 1..] {
                let Some(src) = &r2.source else { continue };
                // "welcomed the grant from Whitfield, who says ...": the relative clause is hers.
                if let Some(w) = r2.relative.filter(|&w| w > a + 2 && w <= fwd_end) {
                    fwd_end = w - 1;
                    break;
                }
                let b = r2.block_start.min(r2.cue.start);
                // "attacked Clinton for her record, saying ...": the participle reports its own clause.
                if !src.right && b > a + 1 && b <= fwd_end && punct_is(&toks[b - 1], text, b',') && (r2.cue.participial || clause_end(doc, depth, r2.after, s1) <= r2.after + 1) {
                    fwd_end = b - 1;
                    break;
                }
                // "said he would order a review and warned against hackers": a coordinated cue
                // with the same subject reports its own clause.
                let own_clause = word_is(doc, r2.after, "that")
                    || r2.cue.verb.is_some_and(|(v, _)| v.takes_clause) && r2.after < s1 && toks[r2.after].kind == TokKind::Word && !is(doc, r2.after, flag::PREP);
                if own_clause && !r2.cue.participial && r2.cue.start > a + 1 && r2.cue.start <= fwd_end && word_in(doc, r2.cue.start - 1, &["and", "but"]) {
                    fwd_end = r2.cue.start - 1;
                    break;
                }
                // "agreed that the rules are old, but he said that ...", "... intense — and he
                // noted that ...": a new subject and cue after a comma or dash and a conjunction
                // report their own clause.
                let pause = |x: usize| {
                    punct_is(&toks[x], text, b',')
                        || dash_at(doc, x)
                        || toks[x].kind == TokKind::Mark && x > a && punct_is(&toks[x - 1], text, b',')
                };
                if !src.right && !r2.cue.participial && b > a + 2 && b <= fwd_end && pause(b - 2) && word_in(doc, b - 1, &["but", "though", "although", "while", "whereas", "and"]) {
                    fwd_end = b - 2;
                    break;
                }
                // "When he wrote his book, Mr. Kane said that ...": a main clause with its own
                // subject and reported clause after the comma (or a dash closing an aside).
                let intro = r2.after + 1 < s1 && toks[r2.after].kind == TokKind::Punct && matches!(toks[r2.after].first_char(text), ',' | ':') && toks[r2.after + 1].kind == TokKind::Mark;
                if !src.right && !r2.cue.participial && (own_clause || intro) && b > a + 1 && b <= fwd_end && pause(b - 1) {
                    fwd_end = b - 1;
                    break;
                }
            }
            let mut content = None;
            let mut second_part: Option<(usize, usize)> = None;
            let intro_quote = a < s1 && (toks[a].kind == TokKind::Mark && !explicit_that || punct_is(&toks[a], text, b':'));
            // "According to the authority, about 42,000 vehicles ..."
            if r.cue.according_to && r.cue.start <= s0 + 1 && a < s1 && punct_is(&toks[a], text, b',') {
                a += 1;
            }
            if !intro_quote && fwd_end > a + 1 && !(a < s1 && punct_is(&toks[a], text, b',') && r.source.as_ref().is_some_and(|s| s.right)) {
                // "spoke to Putin", "talked about the war": a preposition starts no reported clause,
                // unless it rounds a number ("said about 20 people left", "over half").
                let approx = word_in(doc, a, &["about", "around", "over", "under", "nearly"])
                    && (toks.get(a + 1).is_some_and(|t| t.kind == TokKind::Number) || number_word(doc, a + 1) || word_in(doc, a + 1, &["half", "dozen", "hundred", "thousand"]));
                let starts_ok = a < s1
                    && (toks[a].kind != TokKind::Punct || toks[a].kind == TokKind::Mark)
                    && (explicit_that
                        || calls
                        || topic
                        || promise_to
                        || r.cue.according_to
                        || ((takes_clause || np_object) && (!is(doc, a, flag::PREP) || approx && takes_clause)));
                if starts_ok {
                    content = Some((a, fwd_end));
                }
            }
            // Backward content: "..., news agency AFP reported." / "..., according to AFP."
            if content.is_none() || r.cue.according_to && r.block_start > s0 + 2 {
                let bs = r.block_start.min(r.cue.start);
                // `The country "has changed," McConnell said`: the comma sits inside the closing mark.
                let comma_in_mark = bs > s0 + 2 && toks[bs - 1].kind == TokKind::Mark && punct_is(&toks[bs - 2], text, b',');
                if bs > s0 + 1 && (punct_is(&toks[bs - 1], text, b',') || comma_in_mark) || bs > s0 + 1 && r.cue.according_to {
                    let end = if toks[bs - 1].kind == TokKind::Punct { bs - 1 } else { bs };
                    let start = clause_start(doc, depth, end, s0);
                    if end > start {
                        // "But to prevent problems, he said, officials should be vigilant."
                        let b = skip_right(doc, depth, r.after, s1);
                        if b + 2 < s1 && punct_is(&toks[b], text, b',') {
                            let e2 = clause_end(doc, depth, b + 1, s1);
                            if e2 > b + 2 {
                                second_part = Some((b + 1, e2));
                            }
                        }
                        // One word before the cue ("And perhaps, he said, ...") reports only with what follows.
                        if end > start + 1 || second_part.is_some() {
                            content = Some((start, end));
                        }
                    }
                }
            }
            let Some((cs, ce)) = content else { continue };
            // Mental and evidence verbs report only with an explicit clause or a weasel subject.
            if matches!(v_class, Some(VerbClass::Mental)) && !(word_is(doc, r.after, "that") || ce <= r.block_start) {
                continue;
            }
            // Content wholly inside an already attributed quotation is not new.
            let span = span_of(doc, cs, ce);
            // Quotations are sorted by start, and the content lies in this sentence: scan from the
            // sentence's first quotation (a binary search over all of them missed the cache).
            let qs_all = &quotes.quotations;
            while qcur < qs_all.len() && qs_all[qcur].span.start < toks[s0].start as usize {
                qcur += 1;
            }
            let mut from = qcur;
            let near = (qcur + 8).min(qs_all.len());
            while from < near && qs_all[from].span.start < span.start {
                from += 1;
            }
            if from == near {
                from += qs_all[near..].partition_point(|q| q.span.start < span.start);
            }
            if span.start < toks[s0].start as usize {
                // Not reached (content starts in its sentence); kept exact all the same.
                from = qs_all.partition_point(|q| q.span.start < span.start);
            }
            let inner_quotations: Vec<usize> = (from..quotes.quotations.len())
                .take_while(|&x| quotes.quotations[x].span.start < span.end)
                .filter(|&x| quotes.quotations[x].depth == 0 && quotes.quotations[x].span.end <= span.end)
                .collect();
            if inner_quotations.iter().any(|&x| quotation_draft[x].is_some() && drafts[quotation_draft[x].unwrap()].kind == QuoteKind::Direct)
                && inner_quotations.iter().map(|&x| quotes.quotations[x].span.len()).sum::<usize>() * 2 > span.len()
            {
                continue;
            }
            let kind = if inner_quotations.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
            let di = drafts.len();
            let r = &resolved[ri];
            let mut parts = vec![span];
            if let Some((b, e)) = second_part {
                parts.push(span_of(doc, b, e));
            }
            let mut d = make_draft(doc, &entities, r, kind, parts, Vec::new(), si);
            if let (Some(e), Some(c)) = (cue_end, d.cue.as_mut()) {
                c.span.end = toks[e - 1].end as usize;
                c.text = c.span.text(text).to_string();
            }
            let span = d.span;
            drafts.push(d);
            resolved[ri].used = true;
            sentence_attributed[si] = true;
            attributed_spans.push(span);
            // Quoted fragments inside reported speech are the same source's words.
            for x in inner_quotations {
                if quotation_draft[x].is_none() {
                    quotation_draft[x] = Some(drafts.len());
                    let kind = if is_partial(doc, quotes, x, s0) { QuoteKind::Partial } else { QuoteKind::Direct };
                    let mut pd = make_draft(doc, &entities, &resolved[ri], kind, vec![quotes.quotations[x].span], vec![x], si);
                    pd.outer = Some(di);
                    drafts.push(pd);
                }
            }
        }
        // `Caddell continued:` closing a paragraph introduces the quotation that opens the next.
        for r in resolved.iter().filter(|r| !r.used && speaks(r)) {
            let a = skip_right(doc, depth, r.after, s1);
            let para_end = doc.paragraphs[sent.para].tokens.end;
            if a + 1 == para_end && punct_is(&toks[a], text, b':') {
                let mut d = make_draft(doc, &entities, r, QuoteKind::Direct, vec![toks[a].span()], Vec::new(), si);
                d.quotations.clear();
                colon_intro.insert(sent.para, d);
            }
        }
        // Nested reporting: an attribution inside another's content.
        let first_new = sentence_first_draft;
        for i in first_new..drafts.len() {
            if drafts[i].outer.is_some() {
                continue;
            }
            let mention = drafts[i].mention;
            let span = drafts[i].span;
            let outer = (first_new..drafts.len())
                .filter(|&j| j != i && drafts[j].kind != QuoteKind::Partial)
                .filter(|&j| drafts[j].span.start <= span.start && drafts[j].span.end >= span.end && drafts[j].span != span)
                .filter(|&j| mention.is_some_and(|m| drafts[j].span.contains(m.start)) || drafts[j].span.contains(span.start))
                .min_by_key(|&j| drafts[j].span.len());
            drafts[i].outer = outer;
        }
    }

    // 3. Quotations with no cue of their own.
    // Per-paragraph lists, in arenas rather than a Vec per paragraph (an allocation each).
    let mut direct_by_para = ParaLists::new(doc.paragraphs.len());
    // Reported speech that can carry its speaker to a later quotation of the paragraph
    // ("X said the roof leaks. “We have waited a year.”"): fixed here, so one sorted list.
    let mut reported: Vec<(usize, usize)> = Vec::new(); // (paragraph, draft)
    for (di, d) in drafts.iter().enumerate() {
        if d.kind == QuoteKind::Direct && d.entity.is_some() {
            direct_by_para.push(sentences[d.sentence].para, di);
        } else if d.entity.is_some() && d.outer.is_none() && d.kind != QuoteKind::Partial {
            reported.push((sentences[d.sentence].para, di));
        }
    }
    // Stable: each paragraph's drafts stay in draft (so sentence) order.
    reported.sort_by_key(|&(p, _)| p);
    let reported_drafts: Vec<usize> = reported.iter().map(|&(_, d)| d).collect();
    let mut reported_from = vec![0usize; doc.paragraphs.len() + 1];
    for &(p, _) in &reported {
        reported_from[p + 1] += 1;
    }
    for p in 0..doc.paragraphs.len() {
        reported_from[p + 1] += reported_from[p];
    }
    drop(reported);
    for (qi, q) in quotes.quotations.iter().enumerate() {
        if q.depth != 0 || quotation_draft[qi].is_some() {
            continue;
        }
        let si = close_sentence[qi];
        let Some(sent) = sentences.get(si) else { continue };
        let kind = if is_partial(doc, quotes, qi, sent.tokens.start) { QuoteKind::Partial } else { QuoteKind::Direct };
        let para = sent.para;
        let opens_para = doc.paragraphs[q.first_para].tokens.start == q.open;
        if opens_para && q.first_para > 0 {
            if let Some(mut d) = colon_intro.remove(&(q.first_para - 1)) {
                d.span = q.span;
                d.parts = vec![q.span];
                d.quotations = vec![qi];
                d.sentence = si;
                quotation_draft[qi] = Some(drafts.len());
                if d.entity.is_some() {
                    direct_by_para.push(para, drafts.len());
                }
                drafts.push(d);
                continue;
            }
        }
        let mut from = None;
        if kind == QuoteKind::Direct {
            // An attributed direct quotation in the same paragraph, nearest first, else the last one
            // of the previous paragraph when this quotation opens its paragraph.
            // The nearest attributed quotation; recent ones are nearest, so a bounded look suffices.
            from = direct_by_para.rev(para).take(16).min_by_key(|&d| (drafts[d].span.start as isize - q.span.start as isize).unsigned_abs());
            // Reported speech carries only forward, and only when it is nearer than a direct quote.
            // Drafts of a paragraph are in sentence order: start at this sentence and look back
            // a bounded way, so a huge paragraph stays linear.
            let list = &reported_drafts[reported_from[para]..reported_from[para + 1]];
            let upto = list.partition_point(|&d| drafts[d].sentence <= si);
            let reported = list[..upto].iter().rev().take(64).copied().find(|&d| drafts[d].span.end <= q.span.start);
            if let Some(r) = reported {
                // Not a participle's clause after the direct quotation it follows (“…,” X said,
                // emphasizing why …): the quotation's speaker and cue carry on.
                if from.is_none_or(|f| drafts[f].span.end <= drafts[r].span.start && drafts[f].span.start < q.span.start && drafts[f].sentence != drafts[r].sentence) {
                    from = Some(r);
                }
            }
            if from.is_none() && doc.paragraphs[q.first_para].tokens.start == q.open && q.first_para > 0 {
                // The latest-pushed of equal starts wins, as `max_by_key` over the list in order did.
                let mut latest: Option<usize> = None;
                for d in direct_by_para.rev(q.first_para - 1) {
                    if latest.is_none_or(|b| drafts[d].span.start > drafts[b].span.start) {
                        latest = Some(d);
                    }
                }
                from = latest.filter(|&d| drafts[d].span.end + 4 >= doc.paragraphs[q.first_para - 1].span.end);
            }
        }
        // `"A," said X, a lawyer. "B."` — the next sentence's quotation continues the same speaker.
        if let Some(f) = from {
            let fd = &drafts[f];
            let attribution_sentence_end = sentences[fd.sentence].tokens.end;
            if fd.kind == QuoteKind::Direct && fd.span.end <= q.span.start && attribution_sentence_end == q.open && sentences[fd.sentence].para == para {
                drafts[f].parts.push(q.span);
                drafts[f].quotations.push(qi);
                drafts[f].span = drafts[f].span.cover(q.span);
                quotation_draft[qi] = Some(f);
                continue;
            }
        }
        let di = drafts.len();
        quotation_draft[qi] = Some(di);
        let mut d = Draft {
            kind,
            span: q.span,
            parts: vec![q.span],
            quotations: vec![qi],
            entity: None,
            mention: None,
            cue: None,
            cue_class: None,
            cue_head: None,
            resolution: Resolution::None,
            outer: None,
            weasel: false,
            anonymous_bare: false,
            sentence: si,
        };
        if let Some(f) = from {
            d.entity = drafts[f].entity;
            // The carried attribution's cue and mention: what a reader takes as the source.
            d.mention = drafts[f].mention;
            d.cue = drafts[f].cue.clone();
            d.resolution = Resolution::Adjacent { from_quote: f };
            direct_by_para.push(para, di);
        }
        drafts.push(d);
    }
    for d in &drafts {
        if let Some(e) = d.entity {
            entities.list[e].speaks = true;
        }
    }
    Some(Attribution { drafts, entities, sentence_attributed, attributed_spans })
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

    fn new(paragraphs: usize) -> ParaLists {
        ParaLists { head: vec![Self::NONE; paragraphs], items: Vec::new() }
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

/// The `Loaded` flavour of a cue, for the loaded-verb finding.
pub fn loaded_of(class: Option<VerbClass>) -> Option<Loaded> {
    match class {
        Some(VerbClass::Loaded(l)) => Some(l),
        _ => None,
    }
}

