//! `whosaid eval`: score the engine on PolNeAR-style gold (code-point offsets) with the Gender Gap
//! Tracker convention, plus sentence-level precision/recall of the claim rules on wiki-weasel.
//!
//! Decisions (also in `--help`):
//! - A prediction is every `Analysis::quotes` entry, whatever its kind, except a quoted fragment
//!   inside reported speech that shares the enclosing quote's cue (`outer` set, same cue span): the
//!   gold annotates that as one attribution, so scoring it apart would count one attribution twice.
//!   A prediction's coverage of a gold quote uses the union of its `parts` (its `span` when it has
//!   none). Coverage is counted in chars.
//! - A gold quote is found at threshold t when one prediction covers more than t of its chars; a
//!   prediction is correct when it covers more than t of some gold quote's chars.
//! - Speaker and cue accuracy are over found quotes (> 0.3), judged on the prediction that covers
//!   the most. Speaker: the predicted `speaker_mention` overlaps the gold speaker span; when the gold
//!   has no speaker, correct only if the prediction has no mention either. PolNeAR marks the
//!   relative pronoun as the source of "X, who said …", where the engine's mention is the
//!   antecedent X: a quote resolved through a relative pronoun (`Resolution::Relative`) also
//!   counts when that pronoun overlaps the gold speaker. Cue: texts equal after
//!   lower-casing, collapsing spaces and dropping a trailing ':'; no gold cue → correct only if the
//!   prediction has none. A looser cue figure also accepts one cue's words inside the other's
//!   ("said" for gold "said Friday").
//! - Exact span: equal after trimming whitespace, punctuation and quotation marks at both ends and a
//!   leading "that" (PolNeAR includes the complementizer, engines may not). Predictions use `span`.
//! - Speech-only: gold items with a source whose cue is "according to" or whose verb (first word
//!   after auxiliaries, negation and adverbs) is in `SPEECH_VERBS` — a fixed list here, not the
//!   engine's lexicon, so the gold subset does not move when the engine changes — and whose
//!   content is a direct quotation or has a verb ([`content_has_verb`], also fixed here): a noun
//!   phrase after a speech verb ("criticized the plan", "called for an inquiry") is no quote in
//!   docs/quotes.md, which says the speech-only figures leave it out. no_source items ("is said
//!   to") are left out: nobody speaks in them. The recall over every item with a speech cue,
//!   whatever its content, is reported beside it ("any content").
//! - no_source recall: a gold no_source item counts when a claim's trigger overlaps the item's
//!   extent (content, cue and speaker); a looser variant counts any claim whose sentence overlaps.
//! - wiki-weasel: a sentence is predicted weasel when analysing it alone yields a claim of kind
//!   weasel-attribution, agentless-passive, doubt-word, anonymous-source or hedge, at any severity.
//!   unsourced-statistic is left out: Wikipedia's weasel label is about vague authority and
//!   hedging, not numbers. By default only the held-out fifth of the rows is scored (the claim
//!   model trains on the rest; `--weasel-split`).

use super::args::{Word, Words};
use crate::analysis::{analyze, Analysis, ClaimKind, Options, QuoteKind, Resolution, Span};
use serde_json::{Map, Value};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub const HELP: &str = "\
whosaid eval — score the engine on annotated news (PolNeAR-style JSON lines)

USAGE:
    whosaid eval [OPTIONS] GOLD.jsonl

Each line of GOLD.jsonl: {\"id\", \"text\", \"quotes\": [{\"start\", \"end\", \"speaker_start\", \"speaker_end\",
\"cue\", \"cue_start\", \"cue_end\", \"direct\", \"no_source\"}]} with Unicode code-point offsets.

OPTIONS:
    --json           print one JSON object with every figure (percentages 0-100)
    --weasel CSV     also score the claim rules sentence by sentence on a wiki-weasel CSV
                     (columns text,label). Default: ../wiki-weasel/train.csv next to the gold
                     file's folder, when it exists
    --weasel-split all|train|heldout
                     which rows of the wiki-weasel file to score (default heldout: the fifth of
                     the rows the claim model never trained on; see docs/claims.md). The JSON
                     names the figures weasel_heldout_f1, weasel_train_f1 or weasel_f1 (all)
    --no-weasel      skip the wiki-weasel part
    --texts FILE     article texts (JSON lines with \"id\" and \"text\") for gold in whosaid's own
                     format, which holds offsets but no text (tests/gold/bbc.jsonl). Default: the
                     BBC texts in ../shared/data/bbc beside the project. Such gold is scored per
                     quoted stretch (docs/annotation.md): each part of a split quotation is one
                     item, and nested items count with the item around them
    --limit N        score only the first N articles
    --errors         first list every missed gold item, wrong speaker, wrong cue and extra
                     prediction, one per line, tagged with the article id (for engine work;
                     on stderr with --json)
    --raise-floor FILE
                     write FILE with each figure rounded down less one point, keeping any higher
                     floor already there (floors only go up)
    --floor FILE     compare the figures with FILE (a flat JSON object metric → minimum) and exit 1
                     naming every metric below its floor
    -h, --help       show this help

SCORING (Gender Gap Tracker convention):
    A gold quote is found when one predicted quote covers more than 0.3 (strict: 0.8) of its
    characters; a prediction is correct when it covers more than that of some gold quote. A
    quoted fragment inside reported speech under the same cue (the mayor said the budget was \"dead on
    arrival\") is part of that one attribution, not a prediction of its own.
    Speaker accuracy: among found quotes, the predicted speaker mention overlaps the gold speaker
    (no gold speaker: correct when none is predicted), or for \"X, who said\" the relative pronoun
    does (PolNeAR marks it; the engine names X). Cue accuracy: cue texts equal, lower-cased,
    trailing ':' dropped; the loose variant accepts one cue's words inside the other's (\"said\"
    for \"said Friday\"). Exact span: equal after trimming spaces, punctuation, quotation marks
    and a leading \"that\". Speech-only: gold items with a source whose cue's verb is a reporting
    verb (\"has said\", \"told\"; not \"released a letter that says\") or \"according to\", and
    whose content is a direct quotation or holds a verb (not a noun phrase such as \"criticized
    the plan\"); \"any content\" also counts the noun phrases.
    no_source recall: a claim's trigger words overlap the gold item. wiki-weasel: a sentence
    counts as flagged when it alone yields a weasel-attribution, agentless-passive, doubt-word,
    anonymous-source or hedge claim, whatever its severity.

EXIT STATUS: 0 done (and every floor met), 1 a figure fell below its floor, 2 bad options or input";

/// Reporting verbs (all forms) that make a gold cue "speech". Fixed on purpose; see module docs.
pub const SPEECH_VERBS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "adding",
    "note", "notes", "noted", "noting", "state", "states", "stated", "stating", "explain", "explains",
    "explained", "explaining", "write", "writes", "wrote", "writing", "written", "report", "reports",
    "reported", "reporting", "announce", "announces", "announced", "announcing", "claim", "claims",
    "claimed", "claiming", "argue", "argues", "argued", "arguing", "insist", "insists", "insisted",
    "insisting", "warn", "warns", "warned", "warning", "ask", "asks", "asked", "asking", "answer",
    "answers", "answered", "reply", "replies", "replied", "replying", "respond", "responds",
    "responded", "responding", "declare", "declares", "declared", "declaring", "confirm", "confirms",
    "confirmed", "confirming", "deny", "denies", "denied", "denying", "admit", "admits", "admitted",
    "admitting", "acknowledge", "acknowledges", "acknowledged", "acknowledging", "suggest",
    "suggests", "suggested", "suggesting", "comment", "comments", "commented", "commenting",
    "remark", "remarks", "remarked", "recall", "recalls", "recalled", "recalling", "predict",
    "predicts", "predicted", "predicting", "promise", "promises", "promised", "promising", "vow",
    "vows", "vowed", "vowing", "pledge", "pledges", "pledged", "pledging", "urge", "urges", "urged",
    "urging", "tweet", "tweets", "tweeted", "tweeting", "post", "posted", "continue", "continues",
    "continued", "continuing", "emphasize", "emphasizes", "emphasized", "emphasizing", "stress",
    "stresses", "stressed", "stressing", "testify", "testifies", "testified", "testifying",
    "allege", "alleges", "alleged", "alleging", "assert", "asserts", "asserted", "asserting",
    "contend", "contends", "contended", "contending", "maintain", "maintains", "maintained",
    "concede", "concedes", "conceded", "conceding", "complain", "complains", "complained",
    "complaining", "boast", "boasts", "boasted", "mention", "mentions", "mentioned", "mentioning",
    "observe", "observes", "observed", "quip", "quips", "quipped", "joke", "jokes", "joked",
    "shout", "shouted", "yell", "yelled", "whisper", "whispered", "reiterate", "reiterates",
    "reiterated", "repeat", "repeated", "tout", "touts", "touted", "lament", "laments", "lamented",
    "pointed", "describe", "describes", "described", "describing",
    "call", "calls", "called", "calling", "speak", "speaks", "spoke", "speaking", "spoken",
    "demand", "demands", "demanded", "demanding",
    "criticize", "criticizes", "criticized", "criticizing", "blast", "blasts", "blasted",
    "accuse", "accuses", "accused", "accusing", "counter", "countered", "retort", "retorted", "recount", "recounted",
];

// ---------------------------------------------------------------------------------------------
// Gold data

#[derive(Clone, Debug, PartialEq)]
pub struct GoldItem {
    /// Content, in chars (code points), half-open.
    pub content: (usize, usize),
    pub speaker: Option<(usize, usize)>,
    pub cue: Option<String>,
    pub cue_span: Option<(usize, usize)>,
    pub direct: bool,
    pub no_source: bool,
}

#[derive(Clone, Debug)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub items: Vec<GoldItem>,
}

/// Code point ↔ byte offsets of one text, built once in O(n).
pub struct CharMap {
    /// Byte offset of char i; one extra entry for the end.
    byte_of: Vec<usize>,
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        CharMap { byte_of }
    }
    pub fn chars(&self) -> usize {
        self.byte_of.len() - 1
    }
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        self.byte_of.get(ch).copied()
    }
    /// The char index at byte `b` (or of the char containing it).
    pub fn to_char(&self, b: usize) -> usize {
        self.byte_of.partition_point(|&x| x <= b).saturating_sub(1)
    }
    pub fn span_to_chars(&self, s: Span) -> (usize, usize) {
        (self.to_char(s.start), self.to_char(s.end.max(s.start)))
    }
}

fn get_usize(o: &Map<String, Value>, k: &str) -> Option<usize> {
    o.get(k).and_then(Value::as_u64).map(|v| v as usize)
}

/// Parse gold JSON lines. Items whose offsets fall outside their text are dropped and counted.
pub fn parse_gold(data: &str) -> Result<(Vec<Article>, usize), String> {
    let mut articles = Vec::new();
    let mut dropped = 0;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: not valid JSON: {e}", n + 1))?;
        let o = v.as_object().ok_or_else(|| format!("line {}: expected a JSON object", n + 1))?;
        let text = o
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("line {}: no \"text\" string", n + 1))?
            .to_string();
        let id = match o.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => format!("line {}", n + 1),
        };
        let chars = text.chars().count();
        let mut items = Vec::new();
        let quotes = match o.get("quotes") {
            Some(Value::Array(a)) => a.as_slice(),
            None | Some(Value::Null) => &[],
            Some(_) => return Err(format!("line {}: \"quotes\" must be a list", n + 1)),
        };
        for q in quotes {
            let Some(q) = q.as_object() else {
                return Err(format!("line {}: each quote must be an object", n + 1));
            };
            let (Some(start), Some(end)) = (get_usize(q, "start"), get_usize(q, "end")) else {
                return Err(format!("line {}: a quote has no numeric start/end", n + 1));
            };
            let pair = |a: &str, b: &str| match (get_usize(q, a), get_usize(q, b)) {
                (Some(s), Some(e)) if s <= e && e <= chars => Some((s, e)),
                _ => None,
            };
            if start > end || end > chars {
                dropped += 1;
                continue;
            }
            let cue = q.get("cue").and_then(Value::as_str).map(str::to_string);
            items.push(GoldItem {
                content: (start, end),
                speaker: pair("speaker_start", "speaker_end"),
                cue_span: pair("cue_start", "cue_end"),
                cue,
                direct: q.get("direct").and_then(Value::as_bool).unwrap_or(false),
                no_source: q.get("no_source").and_then(Value::as_bool).unwrap_or(false),
            });
        }
        articles.push(Article { id, text, items });
    }
    Ok((articles, dropped))
}

