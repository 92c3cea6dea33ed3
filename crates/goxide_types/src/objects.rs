//! Objects (declared entities) and the scopes that are shared between
//! package checkers (types2's `object.go`, `scope.go`).
//!
//! An object is an [`ObjId`] into one process-wide, append-only table.
//! What the checker learns later (an object's type) is set once through a
//! `OnceLock`, by the checker of the object's package. "Used" marks, which
//! any checker of the same package may set, are atomics.
//!
//! Scopes shared across packages are the universe, package `unsafe`, and
//! each package's scope: they are filled by one checker and then frozen
//! (`Scope::freeze`), after which lookups take no lock. Function and block
//! scopes are private to a checker and live in the checker, not here.
//!
//! Invariants: an object never changes kind; a frozen scope never changes.

use rustc_hash::FxHashMap as HashMap;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{LazyLock, Mutex, OnceLock};

use goxide_syntax::Pos;

use crate::symbol::Symbol;
use crate::types::{ObjId, PkgId, TypeId};

/// Where an object was declared: a file registered with the checker and a
/// byte offset in it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SrcPos {
    pub file: u32,
    pub pos: Pos,
}

/// What kind of variable.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VarKind {
    Package,
    Local,
    Recv,
    Param,
    Result,
    Field,
}

/// The builtin functions of the universe and of package `unsafe`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    // package unsafe
    Add,
    Alignof,
    Offsetof,
    Sizeof,
    Slice,
    SliceData,
    String,
    StringData,
    // types2's test functions (`DefPredeclaredTestFuncs`)
    Assert,
    Trace,
}

impl Builtin {
    pub const UNIVERSE: [Builtin; 18] = {
        use Builtin::*;
        [Append, Cap, Clear, Close, Complex, Copy, Delete, Imag, Len, Make, Max, Min, New, Panic, Print, Println, Real, Recover]
    };
    pub const UNSAFE: [Builtin; 8] = {
        use Builtin::*;
        [Add, Alignof, Offsetof, Sizeof, Slice, SliceData, String, StringData]
    };

    /// Name, minimum argument count, whether more may follow, and whether
    /// a call may stand as a statement (types2's `predeclaredFuncs`).
    pub fn info(self) -> (&'static str, usize, bool, bool) {
        use Builtin::*;
        match self {
            Append => ("append", 1, true, false),
            Cap => ("cap", 1, false, false),
            Clear => ("clear", 1, false, true),
            Close => ("close", 1, false, true),
            Complex => ("complex", 2, false, false),
            Copy => ("copy", 2, false, true),
            Delete => ("delete", 2, false, true),
            Imag => ("imag", 1, false, false),
            Len => ("len", 1, false, false),
            Make => ("make", 1, true, false),
            Max => ("max", 1, true, false),
            Min => ("min", 1, true, false),
            New => ("new", 1, false, false),
            Panic => ("panic", 1, false, true),
            Print => ("print", 0, true, true),
            Println => ("println", 0, true, true),
            Real => ("real", 1, false, false),
            Recover => ("recover", 0, false, true),
            Add => ("Add", 2, false, false),
            Alignof => ("Alignof", 1, false, false),
            Offsetof => ("Offsetof", 1, false, false),
            Sizeof => ("Sizeof", 1, false, false),
            Slice => ("Slice", 2, false, false),
            SliceData => ("SliceData", 1, false, false),
            String => ("String", 2, false, false),
            StringData => ("StringData", 1, false, false),
            Assert => ("assert", 1, false, true),
            Trace => ("trace", 0, true, true),
        }
    }
}

/// The kind of an object, with what only that kind has.
#[derive(Debug)]
pub enum ObjKind {
    /// An imported package's name in a file.
    PkgName { imported: PkgId },
    Const,
    TypeName,
    Var { kind: VarKind, embedded: bool },
    /// A function or method (its signature is the object's type).
    Func,
    Label,
    Builtin(Builtin),
    Nil,
}

/// A declared entity.
#[derive(Debug)]
pub struct Object {
    pub kind: ObjKind,
    pub name: Symbol,
    /// The declaring package; `None` in the universe.
    pub pkg: Option<PkgId>,
    pub pos: Option<SrcPos>,
    /// The type, once known. Set by the checker of the object's package;
    /// it may change while that checker runs (an object found in a
    /// declaration cycle is given the invalid type, a local variable's
    /// type is set after its initialiser), never after.
    pub typ: TypeCell,
    /// A constant's exact value, once known.
    pub val: OnceLock<crate::constant::Value>,
    /// Whether the object was used (variables, imports, labels).
    pub used: AtomicBool,
}

