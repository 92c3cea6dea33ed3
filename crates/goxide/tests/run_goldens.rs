//! The run goldens: every program of `tests/run/` built by goxide and run
//! must do what gc's build of it did — the same exit status, stdout and
//! stderr (up to the first goroutine header of a traceback), as recorded
//! in `NNN_name.out` by `cargo xtask goldens --corpus run` (format and
//! comparison: `goxide_testing::runs`).
//!
//! How: for each program, `goxide build -o <tmp>/prog ./NNN_name.go` with
//! `tests/run/` as the working directory, then `<tmp>/prog` with no
//! arguments, no input, an empty environment and a 10 s limit, in an
//! empty directory. Programs are built and run in parallel.
//!
//! # Score and known failures
//!
//! Each program ends in one [`Outcome`]: it passes, or goxide crashed
//! while building it (a Rust panic, exit status 101, a signal or the 60 s
//! limit: [`build_crashed`]), or the build failed with a diagnostic, or the
//! executable timed out, was killed by a signal or differed from gc's run.
//! The programs that do not pass are listed, one `NNN_name.go` a line, in
//! `tests/run-failures.txt` (a `# reason` after the name is a comment the
//! test ignores). The test fails when that list is stale either way — a
//! listed program passes, an unlisted one fails, a listed one does not
//! exist — when a `.out` is missing or malformed, when the corpus has
//! fewer than [`MIN_PROGRAMS`] programs, or when the conformance line
//! `run goldens / programs built and run as gc's: passed/total` disagrees.
//! A goxide crash is a failure like the others (the list may record it)
//! but the test names the crashes on their own lines of its output, since
//! no input may crash goxide.
//!
//! Rewriting the list and the conformance line from a run is one command:
//! `GOXIDE_BLESS_KNOWN=1 GOXIDE_BLESS=1 cargo test -p goxide --test run_goldens`
//! (`GOXIDE_BLESS_KNOWN=1` rewrites the list, `GOXIDE_BLESS=1` the line).
//! `GOXIDE_RUN_GOLDENS_VERBOSE=1` prints every failing program's
//! differences; `GOXIDE_RUN_GOLDENS_BIN=/path/to/goxide` tests another
//! binary.
//!
//! Before scoring, the test shows that the comparison is real: the first
//! passing program's expectation, deliberately altered (stdout, stderr,
//! exit status in turn), must be reported as a difference against
//! goxide's actual run of it; with no passing program the test fails.
//!
//! Invariant: the decisions are pure functions ([`outcome`],
//! [`build_crashed`], [`parse_failures`], [`stale`]); their unit tests
//! below feed them deliberately wrong inputs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use goxide_testing::goldens::{render_known, Known, BLESS_ENV};
use goxide_testing::process::{default_jobs, map_parallel, run_with_timeout, Captured};
use goxide_testing::runs::{compare, parse, RunOutput};

const MIN_PROGRAMS: usize = 200;
const RUN_TIMEOUT: Duration = Duration::from_secs(10);
const BUILD_TIMEOUT: Duration = Duration::from_secs(60);
const FAILURES_FILE: &str = "tests/run-failures.txt";
/// How much of a crash report the summary line of a crash keeps.
const SUMMARY_CHARS: usize = 200;
const SUITE: &str = "run goldens / programs built and run as gc's";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/run").canonicalize().expect("tests/run")
}

fn goxide_bin() -> PathBuf {
    std::env::var_os("GOXIDE_RUN_GOLDENS_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_goxide")), PathBuf::from)
}

/// How one program fared.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Built, ran, and did what gc's build did.
    Pass,
    /// goxide itself crashed while building it.
    Crash(String),
    /// goxide refused to build it (a diagnostic, an unsupported feature).
    BuildFailed(String),
    /// The executable ran and did something else than gc's.
    Differs(String),
}

impl Outcome {
    /// The word recorded after the program's name in the failures list.
    fn reason(&self) -> &'static str {
        match self {
            Outcome::Pass => "passes",
            Outcome::Crash(_) => "goxide crashed",
            Outcome::BuildFailed(_) => "build failed",
            Outcome::Differs(_) => "run differs",
        }
    }
}

