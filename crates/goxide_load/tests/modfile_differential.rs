//! Differential tests of `goxide_load::{semver, module, modfile}` against
//! the reference Go, which is only the oracle here: expected results are
//! computed by it at test time, never stored.
//!
//! - `go_mod_edit_json`: every go.mod under `tests/modfile/gomod/` goes
//!   through the reference `go mod edit -json` in a temporary copy; valid
//!   files must give the same JSON (goxide's parse printed as
//!   `editPrintJSON` prints), invalid ones the same error text.
//! - `go_work_edit_json`: the same for `tests/modfile/gowork/` with
//!   `go work edit -json`.
//! - `go_list_reads_go_mod`: the go.mod fixtures through `go list -m`,
//!   against `modfile::read_mod_file` (cmd/go's `ReadModFile`: headers,
//!   short paths, the too-new check, the version fixer).
//! - `vendor_consistency`: the directories under `tests/modfile/vendor/`
//!   through `go list -m` (which checks vendor/modules.txt), against
//!   `read_vendor_list` and `check_vendor_consistency`.
//! - `xmod_driver`: a Go program built from the x/mod sources vendored in
//!   the reference GOROOT (plus internal/gover) prints canonical dumps of
//!   semver, module, gover and modfile results — syntax trees with every
//!   comment and position, strict, lax, fixed and go.work parses — for a
//!   corpus of strings, version pairs, all fixtures and thousands of
//!   mutations of them; goxide must print the same. It also regenerates
//!   the Unicode tables of `modfile::strconv` and compares.
//!
//! The reference GOROOT is `GOXIDE_TEST_GOROOT` or the setup's copy
//! (`goxide_testing::goroot`). Every go command runs with a private HOME,
//! GOPATH, GOCACHE and GOMODCACHE, GOPROXY=off and GOTOOLCHAIN=local.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use goxide_load::modfile::{self, File, FileSyntax, Stmt, WorkFile, gover, strconv::quote};
use goxide_load::{module, semver};

// ---------------------------------------------------------------------------
// Sandbox: temporary directories and the reference go.

struct Sandbox {
    root: PathBuf,
}

