//! gc's stack backing store for `append` (go1.25+, `ssagen`
//! `getBackingStoreInfoForAppend`): when a slice does not escape, the
//! first `append` at a site that starts from an empty slice uses a
//! 32-byte frame buffer (`K = 32 / sizeof(T)` elements) as the backing
//! array, so the capacities a program observes are gc's (`cap` 4 after
//! the first `append` to a `[]int`, 32 for a `[]byte`).
//!
//! goxide has no escape analysis yet, so this finds a conservative subset
//! of gc's non-escaping slices: a local slice variable (not captured, not
//! address-taken) declared without a value or with `nil` or an empty
//! literal, whose every use is `s = append(s, ...)`, `len(s)`, `cap(s)`,
//! `s[i]`, `range s`, a `print`/`println` argument or a comparison with
//! `nil`. Any other use (a call argument, an assignment elsewhere, a
//! slice expression, a return, a conversion) counts as escaping, and the
//! `append`s of that variable stay plain.
//!
//! Invariant: a qualifying `append`'s result is only ever stored in the
//! same variable, which no other code can see: the frame buffer never
//! outlives the call (the property gc's escape analysis proves).

use std::collections::{HashMap, HashSet};

use goxide_syntax::ast::{DeclKind, ExprId, ExprKind, File, StmtId, StmtKind};
use goxide_syntax::token::Operator;
use goxide_syntax::walk::{walk_stmt, Visitor};
use goxide_types::check::operand::Mode;
use goxide_types::objects::Builtin;
use goxide_types::types::{table, ObjId, Type};

use super::{is_local_var, PkgCtx};

/// gc's `base.Debug.VariableMakeThreshold` default: the buffer's bytes.
pub(crate) const STACK_BUFFER_BYTES: i64 = 32;

/// The `append` calls of `body` that may use a frame buffer.
pub(crate) fn stack_appends(ctx: &PkgCtx, fi: usize, body: StmtId, heap: &HashSet<ObjId>) -> HashSet<ExprId> {
    let file = ctx.file(fi);
    let fnum = ctx.fnums[fi];
    let mut v = Uses { ctx, fnum, allowed: HashSet::new(), appends: HashMap::new(), slices: HashSet::new(), escaped: HashSet::new() };
    // First the allowed positions, then every use.
    let mut marks = Marks { v: &mut v };
    walk_stmt(file, &mut marks, body);
    let mut names = Names { v: &mut v };
    walk_stmt(file, &mut names, body);
    v.appends
        .into_iter()
        .filter(|(_, o)| v.slices.contains(o) && !v.escaped.contains(o) && !heap.contains(o))
        .map(|(e, _)| e)
        .collect()
}

struct Uses<'a> {
    ctx: &'a PkgCtx<'a>,
    fnum: u32,
    /// Name expressions in an allowed position.
    allowed: HashSet<ExprId>,
    /// Qualifying `append` calls and their variable.
    appends: HashMap<ExprId, ObjId>,
    /// Slice variables declared in a qualifying way.
    slices: HashSet<ObjId>,
    escaped: HashSet<ObjId>,
}

impl Uses<'_> {
    fn var_of(&self, f: &File, e: ExprId) -> Option<ObjId> {
        match f.expr(f.unparen(e)).kind {
            ExprKind::Name(n) => {
                let key = (self.fnum, n.pos);
                let o = self.ctx.input.info.uses.get(&key).or_else(|| self.ctx.input.defs.get(&key)).copied()?;
                is_local_var(o).then_some(o)
            }
            _ => None,
        }
    }

    fn builtin(&self, f: &File, fun: ExprId) -> Option<Builtin> {
        match self.ctx.input.info.types.get(&(self.fnum, f.unparen(fun))).map(|tv| tv.mode) {
            Some(Mode::Builtin(b)) => Some(b),
            _ => None,
        }
    }

    fn is_slice(&self, e: ExprId) -> bool {
        self.ctx.input.info.types.get(&(self.fnum, e)).is_some_and(|tv| {
            let tab = table();
            matches!(tab.get(tab.underlying(tv.typ)), Type::Slice(_))
        })
    }

    /// An initialiser that leaves the slice empty with no capacity: `nil`
    /// or an empty composite literal.
    fn empty_init(&self, f: &File, e: ExprId) -> bool {
        match f.expr(f.unparen(e)).kind {
            ExprKind::Name(n) => self
                .ctx
                .input
                .info
                .uses
                .get(&(self.fnum, n.pos))
                .is_some_and(|&o| matches!(goxide_types::objects::object(o).kind, goxide_types::objects::ObjKind::Nil)),
            ExprKind::CompositeLit { elems, .. } => f.exprs_of(elems).is_empty(),
            _ => false,
        }
    }
}

