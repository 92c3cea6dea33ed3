//! Instantiation of generic types, aliases and functions (types2's
//! `instantiate.go` without `implements`, which lives in
//! [`crate::lookup`], and the argument-count checks of `typexpr.go`'s
//! `instantiatedType` and `call.go`'s `funcInst`).
//!
//! - A generic named type's instance is `table().instance(origin, targs)`:
//!   one id per distinct argument list, expanded lazily
//!   ([`crate::subst::expand_underlying`]).
//! - A generic alias's instance is a new alias entry (named like its
//!   origin, with the arguments) whose aliased type is the origin's with
//!   the arguments substituted; instances are shared per (origin,
//!   arguments) through a side table here, which also remembers each
//!   instance's origin (the alias table has no field for it) so that
//!   [`crate::subst`] can substitute an alias instance's arguments.
//! - A generic function's signature is instantiated by substitution; the
//!   result is an ordinary (non-generic) signature.
//!
//! [`verify`] checks that type arguments satisfy their (substituted)
//! constraints, giving the failing index and types2's cause text.
//!
//! Invariants: instantiating twice with the same arguments gives the same
//! id; nothing here reports errors (callers do, with the messages given).

use std::cell::RefCell;
use std::sync::LazyLock;

use crate::DashMap;

use crate::subst::{SubstMap, subst};
use crate::types::{Type, TypeId, table};
use crate::typestring::Qualifier;

/// A generic type and a type argument list.
type InstanceKey = (TypeId, Box<[TypeId]>);

/// Alias instances by (origin, type arguments).
static ALIAS_INSTANCES: LazyLock<DashMap<InstanceKey, TypeId>> = LazyLock::new(DashMap::default);
/// The origin of each alias instance.
static ALIAS_ORIGINS: LazyLock<DashMap<TypeId, TypeId>> = LazyLock::new(DashMap::default);

thread_local! {
    /// Alias instances being built on this thread: an alias whose aliased
    /// type mentions its own instance (invalid code, reported by the
    /// checker as a cycle) must not make instantiation loop.
    static ALIASES_IN_PROGRESS: RefCell<Vec<InstanceKey>> = const { RefCell::new(Vec::new()) };
}

/// The generic alias that alias instance `inst` instantiates, if it is one
/// made by [`alias_instance`].
pub fn alias_origin(inst: TypeId) -> Option<TypeId> {
    ALIAS_ORIGINS.get(&inst).map(|o| *o)
}

/// The type parameters of a generic named type, alias or function type
/// (empty if it has none, or none are set yet).
pub fn type_params(generic: TypeId) -> Box<[TypeId]> {
    let t = table();
    if let Some(n) = t.named(generic) {
        return n.tparams.get().cloned().unwrap_or_default();
    }
    if let Some(a) = t.alias(generic) {
        return a.tparams.get().cloned().unwrap_or_default();
    }
    if let Type::GenericFunc { tparams, .. } = t.get(generic) {
        return tparams.clone();
    }
    Box::default()
}

/// The instance of generic alias `origin` with `targs` (types2's
/// `newAliasInstance`): shared per argument list. The invalid type when
/// the argument count does not match, when the origin's aliased type is
/// not known yet, or when building the instance needs the instance itself.
pub fn alias_instance(origin: TypeId, targs: &[TypeId]) -> TypeId {
    let t = table();
    let Some(a) = t.alias(origin) else { return t.invalid() };
    let key = (origin, Box::<[TypeId]>::from(targs));
    if let Some(inst) = ALIAS_INSTANCES.get(&key) {
        return *inst;
    }
    let Some(tparams) = a.tparams.get() else { return t.invalid() };
    if tparams.len() != targs.len() {
        return t.invalid();
    }
    if tparams.is_empty() {
        return origin;
    }
    let Some(&actual) = a.actual.get() else { return t.invalid() };
    if ALIASES_IN_PROGRESS.with(|p| p.borrow().contains(&key)) {
        return t.invalid();
    }
    ALIASES_IN_PROGRESS.with(|p| p.borrow_mut().push(key.clone()));
    let rhs = subst(actual, &SubstMap::new(tparams, targs));
    ALIASES_IN_PROGRESS.with(|p| p.borrow_mut().retain(|k| *k != key));
    // Built outside the map's lock (substitution may instantiate other
    // aliases); a thread that loses the race leaves an unused entry.
    let inst = t.new_alias(a.name, a.pkg, key.1.clone());
    let data = t.alias(inst).expect("new_alias makes an alias");
    let _ = data.actual.set(rhs);
    if let Some(&obj) = a.obj.get() {
        let _ = data.obj.set(obj);
    }
    ALIAS_ORIGINS.insert(inst, origin);
    *ALIAS_INSTANCES.entry(key).or_insert(inst)
}

