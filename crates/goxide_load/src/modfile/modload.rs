//! How cmd/go reads go.mod and go.work and what it checks on the way: the
//! reading half of `src/cmd/go/internal/modload` (`ReadModFile`,
//! `ReadWorkFile`, `LoadWorkFile`, `CheckReservedModulePath`,
//! `fixVersion`, the module-path check of `loadModFile`).
//!
//! The pieces, with the texts cmd/go prints after `go: `:
//! - [`read_mod_file`]: parse strictly; on failure, a lax parse that shows
//!   a too-new go line turns the failure into `go.mod requires go >= 1.99
//!   (running go 1.27.3; GOTOOLCHAIN=local)`, else `errors parsing
//!   go.mod:\n<errors>` with each error's file name shortened; then the
//!   too-new check, `error reading go.mod: missing module declaration...`
//!   and `error reading go.mod: invalid module path: "go"`.
//! - [`check_main_module_path`]: `malformed module path "a b": invalid char ' '`.
//! - [`read_work_file`] and [`work_module_roots`]: the go.work side.
//! - [`fix_version`]: cmd/go's version fixer up to the point where it
//!   would query a module proxy, which the caller supplies.
//!
//! Paths: cmd/go parses with the absolute go.mod path (which shows inside
//! some messages, e.g. `unterminated block started at /abs/go.mod:2:1`)
//! and prints `base.ShortPath` of it in headers and positions; callers
//! pass both.
//!
//! Invariants: no file system access (callers read the files); nothing
//! panics.

use std::fmt;

use super::filepath;
use super::gover::{self, Local, TooNewError};
use super::rule::{ErrorList, File, VersionFixer, parse, parse_lax};
use super::strconv::quote;
use super::work::{WorkFile, parse_work};
use crate::module::{self, InvalidPathError, ModuleError, PathKind};

/// Why a go.mod could not be used (`ReadModFile`'s errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadModFileError {
    /// `errors parsing <display>:\n<errors>`.
    Parse { display: String, errors: ErrorList },
    /// The go line needs a newer Go.
    TooNew(Box<TooNewError>),
    /// `error reading <display>: missing module declaration. ...`.
    MissingModule { display: String },
    /// `error reading <display>: invalid module path: "go"` (the paths
    /// `go` and `toolchain` are reserved).
    ReservedModulePath { display: String, path: String },
}

impl fmt::Display for ReadModFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadModFileError::Parse { display, errors } => {
                write!(f, "errors parsing {display}:\n{errors}")
            }
            ReadModFileError::TooNew(e) => e.fmt(f),
            ReadModFileError::MissingModule { display } => write!(
                f,
                "error reading {display}: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod"
            ),
            ReadModFileError::ReservedModulePath { display, path } => {
                write!(
                    f,
                    "error reading {display}: invalid module path: {}",
                    quote(path)
                )
            }
        }
    }
}

impl std::error::Error for ReadModFileError {}

/// Reads a main module's go.mod as cmd/go does (`modload.ReadModFile`).
/// `gomod` is the path given to the parser (cmd/go: absolute), `display`
/// the path printed (`base.ShortPath(gomod)`); `fix` as for
/// [`super::parse`] (cmd/go passes [`fix_version`]'s fixer).
pub fn read_mod_file(
    gomod: &str,
    display: &str,
    data: &[u8],
    mut fix: Option<&mut VersionFixer<'_>>,
    local: &Local,
) -> Result<File, ReadModFileError> {
    let too_new = |f: &File| -> Option<TooNewError> {
        let go = f.go.as_ref()?;
        if gover::compare(&go.version, &local.version) != std::cmp::Ordering::Greater {
            return None;
        }
        let toolchain = f.toolchain.as_ref().map_or("", |t| t.name.as_str());
        Some(local.too_new(display, &go.version, toolchain))
    };
    let f = match parse(gomod, data, fix.as_deref_mut()) {
        Ok(f) => f,
        Err(mut errors) => {
            if let Ok(lax) = parse_lax(gomod, data, fix)
                && let Some(e) = too_new(&lax)
            {
                return Err(ReadModFileError::TooNew(Box::new(e)));
            }
            for e in &mut errors.0 {
                e.filename = display.to_string();
            }
            return Err(ReadModFileError::Parse {
                display: display.to_string(),
                errors,
            });
        }
    };
    if let Some(e) = too_new(&f) {
        return Err(ReadModFileError::TooNew(Box::new(e)));
    }
    match &f.module {
        None => Err(ReadModFileError::MissingModule {
            display: display.to_string(),
        }),
        Some(m) if gover::is_toolchain(&m.path) => Err(ReadModFileError::ReservedModulePath {
            display: display.to_string(),
            path: m.path.clone(),
        }),
        Some(_) => Ok(f),
    }
}

