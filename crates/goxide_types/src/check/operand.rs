//! Operands: what the checker knows about an expression while checking it
//! (types2's `operand.go`), and how messages describe them.
//!
//! An operand has a mode (constant, variable, value, type, ...), a type,
//! for constants an exact value, and the syntax it came from. Its
//! description is types2's `operandString`, the phrase most type errors
//! are built around: `300 (untyped int constant)`, `x (variable of type
//! int)`, `1 << 70 (untyped int constant 1180591620717411303424)`,
//! `s (variable of struct type S)`, `nil`.

use goxide_syntax::ast::{ExprId, File};

use crate::constant::Value;
use crate::objects::Builtin;
use crate::types::{info, table, BasicKind, PkgId, Type, TypeId};
use crate::typestring::type_string;

/// How an expression may be used (types2's `operandMode`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Invalid,
    NoValue,
    Builtin(Builtin),
    TypeExpr,
    Constant,
    Variable,
    MapIndex,
    Value,
    NilValue,
    CommaOk,
    CommaErr,
}

impl Mode {
    /// types2's `operandModeString`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::TypeExpr => "type",
            Mode::Constant => "constant",
            Mode::Variable => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
            Mode::NilValue => "nil",
            Mode::CommaOk => "comma, ok expression",
            Mode::CommaErr => "comma, error expression",
        }
    }
}

/// An operand.
#[derive(Clone, Debug)]
pub struct Operand {
    pub mode: Mode,
    pub typ: TypeId,
    /// The exact value, for `Mode::Constant`.
    pub val: Option<Value>,
    /// The expression the operand stands for, if any.
    pub expr: Option<ExprId>,
    /// What messages call the operand instead of its expression's text
    /// (types2's dummy names: "1st function result", "ok value of
    /// (comma, ok) expression").
    pub dummy: Option<Box<str>>,
}

impl Operand {
    /// An invalid operand for expression `e`.
    pub fn invalid(e: Option<ExprId>) -> Operand {
        Operand { mode: Mode::Invalid, typ: table().invalid(), val: None, expr: e, dummy: None }
    }
}

use crate::predicates::{composite_kind, is_generic, is_interface};

