//! Addressing: variables' storage, selectors through embedded fields,
//! index and slice expressions with their bounds checks, composite
//! literals, and moving values between storage (gc's `ssagen`
//! `state.addr`, `walk/complit.go`, `ssagen` `slice`).
//!
//! Checks are explicit instructions: `NilCheck` before going through a
//! pointer that may be nil, `BoundsCheck` of the kind gc reports (index,
//! then slice bounds high to low: `s[l:h:m]` checks `m <= cap`, `h <= m`,
//! `l <= h`, as `ssagen` does), so each failure panics with gc's message.
//!
//! Invariant: an address built here has a pointer type whose element is
//! the designated value's type; loads and stores go through
//! [`FnBuilder::load_operand`] and [`FnBuilder::store_operand`], which
//! copy memory values whole.

use goxide_syntax::ast::{ExprId, ExprKind, Name};
use goxide_syntax::token::Operator;
use goxide_types::check::SelectionKind;
use goxide_types::objects::SrcPos;
use goxide_types::types::{table, BasicKind, Type, TypeId};

use super::func::FnBuilder;
use super::{type_name, unsupported, value_type, BuildResult, Operand};
use crate::ir::*;
use crate::repr::{basic, is_memory, pointer_to};

/// The element type of pointer type `t` (through its name).
pub(crate) fn pointee(t: TypeId) -> Option<TypeId> {
    let tab = table();
    match tab.get(tab.underlying(t)) {
        Type::Pointer(e) => Some(*e),
        _ => None,
    }
}

