//! Growing a goroutine's stack by segments: gc's split stacks of Go ≤ 1.2
//! (`runtime/stack.c` `newstack`/`oldstack`, `morestack`/`lessstack`),
//! driven by Cranelift's prologue stack check instead of gc's prologue.
//!
//! Why segments and not gc's copying: copying a stack needs every pointer
//! into it (stack maps for Go frames, nothing for the runtime's Rust
//! frames); a segment leaves every frame where it is. Each goroutine starts
//! on its 1 MiB slot (`stack`); a function whose frame does not fit above
//! `G::stack_limit` runs on a new segment, and the old one is untouched.
//!
//! How, on x86-64. Cranelift's prologue is `push rbp; mov rbp, rsp`, then
//! the limit check (`mov r10, [g]; add r10, frame; cmp r10, rsp; ja T`),
//! where `T` is a `ud2` after the function's code. When it fails, the
//! SIGILL handler calls [`grow`], which:
//! 1. finds the function's entry: the nearest `55 48 89 e5` before the
//!    `ud2`, confirmed by a `ja rel32` within the next bytes that jumps
//!    exactly to it (anything else is a real fault and stays fatal);
//! 2. takes a segment (a free one of the goroutine's, or a new
//!    `MAP_NORESERVE` mapping; sizes double from 2 MiB up to
//!    [`SEGMENT_MAX`]) and writes its [`Segment`] record at its top,
//!    holding the bounds it extends and the function's return address;
//! 3. replaces that return address, in the function's frame record on the
//!    old stack, by [`goxide_morestack_return`]; points the goroutine's
//!    bounds and limit at the segment; and resumes the function right
//!    after `mov rbp, rsp` with `rsp` at the segment's top, so the check
//!    runs again against the new limit.
//!
//! The function addresses its frame through `rsp` (now on the segment) and
//! its stack arguments through `rbp` (still on the old stack); its epilogue
//! `mov rsp, rbp; pop rbp; ret N` returns to the old stack by itself, into
//! the stub, which keeps the return registers, calls
//! [`goxide_rt_morestack_pop`] (bounds back, segment to the free list) and
//! jumps to the real return address. A frame too big even for a fresh
//! segment fails the check again at the segment's top; [`grow`] then swaps
//! in a segment twice as large.
//!
//! A goroutine may reserve as much as the main goroutine
//! ([`crate::stack::MAIN_STACK_SIZE`], gc's 1 GB `maxstacksize`); past
//! that [`grow`] declines and the handler reports gc's stack overflow.
//! On aarch64 [`grow`] always declines for now (its prologue and epilogue
//! differ), so goroutines keep a fixed 1 MiB there.
//!
//! Addresses no longer order frames across segments, so code that asks
//! which of two frames is deeper uses [`deeper`]; frame walkers that read
//! return addresses meet the stub and ask [`crossed_return`]; a jump to an
//! older frame (`recover`) pops the segments it leaves ([`pop`]).
//!
//! Invariants: `G::segment` is the newest segment in use (null: the
//! goroutine's own slot) and `G::stack_lo/hi/limit` describe it; each
//! record's `frame` is the frame pointer of the function that crossed into
//! it, whose saved return address is the stub, in a segment older than the
//! record's; records are popped in LIFO order; segments are unmapped only
//! when their goroutine exits ([`release`]), never while something may
//! still run on them.

// Only x86-64's `grow` makes segments; elsewhere the helpers serve the
// tests alone.
#![cfg_attr(not(all(goxide_runtime_staticlib, target_arch = "x86_64")), allow(dead_code))]

use crate::goroutine::{G, STACK_HEADROOM};

/// A segment's header, at its top: what it extends and who crossed.
#[repr(C)]
pub struct Segment {
    /// The mapping: `[base, base + size)`; the record ends it.
    base: usize,
    size: usize,
    /// The segment below in use (null: the goroutine's own slot).
    prev: *mut Segment,
    /// The goroutine's free segments are linked through here.
    next_free: *mut Segment,
    /// 1 for a segment over the goroutine's own slot, then 2, 3, …
    depth: usize,
    /// The bounds and limit the goroutine had before crossing.
    prev_lo: usize,
    prev_hi: usize,
    prev_limit: usize,
    /// The frame pointer of the function that crossed, and its real return
    /// address (its frame record holds the stub's instead).
    frame: usize,
    ret: usize,
}

/// The first segment's size; each next one doubles, up to [`SEGMENT_MAX`].
pub const SEGMENT_MIN: usize = 2 << 20;
/// The largest segment made for an ordinary frame (a larger frame gets a
/// segment that fits it).
pub const SEGMENT_MAX: usize = 64 << 20;

