//! Attribution: direct quotations and reported speech to their sources, sentence by sentence.
//!
//! For every cue the source is looked for left of the verb ("Psaki said"), right of it ("said
//! Psaki", "according to AFP"), or after "by" ("was told by"); the content runs forward to the
//! clause end ("said that ...") or backward to the clause start ("..., AFP reported"). A direct
//! quotation takes the cue that follows its closing mark or introduces it; a quotation with no cue
//! takes the speaker of an adjacent quotation in the same or the previous paragraph.

use super::cues::{self, word_in, word_is, CueCand, ADVERBS};
use super::lexicon::{flag, Loaded, VerbClass};
use super::model::{Cue, CueKind, MentionKind, QuoteKind, Resolution, Span, SpeakerKind};
use super::quotes::Quotes;
use super::sentences::Sentence;
use super::speakers::{np_left, np_right, Entities, Link, Np};
use super::text::{Doc, TokKind};
use super::ExtraVerbs;

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

#[derive(Clone, Debug)]
struct Source {
    np: Np,
    /// The source stands right of the cue ("said Psaki", "according to AFP").
    right: bool,
}

struct Resolved {
    cue: CueCand,
    source: Option<Source>,
    /// Token where the material after the cue (and its source/listener) begins.
    after: usize,
    /// Token where the cue block (source + cue) begins.
    block_start: usize,
    /// Entity link result for the source.
    link: Option<(usize, Link)>,
    used: bool,
}

fn cue_text(doc: &Doc, c: &CueCand) -> Cue {
    let toks = &doc.tokens;
    let span = Span::new(toks[c.start].start as usize, toks[c.end - 1].end as usize);
    Cue {
        span,
        text: span.text(doc.text).to_string(),
        kind: if c.according_to { CueKind::AccordingTo } else { CueKind::Verb },
    }
}

const PREPOSITIONS: &[&str] = &[
    "to", "with", "about", "on", "at", "for", "in", "of", "from", "by", "into", "over", "after", "before", "during", "against",
    "without", "through", "under", "between", "among", "as", "like", "via", "up", "out", "off", "down", "back", "away",
];

