//! Command-line patterns to import paths in module mode: `modload.
//! LoadPackages`' matching (`updateMatches`), `matchLocalDirs`,
//! `resolveLocalPackage`, `pathInModuleCache`, `matchPackages` (walking
//! module trees and GOROOT), `search.MatchPackages` for `std` and `cmd`,
//! `search.MatchDirs` for `./...`, `WarnUnmatched`, and `die`.
//!
//! Directory walks go in byte-wise name order as `fs.WalkDir` does,
//! skipping `.x`, `_x` and `testdata` trees and nested modules; a
//! directory counts as a package unless reading it reports no Go files
//! at all. Each directory is read once ([`super::dirpkg::DirCache`]);
//! the reads of one walk run on several threads.

use super::dirpkg::{DirError, Read};
use super::fspath;
use super::loader::Loader;
use super::modules::{BuildMod, Fatal};
use super::search::{self, Match, Pattern};
use crate::module::Version;

impl Loader<'_> {
    /// Evaluates every pattern (cleaned) to import paths.
    pub fn match_patterns(&mut self, patterns: &[String]) -> Result<Vec<Match>, Fatal> {
        let mut matches = Vec::new();
        for pattern in search::clean_patterns(patterns) {
            let mut m = Match::new(&pattern);
            if m.is_local() {
                self.match_local(&mut m)?;
            } else if m.is_literal() {
                m.pkgs = vec![pattern.clone()];
            } else if pattern.contains("...") {
                let (list, err) = {
                    let g = self.modules.graph();
                    (g.0.build_list(), g.1.clone())
                };
                if let Some(e) = err {
                    m.errs.push(search::MatchError {
                        pattern: pattern.clone(),
                        literal: false,
                        err: e,
                        raw: true,
                        no_go_dir: None,
                    });
                }
                self.match_packages(&mut m, true, &list);
            } else if pattern == "work" {
                let mains = self.main_versions();
                self.match_packages(&mut m, false, &mains);
            } else if pattern == "all" {
                let mains = self.main_versions();
                self.match_packages(&mut m, false, &mains);
                m.pkgs.extend(self.modules.tools.iter().cloned());
            } else if pattern == "std" || pattern == "cmd" {
                self.match_std(&mut m);
            } else if pattern == "tool" {
                m.pkgs.extend(self.modules.tools.iter().cloned());
            }
            matches.push(m);
        }
        Ok(matches)
    }

    fn main_versions(&self) -> Vec<Version> {
        self.modules
            .mains
            .iter()
            .map(|mm| Version {
                path: mm.path.clone(),
                version: String::new(),
            })
            .collect()
    }

    /// `search.MatchPackages` for `std` and `cmd`.
    fn match_std(&mut self, m: &mut Match) {
        let src = fspath::join(&[&self.cfg.build.goroot, "src"]);
        let root = if m.pattern == "cmd" {
            fspath::join(&[&src, "cmd"])
        } else {
            src.clone()
        };
        let std = m.pattern == "std";
        let mut dirs: Vec<(String, String)> = Vec::new();
        walk_dirs(
            &root,
            &mut |path: &str| {
                if path == src {
                    return true;
                }
                let elem = fspath::base(path);
                if elem.starts_with('.') || elem.starts_with('_') || elem == "testdata" {
                    return false;
                }
                let name = fspath::trim_file_path_prefix(path, &src).to_string();
                if std && (!search::is_standard_import_path(&name) || name == "cmd") {
                    return false;
                }
                if name == "builtin" || (!self.cfg.build.cgo_enabled && name == "runtime/cgo") {
                    return true;
                }
                dirs.push((path.to_string(), name));
                true
            },
            &mut |_| {},
        );
        self.prefetch(
            dirs.iter()
                .map(|(d, _)| (d.clone(), Read::GoBuild))
                .collect(),
        );
        for (dir, name) in dirs {
            let res = self.dirs.get(&self.ctx, &dir, Read::GoBuild);
            if matches!(res.1, Some(DirError::NoGo)) {
                continue;
            }
            if m.pattern == "cmd" && name.starts_with("cmd/vendor") && res.0.name == "main" {
                continue;
            }
            m.pkgs.push(name);
        }
    }

    /// Reads `dirs` in parallel ahead of their use.
    pub fn prefetch(&self, dirs: Vec<(String, Read)>) {
        self.dirs.prefetch(&self.ctx, &dirs, self.cfg.workers);
    }

    /// `modload.matchPackages`: packages matching a `...` pattern (or all
    /// packages, for `work`/`all`) in GOROOT and the given modules.
    fn match_packages(&mut self, m: &mut Match, include_std: bool, modules: &[Version]) {
        let pattern = m.pattern.clone();
        let meta = m.is_meta();
        let is_match = |name: &str| meta || Pattern::new(&pattern).matches(name);
        let tree_can_match = |name: &str| meta || search::tree_can_match(&pattern, name);
        let mut found: Vec<(String, String, String)> = Vec::new();
        let mut have: std::collections::HashSet<String> = ["builtin".to_string()].into();
        if !self.cfg.build.cgo_enabled {
            have.insert("runtime/cgo".into());
        }
        let wildcard = pattern.contains("...");
        let ignores = self.ignore_patterns(modules, &tree_can_match);
        let mut links: Vec<String> = Vec::new();
        let mut walk_pkgs =
            |root: &str,
             import_root: &str,
             prune_vendor: bool,
             prune_gomod: bool,
             found: &mut Vec<(String, String, String)>| {
                let root_clean = fspath::clean(root);
                let ignore: &[String] = ignores
                    .iter()
                    .find(|(r, _)| *r == root_clean)
                    .map_or(&[], |(_, v)| v.as_slice());
                let name_of = |dir: &str| {
                    let rel = if dir == root_clean {
                        ""
                    } else {
                        fspath::trim_file_path_prefix(dir, &root_clean)
                    };
                    if import_root.is_empty() {
                        rel.to_string()
                    } else if rel.is_empty() {
                        import_root.to_string()
                    } else {
                        format!("{import_root}/{rel}")
                    }
                };
                let mut on_link = |path: &str| {
                    let elem = fspath::base(path);
                    let hidden =
                        elem.starts_with('.') || elem.starts_with('_') || elem == "testdata";
                    if wildcard && !hidden && tree_can_match(&name_of(path)) {
                        links.push(path.to_string());
                    }
                };
                walk_dirs(
                    &root_clean,
                    &mut |dir: &str| {
                        let rel = fspath::trim_file_path_prefix(dir, &root_clean);
                        let rel = if dir == root_clean { "" } else { rel };
                        let mut want = true;
                        let mut elem = "";
                        if dir == root_clean {
                            if import_root.is_empty() {
                                return true;
                            }
                        } else {
                            elem = fspath::base(dir);
                            // Hidden, `_`-prefixed and testdata directories,
                            // and those go.mod's `ignore` names, hold no packages.
                            if elem.starts_with('.')
                                || elem.starts_with('_')
                                || elem == "testdata"
                                || should_ignore(ignore, rel)
                            {
                                want = false;
                            }
                        }
                        let name = if import_root.is_empty() {
                            rel.to_string()
                        } else if rel.is_empty() {
                            import_root.to_string()
                        } else {
                            format!("{import_root}/{rel}")
                        };
                        if !tree_can_match(&name) {
                            want = false;
                        }
                        if !want {
                            return false;
                        }
                        if prune_gomod
                            && dir != root_clean
                            && fspath::is_file(&fspath::join(&[dir, "go.mod"]))
                        {
                            return false;
                        }
                        if have.insert(name.clone()) && is_match(&name) {
                            found.push((dir.to_string(), name, root_clean.clone()));
                        }
                        !(elem == "vendor" && prune_vendor)
                    },
                    &mut on_link,
                );
            };
        let src = fspath::join(&[&self.cfg.build.goroot, "src"]);
        if include_std {
            walk_pkgs(&src, "", false, true, &mut found);
            if tree_can_match("cmd") {
                walk_pkgs(
                    &fspath::join(&[&src, "cmd"]),
                    "cmd",
                    false,
                    true,
                    &mut found,
                );
            }
        }
        if self.modules.build_mod == BuildMod::Vendor {
            for mm in &self.modules.mains {
                if !mm.root.is_empty() {
                    walk_pkgs(&mm.root, &mm.path_prefix, true, true, &mut found);
                }
            }
            if self.modules.has_mod_root {
                let vdir = self.modules.vendor_dir();
                walk_pkgs(&vdir, "", true, false, &mut found);
            }
        } else {
            for v in modules {
                if v.path == "go" || v.path == "toolchain" || !tree_can_match(&v.path) {
                    continue;
                }
                let (root, prefix, local) = if let Some(mm) = self
                    .modules
                    .mains
                    .iter()
                    .find(|mm| mm.path == v.path && v.version.is_empty())
                {
                    if mm.root.is_empty() {
                        continue;
                    }
                    (mm.root.clone(), mm.path_prefix.clone(), true)
                } else {
                    match self.modules.fetch(v) {
                        Ok((root, local)) => (root, v.path.clone(), local),
                        Err(e) => {
                            m.add_error(e.text());
                            continue;
                        }
                    }
                };
                walk_pkgs(&root, &prefix, true, local, &mut found);
            }
        }
        // go matches module patterns twice (while loading and once more at
        // the end), warning each time.
        for _ in 0..2 {
            for l in &links {
                self.warnings.push(format!("warning: ignoring symlink {l}"));
            }
        }
        // modload's scanDir reads through the module index where cmd/go
        // has one (the walk's root stands for the module root).
        let reads: Vec<(String, Read)> = found
            .iter()
            .map(|(d, _, root)| (d.clone(), self.read_for(root, d)))
            .collect();
        self.prefetch(reads.clone());
        let mut pkgs = Vec::new();
        for ((dir, name, _), (_, read)) in found.into_iter().zip(reads) {
            let res = self.dirs.get(&self.ctx, &dir, read);
            if !matches!(res.1, Some(DirError::NoGo)) {
                pkgs.push(name);
            }
        }
        pkgs.sort();
        m.pkgs = pkgs;
    }

    /// Local patterns: `matchLocalDirs` then `resolveLocalPackage` per
    /// directory.
    fn match_local(&mut self, m: &mut Match) -> Result<(), Fatal> {
        let cwd = self.cfg.cwd.clone();
        let mod_roots: Vec<String> = self
            .modules
            .mains
            .iter()
            .map(|mm| mm.root.clone())
            .filter(|r| !r.is_empty())
            .collect();
        if let Some(i) = m.pattern.find("...") {
            let dir = fspath::dir(&fspath::clean(&m.pattern[..i + 3]));
            let abs = fspath::abs_from(&cwd, &dir);
            let mod_root = super::modules::find_module_root(&abs).unwrap_or_default();
            let goroot_src = fspath::join(&[&self.cfg.build.goroot, "src"]);
            if !mod_roots.contains(&mod_root)
                && fspath::in_dir(&abs, &goroot_src).is_none()
                && self.path_in_module_cache(&abs).is_none()
            {
                let scope = if self.modules.in_workspace_mode() {
                    "modules listed in go.work or their selected dependencies"
                } else {
                    "main module or its selected dependencies"
                };
                m.add_error(format!(
                    "directory prefix {} does not contain {scope}",
                    fspath::short_path(&cwd, &abs)
                ));
                return Ok(());
            }
            self.match_dirs(m, &mod_roots);
        } else {
            m.dirs = vec![m.pattern.clone()];
        }
        let literal = m.is_literal();
        for dir in m.dirs.clone() {
            match self.resolve_local_package(&dir) {
                Ok(p) => m.pkgs.push(p),
                Err(LocalErr::Skip) if !literal => {}
                Err(e) => {
                    if !self.modules.has_mod_root {
                        return Err(self.die());
                    }
                    m.add_error(e.text());
                    if let LocalErr::NoGo(dir) = e
                        && let Some(last) = m.errs.last_mut()
                    {
                        last.no_go_dir = Some(dir);
                    }
                }
            }
        }
        Ok(())
    }

    /// `die`: no main module where one is needed.
    pub fn die(&self) -> Fatal {
        if !self.modules.in_workspace_mode() {
            let cwd = fspath::clean(&self.cfg.cwd);
            if fspath::in_dir(&cwd, &self.cfg.build.goroot).is_none() {
                let mut dir = cwd.clone();
                loop {
                    if fspath::is_file(&fspath::join(&[&dir, ".git/config"])) {
                        let rel = fspath::rel(&cwd, &dir).unwrap_or_else(|| dir.clone());
                        let cd = if rel == "." {
                            String::new()
                        } else {
                            format!("cd {rel} && ")
                        };
                        return Fatal::one(format!(
                            "cannot find main module, but found .git/config in {dir}\n\tto create a module there, run:\n\t{cd}go mod init"
                        ));
                    }
                    let d = fspath::dir(&dir);
                    if d == dir {
                        break;
                    }
                    dir = d;
                }
            }
        }
        Fatal::one(if self.modules.in_workspace_mode() {
            "no modules were found in the current workspace; see 'go help work'"
        } else {
            "go.mod file not found in current directory or any parent directory; see 'go help modules'"
        })
    }

    /// `search.MatchDirs` for a `...` file pattern.
    fn match_dirs(&mut self, m: &mut Match, mod_roots: &[String]) {
        let cwd = self.cfg.cwd.clone();
        let clean_pattern0 = fspath::clean(&m.pattern);
        let is_local = m.pattern.starts_with("./");
        let (prefix, clean_pattern) = if clean_pattern0 != "." && is_local {
            ("./", format!("./{clean_pattern0}"))
        } else {
            ("", clean_pattern0.clone())
        };
        let matcher = Pattern::new(&clean_pattern);
        let i = clean_pattern.find("...").unwrap_or(0);
        let head = &clean_pattern[..i];
        let dir = match head.rfind('/') {
            Some(j) => head[..=j].to_string(),
            None => String::new(),
        };
        let abs_dir = |d: &str| fspath::abs_from(&cwd, d);
        let mut mod_root = String::new();
        if !mod_roots.is_empty() {
            let abs = abs_dir(if dir.is_empty() { "." } else { &dir });
            let mut found = false;
            for mr in mod_roots {
                if fspath::has_file_path_prefix(&abs, mr) {
                    found = true;
                    mod_root = mr.clone();
                }
            }
            if !found {
                let plural = if mod_roots.len() > 1 { "s" } else { "" };
                m.add_error(format!(
                    "directory {abs} is outside module root{plural} ({})",
                    mod_roots.join(", ")
                ));
            }
        }
        let ignore = self
            .modules
            .mains
            .iter()
            .find(|mm| mm.root == mod_root && !mod_root.is_empty())
            .and_then(|mm| mm.modfile.as_ref())
            .map(|f| {
                f.ignore
                    .iter()
                    .map(|i| i.path.clone())
                    .collect::<Vec<String>>()
            })
            .unwrap_or_default();
        let walk_root = if dir.is_empty() {
            ".".to_string()
        } else {
            dir.clone()
        };
        let walk_root_abs = abs_dir(&walk_root);
        let mut cands: Vec<(String, String)> = Vec::new();
        walk_dirs(
            &walk_root_abs,
            &mut |abs: &str| {
                let rel_to_root = fspath::trim_file_path_prefix(abs, &walk_root_abs);
                let top = abs == walk_root_abs;
                let path = if top {
                    fspath::clean(&walk_root)
                } else if walk_root == "." {
                    rel_to_root.to_string()
                } else {
                    fspath::join(&[&walk_root, rel_to_root])
                };
                let elem = fspath::base(&path);
                let dot = elem.starts_with('.') && elem != "." && elem != "..";
                if dot || elem.starts_with('_') || elem == "testdata" {
                    return false;
                }
                if !mod_root.is_empty()
                    && should_ignore(
                        &ignore,
                        fspath::in_dir(abs, &mod_root).as_deref().unwrap_or(""),
                    )
                {
                    return false;
                }
                if !top && fspath::is_file(&fspath::join(&[abs, "go.mod"])) {
                    return false;
                }
                let name = format!("{prefix}{path}");
                if matcher.matches(&name) {
                    cands.push((abs.to_string(), name));
                }
                true
            },
            &mut |_| {},
        );
        self.prefetch(
            cands
                .iter()
                .map(|(a, _)| (a.clone(), Read::GoBuild))
                .collect(),
        );
        for (abs, name) in cands {
            let res = self.dirs.get(&self.ctx, &abs, Read::GoBuild);
            if matches!(res.1, Some(DirError::NoGo)) && res.0.invalid_go_files.is_empty() {
                continue;
            }
            m.dirs.push(name);
        }
    }

    /// `resolveLocalPackage`.
    fn resolve_local_package(&mut self, dir: &str) -> Result<String, LocalErr> {
        let cwd = self.cfg.cwd.clone();
        let abs = fspath::abs_from(&cwd, dir);
        let res = self.dirs.get(&self.ctx, &abs, Read::GoBuild);
        if let Some(e) = &res.1
            && res.0.ignored_go_files.is_empty()
        {
            match std::fs::metadata(&abs) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(LocalErr::Text(format!("stat {abs}: directory not found")));
                }
                Err(e) => {
                    return Err(LocalErr::Text(format!(
                        "stat {abs}: {}",
                        super::fspath::errno_text(&e)
                    )));
                }
                Ok(_) => {}
            }
            if *e == DirError::NoGo {
                return Err(LocalErr::NoGo(abs));
            }
        }
        let goroot_src = fspath::join(&[&self.cfg.build.goroot, "src"]);
        for mm in &self.modules.mains {
            if !mm.root.is_empty() && abs == mm.root {
                if abs == goroot_src {
                    return Err(LocalErr::Skip);
                }
                return Ok(mm.path_prefix.clone());
            }
        }
        let mut not_found: Option<(usize, String)> = None;
        for mm in &self.modules.mains {
            if mm.root.is_empty()
                || !fspath::has_file_path_prefix(&abs, &mm.root)
                || abs[mm.root.len()..].contains('@')
            {
                continue;
            }
            let suffix = fspath::trim_file_path_prefix(&abs, &mm.root).to_string();
            if let Some(pkg) = suffix.strip_prefix("vendor/") {
                if self.modules.build_mod != BuildMod::Vendor {
                    return Err(LocalErr::Text(format!(
                        "without -mod=vendor, directory {abs} has no package path"
                    )));
                }
                if !self.modules.vendor.pkg_module.contains_key(pkg) {
                    return Err(LocalErr::Text(format!(
                        "directory {abs} is not a package listed in vendor/modules.txt"
                    )));
                }
                return Ok(pkg.to_string());
            }
            if mm.path_prefix.is_empty() {
                if suffix == "builtin" {
                    return Err(LocalErr::Skip);
                }
                return Ok(suffix);
            }
            let pkg = fspath::join(&[&mm.path_prefix, &suffix]);
            let nested = {
                let mut d = abs.clone();
                let mut nested = false;
                while d != mm.root && d.len() > mm.root.len() {
                    if fspath::is_file(&fspath::join(&[&d, "go.mod"])) {
                        nested = true;
                        break;
                    }
                    d = fspath::dir(&d);
                }
                nested
            };
            let has_go = !nested && go_files_in(&abs);
            if !has_go {
                if not_found
                    .as_ref()
                    .is_none_or(|(l, _)| mm.path_prefix.len() > *l)
                {
                    not_found = Some((
                        mm.path_prefix.len(),
                        format!("main module ({}) does not contain package {pkg}", mm.path),
                    ));
                }
                continue;
            }
            return Ok(pkg);
        }
        if let Some((_, e)) = not_found {
            return Err(LocalErr::Text(e));
        }
        if let Some(sub) = fspath::in_dir(&abs, &goroot_src)
            && sub != "."
            && !sub.contains('@')
        {
            if sub == "builtin" {
                return Err(LocalErr::Skip);
            }
            return Ok(sub);
        }
        if let Some(p) = self.path_in_module_cache(&abs) {
            return Ok(p);
        }
        let mut dirstr = format!("directory {}", fspath::short_path(&cwd, &abs));
        if dirstr == "directory ." {
            dirstr = "current directory".into();
        }
        if self.modules.in_workspace_mode() {
            if let Some(mr) = super::modules::find_module_root(&abs) {
                return Err(LocalErr::Text(format!(
                    "{dirstr} is contained in a module that is not one of the workspace modules listed in go.work. You can add the module to the workspace using:\n\tgo work use {}",
                    fspath::short_path(&cwd, &mr)
                )));
            }
            return Err(LocalErr::Text(format!(
                "{dirstr} outside modules listed in go.work or their selected dependencies"
            )));
        }
        Err(LocalErr::Text(format!(
            "{dirstr} outside main module or its selected dependencies"
        )))
    }

    /// `pathInModuleCache`: the import path of a directory inside a
    /// required module's tree.
    fn path_in_module_cache(&self, dir: &str) -> Option<String> {
        let m = self.modules;
        if !m.has_mod_root {
            return None;
        }
        let try_mod = |v: &Version| -> Option<String> {
            if v.path == "go" || v.path == "toolchain" {
                return None;
            }
            let root = match m.replacement(v) {
                Some(r) if r.version.is_empty() => m.replacement_dir(&r),
                Some(r) => m.download_dir(&r).ok()?,
                None => m.download_dir(v).ok()?,
            };
            let sub = fspath::in_dir(dir, &root)?;
            if sub.contains("/vendor/") || sub.starts_with("vendor/") || sub.contains('@') {
                return None;
            }
            Some(if sub == "." {
                v.path.clone()
            } else {
                format!("{}/{sub}", v.path)
            })
        };
        if m.pruning == super::modules::Pruning::Pruned {
            for r in &m.roots {
                if m.root_selected(&r.path).as_deref() != Some(r.version.as_str()) {
                    continue;
                }
                if let Some(p) = try_mod(r) {
                    return Some(p);
                }
            }
        }
        let list = m.graph().0.build_list();
        list.iter().find_map(try_mod)
    }
}

