//! The proof of the backend's shape: a Cranelift object that follows the
//! runtime contract (goxide_runtime's crate doc), linked with the runtime
//! archive into a static executable, prints exactly what gc's build of the
//! same Go program prints.
//!
//! How: a test program is a list of `print`/`println` statements over typed
//! values ([`Arg`]). From it we write (1) Go source, built and run with the
//! reference go for the expected stderr, and (2) the object a Go compiler
//! following the contract would emit — `goxide_go_main` (C ABI) calling
//! `main.main` (Cranelift `tail`, `g` as the VMContext parameter, a
//! `stack_limit` read from `g`), which lowers each statement as gc's
//! `walkPrint` does into `goxide_rt_print*` calls (C ABI, `g` first,
//! colocated) and calls the Go function `main.add` — built with
//! cranelift-object for x86-64 or aarch64. goxide_link links it; the
//! executable runs natively (x86-64) or under `qemu-aarch64`, and its
//! stderr must equal gc's byte for byte. The executables are checked to be
//! static ELF (no PT_INTERP, no dynamic section) with the `object` crate,
//! and a runaway recursion must hit the stack-limit trap (SIGILL).
//!
//! Invariants: the reference go builds only the generated test program
//! (HOME in a temporary directory, telemetry off, GOCACHE in the cargo
//! target's tmp dir); every file goes into a temporary directory that is
//! removed afterwards.

use cranelift_codegen::Context;
use cranelift_codegen::ir::immediates::{Ieee32, Ieee64, Offset32};
use cranelift_codegen::ir::{
    AbiParam, ArgumentPurpose, Function, GlobalValueData, InstBuilder, MemFlagsData, Signature,
    StackSlotData, StackSlotKind, Type, UserFuncName, Value, types,
};
use cranelift_codegen::isa::{self, CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module, default_libcall_names};
use cranelift_object::{ObjectBuilder, ObjectModule};
use goxide_link::{Arch, LinkJob, Linker, Strip, Toolchain, link, link_using};
use object::Object;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

// ---------------------------------------------------------------- programs

/// One argument of a print statement, with its Go type.
#[derive(Clone, Debug)]
enum Arg {
    Int64(i64),
    Int8(i8),
    Uint64(u64),
    Uint32(u32),
    Float64(f64),
    Float32(f32),
    Complex128(f64, f64),
    Complex64(f32, f32),
    Bool(bool),
    /// A constant string (any bytes).
    Str(Vec<u8>),
    /// `unsafe.Pointer(uintptr(x))`.
    Pointer(u64),
    /// `[]byte(nil)`.
    NilSlice,
    /// `interface{}(nil)`.
    NilEface,
    /// `error(nil)`.
    NilIface,
    /// `add(a, b)`: a call of the Go function `main.add` (int64 result).
    Add(i64, i64),
}

struct Stmt {
    newline: bool,
    args: Vec<Arg>,
}

fn println(args: Vec<Arg>) -> Stmt {
    Stmt {
        newline: true,
        args,
    }
}
fn print(args: Vec<Arg>) -> Stmt {
    Stmt {
        newline: false,
        args,
    }
}
fn s(text: &str) -> Arg {
    Arg::Str(text.as_bytes().to_vec())
}

