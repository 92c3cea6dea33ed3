//! The print builtins against the reference go, value by value.
//!
//! How: a Go program built with the reference go reads lines
//! `<kind> <hex>...` on stdin and prints each value with `println` (or,
//! through `//go:linkname`, with the runtime's own `printhex` and
//! `printquoted`), so gc's runtime writes the expected bytes to stderr. The
//! same values go through goxide_runtime's formatting functions on the
//! host; the two outputs must be identical line for line. Values: the edges
//! (zeros, ±Inf, NaNs, subnormals, powers of two and ten, integer limits)
//! and tens of thousands of pseudo-random bit patterns (fixed seed).
//!
//! Invariants: the reference go builds only this test program; its
//! HOME is a temporary directory with telemetry off, its GOCACHE lives in
//! the cargo target's tmp dir; the test leaves no files behind in the repo.

use goxide_runtime::print::*;
use goxide_testing::gobuild::{build_with_reference_go, GoPackage};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const GO_PROGRAM: &str = r#"package main

import (
	"bufio"
	"encoding/hex"
	"math"
	"os"
	"strconv"
	"strings"
	"unsafe"
	_ "unsafe"
)

//go:linkname printhex runtime.printhex
func printhex(v uint64)

//go:linkname printquoted runtime.printquoted
func printquoted(s string)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		u := func(i int) uint64 {
			v, err := strconv.ParseUint(f[i], 16, 64)
			if err != nil {
				panic(err)
			}
			return v
		}
		switch f[0] {
		case "f64":
			println(math.Float64frombits(u(1)))
		case "f32":
			println(math.Float32frombits(uint32(u(1))))
		case "c128":
			println(complex(math.Float64frombits(u(1)), math.Float64frombits(u(2))))
		case "c64":
			println(complex(math.Float32frombits(uint32(u(1))), math.Float32frombits(uint32(u(2)))))
		case "int":
			println(int64(u(1)))
		case "uint":
			println(u(1))
		case "bool":
			println(u(1) != 0)
		case "ptr":
			println(unsafe.Pointer(uintptr(u(1))))
		case "hex":
			printhex(u(1))
			println()
		case "quoted":
			s := ""
			if len(f) > 1 {
				b, err := hex.DecodeString(f[1])
				if err != nil {
					panic(err)
				}
				s = string(b)
			}
			printquoted(s)
			println()
		default:
			panic("bad kind " + f[0])
		}
	}
}
"#;

/// One value to print: its input line for the Go program and our output.
enum Value {
    F64(f64),
    F32(f32),
    C128(f64, f64),
    C64(f32, f32),
    Int(i64),
    Uint(u64),
    Bool(bool),
    Ptr(usize),
    Hex(u64),
    Quoted(Vec<u8>),
}

impl Value {
    fn go_line(&self) -> String {
        match self {
            Value::F64(v) => format!("f64 {:x}", v.to_bits()),
            Value::F32(v) => format!("f32 {:x}", v.to_bits()),
            Value::C128(r, i) => format!("c128 {:x} {:x}", r.to_bits(), i.to_bits()),
            Value::C64(r, i) => format!("c64 {:x} {:x}", r.to_bits(), i.to_bits()),
            Value::Int(v) => format!("int {:x}", *v as u64),
            Value::Uint(v) => format!("uint {v:x}"),
            Value::Bool(v) => format!("bool {:x}", *v as u8),
            Value::Ptr(v) => format!("ptr {v:x}"),
            Value::Hex(v) => format!("hex {v:x}"),
            Value::Quoted(s) => {
                let mut line = String::from("quoted ");
                for b in s {
                    write!(line, "{b:02x}").unwrap();
                }
                line
            }
        }
    }

    fn print_ours(&self, out: &mut Vec<u8>) {
        match self {
            Value::F64(v) => printfloat64(out, *v),
            Value::F32(v) => printfloat32(out, *v),
            Value::C128(r, i) => printcomplex128(out, *r, *i),
            Value::C64(r, i) => printcomplex64(out, *r, *i),
            Value::Int(v) => printint(out, *v),
            Value::Uint(v) => printuint(out, *v),
            Value::Bool(v) => printbool(out, *v),
            Value::Ptr(v) => printpointer(out, *v),
            Value::Hex(v) => printhex(out, *v),
            Value::Quoted(s) => printquoted(out, s),
        }
        printnl(out);
    }
}

