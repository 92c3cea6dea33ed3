//! Goroutine stacks: fixed-size reservations carved from big
//! `MAP_NORESERVE` arenas, without guard pages, reused after their
//! goroutine exits (DESIGN.md, "Goroutines").
//!
//! Why this shape: Linux allows 65,530 mappings per process, so a mapping
//! (or a guard page, which splits one) per stack caps a program near 32k
//! goroutines (`notes/backend-spike.md`). Here one arena of
//! [`ARENA_SLOTS`] stacks is one mapping; the kernel commits pages as they
//! are touched, so an idle goroutine costs a few KiB resident. Overflow is
//! caught by the prologue check against `G::stack_limit`, not by a guard.
//!
//! Sizes: each goroutine reserves [`STACK_SIZE`] = 1 MiB, which leaves
//! `1 MiB - STACK_HEADROOM` (960 KiB) for Go frames. 100k goroutines take
//! 100 GiB of address space (of 128 TiB on x86-64 and 256 TiB on aarch64
//! with 48-bit addresses; it still fits a 39-bit, 512 GiB aarch64 kernel),
//! and 1M goroutines 1 TiB. gc grows any stack to 1 GB by copying it; we
//! cannot move stacks (no stack maps yet), so a goroutine that needs more
//! than its slot continues on extra segments ([`crate::morestack`], on
//! x86-64), up to the main goroutine's limit. The main goroutine gets its
//! own 1 GiB reservation ([`MAIN_STACK_SIZE`], gc's `maxstacksize` on
//! 64-bit), so deep recursion in `main` matches gc's limit.
//!
//! Invariants: a slot is owned by at most one goroutine record at a time
//! (gc keeps the stack with its dead `g` on the free list; so do we, see
//! `sched`); slots are never unmapped (arenas live for the process);
//! `lo` is [`STACK_SIZE`]-aligned within its arena, `hi - lo` is exactly
//! the size reserved; the pool is behind a spin lock so host tests running
//! programs on several threads share it safely.


use crate::spinlock::SpinLock;

/// Bytes reserved for each goroutine's stack (see the module header).
pub const STACK_SIZE: usize = 1 << 20;
/// Stacks per arena mapping: 256 MiB of address space per mapping.
pub const ARENA_SLOTS: usize = 256;
/// The main goroutine's reservation: gc's `maxstacksize` (1e9) rounded up.
pub const MAIN_STACK_SIZE: usize = 1 << 30;


/// A stack: addresses `[lo, hi)`; `EMPTY` is no stack.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C)]
pub struct Stack {
    pub lo: usize,
    pub hi: usize,
}

impl Stack {
    pub const EMPTY: Stack = Stack { lo: 0, hi: 0 };
}

/// The arena currently being carved and the stacks given back.
struct Pool {
    /// Base of the current arena, or 0 before the first.
    arena: usize,
    /// Slots of the current arena handed out so far.
    used: usize,
    /// Slots in the current arena ([`ARENA_SLOTS`] unless the kernel
    /// refused a mapping that large).
    slots: usize,
    /// Slots freed whole (by [`free_stack`]), reused first (LIFO: the most
    /// recently used pages are the likeliest still resident).
    free: alloc::vec::Vec<usize>,
}

static POOL: SpinLock<Pool> = SpinLock::new(Pool {
    arena: 0,
    used: 0,
    slots: 0,
    free: alloc::vec::Vec::new(),
});

/// Reserves `len` bytes of zeroed, lazily committed memory; `None` when
/// the kernel refuses.
fn reserve(len: usize) -> Option<usize> {
    crate::sys::map_anonymous(len, true)
}

/// A goroutine stack of [`STACK_SIZE`] bytes, from the free list or the
/// current arena; `None` when address space runs out.
pub fn alloc_stack() -> Option<Stack> {
    let mut pool = POOL.lock();
    if let Some(lo) = pool.free.pop() {
        return Some(Stack {
            lo,
            hi: lo + STACK_SIZE,
        });
    }
    if pool.arena == 0 || pool.used == pool.slots {
        // A smaller arena when address space is limited (`ulimit -v`).
        let (arena, slots) = [ARENA_SLOTS, ARENA_SLOTS / 16, 1]
            .iter()
            .find_map(|&n| reserve(STACK_SIZE * n).map(|a| (a, n)))?;
        pool.arena = arena;
        pool.slots = slots;
        pool.used = 0;
    }
    let lo = pool.arena + pool.used * STACK_SIZE;
    pool.used += 1;
    Some(Stack {
        lo,
        hi: lo + STACK_SIZE,
    })
}

/// Gives a stack from [`alloc_stack`] back to the pool. Nothing may run
/// on it any more.
pub fn free_stack(s: Stack) {
    if s != Stack::EMPTY {
        POOL.lock().free.push(s.lo);
    }
}

/// The main goroutine's stack: its own [`MAIN_STACK_SIZE`] mapping (64 MiB
/// or 4 MiB when the kernel refuses that much).
pub fn alloc_main_stack() -> Option<Stack> {
    // Smaller reservations when address space is limited (`ulimit -v`).
    [MAIN_STACK_SIZE, MAIN_STACK_SIZE / 16, MAIN_STACK_SIZE / 256]
        .iter()
        .find_map(|&size| reserve(size).map(|lo| Stack { lo, hi: lo + size }))
}

/// Unmaps a stack from [`alloc_main_stack`] (host test runs end with it;
/// a program exits instead).
pub fn free_main_stack(s: Stack) {
    if s != Stack::EMPTY {
        // SAFETY: the mapping came from alloc_main_stack and nothing runs on it.
        unsafe { crate::sys::unmap(s.lo, s.hi - s.lo) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacks_are_disjoint_writable_and_reused() {
        let a = alloc_stack().unwrap();
        let b = alloc_stack().unwrap();
        assert_eq!(a.hi - a.lo, STACK_SIZE);
        assert!(a.hi <= b.lo || b.hi <= a.lo, "{a:?} {b:?}");
        // Touch both ends: the reservation is committed on demand.
        unsafe {
            *((a.hi - 8) as *mut u64) = 1;
            *(a.lo as *mut u64) = 2;
            assert_eq!(*((b.hi - 8) as *const u64), 0);
        }
        free_stack(b);
        // Another test thread may take b first; whatever we get is whole.
        let c = alloc_stack().unwrap();
        assert_eq!(c.hi - c.lo, STACK_SIZE);
        assert_ne!(c, a);
        free_stack(a);
        free_stack(c);
    }

    #[test]
    fn many_stacks_fit_in_few_mappings() {
        // 2,000 stacks = 2 GiB of reservations: at most ~8 new mappings.
        let stacks: alloc::vec::Vec<Stack> = (0..2000).map(|_| alloc_stack().unwrap()).collect();
        let mut los: alloc::vec::Vec<usize> = stacks.iter().map(|s| s.lo).collect();
        los.sort_unstable();
        los.dedup();
        assert_eq!(los.len(), 2000);
        for s in stacks {
            free_stack(s);
        }
    }
}
