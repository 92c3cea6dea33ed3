//! Interned identifiers: one process-wide table shared by every package
//! checker.
//!
//! A `Symbol` is a `u32`; its text lives for the whole process (the
//! compiler is one process per build, and identifiers are few next to the
//! code that uses them). Interning asks a per-thread cache first, then
//! takes a shard lock of a concurrent map; `as_str` is lock-free (an
//! append-only vector).
//!
//! Invariant: `Symbol::intern(s).as_str() == s`, and equal strings give
//! equal symbols, from any thread.

use std::fmt;
use std::sync::LazyLock;

use crate::DashMap;

/// An interned identifier.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(u32);

struct Interner {
    ids: DashMap<&'static str, Symbol>,
    texts: boxcar::Vec<&'static str>,
}

thread_local! {
    /// Symbols this thread interned, by text (a cache of `INTERNER.ids`).
    static LOCAL: std::cell::RefCell<rustc_hash::FxHashMap<&'static str, Symbol>> = Default::default();
}

static INTERNER: LazyLock<Interner> = LazyLock::new(|| Interner { ids: DashMap::default(), texts: boxcar::Vec::new() });

impl Symbol {
    /// The symbol for `s`.
    pub fn intern(s: &str) -> Symbol {
        // Each thread first asks its own cache of the texts it interned:
        // no shard lock for the identifiers a checker sees again and again.
        if let Some(sym) = LOCAL.with(|c| c.borrow().get(s).copied()) {
            return sym;
        }
        let sym = Symbol::intern_shared(s);
        LOCAL.with(|c| c.borrow_mut().insert(sym.as_str(), sym));
        sym
    }

    fn intern_shared(s: &str) -> Symbol {
        let table = &*INTERNER;
        if let Some(id) = table.ids.get(s) {
            return *id;
        }
        // The entry API makes the check-and-insert atomic per shard, so two
        // threads interning the same new text get the same symbol.
        match table.ids.entry(Box::leak(s.to_owned().into_boxed_str())) {
            dashmap::Entry::Occupied(o) => *o.get(),
            dashmap::Entry::Vacant(v) => {
                let index = table.texts.push(*v.key());
                *v.insert(Symbol(u32::try_from(index).expect("too many symbols")))
            }
        }
    }

    /// The text of the symbol.
    pub fn as_str(self) -> &'static str {
        INTERNER.texts[self.0 as usize]
    }

    /// Whether the identifier is exported (starts with an upper-case letter).
    pub fn is_exported(self) -> bool {
        self.as_str().chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether this is the blank identifier `_`.
    pub fn is_blank(self) -> bool {
        self.as_str() == "_"
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_stable_across_threads() {
        let a = Symbol::intern("alpha");
        let handles: Vec<_> = (0..4).map(|_| std::thread::spawn(|| Symbol::intern("alpha"))).collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), a);
        }
        assert_eq!(a.as_str(), "alpha");
        assert_ne!(Symbol::intern("beta"), a);
        assert!(Symbol::intern("Exported").is_exported() && !a.is_exported());
        assert!(Symbol::intern("_").is_blank());
    }
}
