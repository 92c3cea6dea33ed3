//! String operations compiled code calls (gc's `runtime/string.go`):
//! comparison, concatenation, and the conversions between strings,
//! `[]byte`, `[]rune` and integers, and the `for range` step.
//!
//! # Results
//! A string result is a 2-word `#[repr(C)]` [`GoString`] `{ptr, len}`
//! returned in registers (RAX:RDX on x86-64, x0:x1 on aarch64) — the
//! convention for every 2-word result; a slice result (3 words) is
//! written through an `out: *mut [usize; 3]` parameter right after `g`.
//!
//! # Temporary buffers
//! As gc's, the conversions take a `buf` (null, or a 32-byte — for runes
//! 32-rune, for `intstring` 4-byte — buffer in the caller's frame) that
//! the compiler passes when the result does not escape; a result that
//! fits is built there. This is observable: `cap([]byte("abc"))` is 32
//! with a buffer, 8 (gc's `roundupsize(3)`) without.
//!
//! # Entry points (C ABI, `g` first)
//! - `goxide_rt_cmpstring(g, a.ptr, a.len, b.ptr, b.len) -> i64`: -1, 0, +1.
//! - `goxide_rt_concatstrings(g, buf: *mut [u8; 32], a: *const GoString,
//!   n: usize) -> GoString`: `a[0] + … + a[n-1]`; when only one operand
//!   is non-empty it is returned as is (gc's shortcut: string data is
//!   never on a goroutine stack unless a `buf` put it there).
//! - `goxide_rt_slicebytetostring(g, buf, ptr, n) -> GoString`.
//! - `goxide_rt_stringtoslicebyte(g, out, buf, ptr, len)`.
//! - `goxide_rt_stringtoslicerune(g, out, buf: *mut [i32; 32], ptr, len)`.
//! - `goxide_rt_slicerunetostring(g, buf, ptr: *const i32, n) -> GoString`.
//! - `goxide_rt_intstring(g, buf: *mut [u8; 4], v: i64) -> GoString`:
//!   `string(rune(v))`, U+FFFD when `v` is not a valid rune.
//! - `goxide_rt_decoderune(g, ptr, len, k) -> DecodedRune {rune: i64,
//!   pos: i64}` (2 words, in registers; a caller declaring the rune I32
//!   reads the low half): the `for range` step for a non-ASCII byte at
//!   `k`.
//! - `goxide_rt_countrunes(g, ptr, len) -> i64`.
//!
//! Invariants: bytes compare unsigned, a proper prefix first; a zero
//! length never dereferences its pointer; results never alias the
//! arguments except concatenation's single-operand shortcut and a `buf`;
//! allocation goes through [`crate::malloc::mallocgc`].

use crate::goroutine::G;
use crate::malloc::mallocgc_noscan;
use crate::malloc::sizeclasses::{roundupsize, MAX_ALLOC};
use crate::utf8::{encoderune, next_rune};

/// gc's `tmpStringBufSize`.
pub const TMP_STRING_BUF_SIZE: usize = 32;

/// A Go string `{ptr, len}`, as passed in memory and returned in registers.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoString {
    pub ptr: *const u8,
    pub len: isize,
}

impl GoString {
    pub const EMPTY: GoString = GoString { ptr: core::ptr::null(), len: 0 };

    /// # Safety
    /// A valid Go string.
    pub unsafe fn as_bytes<'a>(&self) -> &'a [u8] {
        // SAFETY: the caller's guarantee.
        unsafe { bytes(self.ptr, self.len) }
    }
}

/// gc's `decoderune` result.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodedRune {
    pub rune: i64,
    pub pos: i64,
}

/// gc's `staticuint64s`: one-byte strings point into it, no allocation.
static STATIC_BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i as u8;
        i += 1;
    }
    t
};

