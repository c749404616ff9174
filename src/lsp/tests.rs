//! Feature modules on a hand-built analysis, so the server's side is checked on its own: what it
//! shows for a given model, at the right positions in both encodings.

use super::documents::Snapshot;
use super::position::Encoding;
use super::*;
use crate::analysis::*;
use std::str::FromStr;
use tower_lsp_server::ls_types::{CodeActionOrCommand, InlayHintLabel, InlayHintTooltip, NumberOrString, Uri};

const TEXT: &str = "Tomas Berg 😀 claimed the mayor moved too fast. “We are asking,” he said.\n\n“Nobody told us.”\n";

fn span(needle: &str) -> Span {
    let start = TEXT.find(needle).unwrap();
    Span::new(start, start + needle.len())
}

fn snapshot(enc: Encoding) -> Snapshot {
    let full = span("Tomas Berg");
    let he = span("he said");
    let he = Span::new(he.start, he.start + 2);
    let q0 = span("“We are asking,”");
    let q1 = span("“Nobody told us.”");
    let analysis = Analysis {
        speakers: vec![Speaker {
            id: 0,
            name: "Tomas Berg".into(),
            short_name: "Berg".into(),
            role: Some("council member".into()),
            kind: SpeakerKind::Person,
            mentions: vec![Mention { span: full, kind: MentionKind::Full }, Mention { span: he, kind: MentionKind::Pronoun }],
        }],
        quotes: vec![
            Quote {
                id: 0,
                kind: QuoteKind::Direct,
                span: q0,
                parts: vec![q0].into(),
                speaker: Some(0),
                speaker_mention: Some(he),
                cue: Some(Cue::word(span("said"), "said", "say")),
                resolution: Resolution::Pronoun { pronoun: "he".into(), antecedent: full },
                outer: None,
            },
            Quote {
                id: 1,
                kind: QuoteKind::Direct,
                span: q1,
                parts: vec![q1].into(),
                speaker: None,
                speaker_mention: None,
                cue: None,
                resolution: Resolution::None,
                outer: None,
            },
        ],
        claims: vec![],
        findings: vec![
            Finding {
                code: "loaded-verb",
                severity: Severity::Warning,
                span: span("claimed"),
                message: "“claimed” takes sides; “said” is neutral.".into(),
                related: vec![Related { span: full, message: "the speaker".into() }].into(),
                fixes: vec![Fix { title: "Replace “claimed” with “said”".into(), edits: vec![(span("claimed"), "said".into())].into() }].into(),
                quote: None,
                claim: None,
            },
            Finding {
                code: "unattributed-quote",
                severity: Severity::Error,
                span: q1,
                message: "No one is named as the speaker of this quote.".into(),
                related: Default::default(),
                fixes: Default::default(),
                quote: Some(1),
                claim: None,
            },
        ],
        paragraphs: vec![span("Tomas Berg 😀 claimed the mayor moved too fast. “We are asking,” he said."), q1],
        sentences: vec![],
        skipped: false,
        ..Analysis::default()
    };
    Snapshot::new(Uri::from_str("file:///newsroom/t.txt").unwrap(), 1, 3, TEXT.to_string(), Format::PlainText, analysis, enc)
}

fn hover_text(s: &Snapshot, at: usize) -> Option<String> {
    hover_linked(s, at, &diagnostics::RuleLinks::default())
}

fn hover_linked(s: &Snapshot, at: usize, links: &diagnostics::RuleLinks) -> Option<String> {
    hover::hover(s, at, links).map(|h| match h.contents {
        HoverContents::Markup(m) => m.value,
        other => panic!("{other:?}"),
    })
}

