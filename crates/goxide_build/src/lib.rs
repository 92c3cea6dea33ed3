//! `goxide_build`: the build configuration of the goxide command — what
//! `cmd/go/internal/cfg` computes (GOROOT, GOOS/GOARCH, GOPATH, the go/env
//! files, every `go env` variable) — and, later, the action graph and
//! build cache (`cmd/go/internal/work`, `cache`).
//!
//! Modules, each mirroring one part of the go command:
//! - [`cfg`]: the configuration ([`cfg::Config`]), `cmd/go/internal/cfg`;
//! - [`goroot`]: GOROOT discovery and validation (`findGOROOT`);
//! - [`buildcfg`]: host platform, architecture defaults and validation,
//!   `GOEXPERIMENT` (`internal/buildcfg`);
//! - [`modroot`]: module mode, GOMOD, GOWORK, GOBIN (`modload/init.go`);
//! - [`cgo`]: C toolchain variables (`work.(*Builder).CFlags`, ...);
//! - [`buildcache`], [`sha256`]: content-addressed files in `GOCACHE`
//!   (`cmd/go/internal/cache`), as `go list -test` writes `_testmain.go`;
//! - [`osenv`]: Go's `os` view of the process (env bytes, Getwd, user dirs);
//! - [`os_error`]: Go's wording of OS errors;
//! - [`filepath`], [`quoted`], [`strconv`]: byte-string ports of
//!   `path/filepath`, `cmd/internal/quoted`, `strconv.Quote`;
//! - [`workqueue`]: running a dependency graph's nodes in parallel, each
//!   after its dependencies (`work.(*Builder).Do`);
//! - [`typecheck`]: parsing and type-checking a package graph from source
//!   on that queue (gc's noder and `checkFiles`, per package);
//! - [`decldump`]: a checked package's declarations as text, the dump
//!   compared with go/types' (`goxide tool check -dump-decls`).
//!
//! Invariant: nothing here prints or exits; errors are returned as the
//! go command's message texts (with `goxide` in place of `go`), and no
//! input panics.

pub mod buildcache;
pub mod buildcfg;
pub mod cfg;
pub mod cgo;
pub mod decldump;
pub mod filepath;
pub mod goroot;
pub mod modroot;
pub mod os_error;
pub mod osenv;
pub mod quoted;
pub mod sha256;
pub mod strconv;
pub mod typecheck;
pub mod workqueue;
