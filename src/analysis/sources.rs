//! The source profile of an article: who is quoted, how much, and what the text itself says about
//! each person's gender. Derived from what the engine already found (speakers, their mentions,
//! quotes); the only text it reads again is the speakers' mentions and the quoted words.
//!
//! Gender is never guessed. It is stated when the newsroom's `.whosaid.toml` gives it for a known
//! speaker, or when the article refers to the person with "she" or "he" or a gendered honorific
//! ("Ms", "Mr", "Dame", "Lord"), and everything it says agrees. A first name is never evidence.
//! A pronoun counts only when the nearest source mentioned before it is the same person: where
//! another source stands in between, the engine's choice between them may rest on a first name.

use super::lexicon::{flag, lexicon};
use super::model::{Analysis, MentionKind, QuoteKind, Span, SpeakerKind};
use super::KnownSpeaker;

/// What kind of source this is; `Document` is a report, study, survey, poll, statement, letter,
/// figures … given as the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    Person,
    Organization,
    Group,
    Anonymous,
    Document,
    Unknown,
}

impl SourceKind {
    pub const ALL: [SourceKind; 6] =
        [SourceKind::Person, SourceKind::Organization, SourceKind::Group, SourceKind::Anonymous, SourceKind::Document, SourceKind::Unknown];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Group => "group",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Document => "document",
            SourceKind::Unknown => "unknown",
        }
    }
}

/// A gender the text (or the newsroom's configuration) states for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gender {
    Woman,
    Man,
    NonBinary,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Woman => "woman",
            Gender::Man => "man",
            Gender::NonBinary => "non-binary",
        }
    }
    /// The words a `.whosaid.toml` may use: woman/female/f, man/male/m, non-binary/nonbinary.
    pub fn parse(s: &str) -> Option<Gender> {
        match s.trim().to_ascii_lowercase().as_str() {
            "woman" | "female" | "f" | "w" => Some(Gender::Woman),
            "man" | "male" | "m" => Some(Gender::Man),
            "non-binary" | "nonbinary" | "non binary" | "nb" => Some(Gender::NonBinary),
            _ => None,
        }
    }
}

/// Why a person's gender is what the profile says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GenderBasis {
    /// Given for this known speaker in `.whosaid.toml` (it wins over the text).
    Configured,
    /// Pronouns and honorifics in the text, all pointing one way.
    Text,
    /// Nothing in the text says: no pronoun that surely refers to them, no honorific.
    NoEvidence,
    /// The text says both (a "he" and a "she", "Mr" and "Mrs"): often two people taken for one.
    Conflict,
    /// Only "they" or "Mx": a pronoun or honorific, not a gender.
    Neutral,
    /// Pronouns point one way, but whosaid is not sure the source is one person: never named as
    /// people are (a surname alone, an honorific, a role), or named with two first names.
    Unsure,
    /// Not a person: organisations, groups, documents and anonymous sources get no gender.
    NotAPerson,
}

impl GenderBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            GenderBasis::Configured => "configured",
            GenderBasis::Text => "text",
            GenderBasis::NoEvidence => "no-evidence",
            GenderBasis::Conflict => "conflict",
            GenderBasis::Neutral => "neutral",
            GenderBasis::Unsure => "unsure",
            GenderBasis::NotAPerson => "not-a-person",
        }
    }
}

/// One word in the text that says something about a person's gender.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The pronoun ("she") or the honorific ("Mrs") in the text.
    pub span: Span,
    pub kind: EvidenceKind,
    /// `None` for "they" and "Mx".
    pub gender: Option<Gender>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceKind {
    Pronoun,
    Honorific,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Pronoun => "pronoun",
            EvidenceKind::Honorific => "honorific",
        }
    }
}

/// One source of the article: a speaker with at least one quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Index into `Analysis::speakers` (name, role and mentions are there).
    pub speaker: usize,
    pub kind: SourceKind,
    /// Ids of quotes in quotation marks (direct and partial), not counting those inside another
    /// quote of the same source.
    pub direct: Vec<usize>,
    /// Ids of reported speech (indirect and mixed), likewise.
    pub reported: Vec<usize>,
    /// Words inside this source's quotation marks.
    pub quoted_words: usize,
    pub first_mention: Span,
    pub last_mention: Span,
    /// `None`: not stated (or not a person); `basis` says which.
    pub gender: Option<Gender>,
    pub basis: GenderBasis,
    pub evidence: Vec<Evidence>,
}

