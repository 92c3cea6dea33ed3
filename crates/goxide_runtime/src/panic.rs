//! Run-time errors the compiler checks for inline (gc's `runtime/panic.go`
//! `panicdivide`, `panicshift`): the check is compiled code's, the report
//! is here. v0 has no `defer`/`recover` yet, so a run-time error is always
//! fatal: it prints gc's `panic: runtime error: <msg>` line, a blank line
//! and the `goroutine N [running]:` header of the traceback (the frames
//! themselves come with the unwinder), and exits with status 2, as an
//! uncaught panic does in gc (`fatalpanic` → `exit(2)`).
//!
//! Invariants: the messages are gc's `runtime.Error` strings word for
//! word (tested against the reference go in `tests/panic_differential.rs`);
//! the entry points never return.

use crate::goroutine::G;
use crate::print::{printstring, printuint, PrintSink, Stderr};
use crate::sys;

/// gc's `divideError`.
pub const DIVIDE_ERROR: &[u8] = b"integer divide by zero";
/// gc's `shiftError`.
pub const SHIFT_ERROR: &[u8] = b"negative shift amount";

/// What an uncaught run-time error prints before the traceback's frames
/// (gc's `printpanics` for a `runtime.Error`, then `traceback`'s header).
pub fn print_runtime_error(out: &mut impl PrintSink, msg: &[u8], goid: u64) {
    printstring(out, b"panic: runtime error: ");
    printstring(out, msg);
    printstring(out, b"\n\ngoroutine ");
    printuint(out, goid);
    printstring(out, b" [running]:\n");
}

fn fatal_runtime_error(g: *mut G, msg: &[u8]) -> ! {
    let goid = if g.is_null() {
        1
    } else {
        // SAFETY: compiled code passes the goroutine it runs on.
        unsafe { (*g).goid }
    };
    print_runtime_error(&mut Stderr, msg, goid);
    sys::exit(2)
}

/// `goxide_rt_panicdivide(g)`: an integer division by zero.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicdivide(g: *mut G) -> ! {
    fatal_runtime_error(g, DIVIDE_ERROR)
}

/// `goxide_rt_panicshift(g)`: a shift by a negative (signed) count.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_panicshift(g: *mut G) -> ! {
    fatal_runtime_error(g, SHIFT_ERROR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_is_gcs_header() {
        let mut out = alloc::vec::Vec::new();
        print_runtime_error(&mut out, DIVIDE_ERROR, 1);
        assert_eq!(out, b"panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n");
    }
}
