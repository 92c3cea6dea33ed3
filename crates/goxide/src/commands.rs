//! The table of goxide's commands and help topics: names, usage lines,
//! one-line and long descriptions, in the order `goxide help` lists them.
//! Mirrors `base.Command` and the command list in cmd/go's `main.go`
//! (commands are alphabetical; topics follow).
//!
//! Invariants: a command's `usage_line` starts with `goxide <name>`; a
//! topic has no usage line and is not runnable; `implemented` is false
//! for commands that exist only so that `goxide help` can announce them.

/// A command (`runnable`) or a help topic.
pub struct Command {
    pub name: &'static str,
    /// `goxide <name> [flags...]`; empty for a topic.
    pub usage_line: &'static str,
    pub short: &'static str,
    pub long: &'static str,
    /// Whether the command works yet (help marks the others).
    pub implemented: bool,
}

impl Command {
    /// Whether this is a command rather than a help topic.
    pub fn runnable(&self) -> bool {
        !self.usage_line.is_empty()
    }
}

/// The first paragraph of `goxide help`.
pub const GOXIDE_LONG: &str =
    "Goxide is a tool for managing Go source code: the go command, written in Rust.";

const NOT_YET: &str = "\nThis command is not yet implemented in goxide.";

/// Every command and topic, in listing order.
pub static COMMANDS: &[Command] = &[
    Command {
        name: "build",
        usage_line: "goxide build [-o output] [build flags] [packages]",
        short: "compile packages and dependencies",
        long: "Build compiles the packages named by the import paths,\nalong with their dependencies, but it does not install the results.\n\nGoxide builds one main package that imports nothing, into a static\nexecutable; a construct its backend does not compile yet is reported\nas 'not supported yet' (exit status 2).\n\nThe -o flag forces build to write the resulting executable\nto the named output file or directory.\n",
        implemented: true,
    },
    Command {
        name: "env",
        usage_line: "goxide env [-json] [-changed] [-u] [-w] [var ...]",
        short: "print Go environment information",
        long: "\
Env prints Go environment information.

By default env prints information as a shell script.
If one or more variable names is given as arguments, env prints the
value of each named variable on its own line.

The -json flag prints the environment in JSON format
instead of as a shell script.

The -changed flag prints only those settings whose effective
value differs from the default value that would be obtained in
an empty environment with no prior uses of 'go env -w'.

The -u and -w flags, which edit the go/env configuration file,
are not yet supported by goxide: use 'go env -w' meanwhile.

For more about environment variables, see 'goxide help environment'.
",
        implemented: true,
    },
    Command {
        name: "install",
        usage_line: "goxide install [build flags] [packages]",
        short: "compile and install packages and dependencies",
        long: "Install compiles and installs the packages named by the import paths.\n",
        implemented: false,
    },
    Command {
        name: "list",
        usage_line: "goxide list [-f format] [-json] [-m] [list flags] [build flags] [packages]",
        short: "list packages or modules",
        long: "\
List lists the named packages, one per line.
The most commonly-used flags are -f and -json, which control the form
of the output printed for each package. Goxide supports -json (with
go list's fields, in go list's order and formats, and -json=Field,...
to select fields); the -f template flag and -m (modules) are not yet
supported.

The -deps flag causes list to iterate over not just the named packages
but also all their dependencies, visiting them in a depth-first
post-order traversal, so that a package is listed only after all its
dependencies.

The -e flag changes the handling of erroneous packages, those that
cannot be found or are malformed. By default, the list command prints
an error to standard error for each erroneous package and omits the
packages from consideration during the usual printing. With the -e
flag, the list command never prints errors to standard error and
instead processes the erroneous packages with the usual printing.

The -find flag causes list to identify the named packages but not
resolve their dependencies: the Imports and Deps lists will be empty.

The -test flag causes list to report not only the named packages but
also their test binaries (for packages with tests).

The -compiler=gc flag makes list select each package's files exactly
as gc would. Without it, goxide adds its own build tags goxide, purego
and math_big_pure_go: goxide compiles pure-Go fallbacks instead of
assembly.

Goxide never downloads modules: required modules must be in the
module cache (GOMODCACHE).

For more about specifying packages, see 'go help packages'.
",
        implemented: true,
    },
    Command {
        name: "run",
        usage_line: "goxide run [build flags] [-exec xprog] package [arguments...]",
        short: "compile and run Go program",
        long: "Run compiles and runs the named main Go package.\nTypically the package is specified as a list of .go source files\nfrom a single directory; the arguments after them are passed to the\nprogram, and its exit status is goxide's.\n\nGoxide runs main packages that import nothing (see 'goxide help build').\n",
        implemented: true,
    },
    Command {
        name: "test",
        usage_line: "goxide test [build/test flags] [packages] [build/test flags & test binary flags]",
        short: "test packages",
        long: "'Goxide test' automates testing the packages named by the import paths.\n",
        implemented: false,
    },
    Command {
        name: "tool",
        usage_line: "goxide tool [-n] command [args...]",
        short: "run specified goxide tool",
        long: "\
Tool runs the goxide tool command identified by the arguments.
With no arguments it prints the list of known tools.

The -n flag causes tool to print the command that would be
executed but not execute it.

The tools are built into goxide:

	check [-e] [-j N] [-tags list] [-lang go1.N] [-dump-decls] [packages | files.go]
		Type-checks the named packages (default '.') and everything they
		import, from source, packages in parallel, and reports errors as
		'go build' reports compile errors: a '# importpath' line, then
		file:line:col: message lines, at most 10 per package unless -e.
		A package importing one with errors is not checked. -dump-decls
		also prints each named package's declarations on standard output.
		-types2test [-predeclaredTestFuncs] [-fakeImportC] files.go checks
		the files as types2's own test harness does. The exit status is 1
		if there were errors.

	parse [-j N] path...
		Parses the named .go files, and the .go files found in the named
		directories and their subdirectories (skipping testdata and
		directories and files whose names begin with '.' or '_', as the
		go command's './...' does). Syntax errors go to standard error as
		file:line:col: message, in the order of the file list. The last
		line, on standard output, is 'N files, M errors'; the exit status
		is 1 if there were errors. -j sets the number of parallel workers
		(default: the number of CPUs).
",
        implemented: true,
    },
    Command {
        name: "version",
        usage_line: "goxide version [-m] [-v] [-json] [file ...]",
        short: "print Go version",
        long: "\
Version prints the Go version goxide speaks: the version of the Go tree
(GOROOT) whose standard library it uses, read from $GOROOT/VERSION,
and the operating system and architecture goxide runs on, as in

	goxide version go1.27.3 linux/amd64

Reporting the build information of Go binary files (the file arguments
and the -m, -v and -json flags) is not yet implemented in goxide.
",
        implemented: true,
    },
    Command {
        name: "environment",
        usage_line: "",
        short: "environment variables",
        long: "\
Goxide consults the same environment variables as the go command, with
the same defaults, the same go/env configuration file ($GOENV, else
$XDG_CONFIG_HOME/go/env or $HOME/.config/go/env) and the same
$GOROOT/go.env defaults; 'goxide env' prints them as 'go env' does.
See 'go help environment' for the list.

Where goxide differs on purpose:

	CGO_ENABLED
		Defaults to 0: goxide never invokes a C toolchain.
	GOROOT
		If unset, goxide uses the reference Go tree installed by the
		repository's scripts/setup.sh: the nearest .goroot-pkg/go above
		the goxide executable, else the one beside the sources goxide
		was built from. A Go tree must contain src/.
	GOVERSION
		The first line of $GOROOT/VERSION.
	GOGCCFLAGS
		Not probed from the C compiler: goxide reports the flags the go
		command uses with a GCC-compatible compiler.
	GOTOOLCHAIN
		Reported, but goxide never switches toolchains.
",
        implemented: true,
    },
    Command {
        name: "gopath",
        usage_line: "",
        short: "GOPATH environment variable",
        long: "\
The GOPATH environment variable lists places to look for Go code and,
by default, holds the module cache (GOPATH/pkg/mod) and installed
commands (GOPATH/bin). Its entries must be absolute paths.

If the environment variable is unset, GOPATH defaults to a
subdirectory named \"go\" in the user's home directory ($HOME/go),
unless that directory holds a Go distribution.
Run \"goxide env GOPATH\" to see the current GOPATH.
",
        implemented: true,
    },
];

/// The runnable command named `name` (`base.Command.Lookup`).
pub fn lookup(name: &[u8]) -> Option<&'static Command> {
    COMMANDS
        .iter()
        .find(|c| c.runnable() && c.name.as_bytes() == name)
}

/// The command or topic named `name`, for `goxide help`.
pub fn help_entry(name: &[u8]) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name.as_bytes() == name)
}

/// `NOT_YET` appended to a long text, for unimplemented commands.
pub fn long_text(cmd: &Command) -> String {
    if cmd.implemented {
        cmd.long.to_string()
    } else {
        format!("{}{NOT_YET}", cmd.long)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_invariants() {
        for c in COMMANDS {
            if c.runnable() {
                assert!(
                    c.usage_line.starts_with(&format!("goxide {}", c.name)),
                    "{}",
                    c.name
                );
            }
            assert!(!c.short.is_empty() && !c.long.trim().is_empty());
        }
        assert!(lookup(b"env").is_some());
        assert!(lookup(b"environment").is_none());
        assert!(help_entry(b"environment").is_some());
    }
}
