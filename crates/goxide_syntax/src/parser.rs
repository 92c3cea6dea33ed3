//! The parser: tokens to a [`File`], with gc's error recovery and words.
//!
//! A recursive-descent port of gc's `cmd/compile/internal/syntax/parser.go`
//! (go1.27). The productions, their order of checks, the `xnest`
//! composite-literal rule, the type-parameter/array disambiguation
//! (`extract_name`), the parameter-list type distribution, the `advance`
//! follow sets, and every message are gc's, because gc's first diagnostic
//! is our contract. What differs is storage (arenas, see `ast.rs`) and how
//! lists are built: elements are pushed on a scratch stack and moved into
//! the file's pool when the list closes, so nested lists need no
//! allocation of their own.
//!
//! Directives: comments are reported by the scanner in `Directives` mode;
//! `//line` and `/*line*/` become [`LineBase`]s (gc's `updateBase`),
//! `//go:` directives accumulate into the pending pragma, which the next
//! declaration takes or which is reported as misplaced (gc's noder
//! `pragma` handler, in `directive.rs`).
//!
//! Invariants: the parser always makes progress (every error path either
//! consumes a token or returns to a caller that does), never panics, and
//! returns a tree for any input; a file without a valid package clause
//! yields a `File` with no declarations.

use std::sync::Arc;

use crate::ast::*;
use crate::branches::check_branches;
use crate::directive::{self, PendingPragma};
use crate::pos::{LineBase, Pos, POS_MAX};
use crate::printer;
use crate::scanner::{CommentMode, Scanner};
use crate::token::{self, LitKind, Operator, Token, TokenSet};
use crate::Diagnostic;

/// Parsing options.
#[derive(Clone, Copy, Debug)]
pub struct Mode {
    /// Check labels and branch statements (gc's `CheckBranches`, which gc's
    /// compiler always sets).
    pub check_branches: bool,
    /// Keep every comment in `File::comments`.
    pub keep_comments: bool,
    /// How `//go:` directives are judged (gc's noder flags).
    pub directives: directive::Policy,
}

impl Default for Mode {
    fn default() -> Mode {
        Mode { check_branches: true, keep_comments: false, directives: directive::Policy::default() }
    }
}

/// Parses `src` as the file `filename`. Returns the tree and the
/// diagnostics in the order gc reports them (see [`crate::report`]).
pub fn parse(filename: Arc<str>, src: &[u8], mode: Mode) -> (File, Vec<Diagnostic>) {
    let src: Arc<[u8]> = Arc::from(src);
    let mut p = Parser::new(filename, src.clone(), mode);
    // Safety: `src` is kept alive by `p.f.src`; the scanner borrows it for
    // the parser's lifetime only.
    p.next();
    p.file();
    let Parser { f, errors, .. } = p;
    let diags = crate::report::diagnostics(&f, errors);
    (f, diags)
}

const STOPSET: TokenSet = Token::Break.bit()
    | Token::Const.bit()
    | Token::Continue.bit()
    | Token::Defer.bit()
    | Token::Fallthrough.bit()
    | Token::For.bit()
    | Token::Go.bit()
    | Token::Goto.bit()
    | Token::If.bit()
    | Token::Return.bit()
    | Token::Select.bit()
    | Token::Switch.bit()
    | Token::Type.bit()
    | Token::Var.bit();

/// A parameter while its list is being read: gc's `*Field` with a type that
/// may still be missing.
#[derive(Clone, Copy)]
struct Param {
    pos: Pos,
    name: Option<Name>,
    typ: Option<ExprId>,
}

pub(crate) struct Parser {
    s: Scanner<'static>,
    pub(crate) f: File,
    mode: Mode,
    /// Raw errors in report order: offset, message.
    pub(crate) errors: Vec<(Pos, String)>,
    /// Errors reported by the parser and scanner themselves (gc's
    /// `errcnt`). Branch-check and directive errors go to gc's handler
    /// directly and are not counted: they neither suppress the branch
    /// check of an enclosing function nor stop the parse.
    errcnt: usize,
    pragma: Option<PendingPragma>,
    top: bool,
    fnest: i32,
    xnest: i32,
    group_count: u32,
    // Scratch stacks for lists under construction.
    xs: Vec<ExprId>,
    ss: Vec<StmtId>,
    fs: Vec<FieldId>,
    ds: Vec<DeclId>,
    ns: Vec<Name>,
}

