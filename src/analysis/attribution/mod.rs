//! Attribution: direct quotations and reported speech tied to their sources, sentence by sentence.
//!
//! One quotation's way from the text to a `Draft` (which `analysis::analyze` numbers into a
//! `Quote`, and the server shows as an inlay hint), step by step:
//!
//! 1. `transcript::find_turns`: paragraphs that open with `NAME:` quote that person.
//! 2. Per sentence, `cues::find_into` lists the cues; `source::resolve_cue` chooses each cue's
//!    source ("according to X", "was told by X", a participle's subject, the subject left of the
//!    verb, the subject of a coordinated verb, an inverted "said X").
//! 3. `link::link_mentions` links the sources, then the other people the sentence names, to
//!    entities in text order, so later pronouns and surnames find them.
//! 4. `direct::attribute_closing` pairs each quotation that closes in the sentence with a cue:
//!    after it (`"…," she said`), before it (`She said: "…"`), a dash and a name, and takes the
//!    second half of a split quotation; `direct::attribute_opening` gives a quotation that runs
//!    on into a later paragraph the cue that introduces it here. `carry::attribute_colon_subject`
//!    gives a quotation after a colon with no cue to the person who opens that clause (`He was
//!    blunt: "…"`).
//! 5. `reported::attribute_reported` bounds what the remaining cues report: forward from the
//!    cue (past a listener, "that", a topic …) to the clause end or a later cue, or backward to
//!    the clause start ("…, AFP reported"). `reported::attribute_object_fragments` gives a quoted
//!    fragment in the object of a cue that reported no clause to that cue's source ("dismissed
//!    the report as “complete rubbish”").
//! 6. `carry::note_colon_intros` keeps `X continued:` for the next paragraph's quotation;
//!    `nested::nest` sets which attribution encloses which.
//! 7. After the last sentence, `carry::carry_to_uncued` gives each quotation with no cue the
//!    speaker of an adjacent one, or a paragraph's colon introduction; a quoted fragment nobody
//!    attributed is no quote (`Attribution::fragments`).
//!
//! Every step reads a `Ctx` (the document and the sentence's tokens) and plain values, and
//! writes its decisions into the `Ledger`.

mod carry;
mod clause;
mod direct;
mod draft;
mod link;
mod nested;
mod reported;
mod scan;
mod source;
mod transcript;

use super::cues::{self, CueCand};
use super::lexicon::{FxMap, Loaded, VerbClass};
use super::model::{Cue, QuoteKind, Resolution, Span};
use super::inline::Parts;
use super::quotes::Quotes;
use super::sentences::Sentence;
use super::entities::Entities;
use super::speakers::Np;
use super::text::Doc;
use super::ExtraVerbs;
use source::Resolved;

/// One attribution before quotes are numbered.
#[derive(Clone, Debug)]
pub struct Draft {
    pub kind: QuoteKind,
    pub span: Span,
    pub parts: Parts,
    /// Quotation indexes (into `Quotes::quotations`) this draft covers.
    pub quotations: QuotationIds,
    pub entity: Option<usize>,
    pub mention: Option<Span>,
    pub cue: Option<Cue>,
    pub cue_class: Option<VerbClass>,
    pub cue_head: Option<usize>,
    pub resolution: Resolution,
    /// For nested reporting: the draft index of the enclosing attribution.
    pub outer: Option<usize>,
    pub weasel: bool,
    pub anonymous_bare: bool,
    pub sentence: usize,
}

pub struct Attribution {
    pub drafts: Vec<Draft>,
    /// Thought and evidence with a source ("analysts believe that …", "studies show that …"):
    /// they source the claims inside them, but are not quotes.
    pub non_speech: Vec<Draft>,
    pub entities: Entities,
    /// Per sentence: does it carry an attribution (a cue with a source)?
    pub sentence_attributed: Vec<bool>,
    /// Byte spans of reported content (claims inside them are the source's, not the writer's).
    pub attributed_spans: Vec<Span>,
    /// Outermost quoted fragments (not utterances) that no cue or neighbour attributes, as indexes
    /// into `Quotes::quotations`: scare quotes, terms, nicknames, slogans. No quotes
    /// (docs/quotes.md); the `scare-quote` finding reads the short ones.
    pub fragments: Vec<usize>,
}

/// The sentence a step works in: the document, its quotations, the quotation depth of every
/// token, and the sentence's tokens `s0..s1`.
#[derive(Clone, Copy)]
pub(super) struct Ctx<'a> {
    pub doc: &'a Doc<'a>,
    pub quotes: &'a Quotes,
    pub depth: &'a [u8],
    pub s0: usize,
    pub s1: usize,
}

