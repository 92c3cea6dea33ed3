//! Parser tests: tree shapes through a small S-expression dump, and gc's
//! diagnostics for targeted inputs. The wider corpus of malformed programs,
//! scored against the reference go, is `tests/syntax/`.

use crate::ast::*;
use crate::parse_file;

/// Dumps an expression as an S-expression, showing structure the short
/// printer hides (precedence, parentheses, channel directions).
fn sexpr(f: &File, x: ExprId) -> String {
    let e = f.expr(x);
    let list = |xs: &[ExprId]| xs.iter().map(|&x| sexpr(f, x)).collect::<Vec<_>>().join(" ");
    match &e.kind {
        ExprKind::Bad => "BAD".into(),
        ExprKind::Name(n) => f.name_str(*n).into(),
        ExprKind::BasicLit { .. } => f.lit_text(x).into_owned(),
        ExprKind::CompositeLit { typ, elems, .. } => {
            let t = typ.map(|t| sexpr(f, t)).unwrap_or_default();
            format!("(lit {t} [{}])", list(f.exprs_of(*elems)))
        }
        ExprKind::KeyValue { key, value } => format!("({}: {})", sexpr(f, *key), sexpr(f, *value)),
        ExprKind::FuncLit { typ, .. } => format!("(funclit {})", sexpr(f, *typ)),
        ExprKind::Paren(x) => format!("(paren {})", sexpr(f, *x)),
        ExprKind::Selector { x, sel } => format!("(sel {} {})", sexpr(f, *x), f.name_str(*sel)),
        ExprKind::Index { x, index } => format!("(index {} {})", sexpr(f, *x), sexpr(f, *index)),
        ExprKind::Slice { x, index, full } => {
            let i: Vec<String> = index.iter().map(|i| i.map(|i| sexpr(f, i)).unwrap_or("_".into())).collect();
            format!("(slice{} {} {})", if *full { "3" } else { "" }, sexpr(f, *x), i.join(" "))
        }
        ExprKind::Assert { x, typ } => format!("(assert {} {})", sexpr(f, *x), sexpr(f, *typ)),
        ExprKind::TypeSwitchGuard { lhs, x } => {
            format!("(guard {} {})", lhs.map(|n| f.name_str(n)).unwrap_or("_"), sexpr(f, *x))
        }
        ExprKind::Operation { op, x, y: None } => format!("({} {})", op.as_str(), sexpr(f, *x)),
        ExprKind::Operation { op, x, y: Some(y) } => format!("({} {} {})", op.as_str(), sexpr(f, *x), sexpr(f, *y)),
        ExprKind::Call { fun, args, has_dots } => {
            format!("(call {} [{}]{})", sexpr(f, *fun), list(f.exprs_of(*args)), if *has_dots { "..." } else { "" })
        }
        ExprKind::List(l) => format!("(list {})", list(f.exprs_of(*l))),
        ExprKind::ArrayType { len, elem } => {
            format!("(array {} {})", len.map(|l| sexpr(f, l)).unwrap_or("...".into()), sexpr(f, *elem))
        }
        ExprKind::SliceType { elem } => format!("(slice-type {})", sexpr(f, *elem)),
        ExprKind::DotsType { elem } => format!("(dots {})", sexpr(f, *elem)),
        ExprKind::StructType { fields } => format!("(struct {})", fields_s(f, *fields)),
        ExprKind::InterfaceType { methods } => format!("(interface {})", fields_s(f, *methods)),
        ExprKind::FuncType { params, results } => {
            format!("(func {} {})", fields_s(f, *params), fields_s(f, *results))
        }
        ExprKind::MapType { key, value } => format!("(map {} {})", sexpr(f, *key), sexpr(f, *value)),
        ExprKind::ChanType { dir, elem } => {
            let d = match dir {
                ChanDir::Both => "chan",
                ChanDir::SendOnly => "chan<-",
                ChanDir::RecvOnly => "<-chan",
            };
            format!("({d} {})", sexpr(f, *elem))
        }
    }
}

