//! The engine: article text in, one [`Analysis`] out. No LSP types, no I/O.
//!
//! Pipeline (each stage a module, each reads the previous stages' output):
//! `text` (prose regions, paragraphs, sentences, tokens) → `quotes` (quotation marks into
//! quotations) → `cues` (reporting verbs, "according to") → `speakers` (mentions and entities,
//! coreference) → `attribution` (direct and reported speech to speakers) → `claims` (unsourced
//! claims) → `findings` (rules, severities, suppression comments).

pub mod attribution;
pub mod claims;
pub mod cues;
pub mod entities;
pub mod findings;
pub mod inline;
#[doc(hidden)]
pub mod invariants;
pub mod lexicon;
pub mod model;
pub mod quotes;
pub mod rules;
pub mod sentences;
pub mod sources;
pub mod speakers;
pub mod suppress;
pub mod text;

pub use model::*;
pub use inline::{Few, Parts, Words};
pub use sources::{Gender, Source, SourceKind, Sources};
pub use rules::{RuleSetting, RuleSettings, RULES};
pub use text::Reuse;
#[doc(hidden)]
pub use invariants::check_invariants;

/// How to read the text: Markdown leaves code, front matter and HTML comments out of the prose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    PlainText,
    Markdown,
}

impl Format {
    /// From a file name or an LSP language id: `.md`, `.markdown`, `markdown` mean Markdown.
    pub fn guess(name: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower == "markdown" || lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Format::Markdown
        } else {
            Format::PlainText
        }
    }
}

/// A speaker the newsroom tells whosaid about ("Jen Psaki", role "White House press secretary").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownSpeaker {
    pub name: String,
    pub role: Option<String>,
    /// The person's gender as the newsroom records it; only the source profile reads it.
    pub gender: Option<Gender>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    pub rules: RuleSettings,
    /// Extra reporting verbs (base forms or inflected; inflections are derived).
    pub extra_reporting_verbs: Vec<String>,
    pub known_speakers: Vec<KnownSpeaker>,
    /// Texts larger than this many bytes are not analysed; one `document-too-large` finding says so.
    pub max_bytes: usize,
}

pub const DEFAULT_MAX_BYTES: usize = 5 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::PlainText,
            rules: RuleSettings::default(),
            extra_reporting_verbs: Vec::new(),
            known_speakers: Vec::new(),
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Who an analysed article quotes, how much, and the gender the text (or the newsroom's
/// `[speakers]`) states for each person. Derived from the analysis on demand, for the command
/// line's JSON and report: an editor analysing on every keystroke does not pay for it.
pub fn source_profile(text: &str, analysis: &Analysis, options: &Options) -> Sources {
    sources::profile(text, analysis, &options.known_speakers)
}

/// Analyse one article.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    analyze_unless(text, options, &|| false).unwrap_or_default()
}

/// Like [`analyze`], but gives up (returns `None`) soon after `stop()` turns true: an editor
/// drops an analysis of text the user has already changed. `stop` is polled between phases and
/// every few dozen sentences, so it must be cheap.
pub fn analyze_unless(text: &str, options: &Options, stop: &dyn Fn() -> bool) -> Option<Analysis> {
    analyze_reusing(text, options, stop, None, false).map(|(analysis, _)| analysis)
}

/// Like [`analyze_unless`], for an editor that analyses the same document after every edit:
/// `reuse` (from the previous analysis of this document) saves re-reading paragraphs the edit
/// did not touch, and with `keep` the result carries a [`Reuse`] for the next analysis. The
/// analysis is exactly what [`analyze`] gives.
pub fn analyze_reusing(
    text: &str,
    options: &Options,
    stop: &dyn Fn() -> bool,
    reuse: Option<&Reuse>,
    keep: bool,
) -> Option<(Analysis, Option<Reuse>)> {
    if text.len() > options.max_bytes {
        let mut analysis = Analysis { skipped: true, ..Analysis::default() };
        if let Some(severity) = options.rules.severity("document-too-large") {
            analysis.findings.push(Finding {
                code: "document-too-large",
                severity,
                span: Span::new(0, text.chars().next().map_or(0, char::len_utf8)),
                message: format!(
                    "This document is {} bytes, larger than the {}-byte limit, so whosaid did not analyse it. Raise `max-file-size` in .whosaid.toml to check it.",
                    text.len(),
                    options.max_bytes
                ),
                related: Few::new(),
                fixes: Few::new(),
                quote: None,
                claim: None,
            });
        }
        return Some((analysis, None));
    }
    analyze_text(text, options, stop, reuse, keep)
}

