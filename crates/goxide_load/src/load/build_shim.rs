//! TEMPORARY SHIM, to be deleted when `goxide_load::build` (the go/build
//! port, written on branch `gobuild`) lands: a minimal
//! `build.Context.ImportDir(dir, 0)` so the loader can be built and
//! tested meanwhile. [`super::dirpkg`] is its only caller.
//!
//! What it does, following go/build's `Import` (build.go) and
//! `readGoInfo` (read.go): lists the directory in name order; skips
//! `_`/`.` files and unknown extensions; applies the `_GOOS`/`_GOARCH`
//! file-name rule (`goodOSArchFile`) and the `//go:build` / `// +build`
//! header (through `goxide_syntax::constraint`); reads each Go file's
//! package clause and imports with the Go scanner, and its `//go:embed`
//! lines when it imports "embed"; sorts files into GoFiles, CgoFiles,
//! TestGoFiles, XTestGoFiles, IgnoredGoFiles, IgnoredOtherFiles and the
//! other-language lists; reports NoGoError and MultiplePackageError.
//!
//! Known gaps (the real port closes them): `Doc` is not computed, cgo
//! `#cgo` flags are not parsed, header syntax errors are worded
//! loosely, `//go:debug` directives are not collected.

use goxide_syntax::constraint;
use goxide_syntax::scanner::{CommentMode, Scanner};
use goxide_syntax::token::Token;

use super::dirpkg::{BuildContext, DirError, DirPackage};
use super::fspath;
use super::package::Position;

const KNOWN_OS: &[&str] = &[
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
    "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
];
const UNIX_OS: &[&str] = &[
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
    "netbsd", "openbsd", "solaris",
];
const KNOWN_ARCH: &[&str] = &[
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
    "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv",
    "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
];

struct Tags<'a> {
    ctx: &'a BuildContext,
    all: std::collections::BTreeSet<String>,
}

impl Tags<'_> {
    /// go/build's `matchTag`, recording the tag.
    fn matches(&mut self, name: &str) -> bool {
        self.all.insert(name.to_string());
        let c = self.ctx;
        if c.cgo_enabled && name == "cgo" {
            return true;
        }
        if name == c.goos || name == c.goarch || name == c.compiler {
            return true;
        }
        if (c.goos == "android" && name == "linux")
            || (c.goos == "illumos" && name == "solaris")
            || (c.goos == "ios" && name == "darwin")
        {
            return true;
        }
        if name == "unix" && UNIX_OS.contains(&c.goos.as_str()) {
            return true;
        }
        let name = if name == "boringcrypto" {
            "goexperiment.boringcrypto"
        } else {
            name
        };
        c.build_tags.iter().any(|t| t == name)
            || c.tool_tags.iter().any(|t| t == name)
            || c.release_tags.iter().any(|t| t == name)
    }

    /// `goodOSArchFile`.
    fn good_os_arch_file(&mut self, name: &str) -> bool {
        let name = name.split('.').next().unwrap_or("");
        let Some(i) = name.find('_') else { return true };
        let mut l: Vec<&str> = name[i..].split('_').collect();
        if l.last() == Some(&"test") {
            l.pop();
        }
        let n = l.len();
        if n >= 2 && KNOWN_OS.contains(&l[n - 2]) && KNOWN_ARCH.contains(&l[n - 1]) {
            self.all.insert(l[n - 2].to_string());
            let a = self.matches(l[n - 1]);
            return a && self.matches(l[n - 2]);
        }
        if n >= 1 && (KNOWN_OS.contains(&l[n - 1]) || KNOWN_ARCH.contains(&l[n - 1])) {
            return self.matches(l[n - 1]);
        }
        true
    }
}

fn ext_of(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) => &name[i..],
        None => "",
    }
}

fn list_for_ext<'p>(p: &'p mut DirPackage, ext: &str) -> Option<&'p mut Vec<String>> {
    Some(match ext {
        ".c" => &mut p.c_files,
        ".cc" | ".cpp" | ".cxx" => &mut p.cxx_files,
        ".m" => &mut p.m_files,
        ".h" | ".hh" | ".hpp" | ".hxx" => &mut p.h_files,
        ".f" | ".F" | ".for" | ".f90" => &mut p.f_files,
        ".s" | ".S" | ".sx" => &mut p.s_files,
        ".swig" => &mut p.swig_files,
        ".swigcxx" => &mut p.swig_cxx_files,
        ".syso" => &mut p.syso_files,
        _ => return None,
    })
}

