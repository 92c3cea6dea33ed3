//! Type unification (types2's `unify.go`, go1.27: core-type unification
//! and, from go1.21 on, interface inference enabled).
//!
//! A [`Unifier`] solves for a list of *bound* type parameters: it tries to
//! make two types structurally equal, recording a type for a bound type
//! parameter when it meets one. Each bound parameter has a *handle*, a
//! slot holding its inferred type; unifying two bound parameters joins
//! them so they share one slot.
//!
//! Modes ([`UnifyMode`]): *exact* types unify if they can be made
//! identical; *inexact* ones also let a defined type match a type literal
//! through its underlying type, ignore channel direction and (with
//! interface inference) let a type match an interface whose methods it
//! has. *assign* is inexact at the top only: element types must unify
//! exactly. Unbound type parameters unify through their core type.
//!
//! Invariants: unification is symmetric; an inferred type is never reset
//! to unknown; recursion is bounded ([`DEPTH_LIMIT`], types2's
//! `unificationDepthLimit`: types2 panics there, we fail quietly).

use rustc_hash::FxHashMap as HashMap;

use crate::symbol::Symbol;
use crate::types::{ChanDir, Field, PkgId, Type, TypeId, Var, table};
use crate::typeset::type_set;
use crate::typeterm::TermList;

/// How two types are compared (types2's `unifyMode`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct UnifyMode(u8);

impl UnifyMode {
    /// Neither assign nor exact.
    pub const INEXACT: UnifyMode = UnifyMode(0);
    /// Types in an assignment: inexact at the top, exact below.
    pub const ASSIGN: UnifyMode = UnifyMode(1);
    /// Identical, up to the bound type parameters' types.
    pub const EXACT: UnifyMode = UnifyMode(2);

    fn exact(self) -> bool {
        self.0 & Self::EXACT.0 != 0
    }
    fn assign(self) -> bool {
        self.0 & Self::ASSIGN.0 != 0
    }
    fn with_exact(self) -> UnifyMode {
        UnifyMode(self.0 | Self::EXACT.0)
    }
}

/// Recursion depth at which unification gives up.
pub const DEPTH_LIMIT: usize = 50;

/// A unifier for a list of type parameters (types2's `unifier`).
pub struct Unifier {
    /// Bound type parameter → its index in `handle`.
    index: HashMap<TypeId, usize>,
    /// Per type parameter, its handle: an index into `slots`.
    handle: Vec<usize>,
    /// The inferred types; type parameters that were joined share a slot.
    slots: Vec<Option<TypeId>>,
    depth: usize,
    enable_interface_inference: bool,
}

/// A pair of interfaces being compared, with the pairs compared above it
/// (types2's `ifacePair`): interfaces recurring through method parameter
/// types would otherwise make comparison endless.
struct IfacePair<'a> {
    x: TypeId,
    y: TypeId,
    prev: Option<&'a IfacePair<'a>>,
}

impl IfacePair<'_> {
    fn seen(&self, x: TypeId, y: TypeId) -> bool {
        let mut p = Some(self);
        while let Some(q) = p {
            if (q.x == x && q.y == y) || (q.x == y && q.y == x) {
                return true;
            }
            p = q.prev;
        }
        false
    }
}

impl Unifier {
    /// A unifier for `tparams` with known types `targs` (a prefix; may be
    /// shorter; `None` entries are unknown) (types2's `newUnifier`).
    /// `enable_interface_inference` is set for go1.21 and later.
    pub fn new(tparams: &[TypeId], targs: &[Option<TypeId>], enable_interface_inference: bool) -> Unifier {
        Unifier {
            index: tparams.iter().enumerate().map(|(i, &p)| (p, i)).collect(),
            handle: (0..tparams.len()).collect(),
            slots: (0..tparams.len()).map(|i| targs.get(i).copied().flatten()).collect(),
            depth: 0,
            enable_interface_inference,
        }
    }

    /// Unifies `x` and `y`; on success, types may have been inferred.
    pub fn unify(&mut self, x: TypeId, y: TypeId, mode: UnifyMode) -> bool {
        self.nify(x, y, mode, None)
    }

    /// The type inferred for bound type parameter `tparam`, if any.
    pub fn at(&self, tparam: TypeId) -> Option<TypeId> {
        self.index.get(&tparam).and_then(|&i| self.slots[self.handle[i]])
    }

