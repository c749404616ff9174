//! Inline suppression comments, in plain text and Markdown alike:
//!
//! ```text
//! <!-- whosaid-disable-next-line unsourced-claim -->
//! <!-- whosaid-disable-line loaded-verb -->      (at the end of the line it applies to)
//! <!-- whosaid-disable weasel-attribution -->    ... <!-- whosaid-enable weasel-attribution -->
//! <!-- whosaid-disable -->                       (no code: every rule)
//! ```
//! Codes may be rule codes or group names (`unsourced-claim`, `quote-marks`), separated by spaces
//! or commas. Comment lines are not prose.

use super::model::{Finding, Span};
use super::Format;

/// The edit that suppresses `finding` for its line only: a comment line inserted above the line the
/// finding starts on, indented like it. Returns the insertion point (an empty span) and the text.
pub fn suppression_edit(text: &str, finding: &Finding, _format: Format) -> (Span, String) {
    let line_start = text[..finding.span.start.min(text.len())]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1);
    let indent: String = text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    (
        Span::new(line_start, line_start),
        format!("{indent}<!-- whosaid-disable-next-line {} -->{eol}", finding.code),
    )
}
