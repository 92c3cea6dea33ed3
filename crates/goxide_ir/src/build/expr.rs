//! Building expressions (gc's `ssagen` `state.expr`): constants, names,
//! operators, comparisons and conversions. Addressing (selectors, index
//! and slice expressions, composite literals) is in [`super::addr`],
//! calls and builtins in [`super::call`].
//!
//! An expression gives an [`Operand`]: a value, or — for a struct or
//! array — the address of storage holding it, which the consumer copies
//! from before anything can change it. Every expression's type is the
//! checker's (`Info::types`), untyped ones given their default type; an
//! expression with a constant value becomes a constant of that type
//! whatever its syntax. The untyped `nil` stays untyped in the checker's
//! record (types2 keeps it so); it is built as the zero value of the type
//! its context gives ([`FnBuilder::eval_to`]). Where an operand's type
//! differs from the operation's only by name, a `Convert` makes the IR's
//! types agree exactly.
//!
//! Comparisons follow the spec: strings by content (`cmpstring`), floats
//! and complex numbers as IEEE values, structs field by field and arrays
//! element by element (gc's generated `eq` functions), with `nil` against
//! a pointer-like value's pointer word.

use std::sync::Arc;

use goxide_syntax::ast::{ExprId, ExprKind};
use goxide_syntax::token::Operator;
use goxide_types::check::operand::Mode;
use goxide_types::constant::Kind as ConstKind;
use goxide_types::objects::{object, ObjKind, SrcPos};
use goxide_types::types::{table, BasicKind, Type, TypeId};
use goxide_types::universe;

use super::func::FnBuilder;
use super::{type_name, unsupported, value_type, BuildResult};
use crate::ir::*;
use crate::repr::{basic, is_memory, pointer_to, repr_of, Repr};

/// What an expression gives.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Operand {
    /// A value (every type but structs and arrays).
    Val(Value),
    /// The address of a struct or array value.
    Mem(Value),
}

