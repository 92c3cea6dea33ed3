//! Differential tests of `goxide env` against the reference `go env`:
//! the same controlled environment (temporary HOME, GOROOT set to the
//! reference, CGO_ENABLED and GOTOOLCHAIN fixed, a `$PATH` without a C
//! compiler unless a case says otherwise) and working directory, then
//! stdout, stderr and exit status must be byte-identical after removing
//! the intentional differences below — and nothing else.
//!
//! Intentional differences (see `goxide help environment`):
//! 1. GOGCCFLAGS (and `-x`'s `WORK=` line) name the go command's temporary
//!    work directory (`go-build<random digits>`): the digits are normalized.
//! 2. CGO_ENABLED defaults to 0 in goxide (1 in go when a C compiler is
//!    on `$PATH`), so its `-changed` bit differs only in that case; the
//!    cases below with a real `$PATH` do not use `-changed`.
//! 3. A GOROOT without `src/` is an error in goxide (not exercised here).

mod common;

use std::path::Path;

use common::{TempDir, env_of, go, goxide, reference_goroot};

/// Replaces `go-build<digits>` with `go-buildN`.
fn normalize(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"go-build") {
            out.extend_from_slice(b"go-buildN");
            i += b"go-build".len();
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Difference 2: drops CGO_ENABLED from `-changed` output (shell or JSON).
fn drop_cgo_changed(bytes: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if !line.starts_with(b"CGO_ENABLED=") && !line.starts_with(b"\t\"CGO_ENABLED\": ") {
            out.extend_from_slice(line);
        }
    }
    // Keep the JSON well-formed when the dropped key was the last or only one.
    if out.ends_with(b",\n}\n") {
        out.truncate(out.len() - 4);
        out.extend_from_slice(b"\n}\n");
    }
    if out == b"{\n}\n" {
        out = b"{}\n".to_vec();
    }
    out
}

/// A sandbox: HOME, an empty bin directory for `$PATH`, a temp dir, a
/// plain directory, and a module with a workspace around it.
struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new(tag: &str) -> Sandbox {
        let dir = TempDir::new(tag);
        dir.mkdir("home");
        dir.mkdir("emptybin");
        dir.mkdir("tmp");
        dir.mkdir("plain/sub");
        dir.write("ws/mod/go.mod", "module example.com/m\n\ngo 1.22\n");
        dir.mkdir("ws/mod/sub/deeper");
        dir.write("ws/go.work", "go 1.22\n\nuse ./mod\n");
        dir.write("mod2/go.mod", "module example.com/m2\n\ngo 1.22\n");
        // Keep go from recording telemetry in the sandbox (and show the mode).
        dir.write("home/.config/go/telemetry/mode", "off 2024-01-01\n");
        Sandbox { dir }
    }

    fn path(&self, rel: &str) -> std::path::PathBuf {
        self.dir.path().join(rel)
    }

    /// The controlled base environment, plus `extra` (an empty value
    /// removes the variable).
    fn env(&self, extra: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        let p = |rel: &str| self.path(rel).to_string_lossy().into_owned();
        let goroot = reference_goroot().to_string_lossy().into_owned();
        let mut base = vec![
            ("HOME", p("home")),
            ("PATH", p("emptybin")),
            ("TMPDIR", p("tmp")),
            ("GOROOT", goroot),
            ("CGO_ENABLED", "0".into()),
            ("GOTOOLCHAIN", "local".into()),
            ("GOFLAGS", "".into()),
        ];
        for (k, v) in extra {
            base.retain(|(bk, _)| bk != k);
            base.push((k, v.to_string()));
        }
        base.retain(|(_, v)| !v.is_empty());
        env_of(
            &base
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
    }
}

