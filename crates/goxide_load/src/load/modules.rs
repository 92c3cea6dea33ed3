//! The module system as the loader sees it: the main module(s), the
//! requirement graph and its selected versions, replacements, the vendor
//! directory, the module cache and go.sum. Mirrors cmd/go's
//! `modload/init.go` (`Init`, `loadModFile`, `setDefaultBuildMod`,
//! `makeMainModules`, `rootsFromModFile`), `modload/buildlist.go`
//! (`Requirements`, `readModGraph`, `rootSelected`), `modload/modfile.go`
//! (`ReadModFile`, `goModSummary`, `Replacement`), `modload/vendor.go`
//! (`readVendorList`), `modload/import.go` (`fetch`) and the parts of
//! `modfetch` that read the module cache (`DownloadDir`, `GoMod`,
//! `HaveSum`).
//!
//! Offline by construction: a module version is found in GOMODCACHE or
//! not at all. Where go would download, goxide reports what go reports
//! with `GOPROXY=off` ("module lookup disabled by GOPROXY=off").
//!
//! The graph: roots are the main module's requirements (plus `go`); in
//! a pruned graph (go ≥ 1.17) a root's own requirements are loaded but
//! not theirs unless the requirer is unpruned; the selected version of a
//! path is the highest version any loaded edge requires (`mvs.Graph`).
//! Import resolution first consults only the roots and loads the full
//! graph only when that fails, as go does, so errors in unrelated parts
//! of the graph surface under the same conditions.
//!
//! Invariants: the graph is loaded at most once ([`std::sync::OnceLock`]);
//! every `Err` string is go's message without the leading `go: `.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use super::Config;
use super::fspath;
use crate::modfile::gover;
use crate::modfile::{self, File as ModFile, WorkFile};
use crate::module::Version;

/// `cfg.BuildMod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuildMod {
    Readonly,
    Vendor,
    Mod,
}

impl BuildMod {
    pub fn as_str(self) -> &'static str {
        match self {
            BuildMod::Readonly => "readonly",
            BuildMod::Vendor => "vendor",
            BuildMod::Mod => "mod",
        }
    }
}

/// From this go version on, a vendor directory is used by default.
const AUTO_VENDOR_VERSION: &str = "1.14";

/// `modPruning`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pruning {
    Pruned,
    Unpruned,
    Workspace,
}

fn pruning_for_go_version(v: &str) -> Pruning {
    if gover::compare(v, gover::EXPLICIT_INDIRECT_VERSION).is_lt() {
        Pruning::Unpruned
    } else {
        Pruning::Pruned
    }
}

/// A main module: its path, root directory and go.mod.
#[derive(Clone, Debug)]
pub struct MainModule {
    pub path: String,
    /// Empty for the synthetic `command-line-arguments` module outside
    /// any module.
    pub root: String,
    /// The `go` line (empty if none).
    pub go_line: String,
    pub modfile: Option<ModFile>,
    /// The import-path prefix of its packages (empty for `std`).
    pub path_prefix: String,
    pub in_goroot_src: bool,
}

/// A go.mod file of a dependency, summarised (`modFileSummary`).
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub module: Version,
    pub go_version: String,
    pub pruning: Option<Pruning>,
    pub require: Vec<Version>,
    /// `ignore` directives.
    pub ignore: Vec<String>,
}

/// The module graph (`ModuleGraph`): required-by edges and the selected
/// version of every path.
#[derive(Clone, Debug, Default)]
pub struct ModuleGraph {
    pub required: HashMap<Version, Vec<Version>>,
    pub selected: HashMap<String, String>,
    /// Build list order: the roots' paths, then the rest sorted.
    pub roots: Vec<Version>,
}

impl ModuleGraph {
    pub fn selected(&self, path: &str) -> String {
        self.selected
            .get(path)
            .cloned()
            .unwrap_or_else(|| "none".to_string())
    }

    /// `BuildList`.
    pub fn build_list(&self) -> Vec<Version> {
        let mut seen = HashSet::new();
        let mut list = Vec::new();
        for r in &self.roots {
            if !seen.insert(r.path.clone()) {
                continue;
            }
            let v = self.selected(&r.path);
            if v != "none" {
                list.push(Version {
                    path: r.path.clone(),
                    version: v,
                });
            }
        }
        let mut rest: Vec<Version> = self
            .selected
            .iter()
            .filter(|(p, _)| !seen.contains(*p))
            .map(|(p, v)| Version {
                path: p.clone(),
                version: v.clone(),
            })
            .collect();
        rest.sort_by(|a, b| {
            a.path
                .cmp(&b.path)
                .then_with(|| cmp_version(&a.path, &a.version, &b.version))
        });
        list.extend(rest);
        list
    }
}

/// `cmpVersion`: the empty version (a main module) is highest.
pub fn cmp_version(path: &str, v1: &str, v2: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (v1.is_empty(), v2.is_empty()) {
        (true, true) => Equal,
        (_, true) => Less,
        (true, _) => Greater,
        _ => mod_compare(path, v1, v2),
    }
}

pub use crate::modfile::gover::mod_compare;

/// What vendor/modules.txt says (`vendorList`, `vendorPkgModule`, ...).
pub type VendorInfo = modfile::VendorList;

/// go.sum lines: (path, version) → hash, where version may end in
/// `/go.mod`.
#[derive(Clone, Debug, Default)]
pub struct GoSum {
    sums: HashMap<(String, String), String>,
}

impl GoSum {
    fn add_file(&mut self, file: &str) {
        let Ok(data) = std::fs::read(file) else {
            return;
        };
        for line in String::from_utf8_lossy(&data).lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() == 3 {
                self.sums
                    .entry((f[0].to_string(), f[1].to_string()))
                    .or_insert_with(|| f[2].to_string());
            }
        }
    }

    /// The recorded hash of `path@version` (version may end `/go.mod`).
    pub fn get(&self, path: &str, version: &str) -> Option<&str> {
        self.sums
            .get(&(path.to_string(), version.to_string()))
            .map(String::as_str)
    }
}

/// An error locating a module's files (`fetch`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// go.sum lacks the module's hash (`sumMissingError`).
    SumMissing(Version),
    Other(String),
}

impl FetchError {
    pub fn text(&self) -> String {
        match self {
            FetchError::SumMissing(m) => format!("{}@{}: missing go.sum entry", m.path, m.version),
            FetchError::Other(s) => s.clone(),
        }
    }
}

