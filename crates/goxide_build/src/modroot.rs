//! Module mode, the main module and the workspace, as `go env` reports
//! them (`GOMOD`, `GOWORK`, `GOBIN`): the parts of
//! `cmd/go/internal/modload/init.go` (`Init`, `findModuleRoot`,
//! `FindGoWork`, `findWorkspaceFile`, `BinDir`) and of `envcmd.ExtraEnvVars`
//! that need no go.mod parsing.
//!
//! The search starts from the working directory as Go's `os.Getwd` gives
//! it (which prefers `$PWD`). Warnings are returned, not printed, so the
//! caller controls output; a fatal setting is an `Err` holding the
//! message (the go command's, with `goxide` for `go`).

use crate::cfg::Config;
use crate::filepath;
use crate::osenv;

/// The module-related variables of `go env`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModuleEnv {
    /// Whether module-aware mode is on (`cfg.ModulesEnabled`).
    pub modules_enabled: bool,
    /// `GOMOD`: the main module's go.mod, `/dev/null` in module mode
    /// without one, empty in GOPATH mode.
    pub gomod: Vec<u8>,
    /// `GOWORK`: the go.work file in use, `off`, or empty.
    pub gowork: Vec<u8>,
    /// `GOBIN`: where `install` puts commands (explicit or inferred).
    pub gobin: Vec<u8>,
    /// Warnings the go command prints on stderr while deciding.
    pub warnings: Vec<String>,
}

/// `findModuleRoot`: the nearest directory at or above `dir` holding a
/// go.mod file (not a directory named go.mod).
pub fn find_module_root(dir: &[u8]) -> Option<Vec<u8>> {
    let mut dir = filepath::clean(dir);
    loop {
        let gomod = filepath::join(&[&dir, b"go.mod"]);
        if std::fs::metadata(osenv::path(&gomod)).is_ok_and(|m| !m.is_dir()) {
            return Some(dir);
        }
        let parent = filepath::dir(&dir);
        if parent == dir {
            return None;
        }
        dir = parent;
    }
}

/// `findWorkspaceFile`: the nearest go.work at or above `dir`, not
/// crossing into GOROOT from below.
pub fn find_workspace_file(dir: &[u8], goroot: &[u8]) -> Option<Vec<u8>> {
    let mut dir = filepath::clean(dir);
    loop {
        let f = filepath::join(&[&dir, b"go.work"]);
        if std::fs::metadata(osenv::path(&f)).is_ok_and(|m| !m.is_dir()) {
            return Some(f);
        }
        let parent = filepath::dir(&dir);
        if parent == dir || parent == goroot {
            return None;
        }
        dir = parent;
    }
}

