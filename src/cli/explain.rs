//! `whosaid explain [CODE]`: what a rule flags, why an editor cares, examples, how to fix it and
//! how to silence it. The same text, as Markdown, is `docs/rules.md` (`whosaid explain --markdown`);
//! both are rendered from the rule table in `analysis::rules`, so they cannot drift apart.

use crate::analysis::rules::{self, Rule, GROUPS, RULES};
use std::fmt::Write;

pub const HELP: &str = "\
whosaid explain — what a rule flags, why it matters, and how to fix or silence it

USAGE:
    whosaid explain              list the rules
    whosaid explain CODE         explain one rule (the code in brackets in `whosaid check`'s
                                 output, or a group: unsourced-claim, quote-marks)
    whosaid explain --markdown   every rule as one Markdown page (docs/rules.md is this page)

EXIT STATUS:
    0  explained
    2  no rule has that code, or the options are wrong";

/// Regenerates `docs/rules.md`; the test that compares the two prints it.
pub const REGENERATE: &str = "cargo run --release -- explain --markdown > docs/rules.md";

pub fn run(args: &[String]) -> u8 {
    match args {
        [] => {
            super::out(&list());
            0
        }
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{HELP}");
            0
        }
        [flag] if flag == "--markdown" => {
            super::out(&markdown());
            0
        }
        [code] if !code.starts_with('-') => match explain(code) {
            Some(text) => {
                super::out(&text);
                0
            }
            None => {
                eprintln!("{}", unknown(code));
                2
            }
        },
        _ => {
            eprintln!("whosaid explain: expected one rule code at most, got `{}`\nRun `whosaid explain --help` for the options.", args.join(" "));
            2
        }
    }
}

/// What `whosaid explain` prints for an unknown code.
pub fn unknown(code: &str) -> String {
    let close: Vec<&str> = RULES.iter().map(|r| r.code).filter(|c| c.contains(code) || code.contains(c)).collect();
    let mut msg = format!("whosaid explain: there is no rule called `{code}`.");
    if !close.is_empty() {
        let _ = write!(msg, " Did you mean {}?", close.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" or "));
    }
    msg.push_str(" Run `whosaid explain` for the list of rules.");
    msg
}

/// The explanation of a rule code or group, as plain text; `None` for an unknown name.
pub fn explain(name: &str) -> Option<String> {
    let name = name.trim().to_ascii_lowercase();
    if let Some(rule) = rules::rule(&name) {
        return Some(rule_text(rule));
    }
    let (group, covers) = GROUPS.iter().find(|(g, _)| *g == name)?;
    let mut out = format!("{group} — a group of rules: {covers}\n\n");
    let _ = writeln!(out, "Setting `{group}` in .whosaid.toml or the editor's settings switches all of these at once;");
    let _ = writeln!(out, "a rule's own setting wins over its group's.\n");
    for r in Rule::group_members(group) {
        let _ = writeln!(out, "    {:<22}{:<13}{}", r.code, r.default_severity.to_string(), r.summary);
    }
    let _ = writeln!(out, "\nRun `whosaid explain CODE` for one of them.");
    Some(out)
}

/// `whosaid explain` with no code: every rule on one line.
pub fn list() -> String {
    let mut out = String::from("whosaid's rules (code, default severity, what it flags):\n\n");
    for r in RULES {
        let _ = writeln!(out, "    {:<22}{:<13}{}", r.code, r.default_severity.to_string(), r.summary);
    }
    out.push_str("\nGroups: ");
    out.push_str(&GROUPS.iter().map(|(g, covers)| format!("{g} ({covers})")).collect::<Vec<_>>().join("; "));
    out.push_str(".\nRun `whosaid explain CODE` for what a rule flags, why, examples, and how to fix or silence it.\n");
    out
}

/// Ways to turn a rule off, as (where, how). What to type is in backticks: Markdown keeps them as
/// code spans (a bare `<!-- -->` would vanish), the terminal drops them.
fn silencing(r: &Rule) -> Vec<(&'static str, String)> {
    let mut ways = Vec::new();
    if r.on_a_line {
        ways.push((
            "one finding",
            format!(
                "`<!-- whosaid-disable-next-line {0} -->` on the line before it, or `<!-- whosaid-disable-line {0} -->` at the end of its line",
                r.code
            ),
        ));
        ways.push((
            "a passage",
            format!("`<!-- whosaid-disable {0} -->` before it and `<!-- whosaid-enable {0} -->` after it", r.code),
        ));
    }
    ways.push(("a project", format!("`{} = \"off\"` under `[rules]` in .whosaid.toml", r.code)));
    ways.push(("one editor", format!("the whosaid.rules setting: `{{ \"{}\": \"off\" }}`", r.code)));
    ways
}

fn group_note(r: &Rule) -> Option<String> {
    let group = r.group?;
    let n = Rule::group_members(group).count();
    Some(format!("Part of the group {group} ({n} rules): `{group} = \"off\"` turns them all off."))
}