/// The module state of one goxide invocation (go's `modload.Loader`).
pub struct Modules {
    /// Module-aware mode (always, in goxide: GOPATH mode is refused).
    pub enabled: bool,
    /// The go.work file in use, if any.
    pub work_file: String,
    pub work: Option<WorkFile>,
    /// Main modules; outside any module, one synthetic
    /// `command-line-arguments` module with an empty root.
    pub mains: Vec<MainModule>,
    pub has_mod_root: bool,
    pub build_mod: BuildMod,
    pub build_mod_explicit: bool,
    pub build_mod_reason: String,
    pub pruning: Pruning,
    /// Root requirements, sorted by path then version.
    pub roots: Vec<Version>,
    max_root_version: HashMap<String, String>,
    pub direct: HashSet<String>,
    work_replace: HashMap<Version, Version>,
    /// Per main module (same order as `mains`): its replacements, with
    /// relative directories made absolute in workspace mode.
    main_replace: Vec<HashMap<Version, Version>>,
    pub tools: Vec<String>,
    pub vendor: VendorInfo,
    pub gosum: GoSum,
    pub modcache: String,
    pub mod_containing_cwd: Option<usize>,
    /// Warnings to print (`go: warning: ...` without the prefix).
    pub warnings: Vec<String>,
    /// The `go` version of each module version whose go.mod was read
    /// (`rawGoVersion`).
    raw_go_version: Mutex<HashMap<Version, String>>,
    summaries: Mutex<HashMap<Version, Result<Arc<Summary>, String>>>,
    graph: OnceLock<(ModuleGraph, Option<String>)>,
    cfg_go_version: String,
    /// The running Go, for go.mod version checks.
    local: gover::Local,
    goproxy: String,
    goroot_src: String,
    cwd: String,
}

/// A fatal error: the lines go prints before exiting, each as go prints
/// it (most start `go: `; the caller may reword that prefix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fatal(pub Vec<String>);

impl Fatal {
    /// `base.Fatal(err)`: `go: ` and the message.
    pub fn one(msg: impl Into<String>) -> Fatal {
        Fatal(vec![format!("go: {}", msg.into())])
    }

    /// `base.Fatalf("%s", ...)`: the message as is.
    pub fn raw(msg: impl Into<String>) -> Fatal {
        Fatal(vec![msg.into()])
    }
}

/// `findModuleRoot`.
pub fn find_module_root(dir: &str) -> Option<String> {
    let mut dir = fspath::clean(dir);
    loop {
        if fspath::is_file(&fspath::join(&[&dir, "go.mod"])) {
            return Some(dir);
        }
        let d = fspath::dir(&dir);
        if d == dir {
            return None;
        }
        dir = d;
    }
}

/// `findWorkspaceFile`: not crossing into GOROOT from below.
fn find_workspace_file(dir: &str, goroot: &str) -> Option<String> {
    let mut dir = fspath::clean(dir);
    loop {
        let f = fspath::join(&[&dir, "go.work"]);
        if fspath::is_file(&f) {
            return Some(f);
        }
        let d = fspath::dir(&dir);
        if d == dir || d == goroot {
            return None;
        }
        dir = d;
    }
}

/// `module.EscapePath`/`EscapeVersion`: `!` before each uppercase
/// letter, lowercased (the module cache's case-safe spelling).
pub fn escape_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for c in p.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