impl Source {
    pub fn quotes(&self) -> usize {
        self.direct.len() + self.reported.len()
    }

    /// One sentence on the gender, for a hover or a report: "stated: ‘she’ (2×), ‘Ms’".
    pub fn gender_note(&self, text: &str) -> String {
        let words = |pick: &dyn Fn(&Evidence) -> bool| -> String {
            let mut seen: Vec<(String, usize)> = Vec::new();
            for e in self.evidence.iter().filter(|e| pick(e)) {
                let w = e.span.text(text).to_string();
                let w = if e.kind == EvidenceKind::Pronoun { w.to_lowercase() } else { w };
                match seen.iter_mut().find(|(s, _)| *s == w) {
                    Some((_, n)) => *n += 1,
                    None => seen.push((w, 1)),
                }
            }
            let parts: Vec<String> =
                seen.into_iter().map(|(w, n)| if n > 1 { format!("‘{w}’ ({n}×)") } else { format!("‘{w}’") }).collect();
            parts.join(", ")
        };
        match self.basis {
            GenderBasis::Configured => "given in .whosaid.toml".to_string(),
            GenderBasis::Text => format!("stated in the text: {}", words(&|_| true)),
            GenderBasis::NoEvidence => "not stated: no pronoun or honorific in the text refers to them".to_string(),
            GenderBasis::Conflict => format!("not stated: the text says both {}", words(&|e| e.gender.is_some())),
            GenderBasis::Neutral => format!("not stated: {} is a pronoun or honorific, not a gender", words(&|_| true)),
            GenderBasis::Unsure => format!(
                "not stated: {} may refer to them, but whosaid is not sure this is one person",
                words(&|_| true)
            ),
            GenderBasis::NotAPerson => "not a person".to_string(),
        }
    }
}

/// People quoted in an article (or an archive) by stated gender.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenderCounts {
    pub woman: usize,
    pub man: usize,
    pub non_binary: usize,
    pub not_stated: usize,
}

impl GenderCounts {
    pub fn add(&mut self, g: Option<Gender>) {
        match g {
            Some(Gender::Woman) => self.woman += 1,
            Some(Gender::Man) => self.man += 1,
            Some(Gender::NonBinary) => self.non_binary += 1,
            None => self.not_stated += 1,
        }
    }
    pub fn people(&self) -> usize {
        self.woman + self.man + self.non_binary + self.not_stated
    }
}

/// The sources of one article and the figures an editor asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// In order of first mention.
    pub list: Vec<Source>,
    /// Words inside all quotation marks of the article, credited or not.
    pub quoted_words: usize,
    /// Index into `list` of the source with most quoted words (the first, on a tie).
    pub top: Option<usize>,
    /// Sources of kind anonymous.
    pub anonymous: usize,
    /// Quotes (of any kind) with no speaker.
    pub unattributed: usize,
    /// People among the sources, by stated gender.
    pub people: GenderCounts,
}

impl Sources {
    /// Share of the article's quoted words held by the most-quoted source (0 with no quoted words).
    pub fn top_share(&self) -> f64 {
        match self.top {
            Some(i) if self.quoted_words > 0 => self.list[i].quoted_words as f64 / self.quoted_words as f64,
            _ => 0.0,
        }
    }

    /// The source profile of the speaker with this id, if they are quoted.
    pub fn of_speaker(&self, speaker: usize) -> Option<&Source> {
        self.list.iter().find(|s| s.speaker == speaker)
    }
}

/// Words in `s`: whitespace-separated pieces with a letter or digit in them. Byte by byte, with
/// a char decoded only past ASCII: it runs over every quotation of every article.
pub fn count_words(s: &str) -> usize {
    const SPACE: u8 = 1;
    const ALNUM: u8 = 2;
    const CLASS: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = if c.is_ascii_whitespace() || c == 0x0b { SPACE } else if c.is_ascii_alphanumeric() { ALNUM } else { 0 };
            b += 1;
        }
        t
    };
    let bytes = s.as_bytes();
    // `counted`: the current piece already has its letter or digit.
    let (mut words, mut counted) = (0, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let class = if b < 0x80 {
            i += 1;
            CLASS[b as usize]
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            non_ascii_class(c)
        };
        if class == SPACE {
            counted = false;
        } else if class == ALNUM && !counted {
            words += 1;
            counted = true;
        }
    }
    words
}

