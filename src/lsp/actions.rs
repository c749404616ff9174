//! Code actions: the engine's fixes as text edits, "suppress this rule on this line", and two
//! that save a setting in `.whosaid.toml` through a command (the only way whosaid writes a file).

use super::commands;
use super::diagnostics::{diagnostic, RuleLinks};
use super::documents::Snapshot;
use crate::analysis::{rules, suppress, SpeakerKind, Span};
use crate::config::PROJECT_FILE;
use serde_json::json;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Command, TextEdit, WorkspaceEdit};

/// What decides whether the configuration actions are offered.
#[derive(Clone, Debug, Default)]
pub struct ConfigContext {
    /// A workspace folder is open, so there is a `.whosaid.toml` to write.
    pub writable: bool,
    /// Speakers already known from any settings layer, lowercased.
    pub known_speakers: Vec<String>,
    /// For the diagnostics the actions carry, the same as the ones published.
    pub links: Arc<RuleLinks>,
}

fn edit(s: &Snapshot, edits: &[(Span, String)]) -> WorkspaceEdit {
    let text_edits = edits
        .iter()
        .map(|(span, new_text)| TextEdit { range: s.range(*span), new_text: new_text.clone() })
        .collect();
    WorkspaceEdit { changes: Some(HashMap::from([(s.uri.clone(), text_edits)])), ..WorkspaceEdit::default() }
}

/// Actions for every finding that touches `range` (a cursor is an empty range), then for the
/// speakers mentioned or quoted there.
pub fn code_actions(s: &Snapshot, range: Span, config: &ConfigContext) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let touches = |span: Span| span.start <= range.end && range.start <= span.end;
    let mut rules_offered = BTreeSet::new();
    for f in s.analysis.findings.iter().filter(|f| touches(f.span)) {
        let diag = diagnostic(s, f, &config.links);
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
        if config.writable && rules::rule(f.code).is_some() && rules_offered.insert(f.code) {
            let title = format!("Turn off ‘{}’ for this workspace ({PROJECT_FILE})", f.code);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic(s, f, &config.links)]),
                command: Some(Command {
                    title,
                    command: commands::DISABLE_RULE.to_string(),
                    arguments: Some(vec![json!({"rule": f.code})]),
                }),
                is_preferred: Some(false),
                ..CodeAction::default()
            }));
        }
    }
    if config.writable {
        out.extend(speaker_actions(s, range, config));
    }
    out
}

/// "Add ‘Dana Whitfield’ (fire chief) to known speakers" for each named person or organisation
/// mentioned in `range` or speaking a quote there, unless already known.
fn speaker_actions(s: &Snapshot, range: Span, config: &ConfigContext) -> Vec<CodeActionOrCommand> {
    let a = &s.analysis;
    let touches = |span: Span| span.start <= range.end && range.start <= span.end;
    let mut ids = BTreeSet::new();
    for sp in &a.speakers {
        if sp.mentions.iter().any(|m| touches(m.span)) {
            ids.insert(sp.id);
        }
    }
    for q in a.quotes.iter().filter(|q| touches(q.span)) {
        ids.extend(q.speaker);
    }
    ids.into_iter()
        .filter_map(|id| a.speakers.get(id))
        .filter(|sp| matches!(sp.kind, SpeakerKind::Person | SpeakerKind::Organization))
        .filter(|sp| !sp.name.trim().is_empty() && !config.known_speakers.contains(&sp.name.trim().to_lowercase()))
        .map(|sp| {
            let role = sp.role.as_deref().map(str::trim).filter(|r| !r.is_empty());
            let who = match role {
                Some(r) => format!("‘{}’ ({r})", sp.name),
                None => format!("‘{}’", sp.name),
            };
            let title = format!("Add {who} to known speakers in {PROJECT_FILE}");
            CodeActionOrCommand::CodeAction(CodeAction {
                title: title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                command: Some(Command {
                    title,
                    command: commands::ADD_KNOWN_SPEAKER.to_string(),
                    arguments: Some(vec![json!({"name": sp.name, "role": role})]),
                }),
                is_preferred: Some(false),
                ..CodeAction::default()
            })
        })
        .collect()
}
