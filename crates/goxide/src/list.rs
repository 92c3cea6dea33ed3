//! `goxide list`: cmd/go's `list/list.go` (`runList`) in package mode on
//! top of `goxide_load::load`.
//!
//! Flags are go list's and go's build flags (a build-only flag is
//! accepted and ignored when it cannot change what list prints; one that
//! would, like `-race` or `-pgo=file`, is refused with a clear message,
//! as are `-f`, `-m`, `-export` and `-compiled`). The steps are go's:
//! flag compatibility checks, the load (`load.PackagesAndErrors`), the
//! package errors (without `-e`: printed, exit 1 before any output), test
//! packages (`-test`), dependency order (`-deps`), test-variant renaming,
//! `Deps`, `DepsErrors` and `ImportMap`, then one import path per line or
//! `-json` objects.
//!
//! Without `-compiler=gc`, goxide selects files with its own tool tags
//! added (`goxide`, `purego`, `math_big_pure_go`: goxide compiles pure-Go
//! fallbacks instead of assembly); with it, exactly as gc would.

use goxide_build::buildcfg::{HOST_GOARCH, HOST_GOOS};
use goxide_build::cfg::Config as GoConfig;
use goxide_build::{buildcache, os_error, osenv, quoted};
use goxide_load::build;
use goxide_load::load::{self, Fatal, Options, PackageId};

use crate::commands::Command;
use crate::flags::{FlagSet, Kind};
use crate::invoke;
use crate::list_json::{self, Fields};
use crate::output;

/// The tags goxide adds unless `-compiler=gc` asks for gc's selection.
pub const GOXIDE_TOOL_TAGS: &[&str] = &["goxide", "purego", "math_big_pure_go"];

/// The number of hardware threads (go's `GOMAXPROCS` default).
fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Runs `goxide list args...`; returns the exit status.
pub fn run(cmd: &Command, args: &[Vec<u8>]) -> i32 {
    match run_inner(cmd, args) {
        Ok(code) => code,
        Err(code) => code,
    }
}

fn fatal(msg: &str) -> i32 {
    output::stderr_line(msg);
    1
}

