//! Writing to standard output and standard error without panicking
//! (Rust's `print!` panics when the write fails).
//!
//! `main` restores the default SIGPIPE action, so a write to a closed pipe
//! ends the process as it ends the go command. Any other write error on
//! stdout is reported once on stderr and makes the process exit 1, like
//! the go command's "writing output" failure; errors writing to stderr
//! are ignored (there is nowhere left to report them).

use std::io::Write;

/// Writes `bytes` to stdout.
pub fn stdout(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        stderr(
            format!(
                "goxide: writing output: {}\n",
                goxide_build::os_error::errno_text(&e)
            )
            .as_bytes(),
        );
        std::process::exit(1);
    }
}

/// Writes `bytes` to stderr.
pub fn stderr(bytes: &[u8]) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(bytes);
    let _ = err.flush();
}

/// Writes `line` and a newline to stderr.
pub fn stderr_line(line: &str) {
    let mut s = String::with_capacity(line.len() + 1);
    s.push_str(line);
    s.push('\n');
    stderr(s.as_bytes());
}
