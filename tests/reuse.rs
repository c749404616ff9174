//! An editor re-analyses a document after every edit, reusing the tokens of the paragraphs the edit
//! left alone. Whatever the edit, the result must be exactly a fresh analysis of the new text.

use proptest::prelude::*;
use whosaid::analysis::text::Doc;
use whosaid::analysis::{analyze, analyze_reusing, Format, Options, Reuse};

const PIECES: &[&str] = &[
    "\"", "'", "“", "”", "’", "«", "»", "—", "-", "--", ",", ".", ":", " ", " ", " ", "\n", "\n\n", "\n\n", "\r\n", "\r", "said",
    "told", "according to", "she", "he", "Mr.", "Ana Ruiz", "Ruiz", "the ministry", "critics say", "is seen as", "42%", "’90s",
    "girls’s", "😀", "東京", "e\u{301}", "<!--", "-->", "<!-- whosaid-disable-next-line all -->", "```", "`", "    ", "# ", "> ",
    "- ", "---", "http://example.com/a", "[link](http://x.org)", "Police", "who", "that",
];

fn text_of(parts: &[usize]) -> String {
    parts.iter().map(|&i| PIECES[i]).collect()
}

/// Replace `del` chars at char `at` (both taken modulo the text) with `ins`.
fn edit(text: &str, at: usize, del: usize, ins: &str) -> String {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let a = bounds[at % bounds.len()];
    let b = bounds[(bounds.iter().position(|&x| x == a).unwrap() + del).min(bounds.len() - 1)];
    format!("{}{}{}", &text[..a], ins, &text[b..])
}

fn analyse_kept(text: &str, options: &Options, reuse: Option<&Reuse>) -> (whosaid::analysis::Analysis, Reuse) {
    let (analysis, reuse) = analyze_reusing(text, options, &|| false, reuse, true).expect("never stopped");
    (analysis, reuse.expect("kept on request"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn edits_reusing_tokens_equal_a_fresh_analysis(
        base in prop::collection::vec(0..PIECES.len(), 0..80),
        edits in prop::collection::vec((0..400usize, 0..12usize, prop::collection::vec(0..PIECES.len(), 0..4)), 1..4),
        markdown in any::<bool>(),
    ) {
        let options = Options { format: if markdown { Format::Markdown } else { Format::PlainText }, ..Options::default() };
        let mut text = text_of(&base);
        let (_, mut reuse) = analyse_kept(&text, &options, None);
        for (at, del, ins) in edits {
            text = edit(&text, at, del, &text_of(&ins));
            let (reused, next) = analyse_kept(&text, &options, Some(&reuse));
            prop_assert_eq!(reused, analyze(&text, &options), "text {:?}", text);
            reuse = next;
        }
    }
}

/// The tokens and paragraphs of `text`, as the engine sees them.
fn tokens_of(doc: &Doc) -> String {
    format!("{:?} {:?}", doc.tokens, doc.paragraphs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Tokens compared directly: an edit that changes a token without changing the analysis
    /// (the last byte of a paragraph, say) is caught here.
    #[test]
    fn edits_reusing_tokens_equal_fresh_tokens(
        base in prop::collection::vec(0..PIECES.len(), 0..60),
        at in 0..300usize,
        del in 0..6usize,
        ins in prop::collection::vec(0..PIECES.len(), 0..3),
        markdown in any::<bool>(),
    ) {
        let format = if markdown { Format::Markdown } else { Format::PlainText };
        let old = text_of(&base);
        let reuse = Doc::new(&old, format).into_reuse();
        let new = edit(&old, at, del, &text_of(&ins));
        prop_assert_eq!(tokens_of(&Doc::reusing(&new, format, Some(&reuse))), tokens_of(&Doc::new(&new, format)), "{:?} → {:?}", old, new);
    }
}

#[test]
fn the_last_character_of_a_paragraph_changes() {
    let old = "Ruiz said so.\n\nThe vote is at 5.\n\nKim left.";
    // A full stop overtyped with a digit, with a letter; a comma for a full stop.
    for new in ["Ruiz said so.\n\nThe vote is at 56\n\nKim left.", "Ruiz said so.\n\nThe vote is at 5p\n\nKim left.", "Ruiz said so,\n\nThe vote is at 5.\n\nKim left."] {
        let reuse = Doc::new(old, Format::PlainText).into_reuse();
        assert_eq!(tokens_of(&Doc::reusing(new, Format::PlainText, Some(&reuse))), tokens_of(&Doc::new(new, Format::PlainText)), "{new:?}");
    }
}

/// The edits a reporter makes in a long article: typing in one paragraph, deleting one, joining
/// two, opening a code fence that swallows the rest (Markdown), undoing it.
#[test]
fn typical_edits_in_a_long_article() {
    let paragraph = "“We will rebuild the pier,” Mayor Ana Ruiz said on Monday. Critics say the cost is too high.\n\n\
                     The harbour board, according to its chair, met twice. It is widely seen as a turning point.\n\n";
    let base = paragraph.repeat(40);
    let middle = base.len() / 2;
    let cut = base[middle..].find("\n\n").unwrap() + middle;
    let steps: Vec<String> = vec![
        format!("{}“{}", &base[..cut], &base[cut..]),
        format!("{} Ruiz said.{}", &base[..cut], &base[cut..]),
        format!("{}{}", &base[..cut], &base[cut + 2..]),
        format!("{}\n\n```\n{}", &base[..cut], &base[cut..]),
        base.clone(),
        format!("{}\r\n{}", &base[..10], &base[10..]),
        String::new(),
        base.clone(),
    ];
    for format in [Format::PlainText, Format::Markdown] {
        let options = Options { format, ..Options::default() };
        let (_, mut reuse) = analyse_kept(&base, &options, None);
        for (i, text) in steps.iter().enumerate() {
            let (reused, next) = analyse_kept(text, &options, Some(&reuse));
            assert_eq!(reused, analyze(text, &options), "step {i} ({format:?})");
            reuse = next;
        }
    }
}
