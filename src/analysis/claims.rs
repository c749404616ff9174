//! Claims with no source: agentless passives of reporting and perception verbs, weasel
//! attributions, bare anonymous sources, doubt words and unsourced figures. A sentence that
//! carries an attribution, and words inside quotations or reported speech, are the source's and
//! are not flagged.

use super::attribution::Attribution;
use super::cues::{is, punct_is, word_in, word_is};
use super::lexicon::{flag, lexicon, PhraseKind};
use super::model::{Claim, ClaimKind, Span};
use super::quotes::Quotes;
use super::sentences::Sentence;
use super::text::{lower_into, Doc, TokKind};


const FIGURE_UNITS: &[&str] = &["percent", "per", "million", "billion", "trillion", "thousand", "times", "fold", "pc"];

pub fn find(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], attr: &Attribution) -> Vec<Claim> {
    let toks = &doc.tokens;
    let text = doc.text;
    let mut out = Vec::new();
    let mut spans = attr.attributed_spans.clone();
    spans.sort_unstable();
    // Positions are asked for mostly in text order: when the ends are sorted too (spans do not
    // nest), a cursor finds the same index as a binary search, without its cache misses.
    let ends_sorted = spans.windows(2).all(|w| w[0].end <= w[1].end);
    let cursor = std::cell::Cell::new(0usize);
    let in_attributed = |pos: usize| {
        let i = if ends_sorted {
            let mut i = cursor.get();
            while i < spans.len() && spans[i].end <= pos {
                i += 1;
            }
            while i > 0 && spans[i - 1].end > pos {
                i -= 1;
            }
            cursor.set(i);
            i
        } else {
            spans.partition_point(|s| s.end <= pos)
        };
        spans.get(i).is_some_and(|s| s.contains(pos))
    };
    // Weasel and anonymous sources come from attributions themselves.
    for d in attr.drafts.iter().chain(&attr.non_speech) {
        if let (Some(m), Some(c)) = (d.mention, d.cue.as_ref()) {
            let trigger = if m.start < c.span.start { m.cover(c.span) } else { c.span.cover(m) };
            let sent = sentences[d.sentence].span;
            if d.weasel {
                out.push(Claim { kind: ClaimKind::WeaselAttribution, span: sent, trigger });
            } else if d.anonymous_bare && !has_phrase(doc, &sentences[d.sentence], PhraseKind::AnonReason) {
                out.push(Claim { kind: ClaimKind::AnonymousSource, span: sent, trigger: m });
            }
        }
    }
    for (si, sent) in sentences.iter().enumerate() {
        if attr.sentence_attributed[si] {
            continue;
        }
        let (s0, s1) = (sent.tokens.start, sent.tokens.end);
        let free = |k: usize| quotes.depth[k] == 0 && !in_attributed(toks[k].start as usize);
        let mut k = s0;
        while k < s1 {
            let t = &toks[k];
            // Only a form of "be", a phrase or doubt word, or a number can start a claim; testing
            // that first spares the look-up in the attributed spans for every other token.
            let candidate = t.kind == TokKind::Number || t.flags() & (flag::BE | flag::PHRASE_CLAIM | flag::DOUBT) != 0;
            if !candidate || !free(k) || t.kind == TokKind::Mark {
                k += 1;
                continue;
            }
            // Agentless passive: BE (adverbs) PARTICIPLE, with no "by" agent after it.
            if is(doc, k, flag::BE) {
                let mut p = k + 1;
                while p < s1 && is(doc, p, flag::PASSIVE_ADV) {
                    p += 1;
                }
                if p < s1 && toks[p].has(flag::PARTICIPLE) && free(p) {
                    let by_agent = (p + 1..(p + 5).min(s1)).any(|x| word_is(doc, x, "by") && toks.get(x + 1).is_some_and(|n| n.kind == TokKind::Word && !n.text(text).ends_with("ing")));
                    if !by_agent {
                        let mut end = p + 1;
                        if word_in(doc, end, &["as", "to", "that"]) {
                            end += 1;
                        }
                        let trigger = Span::new(t.start as usize, toks[end - 1].end as usize);
                        out.push(Claim { kind: ClaimKind::AgentlessPassive, span: sent.span, trigger });
                        k = end;
                        continue;
                    }
                }
            }
            // Weasel phrases and multi-word doubt words.
            if t.has(flag::PHRASE_CLAIM) && t.kind == TokKind::Word {
                if let Some((len, kind)) = longest_phrase(doc, k, s1) {
                    // "it is believed", "it has been said": a passive inside a weasel phrase.
                    let passive = (k..k + len).any(|x| toks[x].has(flag::PARTICIPLE)) && (k..k + len).any(|x| toks[x].has(flag::BE));
                    let claim = match kind {
                        PhraseKind::Weasel if passive => Some(ClaimKind::AgentlessPassive),
                        PhraseKind::Weasel => Some(ClaimKind::WeaselAttribution),
                        PhraseKind::Doubt => Some(ClaimKind::DoubtWord),
                        _ => None,
                    };
                    if let Some(kind) = claim {
                        if (k..k + len).all(&free) {
                            out.push(Claim { kind, span: sent.span, trigger: Span::new(t.start as usize, toks[k + len - 1].end as usize) });
                            k += len;
                            continue;
                        }
                    }
                }
            }
            if t.has(flag::DOUBT) && t.kind == TokKind::Word {
                out.push(Claim { kind: ClaimKind::DoubtWord, span: sent.span, trigger: t.span() });
                k += 1;
                continue;
            }
            if let Some(end) = figure(doc, k, s1) {
                let start = if k > s0 && toks[k - 1].kind == TokKind::Punct && matches!(toks[k - 1].first_char(text), '$' | '€' | '£' | '¥') { k - 1 } else { k };
                out.push(Claim { kind: ClaimKind::Statistic, span: sent.span, trigger: Span::new(toks[start].start as usize, toks[end - 1].end as usize) });
                k = end;
                continue;
            }
            k += 1;
        }
    }
    out.sort_by_key(|c| (c.trigger.start, c.trigger.end));
    out.dedup_by_key(|c| c.trigger);
    out
}

