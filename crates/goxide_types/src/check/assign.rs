//! Assignments (types2's `assignments.go` and `operand.go`'s
//! `assignableTo`): assignability, initialisation of variables and
//! constants, `=`/`op=`/`:=` statements, n:1 assignments from calls and
//! comma-ok expressions, and the count-mismatch messages.

use goxide_syntax::ast::{ExprId, ExprKind};

use super::operand::{Mode, Operand};
use super::Checker;
use crate::objects::{new_object, object, ObjKind, VarKind};
use crate::predicates::*;
use crate::representable::NotRepresentable;
use crate::symbol::Symbol;
use crate::types::{table, BasicKind, ObjId, Type, TypeId};

/// Where a value is assigned, for messages (`variable declaration`,
/// `argument to f`): the text is built only when a message needs it.
#[derive(Clone, Copy)]
pub(crate) enum AssignContext<'s> {
    Text(&'s str),
    /// An argument of a call of this function expression.
    ArgumentTo(ExprId),
}

impl<'s> From<&'s str> for AssignContext<'s> {
    fn from(s: &'s str) -> Self {
        AssignContext::Text(s)
    }
}

impl<'s> From<&'s String> for AssignContext<'s> {
    fn from(s: &'s String) -> Self {
        AssignContext::Text(s)
    }
}

