//! The context switch: saves the callee-saved registers of the running
//! context on its own stack, stores its stack pointer, loads another's and
//! restores its registers — gc's `gogo`/`mcall` pair reduced to one
//! symmetric primitive, hand-written for x86-64 and aarch64 in
//! `global_asm!` (the runtime has no dependencies, so no corosensei).
//!
//! `goxide_ctx_switch(save: *mut usize, to: usize)` (C ABI): pushes the
//! callee-saved registers, writes the stack pointer to `*save`, switches to
//! stack pointer `to`, pops that context's registers and returns into it.
//! From the caller's side it is an ordinary call that returns when some
//! other context switches back; every caller-saved register is clobbered
//! as the C ABI allows.
//!
//! Frames (offsets from the saved stack pointer):
//! - x86-64 SysV: r15 +0, r14 +8, r13 +16, r12 +24, rbx +32, rbp +40,
//!   return address +48. (MXCSR and the x87 control word are not saved:
//!   neither Go code nor the runtime changes them.)
//! - aarch64 AAPCS64: x19..x28 +0..+72, x29 (fp) +80, x30 (lr) +88,
//!   d8..d15 +96..+152; 160 bytes.
//!
//! A new context ([`new_context`]) is a forged frame whose return address
//! is `goxide_ctx_start`, which calls `entry(arg)` with the frame pointer
//! zeroed (the end of the frame-pointer chain for tracebacks) and a stack
//! aligned as the ABI wants at a call; `entry` must never return (a trap
//! instruction follows the call).
//!
//! Invariants: `to` was produced by this module (a saved context or a
//! forged frame) and its stack is alive; a context is resumed at most once
//! per save.

use crate::stack::Stack;

#[cfg(target_arch = "x86_64")]
core::arch::global_asm!(
    ".text",
    ".p2align 4",
    ".globl goxide_ctx_switch",
    ".type goxide_ctx_switch,@function",
    "goxide_ctx_switch:",
    "push rbp",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "mov [rdi], rsp",
    "mov rsp, rsi",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    ".size goxide_ctx_switch, . - goxide_ctx_switch",
    ".p2align 4",
    ".globl goxide_ctx_start",
    ".type goxide_ctx_start,@function",
    "goxide_ctx_start:",
    "mov rdi, r12",
    "call r13",
    "ud2",
    ".size goxide_ctx_start, . - goxide_ctx_start",
);

#[cfg(target_arch = "aarch64")]
core::arch::global_asm!(
    ".text",
    ".p2align 4",
    ".globl goxide_ctx_switch",
    ".type goxide_ctx_switch,%function",
    "goxide_ctx_switch:",
    "sub sp, sp, #160",
    "stp x19, x20, [sp, #0]",
    "stp x21, x22, [sp, #16]",
    "stp x23, x24, [sp, #32]",
    "stp x25, x26, [sp, #48]",
    "stp x27, x28, [sp, #64]",
    "stp x29, x30, [sp, #80]",
    "stp d8, d9, [sp, #96]",
    "stp d10, d11, [sp, #112]",
    "stp d12, d13, [sp, #128]",
    "stp d14, d15, [sp, #144]",
    "mov x9, sp",
    "str x9, [x0]",
    "mov sp, x1",
    "ldp x19, x20, [sp, #0]",
    "ldp x21, x22, [sp, #16]",
    "ldp x23, x24, [sp, #32]",
    "ldp x25, x26, [sp, #48]",
    "ldp x27, x28, [sp, #64]",
    "ldp x29, x30, [sp, #80]",
    "ldp d8, d9, [sp, #96]",
    "ldp d10, d11, [sp, #112]",
    "ldp d12, d13, [sp, #128]",
    "ldp d14, d15, [sp, #144]",
    "add sp, sp, #160",
    "ret",
    ".size goxide_ctx_switch, . - goxide_ctx_switch",
    ".p2align 4",
    ".globl goxide_ctx_start",
    ".type goxide_ctx_start,%function",
    "goxide_ctx_start:",
    "mov x0, x19",
    "blr x20",
    "brk #0",
    ".size goxide_ctx_start, . - goxide_ctx_start",
);

unsafe extern "C" {
    fn goxide_ctx_switch(save: *mut usize, to: usize);
    fn goxide_ctx_start();
}

/// Saves the running context's stack pointer into `*save` and resumes
/// the context saved at `to`; returns when something switches back.
///
/// # Safety
/// `to` is a live context from [`new_context`] or an earlier `switch`.
#[inline(always)]
pub unsafe fn switch(save: *mut usize, to: usize) {
    // SAFETY: the caller's guarantee.
    unsafe { goxide_ctx_switch(save, to) }
}

/// Forges a context at the top of `stack` that, when switched to, calls
/// `entry(arg)` (which must not return). Returns its stack pointer.
///
/// # Safety
/// `stack` is writable and not in use.
pub unsafe fn new_context(
    stack: Stack,
    entry: unsafe extern "C" fn(usize) -> !,
    arg: usize,
) -> usize {
    let top = stack.hi & !15;
    let start = goxide_ctx_start as *const () as usize;
    let entry = entry as *const () as usize;
    // SAFETY: the frame lies in the top 80 bytes of the caller's stack.
    unsafe {
        #[cfg(target_arch = "x86_64")]
        {
            let sp = top - 72;
            let w = sp as *mut usize;
            // r15, r14, r13 = entry, r12 = arg, rbx, rbp = 0, return address.
            *w.add(0) = 0;
            *w.add(1) = 0;
            *w.add(2) = entry;
            *w.add(3) = arg;
            *w.add(4) = 0;
            *w.add(5) = 0;
            *w.add(6) = start;
            sp
        }
        #[cfg(target_arch = "aarch64")]
        {
            let sp = top - 160;
            let w = sp as *mut usize;
            for i in 0..20 {
                *w.add(i) = 0;
            }
            *w.add(0) = arg; // x19
            *w.add(1) = entry; // x20
            *w.add(11) = start; // x30
            sp
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stack;

    static mut MAIN_SP: usize = 0;
    static mut CO_SP: usize = 0;
    static mut TRACE: [u64; 4] = [0; 4];

    unsafe extern "C" fn coroutine(arg: usize) -> ! {
        unsafe {
            TRACE[0] = arg as u64;
            switch(&raw mut CO_SP, MAIN_SP);
            TRACE[2] = 3;
            // A float held across the switch survives (d8-d15 / no SSE callee-saved).
            let x = core::hint::black_box(1.5f64);
            switch(&raw mut CO_SP, MAIN_SP);
            TRACE[3] = (x * 2.0) as u64;
            switch(&raw mut CO_SP, MAIN_SP);
        }
        unreachable!()
    }

    #[test]
    fn switches_there_and_back() {
        let s = stack::alloc_stack().unwrap();
        unsafe {
            CO_SP = new_context(s, coroutine, 42);
            let kept = core::hint::black_box(7u64);
            switch(&raw mut MAIN_SP, CO_SP);
            TRACE[1] = 2;
            switch(&raw mut MAIN_SP, CO_SP);
            switch(&raw mut MAIN_SP, CO_SP);
            assert_eq!(core::ptr::read(&raw const TRACE), [42, 2, 3, 3]);
            assert_eq!(kept, 7);
        }
        // The coroutine is never resumed again: its stack can go back.
        stack::free_stack(s);
    }
}
