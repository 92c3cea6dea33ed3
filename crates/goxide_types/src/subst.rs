//! Substitution of type parameters (types2's `subst.go`), the lazy
//! expansion of instantiated named types (`named.go`'s `expandRHS` and
//! `resolveUnderlying`) and the signatures of methods of instances
//! (`named.go`'s `expandMethod`).
//!
//! [`subst`] rebuilds a type with type parameters replaced by the types a
//! [`SubstMap`] gives them, walking every type kind: composite types are
//! rebuilt bottom-up through the hash-consing table, an instance
//! `List[P]` becomes `List[int]` through `table().instance` (one id per
//! argument list), a generic alias instance `A[P]` becomes `A[int]`
//! through [`crate::instantiate::alias_instance`]. Substitution never
//! looks through a named type: an instance's underlying type is computed
//! on demand, when [`crate::types::TypeTable::underlying`] asks for it
//! ([`expand_underlying`]). That is what makes recursive generic types
//! (`type List[T any] struct{ next *List[T] }`) finite.
//!
//! Invariants: when the map mentions none of a type's type parameters the
//! result is the very same id (no type is made); the result of
//! substituting a hash-consed type is hash-consed, so two substitutions
//! giving identical types give the same id. Substitution terminates
//! because structural types are trees over named types, aliases and type
//! parameters, which it does not unfold.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::DashMap;

use crate::objects::object;
use crate::types::{Field, Method, ObjId, Term, Type, TypeId, Var, table};

/// A substitution: type parameter → type (types2's `substMap`). Type
/// parameters without an entry are left as they are.
#[derive(Clone, Debug, Default)]
pub struct SubstMap {
    map: HashMap<TypeId, TypeId>,
}

impl SubstMap {
    /// The map `tparams[i] → targs[i]` (types2's `makeSubstMap`). Extra
    /// parameters (a shorter argument list) are not substituted.
    pub fn new(tparams: &[TypeId], targs: &[TypeId]) -> SubstMap {
        SubstMap { map: tparams.iter().copied().zip(targs.iter().copied()).collect() }
    }

    /// Like [`SubstMap::new`] for a partially known argument list: `None`
    /// entries leave their parameter unsubstituted.
    pub fn partial(tparams: &[TypeId], targs: &[Option<TypeId>]) -> SubstMap {
        SubstMap { map: tparams.iter().zip(targs.iter()).filter_map(|(&p, a)| a.map(|a| (p, a))).collect() }
    }

    /// Adds or replaces the entry for `tparam`.
    pub fn insert(&mut self, tparam: TypeId, typ: TypeId) {
        self.map.insert(tparam, typ);
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// What `tparam` stands for: its entry, or itself.
    pub fn lookup(&self, tparam: TypeId) -> TypeId {
        self.map.get(&tparam).copied().unwrap_or(tparam)
    }
}

/// `t` with the type parameters of `m` replaced (types2's `Checker.subst`).
pub fn subst(t: TypeId, m: &SubstMap) -> TypeId {
    if m.is_empty() {
        return t;
    }
    Subster { m, memo: HashMap::default() }.typ(t)
}

struct Subster<'a> {
    m: &'a SubstMap,
    /// Results already computed in this walk: hash-consed types share
    /// subtrees, and each is rebuilt once.
    memo: HashMap<TypeId, TypeId>,
}

