//! GOROOT discovery: which Go tree (standard library sources, `VERSION`,
//! `go.env`) goxide works with. Mirrors `findGOROOT` in
//! `cmd/go/internal/cfg/cfg.go`, with goxide's own fallbacks in place of
//! "the directory above the go binary":
//!
//! 1. the explicit setting: `$GOROOT`, else `GOROOT=` in the user's go/env
//!    file, used as given (cleaned) — validated later by [`validate`];
//! 2. the setup's copy: a `.goroot-pkg/go` directory in the goxide
//!    executable's directory or any of its ancestors (the repository's
//!    `scripts/setup.sh` installs it there, and `target/<profile>/goxide`
//!    sits below the repository root);
//! 3. the copy beside the sources goxide was compiled from:
//!    `$CARGO_MANIFEST_DIR/../../.goroot-pkg/go`.
//!
//! A discovered tree must contain `src/`; it is canonicalized (symlinks
//! resolved), as the go command's own discovery yields a resolved path.

use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};

use crate::filepath;
use crate::osenv;

/// The message printed (after `goxide: `) when no GOROOT can be found.
pub const NOT_FOUND: &str = "cannot find GOROOT; set $GOROOT or run scripts/setup.sh";

/// Whether `dir` looks like a Go tree goxide can use: it has `src/`.
pub fn is_goroot(dir: &Path) -> bool {
    dir.join("src").is_dir()
}

/// Finds GOROOT. `explicit` is the `$GOROOT` setting (from the OS
/// environment or the go/env file; empty when unset). Returns empty when
/// nothing is found.
pub fn find(explicit: &[u8]) -> Vec<u8> {
    if !explicit.is_empty() {
        return filepath::clean(explicit);
    }
    let exe = std::env::current_exe().ok();
    let build_tree = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.goroot-pkg/go");
    match discover(exe.as_deref(), &build_tree) {
        Some(p) => p.into_os_string().into_vec(),
        None => Vec::new(),
    }
}

/// Steps 2 and 3 of the search, given the executable's path and the
/// build-tree fallback.
pub fn discover(exe: Option<&Path>, build_tree: &Path) -> Option<PathBuf> {
    if let Some(exe) = exe {
        let exe = exe.canonicalize().unwrap_or_else(|_| exe.to_path_buf());
        for dir in exe.ancestors().skip(1) {
            let candidate = dir.join(".goroot-pkg/go");
            if is_goroot(&candidate) {
                return Some(candidate.canonicalize().unwrap_or(candidate));
            }
        }
    }
    if is_goroot(build_tree) {
        return Some(
            build_tree
                .canonicalize()
                .unwrap_or_else(|_| build_tree.to_path_buf()),
        );
    }
    None
}

/// Checks a GOROOT before a command uses it, as the go command's `main`
/// does, plus goxide's need for `src/`. The error is the text after
/// `goxide: `.
pub fn validate(goroot: &[u8]) -> Result<(), String> {
    if goroot.is_empty() {
        return Err(NOT_FOUND.to_string());
    }
    let dir = osenv::path(goroot);
    if !dir.is_dir() {
        return Err(format!(
            "cannot find GOROOT directory: {}",
            String::from_utf8_lossy(goroot)
        ));
    }
    if !is_goroot(dir) {
        return Err(format!(
            "GOROOT {} has no src directory; set $GOROOT to a Go tree or run scripts/setup.sh",
            String::from_utf8_lossy(goroot)
        ));
    }
    Ok(())
}

/// The Go version of a GOROOT: the first line of `$GOROOT/VERSION`
/// (e.g. `go1.27.3`), or `None` if it cannot be read.
pub fn version(goroot: &[u8]) -> Option<String> {
    let text = std::fs::read(osenv::path(&filepath::join(&[goroot, b"VERSION"]))).ok()?;
    let first = text.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let first = String::from_utf8_lossy(first).trim().to_string();
    (!first.is_empty()).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("goxide-goroot-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn walks_up_from_the_executable() {
        let root = tmp("walk");
        std::fs::create_dir_all(root.join(".goroot-pkg/go/src")).unwrap();
        std::fs::create_dir_all(root.join("target/debug")).unwrap();
        let exe = root.join("target/debug/goxide");
        std::fs::write(&exe, b"").unwrap();
        let found = discover(Some(&exe), Path::new("/nonexistent")).unwrap();
        assert_eq!(found, root.join(".goroot-pkg/go").canonicalize().unwrap());
        // No src/: not a GOROOT; the build-tree fallback is used instead.
        let other = tmp("nosrc");
        std::fs::create_dir_all(other.join(".goroot-pkg/go")).unwrap();
        let exe2 = other.join("goxide");
        assert_eq!(discover(Some(&exe2), Path::new("/nonexistent")), None);
        assert_eq!(
            discover(Some(&exe2), &root.join(".goroot-pkg/go")),
            Some(found)
        );
        let _ = std::fs::remove_dir_all(root);
        let _ = std::fs::remove_dir_all(other);
    }

    #[test]
    fn explicit_setting_is_cleaned_and_validated() {
        assert_eq!(find(b"/a/b/../c/"), b"/a/c");
        assert_eq!(validate(b"").unwrap_err(), NOT_FOUND);
        assert_eq!(
            validate(b"/nonexistent/goroot").unwrap_err(),
            "cannot find GOROOT directory: /nonexistent/goroot"
        );
        let d = tmp("validate");
        assert!(
            validate(d.as_os_str().as_encoded_bytes())
                .unwrap_err()
                .contains("has no src directory")
        );
        std::fs::create_dir(d.join("src")).unwrap();
        std::fs::write(d.join("VERSION"), "go1.99.0\ntime x\n").unwrap();
        assert!(validate(d.as_os_str().as_encoded_bytes()).is_ok());
        assert_eq!(
            version(d.as_os_str().as_encoded_bytes()).as_deref(),
            Some("go1.99.0")
        );
        let _ = std::fs::remove_dir_all(d);
    }
}
