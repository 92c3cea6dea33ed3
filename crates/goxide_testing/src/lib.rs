//! What goxide's tests share, and nothing else: where the reference Go is,
//! the conformance snapshot, running child processes with a time limit
//! (`process`), the golden-corpus harness (`goldens`, used by the
//! syntax and types goldens) and the run-golden format (`runs`, used by
//! the run goldens and `cargo xtask goldens --corpus run`). A dev-dependency only; no product crate
//! depends on it.
//!
//! The snapshot is `conformance.txt` at the repository root: one line per
//! external suite, `suite: N/M`, sorted by suite name. A test that measures
//! a suite calls [`conformance`] with its counts; the test fails when the
//! snapshot disagrees, so losing (or gaining) ground shows in review.
//! `cargo xtask conformance` reruns the tests with `GOXIDE_BLESS=1`, which
//! makes [`conformance`] rewrite its line instead. Writers take an
//! exclusive lock on the file, since test binaries may run concurrently.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

pub mod gobuild;
pub mod goldens;
pub mod runs;
pub mod process;

/// Writes a line to the process's real stderr, which the test harness does
/// not capture, so a score shows in every run, passing or not.
pub fn say(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{msg}");
}

/// The repository root: the nearest directory holding `Cargo.lock` above
/// the manifest directory of the crate whose tests run — read when the
/// test runs (cargo sets it), so that a build of this crate shared by two
/// checkouts through one target directory still finds the checkout being
/// tested; this crate's compile-time directory is the fallback.
pub fn repo_root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    let found = manifest.ancestors().find(|d| d.join("Cargo.lock").is_file()).map(Path::to_path_buf);
    found
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .canonicalize()
        .expect("repository root")
}

/// The reference GOROOT: `GOXIDE_TEST_GOROOT`, else the setup's copy.
/// Panics with the way to get one when there is none.
pub fn goroot() -> PathBuf {
    let p = match std::env::var_os("GOXIDE_TEST_GOROOT") {
        Some(p) => PathBuf::from(p),
        None => repo_root().join(".goroot-pkg/go"),
    };
    assert!(
        p.join("src").is_dir() && p.join("bin/go").exists(),
        "no reference Go at {}: run scripts/setup.sh",
        p.display()
    );
    p
}

/// Every `.go` file below the directories `roots` (recursively), sorted;
/// directories that cannot be read are skipped.
pub fn go_files_under(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs = roots.to_vec();
    let mut files = Vec::new();
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "go") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Records that `suite` passed `passed` of `total`: checks the snapshot
/// line, or rewrites it under `GOXIDE_BLESS=1`.
pub fn conformance(suite: &str, passed: usize, total: usize) {
    if let Err(e) = check_conformance(suite, passed, total) {
        panic!("{e}");
    }
}

/// [`conformance`] that returns a stale snapshot as an error instead of
/// panicking, for harnesses that report it with their other failures.
pub fn check_conformance(suite: &str, passed: usize, total: usize) -> Result<(), String> {
    assert!(!suite.contains(':') && !suite.contains('\n'), "bad suite name {suite:?}");
    let measured = format!("{passed}/{total}");
    let path = repo_root().join("conformance.txt");
    let bless = std::env::var_os("GOXIDE_BLESS").is_some_and(|v| v == "1");
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(bless)
        .create(bless)
        .truncate(false)
        .open(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run `cargo xtask conformance`", path.display()));
    if bless {
        file.lock().expect("lock conformance.txt");
    }
    let mut text = String::new();
    file.read_to_string(&mut text).expect("read conformance.txt");
    let mut lines: Vec<(String, String)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(": ").map(|(s, v)| (s.to_string(), v.to_string())))
        .collect();
    let recorded = lines.iter().find(|(s, _)| s == suite).map(|(_, v)| v.clone());
    if !bless {
        return match recorded {
            Some(v) if v == measured => Ok(()),
            Some(v) => Err(format!(
                "conformance.txt says `{suite}: {v}`, measured {measured}; \
                 if this is intended, run `cargo xtask conformance` and commit the snapshot"
            )),
            None => Err(format!(
                "conformance.txt has no line for `{suite}` (measured {measured}); run `cargo xtask conformance`"
            )),
        };
    }
    lines.retain(|(s, _)| s != suite);
    lines.push((suite.to_string(), measured));
    lines.sort();
    let mut out = String::from(
        "# Conformance snapshot: one line per suite, `suite: passed/total`.\n# Regenerate with `cargo xtask conformance`; tests fail when it is stale.\n",
    );
    for (s, v) in &lines {
        out.push_str(&format!("{s}: {v}\n"));
    }
    file.set_len(0).expect("truncate conformance.txt");
    file.rewind().expect("rewind conformance.txt");
    file.write_all(out.as_bytes()).expect("write conformance.txt");
    Ok(())
}
