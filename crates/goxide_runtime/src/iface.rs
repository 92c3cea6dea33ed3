//! Interfaces at run time (gc's `runtime/iface.go`): itabs built on
//! demand from the concrete type's method table, kept in one global hash
//! table, and the type-assertion entry points.
//!
//! `getitab(inter, typ, canfail)`: find `(inter, typ)` in the table (open
//! addressing, gc's probe sequence `h += i`, hash `inter.Hash ^
//! typ.Hash`, grown at 75% load); otherwise build the itab: walk the
//! interface's methods and the type's methods (both sorted by name) in
//! step, matching a method when its name and its signature type (by
//! descriptor identity, as gc) agree and it is exported or from the
//! interface's package; `fun[k]` is the method's `Ifn` code address. A
//! type without a method for some interface method gets a negative itab
//! (`fun[0] == 0`) that is cached too; the failure reports the first
//! missing method's name. Itabs live in the Go heap and are never freed
//! (gc uses persistentalloc).
//!
//! # Entry points (C ABI, `g` first)
//! - `goxide_rt_getitab(g, inter: *InterfaceType, typ: *Type, canfail:
//!   bool) -> *ITab`: null when `canfail` and `typ` does not implement
//!   `inter`; otherwise panics `interface conversion: T is not I: missing
//!   method M`.
//! - `goxide_rt_assertE2I(g, inter, typ) -> *ITab`: `x.(I)` for an `x`
//!   whose dynamic type is `typ` (null: x is nil → `interface conversion:
//!   interface is nil, not I`).
//! - `goxide_rt_assertE2I2(g, inter, typ) -> *ITab`: the comma-ok form;
//!   null when x is nil or does not implement I.
//!
//! # What the descriptors must hold (goxide_codegen)
//! For `typ` to satisfy an interface at run time its descriptor needs
//! `TFlagUncommon` and the uncommon data with the method table (see
//! [`crate::abi`]: gc's order, exported first): per method its name
//! (`NameOff`), its signature as a func type descriptor without the
//! receiver (`Mtyp`, a `TypeOff` — compared **by address** with the
//! interface method's `Imethod.Typ`, so identical signatures must share
//! one descriptor), and `Ifn`, the `TextOff` of the code an interface
//! call runs (for a value receiver, the pointer-receiver wrapper, as in
//! the static itabs). The interface's `Imethod`s carry their name and
//! that same signature descriptor, in the same order. A method whose
//! name is unexported matches only when its package path (the name's
//! own, else the uncommon `PkgPath`) equals the interface's.
//!
//! The compiler builds statically known itabs itself; for those it must
//! use the same layout (`abi::ITab`, `fun` in the interface's method
//! order) — the runtime never needs to see them.
//!
//! Invariants: at most one itab per (interface, type) pair is ever
//! returned (pointer identity: type switches may compare itabs); the table
//! is only touched under its lock; getitab with an empty interface is a
//! runtime bug (`throw`), as in gc.

use crate::abi::{ITab, InterfaceType, Type};
use crate::error::RuntimeError;
use crate::goroutine::G;
use crate::panic::{runtime_error_panic, throw};
use crate::spinlock::SpinLock;
use alloc::vec::Vec;

/// gc's `itabInitSize`.
const ITAB_INIT_SIZE: usize = 512;

struct ItabTable {
    /// Length a power of two; empty slots are null.
    entries: Vec<*const ITab>,
    count: usize,
}

// SAFETY: the pointers are to immutable, never-freed itabs.
unsafe impl Send for ItabTable {}

static ITAB_TABLE: SpinLock<ItabTable> = SpinLock::new(ItabTable { entries: Vec::new(), count: 0 });

fn itab_hash(inter: *const InterfaceType, typ: *const Type) -> usize {
    // SAFETY: descriptors.
    unsafe { ((*inter).typ.hash ^ (*typ).hash) as usize }
}

impl ItabTable {
    fn find(&self, inter: *const InterfaceType, typ: *const Type) -> Option<*const ITab> {
        if self.entries.is_empty() {
            return None;
        }
        let mask = self.entries.len() - 1;
        let mut h = itab_hash(inter, typ) & mask;
        let mut i = 1;
        loop {
            let m = self.entries[h];
            if m.is_null() {
                return None;
            }
            // SAFETY: entries are live itabs.
            if unsafe { (*m).inter == inter && (*m).typ == typ } {
                return Some(m);
            }
            h = (h + i) & mask;
            i += 1;
        }
    }

