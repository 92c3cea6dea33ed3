//! `goxide_load::load` as later stages use it: the package graph of a
//! pattern in dependency order, with files, tags, language versions and
//! error positions, loaded from the reference GOROOT and a fixture
//! module (tests/load), offline.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use goxide_load::build;
use goxide_load::load::{self, Config, Options, langver};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn config(cwd: &Path) -> Config {
    let goroot = goxide_testing::goroot();
    let version = std::fs::read_to_string(goroot.join("VERSION")).unwrap();
    let version = version
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("go")
        .to_string();
    let minor: u32 = version.split('.').nth(1).unwrap().parse().unwrap();
    Config {
        build: load::BuildContext {
            goos: "linux".into(),
            goarch: "amd64".into(),
            goroot: goroot.display().to_string(),
            cgo_enabled: false,
            compiler: "gc".into(),
            build_tags: Vec::new(),
            tool_tags: build::tool_tags("linux", "amd64", "", "").unwrap(),
            release_tags: build::release_tags(minor),
        },
        host_goos: "linux".into(),
        host_goarch: "amd64".into(),
        cwd: cwd.display().to_string(),
        gomodcache: repo().join("tests/load/modcache").display().to_string(),
        gopath: std::env::temp_dir()
            .join("goxide-load-api-gopath")
            .display()
            .to_string(),
        goproxy: "off".into(),
        gotoolchain: "local".into(),
        go_version: version,
        temp_dir: std::env::temp_dir().display().to_string(),
        workers: 2,
        module_index: true,
        pgo: "auto".into(),
        ..Config::default()
    }
}

#[test]
fn std_graph_in_dependency_order() {
    let cwd = std::env::temp_dir();
    let cfg = config(&cwd);
    let loaded = load::load(&cfg, &Options::default(), &["net/http".to_string()]).unwrap();
    let g = &loaded.graph;
    let order = g.package_list(&loaded.roots);
    assert_eq!(g.get(*order.last().unwrap()).import_path, "net/http");
    let mut seen = HashSet::new();
    for &id in &order {
        let p = g.get(id);
        for &imp in &p.internal.imports {
            assert!(
                seen.contains(&imp),
                "{} listed before its import {}",
                p.import_path,
                g.get(imp).import_path
            );
        }
        seen.insert(id);
        assert!(p.error.is_none(), "{}: {:?}", p.import_path, p.error);
        assert!(
            p.standard && !p.go_files.is_empty() || p.import_path == "unsafe",
            "{}",
            p.import_path
        );
        if p.import_path == "os" {
            // os's files are selected by GOOS suffixes and unix constraints.
            assert!(
                p.internal.all_tags.iter().any(|t| t == "unix"),
                "{:?}",
                p.internal.all_tags
            );
            assert!(
                p.ignored_go_files
                    .iter()
                    .any(|f| f.ends_with("_windows.go"))
            );
        }
    }
    // net/http imports golang.org/x/net through GOROOT's vendor directory.
    let http = g.get(*order.last().unwrap());
    assert!(
        http.imports
            .iter()
            .any(|i| i.starts_with("vendor/golang.org/x/net/"))
    );
    assert!(
        http.internal
            .raw_imports
            .iter()
            .any(|i| i.starts_with("golang.org/x/net/"))
    );
    let versions = langver::file_versions(http);
    assert_eq!(
        versions.len(),
        http.go_files.len() + http.test_go_files.len() + http.xtest_go_files.len()
    );
    assert!(versions.iter().all(|v| v.module_version.starts_with("1.")));
}

#[test]
fn module_graph_with_errors_and_positions() {
    let dir = std::env::temp_dir().join(format!("goxide-load-api-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (f, text) in [
        (
            "go.mod",
            "module example.com/api\n\ngo 1.22\n\nrequire example.com/dep v1.1.0\n",
        ),
        (
            "a/a.go",
            "package a\n\nimport (\n\t\"example.com/dep\"\n\t\"example.com/api/missing\"\n)\n\nvar _ = dep.Hello\n",
        ),
    ] {
        std::fs::create_dir_all(dir.join(f).parent().unwrap()).unwrap();
        std::fs::write(dir.join(f), text).unwrap();
    }
    std::fs::write(
        dir.join("go.sum"),
        std::fs::read_to_string(repo().join("tests/load/cached/go.sum")).unwrap(),
    )
    .unwrap();
    let cfg = config(&dir);
    let loaded = load::load(&cfg, &Options::default(), &["./a".to_string()]).unwrap();
    let g = &loaded.graph;
    let a = g.get(loaded.roots[0]);
    assert_eq!(a.import_path, "example.com/api/a");
    assert!(a.incomplete);
    let m = a.module.as_ref().unwrap();
    assert!(m.main && m.go_version == "1.22");
    let missing = a
        .internal
        .imports
        .iter()
        .map(|&i| g.get(i))
        .find(|p| p.import_path == "example.com/api/missing")
        .unwrap();
    let e = missing.error.as_ref().unwrap();
    assert_eq!(e.pos, "a/a.go:5:2");
    assert!(
        e.err
            .starts_with("no required module provides package example.com/api/missing")
    );
    let dep = a
        .internal
        .imports
        .iter()
        .map(|&i| g.get(i))
        .find(|p| p.import_path == "example.com/dep")
        .unwrap();
    assert_eq!(dep.module.as_ref().unwrap().version, "v1.1.0");
    assert!(dep.dir.ends_with("example.com/dep@v1.1.0"));
    let _ = std::fs::remove_dir_all(dir);
}
