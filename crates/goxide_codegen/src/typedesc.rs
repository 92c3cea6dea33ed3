//! Type descriptors: one read-only data object per Go type a package
//! needs at run time (`TypeDesc` in the IR), in go1.27's `internal/abi`
//! layout (gc's `reflectdata.WriteType`), as the runtime contract says.
//!
//! The object is the `abi.Type` header (48 bytes: `Size_`, `PtrBytes`,
//! `Hash`, `TFlag`, `Align_`, `FieldAlign_`, `Kind_`, `Equal`, `GCData`,
//! `Str`, `PtrToThis`), the kind's extension (`PtrType.Elem`,
//! `SliceType.Elem`, `ArrayType{Elem, Slice, Len}`, `ChanType{Elem, Dir}`,
//! `StructType{PkgPath, Fields}` with its `StructField{Name, Typ,
//! Offset}` array, an empty `InterfaceType`), then the names it refers to
//! in `abi.Name` encoding. `Str` is goxide's `NameOff`: the byte offset of
//! the type's string from the descriptor's own address (the contract's
//! rule for `resolveNameOff`), so it is a constant of the object.
//!
//! Not yet: `Equal` is null (the runtime compares by kind), `GCData` is
//! null (no collector yet), no uncommon type (methods), `PtrToThis` 0,
//! function and map extensions. `Hash` is FNV-1a of the type string (gc
//! uses its own hash; only map iteration order could observe it, and that
//! is random anyway). Invariant: the offsets are internal/abi's; one
//! object per distinct type (identical types share it).

use cranelift_module::{DataDescription, DataId, Module};
use goxide_ir::repr::{repr_of, Repr};
use goxide_types::types::{table, BasicKind, ChanDir, Type, TypeId};

use crate::{err, CodegenError, ObjectState};

/// internal/abi `Kind` values.
fn kind_of(t: TypeId) -> u8 {
    let tab = table();
    match tab.get(tab.underlying(t)) {
        Type::Basic(k) => match k {
            BasicKind::Bool => 1,
            BasicKind::Int => 2,
            BasicKind::Int8 => 3,
            BasicKind::Int16 => 4,
            BasicKind::Int32 => 5,
            BasicKind::Int64 => 6,
            BasicKind::Uint => 7,
            BasicKind::Uint8 => 8,
            BasicKind::Uint16 => 9,
            BasicKind::Uint32 => 10,
            BasicKind::Uint64 => 11,
            BasicKind::Uintptr => 12,
            BasicKind::Float32 => 13,
            BasicKind::Float64 => 14,
            BasicKind::Complex64 => 15,
            BasicKind::Complex128 => 16,
            BasicKind::String => 24,
            BasicKind::UnsafePointer => 26,
            _ => 0,
        },
        Type::Array { .. } => 17,
        Type::Chan { .. } => 18,
        Type::Signature { .. } => 19,
        Type::Interface { .. } => 20,
        Type::Map { .. } => 21,
        Type::Pointer(_) => 22,
        Type::Slice(_) => 23,
        Type::Struct(_) => 25,
        _ => 0,
    }
}

/// `abi.TFlagUncommon`, `abi.TFlagNamed`, `abi.TFlagDirectIface`.
const TFLAG_UNCOMMON: u8 = 1 << 0;
const TFLAG_NAMED: u8 = 1 << 2;
const TFLAG_DIRECT_IFACE: u8 = 1 << 5;

/// The size of the `abi.Type` header.
const HEADER: usize = 48;

