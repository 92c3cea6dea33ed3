//! The go command's configuration: `cmd/go/internal/cfg/cfg.go` (plus the
//! few `go/build.Default` and `os` defaults it builds on).
//!
//! A [`Config`] is computed once from an [`OsEnv`] snapshot, in the order
//! Go's package initialisation computes it:
//!
//! 1. the user's go/env file (`$GOENV`, else `$XDG_CONFIG_HOME/go/env` or
//!    `$HOME/.config/go/env`) and then `$GOROOT/go.env` fill a table of
//!    file settings (`envCache`); the user file wins, except that the
//!    GOROOT is the one discovered (see [`crate::goroot`]);
//! 2. [`Config::getenv`] reads a setting: the OS environment if non-empty,
//!    else the file table;
//! 3. each variable is derived from that plus its default, with a
//!    `changed` bit meaning "differs from what an empty environment with
//!    no go/env file would give" (`EnvOrAndChanged`: compared with the
//!    `$GOROOT/go.env` value when that file sets the key).
//!
//! Values are bytes: the go command prints them byte for byte.
//!
//! Goxide's deliberate difference: cgo is off unless `CGO_ENABLED=1`
//! (goxide never invokes a C toolchain), so the default and the
//! `changed` bit of `CGO_ENABLED` are computed against 0.

use std::collections::HashMap;

use crate::buildcfg::{self, HOST_GOARCH, HOST_GOOS};
use crate::filepath;
use crate::goroot;
use crate::osenv::{self, OsEnv};

/// A computed setting and whether it differs from its default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Setting {
    pub value: Vec<u8>,
    pub changed: bool,
}

/// `internal/cfg.KnownEnv`: the variables the go command reads.
pub const KNOWN_ENV: &[&str] = &[
    "AR",
    "CC",
    "CGO_CFLAGS",
    "CGO_CFLAGS_ALLOW",
    "CGO_CFLAGS_DISALLOW",
    "CGO_CPPFLAGS",
    "CGO_CPPFLAGS_ALLOW",
    "CGO_CPPFLAGS_DISALLOW",
    "CGO_CXXFLAGS",
    "CGO_CXXFLAGS_ALLOW",
    "CGO_CXXFLAGS_DISALLOW",
    "CGO_ENABLED",
    "CGO_FFLAGS",
    "CGO_FFLAGS_ALLOW",
    "CGO_FFLAGS_DISALLOW",
    "CGO_LDFLAGS",
    "CGO_LDFLAGS_ALLOW",
    "CGO_LDFLAGS_DISALLOW",
    "CXX",
    "FC",
    "GCCGO",
    "GO111MODULE",
    "GO386",
    "GOAMD64",
    "GOARCH",
    "GOARM",
    "GOARM64",
    "GOAUTH",
    "GOBIN",
    "GOCACHE",
    "GOCACHEPROG",
    "GOENV",
    "GOEXE",
    "GOEXPERIMENT",
    "GOFIPS140",
    "GOFLAGS",
    "GOGCCFLAGS",
    "GOHOSTARCH",
    "GOHOSTOS",
    "GOINSECURE",
    "GOMIPS",
    "GOMIPS64",
    "GOMODCACHE",
    "GONOPROXY",
    "GONOSUMDB",
    "GOOS",
    "GOPATH",
    "GOPPC64",
    "GOPRIVATE",
    "GOPROXY",
    "GORISCV64",
    "GOROOT",
    "GOSUMDB",
    "GOTMPDIR",
    "GOTOOLCHAIN",
    "GOTOOLDIR",
    "GOVCS",
    "GOWASM",
    "GOWORK",
    "GO_EXTLINK_ENABLED",
    "PKG_CONFIG",
];

/// goxide's default for `CGO_ENABLED` (Go's is 1 natively when a C
/// compiler is on `$PATH`): goxide never runs a C toolchain.
pub const DEFAULT_CGO_ENABLED: bool = false;

