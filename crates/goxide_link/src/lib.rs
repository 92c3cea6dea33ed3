//! goxide_link: object files + the goxide runtime archive → one static
//! executable (gc's `cmd/link` role, with LLVM's lld doing the work).
//!
//! How: the link measured in `shared/notes/backend-spike.md`:
//!
//! ```text
//! rust-lld -flavor gnu -static -nostdlib --gc-sections [--strip-all|--strip-debug] -o OUT \
//!   SC/crt1.o SC/crti.o SC/crtbegin.o  OBJECTS  libgoxide_runtime.a  SC/libc.a  SC/crtend.o SC/crtn.o
//! ```
//!
//! where SC is `<sysroot>/lib/rustlib/<arch>-unknown-linux-musl/lib/self-contained`
//! (musl's start files and `libc.a`, shipped with Rust's musl targets) and
//! rust-lld is `<sysroot>/lib/rustlib/<host>/bin/rust-lld`. The runtime is
//! `no_std` with `panic=abort`, so `libunwind.a` is not needed. When
//! rust-lld is missing and the target is the host's architecture, the
//! system `cc` drives the same link (`-static -no-pie -nostdlib`).
//!
//! Where things are found (decided at goxide's **build** time, by
//! build.rs): the Rust sysroot of the compiler that built goxide, and the
//! runtime archives that build.rs built with it. The CRT, `libc.a`, lld and
//! the runtime then always come from one toolchain, and a link spends no
//! time asking rustc. goxide runs on the machine that built it (the
//! toolchain must still be there); if it is gone, [`LinkError`] says to run
//! `scripts/setup.sh` and rebuild.
//!
//! Invariants: never runs gc's tools or links anything gc built; the
//! output is a static ELF executable (no `PT_INTERP`, no dynamic section)
//! or an error that names the missing piece and the command that fixes it.
//! Later: `-X` string variables, a Go build id note.

use std::fmt;
use std::path::PathBuf;
use std::process::Command;

/// A target architecture (GOARCH); the OS is always Linux, the libc musl.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arch {
    X86_64,
    Aarch64,
}

impl Arch {
    pub const ALL: [Arch; 2] = [Arch::X86_64, Arch::Aarch64];

    /// The Rust target whose runtime archive and CRT this arch links with.
    pub fn musl_triple(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-unknown-linux-musl",
            Arch::Aarch64 => "aarch64-unknown-linux-musl",
        }
    }

    /// Go's name for it (`GOARCH`).
    pub fn goarch(self) -> &'static str {
        match self {
            Arch::X86_64 => "amd64",
            Arch::Aarch64 => "arm64",
        }
    }

    /// The arch of the machine goxide runs on, if it is one it targets.
    pub fn host() -> Option<Arch> {
        match std::env::consts::ARCH {
            "x86_64" => Some(Arch::X86_64),
            "aarch64" => Some(Arch::Aarch64),
            _ => None,
        }
    }
}

/// How much to strip, as go build's `-ldflags`: `-w` drops DWARF, `-s` the
/// symbol table too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Strip {
    #[default]
    Nothing,
    /// `-w`: no debug information (`--strip-debug`).
    DebugInfo,
    /// `-s`: no symbol table, no debug information (`--strip-all`).
    All,
}

/// One link: these objects, for this arch, into this executable.
#[derive(Clone, Debug)]
pub struct LinkJob {
    pub arch: Arch,
    pub objects: Vec<PathBuf>,
    pub output: PathBuf,
    pub strip: Strip,
}

/// The program that performs the link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Linker {
    /// rust-lld in its GNU ld flavour (the normal case).
    RustLld(PathBuf),
    /// A C compiler driver used only as a front for the system linker.
    Cc(PathBuf),
}

/// Where the link's inputs and tools are.
#[derive(Clone, Debug)]
pub struct Toolchain {
    /// The Rust sysroot holding the musl targets' self-contained CRT.
    pub sysroot: PathBuf,
    /// The host triple (where rust-lld lives under the sysroot).
    pub host_triple: String,
    /// The runtime archive per arch; `None` when it was not built.
    pub runtime_x86_64: Option<PathBuf>,
    pub runtime_aarch64: Option<PathBuf>,
}

impl Toolchain {
    /// The toolchain recorded when goxide was built (see the crate doc).
    pub fn from_build() -> Toolchain {
        let archive = |s: &str| (!s.is_empty()).then(|| PathBuf::from(s));
        Toolchain {
            sysroot: PathBuf::from(env!("GOXIDE_RUST_SYSROOT")),
            host_triple: env!("GOXIDE_RUST_HOST").to_string(),
            runtime_x86_64: archive(env!("GOXIDE_RUNTIME_ARCHIVE_X86_64")),
            runtime_aarch64: archive(env!("GOXIDE_RUNTIME_ARCHIVE_AARCH64")),
        }
    }

