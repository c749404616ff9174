//! The two commands that save settings in `.whosaid.toml`, over stdio with the real binary in a
//! temporary workspace: offered as code actions, written exactly, applied at once; refused (file
//! untouched, the user told why) when the file changed on disk, is broken, or there is no folder.
//! And no other request or notification writes anything.

mod support;

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::{Enc, Server};

/// A fictional article: a named fire chief quoted twice, and a weasel attribution.
const ARTICLE: &str = "Fire crews contained the Brookfield warehouse blaze on Tuesday night, county fire chief Dana Whitfield said.\n\n\"We were lucky with the wind,\" Whitfield said. \"Another hour and the school would have been at risk.\"\n\nThe owner was warned about the sprinklers last year, critics say.\n";

const DESK_TOML: &str = "# Metro desk — agreed with the standards editor.\ninlay-hints = true   # names after quotes\n\n[rules]\nloaded-verb = \"hint\"  # sports copy\n\n# Ask the desk before adding people.\n";

struct Workspace(PathBuf);

impl Workspace {
    fn new(name: &str, toml: Option<&str>) -> Workspace {
        let dir = std::env::temp_dir().join(format!("whosaid-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("drafts")).unwrap();
        if let Some(t) = toml {
            std::fs::write(dir.join(".whosaid.toml"), t).unwrap();
        }
        std::fs::write(dir.join("fire.txt"), ARTICLE).unwrap();
        std::fs::write(dir.join("drafts/notes.md"), "Call the fire chief back.\n").unwrap();
        Workspace(dir)
    }
    fn toml_path(&self) -> PathBuf {
        self.0.join(".whosaid.toml")
    }
    fn toml(&self) -> String {
        std::fs::read_to_string(self.toml_path()).unwrap()
    }
    fn uri(&self, name: &str) -> String {
        format!("file://{}/{name}", self.0.display())
    }
    /// Every file under the workspace with its bytes.
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(root, &path, out);
                } else {
                    let rel = path.strip_prefix(root).unwrap().display().to_string();
                    out.insert(rel, std::fs::read(&path).unwrap());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.0, &self.0, &mut out);
        out
    }
    fn start(&self) -> Server {
        Server::start_with(Enc::Utf16, json!({}), Value::Null, Some(&self.0))
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn find(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"))
}

fn has_code(diags: &[Value], code: &str) -> bool {
    diags.iter().any(|d| d["code"] == code)
}

/// The action titled `title` at `needle`, or None.
fn action(s: &mut Server, u: &str, needle: &str, title: &str) -> Option<Value> {
    let at = find(ARTICLE, needle);
    s.code_actions(u, ARTICLE, at, at + needle.len()).into_iter().find(|a| a["title"] == title)
}

/// Run the command a code action carries.
fn run(s: &mut Server, action: &Value) -> Result<Value, Value> {
    let cmd = &action["command"];
    s.request("workspace/executeCommand", json!({"command": cmd["command"], "arguments": cmd["arguments"]}))
}

fn show_message(s: &mut Server, kind: i64) -> String {
    let m = s.wait_for(|m| m["method"] == "window/showMessage" && m["params"]["type"] == kind, "window/showMessage");
    m["params"]["message"].as_str().unwrap().to_string()
}

const ADD_DANA: &str = "Add ‘Dana Whitfield’ (county fire chief) to known speakers in .whosaid.toml";
const OFF_WEASEL: &str = "Turn off ‘weasel-attribution’ for this workspace (.whosaid.toml)";

#[test]
fn code_actions_save_settings_and_diagnostics_follow() {
    let ws = Workspace::new("actions", Some(DESK_TOML));
    let before = ws.files();
    let mut s = ws.start();
    let u = ws.uri("fire.txt");
    s.open(&u, "plaintext", 1, ARTICLE);
    assert!(has_code(&s.diagnostics(&u, 1), "weasel-attribution"));

    // A known speaker, from a later mention of her.
    let add = action(&mut s, &u, "Whitfield said", ADD_DANA).expect("add-speaker action on a mention");
    assert_eq!(add["command"]["command"], "whosaid.addKnownSpeaker");
    assert!(add.get("edit").is_none(), "{add}");
    let r = run(&mut s, &add).expect("written");
    assert_eq!(r["written"], true, "{r}");
    assert!(show_message(&mut s, 3).contains("Added ‘Dana Whitfield’ (county fire chief) to the known speakers"));
    let with_dana = format!("{DESK_TOML}\n[speakers]\n\"Dana Whitfield\" = \"county fire chief\"\n");
    assert_eq!(ws.toml(), with_dana);
    // In force at once: she is known now, so the action is no longer offered.
    assert!(action(&mut s, &u, "Whitfield said", ADD_DANA).is_none());

    // A rule turned off, from its diagnostic; the open document is re-analysed without it.
    let off = action(&mut s, &u, "critics say", OFF_WEASEL).expect("turn-off action on the finding");
    assert_eq!(off["kind"], "quickfix");
    assert_eq!(off["diagnostics"][0]["code"], "weasel-attribution");
    let r = run(&mut s, &off).expect("written");
    assert_eq!(r["written"], true, "{r}");
    assert!(show_message(&mut s, 3).contains("Turned off ‘weasel-attribution’ for this workspace"));
    s.diagnostics_where(&u, "diagnostics without weasel-attribution", |d| !has_code(d, "weasel-attribution"));
    let expected = with_dana.replace("loaded-verb = \"hint\"  # sports copy\n", "loaded-verb = \"hint\"  # sports copy\nweasel-attribution = \"off\"\n");
    assert_eq!(ws.toml(), expected);

    // The editor's own notice of the change finds nothing new; running it again changes nothing.
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": ws.uri(".whosaid.toml"), "type": 2}]}));
    let r = run(&mut s, &off).expect("nothing to do is no error");
    assert_eq!(r["written"], false, "{r}");
    assert!(show_message(&mut s, 3).contains("already off"));
    assert_eq!(ws.toml(), expected);

    // Only the project file changed, and no temporary file is left.
    let mut after = ws.files();
    assert_eq!(after.remove(".whosaid.toml").unwrap(), expected.as_bytes());
    let mut before = before;
    before.remove(".whosaid.toml");
    assert_eq!(after, before);
    s.shutdown();
    assert!(s.wait_exit(Duration::from_secs(5)).is_some());
}

#[test]
fn file_changed_on_disk_is_refused_then_retry_works() {
    let ws = Workspace::new("changed", Some(DESK_TOML));
    let mut s = ws.start();
    let u = ws.uri("fire.txt");
    s.open(&u, "plaintext", 1, ARTICLE);
    s.diagnostics(&u, 1);
    let off = action(&mut s, &u, "critics say", OFF_WEASEL).expect("turn-off action");

    // Someone saves the file after whosaid read it (the editor has not said so yet).
    let theirs = DESK_TOML.replace("# names after quotes\n", "# names after quotes\nreporting-verbs = [\"opined\"]\n");
    std::fs::write(ws.toml_path(), &theirs).unwrap();
    let err = run(&mut s, &off).expect_err("refused");
    assert_eq!(err["code"], -32803, "{err}");
    let text = err["message"].as_str().unwrap();
    assert!(text.contains("changed on disk since whosaid read it") && text.contains("nothing was written"), "{text}");
    let shown = show_message(&mut s, 2);
    assert!(shown.contains("changed on disk") && shown.contains("Try again"), "{shown}");
    assert_eq!(ws.toml(), theirs, "the file is untouched");

    // Trying again works on what is there now, their change kept.
    let r = run(&mut s, &off).expect("written on retry");
    assert_eq!(r["written"], true);
    assert_eq!(ws.toml(), theirs.replace("# sports copy\n", "# sports copy\nweasel-attribution = \"off\"\n"));
    assert_eq!(ws.files().len(), 3, "no temporary file: {:?}", ws.files().keys());
}

#[test]
fn broken_file_is_refused_untouched() {
    let broken = "[rules\nloaded-verb = \"off\"\n";
    let ws = Workspace::new("broken", Some(broken));
    let mut s = ws.start();
    show_message(&mut s, 1); // the broken file is reported at start
    let r = s.request("workspace/executeCommand", json!({"command": "whosaid.disableRule", "arguments": [{"rule": "doubt-word"}]}));
    let err = r.expect_err("refused");
    assert!(err["message"].as_str().unwrap().contains("not valid TOML"), "{err}");
    assert!(show_message(&mut s, 2).contains("did not change it"));
    assert_eq!(ws.toml(), broken);
    assert_eq!(ws.files().len(), 3);
}

#[test]
fn missing_file_is_created() {
    let ws = Workspace::new("missing", None);
    let mut s = ws.start();
    let r = s.request(
        "workspace/executeCommand",
        json!({"command": "whosaid.addKnownSpeaker", "arguments": [{"name": "Lena Ortiz", "role": "city engineer"}]}),
    );
    assert_eq!(r.expect("created")["written"], true);
    let text = ws.toml();
    assert!(text.starts_with("# whosaid settings"), "{text}");
    assert!(text.ends_with("\n[speakers]\n\"Lena Ortiz\" = \"city engineer\"\n"), "{text}");
    // Read back by a fresh server as any project file is.
    drop(s);
    let mut s = ws.start();
    let u = ws.uri("ortiz.txt");
    let text = "\"The pipes are older than the bridge,\" Lena Ortiz said.\n";
    s.open(&u, "plaintext", 1, text);
    s.diagnostics(&u, 1);
    let r = s.request("workspace/executeCommand", json!({"command": "whosaid.sources", "arguments": [u]})).unwrap();
    assert_eq!(r["speakers"][0]["role"], "city engineer", "{r:#}");
}

#[test]
fn no_workspace_folder_offers_nothing_and_refuses() {
    let mut s = Server::start(Enc::Utf16);
    let u = support::uri("fire.txt");
    s.open(&u, "plaintext", 1, ARTICLE);
    s.diagnostics(&u, 1);
    assert!(action(&mut s, &u, "critics say", OFF_WEASEL).is_none());
    assert!(action(&mut s, &u, "Whitfield said", ADD_DANA).is_none());
    let r = s.request("workspace/executeCommand", json!({"command": "whosaid.disableRule", "arguments": ["weasel-attribution"]}));
    let err = r.expect_err("refused");
    assert_eq!(err["code"], -32803);
    let shown = show_message(&mut s, 2);
    assert!(shown.contains("without a folder") && shown.contains("nothing was written"), "{shown}");
    // Bad arguments are the caller's error, not a refusal.
    let err = s
        .request("workspace/executeCommand", json!({"command": "whosaid.disableRule", "arguments": ["no-such-rule"]}))
        .expect_err("invalid");
    assert_eq!(err["code"], -32602, "{err}");
}

#[test]
fn editing_saving_and_reading_never_write_files() {
    let ws = Workspace::new("readonly", Some(DESK_TOML));
    let before = ws.files();
    let mut s = ws.start();
    let u = ws.uri("fire.txt");
    let notes = ws.uri("drafts/notes.md");
    s.open(&u, "plaintext", 1, ARTICLE);
    s.open(&notes, "markdown", 1, "Call the fire chief back.\n");
    s.diagnostics(&u, 1);
    let mut text = ARTICLE.to_string();
    for (v, (needle, new)) in [("Tuesday", "Wednesday"), ("critics say", "critics claimed"), ("lucky", "fortunate")].into_iter().enumerate() {
        let at = find(&text, needle);
        text = s.edit(&u, v as i64 + 2, &text, at, at + needle.len(), new);
    }
    s.diagnostics(&u, 4);
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": u}, "text": text}));
    s.notify("textDocument/willSave", json!({"textDocument": {"uri": u}, "reason": 1}));
    let at = find(&text, "Whitfield said");
    s.hover(&u, &text, at);
    s.inlay_hints(&u, &text, 0, text.len());
    let actions = s.code_actions(&u, &text, 0, text.len());
    assert!(!actions.is_empty());
    s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": u}})).unwrap();
    s.request("workspace/executeCommand", json!({"command": "whosaid.sources", "arguments": [u]})).unwrap();
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"rules": {"doubt-word": "off"}}}}));
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": ws.uri(".whosaid.toml"), "type": 2}]}));
    s.close(&notes);
    s.close(&u);
    s.shutdown();
    assert!(s.wait_exit(Duration::from_secs(5)).is_some());
    assert_eq!(ws.files(), before, "the workspace is byte-identical");
}

#[test]
fn editor_settings_that_win_over_the_file_are_mentioned() {
    let ws = Workspace::new("precedence", Some(DESK_TOML));
    let init = json!({"rules": {"weasel-attribution": "warning"}, "speakers": {"Ana Ruiz": "mayor"}});
    let mut s = Server::start_with(Enc::Utf16, json!({}), init, Some(&ws.0));
    let r = s
        .request("workspace/executeCommand", json!({"command": "whosaid.disableRule", "arguments": ["weasel-attribution"]}))
        .expect("written");
    assert_eq!(r["written"], true);
    assert!(ws.toml().contains("weasel-attribution = \"off\""));
    let shown = show_message(&mut s, 3);
    assert!(shown.contains("editor's whosaid settings turn it on again"), "{shown}");
    let r = s
        .request("workspace/executeCommand", json!({"command": "whosaid.addKnownSpeaker", "arguments": ["Dana Whitfield"]}))
        .expect("written");
    assert!(r["message"].as_str().unwrap().contains("add this person there as well"), "{r}");
    assert!(ws.toml().ends_with("[speakers]\n\"Dana Whitfield\" = \"\"\n"), "{}", ws.toml());
}