    fn add_entry(&mut self, m: *const ITab) {
        let mask = self.entries.len() - 1;
        // SAFETY: m is a live itab.
        let (inter, typ) = unsafe { ((*m).inter, (*m).typ) };
        let mut h = itab_hash(inter, typ) & mask;
        let mut i = 1;
        loop {
            let m2 = self.entries[h];
            if m2.is_null() {
                self.entries[h] = m;
                self.count += 1;
                return;
            }
            // SAFETY: entries are live itabs.
            if unsafe { (*m2).inter == inter && (*m2).typ == typ } {
                return;
            }
            h = (h + i) & mask;
            i += 1;
        }
    }

    /// gc's `itabAdd`: grows at 75% load.
    fn add(&mut self, m: *const ITab) {
        if self.entries.is_empty() {
            self.entries.resize(ITAB_INIT_SIZE, core::ptr::null());
        }
        if self.count >= 3 * (self.entries.len() / 4) {
            let old = core::mem::take(&mut self.entries);
            self.entries.resize(old.len() * 2, core::ptr::null());
            self.count = 0;
            for e in old.into_iter().filter(|e| !e.is_null()) {
                self.add_entry(e);
            }
        }
        self.add_entry(m);
    }
}

/// gc's `itabInit`: fills `m.fun` (when `first_time`) and returns the
/// name of the first interface method `typ` lacks, or empty.
///
/// # Safety
/// `m` has room for one word per interface method; its `inter` and `typ`
/// are descriptors and `typ` has uncommon data.
unsafe fn itab_init(m: *mut ITab, first_time: bool) -> &'static [u8] {
    // SAFETY: the caller's guarantee.
    unsafe {
        let inter = &*(*m).inter;
        let typ = &*(*m).typ;
        let Some(x) = typ.uncommon() else {
            let first = inter.imethods().first().map_or(&[][..], |i| inter.typ.name_off(i.name).name());
            return first;
        };
        let xmhdr = x.methods();
        let fun = core::ptr::addr_of_mut!((*m).fun) as *mut usize;
        let mut j = 0;
        let mut fun0 = 0usize;
        'imethods: for (k, i) in inter.imethods().iter().enumerate() {
            let itype = inter.typ.type_off(i.typ);
            let name = inter.typ.name_off(i.name);
            let iname = name.name();
            let mut ipkg = name.pkg_path();
            if ipkg.is_empty() {
                ipkg = inter.pkg_path.name();
            }
            while j < xmhdr.len() {
                let t = &xmhdr[j];
                let tname = typ.name_off(t.name);
                if typ.type_off(t.mtyp) == itype && tname.name() == iname {
                    let mut pkg_path = tname.pkg_path();
                    if pkg_path.is_empty() {
                        pkg_path = typ.name_off(x.pkg_path).name();
                    }
                    if tname.is_exported() || pkg_path == ipkg {
                        let ifn = typ.text_off(t.ifn);
                        if k == 0 {
                            fun0 = ifn; // set at the end: fun[0] != 0 marks success
                        } else if first_time {
                            *fun.add(k) = ifn;
                        }
                        j += 1;
                        continue 'imethods;
                    }
                }
                j += 1;
            }
            return iname;
        }
        if first_time {
            *fun = fun0;
        }
        &[]
    }
}

/// gc's `getitab`: Ok(itab) or Err(the first missing method's name).
///
/// # Safety
/// `inter` and `typ` are descriptors.
pub unsafe fn getitab(inter: *const InterfaceType, typ: *const Type) -> Result<*const ITab, &'static [u8]> {
    // SAFETY: the caller's guarantee.
    unsafe {
        let n = (*inter).imethods().len();
        if n == 0 {
            throw(b"internal error - misuse of itab");
        }
        if (*typ).uncommon().is_none() {
            let i = &(*inter).imethods()[0];
            return Err((*inter).typ.name_off(i.name).name());
        }
        let m = {
            let mut table = ITAB_TABLE.lock();
            match table.find(inter, typ) {
                Some(m) => m,
                None => {
                    let size = core::mem::size_of::<ITab>() + (n - 1) * core::mem::size_of::<usize>();
                    let m = crate::malloc::mallocgc_noscan(size, true) as *mut ITab;
                    (*m).inter = inter;
                    (*m).typ = typ;
                    (*m).hash = (*typ).hash;
                    itab_init(m, true);
                    table.add(m);
                    m
                }
            }
        };
        if (*m).fun[0] != 0 {
            return Ok(m);
        }
        Err(itab_init(m as *mut ITab, false))
    }
}

fn missing_method(g: *mut G, inter: *const InterfaceType, typ: *const Type, name: &'static [u8]) -> ! {
    runtime_error_panic(g, RuntimeError::TypeAssertion { iface: core::ptr::null(), concrete: typ, asserted: inter as *const Type, missing: name })
}