/// 1 for a space, 2 for a letter or digit, 0 otherwise. Curly quotes, dashes and ellipses are
/// looked up by range: the general Unicode tables cost hundreds of instructions a char.
fn non_ascii_class(c: char) -> u8 {
    match c {
        '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{a0}' => 1,
        '\u{2010}'..='\u{206f}' | '\u{a1}'..='\u{bf}' | '×' | '÷' => 0,
        'À'..='ɏ' => 2,
        _ if c.is_whitespace() => 1,
        _ if c.is_alphanumeric() => 2,
        _ => 0,
    }
}

/// Is quote `q` inside a quotation in marks (its words are counted there)?
fn inside_marks(a: &Analysis, q: usize) -> bool {
    let mut outer = a.quotes[q].outer;
    while let Some(o) = outer {
        if matches!(a.quotes[o].kind, QuoteKind::Direct | QuoteKind::Partial) {
            return true;
        }
        outer = a.quotes[o].outer;
    }
    false
}

/// Is quote `q` inside another quote of the same speaker (the same statement, counted once)?
fn inside_own(a: &Analysis, q: usize) -> bool {
    let speaker = a.quotes[q].speaker;
    let mut outer = a.quotes[q].outer;
    while let Some(o) = outer {
        if a.quotes[o].speaker == speaker {
            return true;
        }
        outer = a.quotes[o].outer;
    }
    false
}

