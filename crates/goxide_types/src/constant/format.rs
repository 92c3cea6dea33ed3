//! Text of values: the printing half of go/constant (`String()`,
//! `ExactString()`) and the Go library formatting it relies on.
//!
//! Mirrored:
//! - `strconv.Quote` with `strconv.IsPrint` (`strconv/quote.go`,
//!   `isprint.go`, tables in `isprint_tables.rs`): string values;
//! - `strconv.FormatFloat(x, 'g', prec, 64)` (`internal/strconv/ftoa.go`
//!   `fmtEFG`), which is what `fmt`'s `%g` and `%.6g` print for finite
//!   floats without flags: the `floatVal.String()` short form;
//! - `floatVal.String()` itself (`go/constant/value.go`), including its
//!   approximate decimal conversion outside the float64 range.
//!
//! Digits: `%.Ng` needs the correctly rounded (ties-to-even) N-digit
//! decimal of a float64; it is computed exactly here from the float's
//! integer mantissa and a power of 5 (no approximation to go wrong).
//! Shortest `%g` follows Go's `shortFloat` step by step, with exact
//! integers in place of its 128-bit scaling (Rust's own shortest
//! formatting breaks exact ties the other way).
//!
//! Invariants: pure functions, total on all inputs.

use num_bigint::BigUint;
use num_traits::Zero;

use super::bigfloat::BigFloat;
use super::gomath;
use super::isprint_tables::{IS_NOT_PRINT16, IS_NOT_PRINT32, IS_PRINT16, IS_PRINT32};
use super::literal::{RUNE_ERROR, decode_rune};

/// `strconv.IsPrint`.
pub fn is_print(r: u32) -> bool {
    if r <= 0xff {
        if (0x20..=0x7e).contains(&r) {
            return true;
        }
        if (0xa1..=0xff).contains(&r) {
            return r != 0xad;
        }
        return false;
    }
    if r < 1 << 16 {
        let rr = r as u16;
        let i = IS_PRINT16.partition_point(|&x| x < rr);
        if i >= IS_PRINT16.len() || rr < IS_PRINT16[i & !1] || IS_PRINT16[i | 1] < rr {
            return false;
        }
        return IS_NOT_PRINT16.binary_search(&rr).is_err();
    }
    let i = IS_PRINT32.partition_point(|&x| x < r);
    if i >= IS_PRINT32.len() || r < IS_PRINT32[i & !1] || IS_PRINT32[i | 1] < r {
        return false;
    }
    if r >= 0x20000 {
        return true;
    }
    IS_NOT_PRINT32.binary_search(&((r - 0x10000) as u16)).is_err()
}

const LOWERHEX: &[u8; 16] = b"0123456789abcdef";

/// `strconv.Quote` (valid UTF-8 out, whatever bytes go in).
pub fn quote(s: &[u8]) -> String {
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() + 2);
    buf.push(b'"');
    let mut s = s;
    while !s.is_empty() {
        let (r, width) = decode_rune(s);
        if width == 1 && r == RUNE_ERROR {
            buf.extend_from_slice(b"\\x");
            buf.push(LOWERHEX[usize::from(s[0] >> 4)]);
            buf.push(LOWERHEX[usize::from(s[0] & 0xf)]);
            s = &s[1..];
            continue;
        }
        s = &s[width..];
        if r == u32::from(b'"') || r == u32::from(b'\\') {
            buf.push(b'\\');
            buf.push(r as u8);
            continue;
        }
        if is_print(r) {
            super::literal::push_rune(&mut buf, r);
            continue;
        }
        match r {
            7 => buf.extend_from_slice(b"\\a"),
            8 => buf.extend_from_slice(b"\\b"),
            12 => buf.extend_from_slice(b"\\f"),
            10 => buf.extend_from_slice(b"\\n"),
            13 => buf.extend_from_slice(b"\\r"),
            9 => buf.extend_from_slice(b"\\t"),
            11 => buf.extend_from_slice(b"\\v"),
            _ if r < 0x20 || r == 0x7f => {
                buf.extend_from_slice(b"\\x");
                buf.push(LOWERHEX[(r >> 4) as usize & 0xf]);
                buf.push(LOWERHEX[r as usize & 0xf]);
            }
            _ if r < 0x10000 => {
                buf.extend_from_slice(b"\\u");
                for sh in [12, 8, 4, 0] {
                    buf.push(LOWERHEX[(r >> sh) as usize & 0xf]);
                }
            }
            _ => {
                buf.extend_from_slice(b"\\U");
                for sh in [28, 24, 20, 16, 12, 8, 4, 0] {
                    buf.push(LOWERHEX[(r >> sh) as usize & 0xf]);
                }
            }
        }
    }
    buf.push(b'"');
    // Only valid UTF-8 was pushed.
    String::from_utf8(buf).unwrap_or_default()
}

