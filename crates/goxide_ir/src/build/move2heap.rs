//! gc 1.27's stack backing stores for slices that escape late
//! (`cmd/compile/internal/slice/slice.go`, its `move2heap`; lowered as
//! `ssagen/ssa.go`'s `append` with `UseBuf` and `move2heap`).
//!
//! A slice variable is *exclusive* while, whenever it refers to a backing
//! array in this frame, no other value does. `s = nil`, `s = []T{...}`,
//! `s = append(s, ...)`, `s = s[i:j]`, `s[i]`, `len(s)`, `cap(s)` and
//! passing `s` to a function of the package that does not leak that
//! parameter keep it exclusive; `x = s`, `return s` and `for range s`
//! are *transitions* to non-exclusive. When every mention of `s` in the
//! body is one of these, there is exactly one transition (a statement),
//! that statement is not in a loop deeper than `s`'s declaration, and the
//! `s = append(s, ...)` sites weigh at least 2 (1 each, plus the loop
//! depth they sit at below the declaration), then `s = move2heap(s)` runs
//! just before the transition statement — the backing array is copied to
//! the heap if it lies in this frame's buffer — and every append site of
//! `s` may use the frame buffer although its result reaches the heap.
//! When the capacity of `s` is observed (`cap`, slicing, a slice literal,
//! a call), the appends grow inside the buffer one size class at a time
//! (`growsliceBuf`) and the move keeps the capacity (`moveSlice`);
//! otherwise the first append takes the whole buffer (`appendbuf`'s
//! strategy) and the move rounds the capacity to the length's size class
//! (`moveSliceNoCap`).
//!
//! What this walk differs in from gc's, all on the safe side (a mention
//! it does not understand drops the variable): it runs on the typed
//! syntax, before any inlining, so a call `f(s)` is judged by `f`'s leak
//! summary ([`super::escape`]) where gc may have inlined `f` into
//! assignments; `go`/`defer` calls, range-over-func bodies, function
//! literals, conversions, comparisons and every other mention drop the
//! variable; variables captured by a closure or whose address is taken
//! (the body's heap variables) and named results of a function with
//! `defer` (a recovered panic returns them without a `return`) are never
//! tracked; only direct calls of the package's functions and of methods
//! with a value receiver found without embedding keep exclusivity.
//!
//! Invariants: a planned variable's every mention is understood; its
//! frame buffer is reachable only from it (and from values derived by
//! the understood operations, which are consumed before the next
//! statement) until the transition, where it is moved first; the plan
//! never names a site or statement inside a nested function literal or
//! range-over-func body (those are built as functions of their own).

use std::collections::{HashMap, HashSet};

use goxide_syntax::ast::{DeclKind, ExprId, ExprKind, FieldId, File, Name, StmtId, StmtKind};
use goxide_syntax::token::{Operator, Token};
use goxide_syntax::walk::{walk_stmt, Visitor};
use goxide_types::check::info::SelectionKind;
use goxide_types::check::operand::Mode;
use goxide_types::objects::{object, Builtin, ObjKind};
use goxide_types::types::{table, ObjId, Type, TypeId};

use goxide_types::objects::SrcPos;
use goxide_types::types::BasicKind;

use super::appendbuf::STACK_BUFFER_BYTES;
use super::escape::Leak;
use super::func::FnBuilder;
use super::{is_local_var, unsupported, BuildResult, Operand, PkgCtx};
use crate::ir::*;
use crate::repr::{basic, pointer_to, raw_pointer};

/// A slice variable moved to the heap before its one transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MovedSlice {
    /// Whether the capacity is observed: appends grow in the buffer with
    /// `growsliceBuf` and the move keeps the capacity (gc's `UseBuf`,
    /// `PreserveCapacity`).
    pub cap_used: bool,
}

/// What the pass decided for one body.
#[derive(Default, Debug)]
pub(crate) struct SlicePlan {
    pub vars: HashMap<ObjId, MovedSlice>,
    /// Each `s = append(s, ...)` site of a planned variable.
    pub appends: HashMap<ExprId, ObjId>,
    /// The variables to move before each transition statement.
    pub moves_before: HashMap<StmtId, Vec<ObjId>>,
}

