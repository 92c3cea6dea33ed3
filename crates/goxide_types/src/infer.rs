//! Type argument inference (types2's `infer.go`, go1.27 rules).
//!
//! [`infer`] completes a partial list of type arguments for a generic
//! function from its call's arguments, in types2's three steps:
//! 1. typed arguments are unified with their parameters (inexact,
//!    assign mode: a defined type matches a literal at the top);
//! 2. type parameters are unified with their constraints' core terms, and
//!    known type arguments with the constraints' methods, as long as that
//!    makes progress;
//! 3. type parameters still unknown whose parameters got untyped constant
//!    arguments get the default type of the "largest" untyped kind among
//!    those arguments (go1.21 rule: `1` and `2.0` give `float64`).
//!
//! Then inferred types that mention type parameters are simplified by
//! repeated substitution, after cycles (`[P interface{ *P }]`) are cut
//! ([`kill_cycles`]); a type parameter still unknown or open fails.
//! Error messages are types2's word for word, without the caller's
//! prefix (`call.go` reports them as "in call to f, <msg>").
//!
//! Invariants: on success the result has one closed type per type
//! parameter, and the given arguments are kept as they are.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::objects::{SrcPos, object};
use crate::subst::{SubstMap, subst};
use crate::types::{BasicKind, Type, TypeId, Var, info, table};
use crate::typeset::type_set;
use crate::typestring::{Qualifier, type_string};
use crate::typeterm::Term;
use crate::unify::{Unifier, UnifyMode};
use crate::unify::{core_type, set_terms};

/// A call argument, as inference needs it.
#[derive(Clone, Debug)]
pub struct InferArg {
    /// The argument's type (an untyped basic type for untyped constants;
    /// the invalid type for an erroneous argument).
    pub typ: TypeId,
    /// For an untyped constant (or `nil`): its untyped kind
    /// (`UntypedInt`, `UntypedRune`, `UntypedFloat`, `UntypedComplex`,
    /// `UntypedString`, `UntypedBool`, `UntypedNil`). `None` if typed.
    pub untyped_kind: Option<BasicKind>,
    /// Where the argument is (errors about it are reported there).
    pub pos: SrcPos,
    /// The argument expression as types2 prints it in messages
    /// (`ExprString`: `x`, `s[0]`, `1.5`).
    pub descr: String,
}

/// Why inference failed: types2's message (without the prefix `call.go`
/// adds: "in call to f, <msg>") and where types2 reports it (the
/// argument's position, or the call's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InferError {
    pub pos: SrcPos,
    /// Empty when nothing is to be reported ([`InferError::is_silent`]).
    pub msg: String,
}

impl InferError {
    /// Whether the failure must not be reported: an argument was invalid
    /// and its error was reported before (go.dev/issue/60434).
    pub fn is_silent(&self) -> bool {
        self.msg.is_empty()
    }
}

/// A failure before it is placed: at an argument, or at the call (`None`).
#[derive(Debug)]
enum Failure {
    InvalidArgument,
    Failed { pos: Option<SrcPos>, msg: String },
}

/// Infers the type arguments of `tparams` (types2's `Checker.infer`).
///
/// `call_pos` is where failures that types2 reports at the call go.
/// `targs` are the known arguments (a prefix, possibly shorter than
/// `tparams`); `params` the (generic) parameter types, one per argument
/// in `args`. `reverse` words a mismatch for reverse inference (a generic
/// function assigned to a variable of function type, `funcInst`).
/// `interface_inference` is set for go1.21 and later (types2's
/// `allowVersion(go1_21)`). `qf` qualifies the types printed in messages
/// (the checker's qualifier: nothing for the package being checked).
///
/// Parameters are rebuilt with the known arguments substituted first, so
/// that a mismatch against a given argument is left to the assignment
/// check, as in types2. Callers rename the type parameters of recursive
/// calls and of generic function arguments first ([`rename_tparams`]).
#[allow(clippy::too_many_arguments)]
pub fn infer_with(
    call_pos: SrcPos,
    tparams: &[TypeId],
    targs: &[TypeId],
    params: &[TypeId],
    args: &[InferArg],
    reverse: bool,
    interface_inference: bool,
    qf: Qualifier<'_>,
) -> Result<Vec<TypeId>, InferError> {
    infer_core(tparams, targs, params, args, reverse, interface_inference, qf).map_err(|f| match f {
        Failure::InvalidArgument => InferError { pos: call_pos, msg: String::new() },
        Failure::Failed { pos, msg } => InferError { pos: pos.unwrap_or(call_pos), msg },
    })
}

/// [`infer_with`] with go1.21 rules and types qualified by their
/// package's path (types2's printing without a checker). Failures types2
/// reports at the call are placed at the first argument (or, without
/// arguments, at the first type parameter's declaration): the checker
/// should call [`infer_with`], which knows the call and the qualifier.
pub fn infer(
    tparams: &[TypeId],
    targs: &[TypeId],
    params: &[TypeId],
    args: &[InferArg],
    reverse: bool,
) -> Result<Vec<TypeId>, InferError> {
    let fallback = args
        .first()
        .map(|a| a.pos)
        .or_else(|| tparams.first().and_then(|&p| tparam_decl_pos(p)))
        .unwrap_or(SrcPos { file: 0, pos: 0 });
    let qf = |p: crate::types::PkgId| crate::package::info(p).path.as_str().to_string();
    infer_with(fallback, tparams, targs, params, args, reverse, true, &qf)
}

