//! Inlay hints: after each quotation, who said it.

use super::documents::Snapshot;
use super::hover;
use crate::analysis::{QuoteKind, Resolution, Span};
use serde_json::json;
use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintTooltip, MarkupContent, MarkupKind};

/// `— Psaki`, `— ?` when unattributed, `he → Putin` when a pronoun carries the attribution.
pub fn label(s: &Snapshot, quote: usize) -> Option<String> {
    let a = &s.analysis;
    let q = a.quotes.get(quote)?;
    let speaker = q.speaker.and_then(|i| a.speakers.get(i));
    // A split quotation's later half carries its own resolution; the first half may hold the pronoun.
    let resolution = match &q.resolution {
        Resolution::SplitQuote { from_quote } => a.quotes.get(*from_quote).map_or(&q.resolution, |f| &f.resolution),
        r => r,
    };
    Some(match (speaker, resolution) {
        (None, _) => "— ?".to_string(),
        (Some(sp), Resolution::Pronoun { pronoun, .. }) => format!("{} → {}", pronoun.to_lowercase(), sp.short_name),
        (Some(sp), _) => format!("— {}", sp.short_name),
    })
}

/// Quotes that get a hint: quotations in marks, not nested inside another quote's reported speech,
/// and, for split quotations, only the last half.
fn hinted(s: &Snapshot) -> impl Iterator<Item = (usize, usize)> + '_ {
    let a = &s.analysis;
    a.quotes.iter().filter_map(move |q| {
        if q.kind == QuoteKind::Indirect || q.outer.is_some() {
            return None;
        }
        let continued = a
            .quotes
            .iter()
            .any(|o| o.id != q.id && matches!(o.resolution, Resolution::SplitQuote { from_quote } if from_quote == q.id));
        if continued {
            return None;
        }
        let end = q.parts.last().map_or(q.span.end, |p| p.end);
        Some((q.id, end))
    })
}

pub fn hints(s: &Snapshot, within: Span) -> Vec<InlayHint> {
    hinted(s)
        .filter(|&(_, end)| within.start <= end && end <= within.end)
        .filter_map(|(id, end)| {
            Some(InlayHint {
                position: s.position(end),
                label: InlayHintLabel::String(label(s, id)?),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: Some(true),
                data: Some(json!({"uri": s.uri.as_str(), "version": s.version, "quote": id})),
            })
        })
        .collect()
}

/// Fill the tooltip with the quote's hover text, if the hint belongs to this snapshot.
pub fn resolve(s: &Snapshot, mut hint: InlayHint) -> InlayHint {
    let quote = hint.data.as_ref().and_then(|d| {
        (d.get("version")?.as_i64()? == s.version as i64).then_some(())?;
        d.get("quote")?.as_u64()
    });
    if let Some(q) = quote.and_then(|i| s.analysis.quotes.get(i as usize)) {
        hint.tooltip = Some(InlayHintTooltip::MarkupContent(MarkupContent {
            kind: MarkupKind::Markdown,
            value: hover::quote_details(s, q, true),
        }));
    }
    hint
}

/// The URI a hint's `data` names, for `inlayHint/resolve`.
pub fn data_uri(hint: &InlayHint) -> Option<String> {
    hint.data.as_ref()?.get("uri")?.as_str().map(str::to_string)
}
