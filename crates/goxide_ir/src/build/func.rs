//! Building one function: its entry (parameters, named results), its
//! statements, and the control flow between blocks (gc's `ssagen`
//! `state.stmt`, cut to the slice in the module header of `build`).
//!
//! The builder keeps a current block; a terminator ends it, and code that
//! follows (unreachable in Go terms, e.g. after `return`) goes to a fresh
//! block without predecessors. Local variables are SSA variables
//! ([`SsaVars`]); every branch edge is recorded there, and each block is
//! sealed as soon as its last predecessor is emitted (loop headers after
//! the back edge, join blocks after both arms).
//!
//! `break`/`continue` find their loop or switch by the target the parser's
//! branch check recorded (`StmtKind::Branch::target`), falling back to the
//! innermost one. Invariant: [`FnBuilder::finish`] leaves every block
//! terminated and sealed, and the result verifies.

use goxide_syntax::ast::{DeclKind, ExprId, ExprKind, File, StmtId, StmtKind};
use goxide_syntax::token::{Operator, Token};
use goxide_syntax::Pos;
use goxide_types::objects::{object, SrcPos};
use goxide_types::types::{ObjId, TypeId};

use super::{unsupported, value_type, BuildResult, FuncDecl, PkgCtx, VarInit};
use crate::ir::*;
use crate::repr::{repr_of, Repr};
use crate::ssa::SsaVars;

/// A statement `break` and `continue` can leave or continue.
struct BranchTarget {
    stmt: StmtId,
    brk: BlockId,
    /// `None` for a switch.
    cont: Option<BlockId>,
}

pub(crate) struct FnBuilder<'a> {
    pub ctx: &'a PkgCtx<'a>,
    /// The file of the code being built.
    pub fi: usize,
    pub f: Function,
    pub vars: SsaVars,
    /// The block receiving instructions; `None` after a terminator.
    cur: Option<BlockId>,
    targets: Vec<BranchTarget>,
    /// Named result variables, in order (empty for unnamed results).
    named_results: Vec<ObjId>,
    /// Where `fallthrough` goes in the switch clause being built.
    fallthrough: Option<BlockId>,
}

/// The zero value of a type, made at the start of `block` (so that it
/// dominates every use there, even when the block is already terminated).
pub(crate) fn zero_value(f: &mut Function, block: BlockId, ty: TypeId) -> Value {
    let c = match repr_of(ty) {
        Some(Repr::Bool) => Const::Bool(false),
        Some(Repr::String) => Const::String(std::sync::Arc::from(&b""[..])),
        _ => Const::Int(0),
    };
    let inst = Inst::new(f.insts.len());
    let v = Value::new(f.values.len());
    f.values.push(ValueData { ty, def: ValueDef::Result(inst, 0) });
    f.insts.push(InstData { kind: InstKind::Const(c), results: vec![v], pos: None });
    f.blocks[block.index()].insts.insert(0, inst);
    v
}

