//! Entities: the people and bodies an article names, and the links from each later mention
//! (a surname, a pronoun, a role noun, the same description) to the entity introduced first.
//! [`Entities::link`] takes a source noun phrase ([`Np`], from `speakers.rs`); its steps are
//! `link_pronoun`, `link_role` and `link_keys` (`mention_keys`, `find_by_keys`, `grow`, `add`).

use super::cues::punct_is;
use super::lexicon::{flag, lexicon, FxMap, Gender};
use super::model::{MentionKind, Span, SpeakerKind};
use super::speakers::{is_det, lower_key, Np, Word};
use super::text::{lower, lower_into, Doc, Scratch, TokKind};

/// An entity: a person or body that may speak in the article.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub short_name: String,
    pub role: Option<String>,
    pub kind: SpeakerKind,
    pub gender: Gender,
    /// Lower-case name tokens, for linking later mentions (inline when short: one allocation
    /// for the list, not one per word).
    pub keys: Vec<Word>,
    pub mentions: Vec<(Span, MentionKind)>,
    pub last_seen: usize,
    /// Lower-case head of a description ("presidency", "officials").
    pub head: Word,
    pub first_full: Span,
    pub speaks: bool,
    /// The keys come from a proper name ("Tony Blair", "Yukos"), not a description.
    pub named: bool,
    /// Where the entity was last the subject of a clause (a source, or a sentence's first name):
    /// pronouns prefer the subject over a later object.
    pub subject_at: Option<usize>,
}

#[derive(Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// Lower-case name word (or whole description) → entities that have it.
    by_word: FxMap<Word, Ids>,
    /// Lower-case role or head word → entities.
    by_role: FxMap<Word, Ids>,
    /// Entities by recency of mention, most recent last (bounded: pronouns look back a little).
    recent: Vec<usize>,
    /// Key ranges of the mention being linked, kept to save an allocation per mention.
    ranges: Vec<(usize, usize)>,
    /// The lower-case keys those ranges index, kept likewise.
    keys_buf: String,
}

/// Entity indexes under one key, oldest first; most keys name a single entity, kept inline.
#[derive(Clone, Debug)]
enum Ids {
    One(usize),
    Many(Vec<usize>),
}

impl Ids {
    fn as_slice(&self) -> &[usize] {
        match self {
            Ids::One(x) => std::slice::from_ref(x),
            Ids::Many(v) => v,
        }
    }
    fn push(&mut self, idx: usize) {
        match self {
            Ids::One(x) => *self = Ids::Many(vec![*x, idx]),
            Ids::Many(v) => v.push(idx),
        }
    }
}

/// How a mention was linked; the hover explains it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    New,
    Name,
    Short,
    Pronoun,
    Role,
}

impl Entities {
    fn index(&mut self, idx: usize) {
        // Keys are looked up first and copied only when new: most words are indexed already.
        fn add(map: &mut FxMap<Word, Ids>, w: &[u8], idx: usize, make: impl FnOnce() -> Word) {
            match map.get_mut(w) {
                Some(v) => {
                    if v.as_slice().last() != Some(&idx) {
                        v.push(idx);
                    }
                }
                None => {
                    // An article names a few dozen entities: one table, no regrowth.
                    if map.capacity() == 0 {
                        map.reserve(64);
                    }
                    map.insert(make(), Ids::One(idx));
                }
            }
        }
        let e = &self.list[idx];
        for w in &e.keys {
            add(&mut self.by_word, w.as_bytes(), idx, || w.clone());
        }
        if let Some(r) = e.role.as_deref().filter(|r| r.is_ascii()) {
            // Lower-cased word by word on the stack: no string for the whole role.
            let (mut small, mut buf) = ([0u8; 32], None);
            for w in r.split(' ') {
                let key = lower_key(w, &mut small, &mut buf);
                add(&mut self.by_role, key, idx, || Word::ascii_lower(w));
            }
        } else if let Some(r) = e.role.as_deref() {
            for w in r.to_lowercase().split(' ') {
                add(&mut self.by_role, w.as_bytes(), idx, || Word::new(w));
            }
        }
        add(&mut self.by_role, e.head.as_bytes(), idx, || e.head.clone());
    }

