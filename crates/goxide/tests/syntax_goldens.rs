//! Scores goxide's parser against gc on the golden corpus of malformed Go
//! programs in `tests/syntax/` (see its README.md).
//!
//! For every `NNN_name.go` there, `NNN_name.out` holds what the reference go
//! printed (`exit N`, `# command-line-arguments`, then gc's diagnostics, as
//! written by `cargo xtask goldens`). The test runs
//! `goxide tool parse ./NNN_name.go` with `tests/syntax/` as its working
//! directory; goxide prints its diagnostics (`./NNN_name.go:L:C: msg`) to
//! stderr and `N files, M errors` as the last line of stdout.
//!
//! Scores (always written to the real stderr, even when the test passes):
//! - primary: goxide's first stderr diagnostic line == gc's first diagnostic
//!   line, byte for byte;
//! - secondary: goxide's whole diagnostic list == gc's, where a final
//!   `...: too many errors` line is dropped from both lists before comparing
//!   (goxide may or may not print gc's cut-off line; the 10 errors before it
//!   must still match).
//!
//! The test fails when (a) a program's first line differs and the program is
//! not listed in `tests/syntax/known-differences.txt`; (b) a listed program
//! now matches, or a listed name is no program (stale entry: remove it);
//! (c) fewer than 90% of first lines match; (d) goxide panics ("panicked at",
//! "internal compiler error", exit 101), is killed or times out, exits 0,
//! prints no diagnostic, or its stdout does not end in `N files, M errors`
//! with M > 0; (e) the corpus has fewer than 150 programs, or a program has
//! no valid `.out`. With `GOXIDE_BLESS_KNOWN=1` the known-differences file is
//! rewritten from this run's results (reasons of entries that remain are
//! kept), so (a) and (b) cannot fail; (c), (d) and (e) still do.
//!
//! `GOXIDE_SYNTAX_GOLDENS_BIN=/path/to/goxide` scores another binary than
//! cargo's build of this crate (the test prints which one it ran).
//!
//! Invariant: the decisions are made by the pure functions `parse_golden`,
//! `parse_run`, `run_problem`, `compare` and `evaluate`; the unit tests at
//! the bottom feed them deliberately wrong expectations to show that a
//! difference is reported, so a vacuous pass is caught.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The corpus must hold at least this many programs.
const MIN_PROGRAMS: usize = 150;
/// At least this fraction of first diagnostic lines must match.
const MIN_FIRST_LINE_RATE: f64 = 0.90;
/// A goxide run taking longer than this counts as a hang.
const TIMEOUT: Duration = Duration::from_secs(30);
const KNOWN_FILE: &str = "known-differences.txt";
const BLESS_ENV: &str = "GOXIDE_BLESS_KNOWN";
const BIN_ENV: &str = "GOXIDE_SYNTAX_GOLDENS_BIN";
const HEADER: &str = "# command-line-arguments";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/syntax")
}

// ---------------------------------------------------------------------------
// Golden files

/// gc's verdict on one program, from its `.out` file.
#[derive(Debug, Clone, PartialEq)]
struct Golden {
    exit: i32,
    /// Diagnostic lines after `# command-line-arguments`, in order.
    diags: Vec<String>,
}

/// Parses an `.out` file: `exit N` (N != 0), `# command-line-arguments`,
/// then at least one diagnostic line.
fn parse_golden(text: &str) -> Result<Golden, String> {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("");
    let exit: i32 = first
        .strip_prefix("exit ")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("first line should be `exit N`, is {first:?}"))?;
    if exit == 0 {
        return Err("gc exited 0: not a malformed program".into());
    }
    let second = lines.next().unwrap_or("");
    if second != HEADER {
        return Err(format!("second line should be {HEADER:?}, is {second:?}"));
    }
    let diags: Vec<String> = lines
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if diags.is_empty() {
        return Err("no diagnostic after the header".into());
    }
    Ok(Golden { exit, diags })
}

// ---------------------------------------------------------------------------
// goxide runs

