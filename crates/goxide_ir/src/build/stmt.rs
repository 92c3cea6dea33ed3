//! Building statements (gc's `ssagen` `state.stmt`, and `walk/range.go`
//! for `for range`): declarations, assignments in Go's two phases,
//! `return` (memory results through the out-pointers), `if`, `for` with
//! go1.22's per-iteration loop variables, `for range` over integers,
//! arrays, pointers to arrays, slices and strings, expression `switch`
//! with `fallthrough`, `break`/`continue` (labelled too).
//!
//! The builder keeps a current block; a terminator ends it, and code that
//! follows (unreachable in Go terms, e.g. after `return`) goes to a fresh
//! block without predecessors. Every branch edge is recorded for SSA
//! construction, and each block is sealed as soon as its last predecessor
//! is emitted (loop headers after the back edge, join blocks after both
//! arms). `break`/`continue` find their statement by the target the
//! parser's branch check recorded, falling back to the innermost one.
//!
//! Invariant: [`FnBuilder::finish`] leaves every block terminated and
//! sealed, and the result verifies.

use goxide_syntax::ast::{DeclKind, ExprId, ExprKind, StmtId, StmtKind};
use goxide_syntax::token::{Operator, Token};
use goxide_types::objects::SrcPos;
use goxide_types::types::{table, BasicKind, ObjId, Type, TypeId};

use super::func::{BranchTarget, FnBuilder};
use super::{unsupported, BuildResult, FuncDecl, Operand, VarInit};
use crate::ir::*;
use crate::repr::{basic, pointer_to, repr_of, Repr};

/// Whether `body` has a statement `pred` accepts, outside function
/// literals (whose statements are their own function's).
pub(crate) fn body_has(file: &goxide_syntax::ast::File, body: StmtId, pred: fn(&StmtKind) -> bool) -> bool {
    use goxide_syntax::walk::{walk_stmt, Visitor};
    struct Finder {
        pred: fn(&StmtKind) -> bool,
        found: bool,
    }
    impl Visitor for Finder {
        fn stmt(&mut self, f: &goxide_syntax::ast::File, s: StmtId) -> bool {
            if (self.pred)(&f.stmt(s).kind) {
                self.found = true;
            }
            !self.found
        }
        fn expr(&mut self, f: &goxide_syntax::ast::File, x: ExprId) -> bool {
            !matches!(f.expr(x).kind, ExprKind::FuncLit { .. })
        }
    }
    let mut v = Finder { pred, found: false };
    walk_stmt(file, &mut v, body);
    v.found
}

/// Where an assignment stores, found in the first phase; the store (and
/// any check) happens in the second.
#[derive(Clone, Copy)]
pub(crate) enum LhsTarget {
    /// `_`.
    Blank,
    /// A local in SSA.
    Local(ObjId),
    /// Storage at an address of type `*T`; `nil_check` when the address
    /// came from a pointer that may be nil.
    Addr { ptr: Value, nil_check: bool },
    /// Element `index` of `len` elements at `base` (an element pointer).
    Elem { base: Value, index: Value, len: Value },
    /// A map's element: the map, its key's temporary, the map type.
    MapElem { map: Value, key: Value, map_type: TypeId },
}

