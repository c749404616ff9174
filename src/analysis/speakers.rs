//! Speakers: noun phrases that can be sources ("White House press secretary Jen Psaki", "the
//! French presidency", "officials", "a person familiar with the talks", "he"). The entity table
//! that links later mentions to the entity introduced first is `entities.rs`.
//!
//! [`np_left`] and [`np_right`] find where a phrase starts and ends; `build` classifies it in
//! named steps: `coordinated_names`, `title_words` (with `title_phrase`), `name_run`,
//! `common_noun_name`, `head_word`, `role_span`, `named_kind` or `unnamed_kind`, `anonymity`,
//! `lone_demonym`, `weasel_group`. Appositive names and the like land as one more step there.

use super::cues::{is, punct_is, word_in};
use super::lexicon::{flag, Gender, PhraseKind};
use super::model::{MentionKind, Span, SpeakerKind};
use super::text::{lower, Doc, Scratch, TokKind};

/// A lower-case word kept inline when short. Heads are single words, and a noun phrase is built
/// (and often cloned) for every candidate source; a heap string each time cost more than the parse.
#[derive(Clone, PartialEq, Eq)]
pub enum Word {
    Inline(u8, [u8; 22]),
    Heap(Box<str>),
}

impl Word {
    pub fn new(s: &str) -> Word {
        if s.len() <= 22 {
            let mut buf = [0u8; 22];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Word::Inline(s.len() as u8, buf)
        } else {
            Word::Heap(s.into())
        }
    }
}

impl Word {
    /// `s.to_ascii_lowercase()`, inline when short.
    pub fn ascii_lower(s: &str) -> Word {
        let mut w = Word::new(s);
        match &mut w {
            Word::Inline(n, buf) => buf[..*n as usize].make_ascii_lowercase(),
            Word::Heap(s) => s.make_ascii_lowercase(),
        }
        w
    }
}

impl Word {
    /// The bytes, without the UTF-8 check that `Deref` makes: the hot tests compare ASCII.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Word::Inline(n, buf) => &buf[..*n as usize],
            Word::Heap(s) => s.as_bytes(),
        }
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            // Always a whole str copied in `new`, so valid UTF-8.
            Word::Inline(n, buf) => std::str::from_utf8(&buf[..*n as usize]).unwrap_or(""),
            Word::Heap(s) => s,
        }
    }
}

/// Hashes as the bytes it holds, so that a map keyed by `Word` is looked up with a `&[u8]`:
/// comparing a key then needs no UTF-8 check, which `Deref` makes.
impl std::hash::Hash for Word {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state)
    }
}

/// Equal words are built the same way (`Word::new`: inline up to 22 bytes, zero-padded), so
/// the derived equality agrees with that of the bytes.
impl std::borrow::Borrow<[u8]> for Word {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}



/// Post-modifiers that belong to an anonymous-source phrase ("people familiar with the talks").
const POST_MODIFIERS: &[(&str, &str)] = &[
    ("familiar", "with"),
    ("close", "to"),
    ("briefed", "on"),
    ("knowledge", "of"),
    ("knowledgeable", "about"),
    ("involved", "in"),
    ("close", "with"),
    ("aware", "of"),
];

#[derive(Clone, Debug)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub span: Span,
    /// Token range of the proper name, if any ("Jen Psaki").
    pub name: Option<(usize, usize)>,
    /// Byte span of the role words ("White House press secretary").
    pub role: Option<Span>,
    pub kind: SpeakerKind,
    pub mention: MentionKind,
    pub gender: Gender,
    /// Lower-case head noun for role nouns and groups ("president", "officials").
    pub head: Word,
    pub weasel: bool,
    /// A bare anonymous source ("a source", "sources").
    pub anonymous_bare: bool,
}

#[inline]
pub(super) fn is_det(doc: &Doc, i: usize) -> bool {
    is(doc, i, flag::DET)
}

fn nominal_flags() -> u64 {
    flag::TITLE | flag::ORG_HEAD | flag::GROUP | flag::MEDIA | flag::HONORIFIC | flag::PLACE | flag::ORG_SUFFIX | flag::ATTR_NOUN
}

/// May token `i` sit inside a noun phrase that names a source?
fn np_token(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    match t.kind {
        TokKind::Word => {
            let f = t.flags_in(doc.lx);
            // "Inc", "AG" name companies only when written as such.
            if f & nominal_flags() & !flag::ORG_SUFFIX != 0 || (f & flag::ORG_SUFFIX != 0 && t.cap) {
                return true;
            }
            if t.cap {
                // Sentence-initial "But", "The", "Monday" are not names.
                return f & (flag::FUNCTION | flag::DAY_MONTH) == 0 || f & flag::FIRST_NAME != 0 || day_in_name(doc, i);
            }
            false
        }
        TokKind::Punct => {
            // "Mr.", "J.", "AT&T": a period right after an honorific, an initial or an abbreviation.
            if t.is_nickname_mark(doc.text) {
                return true;
            }
            let c = t.first_char(doc.text);
            if (c == '.' || c == '&') && i > 0 && doc.tokens[i - 1].end == t.start {
                let p = &doc.tokens[i - 1];
                let w = p.text(doc.text);
                return p.kind == TokKind::Word && (p.has(flag::HONORIFIC) || p.has(flag::ABBREV) || (w.chars().count() == 1 && p.cap) || c == '&');
            }
            false
        }
        _ => false,
    }
}

/// "the Sunday Telegraph", "the May Foundation": a day or month between "the" and another
/// capitalised word is part of a name; "on Sunday, the mayor said" is not.
fn day_in_name(doc: &Doc, i: usize) -> bool {
    let next = doc.tokens.get(i + 1);
    i > 0 && word_in(doc, i - 1, &["the"]) && next.is_some_and(|n| n.kind == TokKind::Word && n.cap && n.start == doc.tokens[i].end + 1 && !n.has(flag::FUNCTION | flag::DAY_MONTH))
}

/// Lower-case word that can modify a head inside an NP ("senior", "administration", "press").
fn modifier_token(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokKind::Word && !t.cap && {
        let f = t.flags_in(doc.lx);
        // A verb's base form can be a noun modifier ("fire department", "trade union").
        let base_verb = t.entry().and_then(|e| e.verb).is_some_and(|(_, form)| form == super::lexicon::Form::Base);
        (f & (flag::VERB | flag::FUNCTION | flag::DAY_MONTH) == 0 || f & nominal_flags() != 0 || (base_verb && f & flag::FUNCTION == 0))
            && f & (flag::PREP | flag::DET | flag::PRONOUN | flag::AUX) == 0
    }
}

