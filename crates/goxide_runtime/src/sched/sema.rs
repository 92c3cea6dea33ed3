//! Semaphores and notify lists for `sync` and `internal/sync`: gc's
//! `runtime/sema.go` (`semacquire1`, `semrelease1`, `notifyList*`), which
//! those packages reach by `//go:linkname` (`sync.runtime_Semacquire` is
//! gc's `sync_runtime_Semacquire`, so ours is
//! `goxide_rt_sync_runtime_Semacquire`).
//!
//! How: a semaphore is a Go `uint32`; acquiring takes 1 if it is positive,
//! else the goroutine waits in a per-address queue ([`SemaTable`], gc's
//! `semtable` of treaps reduced to a map while there is one M) and parks
//! with the caller's wait reason (`sync.Mutex.Lock`,
//! `sync.WaitGroup.Wait`, …, which deadlock reports print). Releasing adds
//! 1 and readies the first waiter (into `runnext`); with `handoff` the
//! count is taken for the waiter (`ticket`) and the releaser yields to it
//! at once (gc's `goyield`: to the local queue's tail). A woken waiter
//! without a ticket tries again and re-queues if it lost the race. `lifo`
//! queues a waiter at the head (a mutex waiter that already waited).
//!
//! A notify list (`sync.Cond`) is gc's `notifyList` in Go memory: `wait`
//! (u32, 0: next ticket), `notify` (u32, 4: next ticket to wake), `lock`
//! (8, unused with one M), `head` (16), `tail` (24) of a waiter list whose
//! nodes ([`NotifyWaiter`]) live in the parked goroutines' frames.
//!
//! Invariants: a waiter is on at most one queue; its node outlives its
//! stay there (it is in the parked goroutine's frame, and stacks do not
//! move); the semaphore count is only changed here and by compiled
//! `sync` code through atomics, which on one thread need no fence.

use alloc::collections::{BTreeMap, VecDeque};

use super::waitreason::WaitReason;
use crate::goroutine::{G, GStatus};

/// A goroutine waiting on a semaphore (gc's `sudog` for `semacquire`).
struct SemaWaiter {
    g: *mut G,
    /// Set by a handoff release: the count was taken for this waiter.
    ticket: bool,
}

/// Waiters per semaphore address (gc's `semtable`).
#[derive(Default)]
pub struct SemaTable {
    queues: BTreeMap<usize, VecDeque<*mut SemaWaiter>>,
}

/// gc's `cansemacquire`.
///
/// # Safety
/// `addr` points to a live `uint32`.
unsafe fn cansemacquire(addr: *mut u32) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe {
        let v = addr.read_volatile();
        if v == 0 {
            return false;
        }
        addr.write_volatile(v - 1);
        true
    }
}

/// gc's `semacquire1`.
///
/// # Safety
/// `g` is the running goroutine; `addr` points to a live `uint32`.
pub unsafe fn semacquire(g: *mut G, addr: *mut u32, lifo: bool, reason: WaitReason) {
    // SAFETY: the caller's guarantee; the waiter lives in this frame while
    // it is queued.
    unsafe {
        if cansemacquire(addr) {
            return;
        }
        let mut w = SemaWaiter { g, ticket: false };
        let wp: *mut SemaWaiter = &mut w;
        loop {
            if cansemacquire(addr) {
                return;
            }
            let q = super::sched_of(g)
                .sema
                .queues
                .entry(addr as usize)
                .or_default();
            if lifo {
                q.push_front(wp);
            } else {
                q.push_back(wp);
            }
            super::gopark(g, reason);
            if (*wp).ticket || cansemacquire(addr) {
                return;
            }
        }
    }
}

/// gc's `semrelease1`.
///
/// # Safety
/// `g` is the running goroutine; `addr` points to a live `uint32`.
pub unsafe fn semrelease(g: *mut G, addr: *mut u32, handoff: bool) {
    // SAFETY: the caller's guarantee; queued waiters are live.
    unsafe {
        addr.write_volatile(addr.read_volatile().wrapping_add(1));
        let s = super::sched_of(g);
        let key = addr as usize;
        let Some(q) = s.sema.queues.get_mut(&key) else {
            return;
        };
        let w = q.pop_front();
        if q.is_empty() {
            s.sema.queues.remove(&key);
        }
        let Some(w) = w else { return };
        if handoff && cansemacquire(addr) {
            (*w).ticket = true;
        }
        super::goready(g, (*w).g);
        if (*w).ticket {
            goyield(g);
        }
    }
}

