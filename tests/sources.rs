//! The source profile on short fictional articles: kinds, counts, and the gender the text states
//! (never one guessed from a first name).

use whosaid::analysis::sources::GenderBasis;
use whosaid::analysis::{analyze, source_profile, Analysis, Gender, KnownSpeaker, Options, Source, SourceKind, Sources};

/// An analysis with its source profile, as `whosaid check --format json` and `report` make them.
struct Profiled {
    a: Analysis,
    sources: Sources,
}

impl std::ops::Deref for Profiled {
    type Target = Analysis;
    fn deref(&self) -> &Analysis {
        &self.a
    }
}

fn analyse(text: &str, options: &Options) -> Profiled {
    let a = analyze(text, options);
    let sources = source_profile(text, &a, options);
    Profiled { a, sources }
}

fn run(text: &str) -> Profiled {
    analyse(text, &Options::default())
}

fn source<'a>(a: &'a Profiled, name: &str) -> &'a Source {
    a.sources
        .list
        .iter()
        .find(|s| a.speakers[s.speaker].name == name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = a.sources.list.iter().map(|s| a.speakers[s.speaker].name.as_str()).collect();
            panic!("no source {name:?} among {names:?}")
        })
}

#[test]
fn gender_is_what_the_text_states() {
    use GenderBasis::*;
    // (article, source name, stated gender, why)
    let cases: &[(&str, &str, Option<Gender>, GenderBasis)] = &[
        // A pronoun that surely refers to the person.
        ("Ana Ruiz said the pier would reopen. \"We are ready,\" Ruiz said. She added that the ferry would run.", "Ana Ruiz", Some(Gender::Woman), Text),
        ("Tomas Okafor said the bridge was safe. Okafor told reporters the cables were new. He said the work was done.", "Tomas Okafor", Some(Gender::Man), Text),
        // An honorific in a mention.
        ("Lena Hartley said the vote was late. Ms Hartley told the council it would meet again.", "Lena Hartley", Some(Gender::Woman), Text),
        ("Mrs Hartley said the vote was late.", "Hartley", Some(Gender::Woman), Text),
        ("Miss Hartley said the vote was late.", "Hartley", Some(Gender::Woman), Text),
        ("Mr. Lind said the vote was late.", "Lind", Some(Gender::Man), Text),
        ("Sir Tomas Berg said the vote was late.", "Tomas Berg", Some(Gender::Man), Text),
        ("Dame Ines Duarte said the vote was late.", "Ines Duarte", Some(Gender::Woman), Text),
        ("Lord Halloran said the vote was late.", "Halloran", Some(Gender::Man), Text),
        ("Baroness Quill said the vote was late.", "Quill", Some(Gender::Woman), Text),
        // A person noun and a pronoun.
        ("A police spokeswoman said the pier was safe. She said the ferry would run.", "A police spokeswoman", Some(Gender::Woman), Text),
        // Never from a first name, however common.
        ("Mary Lind said the vote was late.", "Mary Lind", None, NoEvidence),
        ("John Berg said the vote was late. Berg told reporters it would be held in May.", "John Berg", None, NoEvidence),
        // Both: two people taken for one, or a mistake; say nothing.
        ("Dana Whitfield said the roof leaks. Mr Whitfield said the council knew. Ms Whitfield said she would resign.", "Dana Whitfield", None, Conflict),
        // Two people named together speak as a group: no gender.
        ("\"It is a disgrace,\" Mr. Abel and Ms. Vance said.", "Mr. Abel and Ms. Vance", None, NotAPerson),
        // "Mx" is an honorific, not a gender.
        ("Mx Rowan Vale said the library would close.", "Rowan Vale", None, Neutral),
        // "Lord Mayor" is a title, not an honorific before a name.
        ("Lord Mayor Tim Hale said the fair would go ahead.", "Tim Hale", None, NoEvidence),
        // A pronoun alone, for a name given once in full and never again as people are named:
        // the engine may have taken a trophy or a company for a person.
        ("Tomas Okafor said the bridge was safe. He said the work was done.", "Tomas Okafor", None, Unsure),
        // Only people get a gender.
        ("The harbour board said the pier was safe. It said the ferry would run.", "The harbour board", None, NotAPerson),
    ];
    for (text, name, gender, basis) in cases {
        let a = run(text);
        let s = source(&a, name);
        assert_eq!((s.gender, s.basis), (*gender, *basis), "{name} in {text:?}: {}", s.gender_note(text));
    }
}

