//! Instantiation cycles (types2's `mono.go`): generic code that would need
//! infinitely many instances under monomorphisation, as
//! `func f[T any]() { f[[]T]() }`.
//!
//! Algorithm (types2's): a weighted directed graph whose vertices are the
//! package's type parameters; each verified instantiation `G[A]` with `A`
//! mentioning type parameter `Q` adds an edge Q -> P (P the parameter `A`
//! is given for) of weight 0 if `A` is `Q` itself, 1 if `Q` is nested in
//! it. A cycle of positive weight is an instantiation cycle; it is found
//! as a Bellman-Ford longest-path search that fails to settle after as
//! many rounds as there are vertices. Receiver type parameters stand for
//! their base type's (`canon`). Checked only when the package has no other
//! error, as types2 does. Function-local named types (types2's
//! `localNamedVertex`, which makes a local type inherit the enclosing
//! function's type parameters) are not modelled: they add no vertex.

use rustc_hash::FxHashMap as HashMap;

use super::Checker;
use crate::objects::{object, SrcPos};
use crate::types::{table, Type, TypeId};

/// The graph (types2's `monoGraph`).
#[derive(Default)]
pub(crate) struct MonoGraph {
    vertices: Vec<MonoVertex>,
    edges: Vec<MonoEdge>,
    /// Receiver type parameters -> their base type's type parameters.
    canon: HashMap<TypeId, TypeId>,
    /// The vertex of each (canonical) type parameter.
    index: HashMap<TypeId, usize>,
}

struct MonoVertex {
    /// Weight, length and last edge of the heaviest path found to here.
    weight: i64,
    len: usize,
    pre: usize,
    /// The type parameter.
    tpar: TypeId,
}

struct MonoEdge {
    dst: usize,
    src: usize,
    weight: i64,
    /// Where the type argument was given, and the type argument.
    pos: SrcPos,
    typ: TypeId,
}

impl MonoGraph {
    /// types2's `recordCanon`: receiver parameter `mpar` stands for the
    /// base type's `tpar`.
    pub(crate) fn record_canon(&mut self, mpar: TypeId, tpar: TypeId) {
        self.canon.insert(mpar, tpar);
    }

    /// types2's `recordInstance`: `targs` given for `tparams`, argument i
    /// at `pos[i]` (or `at` without one).
    pub(crate) fn record_instance(&mut self, pkg: crate::types::PkgId, at: SrcPos, pos: &[SrcPos], tparams: &[TypeId], targs: &[TypeId]) {
        for (i, (&tpar, &targ)) in tparams.iter().zip(targs.iter()).enumerate() {
            let p = pos.get(i).copied().unwrap_or(at);
            self.assign(pkg, p, tpar, targ);
        }
    }

    /// types2's `assign`: edges for `targ` flowing into `tpar`.
    fn assign(&mut self, pkg: crate::types::PkgId, pos: SrcPos, tpar: TypeId, targ: TypeId) {
        let tt = table();
        let local = |t: TypeId| tt.type_param(t).and_then(|d| d.obj.get().copied()).is_some_and(|o| object(o).pkg == Some(pkg));
        if !local(tpar) {
            return;
        }
        // Type parameters mentioned in targ, and whether each is targ itself.
        let mut found = Vec::new();
        let mut stack = vec![targ];
        let mut steps = 0;
        while let Some(t) = stack.pop() {
            steps += 1;
            if steps > 100_000 {
                break;
            }
            let t = tt.unalias(t);
            match tt.get(t) {
                Type::TypeParam(_) => {
                    if local(t) {
                        found.push(t);
                    }
                }
                Type::Named(_) => {
                    if let Some(n) = tt.named(t) {
                        stack.extend(n.targs.iter().rev().copied());
                    }
                }
                Type::Array { elem, .. } | Type::Chan { elem, .. } | Type::Slice(elem) | Type::Pointer(elem) => stack.push(*elem),
                Type::Map { key, elem } => {
                    stack.push(*elem);
                    stack.push(*key);
                }
                Type::Interface { methods, .. } => stack.extend(methods.iter().rev().map(|m| m.sig)),
                Type::Signature { params, results, .. } => {
                    stack.extend(results.iter().rev().map(|v| v.typ));
                    stack.extend(params.iter().rev().map(|v| v.typ));
                }
                Type::Struct(fields) => stack.extend(fields.iter().rev().map(|f| f.var.typ)),
                _ => {}
            }
        }
        for q in found {
            let weight = if q == targ { 0 } else { 1 };
            let dst = self.vertex(tpar);
            let src = self.vertex(q);
            self.edges.push(MonoEdge { dst, src, weight, pos, typ: targ });
        }
    }