/// The noun phrase that ends just before token `end` (exclusive), looking no further left than `lb`.
/// The steps: a pronoun; a number after "of" ([`with_count_left`]); the words the phrase may
/// hold ([`walk_left`]); lower-case words at its left edge dropped ([`trim_left_edge`]); then
/// the phrase built and an anonymous source's head found ([`extend_anonymous_left`]).
pub fn np_left(doc: &Doc, depth: &[u8], end: usize, lb: usize) -> Option<Np> {
    if end <= lb || depth[end - 1] != 0 {
        return None;
    }
    if is(doc, end - 1, flag::PRONOUN) {
        return Some(pronoun_np(doc, end - 1));
    }
    if let Some(np) = with_count_left(doc, depth, end, lb) {
        return np;
    }
    let j = walk_left(doc, depth, end, lb);
    if j >= end {
        return None;
    }
    let s = trim_left_edge(doc, j, end, lb);
    if s >= end {
        return None;
    }
    let mut np = build(doc, s, end)?;
    extend_anonymous_left(doc, depth, &mut np, lb);
    Some(np)
}

/// "the mother of three replied": a number after "of" belongs to the phrase before it (not a
/// pronoun). `None` when the words before `end` are no such count; `Some` holds the answer.
fn with_count_left(doc: &Doc, depth: &[u8], end: usize, lb: usize) -> Option<Option<Np>> {
    let toks = &doc.tokens;
    if !(end >= lb + 3 && word_is_lower(doc, end - 2, "of") && (toks[end - 1].kind == TokKind::Number || super::cues::number_word(doc, end - 1))) {
        return None;
    }
    Some(np_left(doc, depth, end - 2, lb).filter(|np| np.mention != MentionKind::Pronoun).map(|mut np| {
        np.end = end;
        np.span.end = toks[end - 1].end as usize;
        np
    }))
}

/// The leftmost token a phrase ending before `end` may start at: names, nominal and title words,
/// a possessive, "of"/"for"/"and" inside a name, a name particle, an age ("the 34-year-old
/// mother", not "41 percent", which poll respondents name elsewhere), a hyphen, and up to three
/// lower-case modifiers, which are kept only if a determiner or a head closes the phrase. A
/// determiner ends the walk and is part of the phrase.
fn walk_left(doc: &Doc, depth: &[u8], end: usize, lb: usize) -> usize {
    let toks = &doc.tokens;
    let mut j = end;
    let mut head_seen = false;
    let mut lowers = 0;
    while j > lb {
        let k = j - 1;
        if depth[k] != 0 {
            break;
        }
        let t = &toks[k];
        if is_det(doc, k) && j < end {
            return k;
        }
        if t.possessive && t.cap && j < end {
            j = k;
            continue;
        }
        if np_token(doc, k) {
            head_seen = true;
            j = k;
            continue;
        }
        let inside = (word_in(doc, k, &["of", "for", "and"]) && head_seen && k > lb && np_token(doc, k - 1) && toks[k + 1].cap)
            || (head_seen && j == k + 1 && k > lb && name_particle(doc, k))
            || (t.kind == TokKind::Number && j < end && t.text(doc.text).contains('-'))
            || (t.kind == TokKind::Punct && t.first_char(doc.text) == '-' && k > lb && toks[k - 1].end == t.start);
        if inside {
            j = k;
            continue;
        }
        if modifier_token(doc, k) && lowers < 3 && (head_seen || j == end) {
            lowers += 1;
            if j == end {
                head_seen = false;
            }
            j = k;
            continue;
        }
        break;
    }
    j
}

/// Where the phrase `[j, end)` starts once lower-case words at its left edge are dropped: they
/// are kept behind a determiner ("the company"), and right after a quotation or a comma when
/// the phrase ends in a name ("harbour master Ewan Pike": a role) or in a role or group noun
/// ("…, harbour officials say, …").
fn trim_left_edge(doc: &Doc, j: usize, end: usize, lb: usize) -> usize {
    let toks = &doc.tokens;
    let mut s = j;
    let at_boundary = j == lb || toks[j - 1].kind != TokKind::Word;
    let ends_in_name = toks[end - 1].cap && toks[end - 1].kind == TokKind::Word;
    let ends_in_nominal = toks[end - 1].kind == TokKind::Word && toks[end - 1].flags_in(doc.lx) & (flag::GROUP | flag::TITLE | flag::ORG_HEAD) != 0;
    if !is_det(doc, s) && !(at_boundary && (ends_in_name || ends_in_nominal)) {
        while s < end && modifier_token(doc, s) && toks[s].flags_in(doc.lx) & (nominal_flags() | flag::PHRASE) == 0 {
            s += 1;
        }
    }
    s
}

/// The noun phrase that starts at token `start`, ending before `ub`. The steps: a pronoun; where
/// the head ends ([`head_end_right`]); the phrase built; an anonymous source's post-modifier
/// ("people familiar with the talks": [`extend_anonymous_right`]).
pub fn np_right(doc: &Doc, depth: &[u8], start: usize, ub: usize) -> Option<Np> {
    if start >= ub || depth[start] != 0 {
        return None;
    }
    if is(doc, start, flag::PRONOUN) {
        return Some(pronoun_np(doc, start));
    }
    let end = head_end_right(doc, depth, start, ub)?;
    let mut np = build(doc, start, end)?;
    extend_anonymous_right(doc, depth, &mut np, ub);
    Some(np)
}

/// The token after the head of a phrase starting at `start` (before `ub`): names, nominal words
/// and possessives; lower-case modifiers and numbers that lead to a head ([`leads_to_head`]);
/// "of" inside a name or title ("Bank of Kestria"); a name particle. `None` with no head.
fn head_end_right(doc: &Doc, depth: &[u8], start: usize, ub: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let mut j = start + usize::from(is_det(doc, start));
    let mut head_end = None;
    while j < ub && depth[j] == 0 {
        let t = &toks[j];
        if np_token(doc, j) || (t.possessive && t.cap) {
            j += 1;
            head_end = Some(j);
            continue;
        }
        // "a 52-count complaint", "the 2016 report", "31-year-old teacher Ana Ruiz": a number can
        // modify the head too.
        if modifier_token(doc, j) || t.kind == TokKind::Number {
            if leads_to_head(doc, start, j, ub) {
                j += 1;
                continue;
            }
            if head_end.is_none() && is_det(doc, start) {
                // "the driver": a determiner and a common noun.
                head_end = Some(j + 1);
            }
            break;
        }
        if word_in(doc, j, &["of"]) && head_end.is_some() && j + 1 < ub && (toks[j + 1].cap || toks[j + 1].has(flag::TITLE)) {
            j += 1;
            continue;
        }
        if head_end == Some(j) && j + 1 < ub && name_particle(doc, j) {
            j += 1;
            continue;
        }
        break;
    }
    head_end
}

/// Does the modifier at `j` lead to a head within three words ("senior administration
/// official", "state Sen. Mara Quill")? Only a phrase's first word may lead to a capitalised
/// title ("state Sen. Quill").
fn leads_to_head(doc: &Doc, start: usize, j: usize, ub: usize) -> bool {
    let toks = &doc.tokens;
    let lead = j == start || j == start + 1 && is_det(doc, start);
    (j + 1..(j + 4).min(ub))
        .take_while(|&k| toks[k].kind == TokKind::Word && (modifier_token(doc, k) || toks[k].flags_in(doc.lx) & nominal_flags() != 0) || toks[k].kind == TokKind::Number)
        .any(|k| toks[k].flags_in(doc.lx) & nominal_flags() != 0 && (!toks[k].cap || lead && toks[k].flags_in(doc.lx) & (flag::TITLE | flag::HONORIFIC) != 0))
}

