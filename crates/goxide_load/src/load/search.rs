//! Package patterns: what a command-line argument means before any file
//! is read. Mirrors `cmd/go/internal/search/search.go` (`Match`,
//! `CleanPatterns`, `IsMetaPackage`, `IsStandardImportPath`,
//! `IsRelativePath`, `MatchError`) and `cmd/internal/pkgpattern`
//! (`MatchPattern`, `TreeCanMatchPattern`).
//!
//! Matching `...` patterns: go compiles a pattern to a regular expression
//! in which `...` matches any string that does not cross a non-final
//! `vendor` element (it rewrites such elements to a NUL byte and the
//! wildcard refuses NUL). Here the pattern becomes a list of literal
//! segments and wildcards matched by dynamic programming over
//! (segment, offset): linear in the pattern times the name, which is
//! what go's regexp guarantees too. A trailing `/...` may match nothing
//! (`net/...` matches `net`).

/// One pattern and what it matched (`search.Match`).
#[derive(Clone, Debug, Default)]
pub struct Match {
    pub pattern: String,
    /// For local patterns: the directories that may hold packages.
    pub dirs: Vec<String>,
    /// The matching import paths.
    pub pkgs: Vec<String>,
    /// Errors matching the pattern (already worded as `MatchError`s).
    pub errs: Vec<MatchError>,
}

/// `search.MatchError`: an error matching a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchError {
    pub pattern: String,
    pub literal: bool,
    /// The underlying error text.
    pub err: String,
    /// Not a `MatchError` at all: an error go appends to the match as is
    /// (a module graph error).
    pub raw: bool,
    /// The error is go/build's `NoGoError` for this directory (go
    /// reports the package's own "no Go files in" error instead).
    pub no_go_dir: Option<String>,
}

impl std::fmt::Display for MatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.raw {
            f.write_str(&self.err)
        } else if self.literal {
            write!(f, "{}: {}", self.pattern, self.err)
        } else {
            write!(f, "pattern {}: {}", self.pattern, self.err)
        }
    }
}

impl Match {
    pub fn new(pattern: &str) -> Match {
        Match {
            pattern: pattern.to_string(),
            ..Match::default()
        }
    }

    /// Free of wildcards and meta-patterns: matches at most one package.
    pub fn is_literal(&self) -> bool {
        !self.pattern.contains("...") && !self.is_meta()
    }

    /// A file system path (`./x`, `../x`, `.`, `..` or absolute).
    pub fn is_local(&self) -> bool {
        is_local_import(&self.pattern) || self.pattern.starts_with('/')
    }

    pub fn is_meta(&self) -> bool {
        is_meta_package(&self.pattern)
    }

    pub fn add_error(&mut self, err: impl Into<String>) {
        let e = MatchError {
            pattern: self.pattern.clone(),
            literal: self.is_literal(),
            err: err.into(),
            raw: false,
            no_go_dir: None,
        };
        self.errs.push(e);
    }
}

/// `search.IsMetaPackage`.
pub fn is_meta_package(name: &str) -> bool {
    matches!(name, "std" | "cmd" | "tool" | "work" | "all")
}

/// `build.IsLocalImport`: `.`, `..`, `./x` or `../x`.
pub fn is_local_import(path: &str) -> bool {
    path == "." || path == ".." || path.starts_with("./") || path.starts_with("../")
}

/// `search.IsStandardImportPath`: no dot in the first path element.
pub fn is_standard_import_path(path: &str) -> bool {
    let elem = path.split('/').next().unwrap_or("");
    !elem.contains('.')
}

/// `search.CleanPatterns`: `.` when there are none; paths cleaned with a
/// leading `./` kept; `\` becomes `/` in non-file patterns; text after `@`
/// kept as is.
pub fn clean_patterns(patterns: &[String]) -> Vec<String> {
    if patterns.is_empty() {
        return vec![".".to_string()];
    }
    patterns
        .iter()
        .map(|a| {
            let (p, v) = if is_local_import(a) || a.starts_with('/') {
                (a.as_str(), "")
            } else {
                match a.find('@') {
                    Some(i) => (&a[..i], &a[i..]),
                    None => (a.as_str(), ""),
                }
            };
            let p = if p.starts_with('/') {
                super::fspath::clean(p)
            } else {
                let p = p.replace('\\', "/");
                if p.starts_with("./") {
                    let c = format!("./{}", super::fspath::clean(&p));
                    if c == "./." { ".".to_string() } else { c }
                } else {
                    super::fspath::clean(&p)
                }
            };
            format!("{p}{v}")
        })
        .collect()
}

