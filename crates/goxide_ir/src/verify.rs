//! The IR verifier: checks the invariants of [`crate::ir`] on a function
//! or a package, as Cranelift's `verifier` does for its IR. The builder's
//! output is verified in tests and by the CLI before codegen, so a builder
//! bug is a clear error naming the function and the instruction, not a
//! miscompiled program.
//!
//! Checks: the entry block's parameters are the signature's; every block
//! ends with its only terminator; every instruction is in one block at
//! most once; operands exist and are dominated by their definitions
//! (dominators by Cooper, Harvey and Kennedy's iterative algorithm over
//! the reverse post-order; uses in unreachable blocks are checked only
//! within their block); branch arguments match the target's parameters;
//! operand and result types agree with each operation (Go's rules: both
//! sides of an arithmetic operation or comparison have one type, a shift
//! count is any integer, a condition is a bool, returns and calls match
//! signatures).

use std::collections::HashMap;

use goxide_types::types::{table, BasicKind, Type, TypeId};

use crate::ir::*;
use crate::printer::inst_text;
use crate::repr::{basic_kind, repr_of, Repr};

/// An invariant that does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    pub func: String,
    pub msg: String,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IR verifier: {}: {}", self.func, self.msg)
    }
}

impl std::error::Error for VerifyError {}

/// Verifies every function and the package's initialisers.
pub fn verify_package(p: &Package) -> Result<(), VerifyError> {
    for f in &p.funcs {
        verify_function(f, Some(p))?;
    }
    for &id in p.inits.iter().chain(&p.main) {
        let Some(f) = p.funcs.get(id.index()) else {
            return Err(VerifyError { func: p.path.clone(), msg: format!("initialiser or main {id} does not exist") });
        };
        if f.params.len() != 1 || !f.results.is_empty() {
            return Err(VerifyError { func: f.name.clone(), msg: "an initialiser or main must have only the context parameter and no results".into() });
        }
    }
    Ok(())
}

fn same(a: TypeId, b: TypeId) -> bool {
    a == b || table().identical(a, b)
}

fn is_bool(t: TypeId) -> bool {
    basic_kind(t) == Some(BasicKind::Bool)
}

fn is_int(t: TypeId) -> bool {
    matches!(repr_of(t), Some(Repr::Int { .. }))
}

fn is_numeric(t: TypeId) -> bool {
    matches!(repr_of(t), Some(Repr::Int { .. } | Repr::Float { .. } | Repr::Complex { .. }))
}

/// The element type of a pointer type (through its name).
fn pointee(t: TypeId) -> Option<TypeId> {
    let tab = table();
    match tab.get(tab.underlying(t)) {
        Type::Pointer(e) => Some(*e),
        _ => None,
    }
}

/// Immediate dominators (by block index) of the blocks in `rpo`.
fn dominators(f: &Function, rpo: &[BlockId]) -> Vec<Option<usize>> {
    let n = f.blocks.len();
    let mut order = vec![usize::MAX; n];
    for (i, b) in rpo.iter().enumerate() {
        order[b.index()] = i;
    }
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &b in rpo {
        for s in f.successors(b) {
            if s.index() < n {
                preds[s.index()].push(b.index());
            }
        }
    }
    let mut idom: Vec<Option<usize>> = vec![None; n];
    let Some(entry) = rpo.first() else { return idom };
    idom[entry.index()] = Some(entry.index());
    let mut changed = true;
    while changed {
        changed = false;
        for &b in rpo.iter().skip(1) {
            let mut new: Option<usize> = None;
            for &p in &preds[b.index()] {
                if idom[p].is_none() {
                    continue;
                }
                new = Some(match new {
                    None => p,
                    Some(mut x) => {
                        let mut y = p;
                        while x != y {
                            while order[x] > order[y] {
                                x = idom[x].unwrap_or(entry.index());
                            }
                            while order[y] > order[x] {
                                y = idom[y].unwrap_or(entry.index());
                            }
                        }
                        x
                    }
                });
            }
            if new.is_some() && idom[b.index()] != new {
                idom[b.index()] = new;
                changed = true;
            }
        }
    }
    idom
}

