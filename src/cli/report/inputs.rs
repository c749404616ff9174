//! What `whosaid report` reads: article files, folders of them, and JSON lines (a `.jsonl` file or
//! standard input), turned into jobs; and one job read, analysed and reduced to a digest.

use super::tally::ArticleDigest;
use super::GroupBy;
use crate::cli::configs::Configs;
use crate::analysis::{analyze, source_profile, Format};
use crate::config::Config;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A body of JSON lines: standard input or a `.jsonl` file, kept whole; jobs point into it.
pub struct Origin {
    name: String,
    bytes: Vec<u8>,
}

pub enum Job {
    File { path: PathBuf, display: String, group: String, config: usize },
    Line { origin: usize, start: usize, end: usize, line: usize, config: usize },
}

const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

fn is_article(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Article files under `dir`, in name order, hidden files and folders left out; folders that
/// cannot be read are reported and skipped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, warn: &mut dyn FnMut(String)) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return warn(format!("{}: cannot read the folder: {e}", dir.display())),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        // A link to a folder is not followed (it could lead back up); a link to a file is read.
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out, warn),
            Ok(_) if is_article(&path) && path.is_file() => out.push(path),
            _ => {}
        }
    }
}

/// The folder an article is in: relative to the folder given on the command line ("city" for
/// archive/city/story.txt under `archive`), or as given for a file named on its own.
fn folder_group(path: &Path, root: Option<&Path>) -> String {
    let parent = path.parent().unwrap_or(Path::new(""));
    let shown = match root {
        Some(root) => match parent.strip_prefix(root) {
            Ok(rel) if !rel.as_os_str().is_empty() => rel,
            _ => root.file_name().map_or(root, Path::new),
        },
        None => parent,
    };
    match shown.to_string_lossy().into_owned() {
        p if p.is_empty() => ".".into(),
        p => p,
    }
}

/// Every article the paths name, as jobs, in argument order (folders in name order).
pub fn collect(paths: &[String], group_by: &GroupBy, configs: &mut Configs, warn: &mut dyn FnMut(String)) -> (Vec<Job>, Vec<Origin>) {
    let mut jobs = Vec::new();
    let mut origins = Vec::new();
    for arg in paths {
        if arg == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                warn(format!("<stdin>: cannot read: {e}"));
                continue;
            }
            push_lines(Origin { name: "<stdin>".into(), bytes }, None, configs, &mut jobs, &mut origins, warn);
            continue;
        }
        let path = PathBuf::from(arg);
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                warn(format!("{arg}: no such file or folder"));
                continue;
            }
            Err(e) => {
                warn(format!("{arg}: cannot read: {e}"));
                continue;
            }
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files, warn);
            if files.is_empty() {
                warn(format!("{arg}: no articles (.txt, .md, .markdown) in this folder"));
            }
            for f in files {
                push_file(f, Some(&path), group_by, configs, &mut jobs, warn);
            }
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) {
            match std::fs::read(&path) {
                Ok(bytes) => push_lines(Origin { name: arg.clone(), bytes }, Some(&path), configs, &mut jobs, &mut origins, warn),
                Err(e) => warn(format!("{arg}: cannot read: {e}")),
            }
        } else {
            push_file(path, None, group_by, configs, &mut jobs, warn);
        }
    }
    (jobs, origins)
}

fn push_file(path: PathBuf, root: Option<&Path>, group_by: &GroupBy, configs: &mut Configs, jobs: &mut Vec<Job>, warn: &mut dyn FnMut(String)) {
    let display = path.to_string_lossy().into_owned();
    let group = match group_by {
        GroupBy::Folder => folder_group(&path, root),
        _ => String::new(),
    };
    match configs.for_path(Some(&path)) {
        Ok(config) => jobs.push(Job::File { path, display, group, config }),
        Err(e) => warn(format!("{display}: {e}")),
    }
}

fn push_lines(origin: Origin, at: Option<&Path>, configs: &mut Configs, jobs: &mut Vec<Job>, origins: &mut Vec<Origin>, warn: &mut dyn FnMut(String)) {
    let config = match configs.for_path(at) {
        Ok(c) => c,
        Err(e) => return warn(format!("{}: {e}", origin.name)),
    };
    let index = origins.len();
    let mut start = 0;
    for (n, line) in origin.bytes.split(|&b| b == b'\n').enumerate() {
        let end = start + line.len();
        if line.iter().any(|b| !b.is_ascii_whitespace()) {
            jobs.push(Job::Line { origin: index, start, end, line: n + 1, config });
        }
        start = end + 1;
    }
    origins.push(origin);
}

/// Read, analyse and digest one job; every failure is a sentence naming the article.
pub fn digest(job: &Job, origins: &[Origin], configs: &[Config], group_by: &GroupBy) -> Result<ArticleDigest, String> {
    match job {
        Job::File { path, display, group, config } => {
            let text = read_file(path, display)?;
            let mut options = configs[*config].options.clone();
            options.format = Format::guess(display);
            let a = analyze(&text, &options);
            Ok(ArticleDigest::new(display.clone(), group.clone(), &a, &source_profile(&text, &a, &options)))
        }
        Job::Line { origin, start, end, line, config } => {
            let o = &origins[*origin];
            let at = format!("{} line {line}", o.name);
            let raw = std::str::from_utf8(&o.bytes[*start..*end]).map_err(|e| format!("{at}: is not UTF-8 text (invalid byte at column {}), skipped", e.valid_up_to() + 1))?;
            let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| format!("{at}: is not valid JSON ({e}), skipped"))?;
            let obj = value.as_object().ok_or_else(|| format!("{at}: is not a JSON object ({{\"id\": …, \"text\": …}}), skipped"))?;
            let text = obj.get("text").and_then(|t| t.as_str()).ok_or_else(|| format!("{at}: has no \"text\" string, skipped"))?;
            let id = match obj.get("id") {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v @ serde_json::Value::Number(_)) => v.to_string(),
                _ => at.clone(),
            };
            let group = match group_by {
                GroupBy::Field(f) => match obj.get(f) {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Null) | None => format!("(no {f})"),
                    Some(v) => v.to_string(),
                },
                _ => String::new(),
            };
            let mut options = configs[*config].options.clone();
            options.format = Format::PlainText;
            let a = analyze(text, &options);
            Ok(ArticleDigest::new(id, group, &a, &source_profile(text, &a, &options)))
        }
    }
}

fn read_file(path: &Path, display: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{display}: no such file"),
        std::io::ErrorKind::PermissionDenied => format!("{display}: permission denied"),
        _ => format!("{display}: cannot read: {e}"),
    })?;
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(format!("{display}: looks like a binary file (it contains NUL bytes), skipped"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
        format!("{display}: is not UTF-8 text (invalid byte on line {line}, byte offset {at}), skipped; save it as UTF-8")
    })
}
