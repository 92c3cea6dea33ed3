//! The syntax tree of one Go file.
//!
//! The node kinds and their fields are gc's (`cmd/compile/internal/syntax/
//! nodes.go`), so a reader who knows gc's tree knows this one, including
//! the positions gc gives each node (a binary `Operation` is at its
//! operator, a `CallExpr` at its `(`, a `SelectorExpr` at its `.`; see
//! [`File::start_pos`] for the leftmost position, as gc's `StartPos`).
//!
//! Storage is Cranelift's habit rather than gc's pointers: every node lives
//! in a typed arena of its [`File`] and is named by a `u32` newtype id
//! (`ExprId`, `StmtId`, `FieldId`, `DeclId`). Lists are ranges into one
//! pool per element type ([`List`]). Identifiers are byte spans of the
//! source ([`Name`]); nothing is interned here. This keeps a parse to a
//! handful of growing vectors per file, with no allocation per node.
//!
//! Invariants: every id stored in a `File` indexes that file's arenas;
//! lists index its pools; `Name` spans lie inside `File::src` or are empty
//! (an empty span is a name the parser invented after an error, and reads
//! as `_`, as gc's `NewName(pos, "_")`).

use std::marker::PhantomData;
use std::num::NonZeroU32;
use std::sync::Arc;

use crate::pos::{LineBase, Pos, PosTable};
use crate::token::{LitKind, Operator, Token};

macro_rules! entity {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        pub struct $name(NonZeroU32);
        impl $name {
            /// The arena index.
            #[inline]
            pub fn index(self) -> usize {
                self.0.get() as usize - 1
            }
            #[inline]
            fn from_index(i: usize) -> Self {
                $name(NonZeroU32::new(i as u32 + 1).expect("arena overflow"))
            }
        }
    };
}

entity!(
    /// An expression (or type) node in `File::exprs`.
    ExprId
);
entity!(
    /// A statement node in `File::stmts`.
    StmtId
);
entity!(
    /// A field, parameter, or interface element in `File::fields`.
    FieldId
);
entity!(
    /// A declaration in `File::decls`.
    DeclId
);

/// A list: a range of one of the file's pools.
pub struct List<T> {
    pub start: u32,
    pub len: u32,
    _elem: PhantomData<T>,
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for List<T> {}
impl<T> PartialEq for List<T> {
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start && self.len == other.len
    }
}
impl<T> Eq for List<T> {}
impl<T> std::fmt::Debug for List<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "List[{}..+{}]", self.start, self.len)
    }
}
impl<T> Default for List<T> {
    fn default() -> Self {
        List::EMPTY
    }
}

impl<T> List<T> {
    pub const EMPTY: List<T> = List { start: 0, len: 0, _elem: PhantomData };

    pub fn new(start: usize, len: usize) -> List<T> {
        List { start: start as u32, len: len as u32, _elem: PhantomData }
    }
    pub fn is_empty(self) -> bool {
        self.len == 0
    }
    pub fn len(self) -> usize {
        self.len as usize
    }
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// An identifier: a span of the source. An empty span is a name invented by
/// the parser after an error and reads as `_`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Name {
    pub pos: Pos,
    pub len: u32,
}

impl Name {
    /// The placeholder name `_` that gc's parser invents at `pos`.
    pub fn blank_at(pos: Pos) -> Name {
        Name { pos, len: 0 }
    }
}

/// Channel direction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChanDir {
    Both,
    SendOnly,
    RecvOnly,
}

