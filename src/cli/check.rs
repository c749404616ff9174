//! `whosaid check`: analyse articles and show findings (human or JSON), files in parallel,
//! output in argument order.

use super::args::{settle, Word, Words};
use super::configs::{ConfigChoice, Configs};
use super::{json, output};
use crate::analysis::{analyze, source_profile, Format, Severity};
use crate::config::Config;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

pub const HELP: &str = "\
whosaid check — show who speaks in an article, what is quoted from whom, and which claims have no source

USAGE:
    whosaid check [OPTIONS] FILE...
    whosaid check [OPTIONS] -            read the article from standard input

Files ending in .md, .markdown or .mdx are read as Markdown (code, front matter and comments are
not prose); anything else as plain text.

OPTIONS:
    --format human|json   human (default): each finding with its line and a caret under the words,
                          then a summary of speakers, quotes and unsourced claims per article.
                          json: one JSON object per file per line (byte offsets; see README).
    --config PATH         use this .whosaid.toml for every file
    --no-config           use the default rules; ignore any .whosaid.toml
    --color auto|always|never
                          colour the human output (auto: when writing to a terminal and NO_COLOR
                          is not set)
    -h, --help            show this help

Without --config, each file uses the nearest .whosaid.toml in its folder or a folder above it.

EXIT STATUS:
    0  no finding at error severity
    1  at least one finding at error severity (for example a quote nobody is named for)
    2  a file could not be read (missing, a folder, not UTF-8 text) or the options or the
       configuration are wrong; the other files are still checked";

#[derive(Clone, Copy, PartialEq, Eq)]
enum OutFormat {
    Human,
    Json,
}

struct Args {
    format: OutFormat,
    config: ConfigChoice,
    color: Option<bool>,
    files: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    let mut a = Args { format: OutFormat::Human, config: ConfigChoice::Nearest, color: None, files: Vec::new() };
    let mut words = Words::new(args);
    while let Some(word) = words.next() {
        let name = match word {
            Word::Operand(f) => {
                a.files.push(f.to_string());
                continue;
            }
            Word::Flag(name) => name,
        };
        let mut value = |what: &str| words.value(what);
        match name {
            "-h" | "--help" => return Ok(None),
            "--format" | "-f" => {
                a.format = match value("a format (human or json)")?.as_str() {
                    "human" | "text" => OutFormat::Human,
                    "json" => OutFormat::Json,
                    other => return Err(format!("unknown format `{other}`; use human or json")),
                }
            }
            "--json" => a.format = OutFormat::Json,
            "--config" | "-c" => a.config = ConfigChoice::Fixed(PathBuf::from(value("a path to a .whosaid.toml")?)),
            "--no-config" => a.config = ConfigChoice::None,
            "--color" | "--colour" => {
                a.color = match value("auto, always or never")?.as_str() {
                    "auto" => None,
                    "always" => Some(true),
                    "never" => Some(false),
                    other => return Err(format!("unknown colour setting `{other}`; use auto, always or never")),
                }
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(Some(a))
}

/// What came of one file: its rendered report, or a message for stderr.
struct FileResult {
    output: Option<String>,
    error: Option<String>,
    has_error_finding: bool,
    findings: Vec<Severity>,
}

enum Input {
    Stdin(Result<Vec<u8>, String>),
    File(PathBuf),
}

/// Read one input, turning every failure into a sentence for the reporter.
fn read_input(display: &str, input: &Input) -> Result<String, String> {
    let bytes = match input {
        Input::Stdin(r) => r.clone()?,
        Input::File(path) => {
            let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => format!("{display}: no such file"),
                std::io::ErrorKind::PermissionDenied => format!("{display}: permission denied"),
                _ => format!("{display}: cannot read: {e}"),
            })?;
            if meta.is_dir() {
                return Err(format!("{display}: is a folder, not a file (pass the articles inside it, e.g. {display}/*.md)"));
            }
            std::fs::read(path).map_err(|e| format!("{display}: cannot read: {e}"))?
        }
    };
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(format!("{display}: looks like a binary file (it contains NUL bytes), skipped"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        format!(
            "{display}: is not UTF-8 text (invalid byte 0x{:02X} on line {line}, byte offset {at}), skipped; save it as UTF-8",
            bytes[at]
        )
    })
}

fn check_one(display: &str, json_path: &str, input: &Input, config: &Config, format: OutFormat, color: bool) -> FileResult {
    let text = match read_input(display, input) {
        Ok(t) => t,
        Err(e) => return FileResult { output: None, error: Some(e), has_error_finding: false, findings: vec![] },
    };
    let mut options = config.options.clone();
    options.format = match input {
        Input::Stdin(_) => Format::PlainText,
        Input::File(p) => Format::guess(&p.to_string_lossy()),
    };
    let analysis = analyze(&text, &options);
    let has_error_finding = analysis.findings.iter().any(|f| f.severity == Severity::Error);
    let findings = analysis.findings.iter().map(|f| f.severity).collect();
    let rendered = match format {
        OutFormat::Json => json::render_json(json_path, &text, &analysis, &source_profile(&text, &analysis, &options)) + "\n",
        OutFormat::Human => output::render_human(display, &text, &analysis, output::Style { on: color }),
    };
    FileResult { output: Some(rendered), error: None, has_error_finding, findings }
}

pub fn run(args: &[String]) -> u8 {
    let args = match settle("check", parse_args(args), HELP, |a| &a.files, "no files given (pass one or more articles, or - to read standard input)") {
        Ok(a) => a,
        Err(code) => return code,
    };
    let mut configs = match Configs::new(args.config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("whosaid check: {e}");
            return 2;
        }
    };
    let config_of: Vec<Result<usize, String>> = args.files.iter().map(|f| configs.for_path((f != "-").then(|| Path::new(f.as_str())))).collect();
    let configs = configs.loaded;

