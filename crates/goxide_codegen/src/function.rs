//! One IR function → one Cranelift function.
//!
//! Blocks map one to one (IR block parameters become Cranelift block
//! parameters, flattened), translated in reverse post-order so that
//! definitions come before uses; blocks unreachable from the entry are
//! only a trap. Each IR value maps to its flattened Cranelift values. The entry block's first parameter is `g`. Go semantics that
//! Cranelift's instructions do not have are lowered inline (see the crate
//! doc): a divisor of zero or a negative shift count branches to a cold
//! block that calls the runtime's `panicdivide`/`panicshift` and traps
//! (the call never returns); `MinInt / -1` is computed as `-x` with a
//! select, never by a trapping `sdiv`; out-of-range shift counts select
//! Go's result.
//!
//! Invariant: every Cranelift block is filled with a terminator and all
//! are sealed before `finalize`; an IR value used before its definition
//! (which the verifier rules out) is an error, not a panic.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::immediates::Offset32;
use cranelift_codegen::ir::{
    types, Block, BlockArg, Function as ClFunction, GlobalValueData, InstBuilder, MemFlagsData, TrapCode, Type, Value as ClValue,
};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::Module;
use goxide_ir::ir::{BinaryOp, BlockCall, CompareOp, Const, Function, InstKind, Package, UnaryOp, Value};
use goxide_ir::repr::{repr_of, Repr};

use crate::abi::{field_offsets, flatten, int_type, RuntimeEntry};
use crate::{CodegenError, ObjectState};

/// `goxide_runtime::goroutine::G_STACK_LIMIT_OFFSET` (the contract).
const G_STACK_LIMIT_OFFSET: i32 = 0;

/// The trap after a call that never returns.
fn unreachable_trap() -> TrapCode {
    TrapCode::user(1).unwrap_or(TrapCode::STACK_OVERFLOW)
}

struct Translator<'a, 'b> {
    st: &'a mut ObjectState,
    pkg: &'a Package,
    f: &'a Function,
    b: FunctionBuilder<'b>,
    blocks: Vec<Block>,
    vals: Vec<Option<Vec<ClValue>>>,
    g: ClValue,
}

fn cerr(f: &Function, msg: impl std::fmt::Display) -> CodegenError {
    CodegenError(format!("{}: {msg}", f.name))
}

/// Sets `func.stack_limit` to `load.i64 notrap aligned (vmctx + G_STACK_LIMIT_OFFSET)`.
fn set_stack_limit(func: &mut ClFunction) -> Result<(), CodegenError> {
    let vmctx = func.create_global_value(GlobalValueData::VMContext);
    let flags = func.dfg.mem_flags.insert(MemFlagsData::trusted()).map_err(|e| CodegenError(format!("{e:?}")))?;
    let limit = func.create_global_value(GlobalValueData::Load {
        base: vmctx,
        offset: Offset32::new(G_STACK_LIMIT_OFFSET),
        global_type: types::I64,
        flags,
    });
    func.stack_limit = Some(limit);
    Ok(())
}

/// Translates `f` into `func` (whose signature and name are set).
pub(crate) fn translate(
    st: &mut ObjectState,
    pkg: &Package,
    f: &Function,
    func: &mut ClFunction,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    set_stack_limit(func)?;
    let frontend = st.module.isa().frontend_config();
    let mut b = FunctionBuilder::new(func, fctx);
    let blocks: Vec<Block> = f.blocks.iter().map(|_| b.create_block()).collect();
    let Some(&entry) = blocks.first() else { return Err(cerr(f, "no entry block")) };
    b.append_block_params_for_function_params(entry);
    let params = b.block_params(entry).to_vec();
    let Some((&g, rest)) = params.split_first() else { return Err(cerr(f, "no g parameter")) };
    let mut vals: Vec<Option<Vec<ClValue>>> = vec![None; f.values.len()];
    let mut next = 0;
    for &p in &f.blocks[0].params {
        let n = flatten(f.value_type(p))?.len();
        let Some(slice) = rest.get(next..next + n) else { return Err(cerr(f, "entry parameters do not match the signature")) };
        vals[p.index()] = Some(slice.to_vec());
        next += n;
    }
    for (i, bd) in f.blocks.iter().enumerate().skip(1) {
        for &p in &bd.params {
            let mut v = Vec::new();
            for t in flatten(f.value_type(p))? {
                v.push(b.append_block_param(blocks[i], t));
            }
            vals[p.index()] = Some(v);
        }
    }
    let mut t = Translator { st, pkg, f, b, blocks, vals, g };
    // Reachable blocks in reverse post-order, so that every definition is
    // translated before its uses (block indices need not follow
    // dominance); unreachable blocks only trap.
    let rpo = f.reverse_postorder();
    let mut reachable = vec![false; f.blocks.len()];
    for &bid in &rpo {
        reachable[bid.index()] = true;
        let blk = t.blocks[bid.index()];
        t.b.switch_to_block(blk);
        for &inst in &f.blocks[bid.index()].insts {
            t.inst(inst)?;
        }
    }
    for (i, live) in reachable.iter().enumerate() {
        if !live {
            let blk = t.blocks[i];
            t.b.switch_to_block(blk);
            t.b.ins().trap(unreachable_trap());
        }
    }
    t.b.seal_all_blocks();
    t.b.finalize(frontend);
    Ok(())
}