/// An expression or type.
#[derive(Clone, Debug)]
pub struct Expr {
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A placeholder for an expression that failed to parse.
    Bad,
    Name(Name),
    /// A literal: its text is `src[pos..end]`; `bad` if it has lexical errors.
    BasicLit { kind: LitKind, bad: bool, end: Pos },
    /// `Type{ElemList}`; `nkeys` elements are `KeyValue`s.
    CompositeLit { typ: Option<ExprId>, elems: List<ExprId>, nkeys: u32, rbrace: Pos },
    KeyValue { key: ExprId, value: ExprId },
    /// `typ` is a `FuncType`, `body` a `Block`.
    FuncLit { typ: ExprId, body: StmtId },
    Paren(ExprId),
    Selector { x: ExprId, sel: Name },
    /// `x[index]`; several indices (type arguments) are a `List` expression.
    Index { x: ExprId, index: ExprId },
    /// `x[i:j]` or `x[i:j:k]` (`full`).
    Slice { x: ExprId, index: [Option<ExprId>; 3], full: bool },
    /// `x.(typ)`.
    Assert { x: ExprId, typ: ExprId },
    /// `[lhs :=] x.(type)`.
    TypeSwitchGuard { lhs: Option<Name>, x: ExprId },
    /// Unary when `y` is `None`.
    Operation { op: Operator, x: ExprId, y: Option<ExprId> },
    Call { fun: ExprId, args: List<ExprId>, has_dots: bool },
    /// An expression list `a, b, c` (at least two elements).
    List(List<ExprId>),
    /// `[len]elem`; `len` is `None` for `[...]elem`.
    ArrayType { len: Option<ExprId>, elem: ExprId },
    SliceType { elem: ExprId },
    /// `...elem` in a parameter list.
    DotsType { elem: ExprId },
    StructType { fields: List<FieldId> },
    InterfaceType { methods: List<FieldId> },
    FuncType { params: List<FieldId>, results: List<FieldId> },
    MapType { key: ExprId, value: ExprId },
    ChanType { dir: ChanDir, elem: ExprId },
}

/// A struct field, function parameter or result, type parameter, or
/// interface element. Names declared in one list (`a, b int`) share one
/// type id.
#[derive(Clone, Debug)]
pub struct Field {
    pub pos: Pos,
    /// `None` for an anonymous parameter, an embedded field, or an embedded
    /// interface element.
    pub name: Option<Name>,
    pub typ: ExprId,
    /// The tag of a struct field (a string `BasicLit`).
    pub tag: Option<ExprId>,
}

/// A statement.
#[derive(Clone, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Labeled { label: Name, stmt: StmtId },
    Block { stmts: List<StmtId>, rbrace: Pos },
    Expr(ExprId),
    Send { chan: ExprId, value: ExprId },
    Decl(List<DeclId>),
    /// `lhs op= rhs`; `op` is `Operator::None` for `=` and `Def` for `:=`;
    /// `rhs` is `None` for `lhs++` (op `Add`) and `lhs--` (op `Sub`).
    Assign { op: Operator, lhs: ExprId, rhs: Option<ExprId> },
    /// `break`, `continue`, `fallthrough` or `goto`; `target` is the
    /// statement it leaves or jumps to, filled in by the branch check.
    Branch { tok: Token, label: Option<Name>, target: Option<StmtId> },
    /// `go` or `defer` with its call.
    Call { tok: Token, call: ExprId },
    Return { results: Option<ExprId> },
    /// `then` is a `Block`; `els` an `If` or a `Block`.
    If { init: Option<StmtId>, cond: Option<ExprId>, then: StmtId, els: Option<StmtId> },
    /// `init` may be a `Range` clause.
    For { init: Option<StmtId>, cond: Option<ExprId>, post: Option<StmtId>, body: StmtId },
    /// `tag` may be a `TypeSwitchGuard`; `body` holds `CaseClause`s.
    Switch { init: Option<StmtId>, tag: Option<ExprId>, body: List<StmtId>, rbrace: Pos },
    /// `body` holds `CommClause`s.
    Select { body: List<StmtId>, rbrace: Pos },
    /// `[lhs = | lhs :=] range x` in a `for` header.
    Range { lhs: Option<ExprId>, def: bool, x: ExprId },
    /// `case cases:` or `default:` (`cases` is `None`).
    CaseClause { cases: Option<ExprId>, body: List<StmtId>, colon: Pos },
    /// `case comm:` or `default:` (`comm` is `None`).
    CommClause { comm: Option<StmtId>, body: List<StmtId>, colon: Pos },
}

/// A declaration; `group` numbers the parenthesised group it belongs to.
#[derive(Clone, Debug)]
pub struct Decl {
    pub pos: Pos,
    pub kind: DeclKind,
}

