//! Building a Go package with the reference go, as the differential tests
//! do to get gc's behaviour: the package's files in a module directory of
//! their own, HOME in the test's directory (telemetry off, so go leaves
//! nothing behind), GOCACHE where the caller says (a cargo target's tmp
//! dir keeps it warm across runs), no network, no toolchain switch, cgo
//! off.
//!
//! Invariant: a failing `go build` fails the test with gc's message.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A Go package for [`build_with_reference_go`].
pub struct GoPackage<'a> {
    /// The module path written to `go.mod` (`go 1.27`).
    pub module: &'a str,
    /// File names and contents (`main.go`, an empty `x.s` for body-less
    /// declarations, ...).
    pub files: &'a [(&'a str, &'a str)],
    /// Arguments of `go build` before `-o` (`-ldflags=...`).
    pub build_args: &'a [&'a str],
}

/// Writes `pkg` to `dir/<name>` and builds it with the reference go into
/// `exe`, with GOCACHE `gocache`; returns `exe`.
pub fn build_with_reference_go(dir: &Path, name: &str, pkg: &GoPackage<'_>, gocache: &Path, exe: &Path) -> PathBuf {
    let goroot = crate::goroot();
    let src = dir.join(name);
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("go.mod"), format!("module {}\n\ngo 1.27\n", pkg.module)).unwrap();
    for (file, text) in pkg.files {
        std::fs::write(src.join(file), text).unwrap();
    }
    let home = dir.join("home");
    std::fs::create_dir_all(home.join(".config/go/telemetry")).unwrap();
    std::fs::write(home.join(".config/go/telemetry/mode"), "off 2024-01-01\n").unwrap();
    let out = Command::new(goroot.join("bin/go"))
        .arg("build")
        .args(pkg.build_args)
        .arg("-o")
        .arg(exe)
        .arg(".")
        .current_dir(&src)
        .env("HOME", &home)
        .env("GOROOT", &goroot)
        .env("GOCACHE", gocache)
        .env("GOPATH", dir.join("gopath"))
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env("GOWORK", "off")
        .env("GOFLAGS", "-modcacherw")
        .env("CGO_ENABLED", "0")
        .output()
        .expect("run the reference go");
    assert!(out.status.success(), "go build {name}: {}", String::from_utf8_lossy(&out.stderr));
    exe.to_path_buf()
}
