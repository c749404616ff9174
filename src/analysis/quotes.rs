//! Quotation marks into quotations: straight and curly, single and double, nested, guillemets,
//! low-high („…“), CJK corners, multi-paragraph quotations, apostrophes that are not quotes.
//!
//! Pairing runs paragraph by paragraph with a small stack, so an unbalanced mark is reported and
//! dropped at its paragraph's end and never makes the rest of the article unreadable. Each mark
//! goes through named steps: [`read_mark`] (glyph, family, what flanks it), [`single_mark_role`]
//! and [`is_apostrophe`] (’ as a possessive or elision rather than a closing mark),
//! [`settle_role`] (open or close, given what is open and the language's conventions), then
//! [`Pairing::reopens_after_lost_break`] (`… players. "I would …`: a paragraph break lost
//! upstream continues the quotation) and [`Pairing::place`] (open, close with nesting, or report
//! unopened). [`Pairing::carry_over`] and [`Pairing::end_paragraph`] decide what runs over a
//! paragraph end. A quotation's stretches between (re-)opening marks are its [`Quotation::parts`].

use super::model::Span;
use super::text::{Doc, Paragraph, TokKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

#[derive(Clone, Debug)]
pub struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark.
    pub close: usize,
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// Between the marks.
    pub inner: Span,
    pub family: Family,
    /// Nesting depth: 0 for an outermost quotation.
    pub depth: u8,
    /// Opened with one glyph and closed with a glyph that does not pair with it (“…").
    pub mismatched: bool,
    /// Index of the paragraph the quotation opens in, and the one it closes in.
    pub first_para: usize,
    pub last_para: usize,
    /// Token indexes of the marks that re-open the quotation: at the start of each paragraph it
    /// runs on into, and after a paragraph break lost upstream (`… players. "I would …`).
    pub reopenings: Vec<usize>,
}

impl Quotation {
    /// The quoted stretches, marks included: from each opening or re-opening mark to the end of
    /// the text before the next re-opening (a paragraph's end, a lost break's full stop), the
    /// last one to the closing mark. One stretch for an ordinary quotation.
    pub fn parts<'d>(&'d self, doc: &'d Doc) -> impl Iterator<Item = Span> + 'd {
        let starts = std::iter::once(self.open).chain(self.reopenings.iter().copied());
        let ends = self.reopenings.iter().map(|&r| r - 1).chain(std::iter::once(self.close));
        starts.zip(ends).map(|(s, e)| Span::new(doc.tokens[s].start as usize, doc.tokens[e].end as usize))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkProblem {
    /// An opening mark never closed before its paragraph ended.
    Unclosed,
    /// A closing mark with nothing open.
    Unopened,
}

#[derive(Clone, Debug)]
pub struct MarkIssue {
    pub problem: MarkProblem,
    pub token: usize,
    pub span: Span,
}

pub struct Quotes {
    /// Sorted by opening position.
    pub quotations: Vec<Quotation>,
    pub issues: Vec<MarkIssue>,
    /// Per token: nesting depth (0 outside every quotation; marks count as inside their quotation).
    pub depth: Vec<u8>,
    /// Per token: the innermost quotation containing it, or u32::MAX.
    pub inside: Vec<u32>,
    /// Token indexes of marks that turned out to be apostrophes.
    pub apostrophes: Vec<usize>,
}

/// What a mark does: opens a quotation, closes one, or (a straight mark) either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// The family of glyph `c` and the role the glyph alone gives it, or `None` for a character that
/// is no quotation mark.
fn classify(c: char) -> Option<(Family, Role)> {
    Some(match c {
        '“' | '„' | '‟' => (Family::Double, Role::Open),
        '”' => (Family::Double, Role::Close),
        '"' => (Family::Double, Role::Either),
        '‘' | '‚' | '‛' => (Family::Single, Role::Open),
        '’' => (Family::Single, Role::Close),
        '\'' => (Family::Single, Role::Either),
        '«' => (Family::Guillemet, Role::Open),
        '»' => (Family::Guillemet, Role::Close),
        '‹' => (Family::SingleGuillemet, Role::Open),
        '›' => (Family::SingleGuillemet, Role::Close),
        '「' => (Family::Corner, Role::Open),
        '」' => (Family::Corner, Role::Close),
        '『' => (Family::WhiteCorner, Role::Open),
        '』' => (Family::WhiteCorner, Role::Close),
        _ => return None,
    })
}

/// Glyph pairs that are correct in some language's style.
fn pairs_well(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('“', '”') | ('„', '“') | ('„', '”') | ('‟', '”') | ('"', '"') | ('”', '”')
            | ('‘', '’') | ('‚', '‘') | ('‚', '’') | ('‛', '’') | ('\'', '\'') | ('’', '’')
            | ('«', '»') | ('»', '«') | ('»', '»') | ('‹', '›') | ('›', '‹')
            | ('「', '」') | ('『', '』')
    )
}

const MAX_DEPTH: usize = 8;

/// A mark that opened a quotation not yet closed.
struct Open {
    token: usize,
    family: Family,
    glyph: char,
    para: usize,
    reopenings: Vec<usize>,
}

/// May a character stand just before an opening mark?
fn is_open_context(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«' | '„' | '"' | '\'' | '\u{0}')
}

/// May a character stand just after a closing mark?
fn is_close_context(c: char) -> bool {
    c.is_whitespace() || matches!(c, ')' | ']' | '}' | '—' | '–' | '-' | '/' | '.' | ',' | ';' | ':' | '!' | '?' | '…' | '”' | '’' | '»' | '"' | '\'' | '\u{0}')
}

/// Pairs the article's quotation marks, paragraph by paragraph. Each mark is read
/// ([`read_mark`]), told from an apostrophe ([`single_mark_role`]), given its role among the open
/// marks ([`settle_role`]) and then opens or closes a quotation ([`Pairing::place`]); paragraph
/// ends decide what stays open ([`Pairing::carry_over`], [`Pairing::end_paragraph`]).
pub fn pair(doc: &Doc) -> Quotes {
    let mut p = Pairing::default();
    // News quotes about once a paragraph: room for that, rather than five rounds of regrowth.
    p.quotations.reserve(doc.paragraphs.len());
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let skip_first = p.carry_over(doc, para);
        // Only marks matter: find each with a tight scan rather than a full step per token.
        let mut next = para.tokens.start + usize::from(skip_first);
        let end = para.tokens.end;
        while let Some(k) = doc.tokens.get(next..end).and_then(|ts| ts.iter().position(|t| t.kind == TokKind::Mark)) {
            let ti = next + k;
            next = ti + 1;
            let Some(m) = read_mark(doc, ti) else { continue };
            let Some(role) = single_mark_role(doc, &m, &p.stack) else {
                p.apostrophes.push(ti);
                continue;
            };
            let role = settle_role(&m, role, &p.stack);
            if role == Role::Open && p.reopens_after_lost_break(doc, &m, para) {
                continue;
            }
            p.place(doc, &m, role, pi);
        }
        p.end_paragraph(doc);
    }
    p.flush(doc);
    p.finish(doc.tokens.len())
}