/// The program both compilers build: every print entry point, edge values.
fn test_program() -> Vec<Stmt> {
    use Arg::*;
    vec![
        println(vec![s("hello, world")]),
        println(vec![]),
        println(vec![
            Int64(i64::MIN),
            Int64(i64::MAX),
            Int64(0),
            Int64(-1),
            Int8(-128),
            Int8(127),
        ]),
        println(vec![Uint64(u64::MAX), Uint64(0), Uint32(u32::MAX)]),
        println(vec![
            Float64(0.0),
            Float64(-0.0),
            Float64(1.0),
            Float64(0.1),
            Float64(1e6),
            Float64(1e-5),
        ]),
        println(vec![
            Float64(f64::NAN),
            Float64(f64::INFINITY),
            Float64(f64::NEG_INFINITY),
        ]),
        println(vec![
            Float64(f64::MAX),
            Float64(f64::from_bits(1)),
            Float64(f64::from_bits(0x000F_FFFF_FFFF_FFFF)),
        ]),
        println(vec![
            Float32(0.1),
            Float32(f32::MAX),
            Float32(f32::from_bits(1)),
            Float32(-16777216.0),
        ]),
        println(vec![
            Complex128(1.5, -2.0),
            Complex128(f64::NAN, f64::INFINITY),
            Complex64(0.1, 0.2),
        ]),
        println(vec![Bool(true), Bool(false)]),
        println(vec![
            s("invalid utf-8: "),
            Str(b"\xff\xfe\xc0\x80".to_vec()),
            s("é日本😀"),
        ]),
        println(vec![
            Pointer(0),
            Pointer(0xdeadbeef),
            Pointer(0x7fff_ffff_f000),
        ]),
        println(vec![NilSlice, NilEface, NilIface]),
        print(vec![s("no newline "), Int64(42), s(" "), Bool(true)]),
        print(vec![s("\n")]),
        println(vec![s("add:"), Add(40, 2), Add(-7, 7), Add(i64::MAX, 1)]),
        println(vec![s("a"), s("b"), Int64(1), s("c"), s(" "), s("d")]),
        println(vec![s("bye")]),
    ]
}

fn go_string_literal(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => write!(out, "\\x{b:02x}").unwrap(),
        }
    }
    out.push('"');
    out
}

fn go_expr(arg: &Arg) -> String {
    match arg {
        Arg::Int64(v) => format!("int64({v})"),
        Arg::Int8(v) => format!("int8({v})"),
        Arg::Uint64(v) => format!("uint64({v})"),
        Arg::Uint32(v) => format!("uint32({v})"),
        Arg::Float64(v) => format!("math.Float64frombits({:#x})", v.to_bits()),
        Arg::Float32(v) => format!("math.Float32frombits({:#x})", v.to_bits()),
        Arg::Complex128(r, i) => {
            format!(
                "complex(math.Float64frombits({:#x}), math.Float64frombits({:#x}))",
                r.to_bits(),
                i.to_bits()
            )
        }
        Arg::Complex64(r, i) => {
            format!(
                "complex(math.Float32frombits({:#x}), math.Float32frombits({:#x}))",
                r.to_bits(),
                i.to_bits()
            )
        }
        Arg::Bool(v) => v.to_string(),
        Arg::Str(b) => go_string_literal(b),
        Arg::Pointer(p) => format!("unsafe.Pointer(uintptr({p:#x}))"),
        Arg::NilSlice => "[]byte(nil)".into(),
        Arg::NilEface => "interface{}(nil)".into(),
        Arg::NilIface => "error(nil)".into(),
        Arg::Add(a, b) => format!("add({a}, {b})"),
    }
}

fn go_source(stmts: &[Stmt]) -> String {
    let mut src = String::from(
        "package main\n\nimport (\n\t\"math\"\n\t\"unsafe\"\n)\n\nvar _ = math.Pi\nvar _ unsafe.Pointer\n\n\
         //go:noinline\nfunc add(a, b int64) int64 { return a + b }\n\nfunc main() {\n",
    );
    for st in stmts {
        let args: Vec<String> = st.args.iter().map(go_expr).collect();
        let f = if st.newline { "println" } else { "print" };
        writeln!(src, "\t{f}({})", args.join(", ")).unwrap();
    }
    src.push_str("}\n");
    src
}

// ------------------------------------------------------- walkPrint lowering

