//! Channels: gc's `runtime/chan.go` — `makechan`, `chansend`, `chanrecv`,
//! `closechan`, the wait queues of `sudog`s — for one M.
//!
//! Layout ([`Hchan`], `#[repr(C)]`, gc's `hchan` field for field so the
//! compiler reads `len(c)` and `cap(c)` inline and `reflect` later finds
//! what it expects): `qcount` (uint, offset 0: elements queued — `len`),
//! `dataqsiz` (uint, offset 8: buffer capacity — `cap`), `buf` (16),
//! `elemsize` (u16, 24), `closed` (u32, 28), `timer` (32, always null until
//! timer channels), `elemtype` (*abi.Type, 40), `sendx` (48), `recvx` (56),
//! `recvq` (64), `sendq` (80). A nil channel is a null pointer; compiled
//! code must make `len`/`cap` of nil 0 without loading.
//!
//! How (gc's algorithm): a send to a channel with a waiting receiver copies
//! straight into the receiver's destination and readies it; else into the
//! ring buffer if there is room; else the sender parks on `sendq` with a
//! `sudog` pointing at its value (the sudog lives in the parked goroutine's
//! frame: stacks do not move). Receives mirror it; a receive from a full
//! buffered channel with a waiting sender takes the head and moves the
//! sender's value to the tail, so FIFO order holds. `close` wakes every
//! receiver (zero value, `ok == false`) and every sender (which panics),
//! readied in gc's order (its `gList` is LIFO). Waiters are served FIFO.
//! Nil channels block forever (`chan send (nil chan)` / `chan receive
//! (nil chan)`).
//!
//! Run-time panics (`send on closed channel`, `close of nil channel`,
//! `close of closed channel`, `makechan: size out of range`) are gc's
//! `plainError`s (`error::RuntimeError::Unprefixed`) and all go through
//! [`throw_panic_msg`]: recoverable Go panics in a linked program; in host
//! tests the same report through the scheduler's program end.
//!
//! Memory (gc's three cases): a channel with a zero-size buffer is the
//! header alone; elements without pointers share one allocation with the
//! header; otherwise the buffer is its own allocation typed by the
//! element, so the collector will scan it. All from the Go heap
//! (`malloc::mallocgc`), zeroed; the header itself is untyped until the
//! collector needs a descriptor for it. Elements are copied as bytes
//! (gc's `typedmemmove`, without the write barriers the collector will
//! need).
//!
//! Invariants: `qcount <= dataqsiz`; `sendx`, `recvx` < `dataqsiz` (or 0);
//! a channel has waiting senders only when its buffer is full, waiting
//! receivers only when empty (except select waiters already chosen, which
//! `dequeue` skips); a sudog is on at most one queue; `elemsize < 65536`.

use crate::abi::{ChanType, Type};
use crate::error::RuntimeError;
use crate::goroutine::G;
use crate::malloc::mallocgc;
#[cfg(not(goxide_runtime_staticlib))]
use crate::panic::print_panic_report;
#[cfg(not(goxide_runtime_staticlib))]
use crate::sched::ProgramEnd;
use crate::sched::{self, waitreason::WaitReason};

/// gc's `hchan` (see the module header for the offsets).
#[repr(C)]
pub struct Hchan {
    pub qcount: usize,
    pub dataqsiz: usize,
    pub buf: *mut u8,
    pub elemsize: u16,
    pub closed: u32,
    pub timer: *mut u8,
    pub elemtype: *const u8,
    pub sendx: usize,
    pub recvx: usize,
    pub recvq: WaitQ,
    pub sendq: WaitQ,
}

/// gc's `hchanSize`: the header rounded up to `maxAlign` (8); the buffer
/// follows it in the same allocation.
pub const HCHAN_SIZE: usize = (core::mem::size_of::<Hchan>() + 7) & !7;
/// gc's `maxAlloc` on 64-bit Linux.
const MAX_ALLOC: usize = 1 << 48;
/// A goroutine waiting on a channel (gc's `sudog`).
#[repr(C)]
pub struct Sudog {
    pub g: *mut G,
    pub next: *mut Sudog,
    pub prev: *mut Sudog,
    /// Where the value comes from (send) or goes (receive); null once
    /// used, or for a receive that discards.
    pub elem: *mut u8,
    /// Part of a select: `dequeue` must claim the goroutine first.
    pub is_select: bool,
    /// The operation completed (false: woken by `close`).
    pub success: bool,
    /// The next sudog of the same goroutine (`G::waiting` list).
    pub waitlink: *mut Sudog,
    pub c: *mut Hchan,
}