/// The address of the record of a segment mapped at `base`.
fn record_at(base: usize, size: usize) -> *mut Segment {
    ((base + size - core::mem::size_of::<Segment>()) & !15) as *mut Segment
}

/// Bytes of stack the goroutine has reserved: its slot and every segment
/// in use.
///
/// # Safety
/// `g` is a live goroutine record.
unsafe fn reserved(g: *const G) -> usize {
    // SAFETY: the caller's guarantee; records in use are mapped.
    unsafe {
        let mut total = (*g).stack.hi - (*g).stack.lo;
        let mut s = (*g).segment;
        while !s.is_null() {
            total += (*s).size;
            s = (*s).prev;
        }
        total
    }
}

/// A segment of at least `size` bytes: the goroutine's first free one that
/// is large enough, else a new mapping; `None` when the kernel refuses.
///
/// # Safety
/// `g` is a live goroutine record.
unsafe fn take_segment(g: *mut G, size: usize) -> Option<*mut Segment> {
    // SAFETY: the caller's guarantee; free records are mapped.
    unsafe {
        let mut at: *mut *mut Segment = &raw mut (*g).free_segments;
        while !(*at).is_null() {
            let s = *at;
            if (*s).size >= size {
                *at = (*s).next_free;
                return Some(s);
            }
            at = &raw mut (*s).next_free;
        }
        let base = crate::sys::map_anonymous(size, true)?;
        let s = record_at(base, size);
        (*s).base = base;
        (*s).size = size;
        Some(s)
    }
}

/// Makes `s` (a record from [`take_segment`]) the goroutine's newest
/// segment, crossed by the function with frame pointer `frame` whose real
/// return address is `ret`.
///
/// # Safety
/// `g` is a live goroutine record; `s` is not in use.
unsafe fn push(g: *mut G, s: *mut Segment, frame: usize, ret: usize) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let prev = (*g).segment;
        (*s).prev = prev;
        (*s).next_free = core::ptr::null_mut();
        (*s).depth = if prev.is_null() { 1 } else { (*prev).depth + 1 };
        (*s).prev_lo = (*g).stack_lo;
        (*s).prev_hi = (*g).stack_hi;
        (*s).prev_limit = (*g).stack_limit;
        (*s).frame = frame;
        (*s).ret = ret;
        (*g).segment = s;
        (*g).stack_lo = (*s).base;
        (*g).stack_hi = s as usize;
        (*g).stack_limit = (*s).base + STACK_HEADROOM;
    }
}

/// Leaves the newest segment: the bounds it extended come back and it
/// goes to the free list (still mapped: the caller may be running on it).
/// Returns the crossing function's real return address.
///
/// # Safety
/// `g` is a live goroutine record with a segment in use.
unsafe fn pop_one(g: *mut G) -> usize {
    // SAFETY: the caller's guarantee.
    unsafe {
        let s = (*g).segment;
        (*g).segment = (*s).prev;
        (*g).stack_lo = (*s).prev_lo;
        (*g).stack_hi = (*s).prev_hi;
        (*g).stack_limit = (*s).prev_limit;
        (*s).next_free = (*g).free_segments;
        (*g).free_segments = s;
        (*s).ret
    }
}

/// Leaves the `n` newest segments (a jump to an older frame, see
/// `unwind::resume_in`).
///
/// # Safety
/// `g` is the running goroutine, with at least `n` segments in use, and
/// nothing will run on them again.
pub unsafe fn pop(g: *mut G, n: usize) {
    for _ in 0..n {
        // SAFETY: the caller's guarantee.
        unsafe { pop_one(g) };
    }
}

/// Whether `ret`, read from a frame record, is the stub that stands for
/// the return address of a function that crossed into a segment.
pub fn is_crossing(ret: usize) -> bool {
    ret != 0 && ret == stub_address()
}

/// The real return address of the `n`th crossing frame (1 = the newest)
/// of goroutine `g`.
///
/// # Safety
/// `g` is a live goroutine record with at least `n` segments in use.
pub unsafe fn crossed_return(g: *const G, n: usize) -> usize {
    // SAFETY: the caller's guarantee.
    unsafe {
        let mut s = (*g).segment;
        for _ in 1..n {
            s = (*s).prev;
        }
        (*s).ret
    }
}