/// One runtime call of a lowered print statement.
enum PrintCall {
    /// `printsp`, `printnl`, `printlock`, `printunlock`: no arguments.
    Plain(&'static str),
    /// `printstring(ptr, len)` of a constant.
    Str(Vec<u8>),
    /// Any other entry point with its argument.
    Value(&'static str, Arg),
}

/// gc's `walkPrint`: println's separators, runs of constant strings joined,
/// `" "`/`"\n"` as printsp/printnl, one call per other argument by type.
fn walk_print(st: &Stmt) -> Vec<PrintCall> {
    let mut args: Vec<Arg> = Vec::new();
    for (i, a) in st.args.iter().enumerate() {
        if st.newline && i != 0 {
            args.push(s(" "));
        }
        args.push(a.clone());
    }
    if st.newline {
        args.push(s("\n"));
    }
    let mut calls = vec![PrintCall::Plain("printlock")];
    let mut i = 0;
    while i < args.len() {
        let mut joined: Option<Vec<u8>> = None;
        while let Some(Arg::Str(b)) = args.get(i) {
            joined.get_or_insert_with(Vec::new).extend_from_slice(b);
            i += 1;
        }
        if let Some(j) = joined {
            calls.push(match j.as_slice() {
                b" " => PrintCall::Plain("printsp"),
                b"\n" => PrintCall::Plain("printnl"),
                _ => PrintCall::Str(j),
            });
        }
        if let Some(a) = args.get(i) {
            let f = match a {
                Arg::Int64(_) | Arg::Int8(_) | Arg::Add(..) => "printint",
                Arg::Uint64(_) | Arg::Uint32(_) => "printuint",
                Arg::Float64(_) => "printfloat64",
                Arg::Float32(_) => "printfloat32",
                Arg::Complex128(..) => "printcomplex128",
                Arg::Complex64(..) => "printcomplex64",
                Arg::Bool(_) => "printbool",
                Arg::Pointer(_) => "printpointer",
                Arg::NilSlice => "printslice",
                Arg::NilEface => "printeface",
                Arg::NilIface => "printiface",
                Arg::Str(_) => unreachable!("joined above"),
            };
            calls.push(PrintCall::Value(f, a.clone()));
            i += 1;
        }
    }
    calls.push(PrintCall::Plain("printunlock"));
    calls
}

// ------------------------------------------------------ the object emitter

fn isa_for(arch: Arch) -> OwnedTargetIsa {
    let mut flags = settings::builder();
    flags.set("is_pic", "false").unwrap();
    flags.set("preserve_frame_pointers", "true").unwrap();
    flags.set("enable_probestack", "false").unwrap();
    flags.set("opt_level", "speed").unwrap();
    isa::lookup_by_name(arch.musl_triple())
        .expect("cranelift-codegen built with x86 and arm64")
        .finish(settings::Flags::new(flags))
        .unwrap()
}

/// The parameters after `g` of each runtime entry point (the contract's
/// print table).
fn runtime_params(name: &str) -> Vec<AbiParam> {
    let i64p = AbiParam::new(types::I64);
    match name {
        "printlock" | "printunlock" | "printsp" | "printnl" => vec![],
        "printstring" | "printquoted" | "printeface" | "printiface" => vec![i64p, i64p],
        "printint" | "printuint" | "printhex" | "printpointer" | "printuintptr" | "exit" => {
            vec![i64p]
        }
        "printbool" => vec![AbiParam::new(types::I8).uext()],
        "printfloat64" => vec![AbiParam::new(types::F64)],
        "printfloat32" => vec![AbiParam::new(types::F32)],
        "printcomplex128" => vec![AbiParam::new(types::F64); 2],
        "printcomplex64" => vec![AbiParam::new(types::F32); 2],
        "printslice" => vec![i64p; 3],
        other => panic!("no runtime entry point {other}"),
    }
}

/// A Go function's signature: `tail`, `g` as VMContext first.
fn go_signature(params: &[Type], returns: &[Type]) -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params
        .push(AbiParam::special(types::I64, ArgumentPurpose::VMContext));
    sig.params.extend(params.iter().map(|&t| AbiParam::new(t)));
    sig.returns
        .extend(returns.iter().map(|&t| AbiParam::new(t)));
    sig
}

/// Sets the function's stack limit to `g.stack_limit` (offset 0 in G).
fn set_stack_limit(func: &mut Function) {
    let vmctx = func.create_global_value(GlobalValueData::VMContext);
    let flags = func.dfg.mem_flags.insert(MemFlagsData::trusted()).unwrap();
    let limit = func.create_global_value(GlobalValueData::Load {
        base: vmctx,
        offset: Offset32::new(0), // goxide_runtime::goroutine::G_STACK_LIMIT_OFFSET
        global_type: types::I64,
        flags,
    });
    func.stack_limit = Some(limit);
}

/// What `main.main` does.
enum MainBody<'a> {
    Prints(&'a [Stmt]),
    /// `println("deep")`, then `main.recurse()`, which calls itself forever.
    RunawayRecursion,
}

struct Emitter {
    module: ObjectModule,
    ctx: Context,
    fctx: FunctionBuilderContext,
    runtime: HashMap<String, FuncId>,
    strings: HashMap<Vec<u8>, DataId>,
}

impl Emitter {
    fn new(arch: Arch) -> Emitter {
        let builder = ObjectBuilder::new(isa_for(arch), "main", default_libcall_names()).unwrap();
        let module = ObjectModule::new(builder);
        let ctx = module.make_context();
        Emitter {
            module,
            ctx,
            fctx: FunctionBuilderContext::new(),
            runtime: HashMap::new(),
            strings: HashMap::new(),
        }
    }

