//! Walking frame pointers and resuming a frame at its landing block: the
//! runtime half of recovering from a panic (DESIGN.md "Panics"; the
//! compiler half is `try_call` with a landing block and the
//! `goxide_unwind_table` it emits, goxide_codegen).
//!
//! Frame records are gc's and the platforms': on x86-64 and aarch64 a
//! frame pointer points at `[saved frame pointer, return address]`. Every
//! frame between a panic and the deferring function keeps them (Go code:
//! Cranelift's `preserve_frame_pointers`; the runtime: built with
//! `force-frame-pointers`).
//!
//! `resume_in(g, frame)`: the frame whose saved frame pointer is `frame`
//! returns into the deferring function at the call it is in; the table
//! gives that call's landing block and the stack pointer it expects
//! (`frame - frame_offset`); a few instructions of assembly set the stack
//! and frame pointers and jump. Cranelift's tail convention clobbers every
//! register at such a call, so nothing else needs restoring.
//!
//! Invariant: `resume_in` never returns; a frame not found or a call
//! without a landing is a runtime bug (`throw`).

/// The unwind table's header (the compiler's layout: a count, then the
/// entries).
#[repr(C)]
struct Site {
    func: usize,
    ret: u32,
    landing: u32,
    frame_offset: u32,
    _pad: u32,
}

#[cfg(goxide_runtime_staticlib)]
unsafe extern "C" {
    static goxide_unwind_table: u64;
}

/// The call sites of the program's functions with landing blocks.
fn sites() -> &'static [Site] {
    #[cfg(goxide_runtime_staticlib)]
    {
        // SAFETY: the compiler emits the count followed by that many entries.
        unsafe {
            let base = &raw const goxide_unwind_table;
            let n = *base as usize;
            core::slice::from_raw_parts(base.add(1) as *const Site, n)
        }
    }
    #[cfg(not(goxide_runtime_staticlib))]
    {
        &[]
    }
}

/// The caller's frame pointer (of the function calling this one, which is
/// never inlined).
#[inline(never)]
pub fn frame_pointer() -> usize {
    // This function's own frame record links to its caller's.
    parent_frame(current_frame())
}

/// The frame pointer of the function this is inlined into.
#[inline(always)]
pub fn current_frame() -> usize {
    let fp: usize;
    // SAFETY: reads a register.
    unsafe {
        #[cfg(target_arch = "x86_64")]
        core::arch::asm!("mov {}, rbp", out(reg) fp, options(nomem, nostack, preserves_flags));
        #[cfg(target_arch = "aarch64")]
        core::arch::asm!("mov {}, x29", out(reg) fp, options(nomem, nostack, preserves_flags));
    }
    fp
}

/// The frame pointer saved in frame record `fp` (its caller's), 0 for 0.
pub fn parent_frame(fp: usize) -> usize {
    if fp == 0 || !fp.is_multiple_of(8) {
        return 0;
    }
    // SAFETY: frame records are valid along the chain of live frames.
    unsafe { *(fp as *const usize) }
}

/// Resumes the function whose frame pointer is `frame` at the landing
/// block of the call it is in (see the module header). Frames between here
/// and there that crossed into stack segments return through the
/// segments' stub; their segments are left (`morestack::pop`).
///
/// # Safety
/// `g` is the running goroutine and `frame` one of its live frames.
pub unsafe fn resume_in(g: *mut crate::goroutine::G, frame: usize) -> ! {
    let mut fp = current_frame();
    let mut depth = 0;
    let mut crossings = 0;
    while fp != 0 && depth < 1_000_000 {
        let parent = parent_frame(fp);
        // SAFETY: the return address sits above the saved frame pointer.
        let mut ret = strip_pac(unsafe { *((fp + 8) as *const usize) });
        if crate::morestack::is_crossing(ret) {
            crossings += 1;
            // SAFETY: each crossing frame below the resumed one has its
            // segment in use, newest first.
            ret = unsafe { crate::morestack::crossed_return(g, crossings) };
        }
        if parent == frame {
            for s in sites() {
                if s.func + s.ret as usize == ret {
                    let sp = frame - s.frame_offset as usize;
                    // SAFETY: the jump leaves every frame below `frame`,
                    // and with them the segments they crossed into; the
                    // landing block expects exactly this frame.
                    unsafe {
                        crate::morestack::pop(g, crossings);
                        jump(sp, frame, s.func + s.landing as usize)
                    }
                }
            }
            crate::panic::throw(b"panic: no landing block for the recovering call");
        }
        fp = parent;
        depth += 1;
    }
    crate::panic::throw(b"panic: the recovering frame is not on the stack")
}

#[inline(always)]
fn strip_pac(ret: usize) -> usize {
    ret
}

#[cfg(goxide_runtime_staticlib)]
unsafe extern "C" {
    fn goxide_resume(sp: usize, fp: usize, pc: usize) -> !;
}

#[cfg(goxide_runtime_staticlib)]
unsafe fn jump(sp: usize, fp: usize, pc: usize) -> ! {
    // SAFETY: the caller's guarantee.
    unsafe { goxide_resume(sp, fp, pc) }
}

#[cfg(not(goxide_runtime_staticlib))]
unsafe fn jump(_sp: usize, _fp: usize, _pc: usize) -> ! {
    crate::panic::throw(b"resume without compiled code")
}

// goxide_resume(sp, fp, pc): set the stack and frame pointers, clear
// the payload registers, jump.
#[cfg(all(goxide_runtime_staticlib, target_arch = "x86_64"))]
core::arch::global_asm!(
    ".globl goxide_resume",
    ".type goxide_resume,@function",
    "goxide_resume:",
    "mov rsp, rdi",
    "mov rbp, rsi",
    "mov rcx, rdx",
    "xor eax, eax",
    "xor edx, edx",
    "jmp rcx",
);

#[cfg(all(goxide_runtime_staticlib, target_arch = "aarch64"))]
core::arch::global_asm!(
    ".globl goxide_resume",
    ".type goxide_resume,%function",
    "goxide_resume:",
    "mov sp, x0",
    "mov x29, x1",
    "mov x16, x2",
    "mov x0, #0",
    "mov x1, #0",
    "br x16",
);
