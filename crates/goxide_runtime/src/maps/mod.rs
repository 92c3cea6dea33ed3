//! Go maps (gc's `internal/runtime/maps` and `runtime/map.go`, simplified):
//! one open-addressing table per map ([`table`]) keyed through the
//! kind-walking [`crate::alg::typehash`]/[`crate::alg::typedequal`],
//! grown by doubling into a new table at 7/8 load, with gc's observable
//! behaviour: iteration starts at a random slot ([`iter`]); a NaN key is
//! never found, so each insert of one adds an entry; entries deleted
//! during `range` are not produced later; entries added during `range`
//! may or may not be; `clear(m)` empties in place and re-seeds the hash;
//! a nil map reads as empty, and writing to it panics `assignment to
//! entry in nil map`; hashing an unhashable dynamic key type panics
//! `runtime error: hash of unhashable type T`, and a lookup or delete of
//! such a key in a nil or empty map, which hashes nothing, panics `hash of
//! unhashable type: T` instead (gc's `mapKeyError`).
//!
//! # The map header (what compiled code may read)
//! A map value is a `*Map`; **`len(m)` is the first word** (`count`,
//! `i64`) for a non-nil map — compiled code reads it directly after a
//! nil check (a nil map has length 0). The rest is the runtime's.
//!
//! # Entry points (C ABI, `g` first; `t: *const abi.MapType`, keys and
//! elems passed by pointer)
//! - `goxide_rt_makemap(g, t, hint: i64) -> *mut Map` (a negative or
//!   absurd hint is 0, as gc).
//! - `goxide_rt_mapaccess1(g, t, m, key) -> *const u8`: the elem, or a
//!   pointer to a zero value (read-only) when absent.
//! - `goxide_rt_mapaccess2(g, t, m, key) -> MapAccess2 {elem, ok: u64 (0
//!   or 1)}`: 2 words, in registers.
//! - `goxide_rt_mapassign(g, t, m, key) -> *mut u8`: the elem slot to
//!   store into (zeroed when the key is new; the key is stored, or
//!   overwritten when present, as gc's `NeedKeyUpdate` keys are).
//! - `goxide_rt_mapdelete(g, t, m, key)`.
//! - `goxide_rt_mapclear(g, t, m)`.
//! - `goxide_rt_mapiterinit(g, t, m, it: *mut MapIter)` and
//!   `goxide_rt_mapiternext(g, it)`: see [`iter`]; the iterator is
//!   [`iter::MAP_ITER_WORDS`] (16) words the caller provides (on its stack),
//!   its first two words the current key and elem pointers (key null:
//!   done).
//!
//! Invariants: `count` is the number of entries; all storage is in the
//! Go heap (`mallocgc`: the key and elem arrays typed as arrays of the
//! key and elem types; the `Map` and `Table` records untyped — the
//! collector will need their pointer layout, written down here: `Map.tab`,
//! `Table.ctrl`, `Table.keys`, `Table.elems`); nothing is freed;
//! pointers returned by access/assign stay valid until the next write to
//! the map.

pub mod iter;
pub mod table;

use crate::abi::{kind, ArrayType, ITab, InterfaceType, MapType, NonEmptyInterface, StructType, Type};
use crate::alg::{comparable, typehash};
use crate::error::RuntimeError;
use crate::goroutine::G;
use crate::malloc::{mallocgc_noscan, mallocgc_typed};
use crate::malloc::sizeclasses::MAX_ALLOC;
use crate::panic::runtime_error_panic;
use table::{Table, MIN_CAP};

/// A map. `count` first: compiled code reads `len(m)` there.
#[repr(C)]
pub struct Map {
    pub count: i64,
    pub seed: usize,
    pub tab: *mut Table,
}

/// `mapaccess2`'s result.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapAccess2 {
    pub elem: *const u8,
    pub ok: u64,
}

/// gc's `abi.ZeroValSize`: the shared zero value of `mapaccess1`.
const ZERO_VAL_SIZE: usize = 1024;
/// Aligned for any Go type (the largest alignment is 8).
#[repr(C, align(16))]
struct ZeroVal([u8; ZERO_VAL_SIZE]);
static ZERO_VAL: ZeroVal = ZeroVal([0; ZERO_VAL_SIZE]);

