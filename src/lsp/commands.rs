//! `workspace/executeCommand` commands the editor extensions call.
//!
//! `whosaid.sources`, arguments `[uri]`, returns
//! `{"uri", "speakers": [{"id", "name", "role", "kind", "quotes", "line"}], "quotes", "unattributed",
//! "unsourcedClaims"}` where `line` is the zero-based line of the speaker's first mention.

use super::documents::Snapshot;
use serde_json::{json, Value};

pub const SOURCES: &str = "whosaid.sources";

pub const ALL: &[&str] = &[SOURCES];

pub fn sources(s: &Snapshot) -> Value {
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
    json!({
        "uri": s.uri.as_str(),
        "speakers": speakers,
        "quotes": a.quotes.len(),
        "unattributed": a.unattributed_quotes().count(),
        "unsourcedClaims": a.claims.len(),
    })
}
