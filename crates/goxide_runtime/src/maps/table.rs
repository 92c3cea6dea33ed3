//! One open-addressing hash table of a map (the storage under
//! [`super::Map`]): `cap` slots (a power of two, at least 8), a control
//! byte per slot (gc's swiss-table control words, one byte at a time:
//! `EMPTY`, `DELETED`, or a full slot's 7-bit hash tag `h2`), and the
//! keys and elems in two arrays typed as arrays of the key and elem type
//! (so a precise collector can scan them with the types' `GCData`).
//!
//! Probing is linear from `h1 = hash >> 7`; a lookup stops at the first
//! `EMPTY` slot. Deletion leaves a `DELETED` tombstone; tables are never
//! rehashed in place (a live iterator may be walking this one): growth
//! and tombstone clean-up build a new table.
//!
//! Invariants: `used + tombstones <= cap * 7/8` after every insert; a
//! full slot's key equals itself or is a NaN-ish key that can never be
//! found again (gc's behaviour for NaN keys: every insert adds an entry).

use crate::abi::{MapType, Type};
use crate::alg::{typedequal, typehash};
use crate::goroutine::G;
use crate::malloc::{mallocgc_noscan, mallocgc_typed};

pub const EMPTY: u8 = 0x80;
pub const DELETED: u8 = 0xFE;
pub const MIN_CAP: usize = 8;

#[repr(C)]
pub struct Table {
    pub cap: usize,
    pub used: usize,
    pub tombstones: usize,
    pub ctrl: *mut u8,
    pub keys: *mut u8,
    pub elems: *mut u8,
}

/// The 7-bit tag stored in a full slot's control byte.
pub fn h2(hash: usize) -> u8 {
    (hash & 0x7f) as u8
}

fn h1(hash: usize) -> usize {
    hash >> 7
}

impl Table {
    /// A new empty table with room for `cap` slots (a power of two).
    pub fn new(t: &MapType, cap: usize) -> *mut Table {
        // SAFETY: the map type's key and elem are descriptors.
        let (k, e) = unsafe { (&*t.key, &*t.elem) };
        let tab = mallocgc_noscan(core::mem::size_of::<Table>(), true) as *mut Table;
        let ctrl = mallocgc_noscan(cap, false);
        // SAFETY: ctrl has cap bytes; tab is a fresh Table-sized object.
        unsafe {
            core::ptr::write_bytes(ctrl, EMPTY, cap);
            *tab = Table {
                cap,
                used: 0,
                tombstones: 0,
                ctrl,
                keys: array_of(k, cap),
                elems: array_of(e, cap),
            };
        }
        tab
    }

    pub fn key(&self, t: &MapType, i: usize) -> *mut u8 {
        // SAFETY: i < cap; the key type's size strides the array.
        self.keys.wrapping_add(i * unsafe { (*t.key).size })
    }

    pub fn elem(&self, t: &MapType, i: usize) -> *mut u8 {
        // SAFETY: as key.
        self.elems.wrapping_add(i * unsafe { (*t.elem).size })
    }

    pub fn ctrl(&self, i: usize) -> u8 {
        // SAFETY: i < cap.
        unsafe { *self.ctrl.add(i) }
    }

    fn set_ctrl(&mut self, i: usize, c: u8) {
        // SAFETY: i < cap.
        unsafe { *self.ctrl.add(i) = c }
    }

    /// The slot holding a key equal to `key`, if any.
    ///
    /// # Safety
    /// `key` points at a key of the map's key type.
    pub unsafe fn find(&self, g: *mut G, t: &MapType, key: *const u8, hash: usize) -> Option<usize> {
        let mask = self.cap - 1;
        let tag = h2(hash);
        let mut i = h1(hash) & mask;
        for _ in 0..self.cap {
            let c = self.ctrl(i);
            if c == EMPTY {
                return None;
            }
            // SAFETY: the slot is full (tag matched), its key initialised.
            if c == tag && unsafe { typedequal(g, &*t.key, self.key(t, i), key) } {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// A free slot (empty or deleted) on `hash`'s probe sequence, marked
    /// full with its tag. The caller checked the load factor.
    pub fn claim(&mut self, hash: usize) -> usize {
        let mask = self.cap - 1;
        let mut i = h1(hash) & mask;
        loop {
            let c = self.ctrl(i);
            if c == EMPTY || c == DELETED {
                if c == DELETED {
                    self.tombstones -= 1;
                }
                self.set_ctrl(i, h2(hash));
                self.used += 1;
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Removes slot `i`'s entry, clearing its key and elem (so the
    /// collector will not see stale pointers).
    pub fn remove(&mut self, t: &MapType, i: usize) {
        // SAFETY: the slot's key and elem are within the arrays.
        unsafe {
            core::ptr::write_bytes(self.key(t, i), 0, (*t.key).size);
            core::ptr::write_bytes(self.elem(t, i), 0, (*t.elem).size);
        }
        // An empty successor means no probe sequence runs through here.
        let next = self.ctrl((i + 1) & (self.cap - 1));
        if next == EMPTY {
            self.set_ctrl(i, EMPTY);
        } else {
            self.set_ctrl(i, DELETED);
            self.tombstones += 1;
        }
        self.used -= 1;
    }

    /// Whether one more entry would pass the 7/8 load factor.
    pub fn full(&self) -> bool {
        (self.used + self.tombstones + 1) * 8 > self.cap * 7
    }

    /// Empties the table in place (gc's `clear(m)`).
    pub fn clear(&mut self, t: &MapType) {
        // SAFETY: the arrays hold cap entries.
        unsafe {
            core::ptr::write_bytes(self.ctrl, EMPTY, self.cap);
            core::ptr::write_bytes(self.keys, 0, self.cap * (*t.key).size);
            core::ptr::write_bytes(self.elems, 0, self.cap * (*t.elem).size);
        }
        self.used = 0;
        self.tombstones = 0;
    }
}

/// A zeroed array of `n` values of type `t` in the Go heap.
fn array_of(t: &Type, n: usize) -> *mut u8 {
    match t.size.checked_mul(n) {
        Some(bytes) => mallocgc_typed(bytes, t, true),
        None => crate::panic::throw(b"runtime: out of memory"),
    }
}

/// Moves every entry of `old` into `new` (rehashing with `seed`).
///
/// # Safety
/// Both tables belong to a map of type `t`; `new` has room.
pub unsafe fn move_entries(g: *mut G, t: &MapType, old: &Table, new: &mut Table, seed: usize) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let (ks, es) = ((*t.key).size, (*t.elem).size);
        for i in 0..old.cap {
            let c = old.ctrl(i);
            if c == EMPTY || c == DELETED {
                continue;
            }
            let k = old.key(t, i);
            let j = new.claim(typehash(g, &*t.key, k, seed));
            core::ptr::copy_nonoverlapping(k, new.key(t, j), ks);
            core::ptr::copy_nonoverlapping(old.elem(t, i), new.elem(t, j), es);
        }
    }
}