/// Instantiates generic named type, generic alias or generic function
/// type `orig` with `targs` (types2's `Checker.instance`). Argument counts
/// are not checked here (see [`targ_count_error`]); a named instance with
/// the wrong count expands to the invalid type, an alias instance is the
/// invalid type. A type that is not generic gives the invalid type. A
/// generic function's instance is its signature, substituted.
pub fn instantiate(orig: TypeId, targs: &[TypeId]) -> TypeId {
    let t = table();
    match t.get(orig) {
        Type::Named(_) => {
            let generic =
                t.named(orig).is_some_and(|n| n.origin.is_none() && n.tparams.get().is_some_and(|p| !p.is_empty()));
            if generic { t.instance(orig, targs.into()) } else { t.invalid() }
        }
        Type::Alias(_) => alias_instance(orig, targs),
        Type::GenericFunc { tparams, sig } => instantiate_signature(tparams, *sig, targs),
        _ => t.invalid(),
    }
}

/// The signature `sig` of a generic function with type parameters
/// `tparams`, instantiated with `targs` (same length): the parameters
/// substituted, the result no longer generic.
pub fn instantiate_signature(tparams: &[TypeId], sig: TypeId, targs: &[TypeId]) -> TypeId {
    subst(sig, &SubstMap::new(tparams, targs))
}

/// types2's `validateTArgLen` for a generic type or alias named `name`:
/// `None` if `got` arguments fit `want` parameters, else the message.
pub fn targ_count_error(name: &str, want: usize, got: usize) -> Option<String> {
    let qual = match got.cmp(&want) {
        std::cmp::Ordering::Less => "not enough",
        std::cmp::Ordering::Greater => "too many",
        std::cmp::Ordering::Equal => return None,
    };
    Some(format!("{qual} type arguments for type {name}: have {got}, want {want}"))
}

/// `funcInst`'s check for explicit type arguments of a generic function:
/// more arguments than parameters is an error (reported at the first
/// extra argument); fewer are inferred.
pub fn func_targ_count_error(want: usize, got: usize) -> Option<String> {
    (got > want).then(|| format!("got {got} type arguments but want {want}"))
}

/// [`verify_with`], with types in causes qualified by their package's
/// path (types2's printing without a checker). The checker should call
/// [`verify_with`] with its qualifier.
pub fn verify(tparams: &[TypeId], targs: &[TypeId]) -> Result<(), (usize, String)> {
    let qf = |p: crate::types::PkgId| crate::package::info(p).path.as_str().to_string();
    verify_with(tparams, targs, &qf)
}

/// types2's `verify`: each type argument must satisfy its type
/// parameter's constraint, with the type parameters in the constraint
/// replaced by the arguments. On failure, the index of the first argument
/// that does not and the cause (types2 reports it as the whole message,
/// at that argument). Type parameters without a constraint yet are
/// skipped. `qf` qualifies the types printed in the cause.
pub fn verify_with(tparams: &[TypeId], targs: &[TypeId], qf: Qualifier<'_>) -> Result<(), (usize, String)> {
    verify_at(tparams, targs, true, qf)
}

