//! The stable JSON shape of `whosaid check --format json`: one object per file per line, byte
//! offsets into the UTF-8 input (half-open), ids are indices, line/column 1-based (column in chars).

use super::output::LineIndex;
use crate::analysis::{Analysis, SourceKind, Sources, Span};
use serde::Serialize;

#[derive(Serialize)]
pub struct FileReport<'a> {
    pub path: &'a str,
    pub speakers: Vec<SpeakerOut<'a>>,
    pub quotes: Vec<QuoteOut<'a>>,
    pub claims: Vec<ClaimOut>,
    pub findings: Vec<FindingOut<'a>>,
    pub sources: SourcesOut<'a>,
}

#[derive(Serialize, Clone, Copy)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

impl From<Span> for SpanOut {
    fn from(s: Span) -> Self {
        SpanOut { start: s.start, end: s.end }
    }
}

#[derive(Serialize)]
pub struct SpeakerOut<'a> {
    pub id: usize,
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub kind: &'static str,
    pub mentions: Vec<SpanOut>,
}

/// The article's source profile (see "Sources" in the README).
#[derive(Serialize)]
pub struct SourcesOut<'a> {
    /// Distinct sources: speakers with at least one quote.
    pub count: usize,
    pub quoted_words: usize,
    /// Index into `list` of the source with most quoted words, and its share of all quoted words.
    pub top_source: Option<usize>,
    pub top_share: f64,
    pub anonymous: usize,
    pub unattributed: usize,
    pub people: PeopleOut,
    pub list: Vec<SourceOut<'a>>,
}

#[derive(Serialize)]
pub struct PeopleOut {
    pub woman: usize,
    pub man: usize,
    #[serde(rename = "non-binary")]
    pub non_binary: usize,
    #[serde(rename = "not-stated")]
    pub not_stated: usize,
}

#[derive(Serialize)]
pub struct QuoteIdsOut<'a> {
    pub count: usize,
    pub quotes: &'a [usize],
}

#[derive(Serialize)]
pub struct EvidenceOut<'a> {
    pub kind: &'static str,
    pub text: &'a str,
    pub gender: Option<&'static str>,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct SourceOut<'a> {
    pub speaker: usize,
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub kind: &'static str,
    /// woman | man | non-binary | not-stated for people; null for others.
    pub gender: Option<&'static str>,
    pub gender_basis: &'static str,
    pub gender_note: String,
    pub gender_evidence: Vec<EvidenceOut<'a>>,
    pub direct: QuoteIdsOut<'a>,
    pub reported: QuoteIdsOut<'a>,
    pub quoted_words: usize,
    pub first_mention: SpanOut,
    pub last_mention: SpanOut,
}

pub fn sources<'a>(text: &'a str, a: &'a Analysis, p: &'a Sources) -> SourcesOut<'a> {
    SourcesOut {
        count: p.list.len(),
        quoted_words: p.quoted_words,
        top_source: p.top,
        top_share: (p.top_share() * 1000.0).round() / 1000.0,
        anonymous: p.anonymous,
        unattributed: p.unattributed,
        people: PeopleOut { woman: p.people.woman, man: p.people.man, non_binary: p.people.non_binary, not_stated: p.people.not_stated },
        list: p
            .list
            .iter()
            .map(|s| {
                let sp = &a.speakers[s.speaker];
                let person = s.kind == SourceKind::Person;
                SourceOut {
                    speaker: s.speaker,
                    name: &sp.name,
                    role: sp.role.as_deref(),
                    kind: s.kind.as_str(),
                    gender: person.then(|| s.gender.map_or("not-stated", |g| g.as_str())),
                    gender_basis: s.basis.as_str(),
                    gender_note: s.gender_note(text),
                    gender_evidence: s
                        .evidence
                        .iter()
                        .map(|e| EvidenceOut {
                            kind: e.kind.as_str(),
                            text: e.span.text(text),
                            gender: e.gender.map(|g| g.as_str()),
                            start: e.span.start,
                            end: e.span.end,
                        })
                        .collect(),
                    direct: QuoteIdsOut { count: s.direct.len(), quotes: &s.direct },
                    reported: QuoteIdsOut { count: s.reported.len(), quotes: &s.reported },
                    quoted_words: s.quoted_words,
                    first_mention: s.first_mention.into(),
                    last_mention: s.last_mention.into(),
                }
            })
            .collect(),
    }
}

/// A span with its text, as written.
#[derive(Serialize)]
pub struct TextSpanOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct CueOut<'a> {
    /// The cue's words: `start`, `end`, `text`.
    #[serde(flatten)]
    pub words: TextSpanOut<'a>,
    /// The verb or phrase that heads the cue ("said" in "has also said"), or the colon or dash.
    pub head: TextSpanOut<'a>,
    /// The head's dictionary form ("say", "according to").
    pub lemma: &'a str,
}

