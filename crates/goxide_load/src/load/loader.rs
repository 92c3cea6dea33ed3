//! Loading one package and, recursively, its imports: cmd/go's
//! `load.loadImport`, `loadPackageData`, `(*Package).load`,
//! `reusePackage`, `setLoadPackageDataError`, `disallowInternal`,
//! `disallowVendor`, `LinkerDeps` and `resolveEmbed`'s use (pkg.go).
//!
//! Algorithm: an import path is resolved (module lookup, with GOROOT's
//! vendor directory for standard-library importers) to a directory,
//! which is read once (go/build); the package is created, cached under
//! its canonical path *before* its imports are loaded, and those are
//! loaded depth-first with the import stack extended. Meeting a package
//! whose imports are not yet recorded means an import cycle
//! (`reusePackage`). Visibility rules (`internal`, `vendor`), importing a
//! main package, and relative imports are checked per import edge, so the
//! error lands on the importer, as in go.
//!
//! Errors follow go's placement exactly: resolution errors carry the
//! importer's stack and the import's position; errors inside a package
//! (no Go files, syntax) carry a stack ending in the package itself.

use std::collections::HashMap;
use std::sync::Arc;

use super::dirpkg::{BuildContext, DirCache, DirError, DirPackage, Read};
use super::embed;
use super::fspath;
use super::godebug;
use super::modules::Modules;
use super::package::{ImportStack, Package, PackageError, PackageId, Position, positions_of};
use super::resolve::{ImportError, Resolver};
use super::search;
use super::{Config, Graph, Options};

/// `loadImport` modes.
pub const RESOLVE_IMPORT: u32 = 1;
pub const CMDLINE_PKG: u32 = 1 << 3;
pub const CMDLINE_PKG_LITERAL: u32 = 1 << 4;
pub const ALLOW_SIMD_BRIDGE: u32 = 1 << 5;
/// The import is in a test file (errors that name the importer say so).
pub const FROM_TEST: u32 = 1 << 6;

/// The package go rewrites `simd` imports through.
pub const SIMD_BRIDGE_PKG: &str = "simd/internal/bridge";

/// Why `loadPackageData` failed.
#[derive(Clone, Debug)]
pub enum DataError {
    Dir(DirError),
    Import(ImportError),
    Text(String),
}

/// `loadPackageData`'s result: the directory's package (possibly empty)
/// under its canonical import path.
#[derive(Clone, Debug, Default)]
pub struct PkgData {
    pub bp: Arc<DirPackage>,
    pub import_path: String,
    pub root: String,
    pub bin_dir: String,
    pub err: Option<DataError>,
    /// No package at all (go's `bp == nil`): a malformed path.
    pub none: bool,
}

/// The loader of one goxide invocation.
pub struct Loader<'a> {
    pub cfg: &'a Config,
    pub opts: &'a Options,
    pub modules: &'a Modules,
    pub resolver: Resolver<'a>,
    pub dirs: DirCache,
    pub ctx: BuildContext,
    pub graph: Graph,
    /// `packageCache`: canonical import path → package.
    pub cache: HashMap<String, PackageId>,
    data_cache: HashMap<String, Arc<PkgData>>,
    fold_path: HashMap<String, String>,
    /// Warnings go prints while matching patterns (without `go: `).
    pub warnings: Vec<String>,
    /// Whether a directory qualifies for the module index
    /// (`module_index_applies`, which stats every file), per directory.
    index_applies: std::sync::Mutex<HashMap<String, bool>>,
}

impl<'a> Loader<'a> {
    pub fn new(cfg: &'a Config, opts: &'a Options, modules: &'a Modules) -> Loader<'a> {
        Loader {
            cfg,
            opts,
            modules,
            resolver: Resolver::new(modules, &cfg.build.goroot),
            dirs: DirCache::default(),
            ctx: cfg.build.clone(),
            graph: Graph::default(),
            cache: HashMap::new(),
            data_cache: HashMap::new(),
            fold_path: HashMap::new(),
            warnings: Vec::new(),
            index_applies: std::sync::Mutex::new(HashMap::new()),
        }
    }

    fn exe_suffix(&self) -> &'static str {
        if self.cfg.build.goos == "windows" {
            ".exe"
        } else {
            ""
        }
    }

    /// `modload.BinDir`.
    pub fn bin_dir(&self) -> String {
        if !self.cfg.gobin.is_empty() {
            return self.cfg.gobin.clone();
        }
        match self.cfg.gopath.split(':').next() {
            Some(first) if !first.is_empty() => fspath::join(&[first, "bin"]),
            _ => String::new(),
        }
    }

    /// `modload.PackageModuleInfo(path)`'s module, if the package was
    /// resolved from a module.
    pub fn package_module(&self, path: &str) -> Option<crate::module::Version> {
        if self.resolver.find_standard_import_path(path).is_some() {
            return None;
        }
        if path == "command-line-arguments" {
            return None;
        }
        let r = self.resolver.peek(path)?;
        r.module.clone().filter(|m| !m.path.is_empty())
    }

