//! Path algebra the loader needs, on Unix paths held as `&str`: Go's
//! `path/filepath` (`Clean`, `Join`, `Abs`, `Dir`, `Rel` from
//! `crate::modfile::filepath`; `Base` here), `cmd/go/internal/str`
//! (`HasFilePathPrefix`, `TrimFilePathPrefix`, `HasPathPrefix`),
//! `search.InDir` and `base.ShortPath`.
//!
//! All lexical (no file system access) except [`in_dir`], which resolves
//! symbolic links as Go's does, and [`short_path`], which checks that the
//! shortened name names the same file. Every function is total: no input
//! panics.

use std::path::Path;

pub use crate::modfile::filepath::{abs_from, clean, dir, is_abs, join, rel};

/// `filepath.Base`.
pub fn base(path: &str) -> &str {
    if path.is_empty() {
        return ".";
    }
    let p = path.trim_end_matches('/');
    if p.is_empty() {
        return "/";
    }
    match p.rfind('/') {
        Some(i) => &p[i + 1..],
        None => p,
    }
}

/// `str.HasFilePathPrefix`: `s` is `prefix` or inside it.
pub fn has_file_path_prefix(s: &str, prefix: &str) -> bool {
    if prefix.is_empty() {
        return true;
    }
    if s.len() < prefix.len() || !s.starts_with(prefix) {
        return false;
    }
    if s.len() == prefix.len() || prefix.ends_with('/') {
        return true;
    }
    s.as_bytes()[prefix.len()] == b'/'
}

/// `str.TrimFilePathPrefix`: `s` relative to `prefix` (without a leading
/// separator), or `s` itself when `prefix` is not a prefix.
pub fn trim_file_path_prefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    if prefix.is_empty() {
        return s;
    }
    if !has_file_path_prefix(s, prefix) {
        return s;
    }
    let rest = &s[prefix.len()..];
    rest.strip_prefix('/').unwrap_or(rest)
}

/// `str.HasPathPrefix` for slash-separated import paths.
pub fn has_path_prefix(s: &str, prefix: &str) -> bool {
    if s.len() == prefix.len() {
        return s == prefix;
    }
    if s.len() > prefix.len() {
        if prefix.ends_with('/') {
            return s.starts_with(prefix);
        }
        return s.as_bytes()[prefix.len()] == b'/' && s.starts_with(prefix);
    }
    false
}

/// `str.WithFilePathSeparator`.
pub fn with_file_path_separator(s: &str) -> String {
    if s.is_empty() || s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    }
}

/// `filepath.EvalSymlinks`, as a string (None when it fails).
pub fn eval_symlinks(path: &str) -> Option<String> {
    std::fs::canonicalize(path)
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}

/// `search.InDir`: `path` relative to `dir` if it is inside it (`.` for
/// the directory itself), trying symbolic-link-resolved spellings too;
/// `None` if not inside.
pub fn in_dir(path: &str, dir: &str) -> Option<String> {
    let lex = |path: &str, dir: &str| -> Option<String> {
        if dir.is_empty() {
            return Some(path.to_string());
        }
        if !has_file_path_prefix(path, dir) {
            return None;
        }
        let rel = trim_file_path_prefix(path, dir);
        if rel.is_empty() {
            return Some(".".to_string());
        }
        Some(rel.to_string())
    };
    if let Some(r) = lex(path, dir) {
        return Some(r);
    }
    let xpath = eval_symlinks(path).filter(|x| x != path);
    if let Some(x) = &xpath
        && let Some(r) = lex(x, dir)
    {
        return Some(r);
    }
    if let Some(xdir) = eval_symlinks(dir).filter(|x| x != dir) {
        if let Some(r) = lex(path, &xdir) {
            return Some(r);
        }
        if let Some(x) = &xpath
            && let Some(r) = lex(x, &xdir)
        {
            return Some(r);
        }
    }
    None
}

/// `base.ShortPath`: `path` relative to `cwd` when that is shorter and
/// names the same file.
pub fn short_path(cwd: &str, path: &str) -> String {
    if let Some(r) = rel(cwd, path)
        && r.len() < path.len()
        && same_file(&join(&[cwd, &r]), path)
    {
        return r;
    }
    path.to_string()
}

fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => {
            use std::os::unix::fs::MetadataExt;
            x.dev() == y.dev() && x.ino() == y.ino()
        }
        (Err(e1), Err(e2)) => {
            e1.kind() == std::io::ErrorKind::NotFound && e2.kind() == std::io::ErrorKind::NotFound
        }
        _ => false,
    }
}

/// Whether `path` is an existing directory (following symbolic links).
pub fn is_dir(path: &str) -> bool {
    Path::new(path).is_dir()
}

/// Whether `path` exists and is not a directory.
pub fn is_file(path: &str) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_dir())
}

/// The text Go's `syscall.Errno` prints for an I/O error (`no such file
/// or directory`, ...).
pub fn errno_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        NotADirectory => "not a directory".into(),
        IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_and_join() {
        assert_eq!(clean("a/b/../c/./d/"), "a/c/d");
        assert_eq!(clean("/../a"), "/a");
        assert_eq!(clean("../../a"), "../../a");
        assert_eq!(clean(""), ".");
        assert_eq!(clean("a/.."), ".");
        assert_eq!(join(&["/a", "", "b/../c"]), "/a/c");
        assert_eq!(dir("/a/b"), "/a");
        assert_eq!(dir("a"), ".");
        assert_eq!(base("/a/b/"), "b");
    }

    #[test]
    fn rel_paths() {
        assert_eq!(rel("/a/b", "/a/b/c/d").as_deref(), Some("c/d"));
        assert_eq!(rel("/a/b", "/a/x").as_deref(), Some("../x"));
        assert_eq!(rel("/a/b", "/a/b").as_deref(), Some("."));
        assert_eq!(rel("/", "/a").as_deref(), Some("a"));
        assert_eq!(rel("a", "/a"), None);
    }

    #[test]
    fn prefixes() {
        assert!(has_file_path_prefix("/a/b", "/a"));
        assert!(!has_file_path_prefix("/ab", "/a"));
        assert!(has_file_path_prefix("/a", "/a"));
        assert!(has_file_path_prefix("/a/b", "/"));
        assert_eq!(trim_file_path_prefix("/a/b/c", "/a"), "b/c");
        assert_eq!(trim_file_path_prefix("/a", "/a"), "");
        assert!(has_path_prefix("cmd/go", "cmd"));
        assert!(!has_path_prefix("cmdx", "cmd"));
        assert_eq!(in_dir("/x/y/z", "/x").as_deref(), Some("y/z"));
        assert_eq!(in_dir("/x", "/x").as_deref(), Some("."));
    }
}
