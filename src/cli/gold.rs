//! `whosaid eval` on whosaid's own gold format (`tests/gold/bbc.jsonl`): annotations by article id
//! and code-point offset with no article text, joined with a file of texts, and scored per quoted
//! stretch as `docs/annotation.md` defines items.
//!
//! Decisions:
//! - Each part of a predicted quote is one prediction (a quotation interrupted by its attribution
//!   is two stretches, as in the gold), carrying the quote's speaker, mention and cue.
//! - Nested items are scored as part of the item around them: a prediction with an `outer` quote
//!   is left out, and so is a gold item whose content lies inside another gold item's content
//!   (annotators differed on marking them; see tests/gold/README.md).
//! - Found, correct, speaker-mention overlap: the Gender Gap Tracker rules, as for PolNeAR.
//!   Speaker accuracy counts found items whose gold has a speaker; the resolved-speaker figure asks
//!   whether the predicted speaker has a mention overlapping the gold name (pronouns resolved).
//!   Cue-head accuracy counts found items with a gold cue: the predicted cue's head (the engine's
//!   `Cue::head`, "said" in "has also said") equals the gold cue, lower-cased.

use super::eval::{coverage, f1, normalize_cue, pct, CharMap, CUE_PREFIX_WORDS};
use crate::analysis::{Analysis, Span};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fmt::Write as _;

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Content, in chars (code points), half-open; so are the other spans.
    pub content: (usize, usize),
    pub speaker: Option<(usize, usize)>,
    /// The fullest mention of the speaker (who "he" is).
    pub name: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    pub kind: String,
}

#[derive(Clone, Debug)]
pub struct Article {
    pub id: String,
    pub category: String,
    pub text: String,
    pub items: Vec<Item>,
}

/// Is this gold file in whosaid's own format (no article text on its lines)?
pub fn is_own_format(data: &str) -> bool {
    data.lines()
        .find(|l| !l.trim().is_empty())
        .and_then(|l| serde_json::from_str::<Value>(l).ok())
        .is_some_and(|v| v.get("text").is_none() && v.get("id").is_some())
}

/// Article texts by id from JSON lines `{"id", "text", "category"?}`.
pub fn parse_texts(data: &str) -> Result<HashMap<String, (String, String)>, String> {
    let mut out = HashMap::new();
    for (n, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: not valid JSON: {e}", n + 1))?;
        let (Some(id), Some(text)) = (v.get("id").and_then(Value::as_str), v.get("text").and_then(Value::as_str)) else {
            return Err(format!("line {}: expected \"id\" and \"text\" strings", n + 1));
        };
        let category = v.get("category").and_then(Value::as_str).unwrap_or("").to_string();
        out.insert(id.to_string(), (text.to_string(), category));
    }
    Ok(out)
}

fn span(q: &Map<String, Value>, a: &str, b: &str, chars: usize) -> Option<(usize, usize)> {
    let get = |k: &str| q.get(k).and_then(Value::as_u64).map(|v| v as usize);
    match (get(a), get(b)) {
        (Some(s), Some(e)) if s <= e && e <= chars => Some((s, e)),
        _ => None,
    }
}

/// Gold lines joined with their texts. An id with no text is an error: the files do not match.
pub fn parse(data: &str, texts: &HashMap<String, (String, String)>) -> Result<Vec<Article>, String> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: not valid JSON: {e}", n + 1))?;
        let id = v.get("id").and_then(Value::as_str).ok_or_else(|| format!("line {}: no \"id\"", n + 1))?;
        let (text, category) = texts.get(id).ok_or_else(|| format!("line {}: no text for article `{id}` in the texts file", n + 1))?;
        let chars = text.chars().count();
        let mut items = Vec::new();
        for q in v.get("quotes").and_then(Value::as_array).map_or(&[][..], Vec::as_slice) {
            let q = q.as_object().ok_or_else(|| format!("line {}: each quote must be an object", n + 1))?;
            let content = span(q, "start", "end", chars).ok_or_else(|| format!("line {}: a quote's start/end lie outside `{id}`", n + 1))?;
            items.push(Item {
                content,
                speaker: span(q, "speaker_start", "speaker_end", chars),
                name: span(q, "name_start", "name_end", chars),
                cue: span(q, "cue_start", "cue_end", chars),
                kind: q.get("kind").and_then(Value::as_str).unwrap_or("direct").to_string(),
            });
        }
        out.push(Article { id: id.to_string(), category: category.clone(), text: text.clone(), items });
    }
    Ok(out)
}

