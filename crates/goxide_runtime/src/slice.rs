//! Slices (gc's `runtime/slice.go`): `make([]T, len, cap)` and `append`'s
//! growth. Capacities after `append` are gc's exactly: `nextslicecap`
//! (double below 256 elements, then grow by (cap + 3*256)/4 until large
//! enough) then the allocation rounded up to gc's size classes
//! ([`crate::malloc::sizeclasses::roundupsize`], which counts gc's malloc
//! header for pointerful objects above 512 bytes).
//!
//! # Entry points (C ABI, `g` first)
//! - `goxide_rt_makeslice(g, et: *const abi.Type, len: i64, cap: i64) ->
//!   *mut u8`: the zeroed backing array (gc's `makeslice`); panics
//!   `makeslice: len out of range` / `makeslice: cap out of range` as gc.
//! - `goxide_rt_growslice(g, out: *mut [usize; 3], oldptr: *const u8,
//!   newlen: i64, oldcap: i64, num: i64, et: *const abi.Type)`: gc's
//!   `growslice`; writes the new slice `{ptr, len = newlen, cap}` to
//!   `out` (3 words: results of 3+ words go through an out pointer after
//!   `g`). The first `newlen - num` elements are copied from `oldptr`;
//!   the memory past them is zeroed (the caller stores the `num` appended
//!   elements). A zero-size element gives `{zerobase, newlen, newlen}`.
//!
//! - `goxide_rt_growsliceBuf(g, out, oldptr, newlen, oldcap, num, et,
//!   buf: *mut u8, buflen: i64)`: gc's `growsliceBuf`, for a slice the
//!   compiler backs with a stack buffer of `buflen` elements (gc ≥ 1.25
//!   does this for non-escaping appends): while `newlen <= buflen` the
//!   buffer is used and the capacity climbs one size class at a time
//!   (`roundupsize(newlen*size)/size`); beyond, plain `growslice`.
//! - `goxide_rt_moveSlice(g, out, et, old, len, cap)` and
//!   `goxide_rt_moveSliceNoCap(g, out, et, old, len)`: gc's
//!   `moveSlice*`, copying a stack-backed slice to the heap when it
//!   escapes (same capacity / capacity rounded up to a size class).
//! - `goxide_rt_moveSliceNoScan(g, out, elemsize: uintptr, old, len,
//!   cap)` and `goxide_rt_moveSliceNoCapNoScan(g, out, elemsize, old,
//!   len)`: the same for elements without pointers (noscan size classes).
//!
//! Invariants: nothing is freed (no collector yet); `out` is written
//! exactly once on return; every failure is a run-time error panic.

use crate::abi::Type;
use crate::error::RuntimeError;
use crate::goroutine::G;
use crate::malloc::sizeclasses::{roundupsize, MAX_ALLOC};
use crate::malloc::{mallocgc, zerobase};
use crate::panic::runtime_error_panic;

/// gc's `nextslicecap(newLen, oldCap)`.
pub fn nextslicecap(new_len: i64, old_cap: i64) -> i64 {
    let mut newcap = old_cap;
    let doublecap = newcap.wrapping_add(newcap);
    if new_len > doublecap {
        return new_len;
    }
    const THRESHOLD: i64 = 256;
    if old_cap < THRESHOLD {
        return doublecap;
    }
    loop {
        // Transition from growing 2x for small slices to 1.25x for large
        // ones; the unsigned compare stops on overflow.
        newcap = newcap.wrapping_add((newcap.wrapping_add(3 * THRESHOLD)) >> 2);
        if newcap as u64 >= new_len as u64 {
            break;
        }
    }
    if newcap <= 0 {
        return new_len;
    }
    newcap
}

