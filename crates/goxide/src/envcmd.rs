//! `goxide env`: mirrors `cmd/go/internal/envcmd/env.go` (`runEnv`,
//! `MkEnv`, `ExtraEnvVars`, `ExtraEnvVarsCostly`, `findEnv`) on top of
//! [`goxide_build::cfg::Config`].
//!
//! Output is the go command's: every variable as `NAME='value'` sorted by
//! name, or `-json`, or one value per line for named variables (empty for
//! unknown ones), with `-changed` filtering. `-w` and `-u` (editing the
//! go/env file) are not supported yet and say so (exit 2).
//!
//! The variables that cost a C-toolchain look-up in Go (`CGO_*FLAGS`,
//! `PKG_CONFIG`, `GOGCCFLAGS`) are computed only when listed or named, as
//! in Go, so their errors appear under the same conditions. `-n` and `-x`
//! show the C compiler probes on stderr as go does (for `-x`, as with an
//! empty build cache; goxide runs no probe).

use goxide_build::buildcfg::{self, HOST_GOARCH, HOST_GOOS};
use goxide_build::cfg::{Config, Setting};
use goxide_build::modroot;
use goxide_build::osenv;
use goxide_build::strconv::quote;
use goxide_build::{cgo, os_error};

use crate::commands::Command;
use crate::env_print::{self, EnvVar};
use crate::flags::{FlagSet, Kind};
use crate::invoke;
use crate::output;

/// The names whose values come from `ExtraEnvVarsCostly`.
const COSTLY: &[&str] = &[
    "CGO_CFLAGS",
    "CGO_CPPFLAGS",
    "CGO_CXXFLAGS",
    "CGO_FFLAGS",
    "CGO_LDFLAGS",
    "PKG_CONFIG",
    "GOGCCFLAGS",
];

/// Runs `goxide env args...`; returns the exit status.
pub fn run(cmd: &Command, args: &[Vec<u8>]) -> i32 {
    match run_inner(cmd, args) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

fn fatal(msg: &str, code: i32) -> i32 {
    output::stderr_line(msg);
    code
}

fn run_inner(cmd: &Command, args: &[Vec<u8>]) -> Result<(), i32> {
    let cfg = invoke::config_with_goroot()?;
    let gf = invoke::goflags(&cfg, true)?;
    let mut flags = FlagSet::new(&[
        invoke::CHDIR_FLAG,
        ("n", Kind::Bool),
        ("x", Kind::Bool),
        ("json", Kind::Bool),
        ("u", Kind::Bool),
        ("w", Kind::Bool),
        ("changed", Kind::Bool),
    ]);
    let names = invoke::parse_flags(cmd, &mut flags, &gf, args)?;
    let (json, unset, write, changed) = (
        flags.bool("json"),
        flags.bool("u"),
        flags.bool("w"),
        flags.bool("changed"),
    );

    if json && unset {
        return Err(fatal("goxide: cannot use -json with -u", 1));
    }
    if json && write {
        return Err(fatal("goxide: cannot use -json with -w", 1));
    }
    if unset && write {
        return Err(fatal("goxide: cannot use -u with -w", 1));
    }
    if write || unset {
        let which = if write { "-w" } else { "-u" };
        return Err(fatal(
            &format!(
                "goxide env {which}: editing the go/env file is not supported yet; use 'go env {which}'"
            ),
            2,
        ));
    }
    if let Some(e) = buildcfg::check(&cfg.os) {
        return Err(fatal(&format!("goxide: {e}"), 2));
    }
    if let Some(e) = &cfg.experiment_err {
        return Err(fatal(&format!("goxide: {e}"), 1));
    }
    for name in &names {
        if name.contains(&b'=') {
            return Err(fatal(
                &format!(
                    "goxide: invalid variable name {} (use -w to set variable)",
                    quote(name)
                ),
                1,
            ));
        }
    }

    let mut env = mk_env(&cfg);
    env.extend(extra_env(&cfg)?);
    let need_costly = names.is_empty()
        || names
            .iter()
            .any(|n| COSTLY.iter().any(|c| c.as_bytes() == n.as_slice()));
    if need_costly {
        let mode = if flags.bool("n") {
            cgo::ProbeMode::Show
        } else if flags.bool("x") {
            cgo::ProbeMode::Trace
        } else {
            cgo::ProbeMode::Quiet
        };
        let costly = cgo::costly_env(&cfg, mode).map_err(|msg| fatal(&msg, 1))?;
        output::stderr(costly.shown.as_bytes());
        env.extend(costly.vars.into_iter().map(|(name, s)| var(name, s)));
    }

    if !names.is_empty() {
        if !changed {
            if !json {
                let mut out = Vec::new();
                for name in &names {
                    out.extend_from_slice(&find_env(&cfg, &env, name));
                    out.push(b'\n');
                }
                output::stdout(&out);
                return Ok(());
            }
            env = names
                .iter()
                .map(|n| EnvVar {
                    name: String::from_utf8_lossy(n).into_owned(),
                    value: find_env(&cfg, &env, n),
                    changed: false,
                })
                .collect();
        } else {
            env = names
                .iter()
                .filter_map(|n| {
                    env.iter()
                        .find(|e| e.name.as_bytes() == n.as_slice())
                        .cloned()
                })
                .collect();
        }
    }

    if json {
        output::stdout(&env_print::json(&env, changed));
    } else {
        let text = env_print::shell(&env, changed).map_err(|msg| fatal(&msg, 1))?;
        output::stdout(&text);
    }
    Ok(())
}

fn var(name: &str, s: Setting) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: s.value,
        changed: s.changed,
    }
}

