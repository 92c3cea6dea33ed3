//! `abi.Name`: an encoded name with optional tag and package path (gc's
//! `internal/abi/type.go` `Name`, `runtime/type.go` `pkgPath`).
//!
//! Encoding: a flag byte (1<<0 exported, 1<<1 a tag follows, 1<<2 a
//! package-path `NameOff` follows, 1<<3 embedded field), a varint length
//! (encoding/binary's unsigned varint), the name's bytes; then, with the
//! tag bit, a varint length and the tag; then, with the pkgpath bit, 4
//! bytes (native-endian `i32`, unaligned) of a `NameOff` **relative to the
//! first byte of this Name** (crate contract, `abi` module doc).
//!
//! Invariants: a null `Name` reads as the empty name with no tag and no
//! package path (gc's `Name()` on nil); decoding never allocates.

/// `abi.Name`: a pointer to the encoded bytes, or null.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Name {
    pub bytes: *const u8,
}

impl Name {
    /// The nil name.
    pub const NONE: Name = Name { bytes: core::ptr::null() };

    fn flags(&self) -> u8 {
        if self.bytes.is_null() {
            0
        } else {
            // SAFETY: a non-null Name points at its flag byte.
            unsafe { *self.bytes }
        }
    }

    pub fn is_exported(&self) -> bool {
        self.flags() & (1 << 0) != 0
    }

    pub fn has_tag(&self) -> bool {
        self.flags() & (1 << 1) != 0
    }

    pub fn has_pkg_path(&self) -> bool {
        self.flags() & (1 << 2) != 0
    }

    pub fn is_embedded(&self) -> bool {
        self.flags() & (1 << 3) != 0
    }

    /// gc's `ReadVarint(off)`: (bytes read, value).
    ///
    /// # Safety
    /// A well-formed varint starts at `off`.
    pub unsafe fn read_varint(&self, off: usize) -> (usize, usize) {
        let mut v = 0usize;
        let mut i = 0;
        loop {
            // SAFETY: the caller's guarantee.
            let x = unsafe { *self.bytes.add(off + i) };
            v += ((x & 0x7f) as usize) << (7 * i);
            if x & 0x80 == 0 || i >= 9 {
                return (i + 1, v);
            }
            i += 1;
        }
    }

    /// gc's `Name.Name()`: empty for the nil name.
    ///
    /// # Safety
    /// A well-formed name that lives forever.
    pub unsafe fn name(&self) -> &'static [u8] {
        if self.bytes.is_null() {
            return &[];
        }
        // SAFETY: the caller's guarantee.
        unsafe {
            let (i, l) = self.read_varint(1);
            core::slice::from_raw_parts(self.bytes.add(1 + i), l)
        }
    }

    /// gc's `Name.Tag()`.
    ///
    /// # Safety
    /// A well-formed name that lives forever.
    pub unsafe fn tag(&self) -> &'static [u8] {
        if !self.has_tag() {
            return &[];
        }
        // SAFETY: the caller's guarantee.
        unsafe {
            let (i, l) = self.read_varint(1);
            let (i2, l2) = self.read_varint(1 + i + l);
            core::slice::from_raw_parts(self.bytes.add(1 + i + l + i2), l2)
        }
    }

    /// gc's `pkgPath(n)`: the package path stored in the name (methods
    /// and fields declared in a package other than their type's), else
    /// empty.
    ///
    /// # Safety
    /// A well-formed name that lives forever.
    pub unsafe fn pkg_path(&self) -> &'static [u8] {
        if !self.has_pkg_path() {
            return &[];
        }
        // SAFETY: the caller's guarantee.
        unsafe {
            let (i, l) = self.read_varint(1);
            let mut off = 1 + i + l;
            if self.has_tag() {
                let (i2, l2) = self.read_varint(off);
                off += i2 + l2;
            }
            let rel = core::ptr::read_unaligned(self.bytes.add(off) as *const i32);
            if rel == 0 {
                return &[];
            }
            Name { bytes: self.bytes.wrapping_offset(rel as isize) }.name()
        }
    }

    /// gc's `Name.IsBlank`: the name is `_`.
    pub fn is_blank(&self) -> bool {
        // SAFETY: a non-null Name is well formed (module invariant).
        !self.bytes.is_null() && unsafe { self.name() } == b"_"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// gc's `abi.NewName` encoding, written out for tests.
    fn encode(n: &[u8], tag: &[u8], exported: bool, embedded: bool) -> alloc::vec::Vec<u8> {
        fn varint(out: &mut alloc::vec::Vec<u8>, mut n: usize) {
            loop {
                let b = (n & 0x7f) as u8;
                n >>= 7;
                if n == 0 {
                    out.push(b);
                    return;
                }
                out.push(b | 0x80);
            }
        }
        let mut bits = 0u8;
        if exported {
            bits |= 1;
        }
        if !tag.is_empty() {
            bits |= 2;
        }
        if embedded {
            bits |= 8;
        }
        let mut b = alloc::vec![bits];
        varint(&mut b, n.len());
        b.extend_from_slice(n);
        if !tag.is_empty() {
            varint(&mut b, tag.len());
            b.extend_from_slice(tag);
        }
        b
    }

    #[test]
    fn decodes_gcs_encoding() {
        let b = encode(b"Field", b"json:\"f\"", true, false);
        let n = Name { bytes: b.as_ptr() };
        unsafe {
            assert_eq!(n.name(), b"Field");
            assert_eq!(n.tag(), b"json:\"f\"");
            assert_eq!(n.pkg_path(), b"");
        }
        assert!(n.is_exported() && n.has_tag() && !n.is_embedded() && !n.is_blank());

        let long = alloc::vec![b'x'; 300]; // a two-byte varint (300 = 0xac 0x02)
        let b = encode(&long, b"", false, true);
        assert_eq!(&b[1..3], &[0xac, 0x02]);
        let n = Name { bytes: b.as_ptr() };
        assert_eq!(unsafe { n.name() }.len(), 300);
        assert!(n.is_embedded() && !n.is_exported() && !n.has_tag());
        assert_eq!(unsafe { n.tag() }, b"");

        let b = encode(b"_", b"", false, false);
        assert!(Name { bytes: b.as_ptr() }.is_blank());
        assert!(!Name::NONE.is_blank());
        assert_eq!(unsafe { Name::NONE.name() }, b"");
    }

    #[test]
    fn pkg_path_is_relative_to_the_name() {
        // [pkg name "p/q"] [method name "m" with the pkgpath bit]
        let mut b = encode(b"p/q", b"", false, false);
        let at = b.len();
        b.extend_from_slice(&encode(b"m", b"", false, false));
        b[at] |= 1 << 2;
        b.extend_from_slice(&(-(at as i32)).to_ne_bytes());
        let n = Name { bytes: unsafe { b.as_ptr().add(at) } };
        assert_eq!(unsafe { n.name() }, b"m");
        assert_eq!(unsafe { n.pkg_path() }, b"p/q");
    }
}
