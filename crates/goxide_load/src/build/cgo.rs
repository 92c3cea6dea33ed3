//! The `#cgo` lines of an `import "C"` comment: go/build's `saveCgo` and its
//! helpers `splitQuoted`, `expandSrcDir`, `safeCgoName` and
//! `makePathsAbsolute` (build.go, Go 1.27.3).
//!
//! A line `#cgo [COND...] VERB: ARGS` applies when it has no conditions or
//! one of them holds (`matchAuto`, so either constraint syntax); ARGS are
//! split with shell-like quoting, `${SRCDIR}` is replaced by the package
//! directory (every piece must be shell-safe), relative `-I`/`-L` paths of
//! the flag verbs become absolute, and the result is appended to the
//! package's `Cgo*` list. `#cgo noescape f` / `#cgo nocallback f` are
//! skipped. Errors name the file and the original line, and stop the scan
//! (flags appended before stay, as in Go).
//!
//! Invariant: pure text processing; no file is read.

use super::context::Context;
use super::import::Package;
use super::unicode::{is_space, push_rune, runes};

/// `strings.TrimSpace` with Go's Unicode spaces.
pub(crate) fn trim_space(s: &str) -> &str {
    s.trim_matches(|c: char| is_space(c as u32))
}

/// `strings.Fields`.
pub(crate) fn fields(s: &str) -> Vec<&str> {
    s.split(|c: char| is_space(c as u32))
        .filter(|f| !f.is_empty())
        .collect()
}

/// `saveCgo`: records the `#cgo` directives of `text` (the comment on
/// `import "C"`) in `p`; `filename` is the file's full name.
pub(crate) fn save_cgo(
    ctx: &Context,
    filename: &str,
    p: &mut Package,
    text: &str,
) -> Result<(), String> {
    for orig in text.split('\n') {
        let line = trim_space(orig);
        let b = line.as_bytes();
        if b.len() < 5 || &b[..4] != b"#cgo" || (b[4] != b' ' && b[4] != b'\t') {
            continue;
        }
        let f = fields(line);
        if f.len() == 3 && (f[1] == "nocallback" || f[1] == "noescape") {
            continue;
        }
        let invalid = || format!("{filename}: invalid #cgo line: {orig}");
        let Some((head, argstr)) = trim_space(&line[4..]).split_once(':') else {
            return Err(invalid());
        };
        let f = fields(head);
        let Some((&verb, cond)) = f.split_last() else {
            return Err(invalid());
        };
        if !cond.is_empty() && !cond.iter().any(|c| ctx.match_auto(c, None)) {
            continue;
        }
        let mut args = split_quoted(argstr).map_err(|_| invalid())?;
        let dir = p.dir.to_string_lossy().into_owned();
        for arg in args.iter_mut() {
            let (expanded, ok) = expand_src_dir(arg, &dir);
            if !ok {
                return Err(format!("{filename}: malformed #cgo argument: {expanded}"));
            }
            *arg = expanded;
        }
        if matches!(
            verb,
            "CFLAGS" | "CPPFLAGS" | "CXXFLAGS" | "FFLAGS" | "LDFLAGS"
        ) {
            make_paths_absolute(&mut args, &dir);
        }
        let list = match verb {
            "CFLAGS" => &mut p.cgo_cflags,
            "CPPFLAGS" => &mut p.cgo_cppflags,
            "CXXFLAGS" => &mut p.cgo_cxxflags,
            "FFLAGS" => &mut p.cgo_fflags,
            "LDFLAGS" => &mut p.cgo_ldflags,
            "pkg-config" => &mut p.cgo_pkg_config,
            _ => return Err(format!("{filename}: invalid #cgo verb: {orig}")),
        };
        list.extend(args);
    }
    Ok(())
}

/// `splitQuoted`: fields separated by Unicode space, with `'`/`"` quoting
/// and `\` escaping; an unclosed quote or a trailing `\` is an error.
pub(crate) fn split_quoted(s: &str) -> Result<Vec<String>, &'static str> {
    let mut args = Vec::new();
    let mut arg = String::new();
    let mut escaped = false;
    let mut quoted = false;
    let mut quote = 0u32;
    for (_, r) in runes(s.as_bytes()) {
        if escaped {
            escaped = false;
        } else if r == '\\' as u32 {
            escaped = true;
            continue;
        } else if quote != 0 {
            if r == quote {
                quote = 0;
                continue;
            }
        } else if r == '"' as u32 || r == '\'' as u32 {
            quoted = true;
            quote = r;
            continue;
        } else if is_space(r) {
            if quoted || !arg.is_empty() {
                quoted = false;
                args.push(std::mem::take(&mut arg));
            }
            continue;
        }
        push_rune(&mut arg, r);
    }
    if quoted || !arg.is_empty() {
        args.push(arg);
    }
    if quote != 0 {
        return Err("unclosed quote");
    }
    if escaped {
        return Err("unfinished escaping");
    }
    Ok(args)
}

