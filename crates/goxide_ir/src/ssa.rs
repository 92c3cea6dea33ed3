//! SSA construction for local variables: "Simple and Efficient Construction
//! of Static Single Assignment Form" (Braun, Buchwald, Hack, Leißa,
//! Mallon, Zwinkau, CC 2013), the algorithm `cranelift_frontend`'s
//! `SSABuilder` uses, with φ-functions as block parameters.
//!
//! The builder of a function body calls [`SsaVars::def_var`] when a
//! variable is assigned, [`SsaVars::use_var`] when it is read, records
//! every branch edge with [`SsaVars::add_edge`] as it emits the branch, and
//! seals a block ([`SsaVars::seal`]) once all its predecessors are known.
//! Reading a variable in a block with no definition of its own looks at
//! the predecessors: one predecessor is followed; several (or an unsealed
//! block) get a new block parameter whose arguments are appended to each
//! predecessor's branch. Trivial parameters (all arguments equal) are kept:
//! Cranelift removes them, and keeping them keeps this module short.
//!
//! Invariants: a variable read in a block without predecessors and without
//! a definition gets its type's zero value (only unreachable code does
//! that: Go variables are always initialised); every block has been sealed
//! before the function is finished ([`SsaVars::seal_all`]).

use std::collections::HashMap;

use goxide_types::types::{ObjId, TypeId};

use crate::ir::*;

/// A source variable: a local object of the checker.
pub type Var = ObjId;

/// Where a branch edge comes from: the block, its terminator, and which
/// destination of the terminator.
#[derive(Clone, Copy, Debug)]
struct Edge {
    from: BlockId,
    inst: Inst,
    dest: usize,
}

/// The variable state of one function under construction.
#[derive(Default)]
pub struct SsaVars {
    /// The value of each variable at the end of each block (so far).
    defs: HashMap<(Var, BlockId), Value>,
    types: HashMap<Var, TypeId>,
    preds: HashMap<BlockId, Vec<Edge>>,
    sealed: HashMap<BlockId, bool>,
    /// Parameters added to unsealed blocks, completed when they are sealed.
    incomplete: HashMap<BlockId, Vec<(Var, Value)>>,
}

impl SsaVars {
    /// Declares `var` of type `ty` (before its first definition).
    pub fn declare(&mut self, var: Var, ty: TypeId) {
        self.types.insert(var, ty);
    }

    pub fn is_declared(&self, var: Var) -> bool {
        self.types.contains_key(&var)
    }

    pub fn var_type(&self, var: Var) -> Option<TypeId> {
        self.types.get(&var).copied()
    }

    pub fn def_var(&mut self, var: Var, block: BlockId, v: Value) {
        self.defs.insert((var, block), v);
    }

    /// Records that destination `dest` of `inst`, the terminator of
    /// `from`, branches to `to`.
    pub fn add_edge(&mut self, from: BlockId, inst: Inst, dest: usize, to: BlockId) {
        self.preds.entry(to).or_default().push(Edge { from, inst, dest });
    }

    fn is_sealed(&self, b: BlockId) -> bool {
        self.sealed.get(&b).copied().unwrap_or(false)
    }

    /// The value of `var` at the current end of `block`; `zero` makes the
    /// zero value of a type in a block (for reads with no definition).
    pub fn use_var(&mut self, f: &mut Function, var: Var, block: BlockId, zero: &mut dyn FnMut(&mut Function, BlockId, TypeId) -> Value) -> Value {
        // Iterative form of Braun's readVariableRecursive for chains of
        // single-predecessor blocks (long straight-line code must not
        // recurse once per block).
        let mut chain = Vec::new();
        let mut b = block;
        let value = loop {
            if let Some(&v) = self.defs.get(&(var, b)) {
                break v;
            }
            let ty = self.types.get(&var).copied();
            let Some(ty) = ty else {
                // Undeclared: a builder bug, answered with a zero int so that
                // the verifier, not a panic, reports it.
                break zero(f, b, goxide_types::types::table().basic(goxide_types::types::BasicKind::Int));
            };
            let preds = self.preds.get(&b).map_or(0, Vec::len);
            if !self.is_sealed(b) {
                let p = f.append_block_param(b, ty);
                self.incomplete.entry(b).or_default().push((var, p));
                self.defs.insert((var, b), p);
                break p;
            }
            if preds == 0 {
                let z = zero(f, b, ty);
                self.defs.insert((var, b), z);
                break z;
            }
            if preds == 1 {
                chain.push(b);
                b = self.preds[&b][0].from;
                continue;
            }
            let p = f.append_block_param(b, ty);
            self.defs.insert((var, b), p);
            self.add_param_args(f, var, b, zero);
            break p;
        };
        for c in chain {
            self.defs.insert((var, c), value);
        }
        value
    }