/// A quotation mark as written, with the characters on either side of it.
#[derive(Clone, Copy, Debug)]
struct Mark {
    token: usize,
    /// The mark's character; `"` for a doubled mark ('' or ``).
    glyph: char,
    doubled: bool,
    family: Family,
    /// What the glyph alone says: “ opens, ” closes, " could do either.
    role: Role,
    prev: char,
    next: char,
    /// Placed like an opening mark: text right after it, a space or an opening context before.
    left: bool,
    /// Placed like a closing mark: text right before it, a space or punctuation after.
    right: bool,
}

/// Token `ti` (a mark token) read as a quotation mark, or `None` for a mark of no family.
fn read_mark(doc: &Doc, ti: usize) -> Option<Mark> {
    let text = doc.text;
    let tok = &doc.tokens[ti];
    let doubled = tok.end - tok.start > 1 && tok.text(text).chars().count() == 2;
    let glyph = if doubled { '"' } else { tok.first_char(text) };
    if glyph == '"' && !doubled && is_inch_mark(text, tok.start as usize) {
        return None;
    }
    let (family, role) = classify(glyph)?;
    let prev = text[..tok.start as usize].chars().next_back().unwrap_or('\u{0}');
    let next = text[tok.end as usize..].chars().next().unwrap_or('\u{0}');
    let left = !next.is_whitespace() && next != '\u{0}' && is_open_context(prev);
    let right = prev != '\u{0}' && !prev.is_whitespace() && is_close_context(next);
    Some(Mark { token: ti, glyph, doubled, family, role, prev, next, left, right })
}

/// `5' 10"`: a straight mark after feet and inches is no quotation mark.
fn is_inch_mark(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = at - before.len();
    let feet = before.trim_end_matches(' ');
    (1..=2).contains(&digits) && before.len() - feet.len() <= 1 && (feet.ends_with('\'') || feet.ends_with('’')) && {
        let f = &feet[..feet.len() - if feet.ends_with('’') { '’'.len_utf8() } else { 1 }];
        f.ends_with(|c: char| c.is_ascii_digit())
    }
}

/// Index in `stack` of the innermost open quotation of `family`.
fn open_of(stack: &[Open], family: Family) -> Option<usize> {
    stack.iter().rposition(|o| o.family == family)
}