/// gc's `cmpstring`: -1, 0 or +1.
pub fn cmpstring(a: &[u8], b: &[u8]) -> i64 {
    match a.cmp(b) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

/// Builds a byte slice from a Go string's `(ptr, len)`.
///
/// # Safety
/// `ptr` points to `len` readable bytes when `len > 0`.
unsafe fn bytes<'a>(ptr: *const u8, len: isize) -> &'a [u8] {
    if len <= 0 || ptr.is_null() {
        &[]
    } else {
        // SAFETY: the caller's guarantee.
        unsafe { core::slice::from_raw_parts(ptr, len as usize) }
    }
}

/// gc's `rawstringtmp`: `l` writable bytes, in `buf` when it fits.
///
/// # Safety
/// `buf` is null or a 32-byte buffer.
unsafe fn rawstringtmp(buf: *mut [u8; TMP_STRING_BUF_SIZE], l: usize) -> *mut u8 {
    if !buf.is_null() && l <= TMP_STRING_BUF_SIZE {
        buf as *mut u8
    } else {
        mallocgc_noscan(l, false)
    }
}

/// gc's `concatstrings`.
///
/// # Safety
/// `a` holds valid Go strings; `buf` is null or a 32-byte buffer.
pub unsafe fn concatstrings(buf: *mut [u8; TMP_STRING_BUF_SIZE], a: &[GoString]) -> GoString {
    let mut l: usize = 0;
    let mut count = 0;
    let mut idx = 0;
    for (i, x) in a.iter().enumerate() {
        if x.len <= 0 {
            continue;
        }
        l = match l.checked_add(x.len as usize) {
            Some(l) if l <= isize::MAX as usize => l,
            _ => crate::panic::throw(b"string concatenation too long"),
        };
        count += 1;
        idx = i;
    }
    if count == 0 {
        return GoString::EMPTY;
    }
    if count == 1 {
        return a[idx];
    }
    // SAFETY: the caller's guarantee; p has l bytes.
    unsafe {
        let p = rawstringtmp(buf, l);
        let mut at = 0;
        for x in a {
            let b = x.as_bytes();
            core::ptr::copy_nonoverlapping(b.as_ptr(), p.add(at), b.len());
            at += b.len();
        }
        GoString { ptr: p, len: l as isize }
    }
}

/// gc's `slicebytetostring`.
///
/// # Safety
/// `ptr` holds `n` bytes; `buf` is null or a 32-byte buffer.
pub unsafe fn slicebytetostring(buf: *mut [u8; TMP_STRING_BUF_SIZE], ptr: *const u8, n: isize) -> GoString {
    if n <= 0 {
        return GoString::EMPTY;
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        if n == 1 {
            return GoString { ptr: &STATIC_BYTES[*ptr as usize], len: 1 };
        }
        let p = rawstringtmp(buf, n as usize);
        core::ptr::copy_nonoverlapping(ptr, p, n as usize);
        GoString { ptr: p, len: n }
    }
}

/// gc's `rawbyteslice`: (ptr, cap) with cap = roundupsize(size), the tail
/// past `size` zeroed.
fn rawbyteslice(size: usize) -> (*mut u8, usize) {
    let cap = roundupsize(size, true);
    (mallocgc_noscan(cap, true), cap)
}

/// gc's `stringtoslicebyte`: (ptr, len, cap).
///
/// # Safety
/// `s` is a valid Go string; `buf` is null or a 32-byte buffer.
pub unsafe fn stringtoslicebyte(buf: *mut [u8; TMP_STRING_BUF_SIZE], s: GoString) -> [usize; 3] {
    // SAFETY: the caller's guarantee.
    unsafe {
        let b = s.as_bytes();
        let (p, cap) = if !buf.is_null() && b.len() <= TMP_STRING_BUF_SIZE {
            *buf = [0; TMP_STRING_BUF_SIZE];
            (buf as *mut u8, TMP_STRING_BUF_SIZE)
        } else {
            rawbyteslice(b.len())
        };
        core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
        [p as usize, b.len(), cap]
    }
}

/// gc's `stringtoslicerune`: (ptr, len, cap).
///
/// # Safety
/// `s` is a valid Go string; `buf` is null or a 32-rune buffer.
pub unsafe fn stringtoslicerune(buf: *mut [i32; TMP_STRING_BUF_SIZE], s: GoString) -> [usize; 3] {
    // SAFETY: the caller's guarantee.
    unsafe {
        let b = s.as_bytes();
        let n = crate::utf8::countrunes(b);
        let (p, cap) = if !buf.is_null() && n <= TMP_STRING_BUF_SIZE {
            *buf = [0; TMP_STRING_BUF_SIZE];
            (buf as *mut i32, TMP_STRING_BUF_SIZE)
        } else {
            // gc's rawruneslice.
            if n > MAX_ALLOC / 4 {
                crate::panic::throw(b"out of memory");
            }
            let mem = roundupsize(n * 4, true);
            (mallocgc_noscan(mem, true) as *mut i32, mem / 4)
        };
        let (mut i, mut k) = (0, 0);
        while k < b.len() {
            let (r, next) = next_rune(b, k);
            *p.add(i) = r;
            i += 1;
            k = next;
        }
        [p as usize, n, cap]
    }
}

/// gc's `slicerunetostring`.
///
/// # Safety
/// `a` holds `n` runes; `buf` is null or a 32-byte buffer.
pub unsafe fn slicerunetostring(buf: *mut [u8; TMP_STRING_BUF_SIZE], a: *const i32, n: isize) -> GoString {
    let runes: &[i32] = if n <= 0 || a.is_null() {
        &[]
    } else {
        // SAFETY: the caller's guarantee.
        unsafe { core::slice::from_raw_parts(a, n as usize) }
    };
    let mut dum = [0u8; 4];
    let size: usize = runes.iter().map(|&r| encoderune(&mut dum, r)).sum();
    // gc allocates size1+3 and returns s[:size2].
    // SAFETY: p has size + 3 bytes.
    unsafe {
        let p = rawstringtmp(buf, size + 3);
        let mut at = 0;
        for &r in runes {
            let k = encoderune(&mut dum, r);
            core::ptr::copy_nonoverlapping(dum.as_ptr(), p.add(at), k);
            at += k;
        }
        GoString { ptr: p, len: at as isize }
    }
}

/// gc's `intstring`: `string(rune(v))`.
///
/// # Safety
/// `buf` is null or a 4-byte buffer.
pub unsafe fn intstring(buf: *mut [u8; 4], v: i64) -> GoString {
    let r = if v as i32 as i64 != v { crate::utf8::RUNE_ERROR } else { v as i32 };
    let mut enc = [0u8; 4];
    let n = encoderune(&mut enc, r);
    let p = if buf.is_null() { mallocgc_noscan(4, false) } else { buf as *mut u8 };
    // SAFETY: p has 4 bytes.
    unsafe { core::ptr::copy_nonoverlapping(enc.as_ptr(), p, n) };
    GoString { ptr: p, len: n as isize }
}

/// `goxide_rt_cmpstring(g, a.ptr, a.len, b.ptr, b.len) -> int`.
///
/// # Safety
/// Both strings are valid Go strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_cmpstring(_g: *mut G, aptr: *const u8, alen: isize, bptr: *const u8, blen: isize) -> i64 {
    // SAFETY: Go strings.
    unsafe { cmpstring(bytes(aptr, alen), bytes(bptr, blen)) }
}

