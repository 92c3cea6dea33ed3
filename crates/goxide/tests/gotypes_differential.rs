//! Differential test of goxide's type checker against go/types on the
//! whole standard library: every package-level declaration's type and every
//! constant's exact value must agree, package by package.
//!
//! # The two sides
//!
//! The oracle is `gotypesdump` (`tests/gotypesdump/main.go`, built with the
//! reference go): it reads import paths from stdin, type-checks each
//! package from source with go/types (go/importer's "source" importer,
//! gc's sizes, function bodies ignored) and prints the dump defined below.
//! The package list is `go list std`. Both sides run for linux/amd64 with
//! `CGO_ENABLED=0` (`GOOS`, `GOARCH`, `CGO_ENABLED` set in the
//! environment, `GOROOT` the reference one, `GOFLAGS=`, `GOENV=off`,
//! `GO111MODULE=off` for go/build's lookups on the Go side — goxide has no
//! GOPATH mode and runs in module mode outside any module, where std
//! resolves the same — no `GOEXPERIMENT`, `GODEBUG` or `GOAMD64`).
//!
//! goxide's side is `goxide tool check -dump-decls std`: it loads and
//! type-checks the same packages and prints the same dump to stdout.
//!
//! # The dump (the contract)
//!
//! For each package, in any order:
//!
//! ```text
//! package <import path>
//! <line>...
//! ```
//!
//! The lines of a package are sorted bytewise and are, one per
//! package-level object and one per method of each defined type declared in
//! the package:
//!
//! ```text
//! <path>.<Name> const <type> <exact value>
//! <path>.<Name> var <type>
//! <path>.<Name> func <signature>
//! <path>.<Name> type <type> <underlying type>
//! <path>.<Name> alias <type> <aliased type>
//! <path>.<Type>.<Method> method <receiver type> <signature>
//! <path>.<Name> builtin
//! ```
//!
//! Types are written as go/types' `TypeString` writes them with a qualifier
//! that gives every package's full import path (`*bufio.Reader`,
//! `vendor/golang.org/x/net/dns/dnsmessage.Name`, `untyped int`,
//! `struct{s string}`, `interface{Error() string}`); a signature as
//! `TypeString` writes a `*types.Signature` (`func[E error](err error) (E,
//! bool)`: type parameters, parameter and result names); a defined type's
//! `<type>` is the named type with its type parameter list
//! (`sync/atomic.Pointer[T any]`) and `<underlying type>` its underlying
//! type; an alias's `<type>` is the alias's name and `<aliased type>` its
//! right-hand side (`types.Alias.Rhs`); a method's receiver type is its
//! declared receiver (`*sync/atomic.Pointer[T]`) and its signature has no
//! receiver (`func() *T`). Exact values are `constant.Value.ExactString()`
//! (`314159265358979323846264338327950288419716939937510582097494459/100000000000000000000000000000000000000000000000000000000000000`
//! for `math.Pi`, `"\x00"`-style quoting for strings, `true`, `(0 + 1i)`).
//! `builtin` lines are package unsafe's functions. Nothing else is printed
//! on stdout; diagnostics, if any, go to stderr.
//!
//! # Score
//!
//! A package agrees when its line lists are identical. The test prints
//! `go/types decls: N/M std packages agree` (M = gc's packages) with the
//! first differences, and records `go/types decls / std packages agreeing`
//! in the conformance snapshot, so it fails when that count moves. It also
//! fails when goxide crashes or times out (600 s), prints a line outside a
//! package block, a package twice, or a package gc does not have — and,
//! when `-dump-decls` is missing (a binary without it), at once with a
//! message saying so. The score moves with every step of the checker:
//! `cargo xtask conformance` records the new count.
//! `GOXIDE_GOTYPES_DIFFERENTIAL_BIN=/path/to/goxide` runs another binary.
//!
//! The Go side takes about 8 s (3.6 s CPU) for the 381 packages of
//! go1.27.3 on this project's machine; its output (about 38,000 lines) is
//! cached in `CARGO_TARGET_TMPDIR`, keyed by the GOROOT's VERSION and a hash
//! of `main.go`, so it runs once per toolchain and helper version.
//!
//! Invariant: the comparison is the pure functions `parse_dump` and
//! `compare`; the unit tests below give them wrong dumps, among them gc's
//! real dump with one line changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use goxide_testing::goldens::{self, Run};
use goxide_testing::{process, say};

