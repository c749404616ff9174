//! What the reporter sees on the fixture article: hovers, inlay hints, the outline, references,
//! code actions applied to the text, and the `whosaid.sources` command. Both position encodings.

mod support;

use serde_json::{json, Value};
use support::{apply_edits, covered, position, uri, workspace_edits, Enc, Server, RIVERTON};

fn find(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"))
}

fn opened(enc: Enc, name: &str, text: &str) -> (Server, String) {
    let mut s = Server::start(enc);
    let u = uri(name);
    s.open(&u, "plaintext", 1, text);
    s.diagnostics(&u, 1);
    (s, u)
}

#[test]
fn hover_on_a_quote_names_the_speaker_and_says_why() {
    for enc in Enc::BOTH {
        let (mut s, u) = opened(enc, "hover.txt", RIVERTON);
        let h = s.hover(&u, RIVERTON, find(RIVERTON, "We will rebuild") + 3).expect("hover on a quote");
        assert!(h.contains("Ana Ruiz"), "{h}");
        assert!(h.contains("said"), "the cue: {h}");
        assert!(h.contains("Mayor Ana Ruiz"), "the mention the cue attaches to: {h}");

        // The pronoun case explains itself with the paragraph where the speaker was last named.
        let h = s.hover(&u, RIVERTON, find(RIVERTON, "We are asking") + 3).expect("hover on a pronoun-attributed quote");
        assert!(h.contains("Tomas Berg"), "{h}");
        assert!(h.contains("pronoun"), "{h}");
        assert!(h.contains("‘he’") || h.contains("'he'"), "{h}");
        assert!(h.contains("¶5"), "Berg is last named in the fifth paragraph: {h}");

        // Unattributed: says so and what would fix it.
        let h = s.hover(&u, RIVERTON, find(RIVERTON, "Nobody told") + 2).expect("hover on an unattributed quote");
        assert!(h.contains("none found"), "{h}");
        assert!(h.contains("unattributed-quote"), "{h}");
        assert!(h.contains("Name the speaker"), "remedy: {h}");

        // Plain narration has nothing to say.
        assert_eq!(s.hover(&u, RIVERTON, find(RIVERTON, "floodwater") + 2), None);
    }
}

#[test]
fn hover_on_a_mention_lists_all_their_quotes_with_lines() {
    for enc in Enc::BOTH {
        let (mut s, u) = opened(enc, "mention.txt", RIVERTON);
        // "Ruiz said the work ..." is on line 7 (one-based).
        let h = s.hover(&u, RIVERTON, find(RIVERTON, "Ruiz said the work") + 1).expect("hover on a short name");
        assert!(h.contains("Ana Ruiz"), "{h}");
        assert!(h.contains("line 5"), "her quote on line 5: {h}");
        assert!(h.contains("We will rebuild the bridge"), "{h}");
        let h = s.hover(&u, RIVERTON, find(RIVERTON, "he said") + 1).expect("hover on a pronoun");
        assert!(h.contains("Tomas Berg"), "{h}");
        assert!(h.contains("line 9") && h.contains("line 11"), "{h}");
    }
}

#[test]
fn hover_on_a_flagged_claim_says_why_and_what_would_source_it() {
    for enc in Enc::BOTH {
        let (mut s, u) = opened(enc, "claim.txt", RIVERTON);
        let h = s.hover(&u, RIVERTON, find(RIVERTON, "is expected to") + 4).expect("hover on an agentless passive");
        assert!(h.contains("agentless-passive"), "{h}");
        assert!(h.contains("What would source it") && h.contains("Say who sees, believes or expects it"), "remedy: {h}");
        assert!(h.contains("Flagged because of “is expected to”"), "the trigger: {h}");
        let h = s.hover(&u, RIVERTON, find(RIVERTON, "Critics say") + 2).expect("hover on a weasel claim");
        assert!(h.contains("weasel-attribution"), "{h}");
        assert!(h.contains("Name the critics"), "remedy: {h}");
    }
}

fn hint_at<'a>(hints: &'a [Value], text: &str, byte: usize, enc: Enc) -> Option<&'a Value> {
    let p = position(text, byte, enc);
    hints.iter().find(|h| h["position"] == p)
}

