//! `defer` and `go` (gc's `walk/order.go` wrapping of `go`/`defer`
//! calls into closures without arguments, `ssagen` `openDeferRecord` not
//! used): the callee and the arguments are evaluated where the statement
//! is, into heap cells; a generated function `F.deferwrapN`/`F.gowrapN`
//! with a closure object `[code, &cell0, &cell1, ...]` makes the call
//! later. A `func()` value with no arguments (`defer func() { ... }()`)
//! needs no wrapper: it is the closure itself.
//!
//! A deferred closure goes to the runtime with the deferring function's
//! frame (`goxide_rt_deferproc(g, fn, frame)`); every return of a function
//! that defers calls `goxide_rt_deferreturn(g, frame)` after its results
//! are set (named results are read after it, so deferred functions can
//! change them). A `go` closure goes to `goxide_rt_newproc(g, fn)`.
//! Builtins deferred or started (`print`, `println`, `panic`, `close`,
//! `delete`, `copy`, `clear`) are made by the wrapper from the saved
//! values; a deferred `recover()` is called by no deferred function, so
//! it recovers nothing and its wrapper does nothing.

use goxide_syntax::ast::{ExprId, ExprKind, StmtId, StmtKind};
use goxide_syntax::token::Token;
use goxide_types::check::operand::Mode;
use goxide_types::check::SelectionKind;
use goxide_types::objects::{Builtin, SrcPos};
use goxide_types::types::{table, BasicKind, Type, TypeId};

use super::func::FnBuilder;
use super::{signature_of, unsupported, BuildResult, GoSig, Operand};
use crate::ir::*;
use crate::repr::{basic, lower_signature, pointer_to, raw_pointer, repr_of, Repr};

/// What a saved call calls.
#[derive(Clone)]
enum Target {
    /// A function of the package; the saved values are its arguments.
    Direct(FuncId, GoSig),
    /// A func value (saved first), then its arguments.
    Value(GoSig),
    /// Interface method `index` on an interface value (saved first).
    Iface(usize, GoSig),
    /// `print`/`println` of the saved values.
    Print(bool),
    /// `panic` of the saved `interface{}`.
    Panic,
    /// `close` of the saved channel.
    Close,
    /// `delete` of the saved map (of this type) and key.
    Delete(TypeId),
    /// `copy` of the saved destination and source.
    Copy,
    /// `clear` of the saved map or slice (of this type).
    Clear(TypeId),
    /// `recover()` as the deferred (or started) call itself: not called
    /// by a deferred function, so it recovers nothing (gc's wrapper is
    /// skipped by `recover`); nothing to do.
    Recover,
}

/// Whether `body` (not counting function literals) has a `defer`.
pub(crate) fn has_defer(file: &goxide_syntax::ast::File, body: StmtId) -> bool {
    super::stmt::body_has(file, body, |k| matches!(k, StmtKind::Call { tok: Token::Defer, .. }))
}

