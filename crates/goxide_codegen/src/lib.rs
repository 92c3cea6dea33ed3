//! goxide_codegen: goxide IR → Cranelift → an ELF relocatable object
//! (gc's `ssagen` lowering and `obj`), following goxide_runtime's
//! contract (its crate doc): gc's symbol names, the `tail` convention
//! with `g` as the VMContext parameter for Go functions, the C ABI for
//! `goxide_rt_*` runtime calls (colocated: direct calls), non-PIC code,
//! frame pointers kept, a stack-limit check in every Go function's
//! prologue, and `goxide_go_main` (the program entry the runtime calls).
//!
//! How: [`compile_package`] sets up one `cranelift_object::ObjectModule`
//! for the target (`x86_64-unknown-linux-musl` or
//! `aarch64-unknown-linux-musl`), declares every function and package
//! variable (zero-initialised, writable data of gc's size and alignment),
//! translates each function ([`function`]), and, for a program, emits
//! `goxide_go_main(g)` calling the package's initialisers in order
//! (between `goxide_rt_lockOSThread(g)` and `goxide_rt_unlockOSThread(g)`,
//! as gc's `runtime.main` locks the main goroutine around them) and then
//! `main.main`. String constants are read-only data, one per distinct
//! byte string.
//!
//! The IR's Go semantics are lowered here: division and remainder check
//! for a zero divisor (calling `goxide_rt_panicdivide`) and give
//! `MinInt / -1 == MinInt`, `x % -1 == 0` without trapping; shifts check
//! for negative signed counts (`goxide_rt_panicshift`) and give Go's
//! result for counts of the width or more.
//!
//! Invariants: the object is produced or a [`CodegenError`] says why;
//! never a panic on any verified IR. Knows the IR and types (for layout),
//! not flags or paths.

mod abi;
mod function;
mod typedesc;

use std::collections::HashMap;
use std::fmt;

use cranelift_codegen::ir::{types, AbiParam, Signature, UserFuncName};
use cranelift_codegen::isa::{self, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{default_libcall_names, DataDescription, DataId, FuncId, Linkage, Module};
use cranelift_object::{ObjectBuilder, ObjectModule};
use goxide_ir::ir::Package;
use goxide_types::sizes::Sizes;

pub use abi::{flatten, go_signature, RuntimeEntry};

/// Why an object could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodegenError(pub String);

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "codegen: {}", self.0)
    }
}

impl std::error::Error for CodegenError {}

fn err(e: impl fmt::Display) -> CodegenError {
    CodegenError(e.to_string())
}

/// What to compile for.
#[derive(Debug, Clone)]
pub struct Target {
    /// The musl target triple (`x86_64-unknown-linux-musl`, ...).
    pub triple: String,
    /// gc's sizes for the target's GOARCH.
    pub sizes: Sizes,
}

impl Target {
    /// The target of a GOARCH goxide builds for (`amd64`, `arm64`).
    pub fn for_goarch(goarch: &str) -> Option<Target> {
        let triple = match goarch {
            "amd64" => "x86_64-unknown-linux-musl",
            "arm64" => "aarch64-unknown-linux-musl",
            _ => return None,
        };
        Some(Target { triple: triple.into(), sizes: Sizes::for_arch(goarch)? })
    }
}

/// Cranelift's ISA for `triple` with the contract's flags.
fn isa_for(triple: &str) -> Result<OwnedTargetIsa, CodegenError> {
    let mut flags = settings::builder();
    for (k, v) in [("is_pic", "false"), ("preserve_frame_pointers", "true"), ("enable_probestack", "false"), ("opt_level", "speed")] {
        flags.set(k, v).map_err(err)?;
    }
    isa::lookup_by_name(triple).map_err(err)?.finish(settings::Flags::new(flags)).map_err(err)
}