impl Translator<'_, '_> {
    fn get(&self, v: Value) -> Result<Vec<ClValue>, CodegenError> {
        self.vals.get(v.index()).cloned().flatten().ok_or_else(|| cerr(self.f, format!("{v} used before its definition")))
    }

    fn get1(&self, v: Value) -> Result<ClValue, CodegenError> {
        let vs = self.get(v)?;
        match vs.as_slice() {
            [x] => Ok(*x),
            _ => Err(cerr(self.f, format!("{v} is not a scalar"))),
        }
    }

    fn int_repr(&self, v: Value) -> Result<(u8, bool), CodegenError> {
        match repr_of(self.f.value_type(v)) {
            Some(Repr::Int { bits, signed }) => Ok((bits, signed)),
            _ => Err(cerr(self.f, format!("{v} is not an integer"))),
        }
    }

    fn set(&mut self, v: Value, cl: Vec<ClValue>) {
        if let Some(slot) = self.vals.get_mut(v.index()) {
            *slot = Some(cl);
        }
    }

    fn block_args(&self, bc: &BlockCall) -> Result<(Block, Vec<BlockArg>), CodegenError> {
        let blk = *self.blocks.get(bc.block.index()).ok_or_else(|| cerr(self.f, "branch to a missing block"))?;
        let mut args = Vec::new();
        for &a in &bc.args {
            args.extend(self.get(a)?.into_iter().map(BlockArg::from));
        }
        Ok((blk, args))
    }

    /// Calls runtime entry `e` with `g` and `args`; returns its results.
    fn call_runtime(&mut self, e: RuntimeEntry, args: &[ClValue]) -> Result<Vec<ClValue>, CodegenError> {
        let id = self.st.runtime_func(e)?;
        let fref = self.st.module.declare_func_in_func(id, self.b.func);
        // The runtime is in the same static image: a direct call.
        self.b.func.dfg.ext_funcs[fref].colocated = true;
        let mut all = vec![self.g];
        all.extend_from_slice(args);
        let call = self.b.ins().call(fref, &all);
        Ok(self.b.inst_results(call).to_vec())
    }

    /// Branches to a cold block calling `e` (which never returns) when
    /// `failed` is non-zero; continues in a new block otherwise.
    fn check(&mut self, failed: ClValue, e: RuntimeEntry) -> Result<(), CodegenError> {
        let cold = self.b.create_block();
        let ok = self.b.create_block();
        self.b.set_cold_block(cold);
        self.b.ins().brif(failed, cold, &[], ok, &[]);
        self.b.switch_to_block(cold);
        self.call_runtime(e, &[])?;
        self.b.ins().trap(unreachable_trap());
        self.b.switch_to_block(ok);
        Ok(())
    }