/// The role of a mark that may be an apostrophe (’ or ' ), or `None` when it is one. Other marks
/// keep the role their glyph gives. A lone ’ with nothing open to close is an apostrophe, unless
/// it sits where an opening mark would (a mistyped ‘).
fn single_mark_role(doc: &Doc, m: &Mark, stack: &[Open]) -> Option<Role> {
    if m.family != Family::Single || m.glyph == '‘' || m.glyph == '‚' || m.doubled {
        return Some(m.role);
    }
    let single_open = open_of(stack, Family::Single).is_some();
    if is_apostrophe(doc, m, single_open) {
        return None;
    }
    if m.role == Role::Close && !single_open {
        return (m.left && !m.right).then_some(Role::Open);
    }
    Some(m.role)
}

/// Apostrophes that look like closing single marks: elisions (rock ’n’ roll, ’em, ’til), a mark
/// inside a word (it’s, O’Neill) and a plural possessive (the girls’ team) when no single
/// quotation is open (`single_open`) for it to close.
fn is_apostrophe(doc: &Doc, m: &Mark, single_open: bool) -> bool {
    let text = doc.text;
    let ti = m.token;
    let tok = &doc.tokens[ti];
    let elision = doc.tokens.get(ti + 1).is_some_and(|t| {
        t.start == tok.end && t.kind == TokKind::Word && super::text::ELIDED.iter().any(|w| t.is_ci(text, w))
    });
    let after_n = ti > 0 && doc.tokens[ti - 1].end == tok.start && doc.tokens[ti - 1].text(text) == "n" && ti >= 2 && doc.tokens[ti - 2].kind == TokKind::Mark;
    let plural_possessive = matches!(m.prev, 's' | 'z' | 'S' | 'Z') && !m.left && !single_open;
    elision || after_n || plural_possessive || (alnum(m.prev) && alnum(m.next))
}

/// The final role of a mark, given what is open: German „…“ closes with “, Swedish ”…” and German
/// »…« use one glyph at both ends, a closing glyph with nothing to close placed like an opening
/// mark opens, and a straight mark closes an open quotation of its family when placed to close
/// one (so a straight " after an opening “ closes it: the “…" pair).
fn settle_role(m: &Mark, mut role: Role, stack: &[Open]) -> Role {
    if m.glyph == '“' && stack.last().is_some_and(|o| o.family == Family::Double && o.glyph == '„') {
        role = Role::Close;
    }
    let open = open_of(stack, m.family).is_some();
    if role == Role::Close && !open && m.left && !m.right {
        role = Role::Open;
    }
    if m.glyph == '«' && stack.last().is_some_and(|o| o.glyph == '»') {
        role = Role::Close;
    }
    if role == Role::Either {
        role = if open && (m.right || !m.left) {
            Role::Close
        } else if m.left || !m.right {
            Role::Open
        } else {
            Role::Close
        };
    }
    role
}

/// A paragraph that goes on with the sentence before it (`… like an` ⏎⏎ `agent provocateur` ⏎⏎
/// `and perhaps …`): copy whose italics or links were lost upstream is broken there. It starts
/// with a small letter and the paragraph before ends with no sentence punctuation, so a quotation
/// open there is still open.
fn runs_on(doc: &Doc, para: &Paragraph) -> bool {
    let toks = &doc.tokens;
    let (first, before) = (para.tokens.start, para.tokens.start.wrapping_sub(1));
    let lower = toks.get(first).is_some_and(|t| t.kind == TokKind::Word && !t.cap && t.first_char(doc.text).is_lowercase());
    lower && toks.get(before).is_some_and(|t| t.kind == TokKind::Word || t.kind == TokKind::Number)
}

/// What pairing has decided so far: the marks still open, and the quotations, unbalanced marks
/// and apostrophes found.
#[derive(Default)]
struct Pairing {
    stack: Vec<Open>,
    quotations: Vec<Quotation>,
    issues: Vec<MarkIssue>,
    apostrophes: Vec<usize>,
}

impl Pairing {
    /// At the start of paragraph `para`: a quotation left open by the previous paragraph goes on
    /// only if this paragraph opens with a mark of its family (the newsroom convention for a
    /// quotation over several paragraphs, double marks or guillemets only, one level deep);
    /// otherwise every open mark is reported unclosed. True when the first token is such a
    /// re-opening mark, which pairing then skips.
    fn carry_over(&mut self, doc: &Doc, para: &Paragraph) -> bool {
        if !self.stack.is_empty() && runs_on(doc, para) {
            return false;
        }
        let stack = &mut self.stack;
        if !stack.is_empty() {
            let first = para.tokens.start;
            // Read as a mark is read, so that a doubled '' re-opens a double quotation.
            let reopens = doc.tokens.get(first).is_some_and(|t| t.kind == TokKind::Mark)
                && read_mark(doc, first).is_some_and(|m| {
                    m.role != Role::Close && stack.iter().any(|o| o.family == m.family && matches!(m.family, Family::Double | Family::Guillemet))
                });
            if reopens && stack.len() == 1 {
                stack[0].reopenings.push(first);
            } else {
                self.flush(doc);
            }
        }
        self.stack.last().is_some_and(|o| o.reopenings.last() == Some(&para.tokens.start))
    }