/// Runs `args` under go and goxide in `cwd` with `env`, and asserts
/// identical results (after [`normalize`]).
fn assert_same(args: &[&str], cwd: &Path, env: &[(String, Vec<u8>)]) {
    let mut want = go(args, cwd, env);
    let mut got = goxide(args, cwd, env);
    if args.contains(&"-changed") {
        want.stdout = drop_cgo_changed(&want.stdout);
        got.stdout = drop_cgo_changed(&got.stdout);
    }
    let ctx = format!(
        "goxide {args:?} in {} with {:?}",
        cwd.display(),
        env_names(env)
    );
    assert_eq!(
        String::from_utf8_lossy(&normalize(&got.stdout)),
        String::from_utf8_lossy(&normalize(&want.stdout)),
        "stdout differs: {ctx}"
    );
    assert_eq!(
        normalize(&got.stdout),
        normalize(&want.stdout),
        "stdout bytes differ: {ctx}"
    );
    assert_eq!(
        String::from_utf8_lossy(&normalize(&got.stderr)),
        common::goxide_wording(&String::from_utf8_lossy(&normalize(&want.stderr))),
        "stderr differs: {ctx}"
    );
    assert_eq!(got.code, want.code, "exit status differs: {ctx}");
}

fn env_names(env: &[(String, Vec<u8>)]) -> Vec<String> {
    env.iter()
        .map(|(k, v)| format!("{k}={}", String::from_utf8_lossy(v)))
        .collect()
}

/// The three forms the brief names, plus `-changed`.
fn assert_env_forms(cwd: &Path, env: &[(String, Vec<u8>)]) {
    assert_same(&["env"], cwd, env);
    assert_same(&["env", "-json"], cwd, env);
    assert_same(&["env", "GOOS", "GOROOT", "GOPATH"], cwd, env);
    assert_same(&["env", "-changed"], cwd, env);
    assert_same(&["env", "-changed", "-json"], cwd, env);
}

#[test]
fn env_outside_and_inside_modules() {
    let sb = Sandbox::new("mods");
    let env = sb.env(&[]);
    assert_env_forms(&sb.path("plain/sub"), &env);
    assert_env_forms(&sb.path("ws/mod/sub/deeper"), &env);
    assert_env_forms(&sb.path("mod2"), &env);
    assert_same(&["env", "GOMOD", "GOWORK", "GOBIN"], &sb.path("ws"), &env);
    // -C changes directory first.
    let mod_dir = sb.path("ws/mod").to_string_lossy().into_owned();
    assert_same(&["env", "-C", &mod_dir, "GOMOD"], &sb.path("plain"), &env);
    assert_same(
        &["-C", &mod_dir, "env", "GOMOD", "GOWORK"],
        &sb.path("plain"),
        &env,
    );
}

#[test]
fn env_discovers_goroot_like_go() {
    // With $GOROOT unset, go reports the tree above its own binary and
    // goxide the setup's copy above its own: the same tree when the test
    // uses the repository's reference (both resolve symlinks).
    if std::env::var_os("GOXIDE_TEST_GOROOT").is_some_and(|v| !v.is_empty()) {
        eprintln!("GOXIDE_TEST_GOROOT is set: the discovered GOROOT may differ; skipping");
        return;
    }
    let sb = Sandbox::new("discover");
    let env = sb.env(&[("GOROOT", "")]);
    assert_same(
        &["env", "GOROOT", "GOTOOLDIR", "GOVERSION", "GOPROXY"],
        &sb.path("plain"),
        &env,
    );
    assert_same(&["env"], &sb.path("plain"), &env);
}

#[test]
fn env_module_settings() {
    let sb = Sandbox::new("modset");
    let cwd = sb.path("ws/mod/sub");
    for extra in [
        &[("GOWORK", "off")][..],
        &[("GO111MODULE", "off")][..],
        &[("GO111MODULE", "auto")][..],
        &[("GO111MODULE", "on"), ("GOBIN", "/opt/bin")][..],
        &[("GOWORK", "/abs/elsewhere/go.work")][..],
    ] {
        assert_env_forms(&cwd, &sb.env(extra));
        assert_same(
            &["env", "GOMOD", "GOWORK", "GOBIN"],
            &sb.path("plain"),
            &sb.env(extra),
        );
    }
    let gopath = format!("/first/gp:{}", sb.path("plain").display());
    assert_same(
        &["env", "GOBIN", "GOMOD"],
        &sb.path("plain/sub"),
        &sb.env(&[("GO111MODULE", "off"), ("GOPATH", &gopath)]),
    );
}

