//! Code actions: the engine's fixes as text edits, and "suppress this rule on this line".

use super::diagnostics::diagnostic;
use super::documents::Snapshot;
use crate::analysis::{suppress, Span};
use std::collections::HashMap;
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, WorkspaceEdit};

fn edit(s: &Snapshot, edits: &[(Span, String)]) -> WorkspaceEdit {
    let text_edits = edits
        .iter()
        .map(|(span, new_text)| TextEdit { range: s.range(*span), new_text: new_text.clone() })
        .collect();
    WorkspaceEdit { changes: Some(HashMap::from([(s.uri.clone(), text_edits)])), ..WorkspaceEdit::default() }
}

/// Actions for every finding that touches `range` (a cursor is an empty range).
pub fn code_actions(s: &Snapshot, range: Span) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let touches = |span: Span| span.start <= range.end && range.start <= span.end;
    for f in s.analysis.findings.iter().filter(|f| touches(f.span)) {
        let diag = diagnostic(s, f);
        for (i, fix) in f.fixes.iter().enumerate() {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag.clone()]),
                edit: Some(edit(s, &fix.edits)),
                is_preferred: Some(i == 0),
                ..CodeAction::default()
            }));
        }
        let (at, text) = suppress::suppression_edit(&s.text, f, s.format);
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Suppress {} on this line", f.code),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diag]),
            edit: Some(edit(s, &[(at, text)])),
            is_preferred: Some(false),
            ..CodeAction::default()
        }));
    }
    out
}
