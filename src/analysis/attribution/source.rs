//! Who is the source of a cue? One step per way a news sentence names it: "according to X",
//! "was told by X", a participle's subject (", saying ..."), the subject left of the verb (past
//! inserts, asides, a relative "who", poll percentages, the head before a preposition), the
//! subject of a coordinated verb, and the inverted source right of the verb (", said X").

use super::scan::{dash_at, skip_left, span_of};
use super::Ctx;
use crate::analysis::cues::{is, number_word, punct_is, word_in, word_is, CueCand};
use crate::analysis::lexicon::{flag, VerbClass};
use crate::analysis::model::{MentionKind, Span, SpeakerKind};
use crate::analysis::entities::Link;
use crate::analysis::speakers::{appositive_name, group_np, np_left, np_right, Np};
use crate::analysis::text::TokKind;

#[derive(Clone, Debug)]
pub(super) struct Source {
    pub np: Np,
    /// The source stands right of the cue ("said Psaki", "according to AFP").
    pub right: bool,
    /// "Kamin, who said ...": the relative pronoun the cue attaches to; `np` is its antecedent,
    /// and the mention.
    pub via: Option<Span>,
}

/// A cue with its source: what every later step of the sentence reads.
pub(super) struct Resolved {
    pub cue: CueCand,
    pub source: Option<Source>,
    /// Token where the material after the cue (and its source/listener) begins.
    pub after: usize,
    /// Token where the cue block (source + cue) begins.
    pub block_start: usize,
    /// Entity link result for the source.
    pub link: Option<(usize, Link)>,
    pub used: bool,
    /// `, who says ...`: the token of the relative pronoun after a comma; an earlier cue's content
    /// stops before that comma.
    pub relative: Option<usize>,
}

impl Resolved {
    /// Can this cue attribute anything: a source, not an infinitive ("declined to say"), and a
    /// verb that reports speech or thought ("visited" does not).
    #[inline]
    pub fn speaks(&self) -> bool {
        self.source.is_some()
            && !self.cue.infinitive
            && match self.cue.verb {
                None => true,
                Some((v, _)) => !matches!(v.class, VerbClass::NonSpeech),
            }
    }
}

/// Find the source of a cue and where its content may begin. `earlier` are the sentence's cues
/// before this one, already resolved: a participle or a coordinated verb shares their subject.
pub(super) fn resolve_cue(c: &Ctx, cue: &CueCand, earlier: &[Resolved]) -> Resolved {
    let mut r = Resolved { cue: cue.clone(), source: None, after: cue.end, block_start: cue.start, link: None, used: false, relative: None };
    if cue.according_to {
        // "according to AFP"
        set_right_source(&mut r, np_right(c.doc, c.depth, cue.end, c.s1));
    } else if cue.passive_by {
        // "was told by the minister": the source follows "by".
        set_right_source(&mut r, np_right(c.doc, c.depth, cue.end + 1, c.s1));
    } else if cue.participial {
        r.source = participle_subject(c, cue, earlier);
    } else {
        subject_or_inverted(c, &mut r, earlier);
    }
    r
}

fn set_right_source(r: &mut Resolved, np: Option<Np>) {
    if let Some(np) = np {
        r.after = np.end;
        r.source = Some(Source { np, right: true, via: None });
    }
}

/// ", saying ...": the subject of the clause's main cue, else of the sentence; "footage of the
/// governor asking, “…”": the person right before the participle.
fn participle_subject(c: &Ctx, cue: &CueCand, earlier: &[Resolved]) -> Option<Source> {
    let doc = c.doc;
    let named_before = np_left(doc, c.depth, cue.start, c.s0)
        .filter(|np| np.name.is_some() || np.kind != SpeakerKind::Unknown && np.mention != MentionKind::Pronoun && is(doc, np.start, flag::DET));
    if let Some(np) = named_before {
        Some(Source { np, right: false, via: None })
    } else if let Some(prev) = earlier.iter().find(|r| r.source.is_some()) {
        prev.source.clone()
    } else {
        np_right(doc, c.depth, c.s0, cue.start).map(|np| Source { np, right: false, via: None })
    }
}

/// A plain verb cue: the subject on its left if one is plausible, else the subject of a
/// coordinated verb ("toured the streets and said") or an inverted source (", said Psaki").
fn subject_or_inverted(c: &Ctx, r: &mut Resolved, earlier: &[Resolved]) {
    let k = skip_left(c.doc, c.depth, r.cue.start, c.s0);
    let LeftSubject { np: left, who, block } = left_subject(c, r, k);
    match left {
        Some(np) if plausible_subject(c, &np, &r.cue) => {
            r.block_start = block.unwrap_or(np.start);
            let via = who.map(|w| c.doc.tokens[w].span());
            r.source = Some(Source { np, right: false, via });
        }
        _ => {
            let toks = &c.doc.tokens;
            // Inverted: ", said Psaki" / "," said the minister.
            let before_ok = k == c.s0 || toks[k - 1].kind == TokKind::Mark || toks[k - 1].kind == TokKind::Punct;
            // "Okonkwo toured the streets and said ...": the subject of the first verb speaks.
            let coordinated = k > c.s0 + 2 && c.depth[k - 1] == 0 && word_in(c.doc, k - 1, &["and", "but"]);
            if coordinated {
                r.source = coordinated_subject(c, k, earlier);
            } else if before_ok {
                if let Some(np) = inverted_source(c, &r.cue) {
                    r.after = np.end;
                    r.source = Some(Source { np, right: true, via: None });
                }
            }
        }
    }
}