const BIN_ENV: &str = "GOXIDE_GOTYPES_DIFFERENTIAL_BIN";
const TIMEOUT: Duration = Duration::from_secs(600);
/// How many differing packages the test shows.
const SHOWN: usize = 20;

/// Package path -> its lines, in the order printed.
type Dump = BTreeMap<String, Vec<String>>;

/// Parses a dump: `package P` opens a block, every other non-empty line
/// belongs to the open block. Errors: a line before any block, a package
/// twice.
fn parse_dump(text: &str) -> Result<Dump, String> {
    let mut dump = Dump::new();
    let mut current: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        if let Some(p) = line.strip_prefix("package ") {
            if dump.insert(p.to_string(), Vec::new()).is_some() {
                return Err(format!("line {}: package {p} printed twice", i + 1));
            }
            current = Some(p.to_string());
            continue;
        }
        match &current {
            Some(p) => dump.get_mut(p).unwrap().push(line.to_string()),
            None => {
                return Err(format!(
                    "line {}: {line:?} is outside any package block",
                    i + 1
                ));
            }
        }
    }
    Ok(dump)
}

/// The comparison of goxide's dump with gc's.
#[derive(Debug, Default)]
struct Comparison {
    agreeing: usize,
    total: usize,
    /// (package, first difference), in package order.
    differing: Vec<(String, String)>,
    /// Packages goxide printed that gc does not have.
    extra: Vec<String>,
}

fn first_difference(gc: &[String], goxide: &[String]) -> String {
    for (i, g) in gc.iter().enumerate() {
        match goxide.get(i) {
            Some(x) if x == g => continue,
            Some(x) => return format!("line {}:\n      gc:     {g}\n      goxide: {x}", i + 1),
            None => {
                return format!(
                    "goxide's lines end after {i}; gc continues with:\n      gc:     {g}"
                );
            }
        }
    }
    format!(
        "goxide has {} more lines, first:\n      goxide: {}",
        goxide.len() - gc.len(),
        goxide[gc.len()]
    )
}

fn compare(gc: &Dump, goxide: &Dump) -> Comparison {
    let mut c = Comparison {
        total: gc.len(),
        ..Comparison::default()
    };
    for (pkg, lines) in gc {
        match goxide.get(pkg) {
            Some(x) if x == lines => c.agreeing += 1,
            Some(x) => c.differing.push((pkg.clone(), first_difference(lines, x))),
            None => c
                .differing
                .push((pkg.clone(), "goxide printed no block for it".into())),
        }
    }
    c.extra = goxide
        .keys()
        .filter(|p| !gc.contains_key(*p))
        .cloned()
        .collect();
    c
}

// ---------------------------------------------------------------------------
// The Go side

/// The environment both sides run in (`home` is a scratch HOME and GOPATH).
/// The Go side starts from an empty environment; goxide inherits the
/// test's (so that a stand-in binary sees its own settings) less every
/// variable that could change what is checked.
fn go_env(cmd: &mut Command, goroot: &Path, home: &Path, clear: bool) {
    if clear {
        cmd.env_clear().env(
            "PATH",
            format!("{}:/usr/bin:/bin", goroot.join("bin").display()),
        );
    }
    for v in ["GOEXPERIMENT", "GODEBUG", "GOAMD64", "GOWORK", "GOTOOLDIR"] {
        cmd.env_remove(v);
    }
    if clear {
        cmd.env("GO111MODULE", "off");
    } else {
        cmd.env_remove("GO111MODULE");
    }
    cmd.env("GOROOT", goroot)
        .env("GOFLAGS", "")
        .env("GOENV", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOOS", "linux")
        .env("GOARCH", "amd64")
        .env("CGO_ENABLED", "0")
        .env("GOTELEMETRY", "off")
        .env("HOME", home)
        .env("GOPATH", home.join("gopath"))
        // Kept between runs: building gotypesdump in a fresh cache compiles
        // go/types and its imports from scratch (about a minute).
        .env(
            "GOCACHE",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("gotypesdump-gocache"),
        );
}

fn helper_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gotypesdump/main.go")
}

