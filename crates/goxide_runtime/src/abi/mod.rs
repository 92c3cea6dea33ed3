//! Type descriptors as compiled code emits them: `#[repr(C)]` mirrors of
//! go1.27's `internal/abi` (`type.go`, `map.go`, `iface.go`), 64-bit only,
//! and the accessors the runtime needs (kind, uncommon data, method
//! tables, the type's string, offsets resolved).
//!
//! # Offsets (the contract, crate doc "Type descriptors")
//! gc resolves a `NameOff`/`TypeOff` against the module's `types` section
//! (`runtime.resolveNameOff(ptrInModule, off)`) and a `TextOff` against the
//! text section. Goxide has no module data: **every `NameOff`, `TypeOff`
//! and `TextOff` is a signed 32-bit byte offset from the address of the
//! `abi.Type` whose descriptor (including its uncommon data and method
//! table) holds it** — the `ptrInModule` gc passes is always that type —
//! so `resolve(t, off) = (t as *const u8).offset(off)`. The one exception
//! is the package-path `NameOff` stored inside an encoded [`Name`] (bit 2
//! of its flag byte): it is relative to the first byte of that `Name`, the
//! pointer gc's `pkgPath` passes. An offset of 0 means "none" (a nil name
//! or type), and so does -1 for a `TypeOff` (gc's unreachable-method
//! sentinel). Pointers inside descriptors (`Elem`, `Fields`, `Name.Bytes`,
//! `GCData`) are plain absolute pointers, as in gc.
//!
//! `Type.Equal` is never called by the runtime and may be null: the runtime
//! compares and hashes by walking kinds ([`crate::alg`]).
//!
//! # Layout (pinned by tests against the sizes gc's declarations imply)
//! `Type` is 48 bytes; the kind-specific descriptor follows it in the same
//! struct, then (when `TFlagUncommon`) the [`UncommonType`] (16 bytes), then
//! for a func type its `[in+out]*Type`. The uncommon data sits at
//! [`Type::kind_descriptor_size`] from the type: 48 (basic kinds), 56
//! (pointer, slice, func), 64 (chan), 72 (array), 80 (struct, interface),
//! 136 (map). A method table is `UncommonType.Moff` bytes after the
//! uncommon data, in gc's order (`types.CompareSyms`): exported methods
//! first (so `Xcount` counts a prefix), each group by name, unexported
//! names of equal spelling by package path. An interface type's
//! `Imethod`s are in the same order; [`crate::iface`]'s itab builder
//! walks both lists in step and relies on it.
//!
//! Invariants: nothing here allocates; every accessor taking a descriptor
//! pointer is `unsafe` and trusts that the compiler emitted a well-formed
//! descriptor (the runtime never sees user-built descriptors).

mod name;
#[cfg(test)]
pub(crate) mod testdesc;

pub use name::Name;

/// `abi.NameOff`: see the module doc for what it is relative to.
pub type NameOff = i32;
/// `abi.TypeOff`.
pub type TypeOff = i32;
/// `abi.TextOff`.
pub type TextOff = i32;

/// `abi.Kind` values (`Type.Kind_`).
pub mod kind {
    pub const INVALID: u8 = 0;
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const INT8: u8 = 3;
    pub const INT16: u8 = 4;
    pub const INT32: u8 = 5;
    pub const INT64: u8 = 6;
    pub const UINT: u8 = 7;
    pub const UINT8: u8 = 8;
    pub const UINT16: u8 = 9;
    pub const UINT32: u8 = 10;
    pub const UINT64: u8 = 11;
    pub const UINTPTR: u8 = 12;
    pub const FLOAT32: u8 = 13;
    pub const FLOAT64: u8 = 14;
    pub const COMPLEX64: u8 = 15;
    pub const COMPLEX128: u8 = 16;
    pub const ARRAY: u8 = 17;
    pub const CHAN: u8 = 18;
    pub const FUNC: u8 = 19;
    pub const INTERFACE: u8 = 20;
    pub const MAP: u8 = 21;
    pub const POINTER: u8 = 22;
    pub const SLICE: u8 = 23;
    pub const STRING: u8 = 24;
    pub const STRUCT: u8 = 25;
    pub const UNSAFE_POINTER: u8 = 26;
}

