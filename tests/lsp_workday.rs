//! A reporter's working day against one server over stdio, in about two minutes: 20 articles opened
//! and closed again and again, 20,000 edits in random places (typing, deleting, pasted paragraphs,
//! emoji, CRLF text), settings changed in between, hovers and inlay hints interleaved. Afterwards
//! every article's last diagnostics must equal a fresh analysis of its text, each article's
//! diagnostics must have come in version order, every request must have been answered, and the
//! server's resident memory must be back within 10% of what it was after the first pass.
//!
//! It prints what it measured (edits, publishes, memory, and the longest pause between an edit and
//! the diagnostics that cover it); the pause is reported, never asserted.
//!
//! A longer day on demand: `cargo test --release --test lsp_workday -- --ignored --nocapture`
//! (200,000 edits), or `WHOSAID_WORKDAY_EDITS=N` for either test.

mod support;

use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};
use support::{range, uri, Enc, Server};

// ---- randomness (deterministic: a failure can be replayed with its seed) -------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---- the articles (fictional) ---------------------------------------------------------------------

const PARAGRAPHS: &[&str] = &[
    "Flood water reached the steps of the Alder County courthouse on Tuesday, and the county closed three roads along the Merrow River.",
    "“We moved the archive to the second floor overnight,” said Hana Okoro, the county clerk. “Nothing was lost.”",
    "County engineer Paul Lindqvist said the levee near the rail bridge was holding but would be inspected again at dawn.",
    "Critics say the county ignored warnings about the levee for a decade.",
    "The repairs are widely seen as overdue.",
    "A source said the state would send the National Guard by Thursday.",
    "Damage is estimated at $12 million, and 340 homes were without power on Wednesday morning.",
    "“I have lived here forty years and never seen it this high,” said Rosa Delgado, who runs a bakery on Front Street. She said her cellar flooded in an hour.",
    "Mayor Tom Brennan admitted the warning sirens had failed in two neighbourhoods.",
    "“We are asking people to stay off the river road,” Brennan said. “Please listen to the deputies.”",
    "According to the National Weather Service, another 5 centimetres of rain could fall by Friday.",
    "The so-called emergency fund has not been used since 2019.",
    "\"Great film,\" she smiled, when asked about the documentary screened at the shelter.",
    "Officials who spoke on condition of anonymity because they were not authorised to discuss the budget said the state would cover half of the cost.",
    "“The school will reopen on Monday. Buses will run on the winter timetable. Parents will get a text message,” the district said in a statement.",
    "Lindqvist told reporters the pumps at the treatment plant had run without a break since Sunday.",
    "The councillor allegedly diverted sandbags to his own street.",
    "“It’s not over,” said Okoro. ‘We’ll be here all week.’",
    "Residents of Pine Hollow said they were told to leave with one hour’s notice.",
    "Experts warn that the river will crest again in spring.",
    "“Thank you to every volunteer,” the fire chief, Dana Whitfield, wrote on the department’s page.",
    "The Red Cross said 85 people spent Tuesday night at the high school gym.",
    "Rents in the riverside district rose 40% after the last flood.",
    "«Nous restons», a dit une habitante. “We are staying,” a neighbour translated.",
];

const MARKDOWN_BITS: &[&str] = &[
    "## Road closures\n\n- River Road between Mill Lane and the bridge\n- Front Street south of the square",
    "```\nsiren test log: \"no signal\" said the panel\n```",
    "<!-- editor: check the bakery owner's name -->",
    "> “Stay home tonight,” Whitfield said in a video message.",
];

const TYPED: &[&str] = &[
    " The county said it would publish a list of closed roads.",
    " “We need more pumps,” Lindqvist said.",
    " Critics say the plan came too late.",
    " It is believed that the bridge will stay shut.",
    " \"Nobody called us,\" one resident said.",
    " Turnout rose 12% in the flooded wards.",
    " — and then the lights went out.",
    " she said, “and we waited.”",
    " Dr. Amir Haddad, who runs the clinic, said patients were moved by boat.",
];

const EMOJI: &[&str] = &["😀", "👩‍👩‍👧", "🇫🇷", "✅", "❤️", "🌧"];

struct Article {
    uri: String,
    language: &'static str,
    original: String,
    text: String,
    version: i64,
    open: bool,
}