/// `stringVal.String()`: the quoted string, cut to 69 runes plus `...`
/// when the quoted form has more than 72 runes.
pub fn short_quote(s: &[u8]) -> String {
    const MAX_LEN: usize = 72;
    let q = quote(s);
    if q.chars().count() > MAX_LEN {
        let cut: String = q.chars().take(MAX_LEN - 3).collect();
        return cut + "...";
    }
    q
}

/// Decimal digits of |x| (no leading or trailing zeros) and the decimal
/// point position `dp`: |x| = 0.d1d2… × 10**dp. x must be finite, ≠ 0.
fn exact_digits(x: f64) -> (Vec<u8>, i64) {
    let bits = x.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if bexp == 0 { (frac, -1074) } else { (frac | 1 << 52, bexp - 1075) };
    let (n, shift) = if e >= 0 {
        (BigUint::from(m) << (e as u64), 0)
    } else {
        // m × 2**e = m × 5**-e / 10**-e
        (BigUint::from(m) * num_traits::pow(BigUint::from(5u32), (-e) as usize), -e)
    };
    let mut d = n.to_str_radix(10).into_bytes();
    let dp = d.len() as i64 - shift;
    while d.last() == Some(&b'0') {
        d.pop();
    }
    (d, dp)
}

/// Rounds digits `d` (with point `dp`) to `n ≥ 1` significant digits,
/// ties to even, dropping trailing zeros.
fn round_digits(mut d: Vec<u8>, mut dp: i64, n: usize) -> (Vec<u8>, i64) {
    if d.len() > n {
        let up = match d[n] {
            b'6'..=b'9' => true,
            b'5' => d[n + 1..].iter().any(|&c| c != b'0') || (d[n - 1] - b'0') % 2 == 1,
            _ => false,
        };
        d.truncate(n);
        if up {
            let mut i = n;
            loop {
                if i == 0 {
                    d.insert(0, b'1');
                    dp += 1;
                    break;
                }
                i -= 1;
                if d[i] == b'9' {
                    d[i] = b'0';
                } else {
                    d[i] += 1;
                    break;
                }
            }
        }
    }
    while d.last() == Some(&b'0') {
        d.pop();
    }
    (d, dp)
}

/// `floor(k · 2**e2 · 10**p)` and whether that is exact.
fn scaled_floor(k: u64, e2: i64, p: i64) -> (BigUint, bool) {
    let ten = BigUint::from(10u32);
    let mut num = BigUint::from(k) << e2.max(0) as u64;
    let mut den = BigUint::from(1u32) << (-e2).max(0) as u64;
    if p >= 0 {
        num *= num_traits::pow(ten, p as usize);
    } else {
        den *= num_traits::pow(ten, (-p) as usize);
    }
    let (q, r) = num_integer::Integer::div_rem(&num, &den);
    (q, r.is_zero())
}

