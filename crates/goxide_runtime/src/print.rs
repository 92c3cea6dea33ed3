//! The `print` and `println` builtins: gc's `runtime/print.go` (go1.27),
//! byte for byte.
//!
//! What: the formatting functions, named as gc names them (`printint`,
//! `printfloat64`, `printquoted`, ...), each writing to a [`PrintSink`];
//! and the C-ABI entry points compiled code calls (`goxide_rt_printint`,
//! ...), which write to standard error as gc's `gwrite` → `writeErr` does:
//! one `write(2, ...)` per piece, unbuffered.
//!
//! How: the compiler lowers `println(a, b)` as gc's `walkPrint` does:
//! `printlock`, then one call per argument chosen by its type (with `printsp`
//! between and `printnl` at the end for println, runs of constant strings
//! joined), then `printunlock`. Floats and complexes go through
//! [`crate::strconv`] (shortest `'g'` form, as go1.27 prints them: `1e+06`,
//! `0.1`, `NaN`, `+Inf`).
//!
//! Invariants: no allocation, no panics on any input (invalid UTF-8 is
//! printed as is by `printstring`, escaped by `printquoted`); the
//! formatting is target-independent and tested on the host against the
//! reference go; `printlock` is recursive per M, as in gc.
//!
//! Not mirrored (v0): `recordForPanic`'s crash backlog and `g.writebuf`
//! diversion (runtime-internal test hooks); `minhexdigits` is always 0.

use core::sync::atomic::{AtomicBool, Ordering};

use crate::goroutine::G;
use crate::strconv::{self, Appender, FloatWidth};
use crate::sys;

/// Where printed bytes go: standard error for compiled programs, a buffer in
/// tests. Each call is one of gc's `gwrite`s.
pub trait PrintSink {
    fn gwrite(&mut self, b: &[u8]);
}

/// Standard error, one `write` per `gwrite` (gc's `writeErr`).
pub struct Stderr;

impl PrintSink for Stderr {
    fn gwrite(&mut self, b: &[u8]) {
        if !b.is_empty() {
            sys::write_all(sys::STDERR, b);
        }
    }
}

impl PrintSink for alloc::vec::Vec<u8> {
    fn gwrite(&mut self, b: &[u8]) {
        self.extend_from_slice(b);
    }
}

pub fn printsp(out: &mut impl PrintSink) {
    printstring(out, b" ");
}

pub fn printnl(out: &mut impl PrintSink) {
    printstring(out, b"\n");
}

pub fn printbool(out: &mut impl PrintSink, v: bool) {
    if v {
        printstring(out, b"true");
    } else {
        printstring(out, b"false");
    }
}

pub fn printfloat64(out: &mut impl PrintSink, v: f64) {
    let mut buf = [0u8; strconv::FLOAT64_BYTES];
    let mut dst = Appender::new(&mut buf);
    strconv::append_float_shortest_g(&mut dst, v, FloatWidth::F64);
    out.gwrite(dst.as_bytes());
}

pub fn printfloat32(out: &mut impl PrintSink, v: f32) {
    let mut buf = [0u8; strconv::FLOAT32_BYTES];
    let mut dst = Appender::new(&mut buf);
    strconv::append_float_shortest_g(&mut dst, v as f64, FloatWidth::F32);
    out.gwrite(dst.as_bytes());
}

pub fn printcomplex128(out: &mut impl PrintSink, re: f64, im: f64) {
    let mut buf = [0u8; strconv::COMPLEX128_BYTES];
    let mut dst = Appender::new(&mut buf);
    strconv::append_complex_shortest_g(&mut dst, re, im, FloatWidth::F64);
    out.gwrite(dst.as_bytes());
}

pub fn printcomplex64(out: &mut impl PrintSink, re: f32, im: f32) {
    // gc sizes this buffer complex64Bytes (33); the shared one is larger.
    let mut buf = [0u8; strconv::COMPLEX128_BYTES];
    let mut dst = Appender::new(&mut buf);
    strconv::append_complex_shortest_g(&mut dst, re as f64, im as f64, FloatWidth::F32);
    out.gwrite(dst.as_bytes());
}

pub fn printuint(out: &mut impl PrintSink, v: u64) {
    let mut buf = [0u8; 20];
    let i = strconv::runtime_format_base10(&mut buf, v);
    out.gwrite(&buf[i..]);
}

pub fn printint(out: &mut impl PrintSink, v: i64) {
    let neg = v < 0;
    let u = if neg {
        (v as u64).wrapping_neg()
    } else {
        v as u64
    };
    let mut buf = [0u8; 21];
    let mut i = strconv::runtime_format_base10(&mut buf[1..], u) + 1;
    if neg {
        i -= 1;
        buf[i] = b'-';
    }
    out.gwrite(&buf[i..]);
}

