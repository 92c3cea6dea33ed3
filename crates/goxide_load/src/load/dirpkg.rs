//! One directory read as one package: the loader's view of go/build's
//! `Context.ImportDir`, memoised per directory for the whole load (what
//! cmd/go's `packageDataCache` and module index give it).
//!
//! The reading itself is `goxide_load::build` (the go/build port); this
//! file converts its `Package` into the loader's [`DirPackage`] (paths as
//! strings, positions as the loader's) and memoises it.
//!
//! `.go` files named on the command line (go's `GoFilesPackage`) need an
//! `ImportDir` that sees only those files, with build constraints off
//! (go/build's `ReadDir` hook and `UseAllFiles`). `build` has no file
//! system hook, so [`import_files`] reads a private directory of symbolic
//! links to the named files and maps every path back.
//!
//! Invariants: a directory is read at most once per [`DirCache`]
//! (concurrent readers of the same directory wait for the first); the
//! result is shared (`Arc`), never mutated after insertion.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use crate::build;

use super::fspath;

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

/// The go/build context of `ctx`.
fn build_context(ctx: &BuildContext) -> build::Context {
    let mut c = build::Context::new(&ctx.goos, &ctx.goarch, PathBuf::from(&ctx.goroot));
    c.cgo_enabled = ctx.cgo_enabled;
    c.compiler = ctx.compiler.clone();
    c.build_tags = ctx.build_tags.clone();
    c.tool_tags = ctx.tool_tags.clone();
    c.release_tags = ctx.release_tags.clone();
    c
}

/// How a directory is read: as go/build's `ImportDir` does, or as cmd/go's
/// module index does (`modindex.IndexPackage.Import`, which go list uses
/// for packages of GOROOT and of modules; the two differ on malformed
/// files). The caller decides which applies (see
/// [`crate::load::loader::Loader::read_for`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Read {
    GoBuild,
    Index,
}

/// Reads `dir` as a package under `ctx` (`ImportDir(dir, 0)`, or the
/// module index's reading of it).
pub fn import_dir(ctx: &BuildContext, dir: &str, read: Read) -> (DirPackage, Option<DirError>) {
    let c = build_context(ctx);
    let mode = build::ImportMode {
        module_index: read == Read::Index,
        ..build::ImportMode::default()
    };
    let (p, err) = build::import_dir(&c, Path::new(dir), mode);
    (
        convert(p, &|s: &str| s.to_string()),
        err.map(|e| convert_error(e, &|s: &str| s.to_string())),
    )
}

/// `ImportDir` over only the named files of `dir`, build constraints
/// ignored (`GoFilesPackage`'s `ReadDir` hook and `UseAllFiles`).
pub fn import_files(
    ctx: &BuildContext,
    dir: &str,
    files: &[String],
) -> (DirPackage, Option<DirError>) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = std::env::temp_dir().join(format!("goxide-files-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    if let Err(e) = std::fs::create_dir_all(&tmp) {
        let p = DirPackage {
            dir: dir.to_string(),
            ..DirPackage::default()
        };
        return (
            p,
            Some(DirError::Other(format!(
                "mkdir {}: {}",
                tmp.display(),
                fspath::errno_text(&e)
            ))),
        );
    }
    for f in files {
        let _ = std::os::unix::fs::symlink(fspath::join(&[dir, f]), tmp.join(f));
    }
    let mut c = build_context(ctx);
    c.use_all_files = true;
    let (p, err) = build::import_dir(&c, &tmp, build::ImportMode::default());
    let _ = std::fs::remove_dir_all(&tmp);
    let tmp_s = tmp.to_string_lossy().into_owned();
    let map = |s: &str| match s.strip_prefix(tmp_s.as_str()) {
        Some(rest) => format!("{dir}{rest}"),
        None => s.replace(tmp_s.as_str(), dir),
    };
    let mut out = convert(p, &map);
    // The package's own directory decides GOROOT membership.
    if !ctx.goroot.is_empty() {
        let src = fspath::join(&[&ctx.goroot, "src"]);
        if let Some(sub) =
            fspath::in_dir(dir, &src).filter(|s| s != "." && !s.split('/').any(|e| e == "testdata"))
        {
            out.goroot = true;
            out.root = ctx.goroot.clone();
            out.goroot_import_path = sub;
        }
    }
    (out, err.map(|e| convert_error(e, &map)))
}

fn convert_pos(p: &build::Position, map: &dyn Fn(&str) -> String) -> Position {
    Position {
        filename: map(&p.filename),
        line: p.line as u32,
        column: p.column as u32,
    }
}

fn convert_table(
    t: std::collections::BTreeMap<String, Vec<build::Position>>,
    map: &dyn Fn(&str) -> String,
) -> Vec<(String, Vec<Position>)> {
    t.into_iter()
        .map(|(k, v)| (k, v.iter().map(|p| convert_pos(p, map)).collect()))
        .collect()
}

