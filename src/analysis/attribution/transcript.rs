//! Transcripts and headlines: `PENCE: Well, look ...`, `Jane Doe: We will win` — a paragraph that
//! opens with a name and a colon quotes that person for the rest of the paragraph. A transcript
//! printed inside quotation marks opens each turn with a mark (`"WALLACE: ...`).

use super::draft::punctuation_draft;
use super::scan::span_of;
use super::{Ledger, QuotationIds};
use crate::analysis::cues::punct_is;
use crate::analysis::inline::Parts;
use crate::analysis::model::{Cue, CueKind, SpeakerKind};
use crate::analysis::quotes::Quotes;
use crate::analysis::sentences::Sentence;
use crate::analysis::speakers::{np_right, Np};
use crate::analysis::text::{Doc, Paragraph, TokKind};

/// One speaker's turn: the words after the colon, to the paragraph end.
#[derive(Debug)]
pub(super) struct Turn {
    /// The first token after the colon.
    pub start: usize,
    /// The paragraph's end token (exclusive).
    pub end: usize,
    pub speaker: Np,
}

/// Every paragraph that opens a turn, in text order.
pub(super) fn find_turns(doc: &Doc, depth: &[u8]) -> Vec<Turn> {
    let mut turns = Vec::new();
    // Depths as if no quotation were open, for turns inside one; made at the first such turn.
    let mut flat: Vec<u8> = Vec::new();
    for para in &doc.paragraphs {
        if let Some(turn) = turn_of(doc, depth, para, &mut flat) {
            turns.push(turn);
        }
    }
    turns
}

/// Does `para` open with a speaker's name and a colon within its first five tokens? An all-caps
/// name (`OKAFOR:`) always counts; a name in normal case only for a person (not `Update: …`);
/// inside quotation marks only in capitals, as transcripts print them.
fn turn_of(doc: &Doc, depth: &[u8], para: &Paragraph, flat: &mut Vec<u8>) -> Option<Turn> {
    let toks = &doc.tokens;
    let text = doc.text;
    let p1 = para.tokens.end;
    let quoted = para.tokens.start < p1 && toks[para.tokens.start].kind == TokKind::Mark;
    let p0 = para.tokens.start + usize::from(quoted);
    let colon = (p0 + 1..(p0 + 6).min(p1)).find(|&x| punct_is(&toks[x], text, b':'))?;
    if colon + 3 >= p1 || depth[colon] != depth[p0] || (!quoted && depth[colon] != 0) {
        return None;
    }
    let all_caps = (p0..colon).all(|x| toks[x].kind != TokKind::Word || (toks[x].text(text).chars().all(|c| !c.is_lowercase()) && toks[x].text(text).len() > 1));
    if quoted && !all_caps {
        return None;
    }
    let d: &[u8] = if depth[p0] == 0 {
        depth
    } else {
        if flat.is_empty() {
            *flat = vec![0; toks.len()];
        }
        &flat[..]
    };
    let np = np_right(doc, d, p0, colon).filter(|np| np.end == colon && np.name.is_some())?;
    (all_caps || np.kind == SpeakerKind::Person).then_some(Turn { start: colon + 1, end: p1, speaker: np })
}

/// Is token `k` inside a turn? Its cues belong to the quoted speaker, not to the article.
pub(super) fn in_turn(turns: &[Turn], k: usize) -> bool {
    turns.iter().any(|t| k >= t.start && k < t.end)
}

/// The turn whose speaker is named in sentence `sent`.
fn turn_opening_in<'t>(turns: &'t [Turn], sent: &Sentence) -> Option<&'t Turn> {
    turns.iter().find(|t| t.speaker.start >= sent.tokens.start && t.speaker.start < sent.tokens.end && t.start <= sent.tokens.end)
}

/// The outermost quotation that holds a quoted transcript's turn starting at token `start`, or
/// opens it (`NAME: “…”`): its words are the turn, not a quote of its own.
fn holding_quotation(quotes: &Quotes, start: usize) -> Option<usize> {
    let before = quotes.quotations.partition_point(|q| q.open <= start);
    let qx = (0..before).rev().take(64).find(|&x| quotes.quotations[x].depth == 0)?;
    (quotes.quotations[qx].close > start).then_some(qx)
}