/// `safeString`: the ASCII characters allowed in cgo arguments.
const SAFE: &[u8] =
    b"+-.,/0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz:$@%! ~^";

/// `safeCgoName`.
pub(crate) fn safe_cgo_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c >= 0x80 || SAFE.contains(&c))
}

/// `expandSrcDir`: `${SRCDIR}` replaced by `srcdir`, and whether the
/// result is safe.
pub(crate) fn expand_src_dir(s: &str, srcdir: &str) -> (String, bool) {
    let chunks: Vec<&str> = s.split("${SRCDIR}").collect();
    if chunks.len() < 2 {
        return (s.to_string(), safe_cgo_name(s));
    }
    let mut ok = chunks.iter().all(|c| c.is_empty() || safe_cgo_name(c));
    ok = ok && (srcdir.is_empty() || safe_cgo_name(srcdir));
    let res = chunks.join(srcdir);
    let ok = ok && !res.is_empty();
    (res, ok)
}

/// `filepath.Join(dir, rel)` for slash paths.
fn join(dir: &str, rel: &str) -> String {
    super::go_scanner::clean_path(&format!("{dir}/{rel}"))
}

/// `makePathsAbsolute`: relative `-I`/`-L` arguments become absolute.
pub(crate) fn make_paths_absolute(args: &mut [String], dir: &str) {
    let mut next_path = false;
    for arg in args.iter_mut() {
        if next_path {
            if !arg.starts_with('/') {
                *arg = join(dir, arg);
            }
            next_path = false;
        } else if arg.starts_with("-I") || arg.starts_with("-L") {
            if arg.len() == 2 {
                next_path = true;
            } else if !arg[2..].starts_with('/') {
                *arg = format!("{}{}", &arg[..2], join(dir, &arg[2..]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn quoting() {
        assert_eq!(
            split_quoted(r#"a b:"c d" 'e''f'  "g\"""#).unwrap(),
            ["a", "b:c d", "ef", "g\""]
        );
        assert_eq!(split_quoted(" '' x").unwrap(), ["", "x"]);
        assert_eq!(split_quoted("'a"), Err("unclosed quote"));
        assert_eq!(split_quoted("a\\"), Err("unfinished escaping"));
    }

    #[test]
    fn directives() {
        let mut ctx = Context::new("linux", "amd64", PathBuf::from("/r"));
        ctx.cgo_enabled = true;
        let mut p = Package {
            dir: PathBuf::from("/src/p"),
            ..Package::default()
        };
        let text = "#include <x.h>\n#cgo CFLAGS: -I inc -DX=1\n#cgo windows LDFLAGS: -lw\n#cgo linux,amd64 LDFLAGS: -L${SRCDIR}/lib\n#cgo noescape f\n#cgo pkg-config: png\n";
        save_cgo(&ctx, "/src/p/a.go", &mut p, text).unwrap();
        assert_eq!(p.cgo_cflags, ["-I", "/src/p/inc", "-DX=1"]);
        assert_eq!(p.cgo_ldflags, ["-L/src/p/lib"]);
        assert_eq!(p.cgo_pkg_config, ["png"]);
        assert_eq!(
            save_cgo(&ctx, "/src/p/a.go", &mut p, "#cgo FOO: x").unwrap_err(),
            "/src/p/a.go: invalid #cgo verb: #cgo FOO: x"
        );
        assert_eq!(
            save_cgo(&ctx, "/src/p/a.go", &mut p, "#cgo CFLAGS -x").unwrap_err(),
            "/src/p/a.go: invalid #cgo line: #cgo CFLAGS -x"
        );
        assert_eq!(
            save_cgo(&ctx, "/src/p/a.go", &mut p, "#cgo CFLAGS: `x`").unwrap_err(),
            "/src/p/a.go: malformed #cgo argument: `x`"
        );
    }
}
