//! Test-only: the run-time error and panic reports compared with the
//! reference go, for the errors whose text needs type descriptors
//! (interface conversions, panic values, uncomparable types) and the
//! bounds family. One gc-built program holds every case, chosen by its
//! argument; for each, what gc writes to stderr up to the traceback's
//! `goroutine 1 [running]:` line must equal what this runtime's report
//! functions write for the same error, built from descriptors made by
//! [`crate::abi::testdesc`] with the same type strings and, for missing
//! methods, found by [`crate::iface::getitab`]. The `pc=` value of gc's
//! `[signal SIGSEGV ...]` line is masked (it is the build's).

extern crate std;

#[path = "../tests/reference/mod.rs"]
mod reference;

use crate::abi::testdesc::{Descs, MethodSpec};
use crate::abi::{kind, Type};
use crate::error::{BoundsCode, RuntimeError};
use crate::panic::{print_gopanic_report, print_panic_report};
use alloc::string::String;
use alloc::vec::Vec;

const PROGRAM: &str = r#"package main

import (
	"os"
	"unsafe"
)

type T struct{ a, b int }
type I interface{ M() }
type T2 int

func (T2) M() int { return 0 }

type S string
type F float64
type C complex128

var sink any

//go:noinline
func num(i int) int { return i }

func main() {
	var p *T
	s := []int{1, 2, 3}
	str := "abc"
	switch os.Args[1] {
	case "index":
		println(s[num(5)])
	case "indexneg":
		println(s[num(-1)])
	case "slicecap":
		println(s[:num(4)])
	case "strslice":
		println(str[:num(4)])
	case "sliceB":
		println(s[num(2):num(1)])
	case "slice3":
		println(s[1:2:num(5)])
	case "slice3B":
		println(s[:num(3):num(2)])
	case "slice3C":
		println(s[num(2):num(1):3])
	case "convert":
		println((*[4]int)(s))
	case "nilmap":
		var m map[int]int
		m[1] = 2
	case "mklen":
		sink = make([]int, num(-1))
	case "mkcap":
		sink = make([]int, num(20), num(10))
	case "unsafeslice":
		x := 1
		sink = unsafe.Slice(&x, num(-1))
	case "e2t":
		var x any = "s"
		println(x.(int))
	case "e2i":
		var x any = T{}
		println(x.(I))
	case "e2isig":
		var x any = T2(0)
		println(x.(I))
	case "nil2t":
		var x any
		println(x.(T).a)
	case "i2i":
		var x I
		println(x.(interface{ N() }))
	case "nilderef":
		println(p.b)
	case "cmp":
		var a, b any = []int{}, []int{}
		println(a == b)
	case "hash":
		m := map[any]int{}
		m[[]int{}] = 1
	case "pstr":
		panic("a\nb")
	case "pint":
		panic(42)
	case "pint8":
		panic(int8(-3))
	case "pu8":
		panic(uint8(7))
	case "pbool":
		panic(true)
	case "pf32":
		panic(float32(0.1))
	case "pS":
		panic(S("x\ny"))
	case "pF":
		panic(F(1.5))
	case "pC":
		panic(C(1 + 2i))
	case "pnil":
		panic(nil)
	}
}
"#;

enum Expect {
    Err(RuntimeError),
    /// `panic(v)`: the type and the value's bytes (or, for direct
    /// interface types, the data word).
    Value(*const Type, Vec<u8>),
}

fn ours(e: &Expect) -> Vec<u8> {
    let mut out = Vec::new();
    match e {
        Expect::Err(err) => print_panic_report(&mut out, err, 1),
        Expect::Value(t, bytes) => unsafe { print_gopanic_report(&mut out, *t, bytes.as_ptr(), 1) },
    }
    out
}

/// Everything up to the traceback's first line, with the signal pc masked.
fn header(stderr: &[u8]) -> String {
    let s = String::from_utf8_lossy(stderr).into_owned();
    let end = s.find(" [running]:\n").map_or(s.len(), |i| i + " [running]:\n".len());
    let mut s = String::from(&s[..end]);
    if let Some(i) = s.find(" pc=0x") {
        let j = s[i..].find(']').map_or(s.len(), |j| i + j);
        s.replace_range(i..j, " pc=PC");
    }
    s
}