impl FnBuilder<'_> {
    /// `defer call` or `go call`.
    pub fn go_defer_stmt(&mut self, tok: Token, call: ExprId, pos: Option<SrcPos>) -> BuildResult<()> {
        let (fv, wrapped) = self.saved_call(call, if tok == Token::Defer { "deferwrap" } else { "gowrap" }, pos)?;
        let raw = raw_pointer();
        let f = self.ins1(InstKind::Convert { arg: fv }, raw, pos);
        if tok == Token::Defer {
            let frame = self.frame_value(pos);
            let w = self.ins1(InstKind::Const(Const::Bool(wrapped)), basic(BasicKind::Bool), pos);
            self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Deferproc, args: vec![f, frame, w] }, &[], pos);
        } else {
            self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Newproc, args: vec![f] }, &[], pos);
        }
        Ok(())
    }

    /// This function's frame (its frame pointer), which identifies its
    /// deferred calls.
    pub fn frame_value(&mut self, pos: Option<SrcPos>) -> Value {
        match self.frame {
            Some(v) => v,
            None => {
                // Made in the entry block so that it dominates every use.
                let raw = raw_pointer();
                let inst = Inst::new(self.f.insts.len());
                let v = Value::new(self.f.values.len());
                self.f.values.push(ValueData { ty: raw, def: ValueDef::Result(inst, 0) });
                self.f.insts.push(InstData { kind: InstKind::FramePointer, results: vec![v], pos });
                self.f.blocks[0].insts.insert(0, inst);
                self.frame = Some(v);
                v
            }
        }
    }

    /// The `func()` value that makes `call` later with what it evaluates
    /// now, and whether it is a generated wrapper (so the function the
    /// user deferred is one call deeper, for `recover`).
    fn saved_call(&mut self, call: ExprId, kind: &str, pos: Option<SrcPos>) -> BuildResult<(Value, bool)> {
        let file = self.file();
        let call = file.unparen(call);
        let ExprKind::Call { fun, args, has_dots } = file.expr(call).kind else { return Err(unsupported("this deferred call", pos)) };
        let args = file.exprs_of(args).to_vec();
        let fun = file.unparen(fun);
        // A func literal called without arguments is the closure itself.
        if args.is_empty()
            && let ExprKind::FuncLit { typ, body } = file.expr(fun).kind
            && let Ok(sig) = signature_of(self.type_of(fun)?, pos)
            && sig.params.is_empty()
            && sig.results.is_empty()
        {
            return Ok((self.func_lit(fun, typ, body)?, false));
        }
        let mode = self.tv(fun).map(|tv| tv.mode);
        let (target, saved): (Target, Vec<(Operand, TypeId)>) = match mode {
            Some(Mode::Builtin(b @ (Builtin::Print | Builtin::Println))) => {
                let mut saved = Vec::new();
                let tuple = match args.as_slice() {
                    [a] => match self.tv(*a).map(|tv| table().get(tv.typ).clone()) {
                        Some(Type::Tuple(vars)) => Some((*a, vars)),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some((a, vars)) = tuple {
                    // `defer println(g())` of a multi-valued g: its results.
                    for (v, var) in self.eval_multi(a)?.into_iter().zip(vars.iter()) {
                        saved.push((v, self.sub(var.typ)));
                    }
                } else {
                    for &a in &args {
                        if self.is_nil(a) {
                            return Err(unsupported("printing nil", self.expr_pos(a)));
                        }
                        let t = self.type_of(a)?;
                        saved.push((self.eval(a)?, t));
                    }
                }
                (Target::Print(b == Builtin::Println), saved)
            }
            Some(Mode::Builtin(Builtin::Panic)) => {
                let [a] = args.as_slice() else { return Err(unsupported("panic", pos)) };
                let any = self.empty_interface();
                let v = self.eval_to(*a, any)?;
                (Target::Panic, vec![(v, any)])
            }
            Some(Mode::Builtin(Builtin::Close)) => {
                let [a] = args.as_slice() else { return Err(unsupported("close", pos)) };
                let t = self.type_of(*a)?;
                let c = self.eval(*a)?;
                (Target::Close, vec![(c, t)])
            }
            Some(Mode::Builtin(Builtin::Delete)) => {
                let [m, k] = args.as_slice() else { return Err(unsupported("delete", pos)) };
                let mt = self.type_of(*m)?;
                let (key_t, _) = super::maps::map_types(mt).ok_or_else(|| unsupported("delete", pos))?;
                let mv = self.eval(*m)?;
                let kv = self.eval_to(*k, key_t)?;
                (Target::Delete(mt), vec![(mv, mt), (kv, key_t)])
            }
            Some(Mode::Builtin(Builtin::Copy)) => {
                let [d, sr] = args.as_slice() else { return Err(unsupported("copy", pos)) };
                let (dt, st) = (self.type_of(*d)?, self.type_of(*sr)?);
                let dv = self.eval(*d)?;
                let sv = self.eval(*sr)?;
                (Target::Copy, vec![(dv, dt), (sv, st)])
            }
            Some(Mode::Builtin(Builtin::Clear)) => {
                let [a] = args.as_slice() else { return Err(unsupported("clear", pos)) };
                let t = self.type_of(*a)?;
                let v = self.eval(*a)?;
                (Target::Clear(t), vec![(v, t)])
            }
            Some(Mode::Builtin(Builtin::Recover)) => (Target::Recover, Vec::new()),
            Some(Mode::Builtin(_)) => return Err(unsupported("deferring this builtin", pos)),
            _ => {
                let fun_t = self.raw_type_of(fun).ok_or_else(|| unsupported("this call", pos))?;
                let tab = table();
                let Type::Signature { variadic, .. } = tab.get(tab.underlying(fun_t)).clone() else {
                    return Err(unsupported("this deferred call", pos));
                };
                let sig = signature_of(fun_t, pos)?;
                let sel = match file.expr(fun).kind {
                    ExprKind::Selector { x, .. } => match self.ctx.input.info.selections.get(&(self.fnum(), fun)).cloned() {
                        Some(s) => Some(self.selection_on_type_arg(x, fun, s, pos)?),
                        None => None,
                    },
                    _ => None,
                };
                let direct = match file.expr(fun).kind {
                    ExprKind::Name(n) => self
                        .ctx
                        .input
                        .info
                        .uses
                        .get(&(self.fnum(), n.pos))
                        .copied()
                        .filter(|o| self.ctx.funcs.contains_key(o) || self.ctx.generics.contains_key(o))
                        .map(|o| self.func_of_name(o, n.pos, pos))
                        .transpose()?,
                    _ => None,
                };
                let mut saved = Vec::new();
                let target = match (direct, sel) {
                    (Some(id), _) => Target::Direct(id, sig.clone()),
                    (None, Some(s))
                        if s.kind == SelectionKind::MethodVal
                            && matches!(file.expr(fun).kind, ExprKind::Selector { x, .. } if self.type_of(x).is_ok_and(|t| matches!(repr_of(t), Some(Repr::Interface { .. })))) =>
                    {
                        let ExprKind::Selector { x, .. } = file.expr(fun).kind else { return Err(unsupported("this call", pos)) };
                        let xt = self.type_of(x)?;
                        let iv = self.expr(x)?;
                        let raw = raw_pointer();
                        let tab_w = self.ins1(InstKind::Extract { arg: iv, n: 0 }, raw, pos);
                        self.ins(InstKind::NilCheck { ptr: tab_w }, &[], pos);
                        saved.push((Operand::Val(iv), xt));
                        Target::Iface(*s.path.last().unwrap_or(&0), sig.clone())
                    }
                    (None, Some(s)) if s.kind == SelectionKind::MethodVal && s.path.len() > 1 && {
                        let ExprKind::Selector { x, .. } = file.expr(fun).kind else { return Err(unsupported("this call", pos)) };
                        self.method_owner(x, &s, pos).is_ok_and(|t| matches!(repr_of(t), Some(Repr::Interface { .. })))
                    } =>
                    {
                        // A method promoted from an embedded interface field:
                        // the field's interface value, read now.
                        let ExprKind::Selector { x, .. } = file.expr(fun).kind else { return Err(unsupported("this call", pos)) };
                        let it = self.method_owner(x, &s, pos)?;
                        let base = self.receiver_base(x)?;
                        let fp = self.walk_path(base, &s.path[..s.path.len() - 1], pos)?;
                        let iv = self.ins1(InstKind::Load { addr: fp }, it, pos);
                        let tab_w = self.ins1(InstKind::Extract { arg: iv, n: 0 }, raw_pointer(), pos);
                        self.ins(InstKind::NilCheck { ptr: tab_w }, &[], pos);
                        saved.push((Operand::Val(iv), it));
                        Target::Iface(*s.path.last().unwrap_or(&0), sig.clone())
                    }
                    (None, Some(s)) if s.kind == SelectionKind::MethodVal => {
                        let ExprKind::Selector { x, .. } = file.expr(fun).kind else { return Err(unsupported("this call", pos)) };
                        let Some(m) = s.method else { return Err(unsupported("this call", pos)) };
                        let owner = {
                            let mut t = self.type_of(x)?;
                            for &i in &s.path[..s.path.len().saturating_sub(1)] {
                                let base = super::addr::pointee(t).unwrap_or(t);
                                let Type::Struct(fields) = tab.get(tab.underlying(base)).clone() else { return Err(unsupported("this call", pos)) };
                                t = fields.get(i).map(|f| self.sub(f.var.typ)).ok_or_else(|| unsupported("this call", pos))?;
                            }
                            t
                        };
                        let id = self.method_func(m, owner, pos)?;
                        let msig = self.ctx.sig_of(id).ok_or_else(|| unsupported("this method", pos))?;
                        let r = self.method_receiver_of(x, &s, m, pos)?;
                        let rt = *msig.params.first().ok_or_else(|| unsupported("this method", pos))?;
                        saved.push((r, rt));
                        Target::Direct(id, msig)
                    }
                    _ => {
                        let fv = self.expr(fun)?;
                        // A nil func value panics when the saved call is
                        // made (the spec; gc's wrapper calls it), not here.
                        // Only `go` of a nil `func()` fails at once in gc:
                        // the func value itself goes to newproc, which
                        // throws `go of nil func value`.
                        if kind == "gowrap" && args.is_empty() && sig.results.is_empty() {
                            self.fail_if_nil(fv, RuntimeFunc::Gonilfunc, vec![], pos);
                        }
                        saved.push((Operand::Val(fv), fun_t));
                        Target::Value(sig.clone())
                    }
                };
                let ops = self.call_args_for(&args, &sig, variadic, has_dots, pos)?;
                for (op, &t) in ops.into_iter().zip(&sig.params) {
                    saved.push((op, t));
                }
                (target, saved)
            }
        };
        Ok((self.make_saved_closure(target, saved, kind, pos)?, true))
    }

    /// The closure object and its function for a saved call.
    fn make_saved_closure(&mut self, target: Target, saved: Vec<(Operand, TypeId)>, kind: &str, pos: Option<SrcPos>) -> BuildResult<Value> {
        let raw = raw_pointer();
        let int = basic(BasicKind::Int);
        self.closure_count += 1;
        let name = format!("{}.{kind}{}", self.closure_prefix, self.closure_count);
        let (lp, lr) = lower_signature(&[], &[]);
        let id = self.ctx.add_closure(Function::new(name.clone(), lp.clone(), lr.clone(), pos));
        // The cells, filled now.
        let mut cells = Vec::new();
        for (op, t) in &saved {
            let cell = self.ins1(InstKind::New { ty: *t }, pointer_to(*t), pos);
            self.store_operand(cell, *op, pos)?;
            cells.push(cell);
        }
        let objt = FnBuilder::closure_object_type(cells.len() + 1);
        let objp = self.ins1(InstKind::New { ty: objt }, pointer_to(objt), pos);
        let words = self.ins1(InstKind::Convert { arg: objp }, pointer_to(raw), pos);
        let code = self.ins1(InstKind::FuncAddr { func: id }, raw, pos);
        self.ins(InstKind::Store { addr: words, value: code }, &[], pos);
        for (k, &cell) in cells.iter().enumerate() {
            let idx = self.ins1(InstKind::Const(Const::Int(k as i64 + 1)), int, pos);
            let wp = self.ins1(InstKind::ElemAddr { base: words, index: idx }, pointer_to(raw), pos);
            let cw = self.ins1(InstKind::Convert { arg: cell }, raw, pos);
            self.ins(InstKind::Store { addr: wp, value: cw }, &[], pos);
        }
        // The function: load the cells, make the call.
        let mut w = FnBuilder::new(self.ctx, self.fi, Function::new(name.clone(), lp, lr, pos), name);
        let ctxp = w.ctx_param;
        let objp2 = w.ins1(InstKind::Convert { arg: ctxp }, pointer_to(objt), pos);
        let words2 = w.ins1(InstKind::Convert { arg: objp2 }, pointer_to(raw), pos);
        let mut vals = Vec::new();
        for (k, (_, t)) in saved.iter().enumerate() {
            let idx = w.ins1(InstKind::Const(Const::Int(k as i64 + 1)), int, pos);
            let wp = w.ins1(InstKind::ElemAddr { base: words2, index: idx }, pointer_to(raw), pos);
            let cw = w.ins1(InstKind::Load { addr: wp }, raw, pos);
            let cell = w.ins1(InstKind::Convert { arg: cw }, pointer_to(*t), pos);
            vals.push(w.load_operand(cell, pos));
        }
        match target {
            Target::Direct(fid, sig) => {
                w.call_direct(fid, &sig, vals, pos)?;
            }
            Target::Value(sig) => {
                let mut it = vals.into_iter();
                let fv = it.next().ok_or_else(|| unsupported("this call", pos))?;
                let fv = w.operand_value(fv, pos)?;
                w.call_value(fv, &sig, it.collect(), pos)?;
            }
            Target::Iface(index, sig) => {
                let mut it = vals.into_iter();
                let iv = it.next().ok_or_else(|| unsupported("this call", pos))?;
                let iv = w.operand_value(iv, pos)?;
                w.iface_call_value(iv, index, &sig, it.collect(), pos)?;
            }
            Target::Print(newline) => {
                let mut vs = Vec::new();
                for v in vals {
                    vs.push((w.operand_value(v, pos)?, pos));
                }
                w.print_values(vs, newline, pos)?;
            }
            Target::Panic => {
                let v = vals.into_iter().next().ok_or_else(|| unsupported("panic", pos))?;
                let v = w.operand_value(v, pos)?;
                w.panic_value(v, pos);
            }
            Target::Close => {
                let v = vals.into_iter().next().ok_or_else(|| unsupported("close", pos))?;
                let c = w.operand_value(v, pos)?;
                let raw = raw_pointer();
                let c = w.ins1(InstKind::Convert { arg: c }, raw, pos);
                w.ins(InstKind::RuntimeCall { func: RuntimeFunc::Closechan, args: vec![c] }, &[], pos);
            }
            Target::Delete(mt) => {
                let mut it = vals.into_iter();
                let (Some(m), Some(k)) = (it.next(), it.next()) else { return Err(unsupported("delete", pos)) };
                let m = w.operand_value(m, pos)?;
                w.map_delete_values(m, mt, k, pos)?;
            }
            Target::Copy => {
                let mut it = vals.into_iter();
                let (Some(d), Some(sr)) = (it.next(), it.next()) else { return Err(unsupported("copy", pos)) };
                let d = w.operand_value(d, pos)?;
                let sr = w.operand_value(sr, pos)?;
                w.copy_values(d, sr, pos)?;
            }
            Target::Clear(t) => {
                let v = vals.into_iter().next().ok_or_else(|| unsupported("clear", pos))?;
                let v = w.operand_value(v, pos)?;
                w.clear_value(v, t, pos)?;
            }
            Target::Recover => {}
        }
        let f = w.finish()?;
        self.ctx.set_closure(id, f);
        let fty = table().intern(Type::Signature { params: Box::new([]), results: Box::new([]), variadic: false });
        Ok(self.ins1(InstKind::Convert { arg: objp }, fty, pos))
    }


    /// `panic(v)` of an `interface{}` value.
    pub fn panic_value(&mut self, v: Value, pos: Option<SrcPos>) {
        let raw = raw_pointer();
        let t = self.ins1(InstKind::Extract { arg: v, n: 0 }, raw, pos);
        let d = self.ins1(InstKind::Extract { arg: v, n: 1 }, raw, pos);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Gopanic, args: vec![t, d] }, &[], pos);
        self.terminate(InstKind::Unreachable, pos);
    }
}
