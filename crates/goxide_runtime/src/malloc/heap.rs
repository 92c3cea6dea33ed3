//! The Go heap's pages and spans (gc's `mheap.go`/`mcentral.go`/`mbitmap.go`
//! shape, simplified): memory comes from the OS in 64 MiB arenas
//! (gc's `heapArenaBytes`), aligned to their size and mapped read-write
//! with `MAP_NORESERVE` (the kernel commits pages on first touch); arenas
//! are carved into spans of whole 8 KiB pages; a small-object span holds
//! objects of one size class and one "noscan" bit (gc's `spanClass`), a
//! large object has a span of its own.
//!
//! Every page records the span that owns it, so a non-moving mark-sweep
//! collector can map any address to its object's start and size
//! ([`Heap::find_object`]) and read the object's type from its `GCData`
//! bitmap. **There is no collection yet**: nothing is ever freed, so a
//! span's objects are handed out once, in address order, from `freeindex`
//! (gc's `nextFreeFast` without the alloc bits).
//!
//! Arenas are kept in creation order; small spans are carved from the
//! newest standard arena, and a huge object's arena is never reused.
//!
//! Invariants: arenas never move or unmap; span ids are indices into
//! `spans` and never change; memory fresh from the OS is zero, and a span
//! whose memory might not be is flagged `needzero` (none yet: the flag is
//! there for the sweeper); all of it is behind one [`SpinLock`].

use super::sizeclasses::{CLASS_TO_NPAGES, CLASS_TO_SIZE, NUM_SIZE_CLASSES, PAGE_SHIFT, PAGE_SIZE};
use crate::spinlock::SpinLock;
use alloc::vec::Vec;

/// gc's `heapArenaBytes` on 64-bit Linux.
pub const ARENA_BYTES: usize = 64 << 20;
const PAGES_PER_ARENA: usize = ARENA_BYTES / PAGE_SIZE;

/// `len` bytes (a multiple of ARENA_BYTES) aligned to ARENA_BYTES, or None.
fn map_aligned(len: usize) -> Option<usize> {
    let over = len.checked_add(ARENA_BYTES)?;
    let p = crate::sys::map_anonymous(over, true)?;
    let base = (p + ARENA_BYTES - 1) & !(ARENA_BYTES - 1);
    // SAFETY: unmapping the slack before and after the aligned part of our own mapping.
    unsafe {
        if base > p {
            crate::sys::unmap(p, base - p);
        }
        let end = base + len;
        if p + over > end {
            crate::sys::unmap(end, p + over - end);
        }
    }
    Some(base)
}

/// A run of pages: one large object, or the objects of one size class.
pub struct Span {
    pub base: usize,
    pub npages: usize,
    /// gc's `spanClass`: `sizeclass << 1 | noscan`; size class 0 is a
    /// large object.
    pub spanclass: u8,
    pub elemsize: usize,
    pub nelems: usize,
    /// The next object to hand out (all below it are allocated).
    pub freeindex: usize,
    pub needzero: bool,
}

struct Arena {
    base: usize,
    /// The arena's size (ARENA_BYTES, or more for a huge object).
    bytes: usize,
    /// Pages handed out, from the bottom.
    used_pages: usize,
    /// Per page: the owning span's id + 1 (0: free). Only the first
    /// PAGES_PER_ARENA pages of a huge arena are recorded individually;
    /// beyond that every page belongs to the one huge span.
    page_spans: Vec<u32>,
}

pub struct Heap {
    arenas: Vec<Arena>,
    spans: Vec<Span>,
    /// Per span class: the id + 1 of the span small objects come from.
    current: [u32; NUM_SIZE_CLASSES * 2],
}

pub static HEAP: SpinLock<Heap> = SpinLock::new(Heap { arenas: Vec::new(), spans: Vec::new(), current: [0; NUM_SIZE_CLASSES * 2] });

impl Heap {
    /// `npages` fresh zeroed pages: (arena index, first page), or None when
    /// the OS refuses.
    fn alloc_pages(&mut self, npages: usize) -> Option<(usize, usize)> {
        if let Some(i) = self.arenas.iter().rposition(|a| a.bytes == ARENA_BYTES) {
            let a = &mut self.arenas[i];
            if a.used_pages + npages <= PAGES_PER_ARENA {
                let first = a.used_pages;
                a.used_pages += npages;
                return Some((i, first));
            }
        }
        let bytes = npages.checked_mul(PAGE_SIZE)?.checked_add(ARENA_BYTES - 1)? & !(ARENA_BYTES - 1);
        let base = map_aligned(bytes)?;
        let page_spans = alloc::vec![0; PAGES_PER_ARENA];
        self.arenas.push(Arena { base, bytes, used_pages: npages, page_spans });
        Some((self.arenas.len() - 1, 0))
    }