/// What goxide did on one program.
#[derive(Debug, Clone, Default)]
struct Run {
    /// Exit code; None if killed by a signal or timed out.
    exit: Option<i32>,
    timed_out: bool,
    /// Diagnostic lines of stderr (empty lines and `# ...` lines dropped).
    diags: Vec<String>,
    /// `N files, M errors` from the last non-empty stdout line.
    summary: Option<(u64, u64)>,
    stderr: String,
}

fn parse_run(exit: Option<i32>, timed_out: bool, stdout: &str, stderr: &str) -> Run {
    let diags = stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .map(str::to_string)
        .collect();
    let summary = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .and_then(parse_summary);
    Run {
        exit,
        timed_out,
        diags,
        summary,
        stderr: stderr.to_string(),
    }
}

/// Parses `N files, M errors` (singulars accepted).
fn parse_summary(line: &str) -> Option<(u64, u64)> {
    let (files, errors) = line.trim().split_once(", ")?;
    let n = files
        .strip_suffix(" files")
        .or_else(|| files.strip_suffix(" file"))?;
    let m = errors
        .strip_suffix(" errors")
        .or_else(|| errors.strip_suffix(" error"))?;
    Some((n.parse().ok()?, m.parse().ok()?))
}

/// Rule (d): a run that must fail the test whatever its diagnostics say.
fn run_problem(r: &Run) -> Option<String> {
    if r.timed_out {
        return Some(format!(
            "goxide did not finish within {}s",
            TIMEOUT.as_secs()
        ));
    }
    if r.stderr.contains("panicked at")
        || r.stderr.contains("internal compiler error")
        || r.exit == Some(101)
    {
        let first = r
            .stderr
            .lines()
            .find(|l| l.contains("panicked") || l.contains("internal compiler error"));
        return Some(format!(
            "goxide panicked: {}",
            first.unwrap_or("exit status 101")
        ));
    }
    match r.exit {
        None => return Some("goxide was killed by a signal".into()),
        Some(0) => return Some("goxide exited 0 on a malformed program".into()),
        Some(_) => {}
    }
    if r.diags.is_empty() {
        return Some("goxide printed no diagnostic".into());
    }
    match r.summary {
        None => Some("goxide's last stdout line is not `N files, M errors`".into()),
        Some((_, 0)) => Some("goxide's summary reports 0 errors".into()),
        Some(_) => None,
    }
}

// ---------------------------------------------------------------------------
// Comparison

#[derive(Debug, Clone, Copy, PartialEq)]
struct Comparison {
    first_match: bool,
    full_match: bool,
}

/// Drops a final `...: too many errors` line (gc's cut-off notice).
fn without_cutoff(lines: &[String]) -> &[String] {
    match lines.split_last() {
        Some((last, rest)) if last.ends_with(": too many errors") => rest,
        _ => lines,
    }
}

fn compare(g: &Golden, r: &Run) -> Comparison {
    Comparison {
        first_match: !r.diags.is_empty() && r.diags.first() == g.diags.first(),
        full_match: !r.diags.is_empty() && without_cutoff(&g.diags) == without_cutoff(&r.diags),
    }
}

// ---------------------------------------------------------------------------
// Known differences

/// `name.go -> reason` (reason may be empty). Names are program file names;
/// a listed name without `.go` gets it appended.
type Known = BTreeMap<String, String>;

fn parse_known(text: &str) -> Result<Known, String> {
    let mut known = Known::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, reason) = match line.split_once('#') {
            Some((n, r)) => (n.trim(), r.trim()),
            None => (line, ""),
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(format!(
                "{KNOWN_FILE}:{}: want `NNN_name.go  # reason`, got {raw:?}",
                i + 1
            ));
        }
        let name = if name.ends_with(".go") {
            name.to_string()
        } else {
            format!("{name}.go")
        };
        if known.insert(name.clone(), reason.to_string()).is_some() {
            return Err(format!("{KNOWN_FILE}:{}: {name} listed twice", i + 1));
        }
    }
    Ok(known)
}

