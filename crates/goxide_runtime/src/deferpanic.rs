//! `defer`, `panic` and `recover` (gc's `runtime/panic.go`: `deferproc`,
//! `deferreturn`, `gopanic`, `gorecover`, `printpanics`).
//!
//! Deferred calls are `func()` closures (the compiler wraps `defer f(x)`
//! in one) on a per-goroutine list, each tagged with the deferring
//! function's frame pointer, ordered by frame (deepest first) and LIFO
//! within a frame. A function's returns run its own
//! (`deferreturn`); `gopanic` runs them all, newest first, each through
//! [`call_deferred`], whose frame is the one the deferred function's
//! caller (`goxide_go_call0`) links to.
//!
//! `recover()` (`gorecover(frame)`, `frame` the caller's frame pointer)
//! answers the current panic only when called by the deferred function
//! itself: the frame above the caller (two above through a generated
//! wrapper, which `deferproc` was told about) is `goxide_go_call0`'s,
//! whose caller is the [`call_deferred`] frame recorded in the panic —
//! gc's "called directly by a deferred call" rule.
//!
//! A recovered panic resumes the deferring function at its landing block
//! (compiler: every call of a function with defers is a `try_call`):
//! [`crate::unwind::resume_in`] finds, along the frame-pointer chain, the
//! call the deferring frame is in, looks it up in the compiler's
//! `goxide_unwind_table`, and jumps there with the stack and frame
//! pointers that call had. The landing runs the remaining deferred calls
//! and returns the named results. Panics whose `gopanic` frames the jump
//! abandons are dropped (gc's "aborted" panics).
//!
//! Run-time errors are panics too ([`panic_runtime_error`]); `recover`
//! gives them as an `interface{}` holding their message (gc gives a
//! `runtime.Error`; goxide has no Go-side runtime types yet, so `r.(error)`
//! does not hold for them — a known difference).
//!
//! An unrecovered panic prints gc's `printpanics` chain (oldest first,
//! `[recovered]` marks, tab-separated) and the traceback header, and
//! exits with status 2.
//!
//! Invariants: a `Defer` is on exactly one list until it runs; it is
//! unlinked before its call (a panic in it does not rerun it); `Panic`
//! records live in `gopanic` frames and are unlinked before those frames
//! are abandoned.

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::abi::Type;
use crate::error::{printpanicval, RuntimeError};
use crate::goroutine::G;
use crate::print::{printstring, printuint, PrintSink, Stderr};
use core::sync::atomic::{AtomicBool, Ordering};

/// One deferred call.
pub struct Defer {
    link: *mut Defer,
    /// The deferring function's frame pointer.
    frame: usize,
    /// The `func()` closure to call.
    closure: *const u8,
    /// The closure is a compiler wrapper around the deferred function.
    wrapped: bool,
}

/// An `interface{}` returned in two registers.
#[repr(C)]
pub struct Eface {
    pub typ: usize,
    pub data: usize,
}

// What the compiler provides for run-time errors as values and for
// printing panic values (contract "Panics"): the error values' type
// (`Error()` returns the message the data word points to), `error`'s and
// a Stringer's interface descriptors, and a way to call `func() string`
// methods.
#[cfg(goxide_runtime_staticlib)]
#[allow(improper_ctypes, reason = "the runtime's own types, passed by pointer")]
unsafe extern "C" {
    static goxide_runtime_error_type: Type;
    static goxide_error_itype: *const crate::abi::InterfaceType;
    static goxide_stringer_itype: *const crate::abi::InterfaceType;
    fn goxide_go_call_string(g: *mut G, code: usize, data: *const u8) -> crate::strings::GoString;
}

/// The type of run-time error values.
fn runtime_error_type() -> *const Type {
    #[cfg(goxide_runtime_staticlib)]
    {
        &raw const goxide_runtime_error_type
    }
    #[cfg(not(goxide_runtime_staticlib))]
    {
        &raw const STRING_TYPE.0
    }
}

