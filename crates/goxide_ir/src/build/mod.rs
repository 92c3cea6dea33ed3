//! The builder: the typed syntax of one checked package → a [`Package`]
//! of SSA functions (gc's `noder`/`ssagen.buildssa`, in one step, for the
//! slice of Go this first backend takes).
//!
//! Input is what the checker leaves ([`CheckedPackage`]): the files, the
//! `Info` (type and constant value of every expression, the object of
//! every used identifier), and the objects defined by identifiers. The
//! builder never re-derives a type: every expression's type is the
//! checker's (untyped ones given their default type, gc's `defaultlit`).
//!
//! Steps, per package: collect the package-level functions and variables
//! (`collect`), give each a [`FuncId`]/[`GlobalId`] and its linker name;
//! take the variable initialisation order from the checker
//! ([`initorder`]); build `pkg.init` (the
//! variable initialisers in that order) and each function body
//! ([`func`], [`stmt`], [`expr`], [`addr`], [`call`], [`print`]).
//!
//! Variables: a local whose address is taken or that a closure captures
//! lives on the heap, a struct or array local in the frame, any other in
//! SSA ([`vars`]). Values of struct and array types are handled through
//! addresses ([`Operand::Mem`]); functions take and return them through
//! pointers (`repr::lower_signature`). Methods are functions with the
//! receiver first (`pkg.T.M`, `pkg.(*T).M`); function literals become
//! functions `pkg.F.funcN` with a closure object holding pointers to the
//! captured variables.
//!
//! Anything outside what is built so far (generics, goroutines, defer,
//! maps, interfaces' method calls, ...) is an [`Unsupported`] error naming
//! the construct and its position — never a wrong program, never a panic.

mod addr;
mod appendbuf;
mod move2heap;
mod call;
mod chan;
mod deferred;
mod escape;
mod expr;
mod func;
mod iface;
mod initorder;
mod maps;
mod print;
mod rangefunc;
mod stmt;
mod vars;

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use goxide_syntax::ast::{DeclKind, ExprId, File};
use goxide_syntax::Pos;
use goxide_types::check::Info;
use goxide_types::objects::{object, ObjKind, SrcPos, VarKind};
use goxide_types::types::{table, ObjId, Type, TypeId};

use crate::ir::*;
use crate::repr::{default_type, lower_signature, repr_of};
use crate::symbols::symbol;

pub(crate) use expr::Operand;

/// What the checker produced for one package.
pub struct CheckedPackage<'a> {
    /// The package path given to the checker (`main` for a command).
    pub path: &'a str,
    /// The files, in the order given to the checker.
    pub files: &'a [Arc<File>],
    pub info: &'a Info,
    /// `Checker::defs`: objects defined by identifiers.
    pub defs: &'a HashMap<(u32, Pos), ObjId>,
}

/// A construct outside the slice this builder takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// What it is, in words (`method declarations`, `for range`, ...).
    pub what: String,
    pub pos: Option<SrcPos>,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(p) => write!(f, "not supported yet: {} at {}", self.what, goxide_types::files::position(p)),
            None => write!(f, "not supported yet: {}", self.what),
        }
    }
}

impl std::error::Error for Unsupported {}

pub(crate) type BuildResult<T> = Result<T, Unsupported>;

/// A package-level function or method with a body.
#[derive(Clone, Copy)]
pub(crate) struct FuncDecl {
    pub fi: usize,
    pub decl: goxide_syntax::ast::DeclId,
    /// `None` for `func init()`.
    pub obj: Option<ObjId>,
    pub id: FuncId,
}

/// One variable initialisation: the left-hand side (blank names are
/// `None`) and the expressions (one per name, or one multi-valued call).
#[derive(Clone)]
pub(crate) struct VarInit {
    pub fi: usize,
    pub lhs: Vec<Option<ObjId>>,
    /// Every object of the left-hand side, blank ones included.
    pub objs: Vec<ObjId>,
    pub values: Vec<ExprId>,
    pub pos: Pos,
}

/// A function's Go-level signature: parameter types (a method's receiver
/// first) and result types; its IR signature is `lower_signature` of it.
#[derive(Clone, Debug)]
pub(crate) struct GoSig {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
}

