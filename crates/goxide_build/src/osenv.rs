//! The process as Go's `os` and `os/exec` packages see it: a byte-exact
//! snapshot of the environment ([`OsEnv`]), `os.Getwd` (which prefers a
//! `$PWD` naming the current directory), `os.UserConfigDir`,
//! `os.UserCacheDir`, `os.TempDir`, and `exec.LookPath`.
//!
//! Everything takes an [`OsEnv`] instead of reading the process
//! environment, so configuration can be computed for a test environment.
//! Errors are Go's texts. Unix only (goxide targets Linux).

use std::collections::HashMap;
use std::ffi::OsStr;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use crate::filepath;

/// A snapshot of environment variables, as bytes. An unset variable and
/// an empty one read the same (`os.Getenv` semantics).
#[derive(Clone, Debug, Default)]
pub struct OsEnv {
    vars: HashMap<Vec<u8>, Vec<u8>>,
}

impl OsEnv {
    /// The current process environment.
    pub fn from_process() -> OsEnv {
        OsEnv::from_pairs(std::env::vars_os().map(|(k, v)| (k.into_vec(), v.into_vec())))
    }

    /// An environment from `(name, value)` pairs; later pairs win.
    pub fn from_pairs<K: Into<Vec<u8>>, V: Into<Vec<u8>>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> OsEnv {
        OsEnv {
            vars: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// `os.Getenv`: the value, or empty when unset.
    pub fn get(&self, name: &str) -> &[u8] {
        self.vars.get(name.as_bytes()).map_or(&[], |v| v.as_slice())
    }

    /// Sets a variable (for tests and for `-C` style adjustments).
    pub fn set(&mut self, name: &str, value: &[u8]) {
        self.vars.insert(name.as_bytes().to_vec(), value.to_vec());
    }
}

/// Converts bytes to a `Path`.
pub fn path(bytes: &[u8]) -> &Path {
    Path::new(OsStr::from_bytes(bytes))
}

/// `os.UserConfigDir` on Unix: `$XDG_CONFIG_HOME` (absolute) or `$HOME/.config`.
pub fn user_config_dir(env: &OsEnv) -> Result<Vec<u8>, String> {
    xdg_dir(env, "XDG_CONFIG_HOME", b"/.config")
}

/// `os.UserCacheDir` on Unix: `$XDG_CACHE_HOME` (absolute) or `$HOME/.cache`.
pub fn user_cache_dir(env: &OsEnv) -> Result<Vec<u8>, String> {
    xdg_dir(env, "XDG_CACHE_HOME", b"/.cache")
}

fn xdg_dir(env: &OsEnv, var: &str, home_suffix: &[u8]) -> Result<Vec<u8>, String> {
    let dir = env.get(var);
    if dir.is_empty() {
        let home = env.get("HOME");
        if home.is_empty() {
            return Err(format!("neither ${var} nor $HOME are defined"));
        }
        let mut d = home.to_vec();
        d.extend_from_slice(home_suffix);
        return Ok(d);
    }
    if !filepath::is_abs(dir) {
        return Err(format!("path in ${var} is relative"));
    }
    Ok(dir.to_vec())
}

/// `os.TempDir` on Unix: `$TMPDIR`, else `/tmp`.
pub fn temp_dir(env: &OsEnv) -> Vec<u8> {
    let dir = env.get("TMPDIR");
    if dir.is_empty() {
        b"/tmp".to_vec()
    } else {
        dir.to_vec()
    }
}

/// `os.Getwd`: `$PWD` when it is absolute and names the same directory as
/// `.`, else the kernel's answer.
pub fn getwd(env: &OsEnv) -> std::io::Result<Vec<u8>> {
    let pwd = env.get("PWD");
    if filepath::is_abs(pwd)
        && let (Ok(dot), Ok(d)) = (std::fs::metadata("."), std::fs::metadata(path(pwd)))
        && dot.dev() == d.dev()
        && dot.ino() == d.ino()
    {
        return Ok(pwd.to_vec());
    }
    Ok(std::env::current_dir()?.into_os_string().into_vec())
}

fn is_executable(p: &[u8]) -> bool {
    match std::fs::metadata(path(p)) {
        Ok(m) => !m.is_dir() && m.permissions().mode() & 0o111 != 0,
        Err(_) => false,
    }
}

/// `exec.LookPath` (as cached by `cmd/internal/pathcache`): the path of
/// the executable `file`, searched in `$PATH` unless it contains a `/`.
/// Like Go, a match in a relative `$PATH` entry is still returned (Go
/// returns it together with `exec.ErrDot`).
pub fn look_path(env: &OsEnv, file: &[u8]) -> Option<Vec<u8>> {
    if file.is_empty() {
        return None;
    }
    if file.contains(&b'/') {
        return is_executable(file).then(|| file.to_vec());
    }
    for dir in filepath::split_list(env.get("PATH")) {
        let dir = if dir.is_empty() { b".".to_vec() } else { dir };
        let candidate = filepath::join(&[&dir, file]);
        if is_executable(&candidate) {
            return Some(candidate);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_dirs_follow_go() {
        let env = OsEnv::from_pairs([("HOME", "/h")]);
        assert_eq!(user_config_dir(&env).unwrap(), b"/h/.config");
        assert_eq!(user_cache_dir(&env).unwrap(), b"/h/.cache");
        let env = OsEnv::from_pairs([("HOME", "/h"), ("XDG_CACHE_HOME", "rel")]);
        assert_eq!(
            user_cache_dir(&env).unwrap_err(),
            "path in $XDG_CACHE_HOME is relative"
        );
        let env = OsEnv::default();
        assert_eq!(
            user_config_dir(&env).unwrap_err(),
            "neither $XDG_CONFIG_HOME nor $HOME are defined"
        );
        assert_eq!(temp_dir(&env), b"/tmp");
    }
}