/// `goxide_rt_concatstrings(g, buf, a, n) -> GoString`.
///
/// # Safety
/// `a` points to `n` Go strings; `buf` null or a 32-byte buffer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_concatstrings(_g: *mut G, buf: *mut [u8; TMP_STRING_BUF_SIZE], a: *const GoString, n: usize) -> GoString {
    // SAFETY: the caller's guarantee.
    unsafe {
        let a = if n == 0 || a.is_null() { &[][..] } else { core::slice::from_raw_parts(a, n) };
        concatstrings(buf, a)
    }
}

/// `goxide_rt_slicebytetostring(g, buf, ptr, n) -> GoString`.
///
/// # Safety
/// As [`slicebytetostring`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_slicebytetostring(_g: *mut G, buf: *mut [u8; TMP_STRING_BUF_SIZE], ptr: *const u8, n: isize) -> GoString {
    // SAFETY: the caller's guarantee.
    unsafe { slicebytetostring(buf, ptr, n) }
}

/// `goxide_rt_stringtoslicebyte(g, out, buf, ptr, len)`.
///
/// # Safety
/// `out` is writable; the rest as [`stringtoslicebyte`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_stringtoslicebyte(_g: *mut G, out: *mut [usize; 3], buf: *mut [u8; TMP_STRING_BUF_SIZE], ptr: *const u8, len: isize) {
    // SAFETY: the caller's guarantee.
    unsafe { *out = stringtoslicebyte(buf, GoString { ptr, len }) }
}

/// `goxide_rt_stringtoslicerune(g, out, buf, ptr, len)`.
///
/// # Safety
/// `out` is writable; the rest as [`stringtoslicerune`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_stringtoslicerune(_g: *mut G, out: *mut [usize; 3], buf: *mut [i32; TMP_STRING_BUF_SIZE], ptr: *const u8, len: isize) {
    // SAFETY: the caller's guarantee.
    unsafe { *out = stringtoslicerune(buf, GoString { ptr, len }) }
}

/// `goxide_rt_slicerunetostring(g, buf, ptr, n) -> GoString`.
///
/// # Safety
/// As [`slicerunetostring`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_slicerunetostring(_g: *mut G, buf: *mut [u8; TMP_STRING_BUF_SIZE], ptr: *const i32, n: isize) -> GoString {
    // SAFETY: the caller's guarantee.
    unsafe { slicerunetostring(buf, ptr, n) }
}

/// `goxide_rt_intstring(g, buf, v) -> GoString`.
///
/// # Safety
/// `buf` is null or a 4-byte buffer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_intstring(_g: *mut G, buf: *mut [u8; 4], v: i64) -> GoString {
    // SAFETY: the caller's guarantee.
    unsafe { intstring(buf, v) }
}

/// `goxide_rt_decoderune(g, ptr, len, k) -> DecodedRune`.
///
/// # Safety
/// A valid Go string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_decoderune(_g: *mut G, ptr: *const u8, len: isize, k: i64) -> DecodedRune {
    // SAFETY: the caller's guarantee.
    let s = unsafe { bytes(ptr, len) };
    let (r, pos) = crate::utf8::decoderune(s, k.max(0) as usize);
    DecodedRune { rune: r as i64, pos: pos as i64 }
}

