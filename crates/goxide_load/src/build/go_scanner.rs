//! go/scanner: Go tokens as `go/parser` sees them, with go/scanner's error
//! texts and positions, for the part of a file go/build parses (the header
//! through the imports) and for the `//go:embed` comment scan.
//!
//! This is not goxide's compiler scanner (`goxide_syntax::scanner`, which
//! mirrors gc and words its errors as gc does): go/build's errors are
//! go/scanner's ("string literal not terminated", "illegal character
//! U+0023 '#'", ...), and `go list` prints them verbatim.
//!
//! A line-by-line port of `go/scanner/scanner.go` (Go 1.27.3): one
//! character of look-ahead (`ch`, -1 at the end), automatic semicolons
//! (`insertSemi`; a `/*...*/` comment holding a newline yields COMMENT then
//! a synthetic SEMICOLON at the newline), comments always returned
//! (`ScanComments`), `//line` directives recorded in the [`LineTable`] for
//! adjusted positions, and a BOM skipped only as the first character.
//! Errors are collected with their adjusted positions when `report` is on
//! (go/build's embed scan passes no error handler). Token texts are spans
//! of the source ([`Lit`]), copied only where Go's text differs from it.
//! Two fast paths skip the per-character `next`: ASCII identifier bytes
//! (as Go's own `scanIdentifier` does) and runs of plain ASCII inside
//! comments (`skip_plain`), both leaving exactly the state `next` would.
//!
//! Invariants: every call of [`Scanner::scan`] makes progress or returns
//! EOF; no input panics (offsets stay within the source).

use std::sync::Arc;

use super::position::{LineTable, Position};
use super::unicode::{self, RUNE_ERROR, decode_rune, fmt_sharp_u, quote_rune};

/// go/token's tokens (the subset's order does not matter; names do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    Illegal,
    Eof,
    Comment,
    Ident,
    Int,
    Float,
    Imag,
    Char,
    String,
    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    AddAssign,
    SubAssign,
    MulAssign,
    QuoAssign,
    RemAssign,
    AndAssign,
    OrAssign,
    XorAssign,
    ShlAssign,
    ShrAssign,
    AndNotAssign,
    Land,
    Lor,
    Arrow,
    Inc,
    Dec,
    Eql,
    Lss,
    Gtr,
    Assign,
    Not,
    Neq,
    Leq,
    Geq,
    Define,
    Ellipsis,
    Lparen,
    Lbrack,
    Lbrace,
    Comma,
    Period,
    Rparen,
    Rbrack,
    Rbrace,
    Semicolon,
    Colon,
    Tilde,
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Token {
    /// `Token.String`.
    pub(crate) fn as_str(self) -> &'static str {
        use Token::*;
        match self {
            Illegal => "ILLEGAL",
            Eof => "EOF",
            Comment => "COMMENT",
            Ident => "IDENT",
            Int => "INT",
            Float => "FLOAT",
            Imag => "IMAG",
            Char => "CHAR",
            String => "STRING",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            AddAssign => "+=",
            SubAssign => "-=",
            MulAssign => "*=",
            QuoAssign => "/=",
            RemAssign => "%=",
            AndAssign => "&=",
            OrAssign => "|=",
            XorAssign => "^=",
            ShlAssign => "<<=",
            ShrAssign => ">>=",
            AndNotAssign => "&^=",
            Land => "&&",
            Lor => "||",
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            Eql => "==",
            Lss => "<",
            Gtr => ">",
            Assign => "=",
            Not => "!",
            Neq => "!=",
            Leq => "<=",
            Geq => ">=",
            Define => ":=",
            Ellipsis => "...",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Comma => ",",
            Period => ".",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Semicolon => ";",
            Colon => ":",
            Tilde => "~",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// `Token.IsLiteral`: identifiers and basic literals.
    pub(crate) fn is_literal(self) -> bool {
        matches!(
            self,
            Token::Ident | Token::Int | Token::Float | Token::Imag | Token::Char | Token::String
        )
    }

    /// `token.Lookup` for an identifier-shaped word.
    fn lookup(word: &[u8]) -> Token {
        use Token::*;
        match word {
            b"break" => Break,
            b"case" => Case,
            b"chan" => Chan,
            b"const" => Const,
            b"continue" => Continue,
            b"default" => Default,
            b"defer" => Defer,
            b"else" => Else,
            b"fallthrough" => Fallthrough,
            b"for" => For,
            b"func" => Func,
            b"go" => Go,
            b"goto" => Goto,
            b"if" => If,
            b"import" => Import,
            b"interface" => Interface,
            b"map" => Map,
            b"package" => Package,
            b"range" => Range,
            b"return" => Return,
            b"select" => Select,
            b"struct" => Struct,
            b"switch" => Switch,
            b"type" => Type,
            b"var" => Var,
            _ => Ident,
        }
    }
}

/// A token's literal text (`lit` as go/scanner returns it): usually a span
/// of the source, owned only where Go's differs from the source (comments
/// and raw strings with `\r` removed, the character of an ILLEGAL token).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum Lit {
    #[default]
    Empty,
    Span(usize, usize),
    Owned(Vec<u8>),
    Newline,
    Semicolon,
}

