//! The text of run-time errors and of panic values (gc's
//! `runtime/error.go`): `boundsError` with its format tables,
//! `TypeAssertionError`, `errorString` (prefixed `runtime error: `),
//! `plainError` (not prefixed), the nil-dereference error, and
//! `printpanicval`/`printanycustomtype` for `panic(v)`.
//!
//! Everything writes to a [`PrintSink`] piece by piece, as gc's `print`
//! does, so nothing allocates. Type names come from the descriptors
//! ([`crate::abi::Type::string`]).
//!
//! Invariants: the words are gc's, byte for byte (unit tests here;
//! `tests/panic_differential.rs` compares against the reference go).

use crate::abi::{kind, Type};
use crate::print::{self, PrintSink};

/// gc's `abi.BoundsErrorCode`, in its order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BoundsCode {
    Index = 0,
    SliceAlen,
    SliceAcap,
    SliceB,
    Slice3Alen,
    Slice3Acap,
    Slice3B,
    Slice3C,
    Convert,
}

/// gc's `boundsErrorFmts`: `%x` and `%y` are the two operands.
fn bounds_fmt(code: BoundsCode) -> &'static [u8] {
    match code {
        BoundsCode::Index => b"index out of range [%x] with length %y",
        BoundsCode::SliceAlen => b"slice bounds out of range [:%x] with length %y",
        BoundsCode::SliceAcap => b"slice bounds out of range [:%x] with capacity %y",
        BoundsCode::SliceB => b"slice bounds out of range [%x:%y]",
        BoundsCode::Slice3Alen => b"slice bounds out of range [::%x] with length %y",
        BoundsCode::Slice3Acap => b"slice bounds out of range [::%x] with capacity %y",
        BoundsCode::Slice3B => b"slice bounds out of range [:%x:%y]",
        BoundsCode::Slice3C => b"slice bounds out of range [%x:%y:]",
        BoundsCode::Convert => b"cannot convert slice with length %y to array or pointer to array with length %x",
    }
}

/// gc's `boundsNegErrorFmts`: a negative signed `x` (never for Convert).
fn bounds_neg_fmt(code: BoundsCode) -> &'static [u8] {
    match code {
        BoundsCode::Index => b"index out of range [%x]",
        BoundsCode::SliceAlen | BoundsCode::SliceAcap => b"slice bounds out of range [:%x]",
        BoundsCode::SliceB => b"slice bounds out of range [%x:]",
        BoundsCode::Slice3Alen | BoundsCode::Slice3Acap => b"slice bounds out of range [::%x]",
        BoundsCode::Slice3B => b"slice bounds out of range [:%x:]",
        BoundsCode::Slice3C => b"slice bounds out of range [%x::]",
        BoundsCode::Convert => bounds_fmt(BoundsCode::Convert),
    }
}