/// Marks the allowed positions of slice variables.
struct Marks<'a, 'b> {
    v: &'a mut Uses<'b>,
}

impl Visitor for Marks<'_, '_> {
    fn stmt(&mut self, f: &File, s: StmtId) -> bool {
        match f.stmt(s).kind {
            StmtKind::Assign { op: Operator::None | Operator::Def, lhs, rhs: Some(rhs) } => {
                let (l, r) = (f.unpack_list(Some(lhs)), f.unpack_list(Some(rhs)));
                if let ([l], [r]) = (l.as_slice(), r.as_slice()) {
                    let r = f.unparen(*r);
                    if let ExprKind::Call { fun, args, has_dots: false } = f.expr(r).kind
                        && self.v.builtin(f, fun) == Some(Builtin::Append)
                        && let Some(&a0) = f.exprs_of(args).first()
                        && let (Some(lo), Some(ao)) = (self.v.var_of(f, *l), self.v.var_of(f, a0))
                        && lo == ao
                    {
                        self.v.allowed.insert(f.unparen(*l));
                        self.v.allowed.insert(f.unparen(a0));
                        self.v.appends.insert(r, lo);
                    }
                    if let Some(o) = self.v.var_of(f, *l)
                        && self.v.is_slice(f.unparen(*l))
                        && self.v.empty_init(f, r)
                        && matches!(f.stmt(s).kind, StmtKind::Assign { op: Operator::Def, .. })
                    {
                        self.v.allowed.insert(f.unparen(*l));
                        self.v.slices.insert(o);
                    }
                }
            }
            StmtKind::Decl(decls) => {
                for &d in f.decls_of(decls) {
                    if let DeclKind::Var { names, values, .. } = f.decl(d).kind {
                        let vals = f.unpack_list(values);
                        for (i, &n) in f.names_of(names).iter().enumerate() {
                            let Some(&o) = self.v.ctx.input.defs.get(&(self.v.fnum, n.pos)) else { continue };
                            let slice = goxide_types::objects::object(o).typ.get().is_some_and(|t| {
                                let tab = table();
                                matches!(tab.get(tab.underlying(t)), Type::Slice(_))
                            });
                            if slice && (vals.is_empty() || vals.get(i).is_some_and(|&e| self.v.empty_init(f, e))) {
                                self.v.slices.insert(o);
                            }
                        }
                    }
                }
            }
            StmtKind::For { init: Some(i), .. } => {
                if let StmtKind::Range { x, .. } = f.stmt(i).kind {
                    self.v.allowed.insert(f.unparen(x));
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        match f.expr(x).kind {
            ExprKind::Call { fun, args, .. } => {
                if let Some(b) = self.v.builtin(f, fun)
                    && matches!(b, Builtin::Len | Builtin::Cap | Builtin::Print | Builtin::Println)
                {
                    for &a in f.exprs_of(args) {
                        self.v.allowed.insert(f.unparen(a));
                    }
                }
            }
            ExprKind::Index { x: s, .. } => {
                self.v.allowed.insert(f.unparen(s));
            }
            ExprKind::Operation { op: Operator::Eql | Operator::Neq, x: a, y: Some(b) } => {
                self.v.allowed.insert(f.unparen(a));
                self.v.allowed.insert(f.unparen(b));
            }
            ExprKind::FuncLit { .. } => return false,
            _ => {}
        }
        true
    }
}

/// Every use of a slice variable outside an allowed position escapes.
struct Names<'a, 'b> {
    v: &'a mut Uses<'b>,
}

impl Visitor for Names<'_, '_> {
    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        if let ExprKind::Name(n) = f.expr(x).kind
            && let Some(&o) = self.v.ctx.input.info.uses.get(&(self.v.fnum, n.pos))
            && !self.v.allowed.contains(&x)
        {
            self.v.escaped.insert(o);
        }
        true
    }
}
