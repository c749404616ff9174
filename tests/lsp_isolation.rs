//! An internal error while analysing one document is contained: that document gets one error
//! diagnostic and a log line, the server keeps serving, other documents are unaffected.
//! Needs the test-only `fault-injection` feature: `cargo test --features fault-injection --test lsp_isolation`.

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{Enc, Server};

const MARKER: &str = "WHOSAID-INJECT-PANIC";
const GOOD: &str = "Critics say the plan is reckless. “We will rebuild the bridge,” Mayor Ana Ruiz said.";

fn codes(diags: &[Value]) -> Vec<String> {
    diags.iter().map(|d| d["code"].as_str().unwrap_or_default().to_string()).collect()
}

#[test]
fn a_panicking_analysis_is_contained_to_its_document() {
    let mut s = Server::start(Enc::Utf16);
    let good = support::uri("good.txt");
    let bad = support::uri("bad.txt");
    s.open(&good, "plaintext", 1, GOOD);
    let before = s.diagnostics(&good, 1);
    assert!(!before.is_empty(), "the good text has findings to compare against");

    s.open(&bad, "plaintext", 1, &format!("Officials said {MARKER} today."));
    let diags = s.diagnostics(&bad, 1);
    assert_eq!(codes(&diags), ["internal-error"], "{diags:?}");
    assert_eq!(diags[0]["severity"], 1, "shown as an error");
    let logged = s.wait_for(
        |m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains("bad.txt"),
        "a log line about the failed analysis",
    );
    assert_eq!(logged["params"]["type"], 1, "{logged}");

    // Requests on the failed document answer instead of hanging.
    let r = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": bad}}));
    assert!(r.is_ok(), "{r:?}");

    // The other document is unaffected: an edit is analysed as before.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": good, "version": 2}, "contentChanges": [{"text": GOOD}]}),
    );
    assert_eq!(s.diagnostics(&good, 2), before);

    // Fixing the bad document brings its analysis back.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": bad, "version": 2}, "contentChanges": [{"text": GOOD}]}),
    );
    // Related locations name the document; otherwise the same diagnostics.
    let same = json!(before).to_string().replace("good.txt", "bad.txt");
    assert_eq!(json!(s.diagnostics(&bad, 2)).to_string(), same);

    s.shutdown();
    assert_eq!(s.wait_exit(Duration::from_secs(5)).and_then(|st| st.code()), Some(0), "still an orderly exit");
}
