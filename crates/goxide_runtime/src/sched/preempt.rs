//! Preemption of goroutines that never block: a tick sets the running
//! goroutine's `G::preempt` flag every [`FORCE_PREEMPT_NS`] (gc's
//! `sysmon` → `preemptone`, 10 ms), and compiled code that finds the flag
//! set at a loop back-edge or function entry calls
//! [`goxide_rt_preempt`], which yields as `runtime.Gosched` does (gc's
//! `gopreempt_m`: the goroutine goes to the global queue's tail). Without
//! it a spinning goroutine would starve the others on our single thread,
//! and sleepers would never wake.
//!
//! How: no sysmon thread. [`arm`] creates a `CLOCK_MONOTONIC` POSIX timer
//! delivering SIGURG (gc's preemption signal, which programs rarely use)
//! periodically; [`crate::signals`] handles it by setting the flag of the
//! M's current goroutine. The timer is armed by the first `go` statement
//! of a program that installed the signal handlers (a program with one
//! goroutine never needs it), with `SA_RESTART` so most interrupted system
//! calls resume; the runtime's own `write` and `nanosleep` loops tolerate
//! EINTR.
//!
//! Contract: `G_PREEMPT_OFFSET` = 40, a byte; compiled code tests it with
//! a plain load (`load.i8 notrap aligned`) and never writes it.
//!
//! Invariants: the flag is only a request: it is cleared when honoured and
//! may be stale (a yield with nothing else runnable resumes at once).

use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, Ordering};

use crate::goroutine::{G, GStatus};

/// Where compiled code finds `G::preempt`.
pub const G_PREEMPT_OFFSET: usize = 40;
/// gc's `forcePreemptNS`.
pub const FORCE_PREEMPT_NS: i64 = 10_000_000;
/// The preemption signal (gc's `sigPreempt`), 23 on x86-64 and aarch64.
pub const SIGURG: c_int = 23;

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

#[repr(C)]
struct ItimerSpec {
    interval: Timespec,
    value: Timespec,
}

/// Linux `struct sigevent` (64 bytes): value, signo, notify, padding.
#[repr(C)]
struct SigEvent {
    value: usize,
    signo: c_int,
    notify: c_int,
    pad: [u64; 6],
}

unsafe extern "C" {
    fn timer_create(clock: c_int, sev: *mut SigEvent, timer: *mut *mut c_void) -> c_int;
    fn timer_settime(
        timer: *mut c_void,
        flags: c_int,
        new: *const ItimerSpec,
        old: *mut ItimerSpec,
    ) -> c_int;
}

const CLOCK_MONOTONIC: c_int = 1;
const SIGEV_SIGNAL: c_int = 0;

static ARMED: AtomicBool = AtomicBool::new(false);

/// Starts the preemption tick once per process; false if the kernel
/// refused (goroutines then run until they block, as before).
pub fn arm() -> bool {
    if ARMED.swap(true, Ordering::Relaxed) {
        return true;
    }
    let mut sev = SigEvent {
        value: 0,
        signo: SIGURG,
        notify: SIGEV_SIGNAL,
        pad: [0; 6],
    };
    let mut timer: *mut c_void = core::ptr::null_mut();
    let period = Timespec {
        sec: 0,
        nsec: FORCE_PREEMPT_NS,
    };
    let spec = ItimerSpec {
        interval: Timespec {
            sec: 0,
            nsec: FORCE_PREEMPT_NS,
        },
        value: period,
    };
    // SAFETY: plain structs the calls read or fill.
    unsafe {
        timer_create(CLOCK_MONOTONIC, &mut sev, &mut timer) == 0
            && timer_settime(timer, 0, &spec, core::ptr::null_mut()) == 0
    }
}

/// The tick, from the SIGURG handler: asks `g` (the interrupted M's
/// current goroutine, or null) to yield.
///
/// # Safety
/// `g` is null or a live goroutine record.
pub unsafe fn request(g: *mut G) {
    if !g.is_null() {
        // SAFETY: the caller's guarantee.
        unsafe { (*g).preempt.store(1, Ordering::Relaxed) };
    }
}

/// `goxide_rt_preempt(g)`: called by compiled code that found
/// `G::preempt` set; yields to the other runnable goroutines (gc's
/// `gopreempt_m`).
///
/// # Safety
/// `g` is the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_preempt(g: *mut G) {
    // SAFETY: the caller's guarantee.
    unsafe {
        (*g).preempt.store(0, Ordering::Relaxed);
        (*g).status = GStatus::Runnable;
        super::sched_of(g).globrunq.push_back(g);
        super::schedule_away(g);
    }
}
