//! Cycle checks that types2 makes outside `objDecl` (types2's `cycles.go`,
//! Go 1.27): direct cycles among type names, and the completeness of a
//! type an expression depends on.
//!
//! - `direct_cycles`: before any declaration is checked, each package-level
//!   type name is followed through declarations whose right-hand side is
//!   just another package-level type name (`type A B; type B A`); a chain
//!   that comes back on itself is reported once (starting at the name
//!   first in the source) and its names get the invalid type, so that
//!   `obj_decl` treats them as done. Each name is visited once overall
//!   (`path_idx` marks visited names with `None`).
//! - `is_complete`: an expression that needs a type's underlying type
//!   (composite literal, conversion, selector, index, slice, receive,
//!   dereference, type assertion, call result) while that type's own
//!   declaration is still being checked (its name is on `obj_path`) is an
//!   invalid recursive type (`type T [len(T{})]int`); the check follows
//!   the chain of declared right-hand sides (`fromRHS`) of named types and
//!   aliases, and nothing else.

use rustc_hash::FxHashMap as HashMap;

use goxide_syntax::ast::{DeclKind, ExprKind};

use super::Checker;
use crate::objects::{object, ObjKind};
use crate::symbol::Symbol;
use crate::types::{table, ObjId, TypeId};

impl Checker<'_> {
    /// types2's `directCycles`.
    pub(crate) fn direct_cycles(&mut self) {
        // `Some(i)`: on the current path at index i; `None`: done.
        let mut path_idx: HashMap<ObjId, Option<usize>> = HashMap::default();
        let objs = self.objects.clone();
        for o in objs {
            if matches!(object(o).kind, ObjKind::TypeName) {
                self.direct_cycle(o, &mut path_idx);
            }
        }
    }

    fn direct_cycle(&mut self, start: ObjId, path_idx: &mut HashMap<ObjId, Option<usize>>) {
        let mut path: Vec<ObjId> = Vec::new();
        let mut tname = start;
        loop {
            match path_idx.get(&tname) {
                Some(None) => break,
                Some(Some(i)) => {
                    let cycle = path[*i..].to_vec();
                    object(tname).typ.set(table().invalid());
                    self.cycle_error(&cycle);
                    break;
                }
                None => {}
            }
            path_idx.insert(tname, Some(path.len()));
            path.push(tname);
            let Some(next) = self.rhs_type_name(tname) else { break };
            tname = next;
        }
        for t in path {
            path_idx.insert(t, None);
        }
    }

    /// The package-level type name that the declaration of `tname` names
    /// as its whole right-hand side, if any.
    fn rhs_type_name(&self, tname: ObjId) -> Option<ObjId> {
        let d = self.decls.get(&tname)?;
        let f = &self.files[d.file].1;
        let DeclKind::Type { typ, .. } = f.decl(d.decl).kind else { return None };
        let ExprKind::Name(n) = f.expr(typ).kind else { return None };
        let o = self.scope.lookup(Symbol::intern(f.name_str(n)))?;
        matches!(object(o).kind, ObjKind::TypeName).then_some(o)
    }

    /// types2's `isComplete`: whether `t` is complete (has its underlying
    /// type); if not, the declaration cycle is reported.
    pub(crate) fn is_complete(&mut self, t: TypeId) -> bool {
        // Only a declaration being checked can be incomplete (function
        // bodies are checked with no declaration in progress).
        if self.obj_path.is_empty() {
            return true;
        }
        let tt = table();
        let mut t = t;
        // Bounded by the number of named types on the chain (a chain
        // that loops would meet a name on obj_path).
        for _ in 0..10_000 {
            let (obj, rhs) = if let Some(a) = tt.alias(t) {
                (a.obj.get().copied(), a.actual.get().copied())
            } else if let Some(n) = tt.named(t) {
                (n.obj.get().copied(), self.named_rhs.get(&t).copied())
            } else {
                return true;
            };
            if let Some(obj) = obj {
                if let Some(i) = self.obj_path.iter().position(|&p| p == obj) {
                    let cycle = self.obj_path[i..].to_vec();
                    self.cycle_error(&cycle);
                    return false;
                }
            }
            match rhs {
                Some(r) => t = r,
                None => return true,
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::assert_as_gc;

    /// Each cycle once, from its first name in the source, as the
    /// reference `go build` reports these declarations.
    #[test]
    fn cycles_reported_once_as_gc() {
        let src = "package main\nimport \"unsafe\"\ntype A B\ntype B C\ntype C A\ntype T [len(T{})]int\n\
                   type S struct{ f [unsafe.Sizeof(new(S).f)]int }\ntype U1 struct{ u U2 }\ntype U2 struct{ u U1 }\nfunc main() {}\n";
        assert_as_gc(&[(
            src,
            &[
                "./x.go:3:6: invalid recursive type A\n\t./x.go:3:6: A refers to B\n\t./x.go:4:6: B refers to C\n\t./x.go:5:6: C refers to A",
                "./x.go:6:6: invalid recursive type: T refers to itself",
                "./x.go:7:6: invalid recursive type: S refers to itself",
                "./x.go:8:6: invalid recursive type U1\n\t./x.go:8:6: U1 refers to U2\n\t./x.go:9:6: U2 refers to U1",
            ],
        )]);
    }
}
