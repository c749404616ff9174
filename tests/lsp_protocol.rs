//! Protocol failures not covered by lsp_lifecycle.rs / lsp_sync.rs: wrong parameter types, a
//! change after close, a second didOpen, versions going backwards, a client vanishing mid-message.
//! Each gets the standard error or is logged and survived, and other documents keep being served.

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{uri, Enc, Server, RIVERTON};

fn symbols(s: &mut Server, u: &str) -> Value {
    s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": u}})).expect("documentSymbol answers")
}

fn names(syms: &Value) -> Vec<String> {
    syms.as_array().map_or(Vec::new(), |a| a.iter().map(|x| x["name"].as_str().unwrap_or_default().to_string()).collect())
}

fn logged(s: &mut Server, needle: &str) -> Value {
    s.wait_for(
        |m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains(needle),
        &format!("a log message containing {needle:?}"),
    )
}

/// A second document that must keep working whatever happens to the first.
fn bystander(s: &mut Server) -> String {
    let u = uri("bystander.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    assert!(!s.diagnostics(&u, 1).is_empty());
    u
}

fn still_serves(s: &mut Server, u: &str) {
    assert!(names(&symbols(s, u)).iter().any(|n| n == "Ana Ruiz"), "the other document is still served");
}

#[test]
fn wrong_parameter_types_get_invalid_params_and_are_survived() {
    let mut s = Server::start(Enc::Utf16);
    let other = bystander(&mut s);
    let err = s.request("textDocument/hover", json!({"textDocument": 5, "position": "top"})).unwrap_err();
    assert_eq!(err["code"], -32602, "{err}");
    let err = s.request("textDocument/documentSymbol", json!([1, 2])).unwrap_err();
    assert_eq!(err["code"], -32602, "{err}");
    // Notifications cannot be answered: a badly typed one is dropped and nothing else changes.
    s.notify("textDocument/didOpen", json!({"textDocument": {"uri": 7, "languageId": [], "version": "one", "text": null}}));
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": other, "version": "two"}, "contentChanges": "all"}));
    still_serves(&mut s, &other);
    s.shutdown();
    assert_eq!(s.wait_exit(Duration::from_secs(5)).and_then(|st| st.code()), Some(0));
}

#[test]
fn did_change_after_did_close_is_logged_and_ignored() {
    let mut s = Server::start(Enc::Utf16);
    let other = bystander(&mut s);
    let u = uri("closed.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    s.diagnostics(&u, 1);
    s.close(&u);
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": "New text."}]}));
    let note = logged(&mut s, "not open");
    assert!(note["params"]["message"].as_str().unwrap().contains("closed.txt"), "{note}");
    // The closed document stays closed: no analysis to answer from.
    assert_eq!(symbols(&mut s, &u), Value::Null);
    still_serves(&mut s, &other);
    // Reopening works as a fresh open.
    s.open(&u, "plaintext", 3, RIVERTON);
    assert!(!s.diagnostics(&u, 3).is_empty());
}

#[test]
fn a_second_did_open_replaces_the_document() {
    let mut s = Server::start(Enc::Utf8);
    let other = bystander(&mut s);
    let u = uri("twice.txt");
    s.open(&u, "plaintext", 1, "Quiet day at the harbour.");
    assert!(s.diagnostics(&u, 1).is_empty());
    s.open(&u, "plaintext", 1, RIVERTON);
    logged(&mut s, "already open");
    // The next publish for the same version is for the new text.
    let diags = s.diagnostics(&u, 1);
    let fresh = uri("twice-fresh.txt");
    s.open(&fresh, "plaintext", 1, RIVERTON);
    let want = json!(s.diagnostics(&fresh, 1)).to_string().replace("twice-fresh.txt", "twice.txt");
    assert_eq!(json!(diags).to_string(), want);
    assert!(names(&symbols(&mut s, &u)).iter().any(|n| n == "Ana Ruiz"));
    still_serves(&mut s, &other);
}

#[test]
fn a_version_going_backwards_still_answers_for_the_latest_text() {
    let mut s = Server::start(Enc::Utf16);
    let other = bystander(&mut s);
    let u = uri("backwards.txt");
    s.open(&u, "plaintext", 5, "Quiet day at the harbour.");
    assert!(s.diagnostics(&u, 5).is_empty());
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": u, "version": 3}, "contentChanges": [{"text": RIVERTON}]}));
    // Asked at once: the analysis of version 5 must not pass for the newer text.
    assert!(names(&symbols(&mut s, &u)).iter().any(|n| n == "Ana Ruiz"), "answered from the old text");
    assert!(!s.diagnostics(&u, 3).is_empty());
    logged(&mut s, "went backwards");
    still_serves(&mut s, &other);
}

#[test]
fn a_client_vanishing_mid_message_ends_the_server() {
    let mut s = Server::start(Enc::Utf16);
    bystander(&mut s);
    // Half a message, then stdin closes.
    s.send_raw(b"Content-Length: 200\r\n\r\n{\"jsonrpc\": \"2.0\", \"method\": \"textDocu");
    s.close_stdin();
    let status = s.wait_exit(Duration::from_secs(5)).expect("server still running after its client vanished");
    assert_eq!(status.code(), Some(1), "no shutdown was requested");
    let log = s.stderr.lock().unwrap().clone();
    assert!(!log.contains("panicked"), "stderr: {log}");
}
