//! vendor/modules.txt: reading it and checking it against the main
//! modules' go.mod (and go.work) files, a port of cmd/go's
//! `src/cmd/go/internal/modload/vendor.go` (`readVendorList`,
//! `checkVendorConsistency`) with the replacement lookup it uses from
//! `modload/modfile.go` (`replacementFrom`, `canonicalizeReplacePath`).
//!
//! The file format, as `go mod vendor` writes it:
//!
//! ```text
//! # example.com/a v1.2.3                 a module (in the build list)
//! # example.com/b v1.0.0 => ../b         ... replaced by a directory
//! # example.com/c => example.com/d v1.1.0  a wildcard replacement
//! ## explicit; go 1.21                   annotations of the module above
//! example.com/a/pkg                      a package it provides
//! ```
//!
//! Lines the reader does not understand are ignored, as cmd/go does.
//! Annotations accumulate over several `##` lines. A `## go` version newer
//! than the running Go is the reader's one error ([`TooNewError`]).
//!
//! [`check_vendor_consistency`] reports every disagreement, in cmd/go's
//! order and words, as one [`InconsistentVendoring`] whose text is what
//! cmd/go prints after `go: `. Before go 1.14 (outside workspaces) the
//! check is relaxed as cmd/go relaxes it.
//!
//! Invariants: reading is total on any bytes (non-UTF-8 bytes become
//! U+FFFD); lookups are by exact [`Version`].

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::filepath;
use super::gover::{self, Local, TooNewError};
use super::rule::{File, Replace, is_directory_path};
use super::strconv::{go_string, is_space};
use super::work::WorkFile;
use crate::module::{self, Version};
use crate::semver;

/// What modules.txt says about one module (`vendorMetadata`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VendorMeta {
    /// Marked `## explicit`: required by a main module's go.mod.
    pub explicit: bool,
    /// The replacement recorded after `=>`; empty when none.
    pub replacement: Version,
    /// The module's go version from `## go 1.N`; empty when none.
    pub go_version: String,
}

/// The contents of vendor/modules.txt (cmd/go's `vendorList`,
/// `vendorReplaced`, `vendorVersion`, `vendorPkgModule`, `vendorMeta`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VendorList {
    /// Modules that provide packages, in order of appearance (a later,
    /// higher version of a path is appended again).
    pub list: Vec<Version>,
    /// Every module recorded as replaced, in order (with repeats).
    pub replaced: Vec<Version>,
    /// Module path to the selected version of modules that provide packages.
    pub version: HashMap<String, String>,
    /// Package import path to the module providing it.
    pub pkg_module: HashMap<String, Version>,
    pub meta: HashMap<Version, VendorMeta>,
}

/// `strings.Fields`.
fn fields(s: &str) -> Vec<&str> {
    s.split(is_space).filter(|f| !f.is_empty()).collect()
}