/// Prints `v.Error()` or `v.String()` when the panic value `(t, d)` has
/// such a method (gc's printpanicval of the text: lines after the first
/// indented by a tab); false when it has neither.
unsafe fn print_method_string(out: &mut impl PrintSink, g: *mut G, t: *const Type, d: *const u8) -> bool {
    #[cfg(goxide_runtime_staticlib)]
    {
        for inter in [&raw const goxide_error_itype, &raw const goxide_stringer_itype] {
            // SAFETY: descriptors the compiler emitted; the method is Go
            // code taking the data word.
            unsafe {
                let inter = *inter;
                if inter.is_null() || g.is_null() {
                    continue;
                }
                if let Ok(tab) = crate::iface::getitab(inter, t) {
                    let code = (*tab).fun[0];
                    let s = goxide_go_call_string(g, code, d);
                    // gc prints the text as a string panic value: every
                    // line after the first indented by a tab.
                    crate::error::printindented(out, core::slice::from_raw_parts(s.ptr, s.len.max(0) as usize));
                    return true;
                }
            }
        }
        false
    }
    #[cfg(not(goxide_runtime_staticlib))]
    {
        let _ = (out, g, t, d);
        false
    }
}

/// A `string` descriptor for run-time errors' messages in host tests.
#[cfg(not(goxide_runtime_staticlib))]
struct SyncType(Type);
// SAFETY: the descriptor is immutable; its pointers are null.
#[cfg(not(goxide_runtime_staticlib))]
unsafe impl Sync for SyncType {}

#[cfg(not(goxide_runtime_staticlib))]
static STRING_TYPE: SyncType = SyncType(Type {
    size: 16,
    ptr_bytes: 8,
    hash: 0x5354_5247,
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: 24,
    equal: core::ptr::null(),
    gc_data: core::ptr::null(),
    str: 0,
    ptr_to_this: 0,
});

/// What a panic carries.
#[derive(Clone)]
enum PanicValue {
    /// `panic(v)`: an `interface{}`.
    Eface(*const Type, *const u8),
    /// A run-time error.
    Runtime(RuntimeError),
}

/// A panic in progress (gc's `_panic`), in its `gopanic` frame.
pub struct Panic {
    link: *mut Panic,
    value: PanicValue,
    recovered: bool,
    repanicked: bool,
    /// The frame pointer of the [`call_deferred`] running a deferred call
    /// for this panic (0 when none is running).
    call_fp: usize,
    /// That deferred call's closure is a compiler wrapper.
    wrapped: bool,
}

/// `goxide_rt_deferproc(g, closure, frame, wrapped)`: `defer`.
///
/// # Safety
/// `g` is the running goroutine; `closure` a live `func()` value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_deferproc(g: *mut G, closure: *const u8, frame: usize, wrapped: bool) {
    let d = Box::into_raw(Box::new(Defer { link: core::ptr::null_mut(), frame, closure, wrapped }));
    // SAFETY: the caller's guarantee; records are owned by the list.
    unsafe {
        // The list is ordered by frame, deepest first (the lowest address
        // on one stack; see `morestack::deeper` across segments).
        // A range-over-func body defers to its enclosing function while
        // the iterator (deeper) may have deferred calls of its own: the
        // record goes after those (gc keeps such calls on the enclosing
        // frame's record, `deferrangefunc`).
        let mut at: *mut *mut Defer = &raw mut (*g).defers;
        while !(*at).is_null() && crate::morestack::deeper(g, (**at).frame, frame) {
            at = &raw mut (**at).link;
        }
        (*d).link = *at;
        *at = d;
    }
}

/// `goxide_rt_deferreturn(g, frame)`: runs the deferred calls of the
/// function whose frame pointer is `frame`, newest first.
///
/// # Safety
/// `g` is the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_deferreturn(g: *mut G, frame: usize) {
    // SAFETY: the caller's guarantee; records are owned by the list.
    unsafe {
        loop {
            let d = (*g).defers;
            if d.is_null() || (*d).frame != frame {
                return;
            }
            (*g).defers = (*d).link;
            let closure = (*d).closure;
            drop(Box::from_raw(d));
            call_deferred(g, closure, core::ptr::null_mut());
        }
    }
}

/// Calls a deferred closure; with a panic, records this frame in it so
/// that `recover` can tell a direct call.
#[inline(never)]
unsafe fn call_deferred(g: *mut G, closure: *const u8, p: *mut Panic) {
    if !p.is_null() {
        // SAFETY: p lives in the calling gopanic frame.
        unsafe { (*p).call_fp = crate::unwind::current_frame() };
    }
    // SAFETY: the closure is a live `func()` value.
    unsafe { crate::sched::call_go_closure(g, closure) };
    if !p.is_null() {
        // SAFETY: as above.
        unsafe { (*p).call_fp = 0 };
    }
}

