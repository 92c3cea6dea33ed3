//! Panics and run-time errors (gc's `runtime/panic.go`, the `panicIndex`
//! family of `panic.go`/`error.go`, `panicdottype*` of `iface.go`,
//! `panicmakeslice*` of `slice.go`, `panicunsafe*` of `unsafe.go`), and
//! `throw` (`fatal error:`).
//!
//! Every run-time error goes through ONE function,
//! [`runtime_error_panic`], which starts a recoverable panic
//! (`deferpanic`, where `goxide_rt_gopanic` lives too). Uncaught, a panic
//! prints gc's report — `panic: ` + the message (gc's `printpanics`), for
//! a nil dereference gc's `[signal SIGSEGV: segmentation violation
//! code=0x1 addr=0x.. pc=0x0]` line, a blank line and the `goroutine N
//! [running]:` header (the frames come with a traceback) — and exits with
//! status 2 (`fatalpanic` → `exit(2)`). The printers here are also used
//! by [`gopanic_eface`] (a report without running deferred calls).
//!
//! # Entry points (C ABI, `g` first, never returning)
//! | symbol `goxide_rt_…` | arguments after `g` | message |
//! |---|---|---|
//! | `panicdivide` / `panicshift` | — | `integer divide by zero` / `negative shift amount` |
//! | `panicIndex`, `panicSliceAlen`, `panicSliceAcap`, `panicSliceB`, `panicSlice3Alen`, `panicSlice3Acap`, `panicSlice3B`, `panicSlice3C` | `x: i64, y: i64` | gc's `boundsError`, `x` signed |
//! | the same names + `U` (`panicIndexU`, …) | `x: u64, y: i64` | `x` unsigned |
//! | `panicSliceConvert` | `x: i64, y: i64` | `cannot convert slice with length y to array or pointer to array with length x` |
//! | `panicmakeslicelen` / `panicmakeslicecap` | — | `makeslice: len/cap out of range` |
//! | `panicunsafeslicelen` / `panicunsafeslicenilptr` | — | `unsafe.Slice: len out of range` / `…: ptr is nil and len is not zero` |
//! | `panicunsafestringlen` / `panicunsafestringnilptr` | — | the `unsafe.String` forms |
//! | `panicmem` / `panicmemAddr` | — / `addr: u64` | nil dereference, with the `[signal …]` line (`addr=0x0` / `addr`) |
//! | `panicnilmap` | — | `assignment to entry in nil map` (no `runtime error:` prefix, gc's `plainError`) |
//! | `panicdottypeE` | `have: *Type, want: *Type, iface: *Type` | `interface conversion: …` |
//! | `panicdottypeI` | `have: *ITab, want: *Type, iface: *Type` | the same, `have`'s type from the itab |
//! | `panicnildottype` | `want: *Type` | `interface conversion: interface is nil, not …` |
//! | `gopanic` | `typ: *Type, data: ptr` (an `interface{}`) | `panic: ` + gc's `printpanicval` |
//! | `gonilfunc` | — | `fatal error: go of nil func value` (a throw: no deferred call runs) |
//! | `panicwrap` | `msg: ptr, len: i64` (a Go string the compiler made) | `msg`, unprefixed (gc's `panicwrap`: `value method main.T.M called using nil *T pointer`) |
//!
//! `pc=0x0` in the `[signal …]` line: the runtime does not know the
//! faulting pc (gc prints its own, which differs per build anyway); the
//! golden harness has to mask the value.
//!
//! Invariants: the messages are gc's word for word (unit tests and
//! `tests/panic_differential.rs`); nothing here returns; a report is one
//! `write` per piece to standard error, unbuffered, as gc's `print`.

use crate::abi::{ITab, Type};
use crate::error::{printpanicval, BoundsCode, RuntimeError};
use crate::goroutine::G;
use crate::print::{printstring, printuint, PrintSink, Stderr};
use crate::sys;

/// gc's `divideError`.
pub const DIVIDE_ERROR: &[u8] = b"integer divide by zero";
/// gc's `shiftError`.
pub const SHIFT_ERROR: &[u8] = b"negative shift amount";

/// What an uncaught `runtime error:` of text `msg` prints before the
/// traceback's frames (gc's `printpanics` for an `errorString`, then
/// `traceback`'s header).
pub fn print_runtime_error(out: &mut impl PrintSink, msg: &'static [u8], goid: u64) {
    print_panic_report(out, &RuntimeError::Plain(msg), goid);
}

/// The header of the traceback: a blank line, `goroutine N [running]:`.
fn print_goroutine_header(out: &mut impl PrintSink, goid: u64) {
    printstring(out, b"\ngoroutine ");
    printuint(out, goid);
    printstring(out, b" [running]:\n");
}

