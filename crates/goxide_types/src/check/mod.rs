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

mod assign;
mod builtins;
mod call;
mod cycles;
mod decl;
mod expr;
mod index;
mod initorder;
mod labels;
pub mod info;
mod literals;
mod mono;
pub mod operand;
mod resolver;
mod scope;
mod stmt;
mod typexpr;

pub use info::{Info, Selection, SelectionKind, TypeAndValue};
pub(crate) use scope::{LocalScope, ScopeRef};
pub(crate) use stmt::Delayed;
pub(crate) use expr::UntypedInfo;

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use goxide_syntax::ast::{DeclId, ExprId, File};
use goxide_syntax::{Diagnostic, Pos};

use crate::constant::Value;
use crate::files;
use crate::objects::{Scope, SrcPos};
use crate::package;
use crate::sizes::Sizes;
use crate::symbol::Symbol;
use crate::types::{ObjId, PkgId, TypeId};

/// What the checker is told about the build (types2's `Config`, the
/// part gc and types2's test harness set).
#[derive(Clone, Debug)]
pub struct Config {
    pub sizes: Sizes,
    /// The language version accepted (types2's `GoVersion`): `go1.N`,
    /// possibly with a patch or pre-release suffix (`go1.21.3`,
    /// `go1.21rc1`), or empty for no version checks (the newest). gc
    /// passes its `-lang` (from go.mod's `go` line; cmd/go always sets it).
    /// An invalid string is an error the checker reports, as types2 does.
    pub go_version: String,
    /// types2's `IgnoreBranchErrors`: labels and branch statements are not
    /// checked. gc sets it (its parser already checked them, in its own
    /// words); types2's test harness (`goxide tool check -types2test`)
    /// clears it, and the checker reports them in types2's words
    /// (`label L declared and not used`).
    pub ignore_branch_errors: bool,
    /// types2's `FakeImportC`: `import "C"` declares an empty package `C`,
    /// and no error is reported for qualified identifiers `C.x`.
    pub fake_import_c: bool,
    /// Whether `assert(bool)` and `trace(...)` are predeclared, as types2's
    /// `DefPredeclaredTestFuncs` adds them to the universe for its test
    /// corpus (`testdata/check`). The universe is shared by all packages of
    /// the process, so the checker resolves these two names itself, after
    /// the universe, for the packages whose Config asks.
    pub predeclared_test_funcs: bool,
}

impl Config {
    /// gc's configuration for `sizes`: newest language version, branch
    /// errors left to the parser, no fake C, no test functions.
    pub fn new(sizes: Sizes) -> Config {
        Config { sizes, go_version: String::new(), ignore_branch_errors: true, fake_import_c: false, predeclared_test_funcs: false }
    }

    /// The minor version N of `go_version` (go1.N), `None` if empty or invalid.
    pub fn lang_minor(&self) -> Option<u32> {
        let v = self.go_version.strip_prefix("go1.")?;
        let end = v.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(v.len());
        v[..end].parse().ok()
    }
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
#[derive(Clone, Debug)]
pub(crate) struct DeclInfo {
    /// Index into the checker's files.
    pub file: usize,
    pub decl: DeclId,
    pub source: DeclSource,
}

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

/// Where the checker is (types2's `environment`): the file, the scope,
/// the enclosing declaration and function.
#[derive(Clone)]
pub(crate) struct Ctx {
    /// Index into `Checker::files`.
    pub fi: usize,
    pub file: Arc<File>,
    /// The file's number in the registry (`files::register`).
    pub fnum: u32,
    /// The package-level object whose declaration is being checked
    /// (dependencies are recorded against it).
    pub decl: Option<ObjId>,
    pub scope: ScopeRef,
    /// The value of `iota` in a constant declaration.
    pub iota: Option<Value>,
    /// The signature of the function whose body is checked.
    pub sig: Option<TypeId>,
    /// Set when a function body contains a call or receive (types2's
    /// `hasCallOrRecv`, used for constant-ness of `len`).
    pub has_call_or_recv: bool,
    /// Inside the type parameter list of a declaration.
    pub in_tparam_list: bool,
    /// Language version of the file (minor version of go1.N), or `None` for the newest.
    pub lang: Option<u32>,
}

/// The checker of one package.
pub struct Checker<'a> {
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
    pub defs: std::collections::HashMap<(u32, Pos), ObjId>,
    /// What later stages need: types, uses, selections (see `info.rs`).
    pub info: Info,
    pub errors: Vec<TypeError>,

