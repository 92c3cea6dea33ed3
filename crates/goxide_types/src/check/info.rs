//! What the checker records for later stages (types2's `Info`, minus what
//! gc does not use): the type and value of every expression, the object
//! behind every identifier, selections, implicit objects, instances.
//!
//! Keys are syntax positions qualified by the file's registry number:
//! expressions by `(file, ExprId)`, identifiers by `(file, position of the
//! name)` (a name's position is unique in its file).
//!
//! Invariant: an untyped constant expression is recorded with its final
//! type (the type it was converted to by its context), as types2's
//! `recordUntyped` does at the end of checking.

use std::collections::HashMap;

use goxide_syntax::ast::{ExprId, StmtId};
use goxide_syntax::Pos;

use super::operand::Mode;
use crate::constant::Value;
use crate::types::{ObjId, TypeId};

/// The mode, type and (for constants) value of an expression.
#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub typ: TypeId,
    pub val: Option<Value>,
}

/// How a selector `x.f` selects (types2's `SelectionKind`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SelectionKind {
    FieldVal,
    MethodVal,
    MethodExpr,
}

/// A selector's meaning: the receiver type, the path of field indices
/// through embedded fields (the last index selects the field or, for a
/// method, is the method's index), whether a pointer is followed on the
/// way, the selected method object (declared methods) and the type of the
/// selection.
#[derive(Clone, Debug)]
pub struct Selection {
    pub kind: SelectionKind,
    pub recv: TypeId,
    pub path: Box<[usize]>,
    pub indirect: bool,
    pub method: Option<ObjId>,
    pub typ: TypeId,
}

/// The checker's results for one package.
#[derive(Default, Debug)]
pub struct Info {
    pub types: HashMap<(u32, ExprId), TypeAndValue>,
    /// Identifiers that use an object.
    pub uses: HashMap<(u32, Pos), ObjId>,
    /// Objects declared implicitly: a type switch clause's variable (keyed
    /// by the clause), an import without a name is in `Checker::imports`.
    pub implicits: HashMap<(u32, StmtId), ObjId>,
    pub selections: HashMap<(u32, ExprId), Selection>,
    /// Generic functions and types used with type arguments (explicit or
    /// inferred), keyed by the identifier: type arguments and the
    /// instantiated type.
    pub instances: HashMap<(u32, Pos), (Box<[TypeId]>, TypeId)>,
    /// Package-level variables in initialisation order, each with its
    /// left-hand side (several for `var a, b = f()`).
    pub init_order: Vec<Vec<ObjId>>,
}