/// What every function builder of the package reads.
pub(crate) struct PkgCtx<'a> {
    pub input: &'a CheckedPackage<'a>,
    /// The registry number of each file (index as in `input.files`).
    pub fnums: Vec<u32>,
    /// Functions and methods by their objects.
    pub funcs: HashMap<ObjId, FuncId>,
    /// Each declared function's Go signature, by `FuncId`.
    pub sigs: Vec<GoSig>,
    pub globals: HashMap<ObjId, GlobalId>,
    /// Each global's type, by `GlobalId`.
    pub global_types: Vec<TypeId>,
    /// Functions made while building bodies (closures, wrappers),
    /// numbered from `closure_base`.
    pub closures: RefCell<Vec<Function>>,
    pub closure_base: usize,
    /// The symbol of each declared function, by `FuncId`.
    pub names: Vec<String>,
    /// Interface tables, and their index by (type, interface) strings.
    pub itabs: RefCell<Vec<ItabData>>,
    pub itab_index: RefCell<HashMap<(String, String), usize>>,
    /// Method wrappers and method-value functions by symbol.
    pub wrappers: RefCell<HashMap<String, FuncId>>,
    /// Generic functions and methods of generic types, built per
    /// instance on use (monomorphised, DESIGN.md).
    pub generics: HashMap<ObjId, FuncDecl>,
    /// Instances made so far, by symbol.
    pub instances: RefCell<HashMap<String, FuncId>>,
    /// Instances whose bodies are still to build.
    pub pending: RefCell<Vec<Instance>>,
    /// Symbols and Go signatures of the functions made while building.
    pub extra: RefCell<HashMap<FuncId, (String, GoSig)>>,
    /// Concrete types put in interfaces (their method tables are made at
    /// the end), by type string.
    pub iface_types: RefCell<HashMap<String, TypeId>>,
    /// Parameter leak summaries, solved on first use (see `escape`).
    pub param_leaks: std::cell::OnceCell<escape::ParamLeaks>,
}

/// A generic function or method with its type arguments, to build.
pub(crate) struct Instance {
    pub decl: FuncDecl,
    pub id: FuncId,
    pub subst: goxide_types::subst::SubstMap,
    pub sig: GoSig,
}

impl PkgCtx<'_> {
    /// The size of a value of type `t` in bytes, as the compiled code lays
    /// it out: gc's sizes for the 64-bit targets the backend emits (amd64
    /// and arm64 agree on every size and alignment).
    pub fn sizeof(&self, t: TypeId) -> i64 {
        goxide_types::sizes::Sizes::for_arch("amd64").map_or(0, |s| s.sizeof(t))
    }

    pub fn file(&self, fi: usize) -> &File {
        &self.input.files[fi]
    }
    pub fn src_pos(&self, fi: usize, pos: Pos) -> SrcPos {
        SrcPos { file: self.fnums[fi], pos }
    }

    /// Adds a function built while building another; returns its id.
    pub fn add_closure(&self, f: Function) -> FuncId {
        let mut c = self.closures.borrow_mut();
        c.push(f);
        FuncId::new(self.closure_base + c.len() - 1)
    }

    /// The symbol of function `id`.
    pub fn sig_name(&self, id: FuncId) -> String {
        match self.names.get(id.index()) {
            Some(n) => n.clone(),
            None => self.extra.borrow().get(&id).map(|e| e.0.clone()).unwrap_or_default(),
        }
    }

    /// The Go signature of function `id`.
    pub fn sig_of(&self, id: FuncId) -> Option<GoSig> {
        match self.sigs.get(id.index()) {
            Some(s) => Some(s.clone()),
            None => self.extra.borrow().get(&id).map(|e| e.1.clone()),
        }
    }

    /// The instance of generic function or method `obj` for type
    /// arguments `targs` (a method's: its receiver's), made on first use.
    pub fn instantiate(&self, obj: ObjId, targs: &[TypeId], pos: Option<SrcPos>) -> BuildResult<FuncId> {
        let Some(&decl) = self.generics.get(&obj) else { return Err(unsupported("this generic function", pos)) };
        let tab = table();
        let Some(ot) = object(obj).typ.get() else { return Err(unsupported("a function without a type", pos)) };
        let file = self.file(decl.fi);
        let DeclKind::Func { recv, .. } = file.decl(decl.decl).kind else { return Err(unsupported("this generic function", pos)) };
        let (tparams, sig_t) = match tab.get(ot) {
            Type::GenericFunc { tparams, sig } => (tparams.to_vec(), *sig),
            _ => (goxide_types::subst::method_recv_tparams(obj).to_vec(), ot),
        };
        let m = goxide_types::subst::SubstMap::new(&tparams, targs);
        let mut sig = signature_of(goxide_types::subst::subst(sig_t, &m), pos)?;
        let targ_names: Vec<String> = targs.iter().map(|&t| type_name(t)).collect();
        let sym = match recv {
            Some(r) => {
                let te = file.field(r).typ;
                let rt = self.input.info.types.get(&(self.fnums[decl.fi], te)).map(|tv| tv.typ).ok_or_else(|| unsupported("a receiver", pos))?;
                let rt = goxide_types::subst::subst(rt, &m);
                sig.params.insert(0, value_type(rt, "receivers", pos)?);
                method_symbol(self.input.path, obj, rt).ok_or_else(|| unsupported("methods of this receiver type", pos))?
            }
            None => symbol(self.input.path, &format!("{}[{}]", object(obj).name.as_str(), targ_names.join(","))),
        };
        if let Some(&id) = self.instances.borrow().get(&sym) {
            return Ok(id);
        }
        let (lp, lr) = lower_signature(&sig.params, &sig.results);
        let id = self.add_closure(Function::new(sym.clone(), lp, lr, pos));
        self.instances.borrow_mut().insert(sym.clone(), id);
        self.extra.borrow_mut().insert(id, (sym, sig.clone()));
        self.pending.borrow_mut().push(Instance { decl, id, subst: m, sig });
        Ok(id)
    }

    /// Replaces the body of closure `id` (made by [`Self::add_closure`]).
    pub fn set_closure(&self, id: FuncId, f: Function) {
        if let Some(slot) = self.closures.borrow_mut().get_mut(id.index() - self.closure_base) {
            *slot = f;
        }
    }
}

