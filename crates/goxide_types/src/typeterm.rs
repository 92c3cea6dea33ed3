//! Type terms and term lists: the algebra of interface type sets
//! (types2's `typeterm.go` and `termlist.go`).
//!
//! A term is ∅ (no type), 𝓤 (every type), `T` (exactly T) or `~T` (every
//! type whose underlying type is T). A term list is a union of terms,
//! normalised so that its terms are pairwise disjoint. Operations follow
//! types2 one for one, including the order of results (which shows in
//! messages that print type sets).
//!
//! Invariant: a term `~T` always has an underlying type T (T is its own
//! underlying type), as types2 guarantees when it builds terms.

use std::fmt;

use crate::types::{table, TypeId};
use crate::typestring::type_string;

/// One term of a type set.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Term {
    /// ∅
    Empty,
    /// 𝓤
    All,
    /// `T`, or `~T` with `tilde`.
    Type { tilde: bool, typ: TypeId },
}

impl Term {
    pub fn equal(self, y: Term) -> bool {
        match (self, y) {
            (Term::Empty, Term::Empty) | (Term::All, Term::All) => true,
            (Term::Type { tilde: a, typ: x }, Term::Type { tilde: b, typ: y }) => a == b && table().identical(x, y),
            _ => false,
        }
    }

    /// x ∪ y: one term, or two when they are disjoint.
    pub fn union(self, y: Term) -> (Term, Term) {
        match (self, y) {
            (Term::Empty, Term::Empty) => (Term::Empty, Term::Empty),
            (Term::Empty, _) => (y, Term::Empty),
            (_, Term::Empty) => (self, Term::Empty),
            (Term::All, _) => (self, Term::Empty),
            (_, Term::All) => (y, Term::Empty),
            (Term::Type { tilde: xt, .. }, Term::Type { tilde: yt, .. }) => {
                if self.disjoint(y) {
                    (self, y)
                } else if xt || !yt {
                    (self, Term::Empty)
                } else {
                    (y, Term::Empty)
                }
            }
        }
    }

    /// x ∩ y.
    pub fn intersect(self, y: Term) -> Term {
        match (self, y) {
            (Term::Empty, _) | (_, Term::Empty) => Term::Empty,
            (Term::All, _) => y,
            (_, Term::All) => self,
            (Term::Type { tilde: xt, .. }, Term::Type { tilde: yt, .. }) => {
                if self.disjoint(y) {
                    Term::Empty
                } else if !xt || yt {
                    self
                } else {
                    y
                }
            }
        }
    }

    /// t ∈ x.
    pub fn includes(self, t: TypeId) -> bool {
        match self {
            Term::Empty => false,
            Term::All => true,
            Term::Type { tilde, typ } => {
                let u = if tilde { table().underlying(t) } else { t };
                table().identical(typ, u)
            }
        }
    }

    /// x ⊆ y.
    pub fn subset_of(self, y: Term) -> bool {
        match (self, y) {
            (Term::Empty, _) => true,
            (_, Term::Empty) => false,
            (_, Term::All) => true,
            (Term::All, _) => false,
            (Term::Type { tilde: xt, .. }, Term::Type { tilde: yt, .. }) => !self.disjoint(y) && (!xt || yt),
        }
    }

    /// x ∩ y == ∅, for terms that are neither ∅ nor 𝓤.
    pub fn disjoint(self, y: Term) -> bool {
        let (Term::Type { tilde: xt, typ: x }, Term::Type { tilde: yt, typ: yy }) = (self, y) else {
            unreachable!("disjoint of ∅ or 𝓤")
        };
        let t = table();
        let ux = if yt { t.underlying(x) } else { x };
        let uy = if xt { t.underlying(yy) } else { yy };
        !t.identical(ux, uy)
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let qf = |p: crate::types::PkgId| crate::package::info(p).name.to_string();
        match *self {
            Term::Empty => f.write_str("∅"),
            Term::All => f.write_str("𝓤"),
            Term::Type { tilde, typ } => write!(f, "{}{}", if tilde { "~" } else { "" }, type_string(typ, &qf)),
        }
    }
}

/// A union of terms (types2's `termlist`); the empty list is ∅.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermList(pub Vec<Term>);

