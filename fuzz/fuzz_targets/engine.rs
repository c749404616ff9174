//! Arbitrary bytes → text → analysis in both formats; every span a client gets must be usable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::analysis::{analyze, check_invariants, Format, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for format in [Format::PlainText, Format::Markdown] {
        let a = analyze(&text, &Options { format, ..Options::default() });
        check_invariants(&text, &a);
    }
});
