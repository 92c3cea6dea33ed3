//! Type expressions (types2's `typexpr.go`, `signature.go`, `struct.go`,
//! `interface.go`, `union.go`): from syntax to `TypeId`s.
//!
//! Each type kind is built as types2 builds it and interned in the shared
//! table; checks that need complete types (map keys comparable, embedded
//! fields not pointers, interfaces used as types have no type terms,
//! union terms valid, receivers valid, instantiations satisfying their
//! constraints) are delayed until the package-level declarations are
//! done, as types2's `later`. Interface methods are kept sorted by name
//! (unexported names then by package), so interfaces that differ only in
//! method order are one type.

use goxide_syntax::ast::{ExprId, ExprKind, FieldId};
use goxide_syntax::token::Operator;

use super::operand::{Mode, Operand};
use super::{Checker, Delayed};
use crate::constant::Kind;
use crate::objects::{new_object, object, ObjKind, VarKind};
use crate::predicates::*;
use crate::representable::representable_const;
use crate::symbol::Symbol;
use crate::types::{table, BasicKind, ChanDir, Field, Method, ObjId, Term, Type, TypeId, Var};

impl Checker<'_> {
    /// A type (types2's `typ`).
    pub(crate) fn typ(&mut self, e: ExprId) -> TypeId {
        self.defined_type_opt(e, None)
    }

    /// A type that may be a variable's (types2's `varType`): interfaces
    /// with type terms are not allowed.
    pub(crate) fn var_type(&mut self, e: ExprId) -> TypeId {
        let t = self.defined_type_opt(e, None);
        self.valid_var_type(e, t);
        t
    }

    pub(crate) fn valid_var_type(&mut self, e: ExprId, t: TypeId) {
        if is_type_param(t) {
            return;
        }
        // types2 checks every variable type later; only interfaces, and
        // named types whose underlying type is not known yet (their
        // declaration is being checked), can fail.
        let tt = table();
        let pending = tt.named(tt.unalias(t)).is_some_and(|n| {
            let origin = n.origin.unwrap_or(tt.unalias(t));
            tt.named(origin).is_some_and(|o| o.underlying.get().is_none())
        });
        if is_interface(t) || pending {
            self.delayed.push(Delayed::VarType { fi: self.ctx.fi, e, typ: t });
        }
    }

    /// The right-hand side of a type declaration for `def`.
    pub(crate) fn defined_type(&mut self, e: ExprId, def: ObjId) -> TypeId {
        self.defined_type_opt(e, Some(def))
    }

    /// types2's `declaredType`.
    fn defined_type_opt(&mut self, e: ExprId, def: Option<ObjId>) -> TypeId {
        let mut t = self.typ_internal(e, def);
        if is_generic(t) {
            let ts = self.type_str(t);
            self.error_at(e, format!("cannot use generic type {ts} without instantiation"));
            t = table().invalid();
        }
        self.record_type_and_value(e, Mode::TypeExpr, t, None);
        t
    }

    /// types2's `genericType`: a generic type to be instantiated.
    pub(crate) fn generic_type(&mut self, e: ExprId, cause: &mut String) -> TypeId {
        let mut t = self.typ_internal(e, None);
        let tt = table();
        if tt.unalias(t) != tt.invalid() && !is_generic(t) {
            *cause = format!("{} is not a generic type", self.type_str(t));
            t = tt.invalid();
        }
        self.record_type_and_value(e, Mode::TypeExpr, t, None);
        t
    }

    /// types2's `typInternal`.
    fn typ_internal(&mut self, e: ExprId, def: Option<ObjId>) -> TypeId {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        match file.expr(e).kind {
            ExprKind::Bad => {}
            ExprKind::Name(n) => {
                let mut x = Operand::invalid(Some(e));
                self.ident(&mut x, e, n, true);
                return self.type_operand(&x);
            }
            ExprKind::Selector { .. } => {
                let mut x = Operand::invalid(Some(e));
                self.selector(&mut x, e, true);
                return self.type_operand(&x);
            }
            ExprKind::Index { x, index } => {
                if !self.allow_version(18) {
                    self.version_error_at(e, "type instantiation", 18);
                }
                let list = file.unpack_list(Some(index));
                return self.instantiated_type(x, &list);
            }
            ExprKind::Paren(inner) => return self.defined_type_opt(inner, def),
            ExprKind::ArrayType { len, elem } => {
                let n = match len {
                    Some(l) => self.array_length(l),
                    None => {
                        self.error_at(e, "invalid use of [...] array (outside a composite literal)".into());
                        -1
                    }
                };
                let elem = self.var_type(elem);
                if n >= 0 {
                    return tt.intern(Type::Array { len: n, elem });
                }
            }
            ExprKind::SliceType { elem } => {
                let elem = self.var_type(elem);
                return tt.intern(Type::Slice(elem));
            }
            ExprKind::DotsType { .. } => self.error_at(e, "invalid syntax tree: invalid use of ...".into()),
            ExprKind::StructType { fields } => return self.struct_type(file.fields_of(fields)),
            ExprKind::Operation { op: Operator::Mul, x, y: None } => {
                let base = self.var_type(x);
                if base == tt.invalid() {
                    return tt.invalid();
                }
                return tt.intern(Type::Pointer(base));
            }
            ExprKind::FuncType { .. } => return self.func_type(None, &[], e, None, true),
            ExprKind::InterfaceType { methods } => return self.interface_type(file.fields_of(methods), def),
            ExprKind::MapType { key, value } => {
                let k = self.var_type(key);
                let v = self.var_type(value);
                let t = tt.intern(Type::Map { key: k, elem: v });
                self.delayed.push(Delayed::MapKey { fi: self.ctx.fi, e: key, key: k });
                return t;
            }
            ExprKind::ChanType { dir, elem } => {
                let dir = match dir {
                    goxide_syntax::ast::ChanDir::Both => ChanDir::SendRecv,
                    goxide_syntax::ast::ChanDir::SendOnly => ChanDir::SendOnly,
                    goxide_syntax::ast::ChanDir::RecvOnly => ChanDir::RecvOnly,
                };
                let elem = self.var_type(elem);
                return tt.intern(Type::Chan { dir, elem });
            }
            _ => {
                let s = self.expr_str(e);
                self.error_at(e, format!("{s} is not a type"));
                self.use_exprs(&[e]);
            }
        }
        tt.invalid()
    }

    /// The type of a type operand, or an error for other operands.
    fn type_operand(&mut self, x: &Operand) -> TypeId {
        match x.mode {
            Mode::TypeExpr => return x.typ,
            Mode::Invalid => {}
            Mode::NoValue => {
                let s = self.op_str(x);
                self.error_op(x, format!("{s} used as type"));
            }
            _ => {
                let s = self.op_str(x);
                self.error_op(x, format!("{s} is not a type"));
            }
        }
        table().invalid()
    }

    /// types2's `instantiatedType`: `T[A, B]` in a type context.
    fn instantiated_type(&mut self, x: ExprId, xlist: &[ExprId]) -> TypeId {
        let tt = table();
        let mut cause = String::new();
        let typ = self.generic_type(x, &mut cause);
        if !cause.is_empty() {
            let xs = self.expr_str(x);
            let ls: Vec<String> = xlist.iter().map(|&e| self.expr_str(e)).collect();
            self.error_at(x, format!("invalid operation: {xs}[{}] ({cause})", ls.join(", ")));
        }
        if tt.unalias(typ) == tt.invalid() {
            return typ;
        }
        let mut targs = Vec::with_capacity(xlist.len());
        let mut ok = true;
        for &a in xlist {
            let t = self.var_type(a);
            if t == tt.invalid() {
                ok = false;
            }
            targs.push(t);
        }
        if !ok {
            return tt.invalid();
        }
        let tparams = generic_tparams(typ);
        let name = type_name_of(typ);
        let pos = self.ctx.file.expr(x).pos;
        if !self.validate_targ_len(pos, &name, tparams.len(), targs.len()) {
            return tt.invalid();
        }
        let inst = crate::instantiate::instantiate(typ, &targs);
        self.delayed.push(Delayed::VerifyInstance {
            fi: self.ctx.fi,
            pos,
            args: xlist.to_vec(),
            tparams: tparams.to_vec(),
            targs: targs.clone(),
        });
        if let ExprKind::Name(n) | ExprKind::Selector { sel: n, .. } = self.ctx.file.expr(x).kind {
            self.info.instances.insert((self.ctx.fnum, n.pos), (targs.into(), inst));
        }
        inst
    }

    /// types2's `validateTArgLen`.
    pub(crate) fn validate_targ_len(&mut self, pos: goxide_syntax::Pos, name: &str, want: usize, got: usize) -> bool {
        let msg = if got < want {
            format!("not enough type arguments for type {name}: have {got}, want {want}")
        } else if got > want {
            format!("too many type arguments for type {name}: have {got}, want {want}")
        } else {
            return true;
        };
        self.error_pos(pos, msg);
        false
    }

    /// types2's `arrayLength`.
    fn array_length(&mut self, e: ExprId) -> i64 {
        let file = self.ctx.file.clone();
        let file = &*file;
        if let ExprKind::Name(n) = file.expr(e).kind {
            let name = file.name_str(n);
            match self.lookup(Symbol::intern(name)) {
                None => {
                    self.error_pos(n.pos, format!("undefined array length {name} or missing type constraint"));
                    return -1;
                }
                Some(o) if !matches!(object(o).kind, ObjKind::Const) => {
                    self.error_pos(n.pos, format!("invalid array length {name}"));
                    return -1;
                }
                _ => {}
            }
        }
        let mut x = Operand::invalid(Some(e));
        self.expr(&mut x, e);
        if x.mode != Mode::Constant {
            if x.mode != Mode::Invalid {
                let s = self.op_str(&x);
                self.error_op(&x, format!("array length {s} must be constant"));
            }
            return -1;
        }
        if is_untyped(x.typ) || is_integer(x.typ) {
            if let Some(v) = x.val.as_ref().map(|v| v.to_int()) {
                if v.kind() == Kind::Int && representable_const(&v, BasicKind::Int, &self.config.sizes).is_some() {
                    let (n, ok) = v.int64_val();
                    if ok && n >= 0 {
                        return n;
                    }
                }
            }
        }
        let s = self.op_str(&x);
        if is_integer(x.typ) {
            self.error_op(&x, format!("invalid array length {s}"));
        } else {
            self.error_op(&x, format!("array length {s} must be integer"));
        }
        -1
    }

    /// types2's `funcType`: a signature (with receiver and type
    /// parameters for declarations). Declares the parameters in the
    /// current scope (a function scope the caller opened) when `decl` is
    /// set; a function type literal gets its own scope here.
    pub(crate) fn func_type(
        &mut self,
        recv: Option<FieldId>,
        tparams: &[FieldId],
        ftyp: ExprId,
        decl: Option<ObjId>,
        own_scope: bool,
    ) -> TypeId {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let ExprKind::FuncType { params, results } = file.expr(ftyp).kind else { return tt.invalid() };
        if own_scope {
            self.open_scope(true, 0);
        }
        let mut recv_var = None;
        if let Some(r) = recv {
            recv_var = Some(self.collect_recv(r, decl));
        }
        let tps = if tparams.is_empty() { Vec::new() } else { self.collect_type_params(tparams, None) };
        let (pnames, pvars, variadic) = self.collect_params(VarKind::Param, file.fields_of(params));
        let (rnames, rvars, _) = self.collect_params(VarKind::Result, file.fields_of(results));
        if let Some((obj, _)) = recv_var {
            if !object(obj).name.as_str().is_empty() {
                self.declare_local(obj);
            }
        }
        for o in pnames.into_iter().chain(rnames).flatten() {
            self.declare_local(o);
        }
        if own_scope {
            self.close_scope();
        }
        let sig = tt.intern(Type::Signature { params: pvars.into(), results: rvars.into(), variadic });
        if let (Some(d), Some((robj, _))) = (decl, &recv_var) {
            let robj = *robj;
            self.method_recv.insert(d, robj);
        }
        if let (Some(d), Some((_, rtparams))) = (decl, &recv_var) {
            if !rtparams.is_empty() {
                crate::subst::set_method_recv_tparams(d, rtparams.clone().into());
            }
        }
        if tps.is_empty() {
            sig
        } else {
            tt.intern(Type::GenericFunc { tparams: tps.into(), sig })
        }
    }

    /// types2's `collectRecv`: the receiver variable (not yet declared)
    /// and the receiver's type parameters.
    fn collect_recv(&mut self, r: FieldId, decl: Option<ObjId>) -> (ObjId, Vec<TypeId>) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let fld = file.field(r).clone();
        let (ptr, base, rtparams) = unpack_recv(file, fld.typ);
        let mut recv_type = tt.invalid();
        let mut tps = Vec::new();
        if rtparams.is_empty() {
            recv_type = self.var_type(fld.typ);
            // No new methods on instantiated types: follow the chain of
            // aliases (through pointers) to an instance.
            let unpointer = |t: TypeId| match tt.get(t) {
                Type::Pointer(b) => *b,
                _ => t,
            };
            let mut a = Some(unpointer(recv_type)).filter(|&t| tt.alias(t).is_some());
            let mut steps = 0;
            while let Some(at) = a {
                steps += 1;
                let Some(rhs) = tt.alias(at).and_then(|d| d.actual.get().copied()) else { break };
                let b = unpointer(rhs);
                let instance_like = match (tt.named(b), tt.alias(b)) {
                    (Some(n), _) => n.origin.is_some() || n.tparams.get().is_some_and(|p| !p.is_empty()),
                    (_, Some(d)) => !d.targs.is_empty() || d.tparams.get().is_some_and(|p| !p.is_empty()),
                    _ => false,
                };
                if instance_like {
                    let ts = self.type_str(b);
                    self.error_at(base, format!("cannot define new methods on instantiated type {ts}"));
                    recv_type = tt.invalid();
                    break;
                }
                a = Some(b).filter(|&t| tt.alias(t).is_some() && steps < 1000);
            }
        } else {
            let mut cause = String::new();
            let t = self.generic_type(base, &mut cause);
            let mut base_named = None;
            if tt.unalias(t) != tt.invalid() {
                if tt.named(t).is_some() {
                    base_named = Some(t);
                } else {
                    let ts = self.type_str(t);
                    self.error_at(base, format!("cannot define new methods on generic alias type {ts}"));
                }
            } else if !cause.is_empty() {
                self.error_at(base, cause);
            }
            for (i, &p) in rtparams.iter().enumerate() {
                // A parameter that is not an identifier is reported and
                // stands as a blank one (types2's unpackRecv).
                let n = match file.expr(p).kind {
                    ExprKind::Name(n) => n,
                    ExprKind::Bad => goxide_syntax::ast::Name::blank_at(file.expr(p).pos),
                    _ => {
                        let es = self.expr_str(p);
                        self.error_at(p, format!("receiver type parameter {es} must be an identifier"));
                        goxide_syntax::ast::Name::blank_at(file.expr(p).pos)
                    }
                };
                let name = Symbol::intern(if n.len == 0 { "_" } else { file.name_str(n) });
                let tp = tt.new_type_param(name, i as u32);
                let obj = new_object(ObjKind::TypeName, name, Some(self.pkg), Some(self.pos(self.ctx.fi, n.pos)), Some(tp));
                let _ = tt.type_param(tp).map(|d| d.obj.set(obj));
                self.declare_local(obj);
                self.record_def(n.pos, obj);
                self.record_type_and_value(p, Mode::TypeExpr, tp, None);
                tps.push(tp);
            }
            if let Some(b) = base_named {
                let btps = tt.named(b).and_then(|n| n.tparams.get()).cloned().unwrap_or_default();
                if btps.len() == tps.len() {
                    for (&r, &b) in tps.iter().zip(btps.iter()) {
                        self.mono.record_canon(r, b);
                    }
                    let map = crate::subst::SubstMap::new(&btps, &tps);
                    for (i, &tp) in tps.iter().enumerate() {
                        let bound = tt
                            .type_param(btps[i])
                            .and_then(|d| d.constraint.get().copied())
                            .unwrap_or(tt.invalid());
                        let new_bound = crate::subst::subst(bound, &map);
                        if let Some(d) = tt.type_param(tp) {
                            let _ = d.constraint.set(new_bound);
                            let shared = crate::typestring::bound_still_shared(btps[i], bound, new_bound);
                            d.bound_shared_with_previous.store(shared, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                } else {
                    let got = if tps.len() == 1 { "1 type parameter".to_string() } else { format!("{} type parameters", tps.len()) };
                    self.error_at(base, format!("receiver declares {got}, but receiver base type declares {}", btps.len()));
                    for &tp in &tps {
                        let _ = tt.type_param(tp).map(|d| d.constraint.set(crate::universe::universe().any));
                    }
                }
                if !self.allow_version(18) {
                    self.version_error_at(base, "type instantiation", 18);
                }
                recv_type = crate::instantiate::instantiate(b, &tps);
                if ptr && recv_type != tt.invalid() {
                    recv_type = tt.intern(Type::Pointer(recv_type));
                }
                self.record_type_and_value(fld.typ, Mode::TypeExpr, recv_type, None);
            } else {
                for &tp in &tps {
                    let _ = tt.type_param(tp).map(|d| d.constraint.set(crate::universe::universe().any));
                }
            }
        }
        let (name, pos) = match fld.name {
            Some(n) => (file.name_str(n).to_string(), n.pos),
            None => (String::new(), fld.pos),
        };
        let recv = new_object(
            ObjKind::Var { kind: VarKind::Recv, embedded: false },
            Symbol::intern(&name),
            Some(self.pkg),
            Some(self.pos(self.ctx.fi, pos)),
            Some(recv_type),
        );
        if fld.name.is_some() {
            self.record_def(pos, recv);
        }
        let _ = decl;
        self.delayed.push(Delayed::ValidRecv { fi: self.ctx.fi, e: base, recv });
        (recv, tps)
    }

    /// types2's `validRecv`.
    pub(crate) fn valid_recv(&mut self, e: ExprId, recv: ObjId) {
        let tt = table();
        let rt = object(recv).typ.get().unwrap_or(tt.invalid());
        let rtyp = match tt.get(rt) {
            Type::Pointer(b) => *b,
            _ => rt,
        };
        let atyp = tt.unalias(rtyp);
        if atyp == tt.invalid() {
            return;
        }
        match tt.get(atyp) {
            Type::Named(_) => {
                let n = tt.named(atyp).unwrap();
                let origin = n.origin.unwrap_or(atyp);
                let opkg = tt.named(origin).and_then(|n| n.pkg);
                if opkg != Some(self.pkg) {
                    let ts = self.type_str(rtyp);
                    self.error_at(e, format!("cannot define new methods on non-local type {ts}"));
                    return;
                }
                let cause = match tt.get(tt.underlying(atyp)) {
                    Type::Basic(BasicKind::UnsafePointer) => "unsafe.Pointer",
                    Type::Pointer(_) | Type::Interface { .. } => "pointer or interface type",
                    _ => "",
                };
                if !cause.is_empty() {
                    let ts = self.type_str(rtyp);
                    self.error_at(e, format!("invalid receiver type {ts} ({cause})"));
                }
            }
            Type::Basic(_) => {
                let ts = self.type_str(rtyp);
                self.error_at(e, format!("cannot define new methods on non-local type {ts}"));
            }
            _ => {
                let ts = self.type_str(rt);
                self.error_at(e, format!("invalid receiver type {ts}"));
            }
        }
    }

    /// types2's `collectParams`: parameter objects (not yet declared) and
    /// the signature's variables.
    fn collect_params(&mut self, kind: VarKind, list: &[FieldId]) -> (Vec<Option<ObjId>>, Vec<Var>, bool) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut names = Vec::new();
        let mut vars = Vec::new();
        let mut variadic = false;
        let mut typ = tt.invalid();
        let mut prev: Option<ExprId> = None;
        let (mut named, mut anonymous) = (false, false);
        for (i, &f) in list.iter().enumerate() {
            let fld = file.field(f).clone();
            let mut ftype = fld.typ;
            if prev != Some(ftype) {
                prev = Some(ftype);
                if let ExprKind::DotsType { elem } = file.expr(ftype).kind {
                    ftype = elem;
                    if kind == VarKind::Param && i == list.len() - 1 {
                        variadic = true;
                    } else {
                        self.error_at(fld.typ, "invalid syntax tree: invalid use of ...".into());
                    }
                }
                typ = self.var_type(ftype);
            }
            match fld.name {
                Some(n) => {
                    let name = file.name_str(n);
                    let obj = new_object(
                        ObjKind::Var { kind, embedded: false },
                        Symbol::intern(name),
                        Some(self.pkg),
                        Some(self.pos(self.ctx.fi, n.pos)),
                        Some(typ),
                    );
                    self.record_def(n.pos, obj);
                    names.push(Some(obj));
                    vars.push(Var { name: Some(Symbol::intern(name)), pkg: Some(self.pkg), typ });
                    named = true;
                }
                None => {
                    names.push(None);
                    vars.push(Var { name: None, pkg: Some(self.pkg), typ });
                    anonymous = true;
                }
            }
        }
        if named && anonymous {
            if let Some(&f0) = list.first() {
                let p = file.field(f0).pos;
                self.error_pos(p, "invalid syntax tree: list contains both named and anonymous parameters".into());
            }
        }
        if variadic {
            if let Some(last) = vars.last_mut() {
                last.typ = tt.intern(Type::Slice(last.typ));
                if let Some(Some(o)) = names.last() {
                    object(*o).typ.set(last.typ);
                }
                if let Some(&lf) = list.last() {
                    self.record_type_and_value(file.field(lf).typ, Mode::TypeExpr, last.typ, None);
                }
            }
        }
        (names, vars, variadic)
    }

    /// types2's `structType`.
    fn struct_type(&mut self, list: &[FieldId]) -> TypeId {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut fields: Vec<Field> = Vec::new();
        let mut seen: Vec<(Symbol, goxide_syntax::Pos)> = Vec::new();
        let mut typ = tt.invalid();
        let mut prev: Option<ExprId> = None;
        let mut positions = Vec::new();
        for (i, &f) in list.iter().enumerate() {
            let fld = file.field(f).clone();
            if i == 0 || prev != Some(fld.typ) {
                typ = self.var_type(fld.typ);
                prev = Some(fld.typ);
            }
            let tag = fld.tag.map(|t| self.tag(t));
            let (name_pos, name, embedded) = match fld.name {
                Some(n) => (n.pos, file.name_str(n).to_string(), false),
                None => {
                    let pos = file.start_pos(fld.typ);
                    match embedded_field_ident(file, fld.typ) {
                        Some(n) => {
                            self.delayed.push(Delayed::EmbeddedField { fi: self.ctx.fi, pos, typ });
                            (n.pos, file.name_str(n).to_string(), true)
                        }
                        None => {
                            let s = self.expr_str(fld.typ);
                            self.error_pos(pos, format!("invalid syntax tree: invalid embedded field type {s}"));
                            typ = tt.invalid();
                            (pos, "_".to_string(), true)
                        }
                    }
                }
            };
            let sym = Symbol::intern(&name);
            if name != "_" {
                if let Some(&(_, alt)) = seen.iter().find(|(n, _)| *n == sym) {
                    let sp = self.pos(self.ctx.fi, name_pos);
                    let ap = self.pos(self.ctx.fi, alt);
                    self.error_count += 1;
                    self.report(vec![(Some(sp), format!("{name} redeclared")), (Some(ap), format!("other declaration of {name}"))], false);
                    continue;
                }
                seen.push((sym, name_pos));
            }
            let obj = new_object(
                ObjKind::Var { kind: VarKind::Field, embedded },
                sym,
                Some(self.pkg),
                Some(self.pos(self.ctx.fi, name_pos)),
                Some(typ),
            );
            self.record_def(name_pos, obj);
            positions.push((sym, self.pos(self.ctx.fi, name_pos)));
            let pkg = if sym.is_exported() { None } else { Some(self.pkg) };
            fields.push(Field {
                var: Var { name: Some(sym), pkg, typ },
                embedded,
                tag: tag.filter(|t| !t.is_empty()).map(|t| Symbol::intern(&t)),
            });
        }
        let st = tt.intern(Type::Struct(fields.into()));
        for (s, p) in positions {
            self.field_positions.entry((st, s)).or_insert(p);
        }
        st
    }

    /// types2's `tag`.
    fn tag(&mut self, t: ExprId) -> String {
        let file = self.ctx.file.clone();
        let file = &*file;
        if let ExprKind::BasicLit { kind: goxide_syntax::token::LitKind::String, bad: false, .. } = file.expr(t).kind {
            let v = crate::constant::make_from_literal(file.lit_text(t).as_bytes(), goxide_syntax::token::LitKind::String);
            if v.kind() == Kind::String {
                return String::from_utf8_lossy(&v.string_val()).into_owned();
            }
        }
        if let ExprKind::BasicLit { bad: true, .. } = file.expr(t).kind {
            return String::new();
        }
        let text = file.lit_text(t).to_string();
        self.error_at(t, format!("invalid syntax tree: incorrect tag syntax: {text:?}"));
        String::new()
    }

    /// types2's `interfaceType`.
    fn interface_type(&mut self, list: &[FieldId], def: Option<ObjId>) -> TypeId {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut methods: Vec<Method> = Vec::new();
        let mut method_pos = Vec::new();
        let mut embedded: Vec<TypeId> = Vec::new();
        let mut embed_pos = Vec::new();
        for &f in list {
            let fld = file.field(f).clone();
            let Some(n) = fld.name else {
                let u = self.union_type(fld.typ);
                embedded.push(u);
                embed_pos.push(file.start_pos(fld.typ));
                continue;
            };
            let name = file.name_str(n);
            if name == "_" {
                self.error_pos(n.pos, "methods must have a unique non-blank name".into());
                continue;
            }
            let typ = self.typ(fld.typ);
            if !matches!(tt.get(typ), Type::Signature { .. }) {
                if typ != tt.invalid() {
                    let ts = self.type_str(typ);
                    self.error_at(fld.typ, format!("{ts} is not a method signature"));
                }
                continue;
            }
            let sym = Symbol::intern(name);
            let m = new_object(ObjKind::Func, sym, Some(self.pkg), Some(self.pos(self.ctx.fi, n.pos)), Some(typ));
            self.record_def(n.pos, m);
            let pkg = if sym.is_exported() { None } else { Some(self.pkg) };
            if let Some(k) = methods.iter().position(|x| x.name == sym && x.pkg == pkg) {
                // typeset.go's addMethod for an explicit duplicate.
                let sp = self.pos(self.ctx.fi, n.pos);
                let ap = method_pos[k];
                self.error_count += 1;
                self.report(vec![(Some(sp), format!("duplicate method {name}")), (Some(ap), format!("other declaration of method {name}"))], false);
                continue;
            }
            methods.push(Method { name: sym, pkg, sig: typ });
            method_pos.push(self.pos(self.ctx.fi, n.pos));
        }
        let _ = def;
        methods.sort_by(|a, b| method_key(a).cmp(&method_key(b)));
        let it = tt.intern(Type::Interface { methods: methods.into(), embedded: embedded.into(), implicit: false });
        if !list.is_empty() {
            self.delayed.push(Delayed::TypeSet { fi: self.ctx.fi, iface: it, pos: embed_pos });
        }
        it
    }

    /// types2's `parseUnion`: a union of terms, or the single type.
    pub(crate) fn union_type(&mut self, e: ExprId) -> TypeId {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut tlist = Vec::new();
        flatten_union(file, e, &mut tlist);
        let mut terms: Vec<Term> = Vec::new();
        for &x in &tlist {
            let (tilde, inner) = match file.expr(x).kind {
                ExprKind::Operation { op: Operator::Tilde, x: inner, y: None } => (true, inner),
                _ => (false, x),
            };
            let mut typ = self.typ(inner);
            if is_type_param(typ) {
                if tilde {
                    let s = self.expr_str(x);
                    self.error_at(inner, format!("type in term {s} cannot be a type parameter"));
                } else {
                    self.error_at(inner, "term cannot be a type parameter".into());
                }
                typ = tt.invalid();
            }
            if tlist.len() == 1 && !tilde {
                return typ;
            }
            if terms.len() >= 100 {
                self.error_at(x, "cannot handle more than 100 union terms (implementation limitation)".into());
                return tt.invalid();
            }
            terms.push(Term { tilde, typ });
        }
        let u = tt.intern(Type::Union(terms.clone().into()));
        self.delayed.push(Delayed::UnionTerms { fi: self.ctx.fi, terms: terms.into_iter().zip(tlist).collect() });
        u
    }
}

