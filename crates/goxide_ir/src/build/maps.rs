//! Maps (gc's `walk/assign.go`, `walk/builtin.go`, `walk/range.go` for
//! maps): every operation is a runtime call with the map's type
//! descriptor (`*abi.MapType`) and keys passed by address (a frame
//! temporary), as gc's generic `mapaccess1`/`mapaccess2`/`mapassign`/
//! `mapdelete`/`mapclear`/`mapiterinit`/`mapiternext`.
//!
//! `len(m)` reads the map header's first word (the runtime contract puts
//! the element count there), 0 for a nil map. Iteration uses an iterator
//! of [`MAP_ITER_WORDS`] words in the frame whose first two words are the
//! current key's and element's addresses (null key: done).

use goxide_syntax::ast::ExprId;
use goxide_types::objects::SrcPos;
use goxide_types::types::{table, BasicKind, Type, TypeId};

use super::func::FnBuilder;
use super::{unsupported, BuildResult, Operand};
use crate::ir::*;
use crate::repr::{basic, pointer_to, raw_pointer};

/// The size of the runtime's map iterator, in words (the runtime contract,
/// "Maps").
pub(crate) const MAP_ITER_WORDS: i64 = 16;

/// The key and element types of map type `t`.
pub(crate) fn map_types(t: TypeId) -> Option<(TypeId, TypeId)> {
    let tab = table();
    match tab.get(tab.underlying(t)) {
        Type::Map { key, elem } => Some((*key, *elem)),
        _ => None,
    }
}

