//! Operations on constant values: go/constant's `BinaryOp`, `UnaryOp`,
//! `Shift`, `Compare` (`value.go`), with its representation matching
//! (`ord`/`match`: the simpler operand is converted to the other's
//! representation, int64 → big int → fraction → binary float → complex).
//!
//! Operators are enums of our own instead of `go/token` tokens.
//! `BinOp::QuoInt` is Go's `token.QUO_ASSIGN` trick: integer (truncated)
//! division, which types2 requests when both operands are of integer
//! type; `BinOp::Quo` on two Ints gives an exact fraction.
//!
//! Who checks what (types2's `expr.go`, for the checker built on this):
//! - division by zero: the *caller*. types2 reports "invalid operation:
//!   division by zero" when a constant divisor has `sign() == 0`, and for
//!   complex division also when the divisor's `re*re` and `im*im` both
//!   underflow to 0 (go.dev/issue/20227), before calling `binary_op`.
//!   Here (where Go panics) the `try_*` functions return `Err` and the
//!   plain ones return Unknown. A nonzero Float divided by a zero Float
//!   is `+Inf`, i.e. Unknown, in Go as here.
//! - overflow: the caller. types2 calls `overflow` after each operation:
//!   an Unknown result is "constant result is not representable", an
//!   untyped Int with `bit_len() > 512` is "constant <op> overflow"
//!   (addition, subtraction, multiplication, shift, bitwise XOR/complement),
//!   a typed result must be representable in its type.
//! - shift counts: the caller. types2 rejects counts above 1074
//!   ("invalid shift count") before calling `shift`; `shift` itself does
//!   what Go's does for any `u32` count (a `<<` by 2**32-1 really builds a
//!   4-Gibit integer, as Go would).
//! - `^x` of an unsigned type: the caller passes the type's size in bits
//!   as `prec` to `unary_op` (0 for signed and untyped).
//!
//! Go's quirks are kept: comparing or adding a String with a non-String
//! matches the String with itself (`"a" + 1` is `"aa"`), and integer
//! division of `math.MinInt64` by -1 wraps.
//!
//! Invariants: operands are never modified; no panics.

use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};

use super::bigfloat::{BigFloat, RoundingMode};
use super::value::{PREC, StrVal, V, Value, make_complex, make_float, make_int, make_rat};

/// types2's bound on constant shift counts (`shiftBound`, 1023 - 1 + 52,
/// enough to express the smallest float64): larger counts are "invalid
/// shift count" errors, checked by the caller before [`shift`].
pub const SHIFT_BOUND: u64 = 1023 - 1 + 52;

/// A binary operator for [`binary_op`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    /// `/`: exact division (an Int quotient may be a fraction).
    Quo,
    /// `/` between integer-typed operands: truncated integer division
    /// (Go's `token.QUO_ASSIGN`); the result is an Int.
    QuoInt,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    /// `&&` on Bools.
    LAnd,
    /// `||` on Bools.
    LOr,
}

/// A unary operator for [`unary_op`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum UnaryOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `^x` (bitwise complement)
    Xor,
    /// `!x`
    Not,
}

/// A shift operator for [`shift`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ShiftOp {
    Shl,
    Shr,
}

/// A comparison operator for [`compare`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum CmpOp {
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
}

impl BinOp {
    /// The operator for a syntax operator (`integer_division` selects
    /// `QuoInt` for `/`, as types2 does for integer-typed operands);
    /// `None` for operators that are not binary arithmetic or logic.
    pub fn from_operator(op: goxide_syntax::token::Operator, integer_division: bool) -> Option<BinOp> {
        use goxide_syntax::token::Operator as O;
        Some(match op {
            O::Add => BinOp::Add,
            O::Sub => BinOp::Sub,
            O::Mul => BinOp::Mul,
            O::Div if integer_division => BinOp::QuoInt,
            O::Div => BinOp::Quo,
            O::Rem => BinOp::Rem,
            O::And => BinOp::And,
            O::Or => BinOp::Or,
            O::Xor => BinOp::Xor,
            O::AndNot => BinOp::AndNot,
            O::AndAnd => BinOp::LAnd,
            O::OrOr => BinOp::LOr,
            _ => return None,
        })
    }

