//! `goxide tool check`: type-checks packages from source with
//! `goxide_types`, reporting as `go build` reports compile errors — the
//! driver the type checker is scored through (the contracts are the
//! headers of `tests/types_goldens.rs`, `tests/types2_corpus.rs` and
//! `tests/gotypes_differential.rs`).
//!
//! ```text
//! goxide tool check [-e] [-j N] [-tags list] [-lang go1.N] [-fakeImportC]
//!                   [-dump-decls] [packages | files.go]
//! goxide tool check -types2test [-e] [-predeclaredTestFuncs] [-lang go1.N]
//!                   [-fakeImportC] [-goexperiment list] files.go
//! ```
//!
//! # gc's way (the default)
//!
//! The patterns (`std`, `cmd`, `./...`, import paths; default `.`) or
//! `.go` files (one `command-line-arguments` package, as `go run x.go`)
//! are loaded with `goxide_load` for the GOOS, GOARCH and CGO_ENABLED of
//! the environment, as `goxide list` does but selecting files exactly as
//! gc would (no goxide tool tags; `-tags` adds build tags). A load error in
//! the graph stops everything, as `go build`'s `CheckPackageErrors` does:
//! the errors are printed and the exit status is 1. Then every package of
//! the graph is parsed and checked by `goxide_build::typecheck` (packages
//! in parallel, `-j` workers, each once its imports are checked), with
//! gc's settings per package: `-p` (`main` for a command), `-lang` (the
//! module's `go` version, capped at the toolchain's, or the toolchain's;
//! `-lang` overrides it for the named packages), `-std` directives for
//! standard packages. `unsafe` is the universe's. Cgo files (with
//! CGO_ENABLED=1) are checked with a fake `C` package: goxide does not run
//! cgo.
//!
//! Output, per package with errors, as cmd/go prints a failed compile: a
//! `# importpath` line, then gc's diagnostics — sorted by position, at most
//! 10 then `pos: too many errors` unless `-e` (`goxide_syntax::report`) —
//! with the package directory (and its parents) shortened relative to the
//! working directory where that is shorter (cmd/go's `reportCmd`). A
//! package with syntax errors reports those and is not type-checked; a
//! package importing a failed one is not checked and prints nothing (go
//! build's rule). Packages print in dependency order, each as soon as it
//! and those before it are done. A crash of the parser or checker prints
//! `goxide: internal compiler error: ...` under the package's header.
//! Exit status 1 if anything failed, else 0.
//!
//! `-dump-decls` also prints, on stdout, the declarations of each named
//! package (`package <path>` then its lines; see
//! `goxide_build::decldump`), and checks every package even when one it
//! imports has errors, so the dump measures what the checker gets right.
//!
//! # types2's test harness's way (`-types2test`)
//!
//! The named files are one package, named after the first file's package
//! clause, checked as `cmd/compile/internal/types2/check_test.go` checks
//! its corpus: parsed without gc's branch checks and type-checked even
//! with syntax errors, types2's branch checks on; `-lang`,
//! `-fakeImportC` (and `-predeclaredTestFuncs`: `assert` and `trace`) set
//! the checker's configuration; `-goexperiment` is validated (types2 reads
//! no experiment today). Imports are loaded and checked from source like
//! any package (a path that cannot be loaded is the checker's `could not
//! import` error); their own errors are not printed — types2's harness
//! imports compiled packages. Every error of the package is printed as
//! `./a.go:L:C: msg` in the order found, not sorted, not deduplicated,
//! after a `# name` line; exit status 1 if one was printed.
//!
//! Invariants: no input makes the driver panic (a checker panic is a
//! reported crash of its package); output order does not depend on
//! scheduling.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::sync::Arc;

use goxide_build::buildcfg;
use goxide_build::decldump;
use goxide_build::typecheck::{self, Options, PackageResult, Source, Status, Unit};
use goxide_load::load::{self, Graph, Package, PackageId};
use goxide_load::modfile::gover;
use goxide_syntax::ast::{DeclKind, ExprKind, File};
use goxide_syntax::directive::Policy;
use goxide_syntax::parser::Mode;
use goxide_syntax::Diagnostic;

use crate::flags::{FlagSet, Kind, ParseError};
use crate::{invoke, list, output, tool_parse};

