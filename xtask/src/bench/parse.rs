//! `cargo xtask bench parse [--runs N] [--root DIR] [--jobs N]`: goxide's
//! parser against go/parser, whole processes, over every .go file under
//! DIR (default: the reference GOROOT/src).
//!
//! Contenders: `goxide tool parse [-j N] DIR` and `bench/out/goparse`
//! (built from bench/parse/goparse with the reference go) in its two modes,
//! `fast` (ParseComments|SkipObjectResolution: what goxide does) and
//! `default` (mode 0). Two groups, each timed alternately:
//! 1. one thread: goxide -j1, goparse -j1 fast, goparse -j1 default; the
//!    ratios go/parser / goxide are the acceptance (goal ≥ 3×);
//! 2. parallel: goxide with its default -j (every core) and -j1, goparse
//!    fast with -j <cores> and -j1; the speedups and the cpu/wall column
//!    show whether every core is used.
//!
//! Invariants: before any timing each contender runs once (also warming the
//! page cache) and must print `N files, M errors` as its last stdout line
//! with N equal to this module's own walk of DIR (the same walk as
//! goxide's and goparse's: see [`go_files`]), and exit 0, or 1 with M > 0;
//! every timed run must print that same line again.

use super::Options;
use super::runner::{self, Contender, ExitKind, Outcome};
use std::path::{Path, PathBuf};

const DEFAULT_RUNS: usize = 7;
/// The acceptance: goxide at least this many times faster than
/// go/parser (fast mode) on one thread.
const GOAL_SPEEDUP: f64 = 3.0;

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["runs", "root", "jobs"])?;
    let runs = opts.count("runs", DEFAULT_RUNS)?;
    let jobs = opts.count("jobs", super::cores())?;
    let repo = super::repo_root();
    let root = match opts.get("root") {
        Some(dir) => PathBuf::from(dir),
        None => super::reference_goroot(&repo)?.join("src"),
    };
    let root =
        std::fs::canonicalize(&root).map_err(|e| format!("--root {}: {e}", root.display()))?;

    let files = go_files(&root).map_err(|e| format!("walking {}: {e}", root.display()))?;
    let bytes =
        total_bytes(&files).map_err(|e| format!("sizing the files of {}: {e}", root.display()))?;

    let goxide = super::goxide_binary(&repo)?;
    let goparse = super::build_go_program(&repo, "parse/goparse", "goparse")?;

    println!(
        "parse bench: {} files, {:.1} MB under {}\n  goxide:  {}\n  goparse: {}",
        files.len(),
        bytes as f64 / 1e6,
        root.display(),
        goxide.display(),
        goparse.display()
    );

    let goxide_j = |jobs: Option<usize>, label: &str| {
        let c = Contender::new(label, &goxide).arg("tool").arg("parse");
        match jobs {
            Some(j) => c.arg("-j").arg(j.to_string()),
            None => c,
        }
        .arg(&root)
    };
    let goparse_j = |jobs: usize, mode: &str, label: &str| {
        Contender::new(label, &goparse)
            .arg("-j")
            .arg(jobs.to_string())
            .arg("-mode")
            .arg(mode)
            .arg(&root)
    };

    // 1. One thread.
    let single = vec![
        goxide_j(Some(1), "goxide -j1"),
        goparse_j(1, "fast", "go/parser(fast) -j1"),
        goparse_j(1, "default", "go/parser(default) -j1"),
    ];
    let summaries = check_contenders(&single, files.len())?;
    println!("\none thread, {runs} rounds (alternating):");
    let series = runner::run_alternating(&single, runs, |i, o| same_summary(o, &summaries[i]))?;
    runner::print_table(&series, Some(bytes));
    runner::print_ratio(
        "go/parser(fast) / goxide",
        &series[1],
        &series[0],
        Some(GOAL_SPEEDUP),
    );
    runner::print_ratio(
        "go/parser(default) / goxide",
        &series[2],
        &series[0],
        Some(GOAL_SPEEDUP),
    );

    // 2. Every core.
    let parallel = vec![
        goxide_j(None, "goxide (default -j)"),
        goxide_j(Some(1), "goxide -j1"),
        goparse_j(jobs, "fast", &format!("go/parser(fast) -j{jobs}")),
        goparse_j(1, "fast", "go/parser(fast) -j1"),
    ];
    let summaries = check_contenders(&parallel, files.len())?;
    println!(
        "\nparallel ({} cores; goparse -j{jobs}), {runs} rounds (alternating):",
        super::cores()
    );
    let series = runner::run_alternating(&parallel, runs, |i, o| same_summary(o, &summaries[i]))?;
    runner::print_table(&series, Some(bytes));
    runner::print_ratio(
        "goxide speedup: -j1 / default -j",
        &series[1],
        &series[0],
        None,
    );
    runner::print_ratio(
        &format!("go/parser(fast) speedup: -j1 / -j{jobs}"),
        &series[3],
        &series[2],
        None,
    );
    runner::print_ratio(
        &format!("go/parser(fast) -j{jobs} / goxide default -j"),
        &series[2],
        &series[0],
        None,
    );
    println!("  (cpu/wall near the core count means every core was busy)");
    Ok(())
}

