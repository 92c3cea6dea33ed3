//! The package graph: from command-line patterns to every package a
//! build involves, each with its files, imports, module and errors —
//! cmd/go's `load.PackagesAndErrors` over `modload.LoadPackages`, plus
//! test packages (`load.TestPackagesAndErrors`) and command-line `.go`
//! files (`load.GoFilesPackage`).
//!
//! Parts, by concern:
//! - [`search`]: patterns (`std`, `./...`, `net/...`) and matching rules;
//! - [`patterns`]: patterns to import paths in module mode;
//! - [`modules`]: main modules, go.work, requirements and the module
//!   graph, replacements, vendoring, the module cache, go.sum;
//! - [`resolve`]: import path to directory and module, with go's errors;
//! - [`dirpkg`]: one directory read as a package (go/build), memoised;
//! - [`loader`]: packages and their imports, recursively, with the
//!   visibility rules and import-cycle detection;
//! - [`embed`]: `//go:embed` patterns to files;
//! - [`testpkg`], [`testmain`]: test variants, test main packages and
//!   their generated `_testmain.go`;
//! - [`graph`]: the arena and whole-graph passes (dependency order,
//!   `Deps`, `DepsErrors`, `ImportMap`, test renaming);
//! - [`langver`]: the language version of each file (module `go` line,
//!   `//go:build go1.N`);
//! - [`godebug`], [`fspath`]: default GODEBUG, path algebra.
//!
//! Below it: `crate::build` reads a directory (go/build), `crate::modfile`
//! reads go.mod, go.work and vendor/modules.txt, `crate::module` and
//! `crate::semver` check and order module paths and versions.
//!
//! Entry point: [`load`]. It runs on a thread of its own with a large
//! stack (import chains recurse as deep as the graph), reads
//! directories on `Config::workers` threads, and never touches the
//! network: modules come from GOMODCACHE or not at all.
//!
//! Invariants: every package is created once per canonical import path
//! (test variants excepted); a [`Fatal`] carries go's messages for errors
//! that stop the command, package errors live on the packages.

pub mod dirpkg;
pub mod embed;
pub mod fspath;
pub mod godebug;
pub mod graph;
pub mod langver;
pub mod loader;
pub mod modules;
pub mod package;
pub mod patterns;
pub mod resolve;
pub mod search;
pub mod testmain;
pub mod testpkg;

use std::collections::{BTreeSet, HashSet};

pub use dirpkg::BuildContext;
pub use graph::Graph;
pub use modules::{BuildMod, Fatal};
pub use package::{ImportStack, ModuleInfo, Package, PackageError, PackageId, Position};
pub use testpkg::TestSet;

use crate::modfile::gover;
use loader::{CMDLINE_PKG, CMDLINE_PKG_LITERAL, Loader};
use modules::Modules;

/// What the loader needs to know about the invocation: the build
/// context, the working directory, and the go command's settings. The
/// caller (the CLI, through `goxide_build`'s configuration) decides all
/// of it; the loader reads nothing from the environment.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub build: BuildContext,
    /// The platform goxide runs on (cross builds install to `bin/os_arch`).
    pub host_goos: String,
    pub host_goarch: String,
    /// The working directory, absolute.
    pub cwd: String,
    /// `GO111MODULE`, `GOWORK`, `GOMODCACHE`, `GOPATH`, `GOBIN`,
    /// `GOPROXY`, `GOTOOLCHAIN` as the go command reads them.
    pub go111module: String,
    pub gowork: String,
    pub gomodcache: String,
    pub gopath: String,
    pub gobin: String,
    pub goproxy: String,
    pub gotoolchain: String,
    /// The `-mod` flag, empty when not given.
    pub mod_flag: String,
    /// The Go version goxide speaks (`1.27.3`, GOROOT's VERSION without
    /// `go`).
    pub go_version: String,
    /// `os.TempDir()`.
    pub temp_dir: String,
    /// Threads for reading directories.
    pub workers: usize,
    /// cmd/go's module index is in use (it is unless GOCACHE=off or
    /// GODEBUG=goindex=0): packages of GOROOT and of modules are read as
    /// the index reads them.
    pub module_index: bool,
    /// `-pgo`: `auto` (a main package's `default.pgo`) or `off`.
    pub pgo: String,
}

/// What to load besides the named packages and their imports.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Do not load imports (`go list -find`).
    pub ignore_imports: bool,
    /// Build test packages of the named packages (`-test`).
    pub tests: bool,
    /// Keep going after errors (`-e`): test packages with errors are
    /// kept rather than fatal.
    pub allow_errors: bool,
    /// Do not resolve `//go:embed` patterns to files.
    pub suppress_embed_files: bool,
}

