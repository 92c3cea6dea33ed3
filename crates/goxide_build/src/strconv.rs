//! Go's `strconv.Quote` (the `%q` verb) on byte strings, and `utf8`
//! decoding with Go's rules, so error texts quote values exactly as the
//! go command does (e.g. `invalid boolean value "x" for -json: parse error`).
//!
//! Go decodes a string rune by rune; an invalid byte decodes as U+FFFD of
//! width 1 (so a truncated 3-byte sequence is two or three errors, unlike
//! Rust's "maximal subpart" rule). [`decode_rune`] mirrors
//! `unicode/utf8.DecodeRune`.
//!
//! `unicode.IsPrint` is approximated: ASCII exactly; beyond ASCII, the
//! control, separator, format, surrogate, private-use and non-character
//! code points that Go escapes are escaped, and all other (possibly
//! unassigned) code points are treated as printable.

/// Decodes the first rune of `s` as Go does: `(rune, width)`, with
/// `(U+FFFD, 1)` for an invalid or truncated encoding and `(U+FFFD, 0)`
/// for empty input.
pub fn decode_rune(s: &[u8]) -> (char, usize) {
    let Some(&b0) = s.first() else {
        return (char::REPLACEMENT_CHARACTER, 0);
    };
    if b0 < 0x80 {
        return (b0 as char, 1);
    }
    let (len, min) = match b0 {
        0xC2..=0xDF => (2, 0x80),
        0xE0..=0xEF => (3, 0x800),
        0xF0..=0xF4 => (4, 0x10000),
        _ => return (char::REPLACEMENT_CHARACTER, 1),
    };
    if s.len() < len {
        return (char::REPLACEMENT_CHARACTER, 1);
    }
    let mut cp: u32 = (b0 as u32) & (0x7F >> len);
    for &b in &s[1..len] {
        if b & 0xC0 != 0x80 {
            return (char::REPLACEMENT_CHARACTER, 1);
        }
        cp = (cp << 6) | (b as u32 & 0x3F);
    }
    if cp < min {
        return (char::REPLACEMENT_CHARACTER, 1);
    }
    match char::from_u32(cp) {
        Some(c) if cp <= 0x10FFFF => (c, len),
        _ => (char::REPLACEMENT_CHARACTER, 1),
    }
}

/// Iterates over `(rune, bytes)` as Go's `for _, r := range s` does.
pub fn runes(s: &[u8]) -> impl Iterator<Item = (char, &[u8])> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (r, w) = decode_rune(rest);
        let (head, tail) = rest.split_at(w);
        rest = tail;
        Some((r, head))
    })
}

/// Approximates `unicode.IsPrint` (see the module docs).
pub fn is_print(r: char) -> bool {
    let c = r as u32;
    if c < 0x80 {
        return (0x20..0x7F).contains(&c);
    }
    !matches!(c,
        0x80..=0xA0 | 0xAD
        | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x08E2 | 0x1680 | 0x180E
        | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x2064 | 0x2066..=0x206F
        | 0x3000 | 0xD800..=0xF8FF | 0xFEFF | 0xFFF9..=0xFFFB | 0xFFFE | 0xFFFF
        | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F | 0xF0000..)
        && (c & 0xFFFE) != 0xFFFE
}

/// `strconv.Quote`: a double-quoted Go string literal for `s`.
pub fn quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for (r, bytes) in runes(s) {
        if r == char::REPLACEMENT_CHARACTER && bytes.len() == 1 {
            out.push_str(&format!("\\x{:02x}", bytes[0]));
            continue;
        }
        match r {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            r if is_print(r) => out.push(r),
            r if (r as u32) < 0x20 || r as u32 == 0x7F => {
                out.push_str(&format!("\\x{:02x}", r as u32))
            }
            r if (r as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", r as u32)),
            r => out.push_str(&format!("\\U{:08x}", r as u32)),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matches_go() {
        assert_eq!(quote(b"abc"), r#""abc""#);
        assert_eq!(quote(b"a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quote(b"\x07\x08\x0c\n\r\t\x0b"), r#""\a\b\f\n\r\t\v""#);
        assert_eq!(quote(b"\x01\x7f"), r#""\x01\x7f""#);
        assert_eq!(quote(b"\xff"), r#""\xff""#);
        assert_eq!(quote("é☺".as_bytes()), "\"é☺\"");
        assert_eq!(
            quote("\u{a0}\u{2028}\u{feff}".as_bytes()),
            r#""\u00a0\u2028\ufeff""#
        );
        assert_eq!(quote("\u{10ffff}".as_bytes()), r#""\U0010ffff""#);
    }

    #[test]
    fn decode_like_go() {
        // A truncated 3-byte sequence is one error per byte, as in Go.
        let rs: Vec<char> = runes(b"\xe2\x80x").map(|(r, _)| r).collect();
        assert_eq!(rs, vec!['\u{fffd}', '\u{fffd}', 'x']);
        // Surrogates and overlongs are invalid.
        assert_eq!(decode_rune(b"\xed\xa0\x80"), ('\u{fffd}', 1));
        assert_eq!(decode_rune(b"\xc0\x80"), ('\u{fffd}', 1));
        assert_eq!(decode_rune("é".as_bytes()), ('é', 2));
    }
}