/// gc's report of an uncaught run-time error, up to the traceback's frames.
pub fn print_panic_report(out: &mut impl PrintSink, err: &RuntimeError, goid: u64) {
    printstring(out, b"panic: ");
    err.write_message(out);
    if let RuntimeError::NilDeref { addr } = *err {
        // gc's dopanic_m: gp.sig != 0.
        printstring(out, b"\n[signal SIGSEGV: segmentation violation code=0x1 addr=");
        crate::print::printhex(out, addr as u64);
        printstring(out, b" pc=0x0]");
    }
    printstring(out, b"\n");
    print_goroutine_header(out, goid);
}

fn goid_of(g: *mut G) -> u64 {
    if g.is_null() {
        1
    } else {
        // SAFETY: compiled code passes the goroutine it runs on.
        unsafe { (*g).goid }
    }
}

/// THE way a run-time error leaves the runtime: a panic
/// (`deferpanic`), recoverable like `panic(v)`.
pub fn runtime_error_panic(g: *mut G, err: RuntimeError) -> ! {
    crate::deferpanic::panic_runtime_error(g, err)
}

/// What an uncaught `panic(v)` prints before the traceback's frames, for
/// an `interface{}` value `(typ, data)` (a nil `v` is a `PanicNilError`).
///
/// # Safety
/// `(typ, data)` is a Go `interface{}` value.
pub unsafe fn print_gopanic_report(out: &mut impl PrintSink, typ: *const Type, data: *const u8, goid: u64) {
    if typ.is_null() {
        print_panic_report(out, &RuntimeError::PanicNil, goid);
        return;
    }
    printstring(out, b"panic: ");
    // SAFETY: the caller's guarantee.
    unsafe { printpanicval(out, typ, data) };
    printstring(out, b"\n");
    print_goroutine_header(out, goid);
}

/// `panic(v)` for an `interface{}` value: gc's `gopanic`, uncaught.
///
/// # Safety
/// `(typ, data)` is a Go `interface{}` value.
pub unsafe fn gopanic_eface(g: *mut G, typ: *const Type, data: *const u8) -> ! {
    // SAFETY: the caller's guarantee.
    unsafe { print_gopanic_report(&mut Stderr, typ, data, goid_of(g)) };
    sys::exit(2)
}

/// `goxide_rt_gonilfunc(g)`: `go f()` of a nil func value `f` (gc's
/// `newproc1`: `fatal("go of nil func value")`): unrecoverable, no
/// deferred call runs; `fatal error: go of nil func value`, the running
/// goroutine's header, exit status 2.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_gonilfunc(g: *mut G) -> ! {
    let out = &mut Stderr;
    printstring(out, b"fatal error: go of nil func value\n\ngoroutine ");
    printuint(out, goid_of(g));
    printstring(out, if locked_to_thread(g) { b" [running, locked to thread]:\n" } else { b" [running]:\n" });
    sys::exit(2)
}

/// Whether goroutine `g` (null: none) is locked to its thread.
fn locked_to_thread(g: *mut G) -> bool {
    // SAFETY: compiled code passes the goroutine it runs on (or null).
    !g.is_null() && unsafe { (*g).locked_to_thread }
}

/// gc's `throw`: an unrecoverable runtime failure, `fatal error: msg`,
/// exit status 2.
pub fn throw(msg: &[u8]) -> ! {
    let out = &mut Stderr;
    printstring(out, b"fatal error: ");
    printstring(out, msg);
    printstring(out, b"\n");
    sys::exit(2)
}

/// `goxide_rt_panicdivide(g)`: an integer division by zero.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicdivide(g: *mut G) -> ! {
    runtime_error_panic(g, RuntimeError::Plain(DIVIDE_ERROR))
}

/// `goxide_rt_panicshift(g)`: a shift by a negative (signed) count.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicshift(g: *mut G) -> ! {
    runtime_error_panic(g, RuntimeError::Plain(SHIFT_ERROR))
}

macro_rules! bounds_entry_points {
    ($($signed:ident, $unsigned:ident, $code:ident;)*) => {$(
        #[doc = concat!("`goxide_rt_", stringify!($signed), "(g, x: i64, y: i64)`.")]
        #[unsafe(no_mangle)]
        pub extern "C" fn $signed(g: *mut G, x: i64, y: i64) -> ! {
            runtime_error_panic(g, RuntimeError::Bounds { x, y, signed: true, code: BoundsCode::$code })
        }
        #[doc = concat!("`goxide_rt_", stringify!($unsigned), "(g, x: u64, y: i64)`.")]
        #[unsafe(no_mangle)]
        pub extern "C" fn $unsigned(g: *mut G, x: u64, y: i64) -> ! {
            runtime_error_panic(g, RuntimeError::Bounds { x: x as i64, y, signed: false, code: BoundsCode::$code })
        }
    )*};
}