/// gc's `goyield`: the running goroutine goes to the local queue's tail.
///
/// # Safety
/// `g` is the running goroutine.
unsafe fn goyield(g: *mut G) {
    // SAFETY: the caller's guarantee.
    unsafe {
        (*g).status = GStatus::Runnable;
        super::sched_of(g).runqput(g, false);
        super::schedule_away(g);
    }
}

/// gc's `notifyList` (sync.Cond), in Go memory.
#[repr(C)]
pub struct NotifyList {
    pub wait: u32,
    pub notify: u32,
    pub lock: usize,
    pub head: *mut NotifyWaiter,
    pub tail: *mut NotifyWaiter,
}

/// A goroutine in `sync.Cond.Wait`.
pub struct NotifyWaiter {
    g: *mut G,
    ticket: u32,
    next: *mut NotifyWaiter,
}

/// gc's `less`: `a < b` on wrapping tickets.
fn less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// `goxide_rt_sync_runtime_Semacquire(g, addr)`.
///
/// # Safety
/// `g` is running; `addr` points to a live `uint32`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_sync_runtime_Semacquire(g: *mut G, addr: *mut u32) {
    // SAFETY: the caller's guarantee.
    unsafe { semacquire(g, addr, false, WaitReason::Semacquire) }
}

/// `goxide_rt_sync_runtime_SemacquireWaitGroup(g, addr, synctest_durable)`.
///
/// # Safety
/// As [`goxide_rt_sync_runtime_Semacquire`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_sync_runtime_SemacquireWaitGroup(
    g: *mut G,
    addr: *mut u32,
    _synctest_durable: bool,
) {
    // SAFETY: the caller's guarantee.
    unsafe { semacquire(g, addr, false, WaitReason::SyncWaitGroupWait) }
}

/// `goxide_rt_internal_sync_runtime_SemacquireMutex(g, addr, lifo, skipframes)`.
///
/// # Safety
/// As [`goxide_rt_sync_runtime_Semacquire`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_internal_sync_runtime_SemacquireMutex(
    g: *mut G,
    addr: *mut u32,
    lifo: bool,
    _skipframes: i64,
) {
    // SAFETY: the caller's guarantee.
    unsafe { semacquire(g, addr, lifo, WaitReason::SyncMutexLock) }
}

/// `goxide_rt_sync_runtime_SemacquireRWMutexR(g, addr, lifo, skipframes)`.
///
/// # Safety
/// As [`goxide_rt_sync_runtime_Semacquire`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_sync_runtime_SemacquireRWMutexR(
    g: *mut G,
    addr: *mut u32,
    lifo: bool,
    _skipframes: i64,
) {
    // SAFETY: the caller's guarantee.
    unsafe { semacquire(g, addr, lifo, WaitReason::SyncRWMutexRLock) }
}

/// `goxide_rt_sync_runtime_SemacquireRWMutex(g, addr, lifo, skipframes)`.
///
/// # Safety
/// As [`goxide_rt_sync_runtime_Semacquire`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_sync_runtime_SemacquireRWMutex(
    g: *mut G,
    addr: *mut u32,
    lifo: bool,
    _skipframes: i64,
) {
    // SAFETY: the caller's guarantee.
    unsafe { semacquire(g, addr, lifo, WaitReason::SyncRWMutexLock) }
}

/// `goxide_rt_sync_runtime_Semrelease(g, addr, handoff, skipframes)` (and
/// `internal/sync`'s, the same function).
///
/// # Safety
/// As [`goxide_rt_sync_runtime_Semacquire`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_sync_runtime_Semrelease(
    g: *mut G,
    addr: *mut u32,
    handoff: bool,
    _skipframes: i64,
) {
    // SAFETY: the caller's guarantee.
    unsafe { semrelease(g, addr, handoff) }
}

