//! Run-time error reports against the reference go: a program built with
//! gc divides by zero (or shifts by a negative count) and dies; what it
//! writes to stderr before the traceback's frames must be exactly what
//! `goxide_runtime::panic::print_runtime_error` writes, and the exit
//! status must be 2, which is what `goxide_rt_panicdivide` exits with.
//! (The errors that need type descriptors are compared in the crate's
//! unit tests, `src/gc_differential.rs`, where the test descriptor
//! builder lives.)

mod reference;

use goxide_runtime::panic::{print_runtime_error, DIVIDE_ERROR, SHIFT_ERROR};

#[test]
fn runtime_errors_report_as_gc() {
    let dir = reference::TempDir::new("panicdiff");
    let cases: [(&str, &str, &'static [u8]); 2] = [
        (
            "divide",
            "package main\n\n//go:noinline\nfunc div(a, b int) int { return a / b }\n\nfunc main() { println(div(1, 0)) }\n",
            DIVIDE_ERROR,
        ),
        (
            "shift",
            "package main\n\n//go:noinline\nfunc sh(a, b int) int { return a << b }\n\nfunc main() { println(sh(1, -1)) }\n",
            SHIFT_ERROR,
        ),
    ];
    for (name, src, msg) in cases {
        let (_, stderr, code) = reference::run_reference(&dir.0, name, src, &[]);
        let mut ours = Vec::new();
        print_runtime_error(&mut ours, msg, 1);
        assert!(
            stderr.starts_with(&ours),
            "{name}: gc wrote\n{}\nwe write\n{}",
            String::from_utf8_lossy(&stderr),
            String::from_utf8_lossy(&ours)
        );
        assert_eq!(code, Some(2), "{name}");
    }
}
