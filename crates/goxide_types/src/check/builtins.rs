//! Calls of builtin functions (types2's `builtins.go`): argument counts,
//! each builtin's typing rules and constant results (`len` of arrays and
//! constant strings, `unsafe.Sizeof`/`Alignof`/`Offsetof` with gc's
//! layout, `complex`/`real`/`imag`, `min`/`max` of constants), in
//! types2's words.

use goxide_syntax::ast::{ExprId, ExprKind};

use super::operand::{Mode, Operand};
use super::Checker;
use crate::constant::{self, BinOp, CmpOp, Kind};
use crate::objects::Builtin;
use crate::predicates::*;
use crate::symbol::Symbol;
use crate::types::{table, BasicKind, ChanDir, Type, TypeId};

impl Checker<'_> {
    /// types2's `builtin`: checks a call of builtin `id`; false if invalid.
    pub(crate) fn builtin(&mut self, x: &mut Operand, call: ExprId, id: Builtin) -> bool {
        let file = self.ctx.file.clone();
        let file = &*file;
        let ExprKind::Call { fun, args: arg_list, has_dots } = file.expr(call).kind else { return false };
        let arg_list: Vec<ExprId> = file.exprs_of(arg_list).to_vec();
        let (name, min_args, variadic, _) = id.info();
        let qname = if Builtin::UNSAFE.contains(&id) { format!("unsafe.{name}") } else { name.to_string() };
        let _ = qname;
        if has_dots && id != Builtin::Append {
            self.error_at(call, format!("invalid operation: invalid use of ... with built-in {name}"));
            self.use_exprs(&arg_list);
            return false;
        }
        let saved_call = self.ctx.has_call_or_recv;
        if matches!(id, Builtin::Len | Builtin::Cap) {
            self.ctx.has_call_or_recv = false;
        }
        let restore = |this: &mut Self| {
            if matches!(id, Builtin::Len | Builtin::Cap) {
                this.ctx.has_call_or_recv = saved_call;
            }
        };
        let mut args: Vec<Operand> = Vec::new();
        let nargs = match id {
            Builtin::Make | Builtin::New | Builtin::Offsetof => arg_list.len(),
            _ => {
                args = self.expr_list(&arg_list);
                for a in &args {
                    if a.mode == Mode::Invalid {
                        restore(self);
                        return false;
                    }
                }
                if let Some(a) = args.first() {
                    *x = a.clone();
                }
                args.len()
            }
        };
        let msg = if nargs < min_args {
            "not enough"
        } else if !variadic && nargs > min_args {
            "too many"
        } else {
            ""
        };
        if !msg.is_empty() {
            let cs = self.expr_str(call);
            self.error_at(call, format!("invalid operation: {msg} arguments for {cs} (expected {min_args}, found {nargs})"));
            restore(self);
            return false;
        }
        let ok = self.builtin_body(x, call, fun, id, &arg_list, &mut args, nargs, has_dots);
        restore(self);
        ok
    }

    /// types2's `exprList`.
    fn expr_list(&mut self, list: &[ExprId]) -> Vec<Operand> {
        if list.len() == 1 {
            let (l, _) = self.multi_expr(list[0], false);
            return l;
        }
        list.iter()
            .map(|&e| {
                let mut x = Operand::invalid(Some(e));
                self.expr(&mut x, e);
                x
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn builtin_body(
        &mut self,
        x: &mut Operand,
        call: ExprId,
        fun: ExprId,
        id: Builtin,
        arg_list: &[ExprId],
        args: &mut [Operand],
        nargs: usize,
        has_dots: bool,
    ) -> bool {
        let tt = table();
        let (name, ..) = id.info();
        let byte = crate::universe::byte();
        let empty_iface = tt.intern(Type::Interface { methods: Box::new([]), embedded: Box::new([]), implicit: false });
        match id {
            Builtin::Append => {
                let e = match self.slice_elem(x) {
                    Ok(e) => e,
                    Err(msg) => {
                        self.error_op(x, format!("invalid append: {msg}"));
                        return false;
                    }
                };
                let mut special = false;
                if nargs == 2 && has_dots {
                    let bs = tt.intern(Type::Slice(byte));
                    if self.assignable_to(x, bs, None) {
                        let y = &args[1];
                        let mut has_string = false;
                        let all = under_is(y.typ, &mut |u| match u {
                            Some(u) => match tt.get(u) {
                                Type::Slice(el) if tt.identical(*el, byte) => true,
                                _ if is_string(u) => {
                                    has_string = true;
                                    true
                                }
                                _ => false,
                            },
                            None => false,
                        });
                        special = all && has_string;
                    }
                }
                if !special {
                    let slice_e = tt.intern(Type::Slice(e));
                    let xt = x.typ;
                    let sig = tt.intern(Type::Signature {
                        params: vec![
                            crate::types::Var { name: None, pkg: None, typ: xt },
                            crate::types::Var { name: None, pkg: None, typ: slice_e },
                        ]
                        .into(),
                        results: vec![crate::types::Var { name: None, pkg: None, typ: xt }].into(),
                        variadic: true,
                    });
                    let ops = args.to_vec();
                    self.builtin_arguments(call, fun, arg_list, has_dots, sig, ops);
                }
                x.mode = Mode::Value;
            }
            Builtin::Cap | Builtin::Len => {
                let mut mode = Mode::Invalid;
                let mut val = None;
                let u = super::stmt::array_ptr_deref(tt.underlying(x.typ));
                match tt.get(u) {
                    Type::Basic(_) => {
                        if is_string(u) && id == Builtin::Len {
                            if x.mode == Mode::Constant {
                                mode = Mode::Constant;
                                val = x.val.as_ref().map(|v| constant::make_int64(v.string_len() as i64));
                            } else {
                                mode = Mode::Value;
                            }
                        }
                    }
                    Type::Array { len, .. } => {
                        mode = Mode::Value;
                        if !self.ctx.has_call_or_recv {
                            mode = Mode::Constant;
                            val = Some(if *len >= 0 { constant::make_int64(*len) } else { constant::make_unknown() });
                        }
                    }
                    Type::Slice(_) | Type::Chan { .. } => mode = Mode::Value,
                    Type::Map { .. } => {
                        if id == Builtin::Len {
                            mode = Mode::Value;
                        }
                    }
                    Type::Interface { .. } if is_type_param(x.typ) => {
                        if under_is(x.typ, &mut |u| {
                            let Some(u) = u else { return false };
                            let u = super::stmt::array_ptr_deref(u);
                            match tt.get(u) {
                                Type::Basic(_) => is_string(u) && id == Builtin::Len,
                                Type::Array { .. } | Type::Slice(_) | Type::Chan { .. } => true,
                                Type::Map { .. } => id == Builtin::Len,
                                _ => false,
                            }
                        }) {
                            mode = Mode::Value;
                        }
                    }
                    _ => {}
                }
                if mode == Mode::Invalid {
                    if tt.underlying(x.typ) != tt.invalid() {
                        let s = self.op_str(x);
                        self.error_op(x, format!("invalid argument: {s} for built-in {name}"));
                    }
                    return false;
                }
                x.mode = mode;
                x.typ = tt.basic(BasicKind::Int);
                x.val = val;
            }
            Builtin::Clear => {
                if !self.allow_version(21) {
                    self.version_error_at(fun, "clear", 21);
                }
                let xc = x.clone();
                let mut bad = false;
                under_is(x.typ, &mut |u| {
                    let ok = u.is_some_and(|u| matches!(tt.get(u), Type::Map { .. } | Type::Slice(_)));
                    bad |= !ok;
                    ok
                });
                if bad {
                    let s = self.op_str(&xc);
                    self.error_op(&xc, format!("invalid argument: cannot clear {s}: argument must be (or constrained by) map or slice"));
                    return false;
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Close => {
                let mut err: Option<&str> = None;
                under_is(x.typ, &mut |u| match u.map(|u| tt.get(u)) {
                    Some(Type::Chan { dir, .. }) => {
                        if *dir == ChanDir::RecvOnly {
                            err = Some("receive-only channel");
                            return false;
                        }
                        true
                    }
                    _ => {
                        err = Some("non-channel");
                        false
                    }
                });
                if let Some(what) = err {
                    let s = self.op_str(x);
                    self.error_op(x, format!("invalid operation: cannot close {what} {s}"));
                    return false;
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Complex => {
                let mut y = args[1].clone();
                let d = (is_untyped(x.typ) as u8) | ((is_untyped(y.typ) as u8) << 1);
                match d {
                    1 => {
                        let t = y.typ;
                        self.convert_untyped(x, t);
                    }
                    2 => {
                        let t = x.typ;
                        self.convert_untyped(&mut y, t);
                    }
                    3 => {
                        if x.mode == Mode::Constant && y.mode == Mode::Constant {
                            let to_float = |o: &mut Operand| {
                                if is_numeric(o.typ) && o.val.as_ref().is_some_and(|v| v.imag().sign() == 0) {
                                    o.typ = tt.basic(BasicKind::UntypedFloat);
                                }
                            };
                            to_float(x);
                            to_float(&mut y);
                        } else {
                            self.convert_untyped(x, tt.basic(BasicKind::Float64));
                            self.convert_untyped(&mut y, tt.basic(BasicKind::Float64));
                        }
                    }
                    _ => {}
                }
                if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
                    return false;
                }
                if !tt.identical(x.typ, y.typ) {
                    let cs = self.expr_str(call);
                    let (a, b) = (self.type_str(x.typ), self.type_str(y.typ));
                    self.error_op(x, format!("invalid operation: {cs} (mismatched types {a} and {b})"));
                    return false;
                }
                let res = match tt.get(tt.underlying(x.typ)) {
                    Type::Basic(BasicKind::Float32) => Some(tt.basic(BasicKind::Complex64)),
                    Type::Basic(BasicKind::Float64) => Some(tt.basic(BasicKind::Complex128)),
                    Type::Basic(BasicKind::UntypedFloat) => Some(tt.basic(BasicKind::UntypedComplex)),
                    _ => None,
                };
                let Some(res) = res else {
                    let ts = self.type_str(x.typ);
                    self.error_op(x, format!("invalid argument: arguments have type {ts}, expected floating-point"));
                    return false;
                };
                if x.mode == Mode::Constant && y.mode == Mode::Constant {
                    let (xv, yv) = (x.val.clone().unwrap_or_else(constant::make_unknown), y.val.clone().unwrap_or_else(constant::make_unknown));
                    x.val = Some(constant::binary_op(&xv.to_float(), BinOp::Add, &constant::make_imag(&yv.to_float())));
                } else {
                    x.mode = Mode::Value;
                }
                x.typ = res;
            }
            Builtin::Copy => {
                let dst_e = match self.slice_elem(x) {
                    Ok(e) => e,
                    Err(msg) => {
                        self.error_op(x, format!("invalid copy: {msg}"));
                        return false;
                    }
                };
                let y = args[1].clone();
                let mut special = false;
                let bs = tt.intern(Type::Slice(byte));
                if self.assignable_to(x, bs, None) {
                    special = under_is(y.typ, &mut |u| match u {
                        Some(u) => match tt.get(u) {
                            Type::Slice(el) => tt.identical(*el, byte),
                            _ => is_string(u),
                        },
                        None => false,
                    });
                }
                if !special {
                    let src_e = match self.slice_elem(&y) {
                        Ok(e) => e,
                        Err(msg) => {
                            if !all_string(y.typ) {
                                self.error_op(&y, format!("invalid copy: {msg}"));
                                return false;
                            }
                            byte
                        }
                    };
                    if !tt.identical(dst_e, src_e) {
                        let (xs, ys) = (self.op_str(x), self.op_str(&y));
                        let (ds, ss) = (self.type_str(dst_e), self.type_str(src_e));
                        self.error_op(x, format!("invalid copy: arguments {xs} and {ys} have different element types {ds} and {ss}"));
                        return false;
                    }
                }
                x.mode = Mode::Value;
                x.typ = tt.basic(BasicKind::Int);
            }
            Builtin::Delete => {
                let mut key: Option<TypeId> = None;
                let mut err: Option<String> = None;
                let xs = self.op_str(x);
                under_is(x.typ, &mut |u| match u.map(|u| tt.get(u)) {
                    Some(Type::Map { key: k, .. }) => {
                        if let Some(prev) = key {
                            if !tt.identical(prev, *k) {
                                err = Some(format!("invalid argument: maps of {xs} must have identical key types"));
                                return false;
                            }
                        }
                        key = Some(*k);
                        true
                    }
                    _ => {
                        err = Some(format!("invalid argument: {xs} is not a map"));
                        false
                    }
                });
                if let Some(m) = err {
                    self.error_op(x, m);
                    return false;
                }
                *x = args[1].clone();
                self.assignment(x, key, "argument to delete");
                if x.mode == Mode::Invalid {
                    return false;
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Imag | Builtin::Real => {
                if is_untyped(x.typ) {
                    if x.mode == Mode::Constant {
                        if is_numeric(x.typ) {
                            x.typ = tt.basic(BasicKind::UntypedComplex);
                        }
                    } else {
                        self.convert_untyped(x, tt.basic(BasicKind::Complex128));
                        if x.mode == Mode::Invalid {
                            return false;
                        }
                    }
                }
                let res = match tt.get(tt.underlying(x.typ)) {
                    Type::Basic(BasicKind::Complex64) => Some(tt.basic(BasicKind::Float32)),
                    Type::Basic(BasicKind::Complex128) => Some(tt.basic(BasicKind::Float64)),
                    Type::Basic(BasicKind::UntypedComplex) => Some(tt.basic(BasicKind::UntypedFloat)),
                    _ => None,
                };
                let Some(res) = res else {
                    let ts = self.type_str(x.typ);
                    self.error_op(x, format!("invalid argument: argument has type {ts}, expected complex type"));
                    return false;
                };
                if x.mode == Mode::Constant {
                    let v = x.val.clone().unwrap_or_else(constant::make_unknown);
                    x.val = Some(if id == Builtin::Real { v.real() } else { v.imag() });
                } else {
                    x.mode = Mode::Value;
                }
                x.typ = res;
            }
            Builtin::Make => {
                let arg0 = arg_list[0];
                let t = self.var_type(arg0);
                if t == tt.invalid() {
                    return false;
                }
                let qf = |p| self.qualify(p);
                let mut cond = |pair: Option<(TypeId, TypeId)>| -> Option<String> {
                    match pair {
                        None => Some("no specific type".into()),
                        Some((_, u)) => match tt.get(u) {
                            Type::Slice(_) | Type::Map { .. } | Type::Chan { .. } => None,
                            _ => Some("type must be slice, map, or channel".into()),
                        },
                    }
                };
                let r = crate::typeset::common_under(t, Some(&mut cond), &qf);
                let (u, cause) = match r {
                    Ok(u) => (Some(u), String::new()),
                    Err(c) => (None, c),
                };
                let min = match u.map(|u| tt.get(u)) {
                    Some(Type::Slice(_)) => 2,
                    Some(Type::Map { .. }) | Some(Type::Chan { .. }) => 1,
                    _ => 0,
                };
                if min == 0 {
                    let s = self.expr_str(arg0);
                    self.error_at(arg0, format!("invalid argument: cannot make {s}: {cause}"));
                    return false;
                }
                if nargs < min || min + 1 < nargs {
                    let cs = self.expr_str(call);
                    self.error_at(call, format!("invalid operation: {cs} expects {min} or {} arguments; found {nargs}", min + 1));
                    return false;
                }
                let mut sizes = Vec::new();
                for &a in &arg_list[1..] {
                    let (_, size) = self.index(a, -1);
                    if size >= 0 {
                        sizes.push(size);
                    }
                }
                if sizes.len() == 2 && sizes[0] > sizes[1] {
                    self.error_at(arg_list[1], "invalid argument: length and capacity swapped".into());
                }
                x.mode = Mode::Value;
                x.typ = t;
            }
            Builtin::Max | Builtin::Min => {
                if !self.allow_version(21) {
                    self.version_error_at(fun, &format!("built-in {name}"), 21);
                }
                let op = if id == Builtin::Max { CmpOp::Gtr } else { CmpOp::Lss };
                for i in 0..args.len() {
                    let mut a = args[i].clone();
                    if a.mode == Mode::Invalid {
                        return false;
                    }
                    if !all_ordered(a.typ) {
                        let s = self.op_str(&a);
                        self.error_op(&a, format!("invalid argument: {s} cannot be ordered"));
                        return false;
                    }
                    if i > 0 {
                        self.match_types(x, &mut a);
                        if x.mode == Mode::Invalid {
                            return false;
                        }
                        if !tt.identical(x.typ, a.typ) {
                            let (xs, as_) = (self.type_str(x.typ), self.type_str(a.typ));
                            let ae = a.expr.map(|e| self.expr_str(e)).unwrap_or_default();
                            self.error_op(&a, format!("invalid argument: mismatched types {xs} (previous argument) and {as_} (type of {ae})"));
                            return false;
                        }
                        if x.mode == Mode::Constant && a.mode == Mode::Constant {
                            let (av, xv) = (a.val.clone().unwrap_or_else(constant::make_unknown), x.val.clone().unwrap_or_else(constant::make_unknown));
                            if av.kind() != Kind::Unknown && xv.kind() != Kind::Unknown && constant::compare(&av, op, &xv) {
                                *x = a.clone();
                            }
                        } else {
                            x.mode = Mode::Value;
                        }
                        args[i] = a;
                    }
                }
                if x.mode != Mode::Constant {
                    x.mode = Mode::Value;
                    self.assignment(x, Some(empty_iface), &format!("argument to built-in {name}"));
                    if x.mode == Mode::Invalid {
                        return false;
                    }
                }
                let xt = x.typ;
                for a in args.iter() {
                    if let Some(e) = a.expr {
                        self.update_expr_type(e, xt, true);
                    }
                }
            }
            Builtin::New => {
                let arg = arg_list[0];
                self.expr_or_type(x, arg, false);
                self.exclude(x, &[Mode::NoValue, Mode::Builtin(Builtin::Len)]);
                match x.mode {
                    Mode::Invalid => return false,
                    Mode::TypeExpr => {
                        let t = x.typ;
                        self.valid_var_type(arg, t);
                    }
                    _ => {
                        if is_untyped(x.typ) {
                            self.assignment(x, None, "argument to new");
                            if x.mode == Mode::Invalid {
                                return false;
                            }
                        }
                        if !self.allow_version(26) {
                            let s = self.expr_str(arg);
                            self.version_error_at(fun, &format!("new({s})"), 26);
                        }
                    }
                }
                x.mode = Mode::Value;
                x.typ = tt.intern(Type::Pointer(x.typ));
            }
            Builtin::Panic => {
                if let Some(sig) = self.ctx.sig {
                    if matches!(tt.get(sig), Type::Signature { results, .. } if !results.is_empty()) {
                        self.is_panic.insert((self.ctx.fnum, call));
                    }
                }
                self.assignment(x, Some(empty_iface), "argument to panic");
                if x.mode == Mode::Invalid {
                    return false;
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Print | Builtin::Println => {
                for a in args.iter_mut() {
                    self.assignment(a, None, &format!("argument to built-in {name}"));
                    if a.mode == Mode::Invalid {
                        return false;
                    }
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Recover => {
                x.mode = Mode::Value;
                x.typ = empty_iface;
            }
            Builtin::Add => {
                if !self.allow_version(17) {
                    self.version_error_at(fun, "unsafe.Add", 17);
                }
                self.assignment(x, Some(tt.basic(BasicKind::UnsafePointer)), "argument to unsafe.Add");
                if x.mode == Mode::Invalid {
                    return false;
                }
                let mut y = args[1].clone();
                if !self.is_valid_index(&mut y, "length", true) {
                    return false;
                }
                x.mode = Mode::Value;
                x.typ = tt.basic(BasicKind::UnsafePointer);
            }
            Builtin::Alignof | Builtin::Sizeof => {
                let what = if id == Builtin::Alignof { "argument to unsafe.Alignof" } else { "argument to unsafe.Sizeof" };
                self.assignment(x, None, what);
                if x.mode == Mode::Invalid {
                    return false;
                }
                if self.has_var_size(x.typ) {
                    x.mode = Mode::Value;
                } else {
                    let n = if id == Builtin::Alignof { self.config.sizes.alignof(x.typ) } else { self.config.sizes.sizeof(x.typ) };
                    if n < 0 {
                        let s = self.op_str(x);
                        self.error_op(x, format!("{s} is too large"));
                        return false;
                    }
                    x.mode = Mode::Constant;
                    x.val = Some(constant::make_int64(n));
                }
                x.typ = tt.basic(BasicKind::Uintptr);
            }
            Builtin::Offsetof => {
                let arg0 = arg_list[0];
                let ExprKind::Selector { x: sx, sel } = file_expr_kind(self, self.ctx.file.unparen(arg0)) else {
                    let s = self.expr_str(arg0);
                    self.error_at(arg0, format!("invalid argument: {s} is not a selector expression"));
                    self.use_exprs(&[arg0]);
                    return false;
                };
                self.expr(x, sx);
                if x.mode == Mode::Invalid {
                    return false;
                }
                let base = deref_struct_ptr(x.typ);
                let sel_name = Symbol::intern(self.ctx.file.name_str(sel));
                match crate::lookup::lookup_field_or_method(base, false, Some(self.pkg), sel_name, false) {
                    crate::lookup::Lookup::Field { path, typ, indirect } => {
                        if indirect {
                            let bs = self.type_str(base);
                            self.error_op(x, format!("invalid argument: field {sel_name} is embedded via a pointer in {bs}"));
                            return false;
                        }
                        let selx = self.ctx.file.unparen(arg0);
                        self.info.selections.insert(
                            (self.ctx.fnum, selx),
                            super::Selection {
                                kind: super::SelectionKind::FieldVal,
                                recv: base,
                                path: path.clone().into(),
                                indirect: false,
                                method: None,
                                typ,
                            },
                        );
                        let m = if x.mode == Mode::Variable { Mode::Variable } else { Mode::Value };
                        self.record(&Operand { mode: m, typ, val: None, expr: Some(selx), dummy: None });
                        if self.has_var_size(base) {
                            x.mode = Mode::Value;
                        } else {
                            let off = self.offsetof(base, &path);
                            x.mode = Mode::Constant;
                            x.val = Some(constant::make_int64(off));
                        }
                        x.typ = tt.basic(BasicKind::Uintptr);
                    }
                    crate::lookup::Lookup::Method { .. } => {
                        let s = self.expr_str(arg0);
                        self.error_at(arg0, format!("invalid argument: {s} is a method value"));
                        return false;
                    }
                    _ => {
                        let bs = self.type_str(base);
                        self.error_op(x, format!("invalid argument: {bs} has no single field {sel_name}"));
                        return false;
                    }
                }
            }
            Builtin::Slice => {
                if !self.allow_version(17) {
                    self.version_error_at(fun, "unsafe.Slice", 17);
                }
                let base = match core_type(x.typ).map(|u| tt.get(u)) {
                    Some(Type::Pointer(b)) => *b,
                    _ => {
                        let s = self.op_str(x);
                        self.error_op(x, format!("invalid argument: {s} is not a pointer"));
                        return false;
                    }
                };
                let mut y = args[1].clone();
                if !self.is_valid_index(&mut y, "length", false) {
                    return false;
                }
                x.mode = Mode::Value;
                x.typ = tt.intern(Type::Slice(base));
            }
            Builtin::SliceData => {
                if !self.allow_version(20) {
                    self.version_error_at(fun, "unsafe.SliceData", 20);
                }
                let elem = match core_type(x.typ).map(|u| tt.get(u)) {
                    Some(Type::Slice(e)) => *e,
                    _ => {
                        let s = self.op_str(x);
                        self.error_op(x, format!("invalid argument: {s} is not a slice"));
                        return false;
                    }
                };
                x.mode = Mode::Value;
                x.typ = tt.intern(Type::Pointer(elem));
            }
            Builtin::String => {
                if !self.allow_version(20) {
                    self.version_error_at(fun, "unsafe.String", 20);
                }
                self.assignment(x, Some(tt.intern(Type::Pointer(byte))), "argument to unsafe.String");
                if x.mode == Mode::Invalid {
                    return false;
                }
                let mut y = args[1].clone();
                if !self.is_valid_index(&mut y, "length", false) {
                    return false;
                }
                x.mode = Mode::Value;
                x.typ = tt.basic(BasicKind::String);
            }
            Builtin::StringData => {
                if !self.allow_version(20) {
                    self.version_error_at(fun, "unsafe.StringData", 20);
                }
                self.assignment(x, Some(tt.basic(BasicKind::String)), "argument to unsafe.StringData");
                if x.mode == Mode::Invalid {
                    return false;
                }
                x.mode = Mode::Value;
                x.typ = tt.intern(Type::Pointer(byte));
            }
            Builtin::Assert => {
                let v = x.val.clone();
                if x.mode != Mode::Constant || !is_boolean(x.typ) {
                    let s = self.op_str(x);
                    self.error_op(x, format!("invalid argument: {s} is not a boolean constant"));
                    return false;
                }
                if v.as_ref().is_some_and(|v| v.kind() == Kind::Bool && !v.bool_val()) {
                    let cs = self.expr_str(call);
                    self.error_at(call, format!("{cs} failed"));
                }
            }
            Builtin::Trace => {
                // trace only prints what it is given (types2's test
                // function); nothing to report.
                if nargs == 0 {
                    x.mode = Mode::NoValue;
                }
            }
        }
        true
    }

    /// Checks builtin arguments against a signature (append's `arguments`).
    fn builtin_arguments(&mut self, _call: ExprId, fun: ExprId, arg_list: &[ExprId], ddd: bool, sig: TypeId, mut args: Vec<Operand>) {
        let tt = table();
        let Type::Signature { params, variadic, .. } = tt.get(sig).clone() else { return };
        let nargs = args.len();
        let npars = params.len();
        let mut ps: Vec<TypeId> = params.iter().map(|v| v.typ).collect();
        if variadic && !ddd && nargs + 1 >= npars {
            let last = ps[npars - 1];
            let elem = match tt.get(last) {
                Type::Slice(e) => *e,
                _ => last,
            };
            ps.truncate(npars - 1);
            while ps.len() < nargs {
                ps.push(elem);
            }
        }
        if ddd && arg_list.len() == 1 && nargs > 1 {
            return;
        }
        if ps.len() != nargs {
            return;
        }
        let context = format!("argument to {}", self.expr_str(fun));
        for (i, a) in args.iter_mut().enumerate() {
            self.assignment(a, Some(ps[i]), &context);
        }
    }

    /// types2's `sliceElem`.
    fn slice_elem(&self, x: &Operand) -> Result<TypeId, String> {
        let tt = table();
        let mut e: Option<TypeId> = None;
        let mut err = None;
        under_is(x.typ, &mut |u| match u.map(|u| tt.get(u)) {
            Some(Type::Slice(el)) => {
                if let Some(prev) = e {
                    if !tt.identical(prev, *el) {
                        err = Some(format!(
                            "mismatched slice element types {} and {} in {}",
                            self.type_str(prev),
                            self.type_str(*el),
                            self.op_str(x)
                        ));
                        return false;
                    }
                }
                e = Some(*el);
                true
            }
            _ => {
                err = Some(if x.mode == Mode::NilValue {
                    "argument must be a slice; have untyped nil".to_string()
                } else {
                    format!("argument must be a slice; have {}", self.op_str(x))
                });
                false
            }
        });
        match (err, e) {
            (Some(m), _) => Err(m),
            (None, Some(e)) => Ok(e),
            (None, None) => Err(format!("argument must be a slice; have {}", self.op_str(x))),
        }
    }

    /// The offset of the field at `path` in struct type `base`, with gc's layout.
    fn offsetof(&self, base: TypeId, path: &[usize]) -> i64 {
        let tt = table();
        let mut off = 0;
        let mut t = base;
        for &i in path {
            let Type::Struct(fields) = tt.get(tt.underlying(t)) else { return off };
            let offs = self.config.sizes.offsetsof(fields);
            off += offs.get(i).copied().unwrap_or(0);
            t = fields.get(i).map(|f| f.var.typ).unwrap_or(t);
        }
        off
    }
}

fn file_expr_kind(c: &Checker<'_>, e: ExprId) -> ExprKind {
    c.ctx.file.expr(e).kind.clone()
}

/// A pointer to a struct stands for the struct (types2's `derefStructPtr`).
fn deref_struct_ptr(t: TypeId) -> TypeId {
    let tt = table();
    if let Type::Pointer(b) = tt.get(tt.underlying(t)) {
        if let Type::Struct(_) = tt.get(tt.underlying(*b)) {
            return *b;
        }
    }
    t
}

impl Checker<'_> {
    /// Whether the size of `t` depends on a type parameter (types2's
    /// `hasVarSize`). A named type met again while looking through it is
    /// an invalid recursive type: reported, and treated as variable-sized
    /// so that no size is computed.
    fn has_var_size(&mut self, t: TypeId) -> bool {
        let mut path = Vec::new();
        self.has_var_size0(t, &mut path)
    }

    fn has_var_size0(&mut self, t: TypeId, path: &mut Vec<TypeId>) -> bool {
        let tt = table();
        let t = tt.unalias(t);
        match tt.get(t).clone() {
            Type::Named(_) => {
                let n = tt.named(t).unwrap();
                let origin = n.origin.unwrap_or(t);
                if let Some(i) = path.iter().position(|&p| p == origin) {
                    let cycle: Vec<crate::types::ObjId> =
                        path[i..].iter().filter_map(|&p| tt.named(p).and_then(|n| n.obj.get().copied())).collect();
                    self.cycle_error(&cycle);
                    if let Some(o) = tt.named(origin) {
                        o.invalid.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                    return true;
                }
                path.push(origin);
                let u = tt.underlying(t);
                let r = self.has_var_size0(u, path);
                path.pop();
                r
            }
            Type::Array { elem, .. } => self.has_var_size0(elem, path),
            Type::Struct(fs) => {
                for f in fs.iter() {
                    if self.has_var_size0(f.var.typ, path) {
                        return true;
                    }
                }
                false
            }
            Type::TypeParam(_) => true,
            _ => false,
        }
    }
}
