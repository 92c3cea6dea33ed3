//! Go's character classes and UTF-8 decoding, as go/build, go/scanner and
//! go/doc see them: `unicode.IsLetter`, `IsDigit`, `IsUpper`, `IsSpace`, `IsPunct`,
//! `IsGraphic`, `strconv.IsPrint`, `utf8.DecodeRune`/`DecodeLastRune`, and
//! fmt's `%#U`.
//!
//! ASCII is answered inline; above it a binary search over the generated
//! range tables of `unicode_tables.rs` (Go 1.27.3, Unicode 17.0.0). Rust's
//! own `char` predicates use other definitions (e.g. `is_alphabetic`
//! includes letter numbers), which is why Go's tables are carried here.
//!
//! Invariants: a code point is a `u32`; an invalid or truncated UTF-8
//! sequence decodes to U+FFFD with width 1, as in Go; nothing panics on
//! any input.

use super::unicode_tables::{DIGIT, GRAPHIC, LETTER, PRINT, PUNCT, SPACE, UPPER};

/// `utf8.RuneError`.
pub(crate) const RUNE_ERROR: u32 = 0xFFFD;

fn in_table(table: &[(u32, u32)], c: u32) -> bool {
    let i = table.partition_point(|&(_, hi)| hi < c);
    i < table.len() && table[i].0 <= c
}

/// `unicode.IsLetter`.
pub(crate) fn is_letter(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_table(&LETTER, c)
}

/// `unicode.IsDigit`.
pub(crate) fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_table(&DIGIT, c)
}

/// `unicode.IsUpper`.
pub(crate) fn is_upper(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_uppercase();
    }
    in_table(&UPPER, c)
}

/// `unicode.IsSpace`.
pub(crate) fn is_space(c: u32) -> bool {
    if c < 0x80 {
        return matches!(c, 0x09..=0x0D | 0x20);
    }
    in_table(&SPACE, c)
}

/// `unicode.IsPunct`.
pub(crate) fn is_punct(c: u32) -> bool {
    if c < 0x80 {
        return b"!\"#%&'()*,-./:;?@[\\]_{}".contains(&(c as u8));
    }
    in_table(&PUNCT, c)
}

/// `strconv.IsPrint` (= `unicode.IsPrint`).
pub(crate) fn is_print(c: u32) -> bool {
    if c < 0x80 {
        return (0x20..0x7F).contains(&c);
    }
    in_table(&PRINT, c)
}

/// `unicode.IsGraphic`.
pub(crate) fn is_graphic(c: u32) -> bool {
    if c < 0x80 {
        return (0x20..0x7F).contains(&c);
    }
    in_table(&GRAPHIC, c)
}

/// `utf8.DecodeRune`: the first code point of `b` and its width; U+FFFD of
/// width 1 for an invalid encoding; (U+FFFD, 0) for empty input.
pub(crate) fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let (n, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    if b.len() < n || !(lo..=hi).contains(&b[1]) {
        return (RUNE_ERROR, 1);
    }
    if b[2..n].iter().any(|&c| !(0x80..=0xBF).contains(&c)) {
        return (RUNE_ERROR, 1);
    }
    let c = match n {
        2 => (b0 as u32 & 0x1F) << 6 | (b[1] as u32 & 0x3F),
        3 => (b0 as u32 & 0x0F) << 12 | (b[1] as u32 & 0x3F) << 6 | (b[2] as u32 & 0x3F),
        _ => {
            (b0 as u32 & 0x07) << 18
                | (b[1] as u32 & 0x3F) << 12
                | (b[2] as u32 & 0x3F) << 6
                | (b[3] as u32 & 0x3F)
        }
    };
    (c, n)
}

/// `utf8.DecodeLastRune`: the last code point of `b` and its width.
pub(crate) fn decode_last_rune(b: &[u8]) -> (u32, usize) {
    let end = b.len();
    if end == 0 {
        return (RUNE_ERROR, 0);
    }
    let mut start = end - 1;
    if b[start] < 0x80 {
        return (b[start] as u32, 1);
    }
    let lim = end.saturating_sub(4);
    while start > lim {
        start -= 1;
        if b[start] & 0xC0 != 0x80 {
            break;
        }
    }
    let (r, size) = decode_rune(&b[start..end]);
    if start + size != end {
        return (RUNE_ERROR, 1);
    }
    (r, size)
}