/// What attribution has decided so far; the steps add to it in text order.
pub(super) struct Ledger {
    pub drafts: Vec<Draft>,
    /// Thought and evidence with a source: no quotes, but sources of claims.
    pub non_speech: Vec<Draft>,
    /// Per quotation: the draft that covers it.
    pub quotation_draft: Vec<Option<usize>>,
    /// Per sentence: does it carry an attribution?
    pub sentence_attributed: Vec<bool>,
    /// Reported content and transcript turns (claims inside them are the source's).
    pub attributed_spans: Vec<Span>,
    /// Quoted fragments nobody said: no quotes (see `Attribution::fragments`).
    pub fragments: Vec<usize>,
    /// People and bodies named so far; sources link to them.
    pub entities: Entities,
}

/// Per-sentence work lists, cleared and reused: most sentences need only a few entries.
#[derive(Default)]
struct SentenceBuffers {
    found: Vec<CueCand>,
    resolved: Vec<Resolved>,
    /// (byte position, index into `resolved` or `None` for another named person)
    to_link: Vec<(usize, Option<usize>)>,
    others: Vec<Np>,
}

/// Document-wide inputs that every sentence reads.
struct Inputs<'a> {
    doc: &'a Doc<'a>,
    quotes: &'a Quotes,
    extra: &'a ExtraVerbs,
    turns: &'a [transcript::Turn],
    closing: &'a direct::Closing,
}

/// Quotation indexes (into `Quotes::quotations`): a draft covers none or one almost always, so
/// they are held inline, not in a heap list per draft; a quotation carried over several
/// paragraphs (`carry`) spills to the heap.
#[derive(Clone, Default)]
pub struct QuotationIds {
    len: usize,
    inline: [usize; 2],
    /// All of them, once there are more than fit inline.
    spilled: Vec<usize>,
}

impl QuotationIds {
    pub fn one(qi: usize) -> QuotationIds {
        QuotationIds { len: 1, inline: [qi, 0], spilled: Vec::new() }
    }

    pub fn push(&mut self, qi: usize) {
        if self.spilled.is_empty() && self.len < self.inline.len() {
            self.inline[self.len] = qi;
        } else {
            if self.spilled.is_empty() {
                self.spilled.extend_from_slice(&self.inline[..self.len]);
            }
            self.spilled.push(qi);
        }
        self.len += 1;
    }

    pub fn clear(&mut self) {
        self.len = 0;
        self.spilled.clear();
    }
}

impl std::ops::Deref for QuotationIds {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        if self.spilled.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spilled
        }
    }
}

impl std::fmt::Debug for QuotationIds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<const N: usize> PartialEq<[usize; N]> for QuotationIds {
    fn eq(&self, other: &[usize; N]) -> bool {
        **self == other[..]
    }
}

impl FromIterator<usize> for QuotationIds {
    fn from_iter<I: IntoIterator<Item = usize>>(iter: I) -> QuotationIds {
        let mut ids = QuotationIds::default();
        for qi in iter {
            ids.push(qi);
        }
        ids
    }
}

/// Items grouped by a small key (a sentence, a paragraph) in one flat list with offsets, not a
/// Vec per key (an allocation each). Items of one key keep the order they were given in.
pub(super) struct Grouped {
    items: Vec<usize>,
    /// Per key: where its items start in `items` (one more entry than keys).
    from: Vec<usize>,
}

impl Grouped {
    /// From (key, item) pairs; every key is below `keys`.
    pub fn new(keys: usize, mut pairs: Vec<(usize, usize)>) -> Grouped {
        // Stable: items of one key stay in the order given.
        pairs.sort_by_key(|&(k, _)| k);
        let items = pairs.iter().map(|&(_, x)| x).collect();
        let mut from = vec![0usize; keys + 1];
        for &(k, _) in &pairs {
            from[k + 1] += 1;
        }
        for k in 0..keys {
            from[k + 1] += from[k];
        }
        Grouped { items, from }
    }

    /// The items of `key`.
    pub fn of(&self, key: usize) -> &[usize] {
        &self.items[self.from[key]..self.from[key + 1]]
    }
}

