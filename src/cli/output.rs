//! Human output of `whosaid check`: rustc-style findings with the source line and carets, then a
//! per-article summary a reporter can read without knowing compilers.

use crate::analysis::{rules, Analysis, Finding, QuoteKind, Severity, Span};
use std::fmt::Write as _;

/// Line starts of a text, for offset → line/column. Lines end at '\n'; a '\r' before it is not shown.
pub struct LineIndex {
    starts: Vec<usize>,
    /// Chars before every `BLOCK`-th byte, so a column costs at most one block of counting even
    /// on a single 5 MB line with thousands of findings.
    chars_at_block: Vec<usize>,
}

const BLOCK: usize = 1024;

fn count_chars(bytes: &[u8]) -> usize {
    // Every byte that is not a UTF-8 continuation byte starts a char.
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count()
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars_at_block = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut total = 0;
        for chunk in text.as_bytes().chunks(BLOCK) {
            chars_at_block.push(total);
            total += count_chars(chunk);
        }
        chars_at_block.push(total);
        LineIndex { starts, chars_at_block }
    }

    /// Chars in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars_at_block[block] + count_chars(&text.as_bytes()[block * BLOCK..offset])
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// The line's text without its line break.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let start = self.starts[line].min(text.len());
        let end = self.starts.get(line + 1).map_or(text.len(), |&e| e - 1).min(text.len());
        let s = &text[start..end.max(start)];
        s.strip_suffix('\r').unwrap_or(s)
    }

    /// 1-based line and 1-based column counted in chars.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.starts[line].min(offset);
        (line + 1, self.chars_before(text, offset) - self.chars_before(text, start) + 1)
    }
}

/// The largest char boundary ≤ `offset` (clamped to the text); spans from the engine are on
/// boundaries, but output must never panic if one is not.
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

pub const TAB_STOP: usize = 4;