/// The profile of an analysed article. `text` is the text `a` was made from; `known` the
/// newsroom's known speakers (for a configured gender).
pub fn profile(text: &str, a: &Analysis, known: &[KnownSpeaker]) -> Sources {
    let mut out = Sources::default();
    let mut quoted = vec![false; a.speakers.len()];
    for q in &a.quotes {
        match q.speaker {
            Some(sp) => quoted[sp] = true,
            None => out.unattributed += 1,
        }
    }
    let mut slot = vec![usize::MAX; a.speakers.len()];
    for s in &a.speakers {
        // The article's own voice ("I", "we" outside quotations) is never named: not a source.
        let named = s.mentions.first().is_some_and(|m| m.kind != MentionKind::Pronoun);
        if quoted[s.id] && named {
            slot[s.id] = out.list.len();
            out.list.push(new_source(text, a, s.id, known));
        }
    }
    for q in &a.quotes {
        let words = if matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial) && !inside_marks(a, q.id) {
            q.parts.iter().map(|p| count_words(p.text(text))).sum()
        } else {
            0
        };
        out.quoted_words += words;
        let Some(i) = q.speaker.map(|sp| slot[sp]).filter(|&i| i != usize::MAX) else { continue };
        let source = &mut out.list[i];
        source.quoted_words += words;
        if inside_own(a, q.id) {
            continue;
        }
        match q.kind {
            QuoteKind::Direct | QuoteKind::Partial => source.direct.push(q.id),
            QuoteKind::Indirect | QuoteKind::Mixed => source.reported.push(q.id),
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for (i, s) in out.list.iter().enumerate() {
        if s.quoted_words > 0 && best.is_none_or(|(_, w)| s.quoted_words > w) {
            best = Some((i, s.quoted_words));
        }
        if s.kind == SourceKind::Anonymous {
            out.anonymous += 1;
        }
        if s.kind == SourceKind::Person {
            out.people.add(s.gender);
        }
    }
    out.top = best.map(|(i, _)| i);
    out
}

fn new_source(text: &str, a: &Analysis, id: usize, known: &[KnownSpeaker]) -> Source {
    let s = &a.speakers[id];
    let kind = source_kind(text, a, id);
    let mut source = Source {
        speaker: id,
        kind,
        direct: Vec::new(),
        reported: Vec::new(),
        quoted_words: 0,
        first_mention: s.mentions[0].span,
        last_mention: s.mentions[s.mentions.len() - 1].span,
        gender: None,
        basis: GenderBasis::NotAPerson,
        evidence: Vec::new(),
    };
    if kind == SourceKind::Person {
        source.evidence = evidence(text, a, id);
        (source.gender, source.basis) = judge(&source.evidence);
        if source.gender.is_some() && !surely_one_person(text, a, id, &source.evidence) {
            (source.gender, source.basis) = (None, GenderBasis::Unsure);
        }
        if let Some(g) = configured_gender(&s.name, known) {
            (source.gender, source.basis) = (Some(g), GenderBasis::Configured);
        }
    }
    source
}

/// Is this lower-case head noun a document: "a report", "the survey", "official figures"?
fn document_head(w: &str) -> bool {
    matches!(
        w,
        "analysis" | "analyses" | "assessment" | "assessments" | "audit" | "audits" | "briefing" | "bulletin" | "census"
            | "communique" | "communiqué" | "data" | "document" | "documents" | "dossier" | "editorial" | "email"
            | "emails" | "estimate" | "estimates" | "figures" | "filing" | "filings" | "findings" | "forecast"
            | "forecasts" | "judgment" | "judgement" | "leaflet" | "letter" | "letters" | "memo" | "memorandum"
            | "minutes" | "poll" | "polls" | "record" | "records" | "release" | "report" | "reports" | "research"
            | "review" | "ruling" | "statement" | "statements" | "statistics" | "studies" | "study" | "survey"
            | "surveys" | "transcript" | "tweet"
    )
}

/// Words after which a description's head is already behind us ("a report by the council").
fn after_head(w: &str) -> bool {
    matches!(w, "by" | "from" | "of" | "for" | "in" | "on" | "published" | "released" | "issued" | "commissioned" | "that" | "which")
}

fn source_kind(text: &str, a: &Analysis, id: usize) -> SourceKind {
    let s = &a.speakers[id];
    // The first full mention as written ("Official figures"), else the name.
    let written = s.mentions.iter().find(|m| m.kind == MentionKind::Full).map_or(s.name.as_str(), |m| m.span.text(text));
    if is_document(written) {
        return SourceKind::Document;
    }
    match s.kind {
        SpeakerKind::Person => SourceKind::Person,
        SpeakerKind::Organization => SourceKind::Organization,
        SpeakerKind::Group => SourceKind::Group,
        SpeakerKind::Anonymous => SourceKind::Anonymous,
        SpeakerKind::Unknown => SourceKind::Unknown,
    }
}

/// Is the head noun of this description a document word, written as a common noun (lower case,
/// or capitalised only as the first word)? "Civic Polls", a name, is not.
pub fn is_document(description: &str) -> bool {
    let mut head: Option<(usize, &str)> = None;
    for (i, w) in description.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 && after_head(w) {
            break;
        }
        head = Some((i, w));
    }
    let Some((i, w)) = head else { return false };
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w);
    let lower_case = w.chars().next().is_some_and(char::is_lowercase);
    if !(lower_case || i == 0) {
        return false;
    }
    let mut buf = [0u8; 24];
    if w.len() > buf.len() || !w.is_ascii() {
        return document_head(&w.to_lowercase());
    }
    buf[..w.len()].copy_from_slice(w.as_bytes());
    buf[..w.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..w.len()]).is_ok_and(document_head)
}

/// Honorifics that state a gender, and the neutral "Mx" (with or without a final dot).
const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("Mr", Some(Gender::Man)),
    ("Mrs", Some(Gender::Woman)),
    ("Ms", Some(Gender::Woman)),
    ("Miss", Some(Gender::Woman)),
    ("Mx", None),
    ("Sir", Some(Gender::Man)),
    ("Dame", Some(Gender::Woman)),
    ("Lord", Some(Gender::Man)),
    ("Lady", Some(Gender::Woman)),
    ("Baroness", Some(Gender::Woman)),
    ("Baron", Some(Gender::Man)),
    ("Madam", Some(Gender::Woman)),
    ("Madame", Some(Gender::Woman)),
    ("Mme", Some(Gender::Woman)),
    ("Mademoiselle", Some(Gender::Woman)),
    ("Mlle", Some(Gender::Woman)),
    ("Monsieur", Some(Gender::Man)),
    ("Herr", Some(Gender::Man)),
    ("Frau", Some(Gender::Woman)),
    ("Señor", Some(Gender::Man)),
    ("Señora", Some(Gender::Woman)),
    ("Señorita", Some(Gender::Woman)),
    ("Signor", Some(Gender::Man)),
    ("Signora", Some(Gender::Woman)),
];

