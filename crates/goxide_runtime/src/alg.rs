//! Equality and hashing of Go values by their type descriptors (gc's
//! `runtime/alg.go` `typehash`, `efaceeq`, `ifaceeq`, and the equality
//! the compiler generates per type): the runtime never calls
//! `Type.Equal`; it walks the kinds.
//!
//! Semantics (gc's): integers, pointers, chans, bools compare by bits;
//! floats as IEEE (`+0 == -0`, `NaN != NaN`), complexes part by part;
//! strings by content; interfaces by dynamic type, then by value (an
//! uncomparable dynamic type panics `comparing uncomparable type T` /
//! `hash of unhashable type T`, naming the outermost uncomparable type);
//! arrays element by element; structs field by field, skipping `_`
//! fields. As go1.27's generated `eq` functions do (`reflectdata.eqFunc`
//! walks the type's equality signature in memory order), elements and
//! fields are compared in order and the first difference decides: an
//! uncomparable dynamic type after it is never looked at, one before it
//! panics. (Only which interface comparisons run is observable; gc's
//! deferral of string contents changes nothing else.) Hashes agree
//! with equality (`+0`/`-0` hash alike; NaN hashes randomly, as gc's
//! `f64hash`, so NaN keys never collide into one map entry).
//!
//! # Entry points (C ABI, `g` first)
//! - `goxide_rt_efaceeq(g, t: *Type, x: ptr, y: ptr) -> bool`: two
//!   `interface{}` values already known to have dynamic type `t` (null:
//!   both nil), `x`/`y` their data words (gc's `efaceeq`).
//! - `goxide_rt_ifaceeq(g, tab: *ITab, x, y) -> bool`: the same for
//!   non-empty interfaces with the same itab (gc's `ifaceeq`).
//! - `goxide_rt_typedequal(g, t: *Type, p: ptr, q: ptr) -> bool`: `*p ==
//!   *q` for values of type `t` in memory.
//! - `goxide_rt_typehash(g, t: *Type, p: ptr, seed: usize) -> usize`.
//! - `goxide_rt_memequal(g, a: ptr, b: ptr, n: usize) -> bool`: `n`
//!   bytes equal (gc's `memequal`, for types of regular memory).
//!
//! Invariants: `typedequal(t,p,q)` implies `typehash(t,p,s) ==
//! typehash(t,q,s)`; no allocation; panics only through
//! [`crate::panic::runtime_error_panic`].

use crate::abi::{kind, ArrayType, EmptyInterface, ITab, InterfaceType, NonEmptyInterface, StructType, Type};
use crate::error::RuntimeError;
use crate::goroutine::G;
use crate::panic::runtime_error_panic;

/// Whether values of `t` can be compared with `==` (gc: `t.Equal != nil`).
///
/// # Safety
/// `t` is a descriptor.
pub unsafe fn comparable(t: &Type) -> bool {
    // SAFETY: the caller's guarantee, recursively.
    unsafe {
        match t.kind {
            kind::SLICE | kind::MAP | kind::FUNC => false,
            kind::ARRAY => comparable(&*(*(t as *const Type as *const ArrayType)).elem),
            kind::STRUCT => (*(t as *const Type as *const StructType)).field_slice().iter().all(|f| comparable(&*f.typ)),
            _ => true,
        }
    }
}


/// Where the value of an interface's dynamic type `t` lives, given the
/// interface's data word at `word`.
fn iface_value(t: &Type, word: *const *mut u8) -> *const u8 {
    if t.is_direct_iface() {
        word as *const u8
    } else {
        // SAFETY: word points at an interface's data word.
        unsafe { *word }
    }
}

/// Compares two interface values of interface type `it` stored at `p`, `q`.
///
/// # Safety
/// `p` and `q` hold interface values.
unsafe fn iface_equal(g: *mut G, it: &Type, p: *const u8, q: *const u8) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe {
        let empty = (*(it as *const Type as *const InterfaceType)).methods.len == 0;
        let (tx, ty) = (*(p as *const *const u8), *(q as *const *const u8));
        if tx != ty {
            return false;
        }
        if tx.is_null() {
            return true;
        }
        let dyn_t = if empty { tx as *const Type } else { (*(tx as *const ITab)).typ };
        let dx = &(*(p as *const EmptyInterface)).data as *const *mut u8;
        let dy = &(*(q as *const EmptyInterface)).data as *const *mut u8;
        dyn_equal(g, dyn_t, dx, dy)
    }
}