/// The configuration of one goxide invocation.
#[derive(Clone, Debug)]
pub struct Config {
    /// The OS environment it was computed from.
    pub os: OsEnv,
    /// The go/env file in use (`GOENV`), empty when none, and whether it
    /// was chosen by `$GOENV`.
    pub env_file: Setting,
    /// Settings from the go/env file and `$GOROOT/go.env` (`envCache.m`).
    file_values: HashMap<Vec<u8>, Vec<u8>>,
    /// Settings from `$GOROOT/go.env` alone (`envCache.goroot`).
    goroot_values: HashMap<Vec<u8>, Vec<u8>>,
    /// `cfg.GOROOT`: `$GOROOT` as given, else the discovered tree; empty
    /// when none was found.
    pub goroot: Vec<u8>,
    pub goos: Vec<u8>,
    pub goarch: Vec<u8>,
    /// `cfg.BuildContext.GOPATH` (possibly cleared later by
    /// [`Config::check_gopath`] when inferred and relative).
    pub gopath: Setting,
    pub cgo_enabled: bool,
    pub cgo_changed: bool,
    /// `GOEXPERIMENT` as set (`cfg.RawGOEXPERIMENT`).
    pub raw_goexperiment: Vec<u8>,
    /// Why `GOEXPERIMENT` (including a go/env file setting) is invalid.
    pub experiment_err: Option<String>,
    pub gobin: Setting,
    pub gocacheprog: Setting,
    pub gomodcache: Setting,
    pub gofips140: Setting,
    pub goproxy: Setting,
    pub gosumdb: Setting,
    pub goprivate: Vec<u8>,
    pub gonoproxy: Setting,
    pub gonosumdb: Setting,
    pub goinsecure: Vec<u8>,
    pub govcs: Vec<u8>,
    pub goauth: Setting,
}

impl Config {
    /// Computes the configuration for `os`.
    pub fn load(os: OsEnv) -> Config {
        let env_file = env_file(&os).unwrap_or_default();
        let mut cfg = Config {
            os,
            env_file,
            file_values: HashMap::new(),
            goroot_values: HashMap::new(),
            goroot: Vec::new(),
            goos: Vec::new(),
            goarch: Vec::new(),
            gopath: Setting::default(),
            cgo_enabled: false,
            cgo_changed: false,
            raw_goexperiment: Vec::new(),
            experiment_err: None,
            gobin: Setting::default(),
            gocacheprog: Setting::default(),
            gomodcache: Setting::default(),
            gofips140: Setting::default(),
            goproxy: Setting::default(),
            gosumdb: Setting::default(),
            goprivate: Vec::new(),
            gonoproxy: Setting::default(),
            gonosumdb: Setting::default(),
            goinsecure: Vec::new(),
            govcs: Vec::new(),
            goauth: Setting::default(),
        };
        cfg.init_env_cache();

        cfg.goroot = cfg.getenv("GOROOT").to_vec();
        cfg.goos = cfg.env_or("GOOS", build_default(&cfg.os, "GOOS", HOST_GOOS));
        cfg.goarch = cfg.env_or("GOARCH", build_default(&cfg.os, "GOARCH", HOST_GOARCH));

        // go/build.Default.GOPATH: $GOPATH, else $HOME/go unless that is GOROOT.
        let default_gopath = {
            let os_gopath = cfg.os.get("GOPATH");
            if !os_gopath.is_empty() {
                os_gopath.to_vec()
            } else {
                let home = cfg.os.get("HOME");
                let def = filepath::join(&[home, b"go"]);
                if home.is_empty() || filepath::clean(&def) == filepath::clean(&cfg.goroot) {
                    Vec::new()
                } else {
                    def
                }
            }
        };
        cfg.gopath = cfg.env_or_and_changed("GOPATH", &default_gopath);

        let cgo = cfg.getenv("CGO_ENABLED");
        cfg.cgo_enabled = match cgo {
            b"0" => false,
            b"1" => true,
            _ => DEFAULT_CGO_ENABLED,
        };
        cfg.cgo_changed = cfg.cgo_enabled != DEFAULT_CGO_ENABLED;

        cfg.raw_goexperiment =
            cfg.env_or("GOEXPERIMENT", buildcfg::DEFAULT_GOEXPERIMENT.as_bytes());
        let (goos, goarch) = (cfg.goos_str(), cfg.goarch_str());
        cfg.experiment_err =
            buildcfg::parse_goexperiment(&goos, &goarch, &cfg.raw_goexperiment).err();

        cfg.gobin = cfg.env_or_and_changed("GOBIN", b"");
        cfg.gocacheprog = cfg.env_or_and_changed("GOCACHEPROG", b"");
        let modcache_default = cfg.gopath_dir(b"pkg/mod");
        cfg.gomodcache = cfg.env_or_and_changed("GOMODCACHE", &modcache_default);
        cfg.gofips140 = cfg.env_or_and_changed("GOFIPS140", buildcfg::DEFAULT_GOFIPS140.as_bytes());
        cfg.goproxy = cfg.env_or_and_changed("GOPROXY", b"");
        cfg.gosumdb = cfg.env_or_and_changed("GOSUMDB", b"");
        cfg.goprivate = cfg.getenv("GOPRIVATE").to_vec();
        let goprivate = cfg.goprivate.clone();
        cfg.gonoproxy = cfg.env_or_and_changed("GONOPROXY", &goprivate);
        cfg.gonosumdb = cfg.env_or_and_changed("GONOSUMDB", &goprivate);
        cfg.goinsecure = cfg.getenv("GOINSECURE").to_vec();
        cfg.govcs = cfg.getenv("GOVCS").to_vec();
        cfg.goauth = cfg.env_or_and_changed("GOAUTH", b"netrc");
        cfg
    }

