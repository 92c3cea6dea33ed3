//! Field and method lookup (types2's `lookup.go`, first cut): breadth-
//! first search through embedded fields by depth, ambiguity at one depth,
//! methods of named types and interfaces, pointer receivers, and the
//! method-set checks of `implements` and type assertions. A fuller port
//! is being written; this one gives what the checker core needs.

use std::sync::LazyLock;

use dashmap::DashMap;

use crate::objects::object;
use crate::symbol::Symbol;
use crate::types::{table, ObjId, PkgId, Type, TypeId};
use crate::typestring::{type_string, Qualifier};

static PTR_RECV: LazyLock<DashMap<ObjId, bool>> = LazyLock::new(DashMap::new);

/// Records whether method `m` has a pointer receiver.
pub fn set_method_recv(m: ObjId, ptr: bool) {
    PTR_RECV.insert(m, ptr);
}

/// Whether method `m` has a pointer receiver.
pub fn method_has_ptr_recv(m: ObjId) -> bool {
    PTR_RECV.get(&m).map(|v| *v).unwrap_or(false)
}

/// What a selector finds.
#[derive(Clone, Debug)]
pub enum Lookup {
    Field { path: Vec<usize>, typ: TypeId, indirect: bool },
    /// A method: its object for declared methods (`None` for interface
    /// methods), its signature if known without the object.
    Method { path: Vec<usize>, method: Option<ObjId>, sig: Option<TypeId>, indirect: bool },
    Ambiguous,
    /// Found, but the method needs a pointer receiver and the operand is
    /// not addressable.
    PointerRecv,
    NotFound,
}

fn same_name(name: Symbol, pkg: Option<PkgId>, n: Option<Symbol>, p: Option<PkgId>) -> bool {
    Some(name) == n && (name.is_exported() || pkg == p || p.is_none())
}

/// types2's `lookupFieldOrMethod`.
pub fn lookup_field_or_method(t: TypeId, addressable: bool, pkg: Option<PkgId>, name: Symbol, _fold_case: bool) -> Lookup {
    if name.is_blank() {
        return Lookup::NotFound;
    }
    let tt = table();
    let mut typ = tt.unalias(t);
    let mut is_ptr = false;
    if let Type::Pointer(b) = tt.get(typ) {
        // *T where T is a named type: look in T, with an indirection.
        if tt.named(tt.unalias(*b)).is_some() || matches!(tt.get(tt.underlying(*b)), Type::Struct(_)) {
            typ = tt.unalias(*b);
            is_ptr = true;
        }
    }
    if is_ptr && matches!(tt.get(tt.underlying(typ)), Type::Interface { .. }) {
        return Lookup::NotFound;
    }
    let r = lookup(typ, pkg, name);
    match r {
        Lookup::Method { ref path, method: Some(m), .. } if path.is_empty() || true => {
            let _ = path;
            if method_has_ptr_recv(m) && !is_ptr && !addressable && !indirect_of(&r) {
                return Lookup::PointerRecv;
            }
            match r {
                Lookup::Method { path, method, sig, indirect } => Lookup::Method { path, method, sig, indirect: indirect || is_ptr },
                _ => r,
            }
        }
        Lookup::Field { path, typ, indirect } => Lookup::Field { path, typ, indirect: indirect || is_ptr },
        Lookup::Method { path, method, sig, indirect } => Lookup::Method { path, method, sig, indirect: indirect || is_ptr },
        other => other,
    }
}

fn indirect_of(l: &Lookup) -> bool {
    matches!(l, Lookup::Method { indirect: true, .. } | Lookup::Field { indirect: true, .. })
}

fn lookup(t: TypeId, pkg: Option<PkgId>, name: Symbol) -> Lookup {
    let tt = table();
    // (type, path, indirect)
    let mut current: Vec<(TypeId, Vec<usize>, bool)> = vec![(t, Vec::new(), false)];
    let mut seen: Vec<TypeId> = Vec::new();
    while !current.is_empty() {
        let mut next = Vec::new();
        let mut found: Option<Lookup> = None;
        let mut count = 0;
        for (typ, path, indirect) in current {
            let typ = tt.unalias(typ);
            if let Some(n) = tt.named(typ) {
                if seen.contains(&typ) {
                    continue;
                }
                seen.push(typ);
                let origin = n.origin.unwrap_or(typ);
                let methods = tt.named(origin).map(|o| o.methods.lock().unwrap().clone()).unwrap_or_default();
                if let Some((i, &m)) = methods.iter().enumerate().find(|&(_, &m)| {
                    let o = object(m);
                    same_name(name, pkg, Some(o.name), o.pkg)
                }) {
                    count += 1;
                    let mut p = path.clone();
                    p.push(i);
                    let sig = if n.origin.is_some() { Some(crate::subst::instance_method_sig(typ, m)) } else { None };
                    found = Some(Lookup::Method { path: p, method: Some(m), sig, indirect });
                    continue;
                }
            }
            let u = tt.underlying(typ);
            match tt.get(u) {
                Type::Struct(fields) => {
                    for (i, f) in fields.iter().enumerate() {
                        if same_name(name, pkg, f.var.name, f.var.pkg) {
                            count += 1;
                            let mut p = path.clone();
                            p.push(i);
                            found = Some(Lookup::Field { path: p, typ: f.var.typ, indirect });
                            continue;
                        }
                        if found.is_none() && f.embedded {
                            let (et, ind) = match tt.get(tt.unalias(f.var.typ)) {
                                Type::Pointer(b) => (*b, true),
                                _ => (f.var.typ, false),
                            };
                            let mut p = path.clone();
                            p.push(i);
                            next.push((et, p, indirect || ind));
                        }
                    }
                }
                Type::Interface { .. } => {
                    let ts = crate::typeset::type_set(u);
                    if let Some((i, m)) = ts.methods.iter().enumerate().find(|(_, m)| same_name(name, pkg, Some(m.name), m.pkg)) {
                        count += 1;
                        let mut p = path.clone();
                        p.push(i);
                        found = Some(Lookup::Method { path: p, method: None, sig: Some(m.sig), indirect });
                    }
                }
                _ => {}
            }
        }
        if count > 1 {
            return Lookup::Ambiguous;
        }
        if let Some(f) = found {
            return f;
        }
        current = next;
    }
    Lookup::NotFound
}