impl Subster<'_> {
    fn typ(&mut self, id: TypeId) -> TypeId {
        if let Some(&r) = self.memo.get(&id) {
            return r;
        }
        let r = self.typ_uncached(id);
        self.memo.insert(id, r);
        r
    }

    fn typ_uncached(&mut self, id: TypeId) -> TypeId {
        let t = table();
        match t.get(id) {
            Type::Basic(_) => id,
            Type::TypeParam(_) => self.m.lookup(id),
            Type::Pointer(base) => {
                let base = *base;
                let b = self.typ(base);
                if b == base { id } else { t.intern(Type::Pointer(b)) }
            }
            Type::Slice(elem) => {
                let elem = *elem;
                let e = self.typ(elem);
                if e == elem { id } else { t.intern(Type::Slice(e)) }
            }
            Type::Array { len, elem } => {
                let (len, elem) = (*len, *elem);
                let e = self.typ(elem);
                if e == elem { id } else { t.intern(Type::Array { len, elem: e }) }
            }
            Type::Map { key, elem } => {
                let (key, elem) = (*key, *elem);
                let (k, e) = (self.typ(key), self.typ(elem));
                if k == key && e == elem { id } else { t.intern(Type::Map { key: k, elem: e }) }
            }
            Type::Chan { dir, elem } => {
                let (dir, elem) = (*dir, *elem);
                let e = self.typ(elem);
                if e == elem { id } else { t.intern(Type::Chan { dir, elem: e }) }
            }
            Type::Struct(fields) => match self.list(fields, |s, f: &Field| {
                let typ = s.typ(f.var.typ);
                (typ != f.var.typ).then(|| Field { var: Var { typ, ..f.var.clone() }, ..f.clone() })
            }) {
                Some(fields) => t.intern(Type::Struct(fields)),
                None => id,
            },
            Type::Tuple(vars) => match self.vars(vars) {
                Some(vars) => t.intern(Type::Tuple(vars)),
                None => id,
            },
            Type::Signature { params, results, variadic } => {
                let (p, r) = (self.vars(params), self.vars(results));
                if p.is_none() && r.is_none() {
                    return id;
                }
                t.intern(Type::Signature {
                    params: p.unwrap_or_else(|| params.clone()),
                    results: r.unwrap_or_else(|| results.clone()),
                    variadic: *variadic,
                })
            }
            Type::GenericFunc { tparams, sig } => self.generic_func(id, tparams, *sig),
            Type::Interface { methods, embedded, implicit } => {
                let ms = self.list(methods, |s, m: &Method| {
                    let sig = s.typ(m.sig);
                    (sig != m.sig).then(|| Method { sig, ..m.clone() })
                });
                let es = self.list(embedded, |s, &e: &TypeId| {
                    let r = s.typ(e);
                    (r != e).then_some(r)
                });
                if ms.is_none() && es.is_none() {
                    return id;
                }
                t.intern(Type::Interface {
                    methods: ms.unwrap_or_else(|| methods.clone()),
                    embedded: es.unwrap_or_else(|| embedded.clone()),
                    implicit: *implicit,
                })
            }
            Type::Union(terms) => match self.list(terms, |s, term: &Term| {
                // Substitution may make two terms equal; the type set
                // computation normalises that away, as in types2.
                let typ = s.typ(term.typ);
                (typ != term.typ).then_some(Term { tilde: term.tilde, typ })
            }) {
                Some(terms) => t.intern(Type::Union(terms)),
                None => id,
            },
            Type::Named(_) => {
                let Some(n) = t.named(id) else { return id };
                // Only instances mention type parameters (in their type
                // arguments); a declared named type is closed.
                let Some(origin) = n.origin else { return id };
                let want = t.named(origin).and_then(|o| o.tparams.get()).map(|p| p.len());
                if want.is_some_and(|w| w != n.targs.len()) {
                    return t.invalid(); // wrong argument count: reported elsewhere
                }
                match self.type_list(&n.targs) {
                    Some(targs) => t.instance(origin, targs),
                    None => id,
                }
            }
            Type::Alias(_) => {
                let Some(a) = t.alias(id) else { return id };
                // A non-generic alias is not substituted (as in types2);
                // an instance of a generic alias has its arguments
                // substituted.
                if a.targs.is_empty() {
                    return id;
                }
                let Some(origin) = crate::instantiate::alias_origin(id) else { return id };
                match self.type_list(&a.targs) {
                    Some(targs) => crate::instantiate::alias_instance(origin, &targs),
                    None => id,
                }
            }
        }
    }

    /// A generic function type (types2's `*Signature` with type
    /// parameters). If the map substitutes its own type parameters, this
    /// instantiates it: the result is the plain signature. Otherwise (the
    /// receiver type parameters of a generic method, or types inferred
    /// for other parameters), its signature is substituted; when that
    /// changes a type parameter's constraint, fresh type parameters with
    /// the substituted constraints stand for the old ones, since a type
    /// parameter has one constraint.
    fn generic_func(&mut self, id: TypeId, tparams: &[TypeId], sig: TypeId) -> TypeId {
        let t = table();
        if tparams.iter().any(|p| self.m.map.contains_key(p)) {
            return self.typ(sig);
        }
        let bound = |p: TypeId| t.type_param(p).and_then(|d| d.constraint.get().copied());
        let bounds_change = tparams.iter().any(|&p| bound(p).is_some_and(|b| self.typ(b) != b));
        if !bounds_change {
            let s = self.typ(sig);
            return if s == sig { id } else { t.intern(Type::GenericFunc { tparams: tparams.into(), sig: s }) };
        }
        let mut m = self.m.clone();
        let fresh: Vec<TypeId> = tparams
            .iter()
            .map(|&p| {
                let d = t.type_param(p);
                let name = d.map_or_else(|| crate::symbol::Symbol::intern("_"), |d| d.name);
                let np = t.new_type_param(name, d.map_or(0, |d| d.index));
                if let (Some(&obj), Some(nd)) = (d.and_then(|d| d.obj.get()), t.type_param(np)) {
                    let _ = nd.obj.set(obj);
                }
                m.insert(p, np);
                np
            })
            .collect();
        for (&p, &np) in tparams.iter().zip(fresh.iter()) {
            if let (Some(b), Some(nd)) = (bound(p), t.type_param(np)) {
                let nb = subst(b, &m);
                let _ = nd.constraint.set(nb);
                let shared = crate::typestring::bound_still_shared(p, b, nb);
                nd.bound_shared_with_previous.store(shared, std::sync::atomic::Ordering::Relaxed);
            }
        }
        t.intern(Type::GenericFunc { tparams: fresh.into(), sig: subst(sig, &m) })
    }

    fn type_list(&mut self, list: &[TypeId]) -> Option<Box<[TypeId]>> {
        self.list(list, |s, &x: &TypeId| {
            let r = s.typ(x);
            (r != x).then_some(r)
        })
    }

    fn vars(&mut self, vars: &[Var]) -> Option<Box<[Var]>> {
        self.list(vars, |s, v: &Var| {
            let typ = s.typ(v.typ);
            (typ != v.typ).then(|| Var { typ, ..v.clone() })
        })
    }

    /// types2's `substList`: `Some(new list)` if any element changed
    /// (`f` gives the changed element, `None` when unchanged).
    fn list<T: Clone>(&mut self, input: &[T], mut f: impl FnMut(&mut Self, &T) -> Option<T>) -> Option<Box<[T]>> {
        let mut out: Option<Vec<T>> = None;
        for (i, x) in input.iter().enumerate() {
            if let Some(y) = f(self, x) {
                out.get_or_insert_with(|| input.to_vec())[i] = y;
            }
        }
        out.map(Vec::into_boxed_slice)
    }
}