/// "people familiar with the talks": a post-modifier after the head makes the phrase an
/// anonymous source and takes in the phrase it governs.
fn extend_anonymous_right(doc: &Doc, depth: &[u8], np: &mut Np, ub: usize) {
    let end = np.end;
    for (a, b) in POST_MODIFIERS {
        if word_is_lower(doc, end, a) && word_is_lower(doc, end + 1, b) {
            let tail = np_right(doc, depth, end + 2, ub).map_or(end + 2, |n| n.end);
            np.end = tail.min(ub);
            np.span.end = doc.tokens[np.end - 1].end as usize;
            np.kind = SpeakerKind::Anonymous;
            np.anonymous_bare = false;
            break;
        }
    }
}

/// False only when `np_right(doc, depth, start, ub)` cannot return a phrase with a name: a name
/// holds a capitalised word, and the phrase is a run of depth-0 words, numbers, '.' and '&'.
/// Cheap next to building the phrase, which costs a look-up per word.
pub fn may_name(doc: &Doc, depth: &[u8], start: usize, ub: usize) -> bool {
    let toks = &doc.tokens;
    // Bounded, so a long run of lower-case words stays linear; past it, ask `np_right`.
    for x in start..ub.min(start + 48) {
        let t = &toks[x];
        if depth[x] != 0 {
            return false;
        }
        if t.cap {
            return true;
        }
        match t.kind {
            TokKind::Word | TokKind::Number => {}
            TokKind::Punct if matches!(doc.text.as_bytes()[t.start as usize], b'.' | b'&') => {}
            _ => return false,
        }
    }
    ub > start + 48
}

/// "Sandra den Hamer", "Ruud van Nistelrooy", "Yves de Villepin": a lower-case particle between
/// two capitalised words of a name belongs to it.
fn name_particle(doc: &Doc, k: usize) -> bool {
    let toks = &doc.tokens;
    let word_cap = |x: usize| toks.get(x).is_some_and(|t| t.kind == TokKind::Word && t.cap);
    k > 0 && toks[k].kind == TokKind::Word && !toks[k].cap && word_cap(k - 1) && word_cap(k + 1) && toks[k].has(flag::NAME_PARTICLE)
}

fn word_is_lower(doc: &Doc, i: usize, w: &str) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.is_ci(doc.text, w))
}

/// "a person familiar with [the talks] said": extend the NP found left of the verb.
fn extend_anonymous_left(doc: &Doc, depth: &[u8], np: &mut Np, lb: usize) {
    let s = np.start;
    if s < lb + 3 {
        return;
    }
    for (a, b) in POST_MODIFIERS {
        if word_is_lower(doc, s - 2, a) && word_is_lower(doc, s - 1, b) {
            if let Some(head) = np_left(doc, depth, s - 2, lb) {
                let mut h = head;
                h.end = np.end;
                h.span.end = np.span.end;
                h.kind = SpeakerKind::Anonymous;
                h.anonymous_bare = false;
                *np = h;
            }
            return;
        }
    }
}

fn pronoun_np(doc: &Doc, i: usize) -> Np {
    let t = &doc.tokens[i];
    let w = Word::ascii_lower(t.text(doc.text));
    let gender = match w.as_bytes() {
        b"he" => Gender::Male,
        b"she" => Gender::Female,
        _ => Gender::Unknown,
    };
    Np {
        start: i,
        end: i + 1,
        span: t.span(),
        name: None,
        role: None,
        kind: SpeakerKind::Unknown,
        mention: MentionKind::Pronoun,
        gender,
        head: w,
        weasel: false,
        anonymous_bare: false,
    }
}

/// "the union's general secretary, Mick Lynch": the description in tokens `[ds, de)` stands in
/// apposition to the name `name`, which is the source, with the description as its role (less a
/// leading article: "union's general secretary"; "His father" stays whole). The description is
/// judged by its words before a preposition ("the head" of the harbour board). `None` unless it
/// is a description (no name, no pronoun, no weasel group) and `name` names someone; the two may
/// stand in either order.
pub fn appositive_name(doc: &Doc, (ds, de): (usize, usize), name: &Np) -> Option<Np> {
    if name.name.is_none() || name.mention == MentionKind::Pronoun || de <= ds || is(doc, ds, flag::PRONOUN) {
        return None;
    }
    let head_end = (ds + 1..de).find(|&x| is(doc, x, flag::PREP)).unwrap_or(de);
    let desc = build(doc, ds, head_end)?;
    if desc.name.is_some() || desc.weasel {
        return None;
    }
    let toks = &doc.tokens;
    let mut np = name.clone();
    let start = ds + usize::from(word_in(doc, ds, &["the", "a", "an"]) && de > ds + 1);
    np.role = Some(Span::new(toks[start].start as usize, toks[de - 1].end as usize));
    if np.gender == Gender::Unknown {
        np.gender = desc.gender;
    }
    if np.kind == SpeakerKind::Unknown && matches!(desc.kind, SpeakerKind::Person | SpeakerKind::Organization) {
        np.kind = desc.kind;
    }
    Some(np)
}

/// Tokens `[s, e)` (non-empty) taken as a group source as they stand ("another 41 percent").
pub fn group_np(doc: &Doc, s: usize, e: usize) -> Np {
    let t = &doc.tokens;
    Np {
        start: s,
        end: e,
        span: Span::new(t[s].start as usize, t[e - 1].end as usize),
        name: None,
        role: None,
        kind: SpeakerKind::Group,
        mention: MentionKind::Full,
        gender: Gender::Unknown,
        head: Word::ascii_lower(t[e - 1].text(doc.text)),
        weasel: false,
        anonymous_bare: false,
    }
}