fn articles(rng: &mut Rng) -> Vec<Article> {
    (0..20)
        .map(|i| {
            let markdown = i % 4 == 3;
            let crlf = i % 5 == 2;
            let mut parts: Vec<String> = Vec::new();
            parts.push(format!("Flood update {} — Alder County", i + 1));
            for _ in 0..(12 + rng.below(20)) {
                if markdown && rng.chance(20) {
                    parts.push(rng.pick(MARKDOWN_BITS).to_string());
                } else {
                    parts.push(rng.pick(PARAGRAPHS).to_string());
                }
            }
            let mut text = parts.join("\n\n") + "\n";
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            let name = format!("day/story-{:02}.{}", i + 1, if markdown { "md" } else { "txt" });
            Article {
                uri: uri(&name),
                language: if markdown { "markdown" } else { "plaintext" },
                original: text.clone(),
                text,
                version: 0,
                open: false,
            }
        })
        .collect()
}

/// The nearest position at or before `at` where an edit may start or end: a char boundary, and not
/// between the two bytes of a CRLF (an LSP position cannot point there).
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at > 0 && text.as_bytes()[at - 1] == b'\r' && text.as_bytes().get(at) == Some(&b'\n') {
        at -= 1;
    }
    at
}

/// The start of the character before `at` (a CRLF counts as one).
fn char_before(text: &str, at: usize) -> usize {
    let Some(c) = text[..at].chars().next_back() else { return 0 };
    let start = at - c.len_utf8();
    if c == '\n' && start > 0 && text.as_bytes()[start - 1] == b'\r' {
        start - 1
    } else {
        start
    }
}

// ---- the client side of the day -----------------------------------------------------------------

/// What the client knows of one article. Versions keep rising across close and reopen (as
/// Neovim's do), so every publish names the edit it covers unambiguously. A close may or may not be
/// followed by an empty publish: the server skips it when the article is reopened first.
#[derive(Default)]
struct Track {
    /// The newest version published since the article was last cleared.
    newest: Option<i64>,
    /// When each version not yet covered by a publish was sent.
    sent_at: BTreeMap<i64, Instant>,
}

#[derive(Default)]
struct Log {
    track: HashMap<String, Track>,
    /// Per uri, every published version in arrival order (None: cleared on close).
    published: HashMap<String, Vec<Option<i64>>>,
    /// Per uri, the diagnostics of the last publish.
    last: HashMap<String, Vec<Value>>,
    pauses: Vec<Duration>,
    pending: HashSet<i64>,
    errors: Vec<Value>,
    publishes: usize,
    notices: Vec<String>,
}

impl Log {
    fn published(&mut self, uri: &str, version: Option<i64>, diagnostics: Vec<Value>, arrived: Instant) {
        self.publishes += 1;
        self.published.entry(uri.to_string()).or_default().push(version);
        self.last.insert(uri.to_string(), diagnostics);
        let t = self.track.entry(uri.to_string()).or_default();
        match version {
            None => t.newest = None,
            Some(v) => {
                t.newest = t.newest.max(Some(v));
                // Every edit up to v is covered now: its pause is the time since it was sent.
                let covered: Vec<i64> = t.sent_at.range(..=v).map(|(k, _)| *k).collect();
                for k in covered {
                    let at = t.sent_at.remove(&k).unwrap();
                    self.pauses.push(arrived.saturating_duration_since(at));
                }
            }
        }
    }

    fn sent(&mut self, uri: &str, version: i64) {
        self.track.entry(uri.to_string()).or_default().sent_at.insert(version, Instant::now());
    }

    /// Edits of a closed article that no publish covered were superseded, not delayed.
    fn closed(&mut self, uri: &str) {
        self.track.entry(uri.to_string()).or_default().sent_at.clear();
    }

    /// The server has published `version` (or later).
    fn caught_up(&self, uri: &str, version: i64) -> bool {
        self.track.get(uri).is_some_and(|t| t.newest.is_some_and(|v| v >= version))
    }
}

struct Day {
    s: Server,
    log: Log,
    enc: Enc,
    edits: usize,
    requests: usize,
    config_changes: usize,
    opens: usize,
}