/// The function being analysed: its body and signature fields.
pub(crate) struct BodyShape<'s> {
    pub body: StmtId,
    pub recv: Option<FieldId>,
    pub params: &'s [FieldId],
    pub results: &'s [FieldId],
    /// Whether the body has `defer` statements.
    pub has_defer: bool,
}

/// What the walk learns of one candidate variable.
#[derive(Default)]
struct Info {
    /// Loop depth of its declaration (0 for parameters and results).
    decl_depth: u32,
    transition: Option<StmtId>,
    /// Dropped: a second transition, one inside a loop, or a mention
    /// that certainly breaks exclusivity.
    dropped: bool,
    appends: Vec<ExprId>,
    append_weight: u32,
    cap_used: bool,
}

/// The plan for one body (`heap`: its variables that live on the heap).
pub(crate) fn plan_body(ctx: &PkgCtx, fi: usize, shape: &BodyShape, heap: &HashSet<ObjId>) -> SlicePlan {
    let file = ctx.file(fi);
    let fnum = ctx.fnums[fi];
    let mut a = Analysis { ctx, file, fnum, heap, infos: HashMap::new(), ok: HashSet::new(), depth: HashMap::new(), named_results: Vec::new() };
    for (fields, is_result) in [(shape.recv.as_slice(), false), (shape.params, false), (shape.results, true)] {
        for &fid in fields {
            let Some(n) = file.field(fid).name else { continue };
            if is_result && shape.has_defer {
                continue;
            }
            if let Some(o) = a.candidate(n) {
                a.infos.insert(o, Info::default());
                if is_result {
                    a.named_results.push(o);
                }
            }
        }
    }
    a.loop_depths(shape.body, 0);
    walk_stmt(file, &mut a, shape.body);
    let mut mentions = Mentions { a: &a, seen: HashMap::new() };
    walk_stmt(file, &mut mentions, shape.body);
    let all_ok: HashMap<ObjId, bool> = mentions.seen;
    let mut plan = SlicePlan::default();
    for (&o, info) in &a.infos {
        if info.dropped || !all_ok.get(&o).copied().unwrap_or(true) {
            continue;
        }
        // Exclusive all its life: not escaping, `appendbuf` handles it.
        let Some(t) = info.transition else { continue };
        if info.append_weight < 2 {
            continue;
        }
        plan.vars.insert(o, MovedSlice { cap_used: info.cap_used });
        plan.moves_before.entry(t).or_default().push(o);
        for &e in &info.appends {
            plan.appends.insert(e, o);
        }
    }
    for v in plan.moves_before.values_mut() {
        v.sort();
    }
    plan
}

struct Analysis<'a> {
    ctx: &'a PkgCtx<'a>,
    file: &'a File,
    fnum: u32,
    heap: &'a HashSet<ObjId>,
    infos: HashMap<ObjId, Info>,
    /// The mentions (`Name` expressions) understood.
    ok: HashSet<ExprId>,
    /// Loop depth of each statement of the body.
    depth: HashMap<StmtId, u32>,
    named_results: Vec<ObjId>,
}

