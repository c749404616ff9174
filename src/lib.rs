//! # whosaid — who is speaking in this article?
//!
//! A language server and command line for people who write and edit news. It reads an article and
//! says who speaks, which words are quoted from whom, and which claims stand with no source.
//!
//! ## Map of the code
//!
//! ```text
//! src/analysis/     the engine: text in, one Analysis out. Pure, no I/O, no LSP types.
//!   model.rs        the output value: Span, Speaker, Quote, Claim, Finding, Analysis
//!   rules.rs        rule codes, default severities, per-rule settings
//! src/config.rs     .whosaid.toml and editor settings → analysis::Options (shared by CLI and server)
//! src/lsp/          the language server over stdio (tower-lsp-server): documents in ropey ropes,
//!                   position conversion (one module), one file per LSP feature. No linguistics.
//! src/cli/          `whosaid check` (human and JSON output) and `whosaid eval` (scoring on
//!                   annotated news)
//! src/main.rs       argument parsing: `lsp` (default), `check`, `eval`
//! ```
//!
//! The server and the command line are thin: everything a user sees comes from
//! [`analysis::analyze`].

pub mod analysis;
pub mod cli;
pub mod config;
pub mod lsp;
