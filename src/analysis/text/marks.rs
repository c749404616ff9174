//! Quotation-mark tokens settled before quotations are paired: a nickname's marks inside a name,
//! and a plural possessive apostrophe (Wales’ team) glued to its word.

use crate::analysis::lexicon::flag;
use super::tokens::{TokKind, Token};

/// The marks of one paragraph (its tokens from `first`; `marks`, the indices of its quotation
/// marks, ascending, as [`super::tokens::tokenize`] listed them) settled before pairing:
/// plural possessives glued, then nicknames. Both look at marks only, so a paragraph with none
/// costs nothing.
pub(super) fn settle_marks(text: &str, toks: &mut Vec<Token>, first: usize, marks: &mut Vec<u32>) {
    if marks.is_empty() {
        return;
    }
    if glue_plural_possessives(text, toks, first, marks) {
        // Glued marks left the tokens and those after them moved up: list the marks again.
        marks.clear();
        marks.extend((first..toks.len()).filter(|&k| toks[k].kind == TokKind::Mark).map(|k| k as u32));
    }
    mark_nicknames(text, &mut toks[first..], marks, first);
}

/// A nickname inside a name (Marcia "Cia" Price, Robert “Bobby” Scott) quotes nobody: its marks
/// become punctuation that a name may hold. One or two capitalised words touch the marks, with a
/// name word on each side. `marks` are the indices of the marks, offset by `first`.
fn mark_nicknames(text: &str, toks: &mut [Token], marks: &[u32], first: usize) {
    // The earliest index a nickname may open at: a name word comes before it.
    let mut next = 1;
    for &m in marks {
        let i = m as usize - first;
        if i + 3 >= toks.len() {
            break;
        }
        if i < next {
            continue;
        }
        if let Some(close) = nickname_close(text, toks, i) {
            toks[i].kind = TokKind::Punct;
            toks[close].kind = TokKind::Punct;
            next = close + 1;
        }
    }
}

/// The closing mark of a nickname the double mark at `i` opens, if it does.
fn nickname_close(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let double = |t: &Token| t.kind == TokKind::Mark && matches!(t.text(text), "\"" | "“" | "”");
    let name_word = |t: &Token| t.kind == TokKind::Word && t.cap && !t.possessive && t.flags() & (flag::FUNCTION | flag::DAY_MONTH) == 0;
    let (before, open, inner) = (&toks[i - 1], &toks[i], &toks[i + 1]);
    if !double(open) || !name_word(before) || before.end == open.start || open.end != inner.start || !name_word(inner) {
        return None;
    }
    let close = if double(&toks[i + 2]) {
        i + 2
    } else if name_word(&toks[i + 2]) && double(&toks[i + 3]) {
        i + 3
    } else {
        return None;
    };
    let after = toks.get(close + 1);
    (toks[close - 1].end == toks[close].start && after.is_some_and(|a| name_word(a) && toks[close].end < a.start)).then_some(close)
}

/// Words an apostrophe elides at their start or end ("rock ’n’ roll", "’em", "’til"): the mark is
/// no quotation mark.
pub const ELIDED: &[&str] = &["n", "em", "til", "cause", "tis", "twas", "bout"];

/// A single mark ’ or ' alone in its token (not a doubled '' typed for a double mark).
fn single_apostrophe(text: &str, t: &Token) -> bool {
    t.kind == TokKind::Mark && matches!(t.text(text), "'" | "’")
}

/// `Wales’ team`, `the players' union`: an apostrophe right after a word ending in s or z, with a
/// space and a word after it, is the word's plural possessive ending, glued to it like ’s (so a
/// noun phrase reads through it), unless it closes a single quotation open in the paragraph
/// (`‘We beat Wales’ he said`): then it is one only if a later mark closes that quotation
/// (`‘The players’ union is strong,’ he said`). Runs on the tokens of one paragraph, from
/// `first` (`marks`: the indices of its marks); single quotations never run over a paragraph end.
/// Says whether it glued any.
fn glue_plural_possessives(text: &str, toks: &mut Vec<Token>, first: usize, marks: &[u32]) -> bool {
    // Most paragraphs hold no such apostrophe.
    if !marks.iter().any(|&k| possessive_shape(text, toks, first, k as usize)) {
        return false;
    }
    let glue = possessives_to_glue(text, toks, first, marks);
    join_to_words(toks, first, &glue);
    !glue.is_empty()
}

