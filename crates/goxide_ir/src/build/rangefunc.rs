//! `for k, v := range f` over a function (go1.23's range-over-func, gc's
//! `rangefunc/rewrite.go`): the loop body becomes the `yield` function
//! passed to `f`, a closure like a function literal's (the variables it
//! shares with the enclosing function live on the heap, see
//! [`super::vars`]). A state cell says how the body left:
//!
//! - `continue` (or the body's end): `yield` returns true;
//! - `break`: the state becomes [`BROKE`], `yield` returns false;
//! - `return x`: the results go to cells of the enclosing function, the
//!   state becomes [`RETURNED`], `yield` returns false; after `f` returns
//!   the enclosing function returns them. With named results the cells
//!   are the named results themselves (gc assigns them at the body's
//!   `return`), so a bare `return` in the body stores nothing.
//!
//! - `break`/`continue` to an enclosing statement, or `goto` a label
//!   outside the body: the state becomes a code of its own (from
//!   [`FIRST_BRANCH`], one per distinct branch), `yield` returns false;
//!   after `f` returns the enclosing code makes that branch itself — a
//!   jump there, or, in a body nested in another, leaving that body the
//!   same way (gc's `#next` variable).
//!
//! Nested loops share the outermost function's result cells. `defer` in
//! a body defers to the enclosing function: the closure carries that
//! function's frame pointer, which tags the deferred call (the runtime
//! keeps its list ordered by frame, so the iterator's own deferred calls
//! still run when the iterator returns; gc's `deferrangefunc`).
//!
//! A `yield` called again after it returned false panics as gc's
//! `panicrangestate` does (`range function continued iteration after
//! function for loop body returned false`).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use goxide_syntax::ast::{ExprId, StmtId, StmtKind};
use goxide_syntax::token::Token;
use goxide_types::objects::SrcPos;
use goxide_types::types::{table, BasicKind, Type, TypeId};

use super::func::FnBuilder;
use super::{signature_of, unsupported, BuildResult, Operand};
use crate::ir::*;
use crate::repr::{basic, lower_signature, pointer_to, raw_pointer};

/// The body ran to its end or continued.
pub(crate) const RUNNING: i64 = 0;
/// The body broke out of the loop.
pub(crate) const BROKE: i64 = 1;
/// The body returned from the enclosing function.
pub(crate) const RETURNED: i64 = 2;
/// The first code of a branch out of the body (see [`RangeFuncExit::branches`]).
pub(crate) const FIRST_BRANCH: i64 = 3;

/// What a `yield` function built from a loop body needs to leave it.
#[derive(Clone)]
pub(crate) struct RangeFuncExit {
    /// The loop statement (`break`/`continue` targets).
    pub stmt: StmtId,
    /// The state cell (`*int`).
    pub state: Value,
    /// The enclosing function's result cells (`*T` each).
    pub results: Vec<Value>,
    /// The enclosing function's result types.
    pub result_types: Vec<TypeId>,
    /// The labelled statements inside the body (`goto` stays inside).
    pub labels: Rc<HashSet<StmtId>>,
    /// The branches out of the body to enclosing statements, made so
    /// far; the state code of entry `k` is `FIRST_BRANCH + k`.
    pub branches: Rc<RefCell<Vec<BranchOut>>>,
}

/// A branch out of a body: the branch token and the checker's target.
pub(crate) type BranchOut = (Token, Option<StmtId>);

/// The labelled statements of `body` (not counting function literals).
fn labels_in(file: &goxide_syntax::ast::File, body: StmtId) -> HashSet<StmtId> {
    use goxide_syntax::walk::{walk_stmt, Visitor};
    struct Labels(HashSet<StmtId>);
    impl Visitor for Labels {
        fn stmt(&mut self, f: &goxide_syntax::ast::File, s: StmtId) -> bool {
            if matches!(f.stmt(s).kind, StmtKind::Labeled { .. }) {
                self.0.insert(s);
            }
            true
        }
        fn expr(&mut self, f: &goxide_syntax::ast::File, x: ExprId) -> bool {
            !matches!(f.expr(x).kind, goxide_syntax::ast::ExprKind::FuncLit { .. })
        }
    }
    let mut v = Labels(HashSet::new());
    walk_stmt(file, &mut v, body);
    v.0
}

