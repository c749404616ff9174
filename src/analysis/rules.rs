//! The rule table: stable codes, default severities, and what each rule asks of a reporter.
//!
//! Codes are part of the product's interface (configuration, suppression comments, JSON output,
//! documentation anchors); never rename one. The explanation fields are the one source of
//! `whosaid explain`, of `docs/rules.md` (generated from them) and of the hover's "why" line; the
//! examples are checked against the engine by `tests/engine.rs`.

use super::model::Severity;
use std::collections::BTreeMap;

pub struct Rule {
    pub code: &'static str,
    /// A group name that switches several rules at once (`unsourced-claim`), if any.
    pub group: Option<&'static str>,
    pub default_severity: Severity,
    /// What the rule flags, in one sentence.
    pub summary: &'static str,
    /// Why an editor cares, in a sentence or two (follows the summary in the first paragraph).
    pub why: &'static str,
    /// What would satisfy the rule, for hovers, `whosaid check` and the documentation.
    pub remedy: &'static str,
    /// Sentences the rule flags.
    pub fails: &'static [&'static str],
    /// The same stories written so that whosaid raises nothing at all.
    pub passes: &'static [&'static str],
    /// Findings sit on a line of the article, so suppression comments apply (not so for a
    /// finding about the whole document).
    pub on_a_line: bool,
}

impl Rule {
    /// The explanation's first paragraph: what the rule flags and why an editor cares.
    pub fn about(&self) -> String {
        format!("{} {}", self.summary, self.why)
    }

    /// The rules of a group, in table order.
    pub fn group_members(group: &str) -> impl Iterator<Item = &'static Rule> + '_ {
        RULES.iter().filter(move |r| r.group == Some(group))
    }
}

/// Names that switch several rules at once, with what they cover.
pub const GROUPS: &[(&str, &str)] = &[
    ("unsourced-claim", "claims that stand with no source"),
    ("quote-marks", "quotation marks that do not pair up"),
];