#[test]
fn env_file_and_goroot_defaults() {
    let sb = Sandbox::new("envfile");
    let envfile = sb.dir.write(
        "conf/goenv",
        "GOPROXY=https://proxy.example.com,direct\nGOFLAGS=-mod=mod\nGOPRIVATE=corp.example.com\n\
         GOSUMDB=sum.golang.org\nGOOS=windows\nMYSETTING=from-file\n# a comment\nlowercase=ignored\n",
    );
    let env = sb.env(&[("GOENV", &envfile.to_string_lossy())]);
    assert_env_forms(&sb.path("plain"), &env);
    assert_same(
        &["env", "MYSETTING", "lowercase", "HOME", "GOOS"],
        &sb.path("plain"),
        &env,
    );
    assert_same(
        &["env", "-json", "MYSETTING", "GOPROXY", "NOSUCH"],
        &sb.path("plain"),
        &env,
    );
    // The default go/env location under HOME (and under XDG_CONFIG_HOME).
    sb.dir.write(
        "home/.config/go/env",
        "GOPROXY=direct\nGOTOOLCHAIN=local\nGOFIPS140=latest\n",
    );
    assert_env_forms(&sb.path("plain"), &sb.env(&[("GOTOOLCHAIN", "")]));
    let xdg = sb.dir.write("xdg/go/env", "GONOSUMDB=nosum.example\n");
    let xdg_dir = xdg
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let cache = sb.path("cache").to_string_lossy().into_owned();
    assert_env_forms(
        &sb.path("plain"),
        &sb.env(&[("XDG_CONFIG_HOME", &xdg_dir), ("XDG_CACHE_HOME", &cache)]),
    );
    assert_env_forms(&sb.path("plain"), &sb.env(&[("GOENV", "off")]));
}

#[test]
fn env_cross_targets_and_overrides() {
    let sb = Sandbox::new("cross");
    let cwd = sb.path("plain");
    for extra in [
        &[("GOOS", "windows")][..],
        &[("GOOS", "darwin"), ("GOARCH", "arm64")][..],
        &[("GOARCH", "arm"), ("GOARM", "6")][..],
        &[("GOARCH", "386")][..],
        &[("GOARCH", "riscv64"), ("GORISCV64", "rva22u64")][..],
        &[("GOOS", "js"), ("GOARCH", "wasm")][..],
        &[
            ("GOAMD64", "v3"),
            ("GOEXPERIMENT", "arenas,nogreenteagc"),
            ("GODEBUG", "gctrace=1"),
        ][..],
        &[
            ("CC", "clang"),
            ("CXX", "/usr/bin/clang++"),
            ("AR", "llvm-ar"),
            ("GCCGO", "gccgo-14"),
        ][..],
        &[
            ("CGO_CFLAGS", "-O3 '-I/a b'"),
            ("CGO_CPPFLAGS", "-DX"),
            ("CGO_LDFLAGS", "-lm"),
            ("PKG_CONFIG", "pkgconf --static"),
        ][..],
        &[("CGO_ENABLED", "1")][..],
        &[
            ("GOPATH", "/gp1:/gp2"),
            ("GOMODCACHE", "/modcache"),
            ("GOCACHE", "/cache"),
        ][..],
        &[("GOCACHE", "off")][..],
        &[("GOCACHE", "relative")][..],
        &[
            ("GOPROXY", "off"),
            ("GOSUMDB", "off"),
            ("GONOPROXY", "a.example"),
            ("GOINSECURE", "b.example"),
            ("GOVCS", "*:git"),
        ][..],
        &[
            ("GOFIPS140", "latest"),
            ("GOAUTH", "git"),
            ("GOCACHEPROG", "/bin/cacheprog"),
            ("GOTMPDIR", "/var/tmp"),
        ][..],
        &[("GOFLAGS", "-json")][..],
        &[("GOFLAGS", "-bogus -v")][..],
        &[("GOPACKAGESDRIVER", "off")][..],
        &[("HOME", "")][..],
    ] {
        assert_env_forms(&cwd, &sb.env(extra));
    }
}