/// Sort key of interface methods: exported names first by name, then
/// unexported names by package and name (types2's `Id` order).
fn method_key(m: &Method) -> (u8, &'static str, u32) {
    let exp = m.name.is_exported();
    (if exp { 0 } else { 1 }, m.name.as_str(), m.pkg.map_or(0, |p| p.0))
}

/// types2's `flattenUnion`.
fn flatten_union(file: &goxide_syntax::ast::File, e: ExprId, out: &mut Vec<ExprId>) {
    if let ExprKind::Operation { op: Operator::Or, x, y: Some(y) } = file.expr(e).kind {
        flatten_union(file, x, out);
        out.push(y);
        return;
    }
    out.push(e);
}

/// types2's `embeddedFieldIdent`.
fn embedded_field_ident(file: &goxide_syntax::ast::File, e: ExprId) -> Option<goxide_syntax::ast::Name> {
    match file.expr(e).kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Operation { op: Operator::Mul, x, y: None } => {
            if let ExprKind::Operation { op: Operator::Mul, y: None, .. } = file.expr(x).kind {
                return None;
            }
            embedded_field_ident(file, x)
        }
        ExprKind::Selector { sel, .. } => Some(sel),
        ExprKind::Index { x, .. } => embedded_field_ident(file, x),
        _ => None,
    }
}