/// Classify tokens `[s, e)` as a source noun phrase. The steps, in order: two named people
/// together ([`coordinated_names`]); title and role words ([`title_words`]); the name after them
/// ([`name_run`], less a lone common noun: [`common_noun_name`]); the head word; the role
/// ([`role_span`]); the kind of speaker ([`named_kind`] or [`unnamed_kind`]); anonymous sources
/// ([`anonymity`]); then a lone nationality adjective is dropped ([`lone_demonym`]) and weasel
/// groups marked ([`weasel_group`]).
fn build(doc: &Doc, s: usize, e: usize) -> Option<Np> {
    let toks = &doc.tokens;
    // One scratch for every look-up key of the phrase: each use lower-cases afresh.
    // Taken from the pool only when a key is needed: most phrases need none.
    let mut buf: Option<Scratch> = None;
    let body = if is_det(doc, s) { s + 1 } else { s };
    if body >= e {
        return None;
    }
    if let Some(np) = coordinated_names(doc, s, body, e) {
        return Some(np);
    }
    if let Some(np) = person_of_body(doc, s, body, e) {
        return Some(np);
    }
    let titles = title_words(doc, body, e, &mut buf);
    let (name, title_end) = name_run(doc, body, e, titles.end);
    let name = name.filter(|&(ns, ne)| !common_noun_name(doc, ns, ne)).map(|n| after_possessor(doc, n));
    let head = head_word(doc, e - 1, &mut buf);
    let role = role_span(doc, body, title_end, name);
    let Kind { mut kind, mut mention, gender } = match name {
        Some(n) => named_kind(doc, n, body, e, &titles, title_end.is_some(), &mut buf),
        None => unnamed_kind(doc, e - 1, &titles, &head),
    };
    let anon = anonymity(doc, s, body, e, &head, &mut buf);
    if anon.anonymous {
        kind = SpeakerKind::Anonymous;
    }
    if anon.source_head {
        mention = MentionKind::Full;
    }
    if lone_demonym(doc, body, e, name.is_some(), &mut buf) {
        // "said the American", "the Swede reached the last four": with "the", a nationality
        // describes a person, as "the mayor" does.
        // Not "the British", "the Chinese": a people; not "the Arthurian legend": an adjective.
        let people = ["ish", "ese"].iter().any(|suf| toks[e - 1].text(doc.text).ends_with(suf));
        let noun_after = toks.get(e).is_some_and(|t| t.kind == TokKind::Word && !t.cap && t.flags_in(doc.lx) & (flag::VERB | flag::AUX | flag::ADVERB) == 0);
        if body == s || !word_is_lower(doc, s, "the") || people || noun_after {
            return None;
        }
        return Some(Np { start: s, end: e, span: Span::new(toks[s].start as usize, toks[e - 1].end as usize), name: None, role: None, kind: SpeakerKind::Person, mention: MentionKind::Role, gender, head, weasel: false, anonymous_bare: false });
    }
    let weasel = weasel_group(doc, s, body, e, name.is_some());
    if weasel {
        kind = SpeakerKind::Group;
    }
    Some(Np {
        start: s,
        end: e,
        span: Span::new(toks[s].start as usize, toks[e - 1].end as usize),
        name,
        role,
        kind,
        mention,
        gender,
        head,
        weasel,
        anonymous_bare: anon.bare,
    })
}

/// `s` lower-cased as [`lower`] does, for a look-up: on the stack (`small`) when it is ASCII
/// and short, as most words are, else in `buf`, taken from the pool only then.
#[inline]
pub(super) fn lower_key<'a>(s: &str, small: &'a mut [u8; 32], buf: &'a mut Option<Scratch>) -> &'a [u8] {
    let b = s.as_bytes();
    if b.len() <= small.len() && b.is_ascii() {
        for (d, c) in small.iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        &small[..b.len()]
    } else {
        lower(s, buf.get_or_insert_with(Scratch::new)).as_bytes()
    }
}

/// "Abel and Vance said", "Mr. Abel and Ms. Vance said": two named speakers together are one
/// group source, named by the whole phrase (so a later "Vance said" is Vance alone). `None`
/// unless both sides are named people (not organisations).
fn coordinated_names(doc: &Doc, s: usize, body: usize, e: usize) -> Option<Np> {
    let (toks, text) = (&doc.tokens, doc.text);
    let x = (body + 1..e - 1).find(|&x| toks[x].kind == TokKind::Word && !toks[x].cap && toks[x].is_ci(text, "and"))?;
    if !(toks[x + 1].cap && (toks[x - 1].cap || punct_is(&toks[x - 1], text, b'.'))) {
        return None;
    }
    let named = |np: &Option<Np>| np.as_ref().is_some_and(|n| n.name.is_some() && !matches!(n.kind, SpeakerKind::Organization));
    let (left, right) = (build(doc, s, x), build(doc, x + 1, e));
    if !(named(&left) && named(&right)) {
        return None;
    }
    Some(Np {
        start: s,
        end: e,
        span: Span::new(toks[s].start as usize, toks[e - 1].end as usize),
        name: None,
        role: None,
        kind: SpeakerKind::Group,
        mention: MentionKind::Full,
        gender: Gender::Unknown,
        head: right?.head,
        weasel: false,
        anonymous_bare: false,
    })
}

/// "Anna Hartley of Coastwatch", "Detective Inspector Paul Miller of Kestria Police": a named
/// person, then the body they belong to. The person is the phrase (name, role, head: a later
/// "Ms Hartley" finds her); the whole phrase is the mention, as with "Ana Ruiz of the harbour
/// board". `None` when the words before "of" name no person ("Bank of Kestria", "Archbishop of
/// Lyle", "Secretary of State Ana Ruiz").
fn person_of_body(doc: &Doc, s: usize, body: usize, e: usize) -> Option<Np> {
    let toks = &doc.tokens;
    let x = (body + 2..e - 1).find(|&x| toks[x].kind == TokKind::Word && !toks[x].cap && toks[x].is_ci(doc.text, "of"))?;
    if !toks[x + 1].cap {
        return None;
    }
    let mut np = build(doc, s, x).filter(|np| np.name.is_some() && np.kind == SpeakerKind::Person && np.mention == MentionKind::Full)?;
    np.end = e;
    np.span.end = toks[e - 1].end as usize;
    Some(np)
}

/// What the title and role words of a phrase say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Titles {
    /// The token after the last title word (a name follows it).
    end: Option<usize>,
    /// The gender a title gives ("Mrs.", "congresswoman").
    gender: Gender,
    /// A title that names a body rather than a person ("White House").
    collective: bool,
    /// An organisation noun before a name ("the agency Nordpress", "news agency AFP").
    org_described: bool,
}

/// Finds the last title word in tokens `[body, e)`, single ("Sen.", "spokesman") or the end of a
/// multi-word title ([`title_phrase`]), with the gender and collectiveness titles give. An
/// honorific's period belongs to it ("Mr."); a capitalised first name is no title.
fn title_words(doc: &Doc, body: usize, e: usize, buf: &mut Option<Scratch>) -> Titles {
    let toks = &doc.tokens;
    let mut titles = Titles::default();
    let mut k = body;
    while k < e {
        let t = &toks[k];
        let f = t.flags_in(doc.lx);
        if f & flag::PHRASE_NAME != 0 {
            if let Some(p) = title_phrase(doc, k, e, buf) {
                titles.collective |= p.collective;
                if p.gender != Gender::Unknown {
                    titles.gender = p.gender;
                }
                titles.end = Some(k + p.len);
                k += p.len;
                continue;
            }
        }
        let org_role = f & flag::ORG_HEAD != 0 && !t.cap && toks.get(k + 1).is_some_and(|n| n.cap) && k + 1 < e;
        titles.org_described |= org_role;
        if (f & (flag::TITLE | flag::HONORIFIC) != 0 || org_role) && !(t.cap && f & flag::FIRST_NAME != 0) {
            titles.end = Some(k + 1);
            if let Some(en) = t.entry() {
                if en.gender != Gender::Unknown && f & flag::FIRST_NAME == 0 {
                    titles.gender = en.gender;
                }
            }
            titles.collective |= f & flag::COLLECTIVE != 0;
            // "Mr." — the period belongs to the honorific.
            if k + 1 < e && punct_is(&toks[k + 1], doc.text, b'.') {
                titles.end = Some(k + 2);
                k += 1;
            }
        }
        k += 1;
    }
    titles
}

