//! Interface type sets (types2's `typeset.go`, first cut): the methods
//! and type terms of an interface, with embedded interfaces and unions
//! flattened. A fuller port (caching, errors, comparable handling) is
//! being written; this one gives what the checker core needs.

use std::sync::Arc;

use crate::types::{table, Method, Type, TypeId};

/// An interface's type set: all its methods, and its type terms (`None`:
/// all types).
#[derive(Debug, Clone, Default)]
pub struct TypeSet {
    pub methods: Vec<Method>,
    pub terms: Option<Vec<(bool, TypeId)>>,
    pub comparable: bool,
}

impl TypeSet {
    /// No methods, all types (`interface{}`).
    pub fn is_all(&self) -> bool {
        self.methods.is_empty() && self.terms.is_none() && !self.comparable
    }
    /// Only methods: usable as an ordinary interface type.
    pub fn is_method_set(&self) -> bool {
        self.terms.is_none() && !self.comparable
    }
    pub fn num_methods(&self) -> usize {
        self.methods.len()
    }
    /// Comparable without type terms (`comparable`, or embeds it).
    pub fn is_comparable_only(&self) -> bool {
        self.comparable && self.terms.is_none()
    }
    /// The specific types of the set, or `None` if it has none (all types).
    pub fn specific_types(&self) -> Option<Vec<TypeId>> {
        self.terms.as_ref().map(|t| t.iter().map(|&(_, t)| t).collect())
    }
}

/// The type set of interface `iface` (its underlying type).
pub fn type_set(iface: TypeId) -> Arc<TypeSet> {
    Arc::new(compute(iface, &mut Vec::new()))
}

fn compute(t: TypeId, seen: &mut Vec<TypeId>) -> TypeSet {
    let tt = table();
    let u = tt.underlying(t);
    if seen.contains(&u) {
        return TypeSet::default();
    }
    seen.push(u);
    if t == crate::universe::universe().comparable {
        return TypeSet { comparable: true, ..Default::default() };
    }
    let Type::Interface { methods, embedded } = tt.get(u) else {
        return TypeSet { terms: Some(vec![(false, t)]), ..Default::default() };
    };
    let mut ts = TypeSet { methods: methods.to_vec(), terms: None, comparable: false };
    for &e in embedded.iter() {
        let es = match tt.get(tt.unalias(e)) {
            Type::Union(terms) => {
                let mut list = Vec::new();
                let mut all = false;
                for term in terms.iter() {
                    if matches!(tt.get(tt.underlying(term.typ)), Type::Interface { .. }) {
                        let s = compute(term.typ, seen);
                        match s.terms {
                            None => all = true,
                            Some(l) => list.extend(l),
                        }
                    } else {
                        list.push((term.tilde, term.typ));
                    }
                }
                TypeSet { terms: if all { None } else { Some(list) }, ..Default::default() }
            }
            _ => {
                if e == crate::universe::universe().comparable {
                    TypeSet { comparable: true, ..Default::default() }
                } else if matches!(tt.get(tt.underlying(e)), Type::Interface { .. }) {
                    compute(e, seen)
                } else {
                    TypeSet { terms: Some(vec![(false, e)]), ..Default::default() }
                }
            }
        };
        for m in es.methods {
            if !ts.methods.iter().any(|x| x.name == m.name && x.pkg == m.pkg) {
                ts.methods.push(m);
            }
        }
        ts.comparable |= es.comparable;
        ts.terms = match (ts.terms.take(), es.terms) {
            (None, x) | (x, None) => x,
            (Some(a), Some(b)) => Some(
                a.into_iter()
                    .filter(|(ta, x)| b.iter().any(|(tb, y)| tt.identical(*x, *y) || (*tb && tt.identical(tt.underlying(*x), *y)) || (*ta && tt.identical(*x, tt.underlying(*y)))))
                    .collect(),
            ),
        };
    }
    ts.methods.sort_by(|a, b| (!a.name.is_exported(), a.name.as_str()).cmp(&(!b.name.is_exported(), b.name.as_str())));
    ts
}

/// An error in an interface's type set that the checker reports when the
/// declarations are done: (index of the embedded element, message).
pub fn type_set_error(_iface: TypeId) -> Option<(usize, String)> {
    None
}
