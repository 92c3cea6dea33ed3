//! Interface type sets (types2's `typeset.go`, the type-set half of
//! `interface.go` and `union.go`, and `under.go`'s `commonUnder`).
//!
//! The type set of an interface is the intersection of the sets of its
//! elements: its explicit methods, the methods and terms of embedded
//! interfaces, the terms of embedded unions and non-interface types, and
//! the `comparable` bit. As in types2, methods are "factored out": a
//! [`TypeSet`] holds all methods of the interface (sorted in types2's
//! object order: exported names first, then by name, then — for
//! unexported names — by package path), a normalised [`TermList`], and
//! whether only comparable types are meant (only when the terms are 𝓤).
//!
//! Algorithm (`computeInterfaceTypeSet`, `computeUnionTypeSet`): explicit
//! methods are added first, then each embedded element in order; a method
//! whose identity (name, and package when unexported) was seen before is
//! a duplicate and is kept once (the first one). The term lists of the
//! elements are intersected (`intersectTermLists`: if any element is
//! `comparable`, incomparable terms are dropped). A union's set is the
//! union of its terms' sets; a term `~T` whose `T` is not its own
//! underlying type is ∅; a union whose normalised list exceeds
//! [`MAX_TERM_COUNT`] terms is invalid and ignored.
//!
//! Caching: results are kept process-wide by interface `TypeId` (types are
//! hash-consed, so one entry serves every package). A result computed
//! while some embedded named type had no underlying type yet (the checker
//! may ask in the middle of a declaration cycle), or while the interface
//! was already being computed further up (an invalid embedding cycle,
//! which yields 𝓤 for the inner occurrence as in types2), is returned but
//! not cached.
//!
//! The universe's `comparable` is recognised by its id
//! ([`crate::universe::Universe::comparable`]), wherever it appears: as an
//! embedded element, or as the type asked about (`type_set(comparable)`).
//! Errors are not reported here: [`type_set_problems`] and
//! [`union_term_problems`] give the checker what it needs to report
//! types2's messages at its positions.
//!
//! Invariants: `comparable` implies `terms.is_all()`; `methods` is sorted
//! and has no two methods with the same identity; `terms` is normalised.

use std::cmp::Ordering;
use std::sync::{Arc, LazyLock};

use crate::DashMap;

use crate::symbol::Symbol;
use crate::typestring::{type_string, Qualifier};
use crate::typeterm::{Term, TermList};
use crate::types::{table, ChanDir, Method, PkgId, Type, TypeId};

/// The most terms a union's type set may have (types2's `maxTermCount`).
pub const MAX_TERM_COUNT: usize = 100;

/// The type set of an interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeSet {
    /// All methods, sorted by [`compare_methods`].
    pub methods: Vec<Method>,
    /// The type terms (𝓤 when the interface has none).
    pub terms: TermList,
    /// Only comparable types are meant; implies `terms.is_all()`.
    pub comparable: bool,
}

impl TypeSet {
    /// The set of all types (the empty interface's).
    pub fn top() -> TypeSet {
        TypeSet { methods: Vec::new(), terms: TermList::all(), comparable: false }
    }

    /// Whether the set is empty (no type is in it).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether the set holds every type (the empty interface).
    pub fn is_all(&self) -> bool {
        self.is_method_set() && self.methods.is_empty()
    }

    /// types2's `Interface.Empty`: the interface is `interface{}`-like.
    pub fn is_empty_interface(&self) -> bool {
        self.is_all()
    }

    /// Whether the interface is fully described by its methods (it can be
    /// the type of a variable).
    pub fn is_method_set(&self) -> bool {
        !self.comparable && self.terms.is_all()
    }

    /// The number of methods.
    pub fn num_methods(&self) -> usize {
        self.methods.len()
    }

    /// Whether the set is restricted to comparable types by `comparable`
    /// (which implies no type terms): "interface is (or embeds)
    /// comparable" in types2's messages.
    pub fn is_comparable_only(&self) -> bool {
        self.comparable
    }

    /// Whether the set has specific type terms (neither ∅ nor 𝓤).
    pub fn has_terms(&self) -> bool {
        !self.terms.is_empty() && !self.terms.is_all()
    }

    /// Whether every type in the set is comparable (types2's
    /// `IsComparable`; strict comparability for the terms).
    pub fn is_comparable(&self) -> bool {
        if self.terms.is_all() {
            return self.comparable;
        }
        self.is(&mut |t| t.is_some_and(|(_, typ)| crate::predicates::comparable(typ, false).is_ok()))
    }

    /// s ⊆ t, by terms (types2's `subsetOf`).
    pub fn subset_of(&self, t: &TypeSet) -> bool {
        self.terms.subset_of(&t.terms)
    }

    /// The method with identity (`pkg`, `name`) and its index (types2's
    /// `LookupMethod`); `fold_case` also matches other capitalisations
    /// in any package.
    pub fn lookup_method(&self, pkg: Option<PkgId>, name: Symbol, fold_case: bool) -> Option<(usize, &Method)> {
        method_index(&self.methods, pkg, name, fold_case).map(|i| (i, &self.methods[i]))
    }

    /// The types of the specific terms (`T` of `T` and `~T`), or `None`
    /// when the set has none (∅ or 𝓤), as types2's `is` iterates them.
    pub fn specific_types(&self) -> Option<Vec<TypeId>> {
        if !self.has_terms() {
            return None;
        }
        Some(self.terms.0.iter().filter_map(|t| term_parts(*t).map(|(_, typ)| typ)).collect())
    }

