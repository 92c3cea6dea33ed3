//! Synchronous signals turned into gc's reports: a nil dereference, a
//! stack overflow, a stray fault or trap (gc's `runtime/signal_unix.go`
//! `sighandler` → `sigpanic`, `fatalsignal`, and `runtime/stack.go`
//! `newstack`'s overflow report).
//!
//! How: [`install`] gives the thread an alternate signal stack (a fault on
//! an exhausted goroutine stack must not need that stack) and handles
//! SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGTRAP with `SA_SIGINFO |
//! SA_ONSTACK`. The handler reads the signal's code and address from the
//! `siginfo_t`, the interrupted pc and sp from the `ucontext_t` (offsets
//! per architecture below), and the running goroutine from the M that
//! `install` recorded. [`classify`] decides, gc's way:
//! - a trap (SIGILL from Cranelift's `ud2`/`udf`, or SIGTRAP) that is a
//!   function's prologue stack check (`morestack::failed_prologue`), or
//!   with sp inside the goroutine's stack and less than
//!   [`OVERFLOW_SLACK`] above its `stack_limit`, is the prologue's
//!   stack-limit check failing — first offered to `morestack::grow`,
//!   which may continue the function on a new segment — and a
//!   SIGSEGV/SIGBUS at an address within [`OVERFLOW_SLACK`] below the
//!   limit is runtime code running off the headroom: gc's `goroutine stack
//!   exceeds 1000000000-byte limit` / `fatal error: stack overflow`;
//! - SIGSEGV/SIGBUS at an address below 0x1000: gc's `panicmem`, the
//!   `invalid memory address or nil pointer dereference` run-time error
//!   with its `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0
//!   pc=0x…]` line;
//! - any other SIGSEGV/SIGBUS: `unexpected fault address 0x…` / `fatal
//!   error: fault` and the `[signal …]` line;
//! - SIGFPE with `FPE_INTDIV`: the `integer divide by zero` run-time error
//!   (`FPE_INTOVF`: `integer overflow`), with the `[signal …]` line;
//! - anything else: gc's `fatalsignal` (`SIGILL: illegal instruction`,
//!   `PC=0x… m=0 sigcode=N`).
//!
//! Every report ends with the goroutine's header and exits with status 2.
//! SIGURG is the preemption tick (`sched::preempt`), not a fault.
//! v0 has no `recover`, so the run-time errors are fatal here; when panics
//! land, the nil-dereference and divide cases become a `sigpanic` call
//! injected into the faulting goroutine, as gc does.
//!
//! Invariants: the handler allocates nothing and takes no lock (it may
//! interrupt malloc; growing a stack maps memory with `mmap`, which is
//! async-signal-safe): it formats into a fixed buffer on the signal stack,
//! `write`s it and `_exit`s. `ucontext_t` offsets: x86-64 `gregs` at 40,
//! `REG_RSP` = 15, `REG_RIP` = 16 (sp at 160, pc at 168); aarch64
//! `uc_mcontext` at 176, then `fault_address`, `regs[31]`, `sp`, `pc` (sp
//! at 432, pc at 440) — the same in musl, glibc and the kernel.

use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicPtr, Ordering};

use crate::goroutine::{G, M};
use crate::print::{PrintSink, printhex, printint, printstring, printuint};

/// How far past the limit a failing prologue check or a runaway runtime
/// frame may leave sp or fault, and still count as a stack overflow.
pub const OVERFLOW_SLACK: usize = 64 * 1024;

pub const SIGILL: c_int = 4;
pub const SIGTRAP: c_int = 5;
pub const SIGBUS: c_int = 7;
pub const SIGFPE: c_int = 8;
pub const SIGSEGV: c_int = 11;

const FPE_INTDIV: i32 = 1;
const FPE_INTOVF: i32 = 2;

/// gc's `sigtable[sig].name`.
pub fn signame(sig: c_int) -> &'static str {
    match sig {
        SIGILL => "SIGILL: illegal instruction",
        SIGTRAP => "SIGTRAP: trace trap",
        SIGBUS => "SIGBUS: bus error",
        SIGFPE => "SIGFPE: floating-point exception",
        SIGSEGV => "SIGSEGV: segmentation violation",
        _ => "",
    }
}

/// What a signal in a goroutine means.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum SignalKind {
    StackOverflow,
    NilDereference,
    Fault,
    DivideByZero,
    IntegerOverflow,
    Fatal,
}

