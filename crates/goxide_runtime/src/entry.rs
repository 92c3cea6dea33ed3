//! Process start and exit: the C `main` that musl's start code calls, and
//! what only the linked program needs (the Rust panic handler and the global
//! allocator). Compiled only into the staticlib (`--cfg
//! goxide_runtime_staticlib`); host test builds use std's.
//!
//! Mirrors gc's `rt0_go` → `runtime.args`/`schedinit`/`mstart` →
//! `runtime.main`, for one thread: save argc/argv/envp, seed m0's random
//! state from the kernel's `AT_RANDOM` bytes, install the signal handlers
//! ([`crate::signals`]), then run the program on the scheduler
//! ([`crate::sched::run_main`]): the main goroutine (goid 1, on its own
//! 1 GiB stack reservation) runs `goxide_go_main`. When the program ends
//! (main returned, a deadlock, a fatal panic) the report is written to
//! standard error and the process exits with its status.
//!
//! Invariants: `main` never returns into musl (it exits through
//! [`crate::sys::exit`], as gc's `runtime.main` calls `exit(0)`); argc,
//! argv and envp are saved before any Go code runs; a Rust panic inside the
//! runtime is a runtime bug and ends the process with status 2 and a
//! `fatal error:` line, never an unwind.

use core::ffi::c_int;
use core::ptr::addr_of_mut;

use crate::goroutine::{G, M};
use crate::sys;

#[allow(
    improper_ctypes,
    reason = "G is opaque to compiled code beyond its contract prefix"
)]
unsafe extern "C" {
    /// The compiled program's entry (contract: "Program start"): runs the
    /// package initialisers in order, then `main.main`, and returns.
    fn goxide_go_main(g: *mut G);
    /// musl's `getauxval`.
    fn getauxval(kind: core::ffi::c_ulong) -> core::ffi::c_ulong;
}

/// `AT_RANDOM`: the address of 16 random bytes the kernel gives a process.
const AT_RANDOM: core::ffi::c_ulong = 25;

/// m0, the main thread (gc's `m0`).
static mut M0: M = M::new(0);

/// The process arguments, as musl's `__libc_start_main` passed them (gc's
/// `argc`/`argv`, saved by `runtime.args`).
#[allow(
    dead_code,
    reason = "saved at start for os.Args and os.Environ, which read them next"
)]
pub(crate) struct ProcessArgs {
    pub argc: c_int,
    pub argv: *const *const u8,
    pub envp: *const *const u8,
}

pub(crate) static mut PROCESS_ARGS: ProcessArgs = ProcessArgs {
    argc: 0,
    argv: core::ptr::null(),
    envp: core::ptr::null(),
};

/// The main goroutine's function: the compiled program.
unsafe extern "C" fn run_go_main(g: *mut G, _arg: *const u8) {
    // SAFETY: g is the main goroutine, set up by run_main.
    unsafe { goxide_go_main(g) }
}

/// The C entry point: musl's `__libc_start_main(main, argc, argv)` calls it.
///
/// # Safety
/// Called once, by musl's start code, with the process's argv and envp.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn main(
    argc: c_int,
    argv: *const *const u8,
    envp: *const *const u8,
) -> c_int {
    // SAFETY: single-threaded start: nothing else touches these statics yet.
    let end = unsafe {
        PROCESS_ARGS = ProcessArgs { argc, argv, envp };
        let m = addr_of_mut!(M0);
        let random = getauxval(AT_RANDOM) as *const u64;
        if !random.is_null() {
            (*m).cheaprand ^= random.read_unaligned();
        }
        crate::signals::install(m);
        crate::sched::run_main(m, run_go_main, core::ptr::null())
    };
    sys::write_all(sys::STDERR, &end.stderr);
    sys::exit(end.code)
}

/// `goxide_rt_exit(g, code)`: ends the process with `code` at once (gc's
/// `runtime.exit`, reached from `os.Exit`): no deferred calls, no flushing.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_exit(_g: *mut G, code: i64) -> ! {
    sys::exit(code as i32)
}

/// A Rust panic in the runtime: a runtime bug. Go panics never come here.
#[panic_handler]
fn runtime_bug(info: &core::panic::PanicInfo<'_>) -> ! {
    use crate::print::{PrintSink, Stderr};
    let mut err = Stderr;
    err.gwrite(b"fatal error: goxide runtime bug");
    if let Some(loc) = info.location() {
        err.gwrite(b" at ");
        err.gwrite(loc.file().as_bytes());
        err.gwrite(b":");
        crate::print::printuint(&mut err, loc.line() as u64);
    }
    err.gwrite(b"\n");
    sys::exit(2)
}

/// The Rust heap of the runtime's own data: musl's malloc (16-byte aligned),
/// `posix_memalign` beyond that. Go values live in the Go heap, not here.
struct LibcMalloc;

unsafe extern "C" {
    fn malloc(size: usize) -> *mut u8;
    fn realloc(p: *mut u8, size: usize) -> *mut u8;
    fn free(p: *mut u8);
    fn posix_memalign(out: *mut *mut u8, align: usize, size: usize) -> c_int;
}

/// What musl's malloc guarantees.
const MALLOC_ALIGN: usize = 16;

unsafe impl core::alloc::GlobalAlloc for LibcMalloc {
    unsafe fn alloc(&self, layout: core::alloc::Layout) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            // SAFETY: plain malloc.
            unsafe { malloc(layout.size()) }
        } else {
            let mut p = core::ptr::null_mut();
            // SAFETY: align is a power of two ≥ 16, a multiple of sizeof(void*).
            if unsafe { posix_memalign(&mut p, layout.align(), layout.size()) } != 0 {
                return core::ptr::null_mut();
            }
            p
        }
    }
    unsafe fn dealloc(&self, p: *mut u8, _layout: core::alloc::Layout) {
        // SAFETY: p came from malloc or posix_memalign.
        unsafe { free(p) }
    }
    unsafe fn realloc(&self, p: *mut u8, layout: core::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            // SAFETY: p came from malloc.
            return unsafe { realloc(p, new_size) };
        }
        // SAFETY: the default: allocate, copy, free.
        unsafe {
            let new_layout =
                core::alloc::Layout::from_size_align_unchecked(new_size, layout.align());
            let q = self.alloc(new_layout);
            if !q.is_null() {
                core::ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                self.dealloc(p, layout);
            }
            q
        }
    }
}

#[global_allocator]
static ALLOCATOR: LibcMalloc = LibcMalloc;
