//! Latency and memory of the real server binary, driven over a pipe like an editor would.
//!
//! `cargo bench --bench lsp_latency` prints:
//! - keystroke → publishDiagnostics, median and p99, on a ~5,000-word article and on a ~1 MB one;
//! - a burst of 100 edits sent without waiting: publishes in order, final result equals a fresh open;
//! - resident memory (VmRSS from /proc/<pid>/status) with 50 open 2,000-word articles.
//!
//! Articles are generated here (fictional names and events), so the bench needs nothing outside.

#[path = "../tests/support/mod.rs"]
mod support;

use serde_json::json;
use std::time::{Duration, Instant};
use support::{summary, uri, Enc, Server};

/// A small deterministic generator, so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const FIRST: &[&str] = &["Ana", "Tomas", "Lena", "Omar", "Mira", "Jonas", "Priya", "Kofi", "Elena", "Ravi", "Sofia", "Henrik"];
const LAST: &[&str] = &["Ruiz", "Berg", "Ortiz", "Haddad", "Novak", "Lindqvist", "Sato", "Mensah", "Petrova", "Iyer", "Castillo", "Dahl"];
const ROLES: &[&str] = &["Mayor", "council member", "city engineer", "school principal", "fire chief", "union leader"];
const THINGS: &[&str] = &["bridge", "library", "bus line", "budget", "flood wall", "market hall", "school roof"];
const QUOTES: &[&str] = &[
    "We will finish the work before winter",
    "Nobody has shown us the numbers",
    "The river does not wait for committees",
    "Our crews are ready to start on Monday",
    "This is the best plan we have seen in years",
    "We asked for a public hearing and we will get one",
];

fn paragraph(r: &mut Rng) -> String {
    let name = format!("{} {}", r.pick(FIRST), r.pick(LAST));
    let short = name.split(' ').nth(1).unwrap().to_string();
    let role = r.pick(ROLES);
    let thing = r.pick(THINGS);
    let mut s = String::new();
    match r.next() % 5 {
        0 => s.push_str(&format!("\"{}, \" {role} {name} said on Tuesday. \"{}.\"", r.pick(QUOTES), r.pick(QUOTES))),
        1 => s.push_str(&format!("{name}, the {}, said the {thing} would reopen in March. \"{},\" {short} said.", role.to_lowercase(), r.pick(QUOTES))),
        2 => s.push_str(&format!("\"{},\" said {name}. \"{},\" she added, \"and the {thing} will be safer.\"", r.pick(QUOTES), r.pick(QUOTES))),
        3 => s.push_str(&format!("Critics say the {thing} is too expensive. The {thing} is expected to cost {} million dollars.", 2 + r.next() % 40)),
        _ => s.push_str(&format!("The {thing} near the old mill was closed for {} days after the storm, and traffic moved to the ring road.", 3 + r.next() % 20)),
    }
    s.push_str(&format!(" Residents of the east bank met in the {thing} yard to talk about the plans for the coming season."));
    s
}

