//! Interfaces and method wrappers (gc's `walk/convert.go`,
//! `reflectdata.WriteTabs`/`methodWrapper`, `ssagen` `dottype`).
//!
//! A value of concrete type `T` in an interface is a data word: the value
//! itself when `T` is one pointer (gc's direct interfaces), else a
//! pointer to a heap copy (never changed afterwards). The tab word is the
//! type descriptor (`interface{}`) or an itab: one static table per
//! (`T`, `I`) pair this package converts (`Package::itabs`), its
//! functions taking the data word as receiver — the method itself when
//! the data word already is its receiver, else a wrapper (`pkg.(*T).M`,
//! gc's name) that loads, copies or walks the embedded fields to the
//! real receiver.
//!
//! Method calls through an interface load the function from the itab
//! (after a nil check of the tab: calling a method of a nil interface is
//! gc's nil dereference). Assertions to concrete types compare the tab
//! word with the type's descriptor or static itab; assertions to
//! interfaces ask the runtime (`assertE2I`). Method values box the
//! receiver in a closure object whose function (`pkg.T.M-fm`) calls the
//! method with it.

use goxide_syntax::ast::ExprId;
use goxide_types::check::Selection;
use goxide_types::objects::{object, SrcPos};
use goxide_types::types::{table, BasicKind, ObjId, Type, TypeId};

use super::func::FnBuilder;
use super::{signature_of, type_name, unsupported, BuildResult, GoSig, Operand};
use crate::ir::*;
use crate::repr::{basic, is_memory, pointer_to, raw_pointer, repr_of, Repr};

/// Whether `t` is one machine pointer, stored directly in an interface.
pub(crate) fn is_direct_iface(t: TypeId) -> bool {
    repr_of(t) == Some(Repr::Pointer)
}

/// The package of a type's declared name, for method lookup.
fn type_pkg(t: TypeId) -> Option<goxide_types::types::PkgId> {
    let tab = table();
    let base = match tab.get(t) {
        Type::Pointer(e) => *e,
        _ => t,
    };
    tab.named(tab.unalias(base)).and_then(|n| n.pkg)
}

