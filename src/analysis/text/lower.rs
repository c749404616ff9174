//! Lower-casing words for look-ups, and a per-thread pool of scratch strings to do it in.

use crate::analysis::lexicon::{lower8, small_word};

/// Lower-case `s` into `buf` (ASCII fast path) and return it.
pub fn lower<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    lower_into(s, buf);
    buf.as_str()
}

/// Append `s` lower-cased as [`lower`] does.
pub fn lower_into(s: &str, buf: &mut String) {
    // Most words are short: one register says whether the word is ASCII and whether it holds a
    // capital, and a lower-case word is copied as it is.
    if s.len() <= 8 {
        let x = small_word(s.as_bytes());
        if x & 0x8080_8080_8080_8080 == 0 {
            let from = buf.len();
            buf.push_str(s);
            if lower8(x) != x {
                buf[from..].make_ascii_lowercase();
            }
            return;
        }
    }
    if s.is_ascii() {
        let from = buf.len();
        buf.push_str(s);
        buf[from..].make_ascii_lowercase();
    } else {
        for ch in s.chars() {
            match ch {
                '’' | '‘' => buf.push('\''),
                c => buf.extend(c.to_lowercase()),
            }
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A cleared String from a per-thread pool, returned on drop. Look-up keys are lower-cased for
/// every candidate noun phrase and phrase word; a fresh allocation each time cost more than the
/// look-up itself.
pub struct Scratch(String);

impl Scratch {
    pub fn new() -> Scratch {
        let pooled = SCRATCH.try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop())).ok().flatten();
        Scratch(pooled.unwrap_or_default())
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let mut s = std::mem::take(&mut self.0);
        // Don't hoard a buffer grown by one huge token.
        if s.capacity() > 4096 {
            return;
        }
        s.clear();
        let _ = SCRATCH.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                if p.len() < 32 {
                    p.push(s);
                }
            }
        });
    }
}

impl std::ops::Deref for Scratch {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Scratch {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_into_matches_lower_case_of_every_length() {
        // (word, lower-cased): the one-register path up to 8 bytes, the general path beyond.
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("a", "a"),
            ("I", "i"),
            ("Kane", "kane"),
            ("said", "said"),
            ("MAYOR", "mayor"),
            ("McAllan", "mcallan"),
            ("Spokesma", "spokesma"),
            ("spokesman", "spokesman"),
            ("Spokeswoman", "spokeswoman"),
            ("U.S.-based", "u.s.-based"),
            ("Zoë", "zoë"),
            ("don’t", "don't"),
            ("ÉCOLE", "école"),
        ];
        for &(word, want) in cases {
            let mut buf = String::from("x ");
            lower_into(word, &mut buf);
            assert_eq!(buf, format!("x {want}"), "{word:?}");
        }
    }
}