/// The state shared by the functions of one object.
pub(crate) struct ObjectState {
    pub module: ObjectModule,
    pub sizes: Sizes,
    pub funcs: Vec<FuncId>,
    pub globals: Vec<DataId>,
    pub runtime: HashMap<RuntimeEntry, FuncId>,
    pub strings: HashMap<Vec<u8>, DataId>,
    /// Type descriptors by type string (see [`typedesc`]).
    pub type_descs: HashMap<String, DataId>,
    /// Static closures (`pkg.F·f`) by function.
    pub static_closures: HashMap<usize, DataId>,
    /// The package's itabs, by index into `Package::itabs`.
    pub itabs: HashMap<usize, DataId>,
    /// `tail`-convention stubs of runtime entries, by entry, for calls
    /// from functions with landing blocks; made at the end.
    pub stubs: HashMap<RuntimeEntry, (FuncId, FuncId)>,
    /// The call sites with a landing block: (function, return offset,
    /// landing offset, frame offset), for the unwind table.
    pub unwind_sites: Vec<(FuncId, u32, u32, u32)>,
    /// The package's method tables by type string (see [`typedesc`]).
    pub method_tables: HashMap<String, goxide_ir::ir::MethodTable>,
    /// 32-bit offsets from a data object to a symbol, written at the
    /// given offset of the object (`TypeOff`, `TextOff`).
    pub relative_relocs: Vec<(DataId, u32, RelTarget)>,
}

/// What a relative relocation points to.
#[derive(Clone, Copy, Debug)]
pub(crate) enum RelTarget {
    Data(DataId),
    Func(FuncId),
}

impl ObjectState {
    /// The runtime entry `e`, declared with `sig` when it is an IR entry
    /// (its signature comes from the call's values), else with its fixed
    /// signature.
    pub fn runtime_func(&mut self, e: RuntimeEntry, sig: Option<Signature>) -> Result<FuncId, CodegenError> {
        if let Some(&id) = self.runtime.get(&e) {
            return Ok(id);
        }
        let cc = self.module.isa().default_call_conv();
        let Some(sig) = sig.or_else(|| e.fixed_signature(cc)) else {
            return Err(CodegenError(format!("no signature for {}", e.symbol())));
        };
        let id = self.module.declare_function(&e.symbol(), Linkage::Import, &sig).map_err(err)?;
        self.runtime.insert(e, id);
        Ok(id)
    }

    /// The itab `i` of `pkg` (internal/abi `ITab`: `Inter`, `Type`,
    /// `Hash`, then one code pointer per interface method).
    pub fn itab(&mut self, pkg: &Package, i: usize) -> Result<DataId, CodegenError> {
        if let Some(&id) = self.itabs.get(&i) {
            return Ok(id);
        }
        let Some(it) = pkg.itabs.get(i) else { return Err(CodegenError(format!("no itab {i}"))) };
        let id = self.module.declare_anonymous_data(false, false).map_err(err)?;
        self.itabs.insert(i, id);
        let inter = typedesc::type_desc(self, it.iface)?;
        let typ = typedesc::type_desc(self, it.ty)?;
        let mut bytes = vec![0u8; 24 + 8 * it.funcs.len()];
        let hash = typedesc::type_hash(it.ty);
        bytes[16..20].copy_from_slice(&hash.to_le_bytes());
        let mut desc = DataDescription::new();
        desc.set_align(8);
        let gi = self.module.declare_data_in_data(inter, &mut desc);
        desc.write_data_addr(0, gi, 0);
        let gt = self.module.declare_data_in_data(typ, &mut desc);
        desc.write_data_addr(8, gt, 0);
        for (k, f) in it.funcs.iter().enumerate() {
            let Some(&fid) = self.funcs.get(f.index()) else { return Err(CodegenError(format!("itab of a missing function {f}"))) };
            let fref = self.module.declare_func_in_data(fid, &mut desc);
            desc.write_function_addr(24 + 8 * k as u32, fref);
        }
        desc.define(bytes.into_boxed_slice());
        self.module.define_data(id, &desc).map_err(err)?;
        Ok(id)
    }

    /// The `tail`-convention stub of runtime entry `e` (declared as `id`):
    /// a try-call to a C function could not be unwound through, so calls
    /// from functions with landing blocks go through it.
    pub fn tail_stub(&mut self, e: RuntimeEntry, id: FuncId) -> Result<FuncId, CodegenError> {
        if let Some(&(stub, _)) = self.stubs.get(&e) {
            return Ok(stub);
        }
        let csig = self.module.declarations().get_function_decl(id).signature.clone();
        let mut sig = Signature::new(cranelift_codegen::isa::CallConv::Tail);
        sig.params.push(AbiParam::special(types::I64, cranelift_codegen::ir::ArgumentPurpose::VMContext));
        sig.params.extend(csig.params.iter().skip(1).map(|p| AbiParam::new(p.value_type)));
        sig.returns.extend(csig.returns.iter().map(|r| AbiParam::new(r.value_type)));
        let stub = self.module.declare_function(&format!("goxide.stub.{}", e.symbol()), Linkage::Local, &sig).map_err(err)?;
        self.stubs.insert(e, (stub, id));
        Ok(stub)
    }

