//! What the loader knows about one package: the go command's
//! `load.Package` (its public half `PackagePublic`, which `go list -json`
//! prints, and the internal fields later stages need), `PackageError`,
//! `ImportStack` and the module summary `modinfo.ModulePublic`.
//!
//! Mirrors `cmd/go/internal/load/pkg.go` (types, `PackageError.Error`,
//! `ImportStack`) and `cmd/go/internal/modinfo/info.go`.
//!
//! Invariants:
//! - Packages live in one arena ([`crate::load::Graph`]) and refer to each
//!   other by [`PackageId`]; `imports` (the resolved direct imports, go's
//!   `Internal.Imports`) is in the order of `public.imports` followed by
//!   the implicit imports go adds (cgo, linker dependencies).
//! - A position is kept as go's `token.Position` would print it (file
//!   name already shortened with `base.ShortPath` where go shortens it).

use std::fmt;

/// Index of a package in its [`crate::load::Graph`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PackageId(pub u32);

impl PackageId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A source position (`go/token.Position`): file name, 1-based line and
/// column (column 0: unknown).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Position {
    pub filename: String,
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Position {
    /// `token.Position.String`: `file:line:col`, `file:line`, or `-`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = self.filename.clone();
        if self.line > 0 {
            if !s.is_empty() {
                s.push(':');
            }
            s.push_str(&self.line.to_string());
            if self.column != 0 {
                s.push(':');
                s.push_str(&self.column.to_string());
            }
        }
        if s.is_empty() {
            s.push('-');
        }
        f.write_str(&s)
    }
}

/// One entry of an import stack: a package path and where the importer
/// imported it (`load.ImportInfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportInfo {
    pub pkg: String,
    pub pos: Option<Position>,
}

/// `load.ImportStack`: the chain of imports from a package named on the
/// command line to the one in question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportStack(pub Vec<ImportInfo>);

impl ImportStack {
    pub fn push(&mut self, pkg: &str, pos: Option<Position>) {
        self.0.push(ImportInfo {
            pkg: pkg.to_string(),
            pos,
        });
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    pub fn top(&self) -> Option<&ImportInfo> {
        self.0.last()
    }

    pub fn pkgs(&self) -> Vec<String> {
        self.0.iter().map(|i| i.pkg.clone()).collect()
    }

    /// `PkgsWithPos`: `pkg from file.go` where a position is known.
    pub fn pkgs_with_pos(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|i| match &i.pos {
                Some(p) => format!("{} from {}", i.pkg, base_name(&p.filename)),
                None => i.pkg.clone(),
            })
            .collect()
    }

    /// `shorterThan`: shorter, or as long and lexically smaller.
    pub fn shorter_than(&self, t: &[String]) -> bool {
        if self.0.len() != t.len() {
            return self.0.len() < t.len();
        }
        for (s, t) in self.0.iter().zip(t) {
            if s.pkg != *t {
                return s.pkg < *t;
            }
        }
        false
    }
}

fn base_name(path: &str) -> &str {
    let p = path.trim_end_matches('/');
    match p.rfind('/') {
        Some(i) => &p[i + 1..],
        None => p,
    }
}

/// `load.PackageError`: an error loading a package, with the import stack
/// that led to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackageError {
    pub import_stack: ImportStack,
    /// Position of the error (`file:line:col`), or empty.
    pub pos: String,
    /// The error text.
    pub err: String,
    pub is_import_cycle: bool,
    /// Always print the import stack, even with a position (internal
    /// package errors).
    pub always_print_stack: bool,
}

impl PackageError {
    pub fn new(stack: &ImportStack, err: impl Into<String>) -> PackageError {
        PackageError {
            import_stack: stack.clone(),
            err: err.into(),
            ..PackageError::default()
        }
    }

    /// `setPos`: the first of `positions`, if any.
    pub fn set_pos(&mut self, positions: &[Position]) {
        if let Some(p) = positions.first() {
            self.pos = p.to_string();
        }
    }
}

impl fmt::Display for PackageError {
    /// `PackageError.Error`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.pos.is_empty() && (self.import_stack.0.is_empty() || !self.always_print_stack) {
            return write!(f, "{}: {}", self.pos, self.err);
        }
        if self.import_stack.0.is_empty() {
            return f.write_str(&self.err);
        }
        let optpos = if self.pos.is_empty() {
            String::new()
        } else {
            format!("\n\t{}", self.pos)
        };
        let imports = if self.is_import_cycle {
            self.import_stack.pkgs_with_pos()
        } else {
            self.import_stack.pkgs()
        };
        write!(
            f,
            "package {}{}: {}",
            imports.join("\n\timports "),
            optpos,
            self.err
        )
    }
}

