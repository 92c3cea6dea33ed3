//! One directory to one package: go/build's `Context.ImportDir` (its
//! `Import(".", dir, mode)` path), `matchFile`, `MatchFile`, `findImportComment`
//! and the package's error values (`NoGoError`, `MultiplePackageError`).
//!
//! Algorithm (build.go, Go 1.27.3): the directory is cleaned and, when it
//! lies under GOROOT/src or a GOPATH src (lexically, or after resolving
//! symlinks), given that import path; its entries are read in name order;
//! each file goes through `matchFile` — names starting with `_` or `.` and
//! unknown extensions are skipped, `_GOOS`/`_GOARCH` suffixes and then
//! build constraints decide, `.syso` files are taken unread, Go files are
//! read through their imports ([`super::read`]), other sources through
//! their leading comments. Files that fail are "bad": listed in
//! `invalid_go_files`, the first failure becoming the package's error.
//! Go files are then sorted into Go, cgo, test and external-test files by
//! name, package clause and `import "C"`; a package named `documentation`
//! is ignored; a second package name is a `MultiplePackageError`. Imports,
//! embed patterns and directives are collected per kind; `.S`/`.sx` files
//! count only with cgo files. No Go file at all is a `NoGoError`.
//!
//! With [`ImportMode::module_index`] the loop is instead cmd/go's module
//! index (`cmd/go/internal/modindex`: `importRaw`/`getFileInfo` in
//! scan.go and build.go, `IndexPackage.Import` in read.go), which reads
//! every source file first and judges names and constraints afterwards;
//! [`module_index_applies`] says when cmd/go uses it (`dirHash`). Both
//! paths share the Go-file half (`add_go_file`).
//!
//! Invariants: the returned package is filled as far as reading got, even
//! with an error (Go returns both); lists keep directory order except the
//! sorted ones Go sorts (`all_tags`, imports, embed patterns, and `s_files`
//! / `ignored_other_files` when `.S` files are appended); no file is read
//! beyond what go/build reads.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use goxide_syntax::constraint;

use super::cgo::save_cgo;
use super::context::{Context, TagSet};
use super::doc::synopsis;
use super::fs_error::path_error;
use super::go_scanner::clean_path;
use super::position::Position;
use super::quoted::unquote;
use super::read::{Directive, GoInfo, ParseError, read_comments, read_go_info};
use super::unicode::{decode_rune, is_letter};

/// How much [`import_dir`] does (go/build's `ImportMode` flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportMode {
    /// Stop after locating the directory; read no files.
    pub find_only: bool,
    /// Accept a compiled package without sources (no effect on a
    /// directory import; kept for go/build parity).
    pub allow_binary: bool,
    /// Parse `// import "path"` comments on package clauses and report
    /// conflicting or malformed ones.
    pub import_comment: bool,
    /// Ignore vendor directories (no effect on a directory import).
    pub ignore_vendor: bool,
    /// Read the directory as cmd/go's module index does
    /// (`modindex.IndexPackage.Import`), which `go list` and `go build` use
    /// for packages of GOROOT and of modules: every source file is read,
    /// so a malformed file is invalid even when its name or constraints
    /// exclude it (before its tags are recorded); a malformed `//go:build`
    /// line fails the whole import at once; `//go:binary-only-package`
    /// counts only in built non-test files; `#cgo` errors and the
    /// cgo-in-test error name files by base name, and test files' `#cgo`
    /// lines are read; a non-Go source that cannot be read or has a bad
    /// header is kept; import comments are not looked at.
    pub module_index: bool,
}

/// The package found in a directory (go/build's `Package`, the fields go
/// list shows).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Package {
    /// The directory, cleaned.
    pub dir: PathBuf,
    pub name: String,
    /// The path in a `// import "x"` comment (with `import_comment` mode).
    pub import_comment: String,
    /// The synopsis of the first package doc comment of a non-test file.
    pub doc: String,
    /// The import path when the directory lies in GOROOT/src or a GOPATH
    /// src tree, else ".".
    pub import_path: String,
    /// The GOROOT or GOPATH tree holding the directory (empty if none).
    pub root: PathBuf,
    /// The directory is in GOROOT/src.
    pub goroot: bool,
    /// A GOROOT or earlier GOPATH directory this one is shadowed by.
    pub conflict_dir: PathBuf,
    /// Tags that can influence file selection here, sorted.
    pub all_tags: Vec<String>,
    /// A non-test Go file says `//go:binary-only-package`.
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

    pub test_go_files: Vec<String>,
    pub xtest_go_files: Vec<String>,

    pub directives: Vec<Directive>,
    pub test_directives: Vec<Directive>,
    pub xtest_directives: Vec<Directive>,

    /// Import paths of `go_files` and `cgo_files`, sorted, unique.
    pub imports: Vec<String>,
    pub import_pos: BTreeMap<String, Vec<Position>>,
    pub test_imports: Vec<String>,
    pub test_import_pos: BTreeMap<String, Vec<Position>>,
    pub xtest_imports: Vec<String>,
    pub xtest_import_pos: BTreeMap<String, Vec<Position>>,

    pub embed_patterns: Vec<String>,
    pub embed_pattern_pos: BTreeMap<String, Vec<Position>>,
    pub test_embed_patterns: Vec<String>,
    pub test_embed_pattern_pos: BTreeMap<String, Vec<Position>>,
    pub xtest_embed_patterns: Vec<String>,
    pub xtest_embed_pattern_pos: BTreeMap<String, Vec<Position>>,
}

