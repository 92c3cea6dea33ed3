//! The location graph of one body (gc's `escape.go` and `call.go`
//! building its locations and edges from the IR, `solve.go` walking
//! them), built here from the typed syntax: what a value may carry, where
//! it is stored, which stores escape (see the module header of
//! [`super`] for the model). [`GraphBuilder`] walks a body's statements
//! and expressions once; [`Graph::solve`] answers, given the callees'
//! summaries, which nodes escape and which reach the body's results.
//!
//! Invariant: every store this walk does not model as an edge into a
//! local variable's node is an escape of the stored value (a root).

use std::collections::{HashMap, HashSet};

use goxide_syntax::ast::{DeclKind, ExprId, ExprKind, File, Name, StmtId, StmtKind};
use goxide_syntax::token::{Operator, Token};
use goxide_syntax::walk::{walk_stmt, Visitor};
use goxide_types::check::info::SelectionKind;
use goxide_types::check::operand::Mode;
use goxide_types::objects::{object, Builtin, ObjKind, VarKind};
use goxide_types::types::{table, ObjId, Type, TypeId};

use super::super::{is_local_var, CheckedPackage};
use super::{AppendKey, Leak, ParamLeaks};

/// Nodes a value may carry.
pub(super) type Flow = Vec<usize>;

/// One body's location graph.
#[derive(Default)]
pub(super) struct Graph {
    /// Node of each local variable.
    pub nodes: HashMap<ObjId, usize>,
    pub count: usize,
    /// The body's results.
    pub result: usize,
    /// Values that certainly escape.
    pub roots: Vec<usize>,
    /// `(from, to)`: the value of `from` may be stored in `to`.
    pub edges: Vec<(usize, usize)>,
    /// Arguments of statically known calls: callee, parameter index, the
    /// argument's node, and the node of the call's results.
    pub call_args: Vec<(ObjId, usize, usize, usize)>,
}

/// Which nodes escape and which reach the results.
pub(super) struct Solved {
    pub escapes: Vec<bool>,
    pub to_result: Vec<bool>,
}

impl Graph {
    fn new_node(&mut self) -> usize {
        self.count += 1;
        self.count - 1
    }

    /// Backward reachability from the escaping roots and from the
    /// result node, given the callees' summaries (gc's `solve.go`).
    pub fn solve(&self, leaks: &ParamLeaks) -> Solved {
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); self.count];
        for &(from, to) in &self.edges {
            preds[to].push(from);
        }
        let mut roots = self.roots.clone();
        for &(callee, index, arg, result) in &self.call_args {
            match leaks.leak(callee, index) {
                Leak::None => {}
                Leak::Result => preds[result].push(arg),
                Leak::Heap => roots.push(arg),
            }
        }
        let reach = |start: Vec<usize>| {
            let mut seen = vec![false; self.count];
            let mut stack = start;
            while let Some(n) = stack.pop() {
                if n < seen.len() && !seen[n] {
                    seen[n] = true;
                    stack.extend(preds[n].iter().copied());
                }
            }
            seen
        };
        Solved { escapes: reach(roots), to_result: reach(vec![self.result]) }
    }
}

/// How a call's arguments are treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CallKind {
    Plain,
    /// `go` or `defer`: everything escapes.
    GoDefer,
}

/// Builds a body's [`Graph`] from its syntax and the checker's results.
pub(super) struct GraphBuilder<'a> {
    input: &'a CheckedPackage<'a>,
    file: &'a File,
    fnum: u32,
    known: &'a HashSet<ObjId>,
    pub g: Graph,
    /// `append` sites with elements: the call, its key, its node.
    pub sites: Vec<(ExprId, AppendKey, usize)>,
    /// How many range-over-func bodies (built as closures of their own)
    /// enclose the statement being walked: their sites are not this
    /// body's.
    in_yield_body: u32,
}