fn label(h: &Value) -> String {
    match &h["label"] {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts.iter().map(|p| p["value"].as_str().unwrap_or("")).collect(),
        _ => String::new(),
    }
}

#[test]
fn inlay_hints_name_the_speaker_after_each_quote() {
    for enc in Enc::BOTH {
        let (mut s, u) = opened(enc, "inlay.txt", RIVERTON);
        let hints = s.inlay_hints(&u, RIVERTON, 0, RIVERTON.len());
        let end_of = |needle: &str| find(RIVERTON, needle) + needle.len();
        let expect = [
            ("the one we lost.\"", "— Ruiz"),
            ("seen a budget,\"", "— Berg"),
            ("for the numbers,\"", "he → Berg"),
            ("the road would close.\"", "— ?"),
        ];
        for (needle, want) in expect {
            let h = hint_at(&hints, RIVERTON, end_of(needle), enc).unwrap_or_else(|| panic!("no hint after {needle:?}: {hints:#?}"));
            assert_eq!(label(h), want);
        }
        // A split quotation gets one hint, after its last part.
        assert!(hint_at(&hints, RIVERTON, end_of("rebuild the bridge,\""), enc).is_none(), "{hints:#?}");
        assert_eq!(hints.len(), 4, "{hints:#?}");

        // Only the requested range.
        let line = find(RIVERTON, "\"We are asking");
        let only = s.inlay_hints(&u, RIVERTON, line, end_of("he said."));
        assert_eq!(only.len(), 1, "{only:#?}");
        assert_eq!(label(&only[0]), "he → Berg");

        // The tooltip arrives through inlayHint/resolve.
        assert!(only[0].get("tooltip").is_none_or(Value::is_null));
        let resolved = s.request("inlayHint/resolve", only[0].clone()).expect("resolve");
        let tip = resolved["tooltip"]["value"].as_str().unwrap_or_else(|| panic!("{resolved}"));
        assert!(tip.contains("Tomas Berg") && tip.contains("pronoun"), "{tip}");
    }
}

#[test]
fn requests_right_after_an_edit_answer_for_the_edited_text() {
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        let u = uri("racing.txt");
        s.open(&u, "plaintext", 1, RIVERTON);
        // No waiting: an edit that moves every line down, then requests at once.
        let lead = "BREAKING 🚨 — updated at noon.\n\n";
        let text = s.edit(&u, 2, RIVERTON, 0, 0, lead);
        let hints = s.inlay_hints(&u, &text, 0, text.len());
        let end = find(&text, "the road would close.\"") + "the road would close.\"".len();
        let h = hint_at(&hints, &text, end, enc).unwrap_or_else(|| panic!("hints for the old text? {hints:#?}"));
        assert_eq!(label(h), "— ?");
        let hover = s.hover(&u, &text, find(&text, "We are asking") + 3).expect("hover");
        assert!(hover.contains("Tomas Berg"), "{hover}");
    }
}

