//! `goxide list`'s command line against `go list`'s: flag errors, flag
//! combinations go refuses, `GOFLAGS`, `-json=fields`, `-e`, and the
//! flags goxide refuses with its own message (`-f`, `-m`, ...). Where go
//! and goxide behave alike, both run and must print the same (go's
//! `go`/`go list` read as `goxide`/`goxide list`) with the same exit
//! code; goxide's refusals are checked word for word.

mod list_support;

use list_support::Sandbox;

/// go's output as goxide words it: the command name in `go: `,
/// `go list ...`, `usage: go ...` and `go help`.
fn reword(s: &str) -> String {
    s.split_inclusive('\n')
        .map(|l| {
            let l = l
                .replace("usage: go ", "usage: goxide ")
                .replace("'go help", "'goxide help");
            if let Some(rest) = l.strip_prefix("go: ") {
                format!("goxide: {rest}")
            } else if let Some(rest) = l.strip_prefix("go ") {
                format!("goxide {rest}")
            } else {
                l
            }
        })
        .collect()
}

fn fixture(sb: &Sandbox) -> std::path::PathBuf {
    sb.copy_fixture("modcache", "modcache");
    sb.copy_fixture("tags", "tags")
}

#[test]
fn flags_and_errors_as_go() {
    let sb = Sandbox::new("cli");
    let dir = fixture(&sb);
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        (&["-bogus"], &[]),
        (&["-json", "-f", "{{.Dir}}", "./p"], &[]),
        (&["-deps", "-find", "./p"], &[]),
        (&["-test", "-find", "./p"], &[]),
        (&["-u", "./p"], &[]),
        (&["-versions", "./p"], &[]),
        (&["-reuse=x", "./p"], &[]),
        (&["-compiler=foo", "./p"], &[]),
        (&["-json=false", "./p"], &[]),
        (&["-json=Name,GoFiles", "./p"], &[]),
        (&["-json=Deps", "-deps", "./p"], &[]),
        (&["-tags", "'custom goxide'", "-json=GoFiles", "./p"], &[]),
        (&["-json=GoFiles", "./p"], &[("GOFLAGS", "-tags=custom")]),
        (&["-mod=bogus", "./p"], &[]),
        (&["-C", "p", "."], &[]),
        (&["./p", "-json"], &[]),
        (&[""], &[]),
        (&["-e", "./nothere"], &[]),
        (&["./nothere"], &[]),
        (
            &[
                "-x",
                "-n",
                "-v",
                "-a",
                "-p=1",
                "-trimpath",
                "-gcflags=-N",
                "-ldflags=-s",
                "./p",
            ],
            &[],
        ),
        (&["./p"], &[("GO111MODULE", "bogus")]),
        (&["./p"], &[("GOWORK", "relative/go.work")]),
    ];
    let mut mismatches = Vec::new();
    for (args, env) in cases {
        let env = sb.env(env);
        let mut go_args = vec!["list"];
        go_args.extend_from_slice(args);
        let mut gx_args = vec!["list"];
        if !args.contains(&"-C") {
            gx_args.push("-compiler=gc");
        }
        gx_args.extend_from_slice(args);
        let want = list_support::go(&go_args, &dir, &env);
        let got = list_support::goxide(&gx_args, &dir, &env);
        let want_err = reword(&want.stderr);
        if want.code != got.code || want_err != got.stderr || want.stdout != got.stdout {
            mismatches.push(format!(
                "list {args:?} {env:?}:\n  go ({}):\n{}{}\n  goxide ({}):\n{}{}",
                want.code, want.stdout, want_err, got.code, got.stdout, got.stderr
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn refused_flags_say_so() {
    let sb = Sandbox::new("cli-refused");
    let dir = fixture(&sb);
    let env = sb.env(&[]);
    for (args, msg) in [
        (
            &["-f", "{{.Dir}}", "./p"][..],
            "goxide list: -f (templates); use -json is not supported yet\n",
        ),
        (
            &["-m", "all"][..],
            "goxide list: -m (listing modules) is not supported yet\n",
        ),
        (
            &["-export", "./p"][..],
            "goxide list: -export is not supported yet\n",
        ),
        (
            &["-race", "./p"][..],
            "goxide list: -race is not supported yet\n",
        ),
        (
            &["-compiler=gccgo", "./p"][..],
            "goxide list: -compiler=gccgo is not supported yet\n",
        ),
        (
            &["-pgo=prof.pgo", "./p"][..],
            "goxide list: -pgo with a profile is not supported yet\n",
        ),
    ] {
        let mut a = vec!["list"];
        a.extend_from_slice(args);
        let got = list_support::goxide(&a, &dir, &env);
        assert_eq!(
            (got.code, got.stderr.as_str(), got.stdout.as_str()),
            (1, msg, ""),
            "list {args:?}"
        );
    }
}

#[test]
fn goxide_tags_select_pure_go_files() {
    // Without -compiler=gc, goxide adds its tags goxide, purego and
    // math_big_pure_go: the fixture's gx.go and pure.go join the package
    // and notpure.go leaves it.
    let sb = Sandbox::new("cli-tags");
    let dir = fixture(&sb);
    let env = sb.env(&[]);
    let own = list_support::goxide(&["list", "-json=GoFiles,IgnoredGoFiles", "./p"], &dir, &env);
    let gc = list_support::goxide(
        &[
            "list",
            "-compiler=gc",
            "-json=GoFiles,IgnoredGoFiles",
            "./p",
        ],
        &dir,
        &env,
    );
    assert_eq!((own.code, gc.code), (0, 0), "{}{}", own.stderr, gc.stderr);
    let files = |out: &str, field: &str| -> Vec<String> {
        let v = list_support::json::parse_stream(out).unwrap();
        match v[0].get(field) {
            Some(list_support::json::Value::Arr(a)) => a
                .iter()
                .map(|x| x.show().trim_matches('"').to_string())
                .collect(),
            _ => Vec::new(),
        }
    };
    let (own_go, gc_go) = (files(&own.stdout, "GoFiles"), files(&gc.stdout, "GoFiles"));
    for f in ["gx.go", "pure.go"] {
        assert!(
            own_go.contains(&f.to_string()) && !gc_go.contains(&f.to_string()),
            "{f}: {own_go:?} / {gc_go:?}"
        );
    }
    assert!(
        gc_go.contains(&"notpure.go".to_string()) && !own_go.contains(&"notpure.go".to_string())
    );
    assert!(files(&own.stdout, "IgnoredGoFiles").contains(&"notpure.go".to_string()));
}

/// `.go` files named by absolute paths, from a directory that is not
/// theirs and outside any module, are the `command-line-arguments`
/// package (goxide once joined the absolute path to the working
/// directory and fell back to "go.mod file not found").
#[test]
fn files_named_by_absolute_path_outside_a_module() {
    let sb = Sandbox::new("absfiles");
    let src = sb.path("src");
    let elsewhere = sb.path("elsewhere");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(src.join("main.go"), "package main\n\nfunc main() {}\n").unwrap();
    let file = src.join("main.go").to_string_lossy().into_owned();
    let env = sb.env(&[]);
    for args in [vec!["list", file.as_str()], vec!["list", "-json=Dir,GoFiles", file.as_str()]] {
        let want = list_support::go(&args, &elsewhere, &env);
        let got = list_support::goxide(&args, &elsewhere, &env);
        assert_eq!(want.code, 0, "go {args:?}: {}", want.stderr);
        assert_eq!((got.code, got.stdout, got.stderr), (want.code, want.stdout, reword(&want.stderr)), "{args:?}");
    }
}