/// gc's `efaceeq` on the data words at `dx`, `dy` for dynamic type `t`.
///
/// # Safety
/// `t` is null or a descriptor; `dx`, `dy` point at data words.
unsafe fn dyn_equal(g: *mut G, t: *const Type, dx: *const *mut u8, dy: *const *mut u8) -> bool {
    if t.is_null() {
        return true;
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        let t = &*t;
        if !comparable(t) {
            runtime_error_panic(g, RuntimeError::WithType(b"comparing uncomparable type ", t));
        }
        if t.is_direct_iface() {
            return *dx == *dy;
        }
        typedequal(g, t, iface_value(t, dx), iface_value(t, dy))
    }
}

/// `*p == *q` for values of type `t`.
///
/// # Safety
/// `p` and `q` point at values of type `t`.
pub unsafe fn typedequal(g: *mut G, t: &Type, p: *const u8, q: *const u8) -> bool {
    // SAFETY: the caller's guarantee, recursively by the descriptors.
    unsafe {
        match t.kind {
            kind::FLOAT32 => *(p as *const f32) == *(q as *const f32),
            kind::FLOAT64 => *(p as *const f64) == *(q as *const f64),
            kind::COMPLEX64 => {
                let (a, b) = (p as *const f32, q as *const f32);
                *a == *b && *a.add(1) == *b.add(1)
            }
            kind::COMPLEX128 => {
                let (a, b) = (p as *const f64, q as *const f64);
                *a == *b && *a.add(1) == *b.add(1)
            }
            kind::STRING => {
                let (a, b) = (go_string(p), go_string(q));
                a.len() == b.len() && mem_equal(a.as_ptr(), b.as_ptr(), a.len())
            }
            kind::INTERFACE => iface_equal(g, t, p, q),
            kind::ARRAY => {
                let at = &*(t as *const Type as *const ArrayType);
                let e = &*at.elem;
                (0..at.len).all(|i| typedequal(g, e, p.add(i * e.size), q.add(i * e.size)))
            }
            kind::STRUCT => {
                let fields = (*(t as *const Type as *const StructType)).field_slice();
                fields.iter().filter(|f| !f.name.is_blank()).all(|f| typedequal(g, &*f.typ, p.add(f.offset), q.add(f.offset)))
            }
            kind::SLICE | kind::MAP | kind::FUNC => runtime_error_panic(g, RuntimeError::WithType(b"comparing uncomparable type ", t)),
            _ => mem_equal(p, q, t.size),
        }
    }
}

/// Whether `n` bytes at `p` and at `q` are equal, compared a word at a
/// time (gc's `memequal`; musl's `memcmp`, which a slice comparison
/// would call, goes a byte at a time, and map lookups of `int` and
/// `string` keys spend their time here).
///
/// # Safety
/// `p` and `q` are valid for `n` bytes (any alignment).
#[inline]
unsafe fn mem_equal(p: *const u8, q: *const u8, n: usize) -> bool {
    // SAFETY: every read is within the `n` bytes the caller vouches for.
    unsafe {
        let mut i = 0;
        while i + 8 <= n {
            if (p.add(i) as *const u64).read_unaligned() != (q.add(i) as *const u64).read_unaligned() {
                return false;
            }
            i += 8;
        }
        if i + 4 <= n {
            if (p.add(i) as *const u32).read_unaligned() != (q.add(i) as *const u32).read_unaligned() {
                return false;
            }
            i += 4;
        }
        while i < n {
            if *p.add(i) != *q.add(i) {
                return false;
            }
            i += 1;
        }
        true
    }
}

/// # Safety
/// `p` is valid for `n` bytes.
unsafe fn bytes<'a>(p: *const u8, n: usize) -> &'a [u8] {
    if n == 0 {
        &[]
    } else {
        // SAFETY: the caller's guarantee.
        unsafe { core::slice::from_raw_parts(p, n) }
    }
}

