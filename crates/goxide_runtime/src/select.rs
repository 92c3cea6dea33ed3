//! `select`: gc's `runtime/select.go` `selectgo`, and the one-case forms
//! `selectnbsend`/`selectnbrecv` (gc's `chan.go`) the compiler uses for a
//! single case plus `default`.
//!
//! The compiler lowers a select of n cases as gc's `walkSelectCases`: an
//! array of [`Scase`] `{c, elem}` with the sends first (`nsends`) then the
//! receives (`nrecvs`), and a `[2*n]uint16` scratch array for the orders;
//! `selectgo` returns the index of the chosen case (-1: the `default`, only
//! when `block` is false) and, for a receive, whether a value was received
//! (false: the channel is closed).
//!
//! How: (1) cases on nil channels are dropped; the rest are shuffled into
//! a random poll order (gc's `cheaprandn` insertion shuffle), so a ready
//! case is chosen uniformly. (2) The first ready case in poll order wins:
//! a waiting partner, buffer data or room, or a closed channel. (3) With
//! none ready and `block`, the goroutine enqueues one sudog per case and
//! parks (`select`); whoever completes one case claims the goroutine
//! (`G::select_done`, see `WaitQ::dequeue`), and on waking the goroutine
//! removes its other sudogs from their queues. A select with every channel
//! nil parks forever. gc locks the channels in address order (its
//! `lockorder`); one M needs no locks, so sudogs are enqueued in poll
//! order and the second half of `order0` is unused.
//!
//! Invariants: after `selectgo` returns, none of the goroutine's sudogs is
//! on any queue and `G::waiting` is null; a send case on a closed channel
//! panics (`send on closed channel`) as gc's.

use alloc::vec::Vec;

use crate::chan::{Hchan, Sudog, chanrecv, chansend, throw_panic_msg};
use crate::goroutine::G;
use crate::sched::{self, waitreason::WaitReason};

/// gc's `scase`: one case of a select.
#[repr(C)]
pub struct Scase {
    /// The channel; null makes the case never ready.
    pub c: *mut Hchan,
    /// The value to send, or where to receive (null: discard).
    pub elem: *mut u8,
}

/// Two results in two registers (rax/rdx, x0/x1): each 0 or 1 except
/// `selectgo`'s case index.
#[repr(C)]
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Pair {
    pub first: i64,
    pub second: i64,
}