    fn runtime_func(&mut self, name: &str) -> FuncId {
        if let Some(&id) = self.runtime.get(name) {
            return id;
        }
        let mut sig = Signature::new(self.module.isa().default_call_conv());
        sig.params.push(AbiParam::new(types::I64)); // g
        sig.params.extend(runtime_params(name));
        let id = self
            .module
            .declare_function(&format!("goxide_rt_{name}"), Linkage::Import, &sig)
            .unwrap();
        self.runtime.insert(name.to_string(), id);
        id
    }

    fn string_data(&mut self, bytes: &[u8]) -> DataId {
        if let Some(&id) = self.strings.get(bytes) {
            return id;
        }
        let id = self.module.declare_anonymous_data(false, false).unwrap();
        let mut desc = DataDescription::new();
        desc.define(bytes.to_vec().into_boxed_slice());
        self.module.define_data(id, &desc).unwrap();
        self.strings.insert(bytes.to_vec(), id);
        id
    }

    fn define(&mut self, id: FuncId) {
        self.module.define_function(id, &mut self.ctx).unwrap();
        self.module.clear_context(&mut self.ctx);
    }

    /// The whole program: goxide_go_main, main.main, main.add/main.recurse.
    fn program(mut self, body: MainBody<'_>) -> Vec<u8> {
        let add_sig = go_signature(&[types::I64, types::I64], &[types::I64]);
        let add = self
            .module
            .declare_function("main.add", Linkage::Local, &add_sig)
            .unwrap();
        let recurse_sig = go_signature(&[], &[]);
        let recurse = self
            .module
            .declare_function("main.recurse", Linkage::Local, &recurse_sig)
            .unwrap();
        let main_sig = go_signature(&[], &[]);
        let main_main = self
            .module
            .declare_function("main.main", Linkage::Export, &main_sig)
            .unwrap();
        let mut entry_sig = Signature::new(self.module.isa().default_call_conv());
        entry_sig.params.push(AbiParam::new(types::I64));
        let entry = self
            .module
            .declare_function("goxide_go_main", Linkage::Export, &entry_sig)
            .unwrap();
        let frontend = self.module.isa().frontend_config();

        // goxide_go_main(g): the C-ABI entry: (no package inits here) main.main(g).
        self.ctx.func.signature = entry_sig;
        self.ctx.func.name = UserFuncName::user(0, entry.as_u32());
        {
            let mut b = FunctionBuilder::new(&mut self.ctx.func, &mut self.fctx);
            let block = b.create_block();
            b.append_block_params_for_function_params(block);
            b.switch_to_block(block);
            b.seal_block(block);
            let g = b.block_params(block)[0];
            let callee = self.module.declare_func_in_func(main_main, b.func);
            b.ins().call(callee, &[g]);
            b.ins().return_(&[]);
            b.finalize(frontend);
        }
        self.define(entry);

        // main.add(g, a, b) int64 { return a + b }
        self.ctx.func.signature = add_sig;
        self.ctx.func.name = UserFuncName::user(0, add.as_u32());
        set_stack_limit(&mut self.ctx.func);
        {
            let mut b = FunctionBuilder::new(&mut self.ctx.func, &mut self.fctx);
            let block = b.create_block();
            b.append_block_params_for_function_params(block);
            b.switch_to_block(block);
            b.seal_block(block);
            let (x, y) = (b.block_params(block)[1], b.block_params(block)[2]);
            let sum = b.ins().iadd(x, y);
            b.ins().return_(&[sum]);
            b.finalize(frontend);
        }
        self.define(add);

        // main.recurse(g) { var buf [64]byte; recurse(); use(buf) }: never a
        // tail call, so only the stack limit can stop it.
        self.ctx.func.signature = recurse_sig;
        self.ctx.func.name = UserFuncName::user(0, recurse.as_u32());
        set_stack_limit(&mut self.ctx.func);
        {
            let mut b = FunctionBuilder::new(&mut self.ctx.func, &mut self.fctx);
            let block = b.create_block();
            b.append_block_params_for_function_params(block);
            b.switch_to_block(block);
            b.seal_block(block);
            let g = b.block_params(block)[0];
            let slot =
                b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 64, 3));
            let one = b.ins().iconst(types::I64, 1);
            b.ins().stack_store(types::I64, one, slot, 0);
            let me = self.module.declare_func_in_func(recurse, b.func);
            b.ins().call(me, &[g]);
            // Read the slot back after the call: it must live across it.
            let back = b.ins().stack_load(types::I64, types::I64, slot, 0);
            b.ins().stack_store(types::I64, back, slot, 8);
            b.ins().return_(&[]);
            b.finalize(frontend);
        }
        self.define(recurse);