/// One predicted stretch.
struct Pred {
    content: (usize, usize),
    mention: Option<(usize, usize)>,
    /// Every mention of the predicted speaker.
    speaker_mentions: Vec<(usize, usize)>,
    cue_head: Option<String>,
}

/// The predicted stretches of an analysis of `text` (see the module docs).
fn predictions(a: &Analysis, text: &str, map: &CharMap) -> Vec<Pred> {
    let mut out = Vec::new();
    for q in a.quotes.iter().filter(|q| q.outer.is_none()) {
        let speaker_mentions: Vec<(usize, usize)> =
            q.speaker.and_then(|s| a.speakers.get(s)).map_or(Vec::new(), |s| s.mentions.iter().map(|m| map.span_to_chars(m.span)).collect());
        // The engine's own head ("said" in "has also said"), compared as the gold's is.
        let cue_head = q.cue.as_ref().map(|c| cue_head(c.head.text(text)));
        for p in q.stretches() {
            out.push(Pred {
                content: map.span_to_chars(*p),
                mention: q.speaker_mention.map(|m| map.span_to_chars(m)),
                speaker_mentions: speaker_mentions.clone(),
                cue_head: cue_head.clone(),
            });
        }
    }
    out
}

/// The head of a gold cue as written, lower-cased: its verb without auxiliaries, negation and
/// adverbs, with a particle ("pointed out"); "according to" whole; a colon or dash as is. (The
/// annotators marked the head; this evens out the few that took an auxiliary with it.)
fn cue_head(text: &str) -> String {
    let c = normalize_cue(text);
    if c.is_empty() {
        return text.trim().to_string();
    }
    let words: Vec<&str> = c.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(at) = words.iter().position(|w| !CUE_PREFIX_WORDS.contains(w) && !(w.len() > 4 && w.ends_with("ly"))) else {
        return c;
    };
    match (words[at], words.get(at + 1)) {
        ("according", Some(&"to")) => "according to".into(),
        (w, Some(p)) if matches!(*p, "out" | "up" | "back") => format!("{w} {p}"),
        (w, _) => w.to_string(),
    }
}

