//! Stretches that are not prose and produce no tokens: HTML comments (and the `whosaid-` directives
//! they hold), URLs, a leading metadata field ("date 2022-02-21"); merged into one sorted list.

use super::Directive;
use crate::analysis::model::Span;

pub(super) fn merge(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

pub(super) fn find_comments(text: &str, excluded: &mut Vec<Span>, directives: &mut Vec<Directive>) {
    let mut from = 0;
    while let Some(start) = find_from(text, from, "<!--") {
        // An unclosed comment runs to the end of the text.
        let close = text[start + 4..].find("-->").map(|j| start + 4 + j);
        let end = close.map_or(text.len(), |c| c + 3);
        excluded.push(Span::new(start, end));
        let body = text[start + 4..close.unwrap_or(text.len())].trim();
        if let Some(rest) = body.strip_prefix("whosaid-") {
            let mut words = rest.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
            if let Some(cmd) = words.next() {
                directives.push(Directive {
                    span: Span::new(start, end),
                    command: cmd.to_ascii_lowercase(),
                    names: words.map(|w| w.to_ascii_lowercase()).collect(),
                });
            }
        }
        from = end;
    }
}

/// The first occurrence of `pat` starting at or after `from`: a vectorised substring search
/// over a whole article that usually holds no comment or URL at all.
fn find_from(text: &str, from: usize, pat: &str) -> Option<usize> {
    memchr::memmem::find(&text.as_bytes()[from..], pat.as_bytes()).map(|i| from + i)
}

pub(super) fn find_urls(text: &str, excluded: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    // "http://" and "https://" in one search for "http". A URL found inside another (one that
    // redirects to it) ends where the outer one does: covered by it, so not looked for.
    for pat in ["http", "www."] {
        let mut from = 0;
        while let Some(start) = find_from(text, from, pat) {
            let rest = &bytes[start + pat.len()..];
            let scheme = pat == "www." || rest.starts_with(b"://") || rest.starts_with(b"s://");
            // "www." inside a word (e.g. part of an http URL already found) is skipped.
            let www_in_word = pat == "www." && start > 0 && !bytes[start - 1].is_ascii_whitespace() && bytes[start - 1] != b'(';
            if !scheme || www_in_word {
                from = start + pat.len();
                continue;
            }
            let mut end = start;
            for (j, c) in text[start..].char_indices() {
                if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”' | '’' | ')' | ']') {
                    break;
                }
                end = start + j + c.len_utf8();
            }
            // A sentence's final period or comma is not part of the URL.
            while end > start && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?') {
                end -= 1;
            }
            excluded.push(Span::new(start, end));
            from = end.max(start + pat.len());
        }
    }
}

/// "date 2022-02-21", "Updated: 3 March 2024" and similar fields at the very start of the text.
pub(super) fn find_metadata(text: &str, excluded: &mut Vec<Span>) {
    const KEYS: &[&str] = &["date", "dated", "updated", "published", "posted", "dateline", "filed"];
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let key_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    if !KEYS.iter().any(|k| rest[..key_end].eq_ignore_ascii_case(k)) {
        return;
    }
    let mut pos = key_end;
    let after = &rest[pos..];
    let skip = after.len() - after.trim_start_matches([' ', '\t', ':']).len();
    pos += skip;
    let value = &rest[pos..];
    let value_end = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ':' | 'T' | 'Z' | '+')))
        .unwrap_or(value.len());
    if value_end >= 6 && value[..value_end].bytes().filter(u8::is_ascii_digit).count() >= 4 {
        excluded.push(Span::new(lead, lead + pos + value_end));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::text::tests::words;
    use crate::analysis::text::Doc;
    use crate::analysis::Format;

    #[test]
    fn leading_metadata_is_not_prose() {
        let t = " date 2022-02-21 The council said so.";
        assert_eq!(words(t, Format::PlainText)[0], "The");
    }

    #[test]
    fn directives_are_read() {
        let d = Doc::new("<!-- whosaid-disable-next-line loaded-verb, doubt-word -->\nText.", Format::PlainText);
        assert_eq!(d.directives[0].command, "disable-next-line");
        assert_eq!(d.directives[0].names, ["loaded-verb", "doubt-word"]);
        assert_eq!(d.paragraphs.len(), 1);
    }
}