    fn new_span(&mut self, npages: usize, spanclass: u8, elemsize: usize) -> Option<u32> {
        let (ai, first) = self.alloc_pages(npages)?;
        let id = self.spans.len() as u32;
        let a = &mut self.arenas[ai];
        let base = a.base + first * PAGE_SIZE;
        for p in first..(first + npages).min(PAGES_PER_ARENA) {
            a.page_spans[p] = id + 1;
        }
        let nelems = (npages * PAGE_SIZE).checked_div(elemsize).unwrap_or(0);
        self.spans.push(Span { base, npages, spanclass, elemsize, nelems, freeindex: 0, needzero: false });
        Some(id)
    }

    /// A small object of size class `class` (1..NUM_SIZE_CLASSES): (address,
    /// whether it needs zeroing).
    pub fn alloc_small(&mut self, class: usize, noscan: bool) -> Option<(usize, bool)> {
        let sc = class << 1 | noscan as usize;
        let mut id = self.current[sc];
        let full = id == 0 || {
            let s = &self.spans[id as usize - 1];
            s.freeindex >= s.nelems
        };
        if full {
            let size = CLASS_TO_SIZE[class] as usize;
            id = self.new_span(CLASS_TO_NPAGES[class] as usize, sc as u8, size)? + 1;
            self.current[sc] = id;
        }
        let s = &mut self.spans[id as usize - 1];
        let p = s.base + s.freeindex * s.elemsize;
        s.freeindex += 1;
        Some((p, s.needzero))
    }

    /// A large object of `size` bytes in a span of its own, page-aligned.
    pub fn alloc_large(&mut self, size: usize, noscan: bool) -> Option<(usize, bool)> {
        let npages = size.checked_add(PAGE_SIZE - 1)? >> PAGE_SHIFT;
        let id = self.new_span(npages, noscan as u8, npages * PAGE_SIZE)?;
        let s = &mut self.spans[id as usize];
        s.nelems = 1;
        s.freeindex = 1;
        Some((s.base, s.needzero))
    }

    /// The span owning `addr`, if it is a page of the heap.
    pub fn span_of(&self, addr: usize) -> Option<&Span> {
        // Few arenas (one per 64 MiB): a scan is enough until the collector
        // wants gc's two-level arena index.
        let a = self.arenas.iter().find(|a| a.base <= addr && addr - a.base < a.bytes)?;
        let page = ((addr - a.base) >> PAGE_SHIFT).min(PAGES_PER_ARENA - 1);
        let id = *a.page_spans.get(page)?;
        let s = self.spans.get((id as usize).checked_sub(1)?)?;
        (addr < s.base + s.npages * PAGE_SIZE).then_some(s)
    }

    /// gc's `findObject`: the start and size of the allocated object
    /// containing `addr`, or None (not in the heap, or not yet handed out).
    pub fn find_object(&self, addr: usize) -> Option<(usize, usize)> {
        let s = self.span_of(addr)?;
        let i = (addr - s.base).checked_div(s.elemsize)?;
        (i < s.freeindex).then(|| (s.base + i * s.elemsize, s.elemsize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_objects_share_class_spans_and_are_found() {
        let mut h = HEAP.lock();
        let (a, za) = h.alloc_small(3, true).unwrap(); // 24-byte class
        let (b, _) = h.alloc_small(3, true).unwrap();
        let (c, _) = h.alloc_small(3, false).unwrap(); // scan class: another span
        assert!(!za);
        assert_eq!(b, a + 24);
        assert!(c < a || c >= a + PAGE_SIZE);
        assert_eq!(h.find_object(b + 5), Some((b, 24)));
        assert_eq!(h.span_of(a).map(|s| s.spanclass), Some(3 << 1 | 1));
        assert_eq!(h.find_object(0x10), None);
        // A whole span's worth of objects then one more: a new span.
        let n = PAGE_SIZE / 8;
        let (first, _) = h.alloc_small(1, true).unwrap();
        let mut last = first;
        for _ in 0..n {
            last = h.alloc_small(1, true).unwrap().0;
        }
        assert_eq!(last % 8, 0);
        assert!(h.find_object(last).is_some());
    }

    #[test]
    fn large_objects_are_page_aligned_spans() {
        let mut h = HEAP.lock();
        let (p, _) = h.alloc_large(40000, false).unwrap();
        assert_eq!(p % PAGE_SIZE, 0);
        assert_eq!(h.find_object(p + 39999), Some((p, 5 * PAGE_SIZE)));
        let (q, _) = h.alloc_large(ARENA_BYTES + 1, true).unwrap(); // a huge arena of its own
        assert_eq!(q % ARENA_BYTES, 0);
        assert_eq!(h.find_object(q + ARENA_BYTES).map(|o| o.0), Some(q));
        unsafe {
            assert_eq!(*((q + ARENA_BYTES) as *const u8), 0);
        }
    }
}
