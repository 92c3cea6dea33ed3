//! Channels and `select` (gc's `walk/select.go`, `walk/range.go` for
//! `for range ch`, and the channel builtins), calling the runtime's
//! `makechan`, `chansend1`, `chanrecv1`/`chanrecv2`, `closechan` and
//! `selectgo` (goxide_runtime's `chan.rs`/`select.rs`). Values travel by
//! address: a frame temporary holds the value sent or received.
//!
//! `len` and `cap` of a channel read `hchan.qcount` (offset 0) and
//! `hchan.dataqsiz` (offset 8) inline, 0 for a nil channel.
//!
//! `select` builds gc's `scase` array (sends first, then receives, in
//! source order within each group), a poll/lock order array of twice as
//! many `uint16`s, and calls `selectgo(cas0, order0, nsends, nrecvs,
//! block)`; `block` is false when there is a `default` clause, and
//! `chosen < 0` then means the default. A receive clause assigns its
//! variables (declared anew with `:=`) from the temporary before its
//! body.

use goxide_syntax::ast::{ExprId, ExprKind, List, StmtId, StmtKind};
use goxide_syntax::token::Operator;
use goxide_types::objects::SrcPos;
use goxide_types::types::{table, BasicKind, Type, TypeId};

use super::func::FnBuilder;
use super::{type_name, unsupported, BuildResult, Operand};
use crate::ir::*;
use crate::repr::{basic, pointer_to, raw_pointer};

/// The element type of channel type `t`.
pub(crate) fn chan_elem(t: TypeId) -> Option<TypeId> {
    let tab = table();
    match tab.get(tab.underlying(t)) {
        Type::Chan { elem, .. } => Some(*elem),
        _ => None,
    }
}

/// One case of a `select`.
struct Case {
    clause: usize,
    chan: Value,
    /// The temporary the value is sent from or received into.
    slot: Value,
    /// For a receive: its assignment (`v, ok := <-c`).
    recv_assign: Option<StmtId>,
}

