//! Small values of the output held inline: nearly every quote has one or two parts and a cue of a
//! few words, a finding one fix or none, and an allocation (and a free) for each was a tenth of
//! the cost of a pass. They print (`Debug`) and compare as the `Vec` and `String` they stand for.

use super::model::Span;
use std::fmt;
use std::ops::Deref;

/// The quoted stretches of a quote ([`super::Quote::parts`]): up to two inline, more on the heap.
#[derive(Clone)]
pub struct Parts(PartsRepr);

#[derive(Clone)]
enum PartsRepr {
    Inline(u8, [Span; 2]),
    Heap(Vec<Span>),
}

impl Parts {
    pub const fn new() -> Parts {
        Parts(PartsRepr::Inline(0, [Span::new(0, 0); 2]))
    }

    pub const fn one(span: Span) -> Parts {
        Parts(PartsRepr::Inline(1, [span, Span::new(0, 0)]))
    }

    pub fn push(&mut self, span: Span) {
        match &mut self.0 {
            PartsRepr::Inline(n, a) if (*n as usize) < a.len() => {
                a[*n as usize] = span;
                *n += 1;
            }
            PartsRepr::Inline(_, a) => {
                let mut v = Vec::with_capacity(4);
                v.extend_from_slice(a);
                v.push(span);
                self.0 = PartsRepr::Heap(v);
            }
            PartsRepr::Heap(v) => v.push(span),
        }
    }

    pub fn as_slice(&self) -> &[Span] {
        match &self.0 {
            PartsRepr::Inline(n, a) => &a[..*n as usize],
            PartsRepr::Heap(v) => v,
        }
    }
}

impl Default for Parts {
    fn default() -> Parts {
        Parts::new()
    }
}

impl Deref for Parts {
    type Target = [Span];
    fn deref(&self) -> &[Span] {
        self.as_slice()
    }
}

impl<'a> IntoIterator for &'a Parts {
    type Item = &'a Span;
    type IntoIter = std::slice::Iter<'a, Span>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl FromIterator<Span> for Parts {
    fn from_iter<I: IntoIterator<Item = Span>>(iter: I) -> Parts {
        let mut p = Parts::new();
        iter.into_iter().for_each(|s| p.push(s));
        p
    }
}

impl Extend<Span> for Parts {
    fn extend<I: IntoIterator<Item = Span>>(&mut self, iter: I) {
        iter.into_iter().for_each(|s| self.push(s));
    }
}

impl From<Vec<Span>> for Parts {
    fn from(v: Vec<Span>) -> Parts {
        if v.len() <= 2 {
            v.into_iter().collect()
        } else {
            Parts(PartsRepr::Heap(v))
        }
    }
}

impl PartialEq for Parts {
    fn eq(&self, other: &Parts) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Parts {}

impl fmt::Debug for Parts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

/// A finding's related places, fixes, or a fix's edits: nearly always none or one, held inline;
/// more on the heap.
#[derive(Clone)]
pub struct Few<T>(FewRepr<T>);

#[derive(Clone)]
enum FewRepr<T> {
    None,
    One(T),
    Heap(Vec<T>),
}

impl<T> Few<T> {
    pub const fn new() -> Few<T> {
        Few(FewRepr::None)
    }

    pub fn one(x: T) -> Few<T> {
        Few(FewRepr::One(x))
    }

    pub fn push(&mut self, x: T) {
        self.0 = match std::mem::replace(&mut self.0, FewRepr::None) {
            FewRepr::None => FewRepr::One(x),
            FewRepr::One(a) => FewRepr::Heap(vec![a, x]),
            FewRepr::Heap(mut v) => {
                v.push(x);
                FewRepr::Heap(v)
            }
        };
    }

    pub fn as_slice(&self) -> &[T] {
        match &self.0 {
            FewRepr::None => &[],
            FewRepr::One(x) => std::slice::from_ref(x),
            FewRepr::Heap(v) => v,
        }
    }
}

impl<T> Default for Few<T> {
    fn default() -> Few<T> {
        Few::new()
    }
}

impl<T> Deref for Few<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<'a, T> IntoIterator for &'a Few<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T> FromIterator<T> for Few<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Few<T> {
        let mut f = Few::new();
        iter.into_iter().for_each(|x| f.push(x));
        f
    }
}

