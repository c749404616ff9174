//! The engine on small fictional news sentences: who speaks, with which cue, and what is flagged.

use whosaid::analysis::{analyze, Format, KnownSpeaker, Options, QuoteKind, RuleSetting, Severity, SpeakerKind};

fn run(text: &str) -> whosaid::analysis::Analysis {
    analyze(text, &Options::default())
}

/// (quoted words to find, expected speaker name, expected cue text)
fn speaker_of(text: &str, needle: &str) -> (Option<String>, Option<String>) {
    let a = run(text);
    let q = a
        .quotes
        .iter()
        .filter(|q| q.span.text(text).contains(needle) || q.parts.iter().any(|p| p.text(text).contains(needle)))
        .min_by_key(|q| q.span.len())
        .unwrap_or_else(|| panic!("no quote containing {needle:?} in {text:?}: {:#?}", a.quotes));
    (q.speaker.map(|s| a.speakers[s].name.clone()), q.cue.as_ref().map(|c| c.text.to_string()))
}

#[test]
fn direct_quotes_get_their_speaker_and_cue() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("“We will rebuild the pier,” Mayor Lena Hartley said on Monday.", "rebuild", "Lena Hartley", "said"),
        ("\"We will rebuild the pier,\" said Lena Hartley, the mayor.", "rebuild", "Lena Hartley", "said"),
        ("Lena Hartley said: “We will rebuild the pier.”", "rebuild", "Lena Hartley", "said"),
        ("“Nobody was hurt,” the county fire department said in a statement.", "Nobody", "the county fire department", "said"),
        ("“Nobody was hurt,” a statement by the county fire department said.", "Nobody", "the county fire department", "said"),
        ("„Wir bauen neu“, sagte Hartley. “We will rebuild,” Hartley told reporters.", "We will", "Hartley", "told"),
        ("«Nous reconstruirons», a dit la maire. “We will rebuild,” Ms. Hartley said.", "We will", "Hartley", "said"),
        ("“The vote is final,” council spokeswoman Priya Nair said in a release.", "vote", "Priya Nair", "said"),
        ("“It is time,” Dr. Omar Haddad, a surgeon at the county hospital, said.", "time", "Omar Haddad", "said"),
        ("“It is time,” Omar Haddad, who runs the clinic, said.", "time", "Omar Haddad", "said"),
        ("“The water is safe,” Rep. Dana Whitfield (D-Ore.) said.", "water", "Dana Whitfield", "said"),
        ("“We are ready.” — Coach Marta Silva", "ready", "Marta Silva", "—"),
        ("Lena Hartley continued:\n\n“We will rebuild the pier.”", "rebuild", "Lena Hartley", "continued"),
        ("HARTLEY: We will rebuild the pier before winter.", "rebuild", "HARTLEY", ":"),
        ("“We are ready,” Wasserman said.", "ready", "Wasserman", "said"),
        ("“We will march,” Quina Jones, 25, said as she left.", "march", "Quina Jones", "said"),
        ("“The rules do not hold,” said 31-year-old teacher Ana Ruiz.", "rules", "Ana Ruiz", "said"),
        ("“The ferry must run 24/7,” said 40 residents in a letter.", "ferry", "40 residents", "said"),
        ("“The ban will go,” Council Leader Mitch Connell, R-Ky., said Tuesday.", "ban", "Mitch Connell", "said"),
        ("Mook told WKRN, “We are focused on the ferries.”", "ferries", "Mook", "told"),
        ("Kane said on the other hand, “the current system works for most people.”", "current system", "Kane", "said"),
        ("Kane said, in the same breath, “the plan is dead.”", "plan is dead", "Kane", "said"),
        ("Ruiz spoke of the plan: “It is the best we have seen.”", "best we have", "Ruiz", "spoke"),
        ("The tide came in, and Ana Ruiz says of Kane, “He will sell the pier.”", "sell the pier", "Ana Ruiz", "says"),
        ("Mayor Hartley Says Harbour Pier Will Reopen ‘Before the Storms’\n\nThe pier closed in March.", "Storms", "Hartley", "Says"),
        ("The transcript follows.\n\n\"HARTLEY: We will rebuild the pier.\n\n\"OKAFOR: The money is not there yet.", "money", "OKAFOR", ":"),
        // A participle that introduces the quotation is its cue: with the person right before
        // it, else with the clause's subject.
        ("The video shows the governor asking, “Why is nobody listening to us?”", "nobody listening", "the governor", "asking"),
        ("Lena Ortiz hums a ballad to the mayor before asking her, “Where do we go from here?”", "go from here", "Lena Ortiz", "asking"),
        ("When pressed, the 34-year-old mother of three replied, \"It is meant to help the mother.\"", "meant to help", "the 34-year-old mother of three", "replied"),
        // Two people named together speak as one source.
        ("“It is a disgrace,” Mr. Abel and Ms. Vance said.", "disgrace", "Mr. Abel and Ms. Vance", "said"),
        // A nickname in quotation marks is part of the name, not a quotation.
        ("\"It is a big night!\" Mara \"Bee\" Quill shouted to the crowd.", "big night", "Mara \"Bee\" Quill", "shouted"),
        ("“It is a big night!” Mara “Bee” Quill said.", "big night", "Mara “Bee” Quill", "said"),
        // "state" before a title is a noun, so the verb after the name is the cue; the
        // description before the name is her role, the name speaks.
        ("“It is a big night!” the mayor's niece, state Sen. Mara Quill, shouted.", "big night", "Mara Quill", "shouted"),
    ];
    for (text, needle, who, cue) in cases {
        let (speaker, got_cue) = speaker_of(text, needle);
        assert_eq!(speaker.as_deref(), Some(*who), "speaker in {text:?}");
        assert_eq!(got_cue.as_deref(), Some(*cue), "cue in {text:?}");
    }
}