/// The underlying type of instance `inst`, computing it from its origin on
/// first use: the origin's underlying type with the origin's type
/// parameters replaced by the instance's arguments. `None` while that is
/// not yet possible (the origin's underlying type or type parameters are
/// not set yet, as during the origin's declaration); nothing is stored
/// then. An argument count that does not match gives the invalid type.
///
/// Called by [`crate::types::TypeTable::underlying`]. Safe under races:
/// the first result stored wins and every caller returns it. The result
/// is computed before it is stored, so a reentrant request (none is known:
/// substitution never asks for an underlying type) cannot deadlock.
pub(crate) fn expand_underlying(inst: TypeId) -> Option<TypeId> {
    let t = table();
    let n = t.named(inst)?;
    if let Some(&u) = n.underlying.get() {
        return Some(u);
    }
    let origin = n.origin?;
    let o = t.named(origin)?;
    let ou = *o.underlying.get()?;
    let tparams = o.tparams.get()?;
    let u = if tparams.len() != n.targs.len() || n.targs.iter().any(|&a| too_deep(a)) {
        t.invalid()
    } else {
        subst(ou, &SubstMap::new(tparams, &n.targs))
    };
    let _ = n.underlying.set(u);
    n.underlying.get().copied()
}

/// How deeply types may nest in an instance's type arguments before the
/// instance is taken to be one of an infinite chain and expands to the
/// invalid type. Types such as `type B[T any] interface{ B[*T] }` or
/// `type A[P any] [10]A[*P]` (invalid: the checker reports them) expand
/// `B[int]` to `interface{ B[*int] }`, whose expansion mentions
/// `B[**int]`, and so on: whoever walks through them (type sets, sizes)
/// would never stop. No valid program nests types this deeply.
const MAX_TARG_DEPTH: usize = 64;

