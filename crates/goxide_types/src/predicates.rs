//! Predicates on types (types2's `predicates.go` and `under.go`):
//! properties of basic types, the "all types in the type set" variants
//! for type parameters, nil-ness, comparability, and the common
//! underlying type of a type set.
//!
//! A type parameter's type set comes from its constraint through
//! [`crate::typeset`]; `under_is`/`type_set_terms` walk it as types2's
//! `typeset` iterator does: once per specific type, or once with `None`
//! when the set has no specific types.

use crate::types::{info, table, BasicKind, ChanDir, Type, TypeId};
use crate::typestring::Qualifier;

fn basic_info(t: TypeId) -> u8 {
    match table().get(table().underlying(t)) {
        Type::Basic(k) => k.info(),
        _ => 0,
    }
}

fn is_basic(t: TypeId, mask: u8) -> bool {
    basic_info(t) & mask != 0
}

pub fn is_boolean(t: TypeId) -> bool {
    is_basic(t, info::BOOLEAN)
}
pub fn is_integer(t: TypeId) -> bool {
    is_basic(t, info::INTEGER)
}
pub fn is_unsigned(t: TypeId) -> bool {
    is_basic(t, info::UNSIGNED)
}
pub fn is_float(t: TypeId) -> bool {
    is_basic(t, info::FLOAT)
}
pub fn is_complex(t: TypeId) -> bool {
    is_basic(t, info::COMPLEX)
}
pub fn is_numeric(t: TypeId) -> bool {
    is_basic(t, info::NUMERIC)
}
pub fn is_string(t: TypeId) -> bool {
    is_basic(t, info::STRING)
}
pub fn is_integer_or_float(t: TypeId) -> bool {
    is_basic(t, info::INTEGER | info::FLOAT)
}
pub fn is_const_type(t: TypeId) -> bool {
    is_basic(t, info::CONST_TYPE)
}

/// Whether every type in `t`'s type set (just `t` unless it is a type
/// parameter) has one of the `mask` properties (types2's `allBasic`).
fn all_basic(t: TypeId, mask: u8) -> bool {
    if is_type_param(t) {
        return type_param_is(t, &mut |u| u.is_some_and(|u| is_basic(u, mask)));
    }
    is_basic(t, mask)
}

pub fn all_boolean(t: TypeId) -> bool {
    all_basic(t, info::BOOLEAN)
}
pub fn all_integer(t: TypeId) -> bool {
    all_basic(t, info::INTEGER)
}
pub fn all_unsigned(t: TypeId) -> bool {
    all_basic(t, info::UNSIGNED)
}
pub fn all_numeric(t: TypeId) -> bool {
    all_basic(t, info::NUMERIC)
}
pub fn all_string(t: TypeId) -> bool {
    all_basic(t, info::STRING)
}
pub fn all_ordered(t: TypeId) -> bool {
    all_basic(t, info::ORDERED)
}
pub fn all_numeric_or_string(t: TypeId) -> bool {
    all_basic(t, info::NUMERIC | info::STRING)
}

/// Whether `t` is a basic, named or type-parameter type (types2's `hasName`).
pub fn has_name(t: TypeId) -> bool {
    matches!(table().get(table().unalias(t)), Type::Basic(_) | Type::Named(_) | Type::TypeParam(_))
}