/// `None` when `stop()` turned true (polled every 64 sentences).
pub fn attribute(doc: &Doc, quotes: &Quotes, sentences: &[Sentence], extra: &ExtraVerbs, known: &[super::KnownSpeaker], stop: &dyn Fn() -> bool) -> Option<Attribution> {
    let mut entities = Entities::default();
    for k in known {
        entities.seed(k);
    }
    let mut led = Ledger {
        // Drafts are large: sized once (about one per quotation or cue) rather than grown by copying.
        drafts: Vec::with_capacity(quotes.quotations.len() + sentences.len() / 2),
        non_speech: Vec::new(),
        quotation_draft: vec![None; quotes.quotations.len()],
        sentence_attributed: vec![false; sentences.len()],
        attributed_spans: Vec::with_capacity(sentences.len() / 2),
        fragments: Vec::new(),
        entities,
    };
    // By paragraph; few paragraphs end in `X continued:`, so a map, not a large slot each.
    let mut colon_intro: FxMap<usize, Draft> = FxMap::default();
    let closing = direct::Closing::index(quotes, sentences);
    let turns = transcript::find_turns(doc, &quotes.depth);
    let inputs = Inputs { doc, quotes, extra, turns: &turns, closing: &closing };
    let mut bufs = SentenceBuffers::default();
    let mut qcur = 0; // the first quotation that starts at or after the current sentence
    for (si, sent) in sentences.iter().enumerate() {
        if si % 64 == 63 && stop() {
            return None;
        }
        attribute_sentence(&inputs, si, sent, &mut led, &mut colon_intro, &mut bufs, &mut qcur);
    }
    carry::carry_to_uncued(doc, quotes, sentences, &closing.close_sentence, &mut led, colon_intro);
    for d in &led.drafts {
        if let Some(e) = d.entity {
            led.entities.list[e].speaks = true;
        }
    }
    led.entities.mention_names(doc);
    Some(Attribution {
        drafts: led.drafts,
        non_speech: led.non_speech,
        entities: led.entities,
        sentence_attributed: led.sentence_attributed,
        attributed_spans: led.attributed_spans,
        fragments: led.fragments,
    })
}

/// All steps for one sentence, in the order their decisions depend on each other.
fn attribute_sentence(inp: &Inputs, si: usize, sent: &Sentence, led: &mut Ledger, colon_intro: &mut FxMap<usize, Draft>, bufs: &mut SentenceBuffers, qcur: &mut usize) {
    let doc = inp.doc;
    let first_draft = led.drafts.len();
    transcript::attribute_turn(doc, inp.quotes, inp.turns, si, sent, led);
    let c = Ctx { doc, quotes: inp.quotes, depth: &inp.quotes.depth, s0: sent.tokens.start, s1: sent.tokens.end };
    let headline = sent.para == 0 && cues::is_headline(doc, sent.tokens.clone());
    cues::find_into(doc, c.depth, sent.tokens.clone(), inp.extra, headline, &mut bufs.found);
    if !inp.turns.is_empty() {
        bufs.found.retain(|cue| !transcript::in_turn(inp.turns, cue.head));
    }
    bufs.resolved.clear();
    for cue in &bufs.found {
        let r = source::resolve_cue(&c, cue, &bufs.resolved);
        bufs.resolved.push(r);
    }
    link::link_mentions(&c, &mut bufs.resolved, &mut led.entities, &mut bufs.to_link, &mut bufs.others);
    direct::attribute_closing(&c, inp.closing.closing_in(si), &mut bufs.resolved, si, led);
    direct::attribute_opening(&c, inp.closing.opening_in(si), &mut bufs.resolved, si, &inp.closing.close_sentence, led);
    carry::attribute_colon_subject(&c, inp.closing.closing_in(si), &bufs.resolved, si, led);
    reported::attribute_reported(&c, &mut bufs.resolved, si, led, qcur);
    if bufs.resolved.iter().any(|r| !r.used) {
        reported::attribute_object_fragments(&c, &mut bufs.resolved, si, led, qcur);
    }
    carry::note_colon_intros(&c, sent.para, &bufs.resolved, &led.entities, si, colon_intro);
    nested::nest(&mut led.drafts, first_draft);
}

/// The `Loaded` flavour of a cue, for the loaded-verb finding.
pub fn loaded_of(class: Option<VerbClass>) -> Option<Loaded> {
    match class {
        Some(VerbClass::Loaded(l)) => Some(l),
        _ => None,
    }
}

/// Short fictional texts analysed up to the step under test.
#[cfg(test)]
pub(super) mod testing {
    use super::source::{resolve_cue, Resolved};
    use super::{Ctx, Ledger};
    use crate::analysis::cues::{self, CueCand};
    use crate::analysis::quotes::{self, Quotes};
    use crate::analysis::sentences::{self, Sentence};
    use crate::analysis::entities::Entities;
    use crate::analysis::text::Doc;
    use crate::analysis::{ExtraVerbs, Format};

    pub(super) struct Fixture {
        pub(super) doc: Doc<'static>,
        pub(super) quotes: Quotes,
        pub(super) sentences: Vec<Sentence>,
    }

    pub(super) fn fixture(text: &'static str) -> Fixture {
        let doc = Doc::new(text, Format::PlainText);
        let quotes = quotes::pair(&doc);
        let sentences = sentences::split(&doc, &quotes);
        Fixture { doc, quotes, sentences }
    }

