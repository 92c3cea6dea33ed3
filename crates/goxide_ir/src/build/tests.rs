//! Builder tests: real programs through the real checker, then the IR's
//! verifier and printed form.

use std::sync::Arc;

use goxide_types::check::{Checker, Config, Importer};
use goxide_types::sizes::Sizes;
use goxide_types::types::PkgId;

use super::*;
use crate::printer::package_text;
use crate::verify::verify_package;

struct NoImports;

impl Importer for NoImports {
    fn import(&self, path: &str) -> Result<PkgId, String> {
        Err(format!("no package {path}"))
    }
}

/// Parses and checks `src` (`./x.go`) as package main, asserting it is
/// well-typed, and gives the checked package (and its checker) to `f`:
/// what the builder's tests and its passes' tests start from.
pub(crate) fn with_checked<R>(src: &str, f: impl FnOnce(&CheckedPackage, &Checker) -> R) -> R {
    let (file, diags) = goxide_syntax::parse_file("./x.go", src.as_bytes());
    assert!(diags.is_empty(), "{diags:?}");
    let files = vec![Arc::new(file)];
    let config = Config::new(Sizes::for_arch("amd64").unwrap());
    let mut c = Checker::new(&config, &NoImports, "main", files.clone());
    c.check();
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let input = CheckedPackage { path: "main", files: &files, info: &c.info, defs: &c.defs };
    f(&input, &c)
}

/// Checks `src` as package main and builds it.
fn build(src: &str) -> Result<Package, Unsupported> {
    let p = with_checked(src, |input, _| build_package(input))?;
    if let Err(e) = verify_package(&p) {
        panic!("{e}\n{}", package_text(&p));
    }
    Ok(p)
}

