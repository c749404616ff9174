//! The command line: `check` and `eval`.

pub mod check;
pub mod eval;