impl Analysis<'_> {
    fn obj_of(&self, n: Name) -> Option<ObjId> {
        let key = (self.fnum, n.pos);
        self.ctx.input.info.uses.get(&key).or_else(|| self.ctx.input.defs.get(&key)).copied()
    }

    /// The variable `n` defines or names, if it may be tracked: a local
    /// slice variable not living on the heap.
    fn candidate(&self, n: Name) -> Option<ObjId> {
        let o = self.ctx.input.defs.get(&(self.fnum, n.pos)).copied()?;
        if self.file.name_str(n) == "_" || !is_local_var(o) || self.heap.contains(&o) {
            return None;
        }
        let t = object(o).typ.get()?;
        let tab = table();
        matches!(tab.get(tab.underlying(t)), Type::Slice(_)).then_some(o)
    }

    /// The tracked variable `e` is (parentheses aside), with the `Name`
    /// expression.
    fn tracked(&self, e: ExprId) -> Option<(ObjId, ExprId)> {
        let e = self.file.unparen(e);
        let ExprKind::Name(n) = self.file.expr(e).kind else { return None };
        let o = self.obj_of(n)?;
        self.infos.contains_key(&o).then_some((o, e))
    }

    fn type_of(&self, e: ExprId) -> Option<TypeId> {
        self.ctx.input.info.types.get(&(self.fnum, e)).map(|tv| tv.typ)
    }

    fn mode_of(&self, e: ExprId) -> Option<Mode> {
        self.ctx.input.info.types.get(&(self.fnum, e)).map(|tv| tv.mode)
    }

    fn is_array(&self, e: ExprId) -> bool {
        let tab = table();
        self.type_of(e).is_some_and(|t| matches!(tab.get(tab.underlying(t)), Type::Array { .. }))
    }

    fn is_pointer(&self, e: ExprId) -> bool {
        let tab = table();
        self.type_of(e).is_some_and(|t| matches!(tab.get(tab.underlying(t)), Type::Pointer(_)))
    }

    fn info(&mut self, o: ObjId) -> &mut Info {
        self.infos.entry(o).or_default()
    }

    fn drop_var(&mut self, o: ObjId) {
        self.info(o).dropped = true;
    }

    /// Records the transition of `o` at statement `s` (gc's
    /// `addTransition`: one only, not inside a loop below the
    /// declaration).
    fn transition(&mut self, o: ObjId, s: StmtId) {
        let depth = self.depth.get(&s).copied().unwrap_or(0);
        let i = self.info(o);
        if i.transition.is_some() || depth > i.decl_depth {
            i.dropped = true;
        } else {
            i.transition = Some(s);
        }
    }

    /// Fills [`Self::depth`]: `for` statements (their header and body)
    /// nest one level deeper. Range-over-func bodies and function
    /// literals are not this body's code and get no depth.
    fn loop_depths(&mut self, s: StmtId, d: u32) {
        let f = self.file;
        self.depth.insert(s, d);
        match f.stmt(s).kind {
            StmtKind::Block { stmts, .. } => {
                for &c in f.stmts_of(stmts) {
                    self.loop_depths(c, d);
                }
            }
            StmtKind::Labeled { stmt, .. } => self.loop_depths(stmt, d),
            StmtKind::If { init, then, els, .. } => {
                for c in [init, Some(then), els].into_iter().flatten() {
                    self.loop_depths(c, d);
                }
            }
            StmtKind::For { init, post, body, .. } => {
                for c in [init, post, Some(body)].into_iter().flatten() {
                    self.loop_depths(c, d + 1);
                }
            }
            StmtKind::Switch { init, body, .. } => {
                if let Some(i) = init {
                    self.loop_depths(i, d);
                }
                for &c in f.stmts_of(body) {
                    self.loop_depths(c, d);
                }
            }
            StmtKind::Select { body, .. } => {
                for &c in f.stmts_of(body) {
                    self.loop_depths(c, d);
                }
            }
            StmtKind::CaseClause { body, .. } => {
                for &c in f.stmts_of(body) {
                    self.loop_depths(c, d);
                }
            }
            StmtKind::CommClause { comm, body, .. } => {
                if let Some(c) = comm {
                    self.loop_depths(c, d);
                }
                for &c in f.stmts_of(body) {
                    self.loop_depths(c, d);
                }
            }
            _ => {}
        }
    }

    /// A name this statement declares (`var` or `:=`): tracked from here,
    /// at this loop depth.
    fn declare(&mut self, n: Name, s: StmtId) {
        if let Some(o) = self.candidate(n) {
            let d = self.depth.get(&s).copied().unwrap_or(0);
            self.infos.insert(o, Info { decl_depth: d, ..Info::default() });
        }
    }

    /// `x = y` within statement `s` (gc's `assign`).
    fn assign(&mut self, x: Option<ExprId>, y: ExprId, s: StmtId) {
        let f = self.file;
        if let Some((o, xn)) = x.and_then(|x| self.tracked(x)) {
            let yu = f.unparen(y);
            match f.expr(yu).kind {
                // `s = nil`
                _ if self.is_nil(y) => {
                    self.ok.insert(xn);
                }
                // `s = []T{...}` (reveals the capacity)
                ExprKind::CompositeLit { .. } => {
                    self.ok.insert(xn);
                    self.info(o).cap_used = true;
                }
                // `s = s[i:j]`
                ExprKind::Slice { x: sx, .. } => {
                    if let Some((so, sn)) = self.tracked(sx)
                        && so == o
                    {
                        self.ok.insert(xn);
                        self.ok.insert(sn);
                        self.info(o).cap_used = true;
                    }
                }
                // `s = append(s, ...)`
                ExprKind::Call { fun, args, .. } if matches!(self.mode_of(f.unparen(fun)), Some(Mode::Builtin(Builtin::Append))) => {
                    let first = f.exprs_of(args).first().copied();
                    if let Some((ao, an)) = first.and_then(|a| self.tracked(a))
                        && ao == o
                    {
                        self.ok.insert(xn);
                        self.ok.insert(an);
                        let d = self.depth.get(&s).copied().unwrap_or(0);
                        let i = self.info(o);
                        i.appends.push(yu);
                        i.append_weight += 1 + d.saturating_sub(i.decl_depth);
                    }
                }
                _ => {}
            }
        }
        // `... = s`
        if let Some((o, yn)) = self.tracked(y) {
            self.ok.insert(yn);
            self.transition(o, s);
        }
    }

    /// `var v = y` for a tracked `v` (its name is no expression: only
    /// the value is judged, as gc's `assign` judges `v = y`).
    fn var_init(&mut self, v: ObjId, y: ExprId, s: StmtId) {
        let f = self.file;
        if matches!(f.expr(f.unparen(y)).kind, ExprKind::CompositeLit { .. }) {
            self.info(v).cap_used = true;
        } else if !self.is_nil(y) {
            // `var s = append(t, ...)`, `var s = t`, ...: gc keeps none
            // of these exclusive.
            self.drop_var(v);
        }
        self.assign(None, y, s);
    }

    fn is_nil(&self, e: ExprId) -> bool {
        let f = self.file;
        let e = f.unparen(e);
        matches!(f.expr(e).kind, ExprKind::Name(n) if f.name_str(n) == "nil" && self.obj_of(n).is_some_and(|o| matches!(object(o).kind, ObjKind::Nil)))
    }

    /// `&x` (or an implicit address of `x`): when it points into a
    /// tracked variable's backing array (`&s[i]`, `&s[i].f`,
    /// `&s[i].a[j]`), that variable is dropped (gc's `OADDR` case, here
    /// also through pointer fields: conservative).
    fn address_of(&mut self, mut x: ExprId) {
        let f = self.file;
        loop {
            x = f.unparen(x);
            match f.expr(x).kind {
                ExprKind::Selector { x: inner, .. } => x = inner,
                ExprKind::Index { x: inner, .. } => {
                    if let Some((o, _)) = self.tracked(inner) {
                        self.drop_var(o);
                        return;
                    }
                    if !self.is_array(inner) {
                        return;
                    }
                    x = inner;
                }
                _ => return,
            }
        }
    }

    /// Whether passing an argument as parameter `index` (receiver first)
    /// of the callee of `fun` keeps it in the call (gc's `argLeak`
    /// false), and whether `fun` takes a receiver.
    fn callee(&self, fun: ExprId) -> Option<(ObjId, bool)> {
        let f = self.file;
        let fun = f.unparen(fun);
        match f.expr(fun).kind {
            ExprKind::Name(n) => {
                let o = self.obj_of(n)?;
                matches!(object(o).kind, ObjKind::Func).then_some((o, false))
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.ctx.input.info.selections.get(&(self.fnum, fun))?;
                let x_iface = self.type_of(x).is_none_or(goxide_types::predicates::is_interface);
                if sel.kind != SelectionKind::MethodVal || x_iface || sel.path.len() != 1 {
                    return None;
                }
                sel.method.map(|m| (m, true))
            }
            _ => None,
        }
    }

    /// A call: understood arguments are tracked variables passed to a
    /// non-leaking parameter of a statically known callee.
    fn call(&mut self, fun: ExprId, args: &[ExprId], has_dots: bool) {
        let f = self.file;
        match self.mode_of(f.unparen(fun)) {
            Some(Mode::Builtin(Builtin::Len)) => {
                if let Some((_, n)) = args.first().and_then(|&a| self.tracked(a)) {
                    self.ok.insert(n);
                }
                return;
            }
            Some(Mode::Builtin(Builtin::Cap)) => {
                if let Some((o, n)) = args.first().and_then(|&a| self.tracked(a)) {
                    self.ok.insert(n);
                    self.info(o).cap_used = true;
                }
                return;
            }
            Some(Mode::Builtin(_)) | Some(Mode::TypeExpr) => return,
            _ => {}
        }
        let Some((callee, method)) = self.callee(fun) else { return };
        let leaks = self.ctx.param_leaks();
        let Some(t) = object(callee).typ.get() else { return };
        let tab = table();
        let Type::Signature { params, variadic, .. } = tab.get(tab.underlying(t)).clone() else { return };
        if method {
            // The receiver `s.M()`: by value only (a pointer receiver
            // takes `&s`, which `Mentions` does not understand).
            let ExprKind::Selector { x, .. } = f.expr(f.unparen(fun)).kind else { return };
            if let Some((o, n)) = self.tracked(x)
                && !goxide_types::lookup::method_has_ptr_recv(callee)
                && !self.is_pointer(x)
                && leaks.leak(callee, 0) == Leak::None
            {
                self.ok.insert(n);
                self.info(o).cap_used = true;
            }
        }
        if has_dots || (args.len() == 1 && params.len() > 1) {
            return;
        }
        for (i, &a) in args.iter().enumerate() {
            if i >= params.len() || (variadic && i + 1 >= params.len()) {
                break;
            }
            if let Some((o, n)) = self.tracked(a)
                && leaks.leak(callee, i + usize::from(method)) == Leak::None
            {
                self.ok.insert(n);
                self.info(o).cap_used = true;
            }
        }
    }

    /// Whether `for ... range x` ranges over a function (its body is a
    /// function of its own).
    fn ranges_over_func(&self, x: ExprId) -> bool {
        let tab = table();
        self.type_of(x).is_some_and(|t| matches!(tab.get(tab.underlying(t)), Type::Signature { .. }))
    }
}

