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

#[cfg(test)]
mod tests {
    use super::super::draft::uncued_draft;
    use super::super::testing::fixture;
    use super::*;
    use crate::analysis::model::Span;

    fn draft(kind: QuoteKind, span: (usize, usize), mention: usize) -> Draft {
        let mut d = uncued_draft(kind, crate::analysis::Parts::one(Span::new(span.0, span.1)), 0, 0);
        d.mention = Some(Span::new(mention, mention + 3));
        d
    }

    #[test]
    fn the_smallest_enclosing_draft_of_the_sentence_is_outer() {
        use QuoteKind::*;
        // (drafts as (kind, span, mention start), first draft of the sentence, expected outers)
        let cases: &[(&[(QuoteKind, (usize, usize), usize)], usize, &[Option<usize>])] = &[
            (&[(Indirect, (10, 90), 0), (Indirect, (40, 80), 30)], 0, &[None, Some(0)]),
            // The smaller of two enclosing drafts.
            (&[(Indirect, (10, 90), 0), (Indirect, (20, 85), 12), (Indirect, (40, 80), 30)], 0, &[None, Some(0), Some(1)]),
            // A partial quotation encloses nothing.
            (&[(Partial, (10, 90), 0), (Indirect, (40, 80), 30)], 0, &[None, None]),
            // An earlier sentence's draft is not looked at.
            (&[(Indirect, (10, 90), 0), (Indirect, (40, 80), 30)], 1, &[None, None]),
            // The same span does not enclose itself.
            (&[(Indirect, (40, 80), 0), (Indirect, (40, 80), 30)], 0, &[None, None]),
        ];
        for &(spec, first, want) in cases {
            let mut drafts: Vec<Draft> = spec.iter().map(|&(k, s, m)| draft(k, s, m)).collect();
            nest(&mut drafts, first);
            let got: Vec<Option<usize>> = drafts.iter().map(|d| d.outer).collect();
            assert_eq!(got, want, "{spec:?}");
        }
    }

    #[test]
    fn a_report_inside_a_report_is_nested() {
        let text = "The mayor said the minister told her that the pier would reopen.";
        let f = fixture(text);
        let a = f.attribute();
        let by_mention = |m: &str| a.drafts.iter().position(|d| d.mention.is_some_and(|x| x.text(text) == m)).unwrap();
        let mayor = by_mention("The mayor");
        let minister = by_mention("the minister");
        assert_eq!(a.drafts[minister].outer, Some(mayor));
        assert_eq!(a.drafts[mayor].outer, None);
    }
}