/// A multi-word title from the lexicon starting at token `k`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TitlePhrase {
    len: usize,
    collective: bool,
    gender: Gender,
}

/// The longest title phrase of two words or more starting at token `k` (before `e`), built up
/// word by word: only the longest match says whether it names a body ("White House" does,
/// "White House spokesman" does not).
fn title_phrase(doc: &Doc, k: usize, e: usize, buf: &mut Option<Scratch>) -> Option<TitlePhrase> {
    let (lx, toks) = (doc.lx, &doc.tokens);
    let key = buf.get_or_insert_with(Scratch::new);
    key.clear();
    let mut found = TitlePhrase { len: 0, collective: false, gender: Gender::Unknown };
    for len in 1..=lx.max_phrase_words.min(e - k) {
        if len > 1 {
            key.push(' ');
        }
        toks[k + len - 1].lower_stem_into(doc.text, key);
        if len < 2 {
            continue;
        }
        let Some(kinds) = lx.phrase_or_prefix(key) else { break };
        for kind in kinds {
            if let PhraseKind::Title(g, c) = kind {
                if found.len != len {
                    found = TitlePhrase { len, collective: false, gender: Gender::Unknown };
                }
                found.collective |= *c;
                if *g != Gender::Unknown {
                    found.gender = *g;
                }
            }
        }
    }
    (found.len > 0).then_some(found)
}

/// The name in tokens `[body, e)`: a run of capitalised tokens from the end of the titles to the
/// end of the phrase ("Sen. Ana Ruiz"). With no title, a trailing capitalised run: the whole body
/// ("the United States"), or one after lower-case words, which are then the person's role
/// ("harbour master Ewan Pike"; returned as the new end of the titles).
fn name_run(doc: &Doc, body: usize, e: usize, title_end: Option<usize>) -> (Option<(usize, usize)>, Option<usize>) {
    let toks = &doc.tokens;
    let name_start = title_end.unwrap_or(body);
    let in_name = |x: usize| toks[x].cap || toks[x].kind == TokKind::Punct || name_particle(doc, x);
    if name_start < e && (name_start..e).all(|x| in_name(x) || toks[x].possessive) && toks[name_start].cap {
        return (Some((name_start, e)), title_end);
    }
    if title_end.is_some() {
        return (None, title_end);
    }
    let mut r = e;
    while r > body && in_name(r - 1) {
        r -= 1;
    }
    if r == body && r < e {
        (Some((r, e)), None)
    } else if r < e && r > body && (body..r).all(|x| !toks[x].cap && (toks[x].kind == TokKind::Word || age_word(doc, x, body))) && toks[r].flags_in(doc.lx) & flag::FUNCTION == 0 {
        (Some((r, e)), Some(r))
    } else {
        (None, None)
    }
}

/// "19-year-old Simpson": an age with no article before the name is part of the role ("the
/// 25-year-old Dubliner" is a description, not a name).
fn age_word(doc: &Doc, x: usize, body: usize) -> bool {
    let t = &doc.tokens[x];
    t.kind == TokKind::Number && t.text(doc.text).ends_with("-old") && !(body > 0 && is_det(doc, body - 1))
}

/// "Britain's Kelly Holmes", "Bafta's Grant Dean": the name is what follows the possessor (who is
/// no part of it); "Gordon Brown's Budget" names a budget, not a person.
fn after_possessor(doc: &Doc, (ns, ne): (usize, usize)) -> (usize, usize) {
    match (ns..ne - 1).rev().find(|&x| doc.tokens[x].possessive) {
        // "Foster's Group", "Macy's Inc": a company's name.
        Some(x) if !doc.tokens[x + 1].has(flag::ORG_HEAD | flag::ORG_SUFFIX) => (x + 1, ne),
        _ => (ns, ne),
    }
}

/// "Critics", "Police" at the start of a sentence: one capitalised group or title word is a
/// common noun, not a name (unless it is also a first name, a place or a news outlet).
fn common_noun_name(doc: &Doc, ns: usize, ne: usize) -> bool {
    let toks = &doc.tokens;
    ne - ns == 1
        && (ns..ne).all(|x| {
            let f = toks[x].flags_in(doc.lx);
            toks[x].kind != TokKind::Word || (f & (flag::GROUP | flag::TITLE) != 0 && f & (flag::FIRST_NAME | flag::PLACE | flag::MEDIA) == 0)
        })
}

/// The lower-case stem of token `last`, the phrase's head ("officials", "presidency", "psaki").
fn head_word(doc: &Doc, last: usize, buf: &mut Option<Scratch>) -> Word {
    let stem = doc.tokens[last].stem(doc.text);
    // `lower` of ASCII is `to_ascii_lowercase`: no scratch needed for most heads.
    if stem.is_ascii() {
        Word::ascii_lower(stem)
    } else {
        Word::new(lower(stem, buf.get_or_insert_with(Scratch::new)))
    }
}

/// The role: the words from the body's start to the end of the titles, when a name follows them
/// ("White House press secretary" Jen Psaki). A description without a name ("the French
/// presidency") has no separate role, and honorifics ("Mr.", "Dr.") are forms of address.
fn role_span(doc: &Doc, body: usize, title_end: Option<usize>, name: Option<(usize, usize)>) -> Option<Span> {
    let toks = &doc.tokens;
    let te = title_end?;
    let only_honorifics = (body..te).all(|x| toks[x].has(flag::HONORIFIC) || toks[x].kind == TokKind::Punct);
    name.filter(|_| !only_honorifics).map(|_| Span::new(toks[body].start as usize, toks[te - 1].end as usize))
}

/// A phrase's kind of speaker, how it mentions them, and their gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Kind {
    kind: SpeakerKind,
    mention: MentionKind,
    gender: Gender,
}