/// A run-time error: what gc panics with from inside the runtime.
#[derive(Clone, Copy)]
pub enum RuntimeError {
    /// gc's `errorString`: `runtime error: ` + the text.
    Plain(&'static [u8]),
    /// gc's `errorString` of a text and a type's string (`comparing
    /// uncomparable type `, `hash of unhashable type `).
    WithType(&'static [u8], *const Type),
    /// gc's `plainError`: the text alone (`assignment to entry in nil map`).
    Unprefixed(&'static [u8]),
    /// `internal/runtime/maps`' `unhashableTypeError`, raised by a lookup
    /// or delete on a nil or empty map (`mapKeyError`): `hash of
    /// unhashable type: T`, unprefixed, unlike the `runtime error: hash
    /// of unhashable type T` of hashing into a non-empty map.
    UnhashableKey(*const Type),
    /// gc's `boundsError`.
    Bounds { x: i64, y: i64, signed: bool, code: BoundsCode },
    /// gc's `TypeAssertionError`: `iface` is the static interface type
    /// (null: `interface`), `concrete` the dynamic type (null: nil),
    /// `missing` a method name (empty: not a missing-method error).
    TypeAssertion { iface: *const Type, concrete: *const Type, asserted: *const Type, missing: &'static [u8] },
    /// gc's `memoryError` raised by a fault at `addr` (gc then prints the
    /// `[signal SIGSEGV ...]` line).
    NilDeref { addr: usize },
    /// gc's `PanicNilError` (`panic(nil)`).
    PanicNil,
}

/// gc's `memoryError` text.
pub const MEMORY_ERROR: &[u8] = b"invalid memory address or nil pointer dereference";

/// gc's `appendIntStr`.
fn print_int_str(out: &mut impl PrintSink, v: i64, signed: bool) {
    if signed {
        print::printint(out, v);
    } else {
        print::printuint(out, v as u64);
    }
}

/// A type's string, or empty for a null descriptor.
fn type_string(t: *const Type) -> &'static [u8] {
    if t.is_null() {
        &[]
    } else {
        // SAFETY: descriptors come from compiled code (abi invariant).
        unsafe { (*t).string() }
    }
}

fn type_pkgpath(t: *const Type) -> &'static [u8] {
    if t.is_null() {
        &[]
    } else {
        // SAFETY: as above.
        unsafe { (*t).pkgpath() }
    }
}

impl RuntimeError {
    /// The name of gc's type for this error (what a `type T` report of
    /// the value says).
    pub fn gc_type_name(&self) -> &'static [u8] {
        match self {
            RuntimeError::Plain(_) | RuntimeError::WithType(..) | RuntimeError::NilDeref { .. } => b"runtime.errorString",
            RuntimeError::Unprefixed(_) => b"runtime.plainError",
            RuntimeError::UnhashableKey(_) => b"maps.unhashableTypeError",
            RuntimeError::Bounds { .. } => b"runtime.boundsError",
            RuntimeError::TypeAssertion { .. } => b"*runtime.TypeAssertionError",
            RuntimeError::PanicNil => b"*runtime.PanicNilError",
        }
    }

    /// gc's `Error()` of the error: what follows `panic: `.
    pub fn write_message(&self, out: &mut impl PrintSink) {
        match *self {
            RuntimeError::Plain(msg) => {
                out.gwrite(b"runtime error: ");
                out.gwrite(msg);
            }
            RuntimeError::WithType(msg, t) => {
                out.gwrite(b"runtime error: ");
                out.gwrite(msg);
                out.gwrite(type_string(t));
            }
            RuntimeError::Unprefixed(msg) => out.gwrite(msg),
            RuntimeError::UnhashableKey(t) => {
                out.gwrite(b"hash of unhashable type: ");
                out.gwrite(type_string(t));
            }
            RuntimeError::Bounds { x, y, signed, code } => {
                let fmt = if signed && x < 0 { bounds_neg_fmt(code) } else { bounds_fmt(code) };
                out.gwrite(b"runtime error: ");
                let mut i = 0;
                while i < fmt.len() {
                    if fmt[i] != b'%' || i + 1 >= fmt.len() {
                        out.gwrite(&fmt[i..i + 1]);
                        i += 1;
                        continue;
                    }
                    match fmt[i + 1] {
                        b'x' => print_int_str(out, x, signed),
                        _ => print_int_str(out, y, true),
                    }
                    i += 2;
                }
            }
            RuntimeError::TypeAssertion { iface, concrete, asserted, missing } => {
                let inter: &[u8] = if iface.is_null() { b"interface" } else { type_string(iface) };
                let as_ = type_string(asserted);
                out.gwrite(b"interface conversion: ");
                if concrete.is_null() {
                    out.gwrite(inter);
                    out.gwrite(b" is nil, not ");
                    out.gwrite(as_);
                    return;
                }
                let cs = type_string(concrete);
                if missing.is_empty() {
                    out.gwrite(inter);
                    out.gwrite(b" is ");
                    out.gwrite(cs);
                    out.gwrite(b", not ");
                    out.gwrite(as_);
                    if cs == as_ {
                        if type_pkgpath(concrete) != type_pkgpath(asserted) {
                            out.gwrite(b" (types from different packages)");
                        } else {
                            out.gwrite(b" (types from different scopes)");
                        }
                    }
                    return;
                }
                out.gwrite(cs);
                out.gwrite(b" is not ");
                out.gwrite(as_);
                out.gwrite(b": missing method ");
                out.gwrite(missing);
            }
            RuntimeError::NilDeref { .. } => {
                out.gwrite(b"runtime error: ");
                out.gwrite(MEMORY_ERROR);
            }
            RuntimeError::PanicNil => out.gwrite(b"runtime error: panic called with nil argument"),
        }
    }
}

/// gc's `printindented`: a tab after every newline.
pub fn printindented(out: &mut impl PrintSink, mut s: &[u8]) {
    while let Some(i) = s.iter().position(|&c| c == b'\n') {
        out.gwrite(&s[..=i]);
        out.gwrite(b"\t");
        s = &s[i + 1..];
    }
    out.gwrite(s);
}

/// gc's kind names (`abi.Kind.String`) for the predeclared types: a type
/// whose string is its kind's name is the predeclared one.
fn predeclared_name(k: u8) -> &'static [u8] {
    match k {
        kind::BOOL => b"bool",
        kind::INT => b"int",
        kind::INT8 => b"int8",
        kind::INT16 => b"int16",
        kind::INT32 => b"int32",
        kind::INT64 => b"int64",
        kind::UINT => b"uint",
        kind::UINT8 => b"uint8",
        kind::UINT16 => b"uint16",
        kind::UINT32 => b"uint32",
        kind::UINT64 => b"uint64",
        kind::UINTPTR => b"uintptr",
        kind::FLOAT32 => b"float32",
        kind::FLOAT64 => b"float64",
        kind::COMPLEX64 => b"complex64",
        kind::COMPLEX128 => b"complex128",
        kind::STRING => b"string",
        _ => b"",
    }
}