/// Terminal columns a char takes: 0 for combining marks and joiners, 2 for wide East Asian
/// characters and emoji, 1 otherwise. An approximation of UAX #11 good enough to place carets.
pub fn char_width(c: char) -> usize {
    let u = c as u32;
    match u {
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0E31 | 0x0E34..=0x0E3A | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200B..=0x200F
        | 0x2028..=0x202E | 0x2060..=0x2064 | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0xFEFF | 0xE0100..=0xE01EF => 0,
        0x1100..=0x115F | 0x231A..=0x231B | 0x2329..=0x232A | 0x23E9..=0x23EC | 0x23F0 | 0x23F3
        | 0x25FD..=0x25FE | 0x2614..=0x2615 | 0x2648..=0x2653 | 0x267F | 0x2693 | 0x26A1
        | 0x26AA..=0x26AB | 0x26BD..=0x26BE | 0x26C4..=0x26C5 | 0x26CE | 0x26D4 | 0x26EA
        | 0x26F2..=0x26F3 | 0x26F5 | 0x26FA | 0x26FD | 0x2705 | 0x270A..=0x270B | 0x2728 | 0x274C
        | 0x274E | 0x2753..=0x2755 | 0x2757 | 0x2795..=0x2797 | 0x27B0 | 0x27BF | 0x2B1B..=0x2B1C
        | 0x2B50 | 0x2B55 | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F004 | 0x1F0CF | 0x1F18E
        | 0x1F191..=0x1F19A | 0x1F200..=0x1F251 | 0x1F300..=0x1F64F | 0x1F680..=0x1F6FF
        | 0x1F7E0..=0x1F7EB | 0x1F90C..=0x1F9FF | 0x1FA70..=0x1FAFF | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Colours for a terminal; all empty when colour is off.
#[derive(Clone, Copy)]
pub struct Style {
    pub on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(&self, sev: Severity, s: &str) -> String {
        let code = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Information => "1;36",
            Severity::Hint => "1;32",
        };
        self.paint(code, s)
    }
    fn gutter(&self, s: &str) -> String {
        self.paint("1;34", s)
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
}

/// The word shown before the rule code. "info" reads better than "information" in a header.
pub fn severity_label(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "info",
        Severity::Hint => "hint",
    }
}

/// Lines wider than this many columns are shown as a window around the span.
pub const MAX_LINE_WIDTH: usize = 110;

/// Lines longer than this many bytes are only read around the span.
const LONG_LINE: usize = 4096;

/// One source line as shown (tabs expanded, control chars made visible, long lines cut to a
/// window) and the caret row under `span` (or from its start to the line end when it runs on).
pub fn snippet_line(text: &str, lines: &LineIndex, span: Span, max_width: usize) -> (usize, String, String) {
    let start = floor_boundary(text, span.start);
    let line = lines.line_of(start);
    let line_text = lines.line_text(text, line);
    let line_start = lines.line_start(line);
    let rel_start = (start - line_start).min(line_text.len());
    let rel_end = floor_boundary(text, span.end.max(start)).saturating_sub(line_start).clamp(rel_start, line_text.len());

    // On a very long line only a stretch around the span is looked at, so that showing many
    // findings stays linear in the text.
    let (lo, hi) = if line_text.len() > LONG_LINE {
        let lo = floor_boundary(line_text, rel_start.saturating_sub(2 * max_width));
        (lo, floor_boundary(line_text, rel_start + 4 * max_width).max(rel_start))
    } else {
        (0, line_text.len())
    };
    let (more_left, more_right) = (lo > 0, hi < line_text.len());
    let line_text = &line_text[lo..hi];
    let (rel_start, rel_end) = (rel_start - lo, rel_end.min(hi).max(rel_start) - lo);

    // Each char's display form and column.
    let mut cells: Vec<(usize, usize, usize, char)> = Vec::new(); // (byte offset in line, column, width, char)
    let mut col = 0;
    for (i, c) in line_text.char_indices() {
        let w = match c {
            '\t' => TAB_STOP - col % TAB_STOP,
            c if c.is_control() => 1,
            c => char_width(c),
        };
        cells.push((i, col, w, c));
        col += w;
    }
    let total = col;
    let col_at = |byte: usize| cells.iter().find(|cell| cell.0 >= byte).map_or(total, |c| c.1);
    let caret_start = col_at(rel_start);
    let caret_end = col_at(rel_end).max(caret_start + 1);

    // Window: keep the caret start visible with some context before it.
    let (win_start, win_end) = if total <= max_width {
        (0, total.max(caret_end))
    } else if caret_end + 10 <= max_width {
        (0, max_width)
    } else {
        let before = max_width / 3;
        let ws = caret_start.saturating_sub(before);
        let ws = ws.min(total.saturating_sub(max_width));
        (ws, ws + max_width)
    };
    let mut shown = String::new();
    let cut_left = win_start > 0 || more_left;
    if cut_left {
        shown.push('…');
    }
    for &(_, col, w, c) in &cells {
        if col >= win_start && col < win_end {
            match c {
                '\t' => shown.extend(std::iter::repeat_n(' ', w)),
                c if c.is_control() => shown.push('\u{FFFD}'),
                c => shown.push(c),
            }
        }
    }
    let cut_right = total > win_end || more_right;
    if cut_right {
        shown.push('…');
    }
    let offset = usize::from(cut_left);
    let from = caret_start.max(win_start) - win_start + offset;
    let to = caret_end.min(win_end).max(caret_start.max(win_start) + 1) - win_start + offset;
    let carets = format!("{}{}", " ".repeat(from), "^".repeat(to - from));
    (line + 1, shown, carets)
}

/// A short excerpt of a span for notes: at most `max` chars, on one line.
pub fn excerpt(text: &str, span: Span, max: usize) -> String {
    let s = floor_boundary(text, span.start);
    let e = floor_boundary(text, span.end.max(s));
    let raw = &text[s..e];
    let one_line: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > max {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    } else {
        one_line
    }
}

/// One finding, rustc-style, followed by a blank line.
pub fn render_finding(out: &mut String, path: &str, text: &str, lines: &LineIndex, f: &Finding, style: Style) {
    let (line, col) = lines.line_col(text, f.span.start);
    let (_, shown, carets) = snippet_line(text, lines, f.span, MAX_LINE_WIDTH);
    let digits = line.to_string().len();
    let pad = " ".repeat(digits);
    let label = format!("{}[{}]", severity_label(f.severity), f.code);
    let _ = writeln!(out, "{}{}", style.severity(f.severity, &label), style.bold(&format!(": {}", f.message)));
    let _ = writeln!(out, "{pad}{} {path}:{line}:{col}", style.gutter("-->"));
    let _ = writeln!(out, "{pad} {}", style.gutter("|"));
    let _ = writeln!(out, "{} {}", style.gutter(&format!("{line} |")), shown);
    let _ = writeln!(out, "{pad} {} {}", style.gutter("|"), style.severity(f.severity, &carets));
    for r in &f.related {
        let (rl, rc) = lines.line_col(text, r.span.start);
        let _ = writeln!(
            out,
            "{pad} {} {}: {} (line {rl}, column {rc}: “{}”)",
            style.gutter("="),
            style.bold("note"),
            r.message.trim_end_matches([':', '.', ' ']),
            excerpt(text, r.span, 60)
        );
    }
    for fix in &f.fixes {
        let _ = writeln!(out, "{pad} {} {}: {}", style.gutter("="), style.bold("suggestion"), fix.title);
    }
    if let Some(rule) = rules::rule(f.code) {
        let _ = writeln!(out, "{pad} {} {}: {}", style.gutter("="), style.bold("help"), rule.remedy);
    }
    out.push('\n');
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn quote_kind_word(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "reported",
        QuoteKind::Partial => "partial",
        QuoteKind::Mixed => "mixed",
    }
}

fn kinds_breakdown(quotes: &[QuoteKind]) -> String {
    let mut parts = Vec::new();
    for k in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed, QuoteKind::Partial] {
        let n = quotes.iter().filter(|q| **q == k).count();
        if n > 0 {
            parts.push(format!("{n} {}", quote_kind_word(k)));
        }
    }
    parts.join(", ")
}