fn infer_core(
    tparams: &[TypeId],
    targs: &[TypeId],
    params: &[TypeId],
    args: &[InferArg],
    reverse: bool,
    interface_inference: bool,
    qf: Qualifier<'_>,
) -> Result<Vec<TypeId>, Failure> {
    let t = table();
    let n = tparams.len();
    if targs.len() >= n {
        return Ok(targs[..n].to_vec());
    }
    if args.iter().any(|a| a.typ == t.invalid()) {
        return Err(Failure::InvalidArgument);
    }
    let ts = |x: TypeId| type_string(x, qf);
    let given: Vec<Option<TypeId>> = (0..n).map(|i| targs.get(i).copied()).collect();

    // Substitute the known arguments (for better messages: a mismatch
    // with a given argument is an assignment error, not an inference one).
    let known = SubstMap::partial(tparams, &given);
    let params: Vec<TypeId> = params.iter().map(|&p| subst(p, &known)).collect();

    let mut u = Unifier::new(tparams, &given, interface_inference);

    // --- 1: typed arguments ---
    let mut untyped: Vec<usize> = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let Some(&par) = params.get(i) else { break };
        if !is_parameterized(tparams, par) && !is_parameterized(tparams, arg.typ) {
            continue;
        }
        match untyped_kind(arg) {
            None => {
                if !u.unify(par, arg.typ, UnifyMode::ASSIGN) {
                    return Err(mismatch(&u, tparams, par, arg, reverse, &ts));
                }
            }
            // Default types are basic, so an untyped argument can only
            // match a parameter that is a type parameter; nil has no
            // default type.
            Some(k) if k != BasicKind::UntypedNil && matches!(t.get(par), Type::TypeParam(_)) => untyped.push(i),
            Some(_) => {}
        }
    }

    // --- 2: constraints ---
    loop {
        let before = u.unknowns();
        for &tpar in tparams {
            let tx = u.at(tpar);
            let constraint = constraint_of(tpar);
            if let Some((core, single)) = core_term(tpar) {
                match (tx, core) {
                    // The argument's underlying type must match the core
                    // type (unification matches a defined type against a
                    // literal through its underlying type).
                    (Some(tx), Term::Type { typ, .. }) if !u.unify(tx, typ, UnifyMode::INEXACT) => {
                        return Err(Failure::Failed {
                            pos: None,
                            msg: format!("{} (type {}) does not satisfy {}", ts(tpar), ts(tx), ts(constraint)),
                        });
                    }
                    (None, Term::Type { tilde: false, typ }) if single => u.set(tpar, typ),
                    _ => {}
                }
            }
            // A known argument must have the constraint's methods, whose
            // signatures may infer more (unless it still mentions type
            // parameters, whose methods are not final).
            if let Some(tx) = tx
                && !is_parameterized(tparams, tx)
                && let Err(cause) = constraint_methods(&mut u, tx, constraint, qf)
            {
                return Err(Failure::Failed {
                    pos: None,
                    msg: format!("{} (type {}) does not satisfy {} {}", ts(tpar), ts(tx), ts(constraint), cause),
                });
            }
        }
        if u.unknowns() == before {
            break;
        }
    }

    // --- 3: untyped constants ---
    let mut max_untyped: Vec<(TypeId, TypeId)> = Vec::new(); // (type parameter, largest untyped type)
    for &i in &untyped {
        let tpar = params[i];
        if u.at(tpar).is_some() {
            continue;
        }
        let arg = &args[i];
        let typ = untyped_kind(arg).map_or(arg.typ, |k| t.basic(k));
        match max_untyped.iter_mut().find(|(p, _)| *p == tpar) {
            None => max_untyped.push((tpar, typ)),
            Some((_, max)) => match max_type(*max, typ) {
                Some(m) => *max = m,
                None => {
                    return Err(Failure::Failed {
                        pos: Some(arg.pos),
                        msg: format!("mismatched types {} and {} (cannot infer {})", ts(*max), ts(typ), ts(tpar)),
                    });
                }
            },
        }
    }
    for (tpar, typ) in max_untyped {
        u.set(tpar, default_type(typ));
    }

    // --- simplify ---
    let mut inferred = u.inferred(tparams);
    kill_cycles(tparams, &mut inferred);
    // Entries that may still mention type parameters: inferred ones (given
    // arguments and unknown ones are clean).
    let mut dirty: Vec<usize> = (0..n).filter(|&i| inferred[i].is_some() && given[i].is_none()).collect();
    while !dirty.is_empty() {
        let m = SubstMap::partial(tparams, &inferred);
        dirty.retain(|&i| {
            let Some(t0) = inferred[i] else { return false };
            let mut t1 = subst(t0, &m);
            if t1 != t0 {
                // A generic function argument's signature that no longer
                // mentions any type parameter is not generic any more
                // (go.dev/issue/59953).
                if let Type::GenericFunc { sig, .. } = t.get(t1)
                    && !is_parameterized(tparams, *sig)
                {
                    t1 = *sig;
                }
            }
            inferred[i] = Some(t1);
            t1 != t0
        });
    }

    let mut out = Vec::with_capacity(n);
    for (i, typ) in inferred.into_iter().enumerate() {
        match typ {
            Some(typ) if !is_parameterized(tparams, typ) => out.push(typ),
            _ => {
                return Err(Failure::Failed {
                    pos: None,
                    msg: format!("cannot infer {} (declared at {})", tparam_name(tparams[i]), tparam_pos(tparams[i])),
                });
            }
        }
    }
    Ok(out)
}