/// The number of leading bytes of a `t` that can hold pointers
/// (`abi.Type.PtrBytes`).
pub(crate) fn ptr_bytes(st: &ObjectState, t: TypeId) -> i64 {
    let tab = table();
    match tab.get(tab.underlying(t)).clone() {
        Type::Basic(BasicKind::String) | Type::Basic(BasicKind::UnsafePointer) => 8,
        Type::Basic(_) => 0,
        Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Signature { .. } | Type::Slice(_) => 8,
        Type::Interface { .. } => 16,
        Type::Array { len, elem } => {
            let e = ptr_bytes(st, elem);
            if len == 0 || e == 0 { 0 } else { (len - 1) * st.sizes.sizeof(elem) + e }
        }
        Type::Struct(fields) => {
            let offs = st.sizes.offsetsof(&fields);
            let mut last = 0;
            for (f, o) in fields.iter().zip(offs) {
                let p = ptr_bytes(st, f.var.typ);
                if p > 0 {
                    last = o + p;
                }
            }
            last
        }
        _ => 0,
    }
}

/// An `abi.Name` with no tag and no package path.
fn encode_name(name: &str, exported: bool, embedded: bool) -> Vec<u8> {
    let mut out = vec![(exported as u8) | ((embedded as u8) << 3)];
    let mut n = name.len();
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    }
    out.extend_from_slice(name.as_bytes());
    out
}

/// The `Hash` of `t`'s descriptor (and its itabs').
pub(crate) fn type_hash(t: TypeId) -> u32 {
    fnv1a(&canonical(t))
}

fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for &b in s.as_bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x01000193);
    }
    h
}

/// A relocation inside a descriptor to another symbol.
enum Ref {
    /// An absolute pointer to another type's descriptor.
    TypeAbs(TypeId),
    /// An absolute pointer into this descriptor, at the offset.
    SelfAbs(usize),
    /// A `TypeOff`: the offset of another type's descriptor from this one.
    TypeRel(TypeId),
    /// A `TextOff`: the offset of function `f`'s code from this descriptor.
    TextRel(goxide_ir::ir::FuncId),
}

