//! Developer tool for `scripts/claims/train.py`: reads a wiki-weasel CSV (columns text,label) and
//! prints, for every row, `label TAB split TAB features…` where split is `train` or `heldout`.
//! The features are exactly those the claim model weighs at run time.
//!
//!     cargo run --release --example claim_features -- ../shared/data/wiki-weasel/train.csv

use whosaid::analysis::claims::model::{features_of, held_out};
use whosaid::cli::eval::parse_csv;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: claim_features WIKI_WEASEL.csv");
        std::process::exit(2);
    };
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("claim_features: {path}: {e}");
            std::process::exit(2);
        }
    };
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
