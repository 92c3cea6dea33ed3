//! The command line's errors and exit codes against the reference go:
//! unknown commands, unknown and malformed flags, usage requests, help
//! topics, bad `$GOFLAGS`, and `-C`. Expected texts are go's with `go`
//! replaced by `goxide` where it names the command ([`common::goxide_wording`]).
//! Where goxide's text is its own (the command list, `version`), the test
//! states it.

mod common;

use common::{TempDir, env_of, go, goxide, goxide_wording, reference_goroot};

/// The controlled environment, with HOME at `home` (where go's telemetry
/// is switched off, so that go leaves nothing behind after the test).
fn base_env(home: &std::path::Path, extra: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    let mode = home.join(".config/go/telemetry/mode");
    std::fs::create_dir_all(mode.parent().unwrap()).unwrap();
    std::fs::write(&mode, "off\n").unwrap();
    let goroot = reference_goroot().to_string_lossy().into_owned();
    let home_s = home.to_string_lossy().into_owned();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("HOME", &home_s),
        ("PATH", "/nonexistent"),
        ("GOROOT", &goroot),
        ("CGO_ENABLED", "0"),
        ("GOTOOLCHAIN", "local"),
    ];
    pairs.extend_from_slice(extra);
    env_of(&pairs)
}

/// Asserts goxide's stdout, stderr and exit status equal go's, in go's
/// wording.
fn assert_like_go(args: &[&str], extra: &[(&str, &str)]) {
    let dir = TempDir::new("cli");
    assert_like_go_in(&dir, dir.path(), args, extra);
}

/// [`assert_like_go`] run in `cwd` (inside `dir`, whose `home` is HOME).
fn assert_like_go_in(dir: &TempDir, cwd: &std::path::Path, args: &[&str], extra: &[(&str, &str)]) {
    let env = base_env(&dir.path().join("home"), extra);
    let want = go(args, cwd, &env);
    let got = goxide(args, cwd, &env);
    let ctx = format!("goxide {args:?} {extra:?}");
    assert_eq!(
        got.stderr_str(),
        goxide_wording(&want.stderr_str()),
        "stderr: {ctx}"
    );
    assert_eq!(got.stdout_str(), want.stdout_str(), "stdout: {ctx}");
    assert_eq!(got.code, want.code, "exit status: {ctx}");
}

#[test]
fn unknown_commands_and_flags() {
    assert_like_go(&["foo"], &[]);
    assert_like_go(&["frobnicate", "-x"], &[]);
    assert_like_go(&["env", "-foo"], &[]);
    assert_like_go(&["env", "--foo=1"], &[]);
    assert_like_go(&["env", "---foo"], &[]);
    assert_like_go(&["env", "-=x"], &[]);
    assert_like_go(&["env", "-json=foo"], &[]);
    assert_like_go(&["env", "-json=0", "GOOS"], &[]);
    assert_like_go(&["env", "-h"], &[]);
    assert_like_go(&["env", "-help"], &[]);
    assert_like_go(&["env", "--help"], &[]);
    assert_like_go(&["env", "-C"], &[]);
    assert_like_go(&["env", "-C", "/nonexistent/dir"], &[]);
    assert_like_go(&["env", "GOOS", "-C", "/tmp"], &[]);
    assert_like_go(&["env", "-json", "-C", "/tmp"], &[]);
    assert_like_go(&["env", "A=B"], &[]);
    assert_like_go(&["env", "-json", "-u"], &[]);
    assert_like_go(&["env", "-json", "-w"], &[]);
    assert_like_go(&["env", "-u", "-w"], &[]);
    assert_like_go(&["env", "--", "GOOS"], &[]);
    assert_like_go(&["env", "-", "GOOS"], &[]);
    assert_like_go(&["version", "-x"], &[]);
    assert_like_go(&["version", "-m"], &[]);
    assert_like_go(&["version", "-v"], &[]);
    assert_like_go(&["version", "-json"], &[]);
    assert_like_go(&["tool", "xyz"], &[]);
    assert_like_go(&["tool", "-h"], &[]);
}

#[test]
fn help_topics() {
    assert_like_go(&["help", "foo"], &[]);
    assert_like_go(&["help", "env", "foo"], &[]);
    assert_like_go(&["help", "help"], &[]);
    let dir = TempDir::new("help");
    let env = base_env(dir.path(), &[]);
    let out = goxide(&["help", "env"], dir.path(), &env);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout_str()
            .starts_with("usage: goxide env [-json] [-changed] [-u] [-w] [var ...]\n\nEnv prints")
    );
    let out = goxide(&["help", "environment"], dir.path(), &env);
    assert!(out.code == 0 && out.stdout_str().contains("CGO_ENABLED\n\t\tDefaults to 0"));
}

#[test]
fn goflags_errors() {
    assert_like_go(&["version"], &[("GOFLAGS", "-bogus")]);
    assert_like_go(&["version"], &[("GOFLAGS", "notaflag")]);
    assert_like_go(&["version"], &[("GOFLAGS", "'-v")]);
    assert_like_go(&["version"], &[("GOFLAGS", "-m=maybe")]);
    assert_like_go(&["env", "GOOS"], &[("GOFLAGS", "-json=maybe")]);
    assert_like_go(&["env", "GOOS"], &[("GOFLAGS", "-C=/tmp")]);
    assert_like_go(&["env", "GOOS"], &[("GOFLAGS", "-C")]);
    assert_like_go(&["env", "GOFLAGS"], &[("GOFLAGS", "-bogus 'x")]);
    assert_like_go(&["tool", "xyz"], &[("GOFLAGS", "-bogus")]);
}

