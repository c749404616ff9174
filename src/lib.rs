//! # whosaid — who is speaking in this article?
//!
//! A language server and command line for people who write and edit news. It reads an article and
//! says who speaks, which words are quoted from whom, and which claims stand with no source.
//!
//! ## Map of the code
//!
//! ```text
//! src/analysis/          the engine: text in, one Analysis out. Pure, no I/O, no LSP types.
//!   mod.rs               analyze() (and analyze_unless(), which an editor can stop), Options, Format, user-added reporting verbs
//!   model.rs             the output value: Span, Speaker, Mention, Quote, Cue, Claim, Finding
//!   text.rs              prose regions (Markdown code, comments, URLs left out), paragraphs, tokens
//!   quotes.rs            quotation marks paired into quotations; apostrophes; unbalanced marks
//!   sentences.rs         sentences that never end inside a quotation or after "Mr."
//!   cues.rs              reporting verbs with auxiliaries and particles, "according to"
//!   speakers.rs          source noun phrases; entities and coreference (surname, pronoun, role)
//!   attribution.rs       direct and reported speech tied to sources, sentence by sentence
//!   claims.rs            claims with no source (passives, weasels, anonymous, doubt, figures)
//!   findings.rs          the rules applied, severities, suppression comments
//!   rules.rs             rule codes, groups, default severities, remedies
//!   suppress.rs          the edit that suppresses one finding
//!   lexicon.rs           word lists (lexicon/*.tsv) as static hash tables made by build.rs, looked up per token
//!   lexicon/             the word lists; entry.rs, keys.rs, closed_classes.rs are shared with build.rs
//! src/config/            .whosaid.toml and editor settings → Options (shared by CLI and server)
//!   edit.rs              the one file whosaid writes: .whosaid.toml, kept byte-for-byte, atomic
//! src/lsp/               the language server (tower-lsp-server, tokio). No linguistics.
//!   mod.rs               capabilities, lifecycle, request handlers
//!   documents.rs         ropes per document, ordered edits, analysis off the request path
//!   position.rs          the one place byte offsets meet LSP positions (UTF-8 / UTF-16)
//!   transport.rs         stdio framing that survives malformed input; fast diagnostics writer
//!   diagnostics.rs hover.rs inlay.rs navigation.rs actions.rs commands.rs settings.rs
//!                        one file per LSP feature
//! src/cli/               `whosaid check` (output.rs human, json.rs JSON) and `whosaid eval`
//! src/main.rs            argument parsing: `lsp` (default), `check`, `eval`
//! tests/                 engine tables, robustness properties, CLI, LSP over stdio, e2e editors
//! benches/               engine speed (analysis.rs), keystroke-to-diagnostics (lsp_latency.rs),
//!                        process start-up for `check` and the server (startup.rs)
//! build.rs               compiles the lexicon into static tables: a process parses no word list
//! editors/               VS Code extension and Neovim plugin
//! examples/              developer tools: `dump` (the engine's view of a file), `speed` (timing)
//! fuzz/                  cargo-fuzz targets for the engine, the document model and the config
//! ```
//!
//! The server and the command line are thin: everything a user sees comes from
//! [`analysis::analyze`].

pub mod analysis;
pub mod cli;
pub mod config;
pub mod lsp;
