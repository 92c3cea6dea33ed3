//! `append` growth against the reference go: a gc-built program appends
//! to slices of several element types (one element at a time, and in
//! bulk) and prints every new capacity; goxide_runtime's growslice
//! arithmetic (`slice::grown_capacity`) must give the same sequence.
//! Element types cover gc's four growslice cases (size 1, pointer size,
//! powers of two, others) with and without pointers, on both sides of
//! the 512-byte malloc-header threshold. The slices escape (stored in a
//! global): gc gives a non-escaping slice a 32-byte stack backing store
//! at its first append, a compiler matter (ssagen's
//! `getBackingStoreInfoForAppend`), not growslice's.

mod reference;

use goxide_runtime::slice::grown_capacity;

/// (Go element type, size, has pointers)
const ELEMS: &[(&str, usize, bool)] = &[
    ("byte", 1, false),
    ("int", 8, false),
    ("*int", 8, true),
    ("string", 16, true),
    ("[2]int32", 8, false),
    ("[3]int", 24, false),
    ("[3]*int", 24, true),
    ("struct{ p *int; a [5]int }", 48, true),
    ("[100]byte", 100, false),
    ("[100]*byte", 800, true),
    ("[5]int16", 10, false),
    ("[64]byte", 64, false),
    ("[9]*int", 72, true),
];

/// Bulk appends: `s = append(s, make([]T, k)...)` for these k, in turn.
const BULK: &[i64] = &[3, 1, 7, 20, 1, 100, 5, 600, 1, 1, 2000];

fn program() -> String {
    let mut s = String::from("package main\n\nvar sink any\n\n");
    for (i, (t, _, _)) in ELEMS.iter().enumerate() {
        s += &format!(
            "func one{i}() {{\n\tvar s []{t}\n\tc := -1\n\tfor i := 0; i < 5000; i++ {{\n\t\tvar x {t}\n\t\ts = append(s, x)\n\t\tsink = s\n\t\tif cap(s) != c {{\n\t\t\tc = cap(s)\n\t\t\tprintln({i}, \"one\", c)\n\t\t}}\n\t}}\n}}\n\n"
        );
        s += &format!("func bulk{i}() {{\n\tvar s []{t}\n\tfor _, k := range []int{{");
        s += &BULK.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
        s += &format!("}} {{\n\t\ts = append(s, make([]{t}, k)...)\n\t\tsink = s\n\t\tprintln({i}, \"bulk\", cap(s))\n\t}}\n}}\n\n");
    }
    s += "func main() {\n";
    for i in 0..ELEMS.len() {
        s += &format!("\tone{i}()\n\tbulk{i}()\n");
    }
    s += "}\n";
    s
}

fn ours() -> String {
    let mut out = String::new();
    for (i, &(_, size, ptrs)) in ELEMS.iter().enumerate() {
        let (mut len, mut cap) = (0i64, 0i64);
        for _ in 0..5000 {
            if len == cap {
                cap = grown_capacity(size, !ptrs, len + 1, cap).0;
                out += &format!("{i} one {cap}\n");
            }
            len += 1;
        }
        let (mut len, mut cap) = (0i64, 0i64);
        for &k in BULK {
            if len + k > cap {
                cap = grown_capacity(size, !ptrs, len + k, cap).0;
            }
            len += k;
            out += &format!("{i} bulk {cap}\n");
        }
    }
    out
}

#[test]
fn append_capacities_are_gcs() {
    let dir = reference::TempDir::new("appenddiff");
    let (_, stderr, code) = reference::run_reference(&dir.0, "append", &program(), &[]);
    assert_eq!(code, Some(0));
    let gc = String::from_utf8(stderr).unwrap();
    let ours = ours();
    for (n, (a, b)) in gc.lines().zip(ours.lines()).enumerate() {
        assert_eq!(a, b, "line {n}: gc vs goxide");
    }
    assert_eq!(gc.lines().count(), ours.lines().count());
}