    /// The musl target's CRT objects and `libc.a`.
    pub fn self_contained_dir(&self, arch: Arch) -> PathBuf {
        self.sysroot
            .join("lib/rustlib")
            .join(arch.musl_triple())
            .join("lib/self-contained")
    }

    /// rust-lld's path (it may not exist).
    pub fn rust_lld(&self) -> PathBuf {
        self.sysroot
            .join("lib/rustlib")
            .join(&self.host_triple)
            .join("bin/rust-lld")
    }

    /// The runtime archive for `arch`, checked to exist.
    pub fn runtime_archive(&self, arch: Arch) -> Result<PathBuf, LinkError> {
        let recorded = match arch {
            Arch::X86_64 => &self.runtime_x86_64,
            Arch::Aarch64 => &self.runtime_aarch64,
        };
        match recorded {
            Some(p) if p.is_file() => Ok(p.clone()),
            other => Err(LinkError::MissingRuntime {
                arch,
                path: other.clone(),
            }),
        }
    }

    /// The linker to use for `arch`: rust-lld, else `cc` for the host's own
    /// architecture.
    pub fn linker(&self, arch: Arch) -> Result<Linker, LinkError> {
        let lld = self.rust_lld();
        if lld.is_file() {
            return Ok(Linker::RustLld(lld));
        }
        if Arch::host() == Some(arch)
            && let Some(cc) = find_in_path("cc")
        {
            return Ok(Linker::Cc(cc));
        }
        Err(LinkError::NoLinker {
            arch,
            rust_lld: lld,
        })
    }
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Why a link failed; each message says what to do.
#[derive(Debug)]
pub enum LinkError {
    /// The musl target's CRT is not installed.
    MissingTarget { arch: Arch, dir: PathBuf },
    /// The runtime archive for the arch was not built (or was removed).
    MissingRuntime { arch: Arch, path: Option<PathBuf> },
    /// Neither rust-lld nor (for the host arch) `cc` is there.
    NoLinker { arch: Arch, rust_lld: PathBuf },
    /// An input object does not exist.
    MissingObject(PathBuf),
    /// The linker could not be started.
    Spawn {
        linker: PathBuf,
        error: std::io::Error,
    },
    /// The linker ran and failed.
    Failed {
        command: String,
        status: std::process::ExitStatus,
        stderr: String,
    },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::MissingTarget { arch, dir } => write!(
                f,
                "the Rust target {} is not installed (no {}): run scripts/setup.sh",
                arch.musl_triple(),
                dir.display()
            ),
            LinkError::MissingRuntime {
                arch,
                path: Some(p),
            } => write!(
                f,
                "the goxide runtime for {} is missing ({}): rebuild goxide (cargo build)",
                arch.musl_triple(),
                p.display()
            ),
            LinkError::MissingRuntime { arch, path: None } => write!(
                f,
                "goxide was built without a runtime for {} (its Rust target was not installed): run scripts/setup.sh, then rebuild goxide",
                arch.musl_triple()
            ),
            LinkError::NoLinker { arch, rust_lld } => write!(
                f,
                "no linker for {}: rust-lld is not at {} (run scripts/setup.sh and rebuild goxide)",
                arch.goarch(),
                rust_lld.display()
            ),
            LinkError::MissingObject(p) => write!(f, "object file {} does not exist", p.display()),
            LinkError::Spawn { linker, error } => {
                write!(f, "cannot run the linker {}: {error}", linker.display())
            }
            LinkError::Failed {
                command,
                status,
                stderr,
            } => {
                write!(
                    f,
                    "link failed ({status}): {command}\n{}",
                    stderr.trim_end()
                )
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// Links `job` with the toolchain recorded at build time.
pub fn link(job: &LinkJob) -> Result<(), LinkError> {
    link_with(job, &Toolchain::from_build())
}

/// Links `job` with `toolchain`, choosing rust-lld (or the `cc` fallback).
pub fn link_with(job: &LinkJob, toolchain: &Toolchain) -> Result<(), LinkError> {
    let linker = toolchain.linker(job.arch)?;
    link_using(job, toolchain, &linker)
}

/// Links `job` with `toolchain` and the given linker.
pub fn link_using(job: &LinkJob, toolchain: &Toolchain, linker: &Linker) -> Result<(), LinkError> {
    let cmd = link_command(job, toolchain, linker)?;
    run_linker(cmd)
}

/// The linker's command line for `job`, after checking that every input
/// exists (what [`link_using`] runs; benches time it as a process).
pub fn link_command(
    job: &LinkJob,
    toolchain: &Toolchain,
    linker: &Linker,
) -> Result<Command, LinkError> {
    let sc = toolchain.self_contained_dir(job.arch);
    let crt = |name: &str| sc.join(name);
    for name in [
        "crt1.o",
        "crti.o",
        "crtbegin.o",
        "crtend.o",
        "crtn.o",
        "libc.a",
    ] {
        if !crt(name).is_file() {
            return Err(LinkError::MissingTarget {
                arch: job.arch,
                dir: sc,
            });
        }
    }
    let runtime = toolchain.runtime_archive(job.arch)?;
    if let Some(missing) = job.objects.iter().find(|o| !o.is_file()) {
        return Err(LinkError::MissingObject(missing.clone()));
    }

    // The inputs, in the order the start files need: crt1/crti/crtbegin
    // first, the program, the runtime, libc, then crtend/crtn.
    let mut inputs: Vec<PathBuf> = vec![crt("crt1.o"), crt("crti.o"), crt("crtbegin.o")];
    inputs.extend(job.objects.iter().cloned());
    inputs.extend([runtime, crt("libc.a"), crt("crtend.o"), crt("crtn.o")]);

    let mut cmd = match linker {
        Linker::RustLld(lld) => {
            let mut cmd = Command::new(lld);
            cmd.args(["-flavor", "gnu", "-static", "-nostdlib", "--gc-sections"]);
            match job.strip {
                Strip::Nothing => {}
                Strip::DebugInfo => {
                    cmd.arg("--strip-debug");
                }
                Strip::All => {
                    cmd.arg("--strip-all");
                }
            }
            cmd
        }
        Linker::Cc(cc) => {
            let mut cmd = Command::new(cc);
            cmd.args(["-static", "-no-pie", "-nostdlib", "-Wl,--gc-sections"]);
            match job.strip {
                Strip::Nothing => {}
                Strip::DebugInfo => {
                    cmd.arg("-Wl,--strip-debug");
                }
                Strip::All => {
                    cmd.arg("-Wl,--strip-all");
                }
            }
            cmd
        }
    };
    cmd.arg("-o").arg(&job.output).args(&inputs);
    Ok(cmd)
}

fn run_linker(mut cmd: Command) -> Result<(), LinkError> {
    let program = PathBuf::from(cmd.get_program());
    let out = cmd.output().map_err(|error| LinkError::Spawn {
        linker: program.clone(),
        error,
    })?;
    if !out.status.success() {
        return Err(LinkError::Failed {
            command: render_command(&cmd),
            status: out.status,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    Ok(())
}

/// The command line, shell-like, for error messages.
fn render_command(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recorded_toolchain_has_both_runtimes_and_lld() {
        // scripts/setup.sh installs both musl targets; build.rs built both.
        let tc = Toolchain::from_build();
        for arch in Arch::ALL {
            let a = tc.runtime_archive(arch).unwrap();
            assert!(a.ends_with(format!(
                "{}/goxide-runtime/libgoxide_runtime.a",
                arch.musl_triple()
            )));
            assert!(tc.self_contained_dir(arch).join("crt1.o").is_file());
        }
        assert_eq!(
            tc.linker(Arch::X86_64).unwrap(),
            Linker::RustLld(tc.rust_lld())
        );
    }

    #[test]
    fn errors_name_the_fix() {
        let mut tc = Toolchain::from_build();
        tc.runtime_aarch64 = None;
        let e = tc.runtime_archive(Arch::Aarch64).unwrap_err();
        assert!(e.to_string().contains("run scripts/setup.sh"), "{e}");

        tc.sysroot = PathBuf::from("/nonexistent/sysroot");
        let job = LinkJob {
            arch: Arch::X86_64,
            objects: vec![],
            output: PathBuf::from("/tmp/x"),
            strip: Strip::All,
        };
        let e = link_using(&job, &tc, &Linker::RustLld(PathBuf::from("/bin/false"))).unwrap_err();
        assert!(matches!(e, LinkError::MissingTarget { .. }));
        assert!(
            e.to_string()
                .contains("x86_64-unknown-linux-musl is not installed"),
            "{e}"
        );
        assert!(e.to_string().contains("run scripts/setup.sh"), "{e}");

        let tc = Toolchain::from_build();
        let job = LinkJob {
            arch: Arch::X86_64,
            objects: vec![PathBuf::from("/nonexistent/a.o")],
            output: PathBuf::from("/tmp/x"),
            strip: Strip::All,
        };
        let e = link_with(&job, &tc).unwrap_err();
        assert!(matches!(e, LinkError::MissingObject(_)), "{e}");
    }

    #[test]
    fn linker_errors_carry_the_command_and_stderr() {
        // An empty object list links no `main`: lld reports the undefined
        // `goxide_go_main` the runtime needs.
        let tc = Toolchain::from_build();
        let dir = std::env::temp_dir().join(format!("goxide-link-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let job = LinkJob {
            arch: Arch::X86_64,
            objects: vec![],
            output: dir.join("prog"),
            strip: Strip::Nothing,
        };
        let e = link_with(&job, &tc).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        let LinkError::Failed {
            command, stderr, ..
        } = &e
        else {
            panic!("{e}")
        };
        assert!(
            command.contains("rust-lld -flavor gnu -static -nostdlib --gc-sections -o"),
            "{command}"
        );
        assert!(stderr.contains("goxide_go_main"), "{stderr}");
    }
}
