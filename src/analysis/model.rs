//! The value the engine returns: speakers, quotes, claims and findings over byte spans.
//!
//! Everything here is plain data with byte offsets into the analysed UTF-8 text (half-open).
//! The language server and the command line read it; neither adds linguistics of its own.

use super::inline::{Few, Parts, Words};
use std::borrow::Cow;
use std::fmt;

/// A half-open byte range into the analysed text. Both ends lie on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// True when the spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    Person,
    Organization,
    Group,
    Anonymous,
    Unknown,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Group => "group",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// How a mention refers to its speaker; the hover explains attributions with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// The full name or description ("White House press secretary Jen Psaki", "the French presidency").
    Full,
    /// A shorter name for an entity already introduced ("Psaki", "Mr. Putin").
    Short,
    /// A personal pronoun ("he", "she", "they").
    Pronoun,
    /// A role noun standing for an entity already introduced ("the president", "the agency").
    Role,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Index into `Analysis::speakers`.
    pub id: usize,
    /// The fullest name seen ("Jen Psaki", "the French presidency").
    pub name: String,
    /// Short name for inlay hints ("Psaki", "French presidency").
    pub short_name: String,
    /// Role or title when the article gives one ("White House press secretary").
    pub role: Option<String>,
    pub kind: SpeakerKind,
    /// Every mention in text order; the first full mention is the speaker's "definition".
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words in quotation marks, attributed as a whole.
    Direct,
    /// Reported speech without quotation marks ("X said that ...").
    Indirect,
    /// A short quoted fragment inside the writer's own sentence (‘in principle’).
    Partial,
    /// Reported speech that carries quoted words inside it.
    Mixed,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Partial => "partial",
            QuoteKind::Mixed => "mixed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A reporting verb ("said", "told", "was quoted as saying").
    Verb,
    /// "according to".
    AccordingTo,
    /// A colon introducing a quotation after a speaker ("Putin: ...").
    Colon,
    /// A dash before the speaker's name after a quotation (`"..." — Jane Doe`).
    Dash,
    /// An attribution noun ("in a statement", "his claim").
    Noun,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    /// The cue as written, e.g. "said", "according to", "was quoted as saying".
    pub text: Words,
    pub kind: CueKind,
    /// The verb or phrase that heads the cue, as written: "said" in "has also said", "pointed
    /// out", "according to", "quoted" in "was quoted as saying"; the mark of a colon or dash.
    pub head: Span,
    /// The head's dictionary form: "say", "tell", "point out", "according to"; for a colon or a
    /// dash, the mark.
    pub lemma: Cow<'static, str>,
}

impl Cue {
    /// A cue that is one mark (a colon or a dash): its own head and lemma.
    pub fn mark(span: Span, text: &str, kind: CueKind) -> Cue {
        let lemma: Cow<'static, str> = match text {
            ":" => Cow::Borrowed(":"),
            "—" => Cow::Borrowed("—"),
            "–" => Cow::Borrowed("–"),
            "-" => Cow::Borrowed("-"),
            other => Cow::Owned(other.to_string()),
        };
        Cue { span, text: Words::new(text), kind, head: span, lemma }
    }

    /// A one-word cue that is its own head, with the head's dictionary form `lemma`.
    pub fn word(span: Span, text: &str, lemma: &'static str) -> Cue {
        Cue { span, text: Words::new(text), kind: CueKind::Verb, head: span, lemma: Cow::Borrowed(lemma) }
    }
}

