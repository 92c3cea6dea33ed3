//! The runtime's random numbers (gc's `runtime/rand.go`, cut down): one
//! process-wide seed taken from the kernel at first use (`getrandom(2)`,
//! falling back to the clock and an address), and `cheaprand`, a
//! wyrand generator (gc's `cheaprand` is wyrand too) advanced atomically.
//! Used where gc randomises: map hash seeds and iteration start.
//!
//! Invariants: never blocks (GRND_NONBLOCK; the fallback needs no
//! entropy); never returns the same sequence in two processes unless the
//! kernel and the clock both fail; not for cryptography.

use core::sync::atomic::{AtomicU64, Ordering};

unsafe extern "C" {
    fn getrandom(buf: *mut u8, len: usize, flags: u32) -> isize;
    fn clock_gettime(clock: i32, ts: *mut [i64; 2]) -> i32;
}

const GRND_NONBLOCK: u32 = 1;
const CLOCK_MONOTONIC: i32 = 1;

/// The generator's state; 0 until seeded.
static STATE: AtomicU64 = AtomicU64::new(0);

fn seed() -> u64 {
    let mut b = [0u8; 8];
    // SAFETY: getrandom writes at most 8 bytes into b.
    let n = unsafe { getrandom(b.as_mut_ptr(), 8, GRND_NONBLOCK) };
    let mut s = u64::from_ne_bytes(b);
    if n != 8 {
        let mut ts = [0i64; 2];
        // SAFETY: clock_gettime writes one timespec.
        unsafe { clock_gettime(CLOCK_MONOTONIC, &mut ts) };
        s ^= (ts[0] as u64).wrapping_mul(1_000_000_007) ^ ts[1] as u64 ^ (&b as *const _ as u64);
    }
    s | 1
}

/// gc's `cheaprand64`: wyrand.
pub fn cheaprand64() -> u64 {
    if STATE.load(Ordering::Relaxed) == 0 {
        // First use: whoever wins the race seeds; the others keep theirs out.
        let _ = STATE.compare_exchange(0, seed(), Ordering::Relaxed, Ordering::Relaxed);
    }
    let s = STATE.fetch_add(0xa0761d6478bd642f, Ordering::Relaxed).wrapping_add(0xa0761d6478bd642f);
    let t = (s as u128).wrapping_mul((s ^ 0xe7037ed1a0b428db) as u128);
    (t >> 64) as u64 ^ t as u64
}

/// gc's `cheaprand`.
pub fn cheaprand() -> u32 {
    cheaprand64() as u32
}

/// gc's `cheaprandn(n)`: uniform in [0, n) (Lemire's multiply-shift).
pub fn cheaprandn(n: u32) -> u32 {
    ((cheaprand() as u64 * n as u64) >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varies_and_stays_in_range() {
        let a = cheaprand64();
        let b = cheaprand64();
        assert_ne!(a, b);
        let mut seen = [false; 7];
        for _ in 0..1000 {
            let r = cheaprandn(7);
            assert!(r < 7);
            seen[r as usize] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }
}
