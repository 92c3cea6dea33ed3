//! How a Go type is represented in the IR: [`Repr`], the machine-level
//! shape of a value (what codegen flattens it to, per the runtime
//! contract's "Flattening": a bool is one byte, an integer its width, a
//! string `(ptr, len)`, a slice `(ptr, len, cap)`, an interface
//! `(tab, data)`, a complex number `(re, im)`, a pointer — and a map, chan
//! or func value, which are pointers — one word).
//!
//! Structs and arrays are [`Repr::Memory`]: they are never IR values. A
//! variable of such a type is storage, an expression of such a type is
//! the address of storage holding it (see `build`), and a function takes
//! and returns them through pointers ([`lower_signature`]). gc keeps small
//! structs in SSA registers; goxide starts with memory, which Cranelift's
//! loads and stores handle well, and leaves scalar replacement to a pass.
//!
//! `repr_of` looks through named types and aliases to the underlying
//! type (gc's layout, `gcsizes.go`: `int`, `uint`, `uintptr` are 64-bit on
//! the 64-bit targets goxide builds for). Untyped constant types are given
//! their default types first ([`default_type`]), as gc's `defaultlit`
//! does. A type with no `Repr` (type parameters, tuples, untyped nil) is
//! outside what the builder takes; it reports it as unsupported.

use goxide_types::types::{table, BasicKind, Type, TypeId};

/// The representation of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    Bool,
    /// An integer of `bits` (8, 16, 32 or 64).
    Int { bits: u8, signed: bool },
    /// `float32` (32) or `float64` (64).
    Float { bits: u8 },
    /// `complex64` (64: two F32) or `complex128` (128: two F64).
    Complex { bits: u8 },
    /// `{ptr, len}`.
    String,
    /// `{ptr, len, cap}`.
    Slice,
    /// `{tab, data}`: `tab` is an `*abi.Type` when `empty` (`interface{}`
    /// and any interface without methods), an `*abi.ITab` otherwise.
    Interface { empty: bool },
    /// One machine word: pointers, `unsafe.Pointer`, maps, chans, funcs.
    Pointer,
    /// A struct or an array: lives in memory.
    Memory,
}

impl Repr {
    /// The number of machine scalars of a value (0 for memory).
    pub fn scalars(self) -> usize {
        match self {
            Repr::Bool | Repr::Int { .. } | Repr::Float { .. } | Repr::Pointer => 1,
            Repr::Complex { .. } | Repr::String | Repr::Interface { .. } => 2,
            Repr::Slice => 3,
            Repr::Memory => 0,
        }
    }
}

/// The basic kind under `t`, if its underlying type is basic.
pub fn basic_kind(t: TypeId) -> Option<BasicKind> {
    let tab = table();
    match tab.get(tab.underlying(t)) {
        Type::Basic(k) => Some(*k),
        _ => None,
    }
}

/// The representation of `t` (a typed type).
pub fn repr_of(t: TypeId) -> Option<Repr> {
    let tab = table();
    let u = tab.underlying(t);
    Some(match tab.get(u) {
        Type::Basic(k) => match k {
            BasicKind::Bool => Repr::Bool,
            BasicKind::Int | BasicKind::Int64 => Repr::Int { bits: 64, signed: true },
            BasicKind::Int8 => Repr::Int { bits: 8, signed: true },
            BasicKind::Int16 => Repr::Int { bits: 16, signed: true },
            BasicKind::Int32 => Repr::Int { bits: 32, signed: true },
            BasicKind::Uint | BasicKind::Uint64 | BasicKind::Uintptr => Repr::Int { bits: 64, signed: false },
            BasicKind::Uint8 => Repr::Int { bits: 8, signed: false },
            BasicKind::Uint16 => Repr::Int { bits: 16, signed: false },
            BasicKind::Uint32 => Repr::Int { bits: 32, signed: false },
            BasicKind::Float32 => Repr::Float { bits: 32 },
            BasicKind::Float64 => Repr::Float { bits: 64 },
            BasicKind::Complex64 => Repr::Complex { bits: 64 },
            BasicKind::Complex128 => Repr::Complex { bits: 128 },
            BasicKind::String => Repr::String,
            BasicKind::UnsafePointer => Repr::Pointer,
            _ => return None,
        },
        Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Signature { .. } => Repr::Pointer,
        Type::Slice(_) => Repr::Slice,
        Type::Struct(_) | Type::Array { .. } => Repr::Memory,
        Type::Interface { .. } => Repr::Interface { empty: interface_is_empty(u) },
        _ => return None,
    })
}

