//! `cargo xtask bench check [--runs N]`: goxide's type checker against
//! go/types, whole processes, over the standard library from source.
//!
//! Contenders, timed alternately in one group:
//! - `goxide tool check std` (every core) and `goxide tool check -j 1 std`;
//! - `bench/out/gotypesstd` (built from bench/check/gotypesstd with the
//!   reference go) over the same packages (`go list std`), on one
//!   goroutine: `-bodies=true` (function bodies checked) and
//!   `-bodies=false` (skipped, as go/importer's "source" importer does).
//!
//! The ratios printed are go/types' median wall time over goxide's (above
//! 1: goxide is faster), for each pairing; the table gives each side's
//! peak RSS. Issue 4's acceptance reads the first ratio, `go/types
//! (bodies) / goxide -jN` (both check function bodies), at 5x or more,
//! with goxide's peak RSS below go/types'. goxide's `tool check` keeps a
//! package's syntax trees only until the package is checked
//! (`goxide_build::typecheck::Options::release_syntax`); go/types keeps
//! every package's ASTs to the end. On these shared 2-core machines
//! other work skews every contender: compare within one run only.
//!
//! Both sides run with the reference GOROOT, GOOS/GOARCH of the host,
//! CGO_ENABLED=0, GOFLAGS empty, GOTOOLCHAIN=local, GOPROXY=off; go/types
//! with GO111MODULE=off (go/build then resolves GOROOT's vendored packages
//! itself, instead of asking `go list`), goxide in module mode outside any
//! module (it has no GOPATH mode; std resolves the same).
//!
//! Invariants: before timing, each contender runs once; both sides must
//! succeed (exit 0: a checker that reports errors in the standard library
//! gives a wrong answer, which is not timed), and gotypesstd must report
//! as many packages as `go list std` lists; every timed run must succeed
//! again.

use super::Options;
use super::runner::{self, Contender, ExitKind, Outcome};

const DEFAULT_RUNS: usize = 5;

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["runs"])?;
    let runs = opts.count("runs", DEFAULT_RUNS)?;
    let repo = super::repo_root();
    let goroot = super::reference_goroot(&repo)?;
    let goxide = super::goxide_binary(&repo)?;
    let gotypes = super::build_go_program(&repo, "check/gotypesstd", "gotypesstd")?;
    let cwd = std::env::temp_dir();
    let common = |c: Contender| {
        c.env("GOROOT", &goroot)
            .env("CGO_ENABLED", "0")
            .env("GOFLAGS", "")
            .env("GOTOOLCHAIN", "local")
            .env("GOPROXY", "off")
            .env("GOWORK", "off")
    };
    let std = list_std(&goroot)?;
    println!(
        "check bench: {} packages of std (and what they import)\n  goxide:     {}\n  gotypesstd: {}",
        std.len(),
        goxide.display(),
        gotypes.display()
    );
    let goxide_j = |jobs: Option<usize>, label: &str| {
        let mut c = common(Contender::new(label, &goxide))
            .env("GO111MODULE", "")
            .arg("-C")
            .arg(&cwd)
            .arg("tool")
            .arg("check");
        if let Some(j) = jobs {
            c = c.arg("-j").arg(j.to_string());
        }
        c.arg("std")
    };
    let gotypes_with = |bodies: bool, label: &str| {
        let mut c = common(Contender::new(label, &gotypes))
            .env("GO111MODULE", "off")
            .arg(format!("-bodies={bodies}"));
        for p in &std {
            c = c.arg(p);
        }
        c
    };
    let contenders = vec![
        goxide_j(None, &format!("goxide -j{}", super::cores())),
        goxide_j(Some(1), "goxide -j1"),
        gotypes_with(true, "go/types (bodies)"),
        gotypes_with(false, "go/types (no bodies)"),
    ];
    for (i, c) in contenders.iter().enumerate() {
        let o = runner::run_once(c)?;
        answer(i, &o, std.len()).map_err(|e| format!("{}: {e}\n  command: {}", c.label, c.command_line()))?;
    }
    println!("\n{runs} rounds (alternating):");
    let series = runner::run_alternating(&contenders, runs, |i, o| answer(i, o, std.len()))?;
    runner::print_table(&series, None);
    runner::print_ratio("go/types (bodies) / goxide -jN", &series[2], &series[0], None);
    runner::print_ratio("go/types (bodies) / goxide -j1", &series[2], &series[1], None);
    runner::print_ratio("go/types (no bodies) / goxide -jN", &series[3], &series[0], None);
    runner::print_ratio("go/types (no bodies) / goxide -j1", &series[3], &series[1], None);
    runner::print_ratio("goxide -j1 / goxide -jN", &series[1], &series[0], None);
    Ok(())
}

/// Contender `i`'s run is right: exit 0, and for go/types (contenders 2
/// and 3) `N packages, 0 errors` with N the number of std packages.
fn answer(i: usize, o: &Outcome, packages: usize) -> Result<(), String> {
    if o.exit != ExitKind::Code(0) {
        return Err(o.describe());
    }
    if i >= 2 {
        let want = format!("{packages} packages, 0 errors");
        if o.last_stdout_line() != Some(want.as_str()) {
            return Err(format!("printed {:?}, want {want:?}", o.last_stdout_line()));
        }
    }
    Ok(())
}

/// `go list std` for CGO_ENABLED=0.
fn list_std(goroot: &std::path::Path) -> Result<Vec<String>, String> {
    let out = std::process::Command::new(goroot.join("bin/go"))
        .args(["list", "std"])
        .env("GOROOT", goroot)
        .env("CGO_ENABLED", "0")
        .env("GOFLAGS", "")
        .env("GOTOOLCHAIN", "local")
        .env("GOWORK", "off")
        .current_dir(std::env::temp_dir())
        .output()
        .map_err(|e| format!("go list std: {e}"))?;
    if !out.status.success() {
        return Err(format!("go list std: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect())
}
