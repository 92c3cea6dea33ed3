//! Accessors and numeric conversions of go/constant (`value.go`:
//! `BoolVal` … `Float64Val`, `BitLen`, `Sign`, `Bytes`, `Num`, `Denom`,
//! `Real`, `Imag`, `ToInt`, `ToFloat`, `ToComplex`), and math/big's
//! fraction-to-float conversion (`rat.go`'s `quotToFloat64/32`) that
//! `Float64Val`/`Float32Val` use for fractions.
//!
//! Exactness flags follow Go's computations, quirks included:
//! - an Int beyond int64 converts through a 512-bit float first
//!   (`newFloat().SetInt(x).Float64()`), i.e. two roundings, and the
//!   flag only reflects the second;
//! - `quotToFloat64` leaves results below the denormal range to
//!   `math.Ldexp`, which flushes them to 0 while still calling the
//!   conversion exact if no bit was lost before that;
//! - `int64Val` round trips through `float64(x)` and back with amd64's
//!   conversion (out of range gives `math.MinInt64`).
//!
//! Where Go panics because an accessor was given the wrong kind, these
//! return the Unknown answer instead (documented per method); the type
//! checker never asks such questions.
//!
//! Invariants: no panics; results are Go's bit for bit.

use std::sync::Arc;

use num_bigint::{BigInt, BigUint, Sign};
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

use super::bigfloat::{Accuracy, BigFloat, RoundingMode};
use super::gomath;
use super::value::{Kind, PREC, V, Value, make_complex, make_int, small_float, small_int};

/// `quotToFloat64`/`quotToFloat32` for `|a|/b`, b ≠ 0: the value (as
/// f64; for float32 already rounded to float32) and whether it is exact.
fn quot_to_float(a: &BigUint, b: &BigUint, fsize: i64, msize: i64) -> (f64, bool) {
    let msize1 = msize + 1;
    let msize2 = msize1 + 1;
    let esize = fsize - msize1;
    let ebias = (1i64 << (esize - 1)) - 1;
    let emin = 1 - ebias;
    let alen = a.bits() as i64;
    if alen == 0 {
        return (0.0, true);
    }
    let blen = b.bits() as i64;
    let mut exp = alen - blen;
    let shift = msize2 - exp;
    let (a2, b2) = if shift > 0 { (a << (shift as u64), b.clone()) } else { (a.clone(), b << ((-shift) as u64)) };
    let (q, r) = num_integer::Integer::div_rem(&a2, &b2);
    let mut mantissa = q.iter_u64_digits().next().unwrap_or(0);
    let mut have_rem = !r.is_zero();
    if mantissa >> msize2 == 1 {
        if mantissa & 1 == 1 {
            have_rem = true;
        }
        mantissa >>= 1;
        exp += 1;
    }
    if emin - msize <= exp && exp <= emin {
        let shift = emin - (exp - 1);
        let lostbits = mantissa & ((1u64 << shift) - 1);
        have_rem = have_rem || lostbits != 0;
        mantissa >>= shift;
        exp = 2 - ebias;
    }
    let mut exact = !have_rem;
    if mantissa & 1 != 0 {
        exact = false;
        if have_rem || mantissa & 2 != 0 {
            mantissa += 1;
            if mantissa >= 1 << msize2 {
                mantissa >>= 1;
                exp += 1;
            }
        }
    }
    mantissa >>= 1;
    let mut f = gomath::ldexp(mantissa as f64, exp - msize1);
    if fsize == 32 {
        f = f64::from(f as f32);
    }
    if f.is_infinite() {
        exact = false;
    }
    (f, exact)
}

/// `big.Rat.Float64`.
pub(super) fn rat_to_f64(x: &BigRational) -> (f64, bool) {
    let (f, exact) = quot_to_float(x.numer().magnitude(), x.denom().magnitude(), 64, 52);
    (if x.is_negative() { -f } else { f }, exact)
}

/// `big.Rat.Float32`.
fn rat_to_f32(x: &BigRational) -> (f32, bool) {
    let (f, exact) = quot_to_float(x.numer().magnitude(), x.denom().magnitude(), 32, 23);
    let f = f as f32;
    (if x.is_negative() { -f } else { f }, exact)
}

/// Go's `int64(f)` on amd64 (CVTTSD2SQ): truncation, out of range (and
/// NaN) giving `math.MinInt64`.
fn go_f64_to_i64(f: f64) -> i64 {
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    if (-TWO63..TWO63).contains(&f) { f as i64 } else { i64::MIN }
}

/// The low 64 bits of |x| (`low64(x.abs)`).
fn low64(x: &BigInt) -> u64 {
    x.magnitude().iter_u64_digits().next().unwrap_or(0)
}

impl Value {
    /// Go's `BoolVal`; false for Unknown (and for non-Bool values, where
    /// Go panics).
    pub fn bool_val(&self) -> bool {
        matches!(self.0, V::Bool(true))
    }

