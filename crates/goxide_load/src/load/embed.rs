//! `//go:embed` patterns to files: cmd/go's `load.resolveEmbed` (pkg.go)
//! with `path.Match` syntax, `filepath.Glob` over the package directory,
//! `fs.ValidPath` and `module.CheckFilePath` (`crate::module`).
//!
//! For each pattern (`all:` prefix allowed): check its syntax, glob it
//! under the package directory, and for each match reject files in other
//! modules (a `go.mod` on the way), in non-directories, or with names a
//! module cannot hold; a directory contributes its tree minus `.`/`_`
//! names (unless `all:`), minus nested modules. Errors are go's
//! `EmbedError` texts (`pattern P: ...`). The result is sorted and
//! deduplicated, plus the per-pattern lists the compiler needs.

use std::collections::HashMap;

use super::fspath;

/// An error resolving one pattern (`EmbedError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedError {
    pub pattern: String,
    pub err: String,
}

impl std::fmt::Display for EmbedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "pattern {}: {}", self.pattern, self.err)
    }
}

/// The files of the patterns, and the files of each pattern.
pub type Embedded = (Vec<String>, Vec<(String, Vec<String>)>);

/// `resolveEmbed(pkgdir, patterns)`.
pub fn resolve_embed(pkgdir: &str, patterns: &[String]) -> Result<Embedded, EmbedError> {
    let mut have: HashMap<String, usize> = HashMap::new();
    let mut dir_ok: HashMap<String, bool> = HashMap::new();
    let mut pmap = Vec::new();
    for (pid, pattern) in patterns.iter().enumerate() {
        let pid = pid + 1;
        let fail = |e: String| EmbedError {
            pattern: pattern.clone(),
            err: e,
        };
        let (glob, all) = match pattern.strip_prefix("all:") {
            Some(g) => (g, true),
            None => (pattern.as_str(), false),
        };
        if path_match(glob, "").is_err() || !valid_embed_pattern(glob) {
            return Err(fail("invalid pattern syntax".into()));
        }
        let matches = glob_dir(pkgdir, glob);
        let mut list = Vec::new();
        for file in matches {
            let rel = fspath::trim_file_path_prefix(&file, pkgdir).to_string();
            let info = std::fs::symlink_metadata(&file)
                .map_err(|e| fail(format!("lstat {file}: {}", super::fspath::errno_text(&e))))?;
            let what = if info.is_dir() { "directory" } else { "file" };
            let mut d = file.clone();
            while d.len() > pkgdir.len() + 1 && !dir_ok.get(&d).copied().unwrap_or(false) {
                if std::fs::metadata(fspath::join(&[&d, "go.mod"])).is_ok() {
                    return Err(fail(format!(
                        "cannot embed {what} {rel}: in different module"
                    )));
                }
                if d != file
                    && let Ok(i) = std::fs::symlink_metadata(&d)
                    && !i.is_dir()
                {
                    return Err(fail(format!(
                        "cannot embed {what} {rel}: in non-directory {}",
                        &d[pkgdir.len() + 1..]
                    )));
                }
                dir_ok.insert(d.clone(), true);
                let elem = fspath::base(&d).to_string();
                if is_bad_embed_name(&elem) {
                    return Err(fail(if d == file {
                        format!("cannot embed {what} {rel}: invalid name {elem}")
                    } else {
                        format!("cannot embed {what} {rel}: in invalid directory {elem}")
                    }));
                }
                d = fspath::dir(&d);
            }
            if info.is_file() {
                if have.get(&rel) != Some(&pid) {
                    have.insert(rel.clone(), pid);
                    list.push(rel);
                }
            } else if info.is_dir() {
                let mut count = 0;
                walk_embed_dir(&file, pkgdir, all, &mut |r: &str| {
                    count += 1;
                    if have.get(r) != Some(&pid) {
                        have.insert(r.to_string(), pid);
                        list.push(r.to_string());
                    }
                })
                .map_err(fail)?;
                if count == 0 {
                    return Err(fail(format!(
                        "cannot embed directory {rel}: contains no embeddable files"
                    )));
                }
            } else {
                return Err(fail(format!("cannot embed irregular file {rel}")));
            }
        }
        if list.is_empty() {
            return Err(fail("no matching files found".into()));
        }
        list.sort();
        pmap.push((pattern.clone(), list));
    }
    let mut files: Vec<String> = have.into_keys().collect();
    files.sort();
    Ok((files, pmap))
}