impl Sudog {
    pub fn new(g: *mut G, c: *mut Hchan, elem: *mut u8, is_select: bool) -> Sudog {
        Sudog {
            g,
            next: core::ptr::null_mut(),
            prev: core::ptr::null_mut(),
            elem,
            is_select,
            success: false,
            waitlink: core::ptr::null_mut(),
            c,
        }
    }
}

/// gc's `waitq`: a doubly linked FIFO of sudogs.
#[repr(C)]
pub struct WaitQ {
    pub first: *mut Sudog,
    pub last: *mut Sudog,
}

impl WaitQ {
    /// # Safety
    /// `sgp` is live and on no queue.
    pub unsafe fn enqueue(&mut self, sgp: *mut Sudog) {
        // SAFETY: the caller's guarantee; queued sudogs are live.
        unsafe {
            (*sgp).next = core::ptr::null_mut();
            let x = self.last;
            if x.is_null() {
                (*sgp).prev = core::ptr::null_mut();
                self.first = sgp;
                self.last = sgp;
                return;
            }
            (*sgp).prev = x;
            (*x).next = sgp;
            self.last = sgp;
        }
    }

    /// gc's `dequeue`: the first waiter, skipping select waiters whose
    /// select another case already won.
    pub fn dequeue(&mut self) -> Option<*mut Sudog> {
        loop {
            let sgp = self.first;
            if sgp.is_null() {
                return None;
            }
            // SAFETY: queued sudogs and their goroutines are live.
            unsafe {
                let y = (*sgp).next;
                if y.is_null() {
                    self.first = core::ptr::null_mut();
                    self.last = core::ptr::null_mut();
                } else {
                    (*y).prev = core::ptr::null_mut();
                    self.first = y;
                    (*sgp).next = core::ptr::null_mut(); // mark as removed
                }
                if (*sgp).is_select {
                    if (*(*sgp).g).select_done {
                        continue;
                    }
                    (*(*sgp).g).select_done = true;
                }
            }
            return Some(sgp);
        }
    }

    /// gc's `dequeueSudoG`: removes `sgp` if it is still queued here.
    ///
    /// # Safety
    /// `sgp` is live.
    pub unsafe fn dequeue_sudog(&mut self, sgp: *mut Sudog) {
        // SAFETY: the caller's guarantee; queued sudogs are live.
        unsafe {
            let x = (*sgp).prev;
            let y = (*sgp).next;
            if !x.is_null() {
                if !y.is_null() {
                    (*x).next = y;
                    (*y).prev = x;
                    (*sgp).next = core::ptr::null_mut();
                    (*sgp).prev = core::ptr::null_mut();
                    return;
                }
                (*x).next = core::ptr::null_mut();
                self.last = x;
                (*sgp).prev = core::ptr::null_mut();
                return;
            }
            if !y.is_null() {
                (*y).prev = core::ptr::null_mut();
                self.first = y;
                (*sgp).next = core::ptr::null_mut();
                return;
            }
            if self.first == sgp {
                self.first = core::ptr::null_mut();
                self.last = core::ptr::null_mut();
            }
        }
    }
}

/// Panics with the `runtime.plainError` `msg`: the one route for this
/// module's panics (see the module header). In a linked program it is a
/// recoverable Go panic (`panic::runtime_error_panic`); uncaught, gc's
/// report (`panic: <msg>`, a blank line, the goroutine's header) and
/// status 2. Host builds have no compiled deferred calls to run, and an
/// uncaught panic would exit the test process, so they end the program
/// through the scheduler with the same report.
///
/// # Safety
/// `g` is the running goroutine.
pub unsafe fn throw_panic_msg(g: *mut G, msg: &'static str) -> ! {
    let err = RuntimeError::Unprefixed(msg.as_bytes());
    #[cfg(goxide_runtime_staticlib)]
    {
        crate::panic::runtime_error_panic(g, err)
    }
    #[cfg(not(goxide_runtime_staticlib))]
    {
        let mut out = alloc::vec::Vec::new();
        // SAFETY: the caller's guarantee.
        let goid = unsafe { (*g).goid };
        print_panic_report(&mut out, &err, goid);
        // SAFETY: the caller's guarantee.
        unsafe {
            sched::end_program(
                g,
                ProgramEnd {
                    code: 2,
                    stderr: out,
                },
            )
        }
    }
}

