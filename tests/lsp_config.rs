//! Configuration: initializationOptions, workspace/configuration, didChangeConfiguration and the
//! project's .whosaid.toml; defaults < project file < editor settings; bad settings are refused.

mod support;

use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;
use support::{uri, Enc, Server, RIVERTON};

fn severity_of(diags: &[Value], code: &str) -> Option<i64> {
    diags.iter().find(|d| d["code"] == code).and_then(|d| d["severity"].as_i64())
}

fn temp_project(name: &str, toml: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-lsp-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(".whosaid.toml"), toml).unwrap();
    dir
}

#[test]
fn initialization_options_switch_rules_off() {
    let mut s = Server::start_with(Enc::Utf16, json!({}), json!({"rules": {"weasel-attribution": "off"}}), None);
    let u = uri("init.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    let diags = s.diagnostics(&u, 1);
    assert_eq!(severity_of(&diags, "weasel-attribution"), None, "{diags:#?}");
    assert_eq!(severity_of(&diags, "unattributed-quote"), Some(1), "{diags:#?}");
}

#[test]
fn did_change_configuration_reanalyses_open_documents() {
    let mut s = Server::start(Enc::Utf8);
    let u = uri("change.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    let diags = s.diagnostics(&u, 1);
    assert_eq!(severity_of(&diags, "loaded-verb"), Some(3), "information by default");
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"rules": {"loaded-verb": "error"}}}}));
    let diags = s.diagnostics_where(&u, "loaded-verb as an error", |d| severity_of(d, "loaded-verb") == Some(1));
    assert_eq!(diags[0]["source"], "whosaid");

    // Invalid settings: a clear message, and the previous configuration stays in force.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"rules": {"no-such-rule": "off"}}}}));
    let shown = s.wait_for(|m| m["method"] == "window/showMessage", "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(text.contains("no-such-rule") && text.contains("known rules"), "{text}");
    let u2 = uri("after-bad.txt");
    s.open(&u2, "plaintext", 1, RIVERTON);
    assert_eq!(severity_of(&s.diagnostics(&u2, 1), "loaded-verb"), Some(1));
}

