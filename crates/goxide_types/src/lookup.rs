//! Field and method lookup, method sets, and the "implements" relation
//! (types2's `lookup.go`, `errsupport.go`'s `lookupError`, the
//! `implements` part of `instantiate.go`, and go/types' `methodset.go`).
//!
//! Lookup is types2's breadth-first search over embedded fields: at each
//! depth every type is searched (declared methods of a named type first,
//! then the fields of its underlying struct or the methods of its
//! underlying interface); a name found twice at the same depth, or in a
//! type that appears more than once at that depth, is ambiguous; named
//! types already searched at a shallower depth are skipped (recursive
//! embeddings terminate). A method with a pointer receiver is found only
//! through a pointer on the path or on an addressable operand. Methods of
//! a named pointer type are never found. A type parameter has the methods
//! of its constraint's type set and no fields (go1.27 keeps types2's
//! field lookup through a core type disabled, go.dev/issue/51576).
//!
//! Methods declared on named types are `Func` objects whose signature has
//! no receiver; whether the receiver is a pointer is recorded here by the
//! checker when it collects a method ([`set_method_recv`]) and read by
//! [`method_has_ptr_recv`]. Methods of an instance are its origin's
//! objects; [`method_sig`] gives their signatures with the receiver's
//! type parameters replaced (`subst::instance_method_sig`).
//!
//! Causes are types2's texts word for word: "(missing method M)",
//! "(wrong type for method M)\n\t\thave M(int)\n\t\twant M()", "(method M
//! has pointer receiver)", "T does not satisfy comparable", "int does not
//! satisfy ~string (int missing in ~string)". Types print through the
//! caller's qualifier; term lists and `pkgInfo` signatures print with
//! package paths, as types2 does.
//!
//! Invariants: the receiver table is written once per method by the
//! checker of the method's package (before any lookup can find the
//! method); lookups never loop (seen named types, consolidated
//! duplicates).

use std::sync::LazyLock;

use crate::DashMap;

use crate::objects::object;
use crate::predicates::{comparable, identical, is_interface, is_interface_ptr, is_type_param};
use crate::symbol::Symbol;
use crate::typestring::{type_string, Qualifier};
use crate::typeset::{compare_methods, path_qualifier, same_id, term_list_string, type_set};
use crate::typeterm::Term;
use crate::types::{table, Method, ObjId, PkgId, Type, TypeId, Var};

static PTR_RECV: LazyLock<DashMap<ObjId, bool>> = LazyLock::new(DashMap::default);

/// Records whether method `obj` (a `Func` declared with a receiver) has a
/// pointer receiver `*T`. Called by the checker when it collects the
/// method, before the method can be looked up.
pub fn set_method_recv(obj: ObjId, ptr_recv: bool) {
    PTR_RECV.insert(obj, ptr_recv);
}

/// Whether method `obj` has a pointer receiver (false if unrecorded).
pub fn method_has_ptr_recv(obj: ObjId) -> bool {
    PTR_RECV.get(&obj).is_some_and(|p| *p)
}

/// The signature of method `m` found on named type `recv`: the method
/// object's type, with the receiver type parameters substituted for an
/// instance of a generic type. `None` while the method's type is not set
/// up (the checker declares the method first).
pub fn method_sig(recv: TypeId, m: ObjId) -> Option<TypeId> {
    let tt = table();
    let sig = object(m).typ.get()?;
    let recv = tt.unalias(recv);
    if tt.named(recv).is_some_and(|n| n.origin.is_some()) {
        return Some(crate::subst::instance_method_sig(recv, m));
    }
    Some(sig)
}

/// The result of [`lookup_field_or_method`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A struct field: the path of field indices (embedded fields first,
    /// the field last), its type, whether a pointer was followed.
    Field { path: Vec<usize>, typ: TypeId, indirect: bool },
    /// A method. `path`: embedded field indices, then the method's index
    /// (in the named type's declared methods, or in the interface's type
    /// set methods). `method`: the declared method's object (an
    /// instance's method is its origin's object), `None` for an interface
    /// method. `sig`: an interface method's signature, or a declared
    /// method's signature on an instance (receiver type parameters
    /// substituted) when the method's type is set up already; `None` for
    /// other declared methods (read the object's type, or [`method_sig`]
    /// after declaring the method). `recv`: the named type that declares
    /// the method, or the interface (type set owner) that has it.
    Method { path: Vec<usize>, method: Option<ObjId>, sig: Option<TypeId>, indirect: bool, recv: TypeId },
    /// The name appears more than once at the shallowest depth.
    Ambiguous,
    /// A method with a pointer receiver, on an operand that is neither a
    /// pointer nor addressable.
    PointerRecv,
    NotFound,
}

/// What the search found.
#[derive(Clone, Copy, Debug)]
enum Found {
    Field { typ: TypeId, name: Symbol, pkg: Option<PkgId> },
    Declared { obj: ObjId, recv: TypeId },
    Interface { iface: TypeId, name: Symbol, pkg: Option<PkgId>, sig: TypeId },
}

impl Found {
    fn name_and_pkg(self) -> (Symbol, Option<PkgId>) {
        match self {
            Found::Field { name, pkg, .. } | Found::Interface { name, pkg, .. } => (name, pkg),
            Found::Declared { obj, .. } => (object(obj).name, object(obj).pkg),
        }
    }
}

/// The raw outcome of a search (types2's `(obj, index, indirect)`).
#[derive(Debug, Default)]
struct Raw {
    found: Option<Found>,
    path: Vec<usize>,
    indirect: bool,
    /// Not found because of a collision at `path`'s depth.
    ambiguous: bool,
}

impl Raw {
    fn into_lookup(self) -> Lookup {
        match self.found {
            None if self.ambiguous => Lookup::Ambiguous,
            None if self.indirect => Lookup::PointerRecv,
            None => Lookup::NotFound,
            Some(Found::Field { typ, .. }) => Lookup::Field { path: self.path, typ, indirect: self.indirect },
            Some(Found::Declared { obj, recv }) => {
                let on_instance = table().named(recv).is_some_and(|n| n.origin.is_some());
                let sig = if on_instance { method_sig(recv, obj) } else { None };
                Lookup::Method { path: self.path, method: Some(obj), sig, indirect: self.indirect, recv }
            }
            Some(Found::Interface { iface, sig, .. }) => {
                Lookup::Method { path: self.path, method: None, sig: Some(sig), indirect: self.indirect, recv: iface }
            }
        }
    }
}

/// types2's `lookupFieldOrMethod`: the field or method `name` (of package
/// `pkg` when unexported) of a value of type `t`; `addressable`: the
/// value is an addressable variable; `fold_case`: match any
/// capitalisation in any package (for error hints).
pub fn lookup_field_or_method(t: TypeId, addressable: bool, pkg: Option<PkgId>, name: Symbol, fold_case: bool) -> Lookup {
    lookup_raw(t, addressable, pkg, name, fold_case).into_lookup()
}

