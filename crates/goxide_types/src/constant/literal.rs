//! Literal text to values: the parsing half of go/constant's
//! `MakeFromLiteral`, with the Go library parsers it relies on ported
//! rule for rule, because which texts they accept (and with what value)
//! decides `Unknown` versus a value, and `int64Val` versus `intVal`.
//!
//! Mirrored:
//! - `strconv.ParseInt(lit, 0, 64)` and `underscoreOK`
//!   (`internal/strconv/atoi.go`): the int64 fast path of `token.INT`;
//! - `big.Int.SetString(lit, 0)` (`math/big/intconv.go`), on the shared
//!   `nat.scan` (`natconv.go`) and `scanSign`: the big path of `token.INT`;
//! - `big.Float.Parse(lit, 0)` (`floatconv.go`) with `scanExponent`
//!   (`ratconv.go`): every `token.FLOAT`/`token.IMAG`, which decides
//!   between the rational and the binary-float representation
//!   (`makeFloatFromLiteral`); the numeric half is
//!   `BigFloat::from_scanned`;
//! - `big.Rat.SetString` (`ratconv.go`), floating-point form: the exact
//!   value when the float is small enough;
//! - `strconv.UnquoteChar` / `strconv.Unquote` (`strconv/quote.go`):
//!   `token.CHAR` and `token.STRING`, with every escape, raw strings
//!   dropping `\r`, and invalid UTF-8 decoding to U+FFFD where Go's does.
//!
//! Go's byte reader becomes `Reader` (a cursor with one-byte unread).
//! Errors carry no detail: go/constant only asks whether parsing failed.
//!
//! Invariants: total on any byte string (no panics, no unbounded work
//! beyond what Go itself does: `Rat.SetString` refuses decimal exponents
//! above 1e6 and binary ones above 1e7, as Go's).

use num_bigint::{BigInt, BigUint, Sign};
use num_rational::BigRational;
use num_traits::{One, Zero};

use super::bigfloat::BigFloat;

/// Go's `utf8.RuneError`.
pub const RUNE_ERROR: u32 = 0xfffd;

/// Go's `utf8.DecodeRuneInString`: the first rune and its width;
/// `(RuneError, 1)` for an invalid encoding, `(RuneError, 0)` at the end.
pub fn decode_rune(s: &[u8]) -> (u32, usize) {
    let Some(&b0) = s.first() else { return (RUNE_ERROR, 0) };
    if b0 < 0x80 {
        return (u32::from(b0), 1);
    }
    let prefix = &s[..s.len().min(4)];
    let valid = match std::str::from_utf8(prefix) {
        Ok(v) => v,
        Err(e) => std::str::from_utf8(&prefix[..e.valid_up_to()]).unwrap_or(""),
    };
    match valid.chars().next() {
        Some(c) => (u32::from(c), c.len_utf8()),
        None => (RUNE_ERROR, 1),
    }
}

/// A `strings.Reader` used as an `io.ByteScanner`.
struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn new(s: &'a [u8]) -> Self {
        Reader { s, i: 0 }
    }

    fn read(&mut self) -> Option<u8> {
        let c = self.s.get(self.i).copied();
        if c.is_some() {
            self.i += 1;
        }
        c
    }

    /// Only called right after a successful `read`.
    fn unread(&mut self) {
        self.i -= 1;
    }

    fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }
}

/// A parse failure (Go's various `error`s; callers only test for one).
#[derive(Debug)]
struct Fail;

/// `big.scanSign`: an optional sign; reading nothing at all is an error.
fn scan_sign(r: &mut Reader) -> Result<bool, Fail> {
    match r.read() {
        None => Err(Fail),
        Some(b'-') => Ok(true),
        Some(b'+') => Ok(false),
        Some(_) => {
            r.unread();
            Ok(false)
        }
    }
}

