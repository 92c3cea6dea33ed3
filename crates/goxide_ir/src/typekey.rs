//! Type identity as a string key, for the maps that give each distinct
//! type one descriptor, one itab per (type, interface) and one set of
//! generated functions.
//!
//! A type's string (types2's spelling, [`goxide_types::typestring`]) names
//! it uniquely except for named types declared inside functions: two
//! `type T struct{...}` in different functions both print as `main.T` but
//! are different types (gc gives their descriptors distinct symbols,
//! `main.T·1` and `main.T·2`, and a type assertion between them fails
//! `(types from different scopes)`). The key is the string, followed —
//! only when the type mentions such local named types — by their object
//! ids in the order the string mentions them.
//!
//! Aliases are not types of their own, nor are parameter names part of a
//! signature's identity: the key and the runtime string are those of
//! [`identity_form`] (`[]any` is `[]interface {}`, `type M =
//! map[string]int` is `map[string]int`, `Pair[int, any]` is `Pair[int,
//! interface {}]`, `func(x int)` is `func(int)`), so identical types share
//! one descriptor whatever spelled them.
//!
//! Invariant: two types get the same key exactly when they have the same
//! string and mention the same local named types at the same places,
//! i.e. when they are identical.

use goxide_types::objects::object;
use goxide_types::types::{table, Field, Method, Type, TypeId, Var};

/// `t` as type identity sees it, for keys and runtime strings (not for
/// layout): every alias replaced by the type it denotes, in composite
/// types and in an instance's type arguments too, and a signature's
/// parameter and result names dropped (`func(x int) int` is `func(int)
/// int`, as gc's runtime spells it). The result is the table's own type
/// for that structure (interned; an instance made by `instance` if need
/// be). A basic interface becomes its method set: its methods, embedded
/// ones included, in gc's order, unexported ones spelled with their
/// package (`interface { A(); main.c() }`, the runtime's spelling too).
pub fn identity_form(t: TypeId) -> TypeId {
    let tab = table();
    let ty = tab.get(t).clone();
    let var = |v: &Var| Var { name: v.name, pkg: v.pkg, typ: identity_form(v.typ) };
    let unnamed = |v: &Var| Var { name: None, pkg: None, typ: identity_form(v.typ) };
    let rebuilt = match &ty {
        Type::Alias(_) => return identity_form(tab.unalias(t)),
        Type::Named(_) => {
            let Some((origin, targs)) = tab.named(t).and_then(|n| n.origin.map(|o| (o, n.targs.clone()))) else { return t };
            let args: Box<[TypeId]> = targs.iter().map(|&a| identity_form(a)).collect();
            return if args == targs { t } else { tab.instance(origin, args) };
        }
        Type::Pointer(e) => Type::Pointer(identity_form(*e)),
        Type::Slice(e) => Type::Slice(identity_form(*e)),
        Type::Array { len, elem } => Type::Array { len: *len, elem: identity_form(*elem) },
        Type::Chan { dir, elem } => Type::Chan { dir: *dir, elem: identity_form(*elem) },
        Type::Map { key, elem } => Type::Map { key: identity_form(*key), elem: identity_form(*elem) },
        Type::Struct(fields) => Type::Struct(fields.iter().map(|f| Field { var: var(&f.var), embedded: f.embedded, tag: f.tag }).collect()),
        Type::Tuple(vars) => Type::Tuple(vars.iter().map(unnamed).collect()),
        Type::Signature { params, results, variadic } => {
            Type::Signature { params: params.iter().map(unnamed).collect(), results: results.iter().map(unnamed).collect(), variadic: *variadic }
        }
        Type::Interface { .. } => {
            // A basic interface is its method set: all its methods (the
            // embedded ones too) in gc's order, signatures in identity form
            // (`interface{ B(); A() }` is `interface { A(); B() }`).
            let ts = goxide_types::typeset::type_set(t);
            if !ts.terms.is_all() || ts.comparable {
                return t;
            }
            // An unexported method is spelled with its package, as gc's
            // runtime does (`interface { A(); main.c() bool }`): the name
            // is only ever printed, the type only a key.
            let spelled = |m: &Method| match m.pkg {
                Some(p) if !m.name.is_exported() => goxide_types::symbol::Symbol::intern(&format!("{}.{}", goxide_types::package::info(p).name.as_str(), m.name.as_str())),
                _ => m.name,
            };
            let methods = ts.methods.iter().map(|m| Method { name: spelled(m), pkg: m.pkg, sig: identity_form(m.sig) }).collect();
            Type::Interface { methods, embedded: Box::default(), implicit: false }
        }
        _ => return t,
    };
    if rebuilt == ty { t } else { tab.intern(rebuilt) }
}

/// The key of `t` for the builder's maps: its [`identity_form`]'s type
/// string (types2's spelling), made unique.
pub fn key_of(t: TypeId) -> String {
    let u = identity_form(t);
    identity_key(u, goxide_types::typestring::type_string(u, &|_| String::new()))
}