/// `goxide_rt_getitab(g, inter, typ, canfail) -> *ITab`.
///
/// # Safety
/// `inter` and `typ` are descriptors.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_getitab(g: *mut G, inter: *const InterfaceType, typ: *const Type, canfail: bool) -> *const ITab {
    // SAFETY: the caller's guarantee.
    match unsafe { getitab(inter, typ) } {
        Ok(m) => m,
        Err(_) if canfail => core::ptr::null(),
        Err(name) => missing_method(g, inter, typ, name),
    }
}

/// `goxide_rt_assertE2I(g, inter, typ) -> *ITab`.
///
/// # Safety
/// `inter` is a descriptor; `typ` null or one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_assertE2I(g: *mut G, inter: *const InterfaceType, typ: *const Type) -> *const ITab {
    if typ.is_null() {
        runtime_error_panic(
            g,
            RuntimeError::TypeAssertion { iface: core::ptr::null(), concrete: core::ptr::null(), asserted: inter as *const Type, missing: b"" },
        );
    }
    // SAFETY: the caller's guarantee.
    unsafe { goxide_rt_getitab(g, inter, typ, false) }
}

/// `goxide_rt_assertE2I2(g, inter, typ) -> *ITab` (null on failure).
///
/// # Safety
/// `inter` is a descriptor; `typ` null or one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn goxide_rt_assertE2I2(g: *mut G, inter: *const InterfaceType, typ: *const Type) -> *const ITab {
    if typ.is_null() {
        return core::ptr::null();
    }
    // SAFETY: the caller's guarantee.
    unsafe { goxide_rt_getitab(g, inter, typ, true) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::kind;
    use crate::abi::testdesc::{Descs, MethodSpec};

    #[test]
    fn itabs_are_built_cached_and_checked() {
        let mut d = Descs::new();
        let sig = d.func0("func()");
        let sig2 = d.func0("func() int");
        // main.T has methods A, M, b (sorted); *main.T none.
        let t = d.named_basic(
            "main.T",
            "main",
            kind::INT,
            8,
            &[
                MethodSpec { name: "A", mtyp: sig, ifn: 1000 },
                MethodSpec { name: "M", mtyp: sig, ifn: 2000 },
                MethodSpec { name: "b", mtyp: sig, ifn: 3000 },
            ],
        );
        let i_am = d.interface_of("main.I", "main", &[("A", sig), ("M", sig)]);
        let i_b = d.interface_of("main.J", "main", &[("b", sig)]);
        let i_b_other = d.interface_of("other.J", "other", &[("b", sig)]);
        let i_sig = d.interface_of("main.K", "main", &[("M", sig2)]);
        unsafe {
            let m = getitab(i_am, t).unwrap();
            assert_eq!((*m).typ, t);
            assert_eq!((*m).hash, (*t).hash);
            let fun = core::ptr::addr_of!((*m).fun) as *const usize;
            assert_eq!(*fun, t as usize + 1000);
            assert_eq!(*fun.add(1), t as usize + 2000);
            assert_eq!(getitab(i_am, t).unwrap(), m, "one itab per pair");
            assert!(getitab(i_b, t).is_ok(), "unexported method, same package");
            assert_eq!(getitab(i_b_other, t).unwrap_err(), b"b", "unexported method, other package");
            assert_eq!(getitab(i_sig, t).unwrap_err(), b"M", "signature differs");
            assert_eq!(getitab(i_sig, t).unwrap_err(), b"M", "negative itabs are cached and still report");
            let int = d.basic("int", kind::INT, 8);
            assert_eq!(getitab(i_am, int).unwrap_err(), b"A", "no uncommon data");
            assert!(goxide_rt_assertE2I2(core::ptr::null_mut(), i_am, core::ptr::null()).is_null());
            assert!(goxide_rt_assertE2I2(core::ptr::null_mut(), i_sig, t).is_null());
            assert_eq!(goxide_rt_assertE2I2(core::ptr::null_mut(), i_am, t), m);
        }
    }

    #[test]
    fn the_table_grows_past_its_initial_size() {
        let mut d = Descs::new();
        let sig = d.func0("func()");
        let inter = d.interface_of("main.I", "main", &[("M", sig)]);
        let mut made = Vec::new();
        for n in 0..700 {
            let name = alloc::format!("main.T{n}");
            let t = d.named_basic(&name, "main", kind::INT, 8, &[MethodSpec { name: "M", mtyp: sig, ifn: 8 }]);
            made.push((t, unsafe { getitab(inter, t).unwrap() }));
        }
        for (t, m) in made {
            assert_eq!(unsafe { getitab(inter, t).unwrap() }, m);
        }
    }
}