impl Day {
    /// Take one message off the wire (or the backlog) and book it.
    fn pump(&mut self, within: Duration) -> bool {
        let Some(msg) = self.s.try_wait_for(|_| true, within) else { return false };
        let arrived = self.s.last_arrival.unwrap_or_else(Instant::now);
        match msg["method"].as_str() {
            Some("textDocument/publishDiagnostics") => {
                let p = &msg["params"];
                let diagnostics = p["diagnostics"].as_array().cloned().unwrap_or_default();
                self.log.published(p["uri"].as_str().unwrap(), p["version"].as_i64(), diagnostics, arrived);
            }
            Some("window/showMessage") | Some("window/logMessage") => {
                let text = msg["params"]["message"].as_str().unwrap_or_default().to_string();
                if msg["params"]["type"].as_i64().unwrap_or(4) <= 2 {
                    self.log.notices.push(text);
                }
            }
            Some(_) => {}
            None => {
                if let Some(id) = msg["id"].as_i64() {
                    if self.log.pending.remove(&id) {
                        if msg.get("error").is_some() {
                            self.log.errors.push(msg);
                        }
                    }
                }
            }
        }
        true
    }

    /// Book everything that already arrived.
    fn drain(&mut self) {
        while self.pump(Duration::ZERO) {}
    }

    /// Wait until the publish for `uri` at `version` (or a later one) has arrived.
    fn settle(&mut self, uri: &str, version: i64) {
        let deadline = Instant::now() + support::HANG;
        loop {
            if self.log.caught_up(uri, version) {
                return;
            }
            assert!(Instant::now() < deadline, "no diagnostics for {uri} v{version}; stderr:\n{}", self.s.stderr.lock().unwrap());
            self.pump(Duration::from_millis(50));
        }
    }

    fn open(&mut self, a: &mut Article) {
        a.version += 1;
        a.open = true;
        self.opens += 1;
        self.log.sent(&a.uri, a.version);
        self.s.open(&a.uri, a.language, a.version, &a.text);
    }

    fn close(&mut self, a: &mut Article) {
        a.open = false;
        self.log.closed(&a.uri);
        self.s.close(&a.uri);
    }

    /// One didChange with one or more changes, each against the text the previous one left.
    fn change(&mut self, a: &mut Article, changes: &[(usize, usize, String)]) {
        let mut content = Vec::new();
        for (start, end, new) in changes {
            content.push(json!({"range": range(&a.text, *start, *end, self.enc), "text": new}));
            a.text.replace_range(*start..*end, new);
        }
        a.version += 1;
        self.edits += 1;
        self.log.sent(&a.uri, a.version);
        self.s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": a.uri, "version": a.version}, "contentChanges": content}),
        );
    }

    /// A hover or an inlay-hint request, not waited for: the answer is booked when it comes.
    fn ask(&mut self, a: &Article, rng: &mut Rng) {
        let id = if rng.chance(50) {
            let at = boundary(&a.text, rng.below(a.text.len() + 1));
            self.s.send_request("textDocument/hover", self.s.at(&a.uri, &a.text, at))
        } else {
            let start = boundary(&a.text, rng.below(a.text.len() + 1));
            let end = boundary(&a.text, start + rng.below(4000));
            self.s.send_request(
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": a.uri}, "range": range(&a.text, start, end, self.enc)}),
            )
        };
        self.log.pending.insert(id);
        self.requests += 1;
    }

    /// A burst of one kind of editing in one article (`kind` 0..5, or None for a random one).
    fn burst(&mut self, a: &mut Article, rng: &mut Rng, budget: usize, kind: Option<usize>) -> usize {
        let before = self.edits;
        let len = a.text.len();
        // Articles stay about the size they started at, as a day's rewriting leaves them: memory
        // is compared with the first pass over the same articles.
        let (low, high) = (a.original.len() / 2, a.original.len() * 3 / 2 + 2_000);
        let kind = if len > high {
            1
        } else if len < low {
            2
        } else {
            kind.unwrap_or_else(|| rng.below(5))
        };
        match kind {
            // Typing a sentence at a cursor, with the odd backspace.
            0 => {
                let mut cursor = boundary(&a.text, rng.below(len + 1));
                for c in rng.pick(TYPED).chars().take(budget) {
                    if rng.chance(8) && cursor > 0 {
                        let from = char_before(&a.text, cursor);
                        self.change(a, &[(from, cursor, String::new())]);
                        cursor = from;
                    } else {
                        let typed = if c == ' ' && rng.chance(3) { "\r\n".to_string() } else { c.to_string() };
                        self.change(a, &[(cursor, cursor, typed.clone())]);
                        cursor += typed.len();
                    }
                }
            }
            // Deleting: backspaces, or a selection of up to a few paragraphs.
            1 => {
                if rng.chance(50) && len > 0 {
                    let mut cursor = boundary(&a.text, rng.below(len + 1));
                    for _ in 0..(1 + rng.below(12)).min(budget) {
                        if cursor == 0 {
                            break;
                        }
                        let from = char_before(&a.text, cursor);
                        self.change(a, &[(from, cursor, String::new())]);
                        cursor = from;
                    }
                } else {
                    let start = boundary(&a.text, rng.below(len + 1));
                    let span = if len > high { 2_000 } else { 600 };
                    let end = boundary(&a.text, start + rng.below(span));
                    let end = end.max(start);
                    self.change(a, &[(start, end, String::new())]);
                }
            }
            // Pasting a paragraph (LF or CRLF), sometimes two places at once (multi-cursor).
            2 => {
                let at = boundary(&a.text, rng.below(len + 1));
                let mut para = format!("\n\n{}\n\n", rng.pick(PARAGRAPHS));
                if rng.chance(30) {
                    para = para.replace('\n', "\r\n");
                }
                if rng.chance(20) {
                    let second = boundary(&a.text, rng.below(len + 1));
                    let (lo, hi) = (at.min(second), at.max(second));
                    // Later position first, so the earlier one is unaffected.
                    self.change(a, &[(hi, hi, para.clone()), (lo, lo, para)]);
                } else {
                    self.change(a, &[(at, at, para)]);
                }
            }
            // Emoji between words, or replacing a word.
            3 => {
                for _ in 0..(1 + rng.below(3)).min(budget) {
                    let at = boundary(&a.text, rng.below(a.text.len() + 1));
                    let end = if rng.chance(30) { boundary(&a.text, at + rng.below(8)).max(at) } else { at };
                    self.change(a, &[(at, end, rng.pick(EMOJI).to_string())]);
                }
            }
            // Retyping a quotation mark style, or a whole line replaced (a paste over a selection).
            _ => {
                let at = boundary(&a.text, rng.below(len + 1));
                let end = boundary(&a.text, at + rng.below(300)).max(at);
                let new = match rng.below(4) {
                    0 => "“".to_string(),
                    1 => "\"".to_string(),
                    2 => "”".to_string(),
                    _ => rng.pick(TYPED).to_string(),
                };
                self.change(a, &[(at, end, new)]);
            }
        }
        self.edits - before
    }
}