/// The message for an argument whose type does not unify with its
/// parameter's (types2's `errorf` in `infer`).
fn mismatch(
    u: &Unifier,
    tparams: &[TypeId],
    par: TypeId,
    arg: &InferArg,
    reverse: bool,
    ts: &dyn Fn(TypeId) -> String,
) -> Failure {
    let targs = u.inferred(tparams);
    let msg = if targs.iter().all(Option::is_none) {
        format!(
            "type {} of {} does not match {} (cannot infer {})",
            ts(arg.typ),
            arg.descr,
            ts(par),
            type_params_string(tparams)
        )
    } else {
        let inferred = subst(par, &SubstMap::partial(tparams, &targs));
        if inferred != par {
            if reverse {
                format!(
                    "inferred type {} for {} does not match type {} of {}",
                    ts(inferred),
                    ts(par),
                    ts(arg.typ),
                    arg.descr
                )
            } else {
                format!(
                    "type {} of {} does not match inferred type {} for {}",
                    ts(arg.typ),
                    arg.descr,
                    ts(inferred),
                    ts(par)
                )
            }
        } else {
            format!("type {} of {} does not match {}", ts(arg.typ), arg.descr, ts(par))
        }
    };
    Failure::Failed { pos: Some(arg.pos), msg }
}

/// The untyped kind of an argument, if it is untyped.
fn untyped_kind(arg: &InferArg) -> Option<BasicKind> {
    arg.untyped_kind.or(match table().get(arg.typ) {
        Type::Basic(k) if k.info() & info::UNTYPED != 0 => Some(*k),
        _ => None,
    })
}

/// types2's `maxType` on untyped types: the same type, or the larger of
/// two untyped numeric kinds (int < rune < float < complex).
fn max_type(x: TypeId, y: TypeId) -> Option<TypeId> {
    if x == y {
        return Some(x);
    }
    let t = table();
    let numeric = |k: &BasicKind| {
        matches!(
            k,
            BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat | BasicKind::UntypedComplex
        )
    };
    match (t.get(x), t.get(y)) {
        (Type::Basic(a), Type::Basic(b)) if numeric(a) && numeric(b) => Some(if a > b { x } else { y }),
        _ => None,
    }
}

/// The default type of an untyped type (types2's `Default`).
fn default_type(t: TypeId) -> TypeId {
    crate::predicates::default_type(t)
}

/// The constraint of a type parameter (the invalid type if not set).
fn constraint_of(tpar: TypeId) -> TypeId {
    let t = table();
    t.type_param(tpar).and_then(|p| p.constraint.get().copied()).unwrap_or(t.invalid())
}

/// types2's `coreTerm`: the single specific term of `tpar`'s type set
/// (`single` = true), or else a term for its core type, with a tilde if
/// any term has one. `None` if neither exists.
fn core_term(tpar: TypeId) -> Option<(Term, bool)> {
    let t = table();
    let constraint = t.type_param(tpar)?.constraint.get().copied()?;
    let set = set_terms(&type_set(t.underlying(constraint)));
    let terms: Vec<Term> = if set.is_all() || set.is_empty() {
        Vec::new()
    } else {
        set.0.iter().copied().filter(|term| matches!(term, Term::Type { .. })).collect()
    };
    if terms.len() == 1 {
        return Some((terms[0], true));
    }
    let tilde = terms.iter().any(|term| matches!(term, Term::Type { tilde: true, .. }));
    core_type(tpar).map(|typ| (Term::Type { tilde, typ }, false))
}

/// Whether `tx` has the methods of `constraint`, unifying their
/// signatures exactly (types2's `hasAllMethods` with unification as the
/// equivalence). The error is the cause types2 appends to the message
/// (`(missing method M)`, ...), as [`crate::lookup::missing_method`]
/// words it.
fn constraint_methods(u: &mut Unifier, tx: TypeId, constraint: TypeId, qf: Qualifier<'_>) -> Result<(), String> {
    let t = table();
    let iface = t.underlying(constraint);
    if !matches!(t.get(iface), Type::Interface { .. }) {
        return Ok(());
    }
    for m in type_set(iface).methods.iter() {
        let ok = match crate::unify::method_of(tx, m.pkg, m.name) {
            Some((sig, generic)) => !generic && u.unify(sig, m.sig, UnifyMode::EXACT),
            None => false,
        };
        if !ok {
            return Err(crate::lookup::missing_method(tx, iface, true, qf).map(|m| m.cause).unwrap_or_default());
        }
    }
    Ok(())
}

