//! Developer tool for `scripts/claims/train.py`: reads a wiki-weasel CSV (columns text,label) and
//! prints, for every row, `label TAB split TAB features…` where split is `train` or `heldout`.
//! The features are exactly those the claim model weighs at run time.
//!
//!     cargo run --release --example claim_features -- ../shared/data/wiki-weasel/train.csv
//!
//! With `--polnear FILE.jsonl` it reads PolNeAR articles instead and prints one line per sentence:
//! `article TAB start TAB end TAB features…`, the span in code points as PolNeAR counts them, so
//! that the script can label each sentence by the no-source items it holds.

use whosaid::analysis::claims::model::{features_of, held_out, sentence_features};
use whosaid::cli::eval::parse_csv;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("claim_features: {path}: {e}");
        std::process::exit(2);
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, path] if flag == "--polnear" => polnear(path),
        [path] => wiki(path),
        _ => {
            eprintln!("usage: claim_features WIKI_WEASEL.csv | claim_features --polnear POLNEAR.jsonl");
            std::process::exit(2);
        }
    }
}

fn polnear(path: &str) {
    let mut out = String::new();
    for (i, line) in read(path).lines().enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("claim_features: {path}: line {} is not JSON", i + 1);
            std::process::exit(2);
        };
        let text = v.get("text").and_then(|t| t.as_str()).unwrap_or("");
        // Byte offset -> code point offset.
        let mut chars = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, c) in text.char_indices() {
            for x in b..b + c.len_utf8() {
                chars[x] = n;
            }
            n += 1;
        }
        chars[text.len()] = n;
        for (span, feats) in sentence_features(text) {
            out.push_str(&format!("{i}\t{}\t{}\t{}\n", chars[span.start], chars[span.end], feats.join(" ")));
        }
    }
    print!("{out}");
}

fn wiki(path: &str) {
    let data = read(path);
    let rows = parse_csv(&data);
    let Some(header) = rows.first() else { return };
    let col = |n: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(n));
    let (Some(ti), Some(li)) = (col("text"), col("label")) else {
        eprintln!("claim_features: {path}: expected columns text and label");
        std::process::exit(2);
    };
    let mut out = String::new();
    for r in rows.iter().skip(1) {
        let (Some(text), Some(label)) = (r.get(ti), r.get(li)) else { continue };
        let text = text.trim();
        let split = if held_out(text) { "heldout" } else { "train" };
        out.push_str(label.trim());
        out.push('\t');
        out.push_str(split);
        out.push('\t');
        out.push_str(&features_of(text).join(" "));
        out.push('\n');
    }
    print!("{out}");
}