impl Parser {
    fn new(filename: Arc<str>, src: Arc<[u8]>, mode: Mode) -> Parser {
        // The scanner borrows the source that the File owns. The Arc keeps
        // the bytes at a fixed address for the parser's whole life, and the
        // scanner never outlives the parser (it is dropped with it), so
        // extending the borrow is sound.
        let bytes: &'static [u8] = unsafe { std::mem::transmute::<&[u8], &'static [u8]>(&src[..]) };
        let comment_mode = if mode.keep_comments { CommentMode::All } else { CommentMode::Directives };
        Parser {
            s: Scanner::new(bytes, comment_mode),
            f: File::new(filename, src),
            mode,
            errors: Vec::new(),
            errcnt: 0,
            pragma: None,
            top: true,
            fnest: 0,
            xnest: 0,
            group_count: 0,
            xs: Vec::new(),
            ss: Vec::new(),
            fs: Vec::new(),
            ds: Vec::new(),
            ns: Vec::new(),
        }
    }

    // ------------------------------------------------------------------
    // Tokens

    #[inline]
    fn tok(&self) -> Token {
        self.s.tok
    }

    #[inline]
    fn pos(&self) -> Pos {
        self.s.pos
    }

    /// Advances the scanner and handles what it reported on the way:
    /// errors and directive comments, merged in source order.
    fn next(&mut self) {
        self.s.next();
        if self.s.errors.is_empty() && self.s.comments.is_empty() {
            return;
        }
        let errors = std::mem::take(&mut self.s.errors);
        let comments = std::mem::take(&mut self.s.comments);
        let (mut ei, mut ci) = (0, 0);
        while ei < errors.len() || ci < comments.len() {
            let take_err = ci >= comments.len() || (ei < errors.len() && errors[ei].pos <= comments[ci].pos);
            if take_err {
                let e = &errors[ei];
                self.error_at(e.pos, e.msg.clone());
                ei += 1;
            } else {
                let c = comments[ci];
                self.comment(c);
                ci += 1;
            }
        }
        let mut errors = errors;
        errors.clear();
        self.s.errors = errors;
        let mut comments = comments;
        comments.clear();
        self.s.comments = comments;
    }

    /// A comment from the scanner: keep it, and act on `//line` and `//go:`.
    fn comment(&mut self, c: crate::scanner::Comment) {
        if self.mode.keep_comments {
            self.f.comments.push(c);
        }
        let src = self.f.src.clone();
        let msg = &src[c.pos as usize..c.end as usize];
        if msg.len() < 2 {
            return;
        }
        let text = comment_text(msg);
        let is_block = msg[1] == b'*';
        let at_line_start = c.pos == 0 || src[c.pos as usize - 1] == b'\n';
        if (at_line_start || is_block) && text.starts_with(b"line ") {
            let after = if is_block {
                c.end
            } else {
                // The line after the comment.
                match src[c.end as usize..].iter().position(|&b| b == b'\n') {
                    Some(i) => c.end + i as u32 + 1,
                    None => src.len() as u32,
                }
            };
            // A /*line*/ comment spanning lines is no directive.
            if is_block && msg.contains(&b'\n') {
                return;
            }
            self.update_base(after, c.pos + 2 + 5, &text[5..]);
            return;
        }
        if text.starts_with(b"go:") {
            if self.top && msg.starts_with(b"//go:build") {
                if let Ok(x) = crate::constraint::parse(msg) {
                    self.f.go_version = crate::constraint::go_version(&x);
                }
            }
            let text = String::from_utf8_lossy(text).into_owned();
            let blank = line_blank_before(&src, c.pos);
            directive::on_directive(self, c.pos + 2, blank, text);
        }
    }

    /// gc's `updateBase`: `text` follows `line ` at offset `tpos`.
    fn update_base(&mut self, at: Pos, tpos: Pos, text: &[u8]) {
        let text = String::from_utf8_lossy(text).into_owned();
        let Some((i, n, ok)) = trailing_digits(&text) else { return };
        if !ok {
            self.error_at(tpos + i as u32, format!("invalid line number: {}", &text[i..]));
            return;
        }
        let mut i = i;
        let line;
        let mut col = 0;
        let mut text = text.as_str();
        let two = trailing_digits(&text[..i - 1]);
        let with_col = matches!(two, Some((_, _, true)));
        if let Some((j, n2, true)) = two {
            // //line filename:line:col
            let i2 = i;
            i = j;
            line = n2;
            col = n;
            if col == 0 || col > POS_MAX as u64 {
                self.error_at(tpos + i2 as u32, format!("invalid column number: {}", &text[i2..]));
                return;
            }
            text = &text[..i2 - 1];
        } else {
            line = n;
        }
        if line == 0 || line > POS_MAX as u64 {
            self.error_at(tpos + i as u32, format!("invalid line number: {}", &text[i..]));
            return;
        }
        let mut filename = text[..i - 1].to_string();
        if filename.is_empty() && with_col {
            filename = match self.f.line_bases.last() {
                Some(b) => b.filename.to_string(),
                None => self.f.filename.to_string(),
            };
        } else if !filename.is_empty() {
            filename = clean_path(&filename);
            if !filename.starts_with('/') {
                let own = &*self.f.filename;
                if let Some(slash) = own.rfind('/') {
                    let dir = &own[..slash];
                    let dir = if dir.is_empty() { "/" } else { dir };
                    if clean_path(dir) != "." {
                        filename = clean_path(&format!("{dir}/{filename}"));
                    }
                }
            }
        }
        self.f.line_bases.push(LineBase { at, filename: filename.into(), line: line as u32, col: col as u32 });
    }

    fn got(&mut self, tok: Token) -> bool {
        if self.tok() == tok {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, tok: Token) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tokstring(tok)));
            self.advance(&[]);
        }
    }

    /// `=`, or `:=` with a complaint (gc's `gotAssign`).
    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Token::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Token::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    // ------------------------------------------------------------------
    // Errors

    /// A parser or scanner error (gc's `errorAt`).
    pub(crate) fn error_at(&mut self, pos: Pos, msg: String) {
        self.errcnt += 1;
        self.errors.push((pos, msg));
    }

    /// An error from the branch check or a directive, which gc reports
    /// through its error handler without counting it as a parse error.
    pub(crate) fn report_at(&mut self, pos: Pos, msg: String) {
        self.errors.push((pos, msg));
    }

    fn error(&mut self, msg: &str) {
        let pos = self.pos();
        self.error_at(pos, msg.to_string());
    }

    fn syntax_error(&mut self, msg: &str) {
        let pos = self.pos();
        self.syntax_error_at(pos, msg);
    }

    fn syntax_error_at(&mut self, pos: Pos, msg: &str) {
        if self.tok() == Token::Eof && self.errcnt > 0 {
            return; // avoid meaningless follow-up errors
        }
        let suffix = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            // plain error - we don't care about current token
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let tok = match self.tok() {
            Token::Name => format!("name {}", String::from_utf8_lossy(self.s.text())),
            Token::Semi => self.s.semi.to_string(),
            Token::Literal => format!("literal {}", String::from_utf8_lossy(self.s.text())),
            Token::Operator => self.s.op.as_str().to_string(),
            Token::AssignOp => format!("{}=", self.s.op.as_str()),
            Token::IncOp => format!("{0}{0}", self.s.op.as_str()),
            t => tokstring(t),
        };
        self.error_at(pos, format!("syntax error: unexpected {tok}{suffix}"));
    }

    /// Skips tokens until one in `followlist` (plus the statement keywords
    /// inside functions) or EOF; with an empty list, skips exactly one.
    fn advance(&mut self, followlist: &[Token]) {
        let mut followset: TokenSet = Token::Eof.bit();
        if !followlist.is_empty() {
            if self.fnest > 0 {
                followset |= STOPSET;
            }
            for &t in followlist {
                followset |= t.bit();
            }
        }
        while !token::contains(followset, self.tok()) {
            self.next();
            if followlist.is_empty() {
                break;
            }
        }
    }

    /// A position as gc's `Pos.String` prints it inside messages:
    /// `file:line:col`, and `[file:line:col]` of the file itself after it
    /// when a line directive makes them differ.
    pub(crate) fn pos_string(&self, pos: Pos) -> String {
        let t = crate::pos::PosTable::new(self.f.filename.clone(), &self.f.src, self.f.line_bases.clone());
        let rel = t.relative(pos);
        let abs = t.absolute(pos);
        if rel == abs { rel.to_string() } else { format!("{rel}[{abs}]") }
    }

    // ------------------------------------------------------------------
    // Pragmas

    fn take_pragma(&mut self) -> Option<PragmaId> {
        let p = self.pragma.take()?;
        let id = self.f.pragmas.len() as PragmaId;
        self.f.pragmas.push(p.pragma);
        Some(id)
    }

    pub(crate) fn pending_pragma(&mut self) -> &mut Option<PendingPragma> {
        &mut self.pragma
    }

    pub(crate) fn policy(&self) -> &directive::Policy {
        &self.mode.directives
    }

    /// A pragma that no declaration took is reported as misplaced.
    fn clear_pragma(&mut self) {
        if let Some(p) = self.pragma.take() {
            directive::check_unused(self, &p);
        }
    }

    // ------------------------------------------------------------------
    // Lists

    fn finish_exprs(&mut self, mark: usize) -> List<ExprId> {
        move_to_pool(&mut self.xs, mark, &mut self.f.expr_pool)
    }
    fn finish_stmts(&mut self, mark: usize) -> List<StmtId> {
        move_to_pool(&mut self.ss, mark, &mut self.f.stmt_pool)
    }
    fn finish_fields(&mut self, mark: usize) -> List<FieldId> {
        move_to_pool(&mut self.fs, mark, &mut self.f.field_pool)
    }
    fn finish_decls(&mut self, mark: usize) -> List<DeclId> {
        move_to_pool(&mut self.ds, mark, &mut self.f.decl_pool)
    }
    fn finish_names(&mut self, mark: usize) -> List<Name> {
        move_to_pool(&mut self.ns, mark, &mut self.f.name_pool)
    }

    /// gc's `list`: `[ f { sep f } [sep] ] close`; returns the position of
    /// the closing token.
    fn list(&mut self, context: &str, sep: Token, close: Token, mut f: impl FnMut(&mut Self) -> bool) -> Pos {
        let mut done = false;
        while self.tok() != Token::Eof && self.tok() != close && !done {
            done = f(self);
            // sep is optional before close
            if !self.got(sep) && self.tok() != close {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    tokstring(sep),
                    tokstring(close)
                ));
                self.advance(&[Token::Rparen, Token::Rbrack, Token::Rbrace]);
                if self.tok() != close {
                    // position could be better but we had an error so we don't care
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    // ------------------------------------------------------------------
    // Nodes

    fn expr_node(&mut self, pos: Pos, kind: ExprKind) -> ExprId {
        self.f.push_expr(pos, kind)
    }

    fn bad_expr(&mut self) -> ExprId {
        let pos = self.pos();
        self.f.push_expr(pos, ExprKind::Bad)
    }

    fn stmt_node(&mut self, pos: Pos, kind: StmtKind) -> StmtId {
        self.f.push_stmt(pos, kind)
    }

    // ------------------------------------------------------------------
    // Package files

    /// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
    fn file(&mut self) {
        self.f.pos = self.pos();
        self.top = false;
        if !self.got(Token::Package) {
            self.syntax_error("package statement must be first");
            self.f.eof = self.pos();
            return;
        }
        self.f.pragma = self.take_pragma();
        self.f.pkg_name = self.name();
        self.want(Token::Semi);

        // don't bother continuing if package clause has errors
        if self.errcnt > 0 {
            self.f.eof = self.pos();
            return;
        }

        let mark = self.ds.len();
        let mut prev = Token::Import;
        while self.tok() != Token::Eof {
            if self.tok() == Token::Import && prev != Token::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok();

            match self.tok() {
                Token::Import => {
                    self.next();
                    self.append_group(Self::import_decl);
                }
                Token::Const => {
                    self.next();
                    self.append_group(Self::const_decl);
                }
                Token::Type => {
                    self.next();
                    self.append_group(Self::type_decl);
                }
                Token::Var => {
                    self.next();
                    self.append_group(Self::var_decl);
                }
                Token::Func => {
                    self.next();
                    let d = self.func_decl();
                    self.ds.push(d);
                }
                _ => {
                    let last_is_empty_func = self.ds.len() > mark
                        && matches!(
                            self.f.decl(*self.ds.last().unwrap()).kind,
                            DeclKind::Func { body: None, .. }
                        );
                    if self.tok() == Token::Lbrace && last_is_empty_func {
                        // opening { of function declaration on next line
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Token::Import, Token::Const, Token::Type, Token::Var, Token::Func]);
                    continue;
                }
            }

            // Reset the pragma BEFORE advancing to the next token (consuming
            // ';') since comments before may set pragmas for the next decl.
            self.clear_pragma();

            if self.tok() != Token::Eof && !self.got(Token::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Token::Import, Token::Const, Token::Type, Token::Var, Token::Func]);
            }
        }
        self.clear_pragma();
        self.f.decls = self.finish_decls(mark);
        self.f.eof = self.pos();
    }

    // ------------------------------------------------------------------
    // Declarations

    /// appendGroup(f) = f | "(" { f ";" } ")" . Pushes onto `ds`.
    fn append_group(&mut self, f: fn(&mut Self, Option<u32>) -> Option<DeclId>) {
        if self.tok() == Token::Lparen {
            self.group_count += 1;
            let g = self.group_count;
            self.clear_pragma();
            self.next(); // must consume "(" after calling clear_pragma!
            self.list("grouped declaration", Token::Semi, Token::Rparen, |p| {
                if let Some(d) = f(p, Some(g)) {
                    p.ds.push(d);
                }
                false
            });
        } else if let Some(d) = f(self, None) {
            self.ds.push(d);
        }
    }

    /// ImportSpec = [ "." | PackageName ] ImportPath .
    fn import_decl(&mut self, group: Option<u32>) -> Option<DeclId> {
        let pos = self.pos();
        let pragma = self.take_pragma();
        let local_name = match self.tok() {
            Token::Name => Some(self.name()),
            Token::Dot => {
                let n = Name { pos: self.pos(), len: 1 };
                self.next();
                Some(n)
            }
            _ => None,
        };
        let path = self.oliteral();
        match path {
            None => {
                self.syntax_error("missing import path");
                self.advance(&[Token::Semi, Token::Rparen]);
            }
            Some(lit) => {
                if let ExprKind::BasicLit { kind, bad, end } = self.f.expr(lit).kind {
                    if !bad && kind != LitKind::String {
                        let lpos = self.f.expr(lit).pos;
                        self.syntax_error_at(lpos, "import path must be a string");
                        self.f.expr_mut(lit).kind = ExprKind::BasicLit { kind, bad: true, end };
                    }
                }
            }
        }
        Some(self.f.push_decl(pos, DeclKind::Import { group, pragma, local_name, path }))
    }

    /// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
    fn const_decl(&mut self, group: Option<u32>) -> Option<DeclId> {
        let pos = self.pos();
        let pragma = self.take_pragma();
        let first = self.name();
        let names = self.name_list(first);
        let (mut typ, mut values) = (None, None);
        if !matches!(self.tok(), Token::Eof | Token::Semi | Token::Rparen) {
            typ = self.type_or_nil();
            if self.got_assign() {
                values = Some(self.expr_list());
            }
        }
        Some(self.f.push_decl(pos, DeclKind::Const { group, pragma, names, typ, values }))
    }

    /// TypeSpec = identifier [ TypeParams ] [ "=" ] Type .
    fn type_decl(&mut self, group: Option<u32>) -> Option<DeclId> {
        let pos = self.pos();
        let pragma = self.take_pragma();
        let name = self.name();
        let mut tparams = List::EMPTY;
        let mut alias = false;
        let typ;
        if self.tok() == Token::Lbrack {
            // array/slice type or type parameter list
            let lpos = self.pos();
            self.next();
            match self.tok() {
                Token::Name => {
                    let n = self.name();
                    let mut x = self.expr_node(n.pos, ExprKind::Name(n));
                    if self.tok() != Token::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok() == Token::Comma;
                    match self.extract_name(x, force) {
                        (Some(pname), ptype) if ptype.is_some() || self.tok() != Token::Rbrack => {
                            tparams = self.param_list(Some(pname), ptype, Token::Rbrack, true, false);
                            alias = self.got_assign();
                            typ = self.type_or_nil();
                        }
                        _ => typ = Some(self.array_type(lpos, Some(x))),
                    }
                }
                Token::Rbrack => {
                    self.next();
                    typ = Some(self.slice_type(lpos));
                }
                _ => typ = Some(self.array_type(lpos, None)),
            }
        } else {
            alias = self.got_assign();
            typ = self.type_or_nil();
        }
        let typ = match typ {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(&[Token::Semi, Token::Rparen]);
                t
            }
        };
        Some(self.f.push_decl(pos, DeclKind::Type { group, pragma, name, tparams, alias, typ }))
    }

    /// gc's `extractName`: splits `x` into a type parameter name and its
    /// constraint if `x` can be read that way.
    fn extract_name(&mut self, x: ExprId, force: bool) -> (Option<Name>, Option<ExprId>) {
        let e = self.f.expr(x).clone();
        match e.kind {
            ExprKind::Name(n) => return (Some(n), None),
            ExprKind::Operation { op, x: lhs, y: Some(rhs) } => match op {
                Operator::Mul => {
                    if let ExprKind::Name(n) = self.f.expr(lhs).kind {
                        if force || self.is_type_elem(rhs) {
                            // x = name *x.Y
                            let t = self.expr_node(e.pos, ExprKind::Operation { op, x: rhs, y: None });
                            return (Some(n), Some(t));
                        }
                    }
                }
                Operator::Or => {
                    let f2 = force || self.is_type_elem(rhs);
                    if let (Some(n), Some(l)) = self.extract_name(lhs, f2) {
                        // x = name lhs|x.Y
                        let t = self.expr_node(e.pos, ExprKind::Operation { op, x: l, y: Some(rhs) });
                        return (Some(n), Some(t));
                    }
                }
                _ => {}
            },
            ExprKind::Call { fun, args, has_dots } => {
                if let ExprKind::Name(n) = self.f.expr(fun).kind {
                    if args.len() == 1 && !has_dots {
                        let a = self.f.exprs_of(args)[0];
                        if force || self.is_type_elem(a) {
                            // x = name (x.ArgList[0]) without the parentheses
                            return (Some(n), Some(self.f.unparen(a)));
                        }
                    }
                }
            }
            _ => {}
        }
        (None, Some(x))
    }

    /// Whether `x` is certainly a type element (gc's `isTypeElem`).
    fn is_type_elem(&self, x: ExprId) -> bool {
        match self.f.expr(x).kind {
            ExprKind::ArrayType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType { .. }
            | ExprKind::InterfaceType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => true,
            ExprKind::Operation { op, x, y } => {
                self.is_type_elem(x) || y.is_some_and(|y| self.is_type_elem(y)) || op == Operator::Tilde
            }
            ExprKind::Paren(x) => self.is_type_elem(x),
            _ => false,
        }
    }

    /// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
    fn var_decl(&mut self, group: Option<u32>) -> Option<DeclId> {
        let pos = self.pos();
        let pragma = self.take_pragma();
        let first = self.name();
        let names = self.name_list(first);
        let (mut typ, mut values) = (None, None);
        if self.got_assign() {
            values = Some(self.expr_list());
        } else {
            typ = Some(self.type_());
            if self.got_assign() {
                values = Some(self.expr_list());
            }
        }
        Some(self.f.push_decl(pos, DeclKind::Var { group, pragma, names, typ, values }))
    }

    /// FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) .
    /// MethodDecl   = "func" Receiver MethodName ( Function | Signature ) .
    fn func_decl(&mut self) -> DeclId {
        let pos = self.pos();
        let pragma = self.take_pragma();

        let mut recv = None;
        let mut has_recv = false;
        if self.got(Token::Lparen) {
            has_recv = true;
            let rcvr = self.param_list(None, None, Token::Rparen, false, false);
            match rcvr.len() {
                0 => self.error("method has no receiver"),
                1 => recv = Some(self.f.fields_of(rcvr)[0]),
                _ => {
                    self.error("method has multiple receivers");
                    recv = Some(self.f.fields_of(rcvr)[0]);
                }
            }
        }

        let (name, tparams, typ);
        if self.tok() == Token::Name {
            name = self.name();
            (tparams, typ) = self.func_type("");
        } else {
            name = Name::blank_at(self.pos());
            tparams = List::EMPTY;
            let p = self.pos();
            typ = self.expr_node(p, ExprKind::FuncType { params: List::EMPTY, results: List::EMPTY });
            let msg = if has_recv { "expected name" } else { "expected name or (" };
            self.syntax_error(msg);
            self.advance(&[Token::Lbrace, Token::Semi]);
        }

        let body = if self.tok() == Token::Lbrace { Some(self.func_body()) } else { None };
        self.f.push_decl(pos, DeclKind::Func { pragma, recv, name, tparams, typ, body })
    }

    fn func_body(&mut self) -> StmtId {
        self.fnest += 1;
        let errcnt = self.errcnt;
        let body = self.block_stmt("");
        self.fnest -= 1;
        // Don't check branches if there were syntax errors in the function
        // as it may lead to spurious errors.
        if self.mode.check_branches && errcnt == self.errcnt {
            check_branches(self, body);
        }
        body
    }

    // ------------------------------------------------------------------
    // Expressions

    fn expr(&mut self) -> ExprId {
        self.binary_expr(None, 0)
    }

    /// Expression = UnaryExpr | Expression binary_op Expression .
    fn binary_expr(&mut self, x: Option<ExprId>, prec: u8) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        while matches!(self.tok(), Token::Operator | Token::Star) && self.s.prec > prec {
            let pos = self.pos();
            let op = self.s.op;
            let tprec = self.s.prec;
            self.next();
            let y = self.binary_expr(None, tprec);
            x = self.expr_node(pos, ExprKind::Operation { op, x, y: Some(y) });
        }
        x
    }

    /// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
    fn unary_expr(&mut self) -> ExprId {
        match self.tok() {
            Token::Operator | Token::Star => match self.s.op {
                Operator::Mul | Operator::Add | Operator::Sub | Operator::Not | Operator::Xor | Operator::Tilde => {
                    let pos = self.pos();
                    let op = self.s.op;
                    self.next();
                    let x = self.unary_expr();
                    return self.expr_node(pos, ExprKind::Operation { op, x, y: None });
                }
                Operator::And => {
                    let pos = self.pos();
                    self.next();
                    // unary_expr may have returned a parenthesized composite
                    // literal - remove parentheses if any
                    let u = self.unary_expr();
                    let x = self.f.unparen(u);
                    return self.expr_node(pos, ExprKind::Operation { op: Operator::And, x, y: None });
                }
                _ => {}
            },
            Token::Arrow => {
                // receive op (<-x) or receive-only channel (<-chan E)
                let pos = self.pos();
                self.next();
                let x = self.unary_expr();
                if matches!(self.f.expr(x).kind, ExprKind::ChanType { .. }) {
                    // x is a channel type => re-associate <-
                    let mut dir = ChanDir::SendOnly;
                    let mut t = x;
                    while dir == ChanDir::SendOnly {
                        let ExprKind::ChanType { dir: d, elem } = self.f.expr(t).kind else { break };
                        dir = d;
                        if dir == ChanDir::RecvOnly {
                            // t is type <-chan E but <-<-chan E is not permitted
                            self.syntax_error("unexpected <-, expected chan");
                        }
                        self.f.expr_mut(t).kind = ExprKind::ChanType { dir: ChanDir::RecvOnly, elem };
                        t = elem;
                    }
                    if dir == ChanDir::SendOnly {
                        // channel dir is <- but channel element E is not a channel
                        let s = printer::expr_string(&self.f, t);
                        self.syntax_error(&format!("unexpected {s}, expected chan"));
                    }
                    return x;
                }
                // x is not a channel type => we have a receive op
                return self.expr_node(pos, ExprKind::Operation { op: Operator::Recv, x, y: None });
            }
            _ => {}
        }
        self.pexpr(None, true)
    }

    /// callStmt parses call-like statements that can be preceded by 'defer' and 'go'.
    fn call_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let tok = self.tok();
        self.next();
        let keep = self.tok() == Token::Lparen;
        let mut x = self.pexpr(None, keep); // keep_parens so we can report error below
        let t = self.f.unparen(x);
        if t != x {
            let xpos = self.f.expr(x).pos;
            self.error_at(xpos, format!("expression in {} must not be parenthesized", tok.as_str()));
            x = t;
        }
        self.stmt_node(pos, StmtKind::Call { tok, call: x })
    }

    /// Operand = Literal | OperandName | MethodExpr | "(" Expression ")" .
    fn operand(&mut self, mut keep_parens: bool) -> ExprId {
        match self.tok() {
            Token::Name => {
                let n = self.name();
                self.expr_node(n.pos, ExprKind::Name(n))
            }
            Token::Literal => self.oliteral().expect("literal"),
            Token::Lparen => {
                let pos = self.pos();
                self.next();
                self.xnest += 1;
                let mut x = self.expr();
                self.xnest -= 1;
                self.want(Token::Rparen);
                // Parentheses are not permitted around T in a composite
                // literal T{}; keep them if { follows so we can complain.
                if self.tok() == Token::Lbrace {
                    keep_parens = true;
                }
                if keep_parens {
                    x = self.expr_node(pos, ExprKind::Paren(x));
                }
                x
            }
            Token::Func => {
                let pos = self.pos();
                self.next();
                let (_, ftyp) = self.func_type("function type");
                if self.tok() == Token::Lbrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.expr_node(pos, ExprKind::FuncLit { typ: ftyp, body });
                }
                ftyp
            }
            Token::Lbrack | Token::Chan | Token::Map | Token::Struct | Token::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Token::Rparen, Token::Rbrack, Token::Rbrace]);
                x
            }
        }
    }

    /// PrimaryExpr with selectors, indices, slices, assertions, calls, and
    /// composite literals.
    fn pexpr(&mut self, x: Option<ExprId>, keep_parens: bool) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(keep_parens),
        };
        loop {
            let pos = self.pos();
            match self.tok() {
                Token::Dot => {
                    self.next();
                    match self.tok() {
                        Token::Name => {
                            let sel = self.name();
                            x = self.expr_node(pos, ExprKind::Selector { x, sel });
                        }
                        Token::Lparen => {
                            self.next();
                            if self.got(Token::Type) {
                                x = self.expr_node(pos, ExprKind::TypeSwitchGuard { lhs: None, x });
                            } else {
                                let typ = self.type_();
                                x = self.expr_node(pos, ExprKind::Assert { x, typ });
                            }
                            self.want(Token::Rparen);
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Token::Semi, Token::Rparen]);
                        }
                    }
                }
                Token::Lbrack => {
                    self.next();
                    let mut i = None;
                    if self.tok() != Token::Colon {
                        let mut comma = false;
                        let idx;
                        if self.tok() == Token::Rbrack {
                            // invalid empty instance, slice or index expression; accept but complain
                            self.syntax_error("expected operand");
                            idx = self.bad_expr();
                        } else {
                            (idx, comma) = self.type_list(false);
                        }
                        i = Some(idx);
                        if comma || self.tok() == Token::Rbrack {
                            self.want(Token::Rbrack);
                            // x[], x[i,] or x[i, j, ...]
                            x = self.expr_node(pos, ExprKind::Index { x, index: idx });
                            continue;
                        }
                    }
                    // x[i:...
                    if !self.got(Token::Colon) {
                        self.syntax_error("expected comma, : or ]");
                        self.advance(&[Token::Comma, Token::Colon, Token::Rbrack]);
                    }
                    self.xnest += 1;
                    let mut index = [i, None, None];
                    let mut full = false;
                    if self.tok() != Token::Colon && self.tok() != Token::Rbrack {
                        // x[i:j...
                        index[1] = Some(self.expr());
                    }
                    if self.tok() == Token::Colon {
                        full = true;
                        // x[i:j:...]
                        if index[1].is_none() {
                            self.error("middle index required in 3-index slice");
                            index[1] = Some(self.bad_expr());
                        }
                        self.next();
                        if self.tok() != Token::Rbrack {
                            // x[i:j:k...
                            index[2] = Some(self.expr());
                        } else {
                            self.error("final index required in 3-index slice");
                            index[2] = Some(self.bad_expr());
                        }
                    }
                    self.xnest -= 1;
                    self.want(Token::Rbrack);
                    x = self.expr_node(pos, ExprKind::Slice { x, index, full });
                }
                Token::Lparen => {
                    self.next();
                    let (args, has_dots) = self.arg_list();
                    x = self.expr_node(pos, ExprKind::Call { fun: x, args, has_dots });
                }
                Token::Lbrace => {
                    // operand may have returned a parenthesized complit
                    // type; accept it but complain if we have a complit
                    let t = self.f.unparen(x);
                    // determine if '{' belongs to a composite literal or a block statement
                    let complit_ok = match self.f.expr(t).kind {
                        ExprKind::Name(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !self.is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType { .. }
                        | ExprKind::StructType { .. }
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if t != x {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit_expr(Some(x));
                }
                _ => break,
            }
        }
        x
    }

    /// Whether `x` syntactically must be a value, not a type (gc's `isValue`).
    fn is_value(&self, x: ExprId) -> bool {
        match self.f.expr(x).kind {
            ExprKind::BasicLit { .. }
            | ExprKind::CompositeLit { .. }
            | ExprKind::FuncLit { .. }
            | ExprKind::Slice { .. }
            | ExprKind::Assert { .. }
            | ExprKind::TypeSwitchGuard { .. }
            | ExprKind::Call { .. } => true,
            ExprKind::Operation { op, y, .. } => op != Operator::Mul || y.is_some(),
            ExprKind::Paren(x) => self.is_value(x),
            ExprKind::Index { x, index } => self.is_value(x) || self.is_value(index),
            _ => false,
        }
    }

    /// Element = Expression | LiteralValue .
    fn bare_complit_expr(&mut self) -> ExprId {
        if self.tok() == Token::Lbrace {
            return self.complit_expr(None);
        }
        self.expr()
    }

    /// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
    fn complit_expr(&mut self, typ: Option<ExprId>) -> ExprId {
        let pos = self.pos();
        self.xnest += 1;
        self.want(Token::Lbrace);
        let mark = self.xs.len();
        let mut nkeys = 0u32;
        let rbrace = self.list("composite literal", Token::Comma, Token::Rbrace, |p| {
            let mut e = p.bare_complit_expr();
            if p.tok() == Token::Colon {
                // key ':' value
                let kpos = p.pos();
                p.next();
                let value = p.bare_complit_expr();
                e = p.expr_node(kpos, ExprKind::KeyValue { key: e, value });
                nkeys += 1;
            }
            p.xs.push(e);
            false
        });
        let elems = self.finish_exprs(mark);
        self.xnest -= 1;
        self.expr_node(pos, ExprKind::CompositeLit { typ, elems, nkeys, rbrace })
    }

    // ------------------------------------------------------------------
    // Types

    fn type_(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(&[Token::Comma, Token::Colon, Token::Semi, Token::Rparen, Token::Rbrack, Token::Rbrace]);
                t
            }
        }
    }

    /// Like `type_` but returns `None` if there is no type.
    fn type_or_nil(&mut self) -> Option<ExprId> {
        let pos = self.pos();
        match self.tok() {
            Token::Star => {
                // ptrtype
                self.next();
                let t = self.type_();
                Some(self.expr_node(pos, ExprKind::Operation { op: Operator::Mul, x: t, y: None }))
            }
            Token::Arrow => {
                // recvchantype
                self.next();
                self.want(Token::Chan);
                let elem = self.chan_elem();
                Some(self.expr_node(pos, ExprKind::ChanType { dir: ChanDir::RecvOnly, elem }))
            }
            Token::Func => {
                // fntype
                self.next();
                let (_, t) = self.func_type("function type");
                Some(t)
            }
            Token::Lbrack => {
                // '[' oexpr ']' ntype | '[' _DotDotDot ']' ntype
                self.next();
                if self.got(Token::Rbrack) {
                    return Some(self.slice_type(pos));
                }
                Some(self.array_type(pos, None))
            }
            Token::Chan => {
                // _Chan non_recvchantype | _Chan _Comm ntype
                self.next();
                let dir = if self.got(Token::Arrow) { ChanDir::SendOnly } else { ChanDir::Both };
                let elem = self.chan_elem();
                Some(self.expr_node(pos, ExprKind::ChanType { dir, elem }))
            }
            Token::Map => {
                // _Map '[' ntype ']' ntype
                self.next();
                self.want(Token::Lbrack);
                let key = self.type_();
                self.want(Token::Rbrack);
                let value = self.type_();
                Some(self.expr_node(pos, ExprKind::MapType { key, value }))
            }
            Token::Struct => Some(self.struct_type()),
            Token::Interface => Some(self.interface_type()),
            Token::Name => Some(self.qualified_name(None)),
            Token::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Token::Rparen);
                // The parser doesn't keep unnecessary parentheses (gc).
                Some(t)
            }
            _ => None,
        }
    }

    fn type_instance(&mut self, typ: ExprId) -> ExprId {
        let pos = self.pos();
        self.want(Token::Lbrack);
        let index = if self.tok() == Token::Rbrack {
            self.syntax_error("expected type argument list");
            self.bad_expr()
        } else {
            self.type_list(true).0
        };
        self.want(Token::Rbrack);
        self.expr_node(pos, ExprKind::Index { x: typ, index })
    }

    /// If `context` is not empty, type parameters are not permitted.
    fn func_type(&mut self, context: &str) -> (List<FieldId>, ExprId) {
        let pos = self.pos();
        let mut tparams = List::EMPTY;
        if self.got(Token::Lbrack) {
            if !context.is_empty() {
                // accept but complain
                self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Token::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, None, Token::Rbrack, true, false);
            }
        }
        self.want(Token::Lparen);
        let params = self.param_list(None, None, Token::Rparen, false, true);
        let results = self.func_result();
        (tparams, self.expr_node(pos, ExprKind::FuncType { params, results }))
    }

    /// "[" has already been consumed, and pos is its position.
    /// If len is given it is the already consumed array length.
    fn array_type(&mut self, pos: Pos, len: Option<ExprId>) -> ExprId {
        let mut len = len;
        if len.is_none() && !self.got(Token::DotDotDot) {
            self.xnest += 1;
            len = Some(self.expr());
            self.xnest -= 1;
        }
        if self.tok() == Token::Comma {
            // Trailing commas are accepted in type parameter lists but not
            // in array type declarations. Accept but complain.
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Token::Rbrack);
        let elem = self.type_();
        self.expr_node(pos, ExprKind::ArrayType { len, elem })
    }

    /// "[" and "]" have already been consumed, and pos is the position of "[".
    fn slice_type(&mut self, pos: Pos) -> ExprId {
        let elem = self.type_();
        self.expr_node(pos, ExprKind::SliceType { elem })
    }

    fn chan_elem(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("missing channel element type");
                // assume element type is simply absent - don't advance
                t
            }
        }
    }

    /// StructType = "struct" "{" { FieldDecl ";" } "}" .
    fn struct_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Token::Struct);
        self.want(Token::Lbrace);
        let mark = self.fs.len();
        self.list("struct type", Token::Semi, Token::Rbrace, |p| {
            p.field_decl();
            false
        });
        let fields = self.finish_fields(mark);
        self.expr_node(pos, ExprKind::StructType { fields })
    }

    /// InterfaceType = "interface" "{" { ( MethodDecl | EmbeddedElem ) ";" } "}" .
    fn interface_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Token::Interface);
        self.want(Token::Lbrace);
        let mark = self.fs.len();
        self.list("interface type", Token::Semi, Token::Rbrace, |p| {
            let m = if p.tok() == Token::Name { Some(p.method_decl()) } else { None };
            let field = match m {
                Some(f) if f.name.is_some() => f,
                _ => {
                    let (fpos, t) = match m {
                        Some(f) => (f.pos, Some(f.typ)),
                        None => (p.pos(), None),
                    };
                    let typ = p.embedded_elem(t);
                    Field { pos: fpos, name: None, typ, tag: None }
                }
            };
            let id = p.f.push_field(field);
            p.fs.push(id);
            false
        });
        let methods = self.finish_fields(mark);
        self.expr_node(pos, ExprKind::InterfaceType { methods })
    }

    /// Result = Parameters | Type .
    fn func_result(&mut self) -> List<FieldId> {
        if self.got(Token::Lparen) {
            return self.param_list(None, None, Token::Rparen, false, false);
        }
        let pos = self.pos();
        if let Some(typ) = self.type_or_nil() {
            let id = self.f.push_field(Field { pos, name: None, typ, tag: None });
            let start = self.f.field_pool.len();
            self.f.field_pool.push(id);
            return List::new(start, 1);
        }
        List::EMPTY
    }

    fn add_field(&mut self, pos: Pos, name: Option<Name>, typ: ExprId, tag: Option<ExprId>) {
        let id = self.f.push_field(Field { pos, name, typ, tag });
        self.fs.push(id);
    }

    /// FieldDecl = (IdentifierList Type | AnonymousField) [ Tag ] .
    fn field_decl(&mut self) {
        let pos = self.pos();
        match self.tok() {
            Token::Name => {
                let name = self.name();
                if matches!(self.tok(), Token::Dot | Token::Literal | Token::Semi | Token::Rbrace) {
                    // embedded type
                    let typ = self.qualified_name(Some(name));
                    let tag = self.oliteral();
                    self.add_field(pos, None, typ, tag);
                    return;
                }
                // name1, name2, ... Type [ tag ]
                let mark = self.ns.len();
                self.ns.push(name);
                while self.got(Token::Comma) {
                    let n = self.name();
                    self.ns.push(n);
                }
                let typ;
                // Careful dance: We don't know if we have an embedded
                // instantiated type T[P1, P2, ...] or a field T of
                // array/slice type [P]E or []E.
                if self.ns.len() - mark == 1 && self.tok() == Token::Lbrack {
                    let t = self.array_or_targs(name);
                    if matches!(self.f.expr(t).kind, ExprKind::Index { .. }) {
                        // embedded type T[P1, P2, ...]
                        self.ns.truncate(mark);
                        let tag = self.oliteral();
                        self.add_field(pos, None, t, tag);
                        return;
                    }
                    typ = t;
                } else {
                    // T P
                    typ = self.type_();
                }
                let tag = self.oliteral();
                for i in mark..self.ns.len() {
                    let n = self.ns[i];
                    self.add_field(n.pos, Some(n), typ, tag);
                }
                self.ns.truncate(mark);
            }
            Token::Star => {
                self.next();
                let typ = if self.tok() == Token::Lparen {
                    // *(T)
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Token::Rparen); // no need to complain if missing
                    t
                } else {
                    // *T
                    self.qualified_name(None)
                };
                let tag = self.oliteral();
                let ptr = self.expr_node(pos, ExprKind::Operation { op: Operator::Mul, x: typ, y: None });
                self.add_field(pos, None, ptr, tag);
            }
            Token::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let typ = if self.tok() == Token::Star {
                    // (*T)
                    let spos = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    self.expr_node(spos, ExprKind::Operation { op: Operator::Mul, x: t, y: None })
                } else {
                    // (T)
                    self.qualified_name(None)
                };
                self.got(Token::Rparen); // no need to complain if missing
                let tag = self.oliteral();
                self.add_field(pos, None, typ, tag);
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Token::Semi, Token::Rbrace]);
            }
        }
    }

    /// After `name`: `[n]E` (an array type), `[]E`, or type arguments
    /// `[A, B]` (an `Index` on `name`).
    fn array_or_targs(&mut self, name: Name) -> ExprId {
        let pos = self.pos();
        self.want(Token::Lbrack);
        if self.got(Token::Rbrack) {
            return self.slice_type(pos);
        }
        // x [n]E or x[n,], x[n1, n2], ...
        let (n, comma) = self.type_list(false);
        self.want(Token::Rbrack);
        if !comma {
            if let Some(elem) = self.type_or_nil() {
                // x [n]E
                return self.expr_node(pos, ExprKind::ArrayType { len: Some(n), elem });
            }
        }
        // x[n,], x[n1, n2], ...
        let x = self.expr_node(name.pos, ExprKind::Name(name));
        self.expr_node(pos, ExprKind::Index { x, index: n })
    }

    fn oliteral(&mut self) -> Option<ExprId> {
        if self.tok() == Token::Literal {
            let (pos, end, kind, bad) = (self.s.pos, self.s.end, self.s.kind, self.s.bad);
            self.next();
            return Some(self.expr_node(pos, ExprKind::BasicLit { kind, bad, end }));
        }
        None
    }

    /// MethodSpec = MethodName Signature | InterfaceTypeName .
    fn method_decl(&mut self) -> Field {
        let fpos = self.pos();
        let name = self.name();
        const CONTEXT: &str = "interface method";
        let name_expr = |p: &mut Self| p.expr_node(name.pos, ExprKind::Name(name));

        match self.tok() {
            Token::Lparen => {
                // method
                let (_, typ) = self.func_type(CONTEXT);
                Field { pos: fpos, name: Some(name), typ, tag: None }
            }
            Token::Lbrack => {
                // Careful dance: We don't know if we have a generic method
                // m[T C](x T) or an embedded instantiated type T[P1, P2].
                let pos = self.pos();
                self.next();

                // Empty type parameter or argument lists are not permitted.
                if self.tok() == Token::Rbrack {
                    // name[]
                    let rpos = self.pos();
                    self.next();
                    if self.tok() == Token::Lparen {
                        // name[](
                        self.error_at(rpos, "empty type parameter list".into());
                        let (_, typ) = self.func_type(CONTEXT);
                        return Field { pos: fpos, name: Some(name), typ, tag: None };
                    }
                    self.error_at(rpos, "empty type argument list".into());
                    let typ = name_expr(self);
                    return Field { pos: fpos, name: None, typ, tag: None };
                }

                // A type argument list looks like a parameter list with only
                // types. Parse a parameter list and decide afterwards.
                let list = self.param_list(None, None, Token::Rbrack, false, false);
                if list.is_empty() {
                    // Treat as if [] were absent.
                    if self.tok() == Token::Lparen {
                        let (_, typ) = self.func_type(CONTEXT);
                        return Field { pos: fpos, name: Some(name), typ, tag: None };
                    }
                    let typ = name_expr(self);
                    return Field { pos: fpos, name: None, typ, tag: None };
                }
                let first = self.f.fields_of(list)[0];
                if self.f.field(first).name.is_some() {
                    // generic method
                    let (_, typ) = self.func_type(CONTEXT);
                    self.error_at(pos, "interface method must have no type parameters".into());
                    return Field { pos: fpos, name: Some(name), typ, tag: None };
                }
                // embedded instantiated type
                let x = name_expr(self);
                let index = if list.len() == 1 {
                    self.f.field(first).typ
                } else {
                    let lpos = self.f.field(first).pos;
                    let mark = self.xs.len();
                    for i in 0..list.len() {
                        let fid = self.f.fields_of(list)[i];
                        let t = self.f.field(fid).typ;
                        self.xs.push(t);
                    }
                    let elems = self.finish_exprs(mark);
                    self.expr_node(lpos, ExprKind::List(elems))
                };
                let typ = self.expr_node(pos, ExprKind::Index { x, index });
                Field { pos: fpos, name: None, typ, tag: None }
            }
            _ => {
                // embedded type
                let typ = self.qualified_name(Some(name));
                Field { pos: fpos, name: None, typ, tag: None }
            }
        }
    }

    /// EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm } .
    /// `typ` is an already parsed first term.
    fn embedded_elem(&mut self, typ: Option<ExprId>) -> ExprId {
        let mut typ = match typ {
            Some(t) => t,
            None => self.embedded_term(),
        };
        while self.tok() == Token::Operator && self.s.op == Operator::Or {
            let pos = self.pos();
            self.next();
            let y = self.embedded_term();
            typ = self.expr_node(pos, ExprKind::Operation { op: Operator::Or, x: typ, y: Some(y) });
        }
        typ
    }

    /// EmbeddedTerm = [ "~" ] Type .
    fn embedded_term(&mut self) -> ExprId {
        if self.tok() == Token::Operator && self.s.op == Operator::Tilde {
            let pos = self.pos();
            self.next();
            let x = self.type_();
            return self.expr_node(pos, ExprKind::Operation { op: Operator::Tilde, x, y: None });
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(&[Token::Operator, Token::Semi, Token::Rparen, Token::Rbrack, Token::Rbrace]);
                t
            }
        }
    }

    /// ParameterDecl = [ IdentifierList ] [ "..." ] Type .
    fn param_decl_or_nil(&mut self, name: Option<Name>, follow: Token) -> Option<Param> {
        // type set notation is ok in type parameter lists
        let type_sets_ok = follow == Token::Rbrack;
        let is_op = |p: &Self, op: Operator| p.tok() == Token::Operator && p.s.op == op;

        let mut pos = self.pos();
        if let Some(n) = name {
            pos = n.pos;
        } else if type_sets_ok && is_op(self, Operator::Tilde) {
            // "~" ...
            let typ = self.embedded_elem(None);
            return Some(Param { pos, name: None, typ: Some(typ) });
        }

        let mut f = Param { pos, name: None, typ: None };
        if self.tok() == Token::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };

            if self.tok() == Token::Lbrack {
                // name "[" ...
                let t = self.array_or_targs(name);
                f.typ = Some(t);
                if !matches!(self.f.expr(t).kind, ExprKind::Index { .. }) {
                    // name "[" n "]" E
                    f.name = Some(name);
                }
                if type_sets_ok && is_op(self, Operator::Or) {
                    // name "[" ... "]" "|" ...
                    f.typ = Some(self.embedded_elem(f.typ));
                }
                return Some(f);
            }

            if self.tok() == Token::Dot {
                // name "." ...
                f.typ = Some(self.qualified_name(Some(name)));
                if type_sets_ok && is_op(self, Operator::Or) {
                    // name "." name "|" ...
                    f.typ = Some(self.embedded_elem(f.typ));
                }
                return Some(f);
            }

            if type_sets_ok && is_op(self, Operator::Or) {
                // name "|" ...
                let n = self.expr_node(name.pos, ExprKind::Name(name));
                f.typ = Some(self.embedded_elem(Some(n)));
                return Some(f);
            }

            f.name = Some(name);
        }

        if self.tok() == Token::DotDotDot {
            // [name] "..." ...
            let dpos = self.pos();
            self.next();
            match self.type_or_nil() {
                None => {
                    f.typ = Some(self.bad_expr());
                    self.syntax_error("... is missing type");
                }
                Some(elem) => f.typ = Some(self.expr_node(dpos, ExprKind::DotsType { elem })),
            }
            return Some(f);
        }

        if type_sets_ok && is_op(self, Operator::Tilde) {
            // [name] "~" ...
            f.typ = Some(self.embedded_elem(None));
            return Some(f);
        }

        f.typ = self.type_or_nil();
        if type_sets_ok && is_op(self, Operator::Or) && f.typ.is_some() {
            // [name] type "|"
            f.typ = Some(self.embedded_elem(f.typ));
        }
        if f.name.is_some() || f.typ.is_some() {
            return Some(f);
        }

        self.syntax_error(&format!("expected {}", tokstring(follow)));
        self.advance(&[Token::Comma, follow]);
        None
    }

    /// Parameters = "(" [ ParameterList [ "," ] ] ")" .
    /// "(" or "[" has already been consumed. If `name` is given, it is the
    /// first name after "(" or "["; if `typ` is also given, (name, typ) is
    /// the first field. In the result, either all fields have a name, or
    /// none has.
    fn param_list(
        &mut self,
        name: Option<Name>,
        typ: Option<ExprId>,
        close: Token,
        require_names: bool,
        dddok: bool,
    ) -> List<FieldId> {
        // p.list won't invoke its function argument if we're at the end of
        // the parameter list. If we have a complete field, handle it here.
        if let (Some(n), Some(t)) = (name, typ) {
            if self.tok() == close {
                self.next();
                let id = self.f.push_field(Field { pos: n.pos, name: Some(n), typ: t, tag: None });
                let start = self.f.field_pool.len();
                self.f.field_pool.push(id);
                return List::new(start, 1);
            }
        }

        let mut list: Vec<Param> = Vec::new();
        let mut named = 0; // parameters that have an explicit name and type
        let mut typed = 0; // parameters that have an explicit type
        let (mut name, mut typ) = (name, typ);
        let end = self.list("parameter list", Token::Comma, close, |p| {
            let par = match (name, typ) {
                (Some(n), Some(t)) => Some(Param { pos: n.pos, name: Some(n), typ: Some(t) }),
                _ => p.param_decl_or_nil(name, close),
            };
            name = None; // 1st name was consumed if present
            typ = None; // 1st type was consumed if present
            if let Some(par) = par {
                if par.name.is_some() && par.typ.is_some() {
                    named += 1;
                }
                if par.typ.is_some() {
                    typed += 1;
                }
                list.push(par);
            }
            false
        });

        if list.is_empty() {
            return List::EMPTY;
        }

        // distribute parameter types
        if named == 0 && !require_names {
            // all unnamed => found names are named types
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.typ = Some(self.f.push_expr(n.pos, ExprKind::Name(n)));
                }
            }
        } else if named != list.len() {
            // some named or we're in a type parameter list => all must be named
            let mut err_pos: Option<Pos> = None; // left-most error position
            let mut cur: Option<ExprId> = None; // current type (from right to left)
            for i in (0..list.len()).rev() {
                let par = &mut list[i];
                if let Some(t) = par.typ {
                    cur = Some(t);
                    if par.name.is_none() {
                        let sp = self.f.start_pos(t);
                        err_pos = Some(sp);
                        par.name = Some(Name::blank_at(sp));
                    }
                } else if cur.is_some() {
                    par.typ = cur;
                } else {
                    // par.typ == None && cur == None => we only have a name
                    let np = par.name.map(|n| n.pos).unwrap_or(par.pos);
                    err_pos = Some(np);
                    par.typ = Some(self.f.push_expr(np, ExprKind::Bad));
                }
            }
            if let Some(mut ep) = err_pos {
                let msg = if named == typed {
                    ep = end; // position error at closing token ) or ]
                    if require_names { "missing type constraint" } else { "missing parameter type" }.to_string()
                } else if require_names {
                    let mut m = "missing type parameter name".to_string();
                    if list.len() == 1 {
                        m += " or invalid array length";
                    }
                    m
                } else {
                    "missing parameter name".to_string()
                };
                self.syntax_error_at(ep, &msg);
            }
        }

        // check use of ...
        let mut first = true; // only report first occurrence
        let n = list.len();
        for (i, par) in list.iter_mut().enumerate() {
            let Some(t) = par.typ else { continue };
            if let ExprKind::DotsType { elem } = self.f.expr(t).kind {
                if !dddok || i + 1 < n {
                    if first {
                        first = false;
                        let tpos = self.f.expr(t).pos;
                        let msg = if dddok { "can only use ... with final parameter" } else { "invalid use of ..." };
                        self.error_at(tpos, msg.into());
                    }
                    // use T instead of invalid ...T
                    par.typ = Some(elem);
                }
            }
        }

        let start = self.f.field_pool.len();
        for par in list {
            let typ = match par.typ {
                Some(t) => t,
                None => self.f.push_expr(par.pos, ExprKind::Bad),
            };
            let id = self.f.push_field(Field { pos: par.pos, name: par.name, typ, tag: None });
            self.f.field_pool.push(id);
        }
        List::new(start, self.f.field_pool.len() - start)
    }

    // ------------------------------------------------------------------
    // Statements

    /// SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
    fn simple_stmt(&mut self, lhs: Option<ExprId>, keyword: Option<Token>) -> StmtId {
        if keyword == Some(Token::For) && self.tok() == Token::Range {
            // _Range expr
            return self.new_range_clause(None, false);
        }

        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };

        let is_list = matches!(self.f.expr(lhs).kind, ExprKind::List(_));
        if !is_list && self.tok() != Token::Assign && self.tok() != Token::Define {
            // expr
            let pos = self.pos();
            match self.tok() {
                Token::AssignOp => {
                    // lhs op= rhs
                    let op = self.s.op;
                    self.next();
                    let rhs = self.expr();
                    return self.stmt_node(pos, StmtKind::Assign { op, lhs, rhs: Some(rhs) });
                }
                Token::IncOp => {
                    // lhs++ or lhs--
                    let op = self.s.op;
                    self.next();
                    return self.stmt_node(pos, StmtKind::Assign { op, lhs, rhs: None });
                }
                Token::Arrow => {
                    // lhs <- rhs
                    self.next();
                    let value = self.expr();
                    return self.stmt_node(pos, StmtKind::Send { chan: lhs, value });
                }
                _ => {
                    // expr
                    let lpos = self.f.expr(lhs).pos;
                    return self.stmt_node(lpos, StmtKind::Expr(lhs));
                }
            }
        }

        // expr_list
        match self.tok() {
            Token::Assign | Token::Define => {
                let pos = self.pos();
                let op = if self.tok() == Token::Define { Operator::Def } else { Operator::None };
                self.next();

                if keyword == Some(Token::For) && self.tok() == Token::Range {
                    // expr_list op= _Range expr
                    return self.new_range_clause(Some(lhs), op == Operator::Def);
                }

                // expr_list op= expr_list
                let rhs = self.expr_list();

                if let ExprKind::TypeSwitchGuard { x, .. } = self.f.expr(rhs).kind {
                    if keyword == Some(Token::Switch) && op == Operator::Def {
                        if let ExprKind::Name(n) = self.f.expr(lhs).kind {
                            // switch … lhs := rhs.(type)
                            self.f.expr_mut(rhs).kind = ExprKind::TypeSwitchGuard { lhs: Some(n), x };
                            let rpos = self.f.expr(rhs).pos;
                            return self.stmt_node(rpos, StmtKind::Expr(rhs));
                        }
                    }
                }
                self.stmt_node(pos, StmtKind::Assign { op, lhs, rhs: Some(rhs) })
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Token::Semi, Token::Rbrace]);
                // make the best of what we have
                let mut x = lhs;
                if let ExprKind::List(l) = self.f.expr(lhs).kind {
                    x = self.f.exprs_of(l)[0];
                }
                let xpos = self.f.expr(x).pos;
                self.stmt_node(xpos, StmtKind::Expr(x))
            }
        }
    }

    fn new_range_clause(&mut self, lhs: Option<ExprId>, def: bool) -> StmtId {
        let pos = self.pos();
        self.next(); // consume _Range
        let x = self.expr();
        self.stmt_node(pos, StmtKind::Range { lhs, def, x })
    }

    fn labeled_stmt_or_nil(&mut self, label: Name) -> Option<StmtId> {
        let pos = self.pos();
        self.want(Token::Colon);

        if self.tok() == Token::Rbrace {
            // A statement (even empty) must follow a label; a "}" implies an
            // empty statement since the semicolon may be omitted before it.
            let epos = self.pos();
            let e = self.stmt_node(epos, StmtKind::Empty);
            return Some(self.stmt_node(pos, StmtKind::Labeled { label, stmt: e }));
        }

        if let Some(s) = self.stmt_or_nil() {
            return Some(self.stmt_node(pos, StmtKind::Labeled { label, stmt: s }));
        }

        // report error at line of ':' token
        self.syntax_error_at(pos, "missing statement after label");
        // we are already at the end of the labeled statement - no need to advance
        None
    }

    /// context must be a non-empty string unless we know that tok is "{".
    fn block_stmt(&mut self, context: &str) -> StmtId {
        let pos = self.pos();
        // people coming from C may forget that braces are mandatory in Go
        if !self.got(Token::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Token::Name, Token::Rbrace]);
            let rbrace = self.pos(); // in case we found "}"
            if self.got(Token::Rbrace) {
                return self.stmt_node(pos, StmtKind::Block { stmts: List::EMPTY, rbrace });
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.pos();
        self.want(Token::Rbrace);
        self.stmt_node(pos, StmtKind::Block { stmts, rbrace })
    }

    fn decl_stmt(&mut self, f: fn(&mut Self, Option<u32>) -> Option<DeclId>) -> StmtId {
        let pos = self.pos();
        self.next(); // _Const, _Type, or _Var
        let mark = self.ds.len();
        self.append_group(f);
        let decls = self.finish_decls(mark);
        self.stmt_node(pos, StmtKind::Decl(decls))
    }

    fn for_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let (init, cond, post) = self.header(Token::For);
        let body = self.block_stmt("for clause");
        self.stmt_node(pos, StmtKind::For { init, cond, post, body })
    }

    /// The header of `if`, `for` and `switch`: init, condition and post.
    fn header(&mut self, keyword: Token) -> (Option<StmtId>, Option<ExprId>, Option<StmtId>) {
        self.want(keyword);

        let (mut init, mut cond, mut post) = (None, None, None);
        if self.tok() == Token::Lbrace {
            if keyword == Token::If {
                self.syntax_error("missing condition in if statement");
                cond = Some(self.bad_expr());
            }
            return (init, cond, post);
        }

        let outer = self.xnest;
        self.xnest = -1;

        if self.tok() != Token::Semi {
            // accept potential varDecl but complain
            if self.got(Token::Var) {
                self.syntax_error(&format!("var declaration not allowed in {} initializer", keyword.as_str()));
            }
            let s = self.simple_stmt(None, Some(keyword));
            init = Some(s);
            // If we have a range clause, we are done (only for keyword == for).
            if matches!(self.f.stmt(s).kind, StmtKind::Range { .. }) {
                self.xnest = outer;
                return (init, cond, post);
            }
        }

        let mut cond_stmt: Option<StmtId> = None;
        let mut semi: Option<(Pos, &'static str)> = None;
        let mut done = false;
        if self.tok() != Token::Lbrace {
            if self.tok() == Token::Semi {
                semi = Some((self.pos(), self.s.semi));
                self.next();
            } else {
                // asking for a '{' rather than a ';' here leads to a better error message
                self.want(Token::Lbrace);
                if self.tok() != Token::Lbrace {
                    self.advance(&[Token::Lbrace, Token::Rbrace]); // for better synchronization
                }
            }
            if keyword == Token::For {
                if self.tok() != Token::Semi {
                    if self.tok() == Token::Lbrace {
                        self.syntax_error("expected for loop condition");
                        done = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt(None, None /* range not permitted */));
                    }
                }
                if !done {
                    self.want(Token::Semi);
                    if self.tok() != Token::Lbrace {
                        let s = self.simple_stmt(None, None /* range not permitted */);
                        post = Some(s);
                        if let StmtKind::Assign { op: Operator::Def, .. } = self.f.stmt(s).kind {
                            let spos = self.f.stmt(s).pos;
                            self.syntax_error_at(spos, "cannot declare in post statement of for loop");
                        }
                    }
                }
            } else if self.tok() != Token::Lbrace {
                cond_stmt = Some(self.simple_stmt(None, Some(keyword)));
            }
        } else {
            cond_stmt = init;
            init = None;
        }

        // unpack cond_stmt
        match cond_stmt {
            None => {
                if keyword == Token::If {
                    if let Some((spos, lit)) = semi {
                        if lit != "semicolon" {
                            self.syntax_error_at(spos, &format!("unexpected {lit}, expected {{ after if clause"));
                        } else {
                            self.syntax_error_at(spos, "missing condition in if statement");
                        }
                        cond = Some(self.f.push_expr(spos, ExprKind::Bad));
                    }
                }
            }
            Some(s) => match self.f.stmt(s).kind {
                StmtKind::Expr(x) => cond = Some(x),
                ref k => {
                    // A common syntax error is to write '=' instead of '==',
                    // which turns an expression into an assignment.
                    let str = match *k {
                        StmtKind::Assign { op: Operator::None, lhs, rhs: Some(rhs) } => {
                            format!("assignment {} = {}", self.emphasize(lhs), self.emphasize(rhs))
                        }
                        _ => printer::stmt_string(&self.f, s),
                    };
                    let spos = self.f.stmt(s).pos;
                    self.syntax_error_at(spos, &format!("cannot use {str} as value"));
                }
            },
        }

        self.xnest = outer;
        (init, cond, post)
    }

    /// x printed, with a top-level binary expression in parentheses.
    fn emphasize(&self, x: ExprId) -> String {
        let s = printer::expr_string(&self.f, x);
        if let ExprKind::Operation { y: Some(_), .. } = self.f.expr(x).kind {
            return format!("({s})");
        }
        s
    }

    fn if_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let (init, cond, _) = self.header(Token::If);
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(Token::Else) {
            match self.tok() {
                Token::If => els = Some(self.if_stmt()),
                Token::Lbrace => els = Some(self.block_stmt("")),
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Token::Name, Token::Rbrace]);
                }
            }
        }
        self.stmt_node(pos, StmtKind::If { init, cond, then, els })
    }

    fn switch_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let (init, tag, _) = self.header(Token::Switch);
        if !self.got(Token::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Token::Case, Token::Default, Token::Rbrace]);
        }
        let mark = self.ss.len();
        while self.tok() != Token::Eof && self.tok() != Token::Rbrace {
            let c = self.case_clause();
            self.ss.push(c);
        }
        let body = self.finish_stmts(mark);
        let rbrace = self.pos();
        self.want(Token::Rbrace);
        self.stmt_node(pos, StmtKind::Switch { init, tag, body, rbrace })
    }

    fn select_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        self.want(Token::Select);
        if !self.got(Token::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Token::Case, Token::Default, Token::Rbrace]);
        }
        let mark = self.ss.len();
        while self.tok() != Token::Eof && self.tok() != Token::Rbrace {
            let c = self.comm_clause();
            self.ss.push(c);
        }
        let body = self.finish_stmts(mark);
        let rbrace = self.pos();
        self.want(Token::Rbrace);
        self.stmt_node(pos, StmtKind::Select { body, rbrace })
    }

    fn case_clause(&mut self) -> StmtId {
        let pos = self.pos();
        let mut cases = None;
        match self.tok() {
            Token::Case => {
                self.next();
                cases = Some(self.expr_list());
            }
            Token::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Token::Colon, Token::Case, Token::Default, Token::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Token::Colon);
        let body = self.stmt_list();
        self.stmt_node(pos, StmtKind::CaseClause { cases, body, colon })
    }

    fn comm_clause(&mut self) -> StmtId {
        let pos = self.pos();
        let mut comm = None;
        match self.tok() {
            Token::Case => {
                self.next();
                // send or receive statements; invalid forms are flagged
                // later, during type checking (as gc).
                comm = Some(self.simple_stmt(None, None));
            }
            Token::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Token::Colon, Token::Case, Token::Default, Token::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Token::Colon);
        let body = self.stmt_list();
        self.stmt_node(pos, StmtKind::CommClause { comm, body, colon })
    }

    /// A statement if one is present.
    fn stmt_or_nil(&mut self) -> Option<StmtId> {
        // Most statements (assignments) start with an identifier.
        if self.tok() == Token::Name {
            self.clear_pragma();
            let lhs = self.expr_list();
            if let ExprKind::Name(label) = self.f.expr(lhs).kind {
                if self.tok() == Token::Colon {
                    return self.labeled_stmt_or_nil(label);
                }
            }
            return Some(self.simple_stmt(Some(lhs), None));
        }

        match self.tok() {
            Token::Var => return Some(self.decl_stmt(Self::var_decl)),
            Token::Const => return Some(self.decl_stmt(Self::const_decl)),
            Token::Type => return Some(self.decl_stmt(Self::type_decl)),
            _ => {}
        }

        self.clear_pragma();

        let pos = self.pos();
        match self.tok() {
            Token::Lbrace => Some(self.block_stmt("")),
            Token::Operator | Token::Star => match self.s.op {
                Operator::Add | Operator::Sub | Operator::Mul | Operator::And | Operator::Xor | Operator::Not => {
                    Some(self.simple_stmt(None, None)) // unary operators
                }
                _ => None,
            },
            Token::Literal
            | Token::Func
            | Token::Lparen
            | Token::Lbrack
            | Token::Struct
            | Token::Map
            | Token::Chan
            | Token::Interface
            | Token::Arrow => Some(self.simple_stmt(None, None)),
            Token::For => Some(self.for_stmt()),
            Token::Switch => Some(self.switch_stmt()),
            Token::Select => Some(self.select_stmt()),
            Token::If => Some(self.if_stmt()),
            Token::Fallthrough => {
                self.next();
                Some(self.stmt_node(pos, StmtKind::Branch { tok: Token::Fallthrough, label: None, target: None }))
            }
            Token::Break | Token::Continue => {
                let tok = self.tok();
                self.next();
                let label = if self.tok() == Token::Name { Some(self.name()) } else { None };
                Some(self.stmt_node(pos, StmtKind::Branch { tok, label, target: None }))
            }
            Token::Go | Token::Defer => Some(self.call_stmt()),
            Token::Goto => {
                self.next();
                let label = self.name();
                Some(self.stmt_node(pos, StmtKind::Branch { tok: Token::Goto, label: Some(label), target: None }))
            }
            Token::Return => {
                self.next();
                let results =
                    if self.tok() != Token::Semi && self.tok() != Token::Rbrace { Some(self.expr_list()) } else { None };
                Some(self.stmt_node(pos, StmtKind::Return { results }))
            }
            Token::Semi => Some(self.stmt_node(pos, StmtKind::Empty)),
            _ => None,
        }
    }

    /// StatementList = { Statement ";" } .
    fn stmt_list(&mut self) -> List<StmtId> {
        let mark = self.ss.len();
        while !matches!(self.tok(), Token::Eof | Token::Rbrace | Token::Case | Token::Default) {
            let s = self.stmt_or_nil();
            self.clear_pragma();
            let Some(s) = s else { break };
            self.ss.push(s);
            // ";" is optional before "}"
            if !self.got(Token::Semi) && self.tok() != Token::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[Token::Semi, Token::Rbrace, Token::Case, Token::Default]);
                self.got(Token::Semi); // avoid spurious empty statement
            }
        }
        self.finish_stmts(mark)
    }

    /// argList = [ arg { "," arg } [ "..." ] [ "," ] ] ")" .
    fn arg_list(&mut self) -> (List<ExprId>, bool) {
        self.xnest += 1;
        let mark = self.xs.len();
        let mut has_dots = false;
        self.list("argument list", Token::Comma, Token::Rparen, |p| {
            let e = p.expr();
            p.xs.push(e);
            has_dots = p.got(Token::DotDotDot);
            has_dots
        });
        let args = self.finish_exprs(mark);
        self.xnest -= 1;
        (args, has_dots)
    }

    // ------------------------------------------------------------------
    // Common productions

    fn name(&mut self) -> Name {
        if self.tok() == Token::Name {
            let n = Name { pos: self.s.pos, len: self.s.end - self.s.pos };
            self.next();
            return n;
        }
        let n = Name::blank_at(self.pos());
        self.syntax_error("expected name");
        self.advance(&[]);
        n
    }

    /// IdentifierList = identifier { "," identifier } .
    fn name_list(&mut self, first: Name) -> List<Name> {
        let mark = self.ns.len();
        self.ns.push(first);
        while self.got(Token::Comma) {
            let n = self.name();
            self.ns.push(n);
        }
        self.finish_names(mark)
    }

    /// A possibly qualified, possibly instantiated type name; `name` is an
    /// already consumed first name.
    fn qualified_name(&mut self, name: Option<Name>) -> ExprId {
        let mut x = match name {
            Some(n) => self.expr_node(n.pos, ExprKind::Name(n)),
            None if self.tok() == Token::Name => {
                let n = self.name();
                self.expr_node(n.pos, ExprKind::Name(n))
            }
            None => {
                let pos = self.pos();
                let x = self.expr_node(pos, ExprKind::Name(Name::blank_at(pos)));
                self.syntax_error("expected name");
                self.advance(&[Token::Dot, Token::Semi, Token::Rbrace]);
                x
            }
        };
        if self.tok() == Token::Dot {
            let pos = self.pos();
            self.next();
            let sel = self.name();
            x = self.expr_node(pos, ExprKind::Selector { x, sel });
        }
        if self.tok() == Token::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    /// ExpressionList = Expression { "," Expression } .
    fn expr_list(&mut self) -> ExprId {
        let x = self.expr();
        if self.got(Token::Comma) {
            let mark = self.xs.len();
            self.xs.push(x);
            let y = self.expr();
            self.xs.push(y);
            while self.got(Token::Comma) {
                let z = self.expr();
                self.xs.push(z);
            }
            let elems = self.finish_exprs(mark);
            let pos = self.f.expr(x).pos;
            return self.expr_node(pos, ExprKind::List(elems));
        }
        x
    }

    /// typeList = arg { "," arg } [ "," ] . With `strict` false the first
    /// element may be an expression. Returns whether there was a comma.
    fn type_list(&mut self, strict: bool) -> (ExprId, bool) {
        self.xnest += 1;
        let mut x = if strict { self.type_() } else { self.expr() };
        let mut comma = false;
        if self.got(Token::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                let mark = self.xs.len();
                self.xs.push(x);
                self.xs.push(t);
                while self.got(Token::Comma) {
                    match self.type_or_nil() {
                        Some(t) => self.xs.push(t),
                        None => break,
                    }
                }
                let elems = self.finish_exprs(mark);
                let pos = self.f.expr(x).pos;
                x = self.expr_node(pos, ExprKind::List(elems));
            }
        }
        self.xnest -= 1;
        (x, comma)
    }
}