    /// `"… we need quality players. "I would like …"`: an opening mark of the innermost open
    /// quotation's family, after a sentence's final punctuation (or a quotation closed on it) and a
    /// space and before a capital, a figure or a bracket, continues that quotation after a paragraph break lost upstream. It is recorded as a
    /// re-opening (true), not opened inside the quotation.
    fn reopens_after_lost_break(&mut self, doc: &Doc, m: &Mark, para: &Paragraph) -> bool {
        let Some(top) = self.stack.last_mut() else { return false };
        if top.family != m.family || m.token <= para.tokens.start || !m.prev.is_whitespace() {
            return false;
        }
        let toks = &doc.tokens;
        let final_punct = |i: usize| toks[i].kind == TokKind::Punct && matches!(toks[i].first_char(doc.text), '.' | '!' | '?' | '…');
        // `… ridiculous.' "But then …`: a quotation inside it may end the sentence.
        // (one nested in it: a quotation of its own family closed there was not inside it)
        let closed_quotation = self.quotations.last().is_some_and(|q| q.close + 1 == m.token && q.family != m.family);
        let sentence_end = final_punct(m.token - 1) || (m.token >= 2 && closed_quotation && final_punct(m.token - 2));
        // A sentence may open on a figure ("2005 offers …") or an editor's bracket ("[Alastair] will …").
        let capital = toks.get(m.token + 1).is_some_and(|t| {
            t.start == toks[m.token].end && (t.kind == TokKind::Word && t.cap || t.kind == TokKind::Number || t.first_char(doc.text) == '[')
        });
        if sentence_end && capital {
            top.reopenings.push(m.token);
        }
        sentence_end && capital
    }

    /// Mark `m` opens or closes a quotation in paragraph `pi`.
    fn place(&mut self, doc: &Doc, m: &Mark, role: Role, pi: usize) {
        match role {
            Role::Open => self.open(doc, m, pi),
            Role::Close | Role::Either => self.close(doc, m, pi),
        }
    }

    /// Real quotations nest two or three deep; past [`MAX_DEPTH`] the oldest open mark is
    /// reported rather than stacked, so pairing stays linear on a run of opening marks.
    fn open(&mut self, doc: &Doc, m: &Mark, pi: usize) {
        if self.stack.len() >= MAX_DEPTH {
            let o = self.stack.remove(0);
            self.drop_unclosed(o, doc);
        }
        self.stack.push(Open { token: m.token, family: m.family, glyph: m.glyph, para: pi, reopenings: Vec::new() })
    }

    /// Closes the innermost open quotation of the mark's family; marks opened inside it and left
    /// open are dropped. A closing single mark with nothing open is an apostrophe; any other is
    /// reported as never opened.
    fn close(&mut self, doc: &Doc, m: &Mark, pi: usize) {
        let Some(idx) = open_of(&self.stack, m.family) else {
            if m.family == Family::Single {
                self.apostrophes.push(m.token);
            } else {
                self.issues.push(MarkIssue { problem: MarkProblem::Unopened, token: m.token, span: doc.tokens[m.token].span() });
            }
            return;
        };
        while self.stack.len() > idx + 1 {
            let o = self.stack.pop().unwrap();
            self.drop_unclosed(o, doc);
        }
        let o = self.stack.pop().unwrap();
        let open_tok = &doc.tokens[o.token];
        let tok = &doc.tokens[m.token];
        self.quotations.push(Quotation {
            open: o.token,
            close: m.token,
            span: Span::new(open_tok.start as usize, tok.end as usize),
            inner: Span::new(open_tok.end as usize, tok.start as usize),
            family: m.family,
            depth: self.stack.len() as u8,
            mismatched: !pairs_well(o.glyph, m.glyph),
            first_para: o.para,
            last_para: pi,
            reopenings: o.reopenings,
        });
    }

    /// At a paragraph's end only a lone double (or guillemet) quotation stays open, to be
    /// continued by the next paragraph; anything else open is reported now, so one stray mark
    /// never swallows the rest of the article.
    fn end_paragraph(&mut self, doc: &Doc) {
        let keep_last = self.stack.len() == 1 && matches!(self.stack[0].family, Family::Double | Family::Guillemet);
        if !keep_last {
            self.flush(doc);
        }
    }

