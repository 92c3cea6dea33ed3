//! Packages known to the checker: path and name, by `PkgId`.
//!
//! One process-wide, append-only table, as the type table: a package is
//! registered once (by the driver, before its checker runs) and read from
//! any thread.

use std::sync::{LazyLock, OnceLock};

use crate::objects::Scope;
use crate::symbol::Symbol;
use crate::types::PkgId;

/// A package's identity, and its scope once its checker has made it.
#[derive(Debug)]
pub struct PackageInfo {
    /// The import path (`sync/atomic`, `main`, `command-line-arguments`).
    pub path: Symbol,
    /// The package name (`atomic`).
    pub name: Symbol,
    /// The package scope (frozen once the package's declarations are
    /// collected; importers read it from then on).
    pub scope: OnceLock<&'static Scope>,
}

static PACKAGES: LazyLock<boxcar::Vec<PackageInfo>> = LazyLock::new(boxcar::Vec::new);

/// Registers a package and returns its id.
pub fn register(path: &str, name: &str) -> PkgId {
    let i = PACKAGES.push(PackageInfo { path: Symbol::intern(path), name: Symbol::intern(name), scope: OnceLock::new() });
    PkgId(u32::try_from(i).expect("too many packages"))
}

/// The identity of a registered package.
pub fn info(id: PkgId) -> &'static PackageInfo {
    &PACKAGES[id.0 as usize]
}