/// `abi.TFlag` bits.
pub mod tflag {
    pub const UNCOMMON: u8 = 1 << 0;
    pub const EXTRA_STAR: u8 = 1 << 1;
    pub const NAMED: u8 = 1 << 2;
    pub const REGULAR_MEMORY: u8 = 1 << 3;
    pub const GC_MASK_ON_DEMAND: u8 = 1 << 4;
    pub const DIRECT_IFACE: u8 = 1 << 5;
}

/// `abi.Type`: the common header of every type descriptor.
#[repr(C)]
pub struct Type {
    pub size: usize,
    pub ptr_bytes: usize,
    pub hash: u32,
    pub tflag: u8,
    pub align: u8,
    pub field_align: u8,
    pub kind: u8,
    /// gc's `Equal func(unsafe.Pointer, unsafe.Pointer) bool`; unused by
    /// this runtime, may be null.
    pub equal: *const u8,
    pub gc_data: *const u8,
    pub str: NameOff,
    pub ptr_to_this: TypeOff,
}

/// `abi.PtrType`.
#[repr(C)]
pub struct PtrType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `abi.SliceType`.
#[repr(C)]
pub struct SliceType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `abi.ArrayType`.
#[repr(C)]
pub struct ArrayType {
    pub typ: Type,
    pub elem: *const Type,
    pub slice: *const Type,
    pub len: usize,
}

/// `abi.ChanDir`.
pub mod chandir {
    pub const RECV: isize = 1;
    pub const SEND: isize = 2;
    pub const BOTH: isize = 3;
}

/// `abi.ChanType`.
#[repr(C)]
pub struct ChanType {
    pub typ: Type,
    pub elem: *const Type,
    pub dir: isize,
}

/// `abi.FuncType`; `[in_count + out_count]*Type` follow it (after the
/// uncommon data when present).
#[repr(C)]
pub struct FuncType {
    pub typ: Type,
    pub in_count: u16,
    /// The top bit is set when the last input parameter is `...`.
    pub out_count: u16,
}

/// A Go slice header as a descriptor field (`[]T` inside `abi` structs).
#[repr(C)]
pub struct SliceHeader<T> {
    pub ptr: *const T,
    pub len: isize,
    pub cap: isize,
}

impl<T> SliceHeader<T> {
    /// # Safety
    /// `ptr` points to `len` initialised elements that live forever.
    pub unsafe fn as_slice(&self) -> &'static [T] {
        if self.len <= 0 || self.ptr.is_null() {
            &[]
        } else {
            // SAFETY: the caller's guarantee.
            unsafe { core::slice::from_raw_parts(self.ptr, self.len as usize) }
        }
    }
}

/// `abi.StructField`.
#[repr(C)]
pub struct StructField {
    pub name: Name,
    pub typ: *const Type,
    pub offset: usize,
}

/// `abi.StructType`.
#[repr(C)]
pub struct StructType {
    pub typ: Type,
    pub pkg_path: Name,
    pub fields: SliceHeader<StructField>,
}

/// `abi.Imethod`: offsets relative to the interface type.
#[repr(C)]
pub struct Imethod {
    pub name: NameOff,
    pub typ: TypeOff,
}

/// `abi.InterfaceType`. `methods` are sorted by name (gc's comment says
/// "by hash"; the compiler sorts them by name, as `types.Sort`).
#[repr(C)]
pub struct InterfaceType {
    pub typ: Type,
    pub pkg_path: Name,
    pub methods: SliceHeader<Imethod>,
}

/// `abi.Method`: offsets relative to the concrete type.
#[repr(C)]
pub struct Method {
    pub name: NameOff,
    pub mtyp: TypeOff,
    /// The code for interface calls (one-word receiver).
    pub ifn: TextOff,
    /// The code for direct calls.
    pub tfn: TextOff,
}

/// `abi.UncommonType`.
#[repr(C)]
pub struct UncommonType {
    pub pkg_path: NameOff,
    pub mcount: u16,
    pub xcount: u16,
    /// Byte offset from this `UncommonType` to `[mcount]Method`.
    pub moff: u32,
    pub unused: u32,
}

