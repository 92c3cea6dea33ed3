//! The representation of constant values: go/constant's eight concrete
//! types (`value.go`) behind one cheap-to-clone `Value`, plus the
//! factories (`Make*`) and the String/ExactString texts.
//!
//! Representation, as Go's (and why it matters): an Int is an `i64` when
//! it fits (`int64Val`) and a big integer otherwise (`intVal`); a Float is
//! an exact fraction (`ratVal`) while numerator and denominator stay
//! under `MAX_EXP` bits and a 512-bit binary float (`floatVal`) after
//! that, and never goes back; a Complex is a pair of Int/Float values.
//! Which representation a value has changes results (rounding, `Int64Val`
//! exactness, `Num`/`Denom`), so the switching rules (`make_int`,
//! `make_rat`, `make_float`, `small_float`) are Go's exactly.
//!
//! Strings concatenate lazily (Go's `stringVal` tree, issue 23348): `+`
//! builds a node in O(1) with its length cached (so `StringLen` is O(1));
//! the first request for the bytes flattens that node once with an
//! explicit stack (no recursion, so no stack overflow on long `a+b+c+…`
//! chains) and drops its children. Dropping a deep tree is iterative too.
//!
//! Invariants: `V::Int` never holds a value that fits `i64` unless Go
//! would also keep it as an `intVal` (only `MakeFromLiteral` does that,
//! for literals `ParseInt` rejects but `big.Int` accepts); `V::Float`
//! never holds ±0 with a sign or ±Inf; `V::Complex` holds two numeric,
//! non-complex, non-unknown parts; a concatenation node's children are
//! both non-empty.

use std::fmt;
use std::sync::{Arc, Mutex};

use num_bigint::{BigInt, Sign};
use num_rational::BigRational;
use num_traits::ToPrimitive;

use super::bigfloat::BigFloat;
use super::format;

/// Go's `prec`: the mantissa precision of Float values, in bits.
pub const PREC: u32 = 512;

/// Go's `maxExp`: fractions may have components of up to this many bits
/// before a Float switches to the binary representation.
pub const MAX_EXP: u64 = 4 << 10;

/// The kind of a value (go/constant's `Kind`); `Display` is Go's
/// `Kind.String()`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Kind {
    Unknown,
    Bool,
    String,
    Int,
    Float,
    Complex,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Unknown => "Unknown",
            Kind::Bool => "Bool",
            Kind::String => "String",
            Kind::Int => "Int",
            Kind::Float => "Float",
            Kind::Complex => "Complex",
        })
    }
}

/// A constant value (go/constant's `Value`). Cloning is O(1): big data
/// sits behind `Arc`s. `Display` is Go's `String()` (the short form
/// diagnostics quote); [`Value::exact_string`] is `ExactString()`.
#[derive(Clone)]
pub struct Value(pub(super) V);

#[derive(Clone)]
pub(super) enum V {
    Unknown,
    Bool(bool),
    Str(Arc<StrVal>),
    Int64(i64),
    Int(Arc<BigInt>),
    Rat(Arc<BigRational>),
    Float(Arc<BigFloat>),
    Complex(Arc<(Value, Value)>),
}

// ---- strings ----

/// A string value: bytes, or a not yet flattened concatenation.
pub(super) struct StrVal {
    len: u64,
    repr: Mutex<StrRepr>,
}

enum StrRepr {
    Flat(Arc<[u8]>),
    Concat(Arc<StrVal>, Arc<StrVal>),
}

