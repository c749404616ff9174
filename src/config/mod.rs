//! Configuration: `.whosaid.toml` at a project's root and the editor's settings, both read into
//! one [`Config`]. The command line and the server share this, so a newsroom's rules apply alike in
//! every editor and in CI.
//!
//! ```toml
//! # .whosaid.toml
//! inlay-hints = true
//! sources-lens = true              # the "5 sources · 2 women, …" line at the top of an article
//! max-file-size = 5000000          # bytes
//! reporting-verbs = ["quipped", "tweeted"]
//! rules-url = "https://desk.example.org/whosaid/rules.html"  # your copy of docs/rules.md
//!
//! [rules]
//! loaded-verb = "off"              # off | on | error | warning | information | hint
//! unsourced-claim = "information"  # a group: agentless-passive, weasel-attribution, ...
//!
//! [speakers]
//! "Dana Whitfield" = "county fire chief"
//! "Ana Ruiz" = { role = "mayor", gender = "woman" }   # gender: woman, man or non-binary
//! ```
//!
//! Editor settings (LSP `initializationOptions`, `workspace/configuration` section `whosaid`)
//! take the same keys in JSON, with camelCase accepted too (`inlayHints`, `sourcesLens`,
//! `reportingVerbs`, `maxFileSize`, `rulesUrl`) and `speakers` either a table or a list of `{name, role, gender}`.
//!
//! [`edit`] writes the two settings the server offers to save (a known speaker, a rule turned off).

use crate::analysis::{rules, Gender, KnownSpeaker, Options, RuleSetting};
use std::path::{Path, PathBuf};

pub mod edit;

pub const PROJECT_FILE: &str = ".whosaid.toml";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub options: Options,
    pub inlay_hints: bool,
    /// The code lens that sums up an article's sources at its top.
    pub sources_lens: bool,
    /// Where a newsroom hosts its copy of docs/rules.md; diagnostics link to `URL#rule-CODE`.
    /// None (the default): diagnostics carry no link, since whosaid has no web address of its own.
    pub rules_url: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config { options: Options::default(), inlay_hints: true, sources_lens: true, rules_url: None }
    }
}