/// The subject left of a verb group, as [`left_subject`] finds it.
#[derive(Debug, Default)]
struct LeftSubject {
    np: Option<Np>,
    /// The relative pronoun right before the verb ("X, who said"): the mention that speaks.
    who: Option<usize>,
    /// Where the source's words start when they begin before `np` ("the union's general
    /// secretary, Mick Lynch, said": at "the").
    block: Option<usize>,
}

/// The noun phrase left of the verb group (which starts at `k`), trying in turn: the phrase right
/// before it, the name before a comma-delimited insert (or the name in apposition after a
/// description), a named subject before longer asides, the antecedent of a relative "who", poll
/// respondents; then widened to the head before a preposition. Sets `r.relative` for ", who says
/// ..." after a comma or dash.
fn left_subject(c: &Ctx, r: &mut Resolved, k: usize) -> LeftSubject {
    let (doc, depth, s0) = (c.doc, c.depth, c.s0);
    let mut left = np_left(doc, depth, k, s0);
    let mut block = None;
    if left.is_none() && k > s0 && punct_is(&doc.tokens[k - 1], doc.text, b',') {
        if let Some((np, start)) = subject_before_insert(c, k) {
            block = Some(start).filter(|&s| s < np.start);
            left = Some(np);
        }
    }
    if left.is_none() && k > s0 + 2 && aside_delimiter(c, k - 1) {
        left = named_subject_before_asides(c, k);
    }
    let mut who = None;
    if left.is_none() && !word_in(doc, k.saturating_sub(1), &["and", "but"]) {
        let rel = relative_subject(c, &r.cue, k);
        left = rel.np;
        who = rel.who;
        r.relative = rel.relative;
    }
    if let Some(np) = poll_respondents(c, left.as_ref(), k) {
        left = Some(np);
    }
    if let Some(outer) = left.as_ref().filter(|_| block.is_none()).and_then(|np| prepositional_head(c, np)) {
        left = Some(outer);
    }
    if let Some(named) = left.as_ref().filter(|_| block.is_none() && who.is_none()).and_then(|np| name_before_description(c, np)) {
        left = Some(named);
    }
    LeftSubject { np: left, who, block }
}

/// "Marc Ostwald, a strategist at Monument Securities, told Reuters" with the comma that closes
/// the description dropped (common in wire and web copy): description `desc` stands right before
/// the verb and a name before it, after a comma, opens the clause. The name speaks, with the
/// description as its role ([`appositive_name`]). Not a setting ("In Kestria, some traders
/// said") nor an object ("Echoing Ana Ruiz, the mayor said").
fn name_before_description(c: &Ctx, desc: &Np) -> Option<Np> {
    let (doc, s0) = (c.doc, c.s0);
    if desc.name.is_some() || desc.mention == MentionKind::Pronoun || desc.start < s0 + 2 || !punct_is(&doc.tokens[desc.start - 1], doc.text, b',') {
        return None;
    }
    // "Paramount, Universal and Warner said": a list, not a description.
    if (desc.start..desc.end).any(|x| word_in(doc, x, &["and", "or"])) {
        return None;
    }
    let name = np_left(doc, c.depth, desc.start - 1, s0)?;
    // "Echoing Ana Ruiz, …": a participle opening the sentence, read as part of the name;
    // "Separately, …": an adverb.
    let first = doc.tokens[name.start].text(doc.text);
    let participle = name.end > name.start + 2 && first.ends_with("ing");
    let adverb = name.end == name.start + 1 && (first.ends_with("ly") || is(doc, name.start, flag::ADVERB | flag::FUNCTION));
    if participle || adverb || !opens_subject(c, name.start) {
        return None;
    }
    appositive_name(doc, (desc.start, desc.end), &name)
}

/// Can a subject start at token `st`: the sentence start, right after a quotation, after a
/// leading conjunction, or after a short lead phrase and a comma ([`after_lead`])?
fn opens_subject(c: &Ctx, st: usize) -> bool {
    let (doc, s0) = (c.doc, c.s0);
    st == s0 || doc.tokens[st - 1].kind == TokKind::Mark || (st == s0 + 1 && word_in(doc, s0, &["but", "and", "yet", "still"])) || after_lead(c, st)
}

