//! Calls, builtins and function values (gc's `ssagen` `state.call`,
//! `walk/builtin.go`, `walk/closure.go`).
//!
//! A call passes the closure context first (null for a direct call, the
//! func value for a call through one), an out-pointer to a fresh frame
//! temporary per memory result, then the arguments — a memory argument
//! as a pointer to a fresh copy the callee owns (`repr::lower_signature`).
//! Variadic arguments are packed into a new slice unless passed with
//! `...`. A method call passes the receiver first, found through embedded
//! fields as the selection's path says, by address for a pointer method.
//!
//! A function literal becomes a function of its own (`F.func1`); its
//! value is a closure object `[code, &v1, &v2, ...]` with the addresses
//! of the variables it captures (all of which live on the heap, see
//! [`super::vars`]); the literal's body reads them through its context
//! parameter. Without captures it is a static closure, as gc's.
//!
//! Builtins: `len`, `cap`, `append` (gc's inline append with `growslice`
//! when the capacity is exceeded), `copy`, `make` of slices, `new`,
//! `panic` (with an `interface{}` value), `complex`, `real`, `imag`,
//! `min`, `max` of integers and strings, `print`/`println`
//! ([`super::print`]).

use goxide_syntax::ast::{ExprId, ExprKind, StmtId};
use goxide_types::check::operand::Mode;
use goxide_types::check::{Selection, SelectionKind};
use goxide_types::objects::{Builtin, SrcPos};
use goxide_types::types::{table, BasicKind, ObjId, Type, TypeId};

use super::func::FnBuilder;
use super::{signature_of, type_name, unsupported, value_type, BuildResult, GoSig, Operand};
use crate::ir::*;
use crate::repr::{basic, is_memory, lower_signature, pointer_to, raw_pointer, repr_of, Repr};

/// What a call calls.
#[derive(Clone, Copy)]
enum Callee {
    Direct(FuncId),
    /// Through a func value (a pointer to its closure object).
    Value(Value),
    /// A code pointer with a null context (an itab's function).
    Code(Value),
}

