//! A small LSP client for tests and the latency bench: spawns the built `whosaid` binary and speaks
//! JSON-RPC over its stdio. Server→client requests (`workspace/configuration`,
//! `client/registerCapability`, `workspace/inlayHint/refresh`) are answered from a reader thread, so
//! the server never waits on the test.
//!
//! Positions are computed here independently of the server's own conversion code.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for any one expected message before declaring the server hung.
pub const HANG: Duration = Duration::from_secs(30);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16,
}

impl Enc {
    pub const BOTH: [Enc; 2] = [Enc::Utf8, Enc::Utf16];
    pub fn offered(self) -> Value {
        match self {
            Enc::Utf8 => json!(["utf-8", "utf-16"]),
            Enc::Utf16 => json!(["utf-16"]),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "utf-8",
            Enc::Utf16 => "utf-16",
        }
    }
}

// ---- positions, as a client computes them -------------------------------------------------------

/// Byte offsets where each LSP line starts (LF, CRLF and CR end lines).
fn line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 2;
                continue;
            }
            b'\r' | b'\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

fn units(s: &str, enc: Enc) -> usize {
    match enc {
        Enc::Utf8 => s.len(),
        Enc::Utf16 => s.encode_utf16().count(),
    }
}

pub fn position(text: &str, byte: usize, enc: Enc) -> Value {
    let starts = line_starts(text);
    let line = starts.partition_point(|&s| s <= byte) - 1;
    json!({"line": line, "character": units(&text[starts[line]..byte], enc)})
}

pub fn range(text: &str, start: usize, end: usize, enc: Enc) -> Value {
    json!({"start": position(text, start, enc), "end": position(text, end, enc)})
}

/// Byte offset of an LSP position in `text` (positions must be valid).
pub fn offset(text: &str, pos: &Value, enc: Enc) -> usize {
    let starts = line_starts(text);
    let line = pos["line"].as_u64().unwrap() as usize;
    let col = pos["character"].as_u64().unwrap() as usize;
    let start = starts[line];
    let mut seen = 0;
    for (i, c) in text[start..].char_indices() {
        if seen >= col || c == '\n' || c == '\r' {
            return start + i;
        }
        seen += match enc {
            Enc::Utf8 => c.len_utf8(),
            Enc::Utf16 => c.len_utf16(),
        };
    }
    text.len()
}

/// Byte span of an LSP range.
pub fn span(text: &str, range: &Value, enc: Enc) -> (usize, usize) {
    (offset(text, &range["start"], enc), offset(text, &range["end"], enc))
}

/// The text a range covers.
pub fn covered<'a>(text: &'a str, range: &Value, enc: Enc) -> &'a str {
    let (a, b) = span(text, range, enc);
    &text[a..b]
}