    /// Go's `StringVal`: the bytes; empty for Unknown (and for
    /// non-String values, where Go panics). Flattens a lazy concatenation.
    pub fn string_val(&self) -> Arc<[u8]> {
        match &self.0 {
            V::Str(s) => s.bytes(),
            _ => Arc::from(&[][..]),
        }
    }

    /// Go's `StringLen`, in O(1); 0 for Unknown (and non-String values).
    pub fn string_len(&self) -> u64 {
        match &self.0 {
            V::Str(s) => s.len(),
            _ => 0,
        }
    }

    /// Go's `Int64Val`: the value and whether it is exact; (0, false) for
    /// Unknown (and non-Int values).
    pub fn int64_val(&self) -> (i64, bool) {
        match &self.0 {
            V::Int64(x) => (*x, true),
            V::Int(x) => {
                let v = low64(x) as i64;
                (if x.sign() == Sign::Minus { v.wrapping_neg() } else { v }, false)
            }
            _ => (0, false),
        }
    }

    /// Go's `Uint64Val`: the value and whether it is exact; (0, false)
    /// for Unknown (and non-Int values).
    pub fn uint64_val(&self) -> (u64, bool) {
        match &self.0 {
            V::Int64(x) => (*x as u64, *x >= 0),
            V::Int(x) => (low64(x), x.sign() != Sign::Minus && x.bits() <= 64),
            _ => (0, false),
        }
    }

    /// Go's `Float32Val`: the nearest float32 and whether it is exact;
    /// (0, false) for Unknown (and non-Int/Float values).
    pub fn float32_val(&self) -> (f32, bool) {
        match &self.0 {
            V::Int64(x) => {
                let f = *x as f32;
                (f, go_f64_to_i64(f64::from(f)) == *x)
            }
            V::Int(x) => {
                let (f, acc) = BigFloat::from_int(x, PREC).to_f32();
                (f, acc == Accuracy::Exact)
            }
            V::Rat(r) => rat_to_f32(r),
            V::Float(x) => {
                let (f, acc) = x.to_f32();
                (f, acc == Accuracy::Exact)
            }
            _ => (0.0, false),
        }
    }

    /// Go's `Float64Val`: the nearest float64 (underflowing to a signed
    /// 0) and whether it is exact; (0, false) for Unknown (and
    /// non-Int/Float values).
    pub fn float64_val(&self) -> (f64, bool) {
        match &self.0 {
            V::Int64(x) => {
                let f = *x as f64;
                (f, go_f64_to_i64(f) == *x)
            }
            V::Int(x) => {
                let (f, acc) = BigFloat::from_int(x, PREC).to_f64();
                (f, acc == Accuracy::Exact)
            }
            V::Rat(r) => rat_to_f64(r),
            V::Float(x) => {
                let (f, acc) = x.to_f64();
                (f, acc == Accuracy::Exact)
            }
            _ => (0.0, false),
        }
    }

    /// Go's `BitLen`: bits of |x| for an Int; 0 for Unknown (and others).
    pub fn bit_len(&self) -> u64 {
        match &self.0 {
            V::Int64(x) => 64 - u64::from(x.unsigned_abs().leading_zeros()),
            V::Int(x) => x.bits(),
            _ => 0,
        }
    }

    /// Go's `Sign`: -1, 0 or 1 for numbers; for a Complex 0 iff it is 0;
    /// 1 for Unknown (to avoid spurious division-by-zero errors) and for
    /// non-numeric values (where Go panics).
    pub fn sign(&self) -> i32 {
        match &self.0 {
            V::Int64(x) => x.signum() as i32,
            V::Int(x) => sign_of(x),
            V::Rat(r) => sign_of(r.numer()),
            V::Float(x) => x.sign(),
            V::Complex(c) => c.0.sign() | c.1.sign(),
            _ => 1,
        }
    }

    /// Go's `Bytes`: the little-endian bytes of |x| for an Int (empty for
    /// 0, and for non-Int values, where Go panics).
    pub fn bytes(&self) -> Vec<u8> {
        let mag = match &self.0 {
            V::Int64(x) => BigUint::from(x.unsigned_abs()),
            V::Int(x) => x.magnitude().clone(),
            _ => return Vec::new(),
        };
        let mut b = mag.to_bytes_le();
        while b.last() == Some(&0) {
            b.pop();
        }
        b
    }

    /// Go's `Num`: the numerator of an Int or Float (with x's sign);
    /// Unknown if x is Unknown, too large or small for a fraction, or
    /// not an Int or Float.
    pub fn num(&self) -> Value {
        match &self.0 {
            V::Int64(_) | V::Int(_) => self.clone(),
            V::Rat(r) => make_int(r.numer().clone()),
            V::Float(x) if small_float(x) => {
                x.to_rat().map(|r| make_int(r.numer().clone())).unwrap_or(Value(V::Unknown))
            }
            _ => Value(V::Unknown),
        }
    }