/// Settings an editor might switch between during the day (pushed with didChangeConfiguration).
fn settings(i: usize) -> Value {
    let options = [
        json!({}),
        json!({"rules": {"loaded-verb": "error", "doubt-word": "off"}}),
        json!({"inlayHints": false, "maxFileSize": 1_000_000}),
        json!({"reportingVerbs": ["quipped", "tweeted"], "speakers": {"Dana Whitfield": "fire chief"}}),
        json!({"rules": {"unsourced-claim": "hint"}, "rulesUrl": "https://desk.example.org/whosaid/rules.html"}),
    ];
    options[i % options.len()].clone()
}

fn rss_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read /proc/PID/status (Linux)");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field).map(|v| v.trim().trim_end_matches("kB").trim().parse().unwrap()))
        .unwrap_or_else(|| panic!("no {field} in /proc/{pid}/status"))
}

/// The first pass over the day's articles: each opened and given every kind of edit twice, asked
/// about, with each of the day's settings applied along the way. Articles are edited three at a
/// time with their bursts interleaved, as during the day, so the server's queues and allocator
/// reach the working size the day needs before the first measurement.
fn first_pass(day: &mut Day, docs: &mut [Article], rng: &mut Rng) {
    let group_count = docs.len().div_ceil(3);
    for (g, group) in docs.chunks_mut(3).enumerate() {
        for a in group.iter_mut() {
            day.open(a);
        }
        for (round, kind) in (0..5).chain(0..5).enumerate() {
            for a in group.iter_mut() {
                day.burst(a, rng, 60, Some(kind));
                day.ask(a, rng);
            }
            if round % 2 == 1 {
                day.drain();
            }
        }
        for a in group.iter() {
            day.settle(&a.uri, a.version);
        }
        if g + 1 < group_count {
            day.s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": settings(g)}}));
        }
    }
    day.s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": settings(0)}}));
    reopen_originals(day, docs, rng);
}