fn unsupported(what: impl Into<String>, pos: Option<SrcPos>) -> Unsupported {
    Unsupported { what: what.into(), pos }
}

/// The registry numbers of `files`: the checker registered each file
/// (`goxide_types::files::register`) and keys its results by that number,
/// which it does not hand out; every file with code has an entry in
/// `info.types` or `defs`, so the numbers are found there.
fn file_numbers(p: &CheckedPackage) -> Vec<Option<u32>> {
    let mut seen: Vec<u32> = p.info.types.keys().map(|k| k.0).chain(p.defs.keys().map(|k| k.0)).collect();
    seen.sort_unstable();
    seen.dedup();
    p.files
        .iter()
        .map(|f| seen.iter().copied().find(|&n| goxide_types::files::file(n).is_some_and(|g| Arc::ptr_eq(&g, f))))
        .collect()
}

/// The type name for messages.
pub(crate) fn type_name(t: TypeId) -> String {
    goxide_types::typestring::type_string(t, &|_| String::new())
}

/// Checks that values of `t` can be built; `what` says where.
pub(crate) fn value_type(t: TypeId, what: &str, pos: Option<SrcPos>) -> BuildResult<TypeId> {
    let t = default_type(t);
    if repr_of(t).is_some() && !has_type_params(t) {
        return Ok(t);
    }
    Err(unsupported(format!("{what} of type {}", type_name(t)), pos))
}

/// Whether `t` mentions a type parameter (generic code is not built yet).
fn has_type_params(t: TypeId) -> bool {
    let tab = table();
    match tab.get(t) {
        Type::TypeParam(_) => true,
        Type::Pointer(e) | Type::Slice(e) => has_type_params(*e),
        Type::Array { elem, .. } => has_type_params(*elem),
        _ => false,
    }
}

/// The receiver's base type name and whether it is a pointer receiver.
fn receiver_base(recv: TypeId) -> Option<(String, bool)> {
    let tab = table();
    // A receiver spelled with an alias (`type A = T; func (a *A) M()`)
    // declares a method of T.
    let recv = tab.unalias(recv);
    let (base, ptr) = match tab.get(recv) {
        Type::Pointer(e) => (tab.unalias(*e), true),
        _ => (recv, false),
    };
    match tab.get(base) {
        Type::Named(_) => Some((type_name(base).rsplit('.').next().unwrap_or_default().to_string(), ptr)),
        _ => None,
    }
}

/// The symbol of method `m` with receiver type `recv` (gc's `pkg.T.M` /
/// `pkg.(*T).M`).
pub(crate) fn method_symbol(path: &str, m: ObjId, recv: TypeId) -> Option<String> {
    let (base, ptr) = receiver_base(recv)?;
    let name = object(m).name.as_str();
    Some(if ptr { symbol(path, &format!("(*{base}).{name}")) } else { symbol(path, &format!("{base}.{name}")) })
}

