//! Predicates on types (types2's `predicates.go`, with `under.go`'s
//! `underIs` and `builtins.go`'s `hasVarSize`): properties of basic types,
//! the "all types in the type set" variants for type parameters,
//! nil-ness, comparability with types2's causes, and type identity.
//!
//! `isX` predicates look at the underlying type only and never inside a
//! type parameter; `allX` predicates hold for a type parameter when they
//! hold for every specific type of its type set (and fail when there is
//! none). A type parameter's type set comes from its constraint through
//! [`crate::typeset`].
//!
//! Identity ([`identical`]) is types2's `comparer.identical`: interfaces
//! are identical when their type sets are (same comparable bit, equal
//! term lists, the same method identities with identical signatures; a
//! stack of interface pairs under comparison cuts cycles through method
//! signatures), unions when their term lists are, generic signatures
//! when their type parameters correspond position-wise (the second
//! signature's parameters are renamed to the first's instead of being
//! substituted), named types when they share an origin and have
//! identical type arguments, and arrays of unknown (negative) length
//! match any length. It refines [`crate::types::TypeTable::identical`],
//! which compares interfaces as written.
//!
//! Invariant: no predicate loops on recursive types (named types stop
//! structural recursion; comparability and identity keep seen sets).

use crate::typestring::{type_string, Qualifier};
use crate::types::{info, table, BasicKind, Type, TypeId, Var};
use crate::typeset::type_set;

fn basic_info(t: TypeId) -> u8 {
    match table().get(table().underlying(t)) {
        Type::Basic(k) => k.info(),
        _ => 0,
    }
}

/// types2's `isBasic`: the underlying type is basic with one of `mask`'s
/// properties (false for a type parameter).
fn is_basic(t: TypeId, mask: u8) -> bool {
    basic_info(t) & mask != 0
}

/// Whether `t` is a valid type (not the invalid type).
pub fn is_valid(t: TypeId) -> bool {
    table().unalias(t) != table().invalid()
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
/// Whether `t`'s underlying type is an ordered basic type.
pub fn is_ordered(t: TypeId) -> bool {
    is_basic(t, info::ORDERED)
}

/// Whether every type in `t`'s type set (just `t` unless it is a type
/// parameter) has one of the `mask` properties (types2's `allBasic`).
fn all_basic(t: TypeId, mask: u8) -> bool {
    if is_type_param(t) {
        return type_set(table().unalias(t)).is(&mut |term| term.is_some_and(|(_, typ)| is_basic(typ, mask)));
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

/// Whether `t` is a type literal, basic types included (types2's `isTypeLit`).
pub fn is_type_lit(t: TypeId) -> bool {
    !matches!(table().get(table().unalias(t)), Type::Named(_) | Type::TypeParam(_))
}

/// Whether `t` is typed (not an untyped constant kind). Aliases and named
/// types never denote untyped types.
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

/// Whether `t` is a pointer (by underlying type) to an interface, type
/// parameters included (types2's `isInterfacePtr`).
pub fn is_interface_ptr(t: TypeId) -> bool {
    let tt = table();
    matches!(tt.get(tt.underlying(t)), Type::Pointer(b) if is_interface(*b))
}

/// Whether `t` is a type parameter whose type set is empty (types2's
/// `hasEmptyTypeset`).
pub fn has_empty_type_set(t: TypeId) -> bool {
    let tt = table();
    let t = tt.unalias(t);
    match tt.type_param(t) {
        Some(p) => p.constraint.get().is_some() && type_set(t).is_empty(),
        None => false,
    }
}

/// A generic named type or alias not instantiated (types2's `isGeneric`).
pub fn is_generic(t: TypeId) -> bool {
    let tt = table();
    if let Some(a) = tt.alias(t) {
        return a.tparams.get().is_some_and(|p| !p.is_empty()) && a.targs.is_empty();
    }
    let t = tt.unalias(t);
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
            // `rune`, as types2's `universeRune`: messages say rune.
            BasicKind::UntypedRune => crate::universe::rune(),
            BasicKind::UntypedFloat => tt.basic(BasicKind::Float64),
            BasicKind::UntypedComplex => tt.basic(BasicKind::Complex128),
            BasicKind::UntypedString => tt.basic(BasicKind::String),
            _ => t,
        },
        _ => t,
    }
}

/// types2's `maxType`: of two untyped numeric types the later in the
/// order integer, rune, float, complex; `x` if they are equal; `None`
/// otherwise.
pub fn max_type(x: TypeId, y: TypeId) -> Option<TypeId> {
    if x == y {
        return Some(x);
    }
    if is_untyped_numeric(x) && is_untyped_numeric(y) {
        let (Type::Basic(kx), Type::Basic(ky)) = (table().get(x), table().get(y)) else { return None };
        return Some(if kx > ky { x } else { y });
    }
    None
}

/// types2's `hasNil`.
pub fn has_nil(t: TypeId) -> bool {
    let tt = table();
    match tt.get(tt.underlying(t)) {
        Type::Basic(k) => *k == BasicKind::UnsafePointer,
        Type::Slice(_) | Type::Pointer(_) | Type::Signature { .. } | Type::Map { .. } | Type::Chan { .. } => true,
        Type::Interface { .. } => !is_type_param(t) || under_is(t, &mut |u| u.is_some_and(has_nil)),
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
        Type::Signature { .. } | Type::GenericFunc { .. } => "func",
        Type::Interface { .. } => "interface",
        Type::Map { .. } => "map",
        Type::Chan { .. } => "chan",
        Type::Tuple(_) => "tuple",
        Type::Union(_) => "union",
        _ => "",
    }
}

/// Why a type is not comparable (types2's `comparableType` errors).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NotComparable {
    /// No further explanation (slices, maps, functions, untyped nil).
    Plain,
    /// "struct containing F cannot be compared" (F: the field's type).
    StructContaining(TypeId),
    /// "A cannot be compared" (A: the array type).
    Array(TypeId),
    /// "empty type set"
    EmptyTypeSet,
    /// "incomparable types in type set"
    IncomparableTypes,
}

