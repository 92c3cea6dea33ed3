//! Complex division (gc's `runtime/complex.go` `complex128div`): Smith's
//! algorithm (Robert L. Smith, "Algorithm 116: Complex division", CACM
//! 5(8), 1962), with C99 G.5.1's corrections to infinities and zeros when
//! both parts come out NaN. `complex64` division is done in `complex128`
//! by the compiler, as gc does.
//!
//! Entry point (C ABI, `g` first): `goxide_rt_complex128div(g, n.re,
//! n.im, m.re, m.im) -> {re, im}` (two f64 in registers).

use crate::goroutine::G;

/// Two f64 results in registers.
#[repr(C)]
pub struct Complex128 {
    pub re: f64,
    pub im: f64,
}

fn inf2one(f: f64) -> f64 {
    let g: f64 = if f.is_infinite() { 1.0 } else { 0.0 };
    g.copysign(f)
}

/// `n / m` as gc's `complex128div`.
pub fn complex128div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let (mut e, mut f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let inf = f64::INFINITY;
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let (a, b) = (inf2one(a), inf2one(b));
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let (c, d) = (inf2one(c), inf2one(d));
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_complex128div(_g: *mut G, a: f64, b: f64, c: f64, d: f64) -> Complex128 {
    let (re, im) = complex128div(a, b, c, d);
    Complex128 { re, im }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divides_as_gc() {
        assert_eq!(complex128div(1.0, 2.0, 3.0, 4.0), (0.44, 0.08));
        let (e, f) = complex128div(1.0, 1.0, 0.0, 0.0);
        assert!(e.is_infinite() && f.is_infinite());
        let (e, f) = complex128div(f64::INFINITY, 0.0, 1.0, 1.0);
        assert!(e.is_infinite() && f.is_infinite() && f < 0.0);
        let (e, f) = complex128div(1.0, 1.0, f64::INFINITY, 0.0);
        assert_eq!((e, f), (0.0, 0.0));
    }
}
