//! Hover text, in Markdown, built from the structured analysis: who speaks a quote and why the
//! engine thinks so, who a mention refers to and everything they said, why a finding was raised.

use super::diagnostics::RuleLinks;
use super::documents::Snapshot;
use crate::analysis::{rules, CueKind, Source, SourceKind, Finding, MentionKind, Quote, QuoteKind, Resolution, Span, Speaker};
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind};

/// Escape the characters Markdown would read as markup.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text of a span on one line, whitespace collapsed, cut to about `max` characters.
pub fn excerpt(text: &str, span: Span, max: usize) -> String {
    let raw = text.get(span.start..span.end.min(text.len())).unwrap_or("");
    let collapsed: Vec<&str> = raw.split_whitespace().collect();
    let one_line = collapsed.join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

const MARKS: &[char] = &['"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '「', '」'];

/// The words of a quote for display: a split quotation's parts joined with " … ", without the
/// quotation marks, then shortened to about `max` characters.
pub fn quote_text(s: &Snapshot, q: &Quote, max: usize) -> String {
    let joined: Vec<String> = q
        .stretches()
        .iter()
        .map(|p| excerpt(&s.text, *p, usize::MAX).trim_matches(|c: char| MARKS.contains(&c) || c.is_whitespace()).to_string())
        .collect();
    let text = joined.join(" … ");
    if text.chars().count() <= max {
        text
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// “Quoted words” for quotations, plain words for reported speech; Markdown-escaped.
pub fn quote_label(s: &Snapshot, q: &Quote, max: usize) -> String {
    let text = md(&quote_text(s, q, max));
    match q.kind {
        QuoteKind::Indirect => format!("(reported) {text}"),
        _ => format!("“{text}”"),
    }
}

fn span_text(s: &Snapshot, span: Span) -> String {
    excerpt(&s.text, span, 60)
}

/// "line 12" for people (one-based).
fn line_label(s: &Snapshot, byte: usize) -> String {
    format!("line {}", s.line(byte) + 1)
}

fn paragraph_label(s: &Snapshot, byte: usize) -> String {
    match s.paragraph(byte) {
        Some(p) => format!("¶{p}"),
        None => line_label(s, byte),
    }
}

fn who(sp: &Speaker) -> String {
    let mut out = format!("**{}**", md(&sp.name));
    if let Some(role) = &sp.role {
        out.push_str(&format!(", {}", md(role)));
    }
    out.push_str(&format!(" ({})", sp.kind.as_str()));
    out
}

fn cue_kind(kind: CueKind) -> &'static str {
    match kind {
        CueKind::Verb => "reporting verb",
        CueKind::AccordingTo => "“according to”",
        CueKind::Colon => "colon after the speaker",
        CueKind::Dash => "dash before the speaker",
        CueKind::Noun => "attribution noun",
    }
}

/// Why the engine gave this quote its speaker, in one sentence.
pub fn why(s: &Snapshot, q: &Quote) -> String {
    let a = &s.analysis;
    let speaker = q.speaker.and_then(|i| a.speakers.get(i));
    let name = speaker.map_or_else(|| "an unknown speaker".to_string(), |sp| md(&sp.name));
    let mention = q.speaker_mention.map(|m| md(&span_text(s, m)));
    match &q.resolution {
        Resolution::Named => match (&q.cue, mention) {
            (Some(cue), Some(m)) => format!("the cue “{}” attaches to “{m}” in the same sentence", md(&cue.text)),
            (None, Some(m)) => format!("“{m}” is named as the speaker in the same sentence"),
            _ => format!("{name} is named in the same sentence"),
        },
        Resolution::ShortName { first } => format!(
            "short name ‘{}’ resolved to {name}, first named in {}",
            mention.unwrap_or_default(),
            paragraph_label(s, first.start)
        ),
        Resolution::Pronoun { pronoun, antecedent } => format!(
            "pronoun ‘{}’ resolved to {name}, last named in {}",
            md(pronoun),
            paragraph_label(s, antecedent.start)
        ),
        Resolution::Relative { pronoun } => format!(
            "the cue{} attaches to ‘{}’, which stands for “{}” in the same sentence",
            q.cue.as_ref().map(|c| format!(" “{}”", md(&c.text))).unwrap_or_default(),
            md(&span_text(s, *pronoun)),
            mention.unwrap_or_else(|| name.clone())
        ),
        Resolution::Role { first } => format!(
            "‘{}’ resolved to {name}, first named in {}",
            mention.unwrap_or_default(),
            paragraph_label(s, first.start)
        ),
        Resolution::Adjacent { from_quote } => match a.quotes.get(*from_quote) {
            Some(other) => format!(
                "no cue next to this quote; its speaker and cue are carried over from the quote on {} in the same paragraph",
                line_label(s, other.span.start)
            ),
            None => "no cue next to this quote; its speaker is carried over from a neighbouring quote".to_string(),
        },
        Resolution::SplitQuote { from_quote } => match a.quotes.get(*from_quote) {
            Some(other) => format!(
                "the second half of a split quotation that begins on {}",
                line_label(s, other.span.start)
            ),
            None => "the second half of a split quotation".to_string(),
        },
        Resolution::None => match q.outer.and_then(|o| a.quotes.get(o)) {
            Some(outer) => {
                let outer_name = outer.speaker.and_then(|i| a.speakers.get(i)).map_or("another source".into(), |sp| md(&sp.name));
                format!(
                    "quoted inside {outer_name}’s reported speech on {}",
                    line_label(s, outer.span.start)
                )
            }
            None if q.speaker.is_none() => "no speaker or reporting verb found near this quote".to_string(),
            None => format!("attributed to {name}"),
        },
    }
}

/// The quote section of a hover, also the tooltip of the quote's inlay hint. `remedy` adds what
/// would fix an unattributed quote (left out when the finding itself is shown next to it).
pub fn quote_details(s: &Snapshot, q: &Quote, remedy: bool) -> String {
    let a = &s.analysis;
    let mut out = format!("**Quote** ({}): {}\n\n", q.kind.as_str(), quote_label(s, q, 120));
    match q.speaker.and_then(|i| a.speakers.get(i)) {
        Some(sp) => out.push_str(&format!("- **Speaker:** {}\n", who(sp))),
        None => out.push_str("- **Speaker:** none found\n"),
    }
    if let Some(cue) = &q.cue {
        out.push_str(&format!("- **Cue:** “{}” ({})\n", md(&cue.text), cue_kind(cue.kind)));
    }
    if let Some(m) = q.speaker_mention {
        out.push_str(&format!("- **Mention:** “{}” on {}\n", md(&span_text(s, m)), line_label(s, m.start)));
    }
    out.push_str(&format!("- **Why:** {}\n", why(s, q)));
    if q.speaker.is_none() && remedy {
        if let Some(rule) = rules::rule("unattributed-quote") {
            out.push_str(&format!("- **To fix:** {}\n", md(rule.remedy)));
        }
    }
    out
}

fn mention_kind(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Full => "full name",
        MentionKind::Short => "short name",
        MentionKind::Pronoun => "pronoun",
        MentionKind::Role => "role",
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the article's source profile says of a quoted source: kind, stated gender, how much they
/// are quoted, where they are first and last mentioned.
fn source_profile(s: &Snapshot, src: &Source) -> String {
    let mut out = format!(
        "- **Source:** {} · {} in quotation marks, {} · {}\n",
        src.kind.as_str(),
        counted(src.direct.len(), "quote", "quotes"),
        counted(src.reported.len(), "reported", "reported"),
        counted(src.quoted_words, "quoted word", "quoted words"),
    );
    if src.kind == SourceKind::Person {
        let note = md(&src.gender_note(&s.text));
        match src.gender {
            Some(g) => out.push_str(&format!("- **Gender:** {} ({note})\n", g.as_str())),
            None => out.push_str(&format!("- **Gender:** {note}\n")),
        }
    }
    out.push_str(&format!(
        "- **First mention:** {} · **last:** {}\n\n",
        line_label(s, src.first_mention.start),
        line_label(s, src.last_mention.start)
    ));
    out
}

pub fn speaker_details(s: &Snapshot, sp: &Speaker, here: Option<Span>) -> String {
    let a = &s.analysis;
    let mut out = who(sp);
    out.push_str("\n\n");
    if let Some(m) = here.and_then(|h| sp.mentions.iter().find(|m| m.span == h)) {
        out.push_str(&format!("This mention: “{}” ({}). ", md(&span_text(s, m.span)), mention_kind(m.kind)));
    }
    let first = sp.mentions.iter().find(|m| m.kind == MentionKind::Full).or(sp.mentions.first());
    if let Some(first) = first {
        out.push_str(&format!(
            "Mentioned {} time{}; first named on {}.\n\n",
            sp.mentions.len(),
            if sp.mentions.len() == 1 { "" } else { "s" },
            line_label(s, first.span.start)
        ));
    }
    if let Some(src) = s.sources().of_speaker(sp.id) {
        out.push_str(&source_profile(s, src));
    }
    let quotes: Vec<&Quote> = a.quotes_of(sp.id).collect();
    if quotes.is_empty() {
        out.push_str("No quotes attributed in this article.\n");
    } else {
        out.push_str(&format!("Quotes ({}):\n", quotes.len()));
        for q in quotes {
            out.push_str(&format!("- {}: {}\n", line_label(s, q.span.start), quote_label(s, q, 70)));
        }
    }
    out
}

/// A finding: its message, the rule's explanation (first paragraph of `whosaid explain CODE`),
/// what triggered it, the fix, and a link to the newsroom's rule page when one is configured.
pub fn finding_details(s: &Snapshot, f: &Finding, links: &RuleLinks) -> String {
    let rule = rules::rule(f.code);
    let mut out = format!("**{}** ({}): {}\n\n", f.code, f.severity, md(&f.message));
    let mut why = rule.map(|r| md(&r.about())).unwrap_or_default();
    if let Some(claim) = f.claim.and_then(|c| s.analysis.claims.get(c)) {
        why.push_str(&format!(" Flagged because of “{}”.", md(&span_text(s, claim.trigger))));
    }
    if !why.is_empty() {
        out.push_str(&format!("- **Why:** {}\n", why.trim()));
    }
    if let Some(rule) = rule {
        let label = if f.claim.is_some() { "What would source it" } else { "To fix" };
        out.push_str(&format!("- **{label}:** {}\n", md(rule.remedy)));
    }
    for r in &f.related {
        out.push_str(&format!("- {}: {}\n", line_label(s, r.span.start), md(&r.message)));
    }
    match links.get(f.code) {
        Some(url) => out.push_str(&format!("- [More about {}](<{}>)\n", f.code, url.as_str())),
        None if rule.is_some() => out.push_str(&format!("- More: `whosaid explain {}`\n", f.code)),
        None => {}
    }
    out
}

pub fn hover(s: &Snapshot, offset: usize, links: &RuleLinks) -> Option<Hover> {
    let a = &s.analysis;
    let mut sections = Vec::new();
    let mut range: Option<Span> = None;
    if let Some((sp, m)) = a.speaker_at(offset) {
        sections.push(speaker_details(s, sp, Some(m.span)));
        range = Some(m.span);
    } else if let Some(q) = a.quote_at(offset) {
        let finding_shown = a.findings.iter().any(|f| f.quote == Some(q.id) && f.span.contains(offset));
        sections.push(quote_details(s, q, !finding_shown));
        range = Some(q.parts.iter().find(|p| p.contains(offset)).copied().unwrap_or(q.span));
    }
    for f in a.findings.iter().filter(|f| f.span.contains(offset) || (f.span.is_empty() && f.span.start == offset)) {
        sections.push(finding_details(s, f, links));
        range.get_or_insert(f.span);
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: sections.join("\n---\n\n") }),
        range: range.map(|r| s.range(r)),
    })
}
