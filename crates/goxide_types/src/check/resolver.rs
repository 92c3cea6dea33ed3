//! Collecting a package's objects (types2's `resolver.go`,
//! `collectObjects`).
//!
//! For each file, in order: a file scope under the package scope; imports
//! (through the `Importer`) declared there, dot-imports merged into it;
//! every constant, variable, type and function declared in the package
//! scope with its declaration recorded for later phases (constants keep
//! their group's `iota` and inherit the previous specification's type and
//! values; an n:1 variable declaration shares one initialiser); `init`
//! functions are never declared; methods are set aside under their
//! receiver's base type name. Then file-scope names that clash with
//! package-scope names are reported. Messages and positions are types2's.

use std::sync::Arc;

use goxide_syntax::ast::{DeclKind, ExprKind, File};

use super::{alt_decl, Checker, DeclInfo, DeclSource};
use crate::objects::{new_object, object, ObjKind, Scope, VarKind};
use crate::package;
use crate::symbol::Symbol;

impl Checker<'_> {
    pub(crate) fn collect_objects(&mut self) {
        let pkg_name = package::info(self.pkg).name;
        for fi in 0..self.files.len() {
            let file: Arc<File> = self.files[fi].1.clone();
            let file_scope = Scope::new(Some(self.scope));
            self.file_scopes.push(file_scope);
            // Version checks below use the file's language version.
            self.enter_file(fi);

            let decls = file.decls_of(file.decls).to_vec();
            // The constant group being declared, its first index, and its
            // last specification with values.
            let mut group: Option<(u32, usize)> = None;
            let mut last_values: Option<(Option<goxide_syntax::ast::ExprId>, Option<goxide_syntax::ast::ExprId>)> = None;
            for (index, &d) in decls.iter().enumerate() {
                let decl = file.decl(d).clone();
                if !matches!(decl.kind, DeclKind::Const { .. }) {
                    group = None;
                }
                match decl.kind {
                    DeclKind::Import { local_name, path, .. } => {
                        self.collect_import(fi, &file, file_scope, decl.pos, local_name, path);
                    }
                    DeclKind::Const { group: g, names, typ, values, .. } => {
                        // iota is the index of the specification within its group.
                        let same_group = matches!((group, g), (Some((cur, _)), Some(g)) if cur == g);
                        if !same_group {
                            group = g.map(|g| (g, index)).or(Some((u32::MAX, index)));
                            last_values = None;
                        }
                        let iota = (index - group.unwrap().1) as i64;
                        let mut inherited = true;
                        if typ.is_some() || values.is_some() {
                            last_values = Some((typ, values));
                            inherited = false;
                        } else if last_values.is_none() {
                            last_values = Some((None, None));
                            inherited = false;
                        }
                        let (vtyp, vals) = last_values.unwrap();
                        let values = file.unpack_list(vals);
                        let names = file.names_of(names).to_vec();
                        for (i, n) in names.iter().enumerate() {
                            let obj = new_object(
                                ObjKind::Const,
                                Symbol::intern(file.name_str(*n)),
                                Some(self.pkg),
                                Some(self.pos(fi, n.pos)),
                                None,
                            );
                            let source = DeclSource::Const { typ: vtyp, init: values.get(i).copied(), inherited, iota };
                            self.declare_pkg_obj(fi, n.pos, obj, DeclInfo { file: fi, decl: d, source }, pkg_name);
                        }
                        self.arity(fi, &file, decl.pos, &names, &values, true, inherited);
                    }
                    DeclKind::Var { names, typ, values, .. } => {
                        let names = file.names_of(names).to_vec();
                        let list = values.is_some_and(|v| matches!(file.expr(v).kind, ExprKind::List(_)));
                        let objs: Vec<_> = names
                            .iter()
                            .map(|n| {
                                new_object(
                                    ObjKind::Var { kind: VarKind::Package, embedded: false },
                                    Symbol::intern(file.name_str(*n)),
                                    Some(self.pkg),
                                    Some(self.pos(fi, n.pos)),
                                    None,
                                )
                            })
                            .collect();
                        let shared: Option<Arc<[_]>> = if list { None } else { Some(objs.clone().into()) };
                        let vals = file.unpack_list(values);
                        for (i, (n, &obj)) in names.iter().zip(&objs).enumerate() {
                            let source = match &shared {
                                Some(lhs) => DeclSource::Var { typ, init: values, lhs: Some(lhs.clone()) },
                                None => DeclSource::Var { typ, init: vals.get(i).copied(), lhs: None },
                            };
                            self.declare_pkg_obj(fi, n.pos, obj, DeclInfo { file: fi, decl: d, source }, pkg_name);
                        }
                        // If we have no type, we must have values.
                        if typ.is_none() || values.is_some() {
                            self.arity(fi, &file, decl.pos, &names, &vals, false, false);
                        }
                    }
                    DeclKind::Type { name, .. } => {
                        let obj = new_object(
                            ObjKind::TypeName,
                            Symbol::intern(file.name_str(name)),
                            Some(self.pkg),
                            Some(self.pos(fi, name.pos)),
                            None,
                        );
                        self.declare_pkg_obj(fi, name.pos, obj, DeclInfo { file: fi, decl: d, source: DeclSource::Type }, pkg_name);
                    }
                    DeclKind::Func { recv, name, tparams, typ, body, .. } => {
                        let fname = file.name_str(name);
                        let obj =
                            new_object(ObjKind::Func, Symbol::intern(fname), Some(self.pkg), Some(self.pos(fi, name.pos)), None);
                        self.defs.insert((self.files[fi].0, name.pos), obj);
                        match recv {
                            None => {
                                if fname == "init" || (fname == "main" && pkg_name.as_str() == "main") {
                                    if let Some(&tp0) = file.fields_of(tparams).first() {
                                        let p = file.field(tp0).pos;
                                        self.soft_error(self.pos(fi, p), format!("func {fname} must have no type parameters"));
                                    }
                                    if let ExprKind::FuncType { params, results } = file.expr(typ).kind {
                                        if !params.is_empty() || !results.is_empty() {
                                            self.soft_error(
                                                self.pos(fi, name.pos),
                                                format!("func {fname} must have no arguments and no return values"),
                                            );
                                        }
                                    }
                                } else if let Some(&tp0) = file.fields_of(tparams).first() {
                                    if !self.allow_version(18) {
                                        self.version_error_pos(file.field(tp0).pos, "type parameter", 18);
                                    }
                                }
                                // init functions are invisible: never declared.
                                if fname == "init" {
                                    if body.is_none() {
                                        self.soft_error(self.pos(fi, name.pos), "func init must have a body".into());
                                    }
                                } else {
                                    let scope = self.scope;
                                    self.declare(scope, obj);
                                }
                            }
                            Some(r) => {
                                if let Some(&tp0) = file.fields_of(tparams).first() {
                                    if !self.allow_version(27) {
                                        self.version_error_pos(file.field(tp0).pos, "generic method", 27);
                                    }
                                }
                                // Methods with a valid receiver base type name and
                                // a non-blank name wait for their type.
                                if let Some((ptr, base)) = receiver_base(&file, file.field(r).typ) {
                                    if fname != "_" {
                                        self.methods.entry(Symbol::intern(base)).or_default().push((obj, ptr));
                                    }
                                }
                            }
                        }
                        self.objects.push(obj);
                        self.decls.insert(obj, DeclInfo { file: fi, decl: d, source: DeclSource::Func });
                    }
                }
            }
        }

        // Methods go with the type their receiver's base name denotes,
        // through aliases (types2's `resolveBaseTypeName`).
        let pending = std::mem::take(&mut self.methods);
        for (name, list) in pending {
            for (m, ptr) in list {
                if let Some((ptr, base)) = self.resolve_base_type_name(ptr, name) {
                    self.methods.entry(base).or_default().push((m, ptr));
                }
            }
        }

        // Objects in package and file scopes must have different names.
        for fs in self.file_scopes.clone() {
            for name in fs.names() {
                let (Some(alt), Some(obj)) = (self.scope.lookup(name), fs.lookup(name)) else { continue };
                let a = object(alt);
                let Some(apos) = a.pos else { continue };
                let mut parts = match object(obj).kind {
                    ObjKind::PkgName { imported } => vec![(
                        Some(apos),
                        format!("{} already declared through import of package {}", a.name, import_desc(imported)),
                    )],
                    _ => vec![(
                        Some(apos),
                        format!(
                            "{} already declared through dot-import of package {}",
                            a.name,
                            object(obj).pkg.map(import_desc).unwrap_or_default()
                        ),
                    )],
                };
                parts.extend(alt_decl(obj));
                self.report(parts, false);
            }
        }
    }

    /// types2's `resolveBaseTypeName`: the defined type a receiver base
    /// name denotes, following aliases declared as (pointers to) names.
    fn resolve_base_type_name(&self, mut ptr: bool, mut name: Symbol) -> Option<(bool, Symbol)> {
        let mut seen: Vec<Symbol> = Vec::new();
        loop {
            let obj = self.scope.lookup(name)?;
            if !matches!(object(obj).kind, ObjKind::TypeName) || seen.contains(&name) {
                return None;
            }
            let d = self.decls.get(&obj)?;
            let file = &self.files[d.file].1;
            let DeclKind::Type { alias, tparams, typ, .. } = file.decl(d.decl).kind else { return None };
            if !alias {
                return Some((ptr, name));
            }
            if !tparams.is_empty() {
                return None;
            }
            seen.push(name);
            let mut t = file.unparen(typ);
            if let ExprKind::Operation { op: goxide_syntax::token::Operator::Mul, x, y: None } = file.expr(t).kind {
                if ptr {
                    return None;
                }
                ptr = true;
                t = file.unparen(x);
            }
            let ExprKind::Name(n) = file.expr(t).kind else { return None };
            name = Symbol::intern(file.name_str(n));
        }
    }

    /// types2's `declarePkgObj`: `init` and (in package main) `main` must
    /// be functions.
    fn declare_pkg_obj(&mut self, fi: usize, pos: goxide_syntax::Pos, obj: crate::types::ObjId, d: DeclInfo, pkg_name: Symbol) {
        let name = object(obj).name;
        if name.as_str() == "init" {
            self.error(self.pos(fi, pos), "cannot declare init - must be func".into());
            return;
        }
        if name.as_str() == "main" && pkg_name.as_str() == "main" {
            self.error(self.pos(fi, pos), "cannot declare main - must be func".into());
            return;
        }
        let scope = self.scope;
        self.declare(scope, obj);
        self.defs.insert((self.files[fi].0, pos), obj);
        self.objects.push(obj);
        self.decls.insert(obj, d);
    }

    /// types2's `arity`: names and initialisers must match in number.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn arity(
        &mut self,
        fi: usize,
        file: &File,
        pos: goxide_syntax::Pos,
        names: &[goxide_syntax::ast::Name],
        inits: &[goxide_syntax::ast::ExprId],
        const_decl: bool,
        inherited: bool,
    ) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = inits[l];
            if inherited {
                let at = files_position(self.pos(fi, file.expr(n).pos));
                self.error(self.pos(fi, pos), format!("extra init expr at {at}"));
            } else {
                let s = goxide_syntax::printer::expr_string(file, n);
                self.error(self.pos(fi, file.start_pos(n)), format!("extra init expr {s}"));
            }
        } else if l > r && (const_decl || r != 1) {
            let n = names[r];
            self.error(self.pos(fi, n.pos), format!("missing init expr for {}", file.name_str(n)));
        }
    }

    fn collect_import(
        &mut self,
        fi: usize,
        file: &File,
        file_scope: &'static Scope,
        decl_pos: goxide_syntax::Pos,
        local_name: Option<goxide_syntax::ast::Name>,
        path: Option<goxide_syntax::ast::ExprId>,
    ) {
        let Some(path_lit) = path else { return };
        let ExprKind::BasicLit { bad: false, .. } = file.expr(path_lit).kind else { return };
        let lit_pos = self.pos(fi, file.expr(path_lit).pos);
        let path = match validated_import_path(&file.lit_text(path_lit)) {
            Ok(p) => p,
            Err(e) => {
                self.error(lit_pos, format!("invalid import path ({e})"));
                return;
            }
        };
        let fake_c = path == "C" && self.config.fake_import_c;
        let imported = match if fake_c { Ok(self.fake_c_package()) } else { self.importer.import(&path) } {
            Ok(p) => p,
            Err(e) => {
                self.error(lit_pos, format!("could not import {path} ({e})"));
                // Continue with a fake, empty package named after the
                // path's last element, as types2's importPackage does;
                // selectors on it report nothing.
                self.fake_import(&path)
            }
        };
        let info = package::info(imported);
        let name = match local_name {
            Some(n) => {
                if path == "C" {
                    self.error(self.pos(fi, n.pos), "cannot rename import \"C\"".into());
                    return;
                }
                file.name_str(n).to_string()
            }
            None => info.name.as_str().to_string(),
        };
        if name == "init" {
            self.error(self.pos(fi, decl_pos), "cannot import package as init - init must be a func".into());
            return;
        }
        let pkg_name = new_object(
            ObjKind::PkgName { imported },
            Symbol::intern(&name),
            Some(self.pkg),
            Some(self.pos(fi, decl_pos)),
            None,
        );
        if let Some(n) = local_name {
            self.defs.insert((self.files[fi].0, n.pos), pkg_name);
        }
        // A failed (fake) import is never reported unused.
        if self.fake_imports.values().any(|&p| p == imported) {
            object(pkg_name).mark_used();
        }
        self.imports.push(pkg_name);
        if name == "." {
            // Merge the imported package's exported names into the file scope.
            let Some(scope) = info.scope.get() else { return };
            for n in scope.names() {
                if !n.is_exported() {
                    continue;
                }
                let Some(obj) = scope.lookup(n) else { continue };
                self.dot_imports.insert((fi, obj), pkg_name);
                if let Some(alt) = file_scope.insert(obj) {
                    let at = self.pos(fi, local_name.unwrap().pos);
                    let mut parts = vec![(Some(at), format!("{} redeclared in this block", object(alt).name))];
                    parts.extend(alt_decl(alt));
                    self.report(parts, false);
                }
            }
        } else {
            self.declare(file_scope, pkg_name);
        }
    }
}

