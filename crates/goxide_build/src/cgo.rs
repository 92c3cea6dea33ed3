//! The C-toolchain settings `go env` reports: `CC`/`CXX` defaults
//! (`cfg/zdefaultcc.go`), `CGO_*FLAGS` and `PKG_CONFIG`
//! (`work.(*Builder).CFlags`, `PkgconfigCmd`), `GOGCCFLAGS`
//! (`work.(*Builder).compilerCmd`), and `GCCGO` (`work/gccgo.go`).
//!
//! Goxide never runs a C compiler, so `GOGCCFLAGS` is not probed: where
//! the go command asks the compiler whether it accepts a flag, goxide
//! answers as GCC would (`-Wl,--no-gc-sections`, `-ffile-prefix-map`,
//! `-gno-record-gcc-switches`), adding clang's `-fno-caret-diagnostics
//! -Qunused-arguments` when `$CC` names clang. When the compiler is not
//! on `$PATH`, every probe "succeeds" in Go (it sees no complaint), so
//! goxide then reports every flag too, as go does.
//! The go command puts its temporary work directory in
//! `-ffile-prefix-map=<work>=/tmp/go-build`; goxide names one of the same
//! shape (`$GOTMPDIR` or the temp dir, `go-build<digits>`) without
//! creating it.

use crate::cfg::{Config, Setting};
use crate::filepath;
use crate::osenv;
use crate::quoted;

/// `work.DefaultCFlags`.
pub const DEFAULT_CFLAGS: &[u8] = b"-O2 -g";

/// `cfg.DefaultPkgConfig`.
pub const DEFAULT_PKG_CONFIG: &[u8] = b"pkg-config";

/// `cfg.DefaultCC`.
pub fn default_cc(goos: &[u8]) -> &'static [u8] {
    match goos {
        b"darwin" | b"ios" | b"freebsd" | b"openbsd" => b"clang",
        _ => b"gcc",
    }
}

/// `cfg.DefaultCXX`.
pub fn default_cxx(goos: &[u8]) -> &'static [u8] {
    match goos {
        b"darwin" | b"ios" | b"freebsd" | b"openbsd" => b"clang++",
        _ => b"g++",
    }
}

/// `CC`, `CXX`: the setting or the platform default; changed when set.
pub fn cc(cfg: &Config) -> Setting {
    compiler(cfg, "CC", default_cc(&cfg.goos))
}

/// See [`cc`].
pub fn cxx(cfg: &Config) -> Setting {
    compiler(cfg, "CXX", default_cxx(&cfg.goos))
}

fn compiler(cfg: &Config, key: &str, def: &[u8]) -> Setting {
    let v = cfg.getenv(key);
    if v.is_empty() {
        Setting {
            value: def.to_vec(),
            changed: false,
        }
    } else {
        Setting {
            value: v.to_vec(),
            changed: true,
        }
    }
}

/// `GCCGO`: the gccgo command; its full path (and changed) when it is on
/// `$PATH`, as the go command's `work.GccgoBin`.
pub fn gccgo(cfg: &Config) -> Setting {
    let name = cfg.env_or("GCCGO", b"gccgo");
    if let Some(bin) = osenv::look_path(&cfg.os, &name) {
        return Setting {
            value: bin,
            changed: true,
        };
    }
    let changed = name != b"gccgo";
    Setting {
        value: name,
        changed,
    }
}

/// `work.envList`: the setting split into words (`quoted.Split`).
fn env_list(cfg: &Config, key: &str, def: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let v = cfg.env_or(key, def);
    quoted::split(&v).map_err(|e| {
        format!(
            "could not parse environment variable {key} with value {}: {e}",
            crate::strconv::quote(&v)
        )
    })
}

fn join(words: &[Vec<u8>]) -> Vec<u8> {
    quoted::join(words).unwrap_or_else(|_| words.join(&b' '))
}

/// How the go command's `-n` and `-x` flags affect the C compiler probes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProbeMode {
    /// Probe silently.
    #[default]
    Quiet,
    /// `-n`: show the probe commands, run none, and take every answer as
    /// "unsupported".
    Show,
    /// `-x`: show the work directory and the probe commands (as the go
    /// command does with an empty build cache), and answer as usual.
    Trace,
}

