//! The article's sources for the editor: the `whosaid/sources` request (also the
//! `whosaid.sources` command, one answer for both) and the code lens that sums them up at the top
//! of the article. Everything is read off the snapshot's source profile (`analysis::sources`);
//! this module only words it and turns byte spans into LSP ranges.
//!
//! `whosaid/sources`, params `{"textDocument": {"uri"}}`, answers
//! ```json
//! {"uri", "version",
//!  "sources": [{"id", "name", "role", "kind", "gender", "genderNote", "direct", "reported",
//!               "quotedWords", "firstMention": Range, "lastMention": Range,
//!               "quotes": [{"id", "kind", "text", "range": Range}]}],
//!  "summary": {"sources", "people": {"women", "men", "nonBinary", "notStated"}, "anonymous",
//!              "unattributed", "quotedWords", "topSource", "topShare", "text"},
//!  "speakers": [{"id", "name", "role", "kind", "quotes", "line"}],
//!  "quotes", "unattributed", "unsourcedClaims"}
//! ```
//! `kind` of a source: person, organization, group, anonymous, document, unknown; `gender`:
//! woman, man, non-binary or null (not stated: whosaid never guesses); a quote's `kind`: direct,
//! partial, indirect, mixed. `speakers` lists everyone named, quoted or not (the older form the
//! status bar reads).

use super::documents::Snapshot;
use super::hover::{excerpt, quote_text};
use crate::analysis::sources::{GenderCounts, Sources};
use crate::analysis::QuoteKind;
use serde_json::{json, Value};
use tower_lsp_server::ls_types::{CodeLens, Command, Position, Range};

pub const REQUEST: &str = "whosaid/sources";
/// What a click on the lens asks the editor to do: show its sources list (VS Code's view,
/// Neovim's location list). Not a server command; the server answers it harmlessly anyway.
pub const SHOW: &str = "whosaid.showSources";

/// Longest quote text in the answer; the whole quote is at its range.
const QUOTE_CHARS: usize = 160;

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 women, 3 men, 0 not stated" (non-binary people only when there are any).
fn people(p: &GenderCounts) -> String {
    let mut parts = vec![count(p.woman, "woman", "women"), count(p.man, "man", "men")];
    if p.non_binary > 0 {
        parts.push(format!("{} non-binary", p.non_binary));
    }
    parts.push(format!("{} not stated", p.not_stated));
    parts.join(", ")
}

/// One line a reporter reads at the top of the article:
/// "5 sources · 2 women, 3 men, 0 not stated · 1 anonymous".
pub fn summary_text(p: &Sources) -> String {
    if p.list.is_empty() {
        return match p.unattributed {
            0 => "No sources quoted yet".to_string(),
            n => format!("No named sources · {} with no source", count(n, "quote", "quotes")),
        };
    }
    let mut parts = vec![count(p.list.len(), "source", "sources"), people(&p.people), format!("{} anonymous", p.anonymous)];
    if p.unattributed > 0 {
        parts.push(format!("{} with no source", count(p.unattributed, "quote", "quotes")));
    }
    parts.join(" · ")
}

fn range(s: &Snapshot, span: crate::analysis::Span) -> Value {
    serde_json::to_value(s.range(span)).unwrap_or(Value::Null)
}

/// A quotation's words without its marks; reported speech as written (quoted words inside it
/// keep theirs).
fn words(s: &Snapshot, q: &crate::analysis::Quote) -> String {
    match q.kind {
        QuoteKind::Direct | QuoteKind::Partial => quote_text(s, q, QUOTE_CHARS),
        QuoteKind::Indirect | QuoteKind::Mixed => excerpt(&s.text, q.span, QUOTE_CHARS),
    }
}