fn convert_directives(
    d: Vec<build::Directive>,
    map: &dyn Fn(&str) -> String,
) -> Vec<(String, Position)> {
    d.into_iter()
        .map(|d| {
            let text = d
                .text
                .strip_prefix("//go:debug")
                .map(|t| t.to_string())
                .unwrap_or(d.text.clone());
            (text, convert_pos(&d.pos, map))
        })
        .filter(|(t, _)| !t.starts_with("//"))
        .collect()
}

fn convert(p: build::Package, map: &dyn Fn(&str) -> String) -> DirPackage {
    DirPackage {
        dir: map(&p.dir.to_string_lossy()),
        goroot_import_path: if p.goroot {
            p.import_path.clone()
        } else {
            String::new()
        },
        root: p.root.to_string_lossy().into_owned(),
        goroot: p.goroot,
        name: p.name,
        doc: p.doc,
        binary_only: p.binary_only,
        go_files: p.go_files,
        cgo_files: p.cgo_files,
        ignored_go_files: p.ignored_go_files,
        invalid_go_files: p.invalid_go_files,
        ignored_other_files: p.ignored_other_files,
        c_files: p.c_files,
        cxx_files: p.cxx_files,
        m_files: p.m_files,
        h_files: p.h_files,
        f_files: p.f_files,
        s_files: p.s_files,
        swig_files: p.swig_files,
        swig_cxx_files: p.swig_cxx_files,
        syso_files: p.syso_files,
        cgo_cflags: p.cgo_cflags,
        cgo_cppflags: p.cgo_cppflags,
        cgo_cxxflags: p.cgo_cxxflags,
        cgo_fflags: p.cgo_fflags,
        cgo_ldflags: p.cgo_ldflags,
        cgo_pkg_config: p.cgo_pkg_config,
        imports: p.imports,
        import_pos: convert_table(p.import_pos, map),
        test_imports: p.test_imports,
        test_import_pos: convert_table(p.test_import_pos, map),
        xtest_imports: p.xtest_imports,
        xtest_import_pos: convert_table(p.xtest_import_pos, map),
        embed_patterns: p.embed_patterns,
        embed_pattern_pos: convert_table(p.embed_pattern_pos, map),
        test_embed_patterns: p.test_embed_patterns,
        test_embed_pattern_pos: convert_table(p.test_embed_pattern_pos, map),
        xtest_embed_patterns: p.xtest_embed_patterns,
        xtest_embed_pattern_pos: convert_table(p.xtest_embed_pattern_pos, map),
        test_go_files: p.test_go_files,
        xtest_go_files: p.xtest_go_files,
        all_tags: p.all_tags,
        directives: convert_directives(p.directives, map),
        test_directives: convert_directives(p.test_directives, map),
        xtest_directives: convert_directives(p.xtest_directives, map),
    }
}

fn convert_error(e: build::ImportError, map: &dyn Fn(&str) -> String) -> DirError {
    match e {
        build::ImportError::NoGo { .. } => DirError::NoGo,
        build::ImportError::Parse(build::ParseError::List(list)) if !list.is_empty() => {
            DirError::Parse {
                pos: convert_pos(&list[0].0, map),
                msg: list[0].1.clone(),
            }
        }
        other => DirError::Other(map(&other.to_string())),
    }
}

/// Memo of [`import_dir`] per directory and way of reading, safe to
/// share between threads.
#[derive(Default)]
pub struct DirCache {
    map: Mutex<HashMap<(String, Read), Slot>>,
    ready: Condvar,
}

enum Slot {
    Loading,
    Done(DirResult),
}

impl DirCache {
    /// The package in `dir`, read now or earlier.
    pub fn get(&self, ctx: &BuildContext, dir: &str, read: Read) -> DirResult {
        let key = (dir.to_string(), read);
        {
            let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                match map.get(&key) {
                    Some(Slot::Done(r)) => return r.clone(),
                    Some(Slot::Loading) => {
                        map = self.ready.wait(map).unwrap_or_else(|e| e.into_inner());
                    }
                    None => {
                        map.insert(key.clone(), Slot::Loading);
                        break;
                    }
                }
            }
        }
        let r = Arc::new(import_dir(ctx, dir, read));
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.insert(key, Slot::Done(r.clone()));
        self.ready.notify_all();
        r
    }

    /// Reads every directory of `dirs` (not yet read) on `workers`
    /// threads, so that later [`DirCache::get`] calls find them.
    pub fn prefetch(&self, ctx: &BuildContext, dirs: &[(String, Read)], workers: usize) {
        if dirs.len() < 2 || workers < 2 {
            for (d, r) in dirs {
                self.get(ctx, d, *r);
            }
            return;
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..workers.min(dirs.len()) {
                s.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((d, r)) = dirs.get(i) else { break };
                        self.get(ctx, d, *r);
                    }
                });
            }
        });
    }
}
