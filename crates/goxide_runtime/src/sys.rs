//! The operating system, as the runtime reaches it: a few libc functions
//! declared by hand (musl's `libc.a` in the static link; the host libc in
//! host test builds), so the crate needs no dependency.
//!
//! Mirrors the role of gc's `runtime/sys_linux_*.s` + `os_linux.go`
//! wrappers (`write1`, `exit`), through libc instead of raw syscalls.
//!
//! Invariants: every wrapper is safe to call from any thread at any time
//! (no locks, no allocation); errors are handled here, as gc's `write`
//! ignores them.

use core::ffi::{c_int, c_void};

unsafe extern "C" {
    fn write(fd: c_int, buf: *const c_void, count: usize) -> isize;
    fn _exit(status: c_int) -> !;
    /// Where `errno` lives for the calling thread (musl and glibc alike).
    fn __errno_location() -> *mut c_int;
    fn getrlimit(resource: c_int, rlim: *mut RLimit) -> c_int;
    fn mmap(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, off: i64) -> *mut c_void;
    fn munmap(addr: *mut c_void, len: usize) -> c_int;
}

/// `PROT_READ | PROT_WRITE`.
const PROT_READ_WRITE: c_int = 0x1 | 0x2;
/// `MAP_PRIVATE | MAP_ANONYMOUS` (same on x86-64 and aarch64 Linux).
const MAP_PRIVATE_ANONYMOUS: c_int = 0x02 | 0x20;
/// `MAP_NORESERVE`: address space only; the kernel commits pages as they
/// are touched and does not count the mapping against its commit limit.
const MAP_NORESERVE: c_int = 0x4000;

/// `len` bytes of fresh zeroed read-write memory at an address the
/// kernel picks, reserved only (`noreserve`: committed page by page as
/// touched) or not; `None` when the kernel refuses.
pub fn map_anonymous(len: usize, noreserve: bool) -> Option<usize> {
    let flags = MAP_PRIVATE_ANONYMOUS | if noreserve { MAP_NORESERVE } else { 0 };
    // SAFETY: an anonymous private mapping at an address of the kernel's
    // choosing touches no existing memory.
    let p = unsafe { mmap(core::ptr::null_mut(), len, PROT_READ_WRITE, flags, -1, 0) };
    (p as isize != -1 && !p.is_null()).then_some(p as usize)
}

/// Unmaps `[addr, addr + len)`, part of a mapping from [`map_anonymous`].
///
/// # Safety
/// Nothing uses that memory any more.
pub unsafe fn unmap(addr: usize, len: usize) {
    // SAFETY: the caller's guarantee.
    unsafe { munmap(addr as *mut c_void, len) };
}

/// `struct rlimit` on Linux (both 64-bit targets).
#[repr(C)]
struct RLimit {
    cur: u64,
    max: u64,
}

/// `RLIMIT_STACK` on Linux x86-64 and aarch64.
const RLIMIT_STACK: c_int = 3;
/// `RLIM_INFINITY`.
const RLIM_INFINITY: u64 = !0;

/// The soft `RLIMIT_STACK` in bytes: `None` when unlimited or unknown.
pub fn stack_rlimit() -> Option<u64> {
    let mut lim = RLimit { cur: 0, max: 0 };
    // SAFETY: getrlimit writes one struct rlimit.
    let ok = unsafe { getrlimit(RLIMIT_STACK, &mut lim) } == 0;
    (ok && lim.cur != RLIM_INFINITY).then_some(lim.cur)
}

const EINTR: c_int = 4;

/// Standard error's file descriptor, where gc's `writeErr` sends print output.
pub const STDERR: c_int = 2;

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR; gives up
/// silently on any other error (gc's `write` in `writeErrData` ignores the
/// result).
pub fn write_all(fd: c_int, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: the pointer and length come from a live slice.
        let n = unsafe { write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n > 0 {
            bytes = &bytes[n as usize..];
        } else if n < 0 && unsafe { *__errno_location() } == EINTR {
            continue;
        } else {
            return;
        }
    }
}

/// Ends the process at once with `code` (musl's `_exit`: the `exit_group`
/// system call, no atexit handlers), as gc's `runtime.exit`.
pub fn exit(code: i32) -> ! {
    // SAFETY: _exit has no preconditions.
    unsafe { _exit(code) }
}