impl Object {
    pub fn mark_used(&self) {
        self.used.store(true, Ordering::Relaxed);
    }
    pub fn is_used(&self) -> bool {
        self.used.load(Ordering::Relaxed)
    }
    /// Whether the object is exported from its package.
    pub fn exported(&self) -> bool {
        self.name.is_exported()
    }
}

/// A type slot that can be read from any thread without a lock.
#[derive(Debug)]
pub struct TypeCell(AtomicU32);

impl TypeCell {
    pub fn new(t: Option<TypeId>) -> TypeCell {
        TypeCell(AtomicU32::new(t.map_or(0, TypeId::raw)))
    }
    /// The type, if set.
    pub fn get(&self) -> Option<TypeId> {
        TypeId::from_raw(self.0.load(Ordering::Acquire))
    }
    /// Sets (or replaces) the type.
    pub fn set(&self, t: TypeId) {
        self.0.store(t.raw(), Ordering::Release);
    }
}

static OBJECTS: LazyLock<boxcar::Vec<Object>> = LazyLock::new(boxcar::Vec::new);

/// Creates an object.
pub fn new_object(kind: ObjKind, name: Symbol, pkg: Option<PkgId>, pos: Option<SrcPos>, typ: Option<TypeId>) -> ObjId {
    let o = Object { kind, name, pkg, pos, typ: TypeCell::new(typ), val: OnceLock::new(), used: AtomicBool::new(false) };
    let i = OBJECTS.push(o);
    ObjId(NonZeroU32::new(u32::try_from(i + 1).expect("too many objects")).unwrap())
}

/// The object behind an id.
pub fn object(id: ObjId) -> &'static Object {
    &OBJECTS[id.0.get() as usize - 1]
}

/// A scope shared between checkers: filled by one, then frozen.
#[derive(Debug, Default)]
pub struct Scope {
    pub parent: Option<&'static Scope>,
    building: Mutex<HashMap<Symbol, ObjId>>,
    frozen: OnceLock<HashMap<Symbol, ObjId>>,
}

impl Scope {
    /// A new scope, to live for the whole process.
    pub fn new(parent: Option<&'static Scope>) -> &'static Scope {
        Box::leak(Box::new(Scope { parent, building: Mutex::default(), frozen: OnceLock::new() }))
    }

    /// Declares `obj` under its name; returns the object already declared
    /// under that name, if any (and then declares nothing).
    pub fn insert(&self, obj: ObjId) -> Option<ObjId> {
        assert!(self.frozen.get().is_none(), "insert into a frozen scope");
        let name = object(obj).name;
        let mut map = self.building.lock().unwrap();
        if let Some(&alt) = map.get(&name) {
            return Some(alt);
        }
        map.insert(name, obj);
        None
    }

    /// Ends the building phase: from now on lookups take no lock.
    pub fn freeze(&self) {
        let map = std::mem::take(&mut *self.building.lock().unwrap());
        self.frozen.set(map).expect("scope frozen twice");
    }

    /// The object declared under `name` in this scope itself.
    pub fn lookup(&self, name: Symbol) -> Option<ObjId> {
        match self.frozen.get() {
            Some(map) => map.get(&name).copied(),
            None => self.building.lock().unwrap().get(&name).copied(),
        }
    }

    /// The object for `name` here or in an enclosing scope.
    pub fn lookup_parent(&self, name: Symbol) -> Option<ObjId> {
        let mut s = Some(self);
        while let Some(scope) = s {
            if let Some(o) = scope.lookup(name) {
                return Some(o);
            }
            s = scope.parent;
        }
        None
    }

    /// The declared names, sorted (types2's `Scope.Names`).
    pub fn names(&self) -> Vec<Symbol> {
        let mut names: Vec<Symbol> = match self.frozen.get() {
            Some(map) => map.keys().copied().collect(),
            None => self.building.lock().unwrap().keys().copied().collect(),
        };
        names.sort_by_key(|s| s.as_str());
        names
    }
}