/// gc's `selectgo`: (chosen case or -1, received).
///
/// # Safety
/// `g` is running; `cas0` holds `nsends + nrecvs` cases and `order0` at
/// least as many u16s; every non-null channel is live; every `elem` is
/// valid for its case.
pub unsafe fn selectgo(
    g: *mut G,
    cas0: *mut Scase,
    order0: *mut u16,
    nsends: usize,
    nrecvs: usize,
    block: bool,
) -> (i64, bool) {
    let ncases = nsends + nrecvs;
    if ncases == 0 && block {
        // `select {}` (gc compiles it to `block`, never to selectgo).
        // SAFETY: g is running.
        unsafe {
            sched::gopark(g, WaitReason::SelectNoCases);
            sched::throw(g, "unreachable");
        }
    }
    // SAFETY: the caller's guarantee about the arrays.
    let (scases, pollorder) = unsafe {
        (
            core::slice::from_raw_parts_mut(cas0, ncases),
            core::slice::from_raw_parts_mut(order0, ncases),
        )
    };
    // SAFETY: g is running on an M.
    let m = unsafe { &mut *(*g).m };
    let mut norder = 0usize;
    for (i, cas) in scases.iter_mut().enumerate() {
        if cas.c.is_null() {
            cas.elem = core::ptr::null_mut();
            continue;
        }
        let j = m.cheaprandn(norder as u32 + 1) as usize;
        pollorder[norder] = pollorder[j];
        pollorder[j] = i as u16;
        norder += 1;
    }
    let pollorder = &pollorder[..norder];

    // Pass 1: the first ready case in poll order.
    for &casei in pollorder {
        let casi = casei as usize;
        let cas = &scases[casi];
        // SAFETY: non-null channels are live (caller).
        let c = unsafe { &mut *cas.c };
        if casi >= nsends {
            if !c.sendq.first.is_null() || c.qcount > 0 || c.closed != 0 {
                // Ready: chanrecv completes it without blocking, taking a
                // waiting sender, then the buffer, then the closed state,
                // exactly as selectgo's recv/bufrecv/rclose.
                // A waiter already claimed by its own select is skipped
                // (not selected): go on polling.
                // SAFETY: as above.
                let (selected, ok) = unsafe { chanrecv(g, c, cas.elem, false) };
                if selected {
                    return (casi as i64, ok);
                }
            }
        } else {
            if c.closed != 0 {
                // SAFETY: g is running.
                unsafe { throw_panic_msg(g, "send on closed channel") };
            }
            if !c.recvq.first.is_null() || c.qcount < c.dataqsiz {
                // SAFETY: as above; ready, so this does not block.
                if unsafe { chansend(g, c, cas.elem, false) } {
                    return (casi as i64, false);
                }
            }
        }
    }

    if !block {
        return (-1, false);
    }

    // Pass 2: wait on every case.
    let mut sudogs: Vec<Sudog> = Vec::with_capacity(norder);
    for &casei in pollorder {
        let cas = &scases[casei as usize];
        sudogs.push(Sudog::new(g, cas.c, cas.elem, true));
    }
    // SAFETY: the sudogs do not move (capacity reserved above) and outlive
    // the wait; g is running.
    unsafe {
        let base = sudogs.as_mut_ptr();
        let mut nextp: *mut *mut Sudog = &raw mut (*g).waiting;
        for (k, &casei) in pollorder.iter().enumerate() {
            let sg = base.add(k);
            *nextp = sg;
            nextp = &raw mut (*sg).waitlink;
            let c = &mut *scases[casei as usize].c;
            if (casei as usize) < nsends {
                c.sendq.enqueue(sg);
            } else {
                c.recvq.enqueue(sg);
            }
        }
        (*g).param = core::ptr::null_mut();
        sched::gopark(g, WaitReason::Select);

        // Pass 3: find the winner, withdraw from the other queues.
        (*g).select_done = false;
        let winner = (*g).param;
        (*g).param = core::ptr::null_mut();
        (*g).waiting = core::ptr::null_mut();
        let mut chosen: Option<(usize, bool)> = None;
        for (k, &casei) in pollorder.iter().enumerate() {
            let sg = base.add(k);
            if sg == winner {
                chosen = Some((casei as usize, (*sg).success));
            } else {
                let c = &mut *scases[casei as usize].c;
                if (casei as usize) < nsends {
                    c.sendq.dequeue_sudog(sg);
                } else {
                    c.recvq.dequeue_sudog(sg);
                }
            }
        }
        let Some((casi, success)) = chosen else {
            sched::throw(g, "selectgo: bad wakeup");
        };
        if casi < nsends {
            if !success {
                throw_panic_msg(g, "send on closed channel");
            }
            (casi as i64, false)
        } else {
            (casi as i64, success)
        }
    }
}

/// `goxide_rt_selectgo(g, cas0, order0, nsends, nrecvs, block) ->
/// (chosen, recvOK)`: gc's `selectgo` without its race-detector `pc0`.
///
/// # Safety
/// As [`selectgo`]; `nsends`, `nrecvs` ≥ 0 with a sum below 65536.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_selectgo(
    g: *mut G,
    cas0: *mut Scase,
    order0: *mut u16,
    nsends: i64,
    nrecvs: i64,
    block: bool,
) -> Pair {
    // SAFETY: the caller's guarantee.
    let (chosen, ok) = unsafe {
        selectgo(
            g,
            cas0,
            order0,
            nsends.max(0) as usize,
            nrecvs.max(0) as usize,
            block,
        )
    };
    Pair {
        first: chosen,
        second: ok as i64,
    }
}

/// `goxide_rt_selectnbsend(g, c, elem) -> bool`: `select { case c <- v:
/// ...; default: ... }` — whether the send happened.
///
/// # Safety
/// `g` is running; `c` is null or live; `elem` points to an element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_selectnbsend(g: *mut G, c: *mut Hchan, elem: *const u8) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe { chansend(g, c, elem, false) }
}

/// `goxide_rt_selectnbrecv(g, elem, c) -> (selected, received)`: `select
/// { case v, ok = <-c: ...; default: ... }` (gc's argument order).
///
/// # Safety
/// `g` is running; `c` is null or live; `elem` is null or an element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_selectnbrecv(g: *mut G, elem: *mut u8, c: *mut Hchan) -> Pair {
    // SAFETY: the caller's guarantee.
    let (selected, received) = unsafe { chanrecv(g, c, elem, false) };
    Pair {
        first: selected as i64,
        second: received as i64,
    }
}

#[cfg(test)]
#[path = "select_tests.rs"]
mod tests;
