//! Select tests (module `select::tests`): Rust closures as goroutines over
//! the real select and channel code.

use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use super::*;
use crate::chan::{
    goxide_rt_chanrecv2, goxide_rt_chansend1, goxide_rt_closechan, goxide_rt_makechan,
};
use crate::sched::goxide_rt_Gosched;
use crate::sched::testing::{chan_type, go, run};

fn make(g: *mut G, cap: i64) -> *mut Hchan {
    unsafe { goxide_rt_makechan(g, chan_type(8, 8), cap) }
}

fn send(g: *mut G, c: *mut Hchan, v: i64) {
    unsafe { goxide_rt_chansend1(g, c, &v as *const i64 as *const u8) }
}

/// A select over `sends` (channel, value) then `recvs` channels; returns
/// (chosen, recvOK, received value or -1).
fn select(
    g: *mut G,
    sends: &[(*mut Hchan, i64)],
    recvs: &[*mut Hchan],
    block: bool,
) -> (i64, bool, i64) {
    let mut vals: Vec<i64> = sends.iter().map(|&(_, v)| v).collect();
    let mut got: Vec<i64> = alloc::vec![-1; recvs.len()];
    let mut cases: Vec<Scase> = Vec::new();
    for (k, &(c, _)) in sends.iter().enumerate() {
        cases.push(Scase {
            c,
            elem: &mut vals[k] as *mut i64 as *mut u8,
        });
    }
    for (k, &c) in recvs.iter().enumerate() {
        cases.push(Scase {
            c,
            elem: &mut got[k] as *mut i64 as *mut u8,
        });
    }
    let mut order = alloc::vec![0u16; 2 * cases.len()];
    let r = unsafe {
        goxide_rt_selectgo(
            g,
            cases.as_mut_ptr(),
            order.as_mut_ptr(),
            sends.len() as i64,
            recvs.len() as i64,
            block,
        )
    };
    let v = if r.first >= sends.len() as i64 {
        got[r.first as usize - sends.len()]
    } else {
        -1
    };
    (r.first, r.second != 0, v)
}

type Log = Rc<RefCell<Vec<(i64, bool, i64)>>>;

fn log() -> Log {
    Rc::new(RefCell::new(Vec::new()))
}

#[test]
fn default_when_nothing_is_ready() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let (a, b) = (make(g, 0), make(g, 0));
        {
            let r = select(g, &[(a, 1)], &[b, core::ptr::null_mut()], false);
            l2.borrow_mut().push(r);
        }
        let r = unsafe { goxide_rt_selectnbsend(g, a, &5i64 as *const i64 as *const u8) };
        let mut v = 0i64;
        let p = unsafe { goxide_rt_selectnbrecv(g, &mut v as *mut i64 as *mut u8, b) };
        l2.borrow_mut().push((r as i64, p.first != 0, p.second));
    });
    assert_eq!(end.code, 0, "{}", String::from_utf8_lossy(&end.stderr));
    assert_eq!(*l.borrow(), [(-1, false, -1), (0, false, 0)]);
}

#[test]
fn ready_cases_win_buffer_closed_and_waiting_partner() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let (buf, closed, nilc) = (make(g, 1), make(g, 0), core::ptr::null_mut());
        send(g, buf, 42);
        // Only the buffered receive is ready.
        {
            let r = select(g, &[(nilc, 0)], &[nilc, buf], true);
            l2.borrow_mut().push(r);
        }
        unsafe { goxide_rt_closechan(g, closed) };
        // Closed: received zero, recvOK false.
        {
            let r = select(g, &[], &[closed], true);
            l2.borrow_mut().push(r);
        }
        // Room in the buffer: the send case.
        {
            let r = select(g, &[(buf, 9)], &[], false);
            l2.borrow_mut().push(r);
        }
        let mut v = 0i64;
        unsafe { goxide_rt_chanrecv2(g, buf, &mut v as *mut i64 as *mut u8) };
        l2.borrow_mut().push((v, true, 0));
        // A parked sender: the receive takes its value.
        let un = make(g, 0);
        go(g, move |g| send(g, un, 77));
        unsafe { goxide_rt_Gosched(g) };
        {
            let r = select(g, &[], &[un], true);
            l2.borrow_mut().push(r);
        }
    });
    assert_eq!(end.code, 0, "{}", String::from_utf8_lossy(&end.stderr));
    assert_eq!(
        *l.borrow(),
        [
            (2, true, 42),
            (0, false, 0),
            (0, false, -1),
            (9, true, 0),
            (0, true, 77)
        ]
    );
}

