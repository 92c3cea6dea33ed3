//! The goxide command: Go's toolchain in Rust, with the go command's
//! face. This file is the dispatch of cmd/go's `main.go`:
//!
//! 1. `-C dir` right after the command name (or first) changes directory
//!    before anything else (`handleChdirFlag`);
//! 2. top-level flags (there are none: any is a usage error) and no
//!    command print the usage to stderr, exit 2;
//! 3. `help` prints help; an unknown command is
//!    `goxide foo: unknown command` (exit 2); a command goxide lists but
//!    has not implemented yet says so (exit 2);
//! 4. the command runs and its exit status is the process's.
//!
//! Messages are the go command's with `goxide` in place of `go`. The
//! product never runs the go command or any gc tool. Invariant: no input
//! makes goxide panic; failures are messages and non-zero exits.

mod buildcmd;
mod commands;
mod compile;
mod env_print;
mod envcmd;
mod flags;
mod goflags;
mod help;
mod invoke;
mod list;
mod list_json;
mod output;
mod tool;
mod tool_check;
mod tool_parse;
mod version;

use std::os::unix::ffi::OsStringExt;

use goxide_build::os_error::path_error;

use crate::flags::{FlagSet, ParseError};

fn main() {
    restore_sigpipe();
    let args: Vec<Vec<u8>> = std::env::args_os().skip(1).map(|a| a.into_vec()).collect();
    std::process::exit(run(args));
}

/// Lets a write to a closed pipe end the process, as it ends a Go program
/// writing to stdout (Rust ignores SIGPIPE by default).
fn restore_sigpipe() {
    unsafe extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: resetting a signal to its default action at startup, before
    // any thread exists, has no memory-safety implications.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

/// Runs goxide with `args` (without the program name); returns the exit
/// status.
pub fn run(mut args: Vec<Vec<u8>>) -> i32 {
    if let Err(code) = handle_chdir_flag(&mut args) {
        return code;
    }
    let mut top = FlagSet::new(&[]);
    let args = match top.parse(&args) {
        Ok(rest) => rest,
        Err(ParseError::Help) => return main_usage(None),
        Err(ParseError::Failed(msg)) => return main_usage(Some(&msg)),
    };
    let Some((name, rest)) = args.split_first() else {
        return main_usage(None);
    };
    if name == b"help" {
        return help::run(rest);
    }
    let Some(cmd) = commands::lookup(name) else {
        output::stderr(
            format!(
                "goxide {}: unknown command\nRun 'goxide help' for usage.\n",
                String::from_utf8_lossy(name)
            )
            .as_bytes(),
        );
        return 2;
    };
    match cmd.name {
        "build" => buildcmd::run_build(cmd, rest),
        "run" => buildcmd::run_run(cmd, rest),
        "env" => envcmd::run(cmd, rest),
        "list" => list::run(cmd, rest),
        "version" => version::run(cmd, rest),
        "tool" => tool::run(cmd, rest),
        _ => {
            output::stderr(
                format!(
                    "goxide {}: not yet implemented\nRun 'goxide help {}' for details.\n",
                    cmd.name, cmd.name
                )
                .as_bytes(),
            );
            2
        }
    }
}

/// `mainUsage`: the optional flag error, then the usage, on stderr; exit 2.
fn main_usage(msg: Option<&str>) -> i32 {
    let mut text = String::new();
    if let Some(m) = msg {
        text.push_str(m);
        text.push('\n');
    }
    text.push_str(&help::usage_text());
    output::stderr(text.as_bytes());
    2
}

/// `handleChdirFlag`: if the word after the command name (or the first
/// word, when it is not a command) is `-C dir`, `--C dir`, `-C=dir` or
/// `--C=dir`, removes it and changes to `dir` (failure: exit 1).
fn handle_chdir_flag(args: &mut Vec<Vec<u8>>) -> Result<(), i32> {
    let used = match args.first() {
        Some(first) if commands::lookup(first).is_some() => 1,
        _ => 0,
    };
    let Some(a) = args.get(used) else {
        return Ok(());
    };
    let dir = if a == b"-C" || a == b"--C" {
        if used + 1 >= args.len() {
            return Ok(());
        }
        let dir = args[used + 1].clone();
        args.drain(used..used + 2);
        dir
    } else if a.starts_with(b"-C=") || a.starts_with(b"--C=") {
        let eq = a.iter().position(|&b| b == b'=').unwrap_or(0);
        let dir = a[eq + 1..].to_vec();
        args.remove(used);
        dir
    } else {
        return Ok(());
    };
    let os_dir = std::ffi::OsString::from_vec(dir.clone());
    if let Err(e) = std::env::set_current_dir(&os_dir) {
        output::stderr_line(&format!("goxide: {}", path_error("chdir", &dir, &e)));
        return Err(1);
    }
    Ok(())
}