/// The honorific this word is ("Mrs", "Mr."), with the gender it states.
fn honorific_word(word: &str) -> Option<Option<Gender>> {
    // Every honorific starts with one of these capitals: most words are out at the first byte.
    if word.len() > 13 || !matches!(word.as_bytes().first(), Some(b'M' | b'S' | b'D' | b'L' | b'B' | b'H' | b'F')) {
        return None;
    }
    let bare = word.strip_suffix('.').unwrap_or(word);
    HONORIFICS.iter().find(|(h, _)| *h == bare).map(|(_, g)| *g)
}

/// Lexicon flags of a word in any case, lower-cased on the stack when short and ASCII.
fn flags_of(word: &str) -> u64 {
    let mut buf = [0u8; 24];
    if word.len() > buf.len() || !word.is_ascii() {
        return lexicon().flags(&word.to_lowercase());
    }
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf[..word.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..word.len()]).map_or(0, |w| lexicon().flags(w))
}

/// The honorific at the start of `word` (a word of a mention), if the next word is a name.
fn honorific(word: &str, next: Option<&str>) -> Option<Option<Gender>> {
    let g = honorific_word(word)?;
    // "Lord Mayor", "Lady Justice": a title follows, not a name. "Lord Scarman's nephew George
    // Ritchie": the honorific is someone else's.
    let next = next?;
    let possessive = ["'s", "’s", "s'", "s’"].iter().any(|p| next.trim_end_matches([',', ';', ':']).ends_with(p));
    let next = next.trim_matches(|c: char| !c.is_alphanumeric());
    let cap = next.chars().next().is_some_and(char::is_uppercase);
    let title = flags_of(next) & flag::TITLE != 0;
    (cap && !title && !possessive).then_some(g)
}

/// Every word in the text that says something about this person's gender.
fn evidence(text: &str, a: &Analysis, id: usize) -> Vec<Evidence> {
    let s = &a.speakers[id];
    let mut out = Vec::new();
    for m in &s.mentions {
        match m.kind {
            MentionKind::Pronoun => {
                let word = m.span.text(text);
                let gender = if word.eq_ignore_ascii_case("she") {
                    Some(Gender::Woman)
                } else if word.eq_ignore_ascii_case("he") {
                    Some(Gender::Man)
                } else if word.eq_ignore_ascii_case("they") {
                    None
                } else {
                    continue;
                };
                if nearest_source_before(a, m.span.start) == Some(id) {
                    out.push(Evidence { span: m.span, kind: EvidenceKind::Pronoun, gender });
                }
            }
            MentionKind::Full | MentionKind::Short => honorifics_in(text, m.span, &mut out),
            MentionKind::Role => {}
        }
    }
    out
}

/// The honorifics in a mention ("Ms" in "Ms Ruiz"). Words start after an ASCII space: names in
/// a mention are spaced so, and a byte test rejects most words at their first letter.
fn honorifics_in(text: &str, mention: Span, out: &mut Vec<Evidence>) {
    let written = mention.text(text);
    let bytes = written.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = bytes[at..].iter().position(|&b| b == b' ').map_or(bytes.len(), |n| at + n);
        if end > at && matches!(bytes[at], b'M' | b'S' | b'D' | b'L' | b'B' | b'H' | b'F') && end < bytes.len() {
            let next_end = bytes[end + 1..].iter().position(|&b| b == b' ').map_or(bytes.len(), |n| end + 1 + n);
            let (word, next) = (&written[at..end], &written[end + 1..next_end]);
            if let Some(gender) = honorific(word, Some(next).filter(|n| !n.is_empty())) {
                let start = mention.start + at;
                let len = word.strip_suffix('.').unwrap_or(word).len();
                out.push(Evidence { span: Span::new(start, start + len), kind: EvidenceKind::Honorific, gender });
            }
        }
        at = end + 1;
    }
}