impl Hchan {
    fn chanbuf(&self, i: usize) -> *mut u8 {
        self.buf.wrapping_add(i * self.elemsize as usize)
    }

    /// gc's `full`: a send would block.
    fn full(&self) -> bool {
        if self.dataqsiz == 0 {
            self.recvq.first.is_null()
        } else {
            self.qcount == self.dataqsiz
        }
    }

    /// gc's `empty`: a receive would block.
    fn empty(&self) -> bool {
        if self.dataqsiz == 0 {
            self.sendq.first.is_null()
        } else {
            self.qcount == 0
        }
    }

    /// gc's `typedmemmove` of one element.
    ///
    /// # Safety
    /// Both point to an element of this channel's type.
    unsafe fn copy_elem(&self, dst: *mut u8, src: *const u8) {
        // SAFETY: the caller's guarantee.
        unsafe { core::ptr::copy(src, dst, self.elemsize as usize) }
    }

    /// gc's `typedmemclr` of one element.
    ///
    /// # Safety
    /// `p` points to an element of this channel's type.
    unsafe fn clear_elem(&self, p: *mut u8) {
        // SAFETY: the caller's guarantee.
        unsafe { core::ptr::write_bytes(p, 0, self.elemsize as usize) }
    }
}

/// gc's `makechan`.
///
/// # Safety
/// `g` is the running goroutine; `t` is an `abi.ChanType`.
pub unsafe fn makechan(g: *mut G, t: *const ChanType, size: i64) -> *mut Hchan {
    // SAFETY: t is a chan type descriptor whose Elem is a type descriptor.
    let elem: &Type = unsafe { &*(*t).elem };
    // SAFETY: g is the running goroutine.
    unsafe {
        if elem.size >= 1 << 16 {
            sched::throw(g, "makechan: invalid channel element type");
        }
        if elem.align > 8 {
            sched::throw(g, "makechan: bad alignment");
        }
    }
    let mem = match elem.size.checked_mul(size as usize) {
        Some(mem) if size >= 0 && mem <= MAX_ALLOC - HCHAN_SIZE => mem,
        // SAFETY: g is the running goroutine.
        _ => unsafe { throw_panic_msg(g, "makechan: size out of range") },
    };
    // SAFETY: mallocgc hands out zeroed memory of the sizes asked for; the
    // element descriptor is live.
    unsafe {
        let (c, buf) = if mem == 0 {
            let c = mallocgc(HCHAN_SIZE, core::ptr::null(), true);
            (c, c)
        } else if !elem.pointers() {
            let c = mallocgc(HCHAN_SIZE + mem, core::ptr::null(), true);
            (c, c.add(HCHAN_SIZE))
        } else {
            (
                mallocgc(HCHAN_SIZE, core::ptr::null(), true),
                mallocgc(mem, elem, true),
            )
        };
        let c = c as *mut Hchan;
        (*c).buf = buf;
        (*c).elemsize = elem.size as u16;
        (*c).elemtype = elem as *const Type as *const u8;
        (*c).dataqsiz = size as usize;
        c
    }
}

/// gc's `send`: hands `ep`'s value to the waiting receiver `sg`.
///
/// # Safety
/// `g` is running; `sg` was just dequeued from `c.recvq`.
unsafe fn send(g: *mut G, c: &mut Hchan, sg: *mut Sudog, ep: *const u8) {
    // SAFETY: the caller's guarantee.
    unsafe {
        if !(*sg).elem.is_null() {
            c.copy_elem((*sg).elem, ep);
            (*sg).elem = core::ptr::null_mut();
        }
        let gp = (*sg).g;
        (*gp).param = sg;
        (*sg).success = true;
        sched::goready(g, gp);
    }
}

