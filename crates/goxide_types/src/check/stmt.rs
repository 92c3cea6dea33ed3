//! Statements and function bodies (types2's `stmt.go`, `range.go`,
//! `return.go`), the delayed actions (types2's `later`), and unused
//! variables and imports.
//!
//! Function bodies are checked after all package-level declarations, in
//! the order their declarations were checked; so are the checks that
//! need complete types (`Delayed`). Terminating statements follow the
//! spec (types2's `isTerminating`). Labels and `break`/`continue`/`goto`
//! placement are gc's syntax checks (`goxide_syntax::branches`), as gc
//! configures types2 (`IgnoreBranchErrors`).

use goxide_syntax::ast::{ExprId, ExprKind, StmtId, StmtKind};
use goxide_syntax::token::{Operator, Token};
use goxide_syntax::Pos;

use super::expr::ExprClass;
use super::operand::{Mode, Operand};
use super::{Checker, ScopeRef};
use crate::constant::{self, Kind};
use crate::objects::{new_object, object, ObjKind, VarKind};
use crate::predicates::*;
use crate::symbol::Symbol;
use crate::types::{table, BasicKind, ChanDir, ObjId, Type, TypeId};

/// An action delayed until package-level declarations are done.
#[derive(Clone, Debug)]
pub(crate) enum Delayed {
    /// A function body (`decl` is the package-level function, or `None`
    /// for a function literal, whose body is checked in place).
    FuncBody { fi: usize, decl: Option<ObjId>, scope: ScopeRef, sig: TypeId, body: StmtId, name: Symbol },
    FieldUniqueness { named: TypeId, fi: usize },
    MapKey { fi: usize, e: ExprId, key: TypeId },
    VarType { fi: usize, e: ExprId, typ: TypeId },
    EmbeddedField { fi: usize, pos: Pos, typ: TypeId },
    VerifyInstance { fi: usize, pos: Pos, args: Vec<ExprId>, tparams: Vec<TypeId>, targs: Vec<TypeId> },
    ValidRecv { fi: usize, e: ExprId, recv: ObjId },
    TypeSet { fi: usize, iface: TypeId, pos: Vec<Pos> },
    UnionTerms { fi: usize, terms: Vec<(crate::types::Term, ExprId)> },
    ValidType { fi: usize, named: TypeId },
}

/// Statement context bits (types2's `stmtContext`).
const BREAK_OK: u8 = 1;
const CONTINUE_OK: u8 = 2;
const FALLTHROUGH_OK: u8 = 4;
const FINAL_SWITCH_CASE: u8 = 8;
const IN_TYPE_SWITCH: u8 = 16;

