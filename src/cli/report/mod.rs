//! `whosaid report`: who an archive quotes. Articles from files, folders and JSON lines are
//! analysed on all cores; each becomes a small digest of its sources, and the digests are added
//! up in input order, so the output does not depend on how the work was shared out.

mod html;
mod inputs;
mod tally;

use super::args::{settle, Word, Words};
use super::configs::{ConfigChoice, Configs};
use crate::config::Config;
use inputs::{Job, Origin};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
pub use tally::{ArticleDigest, Report, SourceDigest};

pub const HELP: &str = "\
whosaid report — who does this archive quote? Sources, kinds, stated gender, anonymous and
unattributed quotes, most-quoted people and organisations, over many articles at once

USAGE:
    whosaid report [OPTIONS] PATH...
    whosaid report [OPTIONS] - < articles.jsonl

PATH is an article (.txt, .md, .markdown), a folder (read recursively for those), a JSON lines
file (.jsonl), or - for JSON lines on standard input. A JSON line is one article:
{\"id\": \"...\", \"text\": \"...\", ...}; other fields may be used with --group-by.

OPTIONS:
    --group-by FIELD      group JSON lines by this field (e.g. category); `folder` groups files by
                          their folder (the default for files), `none` reports the whole archive
    --format table|json|csv
                          table (default): figures for the terminal; json: one object; csv: one
                          row per group (the first row is the whole archive)
    --rows groups|sources with --format csv: a row per group (default), or a row per source in
                          each article (for pandas or a spreadsheet)
    --html FILE           also write a page with charts (self-contained: open it in any browser)
    --top N               how many most-quoted people and organisations to list (default 10)
    --jobs N              articles analysed at once (default: one per core)
    --config PATH         use this .whosaid.toml for every article
    --no-config           ignore any .whosaid.toml
    -h, --help            show this help

Gender is counted only as the articles state it (she/he, Ms/Mr, or a gender given for a known
speaker in .whosaid.toml); whosaid never guesses it from a name.

EXIT STATUS:
    0  every article was read
    2  an article could not be read (missing, not UTF-8, a bad JSON line: each is named on
       standard error and the rest are reported), or the options are wrong";

#[derive(Clone, Copy, PartialEq, Eq)]
enum OutFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, PartialEq, Eq)]
pub enum GroupBy {
    Folder,
    Field(String),
    None,
}