    /// `loadPackageData` for `path` imported from `parent` (its path, its
    /// module's version, and whether the import is in a test file).
    pub fn load_package_data(
        &mut self,
        path: &str,
        parent_path: &str,
        parent_is_std: bool,
        importer: Option<(&str, &str, bool)>,
    ) -> Arc<PkgData> {
        if path.starts_with("mod/") {
            return Arc::new(PkgData {
                none: true,
                err: Some(DataError::Text(format!("disallowed import path {path:?}"))),
                ..PkgData::default()
            });
        }
        if path.contains('@') {
            return Arc::new(PkgData {
                none: true,
                err: Some(DataError::Text(
                    "can only use path@version syntax with 'go get' and 'go install' in module-aware mode".into(),
                )),
                ..PkgData::default()
            });
        }
        let r = self.resolver.lookup(parent_path, parent_is_std, path);
        if let Some(d) = self.data_cache.get(&r.path) {
            return d.clone();
        }
        let mut data = PkgData {
            import_path: r.path.clone(),
            ..PkgData::default()
        };
        if !r.dir.is_empty() {
            let read = self.read_for_resolved(&r);
            let res = self.dirs.get(&self.ctx, &r.dir, read);
            data.bp = Arc::new(res.0.clone());
            data.root = res.0.root.clone();
            if let Some(e) = &res.1 {
                data.err = Some(DataError::Dir(e.clone()));
            }
            if let Some(m) = self.package_module(path) {
                let info = self.modules.module_info(&m);
                data.root = info.dir;
            }
            if let Some(e) = &r.err
                && data.err.is_none()
            {
                data.err = Some(DataError::Import(e.clone()));
            }
        } else if let Some(e) = &r.err {
            let e = match (
                e.kind == super::resolve::ImportErrorKind::MissingSum,
                importer,
            ) {
                (true, Some(imp)) => {
                    self.resolver
                        .missing_sum(&r.path, &e.sum_mods, e.sum_found, Some(imp))
                }
                _ => e.clone(),
            };
            data.err = Some(DataError::Import(e));
        } else if path != "unsafe" {
            data.err = Some(DataError::Text(format!(
                "unknown import path {:?}: internal error: module loader did not resolve import",
                r.path
            )));
        }
        data.bin_dir = if data.bp.goroot {
            fspath::join(&[&self.cfg.build.goroot, "bin"])
        } else {
            self.bin_dir()
        };
        let data = Arc::new(data);
        self.data_cache.insert(r.path.clone(), data.clone());
        data
    }

    /// How cmd/go reads a package whose module root is `modroot`
    /// (`loadPackageData`'s `modindex.GetPackage`): through the module
    /// index for the module cache (outside vendor mode), and for GOROOT
    /// and local module trees when the directory qualifies
    /// (`module_index_applies`); else with go/build.
    pub fn read_for(&self, modroot: &str, dir: &str) -> Read {
        if !self.cfg.module_index || modroot.is_empty() {
            return Read::GoBuild;
        }
        let goroot_src = fspath::join(&[&self.cfg.build.goroot, "src"]);
        let modcache = &self.cfg.gomodcache;
        if self.modules.build_mod != super::modules::BuildMod::Vendor
            && !modcache.is_empty()
            && fspath::has_file_path_prefix(modroot, modcache)
            && !fspath::has_file_path_prefix(modroot, &goroot_src)
        {
            return Read::Index;
        }
        let mut memo = self.index_applies.lock().unwrap_or_else(|e| e.into_inner());
        let applies = *memo
            .entry(dir.to_string())
            .or_insert_with(|| crate::build::module_index_applies(std::path::Path::new(dir)));
        if applies { Read::Index } else { Read::GoBuild }
    }

    /// [`Loader::read_for`] a resolved import: its module's root
    /// (`PackageModRoot`, none in vendor mode), or GOROOT/src (or
    /// GOROOT/src/cmd) for a directory there.
    pub fn read_for_resolved(&self, r: &super::resolve::Resolved) -> Read {
        let mut modroot = String::new();
        if self.modules.build_mod != super::modules::BuildMod::Vendor
            && r.module.as_ref().is_some_and(|m| !m.path.is_empty())
        {
            modroot = r.mod_root.clone();
        }
        let goroot_src = fspath::join(&[&self.cfg.build.goroot, "src"]);
        if modroot.is_empty() && fspath::has_file_path_prefix(&r.dir, &goroot_src) {
            let cmd = fspath::join(&[&goroot_src, "cmd"]);
            modroot = if fspath::has_file_path_prefix(&r.dir, &cmd) {
                cmd
            } else {
                goroot_src
            };
        }
        self.read_for(&modroot, &r.dir)
    }

