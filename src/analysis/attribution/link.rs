//! Mentions to entities: the sentence's sources, and every other person or body it names, are
//! linked in text order, so "Putin told Macron ..." makes both antecedents for a later "he" or a
//! bare surname, and the sentence's first subject is the most recent one.

use super::source::Resolved;
use super::Ctx;
use crate::analysis::cues::word_in;
use crate::analysis::lexicon::flag;
use crate::analysis::entities::Entities;
use crate::analysis::speakers::{may_name, np_right, Np};
use crate::analysis::text::{Doc, TokKind};

/// Link the sources of `resolved` (setting their `link`) and the other named people of the
/// sentence to `entities`, in the order they appear. `to_link` and `others` are work lists reused
/// across sentences.
pub(super) fn link_mentions(c: &Ctx, resolved: &mut [Resolved], entities: &mut Entities, to_link: &mut Vec<(usize, Option<usize>)>, others: &mut Vec<Np>) {
    to_link.clear();
    for (ri, r) in resolved.iter().enumerate() {
        if let Some(s) = &r.source {
            to_link.push((s.np.span.start, Some(ri)));
        }
    }
    others.clear();
    other_names(c, resolved, entities, to_link, others);
    to_link.sort_by_key(|x| x.0);
    for &(pos, ri) in to_link.iter() {
        match ri {
            Some(ri) => {
                let link = entities.link(c.doc, &resolved[ri].source.as_ref().unwrap().np);
                if let Some((e, _)) = link {
                    entities.mark_subject(e, pos);
                }
                resolved[ri].link = link;
            }
            None => {
                if let Some(np) = others.iter().find(|n| n.span.start == pos) {
                    let link = entities.link(c.doc, np);
                    // "Kelly Holmes hit the front …": the sentence's subject.
                    if let (Some((e, _)), true) = (link, opens_sentence(c, np.start)) {
                        entities.mark_subject(e, pos);
                    }
                }
            }
        }
    }
}

/// Named people and bodies of the sentence that are no cue's source, pushed to `others` (and
/// their start to `to_link`): antecedents for later pronouns and short names.
fn other_names(c: &Ctx, resolved: &[Resolved], entities: &Entities, to_link: &mut Vec<(usize, Option<usize>)>, others: &mut Vec<Np>) {
    let (doc, depth, s1) = (c.doc, c.depth, c.s1);
    let toks = &doc.tokens;
    let mut k = c.s0;
    while k < s1 {
        let t = &toks[k];
        if (may_start_name(doc, depth, k) || surname_opens(c, entities, k)) && !to_link.iter().any(|(p, _)| *p == t.start as usize) && may_name(doc, depth, k, s1) {
            if let Some(np) = np_right(doc, depth, k, s1) {
                if np.name.is_some() && np.end > k {
                    let covered = resolved.iter().any(|r| r.source.as_ref().is_some_and(|s| s.np.span.overlaps(np.span)));
                    k = np.end;
                    if !covered {
                        to_link.push((np.span.start, None));
                        others.push(np);
                    }
                    continue;
                }
            }
        }
        k += 1;
    }
}

/// A sentence that opens with the surname of someone named before ("Bellamy hit the headlines"):
/// that person is the subject, an antecedent for a later "he".
fn surname_opens(c: &Ctx, entities: &Entities, k: usize) -> bool {
    let t = &c.doc.tokens[k];
    c.depth[k] == 0 && t.kind == TokKind::Word && t.cap && t.flags() & (flag::FUNCTION | flag::DAY_MONTH) == 0 && opens_sentence(c, k) && entities.known_surname(c.doc, k)
}

/// Does token `k` open the sentence (after a conjunction at most)? A name there is the subject.
fn opens_sentence(c: &Ctx, k: usize) -> bool {
    k == c.s0 || (k == c.s0 + 1 && word_in(c.doc, c.s0, &["but", "and", "yet", "so"]))
}

/// Only where a person or body is likely named: a known first name, a title, an honorific, or two
/// capitalised words in a row (not "On Monday", "The Mayor").
#[inline]
fn may_start_name(doc: &Doc, depth: &[u8], k: usize) -> bool {
    let toks = &doc.tokens;
    let t = &toks[k];
    depth[k] == 0
        && t.kind == TokKind::Word
        && (t.has(flag::FIRST_NAME | flag::TITLE | flag::HONORIFIC)
            || (t.cap && t.flags() & (flag::FUNCTION | flag::DAY_MONTH) == 0 && toks.get(k + 1).is_some_and(|n| n.cap && n.kind == TokKind::Word)))
}

#[cfg(test)]
mod tests {
    use super::super::testing::fixture;
    use super::*;