pub fn is_typed(t: TypeId) -> bool {
    match table().get(t) {
        Type::Basic(k) => k.info() & info::UNTYPED == 0,
        _ => true,
    }
}
pub fn is_untyped(t: TypeId) -> bool {
    !is_typed(t)
}
pub fn is_untyped_numeric(t: TypeId) -> bool {
    match table().get(t) {
        Type::Basic(k) => k.info() & info::UNTYPED != 0 && k.info() & info::NUMERIC != 0,
        _ => false,
    }
}
pub fn is_interface(t: TypeId) -> bool {
    matches!(table().get(table().underlying(t)), Type::Interface { .. })
}
pub fn is_type_param(t: TypeId) -> bool {
    matches!(table().get(table().unalias(t)), Type::TypeParam(_))
}
pub fn is_non_type_param_interface(t: TypeId) -> bool {
    !is_type_param(t) && is_interface(t)
}
pub fn is_pointer(t: TypeId) -> bool {
    matches!(table().get(table().underlying(t)), Type::Pointer(_))
}
pub fn is_uintptr(t: TypeId) -> bool {
    matches!(table().get(table().underlying(t)), Type::Basic(BasicKind::Uintptr))
}
pub fn is_unsafe_pointer(t: TypeId) -> bool {
    matches!(table().get(table().underlying(t)), Type::Basic(BasicKind::UnsafePointer))
}
/// `[]byte` or `[]rune` (by underlying types).
pub fn is_bytes_or_runes(t: TypeId) -> bool {
    let tt = table();
    if let Type::Slice(e) = tt.get(tt.underlying(t)) {
        return matches!(tt.get(tt.underlying(*e)), Type::Basic(BasicKind::Uint8 | BasicKind::Int32));
    }
    false
}

/// A generic named type or alias not instantiated (types2's `isGeneric`).
pub fn is_generic(t: TypeId) -> bool {
    let tt = table();
    if let Some(a) = tt.alias(t) {
        return a.tparams.get().is_some_and(|p| !p.is_empty()) && a.targs.is_empty();
    }
    tt.named(t).is_some_and(|n| n.origin.is_none() && n.tparams.get().is_some_and(|p| !p.is_empty()))
}

/// A signature with type parameters (a generic function's type).
pub fn is_generic_signature(t: TypeId) -> bool {
    matches!(table().get(t), Type::GenericFunc { .. })
}

/// types2's `Default`: the default type of an untyped type.
pub fn default_type(t: TypeId) -> TypeId {
    let tt = table();
    match tt.get(t) {
        Type::Basic(k) => match k {
            BasicKind::UntypedBool => tt.basic(BasicKind::Bool),
            BasicKind::UntypedInt => tt.basic(BasicKind::Int),
            BasicKind::UntypedRune => tt.basic(BasicKind::Int32),
            BasicKind::UntypedFloat => tt.basic(BasicKind::Float64),
            BasicKind::UntypedComplex => tt.basic(BasicKind::Complex128),
            BasicKind::UntypedString => tt.basic(BasicKind::String),
            _ => t,
        },
        _ => t,
    }
}

/// types2's `hasNil`.
pub fn has_nil(t: TypeId) -> bool {
    let tt = table();
    match tt.get(tt.underlying(t)) {
        Type::Basic(k) => *k == BasicKind::UnsafePointer,
        Type::Slice(_) | Type::Pointer(_) | Type::Signature { .. } | Type::Map { .. } | Type::Chan { .. } => true,
        Type::Interface { .. } => !is_type_param(t) || type_param_is(t, &mut |u| u.is_some_and(has_nil)),
        _ => false,
    }
}

/// The kind word types2 uses for a type's structure (`compositeKind`).
pub fn composite_kind(t: TypeId) -> &'static str {
    let tt = table();
    match tt.get(tt.underlying(t)) {
        Type::Array { .. } => "array",
        Type::Slice(_) => "slice",
        Type::Struct(_) => "struct",
        Type::Pointer(_) => "pointer",
        Type::Signature { .. } => "func",
        Type::Interface { .. } => "interface",
        Type::Map { .. } => "map",
        Type::Chan { .. } => "chan",
        Type::Tuple(_) => "tuple",
        Type::Union(_) => "union",
        _ => "",
    }
}

/// Whether values of `t` can be compared with `==` (types2's
/// `Comparable`, dynamic: interfaces are comparable).
pub fn comparable_type(t: TypeId) -> bool {
    comparable_why(t, true, &mut Vec::new(), &|_| String::new()).is_none()
}