/// The shortest digits of |x| (finite, ≠ 0) that read back as x, and
/// `dp`: Go's `shortFloat` (`internal/strconv/uscale.go`), computed here
/// with exact integers. Among the candidates of the shortest length it
/// takes the correctly rounded one, ties to even — unlike Rust's `{:e}`,
/// which breaks exact ties upward (`-1.0000000033670312e+11` in Go).
fn shortest_digits(x: f64) -> (Vec<u8>, i64) {
    const MANT_BITS: i64 = 52;
    const MIN_EXP: i64 = -1085;
    let bits = x.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1 << 52) - 1);
    let exp = if bexp == 0 {
        1 - 1023
    } else {
        mant |= 1 << 52;
        bexp - 1023
    };
    let s = i64::from(mant.leading_zeros());
    let m = mant << s;
    let e = exp - s - MANT_BITS;
    let log10_pow2 = |x: i64| (x * 78913) >> 18;
    let skewed = |x: i64| (x * 631305 - 261663) >> 21;
    let mut z: i64 = 63 - MANT_BITS;
    let (p, min, max);
    if m == 1 << 63 && e > MIN_EXP {
        p = -skewed(e + z);
        min = m - (1 << (z - 2));
        max = m + (1 << (z - 1));
    } else {
        if e < MIN_EXP {
            z += MIN_EXP - e;
        }
        p = -log10_pow2(e + z);
        min = m - (1 << (z - 1));
        max = m + (1 << (z - 1));
    }
    let odd = (m >> z) & 1 == 1;
    let (dmin, exact) = scaled_floor(min, e, p);
    let dmin = if exact && !odd { dmin } else { dmin + 1u32 };
    let (dmax, exact) = scaled_floor(max, e, p);
    let dmax = if exact && odd { dmax - 1u32 } else { dmax };
    let (d, pout) = {
        let d10 = &dmax / 10u32;
        if &d10 * 10u32 >= dmin {
            (d10, -(p - 1))
        } else if dmin < dmax {
            // Correctly rounded, ties to even.
            let ten = BigUint::from(10u32);
            let mut num = BigUint::from(m) << e.max(0) as u64;
            let mut den = BigUint::from(1u32) << (-e).max(0) as u64;
            if p >= 0 {
                num *= num_traits::pow(ten, p as usize);
            } else {
                den *= num_traits::pow(ten, (-p) as usize);
            }
            let (q, r) = num_integer::Integer::div_rem(&num, &den);
            let twice = r << 1u32;
            let up = twice > den || twice == den && q.bit(0);
            (if up { q + 1u32 } else { q }, -p)
        } else {
            (dmin, -p)
        }
    };
    let mut digits = d.to_str_radix(10).into_bytes();
    let dp = digits.len() as i64 + pout;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, dp)
}