/// Whether a `goxide build` run is a crash of goxide rather than a refusal:
/// killed by a signal or the time limit, exit status 101 (a Rust panic),
/// or a panic or internal-compiler-error report on stderr. Returns what
/// happened.
fn build_crashed(b: &Captured) -> Option<String> {
    if b.timed_out {
        return Some(format!("goxide build did not finish within {}s", BUILD_TIMEOUT.as_secs()));
    }
    let stderr = String::from_utf8_lossy(&b.stderr);
    let panic_line = stderr.lines().find(|l| l.contains("panicked at") || l.contains("internal compiler error"));
    match (b.exit, panic_line) {
        (None, _) => Some("goxide build was killed by a signal".into()),
        (_, Some(l)) => Some(format!("goxide build panicked: {}", shortened(l))),
        (Some(101), None) => Some("goxide build exited with status 101 (a Rust panic)".into()),
        _ => None,
    }
}

/// At most [`SUMMARY_CHARS`] characters of `line`, an ellipsis marking a cut
/// (a Cranelift verifier report runs to kilobytes on one line).
fn shortened(line: &str) -> String {
    match line.char_indices().nth(SUMMARY_CHARS) {
        Some((at, _)) => format!("{}...", &line[..at]),
        None => line.to_string(),
    }
}

/// The outcome of a program from its build, its run (None when the build
/// failed) and gc's expectation.
fn outcome(want: &RunOutput, build: &Captured, run: Option<&Captured>) -> Outcome {
    if let Some(c) = build_crashed(build) {
        return Outcome::Crash(c);
    }
    if build.exit != Some(0) {
        let msg = String::from_utf8_lossy(&build.stderr);
        return Outcome::BuildFailed(format!("goxide build failed (exit {:?}):\n{}", build.exit, msg.trim_end()));
    }
    let Some(run) = run else { return Outcome::BuildFailed("goxide build made no executable".into()) };
    if run.timed_out {
        return Outcome::Differs(format!("did not finish within {}s", RUN_TIMEOUT.as_secs()));
    }
    let Some(exit) = run.exit else { return Outcome::Differs("the executable was killed by a signal".into()) };
    let got = RunOutput { exit, stdout: run.stdout.clone(), stderr: run.stderr.clone() };
    match compare(want, &got) {
        None => Outcome::Pass,
        Some(d) => Outcome::Differs(d),
    }
}

/// Builds and runs one program with goxide in `work/<stem>/`.
fn goxide_build_and_run(bin: &Path, dir: &Path, name: &str, work: &Path) -> (Captured, Option<Captured>) {
    let tmp = work.join(name.trim_end_matches(".go"));
    if let Err(e) = std::fs::create_dir_all(&tmp) {
        let msg = format!("cannot make {}: {e}", tmp.display());
        return (Captured { exit: Some(1), stderr: msg.into_bytes(), ..Captured::default() }, None);
    }
    let exe = tmp.join("prog");
    let mut build = Command::new(bin);
    build.args(["build", "-o"]).arg(&exe).arg(format!("./{name}")).current_dir(dir);
    let b = run_with_timeout(&mut build, BUILD_TIMEOUT);
    if b.exit != Some(0) || !exe.is_file() {
        return (b, None);
    }
    let mut run = Command::new(&exe);
    run.current_dir(&tmp).env_clear();
    let r = run_with_timeout(&mut run, RUN_TIMEOUT);
    (b, Some(r))
}

/// Reads the failures list: program names, each with an optional
/// `# reason`, `#` comment lines, blank lines.
fn parse_failures(text: &str) -> Result<Known, String> {
    let mut known = Known::new();
    for (i, raw) in text.lines().enumerate() {
        let (line, reason) = raw.split_once('#').unwrap_or((raw, ""));
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.contains(char::is_whitespace) || !line.ends_with(".go") || line.contains('/') {
            return Err(format!("{FAILURES_FILE}:{}: want `NNN_name.go`, got {raw:?}", i + 1));
        }
        if known.insert(line.to_string(), reason.trim().to_string()).is_some() {
            return Err(format!("{FAILURES_FILE}:{}: {line} listed twice", i + 1));
        }
    }
    Ok(known)
}