/// Reads vendor/modules.txt (`readVendorList`). `display` names the file
/// in a [`TooNewError`] (cmd/go: `base.ShortPath(vendor/modules.txt)`);
/// `local` is the running Go. An absent file is an empty list; reading it
/// is the caller's job.
pub fn read_vendor_list(
    data: &[u8],
    display: &str,
    local: &Local,
) -> Result<VendorList, Box<TooNewError>> {
    let text = go_string(data);
    let mut v = VendorList::default();
    let mut module = Version::default();
    for line in text.split('\n') {
        if line.starts_with("# ") {
            let f = fields(line);
            if f.len() < 3 {
                continue;
            }
            let rest: &[&str];
            if semver::is_valid(f[2]) {
                // A module; it is in the build list if it provides packages.
                module = Version::new(f[1], f[2]);
                rest = &f[3..];
            } else if f[2] == "=>" {
                // A wildcard replacement in the main module's go.mod.
                module = Version::new(f[1], "");
                rest = &f[2..];
            } else {
                // Not understood: ignore the module.
                module = Version::default();
                continue;
            }
            if rest.len() >= 2 && rest[0] == "=>" {
                let meta = v.meta.entry(module.clone()).or_default();
                if rest.len() == 2 {
                    meta.replacement = Version::new(rest[1], "");
                    v.replaced.push(module.clone());
                } else if rest.len() == 3 && semver::is_valid(rest[2]) {
                    meta.replacement = Version::new(rest[1], rest[2]);
                    v.replaced.push(module.clone());
                }
            }
            continue;
        }
        // Packages and annotations need a module line first.
        if module.path.is_empty() {
            continue;
        }
        if let Some(annotations) = line.strip_prefix("## ") {
            let meta = v.meta.entry(module.clone()).or_default();
            for entry in annotations.split(';') {
                let entry = super::strconv::trim_space(entry);
                if entry == "explicit" {
                    meta.explicit = true;
                }
                if let Some(go_version) = entry.strip_prefix("go ") {
                    meta.go_version = go_version.to_string();
                    if gover::compare(go_version, &local.version) == std::cmp::Ordering::Greater {
                        return Err(Box::new(local.too_new(
                            format!("{} in {display}", module.path),
                            go_version,
                            "",
                        )));
                    }
                }
                // Other annotations are reserved.
            }
            continue;
        }
        let f = fields(line);
        if f.len() == 1 && module::check_import_path(f[0]).is_ok() {
            // A package of the current module: the module is in the build
            // list at the selected version of its path.
            v.pkg_module.insert(f[0].to_string(), module.clone());
            let newer = match v.version.get(&module.path) {
                None => true,
                Some(old) => {
                    gover::mod_compare(&module.path, old, &module.version)
                        == std::cmp::Ordering::Less
                }
            };
            if newer {
                v.list.push(module.clone());
                v.version
                    .insert(module.path.clone(), module.version.clone());
            }
        }
    }
    Ok(v)
}

/// One main module for the consistency check.
#[derive(Debug, Clone, Copy)]
pub struct MainModule<'a> {
    pub file: &'a File,
    /// The module root, absolute.
    pub root: &'a str,
    /// Its go.mod path as cmd/go displays it (`base.ShortPath`).
    pub gomod_display: &'a str,
}

/// The workspace, in workspace mode.
#[derive(Debug, Clone, Copy)]
pub struct Workspace<'a> {
    pub file: &'a WorkFile,
    /// The go.work path, absolute.
    pub path: &'a str,
    /// The go.work path as displayed.
    pub display: &'a str,
}

/// `go: inconsistent vendoring in <dir>:` and its details; the text is
/// what cmd/go prints after `go: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InconsistentVendoring {
    /// The directory holding `vendor` (cmd/go: `filepath.Dir(VendorDir())`).
    pub dir: String,
    /// One line per problem, `path@version: detail`.
    pub problems: Vec<String>,
    pub workspace: bool,
}

impl fmt::Display for InconsistentVendoring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "inconsistent vendoring in {}:", self.dir)?;
        for p in &self.problems {
            write!(f, "\n\t{p}")?;
        }
        let subcmd = if self.workspace { "work" } else { "mod" };
        write!(
            f,
            "\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo {subcmd} vendor"
        )
    }
}

impl std::error::Error for InconsistentVendoring {}

/// The replacement map of one file (`toReplaceMap`); two replacements of
/// the same module with different targets are cmd/go's fatal
/// `conflicting replacements for <old>:\n\t<new1>\n\t<new2>` (the text
/// after `go: `).
pub fn to_replace_map(replace: &[Replace]) -> Result<HashMap<Version, Version>, String> {
    let mut m: HashMap<Version, Version> = HashMap::with_capacity(replace.len());
    for r in replace {
        if let Some(prev) = m.get(&r.old)
            && *prev != r.new
        {
            return Err(format!(
                "conflicting replacements for {}:\n\t{}\n\t{}",
                r.old, prev, r.new
            ));
        }
        m.insert(r.old.clone(), r.new.clone());
    }
    Ok(m)
}

/// The replacement of `m` in a map: exact version first, then wildcard
/// (`replacement`): `(version matched, target)`.
fn replacement_in(m: &Version, map: &HashMap<Version, Version>) -> Option<(String, Version)> {
    if let Some(r) = map.get(m) {
        return Some((m.version.clone(), r.clone()));
    }
    map.get(&Version::new(m.path.clone(), ""))
        .map(|r| (String::new(), r.clone()))
}

