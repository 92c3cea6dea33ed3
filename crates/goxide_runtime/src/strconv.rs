//! Number formatting for the print builtins: the part of go1.27's
//! `internal/strconv` that `runtime/print.go` calls.
//!
//! What: `AppendFloat(v, 'g', -1, 32|64)` (the shortest digits that round
//! trip, in `%e` form when the decimal exponent is < -4 or ≥ 6, else `%f`:
//! gc's `fmtEFG` rule), `AppendComplex`, and `RuntimeFormatBase10`.
//!
//! How: a line-by-line port of `ftoa.go` (`ftoa32`/`ftoa64` shortest path,
//! `fmtEFG`), `uscale.go` (`shortFloat`, `prescale`, `uscale`,
//! `setDigits`, `numDigits`: Russ Cox's "fast unrounded scaling") and
//! `ctoa.go` (`AppendComplex`); the 128-bit powers of ten come from the
//! build script (a port of `pow10gen.go`). Functions keep gc's names and
//! structure so the two can be read side by side.
//!
//! Invariants: no allocation; output goes into caller-provided fixed
//! buffers sized as gc sizes them (24 bytes a float64, 15 a float32);
//! the result is byte-identical to gc's for every bit pattern (tested
//! against the reference go over edge cases and random bit patterns).

include!(concat!(env!("OUT_DIR"), "/pow10tab.rs"));

const FLOAT32_MANT_BITS: u32 = 23;
const FLOAT32_EXP_BITS: u32 = 8;
const FLOAT32_BIAS: i32 = -127;
const FLOAT32_MIN_EXP: i32 = -189;

const FLOAT64_MANT_BITS: u32 = 52;
const FLOAT64_EXP_BITS: u32 = 11;
const FLOAT64_BIAS: i32 = -1023;
const FLOAT64_MIN_EXP: i32 = -1085;

/// gc's `float64Bytes`: the longest shortest-'g' float64 (sign, 17 digits,
/// point, e, sign, 3 exponent digits).
pub const FLOAT64_BYTES: usize = 24;
/// gc's `float32Bytes`.
pub const FLOAT32_BYTES: usize = 15;
/// gc's `complex128Bytes`: parens, two float64s, `i`.
pub const COMPLEX128_BYTES: usize = 2 * FLOAT64_BYTES + 3;