impl Package {
    /// `IsCommand`: the package is named main.
    pub fn is_command(&self) -> bool {
        self.name == "main"
    }
}

/// Why [`import_dir`] failed; `Display` is go/build's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// `NoGoError`: "no buildable Go source files in DIR".
    NoGo { dir: PathBuf },
    /// `MultiplePackageError`: "found packages a (a.go) and b (b.go) in DIR".
    MultiplePackages {
        dir: PathBuf,
        packages: Vec<String>,
        files: Vec<String>,
    },
    /// A file's syntax error as go/parser reports it (cmd/go shows the
    /// first error of a list with its position).
    Parse(ParseError),
    /// Any other error, as text.
    Other(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NoGo { dir } => {
                write!(f, "no buildable Go source files in {}", dir.display())
            }
            ImportError::MultiplePackages {
                dir,
                packages,
                files,
            } => {
                // Two entries, as Go prints (its lists always have two).
                let at = |l: &[String], i: usize| l.get(i).cloned().unwrap_or_default();
                write!(
                    f,
                    "found packages {} ({}) and {} ({}) in {}",
                    at(packages, 0),
                    at(files, 0),
                    at(packages, 1),
                    at(files, 1),
                    dir.display()
                )
            }
            ImportError::Parse(e) => e.fmt(f),
            ImportError::Other(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for ImportError {}

/// `nameExt`: the extension from the last `.`, or "".
fn name_ext(name: &str) -> &str {
    name.rfind('.').map_or("", |i| &name[i..])
}

/// Which list a source extension belongs to (`fileListForExt`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum OtherList {
    C,
    Cxx,
    M,
    H,
    F,
    S,
    Swig,
    SwigCxx,
    Syso,
}

fn list_for_ext(ext: &str) -> Option<OtherList> {
    Some(match ext {
        ".c" => OtherList::C,
        ".cc" | ".cpp" | ".cxx" => OtherList::Cxx,
        ".m" => OtherList::M,
        ".h" | ".hh" | ".hpp" | ".hxx" => OtherList::H,
        ".f" | ".F" | ".for" | ".f90" => OtherList::F,
        ".s" | ".S" | ".sx" => OtherList::S,
        ".swig" => OtherList::Swig,
        ".swigcxx" => OtherList::SwigCxx,
        ".syso" => OtherList::Syso,
        _ => return None,
    })
}

impl Package {
    fn other_list(&mut self, l: OtherList) -> &mut Vec<String> {
        match l {
            OtherList::C => &mut self.c_files,
            OtherList::Cxx => &mut self.cxx_files,
            OtherList::M => &mut self.m_files,
            OtherList::H => &mut self.h_files,
            OtherList::F => &mut self.f_files,
            OtherList::S => &mut self.s_files,
            OtherList::Swig => &mut self.swig_files,
            OtherList::SwigCxx => &mut self.swig_cxx_files,
            OtherList::Syso => &mut self.syso_files,
        }
    }
}

/// What `matchFile` learned about an accepted file.
pub(crate) struct FileInfo {
    /// The full name (directory joined with the file name).
    pub(crate) name: Arc<str>,
    /// Set for Go files.
    pub(crate) go: Option<GoInfo>,
}

/// Whether a file's constraints hold, recording tags; `header` is the text
/// go/build gives `shouldBuild`.
fn should_build(
    ctx: &Context,
    header: &[u8],
    all_tags: Option<&mut TagSet>,
) -> Result<(bool, bool), String> {
    let h = constraint::parse_header(header).map_err(|e| e.to_string())?;
    let mut tags = all_tags;
    let ok = h
        .should_build(&mut |tag: &str| ctx.match_tag(tag, tags.as_deref_mut()))
        .map_err(|e| e.to_string())?;
    Ok((ok, h.binary_only))
}

/// `filepath.Join(dir, name)` for a clean `dir`: a plain `name` (no `/`,
/// not `.` or `..`, as directory entries are) needs no cleaning.
fn join_name(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        return clean_path(name);
    }
    if !name.contains('/') && name != "." && name != ".." {
        return if dir.ends_with('/') {
            format!("{dir}{name}")
        } else {
            format!("{dir}/{name}")
        };
    }
    clean_path(&format!("{dir}/{name}"))
}

/// A failure of `matchFile`: its text, and whether Go also returned the
/// file's info (a read error after opening), which keeps a non-Go source
/// in its list.
pub(crate) struct MatchError {
    pub(crate) opened: bool,
    pub(crate) text: String,
}