/// types2's `lookupError`, for `x.f undefined (...)`.
pub fn lookup_error(t: TypeId, name: Symbol, _pkg: Option<PkgId>, qf: Qualifier<'_>) -> String {
    let ts = type_string(t, qf);
    format!("type {ts} has no field or method {name}")
}

/// types2's `lookupError` for struct literals.
pub fn lookup_error_lit(t: TypeId, name: Symbol, _pkg: Option<PkgId>, qf: Qualifier<'_>) -> String {
    let ts = type_string(t, qf);
    format!("unknown field {name} in struct literal of type {ts}")
}

/// The methods `v` has (with their pointer-ness relevant when `v` is not a pointer).
fn find_method(v: TypeId, m: &crate::types::Method) -> Option<(TypeId, bool)> {
    match lookup_field_or_method(v, false, m.pkg, m.name, false) {
        Lookup::Method { method, sig, .. } => {
            let s = sig.or_else(|| method.and_then(|m| object(m).typ.get()))?;
            Some((s, false))
        }
        Lookup::PointerRecv => Some((m.sig, true)),
        _ => None,
    }
}

/// types2's `implements` (without type-set checks for constraints):
/// `Err(cause)` when `v` does not implement interface `t`.
pub fn implements(v: TypeId, t: TypeId, constraint: bool, qf: Qualifier<'_>) -> Result<(), String> {
    implements0(v, t, qf).map_err(|cause| {
        let verb = if constraint { "satisfy" } else { "implement" };
        format!("{} does not {verb} {} {cause}", type_string(v, qf), type_string(t, qf)).trim_end().to_string()
    })
}

fn implements0(v: TypeId, t: TypeId, qf: Qualifier<'_>) -> Result<(), String> {
    let tt = table();
    let u = tt.underlying(t);
    let Type::Interface { .. } = tt.get(u) else { return Err(String::new()) };
    let ts = crate::typeset::type_set(u);
    if matches!(tt.get(tt.underlying(v)), Type::Interface { .. }) {
        let vs = crate::typeset::type_set(tt.underlying(v));
        for m in &ts.methods {
            match vs.methods.iter().find(|x| x.name == m.name && (m.name.is_exported() || x.pkg == m.pkg)) {
                None => return Err(format!("(missing method {})", m.name)),
                Some(x) if !tt.identical(x.sig, m.sig) => return Err(format!("(wrong type for method {})", m.name)),
                _ => {}
            }
        }
        return Ok(());
    }
    for m in &ts.methods {
        match find_method(v, m) {
            None => return Err(format!("(missing method {})", m.name)),
            Some((_, true)) => return Err(format!("(method {} has pointer receiver)", m.name)),
            Some((sig, false)) => {
                if !tt.identical(sig, m.sig) {
                    let _ = qf;
                    return Err(format!("(wrong type for method {})", m.name));
                }
            }
        }
    }
    if let Some(terms) = &ts.terms {
        if !terms.iter().any(|&(tilde, x)| tt.identical(v, x) || tilde && tt.identical(tt.underlying(v), x)) {
            return Err(String::new());
        }
    }
    Ok(())
}

/// types2's `assertableTo`: whether a value of interface type `v` can
/// have dynamic type `t`.
pub fn assertable_to(v: TypeId, t: TypeId, qf: Qualifier<'_>) -> Result<(), String> {
    let tt = table();
    if matches!(tt.get(tt.underlying(t)), Type::Interface { .. }) {
        return Ok(());
    }
    let u = tt.underlying(v);
    let ts = crate::typeset::type_set(u);
    for m in &ts.methods {
        match find_method(t, m) {
            None => return Err(format!("(missing method {})", m.name)),
            Some((_, true)) => return Err(format!("(method {} has pointer receiver)", m.name)),
            Some((sig, false)) => {
                if !tt.identical(sig, m.sig) {
                    let _ = qf;
                    return Err(format!("(wrong type for method {})", m.name));
                }
            }
        }
    }
    Ok(())
}