fn lookup_raw(t: TypeId, addressable: bool, pkg: Option<PkgId>, name: Symbol, fold_case: bool) -> Raw {
    let tt = table();
    let ut = tt.unalias(t);
    if tt.named(ut).is_some() {
        let u = tt.underlying(ut);
        if matches!(tt.get(u), Type::Pointer(_)) {
            // Methods are never associated with a named pointer type.
            let r = lookup_impl(u, false, pkg, name, fold_case);
            if matches!(r.found, Some(Found::Declared { .. } | Found::Interface { .. })) {
                return Raw::default();
            }
            return r;
        }
    }
    lookup_impl(t, addressable, pkg, name, fold_case)
}

/// `t` without one pointer (types2's `deref`: a pointer type literal, not
/// a named pointer type).
fn deref(t: TypeId) -> (TypeId, bool) {
    let tt = table();
    match tt.get(tt.unalias(t)) {
        Type::Pointer(base) => (*base, true),
        _ => (t, false),
    }
}

/// An embedded type met during the search (types2's `embeddedType`).
#[derive(Clone, Debug)]
struct Embedded {
    typ: TypeId,
    path: Vec<usize>,
    indirect: bool,
    multiples: bool,
}

fn concat(path: &[usize], i: usize) -> Vec<usize> {
    let mut p = Vec::with_capacity(path.len() + 1);
    p.extend_from_slice(path);
    p.push(i);
    p
}

/// The declared methods of named type `t` (an instance's are its
/// origin's).
fn declared_methods(t: TypeId) -> Vec<ObjId> {
    let tt = table();
    let Some(n) = tt.named(t) else { return Vec::new() };
    let owner = n.origin.and_then(|o| tt.named(o)).unwrap_or(n);
    owner.methods.lock().map(|m| m.clone()).unwrap_or_default()
}

/// The first declared method of named type `t` (an instance's are its
/// origin's) that `matches`, with its index: [`declared_methods`]
/// without copying the list.
fn find_declared_method(t: TypeId, matches: impl Fn(ObjId) -> bool) -> Option<(usize, ObjId)> {
    let tt = table();
    let n = tt.named(t)?;
    let owner = n.origin.and_then(|o| tt.named(o)).unwrap_or(n);
    let methods = owner.methods.lock().unwrap_or_else(|e| e.into_inner());
    methods.iter().position(|&m| matches(m)).map(|i| (i, methods[i]))
}

/// Whether named type `t` was searched already (instances by identity).
fn seen_before(seen: &[TypeId], t: TypeId) -> bool {
    seen.iter().any(|&s| s == t || (table().named(t).is_some_and(|n| n.origin.is_some()) && identical(s, t)))
}

/// types2's `consolidateMultiples`: one entry per distinct type, marked
/// when it appeared more than once.
fn consolidate(list: Vec<Embedded>) -> Vec<Embedded> {
    let mut out: Vec<Embedded> = Vec::with_capacity(list.len());
    for e in list {
        if let Some(prev) = out.iter_mut().find(|p| p.typ == e.typ || identical(p.typ, e.typ)) {
            prev.multiples = true;
        } else {
            out.push(e);
        }
    }
    out
}

/// types2's `lookupFieldOrMethodImpl`.
fn lookup_impl(t: TypeId, addressable: bool, pkg: Option<PkgId>, name: Symbol, fold_case: bool) -> Raw {
    let tt = table();
    if name.is_blank() {
        return Raw::default();
    }
    let (typ, is_ptr) = deref(t);
    if is_ptr && is_interface(typ) {
        // *I where I is an interface (or a type parameter) has no methods.
        return Raw::default();
    }
    let mut current = vec![Embedded { typ, path: Vec::new(), indirect: is_ptr, multiples: false }];
    let mut seen: Vec<TypeId> = Vec::new();
    let mut r = Raw::default();
    while !current.is_empty() {
        let mut next = Vec::new();
        for e in &current {
            let typ = tt.unalias(e.typ);
            if tt.named(typ).is_some() {
                if seen_before(&seen, typ) {
                    continue;
                }
                seen.push(typ);
                let hit = find_declared_method(typ, |m| {
                    let o = object(m);
                    same_id(o.name, o.pkg, pkg, name, fold_case)
                });
                if let Some((i, method)) = hit {
                    r.path = concat(&e.path, i);
                    if r.found.is_some() || e.multiples {
                        return Raw { path: r.path, ambiguous: true, ..Raw::default() };
                    }
                    r.found = Some(Found::Declared { obj: method, recv: typ });
                    r.indirect = e.indirect;
                    continue;
                }
            }
            let u = tt.underlying(typ);
            match tt.get(u) {
                Type::Struct(fields) => {
                    for (i, f) in fields.iter().enumerate() {
                        let hit = f.var.name.is_some_and(|n| same_id(n, f.var.pkg, pkg, name, fold_case));
                        if hit {
                            r.path = concat(&e.path, i);
                            if r.found.is_some() || e.multiples {
                                return Raw { path: r.path, ambiguous: true, ..Raw::default() };
                            }
                            let fname = f.var.name.unwrap_or(name);
                            r.found = Some(Found::Field { typ: f.var.typ, name: fname, pkg: field_pkg(&f.var, typ) });
                            r.indirect = e.indirect;
                            continue;
                        }
                        if r.found.is_none() && f.embedded {
                            let (et, ptr) = deref(f.var.typ);
                            next.push(Embedded {
                                typ: et,
                                path: concat(&e.path, i),
                                indirect: e.indirect || ptr,
                                multiples: e.multiples,
                            });
                        }
                    }
                }
                Type::Interface { .. } => {
                    let ts = type_set(typ);
                    if let Some((i, m)) = ts.lookup_method(pkg, name, fold_case) {
                        r.path = concat(&e.path, i);
                        if r.found.is_some() || e.multiples {
                            return Raw { path: r.path, ambiguous: true, ..Raw::default() };
                        }
                        r.found = Some(Found::Interface { iface: typ, name: m.name, pkg: m.pkg, sig: m.sig });
                        r.indirect = e.indirect;
                    }
                }
                _ => {}
            }
        }
        if let Some(f) = r.found {
            if let Found::Declared { obj, .. } = f
                && method_has_ptr_recv(obj)
                && !r.indirect
                && !addressable
            {
                return Raw { indirect: true, ..Raw::default() };
            }
            return r;
        }
        current = consolidate(next);
    }
    Raw::default()
}

/// The package a field belongs to: an unexported field records it; an
/// exported one belongs to the package of the named type whose struct
/// declares it, when there is one.
fn field_pkg(v: &Var, owner: TypeId) -> Option<PkgId> {
    v.pkg.or_else(|| table().named(owner).and_then(|n| n.pkg))
}

