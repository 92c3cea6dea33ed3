//! go.mod, go.work and vendor/modules.txt, as golang.org/x/mod/modfile
//! and cmd/go read them.
//!
//! The parts, each mirroring the Go source named:
//! - `read`: the lexer, parser and comment attachment (x/mod
//!   `modfile/read.go`), giving a [`FileSyntax`] of lines and blocks.
//! - `rule`: go.mod's directives, their checks and error texts (x/mod
//!   `modfile/rule.go`): [`parse`], [`parse_lax`], [`File`], [`Error`],
//!   [`ErrorList`].
//! - `work`: go.work (x/mod `modfile/work.go`): [`parse_work`], [`WorkFile`].
//! - `vendor`: vendor/modules.txt and its consistency with go.mod (cmd/go
//!   `modload/vendor.go`): [`read_vendor_list`], [`check_vendor_consistency`].
//! - `modload`: what cmd/go checks when it reads those files
//!   (`modload/{modfile,init}.go`): [`read_mod_file`], [`read_work_file`],
//!   [`check_main_module_path`], [`fix_version`].
//! - `godebug`: the known GODEBUG settings and the check of `godebug`
//!   lines (internal/godebugs, `modload.CheckGodebug`).
//! - `gover`: Go toolchain versions and `TooNewError` (internal/gover,
//!   cmd/go/internal/gover).
//! - `strconv`, `filepath`: the Go string quoting, Unicode predicates and
//!   path arithmetic the above rely on.
//!
//! Typical use by the loader:
//!
//! ```
//! use goxide_load::modfile::{self, gover};
//! let local = gover::Local { version: "1.27.3".into(), startup: Default::default() };
//! let data = b"module example.com/m\n\ngo 1.22\n\nrequire golang.org/x/text v0.3.0 // indirect\n";
//! let f = modfile::read_mod_file("/src/m/go.mod", "go.mod", data, None, &local).unwrap();
//! assert_eq!(f.module.as_ref().unwrap().path, "example.com/m");
//! assert!(f.require[0].indirect);
//! let line = f.syntax.line(f.require[0].syntax).start.line;
//! assert_eq!(line, 5);
//! ```
//!
//! Invariant: nothing in this module touches the file system or panics on
//! any input; every message is the go command's, byte for byte, for
//! UTF-8 input (bytes that are not UTF-8 become U+FFFD, where Go keeps
//! the raw bytes).

pub mod filepath;
pub mod godebug;
pub mod gover;
pub mod modload;
pub mod read;
pub mod rule;
pub mod strconv;
pub mod vendor;
pub mod work;

pub use godebug::{check_go_mod_godebugs, check_go_work_godebugs, check_godebug};
pub use modload::{
    ReadModFileError, ReadWorkFileError, check_main_module_path, check_reserved_module_path,
    fix_version, read_mod_file, read_work_file, work_module_roots,
};
pub use read::{
    Comment, CommentBlock, Comments, FileSyntax, Line, LineBlock, LineId, Paren, Position, Stmt,
    module_path,
};
pub use rule::{
    Cause, Error, ErrorList, Exclude, File, Go, Godebug, Ignore, Module, Replace, Require, Retract,
    Tool, Toolchain, VersionFixer, auto_quote, is_directory_path, is_go_version, is_toolchain_name,
    must_quote, parse, parse_lax,
};
pub use vendor::{
    InconsistentVendoring, MainModule, VendorList, VendorMeta, Workspace, check_vendor_consistency,
    read_vendor_list, to_directory_path, to_replace_map,
};
pub use work::{Use, WorkFile, parse_work};