#[test]
fn pronouns_surnames_and_roles_resolve_to_the_first_full_mention() {
    let text = "Governor Helen Marsh signed the bill on Friday. “This is a good day,” she said.\n\n\
                Marsh later told reporters that the state would pay for the repairs.\n\n\
                “We owe it to the towns,” the governor said.";
    let a = run(text);
    let marsh = a.speakers.iter().find(|s| s.name == "Helen Marsh").expect("Helen Marsh is a speaker");
    assert_eq!(marsh.kind, SpeakerKind::Person);
    assert_eq!(marsh.role.as_deref(), Some("Governor"));
    assert_eq!(a.quotes_of(marsh.id).count(), 3, "{:#?}", a.quotes);
    assert!(a.unattributed_quotes().next().is_none());

    // A title that begins with a body's name is still a person's: only the longest title counts.
    for (text, who, kind) in [
        ("White House spokeswoman Dana Pruitt said the talks were useful.", "Dana Pruitt", SpeakerKind::Person),
        ("The White House said the talks were useful.", "The White House", SpeakerKind::Organization),
    ] {
        let a = run(text);
        let s = a.speakers.iter().find(|s| s.name == who).unwrap_or_else(|| panic!("{who} in {:#?}", a.speakers));
        assert_eq!(s.kind, kind, "{text}");
    }
}

#[test]
fn he_and_she_follow_gender_and_recency() {
    let text = "Maria Lopez and Daniel Reyes met on Tuesday. “It went well,” he said. “We agreed on nothing,” she said.";
    assert_eq!(speaker_of(text, "went well").0.as_deref(), Some("Daniel Reyes"));
    assert_eq!(speaker_of(text, "agreed").0.as_deref(), Some("Maria Lopez"));
}

