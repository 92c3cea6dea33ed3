//! Package initialisation order and initialisation-cycle errors (types2's
//! `initorder.go`).
//!
//! Algorithm, as types2's `initOrder`:
//! 1. The dependency graph: one node per package-level constant, variable
//!    and function (methods and `init` functions included), an edge
//!    `a -> b` when `a`'s declaration (a function's body) uses `b`
//!    (`Checker::deps`, filled by `add_decl_dep`).
//! 2. Functions are eliminated, cheapest first (cost = predecessors ×
//!    successors): every predecessor of a function is connected to every
//!    successor, ignoring the function's self-edges. What remains are
//!    constants and variables, with an edge `a -> b` whenever `a` reaches
//!    `b` through functions only.
//! 3. Nodes are taken from a priority queue ordered by constants first,
//!    then fewest outstanding dependencies, then source order (the index
//!    in `Checker::objects`, types2's `order()`). Taking a node lowers the
//!    count of its predecessors. A node taken with dependencies left is on
//!    or behind a cycle: `find_path` looks for a path from it back to
//!    itself (dependencies visited in source order) and, if there is one,
//!    the cycle is reported in types2's words.
//! 4. Variables with initialisers are appended to `Info::init_order` as
//!    they are taken; the variables of an n:1 declaration
//!    (`var a, b = f()`) share one initialiser, emitted once.
//!
//! Invariants: the order of the queue is a strict total order (source
//! order breaks every tie), so the result does not depend on hash order.
//! The variables of an n:1 declaration share their dependencies, as they
//! share types2's `declInfo`: only the one checked first has them in
//! `Checker::deps`, so a variable's dependencies are the union over its
//! left-hand side.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Checker, DeclSource};
use crate::objects::{object, ObjKind, SrcPos};
use crate::types::ObjId;

/// A node of the dependency graph: `succ` are the nodes it depends on,
/// `pred` those that depend on it (indices into the node list).
struct GraphNode {
    obj: ObjId,
    /// Index in `Checker::objects` (types2's `order()`).
    order: usize,
    is_const: bool,
    is_func: bool,
    pred: BTreeSet<usize>,
    succ: BTreeSet<usize>,
}

impl<'a> Checker<'a> {
    /// types2's `initOrder`: computes `info.init_order` and reports
    /// initialisation cycles.
    pub(crate) fn init_order(&mut self) {
        self.info.init_order.clear();

        let order: HashMap<ObjId, usize> = self.objects.iter().enumerate().map(|(i, &o)| (o, i)).collect();
        let mut nodes = self.dependency_graph();

        // The queue: (not a constant, outstanding dependencies, source
        // order, node); its first element has the highest priority.
        let mut ndeps: Vec<usize> = nodes.iter().map(|n| n.succ.len()).collect();
        let key = |n: &GraphNode, ndeps: usize, i: usize| (!n.is_const, ndeps, n.order, i);
        let mut queue: BTreeSet<(bool, usize, usize, usize)> = BTreeSet::new();
        let mut queued = vec![false; nodes.len()];
        for (i, n) in nodes.iter().enumerate() {
            if !n.is_func {
                queue.insert(key(n, ndeps[i], i));
                queued[i] = true;
            }
        }

        let mut emitted: HashSet<ObjId> = HashSet::default();
        while let Some(first) = queue.pop_first() {
            let n = first.3;
            queued[n] = false;
            let obj = nodes[n].obj;

            // Dependencies left: a cycle, reported when `obj` is on it
            // (not merely behind it); taking `obj` breaks it.
            if ndeps[n] > 0
                && let Some(cycle) = self.find_path(&order, obj, obj)
            {
                self.report_cycle(&cycle);
            }

            let preds = std::mem::take(&mut nodes[n].pred);
            for p in preds {
                if queued[p] {
                    queue.remove(&key(&nodes[p], ndeps[p], p));
                    ndeps[p] = ndeps[p].saturating_sub(1);
                    queue.insert(key(&nodes[p], ndeps[p], p));
                }
            }

            // Variables with initialisers only; an n:1 declaration once.
            let Some(d) = self.decls.get(&obj) else { continue };
            let DeclSource::Var { init: Some(_), lhs, .. } = &d.source else { continue };
            let lhs: Vec<ObjId> = match lhs {
                Some(l) if !l.is_empty() => l.to_vec(),
                _ => vec![obj],
            };
            if emitted.insert(lhs[0]) {
                self.info.init_order.push(lhs);
            }
        }
    }

