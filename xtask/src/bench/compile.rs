//! `cargo xtask bench compile [--runs N] [--lines N] [--seed N]`: compile
//! speed, goxide against gc, on a generated import-free program of about N
//! lines (default 3,000; [`generator`] writes it, deterministically, to
//! `bench/out/compile/gen/main.go`).
//!
//! Contenders, whole `build` processes, alternating (round `r` starts with
//! contender `r mod 3`), each building an executable from scratch:
//! - **goxide cold**: `goxide build -o …`. goxide keeps no build cache for
//!   user code yet, so every build parses, checks, lowers, generates code
//!   for and links the whole program; its runtime is a prebuilt archive
//!   (part of goxide, as gc's runtime source is part of GOROOT);
//! - **gc cold**: `go build -o …` with `GOCACHE` a fresh, empty directory
//!   per run: go compiles `runtime` and every package it imports from
//!   GOROOT's source, then the program, then links;
//! - **gc warm std**: the same with `GOCACHE` a fresh copy (made before the
//!   run, untimed) of a cache that holds the standard library as an
//!   import-free program needs it (built by compiling an empty `main`), as
//!   a user's cache does: only the program is compiled, then linked.
//!
//! What is warm for everyone: the OS page cache (sources, binaries,
//! GOROOT), since each contender builds once before timing. Neither side
//! runs a daemon.
//!
//! Before timing, the program is built by both and both executables must
//! print the same thing (it prints a checksum with `println`); every timed
//! build must succeed and its executable print that again (checked after
//! the run, untimed). The ratios printed are gc's median wall time over
//! goxide's (above 1: goxide builds faster); "gc cold / goxide" is issue
//! 5's acceptance figure, printed with "goal ≥ 1×: met / NOT met" as
//! information, never asserted.
//!
//! The alternation is done here rather than by
//! [`runner::run_alternating`] because gc's runs need an untimed
//! preparation (a fresh `GOCACHE`) before each one; the measurement, the
//! series, tables and ratios are the shared runner's.

pub mod generator;

use super::Options;
use super::gofile::{self, ProgramResult, Toolchains};
use super::runner::{self, Contender, ExitKind, Series};
use std::path::{Path, PathBuf};

const DEFAULT_RUNS: usize = 5;
const DEFAULT_LINES: usize = 3000;

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["runs", "lines", "seed"])?;
    let runs = opts.count("runs", DEFAULT_RUNS)?;
    let lines = opts.count("lines", DEFAULT_LINES)?;
    let seed = match opts.get("seed") {
        None => generator::DEFAULT_SEED,
        Some(s) => parse_seed(s)?,
    };
    let repo = super::repo_root();
    let tools = Toolchains::find(&repo)?;
    let out = repo.join("bench/out/compile");
    let gen_dir = out.join("gen");
    fresh_dir(&gen_dir)?;

    let program = generator::generate(lines, seed);
    let source = gen_dir.join("main.go");
    std::fs::write(&source, &program.source).map_err(|e| format!("{}: {e}", source.display()))?;
    println!(
        "compile bench: {} lines, {} functions, {} bytes (seed {seed:#x}) in bench/out/compile/gen/main.go\n  goxide: {}\n  go:     {}",
        program.lines,
        program.families.len(),
        program.source.len(),
        tools.goxide.display(),
        tools.go.display()
    );

    // Build once with each, run both, compare.
    let check_cache = repo.join("bench/out/gocache");
    let gc_exe = out.join("gen_gc");
    let goxide_exe = out.join("gen_goxide");
    build_checked(&tools.go_build("go build", &check_cache, &gen_dir, "main.go", &gc_exe))?;
    let want = gofile::run_program(&gc_exe)?;
    if !want.success() {
        return Err(format!(
            "the generated program fails under gc: {}",
            want.summary()
        ));
    }
    build_checked(&tools.goxide_build("goxide build", &gen_dir, "main.go", &goxide_exe))?;
    let got = gofile::run_program(&goxide_exe)?;
    gofile::compare(&want, &got)
        .map_err(|e| format!("goxide's executable differs from gc's: {e}"))?;
    println!(
        "  both executables print {:?}",
        gofile::first_lines(&want.stderr, 1)
    );

    // gc's warm standard library: a template cache, copied before each run.
    let warm_template = out.join("gocache-warm-std");
    if !warm_template.join("README").is_file() {
        let empty_dir = out.join("empty");
        fresh_dir(&empty_dir)?;
        std::fs::write(
            empty_dir.join("main.go"),
            "package main\n\nfunc main() {}\n",
        )
        .map_err(|e| format!("{}: {e}", empty_dir.display()))?;
        fresh_dir(&warm_template)?;
        eprintln!("bench: filling bench/out/compile/gocache-warm-std (go build of an empty main)");
        build_checked(&tools.go_build(
            "go build (empty main)",
            &warm_template,
            &empty_dir,
            "main.go",
            &empty_dir.join("empty"),
        ))?;
    }

    let cold_cache = out.join("gocache-cold");
    let warm_cache = out.join("gocache-warm");
    let timed_gc_exe = out.join("timed_gc");
    let timed_goxide_exe = out.join("timed_goxide");
    let contenders = [
        Prepared {
            contender: tools.goxide_build("goxide cold", &gen_dir, "main.go", &timed_goxide_exe),
            exe: timed_goxide_exe.clone(),
            cache: CacheSetup::None,
        },
        Prepared {
            contender: tools.go_build("gc cold", &cold_cache, &gen_dir, "main.go", &timed_gc_exe),
            exe: timed_gc_exe.clone(),
            cache: CacheSetup::Empty(cold_cache.clone()),
        },
        Prepared {
            contender: tools.go_build(
                "gc warm std",
                &warm_cache,
                &gen_dir,
                "main.go",
                &timed_gc_exe,
            ),
            exe: timed_gc_exe.clone(),
            cache: CacheSetup::CopyOf {
                template: warm_template.clone(),
                dir: warm_cache.clone(),
            },
        },
    ];
    println!("\n{runs} rounds (alternating), whole build processes:");
    let series = run_prepared(&contenders, runs, &want)?;
    runner::print_table(&series, None);
    runner::print_ratio("gc cold / goxide cold", &series[1], &series[0], Some(1.0));
    runner::print_ratio("gc warm std / goxide cold", &series[2], &series[0], None);
    let _ = std::fs::remove_dir_all(&cold_cache);
    let _ = std::fs::remove_dir_all(&warm_cache);
    Ok(())
}