/// `modinfo.ModulePublic` as a package's `Module` field shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModuleInfo {
    pub path: String,
    pub version: String,
    pub replace: Option<Box<ModuleInfo>>,
    /// The version's time (RFC 3339), from the module cache's `.info`.
    pub time: String,
    pub main: bool,
    pub indirect: bool,
    pub dir: String,
    pub go_mod: String,
    pub go_version: String,
    pub error: String,
    pub sum: String,
    pub go_mod_sum: String,
}

/// A package: go's `PackagePublic` fields (what `go list -json` prints, in
/// its order) and what later stages need.
#[derive(Clone, Debug, Default)]
pub struct Package {
    pub dir: String,
    pub import_path: String,
    pub import_comment: String,
    pub name: String,
    pub doc: String,
    pub target: String,
    pub root: String,
    pub conflict_dir: String,
    pub for_test: String,
    pub module: Option<ModuleInfo>,
    pub match_: Vec<String>,
    pub goroot: bool,
    pub standard: bool,
    pub dep_only: bool,
    pub binary_only: bool,
    pub incomplete: bool,
    pub default_godebug: String,

    pub go_files: Vec<String>,
    pub cgo_files: Vec<String>,
    pub compiled_go_files: Vec<String>,
    pub ignored_go_files: Vec<String>,
    pub invalid_go_files: Vec<String>,
    pub ignored_other_files: Vec<String>,
    pub c_files: Vec<String>,
    pub cxx_files: Vec<String>,
    pub m_files: Vec<String>,
    pub h_files: Vec<String>,
    pub f_files: Vec<String>,
    pub s_files: Vec<String>,
    pub swig_files: Vec<String>,
    pub swig_cxx_files: Vec<String>,
    pub syso_files: Vec<String>,

    pub embed_patterns: Vec<String>,
    pub embed_files: Vec<String>,

    pub cgo_cflags: Vec<String>,
    pub cgo_cppflags: Vec<String>,
    pub cgo_cxxflags: Vec<String>,
    pub cgo_fflags: Vec<String>,
    pub cgo_ldflags: Vec<String>,
    pub cgo_pkg_config: Vec<String>,

    /// Import paths, resolved (vendor expansion applied), in source order
    /// (sorted) followed by implicit imports.
    pub imports: Vec<String>,
    /// Source import path → resolved path, for the entries that differ.
    pub import_map: Vec<(String, String)>,
    pub deps: Vec<String>,

    pub error: Option<PackageError>,
    pub deps_errors: Vec<PackageError>,

    pub test_go_files: Vec<String>,
    pub test_imports: Vec<String>,
    pub test_embed_patterns: Vec<String>,
    pub test_embed_files: Vec<String>,
    pub xtest_go_files: Vec<String>,
    pub xtest_imports: Vec<String>,
    pub xtest_embed_patterns: Vec<String>,
    pub xtest_embed_files: Vec<String>,

    pub internal: Internal,
}

/// go's `PackageInternal`, the part later stages use.
#[derive(Clone, Debug, Default)]
pub struct Internal {
    /// Direct imports, resolved (`Internal.Imports`).
    pub imports: Vec<PackageId>,
    /// Imports as written in the source (`Internal.RawImports`), 1:1 with
    /// the start of `Package::imports`.
    pub raw_imports: Vec<String>,
    /// Implicit imports the compiler needs (cgo), 1:1 with the end of
    /// `Package::imports` after the raw and linker ones.
    pub compiled_imports: Vec<String>,
    /// First position of each import in the package's (non-test) files.
    pub import_pos: Vec<(String, Vec<Position>)>,
    pub test_import_pos: Vec<(String, Vec<Position>)>,
    pub xtest_import_pos: Vec<(String, Vec<Position>)>,
    pub embed_pattern_pos: Vec<(String, Vec<Position>)>,
    pub test_embed_pattern_pos: Vec<(String, Vec<Position>)>,
    pub xtest_embed_pattern_pos: Vec<(String, Vec<Position>)>,
    /// Pattern → files, for the compiler's embedcfg.
    pub embed: Vec<(String, Vec<String>)>,
    /// Built from `.go` files named on the command line.
    pub cmdline_files: bool,
    /// Named on the command line (by a pattern).
    pub cmdline_pkg: bool,
    pub cmdline_pkg_literal: bool,
    /// Imported by a relative path (`./x`).
    pub local: bool,
    /// A library even if named main (test variants).
    pub force_library: bool,
    /// The `go` version of the package's module (go.mod `go` line), the
    /// language version its files default to.
    pub go_version: String,
    /// The build tags the package's files were selected with (`AllTags`:
    /// every tag any file's constraint consulted).
    pub all_tags: Vec<String>,
    /// `//go:debug` directives of the package's files.
    pub directives: Vec<(String, Position)>,
    pub test_directives: Vec<(String, Position)>,
    pub xtest_directives: Vec<(String, Position)>,
    /// The `_testmain.go` source of a test main package.
    pub testmain_go: Option<Vec<u8>>,
    /// The import path before test renaming.
    pub orig_import_path: String,
    /// The main package this copy is built for (`ForMain`: its own PGO
    /// profile applies).
    pub for_main: String,
    /// The PGO profile the package is compiled with.
    pub pgo_profile: String,
    /// Whether `Internal.Imports` is set (false while the package is being
    /// loaded: how import cycles are detected).
    pub imports_loaded: bool,
}