/// Computes [`ModuleEnv`] for the working directory `cwd`.
pub fn module_env(cfg: &Config, cwd: &[u8]) -> Result<ModuleEnv, String> {
    let mut out = ModuleEnv::default();

    // modload.Init (for a command that does not force module mode).
    let go111module = cfg.getenv("GO111MODULE");
    let must_use_modules = match go111module {
        b"auto" => Some(false),
        b"on" | b"" => Some(true),
        b"off" => None,
        other => {
            return Err(format!(
                "goxide: unknown environment setting GO111MODULE={}",
                String::from_utf8_lossy(other)
            ));
        }
    };
    let mut mod_root = None;
    let mut gopath_first = Vec::new();
    if let Some(must) = must_use_modules {
        let mut enabled = true;
        match find_module_root(cwd) {
            None => enabled = must,
            Some(root) if is_temp_root(cfg, &root) => {
                out.warnings.push(format!(
                    "goxide: warning: ignoring go.mod in system temp root {}",
                    String::from_utf8_lossy(&osenv::temp_dir(&cfg.os))
                ));
                enabled = must;
            }
            Some(root) => mod_root = Some(root),
        }
        if enabled {
            out.modules_enabled = true;
            if let Some(first) = filepath::split_list(&cfg.gopath.value).into_iter().next()
                && !first.is_empty()
            {
                let gomod = filepath::join(&[&first, b"go.mod"]);
                if std::fs::metadata(osenv::path(&gomod)).is_ok() {
                    out.warnings.push(format!(
                        "goxide: warning: ignoring go.mod in $GOPATH {}",
                        String::from_utf8_lossy(&first)
                    ));
                }
                gopath_first = first;
            }
        }
    }

    if let Some(root) = &mod_root {
        out.gomod = filepath::join(&[root, b"go.mod"]);
    } else if out.modules_enabled {
        out.gomod = b"/dev/null".to_vec();
    }

    // InitWorkfile / FindGoWork.
    out.gowork = match cfg.getenv("GOWORK") {
        b"off" => b"off".to_vec(),
        b"" | b"auto" => find_workspace_file(cwd, &cfg.goroot).unwrap_or_default(),
        gowork if !filepath::is_abs(gowork) => {
            return Err("goxide: invalid GOWORK: not an absolute path".into());
        }
        gowork => gowork.to_vec(),
    };

    out.gobin = cfg.gobin.value.clone();
    if out.gobin.is_empty() {
        if out.modules_enabled {
            if !gopath_first.is_empty() {
                out.gobin = filepath::join(&[&gopath_first, b"bin"]);
            }
        } else {
            // Best-effort guess of where the binary will be installed
            // (go.dev/issue/23439): the GOPATH entry holding cwd, else the first.
            let gopaths = filepath::split_list(&cfg.gopath.value);
            if let Some(first) = gopaths.first() {
                let chosen = gopaths.iter().find(|p| cwd.starts_with(p)).unwrap_or(first);
                out.gobin = filepath::join(&[chosen, b"bin"]);
            }
        }
    }
    Ok(out)
}

/// Whether a module root is the system temp directory itself (the go
/// command ignores a go.mod there: golang.org/issue/26708).
fn is_temp_root(cfg: &Config, root: &[u8]) -> bool {
    let tmp = osenv::temp_dir(&cfg.os);
    if filepath::clean(&tmp) == filepath::clean(root) {
        return true;
    }
    match (
        std::fs::canonicalize(osenv::path(&tmp)),
        std::fs::canonicalize(osenv::path(root)),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::osenv::OsEnv;

    fn b(p: &std::path::Path) -> Vec<u8> {
        p.as_os_str().as_encoded_bytes().to_vec()
    }

    #[test]
    fn finds_module_and_workspace() {
        let root = std::env::temp_dir().join(format!("goxide-modroot-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("ws/m/sub")).unwrap();
        std::fs::write(root.join("ws/m/go.mod"), "module m\n").unwrap();
        std::fs::write(root.join("ws/go.work"), "go 1.27\n").unwrap();
        let os = OsEnv::from_pairs([
            ("HOME", b(&root.join("home"))),
            ("GOROOT", b"/nonexistent".to_vec()),
        ]);
        let cfg = Config::load(os);
        let env = module_env(&cfg, &b(&root.join("ws/m/sub"))).unwrap();
        assert_eq!(env.gomod, b(&root.join("ws/m/go.mod")));
        assert_eq!(env.gowork, b(&root.join("ws/go.work")));
        assert_eq!(env.gobin, b(&root.join("home/go/bin")));
        assert!(env.modules_enabled);

        let env = module_env(&cfg, &b(&root)).unwrap();
        assert_eq!(env.gomod, b"/dev/null");
        assert_eq!(env.gowork, b"");

        let mut os = cfg.os.clone();
        os.set("GO111MODULE", b"off");
        os.set("GOWORK", b"off");
        let env = module_env(&Config::load(os.clone()), &b(&root.join("ws/m"))).unwrap();
        assert_eq!(
            (env.gomod.as_slice(), env.gowork.as_slice()),
            (&b""[..], &b"off"[..])
        );
        os.set("GO111MODULE", b"bad");
        assert_eq!(
            module_env(&Config::load(os), &b(&root)).unwrap_err(),
            "goxide: unknown environment setting GO111MODULE=bad"
        );
        let _ = std::fs::remove_dir_all(root);
    }
}
