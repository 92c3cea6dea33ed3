//! go.mod interpreted: the directives, their checks and their errors, a
//! port of x/mod's `modfile/rule.go` (the parsing half; the editing API
//! is not ported, apart from `SortBlocks` and its duplicate removal, which
//! `go mod edit -json` applies before printing).
//!
//! [`parse`] (x/mod `Parse`) accepts every directive and reports unknown
//! ones; [`parse_lax`] (`ParseLax`, for dependencies' go.mod files) keeps
//! only `module`, `go`, `require`, `retract` and `ignore`, ignores
//! everything else, fixes up go versions like `1.21x` and skips malformed
//! retractions. Directives are checked in file order; all their errors
//! are collected (a syntax error stops at the first). Versions must be
//! canonicalizable semver (`v1.2` becomes `v1.2.0`) unless a
//! [`VersionFixer`] is given, which then decides (cmd/go resolves branch
//! names and hashes with it). Retractions are checked against the module
//! path in a second pass, only when a fixer is given, as in x/mod.
//!
//! Errors print as x/mod's: `file:line: message`, `file:line:col:` for
//! lexer errors, with `verb path: ` inserted for errors about one module.
//! [`ErrorList`] joins them with newlines. As in x/mod, checking a version
//! rewrites its token in the syntax tree to the canonical (unquoted) form.
//!
//! Invariants: a returned [`File`]'s directives each name their line in
//! `syntax`; parsing never panics on any input.

use std::fmt;

use super::read::{Comments, FileSyntax, LineId, Position, Stmt, parse_syntax};
use super::strconv::{go_string, is_print, quote, trim_space, unquote};
use crate::module::{self, InvalidVersionError, Version};
use crate::semver;

/// A parsed go.mod file (`modfile.File`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    pub module: Option<Module>,
    pub go: Option<Go>,
    pub toolchain: Option<Toolchain>,
    pub godebug: Vec<Godebug>,
    pub require: Vec<Require>,
    pub exclude: Vec<Exclude>,
    pub replace: Vec<Replace>,
    pub retract: Vec<Retract>,
    pub tool: Vec<Tool>,
    pub ignore: Vec<Ignore>,
    pub syntax: FileSyntax,
}

/// The `module` directive. `path` is empty when the directive was
/// malformed (x/mod still records it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Module {
    pub path: String,
    /// The text after `Deprecated:` in the directive's comments.
    pub deprecated: String,
    pub syntax: LineId,
}

impl Module {
    /// The module as a [`Version`] with an empty version (`f.Module.Mod`).
    pub fn version(&self) -> Version {
        Version {
            path: self.path.clone(),
            version: String::new(),
        }
    }
}

/// The `go` directive: a Go version such as `1.23` or `1.23.0`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Go {
    pub version: String,
    pub syntax: LineId,
}

/// The `toolchain` directive: a name such as `go1.21rc1` or `default`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Toolchain {
    pub name: String,
    pub syntax: LineId,
}

/// One `godebug key=value`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Godebug {
    pub key: String,
    pub value: String,
    pub syntax: LineId,
}

/// One `require path version`, `indirect` when its comment starts with
/// `// indirect`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Require {
    pub module: Version,
    pub indirect: bool,
    pub syntax: LineId,
}

/// One `exclude path version`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exclude {
    pub module: Version,
    pub syntax: LineId,
}

/// One `replace old [version] => new [version]`; a directory replacement
/// has an empty `new.version`, a replacement of all versions an empty
/// `old.version`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replace {
    pub old: Version,
    pub new: Version,
    pub syntax: LineId,
}

/// One `retract version` or `retract [low, high]` (closed interval), with
/// the rationale from its comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retract {
    pub low: String,
    pub high: String,
    pub rationale: String,
    pub syntax: LineId,
}

/// One `tool package/path`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tool {
    pub path: String,
    pub syntax: LineId,
}

/// One `ignore dir`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ignore {
    pub path: String,
    pub syntax: LineId,
}

/// What an [`Error`] wraps (Go's `Err error` field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// A plain message.
    Message(String),
    /// An error of the module package, or one a version fixer returned.
    Module(module::Error),
    /// A positionless [`Error`] carrying a verb and module path, which
    /// x/mod nests inside the positioned one.
    Nested(Box<Error>),
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cause::Message(s) => f.write_str(s),
            Cause::Module(e) => e.fmt(f),
            Cause::Nested(e) => e.fmt(f),
        }
    }
}

/// One go.mod / go.work error (`modfile.Error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub filename: String,
    pub pos: Position,
    pub verb: String,
    pub mod_path: String,
    pub err: Cause,
}

impl Error {
    fn positioned(filename: &str, pos: Position, err: Cause) -> Error {
        Error {
            filename: filename.to_string(),
            pos,
            verb: String::new(),
            mod_path: String::new(),
            err,
        }
    }