    /// Go's `Denom`: the denominator (≥ 1) of an Int or Float; Unknown as
    /// for [`Value::num`].
    pub fn denom(&self) -> Value {
        match &self.0 {
            V::Int64(_) | V::Int(_) => Value(V::Int64(1)),
            V::Rat(r) => make_int(r.denom().clone()),
            V::Float(x) if small_float(x) => {
                x.to_rat().map(|r| make_int(r.denom().clone())).unwrap_or(Value(V::Unknown))
            }
            _ => Value(V::Unknown),
        }
    }

    /// Go's `Real`: x itself for Int/Float/Unknown, the real part of a
    /// Complex; Unknown for non-numeric values.
    pub fn real(&self) -> Value {
        match &self.0 {
            V::Complex(c) => c.0.clone(),
            V::Unknown | V::Int64(_) | V::Int(_) | V::Rat(_) | V::Float(_) => self.clone(),
            _ => Value(V::Unknown),
        }
    }

    /// Go's `Imag`: 0 for Int/Float, the imaginary part of a Complex;
    /// Unknown for Unknown and non-numeric values.
    pub fn imag(&self) -> Value {
        match &self.0 {
            V::Complex(c) => c.1.clone(),
            V::Int64(_) | V::Int(_) | V::Rat(_) | V::Float(_) => Value(V::Int64(0)),
            _ => Value(V::Unknown),
        }
    }

    /// Go's `ToInt`: x as an Int if it is representable as one (a Float
    /// within a few bits of an integer counts, to absorb rounding in
    /// earlier operations); Unknown otherwise.
    pub fn to_int(&self) -> Value {
        match &self.0 {
            V::Int64(_) | V::Int(_) => self.clone(),
            V::Rat(r) if r.denom().is_one() => make_int(r.numer().clone()),
            V::Float(x) if small_float(x) => {
                if let Some((i, Accuracy::Exact)) = x.to_int() {
                    return make_int(i);
                }
                // Round a little down, then a little up (prec - delta bits).
                const DELTA: u32 = 4;
                for mode in [RoundingMode::ToZero, RoundingMode::AwayFromZero] {
                    let (t, _) = x.set(PREC - DELTA, mode);
                    if let Some((i, Accuracy::Exact)) = t.to_int() {
                        return make_int(i);
                    }
                }
                Value(V::Unknown)
            }
            V::Complex(_) => {
                let re = self.to_float();
                if re.kind() == Kind::Float { re.to_int() } else { Value(V::Unknown) }
            }
            _ => Value(V::Unknown),
        }
    }

    /// Go's `ToFloat`: x as a Float if representable (a Complex with zero
    /// imaginary part); Unknown otherwise.
    pub fn to_float(&self) -> Value {
        match &self.0 {
            V::Int64(x) => Value(V::Rat(Arc::new(BigRational::from_integer(BigInt::from(*x))))),
            V::Int(x) => {
                if small_int(x) {
                    Value(V::Rat(Arc::new(BigRational::from_integer((**x).clone()))))
                } else {
                    Value(V::Float(Arc::new(BigFloat::from_int(x, PREC))))
                }
            }
            V::Rat(_) | V::Float(_) => self.clone(),
            V::Complex(c) if c.1.sign() == 0 => c.0.to_float(),
            _ => Value(V::Unknown),
        }
    }

    /// Go's `ToComplex`: x as a Complex if numeric; Unknown otherwise.
    pub fn to_complex(&self) -> Value {
        match &self.0 {
            V::Int64(_) | V::Int(_) | V::Rat(_) | V::Float(_) => make_complex(self.clone(), Value(V::Int64(0))),
            V::Complex(_) => self.clone(),
            _ => Value(V::Unknown),
        }
    }
}

fn sign_of(x: &BigInt) -> i32 {
    match x.sign() {
        Sign::Minus => -1,
        Sign::NoSign => 0,
        Sign::Plus => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rat(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    #[test]
    fn quot_to_float_rounds() {
        assert_eq!(rat_to_f64(&rat(1, 3)), (1.0 / 3.0, false));
        assert_eq!(rat_to_f64(&rat(-5, 4)), (-1.25, true));
        assert_eq!(rat_to_f32(&rat(1, 10)), (0.1f32, false));
        // 2**-1080: below the denormals, flushed to 0 by Ldexp, yet "exact" (Go's quirk).
        let tiny = BigRational::new(BigInt::one(), BigInt::one() << 1080u32);
        assert_eq!(rat_to_f64(&tiny), (0.0, true));
        // Smallest denormal, exactly.
        let d = BigRational::new(BigInt::one(), BigInt::one() << 1074u32);
        assert_eq!(rat_to_f64(&d), (f64::from_bits(1), true));
        let big = BigRational::from_integer(BigInt::one() << 1024u32);
        assert_eq!(rat_to_f64(&big), (f64::INFINITY, false));
    }

    #[test]
    fn int64_float_round_trip() {
        assert_eq!(Value(V::Int64(i64::MAX)).float64_val(), (i64::MAX as f64, false));
        assert_eq!(Value(V::Int64(i64::MIN)).float64_val(), (i64::MIN as f64, true));
        assert_eq!(Value(V::Int64(16777217)).float32_val(), (16777216.0, false));
    }
}
