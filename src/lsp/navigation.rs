//! Outline (speakers with their quotes), highlights, references and go-to-definition.

use super::documents::Snapshot;
use super::hover::quote_text;
use crate::analysis::{MentionKind, Quote, QuoteKind, Span, Speaker, SpeakerKind};
use tower_lsp_server::ls_types::{DocumentHighlight, DocumentHighlightKind, DocumentSymbol, Location, SymbolKind};

/// The speaker meant at `offset`: a mention of them, one of their quotes, or a quote's cue mention.
pub fn speaker_at(s: &Snapshot, offset: usize) -> Option<&Speaker> {
    let a = &s.analysis;
    if let Some((sp, _)) = a.speaker_at(offset) {
        return Some(sp);
    }
    let by_mention = a.quotes.iter().find(|q| q.speaker_mention.is_some_and(|m| m.contains(offset)));
    let q = by_mention.or_else(|| a.quote_at(offset))?;
    q.speaker.and_then(|i| a.speakers.get(i))
}

/// The speaker's "definition": the first full mention, else the first mention.
pub fn definition_span(sp: &Speaker) -> Option<Span> {
    sp.mentions.iter().find(|m| m.kind == MentionKind::Full).or(sp.mentions.first()).map(|m| m.span)
}

fn quote_name(s: &Snapshot, q: &Quote) -> String {
    let text = quote_text(s, q, 60);
    match q.kind {
        _ if text.is_empty() => format!("quote {}", q.id + 1),
        QuoteKind::Indirect => text,
        _ => format!("“{text}”"),
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written.
fn symbol(name: String, detail: Option<String>, kind: SymbolKind, range: Span, selection: Span, s: &Snapshot, children: Option<Vec<DocumentSymbol>>) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: s.range(range),
        selection_range: s.range(selection),
        children,
    }
}

fn quote_symbols<'a>(s: &Snapshot, quotes: impl Iterator<Item = &'a Quote>) -> Vec<DocumentSymbol> {
    quotes
        .map(|q| symbol(quote_name(s, q), Some(q.kind.as_str().to_string()), SymbolKind::STRING, q.span, q.span, s, None))
        .collect()
}

/// The outline: one entry per speaker (their quotes as children), then unattributed quotes.
pub fn symbols(s: &Snapshot) -> Vec<DocumentSymbol> {
    let a = &s.analysis;
    let mut out = Vec::new();
    for sp in &a.speakers {
        let Some(def) = definition_span(sp) else { continue };
        let quotes: Vec<&Quote> = a.quotes_of(sp.id).collect();
        let range = sp
            .mentions
            .iter()
            .map(|m| m.span)
            .chain(quotes.iter().map(|q| q.span))
            .fold(def, |acc, x| acc.cover(x));
        let mut detail = sp.role.clone().unwrap_or_else(|| sp.kind.as_str().to_string());
        detail.push_str(&format!(" · {} quote{}", quotes.len(), if quotes.len() == 1 { "" } else { "s" }));
        let kind = match sp.kind {
            SpeakerKind::Person | SpeakerKind::Anonymous | SpeakerKind::Unknown => SymbolKind::OBJECT,
            SpeakerKind::Organization | SpeakerKind::Group => SymbolKind::NAMESPACE,
        };
        let name = if sp.name.trim().is_empty() { format!("speaker {}", sp.id + 1) } else { sp.name.clone() };
        out.push(symbol(name, Some(detail), kind, range, def, s, Some(quote_symbols(s, quotes.into_iter()))));
    }
    let unattributed: Vec<&Quote> = a.unattributed_quotes().filter(|q| q.outer.is_none()).collect();
    if let Some(first) = unattributed.first() {
        let range = unattributed.iter().fold(first.span, |acc, q| acc.cover(q.span));
        out.push(symbol(
            "Unattributed quotes".to_string(),
            Some(format!("{}", unattributed.len())),
            SymbolKind::NULL,
            range,
            first.span,
            s,
            Some(quote_symbols(s, unattributed.into_iter())),
        ));
    }
    out
}

/// Every mention and quote of the speaker meant at `offset`.
pub fn highlights(s: &Snapshot, offset: usize) -> Vec<DocumentHighlight> {
    let Some(sp) = speaker_at(s, offset) else { return Vec::new() };
    let mentions = sp.mentions.iter().map(|m| DocumentHighlight { range: s.range(m.span), kind: Some(DocumentHighlightKind::TEXT) });
    let quotes = s
        .analysis
        .quotes_of(sp.id)
        .map(|q| DocumentHighlight { range: s.range(q.span), kind: Some(DocumentHighlightKind::READ) });
    mentions.chain(quotes).collect()
}

pub fn references(s: &Snapshot, offset: usize, include_declaration: bool) -> Vec<Location> {
    let Some(sp) = speaker_at(s, offset) else { return Vec::new() };
    let def = definition_span(sp);
    let mut spans: Vec<Span> = sp
        .mentions
        .iter()
        .map(|m| m.span)
        .filter(|span| include_declaration || Some(*span) != def)
        .chain(s.analysis.quotes_of(sp.id).map(|q| q.span))
        .collect();
    spans.sort();
    spans.dedup();
    spans.into_iter().map(|span| Location { uri: s.uri.clone(), range: s.range(span) }).collect()
}

pub fn definition(s: &Snapshot, offset: usize) -> Option<Location> {
    let sp = speaker_at(s, offset)?;
    Some(Location { uri: s.uri.clone(), range: s.range(definition_span(sp)?) })
}