#[test]
fn split_and_continued_quotes_keep_one_speaker() {
    let text = "“The bridge is safe,” engineer Tomas Okafor said, “but it will not stay safe for long.”\n\n\
                “We need the money now,” Okafor said. “Every winter makes it worse.”";
    let a = run(text);
    let okafor = a.speakers.iter().position(|s| s.name == "Tomas Okafor").unwrap();
    let split = a.quotes.iter().find(|q| q.span.text(text).contains("bridge is safe")).unwrap();
    assert_eq!(split.parts.len(), 2);
    assert_eq!(split.speaker, Some(okafor));
    let cont = a.quotes.iter().find(|q| q.parts.iter().any(|p| p.text(text).contains("Every winter"))).unwrap();
    assert_eq!(cont.speaker, Some(okafor));

    // A quotation after reported speech in the same paragraph is the same source's, with its cue;
    // so is one that opens the next paragraph when the reported speech ends the paragraph before;
    // one before the reported speech is not.
    let text = "Okafor said the repairs would take a year. “We have waited long enough.”\n\n\
                The council met on Friday.\n\n\
                “Nobody told us anything.” Later, Mayor Ruth Ames said the ferry would run.\n\n\
                “The ferry is late again.”";
    let a = run(text);
    let q = |needle: &str| a.quotes.iter().find(|q| q.span.text(text).contains(needle)).unwrap();
    let waited = q("waited long");
    assert_eq!(waited.speaker.map(|s| a.speakers[s].name.as_str()), Some("Okafor"));
    assert_eq!(waited.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    assert_eq!(waited.speaker_mention.map(|m| m.text(text)), Some("Okafor"));
    assert_eq!(q("Nobody told").speaker, None);
    // A participle after the first quotation does not take the next one.
    let text2 = "“We cannot change what we do not know,” Lena Marsh said, stressing why the archive matters. “What we need is money.”";
    let a2 = run(text2);
    let money = a2.quotes.iter().find(|q| q.span.text(text2).contains("need is money")).unwrap();
    assert_eq!(money.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    assert_eq!(money.speaker.map(|s| a2.speakers[s].name.as_str()), Some("Lena Marsh"));
    assert_eq!(q("ferry is late").speaker.map(|s| a.speakers[s].name.as_str()), Some("Ruth Ames"));
    // Not when another sentence ends that paragraph.
    let text3 = "Mayor Ruth Ames said the ferry would run. The council agreed.\n\n“The ferry is late again.”";
    let a3 = run(text3);
    assert_eq!(a3.quotes.iter().find(|q| q.span.text(text3).contains("ferry is late")).unwrap().speaker, None);
}

#[test]
fn multi_paragraph_quotation_is_one_quote() {
    let text = "“The first thing we did was count the boats.\n\n“Then we called the coastguard,” harbour master Ewan Pike said.";
    let a = run(text);
    assert_eq!(a.quotes.len(), 1, "{:#?}", a.quotes);
    assert_eq!(a.speakers[a.quotes[0].speaker.unwrap()].name, "Ewan Pike");
    assert!(a.findings.iter().all(|f| f.code != "unbalanced-quotes"));
}

#[test]
fn reported_speech_and_nesting() {
    let text = "The ministry said that the port authority told inspectors that the cranes were unsafe, the agency Nordpress reported.";
    let a = run(text);
    let names: Vec<&str> = a.quotes.iter().filter_map(|q| q.speaker.map(|s| a.speakers[s].name.as_str())).collect();
    assert!(names.contains(&"Nordpress"), "{names:?}");
    assert!(names.contains(&"The ministry"), "{names:?}");
    assert!(names.contains(&"the port authority"), "{names:?}");
    let inner = a.quotes.iter().find(|q| q.speaker.is_some_and(|s| a.speakers[s].name == "the port authority")).unwrap();
    assert_eq!(inner.kind, QuoteKind::Indirect);
    assert!(inner.span.text(text).starts_with("the cranes were unsafe"), "{}", inner.span.text(text));
    assert!(inner.outer.is_some());
}

#[test]
fn indirect_patterns() {
    let cases: &[(&str, &str, &str)] = &[
        ("The school will reopen on Monday, the district said.", "reopen", "the district"),
        // A day or month inside a paper's name ("the Sunday Tribune") is part of it.
        ("The school will reopen on Friday, the Sunday Tribune reported.", "reopen", "Sunday Tribune"),
        ("The Sunday Tribune said the school would reopen.", "would reopen", "Sunday Tribune"),
        ("On Sunday the district said the school would reopen.", "would reopen", "the district"),
        ("The school will reopen on Monday, said district spokesman Alan Cho.", "reopen", "Alan Cho"),
        ("Kane said 40 percent of the voters backed the plan.", "voters backed", "Kane"),
        ("The New York state attorney general said the fund was not registered.", "fund was not", "The New York state attorney general"),
        ("Council members say president Kane misled them.", "misled them", "Council members"),
        ("At the hearing, residents say president Kane misled them.", "misled them", "residents"),
        ("According to the district, the school will reopen on Monday.", "reopen", "the district"),
        ("The school will reopen on Monday, according to the district.", "reopen", "the district"),
        ("Alan Cho told parents the school would reopen on Monday.", "reopen", "Alan Cho"),
        ("The repairs, Alan Cho said, would take a week.", "repairs", "Alan Cho"),
        ("Alan Cho toured the school on Tuesday and said the roof would be fixed.", "roof", "Alan Cho"),
        ("Parents thanked Alan Cho, who says the roof will be fixed by spring.", "roof", "Alan Cho"),
        ("Alan Cho said after the meeting he would ask for more money.", "more money", "Alan Cho"),
        ("Another 41 percent said they would not vote for either candidate.", "either candidate", "Another 41 percent"),
        ("Alan Cho told WKRN's “Morning Desk” that the school would reopen.", "would reopen", "Alan Cho"),
        ("The bridge “is safe for now,” Alan Cho said on Monday.", "The bridge", "Alan Cho"),
        ("The repairs “will not wait,” says Alan Cho, the district engineer.", "The repairs", "Alan Cho"),
        ("Alan Cho spoke about how the town had endured a long winter.", "long winter", "Alan Cho"),
        ("The district has vowed to rebuild the gym by spring.", "rebuild the gym", "The district"),
        ("Alan Cho urged parents to keep their children home on Friday.", "keep their children", "Alan Cho"),
        ("Mayor Lena Hartley, opening the new pier on Saturday, said it would bring the ferries back.", "bring the ferries", "Lena Hartley"),
        ("Dr. Omar Haddad, 61, a surgeon who has worked at the clinic since 1990, said the wing would close.", "wing would close", "Omar Haddad"),
        ("I told the council in March that the budget was late.", "budget was late", "the writer"),
        ("Alan Cho ran the district office, which closed in 2015, and said he would not return.", "would not return", "Alan Cho"),
        ("“We live in a hard town,” my father often said.", "hard town", "my father"),
        ("Fishermen often say the river gives and takes.", "gives and takes", "Fishermen"),
        // "--" typed for a dash sets off an aside like "—".
        ("Jane Dorsey, the head of Ora Films -- the studio that owns the show -- told me that it would end.", "it would end", "Jane Dorsey"),
        ("“We will reopen,” Alan Cho said. And perhaps, he said, the gym could follow by spring.", "the gym could follow", "Alan Cho"),
        ("Alan Cho set a goal of “Schools First.” He told parents that he wants a gym “fit for the whole town.”", "he wants a gym", "Alan Cho"),
        // A participle after a preposition reports with the clause's subject.
        ("Ana Ruiz was criticised at the hearing for saying that the tea cured colds.", "tea cured colds", "Ana Ruiz"),
        ("Ana Ruiz apologised on Monday after saying that the ferry was unsafe.", "ferry was unsafe", "Ana Ruiz"),
        ("Abel and Vance said the pier was closed.", "pier was closed", "Abel and Vance"),
        ("Ana Vance and Tom Abel said the pier was closed. Later, Vance said it would reopen.", "would reopen", "Vance"),
        ("Even Norland, Kestria's only ally, said it was “firmly opposed” to the test.", "to the test", "Norland"),
        // A group with its description, set off by commas; poll shares written out.
        ("The repairs, harbour officials say, will take a week.", "repairs", "harbour officials"),
        ("Forty-two percent of voters say they like the new ferry.", "like the new ferry", "Forty-two percent of voters"),
        // "about" before a number rounds it; it does not name a topic.
        ("The mayor has said about 20 people have asked for the seat.", "about 20 people", "The mayor"),
        ("The mayor said over half of the money was spent.", "over half", "The mayor"),
        // After a possessive, a present form is a noun: the verb after it is the cue.
        ("However, Ivana Kane's brief said that was not her view.", "not her view", "Ivana Kane's brief"),
        ("Mara Quill's claim that the pier was safe was false.", "pier was safe", "Mara Quill"),
        ("The ferry will run again, says state Sen. Mara Quill.", "ferry will run", "Mara Quill"),
    ];
    for (text, needle, who) in cases {
        assert_eq!(speaker_of(text, needle).0.as_deref(), Some(*who), "{text}");
    }
    // "called for" and "called on" are one cue.
    let cases: &[(&str, &str, &str)] = &[
        ("The union called for ministers to resign over the collapse.", "resign", "called for"),
        ("Alan Cho called on the council to fund the repairs.", "fund", "called on"),
        ("Alan Cho commented on how the flooding had spread.", "flooding", "commented on"),
        // Adverbs in the verb group are part of the cue; a subject's "family" is not an adverb.
        ("Alan Cho also said the gym would reopen.", "gym", "also said"),
        ("The district has repeatedly warned that the roof leaks.", "roof leaks", "has repeatedly warned"),
        ("Alan Cho boldly predicted that the team would win.", "team would win", "boldly predicted"),
        ("The Cho family said the gym would reopen.", "gym", "said"),
        // A split quotation ends where a participle introduces a new one, even past its listener.
        ("“Stay,” Ruiz sings to the mayor before asking her, “Where do we go from here?”", "go from here", "asking"),
        ("However, Ivana Kane's brief said that was not her view.", "not her view", "said"),
        // A participle after a comma reports its own clause, with the main clause's subject.
        ("Alan Cho attacked the council for the delay, saying the roof had leaked for years.", "roof had leaked", "saying"),
        // A new subject and cue after ", but" report their own clause.
        ("Alan Cho agreed that the rules were old, but he said that the vote should wait.", "vote should wait", "said"),
        ("Alan Cho agreed that the rules were old, but he said that the vote should wait.", "rules were old", "agreed"),
    ];
    for (text, needle, cue) in cases {
        assert_eq!(speaker_of(text, needle).1.as_deref(), Some(*cue), "{text}");
    }
    // A verb of saying with a noun-phrase object reports nothing (docs/quotes.md).
    for text in [
        "Alan Cho criticized Mayor Lena Hartley for the delay.",
        "The union called for an inquiry into the collapse.",
        "Alan Cho called his former coach on Thursday.",
        "The clinic gave her a sedative called Drowzane.",
        "The striker added three more goals.",
        "The figures show a rise in sales.",
        "The council welcomed the decision.",
        "The firm denied involvement.",
        "The firm reported a loss of $38m.",
        "Mara Quill's comments on the flood angered the council.",
        "The mayor pledged billions of dollars to the port.",
    ] {
        assert!(run(text).quotes.is_empty(), "{text}");
    }
    // An idiom, an adjective and a noun after a singular name, not reports.
    for text in ["It goes without saying that the pier is old.", "Mr. Abel is also determined to warn his supporters.", "Tempers rose in the FBI email probe into the missing files."] {
        assert!(run(text).quotes.is_empty(), "{text}");
    }
}

#[test]
fn each_cue_reports_its_own_clause() {
    // (sentence, cue, what its content is: exactly these words)
    let cases: &[(&str, &str, &str)] = &[
        ("Alan Cho said the pool would close and warned that the gym could follow.", "said", "the pool would close"),
        ("Alan Cho said the pool would close and warned that the gym could follow.", "warned", "the gym could follow"),
        ("Alan Cho agreed that the rules were old, but he said that the vote should wait.", "agreed", "the rules were old"),
        ("Alan Cho said the pool would close — and he noted that the gym could follow.", "said", "the pool would close"),
        ("When he wrote his memoir, Alan Cho said that the pool would close.", "said", "the pool would close"),
        ("Alan Cho attacked the council for the delay, saying the roof had leaked for years.", "saying", "the roof had leaked for years"),
        ("Alan Cho said last summer that the pool would close.", "said", "the pool would close"),
        // A dash closing an aside ends the clause before a new speaker's quotation.
        ("When Alan Cho noted that the pool had closed ― as was true for years ― Ana Ruiz boasted, “We fixed it.”", "noted", "the pool had closed ― as was true for years"),
    ];
    for (text, cue, content) in cases {
        let a = run(text);
        let q = a.quotes.iter().find(|q| q.cue.as_ref().is_some_and(|c| c.text == *cue)).unwrap_or_else(|| panic!("no quote with cue {cue:?} in {text:?}"));
        assert_eq!(q.span.text(text), *content, "{text}");
        assert_eq!(q.speaker.map(|s| a.speakers[s].name.as_str()), Some("Alan Cho"), "{text}");
    }
    // A relative clause set off by dashes reports up to the closing dash.
    let text = "The council ignored the study -- which notes that the pool leaks -- for a year.";
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.cue.as_ref().is_some_and(|c| c.text == "notes")).expect("the relative clause reports");
    assert_eq!(q.span.text(text), "the pool leaks");
    assert_eq!(q.speaker.map(|s| a.speakers[s].name.as_str()), Some("the study"));
    // The earlier cue's content stops before the next clause's subject.
    let text = "When he wrote his memoir, Alan Cho said that the pool would close.";
    let a = run(text);
    for q in a.quotes.iter().filter(|q| q.span.text(text).contains("pool")) {
        assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("said"), "{text}");
    }
}

