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
//!   the enclosing function returns them.
//!
//! A `yield` called again after it returned false panics as gc's
//! `panicrangestate` does (`range function continued iteration after
//! function for loop body returned false`). Not yet: `defer`, `goto` and
//! `break`/`continue` to an outer statement inside such a body, and such
//! loops nested in one another.

use goxide_syntax::ast::{ExprId, StmtId};
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
}

impl FnBuilder<'_> {
    /// The range-over-func loop `s` (`for lhs := range x { body }`).
    #[allow(clippy::too_many_arguments)]
    pub fn range_func(&mut self, s: StmtId, x: ExprId, key: Option<ExprId>, val: Option<ExprId>, def: bool, body: StmtId, pos: Option<SrcPos>) -> BuildResult<()> {
        if self.range_exit.is_some() {
            return Err(unsupported("range-over-func loops inside one another", pos));
        }
        if super::deferred::has_defer(self.file(), body) {
            return Err(unsupported("defer in the body of a range-over-func loop", pos));
        }
        let xt = self.type_of(x)?;
        let fsig = signature_of(xt, pos)?;
        let yield_t = *fsig.params.first().ok_or_else(|| unsupported("this range function", pos))?;
        let ysig = signature_of(yield_t, pos)?;
        let f = self.expr(x)?;
        let int = basic(BasicKind::Int);
        let bool_t = basic(BasicKind::Bool);
        let raw = raw_pointer();
        // The state and the result cells, shared with the body.
        let state = self.ins1(InstKind::New { ty: int }, pointer_to(int), pos);
        let result_types = self.go_results.clone();
        let mut results = Vec::new();
        for &t in &result_types {
            results.push(self.ins1(InstKind::New { ty: t }, pointer_to(t), pos));
        }
        // The yield function: captured variables, then the state and the
        // result cells in its closure object.
        let captured = self.captured_in_stmt(body);
        let name = self.next_closure_name();
        let (lp, lr) = lower_signature(&ysig.params, &ysig.results);
        let id = self.ctx.add_closure(Function::new(name.clone(), lp.clone(), lr.clone(), pos));
        let nwords = 1 + captured.len() + 1 + results.len();
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
        inner.range_exit = Some(RangeFuncExit { stmt: s, state: istate, results: iresults, result_types: result_types.clone() });
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
        for (k, cell) in cells.into_iter().enumerate() {
            let cw = self.ins1(InstKind::Convert { arg: cell }, raw, pos);
            let idx = self.ins1(InstKind::Const(Const::Int(k as i64 + 1)), int, pos);
            let wp = self.ins1(InstKind::ElemAddr { base: owords, index: idx }, pointer_to(raw), pos);
            self.ins(InstKind::Store { addr: wp, value: cw }, &[], pos);
        }
        let yv = self.ins1(InstKind::Convert { arg: objp }, yield_t, pos);
        self.call_value(f, &fsig, vec![Operand::Val(yv)], pos)?;
        // After the loop: return when the body returned.
        let st = self.ins1(InstKind::Load { addr: state }, int, pos);
        let two = self.ins1(InstKind::Const(Const::Int(RETURNED)), int, pos);
        let returned = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: st, rhs: two }, bool_t, pos);
        let ret_b = self.f.create_block();
        let after = self.f.create_block();
        self.branch(returned, ret_b, after);
        self.seal(ret_b);
        self.switch_to(ret_b);
        let mut vals = Vec::new();
        for &r in &results {
            vals.push(self.load_operand(r, pos));
        }
        self.return_operands(vals, pos)?;
        self.seal(after);
        self.switch_to(after);
        Ok(())
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
