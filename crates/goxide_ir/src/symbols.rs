//! Linker names of Go functions and variables, as gc's linker spells them
//! (goxide_runtime's contract, "Symbol names"): `pkg.Name`, with the
//! import path escaped as `cmd/internal/objabi.PathToPrefix` escapes it,
//! and a package's initialisers `pkg.init` and `pkg.init.N`.
//!
//! Invariant: the escaping is PathToPrefix's byte for byte: `%xx`
//! (lower-case hex) for control bytes, space, `%`, `"`, DEL and bytes ≥
//! 0x80 anywhere, and for `.` in the last path element only.

/// objabi.PathToPrefix: the import path as it prefixes symbol names.
pub fn path_to_prefix(path: &str) -> String {
    let slash = path.rfind('/');
    let mut out = String::with_capacity(path.len());
    for (i, &c) in path.as_bytes().iter().enumerate() {
        let escape = c <= b' ' || (c == b'.' && slash.is_none_or(|s| i > s)) || c == b'%' || c == b'"' || c >= 0x7f;
        if escape {
            out.push_str(&format!("%{c:02x}"));
        } else {
            out.push(c as char);
        }
    }
    out
}

/// The symbol of package-level `name` in package `path`.
pub fn symbol(path: &str, name: &str) -> String {
    format!("{}.{name}", path_to_prefix(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_objabi() {
        // objabi's own test cases (pathtoprefix_test... in cmd/internal/objabi).
        assert_eq!(path_to_prefix("foo/bar/v1"), "foo/bar/v1");
        assert_eq!(path_to_prefix("foo/bar/v.1"), "foo/bar/v%2e1");
        assert_eq!(path_to_prefix("f.o.o/b.a.r/v1"), "f.o.o/b.a.r/v1");
        assert_eq!(path_to_prefix("f.o.o/b.a.r/v.1"), "f.o.o/b.a.r/v%2e1");
        assert_eq!(path_to_prefix("foo.com/bar"), "foo.com/bar");
        assert_eq!(path_to_prefix("foo.com"), "foo%2ecom");
        assert_eq!(path_to_prefix("a b"), "a%20b");
        assert_eq!(path_to_prefix("a%b\"c\u{7f}"), "a%25b%22c%7f");
        assert_eq!(symbol("main", "main"), "main.main");
        assert_eq!(symbol("main", "init.0"), "main.init.0");
    }
}
