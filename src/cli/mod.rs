//! The command line: `check` (human and JSON output), `report` (who an archive quotes), `explain`
//! (the rules) and `eval` (scoring on annotated news).

pub mod args;
pub mod check;
pub mod configs;
pub mod eval;
pub mod explain;
pub mod gold;
pub mod json;
pub mod output;
pub mod report;

/// Write to standard output, ignoring a closed pipe (`whosaid check … | head` must not panic).
pub fn out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