    /// types2's `is`: `f` for each specific term as `(tilde, type)`, or
    /// once with `None` when there are none; whether all calls said yes.
    pub fn is(&self, f: &mut dyn FnMut(Option<(bool, TypeId)>) -> bool) -> bool {
        if !self.has_terms() {
            return f(None);
        }
        self.terms.0.iter().filter_map(|t| term_parts(*t)).all(|p| f(Some(p)))
    }

    /// types2's `all`: `f(type, underlying type)` for each specific term
    /// (`~T` gives `T` as its underlying type), or once with `None` when
    /// there are none; whether all calls said yes.
    pub fn all(&self, f: &mut dyn FnMut(Option<(TypeId, TypeId)>) -> bool) -> bool {
        if !self.has_terms() {
            return f(None);
        }
        let tt = table();
        self.terms.0.iter().filter_map(|t| term_parts(*t)).all(|(tilde, typ)| {
            let u = if tilde { tt.unalias(typ) } else { tt.underlying(typ) };
            f(Some((typ, u)))
        })
    }

    /// The set as types2 prints it (`String`): ∅, 𝓤, or
    /// `{comparable; M(); ~int | string}`. Term types print with package
    /// paths, methods as `name` + signature.
    pub fn describe(&self, qf: Qualifier<'_>) -> String {
        if self.is_empty() {
            return "∅".into();
        }
        if self.is_all() {
            return "𝓤".into();
        }
        let mut parts = Vec::new();
        if self.comparable {
            parts.push("comparable".to_string());
        }
        for m in &self.methods {
            let sig = type_string(m.sig, qf);
            parts.push(format!("{}{}", m.name.as_str(), sig.strip_prefix("func").unwrap_or(&sig)));
        }
        if self.has_terms() {
            parts.push(term_list_string(&self.terms));
        }
        format!("{{{}}}", parts.join("; "))
    }
}

/// `(tilde, type)` of a term that is neither ∅ nor 𝓤.
fn term_parts(t: Term) -> Option<(bool, TypeId)> {
    match t {
        Term::Type { tilde, typ } => Some((tilde, typ)),
        Term::Empty | Term::All => None,
    }
}

/// A term list as types2's `termlist.String` prints it inside messages:
/// types are qualified by their package paths (types2 formats terms with
/// a nil qualifier).
pub fn term_list_string(l: &TermList) -> String {
    if l.0.is_empty() {
        return "∅".into();
    }
    l.0.iter().map(|&t| term_string(t)).collect::<Vec<_>>().join(" | ")
}

/// A term as types2's `term.String` prints it (package paths).
pub fn term_string(t: Term) -> String {
    match t {
        Term::Empty => "∅".into(),
        Term::All => "𝓤".into(),
        Term::Type { tilde, typ } => format!("{}{}", if tilde { "~" } else { "" }, type_string(typ, &path_qualifier)),
    }
}

/// The qualifier of types2's `Type.String()`: a package's path.
pub fn path_qualifier(p: PkgId) -> String {
    crate::package::info(p).path.as_str().to_string()
}

/// types2's object order for methods: exported names first, then by
/// name, then (unexported names) by package path.
pub fn compare_methods(a: &Method, b: &Method) -> Ordering {
    let (ea, eb) = (a.name.is_exported(), b.name.is_exported());
    if ea != eb {
        return if ea { Ordering::Less } else { Ordering::Greater };
    }
    let by_name = a.name.as_str().cmp(b.name.as_str());
    if by_name != Ordering::Equal || ea {
        return by_name;
    }
    let path = |p: Option<PkgId>| p.map_or("", |p| crate::package::info(p).path.as_str());
    path(a.pkg).cmp(path(b.pkg))
}

/// Whether a method named `name` with package `pkg` denotes `m`'s
/// identity (types2's `sameId`): same name, and for unexported names the
/// same package; with `fold_case`, any capitalisation in any package.
pub fn same_id(m_name: Symbol, m_pkg: Option<PkgId>, pkg: Option<PkgId>, name: Symbol, fold_case: bool) -> bool {
    if fold_case && m_name.as_str().to_lowercase() == name.as_str().to_lowercase() {
        return true;
    }
    if m_name != name {
        return false;
    }
    m_name.is_exported() || m_pkg == pkg
}

/// The index of the method with identity (`pkg`, `name`) (types2's
/// `methodIndex`); the blank name is never found.
pub fn method_index(methods: &[Method], pkg: Option<PkgId>, name: Symbol, fold_case: bool) -> Option<usize> {
    if name.is_blank() {
        return None;
    }
    methods.iter().position(|m| same_id(m.name, m.pkg, pkg, name, fold_case))
}

static INTERFACE_SETS: LazyLock<DashMap<TypeId, Arc<TypeSet>>> = LazyLock::new(DashMap::default);
static UNION_SETS: LazyLock<DashMap<TypeId, Option<Arc<TermList>>>> = LazyLock::new(DashMap::default);

/// The type set of `t`: of an interface type; of a named type, alias or
/// type parameter, the set of its underlying interface (a type
/// parameter's constraint's; a constraint that is not an interface, such
/// as `int` in `[P int]`, counts as the implicit interface embedding it).
/// The universe's `comparable` gives the comparable types. Any other type
/// that is not an interface is taken as such a constraint: the set of
/// the implicit interface embedding it (`{int}` for `int`); the invalid
/// type gives 𝓤.
pub fn type_set(t: TypeId) -> Arc<TypeSet> {
    let mut b = Builder { stack: Vec::new(), complete: true, problems: None, strict_duplicates: false };
    b.type_set_of(t)
}