impl Modules {
    /// `Init` + `loadModFile`: finds and reads the main module(s), picks
    /// the `-mod` mode, and sets up the root requirements.
    pub fn load(cfg: &Config) -> Result<Modules, Fatal> {
        match cfg.go111module.as_str() {
            "" | "on" | "auto" => {}
            "off" => {
                return Err(Fatal::one(
                    "GOPATH mode (GO111MODULE=off) is not supported by goxide",
                ));
            }
            other => {
                return Err(Fatal::one(format!(
                    "unknown environment setting GO111MODULE={other}"
                )));
            }
        }
        let work_file = match cfg.gowork.as_str() {
            "off" => String::new(),
            "" | "auto" => find_workspace_file(&cfg.cwd, &cfg.build.goroot).unwrap_or_default(),
            w if !fspath::is_abs(w) => {
                return Err(Fatal::one("invalid GOWORK: not an absolute path"));
            }
            w => w.to_string(),
        };
        let mut m = Modules {
            enabled: true,
            work_file,
            work: None,
            mains: Vec::new(),
            has_mod_root: false,
            build_mod: BuildMod::Readonly,
            build_mod_explicit: !cfg.mod_flag.is_empty(),
            build_mod_reason: String::new(),
            pruning: Pruning::Pruned,
            roots: Vec::new(),
            max_root_version: HashMap::new(),
            direct: HashSet::new(),
            work_replace: HashMap::new(),
            main_replace: Vec::new(),
            tools: Vec::new(),
            vendor: VendorInfo::default(),
            gosum: GoSum::default(),
            modcache: cfg.gomodcache.clone(),
            mod_containing_cwd: None,
            warnings: Vec::new(),
            raw_go_version: Mutex::new(HashMap::new()),
            summaries: Mutex::new(HashMap::new()),
            graph: OnceLock::new(),
            cfg_go_version: cfg.go_version.clone(),
            local: gover::Local {
                version: cfg.go_version.clone(),
                startup: gover::Startup {
                    gotoolchain: cfg.gotoolchain.clone(),
                    ..gover::Startup::default()
                },
            },
            goproxy: cfg.goproxy.clone(),
            goroot_src: fspath::join(&[&cfg.build.goroot, "src"]),
            cwd: cfg.cwd.clone(),
        };
        match cfg.mod_flag.as_str() {
            "" => {}
            "readonly" => m.build_mod = BuildMod::Readonly,
            "vendor" => m.build_mod = BuildMod::Vendor,
            "mod" => m.build_mod = BuildMod::Mod,
            other => {
                return Err(Fatal::one(format!(
                    "-mod={other} not supported (can be '', 'mod', 'readonly', or 'vendor')"
                )));
            }
        }

        let mut mod_roots: Vec<String> = Vec::new();
        if !m.work_file.is_empty() {
            let (wf, roots) = load_work_file(&m.work_file, &cfg.cwd, &m.local)?;
            for r in &roots {
                m.gosum.add_file(&fspath::join(&[r, "go.sum"]));
            }
            m.gosum.add_file(&format!("{}.sum", m.work_file));
            m.work = Some(wf);
            mod_roots = roots;
        } else if let Some(root) = find_module_root(&cfg.cwd) {
            if fspath::in_dir(&root, &cfg.temp_dir).as_deref() == Some(".") {
                m.warnings.push(format!(
                    "warning: ignoring go.mod in system temp root {}",
                    cfg.temp_dir
                ));
            } else {
                m.gosum.add_file(&fspath::join(&[&root, "go.sum"]));
                mod_roots.push(root);
            }
        }
        if let Some(first) = cfg.gopath.split(':').next()
            && !first.is_empty()
            && std::path::Path::new(&fspath::join(&[first, "go.mod"])).exists()
        {
            m.warnings
                .push(format!("warning: ignoring go.mod in $GOPATH {first}"));
        }

        if mod_roots.is_empty() {
            // Module mode outside any module: only std, cmd and
            // command-line files can be loaded.
            if m.build_mod_explicit && m.work_file.is_empty() {
                // keep the explicit mode
            } else {
                m.build_mod = BuildMod::Readonly;
            }
            m.mains.push(MainModule {
                path: "command-line-arguments".into(),
                root: String::new(),
                go_line: String::new(),
                modfile: None,
                path_prefix: "command-line-arguments".into(),
                in_goroot_src: false,
            });
            let gv = if let Some(w) = &m.work {
                w.go.as_ref()
                    .map(|g| g.version.clone())
                    .unwrap_or_else(|| gover::DEFAULT_GO_WORK_VERSION.into())
            } else {
                cfg.go_version.clone()
            };
            m.raw_go_version.lock().unwrap().insert(
                Version {
                    path: "command-line-arguments".into(),
                    version: String::new(),
                },
                gv.clone(),
            );
            m.pruning = if m.work.is_some() {
                Pruning::Workspace
            } else {
                pruning_for_go_version(&gv)
            };
            m.set_roots(vec![Version {
                path: "go".into(),
                version: gv,
            }]);
            m.direct.insert("go".into());
            return Ok(m);
        }
        m.has_mod_root = true;

        let mut errs = Vec::new();
        let cwd_root = find_module_root(&cfg.cwd);
        for root in &mod_roots {
            let gomod = fspath::join(&[root, "go.mod"]);
            match read_mod_file(&gomod, &cfg.cwd, &m.local) {
                Ok(f) => {
                    if m.work.is_some() {
                        let mv =
                            f.go.as_ref()
                                .map(|g| g.version.clone())
                                .unwrap_or_else(|| gover::DEFAULT_GO_MOD_VERSION.into());
                        let wv = m
                            .work
                            .as_ref()
                            .and_then(|w| w.go.as_ref().map(|g| g.version.clone()))
                            .unwrap_or_else(|| gover::DEFAULT_GO_WORK_VERSION.into());
                        if gover::compare(&mv, &wv).is_gt()
                            && gover::compare(&mv, gover::GO_STRICT_VERSION).is_ge()
                        {
                            errs.push(err_work_too_old(&gomod, &cfg.cwd, m.work.as_ref(), &mv));
                            continue;
                        }
                    }
                    let path = f
                        .module
                        .as_ref()
                        .map(|v| v.path.clone())
                        .unwrap_or_default();
                    if let Err(e) = modfile::check_main_module_path(&path) {
                        errs.push(e.to_string());
                    }
                    let in_goroot_src = fspath::in_dir(root, &m.goroot_src).is_some();
                    let prefix = if in_goroot_src && path == "std" {
                        String::new()
                    } else {
                        path.clone()
                    };
                    if cwd_root.as_deref() == Some(root.as_str()) {
                        m.mod_containing_cwd = Some(m.mains.len());
                    }
                    m.mains.push(MainModule {
                        path,
                        root: root.clone(),
                        go_line: f.go.as_ref().map(|g| g.version.clone()).unwrap_or_default(),
                        modfile: Some(f),
                        path_prefix: prefix,
                        in_goroot_src,
                    });
                }
                Err(e) => {
                    if m.work.is_some() {
                        errs.push(format!(
                            "cannot load module {} listed in go.work file: {e}",
                            fspath::short_path(&cfg.cwd, root)
                        ));
                    } else {
                        errs.push(e);
                    }
                }
            }
        }
        if !errs.is_empty() {
            return Err(Fatal(
                errs.into_iter().map(|e| format!("go: {e}")).collect(),
            ));
        }
        m.make_main_modules()?;
        m.set_default_build_mod()?;
        m.requirements_from_mod_files();
        if m.build_mod == BuildMod::Vendor {
            m.read_vendor_list()?;
        }
        Ok(m)
    }

    fn set_roots(&mut self, mut roots: Vec<Version>) {
        roots.sort_by(|a, b| {
            a.path
                .cmp(&b.path)
                .then_with(|| mod_compare(&a.path, &a.version, &b.version))
        });
        self.max_root_version.clear();
        for r in &roots {
            match self.max_root_version.get(&r.path) {
                Some(v) if mod_compare(&r.path, v, &r.version).is_ge() => {}
                _ => {
                    self.max_root_version
                        .insert(r.path.clone(), r.version.clone());
                }
            }
        }
        self.roots = roots;
    }

    /// `makeMainModules`: replacements (go.work first), tools, duplicate
    /// checks.
    fn make_main_modules(&mut self) -> Result<(), Fatal> {
        let mut errs = Vec::new();
        let mut seen = HashSet::new();
        for mm in &self.mains {
            if !seen.insert(mm.path.clone()) {
                errs.push(format!(
                    "module {} appears multiple times in workspace",
                    mm.path
                ));
            }
        }
        let mut replaced_by_work = HashSet::new();
        if let Some(w) = &self.work {
            for r in &w.replace {
                if seen.contains(&r.old.path) && r.old.version.is_empty() {
                    errs.push(format!(
                        "workspace module {} is replaced at all versions in the go.work file. To fix, remove the replacement from the go.work file or specify the version at which to replace the module.",
                        r.old.path
                    ));
                }
                replaced_by_work.insert(r.old.path.clone());
                self.work_replace.insert(r.old.clone(), r.new.clone());
            }
        }
        let mut all: HashMap<Version, Version> = HashMap::new();
        for mm in &self.mains {
            let mut table = HashMap::new();
            if let Some(f) = &mm.modfile {
                for r in &f.replace {
                    if replaced_by_work.contains(&r.old.path) {
                        continue;
                    }
                    let mut new = r.new.clone();
                    if self.work.is_some() && new.version.is_empty() && !fspath::is_abs(&new.path) {
                        new.path = fspath::join(&[&mm.root, &new.path]);
                    }
                    if let Some(prev) = all.get(&r.old)
                        && !table.contains_key(&r.old)
                        && *prev != new
                    {
                        return Err(Fatal::one(format!(
                            "conflicting replacements for {}:\n\t{}\n\t{}\nuse \"go work edit -replace {}=[override]\" to resolve",
                            fmt_version(&r.old),
                            fmt_version(prev),
                            fmt_version(&new),
                            fmt_version(&r.old)
                        )));
                    }
                    all.insert(r.old.clone(), new.clone());
                    table.insert(r.old.clone(), new);
                }
                for t in &f.tool {
                    self.tools.push(t.path.clone());
                }
            }
            self.main_replace.push(table);
        }
        if !errs.is_empty() {
            return Err(Fatal(
                errs.into_iter().map(|e| format!("go: {e}")).collect(),
            ));
        }
        Ok(())
    }