/// A source file read as go/build reads it: its info, and for non-Go
/// sources the leading comments (`readComments`).
struct ReadSource {
    info: FileInfo,
    comments: Vec<u8>,
}

impl ReadSource {
    /// The text whose leading lines hold the build constraints.
    fn header(&self) -> &[u8] {
        match &self.info.go {
            Some(g) => &g.header,
            None => &self.comments,
        }
    }
}

/// The reading half of `matchFile` (and of modindex's `getFileInfo`): a
/// `.syso` is not read, a Go file through its imports, another source
/// through its leading comments. `full` is the file's full name.
fn read_source(
    full: Arc<str>,
    name: &str,
    parse: bool,
    buf: &mut Vec<u8>,
) -> Result<ReadSource, MatchError> {
    if name.ends_with(".syso") {
        return Ok(ReadSource {
            info: FileInfo {
                name: full,
                go: None,
            },
            comments: Vec::new(),
        });
    }
    let file = match fs::File::open(&*full) {
        Ok(f) => f,
        Err(e) => {
            return Err(MatchError {
                opened: false,
                text: path_error("open", &full, &e),
            });
        }
    };
    let read = if name.ends_with(".go") {
        read_go_info(&full, file, parse, buf).map(|g| (Vec::new(), Some(g)))
    } else {
        read_comments(file, buf).map(|h| (h, None))
    };
    match read {
        Ok((comments, go)) => Ok(ReadSource {
            info: FileInfo { name: full, go },
            comments,
        }),
        Err(e) => Err(MatchError {
            opened: true,
            text: format!("read {full}: {}", e.text()),
        }),
    }
}

/// The extension of a file `matchFile` looks at, or `None` for names it
/// skips (`_x`, `.x`, unknown extensions).
fn source_ext(name: &str) -> Option<&str> {
    if name.starts_with('_') || name.starts_with('.') {
        return None;
    }
    let ext = name.rfind('.').map_or("", |i| &name[i..]);
    (ext == ".go" || list_for_ext(ext).is_some()).then_some(ext)
}

/// go/build's `matchFile` for the file `name` of the clean directory
/// `dir`: `Ok(None)` for a file this build ignores, `Ok(Some(info))` for
/// one it uses, and `Err` for a failure.
pub(crate) fn match_file(
    ctx: &Context,
    dir: &str,
    name: &str,
    mut all_tags: Option<&mut TagSet>,
    binary_only: Option<&mut bool>,
    parse: bool,
    buf: &mut Vec<u8>,
) -> Result<Option<FileInfo>, MatchError> {
    if source_ext(name).is_none() {
        return Ok(None);
    }
    if !ctx.good_os_arch_file(name, all_tags.as_deref_mut()) && !ctx.use_all_files {
        return Ok(None);
    }
    let full: Arc<str> = Arc::from(join_name(dir, name));
    if name.ends_with(".syso") {
        return Ok(Some(FileInfo {
            name: full,
            go: None,
        }));
    }
    let src = read_source(full, name, parse, buf)?;
    let (ok, saw_binary_only) = match should_build(ctx, src.header(), all_tags) {
        Ok(r) => r,
        Err(e) => {
            return Err(MatchError {
                opened: false,
                text: format!("{name}: {e}"),
            });
        }
    };
    if !ok && !ctx.use_all_files {
        return Ok(None);
    }
    // //go:binary-only-package counts only in non-test Go files.
    if let Some(b) = binary_only
        && saw_binary_only
        && name.ends_with(".go")
        && !name.ends_with("_test.go")
    {
        *b = true;
    }
    Ok(Some(src.info))
}

impl Context {
    /// `Context.MatchFile`: whether the file `name` in `dir` would be part
    /// of the package [`import_dir`] builds there (name, constraints; the
    /// header is read but not parsed). Errors are go/build's texts.
    pub fn match_file(&self, dir: &Path, name: &str) -> Result<bool, String> {
        let dir = clean_path(&dir.to_string_lossy());
        match match_file(self, &dir, name, None, None, false, &mut Vec::new()) {
            Ok(info) => Ok(info.is_some()),
            Err(e) => Err(e.text),
        }
    }
}

/// `hasSubdir`'s lexical test: `dir` relative to `root` with slashes.
fn has_subdir_lexical(root: &str, dir: &str) -> Option<String> {
    let mut root = clean_path(root);
    if !root.ends_with('/') {
        root.push('/');
    }
    clean_path(dir).strip_prefix(&root).map(str::to_string)
}

/// `filepath.EvalSymlinks` as text ("" when it fails).
fn eval_symlinks(p: &Path) -> String {
    fs::canonicalize(p)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// [`eval_symlinks`] of a root (GOROOT/src, a GOPATH src), remembered for
/// the life of the process: every directory outside the root asks again.
fn eval_root_symlinks(root: &Path) -> String {
    static ROOTS: std::sync::Mutex<Vec<(PathBuf, String)>> = std::sync::Mutex::new(Vec::new());
    let mut roots = ROOTS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, real)) = roots.iter().find(|(r, _)| r == root) {
        return real.clone();
    }
    let real = eval_symlinks(root);
    roots.push((root.to_path_buf(), real.clone()));
    real
}