/// The kind of a phrase with name `[ns, ne)`: an organisation when the name or its titles say
/// so (a news outlet, "Ministry", "Inc", a place, a collective title, "the agency …"); a person
/// with a first name, an honorific or a personal title, or a name of two or more words that are
/// no place. A person's gender falls back on their first name.
fn named_kind(doc: &Doc, (ns, ne): (usize, usize), body: usize, e: usize, titles: &Titles, titled: bool, buf: &mut Option<Scratch>) -> Kind {
    let (lx, toks) = (doc.lx, &doc.tokens);
    let mut gender = titles.gender;
    let first = &toks[ns];
    let name_phrase = if ne - ns > 1 && first.flags_in(lx) & flag::PHRASE_NAME != 0 {
        lx.phrase(lower(Span::new(toks[ns].start as usize, toks[ne - 1].stem_end() as usize).text(doc.text), buf.get_or_insert_with(Scratch::new))).unwrap_or(&[])
    } else {
        &[]
    };
    let all = (body..e).fold(0u64, |acc, x| acc | toks[x].flags_in(doc.lx));
    let name_flags = (ns..ne).fold(0u64, |acc, x| acc | toks[x].flags_in(doc.lx));
    let kind = if name_flags & (flag::MEDIA | flag::ORG_HEAD | flag::ORG_SUFFIX) != 0
        || name_phrase.iter().any(|k| matches!(k, PhraseKind::Org | PhraseKind::Media))
        || (ne - ns == 1 && first.flags_in(lx) & flag::PLACE != 0)
        || name_phrase.contains(&PhraseKind::Place)
        || titles.collective
        || titles.org_described
    {
        SpeakerKind::Organization
    } else if first.flags_in(lx) & flag::FIRST_NAME != 0 || all & flag::HONORIFIC != 0 || (titled && !titles.collective) {
        if gender == Gender::Unknown && first.flags_in(lx) & flag::FIRST_NAME != 0 && ne - ns > 1 {
            gender = first.entry().map_or(Gender::Unknown, |en| en.gender);
        }
        SpeakerKind::Person
    } else if ne - ns >= 2 && (ns..ne).all(|x| toks[x].kind == TokKind::Word && toks[x].flags_in(doc.lx) & flag::PLACE == 0) {
        SpeakerKind::Person
    } else {
        SpeakerKind::Unknown
    };
    Kind { kind, mention: MentionKind::Full, gender }
}

/// The kind of a phrase with no name, from its last word `last`: a group ("officials"), an
/// organisation or a collective title ("the presidency"), a person's role ("the mayor", a role
/// mention linked to whoever holds it), or people in the plural ("business owners"). The gender
/// is the titles' ("the congresswoman").
fn unnamed_kind(doc: &Doc, last: usize, titles: &Titles, head: &Word) -> Kind {
    let t = &doc.tokens[last];
    let f = t.flags_in(doc.lx);
    let (kind, mention) = if f & flag::GROUP != 0 {
        (SpeakerKind::Group, MentionKind::Full)
    } else if f & (flag::ORG_HEAD | flag::MEDIA) != 0 || titles.collective {
        (SpeakerKind::Organization, MentionKind::Role)
    } else if f & flag::TITLE != 0 {
        (SpeakerKind::Person, MentionKind::Role)
    } else if f & flag::ATTR_NOUN != 0 {
        (SpeakerKind::Unknown, MentionKind::Full)
    } else if head.as_bytes().ends_with(b"s") && f & flag::VERB == 0 && !t.cap {
        (SpeakerKind::Group, MentionKind::Full)
    } else {
        (SpeakerKind::Unknown, MentionKind::Full)
    };
    Kind { kind, mention, gender: titles.gender }
}

/// How a phrase makes its source anonymous.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Anonymity {
    /// An anonymous source ("a senior official who asked not to be named", "sources").
    anonymous: bool,
    /// Nothing says who they are ("a source", "sources", "another source").
    bare: bool,
    /// The head is "source(s)" or "insider(s)": a full mention, whatever the rest says.
    source_head: bool,
}

/// Is the phrase `[s, e)` an anonymous source? From the lexicon's anonymous phrases (bare or
/// described), or a "source"/"insider" head, which is bare when it stands alone after the
/// determiner.
fn anonymity(doc: &Doc, s: usize, body: usize, e: usize, head: &Word, buf: &mut Option<Scratch>) -> Anonymity {
    let toks = &doc.tokens;
    let mut a = Anonymity::default();
    let full_kinds = if e - s > 1 && toks[s].flags_in(doc.lx) & flag::PHRASE_CLAIM != 0 {
        doc.lx.phrase(lower(Span::new(toks[s].start as usize, toks[e - 1].end as usize).text(doc.text), buf.get_or_insert_with(Scratch::new)))
    } else {
        None
    };
    if let Some(kinds) = full_kinds {
        if kinds.contains(&PhraseKind::AnonBare) {
            a = Anonymity { anonymous: true, bare: true, source_head: false };
        } else if kinds.contains(&PhraseKind::AnonDescribed) {
            a.anonymous = true;
        }
    }
    if matches!(head.as_bytes(), b"source" | b"sources" | b"insider" | b"insiders") {
        a = Anonymity { anonymous: true, bare: e - body == 1, source_head: true };
    }
    a
}

/// A lone nationality adjective taken for a name ("Russian demands", "Cuban officials" cut
/// short) is not a source. Not every "-an" word is one: Wasserman, Sullivan and Jordan are
/// surnames, so "-an" demonyms are listed.
fn lone_demonym(doc: &Doc, body: usize, e: usize, named: bool, buf: &mut Option<Scratch>) -> bool {
    let last = &doc.tokens[e - 1];
    if !(e - body == 1 && named && last.flags_in(doc.lx) & (flag::FIRST_NAME | nominal_flags()) == 0) {
        return false;
    }
    const AN_DEMONYMS: &[&str] = &["american", "mexican", "german", "cuban", "dominican", "moroccan", "african", "guatemalan", "venezuelan", "chilean", "afghan"];
    // "McLeish", "MacLean": a capital inside the word makes a surname, never a nationality.
    if last.text(doc.text).chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let mut small = [0u8; 32];
    let lw = lower_key(last.text(doc.text), &mut small, buf);
    ([&b"ese"[..], b"ish", b"ian", b"ean"].iter().any(|suf| lw.ends_with(suf)) && lw.len() > 4) || AN_DEMONYMS.iter().any(|d| d.as_bytes() == lw)
}

