//! The scheduler: run queues, `go` statements, parking and readying
//! goroutines, `Gosched`, goroutine exit, the end of the program and
//! deadlock detection — gc's `runtime/proc.go` (`newproc`, `runqput`,
//! `findRunnable`, `schedule`, `gopark`, `goready`, `goschedImpl`,
//! `goexit0`, `checkdead`), for one M and one P.
//!
//! Shape (kept so it can grow into M:N): an [`M`] is a thread; it points to
//! a [`Sched`], which holds what gc splits between the one `p` (`runnext`,
//! the local run queue, the free `g` list) and `schedt` (the global run
//! queue, `allgs`, the goroutine id generator). Goroutines switch directly
//! to one another ([`switch`]): a parking goroutine picks the next runnable
//! one and switches to it, with no hop through a scheduler stack. The M's
//! own context (`g0`, the thread's stack) is left once by [`run_main`] and
//! resumed only when the program ends ([`ProgramEnd`]): `main.main`
//! returned (status 0, other goroutines are abandoned, as gc's
//! `runtime.main` exits), a deadlock, or a fatal panic (status 2).
//!
//! Order (gc's, for one P, so programs interleave as they do under
//! `GOMAXPROCS=1`): `newproc` and `goready` put the goroutine in `runnext`,
//! pushing the previous one to the local queue's tail; `Gosched` puts the
//! caller on the global queue (so does a preemption, [`preempt`]);
//! `findRunnable` takes from the global queue
//! every 61st tick, else `runnext`, else the local queue, else the global
//! queue (moving up to 127 more of it to the local queue, gc's
//! `globrunqgetbatch`); a goroutine taken from `runnext` inherits the time
//! slice (the tick does not advance). The local queue holds 256; when full,
//! half of it and the newcomer spill to the global queue (`runqputslow`).
//! Sleeping goroutines ([`sleep`]) whose time has come are readied first.
//!
//! Deadlock (gc's `checkdead` for one M): when nothing is runnable and no
//! goroutine sleeps, every goroutine is blocked forever: the report is
//! gc's `fatal error: all goroutines are asleep - deadlock!`, then for each
//! live goroutine in creation order (gc's `allgs`; a reused record keeps
//! its place) a blank line and `goroutine N [<wait reason>]:` (`<wait
//! reason>, locked to thread` for the main goroutine while the package
//! initialisers run, as gc's `runtime.main` locks it around them). The frames
//! under each header come with the unwinder.
//!
//! Goroutine ids: main is 1; gc's own runtime goroutines take 2–5
//! (measured with the reference go under `GOMAXPROCS=1`), so the first `go`
//! statement's goroutine is [`FIRST_USER_GOID`] = 6, then 7, 8, ….
//!
//! Invariants: exactly one goroutine per M is `Running`, and it is
//! `m.curg`; a goroutine on a run queue is `Runnable` and on exactly one
//! queue; a `Dead` goroutine is on the free list with its stack, and is
//! not switched to until `newproc` gives it a new context; nothing touches
//! a goroutine's stack while another context runs on it.

pub mod preempt;
pub mod sema;
pub mod sleep;
pub mod switch;
pub mod waitreason;

#[cfg(not(goxide_runtime_staticlib))]
pub mod testing;
#[cfg(test)]
mod tests;

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::goroutine::{G, GStatus, M};
use crate::print::{printstring, printuint};
use crate::stack::{self, Stack};
use waitreason::WaitReason;

/// `schedtick` when `main.main` starts: gc's runtime has scheduled its
/// own goroutines 4 times by then (measured under `GOMAXPROCS=1`: a
/// `Gosched` from main resumes it after 57 of its goroutines, see the
/// differential test `fairness_tick`).
const INITIAL_SCHEDTICK: u32 = 4;

/// The goid of gc's `GOMAXPROCS updater` goroutine, the last runtime
/// goroutine `runtime.main` starts (see [`Sched::updater`]).
const UPDATER_GOID: u64 = 5;

/// gc's local run queue capacity (`len(p.runq)`).
const LOCAL_RUNQ_SIZE: usize = 256;

