//! The order in which package-level variables are initialised: the Go
//! spec's rule as types2's `initorder.go` implements it — repeatedly the
//! earliest variable (in declaration order, files in the order given)
//! whose initialiser depends on no uninitialised variable. Dependencies
//! are the package variables an initialiser mentions, directly or through
//! the bodies of the package functions it mentions (transitively).
//!
//! Derived here because the checker does not fill `Info::init_order` yet;
//! when it does, the builder should read it instead and this module goes.
//! Variables without an initialiser are zero from the start and never
//! wait. Invariant: a program the checker accepted has no initialisation
//! cycle, so every initialiser is emitted exactly once; if one were left
//! over (a cycle), it is emitted in declaration order rather than lost.

use std::collections::{HashMap, HashSet};

use goxide_syntax::ast::{DeclKind, ExprId, ExprKind, File, StmtId};
use goxide_syntax::walk::{walk_expr, walk_stmt, Visitor};
use goxide_types::types::ObjId;

use super::{FuncDecl, PkgCtx, VarInit};

/// Collects the package variables and functions named in a subtree.
struct Refs<'a> {
    ctx: &'a PkgCtx<'a>,
    fnum: u32,
    vars: HashSet<ObjId>,
    funcs: Vec<ObjId>,
}

impl Visitor for Refs<'_> {
    fn expr(&mut self, _f: &File, x: ExprId) -> bool {
        if let ExprKind::Name(n) = _f.expr(x).kind
            && let Some(&o) = self.ctx.input.info.uses.get(&(self.fnum, n.pos))
        {
            if self.ctx.globals.contains_key(&o) {
                self.vars.insert(o);
            } else if self.ctx.funcs.contains_key(&o) {
                self.funcs.push(o);
            }
        }
        true
    }
}

/// The body of each function object.
fn bodies(ctx: &PkgCtx, decls: &[FuncDecl]) -> HashMap<ObjId, (usize, u32, StmtId)> {
    let mut m = HashMap::new();
    for d in decls {
        let file = ctx.file(d.fi);
        if let (Some(o), DeclKind::Func { body: Some(b), .. }) = (d.obj, &file.decl(d.decl).kind) {
            m.insert(o, (d.fi, d.fnum, *b));
        }
    }
    m
}

/// The package variables `init` depends on, through functions too.
fn dependencies(ctx: &PkgCtx, bodies: &HashMap<ObjId, (usize, u32, StmtId)>, init: &VarInit) -> HashSet<ObjId> {
    let file = ctx.file(init.fi);
    let mut refs = Refs { ctx, fnum: init.fnum, vars: HashSet::new(), funcs: Vec::new() };
    for &v in &init.values {
        walk_expr(file, &mut refs, v);
    }
    let mut vars = std::mem::take(&mut refs.vars);
    let mut pending = std::mem::take(&mut refs.funcs);
    let mut seen: HashSet<ObjId> = HashSet::new();
    while let Some(f) = pending.pop() {
        if !seen.insert(f) {
            continue;
        }
        let Some(&(fi, fnum, body)) = bodies.get(&f) else { continue };
        let mut r = Refs { ctx, fnum, vars: HashSet::new(), funcs: Vec::new() };
        walk_stmt(ctx.file(fi), &mut r, body);
        vars.extend(r.vars);
        pending.extend(r.funcs);
    }
    vars
}

/// The indices of `inits` in initialisation order.
pub(super) fn order(ctx: &PkgCtx, decls: &[FuncDecl], inits: &[VarInit]) -> Vec<usize> {
    let bodies = bodies(ctx, decls);
    // The variables each initialiser assigns.
    let mut initialiser_of: HashMap<ObjId, usize> = HashMap::new();
    for (i, init) in inits.iter().enumerate() {
        for o in init.lhs.iter().flatten() {
            initialiser_of.insert(*o, i);
        }
    }
    let deps: Vec<HashSet<usize>> = inits
        .iter()
        .enumerate()
        .map(|(i, init)| {
            dependencies(ctx, &bodies, init).iter().filter_map(|v| initialiser_of.get(v).copied()).filter(|&j| j != i).collect()
        })
        .collect();
    let mut done = vec![false; inits.len()];
    let mut out = Vec::with_capacity(inits.len());
    while out.len() < inits.len() {
        let next = (0..inits.len())
            .find(|&i| !done[i] && deps[i].iter().all(|&j| done[j]))
            .or_else(|| (0..inits.len()).find(|&i| !done[i]));
        let Some(i) = next else { break };
        done[i] = true;
        out.push(i);
    }
    out
}