/// The "costly" variables of `go env` and what the probes showed.
#[derive(Clone, Debug, Default)]
pub struct CostlyEnv {
    /// In Go's order: `CGO_CFLAGS`, `CGO_CPPFLAGS`, `CGO_CXXFLAGS`,
    /// `CGO_FFLAGS`, `CGO_LDFLAGS`, `PKG_CONFIG`, `GOGCCFLAGS`.
    pub vars: Vec<(&'static str, Setting)>,
    /// The commands `-n`/`-x` display (for stderr), one per line.
    pub shown: String,
}

/// `envcmd.ExtraEnvVarsCostly`. `Err` holds a fatal message.
pub fn costly_env(cfg: &Config, mode: ProbeMode) -> Result<CostlyEnv, String> {
    // work.BuildInit: CC, CXX and FC must parse and be absolute or bare names.
    for key in ["CC", "CXX", "FC"] {
        let args = quoted::split(cfg.getenv(key))
            .map_err(|e| format!("goxide: {key} environment variable could not be parsed: {e}"))?;
        if let Some(first) = args.first()
            && !filepath::is_abs(first)
            && *first != filepath::base(first)
        {
            return Err(format!(
                "goxide: {key} environment variable is relative; must be absolute path: {}",
                String::from_utf8_lossy(first)
            ));
        }
    }
    // Probing the C compiler opens the build cache, which must be usable
    // (cache.Default); go skips the probe when the compiler is not found.
    let compiler = env_list(cfg, "CC", default_cc(&cfg.goos))?;
    let found = compiler
        .first()
        .and_then(|c| osenv::look_path(&cfg.os, c))
        .is_some();
    if found && mode != ProbeMode::Show {
        match cfg.gocache() {
            (_, _, Some(err)) => {
                return Err(format!(
                    "build cache is required, but could not be located: {err}"
                ));
            }
            (dir, _, None) if dir == b"off" => {
                return Err(
                    "build cache is disabled by GOCACHE=off, but required as of Go 1.12".into(),
                );
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (name, def) in [
        ("CGO_CFLAGS", DEFAULT_CFLAGS),
        ("CGO_CPPFLAGS", &b""[..]),
        ("CGO_CXXFLAGS", DEFAULT_CFLAGS),
        ("CGO_FFLAGS", DEFAULT_CFLAGS),
        ("CGO_LDFLAGS", DEFAULT_CFLAGS),
    ] {
        let value = join(&env_list(cfg, name, def)?);
        let changed = if def.is_empty() {
            !value.is_empty()
        } else {
            value != DEFAULT_CFLAGS
        };
        out.push((name, Setting { value, changed }));
    }
    let pkg_config = env_list(cfg, "PKG_CONFIG", DEFAULT_PKG_CONFIG)?
        .into_iter()
        .next()
        .unwrap_or_default();
    let changed = pkg_config != DEFAULT_PKG_CONFIG;
    out.push((
        "PKG_CONFIG",
        Setting {
            value: pkg_config,
            changed,
        },
    ));
    let mut shown = String::new();
    let gcc = gcc_flags(cfg, mode, found, &mut shown)?;
    out.push((
        "GOGCCFLAGS",
        Setting {
            value: join(&gcc),
            changed: false,
        },
    ));
    Ok(CostlyEnv { vars: out, shown })
}

/// `GccCmd(".", "")[3:]`: the flags the go command passes to the C
/// compiler (`compilerCmd`), with the probes answered as the module docs
/// describe. `found`: whether the compiler is on `$PATH`. Probe commands
/// that `mode` shows are appended to `shown`.
fn gcc_flags(
    cfg: &Config,
    mode: ProbeMode,
    found: bool,
    shown: &mut String,
) -> Result<Vec<Vec<u8>>, String> {
    let compiler = env_list(cfg, "CC", default_cc(&cfg.goos))?;
    let is_clang = compiler
        .first()
        .is_some_and(|c| filepath::base(c).windows(5).any(|w| w == b"clang"));
    let cflags = env_list(cfg, "CGO_CFLAGS", DEFAULT_CFLAGS)?;
    let ldflags = env_list(cfg, "CGO_LDFLAGS", DEFAULT_CFLAGS)?;
    let work = work_dir_name(cfg);
    if mode == ProbeMode::Trace {
        shown.push_str(&format!("WORK={}\n", String::from_utf8_lossy(&work)));
    }
    let mut shown_cd = false;
    // gccSupportsFlag: the probe, shown by -n/-x, answered without running it.
    let mut probe = |flag: &str| -> bool {
        if mode != ProbeMode::Quiet {
            if !shown_cd {
                shown.push_str("cd $WORK\n");
                shown_cd = true;
            }
            let mut cmd: Vec<Vec<u8>> = compiler.clone();
            cmd.push(flag.as_bytes().to_vec());
            if flag.starts_with("-Wl,") {
                cmd.extend(ldflags.iter().cloned());
            } else {
                cmd.extend(cflags.iter().cloned());
                cmd.push(b"-c".to_vec());
            }
            for w in ["-x", "c", "-", "-o", "/dev/null"] {
                cmd.push(w.as_bytes().to_vec());
            }
            shown.push_str(&join_unambiguously(&cmd));
            shown.push_str(" || true\n");
        }
        match mode {
            ProbeMode::Show => false,
            // Without the compiler, go's probe sees no complaint: supported.
            _ if !found => true,
            _ => match flag {
                "-fno-caret-diagnostics" | "-Qunused-arguments" => is_clang,
                _ => true,
            },
        }
    };
    let goos = cfg.goos.as_slice();
    let mut a: Vec<Vec<u8>> = compiler.clone();
    a.push(b"-I".to_vec());
    a.push(b".".to_vec());
    let mut push = |s: &[u8]| a.push(s.to_vec());
    if goos != b"windows" {
        push(b"-fPIC");
    }
    for arg in gcc_arch_args(cfg) {
        push(arg.as_bytes());
    }
    if cfg.cgo_enabled {
        push(b"-pthread");
    }
    if goos == b"aix" {
        push(b"-mcmodel=large");
    }
    for flag in [
        "-fno-caret-diagnostics",
        "-Qunused-arguments",
        "-Wl,--no-gc-sections",
    ] {
        if probe(flag) {
            push(flag.as_bytes());
        }
    }
    push(b"-fmessage-length=0");
    if probe("-fdebug-prefix-map=a=b") {
        let which: &[u8] = if probe("-ffile-prefix-map=a=b") {
            b"-ffile-prefix-map="
        } else {
            b"-fdebug-prefix-map="
        };
        let mut map = which.to_vec();
        map.extend_from_slice(&work);
        map.extend_from_slice(b"=/tmp/go-build");
        push(&map);
    }
    if probe("-gno-record-gcc-switches") {
        push(b"-gno-record-gcc-switches");
    }
    if goos == b"darwin" || goos == b"ios" {
        push(b"-fno-common");
    }
    Ok(a.into_iter().skip(3).collect())
}

/// `joinUnambiguously` (cmd/go/internal/work/shell.go): words joined by
/// spaces, each quoted (`strconv.Quote`) if empty, holding any of ` ()>;`,
/// or needing escapes.
fn join_unambiguously(words: &[Vec<u8>]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let q = crate::strconv::quote(w);
        if w.is_empty() || w.iter().any(|b| b" ()>;".contains(b)) || q.len() > w.len() + 2 {
            out.push_str(&q);
        } else {
            out.push_str(&String::from_utf8_lossy(w));
        }
    }
    out
}

/// `(*Builder).gccArchArgs`.
fn gcc_arch_args(cfg: &Config) -> Vec<&'static str> {
    let goos = cfg.goos.as_slice();
    let darwin = goos == b"darwin";
    match cfg.goarch.as_slice() {
        b"386" => vec!["-m32"],
        b"amd64" if darwin => vec!["-arch", "x86_64", "-m64"],
        b"amd64" => vec!["-m64"],
        b"arm64" if darwin => vec!["-arch", "arm64"],
        b"arm" => vec!["-marm"],
        b"s390x" => vec!["-m64", "-march=z13"],
        b"mips64" | b"mips64le" => match cfg.getenv("GOMIPS64") {
            b"" | b"hardfloat" => vec!["-mabi=64", "-mhard-float"],
            b"softfloat" => vec!["-mabi=64", "-msoft-float"],
            _ => vec![],
        },
        b"mips" | b"mipsle" => match cfg.getenv("GOMIPS") {
            b"" | b"hardfloat" => vec![
                "-mabi=32",
                "-march=mips32",
                "-mhard-float",
                "-mfp32",
                "-mno-odd-spreg",
            ],
            b"softfloat" => vec!["-mabi=32", "-march=mips32", "-msoft-float"],
            _ => vec![],
        },
        b"loong64" => vec!["-mabi=lp64d", "-mno-relax"],
        b"ppc64" if goos == b"aix" => vec!["-maix64"],
        _ => vec![],
    }
}

/// A work directory name like the go command's (`os.MkdirTemp(GOTMPDIR,
/// "go-build")`): `<GOTMPDIR or temp dir>/go-build<digits>`.
fn work_dir_name(cfg: &Config) -> Vec<u8> {
    let mut dir = cfg.getenv("GOTMPDIR").to_vec();
    if dir.is_empty() {
        dir = osenv::temp_dir(&cfg.os);
    }
    while dir.len() > 1 && dir.ends_with(b"/") {
        dir.pop();
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let n = (nanos ^ std::process::id().wrapping_mul(2654435761)) % 4_000_000_000;
    let mut out = dir;
    out.extend_from_slice(format!("/go-build{n}").as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::osenv::OsEnv;

    /// A configuration whose `$CC` is an executable that exists (this test
    /// binary), so the compiler counts as found; `pairs` override.
    fn cfg(pairs: &[(&str, &str)]) -> Config {
        let exe = std::env::current_exe()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let mut all = vec![
            ("HOME", "/h"),
            ("GOROOT", "/nonexistent"),
            ("PATH", "/nonexistent"),
            ("CC", exe.as_str()),
        ];
        for &(k, v) in pairs {
            all.retain(|(ak, _)| *ak != k);
            all.push((k, v));
        }
        Config::load(OsEnv::from_pairs(all))
    }

    fn get(list: &[(&'static str, Setting)], name: &str) -> Setting {
        list.iter().find(|(n, _)| *n == name).unwrap().1.clone()
    }

    #[test]
    fn flags_defaults_and_overrides() {
        let env = costly_env(&cfg(&[]), ProbeMode::Quiet).unwrap().vars;
        assert_eq!(
            get(&env, "CGO_CFLAGS"),
            Setting {
                value: b"-O2 -g".to_vec(),
                changed: false
            }
        );
        assert_eq!(
            get(&env, "CGO_CPPFLAGS"),
            Setting {
                value: vec![],
                changed: false
            }
        );
        assert_eq!(get(&env, "PKG_CONFIG").value, b"pkg-config");
        let gcc = String::from_utf8(get(&env, "GOGCCFLAGS").value).unwrap();
        assert!(
            gcc.starts_with(
                "-fPIC -m64 -Wl,--no-gc-sections -fmessage-length=0 -ffile-prefix-map=/tmp/go-build"
            ),
            "{gcc}"
        );
        assert!(
            gcc.ends_with("=/tmp/go-build -gno-record-gcc-switches"),
            "{gcc}"
        );

        let env = costly_env(
            &cfg(&[("CGO_CFLAGS", " '-I/a b'  -O3"), ("CGO_ENABLED", "1")]),
            ProbeMode::Quiet,
        )
        .unwrap()
        .vars;
        assert_eq!(
            get(&env, "CGO_CFLAGS"),
            Setting {
                value: b"'-I/a b' -O3".to_vec(),
                changed: true
            }
        );
        let gcc = String::from_utf8(get(&env, "GOGCCFLAGS").value).unwrap();
        assert!(gcc.starts_with("-fPIC -m64 -pthread "), "{gcc}");

        let missing = costly_env(&cfg(&[("CC", "/nonexistent/cc")]), ProbeMode::Quiet)
            .unwrap()
            .vars;
        let gcc = String::from_utf8(get(&missing, "GOGCCFLAGS").value).unwrap();
        assert!(
            gcc.starts_with("-fPIC -m64 -fno-caret-diagnostics -Qunused-arguments -Wl,"),
            "{gcc}"
        );
        assert_eq!(
            costly_env(&cfg(&[("GOCACHE", "off")]), ProbeMode::Quiet).unwrap_err(),
            "build cache is disabled by GOCACHE=off, but required as of Go 1.12"
        );
        assert_eq!(
            costly_env(&cfg(&[("CC", "x/gcc")]), ProbeMode::Quiet).unwrap_err(),
            "goxide: CC environment variable is relative; must be absolute path: x/gcc"
        );
    }

    #[test]
    fn dry_run_shows_probes() {
        // -n: nothing is probed, so only the unconditional flags remain,
        // and the cache is not needed.
        let env = costly_env(&cfg(&[("GOCACHE", "off"), ("CC", "gcc")]), ProbeMode::Show).unwrap();
        assert_eq!(
            get(&env.vars, "GOGCCFLAGS").value,
            b"-fPIC -m64 -fmessage-length=0"
        );
        assert!(env.shown.starts_with(
            "cd $WORK\ngcc -fno-caret-diagnostics -O2 -g -c -x c - -o /dev/null || true\n"
        ));
        assert!(
            env.shown
                .contains("\ngcc -Wl,--no-gc-sections -O2 -g -x c - -o /dev/null || true\n")
        );
        assert_eq!(env.shown.lines().count(), 6);
        let env = costly_env(&cfg(&[]), ProbeMode::Trace).unwrap();
        assert!(env.shown.starts_with("WORK=/tmp/go-build"));
        assert_eq!(env.shown.lines().count(), 8);
        assert_eq!(
            join_unambiguously(&[b"a b".to_vec(), b"".to_vec(), b"c".to_vec()]),
            "\"a b\" \"\" c"
        );
    }

    #[test]
    fn compilers() {
        assert_eq!(
            cc(&cfg(&[("CC", "")])),
            Setting {
                value: b"gcc".to_vec(),
                changed: false
            }
        );
        assert_eq!(cxx(&cfg(&[("GOOS", "darwin")])).value, b"clang++");
        assert_eq!(
            gccgo(&cfg(&[("GCCGO", "/nonexistent/gccgo")])),
            Setting {
                value: b"/nonexistent/gccgo".to_vec(),
                changed: true
            }
        );
    }
}
