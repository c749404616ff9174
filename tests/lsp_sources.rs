//! The sources of an article over stdio, as an editor's sources view and lens get them: the
//! `whosaid/sources` request (ranges in both position encodings, on text with accents and
//! emoji), the `whosaid.sources` command giving the same answer, the hover on a source, the code
//! lens at the top of the article and the setting that turns it off.

mod support;

use serde_json::{json, Value};
use support::{covered, uri, Enc, Server, LAKESIDE};

fn find(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"))
}

fn opened(enc: Enc, caps: Value, init: Value, name: &str, text: &str) -> (Server, String) {
    let mut s = Server::start_with(enc, caps, init, None);
    let u = uri(name);
    s.open(&u, "plaintext", 1, text);
    s.diagnostics(&u, 1);
    (s, u)
}

fn sources(s: &mut Server, u: &str) -> Value {
    s.request("whosaid/sources", json!({"textDocument": {"uri": u}})).expect("whosaid/sources")
}

fn source<'a>(r: &'a Value, name: &str) -> &'a Value {
    r["sources"].as_array().unwrap().iter().find(|x| x["name"] == name).unwrap_or_else(|| panic!("no {name}: {r:#}"))
}

fn lens_titles(s: &mut Server, u: &str) -> Vec<String> {
    let r = s.request("textDocument/codeLens", json!({"textDocument": {"uri": u}})).expect("codeLens");
    r.as_array().unwrap().iter().map(|l| l["command"]["title"].as_str().unwrap_or_default().to_string()).collect()
}

#[test]
fn sources_request_gives_each_source_with_ranges_in_both_encodings() {
    for enc in Enc::BOTH {
        let (mut s, u) = opened(enc, json!({}), Value::Null, "lakeside.txt", LAKESIDE);
        let r = sources(&mut s, &u);
        assert_eq!(r["uri"], u.as_str());
        assert_eq!(r["version"], 1);
        let names: Vec<&str> = r["sources"].as_array().unwrap().iter().map(|x| x["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Émile Durand", "Zoë Łukasiewicz", "A spokesperson for the Lakeside Bakers’ Guild", "A source close to the judges"]);

        let durand = source(&r, "Émile Durand");
        assert_eq!((durand["kind"].as_str(), durand["gender"].as_str()), (Some("person"), Some("man")), "{durand}");
        assert!(durand["genderNote"].as_str().unwrap().contains("‘Mr’"), "{durand}");
        assert_eq!(covered(LAKESIDE, &durand["firstMention"], enc), "Émile Durand’s");
        assert_eq!(covered(LAKESIDE, &durand["lastMention"], enc), "Mr Durand");
        let q = &durand["quotes"][0];
        assert_eq!(q["kind"], "direct");
        // The quote's range holds the words after two emoji (two UTF-16 units, four bytes each).
        let quoted = covered(LAKESIDE, &q["range"], enc);
        assert!(quoted.contains("🥐 after 🥐 — and I am still shaking"), "{enc:?}: {quoted:?}");
        assert!(q["text"].as_str().unwrap().starts_with("I baked through the night"), "{q}");

        let zoe = source(&r, "Zoë Łukasiewicz");
        assert_eq!(zoe["role"], "Judge");
        assert_eq!(zoe["gender"], "woman", "{zoe}");
        assert_eq!((zoe["direct"].as_u64(), zoe["reported"].as_u64()), (Some(1), Some(1)), "{zoe}");
        assert!(covered(LAKESIDE, &zoe["firstMention"], enc).contains("Zoë Łukasiewicz"), "{zoe}");
        let texts: Vec<&str> = zoe["quotes"].as_array().unwrap().iter().map(|q| covered(LAKESIDE, &q["range"], enc)).collect();
        assert!(texts[0].contains("The crust is perfect"), "{texts:?}");
        assert!(texts[1].contains("the filling was"), "in text order: {texts:?}");

        let spokesperson = source(&r, "A spokesperson for the Lakeside Bakers’ Guild");
        assert_eq!(spokesperson["gender"], Value::Null, "never guessed: {spokesperson}");
        assert!(spokesperson["genderNote"].as_str().unwrap().starts_with("not stated"));
        assert_eq!(source(&r, "A source close to the judges")["kind"], "anonymous");

        let sum = &r["summary"];
        assert_eq!(sum["text"], "4 sources · 1 woman, 1 man, 1 not stated · 1 anonymous", "{sum}");
        assert_eq!(sum["people"], json!({"women": 1, "men": 1, "nonBinary": 0, "notStated": 1}));
        assert_eq!(sum["topSource"], "Émile Durand");

        // The command answers the same, for clients that only run commands.
        let c = s.request("workspace/executeCommand", json!({"command": "whosaid.sources", "arguments": [u]})).unwrap();
        assert_eq!(c, r);
        // The lens's command, sent back by a client that does not handle it itself, is harmless.
        let lens = s.request("workspace/executeCommand", json!({"command": "whosaid.showSources", "arguments": [u]})).unwrap();
        assert_eq!(lens, r);

        let err = s.request("whosaid/sources", json!({"textDocument": {"uri": uri("never-opened.txt")}})).unwrap_err();
        assert!(err["message"].as_str().unwrap().contains("not an open document"), "{err}");
        let err = s.request("whosaid/sources", json!({"uri": u})).unwrap_err();
        assert!(err["message"].as_str().unwrap_or_default().contains("textDocument"), "{err}");
        s.shutdown();
    }
}

