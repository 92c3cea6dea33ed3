//! `cargo xtask conformance`: regenerates `conformance.txt` by running the
//! test suites with `GOXIDE_BLESS=1`, which makes each suite rewrite its
//! own line (see `goxide_testing::conformance`), then prints the snapshot.

use std::process::Command;

pub fn run(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask conformance".into());
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["test", "--workspace", "--exclude", "xtask"])
        .env("GOXIDE_BLESS", "1")
        .current_dir(&root)
        .status()
        .map_err(|e| format!("running cargo test: {e}"))?;
    let snapshot = std::fs::read_to_string(root.join("conformance.txt")).map_err(|e| format!("conformance.txt: {e}"))?;
    print!("{snapshot}");
    if !status.success() {
        return Err("some tests failed (the snapshot holds what they measured)".into());
    }
    Ok(())
}