/// types2's `unpackRecv` (with type parameters unpacked): whether the
/// receiver is a pointer, its base type expression, and the type
/// parameter names.
fn unpack_recv(file: &goxide_syntax::ast::File, mut t: ExprId) -> (bool, ExprId, Vec<ExprId>) {
    let mut ptr = false;
    loop {
        match file.expr(t).kind {
            ExprKind::Paren(x) => t = x,
            ExprKind::Operation { op: Operator::Mul, x, y: None } if !ptr => {
                ptr = true;
                t = x;
            }
            _ => break,
        }
    }
    if let ExprKind::Index { x, index } = file.expr(t).kind {
        return (ptr, x, file.unpack_list(Some(index)));
    }
    (ptr, t, Vec::new())
}

/// The type parameters of a generic named type or alias.
pub(crate) fn generic_tparams(t: TypeId) -> Box<[TypeId]> {
    let tt = table();
    if let Some(n) = tt.named(t) {
        return n.tparams.get().cloned().unwrap_or_default();
    }
    if let Some(a) = tt.alias(t) {
        return a.tparams.get().cloned().unwrap_or_default();
    }
    Box::new([])
}

fn type_name_of(t: TypeId) -> String {
    let tt = table();
    if let Some(n) = tt.named(t) {
        return n.name.to_string();
    }
    if let Some(a) = tt.alias(t) {
        return a.name.to_string();
    }
    String::new()
}