/// A weasel group: vague people who stand for a view nobody owns ("critics", "observers",
/// "some experts", "many", "others"). A word that is weaselly only with a quantifier ("experts")
/// needs one.
fn weasel_group(doc: &Doc, s: usize, body: usize, e: usize, named: bool) -> bool {
    let last_flags = doc.tokens[e - 1].flags_in(doc.lx);
    let det_some = word_in(doc, s, &["some", "many", "most", "several"]);
    last_flags & flag::GROUP_WEASEL != 0 && !named && e - body <= 2
        || (last_flags & flag::GROUP_MAYBE != 0 && det_some)
        || word_in(doc, s, &["some", "many", "others"]) && e == s + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Format;

    /// The phrase `text` read as tokens; steps get it whole as `[0, len)`.
    fn doc(text: &str) -> Doc<'_> {
        Doc::new(text, Format::PlainText)
    }

    fn words(d: &Doc, s: usize, e: usize) -> String {
        d.text[d.tokens[s].start as usize..d.tokens[e - 1].end as usize].to_string()
    }

    fn body(d: &Doc) -> usize {
        usize::from(is_det(d, 0))
    }

    #[test]
    fn build_table() {
        // (phrase, kind, mention, name, role, head)
        let cases: &[(&str, SpeakerKind, MentionKind, Option<&str>, Option<&str>, &str)] = &[
            ("White House press secretary Jen Psaki", SpeakerKind::Person, MentionKind::Full, Some("Jen Psaki"), Some("White House press secretary"), "psaki"),
            ("harbour master Ewan Pike", SpeakerKind::Person, MentionKind::Full, Some("Ewan Pike"), Some("harbour master"), "pike"),
            ("Mr. Kane", SpeakerKind::Person, MentionKind::Full, Some("Kane"), None, "kane"),
            ("the mayor", SpeakerKind::Person, MentionKind::Role, None, None, "mayor"),
            ("the French presidency", SpeakerKind::Organization, MentionKind::Role, None, None, "presidency"),
            ("officials", SpeakerKind::Group, MentionKind::Full, None, None, "officials"),
            ("business owners", SpeakerKind::Group, MentionKind::Full, None, None, "owners"),
            ("a source", SpeakerKind::Anonymous, MentionKind::Full, None, None, "source"),
            ("Mr. Abel and Ms. Vance", SpeakerKind::Group, MentionKind::Full, None, None, "vance"),
            ("Critics", SpeakerKind::Group, MentionKind::Full, None, None, "critics"),
            ("the United States", SpeakerKind::Organization, MentionKind::Full, Some("United States"), None, "states"),
            // A possessor is no part of the name.
            ("Kestria's Ana Ruiz", SpeakerKind::Person, MentionKind::Full, Some("Ana Ruiz"), None, "ruiz"),
            ("Tom Vance's Budget", SpeakerKind::Unknown, MentionKind::Full, Some("Budget"), None, "budget"),
            ("Nordby's Group", SpeakerKind::Organization, MentionKind::Full, Some("Nordby's Group"), None, "group"),
            // A named person of a body: the person, with the phrase as the mention.
            ("Anna Hartley of Coastwatch", SpeakerKind::Person, MentionKind::Full, Some("Anna Hartley"), None, "hartley"),
            ("Detective Inspector Paul Okafor of Kestria Valley Police", SpeakerKind::Person, MentionKind::Full, Some("Paul Okafor"), Some("Detective Inspector"), "okafor"),
            ("Dr Lena Vance of Lyle University", SpeakerKind::Person, MentionKind::Full, Some("Lena Vance"), None, "vance"),
            // With "the", a nationality is a person by description.
            ("the Kestrian", SpeakerKind::Person, MentionKind::Role, None, None, "kestrian"),
            // A particle inside a name.
            ("festival director Sandra den Hamer", SpeakerKind::Person, MentionKind::Full, Some("Sandra den Hamer"), Some("festival director"), "hamer"),
        ];
        for &(text, kind, mention, name, role, head) in cases {
            let d = doc(text);
            let np = build(&d, 0, d.tokens.len()).unwrap_or_else(|| panic!("{text}: no phrase"));
            let got = (np.kind, np.mention, np.name.map(|(s, e)| words(&d, s, e)), np.role.map(|r| r.text(text).to_string()), &*np.head);
            assert_eq!(got, (kind, mention, name.map(str::to_string), role.map(str::to_string), head), "{text}");
        }
    }

    #[test]
    fn person_of_body_needs_a_named_person_before_of() {
        // (phrase, the person's name)
        let cases: &[(&str, Option<&str>)] = &[
            ("Anna Hartley of Coastwatch", Some("Anna Hartley")),
            ("Mr Okafor of Lyle Rovers", Some("Okafor")),
            // A body's own name, a title of a place, a title before a name.
            ("Bank of Kestria", None),
            ("University of Lyle", None),
            ("Archbishop of Lyle", None),
            ("Secretary of State Ana Ruiz", None),
        ];
        for &(text, want) in cases {
            let d = doc(text);
            let np = person_of_body(&d, 0, body(&d), d.tokens.len());
            assert_eq!(np.and_then(|np| np.name).map(|(s, e)| words(&d, s, e)), want.map(str::to_string), "{text}");
        }
    }

    #[test]
    fn appositive_name_table() {
        // (description, name, the name with the description as role?)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("the union's general secretary", "Mick Lynch", Some("union's general secretary")),
            ("His father", "Ernie Leblanc", Some("His father")),
            ("a surgeon", "Ana Ruiz", Some("surgeon")),
            ("The head of the Harbour Board", "Ana Ruiz", Some("head of the Harbour Board")),
            ("The chief inspector of schools", "Omar Haddad", Some("chief inspector of schools")),
            // Two names, a pronoun, a weasel group: no apposition of a description.
            ("Lena Hartley", "Ana Ruiz", None),
            ("he", "Ana Ruiz", None),
            ("critics", "Ana Ruiz", None),
            // The second phrase must name someone.
            ("the mayor", "the council", None),
        ];
        for &(desc, name, want) in cases {
            let text = format!("{desc}, {name}");
            let d = doc(&text);
            let comma = d.tokens.iter().position(|t| t.text(&text) == ",").unwrap();
            let nn = build(&d, comma + 1, d.tokens.len()).unwrap();
            let got = appositive_name(&d, (0, comma), &nn);
            assert_eq!(got.as_ref().map(|np| np.role.map(|r| r.text(&text))), want.map(Some), "{text}");
            if let Some(np) = got {
                assert_eq!(np.span.text(&text), name);
            }
        }
    }

    #[test]
    fn build_drops_a_lone_nationality() {
        for text in ["Russian", "Chinese", "Mexican"] {
            let d = doc(text);
            assert!(build(&d, 0, 1).is_none(), "{text}");
        }
        let d = doc("Sullivan");
        assert!(build(&d, 0, 1).is_some());
    }

    #[test]
    fn coordinated_names_table() {
        // (phrase, one group source)
        let cases: &[(&str, bool)] = &[
            ("Mr. Abel and Ms. Vance", true),
            ("Ana Abel and Tom Vance", true),
            ("Abel and the mayor", false),
            ("Procter and Gamble Inc", false),
            ("the mayor and officials", false),
        ];
        for &(text, want) in cases {
            let d = doc(text);
            let got = coordinated_names(&d, 0, body(&d), d.tokens.len());
            assert_eq!(got.is_some(), want, "{text}: {got:?}");
            if let Some(np) = got {
                assert_eq!((np.kind, np.name, np.span.text(text)), (SpeakerKind::Group, None, text));
            }
        }
    }

    #[test]
    fn title_words_table() {
        // (phrase, the word after the last title word, gender, collective, organisation before a name)
        let cases: &[(&str, Option<&str>, Gender, bool, bool)] = &[
            ("White House press secretary Jen Psaki", Some("Jen"), Gender::Unknown, false, false),
            ("Mrs. Abel", Some("Abel"), Gender::Female, false, false),
            ("Sen. Ana Ruiz", Some("Ana"), Gender::Unknown, false, false),
            ("news agency AFP", Some("AFP"), Gender::Unknown, false, true),
            ("Ana Ruiz", None, Gender::Unknown, false, false),
            ("the White House", Some("<end>"), Gender::Unknown, true, false),
        ];
        for &(text, after, gender, collective, org) in cases {
            let d = doc(text);
            let t = title_words(&d, body(&d), d.tokens.len(), &mut None);
            let after_got = t.end.map(|k| if k < d.tokens.len() { d.tokens[k].text(text) } else { "<end>" });
            assert_eq!((after_got, t.gender, t.collective, t.org_described), (after, gender, collective, org), "{text}");
        }
    }

    #[test]
    fn title_phrase_takes_the_longest() {
        // (phrase, words in the title phrase at its start, collective)
        let cases: &[(&str, Option<(usize, bool)>)] = &[("White House spokesman Kane", Some((3, false))), ("White House", Some((2, true))), ("White paint", None)];
        for &(text, want) in cases {
            let d = doc(text);
            let got = title_phrase(&d, 0, d.tokens.len(), &mut None).map(|p| (p.len, p.collective));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn name_run_table() {
        // (phrase, name, new end of the titles)
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("Sen. Ana Ruiz", Some("Ana Ruiz"), Some("Sen.")),
            ("harbour master Ewan Pike", Some("Ewan Pike"), Some("harbour master")),
            ("the United States", Some("United States"), None),
            ("the mayor", None, Some("mayor")),
            ("the Kane report", None, None),
            ("Ruud van Nistelrooy", Some("Ruud van Nistelrooy"), None),
            ("coach Lena de Vries", Some("Lena de Vries"), Some("coach")),
            ("19-year-old Vance", Some("Vance"), Some("19-year-old")),
            ("the 25-year-old Kestrian", None, None),
            ("600-700 Vance", None, None),
        ];
        for &(text, name, titles) in cases {
            let d = doc(text);
            let b = body(&d);
            let t = title_words(&d, b, d.tokens.len(), &mut None);
            let (n, te) = name_run(&d, b, d.tokens.len(), t.end);
            assert_eq!((n.map(|(s, e)| words(&d, s, e)), te.map(|te| words(&d, b, te))), (name.map(str::to_string), titles.map(str::to_string)), "{text}");
        }
    }

    #[test]
    fn common_noun_name_table() {
        let cases: &[(&str, bool)] = &[("Critics", true), ("Police", true), ("Kane", false), ("Critics Kane", false)];
        for &(text, want) in cases {
            let d = doc(text);
            assert_eq!(common_noun_name(&d, 0, d.tokens.len()), want, "{text}");
        }
    }

    #[test]
    fn role_span_table() {
        // (phrase, role)
        let cases: &[(&str, Option<&str>)] = &[
            ("White House press secretary Jen Psaki", Some("White House press secretary")),
            ("the chief engineer Tomas Okafor", Some("chief engineer")),
            ("Dr. Ana Ruiz", None),
            ("the chief engineer", None),
        ];
        for &(text, want) in cases {
            let d = doc(text);
            let (b, e) = (body(&d), d.tokens.len());
            let t = title_words(&d, b, e, &mut None);
            let (name, te) = name_run(&d, b, e, t.end);
            assert_eq!(role_span(&d, b, te, name).map(|r| r.text(text)), want, "{text}");
        }
    }

    #[test]
    fn kinds_table() {
        // (phrase, kind, mention, gender)
        let cases: &[(&str, SpeakerKind, MentionKind, Gender)] = &[
            ("Reuters", SpeakerKind::Organization, MentionKind::Full, Gender::Unknown),
            ("the agency Nordpress", SpeakerKind::Organization, MentionKind::Full, Gender::Unknown),
            ("Ana Ruiz", SpeakerKind::Person, MentionKind::Full, Gender::Female),
            ("Mr. Kane", SpeakerKind::Person, MentionKind::Full, Gender::Male),
            ("Tal Okonkwo", SpeakerKind::Person, MentionKind::Full, Gender::Unknown),
            ("the congresswoman", SpeakerKind::Person, MentionKind::Role, Gender::Female),
            ("the ministry", SpeakerKind::Organization, MentionKind::Role, Gender::Unknown),
            ("residents", SpeakerKind::Group, MentionKind::Full, Gender::Unknown),
            ("the pier", SpeakerKind::Unknown, MentionKind::Full, Gender::Unknown),
        ];
        for &(text, kind, mention, gender) in cases {
            let d = doc(text);
            let (b, e) = (body(&d), d.tokens.len());
            let t = title_words(&d, b, e, &mut None);
            let (name, te) = name_run(&d, b, e, t.end);
            let head = head_word(&d, e - 1, &mut None);
            let got = match name {
                Some(n) => named_kind(&d, n, b, e, &t, te.is_some(), &mut None),
                None => unnamed_kind(&d, e - 1, &t, &head),
            };
            assert_eq!(got, Kind { kind, mention, gender }, "{text}");
        }
    }

    #[test]
    fn anonymity_table() {
        // (phrase, anonymous, bare, "source" head)
        let cases: &[(&str, bool, bool, bool)] = &[
            ("a source", true, true, true),
            ("sources", true, true, true),
            ("a source close to the talks", true, false, false),
            ("government sources", true, false, true),
            ("an industry insider", true, false, true),
            ("the mayor", false, false, false),
        ];
        for &(text, anonymous, bare, source_head) in cases {
            let d = doc(text);
            let (b, e) = (body(&d), d.tokens.len());
            let head = head_word(&d, e - 1, &mut None);
            let got = anonymity(&d, 0, b, e, &head, &mut None);
            assert_eq!(got, Anonymity { anonymous, bare, source_head }, "{text}");
        }
    }

    #[test]
    fn lone_demonym_table() {
        let cases: &[(&str, bool)] = &[("Russian", true), ("Japanese", true), ("Mexican", true), ("Sullivan", false), ("Jordan", false), ("Reuters", false), ("McTavish", false), ("MacKean", false)];
        for &(text, want) in cases {
            let d = doc(text);
            assert_eq!(lone_demonym(&d, 0, 1, true, &mut None), want, "{text}");
        }
        let d = doc("Russian");
        assert!(!lone_demonym(&d, 0, 1, false, &mut None), "not taken for a name");
    }

    #[test]
    fn weasel_group_table() {
        let cases: &[(&str, bool)] = &[
            ("critics", true),
            ("some critics", true),
            ("experts", true),
            ("some analysts", true),
            ("analysts", false),
            ("others", true),
            ("many", true),
            ("officials", false),
            ("the mayor", false),
        ];
        for &(text, want) in cases {
            let d = doc(text);
            let e = d.tokens.len();
            let b = body(&d);
            assert_eq!(weasel_group(&d, 0, b, e, false), want, "{text}");
        }
    }
}