#[derive(Serialize)]
pub struct QuoteOut<'a> {
    pub id: usize,
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    /// The quoted stretches (marks included), or the reported content: at least one.
    pub parts: Vec<SpanOut>,
    pub speaker: Option<usize>,
    pub speaker_mention: Option<SpanOut>,
    pub cue: Option<CueOut<'a>>,
}

#[derive(Serialize)]
pub struct ClaimOut {
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct FindingOut<'a> {
    pub code: &'static str,
    pub severity: &'static str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub message: &'a str,
}

pub fn report<'a>(path: &'a str, text: &'a str, a: &'a Analysis, profile: &'a Sources) -> FileReport<'a> {
    let lines = LineIndex::new(text);
    FileReport {
        path,
        speakers: a
            .speakers
            .iter()
            .map(|s| SpeakerOut {
                id: s.id,
                name: &s.name,
                role: s.role.as_deref(),
                kind: s.kind.as_str(),
                mentions: s.mentions.iter().map(|m| m.span.into()).collect(),
            })
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| QuoteOut {
                id: q.id,
                kind: q.kind.as_str(),
                start: q.span.start,
                end: q.span.end,
                parts: q.stretches().iter().map(|&p| p.into()).collect(),
                speaker: q.speaker,
                speaker_mention: q.speaker_mention.map(Into::into),
                cue: q.cue.as_ref().map(|c| CueOut {
                    words: TextSpanOut { start: c.span.start, end: c.span.end, text: &c.text },
                    head: TextSpanOut { start: c.head.start, end: c.head.end, text: text.get(c.head.start..c.head.end).unwrap_or("") },
                    lemma: &c.lemma,
                }),
            })
            .collect(),
        claims: a
            .claims
            .iter()
            .map(|c| ClaimOut { kind: c.kind.as_str(), start: c.span.start, end: c.span.end })
            .collect(),
        findings: a
            .findings
            .iter()
            .map(|f| {
                let (line, column) = lines.line_col(text, f.span.start);
                FindingOut {
                    code: f.code,
                    severity: f.severity.as_str(),
                    start: f.span.start,
                    end: f.span.end,
                    line,
                    column,
                    message: &f.message,
                }
            })
            .collect(),
        sources: sources(text, a, profile),
    }
}

/// One line of JSON (no trailing newline).
pub fn render_json(path: &str, text: &str, a: &Analysis, profile: &Sources) -> String {
    serde_json::to_string(&report(path, text, a, profile)).unwrap_or_else(|e| format!("{{\"path\":{path:?},\"error\":\"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::*;

    #[test]
    fn shape_and_key_names() {
        let text = "é\n“Hi,” Ana said.";
        let q = text.find('“').unwrap();
        let ana = text.find("Ana").unwrap();
        let said = text.find("said").unwrap();
        let a = Analysis {
            speakers: vec![Speaker {
                id: 0,
                name: "Ana".into(),
                short_name: "Ana".into(),
                role: None,
                kind: SpeakerKind::Person,
                mentions: vec![Mention { span: Span::new(ana, ana + 3), kind: MentionKind::Full }],
            }],
            quotes: vec![Quote {
                id: 0,
                kind: QuoteKind::Direct,
                span: Span::new(q, ana - 1),
                parts: vec![Span::new(q, ana - 1)].into(),
                speaker: Some(0),
                speaker_mention: Some(Span::new(ana, ana + 3)),
                cue: Some(Cue::word(Span::new(said, said + 4), "said", "say")),
                resolution: Resolution::Named,
                outer: None,
            }],
            claims: vec![],
            findings: vec![Finding {
                code: "loaded-verb",
                severity: Severity::Warning,
                span: Span::new(said, said + 4),
                message: "m".into(),
                related: Default::default(),
                fixes: Default::default(),
                quote: Some(0),
                claim: None,
            }],
            ..Analysis::default()
        };
        let v: serde_json::Value = serde_json::from_str(&render_json("-", text, &a, &Sources::default())).unwrap();
        assert_eq!(v["path"], "-");
        assert_eq!(v["speakers"][0]["role"], serde_json::Value::Null);
        assert_eq!(v["speakers"][0]["kind"], "person");
        assert_eq!(v["speakers"][0]["mentions"][0]["start"], ana);
        assert_eq!(v["quotes"][0]["kind"], "direct");
        assert_eq!(v["quotes"][0]["speaker"], 0);
        assert_eq!(v["quotes"][0]["cue"]["text"], "said");
        assert_eq!(v["quotes"][0]["cue"]["head"], serde_json::json!({"start": said, "end": said + 4, "text": "said"}));
        assert_eq!(v["quotes"][0]["cue"]["lemma"], "say");
        assert_eq!(v["quotes"][0]["parts"], serde_json::json!([{"start": q, "end": ana - 1}]));
        assert_eq!(v["findings"][0]["line"], 2);
        // "said" is char 10 of line 2 (column 11) though its byte offset in the line is larger.
        assert_eq!(v["findings"][0]["column"], 11);
        assert_eq!(v["findings"][0]["severity"], "warning");
        assert_eq!(v["claims"], serde_json::json!([]));
    }
}
