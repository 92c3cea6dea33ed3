//! Whether a constant value is representable in a basic type, and its
//! value rounded to that type (types2's `const.go`: `representableConst`,
//! `fitsFloat32/64`, `roundFloat32/64`, `representation`).
//!
//! Integers must fit the type's range (`int`, `uint` and `uintptr` by the
//! target's word size); floats must not overflow to infinity after
//! rounding to float32/float64 (and are then rounded); complex values
//! likewise per part; strings and booleans only match their kind; an
//! unknown value is representable (to avoid follow-up errors), as in
//! types2.
//!
//! Invariant: when representable, the returned value is what types2
//! stores as the constant's value in that type.

use crate::constant::{self, BinOp, Kind, Value};
use crate::sizes::Sizes;
use crate::types::{info, BasicKind};

/// Why a constant is not representable (types2's error codes, which pick
/// the message: "truncated to", "overflows", or "cannot convert").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NotRepresentable {
    TruncatedFloat,
    NumericOverflow,
    InvalidConstVal,
}

/// The value of `x` in type `typ`, or `None` (types2's
/// `representableConst` with `rounded`).
pub fn representable_const(x: &Value, typ: BasicKind, sizes: &Sizes) -> Option<Value> {
    if x.kind() == Kind::Unknown {
        return Some(x.clone());
    }
    let inf = typ.info();
    if inf & info::INTEGER != 0 {
        let x = x.to_int();
        if x.kind() != Kind::Int {
            return None;
        }
        let word_bits = (sizes.word_size * 8) as u32;
        let (v, exact) = x.int64_val();
        let fits = if exact {
            let signed = |s: u32| (-1i128 << (s - 1)) <= v as i128 && (v as i128) <= (1i128 << (s - 1)) - 1;
            let unsigned = |s: u32| 0 <= v as i128 && (v as i128) <= (1i128 << s) - 1;
            match typ {
                BasicKind::Int => signed(word_bits),
                BasicKind::Int8 => signed(8),
                BasicKind::Int16 => signed(16),
                BasicKind::Int32 => signed(32),
                BasicKind::Int64 | BasicKind::UntypedInt | BasicKind::UntypedRune => true,
                BasicKind::Uint | BasicKind::Uintptr => unsigned(word_bits),
                BasicKind::Uint8 => unsigned(8),
                BasicKind::Uint16 => unsigned(16),
                BasicKind::Uint32 => unsigned(32),
                BasicKind::Uint64 => v >= 0,
                _ => unreachable!("integer kind"),
            }
        } else {
            // x does not fit into int64.
            let n = x.bit_len();
            match typ {
                BasicKind::Uint | BasicKind::Uintptr => x.sign() >= 0 && n <= u64::from(word_bits),
                BasicKind::Uint64 => x.sign() >= 0 && n <= 64,
                BasicKind::UntypedInt | BasicKind::UntypedRune => true,
                _ => false,
            }
        };
        return fits.then_some(x);
    }
    if inf & info::FLOAT != 0 {
        let x = x.to_float();
        if x.kind() != Kind::Float {
            return None;
        }
        return match typ {
            BasicKind::Float32 => round_float32(&x),
            BasicKind::Float64 => round_float64(&x),
            BasicKind::UntypedFloat => Some(x),
            _ => unreachable!("float kind"),
        };
    }
    if inf & info::COMPLEX != 0 {
        let x = x.to_complex();
        if x.kind() != Kind::Complex {
            return None;
        }
        let round = match typ {
            BasicKind::Complex64 => round_float32,
            BasicKind::Complex128 => round_float64,
            BasicKind::UntypedComplex => return Some(x),
            _ => unreachable!("complex kind"),
        };
        let re = round(&x.real())?;
        let im = round(&x.imag())?;
        return Some(constant::binary_op(&re, BinOp::Add, &constant::make_imag(&im)));
    }
    if inf & info::STRING != 0 {
        return (x.kind() == Kind::String).then(|| x.clone());
    }
    if inf & info::BOOLEAN != 0 {
        return (x.kind() == Kind::Bool).then(|| x.clone());
    }
    None
}