/// The facts the handler gathers, and the goroutine they concern.
#[derive(Debug, Clone, Copy)]
pub struct SignalInfo {
    pub sig: c_int,
    pub code: i32,
    pub addr: usize,
    pub pc: usize,
    pub sp: usize,
    pub goid: u64,
    pub stack_lo: usize,
    pub stack_hi: usize,
    pub stack_limit: usize,
    /// The trap is a function's failed prologue stack check, whatever its
    /// frame's size (`morestack::failed_prologue`).
    pub prologue_check: bool,
    /// The `g` and `m` addresses gc prints in a throw's goroutine header.
    pub gp: usize,
    pub mp: usize,
    pub mid: i64,
}

/// Decides what the signal means (see the module header).
pub fn classify(s: &SignalInfo) -> SignalKind {
    let in_stack = s.stack_lo != 0 && s.sp >= s.stack_lo && s.sp < s.stack_hi;
    match s.sig {
        SIGILL | SIGTRAP if s.prologue_check || (in_stack && s.sp < s.stack_limit.saturating_add(OVERFLOW_SLACK)) => {
            SignalKind::StackOverflow
        }
        SIGSEGV | SIGBUS => {
            let below_limit = s.stack_lo != 0
                && s.addr < s.stack_limit
                && s.addr >= s.stack_lo.saturating_sub(OVERFLOW_SLACK);
            if below_limit && in_stack {
                SignalKind::StackOverflow
            } else if s.addr < 0x1000 {
                SignalKind::NilDereference
            } else {
                SignalKind::Fault
            }
        }
        SIGFPE if s.code == FPE_INTDIV => SignalKind::DivideByZero,
        SIGFPE if s.code == FPE_INTOVF => SignalKind::IntegerOverflow,
        _ => SignalKind::Fatal,
    }
}

/// gc's `[signal …]` line (`dopanic_m`).
fn signal_line(out: &mut impl PrintSink, s: &SignalInfo) {
    printstring(out, b"[signal ");
    printstring(out, signame(s.sig).as_bytes());
    printstring(out, b" code=");
    printhex(out, s.code as u32 as u64);
    printstring(out, b" addr=");
    printhex(out, s.addr as u64);
    printstring(out, b" pc=");
    printhex(out, s.pc as u64);
    printstring(out, b"]\n");
}

/// A throw's goroutine header: `goroutine N gp=0x… m=M mp=0x… [running]:`.
fn throw_header(out: &mut impl PrintSink, s: &SignalInfo) {
    printstring(out, b"\ngoroutine ");
    printuint(out, s.goid);
    printstring(out, b" gp=");
    printhex(out, s.gp as u64);
    printstring(out, b" m=");
    printint(out, s.mid);
    printstring(out, b" mp=");
    printhex(out, s.mp as u64);
    printstring(out, b" [running]:\n");
}

/// A run-time error's report (`panic: runtime error: …`, the signal line,
/// the goroutine's header).
fn runtime_error(out: &mut impl PrintSink, s: &SignalInfo, msg: &[u8]) {
    printstring(out, b"panic: runtime error: ");
    printstring(out, msg);
    printstring(out, b"\n");
    signal_line(out, s);
    printstring(out, b"\ngoroutine ");
    printuint(out, s.goid);
    printstring(out, b" [running]:\n");
}

/// The whole report gc prints for the signal, by [`classify`].
pub fn report(out: &mut impl PrintSink, s: &SignalInfo) {
    match classify(s) {
        SignalKind::StackOverflow => {
            printstring(
                out,
                b"runtime: goroutine stack exceeds 1000000000-byte limit\n",
            );
            printstring(out, b"runtime: sp=");
            printhex(out, s.sp as u64);
            printstring(out, b" stack=[");
            printhex(out, s.stack_lo as u64);
            printstring(out, b", ");
            printhex(out, s.stack_hi as u64);
            printstring(out, b"]\nfatal error: stack overflow\n\nruntime stack:\n");
            throw_header(out, s);
        }
        SignalKind::NilDereference => {
            runtime_error(out, s, b"invalid memory address or nil pointer dereference")
        }
        SignalKind::DivideByZero => runtime_error(out, s, crate::panic::DIVIDE_ERROR),
        SignalKind::IntegerOverflow => runtime_error(out, s, b"integer overflow"),
        SignalKind::Fault => {
            printstring(out, b"unexpected fault address ");
            printhex(out, s.addr as u64);
            printstring(out, b"\nfatal error: fault\n");
            signal_line(out, s);
            throw_header(out, s);
        }
        SignalKind::Fatal => {
            let name = signame(s.sig);
            if name.is_empty() {
                printstring(out, b"Signal ");
                printint(out, s.sig as i64);
                printstring(out, b"\n");
            } else {
                printstring(out, name.as_bytes());
                printstring(out, b"\n");
            }
            printstring(out, b"PC=");
            printhex(out, s.pc as u64);
            printstring(out, b" m=");
            printint(out, s.mid);
            printstring(out, b" sigcode=");
            printint(out, s.code as i64);
            printstring(out, b"\n");
            throw_header(out, s);
        }
    }
}

