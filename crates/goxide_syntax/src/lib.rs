//! `goxide_syntax`: the first stage of the pipeline. Go 1.27 source bytes
//! become a syntax tree with byte positions, plus diagnostics in gc's words.
//!
//! Mirrors gc's `cmd/compile/internal/syntax`: `token` (tokens.go),
//! `scanner` (scanner.go, source.go), `ast` (nodes.go), `parser`
//! (parser.go), `branches` (branches.go), `pos` (pos.go), and
//! `constraint` (go/build/constraint).
//!
//! Invariant: parsing never fails and never panics. [`parse_file`] always
//! returns a tree and a (possibly empty) list of diagnostics, whatever the
//! input bytes.

pub mod ast;
mod branches;
pub mod constraint;
pub mod parser;
pub mod pos;
pub mod scanner;
pub mod token;

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
/// decides, e.g. `./x.go`). The diagnostics are sorted by position and
/// filtered as gc reports them (one syntax error per line).
pub fn parse_file(filename: &str, src: &[u8]) -> (ast::File, Vec<Diagnostic>) {
    parser::parse(Arc::from(filename), src, parser::Mode::default())
}
