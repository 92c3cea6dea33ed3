//! Index and slice expressions (types2's `index.go`): `a[i]` on strings,
//! arrays, pointers to arrays, slices, maps and type parameters whose type
//! set allows it; `a[i:j:k]`; constant index checks against known
//! lengths; and `T[A]` instantiations reached through an index
//! expression.

use goxide_syntax::ast::{ExprId, ExprKind};

use super::operand::{Mode, Operand};
use super::Checker;
use crate::constant::{self, Kind};
use crate::predicates::*;
use crate::representable::representable_const;
use crate::types::{table, BasicKind, Type, TypeId};

impl Checker<'_> {
    /// types2's `indexExpr`; returns true for a generic function to be
    /// instantiated (then `x` holds the function).
    pub(crate) fn index_expr(&mut self, x: &mut Operand, e: ExprId) -> bool {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let ExprKind::Index { x: base, index } = file.expr(e).kind else { return false };
        self.expr_or_type(x, base, true);
        match x.mode {
            Mode::Invalid => {
                self.use_exprs(&[index]);
                return false;
            }
            Mode::TypeExpr => {
                x.mode = Mode::Invalid;
                x.typ = self.var_type(e);
                if x.typ != tt.invalid() {
                    x.mode = Mode::TypeExpr;
                }
                return false;
            }
            Mode::Value => {
                if is_generic_signature(x.typ) {
                    return true;
                }
            }
            _ => {}
        }
        if is_generic(x.typ) || is_generic_signature(x.typ) {
            let s = self.expr_str(base);
            let what = if is_generic(x.typ) { "type" } else { "function" };
            self.error_at(base, format!("cannot use generic {what} {s} without instantiation"));
            x.mode = Mode::Invalid;
            return false;
        }
        // One cannot index a value of an incomplete type, nor through a
        // pointer to one, nor get an incomplete map element.
        let incomplete = match tt.get(tt.underlying(x.typ)) {
            _ if !self.is_complete(x.typ) => true,
            Type::Pointer(b) => !self.is_complete(*b),
            Type::Map { elem, .. } => !self.is_complete(*elem),
            _ => false,
        };
        if incomplete {
            x.mode = Mode::Invalid;
            return false;
        }
        let mut valid = false;
        let mut length: i64 = -1;
        let byte = crate::universe::byte();
        let u = tt.underlying(x.typ);
        match tt.get(u).clone() {
            Type::Basic(_) => {
                if is_string(u) {
                    valid = true;
                    if x.mode == Mode::Constant {
                        length = x.val.as_ref().map(|v| v.string_len() as i64).unwrap_or(-1);
                    }
                    x.mode = Mode::Value;
                    x.typ = byte;
                }
            }
            Type::Array { len, elem } => {
                valid = true;
                length = len;
                if x.mode != Mode::Variable {
                    x.mode = Mode::Value;
                }
                x.typ = elem;
            }
            Type::Pointer(b) => {
                if let Type::Array { len, elem } = tt.get(tt.underlying(b)) {
                    valid = true;
                    length = *len;
                    x.mode = Mode::Variable;
                    x.typ = *elem;
                }
            }
            Type::Slice(elem) => {
                valid = true;
                x.mode = Mode::Variable;
                x.typ = elem;
            }
            Type::Map { key, elem } => {
                let Some(index) = self.single_index(e, index) else {
                    x.mode = Mode::Invalid;
                    return false;
                };
                let mut k = Operand::invalid(Some(index));
                self.expr_with_hint(&mut k, index, Some(key));
                self.assignment(&mut k, Some(key), "map index");
                x.mode = Mode::MapIndex;
                x.typ = elem;
                x.expr = Some(e);
                return false;
            }
            Type::Interface { .. } if is_type_param(x.typ) => {
                let mut key: Option<TypeId> = None;
                let mut elem: Option<TypeId> = None;
                let mut mode = Mode::Variable;
                let xmode = x.mode;
                let mut len_min = -1i64;
                let ok = under_is(x.typ, &mut |u| {
                    let Some(u) = u else { return false };
                    let (mut l, mut k, mut el) = (-1i64, None, None);
                    match tt.get(u) {
                        Type::Basic(_) if is_string(u) => {
                            el = Some(byte);
                            mode = Mode::Value;
                        }
                        Type::Array { len, elem } => {
                            l = *len;
                            el = Some(*elem);
                            if xmode != Mode::Variable {
                                mode = Mode::Value;
                            }
                        }
                        Type::Pointer(b) => {
                            if let Type::Array { len, elem } = tt.get(tt.underlying(*b)) {
                                l = *len;
                                el = Some(*elem);
                            }
                        }
                        Type::Slice(e) => el = Some(*e),
                        Type::Map { key, elem } => {
                            k = Some(*key);
                            el = Some(*elem);
                        }
                        _ => {}
                    }
                    let Some(e) = el else { return false };
                    match elem {
                        None => {
                            len_min = l;
                            key = k;
                            elem = Some(e);
                            true
                        }
                        Some(prev) => {
                            if key.is_some() != k.is_some() || key.zip(k).is_some_and(|(a, b)| !tt.identical(a, b)) {
                                return false;
                            }
                            if !tt.identical(prev, e) {
                                return false;
                            }
                            if l >= 0 && l < len_min {
                                len_min = l;
                            }
                            true
                        }
                    }
                });
                if ok {
                    if let Some(k) = key {
                        let Some(index) = self.single_index(e, index) else {
                            x.mode = Mode::Invalid;
                            return false;
                        };
                        let mut ko = Operand::invalid(Some(index));
                        self.expr(&mut ko, index);
                        self.assignment(&mut ko, Some(k), "map index");
                        x.mode = Mode::MapIndex;
                        x.typ = elem.unwrap_or(tt.invalid());
                        x.expr = Some(e);
                        return false;
                    }
                    valid = true;
                    length = len_min;
                    x.mode = mode;
                    x.typ = elem.unwrap_or(tt.invalid());
                }
            }
            _ => {}
        }
        if !valid {
            let s = self.op_str(x);
            self.error_pos(file.expr(e).pos, format!("cannot index {s}"));
            self.use_exprs(&[index]);
            x.mode = Mode::Invalid;
            return false;
        }
        let Some(index) = self.single_index(e, index) else {
            x.mode = Mode::Invalid;
            return false;
        };
        self.index(index, length);
        false
    }

    /// types2's `singleIndex`.
    fn single_index(&mut self, _e: ExprId, index: ExprId) -> Option<ExprId> {
        let file = self.ctx.file.clone();
        let file = &*file;
        if let ExprKind::List(l) = file.expr(index).kind {
            let elems = file.exprs_of(l);
            if elems.len() <= 1 {
                return None;
            }
            self.error_at(elems[1], "invalid operation: more than one index".into());
            return Some(elems[0]);
        }
        Some(index)
    }

    /// types2's `index`: checks an index against `max` (if known); the
    /// index's type and constant value (-1 if not constant).
    pub(crate) fn index(&mut self, index: ExprId, max: i64) -> (TypeId, i64) {
        let tt = table();
        let mut x = Operand::invalid(Some(index));
        self.expr(&mut x, index);
        if !self.is_valid_index(&mut x, "index", false) {
            return (tt.invalid(), -1);
        }
        if x.mode != Mode::Constant {
            return (x.typ, -1);
        }
        let Some(v) = x.val.clone() else { return (tt.invalid(), -1) };
        if v.kind() == Kind::Unknown {
            return (tt.invalid(), -1);
        }
        let (n, _) = v.int64_val();
        if max >= 0 && n >= max {
            self.error_op(&x, format!("invalid argument: index {v} out of bounds [0:{max}]"));
            return (tt.invalid(), -1);
        }
        (x.typ, n)
    }

    /// types2's `isValidIndex`.
    pub(crate) fn is_valid_index(&mut self, x: &mut Operand, what: &str, allow_negative: bool) -> bool {
        if x.mode == Mode::Invalid {
            return false;
        }
        self.convert_untyped(x, table().basic(BasicKind::Int));
        if x.mode == Mode::Invalid {
            return false;
        }
        if !all_integer(x.typ) {
            let s = self.op_str(x);
            self.error_op(x, format!("invalid argument: {what} {s} must be integer"));
            return false;
        }
        if x.mode == Mode::Constant {
            let v = x.val.clone().unwrap_or_else(constant::make_unknown);
            if !allow_negative && v.kind() != Kind::Unknown && v.sign() < 0 {
                let s = self.op_str(x);
                self.error_op(x, format!("invalid argument: {what} {s} must not be negative"));
                return false;
            }
            match representable_const(&v, BasicKind::Int, &self.config.sizes) {
                Some(r) => x.val = Some(r),
                None => {
                    let s = self.op_str(x);
                    self.error_op(x, format!("invalid argument: {what} {s} overflows int"));
                    return false;
                }
            }
        }
        true
    }

    /// types2's `sliceExpr`.
    pub(crate) fn slice_expr(&mut self, x: &mut Operand, e: ExprId) {
        let tt = table();
        let file = self.ctx.file.clone();
        let file = &*file;
        let ExprKind::Slice { x: base, index, full } = file.expr(e).kind else { return };
        self.expr(x, base);
        if x.mode == Mode::Invalid {
            let l: Vec<ExprId> = index.iter().flatten().copied().collect();
            self.use_exprs(&l);
            return;
        }
        // Slicing through a pointer dereferences it: its base must be complete.
        if let Type::Pointer(b) = *tt.get(tt.underlying(x.typ)) {
            if !self.is_complete(b) {
                x.mode = Mode::Invalid;
                return;
            }
        }
        let byte_slice = || {
            let byte = crate::universe::byte();
            tt.intern(Type::Slice(byte))
        };
        let mut cu: Option<TypeId> = None;
        let mut has_string = false;
        let mut failed = false;
        let xt = x.typ;
        let mut first_t: Option<TypeId> = None;
        let mut diff: Option<(TypeId, TypeId)> = None;
        let mut no_specific = false;
        if is_type_param(xt) {
            let terms = super::assign::tparam_terms(xt);
            match terms {
                None => no_specific = true,
                Some(list) => {
                    for t in list {
                        let mut u = tt.underlying(t);
                        if is_string(u) {
                            u = byte_slice();
                            has_string = true;
                        }
                        match cu {
                            None => {
                                cu = Some(u);
                                first_t = Some(t);
                            }
                            Some(c) => {
                                if !tt.identical(c, u) {
                                    diff = Some((first_t.unwrap_or(t), t));
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        } else {
            let mut u = tt.underlying(xt);
            if is_string(u) {
                u = byte_slice();
                has_string = true;
            }
            cu = Some(u);
        }
        if no_specific {
            let s = self.op_str(x);
            let ts = self.type_str(xt);
            self.error_op(x, format!("cannot slice {s}: no specific type in {ts}"));
            failed = true;
        } else if let Some((a, b)) = diff {
            let s = self.op_str(x);
            let (as_, bs) = (self.type_str(a), self.type_str(b));
            self.error_op(x, format!("cannot slice {s}: {as_} and {bs} have different underlying types"));
            failed = true;
        }
        if failed {
            x.mode = Mode::Invalid;
            return;
        }
        if has_string {
            cu = Some(if is_type_param(xt) { tt.basic(BasicKind::String) } else { tt.underlying(xt) });
        }
        let Some(cu) = cu else {
            x.mode = Mode::Invalid;
            return;
        };
        let mut valid = false;
        let mut length: i64 = -1;
        match tt.get(cu).clone() {
            Type::Basic(_) => {
                if is_string(cu) {
                    if full {
                        let at = index[2].unwrap_or(e);
                        self.error_at(at, "invalid operation: 3-index slice of string".into());
                        x.mode = Mode::Invalid;
                        return;
                    }
                    valid = true;
                    if x.mode == Mode::Constant {
                        length = x.val.as_ref().map(|v| v.string_len() as i64).unwrap_or(-1);
                    }
                    if is_untyped(x.typ) {
                        x.typ = tt.basic(BasicKind::String);
                    }
                }
            }
            Type::Array { len, elem } => {
                valid = true;
                length = len;
                if x.mode != Mode::Variable {
                    let s = self.op_str(x);
                    self.error_op(x, format!("cannot slice unaddressable value {s}"));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.typ = tt.intern(Type::Slice(elem));
            }
            Type::Pointer(b) => {
                if let Type::Array { len, elem } = tt.get(tt.underlying(b)) {
                    valid = true;
                    length = *len;
                    x.typ = tt.intern(Type::Slice(*elem));
                }
            }
            Type::Slice(_) => valid = true,
            _ => {}
        }
        if !valid {
            let s = self.op_str(x);
            self.error_op(x, format!("cannot slice {s}"));
            x.mode = Mode::Invalid;
            return;
        }
        x.mode = Mode::Value;
        if full && (index[1].is_none() || index[2].is_none()) {
            self.error_at(e, "invalid syntax tree: 2nd and 3rd index required in 3-index slice".into());
            x.mode = Mode::Invalid;
            return;
        }
        let mut ind = [-1i64; 3];
        let n = if full { 3 } else { 2 };
        for i in 0..n {
            ind[i] = match index[i] {
                Some(ie) => {
                    let max = if length >= 0 { length + 1 } else { -1 };
                    let (_, v) = self.index(ie, max);
                    v
                }
                None if i == 0 => 0,
                None if length >= 0 => length,
                None => -1,
            };
        }
        'outer: for i in 0..n - 1 {
            let a = ind[i];
            if a > 0 {
                for j in i + 1..n {
                    let b = ind[j];
                    if b >= 0 && b < a {
                        if let Some(ie) = index[j] {
                            self.error_at(ie, format!("invalid slice indices: {b} < {a}"));
                        }
                        break 'outer;
                    }
                }
            }
        }
    }
}