    fn inst(&mut self, inst: goxide_ir::ir::Inst) -> Result<(), CodegenError> {
        let data = self.f.inst(inst);
        let results = data.results.clone();
        let result1 = results.first().copied();
        match &data.kind {
            InstKind::Const(c) => {
                let r = result1.ok_or_else(|| cerr(self.f, "constant without a result"))?;
                let v = match c {
                    Const::Int(x) => {
                        let (bits, _) = self.int_repr(r)?;
                        let masked = if bits >= 64 { *x } else { *x & ((1i64 << bits) - 1) };
                        vec![self.b.ins().iconst(int_type(bits), masked)]
                    }
                    Const::Bool(x) => vec![self.b.ins().iconst(types::I8, *x as i64)],
                    Const::String(s) => {
                        let len = self.b.ins().iconst(types::I64, s.len() as i64);
                        let ptr = if s.is_empty() {
                            self.b.ins().iconst(types::I64, 0)
                        } else {
                            let data = self.st.string_data(s)?;
                            let gv = self.st.module.declare_data_in_func(data, self.b.func);
                            self.b.ins().symbol_value(types::I64, gv)
                        };
                        vec![ptr, len]
                    }
                };
                self.set(r, v);
            }
            InstKind::Unary { op, arg } => {
                let r = result1.ok_or_else(|| cerr(self.f, "no result"))?;
                let x = self.get1(*arg)?;
                let v = match op {
                    UnaryOp::Neg => self.b.ins().ineg(x),
                    UnaryOp::Not => self.b.ins().bxor_imm_u(x, 1),
                    UnaryOp::Complement => self.b.ins().bnot(x),
                };
                self.set(r, vec![v]);
            }
            InstKind::Binary { op, lhs, rhs } => {
                let r = result1.ok_or_else(|| cerr(self.f, "no result"))?;
                let v = self.binary(*op, *lhs, *rhs)?;
                self.set(r, vec![v]);
            }
            InstKind::Compare { op, lhs, rhs } => {
                let r = result1.ok_or_else(|| cerr(self.f, "no result"))?;
                let string = repr_of(self.f.value_type(*lhs)) == Some(Repr::String);
                let signed = match repr_of(self.f.value_type(*lhs)) {
                    Some(Repr::Int { signed, .. }) => signed,
                    Some(Repr::Bool) | Some(Repr::Pointer) => false,
                    // cmpstring's result, compared with 0.
                    Some(Repr::String) => true,
                    _ => return Err(cerr(self.f, "comparison of an unsupported type")),
                };
                let cc = match (op, signed) {
                    (CompareOp::Eq, _) => IntCC::Equal,
                    (CompareOp::Ne, _) => IntCC::NotEqual,
                    (CompareOp::Lt, true) => IntCC::SignedLessThan,
                    (CompareOp::Le, true) => IntCC::SignedLessThanOrEqual,
                    (CompareOp::Gt, true) => IntCC::SignedGreaterThan,
                    (CompareOp::Ge, true) => IntCC::SignedGreaterThanOrEqual,
                    (CompareOp::Lt, false) => IntCC::UnsignedLessThan,
                    (CompareOp::Le, false) => IntCC::UnsignedLessThanOrEqual,
                    (CompareOp::Gt, false) => IntCC::UnsignedGreaterThan,
                    (CompareOp::Ge, false) => IntCC::UnsignedGreaterThanOrEqual,
                };
                let v = if string {
                    let mut args = self.get(*lhs)?;
                    args.extend(self.get(*rhs)?);
                    let c = *self.call_runtime(RuntimeEntry::CmpString, &args)?.first().ok_or_else(|| cerr(self.f, "cmpstring has no result"))?;
                    self.b.ins().icmp_imm_s(cc, c, 0)
                } else {
                    let (x, y) = (self.get1(*lhs)?, self.get1(*rhs)?);
                    self.b.ins().icmp(cc, x, y)
                };
                self.set(r, vec![v]);
            }
            InstKind::Convert { arg } => {
                let r = result1.ok_or_else(|| cerr(self.f, "no result"))?;
                let from = repr_of(self.f.value_type(*arg));
                let to = repr_of(self.f.value_type(r));
                let v = match (from, to) {
                    (Some(Repr::Int { bits: fb, signed }), Some(Repr::Int { bits: tb, .. })) => {
                        let x = self.get1(*arg)?;
                        let v = if tb > fb {
                            if signed { self.b.ins().sextend(int_type(tb), x) } else { self.b.ins().uextend(int_type(tb), x) }
                        } else if tb < fb {
                            self.b.ins().ireduce(int_type(tb), x)
                        } else {
                            x
                        };
                        vec![v]
                    }
                    (a, b) if a.is_some() && a == b => self.get(*arg)?,
                    _ => return Err(cerr(self.f, "unsupported conversion")),
                };
                self.set(r, v);
            }
            InstKind::StringLen { arg } => {
                let r = result1.ok_or_else(|| cerr(self.f, "no result"))?;
                let s = self.get(*arg)?;
                let len = *s.get(1).ok_or_else(|| cerr(self.f, "len of a non-string"))?;
                self.set(r, vec![len]);
            }
            InstKind::Call { callee, args } => {
                let id = *self.st.funcs.get(callee.index()).ok_or_else(|| cerr(self.f, "call of a missing function"))?;
                let fref = self.st.module.declare_func_in_func(id, self.b.func);
                let mut all = vec![self.g];
                for &a in args {
                    all.extend(self.get(a)?);
                }
                let call = self.b.ins().call(fref, &all);
                let outs = self.b.inst_results(call).to_vec();
                let mut next = 0;
                for &r in &results {
                    let n = flatten(self.f.value_type(r))?.len();
                    let Some(slice) = outs.get(next..next + n) else { return Err(cerr(self.f, "call results do not match")) };
                    self.set(r, slice.to_vec());
                    next += n;
                }
                let _ = self.pkg;
            }
            InstKind::RuntimeCall { func, args } => {
                let mut all = Vec::new();
                for &a in args {
                    all.extend(self.get(a)?);
                }
                self.call_runtime(RuntimeEntry::Ir(*func), &all)?;
            }
            InstKind::GlobalAddr { global } => {
                let r = result1.ok_or_else(|| cerr(self.f, "no result"))?;
                let id = *self.st.globals.get(global.index()).ok_or_else(|| cerr(self.f, "missing global"))?;
                let gv = self.st.module.declare_data_in_func(id, self.b.func);
                let v = self.b.ins().symbol_value(types::I64, gv);
                self.set(r, vec![v]);
            }
            InstKind::Load { addr } => {
                let r = result1.ok_or_else(|| cerr(self.f, "no result"))?;
                let p = self.get1(*addr)?;
                let t = self.f.value_type(r);
                let mut v = Vec::new();
                for (ty, off) in flatten(t)?.into_iter().zip(field_offsets(t)?) {
                    v.push(self.b.ins().load(ty, MemFlagsData::trusted(), p, off));
                }
                self.set(r, v);
            }
            InstKind::Store { addr, value } => {
                let p = self.get1(*addr)?;
                let t = self.f.value_type(*value);
                let parts = self.get(*value)?;
                for (x, off) in parts.into_iter().zip(field_offsets(t)?) {
                    self.b.ins().store(MemFlagsData::trusted(), x, p, off);
                }
            }
            InstKind::Jump { dest } => {
                let (blk, args) = self.block_args(dest)?;
                self.b.ins().jump(blk, &args);
            }
            InstKind::Branch { cond, then_dest, else_dest } => {
                let c = self.get1(*cond)?;
                let (tb, ta) = self.block_args(then_dest)?;
                let (eb, ea) = self.block_args(else_dest)?;
                self.b.ins().brif(c, tb, &ta, eb, &ea);
            }
            InstKind::Return { values } => {
                let mut all = Vec::new();
                for &v in values {
                    all.extend(self.get(v)?);
                }
                self.b.ins().return_(&all);
            }
            InstKind::Unreachable => {
                self.b.ins().trap(unreachable_trap());
            }
        }
        Ok(())
    }