/// The goid of the first goroutine a `go` statement starts (see header).
pub const FIRST_USER_GOID: u64 = 6;

/// How the program ended: the exit status and what to write to standard
/// error before exiting.
#[derive(Debug, PartialEq, Eq)]
pub struct ProgramEnd {
    pub code: i32,
    pub stderr: Vec<u8>,
}

/// An intrusive FIFO of goroutines linked through `G::schedlink` (gc's
/// `gQueue`).
struct GQueue {
    head: *mut G,
    tail: *mut G,
    len: usize,
}

impl GQueue {
    const fn new() -> GQueue {
        GQueue {
            head: core::ptr::null_mut(),
            tail: core::ptr::null_mut(),
            len: 0,
        }
    }

    /// # Safety
    /// `g` is a live record on no queue.
    unsafe fn push_back(&mut self, g: *mut G) {
        // SAFETY: the caller's guarantee; queued records are live.
        unsafe {
            (*g).schedlink = core::ptr::null_mut();
            if self.tail.is_null() {
                self.head = g;
            } else {
                (*self.tail).schedlink = g;
            }
        }
        self.tail = g;
        self.len += 1;
    }

    fn pop_front(&mut self) -> Option<*mut G> {
        let g = self.head;
        if g.is_null() {
            return None;
        }
        // SAFETY: queued records are live.
        unsafe {
            self.head = (*g).schedlink;
            (*g).schedlink = core::ptr::null_mut();
        }
        if self.head.is_null() {
            self.tail = core::ptr::null_mut();
        }
        self.len -= 1;
        Some(g)
    }
}

/// The scheduler state of one M (gc's `p` and `schedt` together while
/// there is one P).
pub struct Sched {
    /// The main goroutine (goid 1): its return ends the program.
    main_g: *mut G,
    /// gc's `p.runnext`.
    runnext: *mut G,
    /// gc's `p.runq`.
    runq: GQueue,
    /// gc's `sched.runq`.
    globrunq: GQueue,
    /// gc's `p.schedtick`.
    schedtick: u32,
    /// Every goroutine record ever made, in creation order (gc's `allgs`).
    allgs: Vec<*mut G>,
    /// Dead records with their stacks, most recent first (gc's `p.gFree`).
    gfree: *mut G,
    /// The last goroutine id handed out (gc's `sched.goidgen`).
    goidgen: u64,
    /// Goroutines in `time.Sleep`, see [`sleep`].
    sleepers: sleep::Sleepers,
    /// Set by whatever ends the program, read by [`run_main`].
    end: Option<ProgramEnd>,
    /// A stand-in for gc's `GOMAXPROCS updater` goroutine (goid 5): in gc
    /// it is still runnable, in `runnext`, when `main.main` starts, so the
    /// first `go` statement kicks it to the local queue and it takes a
    /// queue slot and a scheduling tick before parking for good. Programs
    /// see that in how their goroutines interleave; this record, never
    /// switched to, reproduces it: picked, it just parks. Not in `allgs`
    /// (gc hides system goroutines from reports and `NumGoroutine`).
    updater: *mut G,
    /// Semaphore waiters, see [`sema`].
    sema: sema::SemaTable,
}

/// The scheduler of the M running `g`.
///
/// # Safety
/// `g` is a live goroutine on an M set up by [`run_main`].
unsafe fn sched_of<'a>(g: *mut G) -> &'a mut Sched {
    // SAFETY: the caller's guarantee.
    unsafe { &mut *(*(*g).m).sched }
}

