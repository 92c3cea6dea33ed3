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
    /// Declared names: object, and the position from which the name is
    /// visible (types2's scope positions: `x := f(func() { x })` does not
    /// see the new x inside the literal, whose body is checked later).
    pub entries: Vec<(Symbol, ObjId, Pos)>,
    /// A function's outermost scope (parameters and results).
    pub is_func: bool,
    /// End of the scope's source range (types2's `end`).
    #[allow(dead_code)] // read by scope queries of later stages
    pub end: Pos,
    /// Nested scopes, in order.
    pub children: Vec<u32>,
}

/// A position at or after the end of expression `e` (its rightmost
/// descendant's end): every identifier inside `e` is before it.
pub(crate) fn expr_end(file: &goxide_syntax::ast::File, e: goxide_syntax::ast::ExprId) -> Pos {
    use goxide_syntax::ast::{ExprKind, StmtKind};
    let x = file.expr(e);
    match &x.kind {
        ExprKind::Name(n) => n.pos + n.len,
        ExprKind::BasicLit { end, .. } => *end,
        ExprKind::CompositeLit { rbrace, .. } => rbrace + 1,
        ExprKind::FuncLit { body, .. } => match file.stmt(*body).kind {
            StmtKind::Block { rbrace, .. } => rbrace + 1,
            _ => Pos::MAX,
        },
        ExprKind::KeyValue { value, .. } => expr_end(file, *value),
        ExprKind::Paren(i) => expr_end(file, *i) + 1,
        ExprKind::Selector { sel, .. } => sel.pos + sel.len,
        ExprKind::Index { index, .. } => expr_end(file, *index) + 1,
        ExprKind::Slice { x, index, .. } => match index.iter().rev().flatten().next() {
            Some(i) => expr_end(file, *i) + 1,
            None => expr_end(file, *x) + 3,
        },
        ExprKind::Assert { typ, .. } => expr_end(file, *typ) + 1,
        ExprKind::TypeSwitchGuard { x, .. } => expr_end(file, *x) + 7,
        ExprKind::Operation { x, y, .. } => expr_end(file, y.unwrap_or(*x)),
        ExprKind::Call { fun, args, .. } => match file.exprs_of(*args).last() {
            Some(&a) => expr_end(file, a) + 1,
            None => expr_end(file, *fun) + 2,
        },
        ExprKind::List(l) => file.exprs_of(*l).last().map_or(x.pos, |&a| expr_end(file, a)),
        ExprKind::ArrayType { elem, .. } | ExprKind::SliceType { elem } | ExprKind::DotsType { elem } | ExprKind::ChanType { elem, .. } => {
            expr_end(file, *elem)
        }
        ExprKind::MapType { value, .. } => expr_end(file, *value),
        ExprKind::StructType { fields } => {
            file.fields_of(*fields).last().map_or(x.pos + 8, |&f| expr_end(file, file.field(f).typ) + 1)
        }
        ExprKind::InterfaceType { methods } => {
            file.fields_of(*methods).last().map_or(x.pos + 11, |&f| expr_end(file, file.field(f).typ) + 1)
        }
        ExprKind::FuncType { params, results } => {
            // "func()" when empty (the estimate must not pass the end).
            // The node is at `func` or, in some contexts, at its `(`.
            // A result list may lack parentheses: never count a `)` after it.
            let empty = if file.src.get(x.pos as usize) == Some(&b'f') { 6 } else { 2 };
            match (file.fields_of(*results).last(), file.fields_of(*params).last()) {
                (Some(&r), _) => expr_end(file, file.field(r).typ),
                (None, Some(&p)) => expr_end(file, file.field(p).typ) + 1,
                (None, None) => x.pos + empty,
            }
        }
        ExprKind::Bad => x.pos,
    }
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
        self.lookup_at(name, Pos::MAX)
    }

    /// The object for `name` as seen from position `at` of the current
    /// file: local names declared to be visible only after `at` are
    /// skipped (types2's `LookupParent` with a position).
    pub(crate) fn lookup_at(&self, name: Symbol, at: Pos) -> Option<ObjId> {
        let mut s = self.ctx.scope;
        loop {
            match s {
                ScopeRef::Local(i) => {
                    let l = &self.locals[i as usize];
                    if let Some(&(_, o, _)) = l.entries.iter().rev().find(|(n, _, from)| *n == name && *from <= at) {
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
        self.declare_local_from(obj, 0)
    }

    /// Declares `obj` in the current local scope, visible from `from` on.
    pub(crate) fn declare_local_from(&mut self, obj: ObjId, from: Pos) {
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
        if let Some(&(_, alt, _)) = l.entries.iter().find(|(n, _, _)| *n == o.name) {
            if let Some(pos) = o.pos {
                let mut parts = vec![(Some(pos), format!("{} redeclared in this block", o.name))];
                parts.extend(alt_decl(alt));
                self.error_count += 1;
                self.report(parts, false);
            }
            return;
        }
        l.entries.push((o.name, obj, from));
    }

    /// Whether `name` is declared in the current local scope itself.
    pub(crate) fn lookup_here(&self, name: Symbol) -> Option<ObjId> {
        match self.ctx.scope {
            ScopeRef::Local(i) => self.locals[i as usize].entries.iter().find(|(n, _, _)| *n == name).map(|&(_, o, _)| o),
            ScopeRef::Shared(s) => s.lookup(name),
        }
    }
}
