//! Adding up articles: a digest per article (its sources, reduced to what a report needs), totals
//! per group and for the whole archive, most-quoted people and organisations; and the report as
//! a terminal table, JSON and CSV.

use crate::analysis::sources::GenderCounts;
use crate::analysis::{Analysis, Gender, SourceKind, Sources};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// One source of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceDigest {
    pub name: String,
    pub role: Option<String>,
    pub kind: SourceKind,
    /// `None` for a person: not stated (and for anyone who is not a person).
    pub gender: Option<Gender>,
    pub direct: usize,
    pub reported: usize,
    pub quoted_words: usize,
}

/// What a report keeps of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleDigest {
    pub id: String,
    pub group: String,
    pub sources: Vec<SourceDigest>,
    pub unattributed: usize,
    pub quoted_words: usize,
    pub top_share: f64,
}

impl ArticleDigest {
    pub fn new(id: String, group: String, a: &Analysis, p: &Sources) -> ArticleDigest {
        let sources = p
            .list
            .iter()
            .map(|s| {
                let sp = &a.speakers[s.speaker];
                SourceDigest {
                    name: sp.name.clone(),
                    role: sp.role.clone(),
                    kind: s.kind,
                    gender: s.gender,
                    direct: s.direct.len(),
                    reported: s.reported.len(),
                    quoted_words: s.quoted_words,
                }
            })
            .collect();
        ArticleDigest { id, group, sources, unattributed: p.unattributed, quoted_words: p.quoted_words, top_share: p.top_share() }
    }
}

/// Figures for a set of articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub articles: usize,
    pub with_sources: usize,
    pub sources: usize,
    /// By `SourceKind::ALL` order.
    pub kinds: [usize; 6],
    pub people: GenderCounts,
    pub direct: usize,
    pub reported: usize,
    pub unattributed: usize,
    pub quoted_words: usize,
}

impl Tally {
    fn add(&mut self, d: &ArticleDigest) {
        self.articles += 1;
        self.with_sources += !d.sources.is_empty() as usize;
        self.sources += d.sources.len();
        self.unattributed += d.unattributed;
        self.quoted_words += d.quoted_words;
        for s in &d.sources {
            self.kinds[s.kind as usize] += 1;
            if s.kind == SourceKind::Person {
                self.people.add(s.gender);
            }
            self.direct += s.direct;
            self.reported += s.reported;
        }
    }

    pub fn kind(&self, k: SourceKind) -> usize {
        self.kinds[k as usize]
    }

    /// Women among the people whose gender is stated (0 to 1), if anyone's is.
    pub fn women_share(&self) -> Option<f64> {
        let stated = self.people.woman + self.people.man + self.people.non_binary;
        (stated > 0).then(|| self.people.woman as f64 / stated as f64)
    }

    pub fn anonymous_share(&self) -> Option<f64> {
        (self.sources > 0).then(|| self.kind(SourceKind::Anonymous) as f64 / self.sources as f64)
    }

