//! `cargo xtask bench run [--runs N] [--filter NAME]`: run time of the
//! import-free programs `bench/run/*.go`, gc's executable against
//! goxide's.
//!
//! For each program (in name order; `--filter` keeps those whose name
//! contains NAME): build it with the reference go (`go build`, into
//! `bench/out/run/<name>_gc`, with the bench's own warm `GOCACHE`) and
//! with goxide (`bench/out/run/<name>_goxide`); run both once; their
//! results (exit status, stdout, stderr — the programs print a checksum
//! with `println`, to stderr) must be identical. A program goxide cannot
//! build yet, or whose executable fails or prints something else, is
//! skipped with a message saying why (goxide's first error lines, which
//! name the construct, and the program's own `Constructs:` header line);
//! gc failing is an error of the bench. Then the two executables run
//! alternately ([`runner::run_alternating`]), each run checked again.
//!
//! Printed: per program the runner's table and the ratio go / goxide
//! (gc's median wall time over goxide's: above 1, goxide's executable is
//! faster); then a summary of every program's ratio and their geometric
//! mean, over the programs that ran. Both executables run with the
//! environment the bench inherits: gc's with GOMAXPROCS = every core (its
//! default), goxide's with its own scheduler (single-threaded while issue
//! 5's runtime is) — the `cpu/wall` column shows how many cores each used.
//!
//! Invariants: nothing is asserted on a time; a wrong answer is never
//! timed; every program of `bench/run` is listed either with a ratio or
//! with the reason it was skipped.

use super::Options;
use super::gofile::{self, Toolchains};
use super::runner::{self, ExitKind, Outcome};
use std::path::{Path, PathBuf};

const DEFAULT_RUNS: usize = 5;

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["runs", "filter"])?;
    let runs = opts.count("runs", DEFAULT_RUNS)?;
    let filter = opts.get("filter").unwrap_or("");
    let repo = super::repo_root();
    let programs = list_programs(&repo.join("bench/run"), filter)?;
    if programs.is_empty() {
        return Err(format!(
            "no program of bench/run matches --filter {filter:?}"
        ));
    }
    let tools = Toolchains::find(&repo)?;
    let out = repo.join("bench/out/run");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let gocache = repo.join("bench/out/gocache");
    println!(
        "run bench: {} programs of bench/run, {runs} runs each\n  goxide: {}\n  go:     {}",
        programs.len(),
        tools.goxide.display(),
        tools.go.display()
    );

    let mut ran: Vec<(String, runner::Ratio)> = Vec::new();
    let mut skipped: Vec<(String, String)> = Vec::new();
    for program in &programs {
        let name = program.name.as_str();
        let dir = program.path.parent().unwrap_or(Path::new("."));
        let file = format!("{name}.go");
        println!("\n{name}: {}", program.constructs);
        let gc_exe = out.join(format!("{name}_gc"));
        let goxide_exe = out.join(format!("{name}_goxide"));
        let gc_build =
            runner::run_once(&tools.go_build("go build", &gocache, dir, &file, &gc_exe))?;
        if gc_build.exit != ExitKind::Code(0) {
            return Err(format!(
                "go build bench/run/{file}: {}",
                gc_build.describe()
            ));
        }
        let want = gofile::run_program(&gc_exe)?;
        if !want.success() {
            return Err(format!(
                "bench/run/{file} fails under gc: {}",
                want.summary()
            ));
        }
        let _ = std::fs::remove_file(&goxide_exe);
        let goxide_build =
            runner::run_once(&tools.goxide_build("goxide build", dir, &file, &goxide_exe))?;
        let verdict = if goxide_build.exit != ExitKind::Code(0) {
            Err(format!(
                "goxide cannot build it yet ({}): {}",
                goxide_build.exit,
                gofile::build_error_summary(&goxide_build.stderr_tail)
            ))
        } else {
            let got = gofile::run_program(&goxide_exe)?;
            if got.success() {
                gofile::compare(&want, &got)
                    .map_err(|e| format!("goxide's executable prints something else: {e}"))
            } else {
                Err(format!("goxide's executable fails: {}", got.summary()))
            }
        };
        if let Err(why) = verdict {
            println!("  skipped: {why}");
            skipped.push((name.to_string(), why));
            continue;
        }
        let contenders = [
            runner::Contender::new("go", &gc_exe),
            runner::Contender::new("goxide", &goxide_exe),
        ];
        let series = runner::run_alternating(&contenders, runs, |_, o| same_as(&want, o))?;
        runner::print_table(&series, None);
        runner::print_ratio("go / goxide", &series[0], &series[1], None);
        ran.push((name.to_string(), runner::ratio(&series[0], &series[1])));
    }

    println!("\nsummary: go / goxide (median wall time; above 1: goxide's executable is faster)");
    for (name, r) in &ran {
        println!(
            "  {name:<12} {:>7.2}×  (per round {:.2}×–{:.2}×)",
            r.of_medians, r.per_round_min, r.per_round_max
        );
    }
    for (name, why) in &skipped {
        println!("  {name:<12} skipped: {why}");
    }
    let ratios: Vec<f64> = ran.iter().map(|(_, r)| r.of_medians).collect();
    match geometric_mean(&ratios) {
        Some(g) => println!(
            "  geometric mean over {} of {} programs: {g:.2}×",
            ratios.len(),
            programs.len()
        ),
        None => println!("  geometric mean: none (no program ran under goxide)"),
    }
    Ok(())
}