fn known_ext(ext: &str) -> bool {
    matches!(
        ext,
        ".c" | ".cc"
            | ".cpp"
            | ".cxx"
            | ".m"
            | ".h"
            | ".hh"
            | ".hpp"
            | ".hxx"
            | ".f"
            | ".F"
            | ".for"
            | ".f90"
            | ".s"
            | ".S"
            | ".sx"
            | ".swig"
            | ".swigcxx"
            | ".syso"
    )
}

/// What a Go file's header says.
struct GoInfo {
    pkg: String,
    imports: Vec<(String, Position)>,
    embeds: Vec<(String, Position)>,
    parse_err: Option<(Position, String)>,
}

fn position(filename: &str, src: &[u8], off: usize) -> Position {
    let off = off.min(src.len());
    let line = src[..off].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let start = src[..off].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    Position {
        filename: filename.to_string(),
        line,
        column: (off - start) as u32 + 1,
    }
}

fn unquote(lit: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(lit).ok()?;
    if s.len() >= 2 && s.starts_with('`') && s.ends_with('`') {
        return Some(s[1..s.len() - 1].to_string());
    }
    if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        let body = &s[1..s.len() - 1];
        if !body.contains('\\') {
            return Some(body.to_string());
        }
        return None;
    }
    None
}

/// `readGoInfo`: package clause, imports, and (if "embed" is imported)
/// the `//go:embed` patterns.
fn read_go_info(filename: &str, src: &[u8]) -> GoInfo {
    let mut info = GoInfo {
        pkg: String::new(),
        imports: Vec::new(),
        embeds: Vec::new(),
        parse_err: None,
    };
    let mut s = Scanner::new(src, CommentMode::None);
    s.next();
    if s.tok != Token::Package {
        info.parse_err = Some((
            position(filename, src, s.pos as usize),
            format!("expected 'package', found {}", tok_desc(&s)),
        ));
        return info;
    }
    s.next();
    if s.tok != Token::Name {
        info.parse_err = Some((
            position(filename, src, s.pos as usize),
            format!("expected 'IDENT', found {}", tok_desc(&s)),
        ));
        return info;
    }
    info.pkg = String::from_utf8_lossy(s.text()).into_owned();
    s.next();
    if s.tok == Token::Semi {
        s.next();
    }
    while s.tok == Token::Import {
        s.next();
        let grouped = s.tok == Token::Lparen;
        if grouped {
            s.next();
        }
        loop {
            if grouped && s.tok == Token::Rparen {
                s.next();
                break;
            }
            if matches!(s.tok, Token::Name | Token::Dot) {
                s.next();
            }
            if s.tok != Token::Literal {
                info.parse_err = Some((
                    position(filename, src, s.pos as usize),
                    "missing import path".to_string(),
                ));
                return info;
            }
            let pos = position(filename, src, s.pos as usize);
            match unquote(s.text()) {
                Some(p) => info.imports.push((p, pos)),
                None => {
                    info.parse_err = Some((pos, "invalid import path".into()));
                    return info;
                }
            }
            s.next();
            if s.tok == Token::Semi {
                s.next();
            }
            if !grouped {
                break;
            }
            if s.tok == Token::Eof {
                break;
            }
        }
        if s.tok == Token::Semi {
            s.next();
        }
    }
    if info.imports.iter().any(|(p, _)| p == "embed") {
        let mut c = Scanner::new(src, CommentMode::Directives);
        loop {
            c.next();
            if c.tok == Token::Eof {
                break;
            }
        }
        for com in &c.comments {
            let text = &src[com.pos as usize..com.end as usize];
            let Some(rest) = text.strip_prefix(b"//go:embed") else { continue };
            if !rest.is_empty() && !matches!(rest[0], b' ' | b'\t') {
                continue;
            }
            let Ok(rest_s) = std::str::from_utf8(rest) else { continue };
            if let Ok(list) = goxide_syntax::directive::parse_go_embed(rest_s) {
                for pat in list {
                    let off = com.pos as usize
                        + 10
                        + rest_s.find(pat.as_str()).unwrap_or(0);
                    info.embeds.push((pat, position(filename, src, off)));
                }
            }
        }
    }
    info
}

fn tok_desc(s: &Scanner) -> String {
    match s.tok {
        Token::Eof => "'EOF'".to_string(),
        Token::Name => "IDENT".to_string(),
        _ => format!("'{}'", String::from_utf8_lossy(s.text())),
    }
}