const TIME_NOUNS: &[&str] = &["week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "day", "today", "yesterday", "tonight"];

/// Skip adverbs and time expressions leftwards from `k` (exclusive end), staying within `lb`.
fn skip_left(doc: &Doc, depth: &[u8], mut k: usize, lb: usize) -> usize {
    let toks = &doc.tokens;
    loop {
        if k <= lb || depth[k - 1] != 0 {
            return k;
        }
        let t = &toks[k - 1];
        if word_in(doc, k - 1, ADVERBS) && !t.cap {
            k -= 1;
            continue;
        }
        if t.has(flag::DAY_MONTH) || word_in(doc, k - 1, TIME_NOUNS) {
            k -= 1;
            if k > lb && word_in(doc, k - 1, &["on", "last", "this", "next", "late", "early", "earlier", "on"]) {
                k -= 1;
            }
            continue;
        }
        return k;
    }
}

/// Skip "on Monday", "in a statement", "to reporters", "in an interview with X" rightwards from `a`.
fn skip_right(doc: &Doc, depth: &[u8], mut a: usize, ub: usize) -> usize {
    let toks = &doc.tokens;
    let mut guard = 0;
    while a < ub && depth[a] == 0 && guard < 6 {
        guard += 1;
        let t = &toks[a];
        if (word_in(doc, a, ADVERBS) && !t.cap && !word_is(doc, a, "that")) || t.has(flag::DAY_MONTH) || word_in(doc, a, TIME_NOUNS) {
            a += 1;
            continue;
        }
        if word_in(doc, a, &["on", "in", "at", "during", "via", "to", "through", "from", "last", "this", "late", "earlier", "later"]) {
            // A short prepositional phrase that ends in a day, a medium or an attribution noun.
            let lim = (a + 6).min(ub);
            if let Some(k) = (a + 1..lim).find(|&k| {
                let f = toks[k].flags();
                f & (flag::ATTR_NOUN | flag::DAY_MONTH) != 0
                    || word_in(doc, k, TIME_NOUNS)
                    || word_in(doc, k, &["reporters", "journalists", "twitter", "facebook", "x", "television", "radio", "parliament", "lawmakers"])
            }) {
                if (a + 1..k).all(|x| toks[x].kind == TokKind::Word && depth[x] == 0) {
                    a = k + 1;
                    // "... with X", "... on Fox News": the rest of the phrase.
                    if word_in(doc, a, &["with", "on", "to", "by", "for"]) {
                        if let Some(np) = np_right(doc, depth, a + 1, ub) {
                            a = np.end;
                        }
                    }
                    continue;
                }
            }
        }
        if t.is_punct(doc.text, ',') && a + 1 < ub && (toks[a + 1].has(flag::DAY_MONTH) || word_in(doc, a + 1, &["in", "on"])) {
            a += 1;
            continue;
        }
        break;
    }
    a
}

/// The last token (exclusive) of the clause that starts at `from`: the sentence end or a `;`.
fn clause_end(doc: &Doc, depth: &[u8], from: usize, sent_end: usize) -> usize {
    let toks = &doc.tokens;
    let mut e = sent_end;
    for k in from..sent_end {
        if depth[k] == 0 && toks[k].kind == TokKind::Punct && matches!(toks[k].first_char(doc.text), ';') {
            e = k;
            break;
        }
    }
    // Drop final punctuation.
    while e > from && depth[e - 1] == 0 && toks[e - 1].kind == TokKind::Punct && matches!(toks[e - 1].first_char(doc.text), '.' | '!' | '?' | '…' | ',' | ':' | ';' | '—' | '–' | '-' | ')') {
        e -= 1;
    }
    e
}

fn clause_start(doc: &Doc, depth: &[u8], upto: usize, sent_start: usize) -> usize {
    let toks = &doc.tokens;
    let mut s = sent_start;
    for k in (sent_start..upto).rev() {
        if depth[k] == 0 && toks[k].is_punct(doc.text, ';') {
            s = k + 1;
            break;
        }
    }
    // Leading conjunctions and punctuation are not content.
    while s < upto && depth[s] == 0 && (toks[s].kind == TokKind::Punct || word_in(doc, s, &["but", "and", "so", "yet", "still", "however"])) && toks[s].kind != TokKind::Mark {
        s += 1;
    }
    s
}

fn span_of(doc: &Doc, s: usize, e: usize) -> Span {
    Span::new(doc.tokens[s].start as usize, doc.tokens[e - 1].end as usize)
}

/// Find the source of a cue and where its content may begin.
fn resolve_cue(doc: &Doc, depth: &[u8], sent: &Sentence, cue: &CueCand, earlier: &[Resolved]) -> Resolved {
    let toks = &doc.tokens;
    let text = doc.text;
    let s0 = sent.tokens.start;
    let s1 = sent.tokens.end;
    let mut source = None;
    let mut after = cue.end;
    let mut block_start = cue.start;
    if cue.according_to {
        if let Some(np) = np_right(doc, depth, cue.end, s1) {
            after = np.end;
            source = Some(Source { np, right: true });
        }
    } else if cue.passive_by {
        if let Some(np) = np_right(doc, depth, cue.end + 1, s1) {
            after = np.end;
            source = Some(Source { np, right: true });
        }
    } else if cue.participial {
        // ", saying ...": the subject of the clause's main cue, else of the sentence.
        if let Some(prev) = earlier.iter().rev().find(|r| r.source.is_some()) {
            source = prev.source.clone();
        } else if let Some(np) = np_right(doc, depth, s0, cue.start) {
            source = Some(Source { np, right: false });
        }
    } else {
        let k = skip_left(doc, depth, cue.start, s0);
        let mut left = np_left(doc, depth, k, s0);
        // "X, who ..., said" / "X, the agency's head, said": look past a comma-delimited insert.
        if left.is_none() && k > s0 && toks[k - 1].is_punct(text, ',') {
            let lim = k.saturating_sub(30).max(s0);
            if let Some(c) = (lim..k - 1).rev().find(|&x| depth[x] == 0 && toks[x].is_punct(text, ',')) {
                let insert_ok = word_in(doc, c + 1, &["who", "which", "whose"]) || np_right(doc, depth, c + 1, k - 1).is_some_and(|n| n.end == k - 1);
                if insert_ok {
                    left = np_left(doc, depth, c, s0);
                    if let (Some(np), false) = (&mut left, word_in(doc, c + 1, &["who", "which", "whose"])) {
                        if np.role.is_none() {
                            np.role = Some(span_of(doc, c + 1 + word_in(doc, c + 1, &["the", "a", "an"]) as usize, k - 1));
                        }
                    }
                }
            }
        }
        // "a senior official who asked not to be named said"
        if left.is_none() {
            let lim = k.saturating_sub(14).max(s0);
            if let Some(w) = (lim..k).rev().find(|&x| depth[x] == 0 && word_in(doc, x, &["who", "which"])) {
                if (w..k).all(|x| depth[x] == 0 && toks[x].kind != TokKind::Mark && !toks[x].is_punct(text, '.')) {
                    left = np_left(doc, depth, w, s0);
                }
            }
        }
        match left {
            Some(np) if !(np.kind == SpeakerKind::Unknown && np.mention == MentionKind::Full && np.name.is_none() && !word_in(doc, np.start, &["the", "a", "an"])) => {
                block_start = np.start;
                source = Some(Source { np, right: false });
            }
            _ => {
                // Inverted: ", said Psaki" / "," said the minister.
                let before_ok = k == s0 || toks[k - 1].kind == TokKind::Mark || toks[k - 1].kind == TokKind::Punct;
                if before_ok {
                    if let Some(np) = np_right(doc, depth, cue.end, s1) {
                        after = np.end;
                        source = Some(Source { np, right: true });
                    }
                }
            }
        }
    }
    Resolved { cue: cue.clone(), source, after, block_start, link: None, used: false }
}

pub fn attribute(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], extra: &ExtraVerbs, known: &[super::KnownSpeaker]) -> Attribution {
    let toks = &doc.tokens;
    let text = doc.text;
    let depth = &quotes.depth;
    let mut entities = Entities::default();
    for k in known {
        entities.seed(k);
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut quotation_draft: Vec<Option<usize>> = vec![None; quotes.quotations.len()];
    let mut sentence_attributed = vec![false; sentences.len()];
    let mut attributed_spans = Vec::new();
    let mut sentence_of_token = |t: usize| sentences.partition_point(|s| s.tokens.end <= t);

    for (si, sent) in sentences.iter().enumerate() {
        let s0 = sent.tokens.start;
        let s1 = sent.tokens.end;
        let found = cues::find(doc, depth, sent.tokens.clone(), extra);
        let mut resolved: Vec<Resolved> = Vec::with_capacity(found.len());
        for c in &found {
            let r = resolve_cue(doc, depth, sent, c, &resolved);
            resolved.push(r);
        }
        // Sentence-initial subject for salience ("Putin told Macron ..." makes Putin the topic).
        let mut to_link: Vec<(usize, Option<usize>)> = Vec::new(); // (position, resolved idx)
        for (ri, r) in resolved.iter().enumerate() {
            if r.source.is_some() {
                to_link.push((r.source.as_ref().unwrap().np.span.start, Some(ri)));
            }
        }
        // Other named people and bodies in the sentence: antecedents for later pronouns and short names.
        let mut others: Vec<Np> = Vec::new();
        let mut k = s0;
        while k < s1 {
            let t = &toks[k];
            let starts = depth[k] == 0
                && t.kind == TokKind::Word
                && ((t.cap && t.flags() & (flag::FUNCTION | flag::DAY_MONTH) == 0) || t.has(flag::TITLE | flag::HONORIFIC));
            if starts && !to_link.iter().any(|(p, _)| *p == t.start as usize) {
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
        for (pos, ri) in to_link {
            match ri {
                Some(ri) => {
                    let np = resolved[ri].source.as_ref().unwrap().np.clone();
                    resolved[ri].link = entities.link(doc, &np);
                }
                None => {
                    if let Some(np) = others.iter().find(|n| n.span.start == pos) {
                        entities.link(doc, np);
                    }
                }
            }
        }
        // Which cues can attribute: a source and a cue class that reports something.
        let speaks = |r: &Resolved| -> bool {
            r.source.is_some()
                && !r.cue.infinitive
                && match r.cue.verb {
                    None => true,
                    Some((v, _)) => !matches!(v.class, VerbClass::NonSpeech),
                }
        };

        // 1. Direct quotations closing in this sentence.
        let qs: Vec<usize> = quotes
            .quotations
            .iter()
            .enumerate()
            .filter(|(_, q)| q.depth == 0 && q.close >= s0 && q.close < s1)
            .map(|(i, _)| i)
            .collect();
        for &qi in &qs {
            let q = &quotes.quotations[qi];
            if quotation_draft[qi].is_some() {
                continue;
            }
            // Post: `"...," she said` / `"...," said Psaki` / `"..." — a statement by X said`.
            let mut chosen: Option<usize> = None;
            for (ri, r) in resolved.iter().enumerate() {
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
                    let a = skip_right(doc, depth, r.after, q.open);
                    let a = if word_is(doc, a, "that") { a + 1 } else { a };
                    let gap_ok = (a..q.open).all(|x| toks[x].kind == TokKind::Punct && matches!(toks[x].first_char(text), ':' | ',' | '—' | '–'));
                    if gap_ok {
                        chosen = Some(ri);
                        pre = true;
                    }
                }
            }
            let Some(ri) = chosen else { continue };
            if !speaks(&resolved[ri]) && !resolved[ri].cue.verb.is_some_and(|(v, _)| v.class == VerbClass::NonSpeech) {
                continue;
            }
            resolved[ri].used = true;
            let r = &resolved[ri];
            let mut parts = vec![q.span];
            let mut qset = vec![qi];
            // Split quotation: `"A," she said, "B."`
            if !pre {
                let mut a = skip_right(doc, depth, r.after.max(r.source.as_ref().map_or(0, |s| s.np.end)).max(r.cue.end), s1);
                if a < s1 && toks[a].kind == TokKind::Punct && matches!(toks[a].first_char(text), ',' | ':' | '—' | '–') {
                    a += 1;
                }
                if let Some(&q2) = qs.iter().find(|&&x| quotes.quotations[x].open == a) {
                    parts.push(quotes.quotations[q2].span);
                    qset.push(q2);
                }
            }
            let di = drafts.len();
            for &x in &qset {
                quotation_draft[x] = Some(di);
            }
            let kind = if is_partial(doc, quotes, qi, s0) { QuoteKind::Partial } else { QuoteKind::Direct };
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
            if listener {
                if let Some(np) = np_right(doc, depth, a, s1) {
                    a = np.end;
                }
            }
            a = skip_right(doc, depth, a, s1);
            let explicit_that = word_is(doc, a, "that");
            if explicit_that {
                a += 1;
            }
            // Forward content, to the clause end, or to the comma before a later source's own cue
            // ("Putin told Macron that ..., news agency AFP reported").
            let mut fwd_end = clause_end(doc, depth, a, s1);
            for r2 in &resolved[ri + 1..] {
                let Some(src) = &r2.source else { continue };
                let b = r2.block_start.min(r2.cue.start);
                if !src.right && b > a + 1 && b <= fwd_end && toks[b - 1].is_punct(text, ',') && clause_end(doc, depth, r2.after, s1) <= r2.after + 1 {
                    fwd_end = b - 1;
                    break;
                }
            }
            let mut content = None;
            let intro_quote = a < s1 && (toks[a].kind == TokKind::Mark || toks[a].is_punct(text, ':'));
            if !intro_quote && fwd_end > a + 1 && !(a < s1 && toks[a].is_punct(text, ',') && r.source.as_ref().is_some_and(|s| s.right)) {
                // "spoke to Putin", "talked about the war": a preposition starts no reported clause.
                let starts_ok = a < s1
                    && (toks[a].kind != TokKind::Punct || toks[a].kind == TokKind::Mark)
                    && (explicit_that || (takes_clause && !word_in(doc, a, PREPOSITIONS)));
                if starts_ok {
                    content = Some((a, fwd_end));
                }
            }
            // Backward content: "..., news agency AFP reported." / "..., according to AFP."
            if content.is_none() || r.cue.according_to && r.block_start > s0 + 2 {
                let bs = r.block_start.min(r.cue.start);
                if bs > s0 + 1 && toks[bs - 1].is_punct(text, ',') || bs > s0 + 1 && r.cue.according_to {
                    let end = if toks[bs - 1].kind == TokKind::Punct { bs - 1 } else { bs };
                    let start = clause_start(doc, depth, end, s0);
                    if end > start + 1 {
                        content = Some((start, end));
                    }
                }
            }
            if std::env::var("WS_DEBUG").is_ok() { eprintln!("cue {:?} content {:?} after {} block {}", r.cue.start, content, r.after, r.block_start); }
            let Some((cs, ce)) = content else { continue };
            // Mental and evidence verbs report only with an explicit clause or a weasel subject.
            if matches!(v_class, Some(VerbClass::Mental)) && !(word_is(doc, r.after, "that") || ce <= r.block_start) {
                continue;
            }
            // Content wholly inside an already attributed quotation is not new.
            let span = span_of(doc, cs, ce);
            let inner_quotations: Vec<usize> = quotes
                .quotations
                .iter()
                .enumerate()
                .filter(|(_, q)| q.depth == 0 && q.span.start >= span.start && q.span.end <= span.end)
                .map(|(i, _)| i)
                .collect();
            if inner_quotations.iter().any(|&x| quotation_draft[x].is_some() && drafts[quotation_draft[x].unwrap()].kind == QuoteKind::Direct)
                && inner_quotations.iter().map(|&x| quotes.quotations[x].span.len()).sum::<usize>() * 2 > span.len()
            {
                continue;
            }
            let kind = if inner_quotations.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
            let di = drafts.len();
            let r = &resolved[ri];
            let mut d = make_draft(doc, &entities, r, kind, vec![span], Vec::new(), si);
            d.span = span;
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
        // Nested reporting: an attribution inside another's content.
        let first_new = drafts.iter().position(|d| d.sentence == si).unwrap_or(drafts.len());
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
        let _ = &mut sentence_of_token;
    }

    // 3. Quotations with no cue of their own.
    for (qi, q) in quotes.quotations.iter().enumerate() {
        if q.depth != 0 || quotation_draft[qi].is_some() {
            continue;
        }
        let si = sentences.partition_point(|s| s.tokens.end <= q.close);
        let Some(sent) = sentences.get(si) else { continue };
        let kind = if is_partial(doc, quotes, qi, sent.tokens.start) { QuoteKind::Partial } else { QuoteKind::Direct };
        let para = sent.para;
        let mut from = None;
        if kind == QuoteKind::Direct {
            // An attributed direct quotation in the same paragraph, nearest first, else the last one
            // of the previous paragraph when this quotation opens its paragraph.
            let same_para: Vec<usize> = drafts
                .iter()
                .enumerate()
                .filter(|(_, d)| d.kind == QuoteKind::Direct && d.entity.is_some() && sentences[d.sentence].para == para)
                .map(|(i, _)| i)
                .collect();
            from = same_para.iter().copied().min_by_key(|&d| (drafts[d].span.start as isize - q.span.start as isize).unsigned_abs());
            if from.is_none() && doc.paragraphs[q.first_para].tokens.start == q.open && para > 0 {
                from = drafts
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.kind == QuoteKind::Direct && d.entity.is_some() && sentences[d.sentence].para + 1 == q.first_para)
                    .map(|(i, _)| i)
                    .max_by_key(|&d| drafts[d].span.start)
                    .filter(|&d| drafts[d].span.end + 4 >= doc.paragraphs[q.first_para - 1].span.end);
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
            d.resolution = Resolution::Adjacent { from_quote: f };
        }
        drafts.push(d);
    }
    for d in &drafts {
        if let Some(e) = d.entity {
            entities.list[e].speaks = true;
        }
    }
    let _ = text;
    Attribution { drafts, entities, sentence_attributed, attributed_spans }
}

fn make_draft(doc: &Doc, entities: &Entities, r: &Resolved, kind: QuoteKind, parts: Vec<Span>, quotations: Vec<usize>, si: usize) -> Draft {
    let span = parts.iter().fold(parts[0], |a, b| a.cover(*b));
    let (entity, link) = match r.link {
        Some((e, l)) => (Some(e), Some(l)),
        None => (None, None),
    };
    let src = r.source.as_ref();
    let mention = src.map(|s| s.np.span);
    let resolution = match (link, entity) {
        (Some(Link::Pronoun), Some(e)) => {
            let ent = &entities.list[e];
            let pronoun = mention.map(|m| m.text(doc.text).to_string()).unwrap_or_default();
            let antecedent = ent.mentions.iter().rev().map(|m| m.0).find(|m| Some(*m) != mention && m.start < mention.map_or(usize::MAX, |x| x.start)).unwrap_or(ent.first_full);
            Resolution::Pronoun { pronoun, antecedent }
        }
        (Some(Link::Short), Some(e)) => Resolution::ShortName { first: entities.list[e].first_full },
        (Some(Link::Role), Some(e)) => Resolution::Role { first: entities.list[e].first_full },
        (Some(_), Some(_)) => Resolution::Named,
        _ => Resolution::None,
    };
    Draft {
        kind,
        span,
        parts,
        quotations,
        entity,
        mention: if entity.is_some() { mention } else { None },
        cue: Some(cue_text(doc, &r.cue)),
        cue_class: r.cue.verb.map(|(v, _)| v.class),
        cue_head: r.cue.verb.map(|_| r.cue.head),
        resolution,
        outer: None,
        weasel: src.is_some_and(|s| s.np.weasel),
        anonymous_bare: src.is_some_and(|s| s.np.anonymous_bare),
        sentence: si,
    }
}

/// A short fragment quoted inside the writer's own sentence (‘in principle’), not a full utterance.
fn is_partial(doc: &Doc, quotes: &Quotes, qi: usize, sent_start: usize) -> bool {
    let q = &quotes.quotations[qi];
    let toks = &doc.tokens;
    let text = doc.text;
    let words = (q.open + 1..q.close).filter(|&k| toks[k].kind == TokKind::Word).count();
    let last_inner = if q.close > q.open + 1 { Some(&toks[q.close - 1]) } else { None };
    let ends_like_utterance = last_inner.is_some_and(|t| t.kind == TokKind::Punct && matches!(t.first_char(text), ',' | '.' | '!' | '?' | '…'));
    let starts_sentence = q.open == sent_start || (q.open > sent_start && toks[q.open - 1].kind == TokKind::Punct && matches!(toks[q.open - 1].first_char(text), ':' | ','));
    let first_cap = toks.get(q.open + 1).is_some_and(|t| t.cap);
    if ends_like_utterance && (starts_sentence || first_cap) {
        return false;
    }
    if starts_sentence && first_cap && words > 3 {
        return false;
    }
    !(words > 12 && first_cap)
}

/// The `Loaded` flavour of a cue, for the loaded-verb finding.
pub fn loaded_of(class: Option<VerbClass>) -> Option<Loaded> {
    match class {
        Some(VerbClass::Loaded(l)) => Some(l),
        _ => None,
    }
}