/// gc's `recv`: takes a value from the waiting sender `sg` (unbuffered)
/// or from the buffer's head, refilling its tail from `sg` (full buffer).
///
/// # Safety
/// `g` is running; `sg` was just dequeued from `c.sendq`.
unsafe fn recv(g: *mut G, c: &mut Hchan, sg: *mut Sudog, ep: *mut u8) {
    // SAFETY: the caller's guarantee.
    unsafe {
        if c.dataqsiz == 0 {
            if !ep.is_null() {
                c.copy_elem(ep, (*sg).elem);
            }
        } else {
            let qp = c.chanbuf(c.recvx);
            if !ep.is_null() {
                c.copy_elem(ep, qp);
            }
            c.copy_elem(qp, (*sg).elem);
            c.recvx += 1;
            if c.recvx == c.dataqsiz {
                c.recvx = 0;
            }
            c.sendx = c.recvx;
        }
        (*sg).elem = core::ptr::null_mut();
        let gp = (*sg).g;
        (*gp).param = sg;
        (*sg).success = true;
        sched::goready(g, gp);
    }
}

/// gc's `chansend`: whether the value was sent (false only when
/// `!block` and the send would block).
///
/// # Safety
/// `g` is running; `c` is null or a live channel; `ep` points to an
/// element.
pub unsafe fn chansend(g: *mut G, c: *mut Hchan, ep: *const u8, block: bool) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe {
        if c.is_null() {
            if !block {
                return false;
            }
            sched::gopark(g, WaitReason::ChanSendNilChan);
            sched::throw(g, "unreachable");
        }
        let c = &mut *c;
        if !block && c.closed == 0 && c.full() {
            return false;
        }
        if c.closed != 0 {
            throw_panic_msg(g, "send on closed channel");
        }
        if let Some(sg) = c.recvq.dequeue() {
            send(g, c, sg, ep);
            return true;
        }
        if c.qcount < c.dataqsiz {
            c.copy_elem(c.chanbuf(c.sendx), ep);
            c.sendx += 1;
            if c.sendx == c.dataqsiz {
                c.sendx = 0;
            }
            c.qcount += 1;
            return true;
        }
        if !block {
            return false;
        }
        let mut mysg = Sudog::new(g, c, ep as *mut u8, false);
        let mysg_ptr: *mut Sudog = &mut mysg;
        (*g).waiting = mysg_ptr;
        (*g).param = core::ptr::null_mut();
        c.sendq.enqueue(mysg_ptr);
        sched::gopark(g, WaitReason::ChanSend);
        if (*g).waiting != mysg_ptr {
            sched::throw(g, "G waiting list is corrupted");
        }
        (*g).waiting = core::ptr::null_mut();
        (*g).param = core::ptr::null_mut();
        if !(*mysg_ptr).success {
            if c.closed == 0 {
                sched::throw(g, "chansend: spurious wakeup");
            }
            throw_panic_msg(g, "send on closed channel");
        }
        true
    }
}

/// gc's `chanrecv`: (selected, received). A closed, drained channel
/// yields the zero value and `received == false`; `ep` may be null.
///
/// # Safety
/// `g` is running; `c` is null or a live channel; `ep` is null or points
/// to an element.
pub unsafe fn chanrecv(g: *mut G, c: *mut Hchan, ep: *mut u8, block: bool) -> (bool, bool) {
    // SAFETY: the caller's guarantee.
    unsafe {
        if c.is_null() {
            if !block {
                return (false, false);
            }
            sched::gopark(g, WaitReason::ChanReceiveNilChan);
            sched::throw(g, "unreachable");
        }
        let c = &mut *c;
        if !block && c.empty() {
            if c.closed == 0 {
                return (false, false);
            }
            if c.empty() {
                if !ep.is_null() {
                    c.clear_elem(ep);
                }
                return (true, false);
            }
        }
        if c.closed != 0 {
            if c.qcount == 0 {
                if !ep.is_null() {
                    c.clear_elem(ep);
                }
                return (true, false);
            }
        } else if let Some(sg) = c.sendq.dequeue() {
            recv(g, c, sg, ep);
            return (true, true);
        }
        if c.qcount > 0 {
            let qp = c.chanbuf(c.recvx);
            if !ep.is_null() {
                c.copy_elem(ep, qp);
            }
            c.clear_elem(qp);
            c.recvx += 1;
            if c.recvx == c.dataqsiz {
                c.recvx = 0;
            }
            c.qcount -= 1;
            return (true, true);
        }
        if !block {
            return (false, false);
        }
        let mut mysg = Sudog::new(g, c, ep, false);
        let mysg_ptr: *mut Sudog = &mut mysg;
        (*g).waiting = mysg_ptr;
        (*g).param = core::ptr::null_mut();
        c.recvq.enqueue(mysg_ptr);
        sched::gopark(g, WaitReason::ChanReceive);
        if (*g).waiting != mysg_ptr {
            sched::throw(g, "G waiting list is corrupted");
        }
        (*g).waiting = core::ptr::null_mut();
        (*g).param = core::ptr::null_mut();
        (true, (*mysg_ptr).success)
    }
}

