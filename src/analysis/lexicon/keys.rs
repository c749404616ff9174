//! How a word becomes a lexicon key: the case-insensitive hash the look-up tables are laid out
//! by, word-at-a-time lower-casing, and phrase normalisation. Shared, as source, by the build
//! script that lays out the tables (`build.rs`) and by the look-ups at run time, so both hash a
//! word the same way.

/// `x` with the ASCII capitals among its 8 bytes lower-cased (`u8::to_ascii_lowercase` on each).
#[inline(always)]
pub fn lower8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte, on its low 7 bits (no carry can cross into the next byte): the high bit of
    // `ge_a` says >= 'A', that of `gt_z` says > 'Z'; a byte with its own high bit set is not ASCII.
    let low = x & !HIGH;
    let ge_a = low + ONES * (0x80 - b'A' as u64);
    let gt_z = low + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

/// `key == w.to_ascii_lowercase()`, 8 bytes at a time with overlapping loads.
#[inline(always)]
pub fn eq_lower(key: &[u8], w: &[u8]) -> bool {
    let n = w.len();
    if n != key.len() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if read8(key, i) != lower8(read8(w, i)) {
                return false;
            }
            i += 8;
        }
        read8(key, n - 8) == lower8(read8(w, n - 8))
    } else {
        small_word(key) == lower8(small_word(w))
    }
}

#[inline(always)]
pub fn read4(b: &[u8], i: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(w)
}

/// A hash equal for words equal ignoring ASCII case. A word of up to 8 bytes is lower-cased
/// exactly in one register; longer ones are folded with `| 0x20` (A-Z to a-z; the few other
/// bytes it merges only cost a key comparison). Read with overlapping loads, not byte by byte:
/// this runs for every word of every article.
#[inline]
pub fn hash_ci(b: &[u8]) -> u64 {
    const FOLD: u64 = 0x2020_2020_2020_2020;
    let n = b.len();
    if n <= 8 {
        return hash_small(lower8(small_word(b)), n);
    }
    let mut h = 0u64;
    let mut i = 0;
    while i + 8 < n {
        h = mix(h ^ (read8(b, i) | FOLD), 0x9e37_79b9_7f4a_7c15);
        i += 8;
    }
    mix(h ^ 0xa076_1d64_78bd_642f ^ n as u64, (read8(b, n - 8) | FOLD) ^ 0xe703_7ed1_a0b4_28db)
}

/// [`hash_ci`] of a word of `n <= 8` bytes from its lower-cased [`small_word`].
#[inline(always)]
pub fn hash_small(x: u64, n: usize) -> u64 {
    mix(0xa076_1d64_78bd_642f ^ n as u64, x ^ 0xe703_7ed1_a0b4_28db)
}

/// A word of at most 8 bytes in one u64, little-endian, zero above its length: what an 8-byte
/// load of it masked to its length gives. Read here with two overlapping 4-byte loads (or bytes
/// 0, n/2 and n-1 of a shorter word), whose overlap holds the same bytes.
#[inline(always)]
pub fn small_word(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8);
    if n >= 4 {
        read4(b, 0) as u64 | (read4(b, n - 4) as u64) << (8 * (n - 4))
    } else if n > 0 {
        (b[0] as u64) | (b[n / 2] as u64) << (8 * (n / 2)) | (b[n - 1] as u64) << (8 * (n - 1))
    } else {
        0
    }
}

#[inline]
pub fn read8(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// 64x64 -> 128 multiply, halves folded (wyhash's mixer).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ (r >> 64) as u64
}

/// A word's bit (0..1024) in a filter of words: from its length and its first and last bytes,
/// ASCII case ignored (`b | 0x20` is the same for a byte and its lower case).
#[inline]
pub fn word_bit(w: &[u8]) -> u16 {
    let (a, z) = (w.first().map_or(0, |b| b | 0x20), w.last().map_or(0, |b| b | 0x20));
    let x = (a as u64) << 16 | (z as u64) << 8 | (w.len() as u64 & 0xff);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as u16
}

/// Lower case, typographic apostrophes straightened, single spaces.
pub fn normalize_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for ch in w.chars() {
            match ch {
                '’' | '‘' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}