fn push_pos(table: &mut Vec<(String, Vec<Position>)>, key: &str, pos: Position) {
    match table.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => v.push(pos),
        None => table.push((key.to_string(), vec![pos])),
    }
}

fn clean_decls(table: &mut [(String, Vec<Position>)]) -> Vec<String> {
    table.sort_by(|a, b| a.0.cmp(&b.0));
    table.iter().map(|(k, _)| k.clone()).collect()
}

/// `ImportDir(dir, 0)`.
pub fn import_dir(ctx: &BuildContext, dir: &str) -> (DirPackage, Option<DirError>) {
    import_dir_with(ctx, dir, None)
}

/// `ImportDir` over only the named files with `UseAllFiles` (build
/// constraints ignored), as `GoFilesPackage` uses it.
pub fn import_files(ctx: &BuildContext, dir: &str, files: &[String]) -> (DirPackage, Option<DirError>) {
    import_dir_with(ctx, dir, Some(files))
}

fn import_dir_with(ctx: &BuildContext, dir: &str, only: Option<&[String]>) -> (DirPackage, Option<DirError>) {
    let use_all = only.is_some();
    let mut p = DirPackage {
        dir: dir.to_string(),
        ..DirPackage::default()
    };
    if !ctx.goroot.is_empty() {
        let root = fspath::join(&[&ctx.goroot, "src"]);
        if fspath::has_file_path_prefix(dir, &root) && dir != root {
            let sub = fspath::trim_file_path_prefix(dir, &root);
            let in_testdata = sub.contains("/testdata/")
                || sub.ends_with("/testdata")
                || sub.starts_with("testdata/")
                || sub == "testdata";
            if !in_testdata {
                p.goroot = true;
                p.root = ctx.goroot.clone();
                p.goroot_import_path = sub.to_string();
            }
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            return (
                p,
                Some(DirError::Other(format!("open {dir}: {}", errno_text(&e)))),
            );
        }
    };
    let mut names: Vec<(String, bool)> = Vec::new();
    if let Some(files) = only {
        names = files.iter().map(|f| (f.clone(), false)).collect();
    }
    for e in entries.flatten().filter(|_| only.is_none()) {
        let name = e.file_name().to_string_lossy().into_owned();
        let ft = match e.file_type() {
            Ok(t) => t,
            Err(_) => continue,
        };
        let is_dir = if ft.is_symlink() {
            fspath::is_dir(&fspath::join(&[dir, &name]))
        } else {
            ft.is_dir()
        };
        names.push((name, is_dir));
    }
    if only.is_none() {
        names.sort();
    }

    let mut tags = Tags {
        ctx,
        all: Default::default(),
    };
    let mut bad_err: Option<DirError> = None;
    let mut first_file = String::new();
    let mut sfiles_upper = Vec::new();
    for (name, is_dir) in names {
        if is_dir {
            continue;
        }
        let ext = ext_of(&name);
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        if ext != ".go" && !known_ext(ext) {
            continue;
        }
        let ignored = |p: &mut DirPackage| {
            if ext == ".go" {
                p.ignored_go_files.push(name.clone());
            } else {
                p.ignored_other_files.push(name.clone());
            }
        };
        if !tags.good_os_arch_file(&name) && !use_all {
            ignored(&mut p);
            continue;
        }
        let full = fspath::join(&[dir, &name]);
        if ext == ".syso" {
            p.syso_files.push(name);
            continue;
        }
        let src = match std::fs::read(&full) {
            Ok(s) => s,
            Err(e) => {
                if ext == ".go" {
                    p.invalid_go_files.push(name.clone());
                    bad_err.get_or_insert(DirError::Other(format!(
                        "read {full}: {}",
                        errno_text(&e)
                    )));
                }
                continue;
            }
        };
        let header = match constraint::parse_header(&src) {
            Ok(h) => h,
            Err(e) => {
                if ext == ".go" {
                    p.invalid_go_files.push(name.clone());
                    bad_err.get_or_insert(DirError::Other(format!("{name}: {e}")));
                }
                continue;
            }
        };
        let ok = match header.should_build(&mut |t: &str| tags.matches(t)) {
            Ok(ok) => ok,
            Err(e) => {
                if ext == ".go" {
                    p.invalid_go_files.push(name.clone());
                    bad_err.get_or_insert(DirError::Other(format!("{name}: {e}")));
                }
                continue;
            }
        };
        if !ok && !use_all {
            ignored(&mut p);
            continue;
        }
        if ext != ".go" {
            if header.binary_only {
                // only Go files count for binary-only packages
            }
            if ext == ".S" || ext == ".sx" {
                sfiles_upper.push(name);
            } else if let Some(list) = list_for_ext(&mut p, ext) {
                list.push(name);
            }
            continue;
        }
        let is_test = name.ends_with("_test.go");
        if header.binary_only && !is_test {
            p.binary_only = true;
        }
        let info = read_go_info(&full, &src);
        if let Some((pos, msg)) = &info.parse_err {
            p.invalid_go_files.push(name.clone());
            bad_err.get_or_insert(DirError::Parse {
                pos: pos.clone(),
                msg: msg.clone(),
            });
            if info.pkg.is_empty() {
                continue;
            }
        }
        let mut pkg = info.pkg.clone();
        if pkg == "documentation" {
            p.ignored_go_files.push(name);
            continue;
        }
        let mut is_xtest = false;
        if is_test && pkg.ends_with("_test") && p.name != pkg {
            is_xtest = true;
            pkg.truncate(pkg.len() - 5);
        }
        if p.name.is_empty() {
            p.name = pkg.clone();
            first_file = name.clone();
        } else if pkg != p.name {
            if !p.invalid_go_files.contains(&name) {
                p.invalid_go_files.push(name.clone());
            }
            bad_err.get_or_insert(DirError::Other(format!(
                "found packages {} ({}) and {} ({}) in {}",
                p.name, first_file, pkg, name, dir
            )));
        }
        let is_cgo = info.imports.iter().any(|(i, _)| i == "C") && !is_test;
        if let Some(v) = header.go_build.as_ref()
            && let Ok(x) = v.parse()
        {
            let ver = constraint::go_version(&x);
            if !ver.is_empty() {
                p.file_go_versions.push((name.clone(), ver));
            }
        }
        enum Kind {
            Go,
            Cgo,
            Test,
            XTest,
            Ignored,
        }
        let kind = if is_cgo {
            tags.all.insert("cgo".into());
            if ctx.cgo_enabled { Kind::Cgo } else { Kind::Ignored }
        } else if is_xtest {
            Kind::XTest
        } else if is_test {
            Kind::Test
        } else {
            Kind::Go
        };
        let (list, imports, embeds) = match kind {
            Kind::Go => (
                &mut p.go_files,
                Some(&mut p.import_pos),
                Some(&mut p.embed_pattern_pos),
            ),
            Kind::Cgo => (
                &mut p.cgo_files,
                Some(&mut p.import_pos),
                Some(&mut p.embed_pattern_pos),
            ),
            Kind::Test => (
                &mut p.test_go_files,
                Some(&mut p.test_import_pos),
                Some(&mut p.test_embed_pattern_pos),
            ),
            Kind::XTest => (
                &mut p.xtest_go_files,
                Some(&mut p.xtest_import_pos),
                Some(&mut p.xtest_embed_pattern_pos),
            ),
            Kind::Ignored => (&mut p.ignored_go_files, None, None),
        };
        list.push(name);
        if let Some(t) = imports {
            for (i, pos) in info.imports {
                push_pos(t, &i, pos);
            }
        }
        if let Some(t) = embeds {
            for (e, pos) in info.embeds {
                push_pos(t, &e, pos);
            }
        }
    }
    p.all_tags = tags.all.into_iter().collect();
    p.imports = clean_decls(&mut p.import_pos);
    p.test_imports = clean_decls(&mut p.test_import_pos);
    p.xtest_imports = clean_decls(&mut p.xtest_import_pos);
    p.embed_patterns = clean_decls(&mut p.embed_pattern_pos);
    p.test_embed_patterns = clean_decls(&mut p.test_embed_pattern_pos);
    p.xtest_embed_patterns = clean_decls(&mut p.xtest_embed_pattern_pos);
    if !p.cgo_files.is_empty() {
        p.s_files.extend(sfiles_upper);
        p.s_files.sort();
    } else {
        p.ignored_other_files.extend(sfiles_upper);
        p.ignored_other_files.sort();
    }
    if let Some(e) = bad_err {
        return (p, Some(e));
    }
    if p.go_files.len() + p.cgo_files.len() + p.test_go_files.len() + p.xtest_go_files.len() == 0 {
        return (p, Some(DirError::NoGo));
    }
    (p, None)
}

/// The text Go's `syscall.Errno` prints for an I/O error.
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