/// types2's `typeParamsString`: `P`, `P and Q`, `P, Q, and R`.
pub fn type_params_string(list: &[TypeId]) -> String {
    let names: Vec<String> = list.iter().map(|&p| tparam_name(p)).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        k => format!("{}, and {}", names[..k - 1].join(", "), names[k - 1]),
    }
}

fn tparam_name(p: TypeId) -> String {
    table().type_param(p).map_or_else(String::new, |d| d.name.as_str().to_string())
}

/// Where a type parameter was declared.
fn tparam_decl_pos(p: TypeId) -> Option<SrcPos> {
    table().type_param(p).and_then(|d| d.obj.get().copied()).and_then(|o| object(o).pos)
}

/// Where a type parameter was declared, as types2 prints a position.
fn tparam_pos(p: TypeId) -> String {
    match tparam_decl_pos(p) {
        Some(pos) => crate::files::position(pos).to_string(),
        None => "<unknown position>".to_string(),
    }
}

/// Whether `typ` mentions any of `tparams` (types2's `isParameterized`):
/// type parameters declared by a signature it contains do not count, the
/// signature's parameters and results do; interfaces are looked at
/// through their type sets; named types through their type arguments.
pub fn is_parameterized(tparams: &[TypeId], typ: TypeId) -> bool {
    if tparams.is_empty() {
        return false;
    }
    ParamWalker { tparams, seen: HashMap::default() }.walk(typ)
}

struct ParamWalker<'a> {
    tparams: &'a [TypeId],
    seen: HashMap<TypeId, bool>,
}

impl ParamWalker<'_> {
    fn walk(&mut self, typ: TypeId) -> bool {
        if let Some(&r) = self.seen.get(&typ) {
            return r;
        }
        self.seen.insert(typ, false);
        let r = self.walk_uncached(typ);
        self.seen.insert(typ, r);
        r
    }

    fn walk_uncached(&mut self, typ: TypeId) -> bool {
        let t = table();
        match t.get(typ) {
            Type::Basic(_) => false,
            Type::Alias(_) => {
                let u = t.unalias(typ);
                u != typ && self.walk(u)
            }
            Type::Array { elem, .. } | Type::Slice(elem) | Type::Pointer(elem) | Type::Chan { elem, .. } => {
                self.walk(*elem)
            }
            Type::Map { key, elem } => self.walk(*key) || self.walk(*elem),
            Type::Struct(fields) => fields.iter().any(|f| self.walk(f.var.typ)),
            Type::Tuple(vars) => self.vars(vars),
            Type::Signature { params, results, .. } => self.vars(params) || self.vars(results),
            // The type parameters a generic function declares do not count.
            Type::GenericFunc { sig, .. } => self.walk(*sig),
            Type::Interface { .. } => {
                let set = type_set(typ);
                set.methods.iter().any(|m| self.walk(m.sig))
                    || set_terms(&set).0.iter().any(|&term| matches!(term, Term::Type { typ, .. } if self.walk(typ)))
            }
            Type::Union(terms) => terms.iter().any(|term| self.walk(term.typ)),
            Type::Named(_) => t.named(typ).is_some_and(|n| n.targs.iter().any(|&a| self.walk(a))),
            Type::TypeParam(_) => self.tparams.contains(&typ),
        }
    }

    fn vars(&mut self, vars: &[Var]) -> bool {
        vars.iter().any(|v| self.walk(v.typ))
    }
}

/// types2's `killCycles`: an inferred type that leads back to its own type
/// parameter (through other inferred types) would make simplification
/// endless; such entries become unknown.
pub fn kill_cycles(tparams: &[TypeId], inferred: &mut [Option<TypeId>]) {
    let mut w = CycleFinder { tparams, inferred, seen: HashSet::default() };
    for &p in tparams {
        w.typ(p);
    }
}

struct CycleFinder<'a> {
    tparams: &'a [TypeId],
    inferred: &'a mut [Option<TypeId>],
    seen: HashSet<TypeId>,
}