    /// The read-only closure object of function `f` (its code pointer).
    pub fn static_closure(&mut self, f: usize) -> Result<DataId, CodegenError> {
        if let Some(&id) = self.static_closures.get(&f) {
            return Ok(id);
        }
        let Some(&fid) = self.funcs.get(f) else { return Err(CodegenError(format!("no function {f}"))) };
        let id = self.module.declare_anonymous_data(false, false).map_err(err)?;
        let mut desc = DataDescription::new();
        // Not zero-initialised: .bss would drop the relocation.
        desc.define(vec![0u8; 8].into_boxed_slice());
        desc.set_align(8);
        let fref = self.module.declare_func_in_data(fid, &mut desc);
        desc.write_function_addr(0, fref);
        self.module.define_data(id, &desc).map_err(err)?;
        self.static_closures.insert(f, id);
        Ok(id)
    }

    pub fn string_data(&mut self, bytes: &[u8]) -> Result<DataId, CodegenError> {
        if let Some(&id) = self.strings.get(bytes) {
            return Ok(id);
        }
        let id = self.module.declare_anonymous_data(false, false).map_err(err)?;
        let mut desc = DataDescription::new();
        desc.define(bytes.to_vec().into_boxed_slice());
        self.module.define_data(id, &desc).map_err(err)?;
        self.strings.insert(bytes.to_vec(), id);
        Ok(id)
    }
}

/// Compiles `pkg` into an ELF object for `target`. With `program_entry`,
/// the object also defines `goxide_go_main`, which runs the package's
/// initialisers and then `main.main` (`pkg.main` must be set).
pub fn compile_package(pkg: &Package, target: &Target, program_entry: bool) -> Result<Vec<u8>, CodegenError> {
    let isa = isa_for(&target.triple)?;
    let builder = ObjectBuilder::new(isa, pkg.path.as_bytes().to_vec(), default_libcall_names()).map_err(err)?;
    let mut st = ObjectState {
        module: ObjectModule::new(builder),
        sizes: target.sizes.clone(),
        funcs: Vec::new(),
        globals: Vec::new(),
        runtime: HashMap::new(),
        strings: HashMap::new(),
        type_descs: HashMap::new(),
        static_closures: HashMap::new(),
        itabs: HashMap::new(),
        stubs: HashMap::new(),
        unwind_sites: Vec::new(),
        method_tables: pkg.method_tables.iter().map(|m| (typedesc::canonical(m.ty), m.clone())).collect(),
        relative_relocs: Vec::new(),
    };

    for f in &pkg.funcs {
        let sig = go_signature(&f.params, &f.results)?;
        let id = st.module.declare_function(&f.name, Linkage::Export, &sig).map_err(err)?;
        st.funcs.push(id);
    }
    for g in &pkg.globals {
        let id = st.module.declare_data(&g.name, Linkage::Export, true, false).map_err(err)?;
        let size = target.sizes.sizeof(g.ty).max(1) as usize;
        let align = target.sizes.alignof(g.ty).max(1) as u64;
        let mut desc = DataDescription::new();
        desc.define_zeroinit(size);
        desc.set_align(align);
        st.module.define_data(id, &desc).map_err(err)?;
        st.globals.push(id);
    }

    let mut ctx = st.module.make_context();
    let mut fctx = FunctionBuilderContext::new();
    for (i, f) in pkg.funcs.iter().enumerate() {
        ctx.func.signature = go_signature(&f.params, &f.results)?;
        ctx.func.name = UserFuncName::user(0, st.funcs[i].as_u32());
        function::translate(&mut st, pkg, f, &mut ctx.func, &mut fctx)?;
        st.module.define_function(st.funcs[i], &mut ctx).map_err(|e| CodegenError(format!("{}: {e:?}", f.name)))?;
        if f.landing.is_some() {
            let fid = st.funcs[i];
            record_unwind_sites(&mut st, fid, &ctx);
        }
        st.module.clear_context(&mut ctx);
    }
    emit_stubs(&mut st, &mut ctx, &mut fctx)?;

    if program_entry {
        let Some(main) = pkg.main else { return Err(CodegenError("function main is undeclared in the main package".into())) };
        emit_entry(&mut st, pkg, main, &mut ctx, &mut fctx)?;
    }
    let relocs = std::mem::take(&mut st.relative_relocs);
    let mut product = st.module.finish();
    add_relative_relocs(&mut product, &relocs)?;
    product.emit().map_err(err)
}