impl FnBuilder<'_> {
    /// The methods of interface `iface` in type-set order: name and
    /// signature.
    fn iface_methods(iface: TypeId) -> Vec<goxide_types::types::Method> {
        goxide_types::typeset::type_set(iface).methods.clone()
    }

    /// The static itab of (`t`, `iface`), made on first use.
    pub fn itab(&mut self, t: TypeId, iface: TypeId, pos: Option<SrcPos>) -> BuildResult<usize> {
        let key = (crate::typekey::key_of(t), crate::typekey::key_of(iface));
        if let Some(&i) = self.ctx.itab_index.borrow().get(&key) {
            return Ok(i);
        }
        let mut funcs = Vec::new();
        for m in Self::iface_methods(iface) {
            funcs.push(self.iface_method_impl(t, m.name, m.pkg, pos)?);
        }
        let mut itabs = self.ctx.itabs.borrow_mut();
        itabs.push(ItabData { ty: t, iface, funcs });
        let i = itabs.len() - 1;
        self.ctx.itab_index.borrow_mut().insert(key, i);
        Ok(i)
    }

    /// The function an itab of concrete `t` holds for method `name`: it
    /// takes the data word (`t` itself when direct, else `*t`).
    pub fn iface_method_impl(&mut self, t: TypeId, name: goxide_types::symbol::Symbol, pkg: Option<goxide_types::types::PkgId>, pos: Option<SrcPos>) -> BuildResult<FuncId> {
        let word_t = if is_direct_iface(t) { t } else { pointer_to(t) };
        self.method_impl_for(word_t, name, pkg.or_else(|| type_pkg(t)), pos)
    }

    /// The function implementing method `name` for a receiver of type
    /// `recv_t` passed as is: the declared method when its receiver is
    /// exactly that, else a wrapper.
    pub fn method_impl_for(&mut self, recv_t: TypeId, name: goxide_types::symbol::Symbol, pkg: Option<goxide_types::types::PkgId>, pos: Option<SrcPos>) -> BuildResult<FuncId> {
        let found = goxide_types::lookup::lookup_field_or_method(recv_t, false, pkg, name, false);
        let goxide_types::lookup::Lookup::Method { path, method, sig, recv, .. } = found else {
            return Err(unsupported(format!("method {} of {}", name.as_str(), type_name(recv_t)), pos));
        };
        // A method promoted from an embedded interface field.
        if matches!(repr_of(recv), Some(Repr::Interface { .. })) && path.len() > 1 {
            let sig_t = sig.or_else(|| method.and_then(|m| object(m).typ.get())).ok_or_else(|| unsupported("an interface method without a signature", pos))?;
            return self.iface_promotion_wrapper(recv_t, recv, path, sig_t, name, pos);
        }
        let Some(m) = method else {
            return Err(unsupported(format!("method {} of {}", name.as_str(), type_name(recv_t)), pos));
        };
        let embedded = &path[..path.len().saturating_sub(1)];
        let owner = self.embedded_owner(recv_t, embedded, pos)?;
        let mid = self.method_func(m, owner, pos)?;
        let ptr_recv = goxide_types::lookup::method_has_ptr_recv(m);
        let recv_is_ptr = super::addr::pointee(recv_t).is_some();
        if embedded.is_empty() && ptr_recv == recv_is_ptr {
            // The declared receiver is what is passed (a pointer method on
            // *T; a value method on T — a struct or array T arrives as a
            // pointer to a copy the callee owns, as the method expects).
            return Ok(mid);
        }
        self.wrapper(recv_t, embedded.to_vec(), m, mid, pos)
    }

    /// A function taking a receiver of type `recv_t` that calls method
    /// `name` (signature `sig_t`) of the interface field `path` leads to
    /// (gc's wrapper for a method promoted from an embedded interface).
    fn iface_promotion_wrapper(
        &mut self,
        recv_t: TypeId,
        iface_t: TypeId,
        path: Vec<usize>,
        sig_t: TypeId,
        name: goxide_types::symbol::Symbol,
        pos: Option<SrcPos>,
    ) -> BuildResult<FuncId> {
        let recv_name = match super::addr::pointee(recv_t) {
            Some(e) => format!("(*{})", type_name(e).rsplit('.').next().unwrap_or_default()),
            None => type_name(recv_t).rsplit('.').next().unwrap_or_default().to_string(),
        };
        let sym = crate::symbols::symbol(self.ctx.input.path, &format!("{recv_name}.{}", name.as_str()));
        if let Some(&id) = self.ctx.wrappers.borrow().get(&sym) {
            return Ok(id);
        }
        let msig = signature_of(sig_t, pos)?;
        let params: Vec<TypeId> = std::iter::once(recv_t).chain(msig.params.iter().copied()).collect();
        let gsig = GoSig { params, results: msig.results.clone() };
        let (id, mut w, entry) = self.new_wrapper(sym, &gsig, pos);
        let (&recv_v, args) = entry.split_first().ok_or_else(|| unsupported("a wrapper's receiver", pos))?;
        // The interface field's address, then its value.
        let base = match super::addr::pointee(recv_t) {
            Some(_) => {
                w.ins(InstKind::NilCheck { ptr: recv_v }, &[], pos);
                recv_v
            }
            None if is_memory(recv_t) => recv_v,
            None => return Err(unsupported("an interface method promoted into a non-struct", pos)),
        };
        let fp = w.walk_path(base, &path[..path.len() - 1], pos)?;
        let iv = w.ins1(InstKind::Load { addr: fp }, iface_t, pos);
        let vals = FnBuilder::param_operands(args, &msig.params);
        let results = w.iface_call_value(iv, *path.last().unwrap_or(&0), &msig, vals, pos)?;
        w.return_operands(results, pos)?;
        let f = w.finish()?;
        self.ctx.set_closure(id, f);
        Ok(id)
    }

    /// The type reached from `t` through embedded fields `path`.
    fn embedded_owner(&self, t: TypeId, path: &[usize], pos: Option<SrcPos>) -> BuildResult<TypeId> {
        let tab = table();
        let mut t = t;
        for &i in path {
            let base = super::addr::pointee(t).unwrap_or(t);
            let Type::Struct(fields) = tab.get(tab.underlying(base)).clone() else { return Err(unsupported("an embedded method through a non-struct", pos)) };
            t = fields.get(i).map(|f| f.var.typ).ok_or_else(|| unsupported("an embedded method through a missing field", pos))?;
        }
        Ok(t)
    }

    /// A wrapper taking a receiver of type `recv_t` that reaches method
    /// `m` (function `mid`) through `path` and calls it (gc's
    /// `methodWrapper`), made once per name.
    fn wrapper(&mut self, recv_t: TypeId, path: Vec<usize>, m: ObjId, mid: FuncId, pos: Option<SrcPos>) -> BuildResult<FuncId> {
        let mname = object(m).name.as_str().to_string();
        let recv_name = match super::addr::pointee(recv_t) {
            Some(e) => format!("(*{})", type_name(e).rsplit('.').next().unwrap_or_default()),
            None => type_name(recv_t).rsplit('.').next().unwrap_or_default().to_string(),
        };
        let sym = crate::symbols::symbol(self.ctx.input.path, &format!("{recv_name}.{mname}"));
        if let Some(&id) = self.ctx.wrappers.borrow().get(&sym) {
            return Ok(id);
        }
        let msig = self.ctx.sig_of(mid).ok_or_else(|| unsupported("a wrapped method without a signature", pos))?;
        let params: Vec<TypeId> = std::iter::once(recv_t).chain(msig.params.iter().skip(1).copied()).collect();
        let gsig = GoSig { params, results: msig.results.clone() };
        let (id, mut w, entry) = self.new_wrapper(sym, &gsig, pos);
        let (&recv_v, args) = entry.split_first().ok_or_else(|| unsupported("a wrapper's receiver", pos))?;
        // The receiver the method wants, from the one we have.
        let ptr_recv = goxide_types::lookup::method_has_ptr_recv(m);
        if let (true, false, Some(elem)) = (path.is_empty(), ptr_recv, super::addr::pointee(recv_t)) {
            // gc's *T-to-T wrapper: a nil *T is reported by `panicwrap`.
            let msg = panicwrap_message(self.ctx.input.path, elem, &mname);
            let text = w.ins1(InstKind::Const(Const::String(std::sync::Arc::from(msg.as_bytes()))), basic(BasicKind::String), pos);
            w.fail_if_nil(recv_v, RuntimeFunc::Panicwrap, vec![text], pos);
        }
        let recv_op = w.reach_receiver(recv_v, recv_t, &path, ptr_recv, pos)?;
        let mut vals = vec![recv_op];
        vals.extend(FnBuilder::param_operands(args, &gsig.params[1..]));
        let results = w.call_direct(mid, &msig, vals, pos)?;
        w.return_operands(results, pos)?;
        let f = w.finish()?;
        self.ctx.set_closure(id, f);
        Ok(id)
    }


    /// From receiver value `v` of type `t`, through embedded `path`, the
    /// receiver operand of a method with (`ptr_recv`) or without a
    /// pointer receiver.
    fn reach_receiver(&mut self, v: Value, t: TypeId, path: &[usize], ptr_recv: bool, pos: Option<SrcPos>) -> BuildResult<Operand> {
        // A pointer to the current struct, or the value when it is not
        // reached through memory.
        let mut cur: Operand = if is_memory(t) { Operand::Mem(v) } else { Operand::Val(v) };
        let mut cur_t = t;
        for &i in path {
            let base = match (cur, super::addr::pointee(cur_t)) {
                (Operand::Val(p), Some(_)) => {
                    self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
                    p
                }
                (Operand::Mem(p), None) => p,
                _ => return Err(unsupported("this embedded method", pos)),
            };
            let fp = self.walk_path(base, &[i], pos)?;
            cur_t = super::addr::pointee(self.f.value_type(fp)).ok_or_else(|| unsupported("this embedded method", pos))?;
            cur = if is_memory(cur_t) { Operand::Mem(fp) } else { Operand::Val(self.ins1(InstKind::Load { addr: fp }, cur_t, pos)) };
            // A memory field stays addressed by `fp`.
            if is_memory(cur_t) {
                cur = Operand::Mem(fp);
            }
        }
        let cur_is_ptr = super::addr::pointee(cur_t).is_some();
        Ok(match (ptr_recv, cur_is_ptr, cur) {
            (true, true, c) => c,
            (true, false, Operand::Mem(p)) => Operand::Val(p),
            (false, true, Operand::Val(p)) => {
                self.ins(InstKind::NilCheck { ptr: p }, &[], pos);
                self.load_operand(p, pos)
            }
            (false, false, c) => c,
            _ => return Err(unsupported("this method receiver", pos)),
        })
    }

    /// A value of concrete type `t` (`v`) as non-empty interface `iface`.
    pub fn to_iface(&mut self, v: Operand, t: TypeId, iface: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let raw = raw_pointer();
        let itab = self.itab(t, iface, pos)?;
        let tab = self.ins1(InstKind::ItabAddr { itab }, raw, pos);
        let data = self.data_word(v, t, pos)?;
        Ok(self.ins1(InstKind::Compose { parts: vec![tab, data] }, iface, pos))
    }

    /// The data word of `v` (type `t`) in an interface.
    pub fn data_word(&mut self, v: Operand, t: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        self.ctx.iface_types.borrow_mut().entry(crate::typekey::key_of(t)).or_insert(t);
        let raw = raw_pointer();
        Ok(match (v, is_direct_iface(t)) {
            (Operand::Val(x), true) => self.ins1(InstKind::Convert { arg: x }, raw, pos),
            (v, _) => {
                let p = self.ins1(InstKind::New { ty: t }, pointer_to(t), pos);
                self.store_operand(p, v, pos)?;
                self.ins1(InstKind::Convert { arg: p }, raw, pos)
            }
        })
    }

    /// An interface value `v` of type `from` as interface type `to`.
    pub fn iface_to_iface(&mut self, v: Value, from: TypeId, to: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let raw = raw_pointer();
        let tab = self.ins1(InstKind::Extract { arg: v, n: 0 }, raw, pos);
        let data = self.ins1(InstKind::Extract { arg: v, n: 1 }, raw, pos);
        let from_empty = repr_of(from) == Some(Repr::Interface { empty: true });
        let to_empty = repr_of(to) == Some(Repr::Interface { empty: true });
        if from_empty == to_empty && to_empty {
            return Ok(self.ins1(InstKind::Compose { parts: vec![tab, data] }, to, pos));
        }
        // The dynamic type (nil for a nil interface).
        let typ = if from_empty { tab } else { self.itab_type(tab, pos) };
        let new_tab = if to_empty {
            typ
        } else {
            // Through the runtime (the static check proved it succeeds): a
            // nil interface stays nil.
            self.nil_or(typ, pos, |b| {
                let inter = b.ins1(InstKind::TypeDesc { ty: to }, raw, pos);
                b.ins1(InstKind::RuntimeCall { func: RuntimeFunc::AssertE2I, args: vec![inter, typ] }, raw, pos)
            })
        };
        Ok(self.ins1(InstKind::Compose { parts: vec![new_tab, data] }, to, pos))
    }

    /// `tab.Type` of an itab pointer that may be nil (nil then).
    fn itab_type(&mut self, tab: Value, pos: Option<SrcPos>) -> Value {
        let raw = raw_pointer();
        self.nil_or(tab, pos, |b| {
            let words = b.ins1(InstKind::Convert { arg: tab }, pointer_to(raw), pos);
            let one = b.ins1(InstKind::Const(Const::Int(1)), basic(BasicKind::Int), pos);
            let tp = b.ins1(InstKind::ElemAddr { base: words, index: one }, pointer_to(raw), pos);
            b.ins1(InstKind::Load { addr: tp }, raw, pos)
        })
    }

    /// `p == nil ? nil : make(b)` for a raw pointer `p`.
    fn nil_or(&mut self, p: Value, pos: Option<SrcPos>, make: impl FnOnce(&mut Self) -> Value) -> Value {
        let raw = raw_pointer();
        let zero = self.ins1(InstKind::Const(Const::Zero), raw, pos);
        let is_nil = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: p, rhs: zero }, basic(BasicKind::Bool), pos);
        let other = self.f.create_block();
        let join = self.f.create_block();
        let r = self.f.append_block_param(join, raw);
        self.terminate(
            InstKind::Branch { cond: is_nil, then_dest: BlockCall { block: join, args: vec![zero] }, else_dest: BlockCall { block: other, args: vec![] } },
            pos,
        );
        self.seal(other);
        self.switch_to(other);
        let v = make(self);
        self.terminate(InstKind::Jump { dest: BlockCall { block: join, args: vec![v] } }, pos);
        self.seal(join);
        self.switch_to(join);
        r
    }

    /// A call of interface method `s` on `x` with the argument operands.
    pub fn iface_method_call(&mut self, x: ExprId, s: &Selection, sig: &GoSig, args: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        let iv = self.expr(x)?;
        let index = *s.path.last().ok_or_else(|| unsupported("this interface method", pos))?;
        self.iface_call_value(iv, index, sig, args, pos)
    }

    /// A call of method `index` (type-set order) of interface value `iv`.
    pub fn iface_call_value(&mut self, iv: Value, index: usize, sig: &GoSig, args: Vec<Operand>, pos: Option<SrcPos>) -> BuildResult<Vec<Operand>> {
        let raw = raw_pointer();
        let tab = self.ins1(InstKind::Extract { arg: iv, n: 0 }, raw, pos);
        let data = self.ins1(InstKind::Extract { arg: iv, n: 1 }, raw, pos);
        self.ins(InstKind::NilCheck { ptr: tab }, &[], pos);
        let words = self.ins1(InstKind::Convert { arg: tab }, pointer_to(raw), pos);
        let slot = self.ins1(InstKind::Const(Const::Int(3 + index as i64)), basic(BasicKind::Int), pos);
        let fp = self.ins1(InstKind::ElemAddr { base: words, index: slot }, pointer_to(raw), pos);
        let code = self.ins1(InstKind::Load { addr: fp }, raw, pos);
        let mut vals = vec![Operand::Val(data)];
        vals.extend(args);
        let full = GoSig { params: std::iter::once(raw).chain(sig.params.iter().copied()).collect(), results: sig.results.clone() };
        self.call_code(code, &full, vals, pos)
    }

    /// `x.(T)` (expression `e`); with `comma_ok`, also whether it held.
    pub fn type_assert(&mut self, e: ExprId, x: ExprId, comma_ok: bool) -> BuildResult<Vec<Operand>> {
        let pos = self.expr_pos(e);
        let xt = self.type_of(x)?;
        let target = if comma_ok {
            let tab = table();
            match tab.get(self.raw_type_of(e).unwrap_or_else(|| tab.invalid())) {
                Type::Tuple(vs) => vs.first().map(|v| v.typ).ok_or_else(|| unsupported("this assertion", pos))?,
                _ => self.type_of(e)?,
            }
        } else {
            self.type_of(e)?
        };
        let iv = self.expr(x)?;
        let (ok, v) = self.assert_value(iv, xt, target, !comma_ok, pos)?;
        if comma_ok {
            return Ok(vec![v, Operand::Val(ok)]);
        }
        Ok(vec![v])
    }

    /// Whether interface value `iv` (of type `xt`) holds a `target`, and
    /// its value as a `target` (the zero value when not). With `must`,
    /// failing panics as gc does.
    pub fn assert_value(&mut self, iv: Value, xt: TypeId, target: TypeId, must: bool, pos: Option<SrcPos>) -> BuildResult<(Value, Operand)> {
        let raw = raw_pointer();
        let bool_t = basic(BasicKind::Bool);
        let x_empty = repr_of(xt) == Some(Repr::Interface { empty: true });
        let tab = self.ins1(InstKind::Extract { arg: iv, n: 0 }, raw, pos);
        let data = self.ins1(InstKind::Extract { arg: iv, n: 1 }, raw, pos);
        if let Some(Repr::Interface { empty: t_empty }) = repr_of(target) {
            let typ = if x_empty { tab } else { self.itab_type(tab, pos) };
            let zero = self.ins1(InstKind::Const(Const::Zero), raw, pos);
            let non_nil = self.ins1(InstKind::Compare { op: CompareOp::Ne, lhs: typ, rhs: zero }, bool_t, pos);
            if t_empty {
                if must {
                    self.fail_unless(non_nil, pos, |b| {
                        let want = b.ins1(InstKind::TypeDesc { ty: target }, raw, pos);
                        b.ins(InstKind::RuntimeCall { func: RuntimeFunc::Panicnildottype, args: vec![want] }, &[], pos);
                    });
                }
                let v = self.ins1(InstKind::Compose { parts: vec![typ, data] }, target, pos);
                return Ok((non_nil, Operand::Val(v)));
            }
            let inter = self.ins1(InstKind::TypeDesc { ty: target }, raw, pos);
            let new_tab = if must {
                self.fail_unless(non_nil, pos, |b| {
                    b.ins(InstKind::RuntimeCall { func: RuntimeFunc::Panicnildottype, args: vec![inter] }, &[], pos);
                });
                self.ins1(InstKind::RuntimeCall { func: RuntimeFunc::AssertE2I, args: vec![inter, typ] }, raw, pos)
            } else {
                self.nil_or(typ, pos, |b| b.ins1(InstKind::RuntimeCall { func: RuntimeFunc::AssertE2I2, args: vec![inter, typ] }, raw, pos))
            };
            let ok = self.ins1(InstKind::Compare { op: CompareOp::Ne, lhs: new_tab, rhs: zero }, bool_t, pos);
            let data2 = self.select_raw(ok, data, zero, pos);
            let v = self.ins1(InstKind::Compose { parts: vec![new_tab, data2] }, target, pos);
            return Ok((ok, Operand::Val(v)));
        }
        // A concrete type: compare the dynamic type (an itab's `Type`:
        // itabs the runtime builds are not the static ones).
        let want = self.ins1(InstKind::TypeDesc { ty: target }, raw, pos);
        let have = if x_empty { tab } else { self.itab_type(tab, pos) };
        let ok = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: have, rhs: want }, bool_t, pos);
        if must {
            self.fail_unless(ok, pos, |b| {
                let want = b.ins1(InstKind::TypeDesc { ty: target }, raw, pos);
                let iface = b.ins1(InstKind::TypeDesc { ty: xt }, raw, pos);
                let func = if x_empty { RuntimeFunc::PanicdottypeE } else { RuntimeFunc::PanicdottypeI };
                b.ins(InstKind::RuntimeCall { func, args: vec![tab, want, iface] }, &[], pos);
            });
        }
        // The value: the data word itself, or what it points to (a zero
        // value when the assertion failed, read from a fresh zeroed slot).
        let v = if is_direct_iface(target) {
            let zero = self.ins1(InstKind::Const(Const::Zero), raw, pos);
            let w = if must { data } else { self.select_raw(ok, data, zero, pos) };
            Operand::Val(self.ins1(InstKind::Convert { arg: w }, target, pos))
        } else {
            let p = if must {
                data
            } else {
                let z = self.ins1(InstKind::Alloca { ty: target }, pointer_to(target), pos);
                let zr = self.ins1(InstKind::Convert { arg: z }, raw, pos);
                self.select_raw(ok, data, zr, pos)
            };
            let p = self.ins1(InstKind::Convert { arg: p }, pointer_to(target), pos);
            match self.load_operand(p, pos) {
                Operand::Mem(m) => Operand::Mem(self.temp_copy(m, pos)),
                v => v,
            }
        };
        Ok((ok, v))
    }

    /// `cond ? a : b` of raw pointers, by a branch.
    fn select_raw(&mut self, cond: Value, a: Value, b: Value, pos: Option<SrcPos>) -> Value {
        let raw = raw_pointer();
        let join = self.f.create_block();
        let r = self.f.append_block_param(join, raw);
        self.terminate(
            InstKind::Branch { cond, then_dest: BlockCall { block: join, args: vec![a] }, else_dest: BlockCall { block: join, args: vec![b] } },
            pos,
        );
        self.seal(join);
        self.switch_to(join);
        r
    }

    /// Continues when `cond` holds; else runs `fail` (which panics).
    fn fail_unless(&mut self, cond: Value, pos: Option<SrcPos>, fail: impl FnOnce(&mut Self)) {
        let bad = self.f.create_block();
        let good = self.f.create_block();
        self.branch(cond, good, bad);
        self.seal(bad);
        self.switch_to(bad);
        fail(self);
        self.terminate(InstKind::Unreachable, pos);
        self.seal(good);
        self.switch_to(good);
    }

    /// `x == y` of two interface values of one interface type.
    pub fn iface_equal(&mut self, x: Value, y: Value, t: TypeId, pos: Option<SrcPos>) -> BuildResult<Value> {
        let raw = raw_pointer();
        let bool_t = basic(BasicKind::Bool);
        let empty = repr_of(t) == Some(Repr::Interface { empty: true });
        // Equal dynamic types (through the itabs for non-empty interfaces:
        // a static and a run-time itab of one pair are distinct objects).
        let xtab = self.ins1(InstKind::Extract { arg: x, n: 0 }, raw, pos);
        let ytab = self.ins1(InstKind::Extract { arg: y, n: 0 }, raw, pos);
        let (xt, yt) = if empty { (xtab, ytab) } else { (self.itab_type(xtab, pos), self.itab_type(ytab, pos)) };
        let same = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: xt, rhs: yt }, bool_t, pos);
        let deep = self.f.create_block();
        let join = self.f.create_block();
        let r = self.f.append_block_param(join, bool_t);
        self.terminate(
            InstKind::Branch { cond: same, then_dest: BlockCall { block: deep, args: vec![] }, else_dest: BlockCall { block: join, args: vec![same] } },
            pos,
        );
        self.seal(deep);
        self.switch_to(deep);
        let xd = self.ins1(InstKind::Extract { arg: x, n: 1 }, raw, pos);
        let yd = self.ins1(InstKind::Extract { arg: y, n: 1 }, raw, pos);
        let zero = self.ins1(InstKind::Const(Const::Zero), raw, pos);
        // Both nil: equal; else the runtime compares the dynamic values.
        let t_nil = self.ins1(InstKind::Compare { op: CompareOp::Eq, lhs: xt, rhs: zero }, bool_t, pos);
        let cmp = self.f.create_block();
        self.terminate(
            InstKind::Branch { cond: t_nil, then_dest: BlockCall { block: join, args: vec![t_nil] }, else_dest: BlockCall { block: cmp, args: vec![] } },
            pos,
        );
        self.seal(cmp);
        self.switch_to(cmp);
        let (func, tab_arg) = if empty { (RuntimeFunc::Efaceeq, xt) } else { (RuntimeFunc::Ifaceeq, xtab) };
        let eq = self.ins1(InstKind::RuntimeCall { func, args: vec![tab_arg, xd, yd] }, bool_t, pos);
        self.terminate(InstKind::Jump { dest: BlockCall { block: join, args: vec![eq] } }, pos);
        self.seal(join);
        self.switch_to(join);
        Ok(r)
    }

    /// A method expression `T.M` or `(*T).M`: a func value taking the
    /// receiver first — the method itself, or a wrapper from a `T` or an
    /// embedding type (`method_impl_for`).
    pub fn method_expr(&mut self, e: ExprId, s: &Selection) -> BuildResult<Value> {
        let pos = self.expr_pos(e);
        let fty = self.type_of(e)?;
        let recv_t = self.sub(s.recv);
        if matches!(repr_of(recv_t), Some(Repr::Interface { .. })) {
            let index = *s.path.last().ok_or_else(|| unsupported("this method expression", pos))?;
            let fid = self.iface_method_expr(recv_t, index, fty, pos)?;
            return Ok(self.ins1(InstKind::StaticClosure { func: fid }, fty, pos));
        }
        // The method's name: its object's, or — for a method promoted from
        // an embedded interface field, which the selection records without
        // one — the selector's.
        let (name, pkg) = match s.method {
            Some(m) => (object(m).name, object(m).pkg),
            None => {
                let file = self.file();
                let goxide_syntax::ast::ExprKind::Selector { sel, .. } = file.expr(file.unparen(e)).kind else {
                    return Err(unsupported("this method expression", pos));
                };
                (goxide_types::symbol::Symbol::intern(file.name_str(sel)), type_pkg(recv_t))
            }
        };
        let fid = self.method_impl_for(recv_t, name, pkg, pos)?;
        Ok(self.ins1(InstKind::StaticClosure { func: fid }, fty, pos))
    }

    /// The function of method expression `I.M` (func type `fty`, the
    /// interface value first): calls method `index` through the itab
    /// (gc's `pkg.I.M`).
    fn iface_method_expr(&mut self, iface_t: TypeId, index: usize, fty: TypeId, pos: Option<SrcPos>) -> BuildResult<FuncId> {
        let name = Self::iface_methods(iface_t).get(index).map(|m| m.name.as_str().to_string()).unwrap_or_default();
        let sym = crate::symbols::symbol(self.ctx.input.path, &format!("{}.{name}", type_name(iface_t).rsplit('.').next().unwrap_or_default()));
        if let Some(&id) = self.ctx.wrappers.borrow().get(&sym) {
            return Ok(id);
        }
        let gsig = signature_of(fty, pos)?;
        let (id, mut w, entry) = self.new_wrapper(sym, &gsig, pos);
        let (&iv, args) = entry.split_first().ok_or_else(|| unsupported("a method expression's receiver", pos))?;
        let msig = GoSig { params: gsig.params.iter().skip(1).copied().collect(), results: gsig.results.clone() };
        let vals = FnBuilder::param_operands(args, &msig.params);
        let results = w.iface_call_value(iv, index, &msig, vals, pos)?;
        w.return_operands(results, pos)?;
        let f = w.finish()?;
        self.ctx.set_closure(id, f);
        Ok(id)
    }

    /// A method value `x.M`: a closure object holding a copy of the
    /// receiver, whose function (`pkg.T.M-fm`) calls the method with it.
    pub fn method_value(&mut self, e: ExprId, x: ExprId, s: &Selection) -> BuildResult<Value> {
        let pos = self.expr_pos(e);
        let fty = self.type_of(e)?;
        let sig = signature_of(fty, pos)?;
        let raw = raw_pointer();
        let int = basic(BasicKind::Int);
        let xt = self.type_of(x)?;
        // In generic code the checker selected a constraint's method: find
        // it again on the type argument (as calls do).
        let s = &self.selection_on_type_arg(x, e, s.clone(), pos)?;
        // The receiver, evaluated now: an interface value, or the declared
        // method's receiver.
        let promoted_iface = s.path.len() > 1 && self.method_owner(x, s, pos).is_ok_and(|t| matches!(repr_of(t), Some(Repr::Interface { .. })));
        let (recv_t, recv, target): (TypeId, Operand, Result<FuncId, usize>) = if matches!(repr_of(xt), Some(Repr::Interface { .. })) || promoted_iface {
            let index = *s.path.last().ok_or_else(|| unsupported("this method value", pos))?;
            // The interface: `x` itself, or the embedded interface field
            // the method is promoted from (read now, as gc does).
            let (it, iv) = if promoted_iface {
                let it = self.method_owner(x, s, pos)?;
                let base = self.receiver_base(x)?;
                let fp = self.walk_path(base, &s.path[..s.path.len() - 1], pos)?;
                (it, self.ins1(InstKind::Load { addr: fp }, it, pos))
            } else {
                (xt, self.expr(x)?)
            };
            let tab = self.ins1(InstKind::Extract { arg: iv, n: 0 }, raw, pos);
            self.ins(InstKind::NilCheck { ptr: tab }, &[], pos);
            (it, Operand::Val(iv), Err(index))
        } else {
            let Some(m) = s.method else { return Err(unsupported("this method value", pos)) };
            let owner = self.embedded_owner(xt, &s.path[..s.path.len().saturating_sub(1)], pos)?;
            let mid = self.method_func(m, owner, pos)?;
            let r = self.method_receiver_of(x, s, m, pos)?;
            let rt = self.ctx.sig_of(mid).and_then(|g| g.params.first().copied()).ok_or_else(|| unsupported("this method", pos))?;
            (rt, r, Ok(mid))
        };
        let cell = self.ins1(InstKind::New { ty: recv_t }, pointer_to(recv_t), pos);
        self.store_operand(cell, recv, pos)?;
        // One function per method: per interface type and method for an
        // interface's (gc's `pkg.I.M-fm`).
        let name = match target {
            Ok(mid) => format!("{}-fm", self.ctx.sig_name(mid)),
            Err(i) => {
                let mname = Self::iface_methods(recv_t).get(i).map(|m| m.name.as_str().to_string()).ok_or_else(|| unsupported("this method value", pos))?;
                format!("{}.{mname}-fm", type_name(recv_t))
            }
        };
        let existing = self.ctx.wrappers.borrow().get(&name).copied();
        let fid = match existing {
            Some(id) => id,
            None => {
                let (id, mut w, args) = self.new_wrapper(name, &sig, pos);
                // The receiver's cell is word 1 of the closure object.
                let objt = FnBuilder::closure_object_type(2);
                let ctxp = w.ctx_param;
                let objp = w.ins1(InstKind::Convert { arg: ctxp }, pointer_to(objt), pos);
                let words = w.ins1(InstKind::Convert { arg: objp }, pointer_to(raw), pos);
                let one = w.ins1(InstKind::Const(Const::Int(1)), int, pos);
                let wp = w.ins1(InstKind::ElemAddr { base: words, index: one }, pointer_to(raw), pos);
                let cw = w.ins1(InstKind::Load { addr: wp }, raw, pos);
                let cellp = w.ins1(InstKind::Convert { arg: cw }, pointer_to(recv_t), pos);
                let recv_op = w.load_operand(cellp, pos);
                let vals = FnBuilder::param_operands(&args, &sig.params);
                let results = match target {
                    Ok(mid) => {
                        let msig = w.ctx.sig_of(mid).ok_or_else(|| unsupported("this method", pos))?;
                        let mut all = vec![recv_op];
                        all.extend(vals);
                        w.call_direct(mid, &msig, all, pos)?
                    }
                    Err(index) => {
                        let iv = w.operand_value(recv_op, pos)?;
                        w.iface_call_value(iv, index, &sig, vals, pos)?
                    }
                };
                w.return_operands(results, pos)?;
                let f = w.finish()?;
                self.ctx.set_closure(id, f);
                id
            }
        };
        let objt = FnBuilder::closure_object_type(2);
        let objp = self.ins1(InstKind::New { ty: objt }, pointer_to(objt), pos);
        let words = self.ins1(InstKind::Convert { arg: objp }, pointer_to(raw), pos);
        let code = self.ins1(InstKind::FuncAddr { func: fid }, raw, pos);
        self.ins(InstKind::Store { addr: words, value: code }, &[], pos);
        let one = self.ins1(InstKind::Const(Const::Int(1)), int, pos);
        let wp = self.ins1(InstKind::ElemAddr { base: words, index: one }, pointer_to(raw), pos);
        let cw = self.ins1(InstKind::Convert { arg: cell }, raw, pos);
        self.ins(InstKind::Store { addr: wp, value: cw }, &[], pos);
        Ok(self.ins1(InstKind::Convert { arg: objp }, fty, pos))
    }
}

/// gc's `panicwrap` text for value method `method` of named type `t`
/// called through a nil `*t`: `value method main.T.M called using nil *T
/// pointer` (the type as `funcNameForPrint` shows it in the wrapper's
/// name: an instance's arguments elided as `[...]`).
fn panicwrap_message(pkg: &str, t: TypeId, method: &str) -> String {
    let tab = table();
    let typ = match tab.named(tab.unalias(t)) {
        Some(n) if n.targs.is_empty() => n.name.as_str().to_string(),
        Some(n) => format!("{}[...]", n.name.as_str()),
        None => type_name(t),
    };
    format!("value method {pkg}.{typ}.{method} called using nil *{typ} pointer")
}