impl<'a> GraphBuilder<'a> {
    pub fn new(input: &'a CheckedPackage<'a>, file: &'a File, fnum: u32, known: &'a HashSet<ObjId>) -> Self {
        let mut g = Graph::default();
        g.result = g.new_node();
        GraphBuilder { input, file, fnum, known, g, sites: Vec::new(), in_yield_body: 0 }
    }

    // ---- the checker's facts ----

    fn obj_of(&self, n: Name) -> Option<ObjId> {
        let key = (self.fnum, n.pos);
        self.input.info.uses.get(&key).or_else(|| self.input.defs.get(&key)).copied()
    }

    /// The node of a local variable (results are returned: they flow to
    /// the result node).
    fn node(&mut self, o: ObjId) -> usize {
        if let Some(&n) = self.g.nodes.get(&o) {
            return n;
        }
        let n = self.g.new_node();
        self.g.nodes.insert(o, n);
        if matches!(object(o).kind, ObjKind::Var { kind: VarKind::Result, .. }) {
            let r = self.g.result;
            self.g.edges.push((n, r));
        }
        n
    }

    fn type_of(&self, e: ExprId) -> Option<TypeId> {
        self.input.info.types.get(&(self.fnum, e)).map(|tv| tv.typ)
    }

    fn mode_of(&self, e: ExprId) -> Option<Mode> {
        self.input.info.types.get(&(self.fnum, e)).map(|tv| tv.mode)
    }

    fn under(&self, e: ExprId) -> Option<Type> {
        let t = self.type_of(e)?;
        let tab = table();
        Some(tab.get(tab.underlying(t)).clone())
    }

    fn is_pointer(&self, e: ExprId) -> bool {
        matches!(self.under(e), Some(Type::Pointer(_)))
    }

    // ---- sinks ----

    fn escape(&mut self, flow: Flow) {
        self.g.roots.extend(flow);
    }

    /// Stores `flow` in local `o`. A value converted to an interface on
    /// the way is boxed, and the box carries it: the box is reachable only
    /// through the interface value (gc's `OCONVIFACE` flows the same way).
    fn store_local(&mut self, o: ObjId, flow: Flow) {
        let n = self.node(o);
        for f in flow {
            self.g.edges.push((f, n));
        }
    }

    /// Stores `flow` in `lhs`.
    fn assign(&mut self, lhs: ExprId, flow: Flow) {
        let f = self.file;
        let lhs = f.unparen(lhs);
        if let ExprKind::Name(n) = f.expr(lhs).kind {
            if f.name_str(n) == "_" {
                return;
            }
            match self.obj_of(n) {
                Some(o) if is_local_var(o) => self.store_local(o, flow),
                _ => self.escape(flow),
            }
            return;
        }
        self.lvalue(lhs);
        self.escape(flow);
    }

    /// The operands of an assignment's left-hand side other than the
    /// stored value: a map key is stored in the map.
    fn lvalue(&mut self, lhs: ExprId) {
        let f = self.file;
        let lhs = f.unparen(lhs);
        match f.expr(lhs).kind {
            ExprKind::Name(_) => {}
            ExprKind::Index { x, index } => {
                let map = matches!(self.under(x), Some(Type::Map { .. }));
                let _ = self.eval(x);
                let k = self.eval(index);
                if map {
                    self.escape(k);
                }
            }
            _ => {
                let _ = self.eval(lhs);
            }
        }
    }

    /// Every local named under `s` escapes (a closure captures it).
    fn capture_all_stmt(&mut self, s: StmtId) {
        let mut names = Vec::new();
        walk_stmt(self.file, &mut NameCollector { out: &mut names }, s);
        self.capture(names);
    }

    fn capture(&mut self, names: Vec<Name>) {
        for n in names {
            if let Some(o) = self.obj_of(n)
                && is_local_var(o)
            {
                let n = self.node(o);
                self.g.roots.push(n);
            }
        }
    }

    // ---- expressions ----