impl Operand {
    /// types2's `operandString`: the description messages use. `file` is
    /// the file of `expr`; `qf` qualifies package names.
    pub fn describe(&self, file: &File, qf: &dyn Fn(PkgId) -> String) -> String {
        let tt = table();
        if self.mode == Mode::NilValue {
            return if self.typ == tt.invalid() {
                "nil (with invalid type)".into()
            } else if self.typ == tt.basic(BasicKind::UntypedNil) {
                "nil".into()
            } else {
                format!("nil (of type {})", type_string(self.typ, qf))
            };
        }
        let expr = match (self.expr, self.mode) {
            _ if self.dummy.is_some() => self.dummy.as_deref().unwrap_or_default().to_string(),
            (Some(e), _) => goxide_syntax::printer::expr_string(file, e),
            (None, Mode::Builtin(b)) => b.info().0.to_string(),
            (None, Mode::TypeExpr) => type_string(self.typ, qf),
            (None, Mode::Constant) => self.val.as_ref().map(|v| v.to_string()).unwrap_or_default(),
            _ => String::new(),
        };
        let mut buf = String::new();
        if !expr.is_empty() {
            buf.push_str(&expr);
            buf.push_str(" (");
        }
        let mut has_type = false;
        match self.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::TypeExpr => {}
            _ => {
                if let Type::Basic(k) = tt.get(self.typ) {
                    if k.info() & info::UNTYPED != 0 {
                        buf.push_str(k.name());
                        buf.push(' ');
                    } else {
                        has_type = true;
                    }
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(self.mode.name());
        if self.mode == Mode::Constant {
            if let Some(v) = &self.val {
                let s = v.to_string();
                if s != expr {
                    buf.push(' ');
                    buf.push_str(&s);
                }
            }
        }
        if has_type {
            if self.typ != tt.invalid() {
                let mut desc = String::new();
                if is_generic(self.typ) {
                    desc.push_str("generic ");
                }
                let unaliased = tt.unalias(self.typ);
                let tpar = tt.type_param(unaliased);
                // byte and rune are basic types in types2, not aliases.
                let basic_alias = self.typ == crate::universe::byte() || self.typ == crate::universe::rune();
                if tpar.is_none() && !basic_alias && matches!(tt.get(self.typ), Type::Named(_) | Type::Alias(_)) {
                    let mut what = composite_kind(self.typ).to_string();
                    if what.is_empty() {
                        let spelled = tt.underlying_spelled(self.typ);
                        if let Type::Basic(k) = tt.get(tt.underlying(spelled)) {
                            what = if spelled == crate::universe::byte() {
                                "byte".to_string()
                            } else if spelled == crate::universe::rune() {
                                "rune".to_string()
                            } else {
                                k.name().to_string()
                            };
                        }
                    }
                    desc.push_str(&what);
                    desc.push(' ');
                }
                buf.push_str(" of ");
                buf.push_str(&desc);
                buf.push_str("type ");
                buf.push_str(&type_string(self.typ, qf));
                if let Some(p) = tpar {
                    if let Some(&bound) = p.constraint.get() {
                        buf.push_str(" constrained by ");
                        buf.push_str(&type_string(bound, qf));
                        // types2's hasEmptyTypeset.
                        if is_interface(bound) && crate::typeset::type_set(tt.underlying(bound)).is_empty() {
                            buf.push_str(" with empty type set");
                        }
                    }
                }
            } else {
                buf.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            buf.push(')');
        }
        buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constant;
    use crate::symbol::Symbol;
    use goxide_syntax::ast::DeclKind;

    /// The value expression of `var _ = <src>` in a parsed file.
    fn expr_of(src: &str) -> (File, ExprId) {
        let (f, d) = goxide_syntax::parse_file("x.go", format!("package p\nvar _ = {src}\n").as_bytes());
        assert!(d.is_empty());
        let decl = f.decls_of(f.decls)[0];
        let DeclKind::Var { values: Some(v), .. } = f.decl(decl).kind else { panic!() };
        (f, v)
    }

    fn no_qf(_: PkgId) -> String {
        String::new()
    }

    #[test]
    fn describes_as_types2() {
        let t = table();
        let (f, e) = expr_of("300");
        let c = Operand {
            mode: Mode::Constant,
            typ: t.basic(BasicKind::UntypedInt),
            val: Some(constant::make_int64(300)),
            expr: Some(e),
            dummy: None,
        };
        assert_eq!(c.describe(&f, &no_qf), "300 (untyped int constant)");

        let (f, e) = expr_of("1 << 70");
        let big = constant::shift(&constant::make_int64(1), constant::ShiftOp::Shl, 70);
        let c = Operand { mode: Mode::Constant, typ: t.basic(BasicKind::UntypedInt), val: Some(big), expr: Some(e), dummy: None };
        assert_eq!(c.describe(&f, &no_qf), "1 << 70 (untyped int constant 1180591620717411303424)");

        let (f, e) = expr_of("x");
        let v = Operand { mode: Mode::Variable, typ: t.basic(BasicKind::Int), val: None, expr: Some(e), dummy: None };
        assert_eq!(v.describe(&f, &no_qf), "x (variable of type int)");

        // A named struct type is described by its structure; a renamed
        // basic type by its basic type.
        let s = t.new_named(Symbol::intern("S"), None);
        t.named(s).unwrap().underlying.set(t.intern(Type::Struct(Box::new([])))).unwrap();
        let v = Operand { mode: Mode::Variable, typ: s, val: None, expr: Some(e), dummy: None };
        assert_eq!(v.describe(&f, &no_qf), "x (variable of struct type S)");
        let my = t.new_named(Symbol::intern("MyInt"), None);
        t.named(my).unwrap().underlying.set(t.basic(BasicKind::Int32)).unwrap();
        let v = Operand { mode: Mode::Value, typ: my, val: None, expr: Some(e), dummy: None };
        assert_eq!(v.describe(&f, &no_qf), "x (value of int32 type MyInt)");

        let n = Operand { mode: Mode::NilValue, typ: t.basic(BasicKind::UntypedNil), val: None, expr: Some(e), dummy: None };
        assert_eq!(n.describe(&f, &no_qf), "nil");
        let b = Operand { mode: Mode::Builtin(Builtin::Len), typ: t.invalid(), val: None, expr: None, dummy: None };
        assert_eq!(b.describe(&f, &no_qf), "len (built-in)");
    }
}