/// Why `x` (of basic type `from`) is not representable in `to` (types2's
/// `representation`'s codes).
pub fn why_not(from: BasicKind, to: BasicKind) -> NotRepresentable {
    let numeric = |k: BasicKind| k.info() & info::NUMERIC != 0;
    let integer = |k: BasicKind| k.info() & info::INTEGER != 0;
    if numeric(from) && numeric(to) {
        if !integer(from) && integer(to) {
            NotRepresentable::TruncatedFloat
        } else {
            NotRepresentable::NumericOverflow
        }
    } else {
        NotRepresentable::InvalidConstVal
    }
}

/// The value rounded to float32, unless that overflows.
fn round_float32(x: &Value) -> Option<Value> {
    let (f, _) = x.float32_val();
    (!f.is_infinite()).then(|| constant::make_float64(f64::from(f)))
}

/// The value rounded to float64, unless that overflows.
fn round_float64(x: &Value) -> Option<Value> {
    let (f, _) = x.float64_val();
    (!f.is_infinite()).then(|| constant::make_float64(f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use goxide_syntax::token::LitKind;

    fn lit(s: &str) -> Value {
        let kind = if s.starts_with('"') {
            LitKind::String
        } else if s.ends_with('i') {
            LitKind::Imag
        } else if s.contains(['.', 'e', 'p']) && !s.starts_with("0x") || s.contains('p') {
            LitKind::Float
        } else {
            LitKind::Int
        };
        constant::make_from_literal(s, kind)
    }

    #[test]
    fn integer_ranges_follow_the_target() {
        let s64 = Sizes::for_arch("amd64").unwrap();
        let s32 = Sizes::for_arch("386").unwrap();
        let ok = |v: &str, k, s: &Sizes| representable_const(&lit(v), k, s).is_some();
        assert!(ok("255", BasicKind::Uint8, &s64) && !ok("256", BasicKind::Uint8, &s64));
        assert!(!ok("128", BasicKind::Int8, &s64));
        assert!(ok("2147483648", BasicKind::Int, &s64) && !ok("2147483648", BasicKind::Int, &s32));
        assert!(ok("18446744073709551615", BasicKind::Uint64, &s64) && !ok("18446744073709551616", BasicKind::Uint64, &s64));
        assert!(ok("18446744073709551615", BasicKind::Uint, &s64) && !ok("4294967296", BasicKind::Uint, &s32));
        assert!(ok("1e3", BasicKind::Int, &s64), "an integral float converts");
        assert!(!ok("1.5", BasicKind::Int, &s64));
        assert!(ok("1e1000", BasicKind::UntypedInt, &s64));
    }

    #[test]
    fn floats_round_and_overflow() {
        let s = Sizes::for_arch("amd64").unwrap();
        assert!(representable_const(&lit("1e1000"), BasicKind::Float64, &s).is_none());
        assert!(representable_const(&lit("1e39"), BasicKind::Float32, &s).is_none());
        let v = representable_const(&lit("0.1"), BasicKind::Float32, &s).unwrap();
        assert_eq!(v.float64_val().0, f64::from(0.1f32), "rounded to float32");
        assert!(representable_const(&lit("1e1000"), BasicKind::UntypedFloat, &s).is_some());
        assert!(representable_const(&lit("1e39i"), BasicKind::Complex64, &s).is_none());
        assert!(representable_const(&lit("2i"), BasicKind::Complex64, &s).is_some());
        assert!(representable_const(&lit("2i"), BasicKind::Float64, &s).is_none());
        assert!(representable_const(&lit("\"s\""), BasicKind::String, &s).is_some());
        assert!(representable_const(&lit("\"s\""), BasicKind::Int, &s).is_none());
        assert!(representable_const(&constant::make_unknown(), BasicKind::Int8, &s).is_some());
    }

    #[test]
    fn reasons_pick_types2_messages() {
        assert_eq!(why_not(BasicKind::UntypedFloat, BasicKind::Int), NotRepresentable::TruncatedFloat);
        assert_eq!(why_not(BasicKind::UntypedInt, BasicKind::Uint8), NotRepresentable::NumericOverflow);
        assert_eq!(why_not(BasicKind::UntypedString, BasicKind::Int), NotRepresentable::InvalidConstVal);
    }
}
