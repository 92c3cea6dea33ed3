//! Go's `math.Pow` (and the `Exp`, `Log`, `Frexp`, `Ldexp` it calls),
//! ported so that go/constant's approximate `String()` of floats beyond
//! the float64 range (`floatVal.String`: `m *= math.Pow(10, d-e)`) and
//! big's `quotToFloat64` (`math.Ldexp`) give gc's bits on every host,
//! independent of the platform libm.
//!
//! Mirrored: `math/pow.go` (`pow`), `math/log.go` (`log`; gc's amd64
//! assembly `log_amd64.s` performs the same operations in the same
//! order), `math/exp_amd64.s` (`archExp`, which gc uses on amd64: the
//! FMA variant, taken on CPUs with AVX and FMA — the reference machine —
//! with `f64::mul_add` for `VFMADD`), `math/frexp.go`, `math/ldexp.go`.
//!
//! Known divergence: gc on amd64 without FMA, or on other architectures,
//! evaluates `Exp` differently and may differ in the last bit. That can
//! only show in the sixth digit of the short `String()` of a constant
//! outside the float64 range, and only when that digit sits on a
//! rounding boundary.
//!
//! Invariants: total functions on all f64 inputs (NaN and ±Inf follow
//! Go's special cases); no panics.

// Constants are spelled as in Go's source, digit for digit.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

const MASK: u64 = 0x7ff;
const SHIFT: u32 = 64 - 11 - 1;
const BIAS: i64 = 1023;

/// Go's `math.normalize`.
fn normalize(x: f64) -> (f64, i64) {
    const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308;
    if x.abs() < SMALLEST_NORMAL {
        return (x * (1u64 << 52) as f64, -52);
    }
    (x, 0)
}

/// Go's `math.Frexp`.
pub fn frexp(f: f64) -> (f64, i64) {
    if f == 0.0 || f.is_infinite() || f.is_nan() {
        return (f, 0);
    }
    let (f, mut exp) = normalize(f);
    let mut x = f.to_bits();
    exp += ((x >> SHIFT) & MASK) as i64 - BIAS + 1;
    x &= !(MASK << SHIFT);
    x |= ((-1 + BIAS) as u64) << SHIFT;
    (f64::from_bits(x), exp)
}

