//! Open documents (ropes keyed by URI), the analysis worker and the per-document analysis cache.
//!
//! Edits are applied synchronously under `State::docs` in the notification handler, so they land in
//! the order received. Analysis runs on the blocking pool; at most one worker runs per document, and
//! it loops until the document stops changing, so a burst of keystrokes costs one analysis per
//! loop rather than one per keystroke (queued edits coalesce). A result is cached and published only
//! while its version is still the document's current one. Each slot keeps the engine's
//! [`analysis::Reuse`] of the last analysed text, so an edit re-tokenises only the paragraphs it touched.

use super::position::{Encoding, LineIndex};
use super::{diagnostics, log, transport, State};
use crate::analysis::{self, Analysis, Format, KnownSpeaker, Span, Sources};
use ropey::Rope;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::watch;
use tower_lsp_server::ls_types::{Diagnostic, Position, PublishDiagnosticsParams, Range, Uri};

/// One analysed version of a document: its text, the analysis, and what is needed to turn the
/// analysis's byte spans into LSP ranges.
pub struct Snapshot {
    pub uri: Uri,
    pub open_id: u64,
    pub version: i32,
    pub text: String,
    pub lines: LineIndex,
    pub format: Format,
    pub analysis: Analysis,
    pub enc: Encoding,
    /// The newsroom's known speakers this version was analysed with (a configured gender).
    pub known: Vec<KnownSpeaker>,
    /// The source profile, derived from `analysis` the first time a hover, lens or the sources
    /// view asks for it, then shared by all of them.
    profile: OnceLock<Sources>,
}

impl Snapshot {
    pub fn new(uri: Uri, open_id: u64, version: i32, text: String, format: Format, analysis: Analysis, enc: Encoding) -> Snapshot {
        let lines = LineIndex::new(&text);
        Snapshot { uri, open_id, version, text, lines, format, analysis, enc, known: Vec::new(), profile: OnceLock::new() }
    }
    pub fn with_known(mut self, known: Vec<KnownSpeaker>) -> Snapshot {
        self.known = known;
        self
    }
    /// Who this version of the article quotes (see `analysis::sources`).
    pub fn sources(&self) -> &Sources {
        self.profile.get_or_init(|| {
            let options = analysis::Options { known_speakers: self.known.clone(), ..analysis::Options::default() };
            analysis::source_profile(&self.text, &self.analysis, &options)
        })
    }
    pub fn range(&self, span: Span) -> Range {
        self.lines.range(&self.text, span.start, span.end, self.enc)
    }
    pub fn position(&self, byte: usize) -> Position {
        self.lines.position(&self.text, byte, self.enc)
    }
    pub fn offset(&self, pos: Position) -> usize {
        self.lines.offset(&self.text, pos, self.enc).0
    }
    /// Byte span of an LSP range, clamped.
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
    /// Zero-based line of a byte offset.
    pub fn line(&self, byte: usize) -> usize {
        self.lines.line(byte.min(self.text.len()))
    }
    /// One-based paragraph number (¶) of a byte offset, counting prose paragraphs.
    pub fn paragraph(&self, byte: usize) -> Option<usize> {
        let paras = &self.analysis.paragraphs;
        let i = paras.partition_point(|p| p.start <= byte);
        (i > 0).then_some(i)
    }
}

pub struct Document {
    /// Distinguishes a reopened document from the one closed before it.
    pub open_id: u64,
    pub version: i32,
    pub rope: Rope,
    pub format: Format,
}

pub struct Slot {
    /// `None` once closed while a worker was still running; the worker clears and removes it.
    pub doc: Option<Document>,
    pub analysing: bool,
    pub latest: watch::Sender<Option<Arc<Snapshot>>>,
    /// Tokens of the last analysed text, so the next analysis re-reads only edited paragraphs.
    /// Taken by the worker while it analyses.
    pub reuse: Option<analysis::Reuse>,
}

impl Slot {
    pub fn new_empty() -> Slot {
        Slot { doc: None, analysing: false, latest: watch::channel(None).0, reuse: None }
    }
}

/// Markdown by language id or by file extension.
pub fn format_of(language_id: &str, uri: &Uri) -> Format {
    if Format::guess(language_id) == Format::Markdown || Format::guess(uri.path().as_str()) == Format::Markdown {
        Format::Markdown
    } else {
        Format::PlainText
    }
}

