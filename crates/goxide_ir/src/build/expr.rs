//! Building expressions (gc's `ssagen` `state.expr`, and `walkPrint` for
//! `print`/`println`).
//!
//! Every expression's type is the checker's (`Info::types`), untyped ones
//! given their default type; an expression with a constant value becomes
//! a constant of that type whatever its syntax. Names read local variables
//! through SSA, package variables through their address. `&&` and `||`
//! branch, with the result as a block parameter of the join block. Where
//! an operand's type differs from the operation's only by name (an
//! untyped operand the checker typed, `type T int` against its
//! underlying type), a `Convert` makes the IR's types agree exactly.
//!
//! `print`/`println` follow gc's `walkPrint` (runtime contract, "print
//! and println"): the arguments are evaluated first (gc's order pass moves
//! calls out of the statement), then `printlock`, one call per argument
//! by type (println's `" "` between and `"\n"` after; runs of constant
//! strings joined; `" "`/`"\n"` as `printsp`/`printnl`), `printunlock`.

use std::sync::Arc;

use goxide_syntax::ast::{ExprId, ExprKind};
use goxide_syntax::token::Operator;
use goxide_types::check::operand::Mode;
use goxide_types::constant::Kind as ConstKind;
use goxide_types::objects::{object, Builtin, ObjKind, SrcPos};
use goxide_types::types::{table, BasicKind, TypeId};
use goxide_types::universe;

use super::func::FnBuilder;
use super::{unsupported, value_type, BuildResult};
use crate::ir::*;
use crate::repr::{basic, pointer_to, repr_of, Repr};

