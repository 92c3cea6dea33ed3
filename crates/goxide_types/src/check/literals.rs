//! Composite and function literals (types2's `literals.go`): struct
//! literals with and without keys (promoted fields from go1.27), array
//! and slice literals with indices, `[...]T` lengths, map literals with
//! duplicate constant keys, elided element types; function literals
//! whose bodies are checked at the end of the enclosing statement.

use goxide_syntax::ast::{ExprId, ExprKind, StmtId};

use super::operand::{Mode, Operand};
use super::{Checker, Delayed};
use crate::constant::Kind;
use crate::predicates::*;
use crate::symbol::Symbol;
use crate::types::{table, Type, TypeId};

impl Checker<'_> {
    /// types2's `funcLit`.
    pub(crate) fn func_lit(&mut self, x: &mut Operand, _e: ExprId, typ: ExprId, body: StmtId) {
        let tt = table();
        self.open_scope(true, 0);
        let scope = self.ctx.scope;
        let sig = self.func_type(None, &[], typ, None, false);
        self.close_scope();
        if !matches!(tt.get(sig), Type::Signature { .. }) {
            x.mode = Mode::Invalid;
            return;
        }
        self.record_type_and_value(typ, Mode::TypeExpr, sig, None);
        self.delayed.push(Delayed::FuncBody { fi: self.ctx.fi, decl: self.ctx.decl, scope, sig, body, name: Symbol::intern("") });
        x.mode = Mode::Value;
        x.typ = sig;
    }

    /// types2's `compositeLit`.
    pub(crate) fn composite_lit(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let ExprKind::CompositeLit { typ: te, elems, rbrace, .. } = file.expr(e).kind else { return };
        let elems = file.exprs_of(elems).to_vec();
        let mut dotdotdot = false;
        let (typ, base, is_elem) = match (te, hint) {
            (Some(te), _) => {
                if let ExprKind::ArrayType { len: None, elem } = file.expr(te).kind {
                    let el = self.var_type(elem);
                    dotdotdot = true;
                    (el, el, false)
                } else {
                    let t = self.typ(te);
                    (t, t, false)
                }
            }
            (None, Some(h)) => {
                let mut base = h;
                if let Some(u) = core_type(h) {
                    if let Type::Pointer(b) = tt.get(u) {
                        base = *b;
                    }
                }
                (h, base, true)
            }
            (None, None) => {
                self.error_at(e, "missing type in composite literal".into());
                (tt.invalid(), tt.invalid(), false)
            }
        };
        if dotdotdot {
            // [...]T{...}: the length is the number of elements.
            let elem = typ;
            let n = self.indexed_elts(&elems, elem, -1);
            let at = tt.intern(Type::Array { len: n, elem });
            if let Some(te) = te {
                self.record_type_and_value(te, Mode::TypeExpr, at, None);
            }
            x.mode = Mode::Value;
            x.typ = at;
            return;
        }
        // A literal of an incomplete type cannot be made.
        if !self.is_complete(base) {
            x.mode = Mode::Invalid;
            x.expr = Some(e);
            return;
        }
        let u = core_type(base);
        match u.map(|u| tt.get(u).clone()) {
            Some(Type::Struct(fields)) => {
                if elems.is_empty() {
                } else if matches!(file.expr(elems[0]).kind, ExprKind::KeyValue { .. }) {
                    let mut visited: Vec<Vec<usize>> = Vec::new();
                    for &el in &elems {
                        let ExprKind::KeyValue { key, value } = file.expr(el).kind else {
                            self.error_at(el, "mixture of field:value and value elements in struct literal".into());
                            continue;
                        };
                        let mut v = Operand::invalid(Some(value));
                        self.generic_expr(&mut v, value);
                        let ExprKind::Name(kn) = file.expr(key).kind else {
                            let ks = self.expr_str(key);
                            self.error_at(el, format!("invalid field name {ks} in struct literal"));
                            continue;
                        };
                        let kname = Symbol::intern(file.name_str(kn));
                        let r = crate::lookup::lookup_field_or_method(u.unwrap_or(base), false, Some(self.pkg), kname, false);
                        match r {
                            crate::lookup::Lookup::Field { path, typ: ft, indirect } => {
                                if path.len() > 1 && !self.allow_version(27) {
                                    let bs = self.type_str(base);
                                    let fp = self.field_path(u.unwrap_or(base), &path);
                                    self.version_error_at(key, &format!("use of promoted field {fp} in struct literal of type {bs}"), 27);
                                    continue;
                                }
                                if indirect {
                                    let ks = file.name_str(kn);
                                    self.error_at(key, format!("invalid implicit pointer indirection to reach {ks}"));
                                    continue;
                                }
                                self.assignment(&mut v, Some(ft), "struct literal");
                                // Duplicates: the same path, or one a prefix of the other.
                                let mut dup = None;
                                for p in &visited {
                                    let n = p.len().min(path.len());
                                    if p[..n] == path[..n] {
                                        dup = Some(p.clone());
                                        break;
                                    }
                                }
                                match dup {
                                    Some(p) if p == path => {
                                        self.error_at(el, format!("duplicate field name {kname} in struct literal"));
                                    }
                                    Some(p) => {
                                        let alt = self.field_name_at(u.unwrap_or(base), &p);
                                        if p.len() < path.len() {
                                            self.error_at(el, format!("cannot specify promoted field {kname} and enclosing embedded field {alt}"));
                                        } else {
                                            self.error_at(el, format!("cannot specify embedded field {kname} and enclosed promoted field {alt}"));
                                        }
                                    }
                                    None => visited.push(path),
                                }
                            }
                            crate::lookup::Lookup::Method { .. } => {
                                let ks = file.name_str(kn);
                                self.error_at(key, format!("{ks} is not a field"));
                            }
                            _ => {
                                let msg = crate::lookup::lookup_error_lit(base, kname, Some(self.pkg), &|p| self.qualify(p));
                                self.error_at(key, msg);
                            }
                        }
                    }
                } else {
                    for (i, &el) in elems.iter().enumerate() {
                        if matches!(file.expr(el).kind, ExprKind::KeyValue { .. }) {
                            self.error_at(el, "mixture of field:value and value elements in struct literal".into());
                            continue;
                        }
                        let mut v = Operand::invalid(Some(el));
                        self.generic_expr(&mut v, el);
                        if i >= fields.len() {
                            let bs = self.type_str(base);
                            self.error_op(&v, format!("too many values in struct literal of type {bs}"));
                            break;
                        }
                        let f = &fields[i];
                        let fname = f.var.name.unwrap_or(Symbol::intern("_"));
                        if !fname.is_exported() && f.var.pkg != Some(self.pkg) {
                            let bs = self.type_str(base);
                            self.error_op(&v, format!("implicit assignment to unexported field {fname} in struct literal of type {bs}"));
                            continue;
                        }
                        self.assignment(&mut v, Some(f.var.typ), "struct literal");
                    }
                    if elems.len() < fields.len() {
                        let hint = if fields.iter().any(|f| !f.var.name.is_some_and(|n| n.is_exported()) && f.var.pkg != Some(self.pkg)) {
                            " (type has unexported fields - use key:value pairs)"
                        } else {
                            ""
                        };
                        let bs = self.type_str(base);
                        self.error_pos(rbrace, format!("too few values in struct literal of type {bs}{hint}"));
                    }
                }
            }
            Some(Type::Array { len, elem }) => {
                self.indexed_elts(&elems, elem, len);
            }
            Some(Type::Slice(elem)) => {
                self.indexed_elts(&elems, elem, -1);
            }
            Some(Type::Map { key, elem }) => {
                let key_is_iface = is_non_type_param_interface(key);
                let mut visited: Vec<(String, TypeId)> = Vec::new();
                for &el in &elems {
                    let ExprKind::KeyValue { key: ke, value } = file.expr(el).kind else {
                        self.error_at(el, "missing key in map literal".into());
                        continue;
                    };
                    let mut k = Operand::invalid(Some(ke));
                    self.raw_expr(&mut k, ke, Some(key), true);
                    self.exclude(&mut k, &[Mode::NoValue, Mode::Builtin(crate::objects::Builtin::Len), Mode::TypeExpr]);
                    self.single_value(&mut k);
                    self.assignment(&mut k, Some(key), "map literal");
                    if k.mode == Mode::Invalid {
                        continue;
                    }
                    if k.mode == Mode::Constant {
                        if let Some(kv) = k.val.as_ref().and_then(key_val) {
                            let dup = if key_is_iface {
                                visited.iter().any(|(s, t)| *s == kv && tt.identical(*t, k.typ))
                            } else {
                                visited.iter().any(|(s, _)| *s == kv)
                            };
                            visited.push((kv, k.typ));
                            if dup {
                                let vs = k.val.as_ref().map(|v| v.to_string()).unwrap_or_default();
                                self.error_op(&k, format!("duplicate key {vs} in map literal"));
                                continue;
                            }
                        }
                    }
                    let mut v = Operand::invalid(Some(value));
                    self.raw_expr(&mut v, value, Some(elem), true);
                    self.exclude(&mut v, &[Mode::NoValue, Mode::Builtin(crate::objects::Builtin::Len), Mode::TypeExpr]);
                    self.single_value(&mut v);
                    self.assignment(&mut v, Some(elem), "map literal");
                }
            }
            other => {
                for &el in &elems {
                    let v = match file.expr(el).kind {
                        ExprKind::KeyValue { value, .. } => value,
                        _ => el,
                    };
                    self.use_exprs(&[v]);
                }
                let valid_u = match other {
                    Some(_) => u != Some(tt.invalid()),
                    None => true,
                };
                if typ != tt.invalid() && valid_u {
                    let q = if is_elem { " element" } else { "" };
                    let cause = if u.is_none() { " (no common underlying type)" } else { "" };
                    let ts = self.type_str(typ);
                    self.error_at(e, format!("invalid composite literal{q} type {ts}{cause}"));
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        }
        x.mode = Mode::Value;
        x.typ = typ;
    }

    /// The dotted path of field names along an embedding path (types2's
    /// `fieldPath`).
    fn field_path(&self, t: TypeId, path: &[usize]) -> String {
        let tt = table();
        let mut names = Vec::new();
        let mut cur = t;
        for &i in path {
            let mut u = tt.underlying(cur);
            if let Type::Pointer(b) = tt.get(u) {
                u = tt.underlying(*b);
            }
            let Type::Struct(fs) = tt.get(u) else { break };
            let Some(f) = fs.get(i) else { break };
            names.push(f.var.name.map(|n| n.to_string()).unwrap_or_default());
            cur = f.var.typ;
        }
        names.join(".")
    }

    fn field_name_at(&self, t: TypeId, path: &[usize]) -> String {
        self.field_path(t, path).rsplit('.').next().unwrap_or_default().to_string()
    }

    /// types2's `indexedElts`: checks the elements of an array or slice
    /// literal; returns the length they make.
    fn indexed_elts(&mut self, elts: &[ExprId], typ: TypeId, length: i64) -> i64 {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut visited = rustc_hash::FxHashSet::default();
        let (mut index, mut max) = (0i64, 0i64);
        for &e in elts {
            let mut valid_index = false;
            let mut eval = e;
            if let ExprKind::KeyValue { key, value } = file.expr(e).kind {
                let (t, i) = self.index(key, length);
                if t != tt.invalid() {
                    if i >= 0 {
                        index = i;
                        valid_index = true;
                    } else {
                        let ks = self.expr_str(key);
                        self.error_at(e, format!("index {ks} must be integer constant"));
                    }
                }
                eval = value;
            } else if length >= 0 && index >= length {
                self.error_at(e, format!("index {index} is out of bounds (>= {length})"));
            } else {
                valid_index = true;
            }
            if valid_index {
                if !visited.insert(index) {
                    self.error_at(e, format!("duplicate index {index} in array or slice literal"));
                }
            }
            index += 1;
            if index > max {
                max = index;
            }
            let mut x = Operand::invalid(Some(eval));
            self.raw_expr(&mut x, eval, Some(typ), true);
            self.exclude(&mut x, &[Mode::NoValue, Mode::Builtin(crate::objects::Builtin::Len), Mode::TypeExpr]);
            self.single_value(&mut x);
            self.assignment(&mut x, Some(typ), "array or slice literal");
        }
        max
    }
}

/// A constant map key's Go value, for duplicate detection (types2's
/// `keyVal`): numbers compare by value across kinds.
fn key_val(v: &crate::constant::Value) -> Option<String> {
    match v.kind() {
        Kind::Complex => {
            let f = v.to_float();
            if f.kind() != Kind::Float {
                let (r, _) = v.real().float64_val();
                let (i, _) = v.imag().float64_val();
                return Some(format!("c{r:?},{i:?}"));
            }
            key_val(&f)
        }
        Kind::Float => {
            let i = v.to_int();
            if i.kind() != Kind::Int {
                let (f, _) = v.float64_val();
                return Some(format!("f{f:?}"));
            }
            key_val(&i)
        }
        Kind::Int => {
            let (i, ok) = v.int64_val();
            if ok {
                return Some(format!("i{i}"));
            }
            let (u, ok) = v.uint64_val();
            if ok {
                return Some(format!("u{u}"));
            }
            Some(format!("x{}", v.exact_string()))
        }
        Kind::String => Some(format!("s{}", String::from_utf8_lossy(&v.string_val()))),
        Kind::Bool => Some(format!("b{}", v.bool_val())),
        Kind::Unknown => None,
    }
}