/// Walks `dir` in name order as `fs.WalkDir` does, reporting regular
/// files (relative to `pkgdir`) and skipping hidden names, bad names and
/// nested modules.
fn walk_embed_dir(
    dir: &str,
    pkgdir: &str,
    all: bool,
    add: &mut impl FnMut(&str),
) -> Result<(), String> {
    let mut entries: Vec<(String, std::fs::FileType)> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .flatten()
            .filter_map(|e| {
                Some((
                    e.file_name().to_string_lossy().into_owned(),
                    e.file_type().ok()?,
                ))
            })
            .collect(),
        Err(e) => return Err(format!("open {dir}: {}", super::fspath::errno_text(&e))),
    };
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, ft) in entries {
        let path = fspath::join(&[dir, &name]);
        let rel = fspath::trim_file_path_prefix(&path, pkgdir).to_string();
        let hidden = name.starts_with('.') || name.starts_with('_');
        if is_bad_embed_name(&name) || (hidden && !all) {
            if ft.is_dir() || hidden {
                continue;
            }
            return Err(format!("cannot embed file {rel}: invalid name {name}"));
        }
        if ft.is_dir() {
            if std::fs::metadata(fspath::join(&[&path, "go.mod"])).is_ok() {
                continue;
            }
            walk_embed_dir(&path, pkgdir, all, add)?;
            continue;
        }
        if !ft.is_file() {
            continue;
        }
        add(&rel);
    }
    Ok(())
}

fn valid_embed_pattern(p: &str) -> bool {
    p != "." && valid_path(p)
}

/// `fs.ValidPath`.
fn valid_path(name: &str) -> bool {
    if name == "." {
        return true;
    }
    name.split('/')
        .all(|e| !e.is_empty() && e != "." && e != "..")
}

/// `isBadEmbedName`: a name a module zip cannot hold, or a VCS directory.
fn is_bad_embed_name(name: &str) -> bool {
    if crate::module::check_file_path(name).is_err() {
        return true;
    }
    matches!(name, "" | ".bzr" | ".hg" | ".git" | ".svn")
}

/// `filepath.Glob(dir + "/" + pattern)` for a slash-separated pattern:
/// matches sorted per directory level; I/O errors mean no match.
fn glob_dir(dir: &str, pattern: &str) -> Vec<String> {
    let mut cur = vec![dir.to_string()];
    for elem in pattern.split('/') {
        let mut next = Vec::new();
        for base in &cur {
            if !has_meta(elem) {
                let p = fspath::join(&[base, &unescape(elem)]);
                if std::fs::symlink_metadata(&p).is_ok() {
                    next.push(p);
                }
                continue;
            }
            let Ok(rd) = std::fs::read_dir(base) else {
                continue;
            };
            let mut names: Vec<String> = rd
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            for n in names {
                if path_match(elem, &n) == Ok(true) {
                    next.push(fspath::join(&[base, &n]));
                }
            }
        }
        cur = next;
    }
    cur
}

fn has_meta(p: &str) -> bool {
    p.contains(['*', '?', '[', '\\'])
}