impl Checker<'_> {
    /// Runs the delayed actions, including those they add (types2's
    /// `processDelayed`).
    pub(crate) fn process_delayed(&mut self) {
        let mut i = 0;
        while i < self.delayed.len() {
            let d = self.delayed[i].clone();
            i += 1;
            self.run_delayed(d);
        }
        self.delayed.clear();
    }

    /// Runs the delayed actions pushed since `top` (types2's
    /// `processDelayed(top)` inside statements).
    pub(crate) fn process_delayed_from(&mut self, top: usize) {
        // Function literal bodies and local checks run at the end of the
        // statement that created them.
        let mut i = top;
        while i < self.delayed.len() {
            let d = self.delayed[i].clone();
            i += 1;
            self.run_delayed(d);
        }
        self.delayed.truncate(top);
    }

    fn run_delayed(&mut self, d: Delayed) {
        let saved = self.ctx.clone();
        match d {
            Delayed::FuncBody { fi, decl, scope, sig, body, name } => {
                self.enter_file(fi);
                self.func_body(decl, name, sig, body, scope);
            }
            Delayed::FieldUniqueness { named, fi } => {
                self.enter_file(fi);
                self.check_field_uniqueness(named);
            }
            Delayed::MapKey { fi, e, key } => {
                self.enter_file(fi);
                if !comparable_type(key) {
                    let why = if is_type_param(key) { " (missing comparable constraint)" } else { "" };
                    let ks = self.type_str(key);
                    self.error_at(e, format!("invalid map key type {ks}{why}"));
                }
            }
            Delayed::VarType { fi, e, typ } => {
                self.enter_file(fi);
                let tt = table();
                let u = tt.underlying(typ);
                if matches!(tt.get(u), Type::Interface { .. }) {
                    let ts = crate::typeset::type_set(u);
                    if !ts.is_method_set() {
                        let s = self.type_str(typ);
                        if ts.is_comparable_only() {
                            self.soft_error_at(e, format!("cannot use type {s} outside a type constraint: interface is (or embeds) comparable"));
                        } else {
                            self.soft_error_at(e, format!("cannot use type {s} outside a type constraint: interface contains type constraints"));
                        }
                    }
                }
            }
            Delayed::EmbeddedField { fi, pos, typ } => {
                self.enter_file(fi);
                let tt = table();
                let (t, is_ptr) = match tt.get(typ) {
                    Type::Pointer(b) => (*b, true),
                    _ => (typ, false),
                };
                match tt.get(tt.underlying(t)) {
                    Type::Basic(BasicKind::UnsafePointer) => {
                        self.error_pos(pos, "embedded field type cannot be unsafe.Pointer".into());
                    }
                    Type::Pointer(_) => self.error_pos(pos, "embedded field type cannot be a pointer".into()),
                    Type::Interface { .. } => {
                        if is_type_param(t) {
                            self.error_pos(pos, "embedded field type cannot be a (pointer to a) type parameter".into());
                        } else if is_ptr {
                            self.error_pos(pos, "embedded field type cannot be a pointer to an interface".into());
                        }
                    }
                    _ => {}
                }
            }
            Delayed::VerifyInstance { fi, pos, args, tparams, targs } => {
                self.enter_file(fi);
                let qf = |p| self.qualify(p);
                let go1_20 = self.allow_version(20);
                match crate::instantiate::verify_at(&tparams, &targs, go1_20, &qf) {
                    Err((i, msg)) => {
                        let p = match args.get(i) {
                            Some(&a) => self.ctx.file.start_pos(a),
                            None => pos,
                        };
                        self.soft_error_pos(p, msg);
                    }
                    Ok(()) => {
                        let at = self.pos(fi, pos);
                        let arg_pos: Vec<_> = args.iter().map(|&a| self.pos(fi, self.ctx.file.start_pos(a))).collect();
                        let pkg = self.pkg;
                        self.mono.record_instance(pkg, at, &arg_pos, &tparams, &targs);
                    }
                }
            }
            Delayed::ValidRecv { fi, e, recv } => {
                self.enter_file(fi);
                self.valid_recv(e, recv);
            }
            Delayed::TypeSet { fi, iface, pos } => {
                self.enter_file(fi);
                self.embedding_versions(iface, &pos);
                let overlapping = self.allow_version(14);
                if let Some((p, msg)) = crate::typeset::type_set_error_for(iface, overlapping) {
                    let at = pos.get(p).copied().unwrap_or(0);
                    self.error_pos(at, msg);
                }
            }
            Delayed::ValidType { fi, named } => {
                self.enter_file(fi);
                self.valid_type(named);
            }
            Delayed::UnionTerms { fi, terms } => {
                self.enter_file(fi);
                self.check_union_terms(&terms);
            }
        }
        self.ctx = saved;
    }

    /// The version checks of `computeInterfaceTypeSet` for the elements
    /// an interface (declared in this package) embeds at `pos`: before
    /// go1.18 only interfaces may be embedded.
    fn embedding_versions(&mut self, iface: TypeId, pos: &[goxide_syntax::Pos]) {
        if self.allow_version(18) {
            return;
        }
        let tt = table();
        let Type::Interface { embedded, .. } = tt.get(iface).clone() else { return };
        for (i, &e) in embedded.iter().enumerate() {
            let Some(&at) = pos.get(i) else { continue };
            let u = tt.underlying(e);
            let what = match tt.get(u) {
                Type::Interface { .. } => continue,
                Type::Union(_) => format!("embedding interface element {}", self.type_str(u)),
                _ if u == tt.invalid() => continue,
                _ => format!("embedding non-interface type {}", self.type_str(e)),
            };
            self.version_error_pos(at, &what, 18);
        }
    }

    /// The delayed validity checks of a union's terms (types2's
    /// `parseUnion` later part).
    fn check_union_terms(&mut self, terms: &[(crate::types::Term, ExprId)]) {
        let list: Vec<crate::types::Term> = terms.iter().map(|(t, _)| t.clone()).collect();
        for p in crate::typeset::union_term_problems(&list, &|p| self.qualify(p)) {
            let Some(&(_, e)) = terms.get(p.index) else { continue };
            if p.soft {
                self.soft_error_at(e, p.message);
            } else {
                self.error_at(e, p.message);
            }
        }
    }

    /// types2's `funcBody`.
    pub(crate) fn func_body(&mut self, decl: Option<ObjId>, _name: Symbol, sig: TypeId, body: StmtId, scope: ScopeRef) {
        let tt = table();
        let sig_plain = match tt.get(sig) {
            Type::GenericFunc { sig, .. } => *sig,
            _ => sig,
        };
        self.ctx.decl = decl;
        self.ctx.scope = scope;
        self.ctx.sig = Some(sig_plain);
        self.ctx.iota = None;
        self.ctx.has_call_or_recv = false;
        let file = self.ctx.file.clone();
        let file = &*file;
        let StmtKind::Block { stmts, rbrace } = file.stmt(body).kind else { return };
        // The body is its own block inside the function scope (types2
        // checks the statement list in the signature's scope).
        let list = file.stmts_of(stmts).to_vec();
        let saved_label = std::mem::replace(&mut self.has_label, false);
        self.stmt_list(0, &list);
        if self.has_label && !self.config.ignore_branch_errors {
            self.labels(&list);
        }
        self.has_label = saved_label;
        let has_results = matches!(tt.get(sig_plain), Type::Signature { results, .. } if !results.is_empty());
        if has_results && !self.is_terminating(body, None) {
            self.error_pos(rbrace, "missing return".into());
        }
        if let ScopeRef::Local(i) = scope {
            self.usage(i);
        }
    }

    /// types2's `usage`: unused local variables of a function's scopes.
    fn usage(&mut self, scope: u32) {
        let mut unused: Vec<ObjId> = Vec::new();
        self.collect_unused(scope, &mut unused, true);
        unused.sort_by_key(|&v| object(v).pos.map(|p| (p.file, p.pos)));
        for v in unused {
            let o = object(v);
            if let Some(p) = o.pos {
                self.soft_error(p, format!("declared and not used: {}", o.name));
            }
        }
    }

    fn collect_unused(&self, scope: u32, out: &mut Vec<ObjId>, root: bool) {
        let l = &self.locals[scope as usize];
        if !root && l.is_func {
            return;
        }
        for &(_, o, _) in &l.entries {
            let ob = object(o);
            if let ObjKind::Var { kind: VarKind::Local, .. } = ob.kind {
                if !ob.is_used() {
                    out.push(o);
                }
            }
        }
        for &c in &l.children {
            self.collect_unused(c, out, false);
        }
    }

    /// Reports unused imports (types2's `unusedImports`).
    pub(crate) fn unused_imports(&mut self) {
        let imports = self.imports.clone();
        for p in imports {
            let o = object(p);
            if o.is_used() {
                continue;
            }
            let ObjKind::PkgName { imported } = o.kind else { continue };
            let info = crate::package::info(imported);
            let Some(pos) = o.pos else { continue };
            let path = info.path.as_str();
            let name = o.name.as_str();
            if name == "_" {
                continue;
            }
            // types2's `errorUnusedPkg`: the name is compared with the
            // path's last element, not the package name.
            let elem = path.rsplit('/').next().unwrap_or(path);
            let q = crate::constant::quote(path.as_bytes());
            let msg = if name.is_empty() || name == "." || name == elem {
                format!("{q} imported and not used")
            } else {
                format!("{q} imported as {name} and not used")
            };
            self.soft_error(pos, msg);
        }
    }

    /// Marks the import of a dot-imported object used.
    pub(crate) fn mark_dot_import_used(&mut self, obj: ObjId) {
        if let Some(&p) = self.dot_imports.get(&(self.ctx.fi, obj)) {
            object(p).mark_used();
        }
    }

    // ---- statements ----

    fn stmt_list(&mut self, ctxt: u8, list: &[StmtId]) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let ok = ctxt & FALLTHROUGH_OK != 0;
        let inner = ctxt & !FALLTHROUGH_OK;
        let mut n = list.len();
        while n > 0 && matches!(file.stmt(list[n - 1]).kind, StmtKind::Empty) {
            n -= 1;
        }
        for (i, &s) in list[..n].iter().enumerate() {
            let mut inner = inner;
            if ok && i + 1 == n {
                inner |= FALLTHROUGH_OK;
            }
            self.stmt(inner, s);
        }
    }

    fn simple_stmt(&mut self, s: Option<StmtId>) {
        if let Some(s) = s {
            self.stmt(0, s);
        }
    }

    /// types2's `stmt`.
    fn stmt(&mut self, ctxt: u8, s: StmtId) {
        let top = self.delayed.len();
        self.stmt_inner(ctxt, s);
        self.process_delayed_from(top);
    }

    fn stmt_inner(&mut self, ctxt: u8, s: StmtId) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let tt = table();
        let inner = ctxt & !(FALLTHROUGH_OK | FINAL_SWITCH_CASE | IN_TYPE_SWITCH);
        let st = file.stmt(s).clone();
        match st.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(list) => {
                let l = file.decls_of(list).to_vec();
                self.decl_stmt(&l);
            }
            StmtKind::Labeled { stmt, .. } => {
                self.has_label = true;
                self.stmt(ctxt, stmt)
            }
            StmtKind::Expr(e) => {
                let mut x = Operand::invalid(Some(e));
                let kind = self.raw_expr(&mut x, e, None, false);
                let msg = match x.mode {
                    Mode::Builtin(_) => "must be called",
                    Mode::TypeExpr => "is not an expression",
                    _ => {
                        if kind == ExprClass::Statement {
                            return;
                        }
                        "is not used"
                    }
                };
                let xs = self.op_str(&x);
                self.error_op(&x, format!("{xs} {msg}"));
            }
            StmtKind::Send { chan, value } => {
                let mut ch = Operand::invalid(Some(chan));
                let mut val = Operand::invalid(Some(value));
                self.expr(&mut ch, chan);
                self.generic_expr(&mut val, value);
                if ch.mode == Mode::Invalid || val.mode == Mode::Invalid {
                    return;
                }
                let at = file.start_pos(chan);
                if let Some(elem) = self.chan_elem_at(&ch, at) {
                    self.assignment(&mut val, Some(elem), "send");
                }
            }
            StmtKind::Assign { op, lhs, rhs } => {
                let Some(rhs) = rhs else {
                    // x++ / x--
                    let mut x = Operand::invalid(Some(lhs));
                    self.expr(&mut x, lhs);
                    if x.mode == Mode::Invalid {
                        return;
                    }
                    if !all_numeric(x.typ) {
                        let ls = self.expr_str(lhs);
                        let o = op.as_str();
                        let ts = self.type_str(x.typ);
                        self.error_at(lhs, format!("invalid operation: {ls}{o}{o} (non-numeric type {ts})"));
                        return;
                    }
                    self.assign_var(lhs, None, Some(&mut x), "assignment");
                    return;
                };
                let l = file.unpack_list(Some(lhs));
                let r = file.unpack_list(Some(rhs));
                match op {
                    Operator::None => self.assign_vars(&l, &r),
                    Operator::Def => self.short_var_decl(st.pos, &l, &r),
                    _ => {
                        if l.len() != 1 || r.len() != 1 {
                            self.error_pos(st.pos, format!("assignment operation {} requires single-valued expressions", op.as_str()));
                            return;
                        }
                        let mut x = Operand::invalid(Some(l[0]));
                        self.binary(&mut x, None, l[0], r[0], op);
                        self.assign_var(l[0], None, Some(&mut x), "assignment");
                    }
                }
            }
            StmtKind::Call { tok, call } => {
                let kw = if tok == Token::Go { "go" } else { "defer" };
                self.suspended_call(kw, call);
            }
            StmtKind::Return { results } => {
                let results = file.unpack_list(results);
                let sig = self.ctx.sig.unwrap_or(tt.invalid());
                let res: Vec<crate::types::Var> = match tt.get(sig) {
                    Type::Signature { results, .. } => results.to_vec(),
                    _ => Vec::new(),
                };
                if results.is_empty() && !res.is_empty() && res[0].name.is_some() {
                    for v in &res {
                        let Some(name) = v.name else { continue };
                        if let Some(alt) = self.lookup(name) {
                            let ao = object(alt);
                            let is_result = matches!(ao.kind, ObjKind::Var { kind: VarKind::Result, .. });
                            if !is_result {
                                let sp = self.pos(self.ctx.fi, st.pos);
                                let ts = ao.typ.get().map(|t| self.type_str(t)).unwrap_or_default();
                                let parts = vec![
                                    (Some(sp), format!("result parameter {name} not in scope at return")),
                                    (ao.pos, format!("inner declaration of var {name} {ts}")),
                                ];
                                self.error_count += 1;
                                self.report(parts, false);
                            }
                        }
                    }
                } else if !results.is_empty() || !res.is_empty() {
                    // Result variables as objects: fresh vars carrying the types.
                    let lhs: Vec<ObjId> = res
                        .iter()
                        .map(|v| {
                            new_object(
                                ObjKind::Var { kind: VarKind::Result, embedded: false },
                                v.name.unwrap_or(Symbol::intern("")),
                                Some(self.pkg),
                                None,
                                Some(v.typ),
                            )
                        })
                        .collect();
                    if results.is_empty() {
                        // return without values in a function with unnamed results
                        let sp = self.pos(self.ctx.fi, st.pos);
                        let want = self.types_summary(&res.iter().map(|v| v.typ).collect::<Vec<_>>(), false, false);
                        self.error_count += 1;
                        self.report(
                            vec![(Some(sp), "not enough return values".into()), (None, "have ()".into()), (None, format!("want {want}"))],
                            false,
                        );
                    } else {
                        self.init_vars(&lhs, &results, Some(st.pos));
                    }
                }
            }
            StmtKind::Branch { tok, label, .. } => {
                if label.is_some() {
                    self.has_label = true;
                    return; // checked in the second pass (labels.rs)
                }
                if self.config.ignore_branch_errors {
                    return; // gc: the syntax package checked it
                }
                match tok {
                    Token::Break if ctxt & BREAK_OK == 0 => {
                        self.error_pos(st.pos, "break not in for, switch, or select statement".into());
                    }
                    Token::Continue if ctxt & CONTINUE_OK == 0 => {
                        self.error_pos(st.pos, "continue not in for statement".into());
                    }
                    Token::Fallthrough if ctxt & FALLTHROUGH_OK == 0 => {
                        let msg = if ctxt & FINAL_SWITCH_CASE != 0 {
                            "cannot fallthrough final case in switch"
                        } else if ctxt & IN_TYPE_SWITCH != 0 {
                            "cannot fallthrough in type switch"
                        } else {
                            "fallthrough statement out of place"
                        };
                        self.error_pos(st.pos, msg.into());
                    }
                    _ => {}
                }
            }
            StmtKind::Block { stmts, rbrace } => {
                self.open_scope(false, rbrace);
                let l = file.stmts_of(stmts).to_vec();
                self.stmt_list(inner, &l);
                self.close_scope();
            }
            StmtKind::If { init, cond, then, els } => {
                self.open_scope(false, 0);
                self.simple_stmt(init);
                if let Some(c) = cond {
                    let mut x = Operand::invalid(Some(c));
                    self.expr(&mut x, c);
                    if x.mode != Mode::Invalid && !all_boolean(x.typ) {
                        self.error_at(c, "non-boolean condition in if statement".into());
                    }
                }
                self.stmt(inner, then);
                if let Some(e) = els {
                    self.stmt(inner, e);
                }
                self.close_scope();
            }
            StmtKind::Switch { init, tag, body, rbrace } => {
                let inner = inner | BREAK_OK;
                self.open_scope(false, rbrace);
                self.simple_stmt(init);
                let body = file.stmts_of(body).to_vec();
                match tag.map(|t| (t, file.expr(t).kind.clone())) {
                    Some((_, ExprKind::TypeSwitchGuard { lhs, x })) => self.type_switch_stmt(inner | IN_TYPE_SWITCH, lhs, x, &body),
                    _ => self.switch_stmt(inner, tag, &body, rbrace),
                }
                self.close_scope();
            }
            StmtKind::Select { body, .. } => {
                let inner = inner | BREAK_OK;
                let body = file.stmts_of(body).to_vec();
                for &c in &body {
                    let StmtKind::CommClause { comm, body: cbody, .. } = file.stmt(c).kind else { continue };
                    let mut valid = false;
                    let mut rhs: Option<ExprId> = None;
                    match comm.map(|s| file.stmt(s).kind.clone()) {
                        None | Some(StmtKind::Send { .. }) => valid = true,
                        Some(StmtKind::Assign { rhs: Some(r), .. }) => {
                            if !matches!(file.expr(r).kind, ExprKind::List(_)) {
                                rhs = Some(r);
                            }
                        }
                        Some(StmtKind::Expr(e)) => rhs = Some(e),
                        _ => {}
                    }
                    if let Some(r) = rhs {
                        if let ExprKind::Operation { op: Operator::Recv, y: None, .. } = file.expr(file.unparen(r)).kind {
                            valid = true;
                        }
                    }
                    if !valid {
                        if let Some(cs) = comm {
                            let p = self.stmt_start(cs);
                            self.error_pos(p, "select case must be send or receive (possibly with assignment)".into());
                        }
                        continue;
                    }
                    self.open_scope(false, 0);
                    if let Some(cs) = comm {
                        self.stmt(inner, cs);
                    }
                    let l = file.stmts_of(cbody).to_vec();
                    self.stmt_list(inner, &l);
                    self.close_scope();
                }
            }
            StmtKind::For { init, cond, post, body } => {
                let inner = inner | BREAK_OK | CONTINUE_OK;
                if let Some(StmtKind::Range { lhs, def, x }) = init.map(|i| file.stmt(i).kind.clone()) {
                    let l = file.unpack_list(lhs);
                    if lhs.is_some() && matches!(file.expr(lhs.unwrap()).kind, ExprKind::List(_)) && l.len() < 2 {
                        self.error_pos(st.pos, "invalid syntax tree: invalid lhs in range clause".into());
                        return;
                    }
                    self.range_stmt(inner, st.pos, body, l.first().copied(), l.get(1).copied(), l.get(2).copied(), x, def);
                    return;
                }
                self.open_scope(false, 0);
                self.simple_stmt(init);
                if let Some(c) = cond {
                    let mut x = Operand::invalid(Some(c));
                    self.expr(&mut x, c);
                    if x.mode != Mode::Invalid && !all_boolean(x.typ) {
                        self.error_at(c, "non-boolean condition in for statement".into());
                    }
                }
                self.simple_stmt(post);
                if let Some(p) = post {
                    if let StmtKind::Assign { op: Operator::Def, lhs, .. } = file.stmt(p).kind {
                        self.use_exprs(&[lhs]);
                    }
                }
                self.stmt(inner, body);
                self.close_scope();
            }
            StmtKind::Range { .. } | StmtKind::CaseClause { .. } | StmtKind::CommClause { .. } => {
                self.error_pos(st.pos, "invalid syntax tree: invalid statement".into());
            }
        }
    }

    /// The leftmost position of a simple statement.
    fn stmt_start(&self, s: StmtId) -> Pos {
        let file = self.ctx.file.clone();
        let file = &*file;
        match file.stmt(s).kind {
            StmtKind::Expr(e) => file.start_pos(e),
            StmtKind::Assign { lhs, .. } => file.start_pos(lhs),
            StmtKind::Send { chan, .. } => file.start_pos(chan),
            _ => file.stmt(s).pos,
        }
    }

    /// `chanElem` with the error at a statement position.
    fn chan_elem_at(&mut self, ch: &Operand, pos: Pos) -> Option<TypeId> {
        let n = self.errors.len();
        let r = self.chan_elem(ch, false);
        if r.is_none() && self.errors.len() > n {
            let sp = self.pos(self.ctx.fi, pos);
            self.errors[n].pos = sp;
        }
        r
    }

    /// types2's `suspendedCall`.
    fn suspended_call(&mut self, keyword: &str, call: ExprId) {
        let file = self.ctx.file.clone();
        let file = &*file;
        if !matches!(file.expr(call).kind, ExprKind::Call { .. }) {
            self.error_at(call, format!("expression in {keyword} must be function call"));
            self.use_exprs(&[call]);
            return;
        }
        let mut x = Operand::invalid(Some(call));
        let msg = match self.raw_expr(&mut x, call, None, false) {
            ExprClass::Conversion => "requires function call, not conversion",
            ExprClass::Expression => "discards result of",
            ExprClass::Statement => return,
        };
        let xs = self.op_str(&x);
        self.error_op(&x, format!("{keyword} {msg} {xs}"));
    }

    /// types2's `switchStmt`.
    fn switch_stmt(&mut self, inner: u8, tag: Option<ExprId>, body: &[StmtId], rbrace: Pos) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut x = Operand::invalid(tag);
        let mut true_tag = None;
        match tag {
            Some(t) => {
                self.expr(&mut x, t);
                self.assignment(&mut x, None, "switch expression");
                if x.mode != Mode::Invalid && !comparable_type(x.typ) && !has_nil(x.typ) {
                    let xs = self.op_str(&x);
                    let ts = self.type_str(x.typ);
                    self.error_op(&x, format!("cannot switch on {xs} ({ts} is not comparable)"));
                    x.mode = Mode::Invalid;
                }
            }
            None => {
                x.mode = Mode::Constant;
                x.typ = tt.basic(BasicKind::Bool);
                x.val = Some(constant::make_bool(true));
                x.dummy = Some("true".into());
                let p = body.first().map(|&c| file.stmt(c).pos).unwrap_or(rbrace);
                true_tag = Some(p);
            }
        }
        self.multiple_defaults(body);
        let mut seen: Vec<(String, Pos, TypeId)> = Vec::new();
        for (i, &c) in body.iter().enumerate() {
            let StmtKind::CaseClause { cases, body: cbody, .. } = file.stmt(c).kind else { continue };
            let mut inner = inner;
            if i + 1 < body.len() {
                inner |= FALLTHROUGH_OK;
            } else {
                inner |= FINAL_SWITCH_CASE;
            }
            let values = file.unpack_list(cases);
            self.case_values(&mut x, &values, &mut seen, true_tag);
            self.open_scope(false, 0);
            let l = file.stmts_of(cbody).to_vec();
            self.stmt_list(inner, &l);
            self.close_scope();
        }
    }

    /// types2's `multipleSwitchDefaults`/`multipleSelectDefaults`.
    fn multiple_defaults(&mut self, body: &[StmtId]) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut first: Option<Pos> = None;
        for &c in body {
            let is_default = match file.stmt(c).kind {
                StmtKind::CaseClause { cases, .. } => cases.is_none(),
                StmtKind::CommClause { comm, .. } => comm.is_none(),
                _ => false,
            };
            if is_default {
                let p = file.stmt(c).pos;
                match first {
                    Some(f) => {
                        let fp = crate::files::position(self.pos(self.ctx.fi, f));
                        self.error_pos(p, format!("multiple defaults (first at {fp})"));
                    }
                    None => first = Some(p),
                }
            }
        }
    }

    /// types2's `caseValues`.
    fn case_values(&mut self, x: &mut Operand, values: &[ExprId], seen: &mut Vec<(String, Pos, TypeId)>, true_tag: Option<Pos>) {
        for &e in values {
            let mut v = Operand::invalid(Some(e));
            self.expr(&mut v, e);
            if x.mode == Mode::Invalid || v.mode == Mode::Invalid {
                continue;
            }
            self.convert_untyped(&mut v, x.typ);
            if v.mode == Mode::Invalid {
                continue;
            }
            let mut res = v.clone();
            let mut xx = x.clone();
            if true_tag.is_some() {
                xx.expr = None;
            }
            self.comparison(&mut res, &mut xx, Operator::Eql, true);
            if res.mode == Mode::Invalid {
                continue;
            }
            if v.mode != Mode::Constant {
                continue;
            }
            let Some(key) = v.val.as_ref().and_then(go_val_key) else { continue };
            let vpos = self.ctx.file.start_pos(e);
            if let Some(&(_, ppos, _)) = seen.iter().find(|(k, _, t)| *k == key && table().identical(v.typ, *t)) {
                let vs = self.op_str(&v);
                let sp = self.pos(self.ctx.fi, vpos);
                let pp = self.pos(self.ctx.fi, ppos);
                self.error_count += 1;
                self.report(vec![(Some(sp), format!("duplicate case {vs} in expression switch")), (Some(pp), "previous case".into())], false);
                continue;
            }
            seen.push((key, vpos, v.typ));
        }
    }

    /// types2's `typeSwitchStmt`.
    fn type_switch_stmt(&mut self, inner: u8, lhs: Option<goxide_syntax::ast::Name>, guard_x: ExprId, body: &[StmtId]) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut lhs = lhs;
        if let Some(n) = lhs {
            if file.name_str(n) == "_" {
                self.soft_error_pos(n.pos, "no new variable on left side of :=".into());
                lhs = None;
            }
        }
        let mut sx: Option<Operand> = None;
        {
            let mut x = Operand::invalid(Some(guard_x));
            self.expr(&mut x, guard_x);
            if x.mode != Mode::Invalid {
                if is_type_param(x.typ) {
                    let xs = self.op_str(&x);
                    self.error_op(&x, format!("cannot use type switch on type parameter value {xs}"));
                } else if is_interface(x.typ) {
                    sx = Some(x);
                } else {
                    let xs = self.op_str(&x);
                    self.error_op(&x, format!("{xs} is not an interface"));
                }
            }
        }
        self.multiple_defaults(body);
        let mut lhs_vars = Vec::new();
        let mut seen: Vec<(Option<TypeId>, ExprId)> = Vec::new();
        for &c in body {
            let StmtKind::CaseClause { cases, body: cbody, .. } = file.stmt(c).kind else { continue };
            let types = file.unpack_list(cases);
            let t = self.case_types(sx.as_ref(), &types, &mut seen);
            self.open_scope(false, 0);
            if let Some(n) = lhs {
                let obj = new_object(
                    ObjKind::Var { kind: VarKind::Local, embedded: false },
                    Symbol::intern(file.name_str(n)),
                    Some(self.pkg),
                    Some(self.pos(self.ctx.fi, n.pos)),
                    Some(t),
                );
                self.declare_local(obj);
                self.info.implicits.insert((self.ctx.fnum, c), obj);
                lhs_vars.push(obj);
            }
            let l = file.stmts_of(cbody).to_vec();
            self.stmt_list(inner, &l);
            self.close_scope();
        }
        if let Some(n) = lhs {
            let mut used = false;
            for &v in &lhs_vars {
                if object(v).is_used() {
                    used = true;
                }
                object(v).mark_used();
            }
            if !used {
                self.soft_error_pos(n.pos, format!("{} declared and not used", file.name_str(n)));
            }
        }
        let _ = tt;
    }

    /// types2's `caseTypes`.
    fn case_types(&mut self, x: Option<&Operand>, types: &[ExprId], seen: &mut Vec<(Option<TypeId>, ExprId)>) -> TypeId {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut t: Option<TypeId> = None;
        for &e in types {
            let is_nil = match file.expr(file.unparen(e)).kind {
                ExprKind::Name(n) => self.lookup(Symbol::intern(file.name_str(n))).is_some_and(|o| matches!(object(o).kind, ObjKind::Nil)),
                _ => false,
            };
            if is_nil {
                t = None;
                let mut d = Operand::invalid(Some(e));
                self.expr(&mut d, e);
            } else {
                let ty = self.var_type(e);
                if ty == tt.invalid() {
                    t = Some(ty);
                    continue;
                }
                t = Some(ty);
            }
            if let Some(&(_, other)) = seen.iter().find(|(s, _)| match (s, t) {
                (None, None) => true,
                (Some(a), Some(b)) => tt.identical(*a, b),
                _ => false,
            }) {
                let ts = t.map(|t| self.type_str(t)).unwrap_or_else(|| "nil".into());
                let sp = self.pos(self.ctx.fi, file.start_pos(e));
                let op = self.pos(self.ctx.fi, file.start_pos(other));
                self.error_count += 1;
                self.report(vec![(Some(sp), format!("duplicate case {ts} in type switch")), (Some(op), "previous case".into())], false);
                continue;
            }
            seen.push((t, e));
            if let (Some(x), Some(ty)) = (x, t) {
                self.type_assertion(e, x, ty, true);
            }
        }
        if types.len() != 1 || t.is_none() {
            return x.map(|x| x.typ).unwrap_or(tt.invalid());
        }
        t.unwrap_or(tt.invalid())
    }

    /// types2's `rangeStmt`.
    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        inner: u8,
        for_pos: Pos,
        body: StmtId,
        s_key: Option<ExprId>,
        s_value: Option<ExprId>,
        s_extra: Option<ExprId>,
        range_var: ExprId,
        is_def: bool,
    ) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut x = Operand::invalid(Some(range_var));
        self.ctx.has_call_or_recv = false;
        self.expr(&mut x, range_var);
        if x.mode != Mode::Invalid && s_value.is_none() && !self.ctx.has_call_or_recv {
            let u = array_ptr_deref(tt.underlying(x.typ));
            if let Type::Array { len, .. } = tt.get(u) {
                let inner_e = file.unparen(range_var);
                self.record_type_and_value(inner_e, Mode::Constant, tt.basic(BasicKind::Int), Some(constant::make_int64(*len)));
            }
        }
        let (mut key, mut val) = (None, None);
        if x.mode != Mode::Invalid {
            let r = self.range_key_val(x.typ);
            let xs = self.op_str(&x);
            match r {
                Err(cause) => {
                    if cause.is_empty() {
                        self.soft_error_at(range_var, format!("cannot range over {xs}"));
                    } else {
                        self.soft_error_at(range_var, format!("cannot range over {xs}: {cause}"));
                    }
                }
                Ok((k, v)) => {
                    if k.is_none() && s_key.is_some() {
                        self.soft_error_at(s_key.unwrap(), format!("range over {xs} permits no iteration variables"));
                    } else if v.is_none() && s_value.is_some() {
                        self.soft_error_at(s_value.unwrap(), format!("range over {xs} permits only one iteration variable"));
                    } else if let Some(e) = s_extra {
                        self.soft_error_at(e, "range clause permits at most two iteration variables".into());
                    }
                    key = k;
                    val = v;
                }
            }
        }
        self.open_scope(false, 0);
        let lhs = [s_key, s_value];
        let rhs = [key, val];
        let range_over_int = is_integer(x.typ);
        if is_def {
            let mut vars = Vec::new();
            for i in 0..2 {
                let Some(l) = lhs[i] else { continue };
                let obj = if let ExprKind::Name(n) = file.expr(l).kind {
                    let name = file.name_str(n);
                    let o = new_object(
                        ObjKind::Var { kind: VarKind::Local, embedded: false },
                        Symbol::intern(name),
                        Some(self.pkg),
                        Some(self.pos(self.ctx.fi, n.pos)),
                        None,
                    );
                    self.record_def(n.pos, o);
                    if name != "_" {
                        vars.push(o);
                    }
                    o
                } else {
                    let s = self.expr_str(l);
                    self.error_at(l, format!("invalid syntax tree: cannot declare {s}"));
                    new_object(
                        ObjKind::Var { kind: VarKind::Local, embedded: false },
                        Symbol::intern("_"),
                        Some(self.pkg),
                        Some(self.pos(self.ctx.fi, file.expr(l).pos)),
                        None,
                    )
                };
                let typ = rhs[i];
                match typ {
                    None => {
                        object(obj).typ.set(tt.invalid());
                        object(obj).mark_used();
                        continue;
                    }
                    Some(t) if t == tt.invalid() => {
                        object(obj).typ.set(tt.invalid());
                        object(obj).mark_used();
                        continue;
                    }
                    Some(t) => {
                        if range_over_int {
                            let mut y = x.clone();
                            self.init_var(obj, &mut y, "range clause");
                        } else {
                            let mut y = Operand { mode: Mode::Value, typ: t, val: None, expr: Some(l), dummy: None };
                            self.init_var(obj, &mut y, "assignment");
                        }
                    }
                }
            }
            if !vars.is_empty() {
                for v in vars {
                    self.declare_local(v);
                }
            } else {
                self.error_pos(for_pos, "no new variables on left side of :=".into());
            }
        } else if s_key.is_some() {
            for i in 0..2 {
                let Some(l) = lhs[i] else { continue };
                let Some(t) = rhs[i] else { continue };
                if t == tt.invalid() {
                    continue;
                }
                if range_over_int {
                    let mut y = x.clone();
                    self.assign_var(l, None, Some(&mut y), "range clause");
                    if y.mode != Mode::Invalid && !is_integer(y.typ) {
                        let ts = self.type_str(y.typ);
                        self.soft_error_at(l, format!("cannot use iteration variable of type {ts}"));
                    }
                } else {
                    let mut y = Operand { mode: Mode::Value, typ: t, val: None, expr: Some(l), dummy: None };
                    self.assign_var(l, None, Some(&mut y), "assignment");
                }
            }
        } else if range_over_int {
            self.assignment(&mut x, None, "range clause");
        }
        self.stmt(inner, body);
        self.close_scope();
    }

    /// types2's `rangeKeyVal`.
    fn range_key_val(&mut self, orig: TypeId) -> Result<(Option<TypeId>, Option<TypeId>), String> {
        let tt = table();
        let qf = |p| self.qualify(p);
        let mut cond = |pair: Option<(TypeId, TypeId)>| -> Option<String> {
            match pair {
                Some((t, u)) => match tt.get(u) {
                    Type::Chan { dir: ChanDir::SendOnly, .. } => {
                        Some(format!("receive from send-only channel {}", crate::typestring::type_string(t, &qf)))
                    }
                    _ => None,
                },
                None => None,
            }
        };
        let rtyp = crate::typeset::common_under(orig, Some(&mut cond), &qf)?;
        let rtyp = array_ptr_deref(rtyp);
        match tt.get(rtyp) {
            Type::Basic(_) => {
                if is_string(rtyp) {
                    let rune = crate::universe::rune();
                    return Ok((Some(tt.basic(BasicKind::Int)), Some(rune)));
                }
                if is_integer(rtyp) {
                    if !self.allow_version(22) {
                        return Err("requires go1.22 or later".into());
                    }
                    return Ok((Some(orig), None));
                }
            }
            Type::Array { elem, .. } | Type::Slice(elem) => return Ok((Some(tt.basic(BasicKind::Int)), Some(*elem))),
            Type::Map { key, elem } => return Ok((Some(*key), Some(*elem))),
            Type::Chan { elem, .. } => return Ok((Some(*elem), None)),
            Type::Signature { params, results, .. } => {
                if !self.allow_version(23) {
                    return Err("requires go1.23 or later".into());
                }
                if params.len() != 1 {
                    return Err("func must be func(yield func(...) bool): wrong argument count".into());
                }
                if !results.is_empty() {
                    return Err("func must be func(yield func(...) bool): unexpected results".into());
                }
                let cb = core_type(params[0].typ);
                let Some((cbp, cbr, cbv)) = cb.and_then(|c| match tt.get(c) {
                    Type::Signature { params, results, variadic } => Some((params.clone(), results.clone(), *variadic)),
                    _ => None,
                }) else {
                    return Err("func must be func(yield func(...) bool): argument is not func".into());
                };
                if cbp.len() > 2 {
                    return Err("func must be func(yield func(...) bool): yield func has too many parameters".into());
                }
                if cbr.len() != 1 || !tt.identical(cbr[0].typ, tt.basic(BasicKind::Bool)) {
                    if cbr.len() == 1 && is_boolean(cbr[0].typ) {
                        return Err("func must be func(yield func(...) bool): yield func returns user-defined boolean, not bool".into());
                    }
                    return Err("func must be func(yield func(...) bool): yield func does not return bool".into());
                }
                if cbv {
                    let s = self.type_str(cb.unwrap_or(tt.invalid()));
                    return Err(format!("yield func of type {s} cannot be variadic"));
                }
                return Ok((cbp.first().map(|v| v.typ), cbp.get(1).map(|v| v.typ)));
            }
            _ => {}
        }
        Err(String::new())
    }

    // ---- terminating statements ----

    /// types2's `isTerminating`.
    fn is_terminating(&self, s: StmtId, label: Option<&str>) -> bool {
        let file = self.ctx.file.clone();
        let file = &*file;
        match &file.stmt(s).kind {
            StmtKind::Labeled { label, stmt } => self.is_terminating(*stmt, Some(file.name_str(*label))),
            StmtKind::Expr(e) => {
                let c = file.unparen(*e);
                self.is_panic.contains(&(self.ctx.fnum, c))
            }
            StmtKind::Return { .. } => true,
            StmtKind::Branch { tok, .. } => matches!(tok, Token::Goto | Token::Fallthrough),
            StmtKind::Block { stmts, .. } => self.is_terminating_list(file.stmts_of(*stmts), None),
            StmtKind::If { then, els, .. } => els.is_some_and(|e| self.is_terminating(*then, None) && self.is_terminating(e, None)),
            StmtKind::Switch { body, .. } => {
                let mut has_default = false;
                for &c in file.stmts_of(*body) {
                    let StmtKind::CaseClause { cases, body, .. } = file.stmt(c).kind else { continue };
                    if cases.is_none() {
                        has_default = true;
                    }
                    let l = file.stmts_of(body);
                    if !self.is_terminating_list(l, None) || has_break_list(file, l, label, true) {
                        return false;
                    }
                }
                has_default
            }
            StmtKind::Select { body, .. } => {
                for &c in file.stmts_of(*body) {
                    let StmtKind::CommClause { body, .. } = file.stmt(c).kind else { continue };
                    let l = file.stmts_of(body);
                    if !self.is_terminating_list(l, None) || has_break_list(file, l, label, true) {
                        return false;
                    }
                }
                true
            }
            StmtKind::For { init, cond, body, .. } => {
                if init.is_some_and(|i| matches!(file.stmt(i).kind, StmtKind::Range { .. })) {
                    return false;
                }
                cond.is_none() && !has_break(file, *body, label, true)
            }
            _ => false,
        }
    }

    fn is_terminating_list(&self, list: &[StmtId], label: Option<&str>) -> bool {
        let file = self.ctx.file.clone();
        let file = &*file;
        for &s in list.iter().rev() {
            if !matches!(file.stmt(s).kind, StmtKind::Empty) {
                return self.is_terminating(s, label);
            }
        }
        false
    }
}

