//! `whosaid` — `lsp` (the default, also with `--stdio`), `check FILE...`, `explain [CODE]`,
//! `eval GOLD.jsonl`.

use std::process::ExitCode;

const USAGE: &str = "\
whosaid — who is speaking in this article?

USAGE:
    whosaid [lsp] [--stdio]          run the language server over stdio (what editors start)
    whosaid check [OPTIONS] FILE...  check articles (.txt, .md; `-` reads standard input)
    whosaid explain [CODE]           what a rule flags, why, and how to fix or silence it
                                     (no CODE: the list of rules)
    whosaid eval [OPTIONS] GOLD.jsonl
                                     score the engine on annotated news (PolNeAR-style JSON lines)
    whosaid --help | --version

Run `whosaid check --help` or `whosaid eval --help` for their options.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        None | Some("lsp") | Some("--stdio") => whosaid::lsp::run(),
        Some("check") => whosaid::cli::check::run(&args[1..]),
        Some("explain") => whosaid::cli::explain::run(&args[1..]),
        Some("eval") => whosaid::cli::eval::run(&args[1..]),
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            0
        }
        Some("-V") | Some("--version") => {
            println!("whosaid {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some(other) => {
            eprintln!("whosaid: unknown command `{other}`\n\n{USAGE}");
            2
        }
    };
    ExitCode::from(code)
}
