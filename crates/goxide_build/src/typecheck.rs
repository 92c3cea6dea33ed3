//! Type-checking a package graph from source, packages in parallel: the
//! work `goxide tool check` (and later `goxide build`) does before code
//! generation — for each package what gc's `noder.LoadPackage` and
//! `checkFiles` (`cmd/compile/internal/noder/{noder,irgen}.go`) do, with
//! cmd/go's scheduling of packages (`work.(*Builder).Do`).
//!
//! The caller (the CLI) turns its loaded graph into [`Unit`]s — which files,
//! how to parse them, the checker's [`Config`], and where each import path
//! leads — and [`check_units`] does the rest on a [`workqueue`]:
//!
//! - one *parse* node per package (its files, in order, with the unit's
//!   parser mode) and one *check* node, which depends on the package's
//!   parse node and on the check nodes of its imports. Parse nodes depend
//!   on nothing, so parsing runs ahead, in parallel, while checks wait for
//!   their imports — except with [`Options::release_syntax`], where a
//!   parse node waits for the checks of the package's imports' imports,
//!   so that only the trees of packages about to be checked are alive;
//! - among ready nodes, those on the longest chain of waiting packages
//!   go first (the priority is the length of the longest path of
//!   dependents above the package; a check before a parse of equal
//!   height);
//! - a check node: when the files have syntax errors, gc reports them and
//!   stops before type checking ([`Options::stop_on_syntax_errors`]); when
//!   an import failed (errors, or not checked), the package is not checked
//!   either, as go build does not compile what depends on a failed package
//!   (unless [`Options::check_dependents_of_failures`]); otherwise one
//!   [`Checker`] runs with an importer that maps each import path (the
//!   caller already applied the package's ImportMap) to the checked
//!   package's `PkgId` (`unsafe` to the universe's).
//!
//! Diagnostics are returned in arrival order — each file's parser
//! diagnostics in file order, then the checker's — which is the order gc's
//! `base.ErrorfAt` sees them. With [`Options::gc_errors`] they pass gc's
//! filters there: one syntax error per line, one of several equal other
//! errors per line (`sameline`: same `//line` base and same line), and
//! the hint gc's noder adds to version errors (`... requires go1.N or
//! later (-lang was set to go1.M; check go.mod)` or `(file declares
//! //go:build go1.N)`). Sorting and the 10-error limit are the caller's
//! (`goxide_syntax::report::flush`), as are headers and paths.
//!
//! Invariants: every unit gets exactly one [`PackageResult`]; a package is
//! checked only after every unit it imports has a result; a panic in the
//! parser or checker of one package is that package's
//! [`Status::Crashed`] and never stops the others.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use goxide_syntax::ast::File;
use goxide_syntax::parser::Mode;
use goxide_syntax::pos::LineTable;
use goxide_syntax::{Diagnostic, Pos};
use goxide_types::check::{Checker, Config, Importer, TypeError};
use goxide_types::types::PkgId;
use goxide_types::universe::universe;

use crate::workqueue::{self, Outcome, Pool, Slots};

/// What a unit holds.
#[derive(Clone, Debug)]
pub enum Source {
    /// Package `unsafe`: the universe's, nothing to parse or check.
    Unsafe,
    /// Go files, by the names given to the parser (gc is given absolute
    /// paths; diagnostics carry these names).
    Files(Vec<String>),
    /// Files the caller parsed already (to read their imports), with the
    /// parser's diagnostics, each with the index of its file.
    Parsed { files: Vec<Arc<File>>, diags: Vec<(usize, Diagnostic)> },
}

/// One package to check.
#[derive(Clone, Debug)]
pub struct Unit {
    /// The package path the checker is given (gc's `-p`: `main` for a
    /// command, else the import path).
    pub path: String,
    pub source: Source,
    pub parse_mode: Mode,
    pub config: Config,
    /// Import paths as written in the source → the unit they resolve to
    /// (after the package's ImportMap), or the text of the import error
    /// the checker reports (`could not import p (text)`).
    pub imports: HashMap<String, Result<usize, String>>,
    /// Units that must be checked first (usually the `Ok`s of `imports`).
    pub deps: Vec<usize>,
}

