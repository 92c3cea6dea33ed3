//! What the checker records for later stages (types2's `Info`, minus what
//! gc does not use): the type and value of every expression, the object
//! behind every identifier, selections, implicit objects, instances.
//!
//! Keys are syntax positions qualified by the file's registry number:
//! expressions by `(file, ExprId)`, identifiers by `(file, position of the
//! name)` (a name's position is unique in its file).
//!
//! Expression types, recorded for nearly every expression, are in
//! [`ExprTypes`]: one dense vector per file indexed by `ExprId` (the syntax
//! crate's ids are dense per file), not a hash map — the checker records
//! and updates an entry for every expression it checks.
//!
//! Invariant: an untyped constant expression is recorded with its final
//! type (the type it was converted to by its context), as types2's
//! `recordUntyped` does at the end of checking.

use rustc_hash::FxHashMap as HashMap;

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
    pub types: ExprTypes,
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

/// The type and value of each expression, keyed by `(file number,
/// ExprId)` (a map's interface: `get`, `get_mut`, `insert`, `keys`,
/// `iter`, `len`), stored densely: per file, a vector indexed by
/// `ExprId::index()`, grown on demand.
///
/// Invariant: `len` counts the occupied entries; an entry holds the id it
/// is stored under.
#[derive(Default, Debug)]
pub struct ExprTypes {
    /// File number → index into `files`.
    file_index: HashMap<u32, u32>,
    files: Vec<(u32, Vec<Option<(ExprId, TypeAndValue)>>)>,
    len: usize,
    /// The file number and index of the last file inserted into or
    /// updated: the checker records a file's expressions in runs.
    last: Option<(u32, u32)>,
}

impl ExprTypes {
    fn slot(&self, key: &(u32, ExprId)) -> Option<&Option<(ExprId, TypeAndValue)>> {
        let &i = self.file_index.get(&key.0)?;
        self.files.get(i as usize)?.1.get(key.1.index())
    }

    /// The entry of expression `key.1` of file `key.0`.
    pub fn get(&self, key: &(u32, ExprId)) -> Option<&TypeAndValue> {
        self.slot(key)?.as_ref().map(|(_, tv)| tv)
    }

    pub fn get_mut(&mut self, key: &(u32, ExprId)) -> Option<&mut TypeAndValue> {
        let i = match self.last {
            Some((f, i)) if f == key.0 => i,
            _ => {
                let &i = self.file_index.get(&key.0)?;
                self.last = Some((key.0, i));
                i
            }
        };
        self.files.get_mut(i as usize)?.1.get_mut(key.1.index())?.as_mut().map(|(_, tv)| tv)
    }

    pub fn contains_key(&self, key: &(u32, ExprId)) -> bool {
        self.get(key).is_some()
    }

    /// Sets the entry of `key`, returning the previous one.
    pub fn insert(&mut self, key: (u32, ExprId), tv: TypeAndValue) -> Option<TypeAndValue> {
        let i = match self.last {
            Some((f, i)) if f == key.0 => i as usize,
            _ => {
                let next = self.files.len() as u32;
                let i = *self.file_index.entry(key.0).or_insert(next);
                if i == next {
                    self.files.push((key.0, Vec::new()));
                }
                self.last = Some((key.0, i));
                i as usize
            }
        };
        let entries = &mut self.files[i].1;
        let at = key.1.index();
        if at >= entries.len() {
            entries.resize(at + 1, None);
        }
        let old = entries[at].replace((key.1, tv)).map(|(_, tv)| tv);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// The keys, file by file in order of first record, expressions in id
    /// order.
    pub fn keys(&self) -> impl Iterator<Item = (u32, ExprId)> + '_ {
        self.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = ((u32, ExprId), &TypeAndValue)> + '_ {
        self.files
            .iter()
            .flat_map(|(f, entries)| entries.iter().flatten().map(move |(e, tv)| ((*f, *e), tv)))
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expr_types_behave_as_a_map() {
        let (file, _) = goxide_syntax::parse_file("./t.go", b"package p\nvar x = 1 + 2*3\n");
        // The ids of `1 + 2*3`, `1` and `2*3`.
        let d = file.decls_of(file.decls)[0];
        let goxide_syntax::ast::DeclKind::Var { values: Some(sum), .. } = file.decl(d).kind else { panic!() };
        let goxide_syntax::ast::ExprKind::Operation { x, y: Some(y), .. } = file.expr(sum).kind else { panic!() };
        let ids = [sum, x, y];
        let tv = |n: u32| TypeAndValue { mode: Mode::Value, typ: TypeId::from_raw(n).unwrap(), val: None };
        let mut m = ExprTypes::default();
        assert!(m.is_empty() && m.get(&(7, ids[0])).is_none());
        assert!(m.insert((7, ids[2]), tv(5)).is_none());
        assert!(m.insert((9, ids[0]), tv(6)).is_none());
        assert_eq!(m.insert((7, ids[2]), tv(8)).map(|t| t.typ.raw()), Some(5));
        assert_eq!(m.len(), 2);
        assert_eq!(m.get(&(7, ids[2])).map(|t| t.typ.raw()), Some(8));
        assert!(m.get(&(7, ids[0])).is_none() && m.get(&(8, ids[2])).is_none() && m.get(&(9, ids[1])).is_none());
        if let Some(t) = m.get_mut(&(9, ids[0])) {
            t.mode = Mode::Constant;
        }
        assert_eq!(m.get(&(9, ids[0])).map(|t| t.mode), Some(Mode::Constant));
        let keys: Vec<(u32, ExprId)> = m.keys().collect();
        assert_eq!(keys, [(7, ids[2]), (9, ids[0])]);
    }
}
