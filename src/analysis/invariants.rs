//! What every analysis promises a client, whatever the text: spans on char boundaries, inside the
//! text, in order, with valid ids. Shared by the property tests and the fuzz targets.

use super::{Analysis, Span};

/// Panics (with what broke) if `a` breaks a promise about `text`.
#[doc(hidden)]
pub fn check_invariants(text: &str, a: &Analysis) {
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
            assert!(o < a.quotes.len(), "outer quote {o} does not exist");
        }
    }
    for (i, s) in a.speakers.iter().enumerate() {
        assert_eq!(s.id, i);
        for m in &s.mentions {
            ok(m.span, "speaker mention");
        }
        assert!(s.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start), "mentions out of order");
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