fn unescape(p: &str) -> String {
    let mut out = String::new();
    let mut it = p.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            if let Some(d) = it.next() {
                out.push(d);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A malformed `path.Match` pattern (`path.ErrBadPattern`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadPattern;

/// `path.Match`: `Err` for a malformed pattern.
pub fn path_match(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let r = match_here(&p, &n)?;
    if !r {
        // go validates the rest of the pattern even after a mismatch
        validate(&p)?;
    }
    Ok(r)
}

fn validate(p: &[char]) -> Result<(), BadPattern> {
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '\\' => {
                if i + 1 >= p.len() {
                    return Err(BadPattern);
                }
                i += 2;
            }
            '[' => {
                i = class_end(p, i)?;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// Index just past the `]` of the class starting at `p[i] == '['`.
fn class_end(p: &[char], mut i: usize) -> Result<usize, BadPattern> {
    i += 1;
    if p.get(i) == Some(&'^') {
        i += 1;
    }
    let mut first = true;
    loop {
        match p.get(i) {
            None => return Err(BadPattern),
            Some(']') if !first => return Ok(i + 1),
            _ => {}
        }
        first = false;
        let lo = read_class_char(p, &mut i)?;
        let _ = lo;
        if p.get(i) == Some(&'-') {
            i += 1;
            read_class_char(p, &mut i)?;
        }
    }
}

fn read_class_char(p: &[char], i: &mut usize) -> Result<char, BadPattern> {
    match p.get(*i) {
        None | Some('-') | Some(']') => Err(BadPattern),
        Some('\\') => {
            let c = *p.get(*i + 1).ok_or(BadPattern)?;
            *i += 2;
            Ok(c)
        }
        Some(&c) => {
            *i += 1;
            Ok(c)
        }
    }
}

fn match_here(p: &[char], n: &[char]) -> Result<bool, BadPattern> {
    if p.is_empty() {
        return Ok(n.is_empty());
    }
    match p[0] {
        '*' => {
            let mut rest = 1;
            while rest < p.len() && p[rest] == '*' {
                rest += 1;
            }
            for k in 0..=n.len() {
                if k > 0 && n[k - 1] == '/' {
                    break;
                }
                if match_here(&p[rest..], &n[k..])? {
                    return Ok(true);
                }
            }
            validate(&p[rest..])?;
            Ok(false)
        }
        '?' => {
            if n.is_empty() || n[0] == '/' {
                validate(&p[1..])?;
                return Ok(false);
            }
            match_here(&p[1..], &n[1..])
        }
        '[' => {
            let end = class_end(p, 0)?;
            if n.is_empty() || n[0] == '/' {
                validate(&p[end..])?;
                return Ok(false);
            }
            let c = n[0];
            let mut i = 1;
            let negated = p.get(1) == Some(&'^');
            if negated {
                i += 1;
            }
            let mut matched = false;
            let mut first = true;
            while i < end - 1 || first {
                first = false;
                let lo = read_class_char(p, &mut i)?;
                let mut hi = lo;
                if p.get(i) == Some(&'-') {
                    i += 1;
                    hi = read_class_char(p, &mut i)?;
                }
                if lo <= c && c <= hi {
                    matched = true;
                }
                if i >= end - 1 {
                    break;
                }
            }
            if matched == negated {
                validate(&p[end..])?;
                return Ok(false);
            }
            match_here(&p[end..], &n[1..])
        }
        '\\' => {
            let c = *p.get(1).ok_or(BadPattern)?;
            if n.first() != Some(&c) {
                validate(&p[2..])?;
                return Ok(false);
            }
            match_here(&p[2..], &n[1..])
        }
        c => {
            if n.first() != Some(&c) {
                validate(&p[1..])?;
                return Ok(false);
            }
            match_here(&p[1..], &n[1..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_match_like_go() {
        // A selection of path.Match's tests.
        for (p, n, want) in [
            ("abc", "abc", Ok(true)),
            ("*", "abc", Ok(true)),
            ("*c", "abc", Ok(true)),
            ("a*", "a", Ok(true)),
            ("a*", "ab/c", Ok(false)),
            ("a*/b", "abc/b", Ok(true)),
            ("a*b*c*d*e*/f", "axbxcxdxe/f", Ok(true)),
            ("ab[c]", "abc", Ok(true)),
            ("ab[b-d]", "abc", Ok(true)),
            ("ab[^c]", "abc", Ok(false)),
            ("ab[^e-g]", "abc", Ok(true)),
            ("a\\*b", "a*b", Ok(true)),
            ("a?b", "a☺b", Ok(true)),
            ("[", "a", Err(BadPattern)),
            ("[^", "a", Err(BadPattern)),
            ("a[", "x", Err(BadPattern)),
            ("*x", "xxx", Ok(true)),
            ("[]a]", "]", Err(BadPattern)),
            ("[-]", "-", Err(BadPattern)),
            ("\\", "a", Err(BadPattern)),
            ("a*b", "a/b", Ok(false)),
        ] {
            assert_eq!(path_match(p, n), want, "{p} {n}");
        }
        assert!(path_match("x[", "").is_err());
        assert!(path_match("*.txt", "").is_ok());
    }

    #[test]
    fn embed_names() {
        assert!(
            is_bad_embed_name(".git") && is_bad_embed_name("con.txt") && !is_bad_embed_name("a~1")
        );
        assert!(!is_bad_embed_name("hello.txt") && !is_bad_embed_name(".hidden"));
        assert!(
            valid_embed_pattern("a/b") && !valid_embed_pattern("../a") && !valid_embed_pattern(".")
        );
    }
}