    pub fn to_json(&self) -> Value {
        let kinds: serde_json::Map<String, Value> = SourceKind::ALL.iter().map(|k| (k.as_str().to_string(), json!(self.kind(*k)))).collect();
        json!({
            "articles": self.articles,
            "articles_with_sources": self.with_sources,
            "sources": self.sources,
            "kinds": kinds,
            "people": {"woman": self.people.woman, "man": self.people.man, "non-binary": self.people.non_binary, "not-stated": self.people.not_stated},
            "women_share_of_stated": self.women_share().map(round3),
            "anonymous_share": self.anonymous_share().map(round3),
            "quotes": {"direct": self.direct, "reported": self.reported, "unattributed": self.unattributed},
            "quoted_words": self.quoted_words,
        })
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A person or organisation over the archive, names merged exactly (a leading "The" aside);
/// descriptions ("the company") are not names and are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameTally {
    pub name: String,
    pub articles: usize,
    pub direct: usize,
    pub reported: usize,
    pub quoted_words: usize,
    pub genders: GenderCounts,
}

impl NameTally {
    pub fn quotes(&self) -> usize {
        self.direct + self.reported
    }
    /// The gender the articles state, when those that state one agree.
    pub fn gender(&self) -> Option<Gender> {
        let g = &self.genders;
        match (g.woman > 0, g.man > 0, g.non_binary > 0) {
            (true, false, false) => Some(Gender::Woman),
            (false, true, false) => Some(Gender::Man),
            (false, false, true) => Some(Gender::NonBinary),
            _ => None,
        }
    }
    fn to_json(&self, person: bool) -> Value {
        let mut v = json!({"name": self.name, "articles": self.articles, "quotes": self.quotes(), "direct": self.direct,
            "reported": self.reported, "quoted_words": self.quoted_words});
        if person {
            v["gender"] = json!(self.gender().map_or("not-stated", |g| g.as_str()));
        }
        v
    }
}

/// "the company", "a spokesman": a description, not a name; the same words in two articles are
/// not the same source, so descriptions stay out of the most-quoted lists.
fn is_description(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let det = ["the", "a", "an", "this", "that", "its", "their", "his", "her", "our"].iter().any(|d| d.eq_ignore_ascii_case(first));
    if det {
        words.next().is_none_or(lower)
    } else {
        lower(first)
    }
}

fn merge_key(name: &str) -> String {
    match name.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => name.to_string(),
    }
}

/// The whole report.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub group_by: Option<String>,
    pub top: usize,
    pub total: Tally,
    pub groups: BTreeMap<String, Tally>,
    pub people: Vec<NameTally>,
    pub organizations: Vec<NameTally>,
    /// Articles that could not be read.
    pub unreadable: usize,
}

impl Report {
    pub fn new(group_by: Option<String>, top: usize) -> Report {
        Report { group_by, top, ..Report::default() }
    }

    /// Add the articles, in order (the result does not depend on how they were analysed).
    pub fn add_all(&mut self, digests: &[ArticleDigest]) {
        let mut names: HashMap<(bool, String), NameTally> = HashMap::new();
        for d in digests {
            self.total.add(d);
            if self.group_by.is_some() {
                self.groups.entry(d.group.clone()).or_default().add(d);
            }
            for s in &d.sources {
                let person = match s.kind {
                    SourceKind::Person => true,
                    SourceKind::Organization => false,
                    _ => continue,
                };
                if is_description(&s.name) {
                    continue;
                }
                let t = names.entry((person, merge_key(&s.name))).or_insert_with(|| NameTally { name: s.name.clone(), ..NameTally::default() });
                t.articles += 1;
                t.direct += s.direct;
                t.reported += s.reported;
                t.quoted_words += s.quoted_words;
                if person {
                    t.genders.add(s.gender);
                }
            }
        }
        let mut ranked: Vec<((bool, String), NameTally)> = names.into_iter().collect();
        ranked.sort_by(|(ka, a), (kb, b)| {
            (b.quotes(), b.quoted_words, b.articles).cmp(&(a.quotes(), a.quoted_words, a.articles)).then_with(|| ka.1.cmp(&kb.1))
        });
        for ((person, _), t) in ranked {
            let list = if person { &mut self.people } else { &mut self.organizations };
            if list.len() < self.top {
                list.push(t);
            }
        }
    }

    pub fn json(&self) -> String {
        let groups: Vec<Value> = self
            .groups
            .iter()
            .map(|(name, t)| {
                let mut v = t.to_json();
                v["group"] = json!(name);
                v
            })
            .collect();
        let v = json!({
            "articles": self.total.articles,
            "unreadable": self.unreadable,
            "group_by": self.group_by,
            "total": self.total.to_json(),
            "groups": groups,
            "top_people": self.people.iter().map(|t| t.to_json(true)).collect::<Vec<_>>(),
            "top_organizations": self.organizations.iter().map(|t| t.to_json(false)).collect::<Vec<_>>(),
        });
        serde_json::to_string(&v).unwrap_or_default()
    }

