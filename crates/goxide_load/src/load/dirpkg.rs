//! One directory read as one package: the loader's view of go/build's
//! `Context.ImportDir`, memoised per directory for the whole load (what
//! cmd/go's `packageDataCache` and module index give it).
//!
//! The reading itself belongs to `goxide_load::build` (the go/build
//! port). Until that lands, [`crate::load::build_shim`] stands in for it;
//! this file is the one place that calls either, so switching is local.
//!
//! Invariants: a directory is read at most once per [`DirCache`]
//! (concurrent readers of the same directory wait for the first); the
//! result is shared (`Arc`), never mutated after insertion.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};

use super::package::Position;

/// The build configuration files are selected with (go/build's
/// `Context`, the part the loader sets).
#[derive(Clone, Debug, Default)]
pub struct BuildContext {
    pub goos: String,
    pub goarch: String,
    pub goroot: String,
    pub cgo_enabled: bool,
    pub compiler: String,
    pub build_tags: Vec<String>,
    pub tool_tags: Vec<String>,
    pub release_tags: Vec<String>,
}

/// go/build's `Package`, the fields the loader uses.
#[derive(Clone, Debug, Default)]
pub struct DirPackage {
    pub dir: String,
    pub name: String,
    pub doc: String,
    /// Set when `dir` is under `GOROOT/src` (outside testdata).
    pub goroot: bool,
    /// `GOROOT` when `goroot`.
    pub root: String,
    /// The import path under `GOROOT/src` when `goroot`.
    pub goroot_import_path: String,
    pub binary_only: bool,
    pub go_files: Vec<String>,
    pub cgo_files: Vec<String>,
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
    pub cgo_cflags: Vec<String>,
    pub cgo_cppflags: Vec<String>,
    pub cgo_cxxflags: Vec<String>,
    pub cgo_fflags: Vec<String>,
    pub cgo_ldflags: Vec<String>,
    pub cgo_pkg_config: Vec<String>,
    /// Sorted, deduplicated; positions in file order.
    pub imports: Vec<String>,
    pub import_pos: Vec<(String, Vec<Position>)>,
    pub test_imports: Vec<String>,
    pub test_import_pos: Vec<(String, Vec<Position>)>,
    pub xtest_imports: Vec<String>,
    pub xtest_import_pos: Vec<(String, Vec<Position>)>,
    pub embed_patterns: Vec<String>,
    pub embed_pattern_pos: Vec<(String, Vec<Position>)>,
    pub test_embed_patterns: Vec<String>,
    pub test_embed_pattern_pos: Vec<(String, Vec<Position>)>,
    pub xtest_embed_patterns: Vec<String>,
    pub xtest_embed_pattern_pos: Vec<(String, Vec<Position>)>,
    pub test_go_files: Vec<String>,
    pub xtest_go_files: Vec<String>,
    pub all_tags: Vec<String>,
    /// `//go:debug` directives (text after `//go:debug `, position).
    pub directives: Vec<(String, Position)>,
    pub test_directives: Vec<(String, Position)>,
    pub xtest_directives: Vec<(String, Position)>,
    /// The language version of each Go file with a `//go:build` line
    /// naming one (`go1.N`), by file name.
    pub file_go_versions: Vec<(String, String)>,
}

/// Why a directory is not (entirely) a package, in go/build's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirError {
    /// `*build.NoGoError`.
    NoGo,
    /// A syntax error in a file header (`scanner.ErrorList`): its first
    /// error.
    Parse { pos: Position, msg: String },
    /// Any other error (`MultiplePackageError`, unreadable directory, bad
    /// `//go:build` line, ...), with go/build's text.
    Other(String),
}

impl DirError {
    pub fn text(&self, dir: &str) -> String {
        match self {
            DirError::NoGo => format!("no buildable Go source files in {dir}"),
            DirError::Parse { pos, msg } => format!("{pos}: {msg}"),
            DirError::Other(s) => s.clone(),
        }
    }
}

/// The outcome of reading one directory.
pub type DirResult = Arc<(DirPackage, Option<DirError>)>;

/// Reads `dir` as a package under `ctx` (`ImportDir(dir, 0)`).
pub fn import_dir(ctx: &BuildContext, dir: &str) -> (DirPackage, Option<DirError>) {
    super::build_shim::import_dir(ctx, dir)
}

/// Memo of [`import_dir`] per directory, safe to share between threads.
#[derive(Default)]
pub struct DirCache {
    map: Mutex<HashMap<String, Slot>>,
    ready: Condvar,
}

enum Slot {
    Loading,
    Done(DirResult),
}

impl DirCache {
    /// The package in `dir`, read now or earlier.
    pub fn get(&self, ctx: &BuildContext, dir: &str) -> DirResult {
        {
            let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                match map.get(dir) {
                    Some(Slot::Done(r)) => return r.clone(),
                    Some(Slot::Loading) => {
                        map = self.ready.wait(map).unwrap_or_else(|e| e.into_inner());
                    }
                    None => {
                        map.insert(dir.to_string(), Slot::Loading);
                        break;
                    }
                }
            }
        }
        let r = Arc::new(import_dir(ctx, dir));
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.insert(dir.to_string(), Slot::Done(r.clone()));
        self.ready.notify_all();
        r
    }

    /// Reads every directory of `dirs` (not yet read) on `workers`
    /// threads, so that later [`DirCache::get`] calls find them.
    pub fn prefetch(&self, ctx: &BuildContext, dirs: &[String], workers: usize) {
        if dirs.len() < 2 || workers < 2 {
            for d in dirs {
                self.get(ctx, d);
            }
            return;
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..workers.min(dirs.len()) {
                s.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(d) = dirs.get(i) else { break };
                        self.get(ctx, d);
                    }
                });
            }
        });
    }
}