impl<'a> FnBuilder<'a> {
    pub fn new(ctx: &'a PkgCtx<'a>, fi: usize, f: Function) -> FnBuilder<'a> {
        let mut b = FnBuilder {
            ctx,
            fi,
            f,
            vars: SsaVars::default(),
            cur: Some(Function::ENTRY),
            targets: Vec::new(),
            named_results: Vec::new(),
            fallthrough: None,
        };
        b.vars.seal(&mut b.f, Function::ENTRY, &mut zero_value);
        b
    }

    pub fn file(&self) -> &'a File {
        self.ctx.file(self.fi)
    }
    pub fn fnum(&self) -> u32 {
        self.ctx.fnums[self.fi]
    }
    pub fn pos(&self, p: Pos) -> Option<SrcPos> {
        Some(self.ctx.src_pos(self.fi, p))
    }
    pub fn expr_pos(&self, e: ExprId) -> Option<SrcPos> {
        self.pos(self.file().expr(e).pos)
    }

    // ---- emitting ----

    /// The current block, opening an unreachable one after a terminator.
    pub fn block(&mut self) -> BlockId {
        match self.cur {
            Some(b) => b,
            None => {
                let b = self.f.create_block();
                self.vars.seal(&mut self.f, b, &mut zero_value);
                self.cur = Some(b);
                b
            }
        }
    }

    /// Appends a non-terminator; returns its results.
    pub fn ins(&mut self, kind: InstKind, results: &[TypeId], pos: Option<SrcPos>) -> Vec<Value> {
        let b = self.block();
        let i = self.f.append_inst(b, kind, results, pos);
        self.f.insts[i.index()].results.clone()
    }

    /// Appends an instruction with one result.
    pub fn ins1(&mut self, kind: InstKind, ty: TypeId, pos: Option<SrcPos>) -> Value {
        self.ins(kind, &[ty], pos)[0]
    }

    /// Ends the current block with `kind`, recording its edges.
    pub fn terminate(&mut self, kind: InstKind, pos: Option<SrcPos>) {
        let b = self.block();
        let dests: Vec<BlockId> = kind.destinations().iter().map(|d| d.block).collect();
        let i = self.f.append_inst(b, kind, &[], pos);
        for (n, d) in dests.into_iter().enumerate() {
            self.vars.add_edge(b, i, n, d);
        }
        self.cur = None;
    }

    pub fn jump(&mut self, to: BlockId) {
        self.terminate(InstKind::Jump { dest: BlockCall { block: to, args: vec![] } }, None);
    }

    pub fn branch(&mut self, cond: Value, then_b: BlockId, else_b: BlockId) {
        self.terminate(
            InstKind::Branch {
                cond,
                then_dest: BlockCall { block: then_b, args: vec![] },
                else_dest: BlockCall { block: else_b, args: vec![] },
            },
            None,
        );
    }

    pub fn switch_to(&mut self, b: BlockId) {
        self.cur = Some(b);
    }

    pub fn seal(&mut self, b: BlockId) {
        self.vars.seal(&mut self.f, b, &mut zero_value);
    }

    pub fn read_var(&mut self, o: ObjId) -> Value {
        let b = self.block();
        self.vars.use_var(&mut self.f, o, b, &mut zero_value)
    }

    pub fn write_var(&mut self, o: ObjId, v: Value) {
        let b = self.block();
        self.vars.def_var(o, b, v);
    }

    /// Declares local `o` (its type checked to be in the slice).
    pub fn declare_local(&mut self, o: ObjId, pos: Option<SrcPos>) -> BuildResult<TypeId> {
        let t = object(o).typ.get().ok_or_else(|| unsupported("a variable without a type", pos))?;
        let t = value_type(t, "variables", pos)?;
        self.vars.declare(o, t);
        Ok(t)
    }

    /// Terminates what is open and seals everything.
    pub fn finish(mut self) -> BuildResult<Function> {
        if let Some(b) = self.cur {
            if self.f.results.is_empty() {
                self.f.append_inst(b, InstKind::Return { values: vec![] }, &[], None);
            } else if self.f.terminator(b).is_none() {
                self.f.append_inst(b, InstKind::Unreachable, &[], None);
            }
            self.cur = None;
        }
        self.vars.seal_all(&mut self.f, &mut zero_value);
        for i in 0..self.f.blocks.len() {
            let b = BlockId::new(i);
            if self.f.terminator(b).is_none() {
                self.f.append_inst(b, InstKind::Unreachable, &[], None);
            }
        }
        Ok(self.f)
    }

    // ---- function bodies ----

    /// Builds the body of a declared function.
    pub fn build_body(mut self, fd: &FuncDecl) -> BuildResult<Function> {
        let file = self.file();
        let DeclKind::Func { typ, body: Some(body), .. } = file.decl(fd.decl).kind else {
            return Err(unsupported("a function without a body", self.f.pos));
        };
        let ExprKind::FuncType { params, results } = file.expr(typ).kind else {
            return Err(unsupported("a function without a signature", self.f.pos));
        };
        let fnum = self.fnum();
        let entry_params = self.f.blocks[0].params.clone();
        let mut pi = 0;
        for &fid in file.fields_of(params) {
            let field = file.field(fid);
            if let Some(n) = field.name
                && file.name_str(n) != "_"
                && let Some(&o) = self.ctx.input.defs.get(&(fnum, n.pos))
            {
                self.declare_local(o, self.pos(n.pos))?;
                if let Some(&v) = entry_params.get(pi) {
                    self.write_var(o, v);
                }
            }
            pi += 1;
        }
        let result_types = self.f.results.clone();
        for (ri, &fid) in file.fields_of(results).iter().enumerate() {
            let field = file.field(fid);
            if let Some(n) = field.name {
                let Some(&o) = self.ctx.input.defs.get(&(fnum, n.pos)) else {
                    return Err(unsupported("a result the checker did not define", self.pos(n.pos)));
                };
                let t = self.declare_local(o, self.pos(n.pos))?;
                let b = self.block();
                let z = zero_value(&mut self.f, b, t);
                self.write_var(o, z);
                self.named_results.push(o);
            } else if ri < result_types.len() {
                // unnamed results need no variable
            }
        }
        self.block_stmts(body)?;
        self.finish()
    }

    /// `var lhs = values` at package level, into `pkg.init`.
    pub fn var_init(&mut self, init: &VarInit) -> BuildResult<()> {
        self.fi = init.fi;
        let vals = self.rhs_values(&init.values, init.lhs.len(), self.pos(init.pos))?;
        for (l, v) in init.lhs.iter().zip(vals) {
            if let Some(o) = l {
                self.store_global(*o, v, self.pos(init.pos))?;
            }
        }
        Ok(())
    }

    fn store_global(&mut self, o: ObjId, v: Value, pos: Option<SrcPos>) -> BuildResult<()> {
        let Some(&g) = self.ctx.globals.get(&o) else { return Err(unsupported("assignment to this variable", pos)) };
        let gty = self.global_type(g);
        let v = self.coerce(v, gty, pos);
        let addr = self.ins1(InstKind::GlobalAddr { global: g }, crate::repr::pointer_to(gty), pos);
        self.ins(InstKind::Store { addr, value: v }, &[], pos);
        Ok(())
    }

    /// The type of global `g`.
    pub fn global_type(&self, g: GlobalId) -> TypeId {
        self.ctx.global_types[g.index()]
    }

    /// The values of right-hand sides for `n` left-hand sides: one per
    /// expression, or the results of one multi-valued call.
    pub fn rhs_values(&mut self, rhs: &[ExprId], n: usize, pos: Option<SrcPos>) -> BuildResult<Vec<Value>> {
        if rhs.len() == n {
            let mut out = Vec::with_capacity(n);
            for &e in rhs {
                out.push(self.expr(e)?);
            }
            Ok(out)
        } else if rhs.len() == 1 {
            let vs = self.expr_multi(rhs[0])?;
            if vs.len() != n {
                return Err(unsupported("this assignment's shape", pos));
            }
            Ok(vs)
        } else {
            Err(unsupported("this assignment's shape", pos))
        }
    }

    // ---- statements ----

    fn block_stmts(&mut self, block: StmtId) -> BuildResult<()> {
        match self.file().stmt(block).kind {
            StmtKind::Block { stmts, .. } => self.stmt_list(self.file().stmts_of(stmts)),
            _ => self.stmt(block),
        }
    }

    fn stmt_list(&mut self, list: &[StmtId]) -> BuildResult<()> {
        for &s in list {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: StmtId) -> BuildResult<()> {
        let file = self.file();
        let st = file.stmt(s);
        let pos = self.pos(st.pos);
        match st.kind {
            StmtKind::Empty => Ok(()),
            StmtKind::Block { stmts, .. } => self.stmt_list(file.stmts_of(stmts)),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) => {
                self.expr_stmt(e)?;
                Ok(())
            }
            StmtKind::Decl(decls) => {
                for &d in file.decls_of(decls) {
                    self.local_decl(d)?;
                }
                Ok(())
            }
            StmtKind::Assign { op, lhs, rhs } => self.assign(op, lhs, rhs, pos),
            StmtKind::Return { results } => self.return_stmt(results, pos),
            StmtKind::If { init, cond, then, els } => self.if_stmt(init, cond, then, els, pos),
            StmtKind::For { init, cond, post, body } => self.for_stmt(s, init, cond, post, body, pos),
            StmtKind::Switch { init, tag, body, .. } => self.switch_stmt(s, init, tag, body, pos),
            StmtKind::Branch { tok, target, .. } => self.branch_stmt(tok, target, pos),
            StmtKind::Send { .. } => Err(unsupported("channel sends", pos)),
            StmtKind::Call { tok: Token::Defer, .. } => Err(unsupported("defer", pos)),
            StmtKind::Call { .. } => Err(unsupported("go statements", pos)),
            StmtKind::Select { .. } => Err(unsupported("select", pos)),
            StmtKind::Range { .. } => Err(unsupported("for range", pos)),
            StmtKind::CaseClause { .. } | StmtKind::CommClause { .. } => Err(unsupported("a clause outside its statement", pos)),
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
                let values: Vec<Value> = if vals.is_empty() { Vec::new() } else { self.rhs_values(&vals, names.len(), pos)? };
                for (i, &n) in names.iter().enumerate() {
                    if file.name_str(n) == "_" {
                        continue;
                    }
                    let Some(&o) = self.ctx.input.defs.get(&(self.fnum(), n.pos)) else {
                        return Err(unsupported("a variable the checker did not define", self.pos(n.pos)));
                    };
                    let t = self.declare_local(o, self.pos(n.pos))?;
                    let v = match values.get(i) {
                        Some(&v) => self.coerce(v, t, pos),
                        None => {
                            let b = self.block();
                            zero_value(&mut self.f, b, t)
                        }
                    };
                    self.write_var(o, v);
                }
                Ok(())
            }
            _ => Err(unsupported("this declaration inside a function", pos)),
        }
    }

    /// Where an assignment's left-hand side goes.
    fn lhs_target(&mut self, e: ExprId, define: bool) -> BuildResult<Option<LhsTarget>> {
        let file = self.file();
        let e = file.unparen(e);
        let ExprKind::Name(n) = file.expr(e).kind else {
            return Err(unsupported("assignment to this kind of expression", self.expr_pos(e)));
        };
        if file.name_str(n) == "_" {
            return Ok(None);
        }
        let key = (self.fnum(), n.pos);
        if define && let Some(&o) = self.ctx.input.defs.get(&key) {
            let t = self.declare_local(o, self.pos(n.pos))?;
            return Ok(Some(LhsTarget::Local(o, t)));
        }
        let Some(&o) = self.ctx.input.info.uses.get(&key) else {
            return Err(unsupported("assignment to an unresolved name", self.pos(n.pos)));
        };
        if self.ctx.globals.contains_key(&o) {
            return Ok(Some(LhsTarget::Global(o)));
        }
        if super::is_local_var(o) {
            let Some(t) = self.vars.var_type(o) else {
                return Err(unsupported("assignment to a variable of an enclosing function", self.pos(n.pos)));
            };
            return Ok(Some(LhsTarget::Local(o, t)));
        }
        Err(unsupported("assignment to this kind of name", self.pos(n.pos)))
    }

    fn assign_to(&mut self, target: Option<LhsTarget>, v: Value, pos: Option<SrcPos>) -> BuildResult<()> {
        match target {
            None => Ok(()),
            Some(LhsTarget::Local(o, t)) => {
                let v = self.coerce(v, t, pos);
                self.write_var(o, v);
                Ok(())
            }
            Some(LhsTarget::Global(o)) => self.store_global(o, v, pos),
        }
    }

    fn assign(&mut self, op: Operator, lhs: ExprId, rhs: Option<ExprId>, pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        match (op, rhs) {
            (Operator::None | Operator::Def, Some(rhs)) => {
                let lhs_list = file.unpack_list(Some(lhs));
                let rhs_list = file.unpack_list(Some(rhs));
                let define = op == Operator::Def;
                // Go evaluates the right-hand sides, then assigns left to right.
                let values = self.rhs_values(&rhs_list, lhs_list.len(), pos)?;
                let mut targets = Vec::with_capacity(lhs_list.len());
                for &l in &lhs_list {
                    targets.push(self.lhs_target(l, define)?);
                }
                for (t, v) in targets.into_iter().zip(values) {
                    self.assign_to(t, v, pos)?;
                }
                Ok(())
            }
            (op, rhs) => {
                // x op= y, x++, x--
                let target = self.lhs_target(lhs, false)?;
                let Some(target) = target else { return Err(unsupported("assignment operation on _", pos)) };
                let cur = self.expr(lhs)?;
                let ty = self.f.value_type(cur);
                let y = match rhs {
                    Some(r) => self.expr(r)?,
                    None => self.ins1(InstKind::Const(Const::Int(1)), ty, pos),
                };
                let v = self.binary_op(op, cur, y, ty, pos)?;
                self.assign_to(Some(target), v, pos)
            }
        }
    }

    fn return_stmt(&mut self, results: Option<ExprId>, pos: Option<SrcPos>) -> BuildResult<()> {
        let want = self.f.results.clone();
        let values = match results {
            None => {
                let named = self.named_results.clone();
                named.into_iter().map(|o| self.read_var(o)).collect()
            }
            Some(r) => {
                let list = self.file().unpack_list(Some(r));
                let vs = self.rhs_values(&list, want.len(), pos)?;
                vs.into_iter().zip(&want).map(|(v, &t)| self.coerce(v, t, pos)).collect()
            }
        };
        self.terminate(InstKind::Return { values }, pos);
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

    fn for_stmt(&mut self, s: StmtId, init: Option<StmtId>, cond: Option<ExprId>, post: Option<StmtId>, body: StmtId, pos: Option<SrcPos>) -> BuildResult<()> {
        if let Some(i) = init {
            if matches!(self.file().stmt(i).kind, StmtKind::Range { .. }) {
                return Err(unsupported("for range", pos));
            }
            self.stmt(i)?;
        }
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
        self.targets.push(BranchTarget { stmt: s, brk: exit, cont: Some(cont) });
        let r = self.block_stmts(body);
        self.targets.pop();
        r?;
        if self.cur.is_some() {
            self.jump(cont);
        }
        self.seal(cont);
        self.switch_to(cont);
        if let Some(p) = post {
            self.stmt(p)?;
        }
        self.jump(header);
        self.seal(header);
        self.seal(exit);
        self.switch_to(exit);
        Ok(())
    }

    fn switch_stmt(&mut self, s: StmtId, init: Option<StmtId>, tag: Option<ExprId>, body: goxide_syntax::ast::List<StmtId>, pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        if let Some(i) = init {
            self.stmt(i)?;
        }
        if let Some(t) = tag
            && matches!(file.expr(t).kind, ExprKind::TypeSwitchGuard { .. })
        {
            return Err(unsupported("type switches", pos));
        }
        let tag_value = match tag {
            Some(t) => Some(self.expr(t)?),
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
                let cond = match tag_value {
                    Some(tv) => {
                        let v = self.expr(e)?;
                        let tty = self.f.value_type(tv);
                        let v = self.coerce(v, tty, epos);
                        self.compare(CompareOp::Eq, tv, v, epos)?
                    }
                    None => self.expr(e)?,
                };
                let next = self.f.create_block();
                self.branch(cond, bodies[i], next);
                self.seal(next);
                self.switch_to(next);
            }
        }
        self.jump(default.unwrap_or(exit));
        self.targets.push(BranchTarget { stmt: s, brk: exit, cont: None });
        let saved = self.fallthrough;
        let mut result = Ok(());
        for (i, &c) in clauses.iter().enumerate() {
            let StmtKind::CaseClause { body: stmts, .. } = file.stmt(c).kind else { continue };
            // Its predecessors are the tests and a fallthrough from the
            // previous body, all emitted by now.
            self.seal(bodies[i]);
            self.switch_to(bodies[i]);
            self.fallthrough = bodies.get(i + 1).copied();
            result = self.stmt_list(file.stmts_of(stmts));
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

    fn branch_stmt(&mut self, tok: Token, target: Option<StmtId>, pos: Option<SrcPos>) -> BuildResult<()> {
        match tok {
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
            _ => Err(unsupported("goto", pos)),
        }
    }
}

/// Where an assignment stores.
#[derive(Clone, Copy)]
pub(crate) enum LhsTarget {
    Local(ObjId, TypeId),
    Global(ObjId),
}