/// Reporting verbs the user added in the configuration, with their regular inflections.
#[derive(Default)]
pub struct ExtraVerbs {
    forms: lexicon::FxMap<String, lexicon::Form>,
    /// Each form's base ("kvetched" → "kvetch"): the lemma of a cue it heads.
    bases: lexicon::FxMap<String, String>,
}

impl ExtraVerbs {
    pub fn new(list: &[String]) -> ExtraVerbs {
        let lx = lexicon::lexicon();
        let mut forms = lexicon::FxMap::default();
        let mut bases = lexicon::FxMap::default();
        for w in list {
            let w = w.trim().to_lowercase();
            if w.is_empty() || lx.verb(&w).is_some() {
                continue;
            }
            let [base, third, past, gerund] = lexicon::inflect(&w);
            for form in [&base, &third, &past, &gerund, &w] {
                bases.entry(form.clone()).or_insert_with(|| base.clone());
            }
            forms.insert(gerund, lexicon::Form::Gerund);
            forms.insert(base, lexicon::Form::Base);
            forms.insert(third, lexicon::Form::Third);
            forms.insert(past, lexicon::Form::Past);
            // An irregular form given as is ("spake") counts as a past tense.
            forms.entry(w).or_insert(lexicon::Form::Past);
        }
        ExtraVerbs { forms, bases }
    }

    /// The base form of a configured verb as written (`word`, any case), if it is one.
    pub fn lemma(&self, word: &str) -> Option<&str> {
        if self.bases.is_empty() {
            return None;
        }
        self.bases.get(&word.to_lowercase()).map(String::as_str)
    }

    /// No verbs configured (the usual case): `get` answers `None` for every token.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The configured verb at token `i`, reported as a neutral speech verb.
    #[inline]
    pub fn get(&self, doc: &text::Doc, i: usize) -> Option<(&'static lexicon::Verb, lexicon::Form)> {
        if self.forms.is_empty() {
            return None;
        }
        let mut buf = text::Scratch::new();
        let form = *self.forms.get(text::lower(doc.tokens[i].text(doc.text), &mut buf))?;
        lexicon::lexicon().verb("say").map(|(v, _)| (v, form))
    }
}

/// One analysis: the text read ([`text::Doc`]), quotations paired, sentences split, speech
/// attributed and unsourced claims found; then the speakers and quotes put in text order
/// ([`speakers_in_order`], [`quotes_in_order`]) and the findings collected.
fn analyze_text(text: &str, options: &Options, stop: &dyn Fn() -> bool, reuse: Option<&Reuse>, keep: bool) -> Option<(Analysis, Option<Reuse>)> {
    let doc = text::Doc::reusing(text, options.format, reuse);
    if stop() {
        return None;
    }
    let quotes = quotes::pair(&doc);
    let sentences = sentences::split(&doc, &quotes);
    if stop() {
        return None;
    }
    let extra = ExtraVerbs::new(&options.extra_reporting_verbs);
    let mut attr = attribution::attribute(&doc, &quotes, &sentences, &extra, &options.known_speakers, stop)?;
    let claims = claims::find(&doc, &quotes, &sentences, &attr);
    if stop() {
        return None;
    }
    let (speakers, speaker_id) = speakers_in_order(&mut attr.entities);
    let (quotes_out, quote_ids) = quotes_in_order(text, &mut attr.drafts, &speaker_id, &extra);
    let mut analysis = Analysis {
        speakers,
        quotes: quotes_out,
        claims,
        findings: Vec::new(),
        paragraphs: doc.paragraphs.iter().map(|p| p.span).collect(),
        sentences: sentences.iter().map(|s| s.span).collect(),
        skipped: false,
    };
    let input = findings::Input { doc: &doc, quotes: &quotes, drafts: &attr.drafts, quote_ids: &quote_ids, fragments: &attr.fragments, entities: &attr.entities, analysis: &analysis };
    analysis.findings = findings::collect(&input, options);
    let reuse = keep.then(|| doc.into_reuse());
    Some((analysis, reuse))
}

