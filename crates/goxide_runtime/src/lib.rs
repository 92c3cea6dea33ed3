//! goxide_runtime: the runtime linked into every Go program goxide builds —
//! gc's `runtime` package, in Rust. v0 holds process start and exit, the
//! goroutine record, the `print`/`println` builtins, type descriptors,
//! the allocator, strings, slices, interfaces, maps and run-time errors;
//! the scheduler, channels and the collector come next (DESIGN.md).
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
//! - **Runtime → Go**: only through two C-ABI functions the compiler emits
//!   into the main package's object: `goxide_go_main(g: *mut G)` (program
//!   start, below) and `goxide_go_call0(g: *mut G, closure: *const u8)`,
//!   which calls the `func()` value `closure` (no parameters, no results)
//!   with Go's convention `(g, closure)`: goroutine starts, and later
//!   deferred calls.
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
//! | 40 | `preempt: u8` | compiled loops (see [`sched::preempt`]) |
//!
//! `stack_limit = stack_lo + STACK_HEADROOM` (64 KiB): runtime entry points
//! run on the calling goroutine's stack, within that headroom. A prologue
//! that would pass the limit traps (`ud2`/`udf`, SIGILL), which [`signals`]
//! reports as gc's `fatal error: stack overflow` — unless the goroutine
//! can continue on a new stack segment ([`morestack`]: the handler resumes
//! the function at its prologue on the segment, so compiled code needs
//! nothing more than `push rbp; mov rbp, rsp` before the check and `mov
//! rsp, rbp` in its epilogue, which Cranelift emits). Stacks ([`stack`]):
//! the main goroutine reserves 1 GiB (gc's limit), every other goroutine
//! 1 MiB carved from 256 MiB `MAP_NORESERVE` arenas without guard pages,
//! reused after the goroutine exits, plus segments as it needs them, up to
//! 1 GiB in all. Fields after offset 40 are the runtime's.
//!
//! ## Goroutines (see [`sched`])
//! One M, one P for now (gc's order under `GOMAXPROCS=1`). C ABI, `g`
//! first:
//! - `goxide_rt_newproc(g, closure)`: `go f(x, y)` is compiled as a
//!   `func()` closure capturing `f`, `x`, `y` (evaluated at the
//!   statement), then this call; the new goroutine (ids 6, 7, … as gc's)
//!   runs it through `goxide_go_call0`. Returns at once.
//! - `goxide_rt_Gosched(g)` (`runtime.Gosched`), `goxide_rt_block(g)`
//!   (`select {}`), `goxide_rt_NumGoroutine(g) -> I64`,
//!   `goxide_rt_timeSleep(g, ns: I64)` (`time.Sleep`).
//! - `sync`'s runtime half ([`sched::sema`]), gc's linkname targets under
//!   `goxide_rt_` + gc's runtime name: `sync_runtime_Semacquire(g, addr)`,
//!   `sync_runtime_SemacquireWaitGroup(g, addr, durable: I8)`,
//!   `internal_sync_runtime_SemacquireMutex`, `sync_runtime_SemacquireRWMutexR`,
//!   `sync_runtime_SemacquireRWMutex` `(g, addr, lifo: I8, skip: I64)`,
//!   `sync_runtime_Semrelease`, `internal_sync_runtime_Semrelease` `(g, addr,
//!   handoff: I8, skip: I64)`; `notifyListAdd(g, l) -> I32`,
//!   `notifyListWait(g, l, t: I32)`, `notifyListNotifyAll(g, l)`,
//!   `notifyListNotifyOne(g, l)`, `notifyListCheck(g, size: I64)`.
//! - Preemption: compiled code tests the byte `G.preempt` (offset 40) at
//!   loop back-edges (and may at function entries) and, when non-zero,
//!   calls `goxide_rt_preempt(g)`, which yields; a 10 ms SIGURG tick sets
//!   it once a program has a second goroutine.
//!
//! Every goroutine blocked and none asleep: gc's `fatal error: all
//! goroutines are asleep - deadlock!` report, exit status 2.
//!
//! ## Channels and select (see [`chan`], [`select`])
//! A channel is a `*hchan` with gc's layout: `len` is the `uint` at
//! offset 0, `cap` the `uint` at offset 8 (compiled code reads them
//! inline; nil → 0). Element values are passed by pointer; a null
//! receive pointer discards. C ABI, `g` first:
//! - `goxide_rt_makechan(g, chantype, size: I64) -> I64` (`chantype`: the
//!   `abi.ChanType`; its `Elem` at offset 48 gives size and alignment);
//! - `goxide_rt_chansend1(g, c, elem)`, `goxide_rt_chanrecv1(g, c, elem)`,
//!   `goxide_rt_chanrecv2(g, c, elem) -> I8` (ok), `goxide_rt_closechan(g, c)`;
//! - `goxide_rt_selectgo(g, cas0, order0, nsends: I64, nrecvs: I64,
//!   block: I8) -> (chosen: I64, recvOK: I64)`: `cas0` is `[n]{c, elem}`
//!   (16 bytes each, sends first), `order0` a `[2n]uint16` scratch array;
//!   chosen -1 means `default`. Two I64 results: rax/rdx, x0/x1;
//! - `goxide_rt_selectnbsend(g, c, elem) -> I8` and
//!   `goxide_rt_selectnbrecv(g, elem, c) -> (selected: I64, received: I64)`
//!   for one case plus `default` (gc's argument order).
//!
//! Misuse panics with gc's words (`send on closed channel`, `close of nil
//! channel`, `close of closed channel`, `makechan: size out of range`)
//! through `chan::throw_panic_msg` (fatal until `recover` lands).
//!
//! ## Signals (see [`signals`])
//! SIGSEGV/SIGBUS below address 0x1000: gc's `invalid memory address or
//! nil pointer dereference` report; a trap or fault at the stack limit:
//! gc's `stack overflow` report; others: gc's fault/signal reports. All
//! exit 2.
//!
//! ## Program start and exit
//! musl's `_start` → `__libc_start_main` → this crate's C `main(argc,
//! argv, envp)`: it saves argc/argv/envp (musl's `std::env::args` would be
//! empty), installs the signal handlers, sets up m0 and runs the main
//! goroutine (goid 1), which calls `goxide_go_main(g)`. When that returns
//! the process exits with status 0 (`exit_group`, as gc's `runtime.main`),
//! whatever other goroutines still exist. `goxide_go_main` runs every
//! package's initialisers, dependencies first (the type checker's order),
//! each package's `pkg.init` before its `pkg.init.N`, between
//! `goxide_rt_lockOSThread(g)` and `goxide_rt_unlockOSThread(g)` (gc's
//! `runtime.main` locks the main goroutine to its thread meanwhile), then
//! `main.main`.
//! `goxide_rt_exit(g, code: i64)` ends the process at once (`os.Exit`).
//!
//! ## Type descriptors (see [`abi`])
//! `abi.Type` and its kind-specific descriptors, uncommon data, method
//! tables, `Name`s and itabs exactly as go1.27's `internal/abi` lays them
//! out (64-bit), pinned by tests. **Offsets**: every `NameOff`, `TypeOff`
//! and `TextOff` is a signed 32-bit byte offset from the address of the
//! `abi.Type` whose descriptor holds it (a `Name`'s own package-path
//! offset is relative to that `Name`); 0 means none. `Type.Equal` and
//! `MapType.Hasher` are never called and may be null: the runtime
//! compares and hashes by kind ([`alg`]).
//!
//! ## Results of two or more words
//! A 2-word result is a `#[repr(C)]` struct returned in registers
//! (RAX:RDX, x0:x1): strings `{ptr, len}`, `decoderune`'s `{rune, pos}`,
//! `mapaccess2`'s `{elem, ok}`. A result of 3+ words is written through
//! an `out` pointer, the first parameter after `g` (`growslice`,
//! `stringtoslicebyte`, `stringtoslicerune`).
//!
//! ## Run-time errors and panics (see [`panic`], texts in [`error`])
//! Every check compiled code makes inline calls a never-returning
//! `goxide_rt_panic…(g, …)` entry point: division, shift, the bounds
//! family (`panicIndex`/`panicIndexU`, `panicSlice*`, `panicSlice3*`,
//! `panicSliceConvert`), `panicmakeslicelen/cap`, `panicunsafeslice*`,
//! `panicunsafestring*`, `panicmem`/`panicmemAddr`, `panicnilmap`,
//! `panicdottypeE/I`, `panicnildottype`; `panic(v)` is
//! `goxide_rt_gopanic(g, typ, data)`. The table of arguments is in
//! [`panic`]'s header. All go through `panic::runtime_error_panic`; v0
//! prints gc's uncaught-panic report and exits 2 (no `recover` yet).
//!
//! ## Memory (see [`malloc`], [`slice`])
//! `goxide_rt_newobject(g, typ)`, `goxide_rt_mallocgc(g, size, typ,
//! needzero)`, `goxide_rt_memmove(g, dst, src, n)`, `goxide_rt_memclr(g,
//! p, n)`, `goxide_rt_makeslice(g, et, len, cap)`, `goxide_rt_growslice(g,
//! out, oldptr, newlen, oldcap, num, et)` (capacities as gc's); for
//! slices backed by a frame buffer, `goxide_rt_growsliceBuf` and the
//! `goxide_rt_moveSlice*` family (ABI in [`slice`]'s header). No
//! collection yet.
//!
//! ## Strings (see [`strings`])
//! `goxide_rt_cmpstring(g, a.ptr, a.len, b.ptr, b.len) -> I64` (C ABI):
//! gc's `cmpstring`, -1, 0 or +1; the compiler lowers every string
//! comparison (`==` and `<` alike) to it and compares the result with 0.
//! Concatenation, conversions (with gc's temporary-buffer argument,
//! null to allocate), `intstring`, `decoderune` (the `for range` step) and
//! `countrunes`: ABI in [`strings`]'s header.
//!
//! ## Interfaces, equality, hashing (see [`iface`], [`alg`])
//! `goxide_rt_getitab(g, inter, typ, canfail)`, `goxide_rt_assertE2I(g,
//! inter, typ)`, `goxide_rt_assertE2I2(g, inter, typ)`;
//! `goxide_rt_efaceeq(g, t, x, y)`, `goxide_rt_ifaceeq(g, tab, x, y)`,
//! `goxide_rt_typedequal(g, t, p, q)`, `goxide_rt_typehash(g, t, p,
//! seed)`.
//!
//! ## Maps (see [`maps`])
//! A map is a `*Map` whose first word is `len(m)` (read it directly after
//! a nil check). `goxide_rt_makemap`, `mapaccess1`, `mapaccess2`,
//! `mapassign`, `mapdelete`, `mapclear`, `mapiterinit`/`mapiternext` (an
//! 16-word iterator on the caller's stack, key and elem pointers first).
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
//!
//! ## Go functions, func values and memory values (v1, goxide_ir/codegen)
//! - Every Go function's parameters are `g` (VMContext), then `ctx`: the
//!   func value (closure object pointer) a call went through, null for a
//!   direct call; then one out-pointer per struct or array result, in
//!   order; then the Go parameters — a struct or array parameter as a
//!   pointer to a copy the callee owns. Its results are the other Go
//!   results, flattened. A method's receiver is its first Go parameter.
//! - A func value points to a closure object whose word 0 is the code
//!   and whose next words are the captured variables' addresses (captured
//!   variables live on the heap). A package function's value is a
//!   read-only object holding only its code.
//! - `goxide_go_call0(g, closure)` (C ABI), emitted in the main package's
//!   object, calls a `func()` value: the runtime's only way into Go code
//!   (goroutines, deferred calls).
//!
//! ## Type descriptors and itabs (v1)
//! One read-only object per type, internal/abi's layout: the `abi.Type`
//! header, the kind's extension, then — for a type with methods that the
//! program puts in interfaces — the `UncommonType` and its `abi.Method`s
//! (sorted as types2's method sets: exported first, then by name), then
//! variable arrays and names. **`NameOff`, `TypeOff` and `TextOff` are
//! byte offsets from the descriptor holding them** (so
//! `resolveNameOff(t, off) = t + off`). Interface descriptors list their
//! `Imethod`s in type-set order, which is also the order of an itab's
//! `fun` array; itabs of conversions the compiler sees are static. The
//! data word of an interface holds a pointer-shaped value itself
//! (`TFlagDirectIface`), any other value as a pointer to a heap copy.
//! `Equal`, `GCData` and `PtrToThis` are not filled yet.
//!
//! ## Panics (v1; see `deferpanic`, `unwind`)
//! - `defer` → `deferproc(g, fn, frame, wrapped)` (`frame` the deferring
//!   function's frame pointer, `wrapped` when `fn` is a generated wrapper
//!   around the deferred function); every return of such a function calls
//!   `deferreturn(g, frame)` after setting its results; `recover()` is
//!   `gorecover(g, frame) -> interface{}` with the caller's frame pointer;
//!   `panic(v)` is `gopanic(g, typ, data)`.
//! - In a function with `defer`, every call is a Cranelift `try_call`
//!   whose exceptional edge goes to the function's landing block (runs
//!   the remaining deferred calls, returns the named results); runtime
//!   entries are called there through `tail`-convention stubs
//!   (`goxide.stub.<symbol>`). The compiler emits `goxide_unwind_table`:
//!   a u64 count, then per such call `{func: u64 address, ret: u32 return
//!   offset, landing: u32 offset, frame_offset: u32 (FP − SP at the
//!   call), pad: u32}`.
//!
//! ## Maps and channels (v1)
//! Maps and channels are pointers to runtime headers whose first word is
//! the element count (`len`), read inline (0 for nil); a channel's second
//! word is its capacity. Keys and elements travel by address. A map
//! iterator is 16 words in the caller's frame; its first two words are the
//! current key's and element's addresses (a null key: done).
//!

#![no_std]

extern crate alloc;

pub mod abi;
pub mod alg;
pub mod chan;
pub mod complex;
pub mod error;
pub mod deferpanic;
pub mod goroutine;
pub mod iface;
pub mod malloc;
pub mod morestack;
pub mod maps;
pub mod panic;
pub mod print;
pub mod rand;
pub mod sched;
pub mod select;
pub mod signals;
pub mod slice;
pub mod spinlock;
pub mod stack;
pub mod strconv;
pub mod strings;
pub mod sys;
pub mod unwind;
pub mod utf8;

#[cfg(test)]
mod gc_differential;

#[cfg(goxide_runtime_staticlib)]
mod entry;
