//! The text model: which bytes are prose, paragraphs, and word/punctuation tokens with byte offsets.
//!
//! Markdown code (fenced, indented, inline), front matter, HTML comments and tags, URLs and link
//! targets are not prose and produce no tokens. A leading metadata field ("date 2022-02-21") is not
//! prose either. Sentences are cut later, once quotation marks are paired (`sentences`).
//!
//! tokens.rs      Token and the tokenizer
//! marks.rs       nickname marks and plural possessive apostrophes, settled per paragraph
//! paragraphs.rs  lines and paragraphs; each paragraph tokenised (or reused) on its own
//! regions.rs     comments and directives, URLs, a leading metadata field
//! furniture.rs   web furniture lines
//! markdown.rs    Markdown code, link targets and tags; block-starting lines
//! reuse.rs       tokens carried over from the previous analysis of the document
//! lower.rs       lower-casing for look-ups; the scratch string pool

mod furniture;
mod lower;
mod markdown;
mod marks;
mod paragraphs;
mod regions;
mod reuse;
mod tokens;

pub use lower::{lower, lower_into, Scratch};
pub use marks::ELIDED;
pub use paragraphs::line_col;
pub use reuse::Reuse;
pub use tokens::{is_quote_char, TokKind, Token};

use super::lexicon::{lexicon, Lexicon};
use super::model::Span;
use super::Format;
use furniture::find_boilerplate;
use markdown::{find_inline_code, find_markdown_blocks};
use regions::{find_comments, find_metadata, find_urls, merge};
use reuse::Prior;

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    /// Token index range.
    pub tokens: std::ops::Range<usize>,
    /// A Markdown block quote (`> ...`).
    pub block_quote: bool,
    /// A Markdown heading.
    pub heading: bool,
}

/// A `<!-- whosaid-... -->` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub span: Span,
    /// `disable-next-line`, `disable-line`, `disable`, `enable`.
    pub command: String,
    /// Rule codes or group names; empty means every rule.
    pub names: Vec<String>,
}

pub struct Doc<'a> {
    pub text: &'a str,
    /// The lexicon, fetched once: token tests in hot loops read flags through it.
    pub lx: &'static Lexicon,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    pub directives: Vec<Directive>,
    /// The stretch of text each paragraph was tokenised from (parallel to `paragraphs`).
    chunks: Vec<Span>,
    /// Merged regions that are not prose.
    excluded: Vec<Span>,
    /// Indices of the quotation marks of the paragraph being tokenised.
    marks: Vec<u32>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, format: Format) -> Doc<'a> {
        Doc::reusing(text, format, None)
    }

    /// Like [`Doc::new`], copying the tokens of paragraphs an edit left alone from `reuse`.
    pub fn reusing(text: &'a str, format: Format, reuse: Option<&Reuse>) -> Doc<'a> {
        let mut excluded = Vec::new();
        let mut directives = Vec::new();
        find_comments(text, &mut excluded, &mut directives);
        find_urls(text, &mut excluded);
        find_metadata(text, &mut excluded);
        let lines = paragraphs::lines(text);
        find_boilerplate(text, &lines, &mut excluded);
        let mut md_lines = Vec::new();
        if format == Format::Markdown {
            find_markdown_blocks(text, &mut excluded, &mut md_lines);
            find_inline_code(text, &mut excluded);
        }
        excluded.sort_unstable();
        let excluded = merge(excluded);
        // News runs ~4.3 bytes per token: one allocation, not a grow-and-copy of a large vector.
        let mut doc = Doc {
            text,
            lx: lexicon(),
            tokens: Vec::with_capacity(text.len() / 4),
            // A news paragraph runs well over 128 bytes: room for all of them at once, not six
            // grow-and-copy rounds of both vectors for a 2,000-word article.
            paragraphs: Vec::with_capacity(text.len() / 128 + 1),
            directives,
            chunks: Vec::with_capacity(text.len() / 128 + 1),
            excluded: Vec::new(),
            marks: Vec::new(),
        };
        let prior = reuse.map(|r| Prior::new(r, text));
        doc.split_paragraphs(&lines, &excluded, format, &md_lines, prior.as_ref());
        doc.excluded = excluded;
        doc
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn words(text: &str, format: Format) -> Vec<&str> {
        let doc = Doc::new(text, format);
        doc.tokens.iter().map(|t| t.text(text)).collect()
    }
}
