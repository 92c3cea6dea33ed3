//! Which local variables cannot live in SSA registers: those whose
//! address is taken and those a function literal captures (gc's escape
//! analysis, `escape/*.go`, at its most conservative: every such variable
//! goes to the heap; a real escape analysis is a later pass).
//!
//! A variable's address is taken by `&x` (also `&x.f`, `&x[i]` on arrays),
//! by slicing an array variable (`x[i:j]`), and by calling a pointer
//! method on it, or taking such a method value (`x.M()` with `func (*T)
//! M`). A function literal captures a local that it uses and that is
//! declared outside it.
//!
//! Invariant: [`heap_vars`] over-approximates: a variable it leaves out
//! is never addressed, so the builder may keep it in SSA.

use std::collections::HashSet;

use goxide_syntax::ast::{ExprId, ExprKind, File, StmtId, StmtKind};
use goxide_syntax::walk::{walk_expr, walk_stmt, Visitor};
use goxide_types::check::SelectionKind;
use goxide_types::objects::object;
use goxide_types::types::{table, ObjId, Type};

use super::{is_local_var, PkgCtx};

/// The locals of the code under `body` (function literals included) that
/// must live on the heap.
pub(crate) fn heap_vars(ctx: &PkgCtx, fi: usize, body: StmtId) -> HashSet<ObjId> {
    let mut v = Finder { ctx, fi, fnum: ctx.fnums[fi], heap: HashSet::new() };
    walk_stmt(ctx.file(fi), &mut v, body);
    v.heap
}

struct Finder<'a> {
    ctx: &'a PkgCtx<'a>,
    fi: usize,
    fnum: u32,
    heap: HashSet<ObjId>,
}

impl Finder<'_> {
    fn underlying(&self, e: ExprId) -> Option<Type> {
        let tv = self.ctx.input.info.types.get(&(self.fnum, e))?;
        let tab = table();
        Some(tab.get(tab.underlying(tv.typ)).clone())
    }

    /// The local variable whose storage `e` designates, if any.
    fn root_var(&self, f: &File, e: ExprId) -> Option<ObjId> {
        let e = f.unparen(e);
        match f.expr(e).kind {
            ExprKind::Name(n) => {
                let o = *self.ctx.input.info.uses.get(&(self.fnum, n.pos))?;
                is_local_var(o).then_some(o)
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.ctx.input.info.selections.get(&(self.fnum, e))?;
                (sel.kind == SelectionKind::FieldVal && !sel.indirect).then(|| self.root_var(f, x)).flatten()
            }
            ExprKind::Index { x, .. } => match self.underlying(x)? {
                Type::Array { .. } => self.root_var(f, x),
                _ => None,
            },
            _ => None,
        }
    }
}

impl Visitor for Finder<'_> {
    fn stmt(&mut self, f: &File, s: StmtId) -> bool {
        // The body of a range-over-func loop is a function of its own.
        if let StmtKind::For { init: Some(i), body, .. } = f.stmt(s).kind
            && let StmtKind::Range { x, .. } = f.stmt(i).kind
            && matches!(self.underlying(x), Some(Type::Signature { .. }))
        {
            self.heap.extend(outer_locals(self.ctx, self.fnum, f, Region::Stmt(body)));
        }
        true
    }

    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        match f.expr(x).kind {
            ExprKind::Operation { op: goxide_syntax::token::Operator::And, x: operand, y: None } => {
                if let Some(o) = self.root_var(f, operand) {
                    self.heap.insert(o);
                }
            }
            ExprKind::Slice { x: operand, .. } => {
                if matches!(self.underlying(operand), Some(Type::Array { .. }))
                    && let Some(o) = self.root_var(f, operand)
                {
                    self.heap.insert(o);
                }
            }
            ExprKind::Selector { x: operand, .. } => {
                if let Some(sel) = self.ctx.input.info.selections.get(&(self.fnum, x))
                    && sel.kind == SelectionKind::MethodVal
                    && let Some(m) = sel.method
                    && goxide_types::lookup::method_has_ptr_recv(m)
                    && !sel.indirect
                    && !matches!(self.underlying(operand), Some(Type::Pointer(_)))
                    && let Some(o) = self.root_var(f, operand)
                {
                    self.heap.insert(o);
                }
            }
            ExprKind::FuncLit { .. } => {
                self.heap.extend(outer_locals(self.ctx, self.fnum, f, Region::Expr(x)));
            }
            _ => {}
        }
        let _ = self.fi;
        true
    }
}

/// Code with a function of its own: a function literal, or the body of a
/// range-over-func loop (its `yield` function).
#[derive(Clone, Copy)]
pub(crate) enum Region {
    Expr(ExprId),
    Stmt(StmtId),
}

/// The locals that code in `region` uses by name and that are declared
/// outside it (a closure's captured variables), in order of first use.
pub(crate) fn outer_locals(ctx: &PkgCtx, fnum: u32, f: &File, region: Region) -> Vec<ObjId> {
    let mut uses = Uses { ctx, fnum, found: Vec::new() };
    let (start, body) = match region {
        Region::Expr(x) => {
            walk_expr(f, &mut uses, x);
            let body = match f.expr(x).kind {
                ExprKind::FuncLit { body, .. } => Some(body),
                _ => None,
            };
            (f.expr(x).pos, body)
        }
        Region::Stmt(s) => {
            walk_stmt(f, &mut uses, s);
            (f.stmt(s).pos, Some(s))
        }
    };
    let end = match body.map(|b| &f.stmt(b).kind) {
        Some(StmtKind::Block { rbrace, .. }) => *rbrace,
        _ => start,
    };
    uses.found.retain(|&o| !object(o).pos.is_some_and(|p| p.file == fnum && p.pos >= start && p.pos <= end));
    uses.found
}

/// The local variables used by name under a node, each once.
struct Uses<'a> {
    ctx: &'a PkgCtx<'a>,
    fnum: u32,
    found: Vec<ObjId>,
}

impl Visitor for Uses<'_> {
    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        if let ExprKind::Name(n) = f.expr(x).kind
            && let Some(&o) = self.ctx.input.info.uses.get(&(self.fnum, n.pos))
            && is_local_var(o)
            && !self.found.contains(&o)
        {
            self.found.push(o);
        }
        true
    }
}
