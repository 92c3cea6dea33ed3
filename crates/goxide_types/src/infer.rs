//! Type inference (types2's `infer.go`, first cut): type arguments from
//! typed function arguments by structural matching, and untyped constant
//! arguments by their default types. A fuller port (unification with
//! inexact matching, core types, reverse inference) is being written.

use crate::objects::SrcPos;
use crate::types::{table, BasicKind, Type, TypeId};

/// An argument of a call, as inference sees it.
#[derive(Clone, Debug)]
pub struct InferArg {
    pub typ: TypeId,
    pub untyped_kind: Option<BasicKind>,
    pub pos: SrcPos,
    pub descr: String,
}

/// Why inference failed: where and types2's message (without the "in
/// call to f, " prefix).
#[derive(Clone, Debug)]
pub struct InferError {
    pub pos: SrcPos,
    pub msg: String,
}

/// Infers the missing type arguments.
pub fn infer(tparams: &[TypeId], targs: &[TypeId], params: &[TypeId], args: &[InferArg], _reverse: bool) -> Result<Vec<TypeId>, InferError> {
    let tt = table();
    let mut res: Vec<Option<TypeId>> = tparams.iter().enumerate().map(|(i, _)| targs.get(i).copied()).collect();
    for (p, a) in params.iter().zip(args) {
        if a.untyped_kind.is_none() {
            unify(tparams, &mut res, *p, a.typ);
        }
    }
    for (p, a) in params.iter().zip(args) {
        if let Some(k) = a.untyped_kind {
            if let Some(i) = tparams.iter().position(|t| t == p) {
                if res[i].is_none() && k != BasicKind::UntypedNil {
                    res[i] = Some(crate::predicates::default_type(tt.basic(k)));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, r) in res.into_iter().enumerate() {
        match r {
            Some(t) => out.push(t),
            None => {
                let name = tt.type_param(tparams[i]).map(|d| d.name.to_string()).unwrap_or_default();
                let pos = tt
                    .type_param(tparams[i])
                    .and_then(|d| d.obj.get().copied())
                    .and_then(|o| crate::objects::object(o).pos)
                    .or_else(|| args.first().map(|a| a.pos))
                    .unwrap_or(SrcPos { file: 0, pos: 0 });
                let at = crate::files::position(pos);
                return Err(InferError { pos: args.first().map(|a| a.pos).unwrap_or(pos), msg: format!("cannot infer {name} (declared at {at})") });
            }
        }
    }
    Ok(out)
}

fn unify(tparams: &[TypeId], res: &mut [Option<TypeId>], p: TypeId, a: TypeId) {
    let tt = table();
    if let Some(i) = tparams.iter().position(|&t| t == p) {
        if res[i].is_none() {
            res[i] = Some(a);
        }
        return;
    }
    let a_u = if tt.named(a).is_some() && tt.named(p).is_none() { tt.underlying(a) } else { a };
    match (tt.get(p), tt.get(a_u)) {
        (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => unify(tparams, res, *x, *y),
        (Type::Array { elem: x, .. }, Type::Array { elem: y, .. }) | (Type::Chan { elem: x, .. }, Type::Chan { elem: y, .. }) => {
            unify(tparams, res, *x, *y)
        }
        (Type::Map { key: k1, elem: e1 }, Type::Map { key: k2, elem: e2 }) => {
            unify(tparams, res, *k1, *k2);
            unify(tparams, res, *e1, *e2);
        }
        (Type::Signature { params: p1, results: r1, .. }, Type::Signature { params: p2, results: r2, .. }) => {
            for (x, y) in p1.iter().zip(p2.iter()) {
                unify(tparams, res, x.typ, y.typ);
            }
            for (x, y) in r1.iter().zip(r2.iter()) {
                unify(tparams, res, x.typ, y.typ);
            }
        }
        (Type::Named(_), Type::Named(_)) => {
            let (np, na) = (tt.named(p).unwrap(), tt.named(a).unwrap());
            if np.origin.is_some() && np.origin == na.origin {
                for (x, y) in np.targs.iter().zip(na.targs.iter()) {
                    unify(tparams, res, *x, *y);
                }
            }
        }
        _ => {}
    }
}
