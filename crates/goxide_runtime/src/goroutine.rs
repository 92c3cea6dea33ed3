//! `G` (a goroutine) and `M` (an OS thread running Go code): the records
//! compiled code and the runtime share, in the layout the contract fixes
//! (crate doc, "The goroutine record").
//!
//! Mirrors gc's `runtime/runtime2.go` `g` and `m`, cut to what the
//! single-threaded scheduler uses: the stack bounds and the limit
//! Cranelift's prologue checks (gc's `stack` and `stackguard0`), the
//! goroutine id, the saved context of a goroutine that is not running
//! (gc's `g.sched`, here one saved stack pointer: the registers are on the
//! goroutine's own stack, see [`crate::sched::switch`]), its status and
//! wait reason, the run-queue link (`schedlink`), the channel wait list
//! (`waiting`, `param`, `selectDone`); and for the M its print lock depth,
//! its current goroutine and the context of its `g0` (the thread's own
//! stack, where the scheduler returns when the program ends).
//!
//! Invariants: `#[repr(C)]`; the offsets of the first six fields of `G`
//! are the contract and a test pins them; compiled code reads only
//! `stack_limit` and `preempt`, and only through the `g` it was passed;
//! every other field is the runtime's. A `G` is never freed while the program runs: a dead
//! goroutine's record and stack are reused by the next `go` statement (gc's
//! `gFree` list).

use crate::sched::waitreason::WaitReason;

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
    /// Offset 40: non-zero asks the goroutine to yield (gc's `preempt`):
    /// set by the preemption tick ([`crate::sched::preempt`]); compiled
    /// code tests it at loop back-edges and calls `goxide_rt_preempt(g)`.
    pub preempt: core::sync::atomic::AtomicU8,
    // ---- runtime-private below this line (not part of the contract) ----
    /// Deferred calls, newest first (gc's `_defer`).
    pub defers: *mut crate::deferpanic::Defer,
    /// Panics in progress, newest first (gc's `_panic`).
    pub panics: *mut crate::deferpanic::Panic,
    /// The saved stack pointer while the goroutine is not running (gc's
    /// `g.sched.sp`); the callee-saved registers sit just above it.
    pub saved_sp: usize,
    /// gc's `atomicstatus`.
    pub status: GStatus,
    /// Why the goroutine is parked (gc's `waitreason`); meaningful only
    /// while `status` is `Waiting`.
    pub wait_reason: WaitReason,
    /// Set by the select that woke this goroutine (gc's `selectDone`): its
    /// other cases' waiters must not be taken by another channel operation.
    pub select_done: bool,
    /// The next goroutine in a run queue or list (gc's `schedlink`).
    pub schedlink: *mut G,
    /// The sudog that woke this goroutine (gc's `param`).
    pub param: *mut crate::chan::Sudog,
    /// The sudogs this goroutine waits on, linked by `waitlink` (gc's
    /// `waiting`).
    pub waiting: *mut crate::chan::Sudog,
    /// What the goroutine runs: `entry(g, arg)` (C ABI); for a `go`
    /// statement, the runtime's call of the `func()` closure `arg`.
    pub entry: Option<unsafe extern "C" fn(*mut G, *const u8)>,
    pub entry_arg: *const u8,
    /// The stack slot this goroutine owns (returned to the pool only with
    /// the record, which is never: the pair is reused whole).
    pub stack: crate::stack::Stack,
    /// Locked to its thread (gc's `lockedm != 0`): the main goroutine
    /// while the package initialisers run (gc's `runtime.main` locks it
    /// around `doInit`); a goroutine header then says `, locked to thread`.
    pub locked_to_thread: bool,
    /// The newest stack segment in use (null: running on `stack`), and
    /// the goroutine's free segments ([`crate::morestack`]).
    pub segment: *mut crate::morestack::Segment,
    pub free_segments: *mut crate::morestack::Segment,
}

/// gc's goroutine statuses (`_Gidle`, `_Grunnable`, ...), cut to the ones
/// a single-threaded scheduler reaches.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
pub enum GStatus {
    /// Just allocated, not yet initialised (gc's `_Gidle`).
    Idle,
    /// On a run queue (gc's `_Grunnable`).
    Runnable,
    /// Running on an M (gc's `_Grunning`).
    Running,
    /// Parked, with a wait reason (gc's `_Gwaiting`).
    Waiting,
    /// Finished; record and stack await reuse (gc's `_Gdead`).
    Dead,
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
    /// The goroutine running on this thread (gc's `m.curg`); null on g0.
    pub curg: *mut G,
    /// The saved stack pointer of the thread's own context (gc's `g0`):
    /// where the program returns when it ends.
    pub g0_sp: usize,
    /// The scheduler state this thread runs (gc's `m.p` and `sched`, one
    /// record while there is one P).
    pub sched: *mut crate::sched::Sched,
    /// State of the per-M pseudo-random generator (gc's `m.cheaprand`).
    pub cheaprand: u64,
}

impl M {
    pub const fn new(id: i64) -> M {
        M {
            id,
            printlock: 0,
            locks: 0,
            curg: core::ptr::null_mut(),
            g0_sp: 0,
            sched: core::ptr::null_mut(),
            cheaprand: 0x9E37_79B9_7F4A_7C15,
        }
    }

    /// gc's `cheaprand`: a fast pseudo-random 32-bit value (wyrand), not
    /// for cryptography; used for select's poll order.
    pub fn cheaprand(&mut self) -> u32 {
        self.cheaprand = self.cheaprand.wrapping_add(0xa076_1d64_78bd_642f);
        let t = (self.cheaprand as u128) * ((self.cheaprand ^ 0xe703_7ed1_a0b4_28db) as u128);
        ((t >> 64) as u64 ^ t as u64) as u32
    }

    /// gc's `cheaprandn`: a value in `[0, n)`, `n > 0`.
    pub fn cheaprandn(&mut self, n: u32) -> u32 {
        ((self.cheaprand() as u64 * n as u64) >> 32) as u32
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
            preempt: core::sync::atomic::AtomicU8::new(0),
            saved_sp: 0,
            status: GStatus::Idle,
            wait_reason: WaitReason::Zero,
            select_done: false,
            schedlink: core::ptr::null_mut(),
            param: core::ptr::null_mut(),
            waiting: core::ptr::null_mut(),
            entry: None,
            entry_arg: core::ptr::null(),
            stack: crate::stack::Stack::EMPTY,
            locked_to_thread: false,
            segment: core::ptr::null_mut(),
            free_segments: core::ptr::null_mut(),
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
        assert_eq!(
            offset_of!(G, preempt),
            crate::sched::preempt::G_PREEMPT_OFFSET
        );
        let g = G::new(1, core::ptr::null_mut(), 0x10000, 0x90000);
        assert_eq!(g.stack_limit, 0x10000 + STACK_HEADROOM);
    }

    #[test]
    fn cheaprandn_stays_in_range_and_varies() {
        let mut m = M::new(0);
        let mut seen = [false; 5];
        for _ in 0..1000 {
            let v = m.cheaprandn(5);
            assert!(v < 5);
            seen[v as usize] = true;
        }
        assert!(seen.iter().all(|&s| s), "{seen:?}");
    }
}