/// The per-article summary: who speaks how often, what is unattributed, what is unsourced.
pub fn render_summary(out: &mut String, path: &str, a: &Analysis, style: Style) {
    let _ = writeln!(out, "{}", style.bold(&format!("Summary of {path}")));
    if a.skipped {
        let _ = writeln!(out, "  not analysed (see above)\n");
        return;
    }
    if a.speakers.is_empty() {
        let _ = writeln!(out, "  speakers: none found");
    } else {
        let _ = writeln!(out, "  speakers:");
    }
    for s in &a.speakers {
        let kinds: Vec<QuoteKind> = a.quotes_of(s.id).map(|q| q.kind).collect();
        let mut who = s.name.clone();
        let mut desc = Vec::new();
        if let Some(role) = s.role.as_deref().filter(|r| !r.is_empty()) {
            desc.push(role.to_string());
        }
        desc.push(s.kind.as_str().to_string());
        who.push_str(&format!(" ({})", desc.join(", ")));
        let said = if kinds.is_empty() {
            "mentioned, not quoted".to_string()
        } else {
            format!("{} ({})", plural(kinds.len(), "quote", "quotes"), kinds_breakdown(&kinds))
        };
        let _ = writeln!(out, "    {who}: {said}");
    }
    let unattributed: Vec<QuoteKind> = a.unattributed_quotes().map(|q| q.kind).collect();
    if unattributed.is_empty() {
        let _ = writeln!(out, "  unattributed quotes: none");
    } else {
        let _ = writeln!(out, "  unattributed quotes: {} ({})", unattributed.len(), kinds_breakdown(&unattributed));
    }
    if a.claims.is_empty() {
        let _ = writeln!(out, "  claims with no source: none");
    } else {
        let mut by_kind: Vec<(&str, usize)> = Vec::new();
        for c in &a.claims {
            let k = c.kind.as_str();
            match by_kind.iter_mut().find(|(n, _)| *n == k) {
                Some(e) => e.1 += 1,
                None => by_kind.push((k, 1)),
            }
        }
        let parts: Vec<String> = by_kind.iter().map(|(k, n)| format!("{n} {}", k.replace('-', " "))).collect();
        let _ = writeln!(out, "  claims with no source: {} ({})", a.claims.len(), parts.join(", "));
    }
    let _ = writeln!(out, "  findings: {}", count_findings(&a.findings));
    out.push('\n');
}