/// Where a method of an interface comes from, for error positions: an
/// explicit method (index in the interface's `methods` as written) or an
/// embedded element (index in its `embedded`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodSource {
    Explicit(usize),
    Embedded(usize),
}

/// An error in an interface's type set, as types2 reports it while
/// computing the set.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum TypeSetProblem {
    /// "duplicate method m" at `at`, continued by "other declaration of
    /// method m" at `other`. Explicit duplicates always; a method that
    /// arrives twice through embeddings only when the signatures differ.
    DuplicateMethod { name: Symbol, at: MethodSource, other: MethodSource },
    /// "cannot handle more than 100 union terms (implementation
    /// limitation)" at the embedded union `embedded`.
    TooManyUnionTerms { embedded: usize },
}

impl TypeSetProblem {
    /// The message (the first line; a duplicate's continuation is
    /// [`TypeSetProblem::other_message`]).
    pub fn message(&self) -> String {
        match self {
            TypeSetProblem::DuplicateMethod { name, .. } => format!("duplicate method {name}"),
            TypeSetProblem::TooManyUnionTerms { .. } => {
                format!("cannot handle more than {MAX_TERM_COUNT} union terms (implementation limitation)")
            }
        }
    }

    /// The continuation line of a duplicate method.
    pub fn other_message(&self) -> Option<String> {
        match self {
            TypeSetProblem::DuplicateMethod { name, .. } => Some(format!("other declaration of method {name}")),
            TypeSetProblem::TooManyUnionTerms { .. } => None,
        }
    }
}

/// The errors types2 reports while computing the type set of interface
/// `iface` (a `Type::Interface` as written), for the checker to report
/// once the types involved are set up (from go1.14 on: identical methods
/// embedded twice are fine).
pub fn type_set_problems(iface: TypeId) -> Vec<TypeSetProblem> {
    type_set_problems_for(iface, true)
}

/// [`type_set_problems`] for a language version: before go1.14
/// (`overlapping_embeddings` false), a method embedded twice is a
/// duplicate even with identical signatures.
pub fn type_set_problems_for(iface: TypeId, overlapping_embeddings: bool) -> Vec<TypeSetProblem> {
    let mut problems = Vec::new();
    if let Type::Interface { methods, embedded, .. } = table().get(iface) {
        let mut b = Builder { stack: Vec::new(), complete: true, problems: Some(&mut problems), strict_duplicates: false };
        b.strict_duplicates = !overlapping_embeddings;
        b.compute_interface(iface, methods, embedded);
    }
    problems
}

/// The first of [`type_set_problems`] that is reported at an embedded
/// element: its index in the interface's `embedded` and the message
/// (without a duplicate's "other declaration" continuation).
pub fn type_set_error(iface: TypeId) -> Option<(usize, String)> {
    type_set_error_for(iface, true)
}

/// [`type_set_error`] for a language version (see
/// [`type_set_problems_for`]).
pub fn type_set_error_for(iface: TypeId, overlapping_embeddings: bool) -> Option<(usize, String)> {
    type_set_problems_for(iface, overlapping_embeddings).into_iter().find_map(|p| match p {
        TypeSetProblem::DuplicateMethod { at: MethodSource::Embedded(i), .. } | TypeSetProblem::TooManyUnionTerms { embedded: i } => {
            Some((i, p.message()))
        }
        TypeSetProblem::DuplicateMethod { .. } => None,
    })
}

/// Whether `t` is a named type whose underlying type is not known yet
/// (its declaration is being checked); an instance's comes from its
/// origin's, expanded on demand.
fn underlying_unknown(t: TypeId) -> bool {
    let tt = table();
    tt.named(t).is_some_and(|n| tt.named(n.origin.unwrap_or(t)).is_some_and(|o| o.underlying.get().is_none()))
}

struct Builder<'a> {
    /// Interfaces and type parameters whose sets are being computed
    /// (cycle guard).
    stack: Vec<TypeId>,
    /// No embedded named type lacked its underlying type, and no cycle
    /// was cut: the result may be cached.
    complete: bool,
    /// Where to put the problems of the outermost interface.
    problems: Option<&'a mut Vec<TypeSetProblem>>,
    /// Report methods embedded twice even with identical signatures
    /// (before go1.14).
    strict_duplicates: bool,
}