#[test]
fn sources_follow_an_edit_without_waiting_for_diagnostics() {
    let enc = Enc::Utf16;
    let (mut s, u) = opened(enc, json!({}), Value::Null, "edit.txt", LAKESIDE);
    let at = find(LAKESIDE, "A source close");
    let added = "“We will frame the certificate,” said Ines Marlowe, the café’s manager.\n\n";
    let text = s.edit(&u, 2, LAKESIDE, at, at, added);
    // Asked at once: the answer is the edited version's, never the one before.
    let r = sources(&mut s, &u);
    assert_eq!(r["version"], 2);
    let marlowe = source(&r, "Ines Marlowe");
    assert_eq!(covered(&text, &marlowe["quotes"][0]["range"], enc), "“We will frame the certificate,”");
    assert!(r["summary"]["text"].as_str().unwrap().starts_with("5 sources"), "{}", r["summary"]);
}

#[test]
fn hover_on_a_source_shows_the_profile() {
    let (mut s, u) = opened(Enc::Utf16, json!({}), Value::Null, "hover.txt", LAKESIDE);
    let h = s.hover(&u, LAKESIDE, find(LAKESIDE, "Łukasiewicz said") + 2).expect("hover on a name");
    for want in ["Zoë Łukasiewicz", "Judge", "**Gender:** woman", "‘she’", "1 quote in quotation marks, 1 reported", "**First mention:** line 7"] {
        assert!(h.contains(want), "{want:?} not in {h}");
    }
    let h = s.hover(&u, LAKESIDE, find(LAKESIDE, "A spokesperson") + 3).expect("hover on a spokesperson");
    assert!(h.contains("**Gender:** not stated"), "{h}");
}

#[test]
fn the_lens_sums_up_the_sources_and_follows_edits() {
    let caps = json!({"workspace": {"codeLens": {"refreshSupport": true}}});
    let (mut s, u) = opened(Enc::Utf16, caps, Value::Null, "lens.txt", LAKESIDE);
    let r = s.request("textDocument/codeLens", json!({"textDocument": {"uri": u}})).unwrap();
    assert_eq!(r.as_array().unwrap().len(), 1, "{r}");
    assert_eq!(r[0]["range"]["start"], json!({"line": 0, "character": 0}));
    assert_eq!(r[0]["command"]["title"], "4 sources · 1 woman, 1 man, 1 not stated · 1 anonymous");
    assert_eq!(r[0]["command"]["command"], "whosaid.showSources");

    let refreshes = |s: &Server| s.server_requests.lock().unwrap().iter().filter(|m| *m == "workspace/codeLens/refresh").count();
    // The first analysis asks once (the lens now reads something).
    s.wait_for(|m| m["method"] == "workspace/codeLens/refresh", "a code lens refresh after opening");
    let before = refreshes(&s);
    // An edit that does not change the line asks for no refresh; one that does, asks.
    let text = s.edit(&u, 2, LAKESIDE, 0, 0, "UPDATED ");
    s.diagnostics(&u, 2);
    let at = find(&text, "A source close");
    s.edit(&u, 3, &text, at, at, "“Superb,” said Ms Ada Kerr.\n\n");
    s.diagnostics(&u, 3);
    s.wait_for(|m| m["method"] == "workspace/codeLens/refresh", "a code lens refresh after the edit");
    assert_eq!(refreshes(&s), before + 1, "{:?}", s.server_requests.lock().unwrap());
    assert_eq!(lens_titles(&mut s, &u), ["5 sources · 2 women, 1 man, 1 not stated · 1 anonymous"]);

    // Turned off in the editor's settings: no lens, and the editor is told to ask again.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"sourcesLens": false}}}));
    s.wait_for(|m| m["method"] == "workspace/codeLens/refresh", "a refresh after the setting changed");
    assert_eq!(lens_titles(&mut s, &u), Vec::<String>::new());
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"whosaid": {"sourcesLens": true}}}));
    s.wait_for(|m| m["method"] == "workspace/codeLens/refresh", "a refresh after the setting changed back");
    assert_eq!(lens_titles(&mut s, &u).len(), 1);
}

#[test]
fn the_lens_setting_in_initialization_options_turns_it_off() {
    for init in [json!({"sourcesLens": false}), json!({"whosaid": {"sources-lens": false}})] {
        let (mut s, u) = opened(Enc::Utf8, json!({}), init.clone(), "off.txt", LAKESIDE);
        assert_eq!(lens_titles(&mut s, &u), Vec::<String>::new(), "{init}");
        // The sources themselves are still there for the view.
        assert_eq!(sources(&mut s, &u)["sources"].as_array().unwrap().len(), 4);
    }
}