/// Whether `t` nests more than [`MAX_TARG_DEPTH`] types deep (counting
/// through composite types and instances' arguments, never through a
/// named type's underlying type).
fn too_deep(t: TypeId) -> bool {
    fn depth(t: TypeId, limit: usize, memo: &mut HashMap<TypeId, usize>) -> usize {
        if limit == 0 {
            return 1;
        }
        if let Some(&d) = memo.get(&t) {
            return d;
        }
        let tt = table();
        let mut parts: Vec<TypeId> = Vec::new();
        match tt.get(t) {
            Type::Basic(_) | Type::TypeParam(_) | Type::Alias(_) => {}
            Type::Pointer(e) | Type::Slice(e) | Type::Array { elem: e, .. } | Type::Chan { elem: e, .. } => {
                parts.push(*e)
            }
            Type::Map { key, elem } => parts.extend([*key, *elem]),
            Type::Struct(fields) => parts.extend(fields.iter().map(|f| f.var.typ)),
            Type::Tuple(vars) => parts.extend(vars.iter().map(|v| v.typ)),
            Type::Signature { params, results, .. } => parts.extend(params.iter().chain(results.iter()).map(|v| v.typ)),
            Type::GenericFunc { sig, .. } => parts.push(*sig),
            Type::Interface { methods, embedded, .. } => {
                parts.extend(methods.iter().map(|m| m.sig));
                parts.extend(embedded.iter().copied());
            }
            Type::Union(terms) => parts.extend(terms.iter().map(|term| term.typ)),
            Type::Named(_) => parts.extend(tt.named(t).map(|n| n.targs.to_vec()).unwrap_or_default()),
        }
        let d = 1 + parts.into_iter().map(|x| depth(x, limit - 1, memo)).max().unwrap_or(0);
        memo.insert(t, d);
        d
    }
    depth(t, MAX_TARG_DEPTH + 1, &mut HashMap::default()) > MAX_TARG_DEPTH
}

/// Receiver type parameters of methods of generic types (the `U` of
/// `func (l *List[U]) Push(v U)`), recorded by the checker when it
/// declares the method.
static RECV_TPARAMS: LazyLock<DashMap<ObjId, Box<[TypeId]>>> = LazyLock::new(DashMap::default);

/// Signatures of methods of instances, computed once per (instance, method).
static INSTANCE_METHODS: LazyLock<DashMap<(TypeId, ObjId), TypeId>> = LazyLock::new(DashMap::default);

/// Records the receiver type parameters of method `method` (a `Func`
/// object whose receiver is a generic type), in the order of the
/// receiver's type parameter list. Recording again replaces.
pub fn set_method_recv_tparams(method: ObjId, tparams: Box<[TypeId]>) {
    RECV_TPARAMS.insert(method, tparams);
}

/// The receiver type parameters recorded for `method` (empty if none).
pub fn method_recv_tparams(method: ObjId) -> Box<[TypeId]> {
    RECV_TPARAMS.get(&method).map(|p| p.clone()).unwrap_or_default()
}