/// `goxide_rt_internal_sync_runtime_Semrelease(g, addr, handoff, skipframes)`.
///
/// # Safety
/// As [`goxide_rt_sync_runtime_Semacquire`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_internal_sync_runtime_Semrelease(
    g: *mut G,
    addr: *mut u32,
    handoff: bool,
    _skipframes: i64,
) {
    // SAFETY: the caller's guarantee.
    unsafe { semrelease(g, addr, handoff) }
}

/// `goxide_rt_notifyListAdd(g, l) -> u32`: a ticket for a coming wait.
///
/// # Safety
/// `l` points to a live notify list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_notifyListAdd(_g: *mut G, l: *mut NotifyList) -> u32 {
    // SAFETY: the caller's guarantee.
    unsafe {
        let t = (*l).wait;
        (*l).wait = t.wrapping_add(1);
        t
    }
}

/// `goxide_rt_notifyListWait(g, l, t)`: waits for ticket `t` to be notified.
///
/// # Safety
/// `g` is running; `l` points to a live notify list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_notifyListWait(g: *mut G, l: *mut NotifyList, t: u32) {
    // SAFETY: the caller's guarantee; the node lives in this frame while
    // it is listed.
    unsafe {
        if less(t, (*l).notify) {
            return;
        }
        let mut w = NotifyWaiter {
            g,
            ticket: t,
            next: core::ptr::null_mut(),
        };
        let wp: *mut NotifyWaiter = &mut w;
        if (*l).tail.is_null() {
            (*l).head = wp;
        } else {
            (*(*l).tail).next = wp;
        }
        (*l).tail = wp;
        super::gopark(g, WaitReason::SyncCondWait);
    }
}

/// `goxide_rt_notifyListNotifyAll(g, l)`: wakes every waiter, in order.
///
/// # Safety
/// `g` is running; `l` points to a live notify list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_notifyListNotifyAll(g: *mut G, l: *mut NotifyList) {
    // SAFETY: the caller's guarantee; listed nodes are live.
    unsafe {
        if (*l).wait == (*l).notify {
            return;
        }
        let mut s = (*l).head;
        (*l).head = core::ptr::null_mut();
        (*l).tail = core::ptr::null_mut();
        (*l).notify = (*l).wait;
        while !s.is_null() {
            let next = (*s).next;
            (*s).next = core::ptr::null_mut();
            super::goready(g, (*s).g);
            s = next;
        }
    }
}

/// `goxide_rt_notifyListNotifyOne(g, l)`: wakes the waiter with the oldest
/// unnotified ticket, if it waits already.
///
/// # Safety
/// `g` is running; `l` points to a live notify list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_notifyListNotifyOne(g: *mut G, l: *mut NotifyList) {
    // SAFETY: the caller's guarantee; listed nodes are live.
    unsafe {
        let t = (*l).notify;
        if t == (*l).wait {
            return;
        }
        (*l).notify = t.wrapping_add(1);
        let mut p: *mut NotifyWaiter = core::ptr::null_mut();
        let mut s = (*l).head;
        while !s.is_null() {
            if (*s).ticket == t {
                let n = (*s).next;
                if p.is_null() {
                    (*l).head = n;
                } else {
                    (*p).next = n;
                }
                if n.is_null() {
                    (*l).tail = p;
                }
                (*s).next = core::ptr::null_mut();
                super::goready(g, (*s).g);
                return;
            }
            p = s;
            s = (*s).next;
        }
    }
}