struct Args {
    format: OutFormat,
    rows_sources: bool,
    group_by: Option<GroupBy>,
    html: Option<PathBuf>,
    top: usize,
    jobs: Option<usize>,
    config: ConfigChoice,
    paths: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    let mut a = Args {
        format: OutFormat::Table,
        rows_sources: false,
        group_by: None,
        html: None,
        top: 10,
        jobs: None,
        config: ConfigChoice::Nearest,
        paths: Vec::new(),
    };
    let mut words = Words::new(args);
    while let Some(word) = words.next() {
        let name = match word {
            Word::Operand(p) => {
                a.paths.push(p.to_string());
                continue;
            }
            Word::Flag(name) => name,
        };
        let mut value = |what: &str| words.value(what);
        let number = |v: String, what: &str| v.parse::<usize>().ok().filter(|n| *n > 0).ok_or(format!("{what} must be a positive number, not `{v}`"));
        match name {
            "-h" | "--help" => return Ok(None),
            "--format" | "-f" => {
                a.format = match value("a format (table, json or csv)")?.as_str() {
                    "table" | "human" | "text" => OutFormat::Table,
                    "json" => OutFormat::Json,
                    "csv" => OutFormat::Csv,
                    other => return Err(format!("unknown format `{other}`; use table, json or csv")),
                }
            }
            "--rows" => {
                a.rows_sources = match value("groups or sources")?.as_str() {
                    "groups" => false,
                    "sources" => true,
                    other => return Err(format!("unknown --rows `{other}`; use groups or sources")),
                }
            }
            "--group-by" => {
                a.group_by = Some(match value("a field name, folder or none")?.as_str() {
                    "folder" => GroupBy::Folder,
                    "none" => GroupBy::None,
                    "" => return Err("--group-by needs a field name, folder or none".into()),
                    field => GroupBy::Field(field.to_string()),
                })
            }
            "--html" => a.html = Some(PathBuf::from(value("a file name for the page")?)),
            "--top" => a.top = number(value("a number")?, "--top")?,
            "--jobs" | "-j" => a.jobs = Some(number(value("a number")?, "--jobs")?),
            "--config" | "-c" => a.config = ConfigChoice::Fixed(PathBuf::from(value("a path to a .whosaid.toml")?)),
            "--no-config" => a.config = ConfigChoice::None,
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(Some(a))
}

pub fn run(args: &[String]) -> u8 {
    let args = match settle("report", parse_args(args), HELP, |a| &a.paths, "no articles given (pass files, folders, a .jsonl file, or - for JSON lines on standard input)") {
        Ok(a) => a,
        Err(code) => return code,
    };
    let group_by = args.group_by.clone().unwrap_or(if args.paths.iter().any(|p| p == "-" || p.ends_with(".jsonl")) {
        GroupBy::None
    } else {
        GroupBy::Folder
    });
    let mut configs = match Configs::new(args.config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("whosaid report: {e}");
            return 2;
        }
    };
    let mut problems = 0usize;
    let mut warn = |msg: String| {
        eprintln!("whosaid report: {msg}");
        problems += 1;
    };
    let (jobs, origins) = inputs::collect(&args.paths, &group_by, &mut configs, &mut warn);
    let threads = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let results = analyse_all(&jobs, &origins, &configs.loaded, &group_by, threads);
    let mut report = Report::new(group_by_label(&group_by), args.top);
    let mut digests = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(d) => digests.push(d),
            Err(e) => warn(e),
        }
    }
    report.add_all(&digests);
    report.unreadable = problems;
    let out = match args.format {
        OutFormat::Table => report.table(),
        OutFormat::Json => report.json() + "\n",
        OutFormat::Csv if args.rows_sources => tally::csv_sources(&digests),
        OutFormat::Csv => report.csv(),
    };
    super::out(&out);
    let _ = std::io::stdout().flush();
    if let Some(path) = &args.html {
        if let Err(e) = std::fs::write(path, html::page(&report)) {
            eprintln!("whosaid report: cannot write {}: {e}", path.display());
            return 2;
        }
    }
    if problems > 0 || digests.is_empty() && !jobs.is_empty() {
        2
    } else {
        0
    }
}

fn group_by_label(g: &GroupBy) -> Option<String> {
    match g {
        GroupBy::Folder => Some("folder".into()),
        GroupBy::Field(f) => Some(f.clone()),
        GroupBy::None => None,
    }
}

/// Every job analysed on `threads` threads; results in job order.
pub(crate) fn analyse_all(jobs: &[Job], origins: &[Origin], configs: &[Config], group_by: &GroupBy, threads: usize) -> Vec<Result<ArticleDigest, String>> {
    let next = AtomicUsize::new(0);
    let threads = threads.min(jobs.len()).max(1);
    let (tx, rx) = mpsc::channel::<(usize, Result<ArticleDigest, String>)>();
    let mut results: Vec<Option<Result<ArticleDigest, String>>> = (0..jobs.len()).map(|_| None).collect();
    let mut progress = Progress::new(jobs.len());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= jobs.len() {
                    break;
                }
                let r = inputs::digest(&jobs[i], origins, configs, group_by);
                if tx.send((i, r)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (done, (i, r)) in rx.into_iter().enumerate() {
            results[i] = Some(r);
            progress.show(done + 1);
        }
    });
    progress.finish();
    results.into_iter().map(|r| r.unwrap_or_else(|| Err("an article was lost in analysis".into()))).collect()
}

/// A progress bar on standard error, drawn only when it is a terminal and the run is long.
struct Progress {
    total: usize,
    on: bool,
    start: std::time::Instant,
    last: std::time::Instant,
    drawn: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let now = std::time::Instant::now();
        Progress { total, on: std::io::stderr().is_terminal(), start: now, last: now, drawn: false }
    }

    fn show(&mut self, done: usize) {
        // Short runs never flash a bar; then at most ten redraws a second.
        if !self.on || self.start.elapsed().as_millis() < 300 || (self.last.elapsed().as_millis() < 100 && done < self.total) {
            return;
        }
        self.last = std::time::Instant::now();
        let width = 30;
        let filled = done * width / self.total.max(1);
        eprint!("\r  [{}{}] {done} of {} articles", "#".repeat(filled), " ".repeat(width - filled), self.total);
        self.drawn = true;
    }

    fn finish(&self) {
        if self.drawn {
            eprint!("\r\x1b[2K");
        }
    }
}