impl Builder<'_> {
    fn type_set_of(&mut self, t: TypeId) -> Arc<TypeSet> {
        let tt = table();
        let t = tt.unalias(t);
        if t == crate::universe::universe().comparable {
            return Arc::new(TypeSet { methods: Vec::new(), terms: TermList::all(), comparable: true });
        }
        if let Some(p) = tt.type_param(t) {
            if self.stack.contains(&t) {
                // Constraints that are type parameters of each other (an
                // error the checker reports).
                self.complete = false;
                return Arc::new(TypeSet::top());
            }
            return match p.constraint.get() {
                Some(&c) => {
                    self.stack.push(t);
                    let s = self.type_set_of(c);
                    self.stack.pop();
                    s
                }
                None => {
                    self.complete = false;
                    Arc::new(TypeSet::top())
                }
            };
        }
        // A named type whose underlying type is not known yet (an
        // instance's comes from its origin's, expanded on demand).
        if underlying_unknown(t) {
            self.complete = false;
            return Arc::new(TypeSet::top());
        }
        let u = tt.underlying(t);
        if let Some(s) = INTERFACE_SETS.get(&u) {
            return Arc::clone(&s);
        }
        let Type::Interface { methods, embedded, .. } = tt.get(u) else {
            if u == tt.invalid() {
                return Arc::new(TypeSet::top());
            }
            // A constraint that is not an interface: the implicit
            // interface embedding it.
            return self.type_set_of(tt.intern(Type::Interface { methods: Box::new([]), embedded: Box::new([t]), implicit: true }));
        };
        if self.stack.contains(&u) {
            // An embedding cycle (reported by the checker's cycle check):
            // the inner occurrence counts as 𝓤, as types2's provisional set.
            self.complete = false;
            return Arc::new(TypeSet::top());
        }
        let outer_complete = std::mem::replace(&mut self.complete, true);
        let problems = self.problems.take();
        let set = Arc::new(self.compute_interface(u, methods, embedded));
        self.problems = problems;
        if self.complete {
            INTERFACE_SETS.insert(u, Arc::clone(&set));
        }
        self.complete &= outer_complete;
        set
    }

    fn compute_interface(&mut self, iface: TypeId, explicit: &[Method], embedded: &[TypeId]) -> TypeSet {
        let tt = table();
        self.stack.push(iface);
        let mut all: Vec<(Method, MethodSource)> = Vec::new();
        let mut add = |b: &mut Builder<'_>, m: &Method, src: MethodSource| {
            let found = all.iter().find(|(o, _)| same_id(o.name, o.pkg, m.pkg, m.name, false));
            match found {
                None => all.push((m.clone(), src)),
                Some((other, other_src)) => {
                    let report = matches!(src, MethodSource::Explicit(_))
                        || b.strict_duplicates
                        || !crate::predicates::identical(m.sig, other.sig);
                    if report && let Some(p) = b.problems.as_deref_mut() {
                        p.push(TypeSetProblem::DuplicateMethod { name: m.name, at: src, other: *other_src });
                    }
                }
            }
        };
        for (i, m) in explicit.iter().enumerate() {
            add(self, m, MethodSource::Explicit(i));
        }
        let mut terms = TermList::all();
        let mut comparable = false;
        for (i, &e) in embedded.iter().enumerate() {
            let e = tt.unalias(e);
            let (eterms, ecomp) = if e == crate::universe::universe().comparable {
                (TermList::all(), true)
            } else {
                if underlying_unknown(e) {
                    self.complete = false;
                    continue;
                }
                let u = tt.underlying(e);
                match tt.get(u) {
                    Type::Interface { .. } => {
                        let s = self.type_set_of(e);
                        for m in &s.methods {
                            add(self, m, MethodSource::Embedded(i));
                        }
                        (s.terms.clone(), s.comparable)
                    }
                    Type::Union(_) => match self.union_terms(u) {
                        Some(l) => (l, false),
                        None => {
                            if let Some(p) = self.problems.as_deref_mut() {
                                p.push(TypeSetProblem::TooManyUnionTerms { embedded: i });
                            }
                            continue;
                        }
                    },
                    _ if u == tt.invalid() => continue,
                    _ => (TermList(vec![Term::Type { tilde: false, typ: e }]), false),
                }
            };
            (terms, comparable) = intersect_term_lists(&terms, comparable, &eterms, ecomp);
        }
        self.stack.pop();
        let mut methods: Vec<Method> = all.into_iter().map(|(m, _)| m).collect();
        methods.sort_by(compare_methods);
        TypeSet { methods, terms, comparable }
    }

    /// The terms of a union's type set; `None` if it has too many.
    fn union_terms(&mut self, u: TypeId) -> Option<TermList> {
        if let Some(s) = UNION_SETS.get(&u) {
            return s.as_deref().cloned();
        }
        let tt = table();
        let Type::Union(terms) = tt.get(u) else { return Some(TermList::all()) };
        let outer_complete = std::mem::replace(&mut self.complete, true);
        let mut all = TermList::default();
        let mut result = Some(());
        for t in terms.iter() {
            let typ = tt.unalias(t.typ);
            if underlying_unknown(typ) {
                self.complete = false;
                continue;
            }
            let tu = tt.underlying(typ);
            let tl = if matches!(tt.get(tu), Type::Interface { .. }) {
                let problems = self.problems.take();
                let s = self.type_set_of(typ);
                self.problems = problems;
                s.terms.clone()
            } else if tu == tt.invalid() {
                continue;
            } else if t.tilde && !crate::predicates::identical(t.typ, tu) {
                TermList(vec![Term::Empty])
            } else {
                TermList(vec![Term::Type { tilde: t.tilde, typ: t.typ }])
            };
            all = all.union(&tl);
            if all.0.len() > MAX_TERM_COUNT {
                result = None;
                break;
            }
        }
        let out = result.map(|()| all);
        if self.complete {
            UNION_SETS.insert(u, out.clone().map(Arc::new));
        }
        self.complete &= outer_complete;
        out
    }
}

/// The term list of a union's type set (types2's `computeUnionTypeSet`):
/// ∅ for a union with too many terms (types2's invalid type set).
pub fn union_terms(u: TypeId) -> TermList {
    let mut b = Builder { stack: Vec::new(), complete: true, problems: None, strict_duplicates: false };
    b.union_terms(u).unwrap_or_default()
}

