//! `BigFloat`: the part of Go's `math/big.Float` that go/constant uses,
//! ported so that every result is bit-for-bit Go's.
//!
//! What: a binary floating-point number `sign × 0.1m… × 2**exp` with a
//! precision (mantissa bits) and a rounding mode, as `big.Float`
//! (`math/big/float.go`, `floatconv.go`'s numeric half, `ftoa.go`'s `%p`).
//! go/constant keeps a Float constant as a `big.Float` of precision 512
//! once a fraction would be too large (`floatVal`), and converts through
//! it in `String`, `Float64Val`, `ToInt`, `Num`/`Denom`.
//!
//! Why our own and not a crate: go/constant's results depend on exactly
//! how math/big rounds, including non-obvious intermediate steps that a
//! correctly rounded library would not reproduce — `Float.SetString`
//! computes `5**n` by repeated squaring at precisions 576 and 640 before
//! one rounded multiply/divide (`scan`, `pow5`); `ToInt` re-rounds at 508
//! bits toward and away from zero; `SetInt` at 512 bits followed by
//! `Float64()` rounds twice; exponents are `int32` and overflow to ±Inf.
//! `dashu-float` and `astro-float` are correct libraries with other
//! representations and exponent ranges; matching Go on all of the above
//! would mean re-deriving each step anyway, so the few operations needed
//! are written here over `num_bigint::BigUint`.
//!
//! Algorithm: every arithmetic operation computes the exact result as an
//! integer mantissa and a binary exponent, then rounds once (`round`,
//! Go's `Float.round`: rounding bit, sticky bit, mode). Division produces
//! at least `prec + 2` quotient bits and folds the remainder into the
//! sticky bit, which is exactly what Go's `uquo` achieves with its extra
//! word. Addition of operands whose exponents are far apart replaces the
//! smaller one by a single bit just below every bit that can influence
//! rounding (same rounded result and accuracy, no gigantic shifts).
//!
//! Invariants:
//! - A finite value has a nonzero, odd `mant` (trailing zero bits are
//!   stripped, which changes neither the value nor any Go result); its
//!   value is `mant × 2**(exp − bitlen(mant))`, so `0.5 ≤ |x|·2**−exp < 1`
//!   as in Go. `MIN_EXP ≤ exp ≤ MAX_EXP` (Go's `int32` exponent).
//! - `bitlen(mant) ≤ prec` for every value produced by rounding; only the
//!   unrounded decimal mantissa inside `from_scanned` is larger, and it is
//!   used once as an operand (as in Go, where `scan` keeps it unrounded).
//! - Nothing here panics: Go's `ErrNaN` panics (0/0, ∞−∞, 0·∞) are
//!   returned as `Err(NaN)`.

use num_bigint::{BigInt, BigUint, Sign};
use num_rational::BigRational;
use num_traits::{One, Zero};

/// Go's `big.MaxExp` and `big.MinExp`.
pub const MAX_EXP: i64 = i32::MAX as i64;
pub const MIN_EXP: i64 = i32::MIN as i64;

/// The rounding modes go/constant uses (Go's `big.RoundingMode` subset).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum RoundingMode {
    #[default]
    ToNearestEven,
    ToZero,
    AwayFromZero,
}

/// Go's `big.Accuracy`: how the rounded result relates to the exact one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Accuracy {
    Below,
    Exact,
    Above,
}

fn make_acc(above: bool) -> Accuracy {
    if above { Accuracy::Above } else { Accuracy::Below }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    Zero,
    Finite,
    Inf,
}

/// An IEEE-754 "invalid operation" that Go's `big.Float` panics on
/// (`ErrNaN`): 0/0, ∞/∞, 0·∞, ∞−∞.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct NaN;

/// A `big.Float` (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigFloat {
    prec: u32,
    mode: RoundingMode,
    form: Form,
    neg: bool,
    mant: BigUint,
    exp: i32,
}

fn bitlen(m: &BigUint) -> i64 {
    m.bits() as i64
}

/// `m` without its trailing zero bits (m != 0).
fn strip(m: BigUint) -> BigUint {
    match m.trailing_zeros() {
        Some(tz) if tz > 0 => m >> tz,
        _ => m,
    }
}

impl BigFloat {
    /// +0 with the given precision and mode.
    pub fn zero(prec: u32) -> BigFloat {
        BigFloat {
            prec,
            mode: RoundingMode::ToNearestEven,
            form: Form::Zero,
            neg: false,
            mant: BigUint::zero(),
            exp: 0,
        }
    }