/// Adds the relative relocations Cranelift's data descriptions cannot
/// express: at `data + off`, the 32-bit value `target - data` (a
/// PC-relative relocation with addend `off`).
fn add_relative_relocs(product: &mut cranelift_object::ObjectProduct, relocs: &[(DataId, u32, RelTarget)]) -> Result<(), CodegenError> {
    use cranelift_object::object::write::{Relocation, SymbolSection};
    use cranelift_object::object::{RelocationEncoding, RelocationFlags, RelocationKind};
    for &(data, off, target) in relocs {
        let dsym = product.data_symbol(data);
        let (section, base) = match product.object.symbol(dsym) {
            s => match s.section {
                SymbolSection::Section(sec) => (sec, s.value),
                _ => return Err(CodegenError("a type descriptor outside a section".into())),
            },
        };
        let symbol = match target {
            RelTarget::Data(d) => product.data_symbol(d),
            RelTarget::Func(f) => product.function_symbol(f),
        };
        let flags = RelocationFlags::Generic { kind: RelocationKind::Relative, encoding: RelocationEncoding::Generic, size: 32 };
        product
            .object
            .add_relocation(section, Relocation { offset: base + off as u64, symbol, addend: off as i64, flags })
            .map_err(err)?;
    }
    Ok(())
}

/// Records the call sites of a just-compiled function that continue at a
/// landing block.
fn record_unwind_sites(st: &mut ObjectState, id: FuncId, ctx: &Context) {
    let Some(code) = ctx.compiled_code() else { return };
    for site in code.buffer.call_sites() {
        for h in site.exception_handlers {
            if let cranelift_codegen::FinalizedMachExceptionHandler::Default(off) = h {
                st.unwind_sites.push((id, site.ret_addr, *off, site.frame_offset.unwrap_or(0)));
            }
        }
    }
}

/// The stubs asked for by [`ObjectState::tail_stub`]: each calls its C
/// entry and returns its results.
fn emit_stubs(st: &mut ObjectState, ctx: &mut Context, fctx: &mut FunctionBuilderContext) -> Result<(), CodegenError> {
    use cranelift_codegen::ir::InstBuilder;
    let stubs: Vec<(FuncId, FuncId)> = st.stubs.values().copied().collect();
    for (stub, target) in stubs {
        let sig = st.module.declarations().get_function_decl(stub).signature.clone();
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, stub.as_u32());
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
            let block = b.create_block();
            b.append_block_params_for_function_params(block);
            b.switch_to_block(block);
            b.seal_block(block);
            let args = b.block_params(block).to_vec();
            let fref = st.module.declare_func_in_func(target, b.func);
            b.func.dfg.ext_funcs[fref].colocated = true;
            let call = b.ins().call(fref, &args);
            let rets = b.inst_results(call).to_vec();
            b.ins().return_(&rets);
            b.finalize(st.module.isa().frontend_config());
        }
        st.module.define_function(stub, ctx).map_err(|e| CodegenError(format!("stub: {e:?}")))?;
        st.module.clear_context(ctx);
    }
    Ok(())
}

/// `goxide_unwind_table` (runtime contract, "Panics"): a count, then one
/// entry per call site with a landing block: the function's address,
/// the call's return offset, the landing's offset and the frame offset
/// (FP − SP at the call), as u64, u32, u32, u32, u32.
fn emit_unwind_table(st: &mut ObjectState) -> Result<(), CodegenError> {
    let id = st.module.declare_data("goxide_unwind_table", Linkage::Export, false, false).map_err(err)?;
    let n = st.unwind_sites.len();
    let mut bytes = vec![0u8; 8 + 24 * n];
    bytes[0..8].copy_from_slice(&(n as u64).to_le_bytes());
    let mut desc = DataDescription::new();
    desc.set_align(8);
    for (k, &(f, ret, handler, frame)) in st.unwind_sites.iter().enumerate() {
        let at = 8 + 24 * k;
        bytes[at + 8..at + 12].copy_from_slice(&ret.to_le_bytes());
        bytes[at + 12..at + 16].copy_from_slice(&handler.to_le_bytes());
        bytes[at + 16..at + 20].copy_from_slice(&frame.to_le_bytes());
        let fref = st.module.declare_func_in_data(f, &mut desc);
        desc.write_function_addr(at as u32, fref);
    }
    desc.define(bytes.into_boxed_slice());
    st.module.define_data(id, &desc).map_err(err)?;
    Ok(())
}