/// `nat.scan` for `base` 0 or 10 (the bases go/constant reaches): the
/// value, the actual base, and the digit count (≤ 0: minus the number of
/// fractional digits when `frac_ok` found a period).
fn nat_scan(r: &mut Reader, base: u32, frac_ok: bool) -> Result<(BigUint, u32, i64), Fail> {
    let mut frac_ok = frac_ok;
    let mut prev = b'.';
    let mut inval_sep = false;
    let mut ch = r.read();
    let (mut b, mut prefix) = (base, 0u8);
    let mut count: i64 = 0;
    if base == 0 {
        b = 10;
        if ch == Some(b'0') {
            prev = b'0';
            count = 1;
            ch = r.read();
            if let Some(c) = ch {
                match c {
                    b'b' | b'B' => (b, prefix) = (2, b'b'),
                    b'o' | b'O' => (b, prefix) = (8, b'o'),
                    b'x' | b'X' => (b, prefix) = (16, b'x'),
                    _ if !frac_ok => (b, prefix) = (8, b'0'),
                    _ => {}
                }
                if prefix != 0 {
                    count = 0;
                    if prefix != b'0' {
                        ch = r.read();
                    }
                }
            }
        }
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut dp: i64 = -1;
    while let Some(c) = ch {
        if c == b'.' && frac_ok {
            frac_ok = false;
            if prev == b'_' {
                inval_sep = true;
            }
            prev = b'.';
            dp = count;
        } else if c == b'_' && base == 0 {
            if prev != b'0' {
                inval_sep = true;
            }
            prev = b'_';
        } else {
            let d1 = match c {
                b'0'..=b'9' => u32::from(c - b'0'),
                b'a'..=b'z' => u32::from(c - b'a') + 10,
                b'A'..=b'Z' => u32::from(c - b'A') + 10,
                _ => u32::MAX,
            };
            if d1 >= b {
                r.unread();
                break;
            }
            prev = b'0';
            count += 1;
            digits.push(d1 as u8);
        }
        ch = r.read();
    }
    let sep_err = inval_sep || prev == b'_';
    if count == 0 {
        if prefix == b'0' {
            // Only the octal prefix "0": decimal 0.
            return if sep_err { Err(Fail) } else { Ok((BigUint::zero(), 10, 1)) };
        }
        return Err(Fail);
    }
    if sep_err {
        return Err(Fail);
    }
    let res = BigUint::from_radix_be(&digits, b).unwrap_or_default();
    if dp >= 0 {
        count = dp - count;
    }
    Ok((res, b, count))
}

/// `big.scanExponent`: an optional `e`/`E` (or, with `base2ok`, `p`/`P`)
/// exponent; returns the exponent and its base (10 or 2).
fn scan_exponent(r: &mut Reader, base2ok: bool, sep_ok: bool) -> Result<(i64, u32), Fail> {
    let base = match r.read() {
        None => return Ok((0, 10)),
        Some(b'e' | b'E') => 10,
        Some(b'p' | b'P') if base2ok => 2,
        Some(_) => {
            r.unread();
            return Ok((0, 10));
        }
    };
    let mut digits = String::new();
    let mut ch = r.read();
    if let Some(c @ (b'+' | b'-')) = ch {
        if c == b'-' {
            digits.push('-');
        }
        ch = r.read();
    }
    let mut prev = b'.';
    let mut inval_sep = false;
    let mut has_digits = false;
    while let Some(c) = ch {
        if c.is_ascii_digit() {
            digits.push(char::from(c));
            prev = b'0';
            has_digits = true;
        } else if c == b'_' && sep_ok {
            if prev != b'0' {
                inval_sep = true;
            }
            prev = b'_';
        } else {
            r.unread();
            break;
        }
        ch = r.read();
    }
    if !has_digits {
        return Err(Fail);
    }
    let exp: i64 = digits.parse().map_err(|_| Fail)?;
    if inval_sep || prev == b'_' {
        return Err(Fail);
    }
    Ok((exp, base))
}

/// `strconv`'s `lower`.
fn lower(c: u8) -> u8 {
    c | (b'x' - b'X')
}

/// `strconv.underscoreOK`.
fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut i = 0;
    let s = match s.first() {
        Some(b'-' | b'+') => &s[1..],
        _ => s,
    };
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// `strconv.ParseUint(s, 0, 64)`; any error is `None`.
fn parse_uint64(s: &[u8]) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let s0 = s;
    let mut s = s;
    let mut base = 10u64;
    if s[0] == b'0' {
        if s.len() >= 3 && lower(s[1]) == b'b' {
            base = 2;
            s = &s[2..];
        } else if s.len() >= 3 && lower(s[1]) == b'o' {
            base = 8;
            s = &s[2..];
        } else if s.len() >= 3 && lower(s[1]) == b'x' {
            base = 16;
            s = &s[2..];
        } else {
            base = 8;
            s = &s[1..];
        }
    }
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in s {
        let d = if c == b'_' {
            underscores = true;
            continue;
        } else if c.is_ascii_digit() {
            c - b'0'
        } else if lower(c).is_ascii_lowercase() {
            lower(c) - b'a' + 10
        } else {
            return None;
        };
        if u64::from(d) >= base {
            return None;
        }
        n = n.checked_mul(base)?.checked_add(u64::from(d))?;
    }
    if underscores && !underscore_ok(s0) {
        return None;
    }
    Some(n)
}