/// Where `addr`, an address on `g`'s stack, lies in call depth: (segment
/// depth, distance below that segment's top); a greater key is deeper.
///
/// # Safety
/// `g` is a live goroutine record.
unsafe fn depth_key(g: *const G, addr: usize) -> (usize, usize) {
    // SAFETY: the caller's guarantee; records in use are mapped.
    unsafe {
        let mut s = (*g).segment;
        while !s.is_null() {
            if addr >= (*s).base && addr < s as usize {
                return ((*s).depth, s as usize - addr);
            }
            s = (*s).prev;
        }
        (0, (*g).stack.hi.wrapping_sub(addr))
    }
}

/// Whether stack address `a` belongs to a deeper call than `b` (both on
/// `g`'s stack and in use): a lower address on one stack, a newer segment
/// across two.
///
/// # Safety
/// `g` is a live goroutine record.
pub unsafe fn deeper(g: *const G, a: usize, b: usize) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe {
        if (*g).segment.is_null() {
            return a < b;
        }
        depth_key(g, a) > depth_key(g, b)
    }
}

/// Unmaps the goroutine's segments when it exits (or the program ends).
///
/// # Safety
/// Nothing runs on `g`'s segments any more.
pub unsafe fn release(g: *mut G) {
    // SAFETY: the caller's guarantee; each record describes its mapping.
    unsafe {
        while !(*g).segment.is_null() {
            pop_one(g);
        }
        let mut s = (*g).free_segments;
        (*g).free_segments = core::ptr::null_mut();
        while !s.is_null() {
            let next = (*s).next_free;
            crate::sys::unmap((*s).base, (*s).size);
            s = next;
        }
    }
}

/// `goxide_rt_morestack_pop() -> ret`: the stub's half in Rust (gc's
/// `oldstack`): the running goroutine leaves its newest segment; returns
/// where the crossing function should have returned.
///
/// # Safety
/// Called only by [`goxide_morestack_return`], on the running goroutine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_morestack_pop() -> usize {
    let g = crate::signals::current_g();
    // SAFETY: the stub runs only after a function that crossed returned,
    // so its segment is the newest in use.
    unsafe {
        if g.is_null() || (*g).segment.is_null() {
            crate::panic::throw(b"morestack: return without a segment");
        }
        pop_one(g)
    }
}

#[cfg(all(goxide_runtime_staticlib, target_arch = "x86_64"))]
unsafe extern "C" {
    fn goxide_morestack_return();
    /// The ELF header's address: the image's lowest mapped byte.
    static __ehdr_start: u8;
}

fn stub_address() -> usize {
    #[cfg(all(goxide_runtime_staticlib, target_arch = "x86_64"))]
    {
        goxide_morestack_return as *const () as usize
    }
    #[cfg(not(all(goxide_runtime_staticlib, target_arch = "x86_64")))]
    {
        0
    }
}

// goxide_morestack_return: a crossing function's `ret N` lands here on the
// old stack. Keep every return register of the tail and C conventions
// (rax, rcx, rdx, rsi, rdi, r8–r10, xmm0–xmm7), learn the real return
// address, restore, jump. r11 is scratch in both conventions.
#[cfg(all(goxide_runtime_staticlib, target_arch = "x86_64"))]
core::arch::global_asm!(
    ".globl goxide_morestack_return",
    ".type goxide_morestack_return,@function",
    "goxide_morestack_return:",
    "push rbx",
    "mov rbx, rsp",
    "and rsp, -16",
    "sub rsp, 192",
    "mov [rsp], rax",
    "mov [rsp+8], rcx",
    "mov [rsp+16], rdx",
    "mov [rsp+24], rsi",
    "mov [rsp+32], rdi",
    "mov [rsp+40], r8",
    "mov [rsp+48], r9",
    "mov [rsp+56], r10",
    "movdqu [rsp+64], xmm0",
    "movdqu [rsp+80], xmm1",
    "movdqu [rsp+96], xmm2",
    "movdqu [rsp+112], xmm3",
    "movdqu [rsp+128], xmm4",
    "movdqu [rsp+144], xmm5",
    "movdqu [rsp+160], xmm6",
    "movdqu [rsp+176], xmm7",
    "call goxide_rt_morestack_pop",
    "mov r11, rax",
    "mov rax, [rsp]",
    "mov rcx, [rsp+8]",
    "mov rdx, [rsp+16]",
    "mov rsi, [rsp+24]",
    "mov rdi, [rsp+32]",
    "mov r8, [rsp+40]",
    "mov r9, [rsp+48]",
    "mov r10, [rsp+56]",
    "movdqu xmm0, [rsp+64]",
    "movdqu xmm1, [rsp+80]",
    "movdqu xmm2, [rsp+96]",
    "movdqu xmm3, [rsp+112]",
    "movdqu xmm4, [rsp+128]",
    "movdqu xmm5, [rsp+144]",
    "movdqu xmm6, [rsp+160]",
    "movdqu xmm7, [rsp+176]",
    "mov rsp, rbx",
    "pop rbx",
    "jmp r11",
    ".size goxide_morestack_return, . - goxide_morestack_return",
);