fn has_break(file: &goxide_syntax::ast::File, s: StmtId, label: Option<&str>, implicit: bool) -> bool {
    match &file.stmt(s).kind {
        StmtKind::Labeled { stmt, .. } => has_break(file, *stmt, label, implicit),
        StmtKind::Branch { tok: Token::Break, label: l, .. } => match l {
            None => implicit,
            Some(n) => Some(file.name_str(*n)) == label,
        },
        StmtKind::Block { stmts, .. } => has_break_list(file, file.stmts_of(*stmts), label, implicit),
        StmtKind::If { then, els, .. } => {
            has_break(file, *then, label, implicit) || els.is_some_and(|e| has_break(file, e, label, implicit))
        }
        StmtKind::Switch { body, .. } => {
            label.is_some()
                && file.stmts_of(*body).iter().any(|&c| match file.stmt(c).kind {
                    StmtKind::CaseClause { body, .. } => has_break_list(file, file.stmts_of(body), label, false),
                    _ => false,
                })
        }
        StmtKind::Select { body, .. } => {
            label.is_some()
                && file.stmts_of(*body).iter().any(|&c| match file.stmt(c).kind {
                    StmtKind::CommClause { body, .. } => has_break_list(file, file.stmts_of(body), label, false),
                    _ => false,
                })
        }
        StmtKind::For { body, .. } => label.is_some() && has_break(file, *body, label, false),
        _ => false,
    }
}

