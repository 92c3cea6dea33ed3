//! Go quoted-string literals as strconv reads and writes them: `Unquote`
//! (import paths, import comments), `QuotedPrefix` (`//go:embed`
//! arguments) and `Quote` (fmt's `%q` in go/build's messages).
//!
//! A port of `strconv/quote.go`'s `unquote(in, unescape)` and
//! `UnquoteChar` (Go 1.27.3): raw strings drop `\r`; interpreted strings
//! without escapes must be valid UTF-8 to take the fast path, otherwise
//! each character goes through `UnquoteChar`, where an invalid UTF-8 byte
//! becomes U+FFFD and `\xNN`/octal escapes give raw bytes. Values are bytes
//! because Go strings are: `"\xff"` unquotes to one byte 0xFF.
//!
//! Invariant: any syntax error is `None` (Go's `strconv.ErrSyntax`); no
//! input panics.

use super::unicode::{RUNE_ERROR, decode_rune, is_print, push_rune};

/// `strconv.Quote` (fmt's `%q` of a string): printable characters kept,
/// invalid bytes as `\xNN`, other characters escaped.
pub(crate) fn quote(s: &str) -> String {
    quote_bytes(s.as_bytes())
}

/// `strconv.Quote` of arbitrary bytes.
pub(crate) fn quote_bytes(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if w == 1 && r == RUNE_ERROR {
            out.push_str(&format!("\\x{:02x}", s[i]));
            i += 1;
            continue;
        }
        i += w;
        match r {
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            _ if is_print(r) => push_rune(&mut out, r),
            0x07 => out.push_str("\\a"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0x0B => out.push_str("\\v"),
            _ if r < 0x20 || r == 0x7F => out.push_str(&format!("\\x{r:02x}")),
            _ if r < 0x10000 => out.push_str(&format!("\\u{r:04x}")),
            _ => out.push_str(&format!("\\U{r:08x}")),
        }
    }
    out.push('"');
    out
}

/// `strconv.Unquote`.
pub(crate) fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    let (out, rem) = unquote_prefix(s, true)?;
    rem.is_empty().then_some(out)
}

/// `strconv.QuotedPrefix`: the quoted literal at the start of `s`.
pub(crate) fn quoted_prefix(s: &[u8]) -> Option<&[u8]> {
    let (_, rem) = unquote_prefix(s, false)?;
    Some(&s[..s.len() - rem.len()])
}

fn valid_utf8(b: &[u8]) -> bool {
    std::str::from_utf8(b).is_ok()
}

/// `strconv.unquote`: the value (when `unescape`) and the rest of `input`.
fn unquote_prefix(input: &[u8], unescape: bool) -> Option<(Vec<u8>, &[u8])> {
    if input.len() < 2 {
        return None;
    }
    let quote = input[0];
    let end = input[1..].iter().position(|&b| b == quote)? + 2;
    match quote {
        b'`' => {
            let out = if !unescape {
                Vec::new()
            } else {
                input[1..end - 1]
                    .iter()
                    .copied()
                    .filter(|&b| b != b'\r')
                    .collect()
            };
            Some((out, &input[end..]))
        }
        b'"' | b'\'' => {
            let lit = &input[..end];
            if !lit.contains(&b'\\') && !lit.contains(&b'\n') {
                let body = &input[1..end - 1];
                let valid = if quote == b'"' {
                    valid_utf8(body)
                } else {
                    let (r, n) = decode_rune(body);
                    2 + n == end && (r != RUNE_ERROR || n != 1)
                };
                if valid {
                    let out = if unescape { body.to_vec() } else { Vec::new() };
                    return Some((out, &input[end..]));
                }
            }
            let mut out = Vec::new();
            let mut rest = &input[1..];
            while !rest.is_empty() && rest[0] != quote {
                if rest[0] == b'\n' {
                    return None;
                }
                let (value, tail) = unquote_char(rest, quote)?;
                rest = tail;
                if unescape {
                    match value {
                        Char::Byte(b) => out.push(b),
                        Char::Rune(r) => {
                            let c = char::from_u32(r).unwrap_or('\u{FFFD}');
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                    }
                }
                if quote == b'\'' {
                    break;
                }
            }
            if rest.first() != Some(&quote) {
                return None;
            }
            Some((out, &rest[1..]))
        }
        _ => None,
    }
}

/// One decoded character: a single byte (`\xNN`, octal, ASCII) or a code
/// point to encode as UTF-8.
enum Char {
    Byte(u8),
    Rune(u32),
}

fn unhex(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// `strconv.UnquoteChar`.
fn unquote_char(s: &[u8], quote: u8) -> Option<(Char, &[u8])> {
    let c = *s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, size) = decode_rune(s);
        return Some((Char::Rune(r), &s[size..]));
    }
    if c != b'\\' {
        return Some((Char::Byte(c), &s[1..]));
    }
    let c = *s.get(1)?;
    let s = &s[2..];
    let simple = |b: u8| Some((Char::Byte(b), s));
    match c {
        b'a' => simple(0x07),
        b'b' => simple(0x08),
        b'f' => simple(0x0C),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'v' => simple(0x0B),
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if s.len() < n {
                return None;
            }
            let mut v: u32 = 0;
            for &d in &s[..n] {
                v = v << 4 | unhex(d)?;
            }
            let s = &s[n..];
            if c == b'x' {
                return Some((Char::Byte(v as u8), s));
            }
            char::from_u32(v)?;
            Some((Char::Rune(v), s))
        }
        b'0'..=b'7' => {
            let mut v = (c - b'0') as u32;
            if s.len() < 2 {
                return None;
            }
            for &d in &s[..2] {
                if !(b'0'..=b'7').contains(&d) {
                    return None;
                }
                v = v << 3 | (d - b'0') as u32;
            }
            if v > 255 {
                return None;
            }
            Some((Char::Byte(v as u8), &s[2..]))
        }
        b'\\' => simple(b'\\'),
        b'\'' | b'"' => {
            if c != quote {
                return None;
            }
            simple(c)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoting() {
        assert_eq!(unquote(b"\"fmt\"").as_deref(), Some(&b"fmt"[..]));
        assert_eq!(unquote(b"`a\rb`").as_deref(), Some(&b"ab"[..]));
        assert_eq!(
            unquote(b"\"a\\x41\\u00e9\\101\"").as_deref(),
            Some("aAéA".as_bytes())
        );
        assert_eq!(unquote(b"\"\\xff\"").as_deref(), Some(&b"\xff"[..]));
        assert_eq!(unquote(b"\"a\"b"), None);
        assert_eq!(unquote(b"\"\\q\""), None);
        assert_eq!(unquote(b"'ab'"), None);
        assert_eq!(unquote(b"'a'").as_deref(), Some(&b"a"[..]));
        assert_eq!(unquote(b"\"\\'\""), None);
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quote("é\n\u{7f}\u{a0}"), r#""é\n\x7f\u00a0""#);
        assert_eq!(quote_bytes(b"\xff"), r#""\xff""#);
    }

    #[test]
    fn prefixes() {
        assert_eq!(quoted_prefix(b"\"a b\" c"), Some(&b"\"a b\""[..]));
        assert_eq!(quoted_prefix(b"`x` y"), Some(&b"`x`"[..]));
        assert_eq!(quoted_prefix(b"\"a\\\" b\" c"), Some(&b"\"a\\\" b\""[..]));
        assert_eq!(quoted_prefix(b"\"abc"), None);
    }
}