#[derive(Clone, Debug)]
pub enum DeclKind {
    Import { group: Option<u32>, pragma: Option<PragmaId>, local_name: Option<Name>, path: Option<ExprId> },
    Const { group: Option<u32>, pragma: Option<PragmaId>, names: List<Name>, typ: Option<ExprId>, values: Option<ExprId> },
    Type {
        group: Option<u32>,
        pragma: Option<PragmaId>,
        name: Name,
        tparams: List<FieldId>,
        alias: bool,
        typ: ExprId,
    },
    Var { group: Option<u32>, pragma: Option<PragmaId>, names: List<Name>, typ: Option<ExprId>, values: Option<ExprId> },
    Func {
        pragma: Option<PragmaId>,
        recv: Option<FieldId>,
        name: Name,
        tparams: List<FieldId>,
        /// A `FuncType`.
        typ: ExprId,
        /// A `Block`; `None` for a declaration without body.
        body: Option<StmtId>,
    },
}

/// The index of a [`Pragma`] in `File::pragmas`.
pub type PragmaId = u32;

/// The `//go:` directives that precede a declaration, as gc's noder keeps
/// them (`noder.go`'s `pragmas`): flags, link names, embed patterns.
#[derive(Clone, Debug, Default)]
pub struct Pragma {
    /// Every directive, in order: position of its text after `//`, and the
    /// text (without `//`).
    pub directives: Vec<(Pos, String)>,
    /// Flags from the directive table (`go:noinline`, `go:nosplit`, ...).
    pub flags: u32,
    /// `//go:embed` patterns with their positions.
    pub embeds: Vec<(Pos, Vec<String>)>,
}

/// A `//go:linkname localname [target]` directive (file-level in gc).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkName {
    pub pos: Pos,
    pub std: bool,
    pub local: String,
    pub target: Option<String>,
}

/// One parsed file: the tree and the arenas that hold it.
#[derive(Debug)]
pub struct File {
    pub filename: Arc<str>,
    pub src: Arc<[u8]>,
    /// Position of `package`.
    pub pos: Pos,
    pub pragma: Option<PragmaId>,
    pub pkg_name: Name,
    pub decls: List<DeclId>,
    pub eof: Pos,
    /// The Go version of a `//go:build go1.N` constraint before the package
    /// clause (gc's `File.GoVersion`), or empty.
    pub go_version: String,
    /// Line directives in effect, in order.
    pub line_bases: Vec<LineBase>,
    /// `//go:linkname` directives.
    pub linknames: Vec<LinkName>,
    /// All comments, when the parse kept them (`Mode::keep_comments`).
    pub comments: Vec<crate::scanner::Comment>,

    pub exprs: Vec<Expr>,
    pub stmts: Vec<Stmt>,
    pub fields: Vec<Field>,
    pub decl_arena: Vec<Decl>,
    pub pragmas: Vec<Pragma>,
    pub expr_pool: Vec<ExprId>,
    pub stmt_pool: Vec<StmtId>,
    pub field_pool: Vec<FieldId>,
    pub decl_pool: Vec<DeclId>,
    pub name_pool: Vec<Name>,
}

impl File {
    pub(crate) fn new(filename: Arc<str>, src: Arc<[u8]>) -> File {
        let cap = src.len() / 16;
        File {
            filename,
            src,
            pos: 0,
            pragma: None,
            pkg_name: Name::blank_at(0),
            decls: List::EMPTY,
            eof: 0,
            go_version: String::new(),
            line_bases: Vec::new(),
            linknames: Vec::new(),
            comments: Vec::new(),
            exprs: Vec::with_capacity(cap),
            stmts: Vec::with_capacity(cap / 4),
            fields: Vec::new(),
            decl_arena: Vec::new(),
            pragmas: Vec::new(),
            expr_pool: Vec::with_capacity(cap / 4),
            stmt_pool: Vec::with_capacity(cap / 8),
            field_pool: Vec::new(),
            decl_pool: Vec::new(),
            name_pool: Vec::new(),
        }
    }

    // ---- arena access ----

