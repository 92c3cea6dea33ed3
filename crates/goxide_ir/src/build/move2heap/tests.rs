//! Tests of the `move2heap` pass: small packages through the real parser,
//! checker and builder, then which runtime calls a function's IR makes
//! (`growsliceBuf` at the appends, `moveSlice*` before the transition).
//! The expected decisions are gc 1.27's (`slice.go`: every mention
//! understood, one transition outside loops, append weight at least 2),
//! except where noted as conservative.



use super::super::build_package;
use super::super::tests::with_checked;
use crate::printer::package_text;

/// The printed IR of function `func` of `src`.
fn func_ir(src: &str, func: &str) -> String {
    let t = with_checked(src, |input, _| package_text(&build_package(input).unwrap_or_else(|e| panic!("{e}"))));
    let header = format!("func main.{func}(");
    assert!(t.contains(&header), "{t}");
    t.lines().skip_while(|l| !l.starts_with(&header)).skip(1).take_while(|l| !l.starts_with("func ")).collect::<Vec<_>>().join("\n")
}

/// The `moveSlice*` calls and `growsliceBuf` calls of `func`.
fn calls(src: &str, func: &str) -> (Vec<&'static str>, usize) {
    let body = func_ir(src, func);
    let moves = ["moveSlice(", "moveSliceNoCap(", "moveSliceNoScan(", "moveSliceNoCapNoScan("]
        .into_iter()
        .flat_map(|m| std::iter::repeat_n(m.trim_end_matches('('), body.matches(&format!("rtcall {m}")).count()))
        .collect();
    (moves, body.matches("rtcall growsliceBuf(").count())
}

fn pkg(body: &str) -> String {
    format!("package main\n\nvar sink []int\nvar sinkp [][]*int\n\nfunc keep(s []int) {{ sink = s }}\n\nfunc look(s []int) int {{ return len(s) }}\n\n{body}\n\nfunc main() {{}}\n")
}

#[test]
fn returned_after_a_loop_of_appends_moves_once() {
    let src = pkg("func f(n int) []int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\treturn s\n}");
    // The capacity is never observed: the whole-buffer strategy and the
    // size-class move.
    assert_eq!(calls(&src, "f"), (vec!["moveSliceNoCapNoScan"], 0));
}

#[test]
fn observed_capacity_grows_in_the_buffer_and_keeps_it() {
    let src = pkg("func f(n int) {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t\tprintln(cap(s))\n\t}\n\tsink = s\n}");
    assert_eq!(calls(&src, "f"), (vec!["moveSliceNoScan"], 1));
    let src = pkg("func f(n int) {\n\tvar s []*int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, &i)\n\t}\n\ts = s[1:]\n\tsinkp = append(sinkp, s)\n}");
    // Passing `s` to `append` is a mention the pass does not understand.
    assert_eq!(calls(&src, "f"), (vec![], 0));
    let src = pkg("func f(n int) [][]*int {\n\tvar s []*int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, &i)\n\t}\n\ts = s[1:]\n\tx := s\n\treturn [][]*int{x}\n}");
    assert_eq!(calls(&src, "f"), (vec!["moveSlice"], 1), "pointers: the typed move");
}

#[test]
fn one_append_outside_loops_is_not_worth_it() {
    let src = pkg("func f() []int {\n\tvar s []int\n\ts = append(s, 1)\n\treturn s\n}");
    assert_eq!(calls(&src, "f"), (vec![], 0));
    let src = pkg("func f() []int {\n\tvar s []int\n\ts = append(s, 1)\n\ts = append(s, 2)\n\treturn s\n}");
    assert_eq!(calls(&src, "f"), (vec!["moveSliceNoCapNoScan"], 0));
}

#[test]
fn two_transitions_or_one_in_a_loop_give_up() {
    let src = pkg("func f(n int) []int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\tsink = s\n\treturn s\n}");
    assert_eq!(calls(&src, "f"), (vec![], 0));
    let src = pkg("func f(n int) {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t\tsink = s\n\t}\n}");
    assert_eq!(calls(&src, "f"), (vec![], 0));
}

#[test]
fn exclusive_all_its_life_needs_no_move() {
    let src = pkg("func f(n int) int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\ts[0] = 5\n\treturn len(s) + s[0] + look(s)\n}");
    assert_eq!(calls(&src, "f"), (vec![], 0));
}

#[test]
fn leaking_calls_addresses_closures_and_defers_give_up() {
    let loop_then = |tail: &str| pkg(&format!("func f(n int) {{\n\tvar s []int\n\tfor i := 0; i < n; i++ {{\n\t\ts = append(s, i)\n\t}}\n{tail}\n}}"));
    for tail in [
        "\tkeep(s)",
        "\tp := &s[0]\n\t_ = p",
        "\tfunc() { sink = s }()",
        "\tdefer look(s)",
        "\tgo look(s)",
        "\tprintln(s == nil)",
        "\tt := s[1:]\n\tsink = t",
        "\tsink = append(sink, s...)",
        "\tp := &s\n\tsink = *p",
    ] {
        assert_eq!(calls(&loop_then(tail), "f"), (vec![], 0), "{tail}");
    }
}

#[test]
fn range_is_a_transition() {
    let src = pkg("func f(n int) int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\tt := 0\n\tfor _, v := range s {\n\t\tt += v\n\t}\n\treturn t\n}");
    assert_eq!(calls(&src, "f"), (vec!["moveSliceNoCapNoScan"], 0));
}

#[test]
fn named_results_move_at_a_bare_return_unless_deferring() {
    let src = pkg("func f(n int) (s []int) {\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\treturn\n}");
    assert_eq!(calls(&src, "f"), (vec!["moveSliceNoCapNoScan"], 0));
    // A recovered panic returns `s` with no `return`: not tracked
    // (conservative: gc has no such case to consider).
    let src = pkg("func f(n int) (s []int) {\n\tdefer func() { recover() }()\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\treturn\n}");
    assert_eq!(calls(&src, "f"), (vec![], 0));
}

#[test]
fn large_elements_have_no_buffer() {
    let src = "package main\n\ntype big [5]int64\n\nvar sink []big\n\nfunc f(n int) {\n\tvar s []big\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, big{})\n\t\tprintln(cap(s))\n\t}\n\tsink = s\n}\n\nfunc main() {}\n";
    assert_eq!(calls(src, "f"), (vec![], 0));
}