    // ---- state while checking ----
    pub(crate) ctx: Ctx,
    /// The objects whose declarations are being checked, outermost first
    /// (types2's `objPath`), for cycle detection.
    pub(crate) obj_path: Vec<ObjId>,
    /// Dependencies of package-level objects on others (for init order).
    pub(crate) deps: HashMap<ObjId, Vec<ObjId>>,
    /// Function-local scopes.
    pub(crate) locals: Vec<LocalScope>,
    /// Actions delayed until the package-level declarations are done
    /// (function bodies), in order.
    pub(crate) delayed: Vec<Delayed>,
    /// Untyped expressions whose final type is not known yet.
    pub(crate) untyped: HashMap<(u32, ExprId), UntypedInfo>,
    /// The number of errors reported.
    pub(crate) error_count: usize,
    /// Where struct fields were declared, by (struct type, name), for
    /// "other declaration of" parts.
    pub(crate) field_positions: HashMap<(TypeId, Symbol), SrcPos>,
    /// The right-hand side of each named type declared in the package
    /// (types2's `fromRHS`), for `validType`.
    pub(crate) named_rhs: HashMap<TypeId, TypeId>,
    /// The receiver variable of each method declared in the package.
    pub method_recv: HashMap<ObjId, ObjId>,
    /// Calls of `panic` in functions with results (terminating statements).
    pub(crate) is_panic: rustc_hash::FxHashSet<(u32, ExprId)>,
    /// Whether the function body being checked has labels (types2's `hasLabel`).
    pub(crate) has_label: bool,
    /// The fake package `C` (`Config::fake_import_c`), once imported.
    pub(crate) fake_c: Option<PkgId>,
    /// Dot-imported objects by (file index, object): the import's `PkgName`.
    pub(crate) dot_imports: HashMap<(usize, ObjId), ObjId>,
    /// The target of the next `raw_expr` (types2's `T *target` argument),
    /// set by `expr_for_target` and taken at once by `raw_expr`, so
    /// nested expressions never see it.
    pub(crate) pending_target: Option<expr::Target>,
    /// The fake packages made for failed imports, by path.
    pub(crate) fake_imports: HashMap<String, PkgId>,
    /// Instantiations, for instantiation cycles (types2's `mono`).
    pub(crate) mono: mono::MonoGraph,
}