/// How the checks behave: gc's way, or types2's test harness's.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Worker threads.
    pub jobs: usize,
    /// Stop before type checking a package whose files have syntax errors
    /// (gc); otherwise check it anyway (types2's harness).
    pub stop_on_syntax_errors: bool,
    /// Check a package even if an import has errors or was not checked,
    /// importing whatever that import's check produced (go build does not:
    /// such a package is [`Status::DependencyFailed`]). An import whose
    /// check never ran or crashed is still an import error.
    pub check_dependents_of_failures: bool,
    /// gc's error filters and version hints (see the module header).
    pub gc_errors: bool,
    /// Release each package's syntax trees once it is checked
    /// (`goxide_types::files::release`), for callers that need only the
    /// packages' objects and types afterwards (`goxide tool check`):
    /// peak memory is then the trees of the packages in flight, not of
    /// the whole graph.
    pub release_syntax: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            stop_on_syntax_errors: true,
            check_dependents_of_failures: false,
            gc_errors: true,
            release_syntax: false,
        }
    }
}

/// What became of a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Type-checked; its errors, if any, are the result's diagnostics.
    Checked,
    /// Not type-checked: its files have syntax errors (in the diagnostics).
    SyntaxErrors,
    /// Not type-checked: this import path's package failed or was not
    /// checked.
    DependencyFailed(String),
    /// Not checked: it imports itself, directly or not.
    Cycle,
    /// The parser or the checker panicked (the message).
    Crashed(String),
}

/// A unit's result.
#[derive(Clone, Debug)]
pub struct PackageResult {
    pub status: Status,
    /// The checked package (also when it has errors).
    pub pkg: Option<PkgId>,
    /// Diagnostics in arrival order (see the module header).
    pub diags: Vec<Diagnostic>,
}

impl PackageResult {
    /// Whether the package is fine: checked, no diagnostic.
    pub fn ok(&self) -> bool {
        self.status == Status::Checked && self.diags.is_empty()
    }
}

/// Worker stack: deeply nested source must not overflow a parser or
/// checker thread (the address space is reserved, not committed).
const WORKER_STACK: usize = 256 << 20;

/// What a node of the queue produces. A parse node's files are taken by
/// the package's check node (the only reader), so the queue does not keep
/// them alive to the end of the run.
enum Node {
    Parsed { files: Mutex<Vec<Arc<File>>>, diags: Vec<(usize, Diagnostic)> },
    Checked(PackageResult),
}

/// Checks `units` (see the module header); `on_done` is called on this
/// thread with each unit's result as soon as it is known. Returns every
/// unit's result, in unit order.
pub fn check_units(
    units: &[Unit],
    opts: &Options,
    mut on_done: impl FnMut(usize, &PackageResult),
) -> Vec<PackageResult> {
    let n = units.len();
    // Node 2i parses unit i, node 2i+1 checks it.
    let mut deps: Vec<Vec<usize>> = Vec::with_capacity(2 * n);
    for u in units {
        // Releasing syntax trees, a package is parsed only once its
        // imports' imports are checked: parsing far ahead of the checks
        // would hold the trees of most of the graph at once, and waiting
        // for the imports themselves leaves a core idle (measured on std,
        // -j2: 78 MiB and 0.64 s, against 80 MiB and 0.76 s).
        let parse_after = if opts.release_syntax {
            let mut v: Vec<usize> = u
                .deps
                .iter()
                .filter(|&&j| j < n)
                .flat_map(|&j| units[j].deps.iter().filter(|&&k| k < n).map(|&k| 2 * k + 1))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        } else {
            Vec::new()
        };
        deps.push(parse_after);
        let mut d: Vec<usize> = u.deps.iter().filter(|&&j| j < n).map(|&j| 2 * j + 1).collect();
        d.push(deps.len() - 1);
        deps.push(d);
    }
    let heights = heights(units);
    let priority: Vec<u64> = (0..2 * n).map(|node| 2 * heights[node / 2] + (node % 2) as u64).collect();
    let pool = Pool { jobs: opts.jobs, stack_size: WORKER_STACK };
    let work = |node: usize, slots: &Slots<Node>| -> Node {
        let i = node / 2;
        if node.is_multiple_of(2) {
            parse_unit(&units[i])
        } else {
            Node::Checked(check_unit(units, i, slots, opts))
        }
    };
    let slots = workqueue::run(&deps, &priority, pool, work, |node, outcome| {
        if node % 2 == 1 {
            on_done(node / 2, &result_of(outcome));
        }
    });
    let outcomes = slots.into_outcomes();
    outcomes.iter().skip(1).step_by(2).map(result_of).collect()
}

