//! Type substitution (types2's `subst.go`, first cut): replaces type
//! parameters by types throughout a type, instantiating named types
//! through the shared instance table. A fuller port is being written.

use std::sync::LazyLock;

use dashmap::DashMap;

use crate::types::{table, Field, Method, ObjId, Term, Type, TypeId, Var};

/// Type parameter → type.
#[derive(Clone, Debug, Default)]
pub struct SubstMap {
    pairs: Vec<(TypeId, TypeId)>,
}

impl SubstMap {
    pub fn new(from: &[TypeId], to: &[TypeId]) -> SubstMap {
        SubstMap { pairs: from.iter().copied().zip(to.iter().copied()).collect() }
    }
    fn get(&self, t: TypeId) -> Option<TypeId> {
        self.pairs.iter().find(|(a, _)| *a == t).map(|&(_, b)| b)
    }
}

static RECV_TPARAMS: LazyLock<DashMap<ObjId, Box<[TypeId]>>> = LazyLock::new(DashMap::new);

/// Records the receiver type parameters of a generic method.
pub fn set_method_recv_tparams(method: ObjId, tparams: Box<[TypeId]>) {
    RECV_TPARAMS.insert(method, tparams);
}

/// The signature of `method` (of the origin of instance `inst`) with the
/// instance's type arguments.
pub fn instance_method_sig(inst: TypeId, method: ObjId) -> TypeId {
    let tt = table();
    let sig = crate::objects::object(method).typ.get().unwrap_or(tt.invalid());
    let Some(n) = tt.named(inst) else { return sig };
    let Some(tps) = RECV_TPARAMS.get(&method).map(|v| v.clone()) else { return sig };
    subst(sig, &SubstMap::new(&tps, &n.targs))
}

/// `t` with the map's type parameters replaced.
pub fn subst(t: TypeId, m: &SubstMap) -> TypeId {
    if m.pairs.is_empty() {
        return t;
    }
    let tt = table();
    if let Some(r) = m.get(t) {
        return r;
    }
    let v = |list: &[Var]| -> Box<[Var]> { list.iter().map(|x| Var { name: x.name, pkg: x.pkg, typ: subst(x.typ, m) }).collect() };
    match tt.get(t).clone() {
        Type::Basic(_) | Type::TypeParam(_) => t,
        Type::Pointer(b) => tt.intern(Type::Pointer(subst(b, m))),
        Type::Slice(e) => tt.intern(Type::Slice(subst(e, m))),
        Type::Array { len, elem } => tt.intern(Type::Array { len, elem: subst(elem, m) }),
        Type::Map { key, elem } => tt.intern(Type::Map { key: subst(key, m), elem: subst(elem, m) }),
        Type::Chan { dir, elem } => tt.intern(Type::Chan { dir, elem: subst(elem, m) }),
        Type::Struct(fs) => tt.intern(Type::Struct(
            fs.iter()
                .map(|f| Field { var: Var { name: f.var.name, pkg: f.var.pkg, typ: subst(f.var.typ, m) }, embedded: f.embedded, tag: f.tag })
                .collect(),
        )),
        Type::Tuple(vs) => tt.intern(Type::Tuple(v(&vs))),
        Type::Signature { params, results, variadic } => tt.intern(Type::Signature { params: v(&params), results: v(&results), variadic }),
        Type::Interface { methods, embedded } => tt.intern(Type::Interface {
            methods: methods.iter().map(|x| Method { name: x.name, pkg: x.pkg, sig: subst(x.sig, m) }).collect(),
            embedded: embedded.iter().map(|&e| subst(e, m)).collect(),
        }),
        Type::Union(terms) => tt.intern(Type::Union(terms.iter().map(|x| Term { tilde: x.tilde, typ: subst(x.typ, m) }).collect())),
        Type::Named(_) => {
            let n = tt.named(t).unwrap();
            match n.origin {
                Some(o) if !n.targs.is_empty() => {
                    let targs: Vec<TypeId> = n.targs.iter().map(|&a| subst(a, m)).collect();
                    if targs[..] == n.targs[..] {
                        t
                    } else {
                        crate::instantiate::instantiate(o, &targs)
                    }
                }
                _ => t,
            }
        }
        Type::Alias(_) => subst(tt.unalias(t), m),
        Type::GenericFunc { tparams, sig } => tt.intern(Type::GenericFunc { tparams, sig: subst(sig, m) }),
    }
}
