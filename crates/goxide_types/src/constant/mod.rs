//! Exact constant values and their arithmetic: a port of Go's
//! `go/constant` (Go 1.27.3 `src/go/constant/value.go`, `kind_string.go`)
//! together with the pieces of `math/big`, `strconv` and `math` whose
//! exact behaviour it inherits. gc's type checker (types2) folds every
//! constant expression through go/constant and prints its values in
//! diagnostics, so results here must be gc's bit for bit, and texts
//! (`1e+1000`, `"abc..."`, `(1 + 2i)`) character for character.
//!
//! # API
//!
//! - [`Value`]: a constant (cheap to clone). [`Value::kind`] is a
//!   [`Kind`]; `Display` is Go's `String()` (short, for messages),
//!   [`Value::exact_string`] is `ExactString()`.
//! - Factories: [`make_unknown`], [`make_bool`], [`make_string`],
//!   [`make_int64`], [`make_uint64`], [`make_float64`], [`make_imag`],
//!   [`make_from_literal`] (any Go literal text and its
//!   `goxide_syntax::token::LitKind`; Unknown when malformed or out of
//!   range), [`make_from_bytes`], [`make`] (Go's `Make`).
//! - Accessors (methods): `bool_val`, `string_val`, `string_len`,
//!   `int64_val`/`uint64_val`/`float32_val`/`float64_val` (value and
//!   exactness), `bit_len`, `sign`, `bytes`, `num`, `denom`, `real`,
//!   `imag`, `val` (Go's `Val`).
//! - Conversions (methods): `to_int`, `to_float`, `to_complex`.
//! - Operations: [`binary_op`] with [`BinOp`] (`Quo` is exact division,
//!   `QuoInt` integer division), [`unary_op`] with [`UnaryOp`] and the
//!   `^` precision, [`shift`] with [`ShiftOp`], [`compare`] with
//!   [`CmpOp`]. Each has a `try_` twin returning [`OpError`] where Go
//!   panics (division by zero, unsupported operands); the plain ones give
//!   Unknown (false for `compare`) there. The `from_operator` functions
//!   map `goxide_syntax::token::Operator`s. Division by zero, overflow
//!   limits and shift-count limits are the caller's checks, as in types2
//!   (`SHIFT_BOUND` is its shift-count limit, `PREC` the 512-bit limit of
//!   untyped integers): see the `ops` module docs for exactly which.
//! - Strings are bytes (Go strings need not be UTF-8); `+` on strings is
//!   O(1) and `string_len` never flattens, as go/constant's lazy
//!   concatenation.
//!
//! # Layout
//!
//! - `value`: representation, switching rules, factories, texts;
//! - `ops`: BinaryOp, UnaryOp, Shift, Compare;
//! - `convert`: accessors, ToInt/ToFloat/ToComplex, `Rat.Float64`;
//! - `literal`: literal parsing (strconv/math/big parsers);
//! - `format`: `strconv.Quote`, `%g`, `floatVal.String()`;
//! - `bigfloat`: math/big's `Float` subset; `gomath`: math.Pow & co.;
//! - `isprint_tables`: `strconv.IsPrint` data.
//!
//! # Invariants
//!
//! No function panics on any input (no `unwrap` on a fallible path;
//! arithmetic on exponents is checked or saturating). Values are
//! immutable. Representation switches follow Go's rules exactly (see
//! `value`), because they change results.

mod bigfloat;
mod convert;
mod format;
mod gomath;
mod isprint_tables;
mod literal;
mod ops;
mod value;
#[cfg(test)]
mod value_tests;

pub use bigfloat::{Accuracy, BigFloat, RoundingMode};
pub use format::{is_print, quote};
pub use ops::{
    BinOp, CmpOp, OpError, SHIFT_BOUND, ShiftOp, UnaryOp, binary_op, compare, shift, try_binary_op, try_compare,
    try_shift, try_unary_op, unary_op,
};
pub use value::{
    Kind, MAX_EXP, MakeArg, PREC, ValRef, Value, make, make_bool, make_float64, make_from_bytes, make_from_literal,
    make_imag, make_int64, make_string, make_uint64, make_unknown,
};

/// Re-exported big-number types used in [`MakeArg`] and [`ValRef`].
pub use num_bigint::BigInt;
pub use num_rational::BigRational;
