//! Pre-order traversal of a file's tree (gc's `syntax/walk.go`).
//!
//! [`walk_file`] calls the [`Visitor`] on every declaration, statement,
//! expression and field, parents before children, children in source
//! order. A visitor method returning `false` skips that node's children.
//! Type expressions and tags shared by the names of one field group
//! (`a, b int \`t\``) are visited once, not once per name.

use crate::ast::*;

/// Callbacks for [`walk_file`]; every method defaults to "descend".
pub trait Visitor {
    fn decl(&mut self, _f: &File, _d: DeclId) -> bool {
        true
    }
    fn stmt(&mut self, _f: &File, _s: StmtId) -> bool {
        true
    }
    fn expr(&mut self, _f: &File, _x: ExprId) -> bool {
        true
    }
    fn field(&mut self, _f: &File, _fd: FieldId) -> bool {
        true
    }
}

/// Walks every declaration of `f`.
pub fn walk_file(f: &File, v: &mut impl Visitor) {
    for &d in f.decls_of(f.decls) {
        walk_decl(f, v, d);
    }
}

pub fn walk_decl(f: &File, v: &mut impl Visitor, d: DeclId) {
    if !v.decl(f, d) {
        return;
    }
    match f.decl(d).kind {
        DeclKind::Import { path, .. } => opt_expr(f, v, path),
        DeclKind::Const { typ, values, .. } | DeclKind::Var { typ, values, .. } => {
            opt_expr(f, v, typ);
            opt_expr(f, v, values);
        }
        DeclKind::Type { tparams, typ, .. } => {
            fields(f, v, tparams);
            walk_expr(f, v, typ);
        }
        DeclKind::Func { recv, tparams, typ, body, .. } => {
            if let Some(r) = recv {
                walk_field_list(f, v, &[r]);
            }
            fields(f, v, tparams);
            walk_expr(f, v, typ);
            if let Some(b) = body {
                walk_stmt(f, v, b);
            }
        }
    }
}

fn opt_expr(f: &File, v: &mut impl Visitor, x: Option<ExprId>) {
    if let Some(x) = x {
        walk_expr(f, v, x);
    }
}

fn opt_stmt(f: &File, v: &mut impl Visitor, s: Option<StmtId>) {
    if let Some(s) = s {
        walk_stmt(f, v, s);
    }
}

fn fields(f: &File, v: &mut impl Visitor, l: List<FieldId>) {
    walk_field_list(f, v, f.fields_of(l));
}

/// Visits fields, walking a type shared by consecutive fields once.
pub fn walk_field_list(f: &File, v: &mut impl Visitor, list: &[FieldId]) {
    let (mut last_type, mut last_tag) = (None, None);
    for &id in list {
        let fd = f.field(id);
        if !v.field(f, id) {
            continue;
        }
        if Some(fd.typ) != last_type {
            walk_expr(f, v, fd.typ);
            last_type = Some(fd.typ);
        }
        if fd.tag.is_some() && fd.tag != last_tag {
            walk_expr(f, v, fd.tag.unwrap());
        }
        last_tag = fd.tag;
    }
}

