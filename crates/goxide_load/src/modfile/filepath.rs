//! Go's `path/filepath` on Unix — `Clean`, `Join`, `Dir`, `IsAbs`, `Rel`
//! — as string functions, for the paths cmd/go computes and prints while
//! checking go.work and vendor/modules.txt (replacement directories made
//! relative to the workspace, module roots joined to the go.work
//! directory).
//!
//! Algorithm: `Clean` is Rob Pike's lexical cleaning as in Go (collapse
//! `//`, drop `.`, resolve `..` against a preceding element, `..` at the
//! root is dropped, empty becomes `.`); `Rel` works on cleaned paths
//! element by element like Go's.
//!
//! Invariants: pure string processing; no file system access; total.

/// `filepath.Clean` (Unix).
pub fn clean(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let rooted = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for elem in path.split('/') {
        match elem {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|&l| l != "..") {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                }
            }
            e => out.push(e),
        }
    }
    let joined = out.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// `filepath.Join`: the non-empty elements joined with `/` and cleaned;
/// `""` when all are empty.
pub fn join(elems: &[&str]) -> String {
    let parts: Vec<&str> = elems.iter().copied().filter(|e| !e.is_empty()).collect();
    if parts.is_empty() {
        return String::new();
    }
    clean(&parts.join("/"))
}

/// `filepath.IsAbs` (Unix): rooted.
pub fn is_abs(path: &str) -> bool {
    path.starts_with('/')
}

/// `filepath.Abs` with the working directory `cwd` given: `path` cleaned
/// if rooted, else joined to `cwd` (what the OS resolves `path` to).
pub fn abs_from(cwd: &str, path: &str) -> String {
    if is_abs(path) {
        clean(path)
    } else {
        join(&[cwd, path])
    }
}

/// `filepath.Dir`: all but the last element, cleaned.
pub fn dir(path: &str) -> String {
    let i = path.rfind('/').map_or(0, |i| i + 1);
    clean(&path[..i])
}

/// `filepath.Rel`: a relative path from `base` to `targ`, or `None` when
/// there is none (one absolute and one relative, or `base` needs
/// unknowable `..` elements).
pub fn rel(base: &str, targ: &str) -> Option<String> {
    let base = clean(base);
    let targ = clean(targ);
    if targ == base {
        return Some(".".into());
    }
    let base = if base == "." { String::new() } else { base };
    if is_abs(&base) != is_abs(&targ) {
        return None;
    }
    let b: Vec<&str> = base.split('/').filter(|e| !e.is_empty()).collect();
    let t: Vec<&str> = targ.split('/').filter(|e| !e.is_empty()).collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    if b[common..].contains(&"..") {
        return None;
    }
    let mut parts: Vec<&str> = vec![".."; b.len() - common];
    parts.extend(&t[common..]);
    if parts.is_empty() {
        return Some(".".into());
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abs_from_keeps_rooted_paths() {
        assert_eq!(abs_from("/tmp", "/tmp/a/b.go"), "/tmp/a/b.go");
        assert_eq!(abs_from("/tmp", "a/../b.go"), "/tmp/b.go");
        assert_eq!(abs_from("/", "/x//y/"), "/x/y");
    }

    #[test]
    fn clean_like_go() {
        for (p, want) in [
            ("", "."),
            ("abc", "abc"),
            ("abc/def/", "abc/def"),
            ("a//b", "a/b"),
            ("./a/./b/.", "a/b"),
            ("a/../..", ".."),
            ("/../a", "/a"),
            ("/", "/"),
            ("a/b/../../..", ".."),
            ("../../a/..", "../.."),
        ] {
            assert_eq!(clean(p), want, "clean({p:?})");
        }
        assert_eq!(join(&["a", "", "b/"]), "a/b");
        assert_eq!(join(&["", ""]), "");
        assert_eq!(dir("/a/b/go.mod"), "/a/b");
        assert_eq!(dir("go.mod"), ".");
    }

    #[test]
    fn rel_like_go() {
        for (b, t, want) in [
            ("/a/b", "/a/b/c", Some("c")),
            ("/a/b", "/a/c", Some("../c")),
            ("/a/b/c", "/a", Some("../..")),
            ("/", "/a", Some("a")),
            ("a", "a", Some(".")),
            ("a", "/a", None),
            ("../a", "b", None),
            (".", "a/b", Some("a/b")),
            ("a", ".", Some("../.")),
        ] {
            assert_eq!(rel(b, t).as_deref(), want, "rel({b:?}, {t:?})");
        }
    }
}
