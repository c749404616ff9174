//! Findings: the rules applied to quotes, claims and quotation marks, with severities from the
//! options and inline suppression comments honoured.

use super::attribution::{loaded_of, Draft};
use super::lexicon::{lexicon, Loaded, Verb, VerbClass};
use super::model::*;
use super::quotes::{MarkProblem, Quotes};
use super::text::{lower, Directive, Doc, TokKind};
use super::Options;

pub struct Input<'a> {
    pub doc: &'a Doc<'a>,
    pub quotes: &'a Quotes,
    pub drafts: &'a [Draft],
    /// Draft index → quote id.
    pub quote_ids: &'a [usize],
    pub analysis: &'a Analysis,
}

/// `before` + the words in curly quotes (at most 60 characters, then "…") + `after`, built in one
/// string: there is a message for every claim, and `format!` three times over cost more.
fn quoted_message(before: &str, s: &str, after: &str) -> String {
    let s = s.trim();
    let (short, cut) = match s.char_indices().nth(60) {
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

pub fn collect(input: &Input, options: &Options) -> Vec<Finding> {
    let doc = input.doc;
    let text = doc.text;
    let a = input.analysis;
    // About one finding per claim and a few more: sized once rather than regrown (and copied).
    let mut out: Vec<Finding> = Vec::with_capacity(a.claims.len() + input.quotes.issues.len() + 16);
    claim_findings(a, text, options, &mut out);
    let mut push = |code: &'static str, span: Span, message: String, related: Vec<Related>, fixes: Vec<Fix>, quote: Option<usize>, claim: Option<usize>| {
        if let Some(severity) = options.rules.severity(code) {
            out.push(Finding { code, severity, span, message, related, fixes, quote, claim });
        }
    };

    for q in &a.quotes {
        let first = q.parts[0];
        match (q.kind, q.speaker) {
            (QuoteKind::Direct, None) => push(
                "unattributed-quote",
                first,
                "This quotation has no speaker: say who said it, in the same paragraph.".to_string(),
                Vec::new(),
                Vec::new(),
                Some(q.id),
                None,
            ),
            (QuoteKind::Partial, None) => {
                let words = first.text(text).split_whitespace().count();
                if words <= 4 {
                    push(
                        "scare-quote",
                        first,
                        format!("The quoted words {} have no speaker nearby: say whose words they are, or drop the quotation marks.", first.text(text)),
                        Vec::new(),
                        Vec::new(),
                        Some(q.id),
                        None,
                    )
                }
            }
            _ => {}
        }
    }
    // Cue verbs.
    for (di, d) in input.drafts.iter().enumerate() {
        let qid = input.quote_ids[di];
        // The quote holds the draft's cue and parts (moved there by `analyze`).
        let Some(cue) = &a.quotes[qid].cue else { continue };
        let Some(head) = d.cue_head else { continue };
        if d.entity.is_none() {
            continue;
        }
        // Built only for a finding that shows it: most attributions raise none.
        let related = || {
            d.mention
                .map(|m| {
                    let name = m.text(text);
                    let mut message = String::with_capacity(9 + name.len());
                    message.push_str("speaker: ");
                    message.push_str(name);
                    vec![Related { span: m, message }]
                })
                .unwrap_or_default()
        };
        if let Some(l) = loaded_of(d.cue_class) {
            let (span, replacement) = say_replacement(doc, head);
            let verb = span.text(text);
            let why = match l {
                Loaded::Doubt => "suggests you doubt the speaker",
                Loaded::Guilt => "implies the speaker owned up to something",
                Loaded::Truth => "presents what was said as established fact",
                Loaded::Emphasis => "editorialises about how it was said",
            };
            push(
                "loaded-verb",
                span,
                format!("“{verb}” {why}; “{replacement}” is neutral."),
                related(),
                vec![Fix { title: format!("Replace “{verb}” with “{replacement}”"), edits: vec![(span, replacement.clone())] }],
                Some(qid),
                None,
            );
        }
        if d.cue_class == Some(VerbClass::NonSpeech) {
            let (span, replacement) = say_replacement(doc, head);
            push(
                "non-speech-verb",
                span,
                format!("People do not “{}” words: use “{replacement}” and describe the gesture separately.", span.text(text)),
                related(),
                vec![Fix { title: format!("Replace “{}” with “{replacement}”", span.text(text)), edits: vec![(span, replacement.clone())] }],
                Some(qid),
                None,
            );
        }
        // Late attribution: a direct quotation of three or more sentences attributed at its end.
        if d.kind == QuoteKind::Direct && cue.span.start >= a.quotes[qid].parts[0].end {
            if let Some(&qi) = d.quotations.first() {
                let q = &input.quotes.quotations[qi];
                let inner_sentences = (q.open + 1..q.close)
                    .filter(|&k| {
                        let t = &doc.tokens[k];
                        // ASCII marks: the first byte is the first char.
                        t.kind == TokKind::Punct && matches!(text.as_bytes().get(t.start as usize), Some(b'.' | b'!' | b'?')) && k + 1 < q.close && super::sentences::ends_sentence(doc, k, k, q.close)
                    })
                    .count();
                if inner_sentences >= 2 {
                    push(
                        "late-attribution",
                        doc.tokens[q.open].span(),
                        format!("The speaker of this {}-sentence quotation is named only at its end; attribute it after the first sentence.", inner_sentences + 1),
                        related(),
                        Vec::new(),
                        Some(qid),
                        None,
                    );
                }
            }
        }
    }
    // Quotation marks.
    // Counted over every token, so only once a mismatched quotation needs it.
    let mut style: Option<(usize, usize)> = None;
    for q in &input.quotes.quotations {
        if q.mismatched {
            let (curly, straight) = *style.get_or_insert_with(|| dominant_style(doc));
            let open = &doc.tokens[q.open];
            let close = &doc.tokens[q.close];
            let og = open.first_char(text);
            let cg = close.first_char(text);
            let fix = if curly >= straight {
                partner(og).map(|p| Fix { title: format!("Close with {p}"), edits: vec![(close.span(), p.to_string())] })
            } else {
                let straight_mark = if matches!(og, '‘' | '’' | '\'' | '‚') { '\'' } else { '"' };
                Some(Fix { title: format!("Use straight {straight_mark} marks"), edits: vec![(open.span(), straight_mark.to_string()), (close.span(), straight_mark.to_string())] })
            };
            push(
                "mismatched-quotes",
                close.span(),
                format!("This quotation opens with {og} but closes with {cg}."),
                vec![Related { span: open.span(), message: format!("opened with {og} here") }],
                fix.into_iter().collect(),
                None,
                None,
            );
        }
    }
    for issue in &input.quotes.issues {
        let g = issue.span.text(text);
        let message = match issue.problem {
            MarkProblem::Unclosed => format!("This {g} opens a quotation that is never closed in its paragraph."),
            MarkProblem::Unopened => format!("This {g} closes a quotation that was never opened."),
        };
        push("unbalanced-quotes", issue.span, message, Vec::new(), Vec::new(), None, None);
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    apply_directives(text, &doc.directives, &mut out);
    out
}

/// One finding per claim. A weak claim is a hint (unless its rule is off).
fn claim_findings(a: &Analysis, text: &str, options: &Options, out: &mut Vec<Finding>) {
    for (ci, c) in a.claims.iter().enumerate() {
        let t = c.trigger.text(text);
        let (code, message) = match c.kind {
            ClaimKind::AgentlessPassive => ("agentless-passive", quoted_message("", t, " — by whom? This sentence gives no source for the view.")),
            ClaimKind::WeaselAttribution => ("weasel-attribution", quoted_message("", t, " — who, exactly? Name the people or the study.")),
            ClaimKind::AnonymousSource => ("anonymous-source", quoted_message("", t, " is not described: say who the source is (their position) and why they are not named.")),
            ClaimKind::DoubtWord => ("doubt-word", quoted_message("", t, " casts doubt with no source in the sentence: who says so?")),
            ClaimKind::Statistic => ("unsourced-statistic", quoted_message("The figure ", t, " makes a point nobody vouches for: no source in its sentence or paragraph.")),
            ClaimKind::Hedge => ("hedge", quoted_message("", t, " reads as the writer's own view: whose judgement is it?")),
        };
        if let Some(severity) = options.rules.severity(code) {
            let severity = if c.weak { Severity::Hint } else { severity };
            out.push(Finding { code, severity, span: c.trigger, message, related: Vec::new(), fixes: Vec::new(), quote: None, claim: Some(ci) });
        }
    }
}

/// The head verb (with its particle) and the form of "say" that replaces it.
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

/// Drop findings covered by `whosaid-disable*` comments.
fn apply_directives(text: &str, directives: &[Directive], findings: &mut Vec<Finding>) {
    if directives.is_empty() {
        return;
    }
    let line_starts: Vec<usize> = std::iter::once(0).chain(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1)).collect();
    let line_of = |pos: usize| line_starts.partition_point(|&s| s <= pos).saturating_sub(1);
    let covers = |d: &Directive, code: &str| d.names.is_empty() || d.names.iter().any(|n| super::rules::name_covers(n, code));
    findings.retain(|f| {
        let line = line_of(f.span.start);
        let mut disabled_block = false;
        for d in directives {
            if d.span.start > f.span.start && d.command != "disable-line" {
                break;
            }
            match d.command.as_str() {
                "disable-next-line" => {
                    if covers(d, f.code) {
                        // The next line that has text.
                        let after = &text[d.span.end..];
                        let skip = after.len() - after.trim_start().len();
                        if line_of(d.span.end + skip) == line {
                            return false;
                        }
                    }
                }
                "disable-line" => {
                    if covers(d, f.code) && line_of(d.span.start) == line {
                        return false;
                    }
                }
                "disable" => {
                    if covers(d, f.code) {
                        disabled_block = true;
                    }
                }
                "enable" => {
                    if covers(d, f.code) {
                        disabled_block = false;
                    }
                }
                _ => {}
            }
        }
        !disabled_block
    });
}
