//! The go.mod / go.work syntax: lexer, line-oriented parser and comment
//! attachment, a port of x/mod's `modfile/read.go`.
//!
//! The grammar is line-based: a statement is a line of tokens, or a
//! factored block `verb ( \n lines... \n )`. Tokens are identifiers (any
//! run of printable, non-space characters other than `()[]{},`),
//! `"quoted"` or `` `raw` `` strings, the punctuation `( ) [ ] { } ,`,
//! newlines, and `//` comments (which swallow their newline). A comment
//! alone on its line is a whole-line comment, attached to the next
//! statement or kept in a [`CommentBlock`]; a comment after tokens is a
//! suffix comment, attached afterwards to the syntax that ends just before
//! it on the same line (`assignComments`).
//!
//! Errors: the first lexer or parser error stops the parse, as Go's
//! panic/recover does; its position is the lexer's position at that
//! moment, which for parser errors is after the one-token lookahead (so
//! `)x` reports the column after `x`, as go does).
//!
//! The tree: lines live in an arena ([`FileSyntax::line`], addressed by
//! [`LineId`]); statements and blocks refer to them by id, so directives
//! (`File::require[i].syntax`, ...) keep valid references while blocks are
//! sorted or lines removed. Token and comment texts are Go bytes turned
//! into `String`s by `strconv::go_string`.
//!
//! Invariants: positions count lines and runes from 1 and bytes from 0 in
//! the original bytes; every loop consumes input or stops at its end, so
//! parsing terminates and never panics on any input.

use super::rule::{Cause, Error, ErrorList};
use super::strconv::{decode_rune, go_string, is_print, is_space, quote_rune};

/// A position in a file: line and rune column from 1, byte offset from 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub line_rune: usize,
    pub byte: usize,
}

impl Position {
    /// The position just after a one-rune token without newline (Go's
    /// `Position.add(")")`).
    fn after_one(self) -> Position {
        Position {
            line: self.line,
            line_rune: self.line_rune + 1,
            byte: self.byte + 1,
        }
    }
}

/// One `//` comment: its start, its text without the newline, and whether
/// it followed tokens on its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comment {
    pub start: Position,
    pub token: String,
    pub suffix: bool,
}

/// The comments attached to a piece of syntax. An empty `token` in
/// `before` marks a preserved blank line inside a block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comments {
    /// Whole-line comments before the syntax.
    pub before: Vec<Comment>,
    /// End-of-line comments after it.
    pub suffix: Vec<Comment>,
    /// Whole-line comments after it (top level only).
    pub after: Vec<Comment>,
}

/// The index of a [`Line`] in its [`FileSyntax`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineId(pub usize);

/// One line of tokens: a whole statement, or a line inside a block (then
/// `token` omits the block's verb).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub comments: Comments,
    pub start: Position,
    pub token: Vec<String>,
    pub in_block: bool,
    /// The end of the last token (not of a trailing `(` or `()`).
    pub end: Position,
}

/// A parenthesis of a block: where it is, and the comments it holds
/// (suffix comments after `(`, whole-line comments before `)`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paren {
    pub comments: Comments,
    pub pos: Position,
}

/// A factored block: `token ( lines )`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineBlock {
    pub comments: Comments,
    pub start: Position,
    pub lparen: Paren,
    pub token: Vec<String>,
    pub line: Vec<LineId>,
    pub rparen: Paren,
}

/// Top-level comments separated from any statement by a blank line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentBlock {
    pub comments: Comments,
    pub start: Position,
}

/// A top-level statement.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // few statements per file; plain access matters more
pub enum Stmt {
    Comments(CommentBlock),
    Line(LineId),
    Block(LineBlock),
}

/// A whole parsed file (`modfile.FileSyntax`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSyntax {
    /// The file name given to the parser (used in positions and errors).
    pub name: String,
    /// File-level comments: suffix comments attached to nothing.
    pub comments: Comments,
    pub stmt: Vec<Stmt>,
    lines: Vec<Line>,
}