impl StrVal {
    fn flat(b: Arc<[u8]>) -> StrVal {
        StrVal { len: b.len() as u64, repr: Mutex::new(StrRepr::Flat(b)) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, StrRepr> {
        self.repr.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(super) fn len(&self) -> u64 {
        self.len
    }

    /// The bytes; flattens (and remembers) a concatenation.
    pub(super) fn bytes(&self) -> Arc<[u8]> {
        let (l, r) = match &*self.lock() {
            StrRepr::Flat(b) => return b.clone(),
            StrRepr::Concat(l, r) => (l.clone(), r.clone()),
        };
        let mut out: Vec<u8> = Vec::with_capacity(usize::try_from(self.len).unwrap_or(0));
        let mut stack = vec![r, l];
        while let Some(n) = stack.pop() {
            match &*n.lock() {
                StrRepr::Flat(b) => out.extend_from_slice(b),
                StrRepr::Concat(l, r) => {
                    stack.push(r.clone());
                    stack.push(l.clone());
                }
            }
        }
        let flat: Arc<[u8]> = out.into();
        *self.lock() = StrRepr::Flat(flat.clone());
        flat
    }

    /// `x + y` in O(1) (an empty side is simply the other side).
    pub(super) fn concat(x: &Arc<StrVal>, y: &Arc<StrVal>) -> Arc<StrVal> {
        if y.len == 0 {
            return x.clone();
        }
        if x.len == 0 {
            return y.clone();
        }
        Arc::new(StrVal { len: x.len.saturating_add(y.len), repr: Mutex::new(StrRepr::Concat(x.clone(), y.clone())) })
    }
}

impl Drop for StrVal {
    fn drop(&mut self) {
        // Unlink children iteratively so a deep tree cannot overflow the stack.
        let repr = self.repr.get_mut().unwrap_or_else(|e| e.into_inner());
        let StrRepr::Concat(l, r) = std::mem::replace(repr, StrRepr::Flat(Arc::from(&[][..]))) else { return };
        let mut stack = vec![l, r];
        while let Some(n) = stack.pop() {
            if let Some(mut inner) = Arc::into_inner(n) {
                let repr = inner.repr.get_mut().unwrap_or_else(|e| e.into_inner());
                if let StrRepr::Concat(l, r) = std::mem::replace(repr, StrRepr::Flat(Arc::from(&[][..]))) {
                    stack.push(l);
                    stack.push(r);
                }
            }
        }
    }
}

// ---- representation switching (Go's makeInt, makeRat, makeFloat) ----

/// Go's `smallInt`.
pub(super) fn small_int(x: &BigInt) -> bool {
    x.bits() < MAX_EXP
}

/// Go's `smallFloat`.
pub(super) fn small_float(x: &BigFloat) -> bool {
    if x.is_inf() {
        return false;
    }
    let e = i64::from(x.mant_exp());
    -(MAX_EXP as i64) < e && e < MAX_EXP as i64
}

/// Go's `makeInt`.
pub(super) fn make_int(x: BigInt) -> Value {
    match x.to_i64() {
        Some(v) => Value(V::Int64(v)),
        None => Value(V::Int(Arc::new(x))),
    }
}

/// Go's `makeRat`.
pub(super) fn make_rat(x: BigRational) -> Value {
    if small_int(x.numer()) && small_int(x.denom()) {
        return Value(V::Rat(Arc::new(x)));
    }
    Value(V::Float(Arc::new(BigFloat::from_rat(&x, PREC))))
}

/// Go's `makeFloat`: ±0 becomes +0, ±Inf becomes Unknown.
pub(super) fn make_float(x: BigFloat) -> Value {
    if x.sign() == 0 {
        return Value(V::Float(Arc::new(BigFloat::zero(PREC))));
    }
    if x.is_inf() {
        return Value(V::Unknown);
    }
    Value(V::Float(Arc::new(x)))
}

/// Go's `makeComplex`.
pub(super) fn make_complex(re: Value, im: Value) -> Value {
    if re.kind() == Kind::Unknown || im.kind() == Kind::Unknown {
        return Value(V::Unknown);
    }
    Value(V::Complex(Arc::new((re, im))))
}

/// Go's `makeFloatFromLiteral`: `None` when the text is no float.
fn make_float_from_literal(lit: &[u8]) -> Option<Value> {
    let f = super::literal::parse_big_float(lit, PREC)?;
    if small_float(&f) {
        // Issue 20228: a float that underflowed to 0 is parsed as "0".
        let lit: &[u8] = if f.sign() == 0 { b"0" } else { lit };
        if let Some(r) = super::literal::parse_big_rat(lit) {
            return Some(Value(V::Rat(Arc::new(r))));
        }
    }
    Some(make_float(f))
}

/// An argument of [`make`] (the dynamic types Go's `Make` accepts).
#[derive(Clone, Debug)]
pub enum MakeArg {
    Bool(bool),
    String(Vec<u8>),
    Int64(i64),
    BigInt(BigInt),
    BigRat(BigRational),
    BigFloat(BigFloat),
}

/// The underlying value of a constant (Go's `Val`), borrowed.
#[derive(Clone, Debug, PartialEq)]
pub enum ValRef<'a> {
    Bool(bool),
    String(Arc<[u8]>),
    Int64(i64),
    BigInt(&'a BigInt),
    BigRat(&'a BigRational),
    BigFloat(&'a BigFloat),
    /// Unknown and Complex values (Go returns nil).
    None,
}

// ---- factories ----

/// Go's `MakeUnknown`.
pub fn make_unknown() -> Value {
    Value(V::Unknown)
}

/// Go's `MakeBool`.
pub fn make_bool(b: bool) -> Value {
    Value(V::Bool(b))
}

/// Go's `MakeString` (Go strings are bytes; any bytes are allowed).
pub fn make_string(s: impl AsRef<[u8]>) -> Value {
    Value(V::Str(Arc::new(StrVal::flat(Arc::from(s.as_ref())))))
}

/// Go's `MakeInt64`.
pub fn make_int64(x: i64) -> Value {
    Value(V::Int64(x))
}

/// Go's `MakeUint64`.
pub fn make_uint64(x: u64) -> Value {
    match i64::try_from(x) {
        Ok(v) => Value(V::Int64(v)),
        Err(_) => Value(V::Int(Arc::new(BigInt::from(x)))),
    }
}

/// Go's `MakeFloat64`: a Float (−0 becomes 0), Unknown for ±Inf and NaN.
pub fn make_float64(x: f64) -> Value {
    if !x.is_finite() {
        return Value(V::Unknown);
    }
    let x = x + 0.0;
    let (_, e) = super::gomath::frexp(x);
    if -(MAX_EXP as i64) < e
        && e < MAX_EXP as i64
        && let Some(r) = BigRational::from_float(x)
    {
        return Value(V::Rat(Arc::new(r)));
    }
    Value(V::Float(Arc::new(BigFloat::from_f64(x, PREC))))
}

/// Go's `MakeFromLiteral`: the value of a Go literal of the given kind
/// (`0x1p-2`, `1_000`, `'\u00e9'`, `` `raw` ``, `2.5i`, …); Unknown when
/// the text is malformed or the number does not fit (`1e+1000000000`).
/// Like Go, a leading sign is accepted on numbers.
pub fn make_from_literal(lit: impl AsRef<[u8]>, kind: goxide_syntax::token::LitKind) -> Value {
    use goxide_syntax::token::LitKind;
    let lit = lit.as_ref();
    let v = match kind {
        LitKind::Int => {
            if let Some(x) = super::literal::parse_int64(lit) {
                return Value(V::Int64(x));
            }
            super::literal::parse_big_int(lit).map(|x| Value(V::Int(Arc::new(x))))
        }
        LitKind::Float => make_float_from_literal(lit),
        LitKind::Imag => match lit.split_last() {
            Some((b'i', mant)) => make_float_from_literal(mant).map(|im| make_complex(Value(V::Int64(0)), im)),
            _ => None,
        },
        LitKind::Rune => {
            if lit.len() >= 2 {
                super::literal::unquote_char(&lit[1..lit.len() - 1], b'\'')
                    .map(|(code, _, _)| Value(V::Int64(i64::from(code))))
            } else {
                None
            }
        }
        LitKind::String => super::literal::unquote(lit).map(make_string),
    };
    v.unwrap_or(Value(V::Unknown))
}

/// Go's `MakeImag`: `x·i` for an Int or Float x (Unknown stays Unknown;
/// other kinds give Unknown where Go panics).
pub fn make_imag(x: &Value) -> Value {
    match &x.0 {
        V::Int64(_) | V::Int(_) | V::Rat(_) | V::Float(_) => make_complex(Value(V::Int64(0)), x.clone()),
        _ => Value(V::Unknown),
    }
}

/// Go's `MakeFromBytes`: the non-negative Int with these little-endian
/// bytes (empty is 0).
pub fn make_from_bytes(bytes: &[u8]) -> Value {
    make_int(BigInt::from_bytes_le(Sign::Plus, bytes))
}

/// Go's `Make`.
pub fn make(x: MakeArg) -> Value {
    match x {
        MakeArg::Bool(b) => make_bool(b),
        MakeArg::String(s) => make_string(s),
        MakeArg::Int64(v) => make_int64(v),
        MakeArg::BigInt(v) => make_int(v),
        MakeArg::BigRat(v) => make_rat(v),
        MakeArg::BigFloat(v) => make_float(v),
    }
}

// ---- text ----

impl fmt::Display for Value {
    /// Go's `String()`: short and possibly approximate (`%.6g` floats,
    /// strings cut at 72 runes).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            V::Unknown => f.write_str("unknown"),
            V::Bool(b) => write!(f, "{b}"),
            V::Str(s) => f.write_str(&format::short_quote(&s.bytes())),
            V::Int64(x) => write!(f, "{x}"),
            V::Int(x) => write!(f, "{x}"),
            V::Rat(r) => f.write_str(&format::float_val_string(&BigFloat::from_rat(r, PREC))),
            V::Float(x) => f.write_str(&format::float_val_string(x)),
            V::Complex(c) => write!(f, "({} + {}i)", c.0, c.1),
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", self.kind(), self.exact_string())
    }
}

impl Value {
    /// The kind of the value.
    pub fn kind(&self) -> Kind {
        match &self.0 {
            V::Unknown => Kind::Unknown,
            V::Bool(_) => Kind::Bool,
            V::Str(_) => Kind::String,
            V::Int64(_) | V::Int(_) => Kind::Int,
            V::Rat(_) | V::Float(_) => Kind::Float,
            V::Complex(_) => Kind::Complex,
        }
    }

    /// Go's `ExactString()`: exact and quoted — `1/3` for fractions,
    /// `0x.8p+1`-style binary floats, the full quoted string.
    pub fn exact_string(&self) -> String {
        match &self.0 {
            V::Str(s) => format::quote(&s.bytes()),
            V::Rat(r) => {
                if r.denom() == &BigInt::from(1) {
                    r.numer().to_string()
                } else {
                    format!("{}/{}", r.numer(), r.denom())
                }
            }
            V::Float(x) => x.text_p(),
            V::Complex(c) => format!("({} + {}i)", c.0.exact_string(), c.1.exact_string()),
            _ => self.to_string(),
        }
    }

    /// Go's `Val`.
    pub fn val(&self) -> ValRef<'_> {
        match &self.0 {
            V::Bool(b) => ValRef::Bool(*b),
            V::Str(s) => ValRef::String(s.bytes()),
            V::Int64(x) => ValRef::Int64(*x),
            V::Int(x) => ValRef::BigInt(x),
            V::Rat(x) => ValRef::BigRat(x),
            V::Float(x) => ValRef::BigFloat(x),
            V::Unknown | V::Complex(_) => ValRef::None,
        }
    }

    /// True for Unknown (a convenience; Go compares `Kind()`).
    pub fn is_unknown(&self) -> bool {
        matches!(self.0, V::Unknown)
    }
}