/// Start the document's worker unless one is running (it will pick the change up).
pub fn schedule(state: &Arc<State>, slot: &mut Slot, uri: &Uri) {
    if !slot.analysing {
        slot.analysing = true;
        tokio::spawn(worker(state.clone(), uri.clone()));
    }
}

enum Next {
    Analyse { rope: Rope, version: i32, open_id: u64, format: Format, reuse: Option<analysis::Reuse> },
    Closed,
    Gone,
}

async fn worker(state: Arc<State>, uri: Uri) {
    loop {
        let next = {
            let mut docs = state.docs();
            match docs.get_mut(&uri) {
                None => Next::Gone,
                Some(Slot { doc: None, .. }) => {
                    docs.remove(&uri);
                    // Under the lock, so a reopened document's first publish cannot overtake it.
                    publish(&state, uri.clone(), Vec::new(), None);
                    super::memory::release();
                    Next::Closed
                }
                Some(Slot { doc: Some(d), reuse, .. }) => Next::Analyse {
                    rope: d.rope.clone(),
                    version: d.version,
                    open_id: d.open_id,
                    format: d.format,
                    reuse: reuse.take(),
                },
            }
        };
        let (rope, version, open_id, format, reuse) = match next {
            Next::Gone => return,
            Next::Closed => return,
            Next::Analyse { rope, version, open_id, format, reuse } => (rope, version, open_id, format, reuse),
        };
        let (mut options, links, generation) = state.options();
        options.format = format;
        let enc = state.encoding();
        let known = options.known_speakers.clone();
        let job_uri = uri.clone();
        let kept = rope.clone(); // O(1); only used if the analysis panics.
        // A newer edit (or a close, or new settings) makes this analysis worthless: stop it early
        // so the newest text is analysed sooner. Polled a few dozen times per megabyte.
        let (watch_state, watch_uri) = (state.clone(), uri.clone());
        let superseded = move || {
            watch_state.generation() != generation
                || !matches!(watch_state.docs().get(&watch_uri), Some(Slot { doc: Some(d), .. }) if d.open_id == open_id && d.version == version)
        };
        let result = tokio::task::spawn_blocking(move || {
            let t0 = std::time::Instant::now();
            // The one copy of the text per analysis.
            let text = rope.to_string();
            let t1 = std::time::Instant::now();
            // An engine bug must cost this document its analysis, not the server (or other documents).
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                fault_injection(&text);
                analysis::analyze_reusing(&text, &options, &superseded, reuse.as_ref(), true)
            }));
            let (analysis, failure, next_reuse) = match outcome {
                Ok(Some((a, next))) => (a, None, next),
                // Superseded: the old tokens still serve the next analysis.
                Ok(None) => return (None, reuse),
                Err(payload) => (Analysis::default(), Some(panic_message(payload.as_ref())), None),
            };
            let t2 = std::time::Instant::now();
            let snapshot = Snapshot::new(job_uri, open_id, version, text, format, analysis, enc).with_known(known);
            let diags = match &failure {
                None => diagnostics::diagnostics(&snapshot, &links),
                Some(msg) => vec![diagnostics::internal_error(msg)],
            };
            let n = diags.len();
            let params = PublishDiagnosticsParams::new(snapshot.uri.clone(), diags, Some(version));
            let framed = transport::notification(PUBLISH, &params).unwrap_or_default();
            tracing::debug!(
                "analysed {} v{version}: {} bytes, copy {:?}, analyse {:?}, {} diagnostics in {:?}",
                snapshot.uri.as_str(),
                snapshot.text.len(),
                t1 - t0,
                t2 - t1,
                n,
                t2.elapsed()
            );
            (Some((Arc::new(snapshot), framed, failure)), next_reuse)
        })
        .await;
        let result = match result {
            Ok((done, reuse)) => {
                if let Some(reuse) = reuse {
                    if let Some(slot @ Slot { doc: Some(_), .. }) = state.docs().get_mut(&uri) {
                        slot.reuse = Some(reuse);
                    }
                }
                Ok(done)
            }
            Err(err) => Err(err),
        };

        let is_current = |docs: &std::collections::HashMap<Uri, Slot>| {
            matches!(docs.get(&uri), Some(Slot { doc: Some(d), .. }) if d.open_id == open_id && d.version == version)
                && state.generation() == generation
        };
        match result {
            // Superseded mid-way: nothing to cache or publish; the loop below takes the newest text.
            Ok(None) => {}
            Ok(Some((snapshot, framed, failure))) => {
                if let Some(msg) = failure {
                    log(&state.client, tower_lsp_server::ls_types::MessageType::ERROR, format!(
                        "analysis of {} (version {version}) failed: {msg}. The document is shown with one error diagnostic; other documents are unaffected. Please report this with the text that caused it.",
                        uri.as_str()
                    ))
                    .await;
                }
                let (publish, previous) = {
                    let docs = state.docs();
                    let current = is_current(&docs);
                    let mut previous = None;
                    if let Some(slot) = docs.get(&uri) {
                        if slot.doc.as_ref().is_some_and(|d| d.open_id == open_id) {
                            // Cached even when stale: requests wait for a newer one but can fall back to it.
                            previous = slot.latest.send_replace(Some(snapshot.clone()));
                        }
                    }
                    (current, previous)
                };
                // Sent while this worker still owns the document, so publishes stay in version order.
                if publish {
                    state.out.send(framed);
                    state.lens_changed(previous.as_deref().filter(|p| p.open_id == open_id), &snapshot);
                }
                // Freeing the old analysis (a megabyte's takes about a millisecond) waits until
                // the diagnostics are on their way.
                drop(previous);
            }
            Err(err) => {
                // An engine bug. Cache an empty analysis so requests waiting for this version
                // answer (with nothing) instead of timing out; the diagnostics shown stay as they were.
                let empty = Snapshot::new(uri.clone(), open_id, version, kept.to_string(), format, Analysis::default(), enc);
                if let Some(slot) = state.docs().get(&uri) {
                    if slot.doc.as_ref().is_some_and(|d| d.open_id == open_id) {
                        slot.latest.send_replace(Some(Arc::new(empty)));
                    }
                }
                log(&state.client, tower_lsp_server::ls_types::MessageType::ERROR, format!(
                    "analysis of {} (version {version}) failed: {err}. Please report this with the text that caused it.",
                    uri.as_str()
                ))
                .await;
            }
        }
        {
            let mut docs = state.docs();
            if is_current(&docs) {
                if let Some(slot) = docs.get_mut(&uri) {
                    slot.analysing = false;
                }
                return;
            }
        }
    }
}