    /// Evaluates `e`; returns the nodes its value may carry.
    fn eval(&mut self, e: ExprId) -> Flow {
        let f = self.file;
        let e = f.unparen(e);
        if matches!(self.mode_of(e), Some(Mode::TypeExpr | Mode::Constant | Mode::Builtin(_))) {
            return Vec::new();
        }
        match f.expr(e).kind {
            ExprKind::Name(n) => match self.obj_of(n) {
                Some(o) if is_local_var(o) => vec![self.node(o)],
                _ => Vec::new(),
            },
            ExprKind::Bad | ExprKind::BasicLit { .. } => Vec::new(),
            ExprKind::CompositeLit { elems, .. } => {
                // A struct or array value holds its elements (reading one
                // back carries them, see `Selector` and `Index`); a slice
                // or map literal stores them in new memory whose loads
                // this model does not follow: they escape.
                let holds = matches!(self.under(e), Some(Type::Struct(_) | Type::Array { .. }));
                let mut held = Vec::new();
                for &el in f.exprs_of(elems) {
                    let v = match f.expr(el).kind {
                        ExprKind::KeyValue { key, value } => {
                            // A struct literal's key is a field name.
                            let key_is_field = matches!(f.expr(f.unparen(key)).kind, ExprKind::Name(n) if self.obj_of(n).is_none_or(|o| !is_local_var(o)));
                            if !key_is_field {
                                let k = self.eval(key);
                                self.escape(k);
                            }
                            self.eval(value)
                        }
                        _ => self.eval(el),
                    };
                    if holds {
                        held.extend(v);
                    } else {
                        self.escape(v);
                    }
                }
                held
            }
            ExprKind::KeyValue { key, value } => {
                let mut k = self.eval(key);
                k.extend(self.eval(value));
                self.escape(k);
                Vec::new()
            }
            ExprKind::FuncLit { body, .. } => {
                self.capture_all_stmt(body);
                Vec::new()
            }
            ExprKind::Paren(x) => self.eval(x),
            ExprKind::Selector { x, .. } => {
                let sel = self.input.info.selections.get(&(self.fnum, e)).cloned();
                match sel {
                    Some(s) if s.kind == SelectionKind::FieldVal => {
                        let xf = self.eval(x);
                        // Through a pointer the field is a load.
                        if s.indirect || self.is_pointer(x) { Vec::new() } else { xf }
                    }
                    Some(s) if s.kind == SelectionKind::MethodVal => {
                        // A method value binds its receiver in a closure.
                        let r = self.addr_of(x);
                        self.escape(r);
                        Vec::new()
                    }
                    // A method expression, a qualified identifier (and,
                    // conservatively, a selector the checker left out).
                    _ => self.eval(x),
                }
            }
            ExprKind::Index { x, index } => {
                let _ = self.eval(index);
                match self.under(x) {
                    // An element of an array value is part of it.
                    Some(Type::Array { .. }) => self.eval(x),
                    // A generic function's instance.
                    Some(Type::Signature { .. } | Type::GenericFunc { .. }) => Vec::new(),
                    // Unknown or a type parameter's: conservatively, part
                    // of the value.
                    None | Some(Type::Interface { .. }) => self.eval(x),
                    // A load from a slice, a string, a map, an array
                    // behind a pointer.
                    _ => {
                        let _ = self.eval(x);
                        Vec::new()
                    }
                }
            }
            ExprKind::Slice { x, index, .. } => {
                for i in index.into_iter().flatten() {
                    let _ = self.eval(i);
                }
                match self.under(x) {
                    Some(Type::Array { .. }) => self.addr_of(x),
                    _ => self.eval(x),
                }
            }
            ExprKind::Assert { x, .. } => self.eval(x),
            // Without a variable (with one, see `StmtKind::Switch`).
            ExprKind::TypeSwitchGuard { x, .. } => {
                let _ = self.eval(x);
                Vec::new()
            }
            ExprKind::Operation { op, x, y: None } => match op {
                Operator::And => self.addr_of(x),
                _ => {
                    // `*p`, `<-c`, arithmetic: loads and new values.
                    let _ = self.eval(x);
                    Vec::new()
                }
            },
            ExprKind::Operation { x, y: Some(y), .. } => {
                let _ = self.eval(x);
                let _ = self.eval(y);
                Vec::new()
            }
            ExprKind::Call { fun, args, has_dots } => self.call(e, fun, f.exprs_of(args), has_dots, CallKind::Plain),
            ExprKind::List(l) => {
                let mut out = Vec::new();
                for &x in f.exprs_of(l) {
                    out.extend(self.eval(x));
                }
                out
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::DotsType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::InterfaceType { .. }
            | ExprKind::FuncType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => Vec::new(),
        }
    }

    /// Evaluates `&e`; returns the nodes the address may carry. The
    /// address of a variable is not followed: the variable escapes.
    fn addr_of(&mut self, e: ExprId) -> Flow {
        let f = self.file;
        let e = f.unparen(e);
        match f.expr(e).kind {
            ExprKind::Name(n) => {
                if let Some(o) = self.obj_of(n)
                    && is_local_var(o)
                {
                    let n = self.node(o);
                    self.g.roots.push(n);
                }
                Vec::new()
            }
            ExprKind::Index { x, index } => {
                let _ = self.eval(index);
                match self.under(x) {
                    Some(Type::Array { .. }) => self.addr_of(x),
                    Some(Type::Slice(_) | Type::Pointer(_)) => self.eval(x),
                    _ => {
                        let xf = self.eval(x);
                        self.escape(xf);
                        Vec::new()
                    }
                }
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.input.info.selections.get(&(self.fnum, e)).cloned();
                match sel {
                    Some(s) if s.kind == SelectionKind::FieldVal && !s.indirect && !self.is_pointer(x) => self.addr_of(x),
                    Some(s) if s.kind == SelectionKind::FieldVal => {
                        // A field through a pointer: the pointer's object.
                        // (Through embedded pointers, a superset.)
                        let mut out = self.eval(x);
                        out.extend(self.addr_of_all(x));
                        out
                    }
                    _ => {
                        let xf = self.eval(e);
                        self.escape(xf);
                        Vec::new()
                    }
                }
            }
            ExprKind::Operation { op: Operator::Mul, x, y: None } => self.eval(x),
            ExprKind::CompositeLit { .. } => {
                // `&T{...}`: a new object whose contents this model does
                // not follow.
                let xf = self.eval(e);
                self.escape(xf);
                Vec::new()
            }
            _ => {
                let xf = self.eval(e);
                self.escape(xf);
                Vec::new()
            }
        }
    }

    /// For a field path through embedded pointers: the nodes of every
    /// struct value on the way (a conservative superset).
    fn addr_of_all(&mut self, x: ExprId) -> Flow {
        let f = self.file;
        let x = f.unparen(x);
        match f.expr(x).kind {
            ExprKind::Selector { x: inner, .. } => self.eval(inner),
            _ => Vec::new(),
        }
    }

    /// A call `fun(args)`; returns the nodes its results may carry.
    fn call(&mut self, e: ExprId, fun: ExprId, args: &[ExprId], has_dots: bool, kind: CallKind) -> Flow {
        let f = self.file;
        let fun = f.unparen(fun);
        match self.mode_of(fun) {
            Some(Mode::Builtin(b)) => return self.builtin(e, b, args, has_dots, kind),
            Some(Mode::TypeExpr) => {
                let mut flow = Vec::new();
                for &a in args {
                    flow.extend(self.eval(a));
                }
                // A conversion (to an interface: boxed, the box carries
                // the value) keeps what its operand carries.
                if kind == CallKind::GoDefer {
                    self.escape(flow);
                    return Vec::new();
                }
                return flow;
            }
            _ => {}
        }
        // The callee and the receiver's flow.
        let mut callee: Option<ObjId> = None;
        let mut recv: Option<Flow> = None;
        match f.expr(fun).kind {
            ExprKind::Name(n) => match self.obj_of(n) {
                Some(o) if self.known.contains(&o) => callee = Some(o),
                _ => {
                    // Calling a function value retains nothing of it.
                    let _ = self.eval(fun);
                }
            },
            ExprKind::Selector { x, .. } => {
                let sel = self.input.info.selections.get(&(self.fnum, fun)).cloned();
                let x_iface = self.type_of(x).is_none_or(goxide_types::predicates::is_interface);
                let is_method = sel.as_ref().is_some_and(|s| s.kind == SelectionKind::MethodVal);
                let static_method = sel
                    .as_ref()
                    .filter(|s| s.kind == SelectionKind::MethodVal && !x_iface && s.path.len() == 1)
                    .and_then(|s| s.method)
                    .filter(|m| self.known.contains(m));
                if let Some(m) = static_method {
                    let ptr_recv = goxide_types::lookup::method_has_ptr_recv(m);
                    let flow = match (ptr_recv, self.is_pointer(x)) {
                        (true, false) => self.addr_of(x),
                        (false, true) => {
                            let _ = self.eval(x);
                            Vec::new()
                        }
                        _ => self.eval(x),
                    };
                    callee = Some(m);
                    recv = Some(flow);
                } else if is_method {
                    // An interface method, a promoted method, a method of
                    // another package: the receiver escapes.
                    let r = self.addr_of(x);
                    self.escape(r);
                } else {
                    let _ = self.eval(fun);
                }
            }
            _ => {
                let _ = self.eval(fun);
            }
        }
        let Some(callee) = callee.filter(|_| kind == CallKind::Plain) else {
            if let Some(r) = recv {
                self.escape(r);
            }
            for &a in args {
                let af = self.eval(a);
                self.escape(af);
            }
            return Vec::new();
        };
        let result = self.g.new_node();
        let offset = usize::from(recv.is_some());
        if let Some(r) = recv {
            self.pass(callee, 0, r, result);
        }
        let Some((params, variadic)) = object(callee).typ.get().and_then(|t| {
            let tab = table();
            match tab.get(tab.underlying(t)) {
                Type::Signature { params, variadic, .. } => Some((params.iter().map(|v| v.typ).collect::<Vec<_>>(), *variadic)),
                _ => None,
            }
        }) else {
            for &a in args {
                let af = self.eval(a);
                self.escape(af);
            }
            return Vec::new();
        };
        if args.len() == 1 && params.len() > 1 {
            // `f(g())`: a call's results carry nothing of this body's
            // variables that is not already followed.
            let af = self.eval(args[0]);
            self.escape(af);
            return vec![result];
        }
        for (i, &a) in args.iter().enumerate() {
            let af = self.eval(a);
            let packed = variadic && !has_dots && i + 1 >= params.len();
            if packed || i >= params.len() {
                // Packed into the variadic slice: an element escapes.
                self.escape(af);
                continue;
            }
            self.pass(callee, i + offset, af, result);
        }
        vec![result]
    }

    fn pass(&mut self, callee: ObjId, index: usize, flow: Flow, result: usize) {
        for n in flow {
            self.g.call_args.push((callee, index, n, result));
        }
    }

    fn builtin(&mut self, e: ExprId, b: Builtin, args: &[ExprId], has_dots: bool, kind: CallKind) -> Flow {
        let mut flows: Vec<Flow> = args.iter().map(|&a| self.eval(a)).collect();
        if kind == CallKind::GoDefer {
            for fl in flows {
                self.escape(fl);
            }
            return Vec::new();
        }
        match b {
            // Read, copied or printed: nothing retained.
            Builtin::Len
            | Builtin::Cap
            | Builtin::Print
            | Builtin::Println
            | Builtin::Copy
            | Builtin::Clear
            | Builtin::Close
            | Builtin::Delete
            | Builtin::Complex
            | Builtin::Real
            | Builtin::Imag
            | Builtin::Make
            | Builtin::New
            | Builtin::Recover
            | Builtin::Alignof
            | Builtin::Offsetof
            | Builtin::Sizeof => Vec::new(),
            Builtin::Append => {
                if flows.is_empty() {
                    return Vec::new();
                }
                let mut first = flows.remove(0);
                // Appended elements are stored in the backing array; a
                // spread slice's elements are copied.
                if !has_dots {
                    let with_elems = !flows.is_empty();
                    for fl in flows {
                        self.escape(fl);
                    }
                    if with_elems {
                        // The site's new backing array.
                        let f = self.file;
                        let x = f.unparen(args[0]);
                        let key = match f.expr(x).kind {
                            ExprKind::Name(n) => match self.obj_of(n) {
                                Some(o) if is_local_var(o) => AppendKey::Var(o),
                                _ => AppendKey::Site(e),
                            },
                            _ => AppendKey::Site(e),
                        };
                        let n = self.g.new_node();
                        if self.in_yield_body == 0 {
                            self.sites.push((e, key, n));
                        }
                        first.push(n);
                    }
                }
                first
            }
            Builtin::Min | Builtin::Max => flows.into_iter().flatten().collect(),
            // `unsafe.Slice(p, n)`, `unsafe.Add(p, n)`, ... derive from
            // their first operand; `panic` and the rest: escape.
            Builtin::Add | Builtin::Slice | Builtin::SliceData | Builtin::String | Builtin::StringData => flows.into_iter().flatten().collect(),
            _ => {
                for fl in flows {
                    self.escape(fl);
                }
                Vec::new()
            }
        }
    }

    // ---- statements ----

    fn stmts(&mut self, list: &[StmtId]) {
        for &s in list {
            self.stmt(s);
        }
    }

    fn opt_stmt(&mut self, s: Option<StmtId>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    fn discard(&mut self, e: Option<ExprId>) {
        if let Some(e) = e {
            let _ = self.eval(e);
        }
    }

    pub fn stmt(&mut self, s: StmtId) {
        let f = self.file;
        match f.stmt(s).kind {
            StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Block { stmts, .. } => self.stmts(f.stmts_of(stmts)),
            StmtKind::Expr(x) => self.discard(Some(x)),
            StmtKind::Send { chan, value } => {
                self.discard(Some(chan));
                let v = self.eval(value);
                self.escape(v);
            }
            StmtKind::Decl(decls) => {
                for &d in f.decls_of(decls) {
                    let DeclKind::Var { names, values, .. } = f.decl(d).kind else { continue };
                    let names = f.names_of(names);
                    let vals = f.unpack_list(values);
                    if vals.len() == names.len() {
                        for (n, v) in names.iter().zip(vals) {
                            let flow = self.eval(v);
                            self.define(*n, flow);
                        }
                    } else {
                        let flow: Flow = vals.iter().flat_map(|&v| self.eval(v)).collect();
                        for n in names {
                            self.define(*n, flow.clone());
                        }
                    }
                }
            }
            StmtKind::Assign { op, lhs, rhs } => {
                let Some(rhs) = rhs else {
                    self.lvalue(lhs);
                    return;
                };
                if !matches!(op, Operator::None | Operator::Def) {
                    self.lvalue(lhs);
                    let _ = self.eval(lhs);
                    self.discard(Some(rhs));
                    return;
                }
                let (l, r) = (f.unpack_list(Some(lhs)), f.unpack_list(Some(rhs)));
                if l.len() == r.len() {
                    let flows: Vec<Flow> = r.iter().map(|&x| self.eval(x)).collect();
                    for (x, flow) in l.into_iter().zip(flows) {
                        self.assign(x, flow);
                    }
                } else {
                    let flow: Flow = r.iter().flat_map(|&x| self.eval(x)).collect();
                    for x in l {
                        self.assign(x, flow.clone());
                    }
                }
            }
            StmtKind::Call { tok, call } => {
                let kind = if matches!(tok, Token::Go | Token::Defer) { CallKind::GoDefer } else { CallKind::Plain };
                match f.expr(f.unparen(call)).kind {
                    ExprKind::Call { fun, args, has_dots } => {
                        let c = f.unparen(call);
                        let flow = self.call(c, fun, f.exprs_of(args), has_dots, kind);
                        self.escape(flow);
                    }
                    _ => {
                        let flow = self.eval(call);
                        self.escape(flow);
                    }
                }
            }
            StmtKind::Return { results } => {
                let flow: Flow = f.unpack_list(results).into_iter().flat_map(|x| self.eval(x)).collect();
                let r = self.g.result;
                for n in flow {
                    self.g.edges.push((n, r));
                }
            }
            StmtKind::If { init, cond, then, els } => {
                self.opt_stmt(init);
                self.discard(cond);
                self.stmt(then);
                self.opt_stmt(els);
            }
            StmtKind::For { init, cond, post, body } => {
                let mut yield_body = false;
                if let Some(i) = init
                    && let StmtKind::Range { lhs, def, x } = f.stmt(i).kind
                {
                    yield_body = self.range(lhs, def, x, body);
                } else {
                    self.opt_stmt(init);
                }
                self.discard(cond);
                self.opt_stmt(post);
                self.in_yield_body += u32::from(yield_body);
                self.stmt(body);
                self.in_yield_body -= u32::from(yield_body);
            }
            StmtKind::Range { lhs, def, x } => {
                let _ = self.range(lhs, def, x, s);
            }
            StmtKind::Switch { init, tag, body, .. } => {
                self.opt_stmt(init);
                let guard = tag.map(|t| f.unparen(t)).and_then(|t| match f.expr(t).kind {
                    ExprKind::TypeSwitchGuard { lhs: Some(_), x } => Some(x),
                    _ => None,
                });
                match guard {
                    // `switch v := x.(type)`: each clause's `v` holds `x`.
                    Some(x) => {
                        let xf = self.eval(x);
                        for &c in f.stmts_of(body) {
                            match self.input.info.implicits.get(&(self.fnum, c)) {
                                Some(&o) => self.store_local(o, xf.clone()),
                                None => self.escape(xf.clone()),
                            }
                        }
                    }
                    None => self.discard(tag),
                }
                self.stmts(f.stmts_of(body));
            }
            StmtKind::Select { body, .. } => self.stmts(f.stmts_of(body)),
            StmtKind::CaseClause { cases, body, .. } => {
                self.discard(cases);
                self.stmts(f.stmts_of(body));
            }
            StmtKind::CommClause { comm, body, .. } => {
                self.opt_stmt(comm);
                self.stmts(f.stmts_of(body));
            }
        }
    }

    fn define(&mut self, n: Name, flow: Flow) {
        if self.file.name_str(n) == "_" {
            return;
        }
        match self.obj_of(n) {
            Some(o) if is_local_var(o) => self.store_local(o, flow),
            _ => self.escape(flow),
        }
    }

    /// `for lhs := range x { body }`; returns whether `x` is a function
    /// (the body becomes a closure).
    fn range(&mut self, lhs: Option<ExprId>, _def: bool, x: ExprId, body: StmtId) -> bool {
        let f = self.file;
        let mut yield_body = false;
        let xf = match self.under(x) {
            // The elements of an array value are part of it.
            Some(Type::Array { .. }) => self.eval(x),
            // Range over a function (or, conservatively, over a type
            // parameter or an untyped operand): the body is a closure.
            Some(Type::Signature { .. } | Type::Interface { .. }) | None => {
                yield_body = true;
                let xf = self.eval(x);
                self.escape(xf);
                self.capture_all_stmt(body);
                if let Some(l) = lhs {
                    let mut names = Vec::new();
                    goxide_syntax::walk::walk_expr(f, &mut NameCollector { out: &mut names }, l);
                    self.capture(names);
                }
                Vec::new()
            }
            _ => {
                let _ = self.eval(x);
                Vec::new()
            }
        };
        for (i, l) in f.unpack_list(lhs).into_iter().enumerate() {
            let flow = if i == 1 { xf.clone() } else { Vec::new() };
            self.assign(l, flow);
        }
        yield_body
    }
}

/// Collects every name under a statement or expression.
struct NameCollector<'a> {
    out: &'a mut Vec<Name>,
}

impl Visitor for NameCollector<'_> {
    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        if let ExprKind::Name(n) = f.expr(x).kind {
            self.out.push(n);
        }
        true
    }
}