#[test]
fn env_dry_run_and_trace_flags() {
    // -n shows the C compiler probes and answers none; -x shows the work
    // directory (normalized) and the probes, as go does with a cold cache.
    let sb = Sandbox::new("nx");
    let cwd = sb.path("plain");
    for extra in [
        &[][..],
        &[("CGO_CFLAGS", "-O1 '-I/x y'"), ("CGO_LDFLAGS", "-lm")][..],
        &[("GOCACHE", "off")][..],
    ] {
        let env = sb.env(extra);
        assert_same(&["env", "-n"], &cwd, &env);
        assert_same(&["env", "-x"], &cwd, &env);
        assert_same(&["env", "-n", "-x", "-json"], &cwd, &env);
        assert_same(&["env", "-x", "GOOS"], &cwd, &env);
        assert_same(&["env", "-n", "GOGCCFLAGS"], &cwd, &env);
    }
}

#[test]
fn env_values_needing_quotes() {
    let sb = Sandbox::new("quote");
    let mut env = sb.env(&[]);
    let tricky: &[u8] =
        b"a'b\"c <d>&e\\f\tg\x01h\x7f\xe2\x80\xa8i\xff\xc3j \xc3\xa9\x08k\x0cl $HOME `x`";
    env.push(("GOINSECURE".into(), tricky.to_vec()));
    env.push(("GOFLAGS".into(), b"-ldflags=-X 'main.v=it''s'".to_vec()));
    assert_env_forms(&sb.path("plain"), &env);
    assert_same(&["env", "GOINSECURE"], &sb.path("plain"), &env);
}

#[test]
fn env_with_a_c_compiler_on_path() {
    // The C compiler probe: compare GOGCCFLAGS (and the rest) when the
    // machine has gcc, as go sees it.
    let Some(dir) = ["/usr/bin", "/bin", "/usr/local/bin"]
        .into_iter()
        .find(|d| Path::new(d).join("gcc").is_file())
    else {
        eprintln!("no gcc on this machine: skipping the C-compiler case");
        return;
    };
    let sb = Sandbox::new("gcc");
    let env = sb.env(&[("PATH", dir)]);
    assert_same(&["env"], &sb.path("plain"), &env);
    assert_same(&["env", "-json"], &sb.path("plain"), &env);
    assert_same(
        &["env", "GOGCCFLAGS", "CGO_ENABLED", "GCCGO"],
        &sb.path("plain"),
        &env,
    );
    assert_same(
        &["env"],
        &sb.path("plain"),
        &sb.env(&[("PATH", dir), ("CGO_ENABLED", "1")]),
    );
    assert_same(
        &["env"],
        &sb.path("plain"),
        &sb.env(&[("PATH", dir), ("GOCACHE", "off")]),
    );
}

#[test]
fn env_fatal_settings() {
    let sb = Sandbox::new("fatal");
    let cwd = sb.path("plain");
    for extra in [
        &[("GO111MODULE", "bad")][..],
        &[("GOEXPERIMENT", "bogus")][..],
        &[("GOARM64", "v7")][..],
        &[("GOFIPS140", "bad")][..],
        &[("GOWASM", "x")][..],
        &[("GOAMD64", "v9")][..],
        &[("GOPATH", "relative/gopath")][..],
        &[("GOPATH", "~/gopath")][..],
        &[("GOWORK", "relative.work")][..],
        &[("GOROOT", "/nonexistent/goroot")][..],
        &[("CC", "relative/cc")][..],
        &[("GOFLAGS", "-json=maybe")][..],
    ] {
        let env = sb.env(extra);
        assert_same(&["env"], &cwd, &env);
        assert_same(&["env", "GOOS"], &cwd, &env);
    }
    let bad = sb
        .dir
        .write("conf/badenv", "GOEXPERIMENT=nosuchexperiment\n");
    assert_same(
        &["env", "GOOS"],
        &cwd,
        &sb.env(&[("GOENV", &bad.to_string_lossy())]),
    );
}