/// A fixed buffer the handler formats into (no allocation).
struct FixedBuf {
    buf: [u8; 1024],
    len: usize,
}

impl PrintSink for FixedBuf {
    fn gwrite(&mut self, b: &[u8]) {
        let n = b.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&b[..n]);
        self.len += n;
    }
}

#[repr(C)]
struct SigAction {
    handler: usize,
    mask: [u64; 16],
    flags: c_int,
    restorer: usize,
}

#[repr(C)]
struct SigStack {
    sp: *mut c_void,
    flags: c_int,
    size: usize,
}

unsafe extern "C" {
    fn sigaction(sig: c_int, act: *const SigAction, old: *mut SigAction) -> c_int;
    fn sigaltstack(ss: *const SigStack, old: *mut SigStack) -> c_int;
}

const SA_SIGINFO: c_int = 4;
const SA_ONSTACK: c_int = 0x0800_0000;
const SA_RESTART: c_int = 0x1000_0000;
/// The alternate signal stack: room for the handler and its 1 KiB buffer.
const SIGNAL_STACK_SIZE: usize = 64 * 1024;

/// The M whose goroutine a signal interrupted (one M until M:N, which
/// will read it per thread).
static SIGNAL_M: AtomicPtr<M> = AtomicPtr::new(core::ptr::null_mut());

/// Where the interrupted sp and pc sit in a `ucontext_t` (see the module
/// header), and on x86-64 the frame pointer (`REG_RBP`, `gregs[10]`), which
/// `morestack::grow` reads.
#[cfg(target_arch = "x86_64")]
pub(crate) const UC_SP: usize = 160;
#[cfg(target_arch = "x86_64")]
pub(crate) const UC_PC: usize = 168;
#[cfg(all(goxide_runtime_staticlib, target_arch = "x86_64"))]
pub(crate) const UC_FP: usize = 40 + 10 * 8;
#[cfg(target_arch = "aarch64")]
pub(crate) const UC_SP: usize = 432;
#[cfg(target_arch = "aarch64")]
pub(crate) const UC_PC: usize = 440;

unsafe extern "C" fn handler(sig: c_int, info: *mut u8, ctx: *mut u8) {
    // SAFETY: the kernel passes a siginfo_t and a ucontext_t; the M and its
    // current goroutine are live for the program's life.
    unsafe {
        let code = *(info.add(8) as *const i32);
        let addr = *(info.add(16) as *const usize);
        let sp = *(ctx.add(UC_SP) as *const usize);
        let pc = *(ctx.add(UC_PC) as *const usize);
        let m = SIGNAL_M.load(Ordering::Relaxed);
        let g = current_g();
        let mut s = SignalInfo {
            sig,
            code,
            addr,
            pc,
            sp,
            goid: 0,
            stack_lo: 0,
            stack_hi: 0,
            stack_limit: 0,
            prologue_check: false,
            gp: g as usize,
            mp: m as usize,
            mid: 0,
        };
        if !m.is_null() {
            s.mid = (*m).id;
        }
        if !g.is_null() {
            s.goid = (*g).goid;
            s.stack_lo = (*g).stack_lo;
            s.stack_hi = (*g).stack_hi;
            s.stack_limit = (*g).stack_limit;
        }
        // A failed prologue check may continue on a new stack segment.
        if sig == SIGILL && let Some(entry) = crate::morestack::failed_prologue(pc) {
            s.prologue_check = true;
            if crate::morestack::grow(g, ctx, entry) {
                return;
            }
        }
        let mut out = FixedBuf {
            buf: [0; 1024],
            len: 0,
        };
        report(&mut out, &s);
        crate::sys::write_all(crate::sys::STDERR, &out.buf[..out.len]);
    }
    crate::sys::exit(2)
}

/// The goroutine running on the M signals were installed for (null before
/// [`install`] or between goroutines); one M until M:N, which will read it
/// per thread.
pub fn current_g() -> *mut G {
    let m = SIGNAL_M.load(Ordering::Relaxed);
    if m.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: an installed M lives for the rest of the process.
    unsafe { (*m).curg }
}

/// Whether [`install`] ran in this process.
pub fn installed() -> bool {
    !SIGNAL_M.load(Ordering::Relaxed).is_null()
}

/// The SIGURG handler: the preemption tick (see [`crate::sched::preempt`]).
unsafe extern "C" fn preempt_handler(_sig: c_int, _info: *mut u8, _ctx: *mut u8) {
    // SAFETY: the current goroutine, if any, is live.
    unsafe { crate::sched::preempt::request(current_g()) };
}