/// Builds the IR of a checked package (see the module header).
pub fn build_package(input: &CheckedPackage) -> Result<Package, Unsupported> {
    let fnums_opt = file_numbers(input);
    // A file without any expression or definition holds no code.
    let fnums: Vec<u32> = fnums_opt.iter().map(|n| n.unwrap_or(u32::MAX)).collect();
    let mut ctx = PkgCtx {
        input,
        fnums,
        funcs: HashMap::new(),
        sigs: Vec::new(),
        globals: HashMap::new(),
        global_types: Vec::new(),
        closures: RefCell::new(Vec::new()),
        closure_base: 0,
        names: Vec::new(),
        itabs: RefCell::new(Vec::new()),
        itab_index: RefCell::new(HashMap::new()),
        wrappers: RefCell::new(HashMap::new()),
        generics: HashMap::new(),
        instances: RefCell::new(HashMap::new()),
        pending: RefCell::new(Vec::new()),
        extra: RefCell::new(HashMap::new()),
        iface_types: RefCell::new(HashMap::new()),
        param_leaks: std::cell::OnceCell::new(),
    };
    let mut pkg = Package { path: input.path.to_string(), ..Package::default() };

    // ---- collect ----
    let mut func_decls: Vec<FuncDecl> = Vec::new();
    let mut var_inits: Vec<VarInit> = Vec::new();
    let mut init_count = 0;
    for (fi, file) in input.files.iter().enumerate() {
        if fnums_opt[fi].is_none() {
            continue;
        }
        let fnum = ctx.fnums[fi];
        for &d in file.decls_of(file.decls) {
            let decl = file.decl(d);
            let pos = Some(ctx.src_pos(fi, decl.pos));
            match &decl.kind {
                // Package unsafe is the compiler's own (its functions are
                // builtins); any other import needs other packages built.
                DeclKind::Import { path: Some(p), .. } if file.lit_text(*p) == "\"unsafe\"" => {}
                DeclKind::Import { .. } => return Err(unsupported("imports", pos)),
                DeclKind::Const { .. } | DeclKind::Type { .. } => {}
                DeclKind::Func { recv, name, tparams, typ: _, body, .. } => {
                    let npos = Some(ctx.src_pos(fi, name.pos));
                    let generic_method = recv.is_some()
                        && input.defs.get(&(fnum, name.pos)).is_some_and(|&o| !goxide_types::subst::method_recv_tparams(o).is_empty());
                    if !tparams.is_empty() || generic_method {
                        if let Some(&o) = input.defs.get(&(fnum, name.pos)) {
                            ctx.generics.insert(o, FuncDecl { fi, decl: d, obj: Some(o), id: FuncId(u32::MAX) });
                        }
                        continue;
                    }
                    if body.is_none() {
                        return Err(unsupported("function declarations without a body", npos));
                    }
                    let fname = file.name_str(*name);
                    if fname == "_" {
                        continue; // never called
                    }
                    let (obj, sym) = if fname == "init" && recv.is_none() {
                        let s = symbol(input.path, &format!("init.{init_count}"));
                        init_count += 1;
                        (None, s)
                    } else {
                        let Some(&obj) = input.defs.get(&(fnum, name.pos)) else {
                            return Err(unsupported("a function the checker did not define", npos));
                        };
                        (Some(obj), symbol(input.path, fname))
                    };
                    // A method's receiver type: the checker's type of the
                    // receiver's type expression.
                    let recv_type = match recv {
                        Some(r) => {
                            let te = file.field(*r).typ;
                            let t = input.info.types.get(&(fnum, te)).map(|tv| tv.typ);
                            Some(t.ok_or_else(|| unsupported("a receiver the checker did not type", npos))?)
                        }
                        None => None,
                    };
                    let sym = match (obj, recv_type) {
                        (Some(o), Some(rt)) => method_symbol(input.path, o, rt).ok_or_else(|| unsupported("methods of this receiver type", npos))?,
                        _ => sym,
                    };
                    let sig = match obj {
                        None => GoSig { params: Vec::new(), results: Vec::new() },
                        Some(o) => signature_types(o, recv_type, npos)?,
                    };
                    let (lp, lr) = lower_signature(&sig.params, &sig.results);
                    let id = FuncId::new(pkg.funcs.len());
                    pkg.funcs.push(Function::new(sym, lp, lr, npos));
                    ctx.sigs.push(sig);
                    if let Some(o) = obj {
                        ctx.funcs.insert(o, id);
                        if fname == "main" && input.path == "main" && recv.is_none() {
                            pkg.main = Some(id);
                        }
                    }
                    func_decls.push(FuncDecl { fi, decl: d, obj, id });
                }
                DeclKind::Var { names, values, .. } => {
                    let mut lhs = Vec::new();
                    let mut objs = Vec::new();
                    for &n in file.names_of(*names) {
                        let npos = Some(ctx.src_pos(fi, n.pos));
                        let obj = input.defs.get(&(fnum, n.pos)).copied();
                        let Some(o) = obj else {
                            return Err(unsupported("a variable the checker did not define", npos));
                        };
                        objs.push(o);
                        if file.name_str(n) == "_" {
                            lhs.push(None);
                            continue;
                        }
                        let ty = object(o).typ.get().unwrap_or_else(|| table().invalid());
                        let ty = value_type(ty, "package variables", npos)?;
                        let gid = GlobalId::new(pkg.globals.len());
                        pkg.globals.push(Global { name: symbol(input.path, file.name_str(n)), ty });
                        ctx.globals.insert(o, gid);
                        ctx.global_types.push(ty);
                        lhs.push(Some(o));
                    }
                    let vals = file.unpack_list(*values);
                    if vals.is_empty() {
                        continue;
                    }
                    if vals.len() == lhs.len() {
                        for ((l, o), v) in lhs.into_iter().zip(objs).zip(vals) {
                            var_inits.push(VarInit { fi, lhs: vec![l], objs: vec![o], values: vec![v], pos: decl.pos });
                        }
                    } else {
                        var_inits.push(VarInit { fi, lhs, objs, values: vals, pos: decl.pos });
                    }
                }
            }
        }
    }

    // ---- pkg.init: variable initialisers in the checker's order ----
    let order = initorder::order(&ctx, &var_inits);
    let mut inits = Vec::new();
    let init_id = if order.is_empty() {
        None
    } else {
        let id = FuncId::new(pkg.funcs.len());
        let (lp, lr) = lower_signature(&[], &[]);
        pkg.funcs.push(Function::new(symbol(input.path, "init"), lp, lr, None));
        ctx.sigs.push(GoSig { params: Vec::new(), results: Vec::new() });
        inits.push(id);
        Some(id)
    };
    ctx.closure_base = pkg.funcs.len();
    ctx.names = pkg.funcs.iter().map(|f| f.name.clone()).collect();
    if let Some(id) = init_id {
        let f = std::mem::take(&mut pkg.funcs[id.index()]);
        let prefix = f.name.clone();
        let mut b = func::FnBuilder::new(&ctx, 0, f, prefix);
        for &i in &order {
            b.var_init(&var_inits[i])?;
        }
        pkg.funcs[id.index()] = b.finish()?;
    }

    // ---- bodies ----
    for fd in &func_decls {
        let f = std::mem::take(&mut pkg.funcs[fd.id.index()]);
        let prefix = f.name.clone();
        let b = func::FnBuilder::new(&ctx, fd.fi, f, prefix);
        pkg.funcs[fd.id.index()] = b.build_body(fd)?;
        if fd.obj.is_none() {
            inits.push(fd.id);
        }
    }
    // ---- instances of generic code and method tables, until no more
    // are asked for ----
    let mut tables: Vec<MethodTable> = Vec::new();
    let mut done_types: std::collections::HashSet<String> = std::collections::HashSet::new();
    loop {
        let next = ctx.pending.borrow_mut().pop();
        if let Some(inst) = next {
            let name = ctx.sig_name(inst.id);
            let (lp, lr) = lower_signature(&inst.sig.params, &inst.sig.results);
            let f = Function::new(name.clone(), lp, lr, None);
            let mut b = func::FnBuilder::new(&ctx, inst.decl.fi, f, name);
            b.subst = inst.subst;
            let f = b.build_instance(&inst.decl, &inst.sig)?;
            ctx.set_closure(inst.id, f);
            continue;
        }
        let todo: Vec<(String, TypeId)> = ctx.iface_types.borrow().iter().filter(|(k, _)| !done_types.contains(*k)).map(|(k, &t)| (k.clone(), t)).collect();
        if todo.is_empty() {
            break;
        }
        for (k, t) in todo {
            done_types.insert(k);
            if let Some(mt) = method_table(&ctx, t)? {
                tables.push(mt);
            }
        }
    }
    pkg.method_tables = tables;
    pkg.funcs.extend(ctx.closures.into_inner());
    pkg.itabs = ctx.itabs.into_inner();
    if input.path == "main" {
        // After the closures, whose ids are their indices.
        pkg.runtime_error = Some(runtime_error_methods(&mut pkg));
    }
    pkg.inits = inits;
    Ok(pkg)
}

