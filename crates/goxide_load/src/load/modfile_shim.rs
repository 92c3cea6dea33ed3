//! TEMPORARY SHIM, to be deleted when `goxide_load::modfile` (go.mod,
//! go.work and vendor/modules.txt parsing with x/mod's messages, written
//! on branch `modfile`) lands: the subset of `modfile.Parse`,
//! `modfile.ParseWork` and cmd/go's `readVendorList` the loader needs.
//!
//! Lines are split into words (Go-quoted strings count as one word,
//! `//` starts a comment); `verb (` ... `)` blocks apply the verb to
//! each inner line. An unknown verb or a malformed line is an error
//! `file:line: message` (x/mod words them; this shim words them
//! loosely). `// indirect` comments mark requirements indirect; a
//! `// Deprecated:` comment on the module line is kept.

/// A module path and version (`module.Version`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    pub path: String,
    pub version: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Require {
    pub module: Version,
    pub indirect: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replace {
    pub old: Version,
    pub new: Version,
}

/// A parsed go.mod file.
#[derive(Clone, Debug, Default)]
pub struct ModFile {
    pub module: Option<Version>,
    pub deprecated: String,
    pub go: Option<String>,
    pub toolchain: Option<String>,
    pub require: Vec<Require>,
    pub exclude: Vec<Version>,
    pub replace: Vec<Replace>,
    pub tool: Vec<String>,
    pub ignore: Vec<String>,
    pub godebug: Vec<(String, String, u32)>,
}

/// A parsed go.work file.
#[derive(Clone, Debug, Default)]
pub struct WorkFile {
    pub go: Option<String>,
    pub toolchain: Option<String>,
    pub use_: Vec<String>,
    pub replace: Vec<Replace>,
}

struct Line {
    words: Vec<String>,
    comment: String,
    lineno: u32,
}

fn unquote_word(w: &str) -> Option<String> {
    if let Some(b) = w.strip_prefix('`').and_then(|w| w.strip_suffix('`')) {
        return Some(b.to_string());
    }
    let b = w.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = b.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn split_line(text: &str, lineno: u32) -> Result<Line, String> {
    let (code, comment) = match find_comment(text) {
        Some(i) => (&text[..i], text[i + 2..].trim().to_string()),
        None => (text, String::new()),
    };
    let mut words = Vec::new();
    let mut rest = code.trim();
    while !rest.is_empty() {
        if rest.starts_with('"') || rest.starts_with('`') {
            let q = rest.as_bytes()[0];
            let mut i = 1;
            let b = rest.as_bytes();
            while i < b.len() && b[i] != q {
                if q == b'"' && b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            if i >= b.len() {
                return Err(format!("{lineno}: unterminated quoted string"));
            }
            let w = &rest[..=i];
            words.push(unquote_word(w).ok_or(format!("{lineno}: invalid quoted string"))?);
            rest = rest[i + 1..].trim_start();
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '(' || c == ')')
                .unwrap_or(rest.len());
            let end = if end == 0 { 1 } else { end };
            words.push(rest[..end].to_string());
            rest = rest[end..].trim_start();
        }
    }
    Ok(Line {
        words,
        comment,
        lineno,
    })
}

fn find_comment(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            } else if quote == b'"' && c == b'\\' {
                i += 1;
            }
        } else if c == b'"' || c == b'`' {
            quote = c;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Splits a file into (verb, line) pairs, expanding blocks.
fn statements(data: &str) -> Result<Vec<(String, Line)>, Vec<String>> {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    let mut block: Option<String> = None;
    for (i, raw) in data.lines().enumerate() {
        let lineno = i as u32 + 1;
        let line = match split_line(raw, lineno) {
            Ok(l) => l,
            Err(e) => {
                errs.push(e);
                continue;
            }
        };
        if line.words.is_empty() {
            continue;
        }
        if let Some(verb) = &block {
            if line.words == [")"] {
                block = None;
                continue;
            }
            out.push((verb.clone(), line));
            continue;
        }
        if line.words.len() == 2 && line.words[1] == "(" {
            block = Some(line.words[0].clone());
            continue;
        }
        let mut line = line;
        let verb = line.words.remove(0);
        out.push((verb, line));
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(errs)
    }
}

fn version_pair(w: &[String]) -> Option<Version> {
    match w {
        [p, v] => Some(Version {
            path: p.clone(),
            version: v.clone(),
        }),
        _ => None,
    }
}

fn parse_replace(w: &[String]) -> Option<Replace> {
    let arrow = w.iter().position(|x| x == "=>")?;
    let old = match &w[..arrow] {
        [p] => Version {
            path: p.clone(),
            version: String::new(),
        },
        [p, v] => Version {
            path: p.clone(),
            version: v.clone(),
        },
        _ => return None,
    };
    let new = match &w[arrow + 1..] {
        [p] => Version {
            path: p.clone(),
            version: String::new(),
        },
        [p, v] => Version {
            path: p.clone(),
            version: v.clone(),
        },
        _ => return None,
    };
    Some(Replace { old, new })
}

/// `modfile.Parse`: errors are `file:line: message` lines.
pub fn parse(file: &str, data: &[u8]) -> Result<ModFile, Vec<String>> {
    let text = String::from_utf8_lossy(data);
    let stmts = statements(&text).map_err(|e| e.iter().map(|m| format!("{file}:{m}")).collect::<Vec<_>>())?;
    let mut f = ModFile::default();
    let mut errs = Vec::new();
    for (verb, l) in stmts {
        let bad = |what: &str| format!("{file}:{}: {what}", l.lineno);
        match verb.as_str() {
            "module" => match l.words.as_slice() {
                [p] => {
                    f.module = Some(Version {
                        path: p.clone(),
                        version: String::new(),
                    });
                    if let Some(d) = l.comment.strip_prefix("Deprecated:") {
                        f.deprecated = d.trim().to_string();
                    }
                }
                _ => errs.push(bad("usage: module module/path")),
            },
            "go" => match l.words.as_slice() {
                [v] => f.go = Some(v.clone()),
                _ => errs.push(bad("usage: go 1.23")),
            },
            "toolchain" => match l.words.as_slice() {
                [v] => f.toolchain = Some(v.clone()),
                _ => errs.push(bad("usage: toolchain go1.23.0")),
            },
            "require" => match version_pair(&l.words) {
                Some(m) => f.require.push(Require {
                    module: m,
                    indirect: l.comment == "indirect" || l.comment.starts_with("indirect;"),
                }),
                None => errs.push(bad("usage: require module/path v1.2.3")),
            },
            "exclude" => match version_pair(&l.words) {
                Some(m) => f.exclude.push(m),
                None => errs.push(bad("usage: exclude module/path v1.2.3")),
            },
            "replace" => match parse_replace(&l.words) {
                Some(r) => f.replace.push(r),
                None => errs.push(bad("usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory")),
            },
            "retract" => {}
            "tool" => match l.words.as_slice() {
                [p] => f.tool.push(p.clone()),
                _ => errs.push(bad("usage: tool module/path")),
            },
            "ignore" => match l.words.as_slice() {
                [p] => f.ignore.push(p.clone()),
                _ => errs.push(bad("usage: ignore path")),
            },
            "godebug" => match l.words.as_slice() {
                [kv] => match kv.split_once('=') {
                    Some((k, v)) => f.godebug.push((k.to_string(), v.to_string(), l.lineno)),
                    None => errs.push(bad("usage: godebug key=value")),
                },
                _ => errs.push(bad("usage: godebug key=value")),
            },
            other => errs.push(bad(&format!("unknown directive: {other}"))),
        }
    }
    if errs.is_empty() { Ok(f) } else { Err(errs) }
}

/// `modfile.ParseWork`.
pub fn parse_work(file: &str, data: &[u8]) -> Result<WorkFile, Vec<String>> {
    let text = String::from_utf8_lossy(data);
    let stmts = statements(&text).map_err(|e| e.iter().map(|m| format!("{file}:{m}")).collect::<Vec<_>>())?;
    let mut f = WorkFile::default();
    let mut errs = Vec::new();
    for (verb, l) in stmts {
        let bad = |what: &str| format!("{file}:{}: {what}", l.lineno);
        match verb.as_str() {
            "go" => match l.words.as_slice() {
                [v] => f.go = Some(v.clone()),
                _ => errs.push(bad("usage: go 1.23")),
            },
            "toolchain" => match l.words.as_slice() {
                [v] => f.toolchain = Some(v.clone()),
                _ => errs.push(bad("usage: toolchain go1.23.0")),
            },
            "use" => match l.words.as_slice() {
                [d] => f.use_.push(d.clone()),
                _ => errs.push(bad("usage: use local/dir")),
            },
            "replace" => match parse_replace(&l.words) {
                Some(r) => f.replace.push(r),
                None => errs.push(bad("usage: replace module/path [v1.2.3] => other/module v1.4")),
            },
            "godebug" => {}
            other => errs.push(bad(&format!("unknown directive: {other}"))),
        }
    }
    if errs.is_empty() { Ok(f) } else { Err(errs) }
}

/// One module of vendor/modules.txt (`# path version [=> new [version]]`
/// and its `## explicit; go 1.N` annotations and package lines).
#[derive(Clone, Debug, Default)]
pub struct VendorModule {
    pub module: Version,
    pub replacement: Option<Version>,
    pub explicit: bool,
    pub go_version: String,
    pub packages: Vec<String>,
}

/// `readVendorList`'s parse of vendor/modules.txt.
pub fn parse_vendor_modules(data: &[u8]) -> Vec<VendorModule> {
    let text = String::from_utf8_lossy(data);
    let mut out: Vec<VendorModule> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# ") {
            let f: Vec<&str> = rest.split_whitespace().collect();
            if f.len() < 2 || !f[1].starts_with('v') && f[1] != "=>" {
                continue;
            }
            let (path, version, repl) = if f[1] == "=>" {
                (f[0], "", &f[2..])
            } else if f.len() >= 3 && f[2] == "=>" {
                (f[0], f[1], &f[3..])
            } else {
                (f[0], f[1], &f[0..0])
            };
            let replacement = match repl {
                [p] => Some(Version {
                    path: p.to_string(),
                    version: String::new(),
                }),
                [p, v] => Some(Version {
                    path: p.to_string(),
                    version: v.to_string(),
                }),
                _ => None,
            };
            out.push(VendorModule {
                module: Version {
                    path: path.to_string(),
                    version: version.to_string(),
                },
                replacement,
                ..VendorModule::default()
            });
        } else if let Some(ann) = line.strip_prefix("## ") {
            let Some(m) = out.last_mut() else { continue };
            for entry in ann.split(';') {
                let entry = entry.trim();
                if entry == "explicit" {
                    m.explicit = true;
                }
                if let Some(v) = entry.strip_prefix("go ") {
                    m.go_version = v.trim().to_string();
                }
            }
        } else if !line.is_empty() && !line.starts_with('#') {
            if let Some(m) = out.last_mut() {
                m.packages.push(line.trim().to_string());
            }
        }
    }
    out
}