/// gc's growslice arithmetic: (new capacity in elements, bytes to
/// allocate, overflow) for elements of `size` bytes.
pub fn grown_capacity(elem_size: usize, noscan: bool, new_len: i64, old_cap: i64) -> (i64, usize, bool) {
    let newcap = nextslicecap(new_len, old_cap);
    let ncap = newcap as usize;
    if elem_size == 1 {
        let capmem = roundupsize(ncap, noscan);
        (capmem as i64, capmem, ncap > MAX_ALLOC)
    } else if elem_size == 8 {
        let capmem = roundupsize(ncap.wrapping_mul(8), noscan);
        (capmem as i64 / 8, capmem, ncap > MAX_ALLOC / 8)
    } else if elem_size.is_power_of_two() {
        let shift = elem_size.trailing_zeros();
        let capmem = roundupsize(ncap.wrapping_shl(shift), noscan);
        let c = (capmem >> shift) as i64;
        (c, (c as usize) << shift, ncap > (MAX_ALLOC >> shift))
    } else {
        let (mem, overflow) = elem_size.overflowing_mul(ncap);
        let capmem = roundupsize(mem, noscan);
        let c = capmem / elem_size;
        (c as i64, c * elem_size, overflow)
    }
}

/// gc's `makeslice`.
///
/// # Safety
/// `et` is a type descriptor.
pub unsafe fn makeslice(g: *mut G, et: *const Type, len: i64, cap: i64) -> *mut u8 {
    // SAFETY: the caller's guarantee.
    let size = unsafe { (*et).size };
    let (mem, overflow) = size.overflowing_mul(cap as usize);
    if overflow || mem > MAX_ALLOC || len < 0 || len > cap {
        let (mem, overflow) = size.overflowing_mul(len as usize);
        if overflow || mem > MAX_ALLOC || len < 0 {
            runtime_error_panic(g, RuntimeError::Plain(b"makeslice: len out of range"));
        }
        runtime_error_panic(g, RuntimeError::Plain(b"makeslice: cap out of range"));
    }
    // SAFETY: the caller's guarantee.
    unsafe { mallocgc(mem, et, true) }
}

/// gc's `growslice`: (ptr, newlen, newcap).
///
/// # Safety
/// `et` is a type descriptor; `oldptr` holds `newlen - num` elements.
pub unsafe fn growslice(g: *mut G, oldptr: *const u8, new_len: i64, old_cap: i64, num: i64, et: *const Type) -> (*mut u8, i64, i64) {
    let old_len = new_len.wrapping_sub(num);
    if new_len < 0 {
        runtime_error_panic(g, RuntimeError::Plain(b"growslice: len out of range"));
    }
    // SAFETY: the caller's guarantee.
    let t = unsafe { &*et };
    if t.size == 0 {
        return (zerobase(), new_len, new_len);
    }
    let noscan = !t.pointers();
    let (newcap, capmem, overflow) = grown_capacity(t.size, noscan, new_len, old_cap);
    if overflow || capmem > MAX_ALLOC {
        runtime_error_panic(g, RuntimeError::Plain(b"growslice: len out of range"));
    }
    let lenmem = (old_len as usize).wrapping_mul(t.size);
    // Fresh memory is zeroed whole: past newlen as gc's memclr does, and
    // the appended part too (the caller overwrites it).
    // SAFETY: et is a descriptor.
    let p = unsafe { mallocgc(capmem, et, true) };
    if lenmem > 0 && !oldptr.is_null() {
        // SAFETY: the old array holds old_len elements; p holds capmem >= lenmem.
        unsafe { core::ptr::copy_nonoverlapping(oldptr, p, lenmem) };
    }
    (p, new_len, newcap)
}

/// gc's `growsliceBuf`.
///
/// # Safety
/// As [`growslice`]; `buf` holds `buf_len` elements of `et`.
#[allow(clippy::too_many_arguments, reason = "gc's growsliceBuf signature")]
pub unsafe fn growslice_buf(
    g: *mut G,
    oldptr: *const u8,
    new_len: i64,
    old_cap: i64,
    num: i64,
    et: *const Type,
    buf: *mut u8,
    buf_len: i64,
) -> (*mut u8, i64, i64) {
    if new_len > buf_len {
        // SAFETY: the caller's guarantee.
        return unsafe { growslice(g, oldptr, new_len, old_cap, num, et) };
    }
    // SAFETY: the caller's guarantee; new_len <= buf_len elements fit.
    unsafe {
        let t = &*et;
        let old_len = (new_len - num) as usize;
        if !core::ptr::eq(oldptr, buf) && old_len != 0 {
            core::ptr::copy(oldptr, buf, old_len * t.size);
        }
        let new_cap = roundupsize(new_len as usize * t.size, !t.pointers()).checked_div(t.size).map_or(new_len, |c| c as i64);
        if new_len < new_cap {
            core::ptr::write_bytes(buf.add(new_len as usize * t.size), 0, (new_cap - new_len) as usize * t.size);
        }
        (buf, new_len, new_cap)
    }
}