/// Defines the exported C-ABI function `name` of `params` and `returns`
/// 64-bit words: one entry block, its parameters given to `body`, which
/// makes the body up to its return (the runtime's ways into Go code).
fn define_c_abi_function(
    st: &mut ObjectState,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
    name: &str,
    (params, returns): (usize, usize),
    body: impl FnOnce(&mut ObjectState, &mut FunctionBuilder, &[cranelift_codegen::ir::Value]) -> Result<(), CodegenError>,
) -> Result<(), CodegenError> {
    let frontend = st.module.isa().frontend_config();
    let mut sig = Signature::new(st.module.isa().default_call_conv());
    sig.params.extend((0..params).map(|_| AbiParam::new(types::I64)));
    sig.returns.extend((0..returns).map(|_| AbiParam::new(types::I64)));
    let id = st.module.declare_function(name, Linkage::Export, &sig).map_err(err)?;
    ctx.func.signature = sig;
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
        let block = b.create_block();
        b.append_block_params_for_function_params(block);
        b.switch_to_block(block);
        b.seal_block(block);
        let p = b.block_params(block).to_vec();
        body(st, &mut b, &p)?;
        b.finalize(frontend);
    }
    st.module.define_function(id, ctx).map_err(|e| CodegenError(format!("{name}: {e:?}")))?;
    st.module.clear_context(ctx);
    Ok(())
}

/// `goxide_go_main(g)` (C ABI): the initialisers in order, then main.
fn emit_entry(
    st: &mut ObjectState,
    pkg: &Package,
    main: goxide_ir::ir::FuncId,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    use cranelift_codegen::ir::InstBuilder;
    define_c_abi_function(st, ctx, fctx, "goxide_go_main", (1, 0), |st, b, p| {
        let g = p[0];
        let null = b.ins().iconst(types::I64, 0);
        // gc's runtime.main: the main goroutine is locked to its thread
        // while the initialisers run (goroutine headers say so).
        let mut rt_sig = Signature::new(st.module.isa().default_call_conv());
        rt_sig.params.push(AbiParam::new(types::I64));
        let lock = st.module.declare_function("goxide_rt_lockOSThread", Linkage::Import, &rt_sig).map_err(err)?;
        let unlock = st.module.declare_function("goxide_rt_unlockOSThread", Linkage::Import, &rt_sig).map_err(err)?;
        let lock = st.module.declare_func_in_func(lock, b.func);
        b.ins().call(lock, &[g]);
        for &f in &pkg.inits {
            let Some(&id) = st.funcs.get(f.index()) else { return Err(CodegenError(format!("no function {f}"))) };
            let callee = st.module.declare_func_in_func(id, b.func);
            b.ins().call(callee, &[g, null]);
        }
        let unlock = st.module.declare_func_in_func(unlock, b.func);
        b.ins().call(unlock, &[g]);
        let Some(&id) = st.funcs.get(main.index()) else { return Err(CodegenError(format!("no function {main}"))) };
        let callee = st.module.declare_func_in_func(id, b.func);
        b.ins().call(callee, &[g, null]);
        b.ins().return_(&[]);
        Ok(())
    })?;
    emit_call0(st, ctx, fctx)?;
    emit_call_string(st, ctx, fctx)?;
    if let Some((e, m)) = pkg.runtime_error {
        typedesc::runtime_error_type(st, e, m)?;
    }
    emit_unwind_table(st)
}

/// `goxide_go_call_string(g, code, data) -> string` (C ABI): calls a
/// method `func() string` through its code pointer with a data word as
/// receiver — how the runtime prints a panic value's `Error()` or
/// `String()` (gc's `printpanicval`).
fn emit_call_string(st: &mut ObjectState, ctx: &mut Context, fctx: &mut FunctionBuilderContext) -> Result<(), CodegenError> {
    use cranelift_codegen::ir::InstBuilder;
    define_c_abi_function(st, ctx, fctx, "goxide_go_call_string", (3, 2), |_, b, p| {
        let raw = goxide_ir::repr::raw_pointer();
        let string = goxide_types::types::table().basic(goxide_types::types::BasicKind::String);
        let sref = b.import_signature(go_signature(&[raw, raw], &[string])?);
        let null = b.ins().iconst(types::I64, 0);
        let call = b.ins().call_indirect(sref, p[1], &[p[0], null, p[2]]);
        let rets = b.inst_results(call).to_vec();
        b.ins().return_(&rets);
        Ok(())
    })
}

