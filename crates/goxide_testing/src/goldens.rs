//! The golden-corpus harness: scores a goxide tool against gc's recorded
//! diagnostics on a directory of small Go programs. `tests/syntax/` (scored
//! by `crates/goxide/tests/syntax_goldens.rs`, through `goxide tool parse`)
//! and `tests/types/` (`types_goldens.rs`, through `goxide tool check`) are
//! two such corpora; each test is a [`Corpus`] description handed to
//! [`score`], plus the rules that belong to its tool alone.
//!
//! A corpus is a directory of `NNN_name.go` programs, each with
//! `NNN_name.out` written by `cargo xtask goldens`: `exit N`,
//! `# command-line-arguments`, then gc's diagnostic lines. A diagnostic is
//! one line `./NNN_name.go:L:C: msg` followed by the tab-indented lines that
//! continue a multi-line message (`\thave (int)`). The test runs
//! `goxide <tool args> ./NNN_name.go` with the corpus directory as working
//! directory; goxide's diagnostics are the non-empty stderr lines other than
//! `# ...` package headers.
//!
//! Scores (always written to the real stderr, even when the test passes,
//! and recorded in the conformance snapshot):
//! - primary: goxide's first diagnostic == gc's first diagnostic, byte for
//!   byte (its first line and continuation lines);
//! - secondary: goxide's whole diagnostic list == gc's, where a final
//!   `...: too many errors` line is dropped from both lists before comparing
//!   (goxide may or may not print gc's cut-off line; the errors before it
//!   must still match).
//!
//! The test fails when (a) a program's first diagnostic differs and the
//! program is not listed in the corpus's known-differences file; (b) a
//! listed program now matches, or a listed name is no program (stale entry:
//! remove it); (c) fewer than `min_rate` of first diagnostics match; (d)
//! goxide panics ("panicked at", "internal compiler error", exit 101), is
//! killed or times out, exits 0, prints no diagnostic, or breaks a rule of
//! the corpus's own ([`Corpus::run_problem`]); (e) the corpus has fewer than
//! `min_programs` programs, or a program has no valid `.out`. A tool that
//! does not exist yet (goxide's `no such tool`) fails the test at once with
//! a message saying so. A conformance-snapshot line that disagrees with
//! the scores is reported with the other failures. With
//! `GOXIDE_BLESS_KNOWN=1` the known-differences
//! file is rewritten from this run (reasons of entries that remain are
//! kept), so (a) and (b) cannot fail; (c), (d) and (e) still do.
//!
//! Invariant: the decisions are made by pure functions (`parse_golden`,
//! `parse_run`, `crash_problem`, `compare`, `evaluate`, `blessed`); the unit
//! tests below feed them deliberately wrong expectations to show that a
//! difference is reported, so a vacuous pass is caught.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::process::{self, Captured};
use crate::say;

/// The header gc's output starts with for command-line files.
pub const HEADER: &str = "# command-line-arguments";
/// Setting this (to anything but `0`) rewrites the known-differences file.
pub const BLESS_ENV: &str = "GOXIDE_BLESS_KNOWN";

// ---------------------------------------------------------------------------
// Golden files

/// gc's verdict on one program, from its `.out` file.
#[derive(Debug, Clone, PartialEq)]
pub struct Golden {
    pub exit: i32,
    /// Diagnostic lines after `# command-line-arguments`, in order.
    pub diags: Vec<String>,
}