/// Why selector `sel` was not found on a value of type `t`, for
/// "x.sel undefined (<why>)" (types2's `interfacePtrError` or
/// `lookupError` for a general selector); `pkg` is the package being
/// checked.
pub fn lookup_error(t: TypeId, sel: Symbol, pkg: Option<PkgId>, qf: Qualifier<'_>) -> String {
    lookup_error_in(t, false, sel, pkg, false, qf)
}

/// [`lookup_error`] with the operand's addressability, and the wording
/// for a struct literal's field keys when `struct_lit` (types2's
/// `lookupError` with `structLit`; the interface-pointer hint is not
/// given for struct literals).
pub fn lookup_error_in(t: TypeId, addressable: bool, sel: Symbol, pkg: Option<PkgId>, struct_lit: bool, qf: Qualifier<'_>) -> String {
    if !struct_lit && is_interface_ptr(t) {
        return interface_ptr_error(t, qf);
    }
    let alt = lookup_raw(t, addressable, pkg, sel, true).found;
    let ts = type_string(t, qf);
    let sel_s = sel.as_str();
    #[derive(PartialEq)]
    enum Case {
        Missing,
        Misspelled,
        Unexported,
        Inaccessible,
    }
    let mut case = Case::Missing;
    let mut alt_s = "";
    let mut what = "object";
    if let Some(f) = alt {
        let (aname, apkg) = f.name_and_pkg();
        alt_s = aname.as_str();
        what = match f {
            Found::Field { .. } => "field",
            Found::Declared { .. } | Found::Interface { .. } => "method",
        };
        let tail = |s: &str| s.chars().skip(1).collect::<String>();
        if apkg.is_some() && apkg == pkg {
            case = Case::Misspelled;
        } else if sel.is_exported() {
            if aname.is_exported() {
                case = Case::Misspelled;
            } else if tail(sel_s) == tail(alt_s) {
                case = Case::Unexported;
            }
        } else if aname.is_exported() {
            if tail(sel_s) == tail(alt_s) {
                case = Case::Misspelled;
            }
        } else if sel_s == alt_s {
            case = Case::Inaccessible;
        }
    }
    if struct_lit {
        return match case {
            Case::Missing => format!("unknown field {sel_s} in struct literal of type {ts}"),
            Case::Misspelled => format!("unknown field {sel_s} in struct literal of type {ts}, but does have {alt_s}"),
            Case::Unexported => {
                format!("unknown field {sel_s} in struct literal of type {ts}, but does have unexported {alt_s}")
            }
            Case::Inaccessible => format!("cannot refer to unexported field {alt_s} in struct literal of type {ts}"),
        };
    }
    match case {
        Case::Missing => format!("type {ts} has no field or method {sel_s}"),
        Case::Misspelled => format!("type {ts} has no field or method {sel_s}, but does have {what} {alt_s}"),
        Case::Unexported => format!("type {ts} has no field or method {sel_s}, but does have unexported {what} {alt_s}"),
        Case::Inaccessible => format!("cannot refer to unexported {what} {alt_s}"),
    }
}

/// [`lookup_error_in`] for a struct literal's field key.
pub fn lookup_error_lit(t: TypeId, sel: Symbol, pkg: Option<PkgId>, qf: Qualifier<'_>) -> String {
    lookup_error_in(t, false, sel, pkg, true, qf)
}

/// types2's `interfacePtrError` for a pointer to an interface or to a
/// type parameter.
pub fn interface_ptr_error(t: TypeId, qf: Qualifier<'_>) -> String {
    let tt = table();
    let ts = type_string(t, qf);
    match tt.get(tt.underlying(t)) {
        Type::Pointer(b) if is_type_param(*b) => format!("type {ts} is pointer to type parameter, not type parameter"),
        _ => format!("type {ts} is pointer to interface, not interface"),
    }
}

/// One method of a method set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodSetEntry {
    pub name: Symbol,
    /// The package of an unexported method name.
    pub pkg: Option<PkgId>,
    /// Embedded field indices, then the method's index in its named
    /// type's declared methods or its interface's type-set methods.
    pub path: Vec<usize>,
    /// A pointer was followed on the path.
    pub indirect: bool,
    /// The declared method (an instance's is its origin's object), or
    /// `None` for an interface method.
    pub method: Option<ObjId>,
    /// The named type declaring the method, or the interface having it.
    pub recv: TypeId,
    /// An interface method's signature (declared: see [`method_sig`]).
    pub sig: Option<TypeId>,
}

/// The method set of `t` (go/types' `NewMethodSet`): the methods callable
/// on a value of type `t` (promoted through embedded fields, with
/// collisions removed), sorted in types2's method order (exported first,
/// then by name, then by package path), which is also gc's order in
/// method tables. A method with a pointer receiver is in the set only if
/// a pointer was followed to reach it (so `*T`'s set has it, `T`'s not).
pub fn method_set(t: TypeId) -> Vec<MethodSetEntry> {
    let tt = table();
    let ut = tt.unalias(t);
    if tt.named(ut).is_some() && matches!(tt.get(tt.underlying(ut)), Type::Pointer(_)) {
        return Vec::new();
    }
    let (typ, is_ptr) = deref(t);
    if is_ptr && is_interface(typ) {
        return Vec::new();
    }
    // name identity -> entry, None for a collision
    type Set = Vec<((Symbol, Option<PkgId>), Option<MethodSetEntry>)>;
    let key = |name: Symbol, pkg: Option<PkgId>| (name, if name.is_exported() { None } else { pkg });
    let mut base: Set = Vec::new();
    let mut current = vec![Embedded { typ, path: Vec::new(), indirect: is_ptr, multiples: false }];
    let mut seen: Vec<TypeId> = Vec::new();
    while !current.is_empty() {
        let mut next = Vec::new();
        let mut fields: Vec<(Symbol, Option<PkgId>)> = Vec::new();
        let mut mset: Set = Vec::new();
        let add = |mset: &mut Set, entry: MethodSetEntry, ptr_recv: bool, multiples: bool| {
            let k = key(entry.name, entry.pkg);
            let pos = mset.iter().position(|(mk, _)| *mk == k);
            if !multiples && pos.is_none() && (entry.indirect || !ptr_recv) {
                mset.push((k, Some(entry)));
                return;
            }
            match pos {
                Some(i) => mset[i].1 = None,
                None => mset.push((k, None)),
            }
        };
        for e in &current {
            let typ = tt.unalias(e.typ);
            if tt.named(typ).is_some() {
                if seen_before(&seen, typ) {
                    continue;
                }
                seen.push(typ);
                for (i, m) in declared_methods(typ).into_iter().enumerate() {
                    let o = object(m);
                    let entry = MethodSetEntry {
                        name: o.name,
                        pkg: o.pkg,
                        path: concat(&e.path, i),
                        indirect: e.indirect,
                        method: Some(m),
                        recv: typ,
                        sig: None,
                    };
                    add(&mut mset, entry, method_has_ptr_recv(m), e.multiples);
                }
            }
            let u = tt.underlying(typ);
            match tt.get(u) {
                Type::Struct(fs) => {
                    for (i, f) in fs.iter().enumerate() {
                        if let Some(n) = f.var.name {
                            fields.push(key(n, f.var.pkg));
                        }
                        if f.embedded {
                            let (et, ptr) = deref(f.var.typ);
                            next.push(Embedded { typ: et, path: concat(&e.path, i), indirect: e.indirect || ptr, multiples: e.multiples });
                        }
                    }
                }
                Type::Interface { .. } => {
                    for (i, m) in type_set(typ).methods.iter().enumerate() {
                        let entry = MethodSetEntry {
                            name: m.name,
                            pkg: m.pkg,
                            path: concat(&e.path, i),
                            indirect: e.indirect,
                            method: None,
                            recv: typ,
                            sig: Some(m.sig),
                        };
                        add(&mut mset, entry, false, e.multiples);
                    }
                }
                _ => {}
            }
        }
        for (k, m) in mset {
            if !base.iter().any(|(bk, _)| *bk == k) {
                let m = if fields.contains(&k) { None } else { m };
                base.push((k, m));
            }
        }
        for k in fields {
            if !base.iter().any(|(bk, _)| *bk == k) {
                base.push((k, None));
            }
        }
        current = consolidate(next);
    }
    let mut list: Vec<MethodSetEntry> = base.into_iter().filter_map(|(_, m)| m).collect();
    let as_method = |e: &MethodSetEntry| Method { name: e.name, pkg: e.pkg, sig: tt.invalid() };
    list.sort_by(|a, b| compare_methods(&as_method(a), &as_method(b)));
    list
}

