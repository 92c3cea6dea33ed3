//! A conservative escape analysis of local variables and parameters,
//! modelled on gc's `cmd/compile/internal/escape` (`escape.go`,
//! `call.go`, `leaks.go`, `solve.go`), much simplified.
//!
//! What it answers: for each function and method of the package, whether
//! the pointer a parameter holds (its level-0 value: the backing array of
//! a slice, the pointee of a pointer, ...) may outlive the call — it
//! *leaks to the heap* — or may only come back as a result — it *leaks
//! to a result* (gc's `leaks.go` heap and result leaks, without levels)
//! — or neither ([`ParamLeaks`]); and, for a function body being built,
//! which of its `append` sites' results may outlive the frame
//! ([`analyse_body`], used by `appendbuf` for gc's frame buffers).
//!
//! Algorithm (gc's location graph, flow-insensitive, without deref
//! levels): every local variable of a body is a node; an assignment adds
//! an edge from the nodes its value may carry to the variable's node.
//! An expression's value carries a node when it is that variable or is
//! derived from it without loading through memory: `s[i:j]`, `append(s,
//! ...)`, `&s[i]`, a conversion (to an interface too: the box is reached
//! only through the interface), a type assertion or a type switch's
//! variable, a field of a struct value, an element of an array value, a
//! struct or array literal of it. A load (`s[i]`, `*p`, `p.f`, `<-c`,
//! `m[k]`) carries nothing: a pointer stored in memory has escaped when
//! it was stored. Values that reach a place this model does not follow
//! escape: a global, memory through a pointer, an element or field of
//! anything, a slice or map literal, `&T{...}`, a map, a channel, a
//! closure's capture (a range-over-func body is one), a variable whose
//! address is taken, a `go`/`defer` call, `panic`, an unknown callee (a
//! function value, an interface method, a promoted method, a generic
//! function, a variadic slice). A call to a statically known function or
//! method of the package passes the argument to the callee's parameter:
//! nothing more when it does not leak, to the call's result when it leaks
//! to a result, to the heap when it leaks to the heap. Returned values
//! and named results reach the body's result node. Each `append` with
//! elements is a node of its own (gc's allocation site) that its result
//! carries along with the appended-to slice.
//!
//! This module holds the summaries and the per-body answers; [`graph`]
//! builds and solves one body's location graph.
//!
//! Summaries are solved together (gc's `solve.go` over the package's
//! functions): every parameter starts as not leaking and the bodies are
//! re-solved, a body again whenever a callee's summary changes (a
//! worklist), until no summary changes — the least fixed point, which is
//! sound for recursion and mutual recursion because a leak is only ever
//! caused by a real sink.
//!
//! Invariants: the analysis over-approximates — a variable it reports as
//! not escaping holds no value that outlives the frame; any construct it
//! does not model escapes its operands. `print`/`println`, `len`, `cap`,
//! `copy`, comparisons and arithmetic do not retain their operands (gc).

mod graph;

use std::collections::{HashMap, HashSet};

use goxide_syntax::ast::{DeclKind, ExprId, ExprKind, File, Name, StmtId, StmtKind};
use goxide_syntax::token::Operator;
use goxide_syntax::walk::{walk_stmt, Visitor};
use goxide_types::objects::{object, ObjKind};
use goxide_types::types::{table, BasicKind, ObjId, Type, TypeId};

use self::graph::{Graph, GraphBuilder};
use super::{CheckedPackage, PkgCtx};

/// How far a parameter's pointer may travel (gc's leaks, without levels).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) enum Leak {
    /// Only within the call.
    None,
    /// Back to the caller as (part of) a result.
    Result,
    /// Anywhere: the heap, a global, another goroutine.
    Heap,
}

/// The leak summary of each function and method of a package, by its
/// object; parameters with a method's receiver first.
#[derive(Default)]
pub(crate) struct ParamLeaks {
    by_func: HashMap<ObjId, Vec<Leak>>,
    /// The functions calls may target statically.
    known: KnownFuncs,
}