/// The descriptor of `t`, made on first use. Layout: the `abi.Type`
/// header, the kind's fixed extension, the `UncommonType` when the type
/// has methods (right after the extension, where `Type.Uncommon` looks),
/// then the variable arrays (struct fields, interface methods, methods),
/// then the names.
pub(crate) fn type_desc(st: &mut ObjectState, t: TypeId) -> Result<DataId, CodegenError> {
    let key = canonical(t);
    if let Some(&id) = st.type_descs.get(&key) {
        return Ok(id);
    }
    let id = st.module.declare_anonymous_data(false, false).map_err(err)?;
    st.type_descs.insert(key.clone(), id);
    let tab = table();
    let s = runtime_string(t);
    let size = st.sizes.sizeof(t).max(0) as u64;
    let align = st.sizes.alignof(t).clamp(1, 255) as u8;
    let mut bytes = vec![0u8; HEADER];
    bytes[0..8].copy_from_slice(&size.to_le_bytes());
    bytes[8..16].copy_from_slice(&(ptr_bytes(st, t) as u64).to_le_bytes());
    bytes[16..20].copy_from_slice(&fnv1a(&s).to_le_bytes());
    let mut tflag = 0;
    if matches!(tab.get(t), Type::Named(_)) {
        tflag |= TFLAG_NAMED;
    }
    if repr_of(t) == Some(Repr::Pointer) {
        tflag |= TFLAG_DIRECT_IFACE;
    }
    bytes[21] = align;
    bytes[22] = align;
    bytes[23] = kind_of(t);
    let mut refs: Vec<(usize, Ref)> = Vec::new();
    // Names to append: (offset of the field, bytes, as a NameOff (true) or
    // an absolute `*byte` (false)).
    let mut names: Vec<(usize, Vec<u8>, bool)> = vec![(40, encode_name(&s, false, false), true)];
    // Variable arrays, placed after the fixed part and the uncommon type:
    // (offset of the slice/pointer field to fill, the array's bytes, its
    // relocations relative to the array, names inside it).
    enum Home {
        /// The array's address goes in the pointer field at this offset.
        Field(usize),
        /// The methods of the uncommon type at `uncommon`: its `Moff`
        /// (at `moff`) gets the array's offset from it.
        Methods { uncommon: usize, moff: usize },
    }
    struct Array {
        home: Home,
        bytes: Vec<u8>,
        refs: Vec<(usize, Ref)>,
        names: Vec<(usize, Vec<u8>, bool)>,
    }
    let mut arrays: Vec<Array> = Vec::new();
    match tab.get(tab.underlying(t)).clone() {
        Type::Pointer(e) | Type::Slice(e) => {
            refs.push((bytes.len(), Ref::TypeAbs(e)));
            bytes.extend_from_slice(&[0; 8]);
        }
        Type::Array { len, elem } => {
            refs.push((bytes.len(), Ref::TypeAbs(elem)));
            bytes.extend_from_slice(&[0; 8]);
            refs.push((bytes.len(), Ref::TypeAbs(tab.intern(Type::Slice(elem)))));
            bytes.extend_from_slice(&[0; 8]);
            bytes.extend_from_slice(&(len.max(0) as u64).to_le_bytes());
        }
        Type::Chan { dir, elem } => {
            refs.push((bytes.len(), Ref::TypeAbs(elem)));
            bytes.extend_from_slice(&[0; 8]);
            let d: u64 = match dir {
                ChanDir::RecvOnly => 1,
                ChanDir::SendOnly => 2,
                ChanDir::SendRecv => 3,
            };
            bytes.extend_from_slice(&d.to_le_bytes());
        }
        Type::Map { key, elem } => {
            // Key, Elem, Group (not yet), Hasher (not yet), GroupSize,
            // KeysOff, KeyStride, ElemsOff, ElemStride, ElemOff, Flags:
            // gc's interleaved slot layout {key, elem} after a control word.
            refs.push((bytes.len(), Ref::TypeAbs(key)));
            bytes.extend_from_slice(&[0; 8]);
            refs.push((bytes.len(), Ref::TypeAbs(elem)));
            bytes.extend_from_slice(&[0; 8]);
            bytes.extend_from_slice(&[0; 16]);
            let (ks, ka) = (st.sizes.sizeof(key), st.sizes.alignof(key).max(1));
            let (es, ea) = (st.sizes.sizeof(elem), st.sizes.alignof(elem).max(1));
            let elem_off = (ks + ea - 1) / ea * ea;
            let align = ka.max(ea);
            let slot = (elem_off + es + align - 1) / align * align;
            let slots_off = 8i64;
            for v in [slots_off + 8 * slot, slots_off, slot, slots_off + elem_off, slot, elem_off] {
                bytes.extend_from_slice(&(v as u64).to_le_bytes());
            }
            bytes.extend_from_slice(&[0; 8]);
        }
        Type::Struct(fields) => {
            // PkgPath Name, Fields []StructField{Name, Typ, Offset}.
            bytes.extend_from_slice(&[0; 8]);
            let field = bytes.len();
            bytes.extend_from_slice(&[0; 8]);
            bytes.extend_from_slice(&(fields.len() as u64).to_le_bytes());
            bytes.extend_from_slice(&(fields.len() as u64).to_le_bytes());
            let offs = st.sizes.offsetsof(&fields);
            let mut a = Array { home: Home::Field(field), bytes: Vec::new(), refs: Vec::new(), names: Vec::new() };
            for (f, o) in fields.iter().zip(offs) {
                let at = a.bytes.len();
                let name = f.var.name.map(|n| n.as_str().to_string()).unwrap_or_default();
                let exported = name.chars().next().is_some_and(char::is_uppercase);
                a.names.push((at, encode_name(&name, exported, f.embedded), false));
                a.refs.push((at + 8, Ref::TypeAbs(f.var.typ)));
                a.bytes.extend_from_slice(&[0; 16]);
                a.bytes.extend_from_slice(&(o as u64).to_le_bytes());
            }
            arrays.push(a);
        }
        Type::Interface { .. } => {
            // PkgPath Name, Methods []Imethod{Name NameOff, Typ TypeOff} in
            // type-set order (the itabs' order).
            let methods = goxide_types::typeset::type_set(t).methods.clone();
            bytes.extend_from_slice(&[0; 8]);
            let field = bytes.len();
            bytes.extend_from_slice(&[0; 8]);
            bytes.extend_from_slice(&(methods.len() as u64).to_le_bytes());
            bytes.extend_from_slice(&(methods.len() as u64).to_le_bytes());
            let mut a = Array { home: Home::Field(field), bytes: Vec::new(), refs: Vec::new(), names: Vec::new() };
            for m in methods {
                let at = a.bytes.len();
                a.names.push((at, encode_name(m.name.as_str(), m.name.is_exported(), false), true));
                a.refs.push((at + 4, Ref::TypeRel(m.sig)));
                a.bytes.extend_from_slice(&[0; 8]);
            }
            arrays.push(a);
        }
        Type::Signature { params, results, variadic } => {
            let out = results.len() as u16 | if variadic { 0x8000 } else { 0 };
            bytes.extend_from_slice(&(params.len() as u16).to_le_bytes());
            bytes.extend_from_slice(&out.to_le_bytes());
            bytes.extend_from_slice(&[0; 4]);
        }
        _ => {}
    }
    // The uncommon type and its methods.
    if let Some(mt) = st.method_tables.get(&key).cloned() {
        tflag |= TFLAG_UNCOMMON;
        let at = bytes.len();
        let xcount = mt.methods.iter().filter(|m| m.exported).count() as u16;
        bytes.extend_from_slice(&[0; 4]);
        bytes.extend_from_slice(&(mt.methods.len() as u16).to_le_bytes());
        bytes.extend_from_slice(&xcount.to_le_bytes());
        let moff_at = bytes.len();
        bytes.extend_from_slice(&[0; 8]);
        // Methods right after the variable arrays: placed below.
        let mut a = Array { home: Home::Methods { uncommon: at, moff: moff_at }, bytes: Vec::new(), refs: Vec::new(), names: Vec::new() };
        for m in &mt.methods {
            let off = a.bytes.len();
            a.names.push((off, encode_name(&m.name, m.exported, false), true));
            a.refs.push((off + 4, Ref::TypeRel(m.sig)));
            a.refs.push((off + 8, Ref::TextRel(m.ifn)));
            a.refs.push((off + 12, Ref::TextRel(m.ifn)));
            a.bytes.extend_from_slice(&[0; 16]);
        }
        arrays.push(a);
    }
    bytes[20] = tflag;
    // Place the arrays (8-aligned).
    for a in arrays {
        while bytes.len() % 8 != 0 {
            bytes.push(0);
        }
        let base = bytes.len();
        match a.home {
            Home::Methods { uncommon, moff } => bytes[moff..moff + 4].copy_from_slice(&((base - uncommon) as u32).to_le_bytes()),
            Home::Field(f) => refs.push((f, Ref::SelfAbs(base))),
        }
        bytes.extend_from_slice(&a.bytes);
        for (o, r) in a.refs {
            refs.push((base + o, r));
        }
        for (o, n, is_off) in a.names {
            names.push((base + o, n, is_off));
        }
    }
    for (at, name, is_off) in names {
        let pos = bytes.len();
        bytes.extend_from_slice(&name);
        if is_off {
            bytes[at..at + 4].copy_from_slice(&(pos as i32).to_le_bytes());
        } else {
            refs.push((at, Ref::SelfAbs(pos)));
        }
    }
    while bytes.len() % 8 != 0 {
        bytes.push(0);
    }
    let mut desc = DataDescription::new();
    desc.set_align(8);
    let mut me = None;
    for (at, r) in refs {
        match r {
            Ref::TypeAbs(target) => {
                let tid = type_desc(st, target)?;
                let gv = st.module.declare_data_in_data(tid, &mut desc);
                desc.write_data_addr(at as u32, gv, 0);
            }
            Ref::SelfAbs(target) => {
                let gv = *me.get_or_insert_with(|| st.module.declare_data_in_data(id, &mut desc));
                desc.write_data_addr(at as u32, gv, target as i64);
            }
            Ref::TypeRel(target) => {
                let tid = type_desc(st, target)?;
                st.relative_relocs.push((id, at as u32, crate::RelTarget::Data(tid)));
            }
            Ref::TextRel(f) => {
                let fid = *st.funcs.get(f.index()).ok_or_else(|| CodegenError(format!("method table of a missing function {f}")))?;
                st.relative_relocs.push((id, at as u32, crate::RelTarget::Func(fid)));
            }
        }
    }
    desc.define(bytes.into_boxed_slice());
    st.module.define_data(id, &desc).map_err(err)?;
    Ok(id)
}