        // main.main(g)
        self.ctx.func.signature = main_sig;
        self.ctx.func.name = UserFuncName::user(0, main_main.as_u32());
        set_stack_limit(&mut self.ctx.func);
        let calls: Vec<PrintCall> = match body {
            MainBody::Prints(stmts) => stmts.iter().flat_map(walk_print).collect(),
            MainBody::RunawayRecursion => walk_print(&println(vec![s("deep")])),
        };
        let mut fctx = std::mem::take(&mut self.fctx);
        let mut func = std::mem::replace(&mut self.ctx.func, Function::new());
        {
            let mut b = FunctionBuilder::new(&mut func, &mut fctx);
            let block = b.create_block();
            b.append_block_params_for_function_params(block);
            b.switch_to_block(block);
            b.seal_block(block);
            let g = b.block_params(block)[0];
            for call in &calls {
                self.emit_print_call(&mut b, g, call, add);
            }
            if let MainBody::RunawayRecursion = body {
                let me = self.module.declare_func_in_func(recurse, b.func);
                b.ins().call(me, &[g]);
            }
            b.ins().return_(&[]);
            b.finalize(frontend);
        }
        self.ctx.func = func;
        self.fctx = fctx;
        self.define(main_main);

        self.module.finish().emit().unwrap()
    }

    fn emit_print_call(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        g: Value,
        call: &PrintCall,
        add: FuncId,
    ) {
        let (name, args): (&str, Vec<Value>) = match call {
            PrintCall::Plain(name) => (name, vec![]),
            PrintCall::Str(bytes) => {
                let data = self.string_data(bytes);
                let gv = self.module.declare_data_in_func(data, b.func);
                let ptr = b.ins().symbol_value(types::I64, gv);
                let len = b.ins().iconst(types::I64, bytes.len() as i64);
                ("printstring", vec![ptr, len])
            }
            PrintCall::Value(name, arg) => {
                let args = match *arg {
                    Arg::Int64(v) => vec![b.ins().iconst(types::I64, v)],
                    Arg::Int8(v) => vec![b.ins().iconst(types::I64, v as i64)],
                    Arg::Uint64(v) => vec![b.ins().iconst(types::I64, v as i64)],
                    Arg::Uint32(v) => vec![b.ins().iconst(types::I64, v as i64)],
                    Arg::Float64(v) => vec![b.ins().f64const(Ieee64::with_bits(v.to_bits()))],
                    Arg::Float32(v) => vec![b.ins().f32const(Ieee32::with_bits(v.to_bits()))],
                    Arg::Complex128(r, i) => vec![
                        b.ins().f64const(Ieee64::with_bits(r.to_bits())),
                        b.ins().f64const(Ieee64::with_bits(i.to_bits())),
                    ],
                    Arg::Complex64(r, i) => vec![
                        b.ins().f32const(Ieee32::with_bits(r.to_bits())),
                        b.ins().f32const(Ieee32::with_bits(i.to_bits())),
                    ],
                    Arg::Bool(v) => vec![b.ins().iconst(types::I8, v as i64)],
                    Arg::Pointer(p) => vec![b.ins().iconst(types::I64, p as i64)],
                    Arg::NilSlice => vec![b.ins().iconst(types::I64, 0); 3],
                    Arg::NilEface | Arg::NilIface => vec![b.ins().iconst(types::I64, 0); 2],
                    Arg::Add(x, y) => {
                        // A Go → Go call: tail convention, g first, direct.
                        let callee = self.module.declare_func_in_func(add, b.func);
                        let (x, y) = (b.ins().iconst(types::I64, x), b.ins().iconst(types::I64, y));
                        let inst = b.ins().call(callee, &[g, x, y]);
                        vec![b.inst_results(inst)[0]]
                    }
                    Arg::Str(_) => unreachable!(),
                };
                (name, args)
            }
        };
        let id = self.runtime_func(name);
        let fref = self.module.declare_func_in_func(id, b.func);
        // The runtime is in the same static image: a direct call.
        b.func.dfg.ext_funcs[fref].colocated = true;
        let mut all = vec![g];
        all.extend(args);
        b.ins().call(fref, &all);
    }
}

