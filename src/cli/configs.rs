//! Which `.whosaid.toml` applies to each article of `check` and `report`: one given with
//! `--config`, none (`--no-config`), or the nearest one above each article, each loaded once.

use crate::config::{self, Config};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub enum ConfigChoice {
    Nearest,
    Fixed(PathBuf),
    None,
}

/// Configurations by the file they come from, loaded once each; articles refer to them by index.
pub struct Configs {
    choice: ConfigChoice,
    pub loaded: Vec<Config>,
    by_file: HashMap<Option<PathBuf>, Result<usize, String>>,
}

impl Configs {
    /// The configurations for `choice`; a `--config` file that cannot be read is an error here.
    pub fn new(choice: ConfigChoice) -> Result<Configs, String> {
        let mut c = Configs { choice, loaded: vec![Config::default()], by_file: HashMap::new() };
        if let ConfigChoice::Fixed(path) = &c.choice {
            c.loaded[0] = config::load_project_file(path).map_err(|e| format!("configuration error: {e}"))?;
        }
        Ok(c)
    }

    /// The configuration (an index into `loaded`) for an article at `path`, or for standard input
    /// (`None`: the working folder's). A broken `.whosaid.toml` fails only the articles under it.
    pub fn for_path(&mut self, path: Option<&Path>) -> Result<usize, String> {
        if !matches!(self.choice, ConfigChoice::Nearest) {
            return Ok(0);
        }
        let start = match path {
            Some(p) => std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()),
            None => std::env::current_dir().unwrap_or_default(),
        };
        let found = config::find_project_file(&start);
        let loaded = &mut self.loaded;
        self.by_file
            .entry(found.clone())
            .or_insert_with(|| match &found {
                None => Ok(0),
                Some(p) => {
                    let c = config::load_project_file(p).map_err(|e| format!("configuration error: {e}"))?;
                    loaded.push(c);
                    Ok(loaded.len() - 1)
                }
            })
            .clone()
    }
}
