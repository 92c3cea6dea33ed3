//! The declarations of a checked package as text, one line per
//! package-level object and per method of each defined type: the dump
//! `goxide tool check -dump-decls` prints and
//! `crates/goxide/tests/gotypes_differential.rs` compares with go/types'
//! (its oracle `tests/gotypesdump/main.go` defines the format; this is the
//! same walk over goxide's tables).
//!
//! ```text
//! <path>.<Name> const <type> <exact value>
//! <path>.<Name> var <type>
//! <path>.<Name> func <signature>
//! <path>.<Name> type <type> <underlying type>
//! <path>.<Name> alias <type> <aliased type>
//! <path>.<Type>.<Method> method <receiver type> <signature>
//! <path>.<Name> builtin
//! ```
//!
//! Types print with `goxide_types::typestring` and a qualifier giving
//! every package's full path; exact values as go/constant's
//! `ExactString`. What the checker has not determined (yet) prints as
//! [`UNKNOWN`], so a comparison counts it as a difference instead of
//! hiding it. Lines are sorted bytewise, as the oracle sorts them.
//!
//! Invariant: reading only the shared tables, after the package's checker
//! has finished; never panics on a partially checked package.

use goxide_types::objects::{object, ObjKind, Object};
use goxide_types::package;
use goxide_types::types::{table, PkgId, Type, TypeId};
use goxide_types::typestring::type_string;

/// What prints where the checker left something undetermined.
pub const UNKNOWN: &str = "<unknown>";

/// The dump's lines for package `pkg`, whose objects are named
/// `<path>.<Name>`; empty if the package has no scope (never checked).
pub fn decl_lines(pkg: PkgId, path: &str) -> Vec<String> {
    let Some(scope) = package::info(pkg).scope.get() else { return Vec::new() };
    let mut out = Vec::new();
    for name in scope.names() {
        let Some(id) = scope.lookup(name) else { continue };
        let o = object(id);
        let q = format!("{path}.{name}");
        match o.kind {
            ObjKind::Const => out.push(format!("{q} const {} {}", typ(object_type(o)), const_value(o).as_deref().unwrap_or(UNKNOWN))),
            ObjKind::Var { .. } => out.push(format!("{q} var {}", typ(object_type(o)))),
            ObjKind::Func => out.push(format!("{q} func {}", typ(object_type(o)))),
            ObjKind::Builtin(_) => out.push(format!("{q} builtin")),
            ObjKind::TypeName => type_lines(&q, object_type(o), &mut out),
            // Not package-level objects; printed so that a stray one shows.
            ObjKind::PkgName { .. } | ObjKind::Label | ObjKind::Nil => out.push(format!("{q} {}", UNKNOWN)),
        }
    }
    out.sort();
    out
}

/// The lines of a type name: an alias, or a defined type and its methods.
fn type_lines(q: &str, t: Option<TypeId>, out: &mut Vec<String>) {
    let Some(t) = t else {
        out.push(format!("{q} type {UNKNOWN} {UNKNOWN}"));
        return;
    };
    let tt = table();
    if let Some(a) = tt.alias(t) {
        out.push(format!("{q} alias {} {}", typ(Some(t)), typ(a.actual.get().copied())));
        return;
    }
    let underlying = match tt.get(t) {
        Type::Named(_) => tt.named(t).and_then(|n| n.underlying.get().copied()),
        _ => Some(tt.underlying(t)),
    };
    out.push(format!("{q} type {} {}", typ(Some(t)), typ(underlying)));
    if let Some(n) = tt.named(t) {
        let methods: Vec<_> = n.methods.lock().map(|m| m.clone()).unwrap_or_default();
        for m in methods {
            let mo = object(m);
            // The receiver is not kept with the method's signature yet.
            out.push(format!("{q}.{} method {UNKNOWN} {}", mo.name, typ(object_type(mo))));
        }
    }
}

/// An object's type, once the checker has set it.
fn object_type(o: &Object) -> Option<TypeId> {
    o.typ.get().copied()
}

/// A constant's exact value (go/constant's `ExactString`, on one line),
/// once the checker has set it. The object table keeps no values yet.
fn const_value(_o: &Object) -> Option<String> {
    None
}

/// A type with every package qualified by its full path, or [`UNKNOWN`].
fn typ(t: Option<TypeId>) -> String {
    match t {
        Some(t) => type_string(t, &|p| package::info(p).path.to_string()),
        None => UNKNOWN.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use goxide_types::universe::universe;

    #[test]
    fn unsafe_as_go_types_prints_it() {
        let lines = decl_lines(universe().unsafe_pkg, "unsafe");
        assert!(lines.contains(&"unsafe.Pointer type unsafe.Pointer unsafe.Pointer".to_string()), "{lines:?}");
        assert!(lines.contains(&"unsafe.Sizeof builtin".to_string()), "{lines:?}");
        assert_eq!(lines.len(), 9, "{lines:?}");
        let mut sorted = lines.clone();
        sorted.sort();
        assert_eq!(lines, sorted);
    }

    /// A checked package: each kind of object has its line; what the
    /// checker did not determine prints as unknown.
    #[test]
    fn checked_package_lines() {
        use goxide_types::check::{Checker, Importer};
        struct NoImports;
        impl Importer for NoImports {
            fn import(&self, path: &str) -> Result<PkgId, String> {
                Err(format!("no {path}"))
            }
        }
        let src = "package d\nconst C = 1\nvar V int\nfunc F() {}\ntype T struct{}\nfunc (T) M() {}\ntype A = int\n";
        let (f, _) = goxide_syntax::parse_file("/d.go", src.as_bytes());
        let config = crate::typecheck::gc_config("amd64", "").unwrap();
        let mut c = Checker::new(&config, &NoImports, "example.com/d", vec![std::sync::Arc::new(f)]);
        c.check();
        let lines = decl_lines(c.pkg, "example.com/d");
        let names: Vec<(&str, &str)> = lines.iter().map(|l| {
            let mut w = l.split(' ');
            (w.next().unwrap(), w.next().unwrap())
        }).collect();
        for want in [("example.com/d.C", "const"), ("example.com/d.V", "var"), ("example.com/d.F", "func")] {
            assert!(names.contains(&want), "{want:?} in {lines:?}");
        }
        assert!(names.iter().any(|&(n, k)| n == "example.com/d.T" && k == "type"), "{lines:?}");
        assert!(names.iter().any(|&(n, k)| n == "example.com/d.A" && (k == "alias" || k == "type")), "{lines:?}");
        // The constant's value is not kept by the checker yet.
        assert!(lines.iter().any(|l| l.starts_with("example.com/d.C const ") && l.ends_with(UNKNOWN)), "{lines:?}");
        assert!(decl_lines(package::register("never/checked", "x"), "never/checked").is_empty());
    }
}
