//! Differential: random edit scripts sent through the real server over stdio end with exactly the
//! diagnostics of opening the final text fresh. Seeded, so a failure replays; bounded in size.

mod support;

use serde_json::{json, Value};
use support::{range, uri, Enc, Server, RIVERTON};

/// xorshift64*: tiny, deterministic, good enough to pick edits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "“", "”", "\"", "‘", "’", "«", "»", " said", " told reporters", "according to officials, ", "Critics say ",
    "Mayor Ana Ruiz", "she", "He", ". ", ", ", "\n\n", "\r\n", "\n", "😀", "记者", "e\u{301}", "the plan was approved",
    "“We will rebuild,” ", "It is widely believed that ", "—", "Mr. Lee", "42%", " ", "x",
];

/// A random place in `text` the client can name: a char boundary, not between CR and LF.
fn place(rng: &mut Rng, text: &str) -> usize {
    loop {
        let b = rng.below(text.len() + 1);
        let inside_crlf = b > 0 && text.as_bytes().get(b - 1) == Some(&b'\r') && text.as_bytes().get(b) == Some(&b'\n');
        if text.is_char_boundary(b) && !inside_crlf {
            return b;
        }
    }
}

fn fresh(s: &mut Server, name: &str, text: &str) -> Vec<Value> {
    let u = uri(name);
    s.open(&u, "plaintext", 1, text);
    let d = s.diagnostics(&u, 1);
    s.close(&u);
    d
}

#[test]
fn random_edit_scripts_end_like_a_fresh_open() {
    let mut with_findings = 0;
    for enc in Enc::BOTH {
        let mut s = Server::start(enc);
        for seed in 1..=6u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ enc as u64);
            let name = format!("diff-{seed}.txt");
            let u = uri(&name);
            let mut text: String = RIVERTON.chars().take(400 + rng.below(400)).collect();
            s.open(&u, "plaintext", 1, &text);
            let mut version = 1;
            for _ in 0..30 {
                version += 1;
                // One to three changes per notification, each relative to the text after the previous.
                let mut changes = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    let a = place(&mut rng, &text);
                    let b = if rng.below(3) == 0 { a } else { place(&mut rng, &text) };
                    // Short deletions, like typing; a long one would empty the text too soon.
                    let (a, b) = if a.abs_diff(b) > 60 { (a, a) } else { (a.min(b), a.max(b)) };
                    let new: String = (0..rng.below(4)).map(|_| PIECES[rng.below(PIECES.len())]).collect();
                    changes.push(json!({"range": range(&text, a, b, enc), "text": new}));
                    text = {
                        let mut t = text.clone();
                        t.replace_range(a..b, &new);
                        t
                    };
                }
                s.notify("textDocument/didChange", json!({"textDocument": {"uri": u, "version": version}, "contentChanges": changes}));
            }
            let got = s.diagnostics(&u, version);
            with_findings += !got.is_empty() as usize;
            let want = fresh(&mut s, &format!("fresh-{seed}.txt"), &text);
            let want = json!(want).to_string().replace(&format!("fresh-{seed}.txt"), &name);
            assert_eq!(json!(got).to_string(), want, "{enc:?} seed {seed}: final text {text:?}");
            s.close(&u);
        }
    }
    // Otherwise the comparison above proves nothing.
    assert!(with_findings >= 6, "only {with_findings} of 12 scripts ended with diagnostics");
}
