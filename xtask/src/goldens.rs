//! `cargo xtask goldens [--check] [--corpus syntax|types|run] [-j N] [NAME...]`:
//! (re)generates the expected output of every program of the golden corpora
//! by running the reference go on it. There are three corpora:
//!
//! - `tests/syntax/`: malformed programs (gc's parse-stage errors), scored
//!   by `crates/goxide/tests/syntax_goldens.rs`;
//! - `tests/types/`: ill-typed programs that parse (gc's type errors),
//!   scored by `crates/goxide/tests/types_goldens.rs`;
//! - `tests/run/`: programs that build and run; their `.out` is the exit
//!   status, stdout and stderr of gc's build run (see `run_golden_for` and
//!   `goxide_testing::runs`), checked by `crates/goxide/tests/run_goldens.rs`.
//!
//! All by default; `--corpus` picks one. What follows describes the first
//! two; the run corpus shares the naming rules, `--check` and `-j`.
//!
//! How: for each `<corpus>/NNN_name.go` a fresh directory holding only a
//! copy of that file is made, and `go build -o <elsewhere> NNN_name.go` runs
//! there with a controlled environment (`env_clear`, then GOROOT, GOFLAGS=,
//! GO111MODULE=, GOTOOLCHAIN=local, CGO_ENABLED=0, GOENV=off, and
//! HOME/GOPATH/GOCACHE inside a temporary directory made fresh for this
//! run). The result is written to `NNN_name.out`:
//!
//! ```text
//! exit N
//! <go's stdout verbatim><go's stderr verbatim>
//! ```
//!
//! (go build writes nothing to stdout; its stderr starts with
//! `# command-line-arguments` followed by gc's `./NNN_name.go:L:C: msg` lines.)
//! The binary goes to a path outside the source directory, not /dev/null:
//! cmd/go removes and rewrites `-o` targets that are regular files, and on a
//! machine where /dev/null has been replaced by a regular file a program that
//! built by mistake would clobber it. The diagnostics are the same either way.
//!
//! The reference go is `<repo>/.goroot-pkg/go` (installed by
//! `scripts/setup.sh`), or `$GOXIDE_TEST_GOROOT` if set.
//!
//! Invariants enforced (an error, nothing written for the offending program):
//! - program names match `NNN_[a-z0-9_]+.go`, numbers are unique within a
//!   corpus, and no name ends in a GOOS/GOARCH/test suffix (cmd/go would
//!   apply a build constraint to it);
//! - go exits non-zero and its output starts with `# command-line-arguments`
//!   followed by at least one diagnostic: the error came from gc, not from
//!   cmd/go's own pre-parse of the file header;
//! - the output does not mention the temporary directory (it must be
//!   reproducible on any machine);
//! - `tests/types/` only: no `syntax error:` line (the program must parse,
//!   or gc would never type-check it), and every diagnostic line is a
//!   position in the program itself (`./NNN_name.go:L:C: ...`) or a
//!   tab-indented continuation of a multi-line message: this keeps out
//!   errors gc does not make, such as the linker's `function main is
//!   undeclared in the main package`.
//!
//! `--check` writes nothing: it fails if any `.out` differs from what go
//! prints now, is missing, or has no `.go`. Without `--check`, `.out` files
//! without a `.go` are deleted. Results do not depend on `-j` (default: the
//! machine's parallelism, at most 4).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One golden corpus: a directory of `NNN_name.go` programs with their `.out`.
struct Corpus {
    /// The `--corpus` name.
    name: &'static str,
    /// Directory, relative to the repository root.
    dir: &'static str,
    /// Checks go's output for a program beyond the common invariants.
    validate: fn(program: &str, output: &str) -> Result<(), String>,
    /// What the golden records.
    kind: GoldenKind,
}

/// What a corpus's `.out` files record.
#[derive(Clone, Copy, PartialEq, Eq)]
enum GoldenKind {
    /// gc's diagnostics for a program that does not build.
    Errors,
    /// The exit status, stdout and stderr of the program built by gc and
    /// run (`goxide_testing::runs`' format).
    Runs,
}

