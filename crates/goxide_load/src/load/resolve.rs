//! Import paths to directories: which module provides a package and where
//! its files are. Mirrors cmd/go's `modload/import.go`
//! (`importFromModules`, `dirInModule`, `queryImport` in readonly mode, and
//! the error types `ImportMissingError`, `AmbiguousImportError`,
//! `ImportMissingSumError`, `invalidImportError`), `modload/load.go`
//! (`Lookup`, `stdVendor`) and `modload/build.go`
//! (`findStandardImportPath`).
//!
//! Algorithm (`importFromModules`): a path in the standard library
//! (no dot in its first element, a directory of `.go` files under
//! GOROOT/src) resolves there; in vendor mode only the main modules and
//! the vendor directory are searched; otherwise every prefix of the path
//! that names a module selected by the root requirements is checked for
//! a directory with `.go` files, then, if none, the same against the full
//! module graph. One hit is the answer, several are ambiguous, none is
//! "missing". Standard-library importers see `GOROOT/src/vendor` (or
//! `cmd/vendor`) first (`stdVendor`).
//!
//! Resolutions are memoised per (already vendor-expanded) path: the
//! answer does not depend on the importer, as in go's package cache.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::fspath;
use super::modules::{BuildMod, FetchError, Modules};
use super::search;
use crate::modfile::gover;
use crate::module::Version;

/// From this go version on, vendored packages must be listed in
/// vendor/modules.txt (`gover.ExplicitModulesTxtImportVersion`).
const EXPLICIT_MODULES_TXT_IMPORT_VERSION: &str = "1.23";

/// Where an import path leads.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    /// The canonical import path (after `stdVendor`).
    pub path: String,
    /// The package directory (empty when not found).
    pub dir: String,
    /// The providing module (`None` for the standard library).
    pub module: Option<Version>,
    /// The module's root directory.
    pub mod_root: String,
    pub err: Option<ImportError>,
}

/// Why an import path does not resolve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub text: String,
    /// The import path the error names (go's `ImportPathError`), if any.
    pub import_path: Option<String>,
    pub kind: ImportErrorKind,
    /// For a missing go.sum entry: the modules whose sums are missing and
    /// whether the package was found anyway (to reword the error once
    /// the importer is known).
    pub sum_mods: Vec<Version>,
    pub sum_found: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    Missing,
    MissingSum,
    Ambiguous,
    Invalid,
    Other,
}

impl ImportError {
    fn new(kind: ImportErrorKind, path: Option<&str>, text: String) -> ImportError {
        ImportError {
            text,
            import_path: path.map(str::to_string),
            kind,
            sum_mods: Vec::new(),
            sum_found: false,
        }
    }
}

/// Memoised import resolution over one module state.
pub struct Resolver<'m> {
    pub modules: &'m Modules,
    goroot: String,
    goroot_src: String,
    cache: Mutex<HashMap<String, Arc<Resolved>>>,
    go_dir_cache: Mutex<HashMap<String, bool>>,
    std_cache: Mutex<HashMap<String, bool>>,
}

impl<'m> Resolver<'m> {
    pub fn new(modules: &'m Modules, goroot: &str) -> Resolver<'m> {
        Resolver {
            modules,
            goroot: goroot.to_string(),
            goroot_src: fspath::join(&[goroot, "src"]),
            cache: Mutex::new(HashMap::new()),
            go_dir_cache: Mutex::new(HashMap::new()),
            std_cache: Mutex::new(HashMap::new()),
        }
    }

    /// `Lookup(parentPath, parentIsStd, path)`.
    pub fn lookup(&self, parent_path: &str, parent_is_std: bool, path: &str) -> Arc<Resolved> {
        let path = if parent_is_std {
            self.std_vendor(parent_path, path)
        } else {
            path.to_string()
        };
        if let Some(r) = self.cache.lock().unwrap().get(&path) {
            return r.clone();
        }
        let r = Arc::new(self.import_from_modules(&path));
        self.cache.lock().unwrap().insert(path, r.clone());
        r
    }

    /// The resolution of `path` if it was already resolved (go's
    /// `findModule` over the loaded packages).
    pub fn peek(&self, path: &str) -> Option<Arc<Resolved>> {
        self.cache.lock().unwrap().get(path).cloned()
    }

    /// `stdVendor`: imports from the standard library see GOROOT's vendor
    /// directories first.
    pub fn std_vendor(&self, parent_path: &str, path: &str) -> String {
        if search::is_standard_import_path(path) {
            return path.to_string();
        }
        let vendor_path = if fspath::has_path_prefix(parent_path, "cmd") {
            format!("cmd/vendor/{path}")
        } else {
            format!("vendor/{path}")
        };
        if std::path::Path::new(&fspath::join(&[&self.goroot_src, &vendor_path])).exists() {
            return vendor_path;
        }
        path.to_string()
    }

    /// `modindex.IsStandardPackage` for the gc compiler: GOROOT/src/path
    /// holds `.go` files (memoised).
    pub fn is_standard_package(&self, path: &str) -> bool {
        if let Some(&b) = self.std_cache.lock().unwrap().get(path) {
            return b;
        }
        let dir = fspath::join(&[&self.goroot_src, path]);
        let b = std::fs::read_dir(&dir).is_ok_and(|rd| {
            rd.flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(".go"))
        });
        self.std_cache.lock().unwrap().insert(path.to_string(), b);
        b
    }