// ---------------------------------------------------------------------------------------------
// Scoring helpers (pure)

/// Sorted, merged intervals.
fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.retain(|s| s.1 > s.0);
    spans.sort();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if s.0 <= last.1 => last.1 = last.1.max(s.1),
            _ => out.push(s),
        }
    }
    out
}

/// Share of `gold`'s chars covered by the union of `parts` (all in chars).
pub fn coverage(parts: &[(usize, usize)], gold: (usize, usize)) -> f64 {
    let len = gold.1.saturating_sub(gold.0);
    if len == 0 {
        return 0.0;
    }
    let covered: usize = parts.iter().map(|p| p.1.min(gold.1).saturating_sub(p.0.max(gold.0))).sum();
    covered as f64 / len as f64
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Cue text for comparison: lower-case, single spaces, no trailing ':'.
pub fn normalize_cue(cue: &str) -> String {
    let lower = cue.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.join(" ").trim_end_matches(':').trim_end().to_string()
}

/// Looser cue match: the words of one cue appear, in order and together, in the other
/// ("said" in "said friday", "pointed out" in "then pointed out").
pub fn cue_matches_loosely(gold: &str, pred: &str) -> bool {
    let (g, p) = (normalize_cue(gold), normalize_cue(pred));
    if g == p {
        return true;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let (gw, pw) = (words(&g), words(&p));
    let within = |long: &[String], short: &[String]| !short.is_empty() && long.windows(short.len()).any(|w| w == short);
    within(&gw, &pw) || within(&pw, &gw)
}

/// Words before a cue's verb that do not change what the verb is ("has said", "also told",
/// "isn't saying", "to admit").
pub(crate) const CUE_PREFIX_WORDS: &[&str] = &[
    "to", "'s", "'ve", "'d", "'ll", "has", "have", "had", "having", "is", "was", "were", "are", "be", "been",
    "being", "am", "did", "does", "do", "will", "would", "could", "can", "may", "might", "should", "must",
    "shall", "not", "never", "also", "then", "now", "later", "again", "once", "first", "further", "long",
    "together", "previously", "still", "just", "already", "often", "even", "isn't", "wasn't", "didn't",
    "doesn't", "don't", "hasn't", "haven't", "won't", "wouldn't", "couldn't", "aren't", "weren't",
];

/// Is the gold cue a reporting verb (or "according to")? Its verb — the first word that is not an
/// auxiliary, negation or adverb — must be in `SPEECH_VERBS`: "has said", "said Friday", "called
/// for" count; "released a letter … that says" does not.
pub fn is_speech_cue(cue: &str) -> bool {
    let c = normalize_cue(cue).replace('’', "'");
    if c.starts_with("according to") {
        return true;
    }
    c.split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
        .filter(|w| !w.is_empty())
        // Skip auxiliaries and adverbs ("forcefully told"); "reply" and the like are verbs.
        .find(|w| !CUE_PREFIX_WORDS.contains(w) && (!w.ends_with("ly") || SPEECH_VERBS.contains(w)))
        .is_some_and(|w| SPEECH_VERBS.contains(&w))
}

/// Verb forms that mark reported content as a clause, besides the auxiliaries, the -ed and -ing
/// forms and `SPEECH_VERBS`: common irregular and present forms. Fixed, like `SPEECH_VERBS`.
const CLAUSE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "am", "be", "been", "being", "has", "have", "had", "having", "do", "does", "did", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "cannot", "go", "goes", "went", "gone", "get", "gets",
    "got", "make", "makes", "made", "take", "takes", "took", "taken", "come", "comes", "came", "give", "gives", "gave",
    "given", "know", "knows", "knew", "known", "think", "thinks", "thought", "see", "sees", "saw", "seen", "want", "wants",
    "need", "needs", "find", "finds", "found", "become", "becomes", "became", "leave", "leaves", "left", "keep", "keeps",
    "kept", "begin", "began", "begun", "seem", "seems", "mean", "means", "meant", "run", "ran", "hold", "holds", "held",
    "bring", "brings", "brought", "win", "wins", "won", "lose", "loses", "lost", "pay", "pays", "paid", "meet", "met",
    "lead", "leads", "led", "stand", "stood", "grow", "grows", "grew", "grown", "fall", "falls", "fell", "fallen", "rise",
    "rises", "rose", "risen", "sell", "sells", "sold", "buy", "buys", "bought", "spend", "spent", "build", "built", "send",
    "sent", "feel", "feels", "felt", "put", "puts", "set", "cut", "hit", "let", "understand", "understood", "believe",
    "believes", "hope", "hopes", "expect", "expects", "plan", "plans", "work", "works", "live", "lives", "happen",
    "happens", "remain", "remains", "support", "supports", "deserve", "deserves", "share", "shares", "face", "faces", "cost", "costs",
];

/// Does reported content hold a verb, so that it can be a clause? A word (not capitalised, past
/// the first) that is an auxiliary or modal, in `CLAUSE_VERBS` or `SPEECH_VERBS`, a contraction
/// ("didn't", "it's"), a form in -ed of five letters or more (not before "by": "a hoax
/// perpetrated by …"), or "to" before a lower-case word. A gerund is no verb of a clause ("called
/// for cutting taxes"). "the complete repeal of the law" has none; "the charges fabricated"
/// counts as a clause: the test sets clear noun phrases apart, not every one.
pub fn content_has_verb(content: &str) -> bool {
    let words: Vec<&str> = content.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| {
        let lower = w.to_lowercase().replace('’', "'");
        let named = i > 0 && w.chars().next().is_some_and(char::is_uppercase) && lower != "i'm";
        let contraction = ["n't", "'re", "'ve", "'ll", "'d", "'m"].iter().any(|e| lower.ends_with(e))
            || ["it's", "he's", "she's", "that's", "there's", "what's", "who's"].contains(&lower.as_str());
        let suffix = lower.len() >= 5 && lower.ends_with("ed") && words.get(i + 1).is_none_or(|n| !n.eq_ignore_ascii_case("by"));
        let infinitive = lower == "to" && words.get(i + 1).is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
        !named && (CLAUSE_VERBS.contains(&lower.as_str()) || SPEECH_VERBS.contains(&lower.as_str()) || contraction || suffix || infinitive)
    })
}

