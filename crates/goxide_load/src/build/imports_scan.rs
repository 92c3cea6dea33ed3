//! cmd/go's tag-set import scan (`cmd/go/internal/imports`): the imports of
//! a directory's Go files under a set of tags, where the tag `*` stands for
//! "any tag" — what `go mod tidy`, `go mod vendor` and `all` use to see
//! every import a module could need, whatever the build configuration.
//!
//! Ported from `scan.go` (`ScanDir`, `ScanFiles`), `build.go` (`ShouldBuild`,
//! `MatchFile`, `matchTag`, `eval`) and `read.go` (`ReadImports`) of Go
//! 1.27.3. Differences from go/build kept as Go has them: with `*` every
//! tag but `ignore` matches in the polarity that keeps the file (a negated
//! tag is evaluated with the opposite preference, so `!linux` holds too);
//! tags must be made of letters, digits, `_` and `.`; `unix` holds when the
//! context's GOOS is a Unix; a file importing "C" is skipped unless `cgo`
//! or `*` is set; a header error or a bad `//go:build` line means the file
//! is not built; file names only (no `_GOOS` check) for explicit files;
//! import paths are the raw literals the byte reader saw, unquoted, the
//! ones that fail to unquote dropped; a NUL byte even after a syntax error
//! is a read error that fails the whole scan.
//!
//! Invariant: files are read only through their imports (or wholly after a
//! syntax error), never parsed.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use goxide_syntax::constraint;

use super::context::{Context, UNIX_OS, is_known_arch, is_known_os};
use super::fs_error::path_error;
use super::quoted::unquote;
use super::read::read_imports;

/// A tag set for the scan (`map[string]bool` in cmd/go), and the GOOS that
/// decides `unix`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportTags {
    pub tags: BTreeSet<String>,
    pub goos: String,
}

impl ImportTags {
    /// `imports.Tags()`: GOOS, GOARCH, the compiler, `cgo` if enabled, and
    /// the build, tool and release tags of the context.
    pub fn for_context(ctx: &Context) -> ImportTags {
        let mut tags: BTreeSet<String> = [&ctx.goos, &ctx.goarch, &ctx.compiler]
            .into_iter()
            .cloned()
            .collect();
        if ctx.cgo_enabled {
            tags.insert("cgo".into());
        }
        tags.extend(ctx.build_tags.iter().cloned());
        tags.extend(ctx.tool_tags.iter().cloned());
        tags.extend(ctx.release_tags.iter().cloned());
        ImportTags {
            tags,
            goos: ctx.goos.clone(),
        }
    }

    /// `imports.AnyTags()`: `{"*"}`.
    pub fn any(goos: &str) -> ImportTags {
        ImportTags {
            tags: BTreeSet::from(["*".to_string()]),
            goos: goos.to_string(),
        }
    }

    fn has(&self, tag: &str) -> bool {
        self.tags.contains(tag)
    }

    /// `matchTag(name, tags, prefer)`.
    pub fn match_tag(&self, name: &str, prefer: bool) -> bool {
        if !constraint::tag_chars_valid(name) {
            return false;
        }
        if self.has("*") && !name.is_empty() && name != "ignore" {
            return prefer;
        }
        if self.has(name) {
            return true;
        }
        match name {
            "linux" => self.has("android"),
            "solaris" => self.has("illumos"),
            "darwin" => self.has("ios"),
            "unix" => UNIX_OS.contains(&self.goos.as_str()),
            _ => false,
        }
    }

    /// `imports.MatchFile`: the file name's `_GOOS`/`_GOARCH` suffixes
    /// under these tags (everything matches with `*`).
    pub fn match_file(&self, name: &str) -> bool {
        if self.has("*") {
            return true;
        }
        let name = name.split_once('.').map_or(name, |(n, _)| n);
        let Some(i) = name.find('_') else {
            return true;
        };
        let mut l: Vec<&str> = name[i..].split('_').collect();
        if l.last() == Some(&"test") {
            l.pop();
        }
        let n = l.len();
        if n >= 2 && is_known_os(l[n - 2]) && is_known_arch(l[n - 1]) {
            return self.match_tag(l[n - 2], true) && self.match_tag(l[n - 1], true);
        }
        if n >= 1 && (is_known_os(l[n - 1]) || is_known_arch(l[n - 1])) {
            return self.match_tag(l[n - 1], true);
        }
        true
    }

    /// `imports.ShouldBuild`: the header's constraints under these tags; a
    /// header error or a bad `//go:build` line is false.
    pub fn should_build(&self, content: &[u8]) -> bool {
        match constraint::parse_header(content) {
            Ok(h) => {
                h.should_build_prefer(&mut |tag: &str, prefer: bool| self.match_tag(tag, prefer))
            }
            Err(_) => false,
        }
    }
}

