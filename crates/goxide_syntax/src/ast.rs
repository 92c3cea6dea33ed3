//! Placeholder: being written.
pub struct File;