/// "X, who ..., said" / "X, the agency's head, said" (`k - 1` is a comma): look past a
/// comma-delimited insert that describes the source — a relative clause, a participle, or a role —
/// to the name before it, and keep the role; when the insert is the name and the phrase before it
/// a description ("the union's general secretary, Mick Lynch, said"), the name with that role
/// ([`appositive_name`]). Returns the source and the token where its words start; `None` when no
/// such insert stands there.
fn subject_before_insert(c: &Ctx, k: usize) -> Option<(Np, usize)> {
    let (doc, depth, s0) = (c.doc, c.depth, c.s0);
    let toks = &doc.tokens;
    let text = doc.text;
    let lim = k.saturating_sub(30).max(s0);
    let i = (lim..k - 1).rev().find(|&x| depth[x] == 0 && punct_is(&toks[x], text, b','))?;
    let insert = np_right(doc, depth, i + 1, k - 1).filter(|n| n.end == k - 1);
    if let Some(named) = insert.as_ref().and_then(|n| {
        let ds = description_start(c, i)?;
        Some((appositive_name(doc, (ds, i), n)?, ds))
    }) {
        return Some(named);
    }
    // "At the meeting, Ana Ruiz, said" (a stray comma): a setting before a name is no subject.
    if let Some(n) = insert.as_ref().filter(|n| n.name.is_some() && n.mention != MentionKind::Pronoun) {
        if np_left(doc, depth, i, s0).is_none_or(|l| l.start > s0 && is(doc, l.start - 1, flag::PREP)) {
            return Some((n.clone(), n.start));
        }
    }
    let insert_ok = word_in(doc, i + 1, &["who", "which", "whose"])
        // "President Obama, dedicating the museum on Saturday, said"
        || (toks[i + 1].kind == TokKind::Word && !toks[i + 1].cap && toks[i + 1].text(text).ends_with("ing"))
        || insert.is_some()
        // "Even Norland, Kestria's only ally, said"
        || ((is(doc, i + 1, flag::DET) || toks[i + 1].has(flag::TITLE) || toks[i + 1].possessive && toks[i + 1].cap)
            && (i + 1..k - 1).all(|x| depth[x] == 0 && !(toks[x].has(flag::VERB) && !toks[x].has(flag::TITLE))));
    if !insert_ok {
        return None;
    }
    let mut left = np_left(doc, depth, i, s0);
    // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said": more than
    // one description before the verb; the name comes first.
    let mut guard = 0;
    while let Some(np) = &left {
        guard += 1;
        if guard > 3 || np.name.is_some() || np.start < s0 + 2 || !punct_is(&toks[np.start - 1], text, b',') {
            break;
        }
        match np_left(doc, depth, np.start - 1, s0) {
            Some(before) if before.name.is_some() => left = Some(before),
            _ => break,
        }
    }
    if let (Some(np), false) = (&mut left, word_in(doc, i + 1, &["who", "which", "whose"])) {
        let role_start = i + 1 + word_in(doc, i + 1, &["the", "a", "an"]) as usize;
        // "X, the ,said" (a bare article) names no role.
        if np.role.is_none() && role_start < k - 1 {
            np.role = Some(span_of(doc, role_start, k - 1));
        }
    }
    left.map(|np| {
        let start = np.start;
        (np, start)
    })
}

/// Where a description that ends before the comma at token `i` starts, when it opens its clause
/// ("Its lawyer", "The head of the harbour board", "On Monday, the chief inspector of schools"):
/// the phrase before the comma (widened over "of …"), or else the words back to the clause's
/// start, past a conjunction and a time word, when they hold no reporting verb and start like a
/// noun phrase. `None` after a preposition ("At the meeting, …").
fn description_start(c: &Ctx, i: usize) -> Option<usize> {
    let (doc, depth, s0) = (c.doc, c.depth, c.s0);
    let toks = &doc.tokens;
    let ds = match np_left(doc, depth, i, s0) {
        Some(np) => {
            let np = prepositional_head(c, &np).unwrap_or(np);
            np.name.is_none().then_some(np.start)?
        }
        None => {
            let word = |x: usize| depth[x] == 0 && (toks[x].kind == TokKind::Word || toks[x].kind == TokKind::Number) && !(toks[x].has(flag::VERB) && !toks[x].has(flag::TITLE));
            let mut st = (i.saturating_sub(12).max(s0)..i).rev().find(|&x| !word(x)).map_or(i.saturating_sub(12).max(s0), |x| x + 1);
            if st > s0 && toks[st - 1].kind != TokKind::Punct && toks[st - 1].kind != TokKind::Mark {
                return None;
            }
            while st < i && (word_in(doc, st, &["but", "and", "yet", "so"]) || toks[st].has(flag::DAY_MONTH) || is(doc, st, flag::TIME)) {
                st += 1;
            }
            let t = toks.get(st).filter(|_| st < i)?;
            (is(doc, st, flag::DET) || t.has(flag::TITLE) || (t.cap && !is(doc, st, flag::FUNCTION))).then_some(st)?
        }
    };
    (ds == s0 || !is(doc, ds - 1, flag::PREP)).then_some(ds)
}

/// A comma or a dash (not a hyphen) that closes an aside before the verb.
#[inline]
fn aside_delimiter(c: &Ctx, x: usize) -> bool {
    let toks = &c.doc.tokens;
    let text = c.doc.text;
    punct_is(&toks[x], text, b',') || (toks[x].kind == TokKind::Punct && matches!(toks[x].first_char(text), '—' | '–' | '-') && toks[x].text(text) != "-")
}

