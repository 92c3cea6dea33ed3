//! Test packages: cmd/go's `load.TestPackagesAndErrors`,
//! `TestPackagesFor` and `recompileForTest` (test.go).
//!
//! For a package `p` with tests: `ptest` is `p` plus its `_test.go`
//! files of package `p` (or `p` itself when there are none and `p` is
//! not a command), `pxtest` is the external `p_test` package, and
//! `pmain` is the generated test binary's main package `p.test`, which
//! imports `os`, `reflect`, `testing`, `testing/internal/testdeps` (and
//! the linker's dependencies), `ptest` and `pxtest`. Every package on a
//! path from `pmain` to `p` is then copied as a test variant (`ForTest`
//! set, `q [p.test]` once renamed) that imports `ptest` instead of `p`;
//! a variant reaching `ptest` again is "import cycle not allowed in
//! test".
//!
//! `pmain`'s source is generated ([`super::testmain`]) into
//! `Internal.testmain_go`; its `GoFiles` is `_testmain.go` until the
//! caller stores that text somewhere (go lists the build-cache file).

use std::collections::HashMap;

use super::embed;
use super::loader::{FROM_TEST, Loader, RESOLVE_IMPORT};
use super::package::{ImportStack, Package, PackageError, PackageId, positions_of};
use super::testmain;

/// The dependencies every test main imports (`TestMainDeps`).
const TEST_MAIN_DEPS: &[&str] = &["os", "reflect", "testing", "testing/internal/testdeps"];

/// The packages of one tested package.
#[derive(Clone, Copy, Debug)]
pub struct TestSet {
    pub p: PackageId,
    pub pmain: PackageId,
    pub ptest: PackageId,
    pub pxtest: Option<PackageId>,
}