/// `strconv.FormatFloat(x, 'g', prec, 64)`; `prec == None` is -1 (the
/// shortest representation), which is what `%g` prints.
pub fn format_g(x: f64, prec: Option<usize>) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+Inf".into() } else { "-Inf".into() };
    }
    let neg = x.is_sign_negative();
    let shortest = prec.is_none();
    let (d, dp) = if x == 0.0 {
        (Vec::new(), 0)
    } else if let Some(p) = prec {
        let (d, dp) = exact_digits(x);
        round_digits(d, dp, p.max(1))
    } else {
        shortest_digits(x)
    };
    let nd = d.len() as i64;
    let mut prec: i64 = match prec {
        None => nd,
        Some(0) => 1,
        Some(p) => p as i64,
    };
    // fmtEFG, 'g'
    let mut eprec = prec;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    if shortest {
        eprec = 6;
    }
    let exp = dp - 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if exp < -4 || exp >= eprec {
        if prec > nd {
            prec = nd;
        }
        prec -= 1;
        // %e: d.ddddde±dd
        out.push(if nd != 0 { char::from(d[0]) } else { '0' });
        if prec > 0 {
            out.push('.');
            let m = nd.min(prec + 1);
            for &c in d.iter().take(m as usize).skip(1) {
                out.push(char::from(c));
            }
            for _ in m.max(1)..prec + 1 {
                out.push('0');
            }
        }
        out.push('e');
        let mut exp = if nd == 0 { 0 } else { dp - 1 };
        if exp < 0 {
            out.push('-');
            exp = -exp;
        } else {
            out.push('+');
        }
        if exp < 10 {
            out.push('0');
        }
        out.push_str(&exp.to_string());
    } else {
        if prec > dp {
            prec = nd;
        }
        prec = (prec - dp).max(0);
        // %f: ddd.ddd
        if dp > 0 {
            let m = nd.min(dp);
            for &c in &d[..m as usize] {
                out.push(char::from(c));
            }
            for _ in m..dp {
                out.push('0');
            }
        } else {
            out.push('0');
        }
        if prec > 0 {
            out.push('.');
            let lz = prec.min((-dp).max(0));
            let off = dp + lz;
            let m = (prec - lz).min((nd - off).max(0));
            let tz = (prec - lz - m).max(0);
            for _ in 0..lz {
                out.push('0');
            }
            for i in 0..m {
                out.push(char::from(d[(off + i) as usize]));
            }
            for _ in 0..tz {
                out.push('0');
            }
        }
    }
    out
}

/// `float64(math.Ln2 / math.Ln10)`: the untyped constant quotient,
/// rounded once to float64 (as gc evaluates it).
fn ln2_over_ln10() -> f64 {
    use std::sync::OnceLock;
    static V: OnceLock<f64> = OnceLock::new();
    *V.get_or_init(|| {
        let ln2 = super::literal::parse_big_rat(b"0.693147180559945309417232121458176568");
        let ln10 = super::literal::parse_big_rat(b"2.30258509299404568401799145468436421");
        match (ln2, ln10) {
            (Some(a), Some(b)) => super::convert::rat_to_f64(&(a / b)).0,
            _ => std::f64::consts::LN_2 / std::f64::consts::LN_10,
        }
    })
}