bounds_entry_points! {
    goxide_rt_panicIndex, goxide_rt_panicIndexU, Index;
    goxide_rt_panicSliceAlen, goxide_rt_panicSliceAlenU, SliceAlen;
    goxide_rt_panicSliceAcap, goxide_rt_panicSliceAcapU, SliceAcap;
    goxide_rt_panicSliceB, goxide_rt_panicSliceBU, SliceB;
    goxide_rt_panicSlice3Alen, goxide_rt_panicSlice3AlenU, Slice3Alen;
    goxide_rt_panicSlice3Acap, goxide_rt_panicSlice3AcapU, Slice3Acap;
    goxide_rt_panicSlice3B, goxide_rt_panicSlice3BU, Slice3B;
    goxide_rt_panicSlice3C, goxide_rt_panicSlice3CU, Slice3C;
}

/// `goxide_rt_panicSliceConvert(g, x: i64, y: i64)`: `(*[x]T)(s)` with
/// `len(s) == y < x`.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicSliceConvert(g: *mut G, x: i64, y: i64) -> ! {
    runtime_error_panic(g, RuntimeError::Bounds { x, y, signed: true, code: BoundsCode::Convert })
}

macro_rules! plain_entry_points {
    ($($name:ident => $err:expr;)*) => {$(
        #[doc = concat!("`goxide_rt_", stringify!($name), "(g)`.")]
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(g: *mut G) -> ! {
            runtime_error_panic(g, $err)
        }
    )*};
}

plain_entry_points! {
    goxide_rt_panicmakeslicelen => RuntimeError::Plain(b"makeslice: len out of range");
    goxide_rt_panicmakeslicecap => RuntimeError::Plain(b"makeslice: cap out of range");
    goxide_rt_panicunsafeslicelen => RuntimeError::Plain(b"unsafe.Slice: len out of range");
    goxide_rt_panicunsafeslicenilptr => RuntimeError::Plain(b"unsafe.Slice: ptr is nil and len is not zero");
    goxide_rt_panicunsafestringlen => RuntimeError::Plain(b"unsafe.String: len out of range");
    goxide_rt_panicunsafestringnilptr => RuntimeError::Plain(b"unsafe.String: ptr is nil and len is not zero");
    goxide_rt_panicmem => RuntimeError::NilDeref { addr: 0 };
    goxide_rt_panicnilmap => RuntimeError::Unprefixed(b"assignment to entry in nil map");
}

/// `goxide_rt_panicwrap(g, msg, len)`: a value method called through a
/// nil pointer by its `*T` wrapper. gc's `panicwrap` builds the text from
/// the wrapper's function name; here the compiler wrote it, a constant
/// string (static data, so the `'static` borrow holds).
///
/// # Safety
/// `(msg, len)` is a Go string in static data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_panicwrap(g: *mut G, msg: *const u8, len: i64) -> ! {
    let text: &'static [u8] = if msg.is_null() || len <= 0 {
        &[]
    } else {
        // SAFETY: the caller's guarantee.
        unsafe { core::slice::from_raw_parts(msg, len as usize) }
    };
    runtime_error_panic(g, RuntimeError::Unprefixed(text))
}

/// `goxide_rt_panicmemAddr(g, addr)`: a nil dereference at `addr` (a
/// field at offset `addr` of a nil pointer).
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicmemAddr(g: *mut G, addr: u64) -> ! {
    runtime_error_panic(g, RuntimeError::NilDeref { addr: addr as usize })
}

/// `goxide_rt_panicdottypeE(g, have, want, iface)`: `x.(T)` failed; `have`
/// is x's dynamic type (null when x is nil), `iface` x's static type.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicdottypeE(g: *mut G, have: *const Type, want: *const Type, iface: *const Type) -> ! {
    runtime_error_panic(g, RuntimeError::TypeAssertion { iface, concrete: have, asserted: want, missing: b"" })
}

/// `goxide_rt_panicdottypeI(g, have, want, iface)`: as `panicdottypeE`
/// with x's itab (null when x is nil).
///
/// # Safety
/// `have` is null or an itab.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_panicdottypeI(g: *mut G, have: *const ITab, want: *const Type, iface: *const Type) -> ! {
    // SAFETY: the caller's guarantee.
    let t = if have.is_null() { core::ptr::null() } else { unsafe { (*have).typ } };
    goxide_rt_panicdottypeE(g, t, want, iface)
}

/// `goxide_rt_panicnildottype(g, want)`: `x.(T)` on a nil interface when
/// the static type is not known to the check (gc's `panicnildottype`).
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicnildottype(g: *mut G, want: *const Type) -> ! {
    runtime_error_panic(g, RuntimeError::TypeAssertion { iface: core::ptr::null(), concrete: core::ptr::null(), asserted: want, missing: b"" })
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_is_gcs_header() {
        let mut out = alloc::vec::Vec::new();
        print_runtime_error(&mut out, DIVIDE_ERROR, 1);
        assert_eq!(out, b"panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n");
        let mut out = alloc::vec::Vec::new();
        print_panic_report(&mut out, &RuntimeError::NilDeref { addr: 8 }, 3);
        assert_eq!(
            alloc::string::String::from_utf8(out).unwrap(),
            "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x0]\n\ngoroutine 3 [running]:\n"
        );
    }
}