impl NotComparable {
    /// types2's text (empty for [`NotComparable::Plain`]).
    pub fn message(&self, qf: Qualifier<'_>) -> String {
        match *self {
            NotComparable::Plain => String::new(),
            NotComparable::StructContaining(f) => format!("struct containing {} cannot be compared", type_string(f, qf)),
            NotComparable::Array(a) => format!("{} cannot be compared", type_string(a, qf)),
            NotComparable::EmptyTypeSet => "empty type set".into(),
            NotComparable::IncomparableTypes => "incomparable types in type set".into(),
        }
    }
}

/// Whether values of `t` are comparable (types2's `comparableType`). With
/// `dynamic`, interfaces that are not type parameters are comparable (the
/// spec's `==`); without, only strictly comparable types are.
pub fn comparable(t: TypeId, dynamic: bool) -> Result<(), NotComparable> {
    comparable_seen(t, dynamic, &mut Vec::new())
}

fn comparable_seen(t: TypeId, dynamic: bool, seen: &mut Vec<TypeId>) -> Result<(), NotComparable> {
    if seen.contains(&t) {
        return Ok(());
    }
    seen.push(t);
    let tt = table();
    // A type parameter is comparable as its constraint's type set says
    // (types2: its underlying type is that interface).
    if is_type_param(t) {
        return type_set_comparable(t, seen);
    }
    match tt.get(tt.underlying(t)) {
        // Invalid types count as comparable (no follow-on errors).
        Type::Basic(k) => {
            if *k == BasicKind::UntypedNil {
                return Err(NotComparable::Plain);
            }
        }
        Type::Pointer(_) | Type::Chan { .. } => {}
        Type::Struct(fields) => {
            for f in fields.iter() {
                if comparable_seen(f.var.typ, dynamic, seen).is_err() {
                    return Err(NotComparable::StructContaining(f.var.typ));
                }
            }
        }
        Type::Array { elem, .. } => {
            if comparable_seen(*elem, dynamic, seen).is_err() {
                return Err(NotComparable::Array(t));
            }
        }
        Type::Interface { .. } => {
            if dynamic {
                return Ok(());
            }
            return type_set_comparable(t, seen);
        }
        _ => return Err(NotComparable::Plain),
    }
    Ok(())
}

