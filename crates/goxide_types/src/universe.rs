//! The universe scope and package `unsafe` (types2's `universe.go`).
//!
//! The universe declares the basic types and their aliases `byte` and
//! `rune`; `error` (a named interface with `Error() string`), `any` (an
//! alias of `interface{}`), `comparable` (a named interface whose type set
//! is the comparable types); the builtin functions; `nil`. The constants
//! `true`, `false` and `iota` are declared here too, their values being set
//! by the checker from `constant`. Package `unsafe` declares `Pointer` and
//! its builtins.
//!
//! Both scopes are built once per process, on first use, and frozen.

use std::sync::LazyLock;

use crate::objects::{new_object, object, Builtin, ObjKind, Scope, VarKind};
use crate::package;
use crate::symbol::Symbol;
use crate::types::{table, BasicKind, Method, PkgId, Type, TypeId, Var};

/// The universe and its distinguished types.
pub struct Universe {
    pub scope: &'static Scope,
    pub error: TypeId,
    pub any: TypeId,
    pub comparable: TypeId,
    pub unsafe_pkg: PkgId,
    pub unsafe_scope: &'static Scope,
}

static UNIVERSE: LazyLock<Universe> = LazyLock::new(build);

/// The process's universe.
pub fn universe() -> &'static Universe {
    &UNIVERSE
}

fn build() -> Universe {
    let t = table();
    let scope = Scope::new(None);
    let def = |kind: ObjKind, name: &str, typ: Option<TypeId>| {
        let id = new_object(kind, Symbol::intern(name), None, None, typ);
        assert!(scope.insert(id).is_none(), "universe declares {name} twice");
        id
    };

    for k in BasicKind::ALL {
        if k == BasicKind::Invalid || k == BasicKind::UnsafePointer || k.info() & crate::types::info::UNTYPED != 0 {
            continue;
        }
        def(ObjKind::TypeName, k.name(), Some(t.basic(k)));
    }
    // byte and rune are aliases (types2 gives them Basic types of their
    // own names, identical to uint8 and int32): messages say `[]byte`.
    for (name, k) in [("byte", BasicKind::Uint8), ("rune", BasicKind::Int32)] {
        let a = t.new_alias(Symbol::intern(name), None, Box::new([]));
        t.alias(a).unwrap().actual.set(t.basic(k)).unwrap();
        let o = def(ObjKind::TypeName, name, Some(a));
        t.alias(a).unwrap().obj.set(o).unwrap();
    }

    // type error interface{ Error() string }
    let error = t.new_named(Symbol::intern("error"), None);
    let error_sig = t.intern(Type::Signature {
        params: Box::new([]),
        results: vec![Var { name: None, pkg: None, typ: t.basic(BasicKind::String) }].into(),
        variadic: false,
    });
    let error_iface = t.intern(Type::Interface {
        methods: vec![Method { name: Symbol::intern("Error"), pkg: None, sig: error_sig }].into(),
        embedded: Box::new([]),
        implicit: false,
    });
    t.named(error).unwrap().underlying.set(error_iface).unwrap();
    let error_obj = def(ObjKind::TypeName, "error", Some(error));
    t.named(error).unwrap().obj.set(error_obj).unwrap();

    // type any = interface{}
    let empty = t.intern(Type::Interface { methods: Box::new([]), embedded: Box::new([]), implicit: false });
    let any = t.new_alias(Symbol::intern("any"), None, Box::new([]));
    t.alias(any).unwrap().actual.set(empty).unwrap();
    let any_obj = def(ObjKind::TypeName, "any", Some(any));
    t.alias(any).unwrap().obj.set(any_obj).unwrap();

    // type comparable interface{ comparable }: its type set is the
    // comparable types (typeset.rs knows this type by its id); the
    // underlying interface embeds it so that it is not `any`.
    let comparable = t.new_named(Symbol::intern("comparable"), None);
    let comparable_iface = t.intern(Type::Interface { methods: Box::new([]), embedded: vec![comparable].into(), implicit: false });
    t.named(comparable).unwrap().underlying.set(comparable_iface).unwrap();
    let comparable_obj = def(ObjKind::TypeName, "comparable", Some(comparable));
    t.named(comparable).unwrap().obj.set(comparable_obj).unwrap();

    // Constants: true and false with their values; iota's is the checker's.
    for (name, v) in [("true", true), ("false", false)] {
        let o = def(ObjKind::Const, name, Some(t.basic(BasicKind::UntypedBool)));
        let _ = object(o).val.set(crate::constant::make_bool(v));
    }
    def(ObjKind::Const, "iota", Some(t.basic(BasicKind::UntypedInt)));
    def(ObjKind::Nil, "nil", Some(t.basic(BasicKind::UntypedNil)));

    for b in Builtin::UNIVERSE {
        def(ObjKind::Builtin(b), b.info().0, Some(t.invalid()));
    }
    scope.freeze();

    let unsafe_pkg = package::register("unsafe", "unsafe");
    let unsafe_scope = Scope::new(Some(scope));
    let pointer = new_object(
        ObjKind::TypeName,
        Symbol::intern("Pointer"),
        Some(unsafe_pkg),
        None,
        Some(t.basic(BasicKind::UnsafePointer)),
    );
    unsafe_scope.insert(pointer);
    for b in Builtin::UNSAFE {
        unsafe_scope.insert(new_object(ObjKind::Builtin(b), Symbol::intern(b.info().0), Some(unsafe_pkg), None, Some(t.invalid())));
    }
    unsafe_scope.freeze();
    package::info(unsafe_pkg).scope.set(unsafe_scope).unwrap();

    // Keep VarKind in use for the checker's parameter objects.
    let _ = VarKind::Param;
    Universe { scope, error, any, comparable, unsafe_pkg, unsafe_scope }
}

