//! Findings: the rules applied to quotes, claims and quotation marks, with severities from the
//! options and inline suppression comments honoured.
//!
//! [`collect`] runs one step per rule family, each raising into a [`Sink`] that drops the findings
//! of rules switched off: quotes with no speaker ([`quotes_without_speaker`]), the cue verb of an
//! attributed quote ([`attributed_cues`]: loaded and non-speech verbs, late attribution), claims
//! with no source ([`claims_without_source`]), quotation marks ([`mismatched_marks`],
//! [`unbalanced_marks`]), then suppression comments ([`apply_directives`]). A new rule is one more
//! step here, not a branch inside another.

use super::attribution::{loaded_of, Draft};
use super::lexicon::{flag, lexicon, Loaded, Verb, VerbClass};
use super::inline::Few;
use super::model::*;
use super::quotes::{MarkIssue, MarkProblem, Quotation, Quotes};
use super::rules::RuleSettings;
use super::entities::{Entities, Entity};
use super::text::{lower, Directive, Doc, TokKind, Token};
use super::Options;

pub struct Input<'a> {
    pub doc: &'a Doc<'a>,
    pub quotes: &'a Quotes,
    pub drafts: &'a [Draft],
    /// Draft index → quote id.
    pub quote_ids: &'a [usize],
    /// Quoted fragments nobody said (indexes into `quotes.quotations`): no quotes.
    pub fragments: &'a [usize],
    /// Everyone the article names, speaking or not (their mentions).
    pub entities: &'a Entities,
    pub analysis: &'a Analysis,
}

/// `before` + the words in curly quotes (at most 60 characters, then "…") + `after`, built in one
/// string: there is a message for every claim, and `format!` three times over cost more.
fn quoted_message(before: &str, s: &str, after: &str) -> String {
    let s = s.trim();
    // 60 bytes or fewer are 60 characters or fewer: most triggers need no count.
    let (short, cut) = match (s.len() > 60).then(|| s.char_indices().nth(60)).flatten() {
        Some((i, _)) => (&s[..i], true),
        None => (s, false),
    };
    let mut m = String::with_capacity(before.len() + short.len() + after.len() + 9);
    m.push_str(before);
    m.push('“');
    m.push_str(short);
    if cut {
        m.push('…');
    }
    m.push('”');
    m.push_str(after);
    m
}

/// `parts` joined in one string of the right size: messages are built for every finding, and
/// `format!` costs several times more.
fn join(parts: &[&str]) -> String {
    let mut m = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    parts.iter().for_each(|p| m.push_str(p));
    m
}

/// The findings raised so far. A rule switched off in the options raises nothing, so every step
/// asks here rather than checking severities itself.
struct Sink<'o> {
    rules: &'o RuleSettings,
    out: Vec<Finding>,
}

impl<'o> Sink<'o> {
    fn new(rules: &'o RuleSettings, capacity: usize) -> Sink<'o> {
        Sink { rules, out: Vec::with_capacity(capacity) }
    }

    /// Raises rule `code` at `span` at the severity the options give it, or not at all when it is
    /// off. The caller fills in the rest (related spans, fixes, quote or claim) on the finding
    /// returned.
    fn raise(&mut self, code: &'static str, span: Span, message: String) -> Option<&mut Finding> {
        let severity = self.rules.severity(code)?;
        self.out.push(Finding { code, severity, span, message, related: Few::new(), fixes: Few::new(), quote: None, claim: None });
        self.out.last_mut()
    }
}

pub fn collect(input: &Input, options: &Options) -> Vec<Finding> {
    let doc = input.doc;
    let a = input.analysis;
    // About one finding per claim and a few more: sized once rather than regrown (and copied).
    let mut sink = Sink::new(&options.rules, a.claims.len() + input.quotes.issues.len() + 16);
    quotes_without_speaker(&a.quotes, doc, input.entities, &mut sink);
    scare_quotes(doc, input.quotes, input.fragments, &mut sink);
    attributed_cues(input, &mut sink);
    claims_without_source(&a.claims, doc.text, &mut sink);
    mismatched_marks(doc, &input.quotes.quotations, &mut sink);
    unbalanced_marks(doc.text, &input.quotes.issues, &mut sink);
    let mut out = sink.out;
    out.sort_by_key(|f| (f.span.start, f.span.end));
    apply_directives(doc.text, &doc.directives, &mut out);
    out
}

/// `unattributed-quote` for a direct quotation nobody said that a reader cannot pin on anyone
/// either ([`quoted_headline`], [`someone_in_view`], or a quotation that runs on from words a
/// reader already gave a speaker: [`Voice`]).
fn quotes_without_speaker(quotes: &[Quote], doc: &Doc, entities: &Entities, sink: &mut Sink) {
    let mut voice = Voice::default();
    for q in quotes {
        let first = q.parts[0];
        let raised = match (q.kind, q.speaker) {
            // Reported speech sets no voice: "Critics say …" ⏎⏎ `"…"` leaves the words to no one.
            (QuoteKind::Direct | QuoteKind::Mixed, Some(_)) => {
                voice.heard(doc, q.span.end);
                None
            }
            // A reporting verb attributes it, however vaguely ("tweeted a user from Hanover"):
            // whether that source is named well is `anonymous-source`'s business.
            (QuoteKind::Direct, None) if q.cue.is_none() => {
                let para = paragraph_at(doc, first.start);
                if voice.continues(doc, para) || quoted_headline(doc, first) || introduced(doc, para, first) || someone_in_view(doc, entities, para, first) {
                    voice.heard(doc, q.span.end);
                    None
                } else {
                    sink.raise("unattributed-quote", first, "This quotation has no speaker: say who said it, in the same paragraph.".to_string())
                }
            }
            _ => None,
        };
        if let Some(f) = raised {
            f.quote = Some(q.id);
        }
    }
}

/// `scare-quote` for a few quoted words (four at most) nobody said, straight from the paired
/// marks: they are no quote (`fragments`). Longer fragments read as reported words or a title,
/// not as distance taken from them, and are left alone.
fn scare_quotes(doc: &Doc, quotes: &Quotes, fragments: &[usize], sink: &mut Sink) {
    for &qi in fragments {
        let Some(first) = quotes.quotations[qi].parts(doc).next() else { continue };
        let words = first.text(doc.text);
        if words.split_whitespace().count() <= 4 {
            sink.raise("scare-quote", first, format!("The quoted words {words} have no speaker nearby: say whose words they are, or drop the quotation marks."));
        }
    }
}

/// The paragraph (index) where the last quote a reader can give a speaker ends. A quotation in
/// that paragraph or the next one with words reads as the same voice going on: an interview or a
/// memoir quoted paragraph after paragraph, `"…," said X. "…"` in copy whose paragraph breaks
/// were lost, a continuation whose attribution whosaid did not tie. Judged by hand on BBC copy,
/// such quotations were nearly all ones an editor would leave alone (docs/findings-precision.md).
#[derive(Default)]
struct Voice(Option<usize>);

impl Voice {
    fn heard(&mut self, doc: &Doc, at: usize) {
        self.0 = Some(paragraph_at(doc, at.saturating_sub(1)));
    }