impl FnBuilder<'_> {
    fn tv(&self, e: ExprId) -> Option<&goxide_types::check::TypeAndValue> {
        self.ctx.input.info.types.get(&(self.fnum(), e))
    }

    /// The (defaulted) type of `e`, checked to be in the slice.
    pub fn type_of(&self, e: ExprId) -> BuildResult<TypeId> {
        let pos = self.expr_pos(e);
        let Some(tv) = self.tv(e) else { return Err(unsupported("an expression the checker did not type", pos)) };
        value_type(tv.typ, "values", pos)
    }

    /// Gives `v` type `ty` (same representation) when it has another.
    pub fn coerce(&mut self, v: Value, ty: TypeId, pos: Option<SrcPos>) -> Value {
        let have = self.f.value_type(v);
        if have == ty || table().identical(have, ty) {
            return v;
        }
        self.ins1(InstKind::Convert { arg: v }, ty, pos)
    }

    fn constant(&mut self, val: &goxide_types::constant::Value, ty: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let c = match (repr_of(ty), val.kind()) {
            (Some(Repr::Bool), ConstKind::Bool) => Const::Bool(val.bool_val()),
            (Some(Repr::String), ConstKind::String) => Const::String(Arc::from(&val.string_val()[..])),
            (Some(Repr::Int { signed: true, .. }), ConstKind::Int) => Const::Int(val.int64_val().0),
            (Some(Repr::Int { signed: false, .. }), ConstKind::Int) => Const::Int(val.uint64_val().0 as i64),
            _ => return Err(unsupported("this constant", pos)),
        };
        Ok(self.ins1(InstKind::Const(c), ty, pos))
    }

    /// The constant value of `e`, if it has a known one. (The checker
    /// leaves the universe's `true` and `false` without values, so
    /// constant expressions over them are `Unknown`: those are built from
    /// their syntax instead, which gives the same value.)
    fn constant_of(&self, e: ExprId) -> Option<goxide_types::constant::Value> {
        let tv = self.tv(e)?;
        match &tv.val {
            Some(v) if tv.mode == Mode::Constant && !v.is_unknown() => Some(v.clone()),
            _ => None,
        }
    }

    /// A single-valued expression.
    pub fn expr(&mut self, e: ExprId) -> BuildResult<Value> {
        let vs = self.expr_multi(e)?;
        match vs.as_slice() {
            [v] => Ok(*v),
            _ => Err(unsupported("a multi-valued expression in a single-value context", self.expr_pos(e))),
        }
    }

    /// An expression's values (several for a call with several results).
    pub fn expr_multi(&mut self, e: ExprId) -> BuildResult<Vec<Value>> {
        let file = self.file();
        let pos = self.expr_pos(e);
        if let Some(val) = self.constant_of(e) {
            let ty = self.type_of(e)?;
            return Ok(vec![self.constant(&val, ty, pos)?]);
        }
        match file.expr(e).kind {
            ExprKind::Paren(x) => self.expr_multi(x),
            ExprKind::Name(n) => {
                let Some(&o) = self.ctx.input.info.uses.get(&(self.fnum(), n.pos)) else {
                    return Err(unsupported("a name the checker did not resolve", pos));
                };
                if let Some(&g) = self.ctx.globals.get(&o) {
                    let ty = self.global_type(g);
                    let addr = self.ins1(InstKind::GlobalAddr { global: g }, pointer_to(ty), pos);
                    return Ok(vec![self.ins1(InstKind::Load { addr }, ty, pos)]);
                }
                match object(o).kind {
                    ObjKind::Var { .. } if self.vars.is_declared(o) => Ok(vec![self.read_var(o)]),
                    ObjKind::Var { .. } => Err(unsupported("variables of enclosing functions", pos)),
                    ObjKind::Func => Err(unsupported("function values", pos)),
                    ObjKind::Nil => Err(unsupported("nil", pos)),
                    ObjKind::Const if Some(o) == universe::lookup("true") || Some(o) == universe::lookup("false") => {
                        let ty = self.type_of(e)?;
                        let b = Some(o) == universe::lookup("true");
                        Ok(vec![self.ins1(InstKind::Const(Const::Bool(b)), ty, pos)])
                    }
                    _ => Err(unsupported("this kind of name as a value", pos)),
                }
            }
            ExprKind::Operation { op, x, y: Some(y) } => Ok(vec![self.binary_expr(e, op, x, y)?]),
            ExprKind::Operation { op, x, y: None } => Ok(vec![self.unary_expr(e, op, x)?]),
            ExprKind::Call { fun, args, has_dots } => {
                if has_dots {
                    return Err(unsupported("calls with ...", pos));
                }
                let args = file.exprs_of(args).to_vec();
                self.call(e, fun, &args)
            }
            ExprKind::BasicLit { .. } => Err(unsupported("this literal", pos)),
            ExprKind::CompositeLit { .. } => Err(unsupported("composite literals", pos)),
            ExprKind::FuncLit { .. } => Err(unsupported("function literals", pos)),
            ExprKind::Selector { .. } => Err(unsupported("selectors", pos)),
            ExprKind::Index { .. } => Err(unsupported("index expressions", pos)),
            ExprKind::Slice { .. } => Err(unsupported("slice expressions", pos)),
            ExprKind::Assert { .. } => Err(unsupported("type assertions", pos)),
            _ => Err(unsupported("this expression", pos)),
        }
    }

    /// An expression statement: a call (results dropped).
    pub fn expr_stmt(&mut self, e: ExprId) -> BuildResult<()> {
        let file = self.file();
        match file.expr(file.unparen(e)).kind {
            ExprKind::Call { .. } => {
                self.expr_multi(e)?;
                Ok(())
            }
            _ => Err(unsupported("this expression statement", self.expr_pos(e))),
        }
    }

    fn unary_expr(&mut self, e: ExprId, op: Operator, x: ExprId) -> BuildResult<Value> {
        let pos = self.expr_pos(e);
        let ty = self.type_of(e)?;
        let uop = match op {
            Operator::Add => {
                let v = self.expr(x)?;
                return Ok(self.coerce(v, ty, pos));
            }
            Operator::Sub => UnaryOp::Neg,
            Operator::Not => UnaryOp::Not,
            Operator::Xor => UnaryOp::Complement,
            Operator::And => return Err(unsupported("taking addresses", pos)),
            Operator::Mul => return Err(unsupported("pointer indirection", pos)),
            Operator::Recv => return Err(unsupported("channel receives", pos)),
            _ => return Err(unsupported("this unary operator", pos)),
        };
        let ok = match uop {
            UnaryOp::Not => repr_of(ty) == Some(Repr::Bool),
            _ => matches!(repr_of(ty), Some(Repr::Int { .. })),
        };
        if !ok {
            return Err(unsupported("this operator on this type", pos));
        }
        let v = self.expr(x)?;
        let v = self.coerce(v, ty, pos);
        Ok(self.ins1(InstKind::Unary { op: uop, arg: v }, ty, pos))
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
            Operator::Eql | Operator::Neq | Operator::Lss | Operator::Leq | Operator::Gtr | Operator::Geq => {
                let cop = match op {
                    Operator::Eql => CompareOp::Eq,
                    Operator::Neq => CompareOp::Ne,
                    Operator::Lss => CompareOp::Lt,
                    Operator::Leq => CompareOp::Le,
                    Operator::Gtr => CompareOp::Gt,
                    _ => CompareOp::Ge,
                };
                // The operands' common type: the non-constant side's (the
                // checker typed an untyped constant to match it).
                let operand_ty = if self.constant_of(x).is_some() { self.type_of(y)? } else { self.type_of(x)? };
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

    /// A comparison of two values of one type; a `bool` result.
    pub fn compare(&mut self, op: CompareOp, x: Value, y: Value, pos: Option<SrcPos>) -> BuildResult<Value> {
        let t = self.f.value_type(x);
        match repr_of(t) {
            Some(Repr::Int { .. }) => {}
            Some(Repr::Bool) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {}
            Some(Repr::String) => {}
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
            Some(Repr::String) if bop == BinaryOp::Add => return Err(unsupported("string concatenation", pos)),
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

    /// A call: of a builtin, a conversion, or a package function.
    fn call(&mut self, e: ExprId, fun: ExprId, args: &[ExprId]) -> BuildResult<Vec<Value>> {
        let file = self.file();
        let pos = self.expr_pos(e);
        let fun = file.unparen(fun);
        let mode = self.tv(fun).map(|tv| tv.mode);
        match mode {
            Some(Mode::Builtin(b)) => self.builtin(e, b, args),
            Some(Mode::TypeExpr) => {
                let [arg] = args else { return Err(unsupported("this conversion", pos)) };
                let to = self.type_of(e)?;
                let v = self.expr(*arg)?;
                let from = self.f.value_type(v);
                let ok = match (repr_of(from), repr_of(to)) {
                    (Some(Repr::Int { .. }), Some(Repr::Int { .. })) => true,
                    (a, b) => a.is_some() && a == b,
                };
                if !ok {
                    return Err(unsupported("this conversion", pos));
                }
                Ok(vec![self.coerce(v, to, pos)])
            }
            _ => {
                let ExprKind::Name(n) = file.expr(fun).kind else {
                    return Err(unsupported("calls of this kind of function", pos));
                };
                let callee_obj = self.ctx.input.info.uses.get(&(self.fnum(), n.pos)).copied();
                let Some(&callee) = callee_obj.and_then(|o| self.ctx.funcs.get(&o)) else {
                    return Err(unsupported("calls of function values", pos));
                };
                let (params, results) = self.ctx.sigs[callee.index()].clone();
                let mut vals = if args.len() == 1 && params.len() > 1 {
                    self.expr_multi(args[0])?
                } else {
                    let mut v = Vec::with_capacity(args.len());
                    for &a in args {
                        v.push(self.expr(a)?);
                    }
                    v
                };
                if vals.len() != params.len() {
                    return Err(unsupported("this call's arguments", pos));
                }
                for (v, &t) in vals.iter_mut().zip(&params) {
                    *v = self.coerce(*v, t, pos);
                }
                Ok(self.ins(InstKind::Call { callee, args: vals }, &results, pos))
            }
        }
    }

    fn builtin(&mut self, e: ExprId, b: Builtin, args: &[ExprId]) -> BuildResult<Vec<Value>> {
        let pos = self.expr_pos(e);
        match b {
            Builtin::Print | Builtin::Println => {
                self.walk_print(args, b == Builtin::Println, pos)?;
                Ok(Vec::new())
            }
            Builtin::Len => {
                let [arg] = args else { return Err(unsupported("len", pos)) };
                let v = self.expr(*arg)?;
                if repr_of(self.f.value_type(v)) != Some(Repr::String) {
                    return Err(unsupported("len of this type", pos));
                }
                let ty = self.type_of(e)?;
                Ok(vec![self.ins1(InstKind::StringLen { arg: v }, ty, pos)])
            }
            other => Err(unsupported(format!("the builtin {}", other.info().0), pos)),
        }
    }

    /// gc's `walkPrint` (see the module header).
    fn walk_print(&mut self, args: &[ExprId], newline: bool, pos: Option<SrcPos>) -> BuildResult<()> {
        enum Piece {
            Str(Vec<u8>),
            Value(Value, RuntimeFunc),
        }
        // The arguments: constant strings by value, the others evaluated
        // now (one multi-valued call gives several).
        enum Arg {
            Str(Vec<u8>),
            Value(Value),
        }
        let mut values: Vec<(Arg, Option<SrcPos>)> = Vec::new();
        for &a in args {
            let apos = self.expr_pos(a);
            if let Some(val) = self.constant_of(a)
                && val.kind() == ConstKind::String
            {
                values.push((Arg::Str(val.string_val().to_vec()), apos));
            } else if args.len() == 1 {
                for v in self.expr_multi(a)? {
                    values.push((Arg::Value(v), apos));
                }
            } else {
                values.push((Arg::Value(self.expr(a)?), apos));
            }
        }
        let mut pieces: Vec<Piece> = Vec::new();
        for (i, (arg, apos)) in values.into_iter().enumerate() {
            if newline && i > 0 {
                pieces.push(Piece::Str(b" ".to_vec()));
            }
            let v = match arg {
                Arg::Str(s) => {
                    pieces.push(Piece::Str(s));
                    continue;
                }
                Arg::Value(v) => v,
            };
            let t = self.f.value_type(v);
            let piece = match repr_of(t) {
                Some(Repr::Bool) => Piece::Value(self.coerce(v, basic(BasicKind::Bool), apos), RuntimeFunc::PrintBool),
                Some(Repr::String) => Piece::Value(self.coerce(v, basic(BasicKind::String), apos), RuntimeFunc::PrintString),
                Some(Repr::Int { signed: true, .. }) => Piece::Value(self.coerce(v, basic(BasicKind::Int64), apos), RuntimeFunc::PrintInt),
                Some(Repr::Int { signed: false, .. }) => Piece::Value(self.coerce(v, basic(BasicKind::Uint64), apos), RuntimeFunc::PrintUint),
                _ => return Err(unsupported("printing this type", apos)),
            };
            pieces.push(piece);
        }
        if newline {
            pieces.push(Piece::Str(b"\n".to_vec()));
        }
        // Join runs of constant strings.
        let mut joined: Vec<Piece> = Vec::new();
        for p in pieces {
            match (joined.last_mut(), p) {
                (Some(Piece::Str(prev)), Piece::Str(s)) => prev.extend_from_slice(&s),
                (_, p) => joined.push(p),
            }
        }
        let string = basic(BasicKind::String);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::PrintLock, args: vec![] }, &[], pos);
        for p in joined {
            match p {
                Piece::Str(s) if s == b" " => {
                    self.ins(InstKind::RuntimeCall { func: RuntimeFunc::PrintSp, args: vec![] }, &[], pos);
                }
                Piece::Str(s) if s == b"\n" => {
                    self.ins(InstKind::RuntimeCall { func: RuntimeFunc::PrintNl, args: vec![] }, &[], pos);
                }
                Piece::Str(s) => {
                    let c = self.ins1(InstKind::Const(Const::String(Arc::from(&s[..]))), string, pos);
                    self.ins(InstKind::RuntimeCall { func: RuntimeFunc::PrintString, args: vec![c] }, &[], pos);
                }
                Piece::Value(v, func) => {
                    self.ins(InstKind::RuntimeCall { func, args: vec![v] }, &[], pos);
                }
            }
        }
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::PrintUnlock, args: vec![] }, &[], pos);
        Ok(())
    }
}