#[test]
fn a_relative_pronoun_leads_to_its_antecedent_which_is_the_mention_and_the_speaker() {
    // (text, a word of the content, the mention, the relative pronoun)
    let cases: &[(&str, &str, &str, &str)] = &[
        ("Parents thanked Alan Cho, who said the roof would be fixed by spring.", "roof", "Alan Cho", "who"),
        ("The fees were set by the Harbour Court, which said they were fair.", "fair", "the Harbour Court", "which"),
        ("The board appealed against the Harbour Court - which ruled the fees were “unlawful”.", "fees", "the Harbour Court", "which"),
        ("Few were moved, among them the students Ana Ruiz and Tom Reyes, who observed: “The songs are loud.”", "songs", "the students Ana Ruiz and Tom Reyes", "who"),
    ];
    for &(text, word, mention, pronoun) in cases {
        let a = run(text);
        let q = a.quotes.iter().find(|q| q.span.text(text).contains(word)).expect("a quote");
        assert_eq!(q.speaker_mention.map(|m| m.text(text)), Some(mention), "{text}");
        assert!(matches!(&q.resolution, whosaid::analysis::Resolution::Relative { pronoun: p } if p.text(text) == pronoun), "{text}: {:?}", q.resolution);
    }
    // An act is not a quotation.
    assert!(run("Parents thanked Alan Cho, who proposed the closure.").quotes.is_empty());
}

