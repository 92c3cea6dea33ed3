//! `goxide_types`: the type checker (gc's `types2`, with go/constant's
//! exact values).
//!
//! The crate holds `constant` (exact values, go/constant), the shared
//! tables (`symbol`, `types`, `objects`, `package`, `files`), `universe`,
//! `sizes` (gc's layout), `representable`, `typestring`, `typeterm` and
//! `typeset` (type sets), `predicates`, `lookup` (fields, methods, method
//! sets, `implements`), the generics machinery (`subst`, `instantiate`,
//! `unify`, `infer`), and `check`, the package checker (types2's
//! `check.go` and the files it drives: declarations, type expressions,
//! expressions, calls, builtins, statements, labels, init order). The
//! design below is the contract later stages (`goxide_ir`,
//! `goxide_codegen`) are written against, so changes to it change this
//! header in the same commit.
//!
//! # Design
//!
//! **Whole graph, from source, in one process.** `goxide tool check` and
//! `goxide build` check every package of the import graph from source,
//! packages in parallel as soon as their imports are done (a work queue in
//! dependency order, one checker per package, as many threads as cores).
//! A package reads its imports' types directly from memory: no export
//! data. Caching checked packages across runs (which needs a serialised
//! form) is decided when the build cache exists and the numbers say so
//! (DESIGN.md §5).
//!
//! **Entities are ids into shared tables** (Cranelift's habit, as in
//! `goxide_syntax`): `TypeId`, `ObjId` (an object: const, type name, var,
//! func, package name, label, builtin, nil), `ScopeId`, `PkgId`, all `u32`
//! newtypes. Identifiers are interned `Symbol`s (one process-wide
//! interner). The tables are append-only and shared by all package
//! checkers: an entry never moves once pushed, so readers need no lock;
//! pushes go through a lock per table (types are created far less often
//! than they are read).
//!
//! **Types** follow types2's kinds: `Basic` (with the untyped kinds),
//! `Pointer`, `Array`, `Slice`, `Map`, `Chan`, `Struct`, `Tuple`,
//! `Signature`, `Interface` (as written, with an `implicit` flag for
//! constraints written without `interface`; its type set is computed and
//! cached by `typeset`), `Union`, `Named` (declared or instantiated, with
//! type arguments; an instance's underlying type is expanded lazily),
//! `Alias` (generic aliases included; `byte` and `rune` are universe
//! aliases of `uint8` and `int32`, so messages print them as written),
//! `TypeParam`, and `GenericFunc` (a generic function's type parameters
//! and signature: types2 keeps them in one `Signature`, a kind of its own
//! keeps non-generic signatures shared). Structural types are
//! hash-consed: two identical `[]int` share one `TypeId`, so most identity
//! checks are an integer comparison; `Named` and `TypeParam` are unique by
//! construction; struct and interface identity includes field/method
//! names, the package of unexported names, tags and embedding, as the spec
//! requires. A `Named` type's underlying type and methods are filled in
//! by its package's checker (lazily, in types2's `resolve` order);
//! instantiation creates new `Named` entries keyed by (origin, type
//! arguments), so every package asking for `List[int]` gets the same id.
//!
//! **Results** are what later stages need, in side tables of each checked
//! package keyed by syntax ids: for every expression its mode, type and
//! (for constants) exact value; for every identifier the object it
//! defines or uses (keyed by the `Name`'s position, unique per file);
//! selections with their embedding paths and indirections; implicit
//! objects (type switch cases, imports); instantiations with inferred
//! type arguments; implicit conversions; and the package's
//! initialisation order. This is types2's `Info`, minus what gc does not
//! use.
//!
//! **Sizes and layout are gc's** (`gcsizes.go`): word size 8 on 64-bit
//! targets, 4 on 32-bit ones (wasm is 64-bit), `MaxAlign` 8, `complex`
//! aligned as two floats, `sync/atomic.align64` forcing 8, zero-size final
//! fields padded. `unsafe.Sizeof`/`Alignof`/`Offsetof` fold to these.
//!
//! **Errors** are types2's words and positions, reported through the same
//! policy as the parser's (`goxide_syntax::report`): at most 10 per
//! package unless `-e`, "declared and not used", and the soft/hard
//! distinction types2 makes (soft errors do not stop code generation in
//! gc's `-e` runs, but any error fails a build).
//!
//! # State
//! Done: everything above, checked against gc on programs quoted in the
//! tests and against types2's own corpus for crashes. Next: `goxide tool
//! check` over std and cmd, the types2 corpus score, the go/types
//! differential, the speed benchmark (issue 4's acceptance).

/// The concurrent maps of the shared tables (interning, caches), with
/// FxHash: their keys are ids and identifiers, hashed on every lookup.
pub(crate) type DashMap<K, V> = dashmap::DashMap<K, V, rustc_hash::FxBuildHasher>;

pub mod check;
pub mod constant;
pub mod files;
pub mod infer;
pub mod instantiate;
pub mod lookup;
pub mod objects;
pub mod package;
pub mod predicates;
pub mod representable;
pub mod sizes;
pub mod subst;
pub mod symbol;
pub mod types;
pub mod typeset;
pub mod typestring;
pub mod typeterm;
pub mod unify;
pub mod universe;