    /// `setDefaultBuildMod`.
    fn set_default_build_mod(&mut self) -> Result<(), Fatal> {
        if self.build_mod_explicit {
            if self.work.is_some()
                && !matches!(self.build_mod, BuildMod::Readonly | BuildMod::Vendor)
            {
                return Err(Fatal::one(format!(
                    "-mod may only be set to readonly or vendor when in workspace mode, but it is set to {:?}\n\tRemove the -mod flag to use the default readonly value, \n\tor set GOWORK=off to disable workspace mode.",
                    self.build_mod.as_str()
                )));
            }
            return Ok(());
        }
        let (go_version, source, vendor_dir) = if self.work.is_some() {
            (
                self.work
                    .as_ref()
                    .and_then(|w| w.go.as_ref().map(|g| g.version.clone()))
                    .unwrap_or_default(),
                "go.work",
                fspath::join(&[&fspath::dir(&self.work_file), "vendor"]),
            )
        } else {
            (
                self.mains[0].go_line.clone(),
                "go.mod",
                fspath::join(&[&self.mains[0].root, "vendor"]),
            )
        };
        if fspath::is_dir(&vendor_dir) {
            if go_version.is_empty() {
                self.build_mod_reason = format!(
                    "Go version in {source} is unspecified, so vendor directory was not used."
                );
            } else if gover::compare(&go_version, AUTO_VENDOR_VERSION).is_lt() {
                self.build_mod_reason = format!(
                    "Go version in {source} is {go_version}, so vendor directory was not used."
                );
            } else {
                let for_workspace = modules_txt_is_for_workspace(&vendor_dir).map_err(|e| {
                    Fatal::one(format!("reading modules.txt for vendor directory: {e}"))
                })?;
                if for_workspace != (source == "go.work") {
                    self.build_mod_reason = if for_workspace {
                        "Outside workspace mode, but vendor directory is for a workspace.".into()
                    } else {
                        "In workspace mode, but vendor directory is not for a workspace".into()
                    };
                } else {
                    self.build_mod = BuildMod::Vendor;
                    self.build_mod_reason = format!(
                        "Go version in {source} is at least 1.14 and vendor directory exists."
                    );
                    return Ok(());
                }
            }
        }
        self.build_mod = BuildMod::Readonly;
        Ok(())
    }

    /// `requirementsFromModFiles`.
    fn requirements_from_mod_files(&mut self) {
        let mut roots = Vec::new();
        let mut direct = HashSet::new();
        if let Some(w) = &self.work {
            self.pruning = Pruning::Workspace;
            for mm in &self.mains {
                roots.push(Version {
                    path: mm.path.clone(),
                    version: String::new(),
                });
            }
            let gv =
                w.go.as_ref()
                    .map(|g| g.version.clone())
                    .unwrap_or_else(|| gover::DEFAULT_GO_WORK_VERSION.into());
            roots.push(Version {
                path: "go".into(),
                version: gv,
            });
            if let Some(t) = &w.toolchain {
                roots.push(Version {
                    path: "toolchain".into(),
                    version: t.name.clone(),
                });
            }
            for mm in &self.mains {
                if let Some(f) = &mm.modfile {
                    for r in &f.require {
                        if !r.indirect {
                            direct.insert(r.module.path.clone());
                        }
                    }
                }
            }
        } else {
            let mm = &self.mains[0];
            let f = mm.modfile.as_ref();
            let gv = if mm.go_line.is_empty() {
                gover::DEFAULT_GO_MOD_VERSION.to_string()
            } else {
                mm.go_line.clone()
            };
            self.pruning = pruning_for_go_version(&gv);
            if let Some(f) = f {
                for r in &f.require {
                    if f.exclude.iter().any(|e| e.module == r.module) {
                        continue;
                    }
                    roots.push(r.module.clone());
                    if !r.indirect {
                        direct.insert(r.module.path.clone());
                    }
                }
            }
            roots.push(Version {
                path: "go".into(),
                version: gv.clone(),
            });
            direct.insert("go".into());
            if let Some(t) = f.and_then(|f| f.toolchain.as_ref().map(|t| t.name.clone())) {
                roots.push(Version {
                    path: "toolchain".into(),
                    version: t,
                });
            }
        }
        for mm in &self.mains {
            let gv = if mm.go_line.is_empty() {
                gover::DEFAULT_GO_MOD_VERSION.to_string()
            } else {
                mm.go_line.clone()
            };
            self.raw_go_version.lock().unwrap().insert(
                Version {
                    path: mm.path.clone(),
                    version: String::new(),
                },
                gv,
            );
        }
        self.set_roots(roots);
        self.direct = direct;
    }

    /// `readVendorList` and `checkVendorConsistency`.
    fn read_vendor_list(&mut self) -> Result<(), Fatal> {
        let file = fspath::join(&[&self.vendor_dir(), "modules.txt"]);
        let data = std::fs::read(&file).unwrap_or_default();
        let display = fspath::short_path(&self.cwd, &file);
        self.vendor = modfile::read_vendor_list(&data, &display, &self.local)
            .map_err(|e| Fatal::one(e.to_string()))?;
        for (m, meta) in &self.vendor.meta {
            if !meta.go_version.is_empty() {
                self.raw_go_version
                    .lock()
                    .unwrap()
                    .insert(m.clone(), meta.go_version.clone());
            }
        }
        let displays: Vec<String> = self
            .mains
            .iter()
            .map(|mm| fspath::short_path(&self.cwd, &fspath::join(&[&mm.root, "go.mod"])))
            .collect();
        let mains: Vec<modfile::MainModule<'_>> = self
            .mains
            .iter()
            .zip(&displays)
            .filter_map(|(mm, d)| {
                Some(modfile::MainModule {
                    file: mm.modfile.as_ref()?,
                    root: &mm.root,
                    gomod_display: d,
                })
            })
            .collect();
        let work_display = fspath::short_path(&self.cwd, &self.work_file);
        let workspace = self.work.as_ref().map(|w| modfile::Workspace {
            file: w,
            path: &self.work_file,
            display: &work_display,
        });
        let parent = fspath::dir(&self.vendor_dir());
        modfile::check_vendor_consistency(&self.vendor, &mains, workspace, &parent)
            .map_err(|e| Fatal::one(e.to_string()))
    }

    /// The vendor directory (`VendorDir`).
    pub fn vendor_dir(&self) -> String {
        if !self.work_file.is_empty() {
            return fspath::join(&[&fspath::dir(&self.work_file), "vendor"]);
        }
        fspath::join(&[&self.mains[0].root, "vendor"])
    }

    pub fn in_workspace_mode(&self) -> bool {
        !self.work_file.is_empty()
    }