/// `Context.hasSubdir`: lexically, then with symlinks resolved on either
/// side.
fn has_subdir(root: &Path, dir: &Path) -> Option<String> {
    let r = root.to_string_lossy();
    let d = dir.to_string_lossy();
    if let Some(rel) = has_subdir_lexical(&r, &d) {
        return Some(rel);
    }
    let root_sym = eval_root_symlinks(root);
    let dir_sym = eval_symlinks(dir);
    has_subdir_lexical(&root_sym, &d)
        .or_else(|| has_subdir_lexical(&r, &dir_sym))
        .or_else(|| has_subdir_lexical(&root_sym, &dir_sym))
}

fn in_testdata(sub: &str) -> bool {
    sub.contains("/testdata/")
        || sub.ends_with("/testdata")
        || sub.starts_with("testdata/")
        || sub == "testdata"
}

fn is_dir(p: &Path) -> bool {
    fs::metadata(p).is_ok_and(|m| m.is_dir())
}

/// `Context.gopath`: GOPATH entries that are not empty, not GOROOT, and do
/// not start with `~`.
fn gopath_roots(ctx: &Context) -> Vec<&Path> {
    ctx.gopath
        .iter()
        .filter(|p| {
            let s = p.to_string_lossy();
            !s.is_empty() && **p != ctx.goroot && !s.starts_with('~')
        })
        .map(PathBuf::as_path)
        .collect()
}

/// The per-directory state of the file loop.
struct Collect {
    bad_error: Option<ImportError>,
    first_file: String,
    first_comment_file: String,
    s_files_cgo: Vec<String>,
    all_tags: TagSet,
    import_pos: BTreeMap<String, Vec<Position>>,
    test_import_pos: BTreeMap<String, Vec<Position>>,
    xtest_import_pos: BTreeMap<String, Vec<Position>>,
    embed_pos: BTreeMap<String, Vec<Position>>,
    test_embed_pos: BTreeMap<String, Vec<Position>>,
    xtest_embed_pos: BTreeMap<String, Vec<Position>>,
    /// Scratch space for reading files.
    buf: Vec<u8>,
}

impl Collect {
    fn bad_go_file(&mut self, p: &mut Package, name: &str, err: ImportError) {
        if self.bad_error.is_none() {
            self.bad_error = Some(err);
        }
        if !p.invalid_go_files.iter().any(|f| f == name) {
            p.invalid_go_files.push(name.to_string());
        }
    }
}

