//! `cargo xtask bench link [--runs N]`: goxide's link step against gc's, and
//! hello world's size, side by side.
//!
//! Contenders (whole processes, timed alternately by [`runner`]):
//! - **goxide**: the rust-lld command goxide_link runs
//!   ([`goxide_link::link_command`]) on a hello-world object — until goxide
//!   compiles Go, the object a compiler following the runtime contract
//!   would emit for `println("hello, world")`, built here with Cranelift —
//!   plus the runtime archive and musl's CRT;
//! - **gc**: gc's linker (`GOROOT/pkg/tool/<os_arch>/link`) on the same
//!   program compiled by gc's compiler (`bench/link/hello`), its
//!   dependencies' export data found with `go list -export -deps`.
//!
//! Sizes: goxide's executable and its `-s` form; gc's `go build` output and
//! its `-ldflags='-s -w'` form.
//!
//! Invariants: both executables are run once first and must print
//! `hello, world` to stderr and exit 0; every timed link must exit 0;
//! nothing is asserted on times or sizes (they are printed).

use super::Options;
use super::runner::{self, Contender, ExitKind};
use cranelift_codegen::ir::{
    AbiParam, ArgumentPurpose, InstBuilder, Signature, UserFuncName, types,
};
use cranelift_codegen::isa::{self, CallConv};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, Linkage, Module, default_libcall_names};
use cranelift_object::{ObjectBuilder, ObjectModule};
use goxide_link::{Arch, LinkJob, Strip, Toolchain};
use std::path::{Path, PathBuf};
use std::process::Command;

const DEFAULT_RUNS: usize = 15;
const GREETING: &[u8] = b"hello, world\n";

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["runs"])?;
    let runs = opts.count("runs", DEFAULT_RUNS)?;
    let repo = super::repo_root();
    let arch = Arch::host().ok_or("the link bench runs on x86-64 or aarch64 hosts")?;
    let out = repo.join("bench/out/link");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;

    // goxide: the object, linked once (checked), then the link command timed.
    let obj = out.join("hello.o");
    std::fs::write(&obj, hello_object(arch)?).map_err(|e| format!("{}: {e}", obj.display()))?;
    let toolchain = Toolchain::from_build();
    let linker = toolchain.linker(arch).map_err(|e| e.to_string())?;
    let goxide_exe = out.join("hello_goxide");
    let goxide_exe_s = out.join("hello_goxide_s");
    for (exe, strip) in [(&goxide_exe, Strip::Nothing), (&goxide_exe_s, Strip::All)] {
        let job = LinkJob {
            arch,
            objects: vec![obj.clone()],
            output: exe.clone(),
            strip,
        };
        goxide_link::link_using(&job, &toolchain, &linker).map_err(|e| e.to_string())?;
        check_hello(exe)?;
    }
    let job = LinkJob {
        arch,
        objects: vec![obj.clone()],
        output: out.join("hello_goxide_timed"),
        strip: Strip::Nothing,
    };
    let cmd = goxide_link::link_command(&job, &toolchain, &linker).map_err(|e| e.to_string())?;
    let mut goxide = Contender::new("goxide (rust-lld)", cmd.get_program());
    for a in cmd.get_args() {
        goxide = goxide.arg(a);
    }

    // gc: go build (sizes), then compile once and time the linker alone.
    let gc_exe = go_build(&repo, &out.join("hello_gc"), "")?;
    let gc_exe_s = go_build(&repo, &out.join("hello_gc_s"), "-s -w")?;
    check_hello(&gc_exe)?;
    let gc_link = gc_link_contender(&repo, &out)?;

    println!(
        "link bench ({}): hello world, println(\"hello, world\")\n  goxide: {}\n  gc:     {}",
        arch.goarch(),
        goxide.command_line(),
        gc_link.command_line()
    );
    let contenders = [goxide, gc_link];
    let series = runner::run_alternating(&contenders, runs, |i, o| {
        if o.exit != ExitKind::Code(0) {
            return Err(format!("{} failed: {}", contenders[i].label, o.describe()));
        }
        Ok(())
    })?;
    runner::print_table(&series, None);
    runner::print_ratio("link time gc / goxide", &series[1], &series[0], None);

    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!("\n  size                         goxide        gc     gc/goxide");
    for (what, ours, theirs) in [
        ("default", &goxide_exe, &gc_exe),
        ("stripped (-s / -s -w)", &goxide_exe_s, &gc_exe_s),
    ] {
        let (a, b) = (size(ours), size(theirs));
        println!(
            "  {what:<24} {a:>9} B {b:>9} B  {:>8.1}×",
            b as f64 / a as f64
        );
    }
    Ok(())
}