    fn signed_zero(neg: bool, prec: u32, mode: RoundingMode) -> BigFloat {
        BigFloat { prec, mode, form: Form::Zero, neg, mant: BigUint::zero(), exp: 0 }
    }

    /// ±Inf (Go's `SetInf`).
    pub fn infinity(neg: bool, prec: u32) -> BigFloat {
        BigFloat::inf(neg, prec, RoundingMode::ToNearestEven)
    }

    fn inf(neg: bool, prec: u32, mode: RoundingMode) -> BigFloat {
        BigFloat { prec, mode, form: Form::Inf, neg, mant: BigUint::zero(), exp: 0 }
    }

    pub fn prec(&self) -> u32 {
        self.prec
    }

    /// Go's `Sign`: -1, 0 or +1 (±0 is 0).
    pub fn sign(&self) -> i32 {
        match self.form {
            Form::Zero => 0,
            _ if self.neg => -1,
            _ => 1,
        }
    }

    pub fn is_inf(&self) -> bool {
        self.form == Form::Inf
    }

    /// Go's `IsInt`.
    pub fn is_int(&self) -> bool {
        match self.form {
            Form::Zero => true,
            Form::Inf => false,
            Form::Finite => {
                if self.exp <= 0 {
                    return false;
                }
                i64::from(self.prec) <= i64::from(self.exp) || bitlen(&self.mant) <= i64::from(self.exp)
            }
        }
    }

    /// Go's `MantExp(nil)`: the exponent (0 for ±0 and ±Inf).
    pub fn mant_exp(&self) -> i32 {
        if self.form == Form::Finite { self.exp } else { 0 }
    }

    /// Go's `MantExp(mant)`'s mantissa: x with exponent 0, same precision.
    pub fn mantissa(&self) -> BigFloat {
        let mut m = self.clone();
        if m.form == Form::Finite {
            m.exp = 0;
        }
        m
    }

    /// Go's `Neg` into a result of the same precision (no rounding).
    pub fn neg(&self) -> BigFloat {
        let mut z = self.clone();
        z.neg = !z.neg;
        z
    }

    /// Rounds an exact magnitude `mant × 2**(e − bitlen(mant))` (plus a
    /// sticky `sbit` below it) to `prec` bits: Go's `setExpAndRound`
    /// followed by `round`. `mant` must be nonzero.
    fn set_exp_and_round(
        neg: bool,
        mant: BigUint,
        e: i64,
        sbit: bool,
        prec: u32,
        mode: RoundingMode,
    ) -> (BigFloat, Accuracy) {
        if e < MIN_EXP {
            return (BigFloat::signed_zero(neg, prec, mode), make_acc(neg));
        }
        if e > MAX_EXP {
            return (BigFloat::inf(neg, prec, mode), make_acc(!neg));
        }
        let mut e = e;
        let mut mant = mant;
        let mut bits = bitlen(&mant);
        let prec64 = i64::from(prec);
        if bits <= prec64 {
            if !sbit {
                let z = BigFloat { prec, mode, form: Form::Finite, neg, mant: strip(mant), exp: e as i32 };
                return (z, Accuracy::Exact);
            }
            // A sticky bit below a short mantissa: extend with zeros so the
            // rounding bit exists (0) and the sticky bit decides.
            mant <<= (prec64 - bits + 1) as u64;
            bits = prec64 + 1;
        }
        let r = (bits - prec64 - 1) as u64; // rounding bit position
        let rbit = mant.bit(r);
        let sticky = sbit || mant.trailing_zeros().is_some_and(|tz| tz < r);
        let mut m = mant >> (r + 1);
        let mut acc = Accuracy::Exact;
        if rbit || sticky {
            let inc = match mode {
                RoundingMode::ToZero => false,
                RoundingMode::ToNearestEven => rbit && (sticky || m.bit(0)),
                RoundingMode::AwayFromZero => true,
            };
            acc = make_acc(inc != neg);
            if inc {
                m += 1u32;
                if bitlen(&m) > prec64 {
                    if e >= MAX_EXP {
                        return (BigFloat::inf(neg, prec, mode), acc);
                    }
                    e += 1;
                    m >>= 1u32;
                }
            }
        }
        let z = BigFloat { prec, mode, form: Form::Finite, neg, mant: strip(m), exp: e as i32 };
        (z, acc)
    }

