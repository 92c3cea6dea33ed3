//! The generated main of a test binary, `_testmain.go`: cmd/go's
//! `loadTestFuncs`, `testFuncs.load`, `checkTestFunc`, `formatTestmain`
//! and its template (load/test.go), with go/doc's `Examples` rules for
//! which `ExampleX` functions run and what output they expect.
//!
//! Each `_test.go` file is parsed in full (goxide_syntax, comments kept);
//! top-level functions without receiver named `TestX`, `BenchmarkX`,
//! `FuzzX` (X not starting with a lower-case letter) must have the one
//! `*testing.T`/`*B`/`*F` parameter (any `*pkg.T` counts, as in go) and
//! no type parameters; `TestMain(*testing.M)` is recorded apart. An
//! example takes no parameters, returns nothing, and runs only if the
//! last comment group of its body starts with `Output:` or `Unordered
//! output:` (case-insensitive); its expected output is the rest of that
//! group's text. Examples keep file order; files keep package-then-xtest
//! order.
//!
//! The template is expanded by hand, text segment by text segment, so the
//! bytes (and thus the build-cache name go gives the file) are go's.

use goxide_syntax::ast::{DeclKind, ExprKind, File, StmtKind};
use goxide_syntax::parser::Mode;
use goxide_syntax::token::Operator;

use crate::modfile::strconv::quote;

/// One function the test main calls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestFunc {
    /// `_test` or `_xtest`: the import name of its package.
    pub package: &'static str,
    pub name: String,
    pub output: String,
    pub unordered: bool,
}

/// `testFuncs`.
#[derive(Clone, Debug, Default)]
pub struct TestFuncs {
    pub tests: Vec<TestFunc>,
    pub benchmarks: Vec<TestFunc>,
    pub fuzz_targets: Vec<TestFunc>,
    pub examples: Vec<TestFunc>,
    pub test_main: Option<TestFunc>,
    pub import_test: bool,
    pub need_test: bool,
    pub import_xtest: bool,
    pub need_xtest: bool,
}

/// `isTest`: `name` is `prefix` followed by nothing or a non-lower-case
/// letter.
fn is_test(name: &str, prefix: &str) -> bool {
    let Some(rest) = name.strip_prefix(prefix) else {
        return false;
    };
    match rest.chars().next() {
        None => true,
        Some(c) => !c.is_lowercase(),
    }
}

/// `loadTestFuncs`: the test functions of the package's test files.
/// The error is the first file's (a parse or signature error).
pub fn load_test_funcs(
    dir: &str,
    test_files: &[String],
    xtest_files: &[String],
) -> (TestFuncs, Option<String>) {
    let mut t = TestFuncs::default();
    let mut err = None;
    for f in test_files {
        let (mut imp, mut seen) = (t.import_test, t.need_test);
        if let Err(e) = load_file(&mut t, &format!("{dir}/{f}"), "_test", &mut imp, &mut seen) {
            err.get_or_insert(e);
        }
        t.import_test = imp;
        t.need_test = seen;
    }
    for f in xtest_files {
        let (mut imp, mut seen) = (t.import_xtest, t.need_xtest);
        if let Err(e) = load_file(&mut t, &format!("{dir}/{f}"), "_xtest", &mut imp, &mut seen) {
            err.get_or_insert(e);
        }
        t.import_xtest = imp;
        t.need_xtest = seen;
    }
    (t, err)
}