/// How far before its `ud2` a function's entry may be.
const MAX_FUNCTION_SCAN: usize = 1 << 20;
/// How far after `mov rbp, rsp` the check's last `ja` may end.
const MAX_CHECK_LEN: usize = 48;

/// The entry of the Go function whose failed prologue check is the `ud2`
/// at `pc`, or `None` if `pc` is no such trap (see the module header).
/// `lowest` is the image's first byte: the scan never reads below it.
///
/// # Safety
/// `[lowest, pc + 2)` is mapped and readable.
pub unsafe fn prologue_entry(pc: usize, lowest: usize) -> Option<usize> {
    let byte = |a: usize| -> u8 {
        // SAFETY: the caller's guarantee covers every address read.
        unsafe { *(a as *const u8) }
    };
    if byte(pc) != 0x0f || byte(pc + 1) != 0x0b {
        return None;
    }
    let floor = pc.saturating_sub(MAX_FUNCTION_SCAN).max(lowest);
    let mut at = pc.checked_sub(4)?;
    while at >= floor {
        if byte(at) == 0x55 && byte(at + 1) == 0x48 && byte(at + 2) == 0x89 && byte(at + 3) == 0xe5 {
            // The first prologue before the trap: its check must jump here.
            let body = at + 4;
            for j in body..(body + MAX_CHECK_LEN).min(pc.saturating_sub(5)) {
                if byte(j) == 0x0f && byte(j + 1) == 0x87 {
                    let rel = i32::from_le_bytes([byte(j + 2), byte(j + 3), byte(j + 4), byte(j + 5)]);
                    if (j + 6).wrapping_add(rel as isize as usize) == pc {
                        return Some(at);
                    }
                }
            }
            return None;
        }
        if at == 0 {
            break;
        }
        at -= 1;
    }
    None
}

/// The entry of the function whose failed prologue stack check trapped at
/// `pc`, if that is what the trap at `pc` is.
///
/// # Safety
/// `pc` is the address of a trap the program executed.
pub unsafe fn failed_prologue(pc: usize) -> Option<usize> {
    #[cfg(all(goxide_runtime_staticlib, target_arch = "x86_64"))]
    {
        // SAFETY: the trap is in the image, whose bytes are readable from
        // its ELF header on.
        unsafe { prologue_entry(pc, &raw const __ehdr_start as usize) }
    }
    #[cfg(not(all(goxide_runtime_staticlib, target_arch = "x86_64")))]
    {
        let _ = pc;
        None
    }
}

/// The SIGILL handler's attempt to continue a failed prologue check on a
/// new segment (see the module header); false when it cannot, and the
/// overflow is reported.
///
/// # Safety
/// Called from the signal handler with the interrupted context `ctx` of
/// goroutine `g`, trapped in the prologue check of the function at
/// `entry` ([`failed_prologue`]).
#[cfg(all(goxide_runtime_staticlib, target_arch = "x86_64"))]
pub unsafe fn grow(g: *mut G, ctx: *mut u8, entry: usize) -> bool {
    use crate::signals::{UC_FP, UC_PC, UC_SP};
    // SAFETY: the caller's guarantee; frame records on the goroutine's
    // stack are live.
    unsafe {
        if g.is_null() || (*g).stack.lo == 0 {
            return false;
        }
        let rsp = *(ctx.add(UC_SP) as *const usize);
        let rbp = *(ctx.add(UC_FP) as *const usize);
        let top = (*g).segment;
        let current = if top.is_null() { (*g).stack.hi - (*g).stack.lo } else { (*top).size };
        let mut size = SEGMENT_MIN.max(2 * current).min(SEGMENT_MAX);
        let ret = if rsp == rbp {
            // A fresh trap: the frame record was just pushed.
            *((rbp + 8) as *const usize)
        } else if !top.is_null() && rsp == top as usize && rbp == (*top).frame {
            // The frame does not fit a fresh segment: a larger one.
            size = 2 * (*top).size;
            pop_one(g)
        } else {
            return false;
        };
        if reserved(g) + size > crate::stack::MAIN_STACK_SIZE {
            return false;
        }
        let Some(s) = take_segment(g, size) else { return false };
        push(g, s, rbp, ret);
        *((rbp + 8) as *mut usize) = stub_address();
        *(ctx.add(UC_SP) as *mut usize) = s as usize;
        *(ctx.add(UC_PC) as *mut usize) = entry + 4;
        true
    }
}