/// `goxide_rt_gorecover(g, frame) -> interface{}`: `recover()` called by
/// the function with frame pointer `frame`.
///
/// # Safety
/// `g` is the running goroutine; `frame` its caller's frame pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_gorecover(g: *mut G, frame: usize) -> Eface {
    let none = Eface { typ: 0, data: 0 };
    // SAFETY: the caller's guarantee; frame records are readable.
    unsafe {
        let p = (*g).panics;
        if p.is_null() || (*p).recovered || (*p).call_fp == 0 || frame == 0 {
            return none;
        }
        // frame → (wrapper →) goxide_go_call0 → call_deferred.
        let call0 = crate::unwind::parent_frame(frame);
        let call0 = if (*p).wrapped { crate::unwind::parent_frame(call0) } else { call0 };
        if call0 == 0 || crate::unwind::parent_frame(call0) != (*p).call_fp {
            return none;
        }
        (*p).recovered = true;
        let (t, d) = eface_of(&(*p).value);
        Eface { typ: t as usize, data: d as usize }
    }
}

/// A panic's value as an `interface{}`: run-time errors as their message
/// in a heap string of the runtime's string type.
fn eface_of(v: &PanicValue) -> (*const Type, *const u8) {
    match v {
        PanicValue::Eface(t, d) => (*t, *d),
        PanicValue::Runtime(e) => {
            let mut msg: Vec<u8> = Vec::new();
            e.write_message(&mut msg);
            let bytes = Box::leak(msg.into_boxed_slice());
            let s = Box::leak(Box::new([bytes.as_ptr() as usize, bytes.len()]));
            (runtime_error_type(), s.as_ptr() as *const u8)
        }
    }
}

/// `goxide_rt_gopanic(g, typ, data)`: `panic(v)`.
///
/// # Safety
/// `g` is the running goroutine; `(typ, data)` an `interface{}`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_gopanic(g: *mut G, typ: *const Type, data: *const u8) -> ! {
    let value = if typ.is_null() { PanicValue::Runtime(RuntimeError::PanicNil) } else { PanicValue::Eface(typ, data) };
    // SAFETY: the caller's guarantee.
    unsafe { gopanic(g, value) }
}

/// A run-time error as a panic (the one way run-time errors leave the
/// runtime: `crate::panic::runtime_error_panic` comes here). `g` is the
/// running goroutine, as compiled code passes it to every entry point.
#[allow(clippy::not_unsafe_ptr_arg_deref, reason = "g is the running goroutine (the contract), as for every runtime entry")]
pub fn panic_runtime_error(g: *mut G, err: RuntimeError) -> ! {
    if g.is_null() {
        print_uncaught(core::ptr::null_mut(), &Panic { link: core::ptr::null_mut(), value: PanicValue::Runtime(err), recovered: false, repanicked: false, call_fp: 0, wrapped: false }, 1);
        crate::sys::exit(2)
    }
    // SAFETY: compiled code passes the goroutine it runs on.
    unsafe { gopanic(g, PanicValue::Runtime(err)) }
}

/// gc's `gopanic`: run the deferred calls; resume where one recovers;
/// else report and exit.
unsafe fn gopanic(g: *mut G, value: PanicValue) -> ! {
    // SAFETY: the goroutine's lists are its own; `p` outlives every use
    // (this frame is abandoned only after it is unlinked).
    unsafe {
        let mut p = Panic { link: (*g).panics, value, recovered: false, repanicked: false, call_fp: 0, wrapped: false };
        // gc's repanic mark: panicking again with the value just recovered.
        if let (Some(prev), PanicValue::Eface(t, d)) = ((*g).panics.as_mut(), &p.value)
            && prev.recovered
            && let PanicValue::Eface(pt, pd) = prev.value
            && pt == *t
            && pd == *d
        {
            prev.repanicked = true;
        }
        (*g).panics = &mut p;
        loop {
            let d = (*g).defers;
            if d.is_null() {
                break;
            }
            (*g).defers = (*d).link;
            let Defer { frame, closure, wrapped, .. } = *Box::from_raw(d);
            p.wrapped = wrapped;
            call_deferred(g, closure, &mut p);
            if p.recovered {
                // Drop this panic and those of abandoned gopanic frames
                // (below the resumed frame).
                let mut q = p.link;
                while !q.is_null() && crate::morestack::deeper(g, q as usize, frame) {
                    q = (*q).link;
                }
                (*g).panics = q;
                crate::unwind::resume_in(g, frame);
            }
        }
        if PRINTING_PANIC_VALUES.load(Ordering::Relaxed) {
            throw_while_printing(&p.value, (*g).goid);
        }
        print_uncaught(g, &p, (*g).goid);
        crate::sys::exit(2)
    }
}