    /// Sets the type of bound type parameter `tparam` (and of those joined
    /// with it).
    pub fn set(&mut self, tparam: TypeId, t: TypeId) {
        if let Some(&i) = self.index.get(&tparam) {
            self.slots[self.handle[i]] = Some(t);
        }
    }

    /// How many type parameters have no type yet.
    pub fn unknowns(&self) -> usize {
        self.handle.iter().filter(|&&h| self.slots[h].is_none()).count()
    }

    /// The types inferred for `tparams` (`None`: not inferred).
    pub fn inferred(&self, tparams: &[TypeId]) -> Vec<Option<TypeId>> {
        tparams.iter().map(|&p| self.at(p)).collect()
    }

    /// `x` if it is (an alias of) a type parameter bound by this unifier.
    fn bound_type_param(&self, x: TypeId) -> Option<TypeId> {
        let x = table().unalias(x);
        self.index.contains_key(&x).then_some(x)
    }

    /// Joins type parameters `x` and `y`; fails if both have (different
    /// handles with) types already.
    fn join(&mut self, x: TypeId, y: TypeId) -> bool {
        let (hx, hy) = (self.handle[self.index[&x]], self.handle[self.index[&y]]);
        if hx == hy {
            return true;
        }
        match (self.slots[hx], self.slots[hy]) {
            (Some(_), Some(_)) => false,
            (Some(_), None) => {
                self.redirect(hy, hx);
                true
            }
            _ => {
                self.redirect(hx, hy);
                true
            }
        }
    }

    /// Every type parameter using handle `from` now uses `to`.
    fn redirect(&mut self, from: usize, to: usize) {
        for h in self.handle.iter_mut() {
            if *h == from {
                *h = to;
            }
        }
    }

    fn nify(&mut self, x: TypeId, y: TypeId, mode: UnifyMode, p: Option<&IfacePair<'_>>) -> bool {
        self.depth += 1;
        let r = self.nify_inner(x, y, mode, p);
        self.depth -= 1;
        r
    }

