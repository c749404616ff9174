//! Diagnostics as the reporter types: versioned, on the right ranges, and after any sequence of
//! incremental edits the same as opening the final text fresh. Both position encodings.

mod support;

use serde_json::{json, Value};
use support::{covered, summary, uri, Enc, Server, RIVERTON};

fn find(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"))
}

fn with_code<'a>(diags: &'a [Value], code: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| d["code"] == code).collect()
}

/// Diagnostics for `text` opened fresh under a new URI on the same server.
fn fresh(s: &mut Server, name: &str, text: &str) -> Vec<Value> {
    let u = uri(name);
    s.open(&u, "plaintext", 1, text);
    let d = s.diagnostics(&u, 1);
    s.close(&u);
    d
}

#[test]
fn open_publishes_versioned_diagnostics_on_the_right_words() {
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        let u = uri("riverton.txt");
        s.open(&u, "plaintext", 7, RIVERTON);
        let diags = s.diagnostics(&u, 7);

        for d in &diags {
            assert_eq!(d["source"], "whosaid");
            assert!(d["code"].as_str().is_some(), "rule code: {d}");
            // whosaid has no web address: a link only when the newsroom sets `rules-url`.
            assert!(d.get("codeDescription").is_none(), "{d}");
        }

        let unattributed = with_code(&diags, "unattributed-quote");
        assert_eq!(unattributed.len(), 1, "{enc:?}: {diags:#?}");
        assert!(covered(RIVERTON, &unattributed[0]["range"], enc).contains("Nobody told us the road would close"));
        assert_eq!(unattributed[0]["severity"], 1, "unattributed quotes are errors by default");

        let loaded = with_code(&diags, "loaded-verb");
        assert_eq!(loaded.len(), 1, "{diags:#?}");
        assert_eq!(covered(RIVERTON, &loaded[0]["range"], enc), "claimed");
        let related = loaded[0]["relatedInformation"].as_array().expect("loaded-verb points at its speaker");
        assert!(
            related.iter().any(|r| r["location"]["uri"] == u.as_str() && covered(RIVERTON, &r["location"]["range"], enc).contains("Berg")),
            "{related:#?}"
        );

        let weasel = with_code(&diags, "weasel-attribution");
        assert_eq!(weasel.len(), 1, "{diags:#?}");
        assert!(covered(RIVERTON, &weasel[0]["range"], enc).contains("Critics say"));

        // Attributed quotes raise nothing about attribution.
        for d in &diags {
            let text = covered(RIVERTON, &d["range"], enc);
            assert!(!text.contains("We will rebuild"), "{d}");
            assert!(!text.contains("The council has not seen a budget"), "{d}");
        }
    }
}

#[test]
fn markdown_leaves_code_out_and_honours_suppression_comments() {
    // (A paragraph with no one in it stands between the mayor and the two quotations below, which
    // are meant to have no speaker: the mayor named in the paragraph before would be in view.)
    let text = "---\ntitle: \"Front matter is not prose\"\n---\n\n# Riverton\n\n\"We will rebuild the bridge,\" Mayor Ana Ruiz said. The vote is on Monday.\n\nThe bridge has been shut since April.\n\n```\n\"This sample in a code block is not a quote.\"\n```\n\n<!-- whosaid-disable-next-line unattributed-quote -->\n\"Nobody told us the road would close.\"\n\n\"Nobody told us either.\"\n";
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        // By language id, and by extension when the editor calls it plain text.
        for (name, lang) in [("story.txt", "markdown"), ("story.md", "plaintext")] {
            let u = uri(name);
            s.open(&u, lang, 1, text);
            let diags = s.diagnostics(&u, 1);
            let unattributed = with_code(&diags, "unattributed-quote");
            assert_eq!(unattributed.len(), 1, "{name}: {diags:#?}");
            assert_eq!(covered(text, &unattributed[0]["range"], enc), "\"Nobody told us either.\"");
        }
    }
}

/// Type `insert` one character at a time at byte `at`, versions counting up from `version`.
fn type_text(s: &mut Server, u: &str, text: &mut String, at: usize, insert: &str, version: &mut i64) {
    let mut at = at;
    for c in insert.chars() {
        *version += 1;
        let mut buf = [0; 4];
        *text = s.edit(u, *version, text, at, at, c.encode_utf8(&mut buf));
        at += c.len_utf8();
    }
}

#[test]
fn typing_a_quote_character_by_character_matches_a_fresh_open() {
    for enc in Enc::BOTH {
        for crlf in [false, true] {
            let mut s = Server::start(enc);
            let u = uri("typing.txt");
            let mut text = if crlf { RIVERTON.replace('\n', "\r\n") } else { RIVERTON.to_string() };
            let mut version = 1;
            s.open(&u, "plaintext", version, &text);
            s.diagnostics(&u, version);
            // A new paragraph between Ruiz's two paragraphs, typed as a reporter would.
            let eol = if crlf { "\r\n" } else { "\n" };
            let at = find(&text, "Ruiz said the work");
            type_text(&mut s, &u, &mut text, at, &format!("“Our crews are ready,” said Lena Ortiz, the city engineer.{eol}{eol}"), &mut version);
            let typed = s.diagnostics(&u, version);
            let expected = fresh(&mut s, "typing-fresh.txt", &text);
            assert_eq!(summary(&text, &typed, enc), summary(&text, &expected, enc), "{enc:?} crlf={crlf}");
            assert!(!expected.is_empty());
            // The versions published for the document never go backwards.
            let versions: Vec<i64> = s.publishes.iter().filter(|p| p.0 == u).filter_map(|p| p.1).collect();
            assert!(versions.windows(2).all(|w| w[0] <= w[1]), "{versions:?}");
        }
    }
}