impl FnBuilder<'_> {
    /// A call expression `e` = `fun(args)`.
    pub fn call(&mut self, e: ExprId, fun: ExprId, args: &[ExprId], has_dots: bool) -> BuildResult<Vec<Operand>> {
        let file = self.file();
        let pos = self.expr_pos(e);
        let fun = file.unparen(fun);
        let mode = self.tv(fun).map(|tv| tv.mode);
        match mode {
            Some(Mode::Builtin(b)) => return self.builtin(e, b, args, has_dots),
            Some(Mode::TypeExpr) => {
                let [arg] = args else { return Err(unsupported("this conversion", pos)) };
                return Ok(vec![self.conversion(e, *arg)?]);
            }
            _ => {}
        }
        let fun_t = self.raw_type_of(fun).ok_or_else(|| unsupported("a call the checker did not type", pos))?;
        let tab = table();
        let Type::Signature { variadic, .. } = tab.get(tab.underlying(fun_t)).clone() else {
            return Err(unsupported("calls of this kind of function", pos));
        };
        let sig = signature_of(fun_t, pos)?;
        // The callee and, for a method, the receiver.
        let mut recv: Option<Operand> = None;
        // `f[T](...)`: the instantiated name.
        let fun_name = match file.expr(fun).kind {
            ExprKind::Index { x, .. } if self.is_func_instance(x) => file.unparen(x),
            _ => fun,
        };
        let callee = match file.expr(fun_name).kind {
            ExprKind::Name(n) => {
                let o = self.ctx.input.info.uses.get(&(self.fnum(), n.pos)).copied();
                match o.filter(|o| self.ctx.funcs.contains_key(o) || self.ctx.generics.contains_key(o)) {
                    Some(o) => Callee::Direct(self.func_of_name(o, n.pos, pos)?),
                    None => Callee::Value(self.expr(fun)?),
                }
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.ctx.input.info.selections.get(&(self.fnum(), fun)).cloned();
                // An interface's method (the checker's selection names the
                // interface's method object), or — in generic code — a
                // constraint's method, found again on the type argument.
                let xt = self.type_of(x)?;
                let is_iface = matches!(repr_of(xt), Some(Repr::Interface { .. }));
                let sel = match sel {
                    Some(s) => Some(self.selection_on_type_arg(x, fun, s, pos)?),
                    None => None,
                };
                match sel {
                    Some(s) if s.kind == SelectionKind::MethodVal && is_iface => {
                        let ops = self.call_args_for(args, &sig, variadic, has_dots, pos)?;
                        return self.iface_method_call(x, &s, &sig, ops, pos);
                    }
                    Some(s) if s.kind == SelectionKind::MethodVal && s.path.len() > 1 && self.method_owner(x, &s, pos).is_ok_and(|t| matches!(repr_of(t), Some(Repr::Interface { .. }))) => {
                        // A method of an embedded interface field: the
                        // field's value, then an interface call.
                        let base = self.receiver_base(x)?;
                        let fp = self.walk_path(base, &s.path[..s.path.len() - 1], pos)?;
                        let it = self.method_owner(x, &s, pos)?;
                        let iv = self.ins1(InstKind::Load { addr: fp }, it, pos);
                        let ops = self.call_args_for(args, &sig, variadic, has_dots, pos)?;
                        return self.iface_call_value(iv, *s.path.last().unwrap_or(&0), &sig, ops, pos);
                    }
                    Some(s) if s.kind == SelectionKind::MethodVal => {
                        let (id, r) = self.method_call_target(x, &s, pos)?;
                        recv = Some(r);
                        Callee::Direct(id)
                    }
                    _ => Callee::Value(self.expr(fun)?),
                }
            }
            _ => Callee::Value(self.expr(fun)?),
        };
        // The arguments, in order.
        let mut vals: Vec<Operand> = Vec::new();
        if let Some(r) = recv {
            vals.push(r);
        }
        let arg_ops = self.call_args_for(args, &sig, variadic, has_dots, pos)?;
        vals.extend(arg_ops);
        let mut params = sig.params.clone();
        if recv.is_some() {
            if let Callee::Direct(id) = callee {
                params = self.ctx.sig_of(id).map_or(params, |s| s.params.clone());
            }
        }
        let gsig = GoSig { params, results: sig.results.clone() };
        self.emit_call(callee, &gsig, vals, pos)
    }

    /// The argument operands of a call with signature `sig` (variadic
    /// ones packed into a slice unless passed with `...`).
    pub fn call_args_for(&mut self, args: &[ExprId], sig: &GoSig, variadic: bool, has_dots: bool, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        let nparams = sig.params.len();
        // The type argument `i` is passed at: its parameter's, or the
        // element type of the variadic slice it is packed into.
        let param_type = |i: usize| -> BuildResult<TypeId> {
            if variadic && i + 1 >= nparams && !has_dots {
                match sig.params.last().map(|&t| table().get(table().underlying(t)).clone()) {
                    Some(Type::Slice(elem)) => Ok(elem),
                    _ => Err(unsupported("this variadic call", pos)),
                }
            } else {
                sig.params.get(i).copied().ok_or_else(|| unsupported("this call's arguments", pos))
            }
        };
        // `f(g())` with a multi-valued g: its results are the arguments
        // (packed into the variadic slice as any other arguments).
        let multi = args.len() == 1 && ((nparams > 1 && !variadic) || self.tv(args[0]).is_some_and(|tv| matches!(table().get(tv.typ), Type::Tuple(_))));
        let arg_ops: Vec<Operand> = if multi {
            let vals = self.eval_multi(args[0])?;
            let mut out = Vec::new();
            for (i, v) in vals.into_iter().enumerate() {
                out.push(self.convert_operand(v, param_type(i)?, pos)?);
            }
            out
        } else {
            let mut out = Vec::new();
            for (i, &a) in args.iter().enumerate() {
                out.push(self.eval_to(a, param_type(i)?)?);
            }
            out
        };
        if variadic && !has_dots {
            let fixed = nparams - 1;
            let mut ops = arg_ops;
            let extra: Vec<Operand> = ops.split_off(fixed.min(ops.len()));
            let slice_t = *sig.params.last().ok_or_else(|| unsupported("this variadic call", pos))?;
            ops.push(Operand::Val(self.make_slice_of(slice_t, extra, pos)?));
            return Ok(ops);
        }
        Ok(arg_ops)
    }

    /// A direct call of `id` (Go signature `sig`, receiver included).
    pub fn call_direct(&mut self, id: FuncId, sig: &GoSig, vals: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        self.emit_call(Callee::Direct(id), sig, vals, pos)
    }

    /// A call through func value `fv`.
    pub fn call_value(&mut self, fv: Value, sig: &GoSig, vals: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        self.emit_call(Callee::Value(fv), sig, vals, pos)
    }

    /// A call of a code pointer with a null context.
    pub fn call_code(&mut self, code: Value, sig: &GoSig, vals: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        self.emit_call(Callee::Code(code), sig, vals, pos)
    }

    /// Emits a call with Go-level signature `sig` and argument operands
    /// (receiver included); returns the Go results.
    fn emit_call(&mut self, callee: Callee, sig: &GoSig, vals: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        if vals.len() != sig.params.len() {
            return Err(unsupported("this call's arguments", pos));
        }
        let raw = raw_pointer();
        let mut args = Vec::new();
        let (ctx_arg, code) = match callee {
            Callee::Direct(_) => (self.ins1(InstKind::Const(Const::Zero), raw, pos), None),
            Callee::Code(code) => (self.ins1(InstKind::Const(Const::Zero), raw, pos), Some(code)),
            Callee::Value(fv) => {
                self.ins(InstKind::NilCheck { ptr: fv }, &[], pos);
                let fvr = self.ins1(InstKind::Convert { arg: fv }, pointer_to(raw), pos);
                let code = self.ins1(InstKind::Load { addr: fvr }, raw, pos);
                (self.ins1(InstKind::Convert { arg: fv }, raw, pos), Some(code))
            }
        };
        args.push(ctx_arg);
        let mut outs: Vec<Option<Value>> = Vec::new();
        for &r in &sig.results {
            if is_memory(r) {
                let tmp = self.ins1(InstKind::Alloca { ty: r }, pointer_to(r), pos);
                args.push(tmp);
                outs.push(Some(tmp));
            } else {
                outs.push(None);
            }
        }
        for (v, &t) in vals.into_iter().zip(&sig.params) {
            match self.convert_operand(v, t, pos)? {
                Operand::Val(v) => args.push(v),
                Operand::Mem(p) => {
                    let copy = self.temp_copy(p, pos);
                    args.push(copy);
                }
            }
        }
        let (_, lr) = lower_signature(&sig.params, &sig.results);
        let results = match (callee, code) {
            (Callee::Direct(id), _) => self.ins(InstKind::Call { callee: id, args }, &lr, pos),
            (_, Some(code)) => self.ins(InstKind::CallIndirect { code, args }, &lr, pos),
            _ => return Err(unsupported("this call", pos)),
        };
        let mut regs = results.into_iter();
        let mut out = Vec::new();
        for o in outs {
            match o {
                Some(p) => out.push(Operand::Mem(p)),
                None => out.push(Operand::Val(regs.next().ok_or_else(|| unsupported("a call's results", pos))?)),
            }
        }
        Ok(out)
    }

    /// The function and the receiver operand of method call `x.M(...)`.
    fn method_call_target(&mut self, x: ExprId, s: &Selection, pos: Option<SrcPos>) -> BuildResult<(FuncId, Operand)> {
        let Some(m) = s.method else { return Err(unsupported("a method call without a method", pos)) };
        let owner = self.method_owner(x, s, pos)?;
        let id = self.method_func(m, owner, pos)?;
        let r = self.method_receiver_of(x, s, m, pos)?;
        Ok((id, r))
    }

    /// The type declaring the method selected by `s` on `x`: `x`'s type
    /// after the selection's embedded fields.
    pub(crate) fn method_owner(&mut self, x: ExprId, s: &Selection, pos: Option<SrcPos>) -> BuildResult<TypeId> {
        let mut t = self.type_of(x)?;
        let tab = table();
        for &i in &s.path[..s.path.len().saturating_sub(1)] {
            let base = super::addr::pointee(t).unwrap_or(t);
            let Type::Struct(fields) = tab.get(tab.underlying(base)).clone() else { return Err(unsupported("this method", pos)) };
            t = fields.get(i).map(|f| self.sub(f.var.typ)).ok_or_else(|| unsupported("this method", pos))?;
        }
        Ok(t)
    }

    /// The checker's selection `s` of method `fun` = `x.M`, made for the
    /// type argument: in generic code the checker selected a method of
    /// `x`'s constraint, which is found again on the type argument — a
    /// concrete type's declared method, or, for an interface type
    /// argument, its own method (whose index in the itab may differ from
    /// the constraint's).
    pub(crate) fn selection_on_type_arg(&mut self, x: ExprId, fun: ExprId, s: Selection, pos: Option<SrcPos>) -> BuildResult<Selection> {
        if s.kind != SelectionKind::MethodVal || s.path.len() != 1 {
            return Ok(s);
        }
        let xt = self.type_of(x)?;
        let reselect = if matches!(repr_of(xt), Some(Repr::Interface { .. })) {
            self.tv(x).is_some_and(|tv| matches!(table().get(tv.typ), Type::TypeParam(_)))
        } else {
            !s.method.is_some_and(|m| self.ctx.funcs.contains_key(&m) || self.ctx.generics.contains_key(&m))
        };
        if reselect { self.concrete_selection(xt, fun, pos) } else { Ok(s) }
    }

    /// The selection of method `fun` = `x.M` found on `x`'s concrete type
    /// (in generic code, where the checker saw only the constraint).
    fn concrete_selection(&mut self, xt: TypeId, fun: ExprId, pos: Option<SrcPos>) -> BuildResult<Selection> {
        let file = self.file();
        let ExprKind::Selector { sel, .. } = file.expr(fun).kind else { return Err(unsupported("this method", pos)) };
        let name = goxide_types::symbol::Symbol::intern(file.name_str(sel));
        let pkg = table().named(table().unalias(super::addr::pointee(xt).unwrap_or(xt))).and_then(|n| n.pkg);
        match goxide_types::lookup::lookup_field_or_method(xt, true, pkg, name, false) {
            goxide_types::lookup::Lookup::Method { path, method, indirect, recv, .. } => Ok(Selection {
                kind: SelectionKind::MethodVal,
                recv,
                path: path.into_boxed_slice(),
                indirect,
                method,
                typ: xt,
            }),
            _ => Err(unsupported("this method on a type argument", pos)),
        }
    }

    /// The receiver a method `m` selected by `s` on `x` is called with.
    pub fn method_receiver_of(&mut self, x: ExprId, s: &Selection, m: ObjId, pos: Option<SrcPos>) -> BuildResult<Operand> {
        let ptr_recv = goxide_types::lookup::method_has_ptr_recv(m);
        let xt = self.type_of(x)?;
        let embedded = &s.path[..s.path.len().saturating_sub(1)];
        if embedded.is_empty() {
            let x_is_ptr = super::addr::pointee(xt).is_some();
            return Ok(match (ptr_recv, x_is_ptr) {
                (true, true) => Operand::Val(self.expr(x)?),
                (true, false) => Operand::Val(self.addr(x)?),
                (false, true) => {
                    let p = self.expr(x)?;
                    self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
                    self.load_operand(p, pos)
                }
                (false, false) => self.eval(x)?,
            });
        }
        let base = self.receiver_base(x)?;
        let fp = self.walk_path(base, embedded, pos)?;
        let ft = super::addr::pointee(self.f.value_type(fp)).ok_or_else(|| unsupported("this receiver", pos))?;
        let field_is_ptr = super::addr::pointee(ft).is_some();
        Ok(match (ptr_recv, field_is_ptr) {
            (true, true) => Operand::Val(self.ins1(InstKind::Load { addr: fp }, ft, pos)),
            (true, false) => Operand::Val(fp),
            (false, true) => {
                let p = self.ins1(InstKind::Load { addr: fp }, ft, pos);
                self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
                self.load_operand(p, pos)
            }
            (false, false) => self.load_operand(fp, pos),
        })
    }

    /// A new slice of type `slice_t` holding `elems` (variadic packing).
    fn make_slice_of(&mut self, slice_t: TypeId, elems: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<Value> {
        let tab = table();
        let Type::Slice(elem) = tab.get(tab.underlying(slice_t)).clone() else { return Err(unsupported("this variadic call", pos)) };
        let int = basic(BasicKind::Int);
        let n = elems.len() as i64;
        if n == 0 {
            return Ok(self.ins1(InstKind::Const(Const::Zero), slice_t, pos));
        }
        let arr_t = tab.intern(Type::Array { len: n, elem });
        let p = self.ins1(InstKind::New { ty: arr_t }, pointer_to(arr_t), pos);
        let base = self.ins1(InstKind::Convert { arg: p }, pointer_to(elem), pos);
        for (i, v) in elems.into_iter().enumerate() {
            let idx = self.ins1(InstKind::Const(Const::Int(i as i64)), int, pos);
            let ep = self.ins1(InstKind::ElemAddr { base, index: idx }, pointer_to(elem), pos);
            self.store_operand(ep, v, pos)?;
        }
        let nv = self.ins1(InstKind::Const(Const::Int(n)), int, pos);
        Ok(self.ins1(InstKind::Compose { parts: vec![base, nv, nv] }, slice_t, pos))
    }

    /// A function literal: its function, and its value.
    pub fn func_lit(&mut self, e: ExprId, typ: ExprId, body: StmtId) -> BuildResult<Value> {
        let file = self.file();
        let pos = self.expr_pos(e);
        let ExprKind::FuncType { params, results } = file.expr(typ).kind else { return Err(unsupported("this function literal", pos)) };
        let fty = self.type_of(e)?;
        let sig = signature_of(fty, pos)?;
        let name = self.next_closure_name();
        let captured = self.captured_vars(e);
        let (lp, lr) = lower_signature(&sig.params, &sig.results);
        let id = self.ctx.add_closure(Function::new(name.clone(), lp.clone(), lr.clone(), pos));
        // The literal's body, with its captured variables read from the
        // closure object.
        let mut inner = FnBuilder::new(self.ctx, self.fi, Function::new(name.clone(), lp, lr, pos), name);
        inner.subst = self.subst.clone();
        let raw = raw_pointer();
        let obj_t = FnBuilder::closure_object_type(captured.len() + 1);
        let int = basic(BasicKind::Int);
        if !captured.is_empty() {
            let ctxp = inner.ctx_param;
            let objp = inner.ins1(InstKind::Convert { arg: ctxp }, pointer_to(obj_t), pos);
            let words = inner.ins1(InstKind::Convert { arg: objp }, pointer_to(raw), pos);
            for (k, &o) in captured.iter().enumerate() {
                let t = inner.local_type(o, pos)?;
                let idx = inner.ins1(InstKind::Const(Const::Int(k as i64 + 1)), int, pos);
                let wp = inner.ins1(InstKind::ElemAddr { base: words, index: idx }, pointer_to(raw), pos);
                let w = inner.ins1(InstKind::Load { addr: wp }, raw, pos);
                let cell = inner.ins1(InstKind::Convert { arg: w }, pointer_to(t), pos);
                inner.declare_local_at(o, cell);
            }
        }
        inner.build_entry(None, file.fields_of(params), file.fields_of(results), &sig.results, body)?;
        inner.block_stmts(body)?;
        let f = inner.finish()?;
        self.ctx.set_closure(id, f);
        if captured.is_empty() {
            return Ok(self.ins1(InstKind::StaticClosure { func: id }, fty, pos));
        }
        // The closure object.
        let objp = self.ins1(InstKind::New { ty: obj_t }, pointer_to(obj_t), pos);
        let words = self.ins1(InstKind::Convert { arg: objp }, pointer_to(raw), pos);
        let code = self.ins1(InstKind::FuncAddr { func: id }, raw, pos);
        self.ins(InstKind::Store { addr: words, value: code }, &[], pos);
        for (k, &o) in captured.iter().enumerate() {
            if !self.in_memory(o) {
                return Err(unsupported("capturing a variable kept in a register (an escape analysis bug)", pos));
            }
            let cell = self.read_var(o);
            let cw = self.ins1(InstKind::Convert { arg: cell }, raw, pos);
            let idx = self.ins1(InstKind::Const(Const::Int(k as i64 + 1)), int, pos);
            let wp = self.ins1(InstKind::ElemAddr { base: words, index: idx }, pointer_to(raw), pos);
            self.ins(InstKind::Store { addr: wp, value: cw }, &[], pos);
        }
        Ok(self.ins1(InstKind::Convert { arg: objp }, fty, pos))
    }

    /// The locals declared outside literal `e` that its body uses, in
    /// order of first use.
    fn captured_vars(&self, e: ExprId) -> Vec<ObjId> {
        super::vars::outer_locals(self.ctx, self.fnum(), self.file(), super::vars::Region::Expr(e))
    }

    fn builtin(&mut self, e: ExprId, b: Builtin, args: &[ExprId], has_dots: bool) -> BuildResult<Vec<Operand>> {
        let pos = self.expr_pos(e);
        let int = basic(BasicKind::Int);
        let one = |v: Value| Ok(vec![Operand::Val(v)]);
        match b {
            Builtin::Print | Builtin::Println => {
                self.walk_print(args, b == Builtin::Println, pos)?;
                Ok(Vec::new())
            }
            Builtin::Len | Builtin::Cap => {
                let [arg] = args else { return Err(unsupported("len", pos)) };
                let t = self.type_of(*arg)?;
                let tab = table();
                let v = match (tab.get(tab.underlying(t)).clone(), b) {
                    (Type::Basic(BasicKind::String), Builtin::Len) => {
                        let s = self.expr(*arg)?;
                        self.ins1(InstKind::StringLen { arg: s }, int, pos)
                    }
                    (Type::Slice(_), _) => {
                        let s = self.expr(*arg)?;
                        let n = if b == Builtin::Len { 1 } else { 2 };
                        self.ins1(InstKind::Extract { arg: s, n }, int, pos)
                    }
                    (Type::Map { .. }, Builtin::Len) => {
                        let m = self.expr(*arg)?;
                        self.chan_len_cap(m, 0, pos)
                    }
                    (Type::Chan { .. }, _) => {
                        let c = self.expr(*arg)?;
                        self.chan_len_cap(c, if b == Builtin::Len { 0 } else { 8 }, pos)
                    }
                    (Type::Array { len, .. }, _) => {
                        self.eval(*arg)?;
                        self.ins1(InstKind::Const(Const::Int(len)), int, pos)
                    }
                    (Type::Pointer(a), _) if matches!(tab.get(tab.underlying(a)), Type::Array { .. }) => {
                        let Type::Array { len, .. } = tab.get(tab.underlying(a)).clone() else { unreachable!() };
                        self.eval(*arg)?;
                        self.ins1(InstKind::Const(Const::Int(len)), int, pos)
                    }
                    _ => return Err(unsupported(format!("len or cap of {}", type_name(t)), pos)),
                };
                let rt = self.type_of(e)?;
                one(self.coerce(v, rt, pos))
            }
            Builtin::New => {
                let t = self.type_of(e)?;
                let elem = super::addr::pointee(t).ok_or_else(|| unsupported("new", pos))?;
                one(self.ins1(InstKind::New { ty: elem }, t, pos))
            }
            Builtin::Make => {
                let t = self.type_of(e)?;
                let tab = table();
                if let Type::Chan { .. } = tab.get(tab.underlying(t)) {
                    return one(self.make_chan(t, args.get(1).copied(), pos)?);
                }
                if let Type::Map { .. } = tab.get(tab.underlying(t)) {
                    return one(self.make_map(t, args.get(1).copied(), pos)?);
                }
                let Type::Slice(elem) = tab.get(tab.underlying(t)).clone() else {
                    return Err(unsupported(format!("make of {}", type_name(t)), pos));
                };
                let len = match args.get(1) {
                    Some(&a) => {
                        let v = self.expr(a)?;
                        self.int_to_int64(v, pos)
                    }
                    None => return Err(unsupported("make without a length", pos)),
                };
                let cap = match args.get(2) {
                    Some(&a) => {
                        let v = self.expr(a)?;
                        self.int_to_int64(v, pos)
                    }
                    None => len,
                };
                let desc = self.ins1(InstKind::TypeDesc { ty: elem }, raw_pointer(), pos);
                let p = self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Makeslice, args: vec![desc, len, cap] }, pointer_to(elem), pos);
                let len = self.coerce(len, int, pos);
                let cap = self.coerce(cap, int, pos);
                one(self.ins1(InstKind::Compose { parts: vec![p, len, cap] }, t, pos))
            }
            Builtin::Append => self.append(e, args, has_dots),
            Builtin::Copy => {
                let [dst, src] = args else { return Err(unsupported("copy", pos)) };
                let dv = self.expr(*dst)?;
                let sv = self.expr(*src)?;
                let n = self.copy_values(dv, sv, pos)?;
                let rt = self.type_of(e)?;
                one(self.coerce(n, rt, pos))
            }
            Builtin::Panic => {
                let [arg] = args else { return Err(unsupported("panic", pos)) };
                let any = self.empty_interface();
                let v = self.eval_to(*arg, any)?;
                let v = self.operand_value(v, pos)?;
                self.panic_value(v, pos);
                Ok(Vec::new())
            }
            Builtin::Delete => {
                let [m, k] = args else { return Err(unsupported("delete", pos)) };
                self.map_delete(*m, *k, pos)?;
                Ok(Vec::new())
            }
            Builtin::Clear => {
                let [arg] = args else { return Err(unsupported("clear", pos)) };
                let t = self.type_of(*arg)?;
                let v = self.expr(*arg)?;
                self.clear_value(v, t, pos)?;
                Ok(Vec::new())
            }
            Builtin::Close => {
                let [arg] = args else { return Err(unsupported("close", pos)) };
                self.close_chan(*arg, pos)?;
                Ok(Vec::new())
            }
            Builtin::Recover => {
                let any = self.empty_interface();
                let frame = self.frame_value(pos);
                one(self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Gorecover, args: vec![frame] }, any, pos))
            }
            Builtin::Complex => {
                let [re, im] = args else { return Err(unsupported("complex", pos)) };
                let t = self.type_of(e)?;
                let ft = match repr_of(t) {
                    Some(Repr::Complex { bits: 64 }) => basic(BasicKind::Float32),
                    _ => basic(BasicKind::Float64),
                };
                let r = self.expr(*re)?;
                let r = self.coerce(r, ft, pos);
                let i = self.expr(*im)?;
                let i = self.coerce(i, ft, pos);
                one(self.ins1(InstKind::Compose { parts: vec![r, i] }, t, pos))
            }
            Builtin::Real | Builtin::Imag => {
                let [arg] = args else { return Err(unsupported("real", pos)) };
                let t = self.type_of(e)?;
                let v = self.expr(*arg)?;
                let n = if b == Builtin::Real { 0 } else { 1 };
                one(self.ins1(InstKind::Extract { arg: v, n }, t, pos))
            }
            Builtin::Min | Builtin::Max => {
                let t = self.type_of(e)?;
                let float = matches!(repr_of(t), Some(Repr::Float { .. }));
                if !float && !matches!(repr_of(t), Some(Repr::Int { .. } | Repr::String)) {
                    return Err(unsupported(format!("min/max of {}", type_name(t)), pos));
                }
                let mut acc: Option<Value> = None;
                for &a in args {
                    let v = self.expr(a)?;
                    let v = self.coerce(v, t, pos);
                    acc = Some(match acc {
                        None => v,
                        Some(x) if float => {
                            let op = if b == Builtin::Min { BinaryOp::Min } else { BinaryOp::Max };
                            self.ins1(InstKind::Binary { op, lhs: x, rhs: v }, t, pos)
                        }
                        Some(x) => self.min_max_int(x, v, b == Builtin::Min, pos),
                    });
                }
                one(acc.ok_or_else(|| unsupported("min/max without arguments", pos))?)
            }
            Builtin::Add => {
                let [p, n] = args else { return Err(unsupported("unsafe.Add", pos)) };
                let uintptr = basic(BasicKind::Uintptr);
                let pv = self.expr(*p)?;
                let nv = self.expr(*n)?;
                let pu = self.ins1(InstKind::Convert { arg: pv }, uintptr, pos);
                let nu = self.coerce(nv, uintptr, pos);
                let sum = self.ins1(InstKind::Binary { op: BinaryOp::Add, lhs: pu, rhs: nu }, uintptr, pos);
                let rt = self.type_of(e)?;
                one(self.ins1(InstKind::Convert { arg: sum }, rt, pos))
            }
            Builtin::SliceData | Builtin::StringData => {
                let [x] = args else { return Err(unsupported("unsafe.SliceData", pos)) };
                let xv = self.expr(*x)?;
                let rt = self.type_of(e)?;
                one(self.ins1(InstKind::Extract { arg: xv, n: 0 }, rt, pos))
            }
            Builtin::Slice | Builtin::String => {
                let [p, n] = args else { return Err(unsupported("unsafe.Slice", pos)) };
                let rt = self.type_of(e)?;
                let pv = self.expr(*p)?;
                let nv = self.expr(*n)?;
                let nv = self.coerce(nv, int, pos);
                let elem_size = match table().get(table().underlying(rt)) {
                    Type::Slice(elem) => self.ctx.sizeof(*elem),
                    _ => 1,
                };
                let (len_err, nil_err) = if b == Builtin::Slice {
                    (RuntimeFunc::PanicUnsafeSliceLen, RuntimeFunc::PanicUnsafeSliceNilPtr)
                } else {
                    (RuntimeFunc::PanicUnsafeStringLen, RuntimeFunc::PanicUnsafeStringNilPtr)
                };
                self.unsafe_slice_checks(pv, nv, elem_size, len_err, nil_err, pos);
                let parts = if b == Builtin::Slice { vec![pv, nv, nv] } else { vec![pv, nv] };
                one(self.ins1(InstKind::Compose { parts }, rt, pos))
            }
            other => Err(unsupported(format!("the builtin {}", other.info().0), pos)),
        }
    }

    /// gc's `unsafeslice`/`unsafestring` checks of `unsafe.Slice(p, n)` /
    /// `unsafe.String(p, n)` (`n` an `int`, elements of `elem_size`
    /// bytes; the sizes of 64-bit targets): a negative `n`, or `n`
    /// elements past the end of the address space (from nil: any), panic.
    fn unsafe_slice_checks(&mut self, p: Value, n: Value, elem_size: i64, len_err: RuntimeFunc, nil_err: RuntimeFunc, pos: Option<SrcPos>) {
        let int = basic(BasicKind::Int);
        let bool_t = basic(BasicKind::Bool);
        let zero = self.ins1(InstKind::Const(Const::Int(0)), int, pos);
        let negative = self.ins1(InstKind::Compare { op: CompareOp::Lt, lhs: n, rhs: zero }, bool_t, pos);
        self.fail_if(negative, len_err, vec![], pos);
        let too_far = if elem_size == 0 {
            self.ins1(InstKind::Compare { op: CompareOp::Gt, lhs: n, rhs: zero }, bool_t, pos)
        } else {
            // n > (-uintptr(p)) / size: the elements would wrap around.
            let uintptr = basic(BasicKind::Uintptr);
            let pu = self.ins1(InstKind::Convert { arg: p }, uintptr, pos);
            let room = self.ins1(InstKind::Unary { op: UnaryOp::Neg, arg: pu }, uintptr, pos);
            let size = self.ins1(InstKind::Const(Const::Int(elem_size)), uintptr, pos);
            let limit = self.ins1(InstKind::Binary { op: BinaryOp::Div, lhs: room, rhs: size }, uintptr, pos);
            let nu = self.ins1(InstKind::Convert { arg: n }, uintptr, pos);
            self.ins1(InstKind::Compare { op: CompareOp::Gt, lhs: nu, rhs: limit }, bool_t, pos)
        };
        if elem_size == 0 {
            // Zero-size elements: only a nil pointer with a length fails.
            let is_nil = self.is_nil_word(p, pos);
            let both = self.ins1(InstKind::Binary { op: BinaryOp::And, lhs: is_nil, rhs: too_far }, bool_t, pos);
            self.fail_if(both, nil_err, vec![], pos);
            return;
        }
        let bad = self.f.create_block();
        let good = self.f.create_block();
        self.branch(too_far, bad, good);
        self.seal(bad);
        self.switch_to(bad);
        self.fail_if_nil(p, nil_err, vec![], pos);
        self.ins(InstKind::RuntimeCall { func: len_err, args: vec![] }, &[], pos);
        self.terminate(InstKind::Unreachable, pos);
        self.seal(good);
        self.switch_to(good);
    }

    /// `min(x, y)` (or max) of two ordered values of one type, by a
    /// branch (gc selects with CMOV; Cranelift folds the diamond).
    /// `copy(dst, src)` of a slice `dv` and a slice or string `sv`
    /// already evaluated: the number of elements copied, an `int`.
    pub fn copy_values(&mut self, dv: Value, sv: Value, pos: Option<SrcPos>) -> BuildResult<Value> {
        let int = basic(BasicKind::Int);
        let tab = table();
        let Type::Slice(elem) = tab.get(tab.underlying(self.f.value_type(dv))).clone() else { return Err(unsupported("copy", pos)) };
        let dp = self.ins1(InstKind::Extract { arg: dv, n: 0 }, pointer_to(elem), pos);
        let dl = self.ins1(InstKind::Extract { arg: dv, n: 1 }, int, pos);
        let sp = self.ins1(InstKind::Extract { arg: sv, n: 0 }, pointer_to(elem), pos);
        let sl = if repr_of(self.f.value_type(sv)) == Some(Repr::String) {
            self.ins1(InstKind::StringLen { arg: sv }, int, pos)
        } else {
            self.ins1(InstKind::Extract { arg: sv, n: 1 }, int, pos)
        };
        let n = self.min_max_int(dl, sl, true, pos);
        self.ins(InstKind::CopyElems { dst: dp, src: sp, count: n }, &[], pos);
        Ok(n)
    }

    /// `clear(v)` of a map or slice value `v` of type `t`: a map empties,
    /// a slice's elements become zero values.
    pub fn clear_value(&mut self, v: Value, t: TypeId, pos: Option<SrcPos>) -> BuildResult<()> {
        if super::maps::map_types(t).is_some() {
            self.map_clear(v, t, pos);
            return Ok(());
        }
        let Type::Slice(elem) = table().get(table().underlying(t)).clone() else { return Err(unsupported("clear", pos)) };
        let int = basic(BasicKind::Int);
        let p = self.ins1(InstKind::Extract { arg: v, n: 0 }, pointer_to(elem), pos);
        let n = self.ins1(InstKind::Extract { arg: v, n: 1 }, int, pos);
        self.ins(InstKind::ZeroElems { base: p, count: n }, &[], pos);
        Ok(())
    }

    fn min_max_int(&mut self, x: Value, y: Value, min: bool, pos: Option<SrcPos>) -> Value {
        let t = self.f.value_type(x);
        let op = if min { CompareOp::Lt } else { CompareOp::Gt };
        let c = self.ins1(InstKind::Compare { op, lhs: y, rhs: x }, basic(BasicKind::Bool), pos);
        let join = self.f.create_block();
        let r = self.f.append_block_param(join, t);
        self.terminate(
            InstKind::Branch { cond: c, then_dest: BlockCall { block: join, args: vec![y] }, else_dest: BlockCall { block: join, args: vec![x] } },
            pos,
        );
        self.seal(join);
        self.switch_to(join);
        r
    }

    /// `append(s, args...)` (gc's `walkAppend` / `ssagen.append`).
    fn append(&mut self, e: ExprId, args: &[ExprId], has_dots: bool) -> BuildResult<Vec<Operand>> {
        let pos = self.expr_pos(e);
        let int = basic(BasicKind::Int);
        let bool_t = basic(BasicKind::Bool);
        let Some((&first, rest)) = args.split_first() else { return Err(unsupported("append", pos)) };
        let st = self.type_of(e)?;
        let tab = table();
        let Type::Slice(elem) = tab.get(tab.underlying(st)).clone() else { return Err(unsupported("append", pos)) };
        let s = if self.is_nil(first) { self.ins1(InstKind::Const(Const::Zero), st, pos) } else { self.expr(first)? };
        let s = self.coerce(s, st, pos);
        // What is appended: element operands, or a slice/string's elements.
        enum Added {
            Elems(Vec<Operand>),
            Spread { ptr: Value, len: Value },
        }
        let added = if has_dots {
            let [other] = rest else { return Err(unsupported("append with ...", pos)) };
            let ov = if self.is_nil(*other) { self.ins1(InstKind::Const(Const::Zero), st, pos) } else { self.expr(*other)? };
            let ptr = self.ins1(InstKind::Extract { arg: ov, n: 0 }, pointer_to(elem), pos);
            let len = if repr_of(self.f.value_type(ov)) == Some(Repr::String) {
                self.ins1(InstKind::StringLen { arg: ov }, int, pos)
            } else {
                self.ins1(InstKind::Extract { arg: ov, n: 1 }, int, pos)
            };
            Added::Spread { ptr, len }
        } else {
            let mut ops = Vec::new();
            for &a in rest {
                let v = self.eval_to(a, elem)?;
                // Memory elements are copied now (Go evaluates the
                // arguments before appending).
                ops.push(match v {
                    Operand::Mem(p) => Operand::Mem(self.temp_copy(p, pos)),
                    v => v,
                });
            }
            if ops.is_empty() {
                return Ok(vec![Operand::Val(s)]);
            }
            Added::Elems(ops)
        };
        let n = match &added {
            Added::Elems(ops) => self.ins1(InstKind::Const(Const::Int(ops.len() as i64)), int, pos),
            Added::Spread { len, .. } => *len,
        };
        let ptr = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(elem), pos);
        let len = self.ins1(InstKind::Extract { arg: s, n: 1 }, int, pos);
        let cap = self.ins1(InstKind::Extract { arg: s, n: 2 }, int, pos);
        let newlen = self.ins1(InstKind::Binary { op: BinaryOp::Add, lhs: len, rhs: n }, int, pos);
        // A slice `move2heap` moves at its transition: its buffer is its
        // variable's; with its capacity observed it grows in the buffer.
        let moved = self.slice_plan.appends.get(&e).copied().and_then(|o| self.slice_plan.vars.get(&o).map(|m| (o, m.cap_used)));
        let owner = moved.map(|(o, _)| o);
        let grow_buf = match moved {
            Some((o, true)) if matches!(added, Added::Elems(_)) => self.frame_buffer(Some(o), elem),
            _ => None,
        };
        let (ptr, cap) = if self.stack_appends.contains(&e) { self.stack_backing_store(owner, elem, ptr, len, cap, newlen, pos) } else { (ptr, cap) };
        let uint = basic(BasicKind::Uint);
        let nl_u = self.coerce(newlen, uint, pos);
        let cap_u = self.coerce(cap, uint, pos);
        let grow_needed = self.ins1(InstKind::Compare { op: CompareOp::Gt, lhs: nl_u, rhs: cap_u }, bool_t, pos);
        let grow = self.f.create_block();
        let join = self.f.create_block();
        let jp = self.f.append_block_param(join, pointer_to(elem));
        let jc = self.f.append_block_param(join, int);
        self.terminate(
            InstKind::Branch {
                cond: grow_needed,
                then_dest: BlockCall { block: grow, args: vec![] },
                else_dest: BlockCall { block: join, args: vec![ptr, cap] },
            },
            pos,
        );
        self.seal(grow);
        self.switch_to(grow);
        let raw = raw_pointer();
        let old = self.ins1(InstKind::Convert { arg: ptr }, raw, pos);
        let desc = self.ins1(InstKind::TypeDesc { ty: elem }, raw, pos);
        let grown = match grow_buf {
            Some(buf) => {
                let b = self.ins1(InstKind::Convert { arg: buf.addr }, raw, pos);
                let k = self.ins1(InstKind::Const(Const::Int(buf.elems)), int, pos);
                self.slice_from_runtime(RuntimeFunc::GrowsliceBuf, vec![old, newlen, cap, n, desc, b, k], st, pos)?
            }
            None => self.slice_from_runtime(RuntimeFunc::Growslice, vec![old, newlen, cap, n, desc], st, pos)?,
        };
        let gp = self.ins1(InstKind::Extract { arg: grown, n: 0 }, pointer_to(elem), pos);
        let gc = self.ins1(InstKind::Extract { arg: grown, n: 2 }, int, pos);
        self.terminate(InstKind::Jump { dest: BlockCall { block: join, args: vec![gp, gc] } }, pos);
        self.seal(join);
        self.switch_to(join);
        match added {
            Added::Elems(ops) => {
                for (i, v) in ops.into_iter().enumerate() {
                    let k = self.ins1(InstKind::Const(Const::Int(i as i64)), int, pos);
                    let idx = self.ins1(InstKind::Binary { op: BinaryOp::Add, lhs: len, rhs: k }, int, pos);
                    let ep = self.ins1(InstKind::ElemAddr { base: jp, index: idx }, pointer_to(elem), pos);
                    self.store_operand(ep, v, pos)?;
                }
            }
            Added::Spread { ptr: sp, len: sl } => {
                let dst = self.ins1(InstKind::ElemAddr { base: jp, index: len }, pointer_to(elem), pos);
                self.ins(InstKind::CopyElems { dst, src: sp, count: sl }, &[], pos);
            }
        }
        Ok(vec![Operand::Val(self.ins1(InstKind::Compose { parts: vec![jp, newlen, jc] }, st, pos))])
    }

    /// gc's frame backing store for a non-escaping slice's first `append`
    /// from empty (see `appendbuf`): when the append must grow to a new
    /// length of at most `K` elements, the buffer (once per call of the
    /// function) becomes the backing array with capacity `K`. Returns the
    /// pointer and capacity the append continues with. `owner`: the
    /// variable whose buffer it is (a slice `move2heap` moves), else the
    /// site has one of its own.
    #[allow(clippy::too_many_arguments, reason = "the append's decomposed operands")]
    fn stack_backing_store(&mut self, owner: Option<ObjId>, elem: TypeId, ptr: Value, len: Value, cap: Value, newlen: Value, pos: Option<SrcPos>) -> (Value, Value) {
        let Some(fb) = self.frame_buffer(owner, elem) else { return (ptr, cap) };
        let (buf, k) = (fb.addr, fb.elems);
        let int = basic(BasicKind::Int);
        let bool_t = basic(BasicKind::Bool);
        let used = self.entry_first(InstKind::Alloca { ty: bool_t }, pointer_to(bool_t));
        let kv = self.ins1(InstKind::Const(Const::Int(k)), int, pos);
        let zero = self.ins1(InstKind::Const(Const::Int(0)), int, pos);
        let fits = self.ins1(InstKind::Compare { op: CompareOp::Le, lhs: newlen, rhs: kv }, bool_t, pos);
        let empty = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: len, rhs: zero }, bool_t, pos);
        let was = self.ins1(InstKind::Load { addr: used }, bool_t, pos);
        let fresh = self.ins1(InstKind::Unary { op: UnaryOp::Not, arg: was }, bool_t, pos);
        // Only where the append must grow (gc tests this in its grow path).
        let grows = self.ins1(InstKind::Compare { op: CompareOp::Lt, lhs: cap, rhs: newlen }, bool_t, pos);
        let c0 = self.ins1(InstKind::Binary { op: BinaryOp::And, lhs: grows, rhs: fits }, bool_t, pos);
        let c1 = self.ins1(InstKind::Binary { op: BinaryOp::And, lhs: c0, rhs: empty }, bool_t, pos);
        let c = self.ins1(InstKind::Binary { op: BinaryOp::And, lhs: c1, rhs: fresh }, bool_t, pos);
        let take = self.f.create_block();
        let join = self.f.create_block();
        let jp = self.f.append_block_param(join, pointer_to(elem));
        let jc = self.f.append_block_param(join, int);
        self.terminate(
            InstKind::Branch { cond: c, then_dest: BlockCall { block: take, args: vec![] }, else_dest: BlockCall { block: join, args: vec![ptr, cap] } },
            pos,
        );
        self.seal(take);
        self.switch_to(take);
        let t = self.ins1(InstKind::Const(Const::Bool(true)), bool_t, pos);
        self.ins(InstKind::Store { addr: used, value: t }, &[], pos);
        let bp = self.ins1(InstKind::Convert { arg: buf }, pointer_to(elem), pos);
        self.terminate(InstKind::Jump { dest: BlockCall { block: join, args: vec![bp, kv] } }, pos);
        self.seal(join);
        self.switch_to(join);
        (jp, jc)
    }

    /// `interface{}`.
    pub fn empty_interface(&self) -> TypeId {
        table().intern(Type::Interface { methods: Box::new([]), embedded: Box::new([]), implicit: false })
    }

    /// A value of (non-interface) type `t` as an `interface{}`: its type
    /// descriptor and a data word — the value itself when it is one
    /// pointer (gc's direct interfaces), else a pointer to a heap copy.
    pub fn to_eface(&mut self, v: Operand, t: TypeId, iface_t: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let raw = raw_pointer();
        self.ctx.iface_types.borrow_mut().entry(crate::typekey::key_of(t)).or_insert(t);
        let desc = self.ins1(InstKind::TypeDesc { ty: t }, raw, pos);
        let data = match (v, repr_of(t)) {
            (Operand::Val(x), Some(Repr::Pointer)) => self.ins1(InstKind::Convert { arg: x }, raw, pos),
            (v, _) => {
                let p = self.ins1(InstKind::New { ty: t }, pointer_to(t), pos);
                self.store_operand(p, v, pos)?;
                self.ins1(InstKind::Convert { arg: p }, raw, pos)
            }
        };
        let _ = value_type(t, "values", pos)?;
        Ok(self.ins1(InstKind::Compose { parts: vec![desc, data] }, iface_t, pos))
    }
}