/// Elsewhere the overflow stays fatal (see the module header).
///
/// # Safety
/// As the x86-64 `grow`'s (nothing is touched here).
#[cfg(not(all(goxide_runtime_staticlib, target_arch = "x86_64")))]
pub unsafe fn grow(_g: *mut G, _ctx: *mut u8, _entry: usize) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cranelift's prologue as goxide emits it for `main.depth` (objdump of
    /// a real build), then its body, then the check's `ud2`.
    fn function() -> alloc::vec::Vec<u8> {
        let mut code = alloc::vec![0x90, 0x90, 0x55, 0x48, 0x89, 0xe5, 0x4c, 0x8b, 0x17, 0x49, 0x83, 0xc2, 0x10, 0x4c, 0x3b, 0xd4];
        let ja = code.len();
        code.extend_from_slice(&[0x0f, 0x87, 0, 0, 0, 0]);
        code.extend_from_slice(&[0x48, 0x85, 0xd2, 0x48, 0x89, 0xec, 0x5d, 0xc3]);
        let ud2 = code.len();
        code.extend_from_slice(&[0x0f, 0x0b]);
        let rel = (ud2 - (ja + 6)) as i32;
        code[ja + 2..ja + 6].copy_from_slice(&rel.to_le_bytes());
        code
    }

    #[test]
    fn the_entry_of_a_failed_prologue_check_is_found() {
        let code = function();
        let base = code.as_ptr() as usize;
        let ud2 = base + code.len() - 2;
        // SAFETY: every address read is in `code`.
        assert_eq!(unsafe { prologue_entry(ud2, base) }, Some(base + 2));
    }

    #[test]
    fn a_trap_no_prologue_check_jumps_to_is_not_a_stack_check() {
        let mut code = function();
        // The ja now lands one byte off.
        let n = code.len();
        code[n - 2 - 8 - 4] ^= 1;
        let base = code.as_ptr() as usize;
        // SAFETY: every address read is in `code`.
        assert_eq!(unsafe { prologue_entry(base + n - 2, base) }, None);
        // Not a ud2 at all.
        let code = function();
        let base = code.as_ptr() as usize;
        // SAFETY: as above.
        assert_eq!(unsafe { prologue_entry(base + code.len() - 4, base) }, None);
        // No prologue above the scan's floor.
        // SAFETY: as above.
        assert_eq!(unsafe { prologue_entry(base + code.len() - 2, base + 3) }, None);
    }

    #[test]
    fn segments_order_frames_by_depth_and_pop_in_order() {
        let slot = alloc::vec![0u8; 4096];
        let lo = slot.as_ptr() as usize;
        let mut g = G::new(7, core::ptr::null_mut(), lo, lo + 4096);
        g.stack = crate::stack::Stack { lo, hi: lo + 4096 };
        let g = &raw mut g;
        // SAFETY: g and the segments are live for the test.
        unsafe {
            let s1 = take_segment(g, 1 << 16).unwrap();
            push(g, s1, lo + 100, 0x1111);
            let s2 = take_segment(g, 1 << 16).unwrap();
            push(g, s2, (*s1).base + 200, 0x2222);
            assert_eq!((*g).stack_lo, (*s2).base);
            assert_eq!((*g).stack_limit, (*s2).base + STACK_HEADROOM);
            // Any address of a newer segment is deeper than the older ones',
            // wherever the kernel put the mappings.
            assert!(deeper(g, (*s2).base + 8, (*s1).base + 8));
            assert!(deeper(g, (*s1).base + 8, lo + 8));
            assert!(!deeper(g, lo + 8, (*s2).base + 8));
            assert!(deeper(g, lo + 8, lo + 16));
            assert_eq!(crossed_return(g, 1), 0x2222);
            assert_eq!(crossed_return(g, 2), 0x1111);
            assert_eq!(pop_one(g), 0x2222);
            assert_eq!((*g).stack_lo, (*s1).base);
            pop(g, 1);
            assert_eq!(((*g).stack_lo, (*g).stack_hi, (*g).stack_limit), (lo, lo + 4096, lo + STACK_HEADROOM));
            assert!((*g).segment.is_null());
            // Freed segments are reused before new mappings are made.
            assert_eq!(take_segment(g, 1 << 16).unwrap(), s1);
            push(g, s1, lo + 100, 0x1111);
            release(g);
            assert!((*g).segment.is_null() && (*g).free_segments.is_null());
        }
    }
}