/// go/build's `Context.ImportDir(dir, mode)`: the package in `dir`, and
/// the error go/build returns with it, if any.
pub fn import_dir(ctx: &Context, dir: &Path, mode: ImportMode) -> (Package, Option<ImportError>) {
    let mut p = Package {
        import_path: ".".to_string(),
        ..Package::default()
    };
    let pkgerr = match ctx.compiler.as_str() {
        "gc" | "gccgo" => None,
        c => Some(ImportError::Other(format!(
            "import \".\": unknown compiler {}",
            super::quoted::quote(c)
        ))),
    };
    if dir.as_os_str().is_empty() {
        return (
            p,
            Some(ImportError::Other(
                "import \".\": import relative to unknown directory".into(),
            )),
        );
    }
    p.dir = PathBuf::from(clean_path(&dir.to_string_lossy()));

    let mut found = false;
    if !ctx.goroot.as_os_str().is_empty()
        && let Some(sub) = has_subdir(&ctx.goroot.join("src"), &p.dir)
        && !in_testdata(&sub)
    {
        p.goroot = true;
        p.import_path = sub;
        p.root = ctx.goroot.clone();
        found = true;
    }
    if !found {
        let all = gopath_roots(ctx);
        for (i, root) in all.iter().enumerate() {
            let Some(sub) = has_subdir(&root.join("src"), &p.dir) else {
                continue;
            };
            if in_testdata(&sub) {
                continue;
            }
            if !ctx.goroot.as_os_str().is_empty() && ctx.compiler != "gccgo" {
                let d = ctx.goroot.join("src").join(&sub);
                if is_dir(&d) {
                    p.conflict_dir = d;
                    break;
                }
            }
            if let Some(d) = all[..i]
                .iter()
                .map(|r| r.join("src").join(&sub))
                .find(|d| is_dir(d))
            {
                p.conflict_dir = d;
                break;
            }
            p.import_path = sub;
            p.root = root.to_path_buf();
            break;
        }
    }

    if !is_dir(&p.dir) {
        if ctx.compiler == "gccgo" && p.goroot {
            return (p, None);
        }
        let msg = format!(
            "cannot find package {} in:\n\t{}",
            super::quoted::quote(&p.import_path),
            p.dir.display()
        );
        return (p, Some(ImportError::Other(msg)));
    }
    if mode.find_only {
        return (p, pkgerr);
    }
    if ctx.compiler == "gccgo" && p.goroot {
        return (p, None);
    }

    let entries = match read_dir_sorted(&p.dir) {
        Ok(e) => e,
        Err(e) => return (p, Some(ImportError::Other(e))),
    };

    let mut c = Collect {
        bad_error: None,
        first_file: String::new(),
        first_comment_file: String::new(),
        s_files_cgo: Vec::new(),
        all_tags: TagSet::new(),
        import_pos: BTreeMap::new(),
        test_import_pos: BTreeMap::new(),
        xtest_import_pos: BTreeMap::new(),
        embed_pos: BTreeMap::new(),
        test_embed_pos: BTreeMap::new(),
        xtest_embed_pos: BTreeMap::new(),
        buf: Vec::new(),
    };
    let dir_path = p.dir.clone();
    let dir_text = dir_path.to_string_lossy().into_owned();
    for (name, kind) in entries {
        match kind {
            EntryKind::Dir => continue,
            EntryKind::Symlink if is_dir(&dir_path.join(&name)) => continue,
            _ => {}
        }
        if mode.module_index {
            if let Err(e) = import_file_indexed(ctx, mode, &mut p, &mut c, &dir_text, &name) {
                return (p, Some(e));
            }
        } else {
            import_file(ctx, mode, &mut p, &mut c, &dir_text, &name);
        }
    }

    p.all_tags = std::mem::take(&mut c.all_tags).into_iter().collect();
    (p.embed_patterns, p.embed_pattern_pos) = clean_decls(std::mem::take(&mut c.embed_pos));
    (p.test_embed_patterns, p.test_embed_pattern_pos) =
        clean_decls(std::mem::take(&mut c.test_embed_pos));
    (p.xtest_embed_patterns, p.xtest_embed_pattern_pos) =
        clean_decls(std::mem::take(&mut c.xtest_embed_pos));
    (p.imports, p.import_pos) = clean_decls(std::mem::take(&mut c.import_pos));
    (p.test_imports, p.test_import_pos) = clean_decls(std::mem::take(&mut c.test_import_pos));
    (p.xtest_imports, p.xtest_import_pos) = clean_decls(std::mem::take(&mut c.xtest_import_pos));

    if !p.cgo_files.is_empty() {
        p.s_files.append(&mut c.s_files_cgo);
        p.s_files.sort();
    } else {
        p.ignored_other_files.append(&mut c.s_files_cgo);
        p.ignored_other_files.sort();
    }

    if let Some(e) = c.bad_error {
        return (p, Some(e));
    }
    if p.go_files.len() + p.cgo_files.len() + p.test_go_files.len() + p.xtest_go_files.len() == 0 {
        let dir = p.dir.clone();
        return (p, Some(ImportError::NoGo { dir }));
    }
    (p, pkgerr)
}

/// Whether cmd/go would read `dir` through its module index
/// ([`ImportMode::module_index`]) rather than with go/build, as
/// `modindex.dirHash` decides for a package outside the module cache:
/// every entry that is not a directory must be a regular file (no
/// symlinks) last modified at least two seconds ago (`modTimeCutoff`).
/// A directory that cannot be read is not indexed either. (cmd/go also
/// skips the index with GOCACHE=off or GODEBUG=goindex=0; the caller
/// knows those.)
pub fn module_index_applies(dir: &Path) -> bool {
    let Ok(rd) = fs::read_dir(dir) else {
        return false;
    };
    let cutoff = std::time::SystemTime::now() - std::time::Duration::from_secs(2);
    for entry in rd {
        let Ok(entry) = entry else { return false };
        let Ok(t) = entry.file_type() else {
            return false;
        };
        if t.is_dir() {
            continue;
        }
        if !t.is_file() {
            return false;
        }
        match entry.metadata().and_then(|m| m.modified()) {
            Ok(m) if m <= cutoff => {}
            _ => return false,
        }
    }
    true
}

/// The kind of a directory entry, as `DirEntry.Type` tells it (symlinks
/// not followed).
#[derive(Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    Dir,
    Symlink,
    Other,
}

/// `os.ReadDir`: the entries sorted by name, or Go's error text.
fn read_dir_sorted(dir: &Path) -> Result<Vec<(String, EntryKind)>, String> {
    let shown = dir.to_string_lossy();
    let rd = fs::read_dir(dir).map_err(|e| path_error("open", &shown, &e))?;
    let mut out: Vec<(std::ffi::OsString, EntryKind)> = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| path_error("readdirent", &shown, &e))?;
        let kind = match entry.file_type() {
            Ok(t) if t.is_dir() => EntryKind::Dir,
            Ok(t) if t.is_symlink() => EntryKind::Symlink,
            _ => EntryKind::Other,
        };
        out.push((entry.file_name(), kind));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out
        .into_iter()
        .map(|(n, k)| (n.to_string_lossy().into_owned(), k))
        .collect())
}

/// `cleanDecls`: the sorted keys and the map.
fn clean_decls(
    m: BTreeMap<String, Vec<Position>>,
) -> (Vec<String>, BTreeMap<String, Vec<Position>>) {
    (m.keys().cloned().collect(), m)
}