    /// `initEnvCache`: reads the user's go/env file, finds GOROOT, and reads
    /// `$GOROOT/go.env` under the user's settings.
    fn init_env_cache(&mut self) {
        if !self.env_file.value.is_empty() {
            let file = self.env_file.value.clone();
            self.read_env_file(&file, false);
        }
        let explicit = match self.file_values.get(b"GOROOT".as_slice()) {
            Some(v) if !v.is_empty() => v.clone(),
            _ => self.os.get("GOROOT").to_vec(),
        };
        let found = goroot::find(&explicit);
        if !found.is_empty() {
            self.read_env_file(&filepath::join(&[&found, b"go.env"]), true);
        }
        self.file_values.insert(b"GOROOT".to_vec(), found);
    }

    /// `readEnvFile`: `KEY=VALUE` lines; lines without `=` or not starting
    /// with an uppercase letter are ignored.
    fn read_env_file(&mut self, file: &[u8], from_goroot: bool) {
        let Ok(data) = std::fs::read(osenv::path(file)) else {
            return;
        };
        for line in data.split(|&b| b == b'\n') {
            let Some(eq) = line.iter().position(|&b| b == b'=') else {
                continue;
            };
            if !line[0].is_ascii_uppercase() {
                continue;
            }
            let (key, val) = (line[..eq].to_vec(), line[eq + 1..].to_vec());
            if from_goroot {
                self.goroot_values.insert(key.clone(), val.clone());
                if self.file_values.contains_key(&key) {
                    continue;
                }
            }
            self.file_values.insert(key, val);
        }
    }

    /// `cfg.Getenv`: the OS environment's value if non-empty, else the
    /// go/env files' value.
    pub fn getenv(&self, key: &str) -> &[u8] {
        let v = self.os.get(key);
        if !v.is_empty() {
            return v;
        }
        self.file_values
            .get(key.as_bytes())
            .map_or(&[], |v| v.as_slice())
    }

    /// `cfg.CanGetenv`: whether `key` is a go command setting (known, or
    /// present in a go/env file).
    pub fn can_getenv(&self, key: &str) -> bool {
        self.file_values.contains_key(key.as_bytes()) || KNOWN_ENV.contains(&key)
    }

    /// `envOr`: [`Config::getenv`], or `def` when empty.
    pub fn env_or(&self, key: &str, def: &[u8]) -> Vec<u8> {
        let v = self.getenv(key);
        if v.is_empty() {
            def.to_vec()
        } else {
            v.to_vec()
        }
    }

    /// `cfg.EnvOrAndChanged`.
    pub fn env_or_and_changed(&self, name: &str, def: &[u8]) -> Setting {
        let val = self.getenv(name);
        if val.is_empty() {
            return Setting {
                value: def.to_vec(),
                changed: false,
            };
        }
        let changed = match self.goroot_values.get(name.as_bytes()) {
            Some(g) => val != g.as_slice(),
            None => val != def,
        };
        Setting {
            value: val.to_vec(),
            changed,
        }
    }

    /// `gopathDir`: `rel` under the first GOPATH entry, or empty.
    fn gopath_dir(&self, rel: &[u8]) -> Vec<u8> {
        match filepath::split_list(&self.gopath.value).first() {
            Some(first) if !first.is_empty() => filepath::join(&[first, rel]),
            _ => Vec::new(),
        }
    }

    /// GOOS as text (lossy for non-UTF-8 settings).
    pub fn goos_str(&self) -> String {
        String::from_utf8_lossy(&self.goos).into_owned()
    }

    /// GOARCH as text (lossy for non-UTF-8 settings).
    pub fn goarch_str(&self) -> String {
        String::from_utf8_lossy(&self.goarch).into_owned()
    }