/// FNV-1a, 64 bits: a cache key for the helper's source.
fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

fn run_ok(cmd: &mut Command, what: &str) -> Vec<u8> {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// gc's dump: from the cache, or made now (and cached); once per process,
/// however many tests ask.
fn gc_dump() -> String {
    static DUMP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMP.get_or_init(make_gc_dump).clone()
}

fn make_gc_dump() -> String {
    let goroot = goxide_testing::goroot();
    let version = fs::read_to_string(goroot.join("VERSION")).unwrap_or_else(|_| "unknown".into());
    let version = version
        .lines()
        .next()
        .unwrap_or("unknown")
        .trim()
        .to_string();
    let src = fs::read(helper_source()).expect("gotypesdump/main.go");
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let cache = tmp.join(format!("gotypesdump-{version}-{:016x}.txt", fnv64(&src)));
    if let Ok(text) = fs::read_to_string(&cache) {
        return text;
    }
    let home = tmp.join(format!("gotypesdump-home-{}", std::process::id()));
    fs::create_dir_all(&home).unwrap();
    let bin = home.join("gotypesdump");
    let start = Instant::now();
    let mut build = Command::new(goroot.join("bin/go"));
    build.args(["build", "-o"]).arg(&bin).arg(helper_source());
    go_env(&mut build, &goroot, &home, true);
    run_ok(&mut build, "go build gotypesdump");
    let mut list = Command::new(goroot.join("bin/go"));
    list.args(["list", "std"]);
    go_env(&mut list, &goroot, &home, true);
    let std = run_ok(&mut list, "go list std");
    let built = start.elapsed();
    let start = Instant::now();
    let mut dump = Command::new(&bin);
    go_env(&mut dump, &goroot, &home, true);
    let input = home.join("std.txt");
    fs::write(&input, &std).unwrap();
    dump.stdin(fs::File::open(&input).unwrap());
    let text =
        String::from_utf8(run_ok(&mut dump, "gotypesdump")).expect("gotypesdump prints UTF-8");
    let ran = start.elapsed();
    let packages = text.lines().filter(|l| l.starts_with("package ")).count();
    say(&format!(
        "go/types decls: gotypesdump ran in {:.1}s for {packages} packages (build and go list: {:.1}s); cached in {}",
        ran.as_secs_f64(),
        built.as_secs_f64(),
        cache.display()
    ));
    let partial = cache.with_extension(format!("tmp{}", std::process::id()));
    fs::write(&partial, &text).unwrap();
    fs::rename(&partial, &cache).unwrap();
    let _ = make_writable_and_remove(&home);
    text
}

/// Go's module and build caches are read-only; make the tree removable.
fn make_writable_and_remove(p: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fn walk(p: &Path) {
        if let Ok(meta) = fs::symlink_metadata(p)
            && meta.is_dir()
        {
            let _ = fs::set_permissions(p, fs::Permissions::from_mode(0o755));
            if let Ok(rd) = fs::read_dir(p) {
                for e in rd.flatten() {
                    walk(&e.path());
                }
            }
        }
    }
    walk(p);
    fs::remove_dir_all(p)
}

// ---------------------------------------------------------------------------
// goxide's side

fn goxide_bin() -> PathBuf {
    match std::env::var_os(BIN_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_goxide")),
    }
}

fn goxide_dump() -> Run {
    let goroot = goxide_testing::goroot();
    let home = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("gotypes-goxide-home-{}", std::process::id()));
    fs::create_dir_all(&home).unwrap();
    let mut cmd = Command::new(goxide_bin());
    cmd.args(["tool", "check", "-dump-decls", "std"])
        .current_dir(&home);
    go_env(&mut cmd, &goroot, &home, false);
    let run = Run::from(process::run_with_timeout(&mut cmd, TIMEOUT));
    let _ = make_writable_and_remove(&home);
    run
}