/// The corpora, in the order they are processed.
const CORPORA: &[Corpus] = &[
    Corpus {
        name: "syntax",
        dir: "tests/syntax",
        validate: |_, _| Ok(()),
        kind: GoldenKind::Errors,
    },
    Corpus {
        name: "types",
        dir: "tests/types",
        validate: validate_type_errors,
        kind: GoldenKind::Errors,
    },
    Corpus {
        name: "run",
        dir: "tests/run",
        validate: |_, _| Ok(()),
        kind: GoldenKind::Runs,
    },
];

/// `tests/types/`: gc's verdict must be type errors in the program itself.
/// `output` is go's output after the `exit N` line.
fn validate_type_errors(program: &str, output: &str) -> Result<(), String> {
    let prefix = format!("./{program}:");
    for line in output.lines().skip(1) {
        if line.contains(": syntax error: ") {
            return Err(format!(
                "gc reports a syntax error (the program must parse): {line}"
            ));
        }
        if !line.starts_with(&prefix) && !line.starts_with('\t') {
            return Err(format!(
                "not a diagnostic of the program (want `{prefix}L:C: ...` or a tab-indented continuation): {line}"
            ));
        }
    }
    Ok(())
}

/// Name suffixes that make cmd/go apply an implicit build constraint
/// (go/build's known GOOS and GOARCH lists, plus `_test`).
const CONSTRAINT_SUFFIXES: &str = "test \
    aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 \
    solaris wasip1 windows zos \
    386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 \
    mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm";