    /// `cfg.ExeSuffix`.
    pub fn exe_suffix(&self) -> &'static str {
        if self.goos == b"windows" { ".exe" } else { "" }
    }

    /// `build.ToolDir`: `$GOROOT/pkg/tool/<hostos>_<hostarch>`, where the
    /// go command keeps its compiler and linker (reported for
    /// compatibility; goxide runs none of them).
    pub fn tool_dir(&self) -> Vec<u8> {
        if self.goroot.is_empty() {
            return Vec::new();
        }
        let os_arch = format!("{HOST_GOOS}_{HOST_GOARCH}");
        filepath::join(&[&self.goroot, b"pkg", b"tool", os_arch.as_bytes()])
    }

    /// `GOVERSION`: the first line of `$GOROOT/VERSION` (goxide compiles
    /// that tree's standard library, so it speaks that Go version).
    pub fn goversion(&self) -> Vec<u8> {
        goroot::version(&self.goroot)
            .map(String::into_bytes)
            .unwrap_or_default()
    }

    /// `cache.DefaultDir`: the effective `GOCACHE` (`off` when disabled),
    /// whether it differs from the default, and why it is off if it is.
    pub fn gocache(&self) -> (Vec<u8>, bool, Option<String>) {
        let (mut dir, mut err) = match osenv::user_cache_dir(&self.os) {
            Ok(d) => (filepath::join(&[&d, b"go-build"]), None),
            Err(e) => (
                b"off".to_vec(),
                Some(format!("GOCACHE is not defined and {e}")),
            ),
        };
        let new_dir = self.getenv("GOCACHE");
        if new_dir.is_empty() {
            return (dir, false, err);
        }
        let changed = new_dir != dir.as_slice();
        dir = new_dir.to_vec();
        err = None;
        if !filepath::is_abs(&dir) && dir != b"off" {
            return (
                b"off".to_vec(),
                changed,
                Some("GOCACHE is not an absolute path".into()),
            );
        }
        (dir, changed, err)
    }

    /// The GOARCH-specific variable (`GOAMD64` for amd64, ...), its value
    /// and changed bit (`cfg.GetArchEnv`).
    pub fn arch_env(&self) -> Option<(&'static str, Setting)> {
        let (name, def) = buildcfg::arch_env_var(&self.goarch_str())?;
        Some((name, self.env_or_and_changed(name, def.as_bytes())))
    }

    /// The telemetry directory (`<UserConfigDir>/go/telemetry`), or empty
    /// when the user config directory is unknown.
    pub fn telemetry_dir(&self) -> Vec<u8> {
        match osenv::user_config_dir(&self.os) {
            Ok(d) => filepath::join(&[&d, b"go", b"telemetry"]),
            Err(_) => Vec::new(),
        }
    }

    /// The telemetry mode (`golang.org/x/telemetry.Mode`): the first word
    /// of `<telemetry dir>/mode`, `local` when unreadable, `off` when there
    /// is no telemetry directory. goxide itself records no telemetry.
    pub fn telemetry_mode(&self) -> Vec<u8> {
        let dir = self.telemetry_dir();
        if dir.is_empty() {
            return b"off".to_vec();
        }
        let Ok(data) = std::fs::read(osenv::path(&filepath::join(&[&dir, b"mode"]))) else {
            return b"local".to_vec();
        };
        let mode = data.trim_ascii();
        match mode.iter().position(|&b| b == b' ') {
            Some(i) => mode[..i].to_vec(),
            None => mode.to_vec(),
        }
    }

    /// The checks the go command's `main` makes on GOPATH before running
    /// a command. Returns warnings to print, or the fatal message (printed
    /// as is, exit status 2). An inferred relative GOPATH is cleared.
    pub fn check_gopath(&mut self) -> Result<Vec<String>, String> {
        let mut warnings = Vec::new();
        let gopath = self.gopath.value.clone();
        if filepath::clean(&gopath) == filepath::clean(&self.goroot) {
            warnings.push(format!(
                "warning: both GOPATH and GOROOT are the same directory ({}); see https://go.dev/wiki/InstallTroubleshooting",
                String::from_utf8_lossy(&gopath)
            ));
            return Ok(warnings);
        }
        for p in filepath::split_list(&gopath) {
            if p.is_empty() {
                continue;
            }
            if p.starts_with(b"~") {
                return Err(format!(
                    "goxide: GOPATH entry cannot start with shell metacharacter '~': {}",
                    crate::strconv::quote(&p)
                ));
            }
            if !filepath::is_abs(&p) {
                if self.getenv("GOPATH").is_empty() {
                    self.gopath.value.clear();
                } else {
                    return Err(format!(
                        "goxide: GOPATH entry is relative; must be absolute path: {}.\nFor more details see: 'goxide help gopath'",
                        crate::strconv::quote(&p)
                    ));
                }
            }
        }
        Ok(warnings)
    }
}