/// Runs a program on `m`: makes the main goroutine (goid 1) on its own
/// stack, runs `entry(g, arg)` on it, and returns how the program ended.
/// Every goroutine record and stack of the run is released on return.
///
/// # Safety
/// `m` is a live M on the calling thread with no program running; `entry`
/// may use `arg` as it likes.
pub unsafe fn run_main(
    m: *mut M,
    entry: unsafe extern "C" fn(*mut G, *const u8),
    arg: *const u8,
) -> ProgramEnd {
    let Some(stack) = stack::alloc_main_stack() else {
        return ProgramEnd {
            code: 2,
            stderr: b"fatal error: out of memory allocating the main goroutine's stack\n".to_vec(),
        };
    };
    let sched = Box::into_raw(Box::new(Sched {
        main_g: core::ptr::null_mut(),
        runnext: core::ptr::null_mut(),
        runq: GQueue::new(),
        globrunq: GQueue::new(),
        schedtick: INITIAL_SCHEDTICK,
        allgs: Vec::new(),
        gfree: core::ptr::null_mut(),
        goidgen: FIRST_USER_GOID - 1,
        sleepers: sleep::Sleepers::new(),
        end: None,
        updater: core::ptr::null_mut(),
        sema: sema::SemaTable::default(),
    }));
    // SAFETY: m is live (caller); the records made here are ours until the
    // run ends.
    unsafe {
        (*m).sched = sched;
        let g = Box::into_raw(Box::new(G::new(1, m, stack.lo, stack.hi)));
        (*g).stack = stack;
        (*g).entry = Some(entry);
        (*g).entry_arg = arg;
        (*g).saved_sp = switch::new_context(stack, goroutine_main, g as usize);
        (*g).status = GStatus::Running;
        (*sched).allgs.push(g);
        (*sched).main_g = g;
        let updater = Box::into_raw(Box::new(G::new(UPDATER_GOID, m, 0, 0)));
        (*updater).status = GStatus::Runnable;
        (*sched).updater = updater;
        (*sched).runnext = updater;
        (*m).curg = g;
        // Leave g0; back here only when the program ends.
        switch::switch(&raw mut (*m).g0_sp, (*g).saved_sp);
        (*m).curg = core::ptr::null_mut();
        (*m).sched = core::ptr::null_mut();
        let mut sched = Box::from_raw(sched);
        drop(Box::from_raw(sched.updater));
        let end = sched.end.take().unwrap_or(ProgramEnd {
            code: 2,
            stderr: b"fatal error: program ended without a reason\n".to_vec(),
        });
        for &gp in &sched.allgs {
            crate::morestack::release(gp);
            let gp = Box::from_raw(gp);
            if core::ptr::eq(&*gp, sched.main_g) {
                stack::free_main_stack(gp.stack);
            } else {
                stack::free_stack(gp.stack);
            }
        }
        end
    }
}

/// Where every goroutine starts (the forged context's entry): runs its
/// function, then exits it.
unsafe extern "C" fn goroutine_main(arg: usize) -> ! {
    let g = arg as *mut G;
    // SAFETY: the context was forged for this live record.
    unsafe {
        match (*g).entry {
            Some(entry) => entry(g, (*g).entry_arg),
            None => throw(g, "goroutine started without a function"),
        }
        goexit(g)
    }
}

/// The goroutine `g` returned from its function (gc's `goexit1` →
/// `goexit0`): main's return ends the program with status 0; any other
/// goroutine's record and stack go to the free list.
unsafe fn goexit(g: *mut G) -> ! {
    // SAFETY: g is the running goroutine.
    unsafe {
        let s = sched_of(g);
        if g == s.main_g {
            end_program(
                g,
                ProgramEnd {
                    code: 0,
                    stderr: Vec::new(),
                },
            );
        }
        // Every frame has returned: nothing runs on the segments now.
        crate::morestack::release(g);
        (*g).status = GStatus::Dead;
        (*g).entry = None;
        (*g).entry_arg = core::ptr::null();
        (*g).waiting = core::ptr::null_mut();
        (*g).param = core::ptr::null_mut();
        (*g).schedlink = s.gfree;
        s.gfree = g;
        // The record may be reused only by a newproc, which runs on another
        // goroutine, after this switch has saved into it for the last time.
        schedule_away(g);
    }
    // SAFETY: a dead goroutine is never resumed; if it were, stop.
    unsafe { throw(g, "dead goroutine resumed") }
}

