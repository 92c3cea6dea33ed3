//! Project chores. (Placeholder: being written.)
fn main() {}