/// One rule as plain text for the terminal.
pub fn rule_text(r: &Rule) -> String {
    let mut out = format!("{} — {} by default\n\n", r.code, r.default_severity);
    out.push_str(&wrap(&r.about(), 96, ""));
    out.push('\n');
    for (label, examples) in [("Flagged:", r.fails), ("Not flagged:", r.passes)] {
        if !examples.is_empty() {
            let _ = writeln!(out, "{label}");
            for e in examples {
                out.push_str(&wrap(e, 92, "    "));
            }
            out.push('\n');
        }
    }
    if r.fails.is_empty() {
        out.push_str("No example: it depends on the size limit (max-file-size), not on the words.\n\n");
    }
    out.push_str(&wrap(&format!("How to fix: {}", r.remedy), 96, ""));
    out.push_str("\nHow to silence:\n");
    for (where_, how) in silencing(r) {
        let label = format!("    {where_}:");
        let text = wrap(&how.replace('`', ""), 96, &" ".repeat(18));
        let _ = write!(out, "{label:<18}{}", &text[18..]);
    }
    if let Some(note) = group_note(r) {
        out.push('\n');
        out.push_str(&wrap(&note.replace('`', ""), 96, ""));
    }
    out
}

/// The whole rule reference as Markdown (`docs/rules.md`). Each rule has the anchor `rule-CODE`,
/// which is what diagnostics link to when a newsroom sets `rules-url`.
pub fn markdown() -> String {
    let mut out = String::from(
        "<!-- Generated by `whosaid explain --markdown` from src/analysis/rules.rs. Do not edit by hand. -->\n\
         # whosaid rules\n\n\
         Each rule has a stable code: it appears in brackets in `whosaid check`'s output and in the \
         editor's problem list, and it is what you write in `.whosaid.toml` or in a suppression \
         comment. `whosaid explain CODE` prints the same text in a terminal.\n\n\
         | code | default | flags |\n| --- | --- | --- |\n",
    );
    for r in RULES {
        let _ = writeln!(out, "| [`{0}`](#rule-{0}) | {1} | {2} |", r.code, r.default_severity, md_cell(r.summary));
    }
    out.push_str("\nGroups switch several rules at once: ");
    let groups: Vec<String> = GROUPS
        .iter()
        .map(|(g, covers)| {
            let members: Vec<String> = Rule::group_members(g).map(|r| format!("`{}`", r.code)).collect();
            format!("`{g}` ({covers}: {})", members.join(", "))
        })
        .collect();
    out.push_str(&groups.join("; "));
    out.push_str(". A rule's own setting wins over its group's.\n");
    for r in RULES {
        let _ = write!(out, "\n<a id=\"rule-{0}\"></a>\n\n## {0}\n\n*Default severity: {1}.*\n\n{2}\n\n", r.code, r.default_severity, r.about());
        for (label, examples) in [("Flagged:", r.fails), ("Not flagged:", r.passes)] {
            if !examples.is_empty() {
                let _ = writeln!(out, "**{label}**\n\n```text");
                for e in examples {
                    let _ = writeln!(out, "{e}");
                }
                out.push_str("```\n\n");
            }
        }
        if r.fails.is_empty() {
            out.push_str("No example: it depends on the size limit (`max-file-size`), not on the words.\n\n");
        }
        let _ = writeln!(out, "**How to fix:** {}\n\n**How to silence:**\n", r.remedy);
        for (where_, how) in silencing(r) {
            let _ = writeln!(out, "- {where_}: {how}");
        }
        if let Some(note) = group_note(r) {
            let _ = writeln!(out, "\n{note}");
        }
    }
    out
}

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Word-wrap `text` to `width` columns, each line starting with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if line.len() > indent.len() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if line.len() > indent.len() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_and_group_explains() {
        for r in RULES {
            let text = explain(r.code).unwrap();
            assert!(text.starts_with(r.code), "{text}");
            assert!(text.contains(r.summary) || text.contains(&r.summary[..20]), "{text}");
            assert!(text.contains("How to fix:") && text.contains("How to silence:"), "{text}");
            assert!(markdown().contains(&format!("<a id=\"rule-{}\"></a>", r.code)));
        }
        for (g, _) in GROUPS {
            assert!(explain(g).unwrap().contains(g));
            assert!(Rule::group_members(g).count() > 0, "{g}");
        }
        for r in RULES {
            if let Some(g) = r.group {
                assert!(GROUPS.iter().any(|(name, _)| *name == g), "group {g} of {} has no description", r.code);
            }
        }
        assert!(explain("no-such-rule").is_none());
        assert!(explain("Loaded-Verb").is_some());
    }

    #[test]
    fn wrap_keeps_words_and_indent() {
        let w = wrap("one two three four five six", 12, "  ");
        assert_eq!(w, "  one two\n  three four\n  five six\n");
        assert_eq!(wrap("", 10, "  "), "");
    }
}