impl FileSyntax {
    /// The line with id `id`.
    pub fn line(&self, id: LineId) -> &Line {
        &self.lines[id.0]
    }

    pub fn line_mut(&mut self, id: LineId) -> &mut Line {
        &mut self.lines[id.0]
    }

    fn push_line(&mut self, line: Line) -> LineId {
        self.lines.push(line);
        LineId(self.lines.len() - 1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Eof,
    EolComment,
    Ident,
    String,
    Comment,
    /// A newline or one of `( ) [ ] { } ,`.
    Punct(u8),
}

impl Kind {
    fn is_eol(self) -> bool {
        matches!(self, Kind::Eof | Kind::EolComment | Kind::Punct(b'\n'))
    }
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    pos: Position,
    end_pos: Position,
    /// Byte range of the text in the input (comments without newline).
    text: (usize, usize),
}

type Result<T> = std::result::Result<T, Box<Error>>;

struct Input<'a> {
    filename: &'a str,
    data: &'a [u8],
    token_start: usize,
    token: Token,
    /// The current position; `pos.byte` is the offset of the remaining input.
    pos: Position,
    /// Suffix comments, in order, for `assign_comments`.
    comments: Vec<Comment>,
    file: FileSyntax,
}

/// Parses `data` into its syntax tree (x/mod's unexported `parse`). The
/// error list, when there is one, has exactly one entry.
pub fn parse_syntax(file: &str, data: &[u8]) -> std::result::Result<FileSyntax, ErrorList> {
    let start = Position {
        line: 1,
        line_rune: 1,
        byte: 0,
    };
    let mut input = Input {
        filename: file,
        data,
        token_start: 0,
        token: Token {
            kind: Kind::Eof,
            pos: start,
            end_pos: start,
            text: (0, 0),
        },
        pos: start,
        comments: Vec::new(),
        file: FileSyntax::default(),
    };
    let parsed = input.read_token().and_then(|()| input.parse_file());
    if let Err(e) = parsed {
        return Err(ErrorList(vec![*e]));
    }
    input.file.name = file.to_string();
    input.assign_comments();
    Ok(input.file)
}

impl Input<'_> {
    fn error(&self, msg: impl Into<String>) -> Box<Error> {
        Box::new(Error {
            filename: self.filename.to_string(),
            pos: self.pos,
            verb: String::new(),
            mod_path: String::new(),
            err: Cause::Message(msg.into()),
        })
    }

    fn remaining(&self) -> &[u8] {
        &self.data[self.pos.byte..]
    }

    fn eof(&self) -> bool {
        self.pos.byte >= self.data.len()
    }

    /// The next rune without consuming it; NUL at the end of input.
    fn peek_rune(&self) -> char {
        if self.eof() {
            '\0'
        } else {
            decode_rune(self.remaining()).0
        }
    }

    fn peek_prefix(&self, prefix: &[u8]) -> bool {
        self.remaining().starts_with(prefix)
    }

    /// Consumes one rune (never called at the end of input).
    fn read_rune(&mut self) -> char {
        let (r, size) = decode_rune(self.remaining());
        if r == '\n' {
            self.pos.line += 1;
            self.pos.line_rune = 1;
        } else {
            self.pos.line_rune += 1;
        }
        self.pos.byte += size.max(1).min(self.data.len() - self.pos.byte);
        r
    }

    fn start_token(&mut self) {
        self.token_start = self.pos.byte;
        self.token.pos = self.pos;
    }

    /// Ends the token begun by `start_token`; a comment loses one trailing
    /// `\n` or `\r\n`.
    fn end_token(&mut self, kind: Kind) {
        let (start, mut end) = (self.token_start, self.pos.byte);
        if matches!(kind, Kind::Comment | Kind::EolComment) {
            let text = &self.data[start..end];
            if text.ends_with(b"\r\n") {
                end -= 2;
            } else if text.ends_with(b"\n") {
                end -= 1;
            }
        }
        self.token.kind = kind;
        self.token.text = (start, end);
        self.token.end_pos = self.pos;
    }