/// Longer asides: "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said",
/// "Mr. King, 82, said", "John Dickey, the chief executive -- the company that owns the show --
/// told me": a named subject at the start of the clause, before the first delimiter.
fn named_subject_before_asides(c: &Ctx, k: usize) -> Option<Np> {
    let (doc, depth, s0) = (c.doc, c.depth, c.s0);
    let toks = &doc.tokens;
    let text = doc.text;
    let lim = k.saturating_sub(45).max(s0);
    // Only the words after a quotation that precedes the source.
    let lim = (lim..k).rev().find(|&x| depth[x] != 0 || toks[x].kind == TokKind::Mark).map_or(lim, |x| x + 1);
    let clean = (lim..k).all(|x| depth[x] == 0 && !punct_is(&toks[x], text, b';'));
    if !clean {
        return None;
    }
    let subject_start = |st: usize| opens_subject(c, st);
    for d in (lim..k - 1).filter(|&x| aside_delimiter(c, x)) {
        let mut e = d;
        // "Rep. Jim Jordan (R-Ohio), ..."
        if e > s0 && punct_is(&toks[e - 1], text, b')') {
            if let Some(open) = (e.saturating_sub(8).max(s0)..e - 1).rev().find(|&x| punct_is(&toks[x], text, b'(')) {
                e = open;
            }
        }
        if let Some(np) = np_left(doc, depth, e, s0).filter(|np| np.name.is_some() && subject_start(np.start)) {
            return Some(np);
        }
    }
    None
}

/// "On Wednesday, Omar Haddad, …": token `st` follows a short phrase that opens the sentence and
/// a comma (a time or place, no verb, no other comma).
fn after_lead(c: &Ctx, st: usize) -> bool {
    let (doc, s0) = (c.doc, c.s0);
    let toks = &doc.tokens;
    st > s0 + 1
        && st <= s0 + 7
        && punct_is(&toks[st - 1], doc.text, b',')
        && (s0..st - 1).all(|x| c.depth[x] == 0 && toks[x].kind != TokKind::Punct && !(toks[x].has(flag::VERB) && !toks[x].cap))
}

/// What a relative pronoun before the verb decides.
#[derive(Debug, Default)]
struct RelativeSubject {
    /// The antecedent: the source.
    np: Option<Np>,
    /// "who" right before the verb: the mention that speaks.
    who: Option<usize>,
    /// ", who says ..." after a comma or dash: earlier content stops before that comma.
    relative: Option<usize>,
}

/// "a senior official who asked not to be named said" (not "..., which let him go, and said"):
/// the phrase before "who" or "which" within a short reach; "... Dana Whitfield, who says she is
/// proud", "the study -- which notes that ...": the name before the comma or dash, only for verbs
/// that report a clause with no "that" ("..., who proposed the closure" is an act, not speech).
fn relative_subject(c: &Ctx, cue: &CueCand, k: usize) -> RelativeSubject {
    let (doc, depth, s0) = (c.doc, c.depth, c.s0);
    let toks = &doc.tokens;
    let text = doc.text;
    let mut out = RelativeSubject::default();
    let lim = k.saturating_sub(14).max(s0);
    let Some(w) = (lim..k).rev().find(|&x| depth[x] == 0 && word_in(doc, x, &["who", "which"])) else { return out };
    if !(w..k).all(|x| depth[x] == 0 && toks[x].kind != TokKind::Mark && !punct_is(&toks[x], text, b'.')) {
        return out;
    }
    out.np = np_left(doc, depth, w, s0);
    if w + 1 == k {
        out.who = Some(w);
    }
    // "…, who accused the council of “running scared”": quoted words in its object are speech.
    let clause_verb = cue.verb.is_some_and(|(v, _)| v.relative) || leads_into_quotation(c, cue) || super::reported::quoted_words_in_object(c, cue.end);
    if out.np.is_none() && clause_verb && w > s0 + 1 && (punct_is(&toks[w - 1], text, b',') || spaced_dash(c, w - 1)) {
        let named = |at: usize| np_left(doc, depth, at, s0).filter(|np| np.mention != MentionKind::Pronoun);
        out.np = named(w - 1).or_else(|| dashed_aside_start(c, w - 1).filter(|_| spaced_dash(c, w - 1)).and_then(named));
        if out.np.is_some() {
            out.relative = Some(w);
        }
    }
    out
}

/// "…, who observed: “…”": a cue followed by only a comma or colon and an opening quotation mark
/// reports that quotation, whether or not the verb reports a clause after "who".
fn leads_into_quotation(c: &Ctx, cue: &CueCand) -> bool {
    let (doc, e) = (c.doc, cue.end);
    e + 1 < c.s1 && c.depth[e] == 0 && (punct_is(&doc.tokens[e], doc.text, b',') || punct_is(&doc.tokens[e], doc.text, b':')) && c.depth[e + 1] > 0
}