impl FnBuilder<'_> {
    /// The range-over-func loop `s` (`for lhs := range x { body }`).
    #[allow(clippy::too_many_arguments)]
    pub fn range_func(&mut self, s: StmtId, x: ExprId, key: Option<ExprId>, val: Option<ExprId>, def: bool, body: StmtId, pos: Option<SrcPos>) -> BuildResult<()> {
        let defers = super::deferred::has_defer(self.file(), body);
        let xt = self.type_of(x)?;
        let fsig = signature_of(xt, pos)?;
        let yield_t = *fsig.params.first().ok_or_else(|| unsupported("this range function", pos))?;
        let ysig = signature_of(yield_t, pos)?;
        let f = self.expr(x)?;
        let int = basic(BasicKind::Int);
        let bool_t = basic(BasicKind::Bool);
        let raw = raw_pointer();
        // The state and the result cells, shared with the body; a loop
        // in another loop's body shares that loop's result cells.
        let state = self.ins1(InstKind::New { ty: int }, pointer_to(int), pos);
        let outer = self.range_exit.clone();
        let named = self.named_results.clone();
        let (result_types, results) = match &outer {
            Some(e) => (e.result_types.clone(), e.results.clone()),
            None if !named.is_empty() => {
                // Named results are the cells (gc's rewrite assigns them at
                // the body's `return`): a named result in memory is its
                // own cell; one in a register is copied into a new cell
                // here and back after the loop (nothing else can change it
                // meanwhile: it is not captured and its address is not
                // taken).
                let mut cells = Vec::new();
                for &o in &named {
                    if self.in_memory(o) {
                        cells.push(self.read_var(o));
                    } else {
                        let t = self.local_type(o, pos)?;
                        let c = self.ins1(InstKind::New { ty: t }, pointer_to(t), pos);
                        let v = self.local_operand(o, pos)?;
                        self.store_operand(c, v, pos)?;
                        cells.push(c);
                    }
                }
                (self.go_results.clone(), cells)
            }
            None => {
                let ts = self.go_results.clone();
                let cells = ts.iter().map(|&t| self.ins1(InstKind::New { ty: t }, pointer_to(t), pos)).collect();
                (ts, cells)
            }
        };
        // The enclosing function's frame, which tags the body's deferred
        // calls.
        let frame = if defers {
            if outer.is_some() && self.frame.is_none() {
                return Err(unsupported("defer in a nested range-over-func body without the function's frame", pos));
            }
            Some(self.frame_value(pos))
        } else {
            None
        };
        // The yield function: captured variables, then the state and the
        // result cells in its closure object.
        let captured = self.captured_in_stmt(body);
        let name = self.next_closure_name();
        let (lp, lr) = lower_signature(&ysig.params, &ysig.results);
        let id = self.ctx.add_closure(Function::new(name.clone(), lp.clone(), lr.clone(), pos));
        let nwords = 1 + captured.len() + 1 + results.len() + usize::from(frame.is_some());
        let obj_t = FnBuilder::closure_object_type(nwords);
        let mut inner = FnBuilder::new(self.ctx, self.fi, Function::new(name.clone(), lp, lr, pos), name);
        inner.subst = self.subst.clone();
        inner.heap = self.heap.clone();
        inner.go_results = ysig.results.clone();
        inner.out_ptrs = vec![None; ysig.results.len()];
        let ctxp = inner.ctx_param;
        let objp = inner.ins1(InstKind::Convert { arg: ctxp }, pointer_to(obj_t), pos);
        let words = inner.ins1(InstKind::Convert { arg: objp }, pointer_to(raw), pos);
        let word = |b: &mut FnBuilder, k: usize, t: TypeId| -> Value {
            let idx = b.ins1(InstKind::Const(Const::Int(k as i64)), int, pos);
            let wp = b.ins1(InstKind::ElemAddr { base: words, index: idx }, pointer_to(raw), pos);
            let w = b.ins1(InstKind::Load { addr: wp }, raw, pos);
            b.ins1(InstKind::Convert { arg: w }, pointer_to(t), pos)
        };
        for (k, &o) in captured.iter().enumerate() {
            let t = inner.local_type(o, pos)?;
            let cell = word(&mut inner, k + 1, t);
            inner.declare_local_at(o, cell);
        }
        let istate = word(&mut inner, captured.len() + 1, int);
        let mut iresults = Vec::new();
        for (k, &t) in result_types.iter().enumerate() {
            iresults.push(word(&mut inner, captured.len() + 2 + k, t));
        }
        if frame.is_some() {
            let fp = word(&mut inner, captured.len() + 2 + result_types.len(), raw);
            inner.frame = Some(inner.ins1(InstKind::Convert { arg: fp }, raw, pos));
        }
        // A yield called after the loop ended panics.
        let cur = inner.ins1(InstKind::Load { addr: istate }, int, pos);
        let running = inner.ins1(InstKind::Const(Const::Int(RUNNING)), int, pos);
        let ok = inner.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: cur, rhs: running }, bool_t, pos);
        let bad = inner.f.create_block();
        let good = inner.f.create_block();
        inner.branch(ok, good, bad);
        inner.seal(bad);
        inner.switch_to(bad);
        inner.ins(InstKind::RuntimeCall { func: RuntimeFunc::Panicrangestate, args: vec![cur] }, &[], pos);
        inner.terminate(InstKind::Unreachable, pos);
        inner.seal(good);
        inner.switch_to(good);
        // The loop variables from the parameters.
        let params = inner.f.blocks[0].params.clone();
        let mut pi = 1;
        for (e, &t) in [key, val].into_iter().zip(&ysig.params) {
            let p = params.get(pi).copied();
            pi += 1;
            let (Some(e), Some(p)) = (e, p) else { continue };
            let v = if crate::repr::is_memory(t) { Operand::Mem(p) } else { Operand::Val(p) };
            let target = inner.lhs_target(e, def)?;
            inner.assign_to(target, v, pos)?;
        }
        let branches = Rc::new(RefCell::new(Vec::new()));
        inner.range_exit = Some(RangeFuncExit {
            stmt: s,
            state: istate,
            results: iresults,
            result_types: result_types.clone(),
            labels: Rc::new(labels_in(self.file(), body)),
            branches: branches.clone(),
        });
        inner.block_stmts(body)?;
        if inner.cur.is_some() {
            let t = inner.ins1(InstKind::Const(Const::Bool(true)), bool_t, pos);
            inner.terminate(InstKind::Return { values: vec![t] }, pos);
        }
        let func = inner.finish()?;
        self.ctx.set_closure(id, func);
        // The closure object, and the call of f.
        let objp = self.ins1(InstKind::New { ty: obj_t }, pointer_to(obj_t), pos);
        let owords = self.ins1(InstKind::Convert { arg: objp }, pointer_to(raw), pos);
        let code = self.ins1(InstKind::FuncAddr { func: id }, raw, pos);
        self.ins(InstKind::Store { addr: owords, value: code }, &[], pos);
        let mut cells: Vec<Value> = Vec::new();
        for &o in &captured {
            if !self.in_memory(o) {
                return Err(unsupported("a variable of a range-over-func body kept in a register (an escape analysis bug)", pos));
            }
            cells.push(self.read_var(o));
        }
        cells.push(state);
        cells.extend(results.iter().copied());
        cells.extend(frame);
        for (k, cell) in cells.into_iter().enumerate() {
            let cw = self.ins1(InstKind::Convert { arg: cell }, raw, pos);
            let idx = self.ins1(InstKind::Const(Const::Int(k as i64 + 1)), int, pos);
            let wp = self.ins1(InstKind::ElemAddr { base: owords, index: idx }, pointer_to(raw), pos);
            self.ins(InstKind::Store { addr: wp, value: cw }, &[], pos);
        }
        let yv = self.ins1(InstKind::Convert { arg: objp }, yield_t, pos);
        self.call_value(f, &fsig, vec![Operand::Val(yv)], pos)?;
        // After the loop: return when the body returned; make the branch
        // the body left by.
        let st = self.ins1(InstKind::Load { addr: state }, int, pos);
        let rest = self.on_state(st, RETURNED, pos);
        match &outer {
            // The results are in the shared cells already.
            Some(e) => self.leave_yield(e, RETURNED, pos),
            None if !named.is_empty() => {
                // The named results hold what is returned: copy back those
                // kept in registers, then a bare return.
                for (&o, &cell) in named.iter().zip(&results) {
                    if !self.in_memory(o) {
                        let v = self.load_operand(cell, pos);
                        self.set_local(o, v, pos)?;
                    }
                }
                self.return_operands(Vec::new(), pos)?;
            }
            None => {
                let mut vals = Vec::new();
                for &r in &results {
                    vals.push(self.load_operand(r, pos));
                }
                self.return_operands(vals, pos)?;
            }
        }
        self.switch_to(rest);
        let taken = branches.borrow().clone();
        for (k, (tok, target)) in taken.into_iter().enumerate() {
            let rest = self.on_state(st, FIRST_BRANCH + k as i64, pos);
            self.branch_stmt(tok, target, pos)?;
            self.switch_to(rest);
        }
        Ok(())
    }

    /// Branches on `state == code`: continues in the block taken when it
    /// holds, and returns the block for the other case.
    fn on_state(&mut self, state: Value, code: i64, pos: Option<SrcPos>) -> BlockId {
        let int = basic(BasicKind::Int);
        let c = self.ins1(InstKind::Const(Const::Int(code)), int, pos);
        let is = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: state, rhs: c }, basic(BasicKind::Bool), pos);
        let taken = self.f.create_block();
        let other = self.f.create_block();
        self.branch(is, taken, other);
        self.seal(taken);
        self.seal(other);
        self.switch_to(taken);
        other
    }

    /// The locals declared outside statement `body` that it uses and
    /// that this function has (the loop's own variables are the body's).
    fn captured_in_stmt(&self, body: StmtId) -> Vec<goxide_types::types::ObjId> {
        let outer = super::vars::outer_locals(self.ctx, self.fnum(), self.file(), super::vars::Region::Stmt(body));
        outer.into_iter().filter(|&o| self.vars.is_declared(o)).collect()
    }

    /// The enclosing function's `return` from a range-over-func body:
    /// results to the cells, the state to RETURNED, `yield` returns false.
    pub fn range_func_return(&mut self, exit: &RangeFuncExit, values: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<()> {
        for (cell, v) in exit.results.iter().zip(values) {
            self.store_operand(*cell, v, pos)?;
        }
        self.leave_yield(exit, RETURNED, pos);
        Ok(())
    }

    /// Whether branch `tok` to `target` (the checker's target statement)
    /// leaves the range-over-func body `exit` is for.
    pub fn leaves_range_body(&self, exit: &RangeFuncExit, tok: Token, target: Option<StmtId>) -> bool {
        match (tok, target) {
            (Token::Goto, Some(t)) => !exit.labels.contains(&t),
            (Token::Break, Some(t)) | (Token::Continue, Some(t)) => !self.targets.iter().any(|x| x.stmt == t),
            (Token::Break, None) => self.targets.is_empty(),
            (Token::Continue, None) => !self.targets.iter().any(|x| x.cont.is_some()),
            _ => false,
        }
    }

    /// Leaves the body by branch `tok` to `target`: `continue` of this
    /// loop returns true, `break` of it sets BROKE, any other branch its
    /// own code for the enclosing code to make.
    pub fn leave_range_body(&mut self, exit: &RangeFuncExit, tok: Token, target: Option<StmtId>, pos: Option<SrcPos>) {
        let own = tok != Token::Goto && target.is_none_or(|t| t == exit.stmt);
        if own && tok == Token::Continue {
            let t = self.ins1(InstKind::Const(Const::Bool(true)), basic(BasicKind::Bool), pos);
            self.terminate(InstKind::Return { values: vec![t] }, pos);
            return;
        }
        if own {
            self.leave_yield(exit, BROKE, pos);
            return;
        }
        let k = {
            let mut branches = exit.branches.borrow_mut();
            match branches.iter().position(|&b| b == (tok, target)) {
                Some(k) => k,
                None => {
                    branches.push((tok, target));
                    branches.len() - 1
                }
            }
        };
        self.leave_yield(exit, FIRST_BRANCH + k as i64, pos);
    }

    /// Sets the state and returns false from the `yield` function.
    pub fn leave_yield(&mut self, exit: &RangeFuncExit, state: i64, pos: Option<SrcPos>) {
        let int = basic(BasicKind::Int);
        let v = self.ins1(InstKind::Const(Const::Int(state)), int, pos);
        self.ins(InstKind::Store { addr: exit.state, value: v }, &[], pos);
        let f = self.ins1(InstKind::Const(Const::Bool(false)), basic(BasicKind::Bool), pos);
        self.terminate(InstKind::Return { values: vec![f] }, pos);
    }

    /// Whether `t` is a function type a range statement can range over.
    pub fn is_range_func(t: TypeId) -> bool {
        let tab = table();
        matches!(tab.get(tab.underlying(t)), Type::Signature { .. })
    }
}
