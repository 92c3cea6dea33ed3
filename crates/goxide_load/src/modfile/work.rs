//! go.work files: a port of x/mod's `modfile/work.go` (parsing) and the
//! `WorkFile` half of `(*File).add` in `rule.go`.
//!
//! A go.work file has `go`, `toolchain`, `godebug`, `use dir` and
//! `replace` directives; blocks are allowed for `godebug`, `use` and
//! `replace`. The syntax, the version checks and the error texts are
//! go.mod's (see `read.rs` and `rule.rs`); there is no lax mode.
//!
//! Invariants: as for go.mod — every directive names its line, and
//! parsing never panics.

use super::read::{FileSyntax, LineId, Stmt, parse_syntax};
use super::rule::{
    Cause, Error, ErrorList, Fix, Go, Godebug, Replace, Toolchain, VersionFixer, compare_line,
    drop_lines, later_replacements_win, parse_replace,
    parse_string,
};

/// A parsed go.work file (`modfile.WorkFile`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkFile {
    pub go: Option<Go>,
    pub toolchain: Option<Toolchain>,
    pub godebug: Vec<Godebug>,
    /// The `use` directives.
    pub uses: Vec<Use>,
    pub replace: Vec<Replace>,
    pub syntax: FileSyntax,
}

/// One `use dir`. `module_path` is the module path recorded in a comment
/// by tools; the parser leaves it empty, as x/mod does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Use {
    pub path: String,
    pub module_path: String,
    pub syntax: LineId,
}

/// Parses a go.work file (`modfile.ParseWork`); `file` and `fix` as for
/// [`super::parse`].
pub fn parse_work(
    file: &str,
    data: &[u8],
    fix: Option<&mut VersionFixer<'_>>,
) -> Result<WorkFile, ErrorList> {
    let syntax = parse_syntax(file, data)?;
    let mut f = WorkFile {
        syntax,
        ..Default::default()
    };
    let mut errs = Vec::new();
    let mut fix = match fix {
        Some(fx) => Fix::With(fx),
        None => Fix::Canonical,
    };
    for si in 0..f.syntax.stmt.len() {
        match &f.syntax.stmt[si] {
            Stmt::Comments(_) => {}
            Stmt::Line(id) => {
                let id = *id;
                let mut tokens = std::mem::take(&mut f.syntax.line_mut(id).token);
                let verb = tokens[0].clone();
                f.add(&mut errs, id, &verb, &mut tokens[1..], &mut fix);
                f.syntax.line_mut(id).token = tokens;
            }
            Stmt::Block(b) => {
                if b.token.len() > 1
                    || !["godebug", "use", "replace"].contains(&b.token[0].as_str())
                {
                    errs.push(Error {
                        filename: file.to_string(),
                        pos: b.start,
                        verb: String::new(),
                        mod_path: String::new(),
                        err: Cause::Message(format!("unknown block type: {}", b.token.join(" "))),
                    });
                    continue;
                }
                let verb = b.token[0].clone();
                for id in b.line.clone() {
                    let mut tokens = std::mem::take(&mut f.syntax.line_mut(id).token);
                    f.add(&mut errs, id, &verb, &mut tokens[..], &mut fix);
                    f.syntax.line_mut(id).token = tokens;
                }
            }
        }
    }
    if errs.is_empty() {
        Ok(f)
    } else {
        Err(ErrorList(errs))
    }
}