/// The mark at `k` is shaped like a plural possessive ending: a lone apostrophe touching a word
/// (of this paragraph) that ends in s or z, then one space and a word or number.
fn possessive_shape(text: &str, toks: &[Token], first: usize, k: usize) -> bool {
    if k <= first {
        return false;
    }
    let bytes = text.as_bytes();
    let (w, m) = (&toks[k - 1], &toks[k]);
    single_apostrophe(text, m)
        && w.kind == TokKind::Word
        && !w.possessive
        && w.end == m.start
        && matches!(bytes[m.start as usize - 1], b's' | b'S' | b'z' | b'Z')
        && bytes.get(m.end as usize) == Some(&b' ')
        && toks.get(k + 1).is_some_and(|n| n.start == m.end + 1 && matches!(n.kind, TokKind::Word | TokKind::Number))
}

/// Does the mark at `k` open (`Some(true)`) or close (`Some(false)`) a single quotation, as
/// placed? An elision (’em) or a mark inside a word does neither.
fn single_quote_role(text: &str, toks: &[Token], k: usize) -> Option<bool> {
    let t = &toks[k];
    let c = t.first_char(text);
    if !matches!(c, '\'' | '’' | '‘' | '‚' | '‛') || t.end - t.start != c.len_utf8() as u32 {
        return None;
    }
    let prev = text[..t.start as usize].chars().next_back().unwrap_or(' ');
    let next = text[t.end as usize..].chars().next().unwrap_or(' ');
    let elision = toks.get(k + 1).is_some_and(|n| n.start == t.end && n.kind == TokKind::Word && ELIDED.iter().any(|e| n.is_ci(text, e)));
    if elision || (prev.is_alphanumeric() && next.is_alphanumeric()) {
        None
    } else if next.is_alphanumeric() {
        Some(true)
    } else if !prev.is_whitespace() {
        Some(false)
    } else {
        None
    }
}

/// The possessive-shaped marks that are possessives: each, unless a single quotation is open
/// and no later mark closes it (then the mark closes it).
fn possessives_to_glue(text: &str, toks: &[Token], first: usize, marks: &[u32]) -> Vec<usize> {
    let marks: Vec<usize> = marks.iter().map(|&k| k as usize).collect();
    let mut open = false;
    let mut glue: Vec<usize> = Vec::new();
    for (n, &k) in marks.iter().enumerate() {
        if possessive_shape(text, toks, first, k) {
            let closed_later = marks[n + 1..].iter().any(|&j| !possessive_shape(text, toks, first, j) && single_quote_role(text, toks, j) == Some(false));
            if !open || closed_later {
                glue.push(k);
            } else {
                open = false;
            }
        } else if let Some(opens) = single_quote_role(text, toks, k) {
            open = opens;
        }
    }
    glue
}

/// Each glued mark (sorted indices from `first`) joins the word before it; the tokens after
/// move up.
fn join_to_words(toks: &mut Vec<Token>, first: usize, glue: &[usize]) {
    let mut gi = 0;
    let mut w = first;
    for r in first..toks.len() {
        let m = toks[r];
        if glue.get(gi) == Some(&r) {
            gi += 1;
            let word = &mut toks[w - 1];
            word.end = m.end;
            word.possessive = true;
            word.suffix = (m.end - m.start) as u8;
            continue;
        }
        toks[w] = m;
        w += 1;
    }
    toks.truncate(w);
}

#[cfg(test)]
mod tests {
    use crate::analysis::text::tests::words;
    use crate::analysis::text::Doc;
    use crate::analysis::Format;

    #[test]
    fn plural_possessive_apostrophes_join_their_word() {
        // (text, the words as tokens)
        let cases: &[(&str, &[&str])] = &[
            ("Wales' team physio said so.", &["Wales'", "team", "physio", "said", "so", "."]),
            ("The players’ union met.", &["The", "players’", "union", "met", "."]),
            ("The Jones' 2 cars.", &["The", "Jones'", "2", "cars", "."]),
            // Not before a word: left to quotation pairing.
            ("It was the players'.", &["It", "was", "the", "players", "'", "."]),
            ("‘We beat the Blues’, he said.", &["‘", "We", "beat", "the", "Blues", "’", ",", "he", "said", "."]),
            // A single quotation is open and nothing later closes it: the mark closes it.
            ("‘We beat the Blues’ he said.", &["‘", "We", "beat", "the", "Blues", "’", "he", "said", "."]),
            // A single quotation is open and a later mark closes it: a possessive inside it.
            ("‘The players’ union is strong,’ he said.", &["‘", "The", "players’", "union", "is", "strong", ",", "’", "he", "said", "."]),
            // An elision opens nothing.
            ("Let ’em see the girls’ team.", &["Let", "’", "em", "see", "the", "girls’", "team", "."]),
        ];
        for &(text, want) in cases {
            assert_eq!(words(text, Format::PlainText), want, "{text:?}");
        }
        let t = "Wales' team";
        let d = Doc::new(t, Format::PlainText);
        assert!(d.tokens[0].possessive);
        assert_eq!(d.tokens[0].stem(t), "Wales");
    }
}