    /// `setLoadPackageDataError`.
    fn set_load_package_data_error(
        &mut self,
        id: PackageId,
        err: &DataError,
        path: &str,
        stk: &mut ImportStack,
        import_pos: &[Position],
    ) {
        let cwd = self.cfg.cwd.clone();
        let p = self.graph.get_mut(id);
        let mut pos = String::new();
        let mut push = false;
        let text = match err {
            DataError::Dir(DirError::NoGo) => {
                push = true;
                if p.dir.is_empty() {
                    // keep as is
                }
                no_go_text(p)
            }
            DataError::Dir(DirError::Parse { pos: ppos, msg }) => {
                push = true;
                let mut sp = ppos.clone();
                sp.filename = fspath::short_path(&cwd, &sp.filename);
                pos = sp.to_string();
                msg.clone()
            }
            DataError::Dir(DirError::Other(s)) => s.clone(),
            DataError::Import(e) => e.text.clone(),
            DataError::Text(s) => s.clone(),
        };
        if push {
            stk.push(path, import_pos.first().cloned());
        }
        let mut e = PackageError::new(stk, text);
        e.pos = pos;
        if let Some(top) = stk.top()
            && top.pkg != path
        {
            e.set_pos(&shorten(&cwd, import_pos));
        }
        if push {
            stk.pop();
        }
        p.error = Some(e);
        p.incomplete = true;
    }

    /// `loadImport`.
    pub fn load_import(
        &mut self,
        path: &str,
        src_dir: &str,
        parent: Option<PackageId>,
        stk: &mut ImportStack,
        import_pos: &[Position],
        mode: u32,
    ) -> (PackageId, Option<PackageError>) {
        let (parent_path, parent_is_std, parent_dir, parent_local, parent_version) = match parent {
            Some(pid) => {
                let pp = self.graph.get(pid);
                let v = pp
                    .module
                    .as_ref()
                    .map(|m| m.version.clone())
                    .unwrap_or_default();
                (
                    pp.import_path.clone(),
                    pp.standard,
                    pp.dir.clone(),
                    pp.internal.local,
                    v,
                )
            }
            None => (String::new(), false, String::new(), false, String::new()),
        };
        let importer = parent.map(|_| {
            (
                parent_path.as_str(),
                parent_version.as_str(),
                mode & FROM_TEST != 0,
            )
        });
        let data = self.load_package_data(path, &parent_path, parent_is_std, importer);
        if data.none {
            let id = self.graph.add(Package {
                import_path: path.to_string(),
                incomplete: true,
                ..Package::default()
            });
            stk.push(path, import_pos.first().cloned());
            if let Some(e) = &data.err {
                self.set_load_package_data_error(id, e, path, stk, &[]);
            }
            stk.pop();
            return (id, None);
        }
        let id = match self.cache.get(&data.import_path) {
            Some(&id) => {
                stk.push(path, import_pos.first().cloned());
                self.reuse_package(id, stk);
                stk.pop();
                id
            }
            None => {
                let id = self.graph.add(Package {
                    import_path: data.import_path.clone(),
                    ..Package::default()
                });
                self.graph.get_mut(id).internal.local = search::is_local_import(path);
                self.cache.insert(data.import_path.clone(), id);
                self.set_cmdline(id, mode);
                self.load_package(id, path, stk, import_pos, &data);
                id
            }
        };
        self.set_cmdline(id, mode);

        if (mode & ALLOW_SIMD_BRIDGE == 0 || path != SIMD_BRIDGE_PKG)
            && let Some(mut perr) = self.disallow_internal(src_dir, parent, &parent_path, id, stk)
        {
            perr.set_pos(&shorten(&self.cfg.cwd, import_pos));
            return (id, Some(perr));
        }
        if mode & RESOLVE_IMPORT != 0
            && let Some(mut perr) = self.disallow_vendor(src_dir, path, &parent_path, id, stk)
        {
            perr.set_pos(&shorten(&self.cfg.cwd, import_pos));
            return (id, Some(perr));
        }
        let p = self.graph.get(id);
        if p.name == "main" && parent.is_some() && parent_dir != p.dir {
            let mut perr = PackageError::new(
                stk,
                format!("import {path:?} is a program, not an importable package"),
            );
            perr.set_pos(&shorten(&self.cfg.cwd, import_pos));
            return (id, Some(perr));
        }
        if p.internal.local && parent.is_some() && !parent_local {
            let msg = if path == "." {
                format!("{path}: cannot import current directory")
            } else {
                format!("local import {path:?} in non-local package")
            };
            let mut perr = PackageError::new(stk, msg);
            perr.set_pos(&shorten(&self.cfg.cwd, import_pos));
            return (id, Some(perr));
        }
        (id, None)
    }

    fn set_cmdline(&mut self, id: PackageId, mode: u32) {
        let p = self.graph.get_mut(id);
        if mode & CMDLINE_PKG != 0 {
            p.internal.cmdline_pkg = true;
        }
        if mode & CMDLINE_PKG_LITERAL != 0 {
            p.internal.cmdline_pkg_literal = true;
        }
    }

