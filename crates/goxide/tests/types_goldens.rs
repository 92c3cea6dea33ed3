//! Scores goxide's type checker against gc on the golden corpus of ill-typed
//! Go programs in `tests/types/` (see its README.md).
//!
//! For every `NNN_name.go` there, `NNN_name.out` holds what the reference
//! `go build` printed (`exit 1`, `# command-line-arguments`, then gc's type
//! errors, as written by `cargo xtask goldens`). The test runs
//! `goxide tool check ./NNN_name.go` with `tests/types/` as its working
//! directory.
//!
//! The contract `goxide tool check` meets (the checker is written against
//! it): it loads the named files as one package (as `go build` would),
//! type-checks it, and prints its diagnostics to stderr in gc's format and
//! words, as `go build` prints type errors: a `# command-line-arguments`
//! header line, then `./NNN_name.go:L:C: msg` lines, a multi-line message
//! continuing on tab-indented lines (`\thave (int)`), sorted by position,
//! at most 10 errors followed by `./NNN_name.go:L:C: too many errors` (the
//! position of the tenth error reported, as gc does) unless `-e`; exit
//! status 1 on any error, 0 otherwise. Parse-stage diagnostics that do not
//! stop gc (branch checks such as `label L defined and not used`) are
//! reported with the type errors, as gc does.
//!
//! The harness itself — scores, the known-differences file
//! (`tests/types/known-differences.txt`), rules (a)–(e), `GOXIDE_BLESS_KNOWN=1`
//! — is `goxide_testing::goldens`, shared with the syntax goldens; its header
//! says exactly what is compared and what fails. The primary score compares
//! the first diagnostic with its continuation lines (so the `have`/`want`
//! lines of a call error count). This file adds what belongs to `tool check`
//! alone: rule (d) also fails a run that exits with another status than
//! gc's, or whose stderr does not start with the `# command-line-arguments`
//! header. A binary without `tool check` answers `no such tool` (exit 2)
//! and the test fails at once saying so.
//!
//! `GOXIDE_TYPES_GOLDENS_BIN=/path/to/goxide` scores another binary than
//! cargo's build of this crate (the test prints which one it ran); with a
//! script that replays the `.out` files it shows the harness passing, and
//! with one that alters them, failing.
//!
//! Invariant: the tool-specific decision is the pure function
//! `check_problem`; the unit tests below feed it wrong runs (the shared
//! decisions have their own unit tests in `goxide_testing::goldens`).

use std::path::Path;
use std::time::Duration;

use goxide_testing::goldens::{self, Corpus, Golden, HEADER, Limits, Run};

const KNOWN_FILE: &str = "known-differences.txt";

fn corpus() -> Corpus {
    Corpus {
        title: "types goldens",
        dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/types"),
        dir_display: "tests/types",
        known_file: KNOWN_FILE,
        known_header: "# Programs of tests/types whose first diagnostic from `goxide tool check`\n\
             # differs from gc's (see README.md). One program per line, `# reason` optional.\n\
             # Rewrite from a run: GOXIDE_BLESS_KNOWN=1 cargo test -p goxide --test types_goldens\n",
        bin_env: "GOXIDE_TYPES_GOLDENS_BIN",
        default_bin: env!("CARGO_BIN_EXE_goxide").into(),
        tool_args: &["tool", "check"],
        run_problem: check_problem,
        limits: Limits {
            min_programs: 150,
            min_rate: 0.90,
        },
        timeout: Duration::from_secs(30),
        conformance_first: "types goldens / first diagnostic line as gc's",
        conformance_full: "types goldens / all diagnostic lines as gc's",
    }
}

/// Rule (d) for `tool check`: gc's exit status, and the package header
/// before the first diagnostic.
fn check_problem(g: &Golden, r: &Run) -> Option<String> {
    if r.exit != Some(g.exit) {
        return Some(format!("goxide exited {:?}, gc {}", r.exit, g.exit));
    }
    let first = r.stderr.lines().find(|l| !l.trim().is_empty());
    if first != Some(HEADER) {
        return Some(format!(
            "goxide's stderr does not start with {HEADER:?} (it starts with {first:?})"
        ));
    }
    None
}

#[test]
fn types_goldens() {
    goldens::score(&corpus());
}

/// Checks the committed corpus on its own (no goxide needed).
#[test]
fn corpus_is_well_formed() {
    let c = corpus();
    goldens::check_well_formed(&c.dir, c.known_file, c.limits.min_programs);
}

#[test]
fn exit_status_and_header_are_required() {
    let g = goldens::parse_golden(
        "exit 1\n# command-line-arguments\n./a.go:4:2: declared and not used: x\n",
    )
    .unwrap();
    let good = "# command-line-arguments\n./a.go:4:2: declared and not used: x\n";
    let fine = goldens::parse_run(Some(1), false, "", good);
    assert_eq!(check_problem(&g, &fine), None);
    for (exit, stderr) in [
        (Some(2), good),
        (Some(1), "./a.go:4:2: declared and not used: x\n"),
        (Some(1), "# p\n./a.go:4:2: declared and not used: x\n"),
    ] {
        let r = goldens::parse_run(exit, false, "", stderr);
        assert!(
            check_problem(&g, &r).is_some(),
            "{exit:?} {stderr:?} accepted"
        );
    }
}

/// The corpus's real goldens against a run that replays them and one that
/// changes a single word: the first passes every rule, the second is a
/// reported difference. This runs the shared comparison on actual files.
#[test]
fn replayed_goldens_match_and_altered_ones_do_not() {
    let c = corpus();
    let names = goldens::list_programs(&c.dir);
    let name = names
        .iter()
        .find(|n| n.contains("not_enough_arguments"))
        .expect("the corpus has a not_enough_arguments program");
    let text = std::fs::read_to_string(goldens::out_path(&c.dir, name)).unwrap();
    let g = goldens::parse_golden(&text).unwrap();
    let stderr = text.split_once('\n').unwrap().1;
    assert!(
        g.diags.iter().any(|l| l.starts_with('\t')),
        "expected a multi-line message in {name}"
    );
    let replay = goldens::parse_run(Some(1), false, "", stderr);
    assert_eq!(check_problem(&g, &replay), None);
    let o = goldens::outcome(name, &g, &replay, check_problem(&g, &replay));
    assert!(o.cmp.first_match && o.cmp.full_match);
    let altered = goldens::parse_run(Some(1), false, "", &stderr.replace("want (", "want ( "));
    let o = goldens::outcome(name, &g, &altered, check_problem(&g, &altered));
    assert!(!o.cmp.first_match && !o.cmp.full_match);
    let rep = goldens::evaluate(&[o], &Default::default(), KNOWN_FILE, c.limits, false);
    assert!(
        rep.failures
            .iter()
            .any(|f| f.starts_with(&format!("(a) {name}"))),
        "{:?}",
        rep.failures
    );
}