fn is_trim_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '—' | '–' | '―' | '…' | '\u{a0}')
}

/// A span (chars) trimmed for exact comparison; `None` when nothing is left.
pub fn exact_key(text: &str, map: &CharMap, span: (usize, usize)) -> Option<(usize, usize)> {
    let (mut s, mut e) = span;
    let char_at = |i: usize| -> Option<char> { text[map.to_byte(i)?..].chars().next() };
    let trim = |s: &mut usize, e: &mut usize| {
        while *s < *e && char_at(*s).is_some_and(is_trim_char) {
            *s += 1;
        }
        while *e > *s && char_at(*e - 1).is_some_and(is_trim_char) {
            *e -= 1;
        }
    };
    trim(&mut s, &mut e);
    // A leading complementizer "that".
    if e >= s + 5 {
        let (bs, b5) = (map.to_byte(s)?, map.to_byte(s + 5)?);
        let head: Vec<char> = text[bs..b5].chars().collect();
        let word: String = head[..4].iter().collect();
        if word.eq_ignore_ascii_case("that") && head[4].is_whitespace() {
            s += 5;
            trim(&mut s, &mut e);
        }
    }
    (e > s).then_some((s, e))
}

/// Counts over the gold set; figures are ratios of these.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub articles: usize,
    pub bytes: usize,
    pub gold: usize,
    pub gold_direct: usize,
    pub gold_indirect: usize,
    pub gold_speech: usize,
    /// Gold items with a speech cue, whatever their content (noun phrases too).
    pub gold_speech_any: usize,
    pub gold_no_source: usize,
    pub pred: usize,
    pub pred_ok03: usize,
    pub pred_ok08: usize,
    /// Predictions and correct ones (> 0.3) by kind: direct, indirect, partial, mixed.
    pub pred_by_kind: [usize; 4],
    pub pred_ok03_by_kind: [usize; 4],
    pub found03: usize,
    pub found08: usize,
    pub found03_direct: usize,
    pub found03_indirect: usize,
    pub found03_speech: usize,
    pub found03_speech_any: usize,
    pub found08_speech: usize,
    pub speaker_ok: usize,
    pub cue_ok: usize,
    pub cue_ok_loose: usize,
    pub speech_speaker_ok: usize,
    pub speech_cue_ok: usize,
    pub speech_cue_ok_loose: usize,
    pub exact_gold: usize,
    pub exact_pred: usize,
    pub no_source_trigger: usize,
    pub no_source_sentence: usize,
}

const KIND_NAMES: [&str; 4] = ["direct", "indirect", "partial", "mixed"];

fn kind_index(k: QuoteKind) -> usize {
    match k {
        QuoteKind::Direct => 0,
        QuoteKind::Indirect => 1,
        QuoteKind::Partial => 2,
        QuoteKind::Mixed => 3,
    }
}

/// Score one article's analysis against its gold items.
pub fn score_article(art: &Article, a: &Analysis, t: &mut Tally) {
    score_article_explained(art, a, t, None);
}

/// Like [`score_article`], also describing each miss, wrong speaker or cue and extra prediction
/// in `errors` (for `--errors`: what to look at when improving the engine).
pub fn score_article_explained(art: &Article, a: &Analysis, t: &mut Tally, mut errors: Option<&mut Vec<String>>) {
    let map = CharMap::new(&art.text);
    let show = |span: (usize, usize)| -> String {
        let (Some(s), Some(e)) = (map.to_byte(span.0), map.to_byte(span.1)) else { return String::new() };
        super::output::excerpt(&art.text, Span::new(s, e), 90)
    };
    let show_b = |span: Span| super::output::excerpt(&art.text, span, 90);
    t.articles += 1;
    t.bytes += art.text.len();
    // A quoted fragment inside reported speech, under the same cue, is part of that attribution.
    let fragment = |q: &crate::analysis::Quote| {
        q.outer.is_some_and(|o| a.quotes.get(o).is_some_and(|oq| oq.cue.as_ref().map(|c| c.span) == q.cue.as_ref().map(|c| c.span)))
    };
    let preds: Vec<Vec<(usize, usize)>> = a
        .quotes
        .iter()
        .map(|q| {
            if fragment(q) {
                return Vec::new();
            }
            merge(q.stretches().iter().map(|&p| map.span_to_chars(p)).collect())
        })
        .collect();
    let mentions: Vec<Option<(usize, usize)>> =
        a.quotes.iter().map(|q| q.speaker_mention.map(|m| map.span_to_chars(m))).collect();
    let pred_keys: Vec<Option<(usize, usize)>> =
        a.quotes.iter().map(|q| if fragment(q) { None } else { exact_key(&art.text, &map, map.span_to_chars(q.span)) }).collect();
    let gold_keys: Vec<Option<(usize, usize)>> =
        art.items.iter().map(|g| exact_key(&art.text, &map, g.content)).collect();

    t.pred += preds.iter().filter(|p| !p.is_empty()).count();
    for (pi, p) in preds.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
        let best = art.items.iter().map(|g| coverage(p, g.content)).fold(0.0, f64::max);
        t.pred_ok03 += usize::from(best > 0.3);
        t.pred_ok08 += usize::from(best > 0.8);
        let k = kind_index(a.quotes[pi].kind);
        t.pred_by_kind[k] += 1;
        t.pred_ok03_by_kind[k] += usize::from(best > 0.3);
        if let (Some(errs), false) = (errors.as_deref_mut(), best > 0.3) {
            let q = &a.quotes[pi];
            errs.push(format!("[{}] extra {} quote: “{}”", art.id, q.kind.as_str(), show_b(q.span)));
        }
    }
    t.exact_pred += pred_keys.iter().filter(|k| k.is_some() && gold_keys.contains(k)).count();

    for (gi, g) in art.items.iter().enumerate() {
        // no_source items have no speaker to find, so they are not speech attributions.
        let speech_any = !g.no_source && g.cue.as_deref().is_some_and(is_speech_cue);
        let content_text = match (map.to_byte(g.content.0), map.to_byte(g.content.1)) {
            (Some(s), Some(e)) => &art.text[s..e],
            _ => "",
        };
        let speech = speech_any && (g.direct || content_has_verb(content_text));
        t.gold += 1;
        t.gold_speech_any += usize::from(speech_any);
        t.gold_direct += usize::from(g.direct);
        t.gold_indirect += usize::from(!g.direct);
        t.gold_speech += usize::from(speech);
        if gold_keys[gi].is_some() && pred_keys.contains(&gold_keys[gi]) {
            t.exact_gold += 1;
        }
        if g.no_source {
            t.gold_no_source += 1;
            let mut extent = g.content;
            for s in [g.speaker, g.cue_span].into_iter().flatten() {
                extent = (extent.0.min(s.0), extent.1.max(s.1));
            }
            let trig = a.claims.iter().any(|c| overlaps(map.span_to_chars(c.trigger), extent));
            let sent = a.claims.iter().any(|c| overlaps(map.span_to_chars(c.span), g.content));
            t.no_source_trigger += usize::from(trig);
            t.no_source_sentence += usize::from(sent || trig);
        }

        // The prediction covering this gold quote best (first on ties).
        let mut best: Option<(usize, f64)> = None;
        for (pi, p) in preds.iter().enumerate() {
            let c = coverage(p, g.content);
            if best.is_none_or(|(_, b)| c > b) {
                best = Some((pi, c));
            }
        }
        let cov = best.map_or(0.0, |b| b.1);
        if cov > 0.8 {
            t.found08 += 1;
            t.found08_speech += usize::from(speech);
        }
        let Some((pi, _)) = best.filter(|_| cov > 0.3) else {
            if let Some(errs) = errors.as_deref_mut() {
                let what = if g.no_source { "no_source" } else if speech { "speech" } else { "other" };
                errs.push(format!(
                    "[{}] missed {what} ({}): “{}”",
                    art.id,
                    g.cue.as_deref().unwrap_or("no cue"),
                    show(g.content)
                ));
            }
            continue;
        };
        t.found03 += 1;
        t.found03_direct += usize::from(g.direct);
        t.found03_indirect += usize::from(!g.direct);
        t.found03_speech += usize::from(speech);
        t.found03_speech_any += usize::from(speech_any);
        let q = &a.quotes[pi];
        let relative = match q.resolution {
            Resolution::Relative { pronoun } => Some(map.span_to_chars(pronoun)),
            _ => None,
        };
        let speaker_ok = match (g.speaker, mentions[pi]) {
            (None, m) => m.is_none(),
            (Some(gs), Some(m)) => overlaps(gs, m) || relative.is_some_and(|r| overlaps(gs, r)),
            (Some(_), None) => false,
        };
        let cue_ok = match (&g.cue, &q.cue) {
            (None, c) => c.is_none(),
            (Some(gc), Some(pc)) => normalize_cue(gc) == normalize_cue(&pc.text),
            (Some(_), None) => false,
        };
        let cue_ok_loose = match (&g.cue, &q.cue) {
            (Some(gc), Some(pc)) => cue_matches_loosely(gc, &pc.text),
            _ => cue_ok,
        };
        t.speaker_ok += usize::from(speaker_ok);
        t.cue_ok += usize::from(cue_ok);
        t.cue_ok_loose += usize::from(cue_ok_loose);
        if let Some(errs) = errors.as_deref_mut() {
            if !speaker_ok {
                errs.push(format!(
                    "[{}] speaker: gold “{}”, predicted “{}” for “{}”",
                    art.id,
                    g.speaker.map(show).unwrap_or_default(),
                    q.speaker_mention.map(show_b).unwrap_or_default(),
                    show(g.content)
                ));
            }
            if !cue_ok {
                errs.push(format!(
                    "[{}] {}cue: gold “{}”, predicted “{}” for “{}”",
                    art.id,
                    if speech { "speech " } else { "" },
                    g.cue.as_deref().unwrap_or(""),
                    q.cue.as_ref().map_or("", |c| c.text.as_str()),
                    show(g.content)
                ));
            }
        }
        if speech {
            t.speech_speaker_ok += usize::from(speaker_ok);
            t.speech_cue_ok += usize::from(cue_ok);
            t.speech_cue_ok_loose += usize::from(cue_ok_loose);
        }
    }
}