/// Prints the value of basic kind `k` stored at `p`.
///
/// # Safety
/// `p` points to a value of that kind.
unsafe fn print_basic(out: &mut impl PrintSink, k: u8, p: *const u8) -> bool {
    // SAFETY: the caller's guarantee.
    unsafe {
        match k {
            kind::BOOL => print::printbool(out, *p != 0),
            kind::INT | kind::INT64 => print::printint(out, *(p as *const i64)),
            kind::INT8 => print::printint(out, *(p as *const i8) as i64),
            kind::INT16 => print::printint(out, *(p as *const i16) as i64),
            kind::INT32 => print::printint(out, *(p as *const i32) as i64),
            kind::UINT | kind::UINT64 | kind::UINTPTR => print::printuint(out, *(p as *const u64)),
            kind::UINT8 => print::printuint(out, *p as u64),
            kind::UINT16 => print::printuint(out, *(p as *const u16) as u64),
            kind::UINT32 => print::printuint(out, *(p as *const u32) as u64),
            kind::FLOAT32 => print::printfloat32(out, *(p as *const f32)),
            kind::FLOAT64 => print::printfloat64(out, *(p as *const f64)),
            kind::COMPLEX64 => {
                let c = p as *const f32;
                print::printcomplex64(out, *c, *c.add(1))
            }
            kind::COMPLEX128 => {
                let c = p as *const f64;
                print::printcomplex128(out, *c, *c.add(1))
            }
            _ => return false,
        }
    }
    true
}