/// A dash that sets words off: "—", "--", or a hyphen with spaces around it ("critics - who").
fn spaced_dash(c: &Ctx, x: usize) -> bool {
    let toks = &c.doc.tokens;
    dash_at(c.doc, x) || (x > c.s0 && x + 1 < c.s1 && toks[x].text(c.doc.text) == "-" && toks[x - 1].end < toks[x].start && toks[x].end < toks[x + 1].start)
}

/// "critics in the US - where it opened late - who said": the dash opening the aside that the
/// dash at `x` closes, a few words back in the sentence.
fn dashed_aside_start(c: &Ctx, x: usize) -> Option<usize> {
    let lim = x.saturating_sub(12).max(c.s0 + 1);
    (lim..x).rev().find(|&d| c.depth[d] == 0 && spaced_dash(c, d))
}

/// "Another 41 percent said", "Forty-two percent of voters say": the poll's respondents speak,
/// as a group from the amount to the verb. `left` is the subject found so far; a replacement or
/// `None`.
fn poll_respondents(c: &Ctx, left: Option<&Np>, k: usize) -> Option<Np> {
    let (doc, s0) = (c.doc, c.s0);
    let amount = |x: usize| doc.tokens[x].kind == TokKind::Number || number_word(doc, x);
    let of_whom = left.filter(|np| np.start >= s0 + 3 && word_is(doc, np.start - 1, "of")).map(|np| np.start - 1);
    let pct = of_whom.unwrap_or(k);
    if (left.is_none() || of_whom.is_some()) && pct > s0 + 1 && word_in(doc, pct - 1, &["percent", "%"]) && amount(pct - 2) {
        let s = if pct > s0 + 2 && word_in(doc, pct - 3, &["another", "some", "about", "nearly", "almost", "only", "just", "the"]) { pct - 3 } else { pct - 2 };
        return Some(group_np(doc, s, k));
    }
    None
}

/// "Business owners on the quay said", "the spokeswoman for the ministry said": the head of the
/// phrase before the preposition speaks, so the subject widens to it ("a statement by the
/// ministry", "according to X" keep the phrase after the preposition). `None`: keep `np`.
fn prepositional_head(c: &Ctx, np: &Np) -> Option<Np> {
    let (doc, s0) = (c.doc, c.s0);
    let p = np.start;
    // At the text's first token `p - 1` wraps and names no word, as release builds always did.
    let according = word_is(doc, p.wrapping_sub(1), "to") && p >= s0 + 2 && word_is(doc, p - 2, "according");
    if p > s0 + 1 && is(doc, p - 1, flag::PREP) && !according && !word_in(doc, p - 1, &["by", "according", "after", "before", "as", "like", "than"]) {
        let mut outer = np_left(doc, c.depth, p - 1, s0)?;
        // "Anna Hartley from Coastwatch said": a named person from a body; "a letter from the
        // ministry said" keeps the body that wrote it.
        let from_ok = !word_is(doc, p - 1, "from") || outer.name.is_some() && outer.kind == SpeakerKind::Person && outer.mention == MentionKind::Full;
        if outer.mention != MentionKind::Pronoun && from_ok {
            outer.end = np.end;
            outer.span.end = np.span.end;
            return Some(outer);
        }
    }
    None
}

/// A bare lower-case phrase is a source only with a determiner ("the driver") or a plural head
/// ("business owners"); otherwise it is usually the end of another clause ("to fix roads said").
fn plausible_subject(c: &Ctx, np: &Np, cue: &CueCand) -> bool {
    let doc = c.doc;
    let toks = &doc.tokens;
    !(np.kind == SpeakerKind::Unknown
        && np.mention == MentionKind::Full
        && np.name.is_none()
        && !is(doc, np.start, flag::DET)
        // "Ivana Kane's brief said": a possessive determines the phrase too, before a plain
        // reporting verb ("Kane's plan rejected …" is no speech).
        && !(np.end >= np.start + 2 && toks[np.end - 2].possessive && cue.verb.is_some_and(|(v, _)| v.relative))
        && !(np.head.as_bytes().ends_with(b"s") && !toks[np.end - 1].has(flag::VERB)))
}

/// "Okonkwo toured the streets and said ...": the subject of an earlier cue of the sentence
/// that stands left of its verb, else a named or determined phrase that opens the sentence.
fn coordinated_subject(c: &Ctx, k: usize, earlier: &[Resolved]) -> Option<Source> {
    let doc = c.doc;
    match earlier.iter().rev().find(|r| r.source.as_ref().is_some_and(|s| !s.right)) {
        Some(prev) => prev.source.clone(),
        None => np_right(doc, c.depth, c.s0, k - 1)
            .filter(|np| np.name.is_some() || np.mention == MentionKind::Pronoun || (is(doc, np.start, flag::DET) && np.kind != SpeakerKind::Unknown))
            .map(|np| Source { np, right: false, via: None }),
    }
}