    impl Fixture {
        pub(super) fn ctx(&self, si: usize) -> Ctx<'_> {
            let s = &self.sentences[si];
            Ctx { doc: &self.doc, quotes: &self.quotes, depth: &self.quotes.depth, s0: s.tokens.start, s1: s.tokens.end }
        }

        pub(super) fn cues(&self, si: usize) -> Vec<CueCand> {
            let s = &self.sentences[si];
            let headline = s.para == 0 && cues::is_headline(&self.doc, s.tokens.clone());
            cues::find(&self.doc, &self.quotes.depth, s.tokens.clone(), &ExtraVerbs::default(), headline)
        }

        /// The sentence's cues with their sources, as the pipeline resolves them.
        pub(super) fn resolved(&self, si: usize) -> Vec<Resolved> {
            let c = self.ctx(si);
            let mut out: Vec<Resolved> = Vec::new();
            for cue in self.cues(si) {
                let r = resolve_cue(&c, &cue, &out);
                out.push(r);
            }
            out
        }

        /// Resolved cues with their sources linked to entities (in `led`).
        pub(super) fn linked(&self, si: usize, led: &mut Ledger) -> Vec<Resolved> {
            let mut r = self.resolved(si);
            super::link::link_mentions(&self.ctx(si), &mut r, &mut led.entities, &mut Vec::new(), &mut Vec::new());
            r
        }

        pub(super) fn ledger(&self) -> Ledger {
            Ledger {
                drafts: Vec::new(),
                non_speech: Vec::new(),
                quotation_draft: vec![None; self.quotes.quotations.len()],
                sentence_attributed: vec![false; self.sentences.len()],
                attributed_spans: Vec::new(),
                fragments: Vec::new(),
                entities: Entities::default(),
            }
        }

        /// The sentence that holds token `k`.
        pub(super) fn sentence_of(&self, k: usize) -> usize {
            self.sentences.iter().position(|s| s.tokens.contains(&k)).expect("token in a sentence")
        }

        /// The resolved cue whose verb (or "according") is the first token `word`.
        pub(super) fn cue_at(&self, word: &str) -> (usize, Resolved) {
            let k = self.tok(word);
            let si = self.sentence_of(k);
            let r = self.resolved(si).into_iter().find(|r| r.cue.head == k || r.cue.start == k).unwrap_or_else(|| panic!("no cue at {word:?}"));
            (si, r)
        }

        /// The whole stage on the fixture.
        pub(super) fn attribute(&self) -> super::Attribution {
            super::attribute(&self.doc, &self.quotes, &self.sentences, &ExtraVerbs::default(), &[], &|| false).expect("not stopped")
        }

        /// (span text, mention text, cue text) of a draft.
        pub(super) fn view<'s>(&'s self, d: &'s super::Draft) -> (&'s str, Option<&'s str>, Option<&'s str>) {
            let text = self.doc.text;
            (d.span.text(text), d.mention.map(|m| m.text(text)), d.cue.as_ref().map(|c| c.text.as_str()))
        }

        /// The first token whose text is `word`.
        pub(super) fn tok(&self, word: &str) -> usize {
            self.doc.tokens.iter().position(|t| t.text(self.doc.text) == word).unwrap_or_else(|| panic!("no token {word:?}"))
        }

        /// The text of tokens `s..e`.
        pub(super) fn words(&self, s: usize, e: usize) -> &str {
            if e <= s {
                return "";
            }
            &self.doc.text[self.doc.tokens[s].start as usize..self.doc.tokens[e - 1].end as usize]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Grouped, QuotationIds};

    #[test]
    fn quotation_ids_keep_their_order_inline_and_spilled() {
        let mut ids = QuotationIds::default();
        assert!(ids.is_empty());
        for (qi, want) in [(4, &[4][..]), (7, &[4, 7][..]), (9, &[4, 7, 9][..]), (2, &[4, 7, 9, 2][..])] {
            ids.push(qi);
            assert_eq!(&ids[..], want);
        }
        ids.clear();
        assert!(ids.is_empty());
        ids.push(5);
        assert_eq!(ids, [5]);
        assert_eq!((1..4).collect::<QuotationIds>(), [1, 2, 3]);
        assert_eq!(QuotationIds::one(3), [3]);
    }

    #[test]
    fn grouped_items_keep_their_order_within_a_key() {
        let g = Grouped::new(4, vec![(2, 10), (0, 11), (2, 12), (3, 13), (0, 14)]);
        assert_eq!(g.of(0), [11, 14]);
        assert_eq!(g.of(1), [] as [usize; 0]);
        assert_eq!(g.of(2), [10, 12]);
        assert_eq!(g.of(3), [13]);
    }
}