pub fn walk_expr(f: &File, v: &mut impl Visitor, x: ExprId) {
    if !v.expr(f, x) {
        return;
    }
    match f.expr(x).kind {
        ExprKind::Bad | ExprKind::Name(_) | ExprKind::BasicLit { .. } => {}
        ExprKind::CompositeLit { typ, elems, .. } => {
            opt_expr(f, v, typ);
            for &e in f.exprs_of(elems) {
                walk_expr(f, v, e);
            }
        }
        ExprKind::KeyValue { key, value } => {
            walk_expr(f, v, key);
            walk_expr(f, v, value);
        }
        ExprKind::FuncLit { typ, body } => {
            walk_expr(f, v, typ);
            walk_stmt(f, v, body);
        }
        ExprKind::Paren(x)
        | ExprKind::Selector { x, .. }
        | ExprKind::SliceType { elem: x }
        | ExprKind::DotsType { elem: x }
        | ExprKind::ChanType { elem: x, .. }
        | ExprKind::TypeSwitchGuard { x, .. } => walk_expr(f, v, x),
        ExprKind::Index { x, index } => {
            walk_expr(f, v, x);
            walk_expr(f, v, index);
        }
        ExprKind::Slice { x, index, .. } => {
            walk_expr(f, v, x);
            for i in index {
                opt_expr(f, v, i);
            }
        }
        ExprKind::Assert { x, typ } => {
            walk_expr(f, v, x);
            walk_expr(f, v, typ);
        }
        ExprKind::Operation { x, y, .. } => {
            walk_expr(f, v, x);
            opt_expr(f, v, y);
        }
        ExprKind::Call { fun, args, .. } => {
            walk_expr(f, v, fun);
            for &a in f.exprs_of(args) {
                walk_expr(f, v, a);
            }
        }
        ExprKind::List(l) => {
            for &e in f.exprs_of(l) {
                walk_expr(f, v, e);
            }
        }
        ExprKind::ArrayType { len, elem } => {
            opt_expr(f, v, len);
            walk_expr(f, v, elem);
        }
        ExprKind::StructType { fields: l } | ExprKind::InterfaceType { methods: l } => fields(f, v, l),
        ExprKind::FuncType { params, results } => {
            fields(f, v, params);
            fields(f, v, results);
        }
        ExprKind::MapType { key, value } => {
            walk_expr(f, v, key);
            walk_expr(f, v, value);
        }
    }
}

pub fn walk_stmt(f: &File, v: &mut impl Visitor, s: StmtId) {
    if !v.stmt(f, s) {
        return;
    }
    match f.stmt(s).kind {
        StmtKind::Empty | StmtKind::Branch { .. } => {}
        StmtKind::Labeled { stmt, .. } => walk_stmt(f, v, stmt),
        StmtKind::Block { stmts, .. } => {
            for &s in f.stmts_of(stmts) {
                walk_stmt(f, v, s);
            }
        }
        StmtKind::Expr(x) | StmtKind::Call { call: x, .. } => walk_expr(f, v, x),
        StmtKind::Send { chan, value } => {
            walk_expr(f, v, chan);
            walk_expr(f, v, value);
        }
        StmtKind::Decl(decls) => {
            for &d in f.decls_of(decls) {
                walk_decl(f, v, d);
            }
        }
        StmtKind::Assign { lhs, rhs, .. } => {
            walk_expr(f, v, lhs);
            opt_expr(f, v, rhs);
        }
        StmtKind::Return { results } => opt_expr(f, v, results),
        StmtKind::If { init, cond, then, els } => {
            opt_stmt(f, v, init);
            opt_expr(f, v, cond);
            walk_stmt(f, v, then);
            opt_stmt(f, v, els);
        }
        StmtKind::For { init, cond, post, body } => {
            opt_stmt(f, v, init);
            opt_expr(f, v, cond);
            opt_stmt(f, v, post);
            walk_stmt(f, v, body);
        }
        StmtKind::Switch { init, tag, body, .. } => {
            opt_stmt(f, v, init);
            opt_expr(f, v, tag);
            for &c in f.stmts_of(body) {
                walk_stmt(f, v, c);
            }
        }
        StmtKind::Select { body, .. } => {
            for &c in f.stmts_of(body) {
                walk_stmt(f, v, c);
            }
        }
        StmtKind::Range { lhs, x, .. } => {
            opt_expr(f, v, lhs);
            walk_expr(f, v, x);
        }
        StmtKind::CaseClause { cases, body, .. } => {
            opt_expr(f, v, cases);
            for &s in f.stmts_of(body) {
                walk_stmt(f, v, s);
            }
        }
        StmtKind::CommClause { comm, body, .. } => {
            opt_stmt(f, v, comm);
            for &s in f.stmts_of(body) {
                walk_stmt(f, v, s);
            }
        }
    }
}