/// Why a scan failed; `Display` is cmd/go's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanError {
    /// `imports.ErrNoGo`: "no Go source files".
    NoGo,
    /// A directory or file that could not be read.
    Other(String),
}

impl std::fmt::Display for ScanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScanError::NoGo => f.write_str("no Go source files"),
            ScanError::Other(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for ScanError {}

/// `imports.ScanDir`: the sorted imports and test imports of the Go files
/// in `dir` that these tags select (regular files, or symlinks to them;
/// no `_x` or `.x` names).
pub fn scan_dir(dir: &Path, tags: &ImportTags) -> Result<(Vec<String>, Vec<String>), ScanError> {
    let shown = dir.to_string_lossy();
    let rd = fs::read_dir(dir).map_err(|e| ScanError::Other(path_error("open", &shown, &e)))?;
    let mut names: Vec<(std::ffi::OsString, fs::FileType)> = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| ScanError::Other(path_error("readdirent", &shown, &e)))?;
        let Ok(t) = entry.file_type() else { continue };
        names.push((entry.file_name(), t));
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    let mut files = Vec::new();
    for (name, t) in names {
        let path = dir.join(&name);
        let regular = if t.is_symlink() {
            match fs::metadata(&path) {
                Ok(m) => m.is_file(),
                Err(_) => continue, // a broken symlink
            }
        } else {
            t.is_file()
        };
        let name = name.to_string_lossy();
        if regular
            && !name.starts_with('_')
            && !name.starts_with('.')
            && name.ends_with(".go")
            && tags.match_file(&name)
        {
            files.push(path);
        }
    }
    scan(&files, tags, false)
}

/// `imports.ScanFiles`: like [`scan_dir`] over the given files, which are
/// used whatever their constraints say (but not if they import "C"
/// without `cgo`).
pub fn scan_files(
    files: &[impl AsRef<Path>],
    tags: &ImportTags,
) -> Result<(Vec<String>, Vec<String>), ScanError> {
    scan(files, tags, true)
}

fn scan(
    files: &[impl AsRef<Path>],
    tags: &ImportTags,
    explicit: bool,
) -> Result<(Vec<String>, Vec<String>), ScanError> {
    let mut imports = BTreeSet::new();
    let mut test_imports = BTreeSet::new();
    let mut n = 0;
    let mut buf = Vec::new();
    'files: for name in files {
        let name = name.as_ref();
        let shown = name.to_string_lossy();
        let file =
            fs::File::open(name).map_err(|e| ScanError::Other(path_error("open", &shown, &e)))?;
        let (header_len, list) = read_imports(file, &mut buf)
            .map_err(|e| ScanError::Other(format!("reading {shown}: {}", e.text())))?;
        for lit in &list {
            if lit == b"\"C\"" && !tags.has("cgo") && !tags.has("*") {
                continue 'files;
            }
        }
        if !explicit && !tags.should_build(&buf[..header_len]) {
            continue;
        }
        n += 1;
        let m = if shown.ends_with("_test.go") {
            &mut test_imports
        } else {
            &mut imports
        };
        for lit in list {
            if let Some(q) = unquote(&lit) {
                m.insert(String::from_utf8_lossy(&q).into_owned());
            }
        }
    }
    if n == 0 {
        return Err(ScanError::NoGo);
    }
    Ok((
        imports.into_iter().collect(),
        test_imports.into_iter().collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> ImportTags {
        ImportTags {
            tags: list.iter().map(|s| s.to_string()).collect(),
            goos: "linux".into(),
        }
    }

    #[test]
    fn star_matches_both_polarities() {
        let any = ImportTags::any("linux");
        assert!(any.should_build(b"//go:build linux\n\npackage p\n"));
        assert!(any.should_build(b"//go:build !linux\n\npackage p\n"));
        assert!(!any.should_build(b"//go:build ignore\n\npackage p\n"));
        // Each tag is read in the polarity that keeps the file.
        assert!(any.should_build(b"//go:build linux && !linux\n\npackage p\n"));
        assert!(!any.should_build(b"//go:build (\n\npackage p\n"));
        assert!(any.match_file("x_windows_arm64.go"));
    }

    #[test]
    fn explicit_tags() {
        let t = tags(&["linux", "amd64", "android"]);
        assert!(t.match_file("x_linux_amd64.go") && !t.match_file("x_darwin.go"));
        assert!(t.match_tag("unix", true) && !tags(&[]).match_tag("bad-tag", true));
        let t = ImportTags {
            tags: BTreeSet::from(["ios".to_string()]),
            goos: "ios".into(),
        };
        assert!(t.match_tag("darwin", true) && t.match_file("x_darwin.go"));
    }
}
