//! Types as types2 prints them in diagnostics (`typestring.go`'s
//! `typeWriter` without the hashing mode).
//!
//! `struct{a int; b string}`, `func(x int, y ...string) (int, error)`,
//! `chan (<-chan int)`, `map[string][]int`, `interface{M(); ~int}`,
//! `pkg.T[int]`. A `,` or `;` is always followed by one blank, as in
//! types2. Package qualifiers come from a caller-supplied function: types2
//! prints a package's name when it is unambiguous in the message's
//! context, its path otherwise, and nothing for the package being checked.
//!
//! Invariant: printing never loops; a type that (wrongly) contains itself
//! prints `cycle to T` at the repeat, as types2 does.

use crate::types::{table, BasicKind, ChanDir, PkgId, Type, TypeId, Var};

/// How to print a package prefix: the text before `.` (empty: no prefix).
pub type Qualifier<'a> = &'a dyn Fn(PkgId) -> String;

/// `t` as types2 prints it.
pub fn type_string(t: TypeId, qf: Qualifier<'_>) -> String {
    let mut w = Writer { out: String::new(), qf, seen: Vec::new(), go_types: false };
    w.typ(t);
    w.out
}

/// `t` as go/types' `TypeString` prints it: as types2 but for a type
/// parameter named like a predeclared object, marked `/* type parameter
/// */` instead of with its position (go/types has no file set there).
pub fn type_string_go_types(t: TypeId, qf: Qualifier<'_>) -> String {
    let mut w = Writer { out: String::new(), qf, seen: Vec::new(), go_types: true };
    w.typ(t);
    w.out
}

struct Writer<'a> {
    out: String,
    qf: Qualifier<'a>,
    seen: Vec<TypeId>,
    /// go/types' spelling rather than types2's.
    go_types: bool,
}