/// Resident memory (KiB) with every article closed, once the server has cleared them all: what
/// the server keeps for itself, the figure compared over the day.
fn closed_memory(day: &mut Day, docs: &mut [Article], pid: u32) -> Memory {
    for a in docs.iter_mut().filter(|a| a.open) {
        day.close(a);
    }
    let deadline = Instant::now() + support::HANG;
    while !docs.iter().all(|a| day.log.track.get(&a.uri).is_some_and(|t| t.newest.is_none())) {
        assert!(Instant::now() < deadline, "closed articles were not cleared");
        day.pump(Duration::from_millis(50));
    }
    Memory::of(pid)
}

#[derive(Clone, Copy, Debug)]
struct Memory {
    rss: u64,
    anon: u64,
    file: u64,
    threads: u64,
}

impl Memory {
    fn of(pid: u32) -> Memory {
        Memory { rss: rss_kib(pid, "VmRSS:"), anon: rss_kib(pid, "RssAnon:"), file: rss_kib(pid, "RssFile:"), threads: rss_kib(pid, "Threads:") }
    }
}

/// Open every article with its original text, wait for its diagnostics, and ask one hover and one
/// set of inlay hints about each.
fn reopen_originals(day: &mut Day, docs: &mut [Article], rng: &mut Rng) {
    for a in docs.iter_mut() {
        if a.open {
            day.close(a);
        }
        a.text = a.original.clone();
        day.open(a);
    }
    for a in docs.iter_mut() {
        day.settle(&a.uri, a.version);
        day.ask(a, rng);
        day.ask(a, rng);
    }
    while !day.log.pending.is_empty() {
        assert!(day.pump(support::HANG), "requests unanswered: {:?}", day.log.pending);
    }
}

/// Diagnostics with the document's uri taken out, for comparing two documents with the same text.
fn normalised(diags: &[Value], uri: &str) -> String {
    serde_json::to_string(diags).unwrap().replace(uri, "URI")
}