/// `semver.Compare` (x/mod): invalid versions sort below valid ones and
/// equal to each other; build metadata is ignored.
pub fn semver_compare(v: &str, w: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (semver_parse(v), semver_parse(w)) {
        (None, None) => Equal,
        (None, Some(_)) => Less,
        (Some(_), None) => Greater,
        (Some(a), Some(b)) => cmp_num(a.0, b.0)
            .then_with(|| cmp_num(a.1, b.1))
            .then_with(|| cmp_num(a.2, b.2))
            .then_with(|| cmp_prerelease(a.3, b.3)),
    }
}

fn cmp_num(x: &str, y: &str) -> std::cmp::Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

fn cmp_prerelease(x: &str, y: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    if x == y {
        return Equal;
    }
    if x.is_empty() {
        return Greater;
    }
    if y.is_empty() {
        return Less;
    }
    let (xs, ys): (Vec<&str>, Vec<&str>) = (x[1..].split('.').collect(), y[1..].split('.').collect());
    for (a, b) in xs.iter().zip(&ys) {
        let an = a.bytes().all(|c| c.is_ascii_digit());
        let bn = b.bytes().all(|c| c.is_ascii_digit());
        let c = match (an, bn) {
            (true, true) => cmp_num(a, b),
            (true, false) => Less,
            (false, true) => Greater,
            (false, false) => a.cmp(b),
        };
        if c != Equal {
            return c;
        }
    }
    xs.len().cmp(&ys.len())
}

