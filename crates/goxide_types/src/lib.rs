//! `goxide_types`: the type checker (gc's `types2`, with go/constant's
//! exact values). Being written; today it holds `constant`.
//!
//! - `constant`: exact constant values and their arithmetic (go/constant).

pub mod constant;