/// Whether the type set of interface or type parameter `t` is strictly
/// comparable (types2's `typeSet().IsComparable`), else why not.
fn type_set_comparable(t: TypeId, seen: &mut Vec<TypeId>) -> Result<(), NotComparable> {
    let ts = type_set(t);
    let ok = if ts.terms.is_all() {
        ts.comparable
    } else {
        ts.is(&mut |term| term.is_some_and(|(_, typ)| comparable_seen(typ, false, seen).is_ok()))
    };
    if ok {
        return Ok(());
    }
    Err(if ts.is_empty() { NotComparable::EmptyTypeSet } else { NotComparable::IncomparableTypes })
}

/// Whether values of `t` can be compared with `==` (types2's
/// `Comparable`, dynamic: interfaces are comparable).
pub fn comparable_type(t: TypeId) -> bool {
    comparable(t, true).is_ok()
}

/// Why `t` is not comparable with `==`, in types2's words, or the empty
/// string.
pub fn comparable_cause(t: TypeId, qf: Qualifier<'_>) -> String {
    match comparable(t, true) {
        Ok(()) => String::new(),
        Err(why) => why.message(qf),
    }
}

/// Calls `f` for the underlying type of each specific type in `t`'s type
/// set (once with `None` if there are none) as types2's `underIs`; for a
/// type that is not a type parameter, once with its underlying type.
pub fn under_is(t: TypeId, f: &mut dyn FnMut(Option<TypeId>) -> bool) -> bool {
    crate::typeset::all_types(t, &mut |pair| f(pair.map(|(_, u)| u)))
}

/// The common underlying type of `t`'s type set (types2's `CoreType`);
/// the underlying type for a type that is not a type parameter.
pub fn core_type(t: TypeId) -> Option<TypeId> {
    crate::typeset::core_type(t)
}

/// Whether the size of `t` depends on type parameters (types2's
/// `hasVarSize`, without its cycle reporting: a named type met again
/// counts as fixed-size).
pub fn has_var_size(t: TypeId) -> bool {
    fn walk(t: TypeId, seen: &mut Vec<TypeId>) -> bool {
        let tt = table();
        let t = tt.unalias(t);
        match tt.get(t) {
            Type::Named(_) => {
                if seen.contains(&t) {
                    return false;
                }
                seen.push(t);
                let u = tt.underlying(t);
                walk(u, seen)
            }
            Type::Array { elem, .. } => walk(*elem, seen),
            Type::Struct(fields) => fields.iter().any(|f| walk(f.var.typ, seen)),
            Type::TypeParam(_) => true,
            _ => false,
        }
    }
    walk(t, &mut Vec::new())
}

/// Whether `x` and `y` are identical types (types2's `Identical`).
pub fn identical(x: TypeId, y: TypeId) -> bool {
    Comparer::default().identical(x, y)
}

/// Identity ignoring struct tags (types2's `IdenticalIgnoreTags`).
pub fn identical_ignore_tags(x: TypeId, y: TypeId) -> bool {
    Comparer { ignore_tags: true, ..Comparer::default() }.identical(x, y)
}

/// Identity where an invalid type matches any type (types2's comparer
/// with `ignoreInvalids`, used when comparing signatures in messages).
pub fn identical_ignore_invalids(x: TypeId, y: TypeId) -> bool {
    Comparer { ignore_invalids: true, ..Comparer::default() }.identical(x, y)
}

/// types2's `comparer`, with the renaming of generic signatures' type
/// parameters and the stack of interface pairs being compared.
#[derive(Default)]
struct Comparer {
    ignore_tags: bool,
    ignore_invalids: bool,
    /// (type parameter of y, corresponding one of x), innermost last.
    renaming: Vec<(TypeId, TypeId)>,
    /// Interface pairs under comparison.
    ifaces: Vec<(TypeId, TypeId)>,
}