/// `goxide_rt_notifyListCheck(g, size)`: `sync` checks that its
/// `notifyList` and ours have the same size (gc throws on a mismatch).
///
/// # Safety
/// `g` is running.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_notifyListCheck(g: *mut G, size: usize) {
    if size != core::mem::size_of::<NotifyList>() {
        // SAFETY: the caller's guarantee.
        unsafe { super::throw(g, "bad notifyList size - sync and runtime are out of sync") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sched::goxide_rt_Gosched;
    use crate::sched::testing::{go, goid, run};
    use alloc::rc::Rc;
    use alloc::string::String;
    use alloc::vec::Vec;
    use core::cell::RefCell;

    #[test]
    fn a_mutex_built_on_the_semaphore_serialises_and_wakes_fifo() {
        // A binary semaphore as a lock: 1 = free.
        let log: Rc<RefCell<Vec<u64>>> = Rc::new(RefCell::new(Vec::new()));
        let l = log.clone();
        let end = run(move |g| unsafe {
            let sem: &'static mut u32 = alloc::boxed::Box::leak(alloc::boxed::Box::new(1u32));
            let sem: *mut u32 = sem;
            goxide_rt_internal_sync_runtime_SemacquireMutex(g, sem, false, 0);
            for _ in 0..3 {
                let l2 = l.clone();
                go(g, move |g| {
                    goxide_rt_internal_sync_runtime_SemacquireMutex(g, sem, false, 0);
                    l2.borrow_mut().push(goid(g));
                    goxide_rt_sync_runtime_Semrelease(g, sem, false, 0);
                });
            }
            goxide_rt_Gosched(g); // all three queue up: 8 (runnext), 6, 7
            l.borrow_mut().push(0);
            goxide_rt_sync_runtime_Semrelease(g, sem, false, 0);
            goxide_rt_Gosched(g);
            goxide_rt_Gosched(g);
            l.borrow_mut().push(*sem as u64 + 100);
        });
        assert_eq!(end.code, 0, "{}", String::from_utf8_lossy(&end.stderr));
        assert_eq!(*log.borrow(), [0, 8, 6, 7, 101]);
    }

    #[test]
    fn handoff_gives_the_count_to_the_waiter_and_yields() {
        let log: Rc<RefCell<Vec<u64>>> = Rc::new(RefCell::new(Vec::new()));
        let l = log.clone();
        let end = run(move |g| unsafe {
            let sem: *mut u32 = alloc::boxed::Box::leak(alloc::boxed::Box::new(0u32));
            let l2 = l.clone();
            go(g, move |g| {
                goxide_rt_sync_runtime_Semacquire(g, sem);
                l2.borrow_mut().push(goid(g));
            });
            goxide_rt_Gosched(g);
            goxide_rt_sync_runtime_Semrelease(g, sem, true, 0);
            // The waiter ran before the releaser continued.
            l.borrow_mut().push(*sem as u64 + 100);
        });
        assert_eq!(end.code, 0);
        assert_eq!(*log.borrow(), [6, 100]);
    }

    #[test]
    fn a_waitgroup_wait_that_never_ends_is_a_deadlock_with_its_reason() {
        let end = run(|g| unsafe {
            let sem: *mut u32 = alloc::boxed::Box::leak(alloc::boxed::Box::new(0u32));
            goxide_rt_sync_runtime_SemacquireWaitGroup(g, sem, false);
        });
        assert_eq!(
            String::from_utf8_lossy(&end.stderr),
            "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.WaitGroup.Wait]:\n"
        );
    }

    #[test]
    fn notify_lists_wake_one_in_ticket_order_or_all() {
        let log: Rc<RefCell<Vec<u64>>> = Rc::new(RefCell::new(Vec::new()));
        let l = log.clone();
        let end = run(move |g| unsafe {
            let nl: *mut NotifyList = alloc::boxed::Box::leak(alloc::boxed::Box::new(NotifyList {
                wait: 0,
                notify: 0,
                lock: 0,
                head: core::ptr::null_mut(),
                tail: core::ptr::null_mut(),
            }));
            goxide_rt_notifyListCheck(g, 32);
            for _ in 0..3 {
                let l2 = l.clone();
                go(g, move |g| {
                    let t = goxide_rt_notifyListAdd(g, nl);
                    goxide_rt_notifyListWait(g, nl, t);
                    l2.borrow_mut().push(goid(g));
                });
            }
            goxide_rt_Gosched(g); // tickets: 8 → 0, 6 → 1, 7 → 2
            goxide_rt_notifyListNotifyOne(g, nl);
            goxide_rt_Gosched(g);
            l.borrow_mut().push(0);
            goxide_rt_notifyListNotifyAll(g, nl);
            goxide_rt_Gosched(g);
        });
        assert_eq!(end.code, 0, "{}", String::from_utf8_lossy(&end.stderr));
        assert_eq!(*log.borrow(), [8, 0, 7, 6]);
        assert!(less(u32::MAX, 0) && !less(0, u32::MAX));
    }
}