/// gc's `printpanicval` for an `interface{}` value `(typ, data)`: the
/// predeclared basic types print as `print` does, strings indented;
/// defined types over basic kinds as `main.T(42)` / `main.S("x")`;
/// anything else as `(main.T) 0xADDR` (`printanycustomtype`).
///
/// Not here: error and Stringer values, which gc turns into their
/// `Error()`/`String()` text before printing (`preprintpanics`); the
/// runtime cannot call Go methods yet, so they print as other types do.
///
/// # Safety
/// `(typ, data)` is a Go `interface{}` value.
pub unsafe fn printpanicval(out: &mut impl PrintSink, typ: *const Type, data: *const u8) {
    if typ.is_null() {
        out.gwrite(b"nil");
        return;
    }
    // SAFETY: a descriptor from compiled code.
    let t = unsafe { &*typ };
    let ts = type_string(typ);
    // A direct-interface value is the data word itself.
    let word = data as usize;
    let p: *const u8 = if t.is_direct_iface() { &word as *const usize as *const u8 } else { data };
    let k = t.kind();
    if ts == predeclared_name(k) {
        if k == kind::STRING {
            // SAFETY: a string header.
            printindented(out, unsafe { go_string(p) });
            return;
        }
        // SAFETY: p holds a value of kind k.
        if unsafe { print_basic(out, k, p) } {
            return;
        }
    }
    // printanycustomtype
    match k {
        kind::STRING => {
            out.gwrite(ts);
            out.gwrite(b"(\"");
            // SAFETY: a string header.
            printindented(out, unsafe { go_string(p) });
            out.gwrite(b"\")");
        }
        kind::COMPLEX64 | kind::COMPLEX128 => {
            out.gwrite(ts);
            // SAFETY: p holds a value of kind k.
            unsafe { print_basic(out, k, p) };
        }
        _ => {
            let mut scratch = alloc::vec::Vec::new();
            // SAFETY: p holds a value of kind k when it is basic.
            if unsafe { print_basic(&mut scratch, k, p) } {
                out.gwrite(ts);
                out.gwrite(b"(");
                out.gwrite(&scratch);
                out.gwrite(b")");
            } else {
                out.gwrite(b"(");
                out.gwrite(ts);
                out.gwrite(b") ");
                print::printpointer(out, data as usize);
            }
        }
    }
}