    /// Whether `path` is a main module's path.
    pub fn contains_main(&self, path: &str) -> bool {
        self.mains.iter().any(|m| m.path == path)
    }

    pub fn main_by_path(&self, path: &str) -> Option<&MainModule> {
        self.mains.iter().find(|m| m.path == path)
    }

    /// The `go` version of the requirements (`Requirements.GoVersion`).
    pub fn go_version(&self) -> String {
        self.max_root_version.get("go").cloned().unwrap_or_default()
    }

    /// `MainModules.GoVersion`.
    pub fn main_go_version(&self) -> String {
        if let Some(w) = &self.work {
            return w
                .go
                .as_ref()
                .map(|g| g.version.clone())
                .unwrap_or_else(|| gover::DEFAULT_GO_WORK_VERSION.into());
        }
        if self.mains[0].modfile.is_none() {
            return self.cfg_go_version.clone();
        }
        let g = &self.mains[0].go_line;
        if g.is_empty() {
            gover::DEFAULT_GO_MOD_VERSION.into()
        } else {
            g.clone()
        }
    }

    /// `rootSelected`.
    pub fn root_selected(&self, path: &str) -> Option<String> {
        if self.contains_main(path) {
            return Some(String::new());
        }
        self.max_root_version.get(path).cloned()
    }

    /// `mustHaveSums`.
    pub fn must_have_sums(&self) -> bool {
        self.has_mod_root && self.build_mod == BuildMod::Readonly && !self.in_workspace_mode()
    }

    /// The directory relative replacements are relative to.
    fn replace_relative_to(&self) -> String {
        if !self.work_file.is_empty() {
            return fspath::dir(&self.work_file);
        }
        self.mains[0].root.clone()
    }

    /// `Replacement` (relative directories made absolute).
    pub fn replacement(&self, m: &Version) -> Option<Version> {
        if self.contains_main(&m.path) && m.version.is_empty() {
            return None;
        }
        let find = |table: &HashMap<Version, Version>| -> Option<Version> {
            table.get(m).cloned().or_else(|| {
                table
                    .get(&Version {
                        path: m.path.clone(),
                        version: String::new(),
                    })
                    .cloned()
            })
        };
        if let Some(r) = find(&self.work_replace) {
            return Some(r);
        }
        let mut found = None;
        for table in &self.main_replace {
            if let Some(r) = find(table) {
                found = Some(r);
            }
        }
        found
    }

    /// The directory of a directory replacement.
    pub fn replacement_dir(&self, r: &Version) -> String {
        if fspath::is_abs(&r.path) {
            r.path.clone()
        } else {
            fspath::join(&[&self.replace_relative_to(), &r.path])
        }
    }

    /// `modfetch.DownloadDir` of a module version in the module cache.
    pub fn download_dir(&self, m: &Version) -> Result<String, String> {
        if self.modcache.is_empty() {
            return Err("module cache not found: neither GOMODCACHE nor GOPATH is set".into());
        }
        let dir = fspath::join(&[
            &self.modcache,
            &format!("{}@{}", escape_path(&m.path), escape_path(&m.version)),
        ]);
        let ziphash = self.cache_file(m, "ziphash");
        if !fspath::is_dir(&dir)
            || fspath::is_file(&format!("{dir}.partial"))
            || !fspath::is_file(&ziphash)
        {
            return Err(self.lookup_disabled(m));
        }
        Ok(dir)
    }

    /// `cache/download/<path>/@v/<version>.<suffix>`.
    pub fn cache_file(&self, m: &Version, suffix: &str) -> String {
        fspath::join(&[
            &self.modcache,
            "cache/download",
            &escape_path(&m.path),
            "@v",
            &format!("{}.{suffix}", escape_path(&m.version)),
        ])
    }

    /// The error go gives when it would have to download `m`.
    fn lookup_disabled(&self, m: &Version) -> String {
        let how = if self.goproxy == "off" {
            "module lookup disabled by GOPROXY=off".to_string()
        } else {
            "module lookup disabled: goxide does not download modules (not in GOMODCACHE)"
                .to_string()
        };
        format!("{}@{}: {how}", m.path, m.version)
    }

    /// `fetch`: the directory holding `m`'s files, and whether it is a
    /// local (replacement or main) tree.
    pub fn fetch(&self, m: &Version) -> Result<(String, bool), FetchError> {
        if let Some(mm) = self
            .mains
            .iter()
            .find(|mm| mm.path == m.path && m.version.is_empty())
            && !mm.root.is_empty()
        {
            return Ok((mm.root.clone(), true));
        }
        let mut m = m.clone();
        if let Some(r) = self.replacement(&m) {
            if r.version.is_empty() {
                let dir = self.replacement_dir(&r);
                if !std::path::Path::new(&dir).exists() {
                    return Err(FetchError::Other(format!(
                        "{}@{}: replacement directory {} does not exist",
                        m.path, m.version, r.path
                    )));
                }
                return Ok((dir, true));
            }
            m = r;
        }
        if self.must_have_sums() && self.gosum.get(&m.path, &m.version).is_none() {
            return Err(FetchError::SumMissing(m));
        }
        self.download_dir(&m)
            .map(|d| (d, false))
            .map_err(FetchError::Other)
    }

    /// The go.mod text of a module version (`rawGoModData`).
    fn raw_go_mod_data(&self, m: &Version) -> Result<(String, Vec<u8>), String> {
        if m.version.is_empty() {
            let dir = if self.in_workspace_mode() && self.contains_main(&m.path) {
                self.main_by_path(&m.path)
                    .map(|mm| mm.root.clone())
                    .unwrap_or_default()
            } else {
                self.replacement_dir(m)
            };
            let name = fspath::join(&[&dir, "go.mod"]);
            return std::fs::read(&name)
                .map(|d| (name.clone(), d))
                .map_err(|e| {
                    format!(
                        "{}: reading {}: {}",
                        fmt_module(m),
                        fspath::short_path(&self.cwd, &name),
                        open_error_text(&name, &e)
                    )
                });
        }
        let file = self.cache_file(m, "mod");
        match std::fs::read(&file) {
            Ok(d) => Ok(("go.mod".into(), d)),
            Err(_) => Err(self.lookup_disabled(m)),
        }
    }

    /// `rawGoModSummary`.
    fn raw_go_mod_summary(&self, m: &Version) -> Result<Arc<Summary>, String> {
        if m.path == "go" || m.path == "toolchain" {
            let mut s = Summary {
                module: m.clone(),
                ..Summary::default()
            };
            if m.path == "go" && gover::compare(&m.version, gover::GO_STRICT_VERSION).is_ge() {
                s.require.push(Version {
                    path: "toolchain".into(),
                    version: format!("go{}", m.version),
                });
            }
            return Ok(Arc::new(s));
        }
        if let Some(r) = self.summaries.lock().unwrap().get(m) {
            return r.clone();
        }
        let r = self.read_summary(m);
        self.summaries.lock().unwrap().insert(m.clone(), r.clone());
        r
    }

