//! Expressions (types2's `expr.go` and `const.go`): the dispatch over
//! expression kinds, identifiers, literals, unary and binary operations,
//! shifts, comparisons, and the conversion of untyped operands to the
//! types their context asks for.
//!
//! The algorithm is types2's: expressions are checked top down into an
//! [`Operand`]; untyped results are remembered in `Checker::untyped` and
//! get their final type when their context converts them
//! (`update_expr_type` walks back down the operands that share the
//! untyped type); whatever is still untyped at the end is recorded with
//! its default type. Constant operations are exact (`constant`), and a
//! typed constant must be representable in its type.
//!
//! Error positions are types2's: an operand's error is at the leftmost
//! position of its expression (`File::start_pos`); an overflow at the
//! operator.

use goxide_syntax::ast::{ExprId, ExprKind};
use goxide_syntax::token::{LitKind, Operator};

use super::operand::{Mode, Operand};
use super::Checker;
use crate::constant::{self, BinOp, CmpOp, Kind, ShiftOp, UnaryOp, Value};
use crate::objects::{object, ObjKind};
use crate::predicates::*;
use crate::representable::{representable_const, why_not, NotRepresentable};
use crate::symbol::Symbol;
use crate::types::{table, BasicKind, Type, TypeId};

/// What an untyped expression was when checked (types2's `exprInfo`).
#[derive(Clone, Debug)]
pub(crate) struct UntypedInfo {
    /// The left operand of a non-constant shift: must become an integer.
    pub is_lhs: bool,
    pub mode: Mode,
    pub typ: TypeId,
    pub val: Option<Value>,
}

/// What kind of expression was checked (types2's `exprKind`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ExprClass {
    Conversion,
    Expression,
    Statement,
}

/// The constant precision types2 allows for untyped integers (bits).
const CONST_PREC: u64 = 512;

/// types2's `target`: the function type a generic function value is
/// assigned to (its core type is a signature), and how messages name the
/// destination ("v", "result variable", "a[0]", "argument to f").
#[derive(Clone, Debug)]
pub(crate) struct Target {
    pub sig: TypeId,
    pub desc: String,
}

/// types2's `newTarget`: a target for values of type `t`, if its common
/// underlying type is a signature.
pub(crate) fn new_target(t: Option<TypeId>, desc: &str) -> Option<Target> {
    let t = t?;
    let tt = table();
    // Fast path: most targets are not function types.
    if !is_type_param(t) && !matches!(tt.get(tt.underlying(t)), Type::Signature { .. }) {
        return None;
    }
    let u = crate::typeset::common_under(t, None, &crate::typeset::path_qualifier).ok()?;
    matches!(table().get(u), Type::Signature { .. }).then(|| Target { sig: u, desc: desc.to_string() })
}

