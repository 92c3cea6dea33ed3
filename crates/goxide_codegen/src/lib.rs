//! goxide_codegen (being written).