    /// Rounds `neg × mant × 2**lsb` (+ sticky) into a finite or zero value.
    fn from_lsb(neg: bool, mant: BigUint, lsb: i64, sbit: bool, prec: u32, mode: RoundingMode) -> (BigFloat, Accuracy) {
        if mant.is_zero() {
            // Only exact cancellation gets here (Go's usub): +0.
            return (BigFloat::signed_zero(false, prec, mode), Accuracy::Exact);
        }
        let e = lsb + bitlen(&mant);
        BigFloat::set_exp_and_round(neg, mant, e, sbit, prec, mode)
    }

    /// The exponent of the least significant mantissa bit (finite only).
    fn lsb(&self) -> i64 {
        i64::from(self.exp) - bitlen(&self.mant)
    }

    /// Go's `Set` into a result with precision `prec` and mode `mode`.
    pub fn set(&self, prec: u32, mode: RoundingMode) -> (BigFloat, Accuracy) {
        match self.form {
            Form::Finite => BigFloat::from_lsb(self.neg, self.mant.clone(), self.lsb(), false, prec, mode),
            _ => (BigFloat { prec, mode, ..self.clone() }, Accuracy::Exact),
        }
    }

    /// Go's `SetInt` (`prec == 0` picks `max(bitlen, 64)`).
    pub fn from_int(x: &BigInt, prec: u32) -> BigFloat {
        let bits = x.bits();
        let prec = if prec == 0 { bits.max(64) as u32 } else { prec };
        if x.is_zero() {
            return BigFloat::zero(prec);
        }
        let neg = x.sign() == Sign::Minus;
        BigFloat::from_lsb(neg, x.magnitude().clone(), 0, false, prec, RoundingMode::ToNearestEven).0
    }

    /// Go's `SetInt64`.
    pub fn from_i64(x: i64, prec: u32) -> BigFloat {
        BigFloat::from_int(&BigInt::from(x), prec)
    }