fn has_break_list(file: &goxide_syntax::ast::File, list: &[StmtId], label: Option<&str>, implicit: bool) -> bool {
    list.iter().any(|&s| has_break(file, s, label, implicit))
}

/// A pointer to an array stands for the array (types2's `arrayPtrDeref`).
pub(crate) fn array_ptr_deref(t: TypeId) -> TypeId {
    let tt = table();
    if let Type::Pointer(b) = tt.get(t) {
        if let Type::Array { .. } = tt.get(tt.underlying(*b)) {
            return tt.underlying(*b);
        }
    }
    t
}

/// The Go value of a constant for duplicate-case detection (types2's
/// `goVal`): integers, floats and strings; others are not compared.
fn go_val_key(v: &constant::Value) -> Option<String> {
    match v.kind() {
        Kind::Int => {
            let (i, ok) = v.int64_val();
            if ok {
                return Some(format!("i{i}"));
            }
            let (u, ok) = v.uint64_val();
            ok.then(|| format!("u{u}"))
        }
        Kind::Float => {
            let (f, ok) = v.float64_val();
            ok.then(|| {
                // Integral floats compare equal to integers as Go values do not
                // (different dynamic types), so keep them apart.
                format!("f{f:?}")
            })
        }
        Kind::String => Some(format!("s{}", String::from_utf8_lossy(&v.string_val()))),
        _ => None,
    }
}