impl ParamLeaks {
    /// Solves the summaries of every non-generic function and method with
    /// a body in `input` (`fnums`: each file's registry number).
    pub fn of_package(input: &CheckedPackage, fnums: &[u32]) -> ParamLeaks {
        let known = known_funcs(input, fnums);
        let mut graphs: Vec<(ObjId, Vec<Option<ObjId>>, Graph)> = Vec::new();
        for (&func, &(fi, body)) in &known.bodies {
            let (file, fnum) = (&*input.files[fi], fnums[fi]);
            let params = param_objects(input, file, fnum, func);
            let mut b = GraphBuilder::new(input, file, fnum, &known.funcs);
            b.stmt(body);
            graphs.push((func, params, b.g));
        }
        let mut leaks = ParamLeaks { by_func: HashMap::new(), known };
        for (func, params, _) in &graphs {
            leaks.by_func.insert(*func, vec![Leak::None; params.len()]);
        }
        // A worklist: a body is solved again when a callee's summary
        // changed (its callers, by the calls its graph records).
        let mut callers: HashMap<ObjId, Vec<usize>> = HashMap::new();
        for (i, (_, _, g)) in graphs.iter().enumerate() {
            for &(callee, ..) in &g.call_args {
                let c = callers.entry(callee).or_default();
                if c.last() != Some(&i) {
                    c.push(i);
                }
            }
        }
        let mut queued = vec![true; graphs.len()];
        let mut work: Vec<usize> = (0..graphs.len()).collect();
        while let Some(i) = work.pop() {
            queued[i] = false;
            let (func, params, g) = &graphs[i];
            let solved = g.solve(&leaks);
            let summary: Vec<Leak> = params
                .iter()
                .map(|p| match p.filter(|&o| object(o).typ.get().is_none_or(holds_pointers)).and_then(|o| g.nodes.get(&o)) {
                    Some(&n) if solved.escapes[n] => Leak::Heap,
                    Some(&n) if solved.to_result[n] => Leak::Result,
                    _ => Leak::None,
                })
                .collect();
            if leaks.by_func.get(func) != Some(&summary) {
                leaks.by_func.insert(*func, summary);
                for &c in callers.get(func).map(Vec::as_slice).unwrap_or(&[]) {
                    if !queued[c] {
                        queued[c] = true;
                        work.push(c);
                    }
                }
            }
        }
        leaks
    }

    /// The leak of each parameter of `func` (receiver first), if it has a
    /// summary.
    #[cfg(test)]
    pub fn summary(&self, func: ObjId) -> Option<&[Leak]> {
        self.by_func.get(&func).map(Vec::as_slice)
    }

    /// How far parameter `index` (receiver first) of `func` may leak:
    /// [`Leak::Heap`] for a function without a summary.
    pub fn leak(&self, func: ObjId, index: usize) -> Leak {
        self.by_func.get(&func).and_then(|v| v.get(index).copied()).unwrap_or(Leak::Heap)
    }
}

impl PkgCtx<'_> {
    /// The package's parameter leak summaries, solved on first use.
    pub fn param_leaks(&self) -> &ParamLeaks {
        self.param_leaks.get_or_init(|| ParamLeaks::of_package(self.input, &self.fnums))
    }
}

/// What an `append` site's frame buffer is shared by (gc keys it by the
/// appended-to operand: one buffer per variable, else per site).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum AppendKey {
    Var(ObjId),
    Site(ExprId),
}

/// An `append(x, e...)` call with elements (not `x...`) of a body.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AppendSite {
    pub call: ExprId,
    pub key: AppendKey,
    /// Whether its result may outlive the frame (gc's `n.Esc() !=
    /// EscNone`).
    pub escapes: bool,
}

/// The escape facts of one body being built.
pub(crate) struct BodyEscapes {
    /// The `append` sites outside nested function literals, in source
    /// order.
    pub appends: Vec<AppendSite>,
}

/// The escape facts of `body` (file `fi`), a function's or a function
/// literal's. Variables the body uses but neither declares nor receives
/// as parameters (a closure's captured variables) escape: this body does
/// not see all their uses.
pub(crate) fn analyse_body(ctx: &PkgCtx, fi: usize, body: StmtId) -> BodyEscapes {
    let leaks = ctx.param_leaks();
    let file = ctx.file(fi);
    let fnum = ctx.fnums[fi];
    let mut b = GraphBuilder::new(ctx.input, file, fnum, &leaks.known.funcs);
    b.stmt(body);
    let mut own: HashSet<ObjId> = HashSet::new();
    let (mut names, mut clauses) = (Vec::new(), Vec::new());
    walk_stmt(file, &mut DefCollector { out: &mut names, clauses: &mut clauses }, body);
    for n in names.into_iter().chain(params_of_body(file, body)) {
        if let Some(&o) = ctx.input.defs.get(&(fnum, n.pos)) {
            own.insert(o);
        }
    }
    own.extend(clauses.iter().filter_map(|&c| ctx.input.info.implicits.get(&(fnum, c)).copied()));
    let outer: Vec<usize> = b.g.nodes.iter().filter(|(o, _)| !own.contains(o)).map(|(_, &n)| n).collect();
    b.g.roots.extend(outer);
    let solved = b.g.solve(leaks);
    let out = |n: usize| solved.escapes[n] || solved.to_result[n];
    let mut appends: Vec<AppendSite> = b.sites.iter().map(|&(call, key, n)| AppendSite { call, key, escapes: out(n) }).collect();
    appends.sort_by_key(|s| file.expr(s.call).pos);
    BodyEscapes { appends }
}