fn load_file(
    t: &mut TestFuncs,
    filename: &str,
    pkg: &'static str,
    do_import: &mut bool,
    seen: &mut bool,
) -> Result<(), String> {
    let src = std::fs::read(filename)
        .map_err(|e| format!("open {filename}: {}", super::fspath::errno_text(&e)))?;
    // go/parser checks syntax only: no branch checks, and no directive
    // rules (gc's noder reports those).
    let mode = Mode {
        keep_comments: true,
        check_branches: false,
        ..Mode::default()
    };
    let (f, diags) = goxide_syntax::parse_file_with(filename, &src, mode);
    if let Some(d) = diags.iter().find(|d| !is_directive_diagnostic(&d.msg)) {
        return Err(d.to_string());
    }
    let lines = f.pos_table();
    let func = |name: &str| TestFunc {
        package: pkg,
        name: name.to_string(),
        output: String::new(),
        unordered: false,
    };
    let mut examples: Vec<TestFunc> = Vec::new();
    for &d in f.decls_of(f.decls) {
        let decl = f.decl(d);
        let DeclKind::Func {
            recv,
            name,
            tparams,
            typ,
            body,
            ..
        } = &decl.kind
        else {
            continue;
        };
        if recv.is_some() {
            continue;
        }
        let fname = f.name_str(*name).to_string();
        let check = |arg: &str| -> Result<(), String> {
            let mut why = String::new();
            if !is_test_func(&f, *typ, arg) {
                why = format!(
                    "must be: func {fname}({} *testing.{arg})",
                    arg.to_lowercase()
                );
            }
            if !tparams.is_empty() {
                why = "test functions cannot have type parameters".into();
            }
            if why.is_empty() {
                return Ok(());
            }
            let pos = lines.absolute(decl.pos);
            Err(format!(
                "{}:{}:{}: wrong signature for {fname}, {why}",
                filename, pos.line, pos.col
            ))
        };
        if fname == "TestMain" {
            if is_test_func(&f, *typ, "T") {
                t.tests.push(func(&fname));
                *do_import = true;
                *seen = true;
                continue;
            }
            check("M")?;
            if t.test_main.is_some() {
                return Err("multiple definitions of TestMain".into());
            }
            t.test_main = Some(func(&fname));
            *do_import = true;
            *seen = true;
        } else if is_test(&fname, "Test") {
            check("T")?;
            t.tests.push(func(&fname));
            *do_import = true;
            *seen = true;
        } else if is_test(&fname, "Benchmark") {
            check("B")?;
            t.benchmarks.push(func(&fname));
            *do_import = true;
            *seen = true;
        } else if is_test(&fname, "Fuzz") {
            check("F")?;
            t.fuzz_targets.push(func(&fname));
            *do_import = true;
            *seen = true;
        } else if is_test(&fname, "Example") {
            let ExprKind::FuncType { params, results } = &f.expr(*typ).kind else {
                continue;
            };
            if !params.is_empty() || !results.is_empty() {
                continue;
            }
            let Some(body) = body else { continue };
            let (output, unordered, has_output) = example_output(&f, *body);
            *do_import = true;
            if output.is_empty() && !has_output {
                continue;
            }
            examples.push(TestFunc {
                package: pkg,
                name: fname.clone(),
                output,
                unordered,
            });
        }
    }
    if !examples.is_empty() {
        *seen = true;
    }
    t.examples.extend(examples);
    Ok(())
}

/// Whether a diagnostic is gc's judgement of a `//go:` directive (which
/// go/parser does not make).
fn is_directive_diagnostic(msg: &str) -> bool {
    msg.starts_with("//")
        || msg.starts_with("usage: //")
        || msg.starts_with("misplaced ")
        || msg.starts_with("invalid library name")
}

/// `isTestFunc`: one parameter of type `*X` or `*pkg.X` named `arg`, no
/// results.
fn is_test_func(f: &File, typ: goxide_syntax::ast::ExprId, arg: &str) -> bool {
    let ExprKind::FuncType { params, results } = &f.expr(typ).kind else {
        return false;
    };
    if !results.is_empty() || params.len() != 1 {
        return false;
    }
    let field = f.field(f.fields_of(*params)[0]);
    let ExprKind::Operation {
        op: Operator::Mul,
        x,
        y: None,
    } = &f.expr(field.typ).kind
    else {
        return false;
    };
    match &f.expr(*x).kind {
        ExprKind::Name(n) => f.name_str(*n) == arg,
        ExprKind::Selector { sel, .. } => f.name_str(*sel) == arg,
        _ => false,
    }
}