/// Ends the program from goroutine `g`: records `end` and resumes the M's
/// own context, which returns it from [`run_main`].
///
/// # Safety
/// `g` is the running goroutine.
pub unsafe fn end_program(g: *mut G, end: ProgramEnd) -> ! {
    // SAFETY: the caller's guarantee; g0's context was saved by run_main.
    unsafe {
        let m = (*g).m;
        (*(*m).sched).end = Some(end);
        let mut dead_sp = 0usize;
        switch::switch(&raw mut dead_sp, (*m).g0_sp);
    }
    // g0 never switches back into an ended program.
    crate::sys::exit(2)
}

/// A fatal runtime error (gc's `throw`/`fatal`): `fatal error: <msg>` and
/// the running goroutine's header, status 2.
///
/// # Safety
/// `g` is the running goroutine.
pub unsafe fn throw(g: *mut G, msg: &str) -> ! {
    let mut out = Vec::new();
    printstring(&mut out, b"fatal error: ");
    printstring(&mut out, msg.as_bytes());
    printstring(&mut out, b"\n\ngoroutine ");
    // SAFETY: the caller's guarantee.
    printuint(&mut out, unsafe { (*g).goid });
    printstring(&mut out, b" [running]:\n");
    // SAFETY: the caller's guarantee.
    unsafe {
        end_program(
            g,
            ProgramEnd {
                code: 2,
                stderr: out,
            },
        )
    }
}

impl Sched {
    /// gc's `runqput`: `next` puts `gp` in `runnext`, kicking the previous
    /// occupant to the local queue's tail; a full local queue spills half
    /// of itself and the newcomer to the global queue (`runqputslow`).
    ///
    /// # Safety
    /// `gp` is a live, runnable record on no queue.
    unsafe fn runqput(&mut self, mut gp: *mut G, next: bool) {
        if next {
            let old = core::mem::replace(&mut self.runnext, gp);
            if old.is_null() {
                return;
            }
            gp = old;
        }
        // SAFETY: the caller's guarantee; queued records are live.
        unsafe {
            if self.runq.len < LOCAL_RUNQ_SIZE {
                self.runq.push_back(gp);
                return;
            }
            for _ in 0..LOCAL_RUNQ_SIZE / 2 {
                if let Some(h) = self.runq.pop_front() {
                    self.globrunq.push_back(h);
                }
            }
            self.globrunq.push_back(gp);
        }
    }

    /// gc's `findRunnable` for one P, without blocking: the goroutine and
    /// whether it inherits the current time slice (taken from `runnext`,
    /// so `schedtick` does not advance).
    fn find_runnable(&mut self) -> Option<(*mut G, bool)> {
        self.sleepers_wake_due();
        // Fairness: the global queue first once in a while.
        if self.schedtick.is_multiple_of(61)
            && let Some(g) = self.globrunq.pop_front()
        {
            return Some((g, false));
        }
        if !self.runnext.is_null() {
            return Some((
                core::mem::replace(&mut self.runnext, core::ptr::null_mut()),
                true,
            ));
        }
        if let Some(g) = self.runq.pop_front() {
            return Some((g, false));
        }
        // gc's globrunqgetbatch with GOMAXPROCS=1: run the head, move up to
        // half a local queue's worth of the rest to the local queue.
        let g = self.globrunq.pop_front()?;
        for _ in 1..LOCAL_RUNQ_SIZE / 2 {
            let Some(h) = self.globrunq.pop_front() else {
                break;
            };
            // SAFETY: h came off a queue, so it is live and on none now.
            unsafe { self.runq.push_back(h) };
        }
        Some((g, false))
    }

    /// Live goroutines (not dead), gc's `gcount` without system goroutines.
    fn gcount(&self) -> i64 {
        self.allgs
            .iter()
            // SAFETY: allgs holds live records.
            .filter(|&&g| unsafe { (*g).status } != GStatus::Dead)
            .count() as i64
    }