/// An article of at least `words` words.
fn article(words: usize, seed: u64) -> String {
    let mut r = Rng(seed);
    let mut text = String::from("Riverton weighs repairs after the spring flood\n\n");
    let mut count = 7;
    while count < words {
        let p = paragraph(&mut r);
        count += p.split_whitespace().count();
        text.push_str(&p);
        text.push_str("\n\n");
    }
    text
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Type `keys` characters one at a time in the middle of `text`, waiting for each publish.
fn keystrokes(s: &mut Server, name: &str, text: &str, keys: usize) -> Vec<Duration> {
    let u = uri(name);
    let mut text = text.to_string();
    s.open(&u, "plaintext", 1, &text);
    s.diagnostics(&u, 1);
    let mut at = text[..text.len() / 2].rfind("\n\n").unwrap_or(0);
    let typed = " The council will vote on the plan next week, a clerk said.";
    let mut times = Vec::with_capacity(keys);
    for (i, c) in typed.chars().cycle().take(keys).enumerate() {
        let version = i as i64 + 2;
        let mut buf = [0; 4];
        let c = c.encode_utf8(&mut buf);
        // Timed from the edit leaving the editor to the diagnostics having arrived (before the
        // client parses them), as an editor would see it.
        let change = json!({"textDocument": {"uri": u, "version": version},
                            "contentChanges": [{"range": support::range(&text, at, at, Enc::Utf16), "text": c}]});
        let start = Instant::now();
        s.notify("textDocument/didChange", change);
        s.diagnostics(&u, version);
        times.push(s.last_arrival.unwrap() - start);
        text.insert_str(at, c);
        at += c.len();
    }
    s.close(&u);
    times.sort();
    times
}

fn engine_time(text: &str) -> Duration {
    let options = whosaid::analysis::Options::default();
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(whosaid::analysis::analyze(text, &options));
        best = best.min(t.elapsed());
    }
    best
}