/// Set while an uncaught panic's report is being made, which may run Go
/// code (`Error`, `String`): a panic that escapes that code is gc's
/// `panic while printing panic value` (`preprintpanics`).
static PRINTING_PANIC_VALUES: AtomicBool = AtomicBool::new(false);

/// gc's `printpanics` then the traceback header. The report is made in
/// full before it is written (gc's `preprintpanics` turns every value
/// into its text first), so a panic while making it prints nothing of it.
fn print_uncaught(g: *mut G, p: &Panic, goid: u64) {
    let mut out: Vec<u8> = Vec::new();
    PRINTING_PANIC_VALUES.store(true, Ordering::Relaxed);
    print_chain(&mut out, g, p);
    PRINTING_PANIC_VALUES.store(false, Ordering::Relaxed);
    printstring(&mut out, b"\ngoroutine ");
    printuint(&mut out, goid);
    printstring(&mut out, b" [running]:\n");
    Stderr.gwrite(&out);
}

/// gc's throw from `preprintpanics`: `fatal error: panic while printing
/// panic value: ` and the new panic's value when it is a string, else
/// `type T` (its dynamic type); then the goroutine's header, status 2.
fn throw_while_printing(v: &PanicValue, goid: u64) -> ! {
    let mut out: Vec<u8> = Vec::new();
    printstring(&mut out, b"fatal error: panic while printing panic value: ");
    match v {
        // SAFETY: an interface value compiled code made.
        PanicValue::Eface(t, d) => unsafe {
            let ty = &**t;
            if ty.kind == crate::abi::kind::STRING && ty.string() == b"string" {
                let s = *(*d as *const crate::strings::GoString);
                out.gwrite(core::slice::from_raw_parts(s.ptr, s.len.max(0) as usize));
            } else {
                printstring(&mut out, b"type ");
                out.gwrite(ty.string());
            }
        },
        PanicValue::Runtime(e) => {
            printstring(&mut out, b"type ");
            printstring(&mut out, e.gc_type_name());
        }
    }
    printstring(&mut out, b"\n\ngoroutine ");
    printuint(&mut out, goid);
    printstring(&mut out, b" [running]:\n");
    Stderr.gwrite(&out);
    crate::sys::exit(2)
}

fn print_chain(out: &mut impl PrintSink, g: *mut G, p: &Panic) {
    // SAFETY: linked panics live in frames below this one.
    if let Some(link) = unsafe { p.link.as_ref() } {
        print_chain(out, g, link);
        if link.repanicked {
            return;
        }
        printstring(out, b"\t");
    }
    printstring(out, b"panic: ");
    match &p.value {
        // A recovered run-time error panicked again: its message.
        PanicValue::Eface(t, d) if *t == runtime_error_type() => {
            // SAFETY: the data word points to the message.
            unsafe {
                let s = *(*d as *const crate::strings::GoString);
                out.gwrite(core::slice::from_raw_parts(s.ptr, s.len.max(0) as usize));
            }
        }
        // SAFETY: an interface value compiled code made.
        PanicValue::Eface(t, d) => unsafe {
            if !print_method_string(out, g, *t, *d) {
                printpanicval(out, *t, *d)
            }
        },
        PanicValue::Runtime(e) => {
            e.write_message(out);
            if let RuntimeError::NilDeref { addr } = *e {
                printstring(out, b"\n[signal SIGSEGV: segmentation violation code=0x1 addr=");
                crate::print::printhex(out, addr as u64);
                printstring(out, b" pc=0x0]");
            }
        }
    }
    if p.recovered && p.repanicked {
        printstring(out, b" [recovered, repanicked]");
    } else if p.recovered {
        printstring(out, b" [recovered]");
    }
    printstring(out, b"\n");
}