/// ", said Psaki" / "," said the minister: the phrase right of the cue, with a role set off by
/// a comma ("said Tomas Okafor, the council's chief engineer."). A pronoun there is the reported
/// clause's subject ("..., said it would"), not the source.
fn inverted_source(c: &Ctx, cue: &CueCand) -> Option<Np> {
    let doc = c.doc;
    let toks = &doc.tokens;
    let s1 = c.s1;
    let mut np = np_right(doc, c.depth, cue.end, s1).filter(|np| np.mention != MentionKind::Pronoun)?;
    // "," said the club's manager, Tom Reyes.
    if np.name.is_none() && np.end + 1 < s1 && punct_is(&toks[np.end], doc.text, b',') {
        let name = np_right(doc, c.depth, np.end + 1, s1).filter(|n| n.end == s1 || toks[n.end].kind == TokKind::Punct);
        if let Some(named) = name.and_then(|n| appositive_name(doc, (np.start, np.end), &n)) {
            return Some(named);
        }
    }
    let after = np.end;
    if np.role.is_none() && np.name.is_some() && after + 2 < s1 && punct_is(&toks[after], doc.text, b',') && (is(doc, after + 1, flag::DET) || toks[after + 1].has(flag::TITLE)) {
        let e = (after + 1..s1).find(|&x| toks[x].kind != TokKind::Word || toks[x].has(flag::VERB) && !toks[x].has(flag::TITLE)).unwrap_or(s1);
        if e > after + 1 && (after + 1..e).any(|x| toks[x].has(flag::TITLE)) {
            let start = after + 1 + usize::from(word_in(doc, after + 1, &["the", "a", "an"]));
            if start < e {
                np.role = Some(span_of(doc, start, e));
            }
        }
    }
    Some(np)
}

#[cfg(test)]
mod tests {
    use super::super::testing::fixture;
    use super::*;

    /// (text, the cue's verb or "According", the source's words, does it stand right of the cue?)
    fn source_of(text: &'static str, cue: &str) -> Option<(String, bool)> {
        let f = fixture(text);
        let (_, r) = f.cue_at(cue);
        r.source.map(|s| (s.np.span.text(text).to_string(), s.right))
    }