/// The intersection of two term lists with their comparable bits (types2's
/// `intersectTermLists`): if either is comparable, only (strictly)
/// comparable terms stay.
pub fn intersect_term_lists(x: &TermList, xcomp: bool, y: &TermList, ycomp: bool) -> (TermList, bool) {
    let mut terms = x.intersect(y);
    let mut comp = xcomp || ycomp;
    if comp && !terms.is_all() {
        terms.0.retain(|&t| match t {
            Term::Type { typ, .. } => crate::predicates::comparable(typ, false).is_ok(),
            Term::Empty | Term::All => false,
        });
        if !terms.is_all() {
            comp = false;
        }
    }
    (terms, comp)
}

/// A problem of one union term, as types2's deferred term validity check
/// reports it at that term.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnionTermProblem {
    /// Index of the term in the union as written.
    pub index: usize,
    pub message: String,
    /// types2 reports overlapping terms as a soft error.
    pub soft: bool,
}

/// The validity problems of a union's terms (types2's `parseUnion`
/// deferred check): `~` on an interface or on a type that is not its own
/// underlying type, interfaces with methods or `comparable` in a union,
/// overlapping terms. `qf` qualifies types printed by themselves; terms
/// print with package paths, as types2 formats them.
pub fn union_term_problems(terms: &[crate::types::Term], qf: Qualifier<'_>) -> Vec<UnionTermProblem> {
    let tt = table();
    let comparable = crate::universe::universe().comparable;
    let mut out = Vec::new();
    for (i, t) in terms.iter().enumerate() {
        if tt.unalias(t.typ) == tt.invalid() {
            continue;
        }
        let u = tt.underlying(t.typ);
        let is_iface = matches!(tt.get(u), Type::Interface { .. });
        let mut push = |message: String, soft: bool| out.push(UnionTermProblem { index: i, message, soft });
        if t.tilde {
            if is_iface {
                push(format!("invalid use of ~ ({} is an interface)", type_string(t.typ, qf)), false);
                continue;
            }
            if !crate::predicates::identical(u, t.typ) {
                push(
                    format!(
                        "invalid use of ~ (underlying type of {} is {})",
                        type_string(t.typ, qf),
                        type_string(tt.underlying_spelled(t.typ), qf)
                    ),
                    false,
                );
                continue;
            }
        }
        if is_iface {
            let s = type_set(t.typ);
            let ts = term_string(Term::Type { tilde: t.tilde, typ: t.typ });
            if !s.methods.is_empty() {
                push(format!("cannot use {ts} in union ({ts} contains methods)"), false);
            } else if tt.unalias(t.typ) == comparable {
                push("cannot use comparable in union".into(), false);
            } else if s.comparable {
                push(format!("cannot use {ts} in union ({ts} embeds comparable)"), false);
            }
            continue;
        }
        let y = Term::Type { tilde: t.tilde, typ: t.typ };
        let overlap = terms[..i].iter().find(|x| {
            !matches!(tt.get(tt.underlying(x.typ)), Type::Interface { .. })
                && tt.unalias(x.typ) != tt.invalid()
                && !Term::Type { tilde: x.tilde, typ: x.typ }.disjoint(y)
        });
        if let Some(x) = overlap {
            let xs = term_string(Term::Type { tilde: x.tilde, typ: x.typ });
            push(format!("overlapping terms {} and {xs}", term_string(y)), true);
        }
    }
    out
}

/// The pairs (type, underlying type) of `t`'s type set as types2's
/// `typeset` iterator yields them: for a type parameter, its
/// constraint's specific terms, or one `None` when there are none; for
/// any other type, just `(t, underlying(t))`. Calls `f` until it says no;
/// whether all calls said yes.
pub fn all_types(t: TypeId, f: &mut dyn FnMut(Option<(TypeId, TypeId)>) -> bool) -> bool {
    let tt = table();
    let ut = tt.unalias(t);
    if tt.type_param(ut).is_some() {
        return type_set(ut).all(f);
    }
    f(Some((t, tt.underlying(t))))
}

/// A condition on the (type, underlying type) pairs of a type set, for
/// [`common_under`]: `None` if the pair is fine, else the complaint
/// (`None` pair: the set has no specific types).
pub type TypeCondition<'a> = dyn FnMut(Option<(TypeId, TypeId)>) -> Option<String> + 'a;

/// types2's `commonUnder`: the common underlying type of the types in
/// `t`'s type set (see [`all_types`]). `cond`, if given, is asked first
/// for each pair (and once with `None` for a type set without specific
/// types) and its complaint, if any, is the result. Channels may differ
/// in direction if they agree on the element type: the result is the
/// restricted one, and send-only with receive-only conflicts. Errors are
/// types2's texts, with types printed through `qf`.
pub fn common_under(t: TypeId, cond: Option<&mut TypeCondition<'_>>, qf: Qualifier<'_>) -> Result<TypeId, String> {
    let tt = table();
    let mut cond = cond;
    let mut ct: Option<TypeId> = None;
    let mut cu: Option<TypeId> = None;
    let mut err: Option<String> = None;
    all_types(t, &mut |pair| {
        if let Some(c) = cond.as_deref_mut()
            && let Some(e) = c(pair)
        {
            err = Some(e);
            return false;
        }
        let Some((t, u)) = pair else {
            err = Some("no specific type".into());
            return false;
        };
        let (Some(pt), Some(pu)) = (ct, cu) else {
            ct = Some(t);
            cu = Some(u);
            return true;
        };
        if let (Type::Chan { dir: pdir, elem: pelem }, Type::Chan { dir, elem }) = (tt.get(pu), tt.get(u)) {
            if !crate::predicates::identical(*pelem, *elem) {
                err = Some(format!(
                    "channels {} and {} have different element types",
                    type_string(pt, qf),
                    type_string(t, qf)
                ));
                return false;
            }
            if pdir == dir {
            } else if *pdir == ChanDir::SendRecv {
                ct = Some(t);
                cu = Some(u);
            } else if *dir != ChanDir::SendRecv {
                err = Some(format!("channels {} and {} have conflicting directions", type_string(pt, qf), type_string(t, qf)));
                return false;
            }
            return true;
        }
        if !crate::predicates::identical(pu, u) {
            err = Some(format!("{} and {} have different underlying types", type_string(pt, qf), type_string(t, qf)));
            return false;
        }
        true
    });
    match (err, cu) {
        (Some(e), _) => Err(e),
        (None, Some(u)) => Ok(u),
        (None, None) => Err("no specific type".into()),
    }
}