/// One key per distinct type: identical types share a descriptor, and
/// types of the same string declared in different functions do not
/// ([`goxide_ir::typekey`]).
pub(crate) fn canonical(t: TypeId) -> String {
    let u = goxide_ir::typekey::identity_form(t);
    goxide_ir::typekey::identity_key(u, runtime_string(u))
}

/// `t`'s string as the runtime shows it (the descriptor's `Str`; aliases
/// spelled out: `[]interface {}`, never `[]any`; no parameter names).
pub(crate) fn runtime_string(t: TypeId) -> String {
    let t = goxide_ir::typekey::identity_form(t);
    gc_type_string(&goxide_types::typestring::type_string(t, &|p| goxide_types::package::info(p).name.as_str().to_string()))
}

/// A types2 type string in gc's runtime spelling (`rtype.String`): the
/// aliases `byte` and `rune` as `uint8` and `int32`, and a space after
/// `interface` and `struct` and inside their non-empty braces
/// (`interface {}`, `struct { X int }`).
pub(crate) fn gc_type_string(s: &str) -> String {
    // Words first: byte/rune outside identifiers.
    let mut words = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            let w = &s[start..i];
            words.push_str(match w {
                "byte" => "uint8",
                "rune" => "int32",
                _ => w,
            });
        } else {
            words.push(c as char);
            i += 1;
        }
    }
    // Then the braces of interface and struct types.
    let mut out = String::with_capacity(words.len() + 8);
    let mut stack: Vec<bool> = Vec::new();
    let chars: Vec<char> = words.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c == '{' {
            let kw = out.ends_with("interface") || out.ends_with("struct");
            if kw {
                out.push(' ');
            }
            out.push('{');
            let empty = chars.get(k + 1) == Some(&'}');
            if kw && !empty {
                out.push(' ');
            }
            stack.push(kw && !empty);
        } else if c == '}' {
            if stack.pop().unwrap_or(false) {
                out.push(' ');
            }
            out.push('}');
        } else {
            out.push(c);
        }
        k += 1;
    }
    out
}