/// Apply LSP TextEdits (non-overlapping) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], enc: Enc) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let (a, b) = span(text, &e["range"], enc);
            (a, b, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

/// The edits a WorkspaceEdit makes to `uri` (from `changes` or `documentChanges`).
pub fn workspace_edits(edit: &Value, uri: &str) -> Vec<Value> {
    if let Some(list) = edit["changes"][uri].as_array() {
        return list.clone();
    }
    edit["documentChanges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["textDocument"]["uri"] == uri)
        .flat_map(|d| d["edits"].as_array().cloned().unwrap_or_default())
        .collect()
}

/// A uri for a fictional file.
pub fn uri(name: &str) -> String {
    format!("file:///newsroom/{name}")
}

// ---- the connection ------------------------------------------------------------------------------

fn write_message(w: &mut impl Write, msg: &Value) -> std::io::Result<()> {
    let body = serde_json::to_string(msg).unwrap();
    write!(w, "Content-Length: {}\r\n\r\n{}", body.len(), body)?;
    w.flush()
}

fn read_message(r: &mut impl BufRead) -> Option<(Instant, Value)> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    let arrived = Instant::now();
    Some((arrived, serde_json::from_slice(&body).ok()?))
}

pub struct Server {
    child: Child,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    rx: Receiver<(Instant, Value)>,
    backlog: VecDeque<(Instant, Value)>,
    /// When the message last returned by `wait_for` had fully arrived (before it was parsed).
    pub last_arrival: Option<Instant>,
    next_id: i64,
    /// What `workspace/configuration` answers for section "whosaid".
    pub settings: Arc<Mutex<Value>>,
    /// Server→client requests seen (method names), in order.
    pub server_requests: Arc<Mutex<Vec<String>>>,
    pub stderr: Arc<Mutex<String>>,
    pub enc: Enc,
    /// Every publishDiagnostics seen, in order: (uri, version).
    pub publishes: Vec<(String, Option<i64>)>,
}

impl Server {
    pub fn spawn() -> Server {
        Self::spawn_with_args(&["--stdio"])
    }

    /// Start `whosaid ARGS...` (editors run it with no arguments, `lsp`, or `--stdio`).
    pub fn spawn_with_args(args: &[&str]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_whosaid"));
        cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("start whosaid");
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let stdout = child.stdout.take().unwrap();
        let stderr_pipe = child.stderr.take().unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let settings = Arc::new(Mutex::new(Value::Null));
        let server_requests = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = channel();
        {
            let stdin = stdin.clone();
            let settings = settings.clone();
            let server_requests = server_requests.clone();
            std::thread::spawn(move || {
                let mut r = BufReader::new(stdout);
                while let Some((arrived, msg)) = read_message(&mut r) {
                    if let (Some(method), Some(id)) = (msg["method"].as_str(), msg.get("id")) {
                        server_requests.lock().unwrap().push(method.to_string());
                        let result = match method {
                            "workspace/configuration" => {
                                let n = msg["params"]["items"].as_array().map_or(1, Vec::len);
                                json!(vec![settings.lock().unwrap().clone(); n])
                            }
                            _ => Value::Null,
                        };
                        if let Some(w) = stdin.lock().unwrap().as_mut() {
                            let _ = write_message(w, &json!({"jsonrpc": "2.0", "id": id, "result": result}));
                        }
                    }
                    if tx.send((arrived, msg)).is_err() {
                        break;
                    }
                }
            });
        }
        {
            let stderr = stderr.clone();
            std::thread::spawn(move || {
                let mut r = BufReader::new(stderr_pipe);
                let mut line = String::new();
                while r.read_line(&mut line).unwrap_or(0) > 0 {
                    stderr.lock().unwrap().push_str(&line);
                    line.clear();
                }
            });
        }
        Server {
            child,
            stdin,
            rx,
            backlog: VecDeque::new(),
            last_arrival: None,
            next_id: 1,
            settings,
            server_requests,
            stderr,
            enc: Enc::Utf16,
            publishes: Vec::new(),
        }
    }

    /// Spawn and initialize with a client offering `enc`, then send `initialized`.
    pub fn start(enc: Enc) -> Server {
        Self::start_with(enc, json!({}), Value::Null, None)
    }

    pub fn start_with(enc: Enc, extra_caps: Value, init_options: Value, root: Option<&std::path::Path>) -> Server {
        let mut s = Self::spawn();
        let result = s.initialize(enc, extra_caps, init_options, root);
        assert_eq!(result["capabilities"]["positionEncoding"], enc.name(), "{result}");
        s.notify("initialized", json!({}));
        s
    }

    pub fn initialize(&mut self, enc: Enc, extra_caps: Value, init_options: Value, root: Option<&std::path::Path>) -> Value {
        self.enc = enc;
        let mut caps = json!({
            "general": {"positionEncodings": enc.offered()},
            "textDocument": {
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "publishDiagnostics": {"relatedInformation": true, "versionSupport": true},
                "inlayHint": {"resolveSupport": {"properties": ["tooltip"]}}
            }
        });
        merge(&mut caps, &extra_caps);
        let root_uri = root.map(|p| format!("file://{}", p.display()));
        let params = json!({
            "processId": std::process::id(),
            "rootUri": root_uri,
            "workspaceFolders": root_uri.as_ref().map(|u| json!([{"uri": u, "name": "newsroom"}])),
            "capabilities": caps,
            "initializationOptions": init_options,
        });
        self.request("initialize", params).expect("initialize succeeds")
    }

    pub fn send(&mut self, msg: &Value) {
        let mut guard = self.stdin.lock().unwrap();
        let w = guard.as_mut().expect("stdin open");
        write_message(w, msg).expect("write to server");
    }

    /// Write raw bytes (for malformed-input tests).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let mut guard = self.stdin.lock().unwrap();
        let w = guard.as_mut().expect("stdin open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    pub fn close_stdin(&mut self) {
        self.stdin.lock().unwrap().take();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Send a request and wait for its response: `Ok(result)` or `Err(error)`.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.send_request(method, params);
        let msg = self.wait_for(|m| m["id"] == id && m.get("method").is_none(), &format!("response to {method}"));
        match msg.get("error") {
            Some(err) => Err(err.clone()),
            None => Ok(msg["result"].clone()),
        }
    }

    fn next_message(&mut self, deadline: Instant) -> Option<(Instant, Value)> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok((arrived, msg)) => {
                if msg["method"] == "textDocument/publishDiagnostics" {
                    let p = &msg["params"];
                    self.publishes.push((p["uri"].as_str().unwrap_or_default().to_string(), p["version"].as_i64()));
                }
                Some((arrived, msg))
            }
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    /// The first message (from the backlog or the wire) matching `pred`; others stay queued.
    pub fn wait_for(&mut self, pred: impl Fn(&Value) -> bool, what: &str) -> Value {
        self.try_wait_for(pred, HANG).unwrap_or_else(|| {
            panic!("no {what} from the server within {HANG:?}; stderr:\n{}", self.stderr.lock().unwrap())
        })
    }

    pub fn try_wait_for(&mut self, pred: impl Fn(&Value) -> bool, within: Duration) -> Option<Value> {
        if let Some(i) = self.backlog.iter().position(|(_, m)| pred(m)) {
            let (arrived, msg) = self.backlog.remove(i)?;
            self.last_arrival = Some(arrived);
            return Some(msg);
        }
        let deadline = Instant::now() + within;
        while let Some((arrived, msg)) = self.next_message(deadline) {
            if pred(&msg) {
                self.last_arrival = Some(arrived);
                return Some(msg);
            }
            self.backlog.push_back((arrived, msg));
        }
        None
    }

    /// Everything received so far without waiting (moved to the backlog).
    pub fn drain(&mut self) {
        while let Some(msg) = self.next_message(Instant::now()) {
            self.backlog.push_back(msg);
        }
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    /// Replace `start..end` (bytes of `text`) with `new` via one incremental change; returns the new text.
    pub fn edit(&mut self, uri: &str, version: i64, text: &str, start: usize, end: usize, new: &str) -> String {
        let r = range(text, start, end, self.enc);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": r, "text": new}]}),
        );
        let mut out = text.to_string();
        out.replace_range(start..end, new);
        out
    }

    pub fn close(&mut self, uri: &str) {
        self.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    }

    /// Wait for a publish for `uri` whose diagnostics satisfy `pred`, whatever its version
    /// (configuration changes republish under the same version).
    pub fn diagnostics_where(&mut self, uri: &str, what: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let mut msg = self.wait_for(
            |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && pred(m["params"]["diagnostics"].as_array().map_or(&[][..], |v| &v[..]))
            },
            what,
        );
        match msg["params"]["diagnostics"].take() {
            Value::Array(list) => list,
            _ => Vec::new(),
        }
    }

    /// Wait for diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let mut msg = self.wait_for(
            |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && m["params"]["version"] == version
            },
            &format!("diagnostics for {uri} v{version}"),
        );
        match msg["params"]["diagnostics"].take() {
            Value::Array(list) => list,
            _ => Vec::new(),
        }
    }

    pub fn at(&self, uri: &str, text: &str, byte: usize) -> Value {
        json!({"textDocument": {"uri": uri}, "position": position(text, byte, self.enc)})
    }

    pub fn hover(&mut self, uri: &str, text: &str, byte: usize) -> Option<String> {
        let r = self.request("textDocument/hover", self.at(uri, text, byte)).expect("hover");
        r["contents"]["value"].as_str().map(str::to_string)
    }

    pub fn inlay_hints(&mut self, uri: &str, text: &str, start: usize, end: usize) -> Vec<Value> {
        let params = json!({"textDocument": {"uri": uri}, "range": range(text, start, end, self.enc)});
        self.request("textDocument/inlayHint", params).expect("inlay hints").as_array().cloned().unwrap_or_default()
    }

    pub fn code_actions(&mut self, uri: &str, text: &str, start: usize, end: usize) -> Vec<Value> {
        let params = json!({"textDocument": {"uri": uri}, "range": range(text, start, end, self.enc),
                            "context": {"diagnostics": []}});
        self.request("textDocument/codeAction", params).expect("code actions").as_array().cloned().unwrap_or_default()
    }

    pub fn shutdown(&mut self) {
        self.request("shutdown", Value::Null).expect("shutdown");
        self.notify("exit", Value::Null);
    }

    /// Wait up to `within` for the process to end.
    pub fn wait_exit(&mut self, within: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn merge(base: &mut Value, extra: &Value) {
    match (base, extra) {
        (Value::Object(b), Value::Object(e)) => {
            for (k, v) in e {
                merge(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, e) => *b = e.clone(),
    }
}

/// Findings as comparable tuples: (code, severity, range text, message).
pub fn summary(text: &str, diags: &[Value], enc: Enc) -> Vec<(String, i64, String, String)> {
    let mut out: Vec<_> = diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["severity"].as_i64().unwrap_or_default(),
                covered(text, &d["range"], enc).to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The fixture article used across the tests (fictional).
pub const RIVERTON: &str = include_str!("fixtures/riverton.txt");
pub const LAKESIDE: &str = include_str!("fixtures/lakeside.txt");