    fn text(&self, tok: &Token) -> String {
        go_string(&self.data[tok.text.0..tok.text.1])
    }

    fn peek(&self) -> Kind {
        self.token.kind
    }

    /// Returns the lookahead token and reads the next one.
    fn lex(&mut self) -> Result<Token> {
        let tok = self.token;
        self.read_token()?;
        Ok(tok)
    }

    fn read_token(&mut self) -> Result<()> {
        while !self.eof() {
            let c = self.peek_rune();
            if c == ' ' || c == '\t' || c == '\r' {
                self.read_rune();
                continue;
            }
            if self.peek_prefix(b"//") {
                self.start_token();
                // A comment is a suffix comment when something other than
                // white space precedes it on its line.
                let line_start = self.data[..self.pos.byte]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let suffix = has_non_space(&self.data[line_start..self.pos.byte]);
                self.read_rune();
                self.read_rune();
                while !self.eof() && self.read_rune() != '\n' {}
                if !suffix {
                    self.end_token(Kind::Comment);
                    return Ok(());
                }
                self.end_token(Kind::EolComment);
                let text = self.text(&self.token);
                self.comments.push(Comment {
                    start: self.token.pos,
                    token: text,
                    suffix: true,
                });
                return Ok(());
            }
            if self.peek_prefix(b"/*") {
                return Err(self.error("mod files must use // comments (not /* */ comments)"));
            }
            break;
        }

        self.start_token();
        if self.eof() {
            self.end_token(Kind::Eof);
            return Ok(());
        }

        let c = self.peek_rune();
        match c {
            '\n' | '(' | ')' | '[' | ']' | '{' | '}' | ',' => {
                self.read_rune();
                self.end_token(Kind::Punct(c as u8));
                return Ok(());
            }
            '"' | '`' => {
                let quote = c;
                self.read_rune();
                loop {
                    if self.eof() {
                        self.pos = self.token.pos;
                        return Err(self.error("unexpected EOF in string"));
                    }
                    if self.peek_rune() == '\n' {
                        return Err(self.error("unexpected newline in string"));
                    }
                    let c = self.read_rune();
                    if c == quote {
                        break;
                    }
                    if c == '\\' && quote != '`' {
                        if self.eof() {
                            self.pos = self.token.pos;
                            return Err(self.error("unexpected EOF in string"));
                        }
                        self.read_rune();
                    }
                }
                self.end_token(Kind::String);
                return Ok(());
            }
            _ => {}
        }

        if !is_ident(c) {
            return Err(self.error(format!("unexpected input character {}", quote_rune(c))));
        }
        while is_ident(self.peek_rune()) {
            if self.peek_prefix(b"//") {
                break;
            }
            if self.peek_prefix(b"/*") {
                return Err(self.error("mod files must use // comments (not /* */ comments)"));
            }
            self.read_rune();
        }
        self.end_token(Kind::Ident);
        Ok(())
    }

    fn parse_file(&mut self) -> Result<()> {
        let mut cb: Option<CommentBlock> = None;
        loop {
            match self.peek() {
                Kind::Punct(b'\n') => {
                    self.lex()?;
                    if let Some(cb) = cb.take() {
                        self.file.stmt.push(Stmt::Comments(cb));
                    }
                }
                Kind::Comment => {
                    let tok = self.lex()?;
                    let text = self.text(&tok);
                    let block = cb.get_or_insert_with(|| CommentBlock {
                        start: tok.pos,
                        ..Default::default()
                    });
                    block.comments.before.push(Comment {
                        start: tok.pos,
                        token: text,
                        suffix: false,
                    });
                }
                Kind::Eof => {
                    if let Some(cb) = cb.take() {
                        self.file.stmt.push(Stmt::Comments(cb));
                    }
                    return Ok(());
                }
                _ => {
                    self.parse_stmt()?;
                    if let Some(cb) = cb.take() {
                        let before = cb.comments.before;
                        match self.file.stmt.last_mut() {
                            Some(Stmt::Line(id)) => {
                                let id = *id;
                                self.file.line_mut(id).comments.before = before;
                            }
                            Some(Stmt::Block(b)) => b.comments.before = before,
                            Some(Stmt::Comments(c)) => c.comments.before = before,
                            None => {}
                        }
                    }
                }
            }
        }
    }