impl Loader<'_> {
    /// `TestPackagesAndErrors(p)`.
    pub fn test_packages(&mut self, p: PackageId) -> TestSet {
        let mut stk = ImportStack::default();
        let (ip, dir) = {
            let pp = self.graph.get(p);
            (pp.import_path.clone(), pp.dir.clone())
        };
        let mut ptest_err: Option<PackageError> = None;
        let mut pxtest_err: Option<PackageError> = None;
        let mut incomplete = false;

        stk.push(&format!("{ip} (test)"), None);
        let raw_test_imports = self.graph.get(p).test_imports.clone();
        let mut imports: Vec<PackageId> = Vec::new();
        for (i, path) in raw_test_imports.iter().enumerate() {
            let pos = positions_of(&self.graph.get(p).internal.test_import_pos, path).to_vec();
            let (p1, err) = self.load_import(
                path,
                &dir,
                Some(p),
                &mut stk,
                &pos,
                RESOLVE_IMPORT | FROM_TEST,
            );
            if err.is_some() && ptest_err.is_none() {
                ptest_err = err;
                incomplete = true;
            }
            if self.graph.get(p1).incomplete {
                incomplete = true;
            }
            let p1_path = self.graph.get(p1).import_path.clone();
            self.graph.get_mut(p).test_imports[i] = p1_path;
            imports.push(p1);
        }
        let (test_pats, test_pos) = {
            let pp = self.graph.get(p);
            (
                pp.test_embed_patterns.clone(),
                pp.internal.test_embed_pattern_pos.clone(),
            )
        };
        let mut test_embed: Vec<(String, Vec<String>)> = Vec::new();
        match embed::resolve_embed(&dir, &test_pats) {
            Ok((files, pmap)) => {
                self.graph.get_mut(p).test_embed_files = files;
                test_embed = pmap;
            }
            Err(e) => {
                let mut pe = PackageError::new(&stk, e.to_string());
                pe.set_pos(&super::loader::shorten(
                    &self.cfg.cwd,
                    positions_of(&test_pos, &e.pattern),
                ));
                ptest_err = Some(pe);
                incomplete = true;
            }
        }
        stk.pop();

        stk.push(&format!("{ip}_test"), None);
        let raw_xtest_imports = self.graph.get(p).xtest_imports.clone();
        let mut ximports: Vec<PackageId> = Vec::new();
        let mut pxtest_needs_ptest = false;
        let mut pxtest_incomplete = false;
        for (i, path) in raw_xtest_imports.iter().enumerate() {
            let pos = positions_of(&self.graph.get(p).internal.xtest_import_pos, path).to_vec();
            let (p1, err) = self.load_import(
                path,
                &dir,
                Some(p),
                &mut stk,
                &pos,
                RESOLVE_IMPORT | FROM_TEST,
            );
            if err.is_some() && pxtest_err.is_none() {
                pxtest_err = err;
            }
            if self.graph.get(p1).incomplete {
                pxtest_incomplete = true;
            }
            if p1 == p || self.graph.get(p1).import_path == ip {
                pxtest_needs_ptest = true;
            } else {
                ximports.push(p1);
            }
            let p1_path = self.graph.get(p1).import_path.clone();
            self.graph.get_mut(p).xtest_imports[i] = p1_path;
        }
        let (xpats, xpos) = {
            let pp = self.graph.get(p);
            (
                pp.xtest_embed_patterns.clone(),
                pp.internal.xtest_embed_pattern_pos.clone(),
            )
        };
        let mut xtest_embed: Vec<(String, Vec<String>)> = Vec::new();
        match embed::resolve_embed(&dir, &xpats) {
            Ok((files, pmap)) => {
                self.graph.get_mut(p).xtest_embed_files = files;
                xtest_embed = pmap;
            }
            Err(e) => {
                if pxtest_err.is_none() {
                    let mut pe = PackageError::new(&stk, e.to_string());
                    pe.set_pos(&super::loader::shorten(
                        &self.cfg.cwd,
                        positions_of(&xpos, &e.pattern),
                    ));
                    pxtest_err = Some(pe);
                }
            }
        }
        pxtest_incomplete = pxtest_incomplete || pxtest_err.is_some();
        stk.pop();

        // ptest
        let pp = self.graph.get(p).clone();
        let ptest = if !pp.test_go_files.is_empty() || pp.name == "main" {
            let mut t = pp.clone();
            if t.error.is_none() {
                t.error = ptest_err;
            }
            t.incomplete = t.incomplete || incomplete;
            t.for_test = ip.clone();
            t.go_files = [pp.go_files.clone(), pp.test_go_files.clone()].concat();
            t.target = String::new();
            t.imports = [pp.test_imports.clone(), pp.imports.clone()].concat();
            t.internal.imports = [imports.clone(), pp.internal.imports.clone()].concat();
            t.internal.raw_imports =
                [raw_test_imports.clone(), pp.internal.raw_imports.clone()].concat();
            t.internal.force_library = true;
            let mut ipos = pp.internal.import_pos.clone();
            for (k, v) in &pp.internal.test_import_pos {
                match ipos.iter_mut().find(|(x, _)| x == k) {
                    Some((_, list)) => list.extend(v.iter().cloned()),
                    None => ipos.push((k.clone(), v.clone())),
                }
            }
            t.internal.import_pos = ipos;
            let mut emb = test_embed.clone();
            emb.extend(pp.internal.embed.iter().cloned());
            t.internal.embed = emb;
            t.embed_files = [
                pp.embed_files.clone(),
                self.graph.get(p).test_embed_files.clone(),
            ]
            .concat();
            t.internal.directives = [
                pp.internal.directives.clone(),
                pp.internal.test_directives.clone(),
            ]
            .concat();
            t.internal.cmdline_pkg = false;
            self.graph.add(t)
        } else {
            p
        };

        // pxtest
        let pxtest = if !pp.xtest_go_files.is_empty() {
            let mut x = Package {
                name: format!("{}_test", pp.name),
                import_path: format!("{ip}_test"),
                root: pp.root.clone(),
                dir: pp.dir.clone(),
                goroot: pp.goroot,
                go_files: pp.xtest_go_files.clone(),
                imports: self.graph.get(p).xtest_imports.clone(),
                for_test: ip.clone(),
                module: pp.module.clone(),
                error: pxtest_err,
                incomplete: pxtest_incomplete,
                embed_files: self.graph.get(p).xtest_embed_files.clone(),
                ..Package::default()
            };
            x.internal.import_pos = pp.internal.xtest_import_pos.clone();
            x.internal.directives = pp.internal.xtest_directives.clone();
            x.internal.imports = ximports;
            x.internal.raw_imports = raw_xtest_imports;
            x.internal.embed = xtest_embed;
            x.internal.orig_import_path = pp.internal.orig_import_path.clone();
            x.internal.go_version = pp.internal.go_version.clone();
            x.internal.pgo_profile = pp.internal.pgo_profile.clone();
            x.internal.imports_loaded = true;
            if pxtest_needs_ptest {
                x.internal.imports.push(ptest);
            }
            Some(self.graph.add(x))
        } else {
            None
        };

        // pmain
        let mut pmain = Package {
            name: "main".into(),
            dir: pp.dir.clone(),
            go_files: vec!["_testmain.go".into()],
            import_path: format!("{ip}.test"),
            root: pp.root.clone(),
            imports: TEST_MAIN_DEPS.iter().map(|s| s.to_string()).collect(),
            module: pp.module.clone(),
            ..Package::default()
        };
        pmain.internal.go_version = pp.internal.go_version.clone();
        pmain.internal.pgo_profile = pp.internal.pgo_profile.clone();
        pmain.internal.imports_loaded = true;
        let pmain_id = self.graph.add(pmain);
        {
            let directives: Vec<String> = [
                &pp.internal.directives,
                &pp.internal.test_directives,
                &pp.internal.xtest_directives,
            ]
            .iter()
            .flat_map(|l| l.iter().map(|(t, _)| t.clone()))
            .collect();
            let s = self.default_godebug_for(&directives);
            self.graph.get_mut(pmain_id).default_godebug = s;
        }
        stk.push("testmain", None);
        let mut deps: Vec<String> = TEST_MAIN_DEPS.iter().map(|s| s.to_string()).collect();
        match self.linker_deps_for_test() {
            Ok(d) => deps.extend(d),
            Err(e) => {
                let pm = self.graph.get_mut(pmain_id);
                if pm.error.is_none() {
                    pm.error = Some(PackageError::new(&ImportStack::default(), e));
                }
            }
        }
        let ptest_path = self.graph.get(ptest).import_path.clone();
        for dep in deps {
            if dep == ptest_path {
                self.graph.get_mut(pmain_id).internal.imports.push(ptest);
            } else {
                let (p1, err) = self.load_import(&dep, "", None, &mut stk, &[], 0);
                let pm = self.graph.get_mut(pmain_id);
                if let Some(e) = err
                    && pm.error.is_none()
                {
                    pm.error = Some(e);
                    pm.incomplete = true;
                }
                pm.internal.imports.push(p1);
            }
        }
        stk.pop();

        let ptest_has_go = {
            let t = self.graph.get(ptest);
            !t.go_files.is_empty() || !t.cgo_files.is_empty()
        };
        if ptest_has_go {
            let pm = self.graph.get_mut(pmain_id);
            pm.internal.imports.push(ptest);
            pm.imports.push(ptest_path.clone());
        }
        let (mut funcs, funcs_err) =
            testmain::load_test_funcs(&pp.dir, &pp.test_go_files, &pp.xtest_go_files);
        if let Some(e) = funcs_err {
            let pm = self.graph.get_mut(pmain_id);
            if pm.error.is_none() {
                pm.error = Some(PackageError::new(&ImportStack::default(), e));
                pm.incomplete = true;
            }
        }
        if ptest_has_go {
            funcs.import_test = true;
        }
        if let Some(x) = pxtest {
            let xp = self.graph.get(x).import_path.clone();
            let pm = self.graph.get_mut(pmain_id);
            pm.internal.imports.push(x);
            pm.imports.push(xp);
            funcs.import_xtest = true;
        }
        let module_path = pp
            .module
            .as_ref()
            .map(|m| m.path.clone())
            .unwrap_or_default();
        self.graph.get_mut(pmain_id).internal.testmain_go =
            Some(testmain::format_testmain(&funcs, &ip, &module_path));
        {
            let pm = self.graph.get_mut(pmain_id);
            pm.imports.sort();
            pm.imports.dedup();
            pm.internal.raw_imports = pm.imports.clone();
        }
        if let Some(e) = self.recompile_for_test(pmain_id, p, ptest, pxtest) {
            let t = self.graph.get_mut(ptest);
            t.error = Some(e);
            t.incomplete = true;
        }
        TestSet {
            p,
            pmain: pmain_id,
            ptest,
            pxtest,
        }
    }

    fn linker_deps_for_test(&self) -> Result<Vec<String>, String> {
        let mut deps = vec!["runtime".to_string()];
        if self.cfg.build.goarch == "arm" {
            deps.push("math".into());
        }
        let goos = self.cfg.build.goos.as_str();
        let goarch = self.cfg.build.goarch.as_str();
        let must = (goos == "android" && goarch != "arm64") || (goos == "ios" && goarch == "arm64");
        if must {
            if !self.cfg.build.cgo_enabled {
                return Err(format!(
                    "{goos}/{goarch} requires external (cgo) linking, but cgo is not enabled"
                ));
            }
            deps.insert(1, "runtime/cgo".into());
        }
        Ok(deps)
    }

    /// `recompileForTest`: test variants of the packages between `pmain`
    /// and `preal`, and the search for a cycle through `ptest`.
    fn recompile_for_test(
        &mut self,
        pmain: PackageId,
        preal: PackageId,
        ptest: PackageId,
        pxtest: Option<PackageId>,
    ) -> Option<PackageError> {
        let mut test_copy: HashMap<PackageId, PackageId> = HashMap::new();
        test_copy.insert(preal, ptest);
        let preal_path = self.graph.get(preal).import_path.clone();
        let preal_pgo = self.graph.get(preal).internal.pgo_profile.clone();
        let order = self.graph.package_list(&[pmain]);
        for orig in order {
            if orig == preal {
                continue;
            }
            let mut p = orig;
            let mut did_split = p == pmain || Some(p) == pxtest || p == ptest;
            let imports = self.graph.get(p).internal.imports.clone();
            for (i, imp) in imports.iter().enumerate() {
                if let Some(&p1) = test_copy.get(imp)
                    && p1 != *imp
                {
                    if !did_split {
                        did_split = true;
                        p = self.split_for_test(p, &preal_path, &preal_pgo, &mut test_copy);
                    }
                    self.graph.get_mut(p).internal.imports[i] = p1;
                }
            }
            if self.graph.get(p).name == "main" && p != pmain && p != ptest && !did_split {
                p = self.split_for_test(p, &preal_path, &preal_pgo, &mut test_copy);
                did_split = true;
            }
            // Test dependencies of a package built with a PGO profile are
            // built with it too.
            if !preal_pgo.is_empty()
                && self.graph.get(p).internal.pgo_profile.is_empty()
                && !did_split
            {
                self.split_for_test(p, &preal_path, &preal_pgo, &mut test_copy);
            }
        }

        // Breadth-first search from ptest's imports back to ptest.
        let mut importer_of: HashMap<PackageId, Option<PackageId>> = HashMap::new();
        let start = self.graph.get(ptest).internal.imports.clone();
        for &q in &start {
            importer_of.insert(q, None);
        }
        let mut queue: std::collections::VecDeque<PackageId> = start.into_iter().collect();
        while let Some(q) = queue.pop_front() {
            if q == ptest {
                let mut stk = ImportStack::default();
                let mut cur = Some(q);
                let mut items = Vec::new();
                while let Some(c) = cur {
                    let importer = match importer_of.get(&c) {
                        Some(None) => ptest,
                        Some(Some(i)) => *i,
                        None => ptest,
                    };
                    let cp = self.graph.get(c).import_path.clone();
                    let pos = positions_of(&self.graph.get(importer).internal.import_pos, &cp)
                        .first()
                        .cloned();
                    items.push((cp, pos));
                    cur = importer_of.get(&c).copied().flatten();
                }
                items.push((self.graph.get(ptest).import_path.clone(), None));
                items.reverse();
                for (pkg, pos) in items {
                    stk.push(&pkg, pos);
                }
                return Some(PackageError {
                    import_stack: stk,
                    err: "import cycle not allowed in test".into(),
                    is_import_cycle: true,
                    ..PackageError::default()
                });
            }
            for dep in self.graph.get(q).internal.imports.clone() {
                if let std::collections::hash_map::Entry::Vacant(e) = importer_of.entry(dep) {
                    e.insert(Some(q));
                    queue.push_back(dep);
                }
            }
        }
        None
    }

    fn split_for_test(
        &mut self,
        p: PackageId,
        preal_path: &str,
        preal_pgo: &str,
        test_copy: &mut HashMap<PackageId, PackageId>,
    ) -> PackageId {
        let mut c = self.graph.get(p).clone();
        c.for_test = preal_path.to_string();
        c.internal.pgo_profile = preal_pgo.to_string();
        c.target = String::new();
        c.internal.force_library = true;
        c.internal.cmdline_pkg = false;
        let id = self.graph.add(c);
        test_copy.insert(p, id);
        id
    }
}