    /// The Go spelling (`/` for both divisions).
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Quo | BinOp::QuoInt => "/",
            BinOp::Rem => "%",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::AndNot => "&^",
            BinOp::LAnd => "&&",
            BinOp::LOr => "||",
        }
    }
}

impl UnaryOp {
    /// The operator for a syntax operator (`~` is treated as `^`, as
    /// types2 does after reporting it).
    pub fn from_operator(op: goxide_syntax::token::Operator) -> Option<UnaryOp> {
        use goxide_syntax::token::Operator as O;
        Some(match op {
            O::Add => UnaryOp::Pos,
            O::Sub => UnaryOp::Neg,
            O::Xor | O::Tilde => UnaryOp::Xor,
            O::Not => UnaryOp::Not,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Xor => "^",
            UnaryOp::Not => "!",
        }
    }
}

impl ShiftOp {
    pub fn from_operator(op: goxide_syntax::token::Operator) -> Option<ShiftOp> {
        use goxide_syntax::token::Operator as O;
        match op {
            O::Shl => Some(ShiftOp::Shl),
            O::Shr => Some(ShiftOp::Shr),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ShiftOp::Shl => "<<",
            ShiftOp::Shr => ">>",
        }
    }
}

impl CmpOp {
    pub fn from_operator(op: goxide_syntax::token::Operator) -> Option<CmpOp> {
        use goxide_syntax::token::Operator as O;
        Some(match op {
            O::Eql => CmpOp::Eql,
            O::Neq => CmpOp::Neq,
            O::Lss => CmpOp::Lss,
            O::Leq => CmpOp::Leq,
            O::Gtr => CmpOp::Gtr,
            O::Geq => CmpOp::Geq,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eql => "==",
            CmpOp::Neq => "!=",
            CmpOp::Lss => "<",
            CmpOp::Leq => "<=",
            CmpOp::Gtr => ">",
            CmpOp::Geq => ">=",
        }
    }

    fn holds(self, o: Ordering) -> bool {
        match self {
            CmpOp::Eql => o == Ordering::Equal,
            CmpOp::Neq => o != Ordering::Equal,
            CmpOp::Lss => o == Ordering::Less,
            CmpOp::Leq => o != Ordering::Greater,
            CmpOp::Gtr => o == Ordering::Greater,
            CmpOp::Geq => o != Ordering::Less,
        }
    }
}

/// Where Go's go/constant panics; `Display` is Go's panic message.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum OpError {
    /// Division (or remainder) by an exact zero, or 0/0 of Floats; the
    /// message is the one Go panics with (`division by zero` from
    /// math/big, `runtime error: integer divide by zero` for int64, the
    /// `ErrNaN` text for 0/0 of binary floats).
    DivisionByZero(&'static str),
    /// An operation the operands' kinds do not support.
    Invalid(String),
}

const BIG_DIV_ZERO: OpError = OpError::DivisionByZero("division by zero");
const INT_DIV_ZERO: OpError = OpError::DivisionByZero("runtime error: integer divide by zero");

impl fmt::Display for OpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpError::DivisionByZero(m) => f.write_str(m),
            OpError::Invalid(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for OpError {}

/// Go's `ord`: the representation's rank for `match`.
fn ord(x: &Value) -> i32 {
    match &x.0 {
        V::Unknown => 0,
        V::Bool(_) | V::Str(_) => 1,
        V::Int64(_) => 2,
        V::Int(_) => 3,
        V::Rat(_) => 4,
        V::Float(_) => 5,
        V::Complex(_) => 6,
    }
}

fn i64_to_rat(x: i64) -> Value {
    Value(V::Rat(Arc::new(BigRational::from_integer(BigInt::from(x)))))
}

/// Go's `match0` (ord(x) < ord(y)): x converted to y's representation,
/// or (x, x) when there is none (Unknown, or mismatched kinds).
fn match0(x: &Value, y: &Value) -> (Value, Value) {
    let conv = match (&x.0, &y.0) {
        (V::Int64(a), V::Int(_)) => Some(Value(V::Int(Arc::new(BigInt::from(*a))))),
        (V::Int64(a), V::Rat(_)) => Some(i64_to_rat(*a)),
        (V::Int(a), V::Rat(_)) => Some(Value(V::Rat(Arc::new(BigRational::from_integer((**a).clone()))))),
        (V::Int64(a), V::Float(_)) => Some(Value(V::Float(Arc::new(BigFloat::from_i64(*a, PREC))))),
        (V::Int(a), V::Float(_)) => Some(Value(V::Float(Arc::new(BigFloat::from_int(a, PREC))))),
        (V::Rat(a), V::Float(_)) => Some(Value(V::Float(Arc::new(BigFloat::from_rat(a, PREC))))),
        (V::Int64(_) | V::Int(_) | V::Rat(_) | V::Float(_), V::Complex(_)) => {
            Some(Value(V::Complex(Arc::new((x.clone(), Value(V::Int64(0)))))))
        }
        _ => None,
    };
    match conv {
        Some(c) => (c, y.clone()),
        None => (x.clone(), x.clone()),
    }
}

/// Go's `match`.
fn match_(x: &Value, y: &Value) -> (Value, Value) {
    let (ox, oy) = (ord(x), ord(y));
    match ox.cmp(&oy) {
        Ordering::Less => match0(x, y),
        Ordering::Greater => {
            let (y, x) = match0(y, x);
            (x, y)
        }
        Ordering::Equal => (x.clone(), y.clone()),
    }
}

fn invalid_binary(x: &Value, op: BinOp, y: &Value) -> OpError {
    OpError::Invalid(format!("invalid binary operation {x} {} {y}", op.as_str()))
}

fn is32bit(x: i64) -> bool {
    i32::try_from(x).is_ok()
}

fn is63bit(x: i64) -> bool {
    (-(1i64 << 62)..(1i64 << 62)).contains(&x)
}

fn float_result(r: Result<(BigFloat, super::bigfloat::Accuracy), super::bigfloat::NaN>) -> Result<Value, OpError> {
    match r {
        Ok((f, _)) => Ok(make_float(f)),
        Err(_) => Err(OpError::DivisionByZero("division of zero by zero or infinity by infinity")),
    }
}

/// Go's `BinaryOp` (see the module docs for `Quo`/`QuoInt`); `Err`
/// where Go panics: division by zero, or operands the operation does not
/// apply to. An Unknown operand gives Unknown.
pub fn try_binary_op(x_: &Value, op: BinOp, y_: &Value) -> Result<Value, OpError> {
    let (x, y) = match_(x_, y_);
    let bad = || invalid_binary(x_, op, y_);
    match (&x.0, &y.0) {
        (V::Unknown, _) => Ok(x.clone()),
        (V::Bool(a), V::Bool(b)) => match op {
            BinOp::LAnd => Ok(Value(V::Bool(*a && *b))),
            BinOp::LOr => Ok(Value(V::Bool(*a || *b))),
            _ => Err(bad()),
        },
        (V::Int64(a), V::Int64(b)) => {
            let (a, b) = (*a, *b);
            let big = |f: fn(BigInt, BigInt) -> BigInt| Ok(make_int(f(BigInt::from(a), BigInt::from(b))));
            let c = match op {
                BinOp::Add if !is63bit(a) || !is63bit(b) => return big(|a, b| a + b),
                BinOp::Add => a + b,
                BinOp::Sub if !is63bit(a) || !is63bit(b) => return big(|a, b| a - b),
                BinOp::Sub => a - b,
                BinOp::Mul if !is32bit(a) || !is32bit(b) => return big(|a, b| a * b),
                BinOp::Mul => a * b,
                BinOp::Quo => {
                    if b == 0 {
                        return Err(BIG_DIV_ZERO);
                    }
                    return Ok(make_rat(BigRational::new(BigInt::from(a), BigInt::from(b))));
                }
                BinOp::QuoInt | BinOp::Rem if b == 0 => return Err(INT_DIV_ZERO),
                BinOp::QuoInt => a.wrapping_div(b),
                BinOp::Rem => a.wrapping_rem(b),
                BinOp::And => a & b,
                BinOp::Or => a | b,
                BinOp::Xor => a ^ b,
                BinOp::AndNot => a & !b,
                _ => return Err(bad()),
            };
            Ok(Value(V::Int64(c)))
        }
        (V::Int(a), V::Int(b)) => {
            let (a, b): (&BigInt, &BigInt) = (a, b);
            let c = match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Quo => {
                    if b.is_zero() {
                        return Err(BIG_DIV_ZERO);
                    }
                    return Ok(make_rat(BigRational::new(a.clone(), b.clone())));
                }
                BinOp::QuoInt | BinOp::Rem if b.is_zero() => return Err(BIG_DIV_ZERO),
                // big.Int's Quo and Rem truncate, as Rust's / and %.
                BinOp::QuoInt => a / b,
                BinOp::Rem => a % b,
                BinOp::And => a & b,
                BinOp::Or => a | b,
                BinOp::Xor => a ^ b,
                BinOp::AndNot => a & !b,
                _ => return Err(bad()),
            };
            Ok(make_int(c))
        }
        (V::Rat(a), V::Rat(b)) => {
            let (a, b): (&BigRational, &BigRational) = (a, b);
            let c = match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Quo => {
                    if b.is_zero() {
                        return Err(BIG_DIV_ZERO);
                    }
                    a / b
                }
                _ => return Err(bad()),
            };
            Ok(make_rat(c))
        }
        (V::Float(a), V::Float(b)) => {
            let ne = RoundingMode::ToNearestEven;
            match op {
                BinOp::Add => float_result(a.add(b, PREC, ne)),
                BinOp::Sub => float_result(a.sub(b, PREC, ne)),
                BinOp::Mul => float_result(a.mul(b, PREC, ne)),
                BinOp::Quo => float_result(a.quo(b, PREC, ne)),
                _ => Err(bad()),
            }
        }
        (V::Complex(xc), V::Complex(yc)) => {
            let ((a, b), (c, d)) = (&**xc, &**yc);
            let arith = |x: &Value, op: BinOp, y: &Value| try_binary_op(x, op, y);
            let (re, im) = match op {
                BinOp::Add => (arith(a, BinOp::Add, c)?, arith(b, BinOp::Add, d)?),
                BinOp::Sub => (arith(a, BinOp::Sub, c)?, arith(b, BinOp::Sub, d)?),
                BinOp::Mul => {
                    let (ac, bd) = (arith(a, BinOp::Mul, c)?, arith(b, BinOp::Mul, d)?);
                    let (bc, ad) = (arith(b, BinOp::Mul, c)?, arith(a, BinOp::Mul, d)?);
                    (arith(&ac, BinOp::Sub, &bd)?, arith(&bc, BinOp::Add, &ad)?)
                }
                BinOp::Quo => {
                    let (ac, bd) = (arith(a, BinOp::Mul, c)?, arith(b, BinOp::Mul, d)?);
                    let (bc, ad) = (arith(b, BinOp::Mul, c)?, arith(a, BinOp::Mul, d)?);
                    let (cc, dd) = (arith(c, BinOp::Mul, c)?, arith(d, BinOp::Mul, d)?);
                    let s = arith(&cc, BinOp::Add, &dd)?;
                    let re = arith(&ac, BinOp::Add, &bd)?;
                    let re = arith(&re, BinOp::Quo, &s)?;
                    let im = arith(&bc, BinOp::Sub, &ad)?;
                    let im = arith(&im, BinOp::Quo, &s)?;
                    (re, im)
                }
                _ => return Err(bad()),
            };
            Ok(make_complex(re, im))
        }
        (V::Str(a), V::Str(b)) if op == BinOp::Add => Ok(Value(V::Str(StrVal::concat(a, b)))),
        _ => Err(bad()),
    }
}

/// [`try_binary_op`], with Unknown where it fails (the checker has ruled
/// those cases out before calling).
pub fn binary_op(x: &Value, op: BinOp, y: &Value) -> Value {
    try_binary_op(x, op, y).unwrap_or(Value(V::Unknown))
}

/// Go's `UnaryOp`: `op y`; for `^` with `prec > 0`, the result is cut to
/// `prec` bits (an unsigned type's size). Unknown gives Unknown; `Err`
/// where Go panics (an operator the operand does not support).
pub fn try_unary_op(op: UnaryOp, y: &Value, prec: u32) -> Result<Value, OpError> {
    let bad = || OpError::Invalid(format!("invalid unary operation {}{y}", op.as_str()));
    match (op, &y.0) {
        (_, V::Unknown) => Ok(y.clone()),
        (UnaryOp::Pos, V::Int64(_) | V::Int(_) | V::Rat(_) | V::Float(_) | V::Complex(_)) => Ok(y.clone()),
        (UnaryOp::Neg, V::Int64(a)) => Ok(match a.checked_neg() {
            Some(z) => Value(V::Int64(z)),
            None => make_int(-BigInt::from(*a)),
        }),
        (UnaryOp::Neg, V::Int(a)) => Ok(make_int(-(**a).clone())),
        (UnaryOp::Neg, V::Rat(a)) => Ok(make_rat(-(**a).clone())),
        // newFloat().Neg(x): x rounded to PREC (it may have been made with
        // a larger precision), then negated.
        (UnaryOp::Neg, V::Float(a)) => Ok(make_float(a.set(PREC, RoundingMode::ToNearestEven).0.neg())),
        (UnaryOp::Neg, V::Complex(c)) => {
            let re = try_unary_op(UnaryOp::Neg, &c.0, 0)?;
            let im = try_unary_op(UnaryOp::Neg, &c.1, 0)?;
            Ok(make_complex(re, im))
        }
        (UnaryOp::Xor, V::Int64(_) | V::Int(_)) => {
            let z = match &y.0 {
                V::Int64(a) => BigInt::from(!*a),
                V::Int(a) => !(**a).clone(),
                _ => return Err(bad()),
            };
            if prec == 0 {
                return Ok(make_int(z));
            }
            // z &^= -1 << prec, i.e. keep the low prec bits (two's complement).
            let mask = (BigInt::one() << prec) - 1;
            Ok(make_int(z & mask))
        }
        (UnaryOp::Not, V::Bool(b)) => Ok(Value(V::Bool(!b))),
        _ => Err(bad()),
    }
}

/// [`try_unary_op`], with Unknown where it fails.
pub fn unary_op(op: UnaryOp, y: &Value, prec: u32) -> Value {
    try_unary_op(op, y, prec).unwrap_or(Value(V::Unknown))
}

/// Go's `Shift`: `x << s` or `x >> s` (arithmetic) for an Int x; Unknown
/// gives Unknown; `Err` for other kinds (types2 converts with `to_int`
/// first).
pub fn try_shift(x: &Value, op: ShiftOp, s: u32) -> Result<Value, OpError> {
    match &x.0 {
        V::Unknown => Ok(x.clone()),
        V::Int64(_) | V::Int(_) if s == 0 => Ok(x.clone()),
        V::Int64(a) => Ok(match op {
            ShiftOp::Shl => make_int(BigInt::from(*a) << s),
            ShiftOp::Shr => Value(V::Int64(if s >= 64 { a >> 63 } else { a >> s })),
        }),
        V::Int(a) => Ok(match op {
            ShiftOp::Shl => make_int((**a).clone() << s),
            // num-bigint's >> on negative numbers rounds toward -Inf, as big.Int.Rsh.
            ShiftOp::Shr => make_int((**a).clone() >> s),
        }),
        _ => Err(OpError::Invalid(format!("invalid shift {x} {} {s}", op.as_str()))),
    }
}

/// [`try_shift`], with Unknown where it fails.
pub fn shift(x: &Value, op: ShiftOp, s: u32) -> Value {
    try_shift(x, op, s).unwrap_or(Value(V::Unknown))
}

/// Go's `Compare`: `x op y`; false if either is Unknown; `Err` where Go
/// panics (ordering Bools or Complexes, mismatched kinds).
pub fn try_compare(x_: &Value, op: CmpOp, y_: &Value) -> Result<bool, OpError> {
    let (x, y) = match_(x_, y_);
    let bad = || OpError::Invalid(format!("invalid comparison {x_} {} {y_}", op.as_str()));
    let eq_only = |eq: bool| match op {
        CmpOp::Eql => Ok(eq),
        CmpOp::Neq => Ok(!eq),
        _ => Err(bad()),
    };
    match (&x.0, &y.0) {
        (V::Unknown, _) => Ok(false),
        (V::Bool(a), V::Bool(b)) => eq_only(a == b),
        (V::Int64(a), V::Int64(b)) => Ok(op.holds(a.cmp(b))),
        (V::Int(a), V::Int(b)) => Ok(op.holds(a.cmp(b))),
        (V::Rat(a), V::Rat(b)) => Ok(op.holds(a.cmp(b))),
        (V::Float(a), V::Float(b)) => Ok(op.holds(a.cmp(b))),
        (V::Complex(a), V::Complex(b)) => {
            let re = try_compare(&a.0, CmpOp::Eql, &b.0)?;
            let im = try_compare(&a.1, CmpOp::Eql, &b.1)?;
            eq_only(re && im)
        }
        (V::Str(a), V::Str(b)) => Ok(op.holds(a.bytes().cmp(&b.bytes()))),
        _ => Err(bad()),
    }
}

/// [`try_compare`], with false where it fails.
pub fn compare(x: &Value, op: CmpOp, y: &Value) -> bool {
    try_compare(x, op, y).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constant::{Kind, make_bool, make_from_literal, make_int64, make_string, make_unknown};
    use goxide_syntax::token::LitKind;

    fn lit(s: &str, k: LitKind) -> Value {
        make_from_literal(s, k)
    }

    #[test]
    fn integer_edges() {
        let min = make_int64(i64::MIN);
        // Go's int64 division wraps for MinInt64 / -1; % gives 0.
        assert_eq!(binary_op(&min, BinOp::QuoInt, &make_int64(-1)).exact_string(), "-9223372036854775808");
        assert_eq!(binary_op(&min, BinOp::Rem, &make_int64(-1)).exact_string(), "0");
        assert_eq!(binary_op(&min, BinOp::Quo, &make_int64(-1)).exact_string(), "9223372036854775808");
        assert_eq!(unary_op(UnaryOp::Neg, &min, 0).exact_string(), "9223372036854775808");
        assert_eq!(binary_op(&make_int64(7), BinOp::QuoInt, &make_int64(-2)).exact_string(), "-3");
        assert_eq!(binary_op(&make_int64(-7), BinOp::Rem, &make_int64(2)).exact_string(), "-1");
        assert_eq!(shift(&make_int64(-5), ShiftOp::Shr, 100).exact_string(), "-1");
        assert_eq!(shift(&make_int64(5), ShiftOp::Shr, 64).exact_string(), "0");
        let big = lit("-0x1_0000_0000_0000_0001", LitKind::Int);
        assert_eq!(shift(&big, ShiftOp::Shr, 1).exact_string(), "-9223372036854775809");
        assert_eq!(unary_op(UnaryOp::Xor, &make_int64(5), 8).exact_string(), "250");
        assert_eq!(unary_op(UnaryOp::Xor, &make_int64(0), 64).exact_string(), "18446744073709551615");
        assert_eq!(unary_op(UnaryOp::Xor, &make_int64(0), 0).exact_string(), "-1");
        let one = make_int64(1);
        assert_eq!(shift(&one, ShiftOp::Shl, SHIFT_BOUND as u32).bit_len(), 1075);
    }

    #[test]
    fn division_by_zero_is_an_error_not_a_panic() {
        let zero = make_int64(0);
        let one = make_int64(1);
        assert_eq!(try_binary_op(&one, BinOp::Quo, &zero).unwrap_err(), OpError::DivisionByZero("division by zero"));
        assert_eq!(
            try_binary_op(&one, BinOp::QuoInt, &zero).unwrap_err().to_string(),
            "runtime error: integer divide by zero"
        );
        assert_eq!(binary_op(&one, BinOp::Rem, &zero).kind(), Kind::Unknown);
        // Binary floats: x/0 is +Inf (Unknown), 0/0 is Go's ErrNaN.
        let huge = lit("1e2000", LitKind::Float);
        let fzero = binary_op(&huge, BinOp::Sub, &huge);
        assert_eq!(try_binary_op(&huge, BinOp::Quo, &fzero).map(|v| v.kind()), Ok(Kind::Unknown));
        assert!(matches!(try_binary_op(&fzero, BinOp::Quo, &fzero), Err(OpError::DivisionByZero(_))));
        // Complex division by 0i, and by a divisor whose square underflows
        // (go.dev/issue/20227: 0/0 in the imaginary part, Go panics).
        let i = lit("1i", LitKind::Imag);
        assert!(try_binary_op(&i, BinOp::Quo, &lit("0i", LitKind::Imag)).is_err());
        let tiny = lit("1e-600000000i", LitKind::Imag);
        assert!(try_binary_op(&i, BinOp::Quo, &tiny).is_err());
    }

    #[test]
    fn go_quirks_and_kind_errors() {
        let a = make_string("a");
        assert_eq!(binary_op(&a, BinOp::Add, &make_int64(1)).exact_string(), "\"aa\"");
        assert!(compare(&a, CmpOp::Eql, &make_int64(1)));
        assert!(try_binary_op(&make_bool(true), BinOp::Add, &make_bool(false)).is_err());
        assert!(try_compare(&make_bool(true), CmpOp::Lss, &make_bool(false)).is_err());
        assert!(try_unary_op(UnaryOp::Not, &make_int64(1), 0).is_err());
        assert!(try_shift(&lit("1.5", LitKind::Float), ShiftOp::Shl, 1).is_err());
        assert_eq!(binary_op(&make_unknown(), BinOp::Add, &make_bool(true)).kind(), Kind::Unknown);
        assert!(!compare(&make_unknown(), CmpOp::Eql, &make_unknown()));
    }

    #[test]
    fn operators_from_syntax() {
        use goxide_syntax::token::Operator as O;
        assert_eq!(BinOp::from_operator(O::Div, true), Some(BinOp::QuoInt));
        assert_eq!(BinOp::from_operator(O::Div, false), Some(BinOp::Quo));
        assert_eq!(BinOp::from_operator(O::Shl, false), None);
        assert_eq!(UnaryOp::from_operator(O::Tilde), Some(UnaryOp::Xor));
        assert_eq!(ShiftOp::from_operator(O::Shr), Some(ShiftOp::Shr));
        assert_eq!(CmpOp::from_operator(O::Geq), Some(CmpOp::Geq));
        assert_eq!(CmpOp::from_operator(O::Add), None);
    }
}