/// gc's `moveSlice`: the slice copied to the heap, same capacity.
///
/// # Safety
/// `old` holds `cap` elements of `et`.
pub unsafe fn move_slice(et: *const Type, old: *const u8, len: i64, cap: i64) -> (*mut u8, i64, i64) {
    if cap == 0 {
        let p = if old.is_null() { core::ptr::null_mut() } else { zerobase() };
        return (p, 0, 0);
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        let capmem = cap as usize * (*et).size;
        let p = mallocgc(capmem, et, true);
        core::ptr::copy_nonoverlapping(old, p, capmem);
        (p, len, cap)
    }
}

/// gc's `moveSliceNoCap`: the slice's elements copied to the heap, the
/// capacity rounded up to a size class.
///
/// # Safety
/// `old` holds `len` elements of `et`.
pub unsafe fn move_slice_no_cap(et: *const Type, old: *const u8, len: i64) -> (*mut u8, i64, i64) {
    if len == 0 {
        let p = if old.is_null() { core::ptr::null_mut() } else { zerobase() };
        return (p, 0, 0);
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        let t = &*et;
        let lenmem = len as usize * t.size;
        let cap = roundupsize(lenmem, false).checked_div(t.size).unwrap_or(len as usize);
        let p = mallocgc(cap * t.size, et, true);
        core::ptr::copy_nonoverlapping(old, p, lenmem);
        (p, len, cap as i64)
    }
}

/// gc's `moveSliceNoScan`: [`move_slice`] for elements without
/// pointers, given their size.
///
/// # Safety
/// `old` holds `cap` elements of `elem_size` bytes.
pub unsafe fn move_slice_no_scan(elem_size: usize, old: *const u8, len: i64, cap: i64) -> (*mut u8, i64, i64) {
    if cap == 0 {
        let p = if old.is_null() { core::ptr::null_mut() } else { zerobase() };
        return (p, 0, 0);
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        let capmem = cap as usize * elem_size;
        let p = mallocgc(capmem, core::ptr::null(), false);
        core::ptr::copy_nonoverlapping(old, p, capmem);
        (p, len, cap)
    }
}

/// gc's `moveSliceNoCapNoScan`: [`move_slice_no_cap`] for elements
/// without pointers (noscan size classes; the rest of the class zeroed).
///
/// # Safety
/// `old` holds `len` elements of `elem_size` bytes.
pub unsafe fn move_slice_no_cap_no_scan(elem_size: usize, old: *const u8, len: i64) -> (*mut u8, i64, i64) {
    if len == 0 {
        let p = if old.is_null() { core::ptr::null_mut() } else { zerobase() };
        return (p, 0, 0);
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        let lenmem = len as usize * elem_size;
        let capmem = roundupsize(lenmem, true);
        let p = mallocgc(capmem, core::ptr::null(), false);
        core::ptr::copy_nonoverlapping(old, p, lenmem);
        if capmem > lenmem {
            core::ptr::write_bytes(p.add(lenmem), 0, capmem - lenmem);
        }
        (p, len, capmem.checked_div(elem_size).map_or(len, |c| c as i64))
    }
}

/// `goxide_rt_makeslice(g, et, len, cap) -> *mut u8`.
///
/// # Safety
/// `et` is a type descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_makeslice(g: *mut G, et: *const Type, len: i64, cap: i64) -> *mut u8 {
    // SAFETY: the caller's guarantee.
    unsafe { makeslice(g, et, len, cap) }
}

/// `goxide_rt_growslice(g, out, oldptr, newlen, oldcap, num, et)`.
///
/// # Safety
/// `out` is writable for 3 words; the rest as [`growslice`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_growslice(g: *mut G, out: *mut [usize; 3], oldptr: *const u8, new_len: i64, old_cap: i64, num: i64, et: *const Type) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let (p, l, c) = growslice(g, oldptr, new_len, old_cap, num, et);
        *out = [p as usize, l as usize, c as usize];
    }
}