    /// `findStandardImportPath`.
    pub fn find_standard_import_path(&self, path: &str) -> Option<String> {
        if search::is_standard_import_path(path) && self.is_standard_package(path) {
            return Some(fspath::join(&[&self.goroot, "src", path]));
        }
        None
    }

    /// `fsys.IsGoDir`, memoised.
    fn is_go_dir(&self, dir: &str) -> bool {
        if let Some(&b) = self.go_dir_cache.lock().unwrap().get(dir) {
            return b;
        }
        let b = match std::fs::read_dir(dir) {
            Ok(rd) => rd.flatten().any(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".go")
                    && std::fs::metadata(fspath::join(&[dir, &name])).is_ok_and(|m| m.is_file())
            }),
            Err(_) => false,
        };
        self.go_dir_cache.lock().unwrap().insert(dir.to_string(), b);
        b
    }

    /// `dirInModule`: the directory `path` would have in module `mpath`
    /// rooted at `mdir`, and whether it holds `.go` files; `None` if the
    /// path is not in the module (or, for local trees, in a nested one).
    fn dir_in_module(
        &self,
        path: &str,
        mpath: &str,
        mdir: &str,
        is_local: bool,
    ) -> Option<(String, bool)> {
        let dir = if path == mpath {
            mdir.to_string()
        } else if mpath.is_empty() {
            fspath::join(&[mdir, path])
        } else if path.len() > mpath.len()
            && path.as_bytes()[mpath.len()] == b'/'
            && path.starts_with(mpath)
        {
            fspath::join(&[mdir, &path[mpath.len() + 1..]])
        } else {
            return None;
        };
        if is_local {
            let mut d = dir.clone();
            while d != mdir && d.len() > mdir.len() {
                if fspath::is_file(&fspath::join(&[&d, "go.mod"])) {
                    return None;
                }
                let parent = fspath::dir(&d);
                if parent == d {
                    break;
                }
                d = parent;
            }
        }
        let have = self.is_go_dir(&dir);
        Some((dir, have))
    }

    fn missing(&self, path: &str, is_std: bool, query_err: Option<String>) -> ImportError {
        let m = self.modules;
        let text = if is_std {
            format!(
                "package {path} is not in std ({})",
                fspath::join(&[&self.goroot, "src", path])
            )
        } else if m.build_mod == BuildMod::Mod {
            format!("cannot find module providing package {path}")
        } else {
            let msg = format!("no required module provides package {path}");
            match query_err {
                Some(q) => format!("{msg}: {q}"),
                None => format!("{msg}; to add it:\n\tgo get {path}"),
            }
        };
        ImportError::new(ImportErrorKind::Missing, Some(path), text)
    }

    /// The error `queryImport` leaves on a missing package in readonly or
    /// vendor mode (goxide never looks a module up remotely).
    fn missing_after_query(&self, path: &str) -> ImportError {
        let m = self.modules;
        if !m.has_mod_root {
            return self.missing(
                path,
                search::is_standard_import_path(path),
                Some(if m.in_workspace_mode() {
                    "no modules were found in the current workspace; see 'go help work'".into()
                } else {
                    "go.mod file not found in current directory or any parent directory; see 'go help modules'".into()
                }),
            );
        }
        // A replaced module (at its highest replaced version) that would
        // provide the package: go suggests requiring it.
        for (mp, mv) in self.highest_replaced() {
            if !(path == mp
                || (path.len() > mp.len()
                    && path.as_bytes()[mp.len()] == b'/'
                    && path.starts_with(&mp)))
            {
                continue;
            }
            let mv = if mv.is_empty() {
                zero_pseudo_version(&mp)
            } else {
                mv
            };
            let sel = m.graph().0.selected(&mp);
            if super::modules::mod_compare(&mp, &sel, &mv).is_ge() {
                continue;
            }
            let v = Version {
                path: mp.clone(),
                version: mv.clone(),
            };
            if let Ok((root, local)) = m.fetch(&v)
                && let Some((_, true)) = self.dir_in_module(path, &mp, &root, local)
                && m.build_mod == BuildMod::Readonly
            {
                let arg = if mv.starts_with("v0.0.0-00010101000000-")
                    || mv.contains("-00010101000000-")
                {
                    mp.clone()
                } else {
                    format!("{mp}@{mv}")
                };
                return ImportError::new(
                    ImportErrorKind::Missing,
                    Some(path),
                    format!(
                        "module {mp} provides package {path} and is replaced but not required; to add it:\n\tgo get {arg}"
                    ),
                );
            }
        }
        if search::is_standard_import_path(path) {
            return self.missing(path, true, None);
        }
        let q = if m.build_mod_explicit {
            Some(format!(
                "import lookup disabled by -mod={}",
                m.build_mod.as_str()
            ))
        } else if !m.build_mod_reason.is_empty() {
            Some(format!(
                "import lookup disabled by -mod={}\n\t({})",
                m.build_mod.as_str(),
                m.build_mod_reason
            ))
        } else {
            None
        };
        self.missing(path, false, q)
    }

    fn highest_replaced(&self) -> Vec<(String, String)> {
        let mut out: HashMap<String, String> = HashMap::new();
        let mut consider = |old: &Version| {
            let e = out.entry(old.path.clone()).or_default();
            if super::modules::mod_compare(&old.path, &old.version, e).is_gt()
                || e.is_empty() && old.version.is_empty()
            {
                *e = old.version.clone();
            }
        };
        if let Some(w) = &self.modules.work {
            for r in &w.replace {
                consider(&r.old);
            }
        }
        for mm in &self.modules.mains {
            if let Some(f) = &mm.modfile {
                for r in &f.replace {
                    consider(&r.old);
                }
            }
        }
        let mut v: Vec<(String, String)> = out.into_iter().collect();
        v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        v
    }

    /// `importFromModules` followed by what `resolveMissingImports` and
    /// `queryImport` do to a missing package in readonly mode.
    fn import_from_modules(&self, path: &str) -> Resolved {
        let mut r = Resolved {
            path: path.to_string(),
            ..Resolved::default()
        };
        let invalid =
            |text: String| Some(ImportError::new(ImportErrorKind::Invalid, Some(path), text));
        if path.contains('@') {
            r.err = invalid(format!("import path {path:?} should not have @version"));
            return r;
        }
        if search::is_local_import(path) {
            r.err = invalid(format!(
                "{path:?} is relative, but relative import paths are not supported in module mode"
            ));
            return r;
        }
        if path.starts_with('/') {
            r.err = invalid(format!(
                "{path:?} is not a package path; see 'go help packages'"
            ));
            return r;
        }
        if search::is_meta_package(path) {
            r.err = invalid(format!(
                "{path:?} is not an importable package; see 'go help packages'"
            ));
            return r;
        }
        if path == "C" {
            return r;
        }
        if let Err(e) = check_import_path(path) {
            r.err = Some(ImportError::new(ImportErrorKind::Invalid, Some(path), e));
            return r;
        }
        let m = self.modules;
        let mut dirs: Vec<String> = Vec::new();
        let mut roots: Vec<String> = Vec::new();
        let mut mods: Vec<Option<Version>> = Vec::new();
        let path_is_std = search::is_standard_import_path(path);
        if path_is_std && self.is_standard_package(path) {
            for mm in &m.mains {
                if mm.in_goroot_src
                    && let Some((dir, true)) =
                        self.dir_in_module(path, &mm.path_prefix, &mm.root, true)
                {
                    r.dir = dir;
                    r.mod_root = mm.root.clone();
                    r.module = Some(Version {
                        path: mm.path.clone(),
                        version: String::new(),
                    });
                    return r;
                }
            }
            dirs.push(fspath::join(&[&self.goroot_src, path]));
            roots.push(if fspath::has_path_prefix(path, "cmd") {
                fspath::join(&[&self.goroot_src, "cmd"])
            } else {
                self.goroot_src.clone()
            });
            mods.push(None);
        }

        if m.build_mod == BuildMod::Vendor {
            for mm in &m.mains {
                if mm.root.is_empty() {
                    continue;
                }
                if let Some((dir, true)) = self.dir_in_module(path, &mm.path_prefix, &mm.root, true)
                {
                    mods.push(Some(Version {
                        path: mm.path.clone(),
                        version: String::new(),
                    }));
                    dirs.push(dir);
                    roots.push(mm.root.clone());
                }
            }
            if m.has_mod_root {
                let vdir = m.vendor_dir();
                if let Some((dir, true)) = self.dir_in_module(path, "", &vdir, false) {
                    let listed = m.vendor.pkg_module.get(path).cloned();
                    if listed.is_some()
                        || gover::compare(&m.main_go_version(), EXPLICIT_MODULES_TXT_IMPORT_VERSION)
                            .is_lt()
                    {
                        mods.push(Some(listed.unwrap_or_default()));
                        dirs.push(dir);
                        roots.push(vdir);
                    }
                }
            }
            if dirs.len() > 1 {
                r.err = Some(ambiguous(path, &dirs, &[]));
                return r;
            }
            if dirs.is_empty() {
                r.err = Some(self.missing_after_query(path));
                return r;
            }
            r.dir = dirs.remove(0);
            r.mod_root = roots.remove(0);
            r.module = mods.remove(0);
            return r;
        }

        let mut use_graph = m.pruning == super::modules::Pruning::Unpruned;
        if use_graph && let Some(e) = &m.graph().1 {
            // An incomplete graph may select wrong versions: start from
            // the roots, as go does.
            let _ = e;
            use_graph = false;
        }
        loop {
            let mut sum_err_mods: Vec<Version> = Vec::new();
            let mut found_mods: Vec<Version> = Vec::new();
            let mut found_dirs: Vec<String> = Vec::new();
            let mut found_roots: Vec<String> = Vec::new();
            let mut prefix = path.to_string();
            loop {
                if prefix != "go" && prefix != "toolchain" {
                    let v = if use_graph {
                        Some(m.graph().0.selected(&prefix))
                    } else {
                        m.root_selected(&prefix)
                    };
                    if let Some(v) = v.filter(|v| v != "none") {
                        let mv = Version {
                            path: prefix.clone(),
                            version: v,
                        };
                        match m.fetch(&mv) {
                            Err(FetchError::SumMissing(_)) => sum_err_mods.push(mv),
                            Err(FetchError::Other(e)) => {
                                r.err = Some(ImportError::new(ImportErrorKind::Other, None, e));
                                return r;
                            }
                            Ok((root, local)) => {
                                if let Some((dir, true)) =
                                    self.dir_in_module(path, &mv.path, &root, local)
                                {
                                    found_mods.push(mv);
                                    found_dirs.push(dir);
                                    found_roots.push(root);
                                }
                            }
                        }
                    }
                }
                match prefix.rfind('/') {
                    Some(i) => prefix.truncate(i),
                    None => break,
                }
            }
            let n = found_mods.len() + mods.len();
            if n > 1 {
                let mut all_dirs = dirs.clone();
                let mut all_mods: Vec<Version> =
                    mods.iter().map(|m| m.clone().unwrap_or_default()).collect();
                found_dirs.reverse();
                found_mods.reverse();
                all_dirs.extend(found_dirs);
                all_mods.extend(found_mods);
                r.err = Some(ambiguous(path, &all_dirs, &all_mods));
                return r;
            }
            if !sum_err_mods.is_empty() {
                sum_err_mods.reverse();
                r.err = Some(self.missing_sum(path, &sum_err_mods, n > 0, None));
                return r;
            }
            if n == 1 {
                if let Some(mv) = found_mods.pop() {
                    if !m.contains_main(&mv.path)
                        && let Err(e) = m.go_mod_summary(&mv)
                    {
                        r.err = Some(ImportError::new(ImportErrorKind::Other, None, e));
                        return r;
                    }
                    r.dir = found_dirs.pop().unwrap_or_default();
                    r.mod_root = found_roots.pop().unwrap_or_default();
                    r.module = Some(mv);
                } else {
                    r.dir = dirs.remove(0);
                    r.mod_root = roots.remove(0);
                    r.module = None;
                }
                return r;
            }
            if use_graph {
                r.err = Some(self.missing_after_query(path));
                return r;
            }
            if let Some(e) = &m.graph().1 {
                r.err = Some(ImportError::new(ImportErrorKind::Other, None, e.clone()));
                return r;
            }
            use_graph = true;
        }
    }

    /// `ImportMissingSumError`.
    pub fn missing_sum(
        &self,
        path: &str,
        mods: &[Version],
        found: bool,
        importer: Option<(&str, &str, bool)>,
    ) -> ImportError {
        let paren = match importer {
            Some((imp, _, _)) => format!(" (imported by {imp})"),
            None => String::new(),
        };
        let message = if found {
            format!(
                "missing go.sum entry needed to verify package {path}{paren} is provided by exactly one module"
            )
        } else {
            format!("missing go.sum entry for module providing package {path}{paren}")
        };
        let hint = match importer {
            None => {
                if mods.is_empty() {
                    String::new()
                } else {
                    let args: Vec<&str> = mods.iter().map(|m| m.path.as_str()).collect();
                    format!("; to add:\n\tgo mod download {}", args.join(" "))
                }
            }
            Some((imp, ver, is_test)) => {
                let t = if is_test { " -t" } else { "" };
                let v = if ver.is_empty() {
                    String::new()
                } else {
                    format!("@{ver}")
                };
                format!("; to add:\n\tgo get{t} {imp}{v}")
            }
        };
        let mut e = ImportError::new(ImportErrorKind::MissingSum, Some(path), message + &hint);
        e.sum_mods = mods.to_vec();
        e.sum_found = found;
        e
    }
}