impl Checker<'_> {
    // ---- messages ----

    /// How messages qualify a package: nothing for the package being
    /// checked, its name otherwise (types2's `qualifier`).
    pub(crate) fn qualify(&self, p: crate::types::PkgId) -> String {
        if p == self.pkg {
            return String::new();
        }
        let info = crate::package::info(p);
        info.name.as_str().to_string()
    }

    pub(crate) fn type_str(&self, t: TypeId) -> String {
        crate::typestring::type_string(t, &|p| self.qualify(p))
    }

    pub(crate) fn op_str(&self, x: &Operand) -> String {
        x.describe(&self.ctx.file, &|p| self.qualify(p))
    }

    pub(crate) fn expr_str(&self, e: ExprId) -> String {
        goxide_syntax::printer::expr_string(&self.ctx.file, e)
    }

    /// Reports an error at the start of expression `e`.
    pub(crate) fn error_at(&mut self, e: ExprId, msg: String) {
        let p = self.ctx.file.start_pos(e);
        let sp = crate::files::src_pos(self.ctx.fnum, p);
        self.error(sp, msg);
    }

    pub(crate) fn soft_error_at(&mut self, e: ExprId, msg: String) {
        let p = self.ctx.file.start_pos(e);
        let sp = crate::files::src_pos(self.ctx.fnum, p);
        self.soft_error(sp, msg);
    }

    /// Reports an error at a position of the current file.
    pub(crate) fn error_pos(&mut self, p: goxide_syntax::Pos, msg: String) {
        let sp = crate::files::src_pos(self.ctx.fnum, p);
        self.error(sp, msg);
    }

    /// Reports an error about operand `x` (at its expression's start).
    pub(crate) fn error_op(&mut self, x: &Operand, msg: String) {
        match x.expr {
            Some(e) => self.error_at(e, msg),
            None => {
                let sp = crate::files::src_pos(self.ctx.fnum, self.ctx.file.pos);
                self.error(sp, msg)
            }
        }
    }

    // ---- recording ----

    pub(crate) fn record_type_and_value(&mut self, e: ExprId, mode: Mode, typ: TypeId, val: Option<Value>) {
        if mode == Mode::Invalid {
            return;
        }
        self.info.types.insert((self.ctx.fnum, e), super::TypeAndValue { mode, typ, val });
    }

    /// Records `x` (types2's `record`): untyped results wait for their
    /// final type.
    pub(crate) fn record(&mut self, x: &Operand) {
        let Some(e) = x.expr else { return };
        let (typ, val) = match x.mode {
            Mode::Invalid => (table().invalid(), None),
            Mode::NoValue => return,
            Mode::Constant => (x.typ, x.val.clone()),
            _ => (x.typ, None),
        };
        if is_untyped(typ) {
            self.untyped.insert((self.ctx.fnum, e), UntypedInfo { is_lhs: false, mode: x.mode, typ, val });
        } else {
            self.record_type_and_value(e, x.mode, typ, val);
        }
    }

    /// Records what is still untyped with its default type (types2's
    /// `recordUntyped`).
    pub(crate) fn record_untyped(&mut self) {
        let mut list: Vec<_> = self.untyped.drain().collect();
        list.sort_by_key(|((f, e), _)| (*f, *e));
        for ((f, e), info) in list {
            self.info.types.insert((f, e), super::TypeAndValue { mode: info.mode, typ: info.typ, val: info.val });
        }
    }

    /// Records the object an identifier uses.
    pub(crate) fn record_use(&mut self, pos: goxide_syntax::Pos, obj: crate::types::ObjId) {
        self.info.uses.insert((self.ctx.fnum, pos), obj);
    }

    /// Records the object an identifier defines.
    pub(crate) fn record_def(&mut self, pos: goxide_syntax::Pos, obj: crate::types::ObjId) {
        self.defs.insert((self.ctx.fnum, pos), obj);
    }

    // ---- entry points ----

    /// types2's `rawExpr`: checks `e` into `x`; `hint` is the element type
    /// of an enclosing composite literal.
    pub(crate) fn raw_expr(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>, allow_generic: bool) -> ExprClass {
        let target = self.pending_target.take();
        let kind = self.expr_internal(x, e, hint, target.as_ref());
        if !allow_generic {
            self.non_generic(x, target.as_ref());
        }
        self.record(x);
        kind
    }

    /// Reports a generic type or function used without instantiation
    /// (types2's `nonGeneric`); a generic function with a target has its
    /// type arguments inferred from it.
    pub(crate) fn non_generic(&mut self, x: &mut Operand, target: Option<&Target>) {
        if matches!(x.mode, Mode::Invalid | Mode::NoValue) {
            return;
        }
        let what = if is_generic(x.typ) {
            "type"
        } else if is_generic_signature(x.typ) {
            if let Some(t) = target {
                self.func_inst_reverse(x, None, t);
                return;
            }
            "function"
        } else {
            return;
        };
        let Some(e) = x.expr else { return };
        let s = self.expr_str(e);
        self.error_at(e, format!("cannot use generic {what} {s} without instantiation"));
        x.mode = Mode::Invalid;
        x.typ = table().invalid();
    }

    /// A single-valued expression (types2's `expr`).
    pub(crate) fn expr(&mut self, x: &mut Operand, e: ExprId) {
        self.raw_expr(x, e, None, false);
        self.exclude(x, &[Mode::NoValue, Mode::Builtin(crate::objects::Builtin::Len), Mode::TypeExpr]);
        self.single_value(x);
    }

    /// A single-valued expression that may be generic (types2's `genericExpr`).
    pub(crate) fn generic_expr(&mut self, x: &mut Operand, e: ExprId) {
        self.raw_expr(x, e, None, true);
        self.exclude(x, &[Mode::NoValue, Mode::Builtin(crate::objects::Builtin::Len), Mode::TypeExpr]);
        self.single_value(x);
    }

    /// An expression with a hint type for untyped composite literals.
    pub(crate) fn expr_with_hint(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>) {
        self.raw_expr(x, e, hint, false);
        self.exclude(x, &[Mode::NoValue, Mode::Builtin(crate::objects::Builtin::Len), Mode::TypeExpr]);
        self.single_value(x);
    }

    /// An expression or type (types2's `exprOrType`).
    pub(crate) fn expr_or_type(&mut self, x: &mut Operand, e: ExprId, allow_generic: bool) {
        self.raw_expr(x, e, None, allow_generic);
        self.exclude(x, &[Mode::NoValue]);
        self.single_value(x);
    }

    /// A possibly multi-valued expression (types2's `multiExpr`): the
    /// operands of a tuple's elements, or of a comma-ok pair.
    pub(crate) fn multi_expr(&mut self, e: ExprId, allow_comma_ok: bool) -> (Vec<Operand>, bool) {
        let mut x = Operand::invalid(Some(e));
        self.raw_expr(&mut x, e, None, false);
        self.exclude(&mut x, &[Mode::NoValue, Mode::Builtin(crate::objects::Builtin::Len), Mode::TypeExpr]);
        let tt = table();
        if x.mode != Mode::Invalid {
            if let Type::Tuple(vars) = tt.get(x.typ) {
                let list = vars
                    .iter()
                    .enumerate()
                    .map(|(i, v)| Operand {
                        mode: Mode::Value,
                        typ: v.typ,
                        val: None,
                        expr: Some(e),
                        dummy: Some(nth(i + 1, "function result").into()),
                    })
                    .collect();
                return (list, false);
            }
        }
        if allow_comma_ok && matches!(x.mode, Mode::MapIndex | Mode::CommaOk | Mode::CommaErr) {
            let (typ, what) = if x.mode == Mode::CommaErr {
                (crate::universe::universe().error, "err value of (comma, err) expression")
            } else {
                (tt.basic(BasicKind::UntypedBool), "ok value of (comma, ok) expression")
            };
            let x2 = Operand { mode: Mode::Value, typ, val: None, expr: Some(e), dummy: Some(what.into()) };
            return (vec![x, x2], true);
        }
        (vec![x], false)
    }

    /// Rejects operands of the given modes (types2's `exclude`). `Builtin`
    /// in `modes` stands for every builtin.
    pub(crate) fn exclude(&mut self, x: &mut Operand, modes: &[Mode]) {
        let hit = modes.iter().any(|m| match (m, x.mode) {
            (Mode::Builtin(_), Mode::Builtin(_)) => true,
            (a, b) => *a == b,
        });
        if !hit {
            return;
        }
        let s = self.op_str(x);
        let msg = match x.mode {
            Mode::NoValue => {
                if modes.contains(&Mode::TypeExpr) {
                    format!("{s} used as value")
                } else {
                    format!("{s} used as value or type")
                }
            }
            Mode::Builtin(_) => format!("{s} must be called"),
            _ => format!("{s} is not an expression"),
        };
        self.error_op(x, msg);
        x.mode = Mode::Invalid;
    }

    /// Rejects a tuple where one value is needed (types2's `singleValue`).
    pub(crate) fn single_value(&mut self, x: &mut Operand) {
        if x.mode == Mode::Value {
            if let Type::Tuple(_) = table().get(x.typ) {
                let s = self.op_str(x);
                self.error_op(x, format!("multiple-value {s} in single-value context"));
                x.mode = Mode::Invalid;
            }
        }
    }

    /// types2's `exprInternal`.
    fn expr_internal(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>, target: Option<&Target>) -> ExprClass {
        let tt = table();
        x.mode = Mode::Invalid;
        x.typ = tt.invalid();
        x.val = None;
        x.expr = Some(e);
        x.dummy = None;
        let file = self.ctx.file.clone();
        let file = &*file;
        let ok = match file.expr(e).kind {
            ExprKind::Bad => false,
            ExprKind::Name(n) => {
                self.ident(x, e, n, false);
                true
            }
            ExprKind::DotsType { .. } => {
                self.error_at(e, "invalid syntax tree: invalid use of ...".into());
                false
            }
            ExprKind::BasicLit { kind, bad, .. } => {
                if bad {
                    false
                } else {
                    self.basic_lit(x, e, kind);
                    x.mode != Mode::Invalid
                }
            }
            ExprKind::FuncLit { typ, body } => {
                self.func_lit(x, e, typ, body);
                x.mode != Mode::Invalid
            }
            ExprKind::CompositeLit { .. } => {
                self.composite_lit(x, e, hint);
                x.mode != Mode::Invalid
            }
            ExprKind::Paren(inner) => {
                let kind = self.raw_expr(x, inner, None, false);
                x.expr = Some(e);
                return kind;
            }
            ExprKind::Selector { .. } => {
                self.selector(x, e, false);
                true
            }
            ExprKind::Index { .. } => {
                if self.index_expr(x, e) {
                    match target {
                        Some(t) => self.func_inst_reverse(x, Some(e), t),
                        None => self.func_inst(x, e),
                    }
                }
                x.mode != Mode::Invalid
            }
            ExprKind::Slice { .. } => {
                self.slice_expr(x, e);
                x.mode != Mode::Invalid
            }
            ExprKind::Assert { x: inner, typ } => self.assert_expr(x, e, inner, typ),
            ExprKind::TypeSwitchGuard { x: inner, .. } => {
                self.error_at(e, "invalid syntax tree: use of .(type) outside type switch".into());
                self.use_exprs(&[inner]);
                false
            }
            ExprKind::Call { .. } => return self.call_expr(x, e),
            ExprKind::List(_) => {
                self.error_at(e, "invalid syntax tree: unexpected list of expressions".into());
                false
            }
            ExprKind::Operation { op, x: lhs, y } => match y {
                None if op == Operator::Mul => self.star_expr(x, e, lhs),
                None => {
                    self.unary(x, e, op, lhs);
                    if x.mode == Mode::Invalid {
                        false
                    } else {
                        if op == Operator::Recv {
                            x.expr = Some(e);
                            return ExprClass::Statement;
                        }
                        true
                    }
                }
                Some(rhs) => {
                    self.binary(x, Some(e), lhs, rhs, op);
                    x.mode != Mode::Invalid
                }
            },
            ExprKind::KeyValue { .. } => {
                self.error_at(e, "invalid syntax tree: no key:value expected".into());
                false
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType { .. }
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => {
                x.mode = Mode::TypeExpr;
                x.typ = self.typ(e);
                true
            }
        };
        x.expr = Some(e);
        if !ok {
            x.mode = Mode::Invalid;
            return ExprClass::Statement;
        }
        ExprClass::Expression
    }

    /// `x.(T)` outside a type switch.
    fn assert_expr(&mut self, x: &mut Operand, e: ExprId, inner: ExprId, typ: ExprId) -> bool {
        self.expr(x, inner);
        if x.mode == Mode::Invalid {
            return false;
        }
        if is_type_param(x.typ) {
            let s = self.op_str(x);
            self.error_op(x, format!("invalid operation: cannot use type assertion on type parameter value {s}"));
            return false;
        }
        if !is_interface(x.typ) {
            let s = self.op_str(x);
            self.error_op(x, format!("invalid operation: {s} is not an interface"));
            return false;
        }
        let t = self.var_type(typ);
        if t == table().invalid() {
            return false;
        }
        // One cannot assert to an incomplete type.
        if !self.is_complete(t) {
            return false;
        }
        self.type_assertion(e, x, t, false);
        x.mode = Mode::CommaOk;
        x.typ = t;
        true
    }

    /// types2's `typeAssertion`: `T` must be possible for `x`'s interface.
    pub(crate) fn type_assertion(&mut self, e: ExprId, x: &Operand, t: TypeId, type_switch: bool) {
        let Err(cause) = crate::lookup::assertable_to(x.typ, t, &|p| self.qualify(p)) else { return };
        let es = self.expr_str(e);
        let ts = self.type_str(t);
        if type_switch {
            let xs = self.op_str(x);
            self.error_at(e, format!("impossible type switch case: {es}\n\t{xs} cannot have dynamic type {ts} {cause}"));
        } else {
            let xt = self.type_str(x.typ);
            self.error_at(e, format!("impossible type assertion: {es}\n\t{ts} does not implement {xt} {cause}"));
        }
    }

    /// `*x`: a pointer type or an indirection.
    fn star_expr(&mut self, x: &mut Operand, e: ExprId, inner: ExprId) -> bool {
        self.expr_or_type(x, inner, false);
        match x.mode {
            Mode::Invalid => false,
            Mode::TypeExpr => {
                self.valid_var_type(inner, x.typ);
                x.typ = table().intern(Type::Pointer(x.typ));
                true
            }
            _ => {
                // types2's underIs: every type in the type set must be a
                // pointer, all to identical base types.
                let tt = table();
                let mut base: Option<TypeId> = None;
                let mut failure: Option<bool> = None; // Some(true): not a pointer
                under_is(x.typ, &mut |u| {
                    let Some(Type::Pointer(b)) = u.map(|u| tt.get(u)) else {
                        failure = Some(true);
                        return false;
                    };
                    if base.is_some_and(|pb| !identical(pb, *b)) {
                        failure = Some(false);
                        return false;
                    }
                    base = Some(*b);
                    true
                });
                let base = match (failure, base) {
                    (None, Some(b)) => b,
                    (Some(false), _) => {
                        let s = self.op_str(x);
                        self.error_op(x, format!("invalid operation: pointers of {s} must have identical base types"));
                        return false;
                    }
                    _ => {
                        let s = self.op_str(x);
                        self.error_op(x, format!("invalid operation: cannot indirect {s}"));
                        return false;
                    }
                };
                let _ = e;
                // A pointer to an incomplete type cannot be dereferenced.
                if !self.is_complete(base) {
                    return false;
                }
                x.mode = Mode::Variable;
                x.typ = base;
                true
            }
        }
    }

    /// Checks expressions only to mark what they use (types2's `use`),
    /// for error recovery; errors in them are reported. True if all were
    /// valid.
    pub(crate) fn use_exprs(&mut self, list: &[ExprId]) -> bool {
        let mut ok = true;
        for &e in list {
            let file = self.ctx.file.clone();
            let file = &*file;
            let inner = file.unparen(e);
            let mut x = Operand::invalid(Some(e));
            x.mode = Mode::Value;
            match file.expr(inner).kind {
                ExprKind::Name(n) if file.name_str(n) == "_" => continue,
                ExprKind::Name(_) => self.expr_or_type(&mut x, inner, true),
                ExprKind::List(l) => {
                    let v = file.exprs_of(l).to_vec();
                    ok &= self.use_exprs(&v);
                    continue;
                }
                _ => {
                    self.raw_expr(&mut x, e, None, true);
                }
            }
            ok &= x.mode != Mode::Invalid;
        }
        ok
    }

    // ---- identifiers and literals ----

    /// types2's `ident`.
    pub(crate) fn ident(&mut self, x: &mut Operand, e: ExprId, n: goxide_syntax::ast::Name, want_type: bool) {
        x.mode = Mode::Invalid;
        x.expr = Some(e);
        let name_str = self.ctx.file.name_str(n);
        let name = Symbol::intern(name_str);
        let Some(obj) = self.lookup_at(name, n.pos).or_else(|| self.test_func(name)) else {
            if name.is_blank() {
                self.error_pos(n.pos, "cannot use _ as value or type".into());
            } else {
                self.error_pos(n.pos, format!("undefined: {name_str}"));
            }
            return;
        };
        let o = object(obj);
        // The predeclared any and comparable came with generics.
        if o.pkg.is_none() && matches!(o.kind, ObjKind::TypeName) && matches!(name_str, "any" | "comparable") && !self.allow_version(18) {
            self.version_error_pos(n.pos, &format!("predeclared {name_str}"), 18);
            return;
        }
        self.record_use(n.pos, obj);
        let got_type = matches!(o.kind, ObjKind::TypeName);
        if !got_type && want_type {
            let kind = crate::universe::object_kind(obj);
            self.error_pos(n.pos, format!("{} ({kind}) is not a type", o.name));
            if matches!(o.kind, ObjKind::Var { .. }) {
                o.mark_used();
            }
            return;
        }
        if o.typ.get().is_none() || (got_type && want_type && o.pkg == Some(self.pkg)) {
            self.obj_decl(obj);
        }
        self.mark_dot_import_used(obj);
        let typ = o.typ.get().unwrap_or(table().invalid());
        match o.kind {
            ObjKind::PkgName { .. } => {
                self.error_pos(n.pos, format!("use of package {} not in selector", o.name));
                return;
            }
            ObjKind::Const => {
                self.add_decl_dep(obj);
                if typ == table().invalid() {
                    return;
                }
                if Some(obj) == crate::universe::lookup("iota") {
                    match &self.ctx.iota {
                        None => {
                            self.error_pos(n.pos, "cannot use iota outside constant declaration".into());
                            return;
                        }
                        Some(v) => x.val = Some(v.clone()),
                    }
                } else {
                    x.val = Some(o.val.get().cloned().unwrap_or_else(constant::make_unknown));
                }
                x.mode = Mode::Constant;
            }
            ObjKind::TypeName => x.mode = Mode::TypeExpr,
            ObjKind::Var { .. } => {
                if o.pkg == Some(self.pkg) {
                    o.mark_used();
                }
                self.add_decl_dep(obj);
                if typ == table().invalid() {
                    return;
                }
                x.mode = Mode::Variable;
            }
            ObjKind::Func => {
                self.add_decl_dep(obj);
                x.mode = Mode::Value;
            }
            ObjKind::Builtin(b) => x.mode = Mode::Builtin(b),
            ObjKind::Nil => x.mode = Mode::NilValue,
            ObjKind::Label => return,
        }
        x.typ = typ;
    }

    /// `assert` and `trace` when the configuration predeclares them.
    fn test_func(&self, name: Symbol) -> Option<crate::types::ObjId> {
        use crate::objects::{new_object, Builtin};
        static FUNCS: std::sync::LazyLock<[crate::types::ObjId; 2]> = std::sync::LazyLock::new(|| {
            let inv = table().invalid();
            [
                new_object(ObjKind::Builtin(Builtin::Assert), Symbol::intern("assert"), None, None, Some(inv)),
                new_object(ObjKind::Builtin(Builtin::Trace), Symbol::intern("trace"), None, None, Some(inv)),
            ]
        });
        if !self.config.predeclared_test_funcs {
            return None;
        }
        match name.as_str() {
            "assert" => Some(FUNCS[0]),
            "trace" => Some(FUNCS[1]),
            _ => None,
        }
    }

    /// types2's `basicLit`.
    /// types2's `langCompat`: numeric literal forms newer than the
    /// file's language version.
    fn lang_compat(&mut self, e: ExprId, text: &str, kind: LitKind) {
        let b = text.as_bytes();
        if b.len() <= 2 || self.allow_version(13) {
            return;
        }
        let what = if text.contains('_') {
            "underscore in numeric literal"
        } else if b[0] != b'0' {
            return;
        } else {
            match b[1] {
                b'b' | b'B' => "binary literal",
                b'o' | b'O' => "0o/0O-style octal literal",
                b'x' | b'X' if kind != LitKind::Int => "hexadecimal floating-point literal",
                _ => return,
            }
        };
        self.version_error_at(e, what, 13);
    }

    fn basic_lit(&mut self, x: &mut Operand, e: ExprId, kind: LitKind) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let text = file.lit_text(e);
        if matches!(kind, LitKind::Int | LitKind::Float | LitKind::Imag) {
            self.lang_compat(e, &text, kind);
            // Avoid excessive values (types2: more than 10000 digits).
            const LIMIT: usize = 10000;
            if text.len() > LIMIT {
                self.error_at(e, "excessively long constant".into());
                x.mode = Mode::Invalid;
                return;
            }
        }
        let val = constant::make_from_literal(text.as_bytes(), kind);
        if val.kind() == Kind::Unknown {
            self.error_at(e, format!("malformed constant: {text}"));
            x.mode = Mode::Invalid;
            return;
        }
        let k = match kind {
            LitKind::Int => BasicKind::UntypedInt,
            LitKind::Float => BasicKind::UntypedFloat,
            LitKind::Imag => BasicKind::UntypedComplex,
            LitKind::Rune => BasicKind::UntypedRune,
            LitKind::String => BasicKind::UntypedString,
        };
        x.mode = Mode::Constant;
        x.typ = table().basic(k);
        x.val = Some(val);
        x.expr = Some(e);
        let p = file.expr(e).pos;
        self.overflow(x, p);
    }

    // ---- constants ----

    /// types2's `overflow`: a typed constant must be representable; an
    /// untyped one must stay within the precision limits.
    pub(crate) fn overflow(&mut self, x: &mut Operand, op_pos: goxide_syntax::Pos) {
        let Some(v) = x.val.clone() else { return };
        if v.kind() == Kind::Unknown {
            self.error_pos(op_pos, "constant result is not representable".into());
            return;
        }
        if is_typed(x.typ) {
            self.representable(x, x.typ);
            return;
        }
        if v.kind() == Kind::Int && v.bit_len() > CONST_PREC {
            let mut op = op_name(&self.ctx.file, x.expr).to_string();
            if !op.is_empty() {
                op.push(' ');
            }
            self.error_pos(op_pos, format!("constant {op}overflow"));
            x.val = Some(constant::make_unknown());
            return;
        }
        const MAX_LEN: u64 = 2_000_000_000;
        if v.kind() == Kind::String && v.string_len() > MAX_LEN {
            self.error_pos(op_pos, format!("constant string too long ({} bytes > {MAX_LEN} bytes)", v.string_len()));
            x.val = Some(constant::make_unknown());
        }
    }

    /// types2's `representation`: the value of constant `x` in basic type
    /// `typ`, or why not.
    fn representation(&self, x: &Operand, typ: BasicKind) -> Result<Value, NotRepresentable> {
        let v = x.val.clone().unwrap_or_else(constant::make_unknown);
        match representable_const(&v, typ, &self.config.sizes) {
            Some(r) => Ok(r),
            None => {
                let from = match table().get(table().underlying(x.typ)) {
                    Type::Basic(k) => *k,
                    _ => BasicKind::Invalid,
                };
                Err(why_not(from, typ))
            }
        }
    }

    /// types2's `representable`: checks that constant `x` fits `typ` (a
    /// type whose underlying type is basic) and rounds its value.
    pub(crate) fn representable(&mut self, x: &mut Operand, typ: TypeId) {
        let Type::Basic(k) = *table().get(table().underlying(typ)) else { return };
        match self.representation(x, k) {
            Ok(v) => x.val = Some(v),
            Err(code) => {
                self.invalid_conversion(code, x, typ);
                x.mode = Mode::Invalid;
            }
        }
    }

    /// types2's `invalidConversion`.
    fn invalid_conversion(&mut self, code: NotRepresentable, x: &Operand, target: TypeId) {
        let xs = self.op_str(x);
        let ts = self.type_str(target);
        let msg = match code {
            NotRepresentable::TruncatedFloat => format!("{xs} truncated to {ts}"),
            NotRepresentable::NumericOverflow => format!("{xs} overflows {ts}"),
            NotRepresentable::InvalidConstVal => format!("cannot convert {xs} to type {ts}"),
        };
        self.error_op(x, msg);
    }

    // ---- untyped conversion ----

    /// types2's `implicitTypeAndValue`: the type (and value) `x` gets in
    /// a context of type `target`; `Err` when it cannot.
    pub(crate) fn implicit_type_and_value(
        &self,
        x: &Operand,
        target: TypeId,
    ) -> Result<(TypeId, Option<Value>), NotRepresentable> {
        let tt = table();
        if x.mode == Mode::Invalid || is_typed(x.typ) || target == tt.invalid() {
            return Ok((x.typ, None));
        }
        if is_untyped(target) {
            return match max_type(x.typ, target) {
                Some(m) => Ok((m, None)),
                None => Err(NotRepresentable::InvalidConstVal),
            };
        }
        if x.mode == Mode::NilValue {
            return if has_nil(target) { Ok((target, None)) } else { Err(NotRepresentable::InvalidConstVal) };
        }
        let u = tt.underlying(target);
        match tt.get(u) {
            Type::Basic(k) => {
                if x.mode == Mode::Constant {
                    let v = self.representation(x, *k)?;
                    return Ok((target, Some(v)));
                }
                let Type::Basic(xk) = tt.get(x.typ) else { return Err(NotRepresentable::InvalidConstVal) };
                let ok = match xk {
                    BasicKind::UntypedBool => is_boolean(target),
                    BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat | BasicKind::UntypedComplex => {
                        is_numeric(target)
                    }
                    BasicKind::UntypedString => is_string(target),
                    _ => false,
                };
                if !ok {
                    return Err(NotRepresentable::InvalidConstVal);
                }
            }
            Type::Interface { .. } => {
                if is_type_param(target) {
                    let ok = under_is(target, &mut |u| match u {
                        None => false,
                        Some(u) => self.implicit_type_and_value(x, u).is_ok(),
                    });
                    if !ok {
                        return Err(NotRepresentable::InvalidConstVal);
                    }
                } else {
                    if !crate::typeset::type_set(u).is_all() {
                        return Err(NotRepresentable::InvalidConstVal);
                    }
                    return Ok((default_type(x.typ), None));
                }
            }
            _ => return Err(NotRepresentable::InvalidConstVal),
        }
        Ok((target, None))
    }

    /// types2's `convertUntyped`.
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Err(code) => {
                let t = if is_type_param(target) { target } else { table().underlying_spelled(target) };
                self.invalid_conversion(code, x, t);
                x.mode = Mode::Invalid;
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

    /// types2's `updateExprType`: gives untyped expression `e` (and the
    /// untyped operands it was made of) type `typ`.
    pub(crate) fn update_expr_type(&mut self, e: ExprId, typ: TypeId, fin: bool) {
        let key = (self.ctx.fnum, e);
        let Some(old) = self.untyped.get(&key).cloned() else { return };
        let file = self.ctx.file.clone();
        let file = &*file;
        match file.expr(e).kind {
            ExprKind::Paren(inner) => self.update_expr_type(inner, typ, fin),
            ExprKind::Operation { op, x, y } => {
                if old.val.is_none() {
                    match y {
                        None => {
                            if op != Operator::Mul {
                                self.update_expr_type(x, typ, fin);
                            }
                        }
                        Some(y) => {
                            if is_comparison(op) {
                                // result type is independent of operand types
                            } else if matches!(op, Operator::Shl | Operator::Shr) {
                                self.update_expr_type(x, typ, fin);
                            } else {
                                self.update_expr_type(x, typ, fin);
                                self.update_expr_type(y, typ, fin);
                            }
                        }
                    }
                }
            }
            ExprKind::Call { .. } | ExprKind::Name(_) | ExprKind::BasicLit { .. } | ExprKind::Selector { .. } => {}
            _ => return,
        }
        if !fin && is_untyped(typ) {
            let u = table().underlying(typ);
            if let Some(info) = self.untyped.get_mut(&key) {
                info.typ = u;
            }
            return;
        }
        self.untyped.remove(&key);
        if old.is_lhs && !all_integer(typ) {
            let es = self.expr_str(e);
            let ts = self.type_str(typ);
            self.error_at(e, format!("invalid operation: shifted operand {es} (type {ts}) must be integer"));
            return;
        }
        if old.val.is_some() {
            let mut c = Operand { mode: old.mode, typ: old.typ, val: old.val.clone(), expr: Some(e), dummy: None };
            self.convert_untyped(&mut c, typ);
            if c.mode == Mode::Invalid {
                return;
            }
        }
        self.record_type_and_value(e, old.mode, typ, old.val);
    }

    // ---- operators ----

    /// types2's `unary`.
    fn unary(&mut self, x: &mut Operand, e: ExprId, op: Operator, operand: ExprId) {
        self.expr(x, operand);
        if x.mode == Mode::Invalid {
            return;
        }
        let mut op = op;
        match op {
            Operator::And => {
                let file = self.ctx.file.clone();
                let file = &*file;
                let is_lit = matches!(file.expr(file.unparen(operand)).kind, ExprKind::CompositeLit { .. });
                if !is_lit && x.mode != Mode::Variable {
                    let s = self.op_str(x);
                    self.error_op(x, format!("invalid operation: cannot take address of {s}"));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::Value;
                x.typ = table().intern(Type::Pointer(x.typ));
                return;
            }
            Operator::Recv => {
                match self.chan_elem(x, true) {
                    // A value of an incomplete type cannot be received.
                    Some(elem) if self.is_complete(elem) => {
                        x.mode = Mode::CommaOk;
                        x.typ = elem;
                        self.ctx.has_call_or_recv = true;
                    }
                    _ => x.mode = Mode::Invalid,
                }
                return;
            }
            Operator::Tilde => {
                if !all_integer(x.typ) {
                    self.error_at(e, "cannot use ~ outside of interface or type constraint".into());
                    x.mode = Mode::Invalid;
                    return;
                }
                self.error_at(e, "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)".into());
                op = Operator::Xor;
            }
            _ => {}
        }
        let ok = match op {
            Operator::Add | Operator::Sub => all_numeric(x.typ),
            Operator::Xor => all_integer(x.typ),
            Operator::Not => all_boolean(x.typ),
            _ => {
                let s = self.op_str(x);
                self.error_op(x, format!("invalid syntax tree: unknown operator {s}"));
                x.mode = Mode::Invalid;
                return;
            }
        };
        if !ok {
            let s = self.op_str(x);
            self.error_op(x, format!("invalid operation: operator {} not defined on {s}", op_string(op)));
            x.mode = Mode::Invalid;
            return;
        }
        if x.mode == Mode::Constant {
            let v = x.val.clone().unwrap_or_else(constant::make_unknown);
            if v.kind() == Kind::Unknown {
                return;
            }
            let prec = if is_unsigned(x.typ) { (self.config.sizes.sizeof(x.typ) * 8) as u32 } else { 0 };
            let uop = UnaryOp::from_operator(op).unwrap_or(UnaryOp::Pos);
            x.val = Some(constant::unary_op(uop, &v, prec));
            x.expr = Some(e);
            let p = self.ctx.file.expr(e).pos;
            self.overflow(x, p);
            return;
        }
        x.mode = Mode::Value;
    }

    /// types2's `chanElem`: the element type of a channel operand, or an
    /// error.
    pub(crate) fn chan_elem(&mut self, x: &Operand, recv: bool) -> Option<TypeId> {
        let tt = table();
        let qf = |p| self.qualify(p);
        let mut cond = |pair: Option<(TypeId, TypeId)>| -> Option<String> {
            let Some((t, u)) = pair else { return Some("no specific channel type".into()) };
            let ts = || crate::typestring::type_string(t, &qf);
            match tt.get(u) {
                Type::Chan { dir, .. } => {
                    if recv && *dir == crate::types::ChanDir::SendOnly {
                        Some(format!("send-only channel {}", ts()))
                    } else if !recv && *dir == crate::types::ChanDir::RecvOnly {
                        Some(format!("receive-only channel {}", ts()))
                    } else {
                        None
                    }
                }
                _ => Some(format!("non-channel {}", ts())),
            }
        };
        let cause = match crate::typeset::common_under(x.typ, Some(&mut cond), &qf) {
            Ok(u) => match tt.get(u) {
                Type::Chan { elem, .. } => return Some(*elem),
                _ => format!("non-channel {}", self.type_str(x.typ)),
            },
            Err(c) => c,
        };
        let s = self.op_str(x);
        let (verb, tp) = (if recv { "receive from" } else { "send to" }, is_type_param(x.typ));
        if tp {
            self.error_op(x, format!("invalid operation: cannot {verb} {s}: {cause}"));
        } else {
            self.error_op(x, format!("invalid operation: cannot {verb} {cause} {s}"));
        }
        None
    }

    /// types2's `binary`. `e` is the operation (`None` for `x op= y`).
    pub(crate) fn binary(&mut self, x: &mut Operand, e: Option<ExprId>, lhs: ExprId, rhs: ExprId, op: Operator) {
        let mut y = Operand::invalid(Some(rhs));
        self.expr(x, lhs);
        self.expr(&mut y, rhs);
        if x.mode == Mode::Invalid {
            return;
        }
        if y.mode == Mode::Invalid {
            x.mode = Mode::Invalid;
            x.expr = y.expr;
            return;
        }
        if matches!(op, Operator::Shl | Operator::Shr) {
            self.shift(x, &mut y, e, op);
            return;
        }
        self.match_types(x, &mut y);
        if x.mode == Mode::Invalid {
            return;
        }
        if is_comparison(op) {
            self.comparison(x, &mut y, op, false);
            return;
        }
        let tt = table();
        if !tt.identical(x.typ, y.typ) {
            if x.typ != tt.invalid() && y.typ != tt.invalid() {
                let (xt, yt) = (self.type_str(x.typ), self.type_str(y.typ));
                let msg = match e {
                    Some(e) => format!("invalid operation: {} (mismatched types {xt} and {yt})", self.expr_str(e)),
                    None => format!(
                        "invalid operation: {} {}= {} (mismatched types {xt} and {yt})",
                        self.expr_str(lhs),
                        op_string(op),
                        self.expr_str(rhs)
                    ),
                };
                self.error_op(x, msg);
            }
            x.mode = Mode::Invalid;
            return;
        }
        let ok = match op {
            Operator::Add => all_numeric_or_string(x.typ),
            Operator::Sub | Operator::Mul | Operator::Div => all_numeric(x.typ),
            Operator::Rem | Operator::And | Operator::Or | Operator::Xor | Operator::AndNot => all_integer(x.typ),
            Operator::AndAnd | Operator::OrOr => all_boolean(x.typ),
            _ => false,
        };
        if !ok {
            let s = self.op_str(x);
            self.error_op(x, format!("invalid operation: operator {} not defined on {s}", op_string(op)));
            x.mode = Mode::Invalid;
            return;
        }
        if matches!(op, Operator::Div | Operator::Rem) {
            let yv = y.val.clone();
            if (x.mode == Mode::Constant || all_integer(x.typ))
                && y.mode == Mode::Constant
                && yv.as_ref().is_some_and(|v| v.kind() != Kind::Unknown && v.sign() == 0)
            {
                self.error_op(&y, "invalid operation: division by zero".into());
                x.mode = Mode::Invalid;
                return;
            }
            if x.mode == Mode::Constant && y.mode == Mode::Constant && is_complex(x.typ) {
                if let Some(v) = &yv {
                    let (re, im) = (v.real(), v.imag());
                    let re2 = constant::binary_op(&re, BinOp::Mul, &re);
                    let im2 = constant::binary_op(&im, BinOp::Mul, &im);
                    if re2.sign() == 0 && im2.sign() == 0 {
                        self.error_op(&y, "invalid operation: division by zero".into());
                        x.mode = Mode::Invalid;
                        return;
                    }
                }
            }
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let (xv, yv) = (x.val.clone().unwrap_or_else(constant::make_unknown), y.val.clone().unwrap_or_else(constant::make_unknown));
            if xv.kind() == Kind::Unknown || yv.kind() == Kind::Unknown {
                x.val = Some(constant::make_unknown());
                return;
            }
            let bop = BinOp::from_operator(op, op == Operator::Div && is_integer(x.typ)).unwrap_or(BinOp::Add);
            x.val = Some(constant::binary_op(&xv, bop, &yv));
            x.expr = e.or(x.expr);
            let p = match e {
                Some(e) => self.ctx.file.expr(e).pos,
                None => self.ctx.file.start_pos(lhs),
            };
            self.overflow(x, p);
            return;
        }
        x.mode = Mode::Value;
    }

    /// types2's `matchTypes`: converts untyped operands to each other's
    /// type where that can work.
    pub(crate) fn match_types(&mut self, x: &mut Operand, y: &mut Operand) {
        let may_convert = |x: &Operand, y: &Operand| -> bool {
            if is_typed(x.typ) && is_typed(y.typ) {
                return false;
            }
            if all_numeric(x.typ) != all_numeric(y.typ) {
                return false;
            }
            if is_non_type_param_interface(x.typ) || is_non_type_param_interface(y.typ) {
                return true;
            }
            if all_boolean(x.typ) != all_boolean(y.typ) {
                return false;
            }
            if all_string(x.typ) != all_string(y.typ) {
                return false;
            }
            if x.mode == Mode::NilValue {
                return has_nil(y.typ);
            }
            if y.mode == Mode::NilValue {
                return has_nil(x.typ);
            }
            if is_pointer(x.typ) || is_pointer(y.typ) {
                return false;
            }
            true
        };
        if may_convert(x, y) {
            let yt = y.typ;
            self.convert_untyped(x, yt);
            if x.mode == Mode::Invalid {
                return;
            }
            let xt = x.typ;
            self.convert_untyped(y, xt);
            if y.mode == Mode::Invalid {
                x.mode = Mode::Invalid;
            }
        }
    }

    /// types2's `comparison`.
    pub(crate) fn comparison(&mut self, x: &mut Operand, y: &mut Operand, op: Operator, switch_case: bool) {
        let tt = table();
        if x.typ == tt.invalid() || y.typ == tt.invalid() {
            x.mode = Mode::Invalid;
            return;
        }
        let op = if switch_case { Operator::Eql } else { op };
        let mut err_y = false; // error reported at y
        let mut cause = String::new();
        let ok = self.assignable_to(x, y.typ, None) || self.assignable_to(y, x.typ, None);
        let mut failed = false;
        if !ok {
            err_y = true;
            cause = format!("mismatched types {} and {}", self.type_str(x.typ), self.type_str(y.typ));
            failed = true;
        } else {
            match op {
                Operator::Eql | Operator::Neq => {
                    if x.mode == Mode::NilValue || y.mode == Mode::NilValue {
                        let typ = if x.mode == Mode::NilValue { y.typ } else { x.typ };
                        if !has_nil(typ) {
                            err_y = true;
                            failed = true;
                        }
                    } else if !comparable_type(x.typ) {
                        cause = self.incomparable_cause(x.typ);
                        failed = true;
                    } else if !comparable_type(y.typ) {
                        err_y = true;
                        cause = self.incomparable_cause(y.typ);
                        failed = true;
                    }
                }
                _ => {
                    if !all_ordered(x.typ) {
                        failed = true;
                    } else if !all_ordered(y.typ) {
                        err_y = true;
                        failed = true;
                    }
                }
            }
        }
        if !failed {
            if x.mode == Mode::Constant && y.mode == Mode::Constant {
                let (xv, yv) = (x.val.clone().unwrap_or_else(constant::make_unknown), y.val.clone().unwrap_or_else(constant::make_unknown));
                let cop = CmpOp::from_operator(op).unwrap_or(CmpOp::Eql);
                x.val = Some(if xv.kind() == Kind::Unknown || yv.kind() == Kind::Unknown {
                    constant::make_unknown()
                } else {
                    constant::make_bool(constant::compare(&xv, cop, &yv))
                });
            } else {
                x.mode = Mode::Value;
                x.val = None;
                if let Some(e) = x.expr {
                    self.update_expr_type(e, default_type(x.typ), true);
                }
                if let Some(e) = y.expr {
                    self.update_expr_type(e, default_type(y.typ), true);
                }
            }
            x.typ = tt.basic(BasicKind::UntypedBool);
            return;
        }
        let err_op_typ = if err_y { y.typ } else { x.typ };
        if cause.is_empty() {
            if is_type_param(x.typ) || is_type_param(y.typ) {
                let t = if !is_type_param(x.typ) { y.typ } else { err_op_typ };
                cause = format!("type parameter {} cannot use operator {}", self.type_str(t), op_string(op));
            } else {
                let mut what = composite_kind(err_op_typ).to_string();
                if what.is_empty() {
                    what = self.type_str(err_op_typ);
                }
                cause = format!("operator {} not defined on {what}", op_string(op));
            }
        }
        let xe = x.expr.map(|e| self.expr_str(e)).unwrap_or_default();
        let ye = y.expr.map(|e| self.expr_str(e)).unwrap_or_default();
        if switch_case {
            self.error_op(x, format!("invalid case {xe} in switch on {ye} ({cause})"));
        } else {
            let at = if err_y { y.clone() } else { x.clone() };
            self.error_op(&at, format!("invalid operation: {xe} {} {ye} ({cause})", op_string(op)));
        }
        x.mode = Mode::Invalid;
    }

    /// types2's `incomparableCause`.
    pub(crate) fn incomparable_cause(&self, t: TypeId) -> String {
        let tt = table();
        match tt.get(tt.underlying(t)) {
            Type::Slice(_) | Type::Signature { .. } | Type::Map { .. } if !is_type_param(t) => {
                format!("{} can only be compared to nil", composite_kind(t))
            }
            _ => crate::predicates::comparable_cause(t, &|p| self.qualify(p)),
        }
    }

    /// types2's `shift`.
    fn shift(&mut self, x: &mut Operand, y: &mut Operand, e: Option<ExprId>, op: Operator) {
        let tt = table();
        let xval = if x.mode == Mode::Constant { x.val.as_ref().map(|v| v.to_int()) } else { None };
        if all_integer(x.typ) || is_untyped(x.typ) && xval.as_ref().is_some_and(|v| v.kind() == Kind::Int) {
            // ok
        } else {
            let s = self.op_str(x);
            self.error_op(x, format!("invalid operation: shifted operand {s} must be integer"));
            x.mode = Mode::Invalid;
            return;
        }
        let mut yval = None;
        if y.mode == Mode::Constant {
            let yv = y.val.as_ref().map(|v| v.to_int()).unwrap_or_else(constant::make_unknown);
            if yv.kind() == Kind::Int && yv.sign() < 0 {
                let s = self.op_str(y);
                self.error_op(y, format!("invalid operation: negative shift count {s}"));
                x.mode = Mode::Invalid;
                return;
            }
            yval = Some(yv);
            if is_untyped(y.typ) {
                self.representable(y, tt.basic(BasicKind::Uint));
                if y.mode == Mode::Invalid {
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        } else if all_integer(y.typ) {
            if !all_unsigned(y.typ) && !self.allow_version(13) {
                let s = self.op_str(y);
                self.version_error_op(y, &format!("invalid operation: signed shift count {s}"), 13);
                x.mode = Mode::Invalid;
                return;
            }
        } else if is_untyped(y.typ) {
            self.convert_untyped(y, tt.basic(BasicKind::Uint));
            if y.mode == Mode::Invalid {
                x.mode = Mode::Invalid;
                return;
            }
        } else {
            let s = self.op_str(y);
            self.error_op(y, format!("invalid operation: shift count {s} must be integer"));
            x.mode = Mode::Invalid;
            return;
        }
        if x.mode == Mode::Constant {
            if y.mode == Mode::Constant {
                let xv = xval.unwrap_or_else(constant::make_unknown);
                let yv = yval.unwrap_or_else(constant::make_unknown);
                if x.val.as_ref().is_none_or(|v| v.kind() == Kind::Unknown) || yv.kind() == Kind::Unknown {
                    x.val = Some(constant::make_unknown());
                    if !is_integer(x.typ) {
                        x.typ = tt.basic(BasicKind::UntypedInt);
                    }
                    return;
                }
                const SHIFT_BOUND: u64 = 1023 - 1 + 52;
                let (s, ok) = yv.uint64_val();
                if !ok || s > SHIFT_BOUND {
                    let ys = self.op_str(y);
                    self.error_op(y, format!("invalid operation: invalid shift count {ys}"));
                    x.mode = Mode::Invalid;
                    return;
                }
                if !is_integer(x.typ) {
                    x.typ = tt.basic(BasicKind::UntypedInt);
                }
                let sop = if op == Operator::Shl { ShiftOp::Shl } else { ShiftOp::Shr };
                x.val = Some(constant::shift(&xv, sop, s as u32));
                x.expr = e.or(x.expr);
                let p = match e {
                    Some(e) => self.ctx.file.expr(e).pos,
                    None => x.expr.map(|e| self.ctx.file.start_pos(e)).unwrap_or(0),
                };
                self.overflow(x, p);
                return;
            }
            if is_untyped(x.typ) {
                if let Some(xe) = x.expr {
                    if let Some(info) = self.untyped.get_mut(&(self.ctx.fnum, xe)) {
                        info.is_lhs = true;
                    }
                }
                x.mode = Mode::Value;
                return;
            }
        }
        if !all_integer(x.typ) {
            let s = self.op_str(x);
            self.error_op(x, format!("invalid operation: shifted operand {s} must be integer"));
            x.mode = Mode::Invalid;
            return;
        }
        x.mode = Mode::Value;
    }
}

/// "1st function result" (types2's `nth`).
pub(crate) fn nth(n: usize, what: &str) -> String {
    let ext = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{n}{ext} {what}")
}

/// Whether `op` is a comparison.
pub(crate) fn is_comparison(op: Operator) -> bool {
    matches!(op, Operator::Eql | Operator::Neq | Operator::Lss | Operator::Leq | Operator::Gtr | Operator::Geq)
}

/// The operator as Go source spells it.
pub(crate) fn op_string(op: Operator) -> &'static str {
    op.as_str()
}

/// types2's `opName`: the operation's name in overflow messages.
fn op_name(file: &goxide_syntax::ast::File, e: Option<ExprId>) -> &'static str {
    let Some(e) = e else { return "" };
    match file.expr(e).kind {
        ExprKind::Operation { op, y: None, .. } => match op {
            Operator::Xor => "bitwise complement",
            _ => "",
        },
        ExprKind::Operation { op, y: Some(_), .. } => match op {
            Operator::Add => "addition",
            Operator::Sub => "subtraction",
            Operator::Xor => "bitwise XOR",
            Operator::Mul => "multiplication",
            Operator::Shl => "shift",
            _ => "",
        },
        _ => "",
    }
}

/// types2's `maxType`: the larger of two untyped numeric types, or the
/// type itself when they are equal.
fn max_type(x: TypeId, y: TypeId) -> Option<TypeId> {
    if x == y {
        return Some(x);
    }
    if is_untyped_numeric(x) && is_untyped_numeric(y) {
        let (kx, ky) = (basic_kind(x), basic_kind(y));
        return Some(if kx > ky { x } else { y });
    }
    None
}

fn basic_kind(t: TypeId) -> BasicKind {
    match table().get(t) {
        Type::Basic(k) => *k,
        _ => BasicKind::Invalid,
    }
}
