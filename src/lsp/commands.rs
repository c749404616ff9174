//! `workspace/executeCommand` commands the editor extensions call.
//!
//! `whosaid.sources`, arguments `[uri]`, returns what the `whosaid/sources` request does (see
//! `lsp::sources`), for clients that can only run commands.
//!
//! Two commands save a setting in the workspace's `.whosaid.toml` (see `config::edit` for how the
//! file is kept safe); the server offers them as code actions:
//! - `whosaid.addKnownSpeaker`, arguments `[{"name", "role"?}]` (or `["name", "role"?]`);
//! - `whosaid.disableRule`, arguments `[{"rule"}]` (or `["rule"]`), a rule code or group.
//!
//! Either returns `{"written": bool, "file", "message"}`, or an error (also shown to the user)
//! when nothing could be written.

use crate::analysis::rules;
use crate::config::edit::Change;
use serde_json::Value;

pub const SOURCES: &str = "whosaid.sources";
pub const ADD_KNOWN_SPEAKER: &str = "whosaid.addKnownSpeaker";
pub const DISABLE_RULE: &str = "whosaid.disableRule";

pub const ALL: &[&str] = &[SOURCES, ADD_KNOWN_SPEAKER, DISABLE_RULE];

/// Longest name or role accepted; anything longer is not a person's name.
const MAX_LEN: usize = 200;

fn text_field(v: Option<&Value>, what: &str) -> Result<Option<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let s = s.trim();
            if s.chars().count() > MAX_LEN || s.chars().any(char::is_control) {
                return Err(format!("the {what} must be one line of at most {MAX_LEN} characters"));
            }
            Ok((!s.is_empty()).then(|| s.to_string()))
        }
        Some(_) => Err(format!("the {what} must be a string")),
    }
}

/// The setting a configuration command asks to save, read from its arguments.
pub fn config_change(command: &str, args: &[Value]) -> Result<Change, String> {
    let first = args.first();
    let field = |key: &str, index: usize| match first {
        Some(Value::Object(o)) => o.get(key),
        _ => args.get(index),
    };
    match command {
        ADD_KNOWN_SPEAKER => {
            let name = text_field(field("name", 0), "speaker's name")?
                .ok_or_else(|| format!("{ADD_KNOWN_SPEAKER}: expected [{{\"name\": ..., \"role\": ...}}]"))?;
            let role = text_field(field("role", 1), "role")?;
            Ok(Change::AddSpeaker { name, role })
        }
        DISABLE_RULE => {
            let rule = text_field(field("rule", 0), "rule")?
                .ok_or_else(|| format!("{DISABLE_RULE}: expected [{{\"rule\": \"rule-code\"}}]"))?;
            if rule == "all" || !rules::is_known_name(&rule) {
                let codes: Vec<&str> = rules::RULES.iter().map(|r| r.code).collect();
                return Err(format!("{DISABLE_RULE}: unknown rule `{rule}`; known rules: {}", codes.join(", ")));
            }
            Ok(Change::DisableRule { rule })
        }
        other => Err(format!("`{other}` does not change the configuration")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn configuration_command_arguments() {
        let dana = Change::AddSpeaker { name: "Dana Whitfield".into(), role: Some("fire chief".into()) };
        assert_eq!(config_change(ADD_KNOWN_SPEAKER, &[json!({"name": " Dana Whitfield ", "role": "fire chief"})]), Ok(dana.clone()));
        assert_eq!(config_change(ADD_KNOWN_SPEAKER, &[json!("Dana Whitfield"), json!("fire chief")]), Ok(dana));
        assert_eq!(
            config_change(ADD_KNOWN_SPEAKER, &[json!({"name": "Ana Ruiz", "role": null})]),
            Ok(Change::AddSpeaker { name: "Ana Ruiz".into(), role: None })
        );
        for bad in [json!([]), json!([{"name": ""}]), json!([{"name": 3}]), json!([{"name": "Ana\nRuiz"}]), json!(["x".repeat(300)])] {
            assert!(config_change(ADD_KNOWN_SPEAKER, bad.as_array().unwrap()).is_err(), "{bad}");
        }
        assert_eq!(config_change(DISABLE_RULE, &[json!({"rule": "loaded-verb"})]), Ok(Change::DisableRule { rule: "loaded-verb".into() }));
        assert_eq!(config_change(DISABLE_RULE, &[json!("unsourced-claim")]), Ok(Change::DisableRule { rule: "unsourced-claim".into() }));
        for bad in ["all", "no-such-rule", ""] {
            assert!(config_change(DISABLE_RULE, &[json!(bad)]).is_err(), "{bad}");
        }
    }
}