fn zero_value(t: &MapType) -> *const u8 {
    // SAFETY: a descriptor.
    let size = unsafe { (*t.elem).size };
    if size <= ZERO_VAL_SIZE {
        ZERO_VAL.0.as_ptr()
    } else {
        // SAFETY: a map type's elem is a descriptor.
        mallocgc_typed(size, unsafe { &*t.elem }, true)
    }
}

/// gc's `mapKeyError` on a nil or empty map: a key holding an interface
/// whose dynamic type is uncomparable panics `hash of unhashable type: T`
/// ([`RuntimeError::UnhashableKey`]) though nothing is hashed.
///
/// # Safety
/// `key` points at a key of `t`'s key type.
unsafe fn check_key(g: *mut G, t: &MapType, key: *const u8) {
    // SAFETY: the caller's guarantee.
    if let Some(bad) = unsafe { unhashable_in(&*t.key, key) } {
        runtime_error_panic(g, RuntimeError::UnhashableKey(bad));
    }
}

/// gc's `mapKeyError2`: the first uncomparable dynamic type held by the
/// value of type `t` at `p` (interfaces, array elements, non-blank struct
/// fields, in order), if any.
///
/// # Safety
/// `t` is a descriptor and `p` points at a value of it.
unsafe fn unhashable_in(t: &Type, p: *const u8) -> Option<*const Type> {
    // SAFETY: the caller's guarantee, recursively by the descriptors.
    unsafe {
        match t.kind {
            kind::INTERFACE => {
                let tw = *(p as *const *const u8);
                if tw.is_null() {
                    return None;
                }
                let empty = (*(t as *const Type as *const InterfaceType)).methods.len == 0;
                let dt = if empty { tw as *const Type } else { (*(tw as *const ITab)).typ };
                if !comparable(&*dt) {
                    return Some(dt);
                }
                let word = &(*(p as *const NonEmptyInterface)).data as *const *mut u8;
                let data = if (*dt).is_direct_iface() { word as *const u8 } else { *word as *const u8 };
                unhashable_in(&*dt, data)
            }
            kind::ARRAY => {
                let at = &*(t as *const Type as *const ArrayType);
                let e = &*at.elem;
                (0..at.len).find_map(|i| unhashable_in(e, p.add(i * e.size)))
            }
            kind::STRUCT => {
                let fields = (*(t as *const Type as *const StructType)).field_slice();
                fields.iter().filter(|f| !f.name.is_blank()).find_map(|f| unhashable_in(&*f.typ, p.add(f.offset)))
            }
            // gc's default case (never a key's own kind).
            kind::SLICE | kind::MAP | kind::FUNC => Some(t),
            _ => None,
        }
    }
}

/// The table capacity for `hint` entries at 7/8 load.
fn cap_for(hint: usize) -> usize {
    let want = hint.saturating_mul(8) / 7 + 1;
    want.max(MIN_CAP).checked_next_power_of_two().unwrap_or(MIN_CAP)
}

/// gc's `makemap`.
pub fn makemap(t: &MapType, hint: i64) -> *mut Map {
    // SAFETY: descriptors.
    let (ks, es) = unsafe { ((*t.key).size, (*t.elem).size) };
    let mut hint = hint.max(0) as usize;
    if hint.saturating_mul(ks.max(es).max(1)) > MAX_ALLOC {
        hint = 0; // gc returns an empty map for hints it cannot honour
    }
    let m = mallocgc_noscan(core::mem::size_of::<Map>(), true) as *mut Map;
    // SAFETY: m is a fresh Map-sized object.
    unsafe {
        *m = Map { count: 0, seed: crate::rand::cheaprand64() as usize, tab: Table::new(t, cap_for(hint)) };
    }
    m
}

/// The slot of `key` in `m`, or None.
///
/// # Safety
/// `m` is a live non-nil map of type `t`; `key` a key.
unsafe fn lookup(g: *mut G, t: &MapType, m: &Map, key: *const u8) -> Option<usize> {
    // SAFETY: the caller's guarantee.
    unsafe {
        let h = typehash(g, &*t.key, key, m.seed);
        (*m.tab).find(g, t, key, h)
    }
}