/// Go's `math.Ldexp`.
pub fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || frac.is_infinite() || frac.is_nan() {
        return frac;
    }
    let (frac, e) = normalize(frac);
    let mut exp = exp.saturating_add(e);
    let mut x = frac.to_bits();
    exp = exp.saturating_add(((x >> SHIFT) & MASK) as i64 - BIAS);
    if exp < -1075 {
        return 0.0f64.copysign(frac);
    }
    if exp > 1023 {
        return if frac < 0.0 { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    let mut m = 1.0;
    if exp < -1022 {
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    x &= !(MASK << SHIFT);
    x |= ((exp + BIAS) as u64) << SHIFT;
    m * f64::from_bits(x)
}

/// Go's `math.log` (pure Go; identical to `log_amd64.s` step by step).
pub fn log(x: f64) -> f64 {
    const LN2_HI: f64 = 6.93147180369123816490e-01;
    const LN2_LO: f64 = 1.90821492927058770002e-10;
    const L1: f64 = 6.666666666666735130e-01;
    const L2: f64 = 3.999999999940941908e-01;
    const L3: f64 = 2.857142874366239149e-01;
    const L4: f64 = 2.222219843214978396e-01;
    const L5: f64 = 1.818357216161805012e-01;
    const L6: f64 = 1.531383769920937332e-01;
    const L7: f64 = 1.479819860511658591e-01;
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    let (mut f1, mut ki) = frexp(x);
    if f1 < std::f64::consts::SQRT_2 / 2.0 {
        f1 *= 2.0;
        ki -= 1;
    }
    let f = f1 - 1.0;
    let k = ki as f64;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    let t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    let r = t1 + t2;
    let hfsq = 0.5 * f * f;
    k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f)
}

/// gc's amd64 `math.Exp` (`exp_amd64.s`, FMA variant).
pub fn exp(x: f64) -> f64 {
    const LOG2E: f64 = 1.4426950408889634073599246810018920;
    const LN2U: f64 = 0.69314718055966295651160180568695068359375;
    const LN2L: f64 = 0.28235290563031577122588448175013436025525412068e-12;
    const OVERFLOW: f64 = 7.09782712893384e+02;
    const C: [f64; 9] = [
        0.5,
        1.0,
        2.0,
        1.6666666666666666667e-1,
        4.1666666666666666667e-2,
        8.3333333333333333333e-3,
        1.3888888888888888889e-3,
        1.9841269841269841270e-4,
        2.4801587301587301587e-5,
    ];
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == f64::NEG_INFINITY {
        return 0.0;
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    // CVTSD2SL: round to nearest even; out of range gives 0x80000000.
    let kf = (LOG2E * x).round_ties_even();
    let k: i32 = if (-2147483648.0..2147483648.0).contains(&kf) { kf as i32 } else { i32::MIN };
    let kd = f64::from(k);
    let mut x0 = (-kd).mul_add(LN2U, x);
    x0 = (-kd).mul_add(LN2L, x0);
    x0 *= 0.0625;
    let mut x1 = C[8];
    for c in [C[7], C[6], C[5], C[4], C[3], C[0], C[1]] {
        x1 = x0.mul_add(x1, c);
    }
    x0 *= x1;
    for _ in 0..3 {
        x1 = x0 + C[2];
        x0 *= x1;
    }
    x1 = x0 + C[2];
    x0 = x1.mul_add(x0, C[1]);
    // ldexp: multiply by 2**k through the exponent field.
    let mut bx = i64::from(k) + 0x3ff;
    if bx <= 0 {
        if bx < -52 {
            return 0.0;
        }
        bx += 0x3fe;
        x0 *= f64::from_bits((bx as u64) << 52);
        bx = 1;
    } else if bx >= 0x7ff {
        return f64::INFINITY;
    }
    x0 * f64::from_bits((bx as u64) << 52)
}

/// Go's `isOddInt`.
fn is_odd_int(x: f64) -> bool {
    if x.abs() >= (1u64 << 53) as f64 {
        return false;
    }
    let xi = x.trunc();
    x - xi == 0.0 && (xi as i64) & 1 == 1
}

/// Go's `math.Pow` (pure Go `pow`, which gc uses on amd64).
pub fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 {
        if y < 0.0 {
            if x.is_sign_negative() && is_odd_int(y) {
                return f64::NEG_INFINITY;
            }
            return f64::INFINITY;
        }
        if x.is_sign_negative() && is_odd_int(y) {
            return x;
        }
        return 0.0;
    }
    if y.is_infinite() {
        if x == -1.0 {
            return 1.0;
        }
        if (x.abs() < 1.0) == (y == f64::INFINITY) {
            return 0.0;
        }
        return f64::INFINITY;
    }
    if x.is_infinite() {
        if x == f64::NEG_INFINITY {
            return pow(1.0 / x, -y);
        }
        return if y < 0.0 { 0.0 } else { f64::INFINITY };
    }
    if y == 0.5 {
        return x.sqrt();
    }
    if y == -0.5 {
        return 1.0 / x.sqrt();
    }
    let ay = y.abs();
    let mut yi = ay.trunc();
    let mut yf = ay - yi;
    if yf != 0.0 && x < 0.0 {
        return f64::NAN;
    }
    if yi >= 9.223372036854775808e18 {
        if x == -1.0 {
            return 1.0;
        }
        if (x.abs() < 1.0) == (y > 0.0) {
            return 0.0;
        }
        return f64::INFINITY;
    }
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if yf != 0.0 {
        if yf > 0.5 {
            yf -= 1.0;
            yi += 1.0;
        }
        a1 = exp(yf * log(x));
    }
    let (mut x1, mut xe) = frexp(x);
    let mut i = yi as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_to_the_platform() {
        for i in -100..=100 {
            let y = f64::from(i) / 100.0;
            let (g, p) = (pow(10.0, y), 10f64.powf(y));
            assert!(((g - p) / p).abs() < 4e-16, "pow(10, {y}) = {g}, libm {p}");
        }
        assert_eq!(pow(10.0, 0.0), 1.0);
        assert_eq!(pow(10.0, -1.0), 0.1);
        assert_eq!(ldexp(1.0, -1074), f64::from_bits(1));
        assert_eq!(ldexp(1.0, -1076), 0.0);
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(log(1.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
    }
}