/// `floatVal.String()`: `%.6g` of the nearest float64 (`%g` when that
/// would hide a fraction), or an approximate `%.6ge%+d` outside the
/// float64 range.
pub fn float_val_string(f: &BigFloat) -> String {
    if f.is_inf() {
        return if f.sign() < 0 { "-Inf".into() } else { "+Inf".into() };
    }
    let (x, _) = f.to_f64();
    if (f.sign() == 0) == (x == 0.0) && !x.is_infinite() {
        let mut s = format_g(x, Some(6));
        if !f.is_int() && !s.contains('.') {
            s = format_g(x, None);
        }
        return s;
    }
    let exp = f.mant_exp();
    let (mut m, _) = f.mantissa().to_f64();
    let d = f64::from(exp) * ln2_over_ln10();
    let mut e = d as i64;
    m *= gomath::pow(10.0, d - e as f64);
    let am = m.abs();
    if am < 1.0 - 0.5e-6 {
        m *= 10.0;
        e -= 1;
    } else if am >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    format!("{}e{:+}", format_g(m, Some(6)), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `'g'` rows of Go's `ftoatests` (`internal/strconv/ftoa_test.go`).
    #[test]
    #[allow(clippy::excessive_precision)] // Go's literals, as written
    fn go_ftoa_table() {
        let below1e23 = 99999999999999974834176.0;
        let above1e23 = 100000000000000008388608.0;
        let p = |n: i32| if n < 0 { None } else { Some(n as usize) };
        #[rustfmt::skip]
        let cases: &[(f64, i32, &str)] = &[
            (1.0, 5, "1"), (1.0, -1, "1"), (20.0, -1, "20"), (1234567.8, -1, "1.2345678e+06"),
            (200000.0, -1, "200000"), (2000000.0, -1, "2e+06"), (1e10, -1, "1e+10"),
            (400.0, 2, "4e+02"), (40.0, 2, "40"), (4.0, 2, "4"), (0.4, 2, "0.4"), (0.04, 2, "0.04"),
            (0.004, 2, "0.004"), (0.0004, 2, "0.0004"), (0.00004, 2, "4e-05"), (0.000004, 2, "4e-06"),
            (0.0, 5, "0"), (0.0, -1, "0"), (-1.0, 5, "-1"), (-1.0, -1, "-1"), (12.0, 5, "12"), (12.0, -1, "12"),
            (123456700.0, 5, "1.2346e+08"), (123456700.0, -1, "1.234567e+08"), (1.2345e6, 5, "1.2345e+06"),
            (108678236358137.625, -1, "1.0867823635813762e+14"), (1e23, 17, "9.9999999999999992e+22"),
            (1e23, -1, "1e+23"), (below1e23, 17, "9.9999999999999975e+22"), (below1e23, -1, "9.999999999999997e+22"),
            (above1e23, 17, "1.0000000000000001e+23"), (above1e23, -1, "1.0000000000000001e+23"),
            (5e-304 / 1e20, -1, "5e-324"), (-5e-304 / 1e20, -1, "-5e-324"), (32.0, -1, "32"), (32.0, 0, "3e+01"),
            (f64::NAN, -1, "NaN"), (-f64::NAN, -1, "NaN"), (f64::INFINITY, -1, "+Inf"), (f64::NEG_INFINITY, -1, "-Inf"),
            (2.2250738585072012e-308, -1, "2.2250738585072014e-308"), (2.2250738585072011e-308, -1, "2.225073858507201e-308"),
            (383260575764816448.0, -1, "3.8326057576481645e+17"), (-5.8339553793802237e+23, -1, "-5.8339553793802237e+23"),
        ];
        for &(x, prec, want) in cases {
            assert_eq!(format_g(x, p(prec)), want, "FormatFloat({x}, 'g', {prec})");
        }
    }

    #[test]
    fn shortest_round_trips_and_ties_to_even() {
        // Property: the shortest form reads back as the same float, and is
        // never longer than Rust's shortest form (which differs only in how
        // it breaks exact ties).
        let mut state = 0x1234_5678_9abc_def0u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            if !x.is_finite() || x == 0.0 {
                continue;
            }
            let s = format_g(x, None);
            assert_eq!(s.parse::<f64>().ok(), Some(x), "{s}");
            let (ours, _) = shortest_digits(x);
            let rust = format!("{:e}", x.abs());
            let rust_digits = rust.split('e').next().unwrap_or("").replace('.', "");
            assert!(ours.len() <= rust_digits.trim_end_matches('0').len(), "{x:e}: {s}");
        }
    }

    /// Go's `quotetests` (`strconv/quote_test.go`), `Quote` column; and
    /// go/constant's 72-rune cut.
    #[test]
    fn quoting() {
        let quotetests: &[(&[u8], &str)] = &[
            (b"\x07\x08\x0c\r\n\t\x0b", r#""\a\b\f\r\n\t\v""#),
            (b"\\", r#""\\""#),
            (b"abc\xffdef", r#""abc\xffdef""#),
            ("\u{263a}".as_bytes(), r#""☺""#),
            ("\u{10ffff}".as_bytes(), r#""\U0010ffff""#),
            (b"\x04", r#""\x04""#),
            ("!\u{a0}!\u{2000}!\u{3000}!".as_bytes(), r#""!\u00a0!\u2000!\u3000!""#),
            (b"\x7f", r#""\x7f""#),
        ];
        for &(input, want) in quotetests {
            assert_eq!(quote(input), want);
        }
        let long = "x".repeat(71);
        assert_eq!(short_quote(long.as_bytes()), format!("\"{}...", "x".repeat(68)));
        assert_eq!(short_quote("x".repeat(70).as_bytes()).len(), 72);
    }
}