impl<'a> Checker<'a> {
    /// The numbers of the package's files in the file registry
    /// (`crate::files`), in file order.
    pub fn file_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.files.iter().map(|(n, _)| *n)
    }

    /// A checker for package `path` made of `files` (already parsed).
    pub fn new(config: &'a Config, importer: &'a dyn Importer, path: &str, files: Vec<Arc<File>>) -> Checker<'a> {
        let name = files.first().map(|f| f.name_str(f.pkg_name).to_string()).unwrap_or_default();
        let pkg = package::register(path, &name);
        let scope = Scope::new(Some(crate::universe::universe().scope));
        let files: Vec<(u32, Arc<File>)> = files.into_iter().map(|f| (files::register(f.clone()), f)).collect();
        let (fnum, file): (u32, Arc<File>) = match files.first() {
            Some((n, f)) => (*n, f.clone()),
            None => {
                static EMPTY: std::sync::LazyLock<(u32, Arc<File>)> = std::sync::LazyLock::new(|| {
                    let (f, _) = goxide_syntax::parse_file("<empty>", b"package _\n");
                    let f = Arc::new(f);
                    (files::register(f.clone()), f)
                });
                EMPTY.clone()
            }
        };
        let ctx = Ctx {
            fi: 0,
            file,
            fnum,
            decl: None,
            scope: ScopeRef::Shared(scope),
            iota: None,
            sig: None,
            has_call_or_recv: false,
            in_tparam_list: false,
            lang: None,
        };
        Checker {
            config,
            importer,
            pkg,
            scope,
            files,
            file_scopes: Vec::new(),
            objects: Vec::new(),
            decls: HashMap::default(),
            methods: HashMap::default(),
            imports: Vec::new(),
            defs: std::collections::HashMap::default(),
            info: Info::default(),
            errors: Vec::new(),
            ctx,
            obj_path: Vec::new(),
            deps: HashMap::default(),
            locals: Vec::new(),
            delayed: Vec::new(),
            untyped: HashMap::default(),
            error_count: 0,
            field_positions: HashMap::default(),
            method_recv: HashMap::default(),
            named_rhs: HashMap::default(),
            is_panic: Default::default(),
            dot_imports: HashMap::default(),
            has_label: false,
            fake_c: None,
            pending_target: None,
            fake_imports: HashMap::default(),
            mono: mono::MonoGraph::default(),
        }
    }

    /// Checks the package (types2's `checkFiles`): collects objects,
    /// checks package-level declarations, then function bodies; reports
    /// unused imports; publishes the package scope.
    pub fn check(&mut self) {
        // types2's initFiles: the package cannot be named _.
        if let Some((fnum, f)) = self.files.first().cloned() {
            if f.name_str(f.pkg_name) == "_" {
                self.error(files::src_pos(fnum, f.pkg_name.pos), "invalid package name _".into());
            }
        }
        self.collect_objects();
        self.direct_cycles();
        self.package_objects();
        self.process_delayed();
        self.init_order();
        self.record_untyped();
        self.unused_imports();
        if self.errors.is_empty() {
            self.monomorph();
        }
        self.scope.freeze();
        package::info(self.pkg).scope.set(self.scope).expect("package checked twice");
    }

    /// The package's scope.
    pub fn scope(&self) -> &'static Scope {
        self.scope
    }

    // ---- language versions ----

    /// Whether the current file's language version is at least go1.`minor`.
    pub(crate) fn allow_version(&self, minor: u32) -> bool {
        match self.ctx.lang.or(self.config.lang_minor()) {
            Some(v) => v >= minor,
            None => true,
        }
    }

    /// types2's `versionErrorf`: "`what` requires go1.N or later".
    pub(crate) fn version_error_pos(&mut self, pos: Pos, what: &str, minor: u32) {
        let sp = crate::files::src_pos(self.ctx.fnum, pos);
        self.error(sp, format!("{what} requires go1.{minor} or later"));
    }

    pub(crate) fn version_error_at(&mut self, e: ExprId, what: &str, minor: u32) {
        let p = self.ctx.file.start_pos(e);
        self.version_error_pos(p, what, minor);
    }

    pub(crate) fn version_error_op(&mut self, x: &operand::Operand, what: &str, minor: u32) {
        let p = x.expr.map(|e| self.ctx.file.start_pos(e)).unwrap_or(self.ctx.file.pos);
        self.version_error_pos(p, what, minor);
    }

    /// Sets the context to file `fi` at package level.
    pub(crate) fn enter_file(&mut self, fi: usize) {
        let (fnum, file) = self.files[fi].clone();
        let lang = lang_of(&file);
        self.ctx = Ctx {
            fi,
            file,
            fnum,
            decl: None,
            scope: ScopeRef::Shared(self.file_scopes[fi]),
            iota: None,
            sig: None,
            has_call_or_recv: false,
            in_tparam_list: false,
            lang,
        };
    }

    // ---- errors ----

    pub(crate) fn pos(&self, file: usize, pos: Pos) -> SrcPos {
        files::src_pos(self.files[file].0, pos)
    }

    /// Reports an error with continuation parts (types2's `error_.addf` +
    /// `report`).
    pub(crate) fn report(&mut self, parts: Vec<(Option<SrcPos>, String)>, soft: bool) {
        // After a first error, follow-on errors about invalid operands or
        // types are dropped (types2's `report`).
        if !self.errors.is_empty() {
            let m = &parts[0].1;
            if m.find("invalid operand").is_some_and(|i| i > 0) || m.find("invalid type").is_some_and(|i| i > 0) {
                return;
            }
        }
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
        self.error_count += 1;
        self.report(vec![(Some(pos), msg)], false);
    }

    pub(crate) fn soft_error(&mut self, pos: SrcPos, msg: String) {
        self.error_count += 1;
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

/// The language version of a file: its `//go:build go1.N` if any (gc
/// sets the file version from it), else `None` (the package's).
///
/// As types2's `initFiles`, a file version is raised to at least go1.21
/// (the first release where //go:build lines set versions), also above
/// the package's version.
fn lang_of(f: &File) -> Option<u32> {
    let v: u32 = f.go_version.strip_prefix("go1.").and_then(|v| v.split('.').next()?.parse().ok())?;
    Some(v.max(21))
}

/// The "other declaration of x" part, when `alt` has a position.
pub(crate) fn alt_decl(alt: ObjId) -> Option<(Option<SrcPos>, String)> {
    let a = crate::objects::object(alt);
    a.pos.map(|p| (Some(p), format!("other declaration of {}", a.name)))
}

#[cfg(test)]
mod tests;