// ------------------------------------------------------------- harnessing

/// A temporary directory removed on drop.
struct TempDir(PathBuf);
impl TempDir {
    fn new(tag: &str) -> TempDir {
        let d = std::env::temp_dir().join(format!("goxide-link-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        TempDir(d)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds `src` (package main) with the reference go into `dir/out`.
fn go_build(dir: &Path, src: &str, out: &str, ldflags: &str) -> PathBuf {
    let pkg = goxide_testing::gobuild::GoPackage { module: "e2e", files: &[("main.go", src)], build_args: &["-ldflags", ldflags] };
    let gocache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gocache");
    goxide_testing::gobuild::build_with_reference_go(dir, "gosrc", &pkg, &gocache, &dir.join(out))
}

/// Runs a linked executable of `arch`: natively, or under qemu-user; in
/// its own directory, with core dumps off (a trapping test program must
/// leave no core file behind).
fn run(arch: Arch, exe: &Path) -> Output {
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "ulimit -c 0 && exec \"$@\"", "sh"]);
    if Arch::host() != Some(arch) {
        cmd.arg(format!(
            "qemu-{}",
            arch.musl_triple().split('-').next().unwrap()
        ));
    }
    cmd.arg(exe).current_dir(exe.parent().unwrap());
    cmd.output().unwrap_or_else(|e| {
        panic!(
            "cannot run {}: {e} (qemu-user: run scripts/setup.sh)",
            exe.display()
        )
    })
}

/// Compiles `body` for `arch` and links it with goxide_link.
fn build_goxide(
    arch: Arch,
    dir: &TempDir,
    body: MainBody<'_>,
    name: &str,
    strip: Strip,
) -> PathBuf {
    let obj = dir.path(&format!("{name}.o"));
    std::fs::write(&obj, Emitter::new(arch).program(body)).unwrap();
    let exe = dir.path(name);
    let start = Instant::now();
    link(&LinkJob {
        arch,
        objects: vec![obj],
        output: exe.clone(),
        strip,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{} link ({}): {:?}", arch.goarch(), name, start.elapsed());
    exe
}

/// The static-ELF checks `file` would make: an executable for `arch` with
/// no interpreter and no dynamic section.
fn assert_static_elf(exe: &Path, arch: Arch) {
    let data = std::fs::read(exe).unwrap();
    let file = object::File::parse(&*data).unwrap();
    assert_eq!(file.format(), object::BinaryFormat::Elf);
    assert_eq!(
        file.kind(),
        object::ObjectKind::Executable,
        "{} is not ET_EXEC",
        exe.display()
    );
    let want = match arch {
        Arch::X86_64 => object::Architecture::X86_64,
        Arch::Aarch64 => object::Architecture::Aarch64,
    };
    assert_eq!(file.architecture(), want);
    assert!(file.section_by_name(".interp").is_none(), "has .interp");
    assert!(file.section_by_name(".dynamic").is_none(), "has .dynamic");
    assert!(
        file.dynamic_symbols().next().is_none(),
        "has dynamic symbols"
    );
    // Program headers: no PT_INTERP (3), no PT_DYNAMIC (2).
    let elf = object::read::elf::ElfFile64::<object::Endianness>::parse(&*data).unwrap();
    use object::read::elf::ProgramHeader as _;
    for seg in elf.elf_program_headers() {
        let t = seg.p_type(elf.endian());
        assert!(
            t != object::elf::PT_INTERP && t != object::elf::PT_DYNAMIC,
            "segment type {t}"
        );
    }
    assert!(file.segments().count() > 0);
}

fn has_symbol(exe: &Path, name: &str) -> bool {
    use object::ObjectSymbol;
    let data = std::fs::read(exe).unwrap();
    let file = object::File::parse(&*data).unwrap();
    file.symbols().any(|s| s.name() == Ok(name))
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).unwrap().len()
}

fn println_program_matches_gc(arch: Arch) {
    let dir = TempDir::new(&format!("e2e-{}", arch.goarch()));
    let stmts = test_program();
    let src = go_source(&stmts);

    let gc_exe = go_build(&dir.0, &src, "gc_prog", "");
    let gc = Command::new(&gc_exe).output().unwrap();
    assert!(gc.status.success(), "gc's program failed: {:?}", gc.status);
    assert!(
        gc.stderr.starts_with(b"hello, world\n"),
        "{}",
        String::from_utf8_lossy(&gc.stderr)
    );

    let exe = build_goxide(
        arch,
        &dir,
        MainBody::Prints(&stmts),
        "goxide_prog",
        Strip::Nothing,
    );
    assert_static_elf(&exe, arch);
    assert!(has_symbol(&exe, "main.main") && has_symbol(&exe, "goxide_rt_printfloat64"));
    let ours = run(arch, &exe);
    assert!(
        ours.status.success(),
        "goxide's program: {:?}\n{}",
        ours.status,
        String::from_utf8_lossy(&ours.stderr)
    );
    assert!(ours.stdout.is_empty());
    if std::env::var_os("GOXIDE_E2E_SHOW").is_some() {
        eprintln!("{}", String::from_utf8_lossy(&ours.stderr));
    }
    if ours.stderr != gc.stderr {
        panic!(
            "stderr differs\n--- gc\n{}\n--- goxide\n{}",
            String::from_utf8_lossy(&gc.stderr),
            String::from_utf8_lossy(&ours.stderr)
        );
    }

    // Stripped (-s): same output, no symbol table; sizes beside gc's.
    let stripped = build_goxide(
        arch,
        &dir,
        MainBody::Prints(&stmts),
        "goxide_prog_s",
        Strip::All,
    );
    assert_static_elf(&stripped, arch);
    assert!(!has_symbol(&stripped, "main.main"));
    assert_eq!(run(arch, &stripped).stderr, gc.stderr);
    // The fallback linker, where the host has one: `cc` driving the system
    // ld over the same inputs.
    if Arch::host() == Some(arch) {
        let cc = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|d| d.join("cc"))
            .find(|p| p.is_file());
        match cc {
            Some(cc) => {
                let obj = dir.path("goxide_prog.o");
                let exe_cc = dir.path("goxide_prog_cc");
                let job = LinkJob {
                    arch,
                    objects: vec![obj],
                    output: exe_cc.clone(),
                    strip: Strip::All,
                };
                link_using(&job, &Toolchain::from_build(), &Linker::Cc(cc))
                    .unwrap_or_else(|e| panic!("{e}"));
                assert_static_elf(&exe_cc, arch);
                assert_eq!(run(arch, &exe_cc).stderr, gc.stderr, "cc-linked program");
                eprintln!(
                    "{}: cc fallback: {} B stripped",
                    arch.goarch(),
                    size(&exe_cc)
                );
            }
            None => eprintln!("no cc on PATH: the cc fallback is not exercised"),
        }
    }

    let gc_stripped = go_build(&dir.0, &src, "gc_prog_s", "-s -w");
    eprintln!(
        "{}: goxide {} B ({} B stripped); gc (amd64) {} B ({} B with -s -w)",
        arch.goarch(),
        size(&exe),
        size(&stripped),
        size(&gc_exe),
        size(&gc_stripped)
    );
}

#[test]
fn println_program_matches_gc_x86_64() {
    println_program_matches_gc(Arch::X86_64);
}

#[test]
fn println_program_matches_gc_aarch64() {
    println_program_matches_gc(Arch::Aarch64);
}

/// A runaway recursion stops at `g.stack_limit` with the prologue's trap,
/// before the kernel's guard: the `g` the runtime passed is the one the
/// contract describes, and the runtime reports the trap as gc reports a
/// stack overflow (`runtime: goroutine stack exceeds 1000000000-byte
/// limit`, `fatal error: stack overflow`, exit status 2).
fn runaway_recursion_hits_the_stack_limit(arch: Arch) {
    let dir = TempDir::new(&format!("deep-{}", arch.goarch()));
    let exe = build_goxide(
        arch,
        &dir,
        MainBody::RunawayRecursion,
        "deep",
        Strip::Nothing,
    );
    let out = run(arch, &exe);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("deep\nruntime: goroutine stack exceeds 1000000000-byte limit\n"),
        "{stderr}"
    );
    assert!(stderr.contains("\nfatal error: stack overflow\n"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "{:?}", out.status);
}

#[test]
fn runaway_recursion_hits_the_stack_limit_x86_64() {
    runaway_recursion_hits_the_stack_limit(Arch::X86_64);
}

#[test]
fn runaway_recursion_hits_the_stack_limit_aarch64() {
    runaway_recursion_hits_the_stack_limit(Arch::Aarch64);
}

#[test]
fn walk_print_joins_constant_strings_like_gc() {
    let calls = walk_print(&println(vec![s("a"), s("b"), Arg::Int64(1), s(" ")]));
    let names: Vec<String> = calls
        .iter()
        .map(|c| match c {
            PrintCall::Plain(n) => n.to_string(),
            PrintCall::Str(b) => format!("printstring({:?})", String::from_utf8_lossy(b)),
            PrintCall::Value(n, _) => n.to_string(),
        })
        .collect();
    assert_eq!(
        names,
        [
            "printlock",
            "printstring(\"a b \")",
            "printint",
            "printstring(\"  \\n\")",
            "printunlock"
        ]
        .map(String::from)
    );
}