/// `modload.CheckReservedModulePath`: `go` and `toolchain` are not module
/// paths a user may declare.
pub fn check_reserved_module_path(path: &str) -> Result<(), String> {
    if gover::is_toolchain(path) {
        Err("module path is reserved".into())
    } else {
        Ok(())
    }
}

/// The check cmd/go applies to a main module's path after reading its
/// go.mod: [`module::check_import_path`], reported as a module path
/// (`malformed module path "a b": invalid char ' '`).
pub fn check_main_module_path(path: &str) -> Result<(), InvalidPathError> {
    module::check_import_path(path).map_err(|e| InvalidPathError {
        kind: PathKind::Module,
        ..e
    })
}

/// Why a go.work could not be used (`ReadWorkFile`'s errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadWorkFileError {
    /// `errors parsing go.work:\n<errors>` (always the word `go.work`).
    Parse(ErrorList),
    /// The go line needs a newer Go (cmd/go makes this fatal except in
    /// `go work edit`).
    TooNew(Box<TooNewError>),
}

impl fmt::Display for ReadWorkFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadWorkFileError::Parse(errors) => write!(f, "errors parsing go.work:\n{errors}"),
            ReadWorkFileError::TooNew(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadWorkFileError {}

/// Reads a go.work as cmd/go does (`modload.ReadWorkFile`): parsed under
/// its display path (`base.ShortPath`), which is also the file name in
/// its errors; `check_too_new` is false only for `go work edit`.
pub fn read_work_file(
    display: &str,
    data: &[u8],
    local: &Local,
    check_too_new: bool,
) -> Result<WorkFile, ReadWorkFileError> {
    let f = parse_work(display, data, None).map_err(ReadWorkFileError::Parse)?;
    if check_too_new
        && let Some(go) = &f.go
        && gover::compare(&go.version, &local.version) == std::cmp::Ordering::Greater
    {
        return Err(ReadWorkFileError::TooNew(Box::new(local.too_new(
            display,
            &go.version,
            "",
        ))));
    }
    Ok(f)
}

/// The module roots a go.work uses, absolute (the `use` half of
/// `modload.LoadWorkFile`): each `use` directory joined to `work_dir`
/// unless absolute; a repeat is `error loading go.work:\n<display>:<line>:
/// path <root> appears multiple times in workspace`.
pub fn work_module_roots(
    wf: &WorkFile,
    work_dir: &str,
    display: &str,
) -> Result<Vec<String>, String> {
    let mut roots: Vec<String> = Vec::new();
    for u in &wf.uses {
        let root = if filepath::is_abs(&u.path) {
            u.path.clone()
        } else {
            filepath::join(&[work_dir, &u.path])
        };
        if roots.contains(&root) {
            let line = wf.syntax.line(u.syntax).start.line;
            return Err(format!(
                "error loading go.work:\n{display}:{line}: path {root} appears multiple times in workspace"
            ));
        }
        roots.push(root);
    }
    Ok(roots)
}

/// cmd/go's version fixer (`modload.fixVersion`) for `path` at `vers`:
/// strips the old `-gopkgin-` prefix of gopkg.in versions, rejects a
/// malformed module path, accepts a canonical version matching the path's
/// major version, and otherwise asks `query` (cmd/go's module query,
/// e.g. `module lookup disabled by GOPROXY=off`) for the version.
pub fn fix_version(
    path: &str,
    vers: &str,
    query: &mut dyn FnMut(&str, &str) -> Result<String, module::Error>,
) -> Result<String, module::Error> {
    let mut vers = vers;
    if path.starts_with("gopkg.in/")
        && let Some(i) = vers.find("-gopkgin-")
    {
        vers = &vers[i + "-gopkgin-".len()..];
    }
    let Some((_, path_major)) = module::split_path_version(path) else {
        return Err(module::Error::Module(ModuleError {
            path: path.to_string(),
            version: String::new(),
            err: Box::new(module::Error::Version(module::InvalidVersionError::new(
                vers,
                format!("malformed module path {}", quote(path)),
            ))),
        }));
    };
    if !vers.is_empty() && module::canonical_version(vers) == vers {
        if let Err(e) = module::check_path_major(vers, path_major) {
            return Err(module::version_error(
                &module::Version::new(path, vers),
                module::Error::Version(e),
            ));
        }
        return Ok(vers.to_string());
    }
    query(path, vers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modfile::gover::Startup;

    fn local() -> Local {
        Local {
            version: "1.27.3".into(),
            startup: Startup {
                gotoolchain: "local".into(),
                ..Default::default()
            },
        }
    }

    fn read(data: &str) -> Result<File, String> {
        read_mod_file("/work/m/go.mod", "go.mod", data.as_bytes(), None, &local())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn reading_go_mod() {
        assert!(read("module m\ngo 1.27\n").is_ok());
        assert_eq!(
            read("module m\ngo 1.99\n").unwrap_err(),
            "go.mod requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=local)"
        );
        assert_eq!(
            read("module m\ngo 1.99\nfuture directive\n").unwrap_err(),
            "go.mod requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=local)",
            "a lax parse explains errors from a newer go.mod"
        );
        assert_eq!(
            read("module m\ngo 1.21\nfoo\n").unwrap_err(),
            "errors parsing go.mod:\ngo.mod:3: unknown directive: foo"
        );
        assert_eq!(
            read("module m\nrequire (\n").unwrap_err(),
            "errors parsing go.mod:\ngo.mod:3: syntax error (unterminated block started at /work/m/go.mod:2:1)",
            "positions are shortened, message texts keep the parser's file name"
        );
        assert_eq!(
            read("go 1.21\n").unwrap_err(),
            "error reading go.mod: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod"
        );
        assert_eq!(
            read("module toolchain\n").unwrap_err(),
            r#"error reading go.mod: invalid module path: "toolchain""#
        );
        assert_eq!(
            check_main_module_path("a b").unwrap_err().to_string(),
            r#"malformed module path "a b": invalid char ' '"#
        );
        assert!(
            check_main_module_path("m").is_ok(),
            "a main module needs no dot"
        );
        assert!(
            check_reserved_module_path("go").is_err()
                && check_reserved_module_path("golang.org/toolchain").is_ok()
        );
    }

    #[test]
    fn reading_go_work() {
        let wf = read_work_file(
            "go.work",
            b"go 1.22\nuse ./a\nuse /abs/b\nuse a/\n",
            &local(),
            true,
        )
        .unwrap();
        assert_eq!(
            work_module_roots(&wf, "/w", "go.work").unwrap_err(),
            "error loading go.work:\ngo.work:4: path /w/a appears multiple times in workspace"
        );
        let e = read_work_file("go.work", b"go 1.99\n", &local(), true).unwrap_err();
        assert_eq!(
            e.to_string(),
            "go.work requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=local)"
        );
        assert!(
            read_work_file("go.work", b"go 1.99\n", &local(), false).is_ok(),
            "go work edit skips the check"
        );
        let e = read_work_file("go.work", b"go 1.22\nuse\n", &local(), true).unwrap_err();
        assert_eq!(
            e.to_string(),
            "errors parsing go.work:\ngo.work:2: usage: use local/dir"
        );
    }

    #[test]
    fn fixing_versions() {
        let mut offline = |_: &str, _: &str| -> Result<String, module::Error> {
            Err(module::Error::Other(
                "module lookup disabled by GOPROXY=off".into(),
            ))
        };
        assert_eq!(
            fix_version("x.y/z", "v1.2.3", &mut offline).unwrap(),
            "v1.2.3"
        );
        assert_eq!(
            fix_version("gopkg.in/yaml.v2", "v2.0.0-gopkgin-v2.1.0", &mut offline).unwrap(),
            "v2.1.0"
        );
        assert_eq!(
            fix_version("x.y/z", "v1.2", &mut offline)
                .unwrap_err()
                .to_string(),
            "module lookup disabled by GOPROXY=off"
        );
        assert_eq!(
            fix_version("x.y/z/v2", "v1.0.0", &mut offline)
                .unwrap_err()
                .to_string(),
            "x.y/z/v2@v1.0.0: invalid version: should be v2, not v1"
        );
        assert_eq!(
            fix_version("x.y/z/v1", "v1.0.0", &mut offline)
                .unwrap_err()
                .to_string(),
            r#"x.y/z/v1@v1.0.0: invalid version: malformed module path "x.y/z/v1""#
        );
    }
}