/// Gold items not nested inside another item's content.
fn outermost(items: &[Item]) -> Vec<&Item> {
    items
        .iter()
        .enumerate()
        .filter(|&(i, g)| {
            !items.iter().enumerate().any(|(j, o)| {
                j != i && o.content.0 <= g.content.0 && g.content.1 <= o.content.1 && (o.content != g.content || j < i)
            })
        })
        .map(|(_, g)| g)
        .collect()
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub articles: usize,
    pub gold: usize,
    pub pred: usize,
    pub pred_ok03: usize,
    pub pred_ok08: usize,
    pub found03: usize,
    pub found08: usize,
    pub with_speaker: usize,
    pub speaker_ok: usize,
    pub with_name: usize,
    pub resolved_ok: usize,
    pub no_speaker: usize,
    pub no_speaker_ok: usize,
    pub with_cue: usize,
    pub cue_ok: usize,
    /// Per category: (gold, found at 0.3, predictions, correct at 0.3).
    pub by_category: std::collections::BTreeMap<String, [usize; 4]>,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Score one article; `errors` collects what an engine developer looks at.
pub fn score(art: &Article, a: &Analysis, t: &mut Tally, mut errors: Option<&mut Vec<String>>) {
    let map = CharMap::new(&art.text);
    let show = |s: (usize, usize)| -> String {
        let (Some(b0), Some(b1)) = (map.to_byte(s.0), map.to_byte(s.1)) else { return String::new() };
        super::output::excerpt(&art.text, Span::new(b0, b1), 90)
    };
    let preds = predictions(a, &art.text, &map);
    let gold = outermost(&art.items);
    let cat = t.by_category.entry(art.category.clone()).or_default();
    t.articles += 1;
    t.pred += preds.len();
    cat[2] += preds.len();
    for p in &preds {
        let best = gold.iter().map(|g| coverage(&[p.content], g.content)).fold(0.0, f64::max);
        t.pred_ok03 += usize::from(best > 0.3);
        t.pred_ok08 += usize::from(best > 0.8);
        cat[3] += usize::from(best > 0.3);
        if let (Some(errs), false) = (errors.as_deref_mut(), best > 0.3) {
            errs.push(format!("[{}] extra: “{}”", art.id, show(p.content)));
        }
    }
    for g in gold {
        t.gold += 1;
        cat[0] += 1;
        let best = preds.iter().map(|p| (p, coverage(&[p.content], g.content))).max_by(|x, y| x.1.total_cmp(&y.1));
        let cov = best.as_ref().map_or(0.0, |b| b.1);
        t.found08 += usize::from(cov > 0.8);
        let Some((p, _)) = best.filter(|_| cov > 0.3) else {
            if let Some(errs) = errors.as_deref_mut() {
                errs.push(format!("[{}] missed {}: “{}”", art.id, g.kind, show(g.content)));
            }
            continue;
        };
        t.found03 += 1;
        cat[1] += 1;
        match g.speaker {
            Some(gs) => {
                t.with_speaker += 1;
                let ok = p.mention.is_some_and(|m| overlaps(m, gs));
                t.speaker_ok += usize::from(ok);
                if let (Some(errs), false) = (errors.as_deref_mut(), ok) {
                    errs.push(format!("[{}] speaker: gold “{}”, predicted “{}” for “{}”", art.id, show(gs), p.mention.map(show).unwrap_or_default(), show(g.content)));
                }
            }
            None => {
                t.no_speaker += 1;
                t.no_speaker_ok += usize::from(p.mention.is_none());
            }
        }
        if let Some(gn) = g.name {
            t.with_name += 1;
            t.resolved_ok += usize::from(p.speaker_mentions.iter().any(|&m| overlaps(m, gn)) || p.mention.is_some_and(|m| overlaps(m, gn)));
        }
        if let Some(gc) = g.cue {
            t.with_cue += 1;
            let want = cue_head(&show(gc));
            let ok = p.cue_head.as_deref() == Some(want.as_str());
            t.cue_ok += usize::from(ok);
            if let (Some(errs), false) = (errors.as_deref_mut(), ok) {
                errs.push(format!("[{}] cue: gold “{want}”, predicted “{}” for “{}”", art.id, p.cue_head.as_deref().unwrap_or(""), show(g.content)));
            }
        }
    }
}

/// The figures, in a fixed order (metric name, percent). Names carry a `gold_` prefix so one floor
/// file can hold them beside the PolNeAR figures.
pub fn figures(t: &Tally) -> Vec<(&'static str, Option<f64>)> {
    let (p3, r3) = (pct(t.pred_ok03, t.pred), pct(t.found03, t.gold));
    let (p8, r8) = (pct(t.pred_ok08, t.pred), pct(t.found08, t.gold));
    vec![
        ("gold_precision_0.3", p3),
        ("gold_recall_0.3", r3),
        ("gold_f1_0.3", f1(p3, r3)),
        ("gold_precision_0.8", p8),
        ("gold_recall_0.8", r8),
        ("gold_f1_0.8", f1(p8, r8)),
        ("gold_speaker_accuracy", pct(t.speaker_ok, t.with_speaker)),
        ("gold_resolved_speaker_accuracy", pct(t.resolved_ok, t.with_name)),
        ("gold_no_speaker_accuracy", pct(t.no_speaker_ok, t.no_speaker)),
        ("gold_cue_head_accuracy", pct(t.cue_ok, t.with_cue)),
    ]
}

pub fn figure_names() -> Vec<&'static str> {
    figures(&Tally::default()).into_iter().map(|(k, _)| k).collect()
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("n/a".into(), |v| format!("{v:.1}"))
}