#[test]
fn workspace_configuration_is_pulled_and_refreshes_inlay_hints() {
    let caps = json!({"workspace": {"configuration": true, "inlayHint": {"refreshSupport": true}}});
    let mut s = Server::spawn();
    *s.settings.lock().unwrap() = json!({"rules": {"unattributed-quote": "hint"}});
    s.initialize(Enc::Utf16, caps, Value::Null, None);
    s.notify("initialized", json!({}));
    let u = uri("pull.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    // The pulled settings apply (possibly after a first publish made before the reply arrived).
    s.diagnostics_where(&u, "unattributed-quote as a hint", |d| severity_of(d, "unattributed-quote") == Some(4));
    assert!(s.server_requests.lock().unwrap().contains(&"workspace/configuration".to_string()));

    // Turning inlay hints off: the server asks the editor to refresh them, then returns none.
    assert!(!s.inlay_hints(&u, RIVERTON, 0, RIVERTON.len()).is_empty());
    let refreshes = |s: &Server| s.server_requests.lock().unwrap().iter().filter(|m| *m == "workspace/inlayHint/refresh").count();
    let before = refreshes(&s);
    *s.settings.lock().unwrap() = json!({"inlayHints": false});
    s.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    let deadline = std::time::Instant::now() + support::HANG;
    while refreshes(&s) == before {
        assert!(std::time::Instant::now() < deadline, "no inlay hint refresh after the change");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(s.inlay_hints(&u, RIVERTON, 0, RIVERTON.len()).is_empty());
}

#[test]
fn project_file_applies_and_editor_settings_win() {
    let dir = temp_project("precedence", "[rules]\nunattributed-quote = \"off\"\nloaded-verb = \"hint\"\n");
    let mut s = Server::start_with(Enc::Utf16, json!({}), json!({"rules": {"loaded-verb": "error"}}), Some(&dir));
    let u = uri("project.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    let diags = s.diagnostics(&u, 1);
    assert_eq!(severity_of(&diags, "unattributed-quote"), None, "project file: {diags:#?}");
    assert_eq!(severity_of(&diags, "loaded-verb"), Some(1), "editor beats project file: {diags:#?}");
    // Editing the project file (the editor reports it) takes effect.
    std::fs::write(dir.join(".whosaid.toml"), "[rules]\nunattributed-quote = \"warning\"\n").unwrap();
    let file_uri = format!("file://{}/.whosaid.toml", dir.display());
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": file_uri, "type": 2}]}));
    s.diagnostics_where(&u, "project file change applied", |d| severity_of(d, "unattributed-quote") == Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn broken_project_file_is_reported_and_ignored() {
    let dir = temp_project("broken", "[rules\nloaded-verb = \"off\"\n");
    let mut s = Server::spawn();
    s.initialize(Enc::Utf16, json!({}), Value::Null, Some(&dir));
    s.notify("initialized", json!({}));
    let shown = s.wait_for(|m| m["method"] == "window/showMessage", "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(text.contains(".whosaid.toml") && text.contains("TOML"), "{text}");
    let u = uri("broken.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    assert_eq!(severity_of(&s.diagnostics(&u, 1), "loaded-verb"), Some(3), "defaults apply");
    s.shutdown();
    assert!(s.wait_exit(Duration::from_secs(5)).is_some());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extra_reporting_verbs_and_known_speakers() {
    let text = "\"The pipes are older than the bridge,\" Lena Ortiz harrumphed.\n\n\"Repairs come first,\" Ortiz said.\n";
    let init = json!({"reportingVerbs": ["harrumph"], "speakers": {"Lena Ortiz": "city engineer"}});
    let mut s = Server::start_with(Enc::Utf8, json!({}), init, None);
    let u = uri("verbs.txt");
    s.open(&u, "plaintext", 1, text);
    let diags = s.diagnostics(&u, 1);
    assert_eq!(severity_of(&diags, "unattributed-quote"), None, "{diags:#?}");
    let r = s.request("workspace/executeCommand", json!({"command": "whosaid.sources", "arguments": [u]})).unwrap();
    let ortiz = r["speakers"].as_array().unwrap().iter().find(|x| x["name"] == "Lena Ortiz").cloned().unwrap_or_else(|| panic!("{r:#}"));
    assert_eq!(ortiz["quotes"], 2, "{r:#}");
    assert_eq!(ortiz["role"], "city engineer", "{r:#}");
}

/// The size limit is applied by the engine before any linguistics, so this exercises every
/// configuration path on its own: too-large documents get one `document-too-large` finding.
#[test]
fn size_limit_and_its_severity_follow_every_settings_path() {
    let caps = json!({"workspace": {"configuration": true}});
    let mut s = Server::spawn();
    *s.settings.lock().unwrap() = json!({"maxFileSize": 100000});
    s.initialize(Enc::Utf16, caps, json!({"maxFileSize": 20}), None);
    let u = uri("limit.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    let d = s.diagnostics(&u, 1);
    assert_eq!(severity_of(&d, "document-too-large"), Some(3), "initializationOptions: {d:#?}");
    s.notify("initialized", json!({}));
    // The pulled settings raise the limit again.
    s.diagnostics_where(&u, "limit lifted by workspace/configuration", |d| severity_of(d, "document-too-large").is_none());
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"maxFileSize": 10, "rules": {"document-too-large": "error"}}}}));
    s.diagnostics_where(&u, "limit as an error", |d| severity_of(d, "document-too-large") == Some(1));
    // Refused: the previous settings stay.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"maxFileSize": -1}}}));
    let shown = s.wait_for(|m| m["method"] == "window/showMessage", "window/showMessage");
    assert!(shown["params"]["message"].as_str().unwrap().contains("maxFileSize"), "{shown}");
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": "A short text."}]}),
    );
    let d = s.diagnostics(&u, 2);
    assert_eq!(severity_of(&d, "document-too-large"), Some(1), "{d:#?}");
    assert!(d[0]["message"].as_str().unwrap().contains("13 bytes"), "{d:#?}");
}

#[test]
fn rules_url_links_each_diagnostic_to_its_rule_and_nothing_else_does() {
    let dir = temp_project("rules-url", "rules-url = \"https://desk.example.org/whosaid/rules.html\"\n");
    let mut s = Server::start_with(Enc::Utf16, json!({}), Value::Null, Some(&dir));
    let u = uri("linked.txt");
    s.open(&u, "plaintext", 1, RIVERTON);
    let diags = s.diagnostics(&u, 1);
    assert!(!diags.is_empty());
    for d in &diags {
        let code = d["code"].as_str().unwrap();
        assert_eq!(d["codeDescription"]["href"], format!("https://desk.example.org/whosaid/rules.html#rule-{code}"), "{d}");
    }
    let at = RIVERTON.find("claimed").unwrap() + 2;
    let hover = s.hover(&u, RIVERTON, at).unwrap();
    assert!(hover.contains("(<https://desk.example.org/whosaid/rules.html#rule-loaded-verb>)"), "{hover}");

    // An address that is not one is refused, and the links in force stay.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"rulesUrl": "rules.md"}}}));
    let shown = s.wait_for(|m| m["method"] == "window/showMessage", "window/showMessage");
    assert!(shown["params"]["message"].as_str().unwrap().contains("rulesUrl"), "{shown}");

    // The editor's empty setting wins over the file: no links at all.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"rulesUrl": ""}}}));
    let diags = s.diagnostics_where(&u, "diagnostics without links", |d| d.iter().all(|d| d.get("codeDescription").is_none()));
    assert!(!diags.is_empty());
    let hover = s.hover(&u, RIVERTON, at).unwrap();
    assert!(!hover.contains("http") && hover.contains("whosaid explain loaded-verb"), "{hover}");
    std::fs::remove_dir_all(&dir).ok();
}
