//! The claim model: a logistic regression that weighs a sentence holding a cue word
//! (lexicon/claim_cues.txt, hedges, doubt words) and decides whether its wording carries a view
//! nobody is named for. Features are the cue words outside quotations and reported speech, each
//! with its neighbours, and the engine's own signals for the sentence (an attribution, a number,
//! a quotation, its length, how many capitalised words, and which rules fired, strong or weak).
//!
//! The weights (`model.tsv`) are compiled in. `scripts/claims/train.py` writes them from the
//! training part of ../shared/data/wiki-weasel with a fixed seed (docs/claims.md has the split);
//! the features it trains on come from [`features_of`], so training and use cannot drift apart.

use super::Ctx;
use crate::analysis::lexicon::{flag, FxMap};
use crate::analysis::model::Span;
use crate::analysis::text::TokKind;
use std::sync::OnceLock;

struct Model {
    /// Feature names are slices of the compiled-in text: no copy of each.
    weights: FxMap<&'static str, f32>,
    bias: f32,
    /// The model fires when bias + the weights of the features reach this (a logit).
    threshold: f32,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| parse(include_str!("model.tsv")))
}

/// `feature TAB weight` lines; `bias` and `threshold` are two of them. `#` starts a comment.
fn parse(data: &'static str) -> Model {
    // One line per feature: sized once, no rehashing as it fills.
    let mut weights = FxMap::default();
    weights.reserve(data.lines().count());
    let mut m = Model { weights, bias: 0.0, threshold: f32::INFINITY };
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let Some((name, w)) = line.split_once('\t') else { continue };
        let Ok(w) = w.trim().parse::<f32>() else { continue };
        match name {
            "bias" => m.bias = w,
            "threshold" => m.threshold = w,
            _ => {
                m.weights.insert(name, w);
            }
        }
    }
    m
}

fn is_cue(flags: u64) -> bool {
    flags & (flag::CLAIM_CUE | flag::HEDGE | flag::DOUBT) != 0
}

/// A token as the model sees it: a lower-case word, `<num>`, `<q>` for a quotation mark, `<p>`
/// for other punctuation, `<s>` past either end of the sentence.
fn push_token(ctx: &Ctx, i: Option<usize>, out: &mut String) {
    let toks = &ctx.doc.tokens;
    match i.map(|i| &toks[i]) {
        None => out.push_str("<s>"),
        Some(t) => match t.kind {
            TokKind::Word => t.lower_into(ctx.doc.text, out),
            TokKind::Number => out.push_str("<num>"),
            TokKind::Mark => out.push_str("<q>"),
            _ => out.push_str("<p>"),
        },
    }
}

/// The rule claims of a sentence as bits: kind × 2, plus one when the claim is weak.
pub(crate) fn rule_bit(c: &crate::analysis::model::Claim) -> u32 {
    1 << (c.kind as u32 * 2 + u32::from(c.weak))
}

/// Every feature of sentence `si`, with the token it rests on (`None` for the sentence's own).
/// `rules` holds the sentence's rule claims ([`rule_bit`]).
pub(crate) fn features(ctx: &Ctx, si: usize, rules: u32, emit: &mut dyn FnMut(&str, Option<usize>)) {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let range = ctx.sentences[si].tokens.clone();
    // From the scratch pool: the model judges a sentence in most paragraphs.
    let mut buf = crate::analysis::text::Scratch::new();
    let (mut words, mut caps, mut number, mut quoted) = (0usize, 0usize, false, false);
    let mut first = true;
    for k in range.clone() {
        let t = &toks[k];
        number |= t.kind == TokKind::Number;
        if ctx.quotes.depth[k] > 0 {
            quoted = true;
            continue;
        }
        if t.kind == TokKind::Word {
            words += 1;
            caps += usize::from(t.cap && !first);
        }
        first &= t.kind != TokKind::Word;
        if t.kind != TokKind::Word || !is_cue(t.flags_in(doc.lx)) || !ctx.free(k) {
            continue;
        }
        let prev = (k > range.start).then(|| k - 1);
        let next = (k + 1 < range.end).then_some(k + 1);
        for (tag, a, b) in [("c:", Some(k), None), ("n:", Some(k), next), ("p:", prev, Some(k))] {
            buf.clear();
            buf.push_str(tag);
            push_token(ctx, a, &mut buf);
            if tag != "c:" {
                buf.push('_');
                push_token(ctx, b, &mut buf);
            }
            emit(&buf, Some(k));
        }
    }
    const LEN: [&str; 7] = ["s:len0", "s:len1", "s:len2", "s:len3", "s:len4", "s:len5", "s:len6"];
    const CAPS: [&str; 5] = ["s:caps0", "s:caps1", "s:caps2", "s:caps3", "s:caps4"];
    emit(LEN[(words / 8).min(6)], None);
    emit(CAPS[caps.min(4)], None);
    for (on, name) in [(ctx.attr.sentence_attributed[si], "s:attr"), (number, "s:num"), (quoted, "s:quote")] {
        if on {
            emit(name, None);
        }
    }
    for (bit, name) in RULES.iter().enumerate() {
        if rules & (1 << bit) != 0 {
            emit(name, None);
        }
    }
}

