//! `goxide help [topic]` and the usage texts: mirrors
//! `cmd/go/internal/help/help.go` (`Help`, `PrintUsage`, the usage and
//! help templates) and `base.Command.Usage`.
//!
//! The layout is the go command's byte for byte (tabs, `%-11s` command
//! and `%-15s` topic columns, trailing blank line), with `goxide` for
//! `go`. Commands not yet implemented are marked in the listing.

use std::fmt::Write as _;

use crate::commands::{self, COMMANDS, Command};
use crate::output;

/// The text `goxide` with no arguments prints (on stderr) and
/// `goxide help` prints (on stdout): `usageTemplate` for the top level.
pub fn usage_text() -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "{}\n\nUsage:\n\n\tgoxide <command> [arguments]\n\nThe commands are:\n",
        commands::GOXIDE_LONG
    );
    for c in COMMANDS.iter().filter(|c| c.runnable()) {
        let mark = if c.implemented {
            ""
        } else {
            " (not yet implemented)"
        };
        let _ = write!(s, "\n\t{:<11} {}{mark}", c.name, c.short);
    }
    s.push_str("\n\nUse \"goxide help <command>\" for more information about a command.\n");
    s.push_str("\nAdditional help topics:\n");
    for c in COMMANDS.iter().filter(|c| !c.runnable()) {
        let _ = write!(s, "\n\t{:<15} {}", c.name, c.short);
    }
    s.push_str("\n\nUse \"goxide help <topic>\" for more information about that topic.\n\n");
    s
}

/// `base.Command.Usage`'s text: `usage: ...` and where to read more.
pub fn command_usage(cmd: &Command) -> String {
    format!(
        "usage: {}\nRun 'goxide help {}' for details.\n",
        cmd.usage_line, cmd.name
    )
}

/// `helpTemplate`: the usage line (for commands) and the long text.
pub fn help_text(cmd: &Command) -> String {
    let mut s = String::new();
    if cmd.runnable() {
        let _ = write!(s, "usage: {}\n\n", cmd.usage_line);
    }
    s.push_str(commands::long_text(cmd).trim());
    s.push('\n');
    s
}

/// Runs `goxide help args...`; returns the exit status.
pub fn run(args: &[Vec<u8>]) -> i32 {
    if args.is_empty() {
        output::stdout(usage_text().as_bytes());
        return 0;
    }
    // Go walks nested commands; goxide's commands have none, so any
    // second word is an unknown topic of the first.
    let entry = commands::help_entry(&args[0]);
    match entry {
        Some(cmd) if args.len() == 1 => {
            output::stdout(help_text(cmd).as_bytes());
            0
        }
        _ => {
            let found = if entry.is_some() { 1 } else { 0 };
            let mut success = String::from("goxide help");
            for a in &args[..found] {
                success.push(' ');
                success.push_str(&String::from_utf8_lossy(a));
            }
            let all: Vec<String> = args
                .iter()
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect();
            output::stderr(
                format!(
                    "goxide help {}: unknown help topic. Run '{success}'.\n",
                    all.join(" ")
                )
                .as_bytes(),
            );
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_layout() {
        let u = usage_text();
        assert!(u.contains("\n\tenv         print Go environment information\n"));
        assert!(
            u.contains("\n\ttest        test packages (not yet implemented)\n")
        );
        assert!(u.contains("\n\tenvironment     environment variables\n"));
        assert!(u.ends_with("that topic.\n\n"));
        let env = commands::lookup(b"env").unwrap();
        assert_eq!(
            command_usage(env),
            "usage: goxide env [-json] [-changed] [-u] [-w] [var ...]\nRun 'goxide help env' for details.\n"
        );
        assert!(help_text(env).starts_with("usage: goxide env [-json]"));
    }
}