/// gc's `closechan`.
///
/// # Safety
/// `g` is running; `c` is null or a live channel.
pub unsafe fn closechan(g: *mut G, c: *mut Hchan) {
    // SAFETY: the caller's guarantee.
    unsafe {
        if c.is_null() {
            throw_panic_msg(g, "close of nil channel");
        }
        let c = &mut *c;
        if c.closed != 0 {
            throw_panic_msg(g, "close of closed channel");
        }
        c.closed = 1;
        let mut glist: alloc::vec::Vec<*mut G> = alloc::vec::Vec::new();
        while let Some(sg) = c.recvq.dequeue() {
            if !(*sg).elem.is_null() {
                c.clear_elem((*sg).elem);
                (*sg).elem = core::ptr::null_mut();
            }
            let gp = (*sg).g;
            (*gp).param = sg;
            (*sg).success = false;
            glist.push(gp);
        }
        while let Some(sg) = c.sendq.dequeue() {
            (*sg).elem = core::ptr::null_mut();
            let gp = (*sg).g;
            (*gp).param = sg;
            (*sg).success = false;
            glist.push(gp);
        }
        // gc's gList pops last-pushed first.
        while let Some(gp) = glist.pop() {
            sched::goready(g, gp);
        }
    }
}

/// `goxide_rt_makechan(g, chantype, size) -> *hchan`: `make(chan T, size)`.
///
/// # Safety
/// `g` is running; `chantype` is the channel's `abi.ChanType`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_makechan(
    g: *mut G,
    chantype: *const ChanType,
    size: i64,
) -> *mut Hchan {
    // SAFETY: the caller's guarantee.
    unsafe { makechan(g, chantype, size) }
}

/// `goxide_rt_chansend1(g, c, elem)`: `c <- *elem`.
///
/// # Safety
/// `g` is running; `c` is null or live; `elem` points to an element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_chansend1(g: *mut G, c: *mut Hchan, elem: *const u8) {
    // SAFETY: the caller's guarantee.
    unsafe { chansend(g, c, elem, true) };
}

/// `goxide_rt_chanrecv1(g, c, elem)`: `*elem = <-c` (`elem` null: `<-c`).
///
/// # Safety
/// `g` is running; `c` is null or live; `elem` is null or an element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_chanrecv1(g: *mut G, c: *mut Hchan, elem: *mut u8) {
    // SAFETY: the caller's guarantee.
    unsafe { chanrecv(g, c, elem, true) };
}

/// `goxide_rt_chanrecv2(g, c, elem) -> bool`: `*elem, ok = <-c`.
///
/// # Safety
/// As [`goxide_rt_chanrecv1`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_chanrecv2(g: *mut G, c: *mut Hchan, elem: *mut u8) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe { chanrecv(g, c, elem, true).1 }
}

/// `goxide_rt_closechan(g, c)`: `close(c)`.
///
/// # Safety
/// `g` is running; `c` is null or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_closechan(g: *mut G, c: *mut Hchan) {
    // SAFETY: the caller's guarantee.
    unsafe { closechan(g, c) }
}

#[cfg(test)]
#[path = "chan_tests.rs"]
mod tests;