/// `modload.ToDirectoryPath`: a directory path as written, or `./`-rooted.
pub fn to_directory_path(path: &str) -> String {
    if is_directory_path(path) {
        return path.to_string();
    }
    format!("./{}", filepath::clean(path))
}

struct Replacements<'a> {
    main: &'a [MainModule<'a>],
    workspace: Option<Workspace<'a>>,
    work_map: HashMap<Version, Version>,
    maps: Vec<HashMap<Version, Version>>,
}

impl Replacements<'_> {
    /// `replacementFrom`: the replacement, the module root whose go.mod
    /// has it (empty for go.work), and that file's display path.
    fn from(&self, m: &Version) -> (Version, String, String) {
        if m.version.is_empty()
            && self
                .main
                .iter()
                .any(|mm| mm.file.module.as_ref().is_some_and(|x| x.path == m.path))
        {
            return (Version::default(), String::new(), String::new());
        }
        if let Some(ws) = self.workspace
            && let Some((_, r)) = replacement_in(m, &self.work_map)
        {
            return (r, String::new(), ws.display.to_string());
        }
        let mut found: Option<(Version, usize)> = None;
        for (i, map) in self.maps.iter().enumerate() {
            if let Some((from, r)) = replacement_in(m, map) {
                // cmd/go compares against a never-set "foundFrom" here, so
                // any differing later replacement stops the search.
                if let Some((f, root_i)) = &found
                    && !from.is_empty()
                    && *f != r
                {
                    return (
                        f.clone(),
                        self.main[*root_i].root.to_string(),
                        self.main[*root_i].gomod_display.to_string(),
                    );
                }
                found = Some((r, i));
            }
        }
        match found {
            Some((r, i)) => (
                r,
                self.main[i].root.to_string(),
                self.main[i].gomod_display.to_string(),
            ),
            None => (Version::default(), String::new(), String::new()),
        }
    }

    /// `canonicalizeReplacePath`: in workspace mode a relative directory
    /// replacement from a module's go.mod, made relative to the go.work
    /// directory.
    fn canonical(&self, r: Version, mod_root: &str) -> Version {
        if filepath::is_abs(&r.path) || !r.version.is_empty() || mod_root.is_empty() {
            return r;
        }
        let Some(ws) = self.workspace else { return r };
        let abs = filepath::join(&[mod_root, &r.path]);
        match filepath::rel(&filepath::dir(ws.path), &abs) {
            Some(rel) => Version::new(to_directory_path(&rel), r.version),
            None => Version::new(to_directory_path(&abs), r.version),
        }
    }

    /// `Replacement`.
    fn replacement(&self, m: &Version) -> Version {
        let (r, root, _) = self.from(m);
        self.canonical(r, &root)
    }
}