fn text(src: &str) -> String {
    package_text(&build(src).unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn functions_calls_and_loops_build_and_verify() {
    let t = text(
        "package main\n\nfunc add(a, b int) int { return a + b }\n\nfunc main() {\n\ts := 0\n\tfor i := 0; i < 10; i++ {\n\t\tif i%2 == 0 {\n\t\t\tcontinue\n\t\t}\n\t\ts = add(s, i)\n\t}\n\tprintln(s)\n}\n",
    );
    assert!(t.contains("func main.add(v0: unsafe.Pointer, v1: int, v2: int) (int) {"), "{t}");
    assert!(t.contains("= call main.add("), "{t}");
    assert!(t.contains("= rem "), "{t}");
    assert!(t.contains("rtcall printint("), "{t}");
    assert!(t.contains("main main.main"), "{t}");
    // The loop header carries i and s as block parameters.
    assert!(t.lines().any(|l| l.starts_with("block1(") && l.matches(": int").count() == 2), "{t}");
}

#[test]
fn multiple_results_and_named_results() {
    let t = text(
        "package main\n\nfunc divmod(a, b int) (q, r int) {\n\tq = a / b\n\tr = a % b\n\treturn\n}\n\nfunc main() {\n\tq, r := divmod(17, 5)\n\tprintln(q, r)\n}\n",
    );
    assert!(t.contains("func main.divmod(v0: unsafe.Pointer, v1: int, v2: int) (int, int) {"), "{t}");
    assert!(t.lines().any(|l| l.trim_start().starts_with("v") && l.contains(", ") && l.contains("= call main.divmod(")), "{t}");
}

#[test]
fn println_joins_constant_strings_as_walkprint() {
    let t = text("package main\n\nfunc main() {\n\tx := 3\n\tprintln(\"a\", \"b\", x, \"c\")\n\tprint(true, \"\\n\")\n}\n");
    let calls: Vec<&str> = t.lines().filter_map(|l| l.split("rtcall ").nth(1)).map(|c| c.split('(').next().unwrap_or("")).collect();
    assert_eq!(
        calls,
        ["printlock", "printstring", "printint", "printstring", "printunlock", "printlock", "printbool", "printnl", "printunlock"],
        "{t}"
    );
    assert!(t.contains("sconst \"a b \""), "{t}");
    assert!(t.contains("sconst \" c\\n\""), "{t}");
}

#[test]
fn package_variables_initialise_in_dependency_order() {
    // a needs b, b needs c through f: c, then b, then a (the spec's order).
    let t = text(
        "package main\n\nvar a = b + 1\nvar b = f()\nvar d int\n\nfunc f() int { return c * 2 }\n\nvar c = 20\n\nfunc main() { println(a, b, c, d) }\n",
    );
    let init = &t[t.find("func main.init(").expect("main.init")..];
    let init = &init[..init.find("}\n").unwrap()];
    let stores: Vec<&str> = init.lines().filter_map(|l| l.split("global_addr ").nth(1)).collect();
    // Stores of c, b (after the call of f), then a load of b and a store of a.
    assert_eq!(stores, ["main.c", "main.b", "main.b", "main.a"], "{t}");
    assert!(t.contains("inits [main.init]"), "{t}");
    assert!(t.contains("var main.d int"), "{t}");
}

#[test]
fn switch_with_fallthrough_and_labelled_break() {
    let t = text(
        "package main\n\nfunc main() {\nouter:\n\tfor i := 0; ; i++ {\n\t\tswitch i {\n\t\tcase 0, 1:\n\t\t\tprintln(\"small\")\n\t\t\tfallthrough\n\t\tcase 2:\n\t\t\tprintln(\"two-ish\")\n\t\tdefault:\n\t\t\tbreak outer\n\t\t}\n\t}\n\tprintln(\"done\")\n}\n",
    );
    assert!(t.contains("cmp.eq"), "{t}");
}

#[test]
fn short_circuit_operators_join_with_a_parameter() {
    let t = text("package main\n\nfunc t(x int) bool { return x > 0 && x < 10 || x == 42 }\n\nfunc main() { println(t(5)) }\n");
    assert!(t.lines().any(|l| l.contains("(v") && l.contains(": bool):")), "{t}");
}

#[test]
fn init_functions_run_after_variables_in_source_order() {
    let t = text("package main\n\nvar x = g()\n\nfunc g() int { return 1 }\nfunc init() { println(1) }\nfunc init() { println(2) }\nfunc main() {}\n");
    assert!(t.contains("inits [main.init, main.init.0, main.init.1]"), "{t}");
}

#[test]
fn range_func_body_returns_through_the_named_results() {
    // r is captured (in memory): the body's `return 7` stores into r itself.
    let t = text("package main\n\nfunc f() (r int) {\n\tfor x := range g {\n\t\tr += x\n\t\treturn 7\n\t}\n\treturn\n}\n\nfunc g(yield func(int) bool) { yield(1) }\n\nfunc main() { println(f()) }\n");
    assert!(t.contains("func main.f("), "{t}");
    // r is not captured: it is copied to a cell and back.
    build("package main\n\nfunc f() (r int, s string) {\n\tfor x := range g {\n\t\t_ = x\n\t\treturn\n\t}\n\treturn 1, \"\"\n}\n\nfunc g(yield func(int) bool) {}\n\nfunc main() { f() }\n").unwrap();
}

#[test]
fn deferred_and_go_calls_save_their_arguments_in_a_closure() {
    let t = text("package main\n\nfunc f(x int) (r int) {\n\tdefer func() { r *= 2 }()\n\tdefer println(\"x\", x)\n\tgo f(x + 1)\n\treturn x\n}\n\nfunc main() { println(f(1)) }\n");
    assert!(t.contains("func main.f.deferwrap2(v0: unsafe.Pointer) {"), "{t}");
    assert!(t.contains("func main.f.gowrap3(v0: unsafe.Pointer) {"), "{t}");
    assert_eq!(t.matches("rtcall deferproc(").count(), 2, "{t}");
    assert!(t.contains("rtcall newproc("), "{t}");
    // The result is set before the deferred calls run and read after.
    let f = &t[t.find("func main.f(").unwrap()..];
    let f = &f[..f.find("\n}\n").unwrap()];
    let ret = f.rfind("rtcall deferreturn(").expect("deferreturn");
    assert!(f[ret..].contains("load"), "{f}");
}

#[test]
fn structs_and_arrays_live_in_memory_and_travel_by_pointer() {
    let t = text(
        "package main\n\ntype P struct{ X, Y int }\n\nfunc (p P) Sum() int { return p.X + p.Y }\n\nfunc mk(x int) P { return P{x, 2 * x} }\n\nfunc main() {\n\tvar a [3]P\n\ta[1] = mk(4)\n\tprintln(a[1].Sum(), a[0] == a[1])\n}\n",
    );
    // The method takes its receiver by pointer to a copy; mk returns
    // through an out-pointer.
    assert!(t.contains("func main.P.Sum(v0: unsafe.Pointer, v1: *P) (int) {"), "{t}");
    assert!(t.contains("func main.mk(v0: unsafe.Pointer, v1: *P, v2: int) {"), "{t}");
    assert!(t.contains("alloca [3]P"), "{t}");
    assert!(t.contains("bounds_check.Index"), "{t}");
    assert!(t.contains("field_addr"), "{t}");
    assert!(t.contains("copy "), "{t}");
}

#[test]
fn captured_and_address_taken_variables_live_on_the_heap() {
    let t = text(
        "package main\n\nfunc main() {\n\tn := 0\n\tinc := func() { n++ }\n\tinc()\n\tk := 5\n\tp := &k\n\t*p = 6\n\tj := 1\n\tprintln(n, k, j)\n}\n",
    );
    assert_eq!(t.matches("new int").count(), 2, "{t}");
    assert!(t.contains("func main.main.func1(v0: unsafe.Pointer) {"), "{t}");
    assert!(t.contains("func_addr main.main.func1"), "{t}");
    assert!(t.contains("nil_check"), "{t}");
}

#[test]
fn unreachable_code_after_return_still_verifies() {
    let t = text("package main\n\nfunc f(x int) int {\n\tfor {\n\t\tif x > 3 {\n\t\t\treturn x\n\t\t}\n\t\tx++\n\t}\n}\n\nfunc main() { println(f(0)) }\n");
    assert!(t.contains("unreachable"), "{t}");
}

#[test]
fn interfaces_use_static_itabs_wrappers_and_assertions() {
    let src = "package main\n\ntype S interface{ Area() int }\n\ntype Sq struct{ n int }\n\nfunc (s Sq) Area() int { return s.n * s.n }\n\ntype Ci struct{ r int }\n\nfunc (c *Ci) Area() int { return 3 * c.r * c.r }\n\nfunc main() {\n\tvar shapes = []S{Sq{2}, &Ci{1}}\n\tfor _, s := range shapes {\n\t\tswitch v := s.(type) {\n\t\tcase Sq:\n\t\t\tprintln(\"sq\", v.n)\n\t\tcase *Ci:\n\t\t\tprintln(\"ci\", v.r)\n\t\t}\n\t\tprintln(s.Area())\n\t}\n\tvar e interface{} = 5\n\tn, ok := e.(int)\n\tf := shapes[0].Area\n\tprintln(n, ok, f(), e == 5)\n}\n";
    let p = build(src).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.itabs.len(), 2, "{}", package_text(&p));
    let names: Vec<&str> = p.funcs.iter().map(|f| f.name.as_str()).collect();
    // Sq's value method reaches the itab through gc's pointer wrapper;
    // *Ci's pointer method is its own entry.
    assert!(names.contains(&"main.(*Sq).Area"), "{names:?}");
    assert!(!names.contains(&"main.(*Ci).Area-fm") || names.contains(&"main.(*Ci).Area"), "{names:?}");
    let t = package_text(&p);
    assert!(t.contains("itab_addr"), "{t}");
    assert!(t.contains("call_indirect"), "{t}");
    assert!(t.contains("rtcall efaceeq("), "{t}");
    assert!(t.contains("-fm"), "{t}");
}

#[test]
fn generic_functions_and_methods_are_monomorphised_on_use() {
    let src = "package main\n\ntype Box[T any] struct{ v T }\n\nfunc (b *Box[T]) Set(v T) { b.v = v }\n\nfunc Map[T, U any](x T, f func(T) U) U { return f(x) }\n\nfunc double(x int) int { return 2 * x }\n\nfunc main() {\n\tvar b Box[string]\n\tb.Set(\"a\")\n\tprintln(Map(3, double), Map[int, int](4, double), b.v)\n}\n";
    let p = build(src).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = p.funcs.iter().map(|f| f.name.as_str()).collect();
    assert!(names.contains(&"main.Map[int,int]"), "{names:?}");
    assert!(names.contains(&"main.(*Box[string]).Set"), "{names:?}");
    // One instance for both calls with the same type arguments; none for
    // the generic declarations themselves.
    assert_eq!(names.iter().filter(|n| n.starts_with("main.Map")).count(), 1, "{names:?}");
}

#[test]
fn channels_and_select_call_the_runtime() {
    let t = text("package main\n\nfunc main() {\n\tc := make(chan int, 1)\n\tc <- 1\n\tselect {\n\tcase v, ok := <-c:\n\t\tprintln(v, ok)\n\tcase c <- 2:\n\tdefault:\n\t}\n\tclose(c)\n\tfor v := range c {\n\t\tprintln(v, len(c))\n\t}\n}\n");
    for f in ["makechan", "chansend1", "selectgo", "closechan", "chanrecv2"] {
        assert!(t.contains(&format!("rtcall {f}(")), "{f}: {t}");
    }
}

#[test]
fn maps_call_the_runtime_with_keys_by_address() {
    let t = text("package main\n\nfunc main() {\n\tm := map[string]int{\"a\": 1}\n\tm[\"b\"] += 2\n\tv, ok := m[\"c\"]\n\tdelete(m, \"a\")\n\tfor k, v := range m {\n\t\tprintln(k, v)\n\t}\n\tprintln(len(m), v, ok)\n}\n");
    for f in ["makemap", "mapassign", "mapaccess2", "mapdelete", "mapiterinit", "mapiternext"] {
        assert!(t.contains(&format!("rtcall {f}(")), "{f}: {t}");
    }
}

#[test]
fn range_over_func_bodies_become_yield_functions() {
    let t = text("package main\n\nfunc count(n int) func(func(int) bool) {\n\treturn func(yield func(int) bool) {\n\t\tfor i := 0; i < n; i++ {\n\t\t\tif !yield(i) {\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}\n}\n\nfunc first(n int) int {\n\tsum := 0\n\tfor x := range count(n) {\n\t\tif x == 3 {\n\t\t\tcontinue\n\t\t}\n\t\tif x > 5 {\n\t\t\treturn sum\n\t\t}\n\t\tsum += x\n\t}\n\treturn -1\n}\n\nfunc main() { println(first(10)) }\n");
    assert!(t.contains("func main.first.func1(v0: unsafe.Pointer, v1: int) (bool) {"), "{t}");
    assert!(t.contains("rtcall panicrangestate("), "{t}");
    // sum is shared with the body: on the heap.
    let first = &t[t.find("func main.first(").unwrap()..];
    assert!(first.contains("new int"), "{first}");
}


#[test]
fn non_escaping_slices_get_gcs_frame_buffer_at_the_first_append() {
    let t = text("package main\n\nvar kept []int\n\nfunc keep(s []int) { kept = s }\n\nfunc main() {\n\tvar a []int\n\tfor i := 0; i < 9; i++ {\n\t\ta = append(a, i)\n\t}\n\tprintln(len(a), cap(a))\n\tvar b []byte\n\tb = append(b, 1)\n\tkeep(nil)\n\tvar c []int\n\tc = append(c, 1)\n\tkeep(c)\n}\n");
    // a ([]int, K = 4) and b ([]byte, K = 32) qualify; c escapes to keep.
    assert!(t.contains("alloca [4]int"), "{t}");
    assert!(t.contains("alloca [32]uint8") || t.contains("alloca [32]byte"), "{t}");
    assert_eq!(t.matches("alloca [4]int").count(), 1, "{t}");
}