const PUBLISH: &str = "textDocument/publishDiagnostics";

/// The text of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "internal error".to_string()
    }
}

/// Text containing this marker makes the analysis panic, so tests can prove a failure stays
/// contained. Compiled only into unit tests and builds with the `fault-injection` feature.
#[cfg(any(test, feature = "fault-injection"))]
pub const FAULT_MARKER: &str = "WHOSAID-INJECT-PANIC";

#[cfg(any(test, feature = "fault-injection"))]
fn fault_injection(text: &str) {
    if text.contains(FAULT_MARKER) {
        panic!("fault injected for testing");
    }
}

#[cfg(not(any(test, feature = "fault-injection")))]
#[inline(always)]
fn fault_injection(_: &str) {}

/// Publish (or with an empty list, clear) a document's diagnostics.
pub fn publish(state: &State, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
    state.out.notify(PUBLISH, &PublishDiagnosticsParams::new(uri, diagnostics, version));
}

/// The analysis of the document as of now: waits (briefly) for the worker to catch up with the
/// latest edit so positions in the request match the snapshot; falls back to the newest one.
pub async fn snapshot(state: &State, uri: &Uri) -> Option<Arc<Snapshot>> {
    let (mut rx, open_id, version) = {
        let docs = state.docs();
        let slot = docs.get(uri)?;
        let doc = slot.doc.as_ref()?;
        (slot.latest.subscribe(), doc.open_id, doc.version)
    };
    let fresh = |s: &Option<Arc<Snapshot>>| s.as_ref().is_some_and(|s| s.open_id == open_id && s.version >= version);
    let waited = match tokio::time::timeout(Duration::from_secs(10), rx.wait_for(fresh)).await {
        Ok(Ok(snapshot)) => Some(snapshot.clone()),
        _ => None,
    };
    let found = waited.unwrap_or_else(|| rx.borrow().clone());
    found.filter(|s| s.open_id == open_id)
}