/// `go/build.Default`'s GOOS/GOARCH: the OS environment or the host.
fn build_default<'a>(os: &'a OsEnv, key: &str, host: &'a str) -> &'a [u8] {
    let v = os.get(key);
    if v.is_empty() { host.as_bytes() } else { v }
}

/// `cfg.EnvFile`: the go/env file and whether `$GOENV` chose it; `Err`
/// when there is none (`GOENV=off`, or no user config directory).
pub fn env_file(os: &OsEnv) -> Result<Setting, String> {
    let file = os.get("GOENV");
    if !file.is_empty() {
        if file == b"off" {
            return Err("GOENV=off".into());
        }
        return Ok(Setting {
            value: file.to_vec(),
            changed: true,
        });
    }
    let dir = osenv::user_config_dir(os)?;
    if dir.is_empty() {
        return Err("missing user-config dir".into());
    }
    Ok(Setting {
        value: filepath::join(&[&dir, b"go/env"]),
        changed: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmpdir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("goxide-cfg-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn b(p: &std::path::Path) -> Vec<u8> {
        p.as_os_str().as_encoded_bytes().to_vec()
    }

    #[test]
    fn layering_of_environment_files() {
        let root = tmpdir("layers");
        let goroot = root.join("goroot");
        std::fs::create_dir_all(goroot.join("src")).unwrap();
        std::fs::write(goroot.join("go.env"), "# comment\nGOPROXY=https://proxy.example,direct\nGOSUMDB=sum.example\nGOTOOLCHAIN=auto\nlower=x\n").unwrap();
        let envfile = root.join("env");
        std::fs::write(&envfile, "GOSUMDB=off\nGOPRIVATE=corp.example\nCUSTOM=1").unwrap();
        let os = OsEnv::from_pairs([
            ("HOME", b(&root.join("home"))),
            ("GOROOT", b(&goroot)),
            ("GOENV", b(&envfile)),
            ("GOAUTH", b"netrc".to_vec()),
        ]);
        let cfg = Config::load(os);
        assert_eq!(
            cfg.env_file,
            Setting {
                value: b(&envfile),
                changed: true
            }
        );
        assert_eq!(
            cfg.goproxy,
            Setting {
                value: b"https://proxy.example,direct".to_vec(),
                changed: false
            }
        );
        assert_eq!(
            cfg.gosumdb,
            Setting {
                value: b"off".to_vec(),
                changed: true
            }
        );
        assert_eq!(
            cfg.gonoproxy,
            Setting {
                value: b"corp.example".to_vec(),
                changed: false
            }
        );
        assert_eq!(
            cfg.goauth,
            Setting {
                value: b"netrc".to_vec(),
                changed: false
            }
        );
        assert_eq!(cfg.gopath.value, b(&root.join("home/go")));
        assert_eq!(cfg.gomodcache.value, b(&root.join("home/go/pkg/mod")));
        assert!(cfg.can_getenv("CUSTOM") && !cfg.can_getenv("lower") && !cfg.can_getenv("HOME"));
        assert_eq!(cfg.getenv("CUSTOM"), b"1");
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn cache_and_cgo_defaults() {
        let os = OsEnv::from_pairs([("HOME", "/h"), ("GOROOT", "/nonexistent")]);
        let cfg = Config::load(os);
        assert_eq!(cfg.gocache(), (b"/h/.cache/go-build".to_vec(), false, None));
        assert!(!cfg.cgo_enabled && !cfg.cgo_changed);
        assert_eq!(cfg.goroot, b"/nonexistent");
        let os = OsEnv::from_pairs([("HOME", "/h"), ("GOCACHE", "rel"), ("CGO_ENABLED", "1")]);
        let cfg = Config::load(os);
        assert_eq!(cfg.gocache().0, b"off");
        assert!(cfg.cgo_enabled && cfg.cgo_changed);
        let cfg = Config::load(OsEnv::default());
        assert_eq!(cfg.gocache().0, b"off");
        assert_eq!(cfg.telemetry_mode(), b"off");
        assert!(cfg.gopath.value.is_empty() && cfg.env_file.value.is_empty());
    }
}
