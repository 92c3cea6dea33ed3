//! Short-form printing of expressions and simple statements, as gc's
//! `syntax.String` (`printer.go` in `ShortForm`): one line, single blanks
//! where gc's printer puts them, `{…}` for non-empty function and
//! composite literal bodies. Diagnostics quote it ("cannot use x := 1 as
//! value"), so its output must match gc's character for character.

use crate::ast::{ChanDir, ExprId, ExprKind, File, FieldId, StmtId, StmtKind};
use crate::token::Operator;

/// Prints an expression or type in gc's short form.
pub fn expr_string(f: &File, x: ExprId) -> String {
    let mut out = String::new();
    Printer { f, out: &mut out }.expr(x);
    out
}

/// Prints a simple statement in gc's short form.
pub fn stmt_string(f: &File, s: StmtId) -> String {
    let mut out = String::new();
    Printer { f, out: &mut out }.stmt(s);
    out
}

struct Printer<'a> {
    f: &'a File,
    out: &'a mut String,
}

impl Printer<'_> {
    fn s(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn list(&mut self, xs: &[ExprId]) {
        for (i, &x) in xs.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.expr(x);
        }
    }

    fn expr(&mut self, x: ExprId) {
        let f = self.f;
        match f.expr(x).kind {
            ExprKind::Bad => self.s("<bad expr>"),
            ExprKind::Name(n) => self.s(f.name_str(n)),
            ExprKind::BasicLit { .. } => {
                let t = f.lit_text(x);
                self.s(&t)
            }
            ExprKind::FuncLit { typ, body } => {
                self.expr(typ);
                self.s(" {");
                if let StmtKind::Block { stmts, .. } = f.stmt(body).kind {
                    if !stmts.is_empty() {
                        self.s("…");
                    }
                }
                self.s("}");
            }
            ExprKind::CompositeLit { typ, elems, .. } => {
                if let Some(t) = typ {
                    self.expr(t);
                }
                self.s("{");
                if !elems.is_empty() {
                    self.s("…");
                }
                self.s("}");
            }
            ExprKind::Paren(inner) => {
                self.s("(");
                self.expr(inner);
                self.s(")");
            }
            ExprKind::Selector { x, sel } => {
                self.expr(x);
                self.s(".");
                self.s(f.name_str(sel));
            }
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.s("[");
                self.expr(index);
                self.s("]");
            }
            ExprKind::Slice { x, index, .. } => {
                self.expr(x);
                self.s("[");
                if let Some(i) = index[0] {
                    self.expr(i);
                }
                self.s(":");
                if let Some(j) = index[1] {
                    self.expr(j);
                }
                if let Some(k) = index[2] {
                    self.s(":");
                    self.expr(k);
                }
                self.s("]");
            }
            ExprKind::Assert { x, typ } => {
                self.expr(x);
                self.s(".(");
                self.expr(typ);
                self.s(")");
            }
            ExprKind::TypeSwitchGuard { lhs, x } => {
                if let Some(n) = lhs {
                    self.s(f.name_str(n));
                    self.s(" := ");
                }
                self.expr(x);
                self.s(".(type)");
            }
            ExprKind::Call { fun, args, has_dots } => {
                self.expr(fun);
                self.s("(");
                self.list(f.exprs_of(args));
                if has_dots {
                    self.s("...");
                }
                self.s(")");
            }
            ExprKind::Operation { op, x, y } => match y {
                None => {
                    self.s(op.as_str());
                    self.expr(x);
                }
                Some(y) => {
                    self.expr(x);
                    self.s(" ");
                    self.s(op.as_str());
                    self.s(" ");
                    self.expr(y);
                }
            },
            ExprKind::KeyValue { key, value } => {
                self.expr(key);
                self.s(": ");
                self.expr(value);
            }
            ExprKind::List(l) => self.list(f.exprs_of(l)),
            ExprKind::ArrayType { len, elem } => {
                self.s("[");
                match len {
                    Some(l) => self.expr(l),
                    None => self.s("..."),
                }
                self.s("]");
                self.expr(elem);
            }
            ExprKind::SliceType { elem } => {
                self.s("[]");
                self.expr(elem);
            }
            ExprKind::DotsType { elem } => {
                self.s("...");
                self.expr(elem);
            }
            ExprKind::StructType { fields } => {
                self.s("struct{");
                self.struct_fields(f.fields_of(fields));
                self.s("}");
            }
            ExprKind::FuncType { params, results } => {
                self.s("func");
                self.signature(params, results);
            }
            ExprKind::InterfaceType { methods } => {
                self.s("interface{");
                for (i, &m) in f.fields_of(methods).iter().enumerate() {
                    if i > 0 {
                        self.s("; ");
                    }
                    let m = f.field(m);
                    match (m.name, &f.expr(m.typ).kind) {
                        (Some(n), ExprKind::FuncType { params, results }) => {
                            self.s(f.name_str(n));
                            self.signature(*params, *results);
                        }
                        _ => self.expr(m.typ),
                    }
                }
                self.s("}");
            }
            ExprKind::MapType { key, value } => {
                self.s("map[");
                self.expr(key);
                self.s("]");
                self.expr(value);
            }
            ExprKind::ChanType { dir, elem } => {
                if dir == ChanDir::RecvOnly {
                    self.s("<-");
                }
                self.s("chan");
                if dir == ChanDir::SendOnly {
                    self.s("<-");
                }
                self.s(" ");
                let paren = dir == ChanDir::Both
                    && matches!(f.expr(elem).kind, ExprKind::ChanType { dir: ChanDir::RecvOnly, .. });
                if paren {
                    self.s("(");
                }
                self.expr(elem);
                if paren {
                    self.s(")");
                }
            }
        }
    }

    fn struct_fields(&mut self, fields: &[FieldId]) {
        // Group consecutive names that share a type, as gc's printFieldList.
        let f = self.f;
        let mut i0 = 0;
        let mut typ = None;
        for (i, &id) in fields.iter().enumerate() {
            let fd = f.field(id);
            if fd.name.is_none() || Some(fd.typ) != typ {
                if i0 < i {
                    self.field_group(&fields[i0..i]);
                    self.s("; ");
                    i0 = i;
                }
                typ = Some(fd.typ);
            }
        }
        if !fields.is_empty() {
            self.field_group(&fields[i0..]);
        }
    }

    fn field_group(&mut self, group: &[FieldId]) {
        let f = self.f;
        let first = f.field(group[0]);
        if group.len() == 1 && first.name.is_none() {
            self.expr(first.typ);
        } else {
            for (k, &id) in group.iter().enumerate() {
                if k > 0 {
                    self.s(", ");
                }
                if let Some(n) = f.field(id).name {
                    self.s(f.name_str(n));
                }
            }
            self.s(" ");
            self.expr(first.typ);
        }
        if let Some(tag) = first.tag {
            self.s(" ");
            self.expr(tag);
        }
    }

    fn signature(&mut self, params: crate::ast::List<FieldId>, results: crate::ast::List<FieldId>) {
        let f = self.f;
        self.params(f.fields_of(params));
        let rs = f.fields_of(results);
        if !rs.is_empty() {
            self.s(" ");
            if rs.len() == 1 && f.field(rs[0]).name.is_none() {
                self.expr(f.field(rs[0]).typ);
            } else {
                self.params(rs);
            }
        }
    }

    fn params(&mut self, list: &[FieldId]) {
        let f = self.f;
        self.s("(");
        for (i, &id) in list.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            let fd = f.field(id);
            if let Some(n) = fd.name {
                self.s(f.name_str(n));
                if let Some(&next) = list.get(i + 1) {
                    let nf = f.field(next);
                    if nf.name.is_some() && nf.typ == fd.typ {
                        continue;
                    }
                }
                self.s(" ");
            }
            self.expr(fd.typ);
        }
        self.s(")");
    }

    fn stmt(&mut self, s: StmtId) {
        let f = self.f;
        match f.stmt(s).kind {
            StmtKind::Expr(x) => self.expr(x),
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.s(" <- ");
                self.expr(value);
            }
            StmtKind::Assign { op, lhs, rhs } => {
                self.expr(lhs);
                match rhs {
                    None => {
                        self.s(op.as_str());
                        self.s(op.as_str());
                    }
                    Some(r) => {
                        self.s(" ");
                        if op != Operator::None {
                            self.s(op.as_str());
                        }
                        self.s("= ");
                        self.expr(r);
                    }
                }
            }
            StmtKind::Range { lhs, def, x } => {
                if let Some(l) = lhs {
                    self.expr(l);
                    self.s(if def { " := " } else { " = " });
                }
                self.s("range ");
                self.expr(x);
            }
            StmtKind::Empty => {}
            // Only simple statements reach diagnostics.
            _ => self.s("<stmt>"),
        }
    }
}