#[test]
fn a_transcript_in_quotation_marks_is_its_turns_not_one_unattributed_quote() {
    let text = "The transcript follows.\n\n\"HARTLEY: We will rebuild the pier.\n\n\"OKAFOR: The money is not there yet.";
    let a = run(text);
    assert_eq!(a.quotes.len(), 2, "{:#?}", a.quotes);
    let told = "Ana Ruiz told reporters: “We are focused on the ferries.”";
    let a = run(told);
    assert_eq!(a.quotes.len(), 1, "the listener is not quoted: {:#?}", a.quotes);
    assert_eq!(a.quotes[0].kind, QuoteKind::Direct);
    assert!(a.unattributed_quotes().next().is_none());
}

#[test]
fn partial_quotes_and_mismatched_marks() {
    let text = "The council agreed ‘in principle’ to sell the land.\n\n“We have a deal,\" the council leader Ruth Ames said.";
    let a = run(text);
    let partial = a.quotes.iter().find(|q| q.span.text(text).contains("in principle")).unwrap();
    assert_eq!(partial.kind, QuoteKind::Partial);
    let codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&"mismatched-quotes"), "{codes:?}");
    let fix = &a.findings.iter().find(|f| f.code == "mismatched-quotes").unwrap().fixes[0];
    assert_eq!(fix.edits[0].1, "”");

    // A nickname's marks quote nobody: no quotation, no finding, in either style.
    for text in ["Robert \"Bobby\" Hale said the pier would reopen.", "Robert “Bobby” Hale and Ana “Nan” Ruiz Diaz voted no."] {
        let a = run(text);
        assert!(a.quotes.iter().all(|q| !q.span.text(text).contains("Bobby")), "{text}: {:#?}", a.quotes);
        assert!(a.findings.is_empty(), "{text}: {:#?}", a.findings);
    }
    // Quoted words that are not between two parts of a name are still quotations.
    let text = "Robert Hale called it \"Big Tech\" at the meeting.";
    assert!(run(text).quotes.iter().any(|q| q.span.text(text) == "\"Big Tech\""));

    // A partial quotation after "saying that": the whole clause around it is reported speech.
    let text = "Ruth Ames told the council the ferry must return, saying that “the river divides us” in winter and spring.";
    let a = run(text);
    let clause = a.quotes.iter().find(|q| q.span.text(text).contains("in winter and spring")).expect("the clause is a quote");
    assert_eq!(clause.kind, QuoteKind::Mixed);
    assert_eq!(clause.cue.as_ref().map(|c| c.text.as_str()), Some("saying"));
    assert_eq!(clause.speaker.map(|s| a.speakers[s].name.as_str()), Some("Ruth Ames"));
    let inner = a.quotes.iter().find(|q| q.span.text(text) == "“the river divides us”").expect("the partial quotation");
    assert_eq!(inner.kind, QuoteKind::Partial);
    assert!(inner.outer.is_some());
}