/// Verifies one function; `pkg` (when given) resolves callees.
pub fn verify_function(f: &Function, pkg: Option<&Package>) -> Result<(), VerifyError> {
    let err = |msg: String| Err(VerifyError { func: f.name.clone(), msg });
    let Some(entry) = f.blocks.first() else { return err("no entry block".into()) };
    let entry_types: Vec<TypeId> = entry.params.iter().map(|&v| f.value_type(v)).collect();
    if entry_types.len() != f.params.len() || !entry_types.iter().zip(&f.params).all(|(&a, &b)| same(a, b)) {
        return err("the entry block's parameters are not the function's".into());
    }
    // Where each instruction is: (block, index in block).
    let mut place: HashMap<Inst, (usize, usize)> = HashMap::new();
    for (bi, b) in f.blocks.iter().enumerate() {
        if b.insts.is_empty() {
            return err(format!("{} is empty", BlockId::new(bi)));
        }
        for (ii, &inst) in b.insts.iter().enumerate() {
            let Some(data) = f.insts.get(inst.index()) else { return err(format!("{inst} does not exist")) };
            if place.insert(inst, (bi, ii)).is_some() {
                return err(format!("{inst} is placed twice"));
            }
            let last = ii + 1 == b.insts.len();
            if data.kind.is_terminator() != last {
                return err(if last {
                    format!("{} does not end with a terminator", BlockId::new(bi))
                } else {
                    format!("terminator {inst} in the middle of {}", BlockId::new(bi))
                });
            }
        }
        for (pi, &p) in b.params.iter().enumerate() {
            if f.values.get(p.index()).map(|d| d.def) != Some(ValueDef::Param(BlockId::new(bi), pi)) {
                return err(format!("parameter {p} of {} is not defined as one", BlockId::new(bi)));
            }
        }
    }
    let rpo = f.reverse_postorder();
    let idom = dominators(f, &rpo);
    let reachable = |b: usize| idom[b].is_some();
    let dominates = |a: usize, mut b: usize| loop {
        if a == b {
            return true;
        }
        match idom[b] {
            Some(d) if d != b => b = d,
            _ => return false,
        }
    };
    for (bi, b) in f.blocks.iter().enumerate() {
        for (ii, &inst) in b.insts.iter().enumerate() {
            let data = &f.insts[inst.index()];
            let text = || inst_text(f, inst, pkg);
            for v in data.kind.operands() {
                let Some(vd) = f.values.get(v.index()) else { return err(format!("{inst} ({}) uses undefined {v}", text())) };
                let (def_block, def_index) = match vd.def {
                    ValueDef::Param(db, _) => (db.index(), None),
                    ValueDef::Result(di, _) => match place.get(&di) {
                        Some(&(db, dii)) => (db, Some(dii)),
                        None => return err(format!("{inst} ({}) uses {v}, whose instruction is in no block", text())),
                    },
                };
                let ok = if def_block == bi {
                    def_index.is_none_or(|d| d < ii)
                } else {
                    reachable(bi) && reachable(def_block) && dominates(def_block, bi)
                };
                if !ok && (reachable(bi) || def_block == bi) {
                    return err(format!("{inst} ({}) uses {v}, which does not dominate it", text()));
                }
            }
            for dest in data.kind.destinations() {
                let Some(target) = f.blocks.get(dest.block.index()) else {
                    return err(format!("{inst} ({}) branches to a missing block", text()));
                };
                if target.params.len() != dest.args.len() {
                    return err(format!("{inst} ({}): {} takes {} arguments", text(), dest.block, target.params.len()));
                }
                for (&a, &p) in dest.args.iter().zip(&target.params) {
                    if !same(f.value_type(a), f.value_type(p)) {
                        return err(format!("{inst} ({}): argument {a} has the wrong type for {}", text(), dest.block));
                    }
                }
            }
            check_types(f, pkg, inst).map_err(|m| VerifyError { func: f.name.clone(), msg: format!("{inst} ({}): {m}", text()) })?;
        }
    }
    Ok(())
}