impl Package {
    /// `Desc`: the import path, with `[p.test]` for test variants.
    pub fn desc(&self) -> String {
        if !self.for_test.is_empty() {
            return format!("{} [{}.test]", self.import_path, self.for_test);
        }
        if !self.internal.for_main.is_empty() {
            return format!("{} [{}]", self.import_path, self.internal.for_main);
        }
        self.import_path.clone()
    }

    pub fn uses_cgo(&self) -> bool {
        !self.cgo_files.is_empty()
    }

    pub fn uses_swig(&self) -> bool {
        !self.swig_files.is_empty() || !self.swig_cxx_files.is_empty()
    }

    /// `AllFiles`: every file considered for the package (for the name
    /// checks), with embedded files in the directory counted once.
    pub fn all_files(&self) -> Vec<String> {
        let mut files: Vec<String> = [
            &self.go_files,
            &self.cgo_files,
            &self.ignored_go_files,
            &self.ignored_other_files,
            &self.c_files,
            &self.cxx_files,
            &self.m_files,
            &self.h_files,
            &self.f_files,
            &self.s_files,
            &self.swig_files,
            &self.swig_cxx_files,
            &self.syso_files,
            &self.test_go_files,
            &self.xtest_go_files,
        ]
        .iter()
        .flat_map(|l| l.iter().cloned())
        .collect();
        let have: std::collections::HashSet<String> = files.iter().cloned().collect();
        for f in &self.embed_files {
            if !f.contains('/') && have.contains(f) {
                continue;
            }
            files.push(f.clone());
        }
        files
    }

    /// Sets the error if none is set yet, marking the package incomplete.
    pub fn set_error(&mut self, e: PackageError) {
        if self.error.is_none() {
            self.error = Some(e);
        }
        self.incomplete = true;
    }
}

/// Position list of `path` in a `(path, positions)` table.
pub fn positions_of<'a>(table: &'a [(String, Vec<Position>)], path: &str) -> &'a [Position] {
    table
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, v)| v.as_slice())
        .unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stack(pkgs: &[&str]) -> ImportStack {
        let mut s = ImportStack::default();
        for p in pkgs {
            s.push(p, None);
        }
        s
    }

    #[test]
    fn package_error_texts() {
        let mut e = PackageError::new(&stack(&["a", "b"]), "boom");
        assert_eq!(e.to_string(), "package a\n\timports b: boom");
        e.pos = "x.go:1:2".into();
        assert_eq!(e.to_string(), "x.go:1:2: boom");
        e.always_print_stack = true;
        assert_eq!(e.to_string(), "package a\n\timports b\n\tx.go:1:2: boom");
        let e = PackageError::new(&ImportStack::default(), "plain");
        assert_eq!(e.to_string(), "plain");
        let mut s = stack(&["a"]);
        s.push(
            "b",
            Some(Position {
                filename: "/d/a.go".into(),
                line: 3,
                column: 8,
            }),
        );
        let e = PackageError {
            import_stack: s,
            err: "import cycle not allowed".into(),
            is_import_cycle: true,
            ..PackageError::default()
        };
        assert_eq!(
            e.to_string(),
            "package a\n\timports b from a.go: import cycle not allowed"
        );
    }

    #[test]
    fn positions_print_like_go() {
        let p = |f: &str, l, c| Position {
            filename: f.into(),
            line: l,
            column: c,
        };
        assert_eq!(p("a.go", 1, 2).to_string(), "a.go:1:2");
        assert_eq!(p("a.go", 1, 0).to_string(), "a.go:1");
        assert_eq!(p("", 0, 0).to_string(), "-");
        assert_eq!(p("a.go", 0, 0).to_string(), "a.go");
    }

    #[test]
    fn shorter_stacks() {
        let s = stack(&["a", "c"]);
        assert!(s.shorter_than(&["a".into(), "d".into()]));
        assert!(!s.shorter_than(&["a".into(), "b".into()]));
        assert!(s.shorter_than(&["a".into(), "b".into(), "c".into()]));
    }
}