/// types2's `CoreType`: the common underlying type of `t`'s type set
/// ([`common_under`] without a condition), the underlying type for a type
/// that is not a type parameter.
pub fn core_type(t: TypeId) -> Option<TypeId> {
    common_under(t, None, &path_qualifier).ok()
}

/// The core type of `t` where `[]byte` and `string` count as one (types2's
/// former `coreString`, for `append` and `copy`): for a type that is not
/// a type parameter, its underlying type (an untyped string stays
/// untyped); for a type parameter, each string type counts as `[]byte`,
/// the types must then have a core type, and the result is `string` if
/// some type was a string, that core type otherwise.
pub fn core_string(t: TypeId) -> Option<TypeId> {
    let tt = table();
    let ut = tt.unalias(t);
    if tt.type_param(ut).is_none() {
        return Some(tt.underlying(t));
    }
    let byte_slice = tt.intern(Type::Slice(tt.basic(crate::types::BasicKind::Uint8)));
    let mut has_string = false;
    let mut su: Option<TypeId> = None;
    let ok = type_set(ut).all(&mut |pair| {
        let Some((_, mut u)) = pair else { return false };
        if crate::predicates::is_string(u) {
            u = byte_slice;
            has_string = true;
        }
        if let Some(prev) = su {
            match match_channels(prev, u) {
                Some(m) => u = m,
                None => return false,
            }
        }
        su = Some(u);
        true
    });
    if !ok {
        return None;
    }
    if has_string {
        return Some(tt.basic(crate::types::BasicKind::String));
    }
    su
}