impl Checker<'_> {
    /// The empty package `C` of types2's `FakeImportC`.
    /// The fake package standing for the failed import of `path`.
    fn fake_import(&mut self, path: &str) -> crate::types::PkgId {
        if let Some(&p) = self.fake_imports.get(path) {
            return p;
        }
        let trimmed = path.strip_suffix('/').unwrap_or(path);
        let name = trimmed.rsplit('/').next().unwrap_or(trimmed);
        let p = package::register(path, name);
        let scope = Scope::new(Some(crate::universe::universe().scope));
        scope.freeze();
        let _ = package::info(p).scope.set(scope);
        self.fake_imports.insert(path.to_string(), p);
        p
    }

    fn fake_c_package(&mut self) -> crate::types::PkgId {
        if let Some(p) = self.fake_c {
            return p;
        }
        let p = package::register("C", "C");
        let scope = Scope::new(Some(crate::universe::universe().scope));
        scope.freeze();
        let _ = package::info(p).scope.set(scope);
        self.fake_c = Some(p);
        p
    }
}

fn files_position(p: crate::objects::SrcPos) -> goxide_syntax::Position {
    crate::files::position(p)
}

/// How types2 names an imported package in messages: `package name ("path")`
/// is printed by the caller as "package " + this.
fn import_desc(p: crate::types::PkgId) -> String {
    let i = package::info(p);
    format!("{} (\"{}\")", i.name, i.path)
}