impl CycleFinder<'_> {
    fn typ(&mut self, typ: TypeId) {
        let t = table();
        let typ = t.unalias(typ);
        if self.seen.contains(&typ) {
            // Seen on the current path: a cycle. Through one of our type
            // parameters, it is cut; otherwise it is an ordinary
            // recursive type and walking stops.
            if let Some(i) = self.tparams.iter().position(|&p| p == typ) {
                self.inferred[i] = None;
            }
            return;
        }
        self.seen.insert(typ);
        match t.get(typ) {
            Type::Basic(_) | Type::Alias(_) => {}
            Type::Array { elem, .. } | Type::Slice(elem) | Type::Pointer(elem) | Type::Chan { elem, .. } => {
                self.typ(*elem)
            }
            Type::Map { key, elem } => {
                self.typ(*key);
                self.typ(*elem);
            }
            Type::Struct(fields) => fields.iter().for_each(|f| self.typ(f.var.typ)),
            Type::Tuple(vars) => vars.iter().for_each(|v| self.typ(v.typ)),
            Type::Signature { params, results, .. } => {
                params.iter().chain(results.iter()).for_each(|v| self.typ(v.typ))
            }
            Type::GenericFunc { sig, .. } => self.typ(*sig),
            Type::Union(terms) => terms.iter().for_each(|term| self.typ(term.typ)),
            Type::Interface { methods, embedded, .. } => {
                methods.iter().for_each(|m| self.typ(m.sig));
                embedded.iter().for_each(|&e| self.typ(e));
            }
            Type::Named(_) => {
                if let Some(n) = t.named(typ) {
                    n.targs.iter().for_each(|&a| self.typ(a));
                }
            }
            Type::TypeParam(_) => {
                if let Some(i) = self.tparams.iter().position(|&p| p == typ)
                    && let Some(x) = self.inferred[i]
                {
                    self.typ(x);
                }
            }
        }
        self.seen.remove(&typ);
    }
}

/// types2's `renameTParams`: fresh type parameters standing for `tparams`
/// (same names, indices and declaring objects; constraints renamed), and
/// `typ` with the old ones replaced. Inference for a recursive call
/// (`func f[P any](x P) { f(x) }`) needs the parameters solved for to be
/// distinct from those in the arguments.
pub fn rename_tparams(tparams: &[TypeId], typ: TypeId) -> (Vec<TypeId>, TypeId) {
    let t = table();
    if tparams.is_empty() {
        return (Vec::new(), typ);
    }
    let fresh: Vec<TypeId> = tparams
        .iter()
        .map(|&p| {
            let d = t.type_param(p);
            let name = d.map_or(crate::symbol::Symbol::intern("_"), |d| d.name);
            let np = t.new_type_param(name, d.map_or(0, |d| d.index));
            if let Some(&obj) = d.and_then(|d| d.obj.get()) {
                let _ = t.type_param(np).map(|nd| nd.obj.set(obj));
            }
            np
        })
        .collect();
    let m = SubstMap::new(tparams, &fresh);
    for (&old, &new) in tparams.iter().zip(fresh.iter()) {
        if let Some(&bound) = t.type_param(old).and_then(|d| d.constraint.get()) {
            let nb = subst(bound, &m);
            if let Some(nd) = t.type_param(new) {
                let _ = nd.constraint.set(nb);
                let shared = crate::typestring::bound_still_shared(old, bound, nb);
                nd.bound_shared_with_previous.store(shared, std::sync::atomic::Ordering::Relaxed);
            }
        }
    }
    let typ = subst(typ, &m);
    (fresh, typ)
}

#[cfg(test)]
mod tests {
    //! Each case is a call whose outcome under the reference go (go/types
    //! and `go build`, go1.27.3) is quoted next to it; the generic
    //! functions are built by hand from their declarations in `SRC`.
    use std::sync::Arc;

    use super::*;
    use crate::objects::{ObjKind, new_object};
    use crate::symbol::Symbol;
    use crate::types::{ChanDir, Method, PkgId, Term as UnionTerm};
    use crate::universe::universe;

    /// The declarations, for the positions of type parameters.
    const SRC: &str = "package p

func h[P any](x []P) {}
func c[P interface{ *P }]() {}
";

    fn s(t: TypeId) -> String {
        type_string(t, &|_: PkgId| String::new())
    }

    fn qf(_: PkgId) -> String {
        String::new()
    }

    fn file() -> u32 {
        static FILE: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
        *FILE.get_or_init(|| {
            let (f, diags) = goxide_syntax::parse_file("./x.go", SRC.as_bytes());
            assert!(diags.is_empty());
            crate::files::register(Arc::new(f))
        })
    }

    /// A type parameter declared at byte `offset` of `SRC` (if any).
    fn tparam_at(name: &str, index: u32, offset: Option<u32>) -> TypeId {
        let t = table();
        let p = t.new_type_param(Symbol::intern(name), index);
        let pos = offset.map(|o| crate::files::src_pos(file(), o));
        let obj = new_object(ObjKind::TypeName, Symbol::intern(name), None, pos, Some(p));
        t.type_param(p).unwrap().obj.set(obj).unwrap();
        p
    }

    fn tparam(name: &str, index: u32) -> TypeId {
        tparam_at(name, index, None)
    }

    fn constrain(p: TypeId, c: TypeId) {
        table().type_param(p).unwrap().constraint.set(c).unwrap();
    }

    fn any() -> TypeId {
        universe().any
    }

    /// `interface{ ~T }` or `interface{ T }`.
    fn term_iface(tilde: bool, typ: TypeId) -> TypeId {
        let t = table();
        let u = t.intern(Type::Union(vec![UnionTerm { tilde, typ }].into()));
        t.intern(Type::Interface { methods: Box::new([]), embedded: vec![u].into(), implicit: false })
    }