    fn read_summary(&self, m: &Version) -> Result<Arc<Summary>, String> {
        if m.version.is_empty()
            && self.in_workspace_mode()
            && let Some(mm) = self.main_by_path(&m.path)
            && let Some(f) = &mm.modfile
        {
            return Ok(Arc::new(self.summary_from_mod_file(m, f)?));
        }
        let (name, data) = self.raw_go_mod_data(m)?;
        let f = modfile::parse_lax(&name, &data, None).map_err(|errs| {
            format!(
                "{}: parsing {}: {}",
                fmt_module(m),
                fspath::short_path(&self.cwd, &name),
                errs
            )
        })?;
        Ok(Arc::new(self.summary_from_mod_file(m, &f)?))
    }

    fn summary_from_mod_file(&self, m: &Version, f: &ModFile) -> Result<Summary, String> {
        let mut s = Summary {
            module: f.module.as_ref().map(|m| m.version()).unwrap_or_default(),
            ..Summary::default()
        };
        if let Some(g) = f.go.as_ref().map(|g| &g.version) {
            self.raw_go_version
                .lock()
                .unwrap()
                .entry(m.clone())
                .or_insert_with(|| g.clone());
            s.go_version = g.clone();
            s.pruning = Some(pruning_for_go_version(g));
        } else {
            s.pruning = Some(Pruning::Unpruned);
        }
        s.require = f.require.iter().map(|r| r.module.clone()).collect();
        s.ignore = f.ignore.iter().map(|i| i.path.clone()).collect();
        if !s.go_version.is_empty()
            && gover::compare(&s.go_version, gover::GO_STRICT_VERSION).is_ge()
        {
            s.require.push(Version {
                path: "go".into(),
                version: s.go_version.clone(),
            });
            if gover::compare(&s.go_version, &self.cfg_go_version).is_gt() {
                return Err(self
                    .local
                    .too_new(format!("module {m}"), &s.go_version, "")
                    .to_string());
            }
        }
        Ok(s)
    }

    /// `goModSummary`: the summary of `m`'s go.mod, honouring
    /// replacements, exclusions, vendoring and go.sum.
    pub fn go_mod_summary(&self, m: &Version) -> Result<Arc<Summary>, String> {
        if m.path == "go" || m.path == "toolchain" {
            return self.raw_go_mod_summary(m);
        }
        if self.build_mod == BuildMod::Vendor {
            let mut s = Summary {
                module: Version {
                    path: m.path.clone(),
                    version: String::new(),
                },
                ..Summary::default()
            };
            if self.vendor.version.get(&m.path) == Some(&m.version) {
                s.require = self.vendor.list.clone();
            }
            return Ok(Arc::new(s));
        }
        let actual = self.replacement(m).unwrap_or_else(|| m.clone());
        if self.must_have_sums()
            && !actual.version.is_empty()
            && self
                .gosum
                .get(&actual.path, &format!("{}/go.mod", actual.version))
                .is_none()
        {
            return Err(format!(
                "{}: missing go.sum entry for go.mod file; to add it:\n\tgo mod download {}",
                fmt_module(&actual),
                m.path
            ));
        }
        let s = self.raw_go_mod_summary(&actual)?;
        if !actual.version.is_empty() {
            if s.module.path.is_empty() {
                return Err(format!(
                    "{}: parsing go.mod: missing module line",
                    fmt_module(&actual)
                ));
            }
            if s.module.path != m.path && s.module.path != actual.path {
                return Err(format!(
                    "{}: parsing go.mod:\n\tmodule declares its path as: {}\n\t        but was required as: {}",
                    fmt_module(&actual),
                    s.module.path,
                    m.path
                ));
            }
        }
        let excluded: Vec<&Version> = self
            .mains
            .iter()
            .filter_map(|mm| mm.modfile.as_ref())
            .flat_map(|f| f.exclude.iter().map(|e| &e.module))
            .collect();
        if s.require.iter().any(|r| excluded.contains(&r)) {
            let mut s2 = (*s).clone();
            s2.require.retain(|r| !excluded.contains(&r));
            return Ok(Arc::new(s2));
        }
        Ok(s)
    }

    /// `goModDirtyError`'s text (after `go: `).
    pub fn go_mod_dirty_error(&self) -> String {
        if self.build_mod_explicit {
            return format!(
                "updates to go.mod needed, disabled by -mod={}; to update it:\n\tgo mod tidy",
                self.build_mod.as_str()
            );
        }
        if !self.build_mod_reason.is_empty() {
            return format!(
                "updates to go.mod needed, disabled by -mod={}\n\t({})\n\tto update it:\n\tgo mod tidy",
                self.build_mod.as_str(),
                self.build_mod_reason
            );
        }
        "updates to go.mod needed; to update it:\n\tgo mod tidy".into()
    }

    /// For an unpruned main module (go < 1.17), whose whole graph go
    /// loads up front (`expandGraph`): go.mod must already require the
    /// selected version of each of its requirements, and a go version no
    /// lower than any module requires; otherwise go would rewrite it,
    /// which readonly mode refuses.
    pub fn check_unpruned_roots(&self) -> Result<(), Fatal> {
        if self.pruning != Pruning::Unpruned
            || !self.has_mod_root
            || self.build_mod != BuildMod::Readonly
        {
            return Ok(());
        }
        let (g, err) = self.graph();
        if let Some(e) = err {
            return Err(Fatal::one(e.clone()));
        }
        for r in &self.roots {
            if r.path == "toolchain" || self.contains_main(&r.path) {
                continue;
            }
            if g.selected(&r.path) != r.version {
                return Err(Fatal::one(self.go_mod_dirty_error()));
            }
        }
        Ok(())
    }

    /// The module graph (`Requirements.Graph`), loaded once; the error is
    /// the first failing module's, worded as `mvs.BuildListError`.
    pub fn graph(&self) -> &(ModuleGraph, Option<String>) {
        self.graph.get_or_init(|| self.read_mod_graph())
    }

