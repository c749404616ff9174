//! Tokens carried over from the previous analysis of the same document: the paragraphs an edit
//! left alone are copied, shifted, rather than tokenised again.

use super::tokens::Token;
use super::Doc;
use crate::analysis::model::Span;

/// What one analysis leaves for the next analysis of the same document: the text and its tokens,
/// paragraph by paragraph. An edit then re-tokenises only the paragraphs it touched; the others
/// are copied (shifted, after the edit). The result is the same as tokenising afresh.
pub struct Reuse {
    text: String,
    tokens: Vec<Token>,
    chunks: Vec<(Span, std::ops::Range<usize>)>,
    excluded: Vec<Span>,
}

/// How the new text lines up with the text a [`Reuse`] was made from.
pub(super) struct Prior<'r> {
    reuse: &'r Reuse,
    /// Bytes equal at the start of both texts.
    prefix: usize,
    /// Where the equal tail begins in the new text.
    suffix_from: usize,
    /// New length minus old length.
    delta: isize,
}

impl<'r> Prior<'r> {
    pub(super) fn new(reuse: &'r Reuse, text: &str) -> Prior<'r> {
        let (a, b) = (reuse.text.as_bytes(), text.as_bytes());
        let prefix = common_prefix(a, b);
        let most = a.len().min(b.len()) - prefix;
        let suffix = common_suffix(&a[a.len() - most..], &b[b.len() - most..]);
        Prior { reuse, prefix, suffix_from: b.len() - suffix, delta: b.len() as isize - a.len() as isize }
    }

    /// The old tokens of the stretch `span` of the new text, if that stretch is unchanged and
    /// its non-prose regions are too; with the shift to apply to their offsets.
    pub(super) fn tokens(&self, span: Span, excluded: &[Span]) -> Option<(&'r [Token], isize)> {
        let shift = if span.end <= self.prefix {
            0
        } else if span.start >= self.suffix_from {
            self.delta
        } else {
            return None;
        };
        let old = Span::new((span.start as isize - shift) as usize, (span.end as isize - shift) as usize);
        let chunks = &self.reuse.chunks;
        let i = chunks.partition_point(|(s, _)| s.start < old.start);
        let (s, range) = chunks.get(i)?;
        if *s != old {
            return None;
        }
        if !clipped(&self.reuse.excluded, old, shift).eq(clipped(excluded, span, 0)) {
            return None;
        }
        Some((&self.reuse.tokens[range.clone()], shift))
    }
}

/// The non-prose regions that reach into `within`, cut to it and shifted.
fn clipped(ex: &[Span], within: Span, shift: isize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let a = ex.partition_point(|e| e.end <= within.start);
    let b = ex.partition_point(|e| e.start < within.end).max(a);
    ex[a..b].iter().map(move |e| ((e.start.max(within.start) as isize + shift) as usize, (e.end.min(within.end) as isize + shift) as usize))
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    // Block by block (memcmp), then byte by byte inside the first block that differs.
    while i + 64 <= n && a[i..i + 64] == b[i..i + 64] {
        i += 64;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut k = 0;
    while k + 64 <= n && a[n - k - 64..n - k] == b[n - k - 64..n - k] {
        k += 64;
    }
    while k < n && a[n - k - 1] == b[n - k - 1] {
        k += 1;
    }
    k
}

impl Doc<'_> {
    /// Hand the tokens on to the next analysis of this document (the text is copied).
    pub fn into_reuse(self) -> Reuse {
        let chunks = self.chunks.into_iter().zip(self.paragraphs).map(|(c, p)| (c, p.tokens)).collect();
        Reuse { text: self.text.to_string(), tokens: self.tokens, chunks, excluded: self.excluded }
    }
}