/// `pkgpattern.TreeCanMatchPattern`: whether a name could be a prefix of
/// (a directory above) something the pattern matches.
pub fn tree_can_match(pattern: &str, name: &str) -> bool {
    let (pat, wild) = match pattern.find("...") {
        Some(i) => (&pattern[..i], true),
        None => (pattern, false),
    };
    (name.len() <= pat.len() && super::fspath::has_path_prefix(pat, name))
        || (wild && name.starts_with(pat))
}

/// A compiled `pkgpattern.MatchPattern`.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// Literal segments and wildcards, after vendor rewriting.
    parts: Vec<Part>,
    /// Whether the pattern ended in `/...` (which may match empty).
    optional_tail: Option<Vec<Part>>,
    vendor_exclude: bool,
    never: bool,
}

#[derive(Clone, Debug)]
enum Part {
    Lit(Vec<u8>),
    Wild,
}

const VENDOR_CHAR: u8 = 0;

/// `replaceVendor`: non-final `vendor` elements become NUL.
fn replace_vendor(x: &str) -> Vec<u8> {
    if !x.contains("vendor") {
        return x.as_bytes().to_vec();
    }
    let elems: Vec<&str> = x.split('/').collect();
    let n = elems.len();
    let mut out = Vec::with_capacity(x.len());
    for (i, e) in elems.iter().enumerate() {
        if i > 0 {
            out.push(b'/');
        }
        if i + 1 < n && *e == "vendor" {
            out.push(VENDOR_CHAR);
        } else {
            out.extend_from_slice(e.as_bytes());
        }
    }
    out
}

fn split_parts(p: &[u8]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut lit = Vec::new();
    let mut i = 0;
    while i < p.len() {
        if p[i..].starts_with(b"...") {
            if !lit.is_empty() {
                parts.push(Part::Lit(std::mem::take(&mut lit)));
            }
            parts.push(Part::Wild);
            i += 3;
        } else {
            lit.push(p[i]);
            i += 1;
        }
    }
    if !lit.is_empty() {
        parts.push(Part::Lit(lit));
    }
    parts
}

impl Pattern {
    /// `MatchPattern(pattern)` (with the vendor exclusion).
    pub fn new(pattern: &str) -> Pattern {
        Pattern::build(pattern, true)
    }

    /// `MatchSimplePattern(pattern)` (no vendor exclusion).
    pub fn simple(pattern: &str) -> Pattern {
        Pattern::build(pattern, false)
    }

    fn build(pattern: &str, vendor_exclude: bool) -> Pattern {
        let never = vendor_exclude && pattern.as_bytes().contains(&VENDOR_CHAR);
        let mut re = if vendor_exclude {
            replace_vendor(pattern)
        } else {
            pattern.as_bytes().to_vec()
        };
        // go: `x/vendor/...` (vendor rewritten) matches x/vendor or below.
        let mut vendor_tail = false;
        if vendor_exclude {
            let suffix: &[u8] = &[b'/', VENDOR_CHAR, b'/', b'.', b'.', b'.'];
            let whole: &[u8] = &[VENDOR_CHAR, b'/', b'.', b'.', b'.'];
            if re.ends_with(suffix) {
                re.truncate(re.len() - suffix.len());
                vendor_tail = true;
            } else if re == whole {
                re.clear();
                vendor_tail = true;
            }
        }
        let mut optional_tail = None;
        if vendor_tail {
            // (/vendor|/NUL/...)
            let head = split_parts(&re);
            let mut a = head.clone();
            a.push(Part::Lit(b"/vendor".to_vec()));
            let mut b = head;
            b.push(Part::Lit(vec![b'/', VENDOR_CHAR, b'/']));
            b.push(Part::Wild);
            return Pattern {
                parts: a,
                optional_tail: Some(b),
                vendor_exclude,
                never,
            };
        }
        if re.ends_with(b"/...") {
            re.truncate(re.len() - 4);
            let head = split_parts(&re);
            let mut with = head.clone();
            with.push(Part::Lit(b"/".to_vec()));
            with.push(Part::Wild);
            optional_tail = Some(with);
            return Pattern {
                parts: head,
                optional_tail,
                vendor_exclude,
                never,
            };
        }
        Pattern {
            parts: split_parts(&re),
            optional_tail,
            vendor_exclude,
            never,
        }
    }

    /// Whether `name` matches.
    pub fn matches(&self, name: &str) -> bool {
        if self.never {
            return false;
        }
        let n = if self.vendor_exclude {
            if name.as_bytes().contains(&VENDOR_CHAR) {
                return false;
            }
            replace_vendor(name)
        } else {
            name.as_bytes().to_vec()
        };
        let wild_ok = |b: u8| !self.vendor_exclude || b != VENDOR_CHAR;
        match_parts(&self.parts, &n, &wild_ok)
            || self
                .optional_tail
                .as_ref()
                .is_some_and(|t| match_parts(t, &n, &wild_ok))
    }
}