/// Whether the interface `t` has no methods (its values hold a type, not
/// an itab).
pub fn interface_is_empty(t: TypeId) -> bool {
    goxide_types::typeset::type_set(t).methods.is_empty()
}

/// Whether values of `t` live in memory (structs and arrays).
pub fn is_memory(t: TypeId) -> bool {
    repr_of(t) == Some(Repr::Memory)
}

/// The default type of an untyped type (gc's `defaultlit`), else `t`.
pub fn default_type(t: TypeId) -> TypeId {
    let tab = table();
    match tab.get(t) {
        Type::Basic(k) => match k {
            BasicKind::UntypedBool => tab.basic(BasicKind::Bool),
            BasicKind::UntypedInt => tab.basic(BasicKind::Int),
            BasicKind::UntypedRune => tab.basic(BasicKind::Int32),
            BasicKind::UntypedFloat => tab.basic(BasicKind::Float64),
            BasicKind::UntypedComplex => tab.basic(BasicKind::Complex128),
            BasicKind::UntypedString => tab.basic(BasicKind::String),
            _ => t,
        },
        _ => t,
    }
}

/// The pointer type `*t`.
pub fn pointer_to(t: TypeId) -> TypeId {
    table().intern(Type::Pointer(t))
}

/// The predeclared type of kind `k`.
pub fn basic(k: BasicKind) -> TypeId {
    table().basic(k)
}

/// `unsafe.Pointer`: the IR's untyped machine address.
pub fn raw_pointer() -> TypeId {
    basic(BasicKind::UnsafePointer)
}

/// The machine-level signature of a Go function with parameter types
/// `params` and result types `results` (the function's own parameters,
/// a method's receiver first): the closure context (`unsafe.Pointer`:
/// the func value a call went through, null for a direct call), then one
/// out-pointer per memory result, in order, then the parameters, memory
/// ones as pointers to a copy the callee owns; the results are the
/// non-memory results. Invariant: every IR function and every call site
/// agree through this one function.
pub fn lower_signature(params: &[TypeId], results: &[TypeId]) -> (Vec<TypeId>, Vec<TypeId>) {
    let mut lp = vec![raw_pointer()];
    let mut lr = Vec::new();
    for &r in results {
        if is_memory(r) {
            lp.push(pointer_to(r));
        } else {
            lr.push(r);
        }
    }
    for &p in params {
        lp.push(if is_memory(p) { pointer_to(p) } else { p });
    }
    (lp, lr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_follow_gc_layout() {
        assert_eq!(repr_of(basic(BasicKind::Int)), Some(Repr::Int { bits: 64, signed: true }));
        assert_eq!(repr_of(basic(BasicKind::Uint8)), Some(Repr::Int { bits: 8, signed: false }));
        assert_eq!(repr_of(basic(BasicKind::Uintptr)), Some(Repr::Int { bits: 64, signed: false }));
        assert_eq!(repr_of(basic(BasicKind::String)), Some(Repr::String));
        assert_eq!(repr_of(pointer_to(basic(BasicKind::Int))), Some(Repr::Pointer));
        assert_eq!(repr_of(basic(BasicKind::Float64)), Some(Repr::Float { bits: 64 }));
        assert_eq!(repr_of(table().intern(Type::Slice(basic(BasicKind::Int)))), Some(Repr::Slice));
        let arr = table().intern(Type::Array { len: 3, elem: basic(BasicKind::Int) });
        assert_eq!(repr_of(arr), Some(Repr::Memory));
        assert_eq!(Repr::Slice.scalars(), 3);
    }

    #[test]
    fn memory_values_travel_by_pointer() {
        let int = basic(BasicKind::Int);
        let arr = table().intern(Type::Array { len: 3, elem: int });
        let (p, r) = lower_signature(&[int, arr], &[arr, int]);
        assert_eq!(p, vec![raw_pointer(), pointer_to(arr), int, pointer_to(arr)]);
        assert_eq!(r, vec![int]);
    }

    #[test]
    fn untyped_types_default_as_gc() {
        assert_eq!(default_type(basic(BasicKind::UntypedInt)), basic(BasicKind::Int));
        assert_eq!(default_type(basic(BasicKind::UntypedRune)), basic(BasicKind::Int32));
        assert_eq!(default_type(basic(BasicKind::UntypedBool)), basic(BasicKind::Bool));
        assert_eq!(default_type(basic(BasicKind::Int8)), basic(BasicKind::Int8));
    }
}