/// `goxide_go_call0(g, closure)` (C ABI): calls a `func()` value — the
/// runtime's way into Go code for goroutines and deferred calls (the
/// contract's "Runtime → Go").
fn emit_call0(st: &mut ObjectState, ctx: &mut Context, fctx: &mut FunctionBuilderContext) -> Result<(), CodegenError> {
    use cranelift_codegen::ir::{InstBuilder, MemFlagsData};
    define_c_abi_function(st, ctx, fctx, "goxide_go_call0", (2, 0), |_, b, p| {
        let (g, closure) = (p[0], p[1]);
        let code = b.ins().load(types::I64, MemFlagsData::trusted(), closure, 0);
        let sref = b.import_signature(go_signature(&[goxide_ir::repr::raw_pointer()], &[])?);
        b.ins().call_indirect(sref, code, &[g, closure]);
        b.ins().return_(&[]);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use goxide_ir::ir::{BinaryOp, Const, Function, Global, InstKind, RuntimeFunc};
    use goxide_types::types::{table, BasicKind};
    use object::{Object, ObjectSymbol};

    /// `var main.g int; func main.main() { println(7 / main.g) }` by hand.
    fn program() -> Package {
        let int = table().basic(BasicKind::Int);
        let int64 = table().basic(BasicKind::Int64);
        let mut f = Function::new("main.main".into(), vec![goxide_ir::repr::raw_pointer()], vec![], None);
        let e = Function::ENTRY;
        let r = |f: &Function, i: goxide_ir::ir::Inst| f.insts[i.index()].results[0];
        let ptr = goxide_ir::repr::pointer_to(int);
        let addr = f.append_inst(e, InstKind::GlobalAddr { global: goxide_ir::ir::GlobalId(0) }, &[ptr], None);
        let addr = r(&f, addr);
        let g = f.append_inst(e, InstKind::Load { addr }, &[int], None);
        let g = r(&f, g);
        let seven = f.append_inst(e, InstKind::Const(Const::Int(7)), &[int], None);
        let seven = r(&f, seven);
        let q = f.append_inst(e, InstKind::Binary { op: BinaryOp::Div, lhs: seven, rhs: g }, &[int], None);
        let q = r(&f, q);
        let q64 = f.append_inst(e, InstKind::Convert { arg: q }, &[int64], None);
        let q64 = r(&f, q64);
        f.append_inst(e, InstKind::RuntimeCall { func: RuntimeFunc::PrintInt, args: vec![q64] }, &[], None);
        f.append_inst(e, InstKind::Return { values: vec![] }, &[], None);
        Package {
            path: "main".into(),
            funcs: vec![f],
            globals: vec![Global { name: "main.g".into(), ty: int }],
            inits: vec![],
            main: Some(goxide_ir::ir::FuncId(0)),
            itabs: vec![],
            method_tables: vec![],
            runtime_error: None,
        }
    }

    #[test]
    fn objects_carry_gc_names_and_the_runtime_contract() {
        let pkg = program();
        goxide_ir::verify::verify_package(&pkg).unwrap();
        for goarch in ["amd64", "arm64"] {
            let target = Target::for_goarch(goarch).unwrap();
            let bytes = compile_package(&pkg, &target, true).unwrap();
            let obj = object::File::parse(&*bytes).unwrap();
            let defined: Vec<String> =
                obj.symbols().filter(|s| s.is_definition()).map(|s| s.name().unwrap_or("").to_string()).collect();
            let undefined: Vec<String> =
                obj.symbols().filter(|s| s.is_undefined()).map(|s| s.name().unwrap_or("").to_string()).collect();
            for want in ["main.main", "main.g", "goxide_go_main"] {
                assert!(defined.iter().any(|d| d == want), "{goarch}: {want} not defined in {defined:?}");
            }
            for want in ["goxide_rt_printint", "goxide_rt_panicdivide"] {
                assert!(undefined.iter().any(|d| d == want), "{goarch}: {want} not referenced in {undefined:?}");
            }
        }
    }

    #[test]
    fn a_program_without_main_is_an_error() {
        let mut pkg = program();
        pkg.main = None;
        let e = compile_package(&pkg, &Target::for_goarch("amd64").unwrap(), true).unwrap_err();
        assert!(e.to_string().contains("function main is undeclared"), "{e}");
        assert!(Target::for_goarch("386").is_none());
    }
}
