//! Configuration layers: defaults < `.whosaid.toml` at the workspace root < editor settings
//! (`initializationOptions`, then `workspace/configuration` or `didChangeConfiguration`).
//! A layer that fails to parse is refused as a whole and the previous configuration stays.

use super::diagnostics::RuleLinks;
use crate::config::edit::{self, Change, OnDisk, Outcome, Refusal};
use crate::config::{Config, ConfigError, PROJECT_FILE};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Default)]
pub struct Layers {
    pub root: Option<PathBuf>,
    /// Text of the project file last read successfully.
    pub project: Option<String>,
    /// Exactly what the project file held when last read, valid or not (`None`: never read). A
    /// command writes the file only while it still holds this.
    pub on_disk: Option<OnDisk>,
    pub init_options: Option<Value>,
    pub editor: Option<Value>,
    pub effective: Config,
    /// Documentation links for the configuration in force (none unless `rules-url` is set).
    pub links: Arc<RuleLinks>,
    /// Bumped on every change, so analyses made under an older configuration are not published.
    pub generation: u64,
    /// Problems found before the client can be told (during `initialize`).
    pub init_problems: Vec<String>,
}

impl Layers {
    fn build(project: Option<&str>, init: Option<&Value>, editor: Option<&Value>) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        if let Some(text) = project {
            config.apply_toml(text)?;
        }
        if let Some(v) = init {
            config
                .apply_json(v)
                .map_err(|e| ConfigError(format!("initializationOptions: {e}")))?;
        }
        if let Some(v) = editor {
            config
                .apply_json(v)
                .map_err(|e| ConfigError(format!("editor settings for whosaid: {e}")))?;
        }
        Ok(config)
    }

    /// Install `config`; true when it differs from the one in force.
    fn commit(&mut self, config: Config) -> bool {
        let changed = config != self.effective;
        if changed {
            if config.rules_url != self.effective.rules_url {
                self.links = Arc::new(RuleLinks::new(&config));
            }
            self.effective = config;
            self.generation += 1;
        }
        changed
    }

    pub fn project_path(&self) -> Option<PathBuf> {
        self.root.as_ref().map(|r| r.join(PROJECT_FILE))
    }

    /// Re-read `.whosaid.toml` (a missing file is no error: defaults apply).
    pub fn reload_project(&mut self) -> Result<bool, ConfigError> {
        let Some(path) = self.project_path() else { return Ok(false) };
        let read = OnDisk::read(&path);
        self.on_disk = read.as_ref().ok().cloned();
        let text = match read {
            Ok(OnDisk::Bytes(bytes)) => Some(
                String::from_utf8(bytes)
                    .map_err(|_| ConfigError(format!("{} is not UTF-8 text", path.display())))?,
            ),
            Ok(OnDisk::Missing) => None,
            Err(e) => return Err(ConfigError(format!("cannot read {}: {e}", path.display()))),
        };
        let config = Self::build(text.as_deref(), self.init_options.as_ref(), self.editor.as_ref())
            .map_err(|e| located(&path, e))?;
        self.project = text;
        Ok(self.commit(config))
    }

    /// Save `change` in the project file, then read it back as a watched-file change would (the
    /// caller sees a new `generation` when the configuration in force changed). A file found
    /// changed on disk is re-read, so trying again works on what is there now.
    pub fn write_project(&mut self, change: &Change) -> Result<(Outcome, PathBuf), Refusal> {
        let path = self.project_path().ok_or_else(Refusal::no_workspace)?;
        let result = match &self.on_disk {
            Some(seen) => edit::write(&path, seen, change),
            // Never read (unreadable when last tried): nothing to compare with, so it counts as changed.
            None => Err(edit::Refusal::changed(&path.display().to_string())),
        };
        match result {
            Ok(Outcome::Written) => {
                self.reload_project().map_err(|e| Refusal {
                    kind: edit::Refused::InvalidConfig,
                    message: format!("{}: saved, but reading it back failed: {e}", path.display()),
                })?;
                Ok((Outcome::Written, path))
            }
            Ok(Outcome::Unchanged) => Ok((Outcome::Unchanged, path)),
            Err(refusal) => {
                if refusal.kind == edit::Refused::ChangedOnDisk {
                    let _ = self.reload_project();
                }
                Err(refusal)
            }
        }
    }

    pub fn set_init_options(&mut self, value: Value) -> Result<bool, ConfigError> {
        let value = (!value.is_null()).then_some(value);
        let config = Self::build(self.project.as_deref(), value.as_ref(), self.editor.as_ref())?;
        self.init_options = value;
        Ok(self.commit(config))
    }

    pub fn set_editor(&mut self, value: Value) -> Result<bool, ConfigError> {
        let value = (!value.is_null()).then_some(value);
        let config = Self::build(self.project.as_deref(), self.init_options.as_ref(), value.as_ref())?;
        self.editor = value;
        Ok(self.commit(config))
    }
}

fn located(path: &Path, e: ConfigError) -> ConfigError {
    if e.0.starts_with(PROJECT_FILE) {
        ConfigError(format!("{}{}", path.display(), e.0.trim_start_matches(PROJECT_FILE)))
    } else {
        ConfigError(format!("{}: {}", path.display(), e.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Severity;
    use serde_json::json;

    #[test]
    fn editor_beats_project_beats_defaults() {
        let dir = std::env::temp_dir().join(format!("whosaid-layers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(PROJECT_FILE), "inlay-hints = false\n[rules]\nloaded-verb = \"error\"\ndoubt-word = \"off\"\n").unwrap();
        let mut layers = Layers { root: Some(dir.clone()), ..Layers::default() };
        assert!(layers.reload_project().unwrap());
        assert!(!layers.effective.inlay_hints);
        assert_eq!(layers.effective.options.rules.severity("loaded-verb"), Some(Severity::Error));
        layers.set_editor(json!({"whosaid": {"rules": {"loaded-verb": "hint"}}})).unwrap();
        assert_eq!(layers.effective.options.rules.severity("loaded-verb"), Some(Severity::Hint));
        assert_eq!(layers.effective.options.rules.severity("doubt-word"), None);

        // A broken project file is refused; the configuration in force stays.
        let before = layers.effective.clone();
        std::fs::write(dir.join(PROJECT_FILE), "[rules\n").unwrap();
        let err = layers.reload_project().unwrap_err();
        assert!(err.0.contains(".whosaid.toml"), "{err}");
        assert_eq!(layers.effective, before);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn bad_editor_settings_keep_previous() {
        let mut layers = Layers::default();
        layers.set_editor(json!({"inlayHints": false})).unwrap();
        let before = layers.effective.clone();
        let err = layers.set_editor(json!({"rules": {"no-such-rule": "off"}})).unwrap_err();
        assert!(err.0.contains("no-such-rule"));
        assert_eq!(layers.effective, before);
        assert_eq!(layers.editor, Some(json!({"inlayHints": false})));
    }
}