    fn nify_inner(&mut self, mut x: TypeId, mut y: TypeId, mode: UnifyMode, p: Option<&IfacePair<'_>>) -> bool {
        let t = table();
        if x == y || t.unalias(x) == t.unalias(y) {
            return true;
        }
        if self.depth > DEPTH_LIMIT {
            return false;
        }

        // Symmetry: a defined type, if any, goes to y; a bound type
        // parameter, if any, to x.
        if as_named(x).is_some() || self.bound_type_param(y).is_some() {
            std::mem::swap(&mut x, &mut y);
        }

        // Inexact: a defined type matches a type literal through its
        // underlying type (basic types count as literals).
        if !mode.exact()
            && as_named(y).is_some()
            && is_type_lit(x)
            && !(self.enable_interface_inference && is_interface(x))
        {
            y = t.underlying(y);
            if x == y || t.unalias(x) == t.unalias(y) {
                return true;
            }
        }

        match (self.bound_type_param(x), self.bound_type_param(y)) {
            (Some(px), Some(py)) => {
                if self.join(px, py) {
                    return true;
                }
                // Both have types: they must match.
                let (Some(tx), Some(ty)) = (self.at(px), self.at(py)) else { return false };
                return self.nify(tx, ty, mode, p);
            }
            (Some(px), None) => {
                let Some(tx) = self.at(px) else {
                    self.set(px, y);
                    return true;
                };
                if !self.nify(tx, y, mode, p) {
                    return false;
                }
                let (xi, yi) = (as_interface(tx), as_interface(y));
                let (xn, yn) = (as_named(tx).is_some(), as_named(y).is_some());
                if let (Some(xi), Some(yi)) = (xi, yi) {
                    // Two interfaces: two defined ones must be identical
                    // (unification cannot tell which name is right);
                    // otherwise their method sets must be the same.
                    if xn && yn {
                        return t.identical(tx, y);
                    }
                    if type_set(xi).methods.len() != type_set(yi).methods.len() {
                        return false;
                    }
                } else if xi.is_some() || yi.is_some() {
                    // Either could be the parameter's type: choosing one
                    // would depend on order (go.dev/issue/60933).
                    return false;
                }
                // Inexact: prefer a defined type, then a directed channel,
                // so the result does not depend on argument order.
                if !mode.exact()
                    && !xn
                    && (yn || matches!(t.get(t.underlying(y)), Type::Chan { dir, .. } if *dir != ChanDir::SendRecv))
                {
                    self.set(px, y);
                }
                return true;
            }
            _ => {}
        }

        // Interface inference: an interface matches an interface with a
        // subset (or superset) of its methods, or a type that has its
        // methods, when the signatures unify.
        if self.enable_interface_inference && !mode.exact() {
            let (xi, yi) = (as_interface(x), as_interface(y));
            if let (Some(xi), Some(yi)) = (xi, yi) {
                let (xset, yset) = (type_set(xi), type_set(yi));
                if xset.comparable != yset.comparable || !set_terms(&xset).equal(&set_terms(&yset)) {
                    return false;
                }
                if p.is_some_and(|p| p.seen(xi, yi)) {
                    return true;
                }
                let q = IfacePair { x: xi, y: yi, prev: p };
                let (small, large) = if xset.methods.len() > yset.methods.len() {
                    (&yset.methods, &xset.methods)
                } else {
                    (&xset.methods, &yset.methods)
                };
                for m in small.iter() {
                    let Some(n) = large.iter().find(|n| n.name == m.name && same_pkg_if_unexported(m, n)) else {
                        return false;
                    };
                    if !self.nify(m.sig, n.sig, UnifyMode::EXACT, Some(&q)) {
                        return false;
                    }
                }
                return true;
            }
            let (iface, other) = match (xi, yi) {
                (Some(i), None) => (Some(i), y),
                (None, Some(i)) => (Some(i), x),
                _ => (None, y),
            };
            if let Some(iface) = iface {
                // Every interface method must be a method of the other
                // type, not generic, with a unifying signature.
                for m in type_set(iface).methods.iter() {
                    let Some((sig, generic)) = method_of(other, m.pkg, m.name) else { return false };
                    if generic || !self.nify(m.sig, sig, UnifyMode::EXACT, p) {
                        return false;
                    }
                }
                return true;
            }
        }

        // Unbound type parameters: if there is one, it is in x.
        if is_type_param(y) {
            std::mem::swap(&mut x, &mut y);
        }

        // Element types unify exactly in an assignment.
        let emode = if mode.assign() { mode.with_exact() } else { mode };
        let yorig = y;
        let (x, y) = (t.unalias(x), t.unalias(y));
        // A generic function's type parameters play no part (types2:
        // "TODO(gri) handle type parameters or document why we can ignore
        // them"): its signature proper is unified.
        let proper = |s: TypeId| match t.get(s) {
            Type::GenericFunc { sig, .. } => *sig,
            _ => s,
        };
        let (x, y) = (proper(x), proper(y));

        match (t.get(x), t.get(y)) {
            (Type::Basic(a), Type::Basic(b)) => a == b,
            (Type::Array { len: la, elem: a }, Type::Array { len: lb, elem: b }) => {
                // Unknown (erroneous) lengths match anything.
                (*la < 0 || *lb < 0 || la == lb) && self.nify(*a, *b, emode, p)
            }
            (Type::Slice(a), Type::Slice(b)) | (Type::Pointer(a), Type::Pointer(b)) => self.nify(*a, *b, emode, p),
            (Type::Struct(a), Type::Struct(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|(f, g)| same_field(f, g) && self.nify(f.var.typ, g.var.typ, emode, p))
            }
            (Type::Tuple(a), Type::Tuple(b)) => self.vars(a, b, mode, p),
            (
                Type::Signature { params: pa, results: ra, variadic: va },
                Type::Signature { params: pb, results: rb, variadic: vb },
            ) => va == vb && self.vars(pa, pb, emode, p) && self.vars(ra, rb, emode, p),
            (Type::Interface { .. }, Type::Interface { .. }) => {
                let (xset, yset) = (type_set(x), type_set(y));
                if xset.comparable != yset.comparable || !set_terms(&xset).equal(&set_terms(&yset)) {
                    return false;
                }
                let (a, b) = (&xset.methods, &yset.methods);
                if a.len() != b.len() {
                    return false;
                }
                if p.is_some_and(|p| p.seen(x, y)) {
                    return true;
                }
                let q = IfacePair { x, y, prev: p };
                // Both method lists are sorted the same way.
                a.iter().zip(b.iter()).all(|(f, g)| {
                    f.name == g.name
                        && same_pkg_if_unexported(f, g)
                        && self.nify(f.sig, g.sig, UnifyMode::EXACT, Some(&q))
                })
            }
            (Type::Map { key: ka, elem: a }, Type::Map { key: kb, elem: b }) => {
                self.nify(*ka, *kb, emode, p) && self.nify(*a, *b, emode, p)
            }
            (Type::Chan { dir: da, elem: a }, Type::Chan { dir: db, elem: b }) => {
                (!mode.exact() || da == db) && self.nify(*a, *b, emode, p)
            }
            (Type::Named(_), Type::Named(_)) => {
                let (Some(nx), Some(ny)) = (t.named(x), t.named(y)) else { return false };
                // Arguments first, so they unify even if the origins
                // differ (better messages, go.dev/issue/53692).
                if nx.targs.len() != ny.targs.len() {
                    return false;
                }
                for (&a, &b) in nx.targs.iter().zip(ny.targs.iter()) {
                    if !self.nify(a, b, mode, p) {
                        return false;
                    }
                }
                nx.origin.unwrap_or(x) == ny.origin.unwrap_or(y)
            }
            (Type::TypeParam(_), _) => {
                // An unbound type parameter: any valid argument's
                // underlying type is in its constraint's type set, so if
                // that has a core type, y must match it (assign mode lets
                // a defined y match through its underlying type).
                match core_type(x) {
                    Some(cx) => self.nify(cx, yorig, UnifyMode::ASSIGN, p),
                    None => false,
                }
            }
            _ => false,
        }
    }