/// Checks vendor/modules.txt against the main modules
/// (`checkVendorConsistency`). `vendor_parent` is the directory holding
/// `vendor` (the module root, or the go.work directory in workspace
/// mode). Replacement maps are built last-wins; detecting conflicting
/// replacements is [`to_replace_map`]'s job, before this check.
pub fn check_vendor_consistency(
    vendor: &VendorList,
    main: &[MainModule<'_>],
    workspace: Option<Workspace<'_>>,
    vendor_parent: &str,
) -> Result<(), InconsistentVendoring> {
    let last_wins = |rs: &[Replace]| {
        rs.iter()
            .map(|r| (r.old.clone(), r.new.clone()))
            .collect::<HashMap<_, _>>()
    };
    let reps = Replacements {
        main,
        workspace,
        work_map: workspace
            .map(|w| last_wins(&w.file.replace))
            .unwrap_or_default(),
        maps: main.iter().map(|m| last_wins(&m.file.replace)).collect(),
    };
    let meta = |m: &Version| vendor.meta.get(m).cloned().unwrap_or_default();

    // Before go 1.14, modules.txt lacked the information to check fully.
    let pre114 = workspace.is_none()
        && main.len() == 1
        && gover::compare(
            main[0].file.go.as_ref().map_or("", |g| g.version.as_str()),
            "1.14",
        ) == std::cmp::Ordering::Less;

    let mut problems = Vec::new();
    let mut problem = |m: &Version, detail: String| {
        if m.version.is_empty() {
            problems.push(format!("{}: {detail}", m.path));
        } else {
            problems.push(format!("{}@{}: {detail}", m.path, m.version));
        }
    };

    for mm in main {
        for r in &mm.file.require {
            if meta(&r.module).explicit {
                continue;
            }
            if pre114 {
                // Only a version mismatch of vendored packages is detectable.
                if let Some(vv) = vendor.version.get(&r.module.path)
                    && *vv != r.module.version
                {
                    problem(
                        &r.module,
                        format!(
                            "is explicitly required in go.mod, but vendor/modules.txt indicates {}@{vv}",
                            r.module.path
                        ),
                    );
                }
            } else {
                problem(&r.module, "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt".into());
            }
        }
    }

    let describe = |m: &Version| m.to_string();
    let mut seen: HashSet<Version> = HashSet::new();
    let work_replace: &[Replace] = workspace.map_or(&[], |w| &w.file.replace);
    let all_replaces = main
        .iter()
        .map(|m| m.file.replace.as_slice())
        .chain(std::iter::once(work_replace));
    for replaces in all_replaces {
        for r in replaces {
            if !seen.insert(r.old.clone()) {
                continue; // report each module once
            }
            let (r_new, root, source) = reps.from(&r.old);
            let r_new_canonical = reps.canonical(r_new.clone(), &root);
            let vr = meta(&r.old).replacement;
            if vr == Version::default() {
                if r_new_canonical == Version::default() {
                    // Not actually replaced (perhaps a main module).
                } else if pre114
                    && (r.old.version.is_empty()
                        || vendor.version.get(&r.old.path) != Some(&r.old.version))
                {
                    // Before 1.14, modules.txt omitted wildcard replacements
                    // and replacements of modules without vendored packages.
                } else {
                    problem(
                        &r.old,
                        format!(
                            "is replaced in {source}, but not marked as replaced in vendor/modules.txt"
                        ),
                    );
                }
            } else if vr != r_new_canonical {
                problem(
                    &r.old,
                    format!(
                        "is replaced by {} in {source}, but marked as replaced by {} in vendor/modules.txt",
                        describe(&r_new),
                        describe(&vr)
                    ),
                );
            }
        }
    }

    for m in &vendor.list {
        if !meta(m).explicit {
            continue;
        }
        let required = main
            .iter()
            .any(|mm| mm.file.require.iter().any(|r| r.module == *m));
        if !required {
            let article = if workspace.is_some() { "a " } else { "" };
            problem(
                m,
                format!(
                    "is marked as explicit in vendor/modules.txt, but not explicitly required in {article}go.mod"
                ),
            );
        }
    }

    for m in &vendor.replaced {
        if reps.replacement(m) == Version::default() {
            let source = if workspace.is_some() {
                "the workspace"
            } else {
                "go.mod"
            };
            problem(
                m,
                format!(
                    "is marked as replaced in vendor/modules.txt, but not replaced in {source}"
                ),
            );
        }
    }

    if problems.is_empty() {
        return Ok(());
    }
    Err(InconsistentVendoring {
        dir: vendor_parent.to_string(),
        problems,
        workspace: workspace.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local() -> Local {
        Local {
            version: "1.27.3".into(),
            startup: gover::Startup {
                gotoolchain: "local".into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn reads_modules_txt() {
        let v = read_vendor_list(
            b"# a.b/c v1.0.0\n## explicit; go 1.21\na.b/c\na.b/c/d\n# a.b/e v1.1.0 => ../e\n# a.b/f => a.b/g v1.2.0\n## explicit\n# a.b/c v1.2.0\na.b/c/x\n# junk\n",
            "vendor/modules.txt",
            &local(),
        )
        .unwrap();
        let c = Version::new("a.b/c", "v1.0.0");
        assert_eq!(
            v.list,
            [c.clone(), Version::new("a.b/c", "v1.2.0")],
            "a higher version of a path is listed again"
        );
        assert_eq!(v.version["a.b/c"], "v1.2.0");
        assert_eq!(v.pkg_module["a.b/c/d"], c);
        assert_eq!(
            v.meta[&c],
            VendorMeta {
                explicit: true,
                replacement: Version::default(),
                go_version: "1.21".into()
            }
        );
        assert_eq!(
            v.meta[&Version::new("a.b/e", "v1.1.0")].replacement,
            Version::new("../e", "")
        );
        assert_eq!(
            v.meta[&Version::new("a.b/f", "")].replacement,
            Version::new("a.b/g", "v1.2.0")
        );
        assert!(v.meta[&Version::new("a.b/f", "")].explicit);
        assert_eq!(v.replaced.len(), 2);
    }

    #[test]
    fn too_new_module() {
        let e = read_vendor_list(
            b"# a.b/c v1.0.0\n## go 1.99\n",
            "vendor/modules.txt",
            &local(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.b/c in vendor/modules.txt requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=local)"
        );
    }

    #[test]
    fn consistency_messages() {
        let f = super::super::parse(
            "go.mod",
            b"module example.com/m\ngo 1.22\nrequire a.b/c v1.0.0\nreplace a.b/d => ../d\nreplace a.b/e v1.0.0 => a.b/f v1.0.0\n",
            None,
        )
        .unwrap();
        let v = read_vendor_list(
            b"# a.b/c v1.0.0\na.b/c\n# a.b/d => ../dd\n# a.b/x v1.0.0\n## explicit\na.b/x\n# a.b/y v1.0.0 => ./y\n",
            "vendor/modules.txt",
            &local(),
        )
        .unwrap();
        let main = [MainModule {
            file: &f,
            root: "/src/m",
            gomod_display: "go.mod",
        }];
        let e = check_vendor_consistency(&v, &main, None, "/src/m").unwrap_err();
        assert_eq!(
            e.to_string(),
            "inconsistent vendoring in /src/m:\n\
             \ta.b/c@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n\
             \ta.b/d: is replaced by ../d in go.mod, but marked as replaced by ../dd in vendor/modules.txt\n\
             \ta.b/e@v1.0.0: is replaced in go.mod, but not marked as replaced in vendor/modules.txt\n\
             \ta.b/x@v1.0.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod\n\
             \ta.b/y@v1.0.0: is marked as replaced in vendor/modules.txt, but not replaced in go.mod\n\n\
             \tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\
             \tTo sync the vendor directory, run:\n\
             \t\tgo mod vendor"
        );
    }

    #[test]
    fn consistent_and_pre114() {
        let f = super::super::parse("go.mod", b"module m\ngo 1.13\nrequire a.b/c v1.0.0\n", None)
            .unwrap();
        let main = [MainModule {
            file: &f,
            root: "/m",
            gomod_display: "go.mod",
        }];
        let same =
            read_vendor_list(b"# a.b/c v1.0.0\na.b/c\n", "vendor/modules.txt", &local()).unwrap();
        assert!(
            check_vendor_consistency(&same, &main, None, "/m").is_ok(),
            "go 1.13 needs no ## explicit"
        );
        let other =
            read_vendor_list(b"# a.b/c v1.1.0\na.b/c\n", "vendor/modules.txt", &local()).unwrap();
        let e = check_vendor_consistency(&other, &main, None, "/m").unwrap_err();
        assert_eq!(
            e.problems,
            [
                "a.b/c@v1.0.0: is explicitly required in go.mod, but vendor/modules.txt indicates a.b/c@v1.1.0"
            ]
        );
    }

    #[test]
    fn replace_maps_and_directories() {
        let f = super::super::parse(
            "go.mod",
            b"module m\nreplace a.b/c => ./c\nreplace a.b/c => ./d\n",
            None,
        )
        .unwrap();
        assert_eq!(
            to_replace_map(&f.replace).unwrap_err(),
            "conflicting replacements for a.b/c:\n\t./c\n\t./d"
        );
        assert_eq!(to_directory_path("x/../y"), "./y");
        assert_eq!(to_directory_path("../y"), "../y");
    }
}
