//! What the go command does around every command (`main` and `invoke` in
//! cmd/go's `main.go`): loading the configuration, the GOROOT and GOPATH
//! checks, `buildcfg.Check`, and flag parsing — `$GOFLAGS` first, then
//! the command line — with the go command's usage errors.
//!
//! Every function here that fails has already printed the go command's
//! message; its `Err` is the exit status to return.

use goxide_build::buildcfg;
use goxide_build::cfg::Config;
use goxide_build::goroot;
use goxide_build::osenv::OsEnv;

use crate::commands::Command;
use crate::flags::{FlagSet, ParseError};
use crate::goflags;
use crate::help;
use crate::output;

/// The configuration of this run, for commands that need GOROOT: loads
/// it, checks GOROOT (exit 2) and GOPATH (exit 2), and prints GOPATH
/// warnings.
pub fn config_with_goroot() -> Result<Config, i32> {
    let mut cfg = Config::load(OsEnv::from_process());
    if let Err(msg) = goroot::validate(&cfg.goroot) {
        output::stderr_line(&format!("goxide: {msg}"));
        return Err(2);
    }
    match cfg.check_gopath() {
        Ok(warnings) => {
            for w in warnings {
                output::stderr_line(&w);
            }
        }
        Err(msg) => {
            output::stderr_line(&msg);
            return Err(2);
        }
    }
    Ok(cfg)
}

/// `buildcfg.Check` then `cfg.ExperimentErr`, as `invoke` runs them for
/// every command but `env` (which runs them itself, later).
pub fn check_build_config(cfg: &Config) -> Result<(), i32> {
    if let Some(e) = buildcfg::check(&cfg.os) {
        output::stderr_line(&format!("goxide: {e}"));
        return Err(2);
    }
    if let Some(e) = &cfg.experiment_err {
        output::stderr_line(&format!("goxide: {e}"));
        return Err(1);
    }
    Ok(())
}

/// `$GOFLAGS`' words (`base.InitGOFLAGS`); `hide_errors` for `go env`.
/// A bad setting is fatal (exit 1) otherwise.
pub fn goflags(cfg: &Config, hide_errors: bool) -> Result<Vec<Vec<u8>>, i32> {
    goflags::init(cfg.getenv("GOFLAGS"), hide_errors).map_err(|msg| {
        output::stderr_line(&msg);
        1
    })
}

/// Applies `$GOFLAGS` to `flags`, then parses `args` (the words after the
/// command name); returns the remaining arguments. Errors print the
/// message and the command's usage (exit 2).
pub fn parse_flags(
    cmd: &Command,
    flags: &mut FlagSet,
    goflags: &[Vec<u8>],
    args: &[Vec<u8>],
) -> Result<Vec<Vec<u8>>, i32> {
    let usage = |msg: Option<&str>| {
        let mut text = String::new();
        if let Some(m) = msg {
            text.push_str(m);
            text.push('\n');
        }
        text.push_str(&help::command_usage(cmd));
        output::stderr(text.as_bytes());
        2
    };
    if let Err(msg) = goflags::apply(flags, goflags) {
        return Err(usage(Some(&msg)));
    }
    match flags.parse(args) {
        Ok(rest) => Ok(rest),
        Err(ParseError::Help) => Err(usage(None)),
        Err(ParseError::Failed(msg)) => Err(usage(Some(&msg))),
    }
}

/// The `-C` flag every go command accepts: rejected if not first.
pub const CHDIR_FLAG: (&str, crate::flags::Kind) = (
    "C",
    crate::flags::Kind::Reject("-C flag must be first flag on command line"),
);