/// `strconv.ParseInt(s, 0, 64)`; any error (syntax or range) is `None`.
pub fn parse_int64(s: &[u8]) -> Option<i64> {
    let (neg, s) = match s.first()? {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let un = parse_uint64(s)?;
    const CUTOFF: u64 = 1 << 63;
    if !neg && un >= CUTOFF || neg && un > CUTOFF {
        return None;
    }
    Some(if neg { (un as i64).wrapping_neg() } else { un as i64 })
}

/// `big.Int.SetString(s, 0)`.
pub fn parse_big_int(s: &[u8]) -> Option<BigInt> {
    let mut r = Reader::new(s);
    let neg = scan_sign(&mut r).ok()?;
    let (abs, _, _) = nat_scan(&mut r, 0, false).ok()?;
    if !r.at_end() {
        return None;
    }
    Some(BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, abs))
}

/// `big.Float.Parse(s, 0)` at precision `prec` (`SetString` on a Float
/// of that precision); `None` on any error.
pub fn parse_big_float(s: &[u8], prec: u32) -> Option<BigFloat> {
    match s {
        b"Inf" | b"inf" => return Some(BigFloat::infinity(false, prec)),
        [sign @ (b'+' | b'-'), rest @ ..] if rest == b"Inf" || rest == b"inf" => {
            return Some(BigFloat::infinity(*sign == b'-', prec));
        }
        _ => {}
    }
    let mut r = Reader::new(s);
    let neg = scan_sign(&mut r).ok()?;
    let (mant, base, fcount) = nat_scan(&mut r, 0, true).ok()?;
    let (exp, ebase) = scan_exponent(&mut r, true, true).ok()?;
    let z = BigFloat::from_scanned(neg, mant, base, fcount, exp, ebase, prec)?;
    if !r.at_end() {
        return None;
    }
    Some(z)
}

/// `big.Rat.SetString(s)` for the floating-point form. The `a/b` form
/// is not reachable here: go/constant only asks after `Float.Parse`
/// accepted `s`, and that never accepts a `/`.
pub fn parse_big_rat(s: &[u8]) -> Option<BigRational> {
    if s.is_empty() || s.contains(&b'/') {
        return None;
    }
    let mut r = Reader::new(s);
    let neg = scan_sign(&mut r).ok()?;
    let (mut a, base, fcount) = nat_scan(&mut r, 0, true).ok()?;
    let (exp, ebase) = scan_exponent(&mut r, true, true).ok()?;
    if !r.at_end() {
        return None;
    }
    if a.is_zero() {
        return Some(BigRational::zero());
    }
    let (mut exp2, mut exp5) = (0i64, 0i64);
    if fcount < 0 {
        let d = fcount;
        match base {
            10 => {
                exp5 = d;
                exp2 = d;
            }
            2 => exp2 = d,
            8 => exp2 = d.wrapping_mul(3),
            _ => exp2 = d.wrapping_mul(4),
        }
    }
    if ebase == 10 {
        exp5 = exp5.wrapping_add(exp);
    }
    exp2 = exp2.wrapping_add(exp);
    let mut b = BigUint::one();
    if exp5 != 0 {
        let n = exp5.checked_abs()?;
        if n > 1_000_000 {
            return None;
        }
        let pow5 = num_traits::pow(BigUint::from(5u32), n as usize);
        if exp5 > 0 {
            a *= pow5;
        } else {
            b = pow5;
        }
    }
    if !(-10_000_000..=10_000_000).contains(&exp2) {
        return None;
    }
    if exp2 > 0 {
        a <<= exp2 as u64;
    } else if exp2 < 0 {
        b <<= (-exp2) as u64;
    }
    let sign = if neg { Sign::Minus } else { Sign::Plus };
    Some(BigRational::new(BigInt::from_biguint(sign, a), BigInt::from(b)))
}