/// splitmix64: a fixed, reproducible stream of bit patterns.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
}

fn edge_f64s() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.2,
        0.3,
        1.0 / 3.0,
        2.0 / 3.0,
        100.0,
        1e5,
        123456.0,
        999999.0,
        1e6,
        1234567.0,
        1e20,
        1e21,
        1e22,
        1e23,
        1e-4,
        1e-5,
        0.000123,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        f64::from_bits(1),
        f64::from_bits(0x000F_FFFF_FFFF_FFFF),
        f64::EPSILON,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::from_bits(0x7FF0_0000_0000_0001),
        f64::from_bits(0xFFF8_0000_0000_0000),
        9007199254740992.0,
        9007199254740993.0,
        std::f64::consts::PI,
        std::f64::consts::E,
        5e-324,
        2.2250738585072014e-308,
        1.7976931348623157e308,
    ];
    // Every power of two and of ten (the m == 1<<63 "skewed" path), and
    // their neighbours.
    for e in -1074..=1023 {
        let p = 2f64.powi(e);
        v.extend([
            p,
            -p,
            f64::from_bits(p.to_bits() + 1),
            f64::from_bits(p.to_bits().saturating_sub(1)),
        ]);
    }
    for e in -323..=308 {
        let p: f64 = format!("1e{e}").parse().unwrap();
        v.extend([
            p,
            f64::from_bits(p.to_bits() + 1),
            f64::from_bits(p.to_bits() - 1),
        ]);
    }
    v
}

fn edge_f32s() -> Vec<f32> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        0.1,
        1.0 / 3.0,
        1e6,
        16777216.0,
        16777217.0,
        f32::MAX,
        f32::MIN,
        f32::MIN_POSITIVE,
        f32::from_bits(1),
        f32::from_bits(0x007F_FFFF),
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        f32::from_bits(0x7FC0_0001),
    ];
    for e in -149..=127 {
        let p = 2f32.powi(e);
        v.extend([
            p,
            -p,
            f32::from_bits(p.to_bits() + 1),
            f32::from_bits(p.to_bits().saturating_sub(1)),
        ]);
    }
    for e in -45..=38 {
        let p: f32 = format!("1e{e}").parse().unwrap();
        v.extend([
            p,
            f32::from_bits(p.to_bits() + 1),
            f32::from_bits(p.to_bits().saturating_sub(1)),
        ]);
    }
    v
}

