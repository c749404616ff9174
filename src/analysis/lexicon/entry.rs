//! What the lexicon knows about a word (flags, verb, gender) and about a phrase (its kinds).
//! Shared, as source, by the build script that compiles the word lists into static tables
//! (`build.rs`) and by the engine that reads them, so both agree on every flag and field.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Base,
    Third,
    Past,
    Participle,
    Gerund,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loaded {
    Doubt,
    Guilt,
    Truth,
    Emphasis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbClass {
    Speech,
    Loaded(Loaded),
    NonSpeech,
    Mental,
    Written,
    Evidence,
}

#[derive(Clone, Debug)]
pub struct Verb {
    pub base: &'static str,
    pub third: &'static str,
    pub past: &'static str,
    pub participle: &'static str,
    pub gerund: &'static str,
    pub class: VerbClass,
    /// "tell", "inform": the object is the listener.
    pub listener: bool,
    /// Takes a reported clause without "that" ("said the talks failed").
    pub takes_clause: bool,
    /// Particle of a phrasal verb ("out" in "point out").
    pub particle: Option<&'static str>,
    /// Reports a clause after ", who" with no "that" ("Ruiz, who says she is proud").
    pub relative: bool,
    /// Its direct object is not what was said ("asked the mayor").
    pub no_object: bool,
    /// A named object is the person talked about ("criticized Mayor Ruiz for …").
    pub target: bool,
    /// "about/of/on X" names what was talked about ("spoke of the flood").
    pub topic: bool,
    /// "to" + a verb is the content ("vowed to rebuild the pier").
    pub promise: bool,
    /// Listener + "to" + a verb is the content ("urged voters to stay home").
    pub request: bool,
    /// Evidence that is speech when a person is its source ("Kane suggested that …", not "figures
    /// suggest …").
    pub person: bool,
}

impl Verb {
    /// The form of "say" matching `form` ("claimed" → "said", "claims" → "says").
    pub fn say_in(form: Form) -> &'static str {
        match form {
            Form::Base => "say",
            Form::Third => "says",
            Form::Past | Form::Participle => "said",
            Form::Gerund => "saying",
        }
    }
}

pub mod flag {
    pub const FIRST_NAME: u64 = 1 << 0;
    pub const AMBIGUOUS_NAME: u64 = 1 << 1;
    pub const TITLE: u64 = 1 << 2;
    pub const COLLECTIVE: u64 = 1 << 3;
    pub const HONORIFIC: u64 = 1 << 4;
    pub const ORG_HEAD: u64 = 1 << 5;
    pub const ORG_SUFFIX: u64 = 1 << 6;
    pub const MEDIA: u64 = 1 << 7;
    pub const GROUP: u64 = 1 << 8;
    pub const GROUP_WEASEL: u64 = 1 << 9;
    pub const GROUP_MAYBE: u64 = 1 << 10;
    pub const ATTR_NOUN: u64 = 1 << 11;
    pub const DOUBT: u64 = 1 << 12;
    pub const HEDGE: u64 = 1 << 13;
    pub const PARTICIPLE: u64 = 1 << 14;
    pub const ABBREV: u64 = 1 << 15;
    pub const PLACE: u64 = 1 << 16;
    pub const FUNCTION: u64 = 1 << 17;
    pub const VERB: u64 = 1 << 18;
    pub const DAY_MONTH: u64 = 1 << 19;
    /// First word of some multi-word phrase.
    pub const PHRASE: u64 = 1 << 20;
    pub const COUNTRY: u64 = 1 << 21;
    // Closed word classes used by the grammar rules (lists below).
    pub const AUX: u64 = 1 << 22;
    pub const BE: u64 = 1 << 23;
    pub const ADVERB: u64 = 1 << 24;
    pub const DET_NOUN: u64 = 1 << 25;
    pub const DET: u64 = 1 << 26;
    pub const PRONOUN: u64 = 1 << 27;
    pub const PREP: u64 = 1 << 28;
    pub const TIME: u64 = 1 << 29;
    pub const PASSIVE_ADV: u64 = 1 << 30;
    /// First word of a multi-word title, organisation or place ("press secretary").
    pub const PHRASE_NAME: u64 = 1 << 31;
    /// First word of a multi-word weasel, doubt or anonymity phrase ("some say").
    pub const PHRASE_CLAIM: u64 = 1 << 32;
    /// A word the claim model weighs (lexicon/claim_cues.txt): a sentence without one is not scored.
    pub const CLAIM_CUE: u64 = 1 << 33;
    /// A past or present third-person form of a verb ("rose", "means", "said"): reported
    /// content holding one reads as a clause, not a noun phrase.
    pub const FINITE: u64 = 1 << 34;
    /// The base form of a verb ("they want", "we need").
    pub const BASE_VERB: u64 = 1 << 35;
    /// A lower-case word inside a surname ("Sandra den Hamer", "Bill de Blasio").
    pub const NAME_PARTICLE: u64 = 1 << 36;
    /// A noun that names a view, a doubt or a charge (lexicon/view_nouns.txt): "amid concerns
    /// that", "has faced questions over".
    pub const VIEW_NOUN: u64 = 1 << 37;
    /// The last word of a two-word claim looked up from its end (lexicon/claim_pairs.tsv: "as
    /// expected", "when asked"); their first words get no PHRASE flag.
    pub const PAIR_LAST: u64 = 1 << 38;
    /// The second word of a weasel, doubt, hedge, unnamed or anonymity phrase, when the lists
    /// already know that word: a claim phrase can only go on through such a word, so the scan
    /// rejects most phrase starts ("it", "as") with no key built.
    pub const CLAIM_SECOND: u64 = 1 << 39;
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Entry {
    pub flags: u64,
    /// Index into `Lexicon::verbs`, with the form this word is.
    pub verb: Option<(u32, Form)>,
    pub gender: Gender,
    pub participle: Option<ParticipleKind>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParticipleKind {
    Perception,
    Report,
    Expectation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    Title(Gender, bool),
    Org,
    Media,
    Weasel,
    AnonBare,
    AnonDescribed,
    AnonReason,
    AttrNoun,
    Doubt,
    Hedge,
    /// A question or a deliberation by nobody named: "when asked", "under consideration".
    Unnamed,
    Place,
}