fn render_known(known: &Known) -> String {
    let mut s = String::from(
        "# Programs of tests/syntax whose first diagnostic line from `goxide tool parse`\n\
         # differs from gc's (see README.md). One program per line, `# reason` optional.\n\
         # Rewrite from a run: GOXIDE_BLESS_KNOWN=1 cargo test -p goxide --test syntax_goldens\n",
    );
    for (name, reason) in known {
        if reason.is_empty() {
            s.push_str(&format!("{name}\n"));
        } else {
            s.push_str(&format!("{name}  # {reason}\n"));
        }
    }
    s
}

/// The known-differences list a bless run writes: every program whose first
/// line differs, keeping the reason already given for it.
fn blessed(outcomes: &[Outcome], old: &Known) -> Known {
    outcomes
        .iter()
        .filter(|o| !o.cmp.first_match)
        .map(|o| {
            let reason = old
                .get(&o.name)
                .cloned()
                .unwrap_or_else(|| match &o.goxide_first {
                    Some(l) => format!("goxide: {l}"),
                    None => "goxide: no diagnostic".to_string(),
                });
            (o.name.clone(), reason)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Evaluation

#[derive(Debug, Clone)]
struct Outcome {
    name: String,
    cmp: Comparison,
    /// Rule (d) problem, if any.
    problem: Option<String>,
    gc_first: String,
    goxide_first: Option<String>,
}

fn outcome(name: &str, g: &Golden, r: &Run) -> Outcome {
    Outcome {
        name: name.to_string(),
        cmp: compare(g, r),
        problem: run_problem(r),
        gc_first: g.diags[0].clone(),
        goxide_first: r.diags.first().cloned(),
    }
}

#[derive(Debug, Clone, Copy)]
struct Limits {
    min_programs: usize,
    min_rate: f64,
}

#[derive(Debug, Default)]
struct Report {
    total: usize,
    first_matches: usize,
    full_matches: usize,
    failures: Vec<String>,
}

/// Applies rules (a)–(e) (corpus-integrity failures are added by the caller).
/// With `bless`, (a) and (b) are not failures: the caller rewrites the list.
fn evaluate(outcomes: &[Outcome], known: &Known, limits: Limits, bless: bool) -> Report {
    let mut rep = Report {
        total: outcomes.len(),
        ..Report::default()
    };
    let mut unlisted = Vec::new();
    for o in outcomes {
        if o.cmp.first_match {
            rep.first_matches += 1;
        }
        if o.cmp.full_match {
            rep.full_matches += 1;
        }
        if let Some(p) = &o.problem {
            rep.failures.push(format!("(d) {}: {p}", o.name));
        }
        let listed = known.contains_key(&o.name);
        if !bless && !o.cmp.first_match && !listed {
            unlisted.push(format!(
                "(a) {}: first line differs and is not in {KNOWN_FILE}\n      gc:     {}\n      goxide: {}",
                o.name,
                o.gc_first,
                o.goxide_first.as_deref().unwrap_or("<no diagnostic>")
            ));
        }
        if !bless && o.cmp.first_match && listed {
            rep.failures.push(format!(
                "(b) {}: now matches gc; remove it from {KNOWN_FILE}",
                o.name
            ));
        }
    }
    if !bless {
        for name in known.keys() {
            if !outcomes.iter().any(|o| &o.name == name) {
                rep.failures.push(format!(
                    "(b) {name}: listed in {KNOWN_FILE} but no such program; remove it"
                ));
            }
        }
    }
    const SHOWN: usize = 40;
    if unlisted.len() > SHOWN {
        let more = unlisted.len() - SHOWN;
        unlisted.truncate(SHOWN);
        unlisted.push(format!("(a) ... and {more} more unlisted differences"));
    }
    rep.failures.extend(unlisted);
    let rate = rate(rep.first_matches, rep.total);
    if rate < limits.min_rate {
        rep.failures.push(format!(
            "(c) first-line match rate {:.1}% ({}/{}) is below {:.0}%",
            rate * 100.0,
            rep.first_matches,
            rep.total,
            limits.min_rate * 100.0
        ));
    }
    if rep.total < limits.min_programs {
        rep.failures.push(format!(
            "(e) corpus has {} programs, fewer than {}",
            rep.total, limits.min_programs
        ));
    }
    rep
}

fn rate(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 / total as f64
    }
}

// ---------------------------------------------------------------------------
// Driving goxide

/// Sorted `.go` program names of the corpus.
fn list_programs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    names
}

fn out_path(dir: &Path, go_name: &str) -> PathBuf {
    dir.join(format!("{}.out", go_name.strip_suffix(".go").unwrap()))
}

/// Loads every program's golden; `Err` lines are corpus-integrity failures.
fn load_goldens(dir: &Path, names: &[String]) -> Vec<Result<Golden, String>> {
    names
        .iter()
        .map(|n| {
            let p = out_path(dir, n);
            let bytes =
                fs::read(&p).map_err(|e| format!("(e) {n}: cannot read {}: {e}", p.display()))?;
            parse_golden(&String::from_utf8_lossy(&bytes))
                .map_err(|e| format!("(e) {n}: bad .out: {e}"))
        })
        .collect()
}

/// The goxide binary under test: cargo's build of this crate's `goxide`, or
/// `$GOXIDE_SYNTAX_GOLDENS_BIN` if set (to score another build; the test
/// says so when it is used).
fn goxide_bin() -> PathBuf {
    match std::env::var_os(BIN_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_goxide")),
    }
}

/// Runs `goxide tool parse ./NAME` in `dir`, killing it after TIMEOUT.
fn run_goxide(dir: &Path, name: &str) -> Run {
    let mut child = Command::new(goxide_bin())
        .args(["tool", "parse", &format!("./{name}")])
        .current_dir(dir)
        // A pipe closed at once rather than Stdio::null(): no dependence
        // on /dev/null being a device (on shared machines it may not be).
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start goxide: {e}"));
    drop(child.stdin.take());
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let err_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let deadline = Instant::now() + TIMEOUT;
    let (status, timed_out) = loop {
        match child.try_wait() {
            Ok(Some(st)) => break (Some(st), false),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break (None, true);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for goxide: {e}"),
        }
    };
    let stdout = out_t.join().unwrap();
    let stderr = err_t.join().unwrap();
    let exit = status.and_then(|s| s.code());
    parse_run(
        exit,
        timed_out,
        &String::from_utf8_lossy(&stdout),
        &String::from_utf8_lossy(&stderr),
    )
}

/// Runs goxide on all programs, a few at a time; results in input order.
fn run_all(dir: &Path, names: &[String]) -> Vec<Run> {
    let jobs = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    let slots: Vec<Mutex<Option<Run>>> = names.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= names.len() {
                        break;
                    }
                    *slots[i].lock().unwrap() = Some(run_goxide(dir, &names[i]));
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap().unwrap())
        .collect()
}