pub fn printhexopts(out: &mut impl PrintSink, include0x: bool, mindigits: usize, mut v: u64) {
    const DIG: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 100];
    let mut i = buf.len() - 1;
    while i > 0 {
        buf[i] = DIG[(v % 16) as usize];
        if v < 16 && buf.len() - i >= mindigits {
            break;
        }
        v /= 16;
        i -= 1;
    }
    if include0x {
        i -= 1;
        buf[i] = b'x';
        i -= 1;
        buf[i] = b'0';
    }
    out.gwrite(&buf[i..]);
}

pub fn printhex(out: &mut impl PrintSink, v: u64) {
    // gc's minhexdigits: set only by runtime-internal dumps; 0 here.
    printhexopts(out, true, 0, v);
}

/// Go's `utf8.RuneError`.
const RUNE_ERROR: u32 = 0xFFFD;

/// gc's `decoderune(s, k)`: the rune starting at byte k and the index after
/// it; an invalid encoding gives (RuneError, k+1). The rules are Go's
/// (`runtime/utf8.go`): no overlong forms, no surrogates, nothing past
/// U+10FFFF.
pub fn decoderune(s: &[u8], k: usize) -> (u32, usize) {
    const LOCB: u8 = 0x80;
    const HICB: u8 = 0xBF;
    let cont = |b: u8| (LOCB..=HICB).contains(&b);
    if k >= s.len() {
        return (RUNE_ERROR, k + 1);
    }
    let s = &s[k..];
    match s[0] {
        // 0080-07FF two byte sequence
        0xC0..=0xDF if s.len() > 1 && cont(s[1]) => {
            let r = ((s[0] & 0x1F) as u32) << 6 | (s[1] & 0x3F) as u32;
            if r > 0x7F {
                return (r, k + 2);
            }
        }
        // 0800-FFFF three byte sequence
        0xE0..=0xEF if s.len() > 2 && cont(s[1]) && cont(s[2]) => {
            let r =
                ((s[0] & 0x0F) as u32) << 12 | ((s[1] & 0x3F) as u32) << 6 | (s[2] & 0x3F) as u32;
            if r > 0x7FF && !(0xD800..=0xDFFF).contains(&r) {
                return (r, k + 3);
            }
        }
        // 10000-1FFFFF four byte sequence
        0xF0..=0xF7 if s.len() > 3 && cont(s[1]) && cont(s[2]) && cont(s[3]) => {
            let r = ((s[0] & 0x07) as u32) << 18
                | ((s[1] & 0x3F) as u32) << 12
                | ((s[2] & 0x3F) as u32) << 6
                | (s[3] & 0x3F) as u32;
            if r > 0xFFFF && r <= 0x10FFFF {
                return (r, k + 4);
            }
        }
        _ => {}
    }
    (RUNE_ERROR, k + 1)
}

/// gc's `printquoted`: the string in double quotes, printable ASCII as is,
/// `\n \r \t \\ \"` escaped, invalid bytes as `\xNN`, other runes as
/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn printquoted(out: &mut impl PrintSink, s: &[u8]) {
    out.gwrite(b"\"");
    let mut i = 0;
    while i < s.len() {
        // `for i, r := range s`: ASCII directly, the rest through decoderune.
        let (r, next) = if s[i] < 0x80 {
            (s[i] as u32, i + 1)
        } else {
            decoderune(s, i)
        };
        let start = i;
        i = next;
        match r {
            0x0A => {
                out.gwrite(b"\\n");
                continue;
            }
            0x0D => {
                out.gwrite(b"\\r");
                continue;
            }
            0x09 => {
                out.gwrite(b"\\t");
                continue;
            }
            0x5C | 0x22 => {
                out.gwrite(&[b'\\', r as u8]);
                continue;
            }
            // Distinguish errors from a valid encoding of U+FFFD, which
            // falls through to quoting.
            RUNE_ERROR if decoderune(s, start).1 == start + 1 => {
                out.gwrite(b"\\x");
                printhexopts(out, false, 2, s[start] as u64);
                continue;
            }
            _ => {}
        }
        // For now, only allow basic printable ascii through unescaped
        if (0x20..=0x7E).contains(&r) {
            out.gwrite(&[r as u8]);
        } else if r < 127 {
            out.gwrite(b"\\x");
            printhexopts(out, false, 2, r as u64);
        } else if r < 0x1_0000 {
            out.gwrite(b"\\u");
            printhexopts(out, false, 4, r as u64);
        } else {
            out.gwrite(b"\\U");
            printhexopts(out, false, 8, r as u64);
        }
    }
    out.gwrite(b"\"");
}