/// How the speaker of a quote was found; the hover turns this into a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The cue attaches to a name or description in the same sentence.
    Named,
    /// A short name ("Psaki") resolved to an entity introduced earlier.
    ShortName { first: Span },
    /// A pronoun resolved to the nearest compatible entity.
    Pronoun { pronoun: Words, antecedent: Span },
    /// The cue hangs on a relative pronoun ("Ana Ruiz, who said …", "the court, which ruled …");
    /// the mention is its antecedent, the phrase a reader would name as the speaker.
    Relative { pronoun: Span },
    /// A role noun ("the president") resolved to an entity introduced earlier.
    Role { first: Span },
    /// No cue nearby; the speaker, mention and cue of the previous or next quote in the same
    /// paragraph (or of reported speech before it) are carried over.
    Adjacent { from_quote: usize },
    /// The second half of a split quotation ("A," she said, "B.").
    SplitQuote { from_quote: usize },
    /// A quote inside another's reported speech; the outer source is the speaker.
    None,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Index into `Analysis::quotes`.
    pub id: usize,
    pub kind: QuoteKind,
    /// Outer extent of the quoted or reported content (quotation marks included for direct quotes).
    pub span: Span,
    /// The quoted stretches, in order, marks included: two for a quotation interrupted by its
    /// attribution (`"A," she said, "B."`), one per paragraph (or lost paragraph break) for a
    /// quotation that runs on; one for an ordinary quote. Reported speech: its content.
    pub parts: Parts,
    pub speaker: Option<usize>,
    /// The mention the cue attaches to (may be a pronoun or a short name).
    pub speaker_mention: Option<Span>,
    pub cue: Option<Cue>,
    pub resolution: Resolution,
    /// For nested reporting ("The presidency said that Putin told Macron ..."): the enclosing quote.
    pub outer: Option<usize>,
}

impl Quote {
    /// The quoted stretches: the parts, or the whole span for a quote that has none.
    pub fn stretches(&self) -> &[Span] {
        if self.parts.is_empty() {
            std::slice::from_ref(&self.span)
        } else {
            &self.parts
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    /// "is being seen as", "it is believed", "is expected to".
    AgentlessPassive,
    /// "critics say", "experts believe", "studies show".
    WeaselAttribution,
    /// "a source said" without a description or a reason for anonymity.
    AnonymousSource,
    /// "reportedly", "allegedly", "so-called" with no source in the sentence.
    DoubtWord,
    /// A figure that makes an argument (a share, a forecast, an estimate) with no source near it.
    Statistic,
    /// The writer's own hedge or vague wording that implies an unnamed view ("probably", "many
    /// believe", "is widely regarded"), found by the claim model.
    Hedge,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::AgentlessPassive => "agentless-passive",
            ClaimKind::WeaselAttribution => "weasel-attribution",
            ClaimKind::AnonymousSource => "anonymous-source",
            ClaimKind::DoubtWord => "doubt-word",
            ClaimKind::Statistic => "unsourced-statistic",
            ClaimKind::Hedge => "hedge",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The sentence (or clause) that makes the claim.
    pub span: Span,
    /// The words that triggered the rule ("is being seen as", "critics say", "42%").
    pub trigger: Span,
    /// A weaker case that an editor may well let stand ("is expected to meet on Monday"): its
    /// finding is a hint, below the rule's own severity.
    pub weak: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
    /// Accepts the names editors and users write: error, warning/warn, information/info, hint.
    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" | "err" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place elsewhere in the text that explains a finding (the speaker mention, the cue, the opening mark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// A replacement the user may apply; the server turns it into a `TextEdit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Few<(Span, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable kebab-case rule code, see `rules::RULES`.
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub related: Few<Related>,
    pub fixes: Few<Fix>,
    /// Index of the quote this finding is about, if any.
    pub quote: Option<usize>,
    /// Index of the claim this finding is about, if any.
    pub claim: Option<usize>,
}

/// One analysed article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub speakers: Vec<Speaker>,
    /// In text order of `span.start`.
    pub quotes: Vec<Quote>,
    /// In text order.
    pub claims: Vec<Claim>,
    /// In text order; suppressed and disabled rules already removed.
    pub findings: Vec<Finding>,
    /// Prose paragraphs (code, front matter and comments left out).
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    /// Set when the text was not analysed (too large); the findings say why.
    pub skipped: bool,
}

impl Analysis {
    /// The speaker that has a mention covering `offset`, with that mention.
    pub fn speaker_at(&self, offset: usize) -> Option<(&Speaker, &Mention)> {
        self.speakers.iter().find_map(|s| {
            s.mentions
                .iter()
                .find(|m| m.span.contains(offset))
                .map(|m| (s, m))
        })
    }
    /// The innermost quote whose span covers `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        self.quotes
            .iter()
            .filter(|q| q.parts.iter().any(|p| p.contains(offset)) || q.span.contains(offset))
            .min_by_key(|q| q.span.len())
    }
    pub fn quotes_of(&self, speaker: usize) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(move |q| q.speaker == Some(speaker))
    }
    pub fn unattributed_quotes(&self) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(|q| q.speaker.is_none())
    }
}