#[test]
fn reports_match_gc() {
    let mut d = Descs::new();
    let int = d.basic("int", kind::INT, 8);
    let string = d.basic("string", kind::STRING, 16);
    let eface = d.interface_of("interface {}", "", &[]) as *const Type;
    let sig = d.func0("func()");
    let sig_int = d.func0("func() int");
    let t = d.struct_of("main.T", &[("a", int), ("b", int)], Some(("main", &[])));
    let t2 = d.named_basic("main.T2", "main", kind::INT, 8, &[MethodSpec { name: "M", mtyp: sig_int, ifn: 64 }]);
    let i = d.interface_of("main.I", "main", &[("M", sig)]);
    let n = d.interface_of("interface { N() }", "main", &[("N", sig)]);
    let slice_int = d.slice_of(int);
    let missing = |typ| unsafe { crate::iface::getitab(i, typ) }.unwrap_err();
    let bounds = |x, y, code| Expect::Err(RuntimeError::Bounds { x, y, signed: true, code });
    let plain = |m: &'static [u8]| Expect::Err(RuntimeError::Plain(m));
    let ta = |iface, concrete, asserted: *const Type, missing| Expect::Err(RuntimeError::TypeAssertion { iface, concrete, asserted, missing });
    let val = |t: *const Type, b: &[u8]| Expect::Value(t, b.to_vec());
    let named = |d: &mut Descs, s: &str, k: u8, size: usize| d.named_basic(s, "main", k, size, &[]);
    let strhdr = |s: &'static [u8]| {
        let mut v = Vec::new();
        v.extend_from_slice(&(s.as_ptr() as usize).to_ne_bytes());
        v.extend_from_slice(&s.len().to_ne_bytes());
        v
    };
    let ns = named(&mut d, "main.S", kind::STRING, 16);
    let nf = named(&mut d, "main.F", kind::FLOAT64, 8);
    let nc = named(&mut d, "main.C", kind::COMPLEX128, 16);
    let int8 = d.basic("int8", kind::INT8, 1);
    let uint8 = d.basic("uint8", kind::UINT8, 1);
    let boolt = d.basic("bool", kind::BOOL, 1);
    let f32t = d.basic("float32", kind::FLOAT32, 4);
    let mut c128 = Vec::new();
    c128.extend_from_slice(&1.0f64.to_ne_bytes());
    c128.extend_from_slice(&2.0f64.to_ne_bytes());

    let cases: Vec<(&str, Expect)> = alloc::vec![
        ("index", bounds(5, 3, BoundsCode::Index)),
        ("indexneg", bounds(-1, 3, BoundsCode::Index)),
        ("slicecap", bounds(4, 3, BoundsCode::SliceAcap)),
        ("strslice", bounds(4, 3, BoundsCode::SliceAlen)),
        ("sliceB", bounds(2, 1, BoundsCode::SliceB)),
        ("slice3", bounds(5, 3, BoundsCode::Slice3Acap)),
        ("slice3B", bounds(3, 2, BoundsCode::Slice3B)),
        ("slice3C", bounds(2, 1, BoundsCode::Slice3C)),
        ("convert", bounds(4, 3, BoundsCode::Convert)),
        ("nilmap", Expect::Err(RuntimeError::Unprefixed(b"assignment to entry in nil map"))),
        ("mklen", plain(b"makeslice: len out of range")),
        ("mkcap", plain(b"makeslice: cap out of range")),
        ("unsafeslice", plain(b"unsafe.Slice: len out of range")),
        ("e2t", ta(eface, string, int, b"")),
        ("e2i", ta(core::ptr::null(), t, i as *const Type, missing(t))),
        ("e2isig", ta(core::ptr::null(), t2, i as *const Type, missing(t2))),
        ("nil2t", ta(eface, core::ptr::null(), t, b"")),
        ("i2i", ta(core::ptr::null(), core::ptr::null(), n as *const Type, b"")),
        ("nilderef", Expect::Err(RuntimeError::NilDeref { addr: 8 })),
        ("cmp", Expect::Err(RuntimeError::WithType(b"comparing uncomparable type ", slice_int))),
        ("hash", Expect::Err(RuntimeError::WithType(b"hash of unhashable type ", slice_int))),
        ("pstr", val(string, &strhdr(b"a\nb"))),
        ("pint", val(int, &42i64.to_ne_bytes())),
        ("pint8", val(int8, &(-3i8).to_ne_bytes())),
        ("pu8", val(uint8, &[7])),
        ("pbool", val(boolt, &[1])),
        ("pf32", val(f32t, &0.1f32.to_ne_bytes())),
        ("pS", val(ns, &strhdr(b"x\ny"))),
        ("pF", val(nf, &1.5f64.to_ne_bytes())),
        ("pC", val(nc, &c128)),
        ("pnil", Expect::Value(core::ptr::null(), Vec::new())),
    ];
    let dir = reference::TempDir::new("gcdiff");
    // One build, many runs.
    let (_, _, _) = reference::run_reference(&dir.0, "cases", PROGRAM, &["none"]);
    let prog = dir.0.join("cases/prog");
    let mut failures = Vec::new();
    for (name, expect) in &cases {
        let run = std::process::Command::new(&prog).arg(name).output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{name}");
        let gc = header(&run.stderr);
        let got = header(&ours(expect));
        if gc != got {
            failures.push(alloc::format!("{name}:\n  gc:     {gc:?}\n  goxide: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