/// The type rules of one instruction.
fn check_types(f: &Function, pkg: Option<&Package>, inst: Inst) -> Result<(), String> {
    let data = &f.insts[inst.index()];
    let ty = |v: Value| f.value_type(v);
    let results: Vec<TypeId> = data.results.iter().map(|&v| ty(v)).collect();
    let one = || -> Result<TypeId, String> {
        match results.as_slice() {
            [t] => Ok(*t),
            _ => Err(format!("has {} results, wants 1", results.len())),
        }
    };
    let none = || if results.is_empty() { Ok(()) } else { Err("has results".to_string()) };
    match &data.kind {
        InstKind::Const(c) => {
            let t = one()?;
            let ok = match c {
                Const::Int(_) => is_int(t),
                Const::Bool(_) => is_bool(t),
                Const::String(_) => repr_of(t) == Some(Repr::String),
                Const::Float(_) => matches!(repr_of(t), Some(Repr::Float { .. })),
                Const::Complex(..) => matches!(repr_of(t), Some(Repr::Complex { .. })),
                Const::Zero => !matches!(repr_of(t), None | Some(Repr::Memory)),
            };
            if !ok {
                return Err("constant of the wrong type".into());
            }
        }
        InstKind::Unary { op, arg } => {
            let t = one()?;
            let ok = same(t, ty(*arg))
                && match op {
                    UnaryOp::Not => is_bool(t),
                    UnaryOp::Complement => is_int(t),
                    UnaryOp::Neg => is_numeric(t),
                };
            if !ok {
                return Err("operand and result types disagree".into());
            }
        }
        InstKind::Binary { op, lhs, rhs } => {
            let t = one()?;
            let shift = matches!(op, BinaryOp::Shl | BinaryOp::Shr);
            let arith = matches!(op, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div);
            if matches!(op, BinaryOp::Min | BinaryOp::Max) {
                if !matches!(repr_of(t), Some(Repr::Float { .. })) || !same(t, ty(*lhs)) || !same(t, ty(*rhs)) {
                    return Err("min/max of non-floats".into());
                }
                return Ok(());
            }
            let logic = matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor);
            let type_ok = is_int(t) || (arith && is_numeric(t)) || (logic && is_bool(t));
            if !type_ok || !same(t, ty(*lhs)) || !(if shift { is_int(ty(*rhs)) } else { same(t, ty(*rhs)) }) {
                return Err("operand and result types disagree".into());
            }
        }
        InstKind::Compare { op, lhs, rhs } => {
            let t = one()?;
            let operand = ty(*lhs);
            let ordered = !matches!(op, CompareOp::Eq | CompareOp::Ne);
            let ok = is_bool(t)
                && same(operand, ty(*rhs))
                && match repr_of(operand) {
                    Some(Repr::Int { .. } | Repr::Float { .. } | Repr::String) => true,
                    Some(Repr::Bool | Repr::Pointer | Repr::Complex { .. }) => !ordered,
                    _ => false,
                };
            if !ok {
                return Err("cannot compare these operands".into());
            }
        }
        InstKind::Convert { arg } => {
            let t = one()?;
            let (a, b) = (repr_of(ty(*arg)), repr_of(t));
            let ok = match (a, b) {
                (Some(Repr::Int { .. } | Repr::Float { .. }), Some(Repr::Int { .. } | Repr::Float { .. })) => true,
                (Some(Repr::Complex { .. }), Some(Repr::Complex { .. })) => true,
                (Some(Repr::Pointer), Some(Repr::Int { bits: 64, .. })) | (Some(Repr::Int { bits: 64, .. }), Some(Repr::Pointer)) => true,
                (a, b) => a.is_some() && a == b && a != Some(Repr::Memory),
            };
            if !ok {
                return Err("not a conversion this IR has".into());
            }
        }
        InstKind::StringLen { arg } => {
            let t = one()?;
            if repr_of(ty(*arg)) != Some(Repr::String) || basic_kind(t) != Some(BasicKind::Int) {
                return Err("len of a non-string or to a non-int".into());
            }
        }
        InstKind::Extract { arg, n } => {
            let t = one()?;
            let parts = repr_of(ty(*arg)).map_or(0, |r| r.scalars());
            if parts < 2 || *n >= parts || repr_of(t).map_or(0, |r| r.scalars()) != 1 {
                return Err("extracts a part the operand does not have".into());
            }
        }
        InstKind::Compose { parts } => {
            let t = one()?;
            let want = repr_of(t).map_or(0, |r| r.scalars());
            if want < 2 || parts.len() != want || parts.iter().any(|&p| repr_of(ty(p)).map_or(0, |r| r.scalars()) != 1) {
                return Err("composes a value from the wrong parts".into());
            }
        }
        InstKind::Call { callee, args } => {
            if let Some(p) = pkg {
                let Some(c) = p.funcs.get(callee.index()) else { return Err(format!("calls missing {callee}")) };
                if args.len() != c.params.len() || !args.iter().zip(&c.params).all(|(&a, &t)| same(ty(a), t)) {
                    return Err("arguments do not match the callee's parameters".into());
                }
                if results.len() != c.results.len() || !results.iter().zip(&c.results).all(|(&a, &b)| same(a, b)) {
                    return Err("results do not match the callee's".into());
                }
            }
        }
        InstKind::CallIndirect { code, args } => {
            if repr_of(ty(*code)) != Some(Repr::Pointer) || args.is_empty() {
                return Err("calls a non-pointer or without a context".into());
            }
            if args.iter().chain(&data.results).any(|&v| matches!(repr_of(ty(v)), None | Some(Repr::Memory))) {
                return Err("passes a memory value".into());
            }
        }
        InstKind::RuntimeCall { func, args } => {
            let want: Option<&[BasicKind]> = match func {
                RuntimeFunc::PrintLock | RuntimeFunc::PrintUnlock | RuntimeFunc::PrintSp | RuntimeFunc::PrintNl => Some(&[]),
                RuntimeFunc::PrintString => Some(&[BasicKind::String]),
                RuntimeFunc::PrintBool => Some(&[BasicKind::Bool]),
                RuntimeFunc::PrintInt => Some(&[BasicKind::Int64]),
                RuntimeFunc::PrintUint => Some(&[BasicKind::Uint64]),
                RuntimeFunc::PrintFloat64 => Some(&[BasicKind::Float64]),
                RuntimeFunc::PrintFloat32 => Some(&[BasicKind::Float32]),
                RuntimeFunc::PrintComplex128 => Some(&[BasicKind::Complex128]),
                RuntimeFunc::PrintComplex64 => Some(&[BasicKind::Complex64]),
                _ => None,
            };
            if let Some(want) = want
                && (args.len() != want.len() || !args.iter().zip(want).all(|(&a, &k)| basic_kind(ty(a)) == Some(k)))
            {
                return Err(format!("arguments do not match {}'s", func.name()));
            }
            if args.iter().chain(&data.results).any(|&v| matches!(repr_of(ty(v)), None | Some(Repr::Memory))) {
                return Err("passes a memory value".into());
            }
        }
        InstKind::GlobalAddr { global } => {
            let t = one()?;
            if let Some(p) = pkg {
                let Some(g) = p.globals.get(global.index()) else { return Err(format!("missing {global}")) };
                if !pointee(t).is_some_and(|e| same(e, g.ty)) {
                    return Err("the result is not a pointer to the variable's type".into());
                }
            }
        }
        InstKind::FuncAddr { .. } | InstKind::TypeDesc { .. } | InstKind::ItabAddr { .. } | InstKind::FramePointer => {
            let t = one()?;
            if repr_of(t) != Some(Repr::Pointer) {
                return Err("an address that is not a pointer".into());
            }
        }
        InstKind::StaticClosure { .. } => {
            let t = one()?;
            if !matches!(table().get(table().underlying(t)), Type::Signature { .. }) {
                return Err("a func value of a non-func type".into());
            }
        }
        InstKind::Alloca { ty: vt } | InstKind::New { ty: vt } => {
            let t = one()?;
            if !pointee(t).is_some_and(|e| same(e, *vt)) {
                return Err("the result is not a pointer to the variable's type".into());
            }
        }
        InstKind::Zero { addr } | InstKind::NilCheck { ptr: addr } | InstKind::NilCheckField { ptr: addr, .. } => {
            none()?;
            if repr_of(ty(*addr)) != Some(Repr::Pointer) {
                return Err("the operand is not a pointer".into());
            }
        }
        InstKind::Copy { dst, src } => {
            none()?;
            if pointee(ty(*dst)).is_none() || !same(ty(*dst), ty(*src)) {
                return Err("copies between pointers of different types".into());
            }
        }
        InstKind::CopyElems { dst, src, count } => {
            none()?;
            if pointee(ty(*dst)).is_none() || !same(ty(*dst), ty(*src)) || !is_int(ty(*count)) {
                return Err("copies elements between pointers of different types".into());
            }
        }
        InstKind::ZeroElems { base, count } => {
            none()?;
            if pointee(ty(*base)).is_none() || !is_int(ty(*count)) {
                return Err("zeroes elements through a non-pointer".into());
            }
        }
        InstKind::FieldAddr { base, field } => {
            let t = one()?;
            let tab = table();
            let fields = pointee(ty(*base)).and_then(|s| match tab.get(tab.underlying(s)) {
                Type::Struct(fs) => Some(fs.clone()),
                _ => None,
            });
            let Some(fields) = fields else { return Err("the base is not a pointer to a struct".into()) };
            let Some(fd) = fields.get(*field) else { return Err("no such field".into()) };
            if !pointee(t).is_some_and(|e| same(e, fd.var.typ)) {
                return Err("the result is not a pointer to the field's type".into());
            }
        }
        InstKind::ElemAddr { base, index } => {
            let t = one()?;
            if !is_int(ty(*index)) || pointee(ty(*base)).is_none() || pointee(t).is_none() {
                return Err("indexes a non-pointer or with a non-integer".into());
            }
        }
        InstKind::BoundsCheck { index, len, .. } => {
            none()?;
            if !is_int(ty(*index)) || !is_int(ty(*len)) {
                return Err("bounds of non-integers".into());
            }
        }
        InstKind::Load { addr } => {
            let t = one()?;
            if !pointee(ty(*addr)).is_some_and(|e| same(e, t)) || repr_of(t) == Some(Repr::Memory) {
                return Err("loads through a pointer of another type, or a memory value".into());
            }
        }
        InstKind::Store { addr, value } => {
            none()?;
            if !pointee(ty(*addr)).is_some_and(|e| same(e, ty(*value))) {
                return Err("stores through a pointer of another type".into());
            }
        }
        InstKind::Jump { .. } | InstKind::Unreachable => none()?,
        InstKind::Branch { cond, .. } => {
            none()?;
            if !is_bool(ty(*cond)) {
                return Err("the condition is not a bool".into());
            }
        }
        InstKind::Return { values } => {
            none()?;
            if values.len() != f.results.len() || !values.iter().zip(&f.results).all(|(&v, &t)| same(ty(v), t)) {
                return Err("returns values that do not match the function's results".into());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::basic;

    fn int() -> TypeId {
        basic(BasicKind::Int)
    }

    fn result(f: &Function, i: Inst) -> Value {
        f.insts[i.index()].results[0]
    }

    /// `func f(x int) int { if x < 0 { return -x }; return x }` by hand.
    fn abs() -> Function {
        let mut f = Function::new("main.abs".into(), vec![int()], vec![int()], None);
        let x = f.blocks[0].params[0];
        let zero = f.append_inst(Function::ENTRY, InstKind::Const(Const::Int(0)), &[int()], None);
        let zero = result(&f, zero);
        let cmp = f.append_inst(Function::ENTRY, InstKind::Compare { op: CompareOp::Lt, lhs: x, rhs: zero }, &[basic(BasicKind::Bool)], None);
        let cmp = result(&f, cmp);
        let neg = f.create_block();
        let done = f.create_block();
        let r = f.append_block_param(done, int());
        f.append_inst(
            Function::ENTRY,
            InstKind::Branch { cond: cmp, then_dest: BlockCall { block: neg, args: vec![] }, else_dest: BlockCall { block: done, args: vec![x] } },
            &[],
            None,
        );
        let n = f.append_inst(neg, InstKind::Unary { op: UnaryOp::Neg, arg: x }, &[int()], None);
        let n = result(&f, n);
        f.append_inst(neg, InstKind::Jump { dest: BlockCall { block: done, args: vec![n] } }, &[], None);
        f.append_inst(done, InstKind::Return { values: vec![r] }, &[], None);
        f
    }

    #[test]
    fn a_well_formed_function_passes() {
        assert_eq!(verify_function(&abs(), None), Ok(()));
    }

    #[test]
    fn a_missing_terminator_fails() {
        let mut f = abs();
        let last = f.blocks[2].insts.pop().unwrap();
        let _ = last;
        f.append_inst(BlockId(2), InstKind::Const(Const::Int(1)), &[int()], None);
        let e = verify_function(&f, None).unwrap_err();
        assert!(e.msg.contains("does not end with a terminator"), "{e}");
    }

    #[test]
    fn a_use_not_dominated_fails() {
        // Return the negation (defined in block1) from block2, which block0
        // also reaches.
        let mut f = abs();
        let neg_value = result(&f, f.blocks[1].insts[0]);
        let ret = *f.blocks[2].insts.last().unwrap();
        f.inst_mut(ret).kind = InstKind::Return { values: vec![neg_value] };
        let e = verify_function(&f, None).unwrap_err();
        assert!(e.msg.contains("does not dominate"), "{e}");
    }

    #[test]
    fn branch_arguments_must_match_parameters() {
        let mut f = abs();
        let br = f.blocks[0].insts[2];
        if let InstKind::Branch { else_dest, .. } = &mut f.inst_mut(br).kind {
            else_dest.args.clear();
        }
        let e = verify_function(&f, None).unwrap_err();
        assert!(e.msg.contains("takes 1 arguments"), "{e}");
    }

    #[test]
    fn operand_types_must_agree() {
        let mut f = abs();
        let b = f.append_inst(BlockId(1), InstKind::Const(Const::Bool(true)), &[basic(BasicKind::Bool)], None);
        let b = result(&f, b);
        let insts = &mut f.blocks[1].insts;
        let c = insts.pop().unwrap();
        insts.insert(0, c);
        let neg = f.blocks[1].insts[1];
        f.inst_mut(neg).kind = InstKind::Unary { op: UnaryOp::Neg, arg: b };
        let e = verify_function(&f, None).unwrap_err();
        assert!(e.msg.contains("types disagree"), "{e}");
    }
}
