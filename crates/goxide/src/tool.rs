//! `goxide tool [command [args...]]`: mirrors `cmd/go/internal/tool`.
//! Goxide's tools are built in (no `$GOROOT/pkg/tool` binaries): with no
//! arguments it lists them, one per line; an unknown name is the go
//! command's `no such tool` error (exit 2).
//!
//! `-n` prints the command that would run (goxide itself, as
//! `<goxide> tool <name> args...`) instead of running it.
//!
//! Tools need no GOROOT, but `$GOFLAGS` must be valid as for any go
//! command.

use goxide_build::cfg::Config;
use goxide_build::osenv::OsEnv;
use goxide_build::strconv::quote;

use crate::commands::Command;
use crate::flags::{FlagSet, Kind};
use crate::invoke;
use crate::output;
use crate::{tool_check, tool_parse};

/// The built-in tools, sorted.
pub const TOOLS: &[&str] = &["check", "parse"];

/// Runs `goxide tool args...`; returns the exit status.
pub fn run(cmd: &Command, args: &[Vec<u8>]) -> i32 {
    let cfg = Config::load(OsEnv::from_process());
    let gf = match invoke::goflags(&cfg, false) {
        Ok(gf) => gf,
        Err(code) => return code,
    };
    let mut flags = FlagSet::new(&[invoke::CHDIR_FLAG, ("n", Kind::Bool)]);
    let rest = match invoke::parse_flags(cmd, &mut flags, &gf, args) {
        Ok(rest) => rest,
        Err(code) => return code,
    };
    let Some((name, tool_args)) = rest.split_first() else {
        let mut list = String::new();
        for t in TOOLS {
            list.push_str(t);
            list.push('\n');
        }
        output::stdout(list.as_bytes());
        return 0;
    };
    let known = TOOLS.iter().any(|t| t.as_bytes() == name.as_slice());
    if known && flags.bool("n") {
        let exe = std::env::current_exe()
            .map_or_else(|_| "goxide".into(), |p| p.to_string_lossy().into_owned());
        let mut line = format!("{exe} tool");
        for a in std::iter::once(name).chain(tool_args) {
            line.push(' ');
            line.push_str(&String::from_utf8_lossy(a));
        }
        line.push('\n');
        output::stdout(line.as_bytes());
        return 0;
    }
    match name.as_slice() {
        b"check" => tool_check::run(tool_args),
        b"parse" => tool_parse::run(tool_args),
        _ => {
            output::stderr_line(&format!("goxide: no such tool {}", quote(name)));
            2
        }
    }
}