/// The signature of method `method` (declared on the origin of `inst`) as
/// a method of instance `inst`: the receiver type parameters replaced by
/// the instance's type arguments (types2's `expandMethod`; the receiver is
/// not part of our signatures). For a type that is not an instance, or
/// when the method's signature or receiver parameters are not known yet
/// or do not match the arguments in number (invalid code), the method's
/// signature as declared (or the invalid type if it has none yet); such
/// results are not remembered.
pub fn instance_method_sig(inst: TypeId, method: ObjId) -> TypeId {
    let t = table();
    let Some(sig) = object(method).typ.get() else { return t.invalid() };
    let Some(n) = t.named(t.unalias(inst)) else { return sig };
    if n.origin.is_none() {
        return sig;
    }
    if let Some(r) = INSTANCE_METHODS.get(&(inst, method)) {
        return *r;
    }
    let rtparams = method_recv_tparams(method);
    if rtparams.len() != n.targs.len() {
        return sig;
    }
    let r = subst(sig, &SubstMap::new(&rtparams, &n.targs));
    *INSTANCE_METHODS.entry((inst, method)).or_insert(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::{ObjKind, new_object};
    use crate::symbol::Symbol;
    use crate::types::{BasicKind, ChanDir, PkgId};
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

    fn var(name: Option<&str>, typ: TypeId) -> Var {
        Var { name: name.map(Symbol::intern), pkg: None, typ }
    }

    fn field(name: &str, typ: TypeId) -> Field {
        Field { var: var(Some(name), typ), embedded: false, tag: None }
    }

    /// `type name[params any] underlying`, with `underlying` built from the
    /// new type itself and its parameters.
    fn generic(name: &str, params: &[&str], underlying: impl FnOnce(TypeId, &[TypeId]) -> TypeId) -> TypeId {
        let t = table();
        let n = t.new_named(Symbol::intern(name), None);
        let tps: Vec<TypeId> = params.iter().enumerate().map(|(i, p)| tparam(p, i as u32)).collect();
        t.named(n).unwrap().tparams.set(tps.clone().into()).unwrap();
        t.named(n).unwrap().underlying.set(underlying(n, &tps)).unwrap();
        n
    }

    #[test]
    fn substitutes_every_composite_kind_and_keeps_unchanged_types() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let string = t.basic(BasicKind::String);
        let p = tparam("P", 0);
        let q = tparam("Q", 1);
        let m = SubstMap::new(&[p, q], &[int, string]);
        let cases: Vec<(TypeId, &str)> = vec![
            (t.intern(Type::Pointer(p)), "*int"),
            (t.intern(Type::Slice(p)), "[]int"),
            (t.intern(Type::Array { len: 3, elem: q }), "[3]string"),
            (t.intern(Type::Map { key: q, elem: t.intern(Type::Slice(p)) }), "map[string][]int"),
            (t.intern(Type::Chan { dir: ChanDir::RecvOnly, elem: p }), "<-chan int"),
            (t.intern(Type::Struct(vec![field("a", p), field("b", int)].into())), "struct{a int; b int}"),
            (
                t.intern(Type::Signature {
                    params: vec![var(Some("x"), p), var(Some("rest"), t.intern(Type::Slice(q)))].into(),
                    results: vec![var(None, q)].into(),
                    variadic: true,
                }),
                "func(x int, rest ...string) string",
            ),
            (
                t.intern(Type::Interface {
                    methods: vec![Method {
                        name: Symbol::intern("M"),
                        pkg: None,
                        sig: t.intern(Type::Signature {
                            params: vec![var(None, p)].into(),
                            results: Box::new([]),
                            variadic: false,
                        }),
                    }]
                    .into(),
                    embedded: vec![
                        t.intern(Type::Union(vec![Term { tilde: true, typ: q }, Term { tilde: false, typ: p }].into())),
                    ]
                    .into(),
                    implicit: false,
                }),
                "interface{M(int); ~string | int}",
            ),
        ];
        for (typ, want) in cases {
            let r = subst(typ, &m);
            assert_eq!(s(r), want);
            assert_ne!(r, typ);
            // Results are hash-consed: substituting again gives the same id.
            assert_eq!(subst(typ, &m), r);
        }
        // Nothing to substitute: the very same id.
        let closed = t.intern(Type::Map { key: string, elem: t.intern(Type::Slice(int)) });
        assert_eq!(subst(closed, &m), closed);
        let other = tparam("R", 0);
        let open = t.intern(Type::Slice(other));
        assert_eq!(subst(open, &m), open);
        assert_eq!(subst(p, &SubstMap::default()), p);
        // A partial map leaves the missing parameter alone.
        let pq = t.intern(Type::Map { key: p, elem: q });
        assert_eq!(s(subst(pq, &SubstMap::partial(&[p, q], &[None, Some(int)]))), "map[P]int");
    }

    #[test]
    fn instances_are_substituted_into_shared_instances_and_expanded_lazily() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        // type List[T any] struct { next *List[T]; val T }
        let list = generic("List", &["T"], |n, tps| {
            let self_inst = t.instance(n, vec![tps[0]].into());
            t.intern(Type::Struct(vec![field("next", t.intern(Type::Pointer(self_inst))), field("val", tps[0])].into()))
        });
        let tp = t.named(list).unwrap().tparams.get().unwrap()[0];
        let inner = t.instance(list, vec![tp].into());
        let li = subst(inner, &SubstMap::new(&[tp], &[int]));
        assert_eq!(li, t.instance(list, vec![int].into()), "one id per argument list");
        assert_eq!(s(li), "List[int]");
        // Expansion on demand through underlying().
        let u = t.underlying(li);
        assert_eq!(s(u), "struct{next *List[int]; val int}");
        assert_eq!(t.underlying(li), u, "expanded once");
        // The recursive field points back to the same instance.
        let Type::Struct(fields) = t.get(u) else { panic!("not a struct") };
        assert_eq!(t.get(fields[0].var.typ), &Type::Pointer(li));
        // An instance with a wrong argument count is invalid.
        let bad = t.instance(list, vec![int, int].into());
        assert_eq!(t.underlying(bad), t.invalid());
    }

    #[test]
    fn instance_of_a_type_whose_declaration_is_unfinished_is_not_expanded_yet() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let n = t.new_named(Symbol::intern("Later"), None);
        let p = tparam("P", 0);
        t.named(n).unwrap().tparams.set(vec![p].into()).unwrap();
        let inst = t.instance(n, vec![int].into());
        assert_eq!(t.underlying(inst), t.invalid());
        t.named(n).unwrap().underlying.set(t.intern(Type::Slice(p))).unwrap();
        assert_eq!(s(t.underlying(inst)), "[]int");
    }

    #[test]
    fn expansion_agrees_across_threads() {
        let t = table();
        let pair = generic("Pair", &["A", "B"], |_, tps| {
            t.intern(Type::Struct(vec![field("a", tps[0]), field("b", tps[1])].into()))
        });
        let inst = t.instance(pair, vec![t.basic(BasicKind::Int8), t.basic(BasicKind::Uint8)].into());
        let results: Vec<TypeId> =
            (0..4).map(|_| std::thread::spawn(move || table().underlying(inst))).map(|h| h.join().unwrap()).collect();
        assert!(results.windows(2).all(|w| w[0] == w[1]));
        assert_eq!(s(results[0]), "struct{a int8; b uint8}");
    }

    #[test]
    fn methods_of_instances_get_the_receiver_arguments() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let list = generic("Stack", &["T"], |_, tps| t.intern(Type::Slice(tps[0])));
        // func (l *Stack[U]) Push(v U) U — the receiver declares its own U.
        let u = tparam("U", 0);
        let sig = t.intern(Type::Signature {
            params: vec![var(Some("v"), u)].into(),
            results: vec![var(None, u)].into(),
            variadic: false,
        });
        let push = new_object(ObjKind::Func, Symbol::intern("Push"), None, None, Some(sig));
        t.named(list).unwrap().methods.lock().unwrap().push(push);
        set_method_recv_tparams(push, vec![u].into());
        let inst = t.instance(list, vec![int].into());
        assert_eq!(s(instance_method_sig(inst, push)), "func(v int) int");
        assert_eq!(instance_method_sig(inst, push), instance_method_sig(inst, push));
        // On the generic type itself: as declared.
        assert_eq!(instance_method_sig(list, push), sig);
        // Without recorded receiver parameters nothing can be substituted.
        let pop = new_object(ObjKind::Func, Symbol::intern("Pop"), None, None, Some(sig));
        assert_eq!(instance_method_sig(inst, pop), sig);
        assert!(method_recv_tparams(pop).is_empty());
    }

    #[test]
    fn generic_methods_get_fresh_type_parameters_when_their_constraints_change() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        // func (G[T]) M[P interface{ ~*T }](p P) T: instantiating G with int
        // makes M[P interface{ ~*int }](p P) int, with a new P.
        let tt = tparam("T", 0);
        let p = t.new_type_param(Symbol::intern("P"), 0);
        let bound = t.intern(Type::Interface {
            methods: Box::new([]),
            embedded: vec![t.intern(Type::Union(vec![Term { tilde: true, typ: t.intern(Type::Pointer(tt)) }].into()))]
                .into(),
            implicit: false,
        });
        t.type_param(p).unwrap().constraint.set(bound).unwrap();
        let sig = t.intern(Type::Signature {
            params: vec![var(Some("p"), p)].into(),
            results: vec![var(None, tt)].into(),
            variadic: false,
        });
        let generic = t.intern(Type::GenericFunc { tparams: vec![p].into(), sig });
        let r = subst(generic, &SubstMap::new(&[tt], &[int]));
        let Type::GenericFunc { tparams, sig: rsig } = t.get(r) else { panic!("not generic any more") };
        assert_ne!(tparams[0], p);
        assert_eq!(s(*t.type_param(tparams[0]).unwrap().constraint.get().unwrap()), "interface{~*int}");
        assert_eq!(s(*rsig), "func(p P) int");
        // A substitution that touches neither constraints nor signature
        // keeps the type; one that only touches the signature keeps P.
        assert_eq!(subst(generic, &SubstMap::new(&[tparam("U", 0)], &[int])), generic);
        let plain = t.intern(Type::GenericFunc { tparams: vec![tparam("Q", 0)].into(), sig });
        let Type::GenericFunc { tparams: kept, .. } = t.get(subst(plain, &SubstMap::new(&[tt], &[int]))) else {
            panic!("not generic any more")
        };
        assert_eq!(kept[0], t.type_param(kept[0]).map(|_| kept[0]).unwrap());
        // Substituting its own type parameters instantiates it.
        assert_eq!(
            s(subst(generic, &SubstMap::new(&[p, tt], &[t.intern(Type::Pointer(int)), int]))),
            "func(p *int) int"
        );
    }

    #[test]
    fn infinitely_expanding_instances_stop_expanding() {
        let t = table();
        // type B[T any] interface{ B[*T] }: B[int] → interface{B[*int]} → ...
        let b = generic("B", &["T"], |n, tps| {
            let inner = t.instance(n, vec![t.intern(Type::Pointer(tps[0]))].into());
            t.intern(Type::Interface { methods: Box::new([]), embedded: vec![inner].into(), implicit: false })
        });
        let mut inst = t.instance(b, vec![t.basic(BasicKind::Int)].into());
        let mut steps = 0;
        while let Type::Interface { embedded, .. } = t.get(t.underlying(inst)) {
            inst = embedded[0];
            steps += 1;
            assert!(steps < 1000, "expansion does not stop");
        }
        assert_eq!(t.underlying(inst), t.invalid());
        assert!(steps >= MAX_TARG_DEPTH - 1, "stopped early, after {steps}");
    }
}