/// gc's `mapaccess2`.
///
/// # Safety
/// `m` null or a map of type `t`; `key` a key.
pub unsafe fn mapaccess2(g: *mut G, t: &MapType, m: *const Map, key: *const u8) -> MapAccess2 {
    // SAFETY: the caller's guarantee.
    unsafe {
        if m.is_null() || (*m).count == 0 {
            check_key(g, t, key);
            return MapAccess2 { elem: zero_value(t), ok: 0 };
        }
        match lookup(g, t, &*m, key) {
            Some(i) => MapAccess2 { elem: (*(*m).tab).elem(t, i), ok: 1 },
            None => MapAccess2 { elem: zero_value(t), ok: 0 },
        }
    }
}

/// gc's `mapassign`.
///
/// # Safety
/// `m` null or a map of type `t`; `key` a key.
pub unsafe fn mapassign(g: *mut G, t: &MapType, m: *mut Map, key: *const u8) -> *mut u8 {
    if m.is_null() {
        runtime_error_panic(g, RuntimeError::Unprefixed(b"assignment to entry in nil map"));
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        let m = &mut *m;
        let ks = (*t.key).size;
        let h = typehash(g, &*t.key, key, m.seed);
        if let Some(i) = (*m.tab).find(g, t, key, h) {
            // gc's NeedKeyUpdate: +0 replaces -0, a new string's bytes.
            core::ptr::copy(key, (*m.tab).key(t, i), ks);
            return (*m.tab).elem(t, i);
        }
        if (*m.tab).full() {
            let old = &*m.tab;
            let cap = if (old.used + 1) * 2 > old.cap { old.cap * 2 } else { old.cap };
            let new = Table::new(t, cap);
            table::move_entries(g, t, old, &mut *new, m.seed);
            m.tab = new;
        }
        let tab = &mut *m.tab;
        let i = tab.claim(h);
        core::ptr::copy_nonoverlapping(key, tab.key(t, i), ks);
        m.count += 1;
        tab.elem(t, i)
    }
}

/// gc's `mapdelete`.
///
/// # Safety
/// `m` null or a map of type `t`; `key` a key.
pub unsafe fn mapdelete(g: *mut G, t: &MapType, m: *mut Map, key: *const u8) {
    // SAFETY: the caller's guarantee.
    unsafe {
        if m.is_null() || (*m).count == 0 {
            check_key(g, t, key);
            return;
        }
        let m = &mut *m;
        if let Some(i) = lookup(g, t, m, key) {
            (*m.tab).remove(t, i);
            m.count -= 1;
        }
    }
}

/// gc's `mapclear` (`clear(m)`).
///
/// # Safety
/// `m` null or a map of type `t`.
pub unsafe fn mapclear(t: &MapType, m: *mut Map) {
    if m.is_null() {
        return;
    }
    // SAFETY: the caller's guarantee.
    unsafe {
        let m = &mut *m;
        (*m.tab).clear(t);
        m.count = 0;
        m.seed = crate::rand::cheaprand64() as usize;
    }
}

/// `goxide_rt_makemap(g, t, hint) -> *mut Map`.
///
/// # Safety
/// `t` is a map type descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_makemap(_g: *mut G, t: *const MapType, hint: i64) -> *mut Map {
    // SAFETY: the caller's guarantee.
    makemap(unsafe { &*t }, hint)
}

/// `goxide_rt_mapaccess1(g, t, m, key) -> *const u8`.
///
/// # Safety
/// As [`mapaccess2`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_mapaccess1(g: *mut G, t: *const MapType, m: *const Map, key: *const u8) -> *const u8 {
    // SAFETY: the caller's guarantee.
    unsafe { mapaccess2(g, &*t, m, key).elem }
}

/// `goxide_rt_mapaccess2(g, t, m, key) -> MapAccess2`.
///
/// # Safety
/// As [`mapaccess2`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_mapaccess2(g: *mut G, t: *const MapType, m: *const Map, key: *const u8) -> MapAccess2 {
    // SAFETY: the caller's guarantee.
    unsafe { mapaccess2(g, &*t, m, key) }
}

/// `goxide_rt_mapassign(g, t, m, key) -> *mut u8`.
///
/// # Safety
/// As [`mapassign`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_mapassign(g: *mut G, t: *const MapType, m: *mut Map, key: *const u8) -> *mut u8 {
    // SAFETY: the caller's guarantee.
    unsafe { mapassign(g, &*t, m, key) }
}

