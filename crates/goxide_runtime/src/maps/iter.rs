//! Map iteration (gc's `maps.Iter`, simplified): `for k, v := range m`.
//!
//! The iterator remembers the table it started on and walks its slots
//! from a random start (gc randomises where iteration begins, so no
//! program can rely on an order). While that table is still the map's,
//! a full slot is produced as it is, so an entry deleted before it is
//! reached is never produced. When the map has grown meanwhile (a new
//! table), each full slot of the old table is looked up again in the
//! map: deleted keys are skipped and the current elem is produced; a key
//! not equal to itself (NaN) cannot be looked up and is produced from
//! the old table, as gc does. Entries added during the iteration may or
//! may not be produced, as the spec allows; none is produced twice
//! unless it was deleted and added again.
//!
//! # ABI
//! `MapIter` is [`MAP_ITER_WORDS`] (16) words, `#[repr(C)]`, provided by
//! the caller; word 0 is the current key pointer (null when the
//! iteration is over), word 1 the current elem pointer. `mapiterinit(g,
//! t, m, it)` positions it on the first entry; `mapiternext(g, it)` on
//! the next. A nil map iterates nothing.
//!
//! Invariants: a table is never modified after the map leaves it, so a
//! snapshot stays readable; `visited <= cap`.

use super::table::{Table, DELETED, EMPTY};
use super::Map;
use crate::abi::MapType;
use crate::alg::{typedequal, typehash};
use crate::goroutine::G;

/// The iterator's size in words (what the compiler reserves).
pub const MAP_ITER_WORDS: usize = 16;

#[repr(C)]
pub struct MapIter {
    /// Word 0: the current key, null when done.
    pub key: *const u8,
    /// Word 1: the current elem.
    pub elem: *mut u8,
    pub typ: *const MapType,
    pub m: *mut Map,
    /// The table the iteration walks.
    pub tab: *const Table,
    /// The random first slot.
    pub start: usize,
    /// Slots walked so far.
    pub visited: usize,
    /// Room to grow without changing the ABI.
    pub reserved: [usize; 9],
}

impl Default for MapIter {
    fn default() -> MapIter {
        MapIter {
            key: core::ptr::null(),
            elem: core::ptr::null_mut(),
            typ: core::ptr::null(),
            m: core::ptr::null_mut(),
            tab: core::ptr::null(),
            start: 0,
            visited: 0,
            reserved: [0; 9],
        }
    }
}

/// gc's `mapiterinit`.
///
/// # Safety
/// `m` null or a map of type `t`; `it` writable.
pub unsafe fn mapiterinit(g: *mut G, t: &MapType, m: *mut Map, it: &mut MapIter) {
    *it = MapIter::default();
    it.typ = t;
    it.m = m;
    // SAFETY: the caller's guarantee.
    if m.is_null() || unsafe { (*m).count } == 0 {
        return;
    }
    // SAFETY: m is a live map.
    unsafe {
        it.tab = (*m).tab;
        it.start = crate::rand::cheaprand64() as usize & ((*it.tab).cap - 1);
        mapiternext(g, it);
    }
}

/// gc's `mapiternext`.
///
/// # Safety
/// `it` was set up by [`mapiterinit`] and its map is live.
pub unsafe fn mapiternext(g: *mut G, it: &mut MapIter) {
    it.key = core::ptr::null();
    it.elem = core::ptr::null_mut();
    if it.tab.is_null() {
        return;
    }
    // SAFETY: the caller's guarantee; tables are never freed.
    unsafe {
        let t = &*it.typ;
        let m = &*it.m;
        let tab = &*it.tab;
        while it.visited < tab.cap {
            let i = (it.start + it.visited) & (tab.cap - 1);
            it.visited += 1;
            let c = tab.ctrl(i);
            if c == EMPTY || c == DELETED {
                continue;
            }
            let k = tab.key(t, i);
            if core::ptr::eq(m.tab, tab) || !typedequal(g, &*t.key, k, k) {
                it.key = k;
                it.elem = tab.elem(t, i);
                return;
            }
            // The map grew: what does it hold for this key now?
            let cur = &*m.tab;
            if let Some(j) = cur.find(g, t, k, typehash(g, &*t.key, k, m.seed)) {
                it.key = cur.key(t, j);
                it.elem = cur.elem(t, j);
                return;
            }
        }
    }
}

/// `goxide_rt_mapiterinit(g, t, m, it)`.
///
/// # Safety
/// As [`mapiterinit`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_mapiterinit(g: *mut G, t: *const MapType, m: *mut Map, it: *mut MapIter) {
    // SAFETY: the caller's guarantee.
    unsafe { mapiterinit(g, &*t, m, &mut *it) }
}