pub fn human_report(gold: &std::path::Path, t: &Tally) -> String {
    let f: HashMap<&str, Option<f64>> = figures(t).into_iter().collect();
    let g = |k: &str| fmt(f[k]);
    let mut o = String::new();
    let _ = writeln!(o, "whosaid eval on {} (scored per quoted stretch)", gold.display());
    let _ = writeln!(o, "  {} articles, {} gold items (nested ones scored with the item around them), {} predicted stretches\n", t.articles, t.gold, t.pred);
    let _ = writeln!(o, "                                   precision   recall      F1");
    let _ = writeln!(o, "    overlap > 0.3                  {:>7}  {:>7}  {:>7}", g("gold_precision_0.3"), g("gold_recall_0.3"), g("gold_f1_0.3"));
    let _ = writeln!(o, "    overlap > 0.8                  {:>7}  {:>7}  {:>7}", g("gold_precision_0.8"), g("gold_recall_0.8"), g("gold_f1_0.8"));
    let _ = writeln!(o, "  among found items (> 0.3)");
    let _ = writeln!(o, "    speaker mention (gold has one) {:>7}   ({}/{})", g("gold_speaker_accuracy"), t.speaker_ok, t.with_speaker);
    let _ = writeln!(o, "    speaker resolved to the name   {:>7}   ({}/{})", g("gold_resolved_speaker_accuracy"), t.resolved_ok, t.with_name);
    let _ = writeln!(o, "    no speaker, none predicted     {:>7}   ({}/{})", g("gold_no_speaker_accuracy"), t.no_speaker_ok, t.no_speaker);
    let _ = writeln!(o, "    cue head                       {:>7}   ({}/{})", g("gold_cue_head_accuracy"), t.cue_ok, t.with_cue);
    let _ = writeln!(o, "  by category                      precision   recall   (> 0.3)");
    for (c, [gold, found, pred, ok]) in &t.by_category {
        let _ = writeln!(o, "    {:<30} {:>7}  {:>7}   ({ok}/{pred}, {found}/{gold})", if c.is_empty() { "(none)" } else { c }, fmt(pct(*ok, *pred)), fmt(pct(*found, *gold)));
    }
    o
}

