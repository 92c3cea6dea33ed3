//! `print` and `println` (gc's `walkPrint`, runtime contract "print and
//! println"): the arguments are evaluated first (gc's order pass moves
//! calls out of the statement), then `printlock`, one call per argument
//! by type (println's `" "` between and `"\n"` after; runs of constant
//! strings joined; `" "`/`"\n"` as `printsp`/`printnl`), `printunlock`.
//! Untyped constants take gc's defaults (the checker's default types).

use std::sync::Arc;

use goxide_syntax::ast::ExprId;
use goxide_types::constant::Kind as ConstKind;
use goxide_types::objects::SrcPos;
use goxide_types::types::{table, BasicKind, Type};

use super::func::FnBuilder;
use super::{unsupported, BuildResult};
use crate::ir::*;
use crate::repr::{basic, raw_pointer, repr_of, Repr};

/// One argument of `print`: a constant string, or a value.
enum PrintArg {
    Str(Vec<u8>),
    Value(Value),
}

impl FnBuilder<'_> {
    /// gc's `walkPrint` (see the module header).
    pub fn walk_print(&mut self, args: &[ExprId], newline: bool, pos: Option<SrcPos>) -> BuildResult<()> {
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
            } else if self.is_nil(a) {
                return Err(unsupported("printing nil", apos));
            } else if args.len() == 1 {
                for v in self.eval_multi(a)? {
                    values.push((Arg::Value(self.operand_value(v, apos)?), apos));
                }
            } else {
                values.push((Arg::Value(self.expr(a)?), apos));
            }
        }
        self.print_args(values.into_iter().map(|(a, p)| (match a { Arg::Str(s) => PrintArg::Str(s), Arg::Value(v) => PrintArg::Value(v) }, p)).collect(), newline, pos)
    }

    /// `print`/`println` of values evaluated before (a deferred call's).
    pub fn print_values(&mut self, values: Vec<(Value, Option<SrcPos>)>, newline: bool, pos: Option<SrcPos>) -> BuildResult<()> {
        self.print_args(values.into_iter().map(|(v, p)| (PrintArg::Value(v), p)).collect(), newline, pos)
    }

    fn print_args(&mut self, values: Vec<(PrintArg, Option<SrcPos>)>, newline: bool, pos: Option<SrcPos>) -> BuildResult<()> {
        enum Piece {
            Str(Vec<u8>),
            Value(Value, RuntimeFunc),
        }
        let mut pieces: Vec<Piece> = Vec::new();
        for (i, (arg, apos)) in values.into_iter().enumerate() {
            if newline && i > 0 {
                pieces.push(Piece::Str(b" ".to_vec()));
            }
            let v = match arg {
                PrintArg::Str(s) => {
                    pieces.push(Piece::Str(s));
                    continue;
                }
                PrintArg::Value(v) => v,
            };
            let t = self.f.value_type(v);
            let to = |k: BasicKind| basic(k);
            let (target, func) = match repr_of(t) {
                Some(Repr::Bool) => (to(BasicKind::Bool), RuntimeFunc::PrintBool),
                Some(Repr::String) => (to(BasicKind::String), RuntimeFunc::PrintString),
                Some(Repr::Int { signed: true, .. }) => (to(BasicKind::Int64), RuntimeFunc::PrintInt),
                Some(Repr::Int { signed: false, .. }) => (to(BasicKind::Uint64), RuntimeFunc::PrintUint),
                Some(Repr::Float { bits: 32 }) => (to(BasicKind::Float32), RuntimeFunc::PrintFloat32),
                Some(Repr::Float { .. }) => (to(BasicKind::Float64), RuntimeFunc::PrintFloat64),
                Some(Repr::Complex { bits: 64 }) => (to(BasicKind::Complex64), RuntimeFunc::PrintComplex64),
                Some(Repr::Complex { .. }) => (to(BasicKind::Complex128), RuntimeFunc::PrintComplex128),
                Some(Repr::Pointer) => (raw_pointer(), RuntimeFunc::PrintPointer),
                Some(Repr::Slice) => (table().intern(Type::Slice(to(BasicKind::Uint8))), RuntimeFunc::PrintSlice),
                Some(Repr::Interface { empty: true }) => (t, RuntimeFunc::PrintEface),
                Some(Repr::Interface { empty: false }) => (t, RuntimeFunc::PrintIface),
                _ => return Err(unsupported("printing this type", apos)),
            };
            let v = match repr_of(t) {
                // Integers widen by their own signedness first.
                Some(Repr::Int { .. }) => self.int_to_int64(v, apos),
                _ => v,
            };
            pieces.push(Piece::Value(self.coerce(v, target, apos), func));
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