impl Lit {
    /// The text, given the scanned source.
    pub(crate) fn bytes<'s>(&'s self, src: &'s [u8]) -> &'s [u8] {
        match self {
            Lit::Empty => b"",
            Lit::Span(a, b) => &src[*a..*b],
            Lit::Owned(v) => v,
            Lit::Newline => b"\n",
            Lit::Semicolon => b";",
        }
    }
}

/// One scanned token: where it starts, what it is, and its literal text.
#[derive(Clone, Debug)]
pub(crate) struct Scanned {
    pub(crate) offset: usize,
    pub(crate) tok: Token,
    pub(crate) lit: Lit,
}

/// One go/scanner error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ScanError {
    pub(crate) pos: Position,
    pub(crate) msg: String,
}

const EOF: i32 = -1;
const BOM: i32 = 0xFEFF;

/// go/scanner's `Scanner` over one source.
pub(crate) struct Scanner<'a> {
    src: &'a [u8],
    dir: String,
    pub(crate) lines: LineTable,
    report: bool,
    pub(crate) errors: Vec<ScanError>,

    ch: i32,
    offset: usize,
    rd_offset: usize,
    line_offset: usize,
    insert_semi: bool,
    nl_pos: Option<usize>,
}

fn is_letter(ch: i32) -> bool {
    if (0..0x80).contains(&ch) {
        (ch as u8).is_ascii_alphabetic() || ch == b'_' as i32
    } else {
        ch >= 0x80 && unicode::is_letter(ch as u32)
    }
}

fn is_digit(ch: i32) -> bool {
    is_decimal(ch) || (ch >= 0x80 && unicode::is_digit(ch as u32))
}

/// An ASCII character that needs no bookkeeping beyond newlines: not NUL,
/// not `\r` (counted in comments), not the end of input.
fn is_plain(ch: i32) -> bool {
    (1..0x80).contains(&ch) && ch != b'\r' as i32
}

fn is_decimal(ch: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&ch)
}

fn lower(ch: i32) -> i32 {
    (b'a' as i32 - b'A' as i32) | ch
}

fn is_hex(ch: i32) -> bool {
    is_decimal(ch) || (b'a' as i32..=b'f' as i32).contains(&lower(ch))
}

fn digit_val(ch: i32) -> u32 {
    if is_decimal(ch) {
        (ch - b'0' as i32) as u32
    } else if (b'a' as i32..=b'f' as i32).contains(&lower(ch)) {
        (lower(ch) - b'a' as i32 + 10) as u32
    } else {
        16
    }
}

fn litname(prefix: u8) -> &'static str {
    match prefix {
        b'x' => "hexadecimal literal",
        b'o' | b'0' => "octal literal",
        b'b' => "binary literal",
        _ => "decimal literal",
    }
}

/// `invalidSep`: the index of the first misplaced `_` in a number literal.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1] | 0x20;
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// `stripCR`: removes `\r`, except where that would close a `/*` comment
/// early.
fn strip_cr(b: &[u8], comment: bool) -> Vec<u8> {
    let mut c: Vec<u8> = Vec::with_capacity(b.len());
    for (j, &ch) in b.iter().enumerate() {
        let i = c.len();
        if ch != b'\r'
            || (comment && i > 2 && c[i - 1] == b'*' && j + 1 < b.len() && b[j + 1] == b'/')
        {
            c.push(ch);
        }
    }
    c
}