impl WorkFile {
    fn add(
        &mut self,
        errs: &mut Vec<Error>,
        id: LineId,
        verb: &str,
        args: &mut [String],
        fix: &mut Fix<'_, '_>,
    ) {
        let filename = self.syntax.name.clone();
        let start = self.syntax.line(id).start;
        let errorf = |errs: &mut Vec<Error>, msg: String| {
            errs.push(Error {
                filename: filename.clone(),
                pos: start,
                verb: String::new(),
                mod_path: String::new(),
                err: Cause::Message(msg),
            })
        };
        match verb {
            "go" => match super::rule::go_directive(&self.go, args, id, true) {
                Ok(go) => self.go = Some(go),
                Err(msg) => return errorf(errs, msg),
            },
            "toolchain" => match super::rule::toolchain_directive(&self.toolchain, args, id) {
                Ok(t) => self.toolchain = Some(t),
                Err(msg) => return errorf(errs, msg),
            },
            "godebug" => {
                if args.len() != 1 || args[0].contains(['"', '`', '\'', ',']) {
                    return errorf(errs, "usage: godebug key=value".into());
                }
                let Some((key, value)) = args[0].split_once('=') else {
                    return errorf(errs, "usage: godebug key=value".into());
                };
                self.godebug.push(Godebug {
                    key: key.to_string(),
                    value: value.to_string(),
                    syntax: id,
                });
            }
            "use" => {
                if args.len() != 1 {
                    return errorf(errs, format!("usage: {verb} local/dir"));
                }
                match parse_string(&mut args[0]) {
                    Ok(s) => self.uses.push(Use {
                        path: s,
                        module_path: String::new(),
                        syntax: id,
                    }),
                    Err(e) => errorf(errs, format!("invalid quoted string: {e}")),
                }
            }
            "replace" => match parse_replace(&filename, start, verb, args, fix) {
                Ok((old, new)) => self.replace.push(Replace {
                    old,
                    new,
                    syntax: id,
                }),
                Err(e) => errs.push(*e),
            },
            _ => errorf(errs, format!("unknown directive: {verb}")),
        }
    }

    /// Removes duplicate replacements (later ones win) and sorts the lines
    /// of each block (`(*WorkFile).SortBlocks`).
    pub fn sort_blocks(&mut self) {
        let kill: std::collections::HashSet<LineId> = later_replacements_win(&mut self.replace)
            .into_iter()
            .collect();
        drop_lines(&mut self.syntax, &kill);
        for i in 0..self.syntax.stmt.len() {
            let mut ids = match &self.syntax.stmt[i] {
                Stmt::Block(b) => b.line.clone(),
                _ => continue,
            };
            let syn = &self.syntax;
            ids.sort_by(|&a, &b| compare_line(&syn.line(a).token, &syn.line(b).token));
            if let Stmt::Block(b) = &mut self.syntax.stmt[i] {
                b.line = ids;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives() {
        let f = parse_work(
            "go.work",
            b"go 1.22\ntoolchain go1.22.1\ngodebug a=b\nuse (\n\t./a\n\t\"./b c\"\n)\nreplace x.y/z v1 => ../z\n",
            None,
        )
        .unwrap();
        assert_eq!(f.go.unwrap().version, "1.22");
        assert_eq!(f.toolchain.unwrap().name, "go1.22.1");
        assert_eq!(f.godebug[0].key, "a");
        let uses: Vec<&str> = f.uses.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(uses, ["./a", "./b c"]);
        assert!(f.uses.iter().all(|u| u.module_path.is_empty()));
        assert_eq!(f.replace[0].old.version, "v1.0.0");
        assert_eq!(f.syntax.line(f.uses[1].syntax).start.line, 6);
    }

    #[test]
    fn errors() {
        let err = |t: &str| {
            parse_work("go.work", t.as_bytes(), None)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("go 1.22\nrequire x v1.0.0\n"),
            "go.work:2: unknown directive: require"
        );
        assert_eq!(err("module m\n"), "go.work:1: unknown directive: module");
        assert_eq!(
            err("go v1.22\n"),
            "go.work:1: invalid go version 'v1.22': must match format 1.23.0",
            "no lax mode"
        );
        assert_eq!(
            err("use (\n)\nrequire (\n)\n"),
            "go.work:3: unknown block type: require"
        );
        assert_eq!(err("use a b\n"), "go.work:1: usage: use local/dir");
    }
}