    fn continues(&self, doc: &Doc, para: usize) -> bool {
        self.0.is_some_and(|v| v == para || Some(v) == paragraph_before(doc, para))
    }
}

/// Index of the paragraph holding byte `at` (the last one if none does).
fn paragraph_at(doc: &Doc, at: usize) -> usize {
    // Paragraphs are in text order: a binary search keeps a long file's many quotes linear.
    doc.paragraphs.partition_point(|p| p.span.end <= at).min(doc.paragraphs.len().saturating_sub(1))
}

/// The nearest paragraph before `para` that has words (blank lines of spaces are no paragraph
/// to a reader).
fn paragraph_before(doc: &Doc, para: usize) -> Option<usize> {
    (0..para.min(doc.paragraphs.len())).rev().find(|&i| !doc.paragraphs[i].tokens.is_empty())
}

/// A headline that is a quotation (`'We will stand firm'` alone on the first line, a story below
/// it, no full stop): whose words they are is the story's to tell.
fn quoted_headline(doc: &Doc, quote: Span) -> bool {
    let [first, _, ..] = doc.paragraphs.as_slice() else { return false };
    let words = doc.text[quote.start..quote.end].trim_end_matches(|c: char| !c.is_alphanumeric());
    let rest = &doc.text[quote.start + words.len()..quote.end];
    // An ellipsis trails off ("My memories of Marley..."); it ends no sentence.
    let ends_sentence = rest.contains(['!', '?']) || (rest.contains('.') && !rest.contains(".."));
    quote.start <= first.span.start + 1 && quote.end + 1 >= first.span.end && !ends_sentence && !doc.text[first.span.start..first.span.end].contains('\n')
}

/// Whether a person or a body is named in the quotation's own paragraph or the paragraph before
/// it (a group or an unnamed source is no one in particular). A reader then takes the words for
/// theirs even where whosaid found no cue to tie them (`"…," said X. "…"` in copy whose paragraph
/// breaks were lost, a role before the name that whosaid did not parse, the subject of a profile
/// named just before): judged by hand on BBC copy, nearly all quotations flagged without this
/// step had a speaker the reader could tell (docs/findings-precision.md). Further back, the
/// speaker is no longer in view and the quotation is flagged.
fn someone_in_view(doc: &Doc, entities: &Entities, para: usize, quote: Span) -> bool {
    let Some(p) = doc.paragraphs.get(para) else { return false };
    let from = paragraph_before(doc, para).map_or(p.span.start, |b| doc.paragraphs[b].span.start);
    let to = p.span.end.max(quote.end);
    // A month taken for a first name ("shut since April") is no one in view.
    let month = |e: &Entity| matches!(e.keys.as_slice(), [k] if std::str::from_utf8(k.as_bytes()).is_ok_and(|k| doc.lx.flags(k) & flag::DAY_MONTH != 0));
    let named = |e: &&Entity| matches!(e.kind, SpeakerKind::Person | SpeakerKind::Organization) && e.name != "the writer" && !month(e);
    entities.list.iter().filter(named).any(|e| e.mentions.iter().any(|(m, _)| m.start >= from && m.end <= to))
        || tokens_within(doc, from, to).iter().filter(|t| t.cap && t.kind == TokKind::Word).any(|t| {
            // A name of someone met earlier that whosaid did not link again ("Partridge worked
            // with the band" after "Rob Partridge").
            let w = doc.text[t.start as usize..t.stem_end() as usize].as_bytes();
            entities.list.iter().filter(named).any(|e| e.kind == SpeakerKind::Person && e.keys.iter().any(|k| k.as_bytes().eq_ignore_ascii_case(w)))
        })
}

/// The tokens wholly inside bytes `from..to` (tokens are in text order).
fn tokens_within<'d>(doc: &'d Doc, from: usize, to: usize) -> &'d [Token] {
    let lo = doc.tokens.partition_point(|t| (t.start as usize) < from);
    let hi = doc.tokens.partition_point(|t| (t.end as usize) <= to).max(lo);
    &doc.tokens[lo..hi]
}