/// Whether `parts` match all of `s`; a wildcard matches any run of bytes
/// accepted by `wild_ok`.
fn match_parts(parts: &[Part], s: &[u8], wild_ok: &impl Fn(u8) -> bool) -> bool {
    // reach[i]: the prefix s[..i] is matched by the parts seen so far.
    let mut reach = vec![false; s.len() + 1];
    reach[0] = true;
    for part in parts {
        let mut next = vec![false; s.len() + 1];
        match part {
            Part::Lit(l) => {
                for i in 0..=s.len() {
                    if reach[i] && s[i..].starts_with(l) {
                        next[i + l.len()] = true;
                    }
                }
            }
            Part::Wild => {
                let mut on = false;
                for i in 0..=s.len() {
                    if reach[i] {
                        on = true;
                    }
                    if on {
                        next[i] = true;
                    }
                    if i < s.len() && !wild_ok(s[i]) {
                        on = false;
                    }
                }
            }
        }
        reach = next;
    }
    reach[s.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a table in the format of go's `pat_test.go`: `pattern p...`
    /// then `match n...` / `not n...` lines.
    fn table(tests: &str, f: impl Fn(&str, &str) -> bool) {
        let mut patterns: Vec<&str> = Vec::new();
        for line in tests.lines() {
            let line = line.split('#').next().unwrap();
            let f_: Vec<&str> = line.split_whitespace().collect();
            let Some((head, rest)) = f_.split_first() else {
                continue;
            };
            match *head {
                "pattern" => patterns = rest.to_vec(),
                "match" | "not" => {
                    for p in &patterns {
                        for n in rest {
                            assert_eq!(f(p, n), *head == "match", "{p} {n}");
                        }
                    }
                }
                _ => panic!("bad line {line}"),
            }
        }
    }

    #[test]
    fn patterns_match_like_pkgpattern() {
        // The tables of cmd/internal/pkgpattern/pat_test.go.
        table(
            "pattern ...\nmatch foo\npattern net\nmatch net\nnot net/http\n\
             pattern net/http\nmatch net/http\nnot net\n\
             pattern net...\nmatch net net/http netchan\nnot not/http not/net/http\n\
             pattern net/...\nmatch net net/http\nnot not/http not/net/http netchan\n\
             pattern ./...\nmatch ./vendor ./mycode/vendor\nnot ./vendor/foo ./mycode/vendor/foo\n\
             pattern ./vendor/...\nmatch ./vendor/foo ./vendor/foo/vendor\nnot ./vendor/foo/vendor/bar\n\
             pattern mycode/vendor/...\nmatch mycode/vendor mycode/vendor/foo mycode/vendor/foo/vendor\n\
             not mycode/vendor/foo/vendor/bar\n\
             pattern x/vendor/y\nmatch x/vendor/y\nnot x/vendor\n\
             pattern x/vendor/y/...\nmatch x/vendor/y x/vendor/y/z x/vendor/y/vendor x/vendor/y/z/vendor\n\
             not x/vendor/y/vendor/z\n\
             pattern .../vendor/...\nmatch x/vendor/y x/vendor/y/z x/vendor/y/vendor x/vendor/y/z/vendor",
            |p, n| Pattern::new(p).matches(n),
        );
        table(
            "pattern ...\nmatch foo\npattern .../bar/.../baz\nmatch foo/bar/abc/baz\n\
             pattern net/...\nmatch net net/http\nnot not/http not/net/http netchan",
            |p, n| Pattern::simple(p).matches(n),
        );
    }

    #[test]
    fn tree_matching() {
        table(
            "pattern ...\nmatch foo\npattern net\nmatch net\nnot net/http\n\
             pattern net/http\nmatch net net/http\n\
             pattern net...\nmatch net netchan net/http\nnot not/http not/net/http\n\
             pattern net/...\nmatch net net/http\nnot not/http netchan\n\
             pattern abc.../def\nmatch abcxyz\nnot xyzabc\n\
             pattern x/y/z/...\nmatch x x/y x/y/z x/y/z/w\n\
             pattern x/y/z\nmatch x x/y x/y/z\nnot x/y/z/w\n\
             pattern x/.../y/z\nmatch x/a/b/c\nnot y/x/a/b/c",
            tree_can_match,
        );
    }

    #[test]
    fn cleaning() {
        let c = |v: &[&str]| clean_patterns(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(c(&[]), vec!["."]);
        assert_eq!(c(&["./a/../b/"]), vec!["./b"]);
        assert_eq!(c(&["./"]), vec!["."]);
        assert_eq!(c(&["a//b", "x@v1/./y"]), vec!["a/b", "x@v1/./y"]);
        assert_eq!(c(&["/a/../b"]), vec!["/b"]);
        assert_eq!(c(&["../x/"]), vec!["../x"]);
        assert!(is_standard_import_path("fmt") && !is_standard_import_path("a.b/c"));
    }
}