impl Loader<'_> {
    /// `parseIgnorePatterns`: each module root's `ignore` directives (the
    /// main modules' from their go.mod, the others' from their summary;
    /// none for vendored modules).
    fn ignore_patterns(
        &self,
        modules: &[Version],
        tree_can_match: &impl Fn(&str) -> bool,
    ) -> Vec<(String, Vec<String>)> {
        let m = self.modules;
        let mut out = Vec::new();
        for v in modules {
            if v.path == "go" || v.path == "toolchain" || !tree_can_match(&v.path) {
                continue;
            }
            if let Some(mm) = m
                .mains
                .iter()
                .find(|mm| mm.path == v.path && v.version.is_empty())
            {
                if let (false, Some(f)) = (mm.root.is_empty(), &mm.modfile) {
                    out.push((
                        fspath::clean(&mm.root),
                        f.ignore.iter().map(|i| i.path.clone()).collect(),
                    ));
                }
            } else if m.build_mod != BuildMod::Vendor
                && let Ok((root, _)) = m.fetch(v)
                && let Ok(s) = m.go_mod_summary(v)
            {
                out.push((fspath::clean(&root), s.ignore.clone()));
            }
        }
        out
    }
}

/// Why a local directory is not a package path.
enum LocalErr {
    /// `builtin` or GOROOT/src itself: dropped from wildcard matches.
    Skip,
    /// go/build's `NoGoError` for this directory.
    NoGo(String),
    Text(String),
}

