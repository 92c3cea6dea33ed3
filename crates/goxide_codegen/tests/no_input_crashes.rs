//! No well-typed input crashes the backend: every file of the types2 test
//! corpus (`GOROOT/src/internal/types/testdata`, ~370 files written to
//! exercise the checker's corners: generics, conversions, constants,
//! method sets, odd but legal declarations) that parses and type-checks
//! without error and imports nothing but `unsafe` goes through
//! `goxide_ir::build_package`, the IR verifier and
//! `goxide_codegen::compile_package`. A panic in any stage, or IR the
//! verifier rejects, fails the test (both are compiler bugs); a
//! `not supported yet` error from the IR builder is allowed and counted.
//!
//! `GOXIDE_SHOW_UNSUPPORTED=1` lists the files the builder does not take
//! yet and why. The files are compiled as packages, not programs (no entry point), on
//! a thread with a large stack as `goxide build` runs the compiler.

use std::path::PathBuf;
use std::sync::Arc;

use goxide_types::check::{Checker, Config, Importer};
use goxide_types::sizes::Sizes;
use goxide_types::types::PkgId;

/// Imports nothing but `unsafe` (the backend takes import-free programs).
struct OnlyUnsafe;

impl Importer for OnlyUnsafe {
    fn import(&self, path: &str) -> Result<PkgId, String> {
        if path == "unsafe" {
            return Ok(goxide_types::universe::universe().unsafe_pkg);
        }
        Err(format!("{path} is not imported here"))
    }
}

fn corpus() -> Vec<PathBuf> {
    goxide_testing::go_files_under(&[goxide_testing::goroot().join("src/internal/types/testdata")])
}

enum Outcome {
    /// Does not parse or type-check: not the backend's input.
    Skipped,
    Compiled,
    Unsupported,
    Bug(String),
}

fn compile_one(path: &PathBuf) -> Outcome {
    let Ok(src) = std::fs::read(path) else { return Outcome::Skipped };
    let (file, diags) = goxide_syntax::parse_file(&path.to_string_lossy(), &src);
    if !diags.is_empty() {
        return Outcome::Skipped;
    }
    let files = vec![Arc::new(file)];
    let config = Config::new(Sizes::for_arch("amd64").unwrap());
    let mut checker = Checker::new(&config, &OnlyUnsafe, "p", files.clone());
    checker.check();
    if !checker.errors.is_empty() {
        return Outcome::Skipped;
    }
    let input = goxide_ir::CheckedPackage { path: "p", files: &files, info: &checker.info, defs: &checker.defs };
    let pkg = match goxide_ir::build_package(&input) {
        Ok(p) => p,
        Err(e) => {
            if std::env::var_os("GOXIDE_SHOW_UNSUPPORTED").is_some() {
                eprintln!("{}: {e}", path.display());
            }
            return Outcome::Unsupported;
        }
    };
    if let Err(e) = goxide_ir::verify::verify_package(&pkg) {
        return Outcome::Bug(format!("verifier: {e}"));
    }
    let target = goxide_codegen::Target::for_goarch("amd64").unwrap();
    match goxide_codegen::compile_package(&pkg, &target, false) {
        Ok(_) => Outcome::Compiled,
        Err(e) => Outcome::Bug(format!("codegen: {e}")),
    }
}

#[test]
fn no_well_typed_corpus_file_crashes_the_backend() {
    let files = corpus();
    assert!(files.len() > 300, "corpus not found: {} files", files.len());
    let (mut compiled, mut unsupported, mut skipped) = (0, 0, 0);
    let mut bugs = Vec::new();
    for p in &files {
        let r = std::thread::scope(|s| {
            std::thread::Builder::new().stack_size(256 << 20).spawn_scoped(s, || compile_one(p)).unwrap().join()
        });
        match r {
            Ok(Outcome::Skipped) => skipped += 1,
            Ok(Outcome::Compiled) => compiled += 1,
            Ok(Outcome::Unsupported) => unsupported += 1,
            Ok(Outcome::Bug(e)) => bugs.push(format!("{}: {e}", p.display())),
            Err(e) => {
                let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                bugs.push(format!("{}: panic: {msg}", p.display()));
            }
        }
    }
    eprintln!("backend on the types2 corpus: {compiled} compiled, {unsupported} not supported yet, {skipped} not well-typed, {} bugs", bugs.len());
    assert!(compiled > 0, "nothing compiled: the test checks nothing");
    assert!(bugs.is_empty(), "the backend crashed or made invalid IR:\n{}", bugs.join("\n"));
}