/// Writes to the process's real stderr, which the test harness does not
/// capture, so the score shows in every run.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{msg}");
}

#[test]
fn syntax_goldens() {
    let dir = corpus_dir();
    let names = list_programs(&dir);
    let goldens = load_goldens(&dir, &names);
    let bless = std::env::var_os(BLESS_ENV).is_some_and(|v| !v.is_empty() && v != "0");

    let known_path = dir.join(KNOWN_FILE);
    let known_text =
        fs::read_to_string(&known_path).unwrap_or_else(|e| panic!("{}: {e}", known_path.display()));
    let known = parse_known(&known_text).unwrap_or_else(|e| panic!("{e}"));

    let mut integrity = Vec::new();
    let mut runnable = Vec::new(); // (name, golden)
    for (n, g) in names.iter().zip(goldens) {
        match g {
            Ok(g) => runnable.push((n.clone(), g)),
            Err(e) => integrity.push(e),
        }
    }
    if std::env::var_os(BIN_ENV).is_some_and(|v| !v.is_empty()) {
        say(&format!(
            "syntax goldens: scoring {} ({BIN_ENV})",
            goxide_bin().display()
        ));
    }
    let run_names: Vec<String> = runnable.iter().map(|(n, _)| n.clone()).collect();
    let runs = run_all(&dir, &run_names);
    let outcomes: Vec<Outcome> = runnable
        .iter()
        .zip(&runs)
        .map(|((n, g), r)| outcome(n, g, r))
        .collect();

    if bless {
        let new = blessed(&outcomes, &known);
        fs::write(&known_path, render_known(&new))
            .unwrap_or_else(|e| panic!("{}: {e}", known_path.display()));
        say(&format!(
            "syntax goldens: {BLESS_ENV} set: wrote {} entries to {KNOWN_FILE}",
            new.len()
        ));
    }

    let limits = Limits {
        min_programs: MIN_PROGRAMS,
        min_rate: MIN_FIRST_LINE_RATE,
    };
    // Programs without a usable .out are not run: they fail as (e) below and
    // do not count in the scores' totals.
    let mut rep = evaluate(&outcomes, &known, limits, bless);
    rep.failures.splice(0..0, integrity);

    say(&format!(
        "syntax goldens: {}/{} first lines match",
        rep.first_matches, rep.total
    ));
    say(&format!(
        "syntax goldens: {}/{} full diagnostic lists match (a final `too many errors` line is ignored on both sides)",
        rep.full_matches, rep.total
    ));
    goxide_testing::conformance("syntax goldens / first diagnostic line as gc's", rep.first_matches, rep.total);
    goxide_testing::conformance("syntax goldens / all diagnostic lines as gc's", rep.full_matches, rep.total);
    if !rep.failures.is_empty() {
        panic!(
            "syntax goldens: {} failure(s):\n{}\n(known differences: tests/syntax/{KNOWN_FILE}; \
             rewrite it with {BLESS_ENV}=1)",
            rep.failures.len(),
            rep.failures.join("\n")
        );
    }
}