/// types2's former `match`: `x` if `x` and `y` are identical; for
/// channels with identical elements and compatible directions, the
/// restricted one; `None` otherwise.
fn match_channels(x: TypeId, y: TypeId) -> Option<TypeId> {
    if crate::predicates::identical(x, y) {
        return Some(x);
    }
    let tt = table();
    if let (Type::Chan { dir: dx, elem: ex }, Type::Chan { dir: dy, elem: ey }) = (tt.get(x), tt.get(y))
        && crate::predicates::identical(*ex, *ey)
    {
        if *dx == ChanDir::SendRecv {
            return Some(y);
        }
        if *dy == ChanDir::SendRecv {
            return Some(x);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{BasicKind, Var};
    use crate::universe::universe;

    fn sym(s: &str) -> Symbol {
        Symbol::intern(s)
    }

    fn sig(params: &[TypeId], results: &[TypeId]) -> TypeId {
        let v = |t: &TypeId| Var { name: None, pkg: None, typ: *t };
        table().intern(Type::Signature {
            params: params.iter().map(v).collect(),
            results: results.iter().map(v).collect(),
            variadic: false,
        })
    }

    fn iface(methods: Vec<Method>, embedded: Vec<TypeId>) -> TypeId {
        table().intern(Type::Interface { methods: methods.into(), embedded: embedded.into(), implicit: false })
    }

    fn method(name: &str, pkg: Option<PkgId>, sig: TypeId) -> Method {
        Method { name: sym(name), pkg, sig }
    }

    fn union(terms: &[(bool, TypeId)]) -> TypeId {
        table().intern(Type::Union(terms.iter().map(|&(tilde, typ)| crate::types::Term { tilde, typ }).collect()))
    }

    fn named(name: &str, pkg: Option<PkgId>, under: TypeId) -> TypeId {
        let t = table().new_named(sym(name), pkg);
        table().named(t).unwrap().underlying.set(under).unwrap();
        t
    }

    fn basic(k: BasicKind) -> TypeId {
        table().basic(k)
    }

    #[test]
    fn empty_error_any_and_comparable() {
        let u = universe();
        let any = type_set(u.any);
        assert!(any.is_all() && any.is_method_set() && !any.is_empty() && !any.has_terms());
        let err = type_set(u.error);
        assert_eq!(err.methods.len(), 1);
        assert!(!err.is_all() && err.is_method_set());
        let cmp = type_set(u.comparable);
        assert!(cmp.comparable && !cmp.is_method_set() && !cmp.is_all() && cmp.is_comparable());
        // interface{comparable; error}
        let both = type_set(iface(vec![], vec![u.comparable, u.error]));
        assert!(both.comparable && both.methods.len() == 1);
        assert_eq!(both.describe(&path_qualifier), "{comparable; Error() string}");
        assert_eq!(type_set(iface(vec![], vec![])).describe(&path_qualifier), "𝓤");
        // Non-interfaces are implicit interfaces; the invalid type is 𝓤.
        let int = basic(BasicKind::Int);
        assert_eq!(type_set(int).specific_types(), Some(vec![int]));
        assert!(type_set(table().invalid()).is_all());
    }

    #[test]
    fn methods_are_sorted_exported_first_and_deduplicated() {
        let p = crate::package::register("example.com/ts", "ts");
        let q = crate::package::register("example.com/a", "a");
        let f = sig(&[], &[]);
        let g = sig(&[basic(BasicKind::Int)], &[]);
        let inner = named("Inner", Some(p), iface(vec![method("b", Some(p), f), method("A", None, f)], vec![]));
        let outer = iface(vec![method("c", Some(p), f), method("b", Some(q), f), method("Z", None, f)], vec![inner]);
        let s = type_set(outer);
        let names: Vec<String> = s
            .methods
            .iter()
            .map(|m| format!("{}{}", m.pkg.map_or(String::new(), |p| format!("{}.", crate::package::info(p).path)), m.name))
            .collect();
        assert_eq!(names, ["A", "Z", "example.com/a.b", "example.com/ts.b", "example.com/ts.c"]);
        assert!(type_set_problems(outer).is_empty());
        assert_eq!(s.lookup_method(Some(p), sym("b"), false).map(|(i, _)| i), Some(3));
        assert_eq!(s.lookup_method(Some(q), sym("b"), false).map(|(i, _)| i), Some(2));
        assert_eq!(s.lookup_method(None, sym("a"), true).map(|(i, _)| i), Some(0));
        assert!(s.lookup_method(None, sym("a"), false).is_none());

        // An embedded duplicate with another signature is reported; with
        // the same one it is not.
        let other = named("Other", Some(p), iface(vec![method("A", None, g)], vec![]));
        let dup = iface(vec![], vec![inner, other]);
        assert_eq!(
            type_set_problems(dup),
            vec![TypeSetProblem::DuplicateMethod { name: sym("A"), at: MethodSource::Embedded(1), other: MethodSource::Embedded(0) }]
        );
        assert_eq!(type_set_problems(dup)[0].message(), "duplicate method A");
        let same = iface(vec![method("A", None, f)], vec![inner]);
        assert!(type_set_problems(same).is_empty());
        let twice = iface(vec![], vec![inner, inner]);
        assert!(type_set_problems(twice).is_empty());
        assert_eq!(type_set_problems_for(twice, false).len(), 2, "A and b, before go1.14");
        assert_eq!(type_set_error(dup), Some((1, "duplicate method A".to_string())));
        assert_eq!(type_set(same).methods.len(), 2);
    }

    #[test]
    fn unions_and_intersections() {
        let int = basic(BasicKind::Int);
        let string = basic(BasicKind::String);
        let my_int = named("MyInt", None, int);
        // interface{ ~int | string; int | MyInt }  =  {int | MyInt}
        let a = union(&[(true, int), (false, string)]);
        let b = union(&[(false, int), (false, my_int)]);
        let s = type_set(iface(vec![], vec![a, b]));
        assert_eq!(term_list_string(&s.terms), "int | MyInt");
        assert!(s.has_terms() && !s.is_method_set());
        assert_eq!(s.specific_types(), Some(vec![int, my_int]));
        // ~MyInt is ∅: MyInt is not its own underlying type.
        let bad = type_set(iface(vec![], vec![union(&[(true, my_int), (false, string)])]));
        assert_eq!(term_list_string(&bad.terms), "string");
        // int; string  =  ∅
        let empty = type_set(iface(vec![], vec![int, string]));
        assert!(empty.is_empty() && !empty.is_comparable());
        assert_eq!(empty.describe(&path_qualifier), "∅");
        // comparable keeps the comparable terms only.
        let slice = table().intern(Type::Slice(int));
        let c = type_set(iface(vec![], vec![universe().comparable, union(&[(false, int), (false, slice)])]));
        assert_eq!(term_list_string(&c.terms), "int");
        assert!(!c.comparable && c.is_comparable());
        // A union of an interface term with type terms.
        let num = named("Num", None, iface(vec![], vec![union(&[(true, int), (true, basic(BasicKind::Float64))])]));
        let u = type_set(iface(vec![], vec![union(&[(false, num), (false, string)])]));
        assert_eq!(term_list_string(&u.terms), "~int | ~float64 | string");
    }

    #[test]
    fn too_many_union_terms_are_ignored_and_reported() {
        let arrays: Vec<(bool, TypeId)> =
            (0..101).map(|n| (false, table().intern(Type::Array { len: 7000 + n, elem: basic(BasicKind::Int8) }))).collect();
        let (first, rest) = arrays.split_at(50);
        let i = iface(vec![], vec![union(&[first, rest].concat())]);
        assert!(type_set(i).is_all());
        assert_eq!(type_set_problems(i), vec![TypeSetProblem::TooManyUnionTerms { embedded: 0 }]);
        assert!(type_set_problems(i)[0].message().starts_with("cannot handle more than 100 union terms"));
    }

    #[test]
    fn unset_underlying_is_not_cached() {
        let later = table().new_named(sym("Later"), None);
        let f = sig(&[], &[]);
        let i = iface(vec![], vec![later]);
        assert!(type_set(i).is_all(), "incomplete: top for now");
        table().named(later).unwrap().underlying.set(iface(vec![method("M", None, f)], vec![])).unwrap();
        assert_eq!(type_set(i).methods.len(), 1, "recomputed once the underlying type is known");
    }

    #[test]
    fn constraint_cycles_terminate() {
        let p = table().new_type_param(sym("CP"), 0);
        let q = table().new_type_param(sym("CQ"), 1);
        table().type_param(p).unwrap().constraint.set(q).unwrap();
        table().type_param(q).unwrap().constraint.set(p).unwrap();
        assert!(type_set(p).is_all());
        assert_eq!(core_type(p), None);
    }

    #[test]
    fn embedding_cycles_terminate() {
        let a = table().new_named(sym("CycA"), None);
        let b = named("CycB", None, iface(vec![], vec![a]));
        table().named(a).unwrap().underlying.set(iface(vec![method("M", None, sig(&[], &[]))], vec![b])).unwrap();
        assert_eq!(type_set(a).methods.len(), 1);
    }

    #[test]
    fn union_term_checks_use_types2_words() {
        let p = crate::package::register("p", "p");
        let int = basic(BasicKind::Int);
        let m = named("M", Some(p), iface(vec![method("m", Some(p), sig(&[], &[]))], vec![]));
        let c = named("C", Some(p), iface(vec![], vec![universe().comparable]));
        let my_int = named("MyInt", Some(p), int);
        let terms = |list: &[(bool, TypeId)]| -> Vec<crate::types::Term> {
            list.iter().map(|&(tilde, typ)| crate::types::Term { tilde, typ }).collect()
        };
        let qf = |_: PkgId| String::new();
        let msgs = |list: &[(bool, TypeId)]| -> Vec<String> {
            union_term_problems(&terms(list), &qf).into_iter().map(|p| p.message).collect()
        };
        assert_eq!(msgs(&[(false, int), (false, m)]), ["cannot use p.M in union (p.M contains methods)"]);
        assert_eq!(msgs(&[(false, int), (false, c)]), ["cannot use p.C in union (p.C embeds comparable)"]);
        assert_eq!(msgs(&[(false, int), (false, universe().comparable)]), ["cannot use comparable in union"]);
        assert_eq!(msgs(&[(false, int), (true, my_int)]), ["invalid use of ~ (underlying type of MyInt is int)"]);
        assert_eq!(msgs(&[(true, int), (false, m)]).len(), 1);
        assert_eq!(msgs(&[(true, m), (false, int)]), ["invalid use of ~ (M is an interface)"]);
        let o = union_term_problems(&terms(&[(false, int), (true, int)]), &qf);
        assert_eq!(o[0].message, "overlapping terms ~int and int");
        assert!(o[0].soft);
        assert_eq!(msgs(&[(true, int), (false, my_int)]), ["overlapping terms p.MyInt and ~int"]);
        assert!(msgs(&[(false, int), (false, my_int)]).is_empty());
    }

    fn tparam(name: &str, constraint: TypeId) -> TypeId {
        let t = table().new_type_param(sym(name), 0);
        table().type_param(t).unwrap().constraint.set(constraint).unwrap();
        t
    }

    #[test]
    fn common_underlying_types() {
        let int = basic(BasicKind::Int);
        let qf = |_: PkgId| String::new();
        let my_int = named("MyInt2", None, int);
        let p = tparam("P", iface(vec![], vec![union(&[(false, int), (false, my_int)])]));
        assert_eq!(core_type(p), Some(int));
        assert_eq!(core_type(my_int), Some(int));
        let any_p = tparam("Q", universe().any);
        assert_eq!(common_under(any_p, None, &qf), Err("no specific type".to_string()));
        let s = basic(BasicKind::String);
        let mixed = tparam("R", iface(vec![], vec![union(&[(false, int), (false, s)])]));
        assert_eq!(common_under(mixed, None, &qf), Err("int and string have different underlying types".to_string()));
        let ch = |dir, elem| table().intern(Type::Chan { dir, elem });
        let (both, send, recv) = (ch(ChanDir::SendRecv, int), ch(ChanDir::SendOnly, int), ch(ChanDir::RecvOnly, int));
        let c1 = tparam("C1", iface(vec![], vec![union(&[(false, both), (false, recv)])]));
        assert_eq!(core_type(c1), Some(recv), "the restricted channel");
        let c2 = tparam("C2", iface(vec![], vec![union(&[(false, send), (false, recv)])]));
        assert_eq!(common_under(c2, None, &qf), Err("channels chan<- int and <-chan int have conflicting directions".to_string()));
        let c3 = tparam("C3", iface(vec![], vec![union(&[(false, both), (false, ch(ChanDir::SendRecv, s))])]));
        assert_eq!(common_under(c3, None, &qf), Err("channels chan int and chan string have different element types".to_string()));
        // A condition speaks first.
        let mut cond = |pair: Option<(TypeId, TypeId)>| match pair {
            Some((t, u)) if !matches!(table().get(u), Type::Signature { .. }) => Some(format!("{} is not a function", type_string(t, &qf))),
            _ => None,
        };
        assert_eq!(common_under(p, Some(&mut cond), &qf), Err("int is not a function".to_string()));
        // core_string: []byte | string.
        let bytes = table().intern(Type::Slice(basic(BasicKind::Uint8)));
        let bs = tparam("BS", iface(vec![], vec![union(&[(false, bytes), (true, s)])]));
        assert_eq!(core_type(bs), None);
        assert_eq!(core_string(bs), Some(s));
        let only_bytes = tparam("B", iface(vec![], vec![bytes]));
        assert_eq!(core_string(only_bytes), Some(bytes));
    }
}