    fn parse_stmt(&mut self) -> Result<()> {
        let tok = self.lex()?;
        let start = tok.pos;
        let mut end = tok.end_pos;
        let mut tokens = vec![self.text(&tok)];
        loop {
            let tok = self.lex()?;
            if tok.kind.is_eol() {
                let id = self.file.push_line(Line {
                    start,
                    token: tokens,
                    end,
                    ..Default::default()
                });
                self.file.stmt.push(Stmt::Line(id));
                return Ok(());
            }
            if tok.kind == Kind::Punct(b'(') {
                let next = self.peek();
                if next.is_eol() {
                    // Start of a block: nothing more on this line.
                    let block = self.parse_line_block(start, tokens, tok)?;
                    self.file.stmt.push(Stmt::Block(block));
                    return Ok(());
                } else if next == Kind::Punct(b')') {
                    let rparen = self.lex()?;
                    if self.peek().is_eol() {
                        // An empty block.
                        self.lex()?;
                        self.file.stmt.push(Stmt::Block(LineBlock {
                            start,
                            token: tokens,
                            lparen: Paren {
                                pos: tok.pos,
                                ..Default::default()
                            },
                            rparen: Paren {
                                pos: rparen.pos,
                                ..Default::default()
                            },
                            ..Default::default()
                        }));
                        return Ok(());
                    }
                    // `( )` in the middle of a line is not a block.
                    tokens.push(self.text(&tok));
                    tokens.push(self.text(&rparen));
                } else {
                    // `(` in the middle of a line is not a block.
                    tokens.push(self.text(&tok));
                }
                continue;
            }
            tokens.push(self.text(&tok));
            end = tok.end_pos;
        }
    }

    fn parse_line_block(
        &mut self,
        start: Position,
        token: Vec<String>,
        lparen: Token,
    ) -> Result<LineBlock> {
        let mut x = LineBlock {
            start,
            token,
            lparen: Paren {
                pos: lparen.pos,
                ..Default::default()
            },
            ..Default::default()
        };
        let mut comments: Vec<Comment> = Vec::new();
        loop {
            match self.peek() {
                Kind::EolComment => {
                    // A suffix comment, attached later by assign_comments.
                    self.lex()?;
                }
                Kind::Punct(b'\n') => {
                    // A blank line: keep it as an empty comment.
                    self.lex()?;
                    if comments.is_empty() && !x.line.is_empty()
                        || comments.last().is_some_and(|c| !c.token.is_empty())
                    {
                        comments.push(Comment::default());
                    }
                }
                Kind::Comment => {
                    let tok = self.lex()?;
                    let text = self.text(&tok);
                    comments.push(Comment {
                        start: tok.pos,
                        token: text,
                        suffix: false,
                    });
                }
                Kind::Eof => {
                    return Err(self.error(format!(
                        "syntax error (unterminated block started at {}:{}:{})",
                        self.filename, x.start.line, x.start.line_rune
                    )));
                }
                Kind::Punct(b')') => {
                    let rparen = self.lex()?;
                    // A lone blank line at the end of the block is dropped.
                    if comments.len() == 1 && comments[0] == Comment::default() {
                        comments.clear();
                    }
                    x.rparen.comments.before = comments;
                    x.rparen.pos = rparen.pos;
                    if !self.peek().is_eol() {
                        return Err(
                            self.error("syntax error (expected newline after closing paren)")
                        );
                    }
                    self.lex()?;
                    return Ok(x);
                }
                _ => {
                    let mut line = self.parse_line()?;
                    line.comments.before = std::mem::take(&mut comments);
                    let id = self.file.push_line(line);
                    x.line.push(id);
                }
            }
        }
    }