    /// An open mark that will never close: an apostrophe if it can be one (’, '), else unclosed.
    /// A quotation re-opened on is reported at its last re-opening: the stretches before it end
    /// as the convention for a continued quotation has them, the last one is what lacks a mark.
    fn drop_unclosed(&mut self, o: Open, doc: &Doc) {
        if o.reopenings.is_empty() && (o.glyph == '’' || o.glyph == '\'') {
            self.apostrophes.push(o.token);
        } else {
            let token = o.reopenings.last().copied().unwrap_or(o.token);
            self.issues.push(MarkIssue { problem: MarkProblem::Unclosed, token, span: doc.tokens[token].span() });
        }
    }

    /// Every open mark dropped, oldest first.
    fn flush(&mut self, doc: &Doc) {
        let mut stack = std::mem::take(&mut self.stack);
        for o in stack.drain(..) {
            self.drop_unclosed(o, doc);
        }
        self.stack = stack;
    }

    /// The result for `n` tokens: quotations by opening position, issues by position, and the
    /// per-token depth and innermost quotation.
    fn finish(self, n: usize) -> Quotes {
        let Pairing { quotations, mut issues, mut apostrophes, .. } = self;
        let quotations = in_text_order(quotations);
        issues.sort_by_key(|i| i.span.start);
        apostrophes.sort_unstable();
        let (depth, inside) = depth_maps(&quotations, n);
        Quotes { quotations, issues, depth, inside, apostrophes }
    }
}

/// Quotations sorted by opening position. Each opens at its own token, so starts are unique:
/// sorting small keys unstably and moving each quotation once gives the same order as a stable
/// sort of the large structs.
fn in_text_order(quotations: Vec<Quotation>) -> Vec<Quotation> {
    // Only a nested quotation (closed before the one around it) is out of order: most articles
    // have none, and their list is already in order.
    if quotations.is_sorted_by_key(|q| q.span.start) {
        return quotations;
    }
    let mut keys: Vec<(usize, u32)> = quotations.iter().enumerate().map(|(i, q)| (q.span.start, i as u32)).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<Quotation>> = quotations.into_iter().map(Some).collect();
    keys.iter().filter_map(|&(_, i)| slots[i as usize].take()).collect()
}

/// Per token of `n`: its nesting depth (0 outside every quotation, marks inside their own) and
/// the innermost quotation holding it (u32::MAX for none).
fn depth_maps(quotations: &[Quotation], n: usize) -> (Vec<u8>, Vec<u32>) {
    let mut depth = vec![0u8; n];
    let mut inside = vec![u32::MAX; n];
    // Outer quotations first, so inner ones overwrite; within a depth in index order (a stable
    // counting sort, depth < MAX_DEPTH).
    let depths: Vec<u8> = quotations.iter().map(|q| q.depth).collect();
    let deepest = depths.iter().copied().max().unwrap_or(0);
    let mut order: Vec<usize> = Vec::with_capacity(quotations.len());
    for d in 0..=deepest {
        order.extend((0..depths.len()).filter(|&i| depths[i] == d));
    }
    for qi in order {
        let q = &quotations[qi];
        for t in q.open..=q.close.min(n.saturating_sub(1)) {
            depth[t] = q.depth + 1;
            inside[t] = qi as u32;
        }
    }
    (depth, inside)
}

