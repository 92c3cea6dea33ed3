//! String operations compiled code calls (gc's `runtime/string.go` and
//! `internal/bytealg`): v0 has the comparison, `cmpstring`, which the
//! compiler uses for every string comparison (`==` included: equal
//! strings compare 0).
//!
//! Invariants: bytes are compared as unsigned, lexicographically, a
//! proper prefix first (gc's `bytealg.Compare`); no allocation; a
//! zero length never dereferences its pointer.

use crate::goroutine::G;

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

/// `goxide_rt_cmpstring(g, a.ptr, a.len, b.ptr, b.len) -> int`.
///
/// # Safety
/// Both strings are valid Go strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_cmpstring(_g: *mut G, aptr: *const u8, alen: isize, bptr: *const u8, blen: isize) -> i64 {
    // SAFETY: Go strings.
    unsafe { cmpstring(bytes(aptr, alen), bytes(bptr, blen)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_as_gc() {
        assert_eq!(cmpstring(b"", b""), 0);
        assert_eq!(cmpstring(b"a", b"ab"), -1);
        assert_eq!(cmpstring(b"b", b"ab"), 1);
        assert_eq!(cmpstring(b"\xff", b"a"), 1); // unsigned bytes
        assert_eq!(unsafe { goxide_rt_cmpstring(core::ptr::null_mut(), core::ptr::null(), 0, b"x".as_ptr(), 1) }, -1);
    }
}