/// The body of Import's file loop for one non-directory entry (go/build).
fn import_file(
    ctx: &Context,
    mode: ImportMode,
    p: &mut Package,
    c: &mut Collect,
    dir: &str,
    name: &str,
) {
    let ext = name_ext(name);
    let mut binary_only = p.binary_only;
    let matched = match_file(
        ctx,
        dir,
        name,
        Some(&mut c.all_tags),
        Some(&mut binary_only),
        true,
        &mut c.buf,
    );
    p.binary_only = binary_only;
    let info = match matched {
        Err(e) if name.ends_with(".go") => {
            c.bad_go_file(p, name, ImportError::Other(e.text));
            return;
        }
        // A non-Go source that failed to read is still used, unchecked.
        Err(e) if e.opened => Some(FileInfo {
            name: Arc::from(""),
            go: None,
        }),
        Err(_) => None,
        Ok(info) => info,
    };
    let Some(info) = info else {
        if name.starts_with('_') || name.starts_with('.') {
            // not due to build constraints - don't report
        } else if ext == ".go" {
            p.ignored_go_files.push(name.to_string());
        } else if list_for_ext(ext).is_some() {
            p.ignored_other_files.push(name.to_string());
        }
        return;
    };
    if !add_non_go(p, c, name, ext) {
        return;
    }
    let Some(go) = info.go else { return };
    if let Some(e) = &go.parse_err {
        c.bad_go_file(p, name, ImportError::Parse(e.clone()));
    }
    add_go_file(ctx, mode, p, c, name, &info.name, go, None);
}

/// The body of `IndexPackage.Import`'s file loop (cmd/go's module index):
/// the file is read whatever its name says, read and parse errors make it
/// invalid before its name and constraints are consulted, and a bad
/// `//go:build` line aborts the whole import (`Err`).
fn import_file_indexed(
    ctx: &Context,
    mode: ImportMode,
    p: &mut Package,
    c: &mut Collect,
    dir: &str,
    name: &str,
) -> Result<(), ImportError> {
    let Some(ext) = source_ext(name) else {
        return Ok(());
    };
    let full: Arc<str> = Arc::from(join_name(dir, name));
    // getFileInfo: read, then the header's constraints.
    let read = read_source(full, name, true, &mut c.buf).and_then(|src| {
        let h = constraint::parse_header(src.header()).map_err(|e| MatchError {
            opened: false,
            text: format!("{name}: {e}"),
        })?;
        let go_build = h.go_build.map(|l| l.text.to_vec());
        let plus_build: Vec<Vec<u8>> = h.plus_build.iter().map(|l| l.text.to_vec()).collect();
        let binary_only = h.binary_only && !name.ends_with("_test.go");
        Ok((src.info, go_build, plus_build, binary_only))
    });
    let (info, go_build, plus_build, binary_only) = match read {
        Ok(r) => (Some(r.0), r.1, r.2, r.3),
        Err(e) if ext == ".go" => {
            c.bad_go_file(p, name, ImportError::Other(e.text));
            return Ok(());
        }
        // Non-Go sources with errors have no constraints; they stay.
        Err(_) => (None, None, Vec::new(), false),
    };
    if let Some(FileInfo { go: Some(go), .. }) = &info
        && let Some(e) = &go.parse_err
    {
        c.bad_go_file(p, name, ImportError::Parse(e.clone()));
    }

    let mut should_build = true;
    if !ctx.good_os_arch_file(name, Some(&mut c.all_tags)) && !ctx.use_all_files {
        should_build = false;
    } else if let Some(line) = &go_build {
        match constraint::parse(line) {
            Ok(x) => should_build = ctx.eval(&x, Some(&mut c.all_tags)),
            Err(e) => {
                return Err(ImportError::Other(format!(
                    "{name}: parsing //go:build line: {e}"
                )));
            }
        }
    } else {
        for line in &plus_build {
            if let Ok(x) = constraint::parse(line)
                && !ctx.eval(&x, Some(&mut c.all_tags))
            {
                should_build = false;
            }
        }
    }
    if !should_build {
        if ext == ".go" {
            p.ignored_go_files.push(name.to_string());
        } else {
            p.ignored_other_files.push(name.to_string());
        }
        return Ok(());
    }
    if !add_non_go(p, c, name, ext) {
        return Ok(());
    }
    let Some(FileInfo {
        name: full,
        go: Some(go),
    }) = info
    else {
        return Ok(());
    };
    add_go_file(ctx, mode, p, c, name, &full, go, Some(binary_only));
    Ok(())
}

/// Files other than Go files go to their lists (`.S`/`.sx` wait for the
/// cgo decision); true for a Go file, which the caller goes on with.
fn add_non_go(p: &mut Package, c: &mut Collect, name: &str, ext: &str) -> bool {
    match ext {
        ".go" => true,
        ".S" | ".sx" => {
            c.s_files_cgo.push(name.to_string());
            false
        }
        _ => {
            if let Some(l) = list_for_ext(ext) {
                p.other_list(l).push(name.to_string());
            }
            false
        }
    }
}