/// [`verify_with`] for a language version (`go1_20`: see
/// [`crate::lookup::implements_at`]).
pub fn verify_at(tparams: &[TypeId], targs: &[TypeId], go1_20: bool, qf: Qualifier<'_>) -> Result<(), (usize, String)> {
    let t = table();
    let m = SubstMap::new(tparams, targs);
    for (i, (&tp, &targ)) in tparams.iter().zip(targs.iter()).enumerate() {
        let Some(&bound) = t.type_param(tp).and_then(|p| p.constraint.get()) else { continue };
        let bound = subst(bound, &m);
        crate::lookup::implements_at(targ, bound, true, go1_20, qf).map_err(|cause| (i, cause))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::Symbol;
    use crate::types::{BasicKind, PkgId, Var};
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

    #[test]
    fn generic_aliases_instantiate_to_shared_aliases_of_the_substituted_type() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let string = t.basic(BasicKind::String);
        // type Set[K comparable, V any] = map[K]V
        let (k, v) = (tparam("K", 0), tparam("V", 1));
        let set = t.new_alias(Symbol::intern("Set"), None, Box::new([]));
        t.alias(set).unwrap().tparams.set(vec![k, v].into()).unwrap();
        t.alias(set).unwrap().actual.set(t.intern(Type::Map { key: k, elem: v })).unwrap();
        let inst = instantiate(set, &[string, int]);
        assert_eq!(s(inst), "Set[string, int]");
        assert_eq!(s(t.unalias(inst)), "map[string]int");
        assert_eq!(instantiate(set, &[string, int]), inst);
        assert_eq!(alias_origin(inst), Some(set));
        assert_eq!(&*type_params(set), &[k, v]);
        // Substituting an instance's arguments gives another instance.
        let p = tparam("P", 0);
        let open = instantiate(set, &[p, int]);
        let closed = subst(open, &SubstMap::new(&[p], &[string]));
        assert_eq!(closed, inst);
        // Wrong counts and non-generic types are invalid.
        assert_eq!(instantiate(set, &[int]), t.invalid());
        assert_eq!(instantiate(int, &[int]), t.invalid());
        assert_eq!(instantiate(t.new_named(Symbol::intern("N"), None), &[int]), t.invalid());
    }

    #[test]
    fn an_alias_mentioning_its_own_instance_does_not_loop() {
        let t = table();
        let p = tparam("P", 0);
        let a = t.new_alias(Symbol::intern("Loop"), None, Box::new([]));
        t.alias(a).unwrap().tparams.set(vec![p].into()).unwrap();
        // type Loop[P any] = []Loop[P] (invalid: a cycle the checker reports)
        let fake_self = t.new_alias(Symbol::intern("Loop"), None, vec![p].into());
        ALIAS_ORIGINS.insert(fake_self, a);
        t.alias(a).unwrap().actual.set(t.intern(Type::Slice(fake_self))).unwrap();
        let inst = instantiate(a, &[t.basic(BasicKind::Int)]);
        assert_eq!(s(t.unalias(inst)), "[]invalid type");
    }

    #[test]
    fn signatures_instantiate_by_substitution() {
        let t = table();
        let p = tparam("P", 0);
        let sig = t.intern(Type::Signature {
            params: vec![Var { name: Some(Symbol::intern("x")), pkg: None, typ: t.intern(Type::Slice(p)) }].into(),
            results: vec![Var { name: None, pkg: None, typ: p }].into(),
            variadic: false,
        });
        assert_eq!(s(instantiate_signature(&[p], sig, &[t.basic(BasicKind::Bool)])), "func(x []bool) bool");
    }

    #[test]
    fn generic_function_types_instantiate_to_plain_signatures() {
        let t = table();
        let p = tparam("P", 0);
        let sig = t.intern(Type::Signature {
            params: vec![Var { name: None, pkg: None, typ: t.intern(Type::Pointer(p)) }].into(),
            results: Box::new([]),
            variadic: false,
        });
        let generic = t.intern(Type::GenericFunc { tparams: vec![p].into(), sig });
        assert_eq!(&*type_params(generic), &[p]);
        let inst = instantiate(generic, &[t.basic(BasicKind::String)]);
        assert_eq!(s(inst), "func(*string)");
        assert!(matches!(t.get(inst), Type::Signature { .. }));
    }

    #[test]
    fn argument_count_messages_are_types2s() {
        assert_eq!(targ_count_error("T", 2, 1).unwrap(), "not enough type arguments for type T: have 1, want 2");
        assert_eq!(targ_count_error("T", 2, 3).unwrap(), "too many type arguments for type T: have 3, want 2");
        assert_eq!(targ_count_error("T", 2, 2), None);
        assert_eq!(func_targ_count_error(1, 2).unwrap(), "got 2 type arguments but want 1");
        assert_eq!(func_targ_count_error(2, 1), None);
    }
}