    /// A Go integer operation (see the module header for the checks).
    fn binary(&mut self, op: BinaryOp, lhs: Value, rhs: Value) -> Result<ClValue, CodegenError> {
        let (bits, signed) = self.int_repr(lhs)?;
        let ty: Type = int_type(bits);
        let x = self.get1(lhs)?;
        let y = self.get1(rhs)?;
        Ok(match op {
            BinaryOp::Add => self.b.ins().iadd(x, y),
            BinaryOp::Sub => self.b.ins().isub(x, y),
            BinaryOp::Mul => self.b.ins().imul(x, y),
            BinaryOp::And => self.b.ins().band(x, y),
            BinaryOp::Or => self.b.ins().bor(x, y),
            BinaryOp::Xor => self.b.ins().bxor(x, y),
            BinaryOp::AndNot => self.b.ins().band_not(x, y),
            BinaryOp::Div | BinaryOp::Rem => {
                let zero = self.b.ins().icmp_imm_s(IntCC::Equal, y, 0);
                self.check(zero, RuntimeEntry::PanicDivide)?;
                if signed {
                    // y == -1: x / -1 is -x (wrapping), x % -1 is 0; the
                    // machine division would trap on MinInt / -1.
                    let minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, y, -1);
                    let one = self.b.ins().iconst(ty, 1);
                    let safe_y = self.b.ins().select(minus_one, one, y);
                    if op == BinaryOp::Div {
                        let q = self.b.ins().sdiv(x, safe_y);
                        let neg = self.b.ins().ineg(x);
                        self.b.ins().select(minus_one, neg, q)
                    } else {
                        let r = self.b.ins().srem(x, safe_y);
                        let z = self.b.ins().iconst(ty, 0);
                        self.b.ins().select(minus_one, z, r)
                    }
                } else if op == BinaryOp::Div {
                    self.b.ins().udiv(x, y)
                } else {
                    self.b.ins().urem(x, y)
                }
            }
            BinaryOp::Shl | BinaryOp::Shr => {
                let (cbits, csigned) = self.int_repr(rhs)?;
                // The count as an unsigned 64-bit number, checked for < 0.
                let count = if cbits < 64 {
                    if csigned { self.b.ins().sextend(types::I64, y) } else { self.b.ins().uextend(types::I64, y) }
                } else {
                    y
                };
                if csigned {
                    let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, count, 0);
                    self.check(negative, RuntimeEntry::PanicShift)?;
                }
                let big = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThanOrEqual, count, bits as i64);
                if op == BinaryOp::Shr && signed {
                    // A count past the width shifts in the sign everywhere.
                    let max = self.b.ins().iconst(types::I64, bits as i64 - 1);
                    let c = self.b.ins().select(big, max, count);
                    self.b.ins().sshr(x, c)
                } else {
                    let shifted = if op == BinaryOp::Shl { self.b.ins().ishl(x, count) } else { self.b.ins().ushr(x, count) };
                    let z = self.b.ins().iconst(ty, 0);
                    self.b.ins().select(big, z, shifted)
                }
            }
        })
    }
}