    /// gc's deadlock report (see the module header).
    fn deadlock_report(&self) -> Vec<u8> {
        let mut out = Vec::new();
        printstring(
            &mut out,
            b"fatal error: all goroutines are asleep - deadlock!\n",
        );
        for &g in &self.allgs {
            // SAFETY: allgs holds live records.
            let g = unsafe { &*g };
            if matches!(g.status, GStatus::Dead | GStatus::Idle) {
                continue;
            }
            printstring(&mut out, b"\ngoroutine ");
            printuint(&mut out, g.goid);
            printstring(&mut out, b" [");
            let status: &str = match g.status {
                GStatus::Waiting => g.wait_reason.as_str(),
                GStatus::Runnable => "runnable",
                _ => "running",
            };
            printstring(&mut out, status.as_bytes());
            if g.locked_to_thread {
                printstring(&mut out, b", locked to thread");
            }
            printstring(&mut out, b"]:\n");
        }
        out
    }
}

/// Switches from `cur` (already marked parked, runnable on a queue, or
/// dead) to the next runnable goroutine (gc's `schedule`); returns when
/// `cur` runs again. With nothing runnable it sleeps until the first
/// sleeper's time, or reports a deadlock.
///
/// # Safety
/// `cur` is the goroutine running on its M.
unsafe fn schedule_away(cur: *mut G) {
    // SAFETY: cur is running on an M set up by run_main.
    unsafe {
        let m = (*cur).m;
        let s = sched_of(cur);
        loop {
            if let Some((next, inherit_time)) = s.find_runnable() {
                // gc's `execute`.
                if !inherit_time {
                    s.schedtick = s.schedtick.wrapping_add(1);
                }
                if next == s.updater {
                    // gc's updater runs and parks at once.
                    (*next).status = GStatus::Waiting;
                    continue;
                }
                (*next)
                    .preempt
                    .store(0, core::sync::atomic::Ordering::Relaxed);
                (*next).status = GStatus::Running;
                (*m).curg = next;
                if next != cur {
                    switch::switch(&raw mut (*cur).saved_sp, (*next).saved_sp);
                }
                return;
            }
            if s.sleepers.is_empty() {
                let report = s.deadlock_report();
                end_program(
                    cur,
                    ProgramEnd {
                        code: 2,
                        stderr: report,
                    },
                );
            }
            s.sleepers.wait_for_first();
        }
    }
}

/// gc's `gopark`: parks the running goroutine `g` for `reason` until
/// [`goready`] readies it.
///
/// # Safety
/// `g` is the running goroutine.
pub unsafe fn gopark(g: *mut G, reason: WaitReason) {
    // SAFETY: the caller's guarantee.
    unsafe {
        (*g).status = GStatus::Waiting;
        (*g).wait_reason = reason;
        schedule_away(g);
    }
}

/// gc's `goready`: makes the parked goroutine `gp` runnable next.
///
/// # Safety
/// `g` is the running goroutine; `gp` is parked on the same M.
pub unsafe fn goready(g: *mut G, gp: *mut G) {
    // SAFETY: the caller's guarantee.
    unsafe {
        (*gp).status = GStatus::Runnable;
        (*gp).wait_reason = WaitReason::Zero;
        sched_of(g).runqput(gp, true);
    }
}

// Calls the `func()` closure `closure` on goroutine `g`. In a linked
// program this is `goxide_go_call0`, which the compiler emits into the
// main package's object (contract: "Goroutines").
#[cfg(goxide_runtime_staticlib)]
#[allow(
    improper_ctypes,
    reason = "G is opaque to compiled code beyond its contract prefix"
)]
unsafe extern "C" {
    fn goxide_go_call0(g: *mut G, closure: *const u8);
}

/// Host builds have no compiled Go code: a closure object's first word is
/// then a C-ABI `fn(g, closure)`, which is called with the object itself
/// (the test shim in `sched::testing` makes such objects).
#[cfg(not(goxide_runtime_staticlib))]
unsafe extern "C" fn goxide_go_call0(g: *mut G, closure: *const u8) {
    // SAFETY: the host-side closure convention above.
    unsafe {
        let code = *(closure as *const unsafe extern "C" fn(*mut G, *const u8));
        code(g, closure)
    }
}