    /// Go's `SetFloat64` for a finite `x` (±0 keeps its sign).
    pub fn from_f64(x: f64, prec: u32) -> BigFloat {
        if x == 0.0 {
            return BigFloat::signed_zero(x.is_sign_negative(), prec, RoundingMode::ToNearestEven);
        }
        let bits = x.to_bits();
        let neg = bits >> 63 != 0;
        let bexp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1 << 52) - 1);
        let (m, lsb) = if bexp == 0 { (frac, -1074) } else { (frac | 1 << 52, bexp - 1075) };
        BigFloat::from_lsb(neg, BigUint::from(m), lsb, false, prec, RoundingMode::ToNearestEven).0
    }

    /// Go's `SetRat`.
    pub fn from_rat(x: &BigRational, prec: u32) -> BigFloat {
        if x.denom().is_one() {
            return BigFloat::from_int(x.numer(), prec);
        }
        let a = BigFloat::from_int(x.numer(), 0);
        let b = BigFloat::from_int(x.denom(), 0);
        let prec = if prec == 0 { a.prec.max(b.prec) } else { prec };
        // b != 0, so no NaN.
        a.quo(&b, prec, RoundingMode::ToNearestEven).map(|r| r.0).unwrap_or_else(|_| BigFloat::zero(prec))
    }

    /// |x| compared with |y| (both finite): Go's `ucmp`.
    fn ucmp(&self, y: &BigFloat) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        match self.exp.cmp(&y.exp) {
            Ordering::Equal => {}
            o => return o,
        }
        let (bx, by) = (self.mant.bits(), y.mant.bits());
        let l = bx.max(by);
        (&self.mant << (l - bx)).cmp(&(&y.mant << (l - by)))
    }

    /// Exact |x| + |y| or |x| − |y| (|x| > |y| for subtraction), rounded
    /// with sign `neg`: Go's `uadd`/`usub`.
    fn uaddsub(
        x: &BigFloat,
        y: &BigFloat,
        sub: bool,
        neg: bool,
        prec: u32,
        mode: RoundingMode,
    ) -> (BigFloat, Accuracy) {
        // hi: the operand with the larger exponent (for sub, x).
        let (hi, lo) = if sub || x.exp >= y.exp { (x, y) } else { (y, x) };
        let (mut lo_mant, mut lo_lsb) = (lo.mant.clone(), lo.lsb());
        // Far-apart operands: lo only contributes a sticky bit below every
        // bit that decides rounding; replace it by a single bit 2**t.
        let t = (hi.lsb() - 1).min(i64::from(hi.exp) - i64::from(prec) - 3);
        if i64::from(lo.exp) <= t + 1 && lo_lsb < t {
            lo_mant = BigUint::one();
            lo_lsb = t;
        }
        let hi_lsb = hi.lsb();
        let base = hi_lsb.min(lo_lsb);
        let a = &hi.mant << ((hi_lsb - base) as u64);
        let b = lo_mant << ((lo_lsb - base) as u64);
        let m = if sub { a - b } else { a + b };
        BigFloat::from_lsb(neg, m, base, false, prec, mode)
    }

    /// Go's `Add` with result precision `prec` and mode `mode`.
    pub fn add(&self, y: &BigFloat, prec: u32, mode: RoundingMode) -> Result<(BigFloat, Accuracy), NaN> {
        self.add_sub(y, false, prec, mode)
    }

    /// Go's `Sub`.
    pub fn sub(&self, y: &BigFloat, prec: u32, mode: RoundingMode) -> Result<(BigFloat, Accuracy), NaN> {
        self.add_sub(y, true, prec, mode)
    }

    fn add_sub(&self, y: &BigFloat, sub: bool, prec: u32, mode: RoundingMode) -> Result<(BigFloat, Accuracy), NaN> {
        let x = self;
        // y's sign as seen by an addition.
        let yneg = y.neg != sub;
        if x.form == Form::Finite && y.form == Form::Finite {
            let r = if x.neg == yneg {
                BigFloat::uaddsub(x, y, false, x.neg, prec, mode)
            } else if x.ucmp(y) == std::cmp::Ordering::Greater {
                BigFloat::uaddsub(x, y, true, x.neg, prec, mode)
            } else {
                BigFloat::uaddsub(y, x, true, !x.neg, prec, mode)
            };
            return Ok(r);
        }
        if x.form == Form::Inf && y.form == Form::Inf && x.neg != yneg {
            return Err(NaN);
        }
        if x.form == Form::Zero && y.form == Form::Zero {
            return Ok((BigFloat::signed_zero(x.neg && yneg, prec, mode), Accuracy::Exact));
        }
        if x.form == Form::Inf || y.form == Form::Zero {
            return Ok(x.set(prec, mode));
        }
        let (mut z, acc) = y.set(prec, mode);
        z.neg = yneg;
        Ok((z, acc))
    }

    /// Go's `Mul`.
    pub fn mul(&self, y: &BigFloat, prec: u32, mode: RoundingMode) -> Result<(BigFloat, Accuracy), NaN> {
        let neg = self.neg != y.neg;
        if self.form == Form::Finite && y.form == Form::Finite {
            let m = &self.mant * &y.mant;
            return Ok(BigFloat::from_lsb(neg, m, self.lsb() + y.lsb(), false, prec, mode));
        }
        if self.form == Form::Zero && y.form == Form::Inf || self.form == Form::Inf && y.form == Form::Zero {
            return Err(NaN);
        }
        if self.form == Form::Inf || y.form == Form::Inf {
            return Ok((BigFloat::inf(neg, prec, mode), Accuracy::Exact));
        }
        Ok((BigFloat::signed_zero(neg, prec, mode), Accuracy::Exact))
    }

    /// Go's `Quo`.
    pub fn quo(&self, y: &BigFloat, prec: u32, mode: RoundingMode) -> Result<(BigFloat, Accuracy), NaN> {
        let neg = self.neg != y.neg;
        if self.form == Form::Finite && y.form == Form::Finite {
            // Enough quotient bits for the rounding bit, remainder as sticky.
            let (bx, by) = (bitlen(&self.mant), bitlen(&y.mant));
            let k = (i64::from(prec) + 2 + by - bx).max(0) + 1;
            let a = &self.mant << (k as u64);
            let (q, r) = num_integer::Integer::div_rem(&a, &y.mant);
            let lsb = self.lsb() - y.lsb() - k;
            return Ok(BigFloat::from_lsb(neg, q, lsb, !r.is_zero(), prec, mode));
        }
        if self.form == Form::Zero && y.form == Form::Zero || self.form == Form::Inf && y.form == Form::Inf {
            return Err(NaN);
        }
        if self.form == Form::Zero || y.form == Form::Inf {
            return Ok((BigFloat::signed_zero(neg, prec, mode), Accuracy::Exact));
        }
        Ok((BigFloat::inf(neg, prec, mode), Accuracy::Exact))
    }

    /// Go's `Cmp`.
    #[allow(clippy::should_implement_trait)]
    pub fn cmp(&self, y: &BigFloat) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let ord = |x: &BigFloat| -> i32 {
            let m = match x.form {
                Form::Zero => return 0,
                Form::Finite => 1,
                Form::Inf => 2,
            };
            if x.neg { -m } else { m }
        };
        let (mx, my) = (ord(self), ord(y));
        match mx.cmp(&my) {
            Ordering::Equal => {}
            o => return o,
        }
        match mx {
            -1 => y.ucmp(self),
            1 => self.ucmp(y),
            _ => Ordering::Equal,
        }
    }

    /// Go's `Int`: x truncated toward zero, `None` for ±Inf.
    pub fn to_int(&self) -> Option<(BigInt, Accuracy)> {
        match self.form {
            Form::Zero => Some((BigInt::zero(), Accuracy::Exact)),
            Form::Inf => None,
            Form::Finite => {
                let mut acc = make_acc(self.neg);
                if self.exp <= 0 {
                    return Some((BigInt::zero(), acc));
                }
                let exp = i64::from(self.exp);
                let bits = bitlen(&self.mant);
                if bits <= exp {
                    acc = Accuracy::Exact;
                }
                let mag =
                    if exp >= bits { &self.mant << ((exp - bits) as u64) } else { &self.mant >> ((bits - exp) as u64) };
                let sign = if self.neg { Sign::Minus } else { Sign::Plus };
                Some((BigInt::from_biguint(sign, mag), acc))
            }
        }
    }

    /// Go's `Rat`: the exact fraction, `None` for ±Inf.
    pub fn to_rat(&self) -> Option<BigRational> {
        match self.form {
            Form::Zero => Some(BigRational::zero()),
            Form::Inf => None,
            Form::Finite => {
                let sign = if self.neg { Sign::Minus } else { Sign::Plus };
                let lsb = self.lsb();
                let (num, den) = if lsb >= 0 {
                    (&self.mant << (lsb as u64), BigUint::one())
                } else {
                    (self.mant.clone(), BigUint::one() << ((-lsb) as u64))
                };
                Some(BigRational::new(BigInt::from_biguint(sign, num), BigInt::from(den)))
            }
        }
    }

    /// Go's `Float64`.
    pub fn to_f64(&self) -> (f64, Accuracy) {
        let (bits, acc) = self.to_ieee(64, 52);
        (f64::from_bits(bits), acc)
    }

    /// Go's `Float32`.
    pub fn to_f32(&self) -> (f32, Accuracy) {
        let (bits, acc) = self.to_ieee(32, 23);
        (f32::from_bits(bits as u32), acc)
    }

    /// The common body of Go's `Float64` and `Float32`: IEEE bits of the
    /// nearest value (ties to even, denormals, ±Inf on overflow).
    fn to_ieee(&self, fbits: u32, mbits: u32) -> (u64, Accuracy) {
        let ebits = fbits - mbits - 1;
        let bias = (1i64 << (ebits - 1)) - 1;
        let emin = 1 - bias;
        let emax = bias;
        let sign = if self.neg { 1u64 << (fbits - 1) } else { 0 };
        let inf_bits = sign | (((1u64 << ebits) - 1) << mbits);
        match self.form {
            Form::Zero => (sign, Accuracy::Exact),
            Form::Inf => (inf_bits, Accuracy::Exact),
            Form::Finite => {
                // Go computes `x.exp - 1` in int32: for x.exp == MinExp it
                // wraps to MaxInt32, and the result overflows to ±Inf.
                let mut e = i64::from(self.exp.wrapping_sub(1));
                let mut p = i64::from(mbits) + 1;
                if e < emin {
                    p = i64::from(mbits) + 1 - emin + e;
                    // m == 0.5 exactly: the mantissa is a single bit.
                    if p < 0 || p == 0 && self.mant.is_one() {
                        return (sign, make_acc(self.neg));
                    }
                    if p == 0 {
                        return (sign | 1, make_acc(!self.neg));
                    }
                }
                let (r, acc) = self.set(p as u32, RoundingMode::ToNearestEven);
                if r.form == Form::Inf {
                    return (inf_bits, make_acc(!self.neg));
                }
                e = i64::from(r.exp.wrapping_sub(1));
                if e > emax {
                    return (inf_bits, make_acc(!self.neg));
                }
                // The mantissa's top bits, left-aligned in fbits bits.
                let rbits = r.mant.bits();
                let top = (&r.mant << (u64::from(fbits) - rbits)).iter_u64_digits().next().unwrap_or(0);
                if e < emin {
                    // Go's `msb >> uint(fbits-p)`: shifts of 64 or more give 0.
                    let p = i64::from(mbits) + 1 - emin + e;
                    let m = u32::try_from(i64::from(fbits) - p).ok().and_then(|s| top.checked_shr(s)).unwrap_or(0);
                    (sign | m, acc)
                } else {
                    let bexp = ((e + bias) as u64) << mbits;
                    (sign | bexp | (top >> ebits) & ((1u64 << mbits) - 1), acc)
                }
            }
        }
    }

    /// Go's `Text('p', 0)`: `0x.8p+1`, `-0x.abcp-10`, `0`.
    pub fn text_p(&self) -> String {
        let mut s = String::new();
        if self.neg {
            s.push('-');
        }
        match self.form {
            Form::Inf => {
                if !self.neg {
                    s.push('+');
                }
                s.push_str("Inf");
            }
            Form::Zero => s.push('0'),
            Form::Finite => {
                let pad = (4 - self.mant.bits() % 4) % 4;
                s.push_str("0x.");
                s.push_str(&(&self.mant << pad).to_str_radix(16));
                s.push('p');
                if self.exp >= 0 {
                    s.push('+');
                }
                s.push_str(&self.exp.to_string());
            }
        }
        s
    }

    /// The numeric half of Go's `Float.scan`: the value of a scanned
    /// mantissa `mant` in base `base` with `fcount` (≤ 0: minus the
    /// number of fractional digits) and exponent `exp` in base `ebase`,
    /// at precision `prec`. `None` is Go's "exponent overflow".
    pub fn from_scanned(
        neg: bool,
        mant: BigUint,
        base: u32,
        fcount: i64,
        exp: i64,
        ebase: u32,
        prec: u32,
    ) -> Option<BigFloat> {
        if mant.is_zero() {
            return Some(BigFloat::signed_zero(neg, prec, RoundingMode::ToNearestEven));
        }
        let mut exp2 = bitlen(&mant);
        let mut exp5 = 0i64;
        if fcount < 0 {
            let d = fcount;
            match base {
                10 => {
                    exp5 = d;
                    exp2 = exp2.wrapping_add(d);
                }
                2 => exp2 = exp2.wrapping_add(d),
                8 => exp2 = exp2.wrapping_add(d.wrapping_mul(3)),
                _ => exp2 = exp2.wrapping_add(d.wrapping_mul(4)),
            }
        }
        if ebase == 10 {
            exp5 = exp5.wrapping_add(exp);
        }
        exp2 = exp2.wrapping_add(exp);
        if !(MIN_EXP..=MAX_EXP).contains(&exp2) {
            return None;
        }
        // The unrounded mantissa, as Go keeps it until the first operation.
        let z = BigFloat {
            prec,
            mode: RoundingMode::ToNearestEven,
            form: Form::Finite,
            neg,
            mant: strip(mant),
            exp: exp2 as i32,
        };
        if exp5 == 0 {
            return Some(z.set(prec, RoundingMode::ToNearestEven).0);
        }
        let p = pow5(exp5.unsigned_abs(), prec + 64);
        // z and p are finite and nonzero or p is +Inf: no NaN.
        let r = if exp5 < 0 {
            z.quo(&p, prec, RoundingMode::ToNearestEven)
        } else {
            z.mul(&p, prec, RoundingMode::ToNearestEven)
        };
        r.ok().map(|r| r.0)
    }
}