    /// `reusePackage`: an import of a package already seen; one still
    /// loading its imports closes an import cycle.
    fn reuse_package(&mut self, id: PackageId, stk: &ImportStack) {
        let p = self.graph.get_mut(id);
        if !p.internal.imports_loaded {
            match &mut p.error {
                None => {
                    p.error = Some(PackageError {
                        import_stack: stk.clone(),
                        err: "import cycle not allowed".into(),
                        is_import_cycle: true,
                        ..PackageError::default()
                    });
                }
                Some(e) => e.is_import_cycle = true,
            }
            p.incomplete = true;
        }
        if let Some(e) = &mut p.error
            && !e.import_stack.0.is_empty()
            && !e.is_import_cycle
            && stk.shorter_than(&e.import_stack.pkgs())
        {
            e.import_stack = stk.clone();
        }
    }

    /// `copyBuild`.
    fn copy_build(&mut self, id: PackageId, data: &PkgData) {
        let ignore = self.opts.ignore_imports;
        let bp = &*data.bp;
        let p = self.graph.get_mut(id);
        p.dir = bp.dir.clone();
        p.import_path = data.import_path.clone();
        p.name = bp.name.clone();
        p.doc = bp.doc.clone();
        p.root = data.root.clone();
        p.binary_only = bp.binary_only;
        p.goroot = bp.goroot;
        p.standard = p.goroot
            && !p.import_path.is_empty()
            && search::is_standard_import_path(&p.import_path);
        p.go_files = bp.go_files.clone();
        p.cgo_files = bp.cgo_files.clone();
        p.ignored_go_files = bp.ignored_go_files.clone();
        p.invalid_go_files = bp.invalid_go_files.clone();
        p.ignored_other_files = bp.ignored_other_files.clone();
        p.c_files = bp.c_files.clone();
        p.cxx_files = bp.cxx_files.clone();
        p.m_files = bp.m_files.clone();
        p.h_files = bp.h_files.clone();
        p.f_files = bp.f_files.clone();
        p.s_files = bp.s_files.clone();
        p.swig_files = bp.swig_files.clone();
        p.swig_cxx_files = bp.swig_cxx_files.clone();
        p.syso_files = bp.syso_files.clone();
        p.cgo_cflags = bp.cgo_cflags.clone();
        p.cgo_cppflags = bp.cgo_cppflags.clone();
        p.cgo_cxxflags = bp.cgo_cxxflags.clone();
        p.cgo_fflags = bp.cgo_fflags.clone();
        p.cgo_ldflags = bp.cgo_ldflags.clone();
        p.cgo_pkg_config = bp.cgo_pkg_config.clone();
        if !ignore {
            p.imports = bp.imports.clone();
            p.internal.raw_imports = bp.imports.clone();
            p.test_imports = bp.test_imports.clone();
            p.xtest_imports = bp.xtest_imports.clone();
        }
        p.test_go_files = bp.test_go_files.clone();
        p.xtest_go_files = bp.xtest_go_files.clone();
        p.embed_patterns = bp.embed_patterns.clone();
        p.test_embed_patterns = bp.test_embed_patterns.clone();
        p.xtest_embed_patterns = bp.xtest_embed_patterns.clone();
        p.internal.import_pos = bp.import_pos.clone();
        p.internal.test_import_pos = bp.test_import_pos.clone();
        p.internal.xtest_import_pos = bp.xtest_import_pos.clone();
        p.internal.embed_pattern_pos = bp.embed_pattern_pos.clone();
        p.internal.test_embed_pattern_pos = bp.test_embed_pattern_pos.clone();
        p.internal.xtest_embed_pattern_pos = bp.xtest_embed_pattern_pos.clone();
        p.internal.all_tags = bp.all_tags.clone();
        p.internal.directives = bp.directives.clone();
        p.internal.test_directives = bp.test_directives.clone();
        p.internal.xtest_directives = bp.xtest_directives.clone();
        p.internal.orig_import_path = data.import_path.clone();
    }