/// "1 error, 2 warnings" (or "none").
pub fn count_findings(findings: &[Finding]) -> String {
    let severities: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
    count_findings_by_severity(&severities)
}

pub fn count_findings_by_severity(findings: &[Severity]) -> String {
    let mut parts = Vec::new();
    for (sev, one, many) in [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Information, "info", "infos"),
        (Severity::Hint, "hint", "hints"),
    ] {
        let n = findings.iter().filter(|f| **f == sev).count();
        if n > 0 {
            parts.push(plural(n, one, many));
        }
    }
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

/// Printed once after the findings, for readers who have never seen compiler output.
pub const HOW_TO_READ: &str = "\
How to read this: `story.md:12:5` means line 12, character 5; the ^^^ marks the words a finding is
about; `help` says what would satisfy the rule. To silence one finding, put
<!-- whosaid-disable-next-line CODE --> on the line above it (CODE is the word in [brackets]);
to change a rule for the whole project, see `[rules]` in .whosaid.toml.";

/// Whole human report for one file.
pub fn render_human(path: &str, text: &str, a: &Analysis, style: Style) -> String {
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for f in &a.findings {
        render_finding(&mut out, path, text, &lines, f, style);
    }
    render_summary(&mut out, path, a, style);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Related, Severity};

    fn finding(span: Span) -> Finding {
        Finding {
            code: "agentless-passive",
            severity: Severity::Warning,
            span,
            message: "Who sees it so?".into(),
            related: Default::default(),
            fixes: Default::default(),
            quote: None,
            claim: None,
        }
    }

    fn caret_col(carets: &str) -> usize {
        carets.find('^').unwrap()
    }

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let text = "first\n“Zoë” 😀 was seen\n";
        let lines = LineIndex::new(text);
        let off = text.find("was").unwrap();
        assert_eq!(lines.line_col(text, off), (2, 9));
        assert_eq!(lines.line_col(text, 0), (1, 1));
        assert_eq!(lines.line_col(text, text.len()), (3, 1));
    }

    #[test]
    fn carets_sit_under_the_span_after_wide_and_curly_chars() {
        let text = "“Zoë” 😀 was seen\n";
        let lines = LineIndex::new(text);
        let s = text.find("was seen").unwrap();
        let (line, shown, carets) = snippet_line(text, &lines, Span::new(s, s + "was seen".len()), 100);
        assert_eq!(line, 1);
        assert_eq!(shown, "“Zoë” 😀 was seen");
        // “Zoë” = 5 columns, space, emoji = 2 columns, space → 9.
        assert_eq!(caret_col(&carets), 9);
        assert_eq!(carets.trim(), "^^^^^^^^");
    }

    #[test]
    fn tabs_expand_and_carets_follow() {
        let text = "\tsaid\tit";
        let lines = LineIndex::new(text);
        let s = text.find("it").unwrap();
        let (_, shown, carets) = snippet_line(text, &lines, Span::new(s, s + 2), 100);
        assert_eq!(shown, "    said    it");
        assert_eq!(caret_col(&carets), 12);
        assert_eq!(carets.trim(), "^^");
    }

    #[test]
    fn span_crossing_lines_gets_carets_to_line_end() {
        let text = "ab “cd\nef” gh";
        let lines = LineIndex::new(text);
        let s = text.find('“').unwrap();
        let (_, shown, carets) = snippet_line(text, &lines, Span::new(s, text.len()), 100);
        assert_eq!(shown, "ab “cd");
        assert_eq!(carets, "   ^^^");
    }

    #[test]
    fn empty_span_and_span_at_line_end_get_one_caret() {
        let text = "abc\r\ndef";
        let lines = LineIndex::new(text);
        let (_, shown, carets) = snippet_line(text, &lines, Span::new(3, 3), 100);
        assert_eq!(shown, "abc");
        assert_eq!(carets, "   ^");
    }

    #[test]
    fn long_lines_show_a_window_with_the_span() {
        let text = format!("{}TARGET{}", "x ".repeat(200), " y".repeat(200));
        let lines = LineIndex::new(&text);
        let s = text.find("TARGET").unwrap();
        let (_, shown, carets) = snippet_line(&text, &lines, Span::new(s, s + 6), 50);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        let c = caret_col(&carets);
        let under: String = shown.chars().skip(c).take(6).collect();
        assert_eq!(under, "TARGET");
        assert!(shown.chars().count() <= 52);
    }

    #[test]
    fn rendered_finding_has_location_line_carets_note_and_help() {
        let text = "Intro.\nThe plan is being seen as bold, Ana said.\n";
        let s = text.find("is being seen as").unwrap();
        let mut f = finding(Span::new(s, s + "is being seen as".len()));
        let a = text.find("Ana").unwrap();
        f.related.push(Related { span: Span::new(a, a + 3), message: "speaker mention here".into() });
        let mut out = String::new();
        render_finding(&mut out, "story.txt", text, &LineIndex::new(text), &f, Style { on: false });
        let want = "warning[agentless-passive]: Who sees it so?\n \
                    --> story.txt:2:10\n  \
                    |\n\
                    2 | The plan is being seen as bold, Ana said.\n  \
                    |          ^^^^^^^^^^^^^^^^\n  \
                    = note: speaker mention here (line 2, column 33: “Ana”)\n";
        assert!(out.starts_with(want), "{out}");
        assert!(out.contains("= help: Say who sees"), "{out}");
    }

    #[test]
    fn columns_on_a_huge_line_match_a_plain_count() {
        let text = format!("{}\n{}", "é“😀x ".repeat(3000), "ab😀".repeat(5000));
        let lines = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(997).map(|o| floor_boundary(&text, o)) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let want = (text[..offset].matches('\n').count() + 1, text[line_start..offset].chars().count() + 1);
            assert_eq!(lines.line_col(&text, offset), want, "offset {offset}");
        }
        // A span deep inside the long line: carets still under it.
        let s = text.find('\n').unwrap() + 15_000;
        let s = floor_boundary(&text, s);
        let s = s + text[s..].find('a').unwrap();
        let (_, shown, carets) = snippet_line(&text, &lines, Span::new(s, s + 2), 60);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let col = carets.find('^').unwrap();
        let prefix: String = shown.chars().scan(0, |w, c| { *w += char_width(c); Some((*w, c)) }).take_while(|(w, _)| *w <= col).map(|(_, c)| c).collect();
        assert_eq!(prefix.chars().map(char_width).sum::<usize>(), col);
        assert!(shown[prefix.len()..].starts_with("ab"), "{shown}\n{carets}");
    }

    #[test]
    fn control_chars_are_not_sent_to_the_terminal() {
        let text = "a\u{1b}[31mb said";
        let lines = LineIndex::new(text);
        let (_, shown, _) = snippet_line(text, &lines, Span::new(0, 1), 100);
        assert!(!shown.contains('\u{1b}'));
    }

    #[test]
    fn offsets_off_boundaries_do_not_panic() {
        let text = "é😀x";
        let lines = LineIndex::new(text);
        let _ = snippet_line(text, &lines, Span::new(1, 3), 100);
        let _ = snippet_line(text, &lines, Span::new(50, 70), 100);
        let _ = excerpt(text, Span::new(2, 99), 10);
        assert_eq!(lines.line_col(text, 1), (1, 1));
    }
}
