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
use goxide_types::{lookup, subst};
use goxide_types::package;
use goxide_types::types::{table, ObjId, PkgId, Type, TypeId};
use goxide_types::typestring::type_string_go_types as type_string;

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
        Type::Named(_) => tt.named(t).and_then(|n| n.underlying.get().copied()).map(|_| tt.underlying_spelled(t)),
        _ => Some(tt.underlying(t)),
    };
    out.push(format!("{q} type {} {}", typ(Some(t)), typ(underlying)));
    if let Some(n) = tt.named(t) {
        let methods: Vec<_> = n.methods.lock().map(|m| m.clone()).unwrap_or_default();
        for m in methods {
            let mo = object(m);
            out.push(format!("{q}.{} method {} {}", mo.name, receiver(t, m), typ(object_type(mo))));
        }
    }
}

/// An object's type, once the checker has set it.
fn object_type(o: &Object) -> Option<TypeId> {
    o.typ.get()
}

/// A constant's exact value (go/constant's `ExactString`, on one line, as
/// the oracle prints it), once the checker has set it.
fn const_value(o: &Object) -> Option<String> {
    o.val.get().map(|v| v.exact_string().replace('\n', "\\n"))
}

/// The declared receiver type of method `m` of defined type `t`, as
/// go/types prints `Signature.Recv().Type()`: `T` or `*T`, a generic
/// type with the receiver's own type parameter names (`*list.List[E]`).
/// Our signatures carry no receiver: it is rebuilt from what the checker
/// records (pointer-ness, receiver type parameters).
fn receiver(t: TypeId, m: ObjId) -> String {
    let tt = table();
    let star = if lookup::method_has_ptr_recv(m) { "*" } else { "" };
    let Some(n) = tt.named(t) else { return UNKNOWN.to_string() };
    let declared_params = n.tparams.get().map_or(0, |p| p.len());
    if declared_params == 0 {
        return format!("{star}{}", typ(Some(t)));
    }
    let rparams = subst::method_recv_tparams(m);
    if rparams.len() != declared_params {
        return UNKNOWN.to_string();
    }
    let names: Vec<String> = rparams
        .iter()
        .map(|&p| tt.type_param(p).map_or_else(|| UNKNOWN.to_string(), |d| d.name.to_string()))
        .collect();
    let path = n.pkg.map(|p| format!("{}.", package::info(p).path)).unwrap_or_default();
    format!("{star}{path}{}[{}]", n.name, names.join(", "))
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

    /// A checked package dumps as go/types does: the expected lines are
    /// `tests/gotypesdump`'s output for the same file (GOPATH=/tmp/gp,
    /// `echo example.com/d | gotypesdump`).
    #[test]
    fn checked_package_lines_as_go_types() {
        use goxide_types::check::{Checker, Importer};
        struct NoImports;
        impl Importer for NoImports {
            fn import(&self, path: &str) -> Result<PkgId, String> {
                Err(format!("no {path}"))
            }
        }
        let src = "package d\n\nconst C = 1\nconst S = \"a\\nb\"\n\nvar V int\n\nfunc F() {}\n\ntype T struct{}\n\nfunc (T) M() {}\n\ntype A = int\n\ntype L[E any] struct{ e E }\n\nfunc (l *L[X]) Get() X { return l.e }\n";
        let (f, diags) = goxide_syntax::parse_file("/d.go", src.as_bytes());
        assert!(diags.is_empty(), "{diags:?}");
        let config = crate::typecheck::gc_config("amd64", "").unwrap();
        let mut c = Checker::new(&config, &NoImports, "example.com/d", vec![std::sync::Arc::new(f)]);
        c.check();
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        let want = [
            "example.com/d.A alias example.com/d.A int",
            "example.com/d.C const untyped int 1",
            "example.com/d.F func func()",
            "example.com/d.L type example.com/d.L[E any] struct{e E}",
            "example.com/d.L.Get method *example.com/d.L[X] func() X",
            "example.com/d.S const untyped string \"a\\nb\"",
            "example.com/d.T type example.com/d.T struct{}",
            "example.com/d.T.M method example.com/d.T func()",
            "example.com/d.V var int",
        ];
        assert_eq!(decl_lines(c.pkg, "example.com/d"), want);
        assert!(decl_lines(package::register("never/checked", "x"), "never/checked").is_empty());
    }
}