impl Comparer {
    fn identical(&mut self, x: TypeId, y: TypeId) -> bool {
        let tt = table();
        let (x, y) = (tt.unalias(x), tt.unalias(y));
        if x == y {
            return true;
        }
        if self.ignore_invalids && (x == tt.invalid() || y == tt.invalid()) {
            return true;
        }
        match (tt.get(x), tt.get(y)) {
            (Type::Basic(a), Type::Basic(b)) => a == b,
            (Type::Array { len: la, elem: a }, Type::Array { len: lb, elem: b }) => {
                (*la < 0 || *lb < 0 || la == lb) && self.identical(*a, *b)
            }
            (Type::Slice(a), Type::Slice(b)) | (Type::Pointer(a), Type::Pointer(b)) => self.identical(*a, *b),
            (Type::Struct(a), Type::Struct(b)) => {
                a.len() == b.len()
                    && a.iter().zip(b.iter()).all(|(f, g)| {
                        f.embedded == g.embedded
                            && (self.ignore_tags || tag_text(f.tag) == tag_text(g.tag))
                            && same_field_id(&f.var, &g.var)
                            && self.identical(f.var.typ, g.var.typ)
                    })
            }
            (Type::Tuple(a), Type::Tuple(b)) => self.vars(a, b),
            (
                Type::Signature { params: pa, results: ra, variadic: va },
                Type::Signature { params: pb, results: rb, variadic: vb },
            ) => va == vb && self.vars(pa, pb) && self.vars(ra, rb),
            (Type::GenericFunc { tparams: pa, sig: sa }, Type::GenericFunc { tparams: pb, sig: sb }) => {
                if pa.len() != pb.len() {
                    return false;
                }
                let mark = self.renaming.len();
                self.renaming.extend(pb.iter().copied().zip(pa.iter().copied()));
                let constraint = |p: TypeId| tt.type_param(p).and_then(|d| d.constraint.get().copied());
                let ok = pa.iter().zip(pb.iter()).all(|(&a, &b)| match (constraint(a), constraint(b)) {
                    (Some(ca), Some(cb)) => self.identical(ca, cb),
                    (None, None) => true,
                    _ => false,
                }) && self.identical(*sa, *sb);
                self.renaming.truncate(mark);
                ok
            }
            (Type::Union(_), Type::Union(_)) => {
                crate::typeset::union_terms(x).equal(&crate::typeset::union_terms(y))
            }
            (Type::Interface { .. }, Type::Interface { .. }) => {
                let (xs, ys) = (type_set(x), type_set(y));
                if xs.comparable != ys.comparable || !xs.terms.equal(&ys.terms) || xs.methods.len() != ys.methods.len() {
                    return false;
                }
                if self.ifaces.iter().any(|&(a, b)| (a, b) == (x, y) || (a, b) == (y, x)) {
                    return true;
                }
                self.ifaces.push((x, y));
                let ok = xs.methods.iter().zip(ys.methods.iter()).all(|(f, g)| {
                    crate::typeset::same_id(f.name, f.pkg, g.pkg, g.name, false) && self.identical(f.sig, g.sig)
                });
                self.ifaces.pop();
                ok
            }
            (Type::Map { key: ka, elem: a }, Type::Map { key: kb, elem: b }) => {
                self.identical(*ka, *kb) && self.identical(*a, *b)
            }
            (Type::Chan { dir: da, elem: a }, Type::Chan { dir: db, elem: b }) => da == db && self.identical(*a, *b),
            (Type::Named(_), Type::Named(_)) => {
                let (nx, ny) = (tt.named(x), tt.named(y));
                let (Some(nx), Some(ny)) = (nx, ny) else { return false };
                if nx.targs.len() != ny.targs.len() {
                    return false;
                }
                // Type arguments before origins, as types2.
                if !nx.targs.iter().zip(ny.targs.iter()).all(|(&a, &b)| self.identical(a, b)) {
                    return false;
                }
                nx.origin.unwrap_or(x) == ny.origin.unwrap_or(y)
            }
            (Type::TypeParam(_), Type::TypeParam(_)) => {
                self.renaming.iter().rev().find(|(from, _)| *from == y).is_some_and(|&(_, to)| to == x)
            }
            _ => false,
        }
    }

    /// Parameter lists: types pairwise identical, names do not matter.
    fn vars(&mut self, a: &[Var], b: &[Var]) -> bool {
        a.len() == b.len() && a.iter().zip(b.iter()).all(|(v, w)| self.identical(v.typ, w.typ))
    }
}

fn tag_text(t: Option<crate::symbol::Symbol>) -> &'static str {
    t.map_or("", |s| s.as_str())
}

