//! Arbitrary bytes → `.whosaid.toml` and editor JSON: never a panic; a refused config changes nothing.
//! The writer (`config::edit`) on the same text: never a panic, and what it would write reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::config::edit::{edited, Change};
use whosaid::config::Config;

fuzz_target!(|data: &[u8]| {
    // Start from a non-default config so "unchanged" means something.
    let mut base = Config::default();
    let _ = base.apply_toml("inlay-hints = false\nreporting-verbs = [\"quipped\"]\n[rules]\nloaded-verb = \"off\"\n[speakers]\n\"Ana Ruiz\" = \"mayor\"\n");

    let text = String::from_utf8_lossy(data);
    let mut c = base.clone();
    if c.apply_toml(&text).is_err() {
        assert_eq!(c, base, "a refused .whosaid.toml changed the config");
    }
    if let Ok(json) = serde_json::from_slice::<serde_json::Value>(data) {
        let mut c = base.clone();
        if c.apply_json(&json).is_err() {
            assert_eq!(c, base, "refused editor settings changed the config");
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let changes = [
            Change::AddSpeaker { name: "Dana Whitfield".into(), role: Some("fire chief".into()) },
            Change::AddSpeaker { name: "Ana Ruiz".into(), role: None },
            Change::DisableRule { rule: "loaded-verb".into() },
        ];
        let valid = Config::default().apply_toml(text).is_ok();
        for change in &changes {
            match edited(Some(text), change) {
                Ok(Some(out)) => {
                    assert!(valid);
                    let mut c = Config::default();
                    assert!(c.apply_toml(&out).is_ok(), "the writer produced a file whosaid refuses:\n{out}");
                }
                Ok(None) => assert!(valid),
                // Only a file whosaid itself refuses may be refused.
                Err(e) => assert!(!valid, "a valid file was refused: {e}"),
            }
        }
    }
});
