//! Shared helpers for goxide's integration tests: locating the reference
//! go (the oracle), temporary directories, and running go or goxide with a
//! fully controlled environment.
//!
//! The reference GOROOT is `$GOXIDE_TEST_GOROOT`, else
//! `<repo>/.goroot-pkg/go` as installed by `scripts/setup.sh`; tests fail
//! with a hint to run the script when it is missing.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The reference GOROOT (its `bin/go` is the oracle).
pub fn reference_goroot() -> PathBuf {
    let root = match std::env::var_os("GOXIDE_TEST_GOROOT") {
        Some(r) if !r.is_empty() => PathBuf::from(r),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.goroot-pkg/go"),
    };
    assert!(
        root.join("bin/go").is_file() && root.join("src").is_dir(),
        "reference Go not found at {}: run scripts/setup.sh (or set GOXIDE_TEST_GOROOT)",
        root.display()
    );
    // Keep the spelling (no canonicalization): both tools print $GOROOT as given.
    let s = root.to_string_lossy().replace("/crates/goxide/../../", "/");
    PathBuf::from(s)
}

/// The goxide binary under test.
pub fn goxide_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_goxide"))
}

/// A temporary directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("goxide-it-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir.canonicalize().unwrap())
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Creates `rel` (and its parents) holding `contents`.
    pub fn write(&self, rel: &str, contents: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    pub fn mkdir(&self, rel: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(&p).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: i32,
}

impl Output {
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Runs `program args` in `cwd` with exactly the environment `env`.
pub fn run(program: &Path, args: &[&str], cwd: &Path, env: &[(String, Vec<u8>)]) -> Output {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(cwd).env_clear();
    for (k, v) in env {
        cmd.env(k, OsStr::from_bytes(v));
    }
    let out = cmd.output().unwrap_or_else(|e| {
        panic!(
            "running {} in {} (exists: {}): {e}",
            program.display(),
            cwd.display(),
            cwd.exists()
        )
    });
    Output {
        stdout: out.stdout,
        stderr: out.stderr,
        code: out.status.code().unwrap_or(-1),
    }
}

/// Runs the reference go.
pub fn go(args: &[&str], cwd: &Path, env: &[(String, Vec<u8>)]) -> Output {
    run(&reference_goroot().join("bin/go"), args, cwd, env)
}

/// Runs goxide.
pub fn goxide(args: &[&str], cwd: &Path, env: &[(String, Vec<u8>)]) -> Output {
    run(&goxide_bin(), args, cwd, env)
}

/// Builds an environment list from pairs.
pub fn env_of(pairs: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect()
}

/// Rewrites the go command's messages as goxide words them: `go` becomes
/// `goxide` in the command's name positions.
pub fn goxide_wording(go_stderr: &str) -> String {
    go_stderr
        .lines()
        .map(|l| {
            let l = l
                .replace("go help", "goxide help")
                .replace("usage: go ", "usage: goxide ")
                .replace("'go version'", "'goxide version'")
                .replace(": go build ", ": goxide build ");
            if let Some(rest) = l.strip_prefix("go: ") {
                format!("goxide: {rest}")
            } else if let Some(rest) = l.strip_prefix("go ") {
                format!("goxide {rest}")
            } else {
                l
            }
        })
        .map(|l| l + "\n")
        .collect()
}