    #[test]
    fn each_way_of_naming_a_source_is_found() {
        let cases: &[(&str, &str, Option<(&str, bool)>)] = &[
            // The subject left of the verb, past a time phrase.
            ("Mayor Lena Hartley on Monday said the pier would reopen.", "said", Some(("Mayor Lena Hartley", false))),
            // "according to", "by" after a passive, an inverted source.
            ("According to the harbour board, the pier will reopen.", "According", Some(("the harbour board", true))),
            ("The mayor was told by Omar Haddad that the pier would close.", "told", Some(("Omar Haddad", true))),
            ("“The pier is safe,” said Omar Haddad.", "said", Some(("Omar Haddad", true))),
            // A participle: the sentence's subject.
            ("Omar Haddad left the meeting early, saying the plan was dead.", "saying", Some(("Omar Haddad", false))),
            // Past an insert, an age, a relative clause.
            ("Omar Haddad, a surgeon at the county hospital, said the ward was full.", "said", Some(("Omar Haddad", false))),
            ("Lena Hartley, 54, said the pier would reopen.", "said", Some(("Lena Hartley", false))),
            ("On Monday, Omar Haddad, head of the harbour board, said the pier would reopen.", "said", Some(("Omar Haddad", false))),
            ("A senior official who asked not to be named said the talks had failed.", "said", Some(("A senior official", false))),
            ("The council thanked Dana Whitfield, who says she is proud of the pier.", "says", Some(("Dana Whitfield", false))),
            // A relative verb with quoted words in its object speaks; with none it acts.
            ("The plan was rejected by Lena Hartley, who accused the council of “running scared”.", "accused", Some(("Lena Hartley", false))),
            ("The plan was rejected by Lena Hartley, who accused the council of running scared.", "accused", None),
            ("Rivals, who highlighted remarks Hartley made in May saying she “sort of hopes” prices fall, met on Monday.", "highlighted", None),
            // Past an aside in dashes to the antecedent; not past a name set off before "who".
            ("It was panned by critics in the north - where it opened late - who described it as “jarring”.", "described", Some(("critics in the north", false))),
            ("A former mayor -- Omar Haddad, who lost the vote -- said the pier was “a disgrace”.", "said", Some(("Omar Haddad", false))),
            // Poll respondents, the head before a preposition.
            ("Another 41 percent said the pier should close.", "said", Some(("Another 41 percent", false))),
            ("The spokeswoman for the ministry said the talks had failed.", "said", Some(("The spokeswoman for the ministry", false))),
            // A coordinated verb shares the first verb's subject.
            ("Omar Haddad toured the harbour and said the wall would hold.", "said", Some(("Omar Haddad", false))),
            // A pronoun after an inverted verb is the reported clause's subject.
            ("The pier will reopen, said it would be soon.", "said", None),
            // A description in apposition to a name: the name speaks.
            ("The harbour board's chief engineer, Tomas Okafor, said the wall would hold.", "said", Some(("Tomas Okafor", false))),
            ("His daughter, Ana Ruiz, says the pier is unsafe.", "says", Some(("Ana Ruiz", false))),
            ("On Monday, the chief inspector of schools, Omar Haddad, said the exams should go.", "said", Some(("Omar Haddad", false))),
            ("The head of the Harbour Board, Ana Ruiz, said the pier was safe.", "said", Some(("Ana Ruiz", false))),
            // A place or a setting before a name is no description of them.
            ("In Kestria, Ana Ruiz, a surgeon, said the ward was full.", "said", Some(("Ana Ruiz", false))),
            ("At the meeting, Ana Ruiz, said the ward was full.", "said", Some(("Ana Ruiz", false))),
            ("In Kestria, Ana Ruiz, said the ward was full.", "said", Some(("Ana Ruiz", false))),
            ("“The wall holds,” said the council's chief engineer, Tomas Okafor.", "said", Some(("Tomas Okafor", true))),
            // A name, then a description: still the name.
            ("Tomas Okafor, the council's chief engineer, said the wall would hold.", "said", Some(("Tomas Okafor", false))),
            // The comma that closes the description dropped: still the name.
            ("Tomas Okafor, the council's chief engineer said the wall would hold.", "said", Some(("Tomas Okafor", false))),
            ("Tomas Okafor, an engineer at Harbour Works told the board the wall would hold.", "told", Some(("Tomas Okafor", false))),
            ("However, Ana Ruiz, a surgeon at the clinic said the ward was full.", "said", Some(("Ana Ruiz", false))),
            ("“It holds,” Ana Ruiz, a harbour board spokeswoman told reporters.", "told", Some(("Ana Ruiz", false))),
            // Not a place before a group, nor a name the clause's verb takes as object.
            ("In Kestria, some traders said the port was full.", "said", Some(("some traders", false))),
            ("Echoing Ana Ruiz, the mayor said the ward was full.", "said", Some(("the mayor", false))),
            ("Separately, the harbour board said the wall held.", "said", Some(("the harbour board", false))),
            ("Kestria Ferries, Harbour Lines and Gullwing said fares would rise.", "said", Some(("Harbour Lines and Gullwing", false))),
            ("Near Port Lyle, the mayor said the wall held.", "said", Some(("the mayor", false))),
            // A named person of or from a body: the person, the whole phrase as the mention.
            ("Anna Hartley of Coastwatch said the pier was safe.", "said", Some(("Anna Hartley of Coastwatch", false))),
            ("“It is safe,” Anna Hartley from Coastwatch said.", "said", Some(("Anna Hartley from Coastwatch", false))),
            ("“It is safe,” Anna Hartley of the harbour board said.", "said", Some(("Anna Hartley of the harbour board", false))),
            // A particle inside a name; a surname in "-ish" is no nationality.
            ("“It is safe,” festival director Sandra den Hamer said.", "said", Some(("festival director Sandra den Hamer", false))),
            ("McTavish said the pier was safe.", "said", Some(("McTavish", false))),
            // With "the", a nationality is a person; not as an adjective before a noun.
            ("“It was hard,” said the Kestrian.", "said", Some(("the Kestrian", true))),
            ("The Kestrian added that the pier was safe.", "added", Some(("The Kestrian", false))),
            ("The pier is safe, according to the Kestrian legend.", "according", None),
            // An adverb of time between subject and verb.
            ("Ana Ruiz, who left early, afterwards said the pier was safe.", "said", Some(("Ana Ruiz", false))),
            ("The mayor meanwhile said the pier was safe.", "said", Some(("The mayor", false))),
            // A thing from a body: the body.
            ("A letter from the harbour board said the pier was safe.", "said", Some(("the harbour board", false))),
        ];
        for &(text, cue, want) in cases {
            let got = source_of(text, cue);
            assert_eq!(got.as_ref().map(|(s, r)| (s.as_str(), *r)), want, "{text:?}");
        }
    }

    #[test]
    fn an_insert_names_the_role_and_a_relative_pronoun_the_mention() {
        let f = fixture("Omar Haddad, a surgeon at the county hospital, said the ward was full.");
        let (_, r) = f.cue_at("said");
        let np = r.source.unwrap().np;
        assert_eq!(np.role.map(|s| s.text(f.doc.text)), Some("surgeon at the county hospital"));

        let f = fixture("“It is time,” Omar Haddad, who runs the clinic, said.");
        let (_, r) = f.cue_at("said");
        assert_eq!(r.source.unwrap().np.span.text(f.doc.text), "Omar Haddad");

        // ", who says ...": the cue hangs on the relative pronoun, which ends earlier content.
        let f = fixture("The council thanked Dana Whitfield, who says she is proud of the pier.");
        let (_, r) = f.cue_at("says");
        assert_eq!(r.relative, Some(f.tok("who")));
        assert_eq!(r.block_start, f.tok("Dana"));
    }