    /// `readModGraph` (and `initVendor` in vendor mode).
    fn read_mod_graph(&self) -> (ModuleGraph, Option<String>) {
        let mut g = ModuleGraph::default();
        let main_versions: Vec<Version> = self
            .mains
            .iter()
            .map(|mm| Version {
                path: mm.path.clone(),
                version: String::new(),
            })
            .collect();
        let graph_roots = if self.in_workspace_mode() {
            self.roots.clone()
        } else {
            main_versions.clone()
        };
        let mut reachable: HashMap<Version, bool> = HashMap::new();
        for r in &graph_roots {
            reachable.insert(r.clone(), true);
            select(&mut g, r);
        }
        g.roots = graph_roots.clone();
        if self.build_mod == BuildMod::Vendor {
            let main = main_versions[0].clone();
            if self.pruning == Pruning::Pruned {
                require(&mut g, &mut reachable, &main, self.roots.clone());
            } else {
                let vm = Version {
                    path: "vendor/modules.txt".into(),
                    version: String::new(),
                };
                let mut r = self.roots.clone();
                r.push(vm.clone());
                require(&mut g, &mut reachable, &main, r);
                require(&mut g, &mut reachable, &vm, self.vendor.list.clone());
            }
            return (g, None);
        }
        if self.pruning != Pruning::Workspace {
            require(
                &mut g,
                &mut reachable,
                &main_versions[0],
                self.roots.clone(),
            );
        }
        let mut errors: Vec<(Version, String)> = Vec::new();
        let mut loaded: HashSet<(Version, Pruning)> = HashSet::new();
        let mut queue: Vec<(Version, Pruning)> = self
            .roots
            .iter()
            .map(|r| (r.clone(), self.pruning))
            .collect();
        let mut done_require: HashSet<Version> = HashSet::new();
        while let Some((m, pruning)) = queue.pop() {
            if m.version == "none" || !loaded.insert((m.clone(), pruning)) {
                continue;
            }
            let summary =
                if m.version.is_empty() && self.contains_main(&m.path) && !self.in_workspace_mode()
                {
                    continue;
                } else {
                    self.go_mod_summary(&m)
                };
            let summary = match summary {
                Ok(s) => s,
                Err(e) => {
                    if !errors.iter().any(|(x, _)| *x == m) {
                        errors.push((m.clone(), e));
                    }
                    continue;
                }
            };
            if done_require.insert(m.clone()) {
                require(&mut g, &mut reachable, &m, summary.require.clone());
            }
            let summary_pruning = summary.pruning.unwrap_or(Pruning::Unpruned);
            let next = if pruning == Pruning::Unpruned {
                Pruning::Unpruned
            } else {
                summary_pruning
            };
            for r in &summary.require {
                if pruning != Pruning::Pruned || summary_pruning == Pruning::Unpruned {
                    queue.push((r.clone(), next));
                }
            }
        }
        if self.pruning == Pruning::Workspace {
            // Reload the selected versions of the workspace modules'
            // dependencies (their requirements may provide packages).
            let mut has_deps: HashSet<String> = self.roots.iter().map(|r| r.path.clone()).collect();
            let mut seen: HashSet<Version> = HashSet::new();
            loop {
                let mut need: Vec<Version> = Vec::new();
                for p in &has_deps {
                    let m = Version {
                        path: p.clone(),
                        version: g.selected(p),
                    };
                    if !seen.contains(&m) {
                        need.push(m);
                        continue;
                    }
                    if let Some(reqs) = g.required.get(&m) {
                        for r in reqs {
                            let s = Version {
                                path: r.path.clone(),
                                version: g.selected(&r.path),
                            };
                            if mod_compare(&r.path, &s.version, &r.version).is_gt()
                                && !seen.contains(&s)
                            {
                                need.push(s);
                            }
                        }
                    }
                }
                if need.is_empty() {
                    break;
                }
                for m in need {
                    seen.insert(m.clone());
                    has_deps.insert(m.path.clone());
                    if m.version.is_empty() || m.version == "none" || done_require.contains(&m) {
                        continue;
                    }
                    match self.go_mod_summary(&m) {
                        Ok(s) => {
                            done_require.insert(m.clone());
                            require(&mut g, &mut reachable, &m, s.require.clone());
                        }
                        Err(e) => errors.push((m.clone(), e)),
                    }
                }
            }
        }
        let err = errors.first().map(|(m, e)| self.build_list_error(&g, m, e));
        (g, err)
    }

    /// `mvs.BuildListError.Error`: the requirement path from the main
    /// module to `m`, then the error.
    fn build_list_error(&self, g: &ModuleGraph, m: &Version, err: &str) -> String {
        // Breadth-first from the roots to find a shortest path to m.
        let mut prev: HashMap<Version, Version> = HashMap::new();
        let mut queue: std::collections::VecDeque<Version> = g.roots.iter().cloned().collect();
        let mut seen: HashSet<Version> = g.roots.iter().cloned().collect();
        while let Some(x) = queue.pop_front() {
            if x == *m {
                break;
            }
            let mut reqs = g.required.get(&x).cloned().unwrap_or_default();
            reqs.sort();
            for r in reqs {
                if seen.insert(r.clone()) {
                    prev.insert(r.clone(), x.clone());
                    queue.push_back(r);
                }
            }
        }
        let mut stack = vec![m.clone()];
        let mut cur = m.clone();
        while let Some(p) = prev.get(&cur) {
            stack.push(p.clone());
            cur = p.clone();
        }
        stack.reverse();
        while stack.first().is_some_and(|v| v.version.is_empty()) {
            stack.remove(0);
        }
        if stack.len() <= 1 {
            return err.to_string();
        }
        let mut out = String::new();
        for elem in &stack[..stack.len() - 1] {
            out.push_str(&format!("{} requires\n\t", fmt_version(elem)));
        }
        out.push_str(err);
        out
    }

    /// `rawGoVersion` of a module version.
    pub fn raw_go_version(&self, m: &Version) -> Option<String> {
        self.raw_go_version.lock().unwrap().get(m).cloned()
    }

    /// The `Module` field of a package from module `m` (`moduleInfo`).
    pub fn module_info(&self, m: &Version) -> super::package::ModuleInfo {
        use super::package::ModuleInfo;
        if m.version.is_empty()
            && let Some(mm) = self.main_by_path(&m.path)
        {
            let mut info = ModuleInfo {
                path: m.path.clone(),
                main: true,
                go_version: self.raw_go_version(m).unwrap_or_default(),
                ..ModuleInfo::default()
            };
            if !mm.root.is_empty() {
                info.dir = mm.root.clone();
                info.go_mod = fspath::join(&[&mm.root, "go.mod"]);
            }
            return info;
        }
        let mut info = ModuleInfo {
            path: m.path.clone(),
            version: m.version.clone(),
            indirect: !self.direct.contains(&m.path),
            go_version: self.raw_go_version(m).unwrap_or_default(),
            ..ModuleInfo::default()
        };
        let Some(r) = self.replacement(m) else {
            if self.build_mod != BuildMod::Vendor {
                self.complete_from_mod_cache(&mut info);
            }
            return info;
        };
        let mut rep = ModuleInfo {
            path: r.path.clone(),
            version: r.version.clone(),
            go_version: self.raw_go_version(m).unwrap_or_default(),
            ..ModuleInfo::default()
        };
        if r.version.is_empty() {
            rep.dir = self.replacement_dir(&r);
            rep.go_mod = fspath::join(&[&rep.dir, "go.mod"]);
        }
        if self.build_mod != BuildMod::Vendor {
            self.complete_from_mod_cache(&mut rep);
            info.dir = rep.dir.clone();
            info.go_mod = rep.go_mod.clone();
        }
        info.go_version = rep.go_version.clone();
        info.replace = Some(Box::new(rep));
        info
    }