    fn touch(&mut self, idx: usize, at: usize) {
        self.list[idx].last_seen = at;
        // Often the entity is the latest one already ("Ruiz said … She added"): nothing moves.
        if self.recent.last() == Some(&idx) {
            return;
        }
        // Bounded below: one allocation, no regrowth.
        if self.recent.capacity() == 0 {
            self.recent.reserve(130);
        }
        if let Some(p) = self.recent.iter().rposition(|&x| x == idx) {
            self.recent.remove(p);
        }
        self.recent.push(idx);
        if self.recent.len() > 128 {
            self.recent.drain(..64);
        }
    }

    /// The entity for the article's own first-person voice, created at its first "I" or "we".
    fn writer(&mut self, np: &Np) -> usize {
        let (name, kind) = if &*np.head == "i" { ("the writer", SpeakerKind::Person) } else { ("the writers", SpeakerKind::Group) };
        if let Some(i) = self.list.iter().position(|e| e.name == name && *e.head == *np.head) {
            return i;
        }
        self.list.push(Entity {
            name: name.to_string(),
            short_name: name.to_string(),
            role: None,
            kind,
            gender: Gender::Unknown,
            keys: Vec::new(),
            mentions: Vec::new(),
            last_seen: np.span.start,
            head: np.head.clone(),
            first_full: np.span,
            speaks: false,
            named: false,
            subject_at: None,
        });
        self.list.len() - 1
    }

    /// A speaker the newsroom configured: linked when the article names them.
    pub fn seed(&mut self, known: &super::KnownSpeaker) {
        let lx = lexicon();
        let words: Vec<&str> = known.name.split_whitespace().collect();
        if words.is_empty() {
            return;
        }
        let keys: Vec<String> = words.iter().map(|w| super::lexicon::normalize_phrase(w.trim_end_matches('.'))).filter(|w| lx.flags(w) & flag::HONORIFIC == 0).collect();
        let first = keys.first().cloned().unwrap_or_default();
        let keys: Vec<Word> = keys.iter().map(|k| Word::new(k)).collect();
        let gender = lx.get(&first).filter(|e| e.flags & flag::FIRST_NAME != 0).map_or(Gender::Unknown, |e| e.gender);
        let org = keys.iter().any(|k| lx.flags(k) & (flag::ORG_HEAD | flag::MEDIA | flag::ORG_SUFFIX) != 0);
        self.list.push(Entity {
            name: known.name.trim().to_string(),
            short_name: if org { known.name.trim().to_string() } else { words.last().unwrap_or(&"").to_string() },
            role: known.role.clone(),
            kind: if org { SpeakerKind::Organization } else { SpeakerKind::Person },
            gender,
            keys,
            mentions: Vec::new(),
            last_seen: usize::MAX,
            head: Word::new(""),
            first_full: Span::default(),
            speaks: false,
            named: true,
            subject_at: None,
        });
        self.index(self.list.len() - 1);
    }

    /// Link `np` to an entity (creating one when needed); returns the entity index and how. A
    /// pronoun goes to a recent entity ([`Entities::link_pronoun`]); a description to the same
    /// description or to whoever holds its role ([`Entities::link_role`]); the rest by the words
    /// of its name or description ([`Entities::link_keys`]).
    pub fn link(&mut self, doc: &Doc, np: &Np) -> Option<(usize, Link)> {
        if np.mention == MentionKind::Pronoun {
            return self.link_pronoun(np);
        }
        // Keys are lower-cased into one buffer the table keeps; strings are made only for a new
        // or grown entity (most mentions link to an existing one).
        let mut kbuf = std::mem::take(&mut self.keys_buf);
        let mut ranges = std::mem::take(&mut self.ranges);
        let found = self.link_description_or_name(doc, np, &mut kbuf, &mut ranges);
        (self.keys_buf, self.ranges) = (kbuf, ranges);
        found
    }

    /// [`Entities::link`] past pronouns: a role ([`Entities::link_role`]), else by the keys.
    fn link_description_or_name(&mut self, doc: &Doc, np: &Np, kbuf: &mut String, ranges: &mut Vec<(usize, usize)>) -> Option<(usize, Link)> {
        if np.mention == MentionKind::Role {
            if let Some(found) = self.link_role(doc, np, kbuf) {
                return Some(found);
            }
        }
        kbuf.clear();
        ranges.clear();
        self.link_keys(doc, np, kbuf, ranges)
    }

