//! go/build for goxide: which files of a directory a build uses, and what
//! their headers say — [`import_dir`] is `build.Context.ImportDir`,
//! [`Context::match_file`] is `MatchFile`, with go/build's results and
//! error texts.
//!
//! Files by concern, each mirroring its Go source (Go 1.27.3):
//! - `context`: the build context, tags, `_GOOS_GOARCH` names, default tool
//!   and release tags (go/build `build.go`, `internal/syslist`,
//!   `internal/buildcfg`).
//! - `import`: `ImportDir`, `matchFile`, `findImportComment`, `Package` and
//!   its errors (go/build `build.go`).
//! - `read`: `readGoInfo`, `readComments`, embed patterns, directives
//!   (go/build `read.go`, go/ast `directive.go`).
//! - `go_parser`, `go_scanner`: go/parser (imports only) and go/scanner,
//!   for go/parser's errors on file headers.
//! - `position`: `token.Position` and `token.File`'s line table.
//! - `imports_scan`: cmd/go's tag-set import scan (`cmd/go/internal/
//!   imports`: `ScanDir`, `ShouldBuild` with `*`), for `go mod`.
//! - `cgo`: `#cgo` lines (`saveCgo`); `doc`: `doc.Synopsis`.
//! - `quoted`, `unicode`, `unicode_tables`, `fs_error`: Go's strconv
//!   quoting, Unicode classes and OS error texts.
//!
//! Build constraints themselves (`//go:build`, `// +build`, the header
//! scan) are `goxide_syntax::constraint`.
//!
//! Invariants: only files of the directory are read, never beyond what
//! go/build reads; no input panics; every error text is go/build's.

mod cgo;
mod context;
mod doc;
mod fs_error;
mod go_parser;
mod go_scanner;
mod import;
mod imports_scan;
mod position;
mod quoted;
mod read;
mod unicode;
#[rustfmt::skip]
mod unicode_tables;

pub use context::{
    Context, EXPERIMENTS, GO_MINOR_VERSION, KNOWN_ARCH, KNOWN_OS, TagSet, UNIX_OS, arch_level_tags,
    enabled_experiments, is_known_arch, is_known_os, release_tags, tool_tags,
};
pub use import::{ImportError, ImportMode, Package, import_dir, module_index_applies};
pub use imports_scan::{ImportTags, ScanError, scan_dir, scan_files};
pub use position::Position;
pub use read::{Directive, ParseError};
