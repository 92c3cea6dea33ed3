//! Function-local scopes (types2's `Scope` for blocks and functions), kept
//! in the checker: they are private to one package's checker, so they need
//! neither locks nor process lifetime, unlike the shared scopes of
//! `objects.rs` (universe, packages, files).
//!
//! A scope is an index into `Checker::locals`; its parent is another local
//! scope or, at a function's outermost scope, its file scope. Lookup walks
//! the local chain and then the shared chain (file, package, universe).
//!
//! Invariant: a local scope's entries are in declaration order and names
//! are unique within a scope (`declare` reports redeclarations).

use goxide_syntax::Pos;

use super::{alt_decl, Checker};
use crate::objects::{object, Scope};
use crate::symbol::Symbol;
use crate::types::ObjId;

/// A scope: local (index into `Checker::locals`) or shared.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ScopeRef {
    Local(u32),
    Shared(&'static Scope),
}

/// A block or function scope.
#[derive(Debug)]
pub(crate) struct LocalScope {
    pub parent: ScopeRef,
    pub entries: Vec<(Symbol, ObjId)>,
    /// A function's outermost scope (parameters and results).
    pub is_func: bool,
    /// End of the scope's source range (types2's `end`).
    #[allow(dead_code)] // read by scope queries of later stages
    pub end: Pos,
    /// Nested scopes, in order.
    pub children: Vec<u32>,
}

impl Checker<'_> {
    /// Opens a new local scope inside the current one.
    pub(crate) fn open_scope(&mut self, is_func: bool, end: Pos) {
        let i = self.locals.len() as u32;
        self.locals.push(LocalScope { parent: self.ctx.scope, entries: Vec::new(), is_func, end, children: Vec::new() });
        if let ScopeRef::Local(p) = self.ctx.scope {
            self.locals[p as usize].children.push(i);
        }
        self.ctx.scope = ScopeRef::Local(i);
    }

    /// Closes the current local scope.
    pub(crate) fn close_scope(&mut self) {
        if let ScopeRef::Local(i) = self.ctx.scope {
            self.ctx.scope = self.locals[i as usize].parent;
        }
    }

    /// The object for `name` in the current scope chain (types2's
    /// `LookupParent`); also tells whether it was found in a local scope.
    pub(crate) fn lookup(&self, name: Symbol) -> Option<ObjId> {
        let mut s = self.ctx.scope;
        loop {
            match s {
                ScopeRef::Local(i) => {
                    let l = &self.locals[i as usize];
                    if let Some(&(_, o)) = l.entries.iter().rev().find(|(n, _)| *n == name) {
                        return Some(o);
                    }
                    s = l.parent;
                }
                ScopeRef::Shared(sc) => return sc.lookup_parent(name),
            }
        }
    }

    /// Declares `obj` in the current local scope (types2's `declare`);
    /// reports a redeclaration. Blank names are never declared.
    pub(crate) fn declare_local(&mut self, obj: ObjId) {
        let o = object(obj);
        if o.name.is_blank() {
            return;
        }
        let ScopeRef::Local(i) = self.ctx.scope else {
            let s = match self.ctx.scope {
                ScopeRef::Shared(s) => s,
                ScopeRef::Local(_) => unreachable!(),
            };
            self.declare(s, obj);
            return;
        };
        let l = &mut self.locals[i as usize];
        if let Some(&(_, alt)) = l.entries.iter().find(|(n, _)| *n == o.name) {
            if let Some(pos) = o.pos {
                let mut parts = vec![(Some(pos), format!("{} redeclared in this block", o.name))];
                parts.extend(alt_decl(alt));
                self.error_count += 1;
                self.report(parts, false);
            }
            return;
        }
        l.entries.push((o.name, obj));
    }

    /// Whether `name` is declared in the current local scope itself.
    pub(crate) fn lookup_here(&self, name: Symbol) -> Option<ObjId> {
        match self.ctx.scope {
            ScopeRef::Local(i) => self.locals[i as usize].entries.iter().find(|(n, _)| *n == name).map(|&(_, o)| o),
            ScopeRef::Shared(s) => s.lookup(name),
        }
    }
}
