//! The command line as a user runs it: `whosaid check` and `whosaid eval` spawned as processes.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    c.env_remove("NO_COLOR");
    c
}

fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("spawn whosaid")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn whosaid");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh folder under Cargo's per-test temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object per line: {e}: {l}")))
        .collect()
}

/// 1-based line and char column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

fn span_text<'a>(text: &'a str, v: &Value) -> &'a str {
    let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
    assert!(s <= e && e <= text.len(), "span {s}..{e} outside the text");
    assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {s}..{e} not on char boundaries");
    &text[s..e]
}

// ----------------------------------------------------------------------------------------------
// check: JSON

#[test]
fn json_has_the_stable_shape_and_byte_offsets() {
    let path = fixture("check/article.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let o = run(&["check", "--format", "json", &path]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 1);
    let v = &lines[0];
    assert_eq!(v["path"], path.as_str());
    for key in ["speakers", "quotes", "claims", "findings"] {
        assert!(v[key].is_array(), "{key} missing: {v}");
    }
    for (i, s) in v["speakers"].as_array().unwrap().iter().enumerate() {
        assert_eq!(s["id"], i);
        assert!(s["name"].is_string() && (s["role"].is_string() || s["role"].is_null()));
        let kind = s["kind"].as_str().unwrap();
        assert!(["person", "organization", "group", "anonymous", "unknown"].contains(&kind), "{kind}");
        for m in s["mentions"].as_array().unwrap() {
            span_text(&text, m);
        }
    }
    for (i, q) in v["quotes"].as_array().unwrap().iter().enumerate() {
        assert_eq!(q["id"], i);
        assert!(["direct", "indirect", "partial", "mixed"].contains(&q["kind"].as_str().unwrap()));
        span_text(&text, q);
        assert!(q["speaker"].is_null() || q["speaker"].as_u64().unwrap() < v["speakers"].as_array().unwrap().len() as u64);
        if !q["speaker_mention"].is_null() {
            span_text(&text, &q["speaker_mention"]);
        }
        if !q["cue"].is_null() {
            assert_eq!(span_text(&text, &q["cue"]), q["cue"]["text"].as_str().unwrap());
        }
    }
    for c in v["claims"].as_array().unwrap() {
        assert!(c["kind"].is_string());
        span_text(&text, c);
    }
    for f in v["findings"].as_array().unwrap() {
        assert!(f["code"].is_string() && f["message"].is_string());
        assert!(["error", "warning", "information", "hint"].contains(&f["severity"].as_str().unwrap()));
        span_text(&text, f);
        let (line, col) = line_col(&text, f["start"].as_u64().unwrap() as usize);
        assert_eq!((f["line"].as_u64().unwrap() as usize, f["column"].as_u64().unwrap() as usize), (line, col));
    }
}

#[test]
fn json_finds_the_quotes_of_the_fixture_after_non_ascii_text() {
    let path = fixture("check/article.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let v = &json_lines(&run(&["check", "--format", "json", &path]))[0];
    let quotes = v["quotes"].as_array().unwrap();
    let mayor = quotes
        .iter()
        .find(|q| span_text(&text, q).contains("We need another month"))
        .unwrap_or_else(|| panic!("the mayor's quote is missing: {v}"));
    assert_eq!(span_text(&text, mayor).chars().next(), Some('“'));
    let speaker = &v["speakers"][mayor["speaker"].as_u64().expect("the mayor's quote has a speaker") as usize];
    assert!(speaker["name"].as_str().unwrap().contains("Ångström"), "{speaker}");
    assert!(span_text(&text, &mayor["speaker_mention"]).contains("Ångström"));
    let nobody = quotes.iter().find(|q| span_text(&text, q).contains("Nobody asked us")).expect("second quote");
    assert!(nobody["speaker"].is_null(), "{nobody}");
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "unattributed-quote")
        .expect("unattributed-quote finding");
    assert!(span_text(&text, f).contains("Nobody asked us"));
}

#[test]
fn stdin_is_read_and_named_dash() {
    let text = "“We are ready,” said Chief Dana Whitfield of the Elsby fire service.\n";
    let o = run_stdin(&["check", "--format", "json", "-"], text.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = &json_lines(&o)[0];
    assert_eq!(v["path"], "-");
    let o = run_stdin(&["check", "-"], text.as_bytes());
    assert!(stdout(&o).contains("Summary of <stdin>"), "{}", stdout(&o));
}

#[test]
fn json_gives_each_quote_its_parts_and_its_cue_head_and_lemma() {
    // (text, per quote: (parts, cue head, cue lemma))
    let cases: &[(&str, &[(&[&str], &str, &str)])] = &[
        // One stretch, one part.
        ("“We are ready,” Dana Whitfield has also said.\n", &[(&["“We are ready,”"], "said", "say")]),
        // Interrupted by its attribution: two parts, not one that spans "she said".
        ("“We are ready,” Dana Whitfield said. “The crews are out.”\n", &[(&["“We are ready,”", "“The crews are out.”"], "said", "say")]),
        ("“We are ready,” Dana Whitfield said, “and the crews are out.”\n", &[(&["“We are ready,”", "“and the crews are out.”"], "said", "say")]),
        // Over a paragraph end, and over a paragraph break lost upstream.
        ("Dana Whitfield told reporters: “We are ready.\n\n“The crews are out. “Nobody is hurt.”\n", &[(&["“We are ready.", "“The crews are out.", "“Nobody is hurt.”"], "told", "tell")]),
        ("Dana Whitfield pointed out that the crews were ready.\n", &[(&["the crews were ready"], "pointed out", "point out")]),
        ("According to Dana Whitfield, the crews are ready.\n", &[(&["the crews are ready"], "According to", "according to")]),
        ("Dana Whitfield: “We are ready.”\n", &[(&["“We are ready.”"], ":", ":")]),
    ];
    for &(text, want) in cases {
        let o = run_stdin(&["check", "--format", "json", "-"], text.as_bytes());
        let v = &json_lines(&o)[0];
        let quotes = v["quotes"].as_array().expect("quotes");
        let got: Vec<(Vec<&str>, &str, &str)> = quotes
            .iter()
            .map(|q| {
                let parts = q["parts"].as_array().expect("parts").iter().map(|p| span_text(text, p)).collect();
                let head = &q["cue"]["head"];
                assert_eq!(span_text(text, head), head["text"].as_str().unwrap(), "{text:?}");
                (parts, head["text"].as_str().unwrap_or(""), q["cue"]["lemma"].as_str().unwrap_or(""))
            })
            .collect();
        let want: Vec<(Vec<&str>, &str, &str)> = want.iter().map(|(p, h, l)| (p.to_vec(), *h, *l)).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

// ----------------------------------------------------------------------------------------------
// check: human output

#[test]
fn human_output_has_location_and_a_caret_under_the_span() {
    let path = fixture("check/article.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let v = &json_lines(&run(&["check", "--format", "json", &path]))[0];
    let out = stdout(&run(&["check", &path]));
    assert!(!out.contains('\x1b'), "no colour when stdout is not a terminal");
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "the fixture has findings");
    // The line with curly quotes, a dash and an emoji before the agentless passive has a finding.
    let emoji_line = line_col(&text, text.find("Café owners").unwrap()).0;
    assert!(
        findings.iter().any(|f| line_col(&text, f["start"].as_u64().unwrap() as usize).0 == emoji_line),
        "no finding on the agentless passive: {v}"
    );
    for f in findings {
        let start = f["start"].as_u64().unwrap() as usize;
        let (line, col) = line_col(&text, start);
        let header = format!("[{}]: {}", f["code"].as_str().unwrap(), f["message"].as_str().unwrap());
        let at = out.find(&header).unwrap_or_else(|| panic!("no header {header} in\n{out}"));
        let block: Vec<&str> = out[at..].lines().take(5).collect();
        assert_eq!(block[1].trim_start(), format!("--> {path}:{line}:{col}"), "{block:?}");
        // Source line: "N | text"; caret line: "  | ^^^".
        let src = block[3];
        let bar = src.find(" | ").unwrap();
        assert_eq!(src[..bar].trim(), line.to_string());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let prefix = &text[line_start..start];
        // Emoji take two columns on a terminal; everything else in the fixtures one.
        let expected_col = prefix.chars().map(|c| if c == '😀' { 2 } else { 1 }).sum::<usize>();
        let carets = block[4];
        let caret_at = carets.find('^').expect("a caret");
        assert_eq!(caret_at - (bar + 3), expected_col, "caret misplaced in {block:#?}");
    }
    assert!(out.contains("Summary of"), "{out}");
}

#[test]
fn human_summary_lists_speakers_and_counts() {
    let path = fixture("check/article.md");
    let out = stdout(&run(&["check", &path]));
    let summary = &out[out.find("Summary of").unwrap()..];
    assert!(summary.contains("Ångström"), "{summary}");
    assert!(summary.contains("1 quote"), "{summary}");
    // "the “heart of the old town”" is a phrase nobody said: no quote.
    assert!(summary.contains("unattributed quotes: 1 (1 direct)"), "{summary}");
    assert!(summary.contains("claims with no source:"), "{summary}");
}

#[test]
fn colour_can_be_forced_and_no_color_is_respected_by_auto() {
    let path = fixture("check/article.md");
    let o = run(&["check", "--color", "always", &path]);
    assert!(stdout(&o).contains("\x1b["));
    let o = bin().args(["check", &path]).env("NO_COLOR", "1").output().unwrap();
    assert!(!stdout(&o).contains("\x1b["));
}

// ----------------------------------------------------------------------------------------------
// check: exit codes and bad input

#[test]
fn exit_zero_without_errors_one_with_an_error_finding() {
    let o = run(&["check", &fixture("check/clean.txt")]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let o = run(&["check", &fixture("check/article.md")]);
    assert_eq!(o.status.code(), Some(1), "unattributed quote is an error: {}", stdout(&o));
}

#[test]
fn empty_file_is_fine() {
    let o = run(&["check", "--format", "json", &fixture("check/empty.txt")]);
    assert_eq!(o.status.code(), Some(0));
    let v = &json_lines(&o)[0];
    assert_eq!(v["quotes"], serde_json::json!([]));
    assert_eq!(v["findings"], serde_json::json!([]));
}

#[test]
fn missing_file_and_folder_exit_2_and_other_files_are_still_checked() {
    let clean = fixture("check/clean.txt");
    let o = run(&["check", "--format", "json", "/no/such/article.txt", &clean, &fixture("check")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("/no/such/article.txt: no such file"), "{err}");
    assert!(err.contains("is a folder"), "{err}");
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], clean.as_str());
}

#[test]
fn binary_and_non_utf8_files_are_reported_and_skipped() {
    let d = temp_dir("check-binary");
    let bin_path = d.join("photo.jpg");
    std::fs::write(&bin_path, b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x02").unwrap();
    let latin1 = d.join("latin1.txt");
    std::fs::write(&latin1, b"\"Caf\xE9 owners,\" she said.\n").unwrap();
    let clean = fixture("check/clean.txt");
    let o = run(&["check", "--format", "json", bin_path.to_str().unwrap(), latin1.to_str().unwrap(), &clean]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("photo.jpg") && err.contains("binary"), "{err}");
    assert!(err.contains("latin1.txt") && err.contains("not UTF-8") && err.contains("line 1"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], clean.as_str());
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let o = run(&["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no files"));
    let o = run(&["check", "--frobnicate", &fixture("check/clean.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--frobnicate"));
    let o = run(&["check", "--format", "xml", &fixture("check/clean.txt")]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["check", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("--format human|json"));
}

#[test]
fn many_files_keep_argument_order() {
    let names = ["check/article.md", "check/clean.txt", "check/empty.txt", "check/clean.txt", "check/article.md", "check/empty.txt", "check/clean.txt", "check/article.md"];
    let paths: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let lines = json_lines(&run(&args));
    let got: Vec<&str> = lines.iter().map(|v| v["path"].as_str().unwrap()).collect();
    assert_eq!(got, paths.iter().map(String::as_str).collect::<Vec<_>>());

    let mut args = vec!["check", "--no-config"];
    args.extend(paths.iter().map(String::as_str));
    let out = stdout(&run(&args));
    let order: Vec<&str> = out.lines().filter_map(|l| l.strip_prefix("Summary of ")).collect();
    assert_eq!(order, paths.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(out.contains(&format!("{} of {} files checked", paths.len(), paths.len())), "{out}");
}

// ----------------------------------------------------------------------------------------------
// check: configuration

fn codes(o: &Output) -> Vec<String> {
    json_lines(o)[0]["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn nearest_project_file_switches_a_rule_off() {
    let d = temp_dir("check-config");
    std::fs::create_dir_all(d.join("desk/drafts")).unwrap();
    std::fs::write(d.join("desk/.whosaid.toml"), "[rules]\nunattributed-quote = \"off\"\n").unwrap();
    let article = d.join("desk/drafts/story.md");
    std::fs::copy(fixture("check/article.md"), &article).unwrap();
    let a = article.to_str().unwrap();

    let with_default = run(&["check", "--format", "json", "--no-config", a]);
    assert!(codes(&with_default).contains(&"unattributed-quote".to_string()), "{}", stdout(&with_default));
    let with_project = run(&["check", "--format", "json", a]);
    assert!(!codes(&with_project).contains(&"unattributed-quote".to_string()), "{}", stdout(&with_project));

    // A relative path finds the project file too.
    let o = bin().current_dir(d.join("desk/drafts")).args(["check", "--format", "json", "story.md"]).output().unwrap();
    assert!(!codes(&o).contains(&"unattributed-quote".to_string()));

    // --config names the file explicitly.
    let other = d.join("strict.toml");
    std::fs::write(&other, "[rules]\nunattributed-quote = \"off\"\n").unwrap();
    let o = run(&["check", "--format", "json", "--config", other.to_str().unwrap(), &fixture("check/article.md")]);
    assert!(!codes(&o).contains(&"unattributed-quote".to_string()));
}

#[test]
fn invalid_configuration_is_a_clear_exit_2() {
    let d = temp_dir("check-bad-config");
    std::fs::write(d.join(".whosaid.toml"), "[rules]\nno-such-rule = \"off\"\n").unwrap();
    std::fs::copy(fixture("check/clean.txt"), d.join("a.txt")).unwrap();
    let o = run(&["check", d.join("a.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(".whosaid.toml") && err.contains("no-such-rule"), "{err}");

    let o = run(&["check", "--config", "/no/such/whosaid.toml", &fixture("check/clean.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/whosaid.toml"));
}

// ----------------------------------------------------------------------------------------------
// eval

fn eval_json(extra: &[&str]) -> (Output, Value) {
    let mut args = vec!["eval", "--json"];
    let gold = fixture("eval/gold.jsonl");
    args.push(&gold);
    args.extend_from_slice(extra);
    let o = run(&args);
    let v = serde_json::from_str(stdout(&o).trim()).unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&o), stderr(&o)));
    (o, v)
}

#[test]
fn eval_counts_the_gold_and_reports_every_figure() {
    let weasel = fixture("eval/weasel.csv");
    let (o, v) = eval_json(&["--weasel", &weasel, "--weasel-split", "all"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(v["articles"], 2);
    assert_eq!(v["gold_items"], 5);
    assert_eq!(v["gold_direct"], 2);
    assert_eq!(v["gold_no_source"], 1);
    // "are said" is a no_source item, so it is not speech.
    assert_eq!(v["gold_speech"], 4);
    assert_eq!(v["weasel_sentences"], 4, "the CSV's multi-line fields are one sentence each");
    assert_eq!(v["weasel_positive"], 2);
    for key in [
        "precision_0.3", "recall_0.3", "f1_0.3", "recall_0.8", "exact_f1", "direct_recall_0.3", "indirect_recall_0.3",
        "speaker_accuracy", "cue_accuracy", "speech_recall_0.3", "speech_speaker_accuracy", "speech_cue_accuracy",
        "no_source_recall", "weasel_precision", "weasel_recall", "throughput_mb_s",
    ] {
        assert!(v.get(key).is_some(), "{key} missing in {v}");
        if let Some(x) = v[key].as_f64() {
            assert!(key == "throughput_mb_s" || (0.0..=100.0).contains(&x), "{key} = {x}");
        }
    }
}

#[test]
fn eval_finds_direct_quotes_after_multibyte_text() {
    // Code-point offsets in the gold differ from byte offsets by up to 26 here; confusing them
    // would miss both quotes.
    let (_, v) = eval_json(&["--no-weasel"]);
    assert_eq!(v["direct_recall_0.3"], 100.0, "{v}");
    assert_eq!(v["recall_0.8"].as_f64().map(|r| r >= 40.0), Some(true), "{v}");
}

#[test]
fn eval_human_table_and_skipped_weasel_message() {
    let o = run(&["eval", &fixture("eval/gold.jsonl")]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for needle in ["2 articles, 5 gold attributions", "overlap > 0.3", "speaker accuracy", "cue accuracy", "speech only", "analysis speed:"] {
        assert!(out.contains(needle), "{needle} missing in\n{out}");
    }
    assert!(stderr(&o).contains("wiki-weasel part skipped"), "{}", stderr(&o));
    assert!(!out.contains("wiki-weasel, sentence level"));
}

#[test]
fn eval_floor_names_the_metric_that_fell() {
    let d = temp_dir("eval-floor");
    let high = d.join("high.json");
    std::fs::write(&high, r#"{"recall_0.3": 100.5, "precision_0.3": 0}"#).unwrap();
    let o = run(&["eval", "--no-weasel", "--floor", high.to_str().unwrap(), &fixture("eval/gold.jsonl")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("recall_0.3") && err.contains("below its floor"), "{err}");
    assert!(!err.contains("precision_0.3 is"), "{err}");

    let low = d.join("low.json");
    std::fs::write(&low, r#"{"recall_0.3": 0, "gold_typo": 1}"#).unwrap();
    let o = run(&["eval", "--no-weasel", "--floor", low.to_str().unwrap(), &fixture("eval/gold.jsonl")]);
    assert_eq!(o.status.code(), Some(2), "an unknown metric in the floor file is an error");
    assert!(stderr(&o).contains("gold_typo"));

    std::fs::write(&low, r#"{"recall_0.3": 0}"#).unwrap();
    let o = run(&["eval", "--no-weasel", "--floor", low.to_str().unwrap(), &fixture("eval/gold.jsonl")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn eval_bad_input_exits_2() {
    let o = run(&["eval", "/no/such/gold.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"));
    let d = temp_dir("eval-bad");
    let bad = d.join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"ok\", \"quotes\": []}\n{not json\n").unwrap();
    let o = run(&["eval", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    let o = run(&["eval"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["eval", "--limit", "x", &fixture("eval/gold.jsonl")]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn eval_limit_scores_the_first_articles() {
    let (_, v) = eval_json(&["--no-weasel", "--limit", "1"]);
    assert_eq!(v["articles"], 1);
    assert_eq!(v["gold_items"], 3);
}

#[test]
fn a_closed_pipe_does_not_panic() {
    // Like `whosaid check *.md | head -1`: the reader goes away before whosaid is done.
    let article = fixture("check/article.md");
    let mut args = vec!["check".to_string()];
    args.extend(std::iter::repeat_n(article, 200));
    let mut child = bin().args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_ne!(o.status.code(), Some(101));
}

#[test]
fn a_file_over_the_size_limit_is_reported_not_analysed() {
    let d = temp_dir("check-too-large");
    std::fs::write(d.join(".whosaid.toml"), "max-file-size = 20\n").unwrap();
    let article = d.join("long.md");
    std::fs::copy(fixture("check/article.md"), &article).unwrap();
    let o = run(&["check", "--format", "json", article.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = &json_lines(&o)[0];
    assert_eq!(v["quotes"], serde_json::json!([]));
    assert_eq!(v["findings"][0]["code"], "document-too-large");
    let out = stdout(&run(&["check", article.to_str().unwrap()]));
    assert!(out.contains("[document-too-large]") && out.contains("not analysed"), "{out}");
}

#[test]
fn explain_lists_every_rule_and_explains_each_one() {
    let o = run(&["explain"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let list = stdout(&o);
    for rule in whosaid::analysis::RULES {
        assert!(list.contains(rule.code), "{} missing from the list:\n{list}", rule.code);

        let o = run(&["explain", rule.code]);
        assert_eq!(o.status.code(), Some(0), "{}: {}", rule.code, stderr(&o));
        let text = stdout(&o);
        assert!(text.starts_with(&format!("{} — {} by default", rule.code, rule.default_severity)), "{text}");
        // What it flags and why, the examples, the fix and how to silence it, in the reader's words.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(rule.summary) && flat.contains(rule.why), "{text}");
        assert!(flat.contains(&format!("How to fix: {}", rule.remedy)), "{text}");
        for example in rule.fails.iter().chain(rule.passes) {
            assert!(flat.contains(&example.split_whitespace().collect::<Vec<_>>().join(" ")), "{example:?} not shown:\n{text}");
        }
        assert!(text.contains("How to silence:") && text.contains(&format!("{} = \"off\"", rule.code)), "{text}");
        assert_eq!(text.contains("whosaid-disable-next-line"), rule.on_a_line, "{text}");
    }
    let group = stdout(&run(&["explain", "unsourced-claim"]));
    assert!(group.contains("doubt-word") && group.contains("anonymous-source") && !group.contains("loaded-verb"), "{group}");
}

#[test]
fn explain_an_unknown_code_says_so_and_exits_2() {
    let o = run(&["explain", "loaded"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(err.contains("no rule called `loaded`") && err.contains("`loaded-verb`") && err.contains("whosaid explain"), "{err}");
    let o = run(&["explain", "a", "b"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(run(&["explain", "--help"]).status.code(), Some(0));
}

#[test]
fn explain_markdown_is_the_generated_rule_reference() {
    let o = run(&["explain", "--markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), whosaid::cli::explain::markdown());
}