    /// The package-level objects `obj`'s declaration depends on (types2's
    /// `declInfo.deps`), the union over the left-hand side of an n:1
    /// variable declaration.
    fn decl_deps(&self, obj: ObjId) -> Vec<ObjId> {
        let mut out: Vec<ObjId> = Vec::new();
        let mut add = |o: ObjId| {
            for &d in self.deps.get(&o).map(|v| v.as_slice()).unwrap_or(&[]) {
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        };
        match self.decls.get(&obj).map(|d| &d.source) {
            Some(DeclSource::Var { lhs: Some(l), .. }) if l.contains(&obj) => l.iter().for_each(|&v| add(v)),
            _ => add(obj),
        }
        out
    }

    /// types2's `dependencyGraph`: the graph over constants, variables and
    /// functions, with the functions then eliminated (their nodes stay in
    /// the list, marked `is_func`, without edges).
    fn dependency_graph(&self) -> Vec<GraphNode> {
        let mut nodes: Vec<GraphNode> = Vec::new();
        let mut index: HashMap<ObjId, usize> = HashMap::default();
        for (i, &obj) in self.objects.iter().enumerate() {
            if !self.decls.contains_key(&obj) || index.contains_key(&obj) {
                continue;
            }
            let (is_const, is_func) = match object(obj).kind {
                ObjKind::Const => (true, false),
                ObjKind::Var { .. } => (false, false),
                ObjKind::Func => (false, true),
                _ => continue,
            };
            index.insert(obj, nodes.len());
            nodes.push(GraphNode { obj, order: i, is_const, is_func, pred: BTreeSet::new(), succ: BTreeSet::new() });
        }

        for n in 0..nodes.len() {
            for d in self.decl_deps(nodes[n].obj) {
                if let Some(&s) = index.get(&d) {
                    nodes[n].succ.insert(s);
                    nodes[s].pred.insert(n);
                }
            }
        }

        // Eliminate functions, cheapest first (mutually recursive
        // functions may form cycles among themselves, which are fine, but
        // would inflate the variables' dependency counts).
        let mut funcs: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].is_func).collect();
        funcs.sort_by_key(|&i| (nodes[i].pred.len() * nodes[i].succ.len(), nodes[i].order));
        for f in funcs {
            let preds = std::mem::take(&mut nodes[f].pred);
            let succs = std::mem::take(&mut nodes[f].succ);
            for &p in &preds {
                if p == f {
                    continue; // a self-cycle
                }
                for &s in &succs {
                    if s != f {
                        nodes[p].succ.insert(s);
                        nodes[s].pred.insert(p);
                    }
                }
                nodes[p].succ.remove(&f);
            }
            for &s in &succs {
                nodes[s].pred.remove(&f);
            }
        }
        nodes
    }

    /// types2's `findPath`: the objects `[to, ..., from's dependency]` of
    /// a dependency path from `from` to `to`, reversed, or `None`.
    /// Dependencies are tried in source order; each object is entered
    /// once. Iterative (a long chain must not exhaust the stack), visiting
    /// as types2's recursion does.
    fn find_path(&self, order: &HashMap<ObjId, usize>, from: ObjId, to: ObjId) -> Option<Vec<ObjId>> {
        let sorted_deps = |o: ObjId| {
            let mut deps = self.decl_deps(o);
            deps.sort_by_key(|d| order.get(d).copied().unwrap_or(usize::MAX));
            deps
        };
        let mut seen: HashSet<ObjId> = HashSet::default();
        seen.insert(from);
        // Frames: (object, its sorted dependencies, next to try).
        let mut stack: Vec<(ObjId, Vec<ObjId>, usize)> = vec![(from, sorted_deps(from), 0)];
        while let Some(top) = stack.last_mut() {
            let Some(&d) = top.1.get(top.2) else {
                stack.pop();
                continue;
            };
            top.2 += 1;
            if d == to {
                let mut path = vec![d];
                path.extend(stack.iter().skip(1).rev().map(|f| f.0));
                return Some(path);
            }
            if seen.insert(d) {
                let deps = sorted_deps(d);
                stack.push((d, deps, 0));
            }
        }
        None
    }

    /// types2's `reportCycle`: "x refers to itself", or the cycle as
    /// "initialization cycle for x" followed by "x refers to y" parts,
    /// each at the referring object.
    fn report_cycle(&mut self, cycle: &[ObjId]) {
        let Some(&first) = cycle.first() else { return };
        let pos_of = |o: ObjId| -> Option<SrcPos> { object(o).pos };
        let Some(pos) = pos_of(first) else { return };
        if cycle.len() == 1 {
            self.error(pos, format!("initialization cycle: {} refers to itself", object(first).name));
            return;
        }
        let mut parts = vec![(Some(pos), format!("initialization cycle for {}", object(first).name))];
        let mut obj = first;
        for &next in cycle.iter().rev() {
            parts.push((pos_of(obj), format!("{} refers to {}", object(obj).name, object(next).name)));
            obj = next;
        }
        self.error_count += 1;
        self.report(parts, false);
    }
}