/// A method that keeps a type from implementing an interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingMethod {
    /// The interface's method.
    pub name: Symbol,
    pub pkg: Option<PkgId>,
    /// The method is there but has the wrong signature or a pointer
    /// receiver.
    pub wrong_type: bool,
    /// types2's parenthesised cause, e.g. "(missing method M)".
    pub cause: String,
}

/// types2's `missingMethod` with `Identical`: the first method of
/// interface `t` (in type-set order) that `v` lacks, or `None` if `v` has
/// them all. For an interface `v` without `static`, only methods present
/// in both must agree (a type assertion). A declared method whose
/// signature is not set up yet counts as matching.
pub fn missing_method(v: TypeId, t: TypeId, static_: bool, qf: Qualifier<'_>) -> Option<MissingMethod> {
    let tt = table();
    let methods = type_set(t).methods.clone();
    if methods.is_empty() {
        return None;
    }
    enum State {
        NotFound,
        WrongName(String),
        Unexported,
        WrongSig(Symbol, TypeId),
        Ambiguous,
        PtrRecv,
        Field,
    }
    let mut failure: Option<(Method, State)> = None;
    if matches!(tt.get(tt.underlying(v)), Type::Interface { .. }) {
        let vs = type_set(v);
        for m in &methods {
            match vs.lookup_method(m.pkg, m.name, false) {
                None => {
                    if static_ {
                        failure = Some((m.clone(), State::NotFound));
                        break;
                    }
                }
                Some((_, f)) => {
                    if !identical(f.sig, m.sig) {
                        failure = Some((m.clone(), State::WrongSig(f.name, f.sig)));
                        break;
                    }
                }
            }
        }
    } else {
        for m in &methods {
            let r = lookup_impl(v, false, m.pkg, m.name, false);
            let Some(found) = r.found else {
                let state = if r.ambiguous {
                    State::Ambiguous
                } else if r.indirect {
                    State::PtrRecv
                } else {
                    match lookup_impl(v, false, m.pkg, m.name, true).found {
                        Some(Found::Declared { obj, recv }) => {
                            if object(obj).name == m.name {
                                State::Unexported
                            } else {
                                let sig = method_sig(recv, obj).unwrap_or(tt.invalid());
                                State::WrongName(func_string(object(obj).name, sig, false, qf))
                            }
                        }
                        Some(Found::Interface { name, sig, .. }) => {
                            if name == m.name {
                                State::Unexported
                            } else {
                                State::WrongName(func_string(name, sig, false, qf))
                            }
                        }
                        _ => State::NotFound,
                    }
                };
                failure = Some((m.clone(), state));
                break;
            };
            let (fname, fsig) = match found {
                Found::Field { .. } => {
                    failure = Some((m.clone(), State::Field));
                    break;
                }
                Found::Declared { obj, recv } => (object(obj).name, method_sig(recv, obj)),
                Found::Interface { name, sig, .. } => (name, Some(sig)),
            };
            if let Some(fsig) = fsig
                && !identical(fsig, m.sig)
            {
                failure = Some((m.clone(), State::WrongSig(fname, fsig)));
                break;
            }
        }
    }
    let (m, state) = failure?;
    let mname = m.name.as_str();
    let wrong_type = matches!(state, State::WrongSig(..) | State::PtrRecv);
    let cause = match state {
        State::NotFound => {
            if is_interface_ptr(v) {
                format!("({})", interface_ptr_error(v, qf))
            } else if is_interface_ptr(t) {
                format!("({})", interface_ptr_error(t, qf))
            } else {
                format!("(missing method {mname})")
            }
        }
        State::WrongName(fs) => {
            let ms = func_string(m.name, m.sig, false, qf);
            format!("(missing method {mname})\n\t\thave {fs}\n\t\twant {ms}")
        }
        State::Unexported => format!("(unexported method {mname})"),
        State::WrongSig(fname, fsig) => {
            let (mut fs, mut ms) = (func_string(fname, fsig, false, qf), func_string(m.name, m.sig, false, qf));
            if fs == ms {
                fs = func_string(fname, fsig, true, qf);
                ms = func_string(m.name, m.sig, true, qf);
            }
            if fs == ms {
                format!("(wrong type for method {mname})")
            } else {
                format!("(wrong type for method {mname})\n\t\thave {fs}\n\t\twant {ms}")
            }
        }
        State::Ambiguous => format!("(ambiguous selector {}.{mname})", type_string(v, qf)),
        State::PtrRecv => format!("(method {mname} has pointer receiver)"),
        State::Field => format!("({}.{mname} is a field, not a method)", type_string(v, qf)),
    };
    Some(MissingMethod { name: m.name, pkg: m.pkg, wrong_type, cause })
}