/// Speakers: the entities that speak, in order of first mention, with each entity's speaker id
/// (`usize::MAX` for those that do not speak). Entities are not needed after this: their strings
/// move into the speakers.
fn speakers_in_order(entities: &mut entities::Entities) -> (Vec<Speaker>, Vec<usize>) {
    let list = &mut entities.list;
    let mut order: Vec<usize> = (0..list.len()).filter(|&e| list[e].speaks).collect();
    order.sort_by_key(|&e| list[e].first_full.start);
    let mut speaker_id = vec![usize::MAX; list.len()];
    let speakers = order
        .iter()
        .enumerate()
        .map(|(id, &e)| {
            speaker_id[e] = id;
            let ent = &mut list[e];
            let mut mentions: Vec<Mention> = ent.mentions.iter().map(|(span, kind)| Mention { span: *span, kind: *kind }).collect();
            mentions.sort_by_key(|m| m.span.start);
            mentions.dedup_by_key(|m| m.span);
            Speaker {
                id,
                name: std::mem::take(&mut ent.name),
                short_name: std::mem::take(&mut ent.short_name),
                role: ent.role.take(),
                kind: ent.kind,
                mentions,
            }
        })
        .collect();
    (speakers, speaker_id)
}

/// Quotes in text order (a longer quote before one it encloses), with each draft's quote id.
/// Cues and parts are moved, not cloned: findings read them from the quote. A configured verb's
/// cue gets that verb's base form as its lemma.
fn quotes_in_order(text: &str, drafts: &mut [attribution::Draft], speaker_id: &[usize], extra: &ExtraVerbs) -> (Vec<Quote>, Vec<usize>) {
    let mut qorder: Vec<usize> = (0..drafts.len()).collect();
    qorder.sort_by_key(|&d| (drafts[d].span.start, std::cmp::Reverse(drafts[d].span.end)));
    let mut quote_ids = vec![0; drafts.len()];
    for (id, &d) in qorder.iter().enumerate() {
        quote_ids[d] = id;
    }
    let quotes = qorder
        .iter()
        .enumerate()
        .map(|(id, &d)| {
            let dr = &mut drafts[d];
            let speaker = dr.entity.map(|e| speaker_id[e]).filter(|&s| s != usize::MAX);
            let resolution = match std::mem::replace(&mut dr.resolution, Resolution::None) {
                Resolution::Adjacent { from_quote } => Resolution::Adjacent { from_quote: quote_ids[from_quote] },
                Resolution::SplitQuote { from_quote } => Resolution::SplitQuote { from_quote: quote_ids[from_quote] },
                other => other,
            };
            let mut cue = dr.cue.take();
            if let Some(c) = cue.as_mut().filter(|c| c.kind == CueKind::Verb && !extra.is_empty()) {
                if let Some(base) = extra.lemma(c.head.text(text)) {
                    c.lemma = std::borrow::Cow::Owned(base.to_string());
                }
            }
            Quote {
                id,
                kind: dr.kind,
                span: dr.span,
                parts: std::mem::take(&mut dr.parts),
                speaker,
                speaker_mention: if speaker.is_some() { dr.mention } else { None },
                cue,
                resolution,
                outer: dr.outer.map(|o| quote_ids[o]),
            }
        })
        .collect();
    (quotes, quote_ids)
}
