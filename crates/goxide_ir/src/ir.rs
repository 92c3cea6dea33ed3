//! The IR's data: a [`Package`] of [`Function`]s and [`Global`]s; a
//! function is basic blocks with parameters holding instructions whose
//! results are SSA [`Value`]s typed with goxide_types `TypeId`s.
//!
//! The shape is Cranelift's (`cranelift_codegen::ir::{dfg,layout}`), cut
//! to what a Go-level SSA needs before lowering: entities are `u32` ids
//! into per-function arenas (`Value`, `Inst`, `BlockId`) or per-package
//! ones (`FuncId`, `GlobalId`); φ-functions are block parameters, and a
//! branch passes arguments to the block it targets ([`BlockCall`]). The
//! operations are Go's (gc's generic `ssa` ops, not a machine's): `Div`
//! means Go's division, which panics on a zero divisor and wraps
//! `MinInt / -1`; a shift takes a count of any integer type and gives Go's
//! result for counts past the width. Lowering those meanings is
//! goxide_codegen's job, so runtime checks are explicit there and can be
//! removed by a later pass that proves them needless.
//!
//! Memory: values of struct and array types are never SSA values (see
//! `repr`): instructions handle them through pointers (`Alloca`, `New`,
//! `Copy`, `Zero`, `FieldAddr`, `ElemAddr`), and functions take and return
//! them through pointers. Every other Go value is one SSA value however
//! many machine words it has (a string, a slice, an interface); `Extract`
//! and `Compose` take them apart and build them.
//!
//! Invariants (checked by [`crate::verify`]): every block ends with exactly
//! one terminator and has no other; branch arguments match their target's
//! parameters in number and type; every use is dominated by its
//! definition; the entry block is `BlockId(0)` and its parameters are the
//! function's parameters. Values carry *typed* Go types (never untyped
//! constants' types): the builder gives untyped expressions their default
//! types.

use std::fmt;
use std::sync::Arc;

use goxide_types::objects::SrcPos;
use goxide_types::types::TypeId;