/// Checks the committed corpus on its own (no goxide needed): enough
/// programs, every one with a valid `.out`, no `.out` without a program, and
/// a known-differences list that parses and names only existing programs.
#[test]
fn corpus_is_well_formed() {
    let dir = corpus_dir();
    let names = list_programs(&dir);
    assert!(
        names.len() >= MIN_PROGRAMS,
        "corpus has {} programs, fewer than {MIN_PROGRAMS}",
        names.len()
    );
    let bad: Vec<String> = load_goldens(&dir, &names)
        .into_iter()
        .filter_map(Result::err)
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    for e in fs::read_dir(&dir).unwrap() {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(stem) = n.strip_suffix(".out") {
            assert!(
                names.contains(&format!("{stem}.go")),
                "{n} has no {stem}.go"
            );
        }
    }
    let known = parse_known(&fs::read_to_string(dir.join(KNOWN_FILE)).unwrap()).unwrap();
    for k in known.keys() {
        assert!(
            names.contains(k),
            "{KNOWN_FILE} lists {k}, which is not a program"
        );
    }
}

// ---------------------------------------------------------------------------
// Unit tests of the comparison logic

const LOOSE: Limits = Limits {
    min_programs: 1,
    min_rate: 0.0,
};

fn golden(lines: &[&str]) -> Golden {
    let mut text = format!("exit 1\n{HEADER}\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    parse_golden(&text).unwrap()
}

fn run_with(diags: &[&str]) -> Run {
    let stderr: String = diags.iter().map(|l| format!("{l}\n")).collect();
    parse_run(
        Some(1),
        false,
        &format!("1 files, {} errors\n", diags.len()),
        &stderr,
    )
}

#[test]
fn wrong_expectation_is_reported_as_difference() {
    let gc =
        golden(&["./001_x.go:3:1: syntax error: non-declaration statement outside function body"]);
    // Same position, different message: must not count as a match.
    let goxide = run_with(&["./001_x.go:3:1: syntax error: unexpected name x"]);
    let c = compare(&gc, &goxide);
    assert!(!c.first_match && !c.full_match);
    let rep = evaluate(
        &[outcome("001_x.go", &gc, &goxide)],
        &Known::new(),
        LOOSE,
        false,
    );
    assert_eq!(rep.first_matches, 0);
    assert!(
        rep.failures.iter().any(|f| f.starts_with("(a) 001_x.go")),
        "{:?}",
        rep.failures
    );

    // Off by one column is a difference too.
    let goxide = run_with(&[
        "./001_x.go:3:2: syntax error: non-declaration statement outside function body",
    ]);
    assert!(!compare(&gc, &goxide).first_match);

    // The right expectation matches and passes.
    let goxide = run_with(&[
        "./001_x.go:3:1: syntax error: non-declaration statement outside function body",
    ]);
    assert_eq!(
        compare(&gc, &goxide),
        Comparison {
            first_match: true,
            full_match: true
        }
    );
    let rep = evaluate(
        &[outcome("001_x.go", &gc, &goxide)],
        &Known::new(),
        LOOSE,
        false,
    );
    assert!(rep.failures.is_empty(), "{:?}", rep.failures);
    assert_eq!((rep.first_matches, rep.full_matches, rep.total), (1, 1, 1));
}

#[test]
fn known_differences_accept_and_go_stale() {
    let gc = golden(&["./002_y.go:4:2: syntax error: a"]);
    let wrong = run_with(&["./002_y.go:4:2: syntax error: b"]);
    let right = run_with(&["./002_y.go:4:2: syntax error: a"]);
    let known = parse_known("# header\n002_y.go  # parser recovery differs\n\n").unwrap();
    assert_eq!(
        known.get("002_y.go").map(String::as_str),
        Some("parser recovery differs")
    );

    // Listed and still differing: accepted.
    let rep = evaluate(&[outcome("002_y.go", &gc, &wrong)], &known, LOOSE, false);
    assert!(rep.failures.is_empty(), "{:?}", rep.failures);
    // Listed but now matching: stale entry fails.
    let rep = evaluate(&[outcome("002_y.go", &gc, &right)], &known, LOOSE, false);
    assert!(
        rep.failures.iter().any(|f| f.starts_with("(b) 002_y.go")),
        "{:?}",
        rep.failures
    );
    // Listed name that is no program: stale entry fails.
    let known2 = parse_known("002_y.go\n999_gone\n").unwrap();
    let rep = evaluate(&[outcome("002_y.go", &gc, &wrong)], &known2, LOOSE, false);
    assert!(
        rep.failures.iter().any(|f| f.contains("999_gone.go")),
        "{:?}",
        rep.failures
    );
    // Blessing lists exactly the differing programs and keeps reasons.
    let outs = [
        outcome("002_y.go", &gc, &wrong),
        outcome("003_z.go", &gc, &right),
    ];
    let b = blessed(&outs, &known);
    assert_eq!(b.keys().collect::<Vec<_>>(), ["002_y.go"]);
    assert_eq!(b["002_y.go"], "parser recovery differs");
    assert_eq!(parse_known(&render_known(&b)).unwrap(), b);
    // ... and with bless set, (a)/(b) are not failures.
    let rep = evaluate(&[outcome("002_y.go", &gc, &right)], &known, LOOSE, true);
    assert!(rep.failures.is_empty(), "{:?}", rep.failures);
    // Malformed and duplicate entries are rejected.
    assert!(parse_known("two names.go\n").is_err());
    assert!(parse_known("a.go\na\n").is_err());
}

#[test]
fn panics_silence_and_exit_zero_fail() {
    let gc = golden(&["./003.go:1:1: syntax error: x"]);
    let cases = [
        parse_run(
            Some(101),
            false,
            "",
            "thread 'main' panicked at src/parser.rs:1:1:\noops\n",
        ),
        parse_run(
            Some(2),
            false,
            "1 files, 1 errors\n",
            "./003.go:1:1: internal compiler error: boom\n",
        ),
        parse_run(
            Some(0),
            false,
            "1 files, 1 errors\n",
            "./003.go:1:1: syntax error: x\n",
        ),
        parse_run(Some(1), false, "1 files, 0 errors\n", ""),
        parse_run(
            Some(1),
            false,
            "1 files, 0 errors\n",
            "./003.go:1:1: syntax error: x\n",
        ),
        parse_run(Some(1), false, "", "./003.go:1:1: syntax error: x\n"),
        parse_run(None, true, "", ""),
        parse_run(None, false, "", ""),
    ];
    for r in &cases {
        assert!(run_problem(r).is_some(), "no problem found in {r:?}");
        // Even with the program listed as a known difference, (d) fails.
        let known = parse_known("003.go\n").unwrap();
        let rep = evaluate(&[outcome("003.go", &gc, r)], &known, LOOSE, false);
        assert!(
            rep.failures.iter().any(|f| f.starts_with("(d) 003.go")),
            "{r:?}: {:?}",
            rep.failures
        );
    }
    let fine = parse_run(
        Some(1),
        false,
        "compiled\n1 files, 1 errors\n",
        "./003.go:1:1: syntax error: x\n",
    );
    assert_eq!(run_problem(&fine), None);
}

#[test]
fn full_list_ignores_only_the_cutoff_line() {
    let mut ten: Vec<String> = (1..=10)
        .map(|i| format!("./t.go:{i}:2: syntax error: e"))
        .collect();
    let gc_lines: Vec<String> = ten
        .iter()
        .cloned()
        .chain(["./t.go:10:2: too many errors".into()])
        .collect();
    let gc = golden(&gc_lines.iter().map(String::as_str).collect::<Vec<_>>());
    fn as_strs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    // goxide without the cut-off line: full match.
    assert!(compare(&gc, &run_with(&as_strs(&ten))).full_match);
    // goxide with it: full match.
    assert!(compare(&gc, &run_with(&as_strs(&gc_lines))).full_match);
    // goxide reporting an 11th error instead: no full match, first line still matches.
    ten.push("./t.go:11:2: syntax error: e".into());
    let c = compare(&gc, &run_with(&as_strs(&ten)));
    assert!(c.first_match && !c.full_match);
    // Missing one error: no full match.
    let c = compare(&gc, &run_with(&as_strs(&ten[..9])));
    assert!(!c.full_match);
}

#[test]
fn rate_and_corpus_size_limits() {
    let gc = golden(&["./a.go:1:1: syntax error: x"]);
    let good = run_with(&["./a.go:1:1: syntax error: x"]);
    let bad = run_with(&["./a.go:1:1: syntax error: y"]);
    let known = parse_known("b.go\n").unwrap();
    let outs = [outcome("a.go", &gc, &good), outcome("b.go", &gc, &bad)];
    let strict = Limits {
        min_programs: 1,
        min_rate: MIN_FIRST_LINE_RATE,
    };
    let rep = evaluate(&outs, &known, strict, false);
    assert!(
        rep.failures.iter().any(|f| f.starts_with("(c)")),
        "{:?}",
        rep.failures
    );
    let rep = evaluate(
        &outs,
        &known,
        Limits {
            min_programs: 3,
            min_rate: 0.5,
        },
        false,
    );
    assert_eq!(rep.failures.len(), 1, "{:?}", rep.failures);
    assert!(rep.failures[0].starts_with("(e)"));
    let rep = evaluate(
        &outs,
        &known,
        Limits {
            min_programs: 2,
            min_rate: 0.5,
        },
        false,
    );
    assert!(rep.failures.is_empty(), "{:?}", rep.failures);
}

#[test]
fn golden_and_summary_formats() {
    let g =
        parse_golden("exit 1\n# command-line-arguments\n./a.go:1:1: x\n./a.go:2:1: y\n").unwrap();
    assert_eq!(
        g,
        Golden {
            exit: 1,
            diags: vec!["./a.go:1:1: x".into(), "./a.go:2:1: y".into()]
        }
    );
    assert!(parse_golden("exit 0\n# command-line-arguments\n./a.go:1:1: x\n").is_err());
    assert!(parse_golden("exit 1\n./a.go:1:1: x\n").is_err());
    assert!(parse_golden("exit 1\n# command-line-arguments\n").is_err());
    assert!(parse_golden("a.go:1:1: expected 'package'\n").is_err());
    assert_eq!(parse_summary("3 files, 12 errors"), Some((3, 12)));
    assert_eq!(parse_summary("1 file, 1 error"), Some((1, 1)));
    assert_eq!(parse_summary("ok"), None);
    // stderr noise lines: blanks and `# pkg` headers are not diagnostics.
    let r = parse_run(
        Some(1),
        false,
        "1 files, 1 errors\n",
        "# command-line-arguments\n\n./a.go:1:1: x\n",
    );
    assert_eq!(r.diags, vec!["./a.go:1:1: x".to_string()]);
}