/// The result of a load.
#[derive(Debug, Default)]
pub struct Loaded {
    pub graph: Graph,
    /// The packages the patterns named, in command-line order.
    pub roots: Vec<PackageId>,
    /// Test packages of the roots that have tests (with `Options::tests`).
    pub tests: Vec<TestSet>,
    /// Warnings go prints on stderr (`warning: ...`, without `go: `).
    pub warnings: Vec<String>,
    /// `-mod` as decided (`readonly`, `vendor`, `mod`).
    pub build_mod: String,
}

/// Loads the packages named by `patterns` and everything they import.
pub fn load(cfg: &Config, opts: &Options, patterns: &[String]) -> Result<Loaded, Fatal> {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("goxide-load".into())
            .stack_size(512 << 20)
            .spawn_scoped(s, || load_on_this_thread(cfg, opts, patterns))
            .map_err(|e| Fatal::one(format!("cannot start loader thread: {e}")))?
            .join()
            .unwrap_or_else(|_| Err(Fatal::one("internal error: the package loader panicked")))
    })
}

fn load_on_this_thread(cfg: &Config, opts: &Options, patterns: &[String]) -> Result<Loaded, Fatal> {
    for p in patterns {
        if p.is_empty() {
            return Err(Fatal::one("invalid package: \"\""));
        }
    }
    let go_files = patterns.iter().any(|p| {
        p.ends_with(".go")
            && std::fs::metadata(fspath::abs_from(&cfg.cwd, p)).is_ok_and(|m| !m.is_dir())
    });
    let modules = Modules::load(cfg)?;
    if !go_files {
        modules.check_unpruned_roots()?;
    }
    let mut ld = Loader::new(cfg, opts, &modules);
    let mut out = Loaded {
        warnings: modules.warnings.clone(),
        build_mod: modules.build_mod.as_str().to_string(),
        ..Loaded::default()
    };
    if go_files {
        let id = ld.go_files_package(patterns)?;
        out.roots.push(id);
    } else {
        let mut matches = ld.match_patterns(patterns)?;
        if matches.iter().any(|m| m.pattern == "all") {
            let all = ld.pattern_all(&matches);
            for m in matches.iter_mut().filter(|m| m.pattern == "all") {
                m.pkgs = all.clone();
            }
        }
        out.warnings.append(&mut ld.warnings);
        for m in &matches {
            if m.pkgs.is_empty() && m.errs.is_empty() {
                out.warnings
                    .push(format!("warning: {:?} matched no packages", m.pattern));
            }
        }
        ld.preload(&matches);
        let mut seen: HashSet<PackageId> = HashSet::new();
        for m in &matches {
            for pkg in &m.pkgs {
                let mut mode = CMDLINE_PKG;
                if m.is_literal() {
                    mode |= CMDLINE_PKG_LITERAL;
                }
                let mut stk = ImportStack::default();
                let cwd = cfg.cwd.clone();
                let (id, _) = ld.load_import(pkg, &cwd, None, &mut stk, &[], mode);
                ld.graph.get_mut(id).match_.push(m.pattern.clone());
                if seen.insert(id) {
                    out.roots.push(id);
                }
            }
            if let Some(e) = m.errs.first() {
                let mut p = Package {
                    import_path: m.pattern.clone(),
                    incomplete: true,
                    match_: vec![m.pattern.clone()],
                    ..Package::default()
                };
                // setLoadPackageDataError unwraps a literal pattern's
                // MatchError when the pattern is the path itself.
                let text = if e.literal && !e.raw {
                    e.err.clone()
                } else {
                    e.to_string()
                };
                let text = match &e.no_go_dir {
                    Some(dir) => {
                        p.dir = dir.clone();
                        loader::no_go_text(&p)
                    }
                    None => text,
                };
                p.error = Some(PackageError::new(&ImportStack::default(), text));
                p.internal.cmdline_pkg = true;
                p.internal.cmdline_pkg_literal = m.is_literal();
                let id = ld.graph.add(p);
                out.roots.push(id);
            }
        }
    }
    if !go_files {
        ld.check_requirements(&out.roots)?;
    }
    if cfg.pgo == "auto" {
        ld.graph.apply_pgo_auto(&out.roots);
    }
    if opts.tests {
        for &root in &out.roots.clone() {
            let has_tests = {
                let p = ld.graph.get(root);
                !p.test_go_files.is_empty() || !p.xtest_go_files.is_empty()
            };
            if has_tests {
                let set = ld.test_packages(root);
                out.tests.push(set);
            }
        }
    }
    out.graph = std::mem::take(&mut ld.graph);
    Ok(out)
}