/// A check node's outcome as the unit's result.
fn result_of(o: &Outcome<Node>) -> PackageResult {
    let status = match o {
        Outcome::Done(Node::Checked(r)) => return r.clone(),
        Outcome::Done(Node::Parsed { .. }) => Status::Crashed("internal error: a check node parsed".into()),
        Outcome::Panicked(msg) => Status::Crashed(msg.clone()),
        Outcome::Cycle => Status::Cycle,
    };
    PackageResult { status, pkg: None, diags: Vec::new() }
}

/// For each unit, the length of the longest chain of units that import it
/// (1 for a unit nothing imports); units on an import cycle get 1.
fn heights(units: &[Unit]) -> Vec<u64> {
    let n = units.len();
    let mut importers: Vec<usize> = vec![0; n];
    for u in units {
        for &d in u.deps.iter().filter(|&&d| d < n) {
            importers[d] += 1;
        }
    }
    let mut height = vec![1u64; n];
    // Kahn's algorithm from the top: a unit is final once all its
    // importers are.
    let mut stack: Vec<usize> = (0..n).filter(|&i| importers[i] == 0).collect();
    while let Some(i) = stack.pop() {
        for &d in units[i].deps.iter().filter(|&&d| d < n) {
            height[d] = height[d].max(height[i] + 1);
            importers[d] -= 1;
            if importers[d] == 0 {
                stack.push(d);
            }
        }
    }
    height
}

/// Reads and parses a unit's files, in order.
fn parse_unit(unit: &Unit) -> Node {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    if let Source::Parsed { files, diags } = &unit.source {
        return Node::Parsed { files: Mutex::new(files.clone()), diags: diags.clone() };
    }
    if let Source::Files(names) = &unit.source {
        for name in names {
            let src = match std::fs::read(name) {
                Ok(s) => s,
                Err(e) => {
                    // gc: `open x.go: no such file or directory` (no position).
                    let msg = crate::os_error::path_error("open", name.as_bytes(), &e);
                    let pos = goxide_syntax::Position { filename: Arc::from(""), line: 0, col: 0 };
                    diags.push((usize::MAX, Diagnostic { offset: 0, pos, msg }));
                    continue;
                }
            };
            let (file, ds) = goxide_syntax::parse_file_with(name, &src, unit.parse_mode);
            let index = files.len();
            diags.extend(ds.into_iter().map(|d| (index, d)));
            files.push(Arc::new(file));
        }
    }
    Node::Parsed { files: Mutex::new(files), diags }
}

/// The importer of one package: import paths to checked packages.
struct GraphImporter<'a> {
    units: &'a [Unit],
    unit: &'a Unit,
    slots: &'a Slots<Node>,
}

impl Importer for GraphImporter<'_> {
    fn import(&self, path: &str) -> Result<PkgId, String> {
        match self.unit.imports.get(path) {
            None if path == "unsafe" => Ok(universe().unsafe_pkg),
            None => Err(format!("package {path} is not among the package's imports")),
            Some(Err(e)) => Err(e.clone()),
            Some(Ok(j)) => {
                let Some(u) = self.units.get(*j) else {
                    return Err(format!("package {path} is not among the package's imports"));
                };
                if matches!(u.source, Source::Unsafe) {
                    return Ok(universe().unsafe_pkg);
                }
                match self.slots.get(2 * j + 1) {
                    Some(Outcome::Done(Node::Checked(r))) => r.pkg.ok_or_else(|| not_checked(path, &r.status)),
                    Some(o) => Err(not_checked(path, &result_of(o).status)),
                    None => Err(format!("package {path} is not checked yet")),
                }
            }
        }
    }
}

fn not_checked(path: &str, status: &Status) -> String {
    match status {
        Status::SyntaxErrors => format!("package {path} has syntax errors"),
        Status::DependencyFailed(d) => format!("package {path} imports {d}, which failed"),
        Status::Cycle => format!("import cycle through {path}"),
        Status::Crashed(msg) => format!("the check of {path} crashed: {msg}"),
        Status::Checked => format!("package {path} was not checked"),
    }
}