    /// `(*Package).load`.
    pub fn load_package(
        &mut self,
        id: PackageId,
        path: &str,
        stk: &mut ImportStack,
        import_pos: &[Position],
        data: &PkgData,
    ) {
        self.copy_build(id, data);
        if let Some(err) = &data.err {
            self.graph.get_mut(id).incomplete = true;
            self.set_load_package_data_error(id, err, path, stk, import_pos);
        }
        self.set_target(id, &data.bin_dir);

        let cwd = self.cfg.cwd.clone();
        // setError: the first error only; with the importer's position
        // when the package itself is not yet on the stack.
        let set_error = |this: &mut Self, stk: &ImportStack, msg: String| {
            let p = this.graph.get_mut(id);
            if p.error.is_none() {
                let mut e = PackageError::new(stk, msg);
                if let Some(top) = stk.top()
                    && top.pkg != path
                    && !import_pos.is_empty()
                {
                    e.set_pos(&shorten(&cwd, import_pos));
                }
                p.error = Some(e);
                p.incomplete = true;
            }
        };

        let mut import_paths = self.graph.get(id).imports.clone();
        let mut compiled: Vec<String> = Vec::new();
        let add =
            |list: &mut Vec<String>, compiled: &mut Vec<String>, path: &str, for_compiler: bool| {
                if list.iter().any(|p| p == path) {
                    return;
                }
                list.push(path.to_string());
                if for_compiler {
                    compiled.push(path.to_string());
                }
            };
        let mut simd_mode = 0;
        {
            let goarch = self.cfg.build.goarch.as_str();
            let p = self.graph.get(id);
            if matches!(goarch, "wasm" | "amd64" | "arm64") && p.imports.iter().any(|i| i == "simd")
            {
                add(&mut import_paths, &mut compiled, SIMD_BRIDGE_PKG, true);
                simd_mode = ALLOW_SIMD_BRIDGE;
            }
        }
        if !self.opts.ignore_imports {
            let p = self.graph.get(id);
            let (uses_cgo, uses_swig, standard, ip, name, force_lib) = (
                p.uses_cgo(),
                p.uses_swig(),
                p.standard,
                p.import_path.clone(),
                p.name.clone(),
                p.internal.force_library,
            );
            if uses_cgo {
                add(&mut import_paths, &mut compiled, "unsafe", true);
                if !standard || ip != "runtime/cgo" {
                    add(&mut import_paths, &mut compiled, "runtime/cgo", true);
                }
                if !standard
                    || !matches!(
                        ip.as_str(),
                        "runtime/cgo" | "runtime/race" | "runtime/msan" | "runtime/asan"
                    )
                {
                    add(&mut import_paths, &mut compiled, "syscall", true);
                }
            }
            if uses_swig {
                add(&mut import_paths, &mut compiled, "unsafe", true);
                add(&mut import_paths, &mut compiled, "runtime/cgo", true);
                add(&mut import_paths, &mut compiled, "syscall", true);
                add(&mut import_paths, &mut compiled, "sync", true);
            }
            if name == "main" && !force_lib {
                match self.linker_deps() {
                    Ok(deps) => {
                        for d in deps {
                            add(&mut import_paths, &mut compiled, &d, false);
                        }
                    }
                    Err(e) => {
                        set_error(self, stk, e);
                        return;
                    }
                }
            }
        }
        self.graph.get_mut(id).internal.compiled_imports = compiled;

        let ip = self.graph.get(id).import_path.clone();
        let fold = ip.to_lowercase();
        match self.fold_path.get(&fold) {
            None => {
                self.fold_path.insert(fold, ip.clone());
            }
            Some(other) if *other != ip => {
                let other = other.clone();
                set_error(
                    self,
                    stk,
                    format!("case-insensitive import collision: {ip:?} and {other:?}"),
                );
                return;
            }
            _ => {}
        }
        if !safe_arg(&ip) {
            set_error(self, stk, format!("invalid import path {ip:?}"));
            return;
        }

        stk.push(path, import_pos.first().cloned());

        let pkg_path = if self.graph.get(id).internal.cmdline_files {
            "command-line-arguments".to_string()
        } else {
            ip.clone()
        };
        let module = self.package_module(&pkg_path);
        if let Some(m) = &module {
            let info = self.modules.module_info(m);
            let p = self.graph.get_mut(id);
            p.internal.go_version = info.go_version.clone();
            p.module = Some(info);
        } else if self.graph.get(id).standard || self.graph.get(id).goroot {
            self.graph.get_mut(id).internal.go_version =
                crate::modfile::gover::lang(&self.cfg.go_version);
        }
        self.set_default_godebug(id);

        if !self.opts.suppress_embed_files {
            let (dir, pats) = {
                let p = self.graph.get(id);
                (p.dir.clone(), p.embed_patterns.clone())
            };
            match embed::resolve_embed(&dir, &pats) {
                Ok((files, pmap)) => {
                    let p = self.graph.get_mut(id);
                    p.embed_files = files;
                    p.internal.embed = pmap;
                }
                Err(e) => {
                    self.graph.get_mut(id).incomplete = true;
                    set_error(self, stk, e.to_string());
                    let p = self.graph.get_mut(id);
                    let positions = shorten(
                        &cwd,
                        positions_of(&p.internal.embed_pattern_pos, &e.pattern),
                    );
                    if let Some(err) = &mut p.error {
                        err.set_pos(&positions);
                    }
                }
            }
        }

        let early = {
            let p = self.graph.get(id);
            let inputs = p.all_files();
            let mut err = None;
            if let Some((f1, f2)) = fold_dup(&inputs) {
                err = Some(format!(
                    "case-insensitive file name collision: {f1:?} and {f2:?}"
                ));
            }
            if err.is_none() {
                for f in &inputs {
                    if !safe_arg(f) || f.starts_with("_cgo_") {
                        err = Some(format!("invalid input file name {f:?}"));
                        break;
                    }
                }
            }
            if err.is_none() {
                let name = ip.rsplit('/').next().unwrap_or("");
                if !safe_arg(name) {
                    err = Some(format!("invalid input directory name {name:?}"));
                }
            }
            if err.is_none() && p.dir.contains(['\r', '\n']) {
                err = Some(format!("invalid package directory {:?}", p.dir));
            }
            err
        };
        if let Some(e) = early {
            set_error(self, stk, e);
            stk.pop();
            return;
        }

        let n_src = self.graph.get(id).imports.len();
        let dir = self.graph.get(id).dir.clone();
        let mut imports: Vec<PackageId> = Vec::with_capacity(import_paths.len());
        #[allow(clippy::needless_range_loop)] // import_paths[i] is rewritten in the loop
        for i in 0..import_paths.len() {
            let imp = import_paths[i].clone();
            if imp == "C" {
                continue;
            }
            let pos = positions_of(&self.graph.get(id).internal.import_pos, &imp).to_vec();
            let (p1, err) =
                self.load_import(&imp, &dir, Some(id), stk, &pos, RESOLVE_IMPORT | simd_mode);
            let p1_path = self.graph.get(p1).import_path.clone();
            let p1_incomplete = self.graph.get(p1).incomplete;
            let p = self.graph.get_mut(id);
            if let Some(e) = err
                && p.error.is_none()
            {
                p.error = Some(e);
                p.incomplete = true;
            }
            import_paths[i] = p1_path.clone();
            if i < n_src {
                p.imports[i] = p1_path;
            }
            imports.push(p1);
            if p1_incomplete {
                p.incomplete = true;
            }
        }
        {
            let p = self.graph.get_mut(id);
            p.internal.imports = imports;
            p.internal.imports_loaded = true;
        }

        let cgo_enabled = self.cfg.build.cgo_enabled;
        let compiler_gc = self.cfg.build.compiler == "gc";
        let late = {
            let p = self.graph.get_mut(id);
            if !cgo_enabled {
                p.c_files.clear();
                p.cxx_files.clear();
                p.m_files.clear();
                p.swig_files.clear();
                p.swig_cxx_files.clear();
            }
            let cgo_or_swig = p.uses_cgo() || p.uses_swig();
            if !p.c_files.is_empty() && !cgo_or_swig && compiler_gc {
                Some(format!(
                    "C source files not allowed when not using cgo or SWIG: {}",
                    p.c_files.join(" ")
                ))
            } else if !p.cxx_files.is_empty() && !cgo_or_swig {
                Some(format!(
                    "C++ source files not allowed when not using cgo or SWIG: {}",
                    p.cxx_files.join(" ")
                ))
            } else if !p.m_files.is_empty() && !cgo_or_swig {
                Some(format!(
                    "Objective-C source files not allowed when not using cgo or SWIG: {}",
                    p.m_files.join(" ")
                ))
            } else if !p.f_files.is_empty() && !cgo_or_swig {
                Some(format!(
                    "Fortran source files not allowed when not using cgo or SWIG: {}",
                    p.f_files.join(" ")
                ))
            } else {
                None
            }
        };
        if let Some(e) = late {
            set_error(self, stk, e);
        }
        stk.pop();
    }