#[test]
fn hovers() {
    let s = snapshot(Encoding::Utf16);
    let h = hover_text(&s, span("asking").start).unwrap();
    assert!(h.contains("**Tomas Berg**, council member (person)"), "{h}");
    assert!(h.contains("pronoun ‘he’ resolved to Tomas Berg, last named in ¶1"), "{h}");
    assert!(h.contains("**Cue:** “said” (reporting verb)"), "{h}");
    assert!(h.contains("“he” on line 1"), "{h}");

    let h = hover_text(&s, span("he said").start).unwrap();
    assert!(h.contains("This mention: “he” (pronoun)"), "{h}");
    assert!(h.contains("Mentioned 2 times; first named on line 1"), "{h}");
    assert!(h.contains("Quotes (1):\n- line 1: “We are asking,”"), "{h}");

    let h = hover_text(&s, span("claimed").start + 2).unwrap();
    assert!(h.contains("**loaded-verb** (warning)"), "{h}");
    assert!(h.contains("Use \"said\" unless"), "remedy: {h}");
    let about = rules::rule("loaded-verb").unwrap().about();
    assert!(h.contains(&hover::md(&about)), "the explanation's first paragraph: {h}");
    assert!(h.contains("`whosaid explain loaded-verb`") && !h.contains("http"), "no link unless configured: {h}");
    let config = crate::config::Config { rules_url: Some("https://desk.example.org/rules.html".into()), ..Default::default() };
    let h = hover_linked(&s, span("claimed").start + 2, &diagnostics::RuleLinks::new(&config)).unwrap();
    assert!(h.contains("[More about loaded-verb](<https://desk.example.org/rules.html#rule-loaded-verb>)"), "{h}");

    let h = hover_text(&s, span("Nobody").start).unwrap();
    assert!(h.contains("none found") && h.contains("unattributed-quote") && h.contains("Name the speaker"), "{h}");

    assert!(hover_text(&s, span("mayor").start).is_none());
}

#[test]
fn a_relative_pronoun_is_named_in_the_why_and_the_hint_names_the_speaker() {
    let mut s = snapshot(Encoding::Utf16);
    // As if the text read "Tomas Berg, who said …": the cue hangs on a relative pronoun.
    s.analysis.quotes[0].speaker_mention = Some(span("Tomas Berg"));
    s.analysis.quotes[0].resolution = Resolution::Relative { pronoun: Span::new(span("he said").start, span("he said").start + 2) };
    let h = hover_text(&s, span("asking").start).unwrap();
    assert!(h.contains("the cue “said” attaches to ‘he’, which stands for “Tomas Berg” in the same sentence"), "{h}");
    assert_eq!(inlay::label(&s, 0).as_deref(), Some("— Berg"));
}

#[test]
fn inlay_hints_in_both_encodings() {
    for enc in [Encoding::Utf8, Encoding::Utf16] {
        let s = snapshot(enc);
        let all = inlay::hints(&s, Span::new(0, TEXT.len()));
        let labels: Vec<String> = all
            .iter()
            .map(|h| match &h.label {
                InlayHintLabel::String(l) => l.clone(),
                InlayHintLabel::LabelParts(_) => panic!(),
            })
            .collect();
        assert_eq!(labels, ["he → Berg", "— ?"]);
        let end = span("“We are asking,”").end;
        // After the closing mark: the emoji counts 2 UTF-16 units, 4 bytes; curly marks 1 and 3.
        let expected_col = match enc {
            Encoding::Utf8 => end as u32,
            Encoding::Utf16 => TEXT[..end].encode_utf16().count() as u32,
        };
        assert_eq!(all[0].position, Position::new(0, expected_col));
        // Range filter.
        assert_eq!(inlay::hints(&s, Span::new(0, 10)).len(), 0);
        assert_eq!(inlay::hints(&s, span("\n\n“Nobody told us.”")).len(), 1);
        // Resolve fills the tooltip only for the snapshot the hint came from.
        let resolved = inlay::resolve(&s, all[0].clone());
        match resolved.tooltip {
            Some(InlayHintTooltip::MarkupContent(m)) => assert!(m.value.contains("Tomas Berg")),
            other => panic!("{other:?}"),
        }
        let mut older = all[0].clone();
        older.data = Some(serde_json::json!({"uri": "file:///newsroom/t.txt", "version": 2, "quote": 0}));
        assert!(inlay::resolve(&s, older).tooltip.is_none());
    }
}

