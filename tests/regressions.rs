//! Inputs the fuzzers found (and the seeds they start from), replayed through the same checks on
//! every `cargo test`, so a fixed crash stays fixed without cargo-fuzz. A crash input goes in
//! `fuzz/regressions/<target>/` (engine or config); the test names the file that fails.

use std::path::Path;
use whosaid::analysis::{analyze, check_invariants, Format, Options};
use whosaid::config::Config;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in [root.join("seeds").join(target), root.join("regressions").join(target)] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            if let Ok(bytes) = std::fs::read(e.path()) {
                out.push((e.path().display().to_string(), bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn engine_inputs_keep_the_invariants() {
    let all = inputs("engine");
    assert!(all.len() >= 5, "the engine seeds are missing: {}", all.len());
    for (name, bytes) in all {
        let text = String::from_utf8_lossy(&bytes);
        for format in [Format::PlainText, Format::Markdown] {
            let a = analyze(&text, &Options { format, ..Options::default() });
            let checked = std::panic::catch_unwind(|| check_invariants(&text, &a));
            assert!(checked.is_ok(), "{name} ({format:?})");
        }
    }
}

#[test]
fn config_inputs_never_panic_and_refusals_change_nothing() {
    let all = inputs("config");
    assert!(all.len() >= 3, "the config seeds are missing");
    let mut refused = 0;
    for (name, bytes) in all {
        let base = Config::default();
        let mut c = base.clone();
        if c.apply_toml(&String::from_utf8_lossy(&bytes)).is_err() {
            refused += 1;
            assert_eq!(c, base, "{name}");
        }
        if let Ok(json) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            let mut c = base.clone();
            if c.apply_json(&json).is_err() {
                assert_eq!(c, base, "{name}");
            }
        }
    }
    // The seeds include broken files on purpose.
    assert!(refused >= 2, "only {refused} seeds were refused");
}