/// `goxide_rt_mapdelete(g, t, m, key)`.
///
/// # Safety
/// As [`mapdelete`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_mapdelete(g: *mut G, t: *const MapType, m: *mut Map, key: *const u8) {
    // SAFETY: the caller's guarantee.
    unsafe { mapdelete(g, &*t, m, key) }
}

/// `goxide_rt_mapclear(g, t, m)`.
///
/// # Safety
/// As [`mapclear`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_mapclear(_g: *mut G, t: *const MapType, m: *mut Map) {
    // SAFETY: the caller's guarantee.
    unsafe { mapclear(&*t, m) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::testdesc::Descs;
    use crate::abi::EmptyInterface;
    use core::ptr::null_mut;

    fn p<T>(v: &T) -> *const u8 {
        v as *const T as *const u8
    }

    #[test]
    fn insert_find_update_delete_many() {
        let mut d = Descs::new();
        let int = d.basic("int", kind::INT, 8);
        let mt = unsafe { &*d.map_type("map[int]int", int, int) };
        let g = null_mut();
        let m = makemap(mt, 0);
        unsafe {
            for k in 0..5000i64 {
                *(mapassign(g, mt, m, p(&k)) as *mut i64) = k * 10;
            }
            assert_eq!((*m).count, 5000);
            for k in 0..5000i64 {
                let r = mapaccess2(g, mt, m, p(&k));
                assert_eq!((r.ok, *(r.elem as *const i64)), (1, k * 10));
            }
            *(mapassign(g, mt, m, p(&7i64)) as *mut i64) = -1;
            assert_eq!((*m).count, 5000);
            assert_eq!(*(mapaccess2(g, mt, m, p(&7i64)).elem as *const i64), -1);
            for k in (0..5000i64).step_by(2) {
                mapdelete(g, mt, m, p(&k));
            }
            assert_eq!((*m).count, 2500);
            assert_eq!(mapaccess2(g, mt, m, p(&4i64)).ok, 0);
            assert_eq!(*(mapaccess2(g, mt, m, p(&4i64)).elem as *const i64), 0);
            assert_eq!(mapaccess2(g, mt, m, p(&5i64)).ok, 1);
            // Reinsert over tombstones.
            for k in (0..5000i64).step_by(2) {
                *(mapassign(g, mt, m, p(&k)) as *mut i64) = 1;
            }
            assert_eq!((*m).count, 5000);
            mapclear(mt, m);
            assert_eq!((*m).count, 0);
            assert_eq!(mapaccess2(g, mt, m, p(&5i64)).ok, 0);
            // nil map reads
            assert_eq!(mapaccess2(g, mt, core::ptr::null(), p(&5i64)).ok, 0);
            mapdelete(g, mt, null_mut(), p(&5i64));
            mapclear(mt, null_mut());
        }
    }

    #[test]
    fn nan_keys_are_never_found_and_zero_keys_merge() {
        let mut d = Descs::new();
        let f = d.basic("float64", kind::FLOAT64, 8);
        let int = d.basic("int", kind::INT, 8);
        let mt = unsafe { &*d.map_type("map[float64]int", f, int) };
        let g = null_mut();
        let m = makemap(mt, 8);
        unsafe {
            for _ in 0..3 {
                *(mapassign(g, mt, m, p(&f64::NAN)) as *mut i64) = 1;
            }
            assert_eq!((*m).count, 3);
            assert_eq!(mapaccess2(g, mt, m, p(&f64::NAN)).ok, 0);
            mapdelete(g, mt, m, p(&f64::NAN));
            assert_eq!((*m).count, 3);
            *(mapassign(g, mt, m, p(&-0.0f64)) as *mut i64) = 1;
            *(mapassign(g, mt, m, p(&0.0f64)) as *mut i64) = 2;
            assert_eq!((*m).count, 4);
            let mut it = iter::MapIter::default();
            iter::mapiterinit(g, mt, m, &mut it);
            let mut zero_key_bits = None;
            while !it.key.is_null() {
                let k = *(it.key as *const f64);
                if k == 0.0 {
                    zero_key_bits = Some(k.to_bits());
                }
                iter::mapiternext(g, &mut it);
            }
            assert_eq!(zero_key_bits, Some(0), "the key was updated to +0 (gc's NeedKeyUpdate)");
        }
    }

    #[test]
    fn string_and_interface_keys() {
        let mut d = Descs::new();
        let s = d.basic("string", kind::STRING, 16);
        let int = d.basic("int", kind::INT, 8);
        let eface = d.interface_of("interface {}", "", &[]) as *const Type;
        let g = null_mut();
        let mt = unsafe { &*d.map_type("map[string]int", s, int) };
        let m = makemap(mt, 0);
        let a = alloc::string::String::from("key");
        unsafe {
            *(mapassign(g, mt, m, p(&(b"key".as_ptr(), 3isize))) as *mut i64) = 9;
            assert_eq!(*(mapaccess2(g, mt, m, p(&(a.as_ptr(), 3isize))).elem as *const i64), 9);
            let mt = &*d.map_type("map[interface {}]int", eface, int);
            let m = makemap(mt, 0);
            let one = 1i64;
            let k1 = EmptyInterface { typ: int, data: &one as *const i64 as *mut u8 };
            let k2 = EmptyInterface { typ: s, data: &(b"1".as_ptr(), 1isize) as *const _ as *mut u8 };
            *(mapassign(g, mt, m, p(&k1)) as *mut i64) = 1;
            *(mapassign(g, mt, m, p(&k2)) as *mut i64) = 2;
            let two = 1i64;
            let k3 = EmptyInterface { typ: int, data: &two as *const i64 as *mut u8 };
            assert_eq!(*(mapaccess2(g, mt, m, p(&k3)).elem as *const i64), 1);
            assert_eq!((*m).count, 2);
        }
    }

    #[test]
    fn hints_size_the_table() {
        assert_eq!(cap_for(0), 8);
        assert_eq!(cap_for(7), 16);
        assert_eq!(cap_for(100), 128);
        let mut d = Descs::new();
        let int = d.basic("int", kind::INT, 8);
        let mt = unsafe { &*d.map_type("map[int]int", int, int) };
        let m = makemap(mt, -5);
        assert_eq!(unsafe { (*(*m).tab).cap }, 8);
        let m = makemap(mt, i64::MAX);
        assert_eq!(unsafe { (*(*m).tab).cap }, 8, "a hint gc cannot honour gives an empty map");
    }

    #[test]
    fn key_error_names_the_first_uncomparable_dynamic_type() {
        let mut d = Descs::new();
        let int = d.basic("int", kind::INT, 8);
        let sl = d.slice_of(int);
        let eface = d.interface_of("interface {}", "", &[]) as *const Type;
        let st = d.struct_of("struct { n int; a interface {}; b interface {} }", &[("n", int), ("a", eface), ("b", eface)], None);
        let one = 1i64;
        let e = |t: *const Type| EmptyInterface { typ: t, data: &one as *const i64 as *mut u8 };
        // The struct's layout (a tuple's is Rust's choice).
        #[repr(C)]
        struct S(i64, EmptyInterface, EmptyInterface);
        unsafe {
            let ok = S(5, e(int), EmptyInterface { typ: core::ptr::null(), data: null_mut() });
            assert_eq!(unhashable_in(&*st, p(&ok)), None, "comparable dynamic types and nil");
            let bad = S(5, e(int), e(sl));
            assert_eq!(unhashable_in(&*st, p(&bad)), Some(sl));
            // An interface holding a comparable struct that holds an
            // uncomparable one: the inner dynamic type is named.
            let inner = S(0, e(sl), e(int));
            let outer = EmptyInterface { typ: st, data: p(&inner) as *mut u8 };
            assert_eq!(unhashable_in(&*eface, p(&outer)), Some(sl));
            let arr = d.array_of(eface, 2);
            assert_eq!(unhashable_in(&*arr, p(&[e(int), e(int)])), None);
            let fine = EmptyInterface { typ: st, data: p(&ok) as *mut u8 };
            assert_eq!(unhashable_in(&*arr, p(&[e(int), fine])), None);
            assert_eq!(unhashable_in(&*arr, p(&[fine, outer])), Some(sl));
        }
        let mut msg = alloc::vec::Vec::new();
        RuntimeError::UnhashableKey(sl).write_message(&mut msg);
        assert_eq!(msg, b"hash of unhashable type: []int");
    }
}