impl<T> From<Vec<T>> for Few<T> {
    fn from(mut v: Vec<T>) -> Few<T> {
        match v.len() {
            0 => Few::new(),
            1 => Few::one(v.remove(0)),
            _ => Few(FewRepr::Heap(v)),
        }
    }
}

impl<T: PartialEq> PartialEq for Few<T> {
    fn eq(&self, other: &Few<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Eq> Eq for Few<T> {}

impl<T: PartialEq, const N: usize> PartialEq<[T; N]> for Few<T> {
    fn eq(&self, other: &[T; N]) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: fmt::Debug> fmt::Debug for Few<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

/// A short text of the output (a cue as written, a pronoun): up to 22 bytes inline, longer on
/// the heap. Reads as a `str`.
#[derive(Clone)]
pub struct Words(WordsRepr);

const INLINE_BYTES: usize = 22;

#[derive(Clone)]
enum WordsRepr {
    Inline(u8, [u8; INLINE_BYTES]),
    Heap(Box<str>),
}

impl Words {
    pub fn new(s: &str) -> Words {
        if s.len() <= INLINE_BYTES {
            let mut buf = [0u8; INLINE_BYTES];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Words(WordsRepr::Inline(s.len() as u8, buf))
        } else {
            Words(WordsRepr::Heap(s.into()))
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Copied from a `str` whole, so always UTF-8: the check never fails.
            WordsRepr::Inline(n, buf) => std::str::from_utf8(&buf[..*n as usize]).unwrap_or_default(),
            WordsRepr::Heap(s) => s,
        }
    }
}

impl Default for Words {
    fn default() -> Words {
        Words::new("")
    }
}

impl Deref for Words {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Words {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Words {
    fn from(s: &str) -> Words {
        Words::new(s)
    }
}

impl From<String> for Words {
    fn from(s: String) -> Words {
        Words::new(&s)
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Words {}

impl PartialEq<str> for Words {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Words {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Words {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl std::hash::Hash for Words {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_read_print_and_compare_as_a_vec_of_spans() {
        let spans: Vec<Span> = (0..5).map(|i| Span::new(i * 10, i * 10 + 4)).collect();
        for n in 0..=spans.len() {
            let v = spans[..n].to_vec();
            let collected: Parts = v.iter().copied().collect();
            let converted = Parts::from(v.clone());
            for p in [&collected, &converted] {
                assert_eq!(p.as_slice(), v.as_slice());
                assert_eq!(format!("{p:?}"), format!("{v:?}"));
                assert_eq!(format!("{p:#?}"), format!("{v:#?}"));
            }
            assert_eq!(collected, converted);
        }
        assert_eq!(Parts::one(spans[0]), Parts::from(vec![spans[0]]));
        assert_ne!(Parts::one(spans[0]), Parts::new());
    }

    #[test]
    fn a_few_read_print_and_compare_as_a_vec() {
        for n in 0..4 {
            let v: Vec<String> = (0..n).map(|i| format!("fix {i}")).collect();
            let collected: Few<String> = v.iter().cloned().collect();
            let converted = Few::from(v.clone());
            for f in [&collected, &converted] {
                assert_eq!(f.as_slice(), v.as_slice());
                assert_eq!(format!("{f:?}"), format!("{v:?}"));
                assert_eq!(format!("{f:#?}"), format!("{v:#?}"));
            }
            assert_eq!(collected, converted);
        }
        assert_eq!(Few::one(3), [3]);
        assert_ne!(Few::one(3), Few::new());
    }

    #[test]
    fn words_read_print_and_compare_as_a_string() {
        for s in ["", "said", "has repeatedly warned", "abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuvw", "“quoted” and then a much longer cue"] {
            let w = Words::from(s);
            let owned = s.to_string();
            assert_eq!(w.as_str(), s);
            assert_eq!(format!("{w:?}"), format!("{owned:?}"));
            assert_eq!(format!("{w}"), owned);
            assert!(w == s && w == owned && w == Words::from(owned.clone()));
        }
        assert_ne!(Words::from("said"), Words::from("says"));
    }
}