/// The methods of the runtime's error values, added to `pkg`:
/// `Error() string` returns the message the data word points to;
/// `RuntimeError()` does nothing (gc's `runtime.Error` marker). Both take
/// the data word as their receiver, like an itab's functions.
fn runtime_error_methods(pkg: &mut Package) -> (FuncId, FuncId) {
    use crate::repr::{pointer_to, raw_pointer};
    let string = table().basic(goxide_types::types::BasicKind::String);
    let raw = raw_pointer();
    let mut error = Function::new("goxide.runtimeError.Error".into(), vec![raw, raw], vec![string], None);
    let data = error.blocks[0].params[1];
    let p = error.append_inst(Function::ENTRY, InstKind::Convert { arg: data }, &[pointer_to(string)], None);
    let p = error.insts[p.index()].results[0];
    let s = error.append_inst(Function::ENTRY, InstKind::Load { addr: p }, &[string], None);
    let s = error.insts[s.index()].results[0];
    error.append_inst(Function::ENTRY, InstKind::Return { values: vec![s] }, &[], None);
    let mut marker = Function::new("goxide.runtimeError.RuntimeError".into(), vec![raw, raw], vec![], None);
    marker.append_inst(Function::ENTRY, InstKind::Return { values: vec![] }, &[], None);
    let e = FuncId::new(pkg.funcs.len());
    pkg.funcs.push(error);
    let m = FuncId::new(pkg.funcs.len());
    pkg.funcs.push(marker);
    (e, m)
}