fn all_values() -> Vec<Value> {
    let mut vals = Vec::new();
    let mut rng = Rng(0x60_1d_e5_1d_e0);
    let f64s = edge_f64s();
    let f32s = edge_f32s();
    vals.extend(f64s.iter().map(|&f| Value::F64(f)));
    vals.extend(f32s.iter().map(|&f| Value::F32(f)));
    for _ in 0..30_000 {
        vals.push(Value::F64(f64::from_bits(rng.next())));
    }
    for _ in 0..20_000 {
        vals.push(Value::F32(f32::from_bits(rng.next() as u32)));
    }
    // Short decimals, where "shortest" most often bites.
    for _ in 0..10_000 {
        let digits = rng.next() % 1_000_000;
        let exp = (rng.next() % 60) as i32 - 30;
        let s = format!("{digits}e{exp}");
        vals.push(Value::F64(s.parse().unwrap()));
        vals.push(Value::F32(s.parse().unwrap()));
    }
    for i in 0..2_000 {
        let (a, b) = (f64s[i % f64s.len()], f64::from_bits(rng.next()));
        vals.push(Value::C128(a, b));
        vals.push(Value::C128(b, a));
        let (c, d) = (f32s[i % f32s.len()], f32::from_bits(rng.next() as u32));
        vals.push(Value::C64(c, d));
        vals.push(Value::C64(d, c));
    }
    for x in [
        0,
        1,
        -1,
        i64::MIN,
        i64::MAX,
        i64::MIN + 1,
        9,
        10,
        -10,
        99,
        100,
        1 << 32,
        -(1 << 53),
    ] {
        vals.push(Value::Int(x));
    }
    for x in [
        0,
        1,
        u64::MAX,
        u64::MAX - 1,
        1 << 63,
        10_000_000_000_000_000_000,
        9_999_999_999_999_999_999,
    ] {
        vals.push(Value::Uint(x));
        vals.push(Value::Hex(x));
    }
    for _ in 0..2_000 {
        let x = rng.next() >> (rng.next() % 64);
        vals.push(Value::Int(x as i64));
        vals.push(Value::Uint(x));
        vals.push(Value::Hex(x));
    }
    vals.extend([Value::Bool(true), Value::Bool(false)]);
    for p in [0usize, 1, 0xdeadbeef, 0x7fff_ffff_f000, usize::MAX] {
        vals.push(Value::Ptr(p));
    }
    // printquoted: escapes, invalid UTF-8, every kind of rune.
    let quoted: Vec<&[u8]> = vec![
        b"",
        b"plain",
        b"\"quotes\" and \\backslash\\",
        b"\n\r\t\x00\x01\x1f\x7f",
        b"\xff\xfe",
        b"\xe2\x82",
        b"\xe2\x82\xac euro",
        "\u{fffd} real replacement".as_bytes(),
        "é ß 日本 😀 \u{10ffff}".as_bytes(),
        b"\xc0\x80 overlong",
        b"\xed\xa0\x80 surrogate",
        b"\xf4\x90\x80\x80 too big",
        b"\xf8\x88\x80\x80\x80",
    ];
    vals.extend(quoted.into_iter().map(|q| Value::Quoted(q.to_vec())));
    for _ in 0..500 {
        let len = (rng.next() % 12) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        vals.push(Value::Quoted(bytes));
    }
    vals
}

/// A temporary directory removed on drop.
struct TempDir(PathBuf);
impl TempDir {
    fn new(tag: &str) -> TempDir {
        let d = std::env::temp_dir().join(format!("goxide-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        TempDir(d)
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds GO_PROGRAM with the reference go into `dir/prog` (body-less
/// Go declarations need an assembly file in the package).
fn build_reference(dir: &Path) -> PathBuf {
    let pkg = GoPackage {
        module: "printdiff",
        files: &[("main.go", GO_PROGRAM), ("empty.s", "")],
        build_args: &["-ldflags=-checklinkname=0"],
    };
    let gocache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gocache");
    build_with_reference_go(dir, "src", &pkg, &gocache, &dir.join("prog"))
}

#[test]
fn print_builtins_match_gc_byte_for_byte() {
    let tmp = TempDir::new("printdiff");
    let prog = build_reference(&tmp.0);
    let values = all_values();

    let mut input = String::new();
    let mut ours = Vec::new();
    for v in &values {
        input.push_str(&v.go_line());
        input.push('\n');
        v.print_ours(&mut ours);
    }
    let mut child = Command::new(&prog)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert!(
        out.status.success(),
        "reference program failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let gc_lines: Vec<&[u8]> = out.stderr.split(|&b| b == b'\n').collect();
    let our_lines: Vec<&[u8]> = ours.split(|&b| b == b'\n').collect();
    let mut mismatches = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let (g, o) = (
            gc_lines.get(i).copied().unwrap_or(b"<missing>"),
            our_lines[i],
        );
        if g != o {
            mismatches.push(format!(
                "{}: gc {:?} goxide {:?}",
                v.go_line(),
                String::from_utf8_lossy(g),
                String::from_utf8_lossy(o)
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} values differ; first ones:\n{}",
        mismatches.len(),
        values.len(),
        mismatches[..mismatches.len().min(20)].join("\n")
    );
    assert_eq!(out.stderr, ours, "same lines, different bytes");
    println!("{} values printed identically", values.len());
}