impl TermList {
    /// 𝓤.
    pub fn all() -> TermList {
        TermList(vec![Term::All])
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&x| x == Term::Empty)
    }

    pub fn is_all(&self) -> bool {
        self.0.contains(&Term::All)
    }

    /// The normal form: pairwise disjoint terms, in first-occurrence order.
    pub fn norm(&self) -> TermList {
        let xl = &self.0;
        let mut used = vec![false; xl.len()];
        let mut rl = Vec::new();
        for i in 0..xl.len() {
            let mut xi = xl[i];
            if xi == Term::Empty || used[i] {
                continue;
            }
            for j in i + 1..xl.len() {
                let xj = xl[j];
                if xj == Term::Empty || used[j] {
                    continue;
                }
                let (u1, u2) = xi.union(xj);
                if u2 == Term::Empty {
                    if u1 == Term::All {
                        return TermList::all();
                    }
                    xi = u1;
                    used[j] = true;
                }
            }
            rl.push(xi);
        }
        TermList(rl)
    }

    pub fn union(&self, y: &TermList) -> TermList {
        TermList(self.0.iter().chain(&y.0).copied().collect()).norm()
    }

    pub fn intersect(&self, y: &TermList) -> TermList {
        if self.is_empty() || y.is_empty() {
            return TermList::default();
        }
        let mut rl = Vec::new();
        for &x in &self.0 {
            for &yy in &y.0 {
                let r = x.intersect(yy);
                if r != Term::Empty {
                    rl.push(r);
                }
            }
        }
        TermList(rl).norm()
    }

    pub fn equal(&self, y: &TermList) -> bool {
        self.subset_of(y) && y.subset_of(self)
    }

    pub fn includes(&self, t: TypeId) -> bool {
        self.0.iter().any(|x| x.includes(t))
    }

    pub fn superset_of(&self, y: Term) -> bool {
        self.0.iter().any(|&x| y.subset_of(x))
    }

    pub fn subset_of(&self, y: &TermList) -> bool {
        if y.is_empty() {
            return self.is_empty();
        }
        self.0.iter().all(|&x| y.superset_of(x))
    }
}