/// An append-only view of a fixed buffer: gc's `dst []byte` with a capacity
/// that the callers size so it never overflows.
pub struct Appender<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> Appender<'a> {
    pub fn new(buf: &'a mut [u8]) -> Appender<'a> {
        Appender { buf, len: 0 }
    }
    fn push(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }
    fn extend(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }
    /// Inserts `b` at `at`, shifting the bytes after it right by one.
    fn insert(&mut self, at: usize, b: u8) {
        self.buf.copy_within(at..self.len, at + 1);
        self.buf[at] = b;
        self.len += 1;
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The two float widths gc formats; `bitSize` in strconv.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FloatWidth {
    F32,
    F64,
}

/// `AppendFloat(dst, v, 'g', -1, bitSize)`: for F32, `v` must already be a
/// float32 value widened to f64 (gc passes `float64(v)` and narrows back).
pub fn append_float_shortest_g(dst: &mut Appender<'_>, v: f64, width: FloatWidth) {
    let (bits, exp_bits, mant_bits, bias) = match width {
        FloatWidth::F32 => (
            (v as f32).to_bits() as u64,
            FLOAT32_EXP_BITS,
            FLOAT32_MANT_BITS,
            FLOAT32_BIAS,
        ),
        FloatWidth::F64 => (
            v.to_bits(),
            FLOAT64_EXP_BITS,
            FLOAT64_MANT_BITS,
            FLOAT64_BIAS,
        ),
    };
    let neg = bits >> (exp_bits + mant_bits) != 0;
    let mut exp = ((bits >> mant_bits) & ((1 << exp_bits) - 1)) as i32;
    let mut mant = bits & ((1u64 << mant_bits) - 1);
    if exp == (1 << exp_bits) - 1 {
        if mant != 0 {
            dst.extend(b"NaN");
        } else if neg {
            dst.extend(b"-Inf");
        } else {
            dst.extend(b"+Inf");
        }
        return;
    }
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1 << mant_bits;
    }
    exp += bias;

    // Pick off zero.
    if mant == 0 {
        fmt_efg(dst, neg, &[], 0, 0, -1, b'g', true);
        return;
    }

    // Shortest: "only as much as needed to be exact", fast unrounded scaling.
    let mut buf = [0u8; 32];
    let s = mant.leading_zeros() as i32;
    let m = mant << s;
    let e = exp - s;
    let (d, p) = short_float(width, m, e - mant_bits as i32);
    let (dp, nd) = set_digits(&mut buf, d, p, num_digits(d));
    // Precision for shortest representation mode, 'g'.
    let prec = nd;
    fmt_efg(dst, neg, &buf, dp, nd, prec, b'g', true);
}

/// `AppendComplex(dst, c, 'g', -1, 64|128)`: `(re±imi)`.
pub fn append_complex_shortest_g(dst: &mut Appender<'_>, re: f64, im: f64, width: FloatWidth) {
    dst.push(b'(');
    append_float_shortest_g(dst, re, width);
    let i = dst.len();
    append_float_shortest_g(dst, im, width);
    // Check if imaginary part has a sign. If not, add one.
    if dst.buf[i] != b'+' && dst.buf[i] != b'-' {
        dst.insert(i, b'+');
    }
    dst.extend(b"i)");
}

/// gc's `fmtEFG` for the 'e', 'f' and 'g' verbs.
#[allow(clippy::too_many_arguments)]
fn fmt_efg(
    dst: &mut Appender<'_>,
    neg: bool,
    s: &[u8],
    dp: i32,
    nd: i32,
    mut prec: i32,
    mut fmt: u8,
    shortest: bool,
) {
    if fmt == b'g' || fmt == b'G' {
        // trailing fractional zeros in 'e' form will be trimmed.
        let mut eprec = prec;
        if eprec > nd && nd >= dp {
            eprec = nd;
        }
        // %e is used if the exponent from the conversion is less than -4 or
        // greater than or equal to the precision. If precision was the
        // shortest possible, use precision 6 for this decision.
        if shortest {
            eprec = 6;
        }
        let exp = dp - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp {
                prec = nd;
            }
            prec = (prec - dp).max(0);
            fmt = b'f';
        }
    }

    match fmt {
        b'e' | b'E' => {
            // %e: -d.ddddde±dd
            if neg {
                dst.push(b'-');
            }
            // first digit
            let mut ch = if nd != 0 { s[0] } else { b'0' };
            dst.push(ch);
            // .moredigits
            if prec > 0 {
                dst.push(b'.');
                let mut i = 1;
                let m = nd.min(prec + 1);
                if i < m {
                    dst.extend(&s[i as usize..m as usize]);
                    i = m;
                }
                for _ in 0..(prec + 1 - i) {
                    dst.push(b'0');
                }
            }
            // e±
            dst.push(fmt);
            let mut exp = dp - 1;
            if nd == 0 {
                // special case: 0 has exponent 0
                exp = 0;
            }
            if exp < 0 {
                ch = b'-';
                exp = -exp;
            } else {
                ch = b'+';
            }
            dst.push(ch);
            // dd or ddd
            let exp = exp as u32;
            if exp < 10 {
                dst.extend(&[b'0', exp as u8 + b'0']);
            } else if exp < 100 {
                dst.extend(&[(exp / 10) as u8 + b'0', (exp % 10) as u8 + b'0']);
            } else {
                dst.extend(&[
                    (exp / 100) as u8 + b'0',
                    (exp / 10 % 10) as u8 + b'0',
                    (exp % 10) as u8 + b'0',
                ]);
            }
        }
        b'f' => {
            // %f: -ddddddd.ddddd
            if neg {
                dst.push(b'-');
            }
            // integer, padded with zeros as needed.
            if dp > 0 {
                let m = nd.min(dp);
                dst.extend(&s[..m as usize]);
                for _ in 0..(dp - m) {
                    dst.push(b'0');
                }
            } else {
                dst.push(b'0');
            }
            // fraction
            if prec > 0 {
                dst.push(b'.');
                let lz = prec.min((-dp).max(0)); // leading zeros
                let off = dp + lz;
                let m = (prec - lz).min((nd - off).max(0)); // middle digits
                let tz = (prec - lz - m).max(0); // trailing zeros
                for _ in 0..lz {
                    dst.push(b'0');
                }
                for i in 0..m {
                    dst.push(s[(off + i) as usize]);
                }
                for _ in 0..tz {
                    dst.push(b'0');
                }
            }
        }
        _ => {
            // unknown format
            dst.extend(&[b'%', fmt]);
        }
    }
}

// ---- uscale.go ----

/// An unrounded value: the integer part in the high bits, then a half bit
/// and a sticky bit (gc's `unrounded`).
#[derive(Clone, Copy)]
struct Unrounded(u64);