pub const RULES: &[Rule] = &[
    Rule {
        code: "unattributed-quote",
        group: None,
        default_severity: Severity::Error,
        summary: "A direct quotation with no speaker the reader can identify.",
        why: "Readers weigh a quotation by who said it. Words in quotation marks that nobody is named for cannot be checked, and they read as if the writer were speaking.",
        remedy: "Name the speaker in the same paragraph: \"...,\" Jane Doe said.",
        fails: &["\"We will not back down.\" The crowd cheered outside the hall."],
        passes: &[
            "\"We will not back down,\" said Mayor Ana Ruiz.",
            "Mayor Ana Ruiz said the city would appeal. \"We will not back down.\"",
        ],
        on_a_line: true,
    },
    Rule {
        code: "scare-quote",
        group: None,
        default_severity: Severity::Hint,
        summary: "A few quoted words with no speaker nearby, which reads as the writer's own doubt.",
        why: "Quotation marks around a word or two, with nobody saying them, tell the reader that the writer does not believe the word. That is an opinion; if someone used the word, say who. A hint by default: on hand-judged BBC copy most quoted words with no speaker nearby were a term, a nickname, a headline's quotation or a partial quote whose speaker whosaid missed, not the writer's doubt (docs/findings-precision.md). Set `scare-quote = \"warning\"` to raise it.",
        remedy: "Say whose words they are, or drop the quotation marks.",
        fails: &["The mayor's \"plan\" was unveiled on Monday."],
        passes: &["The mayor's plan was unveiled on Monday.", "The mayor called the proposal \"a plan for everyone.\""],
        on_a_line: true,
    },
    Rule {
        code: "agentless-passive",
        group: Some("unsourced-claim"),
        default_severity: Severity::Information,
        summary: "A passive reporting or perception verb that hides who holds the view.",
        why: "\"It is believed\" and \"is seen as\" put a view in the story without anyone holding it: the reader cannot tell whether it is the reporter's, an official's or a rumour. Shown as information by default: on BBC copy about one finding in four was one an editor would let stand (a procedure, a schedule, a source in the next sentence; docs/precision.md). Set `agentless-passive = \"warning\"` to raise it.",
        remedy: "Say who sees, believes or expects it: \"... is seen by analysts at X as ...\".",
        fails: &["The deal is being seen as a turning point.", "It is believed that the mayor will resign."],
        passes: &["The deal is seen by analysts at Harbor Bank as a turning point."],
        on_a_line: true,
    },
    Rule {
        code: "weasel-attribution",
        group: Some("unsourced-claim"),
        default_severity: Severity::Warning,
        summary: "A vague authority stands in for a source.",
        why: "\"Critics say\" and \"studies show\" sound sourced but name no one, so nobody can check the claim or answer it.",
        remedy: "Name the critics, experts or studies, or quote one of them.",
        fails: &["Critics say the plan will fail.", "Studies show that the bridge is unsafe."],
        passes: &["Three council members who voted against it say the plan will fail."],
        on_a_line: true,
    },
    Rule {
        code: "anonymous-source",
        group: Some("unsourced-claim"),
        default_severity: Severity::Error,
        summary: "An anonymous source with no description of who they are or why they cannot be named.",
        why: "An unnamed source asks the reader for trust. Most style guides allow one only when the story says what the source's position is and why they could not be named.",
        remedy: "Describe the source (\"a senior official in the ministry\") and say why they were not named.",
        fails: &["A source said the mayor would resign."],
        passes: &["A senior official in the mayor's office, who asked not to be named because the talks are private, said the mayor would resign."],
        on_a_line: true,
    },
    Rule {
        code: "doubt-word",
        group: Some("unsourced-claim"),
        default_severity: Severity::Information,
        summary: "A word that casts doubt (allegedly, reportedly, so-called) with no source in the sentence.",
        why: "Such words signal doubt without saying whose it is. With no source in the sentence the doubt is the writer's, and \"allegedly\" alone protects no one. Information by default, listed but not underlined as a warning. Only words that point at a hidden report or rumour (\"reportedly\", \"allegedly\", \"rumoured\") are shown at that level; \"apparently\", \"supposedly\", \"presumably\", \"so-called\", how something \"appears\" or \"seems\" to nobody named, \"allegedly\" naming a charge or a suit, and a report named in the next sentence are hints, since on BBC copy they mostly described a plot, a term or a charge of record (docs/precision.md). Set `doubt-word = \"warning\"` to raise it.",
        remedy: "Attribute the doubt to someone (\"police said\") or drop the word.",
        fails: &["The councillor allegedly took the money.", "The so-called reform passed on Monday."],
        passes: &["The councillor allegedly took the money, police said."],
        on_a_line: true,
    },
    Rule {
        code: "unsourced-statistic",
        group: Some("unsourced-claim"),
        default_severity: Severity::Information,
        summary: "A figure that makes an argument (a share, a forecast, an estimate) with no source in its sentence, its paragraph or the sentences around it.",
        why: "Figures are the first thing a fact-checker checks. A figure that carries the story's point with no source near it cannot be traced, and a reader cannot tell an official count from an estimate. Figures of record (scores, prices, closing levels, ages, dates) are left alone. Shown as information by default, and only for an explicit estimate or forecast (\"an estimated 25,000\", \"is expected to grow by 4.5%\"); a share, a \"will\" or \"would\" and a price are hints, since on BBC copy most of them were terms, targets and prices of record (docs/precision.md). Set `unsourced-statistic = \"warning\"` to raise it.",
        remedy: "Say where the figure comes from (\"according to the census bureau\").",
        fails: &["40% of tenants will be priced out by 2030.", "The new pier will cost $2 million.", "Critics say the plan is too dear. It is expected to cost 4 million dollars."],
        passes: &["40% of tenants will be priced out by 2030, according to the city housing office.", "Shares in the ferry company closed down 2.1% at 1,011 pence."],
        on_a_line: true,
    },
    Rule {
        code: "hedge",
        group: Some("unsourced-claim"),
        default_severity: Severity::Hint,
        summary: "The writer's own guess or vague wording that implies a view nobody is named for (probably, many believe, widely regarded).",
        why: "A hedge puts a judgement in the story in the writer's voice: the reader cannot tell whether it is the reporter's guess or what someone told them. It is a hint by default, since many hedges are honest caution.",
        remedy: "Say whose judgement it is, or state what is known and drop the hedge.",
        fails: &["The deal is probably dead."],
        passes: &["The deal is probably dead, two council members said on Monday."],
        on_a_line: true,
    },
    Rule {
        code: "loaded-verb",
        group: None,
        default_severity: Severity::Information,
        summary: "An attribution verb that takes sides (claimed, admitted, insisted); \"said\" is neutral.",
        why: "\"Claimed\" hints that the speaker is wrong, \"admitted\" that they confessed, \"insisted\" that they pushed. \"Said\" lets the reader judge. Information by default: on hand-judged BBC copy about three in four were verbs an editor would change; \"explained\" and \"revealed\" are often neutral in context (docs/findings-precision.md). Set `loaded-verb = \"warning\"` to raise it.",
        remedy: "Use \"said\" unless the verb is itself the news.",
        fails: &["The minister admitted the budget was late.", "Finance Minister Rosa Diaz insisted the budget was on time."],
        passes: &["Finance Minister Rosa Diaz said the budget was on time."],
        on_a_line: true,
    },
    Rule {
        code: "non-speech-verb",
        group: None,
        default_severity: Severity::Warning,
        summary: "A verb that is not speech used to attribute a quote (smiled, laughed).",
        why: "Nobody smiles or laughs words. Such a verb mixes up what was said with how it was said, and a copy desk will change it.",
        remedy: "Use \"said\"; describe the smile or laugh in its own sentence.",
        fails: &["Lena Ortiz watched the premiere. \"Great film,\" she smiled."],
        passes: &["Lena Ortiz watched the premiere. \"Great film,\" she said, smiling."],
        on_a_line: true,
    },
    Rule {
        code: "late-attribution",
        group: None,
        default_severity: Severity::Hint,
        summary: "A quotation of several sentences whose speaker is named only after the second sentence.",
        why: "A reader who meets sentence after sentence of quotation before the name has to guess who is speaking. The usual style names the speaker after the first sentence. A hint by default: on hand-judged BBC copy most of these quotations had their speaker named just before them, which this rule does not yet see (docs/findings-precision.md). Set `late-attribution = \"warning\"` to raise it.",
        remedy: "Attribute after the first sentence of the quotation.",
        fails: &["Mayor Ana Ruiz spoke first. \"We met on Monday. We talked for hours. Nothing was agreed,\" she said."],
        passes: &["\"We met on Monday,\" Mayor Ana Ruiz said. \"We talked for hours. Nothing was agreed.\""],
        on_a_line: true,
    },
    Rule {
        code: "mismatched-quotes",
        group: Some("quote-marks"),
        default_severity: Severity::Information,
        summary: "A quotation opened with one style of mark and closed with another.",
        why: "A curly opening mark closed by a straight one (or the reverse) is usually a paste or an autocorrect slip. It looks wrong in print.",
        remedy: "Close the quotation with the mark that matches its opening mark.",
        fails: &["“We agreed,\" Councillor Tom Reyes said."],
        passes: &["“We agreed,” Councillor Tom Reyes said."],
        on_a_line: true,
    },
    Rule {
        code: "unbalanced-quotes",
        group: Some("quote-marks"),
        default_severity: Severity::Warning,
        summary: "A quotation mark that is never closed (or closes nothing) before the paragraph ends.",
        why: "An unclosed quotation leaves the reader unsure where the speaker's words end, and whosaid cannot tell either, so the words are credited to no one.",
        remedy: "Add the missing opening or closing quotation mark.",
        fails: &["“We agreed, Councillor Tom Reyes said."],
        passes: &["“We agreed,” Councillor Tom Reyes said."],
        on_a_line: true,
    },
    Rule {
        code: "document-too-large",
        group: None,
        default_severity: Severity::Information,
        summary: "The document is larger than the configured limit and was not analysed.",
        why: "Checking a very large file (a whole edition, a data export) on every keystroke would slow the editor, so whosaid skips it and says so once rather than showing nothing.",
        remedy: "Raise `max-file-size` in .whosaid.toml, or split the document.",
        fails: &[],
        passes: &[],
        on_a_line: false,
    },
];

pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Is `name` a rule code or a group name?
pub fn is_known_name(name: &str) -> bool {
    name == "all" || RULES.iter().any(|r| r.code == name || r.group == Some(name))
}

/// Does the configured `name` (a code, a group, or "all") cover rule `code`?
pub fn name_covers(name: &str, code: &str) -> bool {
    name == "all" || name == code || rule(code).and_then(|r| r.group) == Some(name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    On,
    Severity(Severity),
}

impl RuleSetting {
    pub fn parse(s: &str) -> Option<RuleSetting> {
        match s.trim().to_ascii_lowercase().as_str() {
            "off" | "false" | "disable" | "disabled" | "none" => Some(RuleSetting::Off),
            "on" | "true" | "enable" | "enabled" | "default" => Some(RuleSetting::On),
            other => Severity::parse(other).map(RuleSetting::Severity),
        }
    }
}

/// Per-rule settings keyed by code or group name. A code's own entry beats its group's; a group
/// beats "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleSettings(pub BTreeMap<String, RuleSetting>);

impl RuleSettings {
    /// The severity a rule reports at, or `None` when it is switched off.
    pub fn severity(&self, code: &str) -> Option<Severity> {
        let r = rule(code);
        let default = r.map_or(Severity::Warning, |r| r.default_severity);
        if self.0.is_empty() {
            return Some(default);
        }
        let group = r.and_then(|r| r.group);
        let setting = self
            .0
            .get(code)
            .or_else(|| group.and_then(|g| self.0.get(g)))
            .or_else(|| self.0.get("all"));
        match setting {
            None | Some(RuleSetting::On) => Some(default),
            Some(RuleSetting::Off) => None,
            Some(RuleSetting::Severity(s)) => Some(*s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.code), "duplicate {}", r.code);
            assert!(r.code.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.code);
        }
    }

    #[test]
    fn settings_resolve_code_then_group_then_all() {
        let mut s = RuleSettings::default();
        assert_eq!(s.severity("loaded-verb"), Some(Severity::Information));
        s.0.insert("all".into(), RuleSetting::Severity(Severity::Hint));
        s.0.insert("unsourced-claim".into(), RuleSetting::Off);
        s.0.insert("doubt-word".into(), RuleSetting::Severity(Severity::Error));
        assert_eq!(s.severity("loaded-verb"), Some(Severity::Hint));
        assert_eq!(s.severity("weasel-attribution"), None);
        assert_eq!(s.severity("doubt-word"), Some(Severity::Error));
    }
}