/// The bytes of the Go string whose header is at `p`.
///
/// # Safety
/// `p` points to a `{ptr, len}` string header.
unsafe fn go_string(p: *const u8) -> &'static [u8] {
    // SAFETY: the caller's guarantee.
    unsafe {
        let h = p as *const (*const u8, isize);
        let (ptr, len) = *h;
        if len <= 0 || ptr.is_null() { &[] } else { core::slice::from_raw_parts(ptr, len as usize) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::testdesc::Descs;
    use alloc::vec::Vec;

    fn msg(e: RuntimeError) -> alloc::string::String {
        let mut v = Vec::new();
        e.write_message(&mut v);
        alloc::string::String::from_utf8(v).unwrap()
    }

    #[test]
    fn gc_type_names_of_runtime_errors() {
        // What gc's `preprintpanics` names in `panic while printing panic
        // value: type T` (reflect's strings of the runtime's error types).
        assert_eq!(RuntimeError::NilDeref { addr: 0 }.gc_type_name(), b"runtime.errorString");
        assert_eq!(RuntimeError::Unprefixed(b"assignment to entry in nil map").gc_type_name(), b"runtime.plainError");
        assert_eq!(RuntimeError::Bounds { x: 1, y: 0, signed: true, code: BoundsCode::Index }.gc_type_name(), b"runtime.boundsError");
        assert_eq!(RuntimeError::PanicNil.gc_type_name(), b"*runtime.PanicNilError");
    }

    #[test]
    fn bounds_messages_are_gcs() {
        let b = |x, y, signed, code| msg(RuntimeError::Bounds { x, y, signed, code });
        assert_eq!(b(5, 3, true, BoundsCode::Index), "runtime error: index out of range [5] with length 3");
        assert_eq!(b(-1, 3, true, BoundsCode::Index), "runtime error: index out of range [-1]");
        assert_eq!(b(-1, 3, false, BoundsCode::Index), "runtime error: index out of range [18446744073709551615] with length 3");
        assert_eq!(b(4, 3, true, BoundsCode::SliceAcap), "runtime error: slice bounds out of range [:4] with capacity 3");
        assert_eq!(b(2, 1, true, BoundsCode::SliceB), "runtime error: slice bounds out of range [2:1]");
        assert_eq!(b(-2, 1, true, BoundsCode::SliceB), "runtime error: slice bounds out of range [-2:]");
        assert_eq!(b(3, 2, true, BoundsCode::Slice3B), "runtime error: slice bounds out of range [:3:2]");
        assert_eq!(b(3, 2, true, BoundsCode::Slice3C), "runtime error: slice bounds out of range [3:2:]");
        assert_eq!(b(-3, 2, true, BoundsCode::Slice3C), "runtime error: slice bounds out of range [-3::]");
        assert_eq!(b(9, 5, true, BoundsCode::Slice3Alen), "runtime error: slice bounds out of range [::9] with length 5");
        assert_eq!(b(4, 2, true, BoundsCode::Convert), "runtime error: cannot convert slice with length 2 to array or pointer to array with length 4");
    }

    #[test]
    fn type_assertion_messages_are_gcs() {
        let mut d = Descs::new();
        let eface = d.interface_of("interface {}", "", &[]) as *const Type;
        let string = d.basic("string", kind::STRING, 16);
        let int = d.basic("int", kind::INT, 8);
        let t = d.named_basic("main.T", "main", kind::INT, 8, &[]);
        let i = d.interface_of("main.I", "main", &[]) as *const Type;
        let ta = |iface, concrete, asserted, missing| msg(RuntimeError::TypeAssertion { iface, concrete, asserted, missing });
        assert_eq!(ta(eface, string, int, b""), "interface conversion: interface {} is string, not int");
        assert_eq!(ta(eface, core::ptr::null(), t, b""), "interface conversion: interface {} is nil, not main.T");
        assert_eq!(ta(core::ptr::null(), core::ptr::null(), t, b""), "interface conversion: interface is nil, not main.T");
        assert_eq!(ta(core::ptr::null(), t, i, b"M"), "interface conversion: main.T is not main.I: missing method M");
        let t2 = d.named_basic("main.T", "other", kind::INT, 8, &[]);
        assert_eq!(ta(eface, t2, t, b""), "interface conversion: interface {} is main.T, not main.T (types from different packages)");
        let t3 = d.named_basic("main.T", "main", kind::INT, 8, &[]);
        assert_eq!(ta(eface, t3, t, b""), "interface conversion: interface {} is main.T, not main.T (types from different scopes)");
        assert_eq!(msg(RuntimeError::WithType(b"comparing uncomparable type ", d.slice_of(int))), "runtime error: comparing uncomparable type []int");
        assert_eq!(msg(RuntimeError::Unprefixed(b"assignment to entry in nil map")), "assignment to entry in nil map");
        assert_eq!(msg(RuntimeError::NilDeref { addr: 8 }), "runtime error: invalid memory address or nil pointer dereference");
    }

    #[test]
    fn panic_values_print_as_gcs_printpanicval() {
        let mut d = Descs::new();
        let pv = |t: *const Type, data: *const u8| {
            let mut v = Vec::new();
            unsafe { printpanicval(&mut v, t, data) };
            alloc::string::String::from_utf8(v).unwrap()
        };
        let int = d.basic("int", kind::INT, 8);
        let x = 42i64;
        assert_eq!(pv(int, &x as *const i64 as *const u8), "42");
        let s = d.basic("string", kind::STRING, 16);
        let hdr: (*const u8, isize) = (b"a\nb".as_ptr(), 3);
        assert_eq!(pv(s, &hdr as *const _ as *const u8), "a\n\tb");
        let ns = d.named_basic("main.S", "main", kind::STRING, 16, &[]);
        assert_eq!(pv(ns, &hdr as *const _ as *const u8), "main.S(\"a\n\tb\")");
        let nf = d.named_basic("main.F", "main", kind::FLOAT64, 8, &[]);
        let f = 1.5f64;
        assert_eq!(pv(nf, &f as *const f64 as *const u8), "main.F(1.5)");
        let nc = d.named_basic("main.C", "main", kind::COMPLEX128, 16, &[]);
        let c = [1.0f64, 2.0];
        assert_eq!(pv(nc, c.as_ptr() as *const u8), "main.C(1+2i)");
        let st = d.struct_of("main.T", &[("a", int)], Some(("main", &[])));
        assert_eq!(pv(st, 0x48de50 as *const u8), "(main.T) 0x48de50");
        let p = d.ptr_to(st);
        assert_eq!(pv(p, 0xc000012345 as *const u8), "(*main.T) 0xc000012345");
        assert_eq!(pv(core::ptr::null(), core::ptr::null()), "nil");
        let b = d.basic("bool", kind::BOOL, 1);
        assert_eq!(pv(b, &true as *const bool as *const u8), "true");
    }
}