impl Unrounded {
    fn floor(self) -> u64 {
        self.0 >> 2
    }
    fn round(self) -> u64 {
        (self.0 + 1 + ((self.0 >> 2) & 1)) >> 2
    }
    fn ceil(self) -> u64 {
        (self.0 + 3) >> 2
    }
    fn nudge(self, delta: i64) -> Unrounded {
        Unrounded(self.0.wrapping_add(delta as u64))
    }
}

/// `log10Pow2(x)` = ⌊x · log₁₀ 2⌋.
fn log10_pow2(x: i32) -> i32 {
    // log₁₀ 2 ≈ 0.30102999566 ≈ 78913 / 2^18
    ((x as i64 * 78913) >> 18) as i32
}

/// `log2Pow10(x)` = ⌊x · log₂ 10⌋.
fn log2_pow10(x: i32) -> i32 {
    // log₂ 10 ≈ 3.32192809489 ≈ 108853 / 2^15
    ((x as i64 * 108853) >> 15) as i32
}

/// `skewed(e)` = ⌊log₁₀ 3/4 · 2^e⌋.
fn skewed(e: i32) -> i32 {
    ((e as i64 * 631305 - 261663) >> 21) as i32
}

/// `uint64pow10[x]` = 10^x.
const UINT64_POW10: [u64; 20] = {
    let mut t = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `shortFloat[F](m, e)`: the shortest d·10^p that rounds back to m·2^e,
/// for m left-justified (high bit set).
fn short_float(width: FloatWidth, m: u64, e: i32) -> (u64, i32) {
    let (mant_bits, min_exp) = match width {
        FloatWidth::F32 => (FLOAT32_MANT_BITS as i32, FLOAT32_MIN_EXP),
        FloatWidth::F64 => (FLOAT64_MANT_BITS as i32, FLOAT64_MIN_EXP),
    };
    let mut z = 63 - mant_bits;
    let (p, min, max, odd);
    if m == 1 << 63 && e > min_exp {
        p = -skewed(e + z);
        min = m - (1u64 << (z - 2)); // min = m - 1/4 * 2**(e+z)
        max = m + (1u64 << (z - 1)); // max = m + 1/2 * 2**(e+z)
        odd = ((m >> z) & 1) as i64;
    } else if e >= min_exp {
        p = -log10_pow2(e + z);
        min = m - (1u64 << (z - 1)); // min = m - 1/2 * 2**(e+z)
        max = m + (1u64 << (z - 1)); // max = m + 1/2 * 2**(e+z)
        odd = ((m >> z) & 1) as i64;
    } else {
        z += min_exp - e;
        p = -log10_pow2(e + z);
        min = m - (1u64 << (z - 1));
        max = m + (1u64 << (z - 1));
        odd = ((m >> z) & 1) as i64;
    }

    let pre = prescale(e, p, log2_pow10(p));
    let dmin = uscale(min, &pre).nudge(odd).ceil();
    let dmax = uscale(max, &pre).nudge(-odd).floor();

    let d = dmax / 10;
    if d * 10 >= dmin {
        return (d, -(p - 1));
    }
    let mut d = dmin;
    if d < dmax {
        d = uscale(m, &pre).round();
    }
    (d, -p)
}

/// gc's `scaler`: the scaling constants for one (e, p) pair.
struct Scaler {
    pm_hi: u64,
    pm_lo: u64,
    s: i32,
}

/// `prescale(&pre, e, p, lp)`; lp must be `log2Pow10(p)`.
fn prescale(e: i32, p: i32, lp: i32) -> Scaler {
    let (pm_hi, pm_lo) = POW10_TAB[(p - POW10_MIN) as usize];
    Scaler {
        pm_hi,
        pm_lo,
        s: -(e + lp + 3),
    }
}

/// `uscale(x, c)`: unround(x · 2^e · 10^p), x left-justified.
fn uscale(x: u64, c: &Scaler) -> Unrounded {
    let full = x as u128 * c.pm_hi as u128;
    let (mut hi, mid) = ((full >> 64) as u64, full as u64);
    let s = (c.s & 63) as u32; // make shifts cheaper
    if (hi >> s) << s != hi {
        return Unrounded((hi >> s) | 1);
    }
    let mid2 = ((x as u128 * c.pm_lo as u128) >> 64) as u64;
    hi -= (mid < mid2) as u64;
    Unrounded((hi >> s) | (mid.wrapping_sub(mid2) > 1) as u64)
}

/// `setDigits(s, d, p, nd)`: writes d's nd digits, returns the decimal
/// point position and the digit count without trailing zeros.
fn set_digits(s: &mut [u8], d: u64, p: i32, nd: i32) -> (i32, i32) {
    let mut nd = nd;
    let mut dp = 0;
    if nd as usize <= s.len() {
        format_base10(&mut s[..nd as usize], d);
        dp = nd + p;
        while nd > 0 && s[nd as usize - 1] == b'0' {
            nd -= 1;
        }
    }
    (dp, nd)
}

/// `numDigits(d)`: the number of decimal digits of d ≥ 1.
fn num_digits(d: u64) -> i32 {
    let nd = log10_pow2(64 - d.leading_zeros() as i32);
    nd + (d >= UINT64_POW10[nd as usize]) as i32
}

// ---- itoa.go ----

/// `formatBase10(a, u)`: the decimal digits of u right-aligned in `a`,
/// zero-padded on the left.
fn format_base10(a: &mut [u8], mut u: u64) {
    for slot in a.iter_mut().rev() {
        *slot = b'0' + (u % 10) as u8;
        u /= 10;
    }
}

/// `RuntimeFormatBase10(a, u)`: writes u's digits at the end of `a` and
/// returns the index of the first. `a` must hold 20 bytes.
pub fn runtime_format_base10(a: &mut [u8], u: u64) -> usize {
    // numDigits requires an argument ≥ 1; |1 changes 0 to 1 without adding
    // a digit to any other value.
    let i = a.len() - num_digits(u | 1) as usize;
    format_base10(&mut a[i..], u);
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::string::String;

    fn g64(v: f64) -> String {
        let mut buf = [0u8; FLOAT64_BYTES];
        let mut a = Appender::new(&mut buf);
        append_float_shortest_g(&mut a, v, FloatWidth::F64);
        String::from_utf8(a.as_bytes().to_vec()).unwrap()
    }

    fn g32(v: f32) -> String {
        let mut buf = [0u8; FLOAT32_BYTES];
        let mut a = Appender::new(&mut buf);
        append_float_shortest_g(&mut a, v as f64, FloatWidth::F32);
        String::from_utf8(a.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn shortest_g_forms() {
        // Expectations worked out from ftoa.go's rules (the differential
        // test checks thousands more against the reference go).
        assert_eq!(g64(0.0), "0");
        assert_eq!(g64(-0.0), "-0");
        assert_eq!(g64(1.0), "1");
        assert_eq!(g64(0.1), "0.1");
        assert_eq!(g64(1e6), "1e+06");
        assert_eq!(g64(123456.0), "123456");
        assert_eq!(g64(1e-4), "0.0001");
        assert_eq!(g64(1e-5), "1e-05");
        assert_eq!(g64(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(g64(5e-324), "5e-324");
        assert_eq!(g64(f64::NAN), "NaN");
        assert_eq!(g64(f64::INFINITY), "+Inf");
        assert_eq!(g64(f64::NEG_INFINITY), "-Inf");
        assert_eq!(g64(-2.5), "-2.5");
        assert_eq!(g32(0.1), "0.1");
        assert_eq!(g32(f32::MAX), "3.4028235e+38");
        assert_eq!(g32(1e-45), "1e-45");
        assert_eq!(g32(16777216.0), "1.6777216e+07");
    }

    #[test]
    fn base10() {
        let mut a = [0u8; 20];
        let i = runtime_format_base10(&mut a, 0);
        assert_eq!(&a[i..], b"0");
        let i = runtime_format_base10(&mut a, u64::MAX);
        assert_eq!(&a[i..], b"18446744073709551615");
        let i = runtime_format_base10(&mut a, 1000);
        assert_eq!(&a[i..], b"1000");
    }

    #[test]
    fn complex_adds_sign() {
        let mut buf = [0u8; COMPLEX128_BYTES];
        let mut a = Appender::new(&mut buf);
        append_complex_shortest_g(&mut a, 1.5, 2.0, FloatWidth::F64);
        assert_eq!(a.as_bytes(), b"(1.5+2i)");
        let mut a = Appender::new(&mut buf);
        append_complex_shortest_g(&mut a, f64::NAN, f64::NAN, FloatWidth::F64);
        assert_eq!(a.as_bytes(), b"(NaN+NaNi)");
        let mut a = Appender::new(&mut buf);
        append_complex_shortest_g(&mut a, 0.0, -1e300, FloatWidth::F64);
        assert_eq!(a.as_bytes(), b"(0-1e+300i)");
    }
}
