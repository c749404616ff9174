//! `whosaid report` as a newsroom runs it: over folders, files and JSON lines, grouped, as a table,
//! JSON, CSV and a page; bad input named and skipped; the same figures on one thread or many.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const ARCHIVE: &str = "tests/fixtures/report";
const LINES: &str = "tests/fixtures/report/articles.jsonl";

fn whosaid(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    c.arg("report").args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    c.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() }).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("start whosaid");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().expect("whosaid runs")
}

fn json(args: &[&str], stdin: Option<&[u8]>) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = whosaid(&all, stdin);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn group<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["groups"].as_array().unwrap().iter().find(|g| g["group"] == name).unwrap_or_else(|| panic!("no group {name} in {v}"))
}

#[test]
fn a_folder_is_read_recursively_and_grouped_by_folder() {
    let v = json(&[ARCHIVE], None);
    assert_eq!(v["articles"], 3, "two .txt and one .md; the .jsonl and .whosaid.toml are not articles");
    assert_eq!(v["group_by"], "folder");
    assert_eq!(group(&v, "city")["articles"], 2);
    assert_eq!(group(&v, "sport")["articles"], 1);
    let t = &v["total"];
    // The archive's .whosaid.toml gives Rowan Vale's gender; Ms Ruiz and Mr Okafor state theirs.
    assert_eq!(t["people"], serde_json::json!({"woman": 1, "man": 1, "non-binary": 1, "not-stated": 2}));
    assert_eq!(t["kinds"]["anonymous"], 1);
    assert_eq!(t["quotes"]["unattributed"], 1);
    let people: Vec<&str> = v["top_people"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(people[0], "Ana Ruiz");
    assert_eq!(v["top_people"][0]["gender"], "woman");
    // Group figures add up to the whole.
    for key in ["articles", "sources", "quoted_words"] {
        assert_eq!(group(&v, "city")[key].as_u64().unwrap() + group(&v, "sport")[key].as_u64().unwrap(), t[key].as_u64().unwrap(), "{key}");
    }
}

#[test]
fn json_lines_on_standard_input_grouped_by_a_field() {
    let input = std::fs::read(format!("{}/{LINES}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let v = json(&["--group-by", "category", "-"], Some(&input));
    assert_eq!(v["articles"], 3);
    assert_eq!(v["group_by"], "category");
    assert_eq!(group(&v, "city")["articles"], 2);
    assert_eq!(group(&v, "sport")["people"]["man"], 1, "Mr Okafor");
    // The same lines from a .jsonl file, and with no grouping.
    let file = json(&["--group-by", "category", LINES], None);
    assert_eq!(file, v);
    let whole = json(&["-"], Some(&input));
    assert_eq!(whole["groups"], serde_json::json!([]));
    assert_eq!(whole["total"], v["total"]);
}

#[test]
fn bad_lines_and_files_are_named_and_the_rest_reported() {
    let input = b"{\"id\": \"a\", \"text\": \"Ana Ruiz said the pier would reopen.\"}\n\
not json at all\n\
{\"id\": \"b\"}\n\
\n\
{\"id\": \"c\", \"text\": \"Ms Hartley said the cup was lost.\"}\n\
\xff\xfe{\"id\": \"d\"}\n";
    let out = whosaid(&["--format", "json", "-"], Some(input));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin> line 2: is not valid JSON"), "{err}");
    assert!(err.contains("<stdin> line 3: has no \"text\" string"), "{err}");
    assert!(err.contains("<stdin> line 6: is not UTF-8 text"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["articles"].as_u64(), v["unreadable"].as_u64()), (Some(2), Some(3)));

    let out = whosaid(&["--format", "json", "no/such/folder", ARCHIVE], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/folder: no such file or folder"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 3);
}

#[test]
fn csv_for_a_spreadsheet() {
    let out = whosaid(&["--format", "csv", ARCHIVE], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].starts_with("group,articles,"));
    assert!(rows[1].starts_with("all,3,"));
    assert!(rows[2].starts_with("city,2,") && rows[3].starts_with("sport,1,"), "{text}");
    let header: Vec<&str> = rows[0].split(',').collect();
    let all: Vec<&str> = rows[1].split(',').collect();
    assert_eq!(header.len(), all.len());
    let col = |name: &str| all[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!((col("women"), col("men"), col("non_binary"), col("gender_not_stated")), ("1", "1", "1", "2"));

    let out = whosaid(&["--format", "csv", "--rows", "sources", ARCHIVE], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("article,group,name,role,kind,gender,"));
    assert!(text.lines().any(|l| l.contains(",Rowan Vale,") && l.contains(",person,non-binary,")), "{text}");
    assert!(text.lines().any(|l| l.contains(",A source,") && l.contains(",anonymous,,")), "{text}");
}

#[test]
fn many_threads_give_what_one_gives() {
    let input = std::fs::read(format!("{}/{LINES}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    // Many copies of the articles, so that threads really share the work.
    let many: Vec<u8> = input.iter().copied().cycle().take(input.len() * 40).collect();
    for args in [vec!["--group-by", "category", "-"], vec![ARCHIVE]] {
        for format in ["json", "csv", "table"] {
            let run = |jobs: &str| {
                let mut a = vec!["--format", format, "--jobs", jobs];
                a.extend(args.iter().copied());
                let stdin = args.contains(&"-").then_some(many.as_slice());
                whosaid(&a, stdin).stdout
            };
            let one = run("1");
            assert!(!one.is_empty());
            assert_eq!(run("4"), one, "{format} {args:?}");
            assert_eq!(run("7"), one, "{format} {args:?}");
        }
    }
}

#[test]
fn the_page_is_self_contained_and_carries_the_figures() {
    let dir = std::env::temp_dir().join(format!("whosaid-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    let out = whosaid(&["--format", "json", "--html", page.to_str().unwrap(), ARCHIVE], None);
    assert_eq!(out.status.code(), Some(0));
    let html = std::fs::read_to_string(&page).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    for outside in ["http://", "https://", "<script", "<link", "@import", "url("] {
        assert!(!html.contains(outside), "the page must not load {outside}");
    }
    assert!(html.contains("data-chart=\"kinds\"") && html.contains("data-chart=\"gender-by-group\""));
    assert!(html.contains("<g class=\"bar\" data-label=\"people\" data-value=\"5\">"), "five people quoted");
    assert!(html.contains("data-group=\"all articles\" data-key=\"articles\">3<"));
    // On stdout, the JSON as asked; the page's table holds its figures, every kind and gender included.
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 3);
    for (key, value) in v["total"]["kinds"].as_object().unwrap().iter().chain(v["total"]["people"].as_object().unwrap()) {
        let cell = format!("data-group=\"all articles\" data-key=\"{key}\">{value}<");
        assert!(html.contains(&cell), "the page's table has no {cell}");
    }
}

#[test]
fn table_and_help_and_mistakes() {
    let out = whosaid(&[ARCHIVE], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("whosaid report: 3 articles, 2 groups by folder"), "{text}");
    assert!(text.contains("Most-quoted people\n   1. Ana Ruiz"), "{text}");
    // Not a terminal: no progress bar.
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let help = whosaid(&["--help"], None);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--group-by FIELD"));
    for bad in [vec![], vec!["--format", "xml", ARCHIVE], vec!["--jobs", "0", ARCHIVE], vec!["-", "-"]] {
        let out = whosaid(&bad, Some(b""));
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("whosaid report --help"), "{bad:?}");
    }
}
