//! Start-up of the real `whosaid` binary, timed from outside as a process, the way a pre-commit
//! hook and an editor meet it.
//!
//! `cargo bench --bench startup` prints medians (after a warm-up run) of:
//! - (a) process start to exit of `whosaid check --format json EMPTY_FILE`, with `whosaid --version`
//!   beside it as the floor any process of this binary pays;
//! - (b) server spawn → `initialize` → `didOpen` of a 2,000-word article → first
//!   `publishDiagnostics`, with the spawn → initialize reply part shown separately.
//!
//! The article is generated here (fictional names and events), so the bench needs nothing outside.

#[path = "../tests/support/mod.rs"]
mod support;

use serde_json::json;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{uri, Enc, Server};

const RUNS: usize = 10;

/// Fictional news sentences, cycled (with a running number) until the article is long enough.
const SENTENCES: &[&str] = &[
    "The Millbrook council voted on Tuesday to close the old ferry pier for repairs.",
    "\"We cannot wait for another winter,\" Mayor Ines Calder said after the vote.",
    "Calder told reporters that the work would cost about 4 million dollars.",
    "Critics say the plan was rushed, and the closure is widely seen as overdue.",
    "\"It is the right decision,\" said Rafael Osei, the harbour master. \"But it is late.\"",
    "According to the port authority, traffic on the pier rose 12% last year.",
    "A source said the contractor had been chosen before the tender closed.",
    "Residents met in the library hall on Thursday to discuss the timetable.",
];

/// A fictional article of at least `words` words, in paragraphs of four sentences.
fn article(words: usize) -> String {
    let mut text = String::from("Millbrook closes its ferry pier for repairs\n\n");
    let mut i = 0;
    while text.split_whitespace().count() < words {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        text.push_str(if i % 4 == 3 { "\n\n" } else { " " });
        i += 1;
    }
    text
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Median wall time of `whosaid ARGS` from spawn to exit, after one untimed run.
fn process_median(args: &[&str]) -> Duration {
    let run = || {
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("start whosaid");
        let took = start.elapsed();
        assert!(status.code().is_some_and(|c| c <= 1), "whosaid {args:?} failed: {status}");
        took
    };
    run();
    median((0..RUNS).map(|_| run()).collect())
}

/// One cold server: (spawn → initialize reply, spawn → first publishDiagnostics of the article).
fn server_once(text: &str) -> (Duration, Duration) {
    let start = Instant::now();
    let mut s = Server::spawn();
    s.initialize(Enc::Utf16, json!({}), serde_json::Value::Null, None);
    let initialized = s.last_arrival.unwrap() - start;
    s.notify("initialized", json!({}));
    let u = uri("pier.txt");
    s.open(&u, "plaintext", 1, text);
    let diagnostics = s.diagnostics(&u, 1);
    let published = s.last_arrival.unwrap() - start;
    assert!(!diagnostics.is_empty(), "the article should have findings");
    s.shutdown();
    s.wait_exit(Duration::from_secs(5));
    (initialized, published)
}

fn main() {
    // `cargo bench` passes `--bench`; there is nothing to filter here.
    let dir = std::env::temp_dir().join(format!("whosaid-startup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary folder");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").expect("write the empty article");
    let empty = empty.to_str().expect("a UTF-8 temporary path");

    println!("whosaid start-up (built like the dist profile users install, real binary; median of {RUNS} runs after a warm-up)");
    let version = process_median(&["--version"]);
    let check = process_median(&["check", "--format", "json", empty]);
    println!("(a) whosaid check --format json EMPTY_FILE, start to exit: {}", ms(check));
    println!("    whosaid --version, start to exit (the floor):          {}", ms(version));

    let text = article(2_000);
    server_once(&text);
    let (init, publish): (Vec<_>, Vec<_>) = (0..RUNS).map(|_| server_once(&text)).unzip();
    println!(
        "(b) server spawn → initialize → didOpen ({} words) → first publishDiagnostics: {}",
        text.split_whitespace().count(),
        ms(median(publish))
    );
    println!("    of which spawn → initialize reply:                        {}", ms(median(init)));
    let _ = std::fs::remove_dir_all(&dir);
}
