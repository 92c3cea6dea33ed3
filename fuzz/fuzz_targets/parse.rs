//! Fuzz target `parse`: arbitrary bytes through the whole front end's public
//! entry, `goxide_syntax::parse_file`.
//!
//! The invariant under test is goxide_syntax's own (lib.rs): parsing never
//! fails and never panics, whatever the bytes; it returns a tree and
//! diagnostics. Any panic, overflow (debug assertions are on), stack
//! overflow or timeout here is a bug. Diagnostics are also checked to point
//! inside the file (offset ≤ length).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (_file, diagnostics) = goxide_syntax::parse_file("fuzz.go", data);
    for d in &diagnostics {
        assert!(
            d.offset as usize <= data.len(),
            "diagnostic at offset {} past the end ({} bytes): {d}",
            d.offset,
            data.len()
        );
    }
});
