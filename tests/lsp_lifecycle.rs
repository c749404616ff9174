//! The server's life: initialize and its capabilities, shutdown/exit, closed stdin, bad input.

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{Enc, Server};

#[test]
fn initialize_advertises_what_editors_need() {
    for enc in Enc::BOTH {
        let mut s = Server::spawn();
        let r = s.initialize(enc, json!({}), Value::Null, None);
        let caps = &r["capabilities"];
        assert_eq!(caps["positionEncoding"], enc.name());
        // Incremental sync, with open/close notifications.
        assert_eq!(caps["textDocumentSync"]["change"], 2, "{caps}");
        assert_eq!(caps["textDocumentSync"]["openClose"], true);
        for provider in ["hoverProvider", "definitionProvider", "referencesProvider", "documentHighlightProvider", "documentSymbolProvider"] {
            assert_eq!(caps[provider], true, "{provider}: {caps}");
        }
        assert_eq!(caps["inlayHintProvider"]["resolveProvider"], true, "{caps}");
        assert!(caps["codeActionProvider"]["codeActionKinds"].as_array().unwrap().contains(&json!("quickfix")));
        assert_eq!(caps["executeCommandProvider"]["commands"], json!(["whosaid.sources", "whosaid.addKnownSpeaker", "whosaid.disableRule"]));
        assert_eq!(r["serverInfo"]["name"], "whosaid");
    }
}

#[test]
fn every_way_editors_start_it_serves_lsp() {
    for args in [&[][..], &["lsp"][..], &["--stdio"][..], &["lsp", "--stdio"][..]] {
        let mut s = Server::spawn_with_args(args);
        let r = s.initialize(Enc::Utf16, json!({}), Value::Null, None);
        assert_eq!(r["serverInfo"]["name"], "whosaid", "{args:?}");
        s.shutdown();
        assert_eq!(s.wait_exit(Duration::from_secs(5)).and_then(|st| st.code()), Some(0), "{args:?}");
    }
}

#[test]
fn client_without_position_encodings_gets_utf16() {
    let mut s = Server::spawn();
    let r = s.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}})).unwrap();
    assert_eq!(r["capabilities"]["positionEncoding"], "utf-16");
}

#[test]
fn shutdown_then_exit_ends_promptly_with_stdin_open() {
    let mut s = Server::start(Enc::Utf16);
    s.open(&support::uri("a.txt"), "plaintext", 1, support::RIVERTON);
    s.diagnostics(&support::uri("a.txt"), 1);
    s.shutdown();
    // stdin stays open: the server must not wait for it to close.
    let status = s.wait_exit(Duration::from_secs(1)).expect("server still running 1 s after exit");
    assert_eq!(status.code(), Some(0), "orderly shutdown exits 0");
}

#[test]
fn exit_without_shutdown_exits_with_1() {
    let mut s = Server::start(Enc::Utf8);
    s.notify("exit", Value::Null);
    let status = s.wait_exit(Duration::from_secs(1)).expect("server still running 1 s after exit");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn closed_stdin_ends_the_server() {
    let mut s = Server::start(Enc::Utf16);
    s.close_stdin();
    assert!(s.wait_exit(Duration::from_secs(5)).is_some(), "server kept running after stdin closed");
}

#[test]
fn malformed_input_is_logged_and_survived() {
    let mut s = Server::start(Enc::Utf16);
    // A body that is not JSON, then JSON that is not a message.
    s.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    s.send_raw(b"Content-Length: 7\r\n\r\n[1,2,3]");
    let logged = s.wait_for(
        |m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains("malformed"),
        "a log message about the malformed input",
    );
    assert_eq!(logged["params"]["type"], 1, "logged as an error: {logged}");
    // Still serving.
    let text = "“We will rebuild the bridge,” Mayor Ana Ruiz said.";
    let uri = support::uri("after-garbage.txt");
    s.open(&uri, "plaintext", 1, text);
    s.diagnostics(&uri, 1);
    let r = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert!(r.is_ok(), "{r:?}");
    s.shutdown();
    s.wait_exit(Duration::from_secs(5)).expect("exit");
    let log = s.stderr.lock().unwrap().clone();
    assert!(log.contains("malformed"), "stderr: {log}");
}

#[test]
fn unknown_methods_get_method_not_found() {
    let mut s = Server::start(Enc::Utf16);
    let err = s.request("whosaid/noSuchThing", json!({})).unwrap_err();
    assert_eq!(err["code"], -32601, "{err}");
    // An unknown notification is ignored, not answered.
    s.notify("whosaid/alsoUnknown", json!({}));
    let r = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": support::uri("none.txt")}}));
    assert_eq!(r, Ok(Value::Null));
}

#[test]
fn edits_to_unopened_or_closed_documents_are_survived() {
    let mut s = Server::start(Enc::Utf16);
    let uri = support::uri("ghost.txt");
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    // A range far outside the document, and one inside a surrogate pair.
    s.open(&uri, "plaintext", 1, "a😀b");
    s.diagnostics(&uri, 1);
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 40, "character": 0}, "end": {"line": 41, "character": 3}}, "text": "!"},
            {"range": {"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 2}}, "text": "x"}
        ]}),
    );
    s.diagnostics(&uri, 2);
    s.close(&uri);
    let cleared = s.wait_for(
        |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri && m["params"]["version"].is_null(),
        "diagnostics cleared on close",
    );
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    let log = s.wait_for(|m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains("clamped"), "a log of the clamp");
    assert!(log["params"]["message"].as_str().unwrap().contains("ghost.txt"));
    s.shutdown();
    assert!(s.wait_exit(Duration::from_secs(5)).is_some());
}