    #[test]
    fn a_description_before_a_name_is_the_role() {
        // (text, cue, role)
        let cases: &[(&str, &str, &str)] = &[
            ("The harbour board's chief engineer, Tomas Okafor, said the wall would hold.", "said", "harbour board's chief engineer"),
            ("His daughter, Ana Ruiz, says the pier is unsafe.", "says", "His daughter"),
            ("On Monday, the chief inspector of schools, Omar Haddad, said the exams should go.", "said", "chief inspector of schools"),
            ("The head of the Harbour Board, Ana Ruiz, said the pier was safe.", "said", "head of the Harbour Board"),
            ("“The wall holds,” said the council's chief engineer, Tomas Okafor.", "said", "council's chief engineer"),
        ];
        for &(text, cue, role) in cases {
            let f = fixture(text);
            let (_, r) = f.cue_at(cue);
            assert_eq!(r.source.unwrap().np.role.map(|x| x.text(text)), Some(role), "{text:?}");
        }
        // Content before the source stops before the description, not at the name.
        let f = fixture("The wall will hold, the council's chief engineer, Tomas Okafor, said.");
        let a = f.attribute();
        let views: Vec<_> = a.drafts.iter().map(|d| f.view(d)).collect();
        assert_eq!(views, [("The wall will hold", Some("Tomas Okafor"), Some("said"))]);
    }

    #[test]
    fn an_inverted_source_keeps_its_role_and_moves_the_content_start() {
        let f = fixture("“The wall holds,” said Tomas Okafor, the council's chief engineer.");
        let (_, r) = f.cue_at("said");
        let s = r.source.unwrap();
        assert_eq!(s.np.span.text(f.doc.text), "Tomas Okafor");
        assert_eq!(s.np.role.map(|x| x.text(f.doc.text)), Some("council's chief engineer"));
        assert_eq!(r.after, f.tok("Okafor") + 1);
    }

    #[test]
    fn a_relative_pronoun_leads_to_its_antecedent() {
        // (text, verb, antecedent, is "who" right before the verb, after a comma)
        let cases: &[(&str, &str, Option<&str>, bool, bool)] = &[
            ("A senior official who asked not to be named said the talks had failed.", "said", Some("A senior official"), false, false),
            ("The council thanked Dana Whitfield, who said she is proud.", "said", Some("Dana Whitfield"), true, true),
            // A verb that reports no clause after ", who" still reports the quotation it leads into.
            ("Few were moved, among them Ana Ruiz, who observed: “The songs are loud.”", "observed", Some("Ana Ruiz"), true, true),
            ("Few were moved, among them Ana Ruiz, who observed, “The songs are loud.”", "observed", Some("Ana Ruiz"), true, true),
            ("Few were moved, among them Ana Ruiz, who observed the crowd.", "observed", None, true, false),
        ];
        for &(text, verb, antecedent, who, relative) in cases {
            let f = fixture(text);
            let c = f.ctx(0);
            let cue = f.cues(0).into_iter().find(|c| c.head == f.tok(verb)).unwrap();
            let rel = relative_subject(&c, &cue, cue.start);
            assert_eq!(rel.np.map(|np| np.span.text(text)), antecedent, "{text:?}");
            let w = Some(f.tok("who"));
            assert_eq!((rel.who == w, rel.relative == w), (who, relative), "{text:?}");
        }
    }

    #[test]
    fn a_bare_lower_case_phrase_is_no_subject() {
        // (text, the phrase before "said", is it a plausible source?)
        // (text, drop the determiner?, the phrase, is it a plausible source?)
        let cases: &[(&str, bool, &str, bool)] = &[
            ("On Monday the driver said the road was closed.", false, "the driver", true),
            ("On Monday the driver said the road was closed.", true, "driver", false),
            // A plural head may stand bare ("business owners said").
            ("On Monday the drivers said the road was closed.", true, "drivers", true),
        ];
        for &(text, drop_det, phrase, want) in cases {
            let f = fixture(text);
            let c = f.ctx(0);
            let cue = f.cues(0).into_iter().find(|c| c.head == f.tok("said")).unwrap();
            let mut np = np_left(&f.doc, &f.quotes.depth, cue.start, c.s0).expect("a phrase");
            if drop_det {
                // A bare phrase of no known kind, as one left over from another clause would be.
                np.start += 1;
                np.span.start = f.doc.tokens[np.start].start as usize;
                np.kind = SpeakerKind::Unknown;
                np.mention = MentionKind::Full;
            }
            assert_eq!(np.span.text(text), phrase);
            assert_eq!(plausible_subject(&c, &np, &cue), want, "{text:?}");
        }
    }

    #[test]
    fn speaks_needs_a_source_and_a_speech_verb_not_an_infinitive() {
        let cases: &[(&str, &str, bool)] = &[
            ("Lena Hartley said the pier would reopen.", "said", true),
            ("Lena Hartley smiled at the crowd.", "smiled", false),
            // No source: a bare lower-case phrase after another clause.
            ("The crowd cheered and business owners said the road was closed.", "said", false),
        ];
        for &(text, cue, want) in cases {
            let f = fixture(text);
            let (_, r) = f.cue_at(cue);
            assert_eq!(r.speaks(), want, "{text:?}");
        }
    }
}
