//! The syntax files being checked, registered once per process so that any
//! object's position (an [`SrcPos`]) can be printed from any package's
//! diagnostics ("other declaration of x" may point into another file).
//!
//! Position tables (line starts, `//line` bases) are built on first use
//! per file: most files never need one.
//!
//! A file's syntax tree may be [`release`]d once nothing will read it
//! again (`goxide tool check` releases a package's files when its check
//! is done: later packages read only its objects and types). Its position
//! table is built first and kept, so positions in it still print;
//! [`file`] then answers `None`.
//!
//! Invariant: a registered file keeps its number for the whole process;
//! [`position`] works for every registered file, released or not.

use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use goxide_syntax::ast::File;
use goxide_syntax::{Pos, PosTable, Position};

use crate::objects::SrcPos;

struct Registered {
    /// The syntax tree, until released.
    file: Mutex<Option<Arc<File>>>,
    table: OnceLock<PosTable>,
}

impl Registered {
    fn table(&self) -> &PosTable {
        self.table.get_or_init(|| {
            let file = self.file.lock().unwrap_or_else(|e| e.into_inner()).clone();
            match file {
                Some(f) => f.pos_table(),
                // Unreachable: release builds the table before dropping
                // the tree. An empty table still answers (line 1).
                None => PosTable::new(Arc::from(""), b"", Vec::new()),
            }
        })
    }
}

static FILES: LazyLock<boxcar::Vec<Registered>> = LazyLock::new(boxcar::Vec::new);

/// Registers a parsed file; returns its number for [`SrcPos`].
pub fn register(file: Arc<File>) -> u32 {
    u32::try_from(FILES.push(Registered { file: Mutex::new(Some(file)), table: OnceLock::new() }))
        .expect("too many files")
}

/// The registered file `n`, unless it was released.
pub fn file(n: u32) -> Option<Arc<File>> {
    FILES.get(n as usize)?.file.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Drops the registry's hold on file `n`'s syntax tree, keeping its
/// position table (built now if it was not yet).
pub fn release(n: u32) {
    let Some(r) = FILES.get(n as usize) else { return };
    r.table();
    r.file.lock().unwrap_or_else(|e| e.into_inner()).take();
}

/// A position in file `n`.
pub fn src_pos(n: u32, pos: Pos) -> SrcPos {
    SrcPos { file: n, pos }
}

/// The position as gc prints it (after `//line` directives).
pub fn position(p: SrcPos) -> Position {
    match FILES.get(p.file as usize) {
        Some(r) => r.table().relative(p.pos),
        None => Position { filename: Arc::from(""), line: 0, col: 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn released_files_keep_their_positions() {
        let src = b"package p\n\nvar x = 1\n//line other.go:40:3\nvar y = 2\n";
        let (f, _) = goxide_syntax::parse_file("./r.go", src);
        let n = register(Arc::new(f));
        let x = src_pos(n, 15);
        let y = src_pos(n, src.len() as u32 - 5);
        let (before_x, before_y) = (position(x).to_string(), position(y).to_string());
        assert_eq!(before_x, "./r.go:3:5");
        assert!(file(n).is_some());
        release(n);
        assert!(file(n).is_none());
        assert_eq!(position(x).to_string(), before_x);
        assert_eq!(position(y).to_string(), before_y);
        assert!(before_y.starts_with("other.go:40"), "{before_y}");
    }

    #[test]
    fn a_release_frees_the_tree_once_no_one_else_holds_it() {
        let (f, _) = goxide_syntax::parse_file("./s.go", b"package p\n");
        let f = Arc::new(f);
        let n = register(f.clone());
        assert_eq!(Arc::strong_count(&f), 2);
        release(n);
        assert_eq!(Arc::strong_count(&f), 1);
    }
}