/// The `rune` type (an alias of int32 that prints as `rune`).
pub fn rune() -> TypeId {
    static RUNE: LazyLock<TypeId> =
        LazyLock::new(|| lookup("rune").and_then(|o| object(o).typ.get()).unwrap_or(table().basic(BasicKind::Int32)));
    *RUNE
}

/// The `byte` type (an alias of uint8 that prints as `byte`).
pub fn byte() -> TypeId {
    static BYTE: LazyLock<TypeId> =
        LazyLock::new(|| lookup("byte").and_then(|o| object(o).typ.get()).unwrap_or(table().basic(BasicKind::Uint8)));
    *BYTE
}

/// Looks `name` up in the universe.
pub fn lookup(name: &str) -> Option<crate::types::ObjId> {
    universe().scope.lookup(Symbol::intern(name))
}

/// The description of an object's kind in types2's messages (its
/// `objectKind`): "package name", "constant", "defined type", "type
/// alias", "type parameter", "package-level variable", "local variable",
/// "receiver", "parameter", "result variable", "struct field", "function",
/// "label", "built-in function", "untyped nil". Methods are never looked
/// up by name, so a `Func` is a "function".
pub fn object_kind(id: crate::types::ObjId) -> &'static str {
    use crate::objects::VarKind;
    let o = object(id);
    match o.kind {
        ObjKind::PkgName { .. } => "package name",
        ObjKind::Const => "constant",
        ObjKind::TypeName => match o.typ.get() {
            Some(t) if crate::types::table().alias(t).is_some() => "type alias",
            Some(t) if matches!(crate::types::table().get(t), crate::types::Type::TypeParam(_)) => "type parameter",
            _ => "defined type",
        },
        ObjKind::Var { kind, .. } => match kind {
            VarKind::Package => "package-level variable",
            VarKind::Local => "local variable",
            VarKind::Recv => "receiver",
            VarKind::Param => "parameter",
            VarKind::Result => "result variable",
            VarKind::Field => "struct field",
        },
        ObjKind::Func => "function",
        ObjKind::Label => "label",
        ObjKind::Builtin(_) => "built-in function",
        ObjKind::Nil => "untyped nil",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typestring::type_string;

    #[test]
    fn universe_declares_what_types2_declares() {
        let u = universe();
        let names: Vec<&str> = u.scope.names().iter().map(|s| s.as_str()).collect();
        for want in [
            "any", "append", "bool", "byte", "cap", "clear", "close", "comparable", "complex", "complex128",
            "complex64", "copy", "delete", "error", "false", "float32", "float64", "imag", "int", "int16", "int32",
            "int64", "int8", "iota", "len", "make", "max", "min", "new", "nil", "panic", "print", "println", "real",
            "recover", "rune", "string", "true", "uint", "uint16", "uint32", "uint64", "uint8", "uintptr",
        ] {
            assert!(names.contains(&want), "universe lacks {want}");
        }
        assert_eq!(names.len(), 44);
        let qf = |_p: PkgId| String::new();
        let err = object(lookup("error").unwrap()).typ.get().unwrap();
        assert_eq!(type_string(table().underlying(err), &qf), "interface{Error() string}");
        assert_eq!(type_string(err, &qf), "error");
        let byte = object(lookup("byte").unwrap()).typ.get().unwrap();
        assert!(table().identical(byte, table().basic(BasicKind::Uint8)));
        assert_eq!(type_string(table().intern(crate::types::Type::Slice(byte)), &qf), "[]byte");
        assert_eq!(object_kind(lookup("len").unwrap()), "built-in function");
        assert_eq!(object_kind(lookup("nil").unwrap()), "untyped nil");
        assert!(u.unsafe_scope.lookup(Symbol::intern("Sizeof")).is_some());
        assert!(u.unsafe_scope.lookup_parent(Symbol::intern("int")).is_some());
    }
}
