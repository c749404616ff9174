//! The command line: `check` (human and JSON output) and `eval` (scoring on annotated news).

pub mod check;
pub mod eval;
pub mod json;
pub mod output;