impl Visitor for Analysis<'_> {
    fn stmt(&mut self, f: &File, s: StmtId) -> bool {
        match f.stmt(s).kind {
            // Not this body's code: nothing inside is understood.
            StmtKind::Call { tok: Token::Go | Token::Defer, .. } => return false,
            StmtKind::For { init: Some(i), .. } => {
                if let StmtKind::Range { x, .. } = f.stmt(i).kind {
                    if self.ranges_over_func(x) {
                        return false;
                    }
                    // Ranging keeps a pointer to the backing array
                    // (gc's #79909): a transition, at the loop's depth.
                    if let Some((o, n)) = self.tracked(x) {
                        self.ok.insert(n);
                        self.transition(o, s);
                    }
                }
            }
            StmtKind::Decl(decls) => {
                for &d in f.decls_of(decls) {
                    let DeclKind::Var { names, values, .. } = f.decl(d).kind else { continue };
                    let names = f.names_of(names);
                    for &n in names {
                        self.declare(n, s);
                    }
                    let vals = f.unpack_list(values);
                    if !vals.is_empty() && vals.len() != names.len() {
                        // `var a, s = f()`: a value no pattern explains.
                        for &n in names {
                            if let Some(o) = self.candidate(n).filter(|o| self.infos.contains_key(o)) {
                                self.drop_var(o);
                            }
                        }
                        for &v in &vals {
                            self.assign(None, v, s);
                        }
                    } else {
                        for (&n, &v) in names.iter().zip(&vals) {
                            match self.candidate(n).filter(|o| self.infos.contains_key(o)) {
                                Some(o) => self.var_init(o, v, s),
                                None => self.assign(None, v, s),
                            }
                        }
                    }
                }
            }
            StmtKind::Assign { op: op @ (Operator::None | Operator::Def), lhs, rhs: Some(rhs) } => {
                let lhs = f.unpack_list(Some(lhs));
                let rhs = f.unpack_list(Some(rhs));
                if op == Operator::Def {
                    for &l in &lhs {
                        if let ExprKind::Name(n) = f.expr(f.unparen(l)).kind
                            && self.ctx.input.defs.contains_key(&(self.fnum, n.pos))
                        {
                            self.declare(n, s);
                        }
                    }
                }
                if lhs.len() == rhs.len() {
                    for (&l, &r) in lhs.iter().zip(&rhs) {
                        self.assign(Some(l), r, s);
                    }
                }
            }
            StmtKind::Return { results } => {
                let rs = f.unpack_list(results);
                for &r in &rs {
                    if let Some((o, n)) = self.tracked(r) {
                        self.ok.insert(n);
                        self.transition(o, s);
                    }
                }
                if rs.is_empty() {
                    for o in self.named_results.clone() {
                        self.transition(o, s);
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        match f.expr(x).kind {
            ExprKind::FuncLit { .. } => return false,
            ExprKind::Index { x: base, .. } => {
                if let Some((_, n)) = self.tracked(base) {
                    self.ok.insert(n);
                }
            }
            ExprKind::Operation { op: Operator::And, x: operand, y: None } => self.address_of(operand),
            // Slicing an array takes its address.
            ExprKind::Slice { x: operand, .. } if self.is_array(operand) => self.address_of(operand),
            ExprKind::Selector { x: operand, .. } => {
                let sel = self.ctx.input.info.selections.get(&(self.fnum, x));
                let ptr_method = sel.is_some_and(|s| s.kind == SelectionKind::MethodVal && s.method.is_some_and(goxide_types::lookup::method_has_ptr_recv));
                if ptr_method && !self.is_pointer(operand) {
                    self.address_of(operand);
                }
            }
            ExprKind::Call { fun, args, has_dots } => {
                let args = f.exprs_of(args).to_vec();
                self.call(fun, &args, has_dots);
            }
            _ => {}
        }
        true
    }
}

/// Checks that every mention of each tracked variable was understood;
/// mentions inside function literals and range-over-func bodies never
/// are.
struct Mentions<'a, 'b> {
    a: &'b Analysis<'a>,
    /// Per variable: whether all its mentions so far are understood.
    seen: HashMap<ObjId, bool>,
}

impl Visitor for Mentions<'_, '_> {
    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        if let ExprKind::Name(n) = f.expr(x).kind
            && let Some(o) = self.a.obj_of(n)
            && self.a.infos.contains_key(&o)
        {
            let ok = self.a.ok.contains(&x);
            *self.seen.entry(o).or_insert(true) &= ok;
        }
        true
    }
}

// ---- lowering (gc's `ssagen` `getBackingStoreInfo` and `move2heap`) ----

/// A variable's frame buffer: its address (`*[K]T`) and `K`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FrameBuffer {
    pub addr: Value,
    pub elems: i64,
}

impl FnBuilder<'_> {
    /// The frame buffer of the slices keyed `owner` (a variable: shared by
    /// its append sites and its move; `None`: a buffer of its own), for
    /// elements of type `elem`; `None` when `elem` is empty or larger than
    /// the buffer (gc's `getBackingStoreInfo`).
    pub(crate) fn frame_buffer(&mut self, owner: Option<ObjId>, elem: TypeId) -> Option<FrameBuffer> {
        if let Some(b) = owner.and_then(|o| self.frame_buffers.get(&o)) {
            return Some(*b);
        }
        let size = self.ctx.sizeof(elem);
        if size <= 0 || size > STACK_BUFFER_BYTES {
            return None;
        }
        let elems = STACK_BUFFER_BYTES / size;
        let buf_t = table().intern(Type::Array { len: elems, elem });
        let addr = self.entry_first(InstKind::Alloca { ty: buf_t }, pointer_to(buf_t));
        let b = FrameBuffer { addr, elems };
        if let Some(o) = owner {
            self.frame_buffers.insert(o, b);
        }
        Some(b)
    }

    /// The `move2heap` of every planned variable whose transition is
    /// statement `s`, before it.
    pub(crate) fn moves_before(&mut self, s: StmtId, pos: Option<SrcPos>) -> BuildResult<()> {
        let Some(vars) = self.slice_plan.moves_before.get(&s).cloned() else { return Ok(()) };
        for o in vars {
            self.move_to_heap(o, pos)?;
        }
        Ok(())
    }

    /// `s = move2heap(s)`: when `s`'s array lies in its frame buffer,
    /// `s` becomes a heap copy (`moveSlice*`, keeping the capacity when
    /// it is observed, else the length's size class).
    fn move_to_heap(&mut self, o: ObjId, pos: Option<SrcPos>) -> BuildResult<()> {
        let Some(moved) = self.slice_plan.vars.get(&o).copied() else { return Ok(()) };
        let st = self.local_type(o, pos)?;
        let Type::Slice(elem) = table().get(table().underlying(st)).clone() else { return Ok(()) };
        let Some(buf) = self.frame_buffer(Some(o), elem) else { return Ok(()) };
        let size = self.ctx.sizeof(elem);
        let int = basic(BasicKind::Int);
        let uintptr = basic(BasicKind::Uintptr);
        let bool_t = basic(BasicKind::Bool);
        let raw = raw_pointer();
        let sv = match self.local_operand(o, pos)? {
            Operand::Val(v) => v,
            Operand::Mem(_) => return Err(unsupported("a slice variable in memory", pos)),
        };
        let ptr = self.ins1(InstKind::Extract { arg: sv, n: 0 }, pointer_to(elem), pos);
        let len = self.ins1(InstKind::Extract { arg: sv, n: 1 }, int, pos);
        let cap = self.ins1(InstKind::Extract { arg: sv, n: 2 }, int, pos);
        // In the buffer: 0 <= ptr - buf <= its size (gc tests the whole
        // frame; the variable's buffer is the only frame memory it can
        // hold). The end itself is a zero-capacity slice of it.
        let p_raw = self.ins1(InstKind::Convert { arg: ptr }, raw, pos);
        let p_int = self.ins1(InstKind::Convert { arg: p_raw }, uintptr, pos);
        let b_raw = self.ins1(InstKind::Convert { arg: buf.addr }, raw, pos);
        let b_int = self.ins1(InstKind::Convert { arg: b_raw }, uintptr, pos);
        let off = self.ins1(InstKind::Binary { op: BinaryOp::Sub, lhs: p_int, rhs: b_int }, uintptr, pos);
        let bytes = self.ins1(InstKind::Const(Const::Int(buf.elems * size)), uintptr, pos);
        let inside = self.ins1(InstKind::Compare { op: CompareOp::Le, lhs: off, rhs: bytes }, bool_t, pos);
        let mv = self.f.create_block();
        let join = self.f.create_block();
        self.terminate(
            InstKind::Branch { cond: inside, then_dest: BlockCall { block: mv, args: vec![] }, else_dest: BlockCall { block: join, args: vec![] } },
            pos,
        );
        self.seal(mv);
        self.switch_to(mv);
        let pointers = super::escape::holds_pointers(elem);
        let (func, args) = match (pointers, moved.cap_used) {
            (true, true) => {
                let desc = self.ins1(InstKind::TypeDesc { ty: elem }, raw, pos);
                (RuntimeFunc::MoveSlice, vec![desc, p_raw, len, cap])
            }
            (true, false) => {
                let desc = self.ins1(InstKind::TypeDesc { ty: elem }, raw, pos);
                (RuntimeFunc::MoveSliceNoCap, vec![desc, p_raw, len])
            }
            (false, cap_used) => {
                let es = self.ins1(InstKind::Const(Const::Int(size)), uintptr, pos);
                if cap_used { (RuntimeFunc::MoveSliceNoScan, vec![es, p_raw, len, cap]) } else { (RuntimeFunc::MoveSliceNoCapNoScan, vec![es, p_raw, len]) }
            }
        };
        let moved_v = self.slice_from_runtime(func, args, st, pos)?;
        self.set_local(o, Operand::Val(moved_v), pos)?;
        self.jump(join);
        self.seal(join);
        self.switch_to(join);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