/// The failures list for the failing programs, each keeping the reason
/// `old` gives it (a person's explanation), else the outcome's kind.
fn render_failures(failing: &[(&str, &Outcome)], old: &Known) -> String {
    let header = "# Programs of tests/run/ that goxide does not yet build and run as gc does\n\
         # (see crates/goxide/tests/run_goldens.rs). One per line; `# reason` is a comment.\n\
         # Rewrite from a run, with the conformance line:\n\
         #   GOXIDE_BLESS_KNOWN=1 GOXIDE_BLESS=1 cargo test -p goxide --test run_goldens\n";
    let known: Known = failing
        .iter()
        .map(|(name, o)| {
            let reason = old.get(*name).filter(|r| !r.is_empty()).cloned().unwrap_or_else(|| o.reason().to_string());
            (name.to_string(), reason)
        })
        .collect();
    render_known(&known, header)
}

/// Stale-list failures: listed programs that pass or do not exist, failing
/// programs not listed.
fn stale(listed: &BTreeSet<String>, failing: &BTreeSet<String>, all: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for name in listed {
        if !all.contains(name) {
            out.push(format!("{name}: listed in {FAILURES_FILE} but no such program; remove it"));
        } else if !failing.contains(name) {
            out.push(format!("{name}: now passes; remove it from {FAILURES_FILE}"));
        }
    }
    for name in failing.difference(listed) {
        out.push(format!("{name}: fails and is not listed in {FAILURES_FILE}"));
    }
    out
}

