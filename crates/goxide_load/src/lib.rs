//! `goxide_load`: which packages a build involves, which of their files
//! count, and how they import each other — computed by goxide itself.
//!
//! Modules, each owned by one part and mirroring the go source named:
//! - `semver`, `module`: module versions and paths (golang.org/x/mod's
//!   `semver` and `module`).
//! - `modfile`: go.mod, go.work and vendor/modules.txt (x/mod's `modfile`,
//!   cmd/go's `modload/vendor.go`).
//! - `build`: one directory to one package — file selection by build
//!   constraints, file headers, imports, embeds (go/build).
//! - `load`: the package graph — patterns, import resolution in GOROOT,
//!   modules and vendor directories, test packages, errors
//!   (cmd/go/internal/{load,modload,search}).
//!
//! Invariant: nothing here touches the network or runs any go tool; the
//! file system is read only through paths the caller's configuration gives.

pub mod build;
pub mod load;
pub mod modfile;
pub mod module;
pub mod semver;
