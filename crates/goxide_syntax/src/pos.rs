//! Source positions: byte offsets, the line table, and `//line` bases.
//!
//! A position in the tree is a `u32` byte offset into its file's source
//! (`Pos`); nothing else is stored per node. Lines and columns are computed
//! on demand from a [`LineTable`], which finds line starts with one pass
//! over the source, and from the file's [`LineBase`]s, which record
//! `//line` and `/*line*/` directives as gc's `PosBase` does
//! (`cmd/compile/internal/syntax/pos.go`).
//!
//! Columns are 1-based byte counts, as gc's. A relative column of 0 means
//! "unknown" (a `//line file:line` directive without a column) and is not
//! printed, as gc prints such positions.
//!
//! Invariants: `LineTable::line_starts` is sorted and starts with 0;
//! `LineBase`s are sorted by `at`.

use std::fmt;
use std::sync::Arc;

/// A byte offset into a file's source.
pub type Pos = u32;

/// The largest line or column value a `//line` directive may set (gc's `PosMax`).
pub const POS_MAX: u32 = 1 << 30;

/// A `//line filename:line[:col]` directive in effect from offset `at` on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineBase {
    /// The offset where the directive starts to apply: just after it.
    pub at: Pos,
    /// The filename it names (already joined with the file's directory).
    pub filename: Arc<str>,
    /// The line number it assigns to the line at `at`.
    pub line: u32,
    /// The column it assigns to `at`; 0 if the directive gave none.
    pub col: u32,
}

/// Line starts of one file, computed from its source.
#[derive(Clone, Debug, Default)]
pub struct LineTable {
    line_starts: Vec<u32>,
}

impl LineTable {
    /// Builds the table in one pass over `src`.
    pub fn new(src: &[u8]) -> LineTable {
        let mut line_starts = Vec::with_capacity(src.len() / 32 + 1);
        line_starts.push(0);
        for (i, &b) in src.iter().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        LineTable { line_starts }
    }

    /// The 1-based (line, byte column) of `pos`.
    pub fn line_col(&self, pos: Pos) -> (u32, u32) {
        let i = match self.line_starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (i as u32 + 1, pos - self.line_starts[i] + 1)
    }

    /// The number of lines.
    pub fn lines(&self) -> usize {
        self.line_starts.len()
    }
}

/// A position as printed in diagnostics: `filename:line:col`, or
/// `filename:line` when the column is unknown (0).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub filename: Arc<str>,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.col == 0 {
            write!(f, "{}:{}", self.filename, self.line)
        } else {
            write!(f, "{}:{}:{}", self.filename, self.line, self.col)
        }
    }
}

/// Everything needed to turn a `Pos` of one file into a printed position.
#[derive(Clone, Debug)]
pub struct PosTable {
    pub filename: Arc<str>,
    pub lines: LineTable,
    pub bases: Vec<LineBase>,
}

impl PosTable {
    pub fn new(filename: Arc<str>, src: &[u8], bases: Vec<LineBase>) -> PosTable {
        PosTable { filename, lines: LineTable::new(src), bases }
    }

    /// The position in the file itself, ignoring line directives.
    pub fn absolute(&self, pos: Pos) -> Position {
        let (line, col) = self.lines.line_col(pos);
        Position { filename: self.filename.clone(), line, col }
    }

    /// The position as gc reports it: relative to the last line directive
    /// before `pos`, if any (gc's `Pos.RelFilename/RelLine/RelCol`).
    pub fn relative(&self, pos: Pos) -> Position {
        let (line, col) = self.lines.line_col(pos);
        let i = self.bases.partition_point(|b| b.at <= pos);
        if i == 0 {
            return Position { filename: self.filename.clone(), line, col };
        }
        let base = &self.bases[i - 1];
        let (bline, bcol) = self.lines.line_col(base.at);
        let rel_line = base.line.wrapping_add(line - bline);
        let rel_col = if base.col == 0 {
            0
        } else if line == bline {
            base.col + (col - bcol)
        } else {
            col
        };
        Position { filename: base.filename.clone(), line: rel_line, col: rel_col }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_bytes() {
        let t = LineTable::new("ab\n\ncd é\n".as_bytes());
        assert_eq!(t.line_col(0), (1, 1));
        assert_eq!(t.line_col(2), (1, 3));
        assert_eq!(t.line_col(3), (2, 1));
        assert_eq!(t.line_col(4), (3, 1));
        assert_eq!(t.line_col(9), (3, 6)); // past the two-byte é
    }

    #[test]
    fn line_directives_shift_positions() {
        let src = b"package p\n//line foo.go:10\nvar x\n/*line bar.go:5:7*/var y\n";
        let at1 = 27; // start of "var x"
        let at2 = 52; // just after the /*line*/ comment
        let t = PosTable::new(
            "x.go".into(),
            src,
            vec![
                LineBase { at: at1, filename: "foo.go".into(), line: 10, col: 0 },
                LineBase { at: at2, filename: "bar.go".into(), line: 5, col: 7 },
            ],
        );
        assert_eq!(t.relative(0).to_string(), "x.go:1:1");
        assert_eq!(t.relative(at1 + 4).to_string(), "foo.go:10");
        assert_eq!(t.relative(at2 + 4).to_string(), "bar.go:5:11");
        assert_eq!(t.absolute(at2 + 4).to_string(), "x.go:4:24");
    }
}