/// `char::is_alphanumeric`, answering for quotation marks (the usual neighbours of a mark in
/// damaged text) without the Unicode table search.
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !super::text::is_quote_char(c) && c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Format;

    fn inner(text: &str) -> Vec<(String, bool)> {
        let doc = Doc::new(text, Format::PlainText);
        pair(&doc).quotations.iter().map(|q| (q.inner.text(text).to_string(), q.mismatched)).collect()
    }

    fn problems(text: &str) -> Vec<(MarkProblem, String)> {
        let doc = Doc::new(text, Format::PlainText);
        pair(&doc).issues.iter().map(|i| (i.problem, i.span.text(text).to_string())).collect()
    }

    #[test]
    fn pairs_by_style() {
        let cases: &[(&str, &[&str])] = &[
            ("“We won,” she said.", &["We won,"]),
            ("\"We won,\" she said.", &["We won,"]),
            ("It was agreed ‘in principle’ on Sunday.", &["in principle"]),
            ("It was agreed 'in principle' on Sunday.", &["in principle"]),
            ("«Nous verrons», a-t-il dit.", &["Nous verrons"]),
            ("„Wir schaffen das“, sagte sie.", &["Wir schaffen das"]),
            ("»Wir schaffen das«, sagte sie.", &["Wir schaffen das"]),
            ("”Vi ses”, sa hon.", &["Vi ses"]),
            ("「東京」と彼は言った。", &["東京"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = inner(text).into_iter().map(|(s, _)| s).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for text in [
            "The girls’ team won in the ’90s.",
            "It’s rock ’n’ roll, said the band’s singer.",
            "The players' union and the coaches' union met.",
            "Let ’em in, ’til dawn.",
            // Feet and inches.
            "The suspect is 5' 10\" tall, police said.",
            "The suspect is 6’2\" and thin.",
        ] {
            assert!(inner(text).is_empty(), "{text}: {:?}", inner(text));
            assert!(problems(text).is_empty(), "{text}: {:?}", problems(text));
        }
    }

    #[test]
    fn nested_quotes() {
        let t = "“He told me ‘never again’ last year,” she said.";
        let q = inner(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].0, "He told me ‘never again’ last year,");
        assert_eq!(q[1].0, "never again");
    }

    #[test]
    fn mismatched_marks_still_pair() {
        let q = inner("“We agreed to talk,\" the ministry said.");
        assert_eq!(q, [("We agreed to talk,".to_string(), true)]);
    }

    #[test]
    fn multi_paragraph_quotation() {
        let t = "“First part of the speech.\n\n“Second part,” he said.";
        let q = inner(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("First part") && q[0].0.ends_with("Second part,"));
        assert!(problems(t).is_empty());
    }

    #[test]
    fn unbalanced_recovers_at_paragraph_end() {
        let t = "“This never closes, she said.\n\nThe council said “yes” to the plan.";
        assert_eq!(problems(t), [(MarkProblem::Unclosed, "“".to_string())]);
        assert_eq!(inner(t), [("yes".to_string(), false)]);
        let t = "He said no.” Then “fine,” she said.";
        assert_eq!(problems(t), [(MarkProblem::Unopened, "”".to_string())]);
        assert_eq!(inner(t).len(), 1);
    }

    #[test]
    fn many_marks_do_not_explode() {
        let t = "\"".repeat(10_001);
        let doc = Doc::new(&t, Format::PlainText);
        let q = pair(&doc);
        assert_eq!(q.quotations.len(), 5000);
        assert_eq!(q.issues.len(), 1);
    }

    /// Mark token number `k` of `doc`, read.
    fn mark(doc: &Doc, k: usize) -> Mark {
        let ti = (0..doc.tokens.len()).filter(|&i| doc.tokens[i].kind == TokKind::Mark).nth(k).expect("no such mark");
        read_mark(doc, ti).expect("a quotation mark")
    }

    fn open(glyph: char) -> Open {
        let (family, _) = classify(glyph).unwrap();
        Open { token: 0, family, glyph, para: 0, reopenings: Vec::new() }
    }

    #[test]
    fn read_mark_table() {
        // (text, mark number, glyph, family, role by glyph, left-flanking, right-flanking)
        let cases: &[(&str, usize, char, Family, Role, bool, bool)] = &[
            ("He said “yes” today.", 0, '“', Family::Double, Role::Open, true, false),
            ("He said “yes” today.", 1, '”', Family::Double, Role::Close, false, true),
            ("He said \"yes\" today.", 0, '"', Family::Double, Role::Either, true, false),
            ("He said \"yes\" today.", 1, '"', Family::Double, Role::Either, false, true),
            ("''Yes,'' he said.", 0, '"', Family::Double, Role::Either, true, false),
            ("It was (‘fair’).", 0, '‘', Family::Single, Role::Open, true, false),
            ("It was (‘fair’).", 1, '’', Family::Single, Role::Close, false, true),
            ("«Oui», dit-il.", 1, '»', Family::Guillemet, Role::Close, false, true),
            ("a \" b", 0, '"', Family::Double, Role::Either, false, false),
        ];
        for &(text, k, glyph, family, role, left, right) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let m = mark(&doc, k);
            assert_eq!((m.glyph, m.family, m.role, m.left, m.right), (glyph, family, role, left, right), "{text} #{k}");
        }
    }

    #[test]
    fn is_apostrophe_table() {
        // (text, mark number, a single quotation is open, apostrophe)
        let cases: &[(&str, usize, bool, bool)] = &[
            ("It was rock ’n’ roll.", 0, false, true),
            ("It was rock ’n’ roll.", 1, false, true),
            ("Let ’em in.", 0, false, true),
            ("The cup is the girls’.", 0, false, true),
            ("The cup is the girls’.", 0, true, false),
            ("It is the Jones’, not ours.", 0, false, true),
            ("It was ‘fair’ to all.", 1, true, false),
            ("It was the end’ of it.", 0, false, false),
        ];
        for &(text, k, single_open, want) in cases {
            let doc = Doc::new(text, Format::PlainText);
            assert_eq!(is_apostrophe(&doc, &mark(&doc, k), single_open), want, "{text} #{k} open={single_open}");
        }
    }

    #[test]
    fn single_mark_role_table() {
        // (text, mark number, glyphs open, role; None for an apostrophe)
        let cases: &[(&str, usize, &[char], Option<Role>)] = &[
            ("It was ‘fair’ to all.", 1, &['‘'], Some(Role::Close)),
            // A lone ’ placed like an opening mark is a mistyped ‘.
            ("The word ’fair’ is used.", 0, &[], Some(Role::Open)),
            // A lone ’ after a word, with nothing open, is an apostrophe.
            ("It was the end’ of it.", 0, &[], None),
            ("The cup is the girls’.", 0, &[], None),
            ("The cup is the girls’.", 0, &['‘'], Some(Role::Close)),
            // Not single marks, or opening single glyphs: the glyph decides.
            ("He said “yes” today.", 1, &[], Some(Role::Close)),
            ("It was ‘fair’ to all.", 0, &[], Some(Role::Open)),
            ("It was 'fair' to all.", 0, &[], Some(Role::Either)),
        ];
        for &(text, k, stack, want) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let stack: Vec<Open> = stack.iter().map(|&g| open(g)).collect();
            assert_eq!(single_mark_role(&doc, &mark(&doc, k), &stack), want, "{text} #{k}");
        }
    }

    #[test]
    fn settle_role_table() {
        // (text, mark number, glyphs open, role)
        let cases: &[(&str, usize, &[char], Role)] = &[
            // German „…“ closes with “.
            ("„Ja“, sagte sie.", 1, &['„'], Role::Close),
            ("He said “yes” today.", 0, &[], Role::Open),
            // Swedish ”…”: a closing glyph with nothing open, placed to open, opens.
            ("”Vi ses”, sa hon.", 0, &[], Role::Open),
            ("”Vi ses”, sa hon.", 1, &['”'], Role::Close),
            // German »…«: « closes what » opened.
            ("»Ja«, sagte sie.", 1, &['»'], Role::Close),
            // Straight marks: close what is open when placed to close, else open.
            ("He said \"yes\" today.", 0, &[], Role::Open),
            ("He said \"yes\" today.", 1, &['"'], Role::Close),
            ("He said “yes\" today.", 1, &['“'], Role::Close),
            ("a \" b", 0, &['"'], Role::Close),
            ("a \" b", 0, &[], Role::Open),
        ];
        for &(text, k, stack, want) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let stack: Vec<Open> = stack.iter().map(|&g| open(g)).collect();
            let m = mark(&doc, k);
            let role = single_mark_role(&doc, &m, &stack).expect("not an apostrophe");
            assert_eq!(settle_role(&m, role, &stack), want, "{text} #{k}");
        }
    }

    #[test]
    fn quotations_over_paragraph_ends() {
        // (text, quotations as (first paragraph, last paragraph, re-openings), problems)
        let cases: &[(&str, &[(usize, usize, usize)], &[MarkProblem])] = &[
            ("“First part.\n\n“Second part,” he said.", &[(0, 1, 1)], &[]),
            ("“First.\n\n“Second.\n\n“Third,” he said.", &[(0, 2, 2)], &[]),
            ("«Premier.\n\n«Second», dit-il.", &[(0, 1, 1)], &[]),
            // Not re-opened: the first paragraph's mark is unclosed.
            ("“First part.\n\nSecond part, he said.", &[], &[MarkProblem::Unclosed]),
            // Single marks never run over a paragraph end.
            ("‘First part.\n\n‘Second part,’ he said.", &[(1, 1, 0)], &[MarkProblem::Unclosed]),
            // A doubled '' re-opens like a double mark.
            ("''First part.\n\n''Second part,'' he said.", &[(0, 1, 1)], &[]),
            // A paragraph that goes on with the sentence (italics lost upstream) keeps it open.
            ("“It was like an\n\nagent provocateur\n\nand worse,” he said.", &[(0, 2, 0)], &[]),
            // A new sentence in a new paragraph does not.
            ("“It was like an\n\nAgents came later.", &[], &[MarkProblem::Unclosed]),
            // Two marks open at the end: neither goes on.
            ("“One “two\n\n“Three.”", &[(1, 1, 0)], &[MarkProblem::Unclosed, MarkProblem::Unclosed]),
        ];
        for &(text, want, problems) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let q = pair(&doc);
            let got: Vec<(usize, usize, usize)> = q.quotations.iter().map(|q| (q.first_para, q.last_para, q.reopenings.len())).collect();
            assert_eq!(got, want, "{text}");
            assert_eq!(q.issues.iter().map(|i| i.problem).collect::<Vec<_>>(), problems, "{text}");
        }
    }

    #[test]
    fn a_lost_paragraph_break_continues_the_quotation() {
        // (text, each quotation's parts, problems)
        let cases: &[(&str, &[&[&str]], &[MarkProblem])] = &[
            // An opening mark after a full stop and a space, before a capital: a new part.
            ("He said: \"We need players. \"I would like two.\" Then he left.", &[&["\"We need players.", "\"I would like two.\""]], &[]),
            ("“We won. “It was hard. “We go on,” she said.", &[&["“We won.", "“It was hard.", "“We go on,”"]], &[]),
            ("'We won. 'It was hard,' she said.", &[&["'We won.", "'It was hard,'"]], &[]),
            // A sentence that opens on a figure or a bracket, or follows a quotation that ended one.
            ("“We won. “2005 was hard,” she said.", &[&["“We won.", "“2005 was hard,”"]], &[]),
            ("“We won. “[The coach] stays,” she said.", &[&["“We won.", "“[The coach] stays,”"]], &[]),
            ("“They said 'no.' “We go on,” she said.", &[&["“They said 'no.'", "“We go on,”"], &["'no.'"]], &[]),
            // A single mark that closes nothing is no quotation: the double one opened is what lacks a mark.
            ("He says that \"we need sound and video.' \"It can't fail.\" \"We test it,\" he said.", &[&["\"It can't fail.\""], &["\"We test it,\""]], &[MarkProblem::Unclosed]),
            // Over a paragraph end too: each paragraph's stretch is a part.
            ("“We won.\n\n“It was hard. “We go on,” she said.", &[&["“We won.", "“It was hard.", "“We go on,”"]], &[]),
            // Not after a sentence's end, or not before a capital: opened inside (and unclosed).
            ("“He told me “go home” today,” she said.", &[&["“He told me “go home” today,”"], &["“go home”"]], &[]),
            ("“We won. “and then,” she said.", &[&["“and then,”"]], &[MarkProblem::Unclosed]),
            // A quotation that is never closed is reported at its last part.
            ("“We won. “It was hard.\n\nThe crowd left.", &[], &[MarkProblem::Unclosed]),
        ];
        for &(text, want, problems) in cases {
            let doc = Doc::new(text, Format::PlainText);
            let q = pair(&doc);
            let got: Vec<Vec<&str>> = q.quotations.iter().map(|q| q.parts(&doc).map(|p| p.text(text)).collect()).collect();
            assert_eq!(got, want, "{text}");
            assert_eq!(q.issues.iter().map(|i| i.problem).collect::<Vec<_>>(), problems, "{text}");
        }
        let text = "“We won. “It was hard.\n\nThe crowd left.";
        let doc = Doc::new(text, Format::PlainText);
        assert_eq!(pair(&doc).issues[0].span.start, text.find("“It").unwrap());
    }

    #[test]
    fn closing_drops_what_opened_inside() {
        let text = "“He said ‘never, she said.” Then he left.";
        let doc = Doc::new(text, Format::PlainText);
        let q = pair(&doc);
        assert_eq!(q.quotations.len(), 1);
        assert_eq!(q.quotations[0].inner.text(text), "He said ‘never, she said.");
        assert_eq!(q.issues.iter().map(|i| (i.problem, i.span.text(text))).collect::<Vec<_>>(), [(MarkProblem::Unclosed, "‘")]);
        // An unopened closing single mark is an apostrophe, a double one a problem.
        let text = "He said no.’ Then he said no.” Done.";
        let doc = Doc::new(text, Format::PlainText);
        let q = pair(&doc);
        assert_eq!(q.apostrophes.len(), 1);
        assert_eq!(q.issues.iter().map(|i| (i.problem, i.span.text(text))).collect::<Vec<_>>(), [(MarkProblem::Unopened, "”")]);
    }

    #[test]
    fn depth_maps_mark_the_innermost_quotation() {
        let text = "“a ‘b’ c” d";
        let doc = Doc::new(text, Format::PlainText);
        let q = pair(&doc);
        let words: Vec<&str> = doc.tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["“", "a", "‘", "b", "’", "c", "”", "d"]);
        assert_eq!(q.depth, [1, 1, 2, 2, 2, 1, 1, 0]);
        let (outer, inner) = (q.quotations.iter().position(|q| q.depth == 0).unwrap() as u32, q.quotations.iter().position(|q| q.depth == 1).unwrap() as u32);
        assert_eq!(q.inside, [outer, outer, inner, inner, inner, outer, outer, u32::MAX]);
        // Sorted by opening position, though the inner one closed first.
        assert_eq!((outer, inner), (0, 1));
    }

}