fn profile(s: &Snapshot) -> Value {
    let a = &s.analysis;
    let p = s.sources();
    let list: Vec<Value> = p
        .list
        .iter()
        .map(|src| {
            let sp = &a.speakers[src.speaker];
            let mut ids: Vec<usize> = src.direct.iter().chain(&src.reported).copied().collect();
            ids.sort_by_key(|&q| (a.quotes[q].span.start, q));
            let quotes: Vec<Value> = ids
                .iter()
                .map(|&q| {
                    let q = &a.quotes[q];
                    json!({"id": q.id, "kind": q.kind.as_str(), "text": words(s, q), "range": range(s, q.span)})
                })
                .collect();
            json!({
                "id": sp.id,
                "name": sp.name,
                "role": sp.role,
                "kind": src.kind.as_str(),
                "gender": src.gender.map(|g| g.as_str()),
                "genderNote": src.gender_note(&s.text),
                "direct": src.direct.len(),
                "reported": src.reported.len(),
                "quotedWords": src.quoted_words,
                "firstMention": range(s, src.first_mention),
                "lastMention": range(s, src.last_mention),
                "quotes": quotes,
            })
        })
        .collect();
    let summary = json!({
        "sources": p.list.len(),
        "people": {"women": p.people.woman, "men": p.people.man, "nonBinary": p.people.non_binary, "notStated": p.people.not_stated},
        "anonymous": p.anonymous,
        "unattributed": p.unattributed,
        "quotedWords": p.quoted_words,
        "topSource": p.top.map(|i| a.speakers[p.list[i].speaker].name.clone()),
        "topShare": p.top_share(),
        "text": summary_text(p),
    });
    json!({"sources": list, "summary": summary})
}

/// The answer to `whosaid/sources` and to the `whosaid.sources` command.
pub fn response(s: &Snapshot) -> Value {
    let a = &s.analysis;
    let speakers: Vec<Value> = a
        .speakers
        .iter()
        .map(|sp| {
            json!({
                "id": sp.id,
                "name": sp.name,
                "role": sp.role,
                "kind": sp.kind.as_str(),
                "quotes": a.quotes_of(sp.id).count(),
                "line": sp.mentions.first().map(|m| s.line(m.span.start)),
            })
        })
        .collect();
    let mut out = profile(s);
    out["uri"] = json!(s.uri.as_str());
    out["version"] = json!(s.version);
    out["speakers"] = json!(speakers);
    out["quotes"] = json!(a.quotes.len());
    out["unattributed"] = json!(a.unattributed_quotes().count());
    out["unsourcedClaims"] = json!(a.claims.len());
    out
}

/// The lens at the top of the article (line 0, where the headline is).
pub fn lenses(s: &Snapshot) -> Vec<CodeLens> {
    let top = Range::new(Position::new(0, 0), Position::new(0, 0));
    let title = summary_text(s.sources());
    let command = Command { title, command: SHOW.to_string(), arguments: Some(vec![json!(s.uri.as_str())]) };
    vec![CodeLens { range: top, command: Some(command), data: None }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sources::{GenderBasis, Source, SourceKind};
    use crate::analysis::Span;

    fn source(kind: SourceKind) -> Source {
        Source {
            speaker: 0,
            kind,
            direct: vec![0],
            reported: Vec::new(),
            quoted_words: 3,
            first_mention: Span::default(),
            last_mention: Span::default(),
            gender: None,
            basis: GenderBasis::NoEvidence,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn the_lens_reads_as_a_reporter_counts() {
        let with = |kinds: &[SourceKind], people: GenderCounts, anonymous, unattributed| Sources {
            list: kinds.iter().map(|k| source(*k)).collect(),
            anonymous,
            unattributed,
            people,
            ..Sources::default()
        };
        let g = |woman, man, non_binary, not_stated| GenderCounts { woman, man, non_binary, not_stated };
        use SourceKind::{Anonymous as A, Organization as O, Person as P};
        let cases = [
            (with(&[P, P, P, P, P, A], g(2, 3, 0, 0), 1, 0), "6 sources · 2 women, 3 men, 0 not stated · 1 anonymous"),
            (with(&[P], g(1, 0, 0, 0), 0, 0), "1 source · 1 woman, 0 men, 0 not stated · 0 anonymous"),
            (with(&[P, O], g(0, 1, 0, 0), 0, 2), "2 sources · 0 women, 1 man, 0 not stated · 0 anonymous · 2 quotes with no source"),
            (with(&[P, P, A, A], g(0, 0, 1, 1), 2, 1), "4 sources · 0 women, 0 men, 1 non-binary, 1 not stated · 2 anonymous · 1 quote with no source"),
            (with(&[], g(0, 0, 0, 0), 0, 0), "No sources quoted yet"),
            (with(&[], g(0, 0, 0, 0), 0, 1), "No named sources · 1 quote with no source"),
        ];
        for (p, want) in cases {
            assert_eq!(summary_text(&p), want);
        }
    }
}