/// `goxide_runtime_error_type` (runtime contract, "Panics"): the
/// descriptor of the runtime's error values — `*runtime.Error`-like: a
/// pointer to the message (`string`), stored directly in interfaces, with
/// the methods `Error() string` and `RuntimeError()` (`error_fn`,
/// `marker_fn`), so that `r.(error)` holds for a recovered run-time error.
pub(crate) fn runtime_error_type(st: &mut ObjectState, error_fn: goxide_ir::ir::FuncId, marker_fn: goxide_ir::ir::FuncId) -> Result<(), CodegenError> {
    let tab = table();
    let string = tab.basic(BasicKind::String);
    let id = st.module.declare_data("goxide_runtime_error_type", cranelift_module::Linkage::Export, false, false).map_err(err)?;
    let name = "*runtime.Error";
    let mut bytes = vec![0u8; HEADER];
    bytes[0..8].copy_from_slice(&8u64.to_le_bytes());
    bytes[8..16].copy_from_slice(&8u64.to_le_bytes());
    bytes[16..20].copy_from_slice(&fnv1a(name).to_le_bytes());
    bytes[20] = TFLAG_UNCOMMON | TFLAG_DIRECT_IFACE;
    bytes[21] = 8;
    bytes[22] = 8;
    bytes[23] = 22;
    // PtrType.Elem
    bytes.extend_from_slice(&[0; 8]);
    // UncommonType at 56: two exported methods right after it (Moff 16).
    bytes.extend_from_slice(&[0; 4]);
    bytes.extend_from_slice(&2u16.to_le_bytes());
    bytes.extend_from_slice(&2u16.to_le_bytes());
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&[0; 4]);
    let methods_at = bytes.len();
    bytes.extend_from_slice(&[0; 32]);
    let sig_error = tab.intern(Type::Signature {
        params: Box::new([]),
        results: Box::new([goxide_types::types::Var { name: None, pkg: None, typ: string }]),
        variadic: false,
    });
    let sig_marker = tab.intern(Type::Signature { params: Box::new([]), results: Box::new([]), variadic: false });
    let mut names: Vec<(usize, Vec<u8>)> = vec![(40, encode_name(name, false, false))];
    names.push((methods_at, encode_name("Error", true, false)));
    names.push((methods_at + 16, encode_name("RuntimeError", true, false)));
    for (at, n) in names {
        let pos = bytes.len();
        bytes.extend_from_slice(&n);
        bytes[at..at + 4].copy_from_slice(&(pos as i32).to_le_bytes());
    }
    while bytes.len() % 8 != 0 {
        bytes.push(0);
    }
    let mut desc = DataDescription::new();
    desc.set_align(8);
    let sd = type_desc(st, string)?;
    let gv = st.module.declare_data_in_data(sd, &mut desc);
    desc.write_data_addr(48, gv, 0);
    for (k, (sig, f)) in [(sig_error, error_fn), (sig_marker, marker_fn)].into_iter().enumerate() {
        let at = (methods_at + 16 * k) as u32;
        let sdesc = type_desc(st, sig)?;
        st.relative_relocs.push((id, at + 4, crate::RelTarget::Data(sdesc)));
        let fid = *st.funcs.get(f.index()).ok_or_else(|| CodegenError(format!("missing runtime error method {f}")))?;
        st.relative_relocs.push((id, at + 8, crate::RelTarget::Func(fid)));
        st.relative_relocs.push((id, at + 12, crate::RelTarget::Func(fid)));
    }
    desc.define(bytes.into_boxed_slice());
    st.module.define_data(id, &desc).map_err(err)?;
    // The interfaces the runtime's panic printer asks about: `error` and
    // `interface{ String() string }` (gc's printpanicval).
    let error_t = goxide_types::universe::lookup("error").and_then(|o| goxide_types::objects::object(o).typ.get()).unwrap_or_else(|| tab.invalid());
    let stringer_t = tab.intern(Type::Interface {
        methods: Box::new([goxide_types::types::Method { name: goxide_types::symbol::Symbol::intern("String"), pkg: None, sig: sig_error }]),
        embedded: Box::new([]),
        implicit: false,
    });
    for (sym, t) in [("goxide_error_itype", error_t), ("goxide_stringer_itype", stringer_t)] {
        let target = type_desc(st, t)?;
        let id = st.module.declare_data(sym, cranelift_module::Linkage::Export, false, false).map_err(err)?;
        let mut desc = DataDescription::new();
        desc.set_align(8);
        desc.define(vec![0u8; 8].into_boxed_slice());
        let gv = st.module.declare_data_in_data(target, &mut desc);
        desc.write_data_addr(0, gv, 0);
        st.module.define_data(id, &desc).map_err(err)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::gc_type_string;

    #[test]
    fn type_strings_are_spelled_as_gcs_runtime() {
        assert_eq!(gc_type_string("interface{}"), "interface {}");
        assert_eq!(gc_type_string("[]byte"), "[]uint8");
        assert_eq!(gc_type_string("map[rune]main.bytes"), "map[int32]main.bytes");
        assert_eq!(gc_type_string("struct{a int; b interface{M()}}"), "struct { a int; b interface { M() } }");
        assert_eq!(gc_type_string("struct{}"), "struct {}");
    }
}