/// Calls a `func()` value (goroutines' entry, deferred calls).
pub(crate) unsafe extern "C" fn call_go_closure(g: *mut G, closure: *const u8) {
    // SAFETY: closure is the func() value `go` or `defer` was given.
    unsafe { goxide_go_call0(g, closure) }
}

/// `goxide_rt_newproc(g, closure)`: the `go` statement (gc's `newproc`).
/// `closure` is a `func()` value; the compiler wraps `go f(x, y)` in a
/// closure that captured `f`, `x` and `y` when the statement ran. The new
/// goroutine is runnable next; the caller continues.
///
/// # Safety
/// `g` is the running goroutine; `closure` is a live func value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_newproc(g: *mut G, closure: *const u8) {
    // SAFETY: g is running on an M set up by run_main.
    unsafe {
        let m = (*g).m;
        let s = sched_of(g);
        if crate::signals::installed() {
            preempt::arm();
        }
        let newg = if s.gfree.is_null() {
            let Some(stack) = stack::alloc_stack() else {
                throw(g, "out of memory: cannot allocate a goroutine stack");
            };
            let newg = Box::into_raw(Box::new(G::new(0, m, stack.lo, stack.hi)));
            (*newg).stack = stack;
            s.allgs.push(newg);
            newg
        } else {
            let newg = s.gfree;
            s.gfree = (*newg).schedlink;
            (*newg).schedlink = core::ptr::null_mut();
            newg
        };
        let Stack { lo, hi } = (*newg).stack;
        (*newg).m = m;
        (*newg).stack_lo = lo;
        (*newg).stack_hi = hi;
        (*newg).stack_limit = lo + crate::goroutine::STACK_HEADROOM;
        s.goidgen += 1;
        (*newg).goid = s.goidgen;
        (*newg).entry = Some(call_go_closure);
        (*newg).entry_arg = closure;
        (*newg).select_done = false;
        (*newg).defers = core::ptr::null_mut();
        (*newg).panics = core::ptr::null_mut();
        (*newg)
            .preempt
            .store(0, core::sync::atomic::Ordering::Relaxed);
        (*newg).saved_sp = switch::new_context((*newg).stack, goroutine_main, newg as usize);
        (*newg).status = GStatus::Runnable;
        s.runqput(newg, true);
    }
}

/// `goxide_rt_Gosched(g)`: `runtime.Gosched` (gc's `goschedImpl`): the
/// caller goes to the global queue's tail and others run.
///
/// # Safety
/// `g` is the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_Gosched(g: *mut G) {
    // SAFETY: the caller's guarantee.
    unsafe {
        (*g).status = GStatus::Runnable;
        sched_of(g).globrunq.push_back(g);
        schedule_away(g);
    }
}

/// `goxide_rt_lockOSThread(g)`: the program entry locks the main
/// goroutine to its thread before the package initialisers (gc's
/// `runtime.main` calls `lockOSThread` before `doInit`).
///
/// # Safety
/// `g` is the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_lockOSThread(g: *mut G) {
    // SAFETY: the caller's guarantee.
    unsafe { (*g).locked_to_thread = true }
}

/// `goxide_rt_unlockOSThread(g)`: and unlocks it after them, before
/// `main.main` (gc's `unlockOSThread` in `runtime.main`).
///
/// # Safety
/// `g` is the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_unlockOSThread(g: *mut G) {
    // SAFETY: the caller's guarantee.
    unsafe { (*g).locked_to_thread = false }
}

/// `goxide_rt_block(g)`: `select {}` (gc's `block`): parks forever.
///
/// # Safety
/// `g` is the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_block(g: *mut G) {
    // SAFETY: the caller's guarantee.
    unsafe { gopark(g, WaitReason::SelectNoCases) }
}

/// `goxide_rt_NumGoroutine(g) -> int`: `runtime.NumGoroutine`.
///
/// # Safety
/// `g` is the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_NumGoroutine(g: *mut G) -> i64 {
    // SAFETY: the caller's guarantee.
    unsafe { sched_of(g).gcount() }
}