    /// The install target of a main package (`load`'s `useBindir` part).
    fn set_target(&mut self, id: PackageId, bin_dir: &str) {
        let exe = self.exe_suffix();
        let goos = self.cfg.build.goos.clone();
        let goarch = self.cfg.build.goarch.clone();
        let cross = goos != self.cfg.host_goos || goarch != self.cfg.host_goarch;
        let goroot = self.cfg.build.goroot.clone();
        let gobin_set = !self.cfg.gobin.is_empty();
        let p = self.graph.get_mut(id);
        if p.name != "main" {
            p.target = String::new();
            return;
        }
        let elem_base = exe_from_import_path(&p.import_path);
        let full = format!("{goos}_{goarch}/{elem_base}{exe}");
        let elem = if cross {
            full.clone()
        } else {
            format!("{elem_base}{exe}")
        };
        if !bin_dir.is_empty() {
            p.target = fspath::join(&[bin_dir, &elem]);
            if !p.goroot && elem.contains('/') && gobin_set {
                p.target = String::new();
            }
        }
        if p.goroot
            && p.import_path.starts_with("cmd/")
            && !matches!(p.import_path.as_str(), "cmd/go" | "cmd/gofmt")
        {
            p.target = fspath::join(&[&goroot, "pkg", "tool", &full]);
        }
    }

    /// `LinkerDeps` for a main package.
    fn linker_deps(&self) -> Result<Vec<String>, String> {
        let mut deps = vec!["runtime".to_string()];
        let (goos, goarch) = (self.cfg.build.goos.as_str(), self.cfg.build.goarch.as_str());
        let what = external_linking_reason(goos, goarch);
        if !what.is_empty() && self.cfg.build.compiler != "gccgo" {
            if !self.cfg.build.cgo_enabled {
                return Err(format!(
                    "{what} requires external (cgo) linking, but cgo is not enabled"
                ));
            }
            deps.push("runtime/cgo".into());
        }
        if goarch == "arm" {
            deps.push("math".into());
        }
        Ok(deps)
    }