/// Whether the layout names or introduces the speaker, where a reader looks for one: a
/// paragraph before that ends in a colon ("Transcript as follows:"), a label at the head of the
/// quotation's own paragraph ("A:", "- Harbour master Ana Ruiz:"), or a dash line after it
/// ("- Ana Ruiz.").
fn introduced(doc: &Doc, para: usize, quote: Span) -> bool {
    let words = |i: usize| doc.paragraphs[i].span.text(doc.text).trim();
    let colon_before = paragraph_before(doc, para).is_some_and(|b| words(b).ends_with(':'));
    let head = doc.text[doc.paragraphs[para].span.start..quote.start].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '•' | '*'));
    let label = head.split_once(':').is_some_and(|(l, rest)| l.split_whitespace().count() <= 6 && rest.trim().is_empty());
    let next = (para + 1..doc.paragraphs.len()).find(|&i| !doc.paragraphs[i].tokens.is_empty());
    let dash_after = next.is_some_and(|n| words(n).starts_with(['-', '–', '—']));
    colon_before || label || dash_after
}

/// The rules about how an attributed quote is attributed: its cue verb ([`loaded_verb`],
/// [`non_speech_verb`]) and where the speaker is named ([`late_attribution`]). Only quotes with a
/// speaker and a verb cue are judged: "according to" has no verb to replace.
fn attributed_cues(input: &Input, sink: &mut Sink) {
    let doc = input.doc;
    let text = doc.text;
    let a = input.analysis;
    for (di, d) in input.drafts.iter().enumerate() {
        let qid = input.quote_ids[di];
        // The quote holds the draft's cue and parts (moved there by `analyze`).
        let Some(cue) = &a.quotes[qid].cue else { continue };
        let Some(head) = d.cue_head else { continue };
        if d.entity.is_none() {
            continue;
        }
        // Built only for a finding that shows it: most attributions raise none.
        let related = || speaker_related(d.mention, text);
        loaded_verb(doc, head, d.cue_class, qid, &related, sink);
        non_speech_verb(doc, head, d.cue_class, qid, &related, sink);
        if d.kind == QuoteKind::Direct && cue.span.start >= a.quotes[qid].parts[0].end {
            if let Some(&qi) = d.quotations.first() {
                late_attribution(doc, &input.quotes.quotations[qi], qid, &related, sink);
            }
        }
    }
}

/// The "speaker: …" note that points from a cue finding to the speaker's mention.
fn speaker_related(mention: Option<Span>, text: &str) -> Few<Related> {
    mention
        .map(|m| {
            let name = m.text(text);
            let mut message = String::with_capacity(9 + name.len());
            message.push_str("speaker: ");
            message.push_str(name);
            Few::one(Related { span: m, message })
        })
        .unwrap_or_default()
}

/// `loaded-verb`: a cue verb that judges what was said ("claimed", "admitted", "insisted"), with
/// the form of "said" that replaces it as the fix; the message says which judgement it makes.
fn loaded_verb(doc: &Doc, head: usize, class: Option<VerbClass>, quote: usize, related: &dyn Fn() -> Few<Related>, sink: &mut Sink) {
    let Some(l) = loaded_of(class) else { return };
    let (span, replacement) = say_replacement(doc, head);
    let verb = span.text(doc.text);
    let why = match l {
        Loaded::Doubt => "suggests you doubt the speaker",
        Loaded::Guilt => "implies the speaker owned up to something",
        Loaded::Truth => "presents what was said as established fact",
        Loaded::Emphasis => "editorialises about how it was said",
    };
    if let Some(f) = sink.raise("loaded-verb", span, join(&["“", verb, "” ", why, "; “", &replacement, "” is neutral."])) {
        f.related = related();
        f.fixes = Few::one(Fix { title: join(&["Replace “", verb, "” with “", &replacement, "”"]), edits: Few::one((span, replacement)) });
        f.quote = Some(quote);
    }
}

/// `non-speech-verb`: words cannot be smiled, laughed or shrugged; the fix says them instead.
fn non_speech_verb(doc: &Doc, head: usize, class: Option<VerbClass>, quote: usize, related: &dyn Fn() -> Few<Related>, sink: &mut Sink) {
    if class != Some(VerbClass::NonSpeech) {
        return;
    }
    let (span, replacement) = say_replacement(doc, head);
    let verb = span.text(doc.text);
    if let Some(f) = sink.raise("non-speech-verb", span, join(&["People do not “", verb, "” words: use “", &replacement, "” and describe the gesture separately."])) {
        f.related = related();
        f.fixes = Few::one(Fix { title: join(&["Replace “", verb, "” with “", &replacement, "”"]), edits: Few::one((span, replacement)) });
        f.quote = Some(quote);
    }
}

