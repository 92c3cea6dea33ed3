//! What the `compile` and `run` benches share: building one import-free Go
//! file with both compilers, running the executables, and comparing what
//! they print.
//!
//! Builds are [`Contender`]s (so a bench can time them with the
//! [`runner`](super::runner)): `go -C DIR build -o OUT FILE` and
//! `goxide -C DIR build -o OUT FILE`, `-C` so that the bench's own working
//! directory (possibly inside some module) never changes what is built.
//! Both run with the reference GOROOT, `GOFLAGS` empty,
//! `GOTOOLCHAIN=local`, `GOPROXY=off`, `GOWORK=off`, `GO111MODULE` unset
//! and `CGO_ENABLED=0` (goxide's executables are static; an import-free
//! program needs no cgo either way); gc's `GOCACHE` is the caller's
//! choice, because it is what "cold" and "warm" mean for gc.
//!
//! Invariants: a program's result is compared whole (exit status, stdout
//! and stderr — import-free programs print with `println`, i.e. to
//! stderr), never just a line of it; nothing here times anything.

use super::runner::Contender;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The reference go, its GOROOT, and the goxide binary under test.
pub struct Toolchains {
    pub goroot: PathBuf,
    pub go: PathBuf,
    pub goxide: PathBuf,
}

impl Toolchains {
    /// The reference go (`scripts/goroot.sh`) and goxide (`GOXIDE_BIN`, or
    /// the release build).
    pub fn find(repo: &Path) -> Result<Toolchains, String> {
        let goroot = super::reference_goroot(repo)?;
        let go = goroot.join("bin").join("go");
        let goxide = super::goxide_binary(repo)?;
        Ok(Toolchains { goroot, go, goxide })
    }

    fn common(&self, c: Contender) -> Contender {
        c.env("GOROOT", &self.goroot)
            .env("GOFLAGS", "")
            .env("GOTOOLCHAIN", "local")
            .env("GOPROXY", "off")
            .env("GOWORK", "off")
            .env("GO111MODULE", "")
            .env("CGO_ENABLED", "0")
    }

    /// `go -C dir build -o out file` with `GOCACHE=gocache`.
    pub fn go_build(
        &self,
        label: &str,
        gocache: &Path,
        dir: &Path,
        file: &str,
        out: &Path,
    ) -> Contender {
        self.common(Contender::new(label, &self.go))
            .env("GOCACHE", gocache)
            .arg("-C")
            .arg(dir)
            .arg("build")
            .arg("-o")
            .arg(out)
            .arg(file)
    }

    /// `goxide -C dir build -o out file`.
    pub fn goxide_build(&self, label: &str, dir: &Path, file: &str, out: &Path) -> Contender {
        self.common(Contender::new(label, &self.goxide))
            .arg("-C")
            .arg(dir)
            .arg("build")
            .arg("-o")
            .arg(out)
            .arg(file)
    }
}

/// What a program printed and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramResult {
    /// `exit status N` or `killed by signal N`.
    pub exit: String,
    pub stdout: String,
    pub stderr: String,
}

impl ProgramResult {
    pub fn success(&self) -> bool {
        self.exit == "exit status 0"
    }

    /// A short account for messages: how it ended and the first lines of
    /// stderr.
    pub fn summary(&self) -> String {
        let mut s = self.exit.clone();
        let head = first_lines(&self.stderr, 4);
        if !head.is_empty() {
            s.push_str("; stderr: ");
            s.push_str(&head);
        }
        s
    }
}

/// Runs `exe` (no arguments, stdin closed) to its end.
pub fn run_program(exe: &Path) -> Result<ProgramResult, String> {
    use std::os::unix::process::ExitStatusExt;
    let o = Command::new(exe)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    let exit = match (o.status.code(), o.status.signal()) {
        (Some(c), _) => format!("exit status {c}"),
        (None, Some(s)) => format!("killed by signal {s}"),
        (None, None) => "ended somehow".to_string(),
    };
    Ok(ProgramResult {
        exit,
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    })
}

