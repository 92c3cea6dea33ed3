//! `//go:` directives: collected into the pragma of the next declaration,
//! and judged as gc's noder judges them while parsing (`noder/noder.go`'s
//! `pragma` and `checkUnusedDuringParse`, `noder/lex.go`'s `pragmaFlag`).
//!
//! A directive must be alone on its line ("misplaced compiler directive"
//! otherwise). Known flag directives (`go:noinline`, `go:nosplit`, ...)
//! set bits in [`Pragma::flags`]; `go:linkname` is recorded file-wide;
//! `go:embed` patterns are parsed as gc parses them. A pragma that reaches
//! a statement or the end of a group instead of a declaration is
//! "misplaced". Which directives are allowed depends on what is being
//! compiled (user code, the standard library, the runtime): [`Policy`].

use crate::ast::{LinkName, Pragma};
use crate::parser::Parser;
use crate::pos::Pos;

/// What is being compiled, for the directives that only some code may use.
#[derive(Clone, Copy, Debug, Default)]
pub struct Policy {
    /// Compiling a standard library package (gc's `-std`).
    pub std: bool,
    /// Compiling the runtime (gc's `CompilingRuntime`).
    pub runtime: bool,
    /// GOARCH is wasm (`go:wasmimport`/`go:wasmexport` take effect).
    pub wasm: bool,
}

/// Packages gc compiles as the runtime (`cmd/internal/objabi/pkgspecial.go`'s
/// `runtimePkgs`): with `-std`, their files may use the runtime's directives.
const RUNTIME_PACKAGES: &[&str] = &[
    "runtime",
    "internal/runtime/atomic",
    "internal/runtime/cgroup",
    "internal/runtime/exithook",
    "internal/runtime/gc",
    "internal/runtime/gc/scan",
    "internal/runtime/maps",
    "internal/runtime/math",
    "internal/runtime/sys",
    "internal/runtime/syscall/linux",
    "internal/runtime/syscall/windows",
    "internal/abi",
    "internal/bytealg",
    "internal/byteorder",
    "internal/chacha8rand",
    "internal/coverage/rtcov",
    "internal/cpu",
    "internal/goarch",
    "internal/godebugs",
    "internal/goexperiment",
    "internal/goos",
    "internal/profilerecord",
    "internal/strconv",
    "internal/stringslite",
];

impl Policy {
    /// The policy gc applies to a GOROOT package (`-std`; the runtime flag
    /// for the runtime's packages).
    pub fn for_std_package(import_path: &str) -> Policy {
        Policy { std: true, runtime: RUNTIME_PACKAGES.contains(&import_path), wasm: false }
    }
}

// Pragma flags (gc's ir.PragmaFlag, the ones the parser can set).
pub const NOINLINE: u32 = 1 << 0;
pub const NORACE: u32 = 1 << 1;
pub const NOSPLIT: u32 = 1 << 2;
pub const NOCHECKPTR: u32 = 1 << 3;
pub const NOESCAPE: u32 = 1 << 4;
pub const SYSTEMSTACK: u32 = 1 << 5;
pub const NOWRITEBARRIER: u32 = 1 << 6;
pub const NOWRITEBARRIERREC: u32 = 1 << 7;
pub const YESWRITEBARRIERREC: u32 = 1 << 8;
pub const CGO_UNSAFE_ARGS: u32 = 1 << 9;
pub const UINTPTR_KEEPALIVE: u32 = 1 << 10;
pub const UINTPTR_ESCAPES: u32 = 1 << 11;
pub const REGISTER_PARAMS: u32 = 1 << 12;
pub const GO_BUILD: u32 = 1 << 13;

/// gc's `pragmaFlag`.
fn pragma_flag(verb: &str) -> u32 {
    match verb {
        "go:build" => GO_BUILD,
        "go:noescape" => NOESCAPE,
        "go:norace" => NORACE,
        "go:nosplit" => NOSPLIT | NOCHECKPTR,
        "go:noinline" => NOINLINE,
        "go:nocheckptr" => NOCHECKPTR,
        "go:systemstack" => SYSTEMSTACK,
        "go:nowritebarrier" => NOWRITEBARRIER,
        "go:nowritebarrierrec" => NOWRITEBARRIERREC | NOWRITEBARRIER,
        "go:yeswritebarrierrec" => YESWRITEBARRIERREC,
        "go:cgo_unsafe_args" => CGO_UNSAFE_ARGS | NOCHECKPTR,
        "go:uintptrkeepalive" => UINTPTR_KEEPALIVE,
        "go:uintptrescapes" => UINTPTR_ESCAPES | UINTPTR_KEEPALIVE,
        "go:registerparams" => REGISTER_PARAMS,
        // go:nointerface only with the fieldtrack experiment, which is off.
        _ => 0,
    }
}

