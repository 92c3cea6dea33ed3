//! Go's wording for operating-system errors: `syscall.Errno` strings
//! (`no such file or directory`) and `*fs.PathError` (`open x: ...`), so
//! goxide's messages read like the go command's rather than Rust's
//! (`No such file or directory (os error 2)`).
//!
//! The table holds Linux errno texts as Go's `zerrors_linux_*.go` spells
//! them; any other error falls back to Rust's text with the first letter
//! lowered and the ` (os error N)` suffix dropped.

use std::io;

/// The Go text of an I/O error (`err.Error()` of the underlying errno).
pub fn errno_text(err: &io::Error) -> String {
    let known = match err.raw_os_error() {
        Some(1) => "operation not permitted",
        Some(2) => "no such file or directory",
        Some(5) => "input/output error",
        Some(6) => "no such device or address",
        Some(9) => "bad file descriptor",
        Some(12) => "cannot allocate memory",
        Some(13) => "permission denied",
        Some(16) => "device or resource busy",
        Some(17) => "file exists",
        Some(20) => "not a directory",
        Some(21) => "is a directory",
        Some(22) => "invalid argument",
        Some(23) => "too many open files in system",
        Some(24) => "too many open files",
        Some(26) => "text file busy",
        Some(27) => "file too large",
        Some(28) => "no space left on device",
        Some(30) => "read-only file system",
        Some(36) => "file name too long",
        Some(40) => "too many levels of symbolic links",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let text = err.to_string();
    let text = match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// `(&fs.PathError{Op: op, Path: path, Err: err}).Error()`: `op path: text`.
pub fn path_error(op: &str, path: &[u8], err: &io::Error) -> String {
    format!(
        "{op} {}: {}",
        String::from_utf8_lossy(path),
        errno_text(err)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_wording() {
        let err = io::Error::from_raw_os_error(2);
        assert_eq!(
            path_error("chdir", b"/nonexist", &err),
            "chdir /nonexist: no such file or directory"
        );
        let other = io::Error::from_raw_os_error(71);
        assert!(!errno_text(&other).contains("os error"));
    }
}