#[test]
fn diagnostics_carry_code_link_and_related() {
    let s = snapshot(Encoding::Utf16);
    let d = diagnostics::diagnostics(&s, &diagnostics::RuleLinks::default());
    assert!(d.iter().all(|d| d.code_description.is_none()), "no link unless a newsroom hosts the rules");
    let config = crate::config::Config { rules_url: Some("https://desk.example.org/whosaid/rules.html".into()), ..Default::default() };
    let d = diagnostics::diagnostics(&s, &diagnostics::RuleLinks::new(&config));
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].code, Some(NumberOrString::String("loaded-verb".into())));
    assert_eq!(
        d[0].code_description.as_ref().unwrap().href.as_str(),
        "https://desk.example.org/whosaid/rules.html#rule-loaded-verb"
    );
    assert_eq!(d[0].severity, Some(DiagnosticSeverity::WARNING));
    assert_eq!(d[0].range, Range::new(Position::new(0, 14), Position::new(0, 21)));
    let rel = d[0].related_information.as_ref().unwrap();
    assert_eq!(rel[0].location.range, Range::new(Position::new(0, 0), Position::new(0, 10)));
    assert_eq!(d[1].severity, Some(DiagnosticSeverity::ERROR));
    assert_eq!(d[1].range.start, Position::new(2, 0));
}

#[test]
fn navigation() {
    let s = snapshot(Encoding::Utf8);
    let syms = navigation::symbols(&s);
    assert_eq!(syms.len(), 2);
    assert_eq!(syms[0].name, "Tomas Berg");
    assert_eq!(syms[0].selection_range, s.range(span("Tomas Berg")));
    assert_eq!(syms[0].children.as_ref().unwrap()[0].name, "“We are asking,”");
    assert_eq!(syms[1].name, "Unattributed quotes");

    let he = span("he said").start;
    let refs = navigation::references(&s, he, true);
    assert_eq!(refs.len(), 3, "{refs:?}");
    assert_eq!(navigation::references(&s, he, false).len(), 2);
    // From the quote itself, too.
    assert_eq!(navigation::highlights(&s, span("asking").start).len(), 3);
    assert_eq!(navigation::definition(&s, he).unwrap().range, s.range(span("Tomas Berg")));
    assert!(navigation::definition(&s, span("mayor").start).is_none());
}

#[test]
fn code_actions_fix_and_suppress() {
    let s = snapshot(Encoding::Utf16);
    let cursor = span("claimed").start + 1;
    let actions = actions::code_actions(&s, Span::new(cursor, cursor), &actions::ConfigContext::default());
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| match a {
            CodeActionOrCommand::CodeAction(a) => a.title.as_str(),
            CodeActionOrCommand::Command(c) => c.title.as_str(),
        })
        .collect();
    assert_eq!(titles, ["Replace “claimed” with “said”", "Suppress loaded-verb on this line"]);
    let CodeActionOrCommand::CodeAction(fix) = &actions[0] else { panic!() };
    let edits = &fix.edit.as_ref().unwrap().changes.as_ref().unwrap()[&s.uri];
    assert_eq!(edits[0].range, Range::new(Position::new(0, 14), Position::new(0, 21)));
    assert_eq!(edits[0].new_text, "said");
    let CodeActionOrCommand::CodeAction(sup) = &actions[1] else { panic!() };
    let edits = &sup.edit.as_ref().unwrap().changes.as_ref().unwrap()[&s.uri];
    assert_eq!(edits[0].range, Range::new(Position::new(0, 0), Position::new(0, 0)));
    assert_eq!(edits[0].new_text, "<!-- whosaid-disable-next-line loaded-verb -->\n");
    assert!(actions::code_actions(&s, span("mayor"), &actions::ConfigContext::default()).is_empty());
}

fn titles(actions: &[CodeActionOrCommand]) -> Vec<&str> {
    actions
        .iter()
        .map(|a| match a {
            CodeActionOrCommand::CodeAction(a) => a.title.as_str(),
            CodeActionOrCommand::Command(c) => c.title.as_str(),
        })
        .collect()
}