/// Whether only blanks precede `pos` on its line (gc's scanner `blank`
/// for a comment: no token before it on its line).
fn line_blank_before(src: &[u8], pos: Pos) -> bool {
    src[..pos as usize].iter().rev().take_while(|&&b| b != b'\n').all(|&b| b == b' ' || b == b'\t' || b == b'\r')
}

/// Moves the elements a list pushed on `scratch` since `mark` into `pool`,
/// returning their range there.
fn move_to_pool<T>(scratch: &mut Vec<T>, mark: usize, pool: &mut Vec<T>) -> List<T> {
    let start = pool.len();
    pool.extend(scratch.drain(mark..));
    List::new(start, pool.len() - start)
}

/// tokstring returns the English word for selected punctuation tokens, for
/// readable error messages (gc's `tokstring`).
fn tokstring(tok: Token) -> String {
    match tok {
        Token::Comma => "comma".into(),
        Token::Semi => "semicolon or newline".into(),
        t if t.is_keyword() => format!("keyword {}", t.as_str()),
        t => t.as_str().into(),
    }
}

/// The text of a comment without `//`, `/* */`, or a trailing `\r`.
fn comment_text(s: &[u8]) -> &[u8] {
    if s.starts_with(b"/*") {
        return &s[2..s.len().saturating_sub(2).max(2)];
    }
    let mut i = s.len();
    if i > 2 && s[i - 1] == b'\r' {
        i -= 1;
    }
    &s[2..i]
}

/// gc's `trailingDigits`: for `text` ending in `:digits`, the index after
/// the colon, the number, and whether it parsed. `None` without a colon.
fn trailing_digits(text: &str) -> Option<(usize, u64, bool)> {
    let i = text.rfind(':')?;
    let digits = &text[i + 1..];
    // strconv.ParseUint(s, 10, 0): decimal digits only, fits in 64 bits.
    let ok = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let n = if ok { digits.parse::<u64>().ok() } else { None };
    Some((i + 1, n.unwrap_or(0), n.is_some()))
}

/// `filepath.Clean` for Unix paths.
pub(crate) fn clean_path(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|&p| p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