/// The check node of unit `i`.
fn check_unit(units: &[Unit], i: usize, slots: &Slots<Node>, opts: &Options) -> PackageResult {
    let unit = &units[i];
    if matches!(unit.source, Source::Unsafe) {
        return PackageResult { status: Status::Checked, pkg: Some(universe().unsafe_pkg), diags: Vec::new() };
    }
    let (files, parse_diags) = match slots.get(2 * i) {
        Some(Outcome::Done(Node::Parsed { files, diags })) => {
            (std::mem::take(&mut *files.lock().unwrap_or_else(|e| e.into_inner())), diags)
        }
        Some(Outcome::Panicked(msg)) => {
            return PackageResult { status: Status::Crashed(msg.clone()), pkg: None, diags: Vec::new() };
        }
        _ => {
            return PackageResult { status: Status::Crashed("internal error: no parse".into()), pkg: None, diags: Vec::new() };
        }
    };
    let mut filter = ErrorFilter::new(opts.gc_errors);
    let mut diags: Vec<Diagnostic> = Vec::new();
    for (fi, d) in parse_diags {
        if filter.admit(files.get(*fi).map(|f| &**f), d) {
            diags.push(d.clone());
        }
    }
    let syntax_errors = parse_diags.iter().any(|(fi, d)| *fi == usize::MAX || d.msg.starts_with("syntax error"));
    if syntax_errors && opts.stop_on_syntax_errors {
        return PackageResult { status: Status::SyntaxErrors, pkg: None, diags };
    }
    if !opts.check_dependents_of_failures {
        for (path, imp) in sorted(&unit.imports) {
            if let Ok(j) = imp {
                let failed = match slots.get(2 * j + 1) {
                    Some(Outcome::Done(Node::Checked(r))) => !r.ok(),
                    _ => true,
                };
                if failed {
                    return PackageResult { status: Status::DependencyFailed(path.clone()), pkg: None, diags };
                }
            }
        }
    }
    let importer = GraphImporter { units, unit, slots };
    let mut checker = Checker::new(&unit.config, &importer, &unit.path, files);
    checker.check();
    for e in &checker.errors {
        let file = goxide_types::files::file(e.pos.file);
        let mut d = e.to_diagnostic();
        if opts.gc_errors {
            let go_version = file.as_ref().map_or("", |f| f.go_version.as_str());
            d.msg = with_version_hint(&d.msg, go_version, &unit.config.go_version);
        }
        if filter.admit(file.as_deref(), &d) {
            diags.push(d);
        }
    }
    let pkg = checker.pkg;
    if opts.release_syntax {
        let numbers: Vec<u32> = checker.file_numbers().collect();
        drop(checker);
        for n in numbers {
            goxide_types::files::release(n);
        }
    }
    PackageResult { status: Status::Checked, pkg: Some(pkg), diags }
}