/// A configuration problem, worded for the person who wrote the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The documentation link for a rule code, when `rules-url` is set.
    pub fn rule_link(&self, code: &str) -> Option<String> {
        self.rules_url.as_ref().map(|base| format!("{base}#rule-{code}"))
    }

    /// Parse `.whosaid.toml` text and apply it on top of `self`.
    pub fn apply_toml(&mut self, text: &str) -> Result<(), ConfigError> {
        let value: toml::Value = text
            .parse::<toml::Table>()
            .map(toml::Value::Table)
            .map_err(|e| ConfigError(format!("{PROJECT_FILE} is not valid TOML: {}", e.message())))?;
        let json = serde_json::to_value(&value)
            .map_err(|e| ConfigError(format!("{PROJECT_FILE}: {e}")))?;
        self.apply_json(&json)
    }

    /// Apply editor settings (a JSON object) on top of `self`. On error `self` is unchanged.
    pub fn apply_json(&mut self, value: &serde_json::Value) -> Result<(), ConfigError> {
        let mut next = self.clone();
        next.apply_json_inner(value)?;
        *self = next;
        Ok(())
    }

    fn apply_json_inner(&mut self, value: &serde_json::Value) -> Result<(), ConfigError> {
        use serde_json::Value;
        let obj = match value {
            Value::Null => return Ok(()),
            Value::Object(o) => o,
            _ => return Err(ConfigError("whosaid settings must be an object (a table)".into())),
        };
        // Editors may nest everything under "whosaid".
        if let Some(inner @ Value::Object(_)) = obj.get("whosaid") {
            return self.apply_json_inner(inner);
        }
        for (key, v) in obj {
            match key.as_str() {
                "inlay-hints" | "inlayHints" => {
                    self.inlay_hints = match v {
                        Value::Bool(b) => *b,
                        Value::Object(o) => o.get("enabled").and_then(Value::as_bool).unwrap_or(true),
                        _ => return Err(ConfigError(format!("`{key}` must be true or false"))),
                    }
                }
                "sources-lens" | "sourcesLens" => {
                    self.sources_lens = v.as_bool().ok_or_else(|| ConfigError(format!("`{key}` must be true or false")))?
                }
                "max-file-size" | "maxFileSize" => {
                    self.options.max_bytes = v
                        .as_u64()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| ConfigError(format!("`{key}` must be a positive number of bytes")))?
                        as usize
                }
                "reporting-verbs" | "reportingVerbs" => {
                    let list = v
                        .as_array()
                        .ok_or_else(|| ConfigError(format!("`{key}` must be a list of words")))?;
                    let mut verbs = Vec::new();
                    for item in list {
                        let word = item
                            .as_str()
                            .filter(|w| !w.trim().is_empty())
                            .ok_or_else(|| ConfigError(format!("`{key}` must be a list of words")))?;
                        verbs.push(word.trim().to_lowercase());
                    }
                    self.options.extra_reporting_verbs = verbs;
                }
                "rules" => {
                    let table = v
                        .as_object()
                        .ok_or_else(|| ConfigError("`rules` must be a table of rule = setting".into()))?;
                    for (name, setting) in table {
                        if !rules::is_known_name(name) {
                            let codes: Vec<&str> = rules::RULES.iter().map(|r| r.code).collect();
                            return Err(ConfigError(format!(
                                "unknown rule `{name}` in `rules`; known rules: {}",
                                codes.join(", ")
                            )));
                        }
                        let parsed = match setting {
                            Value::Bool(true) => Some(RuleSetting::On),
                            Value::Bool(false) => Some(RuleSetting::Off),
                            Value::String(s) => RuleSetting::parse(s),
                            Value::Object(o) => match (o.get("enabled"), o.get("severity")) {
                                (Some(Value::Bool(false)), _) => Some(RuleSetting::Off),
                                (_, Some(Value::String(s))) => RuleSetting::parse(s),
                                (Some(Value::Bool(true)), None) => Some(RuleSetting::On),
                                _ => None,
                            },
                            _ => None,
                        };
                        let parsed = parsed.ok_or_else(|| {
                            ConfigError(format!(
                                "rule `{name}`: expected off, on, error, warning, information or hint"
                            ))
                        })?;
                        self.options.rules.0.insert(name.clone(), parsed);
                    }
                }
                "rules-url" | "rulesUrl" => self.rules_url = parse_rules_url(key, v)?,
                "speakers" | "knownSpeakers" | "known-speakers" => {
                    self.options.known_speakers = parse_speakers(key, v)?;
                }
                // Settings that belong to an editor extension, not to the analysis.
                "server" | "trace" => {}
                other => {
                    return Err(ConfigError(format!(
                        "unknown setting `{other}`; known settings: rules, speakers, reporting-verbs, inlay-hints, sources-lens, max-file-size, rules-url"
                    )))
                }
            }
        }
        Ok(())
    }
}

/// `rules-url`: an http(s) or file address, without a `#fragment` (whosaid adds `#rule-CODE`).
/// An empty string means no link (an editor setting can so undo the project file's).
fn parse_rules_url(key: &str, v: &serde_json::Value) -> Result<Option<String>, ConfigError> {
    let bad = || {
        ConfigError(format!(
            "`{key}` must be the address of your copy of docs/rules.md, starting with https://, http:// or file://"
        ))
    };
    let url = v.as_str().ok_or_else(bad)?.trim();
    if url.is_empty() {
        return Ok(None);
    }
    let base = url.split('#').next().unwrap_or_default();
    let rest = ["https://", "http://", "file://"].iter().find_map(|scheme| base.strip_prefix(scheme)).ok_or_else(bad)?;
    if rest.is_empty() || base.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>') {
        return Err(bad());
    }
    Ok(Some(base.to_string()))
}