/// The Go-file half of the loop, shared by both semantics: the package
/// name, test kinds, doc, import comment, cgo, and the file's imports,
/// embeds and directives. `index_binary_only` is `Some` under the module
/// index's rules (binary-only counted here; `#cgo` errors and the
/// cgo-in-test error name the file by its base name; `#cgo` lines of test
/// files are read too; import comments are not looked at).
#[allow(clippy::too_many_arguments)]
fn add_go_file(
    ctx: &Context,
    mode: ImportMode,
    p: &mut Package,
    c: &mut Collect,
    name: &str,
    filename: &str,
    go: GoInfo,
    index_binary_only: Option<bool>,
) {
    let index = index_binary_only.is_some();
    let mut pkg = go
        .parsed
        .as_ref()
        .map(|f| f.name.clone())
        .unwrap_or_default();
    if pkg == "documentation" {
        p.ignored_go_files.push(name.to_string());
        return;
    }
    let is_test = name.ends_with("_test.go");
    let mut is_xtest = false;
    if is_test && pkg.ends_with("_test") && p.name != pkg {
        is_xtest = true;
        pkg.truncate(pkg.len() - "_test".len());
    }
    if !is_test && index_binary_only == Some(true) {
        p.binary_only = true;
    }
    if p.name.is_empty() {
        p.name = pkg;
        c.first_file = name.to_string();
    } else if pkg != p.name {
        let err = ImportError::MultiplePackages {
            dir: p.dir.clone(),
            packages: vec![p.name.clone(), pkg],
            files: vec![c.first_file.clone(), name.to_string()],
        };
        c.bad_go_file(p, name, err);
    }
    if p.doc.is_empty()
        && !is_test
        && !is_xtest
        && let Some(text) = go.doc_text()
    {
        p.doc = synopsis(&text);
    }

    if mode.import_comment
        && !index
        && let Some((qcom, line)) = find_import_comment(&go.header)
    {
        match unquote(qcom.as_bytes()) {
            None => {
                let msg = format!("{filename}:{line}: cannot parse import comment");
                c.bad_go_file(p, name, ImportError::Other(msg));
            }
            Some(com) => {
                let com = String::from_utf8_lossy(&com).into_owned();
                if p.import_comment.is_empty() {
                    p.import_comment = com;
                    c.first_comment_file = name.to_string();
                } else if p.import_comment != com {
                    let msg = format!(
                        "found import comments {} ({}) and {} ({}) in {}",
                        super::quoted::quote(&p.import_comment),
                        c.first_comment_file,
                        super::quoted::quote(&com),
                        name,
                        p.dir.display()
                    );
                    c.bad_go_file(p, name, ImportError::Other(msg));
                }
            }
        }
    }

    let mut is_cgo = false;
    if index {
        for imp in &go.imports {
            if imp.path == "C" {
                if is_test {
                    let msg = format!("use of cgo in test {name} not supported");
                    c.bad_go_file(p, name, ImportError::Other(msg));
                    continue;
                }
                is_cgo = true;
            }
        }
        // extractCgoDirectives: the #cgo lines of every `import "C"` doc.
        let lines: Vec<&str> = go
            .imports
            .iter()
            .filter(|imp| imp.path == "C")
            .filter_map(|imp| imp.cgo_doc.as_deref())
            .flat_map(|doc| doc.split('\n'))
            .map(super::cgo::trim_space)
            .filter(|l| {
                let b = l.as_bytes();
                b.len() >= 5 && &b[..4] == b"#cgo" && (b[4] == b' ' || b[4] == b'\t')
            })
            .collect();
        if !lines.is_empty()
            && let Err(e) = save_cgo(ctx, name, p, &lines.join("\n"))
        {
            c.bad_go_file(p, name, ImportError::Other(e));
        }
    } else {
        for imp in &go.imports {
            if imp.path == "C" {
                if is_test {
                    let msg = format!("use of cgo in test {filename} not supported");
                    c.bad_go_file(p, name, ImportError::Other(msg));
                    continue;
                }
                is_cgo = true;
                if let Some(doc) = &imp.cgo_doc
                    && let Err(e) = save_cgo(ctx, filename, p, doc)
                {
                    c.bad_go_file(p, name, ImportError::Other(e));
                }
            }
        }
    }

    enum Kind {
        Go,
        Cgo,
        Ignored,
        Test,
        XTest,
    }
    let kind = if is_cgo {
        c.all_tags.insert("cgo".to_string());
        if ctx.cgo_enabled {
            Kind::Cgo
        } else {
            Kind::Ignored
        }
    } else if is_xtest {
        Kind::XTest
    } else if is_test {
        Kind::Test
    } else {
        Kind::Go
    };
    let (files, imports, embeds, directives) = match kind {
        Kind::Go => (
            &mut p.go_files,
            Some(&mut c.import_pos),
            Some(&mut c.embed_pos),
            Some(&mut p.directives),
        ),
        Kind::Cgo => (
            &mut p.cgo_files,
            Some(&mut c.import_pos),
            Some(&mut c.embed_pos),
            Some(&mut p.directives),
        ),
        Kind::Ignored => (&mut p.ignored_go_files, None, None, None),
        Kind::Test => (
            &mut p.test_go_files,
            Some(&mut c.test_import_pos),
            Some(&mut c.test_embed_pos),
            Some(&mut p.test_directives),
        ),
        Kind::XTest => (
            &mut p.xtest_go_files,
            Some(&mut c.xtest_import_pos),
            Some(&mut c.xtest_embed_pos),
            Some(&mut p.xtest_directives),
        ),
    };
    files.push(name.to_string());
    if let Some(m) = imports {
        for imp in go.imports {
            m.entry(imp.path).or_default().push(imp.pos);
        }
    }
    if let Some(m) = embeds {
        for e in go.embeds {
            m.entry(e.pattern).or_default().push(e.pos);
        }
    }
    if let Some(d) = directives {
        d.extend(go.directives);
    }
}