#[test]
fn deleting_a_paragraph_removes_its_findings() {
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        let u = uri("delete.txt");
        s.open(&u, "plaintext", 1, RIVERTON);
        let before = s.diagnostics(&u, 1);
        assert_eq!(with_code(&before, "weasel-attribution").len(), 1);
        let start = find(RIVERTON, "Critics say");
        let end = find(RIVERTON, "\"Nobody told us");
        let text = s.edit(&u, 2, RIVERTON, start, end, "");
        let after = s.diagnostics(&u, 2);
        assert!(with_code(&after, "weasel-attribution").is_empty(), "{after:#?}");
        assert_eq!(summary(&text, &after, enc), summary(&text, &fresh(&mut s, "delete-fresh.txt", &text), enc));
    }
}

#[test]
fn pasting_emoji_before_the_cursor_keeps_ranges_right() {
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        let u = uri("emoji.txt");
        let mut text = RIVERTON.to_string();
        s.open(&u, "plaintext", 1, &text);
        s.diagnostics(&u, 1);
        // Paste at the start of the unattributed quote's line, then keep typing after the paste.
        let at = find(&text, "\"Nobody told us");
        let paste = "🌉🚧 Update 🇺🇦: ";
        text = s.edit(&u, 2, &text, at, at, paste);
        let mut version = 2;
        type_text(&mut s, &u, &mut text, at + paste.len(), "Résumé — ", &mut version);
        // And an edit after the emoji on the same line, positioned past the surrogate pairs.
        let close = find(&text, "would close") + "would ".len();
        version += 1;
        text = s.edit(&u, version, &text, close, close + "close".len(), "shut");
        let diags = s.diagnostics(&u, version);
        let unattributed = with_code(&diags, "unattributed-quote");
        assert_eq!(unattributed.len(), 1, "{diags:#?}");
        assert_eq!(covered(&text, &unattributed[0]["range"], enc), "\"Nobody told us the road would shut.\"");
        assert_eq!(summary(&text, &diags, enc), summary(&text, &fresh(&mut s, "emoji-fresh.txt", &text), enc));
    }
}

#[test]
fn a_burst_of_edits_ends_on_the_final_text_with_no_stale_publish() {
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        let u = uri("burst.txt");
        let mut text = RIVERTON.to_string();
        s.open(&u, "plaintext", 1, &text);
        // 100 edits without waiting: typing, and every tenth a deletion of the previous word.
        let at = find(&text, "Critics say");
        let mut version = 1;
        let mut cursor = at;
        for i in 0..100 {
            version += 1;
            if i % 10 == 9 {
                text = s.edit(&u, version, &text, cursor - 2, cursor, "");
                cursor -= 2;
            } else {
                let c = if i % 10 == 4 { " " } else { "é" };
                text = s.edit(&u, version, &text, cursor, cursor, c);
                cursor += c.len();
            }
        }
        let last = s.diagnostics(&u, version);
        assert_eq!(summary(&text, &last, enc), summary(&text, &fresh(&mut s, "burst-fresh.txt", &text), enc));
        let versions: Vec<i64> = s.publishes.iter().filter(|p| p.0 == u).filter_map(|p| p.1).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "published out of order: {versions:?}");
        assert_eq!(versions.last(), Some(&version));
        // Queued edits coalesce: far fewer analyses were published than edits made.
        assert!(versions.len() <= 101);
    }
}

#[test]
fn full_text_changes_are_accepted_and_close_clears() {
    let mut s = Server::start(Enc::Utf16);
    let u = uri("full.txt");
    s.open(&u, "text", 1, "Quiet day.");
    assert!(s.diagnostics(&u, 1).is_empty());
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": RIVERTON}]}),
    );
    let diags = s.diagnostics(&u, 2);
    assert_eq!(summary(RIVERTON, &diags, Enc::Utf16), summary(RIVERTON, &fresh(&mut s, "full-fresh.txt", RIVERTON), Enc::Utf16));
    assert!(!diags.is_empty());
    s.close(&u);
    let cleared = s.wait_for(
        |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == u && m["params"]["version"].is_null(),
        "cleared diagnostics",
    );
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
}

/// Independent of the linguistics: with a one-byte size limit the engine reports the document's
/// length, so the server's copy of the text must have exactly the client's length after the edits.
#[test]
fn server_text_length_matches_the_client_after_tricky_edits() {
    for enc in Enc::BOTH {
        let mut s = Server::start_with(enc, json!({}), json!({"maxFileSize": 1}), None);
        let u = uri("length.txt");
        let mut text = "“Hi,” she said.\r\nLine two\rLine three\n".to_string();
        s.open(&u, "plaintext", 1, &text);
        s.diagnostics(&u, 1);
        let mut version = 1;
        // Emoji and CJK before the cursor, combining marks, edits across CRLF and lone CR.
        let at = find(&text, "she");
        text = s.edit(&u, 2, &text, at, at, "😀记者 ");
        version += 1;
        let said = find(&text, "said");
        type_text(&mut s, &u, &mut text, said, "e\u{301}🇺🇦", &mut version);
        let crlf = find(&text, "\r\n");
        version += 1;
        text = s.edit(&u, version, &text, crlf - 1, crlf + 3, "…\n");
        let cr = find(&text, "\r");
        version += 1;
        text = s.edit(&u, version, &text, cr, cr + 1, "\r\n😀");
        let d = s.diagnostics(&u, version);
        let msg = d.iter().find(|x| x["code"] == "document-too-large").map(|x| x["message"].as_str().unwrap().to_string());
        let want = format!("This document is {} bytes", text.len());
        assert!(msg.as_deref().unwrap_or("").contains(&want), "{enc:?}: {msg:?} vs {want}");
    }
}