impl fmt::Display for TermList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("∅");
        }
        for (i, x) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{x}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! types2's `typeterm_test.go` and `termlist_test.go` tables.
    use super::*;
    use crate::symbol::Symbol;
    use crate::types::BasicKind;
    use std::sync::LazyLock;

    static MY_INT: LazyLock<TypeId> = LazyLock::new(|| {
        let t = table();
        let n = t.new_named(Symbol::intern("myInt"), None);
        t.named(n).unwrap().underlying.set(t.basic(BasicKind::Int)).unwrap();
        n
    });

    fn term(s: &str) -> Term {
        let t = table();
        match s {
            "∅" => Term::Empty,
            "𝓤" => Term::All,
            "int" => Term::Type { tilde: false, typ: t.basic(BasicKind::Int) },
            "~int" => Term::Type { tilde: true, typ: t.basic(BasicKind::Int) },
            "string" => Term::Type { tilde: false, typ: t.basic(BasicKind::String) },
            "~string" => Term::Type { tilde: true, typ: t.basic(BasicKind::String) },
            "myInt" => Term::Type { tilde: false, typ: *MY_INT },
            _ => panic!("bad term {s}"),
        }
    }

    fn list(s: &str) -> TermList {
        TermList(s.split(" | ").map(term).collect())
    }

    fn args(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn term_equal_union_intersect() {
        for c in ["∅ ∅ T", "𝓤 𝓤 T", "int int T", "~int ~int T", "myInt myInt T", "∅ 𝓤 F", "∅ int F", "𝓤 int F", "int ~int F", "int myInt F", "~int myInt F"] {
            let a = args(c);
            let want = a[2] == "T";
            assert_eq!(term(a[0]).equal(term(a[1])), want, "{c}");
            assert_eq!(term(a[1]).equal(term(a[0])), want, "{c}");
        }
        for c in [
            "∅ ∅ ∅ ∅", "∅ 𝓤 𝓤 ∅", "∅ int int ∅", "∅ myInt myInt ∅", "𝓤 𝓤 𝓤 ∅", "𝓤 int 𝓤 ∅", "int int int ∅",
            "int ~int ~int ∅", "int string int string", "int ~string int ~string", "int myInt int myInt",
            "~int ~string ~int ~string", "~int myInt ~int ∅", "𝓤 ∅ 𝓤 ∅", "int 𝓤 𝓤 ∅", "~int int ~int ∅",
            "string int string int", "myInt int myInt int", "myInt ~int ~int ∅",
        ] {
            let a = args(c);
            let (g1, g2) = term(a[0]).union(term(a[1]));
            assert!(g1.equal(term(a[2])) && g2.equal(term(a[3])), "{c}: got {g1}, {g2}");
        }
        for c in [
            "∅ ∅ ∅", "∅ 𝓤 ∅", "∅ int ∅", "𝓤 𝓤 𝓤", "𝓤 int int", "𝓤 ~int ~int", "int int int", "int ~int int",
            "int string ∅", "int ~string ∅", "~int ~string ∅", "~int myInt myInt",
        ] {
            let a = args(c);
            assert!(term(a[0]).intersect(term(a[1])).equal(term(a[2])), "{c}");
        }
    }

    #[test]
    fn term_includes_subset_disjoint() {
        let t = table();
        let ty = |s: &str| match s {
            "int" => t.basic(BasicKind::Int),
            "myInt" => *MY_INT,
            _ => panic!(),
        };
        for c in ["∅ int F", "𝓤 int T", "int int T", "~int int T", "~int myInt T", "string int F", "~string int F", "myInt int F"] {
            let a = args(c);
            assert_eq!(term(a[0]).includes(ty(a[1])), a[2] == "T", "{c}");
        }
        for c in [
            "∅ ∅ T", "𝓤 𝓤 T", "int int T", "~int ~int T", "myInt myInt T", "∅ 𝓤 T", "∅ int T", "𝓤 int F",
            "int ~int T", "int myInt F", "~int myInt F", "myInt int F", "myInt ~int T",
        ] {
            let a = args(c);
            assert_eq!(term(a[0]).subset_of(term(a[1])), a[2] == "T", "{c}");
        }
        for c in ["int int F", "~int ~int F", "int ~int F", "int string T", "int ~string T", "int myInt T", "~int ~string T", "~int myInt F", "string myInt T", "~string myInt T"] {
            let a = args(c);
            assert_eq!(term(a[0]).disjoint(term(a[1])), a[2] == "T", "{c}");
            assert_eq!(term(a[1]).disjoint(term(a[0])), a[2] == "T", "{c}");
        }
    }

    #[test]
    fn termlist_norm_union_intersect() {
        for (x, want) in [
            ("∅", "∅"),
            ("∅ | ∅", "∅"),
            ("∅ | int", "int"),
            ("𝓤 | int", "𝓤"),
            ("int | myInt", "int | myInt"),
            ("~int | int", "~int"),
            ("~int | myInt", "~int"),
            ("int | ~string | int", "int | ~string"),
            ("~int | string | 𝓤 | ~string | int", "𝓤"),
            ("~int | string | myInt | ~string | int", "~int | ~string"),
        ] {
            let got = list(x).norm();
            let want = if want == "∅" { TermList::default() } else { list(want) };
            assert_eq!(got.to_string(), want.to_string(), "{x}");
        }
        for (x, y, want) in [
            ("∅", "𝓤", "𝓤"),
            ("int", "~int", "~int"),
            ("int", "string", "int | string"),
            ("~int", "myInt", "~int"),
            ("int | string", "~string", "int | ~string"),
            ("~int | string", "~string | int", "~int | ~string"),
            ("~int | string | 𝓤", "~string | int", "𝓤"),
        ] {
            assert!(list(x).union(&list(y)).equal(&list(want)), "{x} ∪ {y}");
        }
        for (x, y, want) in [
            ("𝓤", "~int", "~int"),
            ("int", "~int", "int"),
            ("~int", "myInt", "myInt"),
            ("int | string", "~string", "string"),
            ("~int | string", "~string | int", "int | string"),
            ("~int | myInt | ∅", "~string | int", "int"),
        ] {
            assert!(list(x).intersect(&list(y)).equal(&list(want)), "{x} ∩ {y}");
        }
        assert!(list("int").intersect(&list("string")).is_empty());
        assert!(list("∅ | ∅").is_empty() && !list("∅ | ∅ | myInt").is_empty());
        assert!(list("myInt | 𝓤").is_all() && !list("int | ~string").is_all());
        // subset and includes
        assert!(list("~int").subset_of(&list("string | string | int | ~int")));
        assert!(!list("~int").subset_of(&list("myInt | string")));
        assert!(list("~int | string").includes(*MY_INT));
        assert!(!list("int | ~string").subset_of(&list("string | int")));
    }
}