impl FnBuilder<'_> {
    pub fn global_addr(&mut self, g: GlobalId, pos: Option<SrcPos>) -> Value {
        let ty = self.global_type(g);
        self.ins1(InstKind::GlobalAddr { global: g }, pointer_to(ty), pos)
    }

    /// The type of global `g`.
    pub fn global_type(&self, g: GlobalId) -> TypeId {
        self.ctx.global_types[g.index()]
    }

    /// The value at `p`: loaded, or the address itself for memory.
    pub fn load_operand(&mut self, p: Value, pos: Option<SrcPos>) -> Operand {
        let pt = self.f.value_type(p);
        match pointee(pt) {
            Some(t) if !is_memory(t) => Operand::Val(self.ins1(InstKind::Load { addr: p }, t, pos)),
            _ => Operand::Mem(p),
        }
    }

    /// Stores `v` (assignable to the pointee's type) at `p`.
    pub fn store_operand(&mut self, p: Value, v: Operand, pos: Option<SrcPos>) -> BuildResult<()> {
        let pt = self.f.value_type(p);
        let Some(t) = pointee(pt) else { return Err(unsupported("a store through a non-pointer", pos)) };
        match self.convert_operand(v, t, pos)? {
            Operand::Val(v) => {
                self.ins(InstKind::Store { addr: p, value: v }, &[], pos);
            }
            Operand::Mem(q) => {
                let q = self.coerce(q, pt, pos);
                self.ins(InstKind::Copy { dst: p, src: q }, &[], pos);
            }
        }
        Ok(())
    }

    /// A frame temporary holding a copy of `*p`.
    pub fn temp_copy(&mut self, p: Value, pos: Option<SrcPos>) -> Value {
        let pt = self.f.value_type(p);
        let t = pointee(pt).unwrap_or_else(|| self.raw_ptr());
        let tmp = self.ins1(InstKind::Alloca { ty: t }, pt, pos);
        self.ins(InstKind::Copy { dst: tmp, src: p }, &[], pos);
        tmp
    }

    /// `&x` (expression `e`): a new heap variable for `&T{...}`, else the
    /// operand's address.
    pub fn address_of(&mut self, e: ExprId, x: ExprId) -> BuildResult<Value> {
        let file = self.file();
        let pos = self.expr_pos(e);
        let xu = file.unparen(x);
        if let ExprKind::CompositeLit { .. } = file.expr(xu).kind {
            let t = self.type_of(xu)?;
            let p = self.ins1(InstKind::New { ty: t }, pointer_to(t), pos);
            let v = self.eval(xu)?;
            self.store_operand(p, v, pos)?;
            let want = self.type_of(e)?;
            return Ok(self.coerce(p, want, pos));
        }
        let p = self.addr(x)?;
        let want = self.type_of(e)?;
        Ok(self.coerce(p, want, pos))
    }

    /// The address of an addressable expression (or of a memory value's
    /// storage, for reading).
    pub fn addr(&mut self, e: ExprId) -> BuildResult<Value> {
        let file = self.file();
        let pos = self.expr_pos(e);
        let e = file.unparen(e);
        match file.expr(e).kind {
            ExprKind::Name(n) => {
                let Some(&o) = self.ctx.input.info.uses.get(&(self.fnum(), n.pos)) else {
                    return Err(unsupported("a name the checker did not resolve", pos));
                };
                if let Some(&g) = self.ctx.globals.get(&o) {
                    return Ok(self.global_addr(g, pos));
                }
                if self.in_memory(o) {
                    return Ok(self.read_var(o));
                }
                Err(unsupported("the address of a register variable (an escape analysis bug)", pos))
            }
            ExprKind::Operation { op: Operator::Mul, x, y: None } => {
                let p = self.expr(x)?;
                self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
                Ok(p)
            }
            ExprKind::Selector { x, sel } => self.field_addr(e, x, sel),
            ExprKind::Index { x, index } if !self.is_map(x) => {
                let (base, len) = self.indexable(x)?;
                let i = self.expr(index)?;
                Ok(self.checked_elem(base, i, len, pos))
            }
            _ => match self.eval(e)? {
                Operand::Mem(p) => Ok(p),
                Operand::Val(_) => Err(unsupported("the address of this expression", pos)),
            },
        }
    }

    /// Whether `x`'s type is a map.
    pub fn is_map(&self, x: ExprId) -> bool {
        self.type_of(x).is_ok_and(|t| matches!(table().get(table().underlying(t)), Type::Map { .. }))
    }

    /// The elements of an array, pointer to array, slice or string `x`:
    /// a pointer to the first and the length.
    pub fn indexable(&mut self, x: ExprId) -> BuildResult<(Value, Value)> {
        let pos = self.expr_pos(x);
        let t = self.type_of(x)?;
        let tab = table();
        let int = basic(BasicKind::Int);
        match tab.get(tab.underlying(t)).clone() {
            Type::Array { len, elem } => {
                let p = self.addr(x)?;
                let base = self.ins1(InstKind::Convert { arg: p }, pointer_to(elem), pos);
                let n = self.ins1(InstKind::Const(Const::Int(len)), int, pos);
                Ok((base, n))
            }
            Type::Pointer(a) => {
                let Type::Array { len, elem } = tab.get(tab.underlying(a)).clone() else {
                    return Err(unsupported("indexing this pointer", pos));
                };
                let p = self.expr(x)?;
                self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
                let base = self.ins1(InstKind::Convert { arg: p }, pointer_to(elem), pos);
                let n = self.ins1(InstKind::Const(Const::Int(len)), int, pos);
                Ok((base, n))
            }
            Type::Slice(elem) => {
                let s = self.expr(x)?;
                let base = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(elem), pos);
                let n = self.ins1(InstKind::Extract { arg: s, n: 1 }, int, pos);
                Ok((base, n))
            }
            Type::Basic(BasicKind::String) => {
                let s = self.expr(x)?;
                let base = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(basic(BasicKind::Uint8)), pos);
                let n = self.ins1(InstKind::StringLen { arg: s }, int, pos);
                Ok((base, n))
            }
            _ => Err(unsupported(format!("indexing {}", type_name(t)), pos)),
        }
    }

    /// The address of element `index` of `len` elements at `base`, after
    /// the bounds check.
    pub fn checked_elem(&mut self, base: Value, index: Value, len: Value, pos: Option<SrcPos>) -> Value {
        self.ins(InstKind::BoundsCheck { kind: BoundsKind::Index, index, len }, &[], pos);
        let pt = self.f.value_type(base);
        self.ins1(InstKind::ElemAddr { base, index }, pt, pos)
    }

    /// `x[index]` (not a map).
    pub fn index_expr(&mut self, e: ExprId, x: ExprId, index: ExprId) -> BuildResult<Operand> {
        let pos = self.expr_pos(e);
        if self.is_map(x) {
            let mut v = self.map_index(x, index, false, pos)?;
            return v.pop().ok_or_else(|| unsupported("this map index", pos));
        }
        let (base, len) = self.indexable(x)?;
        let i = self.expr(index)?;
        let p = self.checked_elem(base, i, len, pos);
        Ok(self.load_operand(p, pos))
    }

    /// `x.sel`: a field (through embedded fields, following pointers).
    pub fn selector(&mut self, e: ExprId, x: ExprId, sel: Name) -> BuildResult<Operand> {
        let pos = self.expr_pos(e);
        let Some(s) = self.ctx.input.info.selections.get(&(self.fnum(), e)).cloned() else {
            return Err(unsupported("this selector", pos));
        };
        match s.kind {
            SelectionKind::FieldVal => {
                let p = self.field_addr(e, x, sel)?;
                Ok(self.load_operand(p, pos))
            }
            SelectionKind::MethodVal => Ok(Operand::Val(self.method_value(e, x, &s)?)),
            SelectionKind::MethodExpr => Ok(Operand::Val(self.method_expr(e, &s)?)),
        }
    }

    /// The address of field selector `e` = `x.sel`.
    fn field_addr(&mut self, e: ExprId, x: ExprId, _sel: Name) -> BuildResult<Value> {
        let pos = self.expr_pos(e);
        let Some(s) = self.ctx.input.info.selections.get(&(self.fnum(), e)).cloned() else {
            return Err(unsupported("this selector", pos));
        };
        if s.kind != SelectionKind::FieldVal {
            return Err(unsupported("the address of a method", pos));
        }
        let xt = self.type_of(x)?;
        if pointee(xt).is_some() {
            let p = self.expr(x)?;
            self.ins(InstKind::NilCheckField { ptr: p, field: s.path.first().copied().unwrap_or(0) }, &[], pos);
            return self.walk_path(p, &s.path, pos);
        }
        let base = self.addr(x)?;
        self.walk_path(base, &s.path, pos)
    }

    /// The storage of `x` for selecting from it: a pointer to the struct
    /// (checked for nil when `x` is a pointer).
    pub fn receiver_base(&mut self, x: ExprId) -> BuildResult<Value> {
        let pos = self.expr_pos(x);
        let xt = self.type_of(x)?;
        if pointee(xt).is_some() {
            let p = self.expr(x)?;
            self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
            Ok(p)
        } else {
            self.addr(x)
        }
    }

    /// Follows field `path` from `base` (a pointer to a struct): each
    /// step a field; an embedded pointer field on the way is loaded and
    /// checked. Returns the last field's address.
    pub fn walk_path(&mut self, mut base: Value, path: &[usize], pos: Option<SrcPos>) -> BuildResult<Value> {
        let tab = table();
        for (k, &i) in path.iter().enumerate() {
            let bt = self.f.value_type(base);
            let Some(st) = pointee(bt) else { return Err(unsupported("a selector through a non-pointer", pos)) };
            let Type::Struct(fields) = tab.get(tab.underlying(st)).clone() else {
                return Err(unsupported("a selector of a non-struct", pos));
            };
            let Some(fd) = fields.get(i) else { return Err(unsupported("a field the type does not have", pos)) };
            let ft = value_type(fd.var.typ, "fields", pos)?;
            let fp = self.ins1(InstKind::FieldAddr { base, field: i }, pointer_to(ft), pos);
            base = fp;
            if k + 1 < path.len() && pointee(ft).is_some() {
                let p = self.ins1(InstKind::Load { addr: fp }, ft, pos);
                self.ins(InstKind::NilCheckField { ptr: p, field: path[k + 1] }, &[], pos);
                base = p;
            }
        }
        Ok(base)
    }

    /// `x[lo:hi:max]` of a string, slice, array or pointer to array.
    pub fn slice_expr(&mut self, e: ExprId, x: ExprId, index: [Option<ExprId>; 3]) -> BuildResult<Value> {
        let pos = self.expr_pos(e);
        let rt = self.type_of(e)?;
        let xt = self.type_of(x)?;
        let tab = table();
        let int = basic(BasicKind::Int);
        // The operand as (base, len, cap, is_string).
        let (base, len, cap, is_string, elem) = match tab.get(tab.underlying(xt)).clone() {
            Type::Basic(BasicKind::String) => {
                let s = self.expr(x)?;
                let u8t = basic(BasicKind::Uint8);
                let base = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(u8t), pos);
                let n = self.ins1(InstKind::StringLen { arg: s }, int, pos);
                (base, n, n, true, u8t)
            }
            Type::Slice(elem) => {
                let s = self.expr(x)?;
                let base = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(elem), pos);
                let n = self.ins1(InstKind::Extract { arg: s, n: 1 }, int, pos);
                let c = self.ins1(InstKind::Extract { arg: s, n: 2 }, int, pos);
                (base, n, c, false, elem)
            }
            Type::Array { .. } | Type::Pointer(_) => {
                let (base, n) = self.indexable(x)?;
                let elem = pointee(self.f.value_type(base)).unwrap_or_else(|| tab.invalid());
                (base, n, n, false, elem)
            }
            _ => return Err(unsupported(format!("slicing {}", type_name(xt)), pos)),
        };
        // Each index widened to 64 bits keeping its signedness, which the
        // bounds checks report (`[:18446744073709551615]`, not `[:-1]`:
        // gc's `panicSlice*U`); the arithmetic below is on int64.
        let ev = |b: &mut Self, i: Option<ExprId>| -> BuildResult<Option<Value>> {
            match i {
                Some(i) => {
                    let v = b.expr(i)?;
                    Ok(Some(b.int_to_64(v, pos)))
                }
                None => Ok(None),
            }
        };
        let lo = ev(self, index[0])?;
        let hi = ev(self, index[1])?;
        let max = ev(self, index[2])?;
        let int64 = basic(BasicKind::Int64);
        let len64 = self.coerce(len, int64, pos);
        let cap64 = self.coerce(cap, int64, pos);
        let (hi, max) = if let Some(m) = max {
            let cap_kind = if is_array_like(&tab.get(tab.underlying(xt)).clone()) { BoundsKind::Slice3Alen } else { BoundsKind::Slice3Acap };
            self.ins(InstKind::BoundsCheck { kind: cap_kind, index: m, len: cap64 }, &[], pos);
            let h = hi.unwrap_or(m);
            if hi.is_some() {
                self.ins(InstKind::BoundsCheck { kind: BoundsKind::Slice3B, index: h, len: m }, &[], pos);
            }
            if let Some(l) = lo {
                self.ins(InstKind::BoundsCheck { kind: BoundsKind::Slice3C, index: l, len: h }, &[], pos);
            }
            (h, m)
        } else {
            let h = match hi {
                Some(h) => {
                    let kind = if is_string || is_array_like(&tab.get(tab.underlying(xt)).clone()) { BoundsKind::SliceAlen } else { BoundsKind::SliceAcap };
                    let bound = if is_string { len64 } else { cap64 };
                    self.ins(InstKind::BoundsCheck { kind, index: h, len: bound }, &[], pos);
                    h
                }
                None => len64,
            };
            if let Some(l) = lo {
                self.ins(InstKind::BoundsCheck { kind: BoundsKind::SliceB, index: l, len: h }, &[], pos);
            }
            (h, cap64)
        };
        let lo = match lo {
            Some(l) => self.coerce(l, int64, pos),
            None => self.ins1(InstKind::Const(Const::Int(0)), int64, pos),
        };
        let (hi, max) = (self.coerce(hi, int64, pos), self.coerce(max, int64, pos));
        let new_len = self.ins1(InstKind::Binary { op: BinaryOp::Sub, lhs: hi, rhs: lo }, int64, pos);
        let new_len = self.coerce(new_len, int, pos);
        let ptr = self.ins1(InstKind::ElemAddr { base, index: lo }, pointer_to(elem), pos);
        if is_string {
            let raw = self.ins1(InstKind::Convert { arg: ptr }, pointer_to(basic(BasicKind::Uint8)), pos);
            return Ok(self.ins1(InstKind::Compose { parts: vec![raw, new_len] }, rt, pos));
        }
        let new_cap = self.ins1(InstKind::Binary { op: BinaryOp::Sub, lhs: max, rhs: lo }, int64, pos);
        let new_cap = self.coerce(new_cap, int, pos);
        Ok(self.ins1(InstKind::Compose { parts: vec![ptr, new_len, new_cap] }, rt, pos))
    }

    /// A composite literal: a frame temporary for a struct or array, a
    /// new heap array behind a slice, a new heap variable for an elided
    /// `&T{...}`.
    pub fn composite_lit(&mut self, e: ExprId) -> BuildResult<Operand> {
        let file = self.file();
        let pos = self.expr_pos(e);
        let ExprKind::CompositeLit { elems, .. } = file.expr(e).kind else { return Err(unsupported("this literal", pos)) };
        let elems = file.exprs_of(elems).to_vec();
        let t = self.type_of(e)?;
        let tab = table();
        if let Some(base) = pointee(t) {
            // An elided `&T{...}` in a literal of pointers.
            let p = self.ins1(InstKind::New { ty: base }, pointer_to(base), pos);
            self.fill_literal(p, base, &elems, pos)?;
            return Ok(Operand::Val(self.coerce(p, t, pos)));
        }
        match tab.get(tab.underlying(t)).clone() {
            Type::Struct(_) | Type::Array { .. } => {
                let p = self.ins1(InstKind::Alloca { ty: t }, pointer_to(t), pos);
                self.fill_literal(p, t, &elems, pos)?;
                Ok(Operand::Mem(p))
            }
            Type::Slice(elem) => {
                let n = self.literal_length(&elems)?;
                let arr_t = tab.intern(Type::Array { len: n, elem });
                let p = self.ins1(InstKind::New { ty: arr_t }, pointer_to(arr_t), pos);
                self.fill_literal(p, arr_t, &elems, pos)?;
                let base = self.ins1(InstKind::Convert { arg: p }, pointer_to(elem), pos);
                let int = basic(BasicKind::Int);
                let nv = self.ins1(InstKind::Const(Const::Int(n)), int, pos);
                Ok(Operand::Val(self.ins1(InstKind::Compose { parts: vec![base, nv, nv] }, t, pos)))
            }
            Type::Map { .. } => Ok(Operand::Val(self.map_literal(t, &elems, pos)?)),
            _ => Err(unsupported(format!("composite literals of type {}", type_name(t)), pos)),
        }
    }

    /// The length of an array or slice literal: one past the largest
    /// index (keys are constants).
    fn literal_length(&self, elems: &[ExprId]) -> BuildResult<i64> {
        let file = self.file();
        let mut next = 0i64;
        let mut n = 0i64;
        for &el in elems {
            if let ExprKind::KeyValue { key, .. } = file.expr(el).kind {
                let Some(k) = self.constant_of(key) else { return Err(unsupported("a non-constant index in a literal", self.expr_pos(key))) };
                next = k.int64_val().0;
            }
            next += 1;
            n = n.max(next);
        }
        Ok(n)
    }

    /// The field indices from struct type `t` to the promoted field that
    /// literal key `key` names (types2's `lookupFieldOrMethod` path).
    fn promoted_field_path(&self, t: TypeId, key: ExprId, pos: Option<SrcPos>) -> BuildResult<Vec<usize>> {
        let file = self.file();
        let ExprKind::Name(n) = file.expr(key).kind else { return Err(unsupported("this field key", pos)) };
        let pkg = self.ctx.input.info.uses.get(&(self.fnum(), n.pos)).and_then(|&o| goxide_types::objects::object(o).pkg);
        let name = goxide_types::symbol::Symbol::intern(file.name_str(n));
        match goxide_types::lookup::lookup_field_or_method(t, false, pkg, name, false) {
            goxide_types::lookup::Lookup::Field { path, indirect: false, .. } => Ok(path),
            _ => Err(unsupported("a field key the type does not have", pos)),
        }
    }

    /// Stores the elements of a literal into the zeroed storage at `p` of
    /// struct or array type `t`.
    fn fill_literal(&mut self, p: Value, t: TypeId, elems: &[ExprId], pos: Option<SrcPos>) -> BuildResult<()> {
        let file = self.file();
        let tab = table();
        match tab.get(tab.underlying(t)).clone() {
            Type::Struct(fields) => {
                for (i, &el) in elems.iter().enumerate() {
                    let (path, value) = match file.expr(el).kind {
                        ExprKind::KeyValue { key, value } => {
                            let ExprKind::Name(n) = file.expr(key).kind else { return Err(unsupported("this field key", pos)) };
                            let name = file.name_str(n);
                            match fields.iter().position(|f| f.var.name.is_some_and(|s| s.as_str() == name)) {
                                Some(fi) => (vec![fi], value),
                                // go1.27: a promoted field, through embedded
                                // structs (never through a pointer).
                                None => (self.promoted_field_path(t, key, pos)?, value),
                            }
                        }
                        _ => (vec![i], el),
                    };
                    let mut fp = p;
                    let mut st = t;
                    for &fi in &path {
                        let Type::Struct(fs) = tab.get(tab.underlying(st)).clone() else { return Err(unsupported("this field key", pos)) };
                        let Some(fd) = fs.get(fi) else { return Err(unsupported("too many values in a literal", pos)) };
                        st = value_type(fd.var.typ, "fields", pos)?;
                        fp = self.ins1(InstKind::FieldAddr { base: fp, field: fi }, pointer_to(st), pos);
                    }
                    let v = self.eval_to(value, st)?;
                    self.store_operand(fp, v, pos)?;
                }
                Ok(())
            }
            Type::Array { elem, .. } => {
                let elem = value_type(elem, "elements", pos)?;
                let int = basic(BasicKind::Int);
                let mut next = 0i64;
                for &el in elems {
                    let value = match file.expr(el).kind {
                        ExprKind::KeyValue { key, value } => {
                            let Some(k) = self.constant_of(key) else { return Err(unsupported("a non-constant index in a literal", pos)) };
                            next = k.int64_val().0;
                            value
                        }
                        _ => el,
                    };
                    let idx = self.ins1(InstKind::Const(Const::Int(next)), int, pos);
                    let ep = self.ins1(InstKind::ElemAddr { base: p, index: idx }, pointer_to(elem), pos);
                    let v = self.eval_to(value, elem)?;
                    self.store_operand(ep, v, pos)?;
                    next += 1;
                }
                Ok(())
            }
            _ => Err(unsupported(format!("composite literals of type {}", type_name(t)), pos)),
        }
    }

    /// A slice value from a runtime entry point that writes `{ptr, len,
    /// cap}` through an out-pointer (its first argument).
    pub fn slice_from_runtime(&mut self, func: RuntimeFunc, args: Vec<Value>, ty: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let uintptr = basic(BasicKind::Uintptr);
        let int = basic(BasicKind::Int);
        let words_t = table().intern(Type::Array { len: 3, elem: uintptr });
        let out = self.ins1(InstKind::Alloca { ty: words_t }, pointer_to(words_t), pos);
        let raw = self.ins1(InstKind::Convert { arg: out }, self.raw_ptr(), pos);
        let mut all = vec![raw];
        all.extend(args);
        self.ins(InstKind::RuntimeCall { func, args: all }, &[], pos);
        let Type::Slice(elem) = table().get(table().underlying(ty)).clone() else { return Err(unsupported("a non-slice result", pos)) };
        let mut parts = Vec::new();
        for (i, t) in [pointer_to(elem), int, int].into_iter().enumerate() {
            let idx = self.ins1(InstKind::Const(Const::Int(i as i64)), int, pos);
            let wp = self.ins1(InstKind::ElemAddr { base: out, index: idx }, pointer_to(uintptr), pos);
            let w = self.ins1(InstKind::Load { addr: wp }, uintptr, pos);
            parts.push(self.coerce(w, t, pos));
        }
        Ok(self.ins1(InstKind::Compose { parts }, ty, pos))
    }

    /// The rune at byte `i` of string `s` and the index after it (gc's
    /// `for range` over a string: ASCII inline, `decoderune` otherwise).
    pub fn decode_rune(&mut self, s: Value, i: Value, pos: Option<SrcPos>) -> BuildResult<(Value, Value)> {
        let int = basic(BasicKind::Int);
        let rune = basic(BasicKind::Int32);
        let u8t = basic(BasicKind::Uint8);
        let bool_t = basic(BasicKind::Bool);
        let base = self.ins1(InstKind::Extract { arg: s, n: 0 }, pointer_to(u8t), pos);
        let bp = self.ins1(InstKind::ElemAddr { base, index: i }, pointer_to(u8t), pos);
        let byte = self.ins1(InstKind::Load { addr: bp }, u8t, pos);
        let c80 = self.ins1(InstKind::Const(Const::Int(0x80)), u8t, pos);
        let ascii = self.ins1(InstKind::Compare { op: CompareOp::Lt, lhs: byte, rhs: c80 }, bool_t, pos);
        let fast = self.f.create_block();
        let slow = self.f.create_block();
        let join = self.f.create_block();
        let r = self.f.append_block_param(join, rune);
        let next = self.f.append_block_param(join, int);
        self.branch(ascii, fast, slow);
        self.seal(fast);
        self.switch_to(fast);
        let r1 = self.coerce(byte, rune, pos);
        let one = self.ins1(InstKind::Const(Const::Int(1)), int, pos);
        let n1 = self.ins1(InstKind::Binary { op: BinaryOp::Add, lhs: i, rhs: one }, int, pos);
        self.terminate(InstKind::Jump { dest: BlockCall { block: join, args: vec![r1, n1] } }, pos);
        self.seal(slow);
        self.switch_to(slow);
        let string = basic(BasicKind::String);
        let s = self.coerce(s, string, pos);
        let out = self.ins(InstKind::RuntimeCall { func: RuntimeFunc::Decoderune, args: vec![s, i] }, &[rune, int], pos);
        self.terminate(InstKind::Jump { dest: BlockCall { block: join, args: out } }, pos);
        self.seal(join);
        self.switch_to(join);
        Ok((r, next))
    }
}

fn is_array_like(t: &Type) -> bool {
    matches!(t, Type::Array { .. } | Type::Pointer(_))
}

