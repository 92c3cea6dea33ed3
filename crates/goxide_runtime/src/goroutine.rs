//! `G` (a goroutine) and `M` (an OS thread running Go code): the records
//! compiled code and the runtime share, in the layout the contract fixes
//! (crate doc, "The goroutine record").
//!
//! Mirrors gc's `runtime/runtime2.go` `g` and `m`, cut to what v0 uses:
//! the stack bounds and the limit Cranelift's prologue checks (gc's
//! `stack` and `stackguard0`), the goroutine id, the M and its print lock
//! depth (`m.printlock`, `m.locks`).
//!
//! Invariants: `#[repr(C)]`; the offsets below are the contract and a test
//! pins them; compiled code reads only `stack_limit`, and only through the
//! `g` it was passed; every other field is the runtime's.

/// A goroutine. Compiled code receives a `*mut G` as the first parameter of
/// every Go function and passes it on to every runtime entry point.
#[repr(C)]
pub struct G {
    /// Offset 0: the lowest stack pointer a Go function's prologue may leave
    /// (Cranelift's `stack_limit`); `stack_lo + STACK_HEADROOM`.
    pub stack_limit: usize,
    /// Offset 8: the M running this goroutine.
    pub m: *mut M,
    /// Offset 16: the lowest address of the goroutine's stack.
    pub stack_lo: usize,
    /// Offset 24: one past the highest address of the goroutine's stack.
    pub stack_hi: usize,
    /// Offset 32: the goroutine id (the main goroutine is 1, as in gc).
    pub goid: u64,
    // ---- runtime-private below this line (not part of the contract) ----
    /// Deferred calls, newest first (gc's `_defer`).
    pub defers: *mut crate::deferpanic::Defer,
    /// Panics in progress, newest first (gc's `_panic`).
    pub panics: *mut crate::deferpanic::Panic,
}

/// Where compiled code finds [`G::stack_limit`]: `load.i64 notrap aligned
/// vmctx+G_STACK_LIMIT_OFFSET`.
pub const G_STACK_LIMIT_OFFSET: usize = 0;

/// Bytes of stack below `stack_limit` that runtime code called from a Go
/// function may use: runtime entry points run on the caller's stack and
/// have no prologue check of their own.
pub const STACK_HEADROOM: usize = 64 * 1024;

/// An OS thread that runs goroutines (gc's `m`).
#[repr(C)]
pub struct M {
    /// The thread's id in the runtime (m0 is 0, as in gc).
    pub id: i64,
    /// Depth of `printlock` calls on this thread (gc's `m.printlock`): the
    /// print lock is recursive per M.
    pub printlock: i32,
    /// Non-zero while the thread must not be rescheduled (gc's `m.locks`).
    pub locks: i32,
}

impl M {
    pub const fn new(id: i64) -> M {
        M {
            id,
            printlock: 0,
            locks: 0,
        }
    }
}

impl G {
    /// A goroutine record for stack `[stack_lo, stack_hi)` run by `m`.
    pub const fn new(goid: u64, m: *mut M, stack_lo: usize, stack_hi: usize) -> G {
        G {
            stack_limit: stack_lo + STACK_HEADROOM,
            m,
            stack_lo,
            stack_hi,
            goid,
            defers: core::ptr::null_mut(),
            panics: core::ptr::null_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::mem::offset_of;

    #[test]
    fn layout_is_the_contract() {
        assert_eq!(offset_of!(G, stack_limit), G_STACK_LIMIT_OFFSET);
        assert_eq!(offset_of!(G, m), 8);
        assert_eq!(offset_of!(G, stack_lo), 16);
        assert_eq!(offset_of!(G, stack_hi), 24);
        assert_eq!(offset_of!(G, goid), 32);
        let g = G::new(1, core::ptr::null_mut(), 0x10000, 0x90000);
        assert_eq!(g.stack_limit, 0x10000 + STACK_HEADROOM);
    }
}
