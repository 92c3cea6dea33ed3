//! `goxide list -json -deps -compiler=gc std cmd` against `go list -json
//! -deps std cmd`, package by package, for linux/amd64, linux/arm64,
//! darwin/arm64, windows/amd64, wasip1/wasm and linux/amd64 with
//! `-tags purego`, all with CGO_ENABLED=0 (the acceptance of issue 3).
//!
//! Then `-e -json -deps -test std cmd` on linux/amd64: every test
//! variant and test main of the standard library and commands (go writes
//! each `_testmain.go` into GOCACHE and lists that file; so does goxide).
//!
//! go's output for a configuration is cached in CARGO_TARGET_TMPDIR,
//! keyed by the configuration and the reference GOROOT's VERSION, so a
//! rerun costs one goxide run per configuration. The counts go to the
//! conformance snapshot: per configuration, the packages agreeing on the
//! acceptance fields (Name, GoFiles, IgnoredGoFiles, TestGoFiles,
//! XTestGoFiles, Imports, Deps, EmbedPatterns) and on every field go
//! prints but Stale/StaleReason.

mod list_support;

use list_support::{Sandbox, compare_streams};

struct Config {
    name: &'static str,
    goos: &'static str,
    goarch: &'static str,
    tags: &'static str,
    /// Extra `go list` flags (before the patterns).
    flags: &'static [&'static str],
}

const CONFIGS: &[Config] = &[
    Config {
        name: "linux/amd64",
        goos: "linux",
        goarch: "amd64",
        tags: "",
        flags: &[],
    },
    Config {
        name: "linux/arm64",
        goos: "linux",
        goarch: "arm64",
        tags: "",
        flags: &[],
    },
    Config {
        name: "darwin/arm64",
        goos: "darwin",
        goarch: "arm64",
        tags: "",
        flags: &[],
    },
    Config {
        name: "windows/amd64",
        goos: "windows",
        goarch: "amd64",
        tags: "",
        flags: &[],
    },
    Config {
        name: "wasip1/wasm",
        goos: "wasip1",
        goarch: "wasm",
        tags: "",
        flags: &[],
    },
    Config {
        name: "linux/amd64 -tags purego",
        goos: "linux",
        goarch: "amd64",
        tags: "purego",
        flags: &[],
    },
    Config {
        name: "linux/amd64 -test -e",
        goos: "linux",
        goarch: "amd64",
        tags: "",
        flags: &["-test", "-e"],
    },
];

/// go's `list -json -deps std cmd` for a configuration, from the cache or
/// a fresh run.
fn go_output(sb: &Sandbox, c: &Config, env: &[(String, String)]) -> String {
    let version =
        std::fs::read_to_string(list_support::goroot().join("VERSION")).unwrap_or_default();
    let version = version.lines().next().unwrap_or("");
    let key = format!(
        "{}-{}-{}-{}{}-{}",
        version,
        c.goos,
        c.goarch,
        if c.tags.is_empty() { "notags" } else { c.tags },
        c.flags.join(""),
        list_support::goroot()
            .display()
            .to_string()
            .replace('/', "_")
    );
    let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("go-list-std-cmd")
        .join(format!("{key}.json"));
    if let Ok(s) = std::fs::read_to_string(&cache) {
        return s;
    }
    let mut args = vec!["list", "-json", "-deps"];
    args.extend(c.flags);
    if !c.tags.is_empty() {
        args.extend(["-tags", c.tags]);
    }
    args.extend(["std", "cmd"]);
    let r = list_support::go(&args, &sb.root, env);
    assert_eq!(r.code, 0, "go list failed: {}", r.stderr);
    let _ = std::fs::create_dir_all(cache.parent().unwrap());
    let _ = std::fs::write(&cache, &r.stdout);
    r.stdout
}

#[test]
fn std_and_cmd_agree_with_go_list() {
    // A fixed place: go's cached output names files in this GOCACHE.
    let sb = Sandbox::fixed("std");
    let mut failures = Vec::new();
    for c in CONFIGS {
        let env = sb.env(&[("GOOS", c.goos), ("GOARCH", c.goarch)]);
        let want = go_output(&sb, c, &env);
        let mut args = vec!["list", "-json", "-deps", "-compiler=gc"];
        args.extend(c.flags);
        if !c.tags.is_empty() {
            args.extend(["-tags", c.tags]);
        }
        args.extend(["std", "cmd"]);
        let got = list_support::goxide(&args, &sb.root, &env);
        assert_eq!(
            got.code, 0,
            "goxide list failed for {}: {}",
            c.name, got.stderr
        );
        assert_eq!(got.stderr, "", "goxide list wrote to stderr for {}", c.name);
        let cmp = compare_streams(&want, &got.stdout);
        eprintln!(
            "{}: {} packages, {} agree on the acceptance fields, {} on all fields",
            c.name, cmp.total, cmp.agree_acceptance, cmp.agree
        );
        for d in cmp.diffs.iter().take(5) {
            eprintln!("  {d}");
        }
        goxide_testing::conformance(
            &format!(
                "go list -deps std cmd {} / packages agreeing on the acceptance fields",
                c.name
            ),
            cmp.agree_acceptance,
            cmp.total,
        );
        goxide_testing::conformance(
            &format!(
                "go list -deps std cmd {} / packages agreeing on all fields",
                c.name
            ),
            cmp.agree,
            cmp.total,
        );
        if cmp.agree_acceptance != cmp.total {
            failures.push(c.name);
        }
    }
    assert!(
        failures.is_empty(),
        "acceptance fields differ for {failures:?}"
    );
}
