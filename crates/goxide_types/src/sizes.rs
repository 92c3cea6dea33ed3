//! Sizes, alignments and field offsets as gc lays values out
//! (types2's `gcsizes.go`; DESIGN.md: memory layout = gc's).
//!
//! 64-bit targets have 8-byte words (wasm included), 32-bit ones 4; the
//! maximum alignment is 8. A size of -1 means "too large" (overflow), as
//! in types2. Special cases kept from gc: complex types align like their
//! float halves; an empty `sync/atomic.align64` (or
//! `internal/runtime/atomic.align64`) struct forces 8-byte alignment; a
//! non-empty struct's zero-size final field is padded to one byte.
//!
//! Invariant: `alignof(t) >= 1`; `sizeof(t)` is a multiple of
//! `alignof(t)` for every type with a valid size.

use crate::package;
use crate::types::{table, BasicKind, Field, Type, TypeId};

/// gc's sizes for one target.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    pub word_size: i64,
    pub max_align: i64,
}

impl Sizes {
    /// gc's sizes for `goarch` (types2's `SizesFor("gc", goarch)`).
    pub fn for_arch(goarch: &str) -> Option<Sizes> {
        let word_size = match goarch {
            "386" | "arm" | "mips" | "mipsle" => 4,
            "amd64" | "arm64" | "loong64" | "mips64" | "mips64le" | "ppc64" | "ppc64le" | "riscv64" | "s390x" | "sparc64"
            | "wasm" => 8,
            _ => return None,
        };
        let max_align = if goarch == "amd64p32" { 4 } else { 8 };
        Some(Sizes { word_size, max_align })
    }

    /// `unsafe.Alignof`.
    pub fn alignof(&self, t: TypeId) -> i64 {
        let tt = table();
        let u = tt.underlying(t);
        let a = match tt.get(u) {
            Type::Array { elem, .. } => return self.alignof(*elem),
            Type::Struct(fields) => {
                if fields.is_empty() && is_sync_atomic_align64(t) {
                    return 8;
                }
                return fields.iter().map(|f| self.alignof(f.var.typ)).max().unwrap_or(1).max(1);
            }
            Type::Slice(_) | Type::Interface { .. } => return self.word_size,
            Type::Basic(BasicKind::String) => return self.word_size,
            _ => self.sizeof(t),
        };
        if a < 1 {
            return 1;
        }
        // complex{64,128} are aligned like [2]float{32,64}.
        let a = if matches!(tt.get(u), Type::Basic(BasicKind::Complex64 | BasicKind::Complex128)) { a / 2 } else { a };
        a.min(self.max_align)
    }

    /// `unsafe.Sizeof`; -1 if the size overflows.
    pub fn sizeof(&self, t: TypeId) -> i64 {
        let tt = table();
        let u = tt.underlying(t);
        match tt.get(u) {
            Type::Basic(k) => match basic_size(*k) {
                Some(s) => s,
                None if *k == BasicKind::String => self.word_size * 2,
                None => self.word_size,
            },
            Type::Array { len, elem } => {
                let n = *len;
                if n <= 0 {
                    return 0;
                }
                let esize = self.sizeof(*elem);
                if esize < 0 {
                    return -1;
                }
                if esize == 0 {
                    return 0;
                }
                if esize > i64::MAX / n {
                    return -1;
                }
                esize * n
            }
            Type::Slice(_) => self.word_size * 3,
            Type::Struct(fields) => {
                let n = fields.len();
                if n == 0 {
                    return 0;
                }
                let offsets = self.offsetsof(fields);
                let offs = offsets[n - 1];
                let mut size = self.sizeof(fields[n - 1].var.typ);
                if offs < 0 || size < 0 {
                    return -1;
                }
                // gc: the last field of a non-zero-sized struct may not
                // have size 0.
                if offs > 0 && size == 0 {
                    size = 1;
                }
                // gc: the size includes alignment padding (may overflow to
                // < 0, which is "too large").
                align(offs.wrapping_add(size), self.alignof(t))
            }
            Type::Interface { .. } => self.word_size * 2,
            _ => self.word_size,
        }
    }

