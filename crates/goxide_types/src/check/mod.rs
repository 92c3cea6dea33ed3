//! The checker of one package (types2's `check.go`, `errors.go`).
//!
//! A `Checker` owns one package's state while it is checked: its files,
//! file scopes, the declarations of its package-level objects, the
//! methods waiting for their receiver types, and the errors found. Shared
//! results (objects, types, the package scope) go to the process-wide
//! tables; everything else dies with the checker.
//!
//! Phases, as types2's `checkFiles`: collect objects (`resolver.rs`,
//! done), then (being written) package-level declarations in source order, function
//! bodies, initialisation order, unused imports.
//!
//! Errors are types2's: a message, optionally continued by further
//! "\n\t<pos>: <msg>" parts (e.g. "x redeclared in this block" followed by
//! "other declaration of x"); "soft" errors are those types2 marks soft.

pub mod operand;
mod resolver;

use std::collections::HashMap;
use std::sync::Arc;

use goxide_syntax::ast::{DeclId, ExprId, File};
use goxide_syntax::{Diagnostic, Pos};

use crate::files;
use crate::objects::{Scope, SrcPos};
use crate::package;
use crate::sizes::Sizes;
use crate::symbol::Symbol;
use crate::types::{ObjId, PkgId};

/// What the checker is told about the build.
#[derive(Clone, Debug)]
pub struct Config {
    pub sizes: Sizes,
}

/// How the checker finds an imported package: by import path, a package
/// whose scope is complete (frozen), or an error text.
pub trait Importer {
    fn import(&self, path: &str) -> Result<PkgId, String>;
}

/// One error: where, and types2's message (parts joined as types2 prints
/// them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeError {
    pub pos: SrcPos,
    pub msg: String,
    pub soft: bool,
}

impl TypeError {
    /// As a diagnostic of the syntax crate, for gc's reporting policy.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic { offset: self.pos.pos, pos: files::position(self.pos), msg: self.msg.clone() }
    }
}

/// Where a package-level object is declared, and what its declaration
/// says (types2's `declInfo`).
// Read by the declaration phase (types2's decl.go), the next to be written.
#[allow(dead_code)]
#[derive(Clone, Debug)]
pub(crate) struct DeclInfo {
    /// Index into the checker's files.
    pub file: usize,
    pub decl: DeclId,
    pub source: DeclSource,
}

#[allow(dead_code)]
#[derive(Clone, Debug)]
pub(crate) enum DeclSource {
    /// A constant: its (possibly inherited) type and value expressions and
    /// its `iota`.
    Const { typ: Option<ExprId>, init: Option<ExprId>, inherited: bool, iota: i64 },
    /// A variable: its type and init expression; `lhs` lists all the
    /// variables of an n:1 declaration (`var a, b = f()`).
    Var { typ: Option<ExprId>, init: Option<ExprId>, lhs: Option<Arc<[ObjId]>> },
    Type,
    Func,
}

/// The checker of one package.
pub struct Checker<'a> {
    #[allow(dead_code)] // sizes are read by the expression phase
    pub(crate) config: &'a Config,
    pub(crate) importer: &'a dyn Importer,
    pub pkg: PkgId,
    pub(crate) scope: &'static Scope,
    /// The files, with their numbers in the file registry.
    pub(crate) files: Vec<(u32, Arc<File>)>,
    pub(crate) file_scopes: Vec<&'static Scope>,
    /// Package-level objects (and methods) and their declarations, in
    /// declaration order.
    pub(crate) objects: Vec<ObjId>,
    pub(crate) decls: HashMap<ObjId, DeclInfo>,
    /// Methods by receiver base type name, with whether the receiver is a
    /// pointer; associated with their types once those are declared.
    pub(crate) methods: HashMap<Symbol, Vec<(ObjId, bool)>>,
    /// Import objects (`PkgName`s), for the unused-import check.
    pub(crate) imports: Vec<ObjId>,
    /// Objects defined by identifiers: (file number, position) -> object.
    pub defs: HashMap<(u32, Pos), ObjId>,
    pub errors: Vec<TypeError>,
}

impl<'a> Checker<'a> {
    /// A checker for package `path` made of `files` (already parsed).
    pub fn new(config: &'a Config, importer: &'a dyn Importer, path: &str, files: Vec<Arc<File>>) -> Checker<'a> {
        let name = files.first().map(|f| f.name_str(f.pkg_name).to_string()).unwrap_or_default();
        let pkg = package::register(path, &name);
        let scope = Scope::new(Some(crate::universe::universe().scope));
        let files = files.into_iter().map(|f| (files::register(f.clone()), f)).collect();
        Checker {
            config,
            importer,
            pkg,
            scope,
            files,
            file_scopes: Vec::new(),
            objects: Vec::new(),
            decls: HashMap::new(),
            methods: HashMap::new(),
            imports: Vec::new(),
            defs: HashMap::new(),
            errors: Vec::new(),
        }
    }

    /// Runs the phases written so far: collects the package's objects and
    /// publishes its scope.
    pub fn check(&mut self) {
        self.collect_objects();
        self.scope.freeze();
        package::info(self.pkg).scope.set(self.scope).expect("package checked twice");
    }

    /// The package's scope.
    pub fn scope(&self) -> &'static Scope {
        self.scope
    }

    // ---- errors ----

    pub(crate) fn pos(&self, file: usize, pos: Pos) -> SrcPos {
        files::src_pos(self.files[file].0, pos)
    }

    /// Reports an error with continuation parts (types2's `error_.addf` +
    /// `report`).
    pub(crate) fn report(&mut self, parts: Vec<(Option<SrcPos>, String)>, soft: bool) {
        let mut msg = String::new();
        let first = parts[0].0.expect("an error has a position");
        for (i, (pos, text)) in parts.into_iter().enumerate() {
            if i > 0 {
                msg.push_str("\n\t");
                if let Some(p) = pos {
                    msg.push_str(&format!("{}: ", files::position(p)));
                }
            }
            msg.push_str(&text);
        }
        self.errors.push(TypeError { pos: first, msg, soft });
    }

    pub(crate) fn error(&mut self, pos: SrcPos, msg: String) {
        self.report(vec![(Some(pos), msg)], false);
    }

    pub(crate) fn soft_error(&mut self, pos: SrcPos, msg: String) {
        self.report(vec![(Some(pos), msg)], true);
    }

    /// Declares `obj` in `scope`; reports a redeclaration (types2's
    /// `declare`). Blank names are never declared.
    pub(crate) fn declare(&mut self, scope: &Scope, obj: ObjId) {
        let o = crate::objects::object(obj);
        if o.name.is_blank() {
            return;
        }
        if let Some(alt) = scope.insert(obj) {
            let pos = o.pos.expect("declared objects have positions");
            let mut parts = vec![(Some(pos), format!("{} redeclared in this block", o.name))];
            parts.extend(alt_decl(alt));
            self.report(parts, false);
        }
    }
}

/// The "other declaration of x" part, when `alt` has a position.
pub(crate) fn alt_decl(alt: ObjId) -> Option<(Option<SrcPos>, String)> {
    let a = crate::objects::object(alt);
    a.pos.map(|p| (Some(p), format!("other declaration of {}", a.name)))
}

#[cfg(test)]
mod tests;