/// types2's `funcString`: the name and the signature without parameter
/// names; with `pkg_info`, types are qualified by package path (types2's
/// nil qualifier) to tell apart types that print alike.
pub fn func_string(name: Symbol, sig: TypeId, pkg_info: bool, qf: Qualifier<'_>) -> String {
    let tt = table();
    let qf: Qualifier<'_> = if pkg_info { &path_qualifier } else { qf };
    // A generic method: `m[P any](P) P`.
    let (tparams, sig) = match tt.get(sig) {
        Type::GenericFunc { tparams, sig } => (tparam_list_string(tparams, qf), *sig),
        _ => (String::new(), sig),
    };
    let Type::Signature { params, results, variadic } = tt.get(sig) else {
        return format!("{name}{tparams}{}", type_string(sig, qf).trim_start_matches("func"));
    };
    let one = |v: &Var, dots: bool| -> String {
        match (dots, tt.get(v.typ)) {
            (true, Type::Slice(e)) => format!("...{}", type_string(*e, qf)),
            (true, _) => format!("{}...", type_string(v.typ, qf)),
            _ => type_string(v.typ, qf),
        }
    };
    let list = |vars: &[Var], variadic: bool| -> String {
        let n = vars.len();
        vars.iter().enumerate().map(|(i, v)| one(v, variadic && i + 1 == n)).collect::<Vec<_>>().join(", ")
    };
    let mut s = format!("{name}{tparams}({})", list(params, *variadic));
    match results.len() {
        0 => {}
        1 if results[0].name.is_none() => {
            s.push(' ');
            s.push_str(&type_string(results[0].typ, qf));
        }
        _ => {
            s.push_str(" (");
            s.push_str(&list(results, false));
            s.push(')');
        }
    }
    s
}

/// A type parameter list as types2's `tParamList` prints it: `[P, Q any,
/// R ~int]` (consecutive parameters with the same constraint share it).
fn tparam_list_string(list: &[TypeId], qf: Qualifier<'_>) -> String {
    let tt = table();
    let mut s = String::from("[");
    let mut prev: Option<TypeId> = None;
    for (i, &p) in list.iter().enumerate() {
        let bound = tt.type_param(p).and_then(|d| d.constraint.get().copied());
        if i > 0 {
            if bound != prev
                && let Some(b) = prev
            {
                s.push(' ');
                s.push_str(&type_string(b, qf));
            }
            s.push_str(", ");
        }
        prev = bound;
        s.push_str(&type_string(p, qf));
    }
    if let Some(b) = prev {
        s.push(' ');
        s.push_str(&type_string(b, qf));
    }
    s.push(']');
    s
}

/// types2's `hasAllMethods`: `v` has all methods of interface `t`, or `v`
/// is invalid, or it has embedded fields of invalid type (which might
/// have had the method). The cause when not.
fn has_all_methods(v: TypeId, t: TypeId, static_: bool, qf: Qualifier<'_>) -> Result<(), String> {
    if !crate::predicates::is_valid(v) {
        return Ok(());
    }
    match missing_method(v, t, static_, qf) {
        None => Ok(()),
        Some(_) if has_invalid_embedded_fields(v, &mut Vec::new()) => Ok(()),
        Some(m) => Err(m.cause),
    }
}

/// Whether `t` is a struct or pointer to struct with (transitively)
/// embedded fields of invalid type.
fn has_invalid_embedded_fields(t: TypeId, seen: &mut Vec<TypeId>) -> bool {
    let tt = table();
    let mut s = tt.underlying(t);
    if let Type::Pointer(b) = tt.get(s)
        && matches!(tt.get(tt.underlying(*b)), Type::Struct(_))
    {
        s = tt.underlying(*b);
    }
    let Type::Struct(fields) = tt.get(s) else { return false };
    if seen.contains(&s) {
        return false;
    }
    seen.push(s);
    fields
        .iter()
        .any(|f| f.embedded && (!crate::predicates::is_valid(f.var.typ) || has_invalid_embedded_fields(f.var.typ, seen)))
}

/// types2's `implements`: whether `v` implements interface `t` (with
/// `constraint`, satisfies constraint `t`), or the cause in types2's
/// words ("T does not implement I (missing method M)", "int does not
/// satisfy ~string (int missing in ~string)", ...). Invalid types
/// implement everything (no follow-on errors). Comparability as from
/// go1.20 on.
pub fn implements(v: TypeId, t: TypeId, constraint: bool, qf: Qualifier<'_>) -> Result<(), String> {
    implements_at(v, t, constraint, true, qf)
}

/// [`implements`] for a language version: before go1.20 (`go1_20`
/// false), a type that is comparable only by the spec's rules (an
/// interface) does not satisfy `comparable`.
pub fn implements_at(v: TypeId, t: TypeId, constraint: bool, go1_20: bool, qf: Qualifier<'_>) -> Result<(), String> {
    let tt = table();
    let (vu, tu) = (tt.underlying(v), tt.underlying(t));
    if vu == tt.invalid() || tu == tt.invalid() {
        return Ok(());
    }
    if let Type::Pointer(b) = tt.get(vu)
        && tt.underlying(*b) == tt.invalid()
    {
        return Ok(());
    }
    let verb = if constraint { "satisfy" } else { "implement" };
    let (vs, ts) = (type_string(v, qf), type_string(t, qf));
    // A constraint that is not an interface (`[P int]`, `[P ~int | string]`)
    // stands for the implicit interface embedding it, which prints as the
    // constraint itself (types2's `TypeParam.iface`).
    let (t, tu) = if constraint && !matches!(tt.get(tu), Type::Interface { .. }) {
        let implicit = tt.intern(Type::Interface { methods: Box::new([]), embedded: Box::new([t]), implicit: true });
        (implicit, implicit)
    } else {
        (t, tu)
    };
    if !matches!(tt.get(tu), Type::Interface { .. }) {
        let detail = if is_interface_ptr(tu) { interface_ptr_error(t, qf) } else { format!("{ts} is not an interface") };
        return Err(format!("{vs} does not {verb} {ts} ({detail})"));
    }
    let tset = type_set(t);
    if tset.is_all() {
        return Ok(());
    }
    // A type parameter counts as its constraint's (maybe implicit) interface.
    let v_iface = matches!(tt.get(vu), Type::Interface { .. }) || is_type_param(v);
    let vset = if v_iface { Some(type_set(v)) } else { None };
    if vset.as_ref().is_some_and(|s| s.is_empty()) {
        return Ok(());
    }
    if tset.is_empty() {
        return Err(format!("cannot {verb} {ts} (empty type set)"));
    }
    if let Err(cause) = has_all_methods(v, t, true, qf) {
        return Err(format!("{vs} does not {verb} {ts} {cause}"));
    }
    let check_comparability = || -> Result<(), String> {
        if !tset.is_comparable() {
            return Ok(());
        }
        if comparable(v, false).is_ok() {
            return Ok(());
        }
        if constraint && comparable(v, true).is_ok() {
            if go1_20 {
                return Ok(());
            }
            return Err(format!("{vs} to {verb} comparable requires go1.20 or later"));
        }
        Err(format!("{vs} does not {verb} comparable"))
    };
    if !tset.has_terms() {
        return check_comparability();
    }
    if let Some(vset) = vset {
        if !vset.subset_of(&tset) {
            return Err(format!("{vs} does not {verb} {ts}"));
        }
        return check_comparability();
    }
    let mut alt: Option<TypeId> = None;
    let missing = tset.is(&mut |term| {
        let Some((tilde, typ)) = term else { return true };
        if (Term::Type { tilde, typ }).includes(v) {
            return false;
        }
        if alt.is_none() && !tilde && identical(typ, tt.underlying(typ)) && (Term::Type { tilde: true, typ }).includes(v) {
            alt = Some(typ);
        }
        true
    });
    if missing {
        let detail = if let Some(a) = alt {
            format!("possibly missing ~ for {} in {ts}", type_string(a, qf))
        } else if mentions(tu, v) {
            format!("{ts} mentions {vs}, but {vs} is not in the type set of {ts}")
        } else {
            format!("{vs} missing in {}", term_list_string(&tset.terms))
        };
        return Err(format!("{vs} does not {verb} {ts} ({detail})"));
    }
    check_comparability()
}