pub fn printpointer(out: &mut impl PrintSink, p: usize) {
    printhex(out, p as u64);
}

pub fn printuintptr(out: &mut impl PrintSink, p: usize) {
    printhex(out, p as u64);
}

pub fn printstring(out: &mut impl PrintSink, s: &[u8]) {
    out.gwrite(s);
}

/// gc's `printslice`: `[len/cap]` then the array pointer in hex.
pub fn printslice(out: &mut impl PrintSink, array: usize, len: i64, cap: i64) {
    printstring(out, b"[");
    printint(out, len);
    printstring(out, b"/");
    printint(out, cap);
    printstring(out, b"]");
    printpointer(out, array);
}

/// gc's `printeface`: `(type,data)` as two pointers.
pub fn printeface(out: &mut impl PrintSink, typ: usize, data: usize) {
    printstring(out, b"(");
    printpointer(out, typ);
    printstring(out, b",");
    printpointer(out, data);
    printstring(out, b")");
}

/// gc's `printiface`: `(itab,data)` as two pointers.
pub fn printiface(out: &mut impl PrintSink, tab: usize, data: usize) {
    printeface(out, tab, data);
}

// ---- the lock ----

/// gc's `debuglock`: held by the M that is printing.
static DEBUGLOCK: AtomicBool = AtomicBool::new(false);

/// gc's `printlock`: recursive per M.
///
/// # Safety
/// `g` must point to a live `G` whose `m` is live and owned by this thread.
pub unsafe fn printlock(g: *mut G) {
    // SAFETY: the caller hands us its own goroutine and thread records.
    let mp = unsafe { &mut *(*g).m };
    mp.locks += 1; // do not reschedule between printlock++ and lock(&debuglock).
    mp.printlock += 1;
    if mp.printlock == 1 {
        while DEBUGLOCK
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            core::hint::spin_loop();
        }
    }
    mp.locks -= 1; // now we know debuglock is held and holding up mp.locks for us.
}

/// gc's `printunlock`.
///
/// # Safety
/// As [`printlock`], and paired with an earlier `printlock` on this M.
pub unsafe fn printunlock(g: *mut G) {
    // SAFETY: see printlock.
    let mp = unsafe { &mut *(*g).m };
    mp.printlock -= 1;
    if mp.printlock == 0 {
        DEBUGLOCK.store(false, Ordering::Release);
    }
}

// ---- the entry points compiled code calls (the contract's print table) ----

/// # Safety
/// `g` must be the calling goroutine (see [`printlock`]).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_printlock(g: *mut G) {
    unsafe { printlock(g) }
}