/// A rule claim's feature, by [`rule_bit`]: named after ClaimKind::as_str, in the order of the
/// enum; ":w" for a weak claim.
const RULES: [&str; 12] = [
    "r:agentless-passive", "r:agentless-passive:w", "r:weasel-attribution", "r:weasel-attribution:w",
    "r:anonymous-source", "r:anonymous-source:w", "r:doubt-word", "r:doubt-word:w",
    "r:unsourced-statistic", "r:unsourced-statistic:w", "r:hedge", "r:hedge:w",
];

/// The model's verdict on a sentence: does it fire, and on which cue word (the one that weighed
/// most; `None` when no cue word weighed for it).
pub(super) struct Verdict {
    pub fires: bool,
    pub trigger: Option<Span>,
}

/// Weigh sentence `si`, whose rule claims are `rules` ([`rule_bit`]): none that stands on its own,
/// at most weak ones and hedges.
pub(super) fn judge(ctx: &Ctx, si: usize, rules: u32) -> Verdict {
    let m = model();
    let mut score = m.bias;
    let mut best: Option<(f32, usize)> = None;
    let mut current: Option<(f32, usize)> = None;
    features(ctx, si, rules, &mut |f, tok| {
        let w = m.weights.get(f).copied().unwrap_or(0.0);
        score += w;
        let Some(tok) = tok else { return };
        current = match current {
            Some((sum, t)) if t == tok => Some((sum + w, t)),
            other => {
                if let Some(done) = other {
                    best = best.filter(|b| b.0 >= done.0).or(Some(done));
                }
                Some((w, tok))
            }
        };
    });
    if let Some(done) = current {
        best = best.filter(|b| b.0 >= done.0).or(Some(done));
    }
    let trigger = best.filter(|b| b.0 > 0.0).map(|(_, tok)| ctx.doc.tokens[tok].span());
    Verdict { fires: score >= m.threshold, trigger }
}

/// The model's features for a text analysed on its own: the union over its sentences, sorted.
/// The training script reads these (through `examples/claim_features.rs`).
pub fn features_of(text: &str) -> Vec<String> {
    let mut all: Vec<String> = sentence_features(text).into_iter().flat_map(|(_, f)| f).collect();
    all.sort();
    all.dedup();
    all
}

/// The model's features of every sentence of a text, with the sentence's byte span: for training
/// on news, where a label belongs to a sentence (`examples/claim_features.rs --polnear`).
pub fn sentence_features(text: &str) -> Vec<(Span, Vec<String>)> {
    use crate::analysis::{attribution, quotes, sentences, text::Doc, ExtraVerbs, Format};
    let doc = Doc::reusing(text, Format::PlainText, None);
    let q = quotes::pair(&doc);
    let sents = sentences::split(&doc, &q);
    let extra = ExtraVerbs::new(&[]);
    let Some(attr) = attribution::attribute(&doc, &q, &sents, &extra, &[], &|| false) else { return Vec::new() };
    let mut trace = Vec::new();
    super::find_traced(&doc, &q, &sents, &attr, Some(&mut trace));
    sents.iter().map(|s| s.span).zip(trace).collect()
}

/// Is this wiki-weasel row held out of training? The 64-bit FNV-1a hash of the trimmed text,
/// modulo 5, is 0: about one row in five, the same on every machine and in the training script.
pub fn held_out(text: &str) -> bool {
    let h = text.trim().bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3));
    h % 5 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_parse_and_name_a_threshold() {
        let m = parse("# comment\nbias\t-1.5\nthreshold\t0.25\nc:probably\t2.0\nbroken line\n");
        assert_eq!((m.bias, m.threshold), (-1.5, 0.25));
        assert_eq!(m.weights.get("c:probably").copied(), Some(2.0));
        assert_eq!(m.weights.len(), 1);
    }

    #[test]
    fn held_out_rows_are_a_fixed_fifth() {
        // Values fixed by the training script's hash (scripts/claims/train.py).
        assert!(!held_out("a"));
        assert_eq!(held_out("  a  "), held_out("a"));
        let n = (0..1000).filter(|i| held_out(&format!("row {i}"))).count();
        assert!((150..250).contains(&n), "{n} of 1000 held out");
    }

    #[test]
    fn rule_features_are_named_after_their_kind() {
        use crate::analysis::model::{Claim, ClaimKind};
        let kinds = [ClaimKind::AgentlessPassive, ClaimKind::WeaselAttribution, ClaimKind::AnonymousSource, ClaimKind::DoubtWord, ClaimKind::Statistic, ClaimKind::Hedge];
        for kind in kinds {
            for weak in [false, true] {
                let c = Claim { kind, span: Span::new(0, 1), trigger: Span::new(0, 1), weak };
                let bit = rule_bit(&c).trailing_zeros() as usize;
                let name = format!("r:{}{}", kind.as_str(), if weak { ":w" } else { "" });
                assert_eq!(RULES[bit], name);
            }
        }
    }

    #[test]
    fn the_shipped_model_has_a_threshold_and_weights() {
        let m = model();
        assert!(m.threshold.is_finite(), "model.tsv names no threshold");
        assert!(m.weights.len() > 50, "model.tsv holds only {} weights", m.weights.len());
    }
}