/// Directives the standard library may use without a flag (gc's
/// `allowedStdPragmas`).
fn allowed_std_pragma(verb: &str) -> bool {
    matches!(
        verb,
        "go:cgo_export_static"
            | "go:cgo_export_dynamic"
            | "go:cgo_import_static"
            | "go:cgo_import_dynamic"
            | "go:cgo_ldflag"
            | "go:cgo_dynamic_interpreter"
            | "go:embed"
            | "go:fix"
            | "go:generate"
            | "go:linkname"
    )
}

/// A pragma being collected, with the positions gc reports misplacement at.
#[derive(Debug, Default)]
pub struct PendingPragma {
    pub pragma: Pragma,
    /// (flag, position) per flag directive.
    flag_pos: Vec<(u32, Pos)>,
    wasm_import: Option<Pos>,
    wasm_export: Option<Pos>,
}

/// Handles one `//go:` directive at `pos` (the text after `//`).
pub(crate) fn on_directive(p: &mut Parser, pos: Pos, blank: bool, text: String) {
    let policy = *p.policy();
    let mut errors: Vec<(Pos, String)> = Vec::new();
    let mut linkname = None;
    {
        let pragma = p.pending_pragma().get_or_insert_with(PendingPragma::default);
        pragma.pragma.directives.push((pos, text.clone()));
        if !blank {
            // directive must be on line by itself
            errors.push((pos, "misplaced compiler directive".into()));
        } else if text.starts_with("go:wasmimport ") {
            if text.split_whitespace().count() != 3 {
                errors.push((pos, "usage: //go:wasmimport importmodule importname".into()));
            } else if policy.wasm {
                pragma.wasm_import = Some(pos);
            }
        } else if text.starts_with("go:wasmexport ") {
            if text.split_whitespace().count() != 2 {
                errors.push((pos, "usage: //go:wasmexport exportname".into()));
            } else if policy.wasm {
                pragma.wasm_export = Some(pos);
            }
        } else if text.starts_with("go:linkname ") || text.starts_with("go:linknamestd ") {
            let f: Vec<&str> = text.split_whitespace().collect();
            if !(2..=3).contains(&f.len()) {
                errors.push((pos, format!("usage: //{} localname [linkname]", f[0])));
            } else {
                linkname = Some(LinkName {
                    pos,
                    std: f[0] == "go:linknamestd",
                    local: f[1].to_string(),
                    target: f.get(2).map(|s| s.to_string()),
                });
            }
        } else if text == "go:embed" || text.starts_with("go:embed ") {
            match parse_go_embed(&text["go:embed".len()..]) {
                Err(e) => {
                    errors.push((pos, e));
                    // gc reports the usage error too when nothing parsed.
                    errors.push((pos, "usage: //go:embed pattern...".into()));
                }
                Ok(args) if args.is_empty() => errors.push((pos, "usage: //go:embed pattern...".into())),
                Ok(args) => pragma.pragma.embeds.push((pos, args)),
            }
        } else {
            let fields: Vec<&str> = text.split_whitespace().collect();
            if text.starts_with("go:cgo_import_dynamic ") && fields.len() >= 4 {
                let lib = fields[3].trim_matches('"');
                if !lib.is_empty() && !safe_arg(lib) {
                    errors.push((pos, format!("invalid library name {lib:?} in cgo_import_dynamic directive")));
                }
            } else {
                // For security, //go:cgo_* directives are only for cgo-generated
                // files (named _cgo_*, which the go command never passes).
                if text.starts_with("go:cgo_") && !policy.std {
                    errors.push((pos, format!("//{text} only allowed in cgo-generated code")));
                }
                let verb = text.split(' ').next().unwrap_or("");
                let flag = pragma_flag(verb);
                const RUNTIME_PRAGMAS: u32 = SYSTEMSTACK | NOWRITEBARRIER | NOWRITEBARRIERREC | YESWRITEBARRIERREC;
                if !policy.runtime && flag & RUNTIME_PRAGMAS != 0 {
                    errors.push((pos, format!("//{verb} only allowed in runtime")));
                }
                if flag == UINTPTR_KEEPALIVE && !policy.std {
                    errors.push((pos, format!("//{verb} is only allowed in the standard library")));
                }
                if flag == 0 && !allowed_std_pragma(verb) && policy.std {
                    errors.push((pos, format!("//{verb} is not allowed in the standard library")));
                }
                pragma.pragma.flags |= flag;
                pragma.flag_pos.push((flag, pos));
            }
        }
    }
    if let Some(l) = linkname {
        p.f.linknames.push(l);
    }
    for (pos, msg) in errors {
        p.report_at(pos, msg);
    }
}