fn working_day(edits_wanted: usize, seed: u64) {
    let started = Instant::now();
    let mut rng = Rng(seed);
    let enc = Enc::Utf16;
    let mut day = Day {
        s: Server::start(enc),
        log: Log::default(),
        enc,
        edits: 0,
        requests: 0,
        config_changes: 0,
        opens: 0,
    };
    let pid = day.s.pid();
    let mut docs = articles(&mut rng);

    first_pass(&mut day, &mut docs, &mut rng);
    let open_first = Memory::of(pid);
    let first = closed_memory(&mut day, &mut docs, pid);
    let rss_first = first.rss;
    reopen_originals(&mut day, &mut docs, &mut rng);

    let mut next_config = edits_wanted / 12;
    let mut rss_trace = vec![open_first.rss];
    while day.edits < edits_wanted {
        // One to three articles at a time, their bursts interleaved, then a pause to read.
        let mut picked: Vec<usize> = (0..1 + rng.below(3)).map(|_| rng.below(docs.len())).collect();
        picked.sort_unstable();
        picked.dedup();
        for &i in &picked {
            if !docs[i].open {
                let a = &mut docs[i];
                day.open(a);
            }
        }
        for round in 0..(1 + rng.below(4)) {
            for &i in &picked {
                let left = edits_wanted.saturating_sub(day.edits).max(1);
                day.burst(&mut docs[i], &mut rng, left.min(60), None);
                if rng.chance(35) {
                    day.ask(&docs[i], &mut rng);
                }
            }
            if round % 2 == 1 {
                day.drain();
            }
        }
        if day.edits >= next_config {
            rss_trace.push(rss_kib(pid, "VmRSS:"));
            day.config_changes += 1;
            next_config += edits_wanted / 12;
            day.s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": settings(day.config_changes)}}));
        }
        for &i in &picked {
            day.settle(&docs[i].uri, docs[i].version);
        }
        // Now and then a reporter closes a story (and opens it again later).
        if rng.chance(15) {
            let i = rng.below(docs.len());
            if docs[i].open {
                let a = &mut docs[i];
                day.close(a);
            }
        }
    }
    let edits_done = Instant::now();

    // Every open article: one last edit (so its last publish is known to follow every setting),
    // then its last diagnostics against a fresh analysis of the same text on the same server.
    for a in docs.iter_mut().filter(|a| a.open) {
        let end = a.text.len();
        day.change(a, &[(end, end, "\n".to_string())]);
    }
    for a in docs.iter().filter(|a| a.open) {
        day.settle(&a.uri, a.version);
    }
    while !day.log.pending.is_empty() {
        assert!(day.pump(support::HANG), "requests never answered: {:?}", day.log.pending);
    }
    let mut compared = 0;
    for (i, a) in docs.iter().enumerate().filter(|(_, a)| a.open) {
        let fresh_uri = uri(&format!("fresh/{i}.{}", if a.language == "markdown" { "md" } else { "txt" }));
        day.s.open(&fresh_uri, a.language, 1, &a.text);
        day.settle(&fresh_uri, 1);
        let fresh = day.log.last[&fresh_uri].clone();
        let last = &day.log.last[&a.uri];
        assert_eq!(
            normalised(last, &a.uri),
            normalised(&fresh, &fresh_uri),
            "{}: the last diagnostics differ from a fresh analysis of its {} bytes",
            a.uri,
            a.text.len()
        );
        day.s.close(&fresh_uri);
        day.log.closed(&fresh_uri);
        compared += 1;
    }

    // Published in order: versions never go back (the same version again is a republish after a
    // settings change; an empty publish with no version clears a closed article).
    for (u, versions) in &day.log.published {
        let numbered: Vec<i64> = versions.iter().flatten().copied().collect();
        for pair in numbered.windows(2) {
            assert!(pair[0] <= pair[1], "{u}: diagnostics out of order: {numbered:?}");
        }
    }
    assert!(day.log.errors.is_empty(), "requests answered with errors: {:#?}", day.log.errors);
    assert!(day.log.notices.is_empty(), "warnings from the server: {:#?}", day.log.notices);

    // Memory: the same 20 articles, original texts, as after the first pass.
    reopen_originals(&mut day, &mut docs, &mut rng);
    let open_last = Memory::of(pid);
    let last = closed_memory(&mut day, &mut docs, pid);
    let rss_last = last.rss;
    let rss_peak = rss_kib(pid, "VmHWM:");

    let stderr = day.s.stderr.lock().unwrap().clone();
    assert!(!stderr.contains("panicked"), "{stderr}");
    day.s.shutdown();
    assert!(day.s.wait_exit(support::HANG).is_some_and(|st| st.success()), "server did not exit cleanly");

    let mut pauses = day.log.pauses.clone();
    pauses.sort_unstable();
    let pct = |p: f64| pauses.get(((pauses.len() as f64 - 1.0) * p) as usize).copied().unwrap_or_default();
    let changed = rss_last as f64 / rss_first as f64 - 1.0;
    println!(
        "working day (seed {seed}): {} edits, {} opens, {} settings changes, {} hovers and inlay-hint requests (all answered), \
         {} publishes; {} articles matched a fresh analysis; editing took {:.1} s, all of it {:.1} s",
        day.edits,
        day.opens,
        day.config_changes,
        day.requests,
        day.log.publishes,
        compared,
        (edits_done - started).as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    println!(
        "  pause from an edit to the diagnostics covering it: median {:?}, 99th percentile {:?}, longest {:?} ({} edits measured)",
        pct(0.5),
        pct(0.99),
        pauses.last().copied().unwrap_or_default(),
        pauses.len()
    );
    println!(
        "  server memory (VmRSS) with every article closed: {rss_first} KiB after the first pass, {rss_last} KiB after the day \
         ({:+.1}%; heap and stacks {} → {} KiB, program pages {} → {} KiB, threads {} → {}); peak {rss_peak} KiB",
        changed * 100.0,
        first.anon,
        last.anon,
        first.file,
        last.file,
        first.threads,
        last.threads
    );
    println!(
        "  with the 20 articles open (original texts): {} KiB after the first pass, {} KiB after the day; \
         during the day, at each settings change: {rss_trace:?} KiB",
        open_first.rss, open_last.rss
    );
    assert!(
        changed <= 0.10,
        "resident memory grew {:.1}% over the day ({rss_first} KiB → {rss_last} KiB)",
        changed * 100.0
    );
}

fn edits_from_env(default: usize) -> usize {
    std::env::var("WHOSAID_WORKDAY_EDITS").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn a_working_day_leaves_the_server_as_it_was() {
    working_day(edits_from_env(20_000), 0x5EED_0001);
}

#[test]
#[ignore = "a long day (200,000 edits, several minutes): run with --ignored"]
fn a_working_week_leaves_the_server_as_it_was() {
    working_day(edits_from_env(200_000), 0x5EED_0002);
}
