//! The engine: article text in, one [`Analysis`] out. No LSP types, no I/O.
//!
//! Pipeline (each stage a module, each reads the previous stages' output):
//! `text` (prose regions, paragraphs, sentences, tokens) → `quotes` (quotation marks into
//! quotations) → `cues` (reporting verbs, "according to") → `speakers` (mentions and entities,
//! coreference) → `attribution` (direct and reported speech to speakers) → `claims` (unsourced
//! claims) → `findings` (rules, severities, suppression comments).

pub mod lexicon;
pub mod model;
pub mod quotes;
pub mod rules;
pub mod suppress;
pub mod text;

pub use model::*;
pub use rules::{RuleSetting, RuleSettings, RULES};

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownSpeaker {
    pub name: String,
    pub role: Option<String>,
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

/// Analyse one article.
pub fn analyze(text: &str, options: &Options) -> Analysis {
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
                related: Vec::new(),
                fixes: Vec::new(),
                quote: None,
                claim: None,
            });
        }
        return analysis;
    }
    Analysis::default()
}
