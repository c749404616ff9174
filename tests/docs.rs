//! The documentation users read stays true: docs/rules.md is what the rule table generates, the
//! README names every rule, and the editor snippets in docs/editors.md are valid and start
//! `whosaid lsp` (the Emacs one is also run, in tests/e2e/emacs).

use std::path::Path;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// docs/rules.md is generated from the rule table; this fails when it is out of date.
#[test]
fn docs_rules_md_is_up_to_date() {
    let on_disk = read("docs/rules.md");
    assert!(
        on_disk == whosaid::cli::explain::markdown(),
        "docs/rules.md is out of date with the rule table in src/analysis/rules.rs. Regenerate it with:\n    {}",
        whosaid::cli::explain::REGENERATE
    );
    for rule in whosaid::analysis::RULES {
        assert!(on_disk.contains(&format!("<a id=\"rule-{}\"></a>", rule.code)), "anchor for {}", rule.code);
        assert!(on_disk.contains(rule.why), "{}", rule.code);
    }
}

/// The README's rule table names every rule, so a reader who meets a code finds it.
#[test]
fn readme_names_every_rule() {
    let readme = read("README.md");
    for rule in whosaid::analysis::RULES {
        assert!(readme.contains(&format!("`{}`", rule.code)), "README.md does not name {}", rule.code);
    }
}

/// Fenced code blocks in `text` under the heading `## {section}`, with their language tag.
fn blocks(text: &str, section: &str) -> Vec<(String, String)> {
    let start = text.find(&format!("\n## {section}")).unwrap_or_else(|| panic!("no section {section}"));
    let rest = &text[start + 4..];
    let body = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    let mut out = Vec::new();
    let mut lines = body.lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let code: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            out.push((lang.to_string(), code.join("\n")));
        }
    }
    out
}

fn json_string_list(v: &serde_json::Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str()).collect()).unwrap_or_default()
}

#[test]
fn editor_snippets_are_valid_and_start_whosaid_lsp() {
    let doc = read("docs/editors.md");

    let helix = blocks(&doc, "Helix");
    assert_eq!(helix[0].0, "toml");
    let t: toml::Table = helix[0].1.parse().expect("the Helix snippet is valid TOML");
    let server = &t["language-server"]["whosaid"];
    assert_eq!(server["command"].as_str(), Some("whosaid"));
    assert_eq!(server["args"].as_array().unwrap()[0].as_str(), Some("lsp"));
    let languages = t["language"].as_array().unwrap();
    for name in ["text", "markdown"] {
        let lang = languages.iter().find(|l| l["name"].as_str() == Some(name)).unwrap_or_else(|| panic!("{name}"));
        assert!(lang["language-servers"].as_array().unwrap().iter().any(|s| s.as_str() == Some("whosaid")), "{name}");
    }
    // The settings section must be one whosaid understands.
    let settings = serde_json::to_value(&server["config"]).unwrap();
    whosaid::config::Config::default().apply_json(&settings).expect("Helix config is valid whosaid settings");

    let sublime = blocks(&doc, "Sublime Text");
    let v: serde_json::Value = serde_json::from_str(&sublime[0].1).expect("the Sublime Text snippet is valid JSON");
    let client = &v["clients"]["whosaid"];
    assert_eq!(json_string_list(&client["command"]), ["whosaid", "lsp"]);
    assert!(client["selector"].as_str().unwrap().contains("text.plain"));
    whosaid::config::Config::default().apply_json(&client["settings"]).expect("valid whosaid settings");

    let kate = blocks(&doc, "Kate");
    let v: serde_json::Value = serde_json::from_str(&kate[0].1).expect("the Kate snippet is valid JSON");
    let server = &v["servers"]["whosaid"];
    assert_eq!(json_string_list(&server["command"]), ["whosaid", "lsp"]);
    assert!(regex_lite_matches(server["highlightingModeRegex"].as_str().unwrap(), &["Normal", "Markdown"]));
    whosaid::config::Config::default().apply_json(&server["settings"]).expect("valid whosaid settings");

    let zed = blocks(&doc, "Zed");
    let v: serde_json::Value = serde_json::from_str(&zed[0].1).expect("the Zed snippet is valid JSON");
    let lsp = &v["lsp"]["whosaid"];
    assert_eq!(lsp["binary"]["path"], "whosaid");
    assert_eq!(json_string_list(&lsp["binary"]["arguments"]), ["lsp"]);
    for lang in ["Plain Text", "Markdown"] {
        assert!(json_string_list(&v["languages"][lang]["language_servers"]).contains(&"whosaid"), "{lang}");
    }
    whosaid::config::Config::default().apply_json(&lsp["settings"]).expect("valid whosaid settings");

    let emacs = blocks(&doc, "Emacs (29 or later, eglot)");
    assert_eq!(emacs[0].0, "elisp");
    assert!(emacs[0].1.contains("(\"whosaid\" \"lsp\")") && emacs[0].1.contains("eglot-ensure"), "{}", emacs[0].1);

    let links = blocks(&doc, "Links from a finding to its rule");
    let mut config = whosaid::config::Config::default();
    config.apply_toml(&links[0].1).expect("the rules-url example is a valid .whosaid.toml");
    assert!(config.rule_link("loaded-verb").unwrap().ends_with("#rule-loaded-verb"));
}

/// `^(A|B)$` style alternations, enough for the Kate mode filter.
fn regex_lite_matches(pattern: &str, names: &[&str]) -> bool {
    let inner = pattern.trim_start_matches("^(").trim_end_matches(")$");
    let alternatives: Vec<&str> = inner.split('|').collect();
    names.iter().all(|n| alternatives.contains(n))
}