macro_rules! entity {
    ($(#[$m:meta])* $name:ident, $prefix:literal) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub struct $name(pub u32);
        impl $name {
            /// The arena index.
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }
            /// The id of arena index `i`.
            #[inline]
            pub fn new(i: usize) -> Self {
                $name(u32::try_from(i).unwrap_or(u32::MAX))
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

entity!(
    /// A function of a package.
    FuncId,
    "fn"
);
entity!(
    /// A package-level variable.
    GlobalId,
    "global"
);
entity!(
    /// A basic block of a function.
    BlockId,
    "block"
);
entity!(
    /// An SSA value of a function: an instruction result or a block parameter.
    Value,
    "v"
);
entity!(
    /// An instruction of a function.
    Inst,
    "inst"
);

/// A compiled package: its functions, its variables, and what runs at
/// program start.
#[derive(Debug, Default)]
pub struct Package {
    /// The import path (`main` for a command).
    pub path: String,
    pub funcs: Vec<Function>,
    pub globals: Vec<Global>,
    /// The package's initialisers in the order they run: `pkg.init` (the
    /// variable initialisation) when there is any, then each `func init()`
    /// in source order (`pkg.init.0`, …).
    pub inits: Vec<FuncId>,
    /// `main.main`, in package main.
    pub main: Option<FuncId>,
    /// The interface tables the package's code refers to (`ItabAddr`).
    pub itabs: Vec<ItabData>,
    /// The method tables of the concrete types this package puts in
    /// interfaces (the uncommon part of their type descriptors, which the
    /// runtime's `getitab` reads for dynamic assertions).
    pub method_tables: Vec<MethodTable>,
    /// In a program's main package: the `Error` and `RuntimeError`
    /// methods of the runtime's error values (`goxide.runtimeError.*`:
    /// the data word points to the message, a `string`), for the runtime
    /// contract's `goxide_runtime_error_type`.
    pub runtime_error: Option<(FuncId, FuncId)>,
}

/// The methods of a concrete type (its method set), in gc's order
/// (exported first, then by name): what its descriptor lists.
#[derive(Debug, Clone)]
pub struct MethodTable {
    pub ty: TypeId,
    pub methods: Vec<MethodEntry>,
}

/// One method of a [`MethodTable`].
#[derive(Debug, Clone)]
pub struct MethodEntry {
    pub name: String,
    pub exported: bool,
    /// Its signature without the receiver (a func type).
    pub sig: TypeId,
    /// The function interface calls reach: it takes the data word.
    pub ifn: FuncId,
}

/// An interface table (gc's `go:itab.T,I`, internal/abi `ITab`): concrete
/// type `ty` as non-empty interface `iface`; `funcs[i]` implements the
/// interface's i-th method (type-set order) with the data word as its
/// receiver.
#[derive(Debug, Clone)]
pub struct ItabData {
    pub ty: TypeId,
    pub iface: TypeId,
    pub funcs: Vec<FuncId>,
}

impl Package {
    pub fn func(&self, id: FuncId) -> &Function {
        &self.funcs[id.index()]
    }
    pub fn global(&self, id: GlobalId) -> &Global {
        &self.globals[id.index()]
    }
}

/// A package-level variable: its linker name and Go type. Its storage is
/// zeroed at start; initialisers are code in `pkg.init`.
#[derive(Debug, Clone)]
pub struct Global {
    pub name: String,
    pub ty: TypeId,
}

/// A function: its linker name, signature, and body.
#[derive(Debug, Clone, Default)]
pub struct Function {
    /// The symbol (gc's linker name, e.g. `main.main`).
    pub name: String,
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub blocks: Vec<BlockData>,
    pub insts: Vec<InstData>,
    pub values: Vec<ValueData>,
    /// Where the function is declared.
    pub pos: Option<SrcPos>,
    /// For a function with deferred calls: the block a recovered panic
    /// resumes at (runs the remaining deferred calls and returns). Every
    /// call of the function may continue there instead of returning
    /// (codegen makes them `try_call`s); the block has no other
    /// predecessors and uses only values of the entry block.
    pub landing: Option<BlockId>,
}

/// A block: its parameters and instructions, the last one a terminator.
#[derive(Debug, Clone, Default)]
pub struct BlockData {
    pub params: Vec<Value>,
    pub insts: Vec<Inst>,
}

/// A value's type and where it comes from.
#[derive(Debug, Clone)]
pub struct ValueData {
    pub ty: TypeId,
    pub def: ValueDef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueDef {
    /// Result `n` of an instruction.
    Result(Inst, usize),
    /// Parameter `n` of a block.
    Param(BlockId, usize),
}

/// An instruction, its results, and the source position it stands for.
#[derive(Debug, Clone)]
pub struct InstData {
    pub kind: InstKind,
    pub results: Vec<Value>,
    pub pos: Option<SrcPos>,
}

/// A constant operand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Const {
    /// An integer of the result's type, as its two's-complement bits
    /// (sign-extended to 64 bits for signed types, zero-extended for
    /// unsigned ones).
    Int(i64),
    Bool(bool),
    /// A string's bytes (not necessarily UTF-8).
    String(Arc<[u8]>),
    /// A float of the result's type, as the bits of an `f64` (a
    /// `float32` constant is exactly representable in it).
    Float(u64),
    /// A complex number of the result's type: the `f64` bits of the real
    /// and imaginary parts.
    Complex(u64, u64),
    /// The zero value of the result's (non-memory) type: nil pointers,
    /// slices, maps, chans, funcs and interfaces, `""`, 0.
    Zero,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`, wrapping.
    Neg,
    /// `!x` on bools.
    Not,
    /// `^x` on integers.
    Complement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    /// Go's `/` on integers: panics if the divisor is 0; `MinInt / -1`
    /// is `MinInt`.
    Div,
    /// Go's `%`: panics if the divisor is 0; `x % -1` is 0.
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    /// `min`/`max` of floats (Go's: NaN if either is NaN, -0 below +0).
    Min,
    Max,
    /// Go's `<<`: the count is any integer type; a negative (signed) count
    /// panics; a count ≥ the width gives 0.
    Shl,
    /// Go's `>>`: arithmetic for signed operands (a count ≥ the width
    /// gives 0 or -1), logical for unsigned ones.
    Shr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A runtime entry point compiled code calls: `goxide_rt_<name>` of
/// goxide_runtime's contract. Its parameters are IR values, flattened by
/// codegen as the contract says (C ABI, `g` first); its results are the
/// instruction's. [`RuntimeFunc::name`] is the only place the names live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuntimeFunc {
    PrintLock,
    PrintUnlock,
    PrintSp,
    PrintNl,
    /// (string)
    PrintString,
    /// (bool)
    PrintBool,
    /// (int64)
    PrintInt,
    /// (uint64)
    PrintUint,
    /// (float32)
    PrintFloat32,
    /// (float64)
    PrintFloat64,
    /// (complex64)
    PrintComplex64,
    /// (complex128)
    PrintComplex128,
    /// (unsafe.Pointer)
    PrintPointer,
    /// (slice)
    PrintSlice,
    /// (interface{})
    PrintEface,
    /// (non-empty interface)
    PrintIface,
    /// (size uintptr, typ *abi.Type, needzero bool) unsafe.Pointer
    Mallocgc,
    /// (dst, src unsafe.Pointer, n uintptr)
    Memmove,
    /// (a, b *T, n uintptr) bool: n bytes equal.
    Memequal,
    /// (et *abi.Type, len, cap int) unsafe.Pointer
    Makeslice,
    /// (out *[3]uintptr, oldptr unsafe.Pointer, newlen, oldcap, num int, et *abi.Type)
    Growslice,
    /// (out *[3]uintptr, oldptr unsafe.Pointer, newlen, oldcap, num int, et *abi.Type,
    /// buf unsafe.Pointer, buflen int): `growslice` inside a frame buffer
    /// while `newlen <= buflen`
    GrowsliceBuf,
    /// (out *[3]uintptr, et *abi.Type, old unsafe.Pointer, len, cap int):
    /// a frame-buffer slice copied to the heap, same capacity
    MoveSlice,
    /// (out *[3]uintptr, et *abi.Type, old unsafe.Pointer, len int): the
    /// capacity rounded to the length's size class
    MoveSliceNoCap,
    /// (out *[3]uintptr, elemsize uintptr, old unsafe.Pointer, len, cap int)
    MoveSliceNoScan,
    /// (out *[3]uintptr, elemsize uintptr, old unsafe.Pointer, len int)
    MoveSliceNoCapNoScan,
    /// (buf *tmpBuf, strs *string, n int) string (`buf` null: allocate)
    Concatstrings,
    /// (buf, ptr *byte, n int) string
    Slicebytetostring,
    /// (out *[3]uintptr, buf, s string)
    Stringtoslicebyte,
    /// (out *[3]uintptr, buf, s string)
    Stringtoslicerune,
    /// (buf, ptr *rune, n int) string
    Slicerunetostring,
    /// (buf *[4]byte, v int64) string
    Intstring,
    /// (s string, k int) (r rune, next int)
    Decoderune,
    /// (x int, y int)
    PanicIndex,
    /// (x uint, y int)
    PanicIndexU,
    /// (x int, y int): s[?:x] with x > len (y)
    PanicSliceAlen,
    /// (x int, y int): s[?:x] with x > cap (y)
    PanicSliceAcap,
    /// (x int, y int): s[x:y] with x > y
    PanicSliceB,
    /// (x int, y int): s[?:?:x] with x > len/cap
    PanicSlice3Alen,
    PanicSlice3Acap,
    /// (x int, y int): s[?:x:y] with x > y
    PanicSlice3B,
    /// (x int, y int): s[x:y:?] with x > y
    PanicSlice3C,
    /// (x uint, y int): the slicing errors above for an unsigned `x`.
    PanicSliceAlenU,
    PanicSliceAcapU,
    PanicSliceBU,
    PanicSlice3AlenU,
    PanicSlice3AcapU,
    PanicSlice3BU,
    PanicSlice3CU,
    /// (x int, y int): slice of length y to an array of length x
    PanicSliceConvert,
    /// (msg string): a value method called through a nil pointer by its
    /// `*T` wrapper (gc's `panicwrap`; the text is made at compile time)
    Panicwrap,
    /// (): `go f()` of a nil func value, a fatal error (gc's `newproc1`)
    Gonilfunc,
    /// (): `unsafe.Slice` with a negative or too large length
    PanicUnsafeSliceLen,
    /// (): `unsafe.Slice(nil, n)` with `n != 0`
    PanicUnsafeSliceNilPtr,
    /// (): `unsafe.String` with a negative or too large length
    PanicUnsafeStringLen,
    /// (): `unsafe.String(nil, n)` with `n != 0`
    PanicUnsafeStringNilPtr,
    /// (): nil dereference
    Panicmem,
    /// (addr uintptr): nil dereference faulting at `addr`
    PanicmemAddr,
    /// (typ *abi.Type, data unsafe.Pointer): `panic(v)`
    Gopanic,
    /// (have, want, iface *abi.Type): a failed `x.(T)` on an `interface{}`
    PanicdottypeE,
    /// (have *abi.ITab, want, iface *abi.Type): a failed `x.(T)`
    PanicdottypeI,
    /// (want *abi.Type): `x.(T)` on a nil interface
    Panicnildottype,
    /// (inter *abi.InterfaceType, typ *abi.Type) *abi.ITab: panics when
    /// `typ` lacks a method
    AssertE2I,
    /// (inter, typ) *abi.ITab or nil
    AssertE2I2,
    /// (typ *abi.Type, x, y unsafe.Pointer) bool: equal dynamic values
    Efaceeq,
    /// (tab *abi.ITab, x, y unsafe.Pointer) bool
    Ifaceeq,
    /// (fn func(), frame unsafe.Pointer, wrapped bool): `defer`; `wrapped`
    /// when `fn` is a generated wrapper calling the deferred function
    Deferproc,
    /// (frame unsafe.Pointer): runs the frame's deferred calls
    Deferreturn,
    /// (frame unsafe.Pointer) interface{}: `recover()` in that frame
    Gorecover,
    /// (fn func()): `go`
    Newproc,
    /// (t *abi.ChanType, size int64) chan
    Makechan,
    /// (c, elem unsafe.Pointer)
    Chansend1,
    /// (c, elem unsafe.Pointer)
    Chanrecv1,
    /// (c, elem unsafe.Pointer) bool
    Chanrecv2,
    /// (c unsafe.Pointer)
    Closechan,
    /// (cas0, order0 unsafe.Pointer, nsends, nrecvs int64, block bool) (chosen, recvOK int64)
    Selectgo,
    /// (t *abi.MapType, hint int64) map
    Makemap,
    /// (t, m, key unsafe.Pointer) unsafe.Pointer: the element or a zero value
    Mapaccess1,
    /// (t, m, key) (unsafe.Pointer, bool)
    Mapaccess2,
    /// (t, m, key) unsafe.Pointer: the element's storage
    Mapassign,
    /// (t, m, key)
    Mapdelete,
    /// (t, m)
    Mapclear,
    /// (t, m, it unsafe.Pointer)
    Mapiterinit,
    /// (it unsafe.Pointer)
    Mapiternext,
    /// (state int): a range function's `yield` called after the loop ended
    Panicrangestate,
    /// (n, m complex128) complex128
    Complex128div,
}

impl RuntimeFunc {
    /// The gc runtime function it stands for (`goxide_rt_` + this).
    pub fn name(self) -> &'static str {
        use RuntimeFunc::*;
        match self {
            PrintLock => "printlock",
            PrintUnlock => "printunlock",
            PrintSp => "printsp",
            PrintNl => "printnl",
            PrintString => "printstring",
            PrintBool => "printbool",
            PrintInt => "printint",
            PrintUint => "printuint",
            PrintFloat32 => "printfloat32",
            PrintFloat64 => "printfloat64",
            PrintComplex64 => "printcomplex64",
            PrintComplex128 => "printcomplex128",
            PrintPointer => "printpointer",
            PrintSlice => "printslice",
            PrintEface => "printeface",
            PrintIface => "printiface",
            Mallocgc => "mallocgc",
            Memmove => "memmove",
            Memequal => "memequal",
            Makeslice => "makeslice",
            Growslice => "growslice",
            GrowsliceBuf => "growsliceBuf",
            MoveSlice => "moveSlice",
            MoveSliceNoCap => "moveSliceNoCap",
            MoveSliceNoScan => "moveSliceNoScan",
            MoveSliceNoCapNoScan => "moveSliceNoCapNoScan",
            Concatstrings => "concatstrings",
            Slicebytetostring => "slicebytetostring",
            Stringtoslicebyte => "stringtoslicebyte",
            Stringtoslicerune => "stringtoslicerune",
            Slicerunetostring => "slicerunetostring",
            Intstring => "intstring",
            Decoderune => "decoderune",
            PanicIndex => "panicIndex",
            PanicIndexU => "panicIndexU",
            PanicSliceAlen => "panicSliceAlen",
            PanicSliceAcap => "panicSliceAcap",
            PanicSliceB => "panicSliceB",
            PanicSlice3Alen => "panicSlice3Alen",
            PanicSlice3Acap => "panicSlice3Acap",
            PanicSlice3B => "panicSlice3B",
            PanicSlice3C => "panicSlice3C",
            PanicSliceAlenU => "panicSliceAlenU",
            PanicSliceAcapU => "panicSliceAcapU",
            PanicSliceBU => "panicSliceBU",
            PanicSlice3AlenU => "panicSlice3AlenU",
            PanicSlice3AcapU => "panicSlice3AcapU",
            PanicSlice3BU => "panicSlice3BU",
            PanicSlice3CU => "panicSlice3CU",
            PanicSliceConvert => "panicSliceConvert",
            Panicwrap => "panicwrap",
            Gonilfunc => "gonilfunc",
            PanicUnsafeSliceLen => "panicunsafeslicelen",
            PanicUnsafeSliceNilPtr => "panicunsafeslicenilptr",
            PanicUnsafeStringLen => "panicunsafestringlen",
            PanicUnsafeStringNilPtr => "panicunsafestringnilptr",
            Panicmem => "panicmem",
            PanicmemAddr => "panicmemAddr",
            Gopanic => "gopanic",
            PanicdottypeE => "panicdottypeE",
            PanicdottypeI => "panicdottypeI",
            Panicnildottype => "panicnildottype",
            AssertE2I => "assertE2I",
            AssertE2I2 => "assertE2I2",
            Efaceeq => "efaceeq",
            Ifaceeq => "ifaceeq",
            Deferproc => "deferproc",
            Deferreturn => "deferreturn",
            Gorecover => "gorecover",
            Newproc => "newproc",
            Makechan => "makechan",
            Chansend1 => "chansend1",
            Chanrecv1 => "chanrecv1",
            Chanrecv2 => "chanrecv2",
            Closechan => "closechan",
            Selectgo => "selectgo",
            Makemap => "makemap",
            Mapaccess1 => "mapaccess1",
            Mapaccess2 => "mapaccess2",
            Mapassign => "mapassign",
            Mapdelete => "mapdelete",
            Mapclear => "mapclear",
            Mapiterinit => "mapiterinit",
            Mapiternext => "mapiternext",
            Panicrangestate => "panicrangestate",
            Complex128div => "complex128div",
        }
    }

    /// Whether the entry point never returns.
    pub fn never_returns(self) -> bool {
        use RuntimeFunc::*;
        matches!(
            self,
            PanicIndex
                | PanicIndexU
                | PanicSliceAlen
                | PanicSliceAcap
                | PanicSliceB
                | PanicSlice3Alen
                | PanicSlice3Acap
                | PanicSlice3B
                | PanicSlice3C
                | PanicSliceAlenU
                | PanicSliceAcapU
                | PanicSliceBU
                | PanicSlice3AlenU
                | PanicSlice3AcapU
                | PanicSlice3BU
                | PanicSlice3CU
                | PanicSliceConvert
                | Panicwrap
                | Gonilfunc
                | PanicUnsafeSliceLen
                | PanicUnsafeSliceNilPtr
                | PanicUnsafeStringLen
                | PanicUnsafeStringNilPtr
                | Panicmem
                | PanicmemAddr
                | Gopanic
                | PanicdottypeE
                | PanicdottypeI
                | Panicnildottype
                | Panicrangestate
        )
    }
}

/// Which bound a [`InstKind::BoundsCheck`] checks, and so which run-time
/// error it reports (gc's `ssa.BoundsKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoundsKind {
    /// `s[x]`: `0 <= x < y`.
    Index,
    /// `s[:x]` on a string or slice: `0 <= x <= y` (y the length).
    SliceAlen,
    /// `s[:x]` on a slice: `0 <= x <= y` (y the capacity).
    SliceAcap,
    /// `s[x:y]`: `0 <= x <= y`.
    SliceB,
    /// `s[::x]`: `0 <= x <= y` (y the length of an array).
    Slice3Alen,
    /// `s[::x]`: `0 <= x <= y` (y the capacity).
    Slice3Acap,
    /// `s[:x:y]`: `0 <= x <= y`.
    Slice3B,
    /// `s[x:y:]`: `0 <= x <= y`.
    Slice3C,
    /// `[N]T(s)` / `(*[N]T)(s)`: `N <= len(s)` (index N, len len(s)).
    Convert,
}

impl BoundsKind {
    /// The run-time error entry point, for a signed index.
    pub fn panic_func(self) -> RuntimeFunc {
        match self {
            BoundsKind::Index => RuntimeFunc::PanicIndex,
            BoundsKind::SliceAlen => RuntimeFunc::PanicSliceAlen,
            BoundsKind::SliceAcap => RuntimeFunc::PanicSliceAcap,
            BoundsKind::SliceB => RuntimeFunc::PanicSliceB,
            BoundsKind::Slice3Alen => RuntimeFunc::PanicSlice3Alen,
            BoundsKind::Slice3Acap => RuntimeFunc::PanicSlice3Acap,
            BoundsKind::Slice3B => RuntimeFunc::PanicSlice3B,
            BoundsKind::Slice3C => RuntimeFunc::PanicSlice3C,
            BoundsKind::Convert => RuntimeFunc::PanicSliceConvert,
        }
    }

    /// The run-time error entry point for an unsigned index, which
    /// reports `x` as an unsigned number (gc's `panicIndexU`, ...;
    /// a conversion's `x` is a constant length, never unsigned).
    pub fn panic_func_unsigned(self) -> RuntimeFunc {
        match self {
            BoundsKind::Index => RuntimeFunc::PanicIndexU,
            BoundsKind::SliceAlen => RuntimeFunc::PanicSliceAlenU,
            BoundsKind::SliceAcap => RuntimeFunc::PanicSliceAcapU,
            BoundsKind::SliceB => RuntimeFunc::PanicSliceBU,
            BoundsKind::Slice3Alen => RuntimeFunc::PanicSlice3AlenU,
            BoundsKind::Slice3Acap => RuntimeFunc::PanicSlice3AcapU,
            BoundsKind::Slice3B => RuntimeFunc::PanicSlice3BU,
            BoundsKind::Slice3C => RuntimeFunc::PanicSlice3CU,
            BoundsKind::Convert => RuntimeFunc::PanicSliceConvert,
        }
    }

    /// Whether `x == y` is in bounds (every kind but `Index`).
    pub fn inclusive(self) -> bool {
        self != BoundsKind::Index
    }
}

/// A branch destination with the arguments for the block's parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockCall {
    pub block: BlockId,
    pub args: Vec<Value>,
}

#[derive(Debug, Clone)]
pub enum InstKind {
    Const(Const),
    /// Integers (`Neg`, `Complement`), floats and complex numbers (`Neg`),
    /// bools (`Not`).
    Unary { op: UnaryOp, arg: Value },
    /// Both operands and the result have one type, except shifts, whose
    /// count may be any integer type. Integers take every operator;
    /// floats and complex numbers `Add`, `Sub`, `Mul`, `Div`.
    Binary { op: BinaryOp, lhs: Value, rhs: Value },
    /// Integers, floats, strings (ordered); bools, complex numbers,
    /// pointers (`==`, `!=`); the result is `bool`.
    Compare { op: CompareOp, lhs: Value, rhs: Value },
    /// A numeric conversion (integer ↔ integer by the source's
    /// signedness, integer ↔ float with gc's results per target, float
    /// ↔ float, complex ↔ complex), a pointer ↔ `unsafe.Pointer` ↔
    /// `uintptr` change, or a change between types of one representation.
    Convert { arg: Value },
    /// `len(s)` of a string.
    StringLen { arg: Value },
    /// Scalar part `n` of a multi-scalar value (a string's `ptr`/`len`, a
    /// slice's `ptr`/`len`/`cap`, an interface's `tab`/`data`, a complex
    /// number's `re`/`im`); the result type says how it is used.
    Extract { arg: Value, n: usize },
    /// A multi-scalar value of the result's type from its parts.
    Compose { parts: Vec<Value> },
    /// A direct call of a function of the package (lowered signature:
    /// `repr::lower_signature`); one result per non-memory Go result.
    Call { callee: FuncId, args: Vec<Value> },
    /// A call through a code pointer (`unsafe.Pointer`) with the lowered
    /// signature given by the arguments' and results' types.
    CallIndirect { code: Value, args: Vec<Value> },
    /// A call of a runtime entry point.
    RuntimeCall { func: RuntimeFunc, args: Vec<Value> },
    /// The code address of a function of the package (`unsafe.Pointer`).
    FuncAddr { func: FuncId },
    /// A func value for a package function: the address of a read-only
    /// closure object holding only the function's code pointer (gc's
    /// `pkg.F·f`). The result is the func type.
    StaticClosure { func: FuncId },
    /// The address of a package variable (a pointer to its type).
    GlobalAddr { global: GlobalId },
    /// The address of the type descriptor (`*abi.Type`, internal/abi's
    /// layout) of `ty`, as `unsafe.Pointer`.
    TypeDesc { ty: TypeId },
    /// The function's frame pointer (`unsafe.Pointer`): the identity of
    /// its frame for deferred calls and `recover`.
    FramePointer,
    /// The address of the package's interface table `itab`
    /// (`Package::itabs`), as `unsafe.Pointer`.
    ItabAddr { itab: usize },
    /// A new zeroed variable of type `ty` in the function's frame; the
    /// result points to it. One slot per instruction: executing it again
    /// (in a loop) zeroes and reuses the same slot.
    Alloca { ty: TypeId },
    /// A new zeroed variable of type `ty` on the heap.
    New { ty: TypeId },
    /// Writes the zero value of the pointee at a pointer.
    Zero { addr: Value },
    /// Copies the pointee (same type) from `src` to `dst` (may overlap
    /// exactly, `a = a`).
    Copy { dst: Value, src: Value },
    /// Zeroes `count` (an `int`) elements of the pointee type at `base`.
    ZeroElems { base: Value, count: Value },
    /// Copies `count` (an `int`) elements of the pointee type from `src`
    /// to `dst` (both pointers to it), as `memmove`: they may overlap.
    CopyElems { dst: Value, src: Value, count: Value },
    /// The address of field `field` of the struct at a pointer.
    FieldAddr { base: Value, field: usize },
    /// The address of element `index` (any integer) of the elements that
    /// start at `base` (a pointer to the element type, or to an array,
    /// whose element type is then meant); no bounds check.
    ElemAddr { base: Value, index: Value },
    /// Panics with gc's nil-dereference error when the pointer is nil.
    NilCheck { ptr: Value },
    /// The same before reading field `field` of the struct the pointer
    /// points to: the report's fault address is the field's offset, as
    /// gc's (which faults there).
    NilCheckField { ptr: Value, field: usize },
    /// Panics with `kind`'s run-time error unless `0 <= index < len`
    /// (`<=` for slicing kinds), comparing as unsigned 64-bit values of
    /// the sign- or zero-extended operands.
    BoundsCheck { kind: BoundsKind, index: Value, len: Value },
    /// Reads a value of the result's type at a pointer.
    Load { addr: Value },
    /// Writes `value` at a pointer to its type.
    Store { addr: Value, value: Value },
    // ---- terminators ----
    Jump { dest: BlockCall },
    /// `cond` is a bool.
    Branch { cond: Value, then_dest: BlockCall, else_dest: BlockCall },
    Return { values: Vec<Value> },
    /// Control never gets here (the end of a function with results, which
    /// the type checker proved unreachable, or after a call that never
    /// returns).
    Unreachable,
}

impl InstKind {
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            InstKind::Jump { .. } | InstKind::Branch { .. } | InstKind::Return { .. } | InstKind::Unreachable
        )
    }

    /// The values the instruction reads, in operand order (branch
    /// arguments included).
    pub fn operands(&self) -> Vec<Value> {
        match self {
            InstKind::Const(_)
            | InstKind::GlobalAddr { .. }
            | InstKind::TypeDesc { .. }
            | InstKind::ItabAddr { .. }
            | InstKind::FramePointer
            | InstKind::FuncAddr { .. }
            | InstKind::StaticClosure { .. }
            | InstKind::Alloca { .. }
            | InstKind::New { .. }
            | InstKind::Unreachable => Vec::new(),
            InstKind::Unary { arg, .. } | InstKind::Convert { arg } | InstKind::StringLen { arg } | InstKind::Extract { arg, .. } => vec![*arg],
            InstKind::Load { addr } | InstKind::Zero { addr } => vec![*addr],
            InstKind::NilCheck { ptr } | InstKind::NilCheckField { ptr, .. } => vec![*ptr],
            InstKind::FieldAddr { base, .. } => vec![*base],
            InstKind::ElemAddr { base, index } => vec![*base, *index],
            InstKind::BoundsCheck { index, len, .. } => vec![*index, *len],
            InstKind::Binary { lhs, rhs, .. } | InstKind::Compare { lhs, rhs, .. } => vec![*lhs, *rhs],
            InstKind::Store { addr, value } => vec![*addr, *value],
            InstKind::Copy { dst, src } => vec![*dst, *src],
            InstKind::CopyElems { dst, src, count } => vec![*dst, *src, *count],
            InstKind::ZeroElems { base, count } => vec![*base, *count],
            InstKind::Compose { parts } => parts.clone(),
            InstKind::Call { args, .. } | InstKind::RuntimeCall { args, .. } => args.clone(),
            InstKind::CallIndirect { code, args } => {
                let mut v = vec![*code];
                v.extend(args);
                v
            }
            InstKind::Return { values } => values.clone(),
            InstKind::Jump { dest } => dest.args.clone(),
            InstKind::Branch { cond, then_dest, else_dest } => {
                let mut v = vec![*cond];
                v.extend(&then_dest.args);
                v.extend(&else_dest.args);
                v
            }
        }
    }

    /// The branch destinations of a terminator.
    pub fn destinations(&self) -> Vec<&BlockCall> {
        match self {
            InstKind::Jump { dest } => vec![dest],
            InstKind::Branch { then_dest, else_dest, .. } => vec![then_dest, else_dest],
            _ => Vec::new(),
        }
    }

    /// The branch destinations, mutably (edge `i` of [`Self::destinations`]).
    pub fn destinations_mut(&mut self) -> Vec<&mut BlockCall> {
        match self {
            InstKind::Jump { dest } => vec![dest],
            InstKind::Branch { then_dest, else_dest, .. } => vec![then_dest, else_dest],
            _ => Vec::new(),
        }
    }
}

impl Function {
    /// A function with an entry block whose parameters are `params`.
    pub fn new(name: String, params: Vec<TypeId>, results: Vec<TypeId>, pos: Option<SrcPos>) -> Function {
        let mut f = Function { name, params: params.clone(), results, pos, ..Function::default() };
        let entry = f.create_block();
        for t in params {
            f.append_block_param(entry, t);
        }
        f
    }

    pub const ENTRY: BlockId = BlockId(0);

    pub fn create_block(&mut self) -> BlockId {
        self.blocks.push(BlockData::default());
        BlockId::new(self.blocks.len() - 1)
    }

    pub fn append_block_param(&mut self, block: BlockId, ty: TypeId) -> Value {
        let n = self.blocks[block.index()].params.len();
        let v = self.new_value(ty, ValueDef::Param(block, n));
        self.blocks[block.index()].params.push(v);
        v
    }

    fn new_value(&mut self, ty: TypeId, def: ValueDef) -> Value {
        self.values.push(ValueData { ty, def });
        Value::new(self.values.len() - 1)
    }

    /// Appends an instruction with results of types `result_types` to
    /// `block`; returns it.
    pub fn append_inst(&mut self, block: BlockId, kind: InstKind, result_types: &[TypeId], pos: Option<SrcPos>) -> Inst {
        let inst = Inst::new(self.insts.len());
        let results = result_types.iter().enumerate().map(|(i, &t)| self.new_value(t, ValueDef::Result(inst, i))).collect();
        self.insts.push(InstData { kind, results, pos });
        self.blocks[block.index()].insts.push(inst);
        inst
    }

    pub fn inst(&self, i: Inst) -> &InstData {
        &self.insts[i.index()]
    }
    pub fn inst_mut(&mut self, i: Inst) -> &mut InstData {
        &mut self.insts[i.index()]
    }
    pub fn block(&self, b: BlockId) -> &BlockData {
        &self.blocks[b.index()]
    }
    pub fn value_type(&self, v: Value) -> TypeId {
        self.values[v.index()].ty
    }
    pub fn value_def(&self, v: Value) -> ValueDef {
        self.values[v.index()].def
    }

    /// The block's terminator, if its last instruction is one.
    pub fn terminator(&self, b: BlockId) -> Option<Inst> {
        let last = *self.blocks[b.index()].insts.last()?;
        self.insts[last.index()].kind.is_terminator().then_some(last)
    }

    /// The blocks each block branches to, by block index. The landing
    /// block counts as a successor of the entry (its dominator).
    pub fn successors(&self, b: BlockId) -> Vec<BlockId> {
        let mut s: Vec<BlockId> = match self.terminator(b) {
            Some(t) => self.insts[t.index()].kind.destinations().iter().map(|d| d.block).collect(),
            None => Vec::new(),
        };
        if b == Self::ENTRY
            && let Some(l) = self.landing
        {
            s.push(l);
        }
        s
    }

    /// The blocks reachable from the entry, in reverse post-order.
    pub fn reverse_postorder(&self) -> Vec<BlockId> {
        let n = self.blocks.len();
        let mut seen = vec![false; n];
        let mut post = Vec::with_capacity(n);
        if n == 0 {
            return post;
        }
        // Iterative DFS: (block, index of the next successor to visit).
        let mut stack: Vec<(BlockId, usize)> = vec![(Self::ENTRY, 0)];
        seen[0] = true;
        while let Some(&mut (b, ref mut next)) = stack.last_mut() {
            let succs = self.successors(b);
            if let Some(&s) = succs.get(*next) {
                *next += 1;
                if s.index() < n && !seen[s.index()] {
                    seen[s.index()] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
                stack.pop();
            }
        }
        post.reverse();
        post
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every slicing and index check has gc's unsigned twin (`x` printed
    /// unsigned), named as gc's; a conversion's length is never unsigned.
    #[test]
    fn bounds_kinds_have_unsigned_entry_points() {
        use BoundsKind::*;
        for k in [Index, SliceAlen, SliceAcap, SliceB, Slice3Alen, Slice3Acap, Slice3B, Slice3C] {
            let (s, u) = (k.panic_func(), k.panic_func_unsigned());
            assert_eq!(format!("{}U", s.name()), u.name(), "{k:?}");
            assert!(u.never_returns());
        }
        assert_eq!(Convert.panic_func_unsigned(), RuntimeFunc::PanicSliceConvert);
        assert!(RuntimeFunc::Panicwrap.never_returns());
    }
}
