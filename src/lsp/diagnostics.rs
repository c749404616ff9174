//! Findings → LSP diagnostics.

use super::documents::Snapshot;
use crate::analysis::{Finding, Severity};
use crate::analysis::RULES;
use crate::config::Config;
use std::collections::HashMap;
use std::str::FromStr;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position,
    Range, Uri,
};

pub const SOURCE: &str = "whosaid";

/// Links from rule codes to their documentation: `rules-url#rule-CODE` for every rule when a
/// newsroom set `rules-url`, else none at all. whosaid has no web address of its own, and a
/// diagnostic must never link to a page that does not exist.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RuleLinks(HashMap<&'static str, Uri>);

impl RuleLinks {
    /// Parsed once per configuration: diagnostics are built on every keystroke.
    pub fn new(config: &Config) -> RuleLinks {
        RuleLinks(
            RULES
                .iter()
                .filter_map(|r| Some((r.code, Uri::from_str(&config.rule_link(r.code)?).ok()?)))
                .collect(),
        )
    }

    pub fn get(&self, code: &str) -> Option<&Uri> {
        self.0.get(code)
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(s: &Snapshot, f: &Finding, links: &RuleLinks) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location { uri: s.uri.clone(), range: s.range(r.span) },
            message: r.message.clone(),
        })
        .collect();
    Diagnostic {
        range: s.range(f.span),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.to_string())),
        code_description: links.get(f.code).map(|href| CodeDescription { href: href.clone() }),
        source: Some(SOURCE.to_string()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn diagnostics(s: &Snapshot, links: &RuleLinks) -> Vec<Diagnostic> {
    s.analysis.findings.iter().map(|f| diagnostic(s, f, links)).collect()
}

/// Code of the diagnostic shown when analysing a document failed inside whosaid.
pub const INTERNAL_ERROR: &str = "internal-error";

/// The one diagnostic a document gets when its analysis failed: at the top, saying the text is safe.
pub fn internal_error(detail: &str) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(INTERNAL_ERROR.to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message: format!(
            "whosaid could not analyse this document because of an internal error ({detail}). Your text is unchanged; other documents are still checked. Please report this with the text that caused it."
        ),
        related_information: None,
        tags: None,
        data: None,
    }
}