#[test]
fn gotypes_differential() {
    if std::env::var_os(BIN_ENV).is_some_and(|v| !v.is_empty()) {
        say(&format!(
            "go/types decls: running {} ({BIN_ENV})",
            goxide_bin().display()
        ));
    }
    let start = Instant::now();
    let run = goxide_dump();
    let took = start.elapsed();
    if goldens::tool_missing(&run) || run.stderr.contains("-dump-decls") && run.exit == Some(2) {
        panic!(
            "go/types decls: `goxide tool check -dump-decls std` does not exist yet: {} says {:?} (exit {:?}). \
             Every std package disagrees until it is written.",
            goxide_bin().display(),
            run.stderr.trim(),
            run.exit
        );
    }
    if let Some(p) = crash(&run) {
        panic!("go/types decls: {p}");
    }
    // gc's side only now: a missing tool fails without waiting for it.
    let gc_text = gc_dump();
    let gc = parse_dump(&gc_text).unwrap_or_else(|e| panic!("gotypesdump's output: {e}"));
    assert!(
        gc.len() > 300,
        "gotypesdump printed only {} packages",
        gc.len()
    );
    let goxide =
        parse_dump(&run.stdout).unwrap_or_else(|e| panic!("goxide's -dump-decls output: {e}"));
    let c = compare(&gc, &goxide);
    say(&format!(
        "go/types decls: {}/{} std packages agree (goxide took {:.1}s, exit {:?})",
        c.agreeing,
        c.total,
        took.as_secs_f64(),
        run.exit
    ));
    for (pkg, diff) in c.differing.iter().take(SHOWN) {
        say(&format!("  {pkg}: {diff}"));
    }
    if c.differing.len() > SHOWN {
        say(&format!(
            "  ... and {} more packages differ",
            c.differing.len() - SHOWN
        ));
    }
    let mut failures = Vec::new();
    if let Err(e) = goxide_testing::check_conformance(
        "go/types decls / std packages agreeing",
        c.agreeing,
        c.total,
    ) {
        failures.push(e);
    }
    if !c.extra.is_empty() {
        failures.push(format!(
            "goxide printed packages gc does not have: {:?}",
            c.extra
        ));
    }
    assert!(
        failures.is_empty(),
        "go/types decls: {}",
        failures.join("\n")
    );
}

/// A crash fails the test whatever it printed.
fn crash(run: &Run) -> Option<String> {
    if run.timed_out {
        return Some(format!(
            "goxide did not finish within {}s",
            TIMEOUT.as_secs()
        ));
    }
    if run.stderr.contains("panicked at")
        || run.stderr.contains("internal compiler error")
        || run.exit == Some(101)
    {
        return Some(format!(
            "goxide panicked: {}",
            run.stderr
                .lines()
                .find(|l| l.contains("panicked") || l.contains("internal"))
                .unwrap_or("")
        ));
    }
    match run.exit {
        None => Some("goxide was killed by a signal".into()),
        Some(0 | 1) => None,
        Some(n) => Some(format!("goxide exited {n}: {}", run.stderr.trim())),
    }
}

// ---------------------------------------------------------------------------
// Unit tests

const GC: &str =
    "package a\na.X const untyped int 1\na.f func func()\npackage b\nb.T type b.T struct{}\n";