/// Whether interface or union `t` mentions `typ` among its elements or
/// terms, looking into embedded interface and union literals but not
/// into named types (types2's `mentions`).
fn mentions(t: TypeId, typ: TypeId) -> bool {
    let tt = table();
    match tt.get(t) {
        Type::Interface { embedded, .. } => embedded.iter().any(|&e| mentions(e, typ)),
        Type::Union(terms) => terms.iter().any(|term| mentions(term.typ, typ)),
        _ => identical(t, typ),
    }
}

/// types2's `assertableTo`: whether a value of interface type `v` can be
/// asserted to have type `t` (always when `t` is an interface; otherwise
/// `t` must have `v`'s methods), or the parenthesised cause.
pub fn assertable_to(v: TypeId, t: TypeId, qf: Qualifier<'_>) -> Result<(), String> {
    if is_interface(t) {
        return Ok(());
    }
    has_all_methods(t, v, false, qf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::{new_object, ObjKind};
    use crate::types::{BasicKind, Field};
    use crate::universe::universe;

    fn sym(s: &str) -> Symbol {
        Symbol::intern(s)
    }
    fn basic(k: BasicKind) -> TypeId {
        table().basic(k)
    }
    fn sig(params: &[TypeId], results: &[TypeId]) -> TypeId {
        let v = |t: &TypeId| Var { name: None, pkg: None, typ: *t };
        table().intern(Type::Signature {
            params: params.iter().map(v).collect(),
            results: results.iter().map(v).collect(),
            variadic: false,
        })
    }
    fn iface(methods: Vec<Method>, embedded: Vec<TypeId>) -> TypeId {
        table().intern(Type::Interface { methods: methods.into(), embedded: embedded.into(), implicit: false })
    }
    fn imethod(name: &str, pkg: Option<PkgId>, sig: TypeId) -> Method {
        Method { name: sym(name), pkg: if sym(name).is_exported() { None } else { pkg }, sig }
    }
    fn named(name: &str, pkg: PkgId, under: TypeId) -> TypeId {
        let t = table().new_named(sym(name), Some(pkg));
        table().named(t).unwrap().underlying.set(under).unwrap();
        t
    }
    /// Declares method `name` on named type `recv`.
    fn declare(recv: TypeId, pkg: PkgId, name: &str, sig: TypeId, ptr: bool) -> ObjId {
        let m = new_object(ObjKind::Func, sym(name), Some(pkg), None, Some(sig));
        set_method_recv(m, ptr);
        table().named(recv).unwrap().methods.lock().unwrap().push(m);
        m
    }
    fn field(name: &str, pkg: PkgId, typ: TypeId, embedded: bool) -> Field {
        let n = sym(name);
        Field { var: Var { name: Some(n), pkg: if n.is_exported() { None } else { Some(pkg) }, typ }, embedded, tag: None }
    }
    fn strukt(fields: Vec<Field>) -> TypeId {
        table().intern(Type::Struct(fields.into()))
    }
    fn ptr(t: TypeId) -> TypeId {
        table().intern(Type::Pointer(t))
    }
    fn qf_for(p: PkgId) -> impl Fn(PkgId) -> String {
        move |q: PkgId| if q == p { String::new() } else { crate::package::info(q).name.as_str().to_string() }
    }
    fn union(terms: &[(bool, TypeId)]) -> TypeId {
        table().intern(Type::Union(terms.iter().map(|&(tilde, typ)| crate::types::Term { tilde, typ }).collect()))
    }

    #[test]
    fn fields_methods_paths_and_pointer_receivers() {
        let p = crate::package::register("example.com/lk1", "lk1");
        let int = basic(BasicKind::Int);
        // type Inner struct{ x int }; func (*Inner) M(); func (Inner) V()
        let inner = named("Inner", p, strukt(vec![field("x", p, int, false)]));
        let m = declare(inner, p, "M", sig(&[], &[]), true);
        let v = declare(inner, p, "V", sig(&[], &[int]), false);
        // type Outer struct{ a int; Inner }
        let outer = named("Outer", p, strukt(vec![field("a", p, int, false), field("Inner", p, inner, true)]));
        let look = |t, addr, name| lookup_field_or_method(t, addr, Some(p), sym(name), false);
        assert_eq!(look(outer, false, "x"), Lookup::Field { path: vec![1, 0], typ: int, indirect: false });
        assert_eq!(look(ptr(outer), false, "x"), Lookup::Field { path: vec![1, 0], typ: int, indirect: true });
        assert_eq!(
            look(outer, false, "V"),
            Lookup::Method { path: vec![1, 1], method: Some(v), sig: None, indirect: false, recv: inner }
        );
        assert_eq!(look(outer, false, "M"), Lookup::PointerRecv);
        assert!(matches!(look(outer, true, "M"), Lookup::Method { method: Some(x), .. } if x == m));
        assert!(matches!(look(ptr(outer), false, "M"), Lookup::Method { indirect: true, .. }));
        assert_eq!(look(outer, false, "nope"), Lookup::NotFound);
        assert_eq!(look(outer, false, "_"), Lookup::NotFound);
        // Unexported names of another package are not found.
        let q = crate::package::register("example.com/lk1other", "other");
        assert_eq!(lookup_field_or_method(outer, false, Some(q), sym("x"), false), Lookup::NotFound);
        // Method sets: T has V, *T has M and V.
        let names = |t| method_set(t).iter().map(|e| e.name.as_str().to_string()).collect::<Vec<_>>();
        assert_eq!(names(outer), ["V"]);
        assert_eq!(names(ptr(outer)), ["M", "V"]);
        assert_eq!(method_set(ptr(outer))[0].path, vec![1, 0]);
        // A named pointer type has no methods, but has the fields.
        let np = named("NP", p, ptr(outer));
        assert_eq!(look(np, false, "V"), Lookup::NotFound);
        assert!(matches!(look(np, false, "a"), Lookup::Field { indirect: true, .. }));
        assert!(method_set(np).is_empty());
    }

    #[test]
    fn ambiguity_and_shadowing() {
        let p = crate::package::register("example.com/lk2", "lk2");
        let int = basic(BasicKind::Int);
        let a = named("A", p, strukt(vec![field("F", p, int, false)]));
        let b = named("B", p, strukt(vec![field("F", p, int, false)]));
        let both = named("Both", p, strukt(vec![field("A", p, a, true), field("B", p, b, true)]));
        assert_eq!(lookup_field_or_method(both, false, Some(p), sym("F"), false), Lookup::Ambiguous);
        // A shallower F shadows the ambiguous deeper ones.
        let shadow = named("Shadow", p, strukt(vec![field("Both", p, both, true), field("F", p, basic(BasicKind::String), false)]));
        assert!(matches!(
            lookup_field_or_method(shadow, false, Some(p), sym("F"), false),
            Lookup::Field { path, .. } if path == vec![1]
        ));
        // The same type embedded twice (directly and through a pointer).
        let twice = named("Twice", p, strukt(vec![field("A", p, a, true), field("X", p, named("X", p, strukt(vec![field("A", p, a, true)])), true)]));
        assert!(matches!(lookup_field_or_method(twice, false, Some(p), sym("F"), false), Lookup::Field { path, .. } if path == vec![0, 0]));
        // Recursive embedding terminates.
        let rec = table().new_named(sym("Rec"), Some(p));
        table().named(rec).unwrap().underlying.set(strukt(vec![field("Rec", p, ptr(rec), true)])).unwrap();
        assert_eq!(lookup_field_or_method(rec, false, Some(p), sym("zz"), false), Lookup::NotFound);
        assert_eq!(method_set(rec), vec![]);
        // Method-set collisions drop the method.
        let ma = named("MA", p, strukt(vec![]));
        let mb = named("MB", p, strukt(vec![]));
        declare(ma, p, "Do", sig(&[], &[]), false);
        declare(mb, p, "Do", sig(&[], &[]), false);
        declare(mb, p, "Only", sig(&[], &[]), false);
        let mab = named("MAB", p, strukt(vec![field("MA", p, ma, true), field("MB", p, mb, true)]));
        let names: Vec<_> = method_set(mab).iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Only"]);
    }

    #[test]
    fn interface_methods_and_type_parameters() {
        let p = crate::package::register("example.com/lk3", "lk3");
        let err = universe().error;
        let r = lookup_field_or_method(err, false, Some(p), sym("Error"), false);
        let Lookup::Method { path, method: None, sig: Some(s), .. } = r else { panic!("{r:?}") };
        assert_eq!(path, vec![0]);
        assert_eq!(type_string(s, &|_| String::new()), "func() string");
        // *error has no methods; the cause names the pointer.
        assert_eq!(lookup_field_or_method(ptr(err), false, Some(p), sym("Error"), false), Lookup::NotFound);
        assert_eq!(lookup_error(ptr(err), sym("Error"), Some(p), &|_| String::new()), "type *error is pointer to interface, not interface");
        // A type parameter has its constraint's methods.
        let tp = table().new_type_param(sym("P"), 0);
        table().type_param(tp).unwrap().constraint.set(iface(vec![], vec![err])).unwrap();
        assert!(matches!(lookup_field_or_method(tp, false, Some(p), sym("Error"), false), Lookup::Method { method: None, .. }));
        assert_eq!(lookup_error(ptr(tp), sym("Error"), Some(p), &|_| String::new()), "type *P is pointer to type parameter, not type parameter");
        let ms = method_set(err);
        assert_eq!(ms.len(), 1);
        assert!(ms[0].method.is_none() && ms[0].sig.is_some());
    }

    #[test]
    fn lookup_errors_in_types2_words() {
        let p = crate::package::register("example.com/lk4", "lk4");
        let q = crate::package::register("example.com/lk4q", "q");
        let int = basic(BasicKind::Int);
        let t = named("T", p, strukt(vec![field("Foo", p, int, false), field("bar", p, int, false)]));
        declare(t, p, "Meth", sig(&[], &[]), false);
        let qf = qf_for(p);
        let e = |name: &str, pkg| lookup_error(t, sym(name), Some(pkg), &qf);
        assert_eq!(e("foo", p), "type T has no field or method foo, but does have field Foo");
        assert_eq!(e("meth", p), "type T has no field or method meth, but does have method Meth");
        assert_eq!(e("zap", p), "type T has no field or method zap");
        assert_eq!(e("Bar", q), "type T has no field or method Bar, but does have unexported field bar");
        let qq = qf_for(q);
        assert_eq!(lookup_error(t, sym("Bar"), Some(q), &qq), "type lk4.T has no field or method Bar, but does have unexported field bar");
        assert_eq!(e("bar", q), "cannot refer to unexported field bar");
        assert_eq!(
            lookup_error_in(t, false, sym("bar"), Some(q), true, &qq),
            "cannot refer to unexported field bar in struct literal of type lk4.T"
        );
        assert_eq!(lookup_error_in(t, false, sym("zap"), Some(p), true, &qf), "unknown field zap in struct literal of type T");
    }

    #[test]
    fn missing_methods_and_implements() {
        let p = crate::package::register("example.com/lk5", "lk5");
        let qf = qf_for(p);
        let int = basic(BasicKind::Int);
        let m0 = sig(&[], &[]);
        let m1 = sig(&[int], &[]);
        // type I interface{ M() }
        let i = named("I", p, iface(vec![imethod("M", Some(p), m0)], vec![]));
        let t = named("T", p, strukt(vec![]));
        assert_eq!(implements(t, i, false, &qf), Err("T does not implement I (missing method M)".to_string()));
        declare(t, p, "M", m1, false);
        assert_eq!(
            implements(t, i, false, &qf),
            Err("T does not implement I (wrong type for method M)\n\t\thave M(int)\n\t\twant M()".to_string())
        );
        let u = named("U", p, strukt(vec![]));
        declare(u, p, "M", m0, true);
        assert_eq!(implements(u, i, false, &qf), Err("U does not implement I (method M has pointer receiver)".to_string()));
        assert_eq!(implements(ptr(u), i, false, &qf), Ok(()));
        let w = named("W", p, strukt(vec![]));
        declare(w, p, "m", m0, false);
        assert_eq!(
            implements(w, i, false, &qf),
            Err("W does not implement I (missing method M)\n\t\thave m()\n\t\twant M()".to_string())
        );
        let f = named("F", p, strukt(vec![field("M", p, int, false)]));
        assert_eq!(implements(f, i, false, &qf), Err("F does not implement I (F.M is a field, not a method)".to_string()));
        let pi = ptr(i);
        assert_eq!(implements(t, pi, false, &qf), Err("T does not implement *I (type *I is pointer to interface, not interface)".to_string()));
        // Interfaces: static implements needs all methods.
        let j = iface(vec![imethod("M", Some(p), m0), imethod("N", Some(p), m0)], vec![]);
        assert_eq!(implements(j, i, false, &qf), Ok(()));
        assert!(implements(i, j, false, &qf).unwrap_err().ends_with("(missing method N)"));
        // Type assertions only check methods both have.
        assert_eq!(assertable_to(j, t, &qf), Err("(wrong type for method M)\n\t\thave M(int)\n\t\twant M()".to_string()));
        assert_eq!(assertable_to(i, ptr(u), &qf), Ok(()));
        assert_eq!(assertable_to(i, u, &qf), Err("(method M has pointer receiver)".to_string()));
        assert_eq!(assertable_to(i, t, &qf), Err("(wrong type for method M)\n\t\thave M(int)\n\t\twant M()".to_string()));
        assert_eq!(assertable_to(i, universe().error, &qf), Ok(()));
        // Equal-looking signatures print with package paths.
        let q = crate::package::register("example.com/lk5q", "lk5");
        let tq = named("X", q, strukt(vec![]));
        let tp = named("X", p, strukt(vec![]));
        let k = named("K", p, iface(vec![imethod("M", Some(p), sig(&[tp], &[]))], vec![]));
        let v = named("V", p, strukt(vec![]));
        declare(v, p, "M", sig(&[tq], &[]), false);
        // Generic methods print their type parameters.
        let tpp = table().new_type_param(sym("P"), 0);
        table().type_param(tpp).unwrap().constraint.set(universe().any).unwrap();
        let gsig = table().intern(Type::GenericFunc { tparams: vec![tpp].into(), sig: sig(&[tpp], &[tpp]) });
        assert_eq!(func_string(sym("m"), gsig, false, &qf), "m[P any](P) P");
        let gm = named("G", p, strukt(vec![]));
        declare(gm, p, "M", gsig, false);
        assert_eq!(
            implements(gm, i, false, &qf),
            Err("G does not implement I (wrong type for method M)\n\t\thave M[P any](P) P\n\t\twant M()".to_string())
        );
        let qf2 = |_: PkgId| "lk5".to_string();
        assert_eq!(
            implements(v, k, false, &qf2),
            Err("lk5.V does not implement lk5.K (wrong type for method M)\n\t\thave M(example.com/lk5q.X)\n\t\twant M(example.com/lk5.X)".to_string())
        );
    }

    #[test]
    fn constraint_satisfaction() {
        let p = crate::package::register("p", "p");
        let qf = qf_for(p);
        let int = basic(BasicKind::Int);
        let string = basic(BasicKind::String);
        let my_int = named("myInt", p, int);
        let cmp = universe().comparable;
        let slice = table().intern(Type::Slice(int));
        assert_eq!(implements(int, cmp, true, &qf), Ok(()));
        assert_eq!(implements(slice, cmp, true, &qf), Err("[]int does not satisfy comparable".to_string()));
        assert_eq!(implements(universe().any, cmp, true, &qf), Ok(()), "spec comparability for constraints");
        assert_eq!(implements(universe().any, cmp, false, &qf), Err("any does not implement comparable".to_string()));
        assert_eq!(
            implements_at(universe().any, cmp, true, false, &qf),
            Err("any to satisfy comparable requires go1.20 or later".to_string()),
            "before go1.20"
        );
        // int | string
        let c1 = iface(vec![], vec![union(&[(false, int), (false, string)])]);
        assert_eq!(implements(my_int, c1, true, &qf), Err("myInt does not satisfy interface{int | string} (possibly missing ~ for int in interface{int | string})".to_string()));
        assert_eq!(implements(int, c1, true, &qf), Ok(()));
        let f64 = basic(BasicKind::Float64);
        assert_eq!(implements(f64, c1, true, &qf), Err("float64 does not satisfy interface{int | string} (float64 missing in int | string)".to_string()));
        // type number interface{ int | float64 } with a named slice term
        let l = named("L", p, slice);
        let sl = table().intern(Type::Slice(l));
        let c2 = iface(vec![], vec![sl]);
        let chans = table().intern(Type::Slice(table().intern(Type::Chan { dir: crate::types::ChanDir::SendRecv, elem: int })));
        assert_eq!(implements(chans, c2, true, &qf), Err("[]chan int does not satisfy interface{[]L} ([]chan int missing in []p.L)".to_string()));
        let number = named("number", p, iface(vec![], vec![union(&[(false, int), (false, f64)]), union(&[(false, f64), (false, string)])]));
        assert_eq!(
            implements(int, number, true, &qf),
            Err("int does not satisfy number (number mentions int, but int is not in the type set of number)".to_string())
        );
        let empty = iface(vec![], vec![int, string]);
        assert_eq!(implements(int, empty, true, &qf), Err("cannot satisfy interface{int; string} (empty type set)".to_string()));
        // An interface with an empty type set satisfies everything.
        assert_eq!(implements(empty, c1, true, &qf), Ok(()));
        // Interfaces with terms: subset.
        let only_int = iface(vec![], vec![int]);
        assert_eq!(implements(only_int, c1, true, &qf), Ok(()));
        assert_eq!(implements(c1, only_int, true, &qf), Err("interface{int | string} does not satisfy interface{int}".to_string()));
        // Constraints that are not interfaces are implicit interfaces.
        assert_eq!(implements(string, int, true, &qf), Err("string does not satisfy int (string missing in int)".to_string()));
        let tilde_int = union(&[(true, int)]);
        assert_eq!(implements(my_int, tilde_int, true, &qf), Ok(()));
        assert_eq!(implements(string, tilde_int, true, &qf), Err("string does not satisfy ~int (string missing in ~int)".to_string()));
        assert_eq!(implements(string, int, false, &qf), Err("string does not implement int (int is not an interface)".to_string()));
        let bare = table().new_type_param(sym("B"), 0);
        table().type_param(bare).unwrap().constraint.set(union(&[(true, int), (false, string)])).unwrap();
        assert!(crate::predicates::all_ordered(bare) && !crate::predicates::all_numeric(bare));
        // A type parameter with such a constraint satisfies by its type set.
        let q = table().new_type_param(sym("Q"), 1);
        table().type_param(q).unwrap().constraint.set(int).unwrap();
        assert_eq!(implements(q, int, true, &qf), Ok(()));
        assert_eq!(implements(bare, int, true, &qf), Err("B does not satisfy int".to_string()));
        // Invalid types satisfy everything.
        assert_eq!(implements(table().invalid(), c1, true, &qf), Ok(()));
    }
}