    /// A pronoun: the entity it refers to ([`Entities::resolve_pronoun`]), or the writer for "I"
    /// and "we" outside any quotation. The pronoun tells an unknown name's kind ("Parry … he
    /// said", "Yukos … it said") and a person's gender.
    fn link_pronoun(&mut self, np: &Np) -> Option<(usize, Link)> {
        let idx = match self.resolve_pronoun(&np.head, np.span.start) {
            Some(idx) => idx,
            None if matches!(&*np.head, "i" | "we") => self.writer(np),
            None => return None,
        };
        self.touch(idx, np.span.start);
        let e = &mut self.list[idx];
        e.mentions.push((np.span, MentionKind::Pronoun));
        if e.kind == SpeakerKind::Unknown && e.named {
            match &*np.head {
                "he" | "she" => e.kind = SpeakerKind::Person,
                "it" => e.kind = SpeakerKind::Organization,
                _ => {}
            }
        }
        if e.gender == Gender::Unknown && e.kind == SpeakerKind::Person {
            e.gender = np.gender;
        }
        Some((idx, Link::Pronoun))
    }

    /// A role mention: the same description again ("the French presidency") is the same
    /// entity; otherwise "the president" is the latest entity whose role or description has that
    /// head. `None` when neither is found (the description is then linked by its keys).
    fn link_role(&mut self, doc: &Doc, np: &Np, kbuf: &mut String) -> Option<(usize, Link)> {
        let toks = &doc.tokens;
        let body = if is_det(doc, np.start) && np.end > np.start + 1 { np.start + 1 } else { np.start };
        let key = lower(Span::new(toks[body].start as usize, toks[np.end - 1].stem_end() as usize).text(doc.text), kbuf);
        let same = self.by_word.get(key.as_bytes()).and_then(|v| v.as_slice().iter().rev().copied().find(|&i| self.list[i].keys.len() == 1 && self.list[i].keys[0].as_bytes() == key.as_bytes()));
        if let Some(idx) = same {
            self.touch(idx, np.span.start);
            self.list[idx].mentions.push((np.span, MentionKind::Full));
            return Some((idx, Link::Name));
        }
        let holder = self.by_role.get(np.head.as_bytes()).and_then(|v| {
            v.as_slice()
                .iter()
                .copied()
                .filter(|&i| self.list[i].last_seen <= np.span.start && !self.list[i].mentions.is_empty())
                .max_by_key(|&i| self.list[i].last_seen)
        })?;
        self.touch(holder, np.span.start);
        self.list[holder].mentions.push((np.span, MentionKind::Role));
        Some((holder, Link::Role))
    }

    /// The name or description part of [`Entities::link`]: `kbuf` and `ranges` come empty. The
    /// mention's keys ([`mention_keys`]) find an entity ([`Entities::find_by_keys`]), which the
    /// mention may tell more ([`Entities::grow`]); or a new entity is made ([`Entities::add`]).
    fn link_keys(&mut self, doc: &Doc, np: &Np, kbuf: &mut String, ranges: &mut Vec<(usize, usize)>) -> Option<(usize, Link)> {
        let name_span = mention_keys(doc, np, kbuf, ranges);
        if ranges.is_empty() {
            return None;
        }
        let keys = Keys { buf: kbuf, ranges };
        match self.find_by_keys(&keys, np.name.is_some()) {
            Some(idx) => Some(self.grow(doc, np, idx, name_span, &keys)),
            None => Some(self.add(doc, np, name_span, &keys)),
        }
    }

    /// The entity the keys name. For names, the last name matches (or a one-word mention matches
    /// any part of a name that is no organisation's), unless two full names differ before the
    /// surname ("Wes Brown" is not "Gordon Brown"; "Kilroy Silk" is "Robert Kilroy Silk",
    /// "George W. Bush" "George Bush"). For descriptions, the same words after the determiner.
    /// The latest such entity wins.
    fn find_by_keys(&self, keys: &Keys, is_name: bool) -> Option<usize> {
        let nkeys = keys.len();
        let last = keys.last();
        self.by_word.get(last).and_then(|cands| {
            cands.as_slice().iter().rev().copied().find(|&i| {
                let e = &self.list[i];
                if is_name {
                    let other_first = nkeys > 1 && e.keys.len() > 1 && e.keys[0].as_bytes() != keys.get(0) && !keys.end_of(&e.keys);
                    (e.keys.last().map(Word::as_bytes) == Some(last) && !other_first) || (nkeys == 1 && e.keys.iter().any(|k| k.as_bytes() == last) && e.kind != SpeakerKind::Organization) || keys.same(&e.keys)
                } else {
                    keys.same(&e.keys)
                }
            })
        })
    }

