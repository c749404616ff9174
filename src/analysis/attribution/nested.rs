//! Nested reporting: "The mayor said the minister told her that the pier would reopen" — the
//! minister's attribution lies inside the mayor's, so it is the mayor's report, not the writer's.

use super::Draft;
use crate::analysis::model::QuoteKind;

/// Set `outer` for the drafts from index `first` on (one sentence's): the smallest other draft of
/// the sentence whose span holds this one's and the mention (or start) of its source. Quoted
/// fragments already know theirs, and a partial quotation encloses nothing.
pub(super) fn nest(drafts: &mut [Draft], first: usize) {
    for i in first..drafts.len() {
        if drafts[i].outer.is_some() {
            continue;
        }
        drafts[i].outer = enclosing(drafts, first, i);
    }
}

/// The draft of `first..` that encloses draft `i`, smallest first.
fn enclosing(drafts: &[Draft], first: usize, i: usize) -> Option<usize> {
    let mention = drafts[i].mention;
    let span = drafts[i].span;
    (first..drafts.len())
        .filter(|&j| j != i && drafts[j].kind != QuoteKind::Partial)
        .filter(|&j| drafts[j].span.start <= span.start && drafts[j].span.end >= span.end && drafts[j].span != span)
        .filter(|&j| mention.is_some_and(|m| drafts[j].span.contains(m.start)) || drafts[j].span.contains(span.start))
        .min_by_key(|&j| drafts[j].span.len())
}
