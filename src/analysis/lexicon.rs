//! Word lists compiled into the binary (`lexicon/*.tsv|txt`, see `lexicon/NOTICE.md` for their
//! sources), parsed once into one hash map from a lower-case word to everything known about it.
//! Multi-word entries ("press secretary", "on condition of anonymity") live in phrase sets.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FxHash: the lexicon is hit for every word of every article, and SipHash is several times slower.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
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
    pub base: Box<str>,
    pub third: Box<str>,
    pub past: Box<str>,
    pub participle: Box<str>,
    pub gerund: Box<str>,
    pub class: VerbClass,
    /// "tell", "inform": the object is the listener.
    pub listener: bool,
    /// Takes a reported clause without "that" ("said the talks failed").
    pub takes_clause: bool,
    /// Particle of a phrasal verb ("out" in "point out").
    pub particle: Option<Box<str>>,
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
    /// A past or present third-person form of a verb ("rose", "means", "said"): reported
    /// content holding one reads as a clause, not a noun phrase.
    pub const FINITE: u64 = 1 << 33;
    /// The base form of a verb ("they want", "we need").
    pub const BASE_VERB: u64 = 1 << 34;
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
    Place,
}

/// Closed word classes: compiled into flags so that a rule tests a bit, not a list.
pub const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "may",
    "might", "must", "can", "did", "does", "do", "shall", "'s", "’s", "'d", "’d",
];
pub const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "’s", "am"];
pub const ADVERBS: &[&str] = &[
    "also", "again", "later", "then", "previously", "earlier", "repeatedly", "recently", "once", "never", "ever", "further",
    "publicly", "privately", "separately", "simply", "only", "even", "just", "already", "still", "often", "always",
    "sometimes", "reportedly", "allegedly", "first", "initially", "subsequently", "now", "not", "n't", "frequently",
    "clearly", "flatly", "firmly", "bluntly", "openly", "quietly", "angrily", "repeatedly", "have", "has", "had", "will",
    "would", "could", "should", "did", "does", "do", "is", "was", "are", "were", "has", "been", "last", "late",
    "explicitly", "directly", "specifically", "confidently", "emphatically", "tersely", "curtly", "succinctly",
];
pub const DETERMINERS_BEFORE_NOUN: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "whose"];
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "some", "many",
    "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "both", "all", "most", "other", "one",
    "each", "every", "no", "few", "numerous", "multiple", "various",
];
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
pub const PREPOSITIONS: &[&str] = &[
    "to", "with", "about", "on", "at", "for", "in", "of", "from", "by", "into", "over", "after", "before", "during", "against",
    "without", "through", "under", "between", "among", "as", "like", "via", "up", "out", "off", "down", "back", "away",
];
pub const TIME_NOUNS: &[&str] = &["week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "day", "today", "yesterday", "tonight", "summer", "winter", "autumn"];
pub const PASSIVE_ADVERBS: &[&str] = &[
    "being", "widely", "generally", "largely", "also", "now", "increasingly", "still", "often", "commonly", "broadly",
    "not", "long", "privately", "publicly", "internally", "already", "further", "frequently", "strongly", "firmly",
    "universally", "popularly", "sometimes", "previously", "once", "originally", "traditionally", "reportedly",
];

struct Slot {
    key_start: u32,
    key_len: u32,
    /// A key of at most 8 bytes as [`small_word`] reads it: most words are short, and they are
    /// compared with it without touching the key arena.
    small: u64,
    entry: Entry,
}

pub struct Lexicon {
    pub words: FxMap<Box<str>, Entry>,
    /// Open-addressing index over `words` for case-insensitive ASCII look-ups without copying the
    /// word. The table holds (hash tag, slot) so most misses never leave it; keys sit in one
    /// arena so a hit touches little memory (this look-up runs for every word of every article).
    slots: Vec<Slot>,
    /// `slots[i].entry.flags` as a dense table: the flags are what most token tests read.
    slot_flags: Vec<u64>,
    table: Vec<(u32, u32)>,
    keys: String,
    pub verbs: Vec<Verb>,
    /// Multi-word phrases (lower-case words joined by one space) → kinds.
    pub phrases: FxMap<Box<str>, Vec<PhraseKind>>,
    /// Every leading part of two or more words of a phrase, so a match can stop early.
    prefixes: FxMap<Box<str>, ()>,
    pub max_phrase_words: usize,
}

/// The clause flag of a verb form: finite for a past or third-person form, base for a base form.
fn finite_flag(form: Form) -> u64 {
    match form {
        Form::Past | Form::Third => flag::FINITE,
        Form::Base => flag::BASE_VERB,
        Form::Participle | Form::Gerund => 0,
    }
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn cols(line: &'static str) -> Vec<&'static str> {
    line.split('\t').map(str::trim).collect()
}

impl Lexicon {
    fn entry(&mut self, word: &str) -> &mut Entry {
        if !self.words.contains_key(word) {
            self.words.insert(word.into(), Entry::default());
        }
        self.words.get_mut(word).unwrap()
    }

    /// Record a single word with `flag`, or a phrase with `kind` (its first word gets PHRASE).
    fn add(&mut self, text: &str, flag: u64, kind: PhraseKind) -> Option<&mut Entry> {
        let norm = normalize_phrase(text);
        if norm.is_empty() {
            return None;
        }
        if norm.contains(' ') {
            let n = norm.split(' ').count();
            self.max_phrase_words = self.max_phrase_words.max(n);
            let first = norm.split(' ').next().unwrap_or("").to_string();
            let start_flag = match kind {
                PhraseKind::Title(..) | PhraseKind::Org | PhraseKind::Media | PhraseKind::Place => flag::PHRASE_NAME,
                _ => flag::PHRASE_CLAIM,
            };
            self.entry(&first).flags |= flag::PHRASE | start_flag;
            let words: Vec<&str> = norm.split(' ').collect();
            for k in 2..=words.len() {
                self.prefixes.insert(words[..k].join(" ").into_boxed_str(), ());
            }
            let kinds = self.phrases.entry(norm.into_boxed_str()).or_default();
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
            None
        } else {
            let e = self.entry(&norm);
            e.flags |= flag;
            Some(e)
        }
    }

    fn build() -> Lexicon {
        let mut lx = Lexicon { words: FxMap::default(), slots: Vec::new(), slot_flags: Vec::new(), table: Vec::new(), keys: String::new(), verbs: Vec::new(), phrases: FxMap::default(), prefixes: FxMap::default(), max_phrase_words: 1 };
        for line in lines(include_str!("lexicon/verbs.tsv")) {
            let c = cols(line);
            if c.len() < 6 {
                continue;
            }
            let class = match c[5] {
                "speech" => VerbClass::Speech,
                "loaded:doubt" => VerbClass::Loaded(Loaded::Doubt),
                "loaded:guilt" => VerbClass::Loaded(Loaded::Guilt),
                "loaded:truth" => VerbClass::Loaded(Loaded::Truth),
                "loaded:emphasis" => VerbClass::Loaded(Loaded::Emphasis),
                "nonspeech" => VerbClass::NonSpeech,
                "mental" => VerbClass::Mental,
                "written" => VerbClass::Written,
                "evidence" => VerbClass::Evidence,
                _ => VerbClass::Speech,
            };
            let flags = c.get(6).copied().unwrap_or("-");
            let has = |f: &str| flags.split(',').any(|x| x == f);
            let split = |s: &str| -> (Box<str>, Option<Box<str>>) {
                match s.split_once(' ') {
                    Some((w, p)) => (w.into(), Some(p.into())),
                    None => (s.into(), None),
                }
            };
            let (base, particle) = split(c[0]);
            let verb = Verb {
                base,
                third: split(c[1]).0,
                past: split(c[2]).0,
                participle: split(c[3]).0,
                gerund: split(c[4]).0,
                class,
                listener: has("listener"),
                takes_clause: has("that") || has("quote"),
                particle,
                relative: has("relative"),
                no_object: has("no-object"),
                target: has("target"),
                topic: has("topic"),
                promise: has("promise"),
                request: has("request"),
                person: has("person"),
            };
            let idx = lx.verbs.len() as u32;
            // Gerund first so that a form shared with the past ("said") ends up as Past.
            let forms = [
                (verb.gerund.clone(), Form::Gerund),
                (verb.participle.clone(), Form::Participle),
                (verb.past.clone(), Form::Past),
                (verb.third.clone(), Form::Third),
                (verb.base.clone(), Form::Base),
            ];
            lx.verbs.push(verb);
            for (w, form) in forms {
                let e = lx.entry(&w);
                // Keep the first verb that claimed a word ("found": find, not found).
                if e.verb.is_none() || e.verb.map(|(i, _)| i) == Some(idx) {
                    e.verb = Some((idx, form));
                }
                e.flags |= flag::VERB | finite_flag(form);
            }
        }
        for line in lines(include_str!("lexicon/common_verbs.tsv")) {
            let c = cols(line);
            for (w, f) in c.iter().zip([flag::BASE_VERB, flag::FINITE, flag::FINITE]).filter(|(w, _)| **w != "-") {
                lx.entry(w).flags |= f;
            }
        }
        for line in lines(include_str!("lexicon/attribution_nouns.txt")) {
            lx.add(line, flag::ATTR_NOUN, PhraseKind::AttrNoun);
        }
        for line in lines(include_str!("lexicon/titles.tsv")) {
            let c = cols(line);
            let gender = Gender::parse(c.get(1).copied().unwrap_or("-"));
            let collective = c.get(2) == Some(&"collective");
            let f = flag::TITLE | if collective { flag::COLLECTIVE } else { 0 };
            if let Some(e) = lx.add(c[0], f, PhraseKind::Title(gender, collective)) {
                if gender != Gender::Unknown {
                    e.gender = gender;
                }
            }
        }
        for line in lines(include_str!("lexicon/honorifics.tsv")) {
            let c = cols(line);
            let w = c[0].trim_end_matches('.');
            let gender = Gender::parse(c.get(1).copied().unwrap_or("-"));
            if let Some(e) = lx.add(w, flag::HONORIFIC, PhraseKind::Title(gender, false)) {
                if gender != Gender::Unknown {
                    e.gender = gender;
                }
            }
        }
        for line in lines(include_str!("lexicon/first_names.tsv")) {
            let c = cols(line);
            let ambiguous = c.get(2) == Some(&"ambiguous");
            let gender = Gender::parse(c.get(1).copied().unwrap_or("u"));
            let e = lx.entry(&normalize_phrase(c[0]));
            e.flags |= flag::FIRST_NAME | if ambiguous { flag::AMBIGUOUS_NAME } else { 0 };
            if e.gender == Gender::Unknown {
                e.gender = gender;
            }
        }
        for line in lines(include_str!("lexicon/org_words.tsv")) {
            let c = cols(line);
            let (f, k) = match c.get(1).copied().unwrap_or("head") {
                "suffix" => (flag::ORG_SUFFIX, PhraseKind::Org),
                "media" => (flag::MEDIA, PhraseKind::Media),
                _ => (flag::ORG_HEAD, PhraseKind::Org),
            };
            lx.add(c[0].trim_end_matches('.'), f, k);
        }
        for line in lines(include_str!("lexicon/group_nouns.tsv")) {
            let c = cols(line);
            let f = flag::GROUP
                | match c.get(1).copied() {
                    Some("yes") => flag::GROUP_WEASEL,
                    Some("maybe") => flag::GROUP_MAYBE,
                    _ => 0,
                };
            lx.add(c[0], f, PhraseKind::Weasel);
        }
        for line in lines(include_str!("lexicon/weasel_phrases.txt")) {
            lx.add(line, 0, PhraseKind::Weasel);
        }
        for line in lines(include_str!("lexicon/anonymous.tsv")) {
            let c = cols(line);
            let k = match c.get(1).copied() {
                Some("described") => PhraseKind::AnonDescribed,
                Some("reason") => PhraseKind::AnonReason,
                _ => PhraseKind::AnonBare,
            };
            lx.add(c[0], 0, k);
        }
        for line in lines(include_str!("lexicon/doubt_words.tsv")) {
            let c = cols(line);
            let (f, k) = if c.get(1) == Some(&"hedge") { (flag::HEDGE, PhraseKind::Hedge) } else { (flag::DOUBT, PhraseKind::Doubt) };
            lx.add(c[0], f, k);
        }
        for line in lines(include_str!("lexicon/passive_participles.tsv")) {
            let c = cols(line);
            let kind = match c.get(1).copied() {
                Some("report") => ParticipleKind::Report,
                Some("expectation") => ParticipleKind::Expectation,
                _ => ParticipleKind::Perception,
            };
            let e = lx.entry(&normalize_phrase(c[0]));
            e.flags |= flag::PARTICIPLE;
            e.participle = Some(kind);
        }
        for line in lines(include_str!("lexicon/abbreviations.txt")) {
            lx.entry(&line.to_lowercase()).flags |= flag::ABBREV;
        }
        for line in lines(include_str!("lexicon/places.tsv")) {
            let c = cols(line);
            let f = flag::PLACE | if c.get(1) == Some(&"country") { flag::COUNTRY } else { 0 };
            lx.add(c[0].trim_end_matches('.'), f, PhraseKind::Place);
        }
        for line in lines(include_str!("lexicon/function_words.txt")) {
            let w = normalize_phrase(line);
            let e = lx.entry(&w);
            const DAYS_MONTHS: &[&str] = &[
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december",
            ];
            e.flags |= if DAYS_MONTHS.contains(&w.as_str()) { flag::DAY_MONTH } else { flag::FUNCTION };
        }
        for (list, f) in [
            (AUX, flag::AUX),
            (BE, flag::BE),
            (ADVERBS, flag::ADVERB),
            (DETERMINERS_BEFORE_NOUN, flag::DET_NOUN),
            (DETERMINERS, flag::DET),
            (PRONOUNS, flag::PRONOUN),
            (PREPOSITIONS, flag::PREP),
            (TIME_NOUNS, flag::TIME),
            (PASSIVE_ADVERBS, flag::PASSIVE_ADV),
        ] {
            for w in list {
                lx.entry(&w.replace('’', "'")).flags |= f;
            }
        }
        let cap = (lx.words.len() * 2).next_power_of_two();
        lx.table = vec![(0, u32::MAX); cap];
        for (k, e) in &lx.words {
            let h = hash_ci(k.as_bytes());
            let mut i = h as usize & (cap - 1);
            while lx.table[i].1 != u32::MAX {
                i = (i + 1) & (cap - 1);
            }
            lx.table[i] = ((h >> 32) as u32, lx.slots.len() as u32);
            // Stored lower-cased: equal ignoring ASCII case becomes equal to the folded word.
            let lower = k.to_ascii_lowercase();
            let small = if lower.len() <= 8 { small_word(lower.as_bytes()) } else { 0 };
            lx.slots.push(Slot { key_start: lx.keys.len() as u32, key_len: k.len() as u32, small, entry: *e });
            lx.keys.push_str(&lower);
        }
        lx.slot_flags = lx.slots.iter().map(|s| s.entry.flags).collect();
        lx
    }

    /// Look up a word in any letter case. ASCII words are hashed in place; others are lower-cased.
    #[inline]
    pub fn get_ci(&self, word: &str) -> Option<&Entry> {
        self.index_ci(word).map(|i| self.entry_at(i))
    }

    /// [`Lexicon::get_ci`] for a word known to be ASCII.
    #[inline]
    pub fn get_ci_ascii(&self, word: &str) -> Option<&Entry> {
        self.index_ci_ascii(word).map(|i| self.entry_at(i))
    }

    /// The entry at an index from [`Lexicon::index_ci`] (tokens keep the index, not a pointer).
    #[inline]
    pub fn entry_at(&self, i: u32) -> &Entry {
        &self.slots[i as usize].entry
    }

    /// The flags of the entry at `i`; 0 for an index out of range (a token with no entry).
    #[inline]
    pub fn flags_at(&self, i: u32) -> u64 {
        self.slot_flags.get(i as usize).copied().unwrap_or(0)
    }

    /// [`Lexicon::get_ci`] as an index for [`Lexicon::entry_at`].
    #[inline]
    pub fn index_ci(&self, word: &str) -> Option<u32> {
        if word.is_ascii() {
            return self.index_ci_ascii(word);
        }
        // As `words.get(lower(word))`: an exact match with a key.
        let mut buf = super::text::Scratch::new();
        let lowered = super::text::lower(word, &mut buf).as_bytes();
        self.probe(hash_ci(lowered), |s| self.key(s) == lowered)
    }

    /// [`Lexicon::index_ci`] for a word known to be ASCII.
    #[inline(always)]
    pub fn index_ci_ascii(&self, word: &str) -> Option<u32> {
        self.index_ci_ascii_bytes(word.as_bytes())
    }

    /// [`Lexicon::index_ci_ascii`] on bytes (the tokenizer has them; no char-boundary check).
    #[inline(always)]
    pub fn index_ci_ascii_bytes(&self, w: &[u8]) -> Option<u32> {
        let n = w.len();
        if n <= 8 {
            return self.index_ci_small(small_word(w), n);
        }
        self.probe(hash_ci(w), |s| s.key_len as usize == n && eq_lower(self.key(s), w))
    }

    /// [`Lexicon::index_ci_ascii`] of the word of `n <= 8` bytes held in `x` as [`small_word`]
    /// reads it (the tokenizer has it in a register already).
    #[inline(always)]
    pub fn index_ci_small(&self, x: u64, n: usize) -> Option<u32> {
        // The lower-cased word in one register: hashed, and compared with `Slot::small`.
        let x = lower8(x);
        self.probe(hash_small(x, n), |s| s.small == x && s.key_len as usize == n)
    }

    #[inline(always)]
    fn key(&self, s: &Slot) -> &[u8] {
        &self.keys.as_bytes()[s.key_start as usize..(s.key_start + s.key_len) as usize]
    }

    /// The slot whose key `matches`, among those filed under hash `h` (linear probing).
    #[inline(always)]
    fn probe(&self, h: u64, matches: impl Fn(&Slot) -> bool) -> Option<u32> {
        let tag = (h >> 32) as u32;
        let mask = self.table.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let (t, slot) = self.table[i];
            if slot == u32::MAX {
                return None;
            }
            if t == tag {
                if matches(&self.slots[slot as usize]) {
                    return Some(slot);
                }
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    pub fn get(&self, lower: &str) -> Option<&Entry> {
        self.words.get(lower)
    }

    #[inline]
    pub fn flags(&self, lower: &str) -> u64 {
        self.words.get(lower).map_or(0, |e| e.flags)
    }

    /// Could `normalized` (two or more words) grow into a phrase?
    #[inline]
    pub fn is_prefix(&self, normalized: &str) -> bool {
        self.prefixes.contains_key(normalized)
    }

    pub fn phrase(&self, normalized: &str) -> Option<&[PhraseKind]> {
        self.phrases.get(normalized).map(Vec::as_slice)
    }

    pub fn verb(&self, lower: &str) -> Option<(&Verb, Form)> {
        self.words.get(lower).and_then(|e| e.verb).map(|(i, f)| (&self.verbs[i as usize], f))
    }

}

/// `x` with the ASCII capitals among its 8 bytes lower-cased (`u8::to_ascii_lowercase` on each).
#[inline(always)]
fn lower8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte, on its low 7 bits (no carry can cross into the next byte): the high bit of
    // `ge_a` says >= 'A', that of `gt_z` says > 'Z'; a byte with its own high bit set is not ASCII.
    let low = x & !HIGH;
    let ge_a = low + ONES * (0x80 - b'A' as u64);
    let gt_z = low + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

/// `key == w.to_ascii_lowercase()`, 8 bytes at a time with overlapping loads.
#[inline(always)]
fn eq_lower(key: &[u8], w: &[u8]) -> bool {
    let n = w.len();
    if n != key.len() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if read8(key, i) != lower8(read8(w, i)) {
                return false;
            }
            i += 8;
        }
        read8(key, n - 8) == lower8(read8(w, n - 8))
    } else {
        small_word(key) == lower8(small_word(w))
    }
}

#[inline(always)]
fn read4(b: &[u8], i: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(w)
}

/// A hash equal for words equal ignoring ASCII case. A word of up to 8 bytes is lower-cased
/// exactly in one register; longer ones are folded with `| 0x20` (A-Z to a-z; the few other
/// bytes it merges only cost a key comparison). Read with overlapping loads, not byte by byte:
/// this runs for every word of every article.
#[inline]
fn hash_ci(b: &[u8]) -> u64 {
    const FOLD: u64 = 0x2020_2020_2020_2020;
    let n = b.len();
    if n <= 8 {
        return hash_small(lower8(small_word(b)), n);
    }
    let mut h = 0u64;
    let mut i = 0;
    while i + 8 < n {
        h = mix(h ^ (read8(b, i) | FOLD), 0x9e37_79b9_7f4a_7c15);
        i += 8;
    }
    mix(h ^ 0xa076_1d64_78bd_642f ^ n as u64, (read8(b, n - 8) | FOLD) ^ 0xe703_7ed1_a0b4_28db)
}

/// [`hash_ci`] of a word of `n <= 8` bytes from its lower-cased [`small_word`].
#[inline(always)]
fn hash_small(x: u64, n: usize) -> u64 {
    mix(0xa076_1d64_78bd_642f ^ n as u64, x ^ 0xe703_7ed1_a0b4_28db)
}

/// A word of at most 8 bytes in one u64, little-endian, zero above its length: what an 8-byte
/// load of it masked to its length gives. Read here with two overlapping 4-byte loads (or bytes
/// 0, n/2 and n-1 of a shorter word), whose overlap holds the same bytes.
#[inline(always)]
pub fn small_word(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8);
    if n >= 4 {
        read4(b, 0) as u64 | (read4(b, n - 4) as u64) << (8 * (n - 4))
    } else if n > 0 {
        (b[0] as u64) | (b[n / 2] as u64) << (8 * (n / 2)) | (b[n - 1] as u64) << (8 * (n - 1))
    } else {
        0
    }
}

#[inline]
fn read8(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// 64x64 -> 128 multiply, halves folded (wyhash's mixer).
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ (r >> 64) as u64
}

/// Lower case, typographic apostrophes straightened, single spaces.
pub fn normalize_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for ch in w.chars() {
            match ch {
                '’' | '‘' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}

/// Inflections for a user-supplied verb by regular English morphology: base, third, past, gerund.
pub fn inflect(base: &str) -> [String; 4] {
    let b = base.trim().to_lowercase();
    let chars: Vec<char> = b.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiou".contains(c);
    let consonant_y = n > 1 && chars[n - 1] == 'y' && !vowel(chars[n - 2]);
    // quip → quipped: one short syllable ending consonant-vowel-consonant doubles its consonant.
    let doubles = n >= 3
        && n <= 4
        && !vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1])
        && vowel(chars[n - 2])
        && (!vowel(chars[n - 3]) || (n == 4 && chars[0] == 'q' && chars[1] == 'u'));
    let stem = &b[..b.len() - chars.last().map_or(0, |c| c.len_utf8())];
    let third = if ["s", "sh", "ch", "x", "z", "o"].iter().any(|e| b.ends_with(e)) {
        format!("{b}es")
    } else if consonant_y {
        format!("{stem}ies")
    } else {
        format!("{b}s")
    };
    let (past, gerund) = if b.ends_with('e') {
        (format!("{b}d"), if b.ends_with("ee") { format!("{b}ing") } else { format!("{stem}ing") })
    } else if consonant_y {
        (format!("{stem}ied"), format!("{b}ing"))
    } else if doubles {
        let last = chars[n - 1];
        (format!("{b}{last}ed"), format!("{b}{last}ing"))
    } else {
        (format!("{b}ed"), format!("{b}ing"))
    };
    [b.clone(), third, past, gerund]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cues` reads the cheap VERB flag and only then the verb entry.
    #[test]
    fn the_verb_flag_marks_exactly_the_words_with_a_verb_entry() {
        for (word, e) in &lexicon().words {
            assert_eq!(e.flags & flag::VERB != 0, e.verb.is_some(), "{word}");
        }
    }

    #[test]
    fn core_words_are_known() {
        let lx = lexicon();
        let (v, f) = lx.verb("said").unwrap();
        assert_eq!(&*v.base, "say");
        assert_eq!(f, Form::Past);
        assert!(lx.verb("told").unwrap().0.listener);
        // The roles attribution reads from verbs.tsv's flags column.
        assert!(lx.verb("vowed").unwrap().0.promise && lx.verb("urged").unwrap().0.request && lx.verb("spoke").unwrap().0.topic);
        assert!(lx.verb("criticized").unwrap().0.target && lx.verb("says").unwrap().0.relative && lx.verb("asked").unwrap().0.no_object);
        assert!(!lx.verb("said").unwrap().0.promise && !lx.verb("said").unwrap().0.no_object);
        assert!(lx.flags("vladimir") & flag::FIRST_NAME != 0);
        assert!(lx.phrase("press secretary").is_some());
        assert!(lx.flags("press") & flag::PHRASE != 0);
    }

    /// The word-at-a-time comparison of a token with a lexicon key agrees with byte-by-byte
    /// ASCII lower-casing for every byte value and word length.
    #[test]
    fn case_insensitive_comparison_matches_ascii_lowercase() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut x = [b'a'; 8];
                x[pos] = b;
                let lowered = u64::from_le_bytes(x.map(|c| c.to_ascii_lowercase()));
                assert_eq!(lower8(u64::from_le_bytes(x)), lowered, "byte {b:#x} at {pos}");
            }
        }
        let words = ["a", "Ab", "SAY", "Said", "PSAKI", "minister", "Secretary", "AbCdEfGhIjKlMnOpQ", "x@[`{"];
        for w in words {
            for n in 0..=w.len() {
                let w = &w.as_bytes()[..n];
                let key = w.to_ascii_lowercase();
                assert!(eq_lower(&key, w));
                for k in 0..n {
                    let mut other = key.clone();
                    other[k] ^= 0x01;
                    assert_eq!(eq_lower(&other, w), other == key);
                }
                assert!(!eq_lower(&key[..n.saturating_sub(1)], w) || n == 0);
            }
        }
    }

    #[test]
    fn regular_inflections() {
        assert_eq!(inflect("quip"), ["quip", "quips", "quipped", "quipping"].map(String::from));
        assert_eq!(inflect("tweet")[2], "tweeted");
        assert_eq!(inflect("reply")[1], "replies");
        assert_eq!(inflect("note")[3], "noting");
    }
}