/// 5**n for n ≤ 27 (fits a u64), as Go's `pow5tab`.
fn pow5_small(n: u64) -> u64 {
    5u64.pow(n as u32)
}

/// Go's `Float.pow5`: 5**n at precision `prec`, by repeated squaring of a
/// factor kept at `prec + 64` bits.
fn pow5(n: u64, prec: u32) -> BigFloat {
    const M: u64 = 27;
    let ne = RoundingMode::ToNearestEven;
    if n <= M {
        return BigFloat::from_int(&BigInt::from(pow5_small(n)), prec);
    }
    let mut z = BigFloat::from_int(&BigInt::from(pow5_small(M)), prec);
    let mut n = n - M;
    let fprec = prec + 64;
    let mut f = BigFloat::from_int(&BigInt::from(5), fprec);
    // Neither operand is ever zero, so Mul cannot fail.
    while n > 0 {
        if n & 1 != 0 {
            z = z.mul(&f, prec, ne).map(|r| r.0).unwrap_or(z);
        }
        f = f.mul(&f, fprec, ne).map(|r| r.0).unwrap_or(f);
        n >>= 1;
    }
    z
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> BigFloat {
        BigFloat::from_f64(x, 53)
    }

    #[test]
    fn arithmetic_at_53_bits_is_ieee() {
        let ne = RoundingMode::ToNearestEven;
        let xs = [1.0, 3.0, 0.1, -2.5, 1e300, 1e-300, 7.0 / 3.0, -123456.789];
        for &a in &xs {
            for &b in &xs {
                assert_eq!(f(a).add(&f(b), 53, ne).unwrap().0.to_f64().0, a + b, "{a} + {b}");
                assert_eq!(f(a).sub(&f(b), 53, ne).unwrap().0.to_f64().0, a - b, "{a} - {b}");
                assert_eq!(f(a).mul(&f(b), 53, ne).unwrap().0.to_f64().0, a * b, "{a} * {b}");
                assert_eq!(f(a).quo(&f(b), 53, ne).unwrap().0.to_f64().0, a / b, "{a} / {b}");
                assert_eq!(f(a).cmp(&f(b)), a.partial_cmp(&b).unwrap());
            }
        }
    }

    #[test]
    fn far_apart_addition_rounds_like_exact() {
        let ne = RoundingMode::ToNearestEven;
        // 1 + 2**-600 at 512 bits: rounds to 1 (below), and 1 - 2**-600 too (above).
        let one = BigFloat::from_i64(1, 512);
        let tiny = BigFloat::from_int(&BigInt::one(), 512);
        let tiny = BigFloat { exp: -599, ..tiny };
        let (s, acc) = one.add(&tiny, 512, ne).unwrap();
        assert_eq!((s.text_p(), acc), ("0x.8p+1".to_string(), Accuracy::Below));
        let (d, acc) = one.sub(&tiny, 512, ne).unwrap();
        assert_eq!((d.text_p(), acc), ("0x.8p+1".to_string(), Accuracy::Above));
        // ToZero keeps the predecessor of 1: 512 one-bits.
        let (d, _) = one.sub(&tiny, 512, RoundingMode::ToZero).unwrap();
        assert_eq!(d.mant.bits(), 512);
        assert_eq!(d.mant.count_ones(), 512);
    }

    #[test]
    fn nan_cases() {
        let z = BigFloat::zero(512);
        let ne = RoundingMode::ToNearestEven;
        assert_eq!(z.quo(&z, 512, ne), Err(NaN));
        let one = BigFloat::from_i64(1, 512);
        let (inf, _) = one.quo(&z, 512, ne).unwrap();
        assert!(inf.is_inf());
        assert_eq!(inf.sub(&inf, 512, ne), Err(NaN));
        assert_eq!(inf.mul(&z, 512, ne), Err(NaN));
    }

    #[test]
    fn text_p_and_denormals() {
        assert_eq!(BigFloat::from_i64(2, 512).text_p(), "0x.8p+2");
        assert_eq!(BigFloat::from_f64(-0.75, 512).text_p(), "-0x.cp+0");
        let tiny = BigFloat::from_f64(f64::from_bits(1), 512);
        assert_eq!(tiny.to_f64(), (f64::from_bits(1), Accuracy::Exact));
        // Half the smallest denormal rounds to even (0); a bit more rounds up.
        let half = BigFloat { exp: tiny.exp - 1, ..tiny.clone() };
        assert_eq!(half.to_f64(), (0.0, Accuracy::Below));
        let ne = RoundingMode::ToNearestEven;
        let more = half.add(&BigFloat { exp: half.exp - 10, ..half.clone() }, 512, ne).unwrap().0;
        assert_eq!(more.to_f64(), (f64::from_bits(1), Accuracy::Above));
        assert_eq!(BigFloat::from_f64(f64::MAX, 512).to_f32(), (f32::INFINITY, Accuracy::Above));
    }
}
