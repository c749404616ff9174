//! Arbitrary bytes → text → analysis in both formats; every span a client gets must be usable.
//! Then an edit (place and size taken from the first bytes): the analysis that reuses the first
//! one's tokens must equal a fresh analysis of the edited text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::analysis::{analyze, analyze_reusing, check_invariants, Format, Options};

const INSERTS: &[&str] = &["", "\n\n", "“", "\"", " said", "`", "<!--", "\n```\n", "😀", "\r"];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (at, del, ins) = match data {
        [a, b, c, ..] => (*a as usize * text.len() / 256, (*b % 32) as usize, INSERTS[*c as usize % INSERTS.len()]),
        _ => (0, 0, "x"),
    };
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (floor(at.min(text.len())), floor((at + del).min(text.len())));
    let edited = format!("{}{}{}", &text[..a], ins, &text[b.max(a)..]);
    for format in [Format::PlainText, Format::Markdown] {
        let options = Options { format, ..Options::default() };
        let (first, reuse) = analyze_reusing(&text, &options, &|| false, None, true).unwrap();
        check_invariants(&text, &first);
        let (second, _) = analyze_reusing(&edited, &options, &|| false, reuse.as_ref(), false).unwrap();
        assert_eq!(second, analyze(&edited, &options), "reused tokens changed the analysis");
    }
});