    fn parse_line(&mut self) -> Result<Line> {
        let tok = self.lex()?;
        if tok.kind.is_eol() {
            return Err(self.error("internal parse error: parseLine at end of line"));
        }
        let start = tok.pos;
        let mut end = tok.end_pos;
        let mut tokens = vec![self.text(&tok)];
        loop {
            let tok = self.lex()?;
            if tok.kind.is_eol() {
                return Ok(Line {
                    start,
                    token: tokens,
                    end,
                    in_block: true,
                    ..Default::default()
                });
            }
            tokens.push(self.text(&tok));
            end = tok.end_pos;
        }
    }

    /// Attaches each suffix comment to the innermost syntax that ends
    /// before it on the same line, walking the syntax in reverse postorder;
    /// what is left goes to the file. (Whole-line comments were already
    /// placed by the parser: the lexer only queues suffix comments.)
    fn assign_comments(&mut self) {
        #[derive(Clone, Copy)]
        enum Node {
            CommentBlock(usize),
            Line(LineId),
            Block(usize),
            LParen(usize),
            RParen(usize),
        }
        let mut post = Vec::new();
        for (i, stmt) in self.file.stmt.iter().enumerate() {
            match stmt {
                Stmt::Comments(_) => post.push(Node::CommentBlock(i)),
                Stmt::Line(id) => post.push(Node::Line(*id)),
                Stmt::Block(b) => {
                    post.push(Node::LParen(i));
                    post.extend(b.line.iter().map(|&id| Node::Line(id)));
                    post.push(Node::RParen(i));
                    post.push(Node::Block(i));
                }
            }
        }
        let mut suffix = std::mem::take(&mut self.comments);
        let file = &mut self.file;
        for &node in post.iter().rev() {
            let (start, end) = match node {
                Node::CommentBlock(i) => match &file.stmt[i] {
                    Stmt::Comments(c) => (c.start, c.start),
                    _ => continue,
                },
                Node::Line(id) => (file.line(id).start, file.line(id).end),
                Node::Block(i) => match block(i, file) {
                    Some(b) => (b.start, b.rparen.pos.after_one()),
                    None => continue,
                },
                Node::LParen(i) => match block(i, file) {
                    Some(b) => (b.lparen.pos, b.lparen.pos.after_one()),
                    None => continue,
                },
                Node::RParen(i) => match block(i, file) {
                    Some(b) => (b.rparen.pos, b.rparen.pos.after_one()),
                    None => continue,
                },
            };
            if start.line != end.line {
                continue;
            }
            let mut taken = Vec::new();
            while let Some(last) = suffix.last() {
                if end.byte > last.start.byte {
                    break;
                }
                taken.extend(suffix.pop());
            }
            if taken.is_empty() {
                continue;
            }
            // Collected last-first; restore source order.
            taken.reverse();
            let target: &mut Comments = match node {
                Node::Line(id) => &mut file.line_mut(id).comments,
                Node::CommentBlock(i) | Node::Block(i) | Node::LParen(i) | Node::RParen(i) => {
                    match (&mut file.stmt[i], node) {
                        (Stmt::Comments(c), _) => &mut c.comments,
                        (Stmt::Block(b), Node::Block(_)) => &mut b.comments,
                        (Stmt::Block(b), Node::LParen(_)) => &mut b.lparen.comments,
                        (Stmt::Block(b), Node::RParen(_)) => &mut b.rparen.comments,
                        _ => continue,
                    }
                }
            };
            target.suffix.extend(taken);
        }
        file.comments.before.extend(suffix);
    }
}