/// The method table of concrete type `t` (`None` without methods).
fn method_table(ctx: &PkgCtx, t: TypeId) -> BuildResult<Option<MethodTable>> {
    let set = goxide_types::lookup::method_set(t);
    if set.is_empty() {
        return Ok(None);
    }
    // The wrappers are made by a builder of a function that is dropped.
    let (lp, lr) = lower_signature(&[], &[]);
    let mut b = func::FnBuilder::new(ctx, 0, Function::new(String::new(), lp, lr, None), String::new());
    let mut methods = Vec::new();
    for e in set {
        let Some(m) = e.method else { continue };
        let sig = goxide_types::lookup::method_sig(e.recv, m).unwrap_or_else(|| table().invalid());
        let ifn = b.iface_method_impl(t, e.name, e.pkg, None)?;
        methods.push(MethodEntry { name: e.name.as_str().to_string(), exported: e.name.is_exported(), sig, ifn });
    }
    Ok(Some(MethodTable { ty: t, methods }))
}

/// The Go-level parameter (receiver first) and result types of function
/// or method object `o`.
fn signature_types(o: ObjId, recv: Option<TypeId>, pos: Option<SrcPos>) -> BuildResult<GoSig> {
    let Some(t) = object(o).typ.get() else { return Err(unsupported("a function without a type", pos)) };
    let mut sig = signature_of(t, pos)?;
    if let Some(recv) = recv {
        sig.params.insert(0, value_type(recv, "receivers", pos)?);
    }
    Ok(sig)
}

/// The Go-level parameter and result types of signature type `t`.
pub(crate) fn signature_of(t: TypeId, pos: Option<SrcPos>) -> BuildResult<GoSig> {
    let tab = table();
    let Type::Signature { params, results, .. } = tab.get(tab.underlying(t)) else {
        return Err(unsupported("a function whose type is not a signature", pos));
    };
    let params = params.iter().map(|v| value_type(v.typ, "parameters", pos)).collect::<BuildResult<Vec<_>>>()?;
    let results = results.iter().map(|v| value_type(v.typ, "results", pos)).collect::<BuildResult<Vec<_>>>()?;
    Ok(GoSig { params, results })
}

/// Whether `o` is a local variable (parameters and results included).
pub(crate) fn is_local_var(o: ObjId) -> bool {
    matches!(object(o).kind, ObjKind::Var { kind: VarKind::Local | VarKind::Param | VarKind::Result | VarKind::Recv, .. })
}

#[cfg(test)]
pub(crate) mod tests;
