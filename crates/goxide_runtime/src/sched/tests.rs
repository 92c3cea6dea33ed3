//! Scheduler tests: Rust closures run as goroutines through the real
//! switch code (see `testing`); expected orders are gc's under
//! GOMAXPROCS=1 (the differential test in tests/sched_differential.rs
//! checks the printed forms against the reference go).

use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use super::testing::{go, goid, run};
use super::*;

type Log = Rc<RefCell<Vec<u64>>>;

fn log() -> Log {
    Rc::new(RefCell::new(Vec::new()))
}

#[test]
fn main_returning_ends_the_program_with_status_0() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        l2.borrow_mut().push(goid(g));
        // Never runs: main returns first.
        let l3 = l2.clone();
        go(g, move |_| l3.borrow_mut().push(99));
    });
    assert_eq!(
        end,
        ProgramEnd {
            code: 0,
            stderr: Vec::new()
        }
    );
    assert_eq!(*l.borrow(), [1]);
}

#[test]
fn new_goroutines_run_in_gcs_runnext_order() {
    // gc, GOMAXPROCS=1: `for i := 0; i < 3; i++ { go f(i) }; Gosched()`
    // runs 2 (runnext) then 0, 1 (local queue).
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        for i in 0..3u64 {
            let l3 = l2.clone();
            go(g, move |g| l3.borrow_mut().push(i * 100 + goid(g)));
        }
        unsafe { goxide_rt_Gosched(g) };
        l2.borrow_mut().push(1000);
    });
    assert_eq!(end.code, 0);
    assert_eq!(*l.borrow(), [208, 6, 107, 1000]);
}

#[test]
fn gosched_interleaves_and_records_are_reused() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let l3 = l2.clone();
        go(g, move |g| {
            for i in 0..3 {
                l3.borrow_mut().push(10 + i);
                unsafe { goxide_rt_Gosched(g) };
            }
        });
        for i in 0..3 {
            l2.borrow_mut().push(i);
            unsafe { goxide_rt_Gosched(g) };
        }
        unsafe { goxide_rt_Gosched(g) };
        // The first goroutine is dead: its record is reused with a new id.
        let l4 = l2.clone();
        go(g, move |g| l4.borrow_mut().push(goid(g) * 1000));
        unsafe {
            assert_eq!(goxide_rt_NumGoroutine(g), 2);
            goxide_rt_Gosched(g);
            l2.borrow_mut().push(goxide_rt_NumGoroutine(g) as u64);
        }
    });
    assert_eq!(end.code, 0);
    assert_eq!(*l.borrow(), [0, 10, 1, 11, 2, 12, 7000, 1]);
}

#[test]
fn many_goroutines_spawn_and_finish() {
    let done = Rc::new(core::cell::Cell::new(0u64));
    let d = done.clone();
    let end = run(move |g| {
        for _ in 0..20_000 {
            let d2 = d.clone();
            go(g, move |_| d2.set(d2.get() + 1));
        }
        while d.get() < 20_000 {
            unsafe { goxide_rt_Gosched(g) };
        }
    });
    assert_eq!(end.code, 0, "{}", String::from_utf8_lossy(&end.stderr));
    assert_eq!(done.get(), 20_000);
}

#[test]
fn parked_main_with_nothing_runnable_is_a_deadlock() {
    let end = run(|g| unsafe { gopark(g, WaitReason::ChanReceive) });
    assert_eq!(
        String::from_utf8_lossy(&end.stderr),
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n"
    );
    assert_eq!(end.code, 2);
}

#[test]
fn main_locked_during_init_says_so_in_the_deadlock_report() {
    let end = run(|g| unsafe {
        goxide_rt_lockOSThread(g);
        gopark(g, WaitReason::ChanReceive)
    });
    assert_eq!(
        String::from_utf8_lossy(&end.stderr),
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive, locked to thread]:\n"
    );
    let end = run(|g| unsafe {
        goxide_rt_lockOSThread(g);
        goxide_rt_unlockOSThread(g);
        gopark(g, WaitReason::ChanReceive)
    });
    assert!(String::from_utf8_lossy(&end.stderr).ends_with("goroutine 1 [chan receive]:\n"));
}

#[test]
fn deadlock_lists_live_goroutines_in_creation_order() {
    let end = run(|g| unsafe {
        go(g, |_| {}); // 6, exits
        go(g, |g| gopark(g, WaitReason::ChanSend)); // 7
        go(g, |g| goxide_rt_block(g)); // 8
        goxide_rt_Gosched(g);
        go(g, |g| gopark(g, WaitReason::ChanReceiveNilChan)); // 9 reuses 6's record
        gopark(g, WaitReason::Select);
    });
    assert_eq!(
        String::from_utf8_lossy(&end.stderr),
        "fatal error: all goroutines are asleep - deadlock!\n\n\
         goroutine 1 [select]:\n\n\
         goroutine 9 [chan receive (nil chan)]:\n\n\
         goroutine 7 [chan send]:\n\n\
         goroutine 8 [select (no cases)]:\n"
    );
}

#[test]
fn sleepers_wake_after_their_time_and_are_not_a_deadlock() {
    // Each sleeper records when it woke; nothing else is runnable, so the
    // thread sleeps and no deadlock is reported. Exact wake-up order is a
    // timing matter (several due at once are readied into runnext, last
    // first, as gc's timers do): the differential test compares it with gc.
    let woke: Rc<RefCell<Vec<(u64, i64, i64)>>> = Rc::new(RefCell::new(Vec::new()));
    let w = woke.clone();
    let end = run(move |g| {
        let t0 = sleep::nanotime();
        for (i, ms) in [(1u64, 90i64), (2, 30), (3, 60)] {
            let w2 = w.clone();
            go(g, move |g| {
                unsafe { sleep::goxide_rt_timeSleep(g, ms * 1_000_000) };
                w2.borrow_mut().push((i, ms, sleep::nanotime() - t0));
            });
        }
        unsafe { sleep::goxide_rt_timeSleep(g, 120_000_000) };
        w.borrow_mut().push((0, 120, sleep::nanotime() - t0));
        // On a loaded machine a sleeper due with main may run after it.
        while w.borrow().len() < 4 {
            unsafe { sleep::goxide_rt_timeSleep(g, 10_000_000) };
        }
    });
    assert_eq!(end.code, 0, "{}", String::from_utf8_lossy(&end.stderr));
    let woke = woke.borrow();
    let mut ids: Vec<u64> = woke.iter().map(|&(i, _, _)| i).collect();
    ids.sort_unstable();
    assert_eq!(ids, [0, 1, 2, 3], "{woke:?}");
    for &(i, ms, elapsed) in woke.iter() {
        assert!(
            elapsed >= ms * 1_000_000,
            "{i} woke after {elapsed} ns, before {ms} ms"
        );
    }
}
