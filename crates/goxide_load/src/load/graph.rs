//! The package graph: an arena of [`Package`]s addressed by [`PackageId`],
//! and the whole-graph computations `go list` and later stages use —
//! dependency order (`load.PackageList`), `Deps` (`collectDeps`),
//! `DepsErrors` (`collectDepsErrors`), `ImportMap`, and the renaming of
//! test variants (`p [q.test]`). Mirrors `load/pkg.go` and
//! `list/list.go`.
//!
//! Invariant: `Package::internal.imports` may form cycles only where go's
//! do (an import cycle reported as an error); every traversal here marks
//! visited nodes first, so cycles terminate.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::package::{Package, PackageError, PackageId};

/// All packages loaded, in creation order.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub packages: Vec<Package>,
}

impl Graph {
    pub fn add(&mut self, p: Package) -> PackageId {
        self.packages.push(p);
        PackageId(self.packages.len() as u32 - 1)
    }

    pub fn get(&self, id: PackageId) -> &Package {
        &self.packages[id.index()]
    }

    pub fn get_mut(&mut self, id: PackageId) -> &mut Package {
        &mut self.packages[id.index()]
    }

    /// `PackageList`: the packages reachable from `roots`, depth-first,
    /// each after its imports (dependency order).
    pub fn package_list(&self, roots: &[PackageId]) -> Vec<PackageId> {
        let mut seen = vec![false; self.packages.len()];
        let mut out = Vec::new();
        for &r in roots {
            if seen[r.index()] {
                continue;
            }
            // Iterative post-order: (node, next import index).
            seen[r.index()] = true;
            let mut stack: Vec<(PackageId, usize)> = vec![(r, 0)];
            while let Some(top) = stack.last_mut() {
                let (id, i) = *top;
                let imports = &self.get(id).internal.imports;
                if i < imports.len() {
                    top.1 += 1;
                    let next = imports[i];
                    if !seen[next.index()] {
                        seen[next.index()] = true;
                        stack.push((next, 0));
                    }
                } else {
                    out.push(id);
                    stack.pop();
                }
            }
        }
        out
    }

    /// `collectDeps` over `order` (which must list imports first): each
    /// package's sorted transitive import paths.
    pub fn collect_deps(&mut self, order: &[PackageId]) {
        for &id in order {
            let mut deps: BTreeSet<String> = BTreeSet::new();
            for &imp in &self.get(id).internal.imports {
                let q = self.get(imp);
                deps.insert(q.import_path.clone());
                deps.extend(q.deps.iter().cloned());
            }
            self.get_mut(id).deps = deps.into_iter().collect();
        }
    }

    /// `collectDepsErrors` over `order`: the errors of the packages below,
    /// each once, sorted by the package at the top of its import stack.
    pub fn collect_deps_errors(&mut self, order: &[PackageId]) {
        for &id in order {
            let mut errs: Vec<PackageError> = Vec::new();
            let mut seen: HashSet<String> = HashSet::new();
            let mut add = |e: &PackageError, errs: &mut Vec<PackageError>| {
                // Identity in go is the pointer; the rendering plus stack
                // stands in for it.
                let key = format!("{:?}|{}|{}", e.import_stack.pkgs(), e.pos, e.err);
                if seen.insert(key) {
                    errs.push(e.clone());
                }
            };
            for &imp in &self.get(id).internal.imports {
                let q = self.get(imp);
                if let Some(e) = &q.error {
                    add(e, &mut errs);
                }
                for e in &q.deps_errors {
                    add(e, &mut errs);
                }
            }
            errs.sort_by(|a, b| {
                let (sa, sb) = (&a.import_stack.0, &b.import_stack.0);
                match (sa.is_empty(), sb.is_empty()) {
                    (true, false) => std::cmp::Ordering::Less,
                    (false, true) => std::cmp::Ordering::Greater,
                    (true, true) => a.err.cmp(&b.err),
                    (false, false) => sa[sa.len() - 1].pkg.cmp(&sb[sb.len() - 1].pkg),
                }
            });
            self.get_mut(id).deps_errors = errs;
        }
    }