    fn vars(&mut self, a: &[Var], b: &[Var], mode: UnifyMode, p: Option<&IfacePair<'_>>) -> bool {
        a.len() == b.len() && a.iter().zip(b.iter()).all(|(v, w)| self.nify(v.typ, w.typ, mode, p))
    }
}

// Adapters to the type-set and lookup modules: the only places that
// know their shapes.

/// The terms of a type set (𝓤 when it has none).
pub(crate) fn set_terms(set: &crate::typeset::TypeSet) -> TermList {
    set.terms.clone()
}

/// types2's `commonUnder(t, nil)`: the core type of a type parameter, the
/// underlying type of any other type.
pub(crate) fn core_type(t: TypeId) -> Option<TypeId> {
    crate::typeset::core_type(t)
}

/// The signature of method `name` of `t` as a value (not addressable) of
/// type `t` has it: through embedding, in an interface's type set, with
/// an instance's receiver type arguments substituted; and whether the
/// method is generic. `None` if `t` has no such method (or only through
/// a pointer receiver), as types2's `LookupFieldOrMethod(t, false, ...)`.
pub(crate) fn method_of(t: TypeId, pkg: Option<PkgId>, name: Symbol) -> Option<(TypeId, bool)> {
    match crate::lookup::lookup_field_or_method(t, false, pkg, name, false) {
        crate::lookup::Lookup::Method { method, sig, recv, .. } => {
            let sig = sig.or_else(|| method.and_then(|m| crate::lookup::method_sig(recv, m)))?;
            Some((sig, matches!(table().get(sig), Type::GenericFunc { .. })))
        }
        _ => None,
    }
}

/// `t` (after aliases) if it is a named type.
fn as_named(t: TypeId) -> Option<TypeId> {
    let t = table().unalias(t);
    table().named(t).map(|_| t)
}

/// types2's `isTypeLit`: not a named type or type parameter.
fn is_type_lit(t: TypeId) -> bool {
    !matches!(table().get(table().unalias(t)), Type::Named(_) | Type::TypeParam(_))
}

fn is_type_param(t: TypeId) -> bool {
    matches!(table().get(table().unalias(t)), Type::TypeParam(_))
}

/// types2's `IsInterface`: the underlying type is an interface (a type
/// parameter's is its constraint).
fn is_interface(t: TypeId) -> bool {
    matches!(table().get(table().underlying(t)), Type::Interface { .. })
}

/// types2's `asInterface`: the underlying interface of a type that is not
/// a type parameter.
fn as_interface(t: TypeId) -> Option<TypeId> {
    if is_type_param(t) {
        return None;
    }
    let u = table().underlying(t);
    matches!(table().get(u), Type::Interface { .. }).then_some(u)
}