/// Runs `exe` and checks it greets on stderr and exits 0.
fn check_hello(exe: &Path) -> Result<(), String> {
    let o = Command::new(exe)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    if !o.status.success() || o.stderr != GREETING {
        return Err(format!(
            "{} printed {:?} ({}), not hello, world",
            exe.display(),
            String::from_utf8_lossy(&o.stderr),
            o.status
        ));
    }
    Ok(())
}

/// `go` with the bench's environment, in `bench/link/hello`.
fn go(repo: &Path) -> Result<Command, String> {
    let mut cmd = Command::new(super::reference_go(repo)?);
    cmd.current_dir(repo.join("bench/link/hello"))
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env("GOWORK", "off")
        .env("GOFLAGS", "")
        .env("CGO_ENABLED", "0");
    Ok(cmd)
}

fn checked_output(mut cmd: Command, what: &str) -> Result<Vec<u8>, String> {
    let o = cmd.output().map_err(|e| format!("{what}: {e}"))?;
    if !o.status.success() {
        return Err(format!(
            "{what}: {}\n{}",
            o.status,
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    Ok(o.stdout)
}

fn go_build(repo: &Path, out: &Path, ldflags: &str) -> Result<PathBuf, String> {
    let mut cmd = go(repo)?;
    cmd.args(["build", "-ldflags", ldflags, "-o"])
        .arg(out)
        .arg(".");
    checked_output(cmd, "go build bench/link/hello")?;
    Ok(out.to_path_buf())
}

/// gc's linker on hello's gc-compiled archive, as a contender.
fn gc_link_contender(repo: &Path, out: &Path) -> Result<Contender, String> {
    let goroot = super::reference_goroot(repo)?;
    let tool_dir = goroot
        .join("pkg/tool")
        .join(format!("linux_{}", Arch::host().unwrap().goarch()));
    // The export data of every dependency (built into go's cache by -export).
    let mut cmd = go(repo)?;
    cmd.args([
        "list",
        "-export",
        "-deps",
        "-f",
        "{{if and .Export (ne .Name \"main\")}}packagefile {{.ImportPath}}={{.Export}}{{end}}",
        ".",
    ]);
    let importcfg = out.join("importcfg");
    std::fs::write(&importcfg, checked_output(cmd, "go list -export")?)
        .map_err(|e| e.to_string())?;
    let archive = out.join("hello_gc_main.a");
    let mut compile = Command::new(tool_dir.join("compile"));
    compile
        .args(["-p", "main", "-complete", "-importcfg"])
        .arg(&importcfg)
        .arg("-o")
        .arg(&archive)
        .arg(repo.join("bench/link/hello/main.go"));
    checked_output(compile, "gc compile")?;
    let exe = out.join("hello_gc_linked");
    let link = Contender::new("gc (cmd/link)", tool_dir.join("link"))
        .arg("-importcfg")
        .arg(&importcfg)
        .arg("-buildmode=exe")
        .arg("-o")
        .arg(&exe)
        .arg(&archive);
    let o = runner::run_once(&link)?;
    if o.exit != ExitKind::Code(0) {
        return Err(format!("gc link: {}", o.describe()));
    }
    check_hello(&exe)?;
    Ok(link)
}

/// The object a Go compiler following the runtime contract (goxide_runtime's
/// crate doc) emits for `func main() { println("hello, world") }`.
fn hello_object(arch: Arch) -> Result<Vec<u8>, String> {
    let err = |e: &dyn std::fmt::Display| format!("emitting hello.o: {e}");
    let mut flags = settings::builder();
    for (k, v) in [
        ("is_pic", "false"),
        ("preserve_frame_pointers", "true"),
        ("opt_level", "speed"),
    ] {
        flags.set(k, v).map_err(|e| err(&e))?;
    }
    let isa = isa::lookup_by_name(arch.musl_triple())
        .map_err(|e| err(&e))?
        .finish(settings::Flags::new(flags))
        .map_err(|e| err(&e))?;
    let frontend = isa.frontend_config();
    let c_abi = isa.default_call_conv();
    let mut module = ObjectModule::new(
        ObjectBuilder::new(isa, "main", default_libcall_names()).map_err(|e| err(&e))?,
    );

    let c_sig = |extra: &[AbiParam]| {
        let mut s = Signature::new(c_abi);
        s.params.push(AbiParam::new(types::I64)); // g
        s.params.extend_from_slice(extra);
        s
    };
    let lock = module
        .declare_function("goxide_rt_printlock", Linkage::Import, &c_sig(&[]))
        .map_err(|e| err(&e))?;
    let unlock = module
        .declare_function("goxide_rt_printunlock", Linkage::Import, &c_sig(&[]))
        .map_err(|e| err(&e))?;
    let pstr = module
        .declare_function(
            "goxide_rt_printstring",
            Linkage::Import,
            &c_sig(&[AbiParam::new(types::I64); 2]),
        )
        .map_err(|e| err(&e))?;
    let mut go_sig = Signature::new(CallConv::Tail);
    go_sig
        .params
        .push(AbiParam::special(types::I64, ArgumentPurpose::VMContext));
    let main_main = module
        .declare_function("main.main", Linkage::Export, &go_sig)
        .map_err(|e| err(&e))?;
    let entry = module
        .declare_function("goxide_go_main", Linkage::Export, &c_sig(&[]))
        .map_err(|e| err(&e))?;
    let text = module
        .declare_anonymous_data(false, false)
        .map_err(|e| err(&e))?;
    let mut desc = DataDescription::new();
    desc.define(GREETING.into());
    module.define_data(text, &desc).map_err(|e| err(&e))?;

    let mut ctx = module.make_context();
    let mut fctx = FunctionBuilderContext::new();
    // goxide_go_main(g) { main.main(g) }
    ctx.func.signature = c_sig(&[]);
    ctx.func.name = UserFuncName::user(0, entry.as_u32());
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let block = b.create_block();
        b.append_block_params_for_function_params(block);
        b.switch_to_block(block);
        b.seal_block(block);
        let g = b.block_params(block)[0];
        let f = module.declare_func_in_func(main_main, b.func);
        b.ins().call(f, &[g]);
        b.ins().return_(&[]);
        b.finalize(frontend);
    }
    module
        .define_function(entry, &mut ctx)
        .map_err(|e| err(&e))?;
    module.clear_context(&mut ctx);

    // main.main(g) { printlock; printstring("hello, world\n"); printunlock }
    ctx.func.signature = go_sig;
    ctx.func.name = UserFuncName::user(0, main_main.as_u32());
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let block = b.create_block();
        b.append_block_params_for_function_params(block);
        b.switch_to_block(block);
        b.seal_block(block);
        let g = b.block_params(block)[0];
        let gv = module.declare_data_in_func(text, b.func);
        let ptr = b.ins().symbol_value(types::I64, gv);
        let len = b.ins().iconst(types::I64, GREETING.len() as i64);
        for (id, args) in [
            (lock, vec![g]),
            (pstr, vec![g, ptr, len]),
            (unlock, vec![g]),
        ] {
            let f = module.declare_func_in_func(id, b.func);
            b.func.dfg.ext_funcs[f].colocated = true;
            b.ins().call(f, &args);
        }
        b.ins().return_(&[]);
        b.finalize(frontend);
    }
    module
        .define_function(main_main, &mut ctx)
        .map_err(|e| err(&e))?;
    module.finish().emit().map_err(|e| err(&e))
}