/// The turn that opens in sentence `si`, if any, as a direct quotation of its speaker with the
/// colon as cue.
pub(super) fn attribute_turn(doc: &Doc, quotes: &Quotes, turns: &[Turn], si: usize, sent: &Sentence, led: &mut Ledger) {
    let Some(turn) = turn_opening_in(turns, sent) else { return };
    let Some((e, link)) = led.entities.link(doc, &turn.speaker) else { return };
    let span = span_of(doc, turn.start, turn.end);
    let colon = doc.tokens[turn.start - 1].span();
    let cue = Cue::mark(colon, ":", CueKind::Colon);
    if let Some(qx) = holding_quotation(quotes, turn.start) {
        if led.quotation_draft[qx].is_none() {
            led.quotation_draft[qx] = Some(led.drafts.len());
        }
    }
    led.drafts.push(punctuation_draft(&led.entities, Parts::one(span), QuotationIds::default(), (e, link), turn.speaker.span, cue, si));
    led.attributed_spans.push(span);
    led.sentence_attributed[si] = true;
}

#[cfg(test)]
mod tests {
    use super::super::testing::fixture;
    use super::*;
    use crate::analysis::model::QuoteKind;

    #[test]
    fn a_paragraph_opening_with_a_name_and_colon_is_a_turn() {
        // (text, speaker of the first turn or None)
        let cases: &[(&str, Option<&str>)] = &[
            ("OKAFOR: The money is not there yet.", Some("OKAFOR")),
            ("Lena Hartley: We will rebuild the pier.", Some("Lena Hartley")),
            ("\"HARTLEY: We will rebuild the pier.", Some("HARTLEY")),
            // Not a person in normal case: a heading, not a turn.
            ("Update: The pier reopens on Friday.", None),
            // Quoted, but not in capitals.
            ("\"Lena Hartley: We will rebuild the pier.", None),
            // Too little after the colon.
            ("HARTLEY: Yes.", None),
            // The colon comes too late.
            ("The mayor of the small town said this: the pier reopens.", None),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            let turns = find_turns(&f.doc, &f.quotes.depth);
            let got = turns.first().map(|t| t.speaker.span.text(text));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_turn_runs_from_the_colon_to_the_paragraph_end() {
        let text = "HARTLEY: We will rebuild. It takes a year.\n\nThe council met.";
        let f = fixture(text);
        let turns = find_turns(&f.doc, &f.quotes.depth);
        assert_eq!(turns.len(), 1);
        assert_eq!(f.words(turns[0].start, turns[0].end), "We will rebuild. It takes a year.");
        assert!(in_turn(&turns, f.tok("takes")));
        assert!(!in_turn(&turns, f.tok("council")));
        assert!(!in_turn(&turns, f.tok("HARTLEY")));
    }

    #[test]
    fn a_turn_is_a_direct_quotation_of_its_speaker_with_the_colon_as_cue() {
        let text = "\"HARTLEY: We will rebuild the pier.\n\n\"OKAFOR: The money is not there yet.";
        let f = fixture(text);
        let turns = find_turns(&f.doc, &f.quotes.depth);
        let mut led = f.ledger();
        for (si, sent) in f.sentences.iter().enumerate() {
            attribute_turn(&f.doc, &f.quotes, &turns, si, sent, &mut led);
        }
        let got: Vec<(&str, &str, &str)> = led
            .drafts
            .iter()
            .map(|d| (d.span.text(text), d.mention.unwrap().text(text), d.cue.as_ref().unwrap().text.as_str()))
            .collect();
        assert_eq!(got, [("We will rebuild the pier.", "HARTLEY", ":"), ("The money is not there yet.", "OKAFOR", ":")]);
        assert!(led.drafts.iter().all(|d| d.kind == QuoteKind::Direct));
        assert_eq!(led.attributed_spans.len(), 2);
    }

    #[test]
    fn a_quotation_that_opens_the_turn_is_the_turn_not_a_second_quote() {
        let text = "Lena Hartley: “We will rebuild the pier.”";
        let f = fixture(text);
        let a = f.attribute();
        let got: Vec<(&str, Option<&str>, Option<&str>)> = a.drafts.iter().map(|d| f.view(d)).collect();
        assert_eq!(got, [("“We will rebuild the pier.”", Some("Lena Hartley"), Some(":"))]);
    }
}
