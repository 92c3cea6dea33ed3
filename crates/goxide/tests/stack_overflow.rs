//! Runaway recursion, in the main goroutine and in another one, ends as
//! gc ends it: `runtime: goroutine stack exceeds 1000000000-byte limit`,
//! a `runtime: sp=0x… stack=[0x…, 0x…]` line, `fatal error: stack
//! overflow`, exit status 2. A goroutine's stack grows by segments
//! (goxide_runtime `morestack`) up to the same limit as main's.
//!
//! The run goldens cannot hold this: the second line has addresses. Each
//! program is built by goxide and by the reference go and both are run;
//! the lines are compared, the addresses only by shape.

mod common;

use common::{env_of, goxide, reference_goroot, run, TempDir};
use std::path::PathBuf;

const MAIN_RUNAWAY: &str = "package main

func f(n int) int { return f(n+1) + 1 }

func main() { println(f(0)) }
";

const GOROUTINE_RUNAWAY: &str = "package main

type big struct{ a [40]int }

// Frames of two sizes, so segments end at different depths.
func g(n int, b big) int {
	if n%3 == 0 {
		return f(n+1) + b.a[0]
	}
	b.a[n%40]++
	return g(n+1, b) + 1
}

func f(n int) int { return g(n+1, big{}) + 1 }

func main() {
	done := make(chan int)
	go func() { done <- f(0) }()
	println(<-done)
}
";

/// Whether `line` is `runtime: sp=0x… stack=[0x…, 0x…]`.
fn is_sp_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("runtime: sp=0x") else { return false };
    let Some((sp, rest)) = rest.split_once(" stack=[0x") else { return false };
    let Some((lo, rest)) = rest.split_once(", 0x") else { return false };
    let Some(hi) = rest.strip_suffix(']') else { return false };
    [sp, lo, hi].iter().all(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The first three lines of a stack-overflow report, the second reduced
/// to its shape; panics (with the report) if it is not one.
fn report_head(who: &str, stderr: &str) -> [String; 3] {
    let lines: Vec<&str> = stderr.lines().take(3).collect();
    assert!(lines.len() == 3 && is_sp_line(lines[1]), "{who}'s stderr is no stack overflow report:\n{stderr}");
    [lines[0].to_string(), "runtime: sp=0x… stack=[0x…, 0x…]".to_string(), lines[2].to_string()]
}

fn overflows_like_gc(name: &str, src: &str) {
    let dir = TempDir::new(name);
    let file = dir.write("main.go", src);
    let goroot = reference_goroot().to_string_lossy().into_owned();
    let env = env_of(&[("GOROOT", &goroot), ("PATH", "/nonexistent")]);
    let exe = dir.path().join("goxide.out");
    let built = goxide(&["build", "-o", exe.to_str().unwrap(), file.to_str().unwrap()], dir.path(), &env);
    assert_eq!(built.code, 0, "goxide build: {}", built.stderr_str());
    let pkg = goxide_testing::gobuild::GoPackage { module: "overflow", files: &[("main.go", src)], build_args: &[] };
    let gocache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gocache");
    let gc_exe = goxide_testing::gobuild::build_with_reference_go(dir.path(), "gosrc", &pkg, &gocache, &dir.path().join("gc.out"));

    let ours = run(&exe, &[], dir.path(), &[]);
    let theirs = run(&gc_exe, &[], dir.path(), &[]);
    assert_eq!(theirs.code, 2, "gc: {}", theirs.stderr_str());
    assert_eq!(ours.code, theirs.code, "goxide: {}", ours.stderr_str());
    assert_eq!(ours.stdout, theirs.stdout);
    assert_eq!(report_head("goxide", &ours.stderr_str()), report_head("gc", &theirs.stderr_str()));
}

#[test]
fn runaway_recursion_in_main_overflows_like_gc() {
    overflows_like_gc("main-runaway", MAIN_RUNAWAY);
}

#[test]
fn runaway_recursion_in_a_goroutine_overflows_like_gc() {
    overflows_like_gc("goroutine-runaway", GOROUTINE_RUNAWAY);
}

#[test]
fn the_sp_line_shape_is_checked() {
    assert!(is_sp_line("runtime: sp=0xc0200e0390 stack=[0xc0200e0000, 0xc0400e0000]"));
    assert!(!is_sp_line("runtime: sp=0xc0200e0390 stack=[0xc0200e0000]"));
    assert!(!is_sp_line("runtime: sp=0x stack=[0x1, 0x2]"));
    assert!(!is_sp_line("fatal error: stack overflow"));
}