    /// Records `ImportMap` (source import → resolved path, where they
    /// differ) for each package of `ids`.
    pub fn record_import_maps(&mut self, ids: &[PackageId]) {
        for &id in ids {
            let p = self.get_mut(id);
            let n_raw = p.internal.raw_imports.len();
            let mut map: Vec<(String, String)> = Vec::new();
            for (i, path) in p.imports.iter().enumerate() {
                let src = if i < n_raw {
                    p.internal.raw_imports[i].clone()
                } else {
                    match p.internal.compiled_imports.get(i - n_raw) {
                        Some(s) => s.clone(),
                        None => continue,
                    }
                };
                if *path != src {
                    map.retain(|(k, _)| *k != src);
                    map.push((src, path.clone()));
                }
            }
            map.sort();
            p.import_map = map;
        }
    }

    /// `setPGOProfilePath` for `-pgo=auto`: each main package among
    /// `roots` with a `default.pgo` gets the profile, and (when there are
    /// several roots) copies of all its dependencies built for it
    /// (`ForMain`), so that different mains' profiles do not mix.
    pub fn apply_pgo_auto(&mut self, roots: &[PackageId]) {
        for &pmain in roots {
            let p = self.get(pmain);
            if p.name != "main" {
                continue;
            }
            let file = format!("{}/default.pgo", p.dir);
            if std::fs::metadata(&file).is_err() {
                continue;
            }
            let main_path = p.import_path.clone();
            let copy = roots.len() > 1;
            let mut visited: HashMap<PackageId, PackageId> = HashMap::new();
            // Depth-first with an explicit stack: (original, copy, next import).
            let mut stack: Vec<(PackageId, usize)> = Vec::new();
            let start = self.pgo_visit(pmain, pmain, copy, &main_path, &file, &mut visited);
            stack.push((start, 0));
            while let Some(top) = stack.last_mut() {
                let (id, i) = *top;
                if i >= self.get(id).internal.imports.len() {
                    stack.pop();
                    continue;
                }
                top.1 += 1;
                let imp = self.get(id).internal.imports[i];
                if let Some(&v) = visited.get(&imp) {
                    self.get_mut(id).internal.imports[i] = v;
                    continue;
                }
                let c = self.pgo_visit(imp, pmain, copy, &main_path, &file, &mut visited);
                self.get_mut(id).internal.imports[i] = c;
                stack.push((c, 0));
            }
        }
    }

    fn pgo_visit(
        &mut self,
        p: PackageId,
        pmain: PackageId,
        copy: bool,
        main_path: &str,
        file: &str,
        visited: &mut HashMap<PackageId, PackageId>,
    ) -> PackageId {
        let id = if copy && p != pmain {
            let mut c = self.get(p).clone();
            c.internal.for_main = main_path.to_string();
            let id = self.add(c);
            visited.insert(p, id);
            id
        } else {
            visited.insert(p, p);
            p
        };
        self.get_mut(id).internal.pgo_profile = file.to_string();
        id
    }

    /// Renames test variants to `p [q.test]` (and PGO copies to
    /// `p [main]`) and rewrites the import lists that name them (list.go,
    /// after `-test`).
    pub fn rename_test_variants(&mut self, all: &[PackageId]) {
        let mut old: HashMap<String, String> = HashMap::new();
        let mut renamed: HashSet<PackageId> = HashSet::new();
        for &id in all {
            let p = self.get_mut(id);
            if !p.for_test.is_empty() || !p.internal.for_main.is_empty() {
                let new = p.desc();
                old.insert(new.clone(), p.import_path.clone());
                p.import_path = new;
                renamed.insert(id);
            }
        }
        for &id in all {
            let mut m: HashMap<String, String> = HashMap::new();
            for &imp in &self.get(id).internal.imports {
                if renamed.contains(&imp) {
                    let new = self.get(imp).import_path.clone();
                    if let Some(o) = old.get(&new) {
                        m.insert(o.clone(), new);
                    }
                }
            }
            if m.is_empty() {
                continue;
            }
            let p = self.get_mut(id);
            for path in p.imports.iter_mut() {
                if let Some(new) = m.get(path) {
                    *path = new.clone();
                }
            }
        }
    }
}