    pub fn csv(&self) -> String {
        let mut out = String::from("group,articles,articles_with_sources,sources,people,organizations,groups,anonymous,documents,unknown,women,men,non_binary,gender_not_stated,women_share_of_stated,anonymous_share,direct_quotes,reported_quotes,unattributed_quotes,quoted_words\n");
        let rows = std::iter::once(("all", &self.total)).chain(self.groups.iter().map(|(g, t)| (g.as_str(), t)));
        for (name, t) in rows {
            let share = |x: Option<f64>| x.map_or(String::new(), |x| format!("{:.3}", x));
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                csv_field(name),
                t.articles,
                t.with_sources,
                t.sources,
                t.kind(SourceKind::Person),
                t.kind(SourceKind::Organization),
                t.kind(SourceKind::Group),
                t.kind(SourceKind::Anonymous),
                t.kind(SourceKind::Document),
                t.kind(SourceKind::Unknown),
                t.people.woman,
                t.people.man,
                t.people.non_binary,
                t.people.not_stated,
                share(t.women_share()),
                share(t.anonymous_share()),
                t.direct,
                t.reported,
                t.unattributed,
                t.quoted_words
            );
        }
        out
    }

    /// The terminal table: one column for the archive and one per group (up to eight).
    pub fn table(&self) -> String {
        let mut cols: Vec<(&str, &Tally)> = vec![("all", &self.total)];
        let shown_groups = self.groups.len() <= 8;
        if shown_groups {
            cols.extend(self.groups.iter().map(|(g, t)| (g.as_str(), t)));
        }
        let pct = percent;
        type Row<'a> = (&'a str, Box<dyn Fn(&Tally) -> String + 'a>);
        let n = |f: fn(&Tally) -> usize| -> Box<dyn Fn(&Tally) -> String> { Box::new(move |t| thousands(f(t))) };
        let rows: Vec<Row> = vec![
            ("articles", n(|t| t.articles)),
            ("  with a source quoted", n(|t| t.with_sources)),
            ("sources", n(|t| t.sources)),
            ("  people", n(|t| t.kind(SourceKind::Person))),
            ("  organisations", n(|t| t.kind(SourceKind::Organization))),
            ("  groups", n(|t| t.kind(SourceKind::Group))),
            ("  anonymous", n(|t| t.kind(SourceKind::Anonymous))),
            ("  documents", n(|t| t.kind(SourceKind::Document))),
            ("  not sure", n(|t| t.kind(SourceKind::Unknown))),
            ("people, gender as stated", n(|t| t.people.people())),
            ("  women", n(|t| t.people.woman)),
            ("  men", n(|t| t.people.man)),
            ("  non-binary", n(|t| t.people.non_binary)),
            ("  not stated", n(|t| t.people.not_stated)),
            ("women among people whose gender is stated", Box::new(move |t| pct(t.women_share()))),
            ("anonymous sources, share of all sources", Box::new(move |t| pct(t.anonymous_share()))),
            ("quotes in quotation marks", n(|t| t.direct)),
            ("reported speech", n(|t| t.reported)),
            ("quotes with no source named", n(|t| t.unattributed)),
            ("quoted words", n(|t| t.quoted_words)),
        ];
        let label_w = rows.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
        let cells: Vec<Vec<String>> = rows.iter().map(|(_, f)| cols.iter().map(|(_, t)| f(t)).collect()).collect();
        let widths: Vec<usize> =
            (0..cols.len()).map(|c| cells.iter().map(|r| r[c].chars().count()).chain([cols[c].0.chars().count()]).max().unwrap_or(0)).collect();
        let mut out = String::new();
        let by = self.group_by.as_deref().map_or(String::new(), |g| format!(", {} by {g}", count(self.groups.len(), "group")));
        let _ = writeln!(out, "whosaid report: {}{by}\n", count(self.total.articles, "article"));
        let _ = write!(out, "{:label_w$}", "");
        for (c, (name, _)) in cols.iter().enumerate() {
            let _ = write!(out, "  {:>w$}", name, w = widths[c]);
        }
        out.push('\n');
        for ((label, _), row) in rows.iter().zip(&cells) {
            let _ = write!(out, "{label:label_w$}");
            for (c, cell) in row.iter().enumerate() {
                let _ = write!(out, "  {:>w$}", cell, w = widths[c]);
            }
            out.push('\n');
        }
        if !shown_groups {
            let _ = writeln!(out, "\n({} groups: see --format csv or --html for each)", self.groups.len());
        }
        for (title, list, person) in [("Most-quoted people", &self.people, true), ("Most-quoted organisations", &self.organizations, false)] {
            let _ = writeln!(out, "\n{title}");
            if list.is_empty() {
                let _ = writeln!(out, "  none");
            }
            let name_w = list.iter().map(|t| t.name.chars().count()).max().unwrap_or(0).min(40);
            for (i, t) in list.iter().enumerate() {
                let gender = if person { format!("  {}", t.gender().map_or("gender not stated", |g| g.as_str())) } else { String::new() };
                let name: String = t.name.chars().take(40).collect();
                let _ = writeln!(out, "  {:>2}. {name:name_w$}  {} in {}{gender}", i + 1, count(t.quotes(), "quote"), count(t.articles, "article"));
            }
        }
        out.push_str("\nGender is counted only as the articles state it (she/he, Ms/Mr, or .whosaid.toml); never guessed from a name.\n");
        if self.unreadable > 0 {
            let _ = writeln!(out, "{} could not be read (see the messages above).", count(self.unreadable, "article"));
        }
        out
    }
}

