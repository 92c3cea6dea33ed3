//! Tests of the checker phases written so far, each against what the
//! reference `go build` prints for the same program (quoted in the test).

use std::sync::Arc;

use super::*;
use crate::objects::{object, ObjKind};
use crate::universe::universe;

/// An importer of fake, empty packages named after the last path element.
struct FakeImporter;

impl Importer for FakeImporter {
    fn import(&self, path: &str) -> Result<PkgId, String> {
        if path == "unsafe" {
            return Ok(universe().unsafe_pkg);
        }
        let name = path.rsplit('/').next().unwrap();
        let pkg = package::register(path, name);
        let scope = Scope::new(Some(universe().scope));
        scope.freeze();
        package::info(pkg).scope.set(scope).unwrap();
        Ok(pkg)
    }
}

/// Checks one file and returns the errors as `go build` prints them.
fn check(src: &str) -> (Vec<String>, PkgId) {
    check_lang(src, "")
}

/// [`check`] with the language version `lang` (gc's `-lang`, from go.mod).
fn check_lang(src: &str, lang: &str) -> (Vec<String>, PkgId) {
    let (file, diags) = goxide_syntax::parse_file("./x.go", src.as_bytes());
    assert!(diags.is_empty(), "{diags:?}");
    let mut config = Config::new(Sizes::for_arch("amd64").unwrap());
    config.go_version = lang.to_string();
    let mut c = Checker::new(&config, &FakeImporter, "command-line-arguments", vec![Arc::new(file)]);
    c.check();
    let diags: Vec<Diagnostic> = c.errors.iter().map(TypeError::to_diagnostic).collect();
    (goxide_syntax::report::flush(&diags, 10), c.pkg)
}

#[test]
fn redeclarations_as_gc() {
    let (errs, _) = check("package main\nvar x int\nvar x string\nfunc main() {}\n");
    assert_eq!(errs, ["./x.go:3:5: x redeclared in this block\n\t./x.go:2:5: other declaration of x"]);
}

#[test]
fn init_and_main_rules_as_gc() {
    assert_eq!(check("package main\nvar init = 1\nfunc main() {}\n").0, ["./x.go:2:5: cannot declare init - must be func"]);
    assert_eq!(
        check("package main\nfunc init(x int) {}\nfunc main() {}\n").0,
        ["./x.go:2:6: func init must have no arguments and no return values"]
    );
    // init functions are not declared: several are fine.
    assert!(check("package main\nfunc init() {}\nfunc init() {}\nfunc main() {}\n").0.is_empty());
}

#[test]
fn arity_as_gc() {
    assert_eq!(check("package main\nvar a, b, c = 1, 2\nfunc main() {}\n").0, ["./x.go:2:11: missing init expr for c"]);
    assert_eq!(check("package main\nvar a = 1, 2\nfunc main() {}\n").0, ["./x.go:2:12: extra init expr 2"]);
    assert_eq!(check("package main\nconst (\n\ta = 1\n\tb, c\n)\nfunc main() {}\n").0, ["./x.go:4:5: missing init expr for c"]);
    // n:1 may be a multi-valued call: no arity error.
    assert!(check("package main\nvar a, b = f()\nfunc f() (int, int)\nfunc main() {}\n").0.is_empty());
}

#[test]
fn import_clashes_as_gc() {
    let (errs, _) = check("package main\nimport \"fmt\"\nvar fmt = 1\nfunc main() {}\n");
    assert_eq!(
        errs,
        [
            "./x.go:2:8: \"fmt\" imported and not used",
            "./x.go:3:5: fmt already declared through import of package fmt (\"fmt\")\n\t./x.go:2:8: other declaration of fmt"
        ]
    );
}

#[test]
fn constants_get_iota_and_inherit_their_group() {
    let src = "package p\nconst (\n\ta = iota * 10\n\tb\n\t_\n\tc, d = 7, 8\n\te, f\n)\nconst g = iota\n";
    let (file, _) = goxide_syntax::parse_file("./x.go", src.as_bytes());
    let config = Config::new(Sizes::for_arch("amd64").unwrap());
    let mut c = Checker::new(&config, &FakeImporter, "p", vec![Arc::new(file)]);
    c.check();
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let facts: Vec<(String, i64, bool, bool)> = c
        .objects
        .iter()
        .map(|o| match &c.decls[o].source {
            DeclSource::Const { iota, inherited, init, .. } => {
                (object(*o).name.to_string(), *iota, *inherited, init.is_some())
            }
            other => panic!("{other:?}"),
        })
        .collect();
    let want = [
        ("a", 0, false, true),
        ("b", 1, true, true),
        ("_", 2, true, true),
        ("c", 3, false, true),
        ("d", 3, false, true),
        ("e", 4, true, true),
        ("f", 4, true, true),
        ("g", 0, false, true),
    ];
    assert_eq!(facts, want.map(|(n, i, h, v)| (n.to_string(), i, h, v)));
    // Blank names are not declared; the others are, in the package scope.
    let names: Vec<String> = c.scope().names().iter().map(|s| s.to_string()).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e", "f", "g"]);
    assert!(matches!(object(c.scope().lookup(crate::symbol::Symbol::intern("a")).unwrap()).kind, ObjKind::Const));
}

