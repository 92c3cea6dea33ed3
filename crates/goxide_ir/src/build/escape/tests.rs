//! Tests of the escape analysis: small packages through the real parser
//! and checker, then the parameter leak summaries (`ParamLeaks`) and the
//! frame buffers the builder gives `append` sites (`appendbuf`). The
//! expected leaks are gc's (`go build -gcflags=-m` of the same source
//! says `leaking param: s` / `leaking param: s to result` / `s does not
//! escape`), except where noted as conservative.


use goxide_types::objects::{object, ObjKind};

use super::super::tests::with_checked;
use super::super::{build_package, file_numbers};
use super::{Leak, ParamLeaks};
use crate::printer::package_text;

/// The leak summary of function `name` (receiver first) in `src`.
fn leaks(src: &str, name: &str) -> Vec<Leak> {
    with_checked(src, |input, c| {
        let fnums: Vec<u32> = file_numbers(input).into_iter().map(|n| n.unwrap_or(u32::MAX)).collect();
        let pl = ParamLeaks::of_package(input, &fnums);
        let func = c
            .defs
            .values()
            .copied()
            .find(|&o| matches!(object(o).kind, ObjKind::Func) && object(o).name.as_str() == name)
            .unwrap_or_else(|| panic!("no function {name}"));
        pl.summary(func).unwrap_or_else(|| panic!("no summary for {name}")).to_vec()
    })
}

/// The printed IR of `src`.
fn ir(src: &str) -> String {
    with_checked(src, |input, _| package_text(&build_package(input).unwrap_or_else(|e| panic!("{e}"))))
}

/// How many frame buffers of `[4]int` function `func` of `src` holds.
fn int_buffers(src: &str, func: &str) -> usize {
    let t = ir(src);
    let header = format!("func main.{func}(");
    let body: String = t.lines().skip_while(|l| !l.starts_with(&header)).skip(1).take_while(|l| !l.starts_with("func ")).collect::<Vec<_>>().join("\n");
    assert!(t.contains(&header), "{t}");
    body.matches("alloca [4]int").count()
}

use Leak::{Heap, None as NoLeak, Result as ToResult};

#[test]
fn reading_printing_and_measuring_do_not_leak() {
    let src = "package main\n\nfunc describe(name string, s []int) {\n\tprintln(name, s == nil, len(s), cap(s))\n\tfor i, v := range s {\n\t\tprintln(i, v, s[i])\n\t}\n\tt := s[1:]\n\tcopy(t, s)\n}\n\nfunc main() { describe(\"x\", nil) }\n";
    assert_eq!(leaks(src, "describe"), [NoLeak, NoLeak]);
}

#[test]
fn globals_heap_stores_channels_and_kept_interfaces_leak() {
    let src = "package main\n\nvar kept []int\n\nfunc global(s []int) { kept = s }\n\nfunc field(p *struct{ s []int }, s []int) { p.s = s }\n\nfunc send(c chan []int, s []int) { c <- s }\n\nfunc boxed(s []int) { var x any = s; _ = x }\n\nvar sink any\n\nfunc boxedKept(s []int) { var x any = s; sink = x }\n\nfunc show(v any) {\n\tif s, ok := v.([]int); ok {\n\t\tprintln(len(s))\n\t}\n}\n\nfunc shown(s []int) { show(s) }\n\nfunc captured(s []int) { f := func() { println(len(s)) }; f() }\n\nfunc spawned(s []int) { go global(s) }\n\nfunc addr(s []int) { p := &s; kept = *p }\n\nfunc elem(dst [][]int, s []int) { dst[0] = s }\n\nfunc main() {}\n";
    assert_eq!(leaks(src, "global"), [Heap]);
    // The pointer itself is only read through: gc says `p does not escape`.
    assert_eq!(leaks(src, "field"), [NoLeak, Heap]);
    assert_eq!(leaks(src, "send"), [NoLeak, Heap]);
    // A box reached only through a local interface does not escape.
    assert_eq!(leaks(src, "boxed"), [NoLeak]);
    assert_eq!(leaks(src, "boxedKept"), [Heap]);
    assert_eq!(leaks(src, "show"), [NoLeak]);
    assert_eq!(leaks(src, "shown"), [NoLeak]);
    // Conservative: gc sees that the closure does not escape.
    assert_eq!(leaks(src, "captured"), [Heap]);
    assert_eq!(leaks(src, "spawned"), [Heap]);
    assert_eq!(leaks(src, "addr"), [Heap]);
    assert_eq!(leaks(src, "elem"), [NoLeak, Heap]);
}

