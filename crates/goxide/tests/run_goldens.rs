//! The run goldens: every program of `tests/run/` built by goxide and run
//! must do what gc's build of it did — the same exit status, stdout and
//! stderr (before a panic's traceback frames), as recorded in
//! `NNN_name.out` by `cargo xtask goldens --corpus run` (format and
//! comparison: `goxide_testing::runs`).
//!
//! How: for each program, `goxide build -o <tmp>/prog ./NNN_name.go` with
//! `tests/run/` as the working directory, then `<tmp>/prog` with no
//! arguments, no input, an empty environment and a 10 s limit, in an
//! empty directory. Programs are built and run in parallel.
//!
//! The test fails when any program differs or does not build (every
//! program of the corpus is in the slice goxide compiles: there is no
//! known-differences list), when goxide panics, when the corpus has fewer
//! than 30 programs, or when the conformance snapshot line disagrees.
//! Before scoring, it shows that the comparison is real: the first
//! program's expectation, deliberately altered (stdout, stderr, exit
//! status in turn), must be reported as a difference against goxide's
//! actual run.
//!
//! `GOXIDE_RUN_GOLDENS_BIN=/path/to/goxide` tests another binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use goxide_testing::process::{default_jobs, map_parallel, run_with_timeout};
use goxide_testing::runs::{compare, parse, RunOutput};

const MIN_PROGRAMS: usize = 30;
const TIMEOUT: Duration = Duration::from_secs(10);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/run").canonicalize().expect("tests/run")
}

fn goxide_bin() -> PathBuf {
    std::env::var_os("GOXIDE_RUN_GOLDENS_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_goxide")), PathBuf::from)
}

/// Builds and runs one program with goxide: its run, or why it has none.
fn goxide_run(bin: &Path, dir: &Path, name: &str, work: &Path) -> Result<RunOutput, String> {
    let tmp = work.join(name.trim_end_matches(".go"));
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let exe = tmp.join("prog");
    let mut build = Command::new(bin);
    build.args(["build", "-o"]).arg(&exe).arg(format!("./{name}")).current_dir(dir);
    let b = run_with_timeout(&mut build, Duration::from_secs(60));
    let berr = String::from_utf8_lossy(&b.stderr);
    if b.exit != Some(0) {
        return Err(format!("goxide build failed (exit {:?}):\n{berr}", b.exit));
    }
    let mut run = Command::new(&exe);
    run.current_dir(&tmp).env_clear();
    let r = run_with_timeout(&mut run, TIMEOUT);
    if r.timed_out {
        return Err(format!("did not finish within {}s", TIMEOUT.as_secs()));
    }
    let Some(exit) = r.exit else { return Err("killed by a signal".into()) };
    Ok(RunOutput { exit, stdout: r.stdout, stderr: r.stderr })
}

#[test]
fn run_goldens_match_gc() {
    let dir = corpus_dir();
    let mut programs: Vec<String> = std::fs::read_dir(&dir)
        .expect("read tests/run")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".go"))
        .collect();
    programs.sort();
    assert!(programs.len() >= MIN_PROGRAMS, "tests/run has {} programs, want at least {MIN_PROGRAMS}", programs.len());
    let bin = goxide_bin();
    goxide_testing::say(&format!("run goldens: testing {}", bin.display()));
    let work = std::env::temp_dir().join(format!("goxide-run-goldens-{}", std::process::id()));
    let results = map_parallel(&programs, default_jobs(), |name| {
        let golden = std::fs::read(dir.join(name.replace(".go", ".out")))
            .map_err(|e| format!("no .out ({e}): run `cargo xtask goldens --corpus run`"))
            .and_then(|b| parse(&b).map_err(|e| format!("bad .out: {e}")));
        (golden, goxide_run(&bin, &dir, name, &work))
    });
    let _ = std::fs::remove_dir_all(&work);

    // The comparison is real: altered expectations of the first program
    // must be reported against goxide's actual run of it.
    if let (Ok(want), Ok(got)) = &results[0] {
        let mut wrong = want.clone();
        wrong.stdout.extend_from_slice(b"deliberately wrong\n");
        assert!(compare(&wrong, got).is_some(), "an altered stdout was not noticed");
        let mut wrong = want.clone();
        wrong.stderr.insert(0, b'!');
        assert!(compare(&wrong, got).is_some(), "an altered stderr was not noticed");
        let mut wrong = want.clone();
        wrong.exit += 1;
        assert!(compare(&wrong, got).is_some(), "an altered exit status was not noticed");
    }

    let mut failures = Vec::new();
    let mut passed = 0;
    for (name, (golden, run)) in programs.iter().zip(&results) {
        let problem = match (golden, run) {
            (Err(e), _) | (_, Err(e)) => Some(e.clone()),
            (Ok(want), Ok(got)) => compare(want, got),
        };
        match problem {
            None => passed += 1,
            Some(p) => failures.push(format!("{name}: {p}")),
        }
    }
    goxide_testing::say(&format!("run goldens: {passed}/{} programs as gc's", programs.len()));
    let snapshot = goxide_testing::check_conformance("run goldens / programs built and run as gc's", passed, programs.len());
    if let Err(e) = snapshot {
        failures.push(e);
    }
    assert!(failures.is_empty(), "{} failure(s):\n{}", failures.len(), failures.join("\n\n"));
}