    fn slice(t: TypeId) -> TypeId {
        table().intern(Type::Slice(t))
    }

    fn sig(params: Vec<(Option<&str>, TypeId)>, results: Vec<TypeId>) -> TypeId {
        table().intern(Type::Signature {
            params: params.into_iter().map(|(n, typ)| Var { name: n.map(Symbol::intern), pkg: None, typ }).collect(),
            results: results.into_iter().map(|typ| Var { name: None, pkg: None, typ }).collect(),
            variadic: false,
        })
    }

    fn typed(typ: TypeId, descr: &str) -> InferArg {
        InferArg { typ, untyped_kind: None, pos: crate::files::src_pos(file(), 0), descr: descr.into() }
    }

    fn untyped(kind: BasicKind, descr: &str) -> InferArg {
        InferArg {
            typ: table().basic(kind),
            untyped_kind: Some(kind),
            pos: crate::files::src_pos(file(), 1),
            descr: descr.into(),
        }
    }

    fn run(
        tparams: &[TypeId],
        targs: &[TypeId],
        params: &[TypeId],
        args: &[InferArg],
    ) -> Result<Vec<String>, InferError> {
        infer_with(call(), tparams, targs, params, args, false, true, &qf).map(|v| v.into_iter().map(s).collect())
    }

    /// Where the call is, for failures types2 reports there.
    fn call() -> SrcPos {
        crate::files::src_pos(file(), 2)
    }

    fn failed(pos: Option<SrcPos>, msg: &str) -> Result<Vec<String>, InferError> {
        Err(InferError { pos: pos.unwrap_or_else(call), msg: msg.into() })
    }

    #[test]
    fn untyped_constants_take_the_default_of_the_largest_kind() {
        // func f[P any](x, y P)
        let p = tparam("P", 0);
        constrain(p, any());
        let params = [p, p];
        // f(1, 2.0) → [float64]
        assert_eq!(
            run(&[p], &[], &params, &[untyped(BasicKind::UntypedInt, "1"), untyped(BasicKind::UntypedFloat, "2.0")]),
            Ok(vec!["float64".into()])
        );
        // f(1, 'a') → [rune]
        assert_eq!(
            run(&[p], &[], &params, &[untyped(BasicKind::UntypedInt, "1"), untyped(BasicKind::UntypedRune, "'a'")]),
            Ok(vec!["rune".into()])
        );
        // f(1, "a"): x.go:20:7: in call to f, mismatched types untyped int and untyped string (cannot infer P)
        let args = [untyped(BasicKind::UntypedInt, "1"), untyped(BasicKind::UntypedString, "\"a\"")];
        assert_eq!(
            run(&[p], &[], &params, &args),
            failed(Some(args[1].pos), "mismatched types untyped int and untyped string (cannot infer P)")
        );
        // A typed argument wins over untyped ones: f(1, i) with i int8.
        assert_eq!(
            run(&[p], &[], &params, &[untyped(BasicKind::UntypedInt, "1"), typed(table().basic(BasicKind::Int8), "i")]),
            Ok(vec!["int8".into()])
        );
        // nil has no default type: f(nil, nil) cannot infer P.
        let nil = |d| InferArg { untyped_kind: Some(BasicKind::UntypedNil), ..untyped(BasicKind::UntypedNil, d) };
        let r = run(&[p], &[], &params, &[nil("nil"), nil("nil")]);
        assert!(matches!(r, Err(InferError { pos, .. }) if pos == call()));
    }

