//! Builds and runs Go programs with the reference go (shared by the
//! differential tests of this crate): each program in its own module
//! directory under a temporary directory, HOME there (telemetry off),
//! GOCACHE in the cargo target's tmp dir (integration tests) or the
//! temporary directory (the crate's unit tests, which include this file),
//! no network, cgo off.
//!
//! Invariants: the temporary directory is removed when the [`TempDir`]
//! drops; a failing `go build` fails the test with gc's message.

// The crate's unit tests include this file into a no_std crate.
extern crate std;

use std::path::{Path, PathBuf};
use std::process::Command;

use goxide_testing::gobuild::{build_with_reference_go, GoPackage};

pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        TempDir(std::env::temp_dir().join(std::format!("goxide-{tag}-{}", std::process::id())))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds `src` (package main) with the reference go and runs it with
/// `args`: (stdout, stderr, exit code).
pub fn run_reference(dir: &Path, name: &str, src: &str, args: &[&str]) -> (std::vec::Vec<u8>, std::vec::Vec<u8>, Option<i32>) {
    let gocache = option_env!("CARGO_TARGET_TMPDIR").map_or_else(|| dir.join("gocache"), PathBuf::from).join("gocache");
    let pkg = GoPackage { module: "refprog", files: &[("main.go", src)], build_args: &[] };
    let prog = build_with_reference_go(dir, name, &pkg, &gocache, &dir.join(name).join("prog"));
    let run = Command::new(&prog).args(args).output().expect("run the reference program");
    (run.stdout, run.stderr, run.status.code())
}