const USAGE: &str = "usage: goxide tool check [-e] [-j N] [-tags list] [-lang go1.N] [-fakeImportC] [-dump-decls] [packages | files.go]\n       \
goxide tool check -types2test [-e] [-predeclaredTestFuncs] [-lang go1.N] [-fakeImportC] [-goexperiment list] files.go\n";

/// gc stops after this many errors (without `-e`).
const GC_ERROR_LIMIT: usize = 10;

/// `go.mod`'s default `go` version when the line is missing
/// (`gover.DefaultGoModVersion`).
const DEFAULT_GO_MOD_VERSION: &str = "1.16";

/// The flags, once parsed.
#[derive(Clone)]
struct Flags {
    all_errors: bool,
    jobs: usize,
    tags: Vec<String>,
    lang: Option<String>,
    fake_import_c: bool,
    dump_decls: bool,
    types2test: bool,
    test_funcs: bool,
}

/// Runs the tool; returns the exit status.
pub fn run(args: &[Vec<u8>]) -> i32 {
    match run_inner(args) {
        Ok(code) | Err(code) => code,
    }
}

fn usage(msg: Option<&str>) -> i32 {
    let mut text = String::new();
    if let Some(m) = msg {
        text.push_str(m);
        text.push('\n');
    }
    text.push_str(USAGE);
    output::stderr(text.as_bytes());
    2
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn run_inner(args: &[Vec<u8>]) -> Result<i32, i32> {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut flags = FlagSet::new(&[
        ("e", Kind::Bool),
        ("j", Kind::Int),
        ("tags", Kind::Str),
        ("lang", Kind::Str),
        ("fakeImportC", Kind::Bool),
        ("dump-decls", Kind::Bool),
        ("types2test", Kind::Bool),
        ("predeclaredTestFuncs", Kind::Bool),
        ("goexperiment", Kind::Str),
    ])
    .default_int("j", cpus as i64);
    let rest = match flags.parse(args) {
        Ok(r) => r,
        Err(ParseError::Help) => return Err(usage(None)),
        Err(ParseError::Failed(msg)) => return Err(usage(Some(&msg))),
    };
    let jobs = flags.int("j");
    if jobs < 1 {
        return Err(usage(Some(&format!("invalid value \"{jobs}\" for flag -j: must be at least 1"))));
    }
    let tags = list::parse_tags(flags.str("tags")).map_err(|e| {
        usage(Some(&format!("invalid value {} for flag -tags: {e}", goxide_build::strconv::quote(flags.str("tags")))))
    })?;
    let lang = flags.was_set("lang").then(|| text(flags.str("lang")));
    let f = Flags {
        all_errors: flags.bool("e"),
        jobs: jobs as usize,
        tags,
        lang,
        fake_import_c: flags.bool("fakeImportC"),
        dump_decls: flags.bool("dump-decls"),
        types2test: flags.bool("types2test"),
        test_funcs: flags.bool("predeclaredTestFuncs"),
    };
    if f.test_funcs && !f.types2test {
        return Err(usage(Some("-predeclaredTestFuncs needs -types2test")));
    }
    if flags.was_set("goexperiment") {
        if !f.types2test {
            return Err(usage(Some("-goexperiment needs -types2test (set GOEXPERIMENT otherwise)")));
        }
        if let Err(e) = buildcfg::parse_goexperiment("linux", "amd64", flags.str("goexperiment")) {
            return Err(usage(Some(&format!("invalid value {} for flag -goexperiment: {e}", goxide_build::strconv::quote(flags.str("goexperiment"))))));
        }
    }
    if f.types2test && f.dump_decls {
        return Err(usage(Some("-dump-decls cannot be used with -types2test")));
    }
    let args: Vec<String> = rest.iter().map(|a| text(a)).collect();
    let gocfg = invoke::config_with_goroot()?;
    invoke::check_build_config(&gocfg)?;
    let cfg = list::load_config(&gocfg, f.tags.clone(), true, "", "off".into())?;
    if f.types2test {
        types2test(&cfg, &f, &args)
    } else {
        gc_check(&cfg, &f, args)
    }
}

// ---------------------------------------------------------------------------
// gc's way

fn gc_check(cfg: &load::Config, f: &Flags, mut patterns: Vec<String>) -> Result<i32, i32> {
    if patterns.is_empty() {
        patterns.push(".".into());
    }
    let loaded = match load::load(cfg, &load::Options::default(), &patterns) {
        Ok(l) => l,
        Err(load::Fatal(msgs)) => {
            for m in msgs {
                output::stderr_line(&list::goxide_prefix(&m));
            }
            return Err(1);
        }
    };
    for w in &loaded.warnings {
        output::stderr_line(&list::warning_text(w));
    }
    let graph = &loaded.graph;
    let all = imported_package_list(graph, &loaded.roots);
    // load.CheckPackageErrors.
    if loaded.roots.iter().any(|&r| graph.get(r).incomplete) {
        let mut errs = String::new();
        for &id in &all {
            if let Some(e) = &graph.get(id).error {
                errs.push_str(&format!("{e}\n"));
            }
        }
        if !errs.is_empty() {
            output::stderr(errs.as_bytes());
            return Err(1);
        }
    }
    let build = GraphUnits::new(cfg, graph, &all, &loaded.roots, f);
    let opts = Options {
        jobs: f.jobs,
        stop_on_syntax_errors: true,
        check_dependents_of_failures: f.dump_decls,
        gc_errors: true,
        release_syntax: true,
    };
    let cwd = cfg.cwd.clone();
    let mut printer = OrderedPrinter::new();
    let results = typecheck::check_units(&build.units, &opts, |i, r| {
        let p = graph.get(all[i]);
        printer.done(i, gc_report(p, r, f.all_errors, &cwd));
    });
    printer.finish();
    let failed = results.iter().any(|r| !r.ok());
    if f.dump_decls {
        let mut out = Vec::new();
        for &root in &loaded.roots {
            let Some(&i) = build.index.get(&root) else { continue };
            let path = &graph.get(root).import_path;
            out.extend_from_slice(format!("package {path}\n").as_bytes());
            if let Some(pkg) = results[i].pkg {
                for line in decldump::decl_lines(pkg, path) {
                    out.extend_from_slice(line.as_bytes());
                    out.push(b'\n');
                }
            }
        }
        output::stdout(&out);
    }
    Ok(if failed { 1 } else { 0 })
}

/// The packages reachable from `roots` through their source imports, each
/// after its imports (`PackageList` without a main package's linker
/// dependencies: checking needs only what the files import, and the
/// runtime's packages cannot fail).
fn imported_package_list(graph: &Graph, roots: &[PackageId]) -> Vec<PackageId> {
    let imported = |id: PackageId| -> Vec<PackageId> {
        let p = graph.get(id);
        p.internal.imports.iter().copied().filter(|&d| p.imports.contains(&graph.get(d).import_path)).collect()
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for &r in roots {
        if !seen.insert(r) {
            continue;
        }
        let mut stack: Vec<(PackageId, Vec<PackageId>, usize)> = vec![(r, imported(r), 0)];
        while let Some(top) = stack.last_mut() {
            if let Some(&next) = top.1.get(top.2) {
                top.2 += 1;
                if seen.insert(next) {
                    let deps = imported(next);
                    stack.push((next, deps, 0));
                }
            } else {
                out.push(top.0);
                stack.pop();
            }
        }
    }
    out
}

/// The units for packages `all` of a loaded graph (dependency order), and
/// where each package went.
struct GraphUnits {
    units: Vec<Unit>,
    index: HashMap<PackageId, usize>,
}

impl GraphUnits {
    fn new(cfg: &load::Config, graph: &Graph, all: &[PackageId], roots: &[PackageId], f: &Flags) -> GraphUnits {
        let index: HashMap<PackageId, usize> = all.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let units = all
            .iter()
            .map(|&id| {
                let root = roots.contains(&id);
                unit_for(cfg, graph, graph.get(id), &index, root, f)
            })
            .collect();
        GraphUnits { units, index }
    }
}

/// gc's settings for one loaded package (cmd/go's `gcToolchain.gc`).
fn unit_for(
    cfg: &load::Config,
    graph: &Graph,
    p: &Package,
    index: &HashMap<PackageId, usize>,
    root: bool,
    f: &Flags,
) -> Unit {
    let goarch = &cfg.build.goarch;
    let mut lang = match &f.lang {
        Some(l) if root => l.clone(),
        _ => format!("go{}", gover::lang(&package_go_version(cfg, p))),
    };
    if lang == "go" {
        lang.clear();
    }
    let mut config = typecheck::gc_config(goarch, &lang)
        .or_else(|| typecheck::gc_config("amd64", &lang))
        .expect("amd64 sizes exist");
    let mut names: Vec<&String> = p.go_files.iter().collect();
    if cfg.build.cgo_enabled && !p.cgo_files.is_empty() {
        // No cgo: its files are checked against a fake package C.
        names.extend(p.cgo_files.iter());
        config.fake_import_c = true;
    }
    if root && f.fake_import_c {
        config.fake_import_c = true;
    }
    let files: Vec<String> = names.iter().map(|n| format!("{}/{n}", p.dir.trim_end_matches('/'))).collect();
    let directives = if p.standard {
        Policy { wasm: goarch == "wasm", ..Policy::for_std_package(&p.import_path) }
    } else {
        Policy { wasm: goarch == "wasm", ..Policy::default() }
    };
    // Imports as written -> the unit of the package they resolve to.
    let by_path: HashMap<&str, usize> = p
        .internal
        .imports
        .iter()
        .filter_map(|&d| Some((graph.get(d).import_path.as_str(), *index.get(&d)?)))
        .collect();
    let mut imports = HashMap::new();
    for (k, raw) in p.internal.raw_imports.iter().enumerate() {
        let resolved = p.imports.get(k).unwrap_or(raw);
        let target = by_path.get(resolved.as_str()).copied().ok_or_else(|| format!("package {resolved} is not loaded"));
        imports.insert(raw.clone(), target);
    }
    let deps = p.internal.imports.iter().filter_map(|d| index.get(d).copied()).collect();
    let source = if p.standard && p.import_path == "unsafe" { Source::Unsafe } else { Source::Files(files) };
    let for_main = p.name == "main" && !p.internal.force_library;
    Unit {
        path: if for_main { "main".into() } else { p.import_path.clone() },
        source,
        parse_mode: Mode { directives, ..Mode::default() },
        config,
        imports,
        deps,
    }
}

/// The Go version cmd/go passes as `-lang` for `p` (before `gover.Lang`):
/// its module's `go` version if allowed, else the toolchain's.
fn package_go_version(cfg: &load::Config, p: &Package) -> String {
    let local = cfg.go_version.clone();
    match &p.module {
        Some(m) => {
            let v = if m.go_version.is_empty() { DEFAULT_GO_MOD_VERSION } else { m.go_version.as_str() };
            if gover::compare(v, &local) != std::cmp::Ordering::Greater { v.to_string() } else { local }
        }
        None => local,
    }
}

/// What cmd/go prints for one package's compile: nothing, or the header
/// and gc's output with paths shortened.
fn gc_report(p: &Package, r: &PackageResult, all_errors: bool, cwd: &str) -> String {
    let mut body = String::new();
    if let Status::Crashed(msg) = &r.status {
        body.push_str(&format!("goxide: internal compiler error: checking {}: {msg}\n", p.import_path));
    }
    if let Status::Cycle = r.status {
        body.push_str(&format!("import cycle not allowed: {}\n", p.import_path));
    }
    if !r.diags.is_empty() {
        let limit = if all_errors { 0 } else { GC_ERROR_LIMIT };
        for line in goxide_syntax::report::flush(&r.diags, limit) {
            body.push_str(&line);
            body.push('\n');
        }
    }
    if body.is_empty() {
        return body;
    }
    format!("# {}\n{}", p.desc(), shorten_dirs(&body, &p.dir, cwd))
}

/// cmd/go's `reportCmd` rewriting: `dir`, then each of its parents, is
/// replaced by its `base.ShortPath` where that differs.
fn shorten_dirs(out: &str, dir: &str, cwd: &str) -> String {
    let mut out = out.to_string();
    let mut dir = dir.trim_end_matches('/').to_string();
    while !dir.is_empty() {
        let rel = load::fspath::short_path(cwd, &dir);
        if rel != dir {
            out = tool_parse::replace_prefix(&out, &dir, &rel);
        }
        match dir.rfind('/') {
            Some(0) | None => break,
            Some(i) => dir.truncate(i),
        }
    }
    out
}

/// Prints reports in unit order, each as soon as it and all before it
/// are known.
struct OrderedPrinter {
    pending: BTreeMap<usize, String>,
    next: usize,
}

impl OrderedPrinter {
    fn new() -> OrderedPrinter {
        OrderedPrinter { pending: BTreeMap::new(), next: 0 }
    }

    fn done(&mut self, i: usize, text: String) {
        self.pending.insert(i, text);
        let mut out = String::new();
        while let Some(t) = self.pending.remove(&self.next) {
            out.push_str(&t);
            self.next += 1;
        }
        if !out.is_empty() {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(out.as_bytes());
            let _ = err.flush();
        }
    }

    fn finish(&mut self) {
        let rest: String = std::mem::take(&mut self.pending).into_values().collect();
        output::stderr(rest.as_bytes());
    }
}

// ---------------------------------------------------------------------------
// types2's test harness's way

fn types2test(cfg: &load::Config, f: &Flags, files: &[String]) -> Result<i32, i32> {
    if files.is_empty() {
        return Err(usage(Some("-types2test needs .go files")));
    }
    if let Some(bad) = files.iter().find(|n| !n.ends_with(".go")) {
        return Err(usage(Some(&format!("-types2test takes .go files, not {bad:?}"))));
    }
    // Parse the files here, to learn their imports.
    let mode = Mode { check_branches: false, ..Mode::default() };
    let mut parsed: Vec<Arc<File>> = Vec::new();
    let mut diags: Vec<(usize, Diagnostic)> = Vec::new();
    let mut status = 0;
    for name in files {
        match std::fs::read(name) {
            Ok(src) => {
                let (file, ds) = goxide_syntax::parse_file_with(name, &src, mode);
                diags.extend(ds.into_iter().map(|d| (parsed.len(), d)));
                parsed.push(Arc::new(file));
            }
            Err(e) => {
                output::stderr_line(&goxide_build::os_error::path_error("open", name.as_bytes(), &e));
                status = 1;
            }
        }
    }
    let name = parsed.first().map(|f| f.name_str(f.pkg_name).to_string()).unwrap_or_else(|| "<no package>".into());
    let imports = import_paths(&parsed);

    // Load and check the imports like any package; the checker's imports
    // map to them, or to the loader's error.
    let loadable: Vec<String> = imports.iter().filter(|p| is_loadable(p)).cloned().collect();
    let mut import_map: HashMap<String, Result<usize, String>> = HashMap::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut graph_pkgs: Vec<PackageId> = Vec::new();
    let loaded = if loadable.is_empty() {
        None
    } else {
        match load::load(cfg, &load::Options { allow_errors: true, ..Default::default() }, &loadable) {
            Ok(l) => Some(l),
            Err(load::Fatal(msgs)) => {
                let text = msgs.join("; ");
                for p in &loadable {
                    import_map.insert(p.clone(), Err(text.clone()));
                }
                None
            }
        }
    };
    if let Some(l) = &loaded {
        let graph = &l.graph;
        let good: Vec<PackageId> = l.roots.iter().copied().filter(|&r| graph.get(r).error.is_none()).collect();
        graph_pkgs = graph.package_list(&good);
        let no_flags = Flags { lang: None, fake_import_c: false, ..f.clone() };
        let build = GraphUnits::new(cfg, graph, &graph_pkgs, &[], &no_flags);
        for &r in &l.roots {
            let p = graph.get(r);
            let target = match (&p.error, build.index.get(&r)) {
                (Some(e), _) => Err(e.err.clone()),
                (None, Some(&i)) => Ok(i),
                (None, None) => Err(format!("package {} is not loaded", p.import_path)),
            };
            import_map.insert(p.import_path.clone(), target);
        }
        units = build.units;
    }
    for p in &imports {
        if !import_map.contains_key(p) && p != "unsafe" && p != "C" {
            import_map.insert(p.clone(), Err(format!("cannot find package {p:?}")));
        }
    }
    let mut config = typecheck::gc_config(&cfg.build.goarch, f.lang.as_deref().unwrap_or(""))
        .or_else(|| typecheck::gc_config("amd64", ""))
        .expect("amd64 sizes exist");
    config.ignore_branch_errors = false;
    config.fake_import_c = f.fake_import_c;
    config.predeclared_test_funcs = f.test_funcs;
    let deps: Vec<usize> = import_map.values().filter_map(|t| t.as_ref().ok().copied()).collect();
    let root = units.len();
    units.push(Unit {
        path: name.clone(),
        source: Source::Parsed { files: parsed, diags },
        parse_mode: mode,
        config,
        imports: import_map,
        deps,
    });
    let opts = Options {
        jobs: f.jobs,
        stop_on_syntax_errors: false,
        check_dependents_of_failures: true,
        gc_errors: false,
        release_syntax: false,
    };
    let results = typecheck::check_units(&units, &opts, |_, _| {});
    let mut out = String::new();
    for (i, r) in results.iter().enumerate() {
        let what = if i == root { name.clone() } else { graph_pkgs.get(i).map(|&id| loaded_path(&loaded, id)).unwrap_or_default() };
        if let Status::Crashed(msg) = &r.status {
            out.push_str(&format!("# {what}\ngoxide: internal compiler error: checking {what}: {msg}\n"));
            status = 1;
        }
    }
    let r = &results[root];
    if !r.diags.is_empty() {
        out.push_str(&format!("# {name}\n"));
        for d in &r.diags {
            out.push_str(&d.to_string());
            out.push('\n');
        }
        status = 1;
    }
    output::stderr(out.as_bytes());
    Ok(status)
}

fn loaded_path(l: &Option<load::Loaded>, id: PackageId) -> String {
    l.as_ref().map(|l| l.graph.get(id).import_path.clone()).unwrap_or_default()
}

/// Whether an import path can name a package to load (not `C`, `unsafe`,
/// a relative or absolute path, or something no pattern would accept).
fn is_loadable(p: &str) -> bool {
    !p.is_empty()
        && p != "C"
        && p != "unsafe"
        && !p.starts_with('/')
        && !p.starts_with('.')
        && !p.contains("...")
        && p.chars().all(|c| c.is_ascii_graphic() && c != '\\' && c != ':')
}

/// The distinct import paths of `files`, in order of appearance (only
/// plain literals; the checker reports the others).
fn import_paths(files: &[Arc<File>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in files {
        for &d in f.decls_of(f.decls) {
            let DeclKind::Import { path: Some(e), .. } = f.decl(d).kind else { continue };
            if !matches!(f.expr(e).kind, ExprKind::BasicLit { bad: false, .. }) {
                continue;
            }
            let lit = f.lit_text(e);
            let inner = lit
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .filter(|s| !s.contains('\\'))
                .or_else(|| lit.strip_prefix('`').and_then(|s| s.strip_suffix('`')));
            if let Some(p) = inner
                && !out.iter().any(|o| o == p)
            {
                out.push(p.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_as_cmd_go() {
        let dir = std::env::temp_dir().join(format!("goxide-tc-short-{}", std::process::id()));
        let sub = dir.join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        let (d, s) = (dir.to_string_lossy().into_owned(), sub.to_string_lossy().into_owned());
        let out = format!("{s}/x.go:1:2: m\n\t{d}/a/y.go:3:4: other\n");
        assert_eq!(shorten_dirs(&out, &s, &d), "a/b/x.go:1:2: m\n\ta/y.go:3:4: other\n");
        // Where the relative path would be longer, the path stays.
        let deep = dir.join("c/d/e/f/g/h/i/j/k/l/m/n/o/p");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(shorten_dirs(&out, &s, &deep.to_string_lossy()), out);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn ordered_printer_waits_for_earlier_units() {
        let mut p = OrderedPrinter::new();
        p.done(1, String::new());
        assert_eq!(p.next, 0);
        p.done(0, String::new());
        assert_eq!((p.next, p.pending.len()), (2, 0));
        p.done(3, "x".into());
        assert_eq!(p.pending.len(), 1);
    }

    #[test]
    fn imports_read_from_files() {
        let (f, _) = goxide_syntax::parse_file("a.go", b"package p\nimport (\"fmt\"; m \"math\"; . `io`; \"a\\x2fb\")\nimport \"fmt\"\n");
        assert_eq!(import_paths(&[Arc::new(f)]), ["fmt", "math", "io"]);
        assert!(is_loadable("math/big") && !is_loadable("/foo") && !is_loadable("C") && !is_loadable("./x") && !is_loadable("a b"));
    }
}