    /// types2's `typeParamVertex`.
    fn vertex(&mut self, tpar: TypeId) -> usize {
        let tpar = self.canon.get(&tpar).copied().unwrap_or(tpar);
        if let Some(&i) = self.index.get(&tpar) {
            return i;
        }
        let i = self.vertices.len();
        self.vertices.push(MonoVertex { weight: 0, len: 0, pre: 0, tpar });
        self.index.insert(tpar, i);
        i
    }
}

impl Checker<'_> {
    /// types2's `monomorph`: reports the first instantiation cycle found.
    pub(crate) fn monomorph(&mut self) {
        let g = &mut self.mono;
        let n = g.vertices.len();
        let mut again = true;
        let mut looped = None;
        'rounds: while again {
            again = false;
            for i in 0..g.edges.len() {
                let (src, dst, w) = (g.edges[i].src, g.edges[i].dst, g.edges[i].weight);
                let weight = g.vertices[src].weight + w;
                if weight <= g.vertices[dst].weight {
                    continue;
                }
                let len = g.vertices[src].len + 1;
                let d = &mut g.vertices[dst];
                d.pre = i;
                d.len = len;
                if len == n {
                    looped = Some(dst);
                    break 'rounds;
                }
                d.weight = weight;
                again = true;
            }
        }
        if let Some(v) = looped {
            self.report_instance_loop(v);
        }
    }

    /// types2's `reportInstanceLoop`: the cycle through vertex `v`, from
    /// the type parameter where it closes.
    fn report_instance_loop(&mut self, v: usize) {
        let g = &self.mono;
        let mut stack = Vec::new();
        let mut seen = vec![false; g.vertices.len()];
        let mut v = v;
        while !seen[v] {
            stack.push(v);
            seen[v] = true;
            v = g.edges[g.vertices[v].pre].src;
        }
        let start = stack.iter().position(|&s| s == v).unwrap_or(0);
        let stack = &stack[start..];
        let tt = table();
        let obj_of = |t: TypeId| tt.type_param(t).and_then(|d| d.obj.get().copied());
        let Some(obj0) = obj_of(g.vertices[v].tpar) else { return };
        let Some(pos0) = object(obj0).pos else { return };
        let mut parts = vec![(Some(pos0), "instantiation cycle:".to_string())];
        for &s in stack {
            let edge = &g.edges[g.vertices[s].pre];
            let Some(obj) = obj_of(g.vertices[edge.dst].tpar) else { continue };
            let ts = crate::typestring::type_string(edge.typ, &|p| self.qualify(p));
            parts.push((Some(edge.pos), format!("{} instantiated as {ts}", object(obj).name)));
        }
        self.error_count += 1;
        self.report(parts, false);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::assert_as_gc;

    /// Instantiation cycles and inferred instances' positions, as the
    /// reference `go build` reports these programs.
    #[test]
    fn instantiation_cycles_as_gc() {
        assert_as_gc(&[
            (
                "package main\ntype Box[A any] struct{ value A }\nfunc Nest[A any](b Box[A], n int) interface{} {\n\tif n == 0 {\n\t\treturn b\n\t}\n\treturn Nest(Box[Box[A]]{b}, n-1)\n}\nfunc main() { Nest(Box[int]{0}, 10) }\n",
                &["./x.go:3:11: instantiation cycle:\n\t./x.go:7:13: A instantiated as Box[A]"],
            ),
            (
                "package main\ntype List[P any] struct{}\nfunc (_ List[P]) m() (_ List[List[P]]) { return }\nfunc g[T comparable](T) {}\nfunc main() {}\n",
                &["./x.go:2:11: instantiation cycle:\n\t./x.go:3:30: P instantiated as List[P]"],
            ),
            (
                "package main\nfunc g[T comparable](T) {}\nfunc main() {\n\tg(func() {})\n}\n",
                &["./x.go:4:3: func() does not satisfy comparable"],
            ),
        ]);
    }
}