/// `late-attribution`: a direct quotation of three or more sentences whose speaker is named only
/// after it (the caller checks that the cue follows the quotation). A reader should know who
/// speaks by the end of the first sentence.
fn late_attribution(doc: &Doc, q: &Quotation, quote: usize, related: &dyn Fn() -> Few<Related>, sink: &mut Sink) {
    let inner_sentences = sentence_ends_inside(doc, q);
    if inner_sentences < 2 {
        return;
    }
    let message = format!("The speaker of this {}-sentence quotation is named only at its end; attribute it after the first sentence.", inner_sentences + 1);
    if let Some(f) = sink.raise("late-attribution", doc.tokens[q.open].span(), message) {
        f.related = related();
        f.quote = Some(quote);
    }
}

/// Sentence ends inside quotation `q`, not counting one right before the closing mark: "We lost.
/// We will win." holds one.
fn sentence_ends_inside(doc: &Doc, q: &Quotation) -> usize {
    let text = doc.text;
    (q.open + 1..q.close)
        .filter(|&k| {
            let t = &doc.tokens[k];
            // ASCII marks: the first byte is the first char.
            t.kind == TokKind::Punct && matches!(text.as_bytes().get(t.start as usize), Some(b'.' | b'!' | b'?')) && k + 1 < q.close && super::sentences::ends_sentence(doc, k, k, q.close)
        })
        .count()
}

/// One finding per claim with no source; the claim finder decided the kind, this step words it.
/// A weak claim (one an editor may well let stand) is a hint whatever its rule's severity; a rule
/// switched off hides its hints too.
fn claims_without_source(claims: &[Claim], text: &str, sink: &mut Sink) {
    for (ci, c) in claims.iter().enumerate() {
        let (code, message) = claim_message(c.kind, c.trigger.text(text));
        if let Some(f) = sink.raise(code, c.trigger, message) {
            f.claim = Some(ci);
            if c.weak {
                f.severity = Severity::Hint;
            }
        }
    }
}

/// The rule code and message for a claim of `kind` triggered by the words `trigger`: each says
/// what would source the claim.
fn claim_message(kind: ClaimKind, trigger: &str) -> (&'static str, String) {
    match kind {
        ClaimKind::AgentlessPassive => ("agentless-passive", quoted_message("", trigger, " — by whom? This sentence gives no source for the view.")),
        ClaimKind::WeaselAttribution => ("weasel-attribution", quoted_message("", trigger, " — who, exactly? Name the people or the study.")),
        ClaimKind::AnonymousSource => ("anonymous-source", quoted_message("", trigger, " is not described: say who the source is (their position) and why they are not named.")),
        ClaimKind::DoubtWord => ("doubt-word", quoted_message("", trigger, " casts doubt with no source in the sentence: who says so?")),
        ClaimKind::Statistic => ("unsourced-statistic", quoted_message("The figure ", trigger, " makes a point nobody vouches for: no source in its sentence or paragraph.")),
        ClaimKind::Hedge => ("hedge", quoted_message("", trigger, " reads as the writer's own view: whose judgement is it?")),
    }
}

/// `mismatched-quotes`: a quotation that opens with one glyph and closes with another (“…"). The
/// fix follows the article's own habit: the partner of the opening mark where curly marks are
/// the majority, straight marks at both ends otherwise.
fn mismatched_marks(doc: &Doc, quotations: &[Quotation], sink: &mut Sink) {
    let text = doc.text;
    // Counted over every token, so only once a mismatched quotation needs it.
    let mut style: Option<(usize, usize)> = None;
    for q in quotations.iter().filter(|q| q.mismatched) {
        let (curly, straight) = *style.get_or_insert_with(|| dominant_style(doc));
        let open = &doc.tokens[q.open];
        let close = &doc.tokens[q.close];
        let og = open.first_char(text);
        let cg = close.first_char(text);
        if let Some(f) = sink.raise("mismatched-quotes", close.span(), format!("This quotation opens with {og} but closes with {cg}.")) {
            f.related = Few::one(Related { span: open.span(), message: format!("opened with {og} here") });
            f.fixes = mismatch_fix(og, open.span(), close.span(), curly >= straight).into_iter().collect();
        }
    }
}

/// The fix for a quotation opened with `og` at `open` and badly closed at `close`: close it with
/// the opening mark's partner when the article prefers curly marks (`curly`), else make both
/// marks straight. An opening glyph with no known partner gets no curly fix.
fn mismatch_fix(og: char, open: Span, close: Span, curly: bool) -> Option<Fix> {
    if curly {
        partner(og).map(|p| Fix { title: format!("Close with {p}"), edits: Few::one((close, p.to_string())) })
    } else {
        let straight_mark = if matches!(og, '‘' | '’' | '\'' | '‚') { '\'' } else { '"' };
        Some(Fix { title: format!("Use straight {straight_mark} marks"), edits: [(open, straight_mark.to_string()), (close, straight_mark.to_string())].into_iter().collect() })
    }
}

