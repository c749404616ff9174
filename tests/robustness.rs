//! Whatever text arrives, the engine returns spans a client can use: on char boundaries, inside
//! the text, in order, with valid ids — and it never panics.

use proptest::prelude::*;
use whosaid::analysis::{analyze, check_invariants, Format, Options};

fn both_formats(text: &str) {
    for format in [Format::PlainText, Format::Markdown] {
        let a = analyze(text, &Options { format, ..Options::default() });
        check_invariants(text, &a);
    }
}

const PIECES: &[&str] = &[
    "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』", "''", "—", "–", "-", ",", ".", ":", ";",
    "?", "!", "(", ")", " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{0}", "said", "told", "according to", "she", "he",
    "Mr.", "U.S.", "Ana Ruiz", "the ministry", "critics say", "is seen as", "42%", "$3", "2024", "’90s", "girls’", "😀", "👩‍👩‍👧",
    "東京", "é", "e\u{301}", "<!--", "-->", "<!-- whosaid-disable-next-line all -->", "```", "`", "# ", "> ", "- ", "---",
    "http://example.com/a\"b", "A", "a", "Police", "who", "that", "by",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn random_news_like_text(parts in prop::collection::vec(0..PIECES.len(), 0..120)) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join("");
        both_formats(&text);
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,300}") {
        both_formats(&text);
    }
}

#[test]
fn adversarial_inputs() {
    let quote_marks: String = "\"“”‘’'«»„‚‹›「」『』".chars().cycle().take(100_000).collect();
    both_formats(&quote_marks);
    both_formats(&"\"".repeat(100_000));
    both_formats(&"“".repeat(100_000));
    both_formats(&"(".repeat(100_000));
    both_formats(&"\u{0}said\u{0}“".repeat(10_000));
    // One long line just under the default size limit.
    let line = "Critics say “the ministry said 40% ".repeat(4_000_000 / 36);
    both_formats(&line);
    // 50,000 capitalised words in one paragraph.
    let caps: String = (0..50_000).map(|i| if i % 7 == 0 { "Said " } else { "Harbour " }).collect();
    both_formats(&caps);
    both_formats("");
    both_formats("\n\n\n");
    both_formats("“");
}
