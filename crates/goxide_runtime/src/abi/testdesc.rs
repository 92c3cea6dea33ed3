//! Test-only: builds type descriptors in memory the way goxide_codegen
//! emits them (the `abi` module's layout and offset convention), so the
//! runtime's tests can exercise itabs, equality, hashing, panics and maps
//! on real descriptors. All descriptors live in one arena that never moves
//! and is leaked, so relative offsets fit in an `i32` and `'static`
//! references stay valid.
//!
//! Type hashes are FNV-1a of the type string (any fixed function will do:
//! the runtime only requires equal types to have equal hashes).

use super::*;
use alloc::vec::Vec;
use core::mem::size_of;

/// A method to put in a type's table: name, exported-ness is from the
/// first letter, its signature type, its interface-call code offset.
pub struct MethodSpec<'a> {
    pub name: &'a str,
    pub mtyp: *const Type,
    pub ifn: TextOff,
}

pub struct Descs {
    base: *mut u8,
    cap: usize,
    used: usize,
}

fn fnv(s: &[u8]) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for &b in s {
        h ^= b as u32;
        h = h.wrapping_mul(0x01000193);
    }
    h
}

fn rel(from: *const u8, to: *const u8) -> i32 {
    (to as isize - from as isize) as i32
}

impl Descs {
    pub fn new() -> Descs {
        let cap = 1 << 20;
        let v: Vec<u64> = alloc::vec![0u64; cap / 8];
        let base = v.leak().as_mut_ptr() as *mut u8;
        Descs { base, cap, used: 0 }
    }

    pub fn alloc(&mut self, size: usize, align: usize) -> *mut u8 {
        self.used = (self.used + align - 1) & !(align - 1);
        assert!(self.used + size <= self.cap, "test descriptor arena full");
        let p = unsafe { self.base.add(self.used) };
        self.used += size;
        p
    }