/// # Safety
/// `g` must be the calling goroutine, which holds the print lock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_printunlock(g: *mut G) {
    unsafe { printunlock(g) }
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printsp(_g: *mut G) {
    printsp(&mut Stderr);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printnl(_g: *mut G) {
    printnl(&mut Stderr);
}

/// `v` is a Go bool: 0 or 1 in the low byte, zero-extended by the caller.
#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printbool(_g: *mut G, v: u8) {
    printbool(&mut Stderr, v != 0);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printfloat64(_g: *mut G, v: f64) {
    printfloat64(&mut Stderr, v);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printfloat32(_g: *mut G, v: f32) {
    printfloat32(&mut Stderr, v);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printcomplex128(_g: *mut G, re: f64, im: f64) {
    printcomplex128(&mut Stderr, re, im);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printcomplex64(_g: *mut G, re: f32, im: f32) {
    printcomplex64(&mut Stderr, re, im);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printuint(_g: *mut G, v: u64) {
    printuint(&mut Stderr, v);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printint(_g: *mut G, v: i64) {
    printint(&mut Stderr, v);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printhex(_g: *mut G, v: u64) {
    printhex(&mut Stderr, v);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printpointer(_g: *mut G, p: usize) {
    printpointer(&mut Stderr, p);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printuintptr(_g: *mut G, p: usize) {
    printuintptr(&mut Stderr, p);
}

/// # Safety
/// `(ptr, len)` must be a Go string: `len` readable bytes at `ptr` (any
/// `ptr` when `len` is 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_printstring(_g: *mut G, ptr: *const u8, len: isize) {
    // SAFETY: the caller passes a Go string.
    printstring(&mut Stderr, unsafe { go_bytes(ptr, len) });
}

/// # Safety
/// As [`goxide_rt_printstring`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_printquoted(_g: *mut G, ptr: *const u8, len: isize) {
    // SAFETY: the caller passes a Go string.
    printquoted(&mut Stderr, unsafe { go_bytes(ptr, len) });
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printslice(_g: *mut G, array: usize, len: i64, cap: i64) {
    printslice(&mut Stderr, array, len, cap);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printeface(_g: *mut G, typ: usize, data: usize) {
    printeface(&mut Stderr, typ, data);
}

#[unsafe(no_mangle)]
pub extern "C" fn goxide_rt_printiface(_g: *mut G, tab: usize, data: usize) {
    printiface(&mut Stderr, tab, data);
}

/// The bytes of a Go string `(ptr, len)`.
///
/// # Safety
/// `len` readable bytes at `ptr` when `len > 0`.
unsafe fn go_bytes<'a>(ptr: *const u8, len: isize) -> &'a [u8] {
    if len <= 0 || ptr.is_null() {
        &[]
    } else {
        // SAFETY: the caller guarantees len readable bytes.
        unsafe { core::slice::from_raw_parts(ptr, len as usize) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use alloc::vec::Vec;

    fn out(f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut v = Vec::new();
        f(&mut v);
        v
    }

    #[test]
    fn ints_at_the_edges() {
        assert_eq!(out(|o| printint(o, i64::MIN)), b"-9223372036854775808");
        assert_eq!(out(|o| printint(o, i64::MAX)), b"9223372036854775807");
        assert_eq!(out(|o| printint(o, 0)), b"0");
        assert_eq!(out(|o| printint(o, -1)), b"-1");
        assert_eq!(out(|o| printuint(o, u64::MAX)), b"18446744073709551615");
    }

    #[test]
    fn hex_forms() {
        assert_eq!(out(|o| printhex(o, 0)), b"0x0");
        assert_eq!(out(|o| printhex(o, 0xdeadbeef)), b"0xdeadbeef");
        assert_eq!(out(|o| printhex(o, u64::MAX)), b"0xffffffffffffffff");
        assert_eq!(out(|o| printhexopts(o, false, 4, 0x7f)), b"007f");
        assert_eq!(out(|o| printhexopts(o, false, 2, 0x5)), b"05");
    }

    #[test]
    fn quoted_escapes_like_gc() {
        assert_eq!(
            out(|o| printquoted(o, b"a\"b\\c\n\r\t")),
            b"\"a\\\"b\\\\c\\n\\r\\t\""
        );
        assert_eq!(
            out(|o| printquoted(o, b"\xff\x01\x7f")),
            b"\"\\xff\\x01\\u007f\""
        );
        assert_eq!(
            out(|o| printquoted(o, "\u{fffd}é😀".as_bytes())),
            b"\"\\ufffd\\u00e9\\U0001f600\""
        );
        // A truncated sequence: each byte is its own error.
        assert_eq!(out(|o| printquoted(o, b"\xe2\x82")), b"\"\\xe2\\x82\"");
    }

    #[test]
    fn decoderune_rejects_what_go_rejects() {
        assert_eq!(decoderune(b"\xc0\x80", 0), (RUNE_ERROR, 1)); // overlong
        assert_eq!(decoderune(b"\xed\xa0\x80", 0), (RUNE_ERROR, 1)); // surrogate
        assert_eq!(decoderune(b"\xf4\x90\x80\x80", 0), (RUNE_ERROR, 1)); // > U+10FFFF
        assert_eq!(decoderune("€".as_bytes(), 0), (0x20AC, 3));
        assert_eq!(decoderune(b"", 0), (RUNE_ERROR, 1));
    }

    #[test]
    fn slices_and_interfaces() {
        assert_eq!(out(|o| printslice(o, 0, 0, 0)), b"[0/0]0x0");
        assert_eq!(out(|o| printslice(o, 0x1000, 3, 10)), b"[3/10]0x1000");
        assert_eq!(out(|o| printeface(o, 0, 0)), b"(0x0,0x0)");
        assert_eq!(out(|o| printiface(o, 0x10, 0x20)), b"(0x10,0x20)");
    }

    #[test]
    fn print_lock_is_recursive_per_m() {
        let mut m = crate::goroutine::M::new(0);
        let mut g = G::new(1, &mut m, 0, 0x100000);
        unsafe {
            printlock(&mut g);
            printlock(&mut g);
            assert_eq!(m.printlock, 2);
            assert!(DEBUGLOCK.load(Ordering::Relaxed));
            printunlock(&mut g);
            assert!(DEBUGLOCK.load(Ordering::Relaxed));
            printunlock(&mut g);
        }
        assert_eq!(m.printlock, 0);
        assert!(!DEBUGLOCK.load(Ordering::Relaxed));
    }
}
