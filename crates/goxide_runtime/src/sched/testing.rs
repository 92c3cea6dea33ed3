//! Test shim: runs Rust closures as goroutines through the same scheduler
//! and context-switch code a linked program uses.
//!
//! A `TestClosure` has the shape of a Go `func()` value as host builds
//! call it (`sched::goxide_go_call0`): its first word is a C-ABI
//! `fn(g, closure)`. [`run`] plays `goxide_go_main`: it runs `main` as the
//! main goroutine of a fresh M and returns how the program ended; [`go`]
//! is the `go` statement.
//!
//! Compiled into host builds only (not the staticlib), so the crate's
//! integration tests use it too. [`chan_type`] forges the parts of an
//! `abi.ChanType` the channel code reads.
//!
//! Invariants: a closure runs at most once; a Rust panic inside a
//! goroutine aborts the test binary (it cannot unwind through a context
//! switch), so tests collect what happened and assert after [`run`].

use alloc::boxed::Box;

use super::{ProgramEnd, run_main};
use crate::abi::{ChanType, Type};
use crate::goroutine::{G, M};

#[repr(C)]
struct TestClosure {
    code: unsafe extern "C" fn(*mut G, *const u8),
    f: Option<Box<dyn FnOnce(*mut G)>>,
}

unsafe extern "C" fn call_test_closure(g: *mut G, closure: *const u8) {
    // SAFETY: closure came from `closure` below and is never freed.
    let f = unsafe { (*(closure as *mut TestClosure)).f.take() };
    if let Some(f) = f {
        f(g)
    }
}

/// A `func()` value running `f` (leaked: goroutines may outlive the call).
pub fn closure(f: impl FnOnce(*mut G) + 'static) -> *const u8 {
    Box::into_raw(Box::new(TestClosure {
        code: call_test_closure,
        f: Some(Box::new(f)),
    })) as *const u8
}

/// Runs `main` as a program's main goroutine on a fresh M.
pub fn run(main: impl FnOnce(*mut G) + 'static) -> ProgramEnd {
    let mut m = Box::new(M::new(0));
    let c = closure(main);
    // SAFETY: a fresh M on this thread; the closure object follows the host
    // convention run_main's entry expects.
    unsafe { run_main(&mut *m, call_test_closure, c) }
}

/// `go f()` from goroutine `g`.
#[allow(
    clippy::not_unsafe_ptr_arg_deref,
    reason = "a test shim: g is the goroutine the shim itself passed to the closure"
)]
pub fn go(g: *mut G, f: impl FnOnce(*mut G) + 'static) {
    // SAFETY: g is the running goroutine (tests call this from inside `run`).
    unsafe { super::goxide_rt_newproc(g, closure(f)) }
}

/// The id of goroutine `g`.
#[allow(
    clippy::not_unsafe_ptr_arg_deref,
    reason = "a test shim: g is the goroutine the shim itself passed to the closure"
)]
pub fn goid(g: *mut G) -> u64 {
    // SAFETY: tests pass the running goroutine.
    unsafe { (*g).goid }
}

/// A leaked `abi.ChanType` for elements of `size` bytes aligned to
/// `align`, without pointers: only what the channel code reads is filled
/// in.
pub fn chan_type(size: usize, align: u8) -> *const ChanType {
    leaked_chan_type(size, align, 0)
}

/// As [`chan_type`], for elements that hold pointers (the buffer is then
/// its own typed allocation).
pub fn chan_type_with_pointers(size: usize, align: u8) -> *const ChanType {
    leaked_chan_type(size, align, size)
}

fn leaked_chan_type(size: usize, align: u8, ptr_bytes: usize) -> *const ChanType {
    let ty = |size, align, ptr_bytes| Type {
        size,
        ptr_bytes,
        hash: 0,
        tflag: 0,
        align,
        field_align: align,
        kind: 0,
        equal: core::ptr::null(),
        gc_data: core::ptr::null(),
        str: 0,
        ptr_to_this: 0,
    };
    let elem = Box::into_raw(Box::new(ty(size, align, ptr_bytes)));
    Box::into_raw(Box::new(ChanType {
        typ: ty(8, 8, 8),
        elem,
        dir: 3,
    }))
}

/// As [`run`], with the process-wide signal handlers installed for the
/// fresh M ([`crate::signals::install`]): for tests that run in a child
/// process, since a handled signal ends the process.
pub fn run_with_signal_reports(main: impl FnOnce(*mut G) + 'static) -> ProgramEnd {
    let m = Box::into_raw(Box::new(M::new(0)));
    // SAFETY: the M is leaked, so it outlives every signal.
    unsafe { crate::signals::install(m) };
    let c = closure(main);
    // SAFETY: as in `run`.
    unsafe { run_main(m, call_test_closure, c) }
}