impl FnBuilder<'_> {
    /// `make(chan T, n)`.
    pub fn make_chan(&mut self, t: TypeId, size: Option<ExprId>, pos: Option<SrcPos>) -> BuildResult<Value> {
        let n = match size {
            Some(e) => {
                let v = self.expr(e)?;
                self.int_to_int64(v, pos)
            }
            None => self.ins1(InstKind::Const(Const::Int(0)), basic(BasicKind::Int64), pos),
        };
        let desc = self.ins1(InstKind::TypeDesc { ty: t }, raw_pointer(), pos);
        Ok(self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Makechan, args: vec![desc, n] }, t, pos))
    }

    /// `ch <- v`.
    pub fn send_stmt(&mut self, ch: ExprId, value: ExprId, pos: Option<SrcPos>) -> BuildResult<()> {
        let ct = self.type_of(ch)?;
        let elem = chan_elem(ct).ok_or_else(|| unsupported(format!("sending on {}", type_name(ct)), pos))?;
        let c = self.expr(ch)?;
        let v = self.eval_to(value, elem)?;
        let slot = self.ins1(InstKind::Alloca { ty: elem }, pointer_to(elem), pos);
        self.store_operand(slot, v, pos)?;
        let (c, s) = self.raw_pair(c, slot, pos);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Chansend1, args: vec![c, s] }, &[], pos);
        Ok(())
    }

    fn raw_pair(&mut self, c: Value, slot: Value, pos: Option<SrcPos>) -> (Value, Value) {
        let raw = raw_pointer();
        let c = self.ins1(InstKind::Convert { arg: c }, raw, pos);
        let s = self.ins1(InstKind::Convert { arg: slot }, raw, pos);
        (c, s)
    }

    /// `<-ch`: the value, and with `comma_ok` whether it was sent.
    pub fn recv_expr(&mut self, ch: ExprId, comma_ok: bool, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        let ct = self.type_of(ch)?;
        let elem = chan_elem(ct).ok_or_else(|| unsupported(format!("receiving from {}", type_name(ct)), pos))?;
        let c = self.expr(ch)?;
        let slot = self.ins1(InstKind::Alloca { ty: elem }, pointer_to(elem), pos);
        let (c, s) = self.raw_pair(c, slot, pos);
        if comma_ok {
            let ok = self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Chanrecv2, args: vec![c, s] }, basic(BasicKind::Bool), pos);
            let v = self.load_operand(slot, pos);
            Ok(vec![v, Operand::Val(ok)])
        } else {
            self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Chanrecv1, args: vec![c, s] }, &[], pos);
            Ok(vec![self.load_operand(slot, pos)])
        }
    }

    /// `close(ch)`.
    pub fn close_chan(&mut self, ch: ExprId, pos: Option<SrcPos>) -> BuildResult<()> {
        let c = self.expr(ch)?;
        let raw = raw_pointer();
        let c = self.ins1(InstKind::Convert { arg: c }, raw, pos);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Closechan, args: vec![c] }, &[], pos);
        Ok(())
    }

    /// `len(ch)` or `cap(ch)`: the word at `offset` of the `hchan`, 0 for
    /// nil.
    pub fn chan_len_cap(&mut self, c: Value, offset: i64, pos: Option<SrcPos>) -> Value {
        let int = basic(BasicKind::Int);
        let raw = raw_pointer();
        let bool_t = basic(BasicKind::Bool);
        let p = self.ins1(InstKind::Convert { arg: c }, raw, pos);
        let zero_p = self.ins1(InstKind::Const(Const::Zero), raw, pos);
        let is_nil = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: p, rhs: zero_p }, bool_t, pos);
        let load = self.f.create_block();
        let join = self.f.create_block();
        let r = self.f.append_block_param(join, int);
        let zero = self.ins1(InstKind::Const(Const::Int(0)), int, pos);
        self.terminate(
            InstKind::Branch { cond: is_nil, then_dest: BlockCall { block: join, args: vec![zero] }, else_dest: BlockCall { block: load, args: vec![] } },
            pos,
        );
        self.seal(load);
        self.switch_to(load);
        let words = self.ins1(InstKind::Convert { arg: p }, pointer_to(int), pos);
        let idx = self.ins1(InstKind::Const(Const::Int(offset / 8)), int, pos);
        let wp = self.ins1(InstKind::ElemAddr { base: words, index: idx }, pointer_to(int), pos);
        let v = self.ins1(InstKind::Load { addr: wp }, int, pos);
        self.terminate(InstKind::Jump { dest: BlockCall { block: join, args: vec![v] } }, pos);
        self.seal(join);
        self.switch_to(join);
        r
    }

    /// `for v := range ch`: receive until the channel is closed.
    pub fn range_chan(&mut self, s: StmtId, x: ExprId, key: Option<ExprId>, def: bool, body: StmtId, pos: Option<SrcPos>) -> BuildResult<()> {
        let ct = self.type_of(x)?;
        let elem = chan_elem(ct).ok_or_else(|| unsupported("ranging over this channel", pos))?;
        let c = self.expr(x)?;
        let header = self.f.create_block();
        let body_b = self.f.create_block();
        let exit = self.f.create_block();
        self.jump(header);
        self.switch_to(header);
        let slot = self.ins1(InstKind::Alloca { ty: elem }, pointer_to(elem), pos);
        let (cr, sr) = self.raw_pair(c, slot, pos);
        let ok = self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Chanrecv2, args: vec![cr, sr] }, basic(BasicKind::Bool), pos);
        self.branch(ok, body_b, exit);
        self.seal(body_b);
        self.switch_to(body_b);
        if let Some(k) = key {
            let v = self.load_operand(slot, pos);
            let t = self.lhs_target(k, def)?;
            self.assign_to(t, v, pos)?;
        }
        self.loop_body(s, body, exit, header)?;
        self.seal(header);
        self.seal(exit);
        self.switch_to(exit);
        Ok(())
    }

    /// A `select` statement.
    pub fn select_stmt(&mut self, s: StmtId, body: List<StmtId>, pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        let clauses = file.stmts_of(body).to_vec();
        let mut sends: Vec<Case> = Vec::new();
        let mut recvs: Vec<Case> = Vec::new();
        let mut default = None;
        // Channels and sent values are evaluated in source order.
        for (i, &c) in clauses.iter().enumerate() {
            let StmtKind::CommClause { comm, .. } = file.stmt(c).kind else { return Err(unsupported("a select clause", pos)) };
            let Some(comm) = comm else {
                default = Some(i);
                continue;
            };
            let cpos = self.pos(file.stmt(comm).pos);
            match file.stmt(comm).kind {
                StmtKind::Send { chan, value } => {
                    let ct = self.type_of(chan)?;
                    let elem = chan_elem(ct).ok_or_else(|| unsupported("this send", cpos))?;
                    let ch = self.expr(chan)?;
                    let v = self.eval_to(value, elem)?;
                    let slot = self.ins1(InstKind::Alloca { ty: elem }, pointer_to(elem), cpos);
                    self.store_operand(slot, v, cpos)?;
                    sends.push(Case { clause: i, chan: ch, slot, recv_assign: None });
                }
                StmtKind::Expr(e) | StmtKind::Assign { rhs: Some(e), .. } => {
                    let e = file.unparen(e);
                    let ExprKind::Operation { op: Operator::Recv, x: chan, y: None } = file.expr(e).kind else {
                        return Err(unsupported("this select case", cpos));
                    };
                    let ct = self.type_of(chan)?;
                    let elem = chan_elem(ct).ok_or_else(|| unsupported("this receive", cpos))?;
                    let ch = self.expr(chan)?;
                    let slot = self.ins1(InstKind::Alloca { ty: elem }, pointer_to(elem), cpos);
                    let assign = matches!(file.stmt(comm).kind, StmtKind::Assign { .. }).then_some(comm);
                    recvs.push(Case { clause: i, chan: ch, slot, recv_assign: assign });
                }
                _ => return Err(unsupported("this select case", cpos)),
            }
        }
        let n = sends.len() + recvs.len();
        let raw = raw_pointer();
        let int = basic(BasicKind::Int);
        let int64 = basic(BasicKind::Int64);
        let u16t = basic(BasicKind::Uint16);
        // scase array: [n][2]unsafe.Pointer; order: [2n]uint16.
        let scase_t = table().intern(Type::Array { len: (2 * n.max(1)) as i64, elem: raw });
        let cases_p = self.ins1(InstKind::Alloca { ty: scase_t }, pointer_to(scase_t), pos);
        let words = self.ins1(InstKind::Convert { arg: cases_p }, pointer_to(raw), pos);
        for (k, case) in sends.iter().chain(recvs.iter()).enumerate() {
            let (c, sl) = self.raw_pair(case.chan, case.slot, pos);
            for (j, v) in [c, sl].into_iter().enumerate() {
                let idx = self.ins1(InstKind::Const(Const::Int((2 * k + j) as i64)), int, pos);
                let wp = self.ins1(InstKind::ElemAddr { base: words, index: idx }, pointer_to(raw), pos);
                self.ins(InstKind::Store { addr: wp, value: v }, &[], pos);
            }
        }
        let order_t = table().intern(Type::Array { len: (2 * n.max(1)) as i64, elem: u16t });
        let order_p = self.ins1(InstKind::Alloca { ty: order_t }, pointer_to(order_t), pos);
        let cas0 = self.ins1(InstKind::Convert { arg: cases_p }, raw, pos);
        let order0 = self.ins1(InstKind::Convert { arg: order_p }, raw, pos);
        let ns = self.ins1(InstKind::Const(Const::Int(sends.len() as i64)), int64, pos);
        let nr = self.ins1(InstKind::Const(Const::Int(recvs.len() as i64)), int64, pos);
        let block = self.ins1(InstKind::Const(Const::Bool(default.is_none())), basic(BasicKind::Bool), pos);
        let out = self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Selectgo, args: vec![cas0, order0, ns, nr, block] }, &[int64, int64], pos);
        let (chosen, recv_ok) = (out[0], out[1]);
        // Dispatch on `chosen`.
        let exit = self.f.create_block();
        let bodies: Vec<BlockId> = clauses.iter().map(|_| self.f.create_block()).collect();
        let bool_t = basic(BasicKind::Bool);
        let ordered: Vec<&Case> = sends.iter().chain(recvs.iter()).collect();
        for (k, case) in ordered.iter().enumerate() {
            let kv = self.ins1(InstKind::Const(Const::Int(k as i64)), int64, pos);
            let hit = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: chosen, rhs: kv }, bool_t, pos);
            let next = self.f.create_block();
            self.branch(hit, bodies[case.clause], next);
            self.seal(next);
            self.switch_to(next);
        }
        match default {
            Some(d) => self.jump(bodies[d]),
            None => self.terminate(InstKind::Unreachable, pos),
        }
        self.clause_bodies(s, &clauses, &bodies, exit, false, |b, i, _| match recvs.iter().find(|r| r.clause == i) {
            Some(Case { recv_assign: Some(assign), slot, .. }) => b.assign_received(*assign, *slot, recv_ok, pos),
            _ => Ok(()),
        })
    }

    /// The assignment of a receive case (`v := <-c`, `v, ok = <-c`).
    fn assign_received(&mut self, assign: StmtId, slot: Value, recv_ok: Value, pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        let StmtKind::Assign { op, lhs, .. } = file.stmt(assign).kind else { return Ok(()) };
        let define = op == Operator::Def;
        let list = file.unpack_list(Some(lhs));
        let v = self.load_operand(slot, pos);
        let zero = self.ins1(InstKind::Const(Const::Zero), basic(BasicKind::Int64), pos);
        let ok = self.ins1(InstKind::Compare { op: CompareOp::Ne, lhs: recv_ok, rhs: zero }, basic(BasicKind::Bool), pos);
        let vals = [v, Operand::Val(ok)];
        for (l, val) in list.into_iter().zip(vals) {
            let t = self.lhs_target(l, define)?;
            self.assign_to(t, val, pos)?;
        }
        Ok(())
    }
}