/// "12%", "0.4%" (under one per cent, so that a few are not shown as none), "–" for no figure.
pub fn percent(x: Option<f64>) -> String {
    match x {
        None => "–".into(),
        Some(x) if x > 0.0 && x < 0.01 => format!("{:.1}%", x * 100.0),
        Some(x) => format!("{:.0}%", x * 100.0),
    }
}

/// "1 quote", "2,163 articles".
pub fn count(n: usize, one: &str) -> String {
    format!("{} {one}{}", thousands(n), if n == 1 { "" } else { "s" })
}

pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per source per article, for pandas or a spreadsheet.
pub fn csv_sources(digests: &[ArticleDigest]) -> String {
    let mut out = String::from("article,group,name,role,kind,gender,direct_quotes,reported_quotes,quoted_words\n");
    for d in digests {
        for s in &d.sources {
            let gender = match (s.kind, s.gender) {
                (SourceKind::Person, Some(g)) => g.as_str(),
                (SourceKind::Person, None) => "not-stated",
                _ => "",
            };
            let _ = writeln!(
                out,
                "{},{},{},{},{},{gender},{},{},{}",
                csv_field(&d.id),
                csv_field(&d.group),
                csv_field(&s.name),
                csv_field(s.role.as_deref().unwrap_or("")),
                s.kind.as_str(),
                s.direct,
                s.reported,
                s.quoted_words
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_person_writes_them() {
        for (n, s) in [(0, "0"), (999, "999"), (1000, "1,000"), (2163, "2,163"), (1234567, "1,234,567")] {
            assert_eq!(thousands(n), s);
        }
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
    }

    #[test]
    fn descriptions_are_not_names() {
        for (name, description) in [
            ("the company", true),
            ("The firm", true),
            ("a spokesman", true),
            ("officials", true),
            ("the French presidency", false),
            ("the Electoral Commission", false),
            ("The Electoral Commission", false),
            ("Jen Psaki", false),
            ("AFP", false),
        ] {
            assert_eq!(is_description(name), description, "{name}");
        }
    }
}