/// go list's and the build flags.
fn flag_set() -> FlagSet {
    FlagSet::new(&[
        invoke::CHDIR_FLAG,
        ("compiled", Kind::Bool),
        ("deps", Kind::Bool),
        ("e", Kind::Bool),
        ("export", Kind::Bool),
        ("f", Kind::Str),
        ("find", Kind::Bool),
        ("json", Kind::BoolOrStr),
        ("m", Kind::Bool),
        ("retracted", Kind::Bool),
        ("reuse", Kind::Str),
        ("test", Kind::Bool),
        ("u", Kind::Bool),
        ("versions", Kind::Bool),
        // work.AddBuildFlags
        ("n", Kind::Bool),
        ("x", Kind::Bool),
        ("a", Kind::Bool),
        ("p", Kind::Int),
        ("v", Kind::Bool),
        ("asan", Kind::Bool),
        ("asmflags", Kind::Str),
        ("compiler", Kind::Str),
        ("buildmode", Kind::Str),
        ("buildvcs", Kind::BoolOrStr),
        ("gcflags", Kind::Str),
        ("gccgoflags", Kind::Str),
        ("mod", Kind::Str),
        ("modcacherw", Kind::Bool),
        ("modfile", Kind::Str),
        ("overlay", Kind::Str),
        ("installsuffix", Kind::Str),
        ("ldflags", Kind::Str),
        ("linkshared", Kind::Bool),
        ("msan", Kind::Bool),
        ("pgo", Kind::Str),
        ("pkgdir", Kind::Str),
        ("race", Kind::Bool),
        ("tags", Kind::Str),
        ("toolexec", Kind::Str),
        ("trimpath", Kind::Bool),
        ("work", Kind::Bool),
        ("debug-actiongraph", Kind::Str),
        ("debug-runtime-trace", Kind::Str),
        ("debug-trace", Kind::Str),
        // work.AddCoverFlags
        ("cover", Kind::Bool),
        ("covermode", Kind::Str),
        ("coverpkg", Kind::Str),
    ])
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The `-tags` value as go's `tagsFlag` reads it.
fn parse_tags(v: &[u8]) -> Result<Vec<String>, String> {
    let s = text(v);
    if s.contains(' ') || s.contains('\'') {
        return quoted::split(v).map(|l| l.iter().map(|t| text(t)).collect());
    }
    Ok(s.split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect())
}

/// The `-json` flag's value: on/off, and the fields asked for.
fn json_setting(flags: &FlagSet) -> (bool, Option<Vec<String>>) {
    if !flags.was_set("json") {
        return (false, None);
    }
    let v = text(flags.str("json"));
    match crate::flags::parse_bool(v.as_bytes()) {
        Some(b) => (b, None),
        None => (true, Some(v.split(',').map(str::to_string).collect())),
    }
}

fn run_inner(cmd: &Command, args: &[Vec<u8>]) -> Result<i32, i32> {
    let gocfg = invoke::config_with_goroot()?;
    let gf = invoke::goflags(&gocfg, false)?;
    let mut flags = flag_set().default_int("p", cores() as i64);
    let patterns = invoke::parse_flags(cmd, &mut flags, &gf, args)?;
    invoke::check_build_config(&gocfg)?;
    let patterns: Vec<String> = patterns.iter().map(|p| text(p)).collect();
    for p in &patterns {
        if p.is_empty() {
            return Err(fatal("goxide: invalid package: \"\""));
        }
    }
    let (json, json_fields) = json_setting(&flags);
    let fmt = text(flags.str("f"));
    if !fmt.is_empty() && json {
        return Err(fatal("goxide list -f cannot be used with -json"));
    }
    let reuse = !flags.str("reuse").is_empty();
    let m = flags.bool("m");
    if reuse && !m {
        return Err(fatal("goxide list -reuse cannot be used without -m"));
    }
    let unsupported = |what: &str| fatal(&format!("goxide list: {what} is not supported yet"));
    if !fmt.is_empty() {
        return Err(unsupported("-f (templates); use -json"));
    }
    if m {
        return Err(unsupported("-m (listing modules)"));
    }
    if flags.bool("u") {
        return Err(fatal("goxide list -u can only be used with -m"));
    }
    if flags.bool("versions") {
        return Err(fatal("goxide list -versions can only be used with -m"));
    }
    let (find, deps, test) = (flags.bool("find"), flags.bool("deps"), flags.bool("test"));
    if find && deps {
        return Err(fatal("goxide list -deps cannot be used with -find"));
    }
    if find && test {
        return Err(fatal("goxide list -test cannot be used with -find"));
    }
    if find && flags.bool("export") {
        return Err(fatal("goxide list -export cannot be used with -find"));
    }
    for f in [
        "export",
        "compiled",
        "race",
        "msan",
        "asan",
        "cover",
        "linkshared",
    ] {
        if flags.bool(f) {
            return Err(unsupported(&format!("-{f}")));
        }
    }
    for f in ["coverpkg", "covermode", "modfile", "overlay", "pkgdir"] {
        if flags.was_set(f) && !flags.str(f).is_empty() {
            return Err(unsupported(&format!("-{f}")));
        }
    }
    let buildmode = text(flags.str("buildmode"));
    if !buildmode.is_empty() && buildmode != "default" {
        return Err(unsupported("-buildmode"));
    }
    let pgo = text(flags.str("pgo"));
    if !pgo.is_empty() && pgo != "auto" && pgo != "off" {
        return Err(unsupported("-pgo with a profile"));
    }
    let compiler = text(flags.str("compiler"));
    let gc_exact = match compiler.as_str() {
        "" => false,
        "gc" => true,
        "gccgo" => return Err(unsupported("-compiler=gccgo")),
        other => {
            output::stderr(
                format!(
                    "invalid value \"{other}\" for flag -compiler: unknown compiler \"{other}\"\n"
                )
                .as_bytes(),
            );
            output::stderr(crate::help::command_usage(cmd).as_bytes());
            return Err(2);
        }
    };
    let tags = parse_tags(flags.str("tags")).map_err(|e| {
        output::stderr(
            format!(
                "invalid value {} for flag -tags: {e}\n",
                goxide_build::strconv::quote(flags.str("tags"))
            )
            .as_bytes(),
        );
        output::stderr(crate::help::command_usage(cmd).as_bytes());
        2
    })?;
    let mod_flag = text(flags.str("mod"));
    if flags.was_set("mod") && !matches!(mod_flag.as_str(), "mod" | "readonly" | "vendor") {
        return Err(fatal(&format!(
            "-mod={mod_flag} not supported (can be '', 'mod', 'readonly', or 'vendor')"
        )));
    }

    let pgo = if pgo.is_empty() {
        "auto".to_string()
    } else {
        pgo
    };
    let cfg = load_config(&gocfg, tags, gc_exact, &mod_flag, pgo)?;
    // go resolves embeds unless -json named fields and none of these.
    let suppress_embed_files = match &json_fields {
        Some(f) if json => !f.iter().any(|x| {
            matches!(
                x.as_str(),
                "EmbedFiles" | "TestEmbedFiles" | "XTestEmbedFiles"
            )
        }),
        _ => false,
    };
    let opts = Options {
        ignore_imports: find,
        tests: test,
        allow_errors: flags.bool("e"),
        suppress_embed_files,
    };
    let loaded = match load::load(&cfg, &opts, &patterns) {
        Ok(l) => l,
        Err(Fatal(msgs)) => {
            for m in msgs {
                output::stderr_line(&goxide_prefix(&m));
            }
            return Err(1);
        }
    };
    for w in &loaded.warnings {
        output::stderr_line(&warning_text(w));
    }
    let fields = Fields(json_fields.clone().filter(|_| json));
    let goroot_src = format!("{}/src", cfg.build.goroot);
    let gocache = gocfg.gocache();
    let out = Output {
        deps,
        test,
        json,
        fields: &fields,
        goroot_src: &goroot_src,
        pgo_auto: cfg.pgo == "auto",
        gocache: (text(&gocache.0), gocache.2),
    };
    Ok(print(loaded, &opts, &out))
}

/// A loader warning as go prints it: symbolic-link warnings bare, the
/// others after `go: ` (goxide's `goxide: `).
fn warning_text(w: &str) -> String {
    if w.starts_with("warning: ignoring symlink ") {
        w.to_string()
    } else {
        format!("goxide: {w}")
    }
}

/// A go message as goxide prints it: `go: ` becomes `goxide: `.
fn goxide_prefix(msg: &str) -> String {
    match msg.strip_prefix("go: ") {
        Some(rest) => format!("goxide: {rest}"),
        None => msg.to_string(),
    }
}

/// Builds the loader's configuration from the go command's.
pub(crate) fn load_config(
    g: &GoConfig,
    build_tags: Vec<String>,
    gc_exact: bool,
    mod_flag: &str,
    pgo: String,
) -> Result<load::Config, i32> {
    let goos = g.goos_str();
    let goarch = g.goarch_str();
    let arch_value = g
        .arch_env()
        .map(|(_, s)| text(&s.value))
        .unwrap_or_default();
    let mut tool_tags = build::tool_tags(&goos, &goarch, &text(&g.raw_goexperiment), &arch_value)
        .map_err(|e| fatal(&format!("goxide: {e}")))?;
    if !gc_exact {
        tool_tags.extend(GOXIDE_TOOL_TAGS.iter().map(|s| s.to_string()));
    }
    let version = text(&g.goversion());
    let version = version.strip_prefix("go").unwrap_or(&version).to_string();
    let minor: u32 = version
        .split('.')
        .nth(1)
        .and_then(|m| m.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    let release_tags = build::release_tags(minor);
    let cwd = osenv::getwd(&g.os).map_err(|e| {
        fatal(&format!(
            "goxide: cannot determine current directory: getwd: {}",
            os_error::errno_text(&e)
        ))
    })?;
    Ok(load::Config {
        build: load::BuildContext {
            goos,
            goarch,
            goroot: text(&g.goroot),
            cgo_enabled: g.cgo_enabled,
            compiler: "gc".into(),
            build_tags,
            tool_tags,
            release_tags,
        },
        host_goos: HOST_GOOS.into(),
        host_goarch: HOST_GOARCH.into(),
        cwd: text(&cwd),
        go111module: text(g.getenv("GO111MODULE")),
        gowork: text(g.getenv("GOWORK")),
        gomodcache: text(&g.gomodcache.value),
        gopath: text(&g.gopath.value),
        gobin: text(&g.gobin.value),
        goproxy: text(&g.goproxy.value),
        gotoolchain: text(g.getenv("GOTOOLCHAIN")),
        mod_flag: mod_flag.to_string(),
        go_version: version,
        temp_dir: text(&osenv::temp_dir(&g.os)),
        workers: cores(),
        module_index: text(&g.gocache().0) != "off"
            && !text(g.os.get("GODEBUG"))
                .split(',')
                .any(|kv| kv.trim() == "goindex=0"),
        pgo,
    })
}

/// How to print: go list's flags and where things live.
struct Output<'a> {
    deps: bool,
    test: bool,
    json: bool,
    fields: &'a Fields,
    goroot_src: &'a str,
    pgo_auto: bool,
    /// GOCACHE, or why there is none.
    gocache: (String, Option<String>),
}

/// Everything after the load: errors, tests, `-deps`, renaming, `Deps`,
/// `ImportMap`, output. Returns the exit status.
fn print(loaded: load::Loaded, opts: &Options, o: &Output) -> i32 {
    let (deps, test, json, fields, goroot_src, pgo_auto) =
        (o.deps, o.test, o.json, o.fields, o.goroot_src, o.pgo_auto);
    let mut graph = loaded.graph;
    let mut status = 0;
    let mut pkgs: Vec<PackageId> = loaded.roots.clone();
    if !opts.allow_errors {
        let mut errs = String::new();
        pkgs.retain(|&id| match &graph.get(id).error {
            Some(e) => {
                errs.push_str(&format!("{e}\n"));
                false
            }
            None => true,
        });
        if !errs.is_empty() {
            output::stderr(errs.as_bytes());
            return 1;
        }
    }
    if test {
        let mut extra = Vec::new();
        for set in &loaded.tests {
            if !pkgs.contains(&set.p) {
                continue;
            }
            let (mut pmain, mut ptest, mut pxtest) = (Some(set.pmain), Some(set.ptest), set.pxtest);
            if !opts.allow_errors {
                // TestPackagesFor: the first error among the test packages
                // (or their dependencies) is fatal.
                for p1 in [Some(set.ptest), set.pxtest, Some(set.pmain)]
                    .into_iter()
                    .flatten()
                {
                    let p = graph.get(p1);
                    let perr = if p.error.is_some() {
                        Some(p1)
                    } else if p.incomplete {
                        graph
                            .package_list(&[p1])
                            .into_iter()
                            .find(|&q| graph.get(q).error.is_some())
                    } else {
                        continue;
                    };
                    if let Some(e) = perr.and_then(|q| graph.get(q).error.clone()) {
                        output::stderr_line(&format!("goxide: can't load test package: {e}"));
                        return 1;
                    }
                    break;
                }
                let bad = |id: PackageId| graph.get(id).error.is_some() || graph.get(id).incomplete;
                if pmain.is_some_and(bad) {
                    pmain = None;
                }
                if ptest.is_some_and(bad) {
                    ptest = None;
                }
                if pxtest.is_some_and(bad) {
                    pxtest = None;
                }
            }
            if let Some(m) = pmain {
                // go stores the generated _testmain.go in its build cache
                // and lists that file.
                if let Some(data) = graph.get(m).internal.testmain_go.clone() {
                    if let Some(e) = &o.gocache.1 {
                        output::stderr_line(&format!(
                            "build cache is required, but could not be located: {e}"
                        ));
                        return 1;
                    }
                    match buildcache::put_output(&o.gocache.0, &data) {
                        Ok(path) => graph.get_mut(m).go_files = vec![path],
                        Err(e) => {
                            output::stderr_line(&e);
                            return 1;
                        }
                    }
                }
                extra.push(m);
            }
            if let Some(t) = ptest
                && t != set.p
            {
                extra.push(t);
            }
            if let Some(x) = pxtest {
                extra.push(x);
            }
        }
        pkgs.extend(extra);
    }
    let cmdline: std::collections::HashSet<PackageId> = pkgs.iter().copied().collect();
    if deps {
        pkgs = graph.package_list(&pkgs);
        if !opts.allow_errors {
            let mut errs = String::new();
            for &id in &pkgs {
                if let Some(e) = &graph.get(id).error {
                    errs.push_str(&format!("{e}\n"));
                }
            }
            if !errs.is_empty() {
                output::stderr(errs.as_bytes());
                status = 1;
            }
        }
    }
    for &id in &pkgs {
        let p = graph.get_mut(id);
        p.test_imports = resolve_list(&p.test_imports, p.standard, &p.import_path, goroot_src);
        p.xtest_imports = resolve_list(&p.xtest_imports, p.standard, &p.import_path, goroot_src);
        p.dep_only = !cmdline.contains(&id);
    }
    if test || (pgo_auto && cmdline.len() > 1) {
        let all = if deps {
            pkgs.clone()
        } else {
            graph.package_list(&pkgs)
        };
        graph.rename_test_variants(&all);
        for &id in &all {
            graph.get_mut(id).dep_only = !cmdline.contains(&id);
        }
    }
    if fields.want("Deps") || fields.want("DepsErrors") {
        let all = if deps {
            pkgs.clone()
        } else {
            graph.package_list(&pkgs)
        };
        if fields.want("Deps") {
            graph.collect_deps(&all);
        }
        if fields.want("DepsErrors") {
            graph.collect_deps_errors(&all);
        }
    }
    graph.record_import_maps(&pkgs);
    let mut out = Vec::with_capacity(pkgs.len() * 2048);
    for &id in &pkgs {
        let p = graph.get(id);
        if json {
            list_json::write_package(&mut out, p, fields);
        } else {
            out.extend_from_slice(p.import_path.as_bytes());
            out.push(b'\n');
        }
    }
    output::stdout(&out);
    status
}

/// `Package.Resolve` for test imports: standard-library importers see
/// GOROOT's vendor directories; the list is deduplicated and sorted.
fn resolve_list(
    imports: &[String],
    parent_std: bool,
    parent_path: &str,
    goroot_src: &str,
) -> Vec<String> {
    let mut out: Vec<String> = imports
        .iter()
        .map(|path| {
            if !parent_std || goroot_src.is_empty() || load::search::is_standard_import_path(path) {
                return path.clone();
            }
            let vendor = if parent_path == "cmd" || parent_path.starts_with("cmd/") {
                format!("cmd/vendor/{path}")
            } else {
                format!("vendor/{path}")
            };
            if std::path::Path::new(&format!("{goroot_src}/{vendor}")).exists() {
                vendor
            } else {
                path.clone()
            }
        })
        .collect();
    out.sort();
    out.dedup();
    out
}
