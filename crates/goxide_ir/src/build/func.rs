//! Building one function: the builder's state, emitting, local
//! variables (in SSA or in memory, see [`super::vars`]), and the function
//! entry (parameters, the receiver, named results, a closure's captured
//! variables). Statements are in [`super::stmt`].
//!
//! The builder keeps a current block; a terminator ends it, and code that
//! follows (unreachable in Go terms, e.g. after `return`) goes to a fresh
//! block without predecessors. Local variables are SSA variables
//! ([`SsaVars`]); every branch edge is recorded there, and each block is
//! sealed as soon as its last predecessor is emitted (loop headers after
//! the back edge, join blocks after both arms).
//!
//! `break`/`continue` find their loop or switch by the target the parser's
//! branch check recorded (`StmtKind::Branch::target`), falling back to the
//! innermost one. Invariant: [`FnBuilder::finish`] leaves every block
//! terminated and sealed, and the result verifies.

use std::collections::HashSet;

use goxide_syntax::ast::{ExprId, FieldId, File, StmtId};
use goxide_syntax::Pos;
use goxide_types::objects::{object, SrcPos};
use goxide_types::types::{table, ObjId, Type, TypeId};

use super::{unsupported, value_type, BuildResult, PkgCtx};
use crate::ir::*;
use crate::repr::{is_memory, pointer_to, raw_pointer};
use crate::ssa::SsaVars;

/// A statement `break` and `continue` can leave or continue.
pub(crate) struct BranchTarget {
    pub stmt: StmtId,
    pub brk: BlockId,
    /// `None` for a switch.
    pub cont: Option<BlockId>,
}

pub(crate) struct FnBuilder<'a> {
    pub ctx: &'a PkgCtx<'a>,
    /// The file of the code being built.
    pub fi: usize,
    pub f: Function,
    pub vars: SsaVars,
    /// The block receiving instructions; `None` after a terminator.
    pub cur: Option<BlockId>,
    pub targets: Vec<BranchTarget>,
    /// Named result variables, in order (empty for unnamed results).
    pub named_results: Vec<ObjId>,
    /// Where `fallthrough` goes in the switch clause being built.
    pub fallthrough: Option<BlockId>,
    /// Locals that live on the heap (address taken or captured).
    pub heap: HashSet<ObjId>,
    /// Locals whose SSA variable holds the address of their storage.
    pub mem_locals: HashSet<ObjId>,
    /// Locals kept in the frame although in no other way addressed.
    pub force_memory: HashSet<ObjId>,
    /// For a function with deferred calls: per named result, a frame slot
    /// (made first in the entry block, zeroed) holding the address of the
    /// result's storage once it exists, for the landing block.
    pub result_homes: Vec<Value>,
    /// The Go result types.
    pub go_results: Vec<TypeId>,
    /// The out-pointer parameter of each memory result (by result index).
    pub out_ptrs: Vec<Option<Value>>,
    /// The closure context parameter (`unsafe.Pointer`).
    pub ctx_param: Value,
    /// The symbol function literals inside are named after
    /// (`main.F` → `main.F.func1`; inside a literal `main.F.func1.1`).
    pub closure_prefix: String,
    /// Function literals made so far in this function.
    pub closure_count: usize,
    /// The type arguments of the generic code being built (empty
    /// otherwise): every type the checker recorded goes through it.
    pub subst: goxide_types::subst::SubstMap,
    /// Whether the body has `defer` statements (returns then run them).
    pub has_defer: bool,
    /// The frame pointer value, once needed (made in the entry block).
    pub frame: Option<Value>,
    /// The block of each labelled statement (`goto` targets), by the
    /// labelled statement.
    pub label_blocks: std::collections::HashMap<StmtId, BlockId>,
    /// In a range-over-func loop body (a `yield` function): how to leave.
    pub range_exit: Option<super::rangefunc::RangeFuncExit>,
    /// The `append` calls that may use a frame buffer (see `appendbuf`).
    pub stack_appends: HashSet<ExprId>,
    /// The slices moved to the heap at their transition (see `move2heap`).
    pub slice_plan: super::move2heap::SlicePlan,
    /// The frame buffer of each variable that has one.
    pub frame_buffers: std::collections::HashMap<ObjId, super::move2heap::FrameBuffer>,
}

