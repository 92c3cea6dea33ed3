//! goxide_runtime: the runtime linked into every Go program goxide builds —
//! gc's `runtime` package, in Rust. v0 holds process start and exit, the
//! goroutine record, and the `print`/`println` builtins; the scheduler,
//! GC, channels, maps and panics come next (DESIGN.md).
//!
//! # How it is built
//!
//! `#![no_std]` + `alloc` over musl's libc (declared by hand in [`sys`]).
//! It is a workspace member built two ways:
//!
//! - **for the host, as an rlib**: what `cargo test` tests (the formatting
//!   is target-independent; its tests compare it with the reference go);
//! - **per target, as a staticlib**: goxide_link's build script runs
//!   `cargo rustc -p goxide_runtime --profile goxide-runtime --target
//!   <arch>-unknown-linux-musl --crate-type staticlib` into its own
//!   `OUT_DIR`, with `RUSTFLAGS` = `--cfg goxide_runtime_staticlib -C
//!   force-frame-pointers=yes`. The `goxide-runtime` profile (root
//!   Cargo.toml) is release + `panic = "abort"`, `opt-level = "s"`, fat
//!   LTO, one codegen unit. The cfg adds what only a linked program needs:
//!   the C `main`, the panic handler, the global allocator ([`entry`]).
//!   goxide_link records the archives' paths at its build time, so the
//!   goxide binary finds `libgoxide_runtime.a` for each target with no
//!   step beyond `scripts/setup.sh` (which installs the musl targets).
//!
//! # The contract between compiled Go code and this runtime
//!
//! Written down once, here; goxide_codegen cites it. A change to either
//! side changes this text in the same commit. Everything is **v0**: the
//! shape will grow (scheduler, GC, panics), and what is marked *stable* is
//! what we do not expect to change.
//!
//! ## Targets and objects
//! `x86_64-unknown-linux-musl` and `aarch64-unknown-linux-musl`; ELF
//! relocatable objects, **non-PIC** (Cranelift `is_pic=false`), linked
//! statically (goxide_link). Cranelift flags for Go code:
//! `preserve_frame_pointers=true` (the frame-pointer chain is how the
//! runtime will walk stacks) and `enable_probestack=false` (the stack
//! limit, not guard pages, catches overflow). Symbols defined in the same
//! image are referenced directly: imported runtime functions are marked
//! `colocated`, and `Local`/`Export` data and functions are colocated by
//! cranelift-module already.
//!
//! ## Symbol names (*stable*)
//! - **Go functions and variables** are named as gc's linker names them:
//!   `main.main`, `path/to/pkg.Func`, methods `pkg.T.M` and `pkg.(*T).M`,
//!   closures `pkg.F.func1`, package variables `pkg.V`. The import path is
//!   escaped as `cmd/internal/objabi.PathToPrefix` does (`%xx` for control
//!   characters, space, `%`, `"`, DEL and non-ASCII, and for `.` in the last
//!   path element). A package's initialisers: `pkg.init` (its variable
//!   initialisation, when it has any) and `pkg.init.0`, `pkg.init.1`, … (its
//!   `func init()`s in source order).
//! - **Runtime entry points** called by compiled code: `goxide_rt_<name>`,
//!   where `<name>` is the gc runtime function it stands for
//!   (`runtime.printint` → `goxide_rt_printint`).
//! - **The program entry** the runtime calls: `goxide_go_main`, emitted by
//!   the compiler into the main package's object.
//!
//! ## Calling conventions
//! - **Go → Go**: Cranelift `CallConv::Tail`. The first parameter is the
//!   current goroutine, `g: *mut G`, declared
//!   `AbiParam::special(I64, ArgumentPurpose::VMContext)`; then the Go
//!   parameters, flattened (below); the results are the Go results
//!   flattened, in order. Every Go function sets `func.stack_limit` to the
//!   global value `load.i64 notrap aligned (vmctx + G_STACK_LIMIT_OFFSET)`.
//! - **Go → runtime**: the platform C ABI (`isa.default_call_conv()`:
//!   SystemV on x86-64, AAPCS64 on aarch64), declared `extern "C"` here.
//!   Every `goxide_rt_*` function takes `g: *mut G` first (I64), then its
//!   arguments flattened. Calls are direct: mark the imported `FuncRef`
//!   `colocated = true`.
//! - **Runtime → Go**: only `goxide_go_main(g: *mut G)`, C ABI; it calls
//!   the Go functions itself.
//! - **Flattening** (one Cranelift value per scalar, in field order):
//!   `int`, `uint`, `uintptr`, `int64`, `uint64` → I64; narrower integers →
//!   their width, sign- (`sext`) or zero-extended (`uext`) to 32 bits at C
//!   ABI calls; `bool` → I8 holding 0 or 1, `uext`; `float64` → F64;
//!   `float32` → F32; pointers, `unsafe.Pointer`, maps, chans, funcs →
//!   I64; `string` → (ptr, len); slice → (ptr, len, cap); interface →
//!   (itab or type, data); `complex128` → (re F64, im F64); `complex64` →
//!   (re F32, im F32). (v0 for Go→Go; structs and arrays are decided with
//!   codegen.)
//!
//! ## Data layouts (*stable*: gc's, 64-bit)
//! `int` is 8 bytes; string `{ptr, len}`; slice `{ptr, len, cap}`;
//! interface `{tab, data}` where `tab` is an `*itab` (non-empty interface)
//! or an `*abi.Type` (`interface{}`); maps and chans are pointers; a func
//! value is a pointer to a closure object whose first word is the code
//! pointer. Type descriptors follow go1.27's `internal/abi`.
//!
//! ## The goroutine record `G` (v0, `#[repr(C)]`, see [`goroutine`])
//! | offset | field | who reads it |
//! |---|---|---|
//! | 0 | `stack_limit: usize` | compiled prologues (`G_STACK_LIMIT_OFFSET`) |
//! | 8 | `m: *mut M` | runtime |
//! | 16 | `stack_lo: usize` | runtime |
//! | 24 | `stack_hi: usize` | runtime |
//! | 32 | `goid: u64` | runtime |
//!
//! `stack_limit = stack_lo + STACK_HEADROOM` (64 KiB): runtime entry points
//! run on the calling goroutine's stack, within that headroom. A prologue
//! that would pass the limit traps (`ud2`/`udf`, SIGILL). v0: the main
//! goroutine runs on the main thread's stack (`stack_lo` from
//! `RLIMIT_STACK`); the trap is not yet turned into gc's `fatal error:
//! stack overflow`.
//!
//! ## Program start and exit
//! musl's `_start` → `__libc_start_main` → this crate's C `main(argc,
//! argv, envp)`: it saves argc/argv/envp (musl's `std::env::args` would be
//! empty), sets up m0 and the main goroutine (goid 1), calls
//! `goxide_go_main(g)`, and when that returns exits with status 0
//! (`exit_group`, as gc's `runtime.main`). `goxide_go_main` runs every
//! package's initialisers, dependencies first (the type checker's order),
//! each package's `pkg.init` before its `pkg.init.N`, then `main.main`.
//! `goxide_rt_exit(g, code: i64)` ends the process at once (`os.Exit`).
//!
//! ## Run-time errors (see [`panic`])
//! Checks the compiler makes inline call, when they fail (C ABI, `g`
//! first, never returning): `goxide_rt_panicdivide(g)` (an integer
//! division or remainder by zero), `goxide_rt_panicshift(g)` (a shift by
//! a negative signed count). v0 has no `recover`: they print gc's
//! `panic: runtime error: ...` report and exit with status 2.
//!
//! ## Strings (see [`strings`])
//! `goxide_rt_cmpstring(g, a.ptr, a.len, b.ptr, b.len) -> I64` (C ABI):
//! gc's `cmpstring`, -1, 0 or +1; the compiler lowers every string
//! comparison (`==` and `<` alike) to it and compares the result with 0.
//!
//! ## print and println (see [`print`])
//! Lowered as gc's `walkPrint`: `goxide_rt_printlock(g)`; per argument
//! (after println's `" "` between and `"\n"` after, and joining runs of
//! constant strings) one call by type; `goxide_rt_printunlock(g)`. Output
//! goes to standard error, unbuffered, as gc's.
//!
//! | Go type of the argument | entry point and flattened arguments after `g` |
//! |---|---|
//! | `string` constant `" "` / `"\n"` | `printsp()` / `printnl()` |
//! | `string` | `printstring(ptr, len)` |
//! | `runtime.quoted` | `printquoted(ptr, len)` |
//! | `bool` | `printbool(v: I8 uext)` |
//! | `int`, `int8`…`int64` | `printint(v: I64, sign-extended by the caller)` |
//! | `uint`…`uint64`, `uintptr` | `printuint(v: I64, zero-extended)` |
//! | `runtime.hex` | `printhex(v: I64)` |
//! | `float32` / `float64` | `printfloat32(v: F32)` / `printfloat64(v: F64)` |
//! | `complex64` / `complex128` | `printcomplex64(re, im: F32)` / `printcomplex128(re, im: F64)` |
//! | pointer, chan, map, func, `unsafe.Pointer` | `printpointer(p: I64)` |
//! | pointer to a not-in-heap type | `printuintptr(p: I64)` |
//! | slice | `printslice(ptr, len, cap)` |
//! | `interface{}` / other interface | `printeface(type, data)` / `printiface(itab, data)` |
//!
//! (Each name above is `goxide_rt_` + the name.) Untyped constant
//! arguments take gc's defaults: integers `int64`, floats `float64`, runes
//! `int32`.

#![no_std]

extern crate alloc;

pub mod goroutine;
pub mod panic;
pub mod print;
pub mod strconv;
pub mod strings;
pub mod sys;

#[cfg(goxide_runtime_staticlib)]
mod entry;
