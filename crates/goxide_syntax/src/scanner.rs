//! The scanner: Go source bytes to tokens (gc's `syntax/scanner.go` and
//! `syntax/source.go`).
//!
//! API CONTRACT (the parser is written against exactly this; see lib.rs):
//! - `Scanner::new(src, mode)`, then `next()` advances one token.
//! - After `next()`: `tok`, `pos` (offset of the token's first byte), `end`
//!   (offset just past it), `blank`, and for literals `kind` and `bad`, for
//!   operators `op` and `prec`, for `Semi` `semi` ("semicolon", "newline"
//!   or "EOF" as gc's `lit`). Name and literal text is `src[pos..end]`.
//! - Errors are appended to `errors` (offset, message in gc's words);
//!   comments reported by `mode` are appended to `comments`. The parser
//!   drains both after each `next()`.
//!
//! (Placeholder body: being written.)

use crate::pos::Pos;
use crate::token::{LitKind, Operator, Token};

/// Which comments the scanner reports (gc's `comments` / `directives` modes).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CommentMode {
    /// Report no comment.
    None,
    /// Report only `//line`, `/*line`, and `//go:` comments.
    Directives,
    /// Report every comment.
    All,
}

/// A comment: `src[pos..end]`, including `//` or `/* */`, without the
/// newline that ends a line comment (a `\r` before it is included, as gc).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Comment {
    pub pos: Pos,
    pub end: Pos,
}

/// A lexical error: its position and gc's message.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ScanError {
    pub pos: Pos,
    pub msg: String,
}

pub struct Scanner<'src> {
    pub src: &'src [u8],
    pub mode: CommentMode,
    /// The current token.
    pub tok: Token,
    pub pos: Pos,
    pub end: Pos,
    /// Whether the line is blank up to the token (gc's `blank`).
    pub blank: bool,
    pub kind: LitKind,
    pub bad: bool,
    pub op: Operator,
    pub prec: u8,
    pub semi: &'static str,
    pub errors: Vec<ScanError>,
    pub comments: Vec<Comment>,
}

impl<'src> Scanner<'src> {
    pub fn new(src: &'src [u8], mode: CommentMode) -> Scanner<'src> {
        Scanner {
            src,
            mode,
            tok: Token::Eof,
            pos: 0,
            end: 0,
            blank: true,
            kind: LitKind::Int,
            bad: false,
            op: Operator::None,
            prec: 0,
            semi: "",
            errors: Vec::new(),
            comments: Vec::new(),
        }
    }

    /// Advances to the next token.
    pub fn next(&mut self) {
        unimplemented!("scanner is being written")
    }

    /// The current token's source text.
    pub fn text(&self) -> &'src [u8] {
        &self.src[self.pos as usize..self.end as usize]
    }
}