    /// Mention `np` of entity `idx`: a fuller name replaces a shorter one; a role, kind (an
    /// organisation over a person for a name of two words or more) and gender fill what is
    /// unknown; the mention is recorded (a short one once the entity has a full mention).
    fn grow(&mut self, doc: &Doc, np: &Np, idx: usize, name_span: Span, keys: &Keys) -> (usize, Link) {
        let text = doc.text;
        let nkeys = keys.len();
        self.touch(idx, np.span.start);
        let e = &mut self.list[idx];
        let link = if nkeys >= e.keys.len() { Link::Name } else { Link::Short };
        let keys_changed = nkeys > e.keys.len();
        if keys_changed {
            e.name = name_span.text(text).to_string();
            e.keys = keys.words();
            e.named = np.name.is_some();
        }
        let role_added = e.role.is_none() && np.role.is_some();
        if e.role.is_none() {
            e.role = np.role.map(|r| r.text(text).to_string());
        }
        if e.kind == SpeakerKind::Unknown || (e.kind == SpeakerKind::Person && np.kind == SpeakerKind::Organization && nkeys > 1) {
            e.kind = np.kind;
        }
        if e.gender == Gender::Unknown {
            e.gender = np.gender;
        }
        if e.mentions.is_empty() {
            e.first_full = np.span;
        }
        e.mentions.push((np.span, if link == Link::Short && !e.mentions.is_empty() { MentionKind::Short } else { MentionKind::Full }));
        if keys_changed || role_added {
            self.index(idx);
        }
        (idx, link)
    }

    /// A new entity first mentioned by `np`, named by `name_span`.
    fn add(&mut self, doc: &Doc, np: &Np, name_span: Span, keys: &Keys) -> (usize, Link) {
        let text = doc.text;
        // An article names a few dozen entities: no regrowth of the list for most.
        if self.list.capacity() == 0 {
            self.list.reserve(32);
        }
        let name = name_span.text(text).to_string();
        let short_name = short_name(&name, np);
        self.list.push(Entity {
            name,
            short_name,
            role: np.role.map(|r| r.text(text).to_string()),
            kind: np.kind,
            gender: np.gender,
            keys: keys.words(),
            mentions: {
                // Most entities are mentioned again, speakers often a dozen times or more (and
                // again when their names are found after attribution): skip the regrowth.
                let mut m = Vec::with_capacity(16);
                m.push((np.span, MentionKind::Full));
                m
            },
            last_seen: np.span.start,
            head: np.head.clone(),
            first_full: np.span,
            speaks: false,
            named: np.name.is_some(),
            subject_at: None,
        });
        let idx = self.list.len() - 1;
        self.index(idx);
        self.touch(idx, np.span.start);
        (idx, Link::New)
    }

    /// Bare occurrences of a speaking entity's name that no step linked — "Yukos" in the headline,
    /// "Tony Blair" as the object of an earlier sentence — become its mentions, so a reporter
    /// finds every reference, and the name the article introduces is among them. A person is
    /// found by their surname (with the first name and honorific before it, when written); an
    /// organisation only by its whole name. A word that is a key of two entities ("Brown" for
    /// Gordon and Wes) is left alone. Run once, after attribution.
    pub fn mention_names(&mut self, doc: &Doc) {
        let toks = &doc.tokens;
        // A cheap filter on (first letter, length) before any look-up: most capitalised words
        // are no speaker's name.
        let mut seen = [0u32; 26];
        let mut any = false;
        for e in self.list.iter().filter(|e| e.speaks && e.named && !e.mentions.is_empty()) {
            if let Some(k) = e.keys.last().map(Word::as_bytes).filter(|k| !k.is_empty() && k[0].is_ascii_lowercase() && k.len() < 32) {
                seen[(k[0] - b'a') as usize] |= 1 << k.len();
                any = true;
            }
        }
        if !any {
            return;
        }
        let (mut small, mut kbuf) = ([0u8; 32], None);
        let mut buf = Scratch::new();
        for (k, t) in toks.iter().enumerate() {
            // Kind and capital first: no slicing of the text for the many words that fail them.
            if t.kind != TokKind::Word || !t.cap {
                continue;
            }
            let (s, n) = (t.start as usize, (t.stem_end() - t.start) as usize);
            let b0 = doc.text.as_bytes()[s];
            if n == 0 || n >= 32 || !b0.is_ascii_uppercase() || seen[(b0.to_ascii_lowercase() - b'a') as usize] & (1 << n) == 0 {
                continue;
            }
            let key = lower_key(t.stem(doc.text), &mut small, &mut kbuf);
            let Some(&[idx]) = self.by_word.get(key).map(Ids::as_slice) else { continue };
            let e = &self.list[idx];
            if !(e.speaks && e.named && e.keys.last().is_some_and(|l| l.as_bytes() == key)) {
                continue;
            }
            if let Some((span, kind)) = name_occurrence(doc, k, e, &mut buf) {
                let e = &mut self.list[idx];
                if !e.mentions.iter().any(|(m, _)| m.overlaps(span)) {
                    // Before the article introduces them (a headline), no definition.
                    e.mentions.push((span, if span.start < e.first_full.start { MentionKind::Short } else { kind }));
                }
            }
        }
    }

