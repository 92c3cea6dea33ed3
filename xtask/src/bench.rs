//! `cargo xtask bench <name> [options]`: the benchmarks of `bench/`, each
//! run side by side with the reference go (see bench/README.md).
//!
//! This file holds the dispatch and what every bench needs to get its
//! contenders: the repository root, goxide's release binary (built here, or
//! `GOXIDE_BIN`), the reference go (`scripts/goroot.sh`), building a Go
//! program of `bench/` into `bench/out/`, and option parsing. The timing,
//! alternation, medians and ratios live in [`runner`]; each bench in its own
//! module ([`parse`], [`list`], [`link`], [`check`], [`compile`], [`run`];
//! [`gofile`] holds what `compile` and `run` share).
//!
//! Invariants: a bench never asserts on a time (it prints medians and
//! ratios); it checks that the contenders give the same answer before it
//! times them; the reference go builds only bench programs, never product code.

pub mod check;
pub mod compile;
pub mod gofile;
pub mod link;
pub mod list;
pub mod parse;
pub mod run;
pub mod runner;

use std::path::{Path, PathBuf};
use std::process::Command;

const USAGE: &str = "usage: cargo xtask bench <bench> [options]

benches:
  parse [--runs N] [--root DIR] [--jobs N]
        goxide tool parse vs go/parser over every .go file under DIR
        (default: the reference GOROOT/src)
  list [--runs N]
        goxide list vs go list: -json -deps std, and -deps std cmd
  check [--runs N]
        goxide tool check std vs go/types over the same packages from
        source (function bodies checked, and skipped as the source importer does)
  link [--runs N]
        goxide_link's rust-lld link vs gc's cmd/link on hello world, and
        both executables' sizes (goxide's side: a hand-built Cranelift
        object until goxide compiles Go)
  compile [--runs N] [--lines N] [--seed N]
        goxide build vs go build of a generated import-free program of
        about N lines (default 3000): gc with an empty GOCACHE, and with
        a warm standard library
  run [--runs N] [--filter NAME]
        the programs of bench/run built by go and by goxide, run
        alternately: per-program ratios and their geometric mean

environment:
  GOXIDE_BIN   goxide binary to time instead of building
               `cargo build --release -p goxide`";

pub fn run(args: &[String]) -> Result<(), String> {
    match args.split_first() {
        Some((name, rest)) if name == "parse" => parse::run(rest),
        Some((name, rest)) if name == "list" => list::run(rest),
        Some((name, rest)) if name == "link" => link::run(rest),
        Some((name, rest)) if name == "check" => check::run(rest),
        Some((name, rest)) if name == "compile" => compile::run(rest),
        Some((name, rest)) if name == "run" => run::run(rest),
        Some((name, _)) if name == "help" || name == "-h" || name == "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        Some((name, _)) => Err(format!("unknown bench {name:?}\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

/// The repository (workspace) root: xtask's parent directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// goxide's binary to time: `GOXIDE_BIN` if set (any command that speaks
/// goxide's command line, e.g. a stand-in while a feature is unwritten),
/// else the release build, built now.
pub fn goxide_binary(root: &Path) -> Result<PathBuf, String> {
    if let Some(bin) = std::env::var_os("GOXIDE_BIN") {
        let bin = PathBuf::from(bin);
        if !bin.is_file() {
            return Err(format!("GOXIDE_BIN={} is not a file", bin.display()));
        }
        let bin = std::fs::canonicalize(&bin)
            .map_err(|e| format!("GOXIDE_BIN={}: {e}", bin.display()))?;
        eprintln!("bench: goxide is GOXIDE_BIN={}", bin.display());
        return Ok(bin);
    }
    eprintln!("bench: cargo build --release -p goxide");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "-p", "goxide"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("cargo build --release -p goxide: {status}"));
    }
    let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    };
    let bin = target_dir.join("release").join("goxide");
    if !bin.is_file() {
        return Err(format!("built goxide, but {} is missing", bin.display()));
    }
    Ok(bin)
}

/// The reference go command, found by `scripts/goroot.sh`.
pub fn reference_go(root: &Path) -> Result<PathBuf, String> {
    Ok(reference_goroot(root)?.join("bin").join("go"))
}

/// The reference GOROOT (`scripts/goroot.sh`; `scripts/setup.sh` installs it).
pub fn reference_goroot(root: &Path) -> Result<PathBuf, String> {
    let out = Command::new("bash")
        .arg(root.join("scripts/goroot.sh"))
        .output()
        .map_err(|e| format!("cannot run scripts/goroot.sh: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "scripts/goroot.sh: {}\n(run scripts/setup.sh)",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// Builds the Go main package in `bench/<package_dir>` with the reference go
/// into `bench/out/<name>` and returns that path. Offline and with the
/// reference toolchain only (GOTOOLCHAIN=local, GOPROXY=off, GOWORK=off).
pub fn build_go_program(root: &Path, package_dir: &str, name: &str) -> Result<PathBuf, String> {
    let go = reference_go(root)?;
    let out_dir = root.join("bench/out");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let out = out_dir.join(name);
    eprintln!("bench: go build -o bench/out/{name} ./bench/{package_dir}");
    let status = Command::new(&go)
        .args(["build", "-o"])
        .arg(&out)
        .arg(".")
        .current_dir(root.join("bench").join(package_dir))
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env("GOWORK", "off")
        .env("GOFLAGS", "")
        .status()
        .map_err(|e| format!("cannot run {}: {e}", go.display()))?;
    if !status.success() {
        return Err(format!("go build of bench/{package_dir}: {status}"));
    }
    Ok(out)
}

/// The number of hardware threads (what "all cores" means in the benches).
pub fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Command-line options of a bench: `--name value` or `--name=value`;
/// anything else is an error. Each bench lists the names it knows.
pub struct Options {
    pairs: Vec<(String, String)>,
}

impl Options {
    pub fn parse(args: &[String], known: &[&str]) -> Result<Options, String> {
        let mut pairs = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let Some(flag) = arg.strip_prefix("--") else {
                return Err(format!("unexpected argument {arg:?}"));
            };
            let (name, value) = match flag.split_once('=') {
                Some((n, v)) => (n.to_string(), v.to_string()),
                None => {
                    let v = it.next().ok_or_else(|| format!("--{flag} needs a value"))?;
                    (flag.to_string(), v.clone())
                }
            };
            if !known.contains(&name.as_str()) {
                return Err(format!(
                    "unknown option --{name} (known: --{})",
                    known.join(", --")
                ));
            }
            pairs.push((name, value));
        }
        Ok(Options { pairs })
    }

    /// The last value given for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `name` as a count of at least 1, or `default`.
    pub fn count(&self, name: &str, default: usize) -> Result<usize, String> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n >= 1 => Ok(n),
                _ => Err(format!("--{name} wants a whole number ≥ 1, not {v:?}")),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_both_spellings_and_errors() {
        let o = Options::parse(&strings(&["--runs", "3", "--root=/x"]), &["runs", "root"]).unwrap();
        assert_eq!(o.count("runs", 7).unwrap(), 3);
        assert_eq!(o.get("root"), Some("/x"));
        assert_eq!(o.count("jobs", 2).unwrap(), 2);
        assert!(Options::parse(&strings(&["--bogus", "1"]), &["runs"]).is_err());
        assert!(Options::parse(&strings(&["--runs"]), &["runs"]).is_err());
        assert!(Options::parse(&strings(&["stray"]), &["runs"]).is_err());
        let zero = Options::parse(&strings(&["--runs=0"]), &["runs"]).unwrap();
        assert!(zero.count("runs", 7).is_err());
    }
}