impl FnBuilder<'_> {
    /// `make(map[K]V, hint)`.
    pub fn make_map(&mut self, t: TypeId, hint: Option<ExprId>, pos: Option<SrcPos>) -> BuildResult<Value> {
        let n = match hint {
            Some(e) => {
                let v = self.expr(e)?;
                self.int_to_int64(v, pos)
            }
            None => self.ins1(InstKind::Const(Const::Int(0)), basic(BasicKind::Int64), pos),
        };
        let desc = self.ins1(InstKind::TypeDesc { ty: t }, raw_pointer(), pos);
        Ok(self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Makemap, args: vec![desc, n] }, t, pos))
    }

    /// A frame temporary holding key `k` (converted to the key type).
    pub fn key_slot(&mut self, key_t: TypeId, k: Operand, pos: Option<SrcPos>) -> BuildResult<Value> {
        let slot = self.ins1(InstKind::Alloca { ty: key_t }, pointer_to(key_t), pos);
        self.store_operand(slot, k, pos)?;
        Ok(self.ins1(InstKind::Convert { arg: slot }, raw_pointer(), pos))
    }

    /// `m[k]` (with `comma_ok`, also whether the key was there).
    pub fn map_index(&mut self, m: ExprId, k: ExprId, comma_ok: bool, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        let mt = self.type_of(m)?;
        let (key_t, elem_t) = map_types(mt).ok_or_else(|| unsupported("indexing this map", pos))?;
        let mv = self.expr(m)?;
        let kv = self.eval_to(k, key_t)?;
        let raw = raw_pointer();
        let slot = self.key_slot(key_t, kv, pos)?;
        let desc = self.ins1(InstKind::TypeDesc { ty: mt }, raw, pos);
        let mr = self.ins1(InstKind::Convert { arg: mv }, raw, pos);
        if comma_ok {
            let out = self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Mapaccess2, args: vec![desc, mr, slot] }, &[raw, basic(BasicKind::Bool)], pos);
            let p = self.ins1(InstKind::Convert { arg: out[0] }, pointer_to(elem_t), pos);
            let v = self.load_operand(p, pos);
            let v = self.copied(v, pos);
            Ok(vec![v, Operand::Val(out[1])])
        } else {
            let p = self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Mapaccess1, args: vec![desc, mr, slot] }, raw, pos);
            let p = self.ins1(InstKind::Convert { arg: p }, pointer_to(elem_t), pos);
            let v = self.load_operand(p, pos);
            Ok(vec![self.copied(v, pos)])
        }
    }

    /// A memory operand copied out of storage that may change (a map's).
    fn copied(&mut self, v: Operand, pos: Option<SrcPos>) -> Operand {
        match v {
            Operand::Mem(p) => Operand::Mem(self.temp_copy(p, pos)),
            v => v,
        }
    }

    /// The first phase of `m[k] = ...`: the map and the key's temporary.
    pub fn map_target(&mut self, m: ExprId, k: ExprId, pos: Option<SrcPos>) -> BuildResult<(Value, Value, TypeId)> {
        let mt = self.type_of(m)?;
        let (key_t, _) = map_types(mt).ok_or_else(|| unsupported("assigning to this map", pos))?;
        let mv = self.expr(m)?;
        let kv = self.eval_to(k, key_t)?;
        let slot = self.key_slot(key_t, kv, pos)?;
        Ok((mv, slot, mt))
    }

    /// The element's address for assigning (`mapassign`).
    pub fn map_assign_addr(&mut self, m: Value, slot: Value, mt: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let (_, elem_t) = map_types(mt).ok_or_else(|| unsupported("assigning to this map", pos))?;
        let raw = raw_pointer();
        let desc = self.ins1(InstKind::TypeDesc { ty: mt }, raw, pos);
        let mr = self.ins1(InstKind::Convert { arg: m }, raw, pos);
        let p = self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::Mapassign, args: vec![desc, mr, slot] }, raw, pos);
        Ok(self.ins1(InstKind::Convert { arg: p }, pointer_to(elem_t), pos))
    }

    /// `delete(m, k)`.
    pub fn map_delete(&mut self, m: ExprId, k: ExprId, pos: Option<SrcPos>) -> BuildResult<()> {
        let (mv, slot, mt) = self.map_target(m, k, pos)?;
        self.map_delete_slot(mv, slot, mt, pos);
        Ok(())
    }

    /// `delete(m, k)` of a map value `mv` of type `mt` and a key already
    /// of its key type (a deferred `delete`'s saved operands).
    pub fn map_delete_values(&mut self, mv: Value, mt: TypeId, key: Operand, pos: Option<SrcPos>) -> BuildResult<()> {
        let (key_t, _) = map_types(mt).ok_or_else(|| unsupported("delete", pos))?;
        let slot = self.key_slot(key_t, key, pos)?;
        self.map_delete_slot(mv, slot, mt, pos);
        Ok(())
    }

    fn map_delete_slot(&mut self, mv: Value, slot: Value, mt: TypeId, pos: Option<SrcPos>) {
        let raw = raw_pointer();
        let desc = self.ins1(InstKind::TypeDesc { ty: mt }, raw, pos);
        let mr = self.ins1(InstKind::Convert { arg: mv }, raw, pos);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Mapdelete, args: vec![desc, mr, slot] }, &[], pos);
    }

    /// `clear(m)`.
    pub fn map_clear(&mut self, m: Value, mt: TypeId, pos: Option<SrcPos>) {
        let raw = raw_pointer();
        let desc = self.ins1(InstKind::TypeDesc { ty: mt }, raw, pos);
        let mr = self.ins1(InstKind::Convert { arg: m }, raw, pos);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Mapclear, args: vec![desc, mr] }, &[], pos);
    }

    /// A map composite literal: `makemap`, then each key's assignment.
    pub fn map_literal(&mut self, t: TypeId, elems: &[ExprId], pos: Option<SrcPos>) -> BuildResult<Value> {
        let file = self.file();
        let (key_t, elem_t) = map_types(t).ok_or_else(|| unsupported("this literal", pos))?;
        let m = self.make_map(t, None, pos)?;
        for &el in elems {
            let goxide_syntax::ast::ExprKind::KeyValue { key, value } = file.expr(el).kind else {
                return Err(unsupported("a map literal element without a key", pos));
            };
            let kv = self.eval_to(key, key_t)?;
            let slot = self.key_slot(key_t, kv, pos)?;
            let v = self.eval_to(value, elem_t)?;
            let v = self.copied(v, pos);
            let p = self.map_assign_addr(m, slot, t, pos)?;
            self.store_operand(p, v, pos)?;
        }
        Ok(m)
    }

    /// `for k, v := range m`.
    #[allow(clippy::too_many_arguments)]
    pub fn range_map(&mut self, s: goxide_syntax::ast::StmtId, x: ExprId, key: Option<ExprId>, val: Option<ExprId>, def: bool, body: goxide_syntax::ast::StmtId, pos: Option<SrcPos>) -> BuildResult<()> {
        let mt = self.type_of(x)?;
        let (key_t, elem_t) = map_types(mt).ok_or_else(|| unsupported("ranging over this map", pos))?;
        let mv = self.expr(x)?;
        let raw = raw_pointer();
        let int = basic(BasicKind::Int);
        let it_t = table().intern(Type::Array { len: MAP_ITER_WORDS, elem: raw });
        let it = self.ins1(InstKind::Alloca { ty: it_t }, pointer_to(it_t), pos);
        let itr = self.ins1(InstKind::Convert { arg: it }, raw, pos);
        let desc = self.ins1(InstKind::TypeDesc { ty: mt }, raw, pos);
        let mr = self.ins1(InstKind::Convert { arg: mv }, raw, pos);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Mapiterinit, args: vec![desc, mr, itr] }, &[], pos);
        let header = self.f.create_block();
        let body_b = self.f.create_block();
        let cont = self.f.create_block();
        let exit = self.f.create_block();
        self.jump(header);
        self.switch_to(header);
        let words = self.ins1(InstKind::Convert { arg: it }, pointer_to(raw), pos);
        let kp = self.ins1(InstKind::Load { addr: words }, raw, pos);
        let zero = self.ins1(InstKind::Const(Const::Zero), raw, pos);
        let more = self.ins1(InstKind::Compare { op: CompareOp::Ne, lhs: kp, rhs: zero }, basic(BasicKind::Bool), pos);
        self.branch(more, body_b, exit);
        self.seal(body_b);
        self.switch_to(body_b);
        let mut assigns = Vec::new();
        if let Some(k) = key {
            let p = self.ins1(InstKind::Convert { arg: kp }, pointer_to(key_t), pos);
            let v = self.load_operand(p, pos);
            assigns.push((k, self.copied(v, pos)));
        }
        if let Some(v) = val {
            let one = self.ins1(InstKind::Const(Const::Int(1)), int, pos);
            let ep = self.ins1(InstKind::ElemAddr { base: words, index: one }, pointer_to(raw), pos);
            let e = self.ins1(InstKind::Load { addr: ep }, raw, pos);
            let p = self.ins1(InstKind::Convert { arg: e }, pointer_to(elem_t), pos);
            let ev = self.load_operand(p, pos);
            assigns.push((v, self.copied(ev, pos)));
        }
        for (e, v) in assigns {
            let t = self.lhs_target(e, def)?;
            self.assign_to(t, v, pos)?;
        }
        self.loop_body(s, body, exit, cont)?;
        self.seal(cont);
        self.switch_to(cont);
        self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Mapiternext, args: vec![itr] }, &[], pos);
        self.jump(header);
        self.seal(header);
        self.seal(exit);
        self.switch_to(exit);
        Ok(())
    }
}
