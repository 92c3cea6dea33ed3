//! `goxide tool check` as a driver, on a fixture module written by the
//! test: the order packages are checked in (every import checked first,
//! whatever `-j`), load errors, syntax errors, packages that import a
//! failed one, gc's 10-error limit and `-e`, exit statuses, and the
//! `-types2test` and `-dump-decls` modes.
//!
//! Where the checker already reports everything gc does for a fixture
//! (redeclarations, dot-import conflicts, syntax and load errors), the
//! expected output is the reference `go build`'s, run on the same files
//! (with `-gcflags=-e` for `-e`); the rest asserts goxide's own contract.

mod common;

use std::path::Path;

use common::{TempDir, env_of, go, goxide, reference_goroot};

/// Packages that chain and fan out: `p{n}` imports `p{n-1}` and
/// `p{n/2}`; `top` dot-imports the last one and redeclares a name of it.
const CHAIN: usize = 24;

fn fixture() -> TempDir {
    let dir = TempDir::new("toolcheck");
    dir.write("go.mod", "module example.com/m\n\ngo 1.22\n");
    dir.write("a/a.go", "package a\n\nvar A = 1\n");
    dir.write("cmd/main.go", "package main\n\nimport \"example.com/m/a\"\n\nvar _ = a.A\n\nfunc main() {}\n");
    dir.write("b/b.go", "package b\n\nimport \"example.com/m/a\"\n\nvar B = a.A\n\nvar B2 = 1\nvar B2 = 2\n");
    dir.write("c/c.go", "package c\n\nimport \"example.com/m/b\"\n\nvar C = b.B\n\nvar C2 = 1\nvar C2 = 2\n");
    let mut many = String::from("package d\n\n");
    for i in 0..12 {
        many.push_str(&format!("var X{i} = 1\nvar X{i} = 2\n"));
    }
    dir.write("d/d.go", &many);
    dir.write("e/e.go", "package e\n\nvar E = 1\nvar E = 2\n\nfunc f() {\n");
    dir.write("f/f.go", "package f\n\nimport \"example.com/m/nope\"\n\nvar _ = nope.X\n");
    for n in 0..CHAIN {
        let mut src = format!("package p{n}\n\n");
        if n > 0 {
            let (x, y) = (n - 1, n / 2);
            src.push_str(&format!("import \"example.com/m/p{x}\"\n"));
            if y != x {
                src.push_str(&format!("import \"example.com/m/p{y}\"\n"));
            }
            src.push_str(&format!("\nvar _ = p{x}.V{x}\n"));
            if y != x {
                src.push_str(&format!("var _ = p{y}.V{y}\n"));
            }
        }
        src.push_str(&format!("\nvar V{n}, W{n} = 1, 2\n"));
        dir.write(&format!("p{n}/p.go"), &src);
    }
    let last = CHAIN - 1;
    dir.write(
        "top/top.go",
        &format!("package top\n\nimport . \"example.com/m/p{last}\"\n\nvar V{last} = 3\n\nvar _ = W{last}\n"),
    );
    dir
}