pub fn json_report(gold: &std::path::Path, t: &Tally) -> Value {
    let mut m = Map::new();
    m.insert("gold".into(), Value::from(gold.display().to_string()));
    m.insert("articles".into(), Value::from(t.articles));
    m.insert("gold_items".into(), Value::from(t.gold));
    m.insert("predicted_stretches".into(), Value::from(t.pred));
    for (k, v) in figures(t) {
        m.insert(k.into(), v.map_or(Value::Null, |v| Value::from((v * 100.0).round() / 100.0)));
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "“We lost our shape,” said Tom Reyes. “The second half was poor.” Reyes later told reporters the squad was tired.";

    fn cp(needle: &str) -> (usize, usize) {
        let b = TEXT.find(needle).expect(needle);
        let s = TEXT[..b].chars().count();
        (s, s + needle.chars().count())
    }

    fn item(content: &str, speaker: Option<&str>, cue: Option<&str>) -> Item {
        Item { content: cp(content), speaker: speaker.map(cp), name: speaker.map(|_| cp("Tom Reyes")), cue: cue.map(cp), kind: "direct".into() }
    }

    fn article(items: Vec<Item>) -> Article {
        Article { id: "sport/1".into(), category: "sport".into(), text: TEXT.into(), items }
    }

    #[test]
    fn own_format_is_told_apart_from_polnear_lines() {
        assert!(is_own_format("{\"id\": \"a\", \"quotes\": []}\n"));
        assert!(!is_own_format("{\"id\": \"a\", \"text\": \"x\", \"quotes\": []}\n"));
        assert!(!is_own_format(""));
    }

    #[test]
    fn gold_lines_join_their_texts_by_id() {
        let texts = parse_texts("{\"id\": \"sport/1\", \"category\": \"sport\", \"text\": \"Abc said it.\"}\n").unwrap();
        let arts = parse("{\"id\": \"sport/1\", \"quotes\": [{\"start\": 0, \"end\": 3, \"kind\": \"indirect\"}]}", &texts).unwrap();
        assert_eq!(arts[0].text, "Abc said it.");
        assert_eq!(arts[0].items[0].content, (0, 3));
        assert_eq!(arts[0].category, "sport");
        assert!(parse("{\"id\": \"other\", \"quotes\": []}", &texts).unwrap_err().contains("no text for article `other`"));
        assert!(parse("{\"id\": \"sport/1\", \"quotes\": [{\"start\": 0, \"end\": 99}]}", &texts).is_err());
    }

    #[test]
    fn an_item_inside_another_is_scored_with_it() {
        let outer = Item { content: (0, 50), speaker: None, name: None, cue: None, kind: "indirect".into() };
        let inner = Item { content: (10, 20), ..outer.clone() };
        let apart = Item { content: (60, 70), ..outer.clone() };
        let items = [outer.clone(), inner, apart.clone()];
        let kept: Vec<(usize, usize)> = outermost(&items).iter().map(|i| i.content).collect();
        assert_eq!(kept, vec![outer.content, apart.content]);
    }

    #[test]
    fn cue_heads_drop_auxiliaries_and_adverbs() {
        for (cue, head) in [("said", "said"), ("has also said", "said"), ("Told", "told"), ("pointed out", "pointed out"), ("according to", "according to"), ("was quickly quoted", "quoted"), (":", ":")] {
            assert_eq!(cue_head(cue), head, "{cue}");
        }
    }

    fn by(needle: &str) -> Span {
        let b = TEXT.find(needle).expect(needle);
        Span::new(b, b + needle.len())
    }

    /// What the engine gives for TEXT: one quotation in two parts, one reported clause.
    fn predicted() -> Analysis {
        use crate::analysis::*;
        // The cue as written and its head: "later told" is headed by "told".
        let cue = |w: &str| {
            let head = w.rsplit(' ').next().unwrap_or(w);
            let at = by(w).start + w.len() - head.len();
            Some(Cue { span: by(w), text: w.into(), kind: CueKind::Verb, head: Span::new(at, at + head.len()), lemma: head.to_string().into() })
        };
        let quote = |id, kind, parts: Vec<Span>, mention: &str, c: &str| Quote {
            id,
            kind,
            span: parts[0].cover(*parts.last().unwrap()),
            parts: parts.into(),
            speaker: Some(0),
            speaker_mention: Some(by(mention)),
            cue: cue(c),
            resolution: Resolution::Named,
            outer: None,
        };
        Analysis {
            speakers: vec![Speaker {
                id: 0,
                name: "Tom Reyes".into(),
                short_name: "Reyes".into(),
                role: None,
                kind: SpeakerKind::Person,
                mentions: vec![Mention { span: by("Tom Reyes"), kind: MentionKind::Full }, Mention { span: by("Reyes later"), kind: MentionKind::Short }],
            }],
            quotes: vec![
                quote(0, QuoteKind::Direct, vec![by("“We lost our shape,”"), by("“The second half was poor.”")], "Tom Reyes", "said"),
                quote(1, QuoteKind::Indirect, vec![by("the squad was tired")], "Reyes later", "later told"),
            ],
            ..Analysis::default()
        }
    }

    #[test]
    fn each_stretch_of_a_split_quotation_is_scored_as_an_item() {
        let art = article(vec![
            item("“We lost our shape,”", Some("Tom Reyes"), Some("said")),
            item("“The second half was poor.”", Some("Tom Reyes"), Some("said")),
            item("the squad was tired", Some("Reyes later"), Some("told")),
        ]);
        let mut t = Tally::default();
        let mut errors = Vec::new();
        score(&art, &predicted(), &mut t, Some(&mut errors));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!((t.gold, t.found03, t.pred, t.pred_ok03), (3, 3, 3, 3), "two stretches and one reported clause");
        assert_eq!((t.speaker_ok, t.resolved_ok, t.cue_ok), (3, 3, 3));
    }

    #[test]
    fn a_wrong_speaker_and_a_missed_item_are_counted() {
        let art = article(vec![item("“We lost our shape,”", Some("reporters"), Some("told")), item("half was", None, None)]);
        let mut t = Tally::default();
        let mut errors = Vec::new();
        score(&art, &predicted(), &mut t, Some(&mut errors));
        assert_eq!((t.speaker_ok, t.cue_ok), (0, 0));
        assert_eq!(t.pred_ok03, 2, "the reported clause matches no gold item");
        assert!(errors.iter().any(|e| e.contains("speaker: gold “reporters”")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("extra: “the squad was tired”")), "{errors:?}");
    }
}