/// `abi.MapType` (go1.27, swiss maps).
#[repr(C)]
pub struct MapType {
    pub typ: Type,
    pub key: *const Type,
    pub elem: *const Type,
    pub group: *const Type,
    /// gc's `Hasher func(unsafe.Pointer, uintptr) uintptr`; unused here
    /// (the runtime hashes by kind), may be null.
    pub hasher: *const u8,
    pub group_size: usize,
    pub keys_off: usize,
    pub key_stride: usize,
    pub elems_off: usize,
    pub elem_stride: usize,
    pub elem_off: usize,
    pub flags: u32,
}

/// `abi.MapType.Flags` bits.
pub mod mapflag {
    pub const NEED_KEY_UPDATE: u32 = 1 << 0;
    pub const HASH_MIGHT_PANIC: u32 = 1 << 1;
    pub const INDIRECT_KEY: u32 = 1 << 2;
    pub const INDIRECT_ELEM: u32 = 1 << 3;
}

/// `abi.ITab`: `fun` is variable sized (one word per interface method);
/// `fun[0] == 0` means the type does not implement the interface.
#[repr(C)]
pub struct ITab {
    pub inter: *const InterfaceType,
    pub typ: *const Type,
    /// A copy of `typ.hash` (type switches read it).
    pub hash: u32,
    pub fun: [usize; 1],
}

/// `abi.EmptyInterface` (`interface{}`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct EmptyInterface {
    pub typ: *const Type,
    pub data: *mut u8,
}

/// `abi.NonEmptyInterface`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct NonEmptyInterface {
    pub itab: *const ITab,
    pub data: *mut u8,
}

impl Type {
    pub fn kind(&self) -> u8 {
        self.kind
    }

    pub fn has_name(&self) -> bool {
        self.tflag & tflag::NAMED != 0
    }

    pub fn pointers(&self) -> bool {
        self.ptr_bytes != 0
    }

    /// Whether a value of this type is stored directly in an interface's
    /// data word (`TFlagDirectIface`).
    pub fn is_direct_iface(&self) -> bool {
        self.tflag & tflag::DIRECT_IFACE != 0
    }

    /// The size of the kind-specific descriptor (`Type` included), where
    /// the uncommon data begins (gc's `Type.Uncommon` cases).
    pub fn kind_descriptor_size(&self) -> usize {
        use core::mem::size_of;
        match self.kind {
            kind::STRUCT => size_of::<StructType>(),
            kind::POINTER => size_of::<PtrType>(),
            kind::FUNC => size_of::<FuncType>(),
            kind::SLICE => size_of::<SliceType>(),
            kind::ARRAY => size_of::<ArrayType>(),
            kind::CHAN => size_of::<ChanType>(),
            kind::MAP => size_of::<MapType>(),
            kind::INTERFACE => size_of::<InterfaceType>(),
            _ => size_of::<Type>(),
        }
    }