/// `goxide_rt_growsliceBuf(g, out, oldptr, newlen, oldcap, num, et, buf, buflen)`.
///
/// # Safety
/// `out` is writable for 3 words; the rest as [`growslice_buf`].
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments, reason = "gc's growsliceBuf signature, flattened")]
pub unsafe extern "C" fn goxide_rt_growsliceBuf(
    g: *mut G,
    out: *mut [usize; 3],
    oldptr: *const u8,
    new_len: i64,
    old_cap: i64,
    num: i64,
    et: *const Type,
    buf: *mut u8,
    buf_len: i64,
) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let (p, l, c) = growslice_buf(g, oldptr, new_len, old_cap, num, et, buf, buf_len);
        *out = [p as usize, l as usize, c as usize];
    }
}

/// `goxide_rt_moveSlice(g, out, et, old, len, cap)`.
///
/// # Safety
/// `out` is writable for 3 words; the rest as [`move_slice`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_moveSlice(_g: *mut G, out: *mut [usize; 3], et: *const Type, old: *const u8, len: i64, cap: i64) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let (p, l, c) = move_slice(et, old, len, cap);
        *out = [p as usize, l as usize, c as usize];
    }
}

/// `goxide_rt_moveSliceNoCap(g, out, et, old, len)`.
///
/// # Safety
/// `out` is writable for 3 words; the rest as [`move_slice_no_cap`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_moveSliceNoCap(_g: *mut G, out: *mut [usize; 3], et: *const Type, old: *const u8, len: i64) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let (p, l, c) = move_slice_no_cap(et, old, len);
        *out = [p as usize, l as usize, c as usize];
    }
}

/// `goxide_rt_moveSliceNoScan(g, out, elemsize, old, len, cap)`.
///
/// # Safety
/// `out` is writable for 3 words; the rest as [`move_slice_no_scan`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_moveSliceNoScan(_g: *mut G, out: *mut [usize; 3], elem_size: usize, old: *const u8, len: i64, cap: i64) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let (p, l, c) = move_slice_no_scan(elem_size, old, len, cap);
        *out = [p as usize, l as usize, c as usize];
    }
}