fn parse_seed(s: &str) -> Result<u64, String> {
    let parsed = match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => s.parse::<u64>(),
    };
    parsed.map_err(|_| format!("--seed wants a whole number (decimal or 0x hex), not {s:?}"))
}

/// What `GOCACHE` a contender's run starts from.
enum CacheSetup {
    /// goxide: no cache to prepare.
    None,
    /// A fresh, empty directory.
    Empty(PathBuf),
    /// A fresh copy of `template` at `dir`.
    CopyOf { template: PathBuf, dir: PathBuf },
}

struct Prepared {
    contender: Contender,
    /// The executable the build writes (removed before each run).
    exe: PathBuf,
    cache: CacheSetup,
}

impl Prepared {
    fn prepare(&self) -> Result<(), String> {
        if self.exe.exists() {
            std::fs::remove_file(&self.exe).map_err(|e| format!("{}: {e}", self.exe.display()))?;
        }
        match &self.cache {
            CacheSetup::None => Ok(()),
            CacheSetup::Empty(dir) => fresh_dir(dir),
            CacheSetup::CopyOf { template, dir } => {
                fresh_dir(dir)?;
                copy_tree(template, dir)
            }
        }
    }
}

/// Runs each contender `runs` times, alternating as
/// [`runner::run_alternating`] does, with each contender's untimed
/// preparation before its run and the executable's output checked after.
fn run_prepared(
    contenders: &[Prepared],
    runs: usize,
    want: &ProgramResult,
) -> Result<Vec<Series>, String> {
    let labels: Vec<&str> = contenders.iter().map(|p| p.contender.label.as_str()).collect();
    runner::run_rounds(&labels, runs, |i| {
        let p = &contenders[i];
        p.prepare()?;
        let o = runner::run_once(&p.contender)?;
        if o.exit != ExitKind::Code(0) {
            return Err(format!("build failed: {}", o.describe()));
        }
        let got = gofile::run_program(&p.exe)?;
        gofile::compare(want, &got)
            .map_err(|e| format!("the executable differs from gc's first build: {e}"))?;
        Ok(o)
    })
}

/// Builds once (untimed) and fails with the build's stderr if it fails.
fn build_checked(c: &Contender) -> Result<(), String> {
    eprintln!("bench: {}", c.command_line());
    let o = runner::run_once(c)?;
    if o.exit != ExitKind::Code(0) {
        return Err(format!("{} failed: {}", c.label, o.describe()));
    }
    Ok(())
}

/// Makes `dir` an empty directory (removing what was there).
fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// Copies the directory tree `from` into the existing directory `to`
/// (directories and regular files; a go build cache holds nothing else).
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    for entry in std::fs::read_dir(from).map_err(|e| err(from, e))? {
        let entry = entry.map_err(|e| err(from, e))?;
        let kind = entry.file_type().map_err(|e| err(&entry.path(), e))?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            std::fs::create_dir(&target).map_err(|e| err(&target, e))?;
            copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).map_err(|e| err(&target, e))?;
        } else {
            return Err(format!(
                "{}: not a file or directory",
                entry.path().display()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_in_decimal_and_hex() {
        assert_eq!(parse_seed("42").unwrap(), 42);
        assert_eq!(parse_seed("0x2a").unwrap(), 42);
        assert!(parse_seed("-1").is_err());
        assert!(parse_seed("0xzz").is_err());
    }

    #[test]
    fn copy_tree_copies_nested_files_and_prepare_empties() {
        let base =
            std::env::temp_dir().join(format!("goxide-bench-copytree-{}", std::process::id()));
        let from = base.join("from");
        std::fs::create_dir_all(from.join("a/b")).unwrap();
        std::fs::write(from.join("README"), "r").unwrap();
        std::fs::write(from.join("a/b/x-d"), "xyz").unwrap();
        let to = base.join("to");
        let p = Prepared {
            contender: Contender::new("t", "/bin/true"),
            exe: base.join("exe"),
            cache: CacheSetup::CopyOf {
                template: from.clone(),
                dir: to.clone(),
            },
        };
        std::fs::write(base.join("exe"), "old").unwrap();
        std::fs::create_dir_all(&to).unwrap();
        std::fs::write(to.join("stale"), "s").unwrap();
        p.prepare().unwrap();
        let read = |p: PathBuf| std::fs::read_to_string(p).unwrap();
        assert_eq!(read(to.join("README")), "r");
        assert_eq!(read(to.join("a/b/x-d")), "xyz");
        assert!(!to.join("stale").exists());
        assert!(!base.join("exe").exists());
        let empty = Prepared {
            contender: Contender::new("t", "/bin/true"),
            exe: base.join("exe"),
            cache: CacheSetup::Empty(to.clone()),
        };
        empty.prepare().unwrap();
        assert_eq!(std::fs::read_dir(&to).unwrap().count(), 0);
        let _ = std::fs::remove_dir_all(&base);
    }
}