/// Is token `k` a statistic (a percentage, a money figure, a large count)? Returns its end.
fn figure(doc: &Doc, k: usize, s1: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let text = doc.text;
    let t = &toks[k];
    if t.kind != TokKind::Number {
        return None;
    }
    let w = t.text(text);
    if w.contains(':') || w.starts_with(['’', '\'']) || w.matches('-').count() >= 2 || w.contains('/') {
        return None;
    }
    let near_date = |x: usize| toks.get(x).is_some_and(|n| n.has(flag::DAY_MONTH));
    if (k > 0 && near_date(k - 1)) || near_date(k + 1) {
        return None;
    }
    let money = k > 0 && toks[k - 1].kind == TokKind::Punct && matches!(toks[k - 1].first_char(text), '$' | '€' | '£' | '¥') && toks[k - 1].end == t.start;
    let mut end = k + 1;
    let percent = end < s1 && (punct_is(&toks[end], text, b'%') || word_in(doc, end, &["percent", "pc"]) || (word_is(doc, end, "per") && word_is(doc, end + 1, "cent")));
    if percent {
        end += if word_is(doc, end, "per") { 2 } else { 1 };
        return Some(end);
    }
    let scale = end < s1 && word_in(doc, end, FIGURE_UNITS);
    if scale {
        end += 1;
    }
    if money || scale {
        return Some(end);
    }
    let (value, ndigits) = w.bytes().filter(u8::is_ascii_digit).fold((0u64, 0usize), |(v, n), d| (v.saturating_mul(10).saturating_add((d - b'0') as u64), n + 1));
    let year_like = ndigits == 4 && (1500..=2100).contains(&value) && !w.contains(',');
    if value >= 1000 && !year_like && !w.contains('.') {
        return Some(end);
    }
    None
}

fn longest_phrase(doc: &Doc, k: usize, s1: usize) -> Option<(usize, PhraseKind)> {
    let lx = lexicon();
    let toks = &doc.tokens;
    let mut key = super::text::Scratch::new();
    let mut best = None;
    for len in 1..=lx.max_phrase_words.min(s1 - k) {
        let t = &toks[k + len - 1];
        if t.kind == TokKind::Punct || t.kind == TokKind::Mark {
            if t.kind == TokKind::Punct && t.first_char(doc.text) == '-' {
                // "so - called" is not written with spaces; stop.
            }
            break;
        }
        if len > 1 {
            key.push(' ');
        }
        lower_into(t.text(doc.text), &mut key);
        if len >= 2 {
            if !lx.is_prefix(&key) {
                break;
            }
            if let Some(kinds) = lx.phrase(&key) {
                if let Some(kind) = kinds.iter().find(|k| matches!(k, PhraseKind::Weasel | PhraseKind::Doubt | PhraseKind::AnonReason)) {
                    best = Some((len, *kind));
                }
            }
        }
    }
    best
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
                lower_into(t.text(doc.text), &mut key);
                if len >= 1 {
                    if lx.phrase(&key).is_some_and(|ks| ks.contains(&want)) {
                        return true;
                    }
                    // Every leading part of a phrase is a prefix (the phrase included): past a
                    // key that is none, no longer key is a phrase.
                    if !lx.is_prefix(&key) {
                        break;
                    }
                }
            }
            false
        }
    })
}