/// Parses an `.out` file: `exit N` (N != 0), `# command-line-arguments`,
/// then at least one diagnostic line.
pub fn parse_golden(text: &str) -> Result<Golden, String> {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("");
    let exit: i32 = first
        .strip_prefix("exit ")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("first line should be `exit N`, is {first:?}"))?;
    if exit == 0 {
        return Err("gc exited 0: the program has no error".into());
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
pub struct Run {
    /// Exit code; None if killed by a signal or timed out.
    pub exit: Option<i32>,
    pub timed_out: bool,
    /// Diagnostic lines of stderr (empty lines and `# ...` lines dropped).
    pub diags: Vec<String>,
    pub stdout: String,
    pub stderr: String,
}

pub fn parse_run(exit: Option<i32>, timed_out: bool, stdout: &str, stderr: &str) -> Run {
    let diags = stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .map(str::to_string)
        .collect();
    Run {
        exit,
        timed_out,
        diags,
        stdout: stdout.to_string(),
        stderr: stderr.to_string(),
    }
}

impl From<Captured> for Run {
    fn from(c: Captured) -> Run {
        parse_run(
            c.exit,
            c.timed_out,
            &String::from_utf8_lossy(&c.stdout),
            &String::from_utf8_lossy(&c.stderr),
        )
    }
}

/// Rule (d), the part common to every tool: a run that must fail the test
/// whatever its diagnostics say.
pub fn crash_problem(r: &Run, timeout: Duration) -> Option<String> {
    if r.timed_out {
        return Some(format!(
            "goxide did not finish within {}s",
            timeout.as_secs()
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
        Some(0) => return Some("goxide exited 0 on a program with errors".into()),
        Some(_) => {}
    }
    if r.diags.is_empty() {
        return Some("goxide printed no diagnostic".into());
    }
    None
}

/// The tool is not there at all (goxide's `no such tool` error).
pub fn tool_missing(r: &Run) -> bool {
    r.exit == Some(2) && r.stderr.contains("no such tool")
}

// ---------------------------------------------------------------------------
// Comparison

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub first_match: bool,
    pub full_match: bool,
}

/// The first diagnostic of a list: its first line and the tab-indented
/// lines that continue it.
pub fn first_diagnostic(lines: &[String]) -> &[String] {
    if lines.is_empty() {
        return lines;
    }
    let n = 1 + lines[1..]
        .iter()
        .take_while(|l| l.starts_with('\t'))
        .count();
    &lines[..n]
}

/// Drops a final `...: too many errors` line (gc's cut-off notice).
pub fn without_cutoff(lines: &[String]) -> &[String] {
    match lines.split_last() {
        Some((last, rest)) if last.ends_with(": too many errors") => rest,
        _ => lines,
    }
}

pub fn compare(g: &Golden, r: &Run) -> Comparison {
    Comparison {
        first_match: !r.diags.is_empty()
            && first_diagnostic(&r.diags) == first_diagnostic(&g.diags),
        full_match: !r.diags.is_empty() && without_cutoff(&g.diags) == without_cutoff(&r.diags),
    }
}

// ---------------------------------------------------------------------------
// Known differences

/// `name.go -> reason` (reason may be empty). Names are program file names;
/// a listed name without `.go` gets it appended.
pub type Known = BTreeMap<String, String>;

/// Parses a known-differences file (`known_file` names it in errors).
pub fn parse_known(text: &str, known_file: &str) -> Result<Known, String> {
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
                "{known_file}:{}: want `NNN_name.go  # reason`, got {raw:?}",
                i + 1
            ));
        }
        let name = if name.ends_with(".go") {
            name.to_string()
        } else {
            format!("{name}.go")
        };
        if known.insert(name.clone(), reason.to_string()).is_some() {
            return Err(format!("{known_file}:{}: {name} listed twice", i + 1));
        }
    }
    Ok(known)
}