/// Runs each contender once and checks its answer: the `N files, M errors`
/// line with N == `expected_files`, and an exit status that agrees with M.
/// Returns each contender's summary line, which every timed run must repeat.
fn check_contenders(
    contenders: &[Contender],
    expected_files: usize,
) -> Result<Vec<String>, String> {
    let mut summaries = Vec::new();
    for c in contenders {
        let o = runner::run_once(c)?;
        let summary = check_outcome(&o, expected_files).map_err(|e| {
            format!(
                "{}: {e}\n  command: {}\n  {}",
                c.label,
                c.command_line(),
                o.describe()
            )
        })?;
        if summary.errors > 0 {
            eprintln!(
                "bench: note: {} reports {} errors on this tree",
                c.label, summary.errors
            );
        }
        summaries.push(summary.line);
    }
    Ok(summaries)
}

/// A parsed `N files, M errors` line.
#[derive(Debug, PartialEq, Eq)]
struct Summary {
    line: String,
    files: usize,
    errors: usize,
}

fn parse_summary(line: &str) -> Option<Summary> {
    let (files, errors) = line.split_once(", ")?;
    let files = files.strip_suffix(" files")?.parse().ok()?;
    let errors = errors.strip_suffix(" errors")?.parse().ok()?;
    Some(Summary {
        line: line.to_string(),
        files,
        errors,
    })
}

fn check_outcome(o: &Outcome, expected_files: usize) -> Result<Summary, String> {
    let last = o.last_stdout_line().unwrap_or("");
    let summary = parse_summary(last).ok_or_else(|| {
        format!(
            "last stdout line is {last:?}, not `N files, M errors` (until `goxide tool parse` \
                 exists, GOXIDE_BIN=bench/parse/standin-goxide.sh tests the harness)"
        )
    })?;
    if summary.files != expected_files {
        return Err(format!(
            "parsed {} files, but the walk finds {expected_files} (the walks disagree: see bench/README.md)",
            summary.files
        ));
    }
    let want_exit = if summary.errors == 0 { 0 } else { 1 };
    if o.exit != ExitKind::Code(want_exit) {
        return Err(format!(
            "{} with {} errors (want exit status {want_exit})",
            o.exit, summary.errors
        ));
    }
    Ok(summary)
}

/// A timed run must give the same answer as the checking run.
fn same_summary(o: &Outcome, want: &str) -> Result<(), String> {
    match o.last_stdout_line() {
        Some(line) if line == want => Ok(()),
        got => Err(format!(
            "printed {got:?}, the checking run printed {want:?}; {}",
            o.describe()
        )),
    }
}

/// The .go files under `root`, walked as `goxide tool parse` and goparse
/// walk: recursively, entries in byte-wise lexical order, skipping
/// sub-directories named `testdata` or whose names begin with `_` or `.`;
/// every non-directory entry whose name ends in `.go` counts. Symbolic
/// links inside the walk are not followed as directories; `root` itself is.
pub fn go_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    if std::fs::metadata(root)?.is_dir() {
        walk(root, &mut files)?;
    } else {
        files.push(root.to_path_buf());
    }
    Ok(files)
}

/// The total size of `files`, in bytes.
pub fn total_bytes(files: &[PathBuf]) -> std::io::Result<u64> {
    files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()))
        .sum()
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by(|a, b| {
        a.file_name()
            .as_encoded_bytes()
            .cmp(b.file_name().as_encoded_bytes())
    });
    for entry in entries {
        let name = entry.file_name();
        let name = name.as_encoded_bytes();
        if entry.file_type()?.is_dir() {
            if !skips_dir(name) {
                walk(&entry.path(), files)?;
            }
        } else if name.ends_with(b".go") {
            files.push(entry.path());
        }
    }
    Ok(())
}

/// Whether the walk leaves out a sub-directory of this name.
fn skips_dir(name: &[u8]) -> bool {
    name == b"testdata" || name.starts_with(b"_") || name.starts_with(b".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line() {
        assert_eq!(
            parse_summary("6733 files, 0 errors"),
            Some(Summary {
                line: "6733 files, 0 errors".into(),
                files: 6733,
                errors: 0
            })
        );
        assert_eq!(parse_summary("6733 files"), None);
        assert_eq!(parse_summary("x files, 0 errors"), None);
    }

    #[test]
    fn walk_skips_and_orders() {
        let dir = std::env::temp_dir().join(format!("goxide-bench-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for d in ["b", "a", "testdata", "_x", ".y", "a/testdatax"] {
            std::fs::create_dir_all(dir.join(d)).unwrap();
        }
        for f in [
            "b/z.go",
            "a/y.go",
            "a/B.go",
            "testdata/t.go",
            "_x/u.go",
            ".y/v.go",
            "a/testdatax/w.go",
            "a/n.txt",
            "top.go",
        ] {
            std::fs::write(dir.join(f), "package p\n").unwrap();
        }
        let files = go_files(&dir).unwrap();
        let rel: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(
            rel,
            ["a/B.go", "a/testdatax/w.go", "a/y.go", "b/z.go", "top.go"]
        );
        assert_eq!(total_bytes(&files).unwrap(), 50);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