#[test]
fn outline_lists_speakers_with_their_quotes() {
    for enc in Enc::BOTH {
        let (mut s, u) = opened(enc, "outline.txt", RIVERTON);
        let syms = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": u}})).unwrap();
        let syms = syms.as_array().expect("nested symbols");
        let by_name = |name: &str| syms.iter().find(|x| x["name"] == name).unwrap_or_else(|| panic!("{name}: {syms:#?}"));
        let children = |x: &Value| -> Vec<String> {
            x["children"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect()
        };
        let ruiz = by_name("Ana Ruiz");
        assert!(children(ruiz).iter().any(|c| c.contains("We will rebuild the bridge")), "{ruiz:#}");
        assert_eq!(covered(RIVERTON, &ruiz["selectionRange"], enc), "Mayor Ana Ruiz");
        let berg = by_name("Tomas Berg");
        assert!(children(berg).iter().any(|c| c.contains("The council has not seen a budget")), "{berg:#}");
        assert!(children(berg).iter().any(|c| c.contains("We are asking for the numbers")), "{berg:#}");
        let orphans = by_name("Unattributed quotes");
        assert_eq!(children(orphans).len(), 1);
        assert!(children(orphans)[0].contains("Nobody told us"));
        // Children lie inside their parent.
        for parent in syms {
            for c in parent["children"].as_array().unwrap() {
                let (ps, pe) = support::span(RIVERTON, &parent["range"], enc);
                let (cs, ce) = support::span(RIVERTON, &c["range"], enc);
                assert!(ps <= cs && ce <= pe, "{parent:#}");
            }
        }
    }
}

#[test]
fn references_highlights_and_definition_follow_the_speaker() {
    for enc in Enc::BOTH {
        let (mut s, u) = opened(enc, "refs.txt", RIVERTON);
        let he = find(RIVERTON, "he said");
        let refs = s
            .request("textDocument/references", json!({"textDocument": {"uri": u}, "position": position(RIVERTON, he, enc), "context": {"includeDeclaration": true}}))
            .unwrap();
        let texts: Vec<&str> = refs.as_array().expect("references").iter().map(|l| covered(RIVERTON, &l["range"], enc)).collect();
        assert!(texts.contains(&"Tomas Berg"), "{texts:?}");
        assert!(texts.contains(&"Berg"), "{texts:?}");
        assert!(texts.contains(&"he"), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("The council has not seen a budget")), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("Ruiz")), "{texts:?}");

        let without = s
            .request("textDocument/references", json!({"textDocument": {"uri": u}, "position": position(RIVERTON, he, enc), "context": {"includeDeclaration": false}}))
            .unwrap();
        assert!(!without.as_array().unwrap().iter().any(|l| covered(RIVERTON, &l["range"], enc) == "Tomas Berg"));

        let hl = s.request("textDocument/documentHighlight", s.at(&u, RIVERTON, find(RIVERTON, "Berg said") + 1)).unwrap();
        let texts: Vec<&str> = hl.as_array().expect("highlights").iter().map(|h| covered(RIVERTON, &h["range"], enc)).collect();
        assert!(texts.contains(&"he") && texts.contains(&"Tomas Berg"), "{texts:?}");

        let def = s.request("textDocument/definition", s.at(&u, RIVERTON, he)).unwrap();
        assert_eq!(covered(RIVERTON, &def["range"], enc), "Tomas Berg", "{def}");
        let def = s.request("textDocument/definition", s.at(&u, RIVERTON, find(RIVERTON, "Ruiz said the work"))).unwrap();
        assert_eq!(covered(RIVERTON, &def["range"], enc), "Mayor Ana Ruiz", "{def}");
    }
}

fn titled(want: impl Fn(&str) -> bool) -> impl Fn(&Value) -> bool {
    move |a| want(a["title"].as_str().unwrap_or(""))
}

/// The fix an editor offers first (Ctrl+. → Enter).
fn preferred(a: &Value) -> bool {
    a["isPreferred"] == true
}

/// Apply the action `pick` chooses at `needle`, return the new text and its fresh diagnostics.
fn apply_action(s: &mut Server, text: &str, needle: &str, pick: impl Fn(&Value) -> bool) -> (String, Vec<Value>) {
    let u = uri("actions.txt");
    s.open(&u, "plaintext", 1, text);
    s.diagnostics(&u, 1);
    let at = find(text, needle);
    let actions = s.code_actions(&u, text, at, at + needle.len());
    let action = actions
        .iter()
        .find(|a| pick(a))
        .unwrap_or_else(|| panic!("no such action at {needle:?}: {actions:#?}"));
    assert_eq!(action["kind"], "quickfix");
    let edits = workspace_edits(&action["edit"], &u);
    let new_text = apply_edits(text, &edits, s.enc);
    s.close(&u);
    let check = uri("actions-after.txt");
    s.open(&check, "plaintext", 1, &new_text);
    let diags = s.diagnostics(&check, 1);
    s.close(&check);
    (new_text, diags)
}