/// The bytes of the Go string whose header is at `p`.
///
/// # Safety
/// `p` points at a string header.
unsafe fn go_string<'a>(p: *const u8) -> &'a [u8] {
    // SAFETY: the caller's guarantee.
    unsafe {
        let (ptr, len) = *(p as *const (*const u8, isize));
        if len <= 0 || ptr.is_null() { &[] } else { core::slice::from_raw_parts(ptr, len as usize) }
    }
}

// ---- hashing ----

const M0: u64 = 0xa0761d6478bd642f;
const M1: u64 = 0xe7037ed1a0b428db;
const M5: u64 = 0x1d8e4e27c47d124f;

fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r >> 64) as u64 ^ r as u64
}

/// gc's `memhash` (its wyhash-based fallback shape): `n` bytes at `p`.
pub fn memhash(b: &[u8], seed: usize) -> usize {
    let mut h = seed as u64 ^ M0;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h ^ u64::from_le_bytes(w), M1);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h ^ u64::from_le_bytes(w) ^ M5, M1);
    }
    mix(h ^ b.len() as u64, M5) as usize
}

fn f64hash(f: f64, seed: usize) -> usize {
    if f == 0.0 {
        memhash(&0u64.to_ne_bytes(), seed) // +0 and -0
    } else if f.is_nan() {
        // gc: NaN != NaN, so a random hash.
        (seed as u64 ^ crate::rand::cheaprand64()) as usize
    } else {
        memhash(&f.to_bits().to_ne_bytes(), seed)
    }
}

fn f32hash(f: f32, seed: usize) -> usize {
    if f == 0.0 {
        memhash(&0u32.to_ne_bytes(), seed)
    } else if f.is_nan() {
        (seed as u64 ^ crate::rand::cheaprand64()) as usize
    } else {
        memhash(&f.to_bits().to_ne_bytes(), seed)
    }
}

/// gc's `typehash`: the hash of the value of type `t` at `p`.
///
/// # Safety
/// `p` points at a value of type `t`.
pub unsafe fn typehash(g: *mut G, t: &Type, p: *const u8, seed: usize) -> usize {
    // SAFETY: the caller's guarantee, recursively by the descriptors.
    unsafe {
        match t.kind {
            kind::FLOAT32 => f32hash(*(p as *const f32), seed),
            kind::FLOAT64 => f64hash(*(p as *const f64), seed),
            kind::COMPLEX64 => f32hash(*(p as *const f32).add(1), f32hash(*(p as *const f32), seed)),
            kind::COMPLEX128 => f64hash(*(p as *const f64).add(1), f64hash(*(p as *const f64), seed)),
            kind::STRING => memhash(go_string(p), seed),
            kind::INTERFACE => {
                let empty = (*(t as *const Type as *const InterfaceType)).methods.len == 0;
                let tw = *(p as *const *const u8);
                if tw.is_null() {
                    return seed;
                }
                let dt = if empty { &*(tw as *const Type) } else { &*(*(tw as *const ITab)).typ };
                if !comparable(dt) {
                    runtime_error_panic(g, RuntimeError::WithType(b"hash of unhashable type ", dt));
                }
                let word = &(*(p as *const NonEmptyInterface)).data as *const *mut u8;
                // gc: c1 * typehash(t, data, h ^ c0), trimmed.
                mix(typehash(g, dt, iface_value(dt, word), seed ^ M0 as usize) as u64, M1) as usize
            }
            kind::ARRAY => {
                let at = &*(t as *const Type as *const ArrayType);
                let e = &*at.elem;
                (0..at.len).fold(seed, |h, i| typehash(g, e, p.add(i * e.size), h))
            }
            kind::STRUCT => {
                let fields = (*(t as *const Type as *const StructType)).field_slice();
                fields.iter().filter(|f| !f.name.is_blank()).fold(seed, |h, f| typehash(g, &*f.typ, p.add(f.offset), h))
            }
            kind::SLICE | kind::MAP | kind::FUNC => runtime_error_panic(g, RuntimeError::WithType(b"hash of unhashable type ", t)),
            _ => memhash(bytes(p, t.size), seed),
        }
    }
}