/// types2's `sameId` for two fields: embedded fields compare by their
/// names too; unexported names must come from the same package.
fn same_field_id(f: &Var, g: &Var) -> bool {
    match (f.name, g.name) {
        (Some(a), Some(b)) => a == b && (a.is_exported() || f.pkg == g.pkg),
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::Symbol;
    use crate::types::{Field, Method, PkgId, Term};
    use crate::universe::universe;

    fn sym(s: &str) -> Symbol {
        Symbol::intern(s)
    }
    fn basic(k: BasicKind) -> TypeId {
        table().basic(k)
    }
    fn named(name: &str, under: TypeId) -> TypeId {
        let t = table().new_named(sym(name), None);
        table().named(t).unwrap().underlying.set(under).unwrap();
        t
    }
    fn iface(methods: Vec<Method>, embedded: Vec<TypeId>) -> TypeId {
        table().intern(Type::Interface { methods: methods.into(), embedded: embedded.into(), implicit: false })
    }
    fn union(terms: &[(bool, TypeId)]) -> TypeId {
        table().intern(Type::Union(terms.iter().map(|&(tilde, typ)| Term { tilde, typ }).collect()))
    }
    fn tparam(name: &str, constraint: TypeId) -> TypeId {
        let t = table().new_type_param(sym(name), 0);
        table().type_param(t).unwrap().constraint.set(constraint).unwrap();
        t
    }
    fn sig(params: &[(&str, TypeId)], results: &[TypeId]) -> TypeId {
        table().intern(Type::Signature {
            params: params.iter().map(|&(n, typ)| Var { name: Some(sym(n)), pkg: None, typ }).collect(),
            results: results.iter().map(|&typ| Var { name: None, pkg: None, typ }).collect(),
            variadic: false,
        })
    }
    fn field(name: &str, typ: TypeId) -> Field {
        Field { var: Var { name: Some(sym(name)), pkg: None, typ }, embedded: false, tag: None }
    }
    fn qf(_: PkgId) -> String {
        String::new()
    }

    #[test]
    fn basic_and_all_predicates() {
        let int = basic(BasicKind::Int);
        let f64 = basic(BasicKind::Float64);
        let s = basic(BasicKind::String);
        assert!(is_integer(int) && is_numeric(f64) && is_ordered(s) && !is_numeric(s));
        let num = tparam("N", iface(vec![], vec![union(&[(true, int), (false, f64)])]));
        assert!(all_numeric(num) && all_ordered(num) && !all_integer(num) && !is_numeric(num));
        let any = tparam("A", universe().any);
        assert!(!all_numeric(any) && !all_boolean(any), "no specific types: false");
        assert!(!has_nil(num) && !has_nil(any));
        let ptrs = tparam("P", iface(vec![], vec![union(&[(false, table().intern(Type::Pointer(int))), (false, table().intern(Type::Slice(int)))])]));
        assert!(has_nil(ptrs));
        assert!(has_nil(universe().error) && has_nil(basic(BasicKind::UnsafePointer)) && !has_nil(int));
        assert_eq!(max_type(basic(BasicKind::UntypedInt), basic(BasicKind::UntypedFloat)), Some(basic(BasicKind::UntypedFloat)));
        assert_eq!(max_type(basic(BasicKind::UntypedRune), basic(BasicKind::UntypedInt)), Some(basic(BasicKind::UntypedRune)));
        assert_eq!(max_type(basic(BasicKind::UntypedInt), basic(BasicKind::UntypedString)), None);
        assert!(has_empty_type_set(tparam("E", iface(vec![], vec![int, s]))) && !has_empty_type_set(num));
        assert!(has_var_size(table().intern(Type::Array { len: 3, elem: any })) && !has_var_size(named("Fixed", int)));
    }

    #[test]
    fn comparability_and_its_causes() {
        let int = basic(BasicKind::Int);
        let slice = table().intern(Type::Slice(int));
        let st = table().intern(Type::Struct(vec![field("a", int), field("s", slice)].into()));
        assert_eq!(comparable(st, true), Err(NotComparable::StructContaining(slice)));
        assert_eq!(comparable_cause(st, &qf), "struct containing []int cannot be compared");
        let arr = table().intern(Type::Array { len: 2, elem: slice });
        assert_eq!(comparable_cause(arr, &qf), "[2][]int cannot be compared");
        assert_eq!(comparable(slice, true), Err(NotComparable::Plain));
        assert!(comparable_type(universe().error), "interfaces compare dynamically");
        assert_eq!(comparable(universe().error, false), Err(NotComparable::IncomparableTypes), "not strictly comparable");
        let any = tparam("A", universe().any);
        assert_eq!(comparable(any, true), Err(NotComparable::IncomparableTypes));
        assert!(comparable(tparam("C", universe().comparable), true).is_ok());
        let empty = tparam("E", iface(vec![], vec![int, basic(BasicKind::String)]));
        assert_eq!(comparable_cause(empty, &qf), "empty type set");
        let ints = tparam("I", iface(vec![], vec![union(&[(true, int), (false, basic(BasicKind::Int8))])]));
        assert!(comparable(ints, false).is_ok());
        // A recursive struct through a pointer is fine.
        let rec = table().new_named(sym("Rec"), None);
        let rs = table().intern(Type::Struct(vec![field("next", table().intern(Type::Pointer(rec)))].into()));
        table().named(rec).unwrap().underlying.set(rs).unwrap();
        assert!(comparable_type(rec));
    }

    #[test]
    fn identity_by_type_sets_and_renaming() {
        let int = basic(BasicKind::Int);
        let s = basic(BasicKind::String);
        // Interfaces are identical by type sets, whatever their spelling.
        let m = |name: &str| Method { name: sym(name), pkg: None, sig: sig(&[], &[]) };
        let i1 = iface(vec![m("A"), m("B")], vec![]);
        let ia = named("IA", iface(vec![m("A")], vec![]));
        let i2 = iface(vec![m("B")], vec![ia]);
        assert_ne!(i1, i2);
        assert!(identical(i1, i2) && !table().identical(i1, i2));
        let u1 = iface(vec![], vec![union(&[(false, int), (false, s)])]);
        let u2 = iface(vec![], vec![union(&[(false, s), (false, int)])]);
        assert!(identical(u1, u2));
        assert!(identical(union(&[(false, int), (false, s)]), union(&[(false, s), (false, int)])));
        assert!(!identical(u1, iface(vec![], vec![union(&[(true, int), (false, s)])])));
        // Arrays of unknown length match.
        assert!(identical(table().intern(Type::Array { len: -1, elem: int }), table().intern(Type::Array { len: 4, elem: int })));
        // Struct tags count unless ignored.
        let tagged = Field { tag: Some(sym("json:\"a\"")), ..field("a", int) };
        let st1 = table().intern(Type::Struct(vec![tagged].into()));
        let st2 = table().intern(Type::Struct(vec![field("a", int)].into()));
        assert!(!identical(st1, st2) && identical_ignore_tags(st1, st2));
        assert!(identical_ignore_invalids(table().invalid(), int) && !identical(table().invalid(), int));
        // Generic signatures: type parameters correspond by position.
        let p = tparam("P", universe().any);
        let q = tparam("Q", universe().any);
        let r = tparam("R", iface(vec![], vec![int]));
        let gf = |tp: TypeId| table().intern(Type::GenericFunc { tparams: vec![tp].into(), sig: sig(&[("x", tp)], &[tp]) });
        assert!(identical(gf(p), gf(q)));
        assert!(!identical(gf(p), gf(r)), "constraints differ");
        let fixed = table().intern(Type::GenericFunc { tparams: vec![q].into(), sig: sig(&[("x", int)], &[q]) });
        assert!(!identical(gf(p), fixed));
        assert!(!identical(p, q), "free type parameters are distinct");
        // Instances: same origin, identical arguments.
        let list = table().new_named(sym("List"), None);
        let a = table().instance(list, vec![i1].into());
        let b = table().instance(list, vec![i2].into());
        assert_ne!(a, b);
        assert!(identical(a, b));
        assert!(!identical(a, table().instance(list, vec![int].into())));
    }

    #[test]
    fn recursive_interfaces_compare_without_looping() {
        // type T1 interface { m() interface{ T1 } } and the same for T2.
        let mk = |name: &str| {
            let t = table().new_named(sym(name), None);
            let inner = iface(vec![], vec![t]);
            let under = iface(vec![Method { name: sym("m"), pkg: None, sig: sig(&[], &[inner]) }], vec![]);
            table().named(t).unwrap().underlying.set(under).unwrap();
            (t, under)
        };
        let (t1, u1) = mk("T1");
        let (t2, u2) = mk("T2");
        // As go/types: the named types differ, their underlying types
        // describe the same (infinite) type sets.
        assert!(!identical(t1, t2));
        assert!(identical(u1, u2));
        let other = iface(vec![Method { name: sym("m"), pkg: None, sig: sig(&[], &[basic(BasicKind::Int)]) }], vec![]);
        assert!(!identical(u1, other));
    }
}
