//! Placeholder: being written.
use std::sync::Arc;
#[derive(Clone, Copy, Debug, Default)]
pub struct Mode;
pub fn parse(_filename: Arc<str>, _src: &[u8], _mode: Mode) -> (crate::ast::File, Vec<crate::Diagnostic>) { unimplemented!() }