impl Writer<'_> {
    fn s(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// types2's `byte`: `,` and `;` are followed by a blank.
    fn byte(&mut self, b: char) {
        self.out.push(b);
        if b == ',' || b == ';' {
            self.out.push(' ');
        }
    }

    fn qualified(&mut self, pkg: Option<PkgId>, name: &str) {
        if let Some(p) = pkg {
            let prefix = (self.qf)(p);
            if !prefix.is_empty() {
                self.s(&prefix);
                self.out.push('.');
            }
        }
        self.s(name);
    }

    fn type_list(&mut self, list: &[TypeId]) {
        self.byte('[');
        for (i, &t) in list.iter().enumerate() {
            if i > 0 {
                self.byte(',');
            }
            self.typ(t);
        }
        self.byte(']');
    }

    fn typ(&mut self, id: TypeId) {
        if self.seen.contains(&id) {
            self.s("cycle to ");
            let name = match table().named(id) {
                Some(n) => n.name.as_str().to_string(),
                None => "type".to_string(),
            };
            self.s(&name);
            return;
        }
        self.seen.push(id);
        self.typ_inner(id);
        self.seen.pop();
    }

    fn typ_inner(&mut self, id: TypeId) {
        let t = table();
        match t.get(id) {
            Type::Basic(BasicKind::UnsafePointer) => self.s("unsafe.Pointer"),
            Type::Basic(k) => self.s(k.name()),
            Type::Array { len, elem } => {
                self.out.push('[');
                self.s(&len.to_string());
                self.out.push(']');
                self.typ(*elem);
            }
            Type::Slice(elem) => {
                self.s("[]");
                self.typ(*elem);
            }
            Type::Struct(fields) => {
                self.s("struct{");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        self.byte(';');
                    }
                    if !f.embedded {
                        if let Some(n) = f.var.name {
                            self.s(n.as_str());
                        }
                        self.out.push(' ');
                    }
                    self.typ(f.var.typ);
                    if let Some(tag) = f.tag {
                        if !tag.as_str().is_empty() {
                            self.out.push(' ');
                            self.s(&go_quote(tag.as_str()));
                        }
                    }
                }
                self.out.push('}');
            }
            Type::Pointer(base) => {
                self.out.push('*');
                self.typ(*base);
            }
            Type::Tuple(vars) => self.tuple(vars, false),
            Type::Signature { .. } => {
                self.s("func");
                self.signature(id);
            }
            Type::GenericFunc { tparams, sig } => {
                self.s("func");
                self.tparam_list(tparams);
                self.signature(*sig);
            }
            Type::Union(terms) => {
                for (i, term) in terms.iter().enumerate() {
                    if i > 0 {
                        self.s(" | ");
                    }
                    if term.tilde {
                        self.out.push('~');
                    }
                    self.typ(term.typ);
                }
            }
            Type::Interface { methods, embedded, implicit } => {
                // An implicit constraint interface prints as its term list.
                if *implicit && methods.is_empty() && embedded.len() == 1 {
                    self.typ(embedded[0]);
                    return;
                }
                if *implicit {
                    self.s("/* implicit */ ");
                }
                self.s("interface{");
                let mut first = true;
                for m in methods.iter() {
                    if !first {
                        self.byte(';');
                    }
                    first = false;
                    self.s(m.name.as_str());
                    self.signature(m.sig);
                }
                for &e in embedded.iter() {
                    if !first {
                        self.byte(';');
                    }
                    first = false;
                    self.typ(e);
                }
                self.out.push('}');
            }
            Type::Map { key, elem } => {
                self.s("map[");
                self.typ(*key);
                self.out.push(']');
                self.typ(*elem);
            }
            Type::Chan { dir, elem } => {
                let parens = *dir == ChanDir::SendRecv
                    && matches!(t.get(*elem), Type::Chan { dir: ChanDir::RecvOnly, .. });
                self.s(match dir {
                    ChanDir::SendRecv => "chan ",
                    ChanDir::SendOnly => "chan<- ",
                    ChanDir::RecvOnly => "<-chan ",
                });
                if parens {
                    self.out.push('(');
                }
                self.typ(*elem);
                if parens {
                    self.out.push(')');
                }
            }
            Type::Named(_) => {
                let n = t.named(id).unwrap();
                self.qualified(n.pkg, n.name.as_str());
                if !n.targs.is_empty() {
                    let targs = n.targs.clone();
                    self.type_list(&targs);
                } else if let Some(tps) = n.tparams.get() {
                    if !tps.is_empty() {
                        let tps = tps.clone();
                        self.tparam_list(&tps);
                    }
                }
            }
            Type::TypeParam(_) => {
                let p = t.type_param(id).unwrap();
                self.s(p.name.as_str());
                // A type parameter named like a predeclared object (`int`)
                // says where it is declared, so that messages are not
                // read as the predeclared one.
                if crate::universe::lookup(p.name.as_str()).is_some() {
                    if self.go_types {
                        self.s("/* type parameter */");
                    } else {
                        let at = p.obj.get().and_then(|&o| crate::objects::object(o).pos);
                        if let Some(pos) = at {
                            let name = p.name.as_str().to_string();
                            self.s(&format!(" /* with {name} declared at {} */", crate::files::position(pos)));
                        }
                    }
                }
            }
            Type::Alias(_) => {
                let a = t.alias(id).unwrap();
                self.qualified(a.pkg, a.name.as_str());
                if !a.targs.is_empty() {
                    let targs = a.targs.clone();
                    self.type_list(&targs);
                } else if let Some(tps) = a.tparams.get() {
                    if !tps.is_empty() {
                        let tps = tps.clone();
                        self.tparam_list(&tps);
                    }
                }
            }
        }
    }

    /// `[P any, Q ~int]`: consecutive parameters whose constraint is the
    /// same object share it, as types2's `tParamList` (which compares
    /// pointers; see `TypeParamData::bound_shared_with_previous`).
    fn tparam_list(&mut self, list: &[TypeId]) {
        let t = table();
        self.byte('[');
        let mut prev: Option<TypeId> = None;
        for (i, &tp) in list.iter().enumerate() {
            let data = t.type_param(tp).unwrap();
            let bound = data.constraint.get().copied();
            if i > 0 {
                let shared = data.bound_shared_with_previous.load(std::sync::atomic::Ordering::Relaxed);
                if bound != prev || !shared {
                    self.out.push(' ');
                    if let Some(b) = prev {
                        self.typ(b);
                    }
                }
                self.byte(',');
            }
            prev = bound;
            self.s(data.name.as_str());
        }
        if let Some(b) = prev {
            self.out.push(' ');
            self.typ(b);
        }
        self.byte(']');
    }

    fn tuple(&mut self, vars: &[Var], variadic: bool) {
        let t = table();
        self.out.push('(');
        for (i, v) in vars.iter().enumerate() {
            if i > 0 {
                self.byte(',');
            }
            if let Some(n) = v.name {
                self.s(n.as_str());
                self.out.push(' ');
            }
            if variadic && i == vars.len() - 1 {
                if let Type::Slice(elem) = t.get(v.typ) {
                    self.s("...");
                    self.typ(*elem);
                } else {
                    self.typ(v.typ);
                    self.s("...");
                }
            } else {
                self.typ(v.typ);
            }
        }
        self.out.push(')');
    }

    fn signature(&mut self, sig: TypeId) {
        let Type::Signature { params, results, variadic } = table().get(sig) else {
            self.s("<not a signature>");
            return;
        };
        self.tuple(params, *variadic);
        if results.is_empty() {
            return;
        }
        self.out.push(' ');
        if results.len() == 1 && results[0].name.is_none() {
            self.typ(results[0].typ);
            return;
        }
        self.tuple(results, false);
    }
}