    /// Is the word at token `k` the surname of a person already named in full ("Bellamy" after
    /// "Tom Bellamy")? Such a word opening a sentence is that person, the subject a later "he"
    /// most likely means.
    pub fn known_surname(&self, doc: &Doc, k: usize) -> bool {
        let t = &doc.tokens[k];
        let (mut small, mut buf) = ([0u8; 32], None);
        let key = lower_key(t.stem(doc.text), &mut small, &mut buf);
        self.by_word.get(key).is_some_and(|ids| {
            ids.as_slice().iter().any(|&i| {
                let e = &self.list[i];
                e.named && e.kind == SpeakerKind::Person && e.keys.len() > 1 && e.keys.last().is_some_and(|l| l.as_bytes() == key)
            })
        })
    }

    /// Entity `idx` is the subject of a clause at byte `at` (a source; a sentence's first name).
    pub fn mark_subject(&mut self, idx: usize, at: usize) {
        self.list[idx].subject_at = Some(at);
    }

    /// The entity a pronoun at byte `at` refers to: the latest compatible one, except that a
    /// subject of a recent clause wins over a person named since only as an object
    /// ([`pronoun_rank`]).
    /// The entity a mention at `span` was linked to, when it is among the recent ones.
    pub fn linked_at(&self, span: Span) -> Option<usize> {
        self.recent.iter().rev().copied().find(|&i| self.list[i].mentions.iter().rev().take(4).any(|m| m.0 == span))
    }

    fn resolve_pronoun(&self, pronoun: &str, at: usize) -> Option<usize> {
        let want_person = matches!(pronoun, "he" | "she");
        let gender = match pronoun {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => Gender::Unknown,
        };
        // The pronoun is read once here, not compared again for every recent entity.
        let (it, they) = (pronoun == "it", pronoun == "they");
        if !(want_person || it || they) {
            return None;
        }
        self.recent
            .iter()
            .map(|&i| (i, &self.list[i]))
            .filter(|(_, e)| e.last_seen <= at)
            .filter(|(_, e)| {
                if want_person {
                    matches!(e.kind, SpeakerKind::Person | SpeakerKind::Unknown | SpeakerKind::Anonymous)
                        && (e.gender == Gender::Unknown || e.gender == gender)
                        && !(e.kind == SpeakerKind::Anonymous && e.head.as_bytes().ends_with(b"s"))
                } else if it {
                    // A single name of no known kind ("Yukos") may be a company as well as a
                    // person introduced by surname ("Parry").
                    let lone_word = e.kind == SpeakerKind::Unknown && e.named && e.keys.len() == 1;
                    matches!(e.kind, SpeakerKind::Organization) || lone_word
                } else {
                    matches!(e.kind, SpeakerKind::Group | SpeakerKind::Organization | SpeakerKind::Anonymous)
                }
            })
            .max_by_key(|(_, e)| pronoun_rank(e, at, gender, want_person))
            .map(|(i, _)| i)
    }
}

/// How well entity `e` fits a pronoun at byte `at` (higher is better): mentioned in the last few
/// hundred bytes, then a subject there ("Souness paid tribute to Robert. “…,” he said": Souness),
/// the latest first when it is a person who is the subject of the last sentence or two ("Bellamy
/// hit the headlines. He apologised": Bellamy, though an earlier "spokesman" is known to be a
/// man), then
/// the right gender over an unknown one, then the latest mention (the subject's, for a subject).
fn pronoun_rank(e: &Entity, at: usize, gender: Gender, want_person: bool) -> (bool, bool, usize, bool, usize) {
    const NEAR: usize = 1000;
    const JUST_BEFORE: usize = 250;
    let subject = e.subject_at.filter(|&s| s + NEAR >= at);
    let near = e.last_seen + NEAR >= at;
    let just_before = subject.filter(|&s| e.kind == SpeakerKind::Person && s + JUST_BEFORE >= at).unwrap_or(0);
    (near, subject.is_some(), just_before, e.gender == gender && want_person, subject.unwrap_or(e.last_seen))
}