impl Checker<'_> {
    fn context_text(&self, c: AssignContext<'_>) -> String {
        match c {
            AssignContext::Text(s) => s.to_string(),
            AssignContext::ArgumentTo(fun) => format!("argument to {}", self.expr_str(fun)),
        }
    }

    /// types2's `assignableTo`; `cause` receives an explanation.
    pub(crate) fn assignable_to(&mut self, x: &Operand, t: TypeId, mut cause: Option<&mut String>) -> bool {
        let tt = table();
        if x.mode == Mode::Invalid || t == tt.invalid() || x.typ == tt.invalid() {
            return true;
        }
        let orig_t = t;
        let v = tt.unalias(x.typ);
        let t = tt.unalias(t);
        if tt.identical(v, t) {
            return true;
        }
        let (vu, tu) = (tt.underlying(v), tt.underlying(t));
        let (vp, tp) = (is_type_param(v), is_type_param(t));
        if is_untyped(vu) {
            if tp {
                let Some(terms) = tparam_terms(t) else { return false };
                return terms.iter().all(|&term| self.implicit_type_and_value(x, term).is_ok());
            }
            return self.implicit_type_and_value(x, t).is_ok();
        }
        if tt.identical(vu, tu) && (!has_name(v) || !has_name(t)) && !vp && !tp {
            return true;
        }
        if matches!(tt.get(tu), Type::Interface { .. }) && !tp || is_interface_ptr(tu) {
            match crate::lookup::implements(v, t, false, &|p| self.qualify(p)) {
                Ok(()) => return true,
                Err(c) => {
                    if !vp {
                        if let Some(cs) = cause.as_deref_mut() {
                            *cs = c;
                        }
                        return false;
                    }
                    if let Some(cs) = cause.as_deref_mut() {
                        cs.clear();
                    }
                }
            }
        }
        if matches!(tt.get(vu), Type::Interface { .. }) && !vp && crate::lookup::implements(t, v, false, &|p| self.qualify(p)).is_ok() {
            if let Some(cs) = cause.as_deref_mut() {
                *cs = "need type assertion".into();
            }
            return false;
        }
        if let (Type::Chan { dir: crate::types::ChanDir::SendRecv, elem: ve }, Type::Chan { elem: te, .. }) = (tt.get(vu), tt.get(tu)) {
            if tt.identical(*ve, *te) {
                return !has_name(v) || !has_name(t);
            }
        }
        if !vp && !tp {
            return false;
        }
        if !has_name(v) && tp {
            let Some(terms) = tparam_terms(t) else { return false };
            for term in terms {
                if !self.assignable_to(x, term, cause.as_deref_mut()) {
                    if let Some(cs) = cause.as_deref_mut() {
                        let m = format!("cannot assign {} to {} (in {})", self.type_str(x.typ), self.type_str(term), self.type_str(t));
                        *cs = if cs.is_empty() { m } else { format!("{m}\n\t{cs}") };
                    }
                    return false;
                }
            }
            return true;
        }
        if vp && !has_name(t) {
            let Some(terms) = tparam_terms(v) else { return false };
            for term in terms {
                let mut y = x.clone();
                y.typ = term;
                if !self.assignable_to(&y, orig_t, cause.as_deref_mut()) {
                    if let Some(cs) = cause.as_deref_mut() {
                        let m = format!("cannot assign {} (in {}) to {}", self.type_str(term), self.type_str(v), self.type_str(orig_t));
                        *cs = if cs.is_empty() { m } else { format!("{m}\n\t{cs}") };
                    }
                    return false;
                }
            }
            return true;
        }
        false
    }

    /// types2's `assignment`: `x` is used as a value of type `t` (or of
    /// its default type when `t` is `None`) in `context`.
    pub(crate) fn assignment<'s>(&mut self, x: &mut Operand, t: Option<TypeId>, context: impl Into<AssignContext<'s>>) {
        let context = context.into();
        self.single_value(x);
        let tt = table();
        match x.mode {
            Mode::Invalid => return,
            Mode::NilValue | Mode::Constant | Mode::Variable | Mode::MapIndex | Mode::Value | Mode::CommaOk | Mode::CommaErr => {}
            _ => {
                let xs = self.op_str(x);
                let ts = t.map(|t| self.type_str(t)).unwrap_or_else(|| "<nil>".into());
                self.error_op(x, format!("cannot assign {xs} to {ts} in {}", self.context_text(context)));
                x.mode = Mode::Invalid;
                return;
            }
        }
        if is_untyped(x.typ) {
            let mut target = t;
            if x.mode == Mode::NilValue {
                if t.is_none() {
                    self.error_op(x, format!("use of untyped nil in {}", self.context_text(context)));
                    x.mode = Mode::Invalid;
                    return;
                }
            } else if t.is_none_or(is_non_type_param_interface) {
                target = Some(default_type(x.typ));
            }
            let target = target.unwrap_or(tt.invalid());
            match self.implicit_type_and_value(x, target) {
                Err(code) => {
                    let xs = self.op_str(x);
                    let ts = self.type_str(target);
                    let mut msg = format!("cannot use {xs} as {ts} value in {}", self.context_text(context));
                    match code {
                        NotRepresentable::TruncatedFloat => msg.push_str(" (truncated)"),
                        NotRepresentable::NumericOverflow => msg.push_str(" (overflows)"),
                        NotRepresentable::InvalidConstVal => {}
                    }
                    self.error_op(x, msg);
                    x.mode = Mode::Invalid;
                    return;
                }
                Ok((new_type, val)) => {
                    if let Some(v) = val {
                        x.val = Some(v.clone());
                        if let Some(e) = x.expr {
                            if let Some(info) = self.untyped.get_mut(&(self.ctx.fnum, e)) {
                                info.val = Some(v);
                            }
                        }
                    }
                    if new_type != x.typ {
                        x.typ = new_type;
                        if let Some(e) = x.expr {
                            self.update_expr_type(e, new_type, false);
                        }
                    }
                }
            }
        }
        // A generic function value is instantiated from the target type,
        // or is an error.
        if is_generic_signature(x.typ) {
            let target = super::expr::new_target(t, &self.context_text(context));
            self.non_generic(x, target.as_ref());
            if x.mode == Mode::Invalid {
                return;
            }
        }
        let Some(t) = t else { return };
        let mut cause = String::new();
        if !self.assignable_to(x, t, Some(&mut cause)) {
            let xs = self.op_str(x);
            let ts = self.type_str(t);
            if !cause.is_empty() {
                self.error_op(x, format!("cannot use {xs} as {ts} value in {}: {cause}", self.context_text(context)));
            } else {
                self.error_op(x, format!("cannot use {xs} as {ts} value in {}", self.context_text(context)));
            }
            x.mode = Mode::Invalid;
        }
    }

    /// An expression whose expected type is known (for reverse inference
    /// of generic function values, which types2 does through `target`).
    /// `desc` names the destination in inference errors.
    pub(crate) fn expr_for_target(&mut self, x: &mut Operand, e: ExprId, target: Option<TypeId>, desc: &str) {
        self.pending_target = super::expr::new_target(target, desc);
        self.expr(x, e);
    }

    /// types2's `initVar`.
    pub(crate) fn init_var(&mut self, lhs: ObjId, x: &mut Operand, context: &str) {
        let o = object(lhs);
        let tt = table();
        if x.mode == Mode::Invalid || x.typ == tt.invalid() || o.typ.get() == Some(tt.invalid()) {
            if o.typ.get().is_none() {
                o.typ.set(tt.invalid());
            }
            x.mode = Mode::Invalid;
            return;
        }
        if o.typ.get().is_none() {
            let mut typ = x.typ;
            if is_untyped(typ) {
                if typ == tt.basic(BasicKind::UntypedNil) {
                    self.error_op(x, format!("use of untyped nil in {context}"));
                    o.typ.set(tt.invalid());
                    x.mode = Mode::Invalid;
                    return;
                }
                typ = default_type(typ);
            }
            o.typ.set(typ);
        }
        let t = o.typ.get();
        self.assignment(x, t, context);
    }

    /// types2's `initVars` (also for return statements: `ret` is the
    /// return statement's position).
    pub(crate) fn init_vars(&mut self, lhs: &[ObjId], rhs: &[ExprId], ret: Option<goxide_syntax::Pos>) {
        let (l, r) = (lhs.len(), rhs.len());
        let context = if ret.is_some() {
            "return statement"
        } else if l > 1 {
            "multiple assignment"
        } else {
            "assignment"
        };
        let file = self.ctx.file.clone();
        let file = &*file;
        let is_call = r == 1 && matches!(file.expr(file.unparen(rhs[0])).kind, ExprKind::Call { .. });
        if l == r && !is_call {
            for (i, &v) in lhs.iter().enumerate() {
                let mut x = Operand::invalid(Some(rhs[i]));
                let o = object(v);
                let desc = if ret.is_some() && o.name.as_str().is_empty() { "result variable" } else { o.name.as_str() };
                self.expr_for_target(&mut x, rhs[i], o.typ.get(), desc);
                self.init_var(v, &mut x, context);
            }
            return;
        }
        let tt = table();
        if r != 1 {
            if self.use_exprs(rhs) {
                match ret {
                    Some(p) => {
                        let ops: Vec<Operand> = rhs
                            .iter()
                            .map(|&e| {
                                let mut x = Operand::invalid(Some(e));
                                self.expr(&mut x, e);
                                x
                            })
                            .collect();
                        self.return_error(p, lhs, &ops);
                    }
                    None => self.assign_error(rhs, l, r),
                }
            }
            for &v in lhs {
                if object(v).typ.get().is_none() {
                    object(v).typ.set(tt.invalid());
                }
            }
            return;
        }
        let (mut ops, comma_ok) = self.multi_expr(rhs[0], l == 2 && ret.is_none());
        let r = ops.len();
        if l == r {
            for (i, &v) in lhs.iter().enumerate() {
                self.init_var(v, &mut ops[i], context);
            }
            if comma_ok && ops[0].mode != Mode::Invalid && ops[1].mode != Mode::Invalid {
                self.record_comma_ok_types(rhs[0], &ops);
            }
            return;
        }
        if ops[0].mode != Mode::Invalid {
            match ret {
                Some(p) => self.return_error(p, lhs, &ops),
                None => self.assign_error(rhs, l, r),
            }
        }
        for &v in lhs {
            if object(v).typ.get().is_none() {
                object(v).typ.set(tt.invalid());
            }
        }
    }

    /// Records the types of a comma-ok expression `v, ok = m[k]` (types2's
    /// `recordCommaOkTypes`): the expression's type is the pair.
    fn record_comma_ok_types(&mut self, e: ExprId, ops: &[Operand]) {
        let tt = table();
        let (t0, t1) = (ops[0].typ, ops[1].typ);
        let tuple = tt.intern(Type::Tuple(
            vec![
                crate::types::Var { name: None, pkg: None, typ: t0 },
                crate::types::Var { name: None, pkg: None, typ: t1 },
            ]
            .into(),
        ));
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut e = e;
        loop {
            if let Some(tv) = self.info.types.get_mut(&(self.ctx.fnum, e)) {
                tv.typ = tuple;
            }
            match file.expr(e).kind {
                ExprKind::Paren(x) => e = x,
                _ => break,
            }
        }
    }

    /// types2's `assignError`.
    pub(crate) fn assign_error(&mut self, rhs: &[ExprId], l: usize, r: usize) {
        let vars = measure(l, "variable");
        let vals = measure(r, "value");
        let rhs0 = rhs[0];
        let file = self.ctx.file.clone();
        let file = &*file;
        if rhs.len() == 1 {
            if let ExprKind::Call { fun, .. } = file.expr(file.unparen(rhs0)).kind {
                let fs = self.expr_str(fun);
                self.error_at(rhs0, format!("assignment mismatch: {vars} but {fs} returns {vals}"));
                return;
            }
        }
        self.error_at(rhs0, format!("assignment mismatch: {vars} but {vals}"));
    }

    /// types2's `returnError`.
    fn return_error(&mut self, at: goxide_syntax::Pos, lhs: &[ObjId], rhs: &[Operand]) {
        let (l, r) = (lhs.len(), rhs.len());
        let (pos, qualifier) = if r > l {
            (rhs[l].expr.map(|e| self.ctx.file.start_pos(e)).unwrap_or(at), "too many")
        } else if r > 0 {
            (rhs[r - 1].expr.map(|e| self.ctx.file.start_pos(e)).unwrap_or(at), "not enough")
        } else {
            (at, "not enough")
        };
        let have: Vec<TypeId> = rhs.iter().map(|o| o.typ).collect();
        let want: Vec<TypeId> = lhs.iter().map(|&v| object(v).typ.get().unwrap_or(table().invalid())).collect();
        let hs = self.types_summary(&have, false, false);
        let ws = self.types_summary(&want, false, false);
        let sp = crate::files::src_pos(self.ctx.fnum, pos);
        self.error_count += 1;
        self.report(
            vec![(Some(sp), format!("{qualifier} return values")), (None, format!("have {hs}")), (None, format!("want {ws}"))],
            false,
        );
    }

    /// types2's `typesSummary`: "(int, string)", untyped constants as
    /// "number" or their kind, a variadic last parameter as "...T", a
    /// spread argument as "T...".
    pub(crate) fn types_summary(&self, list: &[TypeId], variadic: bool, has_dots: bool) -> String {
        let tt = table();
        let mut res = Vec::with_capacity(list.len());
        for (i, &t) in list.iter().enumerate() {
            let mut s = if t == tt.invalid() {
                "unknown type".to_string()
            } else if is_untyped(t) {
                if is_numeric(t) {
                    "number".to_string()
                } else {
                    match tt.get(t) {
                        Type::Basic(k) => k.name().replace("untyped ", ""),
                        _ => String::new(),
                    }
                }
            } else {
                self.type_str(t)
            };
            if i + 1 == list.len() {
                if variadic {
                    if let Type::Slice(e) = tt.get(t) {
                        s = self.type_str(*e);
                    }
                    s = format!("...{s}");
                } else if has_dots {
                    s.push_str("...");
                }
            }
            res.push(s);
        }
        format!("({})", res.join(", "))
    }

    /// types2's `lhsVar`: the type of an assignment's left operand (None
    /// for `_`).
    fn lhs_var(&mut self, lhs: ExprId) -> Option<TypeId> {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let inner = file.unparen(lhs);
        let mut restore: Option<(ObjId, bool)> = None;
        if let ExprKind::Name(n) = file.expr(inner).kind {
            let name = file.name_str(n);
            if name == "_" {
                return None;
            }
            if let Some(o) = self.lookup(Symbol::intern(name)) {
                let ob = object(o);
                if matches!(ob.kind, ObjKind::Var { .. }) && ob.pkg == Some(self.pkg) {
                    restore = Some((o, ob.is_used()));
                }
            }
        }
        let mut x = Operand::invalid(Some(lhs));
        self.expr(&mut x, lhs);
        if let Some((o, used)) = restore {
            object(o).used.store(used, std::sync::atomic::Ordering::Relaxed);
        }
        if x.mode == Mode::Invalid || x.typ == tt.invalid() {
            return Some(tt.invalid());
        }
        match x.mode {
            Mode::Variable | Mode::MapIndex => Some(x.typ),
            _ => {
                if let ExprKind::Selector { x: sx, .. } = file.expr(inner).kind {
                    let mut op = Operand::invalid(Some(sx));
                    self.expr(&mut op, sx);
                    if op.mode == Mode::MapIndex {
                        let s = self.expr_str(inner);
                        self.error_op(&x, format!("cannot assign to struct field {s} in map"));
                        return Some(tt.invalid());
                    }
                }
                let s = self.expr_str(x.expr.unwrap_or(lhs));
                self.error_op(&x, format!("cannot assign to {s} (neither addressable nor a map index expression)"));
                Some(tt.invalid())
            }
        }
    }

    /// types2's `assignVar`.
    pub(crate) fn assign_var(&mut self, lhs: ExprId, rhs: Option<ExprId>, x: Option<&mut Operand>, context: &str) {
        let tt = table();
        let t = self.lhs_var(lhs);
        if t == Some(tt.invalid()) {
            match x {
                Some(x) => x.mode = Mode::Invalid,
                None => {
                    if let Some(r) = rhs {
                        self.use_exprs(&[r]);
                    }
                }
            }
            return;
        }
        let mut own;
        let x = match x {
            Some(x) => x,
            None => {
                own = Operand::invalid(rhs);
                if let Some(r) = rhs {
                    let is_sig = t.is_some_and(|t| matches!(tt.get(tt.underlying(t)), Type::Signature { .. }));
                    if is_sig {
                        let desc = self.expr_str(lhs);
                        self.pending_target = super::expr::new_target(t, &desc);
                    }
                    self.expr(&mut own, r);
                }
                &mut own
            }
        };
        let context = if t.is_none() && context == "assignment" { "assignment to _ identifier" } else { context };
        self.assignment(x, t, context);
    }

    /// types2's `assignVars`.
    pub(crate) fn assign_vars(&mut self, lhs: &[ExprId], rhs: &[ExprId]) {
        let (l, r) = (lhs.len(), rhs.len());
        let context = if l > 1 { "multiple assignment" } else { "assignment" };
        let file = self.ctx.file.clone();
        let file = &*file;
        let is_call = r == 1 && matches!(file.expr(file.unparen(rhs[0])).kind, ExprKind::Call { .. });
        if l == r && !is_call {
            for i in 0..l {
                self.assign_var(lhs[i], Some(rhs[i]), None, context);
            }
            return;
        }
        if r != 1 {
            let ok_l = self.use_lhs(lhs);
            let ok_r = self.use_exprs(rhs);
            if ok_l && ok_r {
                self.assign_error(rhs, l, r);
            }
            return;
        }
        let (mut ops, comma_ok) = self.multi_expr(rhs[0], l == 2);
        let r = ops.len();
        if l == r {
            for (i, &e) in lhs.iter().enumerate() {
                self.assign_var(e, None, Some(&mut ops[i]), context);
            }
            if comma_ok && ops[0].mode != Mode::Invalid && ops[1].mode != Mode::Invalid {
                self.record_comma_ok_types(rhs[0], &ops);
            }
            return;
        }
        if ops[0].mode != Mode::Invalid {
            self.assign_error(rhs, l, r);
        }
        self.use_lhs(lhs);
    }

    /// types2's `shortVarDecl`.
    pub(crate) fn short_var_decl(&mut self, pos: goxide_syntax::Pos, lhs: &[ExprId], rhs: &[ExprId]) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut seen: Vec<Symbol> = Vec::new();
        let mut lhs_vars: Vec<Option<ObjId>> = vec![None; lhs.len()];
        let mut new_vars = Vec::new();
        let mut has_err = false;
        for (i, &e) in lhs.iter().enumerate() {
            let ExprKind::Name(n) = file.expr(e).kind else {
                self.use_lhs(&[e]);
                let s = self.expr_str(e);
                self.error_at(e, format!("non-name {s} on left side of :="));
                has_err = true;
                continue;
            };
            let name = file.name_str(n);
            let sym = Symbol::intern(name);
            if name != "_" {
                if seen.contains(&sym) {
                    self.error_at(e, format!("{name} repeated on left side of :="));
                    has_err = true;
                    continue;
                }
                seen.push(sym);
            }
            if let Some(alt) = self.lookup_here(sym).filter(|_| name != "_") {
                self.record_use(n.pos, alt);
                if matches!(object(alt).kind, ObjKind::Var { .. }) {
                    lhs_vars[i] = Some(alt);
                } else {
                    self.error_at(e, format!("cannot assign to {name}"));
                    has_err = true;
                }
                continue;
            }
            let obj = new_object(
                ObjKind::Var { kind: VarKind::Local, embedded: false },
                sym,
                Some(self.pkg),
                Some(self.pos(self.ctx.fi, n.pos)),
                None,
            );
            lhs_vars[i] = Some(obj);
            if name != "_" {
                new_vars.push(obj);
            }
            self.record_def(n.pos, obj);
        }
        let lhs_vars: Vec<ObjId> = lhs_vars
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                v.unwrap_or_else(|| {
                    let p = file.expr(lhs[i]).pos;
                    new_object(
                        ObjKind::Var { kind: VarKind::Local, embedded: false },
                        Symbol::intern("_"),
                        Some(self.pkg),
                        Some(self.pos(self.ctx.fi, p)),
                        None,
                    )
                })
            })
            .collect();
        self.init_vars(&lhs_vars, rhs, None);
        if new_vars.is_empty() && !has_err {
            self.soft_error_pos(pos, "no new variables on left side of :=".into());
            return;
        }
        // Visible after the statement (types2's scopePos: end of the rhs).
        let from = rhs.last().map_or(pos, |&e| super::scope::expr_end(file, e));
        for v in new_vars {
            self.declare_local_from(v, from);
        }
    }

    /// types2's `useLHS`.
    pub(crate) fn use_lhs(&mut self, list: &[ExprId]) -> bool {
        let mut ok = true;
        for &e in list {
            let file = self.ctx.file.clone();
            let file = &*file;
            let inner = file.unparen(e);
            if let ExprKind::Name(n) = file.expr(inner).kind {
                let name = file.name_str(n);
                if name == "_" {
                    continue;
                }
                let mut restore = None;
                if let Some(o) = self.lookup(Symbol::intern(name)) {
                    let ob = object(o);
                    if matches!(ob.kind, ObjKind::Var { .. }) && ob.pkg == Some(self.pkg) {
                        restore = Some((o, ob.is_used()));
                    }
                }
                let mut x = Operand::invalid(Some(inner));
                self.expr_or_type(&mut x, inner, true);
                if let Some((o, used)) = restore {
                    object(o).used.store(used, std::sync::atomic::Ordering::Relaxed);
                }
                ok &= x.mode != Mode::Invalid;
            } else if !self.use_exprs(&[e]) {
                ok = false;
            }
        }
        ok
    }
}

/// "1 variable", "2 values" (types2's `measure`).
pub(crate) fn measure(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("{n} {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Whether `t` is a pointer to an interface that is not a type parameter.
fn is_interface_ptr(t: TypeId) -> bool {
    let tt = table();
    match tt.get(t) {
        Type::Pointer(b) => is_interface(*b) && !is_type_param(*b),
        _ => false,
    }
}

/// The types of a type parameter's specific terms (`None`: no specific types).
pub(crate) fn tparam_terms(t: TypeId) -> Option<Vec<TypeId>> {
    let tt = table();
    let p = tt.type_param(tt.unalias(t))?;
    let c = *p.constraint.get()?;
    crate::typeset::type_set(c).specific_types()
}