struct Options {
    check: bool,
    jobs: usize,
    /// `--corpus NAME`: only that corpus (None: all).
    corpus: Option<String>,
    filters: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut opts = Options {
        check: false,
        corpus: None,
        jobs: std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(4),
        filters: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => opts.check = true,
            "--corpus" => {
                let c = it.next().ok_or("--corpus needs a name")?;
                if !CORPORA.iter().any(|k| k.name == c) {
                    let names: Vec<&str> = CORPORA.iter().map(|k| k.name).collect();
                    return Err(format!(
                        "--corpus: unknown corpus {c:?} (have {})",
                        names.join(", ")
                    ));
                }
                opts.corpus = Some(c.clone());
            }
            "-j" => {
                let n = it.next().ok_or("-j needs a number")?;
                opts.jobs = n.parse().map_err(|_| format!("-j: bad number {n:?}"))?;
                if opts.jobs == 0 {
                    return Err("-j must be at least 1".into());
                }
            }
            "-h" | "--help" => {
                return Err("usage: cargo xtask goldens [--check] [--corpus syntax|types|run] [-j N] [NAME...]\n  \
                    regenerates tests/{syntax,types,run}/*.out from the reference go;\n  \
                    --check verifies them without writing; --corpus picks one corpus;\n  \
                    NAMEs select programs by substring"
                    .into());
            }
            s if s.starts_with('-') => return Err(format!("unknown flag {s}")),
            s => opts.filters.push(s.to_string()),
        }
    }
    Ok(opts)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = parse_args(args)?;
    let root = repo_root();
    let goroot = reference_goroot(&root)?;
    let mut problems = Vec::new();
    let mut matched = 0;
    for corpus in CORPORA {
        if opts.corpus.as_deref().is_some_and(|c| c != corpus.name) {
            continue;
        }
        match run_corpus(&opts, &goroot, corpus, &root.join(corpus.dir)) {
            Ok(n) => matched += n,
            Err(e) => problems.push(format!("{}: {e}", corpus.dir)),
        }
    }
    if matched == 0 && problems.is_empty() {
        return Err("no program matches".into());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Regenerates (or checks) one corpus; returns how many programs matched
/// the filters (0: nothing done).
fn run_corpus(
    opts: &Options,
    goroot: &Path,
    kind: &Corpus,
    corpus: &Path,
) -> Result<usize, String> {
    let programs = list_programs(corpus)?;
    let selected: Vec<&String> = programs
        .iter()
        .filter(|p| opts.filters.is_empty() || opts.filters.iter().any(|f| p.contains(f.as_str())))
        .collect();
    if selected.is_empty() {
        return Ok(0);
    }

    let tmp = TempDir::new()?;
    let results: Vec<Mutex<Option<Result<Vec<u8>, String>>>> =
        selected.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..opts.jobs.min(selected.len()) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= selected.len() {
                        break;
                    }
                    let r = match kind.kind {
                        GoldenKind::Errors => golden_for(goroot, corpus, kind, selected[i], i, &tmp.path),
                        GoldenKind::Runs => run_golden_for(goroot, corpus, selected[i], i, &tmp.path),
                    };
                    *results[i].lock().unwrap() = Some(r);
                    let n = done.fetch_add(1, Ordering::SeqCst) + 1;
                    if n % 25 == 0 || n == selected.len() {
                        eprintln!("goldens: {}: {n}/{} programs run", kind.dir, selected.len());
                    }
                }
            });
        }
    });

    let mut problems = Vec::new();
    let mut changed = 0;
    for (name, slot) in selected.iter().zip(results) {
        let out_path = corpus.join(out_name(name));
        let got = match slot.into_inner().unwrap().expect("every program was run") {
            Ok(b) => b,
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let old = fs::read(&out_path).ok();
        if old.as_deref() == Some(&got[..]) {
            continue;
        }
        changed += 1;
        if opts.check {
            let what = if old.is_none() {
                "missing"
            } else {
                "differs from go's output"
            };
            problems.push(format!(
                "{}: {what}; go now says:\n{}",
                out_name(name),
                indent(&got)
            ));
        } else {
            fs::write(&out_path, &got).map_err(|e| format!("write {}: {e}", out_path.display()))?;
            eprintln!("goldens: wrote {}/{}", kind.dir, out_name(name));
        }
    }

    // .out files without a program (only when regenerating everything).
    if opts.filters.is_empty() {
        for stale in stale_outs(corpus, &programs)? {
            if opts.check {
                problems.push(format!("{stale}: no matching .go program"));
            } else {
                let p = corpus.join(&stale);
                fs::remove_file(&p).map_err(|e| format!("remove {}: {e}", p.display()))?;
                eprintln!("goldens: removed stale {}/{stale}", kind.dir);
            }
        }
    }

    if problems.is_empty() {
        if opts.check {
            eprintln!(
                "goldens: {}: {} .out files match the reference go",
                kind.dir,
                selected.len()
            );
        } else {
            eprintln!(
                "goldens: {}: {} programs, {changed} .out files updated",
                kind.dir,
                selected.len()
            );
        }
        Ok(selected.len())
    } else {
        Err(format!(
            "{} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        ))
    }
}

/// The repository root: xtask lives in `<root>/xtask`.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent")
        .to_path_buf()
}

fn reference_goroot(root: &Path) -> Result<PathBuf, String> {
    let goroot = match std::env::var_os("GOXIDE_TEST_GOROOT") {
        Some(g) if !g.is_empty() => PathBuf::from(g),
        _ => root.join(".goroot-pkg/go"),
    };
    if !goroot.join("bin/go").is_file() {
        return Err(format!(
            "reference go not found: {} does not exist; run scripts/setup.sh \
             (or set GOXIDE_TEST_GOROOT to a Go 1.27.3 GOROOT)",
            goroot.join("bin/go").display()
        ));
    }
    // Canonical, so that GOROOT never contains a symlink cmd/go would resolve
    // differently from us.
    goroot
        .canonicalize()
        .map_err(|e| format!("{}: {e}", goroot.display()))
}

/// The sorted `.go` program names of the corpus, validated.
fn list_programs(corpus: &Path) -> Result<Vec<String>, String> {
    let rd = fs::read_dir(corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut names = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| e.to_string())?;
        let name = ent.file_name().to_string_lossy().into_owned();
        if name.ends_with(".go") {
            names.push(name);
        }
    }
    names.sort();
    let mut numbers: BTreeMap<&str, &str> = BTreeMap::new();
    let mut bad = Vec::new();
    for n in &names {
        if let Err(e) = check_name(n) {
            bad.push(format!("{n}: {e}"));
        } else if let Some(prev) = numbers.insert(&n[..3], n) {
            bad.push(format!("{n}: number {} already used by {prev}", &n[..3]));
        }
    }
    if !bad.is_empty() {
        return Err(format!("bad program names:\n{}", bad.join("\n")));
    }
    Ok(names)
}

/// A program name is `NNN_words.go`, words in `[a-z0-9_]`, with no suffix
/// that cmd/go would read as a build constraint.
fn check_name(name: &str) -> Result<(), String> {
    let stem = name.strip_suffix(".go").ok_or("not a .go file")?;
    let b = stem.as_bytes();
    let ok = b.len() > 4
        && b[..3].iter().all(u8::is_ascii_digit)
        && b[3] == b'_'
        && b[4..]
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_');
    if !ok {
        return Err("want NNN_short_description.go ([a-z0-9_])".into());
    }
    let parts: Vec<&str> = stem[4..].split('_').collect();
    for p in parts.iter().rev().take(2) {
        if CONSTRAINT_SUFFIXES.split_whitespace().any(|s| s == *p) {
            return Err(format!("suffix _{p} makes cmd/go apply a build constraint"));
        }
    }
    Ok(())
}