impl FnBuilder<'_> {
    pub fn tv(&self, e: ExprId) -> Option<&goxide_types::check::TypeAndValue> {
        self.ctx.input.info.types.get(&(self.fnum(), e))
    }

    /// The (defaulted) type of `e`, checked to be buildable.
    pub fn type_of(&self, e: ExprId) -> BuildResult<TypeId> {
        let pos = self.expr_pos(e);
        let Some(tv) = self.tv(e) else { return Err(unsupported("an expression the checker did not type", pos)) };
        value_type(self.sub(tv.typ), "values", pos)
    }

    /// The checker's type of `e` (tuples included), with the instance's
    /// type arguments.
    pub fn raw_type_of(&self, e: ExprId) -> Option<TypeId> {
        self.tv(e).map(|tv| self.sub(tv.typ))
    }

    /// Whether `e` is the untyped `nil`.
    pub fn is_nil(&self, e: ExprId) -> bool {
        if self.tv(e).is_some_and(|tv| matches!(table().get(tv.typ), Type::Basic(BasicKind::UntypedNil))) {
            return true;
        }
        // types2 records `nil` compared with or assigned to an interface
        // with the interface's type.
        let file = self.file();
        match file.expr(file.unparen(e)).kind {
            ExprKind::Name(n) => self.ctx.input.info.uses.get(&(self.fnum(), n.pos)).is_some_and(|&o| matches!(object(o).kind, ObjKind::Nil)),
            _ => false,
        }
    }

    /// Gives `v` type `ty` (same representation) when it has another.
    pub fn coerce(&mut self, v: Value, ty: TypeId, pos: Option<SrcPos>) -> Value {
        let have = self.f.value_type(v);
        if have == ty || table().identical(have, ty) {
            return v;
        }
        self.ins1(InstKind::Convert { arg: v }, ty, pos)
    }

    /// `v` as a value; a memory operand here is a builder bug, reported.
    pub fn operand_value(&mut self, v: Operand, pos: Option<SrcPos>) -> BuildResult<Value> {
        match v {
            Operand::Val(v) => Ok(v),
            Operand::Mem(_) => Err(unsupported("a struct or array value where a scalar is needed", pos)),
        }
    }

    pub fn constant(&mut self, val: &goxide_types::constant::Value, ty: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let c = match (repr_of(ty), val.kind()) {
            (Some(Repr::Bool), ConstKind::Bool) => Const::Bool(val.bool_val()),
            (Some(Repr::String), ConstKind::String) => Const::String(Arc::from(&val.string_val()[..])),
            (Some(Repr::Int { signed: true, .. }), ConstKind::Int) => Const::Int(val.int64_val().0),
            (Some(Repr::Int { signed: false, .. }), ConstKind::Int) => Const::Int(val.uint64_val().0 as i64),
            (Some(Repr::Float { bits }), ConstKind::Int | ConstKind::Float) => {
                let x = val.float64_val().0;
                Const::Float(if bits == 32 { (x as f32) as f64 } else { x }.to_bits())
            }
            (Some(Repr::Complex { bits }), ConstKind::Int | ConstKind::Float | ConstKind::Complex) => {
                let re = val.real().float64_val().0;
                let im = val.imag().float64_val().0;
                let round = |x: f64| if bits == 64 { (x as f32) as f64 } else { x };
                Const::Complex(round(re).to_bits(), round(im).to_bits())
            }
            _ => return Err(unsupported("this constant", pos)),
        };
        Ok(self.ins1(InstKind::Const(c), ty, pos))
    }

    /// The constant value of `e`, if it has a known one.
    pub fn constant_of(&self, e: ExprId) -> Option<goxide_types::constant::Value> {
        let tv = self.tv(e)?;
        match &tv.val {
            Some(v) if tv.mode == Mode::Constant && !v.is_unknown() => Some(v.clone()),
            _ => None,
        }
    }

    /// A single-valued scalar expression.
    pub fn expr(&mut self, e: ExprId) -> BuildResult<Value> {
        let v = self.eval(e)?;
        self.operand_value(v, self.expr_pos(e))
    }

    /// A single-valued expression.
    pub fn eval(&mut self, e: ExprId) -> BuildResult<Operand> {
        let vs = self.eval_multi(e)?;
        match vs.as_slice() {
            [v] => Ok(*v),
            _ => Err(unsupported("a multi-valued expression in a single-value context", self.expr_pos(e))),
        }
    }

    /// `e` converted to type `ty` as an assignment does (the untyped `nil`
    /// becomes `ty`'s zero value).
    pub fn eval_to(&mut self, e: ExprId, ty: TypeId) -> BuildResult<Operand> {
        let pos = self.expr_pos(e);
        if self.is_nil(e) {
            return Ok(Operand::Val(self.ins1(InstKind::Const(Const::Zero), ty, pos)));
        }
        let v = self.eval(e)?;
        self.convert_operand(v, ty, pos)
    }

    /// An operand of one type given type `ty`, assignable to it: a change
    /// of name, or a value put in an interface.
    pub fn convert_operand(&mut self, v: Operand, ty: TypeId, pos: Option<SrcPos>) -> BuildResult<Operand> {
        let to_iface = repr_of(ty);
        let from_t = match v {
            Operand::Val(x) => self.f.value_type(x),
            Operand::Mem(p) => super::addr::pointee(self.f.value_type(p)).unwrap_or(ty),
        };
        let from_iface = matches!(repr_of(from_t), Some(Repr::Interface { .. }));
        match to_iface {
            Some(Repr::Interface { empty: true }) if !from_iface => return Ok(Operand::Val(self.to_eface(v, from_t, ty, pos)?)),
            Some(Repr::Interface { empty: false }) if !from_iface => return Ok(Operand::Val(self.to_iface(v, from_t, ty, pos)?)),
            Some(Repr::Interface { .. }) if from_iface && !table().identical(from_t, ty) => {
                let x = self.operand_value(v, pos)?;
                return Ok(Operand::Val(self.iface_to_iface(x, from_t, ty, pos)?));
            }
            _ => {}
        }
        match v {
            Operand::Mem(p) if is_memory(ty) => Ok(Operand::Mem(self.coerce(p, pointer_to(ty), pos))),
            Operand::Mem(_) => Err(unsupported("this assignment", pos)),
            Operand::Val(v) => Ok(Operand::Val(self.coerce(v, ty, pos))),
        }
    }

    /// An expression's values (several for a call with several results).
    pub fn eval_multi(&mut self, e: ExprId) -> BuildResult<Vec<Operand>> {
        let file = self.file();
        let pos = self.expr_pos(e);
        if let Some(val) = self.constant_of(e) {
            let ty = self.type_of(e)?;
            return Ok(vec![Operand::Val(self.constant(&val, ty, pos)?)]);
        }
        match file.expr(e).kind {
            ExprKind::Paren(x) => self.eval_multi(x),
            ExprKind::Name(n) => {
                let Some(&o) = self.ctx.input.info.uses.get(&(self.fnum(), n.pos)) else {
                    return Err(unsupported("a name the checker did not resolve", pos));
                };
                if let Some(&g) = self.ctx.globals.get(&o) {
                    let p = self.global_addr(g, pos);
                    return Ok(vec![self.load_operand(p, pos)]);
                }
                match object(o).kind {
                    ObjKind::Var { .. } if self.vars.is_declared(o) => Ok(vec![self.local_operand(o, pos)?]),
                    ObjKind::Var { .. } => Err(unsupported("this variable", pos)),
                    ObjKind::Func => {
                        let id = self.func_of_name(o, n.pos, pos)?;
                        let ty = self.func_value_type(e, n.pos)?;
                        Ok(vec![Operand::Val(self.ins1(InstKind::StaticClosure { func: id }, ty, pos))])
                    }
                    ObjKind::Nil => Err(unsupported("nil without a type", pos)),
                    ObjKind::Const if Some(o) == universe::lookup("true") || Some(o) == universe::lookup("false") => {
                        let ty = self.type_of(e)?;
                        let b = Some(o) == universe::lookup("true");
                        Ok(vec![Operand::Val(self.ins1(InstKind::Const(Const::Bool(b)), ty, pos))])
                    }
                    _ => Err(unsupported("this kind of name as a value", pos)),
                }
            }
            ExprKind::Operation { op, x, y: Some(y) } => Ok(vec![Operand::Val(self.binary_expr(e, op, x, y)?)]),
            ExprKind::Operation { op, x, y: None } => Ok(vec![self.unary_expr(e, op, x)?]),
            ExprKind::Call { fun, args, has_dots } => {
                let args = file.exprs_of(args).to_vec();
                self.call(e, fun, &args, has_dots)
            }
            ExprKind::CompositeLit { .. } => Ok(vec![self.composite_lit(e)?]),
            ExprKind::FuncLit { typ, body } => Ok(vec![Operand::Val(self.func_lit(e, typ, body)?)]),
            ExprKind::Selector { x, sel } => Ok(vec![self.selector(e, x, sel)?]),
            ExprKind::Index { x, .. } if self.tv(e).is_some_and(|tv| matches!(table().get(tv.typ), Type::Signature { .. } | Type::GenericFunc { .. })) && self.is_func_instance(x) => {
                // `f[int]` as a value.
                let xu = file.unparen(x);
                let ExprKind::Name(n) = file.expr(xu).kind else { return Err(unsupported("this instantiation", pos)) };
                let Some(&o) = self.ctx.input.info.uses.get(&(self.fnum(), n.pos)) else { return Err(unsupported("this instantiation", pos)) };
                let id = self.func_of_name(o, n.pos, pos)?;
                let ty = self.type_of(e)?;
                Ok(vec![Operand::Val(self.ins1(InstKind::StaticClosure { func: id }, ty, pos))])
            }
            ExprKind::Index { x, index } => Ok(vec![self.index_expr(e, x, index)?]),
            ExprKind::Slice { x, index, .. } => Ok(vec![Operand::Val(self.slice_expr(e, x, index)?)]),
            ExprKind::BasicLit { .. } => Err(unsupported("this literal", pos)),
            ExprKind::Assert { x, .. } => self.type_assert(e, x, false),
            _ => Err(unsupported("this expression", pos)),
        }
    }

    /// The type of function name `e` (at `npos`) used as a value: the
    /// checker's, or — for a generic function instantiated by inference
    /// from where the value goes (`map[K]func(int) int{"id": Id}`), when
    /// the record kept the generic signature — that signature instantiated
    /// with the type arguments recorded at the name.
    fn func_value_type(&self, e: ExprId, npos: goxide_syntax::Pos) -> BuildResult<TypeId> {
        let pos = self.expr_pos(e);
        let Some(tv) = self.tv(e) else { return Err(unsupported("an expression the checker did not type", pos)) };
        if let Type::GenericFunc { tparams, sig } = table().get(tv.typ).clone()
            && let Some((targs, _)) = self.ctx.input.info.instances.get(&(self.fnum(), npos))
        {
            let targs: Vec<TypeId> = targs.iter().map(|&t| self.sub(t)).collect();
            let inst = goxide_types::instantiate::instantiate_signature(&tparams, sig, &targs);
            return value_type(inst, "values", pos);
        }
        self.type_of(e)
    }

    /// Whether `x` names a generic function (so `x[...]` instantiates it).
    pub fn is_func_instance(&self, x: ExprId) -> bool {
        let file = self.file();
        match file.expr(file.unparen(x)).kind {
            ExprKind::Name(n) => self.ctx.input.info.uses.get(&(self.fnum(), n.pos)).is_some_and(|o| self.ctx.generics.contains_key(o)),
            _ => false,
        }
    }

    /// The two values of a comma-ok expression (`x.(T)`), when `e` is one.
    pub fn eval_comma_ok(&mut self, e: ExprId) -> BuildResult<Option<Vec<Operand>>> {
        let file = self.file();
        let e = file.unparen(e);
        match file.expr(e).kind {
            ExprKind::Assert { x, .. } => Ok(Some(self.type_assert(e, x, true)?)),
            ExprKind::Index { x, index } if self.is_map(x) => Ok(Some(self.map_index(x, index, true, self.expr_pos(e))?)),
            ExprKind::Operation { op: Operator::Recv, x, y: None } => Ok(Some(self.recv_expr(x, true, self.expr_pos(e))?)),
            _ => Ok(None),
        }
    }

    /// The function a name `o` at `npos` designates: a declared function,
    /// or the instance of a generic one for the type arguments the checker
    /// recorded there.
    pub fn func_of_name(&self, o: goxide_types::types::ObjId, npos: goxide_syntax::Pos, pos: Option<SrcPos>) -> BuildResult<FuncId> {
        if let Some(&id) = self.ctx.funcs.get(&o) {
            return Ok(id);
        }
        if self.ctx.generics.contains_key(&o) {
            let Some((targs, _)) = self.ctx.input.info.instances.get(&(self.fnum(), npos)) else {
                return Err(unsupported("a generic function without type arguments", pos));
            };
            let targs: Vec<TypeId> = targs.iter().map(|&t| self.sub(t)).collect();
            return self.ctx.instantiate(o, &targs, pos);
        }
        Err(unsupported("this function value", pos))
    }

    /// The function of method `m` on receiver base type `recv` (a named
    /// type or a pointer to one): declared, or an instance for a generic
    /// type's method.
    pub fn method_func(&self, m: goxide_types::types::ObjId, recv: TypeId, pos: Option<SrcPos>) -> BuildResult<FuncId> {
        if let Some(&id) = self.ctx.funcs.get(&m) {
            return Ok(id);
        }
        if self.ctx.generics.contains_key(&m) {
            let tab = table();
            let base = super::addr::pointee(recv).unwrap_or(recv);
            let targs = tab.named(tab.unalias(base)).map(|n| n.targs.to_vec()).unwrap_or_default();
            return self.ctx.instantiate(m, &targs, pos);
        }
        Err(unsupported("methods of other packages", pos))
    }

    /// The current value of local `o`.
    pub fn local_operand(&mut self, o: goxide_types::types::ObjId, pos: Option<SrcPos>) -> BuildResult<Operand> {
        if self.in_memory(o) {
            let p = self.read_var(o);
            Ok(self.load_operand(p, pos))
        } else {
            Ok(Operand::Val(self.read_var(o)))
        }
    }

    fn unary_expr(&mut self, e: ExprId, op: Operator, x: ExprId) -> BuildResult<Operand> {
        let pos = self.expr_pos(e);
        match op {
            Operator::And => return Ok(Operand::Val(self.address_of(e, x)?)),
            Operator::Mul => {
                let p = self.expr(x)?;
                self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
                return Ok(self.load_operand(p, pos));
            }
            Operator::Recv => {
                let mut v = self.recv_expr(x, false, pos)?;
                return v.pop().ok_or_else(|| unsupported("this receive", pos));
            }
            _ => {}
        }
        let ty = self.type_of(e)?;
        let uop = match op {
            Operator::Add => {
                let v = self.expr(x)?;
                return Ok(Operand::Val(self.coerce(v, ty, pos)));
            }
            Operator::Sub => UnaryOp::Neg,
            Operator::Not => UnaryOp::Not,
            Operator::Xor => UnaryOp::Complement,
            _ => return Err(unsupported("this unary operator", pos)),
        };
        let ok = match uop {
            UnaryOp::Not => repr_of(ty) == Some(Repr::Bool),
            UnaryOp::Complement => matches!(repr_of(ty), Some(Repr::Int { .. })),
            UnaryOp::Neg => matches!(repr_of(ty), Some(Repr::Int { .. } | Repr::Float { .. } | Repr::Complex { .. })),
        };
        if !ok {
            return Err(unsupported("this operator on this type", pos));
        }
        let v = self.expr(x)?;
        let v = self.coerce(v, ty, pos);
        Ok(Operand::Val(self.ins1(InstKind::Unary { op: uop, arg: v }, ty, pos)))
    }

    fn binary_expr(&mut self, e: ExprId, op: Operator, x: ExprId, y: ExprId) -> BuildResult<Value> {
        let pos = self.expr_pos(e);
        let ty = self.type_of(e)?;
        match op {
            Operator::AndAnd | Operator::OrOr => {
                // x && y: if x { y } else { false }; x || y: if x { true } else { y }.
                let xv = self.expr(x)?;
                let xv = self.coerce(xv, ty, pos);
                let rhs = self.f.create_block();
                let join = self.f.create_block();
                let result = self.f.append_block_param(join, ty);
                let (then_dest, else_dest) = if op == Operator::AndAnd {
                    (BlockCall { block: rhs, args: vec![] }, BlockCall { block: join, args: vec![xv] })
                } else {
                    (BlockCall { block: join, args: vec![xv] }, BlockCall { block: rhs, args: vec![] })
                };
                self.terminate(InstKind::Branch { cond: xv, then_dest, else_dest }, pos);
                self.seal(rhs);
                self.switch_to(rhs);
                let yv = self.expr(y)?;
                let yv = self.coerce(yv, ty, pos);
                self.terminate(InstKind::Jump { dest: BlockCall { block: join, args: vec![yv] } }, pos);
                self.seal(join);
                self.switch_to(join);
                Ok(result)
            }
            Operator::Eql | Operator::Neq => {
                // The operands' common type: a non-constant, non-nil side's
                // (the checker typed an untyped constant to match it).
                let (xt, yt) = (self.operand_type(x, y)?, self.operand_type(y, x)?);
                let xv = if self.is_nil(x) { None } else { Some(self.eval(x)?) };
                let yv = if self.is_nil(y) { None } else { Some(self.eval(y)?) };
                let eq = match (xv, yv) {
                    (Some(a), Some(b)) => self.equal_operands(a, b, xt, yt, pos)?,
                    (Some(v), None) | (None, Some(v)) => {
                        let t = if xv.is_some() { xt } else { yt };
                        self.is_nil_value(v, t, pos)?
                    }
                    (None, None) => return Err(unsupported("nil == nil", pos)),
                };
                let r = if op == Operator::Neq { self.ins1(InstKind::Unary { op: UnaryOp::Not, arg: eq }, basic(BasicKind::Bool), pos) } else { eq };
                Ok(self.coerce(r, ty, pos))
            }
            Operator::Lss | Operator::Leq | Operator::Gtr | Operator::Geq => {
                let cop = match op {
                    Operator::Lss => CompareOp::Lt,
                    Operator::Leq => CompareOp::Le,
                    Operator::Gtr => CompareOp::Gt,
                    _ => CompareOp::Ge,
                };
                let operand_ty = self.operand_type(x, y)?;
                let xv = self.expr(x)?;
                let xv = self.coerce(xv, operand_ty, pos);
                let yv = self.expr(y)?;
                let yv = self.coerce(yv, operand_ty, pos);
                let c = self.compare(cop, xv, yv, pos)?;
                Ok(self.coerce(c, ty, pos))
            }
            _ => {
                let xv = self.expr(x)?;
                let xv = self.coerce(xv, ty, pos);
                let yv = self.expr(y)?;
                self.binary_op(op, xv, yv, ty, pos)
            }
        }
    }

    /// The type a comparison operand `x` is compared at: its own, or the
    /// other side's when `x` is an untyped constant or nil.
    fn operand_type(&self, x: ExprId, other: ExprId) -> BuildResult<TypeId> {
        if (self.constant_of(x).is_some() || self.is_nil(x)) && !self.is_nil(other) && self.constant_of(other).is_none() {
            self.type_of(other)
        } else if self.is_nil(x) {
            Err(unsupported("nil here", self.expr_pos(x)))
        } else {
            self.type_of(x)
        }
    }

    /// Whether `v` (of type `t`) is nil: its pointer word is zero.
    pub fn is_nil_value(&mut self, v: Operand, t: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let v = self.operand_value(v, pos)?;
        let raw = self.raw_ptr();
        let word = match repr_of(t) {
            Some(Repr::Pointer) => self.ins1(InstKind::Convert { arg: v }, raw, pos),
            Some(Repr::Slice | Repr::Interface { .. }) => self.ins1(InstKind::Extract { arg: v, n: 0 }, raw, pos),
            _ => return Err(unsupported(format!("comparing {} with nil", type_name(t)), pos)),
        };
        let zero = self.ins1(InstKind::Const(Const::Zero), raw, pos);
        Ok(self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: word, rhs: zero }, basic(BasicKind::Bool), pos))
    }

    /// `x == y` for comparable operands of types `xt` and `yt` (one
    /// assignable to the other); a `bool`.
    pub fn equal_operands(&mut self, x: Operand, y: Operand, xt: TypeId, yt: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let xi = matches!(repr_of(xt), Some(Repr::Interface { .. }));
        let yi = matches!(repr_of(yt), Some(Repr::Interface { .. }));
        if xi || yi {
            // A concrete operand is converted to the other's interface.
            let it = if xi { xt } else { yt };
            let a = self.convert_operand(x, it, pos)?;
            let a = self.operand_value(a, pos)?;
            let b = self.convert_operand(y, it, pos)?;
            let b = self.operand_value(b, pos)?;
            return self.iface_equal(a, b, it, pos);
        }
        match (x, y) {
            (Operand::Mem(p), Operand::Mem(q)) => {
                let q = self.coerce(q, self.f.value_type(p), pos);
                self.equal_memory(p, q, xt, pos)
            }
            (Operand::Val(a), Operand::Val(b)) => {
                let b = self.coerce(b, self.f.value_type(a), pos);
                self.compare(CompareOp::Eq, a, b, pos)
            }
            _ => Err(unsupported("comparing these operands", pos)),
        }
    }

    /// `*p == *q` for struct or array type `t` (gc's generated `eq`
    /// functions, inline): fields or elements in order, each with its
    /// type's equality; blank fields are skipped.
    fn equal_memory(&mut self, p: Value, q: Value, t: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let tab = table();
        let bool_t = basic(BasicKind::Bool);
        let mut acc = self.ins1(InstKind::Const(Const::Bool(true)), bool_t, pos);
        let mut parts: Vec<(Value, Value, TypeId)> = Vec::new();
        match tab.get(tab.underlying(t)).clone() {
            Type::Struct(fields) => {
                for (i, fd) in fields.iter().enumerate() {
                    if fd.var.name.is_some_and(|n| n.as_str() == "_") {
                        continue;
                    }
                    let ft = value_type(fd.var.typ, "fields", pos)?;
                    let a = self.ins1(InstKind::FieldAddr { base: p, field: i }, pointer_to(ft), pos);
                    let b = self.ins1(InstKind::FieldAddr { base: q, field: i }, pointer_to(ft), pos);
                    parts.push((a, b, ft));
                }
            }
            Type::Array { len, elem } => {
                if len > 16 {
                    return self.equal_array_loop(p, q, len, elem, pos);
                }
                let elem = value_type(elem, "elements", pos)?;
                let int = basic(BasicKind::Int);
                for i in 0..len {
                    let idx = self.ins1(InstKind::Const(Const::Int(i)), int, pos);
                    let a = self.ins1(InstKind::ElemAddr { base: p, index: idx }, pointer_to(elem), pos);
                    let b = self.ins1(InstKind::ElemAddr { base: q, index: idx }, pointer_to(elem), pos);
                    parts.push((a, b, elem));
                }
            }
            _ => return Err(unsupported("comparing these values", pos)),
        }
        // The block that receives the result once a comparison that can
        // panic has been guarded (made on first need).
        let mut done: Option<(BlockId, Value)> = None;
        for (a, b, ft) in parts {
            if equality_can_panic(ft) {
                // gc compares in order and stops at the first difference,
                // so a difference before it means this comparison (of an
                // interface's dynamic values) never runs.
                let (done_b, _) = *done.get_or_insert_with(|| {
                    let blk = self.f.create_block();
                    let param = self.f.append_block_param(blk, bool_t);
                    (blk, param)
                });
                let fls = self.ins1(InstKind::Const(Const::Bool(false)), bool_t, pos);
                let next = self.f.create_block();
                self.terminate(
                    InstKind::Branch { cond: acc, then_dest: BlockCall { block: next, args: vec![] }, else_dest: BlockCall { block: done_b, args: vec![fls] } },
                    pos,
                );
                self.seal(next);
                self.switch_to(next);
                acc = self.ins1(InstKind::Const(Const::Bool(true)), bool_t, pos);
            }
            let (av, bv) = (self.load_operand(a, pos), self.load_operand(b, pos));
            let eq = self.equal_operands(av, bv, ft, ft, pos)?;
            acc = self.ins1(InstKind::Binary { op: BinaryOp::And, lhs: acc, rhs: eq }, bool_t, pos);
        }
        if let Some((done_b, result)) = done {
            self.terminate(InstKind::Jump { dest: BlockCall { block: done_b, args: vec![acc] } }, pos);
            self.seal(done_b);
            self.switch_to(done_b);
            return Ok(result);
        }
        Ok(acc)
    }

    /// Array equality as a loop (large arrays): stops at the first
    /// unequal element.
    fn equal_array_loop(&mut self, p: Value, q: Value, len: i64, elem: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let elem = value_type(elem, "elements", pos)?;
        let int = basic(BasicKind::Int);
        let bool_t = basic(BasicKind::Bool);
        let zero = self.ins1(InstKind::Const(Const::Int(0)), int, pos);
        let n = self.ins1(InstKind::Const(Const::Int(len)), int, pos);
        let header = self.f.create_block();
        let i = self.f.append_block_param(header, int);
        let body = self.f.create_block();
        let next_b = self.f.create_block();
        let done = self.f.create_block();
        let result = self.f.append_block_param(done, bool_t);
        let t = self.ins1(InstKind::Const(Const::Bool(true)), bool_t, pos);
        let fls = self.ins1(InstKind::Const(Const::Bool(false)), bool_t, pos);
        self.terminate(InstKind::Jump { dest: BlockCall { block: header, args: vec![zero] } }, pos);
        self.switch_to(header);
        let more = self.ins1(InstKind::Compare { op: CompareOp::Lt, lhs: i, rhs: n }, bool_t, pos);
        self.terminate(
            InstKind::Branch { cond: more, then_dest: BlockCall { block: body, args: vec![] }, else_dest: BlockCall { block: done, args: vec![t] } },
            pos,
        );
        self.seal(body);
        self.switch_to(body);
        let a = self.ins1(InstKind::ElemAddr { base: p, index: i }, pointer_to(elem), pos);
        let b = self.ins1(InstKind::ElemAddr { base: q, index: i }, pointer_to(elem), pos);
        let (av, bv) = (self.load_operand(a, pos), self.load_operand(b, pos));
        let eq = self.equal_operands(av, bv, elem, elem, pos)?;
        self.terminate(
            InstKind::Branch { cond: eq, then_dest: BlockCall { block: next_b, args: vec![] }, else_dest: BlockCall { block: done, args: vec![fls] } },
            pos,
        );
        self.seal(next_b);
        self.switch_to(next_b);
        let one = self.ins1(InstKind::Const(Const::Int(1)), int, pos);
        let i1 = self.ins1(InstKind::Binary { op: BinaryOp::Add, lhs: i, rhs: one }, int, pos);
        self.terminate(InstKind::Jump { dest: BlockCall { block: header, args: vec![i1] } }, pos);
        self.seal(header);
        self.seal(done);
        self.switch_to(done);
        Ok(result)
    }

    /// A comparison of two scalar values of one type; a `bool` result.
    pub fn compare(&mut self, op: CompareOp, x: Value, y: Value, pos: Option<SrcPos>) -> BuildResult<Value> {
        let t = self.f.value_type(x);
        let ordered = !matches!(op, CompareOp::Eq | CompareOp::Ne);
        match repr_of(t) {
            Some(Repr::Int { .. } | Repr::Float { .. } | Repr::String) => {}
            Some(Repr::Bool | Repr::Complex { .. } | Repr::Pointer) if !ordered => {}
            _ => return Err(unsupported("comparison of these operands", pos)),
        }
        let y = self.coerce(y, t, pos);
        Ok(self.ins1(InstKind::Compare { op, lhs: x, rhs: y }, basic(BasicKind::Bool), pos))
    }

    /// `x op y` for an arithmetic operator; `x` has type `ty` already.
    pub fn binary_op(&mut self, op: Operator, x: Value, y: Value, ty: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let bop = match op {
            Operator::Add => BinaryOp::Add,
            Operator::Sub => BinaryOp::Sub,
            Operator::Mul => BinaryOp::Mul,
            Operator::Div => BinaryOp::Div,
            Operator::Rem => BinaryOp::Rem,
            Operator::And => BinaryOp::And,
            Operator::Or => BinaryOp::Or,
            Operator::Xor => BinaryOp::Xor,
            Operator::AndNot => BinaryOp::AndNot,
            Operator::Shl => BinaryOp::Shl,
            Operator::Shr => BinaryOp::Shr,
            _ => return Err(unsupported("this binary operator", pos)),
        };
        match repr_of(ty) {
            Some(Repr::Int { .. }) => {}
            Some(Repr::Complex { .. }) if bop == BinaryOp::Div => {
                // gc's complex128div, in complex128 for complex64 too.
                let c128 = basic(BasicKind::Complex128);
                let n = self.coerce(x, c128, pos);
                let yc = self.coerce(y, ty, pos);
                let m = self.coerce(yc, c128, pos);
                let q = self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Complex128div, args: vec![n, m] }, c128, pos);
                return Ok(self.coerce(q, ty, pos));
            }
            Some(Repr::Float { .. } | Repr::Complex { .. }) if matches!(bop, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div) => {}
            Some(Repr::String) if bop == BinaryOp::Add => {
                let y = self.coerce(y, ty, pos);
                return self.concat_strings(&[x, y], ty, pos);
            }
            _ => return Err(unsupported("this operator on this type", pos)),
        }
        let y = if matches!(bop, BinaryOp::Shl | BinaryOp::Shr) {
            if !matches!(repr_of(self.f.value_type(y)), Some(Repr::Int { .. })) {
                return Err(unsupported("this shift count", pos));
            }
            y
        } else {
            self.coerce(y, ty, pos)
        };
        Ok(self.ins1(InstKind::Binary { op: bop, lhs: x, rhs: y }, ty, pos))
    }

    /// `a + b + ...` of strings (gc's `concatstrings`): the parts are
    /// stored in a frame array the runtime reads.
    pub fn concat_strings(&mut self, parts: &[Value], ty: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let string = basic(BasicKind::String);
        let int = basic(BasicKind::Int);
        let arr_t = table().intern(Type::Array { len: parts.len() as i64, elem: string });
        let arr = self.ins1(InstKind::Alloca { ty: arr_t }, pointer_to(arr_t), pos);
        for (i, &p) in parts.iter().enumerate() {
            let idx = self.ins1(InstKind::Const(Const::Int(i as i64)), int, pos);
            let slot = self.ins1(InstKind::ElemAddr { base: arr, index: idx }, pointer_to(string), pos);
            let p = self.coerce(p, string, pos);
            self.ins(InstKind::Store { addr: slot, value: p }, &[], pos);
        }
        let first = self.ins1(InstKind::Convert { arg: arr }, pointer_to(string), pos);
        let n = self.ins1(InstKind::Const(Const::Int(parts.len() as i64)), int, pos);
        let buf = self.no_buf(pos);
        let r = self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Concatstrings, args: vec![buf, first, n] }, string, pos);
        Ok(self.coerce(r, ty, pos))
    }

    /// A conversion `T(x)` (gc's `walkConv` and the string conversions of
    /// `walk/convert.go`).
    pub fn conversion(&mut self, e: ExprId, arg: ExprId) -> BuildResult<Operand> {
        let pos = self.expr_pos(e);
        let to = self.type_of(e)?;
        if self.is_nil(arg) {
            return Ok(Operand::Val(self.ins1(InstKind::Const(Const::Zero), to, pos)));
        }
        let from = self.type_of(arg)?;
        let v = self.eval(arg)?;
        let tab = table();
        let (fu, tu) = (tab.get(tab.underlying(from)).clone(), tab.get(tab.underlying(to)).clone());
        let (fr, tr) = (repr_of(from), repr_of(to));
        let string = basic(BasicKind::String);
        let int = basic(BasicKind::Int);
        match (fr, tr) {
            (Some(Repr::Int { .. }), Some(Repr::String)) => {
                let x = self.operand_value(v, pos)?;
                let x = self.int_to_int64(x, pos);
                let buf = self.no_buf(pos);
                let r = self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Intstring, args: vec![buf, x] }, string, pos);
                Ok(Operand::Val(self.coerce(r, to, pos)))
            }
            (Some(Repr::Slice), Some(Repr::String)) => {
                let s = self.operand_value(v, pos)?;
                let Type::Slice(elem) = fu else { return Err(unsupported("this conversion", pos)) };
                let func = if repr_of(elem) == Some(Repr::Int { bits: 8, signed: false }) {
                    RuntimeFunc::Slicebytetostring
                } else {
                    RuntimeFunc::Slicerunetostring
                };
                let ptr = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(elem), pos);
                let len = self.ins1(InstKind::Extract { arg: s, n: 1 }, int, pos);
                let buf = self.no_buf(pos);
                let r = self.ins1(InstKind::RuntimeCall { func, args: vec![buf, ptr, len] }, string, pos);
                Ok(Operand::Val(self.coerce(r, to, pos)))
            }
            (Some(Repr::String), Some(Repr::Slice)) => {
                let s = self.operand_value(v, pos)?;
                let s = self.coerce(s, string, pos);
                let Type::Slice(elem) = tu else { return Err(unsupported("this conversion", pos)) };
                // A constant to []byte: a new array of exactly its length
                // (gc's OSTR2BYTES of a constant), not rawbyteslice's
                // rounded-up capacity.
                if let Some(c) = self.constant_of(arg)
                    && repr_of(elem) == Some(Repr::Int { bits: 8, signed: false })
                {
                    let n = c.string_val().len() as i64;
                    let arr_t = tab.intern(Type::Array { len: n, elem });
                    let p = self.ins1(InstKind::New { ty: arr_t }, pointer_to(arr_t), pos);
                    let dst = self.ins1(InstKind::Convert { arg: p }, pointer_to(elem), pos);
                    let src = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(elem), pos);
                    let nv = self.ins1(InstKind::Const(Const::Int(n)), int, pos);
                    self.ins(InstKind::CopyElems { dst, src, count: nv }, &[], pos);
                    return Ok(Operand::Val(self.ins1(InstKind::Compose { parts: vec![dst, nv, nv] }, to, pos)));
                }
                let func = if repr_of(elem) == Some(Repr::Int { bits: 8, signed: false }) {
                    RuntimeFunc::Stringtoslicebyte
                } else {
                    RuntimeFunc::Stringtoslicerune
                };
                let buf = self.no_buf(pos);
                Ok(Operand::Val(self.slice_from_runtime(func, vec![buf, s], to, pos)?))
            }
            (Some(a), Some(b)) if is_numeric_repr(a) && is_numeric_repr(b) => {
                let x = self.operand_value(v, pos)?;
                let both_complex = matches!((a, b), (Repr::Complex { .. }, Repr::Complex { .. }));
                let neither_complex = !matches!(a, Repr::Complex { .. }) && !matches!(b, Repr::Complex { .. });
                if !(both_complex || neither_complex) {
                    return Err(unsupported("this conversion", pos));
                }
                Ok(Operand::Val(self.coerce(x, to, pos)))
            }
            (Some(Repr::Pointer), Some(Repr::Int { bits: 64, .. })) | (Some(Repr::Int { bits: 64, .. }), Some(Repr::Pointer)) => {
                let x = self.operand_value(v, pos)?;
                Ok(Operand::Val(self.coerce(x, to, pos)))
            }
            (Some(Repr::Slice), Some(Repr::Pointer)) => {
                // []T → *[N]T: panics when len < N (gc's message).
                let Type::Pointer(arr) = tu else { return Err(unsupported("this conversion", pos)) };
                let Type::Array { len: n, .. } = tab.get(tab.underlying(arr)).clone() else { return Err(unsupported("this conversion", pos)) };
                let s = self.operand_value(v, pos)?;
                let len = self.ins1(InstKind::Extract { arg: s, n: 1 }, int, pos);
                let nv = self.ins1(InstKind::Const(Const::Int(n)), int, pos);
                self.ins(InstKind::BoundsCheck { kind: BoundsKind::Convert, index: nv, len }, &[], pos);
                let p = self.ins1(InstKind::Extract { arg: s, n: 0 }, to, pos);
                Ok(Operand::Val(p))
            }
            (Some(Repr::Slice), Some(Repr::Memory)) => {
                // []T → [N]T: a copy of the first N elements.
                let Type::Array { len: n, .. } = tu else { return Err(unsupported("this conversion", pos)) };
                let s = self.operand_value(v, pos)?;
                let len = self.ins1(InstKind::Extract { arg: s, n: 1 }, int, pos);
                let nv = self.ins1(InstKind::Const(Const::Int(n)), int, pos);
                self.ins(InstKind::BoundsCheck { kind: BoundsKind::Convert, index: nv, len }, &[], pos);
                let p = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(to), pos);
                Ok(Operand::Mem(self.temp_copy(p, pos)))
            }
            _ => self.convert_operand(v, to, pos),
        }
    }

    /// The temporary-buffer argument of the string conversions (gc passes
    /// a frame buffer when the result does not escape): null, so the
    /// runtime allocates.
    fn no_buf(&mut self, pos: Option<SrcPos>) -> Value {
        self.ins1(InstKind::Const(Const::Zero), crate::repr::raw_pointer(), pos)
    }

    /// An integer value widened to 64 bits: `uint64` for an unsigned
    /// type (zero-extended), else `int64` (sign-extended).
    pub fn int_to_64(&mut self, x: Value, pos: Option<SrcPos>) -> Value {
        let t = match repr_of(self.f.value_type(x)) {
            Some(Repr::Int { signed: false, .. }) => basic(BasicKind::Uint64),
            _ => basic(BasicKind::Int64),
        };
        self.coerce(x, t, pos)
    }

    /// An integer value as `int64` (sign- or zero-extended).
    pub fn int_to_int64(&mut self, x: Value, pos: Option<SrcPos>) -> Value {
        let t = match repr_of(self.f.value_type(x)) {
            Some(Repr::Int { signed: false, bits: 64 }) => basic(BasicKind::Uint64),
            _ => basic(BasicKind::Int64),
        };
        let v = self.coerce(x, t, pos);
        self.coerce(v, basic(BasicKind::Int64), pos)
    }
}

fn is_numeric_repr(r: Repr) -> bool {
    matches!(r, Repr::Int { .. } | Repr::Float { .. } | Repr::Complex { .. })
}

/// Whether comparing two values of `t` can panic (gc's
/// `compare.EqCanPanic`): it is or holds an interface, whose dynamic
/// type may be uncomparable. Blank fields are never compared.
fn equality_can_panic(t: TypeId) -> bool {
    let tab = table();
    match tab.get(tab.underlying(t)).clone() {
        Type::Interface { .. } => true,
        Type::Array { elem, .. } => equality_can_panic(elem),
        Type::Struct(fields) => fields.iter().any(|fd| !fd.var.name.is_some_and(|n| n.as_str() == "_") && equality_can_panic(fd.var.typ)),
        _ => false,
    }
}
