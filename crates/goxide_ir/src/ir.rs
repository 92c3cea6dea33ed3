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
/// goxide_runtime's contract. Its parameters are Go-typed values of the IR
/// (flattened by codegen as the contract says).
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
}

impl RuntimeFunc {
    /// The gc runtime function it stands for (`goxide_rt_` + this).
    pub fn name(self) -> &'static str {
        match self {
            RuntimeFunc::PrintLock => "printlock",
            RuntimeFunc::PrintUnlock => "printunlock",
            RuntimeFunc::PrintSp => "printsp",
            RuntimeFunc::PrintNl => "printnl",
            RuntimeFunc::PrintString => "printstring",
            RuntimeFunc::PrintBool => "printbool",
            RuntimeFunc::PrintInt => "printint",
            RuntimeFunc::PrintUint => "printuint",
        }
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
    Unary { op: UnaryOp, arg: Value },
    /// Both operands and the result have one type, except shifts, whose
    /// count may be any integer type.
    Binary { op: BinaryOp, lhs: Value, rhs: Value },
    /// Integers, bools (`==`, `!=`) or strings; the result is `bool`.
    Compare { op: CompareOp, lhs: Value, rhs: Value },
    /// An integer conversion (truncating or extending by the source's
    /// signedness), or a change between types of one representation.
    Convert { arg: Value },
    /// `len(s)` of a string.
    StringLen { arg: Value },
    /// A call of a function of the package; one result per Go result.
    Call { callee: FuncId, args: Vec<Value> },
    /// A call of a runtime entry point.
    RuntimeCall { func: RuntimeFunc, args: Vec<Value> },
    /// The address of a package variable (a pointer to its type).
    GlobalAddr { global: GlobalId },
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
    /// the type checker proved unreachable).
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
            InstKind::Const(_) | InstKind::GlobalAddr { .. } | InstKind::Unreachable => Vec::new(),
            InstKind::Unary { arg, .. } | InstKind::Convert { arg } | InstKind::StringLen { arg } => vec![*arg],
            InstKind::Load { addr } => vec![*addr],
            InstKind::Binary { lhs, rhs, .. } | InstKind::Compare { lhs, rhs, .. } => vec![*lhs, *rhs],
            InstKind::Store { addr, value } => vec![*addr, *value],
            InstKind::Call { args, .. } | InstKind::RuntimeCall { args, .. } => args.clone(),
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

    /// The blocks each block branches to, by block index.
    pub fn successors(&self, b: BlockId) -> Vec<BlockId> {
        match self.terminator(b) {
            Some(t) => self.insts[t.index()].kind.destinations().iter().map(|d| d.block).collect(),
            None => Vec::new(),
        }
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