    #[test]
    fn sources_and_other_named_people_become_entities_in_text_order() {
        // (text, entities' names in order of creation)
        let cases: &[(&str, &[&str])] = &[
            ("Mayor Lena Hartley told Omar Haddad that the pier would reopen.", &["Mayor Lena Hartley", "Omar Haddad"]),
            // The source comes second in the text, so second among the entities.
            ("Beside Omar Haddad, Lena Hartley said the pier would reopen.", &["Omar Haddad", "Lena Hartley"]),
            // Lower-case words and a day name no one.
            ("On Monday the council said the pier would reopen.", &["the council"]),
        ];
        for &(text, want) in cases {
            let f = fixture(text);
            let mut led = f.ledger();
            f.linked(0, &mut led);
            let names: Vec<&str> = led.entities.list.iter().map(|e| e.first_full.text(text)).collect();
            assert_eq!(names, want, "{text:?}");
        }
    }

    #[test]
    fn a_later_surname_links_to_the_person_named_earlier() {
        let text = "Lena Hartley met Omar Haddad on Monday. Haddad said the pier would reopen.";
        let f = fixture(text);
        let mut led = f.ledger();
        f.linked(0, &mut led);
        let r = f.linked(1, &mut led);
        let (e, _) = r[0].link.expect("the source links");
        assert_eq!(led.entities.list[e].first_full.text(text), "Omar Haddad");
    }

    #[test]
    fn every_occurrence_of_a_speakers_name_is_a_mention() {
        // (text, the speaker's name, its mentions in text order)
        let cases: &[(&str, &str, &[&str])] = &[
            // The headline names her before the article introduces her.
            ("Okafor backs pier plan\n\nTomas Okafor, the council's chief engineer, said the wall would hold.", "Tomas Okafor", &["Okafor", "Tomas Okafor"]),
            // An object before she speaks, a possessive after.
            ("The board met Lena Hartley. Ms Hartley said the pier would reopen. Hartley's plan is costly.", "Lena Hartley", &["Lena Hartley", "Ms Hartley", "Hartley"]),
            // An organisation by its whole name only.
            ("Nordpress Bank cuts jobs\n\nNordpress Bank said sales fell. The Bank of Kestria disagreed.", "Nordpress Bank", &["Nordpress Bank", "Nordpress Bank"]),
            // A longer name with the same surname is the same person; another first name is not.
            ("Ana Maria Ruiz met reporters. Maria Ruiz said the pier would reopen. Ruiz left.", "Ana Maria Ruiz", &["Ana Maria Ruiz", "Maria Ruiz", "Ruiz"]),
            // A surname two people share is nobody's mention.
            ("Brown wins\n\nGordon Brown met Wes Brown. Gordon Brown said the pier would reopen.", "Gordon Brown", &["Gordon Brown", "Gordon Brown"]),
        ];
        for &(text, name, want) in cases {
            let f = fixture(text);
            let a = f.attribute();
            let e = a.entities.list.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no {name} in {text:?}"));
            let mut spans: Vec<_> = e.mentions.iter().map(|m| m.0).collect();
            spans.sort_by_key(|s| s.start);
            let got: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn he_is_the_person_who_opened_the_sentence_before() {
        // (text, the speaker of each quote in order)
        let cases: &[(&str, &[&str])] = &[
            // A surname opening a sentence makes that person its subject, over an earlier speaker.
            (
                "\"We are pleased,\" a station spokesman said. Viewers saw Leslie Grantham leave.\n\nGrantham hit the headlines in June. He apologised for his \"foolish behaviour\".",
                &["a station spokesman", "Leslie Grantham"],
            ),
            // The latest subject wins: "He added" after a spokesman's quote is the spokesman's.
            ("Tom Bellamy left the show. \"We are pleased,\" a station spokesman said. He added that ratings rose.", &["a station spokesman", "a station spokesman"]),
        ];
        for &(text, want) in cases {
            let a = crate::analysis::analyze(text, &crate::analysis::Options::default());
            let got: Vec<&str> = a.quotes.iter().map(|q| q.speaker.map_or("", |s| a.speakers[s].name.as_str())).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn names_start_only_at_likely_words() {
        let f = fixture("On Monday the Harbour Board met Dr. Haddad.");
        let c = f.ctx(0);
        // A function word or a day, capitalised or not, names no one; two capitalised words or
        // an honorific may.
        for (word, want) in [("On", false), ("Monday", false), ("the", false), ("Harbour", true), ("met", false), ("Dr", true)] {
            assert_eq!(may_start_name(&f.doc, c.depth, f.tok(word)), want, "{word}");
        }
    }
}