/// `skipSpaceOrComment`: the offset after leading spaces and comments
/// (`None` for an unterminated comment, Go's nil).
fn skip_space_or_comment(data: &[u8], mut i: usize) -> Option<usize> {
    while i < data.len() {
        match data[i] {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'/' if data[i..].starts_with(b"//") => {
                let nl = data[i..].iter().position(|&b| b == b'\n')?;
                i += nl + 1;
                continue;
            }
            b'/' if data[i..].starts_with(b"/*") => {
                let body = &data[i + 2..];
                let end = body.windows(2).position(|w| w == b"*/")?;
                i += 2 + end + 2;
                continue;
            }
            _ => {}
        }
        break;
    }
    Some(i)
}

/// `parseWord`: the word after spaces and comments, as `(start, end)`
/// offsets; `None` when there is no word (Go's nil).
fn parse_word(data: &[u8], from: usize) -> Option<(usize, usize)> {
    let start = skip_space_or_comment(data, from)?;
    let mut end = start;
    while end < data.len() {
        let (r, size) = decode_rune(&data[end..]);
        if is_letter(r) || (b'0' as u32..=b'9' as u32).contains(&r) || r == b'_' as u32 {
            end += size;
            continue;
        }
        break;
    }
    (end > start).then_some((start, end))
}

/// `findImportComment`: the quoted path of a `// import "x"` or
/// `/* import "x" */` comment on the package clause's line, and the line
/// go/build reports for it (always 1: Go counts from the package name).
fn find_import_comment(data: &[u8]) -> Option<(String, usize)> {
    let (s, e) = parse_word(data, 0)?;
    if &data[s..e] != b"package" {
        return None;
    }
    let (_, name_end) = parse_word(data, e).unwrap_or((data.len(), data.len()));
    let mut d = name_end;
    while d < data.len() && matches!(data[d], b' ' | b'\t' | b'\r') {
        d += 1;
    }
    let rest = &data[d..];
    let comment: &[u8] = if rest.starts_with(b"//") {
        let c = &rest[2..];
        &c[..c.iter().position(|&b| b == b'\n').unwrap_or(c.len())]
    } else if rest.starts_with(b"/*") {
        let c = &rest[2..];
        let end = c.windows(2).position(|w| w == b"*/")?;
        let c = &c[..end];
        if c.contains(&b'\n') {
            return None;
        }
        c
    } else {
        &rest[..0]
    };
    // bytes.TrimSpace(comment)
    let text = String::from_utf8_lossy(comment);
    let trimmed = super::cgo::trim_space(&text);
    let tb = trimmed.as_bytes();
    let (ws, we) = parse_word(tb, 0)?;
    if &tb[ws..we] != b"import" {
        return None;
    }
    // Go counts the newlines between the package name and the path, and
    // the comment holds none (a `//` comment ends at the newline, a `/*`
    // one containing a newline was refused above): the line is always 1.
    let line = 1;
    Some((super::cgo::trim_space(&trimmed[we..]).to_string(), line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_comments() {
        assert_eq!(
            find_import_comment(b"package p // import \"a/b\"\n"),
            Some(("\"a/b\"".to_string(), 1))
        );
        assert_eq!(
            find_import_comment(b"// c\n\npackage p /* import \"x\" */\n"),
            Some(("\"x\"".to_string(), 1))
        );
        assert_eq!(find_import_comment(b"package p\n// import \"x\"\n"), None);
        assert_eq!(find_import_comment(b"package p // importx\n"), None);
    }

    #[test]
    fn subdirs() {
        assert_eq!(
            has_subdir_lexical("/a/b/", "/a/b/c/d"),
            Some("c/d".to_string())
        );
        assert_eq!(has_subdir_lexical("/a/b", "/a/b"), None);
        assert_eq!(has_subdir_lexical("/a/b", "/a/bc"), None);
        assert!(
            in_testdata("x/testdata") && in_testdata("testdata/y") && !in_testdata("xtestdata")
        );
    }
}