/// (major, minor, patch, prerelease) of a canonical-enough semver.
fn semver_parse(v: &str) -> Option<(&str, &str, &str, &str)> {
    let v = v.strip_prefix('v')?;
    let v = match v.find('+') {
        Some(i) => &v[..i],
        None => v,
    };
    let (core, pre) = match v.find('-') {
        Some(i) => (&v[..i], &v[i..]),
        None => (v, ""),
    };
    let mut it = core.split('.');
    fn num(s: Option<&str>) -> Option<&str> {
        let s = s?;
        (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))).then_some(s)
    }
    let major = num(it.next())?;
    let (minor, patch) = match (it.next(), it.next()) {
        (None, _) => ("0", "0"),
        (Some(m), None) => (num(Some(m))?, "0"),
        (Some(m), Some(p)) => (num(Some(m))?, num(Some(p))?),
    };
    if it.next().is_some() {
        return None;
    }
    if !pre.is_empty() && (minor == "0" && patch == "0" && !core.contains('.')) {
        return None;
    }
    Some((major, minor, patch, pre))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_go_mod() {
        let f = parse(
            "go.mod",
            b"module example.com/m // Deprecated: use v2\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.2.0 // indirect\n)\nreplace example.com/a => ../a\n",
        )
        .unwrap();
        assert_eq!(f.module.unwrap().path, "example.com/m");
        assert_eq!(f.deprecated, "use v2");
        assert_eq!(f.go.as_deref(), Some("1.22"));
        assert_eq!(f.require.len(), 2);
        assert!(f.require[1].indirect && !f.require[0].indirect);
        assert_eq!(f.replace[0].new.path, "../a");
        assert!(parse("go.mod", b"modul x\n").is_err());
    }
}
