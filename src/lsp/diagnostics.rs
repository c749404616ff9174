//! Findings → LSP diagnostics.

use super::documents::Snapshot;
use crate::analysis::{Finding, Severity};
use crate::analysis::RULES;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::OnceLock;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position,
    Range, Uri,
};

/// Every rule has a section in the README with this anchor prefix followed by its code.
pub const RULE_DOCS_BASE: &str = "https://github.com/whosaid/whosaid#rule-";

pub const SOURCE: &str = "whosaid";

/// The README link for a rule (parsed once per rule: diagnostics are built on every keystroke).
pub fn rule_docs(code: &str) -> Option<Uri> {
    static LINKS: OnceLock<HashMap<&'static str, Uri>> = OnceLock::new();
    let links = LINKS.get_or_init(|| {
        RULES.iter().filter_map(|r| Some((r.code, Uri::from_str(&format!("{RULE_DOCS_BASE}{}", r.code)).ok()?))).collect()
    });
    match links.get(code) {
        Some(uri) => Some(uri.clone()),
        None => Uri::from_str(&format!("{RULE_DOCS_BASE}{code}")).ok(),
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

pub fn diagnostic(s: &Snapshot, f: &Finding) -> Diagnostic {
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
        code_description: rule_docs(f.code).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn diagnostics(s: &Snapshot) -> Vec<Diagnostic> {
    s.analysis.findings.iter().map(|f| diagnostic(s, f)).collect()
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