/// `trailingDigits`: `(index after the last ':', value, parsed ok)`.
fn trailing_digits(text: &[u8]) -> (usize, u64, bool) {
    let Some(i) = text.iter().rposition(|&b| b == b':') else {
        return (0, 0, false);
    };
    let digits = &text[i + 1..];
    // strconv.ParseUint(s, 10, 0): decimal digits only, no sign, fits 64 bits.
    let mut n: u64 = 0;
    let mut ok = !digits.is_empty();
    for &b in digits {
        if !b.is_ascii_digit() {
            ok = false;
            break;
        }
        match n
            .checked_mul(10)
            .and_then(|n| n.checked_add((b - b'0') as u64))
        {
            Some(v) => n = v,
            None => {
                ok = false;
                n = u64::MAX;
                break;
            }
        }
    }
    if !ok && n != u64::MAX {
        n = 0;
    }
    (i + 1, n, ok)
}

impl<'a> Scanner<'a> {
    /// The source being scanned.
    pub(crate) fn src(&self) -> &'a [u8] {
        self.src
    }

    /// `Scanner.Init` with `ScanComments`; `filename` names positions,
    /// `report` says whether errors are collected.
    pub(crate) fn new(filename: Arc<str>, src: &'a [u8], report: bool) -> Scanner<'a> {
        let dir = match filename.rfind('/') {
            Some(i) => filename[..=i].to_string(),
            None => String::new(),
        };
        let mut s = Scanner {
            src,
            dir,
            lines: LineTable::new(filename, src.len()),
            report,
            errors: Vec::new(),
            ch: b' ' as i32,
            offset: 0,
            rd_offset: 0,
            line_offset: 0,
            insert_semi: false,
            nl_pos: None,
        };
        s.next();
        if s.ch == BOM {
            s.next();
        }
        s
    }

    fn error(&mut self, offs: usize, msg: String) {
        if self.report {
            let pos = self.lines.position(offs, true);
            self.errors.push(ScanError { pos, msg });
        }
    }

    fn next(&mut self) {
        if self.rd_offset < self.src.len() {
            self.offset = self.rd_offset;
            if self.ch == b'\n' as i32 {
                self.line_offset = self.offset;
                self.lines.add_line(self.offset);
            }
            let mut r = self.src[self.rd_offset] as i32;
            let mut w = 1;
            if r == 0 {
                self.error(self.offset, "illegal character NUL".into());
            } else if r >= 0x80 {
                let (c, n) = decode_rune(&self.src[self.rd_offset..]);
                r = c as i32;
                w = n;
                if c == RUNE_ERROR && n == 1 {
                    let input = &self.src[self.rd_offset..];
                    if self.offset == 0
                        && input.len() >= 2
                        && ((input[0] == 0xFF && input[1] == 0xFE)
                            || (input[0] == 0xFE && input[1] == 0xFF))
                    {
                        self.error(self.offset, "illegal UTF-8 encoding (got UTF-16)".into());
                        w = input.len();
                    } else {
                        self.error(self.offset, "illegal UTF-8 encoding".into());
                    }
                } else if r == BOM && self.offset > 0 {
                    self.error(self.offset, "illegal byte order mark".into());
                }
            }
            self.rd_offset += w;
            self.ch = r;
        } else {
            self.offset = self.src.len();
            if self.ch == b'\n' as i32 {
                self.line_offset = self.offset;
                self.lines.add_line(self.offset);
            }
            self.ch = EOF;
        }
    }

    fn peek(&self) -> u8 {
        self.src.get(self.rd_offset).copied().unwrap_or(0)
    }

    /// Moves over a run of plain ASCII (see [`is_plain`]) other than `*`
    /// (and `\n` if `stop_at_newline`) starting at the current character,
    /// with `next`'s line bookkeeping, recording the first newline in
    /// `nl_offset`; the first other character is then read by `next`, so
    /// its errors are reported as usual. A fast path of comment scanning.
    fn skip_plain(&mut self, stop_at_newline: bool, nl_offset: &mut usize) {
        if !is_plain(self.ch) {
            return;
        }
        let mut i = self.offset;
        while i < self.src.len() {
            let b = self.src[i];
            if !is_plain(b as i32) || b == b'*' || (b == b'\n' && stop_at_newline) {
                break;
            }
            if b == b'\n' {
                if *nl_offset == 0 {
                    *nl_offset = i;
                }
                self.line_offset = i + 1;
                self.lines.add_line(i + 1);
            }
            i += 1;
        }
        if i > self.offset {
            self.offset = i - 1;
            self.rd_offset = i;
            self.ch = self.src[i - 1] as i32;
            self.next();
        }
    }

    fn scan_comment(&mut self) -> (Lit, usize) {
        let offs = self.offset - 1;
        let mut next: Option<usize> = None;
        let mut num_cr = 0;
        let mut nl_offset = 0;

        if self.ch == b'/' as i32 {
            self.next();
            self.skip_plain(true, &mut nl_offset);
            while self.ch != b'\n' as i32 && self.ch >= 0 {
                if self.ch == b'\r' as i32 {
                    num_cr += 1;
                }
                self.next();
            }
            let mut n = self.offset;
            if self.ch == b'\n' as i32 {
                n += 1;
            }
            next = Some(n);
        } else {
            self.next();
            let mut closed = false;
            while self.ch >= 0 {
                if is_plain(self.ch) && self.ch != b'*' as i32 {
                    self.skip_plain(false, &mut nl_offset);
                    continue;
                }
                let ch = self.ch;
                if ch == b'\r' as i32 {
                    num_cr += 1;
                } else if ch == b'\n' as i32 && nl_offset == 0 {
                    nl_offset = self.offset;
                }
                self.next();
                if ch == b'*' as i32 && self.ch == b'/' as i32 {
                    self.next();
                    next = Some(self.offset);
                    closed = true;
                    break;
                }
            }
            if !closed {
                self.error(offs, "comment not terminated".into());
            }
        }

        let mut lit = &self.src[offs..self.offset];
        let mut end = self.offset;
        if num_cr > 0 && lit.len() >= 2 && lit[1] == b'/' && lit[lit.len() - 1] == b'\r' {
            lit = &lit[..lit.len() - 1];
            end -= 1;
            num_cr -= 1;
        }
        if let Some(next) = next
            && (lit[1] == b'*' || offs == self.line_offset)
            && lit[2..].starts_with(b"line ")
        {
            self.update_line_info(next, offs, lit);
        }
        let lit = if num_cr > 0 {
            Lit::Owned(strip_cr(lit, lit[1] == b'*'))
        } else {
            Lit::Span(offs, end)
        };
        (lit, nl_offset)
    }

    fn update_line_info(&mut self, next: usize, offs: usize, text: &[u8]) {
        let mut text = text;
        if text[1] == b'*' {
            text = &text[..text.len() - 2];
        }
        let text = &text[7..];
        let offs = offs + 7;

        let (mut i, n, ok) = trailing_digits(text);
        if i == 0 {
            return;
        }
        if !ok {
            let msg = format!(
                "invalid line number: {}",
                String::from_utf8_lossy(&text[i..])
            );
            self.error(offs + i, msg);
            return;
        }
        const MAX_LINE_COL: u64 = 1 << 30;
        let (line, col);
        let mut text = text;
        let (i2, n2, ok2) = trailing_digits(&text[..i - 1]);
        if ok2 {
            let i_col = i;
            i = i2;
            line = n2;
            col = n;
            if col == 0 || col > MAX_LINE_COL {
                let msg = format!(
                    "invalid column number: {}",
                    String::from_utf8_lossy(&text[i_col..])
                );
                self.error(offs + i_col, msg);
                return;
            }
            text = &text[..i_col - 1];
        } else {
            line = n;
            col = 0;
        }
        if line == 0 || line > MAX_LINE_COL {
            let msg = format!(
                "invalid line number: {}",
                String::from_utf8_lossy(&text[i..])
            );
            self.error(offs + i, msg);
            return;
        }
        let name = &text[..i - 1];
        let filename: Arc<str> = if name.is_empty() && ok2 {
            self.lines.position(offs, true).filename
        } else if !name.is_empty() {
            let cleaned = clean_path(&String::from_utf8_lossy(name));
            if cleaned.starts_with('/') {
                Arc::from(cleaned)
            } else {
                Arc::from(clean_path(&format!("{}{}", self.dir, cleaned)))
            }
        } else {
            Arc::from("")
        };
        self.lines
            .add_line_column_info(next, filename, line as usize, col as usize);
    }

    fn scan_identifier(&mut self) -> Lit {
        let offs = self.offset;
        // ASCII fast path (Go's does the same): no line or error
        // bookkeeping is due for identifier bytes.
        let mut i = self.rd_offset;
        while i < self.src.len() && (self.src[i].is_ascii_alphanumeric() || self.src[i] == b'_') {
            i += 1;
        }
        if i < self.src.len() && self.src[i] != 0 && self.src[i] < 0x80 {
            self.ch = self.src[i] as i32;
            self.offset = i;
            self.rd_offset = i + 1;
            return Lit::Span(offs, self.offset);
        }
        if i > self.rd_offset {
            // Resume the slow path at the last identifier byte.
            self.offset = i - 1;
            self.rd_offset = i;
            self.ch = self.src[i - 1] as i32;
        }
        while is_letter(self.ch) || is_digit(self.ch) {
            self.next();
        }
        Lit::Span(offs, self.offset)
    }

    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        if base <= 10 {
            let max = b'0' as i32 + base as i32;
            while is_decimal(self.ch) || self.ch == b'_' as i32 {
                let mut ds = 1;
                if self.ch == b'_' as i32 {
                    ds = 2;
                } else if self.ch >= max && invalid.is_none() {
                    *invalid = Some(self.offset);
                }
                digsep |= ds;
                self.next();
            }
        } else {
            while is_hex(self.ch) || self.ch == b'_' as i32 {
                digsep |= if self.ch == b'_' as i32 { 2 } else { 1 };
                self.next();
            }
        }
        digsep
    }

    fn scan_number(&mut self) -> (Token, Lit) {
        let offs = self.offset;
        let mut tok = Token::Illegal;
        let mut base = 10;
        let mut prefix = 0u8;
        let mut digsep = 0;
        let mut invalid = None;

        if self.ch != b'.' as i32 {
            tok = Token::Int;
            if self.ch == b'0' as i32 {
                self.next();
                match lower(self.ch) {
                    c if c == b'x' as i32 => {
                        self.next();
                        base = 16;
                        prefix = b'x';
                    }
                    c if c == b'o' as i32 => {
                        self.next();
                        base = 8;
                        prefix = b'o';
                    }
                    c if c == b'b' as i32 => {
                        self.next();
                        base = 2;
                        prefix = b'b';
                    }
                    _ => {
                        base = 8;
                        prefix = b'0';
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
        }

        if self.ch == b'.' as i32 {
            tok = Token::Float;
            if prefix == b'o' || prefix == b'b' {
                self.error(
                    self.offset,
                    format!("invalid radix point in {}", litname(prefix)),
                );
            }
            self.next();
            digsep |= self.digits(base, &mut invalid);
        }

        if digsep & 1 == 0 {
            self.error(self.offset, format!("{} has no digits", litname(prefix)));
        }

        let e = lower(self.ch);
        if e == b'e' as i32 || e == b'p' as i32 {
            if e == b'e' as i32 && prefix != 0 && prefix != b'0' {
                let msg = format!(
                    "{} exponent requires decimal mantissa",
                    quote_rune(self.ch as u32)
                );
                self.error(self.offset, msg);
            } else if e == b'p' as i32 && prefix != b'x' {
                let msg = format!(
                    "{} exponent requires hexadecimal mantissa",
                    quote_rune(self.ch as u32)
                );
                self.error(self.offset, msg);
            }
            self.next();
            tok = Token::Float;
            if self.ch == b'+' as i32 || self.ch == b'-' as i32 {
                self.next();
            }
            let mut none = None;
            let ds = self.digits(10, &mut none);
            digsep |= ds;
            if ds & 1 == 0 {
                self.error(self.offset, "exponent has no digits".into());
            }
        } else if prefix == b'x' && tok == Token::Float {
            self.error(
                self.offset,
                "hexadecimal mantissa requires a 'p' exponent".into(),
            );
        }

        if self.ch == b'i' as i32 {
            tok = Token::Imag;
            self.next();
        }

        let lit = &self.src[offs..self.offset];
        if tok == Token::Int
            && let Some(inv) = invalid
        {
            let msg = format!(
                "invalid digit {} in {}",
                quote_rune(lit[inv - offs] as u32),
                litname(prefix)
            );
            self.error(inv, msg);
        }
        if digsep & 2 != 0
            && let Some(i) = invalid_sep(lit)
        {
            self.error(offs + i, "'_' must separate successive digits".into());
        }
        (tok, Lit::Span(offs, self.offset))
    }

    fn scan_escape(&mut self, quote: u8) -> bool {
        let offs = self.offset;
        let (mut n, base, max): (u32, u32, u32);
        match self.ch {
            c if c == quote as i32
                || [b'a', b'b', b'f', b'n', b'r', b't', b'v', b'\\']
                    .map(i32::from)
                    .contains(&c) =>
            {
                self.next();
                return true;
            }
            c if (b'0' as i32..=b'7' as i32).contains(&c) => {
                (n, base, max) = (3, 8, 255);
            }
            c if c == b'x' as i32 => {
                self.next();
                (n, base, max) = (2, 16, 255);
            }
            c if c == b'u' as i32 => {
                self.next();
                (n, base, max) = (4, 16, 0x10FFFF);
            }
            c if c == b'U' as i32 => {
                self.next();
                (n, base, max) = (8, 16, 0x10FFFF);
            }
            _ => {
                let msg = if self.ch < 0 {
                    "escape sequence not terminated"
                } else {
                    "unknown escape sequence"
                };
                self.error(offs, msg.into());
                return false;
            }
        }
        let mut x: u32 = 0;
        while n > 0 {
            let d = digit_val(self.ch);
            if d >= base {
                let msg = if self.ch < 0 {
                    "escape sequence not terminated".to_string()
                } else {
                    format!(
                        "illegal character {} in escape sequence",
                        fmt_sharp_u(self.ch as i64)
                    )
                };
                self.error(self.offset, msg);
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.next();
            n -= 1;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.error(offs, "escape sequence is invalid Unicode code point".into());
            return false;
        }
        true
    }

    fn scan_rune(&mut self) -> Lit {
        let offs = self.offset - 1;
        let mut valid = true;
        let mut n = 0;
        loop {
            let ch = self.ch;
            if ch == b'\n' as i32 || ch < 0 {
                if valid {
                    self.error(offs, "rune literal not terminated".into());
                    valid = false;
                }
                break;
            }
            self.next();
            if ch == b'\'' as i32 {
                break;
            }
            n += 1;
            if ch == b'\\' as i32 && !self.scan_escape(b'\'') {
                valid = false;
            }
        }
        if valid && n != 1 {
            self.error(offs, "illegal rune literal".into());
        }
        Lit::Span(offs, self.offset)
    }

    fn scan_string(&mut self) -> Lit {
        let offs = self.offset - 1;
        loop {
            let ch = self.ch;
            if ch == b'\n' as i32 || ch < 0 {
                self.error(offs, "string literal not terminated".into());
                break;
            }
            self.next();
            if ch == b'"' as i32 {
                break;
            }
            if ch == b'\\' as i32 {
                self.scan_escape(b'"');
            }
        }
        Lit::Span(offs, self.offset)
    }

    fn scan_raw_string(&mut self) -> Lit {
        let offs = self.offset - 1;
        let mut has_cr = false;
        loop {
            let ch = self.ch;
            if ch < 0 {
                self.error(offs, "raw string literal not terminated".into());
                break;
            }
            self.next();
            if ch == b'`' as i32 {
                break;
            }
            if ch == b'\r' as i32 {
                has_cr = true;
            }
        }
        if has_cr {
            Lit::Owned(strip_cr(&self.src[offs..self.offset], false))
        } else {
            Lit::Span(offs, self.offset)
        }
    }

    fn skip_whitespace(&mut self) {
        while self.ch == b' ' as i32
            || self.ch == b'\t' as i32
            || (self.ch == b'\n' as i32 && !self.insert_semi)
            || self.ch == b'\r' as i32
        {
            self.next();
        }
    }

    fn switch2(&mut self, tok0: Token, tok1: Token) -> Token {
        if self.ch == b'=' as i32 {
            self.next();
            return tok1;
        }
        tok0
    }

    fn switch3(&mut self, tok0: Token, tok1: Token, ch2: u8, tok2: Token) -> Token {
        if self.ch == b'=' as i32 {
            self.next();
            return tok1;
        }
        if self.ch == ch2 as i32 {
            self.next();
            return tok2;
        }
        tok0
    }

    fn switch4(&mut self, tok0: Token, tok1: Token, ch2: u8, tok2: Token, tok3: Token) -> Token {
        if self.ch == b'=' as i32 {
            self.next();
            return tok1;
        }
        if self.ch == ch2 as i32 {
            self.next();
            if self.ch == b'=' as i32 {
                self.next();
                return tok3;
            }
            return tok2;
        }
        tok0
    }

    /// `Scanner.Scan`.
    pub(crate) fn scan(&mut self) -> Scanned {
        if let Some(nl) = self.nl_pos.take() {
            return Scanned {
                offset: nl,
                tok: Token::Semicolon,
                lit: Lit::Newline,
            };
        }
        self.skip_whitespace();
        let pos = self.offset;
        let mut insert_semi = false;
        let ch = self.ch;
        let (tok, lit);
        if is_letter(ch) {
            lit = self.scan_identifier();
            if lit.bytes(self.src).len() > 1 {
                tok = Token::lookup(lit.bytes(self.src));
                insert_semi = matches!(
                    tok,
                    Token::Ident
                        | Token::Break
                        | Token::Continue
                        | Token::Fallthrough
                        | Token::Return
                );
            } else {
                insert_semi = true;
                tok = Token::Ident;
            }
        } else if is_decimal(ch) || (ch == b'.' as i32 && is_decimal(self.peek() as i32)) {
            insert_semi = true;
            (tok, lit) = self.scan_number();
        } else {
            self.next();
            let mut l = Lit::Empty;
            let t = match ch {
                EOF => {
                    if self.insert_semi {
                        self.insert_semi = false;
                        return Scanned {
                            offset: pos,
                            tok: Token::Semicolon,
                            lit: Lit::Newline,
                        };
                    }
                    Token::Eof
                }
                0x0A => {
                    self.insert_semi = false;
                    return Scanned {
                        offset: pos,
                        tok: Token::Semicolon,
                        lit: Lit::Newline,
                    };
                }
                0x22 => {
                    insert_semi = true;
                    l = self.scan_string();
                    Token::String
                }
                0x27 => {
                    insert_semi = true;
                    l = self.scan_rune();
                    Token::Char
                }
                0x60 => {
                    insert_semi = true;
                    l = self.scan_raw_string();
                    Token::String
                }
                0x3A => self.switch2(Token::Colon, Token::Define),
                0x2E => {
                    if self.ch == b'.' as i32 && self.peek() == b'.' {
                        self.next();
                        self.next();
                        Token::Ellipsis
                    } else {
                        Token::Period
                    }
                }
                0x2C => Token::Comma,
                0x3B => {
                    l = Lit::Semicolon;
                    Token::Semicolon
                }
                0x28 => Token::Lparen,
                0x29 => {
                    insert_semi = true;
                    Token::Rparen
                }
                0x5B => Token::Lbrack,
                0x5D => {
                    insert_semi = true;
                    Token::Rbrack
                }
                0x7B => Token::Lbrace,
                0x7D => {
                    insert_semi = true;
                    Token::Rbrace
                }
                0x2B => {
                    let t = self.switch3(Token::Add, Token::AddAssign, b'+', Token::Inc);
                    insert_semi = t == Token::Inc;
                    t
                }
                0x2D => {
                    let t = self.switch3(Token::Sub, Token::SubAssign, b'-', Token::Dec);
                    insert_semi = t == Token::Dec;
                    t
                }
                0x2A => self.switch2(Token::Mul, Token::MulAssign),
                0x2F => {
                    if self.ch == b'/' as i32 || self.ch == b'*' as i32 {
                        let (comment, nl_offset) = self.scan_comment();
                        if self.insert_semi && nl_offset != 0 {
                            self.nl_pos = Some(nl_offset);
                            self.insert_semi = false;
                        } else {
                            insert_semi = self.insert_semi;
                        }
                        l = comment;
                        Token::Comment
                    } else {
                        self.switch2(Token::Quo, Token::QuoAssign)
                    }
                }
                0x25 => self.switch2(Token::Rem, Token::RemAssign),
                0x5E => self.switch2(Token::Xor, Token::XorAssign),
                0x3C => {
                    if self.ch == b'-' as i32 {
                        self.next();
                        Token::Arrow
                    } else {
                        self.switch4(Token::Lss, Token::Leq, b'<', Token::Shl, Token::ShlAssign)
                    }
                }
                0x3E => self.switch4(Token::Gtr, Token::Geq, b'>', Token::Shr, Token::ShrAssign),
                0x3D => self.switch2(Token::Assign, Token::Eql),
                0x21 => self.switch2(Token::Not, Token::Neq),
                0x26 => {
                    if self.ch == b'^' as i32 {
                        self.next();
                        self.switch2(Token::AndNot, Token::AndNotAssign)
                    } else {
                        self.switch3(Token::And, Token::AndAssign, b'&', Token::Land)
                    }
                }
                0x7C => self.switch3(Token::Or, Token::OrAssign, b'|', Token::Lor),
                0x7E => Token::Tilde,
                _ => {
                    if ch != BOM {
                        let msg = if ch == 0x201C || ch == 0x201D {
                            format!(
                                "curly quotation mark {} (use neutral {})",
                                quote_rune(ch as u32),
                                quote_rune(b'"' as u32)
                            )
                        } else {
                            format!("illegal character {}", fmt_sharp_u(ch as i64))
                        };
                        self.error(pos, msg);
                    }
                    insert_semi = self.insert_semi;
                    let mut s = String::new();
                    unicode::push_rune(&mut s, ch as u32);
                    l = Lit::Owned(s.into_bytes());
                    Token::Illegal
                }
            };
            tok = t;
            lit = l;
        }
        self.insert_semi = insert_semi;
        Scanned {
            offset: pos,
            tok,
            lit,
        }
    }
}

/// `filepath.Clean` for slash-separated paths.
pub(crate) fn clean_path(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
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
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> (Vec<(Token, String)>, Vec<String>) {
        let mut s = Scanner::new(Arc::from("x.go"), src.as_bytes(), true);
        let mut out = Vec::new();
        loop {
            let t = s.scan();
            if t.tok == Token::Eof {
                break;
            }
            out.push((
                t.tok,
                String::from_utf8_lossy(t.lit.bytes(src.as_bytes())).into_owned(),
            ));
        }
        let errs = s
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.pos, e.msg))
            .collect();
        (out, errs)
    }

    #[test]
    fn semicolons_and_comments() {
        let (toks, errs) = tokens("package p /* a\nb */ import \"x\"");
        assert!(errs.is_empty());
        let kinds: Vec<Token> = toks.iter().map(|t| t.0).collect();
        assert_eq!(
            kinds,
            vec![
                Token::Package,
                Token::Ident,
                Token::Comment,
                Token::Semicolon,
                Token::Import,
                Token::String,
                Token::Semicolon
            ]
        );
    }

    #[test]
    fn errors_as_go_scanner() {
        assert_eq!(
            tokens("\"abc\n").1,
            vec!["x.go:1:1: string literal not terminated"]
        );
        assert_eq!(
            tokens("`abc").1,
            vec!["x.go:1:1: raw string literal not terminated"]
        );
        assert_eq!(tokens("/* x").1, vec!["x.go:1:1: comment not terminated"]);
        assert_eq!(
            tokens("a # b").1,
            vec!["x.go:1:3: illegal character U+0023 '#'"]
        );
        assert_eq!(
            tokens("\"\\q\"").1,
            vec!["x.go:1:3: unknown escape sequence"]
        );
        assert_eq!(
            tokens("0x").1,
            vec!["x.go:1:3: hexadecimal literal has no digits"]
        );
        assert_eq!(
            tokens("09").1,
            vec!["x.go:1:2: invalid digit '9' in octal literal"]
        );
        assert_eq!(
            tokens("1__2").1,
            vec!["x.go:1:3: '_' must separate successive digits"]
        );
        assert_eq!(
            tokens("“").1,
            vec!["x.go:1:1: curly quotation mark '“' (use neutral '\"')"]
        );
        assert_eq!(
            tokens("a\u{feff}").1,
            vec!["x.go:1:2: illegal byte order mark"]
        );
        assert_eq!(tokens("'ab'").1, vec!["x.go:1:1: illegal rune literal"]);
    }

    #[test]
    fn line_directives_adjust_positions() {
        let src = "//line foo.go:10\n\"x\n";
        let (_, errs) = tokens(src);
        assert_eq!(errs, vec!["foo.go:10: string literal not terminated"]);
        let (_, errs) = tokens("//line foo.go:x\n");
        assert_eq!(errs, vec!["x.go:1:15: invalid line number: x"]);
    }

    #[test]
    fn clean() {
        assert_eq!(clean_path("a/../../b/./c/"), "../b/c");
        assert_eq!(clean_path("/../a"), "/a");
        assert_eq!(clean_path(""), ".");
    }
}