fn sorted(m: &HashMap<String, Result<usize, String>>) -> Vec<(&String, &Result<usize, String>)> {
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

/// gc's `base.ErrorfAt` filter (`cmd/compile/internal/base/print.go`):
/// a syntax error on the line of the previous syntax error is dropped, and
/// so is another error equal to the previous non-syntax error on its line.
/// Lines are compared as `sameline` does: same `//line` base, same line
/// of the file. Off, it admits everything.
struct ErrorFilter {
    on: bool,
    last_syntax: Option<LineKey>,
    last_other: Option<(LineKey, String)>,
    tables: HashMap<usize, LineTable>,
}

/// (file identity, index of the `//line` base, line in the file).
type LineKey = (usize, usize, u32);

impl ErrorFilter {
    fn new(on: bool) -> ErrorFilter {
        ErrorFilter { on, last_syntax: None, last_other: None, tables: HashMap::new() }
    }

    fn key(&mut self, file: Option<&File>, offset: Pos) -> LineKey {
        let Some(f) = file else { return (0, 0, 0) };
        let id = f as *const File as usize;
        let line = self.tables.entry(id).or_insert_with(|| LineTable::new(&f.src)).line_col(offset).0;
        (id, f.line_bases.partition_point(|b| b.at <= offset), line)
    }

    fn admit(&mut self, file: Option<&File>, d: &Diagnostic) -> bool {
        if !self.on {
            return true;
        }
        let key = self.key(file, d.offset);
        if d.msg.starts_with("syntax error") {
            if self.last_syntax == Some(key) {
                return false;
            }
            self.last_syntax = Some(key);
        } else {
            if matches!(&self.last_other, Some((k, m)) if *k == key && *m == d.msg) {
                return false;
            }
            self.last_other = Some((key, d.msg.clone()));
        }
        true
    }
}

/// gc's noder's hint on a version error (`irgen.go`'s `checkFiles`, for
/// messages matching `requires go[0-9]+\.[0-9]+ or later`): the file's
/// `//go:build` version when that is the file's version (types2 uses
/// `max(fileVersion, go1.21)` for a file that declares one), else the
/// `-lang` setting. `file_go_version` is the file's `//go:build` version
/// (`go1.N`, or empty), `lang` the package's language version.
pub fn with_version_hint(msg: &str, file_go_version: &str, lang: &str) -> String {
    if !is_version_error(msg) {
        return msg.to_string();
    }
    let fv = file_go_version.strip_prefix("go").unwrap_or("");
    let declares = !fv.is_empty()
        && goxide_load::modfile::gover::is_valid(fv)
        && goxide_load::modfile::gover::compare(fv, "1.21") != std::cmp::Ordering::Less;
    if declares {
        format!("{msg} (file declares //go:build {file_go_version})")
    } else {
        format!("{msg} (-lang was set to {lang}; check go.mod)")
    }
}

/// Whether `msg` matches `requires go[0-9]+\.[0-9]+ or later`.
fn is_version_error(msg: &str) -> bool {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = msg;
    while let Some(i) = rest.find("requires go") {
        let after = &rest[i + "requires go".len()..];
        let a = digits(after);
        if a > 0 && after[a..].starts_with('.') {
            let b = digits(&after[a + 1..]);
            if b > 0 && after[a + 1 + b..].starts_with(" or later") {
                return true;
            }
        }
        rest = &rest[i + 1..];
    }
    false
}

/// The errors of a checker as diagnostics, for callers that run one
/// themselves.
pub fn diagnostics(errors: &[TypeError]) -> Vec<Diagnostic> {
    errors.iter().map(TypeError::to_diagnostic).collect()
}

/// The checker configuration gc would use for a package of `goarch` with
/// language version `lang` (`go1.N`; empty for the newest). `None` for an
/// unknown architecture.
pub fn gc_config(goarch: &str, lang: &str) -> Option<Config> {
    let mut c = Config::new(goxide_types::sizes::Sizes::for_arch(goarch)?);
    c.go_version = lang.to_string();
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("goxide-typecheck-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn unit(dir: &std::path::Path, path: &str, files: &[(&str, &str)], imports: &[(&str, usize)]) -> Unit {
        let mut names = Vec::new();
        for (name, src) in files {
            let p = dir.join(path.replace('/', "_")).join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, src).unwrap();
            names.push(p.to_string_lossy().into_owned());
        }
        Unit {
            path: path.into(),
            source: Source::Files(names),
            parse_mode: Mode::default(),
            config: gc_config("amd64", "go1.27").unwrap(),
            imports: imports.iter().map(|(p, j)| (p.to_string(), Ok(*j))).collect(),
            deps: imports.iter().map(|(_, j)| *j).collect(),
        }
    }

    fn msgs(r: &PackageResult) -> Vec<String> {
        r.diags.iter().map(|d| d.msg.clone()).collect()
    }

    /// A three-level graph: imports resolve to the checked packages (a
    /// dot-import sees the imported scope), each unit is reported once,
    /// and a unit is reported after the units it imports.
    #[test]
    fn graph_checks_in_dependency_order() {
        let dir = tmp("order");
        let units = vec![
            unit(&dir, "main", &[("m.go", "package main\nimport (\"x/b\"; \"x/c\")\nvar _, _ = b.B, c.C\nfunc main() {}\n")], &[("x/b", 1), ("x/c", 2)]),
            unit(&dir, "x/b", &[("b.go", "package b\nimport . \"x/a\"\nvar B = A\n")], &[("x/a", 3)]),
            unit(&dir, "x/c", &[("c.go", "package c\nimport \"unsafe\"\nimport \"x/a\"\nvar C = a.A\nvar _ unsafe.Pointer\n")], &[("x/a", 3), ("unsafe", 4)]),
            unit(&dir, "x/a", &[("a.go", "package a\nvar A = 1\n")], &[]),
            Unit { source: Source::Unsafe, ..unit(&dir, "unsafe", &[], &[]) },
        ];
        let mut order = Vec::new();
        let results = check_units(&units, &Options { jobs: 3, ..Options::default() }, |i, _| order.push(i));
        for r in &results {
            assert_eq!(r.status, Status::Checked, "{r:?}");
        }
        let at = |i: usize| order.iter().position(|&x| x == i).unwrap();
        assert_eq!(order.len(), 5);
        assert!(at(3) < at(1) && at(3) < at(2) && at(1) < at(0) && at(2) < at(0) && at(4) < at(2), "{order:?}");
        // The dot-import merged a's exported names into b's file scope.
        let b = goxide_types::package::info(results[1].pkg.unwrap());
        assert_eq!(b.path.as_str(), "x/b");
        assert_eq!(results[4].pkg, Some(universe().unsafe_pkg));
        let _ = std::fs::remove_dir_all(dir);
    }

    /// With `release_syntax`, importers are checked as before (same
    /// results), the checked packages' trees are released, and their
    /// objects' positions still print.
    #[test]
    fn released_syntax_leaves_results_and_positions() {
        let dir = tmp("release");
        let units = vec![
            unit(&dir, "main", &[("m.go", "package main\nimport \"x/a\"\nvar s string = a.A\nvar s = 2\nfunc main() {}\n")], &[("x/a", 1)]),
            unit(&dir, "x/a", &[("a.go", "package a\n\nvar A = 1\n")], &[]),
        ];
        let kept = check_units(&units, &Options { jobs: 2, ..Options::default() }, |_, _| {});
        let released = check_units(&units, &Options { jobs: 2, release_syntax: true, ..Options::default() }, |_, _| {});
        let summary = |rs: &[PackageResult]| -> Vec<(Status, Vec<String>)> { rs.iter().map(|r| (r.status.clone(), msgs(r))).collect() };
        assert_eq!(summary(&released), summary(&kept));
        assert_eq!(msgs(&released[0]).len(), 2, "{:?}", released[0]);
        let a = goxide_types::package::info(released[1].pkg.unwrap());
        let obj = a.scope.get().unwrap().lookup(goxide_types::symbol::Symbol::intern("A")).unwrap();
        let pos = goxide_types::objects::object(obj).pos.unwrap();
        assert!(goxide_types::files::file(pos.file).is_none());
        let at = goxide_types::files::position(pos).to_string();
        assert!(at.ends_with("a.go:3:5"), "{at}");
        // Without the option the trees stay.
        let a_kept = goxide_types::package::info(kept[1].pkg.unwrap());
        let obj = a_kept.scope.get().unwrap().lookup(goxide_types::symbol::Symbol::intern("A")).unwrap();
        assert!(goxide_types::files::file(goxide_types::objects::object(obj).pos.unwrap().file).is_some());
        let _ = std::fs::remove_dir_all(dir);
    }

    /// Syntax errors stop a package before type checking (gc) and fail its
    /// importers; with types2's options the package is checked anyway and
    /// its importer too.
    #[test]
    fn syntax_errors_and_failed_imports() {
        let dir = tmp("fail");
        let units = vec![
            unit(&dir, "p", &[("p.go", "package p\nimport \"q\"\nvar _ = q.X\n")], &[("q", 1)]),
            unit(&dir, "q", &[("q.go", "package q\nvar X = 1\nvar X = 2\nfunc f( {\n")], &[]),
            unit(&dir, "r", &[("r.go", "package r\nvar Y = 1\nvar Y = 2\n")], &[]),
            unit(&dir, "s", &[("s.go", "package s\nimport \"r\"\nvar _ = r.Y\n")], &[("r", 2)]),
        ];
        let results = check_units(&units, &Options::default(), |_, _| {});
        assert_eq!(results[1].status, Status::SyntaxErrors);
        assert!(msgs(&results[1])[0].starts_with("syntax error"), "{:?}", results[1]);
        assert_eq!(results[0].status, Status::DependencyFailed("q".into()));
        assert_eq!(results[2].status, Status::Checked);
        let r_go = dir.join("r/r.go");
        assert_eq!(msgs(&results[2]), [format!("Y redeclared in this block\n\t{}:2:5: other declaration of Y", r_go.display())]);
        assert_eq!(results[3].status, Status::DependencyFailed("r".into()));
        let keep_going = Options { stop_on_syntax_errors: false, check_dependents_of_failures: true, gc_errors: false, ..Options::default() };
        let results = check_units(&units, &keep_going, |_, _| {});
        assert_eq!(results[1].status, Status::Checked);
        assert!(msgs(&results[1]).iter().any(|m| m.starts_with("X redeclared")), "{:?}", results[1]);
        assert_eq!(results[0].status, Status::Checked);
        assert_eq!(results[3].status, Status::Checked);
        assert!(results[3].diags.is_empty(), "{:?}", results[3]);
        let _ = std::fs::remove_dir_all(dir);
    }

    /// Import errors given by the caller reach the checker's message; an
    /// unreadable file is an error of its package; cycles never run.
    #[test]
    fn import_errors_unreadable_files_and_cycles() {
        let dir = tmp("imperr");
        let mut p = unit(&dir, "p", &[("p.go", "package p\nimport \"nope\"\n")], &[]);
        p.imports.insert("nope".into(), Err("package nope is not in std".into()));
        let mut missing = unit(&dir, "m", &[], &[]);
        missing.source = Source::Files(vec![dir.join("absent.go").to_string_lossy().into_owned()]);
        let c1 = unit(&dir, "c1", &[("c.go", "package c1\n")], &[("c2", 3)]);
        let c2 = unit(&dir, "c2", &[("c.go", "package c2\n")], &[("c1", 2)]);
        let results = check_units(&[p, missing, c1, c2], &Options::default(), |_, _| {});
        assert_eq!(msgs(&results[0]), ["could not import nope (package nope is not in std)"]);
        assert_eq!(results[1].status, Status::SyntaxErrors);
        assert!(msgs(&results[1])[0].starts_with("open ") && msgs(&results[1])[0].ends_with("absent.go: no such file or directory"));
        assert_eq!((results[2].status.clone(), results[3].status.clone()), (Status::Cycle, Status::Cycle));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn gc_filter_drops_equal_errors_on_a_line() {
        let (f, _) = goxide_syntax::parse_file("/x.go", b"package p\nvar a\n//line y.go:10\nvar b\n");
        let d = |offset: u32, msg: &str| Diagnostic { offset, pos: goxide_syntax::Position { filename: "/x.go".into(), line: 0, col: 0 }, msg: msg.into() };
        let mut flt = ErrorFilter::new(true);
        assert!(flt.admit(Some(&f), &d(10, "m")));
        assert!(!flt.admit(Some(&f), &d(12, "m")), "same line, same message");
        assert!(flt.admit(Some(&f), &d(12, "n")));
        assert!(flt.admit(Some(&f), &d(12, "m")), "not equal to the previous one");
        assert!(flt.admit(Some(&f), &d(10, "syntax error: a")));
        assert!(!flt.admit(Some(&f), &d(11, "syntax error: b")));
        assert!(flt.admit(Some(&f), &d(33, "syntax error: c")), "another line");
        let mut off = ErrorFilter::new(false);
        assert!(off.admit(Some(&f), &d(10, "m")) && off.admit(Some(&f), &d(10, "m")));
    }

    #[test]
    fn version_hints_as_gc() {
        let m = "generic type alias requires go1.24 or later";
        assert_eq!(with_version_hint(m, "", "go1.22"), format!("{m} (-lang was set to go1.22; check go.mod)"));
        assert_eq!(with_version_hint(m, "go1.23", "go1.27"), format!("{m} (file declares //go:build go1.23)"));
        // A file version below go1.21 is raised to go1.21: the hint is -lang's.
        assert_eq!(with_version_hint(m, "go1.18", "go1.27"), format!("{m} (-lang was set to go1.27; check go.mod)"));
        assert_eq!(with_version_hint("x requires go1 or later", "", "go1.2"), "x requires go1 or later");
        assert!(is_version_error("a\n\tb requires go1.10 or later"));
        assert!(!is_version_error("requires go1. or later"));
    }
}
