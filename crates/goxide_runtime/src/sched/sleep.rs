//! `time.Sleep` without timers or threads: a sleeping goroutine is parked
//! with its wake-up time in a list the scheduler checks (gc's `timeSleep`
//! and the timer heap's `goroutineReady`, reduced to what one M needs
//! before timers land).
//!
//! How: [`Sleepers`] keeps (when, g) pairs in insertion order. Each
//! `findRunnable` readies, in order of `when` (ties: first asleep first),
//! every sleeper whose time has come, through `goready` as gc's timer
//! callback does. When nothing is runnable and someone sleeps, the thread
//! sleeps (`nanosleep`) until the earliest `when`; a program whose every
//! goroutine is blocked but one sleeps is not deadlocked (gc's
//! `checkdead` sees the timer).
//!
//! Invariants: times are `CLOCK_MONOTONIC` nanoseconds; a goroutine is in
//! the list at most once, while parked with reason `sleep`.

use alloc::vec::Vec;
use core::ffi::c_int;

use super::waitreason::WaitReason;
use crate::goroutine::{G, GStatus};

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

unsafe extern "C" {
    /// `ts` is a `struct timespec` ({sec, nsec}) typed as a plain
    /// `[i64; 2]`, so every declaration of it in the crate can agree.
    fn clock_gettime(clock: c_int, ts: *mut [i64; 2]) -> c_int;
    fn nanosleep(req: *const Timespec, rem: *mut Timespec) -> c_int;
}

const CLOCK_MONOTONIC: c_int = 1;

/// gc's `nanotime`: monotonic nanoseconds.
pub fn nanotime() -> i64 {
    let mut ts = [0i64; 2];
    // SAFETY: clock_gettime writes one timespec.
    unsafe { clock_gettime(CLOCK_MONOTONIC, &mut ts) };
    ts[0].saturating_mul(1_000_000_000).saturating_add(ts[1])
}

pub struct Sleepers {
    list: Vec<(i64, *mut G)>,
}

impl Default for Sleepers {
    fn default() -> Sleepers {
        Sleepers::new()
    }
}

impl Sleepers {
    pub const fn new() -> Sleepers {
        Sleepers { list: Vec::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Blocks the thread until the earliest sleeper is due.
    pub fn wait_for_first(&self) {
        let Some(first) = self.list.iter().map(|&(when, _)| when).min() else {
            return;
        };
        let delta = first - nanotime();
        if delta > 0 {
            let ts = Timespec {
                sec: delta / 1_000_000_000,
                nsec: delta % 1_000_000_000,
            };
            // SAFETY: nanosleep reads one timespec; an early (EINTR) wake
            // only makes the scheduler look again.
            unsafe { nanosleep(&ts, core::ptr::null_mut()) };
        }
    }

    /// Removes the sleepers due by now, in wake-up order.
    fn take_due(&mut self) -> Vec<*mut G> {
        if self.list.is_empty() {
            return Vec::new();
        }
        let now = nanotime();
        let mut due: Vec<(i64, *mut G)> = Vec::new();
        self.list.retain(|&(when, g)| {
            if when <= now {
                due.push((when, g));
                false
            } else {
                true
            }
        });
        due.sort_by_key(|&(when, _)| when); // stable: ties keep sleep order
        due.into_iter().map(|(_, g)| g).collect()
    }
}

impl super::Sched {
    /// Readies every sleeper whose time has come (gc's `checkTimers`).
    pub(super) fn sleepers_wake_due(&mut self) {
        for g in self.sleepers.take_due() {
            // SAFETY: sleepers are parked live records of this M.
            unsafe {
                (*g).status = GStatus::Runnable;
                (*g).wait_reason = WaitReason::Zero;
                self.runqput(g, true);
            }
        }
    }
}

/// `goxide_rt_timeSleep(g, ns)`: `time.Sleep` (gc's `timeSleep`, which
/// `time.Sleep` reaches by linkname): returns at once for `ns <= 0`.
///
/// # Safety
/// `g` is the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_timeSleep(g: *mut G, ns: i64) {
    if ns <= 0 {
        return;
    }
    let when = nanotime().saturating_add(ns);
    // SAFETY: the caller's guarantee.
    unsafe {
        super::sched_of(g).sleepers.list.push((when, g));
        super::gopark(g, WaitReason::Sleep);
    }
}