    fn about(verb: &str, mod_path: &str, err: Cause) -> Error {
        Error {
            filename: String::new(),
            pos: Position::default(),
            verb: verb.to_string(),
            mod_path: mod_path.to_string(),
            err,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pos.line_rune > 1 {
            write!(
                f,
                "{}:{}:{}: ",
                self.filename, self.pos.line, self.pos.line_rune
            )?;
        } else if self.pos.line > 0 {
            write!(f, "{}:{}: ", self.filename, self.pos.line)?;
        } else if !self.filename.is_empty() {
            write!(f, "{}: ", self.filename)?;
        }
        if !self.mod_path.is_empty() {
            write!(f, "{} {}: ", self.verb, self.mod_path)?;
        } else if !self.verb.is_empty() {
            write!(f, "{}: ", self.verb)?;
        }
        self.err.fmt(f)
    }
}

impl std::error::Error for Error {}

/// The errors of one file (`modfile.ErrorList`), printed one per line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorList(pub Vec<Error>);

impl fmt::Display for ErrorList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            e.fmt(f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ErrorList {}

/// Canonicalizes a module version (`modfile.VersionFixer`): called with
/// the module path and the version as written; returns the version to
/// record. A [`module::Error::Module`] error is reported as
/// `verb path: <inner error>`, any other error as is.
pub type VersionFixer<'a> = dyn FnMut(&str, &str) -> Result<String, module::Error> + 'a;

/// How versions are checked while parsing.
pub(super) enum Fix<'r, 'a> {
    /// No fixer: versions must canonicalize (`fix == nil`).
    Canonical,
    /// Versions are kept as written (x/mod's `dontFixRetract`).
    Keep,
    With(&'r mut VersionFixer<'a>),
}

/// Parses a go.mod file (`modfile.Parse`). `file` names it in positions
/// and errors; `fix`, when given, canonicalizes versions (see
/// [`VersionFixer`]); without it every version must be canonical semver
/// or a shorthand of one.
pub fn parse(
    file: &str,
    data: &[u8],
    fix: Option<&mut VersionFixer<'_>>,
) -> Result<File, ErrorList> {
    parse_to_file(file, data, fix, true)
}

/// Like [`parse`] but for dependencies' go.mod files: unknown and
/// main-module-only directives are ignored (`modfile.ParseLax`).
pub fn parse_lax(
    file: &str,
    data: &[u8],
    fix: Option<&mut VersionFixer<'_>>,
) -> Result<File, ErrorList> {
    parse_to_file(file, data, fix, false)
}

fn parse_to_file(
    file: &str,
    data: &[u8],
    fix: Option<&mut VersionFixer<'_>>,
    strict: bool,
) -> Result<File, ErrorList> {
    let syntax = parse_syntax(file, data)?;
    let mut f = File {
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
                f.add(
                    &mut errs,
                    None,
                    id,
                    &verb,
                    &mut tokens[1..],
                    &mut fix,
                    strict,
                );
                f.syntax.line_mut(id).token = tokens;
            }
            Stmt::Block(b) => {
                let known = [
                    "module", "godebug", "require", "exclude", "replace", "retract", "tool",
                    "ignore",
                ];
                if b.token.len() > 1 || !known.contains(&b.token[0].as_str()) {
                    if strict {
                        errs.push(Error::positioned(
                            file,
                            b.start,
                            Cause::Message(format!("unknown block type: {}", b.token.join(" "))),
                        ));
                    }
                    continue;
                }
                let verb = b.token[0].clone();
                for id in b.line.clone() {
                    let mut tokens = std::mem::take(&mut f.syntax.line_mut(id).token);
                    f.add(
                        &mut errs,
                        Some(si),
                        id,
                        &verb,
                        &mut tokens[..],
                        &mut fix,
                        strict,
                    );
                    f.syntax.line_mut(id).token = tokens;
                }
            }
        }
    }

    // Retractions are checked once the module path is known.
    if let Fix::With(_) = fix {
        f.fix_retract(&mut fix, &mut errs);
    }
    if errs.is_empty() {
        Ok(f)
    } else {
        Err(ErrorList(errs))
    }
}