/// The environment both tools run in: the reference GOROOT, no GOFLAGS,
/// no network, a build cache for go kept between runs.
fn env(home: &Path) -> Vec<(String, Vec<u8>)> {
    let goroot = reference_goroot();
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tool-check-gocache");
    let path = format!("{}:/usr/bin:/bin", goroot.join("bin").display());
    let (goroot, home_s, cache) = (goroot.display().to_string(), home.display().to_string(), cache.display().to_string());
    env_of(&[
        ("PATH", &path),
        ("GOROOT", &goroot),
        ("HOME", &home_s),
        ("GOPATH", &format!("{home_s}/gopath")),
        ("GOCACHE", &cache),
        ("GOFLAGS", ""),
        ("GOENV", "off"),
        ("GOTOOLCHAIN", "local"),
        ("GOPROXY", "off"),
        ("GOTELEMETRY", "off"),
        ("CGO_ENABLED", "0"),
    ])
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check(dir: &TempDir, args: &[&str]) -> Run {
    let mut all = vec!["tool", "check"];
    all.extend_from_slice(args);
    let home = dir.path().join("home");
    let o = goxide(&all, dir.path(), &env(&home));
    Run { code: o.code, stdout: o.stdout_str(), stderr: o.stderr_str() }
}

fn go_build(dir: &TempDir, args: &[&str]) -> Run {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let home = dir.path().join("home");
    let o = go(&all, dir.path(), &env(&home));
    Run { code: o.code, stdout: o.stdout_str(), stderr: o.stderr_str() }
}

/// goxide's exit status and stderr are go build's.
fn same_as_go(dir: &TempDir, check_args: &[&str], build_args: &[&str]) -> Run {
    let g = go_build(dir, build_args);
    let x = check(dir, check_args);
    assert_eq!((x.code, &x.stderr), (g.code, &g.stderr), "goxide tool check {check_args:?} vs go build {build_args:?}");
    x
}

#[test]
fn imports_are_checked_first_whatever_the_parallelism() {
    let dir = fixture();
    // A dot-import conflict is found only if the imported package's scope
    // is complete when `top` is checked; any package checked before one of
    // its imports would report `could not import`.
    let want = same_as_go(&dir, &["./top"], &["./top"]);
    assert!(want.stderr.contains("already declared through dot-import"), "{}", want.stderr);
    for j in ["1", "2", "8"] {
        let r = check(&dir, &["-j", j, "./top", "./p0"]);
        assert_eq!((r.code, &r.stderr), (want.code, &want.stderr), "-j {j}");
    }
    let clean: Vec<String> = (0..CHAIN).map(|n| format!("./p{n}")).collect();
    let clean: Vec<&str> = clean.iter().map(String::as_str).collect();
    let r = check(&dir, &clean);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}

#[test]
fn clean_packages_exit_zero() {
    let dir = fixture();
    let r = same_as_go(&dir, &["./a", "./cmd"], &["./a", "./cmd"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
}

#[test]
fn importers_of_a_failed_package_are_not_checked() {
    let dir = fixture();
    // c has an error of its own, unreported: c is not checked after b fails.
    let r = same_as_go(&dir, &["./c"], &["./c"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("# example.com/m/b\n") && !r.stderr.contains("C2"), "{}", r.stderr);
}

#[test]
fn error_limit_and_all_errors() {
    let dir = fixture();
    let r = same_as_go(&dir, &["./d"], &["./d"]);
    assert_eq!(r.stderr.lines().filter(|l| l.starts_with("d/d.go")).count(), 11, "{}", r.stderr);
    assert!(r.stderr.trim_end().ends_with("too many errors"));
    let r = same_as_go(&dir, &["-e", "./d"], &["-gcflags=-e", "./d"]);
    assert_eq!(r.stderr.lines().filter(|l| l.contains("redeclared")).count(), 12, "{}", r.stderr);
    assert!(!r.stderr.contains("too many errors"));
}

#[test]
fn syntax_errors_stop_the_package() {
    let dir = fixture();
    let r = same_as_go(&dir, &["./e"], &["./e"]);
    assert!(r.stderr.contains("syntax error") && !r.stderr.contains("redeclared"), "{}", r.stderr);
}

#[test]
fn load_errors_are_fatal() {
    let dir = fixture();
    let r = same_as_go(&dir, &["./f", "./a"], &["./f", "./a"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("example.com/m/nope"), "{}", r.stderr);
}

#[test]
fn command_line_files_are_one_package() {
    let dir = fixture();
    dir.write("files/x.go", "package main\n\nvar X = 1\n\nfunc main() {}\n");
    dir.write("files/y.go", "package main\n\nvar X = 2\n");
    let r = same_as_go(&dir, &["files/x.go", "files/y.go"], &["files/x.go", "files/y.go"]);
    assert!(r.stderr.starts_with("# command-line-arguments\n"), "{}", r.stderr);
}

#[test]
fn usage_errors_exit_two() {
    let dir = fixture();
    for args in [&["-j", "0", "./a"][..], &["-nosuchflag"], &["-predeclaredTestFuncs", "./a"], &["-types2test"]] {
        let r = check(&dir, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("usage: goxide tool check"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn types2test_reports_everything_in_order() {
    let dir = fixture();
    dir.write(
        "t2/a.go",
        "package p\n\nimport \"nosuch/pkg\"\nimport \"fmt\"\n\nvar Z = 1\nvar Z = 2\nvar A = 1\nvar A = 2\n\nfunc f() {\n",
    );
    let r = check(&dir, &["-types2test", "-e", "./t2/a.go"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines[0], "# p");
    // The syntax error first (found first), then the checker's errors in
    // the order found (not sorted: Z before A), `fmt` imported fine.
    assert!(lines[1].starts_with("./t2/a.go:") && lines[1].contains("syntax error"), "{lines:?}");
    let pos = |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle} in {lines:?}"));
    assert!(pos("could not import nosuch/pkg") < pos("Z redeclared") && pos("Z redeclared") < pos("A redeclared"), "{lines:?}");
    assert!(!r.stderr.contains("could not import fmt"), "{lines:?}");
    // A clean file: nothing printed, exit 0.
    dir.write("t2/ok.go", "package q\n\nimport \"fmt\"\n\nvar _ = fmt.Println\n");
    let r = check(&dir, &["-types2test", "-e", "-lang=go1.21", "./t2/ok.go"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}

#[test]
fn dump_decls_prints_the_named_packages() {
    let dir = fixture();
    let r = check(&dir, &["-dump-decls", "./cmd", "./b"]);
    // b's error is reported; both named packages are dumped, a (imported) is not.
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("B2 redeclared"), "{}", r.stderr);
    let blocks: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("package ")).collect();
    assert_eq!(blocks, ["package example.com/m/cmd", "package example.com/m/b"]);
    assert!(r.stdout.lines().any(|l| l.starts_with("example.com/m/b.B var ")), "{}", r.stdout);
    assert!(r.stdout.lines().any(|l| l.starts_with("example.com/m/cmd.main func ")), "{}", r.stdout);
}