/// Is this source surely one person, so that pronouns may speak for them? An honorific says so.
/// Otherwise they must be referred to as news refers to people (by surname alone, by a role noun,
/// or as "a party spokesman"): names the engine took for people ("World
/// Cup", "Hewlett Packard") are mentioned in full every time. And two given names with one
/// surname ("Norah Jones", "Quincy Jones") are two people taken for one.
fn surely_one_person(text: &str, a: &Analysis, id: usize, evidence: &[Evidence]) -> bool {
    let s = &a.speakers[id];
    let mut given: Option<&str> = None;
    let mut last_written = "";
    for m in s.mentions.iter().filter(|m| m.kind == MentionKind::Full) {
        // The same name again says nothing new.
        let written = m.span.text(text);
        if std::mem::replace(&mut last_written, written) == written {
            continue;
        }
        if let Some(g) = given_name(written) {
            if given.is_some_and(|first| first != g) {
                return false;
            }
            given = Some(g);
        }
    }
    if evidence.iter().any(|e| e.kind == EvidenceKind::Honorific) {
        return true;
    }
    // "Greer" (or "Ms Greer") after "Germaine Greer": the last of two or more name words alone;
    // "the president" after "President Ana Ruiz": a title noun.
    let surname = s.name.split_whitespace().nth(1).and(s.name.split_whitespace().last()).filter(|w| !NOT_SURNAMES.contains(w));
    let as_person = || s.mentions.iter().any(|m| {
        let mut words = m.span.text(text).split_whitespace().filter(|w| honorific_word(w).is_none());
        let (first, more) = (words.next(), words.next());
        match m.kind {
            MentionKind::Role => words_last(m.span.text(text)).is_some_and(|w| flags_of(w) & flag::TITLE != 0),
            MentionKind::Short => more.is_none() && first.is_some() && first == surname,
            _ => false,
        }
    });
    // "a party spokesman": a person noun as the head. (Roles are no help: the engine reads
    // "reality" as the role of "the reality TV".)
    let described = s.mentions.iter().find(|m| m.kind == MentionKind::Full).is_some_and(|m| {
        m.span.text(text).split_whitespace().last().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    });
    described || as_person()
}

/// Last words of names the engine may take for people that are events, laws or prizes
/// ("World Indoor Championships", "Gambling Bill"), never a surname alone.
const NOT_SURNAMES: &[&str] = &[
    "Act", "Awards", "Bill", "Championship", "Championships", "Cup", "Day", "Festival", "Games", "League", "Open", "Prize",
    "Report", "Series", "Show", "Tour", "Treaty", "Trophy",
];

