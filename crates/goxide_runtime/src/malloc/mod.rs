//! The Go heap's allocator (gc's `runtime/malloc.go`, simplified): size
//! classes ([`sizeclasses`], gc's exact table), spans carved from
//! OS-mapped arenas ([`heap`]), and the entry points compiled code calls
//! to allocate, copy and clear memory.
//!
//! What is simplified: no per-P caches (one lock, the heap's); no tiny
//! allocator (gc packs small pointer-free objects into 16-byte blocks:
//! invisible to programs); no malloc headers (gc stores a type pointer in
//! pointerful objects above 512 bytes — [`sizeclasses::roundupsize`]
//! still accounts for it, so `append` capacities match gc's); **no
//! garbage collection yet** — objects are never freed, and spans keep
//! their size class and scan/noscan class so the coming mark-sweep
//! collector can find object starts and read the types' `GCData`.
//!
//! # Entry points (C ABI, `g` first)
//! - `goxide_rt_newobject(g, typ: *const abi.Type) -> *mut u8`: a zeroed
//!   object of `typ.Size_` bytes (gc's `newobject`, for `new(T)` and
//!   escaping variables).
//! - `goxide_rt_mallocgc(g, size: usize, typ: *const abi.Type (may be
//!   null: no pointers), needzero: bool (I8)) -> *mut u8` (gc's
//!   `mallocgc`). Today every object is zeroed whatever `needzero` says
//!   (memory is fresh from the OS); callers must not rely on that.
//! - `goxide_rt_memmove(g, dst, src, n: usize)`: overlapping copy.
//! - `goxide_rt_memclr(g, p, n: usize)`: zeroes `n` bytes (gc's
//!   `memclrNoHeapPointers`).
//!
//! A size-0 request returns the address of one static zero-size object
//! (gc's `zerobase`). Running out of memory is gc's `fatal error:
//! runtime: out of memory`, exit status 2.
//!
//! Invariants: every object is at least 8-aligned, and aligned to its
//! size class's largest power-of-two divisor as gc's are; large objects
//! (> 32 KiB) are page-aligned; the returned memory is zero unless
//! `needzero` was false.

pub mod heap;
pub mod sizeclasses;

use crate::abi::Type;
use crate::goroutine::G;
use sizeclasses::{size_to_class, MAX_SMALL_SIZE};

/// gc's `zerobase`: the address of every zero-size object.
static mut ZEROBASE: u64 = 0;

/// The address zero-size allocations return.
pub fn zerobase() -> *mut u8 {
    core::ptr::addr_of_mut!(ZEROBASE) as *mut u8
}

/// gc's `mallocgc`: `size` bytes for an object of type `typ` (null: no
/// pointers), zeroed when `needzero`.
///
/// # Safety
/// `typ` is null or a type descriptor.
pub unsafe fn mallocgc(size: usize, typ: *const Type, needzero: bool) -> *mut u8 {
    if size == 0 {
        return zerobase();
    }
    // SAFETY: a non-null typ is a descriptor from compiled code.
    let noscan = typ.is_null() || unsafe { !(*typ).pointers() };
    let got = {
        let mut h = heap::HEAP.lock();
        if size <= MAX_SMALL_SIZE {
            h.alloc_small(size_to_class(size), noscan)
        } else {
            h.alloc_large(size, noscan)
        }
    };
    let Some((p, dirty)) = got else {
        crate::panic::throw(b"runtime: out of memory");
    };
    if needzero && dirty {
        // SAFETY: [p, p+size) is the object just handed out.
        unsafe { core::ptr::write_bytes(p as *mut u8, 0, size) };
    }
    p as *mut u8
}

/// `mallocgc` for memory without pointers.
pub fn mallocgc_noscan(size: usize, needzero: bool) -> *mut u8 {
    // SAFETY: a null type is always allowed.
    unsafe { mallocgc(size, core::ptr::null(), needzero) }
}

/// `mallocgc` for `size` bytes of values of type `typ` (one, or an array).
pub fn mallocgc_typed(size: usize, typ: &Type, needzero: bool) -> *mut u8 {
    // SAFETY: a reference is a live descriptor.
    unsafe { mallocgc(size, typ, needzero) }
}

/// `goxide_rt_newobject(g, typ) -> *mut u8` (gc's `newobject`).
///
/// # Safety
/// `typ` is a type descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_newobject(_g: *mut G, typ: *const Type) -> *mut u8 {
    // SAFETY: the caller's guarantee.
    unsafe { mallocgc((*typ).size, typ, true) }
}

/// `goxide_rt_mallocgc(g, size, typ, needzero) -> *mut u8`.
#[unsafe(no_mangle)]
///
/// # Safety
/// `typ` is null or a type descriptor.
pub unsafe extern "C" fn goxide_rt_mallocgc(_g: *mut G, size: usize, typ: *const Type, needzero: bool) -> *mut u8 {
    // SAFETY: the caller's guarantee.
    unsafe { mallocgc(size, typ, needzero) }
}

/// `goxide_rt_memmove(g, dst, src, n)` (gc's `memmove`): the regions may
/// overlap.
///
/// # Safety
/// Both regions are valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_memmove(_g: *mut G, dst: *mut u8, src: *const u8, n: usize) {
    if n != 0 {
        // SAFETY: the caller's guarantee.
        unsafe { core::ptr::copy(src, dst, n) };
    }
}

/// `goxide_rt_memclr(g, p, n)` (gc's `memclrNoHeapPointers`).
///
/// # Safety
/// `p` is valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_memclr(_g: *mut G, p: *mut u8, n: usize) {
    if n != 0 {
        // SAFETY: the caller's guarantee.
        unsafe { core::ptr::write_bytes(p, 0, n) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::{kind, testdesc::Descs};

    #[test]
    fn objects_are_zeroed_distinct_and_aligned() {
        let mut d = Descs::new();
        let int = d.basic("int", kind::INT, 8);
        let p = unsafe { goxide_rt_newobject(core::ptr::null_mut(), int) };
        let q = unsafe { goxide_rt_newobject(core::ptr::null_mut(), int) };
        assert_ne!(p, q);
        assert_eq!(p as usize % 8, 0);
        unsafe {
            assert_eq!(*(p as *const u64), 0);
            *(p as *mut u64) = 7;
            assert_eq!(*(q as *const u64), 0);
        }
        let big = unsafe { mallocgc(100_000, core::ptr::null(), true) };
        assert_eq!(big as usize % sizeclasses::PAGE_SIZE, 0);
        let s = unsafe { core::slice::from_raw_parts(big, 100_000) };
        assert!(s.iter().all(|&b| b == 0));
        assert_eq!(unsafe { mallocgc(0, int, true) }, zerobase());
        // A 48-byte class object is 16-aligned (gc's classes keep that).
        assert_eq!(unsafe { mallocgc(33, core::ptr::null(), true) } as usize % 16, 0);
    }

    #[test]
    fn memmove_overlaps_and_memclr_clears() {
        let mut b = *b"abcdef";
        unsafe {
            goxide_rt_memmove(core::ptr::null_mut(), b.as_mut_ptr().add(1), b.as_ptr(), 4);
            assert_eq!(&b, b"aabcdf");
            goxide_rt_memclr(core::ptr::null_mut(), b.as_mut_ptr(), 2);
            assert_eq!(&b, b"\0\0bcdf");
        }
    }
}