/// `goxide_rt_mapiternext(g, it)`.
///
/// # Safety
/// As [`mapiternext`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_mapiternext(g: *mut G, it: *mut MapIter) {
    // SAFETY: the caller's guarantee.
    unsafe { mapiternext(g, &mut *it) }
}

#[cfg(test)]
mod tests {
    use super::super::{makemap, mapassign, mapdelete, mapclear};
    use super::*;
    use crate::abi::kind;
    use crate::abi::testdesc::Descs;
    use alloc::vec::Vec;
    use core::ptr::null_mut;

    fn p<T>(v: &T) -> *const u8 {
        v as *const T as *const u8
    }

    fn collect(g: *mut G, t: &MapType, m: *mut Map, mut each: impl FnMut(i64, *mut Map)) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        let mut it = MapIter::default();
        unsafe {
            mapiterinit(g, t, m, &mut it);
            while !it.key.is_null() {
                let k = *(it.key as *const i64);
                out.push((k, *(it.elem as *const i64)));
                each(k, m);
                mapiternext(g, &mut it);
            }
        }
        out
    }

    #[test]
    fn layout_is_the_abi() {
        assert_eq!(core::mem::size_of::<MapIter>(), MAP_ITER_WORDS * 8);
        assert_eq!(core::mem::offset_of!(MapIter, key), 0);
        assert_eq!(core::mem::offset_of!(MapIter, elem), 8);
        assert_eq!(core::mem::offset_of!(Map, count), 0);
    }

    #[test]
    fn iterates_every_entry_once_in_varying_order() {
        let mut d = Descs::new();
        let int = d.basic("int", kind::INT, 8);
        let mt = unsafe { &*d.map_type("map[int]int", int, int) };
        let g = null_mut();
        let m = makemap(mt, 0);
        for k in 0..100i64 {
            unsafe { *(mapassign(g, mt, m, p(&k)) as *mut i64) = k + 1 };
        }
        let mut firsts = Vec::new();
        for _ in 0..20 {
            let mut got = collect(g, mt, m, |_, _| {});
            firsts.push(got[0].0);
            got.sort();
            assert_eq!(got, (0..100).map(|k| (k, k + 1)).collect::<Vec<_>>());
        }
        firsts.sort();
        firsts.dedup();
        assert!(firsts.len() > 1, "the start is random");
        assert!(collect(g, mt, null_mut(), |_, _| {}).is_empty());
    }

    #[test]
    fn deletes_during_range_are_not_produced() {
        let mut d = Descs::new();
        let int = d.basic("int", kind::INT, 8);
        let mt = unsafe { &*d.map_type("map[int]int", int, int) };
        let g = null_mut();
        let m = makemap(mt, 0);
        for k in 0..50i64 {
            unsafe { *(mapassign(g, mt, m, p(&k)) as *mut i64) = k };
        }
        // Delete every other key's partner as we go: k^1.
        let mut deleted = Vec::new();
        let got = collect(g, mt, m, |k, m| {
            let partner = k ^ 1;
            unsafe { mapdelete(g, mt, m, p(&partner)) };
            deleted.push(partner);
        });
        for (k, _) in &got {
            let pos = got.iter().position(|(x, _)| x == k).unwrap();
            let del_at = deleted.iter().position(|x| x == k);
            assert!(del_at.is_none_or(|at| at >= pos), "{k} produced after its deletion");
        }
        assert_eq!(got.len(), 25);
    }

    #[test]
    fn growth_during_range_keeps_old_entries_once() {
        let mut d = Descs::new();
        let int = d.basic("int", kind::INT, 8);
        let mt = unsafe { &*d.map_type("map[int]int", int, int) };
        let g = null_mut();
        let m = makemap(mt, 0);
        for k in 0..6i64 {
            unsafe { *(mapassign(g, mt, m, p(&k)) as *mut i64) = k };
        }
        let got = collect(g, mt, m, |k, m| {
            // Insert many new keys (forces growth) and update old ones.
            for j in 0..40i64 {
                let nk = 1000 + k * 100 + j;
                unsafe { *(mapassign(g, mt, m, p(&nk)) as *mut i64) = 0 };
            }
            for old in 0..6i64 {
                unsafe { *(mapassign(g, mt, m, p(&old)) as *mut i64) = old + 500 };
            }
        });
        let mut olds: Vec<i64> = got.iter().map(|e| e.0).filter(|&k| k < 6).collect();
        olds.sort();
        assert_eq!(olds, [0, 1, 2, 3, 4, 5], "each old key once");
        let mut keys: Vec<i64> = got.iter().map(|e| e.0).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "no key twice");
        // After the first callback, old entries show their updated elems.
        assert!(got.iter().skip(1).filter(|e| e.0 < 6).all(|e| e.1 == e.0 + 500));
        unsafe { mapclear(mt, m) };
        assert!(collect(g, mt, m, |_, _| {}).is_empty());
    }
}
