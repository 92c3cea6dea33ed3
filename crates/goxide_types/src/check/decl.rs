//! Package-level declarations (types2's `decl.go`, `resolver.go`'s
//! `packageObjects`): the order they are checked in, cycle detection, and
//! constant, variable, type and function declarations; methods are
//! attached to their receiver base types; local declarations
//! (`declStmt`) too.
//!
//! Algorithm (types2's): objects are white (type unknown), grey (on
//! `obj_path`, being checked) or black (type known). Checking an object's
//! declaration may require another's (`obj_decl` recurses from
//! identifiers); meeting a grey object is a cycle, which is valid only
//! through a type definition (`type T struct{ next *T }`) or among
//! values only (reported later by initialisation order); otherwise it is
//! reported here with types2's "invalid recursive type" / "invalid cycle
//! in declaration" messages. Non-alias types are declared first, then
//! aliases, then everything else, in source order.

use std::sync::Arc;

use goxide_syntax::ast::{DeclId, DeclKind, ExprId, FieldId};

use super::operand::{Mode, Operand};
use super::{Checker, DeclSource, ScopeRef};
use crate::constant;
use crate::objects::{new_object, object, ObjKind, VarKind};
use crate::predicates::*;
use crate::symbol::Symbol;
use crate::types::{table, ObjId, Type, TypeId};

/// The type name object of a named type.
fn type_obj(t: TypeId) -> Option<ObjId> {
    let tt = table();
    let n = tt.named(t)?;
    let o = n.origin.unwrap_or(t);
    tt.named(o)?.obj.get().copied()
}