fn block(i: usize, file: &FileSyntax) -> Option<&LineBlock> {
    match &file.stmt[i] {
        Stmt::Block(b) => Some(b),
        _ => None,
    }
}

/// Whether `s` holds a rune that is not Unicode white space (the test
/// `len(bytes.TrimSpace(s)) > 0`).
fn has_non_space(s: &[u8]) -> bool {
    let mut rest = s;
    while !rest.is_empty() {
        let (r, w) = decode_rune(rest);
        if !is_space(r) {
            return true;
        }
        rest = &rest[w..];
    }
    false
}

/// Whether `c` can be part of an identifier token: printable, not white
/// space, and none of `()[]{},`.
fn is_ident(c: char) -> bool {
    match c {
        ' ' | '(' | ')' | '[' | ']' | '{' | '}' | ',' => false,
        _ => !is_space(c) && is_print(c),
    }
}

/// `modfile.ModulePath`: the module path from go.mod text, tolerating
/// unrelated problems; `""` when there is no (well-formed) module line.
pub fn module_path(data: &[u8]) -> String {
    for raw in data.split(|&b| b == b'\n') {
        let line = match raw.windows(2).position(|w| w == b"//") {
            Some(i) => &raw[..i],
            None => raw,
        };
        let line = trim_space_bytes(line);
        let Some(rest) = line.strip_prefix(b"module") else {
            continue;
        };
        let n = rest.len();
        let rest = trim_space_bytes(rest);
        if rest.len() == n || rest.is_empty() {
            continue;
        }
        if rest[0] == b'"' || rest[0] == b'`' {
            return match unquote_any(rest) {
                Some(p) => go_string(&p),
                None => String::new(),
            };
        }
        return go_string(rest);
    }
    String::new()
}

/// `strconv.Unquote` for double-quoted and backquoted literals.
fn unquote_any(s: &[u8]) -> Option<Vec<u8>> {
    if s[0] == b'`' {
        if s.len() < 2 || s[s.len() - 1] != b'`' || s[1..s.len() - 1].contains(&b'`') {
            return None;
        }
        let body: Vec<u8> = s[1..s.len() - 1]
            .iter()
            .copied()
            .filter(|&b| b != b'\r')
            .collect();
        return Some(body);
    }
    super::strconv::unquote(s)
}