    /// An encoded `abi.Name`.
    pub fn name(&mut self, s: &str, exported: bool, embedded: bool) -> Name {
        let mut b = Vec::new();
        let mut bits = 0u8;
        if exported {
            bits |= 1;
        }
        if embedded {
            bits |= 8;
        }
        b.push(bits);
        let mut n = s.len();
        loop {
            let x = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                b.push(x);
                break;
            }
            b.push(x | 0x80);
        }
        b.extend_from_slice(s.as_bytes());
        let p = self.alloc(b.len(), 1);
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len()) };
        Name { bytes: p }
    }

    fn exported(s: &str) -> bool {
        s.as_bytes().first().is_some_and(|c| c.is_ascii_uppercase())
    }

    /// Fills the common header of a descriptor at `t`.
    #[allow(clippy::too_many_arguments, reason = "one per header field")]
    fn header(&mut self, t: *mut Type, string: &str, kind: u8, size: usize, ptr_bytes: usize, align: u8, tf: u8) {
        let n = self.name(string, false, false);
        unsafe {
            *t = Type {
                size,
                ptr_bytes,
                hash: fnv(string.as_bytes()),
                tflag: tf | if size == 8 && ptr_bytes == 8 { tflag::DIRECT_IFACE } else { 0 },
                align,
                field_align: align,
                kind,
                equal: core::ptr::null(),
                gc_data: core::ptr::null(),
                str: rel(t as *const u8, n.bytes),
                ptr_to_this: 0,
            };
        }
    }

    /// Appends the uncommon data and method table after a descriptor of
    /// `desc_size` bytes at `t` (which must have been allocated with room).
    fn uncommon(&mut self, t: *mut Type, desc_size: usize, pkg: &str, methods: &[MethodSpec<'_>]) {
        let pkgname = self.name(pkg, false, false);
        let names: Vec<Name> = methods.iter().map(|m| self.name(m.name, Self::exported(m.name), false)).collect();
        unsafe {
            let u = (t as *mut u8).add(desc_size) as *mut UncommonType;
            *u = UncommonType {
                pkg_path: rel(t as *const u8, pkgname.bytes),
                mcount: methods.len() as u16,
                xcount: methods.iter().filter(|m| Self::exported(m.name)).count() as u16,
                moff: size_of::<UncommonType>() as u32,
                unused: 0,
            };
            let ms = (u as *mut u8).add(size_of::<UncommonType>()) as *mut Method;
            for (i, m) in methods.iter().enumerate() {
                *ms.add(i) = Method {
                    name: rel(t as *const u8, names[i].bytes),
                    mtyp: if m.mtyp.is_null() { 0 } else { rel(t as *const u8, m.mtyp as *const u8) },
                    ifn: m.ifn,
                    tfn: m.ifn,
                };
            }
        }
    }

    fn room(&mut self, desc_size: usize, nmethods: usize, uncommon: bool) -> *mut Type {
        let extra = if uncommon { size_of::<UncommonType>() + nmethods * size_of::<Method>() } else { 0 };
        self.alloc(desc_size + extra, 8) as *mut Type
    }

    /// A predeclared type such as `int` or `string` (no uncommon data).
    pub fn basic(&mut self, string: &str, kind: u8, size: usize) -> *const Type {
        let ptr_bytes = if kind == kind::STRING || kind == kind::UNSAFE_POINTER { 8 } else { 0 };
        let t = self.room(size_of::<Type>(), 0, false);
        self.header(t, string, kind, size, ptr_bytes, size.clamp(1, 8) as u8, tflag::REGULAR_MEMORY);
        t
    }

    /// A defined type over a basic kind, with methods (sorted by the caller).
    pub fn named_basic(&mut self, string: &str, pkg: &str, kind: u8, size: usize, methods: &[MethodSpec<'_>]) -> *const Type {
        let ptr_bytes = if kind == kind::STRING || kind == kind::UNSAFE_POINTER { 8 } else { 0 };
        let t = self.room(size_of::<Type>(), methods.len(), true);
        self.header(t, string, kind, size, ptr_bytes, size.clamp(1, 8) as u8, tflag::NAMED | tflag::UNCOMMON);
        self.uncommon(t, size_of::<Type>(), pkg, methods);
        t
    }

    /// `*elem`, optionally with methods (the pointer's method set).
    pub fn ptr_to_with(&mut self, elem: *const Type, pkg: &str, methods: &[MethodSpec<'_>]) -> *const Type {
        let s = alloc::format!("*{}", core::str::from_utf8(unsafe { (*elem).string() }).unwrap());
        let unc = !methods.is_empty();
        let t = self.room(size_of::<PtrType>(), methods.len(), unc);
        self.header(t, &s, kind::POINTER, 8, 8, 8, if unc { tflag::UNCOMMON } else { 0 });
        unsafe { (*(t as *mut PtrType)).elem = elem };
        if unc {
            self.uncommon(t, size_of::<PtrType>(), pkg, methods);
        }
        t
    }

    pub fn ptr_to(&mut self, elem: *const Type) -> *const Type {
        self.ptr_to_with(elem, "", &[])
    }

    pub fn slice_of(&mut self, elem: *const Type) -> *const Type {
        let s = alloc::format!("[]{}", core::str::from_utf8(unsafe { (*elem).string() }).unwrap());
        let t = self.room(size_of::<SliceType>(), 0, false);
        self.header(t, &s, kind::SLICE, 24, 8, 8, 0);
        unsafe { (*(t as *mut SliceType)).elem = elem };
        t
    }

    pub fn array_of(&mut self, elem: *const Type, len: usize) -> *const Type {
        let e = unsafe { &*elem };
        let s = alloc::format!("[{}]{}", len, core::str::from_utf8(unsafe { e.string() }).unwrap());
        let t = self.room(size_of::<ArrayType>(), 0, false);
        let ptr_bytes = if e.ptr_bytes == 0 || len == 0 { 0 } else { e.size * (len - 1) + e.ptr_bytes };
        self.header(t, &s, kind::ARRAY, e.size * len, ptr_bytes, e.align, 0);
        unsafe {
            let a = t as *mut ArrayType;
            (*a).elem = elem;
            (*a).len = len;
        }
        t
    }

    /// A func type with no parameters (enough to serve as a method type).
    pub fn func0(&mut self, string: &str) -> *const Type {
        let t = self.room(size_of::<FuncType>(), 0, false);
        self.header(t, string, kind::FUNC, 8, 8, 8, 0);
        t
    }

    pub fn map_type(&mut self, string: &str, key: *const Type, elem: *const Type) -> *const MapType {
        let t = self.room(size_of::<MapType>(), 0, false);
        self.header(t, string, kind::MAP, 8, 8, 8, 0);
        unsafe {
            let m = t as *mut MapType;
            (*m).key = key;
            (*m).elem = elem;
        }
        t as *const MapType
    }

    /// A struct type laid out with gc's rules (fields at their alignment,
    /// size rounded to the struct's alignment). `named`: (pkg, methods)
    /// for a defined type.
    pub fn struct_of(&mut self, string: &str, fields: &[(&str, *const Type)], named: Option<(&str, &[MethodSpec<'_>])>) -> *const Type {
        let mut off = 0usize;
        let mut align = 1usize;
        let mut ptr_bytes = 0usize;
        let mut offs = Vec::new();
        for (_, ft) in fields {
            let ft = unsafe { &**ft };
            let a = ft.align.max(1) as usize;
            off = (off + a - 1) & !(a - 1);
            offs.push(off);
            if ft.ptr_bytes != 0 {
                ptr_bytes = off + ft.ptr_bytes;
            }
            off += ft.size;
            align = align.max(a);
        }
        let size = (off + align - 1) & !(align - 1);
        let nm = named.map_or(0, |(_, m)| m.len());
        let t = self.room(size_of::<StructType>(), nm, named.is_some());
        let tf = if named.is_some() { tflag::NAMED | tflag::UNCOMMON } else { 0 };
        self.header(t, string, kind::STRUCT, size, ptr_bytes, align as u8, tf);
        let sf = self.alloc(fields.len().max(1) * size_of::<StructField>(), 8) as *mut StructField;
        for (i, (fname, ft)) in fields.iter().enumerate() {
            let n = self.name(fname, Self::exported(fname), false);
            unsafe { *sf.add(i) = StructField { name: n, typ: *ft, offset: offs[i] } };
        }
        let pkg = self.name(named.map_or("main", |(p, _)| p), false, false);
        unsafe {
            let st = t as *mut StructType;
            (*st).pkg_path = pkg;
            (*st).fields = SliceHeader { ptr: sf, len: fields.len() as isize, cap: fields.len() as isize };
        }
        if let Some((pkg, methods)) = named {
            self.uncommon(t, size_of::<StructType>(), pkg, methods);
        }
        t
    }

    /// An interface type with methods (name, signature), sorted by the
    /// caller.
    pub fn interface_of(&mut self, string: &str, pkg: &str, methods: &[(&str, *const Type)]) -> *const InterfaceType {
        let named = string.contains('.') && !string.starts_with("interface");
        let t = self.room(size_of::<InterfaceType>(), 0, named);
        let tf = if named { tflag::NAMED | tflag::UNCOMMON } else { 0 };
        self.header(t, string, kind::INTERFACE, 16, 16, 8, tf);
        let im = self.alloc(methods.len().max(1) * size_of::<Imethod>(), 4) as *mut Imethod;
        for (i, (mname, mtyp)) in methods.iter().enumerate() {
            let n = self.name(mname, Self::exported(mname), false);
            unsafe {
                *im.add(i) = Imethod { name: rel(t as *const u8, n.bytes), typ: rel(t as *const u8, *mtyp as *const u8) };
            }
        }
        let p = self.name(pkg, false, false);
        unsafe {
            let it = t as *mut InterfaceType;
            (*it).pkg_path = p;
            (*it).methods = SliceHeader { ptr: im, len: methods.len() as isize, cap: methods.len() as isize };
        }
        if named {
            self.uncommon(t, size_of::<InterfaceType>(), pkg, &[]);
        }
        t as *const InterfaceType
    }
}