/// The mention that token `k` (the last word of entity `e`'s name) ends: a person's surname with
/// the first names and honorific written before it ("Mr Blair", "Tony Blair"; "Blair" alone is a
/// short mention), an organisation's whole name ("Deutsche Bank", not "Bank" alone). `None` when
/// the words before do not match.
fn name_occurrence(doc: &Doc, k: usize, e: &Entity, buf: &mut Scratch) -> Option<(Span, MentionKind)> {
    let toks = &doc.tokens;
    let n = e.keys.len();
    let mut s = k;
    // Earlier name words, in order: "Tony" before "Blair".
    while s > 0 && k + 1 - s < n && toks[s - 1].cap && toks[s - 1].kind == TokKind::Word && lower(toks[s - 1].stem(doc.text), buf).as_bytes() == e.keys[n - 1 - (k + 1 - s)].as_bytes() {
        s -= 1;
    }
    let whole = k + 1 - s == n;
    if !whole && e.kind != SpeakerKind::Person {
        return None;
    }
    if s > 0 && toks[s - 1].has(flag::HONORIFIC) {
        s -= 1;
    } else if s > 1 && punct_is(&toks[s - 1], doc.text, b'.') && toks[s - 2].has(flag::HONORIFIC) {
        s -= 2;
    }
    let kind = if whole && n > 1 { MentionKind::Full } else { MentionKind::Short };
    Some((Span::new(toks[s].start as usize, toks[k].stem_end() as usize), kind))
}

fn short_name(name: &str, np: &Np) -> String {
    match np.kind {
        SpeakerKind::Person if np.name.is_some() => name.split_whitespace().last().unwrap_or(name).to_string(),
        _ => {
            let lowered = name.trim();
            for det in ["the ", "The ", "a ", "A ", "an ", "An "] {
                if let Some(rest) = lowered.strip_prefix(det) {
                    return rest.to_string();
                }
            }
            lowered.to_string()
        }
    }
}

/// The lower-case keys of a mention, written into `kbuf` with their ranges in `ranges`; returns
/// the span that names it. A name gives one key per word (honorifics left out: "Mr. Kane" is
/// "kane"); a description gives one key, its words after the determiner ("french presidency").
fn mention_keys(doc: &Doc, np: &Np, kbuf: &mut String, ranges: &mut Vec<(usize, usize)>) -> Span {
    let (text, toks) = (doc.text, &doc.tokens);
    match np.name {
        Some((ns, ne)) => {
            for k in (ns..ne).filter(|&k| toks[k].kind == TokKind::Word && !toks[k].has(flag::HONORIFIC)) {
                let from = kbuf.len();
                toks[k].lower_stem_into(text, kbuf);
                ranges.push((from, kbuf.len()));
            }
            Span::new(toks[ns].start as usize, toks[ne - 1].stem_end() as usize)
        }
        None => {
            let body = if is_det(doc, np.start) && np.end > np.start + 1 { np.start + 1 } else { np.start };
            lower_into(Span::new(toks[body].start as usize, toks[np.end - 1].stem_end() as usize).text(text), kbuf);
            ranges.push((0, kbuf.len()));
            Span::new(toks[np.start].start as usize, toks[np.end - 1].stem_end() as usize)
        }
    }
}

/// A mention's keys: ranges of one lower-case buffer (non-empty).
struct Keys<'a> {
    buf: &'a str,
    ranges: &'a [(usize, usize)],
}

impl Keys<'_> {
    fn len(&self) -> usize {
        self.ranges.len()
    }
    fn get(&self, i: usize) -> &[u8] {
        let (a, b) = self.ranges[i];
        &self.buf.as_bytes()[a..b]
    }
    fn last(&self) -> &[u8] {
        self.get(self.ranges.len() - 1)
    }
    /// The same keys as `ek`.
    fn same(&self, ek: &[Word]) -> bool {
        ek.len() == self.len() && ek.iter().enumerate().all(|(i, a)| a.as_bytes() == self.get(i))
    }
    /// One list of keys ends the other.
    fn end_of(&self, ek: &[Word]) -> bool {
        ek.iter().rev().zip((0..self.len()).rev()).all(|(a, i)| a.as_bytes() == self.get(i))
    }
    fn words(&self) -> Vec<Word> {
        self.ranges.iter().map(|&(a, b)| Word::new(&self.buf[a..b])).collect()
    }
}