/// `n` of `d` in percent; none of none is no figure.
pub(crate) fn pct(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| 100.0 * n as f64 / d as f64)
}

pub(crate) fn f1(p: Option<f64>, r: Option<f64>) -> Option<f64> {
    match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    }
}

/// The figures, in a fixed order: (metric name, value in percent).
pub fn figures(t: &Tally) -> Vec<(&'static str, Option<f64>)> {
    let p03 = pct(t.pred_ok03, t.pred);
    let r03 = pct(t.found03, t.gold);
    let p08 = pct(t.pred_ok08, t.pred);
    let r08 = pct(t.found08, t.gold);
    let pe = pct(t.exact_pred, t.pred);
    let re = pct(t.exact_gold, t.gold);
    vec![
        ("precision_0.3", p03),
        ("recall_0.3", r03),
        ("f1_0.3", f1(p03, r03)),
        ("precision_0.8", p08),
        ("recall_0.8", r08),
        ("f1_0.8", f1(p08, r08)),
        ("exact_precision", pe),
        ("exact_recall", re),
        ("exact_f1", f1(pe, re)),
        ("direct_recall_0.3", pct(t.found03_direct, t.gold_direct)),
        ("indirect_recall_0.3", pct(t.found03_indirect, t.gold_indirect)),
        ("speaker_accuracy", pct(t.speaker_ok, t.found03)),
        ("cue_accuracy", pct(t.cue_ok, t.found03)),
        ("cue_accuracy_loose", pct(t.cue_ok_loose, t.found03)),
        ("speech_recall_0.3", pct(t.found03_speech, t.gold_speech)),
        ("speech_recall_0.8", pct(t.found08_speech, t.gold_speech)),
        ("speech_any_recall_0.3", pct(t.found03_speech_any, t.gold_speech_any)),
        ("speech_speaker_accuracy", pct(t.speech_speaker_ok, t.found03_speech)),
        ("speech_cue_accuracy", pct(t.speech_cue_ok, t.found03_speech)),
        ("speech_cue_accuracy_loose", pct(t.speech_cue_ok_loose, t.found03_speech)),
        ("no_source_recall", pct(t.no_source_trigger, t.gold_no_source)),
        ("no_source_recall_sentence", pct(t.no_source_sentence, t.gold_no_source)),
    ]
}

// ---------------------------------------------------------------------------------------------
// wiki-weasel

/// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
pub fn parse_csv(data: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = data.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                any = false;
            }
            c => field.push(c),
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    rows
}

pub const WEASEL_KINDS: &[ClaimKind] =
    &[ClaimKind::WeaselAttribution, ClaimKind::AgentlessPassive, ClaimKind::DoubtWord, ClaimKind::AnonymousSource, ClaimKind::Hedge];

/// Which rows of the wiki-weasel file to score. The claim model trains on the rows that are not
/// held out ([`crate::analysis::claims::model::held_out`]), so only `HeldOut` measures it fairly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeaselSplit {
    All,
    Train,
    HeldOut,
}

