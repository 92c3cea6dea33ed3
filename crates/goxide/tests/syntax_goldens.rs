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
//! The harness itself — scores, the known-differences file
//! (`tests/syntax/known-differences.txt`), rules (a)–(e), `GOXIDE_BLESS_KNOWN=1`
//! — is `goxide_testing::goldens`, shared with the types goldens; its header
//! says exactly what is compared and what fails. This file adds what belongs
//! to `tool parse` alone: rule (d) also fails a run whose stdout does not end
//! in `N files, M errors` with M > 0.
//!
//! `GOXIDE_SYNTAX_GOLDENS_BIN=/path/to/goxide` scores another binary than
//! cargo's build of this crate (the test prints which one it ran).
//!
//! Invariant: the tool-specific decision is the pure function `summary_problem`;
//! the unit tests below feed it wrong summaries (the shared decisions have
//! their own unit tests in `goxide_testing::goldens`).

use std::path::Path;
use std::time::Duration;

use goxide_testing::goldens::{self, Corpus, Golden, Limits, Run};

const KNOWN_FILE: &str = "known-differences.txt";

fn corpus() -> Corpus {
    Corpus {
        title: "syntax goldens",
        dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/syntax"),
        dir_display: "tests/syntax",
        known_file: KNOWN_FILE,
        known_header: "# Programs of tests/syntax whose first diagnostic line from `goxide tool parse`\n\
             # differs from gc's (see README.md). One program per line, `# reason` optional.\n\
             # Rewrite from a run: GOXIDE_BLESS_KNOWN=1 cargo test -p goxide --test syntax_goldens\n",
        bin_env: "GOXIDE_SYNTAX_GOLDENS_BIN",
        default_bin: env!("CARGO_BIN_EXE_goxide").into(),
        tool_args: &["tool", "parse"],
        run_problem: summary_problem,
        limits: Limits {
            min_programs: 150,
            min_rate: 0.90,
        },
        timeout: Duration::from_secs(30),
        conformance_first: "syntax goldens / first diagnostic line as gc's",
        conformance_full: "syntax goldens / all diagnostic lines as gc's",
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

/// Rule (d) for `tool parse`: the last non-empty stdout line must be
/// `N files, M errors` with M > 0.
fn summary_problem(_: &Golden, r: &Run) -> Option<String> {
    let summary = r
        .stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .and_then(parse_summary);
    match summary {
        None => Some("goxide's last stdout line is not `N files, M errors`".into()),
        Some((_, 0)) => Some("goxide's summary reports 0 errors".into()),
        Some(_) => None,
    }
}

#[test]
fn syntax_goldens() {
    goldens::score(&corpus());
}

/// Checks the committed corpus on its own (no goxide needed).
#[test]
fn corpus_is_well_formed() {
    let c = corpus();
    goldens::check_well_formed(&c.dir, c.known_file, c.limits.min_programs);
}

#[test]
fn summary_line_is_required() {
    let g =
        goldens::parse_golden("exit 1\n# command-line-arguments\n./a.go:1:1: syntax error: x\n")
            .unwrap();
    let stderr = "./a.go:1:1: syntax error: x\n";
    for stdout in [
        "",
        "1 files, 0 errors\n",
        "compiled\n",
        "1 files, 1 errors\nmore\n",
    ] {
        let r = goldens::parse_run(Some(1), false, stdout, stderr);
        assert!(summary_problem(&g, &r).is_some(), "{stdout:?} accepted");
    }
    let fine = goldens::parse_run(Some(1), false, "compiled\n1 files, 1 errors\n\n", stderr);
    assert_eq!(summary_problem(&g, &fine), None);
    assert_eq!(parse_summary("3 files, 12 errors"), Some((3, 12)));
    assert_eq!(parse_summary("1 file, 1 error"), Some((1, 1)));
    assert_eq!(parse_summary("ok"), None);
}