/// `goxide_rt_efaceeq(g, t, x, y) -> bool`.
///
/// # Safety
/// `t` is null or the dynamic type of both interface values whose data
/// words are `x` and `y`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_efaceeq(g: *mut G, t: *const Type, x: *mut u8, y: *mut u8) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe { dyn_equal(g, t, &x, &y) }
}

/// `goxide_rt_ifaceeq(g, tab, x, y) -> bool`.
///
/// # Safety
/// `tab` is null or the itab of both interface values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_ifaceeq(g: *mut G, tab: *const ITab, x: *mut u8, y: *mut u8) -> bool {
    if tab.is_null() {
        return true;
    }
    // SAFETY: the caller's guarantee.
    unsafe { dyn_equal(g, (*tab).typ, &x, &y) }
}

/// `goxide_rt_typedequal(g, t, p, q) -> bool`.
///
/// # Safety
/// `p` and `q` point at values of type `t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_typedequal(g: *mut G, t: *const Type, p: *const u8, q: *const u8) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe { typedequal(g, &*t, p, q) }
}

/// `goxide_rt_typehash(g, t, p, seed) -> usize`.
///
/// # Safety
/// `p` points at a value of type `t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_typehash(g: *mut G, t: *const Type, p: *const u8, seed: usize) -> usize {
    // SAFETY: the caller's guarantee.
    unsafe { typehash(g, &*t, p, seed) }
}