fn out_name(go_name: &str) -> String {
    format!("{}.out", go_name.strip_suffix(".go").unwrap_or(go_name))
}

fn stale_outs(corpus: &Path, programs: &[String]) -> Result<Vec<String>, String> {
    let mut stale = Vec::new();
    for ent in fs::read_dir(corpus).map_err(|e| e.to_string())? {
        let name = ent
            .map_err(|e| e.to_string())?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(stem) = name.strip_suffix(".out") {
            if !programs.iter().any(|p| p.strip_suffix(".go") == Some(stem)) {
                stale.push(name);
            }
        }
    }
    stale.sort();
    Ok(stale)
}

/// Runs the reference go on one program; returns the `.out` contents.
fn golden_for(
    goroot: &Path,
    corpus: &Path,
    kind: &Corpus,
    name: &str,
    idx: usize,
    tmp: &Path,
) -> Result<Vec<u8>, String> {
    let work = tmp.join(format!("p{idx}"));
    let src_dir = work.join("src");
    fs::create_dir_all(&src_dir).map_err(|e| e.to_string())?;
    fs::copy(corpus.join(name), src_dir.join(name)).map_err(|e| format!("copy: {e}"))?;
    let bin = work.join("bin");
    let path = format!("{}:/usr/bin:/bin", goroot.join("bin").display());
    let output = Command::new(goroot.join("bin/go"))
        .args(["build", "-o"])
        .arg(&bin)
        .arg(name)
        .current_dir(&src_dir)
        .env_clear()
        .env("PATH", path)
        .env("GOROOT", goroot)
        .env("GOFLAGS", "")
        .env("GO111MODULE", "")
        .env("GOTOOLCHAIN", "local")
        .env("CGO_ENABLED", "0")
        .env("GOENV", "off")
        .env("HOME", tmp.join("home"))
        .env("GOPATH", tmp.join("gopath"))
        .env("GOCACHE", tmp.join("gocache"))
        .env("TMPDIR", tmp)
        .output()
        .map_err(|e| format!("running go: {e}"))?;
    let code = output
        .status
        .code()
        .ok_or_else(|| format!("go killed by a signal: {}", output.status))?;
    let mut golden = format!("exit {code}\n").into_bytes();
    golden.extend_from_slice(&output.stdout);
    golden.extend_from_slice(&output.stderr);
    let _ = fs::remove_dir_all(&work);

    let text = String::from_utf8_lossy(&golden);
    if code == 0 {
        return Err("go build succeeded: not a malformed program".into());
    }
    let body = &text[text.find('\n').map_or(0, |i| i + 1)..];
    let Some(diags) = body.strip_prefix("# command-line-arguments\n") else {
        return Err(format!(
            "output is not gc's (cmd/go rejected the file itself?):\n{}",
            indent(body.as_bytes())
        ));
    };
    if diags.trim().is_empty() {
        return Err("gc reported no diagnostic".into());
    }
    (kind.validate)(name, body)?;
    let tmp_str = tmp.to_string_lossy();
    if text.contains(tmp_str.as_ref()) {
        return Err(format!(
            "output mentions the temporary directory:\n{}",
            indent(&golden)
        ));
    }
    Ok(golden)
}

/// The environment the reference go runs in (see the module header).
fn go_command(goroot: &Path, tmp: &Path) -> Command {
    let mut cmd = Command::new(goroot.join("bin/go"));
    let path = format!("{}:/usr/bin:/bin", goroot.join("bin").display());
    cmd.env_clear()
        .env("PATH", path)
        .env("GOROOT", goroot)
        .env("GOFLAGS", "")
        .env("GO111MODULE", "")
        .env("GOTOOLCHAIN", "local")
        .env("CGO_ENABLED", "0")
        .env("GOENV", "off")
        .env("HOME", tmp.join("home"))
        .env("GOPATH", tmp.join("gopath"))
        .env("GOCACHE", tmp.join("gocache"))
        .env("TMPDIR", tmp);
    cmd
}

