//! The byte streams around tower-lsp-server.
//!
//! Input: its framed reader ends the whole input stream on the first message it cannot decode
//! (tokio-util stops a `FramedRead` after a decoder error), which would turn one bad message into a
//! dead server. [`filter`] checks every frame first; frames that are not JSON-RPC are logged and
//! dropped, the rest pass through unchanged.
//!
//! Output: one thread owns stdout and writes whole frames from a channel. tower-lsp's frames are
//! forwarded into it unchanged ([`forward`]); diagnostics are serialised straight from their
//! structs and sent by [`Output::notify`], because the library's `Client` first converts every
//! message into a `serde_json::Value` tree, which for a long article costs several times the
//! analysis itself.

use serde::Serialize;
use std::io::Write;
use std::sync::{mpsc, Arc, OnceLock};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::ls_types::MessageType;
use tower_lsp_server::Client;

/// Larger frames are treated as garbage rather than buffered.
const MAX_FRAME: usize = 512 * 1024 * 1024;
const MAX_HEADER: usize = 64 * 1024;

enum Frame {
    /// Need more input.
    Incomplete,
    /// A complete frame: header length and body length.
    Message { header: usize, body: usize },
    /// Bytes to drop, with a reason.
    Garbage { skip: usize, why: String },
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn next_frame(buf: &[u8]) -> Frame {
    let Some(end) = find(buf, b"\r\n\r\n") else {
        // Headers are a few dozen bytes; this much without a blank line is not a message.
        if buf.len() > MAX_HEADER {
            let skip = find(&buf[1..], b"Content-Length").map_or(buf.len(), |i| i + 1);
            return Frame::Garbage { skip, why: "bytes that are not a message header".into() };
        }
        return Frame::Incomplete;
    };
    let header = end + 4;
    let mut len = None;
    for line in buf[..end].split(|&b| b == b'\n') {
        let line = String::from_utf8_lossy(line);
        if let Some((name, value)) = line.trim().split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                len = value.trim().parse::<usize>().ok();
            }
        }
    }
    match len {
        Some(n) if n <= MAX_FRAME => {
            if buf.len() < header + n {
                Frame::Incomplete
            } else {
                Frame::Message { header, body: n }
            }
        }
        _ => {
            // Resynchronise at the next header, as the library itself would.
            let skip = find(&buf[1..], b"Content-Length").map_or(header, |i| i + 1);
            Frame::Garbage { skip, why: "a message header without a usable Content-Length".into() }
        }
    }
}

fn check_body(body: &[u8]) -> Result<(), String> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| format!("not JSON ({e})"))?;
    use serde::Deserialize;
    if Request::deserialize(&value).is_ok() || Response::deserialize(&value).is_ok() {
        Ok(())
    } else {
        Err("JSON that is not a JSON-RPC 2.0 request, notification or response".into())
    }
}

async fn report(client: &OnceLock<Client>, why: String) {
    let text = format!("whosaid: ignored a malformed message from the editor: {why}");
    tracing::error!("{text}");
    if let Some(c) = client.get() {
        c.log_message(MessageType::ERROR, text).await;
    }
}

/// Copy frames from `input` to `output`, dropping malformed ones. Returns at end of input.
pub async fn filter(mut input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin, client: Arc<OnceLock<Client>>) {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        match next_frame(&buf) {
            Frame::Incomplete => match input.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            },
            Frame::Garbage { skip, why } => {
                buf.drain(..skip.min(buf.len()));
                report(&client, why).await;
            }
            Frame::Message { header, body } => {
                let end = header + body;
                match check_body(&buf[header..end]) {
                    Ok(()) => {
                        if output.write_all(&buf[..end]).await.is_err() || output.flush().await.is_err() {
                            return;
                        }
                    }
                    Err(why) => report(&client, why).await,
                }
                buf.drain(..end);
            }
        }
    }
}

/// Whole frames to write to stdout, in order. An empty frame asks the writer to stop.
#[derive(Clone)]
pub struct Output {
    tx: mpsc::Sender<Vec<u8>>,
}

/// A frame for a JSON-RPC body.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The framed bytes of a notification, serialised directly from `params`.
pub fn notification<P: Serialize>(method: &str, params: &P) -> Option<Vec<u8>> {
    #[derive(Serialize)]
    struct Note<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    match serde_json::to_vec(&Note { jsonrpc: "2.0", method, params }) {
        Ok(body) => Some(frame(&body)),
        Err(e) => {
            tracing::error!("cannot serialise {method}: {e}");
            None
        }
    }
}

impl Output {
    /// Queue a framed message (see [`notification`]).
    pub fn send(&self, framed: Vec<u8>) {
        if !framed.is_empty() {
            let _ = self.tx.send(framed);
        }
    }

    pub fn notify<P: Serialize>(&self, method: &str, params: &P) {
        if let Some(f) = notification(method, params) {
            self.send(f);
        }
    }

    /// Ask the writer to stop once everything queued so far is written.
    pub fn finish(&self) {
        let _ = self.tx.send(Vec::new());
    }
}

/// Start the stdout writer thread. The receiver reports when it has stopped.
pub fn stdout_writer() -> (Output, mpsc::Receiver<()>) {
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let stdout = std::io::stdout();
        let mut w = stdout.lock();
        'outer: while let Ok(first) = rx.recv() {
            let mut next = Some(first);
            // Write everything already queued, then flush once.
            while let Some(f) = next {
                if f.is_empty() {
                    let _ = w.flush();
                    break 'outer;
                }
                if w.write_all(&f).is_err() {
                    break 'outer;
                }
                next = rx.try_recv().ok();
            }
            if w.flush().is_err() {
                break;
            }
        }
        let _ = done_tx.send(());
    });
    (Output { tx }, done_rx)
}

/// Wait (a little) for the writer to drain; a client that stopped reading must not keep us alive.
pub fn wait_written(done: &mpsc::Receiver<()>) {
    let _ = done.recv_timeout(Duration::from_secs(1));
}

/// Move tower-lsp's output frames into `out`, unchanged. Returns when its writer closes.
pub async fn forward(mut from_server: impl AsyncRead + Unpin, out: Output) {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        match next_frame(&buf) {
            Frame::Incomplete => match from_server.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            },
            Frame::Garbage { skip, .. } => {
                buf.drain(..skip.min(buf.len()));
            }
            Frame::Message { header, body } => {
                let end = header + body;
                out.send(buf[..end].to_vec());
                buf.drain(..end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn run(input: &[u8]) -> Vec<u8> {
        let (mut w, r) = tokio::io::duplex(1 << 20);
        let mut out = Vec::new();
        let (mut outw, mut outr) = tokio::io::duplex(1 << 20);
        w.write_all(input).await.unwrap();
        drop(w);
        filter(r, &mut outw, Arc::new(OnceLock::new())).await;
        drop(outw);
        outr.read_to_end(&mut out).await.unwrap();
        out
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{}", body.len(), body)
    }

    #[tokio::test]
    async fn good_frames_pass_bad_ones_are_dropped() {
        let ok1 = frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#);
        let ok2 = frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let noise = "x".repeat(100_000);
        let input = format!("{ok1}{}{}garbage\r\n\r\n{}{noise}{ok2}", frame("{not json"), frame("[1,2]"), frame("é"));
        let out = run(input.as_bytes()).await;
        assert_eq!(String::from_utf8(out).unwrap(), format!("{ok1}{ok2}"));
    }
}