/// `unbalanced-quotes`: a mark the pairing left alone, opened and never closed in its paragraph or
/// closed with nothing open.
fn unbalanced_marks(text: &str, issues: &[MarkIssue], sink: &mut Sink) {
    for issue in issues {
        let g = issue.span.text(text);
        let message = match issue.problem {
            MarkProblem::Unclosed => format!("This {g} opens a quotation that is never closed in its paragraph."),
            MarkProblem::Unopened => format!("This {g} closes a quotation that was never opened."),
        };
        sink.raise("unbalanced-quotes", issue.span, message);
    }
}

/// The head verb (with its particle: "pointed out") and the form of "say" that replaces it, in
/// the same tense and capitalisation ("Claims" → "Says").
fn say_replacement(doc: &Doc, head: usize) -> (Span, String) {
    let t = &doc.tokens[head];
    let text = doc.text;
    let mut buf = super::text::Scratch::new();
    let lx = lexicon();
    let (verb, form) = lx.verb(lower(t.text(text), &mut buf)).expect("cue head is a verb");
    let mut span = t.span();
    if let Some(p) = verb.particle.as_deref() {
        if let Some(n) = doc.tokens.get(head + 1) {
            if n.text(text).eq_ignore_ascii_case(p) {
                span.end = n.end as usize;
            }
        }
    }
    let mut say = Verb::say_in(form).to_string();
    if t.cap {
        say[..1].make_ascii_uppercase();
    }
    (span, say)
}

/// The closing mark that pairs with opening mark `open` in its own style.
fn partner(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '„' => '“',
        '‘' => '’',
        '‚' => '‘',
        '«' => '»',
        '‹' => '›',
        '"' => '"',
        '\'' => '\'',
        '”' => '”',
        _ => return None,
    })
}

/// How many curly and how many straight double marks the article uses: fixes follow the majority.
fn dominant_style(doc: &Doc) -> (usize, usize) {
    let mut curly = 0;
    let mut straight = 0;
    for t in &doc.tokens {
        if t.kind == TokKind::Mark {
            match t.first_char(doc.text) {
                '"' => straight += 1,
                '“' | '”' => curly += 1,
                _ => {}
            }
        }
    }
    (curly, straight)
}

/// Drops the findings that `whosaid-disable*` comments cover: a user who silenced a rule on a
/// line or in a block must not see it there again.
fn apply_directives(text: &str, directives: &[Directive], findings: &mut Vec<Finding>) {
    if directives.is_empty() {
        return;
    }
    let line_starts: Vec<usize> = std::iter::once(0).chain(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1)).collect();
    let line_of = |pos: usize| line_starts.partition_point(|&s| s <= pos).saturating_sub(1);
    findings.retain(|f| !suppressed(text, directives, &line_of, f));
}