/// The receiver's base type name, and whether it is a pointer receiver
/// (types2's `unpackRecv` for the purpose of method association):
/// parentheses, one `*` and type arguments are stripped.
fn receiver_base(file: &File, mut t: goxide_syntax::ast::ExprId) -> Option<(bool, &str)> {
    let mut ptr = false;
    loop {
        match file.expr(t).kind {
            ExprKind::Paren(x) => t = x,
            ExprKind::Operation { op: goxide_syntax::token::Operator::Mul, x, y: None } if !ptr => {
                ptr = true;
                t = x;
            }
            ExprKind::Index { x, .. } => t = x,
            ExprKind::Name(n) => return Some((ptr, file.name_str(n))),
            _ => return None,
        }
    }
}

/// types2's `validatedImportPath`: the unquoted path, or why it is invalid.
pub(crate) fn validated_import_path(lit: &str) -> Result<String, String> {
    // The literal is a valid string literal (the parser checked it), so
    // go/constant's unquoting is strconv.Unquote here.
    let v = crate::constant::make_from_literal(lit, goxide_syntax::token::LitKind::String);
    if v.kind() != crate::constant::Kind::String {
        return Err("invalid syntax".into());
    }
    // Invalid UTF-8 decodes to U+FFFD, which is an illegal character below.
    let s = String::from_utf8_lossy(&v.string_val()).into_owned();
    if s.is_empty() {
        return Err("empty string".into());
    }
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    for c in s.chars() {
        // !unicode.IsGraphic(r) || unicode.IsSpace(r): every graphic
        // character that is not printable is a space, so this is
        // !strconv.IsPrint(r) || unicode.IsSpace(r).
        if !crate::constant::is_print(c as u32) || c.is_whitespace() || ILLEGAL.contains(c) {
            return Err(format!("invalid character {}", goxide_syntax::scanner::fmt_u(c as u32)));
        }
    }
    Ok(s)
}