/// The comparison is real: altered expectations of a passing program must
/// be reported against goxide's actual run of it.
fn comparison_is_real(want: &RunOutput, got: &RunOutput) -> Result<(), String> {
    if compare(want, got).is_some() {
        return Err("the program shown does not pass".into());
    }
    let mut wrong = want.clone();
    wrong.stdout.extend_from_slice(b"deliberately wrong\n");
    if compare(&wrong, got).is_none() {
        return Err("an altered stdout was not noticed".into());
    }
    let mut wrong = want.clone();
    wrong.stderr.insert(0, b'!');
    if compare(&wrong, got).is_none() {
        return Err("an altered stderr was not noticed".into());
    }
    let mut wrong = want.clone();
    wrong.exit += 1;
    if compare(&wrong, got).is_none() {
        return Err("an altered exit status was not noticed".into());
    }
    Ok(())
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

    // Every program has a well-formed golden, whatever goxide does.
    let goldens: Vec<Result<RunOutput, String>> = programs
        .iter()
        .map(|name| {
            std::fs::read(dir.join(name.replace(".go", ".out")))
                .map_err(|e| format!("{name}: no .out ({e}): run `cargo xtask goldens --corpus run`"))
                .and_then(|b| parse(&b).map_err(|e| format!("{name}: bad .out: {e}")))
        })
        .collect();
    let bad: Vec<&String> = goldens.iter().filter_map(|g| g.as_ref().err()).collect();
    assert!(bad.is_empty(), "{} program(s) without a usable golden:\n{}", bad.len(), bad.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
    let goldens: Vec<RunOutput> = goldens.into_iter().flatten().collect();

    let bin = goxide_bin();
    goxide_testing::say(&format!("run goldens: testing {}", bin.display()));
    let work = std::env::temp_dir().join(format!("goxide-run-goldens-{}", std::process::id()));
    let indexed: Vec<usize> = (0..programs.len()).collect();
    let results = map_parallel(&indexed, default_jobs(), |&i| {
        let (build, run) = goxide_build_and_run(&bin, &dir, &programs[i], &work);
        let o = outcome(&goldens[i], &build, run.as_ref());
        let shown = match (&o, run) {
            (Outcome::Pass, Some(r)) => r.exit.map(|exit| RunOutput { exit, stdout: r.stdout, stderr: r.stderr }),
            _ => None,
        };
        (o, shown)
    });
    let _ = std::fs::remove_dir_all(&work);

    let mut problems = Vec::new();
    match results.iter().position(|(o, _)| *o == Outcome::Pass) {
        Some(i) => match &results[i].1 {
            Some(got) => {
                if let Err(e) = comparison_is_real(&goldens[i], got) {
                    problems.push(format!("the comparison is not real ({}): {e}", programs[i]));
                }
            }
            None => problems.push(format!("{}: passes but its run was not kept", programs[i])),
        },
        None => problems.push("no program passes, so the comparison was not shown to be real".into()),
    }

    let failing: Vec<(&str, &Outcome)> =
        programs.iter().zip(&results).filter(|(_, (o, _))| *o != Outcome::Pass).map(|(n, (o, _))| (n.as_str(), o)).collect();
    let crashes: Vec<String> =
        failing.iter().filter_map(|(n, o)| if let Outcome::Crash(c) = o { Some(format!("{n}: {c}")) } else { None }).collect();
    let passed = programs.len() - failing.len();
    let count = |reason: &str| failing.iter().filter(|(_, o)| o.reason() == reason).count();
    goxide_testing::say(&format!(
        "run goldens: {passed}/{} programs as gc's ({} build failed, {} run differs, {} goxide crashes)",
        programs.len(),
        count("build failed"),
        count("run differs"),
        crashes.len()
    ));
    if !crashes.is_empty() {
        goxide_testing::say(&format!("run goldens: goxide crashed building {} program(s):\n  {}", crashes.len(), crashes.join("\n  ")));
    }
    if std::env::var_os("GOXIDE_RUN_GOLDENS_VERBOSE").is_some() {
        for (name, o) in &failing {
            let detail = match o {
                Outcome::Crash(d) | Outcome::BuildFailed(d) | Outcome::Differs(d) => d.as_str(),
                Outcome::Pass => "",
            };
            goxide_testing::say(&format!("{name}: {}:\n{detail}\n", o.reason()));
        }
    }

    let path = goxide_testing::repo_root().join(FAILURES_FILE);
    let bless = std::env::var_os(BLESS_ENV).is_some_and(|v| !v.is_empty() && v != "0");
    let read_list = || parse_failures(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
    if bless {
        std::fs::write(&path, render_failures(&failing, &read_list())).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        goxide_testing::say(&format!("run goldens: {BLESS_ENV} set: wrote {} entries to {FAILURES_FILE}", failing.len()));
    }
    let listed: BTreeSet<String> = read_list().into_keys().collect();
    let all: BTreeSet<String> = programs.iter().cloned().collect();
    let failing_names: BTreeSet<String> = failing.iter().map(|(n, _)| n.to_string()).collect();
    problems.extend(stale(&listed, &failing_names, &all));
    if let Err(e) = goxide_testing::check_conformance(SUITE, passed, programs.len()) {
        problems.push(e);
    }
    assert!(
        problems.is_empty(),
        "run goldens: {} problem(s):\n{}\n(GOXIDE_RUN_GOLDENS_VERBOSE=1 shows each failing program's differences; \
         rewrite {FAILURES_FILE} and the conformance line with GOXIDE_BLESS_KNOWN=1 GOXIDE_BLESS=1)",
        problems.len(),
        problems.join("\n")
    );
}

#[cfg(test)]
mod unit {
    use super::*;

    fn captured(exit: Option<i32>, stdout: &str, stderr: &str) -> Captured {
        Captured { exit, timed_out: false, stdout: stdout.into(), stderr: stderr.into() }
    }

    fn want() -> RunOutput {
        RunOutput { exit: 0, stdout: b"hi\n".to_vec(), stderr: Vec::new() }
    }

    #[test]
    fn crashes_are_told_from_refusals() {
        assert_eq!(build_crashed(&captured(Some(0), "", "")), None);
        assert_eq!(build_crashed(&captured(Some(1), "", "x.go:3:1: unsupported: goroutines\n")), None);
        assert!(build_crashed(&captured(Some(101), "", "")).is_some());
        assert!(build_crashed(&captured(None, "", "")).unwrap().contains("signal"));
        let p = build_crashed(&captured(Some(1), "", "thread 'main' panicked at src/x.rs:1:1:\nboom\n")).unwrap();
        assert!(p.contains("panicked at src/x.rs"), "{p}");
        let long = format!("internal compiler error: {}\n", "x".repeat(5000));
        let p = build_crashed(&captured(Some(1), "", &long)).unwrap();
        assert!(p.len() < 300 && p.ends_with("..."), "{p}");
        assert_eq!(shortened("short"), "short");
        assert!(build_crashed(&Captured { timed_out: true, ..Captured::default() }).unwrap().contains("60s"));
    }

    #[test]
    fn outcomes_follow_build_then_run() {
        let ok = captured(Some(0), "", "");
        assert_eq!(outcome(&want(), &ok, Some(&captured(Some(0), "hi\n", ""))), Outcome::Pass);
        assert!(matches!(outcome(&want(), &ok, Some(&captured(Some(0), "ho\n", ""))), Outcome::Differs(_)));
        assert!(matches!(outcome(&want(), &ok, Some(&captured(Some(2), "hi\n", ""))), Outcome::Differs(_)));
        assert!(matches!(outcome(&want(), &ok, Some(&captured(None, "hi\n", ""))), Outcome::Differs(_)));
        let slow = Captured { timed_out: true, ..Captured::default() };
        assert!(matches!(outcome(&want(), &ok, Some(&slow)), Outcome::Differs(_)));
        assert!(matches!(outcome(&want(), &captured(Some(1), "", "no\n"), None), Outcome::BuildFailed(_)));
        assert!(matches!(outcome(&want(), &ok, None), Outcome::BuildFailed(_)));
        assert!(matches!(outcome(&want(), &captured(Some(101), "", ""), None), Outcome::Crash(_)));
    }

    #[test]
    fn the_failures_list_round_trips_and_goes_stale_both_ways() {
        let (crash, differs) = (Outcome::Crash("c".into()), Outcome::Differs("d".into()));
        let text = render_failures(&[("002_b.go", &crash), ("003_c.go", &differs)], &Known::new());
        assert!(text.contains("002_b.go  # goxide crashed\n"), "{text}");
        let parsed = parse_failures(&text).unwrap();
        // A reblessed list keeps the reason a person wrote.
        let mut explained = parsed.clone();
        explained.insert("003_c.go".into(), "needs growable stacks".into());
        let again = render_failures(&[("002_b.go", &crash), ("003_c.go", &differs)], &explained);
        assert!(again.contains("003_c.go  # needs growable stacks\n"), "{again}");
        assert!(again.contains("002_b.go  # goxide crashed\n"), "{again}");
        let listed: BTreeSet<String> = parsed.into_keys().collect();
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<String>>();
        assert_eq!(listed, set(&["002_b.go", "003_c.go"]));
        let all = set(&["001_a.go", "002_b.go", "003_c.go"]);
        assert!(stale(&listed, &set(&["002_b.go", "003_c.go"]), &all).is_empty());
        let s = stale(&listed, &set(&["001_a.go", "002_b.go"]), &all);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s.iter().any(|l| l.starts_with("003_c.go: now passes")));
        assert!(s.iter().any(|l| l.starts_with("001_a.go: fails and is not listed")));
        assert!(stale(&set(&["009_gone.go"]), &set(&[]), &all)[0].contains("no such program"));
        assert!(parse_failures("001_a.go\n001_a.go\n").is_err());
        assert!(parse_failures("two words.go\n").is_err());
        assert!(parse_failures("dir/001_a.go\n").is_err());
        assert!(parse_failures("001_a.out\n").is_err());
    }

    #[test]
    fn the_comparison_check_catches_a_blind_compare() {
        let w = want();
        assert_eq!(comparison_is_real(&w, &w), Ok(()));
        let other = RunOutput { exit: 1, ..w.clone() };
        assert!(comparison_is_real(&w, &other).is_err());
    }
}