/// `goxide_rt_countrunes(g, ptr, len) -> i64`.
///
/// # Safety
/// A valid Go string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_countrunes(_g: *mut G, ptr: *const u8, len: isize) -> i64 {
    // SAFETY: the caller's guarantee.
    crate::utf8::countrunes(unsafe { bytes(ptr, len) }) as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ptr::null_mut;

    fn gs(s: &[u8]) -> GoString {
        GoString { ptr: s.as_ptr(), len: s.len() as isize }
    }

    #[test]
    fn compares_as_gc() {
        assert_eq!(cmpstring(b"", b""), 0);
        assert_eq!(cmpstring(b"a", b"ab"), -1);
        assert_eq!(cmpstring(b"b", b"ab"), 1);
        assert_eq!(cmpstring(b"\xff", b"a"), 1); // unsigned bytes
        assert_eq!(unsafe { goxide_rt_cmpstring(null_mut(), core::ptr::null(), 0, b"x".as_ptr(), 1) }, -1);
    }

    #[test]
    fn concatenates() {
        unsafe {
            let parts = [gs(b"ab"), gs(b""), gs(b"cde")];
            let r = goxide_rt_concatstrings(null_mut(), null_mut(), parts.as_ptr(), 3);
            assert_eq!(r.as_bytes(), b"abcde");
            let one = [gs(b""), gs(b"xyz")];
            assert_eq!(concatstrings(null_mut(), &one), one[1], "a lone operand is returned as is");
            assert_eq!(concatstrings(null_mut(), &[gs(b""), gs(b"")]).len, 0);
            let mut buf = [0u8; 32];
            let r = concatstrings(&mut buf, &parts);
            assert_eq!(r.ptr, buf.as_ptr());
        }
    }

    #[test]
    fn converts_bytes_and_runes_as_gc() {
        unsafe {
            let s = slicebytetostring(null_mut(), b"hello".as_ptr(), 5);
            assert_eq!(s.as_bytes(), b"hello");
            assert_ne!(s.ptr, b"hello".as_ptr());
            assert_eq!(slicebytetostring(null_mut(), b"q".as_ptr(), 1).as_bytes(), b"q");
            // cap([]byte("abc")): 8 on the heap (roundupsize), 32 in a buffer.
            let [p, l, c] = stringtoslicebyte(null_mut(), gs(b"abc"));
            assert_eq!((l, c), (3, 8));
            assert_eq!(core::slice::from_raw_parts(p as *const u8, 8), b"abc\0\0\0\0\0");
            let mut buf = [7u8; 32];
            let mut out = [0usize; 3];
            goxide_rt_stringtoslicebyte(null_mut(), &mut out, &mut buf, b"abc".as_ptr(), 3);
            assert_eq!((out[0], out[1], out[2], buf[3]), (buf.as_ptr() as usize, 3, 32, 0));
            goxide_rt_stringtoslicebyte(null_mut(), &mut out, null_mut(), b"abc".as_ptr(), 3);
            assert_eq!((out[1], out[2]), (3, 8));
            let [p, l, c] = stringtoslicerune(null_mut(), gs("a€\u{ff}".as_bytes()));
            assert_eq!((l, c), (3, 4)); // 12 bytes → class 16
            assert_eq!(core::slice::from_raw_parts(p as *const i32, 3), [0x61, 0x20AC, 0xFF]);
            let [p, l, _] = stringtoslicerune(null_mut(), gs(b"a\xffb"));
            assert_eq!(core::slice::from_raw_parts(p as *const i32, l), [0x61, 0xFFFD, 0x62]);
            let runes = [0x48, 0x20AC, -1, 0x1F600];
            let s = slicerunetostring(null_mut(), runes.as_ptr(), 4);
            assert_eq!(s.as_bytes(), "H€\u{FFFD}😀".as_bytes());
            assert_eq!(intstring(null_mut(), 0x4E16).as_bytes(), "\u{4E16}".as_bytes());
            assert_eq!(intstring(null_mut(), 1 << 40).as_bytes(), "\u{FFFD}".as_bytes());
            assert_eq!(intstring(null_mut(), -1).as_bytes(), "\u{FFFD}".as_bytes());
            let d = goxide_rt_decoderune(null_mut(), b"x\xe2\x82\xac".as_ptr(), 4, 1);
            assert_eq!(d, DecodedRune { rune: 0x20AC, pos: 4 });
            let d = goxide_rt_decoderune(null_mut(), b"\xe2\x82".as_ptr(), 2, 0);
            assert_eq!(d, DecodedRune { rune: 0xFFFD, pos: 1 });
            assert_eq!(goxide_rt_countrunes(null_mut(), "日本".as_ptr(), 6), 2);
        }
    }
}
