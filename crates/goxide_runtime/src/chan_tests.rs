//! Channel tests (module `chan::tests`): Rust closures as goroutines over
//! the real channel code; orders are gc's under GOMAXPROCS=1.

use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use super::*;
use crate::sched::testing::{chan_type, chan_type_with_pointers, go, goid, run};

type Log = Rc<RefCell<Vec<i64>>>;

fn log() -> Log {
    Rc::new(RefCell::new(Vec::new()))
}

fn make(g: *mut G, cap: i64) -> *mut Hchan {
    unsafe { goxide_rt_makechan(g, chan_type(8, 8), cap) }
}

fn send(g: *mut G, c: *mut Hchan, v: i64) {
    unsafe { goxide_rt_chansend1(g, c, &v as *const i64 as *const u8) }
}

fn recv(g: *mut G, c: *mut Hchan) -> (i64, bool) {
    let mut v: i64 = -1;
    let ok = unsafe { goxide_rt_chanrecv2(g, c, &mut v as *mut i64 as *mut u8) };
    (v, ok)
}

/// len and cap as compiled code reads them: words 0 and 8 of the hchan.
fn len_cap(c: *mut Hchan) -> (usize, usize) {
    unsafe { (*(c as *const usize), *(c as *const usize).add(1)) }
}

fn stderr(end: &ProgramEnd) -> String {
    String::from_utf8_lossy(&end.stderr).into_owned()
}

#[test]
fn unbuffered_handoff_is_fifo_and_synchronous() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let c = make(g, 0);
        let l3 = l2.clone();
        go(g, move |g| {
            for i in 1..=3 {
                send(g, c, i);
                l3.borrow_mut().push(-i); // after the handoff
            }
        });
        for _ in 0..3 {
            let (v, ok) = recv(g, c);
            assert!(ok);
            l2.borrow_mut().push(v);
        }
        assert_eq!(len_cap(c), (0, 0));
    });
    assert_eq!(end.code, 0, "{}", stderr(&end));
    // gc (GOMAXPROCS=1, measured): the receiver parks; the sender hands 1
    // over, goes on and parks on 2; the receiver takes 2 from the parked
    // sender and parks again; the sender hands 3 over and exits.
    assert_eq!(*l.borrow(), [-1, 1, 2, -2, -3, 3]);
}

#[test]
fn buffered_channel_fills_blocks_and_drains_in_order() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let c = make(g, 2);
        send(g, c, 10);
        send(g, c, 20);
        assert_eq!(len_cap(c), (2, 2));
        let l3 = l2.clone();
        go(g, move |g| {
            let v = recv(g, c).0;
            l3.borrow_mut().push(v);
        });
        send(g, c, 30); // blocks: the goroutine takes 10, 30 moves in
        l2.borrow_mut().push(len_cap(c).0 as i64);
        for _ in 0..2 {
            let v = recv(g, c).0;
            l2.borrow_mut().push(v);
        }
        unsafe { goxide_rt_closechan(g, c) };
        let (v, ok) = recv(g, c);
        l2.borrow_mut().push(v);
        l2.borrow_mut().push(ok as i64);
    });
    assert_eq!(end.code, 0, "{}", stderr(&end));
    assert_eq!(*l.borrow(), [10, 2, 20, 30, 0, 0]);
}

#[test]
fn closed_channel_drains_then_yields_zero_and_false() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let c = make(g, 3);
        send(g, c, 7);
        unsafe { goxide_rt_closechan(g, c) };
        for _ in 0..2 {
            let (v, ok) = recv(g, c);
            l2.borrow_mut().extend([v, ok as i64]);
        }
        // A discarding receive (elem null) does not touch memory.
        unsafe { goxide_rt_chanrecv1(g, c, core::ptr::null_mut()) };
    });
    assert_eq!(end.code, 0, "{}", stderr(&end));
    assert_eq!(*l.borrow(), [7, 1, 0, 0]);
}

#[test]
fn close_wakes_receivers_in_gcs_order() {
    // Receivers park in order 8 (runnext), 6, 7; close readies them
    // through gc's LIFO gList into runnext, so they run 8, 7, 6 (gc under
    // GOMAXPROCS=1 prints the same order).
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let c = make(g, 0);
        for _ in 0..3 {
            let l3 = l2.clone();
            go(g, move |g| {
                let (v, ok) = recv(g, c);
                l3.borrow_mut().push(goid(g) as i64 * 10 + v + ok as i64);
            });
        }
        unsafe {
            crate::sched::goxide_rt_Gosched(g);
            goxide_rt_closechan(g, c);
            crate::sched::goxide_rt_Gosched(g);
        }
    });
    assert_eq!(end.code, 0, "{}", stderr(&end));
    assert_eq!(*l.borrow(), [80, 70, 60]);
}

