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

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::immediates::Offset32;
use cranelift_codegen::ir::{
    types, AbiParam, Block, BlockArg, Function as ClFunction, GlobalValueData, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind,
    TrapCode, Type, Value as ClValue,
};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::Module;
use goxide_ir::ir::{BinaryOp, BlockCall, CompareOp, Const, Function, InstKind, Package, RuntimeFunc, UnaryOp, Value};
use goxide_types::types::{table, BasicKind, Type as GoType, TypeId};
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
    /// The landing block of a function with deferred calls: every call
    /// is a `try_call` that may continue there (crate doc, "Panics").
    landing: Option<Block>,
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
    let landing = f.landing.and_then(|l| blocks.get(l.index()).copied());
    let mut t = Translator { st, pkg, f, b, blocks, vals, g, landing };
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

    /// Calls runtime entry `e` with `g` and `args` (its signature `sig`
    /// for the IR's entries); returns its results.
    fn call_runtime(&mut self, e: RuntimeEntry, sig: Option<cranelift_codegen::ir::Signature>, args: &[ClValue]) -> Result<Vec<ClValue>, CodegenError> {
        let id = self.st.runtime_func(e, sig)?;
        let id = if self.landing.is_some() { self.st.tail_stub(e, id)? } else { id };
        let fref = self.st.module.declare_func_in_func(id, self.b.func);
        // The runtime is in the same static image: a direct call.
        self.b.func.dfg.ext_funcs[fref].colocated = true;
        let mut all = vec![self.g];
        all.extend_from_slice(args);
        Ok(self.emit_call(fref, &all))
    }

    /// A direct call; in a function with a landing block, a `try_call`
    /// whose exceptional edge goes there.
    fn emit_call(&mut self, fref: cranelift_codegen::ir::FuncRef, args: &[ClValue]) -> Vec<ClValue> {
        let Some(landing) = self.landing else {
            let call = self.b.ins().call(fref, args);
            return self.b.inst_results(call).to_vec();
        };
        let sig = self.b.func.dfg.ext_funcs[fref].signature;
        let (cont, results, et) = self.try_continuation(sig, landing);
        self.b.ins().try_call(fref, args, et);
        self.b.switch_to_block(cont);
        results
    }

    /// An indirect call, as [`Self::emit_call`].
    fn emit_call_indirect(&mut self, sig: cranelift_codegen::ir::SigRef, code: ClValue, args: &[ClValue]) -> Vec<ClValue> {
        let Some(landing) = self.landing else {
            let call = self.b.ins().call_indirect(sig, code, args);
            return self.b.inst_results(call).to_vec();
        };
        let (cont, results, et) = self.try_continuation(sig, landing);
        self.b.ins().try_call_indirect(code, args, et);
        self.b.switch_to_block(cont);
        results
    }

    /// The normal continuation of a `try_call` with signature `sig` (its
    /// results as block parameters) and the exception table to `landing`.
    fn try_continuation(&mut self, sig: cranelift_codegen::ir::SigRef, landing: Block) -> (Block, Vec<ClValue>, cranelift_codegen::ir::ExceptionTable) {
        use cranelift_codegen::ir::{ExceptionTableData, ExceptionTableItem};
        let cont = self.b.create_block();
        let rets: Vec<Type> = self.b.func.dfg.signatures[sig].returns.iter().map(|r| r.value_type).collect();
        let results: Vec<ClValue> = rets.iter().map(|&t| self.b.append_block_param(cont, t)).collect();
        let args: Vec<BlockArg> = (0..rets.len() as u32).map(BlockArg::TryCallRet).collect();
        let normal = self.b.func.dfg.block_call(cont, &args);
        let exn = self.b.func.dfg.block_call(landing, &[]);
        let et = self.b.func.dfg.exception_tables.push(ExceptionTableData::new(sig, normal, [ExceptionTableItem::Default(exn)]));
        (cont, results, et)
    }

    /// Branches to a cold block calling `e` with `args` (it never
    /// returns) when `failed` is non-zero; continues in a new block.
    fn check(&mut self, failed: ClValue, e: RuntimeEntry, sig: Option<cranelift_codegen::ir::Signature>, args: &[ClValue]) -> Result<(), CodegenError> {
        let cold = self.b.create_block();
        let ok = self.b.create_block();
        self.b.set_cold_block(cold);
        self.b.ins().brif(failed, cold, &[], ok, &[]);
        self.b.switch_to_block(cold);
        self.call_runtime(e, sig, args)?;
        self.b.ins().trap(unreachable_trap());
        self.b.switch_to_block(ok);
        Ok(())
    }

    /// The size of a value of `t` in memory.
    fn size_of(&self, t: TypeId) -> i64 {
        self.st.sizes.sizeof(t)
    }

    /// The element type of the pointer value `v`.
    fn pointee_of(&self, v: Value) -> Result<TypeId, CodegenError> {
        let tab = table();
        let t = self.f.value_type(v);
        match tab.get(tab.underlying(t)) {
            GoType::Pointer(e) => Ok(*e),
            _ => Err(cerr(self.f, format!("{v} is not a pointer"))),
        }
    }

    /// `memmove(dst, src, n)` of a constant or variable byte count.
    fn memmove(&mut self, dst: ClValue, src: ClValue, n: ClValue) {
        let config = self.st.module.target_config();
        self.b.call_memmove(config, dst, src, n);
    }

    /// Zeroes `size` bytes at `p` (aligned to `align`).
    fn memzero(&mut self, p: ClValue, size: i64, align: u8) {
        if size <= 0 {
            return;
        }
        let config = self.st.module.target_config();
        if size <= 256 {
            self.b.emit_small_memset(config, p, 0, size as u64, align.max(1), MemFlagsData::trusted());
        } else {
            let zero = self.b.ins().iconst(types::I8, 0);
            let n = self.b.ins().iconst(types::I64, size);
            self.b.call_memset(config, p, zero, n);
        }
    }

    /// The address of the type descriptor of `t`.
    fn type_desc(&mut self, t: TypeId) -> Result<ClValue, CodegenError> {
        let id = crate::typedesc::type_desc(self.st, t)?;
        let gv = self.st.module.declare_data_in_func(id, self.b.func);
        Ok(self.b.ins().symbol_value(types::I64, gv))
    }

    fn inst(&mut self, inst: goxide_ir::ir::Inst) -> Result<(), CodegenError> {
        let data = self.f.inst(inst);
        let results = data.results.clone();
        let result1 = results.first().copied();
        let res = || result1.ok_or_else(|| cerr(self.f, "an instruction without its result"));
        match &data.kind {
            InstKind::Const(c) => {
                let r = res()?;
                let rt = self.f.value_type(r);
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
                    Const::Float(bits) => vec![self.float_const(rt, f64::from_bits(*bits))?],
                    Const::Complex(re, im) => {
                        let ft = flatten(rt)?;
                        let mk = |b: &mut FunctionBuilder, t: Type, x: f64| if t == types::F32 { b.ins().f32const(x as f32) } else { b.ins().f64const(x) };
                        vec![mk(&mut self.b, ft[0], f64::from_bits(*re)), mk(&mut self.b, ft[1], f64::from_bits(*im))]
                    }
                    Const::Zero => {
                        let mut v = Vec::new();
                        for t in flatten(rt)? {
                            v.push(self.zero_of(t));
                        }
                        v
                    }
                };
                self.set(r, v);
            }
            InstKind::Unary { op, arg } => {
                let r = res()?;
                let xs = self.get(*arg)?;
                let float = matches!(repr_of(self.f.value_type(*arg)), Some(Repr::Float { .. } | Repr::Complex { .. }));
                let mut v = Vec::new();
                for x in xs {
                    v.push(match op {
                        UnaryOp::Neg if float => self.b.ins().fneg(x),
                        UnaryOp::Neg => self.b.ins().ineg(x),
                        UnaryOp::Not => self.b.ins().bxor_imm_u(x, 1),
                        UnaryOp::Complement => self.b.ins().bnot(x),
                    });
                }
                self.set(r, v);
            }
            InstKind::Binary { op, lhs, rhs } => {
                let r = res()?;
                let v = match repr_of(self.f.value_type(*lhs)) {
                    Some(Repr::Bool) => {
                        let (x, y) = (self.get1(*lhs)?, self.get1(*rhs)?);
                        vec![match op {
                            BinaryOp::And => self.b.ins().band(x, y),
                            BinaryOp::Or => self.b.ins().bor(x, y),
                            BinaryOp::Xor => self.b.ins().bxor(x, y),
                            _ => return Err(cerr(self.f, "an arithmetic operator on bools")),
                        }]
                    }
                    Some(Repr::Float { .. }) => {
                        let (x, y) = (self.get1(*lhs)?, self.get1(*rhs)?);
                        vec![self.float_binary(*op, x, y)?]
                    }
                    Some(Repr::Complex { .. }) => self.complex_binary(*op, *lhs, *rhs)?,
                    _ => vec![self.binary(*op, *lhs, *rhs)?],
                };
                self.set(r, v);
            }
            InstKind::Compare { op, lhs, rhs } => {
                let r = res()?;
                let v = self.compare(*op, *lhs, *rhs)?;
                self.set(r, vec![v]);
            }
            InstKind::Convert { arg } => {
                let r = res()?;
                let v = self.convert(*arg, r)?;
                self.set(r, v);
            }
            InstKind::StringLen { arg } => {
                let r = res()?;
                let s = self.get(*arg)?;
                let len = *s.get(1).ok_or_else(|| cerr(self.f, "len of a non-string"))?;
                self.set(r, vec![len]);
            }
            InstKind::Extract { arg, n } => {
                let r = res()?;
                let parts = self.get(*arg)?;
                let x = *parts.get(*n).ok_or_else(|| cerr(self.f, "extract of a missing part"))?;
                self.set(r, vec![x]);
            }
            InstKind::Compose { parts } => {
                let r = res()?;
                let mut v = Vec::new();
                for &p in parts {
                    v.push(self.get1(p)?);
                }
                self.set(r, v);
            }
            InstKind::Call { callee, args } => {
                let id = *self.st.funcs.get(callee.index()).ok_or_else(|| cerr(self.f, "call of a missing function"))?;
                let fref = self.st.module.declare_func_in_func(id, self.b.func);
                let mut all = vec![self.g];
                for &a in args {
                    all.extend(self.get(a)?);
                }
                let outs = self.emit_call(fref, &all);
                self.set_results(&results, &outs)?;
                let _ = self.pkg;
            }
            InstKind::CallIndirect { code, args } => {
                let code = self.get1(*code)?;
                let arg_types: Vec<TypeId> = args.iter().map(|&a| self.f.value_type(a)).collect();
                let res_types: Vec<TypeId> = results.iter().map(|&r| self.f.value_type(r)).collect();
                let sig = crate::abi::go_signature(&arg_types, &res_types)?;
                let sref = self.b.import_signature(sig);
                let mut all = vec![self.g];
                for &a in args {
                    all.extend(self.get(a)?);
                }
                let outs = self.emit_call_indirect(sref, code, &all);
                self.set_results(&results, &outs)?;
            }
            InstKind::RuntimeCall { func, args } => {
                let arg_types: Vec<TypeId> = args.iter().map(|&a| self.f.value_type(a)).collect();
                let res_types: Vec<TypeId> = results.iter().map(|&r| self.f.value_type(r)).collect();
                let sig = crate::abi::runtime_signature(self.st.module.isa().default_call_conv(), &arg_types, &res_types)?;
                let mut all = Vec::new();
                for &a in args {
                    all.extend(self.get(a)?);
                }
                let outs = self.call_runtime(RuntimeEntry::Ir(*func), Some(sig), &all)?;
                self.set_results(&results, &outs)?;
            }
            InstKind::FuncAddr { func } => {
                let r = res()?;
                let id = *self.st.funcs.get(func.index()).ok_or_else(|| cerr(self.f, "missing function"))?;
                let fref = self.st.module.declare_func_in_func(id, self.b.func);
                let v = self.b.ins().func_addr(types::I64, fref);
                self.set(r, vec![v]);
            }
            InstKind::StaticClosure { func } => {
                let r = res()?;
                let id = self.st.static_closure(func.index())?;
                let gv = self.st.module.declare_data_in_func(id, self.b.func);
                let v = self.b.ins().symbol_value(types::I64, gv);
                self.set(r, vec![v]);
            }
            InstKind::GlobalAddr { global } => {
                let r = res()?;
                let id = *self.st.globals.get(global.index()).ok_or_else(|| cerr(self.f, "missing global"))?;
                let gv = self.st.module.declare_data_in_func(id, self.b.func);
                let v = self.b.ins().symbol_value(types::I64, gv);
                self.set(r, vec![v]);
            }
            InstKind::TypeDesc { ty } => {
                let r = res()?;
                let v = self.type_desc(*ty)?;
                self.set(r, vec![v]);
            }
            InstKind::FramePointer => {
                let r = res()?;
                let v = self.b.ins().get_frame_pointer(types::I64);
                self.set(r, vec![v]);
            }
            InstKind::ItabAddr { itab } => {
                let r = res()?;
                let id = self.st.itab(self.pkg, *itab)?;
                let gv = self.st.module.declare_data_in_func(id, self.b.func);
                let v = self.b.ins().symbol_value(types::I64, gv);
                self.set(r, vec![v]);
            }
            InstKind::Alloca { ty } => {
                let r = res()?;
                let size = self.size_of(*ty).max(0) as u32;
                let align = self.st.sizes.alignof(*ty).clamp(1, 16) as u8;
                let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size.max(1), align.trailing_zeros() as u8));
                let p = self.b.ins().stack_addr(types::I64, slot, 0);
                self.memzero(p, size as i64, align);
                self.set(r, vec![p]);
            }
            InstKind::New { ty } => {
                let r = res()?;
                let nbytes = self.size_of(*ty).max(0);
                let size = self.b.ins().iconst(types::I64, nbytes);
                let desc = self.type_desc(*ty)?;
                let one = self.b.ins().iconst(types::I8, 1);
                let sig = {
                    let mut s = cranelift_codegen::ir::Signature::new(self.st.module.isa().default_call_conv());
                    s.params.extend([AbiParam::new(types::I64), AbiParam::new(types::I64), AbiParam::new(types::I64), AbiParam::new(types::I8).uext()]);
                    s.returns.push(AbiParam::new(types::I64));
                    s
                };
                let p = self.call_runtime(RuntimeEntry::Ir(RuntimeFunc::Mallocgc), Some(sig), &[size, desc, one])?;
                let p = *p.first().ok_or_else(|| cerr(self.f, "mallocgc has no result"))?;
                self.set(r, vec![p]);
            }
            InstKind::Zero { addr } => {
                let p = self.get1(*addr)?;
                let t = self.pointee_of(*addr)?;
                let align = self.st.sizes.alignof(t).clamp(1, 16) as u8;
                self.memzero(p, self.size_of(t), align);
            }
            InstKind::Copy { dst, src } => {
                let (d, s) = (self.get1(*dst)?, self.get1(*src)?);
                let t = self.pointee_of(*dst)?;
                let size = self.size_of(t);
                if size > 0 {
                    let align = self.st.sizes.alignof(t).clamp(1, 16) as u8;
                    let config = self.st.module.target_config();
                    if size <= 128 {
                        // Exact overlap (`a = a`) is the only overlap
                        // possible between two values of one type.
                        self.b.emit_small_memory_copy(config, d, s, size as u64, align, align, false, MemFlagsData::trusted());
                    } else {
                        let n = self.b.ins().iconst(types::I64, size);
                        self.memmove(d, s, n);
                    }
                }
            }
            InstKind::CopyElems { dst, src, count } => {
                let (d, s) = (self.get1(*dst)?, self.get1(*src)?);
                let t = self.pointee_of(*dst)?;
                let n = self.index_i64(*count)?;
                let esize = self.size_of(t);
                let bytes = self.b.ins().imul_imm_s(n, esize);
                self.memmove(d, s, bytes);
            }
            InstKind::ZeroElems { base, count } => {
                let p = self.get1(*base)?;
                let t = self.pointee_of(*base)?;
                let n = self.index_i64(*count)?;
                let esize = self.size_of(t);
                let bytes = self.b.ins().imul_imm_s(n, esize);
                let zero = self.b.ins().iconst(types::I8, 0);
                let config = self.st.module.target_config();
                self.b.call_memset(config, p, zero, bytes);
            }
            InstKind::FieldAddr { base, field } => {
                let r = res()?;
                let p = self.get1(*base)?;
                let st_t = self.pointee_of(*base)?;
                let tab = table();
                let GoType::Struct(fields) = tab.get(tab.underlying(st_t)).clone() else { return Err(cerr(self.f, "field of a non-struct")) };
                let off = *self.st.sizes.offsetsof(&fields).get(*field).ok_or_else(|| cerr(self.f, "missing field"))?;
                let v = if off == 0 { p } else { self.b.ins().iadd_imm_s(p, off) };
                self.set(r, vec![v]);
            }
            InstKind::ElemAddr { base, index } => {
                let r = res()?;
                let p = self.get1(*base)?;
                let elem = self.pointee_of(r)?;
                let i = self.index_i64(*index)?;
                let size = self.size_of(elem);
                let off = self.b.ins().imul_imm_s(i, size);
                let v = self.b.ins().iadd(p, off);
                self.set(r, vec![v]);
            }
            InstKind::NilCheck { ptr } => {
                let p = self.get1(*ptr)?;
                let is_nil = self.b.ins().icmp_imm_s(IntCC::Equal, p, 0);
                let sig = crate::abi::runtime_signature(self.st.module.isa().default_call_conv(), &[], &[])?;
                self.check(is_nil, RuntimeEntry::Ir(RuntimeFunc::Panicmem), Some(sig), &[])?;
            }
            InstKind::NilCheckField { ptr, field } => {
                let p = self.get1(*ptr)?;
                let st_t = self.pointee_of(*ptr)?;
                let tab = table();
                let off = match tab.get(tab.underlying(st_t)).clone() {
                    GoType::Struct(fields) => self.st.sizes.offsetsof(&fields).get(*field).copied().unwrap_or(0),
                    _ => 0,
                };
                let is_nil = self.b.ins().icmp_imm_s(IntCC::Equal, p, 0);
                let addr = self.b.ins().iconst(types::I64, off);
                let uintptr = table().basic(BasicKind::Uintptr);
                let sig = crate::abi::runtime_signature(self.st.module.isa().default_call_conv(), &[uintptr], &[])?;
                self.check(is_nil, RuntimeEntry::Ir(RuntimeFunc::PanicmemAddr), Some(sig), &[addr])?;
            }
            InstKind::BoundsCheck { kind, index, len } => {
                let i = self.index_i64(*index)?;
                let n = self.index_i64(*len)?;
                let cc = if kind.inclusive() { IntCC::UnsignedGreaterThan } else { IntCC::UnsignedGreaterThanOrEqual };
                let failed = self.b.ins().icmp(cc, i, n);
                let unsigned_index = matches!(repr_of(self.f.value_type(*index)), Some(Repr::Int { signed: false, .. }));
                let func = if unsigned_index { kind.panic_func_unsigned() } else { kind.panic_func() };
                let int = table().basic(BasicKind::Int);
                let sig = crate::abi::runtime_signature(self.st.module.isa().default_call_conv(), &[int, int], &[])?;
                self.check(failed, RuntimeEntry::Ir(func), Some(sig), &[i, n])?;
            }
            InstKind::Load { addr } => {
                let r = res()?;
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

    /// Assigns a call's flattened results to the instruction's values.
    fn set_results(&mut self, results: &[Value], outs: &[ClValue]) -> Result<(), CodegenError> {
        let mut next = 0;
        for &r in results {
            let n = flatten(self.f.value_type(r))?.len();
            let Some(slice) = outs.get(next..next + n) else { return Err(cerr(self.f, "call results do not match")) };
            self.set(r, slice.to_vec());
            next += n;
        }
        Ok(())
    }

    /// An integer value as I64, extended by its signedness.
    fn index_i64(&mut self, v: Value) -> Result<ClValue, CodegenError> {
        let (bits, signed) = self.int_repr(v)?;
        let x = self.get1(v)?;
        Ok(if bits < 64 {
            if signed { self.b.ins().sextend(types::I64, x) } else { self.b.ins().uextend(types::I64, x) }
        } else {
            x
        })
    }

    fn zero_of(&mut self, t: Type) -> ClValue {
        if t == types::F32 {
            self.b.ins().f32const(0.0)
        } else if t == types::F64 {
            self.b.ins().f64const(0.0)
        } else {
            self.b.ins().iconst(t, 0)
        }
    }

    fn float_const(&mut self, t: TypeId, x: f64) -> Result<ClValue, CodegenError> {
        Ok(match repr_of(t) {
            Some(Repr::Float { bits: 32 }) => self.b.ins().f32const(x as f32),
            _ => self.b.ins().f64const(x),
        })
    }

    fn float_binary(&mut self, op: BinaryOp, x: ClValue, y: ClValue) -> Result<ClValue, CodegenError> {
        Ok(match op {
            BinaryOp::Add => self.b.ins().fadd(x, y),
            BinaryOp::Sub => self.b.ins().fsub(x, y),
            BinaryOp::Mul => self.b.ins().fmul(x, y),
            BinaryOp::Div => self.b.ins().fdiv(x, y),
            BinaryOp::Min => self.b.ins().fmin(x, y),
            BinaryOp::Max => self.b.ins().fmax(x, y),
            _ => return Err(cerr(self.f, "an integer operator on floats")),
        })
    }

    /// Complex `+`, `-`, `*` (gc's expansion; `/` is the builder's to
    /// reject until the runtime's `complex128div` exists).
    fn complex_binary(&mut self, op: BinaryOp, lhs: Value, rhs: Value) -> Result<Vec<ClValue>, CodegenError> {
        let x = self.get(lhs)?;
        let y = self.get(rhs)?;
        let (a, b, c, d) = (x[0], x[1], y[0], y[1]);
        Ok(match op {
            BinaryOp::Add => vec![self.b.ins().fadd(a, c), self.b.ins().fadd(b, d)],
            BinaryOp::Sub => vec![self.b.ins().fsub(a, c), self.b.ins().fsub(b, d)],
            BinaryOp::Mul => {
                let ac = self.b.ins().fmul(a, c);
                let bd = self.b.ins().fmul(b, d);
                let ad = self.b.ins().fmul(a, d);
                let bc = self.b.ins().fmul(b, c);
                vec![self.b.ins().fsub(ac, bd), self.b.ins().fadd(ad, bc)]
            }
            _ => return Err(cerr(self.f, "complex division is not supported yet")),
        })
    }

    fn compare(&mut self, op: CompareOp, lhs: Value, rhs: Value) -> Result<ClValue, CodegenError> {
        let repr = repr_of(self.f.value_type(lhs));
        match repr {
            Some(Repr::Float { .. }) => {
                let cc = match op {
                    CompareOp::Eq => FloatCC::Equal,
                    CompareOp::Ne => FloatCC::NotEqual,
                    CompareOp::Lt => FloatCC::LessThan,
                    CompareOp::Le => FloatCC::LessThanOrEqual,
                    CompareOp::Gt => FloatCC::GreaterThan,
                    CompareOp::Ge => FloatCC::GreaterThanOrEqual,
                };
                let (x, y) = (self.get1(lhs)?, self.get1(rhs)?);
                return Ok(self.b.ins().fcmp(cc, x, y));
            }
            Some(Repr::Complex { .. }) => {
                let (x, y) = (self.get(lhs)?, self.get(rhs)?);
                let re = self.b.ins().fcmp(FloatCC::Equal, x[0], y[0]);
                let im = self.b.ins().fcmp(FloatCC::Equal, x[1], y[1]);
                let eq = self.b.ins().band(re, im);
                return Ok(if op == CompareOp::Ne { self.b.ins().bxor_imm_u(eq, 1) } else { eq });
            }
            _ => {}
        }
        let string = repr == Some(Repr::String);
        let signed = match repr {
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
        Ok(if string {
            let mut args = self.get(lhs)?;
            args.extend(self.get(rhs)?);
            let c = *self.call_runtime(RuntimeEntry::CmpString, None, &args)?.first().ok_or_else(|| cerr(self.f, "cmpstring has no result"))?;
            self.b.ins().icmp_imm_s(cc, c, 0)
        } else {
            let (x, y) = (self.get1(lhs)?, self.get1(rhs)?);
            self.b.ins().icmp(cc, x, y)
        })
    }

    /// A conversion (see `InstKind::Convert`). Float → integer follows
    /// gc per target: on amd64 `CVTTSD2SQ`'s "integer indefinite"
    /// (MinInt64) for NaN and out-of-range values, and values ≥ 2^63
    /// converted to uint64 by subtracting 2^63 first (gc's
    /// `float64ToUint64`); on arm64 the saturating `FCVTZS`/`FCVTZU`.
    /// Narrower integers convert through int64 (unsigned) or int32.
    fn convert(&mut self, arg: Value, r: Value) -> Result<Vec<ClValue>, CodegenError> {
        let from = repr_of(self.f.value_type(arg));
        let to = repr_of(self.f.value_type(r));
        let x = self.get(arg)?;
        Ok(match (from, to) {
            (Some(Repr::Int { bits: fb, signed }), Some(Repr::Int { bits: tb, .. })) => {
                let x = x[0];
                vec![if tb > fb {
                    if signed { self.b.ins().sextend(int_type(tb), x) } else { self.b.ins().uextend(int_type(tb), x) }
                } else if tb < fb {
                    self.b.ins().ireduce(int_type(tb), x)
                } else {
                    x
                }]
            }
            (Some(Repr::Int { bits, signed }), Some(Repr::Float { bits: fb })) => {
                let ft = if fb == 32 { types::F32 } else { types::F64 };
                let x = if bits < 64 {
                    if signed { self.b.ins().sextend(types::I64, x[0]) } else { self.b.ins().uextend(types::I64, x[0]) }
                } else {
                    x[0]
                };
                vec![if signed { self.b.ins().fcvt_from_sint(ft, x) } else { self.b.ins().fcvt_from_uint(ft, x) }]
            }
            (Some(Repr::Float { bits: fb }), Some(Repr::Int { bits, signed })) => {
                let v = if fb == 32 { self.b.ins().fpromote(types::F64, x[0]) } else { x[0] };
                vec![self.float_to_int(v, bits, signed)]
            }
            (Some(Repr::Float { bits: a }), Some(Repr::Float { bits: b })) => vec![match (a, b) {
                (32, 64) => self.b.ins().fpromote(types::F64, x[0]),
                (64, 32) => self.b.ins().fdemote(types::F32, x[0]),
                _ => x[0],
            }],
            (Some(Repr::Complex { bits: a }), Some(Repr::Complex { bits: b })) => match (a, b) {
                (64, 128) => vec![self.b.ins().fpromote(types::F64, x[0]), self.b.ins().fpromote(types::F64, x[1])],
                (128, 64) => vec![self.b.ins().fdemote(types::F32, x[0]), self.b.ins().fdemote(types::F32, x[1])],
                _ => x,
            },
            (Some(Repr::Pointer), Some(Repr::Int { bits: 64, .. })) | (Some(Repr::Int { bits: 64, .. }), Some(Repr::Pointer)) => x,
            (a, b) if a.is_some() && a == b => x,
            _ => return Err(cerr(self.f, "unsupported conversion")),
        })
    }

    /// float64 `v` → an integer of `bits`, as gc's code on the target.
    fn float_to_int(&mut self, v: ClValue, bits: u8, signed: bool) -> ClValue {
        let amd64 = self.st.module.isa().name() == "x64";
        let to = int_type(bits);
        if !amd64 {
            // arm64: FCVTZS/FCVTZU saturate (NaN → 0) at 64 or 32 bits.
            let w = if bits == 64 { types::I64 } else { types::I32 };
            let r = if signed { self.b.ins().fcvt_to_sint_sat(w, v) } else { self.b.ins().fcvt_to_uint_sat(w, v) };
            return if bits < 32 { self.b.ins().ireduce(to, r) } else { r };
        }
        // amd64: int8/16/32 and uint8/16 through CVTTSD2SL (32-bit),
        // int64 and uint32 through CVTTSD2SQ, then truncated.
        if bits < 32 || (signed && bits == 32) {
            let r = self.x86_cvtt(v, types::I32, 2f64.powi(31));
            return if bits < 32 { self.b.ins().ireduce(to, r) } else { r };
        }
        if signed || bits < 64 {
            let r = self.x86_cvtt(v, types::I64, 2f64.powi(63));
            return if bits < 64 { self.b.ins().ireduce(to, r) } else { r };
        }
        // float64 → uint64 (gc's float64ToUint64): x < 2^63 ? cvt(x) :
        // cvt(x - 2^63) | 1<<63 (NaN takes the second way).
        let two63 = self.b.ins().f64const(2f64.powi(63));
        let small = self.b.ins().fcmp(FloatCC::LessThan, v, two63);
        let lo = self.x86_cvtt(v, types::I64, 2f64.powi(63));
        let shifted = self.b.ins().fsub(v, two63);
        let hi = self.x86_cvtt(shifted, types::I64, 2f64.powi(63));
        let hi = self.b.ins().bor_imm_s(hi, i64::MIN);
        self.b.ins().select(small, lo, hi)
    }

    /// x86's truncating conversion to `w`: MinInt of `w` for NaN and for
    /// values outside (-limit, limit).
    fn x86_cvtt(&mut self, v: ClValue, w: Type, limit: f64) -> ClValue {
        let sat = self.b.ins().fcvt_to_sint_sat(w, v);
        let lo = self.b.ins().f64const(-limit);
        let hi = self.b.ins().f64const(limit);
        let ge = self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, v, lo);
        let lt = self.b.ins().fcmp(FloatCC::LessThan, v, hi);
        let ok = self.b.ins().band(ge, lt);
        let min = self.b.ins().iconst(w, if w == types::I32 { i32::MIN as i64 } else { i64::MIN });
        self.b.ins().select(ok, sat, min)
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
            BinaryOp::Min | BinaryOp::Max => return Err(cerr(self.f, "min/max of integers reach codegen as branches")),
            BinaryOp::Div | BinaryOp::Rem => {
                let zero = self.b.ins().icmp_imm_s(IntCC::Equal, y, 0);
                self.check(zero, RuntimeEntry::PanicDivide, None, &[])?;
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
                    self.check(negative, RuntimeEntry::PanicShift, None, &[])?;
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
