//! The command line: `check` (human and JSON output), `explain` (the rules) and `eval` (scoring on
//! annotated news).

pub mod check;
pub mod eval;
pub mod explain;
pub mod gold;
pub mod json;
pub mod output;

/// Write to standard output, ignoring a closed pipe (`whosaid check … | head` must not panic).
pub fn out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
