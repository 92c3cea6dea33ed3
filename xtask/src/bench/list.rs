//! `cargo xtask bench list [--runs N]`: `goxide list` against `go list`,
//! whole processes, side by side.
//!
//! Two groups, each timed alternately:
//! 1. `list -json -deps std` (goxide with `-compiler=gc`, so both select
//!    the same files): the acceptance is goxide no slower, i.e. the
//!    ratio go / goxide at least 1;
//! 2. `list -deps std cmd` (import paths only): the larger graph.
//!
//! Both run with the reference GOROOT, CGO_ENABLED=0, GOFLAGS empty,
//! GOTOOLCHAIN=local and GOPROXY=off, in a directory outside any module.
//! go keeps its build cache (its `Stale` computation reads it; a warm
//! cache is its fast path). Invariant: before timing, each contender runs
//! once and both must list the same import paths in the same order; every
//! timed run must list them again.

use super::Options;
use super::runner::{self, Contender, ExitKind, Outcome};

const DEFAULT_RUNS: usize = 9;
/// The acceptance: goxide no slower than go.
const GOAL_SPEEDUP: f64 = 1.0;

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["runs"])?;
    let runs = opts.count("runs", DEFAULT_RUNS)?;
    let repo = super::repo_root();
    let goroot = super::reference_goroot(&repo)?;
    let goxide = super::goxide_binary(&repo)?;
    let go = goroot.join("bin/go");
    let cwd = std::env::temp_dir();
    println!(
        "list bench (in {})\n  goxide: {}\n  go:     {}",
        cwd.display(),
        goxide.display(),
        go.display()
    );
    let with_env = |c: Contender| {
        c.env("GOROOT", &goroot)
            .env("CGO_ENABLED", "0")
            .env("GOFLAGS", "")
            .env("GOTOOLCHAIN", "local")
            .env("GOPROXY", "off")
            .env("GOWORK", "off")
            .env("PWD", &cwd)
    };
    let group = |title: &str, list_args: &[&str]| -> Result<(), String> {
        let mut gx = with_env(Contender::new("goxide", &goxide))
            .arg("-C")
            .arg(&cwd)
            .arg("list")
            .arg("-compiler=gc");
        let mut g = with_env(Contender::new("go", &go))
            .arg("-C")
            .arg(&cwd)
            .arg("list");
        for a in list_args {
            gx = gx.arg(a);
            g = g.arg(a);
        }
        let contenders = vec![gx, g];
        let want = check_contenders(&contenders, list_args.contains(&"-json"))?;
        println!(
            "\n{title}: {} packages, {runs} rounds (alternating):",
            want.len()
        );
        let json = list_args.contains(&"-json");
        let series =
            runner::run_alternating(&contenders, runs, |_, o| same_packages(o, json, &want))?;
        runner::print_table(&series, None);
        runner::print_ratio("go / goxide", &series[1], &series[0], Some(GOAL_SPEEDUP));
        Ok(())
    };
    group("go list -json -deps std", &["-json", "-deps", "std"])?;
    group("go list -deps std cmd", &["-deps", "std", "cmd"])?;
    Ok(())
}

/// The import paths a run listed: each `"ImportPath": "..."` line for
/// `-json`, else each stdout line.
fn import_paths(o: &Outcome, json: bool) -> Vec<String> {
    let out = &o.stdout;
    if !json {
        return out.lines().map(str::to_string).collect();
    }
    out.lines()
        .filter_map(|l| l.strip_prefix("\t\"ImportPath\": \""))
        .map(|l| l.trim_end_matches(",").trim_end_matches('"').to_string())
        .collect()
}

/// Runs each contender once; both must succeed and list the same paths.
fn check_contenders(contenders: &[Contender], json: bool) -> Result<Vec<String>, String> {
    let mut lists = Vec::new();
    for c in contenders {
        let o = runner::run_once(c)?;
        if o.exit != ExitKind::Code(0) {
            return Err(format!(
                "{}: {}\n  command: {}",
                c.label,
                o.describe(),
                c.command_line()
            ));
        }
        lists.push(import_paths(&o, json));
    }
    if lists[0] != lists[1] {
        let first = lists[0].iter().zip(&lists[1]).position(|(a, b)| a != b);
        return Err(format!(
            "goxide and go list different packages ({} vs {}; first difference at {first:?})",
            lists[0].len(),
            lists[1].len()
        ));
    }
    Ok(lists.swap_remove(0))
}

fn same_packages(o: &Outcome, json: bool, want: &[String]) -> Result<(), String> {
    if o.exit != ExitKind::Code(0) {
        return Err(o.describe());
    }
    if import_paths(o, json) != want {
        return Err("listed different packages than the checking run".into());
    }
    Ok(())
}