/// Is `f` silenced? `disable-next-line` covers the next line that has text, `disable-line` its
/// own line (the comment may follow the finding), `disable` … `enable` a block; each names rules
/// or groups, or none for every rule.
fn suppressed(text: &str, directives: &[Directive], line_of: &dyn Fn(usize) -> usize, f: &Finding) -> bool {
    let covers = |d: &Directive| d.names.is_empty() || d.names.iter().any(|n| super::rules::name_covers(n, f.code));
    let line = line_of(f.span.start);
    let mut disabled_block = false;
    for d in directives {
        if d.span.start > f.span.start && d.command != "disable-line" {
            break;
        }
        match d.command.as_str() {
            "disable-next-line" => {
                if covers(d) {
                    // The next line that has text.
                    let after = &text[d.span.end..];
                    let skip = after.len() - after.trim_start().len();
                    if line_of(d.span.end + skip) == line {
                        return true;
                    }
                }
            }
            "disable-line" => {
                if covers(d) && line_of(d.span.start) == line {
                    return true;
                }
            }
            "disable" => {
                if covers(d) {
                    disabled_block = true;
                }
            }
            "enable" => {
                if covers(d) {
                    disabled_block = false;
                }
            }
            _ => {}
        }
    }
    disabled_block
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::pair;
    use crate::analysis::rules::RuleSetting;
    use crate::analysis::{analyze, Format};

    fn defaults() -> RuleSettings {
        RuleSettings::default()
    }

    /// Token index of the first word `w` in `doc`.
    fn token(doc: &Doc, w: &str) -> usize {
        doc.tokens.iter().position(|t| t.text(doc.text) == w).unwrap_or_else(|| panic!("no token {w}"))
    }

    fn class_of(word: &str) -> Option<VerbClass> {
        lexicon().verb(&word.to_lowercase()).map(|(v, _)| v.class)
    }

    #[test]
    fn a_rule_switched_off_raises_nothing() {
        let mut rules = defaults();
        rules.0.insert("scare-quote".into(), RuleSetting::Off);
        rules.0.insert("unattributed-quote".into(), RuleSetting::Severity(Severity::Hint));
        let mut sink = Sink::new(&rules, 0);
        assert!(sink.raise("scare-quote", Span::new(0, 1), String::new()).is_none());
        assert!(sink.raise("unattributed-quote", Span::new(0, 1), String::new()).is_some());
        assert_eq!(sink.out.len(), 1);
        assert_eq!(sink.out[0].severity, Severity::Hint);
    }

    #[test]
    fn quotes_without_speaker_table() {
        let cases: &[(&str, &[&str])] = &[
            ("“We will rebuild the pier before winter.”", &["unattributed-quote"]),
            ("“We will rebuild the pier before winter,” the mayor said.", &[]),
            ("The ferry plan is “a bold step” for the town.", &["scare-quote"]),
            ("The ferry plan is “a bold step for every family in this town” at last.", &[]),
            ("The council called the ferry plan “a bold step” on Monday.", &[]),
            // Someone named in the quotation's paragraph: a reader takes the words for theirs.
            ("Tomas Okafor watched the cranes. “It is a sad day.”", &[]),
            ("“It is a sad day.” Tomas Okafor watched the cranes go.", &[]),
            // The story's subject named in the paragraph before: the reader takes the words for hers.
            ("Ana Ruiz has run the harbour café for thirty years.\n\n“We were never told.”", &[]),
            ("Ana Ruiz has run the harbour café for thirty years.\n\n  \n\n“We were never told.”", &[]),
            // Named again by surname only, where whosaid did not link the name.
            ("Rob Okafor ran the press office.\n\nOkafor worked with the band until 1981.\n\n“It was one of the last dates.”", &[]),
            ("'Memories of the band...'\n\nThe band played the pier in 1977.", &[]),
            // The layout introduces the speaker: a colon, a label, a dash line after.
            ("The harbour board met on Monday.\n\nThe minutes read as follows:\n\n“The pier will reopen in June.”", &[]),
            ("Q: Will the pier reopen?\n\nA: “By June, we hope.”", &[]),
            ("- Harbour master: “The pier will reopen in June.”", &[]),
            ("The pier closed in the spring.\n\n“The pier will reopen in June.”\n\n- Harbour master Ana Ruiz.", &[]),
            // A label is right before the quotation; a colon with words after it is none.
            ("The pier closed in the spring.\n\nUpdate: late on Monday “Nobody told us.”", &["unattributed-quote"]),
            // A month is no one, though it may be a first name.
            ("The pier has been shut since April.\n\n“Nobody told us.”", &["unattributed-quote"]),
            // A colon inside the sentence is no label.
            ("The pier closed in the spring.\n\nThe board met on Monday, and the plan was simple: rebuild. “The pier will reopen in June.”", &["unattributed-quote"]),
            // Two paragraphs back she is out of view.
            ("Ana Ruiz has run the harbour café for thirty years.\n\nThe pier closed in the spring.\n\n“We were never told.”", &["unattributed-quote"]),
            // A voice quoted paragraph after paragraph goes on, however far from the name.
            (
                "Ana Ruiz said: “We were never told.”\n\n“Nobody asked the café.”\n\n“The pier was our living.”\n\n“It is a sad day.”",
                &[],
            ),
            // A cue with a source whosaid could not name is still an attribution.
            ("The pier closed in the spring.\n\n“Nobody told us,” tweeted a user from the harbour.", &[]),
            // Reported speech of a group is no voice going on.
            ("Critics say the pier costs too much. The work is expected to take a year.\n\n“Nobody told us the road would close.”", &["unattributed-quote"]),
            // A paragraph with no quotation ends the voice.
            (
                "Ana Ruiz said: “We were never told.”\n\nThe pier closed in the spring.\n\nThe ferry stopped.\n\n“It is a sad day.”",
                &["unattributed-quote"],
            ),
            // A group is no one in particular.
            ("Residents watched the cranes. “It is a sad day.”", &["unattributed-quote"]),
            // A quoted headline is the story's to attribute, below it.
            ("'Pier will reopen by June'\n\nThe pier closed in May for repairs.", &[]),
            ("The pier closed in the spring.\n\n'Pier will reopen by June'", &["unattributed-quote"]),
        ];
        for (text, want) in cases {
            let a = analyze(text, &Options::default());
            let got: Vec<&str> = a.findings.iter().map(|f| f.code).filter(|c| matches!(*c, "unattributed-quote" | "scare-quote")).collect();
            assert_eq!(&got, want, "{text}");
            assert!(a.findings.iter().filter(|f| f.code == "unattributed-quote").all(|f| f.quote.is_some()), "{text}");
        }
    }

    #[test]
    fn a_scare_quote_is_raised_from_the_marks_and_is_no_quote() {
        // (text, scare-quote raised, the fragment is a speaker's partial quote)
        let cases: &[(&str, bool, bool)] = &[
            ("The ferry plan is “a bold step” for the town.", true, false),
            ("The council's “plan” has no budget.", true, false),
            // Longer fragments are no quote either, and no scare quote.
            ("The council's “new deal for the pier and every family on the coast” has no budget.", false, false),
            // Attributed: a quote of the speaker, no scare quote.
            ("Okafor called the ferry plan “a bold step” on Monday.", false, true),
        ];
        for &(text, scare, attributed) in cases {
            let a = analyze(text, &Options::default());
            let found: Vec<&Finding> = a.findings.iter().filter(|f| f.code == "scare-quote").collect();
            let partial = a.quotes.iter().find(|q| q.kind == QuoteKind::Partial);
            assert_eq!((found.len() == 1, partial.is_some()), (scare, attributed), "{text}: {:?}", a.quotes);
            assert!(partial.is_none_or(|q| q.speaker.is_some()), "{text}");
            assert!(found.iter().all(|f| f.quote.is_none() && text[f.span.start..f.span.end].starts_with('“')), "{text}");
        }
    }

    #[test]
    fn a_cue_with_no_source_named_is_still_an_attribution() {
        let a = analyze("The pier closed in the spring.\n\n“Nobody told us,” tweeted a user from the harbour.", &Options::default());
        let q = a.quotes.iter().find(|q| q.kind == QuoteKind::Direct).expect("the quotation");
        assert!(q.cue.is_some(), "{q:?}");
        assert!(a.findings.iter().all(|f| f.code != "unattributed-quote"), "{:?}", a.findings);
    }

    #[test]
    fn cue_verb_rules_name_the_verb_and_its_replacement() {
        // (sentence, cue verb, rule, span of the finding, replacement)
        let cases: &[(&str, &str, Option<&str>, &str, &str)] = &[
            ("Kane claimed the pier was safe.", "claimed", Some("loaded-verb"), "claimed", "said"),
            ("Kane insists the pier is safe.", "insists", Some("loaded-verb"), "insists", "says"),
            ("Kane was admitting the pier was unsafe.", "admitting", Some("loaded-verb"), "admitting", "saying"),
            ("Kane pointed out that the pier was old.", "pointed", Some("loaded-verb"), "pointed out", "said"),
            ("Mayor Claims Pier Is Safe", "Claims", Some("loaded-verb"), "Claims", "Says"),
            ("“Not today,” Kane smiled.", "smiled", Some("non-speech-verb"), "smiled", "said"),
            ("Kane said the pier was safe.", "said", None, "", ""),
            ("Kane told reporters the pier was safe.", "told", None, "", ""),
        ];
        for &(text, verb, rule, span, replacement) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let head = token(&doc, verb);
            let rules = defaults();
            let mut sink = Sink::new(&rules, 0);
            let speaker = doc.tokens[0].span();
            let related = || speaker_related(Some(speaker), text);
            loaded_verb(&doc, head, class_of(verb), 7, &related, &mut sink);
            non_speech_verb(&doc, head, class_of(verb), 7, &related, &mut sink);
            match rule {
                None => assert!(sink.out.is_empty(), "{text}: {:?}", sink.out),
                Some(code) => {
                    assert_eq!(sink.out.len(), 1, "{text}");
                    let f = &sink.out[0];
                    assert_eq!(f.code, code, "{text}");
                    assert_eq!(f.span.text(text), span, "{text}");
                    assert_eq!(f.fixes[0].edits, [(f.span, replacement.to_string())], "{text}");
                    assert_eq!(f.related[0].span, speaker, "{text}");
                    assert_eq!(f.related[0].message, format!("speaker: {}", speaker.text(text)), "{text}");
                    assert_eq!(f.quote, Some(7));
                }
            }
        }
    }

    #[test]
    fn sentence_ends_inside_a_quotation() {
        let cases: &[(&str, usize)] = &[
            ("“We lost. We regrouped. We will win,” said Kane.", 2),
            ("“We lost. We will win,” said Kane.", 1),
            ("“We will win.” said Kane.", 0),
            ("“Mr. Abel and Dr. Vance will win,” said Kane.", 0),
            ("“Why? Who knows! We will win,” said Kane.", 2),
        ];
        for &(text, want) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let q = pair(&doc);
            assert_eq!(sentence_ends_inside(&doc, &q.quotations[0]), want, "{text}");
        }
    }

    #[test]
    fn late_attribution_table() {
        // (text, late-attribution raised at the opening mark)
        let cases: &[(&str, bool)] = &[
            ("“We lost. We regrouped. We will win,” said Kane.", true),
            ("“We lost. We will win,” said Kane.", false),
            ("Kane said: “We lost. We regrouped. We will win.”", false),
            ("“We lost,” said Kane. “We regrouped. We will win.”", false),
        ];
        for &(text, want) in cases {
            let a = analyze(text, &Options::default());
            let late: Vec<&Finding> = a.findings.iter().filter(|f| f.code == "late-attribution").collect();
            assert_eq!(late.len(), usize::from(want), "{text}: {:?}", a.findings);
            if want {
                assert_eq!(late[0].span.text(text), "“");
                assert!(late[0].message.contains("3-sentence"), "{}", late[0].message);
            }
        }
    }

    #[test]
    fn claim_messages_by_kind() {
        let cases: &[(ClaimKind, &str, &str, &str)] = &[
            (ClaimKind::AgentlessPassive, "is widely seen as", "agentless-passive", "“is widely seen as” — by whom?"),
            (ClaimKind::WeaselAttribution, "critics say", "weasel-attribution", "“critics say” — who, exactly?"),
            (ClaimKind::AnonymousSource, "a source said", "anonymous-source", "“a source said” is not described"),
            (ClaimKind::DoubtWord, "allegedly", "doubt-word", "“allegedly” casts doubt"),
            (ClaimKind::Statistic, "40%", "unsourced-statistic", "The figure “40%” makes a point nobody vouches for"),
            (ClaimKind::Hedge, "probably", "hedge", "“probably” reads as the writer's own view"),
        ];
        for &(kind, trigger, code, start) in cases {
            let (c, m) = claim_message(kind, trigger);
            assert_eq!(c, code);
            assert!(m.starts_with(start), "{m}");
        }
        // A long trigger is cut at 60 characters.
        let long = "a".repeat(70);
        let (_, m) = claim_message(ClaimKind::DoubtWord, &long);
        assert!(m.starts_with(&format!("“{}…”", "a".repeat(60))), "{m}");
    }

    #[test]
    fn claims_point_back_to_their_claim() {
        let text = "Rents rose 40% last year. It is believed that the pier is unsafe.";
        let a = analyze(text, &Options::default());
        let rules = defaults();
        let mut sink = Sink::new(&rules, 0);
        claims_without_source(&a.claims, text, &mut sink);
        assert_eq!(sink.out.len(), a.claims.len());
        assert!(!sink.out.is_empty());
        for (i, f) in sink.out.iter().enumerate() {
            assert_eq!(f.claim, Some(i));
            assert_eq!(f.span, a.claims[i].trigger);
        }
    }

    #[test]
    fn mismatch_fix_follows_the_house_style() {
        let (open, close) = (Span::new(0, 3), Span::new(10, 11));
        let cases: &[(char, bool, Option<(&str, &[&str])>)] = &[
            ('“', true, Some(("Close with ”", &["”"]))),
            ('„', true, Some(("Close with “", &["“"]))),
            ('‘', true, Some(("Close with ’", &["’"]))),
            ('“', false, Some(("Use straight \" marks", &["\"", "\""]))),
            ('‘', false, Some(("Use straight ' marks", &["'", "'"]))),
            ('》', true, None),
        ];
        for &(og, curly, want) in cases {
            let got = mismatch_fix(og, open, close, curly);
            let got = got.as_ref().map(|f| (f.title.as_str(), f.edits.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>()));
            assert_eq!(got, want.map(|(t, e)| (t, e.to_vec())), "{og} {curly}");
        }
    }

    #[test]
    fn mismatched_marks_read_the_article_style() {
        // (text, fix title)
        let cases: &[(&str, &str)] = &[
            ("“We agreed to talk,\" the ministry said.", "Close with ”"),
            ("\"No,\" she said. \"Yes,\" he said. “We agreed to talk,\" the ministry said.", "Use straight \" marks"),
        ];
        for &(text, title) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let q = pair(&doc);
            let rules = defaults();
            let mut sink = Sink::new(&rules, 0);
            mismatched_marks(&doc, &q.quotations, &mut sink);
            assert_eq!(sink.out.len(), 1, "{text}");
            assert_eq!(sink.out[0].span.text(text), "\"");
            assert_eq!(sink.out[0].related[0].span.text(text), "“");
            assert_eq!(sink.out[0].fixes[0].title, title, "{text}");
        }
    }

    #[test]
    fn unbalanced_marks_say_which_end_is_missing() {
        let cases: &[(&str, &str)] = &[
            ("“This never closes, she said.\n\nNext.", "This “ opens a quotation that is never closed in its paragraph."),
            ("He said no.” Then he left.", "This ” closes a quotation that was never opened."),
        ];
        for &(text, message) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let q = pair(&doc);
            let rules = defaults();
            let mut sink = Sink::new(&rules, 0);
            unbalanced_marks(text, &q.issues, &mut sink);
            assert_eq!(sink.out.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(), [message], "{text}");
        }
    }

    #[test]
    fn directives_drop_what_they_cover() {
        let line = "Kane claimed it.";
        // (text, the findings kept as (code, which "Kane claimed it." they are on)); every
        // occurrence starts with a loaded-verb and a doubt-word finding.
        let cases: &[(&str, &[(&str, usize)])] = &[
            ("<!-- whosaid-disable-next-line loaded-verb -->\n\nKane claimed it.\nKane claimed it.", &[("doubt-word", 0), ("loaded-verb", 1), ("doubt-word", 1)]),
            ("Kane claimed it. <!-- whosaid-disable-line -->\nKane claimed it.", &[("loaded-verb", 1), ("doubt-word", 1)]),
            ("<!-- whosaid-disable loaded-verb -->\nKane claimed it.\n<!-- whosaid-enable -->\nKane claimed it.", &[("doubt-word", 0), ("loaded-verb", 1), ("doubt-word", 1)]),
            ("Kane claimed it.\n<!-- whosaid-disable -->\nKane claimed it.", &[("loaded-verb", 0), ("doubt-word", 0)]),
            ("<!-- whosaid-disable-next-line unsourced-claim -->\nKane claimed it.", &[("loaded-verb", 0)]),
            ("Kane claimed it.\nKane claimed it.", &[("loaded-verb", 0), ("doubt-word", 0), ("loaded-verb", 1), ("doubt-word", 1)]),
        ];
        for &(text, kept) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let starts: Vec<usize> = text.match_indices(line).map(|(i, _)| i).collect();
            let mut findings: Vec<Finding> = Vec::new();
            for &s in &starts {
                for code in ["loaded-verb", "doubt-word"] {
                    let rules = defaults();
                    let mut sink = Sink::new(&rules, 0);
                    sink.raise(code, Span::new(s + 5, s + 12), String::new());
                    findings.extend(sink.out);
                }
            }
            apply_directives(text, &doc.directives, &mut findings);
            let got: Vec<(&str, usize)> = findings.iter().map(|f| (f.code, starts.iter().position(|&s| s + 5 == f.span.start).unwrap())).collect();
            assert_eq!(got, kept, "{text}");
        }
    }
}