/// `goxide_rt_panicrangestate(g, state)`: a range function's `yield`
/// called after the loop ended (gc's `panicrangestate`).
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicrangestate(g: *mut G, _state: i64) -> ! {
    panic_runtime_error(g, RuntimeError::Plain(b"range function continued iteration after function for loop body returned false"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::sync::atomic::{AtomicUsize, Ordering};

    /// A host closure object: its first word is a C-ABI function, then
    /// the digit it appends to its test's log (tests run in parallel).
    #[repr(C)]
    struct HostClosure {
        code: unsafe extern "C" fn(*mut G, *const u8),
        digit: usize,
        log: &'static AtomicUsize,
    }

    unsafe extern "C" fn append_digit(_g: *mut G, closure: *const u8) {
        // SAFETY: made by the tests below.
        let c = unsafe { &*(closure as *const HostClosure) };
        let _ = c.log.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| Some(v * 10 + c.digit));
    }

    #[test]
    fn deferred_calls_run_newest_first_per_frame() {
        static LOG: AtomicUsize = AtomicUsize::new(0);
        let mut g = G::new(1, core::ptr::null_mut(), 0, 0);
        let closures: Vec<HostClosure> = (1..=3).map(|digit| HostClosure { code: append_digit, digit, log: &LOG }).collect();
        // Frame 200 defers 1 and 2, frame 100 (a callee: stacks grow
        // down) defers 3.
        // SAFETY: g is a test goroutine; the closures outlive the calls.
        unsafe {
            goxide_rt_deferproc(&mut g, &closures[0] as *const HostClosure as *const u8, 200, false);
            goxide_rt_deferproc(&mut g, &closures[1] as *const HostClosure as *const u8, 200, false);
            goxide_rt_deferproc(&mut g, &closures[2] as *const HostClosure as *const u8, 100, false);
            LOG.store(0, Ordering::SeqCst);
            goxide_rt_deferreturn(&mut g, 100);
            assert_eq!(LOG.load(Ordering::SeqCst), 3);
            // Another frame's defers are not this frame's.
            goxide_rt_deferreturn(&mut g, 300);
            assert_eq!(LOG.load(Ordering::SeqCst), 3);
            goxide_rt_deferreturn(&mut g, 200);
            assert_eq!(LOG.load(Ordering::SeqCst), 321);
            assert!(g.defers.is_null());
            // No panic: recover answers nil.
            let r = goxide_rt_gorecover(&mut g, 100);
            assert_eq!((r.typ, r.data), (0, 0));
        }
    }

    #[test]
    fn a_deferral_to_an_enclosing_frame_goes_after_the_callees_own() {
        // A range-over-func body (called by the iterator, frame 100)
        // defers 2 to its enclosing function (frame 200) after the
        // iterator deferred 1: the iterator's return runs only its own.
        static LOG: AtomicUsize = AtomicUsize::new(0);
        let mut g = G::new(1, core::ptr::null_mut(), 0, 0);
        let closures: Vec<HostClosure> = (1..=3).map(|digit| HostClosure { code: append_digit, digit, log: &LOG }).collect();
        // SAFETY: g is a test goroutine; the closures outlive the calls.
        unsafe {
            goxide_rt_deferproc(&mut g, &closures[2] as *const HostClosure as *const u8, 200, false);
            goxide_rt_deferproc(&mut g, &closures[0] as *const HostClosure as *const u8, 100, false);
            goxide_rt_deferproc(&mut g, &closures[1] as *const HostClosure as *const u8, 200, false);
            LOG.store(0, Ordering::SeqCst);
            goxide_rt_deferreturn(&mut g, 100);
            assert_eq!(LOG.load(Ordering::SeqCst), 1);
            goxide_rt_deferreturn(&mut g, 200);
            assert_eq!(LOG.load(Ordering::SeqCst), 123);
            assert!(g.defers.is_null());
        }
    }

    #[test]
    fn panic_chains_print_as_gcs_printpanics() {
        let older = Panic { link: core::ptr::null_mut(), value: PanicValue::Runtime(RuntimeError::Plain(b"x")), recovered: true, repanicked: false, call_fp: 0, wrapped: false };
        let mut older = older;
        let newer = Panic { link: &mut older, value: PanicValue::Runtime(RuntimeError::Unprefixed(b"second")), recovered: false, repanicked: false, call_fp: 0, wrapped: false };
        let mut out: Vec<u8> = Vec::new();
        print_chain(&mut out, core::ptr::null_mut(), &newer);
        assert_eq!(out, b"panic: runtime error: x [recovered]\n\tpanic: second\n");
    }
}