/// Gives the calling thread an alternate signal stack and installs the
/// handler for the synchronous signals; `m` is the thread's M. Returns
/// false if the kernel refused (the program then runs without reports).
///
/// # Safety
/// `m` stays live for the rest of the process.
pub unsafe fn install(m: *mut M) -> bool {
    SIGNAL_M.store(m, Ordering::Relaxed);
    // SAFETY: a fresh anonymous mapping becomes the signal stack; the
    // sigaction structs are fully initialised.
    unsafe {
        let Some(stack) = crate::sys::map_anonymous(SIGNAL_STACK_SIZE, false) else {
            return false;
        };
        let ss = SigStack {
            sp: stack as *mut c_void,
            flags: 0,
            size: SIGNAL_STACK_SIZE,
        };
        if sigaltstack(&ss, core::ptr::null_mut()) != 0 {
            return false;
        }
        let act = SigAction {
            handler: handler as *const () as usize,
            mask: [0; 16],
            flags: SA_SIGINFO | SA_ONSTACK,
            restorer: 0,
        };
        let mut ok = true;
        for sig in [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP] {
            ok &= sigaction(sig, &act, core::ptr::null_mut()) == 0;
        }
        let tick = SigAction {
            handler: preempt_handler as *const () as usize,
            mask: [0; 16],
            flags: SA_SIGINFO | SA_ONSTACK | SA_RESTART,
            restorer: 0,
        };
        ok &= sigaction(crate::sched::preempt::SIGURG, &tick, core::ptr::null_mut()) == 0;
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn info(sig: c_int, code: i32, addr: usize, sp: usize) -> SignalInfo {
        SignalInfo {
            sig,
            code,
            addr,
            pc: 0x47db15,
            sp,
            goid: 1,
            stack_lo: 0x10_0000,
            stack_hi: 0x20_0000,
            stack_limit: 0x11_0000,
            prologue_check: false,
            gp: 0xc000002380,
            mp: 0x52a800,
            mid: 0,
        }
    }

    fn text(s: &SignalInfo) -> String {
        let mut out = Vec::new();
        report(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn classifies_as_gc() {
        assert_eq!(
            classify(&info(SIGSEGV, 1, 0, 0x1f_0000)),
            SignalKind::NilDereference
        );
        assert_eq!(
            classify(&info(SIGSEGV, 1, 0xfff, 0x1f_0000)),
            SignalKind::NilDereference
        );
        assert_eq!(
            classify(&info(SIGSEGV, 1, 0xdead_0000, 0x1f_0000)),
            SignalKind::Fault
        );
        assert_eq!(
            classify(&info(SIGILL, 2, 0, 0x11_0040)),
            SignalKind::StackOverflow
        );
        assert_eq!(classify(&info(SIGILL, 2, 0, 0x1f_0000)), SignalKind::Fatal);
        // A failed prologue check is an overflow however far above the
        // limit sp still is (the frame is what does not fit).
        let big_frame = SignalInfo { prologue_check: true, ..info(SIGILL, 2, 0, 0x1f_0000) };
        assert_eq!(classify(&big_frame), SignalKind::StackOverflow);
        assert_eq!(
            classify(&info(SIGSEGV, 1, 0xf_fff0, 0x10_0010)),
            SignalKind::StackOverflow
        );
        assert_eq!(
            classify(&info(SIGFPE, 1, 0, 0x1f_0000)),
            SignalKind::DivideByZero
        );
    }

    #[test]
    fn reports_in_gcs_words() {
        assert_eq!(
            text(&info(SIGSEGV, 1, 0, 0x1f_0000)),
            "panic: runtime error: invalid memory address or nil pointer dereference\n\
             [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47db15]\n\n\
             goroutine 1 [running]:\n"
        );
        assert_eq!(
            text(&info(SIGILL, 2, 0, 0x11_0040)),
            "runtime: goroutine stack exceeds 1000000000-byte limit\n\
             runtime: sp=0x110040 stack=[0x100000, 0x200000]\n\
             fatal error: stack overflow\n\nruntime stack:\n\n\
             goroutine 1 gp=0xc000002380 m=0 mp=0x52a800 [running]:\n"
        );
        assert_eq!(
            text(&info(SIGSEGV, 2, 0xdead0000, 0x1f_0000)),
            "unexpected fault address 0xdead0000\nfatal error: fault\n\
             [signal SIGSEGV: segmentation violation code=0x2 addr=0xdead0000 pc=0x47db15]\n\n\
             goroutine 1 gp=0xc000002380 m=0 mp=0x52a800 [running]:\n"
        );
        assert_eq!(
            text(&info(SIGILL, 2, 0, 0x1f_0000)),
            "SIGILL: illegal instruction\nPC=0x47db15 m=0 sigcode=2\n\n\
             goroutine 1 gp=0xc000002380 m=0 mp=0x52a800 [running]:\n"
        );
    }
}
