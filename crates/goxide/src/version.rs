//! `goxide version`: mirrors `cmd/go/internal/version` for the no-argument
//! case. The output is `goxide version <go version> <GOOS>/<GOARCH>`,
//! where the Go version is the first line of `$GOROOT/VERSION` (the
//! standard library goxide compiles, hence the language it speaks) and
//! GOOS/GOARCH are the host goxide runs on (as `go version` reports the
//! go binary's own platform).
//!
//! Reporting the build information of binaries (file arguments, `-m`,
//! `-json`) is not implemented yet; the flag checks are go's.

use goxide_build::buildcfg::{HOST_GOARCH, HOST_GOOS};
use goxide_build::goroot;

use crate::commands::Command;
use crate::flags::{FlagSet, Kind};
use crate::goflags;
use crate::invoke;
use crate::output;

/// Runs `goxide version args...`; returns the exit status.
pub fn run(cmd: &Command, args: &[Vec<u8>]) -> i32 {
    match run_inner(cmd, args) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

fn run_inner(cmd: &Command, args: &[Vec<u8>]) -> Result<(), i32> {
    let cfg = invoke::config_with_goroot()?;
    invoke::check_build_config(&cfg)?;
    let gf = invoke::goflags(&cfg, false)?;
    let mut flags = FlagSet::new(&[
        invoke::CHDIR_FLAG,
        ("m", Kind::Bool),
        ("v", Kind::Bool),
        ("json", Kind::Bool),
    ]);
    let files = invoke::parse_flags(cmd, &mut flags, &gf, args)?;

    if files.is_empty() {
        let only_with_args = ["m", "v", "json"]
            .into_iter()
            .find(|f| flags.bool(f) && !goflags::contains(&gf, &format!("-{f}")));
        if let Some(f) = only_with_args {
            output::stderr_line(&format!(
                "goxide: 'goxide version' only accepts -{f} flag with arguments"
            ));
            return Err(2);
        }
        let Some(v) = goroot::version(&cfg.goroot) else {
            output::stderr_line(&format!(
                "goxide: cannot read the Go version from {}/VERSION",
                String::from_utf8_lossy(&cfg.goroot)
            ));
            return Err(1);
        };
        output::stdout(format!("goxide version {v} {HOST_GOOS}/{HOST_GOARCH}\n").as_bytes());
        return Ok(());
    }
    if !flags.bool("m") && flags.bool("json") {
        output::stderr_line("goxide: 'goxide version' with -json flag requires -m flag");
        return Err(2);
    }
    output::stderr_line(
        "goxide version: reporting the build information of files is not yet implemented",
    );
    Err(2)
}