/// `exampleOutput`: the expected output of an example body, whether it is
/// unordered, and whether an output comment was found.
fn example_output(f: &File, body: goxide_syntax::ast::StmtId) -> (String, bool, bool) {
    let stmt = f.stmt(body);
    let StmtKind::Block { rbrace, .. } = &stmt.kind else {
        return (String::new(), false, false);
    };
    let (lo, hi) = (stmt.pos, *rbrace);
    let inside: Vec<(u32, u32)> = f
        .comments
        .iter()
        .filter(|c| c.pos > lo && c.end <= hi)
        .map(|c| (c.pos, c.end))
        .collect();
    let Some(group) = comment_groups(&f.src, &inside).pop() else {
        return (String::new(), false, false);
    };
    let texts: Vec<String> = group
        .iter()
        .map(|&(p, e)| String::from_utf8_lossy(&f.src[p as usize..e as usize]).into_owned())
        .collect();
    let text = comment_group_text(&texts);
    let trimmed_start = text.len()
        - text
            .trim_start_matches(|c: char| c.is_ascii_whitespace())
            .len();
    let rest = &text.as_bytes()[trimmed_start..];
    let starts =
        |p: &str| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let (unordered, prefix_len) = if starts("unordered output:") {
        (true, "unordered output:".len())
    } else if starts("output:") {
        (false, "output:".len())
    } else {
        return (String::new(), false, false);
    };
    let mut out = &text[trimmed_start + prefix_len..];
    out = out.trim_start_matches(' ');
    if let Some(r) = out.strip_prefix('\n') {
        out = r;
    }
    (out.to_string(), unordered, true)
}