#[test]
fn claims_with_no_source_are_flagged_and_sourced_ones_are_not() {
    let flagged: &[(&str, &str)] = &[
        ("The plan is widely seen as a turning point.", "agentless-passive"),
        // "promise" here is the mayor's noun, not a cue that would source the sentence.
        ("The closure is widely seen as a test of the mayor's promise to fix the roads.", "agentless-passive"),
        ("It is believed the mill will close.", "agentless-passive"),
        ("The mayor is expected to resign.", "agentless-passive"),
        ("Critics say the plan will fail.", "weasel-attribution"),
        ("Experts believe the river will flood again.", "weasel-attribution"),
        ("Studies show the scheme works.", "weasel-attribution"),
        ("A source said the mayor would resign.", "anonymous-source"),
        ("The councillor allegedly took the money.", "doubt-word"),
        ("40% of tenants will be priced out by 2030.", "unsourced-statistic"),
        ("The scheme will cost $2 million.", "unsourced-statistic"),
        ("The deal is probably dead.", "hedge"),
        ("There is speculation that the mayor will quit.", "weasel-attribution"),
        ("There are growing concerns that the mayor will quit.", "hedge"),
        // A vague attribution is itself a claim: it sources no figure beside it.
        ("Critics say the plan is too dear. It is expected to cost 4 million dollars.", "unsourced-statistic"),
        ("Critics say the plan is too dear. It is expected to cost 4 million dollars, an estimated 20% of the budget.", "unsourced-statistic"),
        // A plan that leaves the figure out, or an announcement with no one announcing, sources nothing.
        ("The Harbor Board budget does not include the war, for which the council is expected to seek an extra $80m.", "unsourced-statistic"),
        ("It is predicted that the Quill single will sell 300,000 copies by the time the chart is announced on Sunday.", "unsourced-statistic"),
        ("The plan has been harshly criticised as wasteful.", "agentless-passive"),
    ];
    for (text, code) in flagged {
        let codes: Vec<&str> = run(text).findings.iter().map(|f| f.code).collect();
        assert!(codes.contains(code), "{text}: {codes:?}");
    }
    let clean = [
        "The plan is seen by analysts at Harbor Bank as a turning point.",
        "Rents rose 40% last year, the housing agency said.",
        "According to the census office, 12,000 people moved away.",
        "A senior official, who asked not to be named because the talks are private, said the deal was close.",
        "The bridge opened in 1961.",
        "“The plan is widely seen as a failure,” Ruth Ames said.",
        // Figures of record: market moves, results, scores, the size of a deal.
        "Shares in the ferry company closed down 2.1% at 1,011 pence.",
        "Quill won 6-4 6-3 6-0 in the final.",
        "The council signed a £6m contract for the new pier.",
        // A figure sourced by its paragraph, or by the sentence after it.
        "The harbour board published its annual review on Monday. 40% of moorings will be empty by 2030, the review said.",
        "According to the port authority, traffic is falling. Half of the ferries will stop by 2026, and 40% of crews will be laid off.",
        // A named body's own plan, announcement, budget or forecast sources the figures beside it.
        "Creditors vote on the plan in May. The plan is likely to give creditors of Quillmart about 5.7% of their debts.",
        "Output could rise to more than 90,000 boats by 2030. Before Monday's announcement, Harbor Marine had invested £80m.",
        "KESTREL has forecast sales growth of at least 10% in Norway this year.",
        "Mayor Ruth Ames has presented her budget, cutting a deficit projected to peak at $42m this year.",
        "Harbor Marine could pull out of a $3bn ($1.6bn) deal to build a ferry terminal.",
    ];
    for text in clean {
        let f: Vec<(&str, &str)> = run(text).findings.iter().map(|f| (f.code, f.span.text(text))).collect();
        assert!(f.iter().all(|(c, _)| !matches!(*c, "agentless-passive" | "weasel-attribution" | "anonymous-source" | "unsourced-statistic")), "{text}: {f:?}");
    }
}

