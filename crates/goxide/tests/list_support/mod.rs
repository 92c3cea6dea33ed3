//! What the `goxide list` differential tests share: a sandbox (HOME,
//! GOPATH, GOCACHE, a copy of the fixture module cache), running the
//! reference go and goxide with the same controlled environment, and
//! comparing `go list -json` streams package by package.
//!
//! The comparison is field by field over every field go prints, in go's
//! order, except `Stale` and `StaleReason` (go computes them from its
//! build cache; goxide has none yet). `DepsErrors` entries that go's own
//! sort leaves unordered (equal keys) are compared in a canonical order. A package agrees when all its
//! fields do; the acceptance fields are counted apart as well.

#![allow(dead_code)]

pub mod json;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use json::Value;

/// The fields the acceptance names.
pub const ACCEPTANCE_FIELDS: &[&str] = &[
    "Name",
    "GoFiles",
    "IgnoredGoFiles",
    "TestGoFiles",
    "XTestGoFiles",
    "Imports",
    "Deps",
    "EmbedPatterns",
];

/// Fields never compared.
pub const UNCOMPARED: &[&str] = &["Stale", "StaleReason"];

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The reference GOROOT as the tests spell it.
pub fn goroot() -> PathBuf {
    goxide_testing::goroot()
}

pub fn goxide_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_goxide"))
}

/// A private directory tree for one test: removed when dropped.
pub struct Sandbox {
    pub root: PathBuf,
}

impl Sandbox {
    pub fn new(tag: &str) -> Sandbox {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        Sandbox::at(&format!("list-{tag}-{}-{n}", std::process::id()))
    }

    /// A sandbox at a fixed place (its paths can appear in cached
    /// outputs); emptied first.
    pub fn fixed(tag: &str) -> Sandbox {
        Sandbox::at(&format!("list-{tag}"))
    }