/// The code points of `b` with their byte offsets, as Go's `for i, r :=
/// range s` yields them.
pub(crate) fn runes(b: &[u8]) -> impl Iterator<Item = (usize, u32)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let (r, w) = decode_rune(&b[i..]);
        let at = i;
        i += w;
        Some((at, r))
    })
}

/// Appends code point `c` to `out` as UTF-8 (U+FFFD for a surrogate or an
/// out-of-range value, as Go's `string(rune)` does).
pub(crate) fn push_rune(out: &mut String, c: u32) {
    out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
}

/// fmt's `%#U`: `U+0040 '@'`, with the character only when printable.
pub(crate) fn fmt_sharp_u(c: i64) -> String {
    if c < 0 {
        // fmt prints negative runes as `U+-0001`.
        return format!("U+-{:04X}", -c);
    }
    let c = c as u32;
    let mut s = format!("U+{c:04X}");
    if c <= 0x10FFFF && is_print(c) {
        s.push_str(" '");
        push_rune(&mut s, c);
        s.push('\'');
    }
    s
}

/// fmt's `%q` of a rune: a Go character literal, `strconv.QuoteRune`.
pub(crate) fn quote_rune(c: u32) -> String {
    let c = if char::from_u32(c).is_none() {
        RUNE_ERROR
    } else {
        c
    };
    let mut s = String::from("'");
    match c {
        0x27 => s.push_str("\\'"),
        0x5C => s.push_str("\\\\"),
        0x07 => s.push_str("\\a"),
        0x08 => s.push_str("\\b"),
        0x0C => s.push_str("\\f"),
        0x0A => s.push_str("\\n"),
        0x0D => s.push_str("\\r"),
        0x09 => s.push_str("\\t"),
        0x0B => s.push_str("\\v"),
        _ if is_print(c) => push_rune(&mut s, c),
        _ if c < 0x20 || c == 0x7F => s.push_str(&format!("\\x{c:02x}")),
        _ if c < 0x10000 => s.push_str(&format!("\\u{c:04x}")),
        _ => s.push_str(&format!("\\U{c:08x}")),
    }
    s.push('\'');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_letter('é' as u32) && is_letter('ß' as u32) && !is_letter('٣' as u32));
        assert!(is_digit('٣' as u32) && !is_digit('Ⅻ' as u32));
        assert!(is_upper('É' as u32) && !is_upper('é' as u32));
        assert!(is_space(0x85) && is_space(0x3000) && !is_space(0x200B));
        assert!(is_graphic(0xA0) && !is_print(0xA0) && is_print('€' as u32));
        assert!(
            is_punct('.' as u32)
                && is_punct('“' as u32)
                && !is_punct('+' as u32)
                && !is_punct('$' as u32)
        );
    }

    #[test]
    fn decoding() {
        assert_eq!(decode_rune("é".as_bytes()), (0xE9, 2));
        assert_eq!(decode_rune(b"\xff"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xed\xa0\x80"), (RUNE_ERROR, 1)); // surrogate
        assert_eq!(decode_rune(b"\xe2\x82"), (RUNE_ERROR, 1)); // truncated
        assert_eq!(decode_last_rune("a€".as_bytes()), (0x20AC, 3));
        assert_eq!(decode_last_rune(b"a\x82"), (RUNE_ERROR, 1));
        let v: Vec<_> = runes(b"a\xc3\xa9\xff").collect();
        assert_eq!(v, vec![(0, 'a' as u32), (1, 0xE9), (3, 0xFFFD)]);
    }

    #[test]
    fn formatting() {
        assert_eq!(fmt_sharp_u('@' as u32 as i64), "U+0040 '@'");
        assert_eq!(fmt_sharp_u(0xA0), "U+00A0");
        assert_eq!(fmt_sharp_u(-1), "U+-0001");
        assert_eq!(quote_rune('“' as u32), "'“'");
        assert_eq!(quote_rune('"' as u32), "'\"'");
        assert_eq!(quote_rune(0), "'\\x00'");
    }
}
