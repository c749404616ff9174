//! The report as one self-contained page: plain HTML, inline CSS and inline SVG charts, no
//! scripts, fonts or anything fetched. Every bar has its number beside it, and carries it in
//! `data-value` too, so CI can check the page against the JSON output.

use super::tally::{thousands, NameTally, Report, Tally};
use crate::analysis::SourceKind;
use std::fmt::Write as _;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0;color:#1d2329;background:#fafaf7}
main{max-width:980px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:28px;margin:8px 0 4px}h2{font-size:20px;margin:36px 0 6px;border-bottom:1px solid #d8d8d0;padding-bottom:4px}
p.lead{color:#4a535c;margin:0 0 16px}p.note{color:#4a535c;font-size:14px;max-width:760px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
.card{background:#fff;border:1px solid #deded6;border-radius:8px;padding:12px 16px;min-width:150px}
.card b{display:block;font-size:26px}.card span{color:#4a535c;font-size:14px}
table{border-collapse:collapse;background:#fff;font-size:14px;margin:8px 0}
th,td{border:1px solid #deded6;padding:5px 10px;text-align:right}th:first-child,td:first-child{text-align:left}
th{background:#f0f0ea}svg text{font-size:13px;fill:#1d2329}svg .num{font-weight:600}
.legend span{display:inline-block;margin-right:14px;font-size:14px}.legend i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px}
";

const GENDERS: [(&str, &str, &str); 4] =
    [("woman", "women", "#b5477d"), ("man", "men", "#2f6f9f"), ("non-binary", "non-binary", "#7a8f2e"), ("not-stated", "not stated", "#a7a7a0")];

fn gender_counts(t: &Tally) -> [usize; 4] {
    [t.people.woman, t.people.man, t.people.non_binary, t.people.not_stated]
}

/// Horizontal bars, one a row, label on the left and the number after the bar.
fn bars(chart: &str, title: &str, rows: &[(String, usize, String)], colour: &str) -> String {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (230.0, 420.0, 28.0);
    let height = rows.len() as f64 * row_h + 8.0;
    let mut s = format!(
        "<svg data-chart=\"{chart}\" role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        esc(title),
        label_w + bar_w + 280.0,
        label_w + bar_w + 280.0
    );
    for (i, (label, value, note)) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let w = (*value as f64 / max as f64 * bar_w).max(if *value > 0 { 2.0 } else { 0.0 });
        let short: String = label.chars().take(32).collect();
        let _ = write!(
            s,
            "<g class=\"bar\" data-label=\"{}\" data-value=\"{value}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{colour}\" rx=\"2\"/>\
             <text class=\"num\" x=\"{:.1}\" y=\"{}\">{}</text><text x=\"{:.1}\" y=\"{}\" fill=\"#4a535c\">{}</text></g>",
            esc(label),
            label_w - 8.0,
            y + 15.0,
            esc(&short),
            row_h - 8.0,
            label_w + w + 6.0,
            y + 15.0,
            thousands(*value),
            label_w + w + 12.0 + 8.0 * thousands(*value).len() as f64,
            y + 15.0,
            esc(note)
        );
    }
    s.push_str("</svg>");
    s
}

/// One stacked bar per group: people quoted, by stated gender, each part with its number.
fn gender_by_group(report: &Report) -> String {
    let rows: Vec<(&str, &Tally)> = std::iter::once(("all articles", &report.total)).chain(report.groups.iter().map(|(g, t)| (g.as_str(), t))).collect();
    let max = rows.iter().map(|(_, t)| t.people.people()).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (230.0, 520.0, 46.0);
    let height = rows.len() as f64 * row_h + 8.0;
    let mut s = format!(
        "<svg data-chart=\"gender-by-group\" role=\"img\" aria-label=\"People quoted in each group, by the gender the articles state\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        label_w + bar_w + 160.0,
        label_w + bar_w + 160.0
    );
    for (i, (name, t)) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let _ = write!(s, "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label_w - 8.0, y + 15.0, esc(name));
        let mut x = label_w;
        let mut words = Vec::new();
        for ((key, plural, colour), n) in GENDERS.iter().zip(gender_counts(t)) {
            let w = n as f64 / max as f64 * bar_w;
            let _ = write!(
                s,
                "<g class=\"bar\" data-group=\"{}\" data-label=\"{key}\" data-value=\"{n}\"><rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"20\" fill=\"{colour}\"/></g>",
                esc(name)
            );
            x += w;
            words.push(format!("{} {plural}", thousands(n)));
        }
        let _ = write!(s, "<text x=\"{label_w}\" y=\"{}\" fill=\"#4a535c\">{}</text>", y + 36.0, words.join(" · "));
    }
    s.push_str("</svg>");
    s
}

fn pct(x: Option<f64>) -> String {
    super::tally::percent(x)
}

fn summary_table(report: &Report) -> String {
    let cols: Vec<(&str, &Tally)> = std::iter::once(("all articles", &report.total)).chain(report.groups.iter().map(|(g, t)| (g.as_str(), t))).collect();
    type Row = (&'static str, &'static str, fn(&Tally) -> String);
    let rows: [Row; 16] = [
        ("articles", "Articles", |t| thousands(t.articles)),
        ("sources", "Sources quoted", |t| thousands(t.sources)),
        ("person", "People", |t| thousands(t.kind(SourceKind::Person))),
        ("organization", "Organisations", |t| thousands(t.kind(SourceKind::Organization))),
        ("group", "Groups (“residents”, “officials”)", |t| thousands(t.kind(SourceKind::Group))),
        ("anonymous", "Anonymous sources", |t| thousands(t.kind(SourceKind::Anonymous))),
        ("document", "Documents (reports, studies, statements)", |t| thousands(t.kind(SourceKind::Document))),
        ("unknown", "Not sure what kind", |t| thousands(t.kind(SourceKind::Unknown))),
        ("woman", "Women quoted", |t| thousands(t.people.woman)),
        ("man", "Men quoted", |t| thousands(t.people.man)),
        ("non-binary", "Non-binary people quoted", |t| thousands(t.people.non_binary)),
        ("not-stated", "People whose gender is not stated", |t| thousands(t.people.not_stated)),
        ("women_share", "Women among people whose gender is stated", |t| pct(t.women_share())),
        ("direct", "Quotes in quotation marks", |t| thousands(t.direct)),
        ("reported", "Reported speech", |t| thousands(t.reported)),
        ("unattributed", "Quotes with no source named", |t| thousands(t.unattributed)),
    ];
    let mut s = String::from("<table data-table=\"summary\"><tr><th></th>");
    for (name, _) in &cols {
        let _ = write!(s, "<th>{}</th>", esc(name));
    }
    s.push_str("</tr>");
    for (key, label, f) in rows {
        let _ = write!(s, "<tr><td>{label}</td>");
        for (name, t) in &cols {
            let _ = write!(s, "<td data-group=\"{}\" data-key=\"{key}\">{}</td>", esc(name), f(t));
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
    s
}

fn top_rows(list: &[NameTally], person: bool) -> Vec<(String, usize, String)> {
    list.iter()
        .map(|t| {
            let gender = if person { format!(" · {}", t.gender().map_or("gender not stated", |g| g.as_str())) } else { String::new() };
            let quotes = if t.quotes() == 1 { "quote" } else { "quotes" };
            (t.name.clone(), t.quotes(), format!("{quotes} in {}{gender}", super::tally::count(t.articles, "article")))
        })
        .collect()
}

pub fn page(report: &Report) -> String {
    let t = &report.total;
    let mut s = String::from("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = write!(s, "<title>Who we quote — whosaid report</title><style>{STYLE}</style></head><body><main>");
    s.push_str("<h1>Who we quote</h1>");
    let by = report.group_by.as_deref().map_or(String::new(), |g| format!(", in {} groups by {}", report.groups.len(), esc(g)));
    let _ = write!(s, "<p class=\"lead\">{}{by}, read by whosaid. Every figure counts what the articles themselves say.</p>", super::tally::count(t.articles, "article"));
    s.push_str("<div class=\"cards\">");
    for (key, value, label) in [
        ("articles", thousands(t.articles), "articles"),
        ("sources", thousands(t.sources), "sources quoted"),
        ("people", thousands(t.people.people()), "people quoted"),
        ("women_share", pct(t.women_share()), "women, among people whose gender the articles state"),
        ("anonymous_share", pct(t.anonymous_share()), "of sources are anonymous"),
        ("unattributed", thousands(t.unattributed), "quotes with no source named"),
    ] {
        let _ = write!(s, "<div class=\"card\" data-key=\"{key}\"><b>{value}</b><span>{label}</span></div>");
    }
    s.push_str("</div>");

    s.push_str("<h2>What kind of sources</h2><p class=\"note\">Each source counted once per article in which it is quoted.</p>");
    let kinds: Vec<(String, usize, String)> = [
        (SourceKind::Person, "people"),
        (SourceKind::Organization, "organisations"),
        (SourceKind::Group, "groups"),
        (SourceKind::Anonymous, "anonymous"),
        (SourceKind::Document, "documents"),
        (SourceKind::Unknown, "not sure"),
    ]
    .iter()
    .map(|(k, label)| (label.to_string(), t.kind(*k), share_note(t.kind(*k), t.sources)))
    .collect();
    s.push_str(&bars("kinds", "Sources by kind", &kinds, "#4f7a5a"));

    s.push_str("<h2>People quoted, by the gender the articles state</h2>");
    s.push_str("<p class=\"note\">whosaid counts a gender only where the article states it: “she” or “he” for the person, an honorific (Ms, Mrs, Mr, Sir, Dame, Lord …), or a gender the newsroom gave for a known speaker in <code>.whosaid.toml</code>. It never guesses from a first name. Where the article says nothing, or says both, the person is counted as “not stated”.</p>");
    let genders: Vec<(String, usize, String)> =
        GENDERS.iter().zip(gender_counts(t)).map(|((_, plural, _), n)| (plural.to_string(), n, share_note(n, t.people.people()))).collect();
    s.push_str(&bars("gender", "People quoted by stated gender", &genders, "#7d5a94"));
    if !report.groups.is_empty() {
        let _ = write!(s, "<h2>By {}</h2><div class=\"legend\">", esc(report.group_by.as_deref().unwrap_or("group")));
        for (_, plural, colour) in GENDERS {
            let _ = write!(s, "<span><i style=\"background:{colour}\"></i>{plural}</span>");
        }
        s.push_str("</div>");
        s.push_str(&gender_by_group(report));
    }
    s.push_str("<h2>Figures</h2>");
    s.push_str(&summary_table(report));
    s.push_str("<h2>Most-quoted people</h2><p class=\"note\">Quotes in quotation marks and reported speech. A name is one person within an article (“Jen Psaki”, “Psaki”, “she”); across articles the same full name is the same person.</p>");
    s.push_str(&bars("top-people", "Most-quoted people", &top_rows(&report.people, true), "#2f6f9f"));
    s.push_str("<h2>Most-quoted organisations</h2>");
    s.push_str(&bars("top-organizations", "Most-quoted organisations", &top_rows(&report.organizations, false), "#b07a2a"));
    if report.unreadable > 0 {
        let _ = write!(s, "<p class=\"note\">{} could not be read and {} not counted.</p>", super::tally::count(report.unreadable, "article"), if report.unreadable == 1 { "is" } else { "are" });
    }
    s.push_str("<p class=\"note\">Made by whosaid. Sources are found by reading each article: a source the engine missed, or two people taken for one, changes these figures. Check a story with <code>whosaid check</code>.</p>");
    s.push_str("</main></body></html>\n");
    s
}

fn share_note(n: usize, of: usize) -> String {
    if of == 0 {
        String::new()
    } else {
        pct(Some(n as f64 / of as f64))
    }
}
