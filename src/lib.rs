//! # whosaid — who is speaking in this article?
//!
//! A language server and command line for people who write and edit news. It reads an article and
//! says who speaks, which words are quoted from whom, and which claims stand with no source.
//!
//! ## Map of the code
//!
//! ```text
//! src/analysis/          the engine: text in, one Analysis out. Pure, no I/O, no LSP types.
//!   mod.rs               analyze() (and analyze_unless(), which an editor can stop), Options, Format, user-added reporting verbs;
//!                        analyze_text's steps (speakers_in_order, quotes_in_order)
//!   model.rs             the output value: Span, Speaker, Mention, Quote, Cue, Claim, Finding
//!   inline.rs            small output values held inline (Parts, Few, Words), printed as the Vec and String they replace
//!   text/                the text model: prose, paragraphs, tokens (re-exported from mod.rs: Doc, Token...)
//!     tokens.rs          Token, TokKind; tokenize: one pass over the bytes, ASCII fast paths
//!     marks.rs           marks settled before pairing: nickname marks, plural possessives (Wales’ team)
//!     paragraphs.rs      lines and paragraphs (blank lines, Markdown blocks), each tokenised on its own
//!     regions.rs furniture.rs markdown.rs
//!                        what is not prose: comments and directives, URLs, a metadata field; web
//!                        furniture lines; Markdown code, link targets and tags
//!     reuse.rs lower.rs  tokens kept across edits; lower-casing and the scratch string pool
//!   quotes.rs            quotation marks paired into quotations: read_mark → single_mark_role/is_apostrophe
//!                        → settle_role → Pairing (open, close, paragraph ends); unbalanced marks
//!   sentences.rs         sentences that never end inside a quotation or after "Mr."
//!   cues.rs              reporting verbs with auxiliaries and particles, "according to": cue_at's
//!                        steps (noun_use, verb_end, auxiliaries, participles, a participle used as an adjective, passive "by",
//!                        base forms)
//!   speakers.rs          source noun phrases: np_left / np_right (walk, edge, head end,
//!                        anonymous post-modifiers), build's steps (titles, name, role, kind,
//!                        anonymity, weasels)
//!   entities.rs          entities and coreference: link (pronoun, role, name or description
//!                        keys), names mentioned again, the writer's own voice
//!   attribution/         direct and reported speech tied to sources, sentence by sentence
//!     mod.rs             attribute(): the steps per sentence, Ctx (sentence at hand), Ledger (decisions)
//!     transcript.rs      `NAME:` paragraphs quote that person (find_turns, attribute_turn)
//!     source.rs          resolve_cue: a cue's source (according to, by, participle, left subject
//!                        past inserts/asides/"who"/poll percentages, coordinated, inverted)
//!     link.rs            link_mentions: sources, then other named people, to entities in text order
//!     direct.rs          attribute_closing: a quotation to the cue after it, before it, a dash and
//!                        a name; the second half of a split quotation
//!     reported.rs        attribute_reported: where reported content opens (listener, "called",
//!                        topic, "to", "that") and ends (clause end, a later cue, the comma after
//!                        a fronted "While X said A,", ", but" and a named actor's own clause; or backward)
//!     clause.rs          reads_as_clause: does reported content hold a finite verb of its own
//!                        (a clause is speech, a noun-phrase object is not)
//!     nested.rs          nest: which attribution encloses which
//!     carry.rs           colon introductions (a cue, or a person opening the clause: "He was blunt:");
//!                        carry_to_uncued: a neighbour's speaker for the rest; quoted fragments
//!                        nobody attributed are no quotes (scare quotes, terms: `fragments`)
//!     draft.rs scan.rs   draft builders (direct or partial); token walks shared by the steps
//!   claims/              claims with no source (docs/claims.md): mod.rs (the scan), passives.rs
//!                        (views by nobody named; definitions, rules and names are none),
//!                        figures.rs (argument vs record, sourced nearby or by the story's poll), holders.rs (named
//!                        research, a named member: "including the World Bank", everyday "people"),
//!                        context.rs (a neighbouring sentence that names the source; an intro
//!                        whose next paragraph names it), nominal.rs (a view named by a noun with no holder:
//!                        "amid concerns that", "drew criticism", "came under scrutiny", "concerns were
//!                        raised"), senses.rs (doubt, hedge and weasel words in another sense: "appeared to
//!                        Anna", "appeared in court", "I seem to", "may have a café", "the story goes
//!                        back to", "in a growing number of cities"), weasels.rs (weasel findings an
//!                        editor dismisses: "Senate sources", "the many reasons", overlaps, a weasel
//!                        inside a named speaker's words, a settled reputation, a label),
//!                        model.rs + model.tsv
//!                        (the claim model: logistic regression, weights compiled in)
//!   sources.rs           the source profile derived from the analysis: kinds, quotes, quoted words,
//!                        mentions, gender only as the text or .whosaid.toml states it
//!   findings.rs          the rules applied, one step per rule family into a Sink (severities);
//!                        suppression comments
//!   rules.rs             rule codes, groups, default severities, explanations and examples
//!   suppress.rs          the edit that suppresses one finding
//!   lexicon.rs           word lists (lexicon/*.tsv) as static hash tables made by build.rs, looked up per token
//!   lexicon/             the word lists; entry.rs, keys.rs, closed_classes.rs are shared with build.rs
//! src/config/            .whosaid.toml and editor settings → Options (shared by CLI and server)
//!   edit.rs              the one file whosaid writes: .whosaid.toml, kept byte-for-byte, atomic
//! src/lsp/               the language server (tower-lsp-server, tokio). No linguistics.
//!   mod.rs               capabilities, lifecycle, request handlers
//!   documents.rs         ropes per document, ordered edits, analysis off the request path
//!   memory.rs            the allocator over a long session (arenas, freed memory handed back)
//!   position.rs          the one place byte offsets meet LSP positions (UTF-8 / UTF-16)
//!   transport.rs         stdio framing that survives malformed input; fast diagnostics writer
//!   diagnostics.rs hover.rs inlay.rs navigation.rs actions.rs commands.rs settings.rs
//!                        one file per LSP feature
//!   sources.rs           the `whosaid/sources` request and the sources code lens, worded from
//!                        the analysis's source profile
//! src/cli/               `whosaid check` (output.rs human, json.rs JSON), `whosaid explain`
//!                        (explain.rs, also docs/rules.md) and `whosaid eval` (eval.rs PolNeAR-style
//!                        gold; gold.rs our own gold, offsets joined with texts, per quoted stretch)
//!   args.rs              command-line words (options, values, operands) for every subcommand;
//!                        settle(): --help, usage errors and missing operands, said the same way
//!   configs.rs           which .whosaid.toml applies to each article (check and report)
//!   report/              `whosaid report`: inputs.rs (files, folders, JSON lines), mod.rs (options,
//!                        all cores, progress bar), tally.rs (sums, table, JSON, CSV), html.rs (page)
//! src/main.rs            argument parsing: `lsp` (default), `check`, `report`, `explain`, `eval`
//! tests/                 engine tables, robustness properties, CLI, LSP over stdio, a working day
//!                        (lsp_workday.rs), documentation (docs.rs), e2e editors
//! docs/                  rules.md (generated: `whosaid explain --markdown`), editors.md, quotes.md
//!                        (what counts as a quote), annotation.md (guidelines for the gold sets)
//! benches/               engine speed (analysis.rs), keystroke-to-diagnostics (lsp_latency.rs),
//!                        process start-up for `check` and the server (startup.rs)
//! build.rs               compiles the lexicon into static tables: a process parses no word list
//! editors/               VS Code extension and Neovim plugin
//! examples/              developer tools: `dump` (the engine's view of a file), `speed` (timing),
//!                        `snapshot` (every Analysis in full, to prove a refactor changes nothing),
//!                        `claim_features` (the claim model's features, for scripts/claims/train.py;
//!                        per sentence of PolNeAR articles with `--polnear`)
//! scripts/               snapshot-corpus.py, fn-lengths.py; gold/ (draw, show, anchor, agreement);
//!                        claims/ (train.py: the claim model; bbc.py: warning rates, precision samples;
//!                        nosource.py: PolNeAR's no-source items and whether a claim flags them;
//!                        contracted_pool.py: the "it's thought" passives, for judging by hand);
//!                        sources/ (the hand check of stated gender); report/ (the page checked in CI)
//! fuzz/                  cargo-fuzz targets for the engine, the document model and the config
//! ```
//!
//! The server and the command line are thin: everything a user sees comes from
//! [`analysis::analyze`].
//!
//! One quotation, from the text to its inlay hint: `text::Doc` tokens → `quotes::pair` makes it a
//! `Quotation` → `sentences::split` → `cues::find_into` finds "said" → `attribution::source::
//! resolve_cue` picks "Hartley" → `attribution::link::link_mentions` makes her an entity →
//! `attribution::direct::attribute_closing` drafts the quotation (or `carry::carry_to_uncued`
//! lends a neighbour's speaker) → `analysis::analyze` numbers it into a `Quote` with a `Speaker`
//! → `lsp::inlay::hints` shows "Hartley" beside it.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod lsp;