/// `string` (the type string of `t` the caller uses) made unique for `t`
/// (see the module header).
pub fn identity_key(t: TypeId, string: String) -> String {
    let mut locals = Vec::new();
    local_named_in(t, &mut locals);
    if locals.is_empty() {
        return string;
    }
    let mut key = string;
    for id in locals {
        key.push('·');
        key.push_str(&id.to_string());
    }
    key
}

/// Whether named type `t`'s declaration is inside a function (its name is
/// not its package's scope's object).
fn is_local_named(t: TypeId) -> Option<u32> {
    let tab = table();
    let n = tab.named(t)?;
    let obj = *n.obj.get()?;
    let pkg = n.pkg?;
    let at_package_level = goxide_types::package::info(pkg).scope.get().and_then(|s| s.lookup(object(obj).name)) == Some(obj);
    (!at_package_level).then_some(obj.0.get())
}

/// The local named types `t` mentions, in type-string order, each time it
/// mentions one. (No cycle: a named type's underlying type is not walked,
/// and only named types can refer to themselves.)
fn local_named_in(t: TypeId, out: &mut Vec<u32>) {
    let tab = table();
    match tab.get(t).clone() {
        Type::Named(_) => {
            // An instance's origin, then its arguments (its underlying
            // type is what its name already says).
            let (origin, targs) = match tab.named(t) {
                Some(n) => (n.origin, n.targs.clone()),
                None => (None, Box::default()),
            };
            if let Some(id) = is_local_named(origin.unwrap_or(t)) {
                out.push(id);
            }
            for a in targs.iter() {
                local_named_in(*a, out);
            }
        }
        Type::Alias(_) => local_named_in(tab.unalias(t), out),
        Type::Pointer(e) | Type::Slice(e) | Type::Array { elem: e, .. } | Type::Chan { elem: e, .. } => local_named_in(e, out),
        Type::Map { key, elem } => {
            local_named_in(key, out);
            local_named_in(elem, out);
        }
        Type::Struct(fields) => fields.iter().for_each(|f| local_named_in(f.var.typ, out)),
        Type::Tuple(vars) => vars.iter().for_each(|v| local_named_in(v.typ, out)),
        Type::Signature { params, results, .. } => params.iter().chain(results.iter()).for_each(|v| local_named_in(v.typ, out)),
        Type::Interface { methods, embedded, .. } => {
            methods.iter().for_each(|m| local_named_in(m.sig, out));
            embedded.iter().for_each(|e| local_named_in(*e, out));
        }
        Type::Basic(_) | Type::Union(_) | Type::TypeParam(_) | Type::GenericFunc { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use goxide_types::symbol::Symbol;
    use goxide_types::types::BasicKind;

    fn any_alias() -> TypeId {
        let o = goxide_types::universe::lookup("any").expect("any");
        object(o).typ.get().expect("any's type")
    }

    fn sig(params: &[(Option<&str>, TypeId)], results: &[TypeId]) -> TypeId {
        let var = |n: Option<&str>, t: TypeId| Var { name: n.map(Symbol::intern), pkg: None, typ: t };
        table().intern(Type::Signature {
            params: params.iter().map(|&(n, t)| var(n, t)).collect(),
            results: results.iter().map(|&t| var(None, t)).collect(),
            variadic: false,
        })
    }

    #[test]
    fn aliases_and_parameter_names_are_not_part_of_identity() {
        let tab = table();
        let int = tab.basic(BasicKind::Int);
        let empty = tab.intern(Type::Interface { methods: Box::default(), embedded: Box::default(), implicit: false });
        let any = any_alias();
        assert_ne!(any, empty, "the universe's any is an alias entry");
        let via_alias = tab.intern(Type::Slice(any));
        let spelled = tab.intern(Type::Slice(empty));
        assert_eq!(identity_form(via_alias), identity_form(spelled));
        assert_eq!(key_of(via_alias), key_of(spelled));
        let named = sig(&[(Some("x"), int), (Some("y"), any)], &[int]);
        let bare = sig(&[(None, int), (None, empty)], &[int]);
        assert_eq!(key_of(named), key_of(bare));
        // A different parameter type is a different type.
        assert_ne!(key_of(sig(&[(None, int)], &[int])), key_of(bare));
    }

    #[test]
    fn an_interface_is_its_sorted_method_set() {
        let tab = table();
        let int = tab.basic(BasicKind::Int);
        let m = |name: &str, s: TypeId| Method { name: Symbol::intern(name), pkg: None, sig: s };
        let iface = |ms: Vec<Method>| tab.intern(Type::Interface { methods: ms.into(), embedded: Box::default(), implicit: false });
        let a = sig(&[], &[]);
        let b = sig(&[], &[int]);
        let ab = iface(vec![m("A", a), m("B", b)]);
        let ba = iface(vec![m("B", b), m("A", a)]);
        assert_eq!(key_of(ab), key_of(ba));
        assert_ne!(key_of(ab), key_of(iface(vec![m("A", a)])));
    }
}