/// Whether `s` is a valid `go` directive version (`modfile.GoVersionRE`:
/// `^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$`).
pub fn is_go_version(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(mut i) = decimal_no_leading_zero(b, 0, false) else {
        return false;
    };
    if b.get(i) != Some(&b'.') {
        return false;
    }
    let Some(j) = decimal_no_leading_zero(b, i + 1, true) else {
        return false;
    };
    i = j;
    if b.get(i) == Some(&b'.') {
        let Some(j) = decimal_no_leading_zero(b, i + 1, true) else {
            return false;
        };
        i = j;
    }
    if i == b.len() {
        return true;
    }
    // ([a-z]+[0-9]+)$
    let letters = b[i..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    let digits = b[i + letters..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    letters > 0 && digits > 0 && i + letters + digits == b.len()
}

/// `[1-9][0-9]*` (or `0` alone when `zero_ok`) starting at `b[i]`, as a
/// maximal digit run; the index after it.
fn decimal_no_leading_zero(b: &[u8], i: usize, zero_ok: bool) -> Option<usize> {
    let n = b
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n == 0 || b[i] == b'0' && !(zero_ok && n == 1) {
        return None;
    }
    Some(i + n)
}

/// The `major.minor` of a go version that only the lax parser accepts
/// (`laxGoVersionRE`: `^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$`).
fn lax_go_version(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let start = usize::from(b.first() == Some(&b'v'));
    let i = decimal_no_leading_zero(b, start, false)?;
    if b.get(i) != Some(&b'.') {
        return None;
    }
    let j = decimal_no_leading_zero(b, i + 1, true)?;
    // ([^0-9].*)$: at least one more character; `.` excludes newlines,
    // which tokens never hold.
    if j >= b.len() || s[j..].contains('\n') {
        return None;
    }
    Some(s[start..j].to_string())
}

/// Whether `s` is a valid `toolchain` name (`modfile.ToolchainRE`:
/// `^default$|^go1($|\.)`).
pub fn is_toolchain_name(s: &str) -> bool {
    s == "default" || s == "go1" || s.starts_with("go1.")
}

impl File {
    /// Interprets one directive line (`(*File).add`). `block` is the index
    /// of the enclosing block statement; `args` are the line's tokens
    /// after the verb, rewritten in place as x/mod does.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        errs: &mut Vec<Error>,
        block: Option<usize>,
        id: LineId,
        verb: &str,
        args: &mut [String],
        fix: &mut Fix<'_, '_>,
        strict: bool,
    ) {
        // Dependencies' go.mod files keep only what matters to them.
        if !strict && !matches!(verb, "go" | "module" | "retract" | "require" | "ignore") {
            return;
        }
        let filename = self.syntax.name.clone();
        let start = self.syntax.line(id).start;
        let errorf = |errs: &mut Vec<Error>, msg: String| {
            errs.push(Error::positioned(&filename, start, Cause::Message(msg)))
        };
        let wrap = |errs: &mut Vec<Error>, cause: Cause| {
            errs.push(Error::positioned(&filename, start, cause))
        };
        let wrap_mod_path = |errs: &mut Vec<Error>, path: &str, cause: Cause| {
            errs.push(Error {
                filename: filename.clone(),
                pos: start,
                verb: verb.to_string(),
                mod_path: path.to_string(),
                err: cause,
            })
        };

        match verb {
            "go" => match go_directive(&self.go, args, id, strict) {
                Ok(go) => self.go = Some(go),
                Err(msg) => return errorf(errs, msg),
            },
            "toolchain" => match toolchain_directive(&self.toolchain, args, id) {
                Ok(t) => self.toolchain = Some(t),
                Err(msg) => return errorf(errs, msg),
            },
            "module" => {
                if self.module.is_some() {
                    return errorf(errs, "repeated module statement".into());
                }
                let deprecated = parse_deprecation(&self.directive_comment(block, id));
                self.module = Some(Module {
                    path: String::new(),
                    deprecated,
                    syntax: id,
                });
                if args.len() != 1 {
                    return errorf(errs, "usage: module module/path".into());
                }
                match parse_string(&mut args[0]) {
                    Ok(s) => {
                        if let Some(m) = self.module.as_mut() {
                            m.path = s;
                        }
                    }
                    Err(e) => errorf(errs, format!("invalid quoted string: {e}")),
                }
            }
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
            "require" | "exclude" => {
                if args.len() != 2 {
                    return errorf(errs, format!("usage: {verb} module/path v1.2.3"));
                }
                let s = match parse_string(&mut args[0]) {
                    Ok(s) => s,
                    Err(e) => return errorf(errs, format!("invalid quoted string: {e}")),
                };
                let v = match parse_version(verb, &s, &mut args[1], fix) {
                    Ok(v) => v,
                    Err(cause) => return wrap(errs, cause),
                };
                let Some(path_major) = module_path_major(&s) else {
                    return errorf(errs, "invalid module path".into());
                };
                if let Err(e) = module::check_path_major(&v, path_major) {
                    return wrap_mod_path(errs, &s, Cause::Module(e.into()));
                }
                let module = Version {
                    path: s,
                    version: v,
                };
                if verb == "require" {
                    let indirect = is_indirect(&self.syntax.line(id).comments);
                    self.require.push(Require {
                        module,
                        indirect,
                        syntax: id,
                    });
                } else {
                    self.exclude.push(Exclude { module, syntax: id });
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
            "retract" => {
                let rationale = self.directive_comment(block, id);
                let (low, high, used) = match parse_version_interval(verb, "", args, &mut Fix::Keep)
                {
                    Ok(r) => r,
                    // Only the main module reports malformed intervals: later
                    // syntax (open intervals) must not break old go commands.
                    Err(cause) => {
                        if strict {
                            wrap(errs, cause);
                        }
                        return;
                    }
                };
                if used < args.len() && strict {
                    return errorf(
                        errs,
                        format!("unexpected token after version: {}", quote(&args[used])),
                    );
                }
                self.retract.push(Retract {
                    low,
                    high,
                    rationale,
                    syntax: id,
                });
            }
            "tool" | "ignore" => {
                if args.len() != 1 {
                    return errorf(
                        errs,
                        format!("{verb} directive expects exactly one argument"),
                    );
                }
                let s = match parse_string(&mut args[0]) {
                    Ok(s) => s,
                    Err(e) => return errorf(errs, format!("invalid quoted string: {e}")),
                };
                if verb == "tool" {
                    self.tool.push(Tool {
                        path: s,
                        syntax: id,
                    });
                } else {
                    self.ignore.push(Ignore {
                        path: s,
                        syntax: id,
                    });
                }
            }
            _ => errorf(errs, format!("unknown directive: {verb}")),
        }
    }

    /// The comment text of a directive (`parseDirectiveComment`): its own
    /// comments, or the block's when it has none.
    fn directive_comment(&self, block: Option<usize>, id: LineId) -> String {
        let mut comments: &Comments = &self.syntax.line(id).comments;
        if comments.before.is_empty()
            && comments.suffix.is_empty()
            && let Some(Stmt::Block(b)) = block.map(|i| &self.syntax.stmt[i])
        {
            comments = &b.comments;
        }
        directive_comment_text(comments)
    }

    /// Checks retractions against the module path (`fixRetract`).
    fn fix_retract(&mut self, fix: &mut Fix<'_, '_>, errs: &mut Vec<Error>) {
        let path = self
            .module
            .as_ref()
            .map(|m| m.path.clone())
            .unwrap_or_default();
        let filename = self.syntax.name.clone();
        for i in 0..self.retract.len() {
            let id = self.retract[i].syntax;
            let start = self.syntax.line(id).start;
            if path.is_empty() {
                errs.push(Error::positioned(
                    &filename,
                    start,
                    Cause::Message("no module directive found, so retract cannot be used".into()),
                ));
                return; // only the first one
            }
            let mut tokens = std::mem::take(&mut self.syntax.line_mut(id).token);
            let skip = usize::from(tokens.first().is_some_and(|t| t == "retract"));
            let result = parse_version_interval("retract", &path, &mut tokens[skip..], fix);
            self.syntax.line_mut(id).token = tokens;
            let (low, high) = match result {
                Ok((low, high, _)) => (low, high),
                Err(cause) => {
                    errs.push(Error::positioned(&filename, start, cause));
                    (String::new(), String::new())
                }
            };
            self.retract[i].low = low;
            self.retract[i].high = high;
        }
    }

    /// Removes duplicate directives and sorts the lines of each block
    /// (`(*File).SortBlocks`), as `go mod edit` does before printing.
    /// Earlier `exclude`, `tool` and `ignore` lines win over later
    /// duplicates; later `replace` lines win. Exclude blocks sort by
    /// semver from go 1.21 on; retract blocks sort by descending interval.
    pub fn sort_blocks(&mut self) {
        self.remove_dups();
        let semantic_exclude = self.go.as_ref().is_some_and(|g| {
            semver::compare(&format!("v{}", g.version), "v1.21") != std::cmp::Ordering::Less
        });
        for i in 0..self.syntax.stmt.len() {
            let (verb, mut ids) = match &self.syntax.stmt[i] {
                Stmt::Block(b) => (b.token[0].clone(), b.line.clone()),
                _ => continue,
            };
            let syn = &self.syntax;
            ids.sort_by(|&a, &b| {
                let (la, lb) = (&syn.line(a).token, &syn.line(b).token);
                if verb == "exclude" && semantic_exclude {
                    compare_line_exclude(la, lb)
                } else if verb == "retract" {
                    compare_line_retract(la, lb)
                } else {
                    compare_line(la, lb)
                }
            });
            if let Stmt::Block(b) = &mut self.syntax.stmt[i] {
                b.line = ids;
            }
        }
    }

    fn remove_dups(&mut self) {
        let mut kill = std::collections::HashSet::new();
        let mut seen = std::collections::HashSet::new();
        self.exclude.retain(|x| {
            if seen.insert(x.module.clone()) {
                true
            } else {
                kill.insert(x.syntax);
                false
            }
        });
        kill.extend(later_replacements_win(&mut self.replace));
        let mut seen = std::collections::HashSet::new();
        self.tool
            .retain(|t| seen.insert(t.path.clone()) || !kill.insert(t.syntax));
        let mut seen = std::collections::HashSet::new();
        self.ignore
            .retain(|t| seen.insert(t.path.clone()) || !kill.insert(t.syntax));
        drop_lines(&mut self.syntax, &kill);
    }
}

/// Drops all but the last replacement of each old module; the ids of the
/// dropped lines.
pub(super) fn later_replacements_win(replace: &mut Vec<Replace>) -> Vec<LineId> {
    let mut seen = std::collections::HashSet::new();
    let mut kill = Vec::new();
    for r in replace.iter().rev() {
        if !seen.insert(r.old.clone()) {
            kill.push(r.syntax);
        }
    }
    replace.retain(|r| !kill.contains(&r.syntax));
    kill
}

/// Removes the given lines from the statements; empty blocks go too
/// (even those that were empty to begin with, as in x/mod).
pub(super) fn drop_lines(syntax: &mut FileSyntax, kill: &std::collections::HashSet<LineId>) {
    syntax.stmt.retain_mut(|s| match s {
        Stmt::Line(id) => !kill.contains(id),
        Stmt::Block(b) => {
            b.line.retain(|id| !kill.contains(id));
            !b.line.is_empty()
        }
        Stmt::Comments(_) => true,
    });
}

/// Lexicographic order of token lists (`compareLine`).
pub(super) fn compare_line(a: &[String], b: &[String]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

fn compare_line_exclude(a: &[String], b: &[String]) -> std::cmp::Ordering {
    if a.len() != 2 || b.len() != 2 {
        return compare_line(a, b);
    }
    if a[0] != b[0] {
        return a[0].cmp(&b[0]);
    }
    semver::compare(&a[1], &b[1])
}

fn compare_line_retract(a: &[String], b: &[String]) -> std::cmp::Ordering {
    fn interval(t: &[String]) -> (&str, &str) {
        if t.len() == 1 {
            (&t[0], &t[0])
        } else if t.len() == 5 && t[0] == "[" && t[2] == "," && t[4] == "]" {
            (&t[1], &t[3])
        } else {
            ("", "")
        }
    }
    let (la, ha) = interval(a);
    let (lb, hb) = interval(b);
    semver::compare(la, lb)
        .reverse()
        .then_with(|| semver::compare(ha, hb).reverse())
}

/// Whether a require line's first suffix comment marks it indirect
/// (`isIndirect`): `// indirect` or `// indirect; more text`.
fn is_indirect(comments: &Comments) -> bool {
    let Some(c) = comments.suffix.first() else {
        return false;
    };
    let text = c.token.strip_prefix("//").unwrap_or(&c.token);
    let f: Vec<&str> = text
        .split(super::strconv::is_space)
        .filter(|w| !w.is_empty())
        .collect();
    f.len() == 1 && f[0] == "indirect" || f.len() > 1 && f[0] == "indirect;"
}

/// `replace` arguments (`parseReplace`), shared with go.work: the old and
/// new modules, or the positioned error.
pub(super) fn parse_replace(
    filename: &str,
    start: Position,
    verb: &str,
    args: &mut [String],
    fix: &mut Fix<'_, '_>,
) -> Result<(Version, Version), Box<Error>> {
    let errorf = |msg: String| Box::new(Error::positioned(filename, start, Cause::Message(msg)));
    let wrap = |cause: Cause| Box::new(Error::positioned(filename, start, cause));
    let wrap_mod_path = |path: &str, cause: Cause| {
        Box::new(Error {
            filename: filename.to_string(),
            pos: start,
            verb: verb.to_string(),
            mod_path: path.to_string(),
            err: cause,
        })
    };

    let arrow = if args.len() >= 2 && args[1] == "=>" {
        1
    } else {
        2
    };
    if args.len() < arrow + 2 || args.len() > arrow + 3 || args[arrow] != "=>" {
        return Err(errorf(format!(
            "usage: {verb} module/path [v1.2.3] => other/module v1.4\n\t or {verb} module/path [v1.2.3] => ../local/directory"
        )));
    }
    let s =
        parse_string(&mut args[0]).map_err(|e| errorf(format!("invalid quoted string: {e}")))?;
    let Some(path_major) = module_path_major(&s) else {
        return Err(wrap_mod_path(
            &s,
            Cause::Message("invalid module path".into()),
        ));
    };
    let mut v = String::new();
    if arrow == 2 {
        v = parse_version(verb, &s, &mut args[1], fix).map_err(wrap)?;
        if let Err(e) = module::check_path_major(&v, path_major) {
            return Err(wrap_mod_path(&s, Cause::Module(e.into())));
        }
    }
    let ns = parse_string(&mut args[arrow + 1])
        .map_err(|e| errorf(format!("invalid quoted string: {e}")))?;
    let mut nv = String::new();
    if args.len() == arrow + 2 {
        if !is_directory_path(&ns) {
            if ns.contains('@') {
                return Err(errorf(
                    "replacement module must match format 'path version', not 'path@version'"
                        .into(),
                ));
            }
            return Err(errorf(
                "replacement module without version must be directory path (rooted or starting with . or ..)".into(),
            ));
        }
        if !cfg!(windows) && ns.contains('\\') {
            return Err(errorf(
                "replacement directory appears to be Windows path (on a non-windows system)".into(),
            ));
        }
    }
    if args.len() == arrow + 3 {
        nv = parse_version(verb, &ns, &mut args[arrow + 2], fix).map_err(wrap)?;
        if is_directory_path(&ns) {
            return Err(errorf(format!(
                "replacement module directory path {} cannot have version",
                quote(&ns)
            )));
        }
    }
    Ok((
        Version {
            path: s,
            version: v,
        },
        Version {
            path: ns,
            version: nv,
        },
    ))
}

/// `modfile.IsDirectoryPath`: `.`, `..`, paths starting with `./`, `../`
/// (or their Windows forms), rooted paths and drive-letter paths are
/// directories; everything else is a module path.
pub fn is_directory_path(ns: &str) -> bool {
    let b = ns.as_bytes();
    ns == "."
        || ns.starts_with("./")
        || ns.starts_with(".\\")
        || ns == ".."
        || ns.starts_with("../")
        || ns.starts_with("..\\")
        || ns.starts_with('/')
        || ns.starts_with('\\')
        || b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':'
}

/// `modfile.MustQuote`: whether `s` needs quoting to be one go.mod token.
pub fn must_quote(s: &str) -> bool {
    for r in s.chars() {
        match r {
            ' ' | '"' | '\'' | '`' => return true,
            '(' | ')' | '[' | ']' | '{' | '}' | ',' => {
                if s.len() > 1 {
                    return true;
                }
            }
            _ => {
                if !is_print(r) {
                    return true;
                }
            }
        }
    }
    s.is_empty() || s.contains("//") || s.contains("/*")
}

/// `modfile.AutoQuote`: `s`, quoted when it must be.
pub fn auto_quote(s: &str) -> String {
    if must_quote(s) {
        quote(s)
    } else {
        s.to_string()
    }
}

/// `[low, high]` or a single version, from the front of `args`: `(low,
/// high, tokens used)` (`parseVersionInterval`).
pub(super) fn parse_version_interval(
    verb: &str,
    path: &str,
    args: &mut [String],
    fix: &mut Fix<'_, '_>,
) -> Result<(String, String, usize), Cause> {
    let msg = |s: &str| Cause::Message(s.to_string());
    if args.is_empty() || args[0] == "(" {
        return Err(msg("expected '[' or version"));
    }
    if args[0] != "[" {
        let v = parse_version(verb, path, &mut args[0], fix)?;
        return Ok((v.clone(), v, 1));
    }
    if args.len() < 2 {
        return Err(msg("expected version after '['"));
    }
    let low = parse_version(verb, path, &mut args[1], fix)?;
    if args.len() < 3 || args[2] != "," {
        return Err(msg("expected ',' after version"));
    }
    if args.len() < 4 {
        return Err(msg("expected version after ','"));
    }
    let high = parse_version(verb, path, &mut args[3], fix)?;
    if args.len() < 5 || args[4] != "]" {
        return Err(msg("expected ']' after version"));
    }
    Ok((low, high, 5))
}

/// The value of a possibly quoted token (`parseString`); on success the
/// token is rewritten to its [`auto_quote`]d form.
pub(super) fn parse_string(s: &mut String) -> Result<String, String> {
    let t = if s.starts_with('"') {
        match unquote(s.as_bytes()) {
            Some(v) => go_string(&v),
            None => return Err("invalid syntax".into()),
        }
    } else if s.contains(['"', '\'', '`']) {
        // Other quotes are reserved, so that 'x' is an error, not a literal.
        return Err("unquoted string cannot contain quote".into());
    } else {
        s.clone()
    };
    *s = auto_quote(&t);
    Ok(t)
}

/// The text of `Deprecated:` paragraphs (`parseDeprecation`, regular
/// expression `(?s)(?:^|\n\n)Deprecated: *(.*?)(?:$|\n\n)`): the first
/// paragraph starting with `Deprecated:`, without that prefix and the
/// spaces after it, up to the paragraph's end.
fn parse_deprecation(text: &str) -> String {
    let para_starts = (0..text.len())
        .filter(|&i| text.as_bytes()[i..].starts_with(b"\n\n"))
        .map(|i| i + 2);
    for s in std::iter::once(0).chain(para_starts) {
        let Some(rest) = text[s..].strip_prefix("Deprecated:") else {
            continue;
        };
        let rest = rest.trim_start_matches(' ');
        let end = rest.find("\n\n").unwrap_or(rest.len());
        return rest[..end].to_string();
    }
    String::new()
}

/// Joins a directive's comment lines without `//` and surrounding space;
/// blank-line markers are skipped.
fn directive_comment_text(comments: &Comments) -> String {
    let lines: Vec<&str> = comments
        .before
        .iter()
        .chain(&comments.suffix)
        .filter_map(|c| c.token.strip_prefix("//"))
        .map(trim_space)
        .collect();
    lines.join("\n")
}

/// Checks and canonicalizes one version token (`parseVersion`); the
/// token is rewritten to the result. Errors are the `verb path: ...`
/// form, or a fixer's non-module error as is.
pub(super) fn parse_version(
    verb: &str,
    path: &str,
    s: &mut String,
    fix: &mut Fix<'_, '_>,
) -> Result<String, Cause> {
    let t = match parse_string(s) {
        Ok(t) => t,
        Err(e) => {
            let err = InvalidVersionError::new(s.clone(), e);
            return Err(Cause::Nested(Box::new(Error::about(
                verb,
                path,
                Cause::Module(err.into()),
            ))));
        }
    };
    let t = match fix {
        Fix::Keep => t,
        Fix::With(fx) => match fx(path, &t) {
            Ok(v) => v,
            Err(module::Error::Module(me)) => {
                return Err(Cause::Nested(Box::new(Error::about(
                    verb,
                    path,
                    Cause::Module(*me.err),
                ))));
            }
            Err(e) => return Err(Cause::Module(e)),
        },
        Fix::Canonical => {
            let cv = module::canonical_version(&t);
            if cv.is_empty() {
                let err = InvalidVersionError::new(t, "must be of the form v1.2.3");
                return Err(Cause::Nested(Box::new(Error::about(
                    verb,
                    path,
                    Cause::Module(err.into()),
                ))));
            }
            cv
        }
    };
    *s = t.clone();
    Ok(t)
}

/// The major-version suffix of a module path, `None` for a malformed one.
fn module_path_major(path: &str) -> Option<&str> {
    module::split_path_version(path).map(|(_, m)| m)
}

/// The `go` directive, as go.mod and go.work check it: once, one argument,
/// a valid version (lax parsing of a dependency's go.mod repairs old
/// forms such as `1.19beta1`).
pub(crate) fn go_directive(current: &Option<Go>, args: &mut [String], id: LineId, strict: bool) -> Result<Go, String> {
    if current.is_some() {
        return Err("repeated go statement".into());
    }
    if args.len() != 1 {
        return Err("go directive expects exactly one argument".into());
    }
    if !is_go_version(&args[0]) {
        match if strict { None } else { lax_go_version(&args[0]) } {
            Some(v) => args[0] = v,
            None => return Err(format!("invalid go version '{}': must match format 1.23.0", args[0])),
        }
    }
    Ok(Go { version: args[0].clone(), syntax: id })
}

/// The `toolchain` directive, as go.mod and go.work check it.
pub(crate) fn toolchain_directive(current: &Option<Toolchain>, args: &[String], id: LineId) -> Result<Toolchain, String> {
    if current.is_some() {
        return Err("repeated toolchain statement".into());
    }
    if args.len() != 1 {
        return Err("toolchain directive expects exactly one argument".into());
    }
    if !is_toolchain_name(&args[0]) {
        return Err(format!("invalid toolchain version '{}': must match format go1.23.0 or default", args[0]));
    }
    Ok(Toolchain { name: args[0].clone(), syntax: id })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> File {
        parse("go.mod", text.as_bytes(), None).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    fn parse_err(text: &str) -> String {
        match parse("go.mod", text.as_bytes(), None) {
            Ok(_) => panic!("{text:?} parsed"),
            Err(e) => e.to_string(),
        }
    }

    /// x/mod read_test.go's moduleDeprecatedTests.
    #[test]
    fn module_deprecation() {
        for (desc, input, want) in [
            ("no_comment", "module m", ""),
            ("other_comment", "// yo\nmodule m", ""),
            ("deprecated_no_colon", "//Deprecated\nmodule m", ""),
            ("deprecated_no_space", "//Deprecated:blah\nmodule m", "blah"),
            ("deprecated_simple", "// Deprecated: blah\nmodule m", "blah"),
            ("deprecated_lowercase", "// deprecated: blah\nmodule m", ""),
            (
                "deprecated_multiline",
                "// Deprecated: one\n// two\nmodule m",
                "one\ntwo",
            ),
            (
                "deprecated_mixed",
                "// some other comment\n// Deprecated: blah\nmodule m",
                "",
            ),
            (
                "deprecated_middle",
                "// module m is Deprecated: blah\nmodule m",
                "",
            ),
            (
                "deprecated_multiple",
                "// Deprecated: a\n// Deprecated: b\nmodule m",
                "a\nDeprecated: b",
            ),
            (
                "deprecated_paragraph",
                "// Deprecated: a\n// b\n//\n// c\nmodule m",
                "a\nb",
            ),
            (
                "deprecated_paragraph_space",
                "// Deprecated: the next line has a space\n// \n// c\nmodule m",
                "the next line has a space",
            ),
            ("deprecated_suffix", "module m // Deprecated: blah", "blah"),
            (
                "deprecated_mixed_suffix",
                "// some other comment\nmodule m // Deprecated: blah",
                "",
            ),
            (
                "deprecated_mixed_suffix_paragraph",
                "// some other comment\n//\nmodule m // Deprecated: blah",
                "blah",
            ),
            (
                "deprecated_block",
                "// Deprecated: blah\nmodule (\n\tm\n)",
                "blah",
            ),
        ] {
            let f = parse_ok(input);
            assert_eq!(f.module.unwrap().deprecated, want, "{desc}");
        }
    }

    /// x/mod rule_test.go's retract rationale cases.
    #[test]
    fn retract_rationale() {
        for (desc, input, want) in [
            ("no_comment", "module m\nretract v1.0.0", ""),
            (
                "prefix_one",
                "module m\n//   prefix\nretract v1.0.0",
                "prefix",
            ),
            (
                "prefix_multiline",
                "module m\n//  one\n//\n//  two\n//\n//  three  \nretract v1.0.0",
                "one\n\ntwo\n\nthree",
            ),
            ("suffix", "module m\nretract v1.0.0 // suffix", "suffix"),
            (
                "prefix_suffix_after",
                "module m\n// prefix\nretract v1.0.0 // suffix\n",
                "prefix\nsuffix",
            ),
            (
                "block_only",
                "module m\n// block\nretract (\n  v1.0.0\n)\n",
                "block",
            ),
            (
                "block_and_line",
                "module m\n// block\nretract (\n  // line\n  v1.0.0\n)\n",
                "line",
            ),
        ] {
            let f = parse_ok(input);
            assert_eq!(f.retract[0].rationale, want, "{desc}");
        }
    }

    #[test]
    fn directives_and_lines() {
        let f = parse_ok(
            "module example.com/m\n\ngo 1.21\ntoolchain go1.21.1\ngodebug a=b\nrequire (\n\tx.y/a v1.2 // indirect\n\tx.y/b/v2 v2.0.0\n)\nexclude x.y/a v1.0.0\nreplace x.y/a => ../a\nreplace x.y/b/v2 v2.0.0 => x.y/c/v2 v2.1.0\nretract [v1.0.0, v1.1.0]\ntool x.y/a/cmd\nignore ./tmp\n",
        );
        assert_eq!(
            f.module.as_ref().unwrap().version(),
            Version::new("example.com/m", "")
        );
        assert_eq!(f.go.as_ref().unwrap().version, "1.21");
        assert_eq!(f.toolchain.as_ref().unwrap().name, "go1.21.1");
        assert_eq!(
            (f.godebug[0].key.as_str(), f.godebug[0].value.as_str()),
            ("a", "b")
        );
        assert_eq!(
            f.require[0].module,
            Version::new("x.y/a", "v1.2.0"),
            "canonicalized"
        );
        assert!(f.require[0].indirect && !f.require[1].indirect);
        assert_eq!(f.syntax.line(f.require[1].syntax).start.line, 8);
        assert_eq!(
            f.syntax.line(f.require[1].syntax).token,
            ["x.y/b/v2", "v2.0.0"]
        );
        assert_eq!(f.replace[0].new, Version::new("../a", ""));
        assert_eq!(f.replace[1].old, Version::new("x.y/b/v2", "v2.0.0"));
        assert_eq!(
            (f.retract[0].low.as_str(), f.retract[0].high.as_str()),
            ("v1.0.0", "v1.1.0")
        );
        assert_eq!(f.tool[0].path, "x.y/a/cmd");
        assert_eq!(f.ignore[0].path, "./tmp");
    }

    #[test]
    fn error_texts() {
        assert_eq!(
            parse_err("module m\ngo 1.21x\n"),
            "go.mod:2: invalid go version '1.21x': must match format 1.23.0"
        );
        assert_eq!(
            parse_err("module m\nrequire x.y/z master\n"),
            r#"go.mod:2: require x.y/z: version "master" invalid: must be of the form v1.2.3"#
        );
        assert_eq!(
            parse_err("module m\nrequire (\n\tx.y/z/v2 v1.0.0\n)\n"),
            r#"go.mod:3:2: require x.y/z/v2: version "v1.0.0" invalid: should be v2, not v1"#
        );
        assert_eq!(
            parse_err("module m\nrequire x.y/z/v1 v1.0.0\n"),
            "go.mod:2: invalid module path"
        );
        assert_eq!(
            parse_err("module m\nreplace x.y/z/v1 => ./z\n"),
            "go.mod:2: replace x.y/z/v1: invalid module path"
        );
        assert_eq!(
            parse_err("module m\nreplace a => b\n"),
            "go.mod:2: replacement module without version must be directory path (rooted or starting with . or ..)"
        );
        assert_eq!(
            parse_err("module m\nreplace a\n"),
            "go.mod:2: usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory"
        );
        assert_eq!(
            parse_err("module m\nretract [v1.0.0\n"),
            "go.mod:2: expected ',' after version"
        );
        assert_eq!(
            parse_err("module m\nretract v1.0.0 x\n"),
            r#"go.mod:2: unexpected token after version: "x""#
        );
        assert_eq!(
            parse_err("module \"a\\qb\"\n"),
            "go.mod:1: invalid quoted string: invalid syntax"
        );
        assert_eq!(
            parse_err("module a'b\n"),
            "go.mod:1: invalid quoted string: unquoted string cannot contain quote"
        );
        assert_eq!(
            parse_err("module m\nfoo\nbar (\n)\nbaz qux (\nx\n)\n"),
            "go.mod:2: unknown directive: foo\ngo.mod:3: unknown block type: bar\ngo.mod:5: unknown block type: baz qux"
        );
        // Lexer errors carry a column.
        assert_eq!(
            parse_err("module m\n  /* x */\n"),
            "go.mod:2:3: mod files must use // comments (not /* */ comments)"
        );
        assert_eq!(
            parse_err("module m\ngo \u{1}\n"),
            r"go.mod:2:4: unexpected input character '\x01'"
        );
        assert_eq!(
            parse_err("module \"m"),
            "go.mod:1:8: unexpected EOF in string"
        );
        assert_eq!(
            parse_err("module m\nrequire (\n"),
            "go.mod:3: syntax error (unterminated block started at go.mod:2:1)"
        );
        assert_eq!(
            parse_err("module m\nrequire (\n) x\n"),
            "go.mod:3:4: syntax error (expected newline after closing paren)"
        );
    }

    /// x/mod read_test.go's TestParseLax: lax parsing skips what it does
    /// not know and what dependencies do not need.
    #[test]
    fn lax_ignores_unknowns() {
        let text = "module m\nsurprise attack\nx y (\n\tz\n)\nexclude v1.2.3\nreplace <-!!!\nretract v9.9.9\nretract (\n\tv1.2.3\n\tv1.2.4\n)\nretract [v1.0.0, v1.0.1]\nretract (v1.0.0, v1.0.1]\nretract v1.2.3 extra\ngo 1.21x\n";
        let f = parse_lax("go.mod", text.as_bytes(), None).unwrap();
        assert_eq!(
            f.retract.len(),
            5,
            "the malformed interval is skipped, the extra token ignored"
        );
        assert_eq!(f.go.unwrap().version, "1.21", "lax go versions are trimmed");
        assert!(parse("go.mod", text.as_bytes(), None).is_err());
    }

    #[test]
    fn fixer_decides_versions() {
        let mut seen = Vec::new();
        let mut fix = |path: &str, vers: &str| -> Result<String, module::Error> {
            seen.push(format!("{path}@{vers}"));
            if vers == "bad" {
                return Err(module::Error::Other("lookup failed".into()));
            }
            Ok(if vers == "master" {
                "v0.0.0-20200101000000-abcdefabcdef".into()
            } else {
                vers.into()
            })
        };
        let f = parse(
            "go.mod",
            b"module example.com/m\nrequire x.y/z master\nretract v1.0.0\n",
            Some(&mut fix),
        )
        .unwrap();
        assert_eq!(
            f.require[0].module.version,
            "v0.0.0-20200101000000-abcdefabcdef"
        );
        assert_eq!(
            seen,
            ["x.y/z@master", "example.com/m@v1.0.0"],
            "retractions are fixed with the module path"
        );
        let mut fix2 = |_: &str, vers: &str| -> Result<String, module::Error> {
            if vers == "bad" {
                Err(module::Error::Other("lookup failed".into()))
            } else {
                Ok(vers.into())
            }
        };
        let e = parse("go.mod", b"module m\nrequire x.y/z bad\n", Some(&mut fix2)).unwrap_err();
        assert_eq!(e.to_string(), "go.mod:2: lookup failed");
        let e = parse(
            "go.mod",
            b"retract v1.0.0\nretract v1.1.0\n",
            Some(&mut fix2),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "go.mod:1: no module directive found, so retract cannot be used",
            "reported once"
        );
    }

    #[test]
    fn go_version_and_toolchain_syntax() {
        for (v, ok) in [
            ("1.21", true),
            ("1.21.0", true),
            ("1.21rc1", true),
            ("1.21.0rc1", true),
            ("1", false),
            ("1.021", false),
            ("v1.21", false),
            ("1.21x", false),
            ("0.1", false),
        ] {
            assert_eq!(is_go_version(v), ok, "{v}");
        }
        assert_eq!(lax_go_version("v1.21x").as_deref(), Some("1.21"));
        assert_eq!(lax_go_version("1.21"), None);
        assert_eq!(lax_go_version("1.05x"), None);
        for (t, ok) in [
            ("default", true),
            ("go1", true),
            ("go1.21", true),
            ("go1x", false),
            ("go2", false),
            ("Default", false),
        ] {
            assert_eq!(is_toolchain_name(t), ok, "{t}");
        }
    }

    #[test]
    fn quoting_and_directories() {
        for (s, q) in [
            ("abc", false),
            ("a b", true),
            ("", true),
            ("(", false),
            ("()", true),
            ("a//b", true),
            ("é", false),
            ("\u{a0}", true),
        ] {
            assert_eq!(must_quote(s), q, "{s:?}");
        }
        assert_eq!(auto_quote("a b"), "\"a b\"");
        for (p, dir) in [
            (".", true),
            ("./x", true),
            ("..\\x", true),
            ("/x", true),
            ("C:x", true),
            ("x", false),
            ("..x", false),
            ("x/..", false),
        ] {
            assert_eq!(is_directory_path(p), dir, "{p}");
        }
    }

    #[test]
    fn sort_blocks_dedups_and_orders() {
        let mut f = parse_ok(
            "module m\ngo 1.21\nexclude (\n\tx.y/a v1.10.0\n\tx.y/a v1.9.0\n\tx.y/a v1.9.0\n)\nreplace x.y/b => ./b1\nreplace x.y/b => ./b2\nretract (\n\tv1.0.0\n\t[v1.1.0, v1.2.0]\n)\nrequire ()\n",
        );
        f.sort_blocks();
        assert_eq!(f.exclude.len(), 2);
        assert_eq!(f.replace.len(), 1);
        assert_eq!(f.replace[0].new.path, "./b2", "later replacements win");
        let blocks: Vec<&super::super::read::LineBlock> = f
            .syntax
            .stmt
            .iter()
            .filter_map(|s| match s {
                Stmt::Block(b) => Some(b),
                _ => None,
            })
            .collect();
        assert_eq!(blocks.len(), 2, "the empty require block is dropped");
        let excl: Vec<&str> = blocks[0]
            .line
            .iter()
            .map(|&id| f.syntax.line(id).token[1].as_str())
            .collect();
        assert_eq!(excl, ["v1.9.0", "v1.10.0"], "semantic order from go 1.21");
        let retr: Vec<&str> = blocks[1]
            .line
            .iter()
            .map(|&id| f.syntax.line(id).token[0].as_str())
            .collect();
        assert_eq!(retr, ["[", "v1.0.0"], "descending intervals");
    }
}