/// Method identity: same name (checked by the caller) and, for unexported
/// names, the same package.
fn same_pkg_if_unexported(m: &crate::types::Method, n: &crate::types::Method) -> bool {
    m.name.is_exported() || m.pkg == n.pkg
}

/// Struct fields unify only with the same embedding, tag and identity.
fn same_field(f: &Field, g: &Field) -> bool {
    let tag = |f: &Field| f.tag.filter(|t| !t.as_str().is_empty());
    f.embedded == g.embedded
        && tag(f) == tag(g)
        && f.var.name == g.var.name
        && (f.var.name.is_some_and(|n| n.is_exported()) || f.var.pkg == g.var.pkg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::Symbol;
    use crate::types::{BasicKind, PkgId};
    use crate::typestring::type_string;
    use crate::universe::universe;

    fn s(t: TypeId) -> String {
        type_string(t, &|_: PkgId| String::new())
    }

    fn tparam(name: &str, index: u32) -> TypeId {
        let p = table().new_type_param(Symbol::intern(name), index);
        table().type_param(p).unwrap().constraint.set(universe().any).unwrap();
        p
    }

    fn named(name: &str, underlying: TypeId) -> TypeId {
        let n = table().new_named(Symbol::intern(name), None);
        table().named(n).unwrap().underlying.set(underlying).unwrap();
        n
    }

    fn slice(t: TypeId) -> TypeId {
        table().intern(Type::Slice(t))
    }

    fn chan(dir: ChanDir, elem: TypeId) -> TypeId {
        table().intern(Type::Chan { dir, elem })
    }

    #[test]
    fn infers_through_composite_types() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let string = t.basic(BasicKind::String);
        let (k, v) = (tparam("K", 0), tparam("V", 1));
        let mut u = Unifier::new(&[k, v], &[], true);
        let param = t.intern(Type::Map { key: k, elem: slice(v) });
        let arg = t.intern(Type::Map { key: string, elem: slice(int) });
        assert!(u.unify(param, arg, UnifyMode::ASSIGN));
        assert_eq!(u.inferred(&[k, v]), vec![Some(string), Some(int)]);
        assert_eq!(u.unknowns(), 0);
        // A conflicting type fails.
        assert!(!u.unify(k, int, UnifyMode::ASSIGN));
        // Different structures fail.
        let mut u = Unifier::new(&[k], &[], true);
        assert!(!u.unify(slice(k), t.intern(Type::Pointer(int)), UnifyMode::ASSIGN));
        assert_eq!(u.at(k), None);
    }

    #[test]
    fn a_defined_type_matches_a_literal_only_inexactly_and_is_preferred() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let ints = named("Ints", slice(int));
        let e = tparam("E", 0);
        // []E ≡ Ints (assign at the top): E = int.
        let mut u = Unifier::new(&[e], &[], true);
        assert!(u.unify(slice(e), ints, UnifyMode::ASSIGN));
        assert_eq!(u.at(e), Some(int));
        // Exactly, a defined type never matches a literal.
        let mut u = Unifier::new(&[e], &[], true);
        assert!(!u.unify(slice(e), ints, UnifyMode::EXACT));
        // Below the top in assign mode, elements must match exactly.
        let mut u = Unifier::new(&[e], &[], true);
        assert!(!u.unify(slice(slice(e)), slice(ints), UnifyMode::ASSIGN));
        // S ≡ []int then S ≡ Ints: the defined type wins, in either order.
        let s_ = tparam("S", 0);
        let mut u = Unifier::new(&[s_], &[], true);
        assert!(u.unify(s_, slice(int), UnifyMode::INEXACT));
        assert!(u.unify(s_, ints, UnifyMode::INEXACT));
        assert_eq!(u.at(s_), Some(ints));
        let mut u = Unifier::new(&[s_], &[], true);
        assert!(u.unify(s_, ints, UnifyMode::INEXACT));
        assert!(u.unify(s_, slice(int), UnifyMode::INEXACT));
        assert_eq!(u.at(s_), Some(ints));
    }

    #[test]
    fn channel_direction_is_ignored_inexactly_and_the_directed_one_kept() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let c = tparam("C", 0);
        let mut u = Unifier::new(&[c], &[], true);
        assert!(u.unify(c, chan(ChanDir::SendRecv, int), UnifyMode::INEXACT));
        assert!(u.unify(c, chan(ChanDir::RecvOnly, int), UnifyMode::INEXACT));
        assert_eq!(s(u.at(c).unwrap()), "<-chan int");
        // Exact: directions must agree.
        let e = tparam("E", 0);
        let mut u = Unifier::new(&[e], &[], true);
        assert!(!u.unify(chan(ChanDir::SendOnly, e), chan(ChanDir::RecvOnly, int), UnifyMode::EXACT));
        let mut u = Unifier::new(&[e], &[], true);
        assert!(u.unify(chan(ChanDir::SendOnly, e), chan(ChanDir::RecvOnly, int), UnifyMode::INEXACT));
        assert_eq!(u.at(e), Some(int));
    }

    #[test]
    fn joined_type_parameters_share_their_type() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let (p, q, r) = (tparam("P", 0), tparam("Q", 1), tparam("R", 2));
        let mut u = Unifier::new(&[p, q, r], &[], true);
        assert!(u.unify(p, q, UnifyMode::EXACT));
        assert!(u.unify(q, r, UnifyMode::EXACT));
        assert_eq!(u.unknowns(), 3);
        assert!(u.unify(r, int, UnifyMode::EXACT));
        assert_eq!(u.inferred(&[p, q, r]), vec![Some(int); 3]);
        // Known types must agree when joining.
        let mut u = Unifier::new(&[p, q], &[Some(int), Some(t.basic(BasicKind::String))], true);
        assert!(!u.unify(p, q, UnifyMode::EXACT));
        let mut u = Unifier::new(&[p, q], &[Some(int), Some(int)], true);
        assert!(u.unify(p, q, UnifyMode::EXACT));
    }

    #[test]
    fn instances_unify_argument_wise_and_need_the_same_origin() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let mk = |name: &str| {
            let n = t.new_named(Symbol::intern(name), None);
            let tp = tparam("T", 0);
            t.named(n).unwrap().tparams.set(vec![tp].into()).unwrap();
            t.named(n).unwrap().underlying.set(slice(tp)).unwrap();
            n
        };
        let (list, other) = (mk("List"), mk("Other"));
        let e = tparam("E", 0);
        let mut u = Unifier::new(&[e], &[], true);
        assert!(u.unify(t.instance(list, vec![e].into()), t.instance(list, vec![int].into()), UnifyMode::ASSIGN));
        assert_eq!(u.at(e), Some(int));
        let mut u = Unifier::new(&[e], &[], true);
        assert!(!u.unify(t.instance(list, vec![e].into()), t.instance(other, vec![int].into()), UnifyMode::ASSIGN));
        // Arguments are unified before origins are compared.
        assert_eq!(u.at(e), Some(int));
        // An instance matches a literal through its (expanded) underlying type.
        let mut u = Unifier::new(&[e], &[], true);
        assert!(u.unify(slice(e), t.instance(list, vec![int].into()), UnifyMode::ASSIGN));
        assert_eq!(u.at(e), Some(int));
    }

    #[test]
    fn struct_fields_and_signatures_must_match_in_shape() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let e = tparam("E", 0);
        let field = |name: &str, typ| Field {
            var: Var { name: Some(Symbol::intern(name)), pkg: None, typ },
            embedded: false,
            tag: None,
        };
        let st = |f: Field| t.intern(Type::Struct(vec![f].into()));
        let mut u = Unifier::new(&[e], &[], true);
        assert!(!u.unify(st(field("a", e)), st(field("b", int)), UnifyMode::ASSIGN));
        assert!(u.unify(st(field("a", e)), st(field("a", int)), UnifyMode::ASSIGN));
        assert_eq!(u.at(e), Some(int));
        let sig = |params: Vec<TypeId>, variadic| {
            t.intern(Type::Signature {
                params: params.into_iter().map(|typ| Var { name: None, pkg: None, typ }).collect(),
                results: Box::new([]),
                variadic,
            })
        };
        let mut u = Unifier::new(&[e], &[], true);
        assert!(!u.unify(sig(vec![slice(e)], true), sig(vec![slice(int)], false), UnifyMode::ASSIGN));
        assert!(u.unify(sig(vec![slice(e)], true), sig(vec![slice(int)], true), UnifyMode::ASSIGN));
        assert_eq!(u.at(e), Some(int));
    }

    #[test]
    fn depth_is_bounded() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let e = tparam("E", 0);
        let (mut a, mut b) = (e, int);
        for _ in 0..DEPTH_LIMIT + 5 {
            a = slice(a);
            b = slice(b);
        }
        let mut u = Unifier::new(&[e], &[], true);
        assert!(!u.unify(a, b, UnifyMode::EXACT));
    }

    #[test]
    fn interface_inference_matches_methods() {
        use crate::objects::{ObjKind, new_object};
        use crate::types::Method;
        let t = table();
        let int = t.basic(BasicKind::Int);
        let sig = |results: Vec<TypeId>| {
            t.intern(Type::Signature {
                params: Box::new([]),
                results: results.into_iter().map(|typ| Var { name: None, pkg: None, typ }).collect(),
                variadic: false,
            })
        };
        let iface = |ms: Vec<(&str, TypeId)>| {
            t.intern(Type::Interface {
                methods: ms.into_iter().map(|(n, s)| Method { name: Symbol::intern(n), pkg: None, sig: s }).collect(),
                embedded: Box::new([]),
                implicit: false,
            })
        };
        // type X struct{}; func (X) M() int
        let x = named("X", t.intern(Type::Struct(Box::new([]))));
        let m = new_object(ObjKind::Func, Symbol::intern("M"), None, None, Some(sig(vec![int])));
        t.named(x).unwrap().methods.lock().unwrap().push(m);
        let p = tparam("P", 0);
        // interface{ M() P } ≡ X: P = int.
        let mut u = Unifier::new(&[p], &[], true);
        assert!(u.unify(iface(vec![("M", sig(vec![p]))]), x, UnifyMode::INEXACT));
        assert_eq!(u.at(p), Some(int));
        // A missing method fails.
        let mut u = Unifier::new(&[p], &[], true);
        assert!(!u.unify(iface(vec![("N", sig(vec![p]))]), x, UnifyMode::INEXACT));
        // Two interfaces: the smaller method set must be in the larger.
        let n_sig = sig(vec![]);
        let mut u = Unifier::new(&[p], &[], true);
        assert!(u.unify(
            iface(vec![("M", sig(vec![p]))]),
            iface(vec![("M", sig(vec![int])), ("N", n_sig)]),
            UnifyMode::INEXACT
        ));
        assert_eq!(u.at(p), Some(int));
        // Without interface inference (before go1.21) or exactly, an
        // interface matches only an interface with the same methods.
        let mut u = Unifier::new(&[p], &[], false);
        assert!(!u.unify(iface(vec![("M", sig(vec![p]))]), x, UnifyMode::INEXACT));
        let mut u = Unifier::new(&[p], &[], true);
        assert!(!u.unify(
            iface(vec![("M", sig(vec![p]))]),
            iface(vec![("M", sig(vec![int])), ("N", n_sig)]),
            UnifyMode::EXACT
        ));
        assert!(u.unify(iface(vec![("M", sig(vec![p]))]), iface(vec![("M", sig(vec![int]))]), UnifyMode::EXACT));
        assert_eq!(u.at(p), Some(int));
        // A type parameter inferred as an interface does not also match a
        // non-interface (order dependence, go.dev/issue/60933).
        let mut u = Unifier::new(&[p], &[], true);
        assert!(u.unify(p, iface(vec![("M", sig(vec![int]))]), UnifyMode::INEXACT));
        assert!(!u.unify(p, x, UnifyMode::INEXACT));
    }

    #[test]
    fn unbound_type_parameters_unify_through_their_core_type() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        // Q is not bound; its constraint ~[]int has core type []int.
        let q = t.new_type_param(Symbol::intern("Q"), 0);
        let u_ = t.intern(Type::Union(vec![crate::types::Term { tilde: true, typ: slice(int) }].into()));
        t.type_param(q)
            .unwrap()
            .constraint
            .set(t.intern(Type::Interface { methods: Box::new([]), embedded: vec![u_].into(), implicit: false }))
            .unwrap();
        let e = tparam("E", 0);
        let mut u = Unifier::new(&[e], &[], true);
        assert!(u.unify(slice(e), q, UnifyMode::INEXACT));
        assert_eq!(u.at(e), Some(int));
        // Without a core type (any), nothing matches.
        let r = tparam("R", 0);
        let mut u = Unifier::new(&[e], &[], true);
        assert!(!u.unify(slice(e), r, UnifyMode::INEXACT));
    }
}