    /// `unsafe.Offsetof` of every field; -1 from the first field whose
    /// offset overflows.
    pub fn offsetsof(&self, fields: &[Field]) -> Vec<i64> {
        let mut offsets = Vec::with_capacity(fields.len());
        let mut offs: i64 = 0;
        for f in fields {
            if offs < 0 {
                offsets.push(-1);
                continue;
            }
            let a = self.alignof(f.var.typ);
            offs = align(offs, a);
            offsets.push(offs);
            let d = self.sizeof(f.var.typ);
            offs = if d >= 0 && offs >= 0 { offs.wrapping_add(d) } else { -1 };
        }
        offsets
    }
}

/// Sizes of the fixed-size basic types.
fn basic_size(k: BasicKind) -> Option<i64> {
    use BasicKind::*;
    Some(match k {
        Bool | Int8 | Uint8 => 1,
        Int16 | Uint16 => 2,
        Int32 | Uint32 | Float32 => 4,
        Int64 | Uint64 | Float64 | Complex64 => 8,
        Complex128 => 16,
        _ => return None,
    })
}

/// `x` rounded up to a multiple of `a` (which is >= 1); may overflow to a
/// negative value, meaning "too large".
fn align(x: i64, a: i64) -> i64 {
    let y = x.wrapping_add(a - 1);
    y - y.rem_euclid(a)
}

/// Whether `t` is the empty struct gc uses to force 64-bit alignment.
fn is_sync_atomic_align64(t: TypeId) -> bool {
    let tt = table();
    let Some(n) = tt.named(tt.unalias(t)) else { return false };
    let Some(pkg) = n.pkg else { return false };
    let path = package::info(pkg).path.as_str();
    n.name.as_str() == "align64" && (path == "sync/atomic" || path == "internal/runtime/atomic")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::Symbol;
    use crate::types::{Var, Type};

    fn field(name: &str, typ: TypeId) -> Field {
        Field { var: Var { name: Some(Symbol::intern(name)), pkg: None, typ }, embedded: false, tag: None }
    }

    #[test]
    fn basic_and_composite_sizes_are_gcs() {
        let s = Sizes::for_arch("amd64").unwrap();
        let t = table();
        let (b, i64t, str_t, c64) = (
            t.basic(BasicKind::Bool),
            t.basic(BasicKind::Int64),
            t.basic(BasicKind::String),
            t.basic(BasicKind::Complex64),
        );
        assert_eq!((s.sizeof(b), s.alignof(b)), (1, 1));
        assert_eq!((s.sizeof(str_t), s.alignof(str_t)), (16, 8));
        assert_eq!((s.sizeof(c64), s.alignof(c64)), (8, 4));
        let sl = t.intern(Type::Slice(b));
        assert_eq!(s.sizeof(sl), 24);
        // struct{ a bool; b int64; c bool } is 24 bytes, c at 16.
        let st = t.intern(Type::Struct(vec![field("a", b), field("b", i64t), field("c", b)].into()));
        assert_eq!(s.sizeof(st), 24);
        let Type::Struct(fs) = t.get(st) else { unreachable!() };
        assert_eq!(s.offsetsof(fs), vec![0, 8, 16]);
        // A zero-size final field is padded: struct{ a int64; z struct{} } is 16.
        let empty = t.intern(Type::Struct(Box::new([])));
        let st2 = t.intern(Type::Struct(vec![field("a", i64t), field("z", empty)].into()));
        assert_eq!(s.sizeof(st2), 16);
        // Arrays overflow to -1.
        let huge = t.intern(Type::Array { len: i64::MAX, elem: i64t });
        assert_eq!(s.sizeof(huge), -1);
        let s32 = Sizes::for_arch("386").unwrap();
        assert_eq!((s32.sizeof(str_t), s32.sizeof(t.basic(BasicKind::Int))), (8, 4));
    }

    #[test]
    fn align64_forces_eight_byte_alignment() {
        let t = table();
        let pkg = package::register("sync/atomic", "atomic");
        let named = t.new_named(Symbol::intern("align64"), Some(pkg));
        let empty = t.intern(Type::Struct(Box::new([])));
        t.named(named).unwrap().underlying.set(empty).unwrap();
        let s = Sizes::for_arch("386").unwrap();
        assert_eq!(s.alignof(named), 8);
        assert_eq!(s.alignof(empty), 1);
    }
}