/// `Ok` when `got` (goxide's executable) printed exactly what `want`
/// (gc's) did; otherwise says where they part.
pub fn compare(want: &ProgramResult, got: &ProgramResult) -> Result<(), String> {
    if want == got {
        return Ok(());
    }
    let mut why = Vec::new();
    if want.exit != got.exit {
        why.push(format!(
            "gc's ended with {}, goxide's with {}",
            want.exit, got.exit
        ));
    }
    for (stream, w, g) in [
        ("stdout", &want.stdout, &got.stdout),
        ("stderr", &want.stderr, &got.stderr),
    ] {
        if w != g {
            let line = w
                .lines()
                .zip(g.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| w.lines().count().min(g.lines().count()));
            why.push(format!(
                "{stream} differs at line {}: gc {:?}, goxide {:?}",
                line + 1,
                w.lines().nth(line).unwrap_or("<end>"),
                g.lines().nth(line).unwrap_or("<end>")
            ));
        }
    }
    Err(why.join("; "))
}

/// What a failed goxide build says, in one line: the undefined symbols
/// when the link failed on them (the runtime lacks what the program needs),
/// otherwise its first error lines (the `# package` header left out), each
/// cut to 200 characters.
pub fn build_error_summary(stderr: &str) -> String {
    let mut missing: Vec<&str> = Vec::new();
    for line in stderr.lines() {
        if let Some((_, symbol)) = line.split_once("undefined symbol: ") {
            let symbol = symbol.trim();
            if !missing.contains(&symbol) {
                missing.push(symbol);
            }
        }
    }
    if !missing.is_empty() {
        return format!("link: undefined symbols {}", missing.join(", "));
    }
    stderr
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
        .take(3)
        .map(|l| match l.char_indices().nth(200) {
            Some((cut, _)) => format!("{}…", &l[..cut]),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The first `n` non-empty lines of `text`, joined by " | ".
pub fn first_lines(text: &str, n: usize) -> String {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .take(n)
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(exit: &str, stdout: &str, stderr: &str) -> ProgramResult {
        ProgramResult {
            exit: exit.into(),
            stdout: stdout.into(),
            stderr: stderr.into(),
        }
    }

    #[test]
    fn compare_names_the_first_differing_line() {
        let gc = result("exit status 0", "", "a 1\nb 2\n");
        assert!(compare(&gc, &gc.clone()).is_ok());
        let e = compare(&gc, &result("exit status 0", "", "a 1\nb 3\n")).unwrap_err();
        assert!(e.contains("stderr differs at line 2"), "{e}");
        assert!(e.contains("\"b 2\"") && e.contains("\"b 3\""), "{e}");
        let e = compare(&gc, &result("killed by signal 11", "", "")).unwrap_err();
        assert!(e.contains("goxide's with killed by signal 11"), "{e}");
        assert!(e.contains("line 1"), "{e}");
    }

    #[test]
    fn run_program_reports_signals_and_both_streams() {
        let r = run_program(Path::new("/bin/true")).unwrap();
        assert!(r.success());
        let dir = std::env::temp_dir().join(format!("goxide-bench-gofile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("s.sh");
        std::fs::write(
            &script,
            "#!/bin/sh\necho out\necho err >&2\nkill -SEGV $$\n",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let r = run_program(&script).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(r.exit, "killed by signal 11");
        assert_eq!(r.stdout, "out\n");
        assert_eq!(r.stderr, "err\n");
        assert_eq!(r.summary(), "killed by signal 11; stderr: err");
    }

    #[test]
    fn build_errors_name_missing_symbols_or_the_first_lines() {
        let link = "# command-line-arguments\ngoxide: link: link failed: rust-lld ...\nrust-lld: error: undefined symbol: goxide_rt_makemap\n>>> referenced by main\nrust-lld: error: undefined symbol: goxide_rt_mapassign\nrust-lld: error: undefined symbol: goxide_rt_makemap\n";
        assert_eq!(
            build_error_summary(link),
            "link: undefined symbols goxide_rt_makemap, goxide_rt_mapassign"
        );
        let unsupported = "# command-line-arguments\ngoxide: not supported yet: this expression statement at ./spawn.go:36:2\n";
        assert_eq!(
            build_error_summary(unsupported),
            "goxide: not supported yet: this expression statement at ./spawn.go:36:2"
        );
        let long = "x".repeat(300);
        assert_eq!(build_error_summary(&long).chars().count(), 201);
    }

    #[test]
    fn first_lines_skips_blanks() {
        assert_eq!(first_lines("\nx\n\ny\nz\n", 2), "x | y");
    }
}