/// The receiver and parameter names of the function or function literal
/// whose body is `body`.
fn params_of_body(file: &File, body: StmtId) -> Vec<Name> {
    let typ = file.decls_of(file.decls).iter().find_map(|&d| match file.decl(d).kind {
        DeclKind::Func { recv, typ, body: Some(b), .. } if b == body => Some((recv, typ)),
        _ => None,
    });
    let typ = typ.or_else(|| {
        file.exprs.iter().find_map(|e| match e.kind {
            ExprKind::FuncLit { typ, body: b } if b == body => Some((None, typ)),
            _ => None,
        })
    });
    let Some((recv, typ)) = typ else { return Vec::new() };
    let mut fields: Vec<_> = recv.into_iter().collect();
    if let ExprKind::FuncType { params, .. } = file.expr(typ).kind {
        fields.extend_from_slice(file.fields_of(params));
    }
    fields.into_iter().filter_map(|f| file.field(f).name).collect()
}

/// The package's functions and methods that calls may target statically.
#[derive(Default)]
struct KnownFuncs {
    funcs: HashSet<ObjId>,
    /// Each one's file index and body.
    bodies: HashMap<ObjId, (usize, StmtId)>,
}

/// The non-generic functions and methods with a body (the builder's
/// `ctx.funcs`, computed from the declarations so tests need no builder).
fn known_funcs(input: &CheckedPackage, fnums: &[u32]) -> KnownFuncs {
    let mut k = KnownFuncs { funcs: HashSet::new(), bodies: HashMap::new() };
    for (fi, file) in input.files.iter().enumerate() {
        let Some(&fnum) = fnums.get(fi) else { continue };
        for &d in file.decls_of(file.decls) {
            let DeclKind::Func { recv, name, tparams, body: Some(body), .. } = file.decl(d).kind else { continue };
            let Some(&o) = input.defs.get(&(fnum, name.pos)) else { continue };
            let generic_method = recv.is_some() && !goxide_types::subst::method_recv_tparams(o).is_empty();
            if !tparams.is_empty() || generic_method || !matches!(object(o).kind, ObjKind::Func) {
                continue;
            }
            k.funcs.insert(o);
            k.bodies.insert(o, (fi, body));
        }
    }
    k
}

/// The objects of `func`'s receiver and parameters, in order (`None` for
/// an unnamed or blank one).
fn param_objects(input: &CheckedPackage, file: &File, fnum: u32, func: ObjId) -> Vec<Option<ObjId>> {
    let mut out = Vec::new();
    for &d in file.decls_of(file.decls) {
        let DeclKind::Func { recv, name, typ, .. } = file.decl(d).kind else { continue };
        if input.defs.get(&(fnum, name.pos)) != Some(&func) {
            continue;
        }
        let mut fields = Vec::new();
        if let Some(r) = recv {
            fields.push(r);
        }
        if let ExprKind::FuncType { params, .. } = file.expr(typ).kind {
            fields.extend_from_slice(file.fields_of(params));
        }
        for fid in fields {
            out.push(file.field(fid).name.and_then(|n| input.defs.get(&(fnum, n.pos)).copied()));
        }
        break;
    }
    out
}

/// Whether a value of type `t` may hold a pointer (what else cannot leak
/// anything).
pub(crate) fn holds_pointers(t: TypeId) -> bool {
    let tab = table();
    match tab.get(tab.underlying(t)) {
        Type::Basic(k) => matches!(k, BasicKind::String | BasicKind::UnsafePointer | BasicKind::UntypedString | BasicKind::UntypedNil | BasicKind::Invalid),
        Type::Array { len, elem } => *len != 0 && holds_pointers(*elem),
        Type::Struct(fields) => fields.iter().any(|f| holds_pointers(f.var.typ)),
        _ => true,
    }
}

/// Collects the names a body defines (not inside function literals):
/// `var` declarations, `:=` and `range` left-hand sides; and the clauses
/// of type switches that declare a variable (the checker's implicit
/// objects are keyed by clause).
struct DefCollector<'a> {
    out: &'a mut Vec<Name>,
    clauses: &'a mut Vec<StmtId>,
}

impl Visitor for DefCollector<'_> {
    fn stmt(&mut self, f: &File, s: StmtId) -> bool {
        match f.stmt(s).kind {
            StmtKind::Decl(decls) => {
                for &d in f.decls_of(decls) {
                    if let DeclKind::Var { names, .. } = f.decl(d).kind {
                        self.out.extend_from_slice(f.names_of(names));
                    }
                }
            }
            StmtKind::Switch { tag: Some(t), body, .. } if matches!(f.expr(f.unparen(t)).kind, ExprKind::TypeSwitchGuard { lhs: Some(_), .. }) => {
                self.clauses.extend_from_slice(f.stmts_of(body));
            }
            StmtKind::Assign { op: Operator::Def, lhs, .. } | StmtKind::Range { lhs: Some(lhs), def: true, .. } => {
                for l in f.unpack_list(Some(lhs)) {
                    if let ExprKind::Name(n) = f.expr(f.unparen(l)).kind {
                        self.out.push(n);
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        !matches!(f.expr(x).kind, ExprKind::FuncLit { .. })
    }
}

#[cfg(test)]
mod tests;
