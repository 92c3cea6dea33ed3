//! `goxide_syntax`: the first stage of the pipeline. Go 1.27 source bytes
//! become a syntax tree with byte positions, plus diagnostics in gc's words.
//!
//! Mirrors gc's `cmd/compile/internal/syntax`: `token` (tokens.go),
//! `scanner` (scanner.go, source.go), `ast` (nodes.go), `parser`
//! (parser.go), `branches` (branches.go), `pos` (pos.go), `printer`
//! (printer.go's short form), `directive` (the noder's `//go:` pragma
//! checks), `report` (gc's error-reporting policy, base/print.go), and
//! `constraint` (go/build/constraint).
//!
//! Invariant: parsing never fails and never panics. [`parse_file`] always
//! returns a tree and a (possibly empty) list of diagnostics, whatever the
//! input bytes.

pub mod ast;
mod branches;
pub mod constraint;
pub mod directive;
pub mod parser;
pub mod pos;
pub mod printer;
#[cfg(test)]
mod parser_tests;
pub mod report;
pub mod scanner;
pub mod token;
pub mod walk;

use std::fmt;
use std::sync::Arc;

pub use pos::{Pos, PosTable, Position};

/// A diagnostic: where, and gc's message (e.g. `syntax error: unexpected
/// newline, expected comma or )`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte offset in the file.
    pub offset: Pos,
    /// The position as gc prints it (after `//line` directives).
    pub pos: Position,
    pub msg: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pos, self.msg)
    }
}

/// Parses one file. `filename` is the name diagnostics print (the caller
/// decides, e.g. `./x.go`). The diagnostics come in arrival order, filtered
/// as gc filters them (one syntax error per line); [`report::flush`] sorts
/// and prints them as gc does.
pub fn parse_file(filename: &str, src: &[u8]) -> (ast::File, Vec<Diagnostic>) {
    parser::parse(Arc::from(filename), src, parser::Mode::default())
}

/// Parses one file with explicit options (comments kept, the directive
/// policy of a standard library or runtime package, ...).
pub fn parse_file_with(filename: &str, src: &[u8], mode: parser::Mode) -> (ast::File, Vec<Diagnostic>) {
    parser::parse(Arc::from(filename), src, mode)
}
