//! The goxide command. (Placeholder: being written.)
fn main() {}