/// The file text: `header` (comment lines, each ending in a newline), then
/// one entry per line.
pub fn render_known(known: &Known, header: &str) -> String {
    let mut s = header.to_string();
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
/// diagnostic differs, keeping the reason already given for it.
pub fn blessed(outcomes: &[Outcome], old: &Known) -> Known {
    outcomes
        .iter()
        .filter(|o| !o.cmp.first_match)
        .map(|o| {
            let reason = old
                .get(&o.name)
                .cloned()
                .unwrap_or_else(|| match &o.goxide_first {
                    Some(l) => format!("goxide: {}", l.lines().next().unwrap_or("")),
                    None => "goxide: no diagnostic".to_string(),
                });
            (o.name.clone(), reason)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Evaluation

#[derive(Debug, Clone)]
pub struct Outcome {
    pub name: String,
    pub cmp: Comparison,
    /// Rule (d) problem, if any.
    pub problem: Option<String>,
    /// gc's first diagnostic, its lines joined by newlines.
    pub gc_first: String,
    pub goxide_first: Option<String>,
}

pub fn outcome(name: &str, g: &Golden, r: &Run, problem: Option<String>) -> Outcome {
    Outcome {
        name: name.to_string(),
        cmp: compare(g, r),
        problem,
        gc_first: first_diagnostic(&g.diags).join("\n"),
        goxide_first: (!r.diags.is_empty()).then(|| first_diagnostic(&r.diags).join("\n")),
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub min_programs: usize,
    pub min_rate: f64,
}

#[derive(Debug, Default)]
pub struct Report {
    pub total: usize,
    pub first_matches: usize,
    pub full_matches: usize,
    pub failures: Vec<String>,
}

fn indent_continuations(s: &str) -> String {
    s.replace('\n', "\n              ")
}

/// Applies rules (a)–(e) (corpus-integrity failures are added by the caller).
/// With `bless`, (a) and (b) are not failures: the caller rewrites the list.
pub fn evaluate(
    outcomes: &[Outcome],
    known: &Known,
    known_file: &str,
    limits: Limits,
    bless: bool,
) -> Report {
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
                "(a) {}: first diagnostic differs and is not in {known_file}\n      gc:     {}\n      goxide: {}",
                o.name,
                indent_continuations(&o.gc_first),
                indent_continuations(o.goxide_first.as_deref().unwrap_or("<no diagnostic>"))
            ));
        }
        if !bless && o.cmp.first_match && listed {
            rep.failures.push(format!(
                "(b) {}: now matches gc; remove it from {known_file}",
                o.name
            ));
        }
    }
    if !bless {
        for name in known.keys() {
            if !outcomes.iter().any(|o| &o.name == name) {
                rep.failures.push(format!(
                    "(b) {name}: listed in {known_file} but no such program; remove it"
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
            "(c) first-diagnostic match rate {:.1}% ({}/{}) is below {:.0}%",
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
// The corpus on disk

/// Sorted `.go` program names of the corpus.
pub fn list_programs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    names
}

pub fn out_path(dir: &Path, go_name: &str) -> PathBuf {
    dir.join(format!("{}.out", go_name.strip_suffix(".go").unwrap()))
}

/// Loads every program's golden; `Err` lines are corpus-integrity failures.
pub fn load_goldens(dir: &Path, names: &[String]) -> Vec<Result<Golden, String>> {
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

// ---------------------------------------------------------------------------
// The whole test

/// One golden corpus and how its tool is run and judged.
pub struct Corpus {
    /// Prefix of every line the test prints, e.g. `syntax goldens`.
    pub title: &'static str,
    pub dir: PathBuf,
    /// The corpus directory as the repository names it, e.g. `tests/syntax`.
    pub dir_display: &'static str,
    /// The known-differences file, inside `dir`.
    pub known_file: &'static str,
    /// Comment lines at the top of a rewritten known-differences file.
    pub known_header: &'static str,
    /// Environment variable naming another goxide binary to score.
    pub bin_env: &'static str,
    /// cargo's build of goxide (`env!("CARGO_BIN_EXE_goxide")`).
    pub default_bin: PathBuf,
    /// goxide's arguments before `./NNN_name.go`, e.g. `["tool", "parse"]`.
    pub tool_args: &'static [&'static str],
    /// The tool's own rule-(d) checks, after the common ones.
    pub run_problem: fn(&Golden, &Run) -> Option<String>,
    pub limits: Limits,
    pub timeout: Duration,
    /// Conformance suite names for the primary and secondary scores.
    pub conformance_first: &'static str,
    pub conformance_full: &'static str,
}

impl Corpus {
    /// The goxide binary under test: cargo's build, or `$bin_env` if set.
    pub fn bin(&self) -> PathBuf {
        match std::env::var_os(self.bin_env) {
            Some(p) if !p.is_empty() => PathBuf::from(p),
            _ => self.default_bin.clone(),
        }
    }

    fn run(&self, name: &str) -> Run {
        let mut cmd = Command::new(self.bin());
        cmd.args(self.tool_args)
            .arg(format!("./{name}"))
            .current_dir(&self.dir);
        Run::from(process::run_with_timeout(&mut cmd, self.timeout))
    }

    fn problem(&self, g: &Golden, r: &Run) -> Option<String> {
        crash_problem(r, self.timeout).or_else(|| (self.run_problem)(g, r))
    }
}

/// Runs the corpus's tool on every program, prints and records the scores,
/// and panics with every failure of rules (a)–(e).
pub fn score(c: &Corpus) {
    let names = list_programs(&c.dir);
    let goldens = load_goldens(&c.dir, &names);
    let bless = std::env::var_os(BLESS_ENV).is_some_and(|v| !v.is_empty() && v != "0");
    let known_path = c.dir.join(c.known_file);
    let known_text =
        fs::read_to_string(&known_path).unwrap_or_else(|e| panic!("{}: {e}", known_path.display()));
    let known = parse_known(&known_text, c.known_file).unwrap_or_else(|e| panic!("{e}"));

    let mut integrity = Vec::new();
    let mut runnable = Vec::new(); // (name, golden)
    for (n, g) in names.iter().zip(goldens) {
        match g {
            Ok(g) => runnable.push((n.clone(), g)),
            Err(e) => integrity.push(e),
        }
    }
    if std::env::var_os(c.bin_env).is_some_and(|v| !v.is_empty()) {
        say(&format!(
            "{}: scoring {} ({})",
            c.title,
            c.bin().display(),
            c.bin_env
        ));
    }
    if let Some((first, _)) = runnable.first() {
        let probe = c.run(first);
        if tool_missing(&probe) {
            panic!(
                "{}: `goxide {}` does not exist yet: {} says {:?} (exit 2). Every program of {} fails \
                 until the tool is written.",
                c.title,
                c.tool_args.join(" "),
                c.bin().display(),
                probe.stderr.trim(),
                c.dir_display
            );
        }
    }
    let runs = process::map_parallel(&runnable, process::default_jobs(), |(n, _)| c.run(n));
    let outcomes: Vec<Outcome> = runnable
        .iter()
        .zip(&runs)
        .map(|((n, g), r)| outcome(n, g, r, c.problem(g, r)))
        .collect();

    if bless {
        let new = blessed(&outcomes, &known);
        fs::write(&known_path, render_known(&new, c.known_header))
            .unwrap_or_else(|e| panic!("{}: {e}", known_path.display()));
        say(&format!(
            "{}: {BLESS_ENV} set: wrote {} entries to {}",
            c.title,
            new.len(),
            c.known_file
        ));
    }

    // Programs without a usable .out are not run: they fail as (e) below and
    // do not count in the scores' totals.
    let mut rep = evaluate(&outcomes, &known, c.known_file, c.limits, bless);
    rep.failures.splice(0..0, integrity);

    say(&format!(
        "{}: {}/{} first diagnostics match",
        c.title, rep.first_matches, rep.total
    ));
    say(&format!(
        "{}: {}/{} full diagnostic lists match (a final `too many errors` line is ignored on both sides)",
        c.title, rep.full_matches, rep.total
    ));
    for (suite, n) in [
        (c.conformance_first, rep.first_matches),
        (c.conformance_full, rep.full_matches),
    ] {
        if let Err(e) = crate::check_conformance(suite, n, rep.total) {
            rep.failures.push(format!("(snapshot) {e}"));
        }
    }
    if !rep.failures.is_empty() {
        panic!(
            "{}: {} failure(s):\n{}\n(known differences: {}/{}; rewrite it with {BLESS_ENV}=1)",
            c.title,
            rep.failures.len(),
            rep.failures.join("\n"),
            c.dir_display,
            c.known_file
        );
    }
}

/// Checks a committed corpus on its own (no goxide needed): enough
/// programs, every one with a valid `.out`, no `.out` without a program, and
/// a known-differences list that parses and names only existing programs.
pub fn check_well_formed(dir: &Path, known_file: &str, min_programs: usize) {
    let names = list_programs(dir);
    assert!(
        names.len() >= min_programs,
        "corpus has {} programs, fewer than {min_programs}",
        names.len()
    );
    let bad: Vec<String> = load_goldens(dir, &names)
        .into_iter()
        .filter_map(Result::err)
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    for e in fs::read_dir(dir).unwrap() {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(stem) = n.strip_suffix(".out") {
            assert!(
                names.contains(&format!("{stem}.go")),
                "{n} has no {stem}.go"
            );
        }
    }
    let known = parse_known(
        &fs::read_to_string(dir.join(known_file)).unwrap(),
        known_file,
    )
    .unwrap();
    for k in known.keys() {
        assert!(
            names.contains(k),
            "{known_file} lists {k}, which is not a program"
        );
    }
}

// ---------------------------------------------------------------------------
// Unit tests of the comparison logic

#[cfg(test)]
mod tests {
    use super::*;

    const LOOSE: Limits = Limits {
        min_programs: 1,
        min_rate: 0.0,
    };
    const KF: &str = "known-differences.txt";
    const T: Duration = Duration::from_secs(30);

    fn golden(lines: &[&str]) -> Golden {
        let mut text = format!("exit 1\n{HEADER}\n");
        for l in lines {
            text.push_str(l);
            text.push('\n');
        }
        parse_golden(&text).unwrap()
    }

    fn run_with(diags: &[&str]) -> Run {
        let stderr: String = std::iter::once(HEADER.to_string())
            .chain(diags.iter().map(|l| l.to_string()))
            .map(|l| format!("{l}\n"))
            .collect();
        parse_run(Some(1), false, "", &stderr)
    }

    fn out(name: &str, g: &Golden, r: &Run) -> Outcome {
        outcome(name, g, r, crash_problem(r, T))
    }

    fn known(text: &str) -> Known {
        parse_known(text, KF).unwrap()
    }

    #[test]
    fn wrong_expectation_is_reported_as_difference() {
        let gc = golden(&[
            "./001_x.go:3:1: syntax error: non-declaration statement outside function body",
        ]);
        // Same position, different message: must not count as a match.
        let goxide = run_with(&["./001_x.go:3:1: syntax error: unexpected name x"]);
        let c = compare(&gc, &goxide);
        assert!(!c.first_match && !c.full_match);
        let rep = evaluate(
            &[out("001_x.go", &gc, &goxide)],
            &Known::new(),
            KF,
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
            &[out("001_x.go", &gc, &goxide)],
            &Known::new(),
            KF,
            LOOSE,
            false,
        );
        assert!(rep.failures.is_empty(), "{:?}", rep.failures);
        assert_eq!((rep.first_matches, rep.full_matches, rep.total), (1, 1, 1));
    }

    #[test]
    fn first_diagnostic_includes_its_continuation_lines() {
        let gc = golden(&[
            "./a.go:6:10: not enough arguments in call to add",
            "\thave (number)",
            "\twant (int, int)",
            "./a.go:7:2: declared and not used: x",
        ]);
        let exact = run_with(&[
            "./a.go:6:10: not enough arguments in call to add",
            "\thave (number)",
            "\twant (int, int)",
            "./a.go:7:2: declared and not used: x",
        ]);
        assert_eq!(
            compare(&gc, &exact),
            Comparison {
                first_match: true,
                full_match: true
            }
        );
        // Right first line, wrong `want`: the first diagnostic differs.
        let wrong_want = run_with(&[
            "./a.go:6:10: not enough arguments in call to add",
            "\thave (number)",
            "\twant (int)",
            "./a.go:7:2: declared and not used: x",
        ]);
        let c = compare(&gc, &wrong_want);
        assert!(!c.first_match && !c.full_match);
        // Continuation lines missing altogether: differs too.
        let bare = run_with(&[
            "./a.go:6:10: not enough arguments in call to add",
            "./a.go:7:2: declared and not used: x",
        ]);
        assert!(!compare(&gc, &bare).first_match);
        // Right first diagnostic, a later one missing: only the full list differs.
        let short = run_with(&[
            "./a.go:6:10: not enough arguments in call to add",
            "\thave (number)",
            "\twant (int, int)",
        ]);
        assert_eq!(
            compare(&gc, &short),
            Comparison {
                first_match: true,
                full_match: false
            }
        );
        let o = out("a.go", &gc, &wrong_want);
        assert_eq!(o.gc_first.lines().count(), 3);
        let rep = evaluate(&[o], &Known::new(), KF, LOOSE, false);
        assert!(
            rep.failures.iter().any(|f| f.contains("\twant (int, int)")),
            "{:?}",
            rep.failures
        );
    }

    #[test]
    fn known_differences_accept_and_go_stale() {
        let gc = golden(&["./002_y.go:4:2: syntax error: a"]);
        let wrong = run_with(&["./002_y.go:4:2: syntax error: b"]);
        let right = run_with(&["./002_y.go:4:2: syntax error: a"]);
        let k = known("# header\n002_y.go  # parser recovery differs\n\n");
        assert_eq!(
            k.get("002_y.go").map(String::as_str),
            Some("parser recovery differs")
        );

        // Listed and still differing: accepted.
        let rep = evaluate(&[out("002_y.go", &gc, &wrong)], &k, KF, LOOSE, false);
        assert!(rep.failures.is_empty(), "{:?}", rep.failures);
        // Listed but now matching: stale entry fails.
        let rep = evaluate(&[out("002_y.go", &gc, &right)], &k, KF, LOOSE, false);
        assert!(
            rep.failures.iter().any(|f| f.starts_with("(b) 002_y.go")),
            "{:?}",
            rep.failures
        );
        // Listed name that is no program: stale entry fails.
        let k2 = known("002_y.go\n999_gone\n");
        let rep = evaluate(&[out("002_y.go", &gc, &wrong)], &k2, KF, LOOSE, false);
        assert!(
            rep.failures.iter().any(|f| f.contains("999_gone.go")),
            "{:?}",
            rep.failures
        );
        // Blessing lists exactly the differing programs and keeps reasons.
        let outs = [
            out("002_y.go", &gc, &wrong),
            out("003_z.go", &gc, &right),
            out("004_w.go", &gc, &wrong),
        ];
        let b = blessed(&outs, &k);
        assert_eq!(b.keys().collect::<Vec<_>>(), ["002_y.go", "004_w.go"]);
        assert_eq!(b["002_y.go"], "parser recovery differs");
        assert_eq!(b["004_w.go"], "goxide: ./002_y.go:4:2: syntax error: b");
        assert_eq!(parse_known(&render_known(&b, "# h\n"), KF).unwrap(), b);
        // ... and with bless set, (a)/(b) are not failures.
        let rep = evaluate(&[out("002_y.go", &gc, &right)], &k, KF, LOOSE, true);
        assert!(rep.failures.is_empty(), "{:?}", rep.failures);
        // Malformed and duplicate entries are rejected.
        assert!(parse_known("two names.go\n", KF).is_err());
        assert!(parse_known("a.go\na\n", KF).is_err());
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
                "",
                "./003.go:1:1: internal compiler error: boom\n",
            ),
            parse_run(Some(0), false, "", "./003.go:1:1: syntax error: x\n"),
            parse_run(Some(1), false, "", ""),
            parse_run(Some(1), false, "", "# command-line-arguments\n\n"),
            parse_run(None, true, "", ""),
            parse_run(None, false, "", ""),
        ];
        for r in &cases {
            assert!(crash_problem(r, T).is_some(), "no problem found in {r:?}");
            // Even with the program listed as a known difference, (d) fails.
            let rep = evaluate(
                &[out("003.go", &gc, r)],
                &known("003.go\n"),
                KF,
                LOOSE,
                false,
            );
            assert!(
                rep.failures.iter().any(|f| f.starts_with("(d) 003.go")),
                "{r:?}: {:?}",
                rep.failures
            );
        }
        let fine = parse_run(Some(1), false, "", "./003.go:1:1: syntax error: x\n");
        assert_eq!(crash_problem(&fine, T), None);
    }

    #[test]
    fn a_missing_tool_is_recognised() {
        let missing = parse_run(Some(2), false, "", "goxide: no such tool \"check\"\n");
        assert!(tool_missing(&missing));
        assert!(!tool_missing(&parse_run(
            Some(1),
            false,
            "",
            "./a.go:1:1: no such tool\n"
        )));
        assert!(!tool_missing(&run_with(&["./a.go:1:1: undefined: x"])));
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
        let k = known("b.go\n");
        let outs = [out("a.go", &gc, &good), out("b.go", &gc, &bad)];
        let strict = Limits {
            min_programs: 1,
            min_rate: 0.9,
        };
        let rep = evaluate(&outs, &k, KF, strict, false);
        assert!(
            rep.failures.iter().any(|f| f.starts_with("(c)")),
            "{:?}",
            rep.failures
        );
        let rep = evaluate(
            &outs,
            &k,
            KF,
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
            &k,
            KF,
            Limits {
                min_programs: 2,
                min_rate: 0.5,
            },
            false,
        );
        assert!(rep.failures.is_empty(), "{:?}", rep.failures);
    }

    #[test]
    fn golden_format() {
        let g = parse_golden(
            "exit 1\n# command-line-arguments\n./a.go:1:1: x\n\thave ()\n./a.go:2:1: y\n",
        )
        .unwrap();
        assert_eq!(
            g,
            Golden {
                exit: 1,
                diags: vec![
                    "./a.go:1:1: x".into(),
                    "\thave ()".into(),
                    "./a.go:2:1: y".into()
                ]
            }
        );
        assert!(parse_golden("exit 0\n# command-line-arguments\n./a.go:1:1: x\n").is_err());
        assert!(parse_golden("exit 1\n./a.go:1:1: x\n").is_err());
        assert!(parse_golden("exit 1\n# command-line-arguments\n").is_err());
        assert!(parse_golden("a.go:1:1: expected 'package'\n").is_err());
        // stderr noise lines: blanks and `# pkg` headers are not diagnostics.
        let r = parse_run(
            Some(1),
            false,
            "",
            "# command-line-arguments\n\n./a.go:1:1: x\n",
        );
        assert_eq!(r.diags, vec!["./a.go:1:1: x".to_string()]);
    }
}
