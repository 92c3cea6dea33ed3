//! Go's wording for operating-system errors, so that go/build's messages
//! (`read DIR/x.go: is a directory`, `open DIR: permission denied`) read as
//! the go command's rather than Rust's (`Permission denied (os error 13)`).
//!
//! The table holds Linux errno texts as Go's `zerrors_linux_*.go` spells
//! them (`syscall.Errno.Error`); any other error falls back to Rust's text
//! with the first letter lowered and the ` (os error N)` suffix dropped.
//! The same table lives in `goxide_build::os_error`, which this crate
//! cannot depend on (it sits below goxide_build in the pipeline).

use std::io;

/// The Go text of an I/O error (`err.Error()` of the underlying errno).
pub(crate) fn errno_text(err: &io::Error) -> String {
    let known = match err.raw_os_error() {
        Some(1) => "operation not permitted",
        Some(2) => "no such file or directory",
        Some(5) => "input/output error",
        Some(6) => "no such device or address",
        Some(9) => "bad file descriptor",
        Some(12) => "cannot allocate memory",
        Some(13) => "permission denied",
        Some(16) => "device or resource busy",
        Some(20) => "not a directory",
        Some(21) => "is a directory",
        Some(22) => "invalid argument",
        Some(23) => "too many open files in system",
        Some(24) => "too many open files",
        Some(26) => "text file busy",
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

/// `(&fs.PathError{Op: op, Path: path, Err: err}).Error()`.
pub(crate) fn path_error(op: &str, path: &str, err: &io::Error) -> String {
    format!("{op} {path}: {}", errno_text(err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_texts() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(
            path_error("open", "/x", &e),
            "open /x: no such file or directory"
        );
        assert_eq!(
            errno_text(&io::Error::from_raw_os_error(21)),
            "is a directory"
        );
    }
}