    /// gc's `Type.Uncommon`: the uncommon data, or None.
    ///
    /// # Safety
    /// `self` is a whole descriptor as compiled code emits it.
    pub unsafe fn uncommon(&self) -> Option<&'static UncommonType> {
        if self.tflag & tflag::UNCOMMON == 0 {
            return None;
        }
        let p = (self as *const Type as *const u8).wrapping_add(self.kind_descriptor_size());
        // SAFETY: TFlagUncommon says the uncommon data follows.
        Some(unsafe { &*(p as *const UncommonType) })
    }

    /// gc's `rtype.nameOff`.
    ///
    /// # Safety
    /// `off` comes from this type's descriptor.
    pub unsafe fn name_off(&self, off: NameOff) -> Name {
        if off == 0 {
            return Name::NONE;
        }
        Name { bytes: (self as *const Type as *const u8).wrapping_offset(off as isize) }
    }

    /// gc's `rtype.typeOff`: null for 0 and -1.
    ///
    /// # Safety
    /// `off` comes from this type's descriptor.
    pub unsafe fn type_off(&self, off: TypeOff) -> *const Type {
        if off == 0 || off == -1 {
            return core::ptr::null();
        }
        (self as *const Type as *const u8).wrapping_offset(off as isize) as *const Type
    }

    /// gc's `rtype.textOff`: the code address.
    ///
    /// # Safety
    /// `off` comes from this type's descriptor.
    pub unsafe fn text_off(&self, off: TextOff) -> usize {
        (self as *const Type as usize).wrapping_add(off as isize as usize)
    }

    /// gc's `rtype.string`: the type as Go spells it (`main.T`, `[]int`).
    ///
    /// # Safety
    /// A whole descriptor.
    pub unsafe fn string(&self) -> &'static [u8] {
        // SAFETY: the caller's guarantee.
        let s = unsafe { self.name_off(self.str).name() };
        if self.tflag & tflag::EXTRA_STAR != 0 && !s.is_empty() {
            &s[1..]
        } else {
            s
        }
    }

    /// gc's `rtype.pkgpath`.
    ///
    /// # Safety
    /// A whole descriptor.
    pub unsafe fn pkgpath(&self) -> &'static [u8] {
        // SAFETY: the caller's guarantee.
        unsafe {
            if let Some(u) = self.uncommon() {
                return self.name_off(u.pkg_path).name();
            }
            match self.kind {
                kind::STRUCT => (*(self as *const Type as *const StructType)).pkg_path.name(),
                kind::INTERFACE => (*(self as *const Type as *const InterfaceType)).pkg_path.name(),
                _ => &[],
            }
        }
    }

    /// The element type of an array, chan, map, pointer or slice.
    ///
    /// # Safety
    /// A whole descriptor.
    pub unsafe fn elem(&self) -> *const Type {
        let p = self as *const Type;
        // SAFETY: the kind says which descriptor this is.
        unsafe {
            match self.kind {
                kind::ARRAY => (*(p as *const ArrayType)).elem,
                kind::CHAN => (*(p as *const ChanType)).elem,
                kind::MAP => (*(p as *const MapType)).elem,
                kind::POINTER => (*(p as *const PtrType)).elem,
                kind::SLICE => (*(p as *const SliceType)).elem,
                _ => core::ptr::null(),
            }
        }
    }
}

impl UncommonType {
    /// gc's `UncommonType.Methods`.
    ///
    /// # Safety
    /// `self` is inside a whole descriptor.
    pub unsafe fn methods(&self) -> &'static [Method] {
        if self.mcount == 0 {
            return &[];
        }
        let p = (self as *const UncommonType as *const u8).wrapping_add(self.moff as usize);
        // SAFETY: Moff locates [mcount]Method.
        unsafe { core::slice::from_raw_parts(p as *const Method, self.mcount as usize) }
    }
}

impl InterfaceType {
    /// # Safety
    /// A whole descriptor.
    pub unsafe fn imethods(&self) -> &'static [Imethod] {
        // SAFETY: the caller's guarantee.
        unsafe { self.methods.as_slice() }
    }
}

