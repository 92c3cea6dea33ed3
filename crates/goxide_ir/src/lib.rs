//! goxide_ir: Go-level SSA built from the typed syntax of one package
//! (DESIGN.md's `goxide_ir`; gc's `ir` and the generic part of `ssa`).
//!
//! - [`ir`]: the data — packages, functions, blocks with parameters,
//!   instructions, values typed with goxide_types `TypeId`s (Cranelift's
//!   habits: entity ids in arenas, φs as block parameters);
//! - [`repr`]: how a Go type is represented (what codegen flattens);
//! - [`symbols`]: gc's linker names;
//! - [`build`]: the builder from a checked package, with [`ssa`] turning
//!   local variables into SSA values;
//! - [`printer`] and [`verify`]: the IR as text, and its invariants.
//!
//! Below this crate nothing sees syntax: goxide_codegen reads only the IR
//! (and types, for layout). Passes (inlining, escape analysis, dead code,
//! check elimination) will live here too, each in its own module.

pub mod build;
pub mod ir;
pub mod printer;
pub mod repr;
pub mod ssa;
pub mod symbols;
pub mod typekey;
pub mod verify;

pub use build::{build_package, CheckedPackage, Unsupported};