/// Go's `strconv.Quote` for a struct tag.
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{07}' => out.push_str("\\a"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            '\u{0B}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a fresh type parameter standing for `old` (whose constraint
/// `bound` became `new_bound` by substitution) still shares its
/// constraint object with the previous parameter of its list: types2's
/// `subst` returns an unchanged constraint as is and builds a new object
/// otherwise, so only unchanged shared constraints stay shared.
pub fn bound_still_shared(old: TypeId, bound: TypeId, new_bound: TypeId) -> bool {
    bound == new_bound
        && table()
            .type_param(old)
            .is_some_and(|d| d.bound_shared_with_previous.load(std::sync::atomic::Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::Symbol;
    use crate::types::{Field, Method, Term};

    fn no_qualifier(_: PkgId) -> String {
        String::new()
    }

    fn s(t: TypeId) -> String {
        type_string(t, &no_qualifier)
    }

    fn var(name: Option<&str>, typ: TypeId) -> Var {
        Var { name: name.map(Symbol::intern), pkg: None, typ }
    }

    #[test]
    fn prints_as_types2() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let string = t.basic(BasicKind::String);
        let err = t.new_named(Symbol::intern("error"), None);
        assert_eq!(s(t.intern(Type::Map { key: string, elem: t.intern(Type::Slice(int)) })), "map[string][]int");
        let recv = t.intern(Type::Chan { dir: ChanDir::RecvOnly, elem: int });
        assert_eq!(s(t.intern(Type::Chan { dir: ChanDir::SendRecv, elem: recv })), "chan (<-chan int)");
        assert_eq!(s(t.intern(Type::Chan { dir: ChanDir::SendOnly, elem: recv })), "chan<- <-chan int");
        let st = t.intern(Type::Struct(
            vec![
                Field { var: var(Some("a"), int), embedded: false, tag: Some(Symbol::intern("json:\"a\"")) },
                Field { var: var(Some("error"), err), embedded: true, tag: None },
            ]
            .into(),
        ));
        assert_eq!(s(st), r#"struct{a int "json:\"a\""; error}"#);
        let sig = t.intern(Type::Signature {
            params: vec![var(Some("x"), int), var(Some("rest"), t.intern(Type::Slice(string)))].into(),
            results: vec![var(None, int), var(None, err)].into(),
            variadic: true,
        });
        assert_eq!(s(sig), "func(x int, rest ...string) (int, error)");
        let one = t.intern(Type::Signature { params: Box::new([]), results: vec![var(None, err)].into(), variadic: false });
        assert_eq!(s(one), "func() error");
        let iface = t.intern(Type::Interface {
            methods: vec![Method { name: Symbol::intern("M"), pkg: None, sig: one }].into(),
            embedded: vec![t.intern(Type::Union(vec![Term { tilde: true, typ: int }, Term { tilde: false, typ: string }].into()))]
                .into(),
            implicit: false,
        });
        assert_eq!(s(iface), "interface{M() error; ~int | string}");
        assert_eq!(s(t.basic(BasicKind::UntypedFloat)), "untyped float");
        assert_eq!(s(t.basic(BasicKind::UnsafePointer)), "unsafe.Pointer");
        assert_eq!(s(t.intern(Type::Array { len: 4, elem: t.intern(Type::Pointer(int)) })), "[4]*int");
    }

    #[test]
    fn qualifies_and_instantiates() {
        let t = table();
        let pkg = crate::package::register("example.com/list", "list");
        let list = t.new_named(Symbol::intern("List"), Some(pkg));
        let inst = t.instance(list, vec![t.basic(BasicKind::Int)].into());
        let qf = |p: PkgId| crate::package::info(p).name.as_str().to_string();
        assert_eq!(type_string(inst, &qf), "list.List[int]");
        assert_eq!(type_string(inst, &no_qualifier), "List[int]");
    }
}