/// `tests/run/`: builds the program with the reference go (it must
/// build), runs it in an empty directory with an empty environment and
/// no input (at most 10 s), and records its exit status, stdout and
/// stderr in `goxide_testing::runs`' format, the traceback's frames cut
/// (they hold machine-dependent paths and addresses).
fn run_golden_for(goroot: &Path, corpus: &Path, name: &str, idx: usize, tmp: &Path) -> Result<Vec<u8>, String> {
    use goxide_testing::runs::{render, without_traceback_frames, RunOutput};
    let work = tmp.join(format!("p{idx}"));
    let src_dir = work.join("src");
    fs::create_dir_all(&src_dir).map_err(|e| e.to_string())?;
    fs::copy(corpus.join(name), src_dir.join(name)).map_err(|e| format!("copy: {e}"))?;
    let bin = work.join("prog");
    let built = go_command(goroot, tmp)
        .args(["build", "-o"])
        .arg(&bin)
        .arg(name)
        .current_dir(&src_dir)
        .output()
        .map_err(|e| format!("running go: {e}"))?;
    if !built.status.success() {
        return Err(format!("go build failed:\n{}", indent(&built.stderr)));
    }
    let run_dir = work.join("run");
    fs::create_dir_all(&run_dir).map_err(|e| e.to_string())?;
    let mut cmd = Command::new(&bin);
    cmd.current_dir(&run_dir).env_clear();
    let out = goxide_testing::process::run_with_timeout(&mut cmd, std::time::Duration::from_secs(10));
    let _ = fs::remove_dir_all(&work);
    if out.timed_out {
        return Err("the program did not finish within 10s".into());
    }
    let exit = out.exit.ok_or("the program was killed by a signal")?;
    let golden = render(&RunOutput { exit, stdout: out.stdout, stderr: without_traceback_frames(&out.stderr) });
    if String::from_utf8_lossy(&golden).contains(tmp.to_string_lossy().as_ref()) {
        return Err(format!("output mentions the temporary directory:\n{}", indent(&golden)));
    }
    Ok(golden)
}

fn indent(b: &[u8]) -> String {
    String::from_utf8_lossy(b)
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect()
}

/// A uniquely named temporary directory, removed on drop.
struct TempDir {
    path: PathBuf,
}

impl TempDir {
    fn new() -> Result<TempDir, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("goxide-goldens-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        // Canonical, so that the "mentions the temporary directory" check
        // sees the same spelling go prints.
        let path = path.canonicalize().map_err(|e| e.to_string())?;
        Ok(TempDir { path })
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        make_writable(&self.path);
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Go's module cache is read-only; make a tree removable.
fn make_writable(p: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = fs::symlink_metadata(p) {
        if meta.is_dir() {
            let _ = fs::set_permissions(p, fs::Permissions::from_mode(0o755));
            if let Ok(rd) = fs::read_dir(p) {
                for e in rd.flatten() {
                    make_writable(&e.path());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(check_name("001_stmt_outside_func.go").is_ok());
        assert!(check_name("001_path_linux.go").is_err());
        assert!(check_name("001_linux_amd64.go").is_err());
        assert!(check_name("001_x_test.go").is_err());
        assert!(check_name("01_x.go").is_err());
        assert!(check_name("001_X.go").is_err());
        assert!(check_name("001_.go").is_err());
        assert_eq!(out_name("001_a.go"), "001_a.out");
    }

    #[test]
    fn type_corpus_output_must_be_the_programs_type_errors() {
        let ok = "# command-line-arguments\n./001_a.go:3:2: declared and not used: x\n\
                  ./001_a.go:4:9: not enough return values\n\thave (int)\n\twant (int, error)\n";
        assert_eq!(validate_type_errors("001_a.go", ok), Ok(()));
        let syntax = "# command-line-arguments\n./001_a.go:3:2: syntax error: unexpected }\n";
        assert!(validate_type_errors("001_a.go", syntax).is_err());
        let link = "# command-line-arguments\nruntime.main_main·f: function main is undeclared in the main package\n";
        assert!(validate_type_errors("001_a.go", link).is_err());
        let other = "# command-line-arguments\n./002_b.go:3:2: undefined: x\n";
        assert!(validate_type_errors("001_a.go", other).is_err());
    }
}