#[test]
fn methods_wait_for_their_base_types() {
    let src = "package p\ntype T[P any] struct{}\nfunc (t *T[P]) M() {}\nfunc (T[P]) N() {}\nfunc (x (*T[Q])) O() {}\nfunc (int) _() {}\n";
    let (file, _) = goxide_syntax::parse_file("./x.go", src.as_bytes());
    let config = Config::new(Sizes::for_arch("amd64").unwrap());
    let mut c = Checker::new(&config, &FakeImporter, "p", vec![Arc::new(file)]);
    c.check();
    // The methods end up on T's named type, with their receiver kinds.
    let t = object(c.scope().lookup(crate::symbol::Symbol::intern("T")).unwrap()).typ.get().unwrap();
    let ms = crate::types::table().named(t).unwrap().methods.lock().unwrap().clone();
    let got: Vec<(String, bool)> =
        ms.iter().map(|&m| (object(m).name.to_string(), crate::lookup::method_has_ptr_recv(m))).collect();
    assert_eq!(got, [("M".to_string(), true), ("N".to_string(), false), ("O".to_string(), true)]);
    // The var n:1 form shares its left-hand side.
    let (file, _) = goxide_syntax::parse_file("./y.go", b"package p\nvar a, b = f()\nfunc f() (int, int)\n");
    let mut c = Checker::new(&config, &FakeImporter, "p2", vec![Arc::new(file)]);
    c.check();
    let a = c.objects[0];
    let DeclSource::Var { lhs: Some(lhs), typ: None, init: Some(_) } = &c.decls[&a].source else { panic!() };
    assert_eq!(lhs.len(), 2);
    assert_eq!(c.decls[&a].file, 0);
    let _ = (c.decls[&a].decl, &c.config);
}

#[test]
fn import_paths_are_validated_as_types2() {
    use super::resolver::validated_import_path;
    assert_eq!(validated_import_path("\"fmt\"").unwrap(), "fmt");
    assert_eq!(validated_import_path("`a/b`").unwrap(), "a/b");
    assert_eq!(validated_import_path("\"a\\x2fb\"").unwrap(), "a/b");
    assert_eq!(validated_import_path("\"\"").unwrap_err(), "empty string");
    assert_eq!(validated_import_path("\"fm t\"").unwrap_err(), "invalid character U+0020 ' '");
    assert_eq!(validated_import_path("\"a:b\"").unwrap_err(), "invalid character U+003A ':'");
    assert_eq!(validated_import_path("\"\\xff\"").unwrap_err(), "invalid character U+FFFD '�'");
}

