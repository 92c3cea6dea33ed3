//! Source positions as go/token reports them: [`Position`] (`token.Position`:
//! file name, byte offset, 1-based line and column) and [`LineTable`], the
//! part of `token.File` that turns byte offsets into positions.
//!
//! Mirrors `go/token/position.go`: `AddLine` accepts only offsets that
//! increase and lie strictly inside the file (so a newline that ends the
//! file starts no line: a position at the very end reports the last line),
//! `AddLineColumnInfo` records `//line` directives with the same rule, and
//! `unpack` applies them for adjusted positions (an alternative position
//! without a column makes every later column unknown, 0).
//!
//! Invariants: offsets are clamped into `0..=size` as `fixOffset` does; the
//! line table always starts with offset 0.

use std::fmt;
use std::sync::Arc;

/// `token.Position`: where something is in a file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    /// The file name, as go/build names it (directory joined with the file's
    /// name), or the name a `//line` directive gave.
    pub filename: Arc<str>,
    /// Byte offset in the text go/build parsed (a leading BOM removed).
    pub offset: usize,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column in bytes; 0 when unknown.
    pub column: usize,
}

impl Position {
    /// `Position.IsValid`: the line is known.
    pub fn is_valid(&self) -> bool {
        self.line > 0
    }
}

impl fmt::Display for Position {
    /// `token.Position.String`: `file:line:column`, `file:line`, `file`,
    /// `line:column`, or `-`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::from(&*self.filename);
        if self.is_valid() {
            if !s.is_empty() {
                s.push(':');
            }
            s.push_str(&self.line.to_string());
            if self.column != 0 {
                s.push(':');
                s.push_str(&self.column.to_string());
            }
        }
        if s.is_empty() {
            s.push('-');
        }
        f.write_str(&s)
    }
}

/// A `//line` directive's alternative position (`token.lineInfo`).
#[derive(Clone, Debug)]
struct LineInfo {
    offset: usize,
    filename: Arc<str>,
    line: usize,
    column: usize,
}

/// The line starts and `//line` infos of one file (`token.File`).
#[derive(Clone, Debug)]
pub(crate) struct LineTable {
    name: Arc<str>,
    size: usize,
    lines: Vec<usize>,
    infos: Vec<LineInfo>,
}

impl LineTable {
    /// A table for a file of `size` bytes named `name`.
    pub(crate) fn new(name: Arc<str>, size: usize) -> LineTable {
        LineTable {
            name,
            size,
            lines: vec![0],
            infos: Vec::new(),
        }
    }

    /// `File.AddLine`.
    pub(crate) fn add_line(&mut self, offset: usize) {
        if self.lines.last().is_none_or(|&l| l < offset) && offset < self.size {
            self.lines.push(offset);
        }
    }

    /// `File.AddLineColumnInfo`.
    pub(crate) fn add_line_column_info(
        &mut self,
        offset: usize,
        filename: Arc<str>,
        line: usize,
        column: usize,
    ) {
        if self.infos.last().is_none_or(|i| i.offset < offset) && offset < self.size {
            self.infos.push(LineInfo {
                offset,
                filename,
                line,
                column,
            });
        }
    }

    /// Index of the last line starting at or before `offset` (`searchInts`).
    fn line_index(&self, offset: usize) -> Option<usize> {
        self.lines.partition_point(|&l| l <= offset).checked_sub(1)
    }

    /// `File.PositionFor(pos, adjusted)` for a byte offset.
    pub(crate) fn position(&self, offset: usize, adjusted: bool) -> Position {
        let offset = offset.min(self.size);
        let mut filename = self.name.clone();
        let (mut line, mut column) = match self.line_index(offset) {
            Some(i) => (i + 1, offset - self.lines[i] + 1),
            None => (0, 0),
        };
        if adjusted && !self.infos.is_empty() {
            let k = self.infos.partition_point(|i| i.offset <= offset);
            if let Some(alt) = k.checked_sub(1).map(|k| &self.infos[k]) {
                filename = alt.filename.clone();
                if let Some(i) = self.line_index(alt.offset) {
                    let d = line as isize - (i as isize + 1);
                    line = (alt.line as isize + d) as usize;
                    if alt.column == 0 {
                        column = 0;
                    } else if d == 0 {
                        column = alt.column + (offset - alt.offset);
                    }
                }
            }
        }
        Position {
            filename,
            offset,
            line,
            column,
        }
    }

    /// The unadjusted line of an offset (`parser.lineFor`).
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.line_index(offset.min(self.size)).map_or(0, |i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_newline_starts_no_line() {
        let mut t = LineTable::new(Arc::from("x.go"), 8);
        t.add_line(8); // "package\n": the newline ends the file
        let p = t.position(8, true);
        assert_eq!((p.line, p.column), (1, 9));
        assert_eq!(p.to_string(), "x.go:1:9");
    }

    #[test]
    fn line_directives() {
        let mut t = LineTable::new(Arc::from("/d/x.go"), 100);
        t.add_line(10);
        t.add_line(20);
        t.add_line_column_info(20, Arc::from("/d/y.go"), 7, 0);
        let p = t.position(25, true);
        assert_eq!((&*p.filename, p.line, p.column), ("/d/y.go", 7, 0));
        assert_eq!(p.to_string(), "/d/y.go:7");
        let p = t.position(25, false);
        assert_eq!((p.line, p.column), (3, 6));
        t.add_line_column_info(22, Arc::from("z.go"), 3, 4);
        let p = t.position(25, true);
        assert_eq!((&*p.filename, p.line, p.column), ("z.go", 3, 7));
    }

    #[test]
    fn display() {
        let p = |f: &str, line, column| Position {
            filename: Arc::from(f),
            offset: 0,
            line,
            column,
        };
        assert_eq!(p("", 0, 0).to_string(), "-");
        assert_eq!(p("", 2, 3).to_string(), "2:3");
        assert_eq!(p("a", 0, 0).to_string(), "a");
        assert_eq!(p("a", 2, 0).to_string(), "a:2");
    }
}
