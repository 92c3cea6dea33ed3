//! The syntax files being checked, registered once per process so that any
//! object's position (an [`SrcPos`]) can be printed from any package's
//! diagnostics ("other declaration of x" may point into another file).
//!
//! Position tables (line starts, `//line` bases) are built on first use
//! per file: most files never need one.

use std::sync::{Arc, LazyLock, OnceLock};

use goxide_syntax::ast::File;
use goxide_syntax::{Pos, PosTable, Position};

use crate::objects::SrcPos;

struct Registered {
    file: Arc<File>,
    table: OnceLock<PosTable>,
}

static FILES: LazyLock<boxcar::Vec<Registered>> = LazyLock::new(boxcar::Vec::new);

/// Registers a parsed file; returns its number for [`SrcPos`].
pub fn register(file: Arc<File>) -> u32 {
    u32::try_from(FILES.push(Registered { file, table: OnceLock::new() })).expect("too many files")
}

/// The registered file `n`.
pub fn file(n: u32) -> &'static Arc<File> {
    &FILES[n as usize].file
}

/// A position in file `n`.
pub fn src_pos(n: u32, pos: Pos) -> SrcPos {
    SrcPos { file: n, pos }
}

/// The position as gc prints it (after `//line` directives).
pub fn position(p: SrcPos) -> Position {
    let r = &FILES[p.file as usize];
    r.table.get_or_init(|| r.file.pos_table()).relative(p.pos)
}