    fn at(name: &str) -> Sandbox {
        let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = Command::new("chmod")
            .args(["-R", "u+w"])
            .arg(&root)
            .status();
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("home")).unwrap();
        Sandbox {
            root: root.canonicalize().unwrap(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The environment both tools run with.
    pub fn env(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let goroot = goroot();
        let mut env: Vec<(String, String)> = vec![
            ("HOME".into(), self.path("home").display().to_string()),
            ("GOPATH".into(), self.path("gopath").display().to_string()),
            ("GOCACHE".into(), self.path("gocache").display().to_string()),
            (
                "GOMODCACHE".into(),
                self.path("modcache").display().to_string(),
            ),
            ("GOROOT".into(), goroot.display().to_string()),
            (
                "PATH".into(),
                format!("{}:/usr/bin:/bin", goroot.join("bin").display()),
            ),
            ("GOFLAGS".into(), String::new()),
            ("GOTOOLCHAIN".into(), "local".into()),
            ("GOPROXY".into(), "off".into()),
            ("GOSUMDB".into(), "off".into()),
            ("GOTELEMETRY".into(), "off".into()),
            ("GOENV".into(), "off".into()),
            ("CGO_ENABLED".into(), "0".into()),
            ("TMPDIR".into(), self.path("tmp").display().to_string()),
        ];
        let _ = std::fs::create_dir_all(self.path("tmp"));
        for (k, v) in extra {
            env.retain(|(ek, _)| ek != k);
            env.push((k.to_string(), v.to_string()));
        }
        env
    }

    /// Copies `tests/load/<name>` into the sandbox (fixtures stay clean).
    pub fn copy_fixture(&self, name: &str, to: &str) -> PathBuf {
        let from = repo_root().join("tests/load").join(name);
        let dest = self.path(to);
        copy_tree(&from, &dest);
        dest
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Module cache trees may be read-only.
        let _ = Command::new("chmod")
            .args(["-R", "u+w"])
            .arg(&self.root)
            .status();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let mut entries: Vec<_> = std::fs::read_dir(from)
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        let t = e.file_type().unwrap();
        if t.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(&src).unwrap(), &dst).unwrap();
        } else if t.is_dir() {
            copy_tree(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

/// What a run produced.
#[derive(Clone, Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

pub fn run(program: &Path, args: &[&str], cwd: &Path, env: &[(String, String)]) -> Run {
    let out = Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", program.display()));
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

pub fn go(args: &[&str], cwd: &Path, env: &[(String, String)]) -> Run {
    run(&goroot().join("bin/go"), args, cwd, env)
}

pub fn goxide(args: &[&str], cwd: &Path, env: &[(String, String)]) -> Run {
    run(&goxide_bin(), args, cwd, env)
}

/// go's stderr as goxide words it: `go: ` and `go list` become
/// `goxide: `/`goxide list` at the start of a line.
pub fn goxide_wording(go_stderr: &str) -> String {
    go_stderr
        .split_inclusive('\n')
        .map(|l| {
            if let Some(rest) = l.strip_prefix("go: ") {
                format!("goxide: {rest}")
            } else {
                l.to_string()
            }
        })
        .collect()
}

/// The result of comparing two `-json` streams.
#[derive(Debug, Default)]
pub struct Comparison {
    pub total: usize,
    /// Packages whose every compared field agrees (and in go's order).
    pub agree: usize,
    /// Packages whose acceptance fields agree.
    pub agree_acceptance: usize,
    /// Human-readable differences (at most a few per package).
    pub diffs: Vec<String>,
}

/// `DepsErrors` with ties in go's sort key (the package at the top of the
/// import stack) put in a canonical order: go sorts with an unstable sort
/// over a map's keys, so its order among equal keys varies run to run.
fn canonical_deps_errors(v: Option<&Value>) -> Option<Value> {
    let Some(Value::Arr(items)) = v else {
        return v.cloned();
    };
    let key = |e: &Value| {
        let top = match e.get("ImportStack") {
            Some(Value::Arr(s)) => s.last().map(Value::show).unwrap_or_default(),
            _ => String::new(),
        };
        (top, e.show())
    };
    let mut items = items.clone();
    items.sort_by_key(key);
    Some(Value::Arr(items))
}

fn field<'a>(v: &'a Value, k: &str) -> Option<std::borrow::Cow<'a, Value>> {
    if k == "DepsErrors" {
        return canonical_deps_errors(v.get(k)).map(std::borrow::Cow::Owned);
    }
    v.get(k).map(std::borrow::Cow::Borrowed)
}

fn compared_keys(v: &Value) -> Vec<String> {
    v.keys()
        .into_iter()
        .filter(|k| !UNCOMPARED.contains(&k.as_str()))
        .collect()
}

/// Compares go's and goxide's `-json` outputs package by package.
pub fn compare_streams(go_out: &str, gx_out: &str) -> Comparison {
    let a = json::parse_stream(go_out).unwrap_or_else(|e| panic!("go output: {e}"));
    let b = json::parse_stream(gx_out).unwrap_or_else(|e| panic!("goxide output: {e}\n{gx_out}"));
    let mut c = Comparison {
        total: a.len(),
        ..Comparison::default()
    };
    if a.len() != b.len() {
        c.diffs.push(format!(
            "go listed {} packages, goxide {}",
            a.len(),
            b.len()
        ));
    }
    for (i, pa) in a.iter().enumerate() {
        let ip = pa.str("ImportPath");
        let Some(pb) = b.get(i) else { break };
        if pb.str("ImportPath") != ip {
            c.diffs.push(format!(
                "package {i}: go lists {ip}, goxide {}",
                pb.str("ImportPath")
            ));
            continue;
        }
        let (ka, kb) = (compared_keys(pa), compared_keys(pb));
        let mut ok = ka == kb;
        if !ok {
            c.diffs.push(format!(
                "{ip}: fields\n   go:     {ka:?}\n   goxide: {kb:?}"
            ));
        }
        for k in &ka {
            let (fa, fb) = (field(pa, k), field(pb, k));
            if fa != fb {
                ok = false;
                c.diffs.push(format!(
                    "{ip}: {k}\n   go:     {}\n   goxide: {}",
                    fa.map(|v| v.show()).unwrap_or_default(),
                    fb.map(|v| v.show()).unwrap_or_default()
                ));
            }
        }
        if ok {
            c.agree += 1;
        }
        if ACCEPTANCE_FIELDS.iter().all(|f| pa.get(f) == pb.get(f)) {
            c.agree_acceptance += 1;
        }
    }
    c
}