#[test]
fn configured_gender_wins_and_needs_no_text() {
    let known = |name: &str, gender| KnownSpeaker { name: name.into(), role: Some("harbour master".into()), gender: Some(gender) };
    let cases: &[(&str, KnownSpeaker, &str, Gender)] = &[
        ("Ines Duarte said the port would open.", known("Ines Duarte", Gender::Woman), "Ines Duarte", Gender::Woman),
        // The configured surname matches the full name in the article.
        ("Rowan Vale said the port would open.", known("Vale", Gender::NonBinary), "Rowan Vale", Gender::NonBinary),
        // The desk knows better than a pronoun the engine may have tied to the wrong person.
        ("Ines Duarte said the port would open. Duarte said he was glad.", known("Ines Duarte", Gender::Woman), "Ines Duarte", Gender::Woman),
    ];
    for (text, k, name, gender) in cases {
        let options = Options { known_speakers: vec![k.clone()], ..Options::default() };
        let a = analyse(text, &options);
        let s = source(&a, name);
        assert_eq!((s.gender, s.basis), (Some(*gender), GenderBasis::Configured), "{text}");
    }
    // A known speaker with no gender leaves the text to speak.
    let options = Options { known_speakers: vec![KnownSpeaker { name: "Ines Duarte".into(), ..KnownSpeaker::default() }], ..Options::default() };
    let a = analyse("Ines Duarte said the port would open.", &options);
    assert_eq!(source(&a, "Ines Duarte").gender, None);
}

#[test]
fn kinds_of_source() {
    let cases: &[(&str, &str, SourceKind)] = &[
        ("Ana Ruiz said the pier would reopen.", "Ana Ruiz", SourceKind::Person),
        ("The harbour board said the pier would reopen.", "The harbour board", SourceKind::Organization),
        ("Residents said the pier would reopen.", "Residents", SourceKind::Group),
        ("A source said the pier would reopen.", "A source", SourceKind::Anonymous),
        ("The report said the pier was unsafe.", "The report", SourceKind::Document),
        ("A new study says the pier is unsafe.", "A new study", SourceKind::Document),
        // "found" is evidence, not speech (docs/quotes.md): a survey is a source when it says.
        ("The survey says most residents want the pier back.", "The survey", SourceKind::Document),
        ("The statement said crossings would resume.", "The statement", SourceKind::Document),
        // The engine names the body behind a document as the source when the article does.
        ("A report by the harbour board said the pier was unsafe.", "the harbour board", SourceKind::Organization),
        ("According to official figures, rents rose by a third.", "official figures", SourceKind::Document),
    ];
    for (text, name, kind) in cases {
        let a = run(text);
        assert_eq!(source(&a, name).kind, *kind, "{text}");
        if *kind != SourceKind::Person {
            assert_eq!(source(&a, name).gender, None, "{text}");
        }
    }
}

#[test]
fn counts_quotes_words_and_mentions() {
    let text = "Pier to reopen\n\n\
        \"It was a long winter.\"\n\n\
        \"We are ready to open the pier,\" Mayor Ana Ruiz said on Monday.\n\n\
        Ruiz said the ferry would run by June. The harbour board said the cables were new.\n\n\
        \"Nobody told us,\" one fisherman complained. \"Not a word.\"\n\n\
        A source said the mayor had promised the date to the ferry company.";
    let a = run(text);
    let p = &a.sources;
    let ruiz = source(&a, "Ana Ruiz");
    assert_eq!((ruiz.direct.len(), ruiz.reported.len()), (1, 1));
    assert_eq!(ruiz.quoted_words, 7, "We are ready to open the pier");
    assert_eq!(ruiz.first_mention.text(text), "Mayor Ana Ruiz");
    // "the mayor" in the anonymous source's words is Ruiz too.
    assert_eq!(ruiz.last_mention.text(text), "the mayor");
    assert_eq!(a.quotes[ruiz.direct[0]].span.text(text), "\"We are ready to open the pier,\"");
    let board = source(&a, "The harbour board");
    assert_eq!((board.kind, board.direct.len(), board.reported.len(), board.quoted_words), (SourceKind::Organization, 0, 1, 0));
    // Two pieces of one quotation: one quote, both pieces' words.
    let fisherman = source(&a, "one fisherman");
    assert_eq!((fisherman.direct.len(), fisherman.quoted_words), (1, 6));
    assert_eq!(p.anonymous, 1);
    // "It was a long winter." stands alone in its paragraph: nobody is named for it.
    assert_eq!(p.unattributed, 1);
    assert_eq!(p.quoted_words, 5 + 7 + 6);
    let top = &p.list[p.top.expect("a most-quoted source")];
    assert_eq!(a.speakers[top.speaker].name, "Ana Ruiz");
    assert!((p.top_share() - 7.0 / 18.0).abs() < 1e-9);
    assert_eq!(p.list.len(), 4, "{:?}", p.list.iter().map(|s| &a.speakers[s.speaker].name).collect::<Vec<_>>());
    assert_eq!(p.people.people(), 2);
    assert_eq!(p.people.not_stated, 2);
}

#[test]
fn reported_speech_with_quoted_words_counts_once() {
    let text = "The minister said the plan was \"a disaster\" and would \"hurt families\".";
    let a = run(text);
    let s = source(&a, "The minister");
    assert_eq!((s.direct.len(), s.reported.len(), s.quoted_words), (0, 1, 4));
    assert_eq!(a.sources.quoted_words, 4);
}

#[test]
fn an_article_with_nobody_quoted_has_an_empty_profile() {
    let a = run("The pier reopened on Monday after a long winter.");
    assert!(a.sources.list.is_empty());
    assert_eq!((a.sources.quoted_words, a.sources.top, a.sources.top_share()), (0, None, 0.0));
}