fn parse_speakers(key: &str, v: &serde_json::Value) -> Result<Vec<KnownSpeaker>, ConfigError> {
    use serde_json::Value;
    let bad = || ConfigError(format!("`{key}` must map names to roles (or to {{ role, gender }}), or list {{ name, role, gender }} entries"));
    let mut out = Vec::new();
    match v {
        Value::Object(map) => {
            for (name, entry) in map {
                let (role, gender) = match entry {
                    Value::String(r) => (Some(r.clone()), None),
                    Value::Null => (None, None),
                    Value::Object(o) => speaker_details(key, name, o, false)?,
                    _ => return Err(bad()),
                };
                out.push(known_speaker(name, role, gender));
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(name) => out.push(known_speaker(name, None, None)),
                    Value::Object(o) => {
                        let name = o.get("name").and_then(Value::as_str).ok_or_else(bad)?;
                        let (role, gender) = speaker_details(key, name, o, true)?;
                        out.push(known_speaker(name, role, gender));
                    }
                    _ => return Err(bad()),
                }
            }
        }
        _ => return Err(bad()),
    }
    out.retain(|s| !s.name.is_empty());
    Ok(out)
}

fn known_speaker(name: &str, role: Option<String>, gender: Option<Gender>) -> KnownSpeaker {
    let role = role.map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
    KnownSpeaker { name: name.trim().to_string(), role, gender }
}

/// `{ role = "mayor", gender = "woman" }` for one known speaker (with `name` when listed).
fn speaker_details(
    key: &str,
    name: &str,
    o: &serde_json::Map<String, serde_json::Value>,
    listed: bool,
) -> Result<(Option<String>, Option<Gender>), ConfigError> {
    use serde_json::Value;
    let mut role = None;
    let mut gender = None;
    for (field, value) in o {
        match (field.as_str(), value) {
            ("name", _) if listed => {}
            ("role", Value::String(r)) => role = Some(r.clone()),
            ("role", Value::Null) => {}
            ("gender", Value::String(g)) if g.trim().is_empty() => {}
            ("gender", Value::String(g)) => {
                gender = Some(Gender::parse(g).ok_or_else(|| {
                    ConfigError(format!("`{key}`: gender `{g}` for ‘{name}’ is not one whosaid knows; use woman, man or non-binary (or leave it out)"))
                })?)
            }
            ("role" | "gender", _) => return Err(ConfigError(format!("`{key}`: `{field}` for ‘{name}’ must be text"))),
            (other, _) => {
                return Err(ConfigError(format!("`{key}`: unknown field `{other}` for ‘{name}’; a speaker may have a role and a gender")))
            }
        }
    }
    Ok((role, gender))
}