#[test]
fn code_action_replaces_a_loaded_verb_with_said() {
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        let (text, diags) = apply_action(&mut s, RIVERTON, "claimed", preferred);
        assert_eq!(text, RIVERTON.replace("council, claimed the mayor", "council, said the mayor"));
        assert!(!diags.iter().any(|d| d["code"] == "loaded-verb"), "{diags:#?}");
        // Present tense stays present.
        let present = "Tomas Berg, a member of the city council, claims the plan is rushed.\n";
        let (text, diags) = apply_action(&mut s, present, "claims", preferred);
        assert_eq!(text, "Tomas Berg, a member of the city council, says the plan is rushed.\n");
        assert!(!diags.iter().any(|d| d["code"] == "loaded-verb"), "{diags:#?}");
    }
}

#[test]
fn code_action_normalises_a_mismatched_quotation_mark() {
    let text = "“We agreed on the route,” engineer Lea Moss said. “The work starts Monday.”\n\n“Nobody asked the farmers,\" said Omar Haddad, who owns land by the river. “We will object.”\n";
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        let (fixed, diags) = apply_action(&mut s, text, "farmers,\"", preferred);
        assert_eq!(fixed, text.replace("farmers,\"", "farmers,”"));
        assert!(!diags.iter().any(|d| d["code"] == "mismatched-quotes"), "{diags:#?}");
    }
}

#[test]
fn code_action_suppresses_a_rule_on_one_line() {
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        let (text, diags) = apply_action(&mut s, RIVERTON, "4 million", titled(|t| t == "Suppress unsourced-statistic on this line"));
        assert_eq!(
            text,
            RIVERTON.replace("Critics say", "<!-- whosaid-disable-next-line unsourced-statistic -->\nCritics say")
        );
        assert!(!diags.iter().any(|d| d["code"] == "unsourced-statistic"), "{diags:#?}");
        // Only that rule: the passive on the same line and the unattributed quote are still reported.
        assert!(diags.iter().any(|d| d["code"] == "agentless-passive"), "{diags:#?}");
        assert!(diags.iter().any(|d| d["code"] == "unattributed-quote"), "{diags:#?}");

        let (text, diags) = apply_action(&mut s, RIVERTON, "Critics say", titled(|t| t == "Suppress weasel-attribution on this line"));
        assert_eq!(
            text,
            RIVERTON.replace("Critics say", "<!-- whosaid-disable-next-line weasel-attribution -->\nCritics say")
        );
        assert!(!diags.iter().any(|d| d["code"] == "weasel-attribution"), "{diags:#?}");
    }
}

#[test]
fn sources_command_summarises_the_article() {
    for enc in Enc::BOTH {
        let (mut s, u) = opened(enc, "sources.txt", RIVERTON);
        let r = s.request("workspace/executeCommand", json!({"command": "whosaid.sources", "arguments": [u]})).unwrap();
        assert_eq!(r["uri"], u.as_str());
        let speakers = r["speakers"].as_array().unwrap();
        let ruiz = speakers.iter().find(|x| x["name"] == "Ana Ruiz").unwrap_or_else(|| panic!("{r:#}"));
        assert_eq!(ruiz["kind"], "person");
        assert_eq!(ruiz["line"], 4);
        assert!(ruiz["role"].as_str().unwrap_or("").to_lowercase().contains("mayor"), "{ruiz}");
        assert!(ruiz["quotes"].as_u64().unwrap() >= 1);
        let berg = speakers.iter().find(|x| x["name"] == "Tomas Berg").unwrap_or_else(|| panic!("{r:#}"));
        assert_eq!(berg["line"], 8);
        assert!(berg["quotes"].as_u64().unwrap() >= 2, "{berg}");
        assert!(berg["id"].is_u64());
        assert_eq!(r["unattributed"], 1);
        assert!(r["quotes"].as_u64().unwrap() >= 4, "{r}");
        assert!(r["unsourcedClaims"].as_u64().unwrap() >= 2, "critics, expected to cost: {r}");

        let err = s
            .request("workspace/executeCommand", json!({"command": "whosaid.sources", "arguments": [uri("never-opened.txt")]}))
            .unwrap_err();
        assert!(err["message"].as_str().unwrap().contains("not an open document"), "{err}");
        let err = s.request("workspace/executeCommand", json!({"command": "whosaid.sources", "arguments": []})).unwrap_err();
        assert!(err["message"].as_str().unwrap().contains("URI"), "{err}");
    }
}