    /// Appends `var`'s value at the end of each predecessor of `block` to
    /// the predecessor's branch into `block`.
    fn add_param_args(&mut self, f: &mut Function, var: Var, block: BlockId, zero: &mut dyn FnMut(&mut Function, BlockId, TypeId) -> Value) {
        let edges = self.preds.get(&block).cloned().unwrap_or_default();
        for e in edges {
            let v = self.use_var(f, var, e.from, zero);
            if let Some(d) = f.inst_mut(e.inst).kind.destinations_mut().into_iter().nth(e.dest) {
                d.args.push(v);
            }
        }
    }

    /// Declares that every predecessor of `block` is known.
    pub fn seal(&mut self, f: &mut Function, block: BlockId, zero: &mut dyn FnMut(&mut Function, BlockId, TypeId) -> Value) {
        if self.is_sealed(block) {
            return;
        }
        self.sealed.insert(block, true);
        for (var, _param) in self.incomplete.remove(&block).unwrap_or_default() {
            self.add_param_args(f, var, block, zero);
        }
    }

    /// Seals every block of `f` not sealed yet.
    pub fn seal_all(&mut self, f: &mut Function, zero: &mut dyn FnMut(&mut Function, BlockId, TypeId) -> Value) {
        for i in 0..f.blocks.len() {
            self.seal(f, BlockId::new(i), zero);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::basic;
    use crate::verify::verify_function;
    use goxide_types::types::BasicKind;
    use std::num::NonZeroU32;

    fn zero(f: &mut Function, b: BlockId, t: TypeId) -> Value {
        let i = f.append_inst(b, InstKind::Const(Const::Int(0)), &[t], None);
        f.insts[i.index()].results[0]
    }

    fn jump(f: &mut Function, s: &mut SsaVars, from: BlockId, to: BlockId) {
        let i = f.append_inst(from, InstKind::Jump { dest: BlockCall { block: to, args: vec![] } }, &[], None);
        s.add_edge(from, i, 0, to);
    }

    /// `x := 0; for { x = x + 1; if c { break } }; return x`: the loop
    /// header gets a parameter for x fed by the entry and the latch.
    #[test]
    fn a_loop_variable_becomes_a_block_parameter() {
        let int = basic(BasicKind::Int);
        let bool_ = basic(BasicKind::Bool);
        let x = ObjId(NonZeroU32::new(1).unwrap());
        let mut f = Function::new("main.f".into(), vec![bool_], vec![int], None);
        let c = f.blocks[0].params[0];
        let mut s = SsaVars::default();
        s.declare(x, int);
        s.seal(&mut f, Function::ENTRY, &mut zero);
        let z = zero(&mut f, Function::ENTRY, int);
        s.def_var(x, Function::ENTRY, z);
        let header = f.create_block();
        let exit = f.create_block();
        jump(&mut f, &mut s, Function::ENTRY, header);
        // header (unsealed: the back edge is not emitted yet)
        let xv = s.use_var(&mut f, x, header, &mut zero);
        let one = f.append_inst(header, InstKind::Const(Const::Int(1)), &[int], None);
        let one = f.insts[one.index()].results[0];
        let sum = f.append_inst(header, InstKind::Binary { op: BinaryOp::Add, lhs: xv, rhs: one }, &[int], None);
        let sum = f.insts[sum.index()].results[0];
        s.def_var(x, header, sum);
        let br = f.append_inst(
            header,
            InstKind::Branch { cond: c, then_dest: BlockCall { block: exit, args: vec![] }, else_dest: BlockCall { block: header, args: vec![] } },
            &[],
            None,
        );
        s.add_edge(header, br, 0, exit);
        s.add_edge(header, br, 1, header);
        s.seal(&mut f, header, &mut zero);
        s.seal(&mut f, exit, &mut zero);
        let out = s.use_var(&mut f, x, exit, &mut zero);
        f.append_inst(exit, InstKind::Return { values: vec![out] }, &[], None);
        assert_eq!(f.blocks[header.index()].params.len(), 1, "{}", crate::printer::function_text(&f, None));
        assert_eq!(out, sum);
        verify_function(&f, None).unwrap();
        let text = crate::printer::function_text(&f, None);
        assert!(text.contains("jump block1(v1)"), "{text}");
        assert!(text.contains("branch v0, block2, block1(v4)"), "{text}");
    }
}
