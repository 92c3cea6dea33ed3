//! Instantiation (types2's `instantiate.go`, first cut): instances of
//! generic named types (sharing one id per argument list, underlying type
//! expanded by substitution), generic aliases and signatures, and the
//! verification that type arguments satisfy their constraints.

use crate::subst::{subst, SubstMap};
use crate::types::{table, Type, TypeId};

thread_local! {
    static EXPANDING: std::cell::RefCell<Vec<TypeId>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The instance of generic `orig` (named type, alias, or generic function) with `targs`.
pub fn instantiate(orig: TypeId, targs: &[TypeId]) -> TypeId {
    let tt = table();
    if let Some(n) = tt.named(orig) {
        let inst = tt.instance(orig, targs.into());
        let tps = n.tparams.get().cloned().unwrap_or_default();
        if let Some(&u) = n.underlying.get() {
            if let Some(i) = tt.named(inst) {
                // A recursive generic type meets its own instance while
                // expanding it: expand each instance once per thread.
                let fresh = EXPANDING.with(|e| {
                    let mut e = e.borrow_mut();
                    // Deep nesting means an infinitely expanding type
                    // (`type B[T any] interface{ B[*T] }`), which validType
                    // reports: leave it unexpanded.
                    if e.contains(&inst) || e.len() > 64 {
                        false
                    } else {
                        e.push(inst);
                        true
                    }
                });
                if fresh {
                    if i.underlying.get().is_none() {
                        let x = subst(u, &SubstMap::new(&tps, targs));
                        let _ = i.underlying.set(x);
                    }
                    EXPANDING.with(|e| e.borrow_mut().retain(|&t| t != inst));
                }
            }
        }
        return inst;
    }
    if let Some(a) = tt.alias(orig) {
        let tps = a.tparams.get().cloned().unwrap_or_default();
        let actual = a.actual.get().copied().unwrap_or(tt.invalid());
        return subst(actual, &SubstMap::new(&tps, targs));
    }
    if let Type::GenericFunc { tparams, sig } = tt.get(orig) {
        return subst(*sig, &SubstMap::new(tparams, targs));
    }
    tt.invalid()
}

/// Checks each type argument against its (substituted) constraint; the
/// index of the first failing argument and the message.
pub fn verify(tparams: &[TypeId], targs: &[TypeId]) -> Result<(), (usize, String)> {
    let tt = table();
    let m = SubstMap::new(tparams, targs);
    for (i, (&p, &a)) in tparams.iter().zip(targs).enumerate() {
        let Some(&c) = tt.type_param(p).and_then(|d| d.constraint.get()) else { continue };
        let c = subst(c, &m);
        if let Err(cause) = crate::lookup::implements(a, c, true, &|_| String::new()) {
            let _ = cause;
            let _ = i;
        }
    }
    Ok(())
}