/// The nearest `.whosaid.toml` at or above `start` (a file or a directory).
pub fn find_project_file(start: &Path) -> Option<PathBuf> {
    let mut dir = if start.is_dir() { Some(start) } else { start.parent() };
    while let Some(d) = dir {
        let candidate = d.join(PROJECT_FILE);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// Read a project file into a fresh config.
pub fn load_project_file(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("cannot read {}: {e}", path.display())))?;
    let mut config = Config::default();
    config
        .apply_toml(&text)
        .map_err(|e| ConfigError(format!("{}: {}", path.display(), e.0.trim_start_matches(".whosaid.toml: "))))?;
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Severity;

    #[test]
    fn toml_project_file() {
        let mut c = Config::default();
        c.apply_toml(
            "inlay-hints = false\nsources-lens = false\nreporting-verbs = [\"Quipped\"]\n[rules]\nloaded-verb = \"off\"\nunsourced-claim = \"info\"\n[speakers]\n\"Dana Whitfield\" = \"fire chief\"\n",
        )
        .unwrap();
        assert!(!c.inlay_hints);
        assert!(!c.sources_lens);
        assert_eq!(c.options.extra_reporting_verbs, vec!["quipped"]);
        assert_eq!(c.options.rules.severity("loaded-verb"), None);
        assert_eq!(c.options.rules.severity("weasel-attribution"), Some(Severity::Information));
        assert_eq!(c.options.known_speakers[0].role.as_deref(), Some("fire chief"));
    }

    #[test]
    fn json_settings_camel_case_and_nested() {
        let mut c = Config::default();
        let v = serde_json::json!({"whosaid": {"inlayHints": false, "sourcesLens": false, "rules": {"doubt-word": {"severity": "error"}},
            "speakers": [{"name": "Ana Ruiz", "role": "mayor"}]}});
        c.apply_json(&v).unwrap();
        assert!(!c.inlay_hints);
        assert!(!c.sources_lens);
        assert!(c.apply_json(&serde_json::json!({"sourcesLens": "no"})).is_err());
        assert_eq!(c.options.rules.severity("doubt-word"), Some(Severity::Error));
        assert_eq!(c.options.known_speakers[0].name, "Ana Ruiz");
    }

    #[test]
    fn speakers_may_carry_a_gender() {
        use crate::analysis::Gender;
        let mut c = Config::default();
        c.apply_toml(
            "[speakers]\n\"Dana Whitfield\" = \"fire chief\"\n\"Ana Ruiz\" = { role = \"mayor\", gender = \"woman\" }\n\"Rowan Vale\" = { gender = \"non-binary\" }\n\"Tomas Berg\" = { role = \"\" , gender = \"Male\" }\n",
        )
        .unwrap();
        let got: Vec<(&str, Option<&str>, Option<Gender>)> =
            c.options.known_speakers.iter().map(|k| (k.name.as_str(), k.role.as_deref(), k.gender)).collect();
        assert_eq!(
            got,
            vec![
                ("Ana Ruiz", Some("mayor"), Some(Gender::Woman)),
                ("Dana Whitfield", Some("fire chief"), None),
                ("Rowan Vale", None, Some(Gender::NonBinary)),
                ("Tomas Berg", None, Some(Gender::Man)),
            ]
        );
        let v = serde_json::json!({"speakers": [{"name": "Ana Ruiz", "role": "mayor", "gender": "female"}, "Tomas Berg"]});
        c.apply_json(&v).unwrap();
        assert_eq!(c.options.known_speakers[0].gender, Some(Gender::Woman));
        assert_eq!(c.options.known_speakers[1].gender, None);
        for (bad, says) in [
            ("[speakers]\n\"Ana Ruiz\" = { gender = \"w0man\" }\n", "use woman, man or non-binary"),
            ("[speakers]\n\"Ana Ruiz\" = { role = \"mayor\", age = 40 }\n", "unknown field `age`"),
            ("[speakers]\n\"Ana Ruiz\" = { gender = 1 }\n", "must be text"),
        ] {
            let err = Config::default().apply_toml(bad).unwrap_err();
            assert!(err.0.contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn rules_url_links_to_the_rule_anchor() {
        let mut c = Config::default();
        assert_eq!(c.rule_link("loaded-verb"), None, "no link unless a newsroom hosts the rules");
        c.apply_toml("rules-url = \"https://desk.example.org/whosaid/rules.html#top\"\n").unwrap();
        assert_eq!(c.rule_link("loaded-verb").as_deref(), Some("https://desk.example.org/whosaid/rules.html#rule-loaded-verb"));
        c.apply_json(&serde_json::json!({"rulesUrl": "file:///srv/desk/rules.md"})).unwrap();
        assert_eq!(c.rule_link("doubt-word").as_deref(), Some("file:///srv/desk/rules.md#rule-doubt-word"));
        c.apply_json(&serde_json::json!({"rulesUrl": ""})).unwrap();
        assert_eq!(c.rules_url, None);
    }

    #[test]
    fn errors_leave_config_unchanged() {
        let mut c = Config::default();
        let before = c.clone();
        for bad in [
            serde_json::json!({"rules": {"no-such-rule": "off"}}),
            serde_json::json!({"rules": {"loaded-verb": "loud"}}),
            serde_json::json!({"inlayHints": "yes", "rules": {"loaded-verb": "off"}}),
            serde_json::json!({"maxFileSize": -3}),
            serde_json::json!({"rulesUrl": "docs/rules.md"}),
            serde_json::json!({"rules-url": "https://desk example.org/rules"}),
            serde_json::json!({"rules-url": 3}),
            serde_json::json!([1, 2]),
        ] {
            let err = c.apply_json(&bad).unwrap_err();
            assert!(!err.0.is_empty());
            assert_eq!(c, before, "{bad}");
        }
        assert!(c.apply_toml("rules = [").unwrap_err().0.contains("not valid TOML"));
    }
}