    let stdin_input = if args.files.iter().any(|f| f == "-") {
        let mut buf = Vec::new();
        Some(std::io::stdin().read_to_end(&mut buf).map(|_| buf).map_err(|e| format!("<stdin>: cannot read: {e}")))
    } else {
        None
    };
    let inputs: Vec<Input> = args
        .files
        .iter()
        .map(|f| if f == "-" { Input::Stdin(stdin_input.clone().unwrap_or(Ok(Vec::new()))) } else { Input::File(PathBuf::from(f)) })
        .collect();

    let color = args.color.unwrap_or_else(|| {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    });
    let format = args.format;
    let files = &args.files;
    let next = AtomicUsize::new(0);
    // One article (a pre-commit hook runs one per changed file) is checked on this thread: no
    // worker to start, nor the CPU count to read.
    let workers = if files.len() == 1 { 0 } else { std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len()) };
    let (tx, rx) = mpsc::channel::<(usize, FileResult)>();

    let mut any_error_finding = false;
    let mut any_io_error = false;
    let mut all_findings: Vec<Severity> = Vec::new();
    let mut checked = 0usize;
    std::thread::scope(|scope| {
        let (next, inputs, configs, config_of) = (&next, &inputs, &configs, &config_of);
        let work = move |tx: mpsc::Sender<(usize, FileResult)>| loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= files.len() {
                break;
            }
            let display = if files[i] == "-" { "<stdin>" } else { files[i].as_str() };
            let result = match &config_of[i] {
                Ok(c) => check_one(display, &files[i], &inputs[i], &configs[*c], format, color),
                Err(e) => FileResult {
                    output: None,
                    error: Some(format!("{display}: {e}")),
                    has_error_finding: false,
                    findings: vec![],
                },
            };
            if tx.send((i, result)).is_err() {
                break;
            }
        };
        if workers == 0 {
            work(tx.clone());
        }
        for _ in 0..workers {
            let tx = tx.clone();
            scope.spawn(move || work(tx));
        }
        drop(tx);

        // Print in argument order as results arrive.
        let stdout = std::io::stdout();
        let mut pending: BTreeMap<usize, FileResult> = BTreeMap::new();
        let mut want = 0;
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&want) {
                want += 1;
                if let Some(e) = &r.error {
                    let _ = stdout.lock().flush();
                    eprintln!("whosaid check: {e}");
                    any_io_error = true;
                }
                if let Some(out) = &r.output {
                    checked += 1;
                    let _ = stdout.lock().write_all(out.as_bytes());
                }
                any_error_finding |= r.has_error_finding;
                all_findings.extend(r.findings);
            }
        }
    });

    if format == OutFormat::Human && files.len() > 1 {
        let counts = output::count_findings_by_severity(&all_findings);
        super::out(&format!("{} of {} files checked; findings: {counts}\n", checked, files.len()));
    }
    if format == OutFormat::Human && !all_findings.is_empty() {
        super::out(&format!("{}\n", output::HOW_TO_READ));
    }
    let _ = std::io::stdout().flush();
    if any_io_error {
        2
    } else if any_error_finding {
        1
    } else {
        0
    }
}
