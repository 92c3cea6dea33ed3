//! `goxide list` against `go list` on the fixture modules of `tests/load`
//! (a requirement from a fixture module cache, an unpruned graph, a local
//! replacement, a vendored module, build tags and file suffixes, test-only
//! imports, import cycles, missing packages, a malformed go.mod, go.work
//! with two modules, embeds, `.go` files outside any module), one case per
//! line of `tests/load/cases.txt`.
//!
//! Each case must agree on the exit code, on stderr (with go's `go: `
//! prefix read as `goxide: `) and on stdout: line for line, or package by
//! package for `-json` (every field but Stale/StaleReason). The counts go
//! to the conformance snapshot.

mod list_support;

use list_support::{Sandbox, compare_streams, goxide_wording};

struct Case {
    line: String,
    fixture: String,
    dir: String,
    env: Vec<(String, String)>,
    args: Vec<String>,
}

fn cases() -> Vec<Case> {
    let text =
        std::fs::read_to_string(list_support::repo_root().join("tests/load/cases.txt")).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (head, args) = line
            .split_once(" -- ")
            .unwrap_or_else(|| panic!("bad case line {line:?}"));
        let mut words = head.split_whitespace();
        let fixture = words.next().unwrap().to_string();
        let mut dir = String::new();
        let mut env = Vec::new();
        for w in words {
            match w.split_once('=') {
                Some((k, v)) => env.push((k.to_string(), v.to_string())),
                None => dir = w.to_string(),
            }
        }
        out.push(Case {
            line: line.to_string(),
            fixture,
            dir,
            env,
            args: args.split_whitespace().map(str::to_string).collect(),
        });
    }
    out
}

#[test]
fn fixtures_agree_with_go_list() {
    let sb = Sandbox::new("fixtures");
    sb.copy_fixture("modcache", "modcache");
    let mut failed = Vec::new();
    let (mut pkgs, mut agree, mut agree_acceptance, mut cases_ok) = (0, 0, 0, 0);
    let all = cases();
    for (i, c) in all.iter().enumerate() {
        let root = sb.copy_fixture(&c.fixture, &format!("case{i}"));
        let cwd = if c.dir.is_empty() {
            root.clone()
        } else {
            root.join(&c.dir)
        };
        let extra: Vec<(&str, &str)> = c
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let env = sb.env(&extra);
        let mut args: Vec<&str> = vec!["list"];
        args.extend(c.args.iter().map(String::as_str));
        let want = list_support::go(&args, &cwd, &env);
        let mut gx_args = vec!["list", "-compiler=gc"];
        gx_args.extend(c.args.iter().map(String::as_str));
        let got = list_support::goxide(&gx_args, &cwd, &env);
        let mut problems = Vec::new();
        if want.code != got.code {
            problems.push(format!("exit code: go {}, goxide {}", want.code, got.code));
        }
        let want_err = goxide_wording(&want.stderr);
        if want_err != got.stderr {
            problems.push(format!(
                "stderr:\n--- go\n{want_err}--- goxide\n{}",
                got.stderr
            ));
        }
        if c.args.iter().any(|a| a.starts_with("-json")) {
            let cmp = compare_streams(&want.stdout, &got.stdout);
            pkgs += cmp.total;
            agree += cmp.agree;
            agree_acceptance += cmp.agree_acceptance;
            problems.extend(cmp.diffs.into_iter().take(6));
        } else if want.stdout != got.stdout {
            problems.push(format!(
                "stdout:\n--- go\n{}--- goxide\n{}",
                want.stdout, got.stdout
            ));
        }
        if problems.is_empty() {
            cases_ok += 1;
        } else {
            eprintln!("FAIL {}:", c.line);
            for p in &problems {
                eprintln!("  {p}");
            }
            failed.push(c.line.clone());
        }
        let _ = std::process::Command::new("chmod")
            .args(["-R", "u+w"])
            .arg(&root)
            .status();
        let _ = std::fs::remove_dir_all(&root);
    }
    eprintln!(
        "{cases_ok}/{} cases agree; packages: {agree_acceptance}/{pkgs} on the acceptance fields, {agree}/{pkgs} on all fields",
        all.len()
    );
    goxide_testing::conformance(
        "go list fixtures tests-load / cases agreeing",
        cases_ok,
        all.len(),
    );
    goxide_testing::conformance(
        "go list fixtures tests-load / packages agreeing on the acceptance fields",
        agree_acceptance,
        pkgs,
    );
    goxide_testing::conformance(
        "go list fixtures tests-load / packages agreeing on all fields",
        agree,
        pkgs,
    );
}