    /// `completeFromModCache`.
    fn complete_from_mod_cache(&self, m: &mut super::package::ModuleInfo) {
        if m.path == "go" || m.path == "toolchain" {
            return;
        }
        let mv = Version {
            path: m.path.clone(),
            version: m.version.clone(),
        };
        let checksum_ok = |suffix: &str| {
            m.version.is_empty()
                || !self.must_have_sums()
                || self
                    .gosum
                    .get(&m.path, &format!("{}{suffix}", m.version))
                    .is_some()
        };
        let (ok_mod, ok_zip) = (checksum_ok("/go.mod"), checksum_ok(""));
        if !m.version.is_empty() {
            match std::fs::read(self.cache_file(&mv, "info")) {
                Ok(data) => m.time = info_time(&data),
                Err(_) => m.error = self.lookup_disabled(&mv),
            }
        }
        if m.go_version.is_empty()
            && ok_mod
            && let Ok(s) = self.raw_go_mod_summary(&mv)
        {
            m.go_version = s.go_version.clone();
        }
        if !m.version.is_empty() {
            if ok_mod {
                let gomod = self.cache_file(&mv, "mod");
                if fspath::is_file(&gomod) {
                    m.go_mod = gomod;
                }
                if let Some(s) = self.gosum.get(&m.path, &format!("{}/go.mod", m.version)) {
                    m.go_mod_sum = s.to_string();
                }
            }
            if ok_zip {
                if let Ok(d) = self.download_dir(&mv) {
                    m.dir = d;
                }
                if let Some(s) = self.gosum.get(&m.path, &m.version) {
                    m.sum = s.to_string();
                }
            }
        }
    }
}

/// `mvs.Graph.Require` bookkeeping: record edges, mark reachable, raise
/// selected versions.
fn require(
    g: &mut ModuleGraph,
    reachable: &mut HashMap<Version, bool>,
    m: &Version,
    reqs: Vec<Version>,
) {
    for dep in &reqs {
        reachable.entry(dep.clone()).or_insert(false);
        select(g, dep);
    }
    g.required.insert(m.clone(), reqs);
}

fn select(g: &mut ModuleGraph, m: &Version) {
    let raise = match g.selected.get(&m.path) {
        None => m.version != "none",
        Some(cur) => cmp_version(&m.path, cur, &m.version).is_lt(),
    };
    if raise {
        g.selected.insert(m.path.clone(), m.version.clone());
    }
}

/// `path@version`, or `path` for a version-less module.
pub fn fmt_version(v: &Version) -> String {
    if v.version.is_empty() {
        v.path.clone()
    } else {
        format!("{}@{}", v.path, v.version)
    }
}

/// `module.VersionError`'s prefix: `path@version` or `module path`.
fn fmt_module(m: &Version) -> String {
    if m.version.is_empty() {
        format!("module {}", m.path)
    } else {
        format!("{}@{}", m.path, m.version)
    }
}

/// The `Time` field of a `.info` file, as written.
fn info_time(data: &[u8]) -> String {
    let s = String::from_utf8_lossy(data);
    let Some(i) = s.find("\"Time\"") else {
        return String::new();
    };
    let rest = &s[i + 6..];
    let Some(q1) = rest.find('"') else {
        return String::new();
    };
    let rest = &rest[q1 + 1..];
    match rest.find('"') {
        Some(q2) => rest[..q2].to_string(),
        None => String::new(),
    }
}

fn open_error_text(name: &str, e: &std::io::Error) -> String {
    format!("open {name}: {}", super::fspath::errno_text(e))
}

/// `modulesTextIsForWorkspace`.
fn modules_txt_is_for_workspace(vendor_dir: &str) -> Result<bool, String> {
    let file = fspath::join(&[vendor_dir, "modules.txt"]);
    let data = match std::fs::read(&file) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(open_error_text(&file, &e)),
    };
    let head = &data[..data.len().min(512)];
    let text = String::from_utf8_lossy(head);
    let line = text.split('\n').next().unwrap_or("");
    if let Some(ann) = line.strip_prefix("## ") {
        return Ok(ann.split(';').any(|e| e.trim() == "workspace"));
    }
    Ok(false)
}

/// `ReadModFile`: reads and checks a main module's go.mod.
fn read_mod_file(gomod: &str, cwd: &str, local: &gover::Local) -> Result<ModFile, String> {
    let short = fspath::short_path(cwd, gomod);
    let data = std::fs::read(gomod).map_err(|e| open_error_text(gomod, &e))?;
    modfile::read_mod_file(gomod, &short, &data, None, local).map_err(|e| e.to_string())
}

/// `LoadWorkFile`.
fn load_work_file(
    path: &str,
    cwd: &str,
    local: &gover::Local,
) -> Result<(WorkFile, Vec<String>), Fatal> {
    let short = fspath::short_path(cwd, path);
    let data = std::fs::read(path)
        .map_err(|e| Fatal::one(format!("reading go.work: {}", open_error_text(&short, &e))))?;
    let wf = match modfile::read_work_file(&short, &data, local, true) {
        Ok(wf) => wf,
        Err(modfile::ReadWorkFileError::TooNew(e)) => return Err(Fatal::one(e.to_string())),
        Err(e) => return Err(Fatal::one(format!("errors parsing go.work:\n{e}"))),
    };
    let roots = modfile::work_module_roots(&wf, &fspath::dir(path), &short).map_err(Fatal::one)?;
    modfile::godebug::check_go_work_godebugs(&wf, &short, &local.version).map_err(Fatal::one)?;
    Ok((wf, roots))
}

/// `errWorkTooOld`.
fn err_work_too_old(gomod: &str, cwd: &str, wf: Option<&WorkFile>, go_vers: &str) -> String {
    let verb = if wf.and_then(|w| w.go.as_ref()).is_none() {
        "implicitly requires"
    } else {
        "lists"
    };
    let wgo = wf
        .and_then(|w| w.go.as_ref().map(|g| g.version.clone()))
        .unwrap_or_else(|| gover::DEFAULT_GO_WORK_VERSION.into());
    format!(
        "module {} listed in go.work file requires go >= {go_vers}, but go.work {verb} go {wgo}; to update it:\n\tgo work use",
        fspath::short_path(cwd, &fspath::dir(gomod))
    )
}