#[test]
fn weaker_claims_are_hints_and_strong_ones_keep_their_severity() {
    let cases: &[(&str, &str, Severity)] = &[
        ("The court is expected to rule on Monday.", "agentless-passive", Severity::Hint),
        // The rule's own severity is information (docs/precision.md); weak cases are hints.
        ("It is expected that the court will rule on Monday.", "agentless-passive", Severity::Information),
        ("The plan is widely expected to fail.", "agentless-passive", Severity::Information),
        ("The minister seemed tired.", "doubt-word", Severity::Hint),
        ("The councillor allegedly took the money.", "doubt-word", Severity::Information),
        ("The mill is believed to be closing.", "agentless-passive", Severity::Information),
        ("Critics say the pier is unsafe.", "weasel-attribution", Severity::Warning),
        // A share is a hint; an explicit estimate keeps the rule's severity (docs/precision.md).
        ("40% of tenants will be priced out by 2030.", "unsourced-statistic", Severity::Hint),
        ("An estimated 4,000 tenants will be priced out by 2030.", "unsourced-statistic", Severity::Information),
    ];
    for (text, code, severity) in cases {
        let a = run(text);
        let f = a.findings.iter().find(|f| f.code == *code).unwrap_or_else(|| panic!("{text}: no {code} in {:?}", a.findings));
        assert_eq!(f.severity, *severity, "{text}");
    }
    // A sighting is not a view.
    for text in ["The comet can be seen from the harbour.", "It remains to be seen whether the pier will open."] {
        assert!(run(text).findings.iter().all(|f| f.code != "agentless-passive"), "{text}");
    }
}

#[test]
fn loaded_and_non_speech_verbs_offer_said() {
    let text = "The minister admitted the budget was late. “Great film,” she smiled. The mayor claims the road is safe.";
    let a = run(text);
    let fixes: Vec<(&str, String)> = a
        .findings
        .iter()
        .filter(|f| matches!(f.code, "loaded-verb" | "non-speech-verb"))
        .map(|f| (f.span.text(text), f.fixes[0].edits[0].1.clone()))
        .collect();
    assert!(fixes.contains(&("admitted", "said".into())), "{fixes:?}");
    assert!(fixes.contains(&("smiled", "said".into())), "{fixes:?}");
    assert!(fixes.contains(&("claims", "says".into())), "{fixes:?}");
}

#[test]
fn unattributed_and_unbalanced_quotes() {
    let text = "The hall was full.\n\n“Nobody told us anything.”\n\n“This one never closes, said a resident.\n\nThe meeting ended at nine.";
    let a = run(text);
    let codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&"unattributed-quote"), "{codes:?}");
    assert!(codes.contains(&"unbalanced-quotes"), "{codes:?}");
    let e = a.findings.iter().find(|f| f.code == "unattributed-quote").unwrap();
    assert_eq!(e.severity, Severity::Error);
}

#[test]
fn options_switch_and_regrade_rules() {
    let text = "Critics say the plan will fail. The minister admitted the budget was late.";
    let mut o = Options::default();
    o.rules.0.insert("loaded-verb".into(), RuleSetting::Off);
    o.rules.0.insert("unsourced-claim".into(), RuleSetting::Severity(Severity::Hint));
    let a = analyze(text, &o);
    assert!(a.findings.iter().all(|f| f.code != "loaded-verb"));
    let w = a.findings.iter().find(|f| f.code == "weasel-attribution").unwrap();
    assert_eq!(w.severity, Severity::Hint);
}

#[test]
fn extra_verbs_and_known_speakers() {
    let text = "“Back to work,” Ines Duarte kvetched.";
    assert_eq!(speaker_of(text, "Back").0, None);
    let o = Options { extra_reporting_verbs: vec!["kvetch".into()], ..Options::default() };
    let a = analyze(text, &o);
    assert_eq!(a.quotes[0].speaker.map(|s| a.speakers[s].name.as_str()), Some("Ines Duarte"));
    // The configured verb heads the cue, with its own base form as the lemma.
    let cue = a.quotes[0].cue.as_ref().expect("a cue");
    assert_eq!((cue.head.text(text), cue.lemma.as_ref()), ("kvetched", "kvetch"));

    let o = Options { known_speakers: vec![KnownSpeaker { name: "Ines Duarte".into(), role: Some("port director".into()), ..KnownSpeaker::default() }], ..Options::default() };
    let a = analyze("“Back to work,” Duarte said.", &o);
    let s = &a.speakers[a.quotes[0].speaker.unwrap()];
    assert_eq!(s.role.as_deref(), Some("port director"));
}

#[test]
fn suppression_comments_work_in_text_and_markdown() {
    let text = "<!-- whosaid-disable-next-line loaded-verb -->\nThe minister admitted the budget was late.\nThe mayor admitted it was late too.";
    for format in [Format::PlainText, Format::Markdown] {
        let a = analyze(text, &Options { format, ..Options::default() });
        let loaded: Vec<&str> = a.findings.iter().filter(|f| f.code == "loaded-verb").map(|f| f.span.text(text)).collect();
        assert_eq!(loaded.len(), 1, "{format:?}: {loaded:?}");
    }
    let text = "<!-- whosaid-disable unsourced-claim -->\nCritics say it failed.\n<!-- whosaid-enable unsourced-claim -->\nCritics say it worked.";
    let a = run(text);
    let weasel: Vec<_> = a.findings.iter().filter(|f| f.code == "weasel-attribution").collect();
    assert_eq!(weasel.len(), 1);
    assert!(weasel[0].span.start > text.find("enable").unwrap());
}

