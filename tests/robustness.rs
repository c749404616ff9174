//! Whatever text arrives, the engine returns spans a client can use: on char boundaries, inside
//! the text, in order, with valid ids — and it never panics.

use proptest::prelude::*;
use whosaid::analysis::{analyze, Analysis, Format, Options, Span};

fn check(text: &str, a: &Analysis) {
    let ok = |s: Span, what: &str| {
        assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} outside text of {} bytes", text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what} {s:?} not on char boundaries");
    };
    for w in a.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "quotes out of order");
    }
    for (i, q) in a.quotes.iter().enumerate() {
        assert_eq!(q.id, i);
        ok(q.span, "quote");
        for p in &q.parts {
            ok(*p, "quote part");
            assert!(p.start >= q.span.start && p.end <= q.span.end, "part outside its quote");
        }
        if let Some(s) = q.speaker {
            assert!(s < a.speakers.len(), "speaker id {s} does not exist");
        }
        if let Some(m) = q.speaker_mention {
            ok(m, "mention");
        }
        if let Some(c) = &q.cue {
            ok(c.span, "cue");
        }
        if let Some(o) = q.outer {
            assert!(o < a.quotes.len());
        }
    }
    for (i, s) in a.speakers.iter().enumerate() {
        assert_eq!(s.id, i);
        for m in &s.mentions {
            ok(m.span, "speaker mention");
        }
        assert!(s.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    }
    for w in a.claims.windows(2) {
        assert!(w[0].trigger.start <= w[1].trigger.start, "claims out of order");
    }
    for c in &a.claims {
        ok(c.span, "claim");
        ok(c.trigger, "claim trigger");
    }
    for w in a.findings.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "findings out of order");
    }
    for f in &a.findings {
        ok(f.span, "finding");
        for r in &f.related {
            ok(r.span, "related");
        }
        for fix in &f.fixes {
            for (s, _) in &fix.edits {
                ok(*s, "fix");
            }
        }
    }
    for s in a.paragraphs.iter().chain(&a.sentences) {
        ok(*s, "paragraph/sentence");
    }
}

fn both_formats(text: &str) {
    for format in [Format::PlainText, Format::Markdown] {
        let a = analyze(text, &Options { format, ..Options::default() });
        check(text, &a);
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