#[test]
fn identical_dumps_agree_and_any_change_disagrees() {
    let gc = parse_dump(GC).unwrap();
    let c = compare(&gc, &gc);
    assert_eq!((c.agreeing, c.total), (2, 2));
    assert!(c.differing.is_empty() && c.extra.is_empty());
    // A wrong exact value.
    let wrong = parse_dump(&GC.replace("untyped int 1", "untyped int 2")).unwrap();
    let c = compare(&gc, &wrong);
    assert_eq!(c.agreeing, 1);
    assert_eq!(c.differing[0].0, "a");
    assert!(
        c.differing[0].1.contains("gc:     a.X const untyped int 1"),
        "{:?}",
        c.differing
    );
    // A missing line, an extra line, a missing package, an extra package.
    let missing_line =
        parse_dump("package a\na.X const untyped int 1\npackage b\nb.T type b.T struct{}\n")
            .unwrap();
    assert_eq!(compare(&gc, &missing_line).agreeing, 1);
    let extra_line = parse_dump(&format!("{GC}b.U var int\n")).unwrap();
    assert_eq!(compare(&gc, &extra_line).agreeing, 1);
    let missing_pkg = parse_dump("package b\nb.T type b.T struct{}\n").unwrap();
    let c = compare(&gc, &missing_pkg);
    assert_eq!((c.agreeing, c.differing.len()), (1, 1));
    let extra_pkg = parse_dump(&format!("{GC}package c\n")).unwrap();
    assert_eq!(compare(&gc, &extra_pkg).extra, ["c"]);
    // Package order does not matter; line order does.
    let reordered = parse_dump(
        "package b\nb.T type b.T struct{}\npackage a\na.X const untyped int 1\na.f func func()\n",
    )
    .unwrap();
    assert_eq!(compare(&gc, &reordered).agreeing, 2);
    let swapped = parse_dump(
        "package a\na.f func func()\na.X const untyped int 1\npackage b\nb.T type b.T struct{}\n",
    )
    .unwrap();
    assert_eq!(compare(&gc, &swapped).agreeing, 1);
}

#[test]
fn malformed_dumps_are_rejected() {
    assert!(parse_dump("a.X var int\npackage a\n").is_err());
    assert!(parse_dump("package a\npackage a\n").is_err());
    assert_eq!(
        parse_dump("\npackage a\n\n").unwrap()["a"],
        Vec::<String>::new()
    );
}

#[test]
fn crashes_and_missing_tools_are_recognised() {
    assert!(
        crash(&goldens::parse_run(
            Some(101),
            false,
            "",
            "thread 'main' panicked at a.rs:1:1:\n"
        ))
        .is_some()
    );
    assert!(crash(&goldens::parse_run(None, true, "", "")).is_some());
    assert!(
        crash(&goldens::parse_run(
            Some(2),
            false,
            "",
            "flag provided but not defined: -dump-decls\n"
        ))
        .is_some()
    );
    assert!(
        crash(&goldens::parse_run(
            Some(1),
            false,
            "package a\n",
            "./a.go:1:1: x\n"
        ))
        .is_none()
    );
    assert!(goldens::tool_missing(&goldens::parse_run(
        Some(2),
        false,
        "",
        "goxide: no such tool \"check\"\n"
    )));
}

/// gc's real dump, replayed as goxide's, agrees everywhere; with one
/// constant's value changed, exactly that package disagrees.
#[test]
fn real_dump_replayed_agrees_and_one_changed_value_is_caught() {
    let text = gc_dump();
    let gc = parse_dump(&text).unwrap();
    let c = compare(&gc, &gc);
    assert_eq!(c.agreeing, c.total);
    let pi = "math.Pi const untyped float ";
    assert!(text.contains(pi), "no math.Pi line in gc's dump");
    let changed = parse_dump(&text.replacen(pi, "math.Pi const untyped float 3/", 1)).unwrap();
    let c = compare(&gc, &changed);
    assert_eq!(c.agreeing, c.total - 1);
    assert_eq!(c.differing.len(), 1);
    assert_eq!(c.differing[0].0, "math");
}