#[test]
fn build_configuration_errors() {
    assert_like_go(&["version"], &[("GOARM64", "v7")]);
    assert_like_go(&["version"], &[("GOEXPERIMENT", "bogus")]);
    assert_like_go(&["env", "GOOS"], &[("GOPATH", "rel")]);
    assert_like_go(&["env", "GOOS"], &[("GOROOT", "/nonexistent/goroot")]);
    assert_like_go(&["version"], &[("GOROOT", "/nonexistent/goroot")]);
}

#[test]
fn build_outputs_go_refuses_to_replace() {
    let dir = TempDir::new("buildout");
    let root = dir.path();
    std::fs::write(root.join("go.mod"), "module example.com/m\n\ngo 1.27\n").unwrap();
    let pkg = root.join("myprog");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("main.go"), "package main\n\nfunc main() {}\n").unwrap();
    // The default output name is the package's directory.
    assert_like_go_in(&dir, root, &["build", "./myprog"], &[]);
    // A non-empty file that is not an object file is never replaced.
    std::fs::write(pkg.join("myprog"), "notes\n").unwrap();
    assert_like_go_in(&dir, &pkg, &["build"], &[]);
    std::fs::write(root.join("x.txt"), "notes\n").unwrap();
    assert_like_go_in(&dir, root, &["build", "-o", "x.txt", "./myprog"], &[]);
    // `-o /dev/null` writes nothing (a linker would replace the device).
    assert_like_go_in(&dir, root, &["build", "-o", "/dev/null", "./myprog"], &[]);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "/dev/null was replaced");
}

#[test]
fn usage_without_command() {
    let dir = TempDir::new("usage");
    let env = base_env(dir.path(), &[]);
    for args in [&[][..], &["-x"][..], &["-h"][..], &["--"][..], &["-C"][..]] {
        let want = go(args, dir.path(), &env);
        let got = goxide(args, dir.path(), &env);
        assert_eq!(got.code, want.code, "{args:?}");
        assert_eq!(got.code, 2);
        assert!(got.stdout.is_empty());
        let first_go = want.stderr_str().lines().next().unwrap_or("").to_string();
        let first = got.stderr_str().lines().next().unwrap_or("").to_string();
        if first_go.starts_with("flag provided") {
            assert_eq!(first, first_go, "{args:?}");
        }
        assert!(
            got.stderr_str()
                .contains("\nUsage:\n\n\tgoxide <command> [arguments]\n\nThe commands are:\n")
        );
        assert!(
            got.stderr_str().ends_with(
                "Use \"goxide help <topic>\" for more information about that topic.\n\n"
            )
        );
    }
    // `goxide help` prints the same text to stdout and succeeds.
    let help = goxide(&["help"], dir.path(), &env);
    let none = goxide(&[], dir.path(), &env);
    assert_eq!((help.code, help.stdout_str()), (0, none.stderr_str()));
    assert!(
        help.stdout_str()
            .contains("\ttest        test packages (not yet implemented)\n")
    );
}

#[test]
fn unimplemented_commands_say_so() {
    let dir = TempDir::new("unimpl");
    let env = base_env(dir.path(), &[]);
    for cmd in ["test", "install"] {
        let out = goxide(&[cmd, "./..."], dir.path(), &env);
        assert_eq!(out.code, 2, "{cmd}");
        assert_eq!(
            out.stderr_str(),
            format!("goxide {cmd}: not yet implemented\nRun 'goxide help {cmd}' for details.\n")
        );
    }
}

#[test]
fn version_format() {
    let dir = TempDir::new("version");
    let env = base_env(dir.path(), &[]);
    let want = go(&["version"], dir.path(), &env);
    let got = goxide(&["version"], dir.path(), &env);
    // go prints `go version go1.27.3 linux/amd64`; goxide reads the Go
    // version from $GOROOT/VERSION and names itself.
    assert_eq!(got.code, 0);
    assert_eq!(
        got.stdout_str(),
        format!("goxide {}", want.stdout_str().strip_prefix("go ").unwrap())
    );
    let goroot_version = std::fs::read_to_string(reference_goroot().join("VERSION")).unwrap();
    assert!(
        got.stdout_str()
            .contains(goroot_version.lines().next().unwrap())
    );
}

#[test]
fn missing_goroot_is_a_clear_error() {
    // An explicit GOROOT without src/ (goxide needs the sources).
    let dir = TempDir::new("nogoroot");
    dir.mkdir("fakeroot/pkg");
    let env = base_env(
        dir.path(),
        &[("GOROOT", &dir.path().join("fakeroot").to_string_lossy())],
    );
    let out = goxide(&["env"], dir.path(), &env);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr_str().starts_with("goxide: GOROOT ")
            && out.stderr_str().contains("has no src directory")
    );
    assert_eq!(out.stderr_str().lines().count(), 1);
    // Commands that do not need GOROOT still work.
    let out = goxide(&["help"], dir.path(), &env);
    assert_eq!(out.code, 0);
}