#[test]
fn markdown_code_and_metadata_are_not_prose() {
    let text = "---\ntitle: \"A draft\"\n---\n# Harbour news\n\n```\n\"unclosed code quote\n```\n\nThe `\"code\"` stays quiet. “Fine,” Ruth Ames said.\n";
    let a = analyze(text, &Options { format: Format::Markdown, ..Options::default() });
    assert!(a.findings.iter().all(|f| f.code != "unbalanced-quotes"), "{:#?}", a.findings);
    assert_eq!(a.quotes.len(), 1);
    let t = " date 2024-05-02 The harbour board said the pier would reopen.";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "The harbour board");
    assert!(a.findings.iter().all(|f| f.code != "unsourced-statistic"));
}

#[test]
fn too_large_documents_are_reported_not_analysed() {
    let text = "“x,” she said. ".repeat(100);
    let a = analyze(&text, &Options { max_bytes: 100, ..Options::default() });
    assert!(a.skipped);
    assert_eq!(a.findings.len(), 1);
    assert_eq!(a.findings[0].code, "document-too-large");
}

/// The article the product was conceived from, when `../shared` is present beside the project.
#[test]
fn seed_article_when_available() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    let Some(path) = std::fs::read_dir(&dir).ok().and_then(|mut d| d.next()).and_then(|e| e.ok()).map(|e| e.path()) else {
        eprintln!("seed article not found at {}: skipping", dir.display());
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let a = run(&text);
    let direct: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| a.speakers[q.speaker.expect("every direct quote attributed")].name.as_str())
        .collect();
    assert_eq!(direct, ["the French presidency", "Jen Psaki", "Vladimir Putin"]);
    let reported: Vec<(&str, &str)> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (a.speakers[q.speaker.unwrap()].name.as_str(), q.cue.as_ref().unwrap().text.as_str()))
        .collect();
    for want in [("United States", "said"), ("Vladimir Putin", "told"), ("AFP", "reported"), ("Russia", "announced"), ("the French presidency", "highlighted")] {
        assert!(reported.iter().any(|(n, c)| n.contains(want.0) && *c == want.1), "{want:?} in {reported:?}");
    }
    let passives: Vec<&str> = a.findings.iter().filter(|f| f.code == "agentless-passive").map(|f| f.span.text(&text)).collect();
    assert!(passives.iter().any(|p| p.contains("was seen")), "{passives:?}");
    assert!(passives.iter().any(|p| p.contains("is being seen as")), "{passives:?}");
    assert_eq!(a.findings.iter().filter(|f| f.code == "mismatched-quotes").count(), 3);
    // "it was agreed ‘in principle’": quoted words nobody is said to have said are no quote, but
    // the marks are still pointed out.
    assert!(!a.quotes.iter().any(|q| q.speaker.is_none() && q.span.text(&text).contains("in principle")));
    assert!(a.findings.iter().any(|f| f.code == "scare-quote" && f.span.text(&text).contains("in principle")));
}

#[test]
fn an_analysis_can_be_abandoned_and_otherwise_matches_analyze() {
    use std::cell::Cell;
    let text = "“We will rebuild,” Mayor Lena Hartley said. ".repeat(300);
    let opts = Options::default();
    assert_eq!(whosaid::analysis::analyze_unless(&text, &opts, &|| false), Some(run(&text)));
    assert_eq!(whosaid::analysis::analyze_unless(&text, &opts, &|| true), None);
    // A change arriving mid-way (here: after the third poll) also stops it.
    let polls = Cell::new(0);
    let stop = || {
        polls.set(polls.get() + 1);
        polls.get() > 3
    };
    assert_eq!(whosaid::analysis::analyze_unless(&text, &opts, &stop), None);
}

/// The examples `whosaid explain` and docs/rules.md show are what the engine does: each
/// "Flagged" sentence raises its rule, each "Not flagged" sentence raises nothing at all.
#[test]
fn rule_documentation_examples_hold() {
    for rule in whosaid::analysis::RULES {
        if rule.on_a_line {
            assert!(!rule.fails.is_empty() && !rule.passes.is_empty(), "{}: document it with examples", rule.code);
        }
        for text in rule.fails {
            let a = run(text);
            assert!(a.findings.iter().any(|f| f.code == rule.code), "{}: {text:?} is not flagged: {:#?}", rule.code, a.findings);
        }
        for text in rule.passes {
            let a = run(text);
            assert!(a.findings.is_empty(), "{}: {text:?} should raise nothing: {:#?}", rule.code, a.findings);
        }
    }
}

#[test]
fn document_too_large_is_one_finding_about_the_whole_document() {
    let text = "Rents rose 40% last year. Critics say the plan will fail.\n";
    let a = analyze(text, &Options { max_bytes: 10, ..Options::default() });
    let codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["document-too-large"]);
}

#[test]
fn one_change_between_two_figures_is_one_finding() {
    for text in [
        "The town's population is expected to increase by 46% to 420,000 by 2050.",
        "Ferry fares are likely to fall from 7.3% to 6.9% of wages.",
    ] {
        let n = run(text).findings.iter().filter(|f| f.code == "unsourced-statistic").count();
        assert_eq!(n, 1, "{text}");
    }
}
