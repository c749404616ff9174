//! Arbitrary bytes → `.whosaid.toml` and editor JSON: never a panic; a refused config changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
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
});