impl Sandbox {
    fn new(tag: &str) -> Sandbox {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let root =
            std::env::temp_dir().join(format!("goxide-modfile-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for d in ["home", "gopath", "modcache", "work"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        let root = root.canonicalize().unwrap();
        Sandbox { root }
    }

    /// A fresh directory under the sandbox.
    fn dir(&self, name: &str) -> PathBuf {
        let d = self.root.join("work").join(name);
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn go(&self, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let goroot = goxide_testing::goroot();
        let mut cmd = Command::new(goroot.join("bin/go"));
        cmd.args(args)
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("GOROOT", &goroot)
            .env("HOME", self.root.join("home"))
            .env("GOPATH", self.root.join("gopath"))
            .env("GOMODCACHE", self.root.join("modcache"))
            .env("GOCACHE", go_cache())
            .env("GOENV", "off")
            .env("GOFLAGS", "")
            .env("GOTOOLCHAIN", "local")
            .env("GOPROXY", "off")
            .env("GOSUMDB", "off")
            .env("GOTELEMETRY", "off")
            .env("GO111MODULE", "on")
            .env("CGO_ENABLED", "0");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("run the reference go")
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// A build cache kept between runs (the driver takes seconds to build cold).
fn go_cache() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("modfile-gocache");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixtures(sub: &str, ext: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/modfile")
        .join(sub);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The reference go's version (`gover.Local()`), from GOROOT/VERSION.
fn local() -> gover::Local {
    let text = std::fs::read_to_string(goxide_testing::goroot().join("VERSION")).unwrap();
    let version = gover::from_toolchain(text.lines().next().unwrap());
    assert!(!version.is_empty(), "GOROOT/VERSION: {text:?}");
    gover::Local {
        version,
        startup: gover::Startup {
            gotoolchain: "local".into(),
            ..Default::default()
        },
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Collects mismatches and fails with all of them at the end.
#[derive(Default)]
struct Tally {
    total: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, ours: &str, want: &str) {
        self.total += 1;
        if ours != want {
            self.failures
                .push(format!("--- {name}\n=== goxide:\n{ours}\n=== go:\n{want}"));
        }
    }

    fn finish(self, what: &str) {
        eprintln!(
            "{what}: {}/{} identical",
            self.total - self.failures.len(),
            self.total
        );
        if let Some(path) = std::env::var_os("GOXIDE_MODFILE_FAILURES") {
            std::fs::write(path, self.failures.join("\n")).unwrap();
        }
        if !self.failures.is_empty() {
            let shown: Vec<&String> = self.failures.iter().take(12).collect();
            panic!(
                "{what}: {} of {} differ:\n{}",
                self.failures.len(),
                self.total,
                shown
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

// ---------------------------------------------------------------------------
// JSON as Go's encoding/json MarshalIndent(v, "", "\t") writes it.

enum Json {
    Str(String),
    Bool(bool),
    Obj(Vec<(&'static str, Json)>),
    Arr(Vec<Json>),
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20
                || c == '<'
                || c == '>'
                || c == '&'
                || c == '\u{2028}'
                || c == '\u{2029}' =>
            {
                write!(out, "\\u{:04x}", c as u32).unwrap()
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_json(j: &Json, depth: usize, out: &mut String) {
    let tabs = |n: usize, out: &mut String| out.extend(std::iter::repeat_n('\t', n));
    match j {
        Json::Str(s) => json_string(s, out),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Obj(fields) => {
            out.push_str("{\n");
            for (i, (k, v)) in fields.iter().enumerate() {
                tabs(depth + 1, out);
                write!(out, "\"{k}\": ").unwrap();
                write_json(v, depth + 1, out);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            tabs(depth, out);
            out.push('}');
        }
        Json::Arr(items) => {
            out.push_str("[\n");
            for (i, v) in items.iter().enumerate() {
                tabs(depth + 1, out);
                write_json(v, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            tabs(depth, out);
            out.push(']');
        }
    }
}

/// An object builder honouring `json:",omitempty"`.
struct Obj(Vec<(&'static str, Json)>);

impl Obj {
    fn new() -> Obj {
        Obj(Vec::new())
    }
    fn s(mut self, k: &'static str, v: &str) -> Obj {
        self.0.push((k, Json::Str(v.to_string())));
        self
    }
    fn s_omit(self, k: &'static str, v: &str) -> Obj {
        if v.is_empty() { self } else { self.s(k, v) }
    }
    fn b_omit(mut self, k: &'static str, v: bool) -> Obj {
        if v {
            self.0.push((k, Json::Bool(true)));
        }
        self
    }
    fn o(mut self, k: &'static str, v: Obj) -> Obj {
        self.0.push((k, Json::Obj(v.0)));
        self
    }
    fn a_omit(mut self, k: &'static str, v: Vec<Obj>) -> Obj {
        if !v.is_empty() {
            self.0.push((
                k,
                Json::Arr(v.into_iter().map(|o| Json::Obj(o.0)).collect()),
            ));
        }
        self
    }
    fn finish(self) -> String {
        let mut out = String::new();
        write_json(&Json::Obj(self.0), 0, &mut out);
        out.push('\n');
        out
    }
}

fn version_json(v: &module::Version) -> Obj {
    Obj::new().s("Path", &v.path).s_omit("Version", &v.version)
}

/// `go mod edit -json` (cmd/go/internal/modcmd's `editPrintJSON`).
fn mod_edit_json(f: &File) -> String {
    let m = f.module.as_ref();
    Obj::new()
        .o(
            "Module",
            Obj::new()
                .s("Path", m.map_or("", |m| &m.path))
                .s_omit("Deprecated", m.map_or("", |m| &m.deprecated)),
        )
        .s_omit("Go", f.go.as_ref().map_or("", |g| &g.version))
        .s_omit("Toolchain", f.toolchain.as_ref().map_or("", |t| &t.name))
        .a_omit(
            "GoDebug",
            f.godebug
                .iter()
                .map(|d| Obj::new().s("Key", &d.key).s("Value", &d.value))
                .collect(),
        )
        .a_omit(
            "Require",
            f.require
                .iter()
                .map(|r| {
                    Obj::new()
                        .s("Path", &r.module.path)
                        .s_omit("Version", &r.module.version)
                        .b_omit("Indirect", r.indirect)
                })
                .collect(),
        )
        .a_omit(
            "Exclude",
            f.exclude.iter().map(|x| version_json(&x.module)).collect(),
        )
        .a_omit(
            "Replace",
            f.replace
                .iter()
                .map(|r| {
                    Obj::new()
                        .o("Old", version_json(&r.old))
                        .o("New", version_json(&r.new))
                })
                .collect(),
        )
        .a_omit(
            "Retract",
            f.retract
                .iter()
                .map(|r| {
                    Obj::new()
                        .s_omit("Low", &r.low)
                        .s_omit("High", &r.high)
                        .s_omit("Rationale", &r.rationale)
                })
                .collect(),
        )
        .a_omit(
            "Tool",
            f.tool
                .iter()
                .map(|t| Obj::new().s("Path", &t.path))
                .collect(),
        )
        .a_omit(
            "Ignore",
            f.ignore
                .iter()
                .map(|t| Obj::new().s("Path", &t.path))
                .collect(),
        )
        .finish()
}

/// `go work edit -json` (cmd/go/internal/workcmd's `editPrintJSON`).
fn work_edit_json(f: &WorkFile) -> String {
    Obj::new()
        .s_omit("Go", f.go.as_ref().map_or("", |g| &g.version))
        .s_omit("Toolchain", f.toolchain.as_ref().map_or("", |t| &t.name))
        .a_omit(
            "Godebug",
            f.godebug
                .iter()
                .map(|d| Obj::new().s("Key", &d.key).s("Value", &d.value))
                .collect(),
        )
        .a_omit(
            "Use",
            f.uses
                .iter()
                .map(|u| {
                    Obj::new()
                        .s("DiskPath", &u.path)
                        .s_omit("ModPath", &u.module_path)
                })
                .collect(),
        )
        .a_omit(
            "Replace",
            f.replace
                .iter()
                .map(|r| {
                    Obj::new()
                        .o("Old", version_json(&r.old))
                        .o("New", version_json(&r.new))
                })
                .collect(),
        )
        .finish()
}

// ---------------------------------------------------------------------------
// go mod edit -json / go work edit -json

#[test]
fn go_mod_edit_json() {
    let sb = Sandbox::new("modedit");
    let mut tally = Tally::default();
    let (mut valid, mut invalid) = (0, 0);
    for (name, data) in fixtures("gomod", "mod") {
        let dir = sb.dir(&name);
        let gomod = dir.join("go.mod");
        std::fs::write(&gomod, &data).unwrap();
        let out = sb.go(&dir, &["mod", "edit", "-json"], &[("GOWORK", "off")]);
        let want = format!(
            "exit={}\n{}{}",
            out.status.code().unwrap_or(-1),
            text(&out.stdout),
            text(&out.stderr)
        );
        let ours = match modfile::parse(gomod.to_str().unwrap(), &data, None) {
            Ok(mut f) => {
                valid += 1;
                f.sort_blocks();
                format!("exit=0\n{}", mod_edit_json(&f))
            }
            Err(errs) => {
                invalid += 1;
                format!("exit=1\ngo: errors parsing go.mod:\n{errs}\n")
            }
        };
        tally.check(&name, &ours, &want);
    }
    eprintln!("go.mod fixtures: {valid} valid, {invalid} invalid");
    assert!(
        valid >= 15 && invalid >= 15,
        "the fixtures should cover both outcomes well"
    );
    tally.finish("go mod edit -json");
}

#[test]
fn go_work_edit_json() {
    let sb = Sandbox::new("workedit");
    let mut tally = Tally::default();
    for (name, data) in fixtures("gowork", "work") {
        let dir = sb.dir(&name);
        std::fs::write(dir.join("go.work"), &data).unwrap();
        let out = sb.go(&dir, &["work", "edit", "-json"], &[]);
        let want = format!(
            "exit={}\n{}{}",
            out.status.code().unwrap_or(-1),
            text(&out.stdout),
            text(&out.stderr)
        );
        // go work edit reads go.work through modload.ReadWorkFile (without
        // the too-new check) and wraps its error once more.
        let ours = match modfile::read_work_file("go.work", &data, &local(), false) {
            Ok(mut f) => {
                f.sort_blocks();
                format!("exit=0\n{}", work_edit_json(&f))
            }
            Err(e) => format!("exit=1\ngo: errors parsing go.work:\n{e}\n"),
        };
        tally.check(&name, &ours, &want);
    }
    assert!(tally.total >= 8);
    tally.finish("go work edit -json");
}

// ---------------------------------------------------------------------------
// go list -m: cmd/go's ReadModFile

/// cmd/go's fixer when the module proxy is off: queries fail.
fn offline_fix(path: &str, vers: &str) -> Result<String, module::Error> {
    modfile::fix_version(path, vers, &mut |_, _| {
        Err(module::Error::Other(
            "module lookup disabled by GOPROXY=off".into(),
        ))
    })
}

#[test]
fn go_list_reads_go_mod() {
    let sb = Sandbox::new("list");
    let mut tally = Tally::default();
    let mut later = 0;
    for (name, data) in fixtures("gomod", "mod") {
        let dir = sb.dir(&name);
        let gomod = dir.join("go.mod");
        std::fs::write(&gomod, &data).unwrap();
        let out = sb.go(
            &dir,
            &["list", "-m"],
            &[("GOWORK", "off"), ("GOFLAGS", "-mod=mod")],
        );
        let stderr = text(&out.stderr);
        let mut fix = offline_fix;
        let local = local();
        let ours = modfile::read_mod_file(
            gomod.to_str().unwrap(),
            "go.mod",
            &data,
            Some(&mut fix),
            &local,
        )
        .map_err(|e| e.to_string())
        .and_then(|f| {
            // cmd/go's loadModFile: godebug lines, then the module path.
            let godebug = modfile::check_go_mod_godebugs(&f, "go.mod", &local.version);
            if !godebug.is_empty() {
                return Err(godebug.join("\ngo: "));
            }
            let path = &f.module.as_ref().unwrap().path;
            modfile::check_main_module_path(path)
                .map_err(|e| e.to_string())
                .map(|()| path.clone())
        });
        match ours {
            Err(e) => tally.check(&name, &format!("go: {e}\n"), &stderr),
            Ok(path) => {
                // Whatever go reports now comes after reading go.mod
                // (module graph loading): it must not be a reading error,
                // and success prints the module path.
                if out.status.success() {
                    tally.check(&name, &format!("{path}\n"), &text(&out.stdout));
                } else {
                    later += 1;
                    let reading = [
                        "go: errors parsing",
                        "go: error reading",
                        "go: malformed module path",
                        "go: error loading",
                    ];
                    let is_reading = reading.iter().any(|p| stderr.starts_with(p))
                        || stderr.contains("requires go >=");
                    tally.check(
                        &name,
                        "a later error",
                        if is_reading { &stderr } else { "a later error" },
                    );
                }
            }
        }
    }
    eprintln!("{later} fixtures fail in go list after go.mod was read (module graph)");
    tally.finish("go list -m (ReadModFile)");
}

// ---------------------------------------------------------------------------
// vendor/modules.txt

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_tree(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// What goxide reports for a fixture directory in `go list -m`'s place.
fn vendor_outcome(dir: &Path) -> Result<(), String> {
    let local = local();
    let read_mod = |root: &Path, display: &str| -> Result<File, String> {
        let gomod = root.join("go.mod");
        let data = std::fs::read(&gomod).map_err(|e| e.to_string())?;
        modfile::read_mod_file(gomod.to_str().unwrap(), display, &data, None, &local)
            .map_err(|e| e.to_string())
    };
    let work_path = dir.join("go.work");
    let (work, roots) = if work_path.exists() {
        let data = std::fs::read(&work_path).unwrap();
        let wf =
            modfile::read_work_file("go.work", &data, &local, true).map_err(|e| e.to_string())?;
        let roots = modfile::work_module_roots(&wf, dir.to_str().unwrap(), "go.work")?;
        (Some(wf), roots)
    } else {
        (None, vec![dir.to_str().unwrap().to_string()])
    };
    let displays: Vec<String> = roots
        .iter()
        .map(|r| {
            let rel = Path::new(r).strip_prefix(dir).unwrap();
            rel.join("go.mod").to_string_lossy().into_owned()
        })
        .collect();
    let files: Vec<File> = roots
        .iter()
        .zip(&displays)
        .map(|(r, d)| read_mod(Path::new(r), d))
        .collect::<Result<_, _>>()?;
    let main: Vec<modfile::MainModule> = files
        .iter()
        .zip(&roots)
        .zip(&displays)
        .map(|((file, root), gomod_display)| modfile::MainModule {
            file,
            root,
            gomod_display,
        })
        .collect();
    let data = std::fs::read(dir.join("vendor/modules.txt")).unwrap_or_default();
    let vendor = modfile::read_vendor_list(&data, "vendor/modules.txt", &local)
        .map_err(|e| e.to_string())?;
    let work_abs = work_path.to_string_lossy().into_owned();
    let workspace = work.as_ref().map(|file| modfile::Workspace {
        file,
        path: &work_abs,
        display: "go.work",
    });
    modfile::check_vendor_consistency(&vendor, &main, workspace, dir.to_str().unwrap())
        .map_err(|e| e.to_string())
}

#[test]
fn vendor_consistency() {
    let sb = Sandbox::new("vendor");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/modfile/vendor");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut tally = Tally::default();
    let (mut consistent, mut inconsistent) = (0, 0);
    for name in names {
        let dir = sb.dir(&name);
        copy_tree(&root.join(&name), &dir);
        let out = sb.go(&dir, &["list", "-mod=vendor", "-m"], &[]);
        let stderr = text(&out.stderr);
        match vendor_outcome(&dir) {
            Err(e) => {
                inconsistent += 1;
                tally.check(&name, &format!("go: {e}\n"), &stderr);
            }
            Ok(()) => {
                consistent += 1;
                // Consistent: go goes on (and may fail later, not about vendoring).
                let vendoring = stderr.contains("vendor");
                tally.check(
                    &name,
                    "consistent",
                    if vendoring { &stderr } else { "consistent" },
                );
            }
        }
    }
    eprintln!("vendor fixtures: {consistent} consistent, {inconsistent} not");
    assert!(consistent >= 2 && inconsistent >= 5);
    tally.finish("vendor consistency");
}

// ---------------------------------------------------------------------------
// The x/mod driver.

const DRIVER: &str = include_str!("modfile/driver.go.txt");

/// Builds the driver from the reference GOROOT's x/mod copy.
fn build_driver(sb: &Sandbox) -> PathBuf {
    let goroot = goxide_testing::goroot();
    let xmod = sb.dir("xmod");
    let vendored = goroot.join("src/cmd/vendor/golang.org/x/mod");
    for sub in ["semver", "module", "modfile", "internal/lazyregexp"] {
        copy_tree(&vendored.join(sub), &xmod.join(sub));
    }
    std::fs::create_dir_all(xmod.join("godebugs")).unwrap();
    std::fs::copy(
        goroot.join("src/internal/godebugs/table.go"),
        xmod.join("godebugs/table.go"),
    )
    .unwrap();
    std::fs::create_dir_all(xmod.join("gover")).unwrap();
    std::fs::copy(
        goroot.join("src/internal/gover/gover.go"),
        xmod.join("gover/gover.go"),
    )
    .unwrap();
    std::fs::create_dir_all(xmod.join("cmd/drv")).unwrap();
    std::fs::write(xmod.join("cmd/drv/main.go"), DRIVER).unwrap();
    std::fs::write(xmod.join("go.mod"), "module golang.org/x/mod\n\ngo 1.27\n").unwrap();
    let bin = sb.root.join("drv");
    let out = sb.go(
        &xmod,
        &["build", "-o", bin.to_str().unwrap(), "./cmd/drv"],
        &[("GOWORK", "off")],
    );
    assert!(
        out.status.success(),
        "building the x/mod driver failed:\n{}",
        text(&out.stderr)
    );
    bin
}

/// Runs the driver on cases (`mode\targ` lines); one output per case.
fn run_driver(sb: &Sandbox, bin: &Path, cases: &[String]) -> Vec<String> {
    let list = sb.root.join("cases");
    std::fs::write(&list, cases.join("\n") + "\n").unwrap();
    let out = Command::new(bin).arg(&list).output().unwrap();
    assert!(
        out.status.success(),
        "driver failed:\n{}",
        text(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("driver output is UTF-8 (quoted)");
    let mut outs: Vec<String> = stdout.split("==END==\n").map(str::to_string).collect();
    assert_eq!(outs.pop().as_deref(), Some(""), "trailing output");
    assert_eq!(outs.len(), cases.len());
    outs
}

fn b(x: bool) -> &'static str {
    if x { "true" } else { "false" }
}

fn e<E: std::fmt::Display>(r: &Result<impl Sized, E>) -> String {
    match r {
        Ok(_) => "nil".into(),
        Err(err) => quote(&err.to_string()),
    }
}

fn sign(o: std::cmp::Ordering) -> i32 {
    o as i32
}

fn pos(p: modfile::Position) -> String {
    format!("{}:{}:{}", p.line, p.line_rune, p.byte)
}

fn comments(c: &modfile::Comments) -> String {
    let mut s = String::new();
    for (name, list) in [
        ("before", &c.before),
        ("suffix", &c.suffix),
        ("after", &c.after),
    ] {
        write!(s, " {name}[").unwrap();
        for x in list {
            write!(s, "{}@{},{} ", quote(&x.token), pos(x.start), b(x.suffix)).unwrap();
        }
        s.push(']');
    }
    s
}

fn toks(t: &[String]) -> String {
    let mut s = String::from("[");
    for x in t {
        s.push_str(&quote(x));
        s.push(' ');
    }
    s.push(']');
    s
}

fn line(l: &modfile::Line) -> String {
    format!(
        "line {}-{} inblock={} {}{}",
        pos(l.start),
        pos(l.end),
        b(l.in_block),
        toks(&l.token),
        comments(&l.comments)
    )
}

fn syntax(fs: &FileSyntax, out: &mut String) {
    writeln!(out, "file {}{}", quote(&fs.name), comments(&fs.comments)).unwrap();
    for s in &fs.stmt {
        match s {
            Stmt::Comments(c) => {
                writeln!(out, "comments {}{}", pos(c.start), comments(&c.comments)).unwrap()
            }
            Stmt::Line(id) => writeln!(out, "{}", line(fs.line(*id))).unwrap(),
            Stmt::Block(bl) => {
                writeln!(
                    out,
                    "block {} {}{} lparen {}{} rparen {}{}",
                    pos(bl.start),
                    toks(&bl.token),
                    comments(&bl.comments),
                    pos(bl.lparen.pos),
                    comments(&bl.lparen.comments),
                    pos(bl.rparen.pos),
                    comments(&bl.rparen.comments)
                )
                .unwrap();
                for id in &bl.line {
                    writeln!(out, "  {}", line(fs.line(*id))).unwrap();
                }
            }
        }
    }
}

fn at(fs: &FileSyntax, id: modfile::LineId) -> String {
    format!("L{}", pos(fs.line(id).start))
}

fn dump_file(mut f: File) -> String {
    let mut o = String::new();
    let fs = &f.syntax;
    if let Some(m) = &f.module {
        writeln!(
            o,
            "module {} {} {}",
            quote(&m.path),
            quote(&m.deprecated),
            at(fs, m.syntax)
        )
        .unwrap();
    }
    if let Some(g) = &f.go {
        writeln!(o, "go {} {}", quote(&g.version), at(fs, g.syntax)).unwrap();
    }
    if let Some(t) = &f.toolchain {
        writeln!(o, "toolchain {} {}", quote(&t.name), at(fs, t.syntax)).unwrap();
    }
    for x in &f.godebug {
        writeln!(
            o,
            "godebug {} {} {}",
            quote(&x.key),
            quote(&x.value),
            at(fs, x.syntax)
        )
        .unwrap();
    }
    for x in &f.require {
        writeln!(
            o,
            "require {} {} {} {}",
            quote(&x.module.path),
            quote(&x.module.version),
            b(x.indirect),
            at(fs, x.syntax)
        )
        .unwrap();
    }
    for x in &f.exclude {
        writeln!(
            o,
            "exclude {} {} {}",
            quote(&x.module.path),
            quote(&x.module.version),
            at(fs, x.syntax)
        )
        .unwrap();
    }
    for x in &f.replace {
        writeln!(
            o,
            "replace {} {} {} {} {}",
            quote(&x.old.path),
            quote(&x.old.version),
            quote(&x.new.path),
            quote(&x.new.version),
            at(fs, x.syntax)
        )
        .unwrap();
    }
    for x in &f.retract {
        writeln!(
            o,
            "retract {} {} {} {}",
            quote(&x.low),
            quote(&x.high),
            quote(&x.rationale),
            at(fs, x.syntax)
        )
        .unwrap();
    }
    for x in &f.tool {
        writeln!(o, "tool {} {}", quote(&x.path), at(fs, x.syntax)).unwrap();
    }
    for x in &f.ignore {
        writeln!(o, "ignore {} {}", quote(&x.path), at(fs, x.syntax)).unwrap();
    }
    syntax(&f.syntax, &mut o);
    f.sort_blocks();
    writeln!(
        o,
        "sorted {} {} {} {}",
        f.exclude.len(),
        f.replace.len(),
        f.tool.len(),
        f.ignore.len()
    )
    .unwrap();
    syntax(&f.syntax, &mut o);
    o
}

fn dump_work(mut f: WorkFile) -> String {
    let mut o = String::new();
    let fs = &f.syntax;
    if let Some(g) = &f.go {
        writeln!(o, "go {} {}", quote(&g.version), at(fs, g.syntax)).unwrap();
    }
    if let Some(t) = &f.toolchain {
        writeln!(o, "toolchain {} {}", quote(&t.name), at(fs, t.syntax)).unwrap();
    }
    for x in &f.godebug {
        writeln!(
            o,
            "godebug {} {} {}",
            quote(&x.key),
            quote(&x.value),
            at(fs, x.syntax)
        )
        .unwrap();
    }
    for x in &f.uses {
        writeln!(
            o,
            "use {} {} {}",
            quote(&x.path),
            quote(&x.module_path),
            at(fs, x.syntax)
        )
        .unwrap();
    }
    for x in &f.replace {
        writeln!(
            o,
            "replace {} {} {} {} {}",
            quote(&x.old.path),
            quote(&x.old.version),
            quote(&x.new.path),
            quote(&x.new.version),
            at(fs, x.syntax)
        )
        .unwrap();
    }
    syntax(&f.syntax, &mut o);
    f.sort_blocks();
    writeln!(o, "sorted {}", f.replace.len()).unwrap();
    syntax(&f.syntax, &mut o);
    o
}

/// The driver's fixer, mirrored.
fn test_fixer(path: &str, vers: &str) -> Result<String, module::Error> {
    if vers.starts_with("modulerr") {
        return Err(module::Error::Module(module::ModuleError {
            path: path.into(),
            version: vers.into(),
            err: Box::new(module::Error::Version(module::InvalidVersionError::new(
                vers, "boom",
            ))),
        }));
    }
    if vers.starts_with("modplain") {
        return Err(module::Error::Module(module::ModuleError {
            path: path.into(),
            version: String::new(),
            err: Box::new(module::Error::Other("lookup disabled".into())),
        }));
    }
    if vers.starts_with("plainerr") {
        return Err(module::Error::Other(format!("plain failure for {path}")));
    }
    let cv = module::canonical_version(vers);
    if !cv.is_empty() {
        return Ok(cv);
    }
    Ok(format!("v0.0.0-fixed-{vers}"))
}

fn ours_parse(mode: &str, data: &[u8]) -> String {
    let mut fixer = test_fixer;
    let fix: Option<&mut modfile::VersionFixer> = if mode.ends_with("fix") {
        Some(&mut fixer)
    } else {
        None
    };
    let r = match mode {
        "mod" | "fix" => modfile::parse("go.mod", data, fix).map(dump_file),
        "lax" | "laxfix" => modfile::parse_lax("go.mod", data, fix).map(dump_file),
        "work" | "workfix" => modfile::parse_work("go.work", data, fix).map(dump_work),
        _ => unreachable!("{mode}"),
    };
    match r {
        Ok(s) => s,
        Err(errs) => format!("err {}\n", quote(&errs.to_string())),
    }
}

fn ours_str(s: &str) -> String {
    let mut o = String::new();
    writeln!(
        o,
        "semver {} {} {} {} {} {}",
        b(semver::is_valid(s)),
        quote(&semver::canonical(s)),
        quote(semver::major(s)),
        quote(&semver::major_minor(s)),
        quote(semver::prerelease(s)),
        quote(semver::build(s))
    )
    .unwrap();
    writeln!(
        o,
        "check {} {} {}",
        e(&module::check_path(s)),
        e(&module::check_import_path(s)),
        e(&module::check_file_path(s))
    )
    .unwrap();
    let split = module::split_path_version(s);
    let (prefix, major, ok) = match split {
        Some((p, m)) => (p, m, true),
        None => (s, "", false),
    };
    writeln!(o, "split {} {} {}", quote(prefix), quote(major), b(ok)).unwrap();
    if ok {
        writeln!(o, "prefix {}", quote(module::path_major_prefix(major))).unwrap();
    }
    let ep = module::escape_path(s);
    let ev = module::escape_version(s);
    let up = module::unescape_path(s);
    let uv = module::unescape_version(s);
    fn val<E>(r: &Result<String, E>) -> String {
        quote(r.as_ref().map_or("", |v| v.as_str()))
    }
    writeln!(
        o,
        "escape {} {} {} {} {} {} {} {}",
        val(&ep),
        e(&ep),
        val(&ev),
        e(&ev),
        val(&up),
        e(&up),
        val(&uv),
        e(&uv)
    )
    .unwrap();
    let base = module::pseudo_version_base(s);
    let rev = module::pseudo_version_rev(s);
    let tm = module::pseudo_version_time(s);
    let ts = match &tm {
        Ok((y, mo, d, h, mi, sec)) => format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{sec:02}"),
        Err(_) => String::new(),
    };
    writeln!(
        o,
        "pseudo {} {} {} {} {} {} {} {} {}",
        b(module::is_pseudo_version(s)),
        b(module::is_zero_pseudo_version(s)),
        val(&base),
        e(&base),
        quote(rev.as_ref().map_or("", |r| r)),
        e(&rev),
        quote(&ts),
        e(&tm),
        quote(&module::canonical_version(s))
    )
    .unwrap();
    writeln!(
        o,
        "modfile {} {} {} {} {} {}",
        b(modfile::is_directory_path(s)),
        b(modfile::must_quote(s)),
        quote(&modfile::auto_quote(s)),
        b(modfile::is_go_version(s)),
        b(modfile::is_toolchain_name(s)),
        quote(&modfile::module_path(s.as_bytes()))
    )
    .unwrap();
    let v = gover::parse(s);
    writeln!(
        o,
        "gover {} {} {} {}",
        b(gover::is_valid(s)),
        b(gover::is_lang(s)),
        quote(&gover::lang(s)),
        quote(&format!(
            "{{{} {} {} {} {}}}",
            v.major, v.minor, v.patch, v.kind, v.pre
        ))
    )
    .unwrap();
    o
}

fn ours_pair(a: &str, c: &str) -> String {
    format!(
        "pair {} {} {} {} {} {}\npv {} {}\n",
        sign(semver::compare(a, c)),
        quote(&semver::max(a, c)),
        e(&module::check(a, c)),
        e(&module::check_path_major(a, c)),
        b(module::match_path_major(a, c)),
        sign(gover::compare(a, c)),
        quote(&module::pseudo_version(
            c,
            a,
            "20200102030405",
            "abcdef123456"
        )),
        quote(&module::zero_pseudo_version(c))
    )
}

/// Strings for the semver/module/gover functions: x/mod's test paths and
/// versions, escapes, pseudo-versions, go versions and edge cases.
fn string_corpus() -> Vec<String> {
    let mut v: Vec<String> = [
        // module_test.go's checkPathTests and friends
        "x.y/z",
        "x.y",
        "",
        "/x.y/z",
        "x./z",
        ".x/z",
        "-x/z",
        "x..y/z",
        "x.y/z/../../w",
        "x.y//z",
        "x.y/z//w",
        "x.y/z/",
        "x.y/z/v0",
        "x.y/z/v1",
        "x.y/z/v2",
        "x.y/z/v2.0",
        "X.y/z",
        "!x.y/z",
        "_x.y/z",
        "x.y!/z",
        "x.y\"/z",
        "x.y#/z",
        "x.y$/z",
        "x.y%/z",
        "x.y&/z",
        "x.y'/z",
        "x.y(/z",
        "x.y)/z",
        "x.y*/z",
        "x.y+/z",
        "x.y,/z",
        "x.y-/z",
        "x.y./zt",
        "x.y:/z",
        "x.y;/z",
        "x.y</z",
        "x.y=/z",
        "x.y>/z",
        "x.y?/z",
        "x.y@/z",
        "x.y[/z",
        "x.y\\/z",
        "x.y]/z",
        "x.y^/z",
        "x.y_/z",
        "x.y`/z",
        "x.y{/z",
        "x.y}/z",
        "x.y~/z",
        "x.y/z!",
        "x.y/z\"",
        "x.y/z#",
        "x.y/z$",
        "x.y/z%",
        "x.y/z&",
        "x.y/z'",
        "x.y/z(",
        "x.y/z)",
        "x.y/z*",
        "x.y/z+",
        "x.y/z,",
        "x.y/z-",
        "x.y/z.t",
        "x.y/z/t",
        "x.y/z:",
        "x.y/z;",
        "x.y/z<",
        "x.y/z=",
        "x.y/z>",
        "x.y/z?",
        "x.y/z@",
        "x.y/z[",
        "x.y/z\\",
        "x.y/z]",
        "x.y/z^",
        "x.y/z_",
        "x.y/z`",
        "x.y/z{",
        "x.y/z}",
        "x.y/z~",
        "x.y/x.foo",
        "x.y/aux.foo",
        "x.y/prn",
        "x.y/prn.",
        "x.y/com1.txt",
        "x.y/z~",
        "x.y/z~0",
        "x.y/z~09",
        "x.y/z09",
        "x.y/z09~",
        "x.y/z09~09z",
        "x.y/z09~09z~09",
        "github.com/!123/logrus",
        "github.com/user/unicode/испытание",
        "../x",
        "./y",
        "x:y",
        "\\temp\\foo",
        ".gitignore",
        ".github/ISSUE_TEMPLATE",
        "x☺y",
        "x.y/con",
        "x.y/CON",
        "x.y/lpt9",
        "x.y/NuL.txt",
        "x.y/v2",
        "x.y/v02",
        "x.y/v1.5",
        "x.y.v2",
        "example.com/a b",
        "example.com/é",
        "a/b c",
        "-",
        "a/-b",
        "x.y/z\t",
        "x.y/..",
        "x.y/...",
        // gopkg.in
        "gopkg.in/yaml.v2",
        "gopkg.in/yaml.v0",
        "gopkg.in/yaml.v00",
        "gopkg.in/yaml",
        "gopkg.in/check.v1",
        "gopkg.in/foo.v2-unstable",
        "gopkg.in/foo/bar.v3",
        "gopkg.in/v2",
        "gopkg.in/.v1",
        "gopkg.in/x.v",
        // escaping
        "github.com/Azure/azure-sdk-for-go",
        "github.com/!azure/azure-sdk-for-go",
        "github.com/!!azure",
        "!",
        "a!",
        "github.com/GoogleCloudPlatform/cloudsql-proxy",
        "v1.0.0-RC1",
        "v1.0.0-!rc1",
        "v1.0.0-x!",
        "v1.0.0 x",
        // versions
        "v0",
        "v1",
        "v1.0",
        "v1.2.3",
        "v1.2.3-pre",
        "v1.2.3-pre+meta",
        "v1.2.3+incompatible",
        "v2.0.0+incompatible",
        "v2.0.0+incompatible.x",
        "v1.2.3-0",
        "v1.2.3-01",
        "v1.2.3-1.02",
        "v1.2.3+",
        "v1.2.3-",
        "1.2.3",
        "v01.2.3",
        "v1.2.3.4",
        "V1.2.3",
        "v99999999999999999999.0.0",
        "vX",
        "v1.2.3-a..b",
        "v1.2.3+a..b",
        "none",
        "latest",
        // pseudo-versions
        "v0.0.0-20191109021931-daa7c04131f5",
        "v1.2.4-0.20191109021931-daa7c04131f5",
        "v1.2.3-pre.0.20191109021931-daa7c04131f5",
        "v1.2.3-pre.0.20191109021931-daa7c04131f5+incompatible",
        "v2.0.1-0.20191109021931-daa7c04131f5+incompatible",
        "v2.0.0-20191109021931-daa7c04131f5+incompatible",
        "v1.0.0-0.20191109021931-daa7c04131f5",
        "v0.0.0-00010101000000-000000000000",
        "v2.0.0-00010101000000-000000000000",
        "v0.0.0-20191309021931-daa7c04131f5",
        "v0.0.0-20190229021931-daa7c04131f5",
        "v0.0.0-20200229021931-daa7c04131f5",
        "v0.0.0-20191109241931-daa7c04131f5",
        "v0.0.0-20191109026031-daa7c04131f5",
        "v0.0.0-2019110902193-daa7c04131f5",
        "v0.0.0-20191109021931-",
        "v0.0.0-20191109021931-daa7c04131f5+meta",
        "v1.2.3-a.b.0.20191109021931-abc",
        "v1.2.3-0.20191109021931-abc",
        "v1.2.3-x+y.0.20191109021931-abc",
        "v10.20.30-0.20191109021931-abc",
        "v0.0.0-20191109021931-daa7c04131f5-",
        "v1.2.3-0.0.20191109021931-abc",
        "v0.0.0-19000101000000-abc",
        // go versions and toolchains
        "1",
        "1.21",
        "1.21.0",
        "1.21rc1",
        "1.21.0rc1",
        "1.21x",
        "1.021",
        "v1.21",
        "1.21.x",
        "1.2rc3",
        "1.999testmod",
        "1.600+auto",
        "0.1",
        "go1",
        "go1.21",
        "go1.21.0-bigcorp",
        "default",
        "go1x",
        "go2",
        "go1.",
        "1.21 ",
        "1.",
        // directory paths and quoting
        ".",
        "..",
        "./a",
        "../a",
        ".\\a",
        "..\\a",
        "/a",
        "\\a",
        "C:",
        "c:\\x",
        "C:/x",
        "a",
        "a:b",
        "(",
        "()",
        "a b",
        "a//b",
        "a/*b",
        "\"",
        "'",
        "`",
        "\x01",
        "\u{a0}",
        "é",
        "\u{378}",
        "a\nb",
        // go.mod texts for ModulePath
        "module example.com/m",
        "module \"example.com/q\"",
        "module `example.com/r`",
        "module\texample.com/t // x",
        "modulex y",
        "module",
        "module \"bad",
        "go 1.21\nmodule example.com/second\n",
        "// module x\nmodule y",
        " module z ",
        "module a b",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (_, data) in fixtures("gomod", "mod")
        .into_iter()
        .chain(fixtures("gowork", "work"))
    {
        if let Ok(s) = String::from_utf8(data) {
            v.push(s);
        }
    }
    v
}

fn pair_corpus() -> Vec<(String, String)> {
    let versions = [
        "",
        "bad",
        "v1",
        "v1.0",
        "v1.0.0",
        "v1.0.0-pre",
        "v1.0.0-pre.1",
        "v1.0.0-pre.a",
        "v1.0.0+meta",
        "v1.2.3",
        "v2.0.0",
        "v2.0.0+incompatible",
        "v0.0.0-20191109021931-daa7c04131f5",
        "v1.2.3-pre+build",
        "1.21",
        "1.21.0",
        "1.21rc1",
        "1.20",
        "1.9",
        "1.10",
    ];
    let majors = [
        "",
        "/v2",
        "/v3",
        ".v1",
        ".v2",
        ".v0",
        ".v1-unstable",
        "v2",
        "/v0",
        "x",
    ];
    let paths = [
        "example.com/m",
        "example.com/m/v2",
        "gopkg.in/yaml.v2",
        "gopkg.in/check.v1",
        "bad path",
        "example.com/m/v1",
    ];
    let mut v = Vec::new();
    for a in versions {
        for c in versions {
            v.push((a.to_string(), c.to_string()));
        }
        for m in majors {
            v.push((a.to_string(), m.to_string()));
        }
    }
    for p in paths {
        for c in versions {
            v.push((p.to_string(), c.to_string()));
        }
    }
    v
}

/// Deterministic mutations of `data` (a small LCG drives them).
fn mutants(data: &[u8], seed: u64, n: usize) -> Vec<Vec<u8>> {
    const PIECES: &[&str] = &[
        "(",
        ")",
        "[",
        "]",
        ",",
        "\"",
        "`",
        "//",
        "/*",
        "\n",
        "=>",
        " v1.0.0",
        "\\",
        "\t",
        "\u{a0}",
        "\x00",
        "require",
        "retract",
        "module",
        " // indirect",
        "// Deprecated: x\n",
        "\r\n",
        " ",
        "{",
        "}",
        "v2",
        "'",
        "é",
        "\n)\n",
        "replace a => b\n",
        "go 1.21\n",
        "use .\n",
        "godebug a=b\n",
        "tool x\n",
        "\"\\q\"",
        "\"a b\"",
        "\n\n",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m.max(1)
    };
    let mut out = Vec::new();
    for _ in 0..n {
        let mut d = data.to_vec();
        for _ in 0..1 + next(3) {
            let at = next(d.len() + 1);
            match next(4) {
                0 if !d.is_empty() => {
                    let len = 1 + next(8);
                    let end = (at + len).min(d.len());
                    d.drain(at.min(end)..end);
                }
                1 => {
                    let p = PIECES[next(PIECES.len())].as_bytes();
                    d.splice(at..at, p.iter().copied());
                }
                2 => {
                    // Duplicate a line.
                    let lines: Vec<&[u8]> = data.split(|&c| c == b'\n').collect();
                    let l = lines[next(lines.len())].to_vec();
                    d.splice(at..at, l.into_iter().chain([b'\n']));
                }
                _ => d.truncate(at),
            }
        }
        // Keep mutants on character boundaries (non-UTF-8 input is a
        // documented divergence, measured separately).
        if std::str::from_utf8(&d).is_ok() {
            out.push(d);
        }
    }
    out
}

/// The Unicode range tables in Rust source text, normalised: one line
/// per table with its name and ranges, formatting ignored.
fn table_ranges(src: &str) -> String {
    let mut out = String::new();
    for chunk in src.split("static ").skip(1) {
        let name = chunk.split(':').next().unwrap_or("");
        let body = chunk
            .split("= [")
            .nth(1)
            .and_then(|b| b.split("];").next())
            .unwrap_or("");
        let nums: Vec<&str> = body
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.starts_with("0x"))
            .collect();
        writeln!(out, "{name} {}", nums.join(" ")).unwrap();
    }
    out
}

#[test]
fn xmod_driver() {
    let sb = Sandbox::new("xmod");
    let bin = build_driver(&sb);
    let mut cases: Vec<String> = Vec::new();
    let mut expect: Vec<(String, String)> = Vec::new(); // (name, ours)

    // Unicode tables.
    cases.push("tables".into());
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/modfile/strconv.rs"),
    )
    .unwrap();
    let marker = "// ---- Unicode tables (generated; see the header) ----\n\n";
    let tables = &src[src.find(marker).expect("table marker") + marker.len()..];
    expect.push(("unicode tables".into(), table_ranges(tables)));

    // The GODEBUG table.
    cases.push("godebugs".into());
    let mut godebugs = String::new();
    for i in modfile::godebug::ALL {
        let q = |s: &str| quote(s);
        writeln!(
            godebugs,
            "all {} {} {} {} {} {}",
            q(i.name),
            q(i.package),
            i.changed,
            q(i.old),
            i.opaque,
            i.immutable
        )
        .unwrap();
    }
    for r in modfile::godebug::REMOVED {
        let old: Vec<String> = ["", "0", "1", "2", "3", "old", "true"]
            .iter()
            .filter(|v| r.old_values.contains(v))
            .map(|v| quote(v))
            .collect();
        writeln!(
            godebugs,
            "removed {} {} [{}]",
            quote(r.name),
            r.removed,
            old.join(" ")
        )
        .unwrap();
    }
    expect.push(("godebug table".into(), godebugs));

    for s in string_corpus() {
        cases.push(format!("str\t{}", quote(&s)));
        expect.push((format!("str {}", quote(&s)), ours_str(&s)));
    }
    for (a, c) in pair_corpus() {
        cases.push(format!("pair\t{}\t{}", quote(&a), quote(&c)));
        expect.push((
            format!("pair {} {}", quote(&a), quote(&c)),
            ours_pair(&a, &c),
        ));
    }

    let inputs_dir = sb.dir("inputs");
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for (sub, ext) in [("gomod", "mod"), ("gowork", "work")] {
        for (i, (name, data)) in fixtures(sub, ext).into_iter().enumerate() {
            for (k, m) in mutants(&data, i as u64 * 1000 + ext.len() as u64, 40)
                .into_iter()
                .enumerate()
            {
                inputs.push((format!("{name}.{ext}~{k}"), m));
            }
            inputs.push((format!("{name}.{ext}"), data));
        }
    }
    // Non-UTF-8 inputs: measured, not required to match (see below).
    let non_utf8: Vec<(String, Vec<u8>)> = vec![
        (
            "bad-utf8-module".into(),
            b"module example.com/\xff\n".to_vec(),
        ),
        (
            "bad-utf8-comment".into(),
            b"module m // \xe2\x82\n".to_vec(),
        ),
        ("bad-utf8-escape".into(), b"module \"a\\xffb\"\n".to_vec()),
        ("bad-utf8-directive".into(), b"\xc0\x80 x\n".to_vec()),
    ];
    let n_utf8 = inputs.len();
    inputs.extend(non_utf8);
    for (i, (name, data)) in inputs.iter().enumerate() {
        let p = inputs_dir.join(format!("{i}"));
        std::fs::write(&p, data).unwrap();
        for mode in ["mod", "lax", "fix", "laxfix", "work", "workfix"] {
            cases.push(format!("{mode}\t{}", p.display()));
            expect.push((
                format!(
                    "{mode} {name}{}",
                    if i >= n_utf8 { " (non-UTF-8)" } else { "" }
                ),
                ours_parse(mode, data),
            ));
        }
    }

    let mut outs = run_driver(&sb, &bin, &cases);
    outs[0] = table_ranges(&outs[0]);
    let mut tally = Tally::default();
    let mut non_utf8 = (0, 0);
    for ((name, ours), want) in expect.iter().zip(&outs) {
        if name.ends_with("(non-UTF-8)") {
            non_utf8.1 += 1;
            if ours == want {
                non_utf8.0 += 1;
            }
            continue;
        }
        tally.check(name, ours, want);
    }
    eprintln!(
        "non-UTF-8 inputs (known divergence): {}/{} identical",
        non_utf8.0, non_utf8.1
    );
    eprintln!("parse cases: {} inputs x 6 modes", n_utf8);
    tally.finish("x/mod driver");
}
