//! Print everything the engine returns for many files, for refactors that must not change output:
//! `cargo run --release --example snapshot -- LIST > out.txt`, where LIST names one file per line.
//! Two runs compared with `cmp` (or `diff`) show every difference, offsets included.
use std::io::Write;
use whosaid::analysis::{analyze, Format, Options};

fn main() {
    let list = std::env::args().nth(1).expect("usage: snapshot LIST");
    let paths = std::fs::read_to_string(&list).expect("read the list");
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for path in paths.lines().filter(|l| !l.is_empty()) {
        let Ok(text) = std::fs::read_to_string(path) else {
            writeln!(out, "=== {path}\n(unreadable)").unwrap();
            continue;
        };
        let options = Options { format: Format::guess(path), ..Options::default() };
        let a = analyze(&text, &options);
        writeln!(out, "=== {path}\n{a:?}").unwrap();
    }
}
