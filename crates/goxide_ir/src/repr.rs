//! How a Go type is represented in this slice of the IR: [`Repr`], the
//! machine-level shape of a value (what codegen flattens it to, per the
//! runtime contract's "Flattening": a bool is one byte, an integer its
//! width, a string `(ptr, len)`, a pointer one word).
//!
//! `repr_of` looks through named types and aliases to the underlying basic
//! type (gc's layout, `gcsizes.go`: `int`, `uint`, `uintptr` are 64-bit on
//! the 64-bit targets goxide builds for). A type with no `Repr` here is
//! outside the slice the builder accepts; it reports it as unsupported.
//! Untyped constant types are given their default types first
//! ([`default_type`]), as gc's `defaultlit` does.

use goxide_types::types::{table, BasicKind, Type, TypeId};

/// The representation of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    Bool,
    /// An integer of `bits` (8, 16, 32 or 64).
    Int { bits: u8, signed: bool },
    /// `{ptr, len}`.
    String,
    /// A machine word address.
    Pointer,
}

/// The basic kind under `t`, if its underlying type is basic.
pub fn basic_kind(t: TypeId) -> Option<BasicKind> {
    let tab = table();
    match tab.get(tab.underlying(t)) {
        Type::Basic(k) => Some(*k),
        _ => None,
    }
}

/// The representation of `t` (a typed type), if this slice supports it.
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
            BasicKind::String => Repr::String,
            BasicKind::UnsafePointer => Repr::Pointer,
            _ => return None,
        },
        Type::Pointer(_) => Repr::Pointer,
        _ => return None,
    })
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
        assert_eq!(repr_of(basic(BasicKind::Float64)), None);
        assert_eq!(repr_of(table().intern(Type::Slice(basic(BasicKind::Int)))), None);
    }

    #[test]
    fn untyped_types_default_as_gc() {
        assert_eq!(default_type(basic(BasicKind::UntypedInt)), basic(BasicKind::Int));
        assert_eq!(default_type(basic(BasicKind::UntypedRune)), basic(BasicKind::Int32));
        assert_eq!(default_type(basic(BasicKind::UntypedBool)), basic(BasicKind::Bool));
        assert_eq!(default_type(basic(BasicKind::Int8)), basic(BasicKind::Int8));
    }
}