impl WeaselSplit {
    pub fn parse(s: &str) -> Option<WeaselSplit> {
        match s {
            "all" => Some(WeaselSplit::All),
            "train" => Some(WeaselSplit::Train),
            "heldout" | "held-out" => Some(WeaselSplit::HeldOut),
            _ => None,
        }
    }
    pub fn keeps(self, text: &str) -> bool {
        match self {
            WeaselSplit::All => true,
            WeaselSplit::Train => !crate::analysis::claims::model::held_out(text),
            WeaselSplit::HeldOut => crate::analysis::claims::model::held_out(text),
        }
    }
    /// The JSON name of a figure on this split: `weasel_f1`, `weasel_train_f1`, `weasel_heldout_f1`.
    pub fn metric(self, figure: &str) -> String {
        match self {
            WeaselSplit::All => format!("weasel_{figure}"),
            WeaselSplit::Train => format!("weasel_train_{figure}"),
            WeaselSplit::HeldOut => format!("weasel_heldout_{figure}"),
        }
    }
    fn label(self) -> &'static str {
        match self {
            WeaselSplit::All => "every row",
            WeaselSplit::Train => "training rows only",
            WeaselSplit::HeldOut => "held-out rows only, never seen in training",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeaselTally {
    pub split: Option<WeaselSplit>,
    pub sentences: usize,
    pub positive: usize,
    pub tp: usize,
    pub fp: usize,
    /// Per claim kind: (sentences flagged that are weasel, flagged that are not).
    pub by_kind: Vec<(&'static str, usize, usize)>,
}

pub fn score_weasel(rows: &[(String, bool)], split: WeaselSplit) -> WeaselTally {
    let mut t = WeaselTally {
        split: Some(split),
        by_kind: WEASEL_KINDS.iter().map(|k| (k.as_str(), 0, 0)).collect(),
        ..WeaselTally::default()
    };
    let options = Options::default();
    for (text, label) in rows.iter().filter(|(text, _)| split.keeps(text)) {
        let a = analyze(text, &options);
        t.sentences += 1;
        t.positive += usize::from(*label);
        let mut flagged = false;
        for (i, k) in WEASEL_KINDS.iter().enumerate() {
            if a.claims.iter().any(|c| c.kind == *k) {
                flagged = true;
                if *label {
                    t.by_kind[i].1 += 1;
                } else {
                    t.by_kind[i].2 += 1;
                }
            }
        }
        if flagged {
            if *label {
                t.tp += 1;
            } else {
                t.fp += 1;
            }
        }
    }
    t
}

fn weasel_rows(data: &str) -> Result<Vec<(String, bool)>, String> {
    let rows = parse_csv(data);
    let header = rows.first().ok_or("the file is empty")?;
    let col = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(ti), Some(li)) = (col("text"), col("label")) else {
        return Err("expected a header with columns text and label".into());
    };
    let mut out = Vec::new();
    for (n, r) in rows.iter().enumerate().skip(1) {
        if r.len() == 1 && r[0].trim().is_empty() {
            continue;
        }
        let (Some(text), Some(label)) = (r.get(ti), r.get(li)) else {
            return Err(format!("row {}: missing the text or label column", n + 1));
        };
        let label = match label.trim() {
            "1" | "true" | "True" => true,
            "0" | "false" | "False" => false,
            other => return Err(format!("row {}: label `{other}` is not 0 or 1", n + 1)),
        };
        out.push((text.trim().to_string(), label));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Command

struct Args {
    gold: PathBuf,
    json: bool,
    weasel: WeaselChoice,
    weasel_split: WeaselSplit,
    limit: Option<usize>,
    floor: Option<PathBuf>,
    raise_floor: Option<PathBuf>,
    errors: bool,
    texts: Option<PathBuf>,
}

enum WeaselChoice {
    Default,
    Path(PathBuf),
    Off,
}

fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    let mut gold = None;
    let mut a = Args { gold: PathBuf::new(), json: false, weasel: WeaselChoice::Default, weasel_split: WeaselSplit::HeldOut, limit: None, floor: None, raise_floor: None, errors: false, texts: None };
    let mut words = Words::new(args);
    while let Some(word) = words.next() {
        let name = match word {
            Word::Operand(arg) if gold.is_none() => {
                gold = Some(PathBuf::from(arg));
                continue;
            }
            Word::Operand(arg) => return Err(format!("only one gold file can be scored (got `{arg}` too)")),
            Word::Flag(name) => name,
        };
        let mut value = |what: &str| words.value(what);
        match name {
            "-h" | "--help" => return Ok(None),
            "--json" => a.json = true,
            "--errors" => a.errors = true,
            "--weasel" => a.weasel = WeaselChoice::Path(value("a CSV file")?.into()),
            "--no-weasel" => a.weasel = WeaselChoice::Off,
            "--weasel-split" => {
                let v = value("all, train or heldout")?;
                a.weasel_split = WeaselSplit::parse(&v).ok_or_else(|| format!("--weasel-split: `{v}` is not all, train or heldout"))?;
            }
            "--texts" => a.texts = Some(value("a JSON lines file of article texts")?.into()),
            "--limit" => {
                let v = value("a number of articles")?;
                a.limit = Some(v.parse().map_err(|_| format!("--limit: `{v}` is not a number"))?);
            }
            "--floor" => a.floor = Some(value("a JSON file of floors")?.into()),
            "--raise-floor" => a.raise_floor = Some(value("a JSON file of floors")?.into()),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    a.gold = gold.ok_or("no gold file given")?;
    Ok(Some(a))
}

fn read_text(path: &Path, what: &str) -> Result<String, String> {
    if path.is_dir() {
        return Err(format!("{what} {} is a folder, not a file", path.display()));
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{what} {}: no such file", path.display()),
        _ => format!("{what} {}: cannot read: {e}", path.display()),
    })?;
    String::from_utf8(bytes).map_err(|_| format!("{what} {}: not UTF-8 text", path.display()))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn fmt_pct(v: Option<f64>) -> String {
    v.map_or("n/a".into(), |v| format!("{v:.1}"))
}

fn frac(n: usize, d: usize) -> String {
    format!("{n}/{d}")
}

fn human_report(gold: &Path, t: &Tally, w: Option<&WeaselTally>, elapsed: Duration) -> String {
    let f: std::collections::HashMap<&str, Option<f64>> = figures(t).into_iter().collect();
    let g = |k: &str| fmt_pct(f[k]);
    let mut o = String::new();
    let _ = writeln!(o, "whosaid eval on {}", gold.display());
    let _ = writeln!(
        o,
        "  {} articles, {} gold attributions ({} direct, {} indirect; {} speech-only; {} with no source), {} predicted quotes\n",
        t.articles, t.gold, t.gold_direct, t.gold_indirect, t.gold_speech, t.gold_no_source, t.pred
    );
    let _ = writeln!(o, "  all attributions                 precision   recall      F1");
    let _ = writeln!(o, "    overlap > 0.3                  {:>7}  {:>7}  {:>7}", g("precision_0.3"), g("recall_0.3"), g("f1_0.3"));
    let _ = writeln!(o, "    overlap > 0.8                  {:>7}  {:>7}  {:>7}", g("precision_0.8"), g("recall_0.8"), g("f1_0.8"));
    let _ = writeln!(o, "    exact span (trimmed)           {:>7}  {:>7}  {:>7}", g("exact_precision"), g("exact_recall"), g("exact_f1"));
    let by_kind: Vec<String> = (0..4)
        .filter(|&k| t.pred_by_kind[k] > 0)
        .map(|k| format!("{} {}/{}", KIND_NAMES[k], t.pred_ok03_by_kind[k], t.pred_by_kind[k]))
        .collect();
    let _ = writeln!(o, "    correct predictions by kind (> 0.3): {}", if by_kind.is_empty() { "none".into() } else { by_kind.join(", ") });
    let _ = writeln!(o);
    let _ = writeln!(o, "  recall at overlap > 0.3");
    let _ = writeln!(o, "    direct quotes                  {:>7}   ({})", g("direct_recall_0.3"), frac(t.found03_direct, t.gold_direct));
    let _ = writeln!(o, "    indirect (reported)            {:>7}   ({})", g("indirect_recall_0.3"), frac(t.found03_indirect, t.gold_indirect));
    let _ = writeln!(o, "  among found quotes (> 0.3)");
    let _ = writeln!(o, "    speaker accuracy               {:>7}   ({})", g("speaker_accuracy"), frac(t.speaker_ok, t.found03));
    let _ = writeln!(o, "    cue accuracy                   {:>7}   ({})", g("cue_accuracy"), frac(t.cue_ok, t.found03));
    let _ = writeln!(o, "    cue accuracy, words contained  {:>7}   ({})", g("cue_accuracy_loose"), frac(t.cue_ok_loose, t.found03));
    let _ = writeln!(o);
    let _ = writeln!(o, "  speech only (gold cue is a reporting verb or \"according to\"; content a clause or a quotation)");
    let _ = writeln!(o, "    recall > 0.3                   {:>7}   ({})", g("speech_recall_0.3"), frac(t.found03_speech, t.gold_speech));
    let _ = writeln!(o, "    recall > 0.8                   {:>7}   ({})", g("speech_recall_0.8"), frac(t.found08_speech, t.gold_speech));
    let _ = writeln!(o, "    recall > 0.3, any content      {:>7}   ({})", g("speech_any_recall_0.3"), frac(t.found03_speech_any, t.gold_speech_any));
    let _ = writeln!(o, "    speaker accuracy               {:>7}   ({})", g("speech_speaker_accuracy"), frac(t.speech_speaker_ok, t.found03_speech));
    let _ = writeln!(o, "    cue accuracy                   {:>7}   ({})", g("speech_cue_accuracy"), frac(t.speech_cue_ok, t.found03_speech));
    let _ = writeln!(o, "    cue accuracy, words contained  {:>7}   ({})", g("speech_cue_accuracy_loose"), frac(t.speech_cue_ok_loose, t.found03_speech));
    let _ = writeln!(o);
    let _ = writeln!(o, "  no_source items found by the unsourced-claim rules");
    let _ = writeln!(o, "    trigger overlaps the item      {:>7}   ({})", g("no_source_recall"), frac(t.no_source_trigger, t.gold_no_source));
    let _ = writeln!(o, "    claim in the same sentence     {:>7}   ({})", g("no_source_recall_sentence"), frac(t.no_source_sentence, t.gold_no_source));
    if let Some(w) = w {
        let p = pct(w.tp, w.tp + w.fp);
        let r = pct(w.tp, w.positive);
        let _ = writeln!(o);
        let split = w.split.map_or("every row", WeaselSplit::label);
        let _ = writeln!(o, "  wiki-weasel, sentence level (out of domain; {split}: {} sentences, {} weasel)", w.sentences, w.positive);
        let _ = writeln!(o, "    precision {}   recall {}   F1 {}   ({} flagged: {} weasel, {} not)", fmt_pct(p), fmt_pct(r), fmt_pct(f1(p, r)), w.tp + w.fp, w.tp, w.fp);
        for (k, pos, neg) in &w.by_kind {
            let _ = writeln!(o, "    {k:<22} flags {pos} weasel and {neg} other sentences");
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "  {}", throughput_line(t.bytes, elapsed));
    o
}

fn throughput(bytes: usize, elapsed: Duration) -> Option<f64> {
    let s = elapsed.as_secs_f64();
    (s > 0.0).then(|| bytes as f64 / 1e6 / s)
}

fn throughput_line(bytes: usize, elapsed: Duration) -> String {
    let build = if cfg!(debug_assertions) { "debug build — use --release for real figures" } else { "release build" };
    format!(
        "analysis speed: {} MB/s ({:.2} MB in {:.1} ms, one thread, {build})",
        throughput(bytes, elapsed).map_or("n/a".into(), |v| format!("{v:.1}")),
        bytes as f64 / 1e6,
        elapsed.as_secs_f64() * 1e3
    )
}

fn json_report(gold: &Path, t: &Tally, w: Option<&WeaselTally>, elapsed: Duration) -> Value {
    let mut m = Map::new();
    m.insert("gold".into(), Value::from(gold.display().to_string()));
    for (k, v) in [
        ("articles", t.articles),
        ("gold_items", t.gold),
        ("gold_direct", t.gold_direct),
        ("gold_indirect", t.gold_indirect),
        ("gold_speech", t.gold_speech),
        ("gold_speech_any", t.gold_speech_any),
        ("gold_no_source", t.gold_no_source),
        ("predicted_quotes", t.pred),
        ("bytes", t.bytes),
    ] {
        m.insert(k.into(), Value::from(v));
    }
    for (k, name) in KIND_NAMES.iter().enumerate() {
        m.insert(format!("predicted_{name}"), Value::from(t.pred_by_kind[k]));
        m.insert(format!("predicted_{name}_correct_0.3"), Value::from(t.pred_ok03_by_kind[k]));
    }
    for (k, v) in figures(t) {
        m.insert(k.into(), v.map_or(Value::Null, |v| Value::from(round2(v))));
    }
    if let Some(w) = w {
        let p = pct(w.tp, w.tp + w.fp);
        let r = pct(w.tp, w.positive);
        let split = w.split.unwrap_or(WeaselSplit::All);
        m.insert(split.metric("sentences"), Value::from(w.sentences));
        m.insert(split.metric("positive"), Value::from(w.positive));
        for (k, v) in [("precision", p), ("recall", r), ("f1", f1(p, r))] {
            m.insert(split.metric(k), v.map_or(Value::Null, |v| Value::from(round2(v))));
        }
    }
    m.insert("throughput_mb_s".into(), throughput(t.bytes, elapsed).map_or(Value::Null, |v| Value::from(round2(v))));
    m.insert("release_build".into(), Value::from(!cfg!(debug_assertions)));
    Value::Object(m)
}

/// Compare figures with floors. Returns the messages for metrics below their floor; metrics in the
/// floor file that were not measured are returned separately (they do not fail the check).
pub fn check_floors(results: &Map<String, Value>, floors: &Map<String, Value>) -> Result<(Vec<String>, Vec<String>), String> {
    let mut fell = Vec::new();
    let mut unmeasured = Vec::new();
    for (k, floor) in floors {
        let floor = floor.as_f64().ok_or_else(|| format!("floor for `{k}` is not a number"))?;
        match results.get(k) {
            None if !figure_names().contains(&k.as_str()) => {
                return Err(format!("unknown metric `{k}` in the floor file; known: {}", figure_names().join(", ")))
            }
            Some(Value::Number(v)) => {
                let v = v.as_f64().unwrap_or(f64::NAN);
                if v.is_nan() || v < floor {
                    fell.push(format!("{k} is {v:.2}, below its floor {floor:.2}"));
                }
            }
            _ => unmeasured.push(k.clone()),
        }
    }
    Ok((fell, unmeasured))
}

/// New floors: each figure rounded down, less one point, never below the floor already recorded.
/// Throughput is left out (it depends on the machine).
pub fn raised_floors(results: &Map<String, Value>, old: &Map<String, Value>) -> Map<String, Value> {
    let mut new = old.clone();
    for name in figure_names() {
        if name == "throughput_mb_s" {
            continue;
        }
        let Some(v) = results.get(name).and_then(Value::as_f64) else { continue };
        let candidate = (v.floor() - 1.0).max(0.0);
        let keep = old.get(name).and_then(Value::as_f64).unwrap_or(f64::NEG_INFINITY);
        if candidate > keep {
            new.insert(name.to_string(), Value::from(candidate as u64));
        }
    }
    new
}

fn raise_floor(path: &Path, results: &Map<String, Value>) -> Result<(), String> {
    let old = match std::fs::read_to_string(path) {
        Ok(s) => match serde_json::from_str::<Value>(&s) {
            Ok(Value::Object(m)) => m,
            _ => return Err(format!("floor file {}: expected a JSON object", path.display())),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Map::new(),
        Err(e) => return Err(format!("floor file {}: {e}", path.display())),
    };
    let new = raised_floors(results, &old);
    for (k, v) in &new {
        if old.get(k) != Some(v) {
            eprintln!("whosaid eval: floor {k}: {} → {v}", old.get(k).map_or("none".to_string(), Value::to_string));
        }
    }
    let sorted: std::collections::BTreeMap<_, _> = new.into_iter().collect();
    let text = serde_json::to_string_pretty(&sorted).map_err(|e| e.to_string())? + "\n";
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn figure_names() -> Vec<&'static str> {
    let mut v: Vec<&str> = figures(&Tally::default()).into_iter().map(|(k, _)| k).collect();
    v.extend([
        "weasel_precision", "weasel_recall", "weasel_f1", "weasel_train_precision", "weasel_train_recall", "weasel_train_f1",
        "weasel_heldout_precision", "weasel_heldout_recall", "weasel_heldout_f1", "throughput_mb_s",
    ]);
    v.extend(super::gold::figure_names());
    v
}

pub fn run(args: &[String]) -> u8 {
    let args = match parse_args(args) {
        Ok(Some(a)) => a,
        Ok(None) => {
            super::out(&format!("{HELP}\n"));
            return 0;
        }
        Err(e) => {
            eprintln!("whosaid eval: {e}\nRun `whosaid eval --help` for the options.");
            return 2;
        }
    };
    let fail = |e: String| {
        eprintln!("whosaid eval: {e}");
        2
    };
    let floors = match &args.floor {
        None => None,
        Some(p) => {
            let parsed = read_text(p, "floor file").and_then(|s| {
                serde_json::from_str::<Value>(&s).map_err(|e| format!("floor file {}: not valid JSON: {e}", p.display()))
            });
            match parsed {
                Ok(Value::Object(m)) => Some(m),
                Ok(_) => return fail(format!("floor file {}: expected an object of metric → minimum", p.display())),
                Err(e) => return fail(e),
            }
        }
    };
    let data = match read_text(&args.gold, "gold file") {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    if super::gold::is_own_format(&data) {
        return run_own_format(&args, &data, floors);
    }
    let (mut articles, dropped) = match parse_gold(&data) {
        Ok(x) => x,
        Err(e) => return fail(format!("gold file {}: {e}", args.gold.display())),
    };
    if dropped > 0 {
        eprintln!("whosaid eval: {dropped} gold items had offsets outside their article and were left out");
    }
    if let Some(n) = args.limit {
        articles.truncate(n);
    }

    let options = Options::default();
    let mut tally = Tally::default();
    // Lexicons are built on first use; keep that one-off cost out of the throughput.
    let _ = analyze("“Warm-up,” she said.", &options);
    let mut elapsed = Duration::ZERO;
    let mut errors = Vec::new();
    for art in &articles {
        let start = Instant::now();
        let analysis = analyze(&art.text, &options);
        elapsed += start.elapsed();
        score_article_explained(art, &analysis, &mut tally, args.errors.then_some(&mut errors));
    }

    let weasel_path = match &args.weasel {
        WeaselChoice::Off => None,
        WeaselChoice::Path(p) => Some(p.clone()),
        WeaselChoice::Default => {
            let p = args
                .gold
                .parent()
                .and_then(Path::parent)
                .map(|d| d.join("wiki-weasel").join("train.csv"));
            match p {
                Some(p) if p.is_file() => Some(p),
                Some(p) => {
                    eprintln!("whosaid eval: wiki-weasel part skipped: no {} (pass --weasel CSV)", p.display());
                    None
                }
                None => {
                    eprintln!("whosaid eval: wiki-weasel part skipped (pass --weasel CSV)");
                    None
                }
            }
        }
    };
    let weasel = match weasel_path {
        None => None,
        Some(p) => match read_text(&p, "wiki-weasel file").and_then(|d| {
            weasel_rows(&d).map_err(|e| format!("wiki-weasel file {}: {e}", p.display()))
        }) {
            Ok(rows) => Some(score_weasel(&rows, args.weasel_split)),
            Err(e) => return fail(e),
        },
    };

    // With --json, stdout holds only the JSON object.
    for e in &errors {
        if args.json {
            eprintln!("{e}");
        } else {
            super::out(&format!("{e}\n"));
        }
    }
    let report = json_report(&args.gold, &tally, weasel.as_ref(), elapsed);
    if args.json {
        super::out(&format!("{report}\n"));
    } else {
        super::out(&human_report(&args.gold, &tally, weasel.as_ref(), elapsed));
    }

    let Value::Object(results) = &report else { return 2 };
    apply_floors(&args, results, floors)
}

/// `--raise-floor` and `--floor` on a report's figures; the exit status.
fn apply_floors(args: &Args, results: &Map<String, Value>, floors: Option<Map<String, Value>>) -> u8 {
    let fail = |e: String| {
        eprintln!("whosaid eval: {e}");
        2
    };
    if let Some(path) = &args.raise_floor {
        if let Err(e) = raise_floor(path, results) {
            return fail(e);
        }
    }
    let Some(floors) = floors else { return 0 };
    match check_floors(results, &floors) {
        Err(e) => fail(e),
        Ok((fell, unmeasured)) => {
            for k in &unmeasured {
                eprintln!("whosaid eval: floor for `{k}` not checked: the figure was not measured");
            }
            if fell.is_empty() {
                eprintln!("whosaid eval: every figure is at or above its floor ({} checked)", floors.len() - unmeasured.len());
                0
            } else {
                for f in &fell {
                    eprintln!("whosaid eval: FLOOR BROKEN: {f}");
                }
                1
            }
        }
    }
}

/// Gold in whosaid's own format (`tests/gold/bbc.jsonl`): joined with `--texts` (default: the BBC
/// texts beside the project) and scored per quoted stretch.
fn run_own_format(args: &Args, data: &str, floors: Option<Map<String, Value>>) -> u8 {
    let fail = |e: String| {
        eprintln!("whosaid eval: {e}");
        2
    };
    let texts_path = args.texts.clone().unwrap_or_else(|| {
        // tests/gold/bbc.jsonl → ../shared/data/bbc/articles.jsonl beside the project.
        let root = args.gold.parent().and_then(Path::parent).and_then(Path::parent).unwrap_or(Path::new("."));
        root.join("..").join("shared").join("data").join("bbc").join("articles.jsonl")
    });
    if !texts_path.is_file() {
        return fail(format!(
            "{} holds annotations without article text, and the texts are not at {}; pass --texts FILE (JSON lines with \"id\" and \"text\")",
            args.gold.display(),
            texts_path.display()
        ));
    }
    let texts = match read_text(&texts_path, "texts file").and_then(|d| super::gold::parse_texts(&d)) {
        Ok(t) => t,
        Err(e) => return fail(format!("texts file {}: {e}", texts_path.display())),
    };
    let mut articles = match super::gold::parse(data, &texts) {
        Ok(a) => a,
        Err(e) => return fail(format!("gold file {}: {e}", args.gold.display())),
    };
    if let Some(n) = args.limit {
        articles.truncate(n);
    }
    let options = Options::default();
    let mut tally = super::gold::Tally::default();
    let mut errors = Vec::new();
    for art in &articles {
        let analysis = analyze(&art.text, &options);
        super::gold::score(art, &analysis, &mut tally, args.errors.then_some(&mut errors));
    }
    for e in &errors {
        if args.json {
            eprintln!("{e}");
        } else {
            super::out(&format!("{e}\n"));
        }
    }
    let report = super::gold::json_report(&args.gold, &tally);
    if args.json {
        super::out(&format!("{report}\n"));
    } else {
        super::out(&super::gold::human_report(&args.gold, &tally));
    }
    let Value::Object(results) = &report else { return 2 };
    apply_floors(args, results, floors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::*;

    /// Char (code point) offsets of `needle` in `text`.
    fn cp(text: &str, needle: &str) -> (usize, usize) {
        let b = text.find(needle).expect(needle);
        let s = text[..b].chars().count();
        (s, s + needle.chars().count())
    }
    /// Byte span of `needle`.
    fn by(text: &str, needle: &str) -> Span {
        let b = text.find(needle).expect(needle);
        Span::new(b, b + needle.len())
    }

    const TEXT: &str = "Zoë Ångström said that the café on Rue Célèste would close. “We tried everything,” she said. \
                        Critics say the plan is doomed. It is expected to pass.";

    /// A gold item of `t` from its words (speaker and cue found in `t` too).
    fn item(t: &str, content: &str, speaker: Option<&str>, cue: Option<&str>, direct: bool, no_source: bool) -> GoldItem {
        GoldItem {
            content: cp(t, content),
            speaker: speaker.map(|s| cp(t, s)),
            cue: cue.map(str::to_string),
            cue_span: cue.map(|c| cp(t, c)),
            direct,
            no_source,
        }
    }

    fn gold() -> Article {
        let t = TEXT;
        let item = |content: &str, speaker: Option<&str>, cue: Option<&str>, direct, no_source| item(t, content, speaker, cue, direct, no_source);
        Article {
            id: "a".into(),
            text: t.into(),
            items: vec![
                item("that the café on Rue Célèste would close", Some("Zoë Ångström"), Some("said"), false, false),
                item("“We tried everything,”", Some("she"), Some("said"), true, false),
                item("the plan is doomed", Some("Critics"), Some("say"), false, false),
                item("It is expected to pass", None, Some("is expected"), false, true),
            ],
        }
    }

    fn quote(id: usize, kind: QuoteKind, span: Span, mention: Option<Span>, cue: Option<&str>) -> Quote {
        Quote {
            id,
            kind,
            span,
            parts: vec![span].into(),
            speaker: mention.map(|_| 0),
            speaker_mention: mention,
            cue: cue.map(|c| Cue::word(Span::new(0, 0), c, "say")),
            resolution: Resolution::Named,
            outer: None,
        }
    }

    fn predictions() -> Analysis {
        let t = TEXT;
        Analysis {
            quotes: vec![
                // Misses "that": 35 of 40 chars.
                quote(0, QuoteKind::Indirect, by(t, "the café on Rue Célèste would close"), Some(by(t, "Zoë Ångström")), Some("said")),
                quote(1, QuoteKind::Direct, by(t, "“We tried everything,”"), Some(by(t, "she")), Some("Said:")),
                // 11 of 40 chars of the first gold item: not enough.
                quote(2, QuoteKind::Partial, by(t, "Rue Célèste"), None, None),
                // 14 of 18 chars: found at 0.3, not at 0.8; no speaker, no cue.
                quote(3, QuoteKind::Indirect, by(t, "plan is doomed"), None, None),
            ],
            claims: vec![Claim {
                kind: ClaimKind::AgentlessPassive,
                span: by(t, "It is expected to pass."),
                trigger: by(t, "is expected"),
                weak: true,
            }],
            ..Analysis::default()
        }
    }

    #[test]
    fn char_map_converts_both_ways() {
        let t = "é“x”😀y";
        let m = CharMap::new(t);
        assert_eq!(m.chars(), 6);
        assert_eq!(m.to_byte(2), Some(t.find('x').unwrap()));
        assert_eq!(m.to_byte(6), Some(t.len()));
        assert_eq!(m.to_byte(7), None);
        assert_eq!(m.to_char(t.find('y').unwrap()), 5);
        assert_eq!(m.to_char(t.len()), 6);
    }

    #[test]
    fn gold_offsets_are_code_points() {
        let (s, e) = cp(TEXT, "she");
        let line = serde_json::json!({"id": "x", "text": TEXT, "quotes": [
            {"start": s, "end": e, "speaker": null, "speaker_start": null, "speaker_end": null,
             "cue": null, "cue_start": null, "cue_end": null, "direct": false, "no_source": false},
            {"start": 5, "end": 100000, "direct": false}]});
        let (arts, dropped) = parse_gold(&format!("{line}\n\n")).unwrap();
        assert_eq!(dropped, 1);
        let it = &arts[0].items[0];
        let m = CharMap::new(&arts[0].text);
        assert_eq!(&TEXT[m.to_byte(it.content.0).unwrap()..m.to_byte(it.content.1).unwrap()], "she");
        assert!(parse_gold("{\"text\": 3}").unwrap_err().contains("line 1"));
        assert!(parse_gold("not json").is_err());
    }

    #[test]
    fn speech_content_needs_a_verb() {
        let cases: &[(&str, bool)] = &[
            ("sales rose in May", true),
            ("the pier would reopen", true),
            ("it's over", true),
            ("they didn't know", true),
            ("profits jumped", true),
            ("to rebuild the pier", true),
            ("three more goals", false),
            ("a loss of $38m", false),
            ("the complete repeal of the law", false),
            ("cutting taxes", false),
            ("a hoax perpetrated by Kane", false),
            ("the ferry costs €2 million", true),
            ("Ruiz Rose", false),
        ];
        for &(content, want) in cases {
            assert_eq!(content_has_verb(content), want, "{content:?}");
        }
    }

    #[test]
    fn coverage_counts_chars_of_the_gold_covered_by_the_union_of_parts() {
        assert_eq!(coverage(&[(0, 5)], (0, 10)), 0.5);
        assert_eq!(coverage(&merge(vec![(0, 4), (2, 6), (8, 20)]), (0, 10)), 0.8);
        assert_eq!(coverage(&[(0, 5)], (5, 5)), 0.0);
    }

    #[test]
    fn hand_scored_article() {
        let mut t = Tally::default();
        score_article(&gold(), &predictions(), &mut t);
        let want = Tally {
            articles: 1,
            bytes: TEXT.len(),
            gold: 4,
            gold_direct: 1,
            gold_indirect: 3,
            gold_speech: 3,
            gold_speech_any: 3,
            gold_no_source: 1,
            pred: 4,
            pred_ok03: 3,
            pred_ok08: 2,
            pred_by_kind: [1, 2, 1, 0],
            pred_ok03_by_kind: [1, 2, 0, 0],
            found03: 3,
            found08: 2,
            found03_direct: 1,
            found03_indirect: 2,
            found03_speech: 3,
            found03_speech_any: 3,
            found08_speech: 2,
            speaker_ok: 2,
            cue_ok: 2,
            cue_ok_loose: 2,
            speech_speaker_ok: 2,
            speech_cue_ok: 2,
            speech_cue_ok_loose: 2,
            exact_gold: 2,
            exact_pred: 2,
            no_source_trigger: 1,
            no_source_sentence: 1,
        };
        assert_eq!(t, want);
        let f: std::collections::HashMap<_, _> = figures(&t).into_iter().collect();
        assert_eq!(f["f1_0.3"], Some(75.0));
        assert_eq!(f["recall_0.8"], Some(50.0));
        assert!((f["speaker_accuracy"].unwrap() - 200.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_fragment_under_the_enclosing_cue_is_not_a_prediction_of_its_own() {
        let t = "The mayor said the budget was “dead on arrival” and would be rewritten.";
        let art = Article {
            id: "f".into(),
            text: t.into(),
            items: vec![item(t, "the budget was “dead on arrival” and would be rewritten", Some("The mayor"), Some("said"), false, false)],
        };
        let cue = Cue::word(by(t, "said"), "said", "say");
        let mut outer = quote(0, QuoteKind::Mixed, by(t, "the budget was “dead on arrival” and would be rewritten"), Some(by(t, "The mayor")), None);
        outer.cue = Some(cue.clone());
        let mut inner = quote(1, QuoteKind::Partial, by(t, "“dead on arrival”"), Some(by(t, "The mayor")), None);
        inner.cue = Some(cue);
        inner.outer = Some(0);
        let mut a = Analysis { quotes: vec![outer, inner.clone()], ..Analysis::default() };
        let mut tally = Tally::default();
        score_article(&art, &a, &mut tally);
        assert_eq!((tally.pred, tally.pred_ok03, tally.found03), (1, 1, 1));
        // Under a cue of its own (nested reporting) it is an attribution and is scored.
        a.quotes[1].cue = Some(Cue::word(Span::new(0, 0), "called", "call"));
        let mut tally = Tally::default();
        score_article(&art, &a, &mut tally);
        assert_eq!((tally.pred, tally.pred_ok03), (2, 2));
    }

    /// The gold fixture shipped for the CLI tests, scored against predictions written by hand.
    #[test]
    fn hand_scored_fixture_file() {
        let (arts, dropped) = parse_gold(include_str!("../../tests/fixtures/eval/gold.jsonl")).unwrap();
        assert_eq!((arts.len(), dropped), (2, 0));
        let (a1, a2) = (arts[0].text.as_str(), arts[1].text.as_str());
        let p1 = Analysis {
            quotes: vec![
                quote(0, QuoteKind::Partial, by(a1, "“the best in Port Elsby”"), None, None),
                quote(1, QuoteKind::Direct, by(a1, "“We baked 400 croissants before dawn,”"), Some(by(a1, "owner Léa Brandão")), Some("said")),
                // The right words, the wrong "Brandão" (the gold speaker is the one before "said").
                quote(2, QuoteKind::Indirect, by(a1, "the queue reached the harbour."), Some(by(a1, "Brandão")), Some("said")),
            ],
            claims: vec![Claim { kind: ClaimKind::AgentlessPassive, span: by(a1, "Regulars are said to be delighted."), trigger: by(a1, "are said"), weak: false }],
            ..Analysis::default()
        };
        let p2 = Analysis {
            quotes: vec![quote(0, QuoteKind::Direct, by(a2, "“The ferry will run all winter,”"), Some(by(a2, "Okafor told")), Some("told reporters"))],
            ..Analysis::default()
        };
        let mut t = Tally::default();
        score_article(&arts[0], &p1, &mut t);
        score_article(&arts[1], &p2, &mut t);
        let want = Tally {
            articles: 2,
            bytes: a1.len() + a2.len(),
            gold: 5,
            gold_direct: 2,
            gold_indirect: 3,
            gold_speech: 4,
            gold_speech_any: 4,
            gold_no_source: 1,
            pred: 4,
            pred_ok03: 3,
            pred_ok08: 3,
            pred_by_kind: [2, 1, 1, 0],
            pred_ok03_by_kind: [2, 1, 0, 0],
            found03: 3,
            found08: 3,
            found03_direct: 2,
            found03_indirect: 1,
            found03_speech: 3,
            found03_speech_any: 3,
            found08_speech: 3,
            speaker_ok: 2,
            cue_ok: 2,
            cue_ok_loose: 3,
            speech_speaker_ok: 2,
            speech_cue_ok: 2,
            speech_cue_ok_loose: 3,
            exact_gold: 3,
            exact_pred: 3,
            no_source_trigger: 1,
            no_source_sentence: 1,
        };
        assert_eq!(t, want);
        let f: std::collections::HashMap<_, _> = figures(&t).into_iter().collect();
        assert_eq!((f["precision_0.3"], f["recall_0.3"]), (Some(75.0), Some(60.0)));
        assert!((f["f1_0.3"].unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(f["indirect_recall_0.3"].map(|x| (x * 100.0).round()), Some(3333.0));
    }

    #[test]
    fn errors_describe_misses_wrong_speakers_and_extras() {
        let mut t = Tally::default();
        let mut errs = Vec::new();
        score_article_explained(&gold(), &predictions(), &mut t, Some(&mut errs));
        assert_eq!(t.found03, 3);
        let all = errs.join("\n");
        assert!(all.contains("[a] missed no_source (is expected): “It is expected to pass”"), "{all}");
        assert!(all.contains("[a] speaker: gold “Critics”, predicted “” for “the plan is doomed”"), "{all}");
        assert!(all.contains("[a] speech cue: gold “say”, predicted “”"), "{all}");
        assert!(all.contains("[a] extra partial quote: “Rue Célèste”"), "{all}");
        assert_eq!(errs.len(), 4, "{all}");
    }

    #[test]
    fn gold_with_no_speaker_wants_no_predicted_speaker() {
        let t = "Prices will rise, it is believed.";
        let art = Article {
            id: "b".into(),
            text: t.into(),
            items: vec![item(t, "Prices will rise", None, None, false, true)],
        };
        let mut a = Analysis { quotes: vec![quote(0, QuoteKind::Indirect, by(t, "Prices will rise"), None, None)], ..Analysis::default() };
        let mut tally = Tally::default();
        score_article(&art, &a, &mut tally);
        assert_eq!((tally.speaker_ok, tally.cue_ok, tally.no_source_trigger), (1, 1, 0));
        a.quotes[0].speaker_mention = Some(by(t, "it"));
        let mut tally = Tally::default();
        score_article(&art, &a, &mut tally);
        assert_eq!(tally.speaker_ok, 0);
    }

    #[test]
    fn a_relative_pronoun_marked_as_the_source_matches_its_antecedent() {
        let t = "Parents thanked Alan Cho, who said the roof would hold.";
        let art = Article { id: "c".into(), text: t.into(), items: vec![item(t, "the roof would hold", Some("who"), Some("said"), false, false)] };
        // (the engine's resolution, is the speaker right?)
        let cases = [(Resolution::Relative { pronoun: by(t, "who") }, true), (Resolution::Named, false)];
        for (resolution, want) in cases {
            let mut q = quote(0, QuoteKind::Indirect, by(t, "the roof would hold"), Some(by(t, "Alan Cho")), Some("said"));
            q.resolution = resolution;
            let mut tally = Tally::default();
            score_article(&art, &Analysis { quotes: vec![q], ..Analysis::default() }, &mut tally);
            assert_eq!(tally.speaker_ok == 1, want);
        }
    }
    #[test]
    fn cues_and_speech_filter() {
        assert_eq!(normalize_cue("  Said:  "), "said");
        assert_eq!(normalize_cue("Continued :"), "continued");
        assert!(is_speech_cue("has said"));
        assert!(is_speech_cue("According to"));
        assert!(is_speech_cue("told"));
        assert!(!is_speech_cue("shows"));
        assert!(!is_speech_cue(":"));
        assert!(!is_speech_cue("believes"));
        assert!(is_speech_cue("isn’t saying"));
        assert!(is_speech_cue("said Friday"));
        assert!(is_speech_cue("forcefully told"));
        assert!(!is_speech_cue("released a letter from his doctor that says"));
        assert!(cue_matches_loosely("said Friday", "said"));
        assert!(cue_matches_loosely("then pointed out", "pointed out"));
        assert!(cue_matches_loosely("said", "has said"));
        assert!(!cue_matches_loosely("could not resist pointing out", "ruled"));
        assert!(!cue_matches_loosely("said", "aid"));
        assert!(cue_matches_loosely(":", " : "));
    }

    #[test]
    fn exact_key_trims_marks_punctuation_and_that() {
        let t = " “that rents will fall.” ";
        let m = CharMap::new(t);
        let k = exact_key(t, &m, (0, t.chars().count())).unwrap();
        assert_eq!(k, cp(t, "rents will fall"));
        assert_eq!(exact_key(t, &m, cp(t, "“")), None);
        // "thatch" is not the complementizer.
        let t3 = "Let’s go";
        assert_eq!(exact_key(t3, &CharMap::new(t3), (0, 8)), Some((0, 8)));
        let t2 = "thatch roofs";
        assert_eq!(exact_key(t2, &CharMap::new(t2), (0, 12)), Some((0, 12)));
    }

    #[test]
    fn csv_with_quoted_multiline_fields() {
        let rows = parse_csv("text,label\n\"It is said, \"\"by many\"\",\nthat X.\n\",1\r\nplain,0\n\n");
        assert_eq!(rows[1], vec!["It is said, \"by many\",\nthat X.\n".to_string(), "1".into()]);
        assert_eq!(rows[2], vec!["plain".to_string(), "0".into()]);
        let w = weasel_rows("label,text\n1,\"a, b\"\n0,c\n").unwrap();
        assert_eq!(w, vec![("a, b".to_string(), true), ("c".to_string(), false)]);
        assert!(weasel_rows("a,b\n1,2\n").is_err());
        assert!(weasel_rows("text,label\nx,maybe\n").is_err());
    }

    #[test]
    fn floors_only_go_up() {
        let results = serde_json::json!({"recall_0.3": 70.6, "f1_0.3": 50.2, "throughput_mb_s": 99.0, "weasel_f1": null});
        let old = serde_json::json!({"f1_0.3": 55, "gold_typo_kept": 3});
        let new = raised_floors(results.as_object().unwrap(), old.as_object().unwrap());
        assert_eq!(Value::Object(new), serde_json::json!({"recall_0.3": 69, "f1_0.3": 55, "gold_typo_kept": 3}));
    }

    #[test]
    fn floors_name_the_metric_that_fell() {
        let results = serde_json::json!({"recall_0.3": 70.0, "f1_0.3": 71.5, "weasel_recall": null});
        let floors = serde_json::json!({"recall_0.3": 71.0, "f1_0.3": 71.5, "weasel_recall": 10});
        let (fell, unmeasured) =
            check_floors(results.as_object().unwrap(), floors.as_object().unwrap()).unwrap();
        assert_eq!(fell.len(), 1);
        assert!(fell[0].starts_with("recall_0.3 is 70.00"), "{fell:?}");
        assert_eq!(unmeasured, vec!["weasel_recall".to_string()]);
        let typo = serde_json::json!({"recal": 1});
        assert!(check_floors(results.as_object().unwrap(), typo.as_object().unwrap()).is_err());
    }
}