/// `bytes.TrimSpace`.
fn trim_space_bytes(s: &[u8]) -> &[u8] {
    let mut start = 0;
    while start < s.len() {
        let (r, w) = decode_rune(&s[start..]);
        if (w == 1 && r == char::REPLACEMENT_CHARACTER) || !is_space(r) {
            break;
        }
        start += w;
    }
    let mut end = s.len();
    while end > start {
        // Find the start of the last rune as utf8.DecodeLastRune does.
        let mut k = end - 1;
        while k > start && end - k < 4 && (s[k] & 0xc0) == 0x80 {
            k -= 1;
        }
        let (r, w) = decode_rune(&s[k..end]);
        let (r, w) = if k + w == end {
            (r, w)
        } else {
            (char::REPLACEMENT_CHARACTER, 1)
        };
        if (w == 1 && r == char::REPLACEMENT_CHARACTER) || !is_space(r) {
            break;
        }
        end -= w;
    }
    &s[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_blocks_and_comments() {
        let fs = parse_syntax("go.mod", b"// head\nmodule m // tail\n\nrequire ( // open\n\t// before a\n\ta v1 // after a\n\n\tb v2\n\t// end\n)\n// trailing\n").unwrap();
        assert_eq!(fs.stmt.len(), 3);
        let Stmt::Line(m) = &fs.stmt[0] else {
            panic!("{:?}", fs.stmt[0])
        };
        let m = fs.line(*m);
        assert_eq!(m.token, ["module", "m"]);
        assert_eq!(m.comments.before[0].token, "// head");
        assert_eq!(m.comments.suffix[0].token, "// tail");
        assert_eq!(
            (m.start.line, m.start.line_rune, m.end.line_rune),
            (2, 1, 9)
        );
        let Stmt::Block(b) = &fs.stmt[1] else {
            panic!()
        };
        assert_eq!(b.token, ["require"]);
        assert_eq!(b.lparen.comments.suffix[0].token, "// open");
        let a = fs.line(b.line[0]);
        assert_eq!(a.token, ["a", "v1"]);
        assert!(a.in_block);
        assert_eq!(a.comments.before[0].token, "// before a");
        assert_eq!(a.comments.suffix[0].token, "// after a");
        let bl = fs.line(b.line[1]);
        assert_eq!(
            bl.comments.before,
            [Comment::default()],
            "a blank line is kept as an empty comment"
        );
        assert_eq!(b.rparen.comments.before[0].token, "// end");
        let Stmt::Comments(c) = &fs.stmt[2] else {
            panic!()
        };
        assert_eq!(c.comments.before[0].token, "// trailing");
    }

    #[test]
    fn parens_inside_lines_and_empty_blocks() {
        let fs = parse_syntax("go.mod", b"retract ( ) x\nrequire ()\nx (y\n").unwrap();
        let Stmt::Line(l) = &fs.stmt[0] else { panic!() };
        assert_eq!(fs.line(*l).token, ["retract", "(", ")", "x"]);
        let Stmt::Block(b) = &fs.stmt[1] else {
            panic!()
        };
        assert!(b.line.is_empty());
        let Stmt::Line(l) = &fs.stmt[2] else { panic!() };
        assert_eq!(fs.line(*l).token, ["x", "(", "y"]);
        assert_eq!(
            fs.line(*l).end.line_rune,
            5,
            "the end is the last token's, not the paren's"
        );
    }

    #[test]
    fn crlf_and_module_path() {
        let fs = parse_syntax("go.mod", b"module m // c\r\ngo 1.2\r\n").unwrap();
        let Stmt::Line(l) = &fs.stmt[0] else { panic!() };
        assert_eq!(
            fs.line(*l).comments.suffix[0].token,
            "// c",
            "CRLF is stripped from comments"
        );
        assert_eq!(module_path(b"// x\n  module  \"a/b\" // c\n"), "a/b");
        assert_eq!(module_path(b"module `x/y`\n"), "x/y");
        assert_eq!(module_path(b"modulex y\nmodule\nmodule z"), "z");
        assert_eq!(module_path(b"module \"bad\n"), "");
    }

    /// Any bytes parse to a tree or an error, never a panic.
    #[test]
    fn never_panics() {
        let pieces: &[&[u8]] = &[
            b"module",
            b" ",
            b"\t",
            b"\n",
            b"\r\n",
            b"(",
            b")",
            b"[",
            b"]",
            b",",
            b"\"",
            b"`",
            b"\\",
            b"//",
            b"/*",
            b"x",
            b"v1.0.0",
            b"=>",
            b"\xff",
            b"\xe2\x82",
            b"\xc0\x80",
            b"\x00",
            b"\xc2\xa0",
            b"\xe2\x80\xa8",
            b"retract",
            b"require",
            b"go",
            b"1.21",
            b"// indirect",
            b"\"a\\",
            b"\"\\x",
            b"\xf4\x90\x80\x80",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20000 {
            let mut data = Vec::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let n = (state % 24) as usize;
            for k in 0..n {
                let i = ((state >> (k % 48)) as usize).wrapping_add(k * 7) % pieces.len();
                data.extend_from_slice(pieces[i]);
            }
            let _ = parse_syntax("go.mod", &data);
            let _ = super::super::parse("go.mod", &data, None);
            let _ = super::super::parse_lax("go.mod", &data, None);
            let _ = super::super::parse_work("go.work", &data, None);
            let _ = module_path(&data);
        }
    }
}