/// `unhex`.
fn unhex(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// `strconv.UnquoteChar(s, quote)`: the value, whether it needs a
/// multi-byte UTF-8 encoding, and the tail; `None` on a syntax error.
pub fn unquote_char(s: &[u8], quote: u8) -> Option<(u32, bool, &[u8])> {
    let &c = s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, size) = decode_rune(s);
        return Some((r, true, &s[size..]));
    }
    if c != b'\\' {
        return Some((u32::from(c), false, &s[1..]));
    }
    if s.len() <= 1 {
        return None;
    }
    let c = s[1];
    let mut s = &s[2..];
    let mut multibyte = false;
    let value = match c {
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'n' => 10,
        b'r' => 13,
        b't' => 9,
        b'v' => 11,
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
            for &h in &s[..n] {
                v = v << 4 | unhex(h)?;
            }
            s = &s[n..];
            if c != b'x' {
                // utf8.ValidRune
                if v > 0x10ffff || (0xd800..0xe000).contains(&v) {
                    return None;
                }
                multibyte = true;
            }
            v
        }
        b'0'..=b'7' => {
            let mut v = u32::from(c - b'0');
            if s.len() < 2 {
                return None;
            }
            for &o in &s[..2] {
                if !(b'0'..=b'7').contains(&o) {
                    return None;
                }
                v = v << 3 | u32::from(o - b'0');
            }
            s = &s[2..];
            if v > 255 {
                return None;
            }
            v
        }
        b'\\' => u32::from(b'\\'),
        b'\'' | b'"' => {
            if c != quote {
                return None;
            }
            u32::from(c)
        }
        _ => return None,
    };
    Some((value, multibyte, s))
}