/// `goxide_rt_moveSliceNoCapNoScan(g, out, elemsize, old, len)`.
///
/// # Safety
/// `out` is writable for 3 words; the rest as [`move_slice_no_cap_no_scan`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_moveSliceNoCapNoScan(_g: *mut G, out: *mut [usize; 3], elem_size: usize, old: *const u8, len: i64) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let (p, l, c) = move_slice_no_cap_no_scan(elem_size, old, len);
        *out = [p as usize, l as usize, c as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::{kind, testdesc::Descs};

    /// `s = append(s, x)` one element at a time from nil: the capacities
    /// seen, as gc's growslice gives them.
    pub(crate) fn append_caps(elem_size: usize, noscan: bool, n: i64) -> alloc::vec::Vec<i64> {
        let mut caps = alloc::vec::Vec::new();
        let (mut len, mut cap) = (0i64, 0i64);
        while len < n {
            if len == cap {
                cap = grown_capacity(elem_size, noscan, len + 1, cap).0;
                caps.push(cap);
            }
            len += 1;
        }
        caps
    }

    #[test]
    fn append_growth_is_gcs() {
        // Worked from slice.go + sizeclasses by hand (the differential test
        // in tests/ checks many more against the reference go).
        assert_eq!(append_caps(8, true, 600), [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848]);
        assert_eq!(append_caps(1, true, 40), [8, 16, 32, 64]);
        assert_eq!(append_caps(24, false, 10), [1, 2, 4, 8, 16]);
        assert_eq!(nextslicecap(5, 2), 5);
        assert_eq!(nextslicecap(257, 256), 512);
    }

    #[test]
    fn growslice_copies_and_zeroes() {
        let mut d = Descs::new();
        let int = d.basic("int", kind::INT, 8);
        let old = [1i64, 2, 3];
        let (p, l, c) = unsafe { growslice(core::ptr::null_mut(), old.as_ptr() as *const u8, 5, 3, 2, int) };
        assert_eq!((l, c), (5, 6));
        let s = unsafe { core::slice::from_raw_parts(p as *const i64, 6) };
        assert_eq!(s, [1, 2, 3, 0, 0, 0]);
        let mut out = [0usize; 3];
        unsafe { goxide_rt_growslice(core::ptr::null_mut(), &mut out, core::ptr::null(), 1, 0, 1, int) };
        assert_eq!((out[1], out[2]), (1, 1));
        let z = d.struct_of("struct {}", &[], None);
        let (p, l, c) = unsafe { growslice(core::ptr::null_mut(), core::ptr::null(), 7, 0, 7, z) };
        assert_eq!((p, l, c), (zerobase(), 7, 7));
        // growsliceBuf: the buffer while it fits, one size class at a time.
        let mut buf = [0xffu8; 32];
        let (p, l, c) = unsafe { growslice_buf(core::ptr::null_mut(), core::ptr::null(), 1, 0, 1, int, buf.as_mut_ptr(), 4) };
        assert_eq!((p, l, c), (buf.as_mut_ptr(), 1, 1));
        let (_, _, c) = unsafe { growslice_buf(core::ptr::null_mut(), buf.as_ptr(), 3, 2, 1, int, buf.as_mut_ptr(), 4) };
        assert_eq!(c, 3); // 24 bytes is a class
        assert_eq!(buf[24..32], [0xff; 8], "not zeroed past the new capacity");
        let (p, l, c) = unsafe { move_slice_no_cap(int, old.as_ptr() as *const u8, 3) };
        assert_eq!((l, c), (3, 3));
        assert_eq!(unsafe { core::slice::from_raw_parts(p as *const i64, 3) }, [1, 2, 3]);
        let five = [1i64, 2, 3, 4, 5];
        let (_, _, c) = unsafe { move_slice_no_cap(int, five.as_ptr() as *const u8, 5) };
        assert_eq!(c, 6, "40 bytes rounds to the 48-byte class");
        // The noscan moves: same capacity, or the length's size class
        // with the rest zeroed (3-byte elements: 5 of them, 15 bytes, in
        // the 16-byte class, capacity 5).
        let bytes: [u8; 32] = core::array::from_fn(|i| i as u8 + 1);
        let (p, l, c) = unsafe { move_slice_no_scan(3, bytes.as_ptr(), 2, 10) };
        assert_eq!((l, c), (2, 10));
        assert_eq!(unsafe { core::slice::from_raw_parts(p, 30) }, &bytes[..30]);
        let (p, l, c) = unsafe { move_slice_no_cap_no_scan(3, bytes.as_ptr(), 5) };
        assert_eq!((l, c), (5, 5));
        assert_eq!(unsafe { core::slice::from_raw_parts(p, 16) }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0]);
        let (p, _, c) = unsafe { move_slice_no_scan(3, bytes.as_ptr(), 0, 0) };
        assert_eq!((p, c), (zerobase(), 0), "a non-nil empty slice moves to zerobase");
        let (p, _, _) = unsafe { move_slice_no_cap_no_scan(3, core::ptr::null(), 0) };
        assert!(p.is_null(), "nil stays nil");
        // growsliceBuf on 3-byte elements with a 10-element buffer (gc's
        // run golden 413): 2, 5, 8, 10 in the buffer, then growslice.
        let b3 = d.basic("[3]uint8", kind::ARRAY, 3);
        let mut buf3 = [0u8; 30];
        let (mut ptr, mut len, mut cap) = (core::ptr::null_mut::<u8>(), 0i64, 0i64);
        let mut caps = alloc::vec::Vec::new();
        for _ in 0..12 {
            if len + 1 > cap {
                (ptr, len, cap) = unsafe { growslice_buf(core::ptr::null_mut(), ptr, len + 1, cap, 1, b3, buf3.as_mut_ptr(), 10) };
            } else {
                len += 1;
            }
            caps.push(cap);
        }
        assert_eq!(caps, [2, 2, 5, 5, 5, 8, 8, 8, 10, 10, 21, 21]);
        assert!(!core::ptr::eq(ptr, buf3.as_mut_ptr()), "beyond the buffer: the heap");
        let m = unsafe { makeslice(core::ptr::null_mut(), int, 2, 10) };
        assert!(unsafe { core::slice::from_raw_parts(m, 80) }.iter().all(|&b| b == 0));
    }
}