/// `AmbiguousImportError`.
fn ambiguous(path: &str, dirs: &[String], mods: &[Version]) -> ImportError {
    let loc = if mods.is_empty() {
        "directories"
    } else {
        "modules"
    };
    let mut s = format!("ambiguous import: found package {path} in multiple {loc}:");
    for (i, d) in dirs.iter().enumerate() {
        s.push_str("\n\t");
        if let Some(m) = mods.get(i) {
            s.push_str(&m.path);
            if !m.version.is_empty() {
                s.push(' ');
                s.push_str(&m.version);
            }
            s.push_str(&format!(" ({d})"));
        } else {
            s.push_str(d);
        }
    }
    ImportError::new(ImportErrorKind::Ambiguous, Some(path), s)
}

/// `module.ZeroPseudoVersion` for the module's major version.
fn zero_pseudo_version(mpath: &str) -> String {
    let major = mpath
        .rsplit('/')
        .next()
        .filter(|e| {
            e.len() >= 2 && e.starts_with('v') && e[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .unwrap_or("v0");
    format!("{major}.0.0-00010101000000-000000000000")
}

/// The checks of `module.CheckImportPath` that matter for loading (the
/// complete check lives in `goxide_load::module`).
pub fn check_import_path(path: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("malformed import path {path:?}: {why}"));
    if path.is_empty() {
        return bad("empty string");
    }
    if path.starts_with('-') {
        return bad("leading dash");
    }
    if path.contains("//") {
        return bad("double slash");
    }
    if path.ends_with('/') {
        return bad("trailing slash");
    }
    for elem in path.split('/') {
        if elem.is_empty() {
            return bad("empty path element");
        }
        if elem.trim_matches('.').is_empty() {
            return bad(&format!("invalid path element {elem:?}"));
        }
        if elem.ends_with('.') {
            return bad("trailing dot in path element");
        }
        for c in elem.chars() {
            let ok = c.is_ascii_alphanumeric()
                || "-._~+!#$%&'()*,;=@[]^`{}|".contains(c)
                || (c as u32) >= 0x80;
            if !ok
                || matches!(
                    c,
                    '"' | '\'' | '*' | '<' | '>' | '?' | '`' | '|' | ':' | '\\'
                )
            {
                return bad(&format!("invalid char {c:?}"));
            }
        }
    }
    Ok(())
}
