//! gc's size classes (go1.27 `internal/runtime/gc/sizeclasses.go`) and
//! `roundupsize` (`runtime/msize.go`): the sizes small objects are rounded
//! up to, which `append`'s growth observes (a slice's capacity after
//! `append` is `roundupsize(bytes)/elemsize`).
//!
//! The table is gc's, copied as data; `size_to_class` finds the smallest
//! class at least as big, which is what gc's `SizeToSizeClass8` and
//! `SizeToSizeClass128` lookup tables encode (every class is a multiple
//! of 8, and of 128 above 1024, so rounding the request up first changes
//! nothing).
//!
//! Invariants: `size_to_class(n)` for `1 <= n <= MAX_SMALL_SIZE` returns a
//! class whose size is `>= n` and is the smallest such; class 0 is unused
//! (size 0 allocations never reach a span).

/// gc's `_PageSize` (8 KiB): spans are whole pages.
pub const PAGE_SHIFT: usize = 13;
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// gc's `maxSmallSize`: larger objects get their own span.
pub const MAX_SMALL_SIZE: usize = 32768;
/// gc's `mallocHeaderSize`: a pointerful object above
/// [`MIN_SIZE_FOR_MALLOC_HEADER`] carries an 8-byte type header in gc,
/// which `roundupsize` accounts for (this allocator keeps no header, but
/// capacities must round as gc's do).
pub const MALLOC_HEADER_SIZE: usize = 8;
/// gc's `minSizeForMallocHeader` (`PtrSize * PtrBits` = 512 on 64-bit).
pub const MIN_SIZE_FOR_MALLOC_HEADER: usize = 8 * 64;
/// gc's `maxAlloc` on 64-bit Linux (`1 << heapAddrBits`, 48 bits).
pub const MAX_ALLOC: usize = 1 << 48;

pub const NUM_SIZE_CLASSES: usize = 68;

/// gc's `SizeClassToSize`.
pub const CLASS_TO_SIZE: [u16; NUM_SIZE_CLASSES] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480,
    512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376,
    6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576,
    27264, 28672, 32768,
];

/// gc's `SizeClassToNPages`: the pages of one span of the class.
pub const CLASS_TO_NPAGES: [u8; NUM_SIZE_CLASSES] = [
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1,
    3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
];

/// The smallest size class holding `size` bytes (`1 <= size <=
/// MAX_SMALL_SIZE`); gc's `SizeToSizeClass8/128` lookups.
pub fn size_to_class(size: usize) -> usize {
    // Binary search for the first class with CLASS_TO_SIZE >= size.
    let (mut lo, mut hi) = (1, NUM_SIZE_CLASSES - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if (CLASS_TO_SIZE[mid] as usize) < size {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// gc's `roundupsize(size, noscan)`: how many bytes `mallocgc(size)`
/// really hands out, less gc's malloc header for pointerful objects that
/// carry one.
pub fn roundupsize(size: usize, noscan: bool) -> usize {
    let mut req = size;
    if req <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        if !noscan && req > MIN_SIZE_FOR_MALLOC_HEADER {
            req += MALLOC_HEADER_SIZE;
        }
        // (req - size) is the header or 0; mallocgc adds it back.
        let class_size = if req == 0 { 0 } else { CLASS_TO_SIZE[size_to_class(req)] as usize };
        return class_size - (req - size);
    }
    // Large object: whole pages; on overflow, the size itself.
    match req.checked_add(PAGE_SIZE - 1) {
        Some(r) => r & !(PAGE_SIZE - 1),
        None => size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_the_smallest_that_fit() {
        assert_eq!(size_to_class(1), 1);
        assert_eq!(size_to_class(8), 1);
        assert_eq!(size_to_class(9), 2);
        assert_eq!(size_to_class(1024), 32);
        assert_eq!(size_to_class(1025), 33);
        assert_eq!(size_to_class(32768), 67);
        for n in 1..=MAX_SMALL_SIZE {
            let c = size_to_class(n);
            assert!(CLASS_TO_SIZE[c] as usize >= n && (c == 1 || (CLASS_TO_SIZE[c - 1] as usize) < n), "{n}");
        }
    }

    #[test]
    fn roundupsize_is_gcs() {
        // Values worked out from msize.go by hand.
        assert_eq!(roundupsize(0, true), 0);
        assert_eq!(roundupsize(1, true), 8);
        assert_eq!(roundupsize(33, true), 48);
        assert_eq!(roundupsize(1017, true), 1024);
        assert_eq!(roundupsize(512, false), 512); // no header at exactly 512
        assert_eq!(roundupsize(520, false), 568); // 528 → class 576, less the header
        assert_eq!(roundupsize(32760, true), 32768);
        assert_eq!(roundupsize(32761, true), 32768); // large: whole pages
        assert_eq!(roundupsize(32769, true), 40960);
        assert_eq!(roundupsize(usize::MAX - 10, true), usize::MAX - 10);
    }
}
