//! Calls, conversions and selectors (types2's `call.go`,
//! `conversions.go`): function calls with argument passing (variadic,
//! `f(g())` spreading, type inference for generic functions), explicit
//! instantiation, conversions `T(x)`, qualified identifiers `pkg.Name`,
//! field and method selectors with their recorded selections, method
//! values and method expressions.

use goxide_syntax::ast::{ExprId, ExprKind};

use super::expr::ExprClass;
use super::operand::{Mode, Operand};
use super::{Checker, Delayed, Selection, SelectionKind};
use crate::constant;
use crate::objects::{object, ObjKind};
use crate::predicates::*;
use crate::representable::representable_const;
use crate::symbol::Symbol;
use crate::types::{table, BasicKind, Type, TypeId, Var};

impl Checker<'_> {
    /// types2's `callExpr`.
    pub(crate) fn call_expr(&mut self, x: &mut Operand, call: ExprId) -> ExprClass {
        let file = self.ctx.file.clone();
        let file = &*file;
        let ExprKind::Call { fun, args, has_dots } = file.expr(call).kind else { return ExprClass::Statement };
        let args: Vec<ExprId> = file.exprs_of(args).to_vec();
        let tt = table();
        let mut inst: Option<ExprId> = None;
        if let ExprKind::Index { .. } = file.expr(fun).kind {
            if self.index_expr(x, fun) {
                inst = Some(fun);
            }
            x.expr = Some(fun);
            self.record(x);
        } else {
            self.expr_or_type(x, fun, true);
        }
        match x.mode {
            Mode::Invalid => {
                self.use_exprs(&args);
                x.expr = Some(call);
                return ExprClass::Statement;
            }
            Mode::TypeExpr => {
                let t = x.typ;
                if is_generic(t) {
                    let s = self.expr_str(fun);
                    self.error_at(fun, format!("cannot use generic type {s} without instantiation"));
                    x.mode = Mode::Invalid;
                    x.expr = Some(call);
                    return ExprClass::Conversion;
                }
                x.mode = Mode::Invalid;
                // A value cannot be converted to an incomplete type.
                if !self.is_complete(t) {
                    x.expr = Some(call);
                    return ExprClass::Conversion;
                }
                match args.len() {
                    0 => {
                        let ts = self.type_str(t);
                        let p = file.expr(call).pos;
                        let _ = p;
                        self.error_at(call, format!("missing argument in conversion to {ts}"));
                    }
                    1 => {
                        self.pending_target = super::expr::new_target(Some(t), "conversion");
                        self.expr(x, args[0]);
                        if x.mode != Mode::Invalid {
                            if is_interface(t) && !is_type_param(t) && !crate::typeset::type_set(tt.underlying(t)).is_method_set() {
                                let ts = self.type_str(t);
                                self.error_at(call, format!("cannot use interface {ts} in conversion (contains specific type constraints or is comparable)"));
                            } else if has_dots {
                                let ts = self.type_str(t);
                                self.error_at(args[0], format!("invalid use of ... in conversion to {ts}"));
                            } else {
                                self.conversion(x, t);
                            }
                        }
                    }
                    n => {
                        self.use_exprs(&args);
                        let ts = self.type_str(t);
                        self.error_at(args[n - 1], format!("too many arguments in conversion to {ts}"));
                    }
                }
                x.expr = Some(call);
                return ExprClass::Conversion;
            }
            Mode::Builtin(b) => {
                if !self.builtin(x, call, b) {
                    x.mode = Mode::Invalid;
                }
                x.expr = Some(call);
                if x.mode != Mode::Invalid && x.mode != Mode::Constant {
                    self.ctx.has_call_or_recv = true;
                }
                return if b.info().3 { ExprClass::Statement } else { ExprClass::Expression };
            }
            _ => {}
        }
        // A function (or something that must be one).
        let ftyp = x.typ;
        let (tparams, sig) = match tt.get(tt.unalias(ftyp)) {
            Type::GenericFunc { tparams, sig } => (tparams.clone(), *sig),
            _ => {
                let qf = |p| self.qualify(p);
                let mut cond = |pair: Option<(TypeId, TypeId)>| -> Option<String> {
                    match pair {
                        Some((t, u)) if !matches!(tt.get(u), Type::Signature { .. }) => {
                            Some(format!("{} is not a function", crate::typestring::type_string(t, &qf)))
                        }
                        _ => None,
                    }
                };
                match crate::typeset::common_under(ftyp, Some(&mut cond), &qf) {
                    Ok(u) if matches!(tt.get(u), Type::Signature { .. }) => (Box::<[TypeId]>::default(), u),
                    Ok(u) => {
                        let cause = format!("{} is not a function", self.type_str(u));
                        let s = self.op_str(x);
                        self.error_op(x, format!("invalid operation: cannot call {s}: {cause}"));
                        x.mode = Mode::Invalid;
                        x.expr = Some(call);
                        return ExprClass::Statement;
                    }
                    Err(cause) => {
                        let s = self.op_str(x);
                        self.error_op(x, format!("invalid operation: cannot call {s}: {cause}"));
                        x.mode = Mode::Invalid;
                        x.expr = Some(call);
                        return ExprClass::Statement;
                    }
                }
            }
        };
        let was_generic = !tparams.is_empty();
        let mut targs: Vec<TypeId> = Vec::new();
        let mut xlist: Vec<ExprId> = Vec::new();
        let mut sig = sig;
        let mut tparams = tparams;
        if let Some(ie) = inst {
            let ExprKind::Index { index, .. } = file.expr(ie).kind else { return ExprClass::Statement };
            xlist = file.unpack_list(Some(index));
            let mut ok = true;
            for &a in &xlist {
                let t = self.var_type(a);
                if t == tt.invalid() {
                    ok = false;
                }
                targs.push(t);
            }
            if !ok {
                self.use_exprs(&args);
                x.mode = Mode::Invalid;
                x.expr = Some(call);
                return ExprClass::Statement;
            }
            let (got, want) = (targs.len(), tparams.len());
            if got > want {
                self.error_at(xlist[want], format!("got {got} type arguments but want {want}"));
                self.use_exprs(&args);
                x.mode = Mode::Invalid;
                x.expr = Some(call);
                return ExprClass::Statement;
            }
            if got == want && want > 0 {
                if !self.allow_version(18) {
                    self.version_error_pos(file.expr(ie).pos, "function instantiation", 18);
                }
                sig = self.instantiate_signature(ie, &tparams, sig, &targs, &xlist);
                tparams = Box::default();
                targs.clear();
                xlist.clear();
            }
        }
        // Arguments.
        let arg_ops = self.expr_list_for_call(&args);
        let rsig = self.arguments(call, fun, &args, has_dots, sig, &tparams, targs, &xlist, arg_ops);
        let Some(rsig) = rsig else {
            // Errors were reported; the call's result type is still known
            // unless the function is generic.
            if was_generic && !tparams.is_empty() {
                x.mode = Mode::Invalid;
                x.expr = Some(call);
                return ExprClass::Statement;
            }
            self.set_call_result(x, sig);
            x.expr = Some(call);
            return ExprClass::Statement;
        };
        if was_generic {
            self.record_type_and_value(fun, Mode::Value, rsig, None);
        }
        self.set_call_result(x, rsig);
        x.expr = Some(call);
        self.ctx.has_call_or_recv = true;
        ExprClass::Statement
    }

    /// The operand of a call of a function with signature `sig`.
    fn set_call_result(&mut self, x: &mut Operand, sig: TypeId) {
        let tt = table();
        let Type::Signature { results, .. } = tt.get(sig) else {
            x.mode = Mode::Invalid;
            return;
        };
        match results.len() {
            0 => {
                x.mode = Mode::NoValue;
                x.typ = tt.invalid();
            }
            1 => {
                // A value of an incomplete type cannot be returned.
                let r = results[0].typ;
                if !self.is_complete(r) {
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::Value;
                x.typ = r;
            }
            _ => {
                x.mode = Mode::Value;
                x.typ = tt.intern(Type::Tuple(results.clone()));
            }
        }
    }

    /// The operands of call arguments (types2's `genericExprList`): a
    /// single multi-valued call is spread; generic functions are allowed
    /// as arguments.
    fn expr_list_for_call(&mut self, args: &[ExprId]) -> Vec<Operand> {
        if args.len() == 1 {
            let file = self.ctx.file.clone();
            let file = &*file;
            // A lone argument may be a multi-valued call.
            if matches!(file.expr(file.unparen(args[0])).kind, ExprKind::Call { .. }) {
                let (list, _) = self.multi_expr(args[0], false);
                return list;
            }
        }
        args.iter()
            .map(|&a| {
                let mut x = Operand::invalid(Some(a));
                self.generic_expr(&mut x, a);
                x
            })
            .collect()
    }

    /// types2's `arguments`: checks argument count and assignability,
    /// inferring type arguments of a generic function; the (instantiated)
    /// signature, or `None` after an error that leaves it unknown.
    #[allow(clippy::too_many_arguments)]
    fn arguments(
        &mut self,
        call: ExprId,
        fun: ExprId,
        arg_exprs: &[ExprId],
        ddd: bool,
        sig: TypeId,
        tparams: &[TypeId],
        mut targs: Vec<TypeId>,
        xlist: &[ExprId],
        mut args: Vec<Operand>,
    ) -> Option<TypeId> {
        let tt = table();
        let Type::Signature { params, variadic, .. } = tt.get(sig).clone() else { return None };
        let nargs = args.len();
        let mut npars = params.len();
        let mut sig_params: Vec<TypeId> = params.iter().map(|v| v.typ).collect();
        if variadic {
            if ddd {
                if arg_exprs.len() == 1 && nargs > 1 {
                    let s = self.expr_str(arg_exprs[0]);
                    self.error_at(call, format!("cannot use ... with {nargs}-valued {s}"));
                    return None;
                }
            } else if nargs + 1 >= npars {
                let last = sig_params[npars - 1];
                let elem = match tt.get(last) {
                    Type::Slice(e) => *e,
                    _ => last,
                };
                sig_params.truncate(npars - 1);
                while sig_params.len() < nargs {
                    sig_params.push(elem);
                }
                npars = nargs;
            } else {
                npars -= 1;
            }
        } else if ddd {
            let s = self.expr_str(fun);
            self.error_at(call, format!("cannot use ... in call to non-variadic {s}"));
            return None;
        }
        if nargs != npars {
            let (at, qualifier) = if nargs > npars {
                (args[npars].expr, "too many")
            } else if nargs > 0 {
                (args[nargs - 1].expr, "not enough")
            } else {
                (None, "not enough")
            };
            let pos = match at {
                Some(e) => self.ctx.file.start_pos(e),
                None => self.ctx.file.start_pos(call),
            };
            let have: Vec<TypeId> = args.iter().map(|a| a.typ).collect();
            let want: Vec<TypeId> = params.iter().map(|v| v.typ).collect();
            let have_s = self.types_summary(&have, false, ddd);
            let want_s = self.types_summary(&want, variadic, false);
            let fs = self.expr_str(fun);
            let sp = crate::files::src_pos(self.ctx.fnum, pos);
            self.error_count += 1;
            self.report(
                vec![
                    (Some(sp), format!("{qualifier} arguments in call to {fs}")),
                    (None, format!("have {have_s}")),
                    (None, format!("want {want_s}")),
                ],
                false,
            );
            return None;
        }
        let mut rsig = sig;
        let has_generic_args = args.iter().any(|a| matches!(tt.get(a.typ), Type::GenericFunc { .. }));
        if !tparams.is_empty() || has_generic_args {
            if !tparams.is_empty() && !self.allow_version(18) {
                if let ExprKind::Index { .. } = self.ctx.file.expr(fun).kind {
                    self.version_error_pos(self.ctx.file.expr(fun).pos, "function instantiation", 18);
                } else {
                    self.version_error_at(call, "implicit function instantiation", 18);
                }
            }
            // The callee's type parameters, renamed so that a recursive
            // call solves for fresh ones (types2's `renameTParams`).
            let n = tparams.len();
            let params_tuple = tt.intern(Type::Tuple(
                sig_params.iter().map(|&t| crate::types::Var { name: None, pkg: None, typ: t }).collect(),
            ));
            let (mut all_tparams, renamed) = if n > 0 {
                crate::infer::rename_tparams(tparams, params_tuple)
            } else {
                (Vec::new(), params_tuple)
            };
            let renamed_params: Vec<TypeId> = match tt.get(renamed) {
                Type::Tuple(v) => v.iter().map(|x| x.typ).collect(),
                _ => sig_params.clone(),
            };
            // Generic functions passed as arguments: their type parameters
            // are inferred too (types2's reverse inference of arguments).
            let mut generic_args: Vec<(usize, Vec<TypeId>, TypeId)> = Vec::new();
            if has_generic_args {
                for (i, a) in args.iter_mut().enumerate() {
                    if let Type::GenericFunc { tparams: atps, sig: asig } = tt.get(a.typ).clone() {
                        let (fresh, fsig) = crate::infer::rename_tparams(&atps, asig);
                        a.typ = fsig;
                        all_tparams.extend(fresh.iter().copied());
                        generic_args.push((i, fresh, fsig));
                    }
                }
                if !self.allow_version(21) {
                    if let Some(&(i, ..)) = generic_args.first() {
                        let a = args[i].clone();
                        self.version_error_op(&a, "implicitly instantiated function as argument", 21);
                    }
                }
            }
            let infer_args: Vec<crate::infer::InferArg> = args
                .iter()
                .map(|a| crate::infer::InferArg {
                    typ: a.typ,
                    untyped_kind: if is_untyped(a.typ) {
                        match tt.get(a.typ) {
                            Type::Basic(k) => Some(*k),
                            _ => None,
                        }
                    } else {
                        None
                    },
                    pos: crate::files::src_pos(self.ctx.fnum, a.expr.map(|e| self.ctx.file.start_pos(e)).unwrap_or(0)),
                    descr: match (&a.dummy, a.expr) {
                        (Some(d), _) => d.to_string(),
                        (None, Some(e)) => self.expr_str(e),
                        (None, None) => String::new(),
                    },
                })
                .collect();
            let call_pos = crate::files::src_pos(self.ctx.fnum, self.ctx.file.expr(call).pos);
            let qf = |p| self.qualify(p);
            let inferred = crate::infer::infer_with(
                call_pos,
                &all_tparams,
                &targs,
                &renamed_params,
                &infer_args,
                false,
                self.allow_version(21),
                &qf,
            );
            match inferred {
                Err(e) => {
                    if !e.is_silent() {
                        let fs = self.expr_str(fun);
                        self.error(e.pos, format!("in call to {fs}, {}", e.msg));
                    }
                    return None;
                }
                Ok(t) => targs = t,
            }
            if n > 0 {
                // types2 places the inferred instance at the call.
                let at = self.ctx.file.expr(call).pos;
                rsig = self.instantiate_signature_at(at, fun, tparams, sig, &targs[..n], xlist);
                let map = crate::subst::SubstMap::new(&all_tparams[..n], &targs[..n]);
                sig_params = renamed_params.iter().map(|&p| crate::subst::subst(p, &map)).collect();
            }
            let mut j = n;
            for (i, fresh, fsig) in generic_args {
                let k = j + fresh.len();
                let e = args[i].expr.unwrap_or(fun);
                let inst = self.instantiate_signature(e, &fresh, fsig, &targs[j..k], &[]);
                args[i].typ = inst;
                let a = args[i].clone();
                self.record(&a);
                j = k;
            }
        }
        if !args.is_empty() {
            for (i, a) in args.iter_mut().enumerate() {
                self.assignment(a, Some(sig_params[i]), super::assign::AssignContext::ArgumentTo(fun));
            }
        }
        Some(rsig)
    }

    /// types2's `instantiateSignature`.
    pub(crate) fn instantiate_signature(
        &mut self,
        expr: ExprId,
        tparams: &[TypeId],
        sig: TypeId,
        targs: &[TypeId],
        xlist: &[ExprId],
    ) -> TypeId {
        let pos = self.ctx.file.expr(expr).pos;
        self.instantiate_signature_at(pos, expr, tparams, sig, targs, xlist)
    }

    /// [`Self::instantiate_signature`] with errors about type arguments
    /// not given explicitly (and the instance, for instantiation
    /// cycles) placed at `pos`.
    pub(crate) fn instantiate_signature_at(
        &mut self,
        pos: goxide_syntax::Pos,
        expr: ExprId,
        tparams: &[TypeId],
        sig: TypeId,
        targs: &[TypeId],
        xlist: &[ExprId],
    ) -> TypeId {
        let map = crate::subst::SubstMap::new(tparams, targs);
        let inst = crate::subst::subst(sig, &map);
        let file = self.ctx.file.clone();
        let file = &*file;
        let key = match file.expr(file.unparen(expr)).kind {
            ExprKind::Index { x, .. } => x,
            _ => expr,
        };
        if let ExprKind::Name(n) | ExprKind::Selector { sel: n, .. } = file.expr(file.unparen(key)).kind {
            self.info.instances.insert((self.ctx.fnum, n.pos), (targs.into(), inst));
        }
        self.delayed.push(Delayed::VerifyInstance {
            fi: self.ctx.fi,
            pos,
            args: xlist.to_vec(),
            tparams: tparams.to_vec(),
            targs: targs.to_vec(),
        });
        inst
    }

    /// types2's `funcInst` for an explicitly instantiated generic function
    /// not called (`f[int]`): all type arguments must be given.
    pub(crate) fn func_inst(&mut self, x: &mut Operand, inst: ExprId) {
        self.func_inst_full(x, Some(inst), None);
    }

    /// types2's `funcInst` with a target: the missing type arguments of
    /// the generic function `x` (instantiated by `inst`, if any) are
    /// inferred from the function type it is assigned to ("reverse type
    /// inference").
    pub(crate) fn func_inst_reverse(&mut self, x: &mut Operand, inst: Option<ExprId>, target: &super::expr::Target) {
        self.func_inst_full(x, inst, Some(target));
    }

    fn func_inst_full(&mut self, x: &mut Operand, inst: Option<ExprId>, target: Option<&super::expr::Target>) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let xpos = x.expr.map(|e| file.start_pos(e)).unwrap_or(file.pos);
        let (err_pos, xlist) = match inst.map(|i| (i, file.expr(i).kind.clone())) {
            Some((i, ExprKind::Index { index, .. })) => {
                x.expr = Some(i);
                (file.expr(i).pos, file.unpack_list(Some(index)))
            }
            Some(_) => return,
            None => (xpos, Vec::new()),
        };
        let version_err = !self.allow_version(18);
        if version_err {
            self.version_error_pos(err_pos, "function instantiation", 18);
        }
        let mut targs = Vec::new();
        for &a in &xlist {
            let t = self.var_type(a);
            if t == tt.invalid() {
                x.mode = Mode::Invalid;
                x.typ = tt.invalid();
                return;
            }
            targs.push(t);
        }
        let Type::GenericFunc { tparams, sig } = tt.get(x.typ).clone() else { return };
        let (got, want) = (targs.len(), tparams.len());
        if got > want {
            self.error_at(xlist[got - 1], format!("got {got} type arguments but want {want}"));
            x.mode = Mode::Invalid;
            x.typ = tt.invalid();
            return;
        }
        if got < want {
            // With a target, the assignment `var v T = x` is inferred as
            // the call g(v) of `func g[<x's type parameters>](<x's type>)`.
            let mut params = Vec::new();
            let mut args = Vec::new();
            let (fresh, fsig) = crate::infer::rename_tparams(&tparams, sig);
            if let Some(t) = target {
                if !version_err && !self.allow_version(21) {
                    let what = if inst.is_some() {
                        "partially instantiated function in assignment"
                    } else {
                        "implicitly instantiated function in assignment"
                    };
                    self.version_error_pos(err_pos, what, 21);
                }
                params.push(fsig);
                args.push(crate::infer::InferArg {
                    typ: t.sig,
                    untyped_kind: None,
                    pos: crate::files::src_pos(self.ctx.fnum, xpos),
                    descr: t.desc.clone(),
                });
            }
            let call_pos = crate::files::src_pos(self.ctx.fnum, err_pos);
            let qf = |p| self.qualify(p);
            let reverse = target.is_some();
            match crate::infer::infer_with(call_pos, &fresh, &targs, &params, &args, reverse, self.allow_version(21), &qf) {
                Ok(t) => targs = t,
                Err(e) => {
                    if !e.is_silent() {
                        self.error(e.pos, e.msg);
                    }
                    x.mode = Mode::Invalid;
                    x.typ = tt.invalid();
                    return;
                }
            }
        }
        let Some(expr) = inst.or(x.expr) else {
            x.mode = Mode::Invalid;
            x.typ = tt.invalid();
            return;
        };
        let s = self.instantiate_signature(expr, &tparams, sig, &targs, &xlist);
        x.typ = s;
        x.mode = Mode::Value;
    }

    /// types2's `conversion`: `T(x)`.
    pub(crate) fn conversion(&mut self, x: &mut Operand, t: TypeId) {
        let tt = table();
        let const_arg = x.mode == Mode::Constant;
        let const_convertible = |this: &Self, x: &Operand, t: TypeId| -> Option<constant::Value> {
            let Type::Basic(k) = *tt.get(tt.underlying(t)) else { return None };
            let v = x.val.clone().unwrap_or_else(constant::make_unknown);
            if let Some(r) = representable_const(&v, k, &this.config.sizes) {
                return Some(r);
            }
            if is_integer(x.typ) && is_string(t) {
                let (i, ok) = v.uint64_val();
                let c = if ok && i <= 0x10FFFF { char::from_u32(i as u32).unwrap_or('\u{FFFD}') } else { '\u{FFFD}' };
                return Some(constant::make_string(c.to_string()));
            }
            None
        };
        let mut ok = false;
        let mut cause = String::new();
        if const_arg && is_const_type(t) {
            match const_convertible(self, x, t) {
                Some(v) => {
                    x.val = Some(v);
                    ok = true;
                }
                None => {
                    if is_integer(x.typ) && is_integer(t) {
                        let vs = x.val.as_ref().map(|v| v.to_string()).unwrap_or_default();
                        let ts = self.type_str(t);
                        self.error_op(x, format!("constant {vs} overflows {ts}"));
                        x.mode = Mode::Invalid;
                        return;
                    }
                }
            }
        } else if const_arg && is_type_param(t) {
            let mut msg = String::new();
            let xc = x.clone();
            ok = under_is(t, &mut |u| {
                let Some(u) = u else {
                    msg = format!("{} does not contain specific types", self.type_str(t));
                    return false;
                };
                if is_string(xc.typ) && is_bytes_or_runes(u) {
                    return true;
                }
                if const_convertible(self, &xc, u).is_none() {
                    let vs = xc.val.as_ref().map(|v| v.to_string()).unwrap_or_default();
                    msg = if is_integer(xc.typ) && is_integer(u) {
                        format!("constant {vs} overflows {} (in {})", self.type_str(u), self.type_str(t))
                    } else {
                        format!("cannot convert {} to type {} (in {})", self.op_str(&xc), self.type_str(u), self.type_str(t))
                    };
                    return false;
                }
                true
            });
            cause = msg;
            x.mode = Mode::Value;
        } else if self.convertible_to(x, t, &mut cause) {
            ok = true;
            x.mode = Mode::Value;
        }
        if !ok {
            let xs = self.op_str(x);
            let ts = self.type_str(t);
            if !cause.is_empty() {
                self.error_op(x, format!("cannot convert {xs} to type {ts}: {cause}"));
            } else {
                self.error_op(x, format!("cannot convert {xs} to type {ts}"));
            }
            x.mode = Mode::Invalid;
            return;
        }
        if is_untyped(x.typ) {
            let mut fin = t;
            if x.typ == tt.basic(BasicKind::UntypedNil) {
                // keep nil's type
            } else if is_non_type_param_interface(t) || const_arg && !is_const_type(t) {
                fin = default_type(x.typ);
            } else if x.mode == Mode::Constant && is_integer(x.typ) && all_string(t) {
                fin = x.typ;
            }
            if let Some(e) = x.expr {
                self.update_expr_type(e, fin, true);
            }
        }
        x.typ = t;
    }

    /// types2's `convertibleTo`.
    pub(crate) fn convertible_to(&mut self, x: &Operand, t: TypeId, cause: &mut String) -> bool {
        if self.assignable_to(x, t, Some(cause)) {
            return true;
        }
        let tt = table();
        let v = tt.unalias(x.typ);
        let t = tt.unalias(t);
        let (vu, tu) = (tt.underlying(v), tt.underlying(t));
        let (vp, tp) = (is_type_param(v), is_type_param(t));
        if identical_ignore_tags(vu, tu) && !vp && !tp {
            return true;
        }
        if let (Type::Pointer(vb), Type::Pointer(tb)) = (tt.get(v), tt.get(t)) {
            if identical_ignore_tags(tt.underlying(*vb), tt.underlying(*tb)) && !is_type_param(*vb) && !is_type_param(*tb) {
                return true;
            }
        }
        if is_integer_or_float(vu) && is_integer_or_float(tu) {
            return true;
        }
        if is_complex(vu) && is_complex(tu) {
            return true;
        }
        if (is_integer(vu) || is_bytes_or_runes(vu)) && is_string(tu) {
            return true;
        }
        if is_string(vu) && is_bytes_or_runes(tu) {
            return true;
        }
        if (is_pointer(vu) || is_uintptr(vu)) && is_unsafe_pointer(tu) {
            return true;
        }
        if is_unsafe_pointer(vu) && (is_pointer(tu) || is_uintptr(tu)) {
            return true;
        }
        if let Type::Slice(se) = tt.get(vu) {
            match tt.get(tu) {
                Type::Array { elem, .. } if tt.identical(*se, *elem) => {
                    if self.allow_version(20) {
                        return true;
                    }
                    *cause = "conversion of slice to array requires go1.20 or later".into();
                    return false;
                }
                Type::Pointer(b) => {
                    if let Type::Array { elem, .. } = tt.get(tt.underlying(*b)) {
                        if tt.identical(*se, *elem) {
                            if self.allow_version(17) {
                                return true;
                            }
                            *cause = "conversion of slice to array pointer requires go1.17 or later".into();
                            return false;
                        }
                    }
                }
                _ => {}
            }
        }
        if !vp && !tp {
            return false;
        }
        let add = |this: &Self, cause: &mut String, msg: String| {
            let _ = this;
            if cause.is_empty() {
                *cause = msg;
            } else {
                *cause = format!("{msg}\n\t{cause}");
            }
        };
        if vp {
            let terms = super::assign::tparam_terms(v);
            let Some(terms) = terms else { return false };
            for vt in terms {
                let mut y = x.clone();
                y.typ = vt;
                if tp {
                    let Some(tterms) = super::assign::tparam_terms(t) else { return false };
                    for tt_ in tterms {
                        if !self.convertible_to(&y, tt_, cause) {
                            let m = format!(
                                "cannot convert {} (in {}) to type {} (in {})",
                                self.type_str(vt),
                                self.type_str(v),
                                self.type_str(tt_),
                                self.type_str(t)
                            );
                            add(self, cause, m);
                            return false;
                        }
                    }
                } else if !self.convertible_to(&y, t, cause) {
                    let m = format!("cannot convert {} (in {}) to type {}", self.type_str(vt), self.type_str(v), self.type_str(t));
                    add(self, cause, m);
                    return false;
                }
            }
            return true;
        }
        let Some(tterms) = super::assign::tparam_terms(t) else { return false };
        for tt_ in tterms {
            if !self.convertible_to(x, tt_, cause) {
                let m = format!("cannot convert {} to type {} (in {})", self.type_str(x.typ), self.type_str(tt_), self.type_str(t));
                add(self, cause, m);
                return false;
            }
        }
        true
    }

    /// types2's `selector`: `pkg.Name`, `x.f`, `T.m`.
    pub(crate) fn selector(&mut self, x: &mut Operand, e: ExprId, want_type: bool) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let ExprKind::Selector { x: base, sel } = file.expr(e).kind else { return };
        let sel_name = file.name_str(sel);
        let sel_sym = Symbol::intern(sel_name);
        // Qualified identifier.
        if let ExprKind::Name(n) = file.expr(base).kind {
            let name = Symbol::intern(file.name_str(n));
            if let Some(obj) = self.lookup(name) {
                if let ObjKind::PkgName { imported } = object(obj).kind {
                    self.record_use(n.pos, obj);
                    object(obj).mark_used();
                    let pinfo = crate::package::info(imported);
                    let exp = pinfo.scope.get().and_then(|s| s.lookup(sel_sym));
                    let Some(exp) = exp else {
                        if sel_name != "_" && Some(imported) != self.fake_c && !self.fake_imports.values().any(|&p| p == imported) {
                            let es = self.expr_str(e);
                            let alt = pinfo.scope.get().and_then(|s| {
                                s.names().into_iter().find(|n| n.is_exported() && n.as_str().eq_ignore_ascii_case(sel_name))
                            });
                            match alt {
                                Some(a) => self.error_pos(sel.pos, format!("undefined: {es} (but have {a})")),
                                None => self.error_pos(sel.pos, format!("undefined: {es}")),
                            }
                        }
                        x.mode = Mode::Invalid;
                        x.expr = Some(e);
                        return;
                    };
                    if !object(exp).exported() {
                        self.error_pos(sel.pos, format!("name {sel_name} not exported by package {}", pinfo.name));
                    }
                    self.record_use(sel.pos, exp);
                    let o = object(exp);
                    x.typ = o.typ.get().unwrap_or(tt.invalid());
                    x.val = None;
                    x.mode = match o.kind {
                        ObjKind::Const => {
                            x.val = Some(o.val.get().cloned().unwrap_or_else(constant::make_unknown));
                            Mode::Constant
                        }
                        ObjKind::TypeName => Mode::TypeExpr,
                        ObjKind::Var { .. } => Mode::Variable,
                        ObjKind::Func => Mode::Value,
                        ObjKind::Builtin(b) => Mode::Builtin(b),
                        _ => Mode::Invalid,
                    };
                    x.expr = Some(e);
                    return;
                }
            }
        }
        self.expr_or_type(x, base, false);
        match x.mode {
            Mode::Builtin(_) => {
                let s = self.op_str(x);
                self.error_pos(file.expr(e).pos, format!("invalid use of {s} in selector expression"));
                x.mode = Mode::Invalid;
                x.expr = Some(e);
                return;
            }
            Mode::Invalid => {
                x.expr = Some(e);
                return;
            }
            _ => {}
        }
        // One cannot select on an incomplete type.
        if !self.is_complete(x.typ) {
            x.mode = Mode::Invalid;
            x.expr = Some(e);
            return;
        }
        if want_type {
            let es = self.expr_str(e);
            self.error_pos(sel.pos, format!("{es} is not a type"));
            x.mode = Mode::Invalid;
            x.expr = Some(e);
            return;
        }
        // Selecting through a pointer dereferences it: its base must be
        // complete too.
        if let Type::Pointer(b) = *tt.get(tt.underlying(x.typ)) {
            if !self.is_complete(b) {
                x.mode = Mode::Invalid;
                x.expr = Some(e);
                return;
            }
        }
        let res = crate::lookup::lookup_field_or_method(x.typ, x.mode == Mode::Variable, Some(self.pkg), sel_sym, false);
        use crate::lookup::Lookup;
        match res {
            Lookup::Field { path, typ, indirect } => {
                if x.mode == Mode::TypeExpr {
                    let ts = self.type_str(x.typ);
                    self.error_at(base, format!("operand for field selector {sel_name} must be value of type {ts}"));
                    x.mode = Mode::Invalid;
                    x.expr = Some(e);
                    return;
                }
                self.info.selections.insert(
                    (self.ctx.fnum, e),
                    Selection { kind: SelectionKind::FieldVal, recv: x.typ, path: path.into(), indirect, method: None, typ },
                );
                x.mode = if x.mode == Mode::Variable || indirect { Mode::Variable } else { Mode::Value };
                x.typ = typ;
            }
            Lookup::Method { path, method, sig, indirect, .. } => {
                if let Some(m) = method {
                    if object(m).pkg == Some(self.pkg) {
                        self.obj_decl(m);
                    }
                    self.add_decl_dep(m);
                }
                let sig = sig.unwrap_or_else(|| method.and_then(|m| object(m).typ.get()).unwrap_or(tt.invalid()));
                if x.mode == Mode::TypeExpr {
                    let Type::Signature { params, results, variadic } = tt.get(sig).clone() else {
                        self.error_at(e, "illegal cycle in method declaration".into());
                        x.mode = Mode::Invalid;
                        x.expr = Some(e);
                        return;
                    };
                    let mut ps = vec![Var { name: None, pkg: Some(self.pkg), typ: x.typ }];
                    ps.extend(params.iter().cloned());
                    let ft = tt.intern(Type::Signature { params: ps.into(), results, variadic });
                    self.info.selections.insert(
                        (self.ctx.fnum, e),
                        Selection { kind: SelectionKind::MethodExpr, recv: x.typ, path: path.into(), indirect, method, typ: ft },
                    );
                    x.mode = Mode::Value;
                    x.typ = ft;
                } else {
                    self.info.selections.insert(
                        (self.ctx.fnum, e),
                        Selection { kind: SelectionKind::MethodVal, recv: x.typ, path: path.into(), indirect, method, typ: sig },
                    );
                    x.mode = Mode::Value;
                    x.typ = sig;
                }
            }
            Lookup::Ambiguous => {
                let bs = self.expr_str(base);
                self.error_pos(sel.pos, format!("ambiguous selector {bs}.{sel_name}"));
                x.mode = Mode::Invalid;
            }
            Lookup::PointerRecv => {
                let ts = self.type_str(x.typ);
                if x.mode == Mode::TypeExpr {
                    self.error_pos(
                        sel.pos,
                        format!("invalid method expression {ts}.{sel_name} (needs pointer receiver (*{ts}).{sel_name})"),
                    );
                } else {
                    self.error_pos(sel.pos, format!("cannot call pointer method {sel_name} on {ts}"));
                }
                x.mode = Mode::Invalid;
            }
            Lookup::NotFound => {
                if tt.underlying(x.typ) == tt.invalid() {
                    x.mode = Mode::Invalid;
                    x.expr = Some(e);
                    return;
                }
                let why = crate::lookup::lookup_error_in(x.typ, x.mode == Mode::Variable, sel_sym, Some(self.pkg), false, &|p| self.qualify(p));
                let bs = self.expr_str(base);
                self.error_pos(sel.pos, format!("{bs}.{sel_name} undefined ({why})"));
                x.mode = Mode::Invalid;
            }
        }
        x.expr = Some(e);
        if x.mode == Mode::Invalid {
            x.typ = tt.invalid();
        }
    }
}