#[test]
fn returned_parameters_leak_to_the_result_and_callers_follow_them() {
    let src = "package main\n\nvar kept []int\n\nfunc id(s []int) []int { return s }\n\nfunc tail(s []int) (r []int) {\n\tr = s[1:]\n\treturn\n}\n\nfunc keepID(s []int) { kept = id(s) }\n\nfunc printID(s []int) { println(len(id(s))) }\n\nfunc main() {}\n";
    assert_eq!(leaks(src, "id"), [ToResult]);
    assert_eq!(leaks(src, "tail"), [ToResult]);
    assert_eq!(leaks(src, "keepID"), [Heap]);
    assert_eq!(leaks(src, "printID"), [NoLeak]);
}

#[test]
fn recursion_solves_to_the_least_fixed_point() {
    let src = "package main\n\nvar kept []int\n\nfunc sum(s []int) int {\n\tif len(s) == 0 {\n\t\treturn 0\n\t}\n\treturn s[0] + sum(s[1:])\n}\n\nfunc even(s []int, n int) {\n\tif n > 0 {\n\t\todd(s, n-1)\n\t}\n}\n\nfunc odd(s []int, n int) {\n\tif n == 1 {\n\t\tkept = s\n\t}\n\teven(s, n-1)\n}\n\nfunc ping(s []int, n int) { if n > 0 { pong(s, n-1) } }\n\nfunc pong(s []int, n int) { ping(s, n) }\n\nfunc main() {}\n";
    assert_eq!(leaks(src, "sum"), [NoLeak]);
    assert_eq!(leaks(src, "even"), [Heap, NoLeak]);
    assert_eq!(leaks(src, "odd"), [Heap, NoLeak]);
    assert_eq!(leaks(src, "ping"), [NoLeak, NoLeak]);
    assert_eq!(leaks(src, "pong"), [NoLeak, NoLeak]);
}

#[test]
fn struct_values_and_type_switches_carry_what_they_hold() {
    let src = "package main\n\nvar kept []int\n\ntype T struct{ a []int }\n\nfunc (t T) n() int { return len(t.a) }\n\nfunc inStruct(s []int) int { t := T{a: s}; return t.n() }\n\nfunc outOfStruct(s []int) { t := T{s}; kept = t.a }\n\nfunc inArray(s []int) { arr := [1][]int{s}; kept = arr[0] }\n\nfunc inSlice(s []int) int { ss := [][]int{s}; return len(ss) }\n\nfunc throughPointer(s []int) int { p := &T{s}; return len(p.a) }\n\nfunc switched(v any) int {\n\tswitch x := v.(type) {\n\tcase []int:\n\t\treturn len(x)\n\t}\n\treturn 0\n}\n\nfunc switchedKept(v any) {\n\tswitch x := v.(type) {\n\tcase []int:\n\t\tkept = x\n\t}\n}\n\nfunc main() {}\n";
    assert_eq!(leaks(src, "inStruct"), [NoLeak]);
    assert_eq!(leaks(src, "outOfStruct"), [Heap]);
    assert_eq!(leaks(src, "inArray"), [Heap]);
    // Conservative: a slice literal's elements and `&T{...}`'s fields escape.
    assert_eq!(leaks(src, "inSlice"), [Heap]);
    assert_eq!(leaks(src, "throughPointer"), [Heap]);
    assert_eq!(leaks(src, "switched"), [NoLeak]);
    assert_eq!(leaks(src, "switchedKept"), [Heap]);
}

#[test]
fn unknown_callees_and_variadic_packing_leak() {
    let src = "package main\n\ntype I interface{ M([]int) }\n\nfunc viaValue(f func([]int), s []int) { f(s) }\n\nfunc viaIface(i I, s []int) { i.M(s) }\n\nfunc many(xs ...[]int) {}\n\nfunc packed(s []int) { many(s) }\n\nfunc spread(s [][]int) { many(s...) }\n\nfunc gen[T any](x T) {}\n\nfunc generic(s []int) { gen(s) }\n\nfunc main() {}\n";
    assert_eq!(leaks(src, "viaValue"), [NoLeak, Heap]);
    assert_eq!(leaks(src, "viaIface"), [Heap, Heap]);
    assert_eq!(leaks(src, "packed"), [Heap]);
    assert_eq!(leaks(src, "spread"), [NoLeak]);
    assert_eq!(leaks(src, "generic"), [Heap]);
}