/// A timed run is right when it ends and prints exactly as gc's first run
/// did (stderr through the runner's tail: the whole of a short output, the
/// end of a long one).
fn same_as(want: &gofile::ProgramResult, o: &Outcome) -> Result<(), String> {
    let exit = o.exit.to_string();
    let stderr_ok = if want.stderr.len() <= runner::STDERR_TAIL_BYTES {
        o.stderr_tail == want.stderr
    } else {
        want.stderr.ends_with(&o.stderr_tail)
    };
    if exit != want.exit || o.stdout != want.stdout || !stderr_ok {
        return Err(format!(
            "printed {:?} / {:?} ({exit}), want {:?} / {:?} ({})",
            o.stdout, o.stderr_tail, want.stdout, want.stderr, want.exit
        ));
    }
    Ok(())
}

/// A program of `bench/run`: its name (the file's stem), path, and the
/// `Constructs:` line of its header comment.
struct RunProgram {
    name: String,
    path: PathBuf,
    constructs: String,
}

/// The `.go` files of `dir` whose stem contains `filter`, by name.
fn list_programs(dir: &Path, filter: &str) -> Result<Vec<RunProgram>, String> {
    let mut programs = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".go"))
        else {
            continue;
        };
        if !name.contains(filter) {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        programs.push(RunProgram {
            name: name.to_string(),
            constructs: constructs_line(&text),
            path,
        });
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(programs)
}

/// The header's `// Constructs: …` paragraph, joined into one line
/// (`Constructs: ?` when there is none).
fn constructs_line(source: &str) -> String {
    let mut lines = source.lines().map(str::trim);
    let Some(first) = lines.find(|l| l.starts_with("// Constructs:")) else {
        return "Constructs: ?".to_string();
    };
    let mut text = first.trim_start_matches("//").trim().to_string();
    for l in lines {
        match l.strip_prefix("//") {
            Some(rest) if !rest.trim().is_empty() => {
                text.push(' ');
                text.push_str(rest.trim());
            }
            _ => break,
        }
    }
    text
}

/// The geometric mean of positive ratios (`None` for none).
fn geometric_mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !(*v > 0.0) || !v.is_finite()) {
        return None;
    }
    let log_sum: f64 = values.iter().map(|v| v.ln()).sum();
    Some((log_sum / values.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometric_mean_of_ratios() {
        assert_eq!(geometric_mean(&[]), None);
        assert!((geometric_mean(&[2.0, 8.0]).unwrap() - 4.0).abs() < 1e-12);
        assert!((geometric_mean(&[0.5, 2.0, 1.0]).unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[1.0, 0.0]), None);
    }

    #[test]
    fn constructs_paragraph_is_joined() {
        let src = "// Benchmark x.\n//\n// Constructs: a, b,\n// c.\npackage main\n";
        assert_eq!(constructs_line(src), "Constructs: a, b, c.");
        assert_eq!(constructs_line("package main\n"), "Constructs: ?");
    }

    /// Every program of bench/run has a header naming its constructs, and
    /// is one `package main` with no imports (it must build with goxide's
    /// import-free pipeline).
    #[test]
    fn bench_run_programs_are_import_free_and_described() {
        let programs = list_programs(&crate::bench::repo_root().join("bench/run"), "").unwrap();
        let names: Vec<&str> = programs.iter().map(|p| p.name.as_str()).collect();
        for want in [
            "closures",
            "deepstacks",
            "interfaces",
            "maps",
            "pingpong",
            "recursion",
            "slices",
            "spawn",
            "strings",
        ] {
            assert!(names.contains(&want), "bench/run/{want}.go missing");
        }
        for p in &programs {
            let text = std::fs::read_to_string(&p.path).unwrap();
            assert_ne!(p.constructs, "Constructs: ?", "{}", p.name);
            assert!(text.contains("\npackage main\n"), "{}", p.name);
            assert!(!text.contains("\nimport"), "{} imports something", p.name);
            assert!(text.contains("println(\""), "{} prints no checksum", p.name);
        }
    }

    #[test]
    fn same_as_rejects_another_checksum() {
        let want = gofile::ProgramResult {
            exit: "exit status 0".into(),
            stdout: String::new(),
            stderr: "x 1\n".into(),
        };
        let outcome = |stderr: &str, code| Outcome {
            wall: std::time::Duration::ZERO,
            cpu: std::time::Duration::ZERO,
            peak_rss: 0,
            exit: ExitKind::Code(code),
            stdout: String::new(),
            stderr_tail: stderr.into(),
        };
        assert!(same_as(&want, &outcome("x 1\n", 0)).is_ok());
        assert!(same_as(&want, &outcome("x 2\n", 0)).is_err());
        assert!(same_as(&want, &outcome("x 1\n", 2)).is_err());
    }
}