/// Checks each program and compares its errors with what `go build`
/// printed (quoted with the program); reports every difference at once.
pub(crate) fn assert_as_gc(cases: &[(&str, &[&str])]) {
    let mut failed = Vec::new();
    for (src, want) in cases {
        let (got, _) = check(src);
        if got != *want {
            failed.push(format!("{src}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failed.is_empty(), "{} of {} differ:\n{}", failed.len(), cases.len(), failed.join("\n"));
}

/// Programs and the errors the reference `go build` prints for them
/// (regenerate by running `go build` on each).
#[test]
fn expressions_statements_and_declarations_as_gc() {
    let cases: &[(&str, &[&str])] = &[
        ("package main\nfunc main() { x := 1 }\n", &["./x.go:2:15: declared and not used: x"]),
        ("package main\nfunc main() { var s string = 1; _ = s }\n", &["./x.go:2:30: cannot use 1 (untyped int constant) as string value in variable declaration"]),
        ("package main\nconst c uint8 = 256\nfunc main() {}\n", &["./x.go:2:17: cannot use 256 (untyped int constant) as uint8 value in constant declaration (overflows)"]),
        ("package main\nfunc f() (int, string) { return 1 }\nfunc main() {}\n", &["./x.go:2:33: not enough return values\n\thave (number)\n\twant (int, string)"]),
        ("package main\nfunc f() { return 1 }\nfunc main() {}\n", &["./x.go:2:19: too many return values\n\thave (number)\n\twant ()"]),
        ("package main\ntype I interface {\n\tM()\n\tM()\n}\nfunc main() {}\n", &["./x.go:4:2: duplicate method M\n\t./x.go:3:2: other declaration of method M"]),
        (
            "package main\ntype L[T any] struct{ s []T }\nfunc (l L[int]) n() int { return len(l.s) }\nfunc main() {}\n",
            &["./x.go:3:34: cannot use len(l.s) (value of type int) as int /* with int declared at ./x.go:3:11 */ value in return statement"],
        ),
        ("package main\ntype T struct{ a int }\nfunc main() { var t T; t.b = 1 }\n", &["./x.go:3:26: t.b undefined (type T has no field or method b)"]),
        ("package main\nfunc main() { a := []int{1}; a.x() }\n", &["./x.go:2:32: a.x undefined (type []int has no field or method x)"]),
        ("package main\nfunc f(int, string) {}\nfunc main() { f(1) }\n", &["./x.go:3:17: not enough arguments in call to f\n\thave (number)\n\twant (int, string)"]),
        ("package main\nfunc f() int { }\nfunc main() {}\n", &["./x.go:2:16: missing return"]),
        ("package main\ntype I interface{ M() }\ntype T struct{}\nfunc main() { var _ I = T{} }\n", &["./x.go:4:25: cannot use T{} (value of struct type T) as I value in variable declaration: T does not implement I (missing method M)"]),
        ("package main\nfunc main() { var x int; var y float64; _ = x + y }\n", &["./x.go:2:45: invalid operation: x + y (mismatched types int and float64)"]),
        ("package main\nfunc main() { _ = 1 << 70 }\n", &["./x.go:2:19: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in assignment to _ identifier (overflows)"]),
        ("package main\ntype T int\nfunc (t T) M() {}\nfunc (t T) M() {}\nfunc main() {}\n", &["./x.go:4:12: method T.M already declared at ./x.go:3:12"]),
        ("package main\ntype T struct { T }\nfunc main() {}\n", &["./x.go:2:6: invalid recursive type: T refers to itself"]),
        (
            "package main\nfunc f[A [10]func(), I interface{}, P interface{ *int | *string }](a A, i I, p P) {\n\t_ = a == a\n\t_ = i == i\n\t_ = *p\n}\nfunc main() {}\n",
            &[
                "./x.go:3:6: invalid operation: a == a (incomparable types in type set)",
                "./x.go:4:6: invalid operation: i == i (incomparable types in type set)",
                "./x.go:5:7: invalid operation: pointers of p (variable of type P constrained by interface{*int | *string}) must have identical base types",
            ],
        ),
        (
            "package main\ntype TypeSet interface{ int | string }\ntype P interface {\n\t*P\n}\nvar _ = (*TypeSet)(nil)\nfunc main() {}\n",
            &[
                "./x.go:4:3: cannot use type P outside a type constraint: interface contains type constraints",
                "./x.go:6:11: cannot use type TypeSet outside a type constraint: interface contains type constraints",
            ],
        ),
        ("package main\nvar s uint\nvar _ byte = 0x100 << s\nfunc main() {}\n", &["./x.go:3:14: 0x100 (untyped int constant 256) overflows byte"]),
        ("package _\nvar x int\n", &["./x.go:1:9: invalid package name _"]),
        (
            "package main\ntype C0 interface{ int }\ntype C2 interface{ chan int | <-chan int }\ntype C3 interface{ chan int | chan float32 }\ntype C5[T any] interface{ ~chan T | chan<- T }\nfunc a[T C0](ch T) { ch <- 0 }\nfunc b[T C2](ch T) { ch <- 0 }\nfunc c[T C3](ch T) { <-ch }\nfunc d[T C5[X], X any](ch T, x X) { ch <- x }\nfunc main() {}\n",
            &[
                "./x.go:6:22: invalid operation: cannot send to ch (variable of type T constrained by C0): non-channel int",
                "./x.go:7:22: invalid operation: cannot send to ch (variable of type T constrained by C2): receive-only channel <-chan int",
                "./x.go:8:24: invalid operation: cannot receive from ch (variable of type T constrained by C3): channels chan int and chan float32 have different element types",
            ],
        ),
        (
            "package main\nfunc f1[P any](P)        {}\nfunc f2[P any]() P       { var x P; return x }\nfunc f4[P any](P, P)     {}\nfunc f5[P any](P) []P    { return nil }\nvar v3 func(int) = f1\nvar v7 func(int, string) = f4\nvar v2 func(int) = f2\nfunc r() func(string) []int { return f5 }\nfunc main() {\n\tvar a [2]func(string) []int\n\ta[0] = f5\n\t_ = (func(int))(f1)\n\t_ = v3\n}\n",
            &[
                "./x.go:7:28: inferred type func(int, int) for func(P, P) does not match type func(int, string) of v7",
                "./x.go:8:20: type func(int) of v2 does not match func() P (cannot infer P)",
                "./x.go:9:38: inferred type func(string) []string for func(P) []P does not match type func(string) []int of result variable",
                "./x.go:12:9: inferred type func(string) []string for func(P) []P does not match type func(string) []int of a[0]",
            ],
        ),
        (
            "package main\ntype T1[P T1[P]] interface{}\ntype L[P any] struct{}\ntype A2 = L\nvar _ A2[int]\ntype A0 = L[int]\nfunc (A0) m() {}\ntype G[P any] = L[P]\nfunc (G[P]) n() {}\nfunc (L[*int]) o() {}\nvar _ T1[int]\nfunc main() {}\n",
            &[
                "./x.go:4:11: cannot use generic type L[P any] without instantiation",
                "./x.go:7:7: cannot define new methods on instantiated type L[int]",
                "./x.go:9:7: cannot define new methods on generic alias type G[P any]",
                "./x.go:10:9: receiver type parameter *int must be an identifier",
            ],
        ),
        (
            "package main\nimport \"unsafe\"\nvar v int\nfunc main() {\n\tvar l int\n\tvar _ v\n\tvar _ l\n\tvar _ unsafe\n\tvar _ nil\n\tconst c = -byte(1)\n\t_ = unsafe.Sizeof(0)\n}\n",
            &[
                "./x.go:6:8: v (package-level variable) is not a type",
                "./x.go:7:8: l (local variable) is not a type",
                "./x.go:8:8: unsafe (package name) is not a type",
                "./x.go:9:8: nil (untyped nil) is not a type",
                "./x.go:10:12: -byte(1) (constant -1 of type byte) overflows byte",
            ],
        ),
        ("package main\nfunc main() { for i := range 10 { _ = i }; var m map[[]int]int; _ = m }\n", &["./x.go:2:54: invalid map key type []int"]),
        ("package main\nfunc main() { x, y := 1; _, _ = x, y }\n", &["./x.go:2:23: assignment mismatch: 2 variables but 1 value"]),
    ];
    assert_as_gc(cases);
}

/// More programs and the reference `go build`'s errors: statements,
/// switches, generics, builtins, calls.
#[test]
fn more_programs_as_gc() {
    let cases: &[(&str, &[&str])] = &[
        ("package main\nfunc main() { var x interface{} = 1; switch y := x.(type) { case int: } }\n", &["./x.go:2:45: y declared and not used"]),
        ("package main\nfunc main() { var f float64 = 1.5; var i int = f; _ = i }\n", &["./x.go:2:48: cannot use f (variable of type float64) as int value in variable declaration"]),
        ("package main\nfunc main() { const c = 10; var a [c]int; _ = a[10] }\n", &["./x.go:2:49: invalid argument: index 10 out of bounds [0:10]"]),
        ("package main\nfunc main() { s := \"abc\"; s[0] = 'x' }\n", &["./x.go:2:27: cannot assign to s[0] (neither addressable nor a map index expression)"]),
        ("package main\ntype S struct{ x int }\nfunc main() { m := map[string]S{}; m[\"a\"].x = 1 }\n", &["./x.go:3:36: cannot assign to struct field m[\"a\"].x in map"]),
        ("package main\nfunc main() { var ch <-chan int; ch <- 1 }\n", &["./x.go:2:34: invalid operation: cannot send to receive-only channel <-chan int ch (variable of type <-chan int)"]),
        ("package main\nfunc f[T any](x T) T { return x }\nfunc main() { var s string = f(1); _ = s }\n", &["./x.go:3:30: cannot use f(1) (value of type int) as string value in variable declaration"]),
        ("package main\nfunc main() { x := 1; x := 2; _ = x }\n", &["./x.go:2:25: no new variables on left side of :="]),
        ("package main\nfunc main() { var p *int; p.x = 1 }\n", &["./x.go:2:29: p.x undefined (type *int has no field or method x)"]),
        ("package main\nimport \"fmt\"\nfunc main() {}\n", &["./x.go:2:8: \"fmt\" imported and not used"]),
        ("package main\nfunc main() { go func() {} }\n", &["./x.go:2:18: expression in go must be function call"]),
        ("package main\nfunc main() { switch 1 { case 1, 1: } }\n", &["./x.go:2:34: duplicate case 1 (constant of type int) in expression switch\n\t./x.go:2:31: previous case"]),
        ("package main\ntype T struct{}\nfunc (T) m() {}\nfunc main() { var t *T; t.m(); T.m(T{}); (*T).m(t) }\n", &[]),
        ("package main\nfunc main() { var a []int; a = append(a, \"x\") }\n", &["./x.go:2:42: cannot use \"x\" (untyped string constant) as int value in argument to append"]),
        ("package main\nfunc main() { x := []int{1,2,3}; for i, v, w := range x {} }\n", &["./x.go:2:38: declared and not used: i", "./x.go:2:41: declared and not used: v", "./x.go:2:44: range clause permits at most two iteration variables"]),
        ("package main\nfunc main() { var i interface{ M() }; _ = i.(int) }\n", &["./x.go:2:43: impossible type assertion: i.(int)\n\tint does not implement interface{M()} (missing method M)"]),
        ("package main\nfunc main() { _ = len(1) }\n", &["./x.go:2:23: invalid argument: 1 (untyped int constant) for built-in len"]),
        ("package main\nfunc main() { var x uint = -1; _ = x }\n", &["./x.go:2:28: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)"]),
        ("package main\nfunc g() (int, error) { return 0, nil }\nfunc main() { x := g(); _ = x }\n", &["./x.go:3:20: assignment mismatch: 1 variable but g returns 2 values"]),
        ("package main\nfunc main() { defer recover; }\n", &["./x.go:2:21: expression in defer must be function call"]),
        ("package main\ntype E int\nconst (A E = iota; B; C)\nfunc main() { var e E = C; _ = e + 1.5 }\n", &["./x.go:4:36: 1.5 (untyped float constant) truncated to int"]),
        ("package main\nfunc main() { for { break }; L: for { continue L } }\n", &[]),
        ("package main\nfunc f(xs ...int) {}\nfunc main() { f([]int{1}...); f(1, []int{2}...) }\n", &["./x.go:3:36: too many arguments in call to f\n\thave (number, []int...)\n\twant (...int)"]),
        ("package main\ntype I interface { ~int | ~string }\nfunc main() { var x I; _ = x }\n", &["./x.go:3:21: cannot use type I outside a type constraint: interface contains type constraints"]),
        ("package main\nfunc Max[T int | float64](a, b T) T { if a > b { return a }; return b }\nfunc main() { _ = Max(1, 2.5); _ = Max[string](\"a\", \"b\") }\n", &["./x.go:3:40: string does not satisfy int | float64 (string missing in int | float64)"]),
        ("package main\nfunc f(x int) {}\nfunc main() { f := func(x int) { f(x) }; f(1); var g = func() { _ = g }; _ = g }\n", &["./x.go:3:69: undefined: g"]),
    ];
    assert_as_gc(cases);
}

/// The checker survives every file of types2's own test corpus and of
/// the team's ill-typed corpus (imports resolve to empty packages): no
/// panic, whatever the input.
#[test]
fn no_input_crashes_the_checker() {
    let goroot = goxide_testing::goroot();
    let files = goxide_testing::go_files_under(&[
        goroot.join("src/internal/types/testdata"),
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/types"),
    ]);
    assert!(files.len() > 300, "corpus not found: {} files", files.len());
    let config = Config::new(Sizes::for_arch("amd64").unwrap());
    let mut crashed = Vec::new();
    for p in &files {
        if std::env::var_os("GOXIDE_TRACE_FILES").is_some() { eprintln!("checking {}", p.display()); }
        let src = std::fs::read(p).unwrap();
        let (file, _) = goxide_syntax::parse_file(&p.to_string_lossy(), &src);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut c = Checker::new(&config, &FakeImporter, "p", vec![Arc::new(file)]);
            c.check();
        }));
        if let Err(e) = r {
            let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
            crashed.push(format!("{}: {msg}", p.display()));
        }
    }
    assert!(crashed.is_empty(), "{} of {} files crash the checker:\n{}", crashed.len(), files.len(), crashed.join("\n"));
}

#[test]
#[ignore]
fn scratch_file() {
    let p = std::env::var("SCRATCH").unwrap();
    let src = std::fs::read(&p).unwrap();
    let (file, _) = goxide_syntax::parse_file(&p, &src);
    let config = Config::new(Sizes::for_arch("amd64").unwrap());
    let mut c = Checker::new(&config, &FakeImporter, "p", vec![Arc::new(file)]);
    c.check();
    for e in &c.errors {
        eprintln!("{}", e.to_diagnostic().msg);
    }
}

/// The initialisation order of a one-file package: the names of each
/// initialiser's left-hand side.
fn init_order_of(src: &str) -> Vec<Vec<String>> {
    let (file, diags) = goxide_syntax::parse_file("./x.go", src.as_bytes());
    assert!(diags.is_empty(), "{diags:?}");
    let config = Config::new(Sizes::for_arch("amd64").unwrap());
    let mut c = Checker::new(&config, &FakeImporter, "initorder", vec![Arc::new(file)]);
    c.check();
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c.info.init_order.iter().map(|lhs| lhs.iter().map(|&v| object(v).name.to_string()).collect()).collect()
}

#[test]
fn init_order_as_gc() {
    // `go run` of this program with p printing its first argument prints
    // c b a d g z e v w u (g: the call initialising x, y).
    let src = "package main
func p(s string, v int) int { return v }
var a = p(\"a\", b+1)
var b = p(\"b\", f())
func f() int { return c }
var c = p(\"c\", 1)
var x, y = g()
var z = p(\"z\", x)
func g() (int, int) { return d, 2 }
var d = p(\"d\", 3)
var e = p(\"e\", 0)
var u, v = p(\"u\", w), p(\"v\", 0)
var w = p(\"w\", 0)
var noinit int
func main() {}
";
    let order = init_order_of(src);
    let want: Vec<Vec<&str>> =
        vec![vec!["c"], vec!["b"], vec!["a"], vec!["d"], vec!["x", "y"], vec!["z"], vec!["e"], vec!["v"], vec!["w"], vec!["u"]];
    assert_eq!(order, want);

    // The n:1 declaration's dependencies are shared by its variables, even
    // when the second one is checked first (through `q`).
    let src = "package main
var q = b
var a, b = f()
func f() (int, int) { return r, 1 }
var r = 2
func main() {}
";
    assert_eq!(init_order_of(src), [vec!["r"], vec!["a", "b"], vec!["q"]]);

    // Methods, method values and closures are dependencies too; constants
    // come first; mutually recursive functions are no cycle.
    let src = "package main
type T struct{}
func (T) m() int { return k }
var s = T{}.m()
var t = T.m
var k = func() int { return h() }()
func h() int { return j() + n }
func j() int { return h() }
var n = 1
const c = 2
func main() {}
";
    assert_eq!(init_order_of(src), [vec!["n"], vec!["k"], vec!["s"], vec!["t"]]);
}

#[test]
fn init_cycles_as_gc() {
    assert_eq!(
        check("package main\nvar x = x\nfunc main() {}\n").0,
        ["./x.go:2:5: initialization cycle: x refers to itself"]
    );
    assert_eq!(
        check("package main\nvar x = func() int { return x }()\nfunc main() {}\n").0,
        ["./x.go:2:5: initialization cycle: x refers to itself"]
    );
    assert_eq!(
        check("package main\nvar a = b\nvar b = f()\nfunc f() int { return a }\nfunc main() {}\n").0,
        ["./x.go:2:5: initialization cycle for a\n\t./x.go:2:5: a refers to b\n\t./x.go:3:5: b refers to f\n\t./x.go:4:6: f refers to a"]
    );
    assert_eq!(
        check("package main\nconst a = b\nconst b = a\nfunc main() {}\n").0,
        ["./x.go:2:7: initialization cycle for a\n\t./x.go:2:7: a refers to b\n\t./x.go:3:7: b refers to a"]
    );
    assert_eq!(
        check("package main\nvar a, b = f()\nfunc f() (int, int) { return b, 1 }\nvar c = d\nvar d = e\nvar e = c\nfunc main() {}\n").0,
        [
            "./x.go:2:8: initialization cycle for b\n\t./x.go:2:8: b refers to f\n\t./x.go:3:6: f refers to b",
            "./x.go:4:5: initialization cycle for c\n\t./x.go:4:5: c refers to d\n\t./x.go:5:5: d refers to e\n\t./x.go:6:5: e refers to c",
        ]
    );
    assert_eq!(
        check("package main\ntype T struct{}\nfunc (T) m() int { return x }\nvar x = T{}.m()\nvar y = T.m\nvar z = func() int { return z2 }()\nvar z2 = z\nfunc main() {}\n").0,
        [
            "./x.go:4:5: initialization cycle for x\n\t./x.go:4:5: x refers to m\n\t./x.go:3:10: m refers to x",
            "./x.go:6:5: initialization cycle for z\n\t./x.go:6:5: z refers to z2\n\t./x.go:7:5: z2 refers to z",
        ]
    );
    // Objects behind a cycle are not reported; objects on two cycles are
    // reported twice; paths go through functions in source order.
    let src = "package main
var a = b
var b = c + d
var c = b
var d = f()
func f() int { return g() }
func g() int { return f() + e }
var e = d
func main() {}
";
    assert_eq!(
        check(src).0,
        [
            "./x.go:3:5: initialization cycle for b\n\t./x.go:3:5: b refers to c\n\t./x.go:4:5: c refers to b",
            "./x.go:4:5: initialization cycle for c\n\t./x.go:4:5: c refers to b\n\t./x.go:3:5: b refers to c",
            "./x.go:5:5: initialization cycle for d\n\t./x.go:5:5: d refers to f\n\t./x.go:6:6: f refers to g\n\t./x.go:7:6: g refers to e\n\t./x.go:8:5: e refers to d",
        ]
    );
    assert!(check("package main\nfunc f() { g() }\nfunc g() { f() }\nvar x = h()\nfunc h() int { f(); return 1 }\nfunc main() {}\n").0.is_empty());
}

#[test]
fn expr_end_is_at_or_after_the_expression() {
    let src = "package p\nvar _ = new(func(string) func())\nvar _ = f(a, b.c)[1]\n";
    let (file, _) = goxide_syntax::parse_file("x.go", src.as_bytes());
    let ends: Vec<u32> = file
        .decls_of(file.decls)
        .iter()
        .map(|&d| match file.decl(d).kind {
            goxide_syntax::ast::DeclKind::Var { values: Some(v), .. } => super::scope::expr_end(&file, v),
            _ => 0,
        })
        .collect();
    let line_ends: Vec<u32> = src.match_indices('\n').map(|(i, _)| i as u32).collect();
    assert_eq!(ends, [line_ends[1], line_ends[2]]);
}

/// Language version errors, as the reference `go build` prints them with
/// go.mod's `go` line set to the version, without the
/// " (-lang was set to go1.N; check go.mod)" that gc's driver appends
/// (goxide_build adds it too).
#[test]
fn language_versions_as_gc() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "go1.12",
            "package main\nconst _ = 1_000\nconst _ = 0o17\ntype A = int\nfunc main() {}\n",
            &[
                "./x.go:2:11: underscore in numeric literal requires go1.13 or later",
                "./x.go:3:11: 0o/0O-style octal literal requires go1.13 or later",
            ],
        ),
        (
            "go1.17",
            "package main\nfunc f[P any]() {}\ntype I interface{ int }\nfunc main() {}\n",
            &[
                "./x.go:2:8: type parameter requires go1.18 or later",
                "./x.go:2:10: predeclared any requires go1.18 or later",
                "./x.go:3:19: embedding non-interface type int requires go1.18 or later",
            ],
        ),
        (
            "go1.19",
            "package main\nfunc g[P comparable]() {}\nvar _ = g[any]\nfunc main() {}\n",
            &["./x.go:3:11: any to satisfy comparable requires go1.20 or later"],
        ),
    ];
    for (lang, src, want) in cases {
        assert_eq!(check_lang(src, lang).0, *want, "{lang}: {src}");
    }
}

/// go/types' `TypeString` of the type of package-level `name` (and, for a
/// named type, of its underlying type as types2 prints it).
fn decl_type_strings(src: &str, names: &[&str]) -> Vec<String> {
    let (file, diags) = goxide_syntax::parse_file("./x.go", src.as_bytes());
    assert!(diags.is_empty(), "{diags:?}");
    let config = Config::new(Sizes::for_arch("amd64").unwrap());
    let mut c = Checker::new(&config, &FakeImporter, "p", vec![Arc::new(file)]);
    c.check();
    assert!(
        c.errors.is_empty(),
        "{:?}",
        c.errors.iter().map(|e| e.msg.clone()).collect::<Vec<_>>()
    );
    let qf = |_: PkgId| String::new();
    names
        .iter()
        .map(|n| {
            let t = object(c.scope().lookup(crate::symbol::Symbol::intern(n)).unwrap())
                .typ
                .get()
                .unwrap();
            let tt = crate::types::table();
            match tt.get(t) {
                crate::types::Type::Named(_) => format!(
                    "{} {}",
                    crate::typestring::type_string(t, &qf),
                    crate::typestring::type_string(tt.underlying_spelled(t), &qf)
                ),
                _ => crate::typestring::type_string(t, &qf),
            }
        })
        .collect()
}

#[test]
fn byte_and_rune_underlying_types_print_as_declared() {
    // go/types (go1.27.3) prints these declarations' types and underlying
    // types so: byte and rune are basic types of their own there.
    let src = "package p\ntype X byte\ntype Y X\ntype Z = byte\ntype W Z\ntype R rune\ntype G[T any] byte\ntype U uint8\n";
    assert_eq!(
        decl_type_strings(src, &["X", "Y", "W", "R", "G", "U"]),
        [
            "X byte",
            "Y byte",
            "W byte",
            "R rune",
            "G[T any] byte",
            "U uint8"
        ]
    );
    // Identity is untouched: X's underlying type is uint8's id.
    let (errs, _) = check(
        "package p\ntype X byte\nvar _ uint8 = uint8(X(1))\nvar _ X = X(uint8(1))\nvar _ []uint8 = []byte{}\n",
    );
    assert!(errs.is_empty(), "{errs:?}");
}

#[test]
fn byte_and_rune_underlying_types_in_messages_as_gc() {
    let src = "package p\ntype X byte\ntype R rune\ntype Z = byte\nfunc U[T ~X | ~int]() {}\nfunc f() {\n\tvar x X\n\tvar r R\n\tvar z Z\n\tvar s string = x\n\tvar s2 string = r\n\tvar s3 string = z\n\t_, _, _ = s, s2, s3\n}\n";
    assert_eq!(
        check(src).0,
        [
            "./x.go:5:10: invalid use of ~ (underlying type of X is byte)",
            "./x.go:10:17: cannot use x (variable of byte type X) as string value in variable declaration",
            "./x.go:11:18: cannot use r (variable of rune type R) as string value in variable declaration",
            "./x.go:12:18: cannot use z (variable of byte type Z) as string value in variable declaration",
        ]
    );
}

#[test]
fn type_parameters_share_a_constraint_only_when_types2_does() {
    // go/types (go1.27.3): a group, or one named interface, share; literal,
    // ~T and non-interface constraints written twice do not.
    let src = "package p\ntype C[T any] interface{ ~[]T }\n\
        func F1[A any, B any]() {}\nfunc F2[A comparable, B comparable]() {}\n\
        func F3[A interface{}, B interface{}]() {}\nfunc F4[A, B interface{}]() {}\n\
        func F5[A C[int], B C[int]]() {}\nfunc F6[A ~int, B ~int]() {}\n\
        func F7[A any, B comparable, C any]() {}\nfunc F8[A int, B int]() {}\n\
        func F9[M1, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {}\n\
        type T2[A ~int, B ~int] struct{}\ntype T3[A, B ~int] struct{}\n";
    assert_eq!(
        decl_type_strings(
            src,
            &[
                "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "T2", "T3"
            ]
        ),
        [
            "func[A, B any]()",
            "func[A, B comparable]()",
            "func[A interface{}, B interface{}]()",
            "func[A, B interface{}]()",
            "func[A, B C[int]]()",
            "func[A ~int, B ~int]()",
            "func[A any, B comparable, C any]()",
            "func[A int, B int]()",
            "func[M1, M2 ~map[K]V, K comparable, V any](dst M1, src M2)",
            "T2[A ~int, B ~int] struct{}",
            "T3[A, B ~int] struct{}",
        ]
    );
}

#[test]
fn lang_minor_reads_go1_n() {
    let mut c = Config::new(Sizes::for_arch("amd64").unwrap());
    for (v, want) in [("go1.21.3", Some(21)), ("go1.21rc1", Some(21)), ("go1.9", Some(9)), ("", None), ("go1.", None), ("go2.1", None)] {
        c.go_version = v.to_string();
        assert_eq!(c.lang_minor(), want, "{v}");
    }
}
