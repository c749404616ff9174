//! The rule table: stable codes, default severities, and what each rule asks of a reporter.
//!
//! Codes are part of the product's interface (configuration, suppression comments, JSON output,
//! README anchors); never rename one.

use super::model::Severity;
use std::collections::BTreeMap;

pub struct Rule {
    pub code: &'static str,
    /// A group name that switches several rules at once (`unsourced-claim`), if any.
    pub group: Option<&'static str>,
    pub default_severity: Severity,
    pub summary: &'static str,
    /// What would satisfy the rule, for hovers and the README.
    pub remedy: &'static str,
    pub example: &'static str,
}

pub const RULES: &[Rule] = &[
    Rule {
        code: "unattributed-quote",
        group: None,
        default_severity: Severity::Error,
        summary: "A direct quotation with no speaker the reader can identify.",
        remedy: "Name the speaker in the same paragraph: \"...,\" Jane Doe said.",
        example: "\"We will not back down.\" (no one named before or after)",
    },
    Rule {
        code: "scare-quote",
        group: None,
        default_severity: Severity::Warning,
        summary: "A few quoted words with no speaker nearby, which reads as the writer's own doubt.",
        remedy: "Say whose words they are, or drop the quotation marks.",
        example: "The mayor's \"plan\" was unveiled on Monday.",
    },
    Rule {
        code: "agentless-passive",
        group: Some("unsourced-claim"),
        default_severity: Severity::Warning,
        summary: "A passive reporting or perception verb that hides who holds the view.",
        remedy: "Say who sees, believes or expects it: \"... is seen by analysts at X as ...\".",
        example: "The deal is being seen as a turning point.",
    },
    Rule {
        code: "weasel-attribution",
        group: Some("unsourced-claim"),
        default_severity: Severity::Warning,
        summary: "A vague authority stands in for a source.",
        remedy: "Name the critics, experts or studies, or quote one of them.",
        example: "Critics say the plan will fail.",
    },
    Rule {
        code: "anonymous-source",
        group: Some("unsourced-claim"),
        default_severity: Severity::Error,
        summary: "An anonymous source with no description of who they are or why they cannot be named.",
        remedy: "Describe the source (\"a senior official in the ministry\") and say why they were not named.",
        example: "A source said the mayor would resign.",
    },
    Rule {
        code: "doubt-word",
        group: Some("unsourced-claim"),
        default_severity: Severity::Information,
        summary: "A word that casts doubt (allegedly, reportedly, so-called) with no source in the sentence.",
        remedy: "Attribute the doubt to someone (\"police said\") or drop the word.",
        example: "The councillor allegedly took the money.",
    },
    Rule {
        code: "unsourced-statistic",
        group: Some("unsourced-claim"),
        default_severity: Severity::Warning,
        summary: "A figure that makes an argument (a share, a forecast, an estimate) with no source in its sentence, its paragraph or the sentences around it.",
        remedy: "Say where the figure comes from (\"according to the census bureau\").",
        example: "Two in five tenants will be priced out by 2030.",
    },
    Rule {
        code: "hedge",
        group: Some("unsourced-claim"),
        default_severity: Severity::Hint,
        summary: "The writer's own guess or vague wording that implies a view nobody is named for (probably, many believe, widely regarded).",
        remedy: "Say whose judgement it is, or state what is known and drop the hedge.",
        example: "The deal is probably dead.",
    },
    Rule {
        code: "loaded-verb",
        group: None,
        default_severity: Severity::Warning,
        summary: "An attribution verb that takes sides (claimed, admitted, insisted); \"said\" is neutral.",
        remedy: "Use \"said\" unless the verb is itself the news.",
        example: "The minister admitted the budget was late.",
    },
    Rule {
        code: "non-speech-verb",
        group: None,
        default_severity: Severity::Warning,
        summary: "A verb that is not speech used to attribute a quote (smiled, laughed).",
        remedy: "Use \"said\"; describe the smile or laugh in its own sentence.",
        example: "\"Great film,\" she smiled.",
    },
    Rule {
        code: "late-attribution",
        group: None,
        default_severity: Severity::Warning,
        summary: "A quotation of several sentences whose speaker is named only after the second sentence.",
        remedy: "Attribute after the first sentence of the quotation.",
        example: "\"One. Two. Three,\" she said.",
    },
    Rule {
        code: "mismatched-quotes",
        group: Some("quote-marks"),
        default_severity: Severity::Information,
        summary: "A quotation opened with one style of mark and closed with another.",
        remedy: "Close the quotation with the mark that matches its opening mark.",
        example: "“We agreed,\" he said.",
    },
    Rule {
        code: "unbalanced-quotes",
        group: Some("quote-marks"),
        default_severity: Severity::Warning,
        summary: "A quotation mark that is never closed (or closes nothing) before the paragraph ends.",
        remedy: "Add the missing opening or closing quotation mark.",
        example: "“We agreed, he said.",
    },
    Rule {
        code: "document-too-large",
        group: None,
        default_severity: Severity::Information,
        summary: "The document is larger than the configured limit and was not analysed.",
        remedy: "Raise `max-file-size` in .whosaid.toml, or split the document.",
        example: "",
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
        let default = rule(code).map(|r| r.default_severity).unwrap_or(Severity::Warning);
        let group = rule(code).and_then(|r| r.group);
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
        assert_eq!(s.severity("loaded-verb"), Some(Severity::Warning));
        s.0.insert("all".into(), RuleSetting::Severity(Severity::Hint));
        s.0.insert("unsourced-claim".into(), RuleSetting::Off);
        s.0.insert("doubt-word".into(), RuleSetting::Severity(Severity::Error));
        assert_eq!(s.severity("loaded-verb"), Some(Severity::Hint));
        assert_eq!(s.severity("weasel-attribution"), None);
        assert_eq!(s.severity("doubt-word"), Some(Severity::Error));
    }
}