/// Reports the directives of a pragma that no declaration took (gc's
/// `checkUnusedDuringParse`).
pub(crate) fn check_unused(p: &mut Parser, pending: &PendingPragma) {
    for &(flag, pos) in &pending.flag_pos {
        if flag & pending.pragma.flags != 0 {
            p.report_at(pos, "misplaced compiler directive".into());
        }
    }
    for (pos, _) in &pending.pragma.embeds {
        p.report_at(*pos, "misplaced go:embed directive".into());
    }
    if let Some(pos) = pending.wasm_import {
        p.report_at(pos, "misplaced go:wasmimport directive".into());
    }
    if let Some(pos) = pending.wasm_export {
        p.report_at(pos, "misplaced go:wasmexport directive".into());
    }
}

/// gc's `safeArg`.
fn safe_arg(name: &str) -> bool {
    let Some(c) = name.bytes().next() else { return false };
    c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || c == b'/' || c >= 0x80
}

/// Parses the text after `//go:embed` into patterns: unquoted words, and
/// double- or back-quoted Go strings (gc's `parseGoEmbed`).
pub fn parse_go_embed(args: &str) -> Result<Vec<String>, String> {
    let mut list = Vec::new();
    let mut args = args.trim_matches(is_space);
    while !args.is_empty() {
        let path;
        match args.as_bytes()[0] {
            b'`' => {
                let Some(i) = args[1..].find('`') else {
                    return Err(format!("invalid quoted string in //go:embed: {args}"));
                };
                path = args[1..1 + i].to_string();
                args = &args[1 + i + 1..];
            }
            b'"' => {
                let b = args.as_bytes();
                let mut i = 1;
                let mut found = None;
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == b'"' {
                        found = Some(i);
                        break;
                    }
                    i += 1;
                }
                let Some(i) = found else {
                    return Err(format!("invalid quoted string in //go:embed: {args}"));
                };
                match unquote_go_string(&args[1..i]) {
                    Some(q) => path = q,
                    None => return Err(format!("invalid quoted string in //go:embed: {}", &args[..i + 1])),
                }
                args = &args[i + 1..];
            }
            _ => {
                let i = args.find(is_space).unwrap_or(args.len());
                path = args[..i].to_string();
                args = &args[i..];
            }
        }
        if let Some(r) = args.chars().next() {
            if !is_space(r) {
                return Err(format!("invalid quoted string in //go:embed: {args}"));
            }
        }
        list.push(path);
        args = args.trim_matches(is_space);
    }
    Ok(list)
}

/// Go's `unicode.IsSpace`.
fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{85}' | '\u{A0}')
        || (c as u32 > 0xFF && c.is_whitespace())
}

/// The value of the body of a double-quoted Go string, or `None` if it is
/// malformed.
fn unquote_go_string(body: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || c == '"' {
            return None;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next()?;
        let hex = |chars: &mut std::iter::Peekable<std::str::Chars>, n: usize| -> Option<u32> {
            let mut v = 0;
            for _ in 0..n {
                v = v * 16 + chars.next()?.to_digit(16)?;
            }
            Some(v)
        };
        match e {
            'a' => out.push('\u{07}'),
            'b' => out.push('\u{08}'),
            'f' => out.push('\u{0C}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\u{0B}'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            'x' => {
                // A byte; embed patterns are text, keep valid ASCII only.
                let v = hex(&mut chars, 2)?;
                out.push(char::from_u32(v).filter(|c| c.is_ascii())?);
            }
            'u' => out.push(char::from_u32(hex(&mut chars, 4)?)?),
            'U' => out.push(char::from_u32(hex(&mut chars, 8)?)?),
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                for _ in 0..2 {
                    v = v * 8 + chars.next()?.to_digit(8)?;
                }
                if v > 255 {
                    return None;
                }
                out.push(char::from_u32(v).filter(|c| c.is_ascii())?);
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_patterns_parse_as_gc() {
        assert_eq!(parse_go_embed(" a.txt  b/*.png").unwrap(), vec!["a.txt", "b/*.png"]);
        assert_eq!(parse_go_embed(r#" "x y.txt" `raw z`"#).unwrap(), vec!["x y.txt", "raw z"]);
        assert!(parse_go_embed(r#" "unterminated"#).is_err());
        assert!(parse_go_embed(r#" "a"b"#).is_err());
        assert!(parse_go_embed("").unwrap().is_empty());
    }

    #[test]
    fn flags_as_gc() {
        assert_eq!(pragma_flag("go:nosplit"), NOSPLIT | NOCHECKPTR);
        assert_eq!(pragma_flag("go:unknown"), 0);
    }
}
