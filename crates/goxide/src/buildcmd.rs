//! `goxide build [-o output] [files.go | dir | pattern]` and `goxide run
//! files.go... [arguments...]`: cmd/go's `work.runBuild` and
//! `run.runRun` for what the backend takes today — one main package that
//! imports nothing but `unsafe` — compiled by [`crate::compile`].
//!
//! Packages are loaded as `goxide list` loads them (goxide_load, with
//! goxide's tool tags), so file selection, package errors and the
//! `command-line-arguments` package of `.go` arguments are go's. Then:
//! - build: the executable goes to `-o` (a directory when it ends in `/`
//!   or is one), else to the current directory under go's default name
//!   (the first file's name without `.go` for files, else the import
//!   path's last element);
//! - run: leading `.go` arguments are the files, the rest go to the
//!   program; the executable is built in a temporary directory and run
//!   with the same standard streams, and its exit status is goxide's (the
//!   issue's rule: it passes through).
//!
//! Anything outside the slice (imports, non-main packages, several
//! packages) is `goxide: not supported yet: ...`, exit 2.

use std::path::{Path, PathBuf};

use goxide_load::load::{self, Options};

use crate::commands::Command;
use crate::compile::{build_executable, BuildUnit, WorkDir};
use crate::flags::{FlagSet, Kind};
use crate::invoke;
use crate::output;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The flags both commands take (a subset of go's build flags).
fn build_flags(with_o: bool) -> FlagSet {
    let mut defs = vec![
        invoke::CHDIR_FLAG,
        ("a", Kind::Bool),
        ("n", Kind::Bool),
        ("v", Kind::Bool),
        ("x", Kind::Bool),
        ("p", Kind::Int),
        ("trimpath", Kind::Bool),
    ];
    if with_o {
        defs.push(("o", Kind::Str));
    }
    FlagSet::new(&defs)
}

/// Loads `patterns` and picks the one main package to build.
fn load_main(patterns: &[String], gocfg: &goxide_build::cfg::Config) -> Result<BuildUnit, i32> {
    let cfg = crate::list::load_config(gocfg, Vec::new(), false, "", "auto".into())?;
    let opts = Options { ignore_imports: false, tests: false, allow_errors: false, suppress_embed_files: false };
    let loaded = match load::load(&cfg, &opts, patterns) {
        Ok(l) => l,
        Err(load::Fatal(msgs)) => {
            for m in msgs {
                output::stderr_line(&m.strip_prefix("go: ").map_or(m.clone(), |r| format!("goxide: {r}")));
            }
            return Err(1);
        }
    };
    let graph = &loaded.graph;
    let mut errors = String::new();
    for &id in &loaded.roots {
        if let Some(e) = &graph.get(id).error {
            errors.push_str(&format!("{e}\n"));
        }
    }
    if !errors.is_empty() {
        output::stderr(errors.as_bytes());
        return Err(1);
    }
    let unsupported = |what: String| {
        output::stderr_line(&format!("goxide: not supported yet: {what}"));
        2
    };
    let [root] = loaded.roots.as_slice() else {
        return Err(unsupported(format!("building {} packages at once", loaded.roots.len())));
    };
    let p = graph.get(*root);
    if p.name != "main" {
        return Err(unsupported(format!("building non-main package {}", p.import_path)));
    }
    // unsafe is the compiler's own package.
    if let Some(imp) = p.imports.iter().find(|i| *i != "unsafe") {
        return Err(unsupported(format!("imports ({} imports {imp})", p.import_path)));
    }
    let files = p.go_files.iter().map(|f| Path::new(&p.dir).join(f)).collect();
    Ok(BuildUnit { header: p.import_path.clone(), files, goarch: gocfg.goarch_str() })
}

/// go's default executable name for the package.
fn default_exe_name(unit: &BuildUnit, patterns: &[String]) -> String {
    if unit.header == "command-line-arguments" {
        let first = patterns.first().map(String::as_str).unwrap_or("main.go");
        let base = Path::new(first).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        return base.strip_suffix(".go").unwrap_or(&base).to_string();
    }
    unit.header.rsplit('/').next().unwrap_or(&unit.header).to_string()
}

/// Runs `goxide build args...`.
pub fn run_build(cmd: &Command, args: &[Vec<u8>]) -> i32 {
    match build_inner(cmd, args) {
        Ok(c) | Err(c) => c,
    }
}

fn build_inner(cmd: &Command, args: &[Vec<u8>]) -> Result<i32, i32> {
    let gocfg = invoke::config_with_goroot()?;
    let gf = invoke::goflags(&gocfg, false)?;
    let mut flags = build_flags(true);
    let patterns = invoke::parse_flags(cmd, &mut flags, &gf, args)?;
    invoke::check_build_config(&gocfg)?;
    let mut patterns: Vec<String> = patterns.iter().map(|p| text(p)).collect();
    if patterns.is_empty() {
        patterns.push(".".into());
    }
    let unit = load_main(&patterns, &gocfg)?;
    let name = default_exe_name(&unit, &patterns);
    let output_path = if flags.was_set("o") {
        let o = PathBuf::from(text(flags.str("o")));
        if text(flags.str("o")).ends_with('/') {
            // go creates a directory named with a trailing slash.
            if let Err(e) = std::fs::create_dir_all(&o) {
                output::stderr_line(&format!("goxide: {}: {e}", o.display()));
                return Err(1);
            }
        }
        if o.is_dir() { o.join(&name) } else { o }
    } else {
        PathBuf::from(&name)
    };
    // go's default name must not be a directory (build.go: checked before
    // building).
    if !flags.was_set("o") && output_path.is_dir() {
        output::stderr_line(&format!("goxide: build output {:?} already exists and is a directory", output_path.display().to_string()));
        return Err(1);
    }
    let work = WorkDir::new().map_err(|e| {
        output::stderr_line(&format!("goxide: creating work dir: {e}"));
        1
    })?;
    // `-o /dev/null` builds and writes nothing (go's special case; a
    // linker would replace the device).
    let discard = flags.was_set("o") && is_null_device(&output_path);
    let built = if discard { work.0.join("discarded.exe") } else { output_path.clone() };
    if !discard && let Err(why) = check_dst_overwrite(&output_path) {
        output::stderr_line(&format!("{0}: goxide build {0}: {why}", unit.header));
        return Err(1);
    }
    if let Err(f) = build_executable(&unit, &built, &work.0) {
        output::stderr(f.message.as_bytes());
        return Err(f.exit);
    }
    Ok(0)
}

/// go's `base.IsNull`: the null device.
fn is_null_device(p: &Path) -> bool {
    p == Path::new("/dev/null")
}

/// go's `checkDstOverwrite`: an existing output is replaced only when it
/// is an empty or non-regular file or an object file (`isObject`'s
/// magic numbers), never a directory.
fn check_dst_overwrite(dst: &Path) -> Result<(), String> {
    let Ok(md) = std::fs::metadata(dst) else { return Ok(()) };
    let shown = dst.display().to_string();
    if md.is_dir() {
        return Err(format!("build output {shown:?} already exists and is a directory"));
    }
    if md.is_file() && md.len() != 0 && !is_object(dst) {
        return Err(format!("build output {shown:?} already exists and is not an object file"));
    }
    Ok(())
}

/// cmd/go's `objectMagic` prefixes: archives, ELF, Mach-O, PE, Plan 9,
/// wasm, XCOFF.
const OBJECT_MAGIC: &[&[u8]] = &[
    b"!<arch>\n",
    b"<bigaf>\n",
    b"\x7FELF",
    &[0xFE, 0xED, 0xFA, 0xCE],
    &[0xFE, 0xED, 0xFA, 0xCF],
    &[0xCE, 0xFA, 0xED, 0xFE],
    &[0xCF, 0xFA, 0xED, 0xFE],
    &[0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00],
    &[0x4d, 0x5a, 0x78, 0x00, 0x01, 0x00],
    &[0x00, 0x00, 0x01, 0xEB],
    &[0x00, 0x00, 0x8a, 0x97],
    &[0x00, 0x00, 0x06, 0x47],
    &[0x00, 0x61, 0x73, 0x6D],
    &[0x01, 0xDF],
    &[0x01, 0xF7],
];

/// go's `isObject`: the file's first 64 bytes start with an object
/// magic number.
fn is_object(p: &Path) -> bool {
    use std::io::Read;
    let Ok(f) = std::fs::File::open(p) else { return false };
    let mut buf = Vec::with_capacity(64);
    if f.take(64).read_to_end(&mut buf).is_err() {
        return false;
    }
    OBJECT_MAGIC.iter().any(|m| buf.starts_with(m))
}

/// Runs `goxide run args...`.
pub fn run_run(cmd: &Command, args: &[Vec<u8>]) -> i32 {
    match run_inner(cmd, args) {
        Ok(c) | Err(c) => c,
    }
}

fn run_inner(cmd: &Command, args: &[Vec<u8>]) -> Result<i32, i32> {
    let gocfg = invoke::config_with_goroot()?;
    let gf = invoke::goflags(&gocfg, false)?;
    let mut flags = build_flags(false);
    let rest = invoke::parse_flags(cmd, &mut flags, &gf, args)?;
    invoke::check_build_config(&gocfg)?;
    let rest: Vec<String> = rest.iter().map(|p| text(p)).collect();
    let nfiles = rest.iter().take_while(|a| a.ends_with(".go")).count();
    let (patterns, prog_args): (Vec<String>, Vec<String>) = if nfiles > 0 {
        (rest[..nfiles].to_vec(), rest[nfiles..].to_vec())
    } else if let Some((first, more)) = rest.split_first() {
        (vec![first.clone()], more.to_vec())
    } else {
        output::stderr_line("goxide: no go files listed");
        return Err(1);
    };
    let unit = load_main(&patterns, &gocfg)?;
    let work = WorkDir::new().map_err(|e| {
        output::stderr_line(&format!("goxide: creating work dir: {e}"));
        1
    })?;
    let exe = work.0.join(default_exe_name(&unit, &patterns));
    if let Err(f) = build_executable(&unit, &exe, &work.0) {
        output::stderr(f.message.as_bytes());
        return Err(f.exit);
    }
    let status = std::process::Command::new(&exe).args(&prog_args).status().map_err(|e| {
        output::stderr_line(&format!("goxide: running {}: {e}", exe.display()));
        1
    })?;
    match status.code() {
        Some(c) => Ok(c),
        None => {
            use std::os::unix::process::ExitStatusExt;
            output::stderr_line(&format!("signal: {}", status.signal().unwrap_or(0)));
            Ok(1)
        }
    }
}
