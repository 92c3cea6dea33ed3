//! The Go language version each file of a package is compiled with: the
//! `go` line of its module (go.mod; GOROOT's version for the standard
//! library), and for a file whose `//go:build` line names a release
//! (`go1.21`, in `go_version`'s sense of go/build/constraint), that one —
//! the inputs of gc's `-lang` and of types2's per-file versions.
//!
//! Read on demand from the files' headers (the constraint lines only, as
//! go/build reads them); the loader does not keep them.

use goxide_syntax::constraint;

use super::package::Package;

/// One file's language versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileVersion {
    pub file: String,
    /// The `go1.N` its `//go:build` line implies, or empty.
    pub build_version: String,
    /// The module's language version (`1.22`), or empty when unknown.
    pub module_version: String,
}

/// The versions of every Go file of `p` (GoFiles, CgoFiles, TestGoFiles,
/// XTestGoFiles).
pub fn file_versions(p: &Package) -> Vec<FileVersion> {
    let files = p
        .go_files
        .iter()
        .chain(&p.cgo_files)
        .chain(&p.test_go_files)
        .chain(&p.xtest_go_files);
    files
        .map(|f| {
            let path = if f.starts_with('/') {
                f.clone()
            } else {
                format!("{}/{f}", p.dir)
            };
            FileVersion {
                file: f.clone(),
                build_version: build_version(&path),
                module_version: p.internal.go_version.clone(),
            }
        })
        .collect()
}

/// The version a file's `//go:build` line implies (empty if none).
fn build_version(path: &str) -> String {
    let Ok(src) = std::fs::read(path) else {
        return String::new();
    };
    let Ok(h) = constraint::parse_header(&src) else {
        return String::new();
    };
    match h.go_build.as_ref().map(|l| l.parse()) {
        Some(Ok(x)) => constraint::go_version(&x),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_build_versions() {
        let dir = std::env::temp_dir().join(format!("goxide-langver-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.go"),
            "//go:build go1.21 && linux\n\npackage p\n",
        )
        .unwrap();
        std::fs::write(dir.join("b.go"), "package p\n").unwrap();
        let mut p = Package {
            dir: dir.to_string_lossy().into_owned(),
            go_files: vec!["a.go".into(), "b.go".into()],
            ..Package::default()
        };
        p.internal.go_version = "1.22".into();
        let v = file_versions(&p);
        assert_eq!(v[0].build_version, "go1.21");
        assert_eq!(v[1].build_version, "");
        assert_eq!(v[1].module_version, "1.22");
        let _ = std::fs::remove_dir_all(dir);
    }
}