#[test]
fn methods_summarise_their_receiver_first() {
    let src = "package main\n\nvar kept []int\n\ntype S []int\n\nfunc (s S) Len() int { return len(s) }\n\nfunc (s S) Keep() { kept = s }\n\nfunc (p *S) Push(v int) { *p = append(*p, v) }\n\nfunc use(s S) int { return s.Len() }\n\nfunc push(s S) { s.Push(1) }\n\nfunc main() {}\n";
    assert_eq!(leaks(src, "Len"), [NoLeak]);
    assert_eq!(leaks(src, "Keep"), [Heap]);
    assert_eq!(leaks(src, "Push"), [NoLeak, NoLeak]);
    assert_eq!(leaks(src, "use"), [NoLeak]);
    // `s.Push` takes `&s`: the variable escapes (conservative).
    assert_eq!(leaks(src, "push"), [Heap]);
}

#[test]
fn appends_passed_to_a_non_leaking_callee_use_the_frame_buffer() {
    let src = "package main\n\nvar kept []int\n\nfunc describe(s []int) { println(len(s), cap(s)) }\n\nfunc keep(s []int) { kept = s }\n\nfunc id(s []int) []int { return s }\n\nfunc local() {\n\tvar a []int\n\ta = append(a, 1)\n\tdescribe(a)\n}\n\nfunc stored() {\n\tvar b []int\n\tb = append(b, 1)\n\tkeep(b)\n}\n\nfunc through() {\n\tvar c []int\n\tc = append(c, 1)\n\td := id(c)\n\tprintln(cap(d))\n}\n\nfunc returned() []int {\n\tvar e []int\n\te = append(e, 1)\n\treturn id(e)\n}\n\nfunc main() {\n\tlocal()\n\tstored()\n\tthrough()\n\t_ = returned()\n}\n";
    assert_eq!(int_buffers(src, "local"), 1);
    assert_eq!(int_buffers(src, "stored"), 0);
    assert_eq!(int_buffers(src, "through"), 1);
    assert_eq!(int_buffers(src, "returned"), 0);
}

#[test]
fn type_switch_variables_are_the_bodys_own() {
    let src = "package main\n\nvar kept any\n\nfunc local(v any) {\n\tswitch x := v.(type) {\n\tcase []int:\n\t\tx = append(x, 1)\n\t\tprintln(len(x), cap(x))\n\t}\n}\n\nfunc stored(v any) {\n\tswitch x := v.(type) {\n\tcase []int:\n\t\tx = append(x, 1)\n\t\tkept = x\n\t}\n}\n\nfunc main() {\n\tlocal(nil)\n\tstored(nil)\n}\n";
    assert_eq!(int_buffers(src, "local"), 1);
    assert_eq!(int_buffers(src, "stored"), 0);
}

#[test]
fn one_buffer_per_variable_at_its_first_site_and_none_for_spreads_or_captures() {
    let src = "package main\n\nvar cond bool\n\nfunc two() {\n\tvar s []int\n\tif cond {\n\t\ts = append(s, 1)\n\t} else {\n\t\ts = append(s, 2)\n\t}\n\tprintln(cap(s))\n}\n\nfunc spread() {\n\tvar s []int\n\ts = append(s, []int{1}...)\n\tprintln(cap(s))\n}\n\nfunc closure() {\n\tvar s []int\n\tf := func() { s = append(s, 1) }\n\tf()\n\tprintln(cap(s))\n}\n\nfunc addressed() {\n\tvar s []int\n\tp := &s\n\ts = append(s, 1)\n\tprintln(len(*p))\n}\n\nfunc main() {\n\ttwo()\n\tspread()\n\tclosure()\n\taddressed()\n}\n";
    assert_eq!(int_buffers(src, "two"), 1);
    assert_eq!(int_buffers(src, "spread"), 0);
    assert_eq!(int_buffers(src, "closure"), 0);
    assert_eq!(int_buffers(src, "closure.func1"), 0);
    assert_eq!(int_buffers(src, "addressed"), 0);
}