/// Appends rune `r` in UTF-8 (`utf8.AppendRune`: invalid runes as U+FFFD).
pub fn push_rune(buf: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or('\u{fffd}');
    let mut tmp = [0u8; 4];
    buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

/// `strconv.Unquote`: the value of a quoted Go string (or character)
/// literal; `None` on a syntax error or trailing text.
pub fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    if s.len() < 2 {
        return None;
    }
    let quote = s[0];
    let end = s[1..].iter().position(|&c| c == quote)? + 2;
    match quote {
        b'`' => {
            if end != s.len() {
                return None;
            }
            let body = &s[1..end - 1];
            Some(body.iter().copied().filter(|&c| c != b'\r').collect())
        }
        b'"' | b'\'' => {
            let prefix = &s[..end];
            if !prefix.contains(&b'\\') && !prefix.contains(&b'\n') {
                let body = &s[1..end - 1];
                let valid = if quote == b'"' {
                    std::str::from_utf8(body).is_ok()
                } else {
                    let (r, n) = decode_rune(body);
                    1 + n + 1 == end && (r != RUNE_ERROR || n != 1)
                };
                if valid {
                    return if end == s.len() { Some(body.to_vec()) } else { None };
                }
            }
            let mut buf = Vec::with_capacity(3 * end / 2);
            let mut rest = &s[1..];
            while let Some(&c) = rest.first() {
                if c == quote {
                    break;
                }
                if c == b'\n' {
                    return None;
                }
                let (r, multibyte, tail) = unquote_char(rest, quote)?;
                rest = tail;
                if r < 0x80 || !multibyte {
                    buf.push(r as u8);
                } else {
                    push_rune(&mut buf, r);
                }
                if quote == b'\'' {
                    break;
                }
            }
            if rest.first() != Some(&quote) {
                return None;
            }
            if rest.len() != 1 {
                return None;
            }
            Some(buf)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The base-0 rows of Go's `parseInt64BaseTests`
    /// (`internal/strconv/atoi_test.go`); `None` is any error.
    #[test]
    fn go_parse_int64_base0_table() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<i64>)] = &[
            ("", None), ("0", Some(0)), ("-0", Some(0)), ("1", Some(1)), ("-1", Some(-1)),
            ("12345", Some(12345)), ("-12345", Some(-12345)), ("012345", Some(0o12345)), ("-012345", Some(-0o12345)),
            ("0x12345", Some(0x12345)), ("-0X12345", Some(-0x12345)), ("12345x", None), ("-12345x", None),
            ("98765432100", Some(98765432100)), ("-98765432100", Some(-98765432100)),
            ("9223372036854775807", Some(i64::MAX)), ("-9223372036854775807", Some(-i64::MAX)),
            ("9223372036854775808", None), ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775809", None), ("-9223372036854775809", None),
            ("-0x_1_2_3_4_5", Some(-0x12345)), ("0x_1_2_3_4_5", Some(0x12345)), ("-_0x12345", None),
            ("_-0x12345", None), ("_0x12345", None), ("0x__12345", None), ("0x1__2345", None),
            ("0x1234__5", None), ("0x12345_", None), ("-0_1_2_3_4_5", Some(-0o12345)), ("0_1_2_3_4_5", Some(0o12345)),
            ("-_012345", None), ("_-012345", None), ("_012345", None), ("0__12345", None), ("01234__5", None),
            ("012345_", None), ("+0xf", Some(0xf)), ("-0xf", Some(-0xf)), ("0x+f", None), ("0x-f", None),
        ];
        for &(s, want) in cases {
            assert_eq!(parse_int64(s.as_bytes()), want, "ParseInt({s:?}, 0, 64)");
        }
    }

    #[test]
    fn big_int_and_rat() {
        assert_eq!(
            parse_big_int(b"0x_ffff_ffff_ffff_ffff_f").map(|x| x.to_string()),
            Some("295147905179352825855".into())
        );
        assert_eq!(parse_big_int(b"08"), None);
        assert_eq!(parse_big_int(b"0"), Some(BigInt::zero()));
        assert_eq!(parse_big_int(b""), None);
        assert_eq!(parse_big_rat(b"0x1.8p1").map(|r| r.to_string()), Some("3".into()));
        assert_eq!(parse_big_rat(b"1.25e-1").map(|r| r.to_string()), Some("1/8".into()));
        assert_eq!(parse_big_rat(b"1e1000001"), None);
    }

    /// Go's `unquotetests`, `quotetests` read back, `misquoted` and
    /// `TestUnquoteInvalidUTF8` (`strconv/quote_test.go`).
    #[test]
    fn go_unquote_tables() {
        #[rustfmt::skip]
        let unquotetests: &[(&[u8], &[u8])] = &[
            (br#""""#, b""), (br#""a""#, b"a"), (br#""abc""#, b"abc"), ("\"☺\"".as_bytes(), "☺".as_bytes()),
            (br#""hello world""#, b"hello world"), (br#""\xFF""#, b"\xff"), (br#""\377""#, b"\xff"),
            (br#""\u1234""#, "\u{1234}".as_bytes()), (br#""\U00010111""#, "\u{10111}".as_bytes()),
            (br#""\U0001011111""#, "\u{10111}11".as_bytes()), (br#""\a\b\f\n\r\t\v\\\"""#, b"\x07\x08\x0c\n\r\t\x0b\\\""),
            (br#""'""#, b"'"), (b"'a'", b"a"), ("'☹'".as_bytes(), "☹".as_bytes()), (br"'\a'", b"\x07"),
            (br"'\x10'", b"\x10"), (br"'\377'", b"\xff"), (br"'\u1234'", "\u{1234}".as_bytes()),
            (br"'\U00010111'", "\u{10111}".as_bytes()), (br"'\t'", b"\t"), (b"' '", b" "), (br"'\''", b"'"),
            (br#"'"'"#, b"\""), (b"``", b""), (b"`a`", b"a"), (b"`abc`", b"abc"), ("`☺`".as_bytes(), "☺".as_bytes()),
            (b"`hello world`", b"hello world"), (br"`\xFF`", br"\xFF"), (br"`\377`", br"\377"), (br"`\`", br"\"),
            (b"`\n`", b"\n"), (b"`\t`", b"\t"), (b"` `", b" "), (b"`a\rb`", b"ab"),
            // quotetests, read back
            (br#""\a\b\f\r\n\t\v""#, b"\x07\x08\x0c\r\n\t\x0b"), (br#""\\""#, b"\\"),
            (br#""abc\xffdef""#, b"abc\xffdef"), ("\"☺\"".as_bytes(), "\u{263a}".as_bytes()),
            (br#""\U0010ffff""#, "\u{10ffff}".as_bytes()), (br#""\x04""#, b"\x04"),
            (br#""!\u00a0!\u2000!\u3000!""#, "!\u{a0}!\u{2000}!\u{3000}!".as_bytes()), (br#""\x7f""#, b"\x7f"),
            // TestUnquoteInvalidUTF8
            (br#""foo""#, b"foo"), (b"\"\xc0\"", b"\xef\xbf\xbd"), (b"\"a\xc0\"", b"a\xef\xbf\xbd"),
            (b"\"\\t\xc0\"", b"\t\xef\xbf\xbd"),
        ];
        for &(input, want) in unquotetests {
            assert_eq!(unquote(input).as_deref(), Some(want), "Unquote({:?})", String::from_utf8_lossy(input));
        }
        #[rustfmt::skip]
        let misquoted: &[&[u8]] = &[
            b"", br#"""#, br#""a"#, br#""'"#, br#"b""#, br#""\""#, br#""\9""#, br#""\19""#, br#""\129""#, br"'\'",
            br"'\9'", br"'\19'", br"'\129'", b"'ab'", br#""\x1!""#, br#""\U12345678""#, br#""\z""#, b"`", b"`xxx",
            b"``x\r", b"`\"", br#""\'""#, br#"'\"'"#, b"\"\n\"", b"\"\\n\n\"", b"'\n'", br#""\udead""#,
            br#""\ud83d\ude4f""#, br#""foo"#,
        ];
        for &input in misquoted {
            assert_eq!(unquote(input), None, "Unquote({:?})", String::from_utf8_lossy(input));
        }
    }
}