    fn set_default_godebug(&mut self, id: PackageId) {
        if self.graph.get(id).name != "main" {
            return;
        }
        let directives: Vec<String> = self
            .graph
            .get(id)
            .internal
            .directives
            .iter()
            .map(|(t, _)| t.clone())
            .collect();
        let s = self.default_godebug_for(&directives);
        self.graph.get_mut(id).default_godebug = s;
    }

    /// `defaultGODEBUG` of a main package with these `//go:debug` texts.
    pub fn default_godebug_for(&mut self, directives: &[String]) -> String {
        let m = self.modules;
        let go_version = m.main_go_version();
        let module_godebugs: Vec<(String, String)> = if m.in_workspace_mode() {
            m.work
                .as_ref()
                .map(|w| {
                    w.godebug
                        .iter()
                        .map(|g| (g.key.clone(), g.value.clone()))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            m.mains
                .first()
                .and_then(|mm| mm.modfile.as_ref())
                .map(|f| {
                    f.godebug
                        .iter()
                        .map(|g| (g.key.clone(), g.value.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        godebug::default_godebug(
            &self.cfg.go_version,
            &go_version,
            &module_godebugs,
            directives,
        )
    }

    /// `disallowInternal`.
    fn disallow_internal(
        &self,
        src_dir: &str,
        importer: Option<PackageId>,
        importer_path: &str,
        id: PackageId,
        stk: &ImportStack,
    ) -> Option<PackageError> {
        let p = self.graph.get(id);
        if p.error.is_some() {
            return None;
        }
        if fspath::has_path_prefix(&p.import_path, "testing/internal")
            && importer_path == "testmain"
        {
            return None;
        }
        if p.standard && importer_path.starts_with("bootstrap/") {
            return None;
        }
        if importer_path.is_empty() {
            return None;
        }
        let (mut i, ok) = find_internal(&p.import_path);
        if !ok {
            return None;
        }
        i = i.saturating_sub(1);
        let err = || {
            let mut e = PackageError::new(
                stk,
                format!("use of internal package {} not allowed", p.import_path),
            );
            e.always_print_stack = true;
            Some(e)
        };
        if fspath::has_path_prefix(importer_path, "crypto")
            && fspath::has_path_prefix(&p.import_path, "crypto/internal/fips140")
        {
            return None;
        }
        if fspath::has_path_prefix(importer_path, "crypto/internal/fips140") {
            if fspath::has_path_prefix(&p.import_path, "crypto/internal") {
                return None;
            }
            return err();
        }
        if p.module.is_none() {
            let cut = (i + p.dir.len()).checked_sub(p.import_path.len());
            let Some(cut) = cut.filter(|&c| c <= p.dir.len() && p.dir.is_char_boundary(c)) else {
                return err();
            };
            let parent = &p.dir[..cut];
            if fspath::has_file_path_prefix(&fspath::clean(src_dir), &fspath::clean(parent)) {
                return None;
            }
            let xs = fspath::eval_symlinks(src_dir).unwrap_or_else(|| src_dir.to_string());
            let xp = fspath::eval_symlinks(parent).unwrap_or_else(|| parent.to_string());
            if fspath::has_file_path_prefix(&fspath::clean(&xs), &fspath::clean(&xp)) {
                return None;
            }
        } else {
            let mut importer_path = importer_path.to_string();
            if let Some(imp) = importer
                && self.graph.get(imp).internal.cmdline_files
            {
                importer_path = self.dir_import_path(&self.graph.get(imp).dir);
            }
            let parent_of_internal = &p.import_path[..i];
            if fspath::has_path_prefix(&importer_path, parent_of_internal) {
                return None;
            }
        }
        err()
    }

    /// `MainModules.DirImportPath`: the import path of a directory inside
    /// a main module, else ".".
    pub fn dir_import_path(&self, dir: &str) -> String {
        let m = self.modules;
        if !m.has_mod_root {
            return ".".into();
        }
        let dir = fspath::abs_from(&self.cfg.cwd, dir);
        let mut longest = String::new();
        let mut longest_path = String::new();
        for mm in &m.mains {
            if dir == mm.root {
                return mm.path_prefix.clone();
            }
            if fspath::has_file_path_prefix(&dir, &mm.root) && mm.path_prefix > longest {
                longest = mm.path_prefix.clone();
                let suffix = fspath::trim_file_path_prefix(&dir, &mm.root);
                longest_path = match suffix.strip_prefix("vendor/") {
                    Some(v) => v.to_string(),
                    None => fspath::join(&[&mm.path_prefix, suffix]),
                };
            }
        }
        if !longest.is_empty() {
            return longest_path;
        }
        ".".into()
    }

    /// `disallowVendor`.
    fn disallow_vendor(
        &self,
        src_dir: &str,
        path: &str,
        importer_path: &str,
        id: PackageId,
        stk: &ImportStack,
    ) -> Option<PackageError> {
        if importer_path.is_empty() {
            return None;
        }
        let p = self.graph.get(id);
        if let (i, true) = find_vendor(&p.import_path) {
            let i = i.saturating_sub(1);
            let truncate_to = (i + p.dir.len()) as isize - p.import_path.len() as isize;
            if truncate_to >= 0
                && (truncate_to as usize) <= p.dir.len()
                && p.dir.is_char_boundary(truncate_to as usize)
            {
                let parent = &p.dir[..truncate_to as usize];
                let ok =
                    fspath::has_file_path_prefix(&fspath::clean(src_dir), &fspath::clean(parent))
                        || {
                            let xs = fspath::eval_symlinks(src_dir)
                                .unwrap_or_else(|| src_dir.to_string());
                            let xp =
                                fspath::eval_symlinks(parent).unwrap_or_else(|| parent.to_string());
                            fspath::has_file_path_prefix(&fspath::clean(&xs), &fspath::clean(&xp))
                        };
                if !ok {
                    return Some(PackageError::new(
                        stk,
                        "use of vendored package not allowed",
                    ));
                }
            }
        }
        if let (i, true) = find_vendor(path) {
            return Some(PackageError::new(
                stk,
                format!(
                    "{path} must be imported as {}",
                    &path[i + "vendor/".len()..]
                ),
            ));
        }
        None
    }
}

/// `load.NoGoError.Error`.
pub fn no_go_text(p: &Package) -> String {
    if !p.ignored_go_files.is_empty() {
        return format!("build constraints exclude all Go files in {}", p.dir);
    }
    if !p.test_go_files.is_empty() || !p.xtest_go_files.is_empty() {
        return format!("no non-test Go files in {}", p.dir);
    }
    format!("no Go files in {}", p.dir)
}

/// Positions with file names shortened as go's `setPos` does.
pub fn shorten(cwd: &str, positions: &[Position]) -> Vec<Position> {
    positions
        .iter()
        .take(1)
        .map(|p| Position {
            filename: fspath::short_path(cwd, &p.filename),
            ..p.clone()
        })
        .collect()
}

/// `externalLinkingReason` (default build mode, no ldflags).
fn external_linking_reason(goos: &str, goarch: &str) -> String {
    let must = match goos {
        "android" => goarch != "arm64",
        "ios" => goarch == "arm64",
        _ => false,
    };
    if must {
        return format!("{goos}/{goarch}");
    }
    let default_pie = matches!(goos, "android" | "ios" | "windows" | "darwin");
    let internal_pie = matches!(
        format!("{goos}/{goarch}").as_str(),
        "android/arm64"
            | "darwin/amd64"
            | "darwin/arm64"
            | "linux/amd64"
            | "linux/arm64"
            | "linux/loong64"
            | "linux/ppc64"
            | "linux/ppc64le"
            | "linux/s390x"
            | "windows/386"
            | "windows/amd64"
            | "windows/arm64"
    );
    if default_pie && !internal_pie {
        return "default PIE binary".into();
    }
    String::new()
}

/// `exeFromImportPath`: the last element, or the one before a `/vN`.
fn exe_from_import_path(path: &str) -> String {
    let mut parts = path.rsplit('/');
    let elem = parts.next().unwrap_or(path);
    if elem != path && is_version_element(elem) {
        return parts.next().unwrap_or(elem).to_string();
    }
    elem.to_string()
}

fn is_version_element(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'v' || b[1] == b'0' || (b[1] == b'1' && b.len() == 2) {
        return false;
    }
    b[1..].iter().all(u8::is_ascii_digit)
}

/// `SafeArg`.
pub fn safe_arg(name: &str) -> bool {
    let Some(&c) = name.as_bytes().first() else {
        return false;
    };
    c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || c == b'/' || c >= 0x80
}

/// `str.FoldDup`: two names equal under case folding.
fn fold_dup(list: &[String]) -> Option<(String, String)> {
    let mut seen: HashMap<String, &String> = HashMap::new();
    for s in list {
        let f = s.to_lowercase();
        if let Some(t) = seen.get(&f)
            && *t != s
        {
            let (a, b) = if t.as_str() < s.as_str() {
                (*t, s)
            } else {
                (s, *t)
            };
            return Some((a.clone(), b.clone()));
        }
        seen.insert(f, s);
    }
    None
}

/// `findInternal`: index of the last `internal` element.
pub fn find_internal(path: &str) -> (usize, bool) {
    if path.ends_with("/internal") {
        return (path.len() - "internal".len(), true);
    }
    if let Some(i) = path.rfind("/internal/") {
        return (i + 1, true);
    }
    if path == "internal" || path.starts_with("internal/") {
        return (0, true);
    }
    (0, false)
}

/// `FindVendor`: index of the last non-final `vendor` element.
pub fn find_vendor(path: &str) -> (usize, bool) {
    if let Some(i) = path.rfind("/vendor/") {
        return (i + 1, true);
    }
    if path.starts_with("vendor/") {
        return (0, true);
    }
    (0, false)
}
