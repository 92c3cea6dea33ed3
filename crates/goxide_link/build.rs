//! Build script of goxide_link: builds the goxide runtime as a staticlib for
//! every supported musl target and records where the archives and the Rust
//! toolchain are, for the linker to find at goxide's run time.
//!
//! How: for each of `x86_64-unknown-linux-musl` and
//! `aarch64-unknown-linux-musl`, runs (with a cleared environment, so an
//! outer `RUSTFLAGS`, clippy wrapper or fuzzing sanitizer never leaks in)
//!
//! ```text
//! cargo rustc --offline -p goxide_runtime --profile goxide-runtime \
//!     --target <triple> --crate-type staticlib --target-dir $OUT_DIR/runtime
//! CARGO_ENCODED_RUSTFLAGS = --cfg goxide_runtime_staticlib -C force-frame-pointers=yes
//! ```
//!
//! and sets, for the crate's `env!`:
//! - `GOXIDE_RUNTIME_ARCHIVE_<ARCH>`: the archive's absolute path, or empty
//!   when that musl target is not installed (a warning here; a LinkError
//!   naming `scripts/setup.sh` at link time);
//! - `GOXIDE_RUST_SYSROOT`: `rustc --print sysroot` of the compiler building
//!   us, which holds the musl CRT, `libc.a` and `rust-lld`;
//! - `GOXIDE_RUST_HOST`: the host triple (rust-lld's directory).
//!
//! Invariants: a separate target directory inside OUT_DIR, so the nested
//! cargo never waits on the outer build's lock; reruns when the runtime's
//! sources, the root manifest (its `goxide-runtime` profile) or the lock
//! file change; cargo keeps the nested build incremental.

use std::path::{Path, PathBuf};
use std::process::Command;

const TARGETS: [(&str, &str); 2] = [
    ("X86_64", "x86_64-unknown-linux-musl"),
    ("AARCH64", "aarch64-unknown-linux-musl"),
];

fn main() {
    let manifest_dir =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let root = manifest_dir
        .join("../..")
        .canonicalize()
        .expect("workspace root");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let runtime_dir = root.join("crates/goxide_runtime");
    println!(
        "cargo:rerun-if-changed={}",
        runtime_dir.join("src").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        runtime_dir.join("build.rs").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        runtime_dir.join("Cargo.toml").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        root.join("Cargo.toml").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        root.join("Cargo.lock").display()
    );
    println!("cargo:rerun-if-changed=build.rs");

    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let sysroot = rustc_sysroot(&rustc);
    let host = std::env::var("HOST").expect("HOST");
    println!("cargo:rustc-env=GOXIDE_RUST_SYSROOT={}", sysroot.display());
    println!("cargo:rustc-env=GOXIDE_RUST_HOST={host}");

    let target_dir = out_dir.join("runtime");
    for (arch, triple) in TARGETS {
        let installed = sysroot
            .join("lib/rustlib")
            .join(triple)
            .join("lib")
            .is_dir();
        let archive = if installed {
            build_runtime(&cargo, &rustc, &root, triple, &target_dir);
            let a = target_dir
                .join(triple)
                .join("goxide-runtime/libgoxide_runtime.a");
            assert!(
                a.is_file(),
                "cargo built the runtime for {triple} but {} is missing",
                a.display()
            );
            a.display().to_string()
        } else {
            println!(
                "cargo:warning=Rust target {triple} is not installed: no goxide runtime for it (run scripts/setup.sh, then rebuild)"
            );
            String::new()
        };
        println!("cargo:rustc-env=GOXIDE_RUNTIME_ARCHIVE_{arch}={archive}");
    }
}

fn rustc_sysroot(rustc: &str) -> PathBuf {
    let out = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {rustc} --print sysroot: {e}"));
    assert!(
        out.status.success(),
        "{rustc} --print sysroot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(
        String::from_utf8(out.stdout)
            .expect("sysroot is UTF-8")
            .trim(),
    )
}

fn build_runtime(cargo: &str, rustc: &str, root: &Path, triple: &str, target_dir: &Path) {
    let mut cmd = Command::new(cargo);
    cmd.env_clear();
    // What cargo and rustup need to find the toolchain and the package
    // cache; the jobserver, so the nested build shares the outer's -j.
    for keep in [
        "PATH",
        "HOME",
        "CARGO_HOME",
        "RUSTUP_HOME",
        "RUSTUP_TOOLCHAIN",
        "CARGO_MAKEFLAGS",
        "TMPDIR",
    ] {
        if let Some(v) = std::env::var_os(keep) {
            cmd.env(keep, v);
        }
    }
    cmd.env("RUSTC", rustc)
        .env("CARGO_TERM_COLOR", "never")
        .env(
            "CARGO_ENCODED_RUSTFLAGS",
            [
                "--cfg",
                "goxide_runtime_staticlib",
                "-Cforce-frame-pointers=yes",
            ]
            .join("\x1f"),
        )
        .args([
            "rustc",
            "--quiet",
            "--offline",
            "-p",
            "goxide_runtime",
            "--profile",
            "goxide-runtime",
            "--target",
            triple,
        ])
        .args(["--crate-type", "staticlib", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir);
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cargo}: {e}"));
    // Pass the nested build's warnings on (cargo shows them on failure).
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        if out.status.success() && line.starts_with("warning") {
            println!("cargo:warning=goxide_runtime ({triple}): {line}");
        }
    }
    assert!(
        out.status.success(),
        "building the goxide runtime for {triple} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}