fn words_last(s: &str) -> Option<&str> {
    s.split_whitespace().last().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// The word before the surname in a full name ("Norah" in "singer Norah Jones"), if it is a
/// given name: capitalised, not an initial, an honorific or a title.
fn given_name(written: &str) -> Option<&str> {
    let g = written.split_whitespace().rev().nth(1)?.trim_matches(|c: char| !c.is_alphanumeric());
    let cap = g.chars().next().is_some_and(char::is_uppercase);
    let initial = g.chars().count() <= 1;
    let honorific = honorific_word(g).is_some();
    (cap && !initial && !honorific && flags_of(g) & (flag::TITLE | flag::HONORIFIC) == 0).then_some(g)
}

/// The speaker of the mention that ends nearest before `offset`.
fn nearest_source_before(a: &Analysis, offset: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for s in &a.speakers {
        let i = s.mentions.partition_point(|m| m.span.end <= offset);
        if let Some(m) = i.checked_sub(1).map(|i| &s.mentions[i]) {
            if best.is_none_or(|(end, _)| m.span.end > end) {
                best = Some((m.span.end, s.id));
            }
        }
    }
    best.map(|(_, id)| id)
}

/// What the evidence adds up to: one gender when it all agrees, else not stated and why.
fn judge(evidence: &[Evidence]) -> (Option<Gender>, GenderBasis) {
    if evidence.is_empty() {
        return (None, GenderBasis::NoEvidence);
    }
    let first = evidence[0].gender;
    if evidence.iter().any(|e| e.gender != first) {
        return (None, GenderBasis::Conflict);
    }
    match first {
        Some(g) => (Some(g), GenderBasis::Text),
        None => (None, GenderBasis::Neutral),
    }
}

/// The gender `.whosaid.toml` gives for this name: the configured name, or the end of this name
/// ("Vladimir Putin" for a configured "Putin"), compared word by word without case and honorifics.
fn configured_gender(name: &str, known: &[KnownSpeaker]) -> Option<Gender> {
    if known.iter().all(|k| k.gender.is_none()) {
        return None;
    }
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .filter(|w| !HONORIFICS.iter().any(|(h, _)| h.to_lowercase() == *w))
            .collect()
    };
    let have = words(name);
    known.iter().filter(|k| k.gender.is_some()).find_map(|k| {
        let want = words(&k.name);
        (!want.is_empty() && have.ends_with(&want)).then_some(k.gender?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: EvidenceKind, gender: Option<Gender>) -> Evidence {
        Evidence { span: Span::default(), kind, gender }
    }

    #[test]
    fn evidence_adds_up_to_one_gender_or_none() {
        use EvidenceKind::{Honorific as H, Pronoun as P};
        use Gender::{Man, Woman};
        let cases: &[(&[(EvidenceKind, Option<Gender>)], Option<Gender>, GenderBasis)] = &[
            (&[], None, GenderBasis::NoEvidence),
            (&[(P, Some(Woman))], Some(Woman), GenderBasis::Text),
            (&[(H, Some(Man)), (P, Some(Man))], Some(Man), GenderBasis::Text),
            (&[(H, Some(Man)), (P, Some(Woman))], None, GenderBasis::Conflict),
            (&[(P, Some(Man)), (P, Some(Woman))], None, GenderBasis::Conflict),
            // "they" for a person is a pronoun, not a gender: alone it states none, and beside
            // "she" it means the text is not consistent about this source.
            (&[(P, None)], None, GenderBasis::Neutral),
            (&[(P, None), (P, Some(Woman))], None, GenderBasis::Conflict),
            (&[(H, None)], None, GenderBasis::Neutral),
        ];
        for (list, gender, basis) in cases {
            let list: Vec<Evidence> = list.iter().map(|(k, g)| ev(*k, *g)).collect();
            assert_eq!(judge(&list), (*gender, *basis), "{list:?}");
        }
    }

    #[test]
    fn honorifics_before_a_name_only() {
        let cases: &[(&str, Option<&str>, Option<Option<Gender>>)] = &[
            ("Ms", Some("Ruiz"), Some(Some(Gender::Woman))),
            ("Mr.", Some("Lind"), Some(Some(Gender::Man))),
            ("Dame", Some("Ines"), Some(Some(Gender::Woman))),
            ("Mx", Some("Vale"), Some(None)),
            ("Lord", Some("Mayor"), None),
            ("Lord", Some("Scarman's"), None),
            ("Ms", None, None),
            ("ms", Some("Ruiz"), None),
            ("Miss", Some("the"), None),
            // A single letter is an initial, never "M." for Monsieur.
            ("M.", Some("Dupont"), None),
        ];
        for (word, next, want) in cases {
            assert_eq!(honorific(word, *next), *want, "{word} {next:?}");
        }
    }

    #[test]
    fn document_heads() {
        let cases: &[(&str, bool)] = &[
            ("The report", true),
            ("a new study", true),
            ("Official figures", true),
            ("Figures", true),
            ("a survey by the council", true),
            ("the minister's statement", true),
            ("Civic Polls", false),
            ("The Drudge Report", false),
            ("the French presidency", false),
            ("a report's author", false),
            ("news agency AFP", false),
            ("", false),
        ];
        for (description, want) in cases {
            assert_eq!(is_document(description), *want, "{description}");
        }
    }

    #[test]
    fn words_counted_as_a_reader_counts_them() {
        for (s, n) in [("“We are ready,”", 3), ("well-known £600m plan — 42%", 4), ("", 0), ("“ … ”", 0), ("Señora Ruiz’s", 2)] {
            assert_eq!(count_words(s), n, "{s}");
        }
    }

    #[test]
    fn given_names_tell_two_people_apart() {
        for (full, given) in [("Norah Jones", Some("Norah")), ("singer Norah Jones", Some("Norah")), ("Mr Jones", None), ("George W. Bush", None), ("Jones", None)] {
            assert_eq!(given_name(full), given, "{full}");
        }
    }
}