/// `goxide_rt_memequal(g, a, b, n) -> bool`.
///
/// # Safety
/// `a` and `b` are valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_memequal(_g: *mut G, a: *const u8, b: *const u8, n: usize) -> bool {
    // SAFETY: the caller's guarantee.
    core::ptr::eq(a, b) || unsafe { mem_equal(a, b, n) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::testdesc::Descs;
    use core::ptr::null_mut;

    fn p<T>(v: &T) -> *const u8 {
        v as *const T as *const u8
    }

    #[test]
    fn mem_equal_finds_a_difference_at_every_position_and_length() {
        let a: alloc::vec::Vec<u8> = (0..40u8).collect();
        for n in 0..=33 {
            for off in 0..3 {
                let mut b = a.clone();
                // SAFETY: both slices hold at least off + n bytes.
                unsafe { assert!(mem_equal(a.as_ptr().add(off), b.as_ptr().add(off), n)) };
                for k in 0..n {
                    b[off + k] ^= 0x40;
                    // SAFETY: as above.
                    unsafe { assert!(!mem_equal(a.as_ptr().add(off), b.as_ptr().add(off), n), "n={n} off={off} k={k}") };
                    b[off + k] ^= 0x40;
                }
            }
        }
    }

    #[test]
    fn memequal_compares_bytes() {
        let (a, b, c) = ([1u8, 2, 3], [1u8, 2, 3], [1u8, 2, 4]);
        unsafe {
            assert!(goxide_rt_memequal(null_mut(), a.as_ptr(), b.as_ptr(), 3));
            assert!(!goxide_rt_memequal(null_mut(), a.as_ptr(), c.as_ptr(), 3));
            assert!(goxide_rt_memequal(null_mut(), a.as_ptr(), c.as_ptr(), 2));
            assert!(goxide_rt_memequal(null_mut(), core::ptr::null(), core::ptr::null(), 0));
        }
    }

    #[test]
    fn floats_compare_and_hash_as_ieee() {
        let mut d = Descs::new();
        let f = unsafe { &*d.basic("float64", kind::FLOAT64, 8) };
        let g = null_mut();
        unsafe {
            assert!(typedequal(g, f, p(&0.0f64), p(&-0.0f64)));
            assert_eq!(typehash(g, f, p(&0.0f64), 7), typehash(g, f, p(&-0.0f64), 7));
            assert!(!typedequal(g, f, p(&f64::NAN), p(&f64::NAN)));
            assert_ne!(typehash(g, f, p(&f64::NAN), 7), typehash(g, f, p(&f64::NAN), 7));
            assert!(!typedequal(g, f, p(&1.0f64), p(&2.0f64)));
            let c = &*d.basic("complex128", kind::COMPLEX128, 16);
            assert!(typedequal(g, c, p(&[1.0f64, -0.0]), p(&[1.0f64, 0.0])));
            assert!(!typedequal(g, c, p(&[1.0f64, 1.0]), p(&[1.0f64, 0.0])));
        }
    }

    #[test]
    fn strings_structs_arrays_by_content() {
        let mut d = Descs::new();
        let g = null_mut();
        let s = d.basic("string", kind::STRING, 16);
        let int = d.basic("int", kind::INT, 8);
        let st = unsafe { &*d.struct_of("struct { a int; _ int; s string }", &[("a", int), ("_", int), ("s", s)], None) };
        let a = (1i64, 99i64, (b"xy".as_ptr(), 2isize));
        let xy = alloc::vec![b'x', b'y'];
        let b = (1i64, -5i64, (xy.as_ptr(), 2isize));
        let c = (1i64, 99i64, (b"xz".as_ptr(), 2isize));
        unsafe {
            assert!(typedequal(g, st, p(&a), p(&b)), "the blank field is skipped");
            assert_eq!(typehash(g, st, p(&a), 1), typehash(g, st, p(&b), 1));
            assert!(!typedequal(g, st, p(&a), p(&c)));
            let arr = &*d.array_of(s, 2);
            let x = [(b"a".as_ptr(), 1isize), (b"b".as_ptr(), 1)];
            let y = [(b"a".as_ptr(), 1isize), (b"c".as_ptr(), 1)];
            assert!(typedequal(g, arr, p(&x), p(&x)));
            assert!(!typedequal(g, arr, p(&x), p(&y)));
            assert_ne!(typehash(g, arr, p(&x), 3), typehash(g, arr, p(&y), 3));
        }
    }

    #[test]
    fn interfaces_compare_by_dynamic_type_and_value() {
        let mut d = Descs::new();
        let g = null_mut();
        let int = d.basic("int", kind::INT, 8);
        let i64t = d.basic("int64", kind::INT64, 8);
        let eface = unsafe { &*(d.interface_of("interface {}", "", &[]) as *const Type) };
        let (one, one_b, two) = (1i64, 1i64, 2i64);
        let e = |t: *const Type, v: &i64| EmptyInterface { typ: t, data: v as *const i64 as *mut u8 };
        unsafe {
            assert!(typedequal(g, eface, p(&e(int, &one)), p(&e(int, &one_b))));
            assert!(!typedequal(g, eface, p(&e(int, &one)), p(&e(i64t, &one))));
            assert!(!typedequal(g, eface, p(&e(int, &one)), p(&e(int, &two))));
            let nil = EmptyInterface { typ: core::ptr::null(), data: null_mut() };
            assert!(typedequal(g, eface, p(&nil), p(&nil)));
            assert_eq!(typehash(g, eface, p(&e(int, &one)), 5), typehash(g, eface, p(&e(int, &one_b)), 5));
            assert!(goxide_rt_efaceeq(g, int, &one as *const i64 as *mut u8, &one_b as *const i64 as *mut u8));
            // A direct-interface type compares its data words.
            let pt = d.ptr_to(int);
            assert!(!goxide_rt_efaceeq(g, pt, 8 as *mut u8, 16 as *mut u8));
            assert!(goxide_rt_efaceeq(g, pt, 8 as *mut u8, 8 as *mut u8));
            assert!(goxide_rt_efaceeq(g, core::ptr::null(), null_mut(), null_mut()));
            // A struct with an interface field: cheap fields decide first.
            let st = &*d.struct_of("struct { a int; b interface {} }", &[("a", int), ("b", eface)], None);
            let sl = d.slice_of(int);
            let x = (1i64, EmptyInterface { typ: sl, data: null_mut() });
            let y = (2i64, EmptyInterface { typ: sl, data: null_mut() });
            assert!(!typedequal(g, st, p(&x), p(&y)), "no uncomparable panic: a differs");
            assert!(comparable(st));
            let bad = &*d.struct_of("main.U", &[("f", sl)], Some(("main", &[])));
            assert!(!comparable(bad));
        }
    }
}