    #[inline]
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.index()]
    }
    #[inline]
    pub fn expr_mut(&mut self, id: ExprId) -> &mut Expr {
        &mut self.exprs[id.index()]
    }
    #[inline]
    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.index()]
    }
    #[inline]
    pub fn stmt_mut(&mut self, id: StmtId) -> &mut Stmt {
        &mut self.stmts[id.index()]
    }
    #[inline]
    pub fn field(&self, id: FieldId) -> &Field {
        &self.fields[id.index()]
    }
    #[inline]
    pub fn field_mut(&mut self, id: FieldId) -> &mut Field {
        &mut self.fields[id.index()]
    }
    #[inline]
    pub fn decl(&self, id: DeclId) -> &Decl {
        &self.decl_arena[id.index()]
    }

    pub fn exprs_of(&self, l: List<ExprId>) -> &[ExprId] {
        &self.expr_pool[l.range()]
    }
    pub fn stmts_of(&self, l: List<StmtId>) -> &[StmtId] {
        &self.stmt_pool[l.range()]
    }
    pub fn fields_of(&self, l: List<FieldId>) -> &[FieldId] {
        &self.field_pool[l.range()]
    }
    pub fn decls_of(&self, l: List<DeclId>) -> &[DeclId] {
        &self.decl_pool[l.range()]
    }
    pub fn names_of(&self, l: List<Name>) -> &[Name] {
        &self.name_pool[l.range()]
    }

    pub(crate) fn push_expr(&mut self, pos: Pos, kind: ExprKind) -> ExprId {
        let id = ExprId::from_index(self.exprs.len());
        self.exprs.push(Expr { pos, kind });
        id
    }
    pub(crate) fn push_stmt(&mut self, pos: Pos, kind: StmtKind) -> StmtId {
        let id = StmtId::from_index(self.stmts.len());
        self.stmts.push(Stmt { pos, kind });
        id
    }
    pub(crate) fn push_field(&mut self, field: Field) -> FieldId {
        let id = FieldId::from_index(self.fields.len());
        self.fields.push(field);
        id
    }
    pub(crate) fn push_decl(&mut self, pos: Pos, kind: DeclKind) -> DeclId {
        let id = DeclId::from_index(self.decl_arena.len());
        self.decl_arena.push(Decl { pos, kind });
        id
    }

    // ---- names and literals ----

    /// The text of a name (`_` for an invented one).
    pub fn name_str(&self, n: Name) -> &str {
        if n.len == 0 {
            return "_";
        }
        let b = &self.src[n.pos as usize..(n.pos + n.len) as usize];
        // Identifiers are checked UTF-8 by the scanner; fall back for safety.
        std::str::from_utf8(b).unwrap_or("_")
    }

    /// The source text of a literal expression (lossy if malformed UTF-8).
    pub fn lit_text(&self, id: ExprId) -> std::borrow::Cow<'_, str> {
        let e = self.expr(id);
        match e.kind {
            ExprKind::BasicLit { end, .. } => String::from_utf8_lossy(&self.src[e.pos as usize..end as usize]),
            _ => "".into(),
        }
    }

    /// The position table, for printing positions of this file.
    pub fn pos_table(&self) -> PosTable {
        PosTable::new(self.filename.clone(), &self.src, self.line_bases.clone())
    }

    /// Strips parentheses (gc's `Unparen`).
    pub fn unparen(&self, mut x: ExprId) -> ExprId {
        while let ExprKind::Paren(inner) = self.expr(x).kind {
            x = inner;
        }
        x
    }

    /// The elements of `x` if it is a `List` expression, else `[x]` (gc's
    /// `UnpackListExpr`).
    pub fn unpack_list(&self, x: Option<ExprId>) -> Vec<ExprId> {
        match x {
            None => Vec::new(),
            Some(x) => match self.expr(x).kind {
                ExprKind::List(l) => self.exprs_of(l).to_vec(),
                _ => vec![x],
            },
        }
    }

    /// The leftmost position of an expression (gc's `StartPos`).
    pub fn start_pos(&self, mut x: ExprId) -> Pos {
        loop {
            let e = self.expr(x);
            x = match e.kind {
                ExprKind::CompositeLit { typ: Some(t), .. } => t,
                ExprKind::KeyValue { key, .. } => key,
                ExprKind::Selector { x, .. }
                | ExprKind::Index { x, .. }
                | ExprKind::Assert { x, .. } => x,
                ExprKind::TypeSwitchGuard { lhs: Some(n), .. } => return n.pos,
                ExprKind::TypeSwitchGuard { x, .. } => x,
                ExprKind::Operation { x, y: Some(_), .. } => x,
                ExprKind::Call { fun, .. } => fun,
                ExprKind::List(l) if !l.is_empty() => self.exprs_of(l)[0],
                _ => return e.pos,
            }
        }
    }
}
