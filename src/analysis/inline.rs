//! Small values of the output held inline: nearly every quote has one or two parts and a cue of a
//! few words, and an allocation (and a free) for each was a tenth of the cost of a pass.
//! Both print (`Debug`) and compare as the `Vec<Span>` and `String` they stand for.

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
}