    #[test]
    fn core_types_infer_element_types_and_reject_mismatches() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        // type Ints []int; func g[S ~[]E, E any](s S)
        let ints = t.new_named(Symbol::intern("Ints"), None);
        t.named(ints).unwrap().underlying.set(slice(int)).unwrap();
        let (sp, e) = (tparam("S", 0), tparam("E", 1));
        let core = term_iface(true, slice(e));
        constrain(sp, core);
        constrain(e, any());
        // g(Ints{}) → [Ints, int]
        assert_eq!(run(&[sp, e], &[], &[sp], &[typed(ints, "Ints{}")]), Ok(vec!["Ints".into(), "int".into()]));
        // g(i): in call to g, S (type int) does not satisfy ~[]E (types2
        // prints the implicit interface as its term; ours is explicit here)
        assert_eq!(
            run(&[sp, e], &[], &[sp], &[typed(int, "i")]),
            failed(None, "S (type int) does not satisfy interface{~[]E}")
        );
        // func single[P interface{ int }]() → single() is [int]
        let p = tparam("P", 0);
        constrain(p, term_iface(false, int));
        assert_eq!(run(&[p], &[], &[], &[]), Ok(vec!["int".into()]));
        // func mp[K comparable, V any](m map[K]V): mp(M{}) with type M map[int]string → [int, string]
        let (k, v) = (tparam("K", 0), tparam("V", 1));
        constrain(k, universe().comparable);
        constrain(v, any());
        let m = t.new_named(Symbol::intern("M"), None);
        t.named(m).unwrap().underlying.set(t.intern(Type::Map { key: int, elem: t.basic(BasicKind::String) })).unwrap();
        let param = t.intern(Type::Map { key: k, elem: v });
        assert_eq!(run(&[k, v], &[], &[param], &[typed(m, "M{}")]), Ok(vec!["int".into(), "string".into()]));
    }

    #[test]
    fn inferred_types_are_simplified_and_cycles_cannot_be_inferred() {
        let t = table();
        // func ptr[P any, Q interface{ *P }](p P) Q; ptr(1) → [int, *int]
        let (p, q) = (tparam("P", 0), tparam("Q", 1));
        constrain(p, any());
        constrain(q, term_iface(false, t.intern(Type::Pointer(p))));
        assert_eq!(
            run(&[p, q], &[], &[p], &[untyped(BasicKind::UntypedInt, "1")]),
            Ok(vec!["int".into(), "*int".into()])
        );
        // func c[P interface{ *P }](); c(): in call to c, cannot infer P (declared at x.go:4:8)
        let offset = SRC.find("c[P").unwrap() as u32 + 2;
        let c = tparam_at("P", 0, Some(offset));
        constrain(c, term_iface(false, t.intern(Type::Pointer(c))));
        assert_eq!(run(&[c], &[], &[], &[]), failed(None, "cannot infer P (declared at ./x.go:4:8)"));
    }

    #[test]
    fn argument_mismatches_are_worded_as_types2() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let string = t.basic(BasicKind::String);
        // func h[P any](x []P)
        let offset = SRC.find("h[P").unwrap() as u32 + 2;
        let p = tparam_at("P", 0, Some(offset));
        constrain(p, any());
        // h(1): in call to h, cannot infer P (declared at x.go:3:8)
        assert_eq!(
            run(&[p], &[], &[slice(p)], &[untyped(BasicKind::UntypedInt, "1")]),
            failed(None, "cannot infer P (declared at ./x.go:3:8)")
        );
        // h(i): in call to h, type int of i does not match []P (cannot infer P)
        let i = typed(int, "i");
        assert_eq!(
            run(&[p], &[], &[slice(p)], std::slice::from_ref(&i)),
            failed(Some(i.pos), "type int of i does not match []P (cannot infer P)")
        );
        // func k[P any](x, y []P); k([]int{}, []string{}):
        // type []string of []string{} does not match inferred type []int for []P
        let args = [typed(slice(int), "[]int{}"), typed(slice(string), "[]string{}")];
        assert_eq!(
            run(&[p], &[], &[slice(p), slice(p)], &args),
            failed(Some(args[1].pos), "type []string of []string{} does not match inferred type []int for []P")
        );
        // func two[P, Q any](x P, y []Q)
        let (p2, q2) = (tparam("P", 0), tparam("Q", 1));
        constrain(p2, any());
        constrain(q2, any());
        let params = [p2, slice(q2)];
        // two(1, i): type int of i does not match []Q (cannot infer P and Q)
        assert_eq!(
            run(&[p2, q2], &[], &params, &[untyped(BasicKind::UntypedInt, "1"), i.clone()]),
            failed(Some(i.pos), "type int of i does not match []Q (cannot infer P and Q)")
        );
        // two[int](1, i): type int of i does not match []Q
        assert_eq!(
            run(&[p2, q2], &[int], &params, &[untyped(BasicKind::UntypedInt, "1"), i.clone()]),
            failed(Some(i.pos), "type int of i does not match []Q")
        );
        // two(i, s) → [int, string]
        assert_eq!(
            run(&[p2, q2], &[], &params, &[i.clone(), typed(slice(string), "s")]),
            Ok(vec!["int".into(), "string".into()])
        );
    }

    #[test]
    fn reverse_inference_words_the_mismatch_the_other_way() {
        let t = table();
        let string = t.basic(BasicKind::String);
        // func id[P any](x P) P; var fn func(string) int = id:
        // inferred type func(x string) string for func(x P) P does not match type func(string) int of fn
        let p = tparam("P", 0);
        constrain(p, any());
        let generic = sig(vec![(Some("x"), p)], vec![p]);
        let target = sig(vec![(None, string)], vec![t.basic(BasicKind::Int)]);
        let r = infer_with(call(), &[p], &[], &[generic], &[typed(target, "fn")], true, true, &qf);
        assert_eq!(
            r,
            Err(InferError {
                pos: crate::files::src_pos(file(), 0),
                msg: "inferred type func(x string) string for func(x P) P does not match type func(string) int of fn"
                    .into()
            })
        );
        // var fn func(string) string = id → [string]
        let ok = sig(vec![(None, string)], vec![string]);
        assert_eq!(
            infer_with(call(), &[p], &[], &[generic], &[typed(ok, "fn")], true, true, &qf).map(|v| v.len()),
            Ok(1)
        );
    }

    #[test]
    fn channels_infer_the_directed_type() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        // func ch[T any](a, b T); ch(b, r) with b chan int, r <-chan int → [<-chan int]
        let p = tparam("T", 0);
        constrain(p, any());
        let both = t.intern(Type::Chan { dir: ChanDir::SendRecv, elem: int });
        let recv = t.intern(Type::Chan { dir: ChanDir::RecvOnly, elem: int });
        assert_eq!(run(&[p], &[], &[p, p], &[typed(both, "b"), typed(recv, "r")]), Ok(vec!["<-chan int".into()]));
        assert_eq!(run(&[p], &[], &[p, p], &[typed(recv, "r"), typed(both, "b")]), Ok(vec!["<-chan int".into()]));
    }

    #[test]
    fn constraint_methods_infer_their_signatures_types() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        // type X struct{}; func (X) M() int
        let x = t.new_named(Symbol::intern("X"), None);
        t.named(x).unwrap().underlying.set(t.intern(Type::Struct(Box::new([])))).unwrap();
        let m = new_object(ObjKind::Func, Symbol::intern("M"), None, None, Some(sig(vec![], vec![int])));
        t.named(x).unwrap().methods.lock().unwrap().push(m);
        // func n[T interface{ M() U }, U any](t T)
        let (tp, u) = (tparam("T", 0), tparam("U", 1));
        let iface = t.intern(Type::Interface {
            methods: vec![Method { name: Symbol::intern("M"), pkg: None, sig: sig(vec![], vec![u]) }].into(),
            embedded: Box::new([]),
            implicit: false,
        });
        constrain(tp, iface);
        constrain(u, any());
        // n(X{}) → [X, int]
        assert_eq!(run(&[tp, u], &[], &[tp], &[typed(x, "X{}")]), Ok(vec!["X".into(), "int".into()]));
        // n(i): T (type int) does not satisfy interface{M() U} (missing method M)
        assert_eq!(
            run(&[tp, u], &[], &[tp], &[typed(int, "i")]),
            failed(None, "T (type int) does not satisfy interface{M() U} (missing method M)")
        );
    }

    #[test]
    fn complete_or_invalid_inputs_short_cut() {
        let t = table();
        let int = t.basic(BasicKind::Int);
        let p = tparam("P", 0);
        constrain(p, any());
        assert_eq!(run(&[p], &[int], &[p], &[typed(t.basic(BasicKind::String), "s")]), Ok(vec!["int".into()]));
        let r = run(&[p], &[], &[p], &[typed(t.invalid(), "bad")]);
        assert!(matches!(r, Err(e) if e.is_silent()));
        // The compatible entry point places call failures at the first
        // argument and qualifies by package path.
        let pkg = crate::package::register("example.com/q", "q");
        let named = t.new_named(Symbol::intern("T"), Some(pkg));
        t.named(named).unwrap().underlying.set(int).unwrap();
        let a = typed(named, "x");
        assert_eq!(
            infer(&[p], &[], &[slice(p)], std::slice::from_ref(&a), false),
            Err(InferError { pos: a.pos, msg: "type example.com/q.T of x does not match []P (cannot infer P)".into() })
        );
    }

    #[test]
    fn helpers_behave_as_types2s() {
        let t = table();
        let (p, q, r) = (tparam("P", 0), tparam("Q", 1), tparam("R", 2));
        assert_eq!(type_params_string(&[p]), "P");
        assert_eq!(type_params_string(&[p, q]), "P and Q");
        assert_eq!(type_params_string(&[p, q, r]), "P, Q, and R");
        let st = t.intern(Type::Struct(
            vec![crate::types::Field {
                var: Var { name: Some(Symbol::intern("f")), pkg: None, typ: slice(q) },
                embedded: false,
                tag: None,
            }]
            .into(),
        ));
        assert!(is_parameterized(&[q], st));
        assert!(!is_parameterized(&[p], st));
        // Recursive calls: renamed parameters are fresh, with renamed constraints.
        let a = tparam("A", 0);
        constrain(a, term_iface(false, t.intern(Type::Pointer(a))));
        let (fresh, typ) = rename_tparams(&[a], slice(a));
        assert_ne!(fresh[0], a);
        assert_eq!(s(typ), "[]A");
        assert_eq!(typ, slice(fresh[0]));
        let fc = *t.type_param(fresh[0]).unwrap().constraint.get().unwrap();
        assert_eq!(fc, term_iface(false, t.intern(Type::Pointer(fresh[0]))));
        // Inference through the renamed parameter: func f[A any](x A) { f(x) } → [A]
        let b = tparam("B", 0);
        constrain(b, any());
        let (fb, _) = rename_tparams(&[b], b);
        assert_eq!(run(&fb, &[], &fb, &[typed(b, "x")]), Ok(vec!["B".into()]));
        // kill_cycles: [P interface{ *Q }, Q interface{ func(P) }] style loops.
        let mut inferred = vec![Some(t.intern(Type::Pointer(q))), Some(slice(p))];
        kill_cycles(&[p, q], &mut inferred);
        assert!(inferred.iter().any(Option::is_none));
    }
}
