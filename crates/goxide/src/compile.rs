//! The compile pipeline of `goxide build` and `goxide run` for one main
//! package that imports nothing but `unsafe` (the compiler's own): parse → type-check (goxide_types) →
//! SSA (goxide_ir) → object (goxide_codegen) → static executable
//! (goxide_link). gc's `noder.LoadPackage` + `ssagen` + `obj` + cmd/link,
//! in one process, for the slice the backend takes today.
//!
//! Errors are reported as the go command reports them: syntax and type
//! errors after the `# <package>` header as `./x.go:L:C: msg` (paths
//! relative to the working directory, as cmd/go's `base.ShortPath`), at
//! most 10 (gc's limit) then `too many errors`, exit 1; a construct the
//! backend does not take yet is `goxide: not supported yet: <what> at
//! <pos>`, exit 2 — never a wrong program.
//!
//! Invariants: the compiler runs on a thread with a large stack (deeply
//! nested source must not overflow it); a panic in a compiler stage is
//! reported as an internal error (exit 2), never as a Rust backtrace.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use goxide_types::check::{Checker, Config as CheckConfig, Importer, TypeError};
use goxide_types::types::PkgId;

/// One package to build: its header name, files and target.
pub struct BuildUnit {
    /// What `# ...` headers say: `command-line-arguments` for files named
    /// on the command line, else the import path.
    pub header: String,
    /// Absolute paths of the Go files, in the order go lists them.
    pub files: Vec<PathBuf>,
    pub goarch: String,
}

/// Why a build failed; the message is printed as is, then the exit code.
pub struct Failure {
    pub message: String,
    pub exit: i32,
}

fn failure(message: String, exit: i32) -> Failure {
    Failure { message, exit }
}

/// The name cmd/go prints for `path` (`base.ShortPath`): relative to the
/// working directory with `./` when that is shorter, else as is.
pub fn short_path(path: &Path, cwd: &Path) -> String {
    if let Ok(rel) = path.strip_prefix(cwd) {
        let rel = rel.to_string_lossy();
        let short = format!("./{rel}");
        if short.len() < path.as_os_str().len() {
            return short;
        }
    }
    path.to_string_lossy().into_owned()
}

struct NoImports;

impl Importer for NoImports {
    fn import(&self, path: &str) -> Result<PkgId, String> {
        if path == "unsafe" {
            return Ok(goxide_types::universe::universe().unsafe_pkg);
        }
        Err(format!("package {path} is not in std (goxide builds import-free programs only)"))
    }
}

/// Compiles `unit` into the static executable `output`.
pub fn build_executable(unit: &BuildUnit, output: &Path, work: &Path) -> Result<(), Failure> {
    let arch = match unit.goarch.as_str() {
        "amd64" => goxide_link::Arch::X86_64,
        "arm64" => goxide_link::Arch::Aarch64,
        other => return Err(failure(format!("goxide: not supported yet: GOARCH={other}\n"), 2)),
    };
    let object = compile_on_big_stack(unit)?;
    let obj_path = work.join("main.o");
    std::fs::write(&obj_path, object).map_err(|e| failure(format!("goxide: writing {}: {e}\n", obj_path.display()), 1))?;
    let job = goxide_link::LinkJob { arch, objects: vec![obj_path], output: output.to_path_buf(), strip: goxide_link::Strip::Nothing };
    goxide_link::link(&job).map_err(|e| failure(format!("# {}\ngoxide: link: {e}\n", unit.header), 1))
}

/// Runs [`compile`] on a thread with a 256 MiB stack, turning a panic
/// into an internal error.
fn compile_on_big_stack(unit: &BuildUnit) -> Result<Vec<u8>, Failure> {
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new().stack_size(256 << 20).spawn_scoped(s, || compile(unit));
        match handle {
            Ok(h) => h.join().unwrap_or_else(|p| {
                let what = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Err(failure(format!("# {}\ngoxide: internal compiler error: {what}\n", unit.header), 2))
            }),
            Err(e) => Err(failure(format!("goxide: cannot start the compiler thread: {e}\n"), 2)),
        }
    })
}

/// Parses, checks and compiles the unit's files into an object.
fn compile(unit: &BuildUnit) -> Result<Vec<u8>, Failure> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for path in &unit.files {
        let src = std::fs::read(path).map_err(|e| failure(format!("goxide: {}: {e}\n", path.display()), 1))?;
        let (file, d) = goxide_syntax::parse_file(&short_path(path, &cwd), &src);
        diags.extend(d);
        files.push(Arc::new(file));
    }
    let header = |lines: Vec<String>| {
        let mut s = format!("# {}\n", unit.header);
        for l in lines {
            s.push_str(&l);
            s.push('\n');
        }
        s
    };
    if !diags.is_empty() {
        return Err(failure(header(goxide_syntax::report::flush(&diags, 10)), 1));
    }
    let Some(sizes) = goxide_types::sizes::Sizes::for_arch(&unit.goarch) else {
        return Err(failure(format!("goxide: not supported yet: GOARCH={}\n", unit.goarch), 2));
    };
    let config = CheckConfig::new(sizes);
    let mut checker = Checker::new(&config, &NoImports, "main", files.clone());
    checker.check();
    if !checker.errors.is_empty() {
        let diags: Vec<_> = checker.errors.iter().map(TypeError::to_diagnostic).collect();
        return Err(failure(header(goxide_syntax::report::flush(&diags, 10)), 1));
    }
    let input = goxide_ir::CheckedPackage { path: "main", files: &files, info: &checker.info, defs: &checker.defs };
    let pkg = goxide_ir::build_package(&input).map_err(|e| failure(format!("goxide: {e}\n"), 2))?;
    goxide_ir::verify::verify_package(&pkg).map_err(|e| failure(format!("# {}\ngoxide: internal compiler error: {e}\n", unit.header), 2))?;
    let target = goxide_codegen::Target::for_goarch(&unit.goarch)
        .ok_or_else(|| failure(format!("goxide: not supported yet: GOARCH={}\n", unit.goarch), 2))?;
    goxide_codegen::compile_package(&pkg, &target, true).map_err(|e| failure(format!("# {}\ngoxide: internal compiler error: {e}\n", unit.header), 2))
}

/// A fresh directory for a build's intermediate files, removed on drop
/// (cmd/go's `$WORK`).
pub struct WorkDir(pub PathBuf);

impl WorkDir {
    pub fn new() -> std::io::Result<WorkDir> {
        let base = std::env::temp_dir();
        for n in 0..1000u32 {
            let p = base.join(format!("goxide-build-{}-{n}", std::process::id()));
            match std::fs::create_dir(&p) {
                Ok(()) => return Ok(WorkDir(p)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("no free work directory name"))
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paths_as_cmd_go() {
        let cwd = Path::new("/home/u/proj");
        assert_eq!(short_path(Path::new("/home/u/proj/x.go"), cwd), "./x.go");
        assert_eq!(short_path(Path::new("/home/u/proj/sub/y.go"), cwd), "./sub/y.go");
        assert_eq!(short_path(Path::new("/tmp/z.go"), cwd), "/tmp/z.go");
    }
}