fn rss_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Median of the server's own per-analysis timings (WHOSAID_LOG=debug lines) for `name`.
fn server_breakdown(s: &Server, name: &str) -> String {
    let log = s.stderr.lock().unwrap().clone();
    let mut analyse = Vec::new();
    let mut convert = Vec::new();
    let mut count = 0;
    let parse = |t: &str| -> Option<f64> {
        let t = t.trim().trim_end_matches(',');
        if let Some(v) = t.strip_suffix("ms") {
            v.parse::<f64>().ok()
        } else if let Some(v) = t.strip_suffix("µs") {
            v.parse::<f64>().ok().map(|x| x / 1000.0)
        } else if let Some(v) = t.strip_suffix("ns") {
            v.parse::<f64>().ok().map(|x| x / 1e6)
        } else {
            t.strip_suffix('s').and_then(|v| v.parse::<f64>().ok()).map(|x| x * 1000.0)
        }
    };
    for line in log.lines().filter(|l| l.contains("analysed") && l.contains(name)) {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if *w == "analyse" {
                analyse.extend(words.get(i + 1).and_then(|t| parse(t)));
            }
            if *w == "diagnostics" && words.get(i + 1) == Some(&"in") {
                convert.extend(words.get(i + 2).and_then(|t| parse(t)));
                count = words.get(i - 1).and_then(|n| n.parse::<usize>().ok()).unwrap_or(count);
            }
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    format!(
        "inside the server: analysis median {:.2} ms, {} diagnostics built in {:.2} ms",
        median(&mut analyse),
        count,
        median(&mut convert)
    )
}

fn main() {
    // Per-analysis timings from the server's log, for the breakdown lines.
    std::env::set_var("WHOSAID_LOG", "debug");
    // `cargo bench` passes `--bench`; any other argument filters nothing here.
    let small = article(5_000, 7);
    let big = {
        let mut t = article(1, 11);
        let mut seed = 12;
        while t.len() < 1_000_000 {
            t.push_str(&article(2_000, seed));
            seed += 1;
        }
        t
    };
    println!("whosaid language server latency (built like the dist profile users install, real binary over pipes)");
    println!(
        "  5k article: {} words, {} bytes; engine alone, best of 5 in-process: {} per full analysis",
        small.split_whitespace().count(),
        small.len(),
        ms(engine_time(&small))
    );
    println!(
        "  1 MB document: {} words, {} bytes; engine alone, best of 5 in-process: {} per full analysis",
        big.split_whitespace().count(),
        big.len(),
        ms(engine_time(&big))
    );

    let mut s = Server::start(Enc::Utf16);
    let t = keystrokes(&mut s, "small.txt", &small, 400);
    println!(
        "keystroke → publishDiagnostics, 5,000 words ({} keystrokes): median {}, p99 {}, max {}",
        t.len(),
        ms(percentile(&t, 0.5)),
        ms(percentile(&t, 0.99)),
        ms(*t.last().unwrap())
    );
    println!("  {}", server_breakdown(&s, "small.txt"));
    let t = keystrokes(&mut s, "big.txt", &big, 100);
    println!(
        "keystroke → publishDiagnostics, 1 MB ({} keystrokes): median {}, p99 {}, max {}",
        t.len(),
        ms(percentile(&t, 0.5)),
        ms(percentile(&t, 0.99)),
        ms(*t.last().unwrap())
    );
    println!("  {}", server_breakdown(&s, "big.txt"));

    s.shutdown();
    s.wait_exit(Duration::from_secs(5));

    // The server's own share: the same keystrokes with analysis skipped (size limit of 1 byte), so
    // what remains is JSON-RPC, sync, scheduling and one diagnostic.
    let mut floor = Server::start_with(Enc::Utf16, json!({}), json!({"maxFileSize": 1}), None);
    let t = keystrokes(&mut floor, "floor.txt", &small, 400);
    println!(
        "  server overhead alone (analysis skipped), 5,000 words: median {}, p99 {}",
        ms(percentile(&t, 0.5)),
        ms(percentile(&t, 0.99))
    );
    floor.shutdown();
    floor.wait_exit(Duration::from_secs(5));

    // A burst: 100 edits without waiting.
    let mut s = Server::start(Enc::Utf16);
    let u = uri("burst.txt");
    let mut text = small.clone();
    s.open(&u, "plaintext", 1, &text);
    s.diagnostics(&u, 1);
    let mut at = text[..text.len() / 3].rfind("\n\n").unwrap_or(0);
    let start = Instant::now();
    for i in 0..100 {
        let version = i + 2;
        if i % 10 == 9 {
            text = s.edit(&u, version, &text, at - 1, at, "");
            at -= 1;
        } else {
            text = s.edit(&u, version, &text, at, at, "x");
            at += 1;
        }
    }
    let last = s.diagnostics(&u, 101);
    let settle = start.elapsed();
    let versions: Vec<i64> = s.publishes.iter().filter(|p| p.0 == u).filter_map(|p| p.1).collect();
    let in_order = versions.windows(2).all(|w| w[0] < w[1]);
    let fresh_uri = uri("burst-fresh.txt");
    s.open(&fresh_uri, "plaintext", 1, &text);
    let fresh = s.diagnostics(&fresh_uri, 1);
    let same = summary(&text, &last, Enc::Utf16) == summary(&text, &fresh, Enc::Utf16);
    println!(
        "burst of 100 edits: final diagnostics after {}; {} publishes (versions in order: {}); final equals a fresh open: {}",
        ms(settle),
        versions.len(),
        in_order,
        same
    );
    s.shutdown();
    s.wait_exit(Duration::from_secs(5));

    // Memory with 50 open articles of 2,000 words.
    let mut s = Server::start(Enc::Utf16);
    let base = rss_kib(s.pid(), "VmRSS:");
    for i in 0..50 {
        let text = article(2_000, 100 + i);
        s.open(&uri(&format!("article-{i}.txt")), "plaintext", 1, &text);
    }
    for i in 0..50 {
        s.diagnostics(&uri(&format!("article-{i}.txt")), 1);
    }
    // Ask for something from every document so all caches are warm.
    for i in 0..50 {
        let _ = s.request("workspace/executeCommand", json!({"command": "whosaid.sources", "arguments": [uri(&format!("article-{i}.txt"))]}));
    }
    let rss = rss_kib(s.pid(), "VmRSS:");
    let hwm = rss_kib(s.pid(), "VmHWM:");
    println!(
        "memory with 50 open 2,000-word articles: VmRSS {} MiB (peak {} MiB; {} MiB after initialize)",
        rss.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
        hwm.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
        base.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
    );
    s.shutdown();
    s.wait_exit(Duration::from_secs(5));
}