impl LocalErr {
    fn text(&self) -> String {
        match self {
            LocalErr::Skip => "\"builtin\" is a pseudo-package, not an importable package".into(),
            LocalErr::NoGo(dir) => DirError::NoGo.text(dir),
            LocalErr::Text(s) => s.clone(),
        }
    }
}

/// Whether `dir` holds a regular `.go` file (`fsys.IsGoDir`).
fn go_files_in(dir: &str) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            let n = e.file_name();
            n.to_string_lossy().ends_with(".go")
                && std::fs::metadata(e.path()).is_ok_and(|m| m.is_file())
        })
    })
}

/// `IgnorePatterns.ShouldIgnore` for a module's `ignore` lines.
fn should_ignore(patterns: &[String], dir: &str) -> bool {
    if dir.is_empty() || patterns.is_empty() {
        return false;
    }
    let norm = |p: &str| {
        let mut s = if p.starts_with('/') {
            p.to_string()
        } else {
            format!("/{p}")
        };
        if !s.ends_with('/') {
            s.push('/');
        }
        s
    };
    let d = norm(dir);
    patterns.iter().any(|p| match p.strip_prefix("./") {
        Some(rel) => d.starts_with(&norm(rel)),
        None => d.contains(&norm(p)),
    })
}

/// Walks the directories under `root` (itself first) in name order,
/// following a symbolic link only at the root; `visit` returns whether
/// to descend. `on_dir_link` sees each symbolic link to a directory met
/// inside the walk (which is not followed).
pub fn walk_dirs(
    root: &str,
    visit: &mut impl FnMut(&str) -> bool,
    on_dir_link: &mut impl FnMut(&str),
) {
    if !fspath::is_dir(root) {
        return;
    }
    walk_rec(root, visit, on_dir_link);
}

fn walk_rec(dir: &str, visit: &mut impl FnMut(&str) -> bool, on_dir_link: &mut impl FnMut(&str)) {
    if !visit(dir) {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<(String, bool)> = rd
        .flatten()
        .filter_map(|e| {
            let t = e.file_type().ok()?;
            let name = e.file_name().to_string_lossy().into_owned();
            if t.is_dir() {
                Some((name, true))
            } else if t.is_symlink() {
                Some((name, false))
            } else {
                None
            }
        })
        .collect();
    entries.sort();
    for (name, is_dir) in entries {
        let path = fspath::join(&[dir, &name]);
        if is_dir {
            walk_rec(&path, visit, on_dir_link);
        } else if fspath::is_dir(&path) {
            on_dir_link(&path);
        }
    }
}
