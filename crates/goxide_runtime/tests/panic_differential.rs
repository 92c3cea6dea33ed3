//! Run-time error reports against the reference go: a program built with
//! gc divides by zero (or shifts by a negative count) and dies; what it
//! writes to stderr before the traceback's frames must be exactly what
//! `goxide_runtime::panic::print_runtime_error` writes, and the exit
//! status must be 2, which is what `goxide_rt_panicdivide` exits with.
//!
//! Invariants: the reference go builds only these test programs, with
//! HOME in a temporary directory (telemetry off) and GOCACHE in the cargo
//! target's tmp dir; the temporary directory is removed afterwards.

use goxide_runtime::panic::{print_runtime_error, DIVIDE_ERROR, SHIFT_ERROR};
use std::path::{Path, PathBuf};
use std::process::Command;

struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds `src` with the reference go and runs it: (stderr, exit code).
fn run_reference(dir: &Path, name: &str, src: &str) -> (Vec<u8>, Option<i32>) {
    let goroot = goxide_testing::goroot();
    let pkg = dir.join(name);
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("go.mod"), "module panicdiff\n\ngo 1.27\n").unwrap();
    std::fs::write(pkg.join("main.go"), src).unwrap();
    let home = dir.join("home");
    std::fs::create_dir_all(home.join(".config/go/telemetry")).unwrap();
    std::fs::write(home.join(".config/go/telemetry/mode"), "off 2024-01-01\n").unwrap();
    let prog = pkg.join("prog");
    let out = Command::new(goroot.join("bin/go"))
        .args(["build", "-o"])
        .arg(&prog)
        .arg(".")
        .current_dir(&pkg)
        .env("HOME", &home)
        .env("GOROOT", &goroot)
        .env("GOCACHE", PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gocache"))
        .env("GOPATH", dir.join("gopath"))
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env("GOWORK", "off")
        .env("GOFLAGS", "-modcacherw")
        .env("CGO_ENABLED", "0")
        .output()
        .expect("run the reference go");
    assert!(out.status.success(), "go build: {}", String::from_utf8_lossy(&out.stderr));
    let run = Command::new(&prog).output().expect("run the reference program");
    (run.stderr, run.status.code())
}

#[test]
fn runtime_errors_report_as_gc() {
    let dir = TempDir(std::env::temp_dir().join(format!("goxide-panicdiff-{}", std::process::id())));
    let cases: [(&str, &str, &[u8]); 2] = [
        (
            "divide",
            "package main\n\n//go:noinline\nfunc div(a, b int) int { return a / b }\n\nfunc main() { println(div(1, 0)) }\n",
            DIVIDE_ERROR,
        ),
        (
            "shift",
            "package main\n\n//go:noinline\nfunc sh(a, b int) int { return a << b }\n\nfunc main() { println(sh(1, -1)) }\n",
            SHIFT_ERROR,
        ),
    ];
    for (name, src, msg) in cases {
        let (stderr, code) = run_reference(&dir.0, name, src);
        let mut ours = Vec::new();
        print_runtime_error(&mut ours, msg, 1);
        assert!(
            stderr.starts_with(&ours),
            "{name}: gc wrote\n{}\nwe write\n{}",
            String::from_utf8_lossy(&stderr),
            String::from_utf8_lossy(&ours)
        );
        assert_eq!(code, Some(2), "{name}");
    }
}
