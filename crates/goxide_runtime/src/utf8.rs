//! UTF-8 as the runtime needs it (gc's `runtime/utf8.go`): `encoderune`
//! and `countrunes`; `decoderune` lives in [`crate::print`] (printquoted
//! needed it first) and is re-exported here.
//!
//! Go's rules: a rune that is negative, above U+10FFFF or a surrogate
//! encodes as U+FFFD; an invalid or truncated sequence decodes as
//! (U+FFFD, width 1).
//!
//! Invariants: `encoderune` writes at most 4 bytes; `countrunes(s)` is
//! the number of iterations of `for range s`.

pub use crate::print::decoderune;

/// `utf8.RuneError`.
pub const RUNE_ERROR: i32 = 0xFFFD;

/// gc's `encoderune`: writes the UTF-8 of `r` (or of U+FFFD when invalid)
/// into `p` and returns the number of bytes.
pub fn encoderune(p: &mut [u8; 4], r: i32) -> usize {
    let r = if (0xD800..=0xDFFF).contains(&r) || !(0..=0x10FFFF).contains(&r) { RUNE_ERROR } else { r } as u32;
    if r <= 0x7F {
        p[0] = r as u8;
        1
    } else if r <= 0x7FF {
        p[0] = 0xC0 | (r >> 6) as u8;
        p[1] = 0x80 | (r & 0x3F) as u8;
        2
    } else if r <= 0xFFFF {
        p[0] = 0xE0 | (r >> 12) as u8;
        p[1] = 0x80 | ((r >> 6) & 0x3F) as u8;
        p[2] = 0x80 | (r & 0x3F) as u8;
        3
    } else {
        p[0] = 0xF0 | (r >> 18) as u8;
        p[1] = 0x80 | ((r >> 12) & 0x3F) as u8;
        p[2] = 0x80 | ((r >> 6) & 0x3F) as u8;
        p[3] = 0x80 | (r & 0x3F) as u8;
        4
    }
}

/// `for range s`, one step: the rune at byte `k` and the next index
/// (ASCII fast path, then `decoderune`).
pub fn next_rune(s: &[u8], k: usize) -> (i32, usize) {
    if s[k] < 0x80 {
        (s[k] as i32, k + 1)
    } else {
        let (r, n) = decoderune(s, k);
        (r as i32, n)
    }
}

/// gc's `countrunes`: `len([]rune(s))`.
pub fn countrunes(s: &[u8]) -> usize {
    let (mut n, mut k) = (0, 0);
    while k < s.len() {
        k = next_rune(s, k).1;
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_go() {
        let enc = |r| {
            let mut b = [0u8; 4];
            let n = encoderune(&mut b, r);
            b[..n].to_vec()
        };
        assert_eq!(enc(0x41), b"A");
        assert_eq!(enc(0xE9), "é".as_bytes());
        assert_eq!(enc(0x20AC), "€".as_bytes());
        assert_eq!(enc(0x1F600), "😀".as_bytes());
        assert_eq!(enc(-1), "\u{FFFD}".as_bytes());
        assert_eq!(enc(0xD800), "\u{FFFD}".as_bytes());
        assert_eq!(enc(0x110000), "\u{FFFD}".as_bytes());
    }

    #[test]
    fn counts_as_range_does() {
        assert_eq!(countrunes(b""), 0);
        assert_eq!(countrunes("héllo".as_bytes()), 5);
        assert_eq!(countrunes(b"\xff\xfe"), 2);
        assert_eq!(countrunes(b"\xe2\x82"), 2, "a truncated sequence is one error per byte");
        assert_eq!(next_rune(b"\xe2\x82\xac!", 0), (0x20AC, 3));
        assert_eq!(next_rune(b"\xc0\xaf", 0), (0xFFFD, 1), "overlong");
    }
}