impl FnBuilder<'_> {
    // ---- function bodies ----

    /// Builds the body of a declared function or method.
    pub fn build_body(mut self, fd: &FuncDecl) -> BuildResult<super::Function> {
        let file = self.file();
        let DeclKind::Func { recv, typ, body: Some(body), .. } = file.decl(fd.decl).kind else {
            return Err(unsupported("a function without a body", self.f.pos));
        };
        let ExprKind::FuncType { params, results } = file.expr(typ).kind else {
            return Err(unsupported("a function without a signature", self.f.pos));
        };
        let go_results = self.ctx.sigs[fd.id.index()].results.clone();
        self.build_entry(recv, file.fields_of(params), file.fields_of(results), &go_results, body)?;
        self.block_stmts(body)?;
        self.finish()
    }

    /// Builds an instance of a generic function or method (its type
    /// arguments already in `self.subst`).
    pub fn build_instance(mut self, fd: &FuncDecl, sig: &super::GoSig) -> BuildResult<super::Function> {
        let file = self.file();
        let DeclKind::Func { recv, typ, body: Some(body), .. } = file.decl(fd.decl).kind else {
            return Err(unsupported("a function without a body", self.f.pos));
        };
        let ExprKind::FuncType { params, results } = file.expr(typ).kind else {
            return Err(unsupported("a function without a signature", self.f.pos));
        };
        self.build_entry(recv, file.fields_of(params), file.fields_of(results), &sig.results, body)?;
        self.block_stmts(body)?;
        self.finish()
    }

    /// `var lhs = values` at package level, into `pkg.init`.
    pub fn var_init(&mut self, init: &VarInit) -> BuildResult<()> {
        self.fi = init.fi;
        let targets: Vec<Option<TypeId>> = init.lhs.iter().map(|l| l.and_then(|o| self.ctx.globals.get(&o).map(|&g| self.global_type(g)))).collect();
        let vals = self.rhs_operands_to(&init.values, init.lhs.len(), &targets, self.pos(init.pos))?;
        for (l, v) in init.lhs.iter().zip(vals) {
            if let Some(o) = l {
                let Some(&g) = self.ctx.globals.get(o) else { return Err(unsupported("this variable", self.pos(init.pos))) };
                let p = self.global_addr(g, self.pos(init.pos));
                self.store_operand(p, v, self.pos(init.pos))?;
            }
        }
        Ok(())
    }

    /// The right-hand sides for `n` left-hand sides: one per expression,
    /// or the results of one multi-valued (or comma-ok) expression, given
    /// the left-hand sides' types where known (`targets[i]`: an untyped
    /// `nil` becomes that type's zero value). With several values, memory
    /// ones are copied to temporaries, so that assigning one cannot change
    /// another before it is assigned.
    pub fn rhs_operands_to(&mut self, rhs: &[ExprId], n: usize, targets: &[Option<TypeId>], pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        let vals = if rhs.len() == n {
            let mut out = Vec::with_capacity(n);
            for (i, &e) in rhs.iter().enumerate() {
                match targets.get(i).copied().flatten() {
                    Some(t) if self.is_nil(e) => out.push(self.eval_to(e, t)?),
                    _ => out.push(self.eval(e)?),
                }
            }
            out
        } else if rhs.len() == 1 {
            let vs = match (n, self.eval_comma_ok(rhs[0])?) {
                (2, Some(vs)) => vs,
                (_, _) => self.eval_multi(rhs[0])?,
            };
            if vs.len() != n {
                return Err(unsupported("this assignment's shape", pos));
            }
            vs
        } else {
            return Err(unsupported("this assignment's shape", pos));
        };
        if n > 1 {
            let mut out = Vec::with_capacity(n);
            for v in vals {
                out.push(match v {
                    Operand::Mem(p) => Operand::Mem(self.temp_copy(p, pos)),
                    v => v,
                });
            }
            return Ok(out);
        }
        Ok(vals)
    }

    // ---- statements ----

    pub fn block_stmts(&mut self, block: StmtId) -> BuildResult<()> {
        match self.file().stmt(block).kind {
            StmtKind::Block { stmts, .. } => self.stmt_list(self.file().stmts_of(stmts)),
            _ => self.stmt(block),
        }
    }

    pub fn stmt_list(&mut self, list: &[StmtId]) -> BuildResult<()> {
        for &s in list {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: StmtId) -> BuildResult<()> {
        let file = self.file();
        let st = file.stmt(s);
        let pos = self.pos(st.pos);
        self.moves_before(s, pos)?;
        match st.kind {
            StmtKind::Empty => Ok(()),
            StmtKind::Block { stmts, .. } => self.stmt_list(file.stmts_of(stmts)),
            StmtKind::Labeled { stmt, .. } => {
                // A block of its own, so that `goto` can reach it; sealed
                // when the function is finished (gotos may come later).
                let b = self.label_block(s);
                self.jump(b);
                self.switch_to(b);
                self.stmt(stmt)
            }
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Decl(decls) => {
                for &d in file.decls_of(decls) {
                    self.local_decl(d)?;
                }
                Ok(())
            }
            StmtKind::Assign { op, lhs, rhs } => self.assign(op, lhs, rhs, pos),
            StmtKind::Return { results } => self.return_stmt(results, pos),
            StmtKind::If { init, cond, then, els } => self.if_stmt(init, cond, then, els, pos),
            StmtKind::For { init, cond, post, body } => match init.map(|i| &file.stmt(i).kind) {
                Some(StmtKind::Range { .. }) => self.range_stmt(s, init.unwrap_or(s), body, pos),
                _ => self.for_stmt(s, init, cond, post, body),
            },
            StmtKind::Switch { init, tag, body, .. } => self.switch_stmt(s, init, tag, body, pos),
            StmtKind::Branch { tok, target, .. } => self.branch_stmt(tok, target, pos),
            StmtKind::Send { chan, value } => self.send_stmt(chan, value, pos),
            StmtKind::Call { tok, call } => self.go_defer_stmt(tok, call, pos),
            StmtKind::Select { body, .. } => self.select_stmt(s, body, pos),
            StmtKind::Range { .. } => Err(unsupported("for range", pos)),
            StmtKind::CaseClause { .. } | StmtKind::CommClause { .. } => Err(unsupported("a clause outside its statement", pos)),
        }
    }

    /// An expression statement: a call (results dropped) or a receive.
    fn expr_stmt(&mut self, e: ExprId) -> BuildResult<()> {
        let file = self.file();
        match file.expr(file.unparen(e)).kind {
            ExprKind::Call { .. } | ExprKind::Operation { op: Operator::Recv, y: None, .. } => {
                self.eval_multi(e)?;
                Ok(())
            }
            _ => Err(unsupported("this expression statement", self.expr_pos(e))),
        }
    }

    fn local_decl(&mut self, d: goxide_syntax::ast::DeclId) -> BuildResult<()> {
        let file = self.file();
        let decl = file.decl(d);
        let pos = self.pos(decl.pos);
        match decl.kind {
            DeclKind::Const { .. } | DeclKind::Type { .. } => Ok(()),
            DeclKind::Var { names, values, .. } => {
                let names = file.names_of(names);
                let vals = file.unpack_list(values);
                let targets: Vec<Option<TypeId>> = names.iter().map(|n| self.def_at(n.pos).and_then(|o| self.local_type(o, pos).ok())).collect();
                let values: Vec<Operand> = if vals.is_empty() { Vec::new() } else { self.rhs_operands_to(&vals, names.len(), &targets, pos)? };
                for (i, &n) in names.iter().enumerate() {
                    if file.name_str(n) == "_" {
                        continue;
                    }
                    let Some(o) = self.def_at(n.pos) else {
                        return Err(unsupported("a variable the checker did not define", self.pos(n.pos)));
                    };
                    let t = self.declare_local(o, self.pos(n.pos))?;
                    match values.get(i) {
                        Some(&v) => self.set_local(o, v, pos)?,
                        None if !self.in_memory(o) => {
                            let b = self.block();
                            let z = super::func::zero_value(&mut self.f, b, t);
                            self.write_var(o, z);
                        }
                        None => {} // declared storage is zeroed
                    }
                }
                Ok(())
            }
            _ => Err(unsupported("this declaration inside a function", pos)),
        }
    }

    /// The first phase of assigning to `e`: where it stores.
    pub fn lhs_target(&mut self, e: ExprId, define: bool) -> BuildResult<LhsTarget> {
        let file = self.file();
        let e = file.unparen(e);
        let pos = self.expr_pos(e);
        match file.expr(e).kind {
            ExprKind::Name(n) => {
                if file.name_str(n) == "_" {
                    return Ok(LhsTarget::Blank);
                }
                if define && let Some(o) = self.def_at(n.pos) {
                    self.declare_local(o, self.pos(n.pos))?;
                    return Ok(self.local_target(o));
                }
                let Some(&o) = self.ctx.input.info.uses.get(&(self.fnum(), n.pos)) else {
                    return Err(unsupported("assignment to an unresolved name", pos));
                };
                if let Some(&g) = self.ctx.globals.get(&o) {
                    let p = self.global_addr(g, pos);
                    return Ok(LhsTarget::Addr { ptr: p, nil_check: false });
                }
                if super::is_local_var(o) && self.vars.is_declared(o) {
                    return Ok(self.local_target(o));
                }
                Err(unsupported("assignment to this name", pos))
            }
            ExprKind::Index { x, index } if self.is_map(x) => {
                let (map, key, map_type) = self.map_target(x, index, pos)?;
                Ok(LhsTarget::MapElem { map, key, map_type })
            }
            ExprKind::Index { x, index } => {
                let (base, len) = self.indexable(x)?;
                let i = self.expr(index)?;
                Ok(LhsTarget::Elem { base, index: i, len })
            }
            ExprKind::Operation { op: Operator::Mul, x, y: None } => {
                let p = self.expr(x)?;
                Ok(LhsTarget::Addr { ptr: p, nil_check: true })
            }
            _ => {
                let p = self.addr(e)?;
                Ok(LhsTarget::Addr { ptr: p, nil_check: false })
            }
        }
    }

    fn local_target(&mut self, o: ObjId) -> LhsTarget {
        if self.in_memory(o) {
            let p = self.read_var(o);
            LhsTarget::Addr { ptr: p, nil_check: false }
        } else {
            LhsTarget::Local(o)
        }
    }

    /// The address a target stores at (second phase: its checks).
    fn target_addr(&mut self, t: LhsTarget, pos: Option<SrcPos>) -> BuildResult<Option<Value>> {
        Ok(match t {
            LhsTarget::Blank | LhsTarget::Local(_) => None,
            LhsTarget::Addr { ptr, nil_check } => {
                if nil_check {
                    self.ins(InstKind::NilCheck { ptr }, &[], pos);
                }
                Some(ptr)
            }
            LhsTarget::Elem { base, index, len } => Some(self.checked_elem(base, index, len, pos)),
            LhsTarget::MapElem { map, key, map_type } => Some(self.map_assign_addr(map, key, map_type, pos)?),
        })
    }

    /// The second phase of an assignment: stores `v` at the target.
    pub fn assign_to(&mut self, t: LhsTarget, v: Operand, pos: Option<SrcPos>) -> BuildResult<()> {
        match t {
            LhsTarget::Blank => Ok(()),
            LhsTarget::Local(o) => self.set_local(o, v, pos),
            t => {
                // A map element's value is ready before the map grows.
                let v = match (t, v) {
                    (LhsTarget::MapElem { .. }, Operand::Mem(p)) => Operand::Mem(self.temp_copy(p, pos)),
                    (_, v) => v,
                };
                let Some(p) = self.target_addr(t, pos)? else { return Ok(()) };
                self.store_operand(p, v, pos)
            }
        }
    }

    /// The current value at a target (for `x op= y`), and the target made
    /// direct so the second phase does not check again.
    fn target_value(&mut self, t: LhsTarget, pos: Option<SrcPos>) -> BuildResult<(Value, LhsTarget)> {
        match t {
            LhsTarget::Local(o) => Ok((self.read_var(o), t)),
            LhsTarget::Blank => Err(unsupported("assignment operation on _", pos)),
            t => {
                let Some(p) = self.target_addr(t, pos)? else { return Err(unsupported("this assignment", pos)) };
                let pt = self.f.value_type(p);
                let elem = super::addr::pointee(pt).ok_or_else(|| unsupported("assignment through a non-pointer", pos))?;
                let v = self.ins1(InstKind::Load { addr: p }, elem, pos);
                Ok((v, LhsTarget::Addr { ptr: p, nil_check: false }))
            }
        }
    }

    fn assign(&mut self, op: Operator, lhs: ExprId, rhs: Option<ExprId>, pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        match (op, rhs) {
            (Operator::None | Operator::Def, Some(rhs)) => {
                let lhs_list = file.unpack_list(Some(lhs));
                let rhs_list = file.unpack_list(Some(rhs));
                let define = op == Operator::Def;
                // Phase one: the left-hand sides' operands, then the
                // right-hand sides; phase two: the stores, left to right.
                let mut targets = Vec::with_capacity(lhs_list.len());
                for &l in &lhs_list {
                    // `:=` declares after evaluating the right-hand sides.
                    if define {
                        targets.push(None);
                    } else {
                        targets.push(Some(self.lhs_target(l, false)?));
                    }
                }
                let lhs_types: Vec<Option<TypeId>> = lhs_list.iter().map(|&l| if define { None } else { self.type_of(l).ok() }).collect();
                let values = self.rhs_operands_to(&rhs_list, lhs_list.len(), &lhs_types, pos)?;
                for (i, v) in values.into_iter().enumerate() {
                    let t = match targets[i] {
                        Some(t) => t,
                        None => self.lhs_target(lhs_list[i], true)?,
                    };
                    self.assign_to(t, v, pos)?;
                }
                Ok(())
            }
            (op, rhs) => {
                // x op= y, x++, x--
                let target = self.lhs_target(lhs, false)?;
                let ty = self.type_of(lhs)?;
                let y = match rhs {
                    Some(r) => Some(self.expr(r)?),
                    None => None,
                };
                let (cur, target) = self.target_value(target, pos)?;
                let cur = self.coerce(cur, ty, pos);
                let y = match y {
                    Some(y) => y,
                    None => self.one(ty, pos)?,
                };
                let v = self.binary_op(op, cur, y, ty, pos)?;
                self.assign_to(target, Operand::Val(v), pos)
            }
        }
    }

    /// The constant 1 of numeric type `ty` (for `++`/`--`).
    fn one(&mut self, ty: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let c = match repr_of(ty) {
            Some(Repr::Int { .. }) => Const::Int(1),
            Some(Repr::Float { .. }) => Const::Float(1f64.to_bits()),
            Some(Repr::Complex { .. }) => Const::Complex(1f64.to_bits(), 0),
            _ => return Err(unsupported("++/-- on this type", pos)),
        };
        Ok(self.ins1(InstKind::Const(c), ty, pos))
    }

    fn return_stmt(&mut self, results: Option<ExprId>, pos: Option<SrcPos>) -> BuildResult<()> {
        if let Some(exit) = self.range_exit.clone() {
            let values: Vec<Operand> = match results {
                None => Vec::new(),
                Some(r) => {
                    let list = self.file().unpack_list(Some(r));
                    let targets: Vec<Option<TypeId>> = exit.result_types.iter().map(|&t| Some(t)).collect();
                    self.rhs_operands_to(&list, exit.result_types.len(), &targets, pos)?
                }
            };
            return self.range_func_return(&exit, values, pos);
        }
        let want = self.go_results.clone();
        let values: Vec<Operand> = match results {
            None => Vec::new(),
            Some(r) => {
                let list = self.file().unpack_list(Some(r));
                let targets: Vec<Option<TypeId>> = want.iter().map(|&t| Some(t)).collect();
                self.rhs_operands_to(&list, want.len(), &targets, pos)?
            }
        };
        self.return_operands(values, pos)
    }

    /// Returns `values` (none for a bare return of named results): sets
    /// named results, runs deferred calls, returns.
    pub fn return_operands(&mut self, mut values: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<()> {
        let want = self.go_results.clone();
        let named = self.named_results.clone();
        if self.has_defer {
            // Results are set, deferred calls run (and may change named
            // results), then the named results are what is returned.
            if !named.is_empty() {
                for (o, v) in named.iter().zip(values.drain(..)) {
                    self.set_local(*o, v, pos)?;
                }
            } else {
                // Unnamed results: keep memory ones out of reach of the
                // deferred calls.
                values = values
                    .into_iter()
                    .map(|v| match v {
                        Operand::Mem(p) => Operand::Mem(self.temp_copy(p, pos)),
                        v => v,
                    })
                    .collect();
            }
            let frame = self.frame_value(pos);
            self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Deferreturn, args: vec![frame] }, &[], pos);
        }
        if values.is_empty() {
            for o in named {
                values.push(self.local_operand(o, pos)?);
            }
        }
        let mut regs = Vec::new();
        for (i, (v, &t)) in values.into_iter().zip(&want).enumerate() {
            match self.out_ptrs.get(i).copied().flatten() {
                Some(out) => self.store_operand(out, v, pos)?,
                None => {
                    let v = self.convert_operand(v, t, pos)?;
                    regs.push(self.operand_value(v, pos)?);
                }
            }
        }
        self.terminate(InstKind::Return { values: regs }, pos);
        Ok(())
    }

    /// A condition as a `bool` branch.
    fn cond_branch(&mut self, cond: ExprId, then_b: BlockId, else_b: BlockId) -> BuildResult<()> {
        let c = self.expr(cond)?;
        self.branch(c, then_b, else_b);
        Ok(())
    }

    fn if_stmt(&mut self, init: Option<StmtId>, cond: Option<ExprId>, then: StmtId, els: Option<StmtId>, pos: Option<SrcPos>) -> BuildResult<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let Some(cond) = cond else { return Err(unsupported("if without a condition", pos)) };
        let then_b = self.f.create_block();
        let join = self.f.create_block();
        let else_b = if els.is_some() { self.f.create_block() } else { join };
        self.cond_branch(cond, then_b, else_b)?;
        self.seal(then_b);
        self.switch_to(then_b);
        self.block_stmts(then)?;
        if self.cur.is_some() {
            self.jump(join);
        }
        if let Some(e) = els {
            self.seal(else_b);
            self.switch_to(else_b);
            self.stmt(e)?;
            if self.cur.is_some() {
                self.jump(join);
            }
        }
        self.seal(join);
        self.switch_to(join);
        Ok(())
    }

    /// The variables a `for` init statement declares with `:=` that live
    /// in memory: each iteration gets its own (go1.22).
    fn per_iteration_vars(&self, init: Option<StmtId>) -> Vec<ObjId> {
        let file = self.file();
        let Some(i) = init else { return Vec::new() };
        let StmtKind::Assign { op: Operator::Def, lhs, .. } = file.stmt(i).kind else { return Vec::new() };
        file.unpack_list(Some(lhs))
            .into_iter()
            .filter_map(|l| match file.expr(l).kind {
                ExprKind::Name(n) => self.def_at(n.pos),
                _ => None,
            })
            .filter(|o| self.heap.contains(o))
            .collect()
    }

    fn for_stmt(&mut self, s: StmtId, init: Option<StmtId>, cond: Option<ExprId>, post: Option<StmtId>, body: StmtId) -> BuildResult<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let fresh = self.per_iteration_vars(init);
        let header = self.f.create_block();
        let body_b = self.f.create_block();
        let cont = self.f.create_block();
        let exit = self.f.create_block();
        self.jump(header);
        self.switch_to(header);
        match cond {
            Some(c) => self.cond_branch(c, body_b, exit)?,
            None => self.jump(body_b),
        }
        self.seal(body_b);
        self.switch_to(body_b);
        self.loop_body(s, body, exit, cont)?;
        self.seal(cont);
        self.switch_to(cont);
        // A new variable per iteration, holding the previous one's value,
        // before the post statement (the spec's for-clause rule).
        for o in fresh {
            let old = self.read_var(o);
            let pt = self.f.value_type(old);
            let Some(t) = super::addr::pointee(pt) else { continue };
            let new = self.ins1(InstKind::New { ty: t }, pt, None);
            self.ins(InstKind::Copy { dst: new, src: old }, &[], None);
            self.write_var(o, new);
        }
        if let Some(p) = post {
            self.stmt(p)?;
        }
        self.jump(header);
        self.seal(header);
        self.seal(exit);
        self.switch_to(exit);
        Ok(())
    }

    /// `for k, v := range x` (gc's `walkRange`): over an integer, an
    /// array (copied when its elements are used), a pointer to an array, a
    /// slice, or a string (decoding UTF-8 as the runtime's `decoderune`).
    fn range_stmt(&mut self, s: StmtId, range: StmtId, body: StmtId, pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        let StmtKind::Range { lhs, def, x } = file.stmt(range).kind.clone() else {
            return Err(unsupported("this range clause", pos));
        };
        let lhs_list = file.unpack_list(lhs);
        let key_e = lhs_list.first().copied();
        let val_e = lhs_list.get(1).copied();
        let xt = self.type_of(x)?;
        if super::chan::chan_elem(xt).is_some() {
            return self.range_chan(s, x, key_e, def, body, pos);
        }
        if super::maps::map_types(xt).is_some() {
            return self.range_map(s, x, key_e, val_e, def, body, pos);
        }
        if FnBuilder::is_range_func(xt) {
            return self.range_func(s, x, key_e, val_e, def, body, pos);
        }
        let tab = table();
        let int = basic(BasicKind::Int);
        enum Over {
            Int(Value),
            Elems { base: Value, len: Value, elem: TypeId },
            Str(Value),
        }
        let over = match tab.get(tab.underlying(xt)).clone() {
            Type::Basic(k) if k == BasicKind::String => Over::Str(self.expr(x)?),
            Type::Basic(_) => {
                let n = self.expr(x)?;
                let n = self.coerce(n, self.range_key_type(key_e, xt), pos);
                Over::Int(n)
            }
            Type::Array { len, elem } => {
                let p = match self.eval(x)? {
                    Operand::Mem(p) if val_e.is_some() => self.temp_copy(p, pos),
                    Operand::Mem(p) => p,
                    Operand::Val(_) => return Err(unsupported("ranging over this array", pos)),
                };
                let base = self.ins1(InstKind::Convert { arg: p }, pointer_to(elem), pos);
                let len = self.ins1(InstKind::Const(Const::Int(len)), int, pos);
                Over::Elems { base, len, elem }
            }
            Type::Pointer(a) => {
                let Type::Array { len, elem } = tab.get(tab.underlying(a)).clone() else {
                    return Err(unsupported("ranging over this pointer", pos));
                };
                let p = self.expr(x)?;
                if val_e.is_some() {
                    self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
                }
                let base = self.ins1(InstKind::Convert { arg: p }, pointer_to(elem), pos);
                let len = self.ins1(InstKind::Const(Const::Int(len)), int, pos);
                Over::Elems { base, len, elem }
            }
            Type::Slice(elem) => {
                let sv = self.expr(x)?;
                let base = self.ins1(InstKind::Extract { arg: sv, n: 0 }, pointer_to(elem), pos);
                let len = self.ins1(InstKind::Extract { arg: sv, n: 1 }, int, pos);
                Over::Elems { base, len, elem }
            }
            _ => return Err(unsupported(format!("ranging over {}", super::type_name(xt)), pos)),
        };
        // The hidden index: a block parameter of the header.
        let index_ty = match &over {
            Over::Int(n) => self.f.value_type(*n),
            _ => int,
        };
        let zero = self.ins1(InstKind::Const(Const::Int(0)), index_ty, pos);
        let header = self.f.create_block();
        let hv = self.f.append_block_param(header, index_ty);
        let body_b = self.f.create_block();
        let exit = self.f.create_block();
        self.terminate(InstKind::Jump { dest: BlockCall { block: header, args: vec![zero] } }, pos);
        self.switch_to(header);
        let limit = match &over {
            Over::Int(n) => *n,
            Over::Elems { len, .. } => *len,
            Over::Str(sv) => self.ins1(InstKind::StringLen { arg: *sv }, int, pos),
        };
        let more = self.ins1(InstKind::Compare { op: CompareOp::Lt, lhs: hv, rhs: limit }, basic(BasicKind::Bool), pos);
        self.branch(more, body_b, exit);
        self.seal(body_b);
        self.switch_to(body_b);
        // This iteration's key, value and the next index.
        let (key, val, next): (Value, Option<Operand>, Value) = match &over {
            Over::Int(_) => {
                let one = self.ins1(InstKind::Const(Const::Int(1)), index_ty, pos);
                let next = self.ins1(InstKind::Binary { op: BinaryOp::Add, lhs: hv, rhs: one }, index_ty, pos);
                (hv, None, next)
            }
            Over::Elems { base, elem, .. } => {
                let one = self.ins1(InstKind::Const(Const::Int(1)), int, pos);
                let next = self.ins1(InstKind::Binary { op: BinaryOp::Add, lhs: hv, rhs: one }, int, pos);
                let val = if val_e.is_some() {
                    let p = self.ins1(InstKind::ElemAddr { base: *base, index: hv }, pointer_to(*elem), pos);
                    Some(self.load_operand(p, pos))
                } else {
                    None
                };
                (hv, val, next)
            }
            Over::Str(sv) => {
                let (r, next) = self.decode_rune(*sv, hv, pos)?;
                (hv, Some(Operand::Val(r)), next)
            }
        };
        // Key and value: new variables each iteration with `:=`.
        let mut assigns: Vec<(ExprId, Operand)> = Vec::new();
        if let Some(k) = key_e {
            assigns.push((k, Operand::Val(key)));
        }
        if let (Some(v), Some(val)) = (val_e, val) {
            assigns.push((v, val));
        }
        for (e, v) in assigns {
            let t = self.lhs_target(e, def)?;
            self.assign_to(t, v, pos)?;
        }
        // `continue` and the body's end go to `cont`, which passes the next
        // index (defined in the body's first block, so it dominates every
        // way into `cont`) back to the header.
        let cont = self.f.create_block();
        self.loop_body(s, body, exit, cont)?;
        self.seal(cont);
        self.switch_to(cont);
        self.terminate(InstKind::Jump { dest: BlockCall { block: header, args: vec![next] } }, pos);
        self.seal(header);
        self.seal(exit);
        self.switch_to(exit);
        Ok(())
    }

    /// The type of the key of `range n` over an integer: the key
    /// variable's type when it is declared or assigned, else n's.
    fn range_key_type(&self, key: Option<ExprId>, xt: TypeId) -> TypeId {
        key.and_then(|k| self.type_of(k).ok()).filter(|t| matches!(repr_of(*t), Some(Repr::Int { .. }))).unwrap_or(xt)
    }

    fn switch_stmt(&mut self, s: StmtId, init: Option<StmtId>, tag: Option<ExprId>, body: goxide_syntax::ast::List<StmtId>, pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        if let Some(i) = init {
            self.stmt(i)?;
        }
        if let Some(t) = tag
            && let ExprKind::TypeSwitchGuard { x, .. } = file.expr(t).kind
        {
            return self.type_switch(s, x, body, pos);
        }
        let tag_value = match tag {
            Some(t) => Some(self.eval(t)?),
            None => None,
        };
        let tag_ty = match tag {
            Some(t) => Some(self.type_of(t)?),
            None => None,
        };
        let clauses = file.stmts_of(body);
        let bodies: Vec<BlockId> = clauses.iter().map(|_| self.f.create_block()).collect();
        let exit = self.f.create_block();
        let mut default = None;
        // The tests, in source order; a default clause is taken last.
        for (i, &c) in clauses.iter().enumerate() {
            let StmtKind::CaseClause { cases, .. } = file.stmt(c).kind else {
                return Err(unsupported("a switch clause", self.pos(file.stmt(c).pos)));
            };
            let Some(cases) = cases else {
                default = Some(bodies[i]);
                continue;
            };
            for e in file.unpack_list(Some(cases)) {
                let epos = self.expr_pos(e);
                let cond = match (tag_value, tag_ty) {
                    // `case nil` tests the tag's pointer word, as `tag == nil`.
                    (Some(tv), Some(tty)) if self.is_nil(e) => self.is_nil_value(tv, tty, epos)?,
                    (Some(tv), Some(tty)) => {
                        let v = self.eval(e)?;
                        self.equal_operands(tv, v, tty, self.type_of(e)?, epos)?
                    }
                    _ => self.expr(e)?,
                };
                let next = self.f.create_block();
                self.branch(cond, bodies[i], next);
                self.seal(next);
                self.switch_to(next);
            }
        }
        self.jump(default.unwrap_or(exit));
        self.clause_bodies(s, clauses, &bodies, exit, true, |_, _, _| Ok(()))
    }

    /// `switch v := x.(type) { ... }` (gc's `walkSwitchType`, as a chain
    /// of tests in source order): each case type is an assertion of `x`;
    /// the clause's variable (the checker's implicit object) has the case
    /// type in a one-type clause, else `x`'s type.
    fn type_switch(&mut self, s: StmtId, x: ExprId, body: goxide_syntax::ast::List<StmtId>, pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        let xv = self.expr(x)?;
        let xt = self.type_of(x)?;
        let clauses = file.stmts_of(body).to_vec();
        let bodies: Vec<BlockId> = clauses.iter().map(|_| self.f.create_block()).collect();
        let exit = self.f.create_block();
        let mut default = None;
        // Clauses whose variable is x itself (several types, nil, default).
        let mut bind_whole: Vec<bool> = vec![true; clauses.len()];
        for (i, &c) in clauses.iter().enumerate() {
            let StmtKind::CaseClause { cases, .. } = file.stmt(c).kind else {
                return Err(unsupported("a switch clause", self.pos(file.stmt(c).pos)));
            };
            let Some(cases) = cases else {
                default = Some(bodies[i]);
                continue;
            };
            let list = file.unpack_list(Some(cases));
            let var = self.ctx.input.info.implicits.get(&(self.fnum(), c)).copied();
            let single = list.len() == 1 && !self.is_nil(list[0]);
            bind_whole[i] = !single;
            for e in list {
                let epos = self.expr_pos(e);
                let (ok, v) = if self.is_nil(e) {
                    let raw = self.raw_ptr();
                    let tab = self.ins1(InstKind::Extract { arg: xv, n: 0 }, raw, epos);
                    let zero = self.ins1(InstKind::Const(Const::Zero), raw, epos);
                    let ok = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: tab, rhs: zero }, basic(BasicKind::Bool), epos);
                    (ok, None)
                } else {
                    let t = self.type_of(e)?;
                    let (ok, v) = self.assert_value(xv, xt, t, false, epos)?;
                    (ok, Some(v))
                };
                let next = self.f.create_block();
                let bind = self.f.create_block();
                self.branch(ok, bind, next);
                self.seal(bind);
                self.switch_to(bind);
                if single && let (Some(o), Some(v)) = (var, v) {
                    self.declare_local(o, epos)?;
                    self.set_local(o, v, epos)?;
                }
                self.jump(bodies[i]);
                self.seal(next);
                self.switch_to(next);
            }
        }
        self.jump(default.unwrap_or(exit));
        self.clause_bodies(s, &clauses, &bodies, exit, false, |b, i, c| {
            if bind_whole[i]
                && let Some(&o) = b.ctx.input.info.implicits.get(&(b.fnum(), c))
            {
                b.declare_local(o, pos)?;
                b.set_local(o, Operand::Val(xv), pos)?;
            }
            Ok(())
        })
    }

    pub(crate) fn branch_stmt(&mut self, tok: Token, target: Option<StmtId>, pos: Option<SrcPos>) -> BuildResult<()> {
        match tok {
            Token::Break | Token::Continue | Token::Goto
                if let Some(exit) = self.range_exit.clone()
                    && self.leaves_range_body(&exit, tok, target) =>
            {
                self.leave_range_body(&exit, tok, target, pos);
                Ok(())
            }
            Token::Break | Token::Continue => {
                let found = match target {
                    Some(t) => self.targets.iter().rev().find(|x| x.stmt == t),
                    None => self.targets.iter().rev().find(|x| tok == Token::Break || x.cont.is_some()),
                };
                let dest = match (found, tok) {
                    (Some(t), Token::Break) => Some(t.brk),
                    (Some(t), _) => t.cont,
                    (None, _) => None,
                };
                let Some(d) = dest else { return Err(unsupported("this branch statement", pos)) };
                self.jump(d);
                Ok(())
            }
            Token::Fallthrough => {
                let Some(d) = self.fallthrough else { return Err(unsupported("fallthrough here", pos)) };
                self.jump(d);
                Ok(())
            }
            Token::Goto => {
                let Some(t) = target else { return Err(unsupported("goto without a target", pos)) };
                let b = self.label_block(t);
                self.jump(b);
                Ok(())
            }
            _ => Err(unsupported("this branch statement", pos)),
        }
    }

    /// A loop body: `break` goes to `exit`, `continue` and the body's end
    /// to `cont`.
    pub fn loop_body(&mut self, s: StmtId, body: StmtId, exit: BlockId, cont: BlockId) -> BuildResult<()> {
        self.targets.push(BranchTarget { stmt: s, brk: exit, cont: Some(cont) });
        let r = self.block_stmts(body);
        self.targets.pop();
        r?;
        if self.cur.is_some() {
            self.jump(cont);
        }
        Ok(())
    }

    /// The clause bodies of a switch, type switch or select statement `s`:
    /// each in its block (sealed now: its tests are all emitted), after
    /// `prelude` (a clause's own variables), then to `exit`, where `break`
    /// goes too. With `fallthrough`, a clause may continue in the next.
    pub fn clause_bodies(
        &mut self,
        s: StmtId,
        clauses: &[StmtId],
        bodies: &[BlockId],
        exit: BlockId,
        fallthrough: bool,
        mut prelude: impl FnMut(&mut Self, usize, StmtId) -> BuildResult<()>,
    ) -> BuildResult<()> {
        let file = self.file();
        self.targets.push(BranchTarget { stmt: s, brk: exit, cont: None });
        let saved = self.fallthrough;
        let mut result = Ok(());
        for (i, &c) in clauses.iter().enumerate() {
            let (StmtKind::CaseClause { body: stmts, .. } | StmtKind::CommClause { body: stmts, .. }) = file.stmt(c).kind else { continue };
            self.seal(bodies[i]);
            self.switch_to(bodies[i]);
            self.fallthrough = if fallthrough { bodies.get(i + 1).copied() } else { None };
            result = prelude(self, i, c).and_then(|_| self.stmt_list(file.stmts_of(stmts)));
            if result.is_err() {
                break;
            }
            if self.cur.is_some() {
                self.jump(exit);
            }
        }
        self.fallthrough = saved;
        self.targets.pop();
        result?;
        self.seal(exit);
        self.switch_to(exit);
        Ok(())
    }

    /// The block of labelled statement `s`.
    fn label_block(&mut self, s: StmtId) -> BlockId {
        if let Some(&b) = self.label_blocks.get(&s) {
            return b;
        }
        let b = self.f.create_block();
        self.label_blocks.insert(s, b);
        b
    }
}