/// The comment groups go/parser forms from `comments` (sorted spans of
/// `src`): after a token on the same line, a group holds only comments
/// continuing that line; otherwise it extends over comments starting on
/// the line after the previous one ends. Code between comments always
/// ends a group.
fn comment_groups(src: &[u8], comments: &[(u32, u32)]) -> Vec<Vec<(u32, u32)>> {
    let line_of = |pos: u32| {
        src[..(pos as usize).min(src.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    // Whether non-space text other than comments precedes `pos` on its
    // line (go/parser: the comment is on the previous token's line).
    let after_code = |k: usize| {
        let pos = comments[k].0 as usize;
        let start = src[..pos]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let mut i = start;
        while i < pos {
            if let Some(&(cs, ce)) = comments[..k]
                .iter()
                .find(|&&(cs, ce)| cs as usize <= i && i < ce as usize)
            {
                let _ = cs;
                i = ce as usize;
                continue;
            }
            if !src[i].is_ascii_whitespace() {
                return true;
            }
            i += 1;
        }
        false
    };
    let only_space = |a: u32, b: u32| {
        src[a as usize..b as usize]
            .iter()
            .all(|c| c.is_ascii_whitespace())
    };
    let mut groups: Vec<Vec<(u32, u32)>> = Vec::new();
    let mut k = 0;
    while k < comments.len() {
        let n = if after_code(k) { 0 } else { 1 };
        let mut group = vec![comments[k]];
        let mut endline = line_of(comments[k].1);
        k += 1;
        while k < comments.len()
            && only_space(group[group.len() - 1].1, comments[k].0)
            && line_of(comments[k].0) <= endline + n
        {
            group.push(comments[k]);
            endline = line_of(comments[k].1);
            k += 1;
        }
        groups.push(group);
    }
    groups
}

/// `ast.CommentGroup.Text`.
fn comment_group_text(comments: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for c in comments {
        let body: String = if let Some(rest) = c.strip_prefix("//") {
            if rest.is_empty() {
                String::new()
            } else if let Some(r) = rest.strip_prefix(' ') {
                r.to_string()
            } else if is_directive(rest) {
                continue;
            } else {
                rest.to_string()
            }
        } else if c.starts_with("/*") && c.ends_with("*/") && c.len() >= 4 {
            c[2..c.len() - 2].to_string()
        } else {
            c.clone()
        };
        for l in body.split('\n') {
            lines.push(
                l.trim_end_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r'])
                    .to_string(),
            );
        }
    }
    let mut kept: Vec<String> = Vec::new();
    for l in lines {
        if !l.is_empty() || kept.last().is_some_and(|p: &String| !p.is_empty()) {
            kept.push(l);
        }
    }
    if kept.last().is_some_and(|l| !l.is_empty()) {
        kept.push(String::new());
    }
    kept.join("\n")
}

/// go/ast's `isDirective`: `//line ` or `//extern `/`//export ` or
/// `//[a-z0-9]+:[a-z0-9]`.
fn is_directive(c: &str) -> bool {
    if c.starts_with("line ") || c.starts_with("extern ") || c.starts_with("export ") {
        return true;
    }
    let Some(colon) = c.find(':') else {
        return false;
    };
    if colon == 0 || colon + 1 >= c.len() {
        return false;
    }
    let ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    c.as_bytes()[..colon].iter().all(|&b| ok(b)) && ok(c.as_bytes()[colon + 1])
}

/// `formatTestmain` (without coverage): the `_testmain.go` text.
pub fn format_testmain(t: &TestFuncs, pkg_import_path: &str, module_path: &str) -> Vec<u8> {
    let mut s = String::from(
        "\n// Code generated by 'go test'. DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n",
    );
    if t.test_main.is_some() {
        s.push_str("\n\t\"reflect\"\n");
    }
    s.push_str("\n\t\"testing\"\n\t\"testing/internal/testdeps\"\n\n\n");
    if t.import_test {
        let name = if t.need_test { "_test" } else { "_" };
        s.push_str(&format!("\n\t{name} {}\n", quote(pkg_import_path)));
    }
    s.push('\n');
    if t.import_xtest {
        let name = if t.need_xtest { "_xtest" } else { "_" };
        s.push_str(&format!(
            "\n\t{name} {}\n",
            quote(&format!("{pkg_import_path}_test"))
        ));
    }
    s.push_str("\n)\n\nvar tests = []testing.InternalTest{\n");
    let entries = |s: &mut String, list: &[TestFunc]| {
        for f in list {
            s.push_str(&format!(
                "\n\t{{\"{}\", {}.{}}},\n",
                f.name, f.package, f.name
            ));
        }
    };
    entries(&mut s, &t.tests);
    s.push_str("\n}\n\nvar benchmarks = []testing.InternalBenchmark{\n");
    entries(&mut s, &t.benchmarks);
    s.push_str("\n}\n\nvar fuzzTargets = []testing.InternalFuzzTarget{\n");
    entries(&mut s, &t.fuzz_targets);
    s.push_str("\n}\n\nvar examples = []testing.InternalExample{\n");
    for e in &t.examples {
        s.push_str(&format!(
            "\n\t{{\"{}\", {}.{}, {}, {}}},\n",
            e.name,
            e.package,
            e.name,
            quote(&e.output),
            e.unordered
        ));
    }
    s.push_str("\n}\n\nfunc init() {\n");
    let import_path =
        if pkg_import_path.starts_with("_/") || pkg_import_path == "command-line-arguments" {
            ""
        } else {
            pkg_import_path
        };
    s.push_str(&format!(
        "\n\ttestdeps.ModulePath = {}\n\ttestdeps.ImportPath = {}\n}}\n\nfunc main() {{\n\tm := testing.MainStart(testdeps.TestDeps{{}}, tests, benchmarks, fuzzTargets, examples)\n",
        quote(module_path),
        quote(import_path)
    ));
    match &t.test_main {
        Some(m) => s.push_str(&format!(
            "\n\t{}.{}(m)\n\tos.Exit(int(reflect.ValueOf(m).Elem().FieldByName(\"exitCode\").Int()))\n",
            m.package, m.name
        )),
        None => s.push_str("\n\tos.Exit(m.Run())\n"),
    }
    s.push_str("\n}\n\n");
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_text_and_names() {
        assert_eq!(
            comment_group_text(&["// Output:".into(), "// hello".into()]),
            "Output:\nhello\n"
        );
        assert_eq!(
            comment_group_text(&["/* Output: x */".into()]),
            " Output: x\n"
        );
        assert!(is_test("Test", "Test") && is_test("TestX", "Test") && !is_test("Testx", "Test"));
        assert!(is_directive("go:noinline") && !is_directive("Output: x"));
    }
}