impl Loader<'_> {
    /// Reads, on several threads, the directories the matched packages
    /// and (transitively) their imports will need (go's `preload`).
    fn preload(&self, matches: &[search::Match]) {
        let mut seen: HashSet<String> = HashSet::new();
        let mut frontier: Vec<(String, String, bool)> = Vec::new();
        for m in matches {
            for p in &m.pkgs {
                if seen.insert(p.clone()) {
                    frontier.push((p.clone(), String::new(), false));
                }
            }
        }
        while !frontier.is_empty() {
            let resolved: Vec<(String, String, bool, dirpkg::Read)> = frontier
                .iter()
                .filter_map(|(path, parent, parent_std)| {
                    if path == "C" {
                        return None;
                    }
                    let r = self.resolver.lookup(parent, *parent_std, path);
                    if r.dir.is_empty() {
                        return None;
                    }
                    let std = search::is_standard_import_path(&r.path) && r.module.is_none();
                    Some((
                        r.path.clone(),
                        r.dir.clone(),
                        std,
                        self.read_for_resolved(&r),
                    ))
                })
                .collect();
            let dirs: Vec<(String, dirpkg::Read)> = resolved
                .iter()
                .map(|(_, d, _, rd)| (d.clone(), *rd))
                .collect();
            self.prefetch(dirs);
            frontier.clear();
            if self.opts.ignore_imports {
                break;
            }
            for (path, dir, std, read) in resolved {
                let res = self.dirs.get(&self.ctx, &dir, read);
                for imp in &res.0.imports {
                    let key = format!("{path}\u{0}{imp}");
                    if seen.insert(key) {
                        frontier.push((imp.clone(), path.clone(), std));
                    }
                }
            }
        }
    }

    /// What `updateRequirements` would change in go.mod, which readonly
    /// mode refuses ("updates to go.mod needed"): in a pruned module
    /// graph, every module providing a package the main module imports
    /// (transitively) or a package named on the command line must be
    /// required explicitly, and the requirements of those modules must
    /// not exceed the versions go.mod requires; in an unpruned one, the
    /// modules providing the main module's direct imports must be
    /// required.
    fn check_requirements(&self, roots: &[PackageId]) -> Result<(), Fatal> {
        let m = self.modules;
        if !m.has_mod_root || m.in_workspace_mode() || m.build_mod != BuildMod::Readonly {
            return Ok(());
        }
        let g = &self.graph;
        let external = |id: PackageId| -> Option<crate::module::Version> {
            let p = g.get(id);
            let info = p.module.as_ref()?;
            if info.main || m.contains_main(&info.path) {
                return None;
            }
            Some(crate::module::Version::new(
                info.path.clone(),
                info.version.clone(),
            ))
        };
        let mains: Vec<PackageId> = (0..g.packages.len() as u32)
            .map(PackageId)
            .filter(|&id| {
                g.get(id).module.as_ref().is_some_and(|i| i.main) && g.get(id).for_test.is_empty()
            })
            .collect();
        let mut needed: Vec<crate::module::Version> = Vec::new();
        if m.pruning == modules::Pruning::Pruned {
            let mut in_all: HashSet<PackageId> = HashSet::new();
            let mut stack: Vec<PackageId> = mains.clone();
            while let Some(id) = stack.pop() {
                for &imp in &g.get(id).internal.imports {
                    if in_all.insert(imp) {
                        stack.push(imp);
                    }
                }
            }
            for id in in_all.into_iter().chain(roots.iter().copied()) {
                needed.extend(external(id));
            }
        } else {
            for &id in &mains {
                for &imp in &g.get(id).internal.imports {
                    needed.extend(external(imp));
                }
            }
        }
        let dirty = || Err(Fatal::one(m.go_mod_dirty_error()));
        let mut checked: HashSet<crate::module::Version> = HashSet::new();
        for v in needed {
            if !checked.insert(v.clone()) {
                continue;
            }
            if m.root_selected(&v.path).is_none() {
                return dirty();
            }
            if m.pruning == modules::Pruning::Pruned
                && let Ok(s) = m.go_mod_summary(&v)
            {
                for r in &s.require {
                    if let Some(rv) = m.root_selected(&r.path)
                        && modules::mod_compare(&r.path, &rv, &r.version).is_lt()
                    {
                        return dirty();
                    }
                }
            }
        }
        Ok(())
    }

    /// `computePatternAll`: the main modules' packages, everything they
    /// import, and what their tests import (all tests' imports for
    /// modules older than go 1.16).
    fn pattern_all(&self, matches: &[search::Match]) -> Vec<String> {
        let closes_over_tests = gover::compare(&self.modules.go_version(), "1.16").is_lt();
        let mut all: BTreeSet<String> = BTreeSet::new();
        let mut queue: Vec<String> = Vec::new();
        for m in matches.iter().filter(|m| m.pattern == "all") {
            for p in &m.pkgs {
                if all.insert(p.clone()) {
                    queue.push(p.clone());
                }
            }
        }
        while let Some(path) = queue.pop() {
            let r = self.resolver.lookup("", false, &path);
            if r.dir.is_empty() {
                continue;
            }
            let res = self.dirs.get(&self.ctx, &r.dir, self.read_for_resolved(&r));
            let in_std = search::is_standard_import_path(&path) && r.module.is_none();
            let in_main = r
                .module
                .as_ref()
                .is_some_and(|m| m.version.is_empty() && self.modules.contains_main(&m.path));
            let mut imports: Vec<String> = res.0.imports.clone();
            if in_main || closes_over_tests {
                imports.extend(res.0.test_imports.iter().cloned());
                imports.extend(res.0.xtest_imports.iter().cloned());
            }
            for imp in imports {
                if imp == "C" || imp == "appengine" || imp.starts_with("appengine/") {
                    continue;
                }
                let key = if in_std {
                    self.resolver.std_vendor(&path, &imp)
                } else {
                    imp
                };
                if resolve::check_import_path(&key).is_err() {
                    continue;
                }
                if all.insert(key.clone()) {
                    queue.push(key);
                }
            }
        }
        all.into_iter().collect()
    }

    /// `GoFilesPackage`: the `command-line-arguments` package of `.go`
    /// files named on the command line.
    fn go_files_package(&mut self, files: &[String]) -> Result<PackageId, Fatal> {
        for f in files {
            if !f.ends_with(".go") {
                let mut p = Package {
                    name: f.clone(),
                    incomplete: true,
                    ..Package::default()
                };
                p.internal.local = true;
                p.internal.cmdline_files = true;
                p.error = Some(PackageError::new(
                    &ImportStack::default(),
                    format!("named files must be .go files: {f}"),
                ));
                return Ok(self.graph.add(p));
            }
        }
        let cwd = self.cfg.cwd.clone();
        let mut dir = String::new();
        let mut names = Vec::new();
        for f in files {
            let abs = fspath::abs_from(&cwd, f);
            match std::fs::metadata(&abs) {
                Err(e) => {
                    return Err(Fatal::raw(format!("stat {f}: {}", fspath::errno_text(&e))));
                }
                Ok(m) if m.is_dir() => {
                    return Err(Fatal::raw(format!(
                        "{f} is a directory, should be a Go file"
                    )));
                }
                Ok(_) => {}
            }
            let d = fspath::dir(f);
            if dir.is_empty() {
                dir = d;
            } else if dir != d {
                return Err(Fatal::raw(format!(
                    "named files must all be in one directory; have {dir} and {d}"
                )));
            }
            names.push(fspath::base(f).to_string());
        }
        let abs_dir = fspath::abs_from(&cwd, &dir);
        let (bp, err) = dirpkg::import_files(&self.ctx, &abs_dir, &names);
        let data = loader::PkgData {
            import_path: if bp.goroot {
                bp.goroot_import_path.clone()
            } else {
                ".".into()
            },
            root: bp.root.clone(),
            bin_dir: String::new(),
            err: err.map(loader::DataError::Dir),
            bp: std::sync::Arc::new(bp),
            none: false,
        };
        let id = self.graph.add(Package::default());
        {
            let p = self.graph.get_mut(id);
            p.internal.local = true;
            p.internal.cmdline_files = true;
        }
        let mut stk = ImportStack::default();
        self.load_package(id, "command-line-arguments", &mut stk, &[], &data);
        let exe = if self.cfg.build.goos == "windows" {
            ".exe"
        } else {
            ""
        };
        let bin = self.bin_dir();
        let p = self.graph.get_mut(id);
        p.import_path = "command-line-arguments".into();
        p.target = String::new();
        p.match_ = files.to_vec();
        if p.name == "main"
            && let Some(first) = p.go_files.first().or(p.cgo_files.first())
        {
            let name = first.strip_suffix(".go").unwrap_or(first);
            p.target = fspath::join(&[&bin, &format!("{name}{exe}")]);
        }
        Ok(id)
    }
}
