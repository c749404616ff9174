//! Properties of the `.whosaid.toml` writer on generated files: it never panics, what it writes
//! always reads back as the setting asked for, and adding a speaker only ever inserts lines — every
//! line the user wrote is still there, in order.

use proptest::prelude::*;
use whosaid::config::edit::{edited, Change};
use whosaid::config::Config;

const ROOT: &[&str] = &["inlay-hints = false  # off for the print desk", "max-file-size = 200000", "reporting-verbs = [\"quipped\", \"tweeted\"]"];
const RULES: &[&str] = &[
    "loaded-verb = \"off\"",
    "doubt-word = \"hint\"   # reportedly is fine in briefs",
    "unsourced-claim = \"information\"",
    "weasel-attribution = { severity = \"error\" }",
];
const SPEAKERS: &[&str] = &["\"Ana Ruiz\" = \"mayor of Port Ellery\"", "\"Tomas Berg\" = \"\"", "'Lena Ortiz' = 'city engineer'  # since 2024"];
/// Comments and blank lines, anywhere.
const NOISE: &[&str] = &["", "   ", "# Metro desk settings", "# \"Dana Whitfield\" = \"fire chief\"", "\t# tabbed comment"];
/// Lines that make a file whosaid must refuse.
const BROKEN: &[&str] = &["[speakers", "loaded-verb = \"loud\"", "no-such-setting = 1", "inlay-hints = 3"];

/// A file: root settings, then `[rules]` and `[speakers]` in either order, comments between lines,
/// sometimes one broken line.
fn file() -> impl Strategy<Value = String> {
    (
        prop::sample::subsequence(ROOT, 0..=ROOT.len()),
        prop::option::of(prop::sample::subsequence(RULES, 0..=RULES.len())),
        prop::option::of(prop::sample::subsequence(SPEAKERS, 0..=SPEAKERS.len())),
        any::<bool>(),
        prop::collection::vec(prop::option::of(0..NOISE.len()), 12),
        prop::option::of((0..BROKEN.len(), 0usize..12)),
        any::<bool>(),
    )
        .prop_map(|(root, rules, speakers, speakers_first, noise, broken, final_newline)| {
            let mut lines: Vec<&str> = root;
            let mut sections = vec![("[rules]  # agreed in March", rules), ("[speakers]", speakers)];
            if speakers_first {
                sections.reverse();
            }
            for (header, body) in sections {
                if let Some(body) = body {
                    lines.push(header);
                    lines.extend(body);
                }
            }
            let mut out = Vec::new();
            for (i, line) in lines.into_iter().enumerate() {
                if let Some(Some(n)) = noise.get(i) {
                    out.push(NOISE[*n]);
                }
                out.push(line);
            }
            if let Some((b, at)) = broken {
                out.insert(at.min(out.len()), BROKEN[b]);
            }
            let mut text = out.join("\n");
            if final_newline && !text.is_empty() {
                text.push('\n');
            }
            text
        })
}

fn change(pick: u8) -> Change {
    match pick % 4 {
        0 => Change::DisableRule { rule: "loaded-verb".into() },
        1 => Change::DisableRule { rule: "anonymous-source".into() },
        2 => Change::AddSpeaker { name: "Dana Whitfield".into(), role: Some("fire chief".into()) },
        _ => Change::AddSpeaker { name: "Ana Ruiz".into(), role: None },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn generated_files(text in file(), pick in 0u8..4) {
        let c = change(pick);
        let mut original = Config::default();
        let valid = original.apply_toml(&text).is_ok();
        match edited(Some(&text), &c) {
            Err(_) => prop_assert!(!valid, "a valid file was refused:\n{text}"),
            Ok(None) => prop_assert!(valid),
            Ok(Some(out)) => {
                prop_assert!(valid);
                let mut after = Config::default();
                prop_assert!(after.apply_toml(&out).is_ok(), "{out}");
                match &c {
                    Change::AddSpeaker { name, .. } => {
                        prop_assert!(after.options.known_speakers.iter().any(|k| &k.name == name));
                        prop_assert_eq!(after.options.known_speakers.len(), original.options.known_speakers.len() + 1);
                        // Only insertions: the user's lines are a subsequence of the new file's.
                        let mut new_lines = out.lines();
                        for line in text.lines() {
                            prop_assert!(new_lines.any(|l| l == line), "line {:?} lost or moved:\n{}\n---\n{}", line, text, out);
                        }
                    }
                    Change::DisableRule { rule } => {
                        prop_assert_eq!(after.options.rules.severity(rule), None);
                        // Every other rule and setting reads the same.
                        let mut expected = original.clone();
                        expected.options.rules.0.insert(rule.clone(), whosaid::analysis::RuleSetting::Off);
                        prop_assert_eq!(after, expected);
                    }
                }
            }
        }
    }
}