/// The zero value of a type, made at the start of `block` (so that it
/// dominates every use there, even when the block is already terminated).
pub(crate) fn zero_value(f: &mut Function, block: BlockId, ty: TypeId) -> Value {
    let c = Const::Zero;
    let inst = Inst::new(f.insts.len());
    let v = Value::new(f.values.len());
    f.values.push(ValueData { ty, def: ValueDef::Result(inst, 0) });
    f.insts.push(InstData { kind: InstKind::Const(c), results: vec![v], pos: None });
    f.blocks[block.index()].insts.insert(0, inst);
    v
}

impl<'a> FnBuilder<'a> {
    /// A builder for `f` (its entry block made from its lowered
    /// signature); `closure_prefix` names the literals inside.
    pub fn new(ctx: &'a PkgCtx<'a>, fi: usize, f: Function, closure_prefix: String) -> FnBuilder<'a> {
        let ctx_param = f.blocks[0].params.first().copied().unwrap_or(Value(0));
        let mut b = FnBuilder {
            ctx,
            fi,
            f,
            vars: SsaVars::default(),
            cur: Some(Function::ENTRY),
            targets: Vec::new(),
            named_results: Vec::new(),
            fallthrough: None,
            heap: HashSet::new(),
            mem_locals: HashSet::new(),
            force_memory: HashSet::new(),
            result_homes: Vec::new(),
            go_results: Vec::new(),
            out_ptrs: Vec::new(),
            ctx_param,
            closure_prefix,
            closure_count: 0,
            subst: goxide_types::subst::SubstMap::default(),
            has_defer: false,
            frame: None,
            label_blocks: std::collections::HashMap::new(),
            range_exit: None,
            stack_appends: HashSet::new(),
            slice_plan: Default::default(),
            frame_buffers: std::collections::HashMap::new(),
        };
        b.vars.seal(&mut b.f, Function::ENTRY, &mut zero_value);
        b
    }

    pub fn file(&self) -> &'a File {
        self.ctx.file(self.fi)
    }
    pub fn fnum(&self) -> u32 {
        self.ctx.fnums[self.fi]
    }
    pub fn pos(&self, p: Pos) -> Option<SrcPos> {
        Some(self.ctx.src_pos(self.fi, p))
    }
    pub fn expr_pos(&self, e: ExprId) -> Option<SrcPos> {
        self.pos(self.file().expr(e).pos)
    }

    // ---- emitting ----

    /// The current block, opening an unreachable one after a terminator.
    pub fn block(&mut self) -> BlockId {
        match self.cur {
            Some(b) => b,
            None => {
                let b = self.f.create_block();
                self.vars.seal(&mut self.f, b, &mut zero_value);
                self.cur = Some(b);
                b
            }
        }
    }

    /// Appends a non-terminator; returns its results.
    pub fn ins(&mut self, kind: InstKind, results: &[TypeId], pos: Option<SrcPos>) -> Vec<Value> {
        let b = self.block();
        let i = self.f.append_inst(b, kind, results, pos);
        self.f.insts[i.index()].results.clone()
    }

    /// Appends an instruction with one result.
    pub fn ins1(&mut self, kind: InstKind, ty: TypeId, pos: Option<SrcPos>) -> Value {
        self.ins(kind, &[ty], pos)[0]
    }

    /// Ends the current block with `kind`, recording its edges.
    pub fn terminate(&mut self, kind: InstKind, pos: Option<SrcPos>) {
        let b = self.block();
        let dests: Vec<BlockId> = kind.destinations().iter().map(|d| d.block).collect();
        let i = self.f.append_inst(b, kind, &[], pos);
        for (n, d) in dests.into_iter().enumerate() {
            self.vars.add_edge(b, i, n, d);
        }
        self.cur = None;
    }

    pub fn jump(&mut self, to: BlockId) {
        self.terminate(InstKind::Jump { dest: BlockCall { block: to, args: vec![] } }, None);
    }

    pub fn branch(&mut self, cond: Value, then_b: BlockId, else_b: BlockId) {
        self.terminate(
            InstKind::Branch {
                cond,
                then_dest: BlockCall { block: then_b, args: vec![] },
                else_dest: BlockCall { block: else_b, args: vec![] },
            },
            None,
        );
    }

    /// `if p == nil { func(args...) }` for a pointer-shaped value `p`,
    /// where `func` does not return (a run-time panic or fatal error).
    pub fn fail_if_nil(&mut self, p: Value, func: RuntimeFunc, args: Vec<Value>, pos: Option<SrcPos>) {
        let is_nil = self.is_nil_word(p, pos);
        self.fail_if(is_nil, func, args, pos);
    }

    /// Whether the pointer-shaped value `p` is nil (a `bool`).
    pub fn is_nil_word(&mut self, p: Value, pos: Option<SrcPos>) -> Value {
        let raw = crate::repr::raw_pointer();
        let word = self.ins1(InstKind::Convert { arg: p }, raw, pos);
        let zero = self.ins1(InstKind::Const(Const::Zero), raw, pos);
        let bool_t = crate::repr::basic(goxide_types::types::BasicKind::Bool);
        self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: word, rhs: zero }, bool_t, pos)
    }

    /// `if cond { func(args...) }` where `func` does not return.
    pub fn fail_if(&mut self, cond: Value, func: RuntimeFunc, args: Vec<Value>, pos: Option<SrcPos>) {
        let bad = self.f.create_block();
        let good = self.f.create_block();
        self.branch(cond, bad, good);
        self.seal(bad);
        self.switch_to(bad);
        self.ins(InstKind::RuntimeCall { func, args }, &[], pos);
        self.terminate(InstKind::Unreachable, pos);
        self.seal(good);
        self.switch_to(good);
    }

    pub fn switch_to(&mut self, b: BlockId) {
        self.cur = Some(b);
    }

    pub fn seal(&mut self, b: BlockId) {
        self.vars.seal(&mut self.f, b, &mut zero_value);
    }

    pub fn read_var(&mut self, o: ObjId) -> Value {
        let b = self.block();
        self.vars.use_var(&mut self.f, o, b, &mut zero_value)
    }

    pub fn write_var(&mut self, o: ObjId, v: Value) {
        let b = self.block();
        self.vars.def_var(o, b, v);
    }

    /// Declares local `o`, giving it zeroed storage when it lives in
    /// memory; returns its type.
    pub fn declare_local(&mut self, o: ObjId, pos: Option<SrcPos>) -> BuildResult<TypeId> {
        let t = self.local_type(o, pos)?;
        if self.heap.contains(&o) || is_memory(t) || self.force_memory.contains(&o) {
            let kind = if self.heap.contains(&o) { InstKind::New { ty: t } } else { InstKind::Alloca { ty: t } };
            let p = self.ins1(kind, pointer_to(t), pos);
            self.vars.declare(o, pointer_to(t));
            self.mem_locals.insert(o);
            self.write_var(o, p);
        } else {
            self.vars.declare(o, t);
        }
        Ok(t)
    }

    /// Declares local `o` with the storage at `p` (a `*T`), already
    /// holding its value.
    pub fn declare_local_at(&mut self, o: ObjId, p: Value) {
        let pt = self.f.value_type(p);
        self.vars.declare(o, pt);
        self.mem_locals.insert(o);
        self.write_var(o, p);
    }

    /// The (checked) type of local `o`.
    pub fn local_type(&self, o: ObjId, pos: Option<SrcPos>) -> BuildResult<TypeId> {
        let t = object(o).typ.get().ok_or_else(|| unsupported("a variable without a type", pos))?;
        value_type(self.sub(t), "variables", pos)
    }

    /// `t` with the type arguments of the instance being built.
    pub fn sub(&self, t: TypeId) -> TypeId {
        goxide_types::subst::subst(t, &self.subst)
    }

    /// Whether local `o` lives in memory.
    pub fn in_memory(&self, o: ObjId) -> bool {
        self.mem_locals.contains(&o)
    }

    /// Sets local `o` (declared) to `v`, a value of its type or, for a
    /// memory type, the address of one.
    pub fn set_local(&mut self, o: ObjId, v: super::Operand, pos: Option<SrcPos>) -> BuildResult<()> {
        if self.in_memory(o) {
            let p = self.read_var(o);
            self.store_operand(p, v, pos)
        } else {
            let t = self.vars.var_type(o).ok_or_else(|| unsupported("a variable the builder did not declare", pos))?;
            let v = self.convert_operand(v, t, pos)?;
            let v = self.operand_value(v, pos)?;
            self.write_var(o, v);
            Ok(())
        }
    }

    /// A local's name object defined at `pos` in the current file.
    pub fn def_at(&self, pos: Pos) -> Option<ObjId> {
        self.ctx.input.defs.get(&(self.fnum(), pos)).copied()
    }

    /// Declares and sets the named parameters of `fields` from `values`
    /// (one per name, or per anonymous field); memory parameters arrive as
    /// pointers to a copy this function owns.
    fn bind_params(&mut self, file: &File, fields: &[FieldId], values: &[Value]) -> BuildResult<()> {
        let mut vi = 0;
        for &fid in fields {
            let field = file.field(fid);
            let Some(n) = field.name else {
                vi += 1;
                continue;
            };
            let v = values.get(vi).copied();
            vi += 1;
            let Some(v) = v else { return Err(unsupported("parameters that do not match the signature", self.pos(n.pos))) };
            if file.name_str(n) == "_" {
                continue;
            }
            let Some(o) = self.def_at(n.pos) else { continue };
            let pos = self.pos(n.pos);
            let t = self.local_type(o, pos)?;
            if is_memory(t) && !self.heap.contains(&o) {
                self.declare_local_at(o, v);
            } else {
                self.declare_local(o, pos)?;
                let op = if is_memory(t) { super::Operand::Mem(v) } else { super::Operand::Val(v) };
                self.set_local(o, op, pos)?;
            }
        }
        Ok(())
    }

    /// The function's entry: the receiver, the parameters, the named
    /// results (zeroed), and the heap variables of `body`.
    pub fn build_entry(&mut self, recv: Option<FieldId>, params: &[FieldId], results: &[FieldId], go_results: &[TypeId], body: StmtId) -> BuildResult<()> {
        let file = self.file();
        self.heap = super::vars::heap_vars(self.ctx, self.fi, body);
        self.has_defer = super::deferred::has_defer(file, body);
        let shape = super::move2heap::BodyShape { body, recv, params, results, has_defer: self.has_defer };
        self.slice_plan = super::move2heap::plan_body(self.ctx, self.fi, &shape, &self.heap);
        self.stack_appends = super::appendbuf::stack_appends(self.ctx, self.fi, body, &self.heap, &self.slice_plan);
        if self.has_defer {
            // Named results live in memory, where the landing block reads
            // them after a recovered panic.
            for &fid in results {
                if let Some(n) = file.field(fid).name
                    && let Some(o) = self.def_at(n.pos)
                {
                    self.force_memory.insert(o);
                }
            }
        }
        let rest = self.bind_results(go_results);
        let mut fields: Vec<FieldId> = Vec::new();
        if let Some(r) = recv {
            fields.push(r);
        }
        fields.extend_from_slice(params);
        // One value per name: expand `a, b int` groups is the parser's
        // job already (one field per name).
        self.bind_params(file, &fields, &rest)?;
        for &fid in results {
            let field = file.field(fid);
            if let Some(n) = field.name {
                let Some(o) = self.def_at(n.pos) else {
                    return Err(unsupported("a result the checker did not define", self.pos(n.pos)));
                };
                self.declare_local(o, self.pos(n.pos))?;
                if self.has_defer && self.in_memory(o) {
                    let p = self.read_var(o);
                    let pt = self.f.value_type(p);
                    let home = self.entry_first(InstKind::Alloca { ty: pt }, pointer_to(pt));
                    self.ins(InstKind::Store { addr: home, value: p }, &[], None);
                    self.result_homes.push(home);
                }
                if !self.in_memory(o) {
                    let t = self.local_type(o, self.pos(n.pos))?;
                    let b = self.block();
                    let z = zero_value(&mut self.f, b, t);
                    self.write_var(o, z);
                }
                self.named_results.push(o);
            }
        }
        Ok(())
    }

    /// The landing block (see `Function::landing`): the remaining deferred
    /// calls, then the named results' current values (zero values for
    /// unnamed results) are returned. Built after the body, from entry
    /// values only.
    fn build_landing(&mut self) -> BuildResult<()> {
        let open = self.cur.take();
        let landing = self.f.create_block();
        self.f.landing = Some(landing);
        let frame = self.frame_value(None);
        self.vars.seal(&mut self.f, landing, &mut zero_value);
        self.cur = Some(landing);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Deferreturn, args: vec![frame] }, &[], None);
        let mut regs = Vec::new();
        for (i, &t) in self.go_results.clone().iter().enumerate() {
            let v = match self.result_homes.get(i).copied() {
                // The named result's storage, or its zero value when the
                // panic came before the storage existed.
                Some(home) => {
                    let pt = self.f.value_type(home);
                    let cell_t = super::addr::pointee(pt).ok_or_else(|| unsupported("a result home", None))?;
                    let p = self.ins1(InstKind::Load { addr: home }, cell_t, None);
                    let raw = self.raw_ptr();
                    let pr = self.ins1(InstKind::Convert { arg: p }, raw, None);
                    let zero = self.ins1(InstKind::Const(Const::Zero), raw, None);
                    let none = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: pr, rhs: zero }, goxide_types::types::table().basic(goxide_types::types::BasicKind::Bool), None);
                    let fresh = self.ins1(InstKind::Alloca { ty: t }, pointer_to(t), None);
                    let freshr = self.ins1(InstKind::Convert { arg: fresh }, raw, None);
                    let join = self.f.create_block();
                    let jp = self.f.append_block_param(join, raw);
                    self.terminate(
                        InstKind::Branch {
                            cond: none,
                            then_dest: BlockCall { block: join, args: vec![freshr] },
                            else_dest: BlockCall { block: join, args: vec![pr] },
                        },
                        None,
                    );
                    self.vars.seal(&mut self.f, join, &mut zero_value);
                    self.cur = Some(join);
                    let p = self.ins1(InstKind::Convert { arg: jp }, pointer_to(t), None);
                    self.load_operand(p, None)
                }
                None if is_memory(t) => {
                    let p = self.ins1(InstKind::Alloca { ty: t }, pointer_to(t), None);
                    super::Operand::Mem(p)
                }
                None => super::Operand::Val(self.ins1(InstKind::Const(Const::Zero), t, None)),
            };
            match self.out_ptrs.get(i).copied().flatten() {
                Some(out) => self.store_operand(out, v, None)?,
                None => regs.push(self.operand_value(v, None)?),
            }
        }
        self.terminate(InstKind::Return { values: regs }, None);
        self.cur = open;
        Ok(())
    }

    /// An instruction with one result placed first in the entry block
    /// (before any call, so that the landing block may use it).
    pub fn entry_first(&mut self, kind: InstKind, ty: TypeId) -> Value {
        let inst = Inst::new(self.f.insts.len());
        let v = Value::new(self.f.values.len());
        self.f.values.push(ValueData { ty, def: ValueDef::Result(inst, 0) });
        self.f.insts.push(InstData { kind, results: vec![v], pos: None });
        self.f.blocks[0].insts.insert(0, inst);
        v
    }

    /// Records the Go results and binds the out-pointer parameters of the
    /// memory ones (they follow the closure context); returns the entry
    /// parameters after them — the Go parameters (`lower_signature`).
    pub fn bind_results(&mut self, go_results: &[TypeId]) -> Vec<Value> {
        let entry = self.f.blocks[0].params.clone();
        self.go_results = go_results.to_vec();
        let mut next = 1;
        for &r in go_results {
            if is_memory(r) {
                self.out_ptrs.push(entry.get(next).copied());
                next += 1;
            } else {
                self.out_ptrs.push(None);
            }
        }
        entry.get(next..).unwrap_or_default().to_vec()
    }

    /// A builder for generated function `sym` (a wrapper, a method-value
    /// or method-expression function) of Go signature `sig`, and its Go
    /// parameters' values.
    pub fn for_generated(&self, sym: String, sig: &super::GoSig, pos: Option<SrcPos>) -> (FnBuilder<'a>, Vec<Value>) {
        let (lp, lr) = crate::repr::lower_signature(&sig.params, &sig.results);
        let mut w = FnBuilder::new(self.ctx, self.fi, Function::new(sym.clone(), lp, lr, pos), sym);
        let params = w.bind_results(&sig.results);
        (w, params)
    }

    /// Declares generated function `sym` of Go signature `gsig` (a
    /// wrapper, a method-value or method-expression function), recorded
    /// under its name so it is made once: its id, its builder and its Go
    /// parameters' values.
    pub fn new_wrapper(&self, sym: String, gsig: &super::GoSig, pos: Option<SrcPos>) -> (FuncId, FnBuilder<'a>, Vec<Value>) {
        let (lp, lr) = crate::repr::lower_signature(&gsig.params, &gsig.results);
        let id = self.ctx.add_closure(Function::new(sym.clone(), lp, lr, pos));
        self.ctx.wrappers.borrow_mut().insert(sym.clone(), id);
        let (w, entry) = self.for_generated(sym, gsig, pos);
        (id, w, entry)
    }

    /// Parameter values of types `types` as operands (memory ones arrive
    /// as pointers to a copy the function owns).
    pub fn param_operands(params: &[Value], types: &[TypeId]) -> Vec<super::Operand> {
        params.iter().zip(types).map(|(&v, &t)| if is_memory(t) { super::Operand::Mem(v) } else { super::Operand::Val(v) }).collect()
    }

    /// A name for the next function literal in this function.
    pub fn next_closure_name(&mut self) -> String {
        self.closure_count += 1;
        if self.closure_prefix.contains(".func") {
            format!("{}.{}", self.closure_prefix, self.closure_count)
        } else {
            format!("{}.func{}", self.closure_prefix, self.closure_count)
        }
    }

    /// `unsafe.Pointer`, the IR's raw address type.
    pub fn raw_ptr(&self) -> TypeId {
        raw_pointer()
    }

    /// `[n]unsafe.Pointer`: the shape of a closure object.
    pub fn closure_object_type(n: usize) -> TypeId {
        table().intern(Type::Array { len: n as i64, elem: raw_pointer() })
    }

    /// Terminates what is open and seals everything.
    pub fn finish(mut self) -> BuildResult<Function> {
        if self.has_defer {
            self.build_landing()?;
        }
        if let Some(b) = self.cur {
            if self.f.results.is_empty() && self.go_results.is_empty() {
                if self.has_defer {
                    let frame = self.frame_value(None);
                    self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Deferreturn, args: vec![frame] }, &[], None);
                }
                let b = self.block();
                self.f.append_inst(b, InstKind::Return { values: vec![] }, &[], None);
            } else if self.f.terminator(b).is_none() {
                self.f.append_inst(b, InstKind::Unreachable, &[], None);
            }
            self.cur = None;
        }
        self.vars.seal_all(&mut self.f, &mut zero_value);
        for i in 0..self.f.blocks.len() {
            let b = BlockId::new(i);
            if self.f.terminator(b).is_none() {
                self.f.append_inst(b, InstKind::Unreachable, &[], None);
            }
        }
        Ok(self.f)
    }
}