#[test]
fn configuration_actions_only_with_a_workspace_and_for_unknown_speakers() {
    let s = snapshot(Encoding::Utf16);
    let writable = actions::ConfigContext { writable: true, ..Default::default() };
    let at = |needle: &str| {
        let c = span(needle).start + 1;
        Span::new(c, c)
    };
    let found = actions::code_actions(&s, at("claimed"), &writable);
    assert_eq!(
        titles(&found),
        [
            "Replace “claimed” with “said”",
            "Suppress loaded-verb on this line",
            "Turn off ‘loaded-verb’ for this workspace (.whosaid.toml)"
        ]
    );
    let CodeActionOrCommand::CodeAction(off) = &found[2] else { panic!() };
    let cmd = off.command.as_ref().unwrap();
    assert_eq!((cmd.command.as_str(), cmd.arguments.clone()), (commands::DISABLE_RULE, Some(vec![serde_json::json!({"rule": "loaded-verb"})])));
    assert!(off.edit.is_none(), "the file is written by the command, not by an edit");
    assert_eq!(off.diagnostics.as_ref().unwrap()[0].code, Some(NumberOrString::String("loaded-verb".into())));

    // On a mention, on a pronoun, inside a quote the speaker said: the speaker, with the role.
    for needle in ["Tomas Berg", "he said", "asking"] {
        let found = actions::code_actions(&s, at(needle), &writable);
        assert_eq!(titles(&found), ["Add ‘Tomas Berg’ (council member) to known speakers in .whosaid.toml"], "{needle}");
        let CodeActionOrCommand::CodeAction(add) = &found[0] else { panic!() };
        let cmd = add.command.as_ref().unwrap();
        assert_eq!(cmd.command, commands::ADD_KNOWN_SPEAKER);
        assert_eq!(cmd.arguments, Some(vec![serde_json::json!({"name": "Tomas Berg", "role": "council member"})]));
    }
    // A quote nobody is credited with offers no speaker.
    assert_eq!(
        titles(&actions::code_actions(&s, at("Nobody"), &writable)),
        ["Suppress unattributed-quote on this line", "Turn off ‘unattributed-quote’ for this workspace (.whosaid.toml)"]
    );
    // Already known (any case), or no workspace folder to write to: not offered.
    let known = actions::ConfigContext { writable: true, known_speakers: vec!["tomas berg".into()], ..Default::default() };
    assert!(actions::code_actions(&s, at("Tomas Berg"), &known).is_empty());
    assert!(actions::code_actions(&s, at("Tomas Berg"), &actions::ConfigContext::default()).is_empty());
}

#[test]
fn sources_command() {
    let s = snapshot(Encoding::Utf16);
    let mut v = super::sources::response(&s);
    // The counts the status bar reads, as before.
    for key in ["sources", "summary"] {
        v.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(
        v,
        serde_json::json!({
            "uri": "file:///newsroom/t.txt",
            "version": 3,
            "speakers": [{"id": 0, "name": "Tomas Berg", "role": "council member", "kind": "person", "quotes": 1, "line": 0}],
            "quotes": 2,
            "unattributed": 1,
            "unsourcedClaims": 0
        })
    );
    let v = super::sources::response(&s);
    assert_eq!(v["sources"][0]["name"], "Tomas Berg");
    assert_eq!(v["sources"][0]["quotes"][0]["text"], "We are asking,");
    assert_eq!(v["summary"]["text"], "1 source · 0 women, 0 men, 1 not stated · 0 anonymous · 1 quote with no source");
}

#[test]
fn hover_shows_a_quotation_in_parts_as_its_quoted_words() {
    // (text, a word inside the quote, the words the hover shows)
    let cases: &[(&str, &str, &str)] = &[
        ("“The pier is safe,” Mayor Lena Hartley said. “It reopens on Monday.”\n", "reopens", "“The pier is safe, … It reopens on Monday.”"),
        ("“The pier is safe,” Mayor Lena Hartley said, “and it reopens on Monday.”\n", "pier", "“The pier is safe, … and it reopens on Monday.”"),
        ("“The pier is safe,” Mayor Lena Hartley said.\n", "pier", "“The pier is safe,”"),
    ];
    for &(text, at, want) in cases {
        let a = analyze(text, &Options::default());
        let s = Snapshot::new(Uri::from_str("file:///newsroom/p.txt").unwrap(), 1, 1, text.to_string(), Format::PlainText, a, Encoding::Utf16);
        let h = hover_text(&s, text.find(at).unwrap()).unwrap();
        assert!(h.contains(&format!("**Quote** (direct): {want}")), "{text:?}: {h}");
    }
}
