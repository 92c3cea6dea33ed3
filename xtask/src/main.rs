//! Project chores, run as `cargo xtask <command>` (rust-analyzer's habit:
//! chores in Rust, not shell). Each command lives in its own module.
//!
//! - `goldens`: regenerate expected outputs of `tests/` from the reference go.
//! - `bench`: run a benchmark of `bench/` side by side with the reference go.
//! - `conformance`: regenerate the conformance snapshot `conformance.txt`.

mod bench;
mod conformance;
mod goldens;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match cmd {
        "goldens" => goldens::run(rest),
        "bench" => bench::run(rest),
        "conformance" => conformance::run(rest),
        _ => {
            eprintln!("usage: cargo xtask <command> [args]\n\ncommands:\n  goldens   regenerate tests/{{syntax,types,run}}/*.out from the reference go (--check: verify, write nothing)\n  bench     run benchmarks side by side with the reference go\n  conformance  regenerate conformance.txt (runs the tests with GOXIDE_BLESS=1)");
            return if cmd == "help" { ExitCode::SUCCESS } else { ExitCode::from(2) };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {cmd}: {e}");
            ExitCode::FAILURE
        }
    }
}