/// Why `t` is not comparable, in types2's words (`comparableType`'s
/// error), or the empty string.
pub fn comparable_cause(t: TypeId, qf: Qualifier<'_>) -> String {
    comparable_why(t, true, &mut Vec::new(), qf).unwrap_or_default()
}

fn comparable_why(t: TypeId, dynamic: bool, seen: &mut Vec<TypeId>, qf: Qualifier<'_>) -> Option<String> {
    if seen.contains(&t) {
        return None;
    }
    seen.push(t);
    let tt = table();
    match tt.get(tt.underlying(t)) {
        Type::Basic(k) => (*k == BasicKind::UntypedNil).then(String::new),
        Type::Pointer(_) | Type::Chan { .. } => None,
        Type::Struct(fields) => {
            for f in fields.iter() {
                if comparable_why(f.var.typ, dynamic, seen, qf).is_some() {
                    return Some(format!("struct containing {} cannot be compared", crate::typestring::type_string(f.var.typ, qf)));
                }
            }
            None
        }
        Type::Array { elem, .. } => comparable_why(*elem, dynamic, seen, qf)
            .map(|_| format!("{} cannot be compared", crate::typestring::type_string(t, qf))),
        Type::Interface { .. } => {
            if dynamic && !is_type_param(t) {
                return None;
            }
            let ts = crate::typeset::type_set(tt.underlying(t));
            let ok = ts.comparable
                || ts.terms.as_ref().is_some_and(|terms| terms.iter().all(|&(_, x)| comparable_why(x, false, seen, qf).is_none()));
            if ok {
                return None;
            }
            if ts.terms.as_ref().is_some_and(|t| t.is_empty()) {
                return Some("empty type set".into());
            }
            Some("incomparable types in type set".into())
        }
        _ => Some(String::new()),
    }
}

/// Calls `f` for each specific type's underlying type in `t`'s type set
/// (once with `None` if there are none), as types2's `underIs`; for a
/// type that is not a type parameter, once with its underlying type.
pub fn under_is(t: TypeId, f: &mut dyn FnMut(Option<TypeId>) -> bool) -> bool {
    if is_type_param(t) {
        return type_param_is(t, f);
    }
    f(Some(table().underlying(t)))
}

/// types2's `TypeParam.is` over underlying types of the type set's terms.
fn type_param_is(t: TypeId, f: &mut dyn FnMut(Option<TypeId>) -> bool) -> bool {
    let tt = table();
    let Some(p) = tt.type_param(tt.unalias(t)) else { return f(Some(tt.underlying(t))) };
    let Some(&c) = p.constraint.get() else { return f(None) };
    let terms = crate::typeset::type_set(tt.underlying(c)).specific_types();
    match terms {
        None => f(None),
        Some(list) => list.iter().all(|&u| f(Some(tt.underlying(u)))),
    }
}

/// The common underlying type of `t`'s type set (types2's `commonUnder`
/// without a condition), the underlying type for other types.
pub fn core_type(t: TypeId) -> Option<TypeId> {
    let tt = table();
    if !is_type_param(t) {
        return Some(tt.underlying(t));
    }
    let mut cu: Option<TypeId> = None;
    let mut ok = true;
    type_param_is(t, &mut |u| {
        let Some(u) = u else {
            ok = false;
            return false;
        };
        match cu {
            None => cu = Some(u),
            Some(c) => {
                if let (Type::Chan { dir: d1, elem: e1 }, Type::Chan { dir: d2, elem: e2 }) = (tt.get(c), tt.get(u)) {
                    if !tt.identical(*e1, *e2) {
                        ok = false;
                        return false;
                    }
                    match (d1, d2) {
                        (a, b) if a == b => {}
                        (ChanDir::SendRecv, _) => cu = Some(u),
                        (_, ChanDir::SendRecv) => {}
                        _ => {
                            ok = false;
                            return false;
                        }
                    }
                } else if !tt.identical(c, u) {
                    ok = false;
                    return false;
                }
            }
        }
        true
    });
    if ok {
        cu
    } else {
        None
    }
}