impl Checker<'_> {
    /// types2's `packageObjects`.
    pub(crate) fn package_objects(&mut self) {
        let objs = self.objects.clone();
        let mut aliases = Vec::new();
        let mut others = Vec::new();
        for &o in &objs {
            if matches!(object(o).kind, ObjKind::TypeName) {
                let d = &self.decls[&o];
                let f = &self.files[d.file].1;
                if let DeclKind::Type { alias: true, .. } = f.decl(d.decl).kind {
                    aliases.push(o);
                } else {
                    self.obj_decl(o);
                }
            } else {
                others.push(o);
            }
        }
        for o in aliases {
            self.obj_decl(o);
        }
        for o in others {
            self.obj_decl(o);
        }
        self.methods.clear();
    }

    /// Records that the declaration being checked depends on `obj`
    /// (types2's `addDeclDep`), for initialisation order.
    pub(crate) fn add_decl_dep(&mut self, obj: ObjId) {
        let Some(from) = self.ctx.decl else { return };
        if !self.decls.contains_key(&obj) {
            return; // not a package-level object of this package
        }
        let deps = self.deps.entry(from).or_default();
        if !deps.contains(&obj) {
            deps.push(obj);
        }
    }

    /// types2's `objDecl`: determines the type (and value) of a
    /// package-level object, first checking what it depends on.
    pub(crate) fn obj_decl(&mut self, obj: ObjId) {
        let o = object(obj);
        if let Some(start) = self.obj_path.iter().position(|&x| x == obj) {
            // Grey: a cycle.
            let valid = self.valid_cycle(start);
            match o.kind {
                ObjKind::Const | ObjKind::Var { .. } => {
                    if !valid || o.typ.get().is_none() {
                        o.typ.set(table().invalid());
                    }
                }
                ObjKind::TypeName => {
                    if !valid {
                        o.typ.set(table().invalid());
                    }
                }
                _ => {}
            }
            return;
        }
        if o.typ.get().is_some() {
            return; // black
        }
        let Some(d) = self.decls.get(&obj).cloned() else {
            // An object of another package or a local one not yet typed:
            // nothing to do here.
            return;
        };
        self.obj_path.push(obj);
        let saved = self.ctx.clone();
        self.enter_file(d.file);
        match d.source {
            DeclSource::Const { typ, init, inherited, iota } => {
                self.ctx.decl = Some(obj);
                self.const_decl(obj, typ, init, inherited, constant::make_int64(iota));
            }
            DeclSource::Var { typ, init, lhs } => {
                self.ctx.decl = Some(obj);
                self.var_decl(obj, lhs.as_deref(), typ, init);
            }
            DeclSource::Type => {
                self.type_decl(obj, d.decl);
                self.collect_methods(obj);
            }
            DeclSource::Func => {
                // Only the body records dependencies (types2 leaves
                // check.decl unset for the signature).
                self.ctx.decl = None;
                self.func_decl(obj, d.decl);
            }
        }
        self.ctx = saved;
        self.obj_path.pop();
    }

    /// types2's `validCycle`: whether the cycle `obj_path[start..]` is
    /// allowed; reports it if not.
    fn valid_cycle(&mut self, start: usize) -> bool {
        let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
        let (mut nval, mut ndef) = (0, 0);
        for &c in &cycle {
            match object(c).kind {
                ObjKind::Const | ObjKind::Var { .. } => nval += 1,
                ObjKind::TypeName => {
                    let t = object(c).typ.get();
                    if self.ctx.in_tparam_list && t.is_some_and(is_generic) {
                        return true;
                    }
                    if !t.is_some_and(|t| table().alias(t).is_some()) {
                        ndef += 1;
                    }
                }
                _ => {}
            }
        }
        if nval == cycle.len() {
            return true;
        }
        if nval == 0 && ndef > 0 {
            return true;
        }
        self.cycle_error(&cycle);
        false
    }

    /// types2's `validType`: a named type must not contain itself other
    /// than through pointers, slices, maps, channels or functions.
    pub(crate) fn valid_type(&mut self, named: TypeId) {
        let mut nest = Vec::new();
        let mut path = Vec::new();
        self.valid_type0(named, &mut nest, &mut path);
    }

    fn valid_type0(&mut self, t: TypeId, nest: &mut Vec<TypeId>, path: &mut Vec<TypeId>) -> bool {
        let tt = table();
        let t = tt.unalias(t);
        match tt.get(t).clone() {
            Type::Array { elem, .. } => return self.valid_type0(elem, nest, path),
            Type::Struct(fields) => {
                for f in fields.iter() {
                    if !self.valid_type0(f.var.typ, nest, path) {
                        return false;
                    }
                }
            }
            Type::Union(terms) => {
                for term in terms.iter() {
                    if !self.valid_type0(term.typ, nest, path) {
                        return false;
                    }
                }
            }
            Type::Interface { embedded, .. } => {
                for &e in embedded.iter() {
                    if !self.valid_type0(e, nest, path) {
                        return false;
                    }
                }
            }
            Type::Named(_) => {
                if nest.iter().any(|&e| tt.identical(e, t)) {
                    // The type is invalid from now on (types2 resets its fromRHS).
                    let origin = tt.named(t).and_then(|n| n.origin).unwrap_or(t);
                    if let Some(o) = tt.named(origin) {
                        o.invalid.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                    if let Some(start) = path.iter().position(|&p| tt.identical(p, t)) {
                        let cycle: Vec<ObjId> = path[start..].iter().filter_map(|&p| type_obj(p)).collect();
                        self.cycle_error_at(&cycle, Some(0));
                    }
                    return false;
                }
                let n = tt.named(t).unwrap();
                let origin = n.origin.unwrap_or(t);
                // A type found invalid by an earlier check has an invalid
                // right-hand side (types2 resets its fromRHS), which is valid:
                // each cycle is reported once.
                if tt.named(origin).is_some_and(|o| o.invalid.load(std::sync::atomic::Ordering::Relaxed)) {
                    return true;
                }
                // Only this package's declarations can form new cycles.
                let Some(&rhs) = self.named_rhs.get(&origin) else { return true };
                nest.push(t);
                path.push(t);
                let ok = self.valid_type0(rhs, nest, path);
                nest.pop();
                path.pop();
                return ok;
            }
            Type::TypeParam(_) => {
                if let Some(&inst) = nest.last() {
                    let n = tt.named(inst).unwrap();
                    let origin = n.origin.unwrap_or(inst);
                    let tps = tt.named(origin).and_then(|o| o.tparams.get()).cloned().unwrap_or_default();
                    if let Some(i) = tps.iter().position(|&p| p == t) {
                        if let Some(&targ) = n.targs.get(i) {
                            let saved = nest.pop();
                            let res = self.valid_type0(targ, nest, path);
                            if let Some(s) = saved {
                                nest.push(s);
                            }
                            return res;
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }

    /// types2's `cycleError`, starting at the object first in the source.
    pub(crate) fn cycle_error(&mut self, cycle: &[ObjId]) {
        self.cycle_error_at(cycle, None)
    }

    /// types2's `cycleError` with an explicit start (`None`: the object
    /// that comes first in the source).
    pub(crate) fn cycle_error_at(&mut self, cycle: &[ObjId], start: Option<usize>) {
        if cycle.is_empty() {
            return;
        }
        let start = start.unwrap_or_else(|| {
            (0..cycle.len())
                .min_by_key(|&i| object(cycle[i]).pos.map(|p| (p.file, p.pos)).unwrap_or((u32::MAX, 0)))
                .unwrap_or(0)
        });
        let name = |o: ObjId| -> String {
            let ob = object(o);
            match ob.pkg {
                Some(p) if p != self.pkg => format!("{}.{}", self.qualify(p), ob.name),
                _ => ob.name.to_string(),
            }
        };
        let first = cycle[start];
        let is_type = matches!(object(first).kind, ObjKind::TypeName);
        let Some(pos) = object(first).pos else { return };
        if cycle.len() == 1 {
            let msg = if is_type {
                format!("invalid recursive type: {} refers to itself", name(first))
            } else {
                format!("invalid cycle in declaration: {} refers to itself", name(first))
            };
            self.error(pos, msg);
            return;
        }
        let mut parts = vec![(
            Some(pos),
            if is_type {
                format!("invalid recursive type {}", name(first))
            } else {
                format!("invalid cycle in declaration of {}", name(first))
            },
        )];
        let mut o = first;
        for i in 0..cycle.len() {
            let next = cycle[(start + i + 1) % cycle.len()];
            parts.push((object(o).pos, format!("{} refers to {}", name(o), name(next))));
            o = next;
        }
        self.error_count += 1;
        self.report(parts, false);
    }

    /// types2's `constDecl`.
    pub(crate) fn const_decl(&mut self, obj: ObjId, typ: Option<ExprId>, init: Option<ExprId>, inherited: bool, iota: constant::Value) {
        let o = object(obj);
        let saved_iota = self.ctx.iota.replace(iota);
        let tt = table();
        if let Some(te) = typ {
            let t = self.typ(te);
            if !is_const_type(t) {
                if tt.underlying(t) != tt.invalid() {
                    let ts = self.type_str(t);
                    self.error_at(te, format!("invalid constant type {ts}"));
                }
                o.typ.set(tt.invalid());
                self.ctx.iota = saved_iota;
                return;
            }
            o.typ.set(t);
        }
        let mut x = Operand::invalid(None);
        if let Some(init) = init {
            if inherited {
                // Errors in inherited expressions are reported at the
                // constant (types2's errpos).
                let n = self.errors.len();
                self.expr(&mut x, init);
                if let Some(p) = o.pos {
                    for e in &mut self.errors[n..] {
                        e.pos = p;
                    }
                }
            } else {
                self.expr(&mut x, init);
            }
        }
        self.init_const(obj, &mut x);
        self.ctx.iota = saved_iota;
    }

    /// types2's `initConst`.
    pub(crate) fn init_const(&mut self, obj: ObjId, x: &mut Operand) {
        let o = object(obj);
        let tt = table();
        if x.mode == Mode::Invalid || x.typ == tt.invalid() || o.typ.get() == Some(tt.invalid()) {
            if o.typ.get().is_none() {
                o.typ.set(tt.invalid());
            }
            return;
        }
        if x.mode != Mode::Constant {
            let s = self.op_str(x);
            self.error_op(x, format!("{s} is not constant"));
            if o.typ.get().is_none() {
                o.typ.set(tt.invalid());
            }
            return;
        }
        if o.typ.get().is_none() {
            o.typ.set(x.typ);
        }
        let t = o.typ.get().unwrap_or(tt.invalid());
        self.assignment(x, Some(t), "constant declaration");
        if x.mode == Mode::Invalid {
            return;
        }
        if let Some(v) = x.val.clone() {
            let _ = o.val.set(v);
        }
    }

    /// types2's `varDecl`.
    pub(crate) fn var_decl(&mut self, obj: ObjId, lhs: Option<&[ObjId]>, typ: Option<ExprId>, init: Option<ExprId>) {
        let o = object(obj);
        if let Some(te) = typ {
            let t = self.var_type(te);
            o.typ.set(t);
        }
        let Some(init) = init else {
            if typ.is_none() {
                o.typ.set(table().invalid());
            }
            return;
        };
        match lhs {
            None => {
                let mut x = Operand::invalid(None);
                self.expr_for_target(&mut x, init, o.typ.get(), o.name.as_str());
                self.init_var(obj, &mut x, "variable declaration");
            }
            Some(l) if l.len() == 1 => {
                let mut x = Operand::invalid(None);
                self.expr_for_target(&mut x, init, o.typ.get(), o.name.as_str());
                self.init_var(obj, &mut x, "variable declaration");
            }
            Some(l) => {
                if let Some(t) = o.typ.get() {
                    for &v in l {
                        object(v).typ.set(t);
                    }
                }
                let l = l.to_vec();
                self.init_vars(&l, &[init], None);
            }
        }
    }

    /// types2's `typeDecl`.
    fn type_decl(&mut self, obj: ObjId, decl: DeclId) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let DeclKind::Type { name, tparams, alias, typ, .. } = file.decl(decl).kind else { return };
        let o = object(obj);
        let tt = table();
        let tparams = file.fields_of(tparams).to_vec();
        if alias {
            let mut version_err = false;
            if let Some(&tp0) = tparams.first() {
                if !self.allow_version(23) {
                    self.version_error_pos(file.field(tp0).pos, "generic type alias", 23);
                    version_err = true;
                }
            }
            if !version_err && !self.allow_version(9) {
                self.version_error_pos(name.pos, "type alias", 9);
            }
            let a = tt.new_alias(o.name, Some(self.pkg), Box::new([]));
            let _ = tt.alias(a).map(|d| d.obj.set(obj));
            o.typ.set(a);
            let opened = !tparams.is_empty();
            if opened {
                self.open_scope(false, 0);
                self.collect_type_params(&tparams, Some(a));
            }
            let rhs = self.defined_type(typ, obj);
            let mut actual = rhs;
            if opened {
                let tps = tt.alias(a).and_then(|d| d.tparams.get()).cloned().unwrap_or_default();
                if tps.contains(&rhs) {
                    self.error_at(typ, "cannot use type parameter declared in alias declaration as RHS".into());
                    actual = tt.invalid();
                }
                self.close_scope();
            }
            if actual == a {
                actual = tt.invalid();
            }
            let _ = tt.alias(a).map(|d| d.actual.set(actual));
            return;
        }
        if let Some(&tp0) = tparams.first() {
            if !self.allow_version(18) {
                self.version_error_pos(file.field(tp0).pos, "type parameter", 18);
            }
        }
        let named = tt.new_named(o.name, Some(self.pkg));
        let _ = tt.named(named).map(|n| n.obj.set(obj));
        o.typ.set(named);
        // Queued before the right-hand side is checked, as types2's
        // typeDecl does: the outermost declaration of a cycle checks (and
        // reports) it first.
        self.delayed.push(super::Delayed::ValidType { fi: self.ctx.fi, named });
        let opened = !tparams.is_empty();
        if opened {
            self.open_scope(false, 0);
            self.collect_type_params(&tparams, Some(named));
        } else {
            let _ = tt.named(named).map(|n| n.tparams.set(Box::new([])));
        }
        let rhs = self.defined_type(typ, obj);
        self.named_rhs.insert(named, rhs);
        let mut under = tt.underlying(rhs);
        if is_type_param(rhs) {
            self.error_at(typ, "cannot use a type parameter as RHS in type declaration".into());
            under = tt.invalid();
        }
        if opened {
            self.close_scope();
        }
        // A cycle through the declaration itself (type T T) leaves the
        // named type without an underlying type: it is invalid.
        if under == named || matches!(tt.get(under), Type::Named(_)) {
            under = tt.invalid();
        }
        if let Some(n) = tt.named(named) {
            let _ = n.underlying.set(under);
            if matches!(tt.get(under), Type::Basic(_)) {
                let spelled = tt.underlying_spelled(rhs);
                if spelled != under {
                    let _ = n.underlying_spelled.set(spelled);
                }
            }
        }
    }

    /// types2's `collectTypeParams`: declares the type parameters of a
    /// declaration in the current scope and sets their constraints.
    ///
    /// The parameters are bound to `generic` (a named type or an alias)
    /// before their constraints are checked, as types2 binds them, so that
    /// the constraints may use the generic type (`type T[P T[P]] ...`).
    pub(crate) fn collect_type_params(&mut self, list: &[FieldId], generic: Option<TypeId>) -> Vec<TypeId> {
        let file = self.ctx.file.clone();
        let file = &*file;
        let tt = table();
        let mut tparams = Vec::with_capacity(list.len());
        for (i, &f) in list.iter().enumerate() {
            let fld = file.field(f);
            let n = fld.name.unwrap_or(goxide_syntax::ast::Name::blank_at(fld.pos));
            let name = Symbol::intern(file.name_str(n));
            let tp = tt.new_type_param(name, i as u32);
            let obj = new_object(ObjKind::TypeName, name, Some(self.pkg), Some(self.pos(self.ctx.fi, n.pos)), Some(tp));
            let _ = tt.type_param(tp).map(|d| d.obj.set(obj));
            self.declare_local(obj);
            self.record_def(n.pos, obj);
            tparams.push(tp);
        }
        if let Some(g) = generic {
            if let Some(n) = tt.named(g) {
                let _ = n.tparams.set(tparams.clone().into());
            } else if let Some(a) = tt.alias(g) {
                let _ = a.tparams.set(tparams.clone().into());
            }
        }
        let saved = self.ctx.in_tparam_list;
        self.ctx.in_tparam_list = true;
        let mut bound = tt.invalid();
        for (i, &f) in list.iter().enumerate() {
            let fld = file.field(f);
            if i == 0 || fld.typ != file.field(list[i - 1]).typ {
                bound = self.bound(fld.typ);
                if is_type_param(bound) {
                    self.error_at(fld.typ, "cannot use a type parameter as constraint".into());
                    bound = tt.invalid();
                }
            }
            if let Some(d) = tt.type_param(tparams[i]) {
                let _ = d.constraint.set(bound);
                let shared = i > 0
                    && (fld.typ == file.field(list[i - 1]).typ || self.bound_is_named_interface(fld.typ, bound));
                d.bound_shared_with_previous.store(shared, std::sync::atomic::Ordering::Relaxed);
            }
        }
        self.ctx.in_tparam_list = saved;
        tparams
    }

    /// Whether constraint expression `e` (of type `bound`) denotes an
    /// existing interface type (a name, qualified name or instantiation of
    /// one) rather than building one: types2 then gives every parameter
    /// constrained by it the same bound object (`[A any, B any]` prints as
    /// `[A, B any]`), while literal, `~T`, union and non-interface
    /// constraints are new objects each time they are written.
    fn bound_is_named_interface(&self, e: ExprId, bound: TypeId) -> bool {
        use goxide_syntax::ast::ExprKind;
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut e = e;
        while let ExprKind::Paren(x) = file.expr(e).kind {
            e = x;
        }
        let tt = table();
        matches!(file.expr(e).kind, ExprKind::Name(_) | ExprKind::Selector { .. } | ExprKind::Index { .. })
            && match tt.get(tt.unalias(bound)) {
                Type::Named(_) => matches!(tt.get(tt.underlying(bound)), Type::Interface { .. }),
                // Reached through an alias (`any`); an implicit one wraps a
                // non-interface constraint and is new.
                Type::Interface { implicit, .. } => !implicit,
                _ => false,
            }
    }

    /// types2's `bound`: a constraint; `~T` and unions are implicit interfaces.
    fn bound(&mut self, e: ExprId) -> TypeId {
        let file = self.ctx.file.clone();
        let file = &*file;
        if let goxide_syntax::ast::ExprKind::Operation { op, y, .. } = file.expr(e).kind {
            if op == goxide_syntax::token::Operator::Tilde || (op == goxide_syntax::token::Operator::Or && y.is_some()) {
                let u = self.union_type(e);
                return table().intern(Type::Interface { methods: Box::new([]), embedded: vec![u].into(), implicit: true });
            }
        }
        self.typ(e)
    }

    /// types2's `collectMethods`: attaches the methods declared for type
    /// `obj` to its named type, reporting duplicates.
    fn collect_methods(&mut self, obj: ObjId) {
        let o = object(obj);
        let Some(list) = self.methods.remove(&o.name) else { return };
        let tt = table();
        let base = o.typ.get().filter(|&t| tt.named(t).is_some());
        let mut seen: Vec<(Symbol, ObjId)> = Vec::new();
        if let Some(b) = base {
            if let Some(n) = tt.named(b) {
                for &m in n.methods.lock().unwrap().iter() {
                    seen.push((object(m).name, m));
                }
            }
        }
        for (m, ptr) in list {
            let mo = object(m);
            if let Some(&(_, alt)) = seen.iter().find(|(n, _)| *n == mo.name) {
                let Some(mpos) = mo.pos else { continue };
                match object(alt).pos {
                    Some(ap) => {
                        let at = crate::files::position(ap);
                        self.error(mpos, format!("method {}.{} already declared at {at}", o.name, mo.name));
                    }
                    None => self.error(mpos, format!("method {}.{} already declared", o.name, mo.name)),
                }
                continue;
            }
            seen.push((mo.name, m));
            crate::lookup::set_method_recv(m, ptr);
            if let Some(b) = base {
                if let Some(n) = tt.named(b) {
                    n.methods.lock().unwrap().push(m);
                }
            }
        }
        if let Some(b) = base {
            self.delayed.push(super::Delayed::FieldUniqueness { named: b, fi: self.ctx.fi });
        }
    }

    /// types2's `checkFieldUniqueness`.
    pub(crate) fn check_field_uniqueness(&mut self, base: TypeId) {
        let tt = table();
        let Type::Struct(fields) = tt.get(tt.underlying(base)) else { return };
        let Some(n) = tt.named(base) else { return };
        let methods = n.methods.lock().unwrap().clone();
        for f in fields.iter() {
            let Some(fname) = f.var.name else { continue };
            if fname.is_blank() {
                continue;
            }
            if let Some(&m) = methods.iter().find(|&&m| object(m).name == fname) {
                let Some(mp) = object(m).pos else { continue };
                let mut parts = vec![(Some(mp), format!("field and method with the same name {fname}"))];
                if let Some(fp) = self.field_pos(base, fname) {
                    parts.push((Some(fp), format!("other declaration of {fname}")));
                }
                self.error_count += 1;
                self.report(parts, false);
            }
        }
    }

    /// The position of field `name` in the declaration of struct type
    /// `base` (for "other declaration of").
    fn field_pos(&self, base: TypeId, name: Symbol) -> Option<crate::objects::SrcPos> {
        self.field_positions.get(&(table().underlying(base), name)).copied()
    }

    /// types2's `funcDecl`.
    fn func_decl(&mut self, obj: ObjId, decl: DeclId) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let DeclKind::Func { recv, tparams, typ, body, .. } = file.decl(decl).kind else { return };
        let o = object(obj);
        // Guard against cycles: an empty signature until the real one is known.
        let tt = table();
        o.typ.set(tt.intern(Type::Signature { params: Box::new([]), results: Box::new([]), variadic: false }));
        self.open_scope(true, 0);
        let scope = self.ctx.scope;
        let sig = self.func_type(recv, file.fields_of(tparams), typ, Some(obj), false);
        self.close_scope();
        o.typ.set(sig);
        let tparams = file.fields_of(tparams);
        if !tparams.is_empty() && body.is_none() {
            self.soft_error_pos(file.decl(decl).pos, "generic function is missing function body".into());
        }
        if let Some(body) = body {
            let fi = self.ctx.fi;
            self.delayed.push(super::Delayed::FuncBody { fi, decl: Some(obj), scope, sig, body, name: o.name });
        }
    }

    pub(crate) fn soft_error_pos(&mut self, p: goxide_syntax::Pos, msg: String) {
        let sp = crate::files::src_pos(self.ctx.fnum, p);
        self.soft_error(sp, msg);
    }

    /// types2's `declStmt`: declarations inside a function.
    pub(crate) fn decl_stmt(&mut self, list: &[DeclId]) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut first: Option<usize> = None;
        let mut last: Option<(Option<ExprId>, Option<ExprId>)> = None;
        let mut last_group: Option<u32> = None;
        for (index, &d) in list.iter().enumerate() {
            let decl = file.decl(d).clone();
            if !matches!(decl.kind, DeclKind::Const { .. }) {
                first = None;
            }
            match decl.kind {
                DeclKind::Const { group, names, typ, values, .. } => {
                    if first.is_none() || group.is_none() || last_group != group {
                        first = Some(index);
                        last = None;
                    }
                    last_group = group;
                    let iota = constant::make_int64((index - first.unwrap_or(index)) as i64);
                    let mut inherited = true;
                    if typ.is_some() || values.is_some() {
                        last = Some((typ, values));
                        inherited = false;
                    } else if last.is_none() {
                        last = Some((None, None));
                        inherited = false;
                    }
                    let (ltyp, lvals) = last.unwrap_or((None, None));
                    let values = file.unpack_list(lvals);
                    let names = file.names_of(names).to_vec();
                    let mut lhs = Vec::new();
                    for (i, n) in names.iter().enumerate() {
                        let obj = new_object(
                            ObjKind::Const,
                            Symbol::intern(file.name_str(*n)),
                            Some(self.pkg),
                            Some(self.pos(self.ctx.fi, n.pos)),
                            None,
                        );
                        lhs.push(obj);
                        self.const_decl(obj, ltyp, values.get(i).copied(), inherited, iota.clone());
                    }
                    let fi = self.ctx.fi;
                    let f: Arc<goxide_syntax::ast::File> = self.files[fi].1.clone();
                    self.arity(fi, &f, decl.pos, &names, &values, true, inherited);
                    // Visible after the specification (types2's scopePos).
                    let mut from = names.last().map_or(decl.pos, |n| n.pos + n.len + 1);
                    if !inherited {
                        if let Some(&v) = values.last() {
                            from = from.max(super::scope::expr_end(file, v));
                        }
                    }
                    for (i, n) in names.iter().enumerate() {
                        self.declare_local_from(lhs[i], from);
                        self.record_def(n.pos, lhs[i]);
                    }
                }
                DeclKind::Var { names, typ, values, .. } => {
                    let names = file.names_of(names).to_vec();
                    let lhs0: Vec<ObjId> = names
                        .iter()
                        .map(|n| {
                            new_object(
                                ObjKind::Var { kind: VarKind::Local, embedded: false },
                                Symbol::intern(file.name_str(*n)),
                                Some(self.pkg),
                                Some(self.pos(self.ctx.fi, n.pos)),
                                None,
                            )
                        })
                        .collect();
                    let vals = file.unpack_list(values);
                    for (i, &obj) in lhs0.iter().enumerate() {
                        let (lhs, init): (Option<&[ObjId]>, Option<ExprId>) = if vals.len() == names.len() {
                            (None, Some(vals[i]))
                        } else if vals.len() == 1 {
                            (Some(&lhs0), Some(vals[0]))
                        } else {
                            (None, vals.get(i).copied())
                        };
                        self.var_decl(obj, lhs, typ, init);
                        if vals.len() == 1 {
                            break;
                        }
                    }
                    // A variable whose declaration failed still needs a type.
                    for &o in &lhs0 {
                        if object(o).typ.get().is_none() {
                            object(o).typ.set(table().invalid());
                        }
                    }
                    if typ.is_none() || values.is_some() {
                        let fi = self.ctx.fi;
                        let f = self.files[fi].1.clone();
                        self.arity(fi, &f, decl.pos, &names, &vals, false, false);
                    }
                    let mut from = names.last().map_or(decl.pos, |n| n.pos + n.len + 1);
                    if let Some(t) = typ {
                        from = from.max(super::scope::expr_end(file, t));
                    }
                    if let Some(&v) = vals.last() {
                        from = from.max(super::scope::expr_end(file, v));
                    }
                    for (i, n) in names.iter().enumerate() {
                        self.declare_local_from(lhs0[i], from);
                        self.record_def(n.pos, lhs0[i]);
                    }
                }
                DeclKind::Type { name, .. } => {
                    let obj = new_object(
                        ObjKind::TypeName,
                        Symbol::intern(file.name_str(name)),
                        Some(self.pkg),
                        Some(self.pos(self.ctx.fi, name.pos)),
                        None,
                    );
                    self.declare_local(obj);
                    self.record_def(name.pos, obj);
                    self.obj_path.push(obj);
                    self.type_decl(obj, d);
                    self.obj_path.pop();
                }
                DeclKind::Import { .. } | DeclKind::Func { .. } => {
                    self.error_pos(decl.pos, "invalid syntax tree: unknown syntax.Decl node".into());
                }
            }
        }
        let _ = ScopeRef::Local(0);
    }
}