impl StructType {
    /// # Safety
    /// A whole descriptor.
    pub unsafe fn field_slice(&self) -> &'static [StructField] {
        // SAFETY: the caller's guarantee.
        unsafe { self.fields.as_slice() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::mem::{offset_of, size_of};

    /// The offsets gc's internal/abi declarations give on a 64-bit target
    /// (uintptr 8, pointers 8, slices 24, int 8).
    #[test]
    fn layouts_are_internal_abis() {
        assert_eq!(offset_of!(Type, size), 0);
        assert_eq!(offset_of!(Type, ptr_bytes), 8);
        assert_eq!(offset_of!(Type, hash), 16);
        assert_eq!(offset_of!(Type, tflag), 20);
        assert_eq!(offset_of!(Type, align), 21);
        assert_eq!(offset_of!(Type, field_align), 22);
        assert_eq!(offset_of!(Type, kind), 23);
        assert_eq!(offset_of!(Type, equal), 24);
        assert_eq!(offset_of!(Type, gc_data), 32);
        assert_eq!(offset_of!(Type, str), 40);
        assert_eq!(offset_of!(Type, ptr_to_this), 44);
        assert_eq!(size_of::<Type>(), 48);

        assert_eq!(offset_of!(PtrType, elem), 48);
        assert_eq!(size_of::<PtrType>(), 56);
        assert_eq!(offset_of!(SliceType, elem), 48);
        assert_eq!(size_of::<SliceType>(), 56);
        assert_eq!((offset_of!(ArrayType, elem), offset_of!(ArrayType, slice), offset_of!(ArrayType, len)), (48, 56, 64));
        assert_eq!(size_of::<ArrayType>(), 72);
        assert_eq!((offset_of!(ChanType, elem), offset_of!(ChanType, dir)), (48, 56));
        assert_eq!(size_of::<ChanType>(), 64);
        assert_eq!((offset_of!(FuncType, in_count), offset_of!(FuncType, out_count)), (48, 50));
        assert_eq!(size_of::<FuncType>(), 56);

        assert_eq!((offset_of!(StructField, name), offset_of!(StructField, typ), offset_of!(StructField, offset)), (0, 8, 16));
        assert_eq!(size_of::<StructField>(), 24);
        assert_eq!((offset_of!(StructType, pkg_path), offset_of!(StructType, fields)), (48, 56));
        assert_eq!(size_of::<StructType>(), 80);
        assert_eq!((offset_of!(InterfaceType, pkg_path), offset_of!(InterfaceType, methods)), (48, 56));
        assert_eq!(size_of::<InterfaceType>(), 80);
        assert_eq!(size_of::<Imethod>(), 8);

        assert_eq!(
            (offset_of!(UncommonType, pkg_path), offset_of!(UncommonType, mcount), offset_of!(UncommonType, xcount), offset_of!(UncommonType, moff)),
            (0, 4, 6, 8)
        );
        assert_eq!(size_of::<UncommonType>(), 16);
        assert_eq!((offset_of!(Method, name), offset_of!(Method, mtyp), offset_of!(Method, ifn), offset_of!(Method, tfn)), (0, 4, 8, 12));
        assert_eq!(size_of::<Method>(), 16);

        assert_eq!(offset_of!(MapType, key), 48);
        assert_eq!(offset_of!(MapType, elem), 56);
        assert_eq!(offset_of!(MapType, group), 64);
        assert_eq!(offset_of!(MapType, hasher), 72);
        assert_eq!(offset_of!(MapType, group_size), 80);
        assert_eq!(offset_of!(MapType, keys_off), 88);
        assert_eq!(offset_of!(MapType, key_stride), 96);
        assert_eq!(offset_of!(MapType, elems_off), 104);
        assert_eq!(offset_of!(MapType, elem_stride), 112);
        assert_eq!(offset_of!(MapType, elem_off), 120);
        assert_eq!(offset_of!(MapType, flags), 128);
        assert_eq!(size_of::<MapType>(), 136);

        assert_eq!((offset_of!(ITab, inter), offset_of!(ITab, typ), offset_of!(ITab, hash), offset_of!(ITab, fun)), (0, 8, 16, 24));
        assert_eq!(size_of::<ITab>(), 32);
        assert_eq!(size_of::<EmptyInterface>(), 16);
        assert_eq!(size_of::<NonEmptyInterface>(), 16);
    }

    #[test]
    fn kinds_are_gcs() {
        // internal/abi's iota order: spot-check both ends and the middle.
        assert_eq!(kind::BOOL, 1);
        assert_eq!(kind::UINTPTR, 12);
        assert_eq!(kind::COMPLEX128, 16);
        assert_eq!(kind::INTERFACE, 20);
        assert_eq!(kind::STRING, 24);
        assert_eq!(kind::UNSAFE_POINTER, 26);
        assert_eq!(tflag::DIRECT_IFACE, 32);
    }

    #[test]
    fn offsets_resolve_from_the_type() {
        let mut d = testdesc::Descs::new();
        let t = d.named_basic("main.T", "main", kind::INT, 8, &[]);
        let t = unsafe { &*t };
        assert_eq!(unsafe { t.string() }, b"main.T");
        assert_eq!(unsafe { t.pkgpath() }, b"main");
        assert!(unsafe { t.type_off(0) }.is_null());
        assert!(unsafe { t.type_off(-1) }.is_null());
        assert!(unsafe { t.name_off(0) }.bytes.is_null());
        let p = d.ptr_to(t);
        assert_eq!(unsafe { (*p).string() }, b"*main.T");
        assert_eq!(unsafe { (*p).elem() }, t as *const Type);
    }
}