fn plain(name: &str, value: &[u8], changed: bool) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: value.to_vec(),
        changed,
    }
}

/// `MkEnv`: the variables every go command exports to the tools it runs.
pub fn mk_env(cfg: &Config) -> Vec<EnvVar> {
    let non_empty = |name: &str, v: &[u8]| plain(name, v, !v.is_empty());
    let go111module = cfg.getenv("GO111MODULE");
    let (gocache, gocache_changed, _) = cfg.gocache();
    let mut env = vec![
        plain(
            "GO111MODULE",
            go111module,
            go111module != b"on" && !go111module.is_empty(),
        ),
        plain("GOARCH", &cfg.goarch, cfg.goarch != HOST_GOARCH.as_bytes()),
        var("GOAUTH", cfg.goauth.clone()),
        plain("GOCACHE", &gocache, gocache_changed),
        var("GOCACHEPROG", cfg.gocacheprog.clone()),
        non_empty("GODEBUG", cfg.os.get("GODEBUG")),
        var("GOENV", cfg.env_file.clone()),
        plain("GOEXE", cfg.exe_suffix().as_bytes(), false),
        non_empty("GOEXPERIMENT", &cfg.raw_goexperiment),
        var("GOFIPS140", cfg.gofips140.clone()),
        non_empty("GOFLAGS", cfg.getenv("GOFLAGS")),
        plain("GOHOSTARCH", HOST_GOARCH.as_bytes(), false),
        plain("GOHOSTOS", HOST_GOOS.as_bytes(), false),
        non_empty("GOINSECURE", &cfg.goinsecure),
        var("GOMODCACHE", cfg.gomodcache.clone()),
        var("GONOPROXY", cfg.gonoproxy.clone()),
        var("GONOSUMDB", cfg.gonosumdb.clone()),
        plain("GOOS", &cfg.goos, cfg.goos != HOST_GOOS.as_bytes()),
        non_empty("GOPACKAGESDRIVER", cfg.os.get("GOPACKAGESDRIVER")),
        var("GOPATH", cfg.gopath.clone()),
        non_empty("GOPRIVATE", &cfg.goprivate),
        var("GOPROXY", cfg.goproxy.clone()),
        plain("GOROOT", &cfg.goroot, false),
        var("GOSUMDB", cfg.gosumdb.clone()),
        plain("GOTELEMETRY", &cfg.telemetry_mode(), false),
        plain("GOTELEMETRYDIR", &cfg.telemetry_dir(), false),
        non_empty("GOTMPDIR", cfg.getenv("GOTMPDIR")),
        var("GOTOOLCHAIN", cfg.env_or_and_changed("GOTOOLCHAIN", b"")),
        plain("GOTOOLDIR", &cfg.tool_dir(), false),
        non_empty("GOVCS", &cfg.govcs),
        plain("GOVERSION", &cfg.goversion(), false),
    ];
    env.push(var("GCCGO", cgo::gccgo(cfg)));
    if let Some((name, s)) = cfg.arch_env() {
        env.push(var(name, s));
    }
    env.push(var("AR", cfg.env_or_and_changed("AR", b"ar")));
    env.push(var("CC", cgo::cc(cfg)));
    env.push(var("CXX", cgo::cxx(cfg)));
    let cgo_value: &[u8] = if cfg.cgo_enabled { b"1" } else { b"0" };
    env.push(plain("CGO_ENABLED", cgo_value, cfg.cgo_changed));
    env
}

/// `ExtraEnvVars`: GOMOD, GOWORK, GOBIN (which depend on the working
/// directory). Prints the go command's warnings; fatal errors exit 1.
fn extra_env(cfg: &Config) -> Result<Vec<EnvVar>, i32> {
    let cwd = osenv::getwd(&cfg.os).map_err(|e| {
        fatal(
            &format!(
                "goxide: cannot determine current directory: getwd: {}",
                os_error::errno_text(&e)
            ),
            1,
        )
    })?;
    let m = modroot::module_env(cfg, &cwd).map_err(|msg| fatal(&msg, 1))?;
    for w in &m.warnings {
        output::stderr_line(w);
    }
    Ok(vec![
        plain("GOMOD", &m.gomod, false),
        plain("GOWORK", &m.gowork, false),
        plain("GOBIN", &m.gobin, cfg.gobin.changed),
    ])
}

/// `findEnv`: the listed value, else the go/env setting for a known
/// variable, else empty.
fn find_env(cfg: &Config, env: &[EnvVar], name: &[u8]) -> Vec<u8> {
    if let Some(e) = env.iter().find(|e| e.name.as_bytes() == name) {
        return e.value.clone();
    }
    match std::str::from_utf8(name) {
        Ok(n) if cfg.can_getenv(n) => cfg.getenv(n).to_vec(),
        _ => Vec::new(),
    }
}