fn fields_s(f: &File, l: List<FieldId>) -> String {
    let parts: Vec<String> = f
        .fields_of(l)
        .iter()
        .map(|&id| {
            let fd = f.field(id);
            let n = fd.name.map(|n| format!("{} ", f.name_str(n))).unwrap_or_default();
            let tag = fd.tag.map(|t| format!(" {}", f.lit_text(t))).unwrap_or_default();
            format!("{n}{}{tag}", sexpr(f, fd.typ))
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// Parses `var _ = <src>` and dumps the value.
fn expr(src: &str) -> String {
    let text = format!("package p\nvar _ = {src}\n");
    let (f, d) = parse_file("x.go", text.as_bytes());
    assert!(d.is_empty(), "{src}: {:?}", d.iter().map(|d| d.to_string()).collect::<Vec<_>>());
    let decl = f.decls_of(f.decls)[0];
    let DeclKind::Var { values: Some(v), .. } = f.decl(decl).kind else { panic!("no var") };
    sexpr(&f, v)
}

/// Parses `type T <src>` and dumps the type (or the whole decl for generics).
fn typ(src: &str) -> String {
    let text = format!("package p\ntype T{src}\n");
    let (f, d) = parse_file("x.go", text.as_bytes());
    assert!(d.is_empty(), "{src}: {:?}", d.iter().map(|d| d.to_string()).collect::<Vec<_>>());
    let decl = f.decls_of(f.decls)[0];
    let DeclKind::Type { tparams, alias, typ, .. } = f.decl(decl).kind else { panic!("no type") };
    let tp = if tparams.is_empty() { String::new() } else { format!("{} ", fields_s(&f, tparams)) };
    format!("{tp}{}{}", if alias { "= " } else { "" }, sexpr(&f, typ))
}

/// The diagnostics of a file, as gc prints them.
fn errors(src: &str) -> Vec<String> {
    let (_, d) = parse_file("./x.go", src.as_bytes());
    crate::report::flush(&d, 10)
}

#[test]
fn precedence_and_associativity() {
    assert_eq!(expr("a + b*c - d"), "(- (+ a (* b c)) d)");
    assert_eq!(expr("a || b && c == d"), "(|| a (&& b (== c d)))");
    assert_eq!(expr("-x.y[i](z)"), "(- (call (index (sel x y) i) [z]))");
    assert_eq!(expr("<-ch + *p &^ q << 2"), "(+ (<- ch) (<< (&^ (* p) q) 2))");
    assert_eq!(expr("^a % b"), "(% (^ a) b)");
}

#[test]
fn literals_and_composites() {
    assert_eq!(expr("0x1p-2 + 0b1_0 + 0o7 + 1_000i + 'a' + `raw`"), "(+ (+ (+ (+ (+ 0x1p-2 0b1_0) 0o7) 1_000i) 'a') `raw`)");
    assert_eq!(expr("T{1, k: v, {2}}"), "(lit T [1 (k: v) (lit  [2])])");
    assert_eq!(expr("[...]int{1}"), "(lit (array ... int) [1])");
    assert_eq!(expr("map[string][]int{}"), "(lit (map string (slice-type int)) [])");
    assert_eq!(expr("&struct{ a, b int `tag` }{}"), "(& (lit (struct [a int `tag`, b int `tag`]) []))");
    assert_eq!(expr("pkg.T[int]{}"), "(lit (index (sel pkg T) int) [])");
    assert_eq!(expr("func(x int) (y int) { return x }"), "(funclit (func [x int] [y int]))");
}

#[test]
fn index_slice_assert_call() {
    assert_eq!(expr("a[1:2]"), "(slice a 1 2 _)");
    assert_eq!(expr("a[:2:3]"), "(slice3 a _ 2 3)");
    assert_eq!(expr("a[:]"), "(slice a _ _ _)");
    assert_eq!(expr("f[int, string](x...)"), "(call (index f (list int string)) [x]...)");
    assert_eq!(expr("x.(T).y"), "(sel (assert x T) y)");
    // gc keeps parentheses around an operand (to report "(x) := 1").
    assert_eq!(expr("(T)(x)"), "(call (paren T) [x])");
    assert_eq!(expr("[]int(nil)"), "(call (slice-type int) [nil])");
}

#[test]
fn channel_types_reassociate() {
    assert_eq!(expr("make(<-chan int)"), "(call make [(<-chan int)])");
    assert_eq!(expr("make(chan<- <-chan int)"), "(call make [(chan<- (<-chan int))])");
    assert_eq!(expr("make(<-chan <-chan int)"), "(call make [(<-chan (<-chan int))])");
    assert_eq!(expr("<-chan int(ch)"), "(<- (call (chan int) [ch]))");
}

#[test]
fn generic_declarations() {
    assert_eq!(typ("[P any] struct{ x P }"), "[P any] (struct [x P])");
    // The classic ambiguity: without a comma, [P *C] is an array length.
    assert_eq!(typ("[P *C] int"), "(array (* P C) int)");
    assert_eq!(typ("[P *C,] int"), "[P (* C)] int");
    assert_eq!(typ("[N]int"), "(array N int)");
    assert_eq!(typ("[N*2]int"), "(array (* N 2) int)");
    assert_eq!(typ("[P ~int | ~string, Q []P] int"), "[P (| (~ int) (~ string)), Q (slice-type P)] int");
    assert_eq!(typ("[P interface{ ~int; M() }] P"), "[P (interface [(~ int), M (func [] [])])] P");
    assert_eq!(typ("[K comparable, V any] = map[K]V"), "[K comparable, V any] = (map K V)");
    assert_eq!(typ(" = int"), "= int");
    assert_eq!(typ(" interface{ M(); N[int]; O[int, string] }"), "(interface [M (func [] []), (index N int), (index O (list int string))])");
    assert_eq!(
        errors("package p\ntype T interface{ M[T any]() }\n"),
        ["./x.go:2:20: interface method must have no type parameters"]
    );
}

#[test]
fn struct_fields_and_embedding() {
    assert_eq!(
        typ(" struct{ A; *B; p.C; D[int]; E [4]int; F, G string; H[int, string] }"),
        "(struct [A, (* B), (sel p C), (index D int), E (array 4 int), F string, G string, (index H (list int string))])"
    );
}

#[test]
fn parameter_lists_distribute_types() {
    let (f, d) = parse_file("x.go", b"package p\nfunc f(a, b int, c ...string) (x, y bool)\nfunc g(int, string) error\n");
    assert!(d.is_empty());
    let decls = f.decls_of(f.decls);
    let DeclKind::Func { typ, body: None, .. } = f.decl(decls[0]).kind else { panic!() };
    assert_eq!(sexpr(&f, typ), "(func [a int, b int, c (dots string)] [x bool, y bool])");
    let DeclKind::Func { typ, .. } = f.decl(decls[1]).kind else { panic!() };
    assert_eq!(sexpr(&f, typ), "(func [int, string] [error])");
}

#[test]
fn statements_parse_without_errors() {
    let src = r#"package p

import (
	"fmt"
	m "math"
	. "strings"
	_ "embed"
)

//go:noinline
func (r *T[K, V]) M[](x int) {}

func f[T any, U ~[]T](x T, u U) (n int, err error) {
	var a, b = 1, 2
	const c = iota
	type L[E any] []E
	a, b = b, a
	a += 1; b--
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v, ok := <-ch:
		_, _ = v, ok
	case ch <- 2:
	default:
	}
	switch x := any(x).(type) {
	case int, string:
	case nil:
	default:
		_ = x
	}
	switch {
	case a > b:
		fallthrough
	case a < b:
	}
	for i := range 10 {
		if i%2 == 0 { continue } else if i > 5 { break } else { goto done }
	}
	for k, v := range map[int]int{} { _, _ = k, v }
	for range u {}
	for i := 0; i < 3; i++ {}
	for a < b {}
	for {
		break
	}
done:
	defer func() { recover() }()
	go fmt.Println(m.Pi, Repeat("x", 2))
	return len(u), nil
}
"#;
    let (f, d) = parse_file("x.go", src.as_bytes());
    let errs: Vec<String> = d.iter().map(|d| d.to_string()).collect();
    // The method has an empty type parameter list, which gc reports; the rest is valid.
    assert_eq!(errs, vec!["x.go:11:21: syntax error: empty type parameter list"]);
    assert_eq!(f.decls_of(f.decls).len(), 6);
    assert_eq!(f.name_str(f.pkg_name), "p");
}

#[test]
fn gc_messages_for_common_mistakes() {
    assert_eq!(errors("package main\nx := 1\n"), ["./x.go:2:1: syntax error: non-declaration statement outside function body"]);
    assert_eq!(
        errors("package main\nfunc main() {\n\tfmt.Println(\"a\"\n}\n"),
        ["./x.go:3:17: syntax error: unexpected newline in argument list; possibly missing comma or )"]
    );
    assert_eq!(
        errors("package main\nfunc main()\n{\n}\n"),
        ["./x.go:3:1: syntax error: unexpected semicolon or newline before {"]
    );
    assert_eq!(
        errors("package main\nfunc main() {\n\tif x = 1 {\n\t}\n}\n"),
        ["./x.go:3:7: syntax error: cannot use assignment x = 1 as value"]
    );
    assert_eq!(
        errors("package main\nfunc main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n"),
        ["./x.go:3:23: syntax error: cannot declare in post statement of for loop"]
    );
    assert_eq!(
        errors("package main\nfunc main() {\nL:\n\tfor {\n\t}\n}\n"),
        ["./x.go:3:1: label L defined and not used"]
    );
    assert_eq!(errors("package main\nfunc main() {\n\tbreak\n}\n"), ["./x.go:3:2: break is not in a loop, switch, or select"]);
    assert_eq!(
        errors("package main\nfunc main() {\n\tgoto L\n\tx := 1\n\t_ = x\nL:\n}\n"),
        ["./x.go:3:7: goto L jumps over declaration of x at ./x.go:4:4"]
    );
    assert_eq!(errors("package main\nimport 5\n"), ["./x.go:2:8: syntax error: import path must be a string"]);
    assert_eq!(errors("x"), ["./x.go:1:1: syntax error: package statement must be first"]);
    // Unnamed parameters are types (no syntax error), but a mix is not.
    assert!(errors("package main\nfunc f(a, b) {}\n").is_empty());
    assert_eq!(
        errors("package main\nfunc f(a, b int, c) {}\n"),
        ["./x.go:2:19: syntax error: missing parameter type"]
    );
    assert_eq!(
        errors("package main\nvar a = []int{1, 2 3}\n"),
        ["./x.go:2:20: syntax error: unexpected literal 3 in composite literal; possibly missing comma or }"]
    );
}

#[test]
fn too_many_errors_cut_off() {
    // Checked against `go tool compile`: ten errors, then the cut-off at
    // the tenth error's position.
    let mut src = String::from("package main\nfunc main() {\n");
    for _ in 0..12 {
        src.push_str("\ta b c\n");
    }
    src.push_str("}\n");
    let lines = errors(&src);
    assert_eq!(lines.len(), 11);
    assert_eq!(lines[0], "./x.go:3:4: syntax error: unexpected name b at end of statement");
    assert_eq!(lines[10], "./x.go:12:4: too many errors");
}

#[test]
fn line_directives_move_positions() {
    // gc joins a relative //line filename with the file's directory
    // unless that is "."; `go build` passes absolute paths.
    let src = "package main\n//line other.go:100\nx := 1\n";
    assert_eq!(errors(src), ["other.go:100: syntax error: non-declaration statement outside function body"]);
    let src = "package main\n/*line :7:3*/x := 1\n";
    assert_eq!(errors(src), ["./x.go:7:3: syntax error: non-declaration statement outside function body"]);
    assert_eq!(errors("package main\n//line x.go:0\n"), ["./x.go:2:13: invalid line number: 0"]);
}

#[test]
fn directives_are_kept_and_checked() {
    let src = "package main\n//go:noinline\n//go:linkname f runtime.f\nfunc f()\n//go:embed a.txt \"b c\"\nvar s string\n";
    let (f, d) = parse_file("x.go", src.as_bytes());
    assert!(d.is_empty(), "{d:?}");
    let decls = f.decls_of(f.decls);
    let DeclKind::Func { pragma: Some(p), .. } = f.decl(decls[0]).kind else { panic!() };
    assert_eq!(f.pragmas[p as usize].flags & crate::directive::NOINLINE, crate::directive::NOINLINE);
    assert_eq!(f.linknames[0].local, "f");
    let DeclKind::Var { pragma: Some(p), .. } = f.decl(decls[1]).kind else { panic!() };
    assert_eq!(f.pragmas[p as usize].embeds[0].1, vec!["a.txt", "b c"]);

    assert_eq!(
        errors("package main\nfunc main() {\n\t//go:noinline\n\tx := 1\n\t_ = x\n}\n"),
        ["./x.go:3:4: misplaced compiler directive"]
    );
    assert_eq!(errors("package main\nvar x = 1 //go:noinline\n"), ["./x.go:2:13: misplaced compiler directive"]);
}

#[test]
fn build_constraint_sets_go_version() {
    let (f, _) = parse_file("x.go", b"//go:build go1.21 && linux\n\npackage p\n");
    assert_eq!(f.go_version, "go1.21");
    // Only before the package clause.
    let (f, _) = parse_file("x.go", b"package p\n//go:build go1.21\n");
    assert_eq!(f.go_version, "");
}

#[test]
fn never_panics_on_truncations() {
    let src = include_str!("parser.rs").replace("\r", "");
    // Every prefix of a tricky Go snippet, and some byte soup.
    let snippet = "package p\nfunc f[T interface{~int|string}](x ...T) (r map[T]chan<- <-chan []*T) { switch y := x.(type) { case nil: L: for i := range 3 { goto L } }; return struct{a int `t`}{}.a }\n";
    for i in 0..snippet.len() {
        if snippet.is_char_boundary(i) {
            let _ = parse_file("x.go", snippet[..i].as_bytes());
        }
    }
    let bytes = src.as_bytes();
    for start in (0..bytes.len().min(4000)).step_by(97) {
        let _ = parse_file("x.go", &bytes[start..(start + 500).min(bytes.len())]);
    }
    let _ = parse_file("x.go", b"\xff\xfe\x00package \x80");
    let _ = parse_file("x.go", b"");
}

#[test]
fn branch_errors_do_not_suppress_enclosing_checks() {
    // gc reports both: a branch error inside a closure is not a parse
    // error, so the enclosing function's labels are still checked.
    let src = "package main\nfunc main() {\nloop:\n\tfor {\n\t\tfunc() { break loop }()\n\t}\n}\n";
    assert_eq!(
        errors(src),
        ["./x.go:3:1: label loop defined and not used", "./x.go:5:18: break label not defined: loop"]
    );
}

#[test]
fn invalid_bytes_inside_identifiers_are_skipped() {
    // gc reports the byte and reads on: `ab\xffcd` is one identifier
    // (tests/syntax/254 has the reference output).
    let src = b"package main\n\nfunc main() {\n\tab\xffcd := 1\n\tprintln(ab\xffcd)\n}\n";
    let (_, d) = parse_file("./x.go", src);
    assert_eq!(
        crate::report::flush(&d, 10),
        ["./x.go:4:4: invalid UTF-8 encoding", "./x.go:5:12: invalid UTF-8 encoding"]
    );
    let (_, d) = parse_file("./x.go", b"package main\nvar a\x00b = 1\n");
    assert_eq!(crate::report::flush(&d, 10), ["./x.go:2:6: invalid NUL character"]);
}