#[test]
fn wide_elements_are_copied_whole() {
    // With and without pointers: a shared or a separate buffer.
    for with_pointers in [false, true] {
        let out = Rc::new(RefCell::new([0u64; 5]));
        let o2 = out.clone();
        let end = run(move |g| unsafe {
            let t = if with_pointers {
                chan_type_with_pointers(40, 8)
            } else {
                chan_type(40, 8)
            };
            let c = goxide_rt_makechan(g, t, 2);
            let v: [u64; 5] = [1, 2, 3, 4, u64::MAX];
            goxide_rt_chansend1(g, c, v.as_ptr() as *const u8);
            let shared = (*c).buf == (c as *mut u8).add(HCHAN_SIZE);
            go(g, move |g| {
                let v: [u64; 5] = [6, 7, 8, 9, 10];
                goxide_rt_chansend1(g, c, v.as_ptr() as *const u8);
            });
            let mut v = [0u64; 5];
            goxide_rt_chanrecv1(g, c, v.as_mut_ptr() as *mut u8);
            goxide_rt_chanrecv1(g, c, v.as_mut_ptr() as *mut u8);
            v[0] += (shared as u64) * 100;
            *o2.borrow_mut() = v;
        });
        assert_eq!(end.code, 0, "{}", stderr(&end));
        let first = if with_pointers { 6 } else { 106 };
        assert_eq!(*out.borrow(), [first, 7, 8, 9, 10]);
    }
}

fn panics_with(f: impl FnOnce(*mut G) + 'static) -> String {
    let end = run(f);
    assert_eq!(end.code, 2);
    stderr(&end)
}

#[test]
fn misuse_panics_with_gcs_messages() {
    assert_eq!(
        panics_with(|g| unsafe { goxide_rt_closechan(g, core::ptr::null_mut()) }),
        "panic: close of nil channel\n\ngoroutine 1 [running]:\n"
    );
    assert_eq!(
        panics_with(|g| unsafe {
            let c = make(g, 0);
            goxide_rt_closechan(g, c);
            goxide_rt_closechan(g, c);
        }),
        "panic: close of closed channel\n\ngoroutine 1 [running]:\n"
    );
    assert_eq!(
        panics_with(|g| {
            let c = make(g, 1);
            unsafe { goxide_rt_closechan(g, c) };
            send(g, c, 1);
        }),
        "panic: send on closed channel\n\ngoroutine 1 [running]:\n"
    );
    assert_eq!(
        panics_with(|g| {
            make(g, -1);
        }),
        "panic: makechan: size out of range\n\ngoroutine 1 [running]:\n"
    );
    assert_eq!(
        panics_with(|g| unsafe {
            goxide_rt_makechan(g, chan_type(1 << 10, 8), 1 << 40);
        }),
        "panic: makechan: size out of range\n\ngoroutine 1 [running]:\n"
    );
    // A sender parked on a channel that gets closed panics when it wakes.
    assert_eq!(
        panics_with(|g| {
            let c = make(g, 0);
            go(g, move |g| send(g, c, 1));
            unsafe {
                crate::sched::goxide_rt_Gosched(g);
                goxide_rt_closechan(g, c);
                crate::sched::goxide_rt_Gosched(g);
            }
        }),
        "panic: send on closed channel\n\ngoroutine 6 [running]:\n"
    );
}

#[test]
fn nil_channels_block_forever() {
    let end = run(|g| {
        go(g, |g| send(g, core::ptr::null_mut(), 1));
        recv(g, core::ptr::null_mut());
    });
    assert_eq!(
        stderr(&end),
        "fatal error: all goroutines are asleep - deadlock!\n\n\
         goroutine 1 [chan receive (nil chan)]:\n\n\
         goroutine 6 [chan send (nil chan)]:\n"
    );
}

#[test]
fn hchan_prefix_is_gcs() {
    use core::mem::offset_of;
    assert_eq!(offset_of!(Hchan, qcount), 0);
    assert_eq!(offset_of!(Hchan, dataqsiz), 8);
    assert_eq!(offset_of!(Hchan, buf), 16);
    assert_eq!(offset_of!(Hchan, elemsize), 24);
    assert_eq!(offset_of!(Hchan, closed), 28);
    assert_eq!(offset_of!(Hchan, elemtype), 40);
    assert_eq!(offset_of!(Hchan, recvq), 64);
    assert_eq!(offset_of!(Hchan, sendq), 80);
}