#[test]
fn ready_cases_are_chosen_at_random() {
    let counts = Rc::new(RefCell::new([0u32; 3]));
    let c2 = counts.clone();
    let end = run(move |g| {
        let cs = [make(g, 1), make(g, 1), make(g, 1)];
        for _ in 0..3000 {
            for &c in &cs {
                if unsafe { (*c).qcount } == 0 {
                    send(g, c, 1);
                }
            }
            let (i, ok, _) = select(g, &[], &cs, true);
            assert!(ok);
            c2.borrow_mut()[i as usize] += 1;
        }
    });
    assert_eq!(end.code, 0);
    for n in *counts.borrow() {
        assert!((800..1200).contains(&n), "{:?}", counts.borrow());
    }
}

#[test]
fn blocked_select_is_woken_by_one_case_and_leaves_the_others() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let (a, b, c) = (make(g, 0), make(g, 0), make(g, 0));
        let l3 = l2.clone();
        go(g, move |g| {
            let r = select(g, &[(c, 5)], &[a, b], true);
            l3.borrow_mut().push(r);
        });
        unsafe { goxide_rt_Gosched(g) };
        send(g, b, 11);
        // The select goroutine was claimed by b but has not run yet: a
        // non-blocking send on a must skip its stale waiter.
        let sent = unsafe { goxide_rt_selectnbsend(g, a, &1i64 as *const i64 as *const u8) };
        l2.borrow_mut().push((sent as i64, false, 0));
        unsafe { goxide_rt_Gosched(g) };
        // After it ran, no sudog of it remains on any queue.
        unsafe {
            for ch in [a, b, c] {
                assert!((*ch).recvq.first.is_null() && (*ch).sendq.first.is_null());
            }
        }
        // A blocked select whose send case completes.
        let l4 = l2.clone();
        go(g, move |g| {
            let r = select(g, &[(c, 5)], &[a], true);
            l4.borrow_mut().push(r);
        });
        unsafe { goxide_rt_Gosched(g) };
        let mut v = 0i64;
        unsafe { goxide_rt_chanrecv2(g, c, &mut v as *mut i64 as *mut u8) };
        unsafe { goxide_rt_Gosched(g) };
        l2.borrow_mut().push((v, true, 0));
    });
    assert_eq!(end.code, 0, "{}", String::from_utf8_lossy(&end.stderr));
    assert_eq!(
        *l.borrow(),
        [(0, false, 0), (2, true, 11), (0, false, -1), (5, true, 0)]
    );
}

#[test]
fn closing_wakes_a_blocked_select() {
    let l = log();
    let l2 = l.clone();
    let end = run(move |g| {
        let (a, b) = (make(g, 0), make(g, 0));
        let l3 = l2.clone();
        go(g, move |g| {
            let r = select(g, &[], &[a, b], true);
            l3.borrow_mut().push(r);
        });
        unsafe {
            goxide_rt_Gosched(g);
            goxide_rt_closechan(g, b);
            goxide_rt_Gosched(g);
        }
    });
    assert_eq!(end.code, 0);
    assert_eq!(*l.borrow(), [(1, false, 0)]);
}

#[test]
fn send_case_on_closed_channel_panics_and_nil_cases_block() {
    let end = run(|g| {
        let a = make(g, 0);
        unsafe { goxide_rt_closechan(g, a) };
        select(g, &[(a, 1)], &[], false);
    });
    assert_eq!(
        String::from_utf8_lossy(&end.stderr),
        "panic: send on closed channel\n\ngoroutine 1 [running]:\n"
    );
    let end = run(|g| {
        select(
            g,
            &[(core::ptr::null_mut(), 1)],
            &[core::ptr::null_mut()],
            true,
        );
    });
    assert_eq!(
        String::from_utf8_lossy(&end.stderr),
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select]:\n"
    );
}
