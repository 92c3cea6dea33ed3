//! The scanner: Go source bytes to tokens, a port of gc's
//! `cmd/compile/internal/syntax/scanner.go` and `source.go` (Go 1.27.3).
//!
//! API CONTRACT (the parser is written against exactly this; see lib.rs):
//! - `Scanner::new(src, mode)`, then `next()` advances one token; after the
//!   end of input every `next()` yields `Token::Eof` again.
//! - After `next()`: `tok`, `pos` (offset of the token's first byte), `end`
//!   (offset just past it), `blank` (gc's: the line is blank up to the
//!   token), and
//!   - for `Literal`: `kind`, and `bad` (a lexical error was reported for
//!     it; the text may be malformed). `bad` is false for other tokens.
//!   - for `Operator`, `Star`, `AssignOp`, `IncOp`: `op` and `prec` as gc's
//!     (`Star` is `Mul`/`PREC_MUL`, `IncOp` is `Add` or `Sub` with
//!     `PREC_ADD`, unary-only operators have `prec` 0). `Define` carries
//!     `op == Def`; every other token has `op == None`, `prec == 0`.
//!   - for `Semi`: `semi` is "semicolon", "newline" or "EOF", as gc's `lit`.
//!     A `Semi` "newline" made from a `/* */` comment spanning lines has
//!     the comment's `pos`; one made at the end of input is empty at
//!     `src.len()`.
//! - Name and literal text is `src[pos..end]` (`text()`), byte for byte as
//!   gc's `lit`: it includes any NUL, invalid UTF-8 or BOM bytes inside the
//!   token (gc reports and skips those, see below).
//! - Errors are appended to `errors` (offset, message in gc's exact words),
//!   comments selected by `mode` to `comments` (`src[pos..end]` including
//!   `//` or `/* */`, without the newline ending a line comment; a `\r`
//!   before it is included). The parser drains both after each `next()`.
//!   Positions are byte offsets; gc's 1-based byte columns make offset and
//!   line:col interchangeable (`pos::LineTable`).
//!
//! ALGORITHM (as gc's). The source layer (gc's `source.nextch`) keeps one
//! current character `ch` (a code point, or -1 at end of input) at offset
//! `cp`, with the next undecoded byte at `r`. Decoding reports and then
//! *skips* NUL bytes ("invalid NUL character"), invalid UTF-8 bytes, one at
//! a time, as Go's `utf8.DecodeRune` rejects them ("invalid UTF-8
//! encoding"), and BOMs (silently at offset 0, "invalid BOM in the middle of
//! the file" elsewhere): they are invisible to the token logic but stay in
//! token and comment text. One gc artifact is reproduced on purpose: gc
//! reads through a buffer and checks for NUL only on its ASCII fast path,
//! so a NUL that is the first byte of a buffer refill (always offset 0)
//! becomes an ordinary character (gc then says "invalid character U+0000",
//! or ends an identifier there). Refill points are deterministic (full
//! reads, gc's buffer sizes and kept segment), so `fill` computes them.
//! The token layer (gc's `scanner.next`) skips blanks, then dispatches on
//! `ch`; `nlsemi` (set after names, literals, `break continue fallthrough
//! return`, `++ --`, `) ] }`) turns the next newline, a `/* */` comment
//! containing a newline, or the end of input into a `Semi`. Keywords are
//! found with gc's perfect hash.
//!
//! SPEED: `next` first tries `next_fast`, which handles the common token
//! (~99% of GOROOT's) on a local index with no per-character state: plain
//! ASCII blanks, `//` comments, identifiers and keywords, decimal and hex
//! integers, strings without escapes, raw strings, operators and
//! delimiters, all strictly inside gc's buffer and followed by a plain
//! byte. It either produces exactly what gc's algorithm would (such input
//! has no errors) or returns having changed nothing but whole comments,
//! after which gc's algorithm proper (`next_slow`/`scan`) continues from
//! gc's own `redo` state. Runs of bytes are skipped eight at a time (SWAR,
//! portable safe code); keywords are compared as two words. No allocation
//! happens per token, only for reported errors and comments.
//!
//! Unicode: identifiers use Go's `unicode.IsLetter` / `unicode.IsDigit`
//! and messages use `strconv.IsPrint` (for `%#U` and `%q`), from range
//! tables at the end of this file generated from Go 1.27.3's `unicode`
//! package (Unicode 17.0.0) by iterating over all code points >= 0x80.
//!
//! INVARIANTS: `cp <= r <= e <= src.len()`; `ch == -1` iff `cp ==
//! src.len()`; when `ch` is plain ASCII (1..=0x7f), `src[cp] == ch` (but
//! for gc's initial fake ' ', when `e == 0`); every loop consumes at least
//! one byte per iteration or stops at the end of input, so `next()`
//! terminates on any input and never panics. Source longer than 4 GiB is
//! outside the contract (positions are `u32`).
//!
//! TESTS: gc's scanner_test.go ported, plus GOROOT/src scanned without an
//! error, testdata and adversarial inputs without a panic, and an ignored
//! `differential_vs_gc` test that builds gc's scanner itself from the
//! reference GOROOT and compares every token, error and comment on all of
//! GOROOT/src and thousands of adversarial inputs, in all comment modes.
//!
//! Known divergence: gc's `source.rewind` (used for `..` not followed by a
//! third `.`) miscounts lines when the `..` is followed by a newline, so gc
//! reports later positions of that file one line too far; we report the
//! true positions.

use crate::pos::Pos;
use crate::token::{
    LitKind, Operator, PREC_ADD, PREC_ANDAND, PREC_CMP, PREC_MUL, PREC_OROR, Token,
};

/// Which comments the scanner reports (gc's `comments` / `directives` modes).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CommentMode {
    /// Report no comment.
    None,
    /// Report only `//line `, `/*line `, and `//go:` comments.
    Directives,
    /// Report every comment.
    All,
}

/// A comment: `src[pos..end]`, including `//` or `/* */`, without the
/// newline that ends a line comment (a `\r` before it is included, as gc).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Comment {
    pub pos: Pos,
    pub end: Pos,
}

/// A lexical error: its position and gc's message.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ScanError {
    pub pos: Pos,
    pub msg: String,
}

/// The end-of-input character.
const EOF: i32 = -1;

/// No active segment (gc's `b == -1`).
const NO_SEG: usize = usize::MAX;

/// gc's `nextSize`: the next bigger size for a buffer of a given size.
fn next_size(size: usize) -> usize {
    const MIN: usize = 4 << 10; // 4K: minimum buffer size
    const MAX: usize = 1 << 20; // 1M: maximum buffer size which is still doubled
    if size < MIN {
        MIN
    } else if size <= MAX {
        size << 1
    } else {
        size + MAX
    }
}

pub struct Scanner<'src> {
    pub src: &'src [u8],
    pub mode: CommentMode,
    /// The current token.
    pub tok: Token,
    pub pos: Pos,
    pub end: Pos,
    /// Whether the line is blank up to the token (gc's `blank`).
    pub blank: bool,
    pub kind: LitKind,
    pub bad: bool,
    pub op: Operator,
    pub prec: u8,
    pub semi: &'static str,
    pub errors: Vec<ScanError>,
    pub comments: Vec<Comment>,

    /// The current character, or `EOF`.
    ch: i32,
    /// Offset of `ch`.
    cp: usize,
    /// Offset of the byte after `ch`.
    r: usize,
    /// If set, a newline or the end of input becomes a `Semi`.
    nlsemi: bool,
    /// gc's buffer emulation (see `fill`): the end of the bytes gc has
    /// read, its buffer size, the start of its active segment (`NO_SEG`
    /// if none), and whether its reader reported EOF.
    e: usize,
    buf_len: usize,
    seg: usize,
    eof: bool,
    /// Tests: how often gc's `rewind` would have miscounted a line (see
    /// the header's known divergence).
    #[cfg(test)]
    rewind_nl: u32,
}

impl<'src> Scanner<'src> {
    pub fn new(src: &'src [u8], mode: CommentMode) -> Scanner<'src> {
        Scanner {
            src,
            mode,
            tok: Token::Eof,
            pos: 0,
            end: 0,
            blank: true,
            kind: LitKind::Int,
            bad: false,
            op: Operator::None,
            prec: 0,
            semi: "",
            errors: Vec::new(),
            comments: Vec::new(),
            // gc starts with a fake ' ' of width 0 at offset 0.
            ch: b' ' as i32,
            cp: 0,
            r: 0,
            nlsemi: false,
            e: 0,
            buf_len: next_size(0),
            seg: NO_SEG,
            eof: false,
            #[cfg(test)]
            rewind_nl: 0,
        }
    }

    /// The current token's source text.
    pub fn text(&self) -> &'src [u8] {
        &self.src[self.pos as usize..self.end as usize]
    }

    // ---- source layer (gc's source.go) ----

    /// Reads the next character into `ch`.
    #[inline(always)]
    fn nextch(&mut self) {
        let r = self.r;
        if r < self.e {
            let b = self.src[r];
            if b.wrapping_sub(1) < 0x7f {
                // 1..=0x7f: plain ASCII
                self.ch = b as i32;
                self.cp = r;
                self.r = r + 1;
                return;
            }
        }
        self.nextch_slow();
    }

    /// `nextch` at the end of gc's buffer, a NUL, or a non-ASCII byte.
    #[inline(never)]
    fn nextch_slow(&mut self) {
        let src = self.src;
        let mut r = self.r;
        loop {
            // gc's fast path, the only place it checks for NUL
            if r < self.e && src[r] < 0x80 {
                let b = src[r];
                if b == 0 {
                    self.error_at(r, "invalid NUL character");
                    r += 1;
                    continue;
                }
                self.ch = b as i32;
                self.cp = r;
                self.r = r + 1;
                return;
            }

            // slower general case: refill gc's buffer if it lacks a full
            // rune; decoding below can yield an unreported NUL
            while self.e - r < 4 && !full_rune(&src[r..self.e]) && !self.eof {
                self.fill(r);
            }
            if r == self.e {
                self.ch = EOF;
                self.cp = r;
                self.r = r;
                return;
            }
            if src[r] < 0x80 {
                // as gc's utf8.DecodeRune: a NUL here is not reported
                self.ch = src[r] as i32;
                self.cp = r;
                self.r = r + 1;
                return;
            }
            let (c, w) = decode_rune(&src[r..self.e]);
            if w == 0 {
                self.error_at(r, "invalid UTF-8 encoding");
                r += 1;
                continue;
            }
            if c == 0xfeff {
                // BOMs are only allowed as the first character of a file.
                if r > 0 {
                    self.error_at(r, "invalid BOM in the middle of the file");
                }
                r += w;
                continue;
            }
            self.ch = c as i32;
            self.cp = r;
            self.r = r + w;
            return;
        }
    }

    /// gc's `source.fill`, counting only: gc reads its file through a
    /// buffer, and a NUL byte that is the first byte of a refill escapes
    /// its NUL check (gc then reports "invalid character U+0000" or ends an
    /// identifier there). The refill points depend only on the buffer
    /// size, the kept segment (`seg`, the token start, or `r` if none) and
    /// full reads (as from an `os.File` or a `bytes.Reader`), so they are
    /// reproduced exactly by tracking gc's buffer length and end `e`.
    #[cold]
    #[inline(never)]
    fn fill(&mut self, r: usize) {
        let keep = if self.seg != NO_SEG { self.seg } else { r };
        let content = self.e - keep;
        if content * 2 > self.buf_len {
            self.buf_len = next_size(self.buf_len);
        }
        let n = (self.buf_len - 1 - content).min(self.src.len() - self.e);
        if n == 0 {
            self.eof = true; // io.EOF
        }
        self.e += n;
    }

    /// Continues plain-byte scanning at offset `r`: makes `src[r]` (or
    /// what follows it, after reported invalid bytes) the current character.
    #[inline(always)]
    fn resync(&mut self, r: usize) {
        self.r = r;
        self.nextch();
    }

    #[cold]
    #[inline(never)]
    fn error_at(&mut self, pos: usize, msg: impl Into<String>) {
        self.errors.push(ScanError {
            pos: pos as Pos,
            msg: msg.into(),
        });
    }

    /// Reports an error at the current character (gc's `errorf`).
    #[cold]
    #[inline(never)]
    fn error_here(&mut self, msg: impl Into<String>) {
        self.error_at(self.cp, msg);
    }

    /// Reports an error `offset` bytes after the token start (gc's `errorAtf`).
    #[cold]
    #[inline(never)]
    fn error_tok(&mut self, offset: usize, msg: impl Into<String>) {
        self.error_at(self.pos as usize + offset, msg);
    }

    // ---- token layer (gc's scanner.go) ----

    /// Advances to the next token. (Inlined: best called from one place,
    /// e.g. the parser's own `next`, so that the fast path inlines there.)
    #[inline]
    pub fn next(&mut self) {
        if !self.next_fast() {
            self.next_slow();
        }
    }

    /// `next` by gc's algorithm proper.
    #[inline(never)]
    fn next_slow(&mut self) {
        self.op = Operator::None;
        self.prec = 0;
        self.bad = false;
        self.scan();
        self.end = self.cp as Pos;
    }

    /// The fast path of `next`, for the common token: plain ASCII bytes
    /// (1..=0x7f) within gc's buffer (blanks, the token, and the byte after
    /// it), scanned on a local index. It produces exactly what `scan` would
    /// (which never reports an error for such input), or returns false
    /// (block comments, escapes, most number forms, non-ASCII, NUL, the end
    /// of gc's buffer, anything erroneous) having changed nothing but
    /// consumed whole `//` comments, leaving gc's state at its `redo`, and
    /// `scan` takes the token. (`ch` is plain iff `src[cp]` is: the
    /// initial fake ' ' has `e == 0`, a character from `nextch_slow` that
    /// is not plain sits on a byte that is not, or at `src.len()`.)
    #[inline(always)]
    fn next_fast(&mut self) -> bool {
        let buf = &self.src[..self.e];
        let nlsemi = self.nlsemi;
        // blank bytes: ' ', '\t', '\r' (bit 0), and '\n' (bit 1) unless nlsemi
        let blanks = if nlsemi { 1 } else { 3 };

        let mut start;
        let mut p;
        let mut nl;
        let mut b;
        loop {
            // skip white space, noting newlines
            start = self.cp;
            p = start;
            nl = false;
            let Some(&c) = buf.get(p) else { return false };
            b = c;
            if BLANK[b as usize] & blanks != 0 {
                nl = b == b'\n';
                p += 1;
                let Some(&c) = buf.get(p) else { return false };
                b = c;
                if BLANK[b as usize] & blanks != 0 {
                    // a longer run
                    let (q, n) = skip_blanks(buf, p, nlsemi);
                    p = q;
                    nl |= n;
                    let Some(&c) = buf.get(p) else { return false };
                    b = c;
                }
            }

            // a plain '//' comment ending in a newline
            if b != b'/' || buf.get(p + 1) != Some(&b'/') {
                break;
            }
            let q = skip_bytes(buf, p + 2, line_stops, |b| {
                b != b'\n' && b.wrapping_sub(1) < 0x7f
            });
            if buf.get(q) != Some(&b'\n') {
                return false;
            }
            let text = &buf[p..q];
            if self.mode == CommentMode::All
                || self.mode == CommentMode::Directives
                    && (text.starts_with(b"//go:") || text.starts_with(b"//line "))
            {
                self.comments.push(Comment {
                    pos: p as Pos,
                    end: q as Pos,
                });
            }
            // commit gc's state at its `redo` after the comment, so that
            // `scan` can take over from here, too
            self.ch = b'\n' as i32;
            self.cp = q;
            self.r = q + 1;
        }

        let pos = p;
        let mut nls = false;
        let (mut op, mut prec) = (Operator::None, 0);
        let mut semi = "";
        let tok;
        let end;
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let q = skip_bytes(buf, p + 1, ident_stops, |b| IDENT[b as usize]);
                end = q;
                (tok, nls) = match lookup_keyword(buf, p, q) {
                    Some(kw) => (
                        kw,
                        matches!(
                            kw,
                            Token::Break | Token::Continue | Token::Fallthrough | Token::Return
                        ),
                    ),
                    None => (Token::Name, true),
                };
            }
            b'0'..=b'9' => {
                // plain decimal and hexadecimal integers (and a lone 0)
                let mut q = p + 1;
                if b != b'0' {
                    q = skip_bytes(buf, q, digit_stops, |b| b.is_ascii_digit());
                } else if plain(buf, q) | 0x20 == b'x' {
                    q += 1;
                    while q < buf.len() && buf[q].is_ascii_hexdigit() {
                        q += 1;
                    }
                    if q == p + 2 {
                        return false; // no digits
                    }
                }
                // bail out if the number goes on (conservatively, in ASCII
                // lower case; '_' becomes 0x7f), or at a non-plain byte
                let more = plain(buf, q);
                if more == 0
                    || matches!(
                        more | 0x20,
                        b'0'..=b'9' | 0x7f | b'.' | b'e' | b'p' | b'i' | b'x' | b'o' | b'b'
                    )
                {
                    return false;
                }
                end = q;
                tok = Token::Literal;
                self.kind = LitKind::Int;
                nls = true;
            }
            b'"' => {
                let q = skip_bytes(buf, p + 1, string_stops, |b| !STRING_STOP[b as usize]);
                if buf.get(q) != Some(&b'"') {
                    return false;
                }
                end = q + 1;
                tok = Token::Literal;
                self.kind = LitKind::String;
                nls = true;
            }
            b'`' => {
                let q = skip_bytes(buf, p + 1, raw_stops, |b| {
                    b != b'`' && b.wrapping_sub(1) < 0x7f
                });
                if buf.get(q) != Some(&b'`') {
                    return false;
                }
                end = q + 1;
                tok = Token::Literal;
                self.kind = LitKind::String;
                nls = true;
            }
            _ => {
                // punctuation and operators: one byte of lookahead
                let b1 = plain(buf, p + 1);
                if b1 == 0 {
                    return false;
                }
                let mut len = 1;
                // gc's assignop
                let assign_op = |len: &mut usize| {
                    if b1 == b'=' {
                        *len = 2;
                        Token::AssignOp
                    } else {
                        Token::Operator
                    }
                };
                tok = match b {
                    b'\n' => {
                        semi = "newline";
                        Token::Semi
                    }
                    b';' => {
                        semi = "semicolon";
                        Token::Semi
                    }
                    b'(' => Token::Lparen,
                    b'[' => Token::Lbrack,
                    b'{' => Token::Lbrace,
                    b',' => Token::Comma,
                    b')' | b']' | b'}' => {
                        nls = true;
                        match b {
                            b')' => Token::Rparen,
                            b']' => Token::Rbrack,
                            _ => Token::Rbrace,
                        }
                    }
                    b':' if b1 == b'=' => {
                        len = 2;
                        op = Operator::Def;
                        Token::Define
                    }
                    b':' => Token::Colon,
                    b'.' if b1 == b'.' || b1.is_ascii_digit() => return false,
                    b'.' => Token::Dot,
                    b'+' | b'-' => {
                        (op, prec) = (
                            if b == b'+' {
                                Operator::Add
                            } else {
                                Operator::Sub
                            },
                            PREC_ADD,
                        );
                        if b1 == b {
                            len = 2;
                            nls = true;
                            Token::IncOp
                        } else {
                            assign_op(&mut len)
                        }
                    }
                    b'*' => {
                        (op, prec) = (Operator::Mul, PREC_MUL);
                        if b1 == b'=' {
                            len = 2;
                            Token::AssignOp
                        } else {
                            Token::Star
                        }
                    }
                    b'/' if b1 == b'/' || b1 == b'*' => return false, // comments
                    b'/' => {
                        (op, prec) = (Operator::Div, PREC_MUL);
                        assign_op(&mut len)
                    }
                    b'%' => {
                        (op, prec) = (Operator::Rem, PREC_MUL);
                        assign_op(&mut len)
                    }
                    b'&' if b1 == b'^' => return false,
                    b'&' if b1 == b'&' => {
                        (op, prec, len) = (Operator::AndAnd, PREC_ANDAND, 2);
                        Token::Operator
                    }
                    b'&' => {
                        (op, prec) = (Operator::And, PREC_MUL);
                        assign_op(&mut len)
                    }
                    b'|' if b1 == b'|' => {
                        (op, prec, len) = (Operator::OrOr, PREC_OROR, 2);
                        Token::Operator
                    }
                    b'|' => {
                        (op, prec) = (Operator::Or, PREC_ADD);
                        assign_op(&mut len)
                    }
                    b'^' => {
                        (op, prec) = (Operator::Xor, PREC_ADD);
                        assign_op(&mut len)
                    }
                    b'<' | b'>' if b1 == b => {
                        // << <<= >> >>=
                        let b2 = plain(buf, p + 2);
                        if b2 == 0 {
                            return false;
                        }
                        (op, prec) = (
                            if b == b'<' {
                                Operator::Shl
                            } else {
                                Operator::Shr
                            },
                            PREC_MUL,
                        );
                        if b2 == b'=' {
                            len = 3;
                            Token::AssignOp
                        } else {
                            len = 2;
                            Token::Operator
                        }
                    }
                    b'<' | b'>' if b1 == b'=' => {
                        (op, prec, len) = (
                            if b == b'<' {
                                Operator::Leq
                            } else {
                                Operator::Geq
                            },
                            PREC_CMP,
                            2,
                        );
                        Token::Operator
                    }
                    b'<' if b1 == b'-' => {
                        len = 2;
                        Token::Arrow
                    }
                    b'<' | b'>' => {
                        (op, prec) = (
                            if b == b'<' {
                                Operator::Lss
                            } else {
                                Operator::Gtr
                            },
                            PREC_CMP,
                        );
                        Token::Operator
                    }
                    b'=' if b1 == b'=' => {
                        (op, prec, len) = (Operator::Eql, PREC_CMP, 2);
                        Token::Operator
                    }
                    b'=' => Token::Assign,
                    b'!' if b1 == b'=' => {
                        (op, prec, len) = (Operator::Neq, PREC_CMP, 2);
                        Token::Operator
                    }
                    b'!' => {
                        op = Operator::Not;
                        Token::Operator
                    }
                    b'~' => {
                        op = Operator::Tilde;
                        Token::Operator
                    }
                    _ => return false,
                };
                end = p + len;
            }
        }

        // the character after the token must be plain, too
        let next = plain(buf, end);
        if next == 0 {
            return false;
        }
        self.ch = next as i32;
        self.cp = end;
        self.r = end + 1;
        self.pos = pos as Pos;
        self.end = end as Pos;
        let prev = if start > 0 { buf[start - 1] } else { b'\n' };
        self.blank = nl | (prev == b'\n');
        self.nlsemi = nls;
        self.tok = tok;
        self.op = op;
        self.prec = prec;
        self.bad = false;
        self.semi = semi; // meaningless unless tok is Semi
        true
    }

    fn scan(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        let src = self.src;

        loop {
            // skip white space
            self.seg = NO_SEG;
            let start = self.cp;
            let mut nl = false;
            loop {
                let c = self.ch;
                if !(c == b' ' as i32
                    || c == b'\t' as i32
                    || c == b'\r' as i32
                    || c == b'\n' as i32 && !nlsemi)
                {
                    break;
                }
                nl |= c == b'\n' as i32;
                let mut r = self.r;
                let buf = &src[..self.e];
                while let Some(&b) = buf.get(r) {
                    if b == b' ' || b == b'\t' || b == b'\r' {
                        r += 1;
                    } else if b == b'\n' && !nlsemi {
                        nl = true;
                        r += 1;
                    } else {
                        break;
                    }
                }
                self.resync(r);
            }

            // token start
            self.pos = self.cp as Pos;
            self.seg = self.cp;
            self.blank = nl || start == 0 || src[start - 1] == b'\n';
            let c = self.ch;
            if c >= 0x80 {
                // gc's atIdentChar(true): any non-ASCII character starts an
                // identifier, possibly with an error.
                self.check_ident_char(true);
                self.nextch();
                self.ident();
                return;
            }
            if c == EOF {
                if nlsemi {
                    self.semi = "EOF";
                    self.tok = Token::Semi;
                } else {
                    self.tok = Token::Eof;
                }
                return;
            }

            let c = c as u8;
            match c {
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                    self.ident();
                    return;
                }
                b'\n' => {
                    self.nextch();
                    self.semi = "newline";
                    self.tok = Token::Semi;
                }
                b'0'..=b'9' => self.number(false),
                b'"' => self.std_string(),
                b'`' => self.raw_string(),
                b'\'' => self.rune(),
                b'(' => self.punct(Token::Lparen),
                b'[' => self.punct(Token::Lbrack),
                b'{' => self.punct(Token::Lbrace),
                b',' => self.punct(Token::Comma),
                b';' => {
                    self.nextch();
                    self.semi = "semicolon";
                    self.tok = Token::Semi;
                }
                b')' => {
                    self.punct(Token::Rparen);
                    self.nlsemi = true;
                }
                b']' => {
                    self.punct(Token::Rbrack);
                    self.nlsemi = true;
                }
                b'}' => {
                    self.punct(Token::Rbrace);
                    self.nlsemi = true;
                }
                b':' => {
                    self.nextch();
                    if self.ch == b'=' as i32 {
                        self.nextch();
                        self.op = Operator::Def;
                        self.tok = Token::Define;
                    } else {
                        self.tok = Token::Colon;
                    }
                }
                b'.' => {
                    self.nextch();
                    if is_decimal(self.ch) {
                        self.number(true);
                    } else {
                        if self.ch == b'.' as i32 {
                            self.nextch();
                            if self.ch == b'.' as i32 {
                                self.nextch();
                                self.tok = Token::DotDotDot;
                                return;
                            }
                            // gc's rewind: back to the 1st '.', consume it again
                            #[cfg(test)]
                            if self.ch == b'\n' as i32 {
                                self.rewind_nl += 1;
                            }
                            self.r = self.pos as usize;
                            self.nextch();
                            self.nextch();
                        }
                        self.tok = Token::Dot;
                    }
                }
                b'+' | b'-' => {
                    self.nextch();
                    self.set_op(
                        if c == b'+' {
                            Operator::Add
                        } else {
                            Operator::Sub
                        },
                        PREC_ADD,
                    );
                    if self.ch == c as i32 {
                        self.nextch();
                        self.nlsemi = true;
                        self.tok = Token::IncOp;
                    } else {
                        self.assign_op();
                    }
                }
                b'*' => {
                    self.nextch();
                    self.set_op(Operator::Mul, PREC_MUL);
                    // not assign_op: we want a Star token
                    if self.ch == b'=' as i32 {
                        self.nextch();
                        self.tok = Token::AssignOp;
                    } else {
                        self.tok = Token::Star;
                    }
                }
                b'/' => {
                    self.nextch();
                    if self.ch == b'/' as i32 {
                        self.nextch();
                        self.line_comment();
                        // back to the fast path for what follows
                        self.nlsemi = nlsemi;
                        if self.next_fast() {
                            return;
                        }
                        self.nlsemi = false;
                        continue;
                    }
                    if self.ch == b'*' as i32 {
                        self.nextch();
                        self.full_comment();
                        if nlsemi && src[self.pos as usize..self.cp].contains(&b'\n') {
                            // A multi-line comment acts like a newline;
                            // it translates to a ';' if nlsemi is set.
                            self.semi = "newline";
                            self.tok = Token::Semi;
                            return;
                        }
                        self.nlsemi = nlsemi;
                        if self.next_fast() {
                            return;
                        }
                        self.nlsemi = false;
                        continue;
                    }
                    self.set_op(Operator::Div, PREC_MUL);
                    self.assign_op();
                }
                b'%' => {
                    self.nextch();
                    self.set_op(Operator::Rem, PREC_MUL);
                    self.assign_op();
                }
                b'&' => {
                    self.nextch();
                    if self.ch == b'&' as i32 {
                        self.nextch();
                        self.operator(Operator::AndAnd, PREC_ANDAND);
                    } else {
                        self.set_op(Operator::And, PREC_MUL);
                        if self.ch == b'^' as i32 {
                            self.nextch();
                            self.op = Operator::AndNot;
                        }
                        self.assign_op();
                    }
                }
                b'|' => {
                    self.nextch();
                    if self.ch == b'|' as i32 {
                        self.nextch();
                        self.operator(Operator::OrOr, PREC_OROR);
                    } else {
                        self.set_op(Operator::Or, PREC_ADD);
                        self.assign_op();
                    }
                }
                b'^' => {
                    self.nextch();
                    self.set_op(Operator::Xor, PREC_ADD);
                    self.assign_op();
                }
                b'<' => {
                    self.nextch();
                    if self.ch == b'=' as i32 {
                        self.nextch();
                        self.operator(Operator::Leq, PREC_CMP);
                    } else if self.ch == b'<' as i32 {
                        self.nextch();
                        self.set_op(Operator::Shl, PREC_MUL);
                        self.assign_op();
                    } else if self.ch == b'-' as i32 {
                        self.nextch();
                        self.tok = Token::Arrow;
                    } else {
                        self.operator(Operator::Lss, PREC_CMP);
                    }
                }
                b'>' => {
                    self.nextch();
                    if self.ch == b'=' as i32 {
                        self.nextch();
                        self.operator(Operator::Geq, PREC_CMP);
                    } else if self.ch == b'>' as i32 {
                        self.nextch();
                        self.set_op(Operator::Shr, PREC_MUL);
                        self.assign_op();
                    } else {
                        self.operator(Operator::Gtr, PREC_CMP);
                    }
                }
                b'=' => {
                    self.nextch();
                    if self.ch == b'=' as i32 {
                        self.nextch();
                        self.operator(Operator::Eql, PREC_CMP);
                    } else {
                        self.tok = Token::Assign;
                    }
                }
                b'!' => {
                    self.nextch();
                    if self.ch == b'=' as i32 {
                        self.nextch();
                        self.operator(Operator::Neq, PREC_CMP);
                    } else {
                        self.operator(Operator::Not, 0);
                    }
                }
                b'~' => {
                    self.nextch();
                    self.operator(Operator::Tilde, 0);
                }
                _ => {
                    self.error_here(format!("invalid character {}", fmt_u(c as u32)));
                    self.nextch();
                    continue;
                }
            }
            return;
        }
    }

    #[inline(always)]
    fn punct(&mut self, tok: Token) {
        self.nextch();
        self.tok = tok;
    }

    #[inline(always)]
    fn set_op(&mut self, op: Operator, prec: u8) {
        self.op = op;
        self.prec = prec;
    }

    #[inline(always)]
    fn operator(&mut self, op: Operator, prec: u8) {
        self.set_op(op, prec);
        self.tok = Token::Operator;
    }

    /// gc's `assignop` label: `op=` or plain `op`, `op`/`prec` already set.
    #[inline(always)]
    fn assign_op(&mut self) {
        if self.ch == b'=' as i32 {
            self.nextch();
            self.tok = Token::AssignOp;
        } else {
            self.tok = Token::Operator;
        }
    }

    /// Scans the rest of an identifier or keyword whose first character
    /// has been consumed.
    #[inline(always)]
    fn ident(&mut self) {
        let src = self.src;
        loop {
            // fast path: 7-bit ASCII letters and digits
            if is_ident_byte(self.ch) {
                let r = skip_bytes(&src[..self.e], self.r, ident_stops, |b| IDENT[b as usize]);
                self.resync(r);
                // resync may have skipped invalid bytes: look again
                continue;
            }
            // general case
            if self.ch >= 0x80 {
                self.check_ident_char(false);
                self.nextch();
                continue;
            }
            break;
        }

        // possibly a keyword
        if let Some(tok) = lookup_keyword(src, self.pos as usize, self.cp) {
            self.nlsemi = matches!(
                tok,
                Token::Break | Token::Continue | Token::Fallthrough | Token::Return
            );
            self.tok = tok;
            return;
        }
        self.nlsemi = true;
        self.tok = Token::Name;
    }

    /// gc's `atIdentChar` for a character >= 0x80, which always belongs to
    /// the identifier: reports it if it is not a letter (or, `first`, is a
    /// digit).
    #[cold]
    #[inline(never)]
    fn check_ident_char(&mut self, first: bool) {
        let c = self.ch as u32;
        if is_letter(c) {
            // ok
        } else if is_digit(c) {
            if first {
                self.error_here(format!("identifier cannot begin with digit {}", fmt_u(c)));
            }
        } else {
            self.error_here(format!("invalid character {} in identifier", fmt_u(c)));
        }
    }

    /// Sets the state for a recognized literal (gc's `setLit`).
    #[inline(always)]
    fn set_lit(&mut self, kind: LitKind, ok: bool) {
        self.nlsemi = true;
        self.tok = Token::Literal;
        self.bad = !ok;
        self.kind = kind;
    }

    /// Accepts `{ digit | '_' }` (gc's `digits`). For `base <= 10` any
    /// decimal digit is accepted, but the offset (from the token start) of
    /// the first digit >= base is recorded in `invalid`. Returns bit 0 if a
    /// digit was seen and bit 1 if a `_` was.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        if base <= 10 {
            let max = b'0' as i32 + base as i32;
            while is_decimal(self.ch) || self.ch == b'_' as i32 {
                let mut ds = 1;
                if self.ch == b'_' as i32 {
                    ds = 2;
                } else if self.ch >= max && invalid.is_none() {
                    *invalid = Some(self.cp - self.pos as usize);
                }
                digsep |= ds;
                self.nextch();
            }
        } else {
            while is_hex(self.ch) || self.ch == b'_' as i32 {
                digsep |= if self.ch == b'_' as i32 { 2 } else { 1 };
                self.nextch();
            }
        }
        digsep
    }

    fn number(&mut self, mut seen_point: bool) {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10; // number base
        let mut prefix = 0u8; // one of 0 (decimal), '0' (0-octal), 'x', 'o', or 'b'
        let mut digsep = 0; // bit 0: digit present, bit 1: '_' present
        let mut invalid = None; // offset of invalid digit in literal

        // integer part
        if !seen_point {
            if self.ch == b'0' as i32 {
                self.nextch();
                match lower(self.ch) {
                    0x78 /* x */ => {
                        self.nextch();
                        (base, prefix) = (16, b'x');
                    }
                    0x6f /* o */ => {
                        self.nextch();
                        (base, prefix) = (8, b'o');
                    }
                    0x62 /* b */ => {
                        self.nextch();
                        (base, prefix) = (2, b'b');
                    }
                    _ => {
                        (base, prefix) = (8, b'0');
                        digsep = 1; // leading 0
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.ch == b'.' as i32 {
                if prefix == b'o' || prefix == b'b' {
                    self.error_here(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }

        // fractional part
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }

        if digsep & 1 == 0 && ok {
            self.error_here(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }

        // exponent
        let e = lower(self.ch);
        if e == b'e' as i32 || e == b'p' as i32 {
            if ok {
                if e == b'e' as i32 && prefix != 0 && prefix != b'0' {
                    self.error_here(format!(
                        "{} exponent requires decimal mantissa",
                        quote_rune(self.ch as u32)
                    ));
                    ok = false;
                } else if e == b'p' as i32 && prefix != b'x' {
                    self.error_here(format!(
                        "{} exponent requires hexadecimal mantissa",
                        quote_rune(self.ch as u32)
                    ));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.ch == b'+' as i32 || self.ch == b'-' as i32 {
                self.nextch();
            }
            digsep = self.digits(10, &mut None) | digsep & 2; // don't lose sep bit
            if digsep & 1 == 0 && ok {
                self.error_here("exponent has no digits");
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.error_here("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }

        // suffix 'i'
        if self.ch == b'i' as i32 {
            kind = LitKind::Imag;
            self.nextch();
        }

        self.set_lit(kind, ok);
        let lit = &self.src[self.pos as usize..self.cp];

        if kind == LitKind::Int
            && ok
            && let Some(i) = invalid
        {
            let msg = format!(
                "invalid digit {} in {} literal",
                quote_rune(lit[i] as u32),
                base_name(base)
            );
            self.error_tok(i, msg);
            ok = false;
        }

        if digsep & 2 != 0
            && ok
            && let Some(i) = invalid_sep(lit)
        {
            self.error_tok(i, "'_' must separate successive digits");
            ok = false;
        }

        self.bad = !ok;
    }

    fn rune(&mut self) {
        let mut ok = true;
        self.nextch();

        let mut n = 0;
        loop {
            let c = self.ch;
            if c == b'\'' as i32 {
                if ok {
                    if n == 0 {
                        self.error_here("empty rune literal or unescaped '");
                        ok = false;
                    } else if n != 1 {
                        self.error_tok(0, "more than one character in rune literal");
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if c == b'\\' as i32 {
                self.nextch();
                if !self.escape(b'\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if c == b'\n' as i32 {
                if ok {
                    self.error_here("newline in rune literal");
                    ok = false;
                }
                break;
            }
            if c < 0 {
                if ok {
                    self.error_tok(0, "rune literal not terminated");
                    ok = false;
                }
                break;
            }
            self.nextch();
            n += 1;
        }

        self.set_lit(LitKind::Rune, ok);
    }

    fn std_string(&mut self) {
        let mut ok = true;
        self.nextch();
        let src = self.src;

        loop {
            let c = self.ch;
            if c == b'"' as i32 {
                self.nextch();
                break;
            }
            if c == b'\\' as i32 {
                self.nextch();
                if !self.escape(b'"') {
                    ok = false;
                }
                continue;
            }
            if c == b'\n' as i32 {
                self.error_here("newline in string");
                ok = false;
                break;
            }
            if c < 0 {
                self.error_tok(0, "string not terminated");
                ok = false;
                break;
            }
            // plain bytes up to the next interesting one
            let mut r = self.r;
            let buf = &src[..self.e];
            while let Some(&b) = buf.get(r) {
                if STRING_STOP[b as usize] {
                    break;
                }
                r += 1;
            }
            self.resync(r);
        }

        self.set_lit(LitKind::String, ok);
    }

    fn raw_string(&mut self) {
        let mut ok = true;
        self.nextch();
        let src = self.src;

        loop {
            let c = self.ch;
            if c == b'`' as i32 {
                self.nextch();
                break;
            }
            if c < 0 {
                self.error_tok(0, "string not terminated");
                ok = false;
                break;
            }
            let mut r = self.r;
            let buf = &src[..self.e];
            while let Some(&b) = buf.get(r) {
                if b == b'`' || b == 0 || b >= 0x80 {
                    break;
                }
                r += 1;
            }
            self.resync(r);
        }
        // We leave CRs in the string since they are part of the
        // literal (even though they are not part of the literal
        // value).

        self.set_lit(LitKind::String, ok);
    }

    /// Records the comment starting at the token start and ending at `ch`.
    #[inline(always)]
    fn comment(&mut self) {
        self.comments.push(Comment {
            pos: self.pos,
            end: self.cp as Pos,
        });
    }

    /// Skips to the end of the line; does not consume the '\n' (needed for
    /// the nlsemi logic).
    #[inline(always)]
    fn skip_line(&mut self) {
        let src = self.src;
        while self.ch >= 0 && self.ch != b'\n' as i32 {
            let r = skip_bytes(&src[..self.e], self.r, line_stops, |b| {
                b != b'\n' && b.wrapping_sub(1) < 0x7f
            });
            self.resync(r);
        }
    }

    /// Matches `prefix` against the coming characters, consuming the
    /// matched ones (gc's loop over the directive prefix).
    fn match_prefix(&mut self, prefix: &[u8]) -> bool {
        for &m in prefix {
            if self.ch != m as i32 {
                return false;
            }
            self.nextch();
        }
        true
    }

    /// A `//` comment; the opening has been consumed.
    fn line_comment(&mut self) {
        match self.mode {
            CommentMode::All => {
                self.skip_line();
                self.comment();
            }
            CommentMode::Directives if self.ch == b'g' as i32 || self.ch == b'l' as i32 => {
                // recognize go: or line directives
                let prefix: &[u8] = if self.ch == b'l' as i32 {
                    b"line "
                } else {
                    b"go:"
                };
                if self.match_prefix(prefix) {
                    // directive text
                    self.skip_line();
                    self.comment();
                } else {
                    self.seg = NO_SEG;
                    self.skip_line();
                }
            }
            _ => {
                self.seg = NO_SEG;
                self.skip_line();
            }
        }
    }

    /// Skips the rest of a `/*` comment, reporting it if not terminated
    /// (gc's `skipComment`): stops after the first `*/` (of characters:
    /// invalid bytes between `*` and `/` are invisible).
    fn skip_comment(&mut self) -> bool {
        let src = self.src;
        let mut star = false; // the previous character was '*'
        loop {
            let c = self.ch;
            if c < 0 {
                break;
            }
            if c == b'/' as i32 && star {
                self.nextch();
                return true;
            }
            star = c == b'*' as i32;
            let mut r = self.r;
            let buf = &src[..self.e];
            while let Some(&b) = buf.get(r) {
                if b == b'/' && star {
                    self.resync(r + 1);
                    return true;
                }
                if b == 0 || b >= 0x80 {
                    break;
                }
                star = b == b'*';
                r += 1;
            }
            self.resync(r);
        }
        self.error_tok(0, "comment not terminated");
        false
    }

    /// A `/*` comment; the opening has been consumed.
    #[allow(clippy::collapsible_match)] // a guard would skip the comment twice
    fn full_comment(&mut self) {
        match self.mode {
            CommentMode::All => {
                if self.skip_comment() {
                    self.comment();
                }
            }
            CommentMode::Directives if self.ch == b'l' as i32 => {
                // recognize line directive
                if self.match_prefix(b"line ") {
                    // directive text
                    if self.skip_comment() {
                        self.comment();
                    }
                } else {
                    self.seg = NO_SEG;
                    self.skip_comment();
                }
            }
            _ => {
                self.seg = NO_SEG;
                self.skip_comment();
            }
        }
    }

    /// Scans an escape sequence after its `\` (gc's `escape`). Returns
    /// false if an error was reported; at the end of input it returns true
    /// and leaves the complaint to the caller.
    fn escape(&mut self, quote: u8) -> bool {
        let (n, base, max): (u32, u32, u32);
        let c = self.ch;
        if c == quote as i32 || matches!(c, 0x61 | 0x62 | 0x66 | 0x6e | 0x72 | 0x74 | 0x76 | 0x5c) {
            // a b f n r t v \
            self.nextch();
            return true;
        }
        match c {
            0x30..=0x37 /* '0'..='7' */ => (n, base, max) = (3, 8, 255),
            0x78 /* x */ => {
                self.nextch();
                (n, base, max) = (2, 16, 255);
            }
            0x75 /* u */ => {
                self.nextch();
                (n, base, max) = (4, 16, 0x10ffff);
            }
            0x55 /* U */ => {
                self.nextch();
                (n, base, max) = (8, 16, 0x10ffff);
            }
            _ => {
                if c < 0 {
                    return true; // complain in caller about EOF
                }
                self.error_here("unknown escape");
                return false;
            }
        }

        let mut x: u32 = 0;
        for _ in 0..n {
            let c = self.ch;
            if c < 0 {
                return true; // complain in caller about EOF
            }
            let mut d = base;
            if is_decimal(c) {
                d = (c - b'0' as i32) as u32;
            } else if (b'a' as i32..=b'f' as i32).contains(&lower(c)) {
                d = (lower(c) - b'a' as i32) as u32 + 10;
            }
            if d >= base {
                self.error_here(format!(
                    "invalid character {} in {} escape",
                    quote_rune(c as u32),
                    base_name(base)
                ));
                return false;
            }
            // d < base; at most 8 hex digits fit in a u32
            x = x * base + d;
            self.nextch();
        }

        if x > max && base == 8 {
            self.error_here(format!("octal escape value {x} > 255"));
            return false;
        }

        if x > max || (0xd800..0xe000).contains(&x) {
            self.error_here(format!("escape is invalid Unicode code point {}", fmt_u(x)));
            return false;
        }

        true
    }
}

// ---- character classes ----

/// gc's `lower`: the lower-case ch iff ch is an ASCII letter.
#[inline(always)]
fn lower(ch: i32) -> i32 {
    (b'a' - b'A') as i32 | ch
}

#[inline(always)]
fn is_decimal(ch: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&ch)
}

#[inline(always)]
fn is_hex(ch: i32) -> bool {
    is_decimal(ch) || (b'a' as i32..=b'f' as i32).contains(&lower(ch))
}

#[inline(always)]
fn is_ident_byte(ch: i32) -> bool {
    (0..0x80).contains(&ch) && IDENT[ch as usize]
}

// ---- SWAR: eight bytes at a time, in portable safe code ----

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

#[inline(always)]
const fn splat(b: u8) -> u64 {
    ONES * b as u64
}

/// For `x` with all bytes < 0x80: the high bit of each byte in `lo..=hi`
/// (exact: no carry crosses bytes).
#[inline(always)]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let ge = x.wrapping_add(splat(0x80 - lo));
    let gt = x.wrapping_add(splat(0x7f - hi));
    ge & !gt & HIGH
}

/// The high bit of zero bytes of `x`; exact up to the lowest zero byte
/// (above it a borrow may set false bits), which is all `skip_bytes` uses.
#[inline(always)]
fn zeros(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGH
}

/// Stops for `skip_bytes`: a byte that is not an ASCII letter, digit or `_`.
#[inline(always)]
fn ident_stops(x: u64) -> u64 {
    let x7 = x & !HIGH;
    let id = in_range(x7, b'0', b'9')
        | in_range(x7 | splat(0x20), b'a', b'z')
        | in_range(x7, b'_', b'_');
    (!id | x) & HIGH
}

/// A byte that is not a decimal digit.
#[inline(always)]
fn digit_stops(x: u64) -> u64 {
    (!in_range(x & !HIGH, b'0', b'9') | x) & HIGH
}

/// A byte that is not ' ', '\t' or '\r'.
#[inline(always)]
fn blank_stops(x: u64) -> u64 {
    let x7 = x & !HIGH;
    let bl = in_range(x7, b'\t', b'\t') | in_range(x7, b'\r', b'\r') | in_range(x7, b' ', b' ');
    (!bl | x) & HIGH
}

/// A byte that is not ' ', '\t', '\r' or '\n'.
#[inline(always)]
fn blank_nl_stops(x: u64) -> u64 {
    let x7 = x & !HIGH;
    let bl = in_range(x7, b'\t', b'\n') | in_range(x7, b'\r', b'\r') | in_range(x7, b' ', b' ');
    (!bl | x) & HIGH
}

/// '\n', NUL, or a byte >= 0x80.
#[inline(always)]
fn line_stops(x: u64) -> u64 {
    zeros(x ^ splat(b'\n')) | zeros(x) | (x & HIGH)
}

/// '"', '\\', '\n', NUL, or a byte >= 0x80.
#[inline(always)]
fn string_stops(x: u64) -> u64 {
    zeros(x ^ splat(b'"')) | zeros(x ^ splat(b'\\')) | line_stops(x)
}

/// '`', NUL, or a byte >= 0x80.
#[inline(always)]
fn raw_stops(x: u64) -> u64 {
    zeros(x ^ splat(b'`')) | zeros(x) | (x & HIGH)
}

/// The first offset from `q` on whose byte stops the run: `stops` marks
/// stop bytes among eight (little-endian, the high bit of each), `keep`
/// says the same of one byte, for the last few bytes of `buf`.
#[inline(always)]
fn skip_bytes(
    buf: &[u8],
    mut q: usize,
    stops: impl Fn(u64) -> u64,
    keep: impl Fn(u8) -> bool,
) -> usize {
    while let Some(chunk) = buf.get(q..q + 8) {
        let s = stops(u64::from_le_bytes(chunk.try_into().unwrap()));
        if s != 0 {
            return q + (s.trailing_zeros() / 8) as usize;
        }
        q += 8;
    }
    while q < buf.len() && keep(buf[q]) {
        q += 1;
    }
    q
}

/// Skips blanks from `p` on (' ', '\t', '\r', and '\n' unless `nlsemi`);
/// returns where they end and whether there was a '\n' among them.
#[inline(always)]
fn skip_blanks(buf: &[u8], mut p: usize, nlsemi: bool) -> (usize, bool) {
    let mut nl = false;
    while let Some(chunk) = buf.get(p..p + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap());
        let stops = if nlsemi {
            blank_stops(x)
        } else {
            blank_nl_stops(x)
        };
        // the blank bytes (those below the first stop) that are '\n'
        let run = (stops & stops.wrapping_neg()).wrapping_sub(1);
        nl |= !nlsemi && zeros(x ^ splat(b'\n')) & run != 0;
        if stops != 0 {
            return (p + (stops.trailing_zeros() / 8) as usize, nl);
        }
        p += 8;
    }
    let blanks = if nlsemi { 1 } else { 3 };
    while let Some(&b) = buf.get(p) {
        if BLANK[b as usize] & blanks == 0 {
            break;
        }
        nl |= b == b'\n';
        p += 1;
    }
    (p, nl)
}

/// ' ', '\t', '\r': 1; '\n': 2.
static BLANK: [u8; 256] = {
    let mut t = [0; 256];
    t[b' ' as usize] = 1;
    t[b'\t' as usize] = 1;
    t[b'\r' as usize] = 1;
    t[b'\n' as usize] = 2;
    t
};

/// `buf[i]` if it is a plain ASCII byte (1..=0x7f), else 0.
#[inline(always)]
fn plain(buf: &[u8], i: usize) -> u8 {
    match buf.get(i) {
        Some(&b) if b < 0x80 => b,
        _ => 0,
    }
}

/// ASCII letters, digits and `_`.
static IDENT: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'_';
        i += 1;
    }
    t
};

/// Bytes that end a plain run inside a `"` string.
static STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] =
            i == b'"' as usize || i == b'\\' as usize || i == b'\n' as usize || i == 0 || i >= 0x80;
        i += 1;
    }
    t
};

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

/// The offset of the first invalid separator in the number literal `x`, if
/// any (gc's `invalidSep`).
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' '; // prefix char, we only care if it's 'x'
    let mut d = b'.'; // digit, one of '_', '0' (a digit), or '.' (anything else)
    let mut i = 0;

    // a prefix counts as a digit
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1] | 0x20;
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }

    // mantissa and exponent
    while i < x.len() {
        let p = d; // previous digit
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || x1 == b'x' && is_hex(d as i32) {
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

// ---- keywords: gc's perfect hash ----

const KEYWORDS: [(&str, Token); 25] = [
    ("break", Token::Break),
    ("case", Token::Case),
    ("chan", Token::Chan),
    ("const", Token::Const),
    ("continue", Token::Continue),
    ("default", Token::Default),
    ("defer", Token::Defer),
    ("else", Token::Else),
    ("fallthrough", Token::Fallthrough),
    ("for", Token::For),
    ("func", Token::Func),
    ("go", Token::Go),
    ("goto", Token::Goto),
    ("if", Token::If),
    ("import", Token::Import),
    ("interface", Token::Interface),
    ("map", Token::Map),
    ("package", Token::Package),
    ("range", Token::Range),
    ("return", Token::Return),
    ("select", Token::Select),
    ("struct", Token::Struct),
    ("switch", Token::Switch),
    ("type", Token::Type),
    ("var", Token::Var),
];

/// gc's keyword hash; `s` has at least 2 bytes.
#[inline(always)]
const fn kw_hash(s0: u8, s1: u8, len: usize) -> usize {
    ((((s0 as usize) << 4) ^ s1 as usize) + len) & 63
}

/// Keyword slots by hash: (keyword, token); the empty string marks a free slot.
static KEYWORD_MAP: [(&str, Token); 64] = {
    let mut m: [(&str, Token); 64] = [("", Token::Eof); 64];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let kw = KEYWORDS[i].0.as_bytes();
        let h = kw_hash(kw[0], kw[1], kw.len());
        assert!(m[h].0.is_empty(), "imperfect hash");
        m[h] = KEYWORDS[i];
        i += 1;
    }
    m
};

/// A keyword as two little-endian words (bytes 0..8 and 8..16, zero
/// padded), so that comparing is two word compares.
#[derive(Clone, Copy)]
struct PackedKeyword {
    lo: u64,
    hi: u64,
    tok: Option<Token>,
}

/// `KEYWORD_MAP` packed.
static PACKED_KEYWORDS: [PackedKeyword; 64] = {
    let mut m = [PackedKeyword {
        lo: 0,
        hi: 0,
        tok: None,
    }; 64];
    let mut h = 0;
    while h < 64 {
        let kw = KEYWORD_MAP[h].0.as_bytes();
        if !kw.is_empty() {
            let mut w = [0u64; 2];
            let mut i = 0;
            while i < kw.len() {
                w[i / 8] |= (kw[i] as u64) << (8 * (i % 8));
                i += 1;
            }
            m[h] = PackedKeyword {
                lo: w[0],
                hi: w[1],
                tok: Some(KEYWORD_MAP[h].1),
            };
        }
        h += 1;
    }
    m
};

/// The keyword spelled by `src[p..q]`, if any.
#[inline(always)]
fn lookup_keyword(src: &[u8], p: usize, q: usize) -> Option<Token> {
    let n = q - p;
    if !(2..=11).contains(&n) {
        return None;
    }
    let kw = &PACKED_KEYWORDS[kw_hash(src[p], src[p + 1], n)];
    // the identifier's bytes as two words, zero padded
    let (lo, hi) = match src.get(p..p + 16) {
        Some(w) => {
            let lo = u64::from_le_bytes(w[..8].try_into().unwrap());
            let hi = u64::from_le_bytes(w[8..].try_into().unwrap());
            let lo = if n >= 8 {
                lo
            } else {
                lo & ((1u64 << (8 * n)) - 1)
            };
            let hi = if n > 8 {
                hi & ((1u64 << (8 * (n - 8))) - 1)
            } else {
                0
            };
            (lo, hi)
        }
        None => {
            let mut w = [0u64; 2];
            for (i, &b) in src[p..q].iter().enumerate() {
                w[i / 8] |= (b as u64) << (8 * (i % 8));
            }
            (w[0], w[1])
        }
    };
    // equal words mean equal lengths: no keyword or identifier has a NUL
    // byte, and src[p..q] has none (it is an identifier's plain bytes or
    // longer than it)
    if kw.lo == lo && kw.hi == hi {
        kw.tok
    } else {
        None
    }
}

// ---- UTF-8 and Unicode, as Go's unicode/utf8, unicode and strconv ----

/// Decodes the first character of `s` (which starts with a byte >= 0x80)
/// as Go's `utf8.DecodeRune`: returns (code point, width), or width 0 for
/// an invalid encoding (Go's `(RuneError, 1)`): a bad first byte, a bad or
/// missing continuation byte, an overlong form, a surrogate, or > U+10FFFF.
fn decode_rune(s: &[u8]) -> (u32, usize) {
    let b0 = s[0];
    let (n, lo, hi) = match b0 {
        0xc2..=0xdf => (2, 0x80, 0xbf),
        0xe0 => (3, 0xa0, 0xbf),
        0xe1..=0xec | 0xee..=0xef => (3, 0x80, 0xbf),
        0xed => (3, 0x80, 0x9f),
        0xf0 => (4, 0x90, 0xbf),
        0xf1..=0xf3 => (4, 0x80, 0xbf),
        0xf4 => (4, 0x80, 0x8f),
        _ => return (0, 0),
    };
    if s.len() < n {
        return (0, 0);
    }
    let b1 = s[1];
    if b1 < lo || b1 > hi {
        return (0, 0);
    }
    let mut c = match n {
        2 => (b0 as u32 & 0x1f) << 6,
        3 => (b0 as u32 & 0x0f) << 12,
        _ => (b0 as u32 & 0x07) << 18,
    };
    c |= (b1 as u32 & 0x3f) << ((n - 2) * 6);
    for (k, &b) in s[2..n].iter().enumerate() {
        if !(0x80..=0xbf).contains(&b) {
            return (0, 0);
        }
        c |= (b as u32 & 0x3f) << ((n - 3 - k) * 6);
    }
    (c, n)
}

/// Go's `utf8.FullRune`: whether `p` begins with a full encoding of a
/// character, or with an invalid one (that decodes as an error).
fn full_rune(p: &[u8]) -> bool {
    let Some(&b0) = p.first() else { return false };
    let (n, lo, hi) = match b0 {
        0xc2..=0xdf => (2, 0x80, 0xbf),
        0xe0 => (3, 0xa0, 0xbf),
        0xe1..=0xec | 0xee..=0xef => (3, 0x80, 0xbf),
        0xed => (3, 0x80, 0x9f),
        0xf0 => (4, 0x90, 0xbf),
        0xf1..=0xf3 => (4, 0x80, 0xbf),
        0xf4 => (4, 0x80, 0x8f),
        _ => return true, // ASCII or an invalid first byte
    };
    p.len() >= n
        || p.len() > 1 && !(lo..=hi).contains(&p[1])
        || p.len() > 2 && !(0x80..=0xbf).contains(&p[2])
}

fn in_table(table: &[(u32, u32)], c: u32) -> bool {
    let i = table.partition_point(|&(_, hi)| hi < c);
    i < table.len() && table[i].0 <= c
}

/// Go's `unicode.IsLetter`.
fn is_letter(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_table(&LETTER, c)
}

/// Go's `unicode.IsDigit`.
fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_table(&DIGIT, c)
}

/// Go's `strconv.IsPrint`.
fn is_print(c: u32) -> bool {
    if c < 0x80 {
        return (0x20..0x7f).contains(&c);
    }
    in_table(&PRINT, c)
}

/// Go's `fmt` `%#U`: `U+0040 '@'`, the character only if printable.
pub fn fmt_u(c: u32) -> String {
    let mut s = format!("U+{c:04X}");
    if c <= 0x10ffff
        && is_print(c)
        && let Some(ch) = char::from_u32(c)
    {
        s.push_str(" '");
        s.push(ch);
        s.push('\'');
    }
    s
}

/// Go's `fmt` `%q` of a rune (`strconv.QuoteRune`): `'a'`, `'\n'`,
/// `'\x01'`, `'\u00ad'`, `'\U000e0001'`.
fn quote_rune(c: u32) -> String {
    let mut s = String::from("'");
    let c = if char::from_u32(c).is_none() {
        0xfffd
    } else {
        c
    };
    let ch = char::from_u32(c).unwrap_or('\u{fffd}');
    if ch == '\'' || ch == '\\' {
        s.push('\\');
        s.push(ch);
    } else if is_print(c) {
        s.push(ch);
    } else {
        match ch {
            '\x07' => s.push_str("\\a"),
            '\x08' => s.push_str("\\b"),
            '\x0c' => s.push_str("\\f"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            '\x0b' => s.push_str("\\v"),
            _ if c < 0x20 || c == 0x7f => s.push_str(&format!("\\x{c:02x}")),
            _ if c < 0x10000 => s.push_str(&format!("\\u{c:04x}")),
            _ => s.push_str(&format!("\\U{c:08x}")),
        }
    }
    s.push('\'');
    s
}

// ---- Unicode tables (generated; see the header) ----

#[rustfmt::skip]
static LETTER: [(u32, u32); 682] = [
    (0xaa, 0xaa), (0xb5, 0xb5), (0xba, 0xba), (0xc0, 0xd6), (0xd8, 0xf6), (0xf8, 0x2c1),
    (0x2c6, 0x2d1), (0x2e0, 0x2e4), (0x2ec, 0x2ec), (0x2ee, 0x2ee), (0x370, 0x374), (0x376, 0x377),
    (0x37a, 0x37d), (0x37f, 0x37f), (0x386, 0x386), (0x388, 0x38a), (0x38c, 0x38c), (0x38e, 0x3a1),
    (0x3a3, 0x3f5), (0x3f7, 0x481), (0x48a, 0x52f), (0x531, 0x556), (0x559, 0x559), (0x560, 0x588),
    (0x5d0, 0x5ea), (0x5ef, 0x5f2), (0x620, 0x64a), (0x66e, 0x66f), (0x671, 0x6d3), (0x6d5, 0x6d5),
    (0x6e5, 0x6e6), (0x6ee, 0x6ef), (0x6fa, 0x6fc), (0x6ff, 0x6ff), (0x710, 0x710), (0x712, 0x72f),
    (0x74d, 0x7a5), (0x7b1, 0x7b1), (0x7ca, 0x7ea), (0x7f4, 0x7f5), (0x7fa, 0x7fa), (0x800, 0x815),
    (0x81a, 0x81a), (0x824, 0x824), (0x828, 0x828), (0x840, 0x858), (0x860, 0x86a), (0x870, 0x887),
    (0x889, 0x88f), (0x8a0, 0x8c9), (0x904, 0x939), (0x93d, 0x93d), (0x950, 0x950), (0x958, 0x961),
    (0x971, 0x980), (0x985, 0x98c), (0x98f, 0x990), (0x993, 0x9a8), (0x9aa, 0x9b0), (0x9b2, 0x9b2),
    (0x9b6, 0x9b9), (0x9bd, 0x9bd), (0x9ce, 0x9ce), (0x9dc, 0x9dd), (0x9df, 0x9e1), (0x9f0, 0x9f1),
    (0x9fc, 0x9fc), (0xa05, 0xa0a), (0xa0f, 0xa10), (0xa13, 0xa28), (0xa2a, 0xa30), (0xa32, 0xa33),
    (0xa35, 0xa36), (0xa38, 0xa39), (0xa59, 0xa5c), (0xa5e, 0xa5e), (0xa72, 0xa74), (0xa85, 0xa8d),
    (0xa8f, 0xa91), (0xa93, 0xaa8), (0xaaa, 0xab0), (0xab2, 0xab3), (0xab5, 0xab9), (0xabd, 0xabd),
    (0xad0, 0xad0), (0xae0, 0xae1), (0xaf9, 0xaf9), (0xb05, 0xb0c), (0xb0f, 0xb10), (0xb13, 0xb28),
    (0xb2a, 0xb30), (0xb32, 0xb33), (0xb35, 0xb39), (0xb3d, 0xb3d), (0xb5c, 0xb5d), (0xb5f, 0xb61),
    (0xb71, 0xb71), (0xb83, 0xb83), (0xb85, 0xb8a), (0xb8e, 0xb90), (0xb92, 0xb95), (0xb99, 0xb9a),
    (0xb9c, 0xb9c), (0xb9e, 0xb9f), (0xba3, 0xba4), (0xba8, 0xbaa), (0xbae, 0xbb9), (0xbd0, 0xbd0),
    (0xc05, 0xc0c), (0xc0e, 0xc10), (0xc12, 0xc28), (0xc2a, 0xc39), (0xc3d, 0xc3d), (0xc58, 0xc5a),
    (0xc5c, 0xc5d), (0xc60, 0xc61), (0xc80, 0xc80), (0xc85, 0xc8c), (0xc8e, 0xc90), (0xc92, 0xca8),
    (0xcaa, 0xcb3), (0xcb5, 0xcb9), (0xcbd, 0xcbd), (0xcdc, 0xcde), (0xce0, 0xce1), (0xcf1, 0xcf2),
    (0xd04, 0xd0c), (0xd0e, 0xd10), (0xd12, 0xd3a), (0xd3d, 0xd3d), (0xd4e, 0xd4e), (0xd54, 0xd56),
    (0xd5f, 0xd61), (0xd7a, 0xd7f), (0xd85, 0xd96), (0xd9a, 0xdb1), (0xdb3, 0xdbb), (0xdbd, 0xdbd),
    (0xdc0, 0xdc6), (0xe01, 0xe30), (0xe32, 0xe33), (0xe40, 0xe46), (0xe81, 0xe82), (0xe84, 0xe84),
    (0xe86, 0xe8a), (0xe8c, 0xea3), (0xea5, 0xea5), (0xea7, 0xeb0), (0xeb2, 0xeb3), (0xebd, 0xebd),
    (0xec0, 0xec4), (0xec6, 0xec6), (0xedc, 0xedf), (0xf00, 0xf00), (0xf40, 0xf47), (0xf49, 0xf6c),
    (0xf88, 0xf8c), (0x1000, 0x102a), (0x103f, 0x103f), (0x1050, 0x1055), (0x105a, 0x105d), (0x1061, 0x1061),
    (0x1065, 0x1066), (0x106e, 0x1070), (0x1075, 0x1081), (0x108e, 0x108e), (0x10a0, 0x10c5), (0x10c7, 0x10c7),
    (0x10cd, 0x10cd), (0x10d0, 0x10fa), (0x10fc, 0x1248), (0x124a, 0x124d), (0x1250, 0x1256), (0x1258, 0x1258),
    (0x125a, 0x125d), (0x1260, 0x1288), (0x128a, 0x128d), (0x1290, 0x12b0), (0x12b2, 0x12b5), (0x12b8, 0x12be),
    (0x12c0, 0x12c0), (0x12c2, 0x12c5), (0x12c8, 0x12d6), (0x12d8, 0x1310), (0x1312, 0x1315), (0x1318, 0x135a),
    (0x1380, 0x138f), (0x13a0, 0x13f5), (0x13f8, 0x13fd), (0x1401, 0x166c), (0x166f, 0x167f), (0x1681, 0x169a),
    (0x16a0, 0x16ea), (0x16f1, 0x16f8), (0x1700, 0x1711), (0x171f, 0x1731), (0x1740, 0x1751), (0x1760, 0x176c),
    (0x176e, 0x1770), (0x1780, 0x17b3), (0x17d7, 0x17d7), (0x17dc, 0x17dc), (0x1820, 0x1878), (0x1880, 0x1884),
    (0x1887, 0x18a8), (0x18aa, 0x18aa), (0x18b0, 0x18f5), (0x1900, 0x191e), (0x1950, 0x196d), (0x1970, 0x1974),
    (0x1980, 0x19ab), (0x19b0, 0x19c9), (0x1a00, 0x1a16), (0x1a20, 0x1a54), (0x1aa7, 0x1aa7), (0x1b05, 0x1b33),
    (0x1b45, 0x1b4c), (0x1b83, 0x1ba0), (0x1bae, 0x1baf), (0x1bba, 0x1be5), (0x1c00, 0x1c23), (0x1c4d, 0x1c4f),
    (0x1c5a, 0x1c7d), (0x1c80, 0x1c8a), (0x1c90, 0x1cba), (0x1cbd, 0x1cbf), (0x1ce9, 0x1cec), (0x1cee, 0x1cf3),
    (0x1cf5, 0x1cf6), (0x1cfa, 0x1cfa), (0x1d00, 0x1dbf), (0x1e00, 0x1f15), (0x1f18, 0x1f1d), (0x1f20, 0x1f45),
    (0x1f48, 0x1f4d), (0x1f50, 0x1f57), (0x1f59, 0x1f59), (0x1f5b, 0x1f5b), (0x1f5d, 0x1f5d), (0x1f5f, 0x1f7d),
    (0x1f80, 0x1fb4), (0x1fb6, 0x1fbc), (0x1fbe, 0x1fbe), (0x1fc2, 0x1fc4), (0x1fc6, 0x1fcc), (0x1fd0, 0x1fd3),
    (0x1fd6, 0x1fdb), (0x1fe0, 0x1fec), (0x1ff2, 0x1ff4), (0x1ff6, 0x1ffc), (0x2071, 0x2071), (0x207f, 0x207f),
    (0x2090, 0x209c), (0x2102, 0x2102), (0x2107, 0x2107), (0x210a, 0x2113), (0x2115, 0x2115), (0x2119, 0x211d),
    (0x2124, 0x2124), (0x2126, 0x2126), (0x2128, 0x2128), (0x212a, 0x212d), (0x212f, 0x2139), (0x213c, 0x213f),
    (0x2145, 0x2149), (0x214e, 0x214e), (0x2183, 0x2184), (0x2c00, 0x2ce4), (0x2ceb, 0x2cee), (0x2cf2, 0x2cf3),
    (0x2d00, 0x2d25), (0x2d27, 0x2d27), (0x2d2d, 0x2d2d), (0x2d30, 0x2d67), (0x2d6f, 0x2d6f), (0x2d80, 0x2d96),
    (0x2da0, 0x2da6), (0x2da8, 0x2dae), (0x2db0, 0x2db6), (0x2db8, 0x2dbe), (0x2dc0, 0x2dc6), (0x2dc8, 0x2dce),
    (0x2dd0, 0x2dd6), (0x2dd8, 0x2dde), (0x2e2f, 0x2e2f), (0x3005, 0x3006), (0x3031, 0x3035), (0x303b, 0x303c),
    (0x3041, 0x3096), (0x309d, 0x309f), (0x30a1, 0x30fa), (0x30fc, 0x30ff), (0x3105, 0x312f), (0x3131, 0x318e),
    (0x31a0, 0x31bf), (0x31f0, 0x31ff), (0x3400, 0x4dbf), (0x4e00, 0xa48c), (0xa4d0, 0xa4fd), (0xa500, 0xa60c),
    (0xa610, 0xa61f), (0xa62a, 0xa62b), (0xa640, 0xa66e), (0xa67f, 0xa69d), (0xa6a0, 0xa6e5), (0xa717, 0xa71f),
    (0xa722, 0xa788), (0xa78b, 0xa7dc), (0xa7f1, 0xa801), (0xa803, 0xa805), (0xa807, 0xa80a), (0xa80c, 0xa822),
    (0xa840, 0xa873), (0xa882, 0xa8b3), (0xa8f2, 0xa8f7), (0xa8fb, 0xa8fb), (0xa8fd, 0xa8fe), (0xa90a, 0xa925),
    (0xa930, 0xa946), (0xa960, 0xa97c), (0xa984, 0xa9b2), (0xa9cf, 0xa9cf), (0xa9e0, 0xa9e4), (0xa9e6, 0xa9ef),
    (0xa9fa, 0xa9fe), (0xaa00, 0xaa28), (0xaa40, 0xaa42), (0xaa44, 0xaa4b), (0xaa60, 0xaa76), (0xaa7a, 0xaa7a),
    (0xaa7e, 0xaaaf), (0xaab1, 0xaab1), (0xaab5, 0xaab6), (0xaab9, 0xaabd), (0xaac0, 0xaac0), (0xaac2, 0xaac2),
    (0xaadb, 0xaadd), (0xaae0, 0xaaea), (0xaaf2, 0xaaf4), (0xab01, 0xab06), (0xab09, 0xab0e), (0xab11, 0xab16),
    (0xab20, 0xab26), (0xab28, 0xab2e), (0xab30, 0xab5a), (0xab5c, 0xab69), (0xab70, 0xabe2), (0xac00, 0xd7a3),
    (0xd7b0, 0xd7c6), (0xd7cb, 0xd7fb), (0xf900, 0xfa6d), (0xfa70, 0xfad9), (0xfb00, 0xfb06), (0xfb13, 0xfb17),
    (0xfb1d, 0xfb1d), (0xfb1f, 0xfb28), (0xfb2a, 0xfb36), (0xfb38, 0xfb3c), (0xfb3e, 0xfb3e), (0xfb40, 0xfb41),
    (0xfb43, 0xfb44), (0xfb46, 0xfbb1), (0xfbd3, 0xfd3d), (0xfd50, 0xfd8f), (0xfd92, 0xfdc7), (0xfdf0, 0xfdfb),
    (0xfe70, 0xfe74), (0xfe76, 0xfefc), (0xff21, 0xff3a), (0xff41, 0xff5a), (0xff66, 0xffbe), (0xffc2, 0xffc7),
    (0xffca, 0xffcf), (0xffd2, 0xffd7), (0xffda, 0xffdc), (0x10000, 0x1000b), (0x1000d, 0x10026), (0x10028, 0x1003a),
    (0x1003c, 0x1003d), (0x1003f, 0x1004d), (0x10050, 0x1005d), (0x10080, 0x100fa), (0x10280, 0x1029c), (0x102a0, 0x102d0),
    (0x10300, 0x1031f), (0x1032d, 0x10340), (0x10342, 0x10349), (0x10350, 0x10375), (0x10380, 0x1039d), (0x103a0, 0x103c3),
    (0x103c8, 0x103cf), (0x10400, 0x1049d), (0x104b0, 0x104d3), (0x104d8, 0x104fb), (0x10500, 0x10527), (0x10530, 0x10563),
    (0x10570, 0x1057a), (0x1057c, 0x1058a), (0x1058c, 0x10592), (0x10594, 0x10595), (0x10597, 0x105a1), (0x105a3, 0x105b1),
    (0x105b3, 0x105b9), (0x105bb, 0x105bc), (0x105c0, 0x105f3), (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767),
    (0x10780, 0x10785), (0x10787, 0x107b0), (0x107b2, 0x107ba), (0x10800, 0x10805), (0x10808, 0x10808), (0x1080a, 0x10835),
    (0x10837, 0x10838), (0x1083c, 0x1083c), (0x1083f, 0x10855), (0x10860, 0x10876), (0x10880, 0x1089e), (0x108e0, 0x108f2),
    (0x108f4, 0x108f5), (0x10900, 0x10915), (0x10920, 0x10939), (0x10940, 0x10959), (0x10980, 0x109b7), (0x109be, 0x109bf),
    (0x10a00, 0x10a00), (0x10a10, 0x10a13), (0x10a15, 0x10a17), (0x10a19, 0x10a35), (0x10a60, 0x10a7c), (0x10a80, 0x10a9c),
    (0x10ac0, 0x10ac7), (0x10ac9, 0x10ae4), (0x10b00, 0x10b35), (0x10b40, 0x10b55), (0x10b60, 0x10b72), (0x10b80, 0x10b91),
    (0x10c00, 0x10c48), (0x10c80, 0x10cb2), (0x10cc0, 0x10cf2), (0x10d00, 0x10d23), (0x10d4a, 0x10d65), (0x10d6f, 0x10d85),
    (0x10e80, 0x10ea9), (0x10eb0, 0x10eb1), (0x10ec2, 0x10ec7), (0x10f00, 0x10f1c), (0x10f27, 0x10f27), (0x10f30, 0x10f45),
    (0x10f70, 0x10f81), (0x10fb0, 0x10fc4), (0x10fe0, 0x10ff6), (0x11003, 0x11037), (0x11071, 0x11072), (0x11075, 0x11075),
    (0x11083, 0x110af), (0x110d0, 0x110e8), (0x11103, 0x11126), (0x11144, 0x11144), (0x11147, 0x11147), (0x11150, 0x11172),
    (0x11176, 0x11176), (0x11183, 0x111b2), (0x111c1, 0x111c4), (0x111da, 0x111da), (0x111dc, 0x111dc), (0x11200, 0x11211),
    (0x11213, 0x1122b), (0x1123f, 0x11240), (0x11280, 0x11286), (0x11288, 0x11288), (0x1128a, 0x1128d), (0x1128f, 0x1129d),
    (0x1129f, 0x112a8), (0x112b0, 0x112de), (0x11305, 0x1130c), (0x1130f, 0x11310), (0x11313, 0x11328), (0x1132a, 0x11330),
    (0x11332, 0x11333), (0x11335, 0x11339), (0x1133d, 0x1133d), (0x11350, 0x11350), (0x1135d, 0x11361), (0x11380, 0x11389),
    (0x1138b, 0x1138b), (0x1138e, 0x1138e), (0x11390, 0x113b5), (0x113b7, 0x113b7), (0x113d1, 0x113d1), (0x113d3, 0x113d3),
    (0x11400, 0x11434), (0x11447, 0x1144a), (0x1145f, 0x11461), (0x11480, 0x114af), (0x114c4, 0x114c5), (0x114c7, 0x114c7),
    (0x11580, 0x115ae), (0x115d8, 0x115db), (0x11600, 0x1162f), (0x11644, 0x11644), (0x11680, 0x116aa), (0x116b8, 0x116b8),
    (0x11700, 0x1171a), (0x11740, 0x11746), (0x11800, 0x1182b), (0x118a0, 0x118df), (0x118ff, 0x11906), (0x11909, 0x11909),
    (0x1190c, 0x11913), (0x11915, 0x11916), (0x11918, 0x1192f), (0x1193f, 0x1193f), (0x11941, 0x11941), (0x119a0, 0x119a7),
    (0x119aa, 0x119d0), (0x119e1, 0x119e1), (0x119e3, 0x119e3), (0x11a00, 0x11a00), (0x11a0b, 0x11a32), (0x11a3a, 0x11a3a),
    (0x11a50, 0x11a50), (0x11a5c, 0x11a89), (0x11a9d, 0x11a9d), (0x11ab0, 0x11af8), (0x11bc0, 0x11be0), (0x11c00, 0x11c08),
    (0x11c0a, 0x11c2e), (0x11c40, 0x11c40), (0x11c72, 0x11c8f), (0x11d00, 0x11d06), (0x11d08, 0x11d09), (0x11d0b, 0x11d30),
    (0x11d46, 0x11d46), (0x11d60, 0x11d65), (0x11d67, 0x11d68), (0x11d6a, 0x11d89), (0x11d98, 0x11d98), (0x11db0, 0x11ddb),
    (0x11ee0, 0x11ef2), (0x11f02, 0x11f02), (0x11f04, 0x11f10), (0x11f12, 0x11f33), (0x11fb0, 0x11fb0), (0x12000, 0x12399),
    (0x12480, 0x12543), (0x12f90, 0x12ff0), (0x13000, 0x1342f), (0x13441, 0x13446), (0x13460, 0x143fa), (0x14400, 0x14646),
    (0x16100, 0x1611d), (0x16800, 0x16a38), (0x16a40, 0x16a5e), (0x16a70, 0x16abe), (0x16ad0, 0x16aed), (0x16b00, 0x16b2f),
    (0x16b40, 0x16b43), (0x16b63, 0x16b77), (0x16b7d, 0x16b8f), (0x16d40, 0x16d6c), (0x16e40, 0x16e7f), (0x16ea0, 0x16eb8),
    (0x16ebb, 0x16ed3), (0x16f00, 0x16f4a), (0x16f50, 0x16f50), (0x16f93, 0x16f9f), (0x16fe0, 0x16fe1), (0x16fe3, 0x16fe3),
    (0x16ff2, 0x16ff3), (0x17000, 0x18cd5), (0x18cff, 0x18d1e), (0x18d80, 0x18df2), (0x1aff0, 0x1aff3), (0x1aff5, 0x1affb),
    (0x1affd, 0x1affe), (0x1b000, 0x1b122), (0x1b132, 0x1b132), (0x1b150, 0x1b152), (0x1b155, 0x1b155), (0x1b164, 0x1b167),
    (0x1b170, 0x1b2fb), (0x1bc00, 0x1bc6a), (0x1bc70, 0x1bc7c), (0x1bc80, 0x1bc88), (0x1bc90, 0x1bc99), (0x1d400, 0x1d454),
    (0x1d456, 0x1d49c), (0x1d49e, 0x1d49f), (0x1d4a2, 0x1d4a2), (0x1d4a5, 0x1d4a6), (0x1d4a9, 0x1d4ac), (0x1d4ae, 0x1d4b9),
    (0x1d4bb, 0x1d4bb), (0x1d4bd, 0x1d4c3), (0x1d4c5, 0x1d505), (0x1d507, 0x1d50a), (0x1d50d, 0x1d514), (0x1d516, 0x1d51c),
    (0x1d51e, 0x1d539), (0x1d53b, 0x1d53e), (0x1d540, 0x1d544), (0x1d546, 0x1d546), (0x1d54a, 0x1d550), (0x1d552, 0x1d6a5),
    (0x1d6a8, 0x1d6c0), (0x1d6c2, 0x1d6da), (0x1d6dc, 0x1d6fa), (0x1d6fc, 0x1d714), (0x1d716, 0x1d734), (0x1d736, 0x1d74e),
    (0x1d750, 0x1d76e), (0x1d770, 0x1d788), (0x1d78a, 0x1d7a8), (0x1d7aa, 0x1d7c2), (0x1d7c4, 0x1d7cb), (0x1df00, 0x1df1e),
    (0x1df25, 0x1df2a), (0x1e030, 0x1e06d), (0x1e100, 0x1e12c), (0x1e137, 0x1e13d), (0x1e14e, 0x1e14e), (0x1e290, 0x1e2ad),
    (0x1e2c0, 0x1e2eb), (0x1e4d0, 0x1e4eb), (0x1e5d0, 0x1e5ed), (0x1e5f0, 0x1e5f0), (0x1e6c0, 0x1e6de), (0x1e6e0, 0x1e6e2),
    (0x1e6e4, 0x1e6e5), (0x1e6e7, 0x1e6ed), (0x1e6f0, 0x1e6f4), (0x1e6fe, 0x1e6ff), (0x1e7e0, 0x1e7e6), (0x1e7e8, 0x1e7eb),
    (0x1e7ed, 0x1e7ee), (0x1e7f0, 0x1e7fe), (0x1e800, 0x1e8c4), (0x1e900, 0x1e943), (0x1e94b, 0x1e94b), (0x1ee00, 0x1ee03),
    (0x1ee05, 0x1ee1f), (0x1ee21, 0x1ee22), (0x1ee24, 0x1ee24), (0x1ee27, 0x1ee27), (0x1ee29, 0x1ee32), (0x1ee34, 0x1ee37),
    (0x1ee39, 0x1ee39), (0x1ee3b, 0x1ee3b), (0x1ee42, 0x1ee42), (0x1ee47, 0x1ee47), (0x1ee49, 0x1ee49), (0x1ee4b, 0x1ee4b),
    (0x1ee4d, 0x1ee4f), (0x1ee51, 0x1ee52), (0x1ee54, 0x1ee54), (0x1ee57, 0x1ee57), (0x1ee59, 0x1ee59), (0x1ee5b, 0x1ee5b),
    (0x1ee5d, 0x1ee5d), (0x1ee5f, 0x1ee5f), (0x1ee61, 0x1ee62), (0x1ee64, 0x1ee64), (0x1ee67, 0x1ee6a), (0x1ee6c, 0x1ee72),
    (0x1ee74, 0x1ee77), (0x1ee79, 0x1ee7c), (0x1ee7e, 0x1ee7e), (0x1ee80, 0x1ee89), (0x1ee8b, 0x1ee9b), (0x1eea1, 0x1eea3),
    (0x1eea5, 0x1eea9), (0x1eeab, 0x1eebb), (0x20000, 0x2a6df), (0x2a700, 0x2b81d), (0x2b820, 0x2cead), (0x2ceb0, 0x2ebe0),
    (0x2ebf0, 0x2ee5d), (0x2f800, 0x2fa1d), (0x30000, 0x3134a), (0x31350, 0x33479),
];
#[rustfmt::skip]
static DIGIT: [(u32, u32); 71] = [
    (0x660, 0x669), (0x6f0, 0x6f9), (0x7c0, 0x7c9), (0x966, 0x96f), (0x9e6, 0x9ef), (0xa66, 0xa6f),
    (0xae6, 0xaef), (0xb66, 0xb6f), (0xbe6, 0xbef), (0xc66, 0xc6f), (0xce6, 0xcef), (0xd66, 0xd6f),
    (0xde6, 0xdef), (0xe50, 0xe59), (0xed0, 0xed9), (0xf20, 0xf29), (0x1040, 0x1049), (0x1090, 0x1099),
    (0x17e0, 0x17e9), (0x1810, 0x1819), (0x1946, 0x194f), (0x19d0, 0x19d9), (0x1a80, 0x1a89), (0x1a90, 0x1a99),
    (0x1b50, 0x1b59), (0x1bb0, 0x1bb9), (0x1c40, 0x1c49), (0x1c50, 0x1c59), (0xa620, 0xa629), (0xa8d0, 0xa8d9),
    (0xa900, 0xa909), (0xa9d0, 0xa9d9), (0xa9f0, 0xa9f9), (0xaa50, 0xaa59), (0xabf0, 0xabf9), (0xff10, 0xff19),
    (0x104a0, 0x104a9), (0x10d30, 0x10d39), (0x10d40, 0x10d49), (0x11066, 0x1106f), (0x110f0, 0x110f9), (0x11136, 0x1113f),
    (0x111d0, 0x111d9), (0x112f0, 0x112f9), (0x11450, 0x11459), (0x114d0, 0x114d9), (0x11650, 0x11659), (0x116c0, 0x116c9),
    (0x116d0, 0x116e3), (0x11730, 0x11739), (0x118e0, 0x118e9), (0x11950, 0x11959), (0x11bf0, 0x11bf9), (0x11c50, 0x11c59),
    (0x11d50, 0x11d59), (0x11da0, 0x11da9), (0x11de0, 0x11de9), (0x11f50, 0x11f59), (0x16130, 0x16139), (0x16a60, 0x16a69),
    (0x16ac0, 0x16ac9), (0x16b50, 0x16b59), (0x16d70, 0x16d79), (0x1ccf0, 0x1ccf9), (0x1d7ce, 0x1d7ff), (0x1e140, 0x1e149),
    (0x1e2f0, 0x1e2f9), (0x1e4f0, 0x1e4f9), (0x1e5f1, 0x1e5fa), (0x1e950, 0x1e959), (0x1fbf0, 0x1fbf9),
];
#[rustfmt::skip]
static PRINT: [(u32, u32); 740] = [
    (0xa1, 0xac), (0xae, 0x377), (0x37a, 0x37f), (0x384, 0x38a), (0x38c, 0x38c), (0x38e, 0x3a1),
    (0x3a3, 0x52f), (0x531, 0x556), (0x559, 0x58a), (0x58d, 0x58f), (0x591, 0x5c7), (0x5d0, 0x5ea),
    (0x5ef, 0x5f4), (0x606, 0x61b), (0x61d, 0x6dc), (0x6de, 0x70d), (0x710, 0x74a), (0x74d, 0x7b1),
    (0x7c0, 0x7fa), (0x7fd, 0x82d), (0x830, 0x83e), (0x840, 0x85b), (0x85e, 0x85e), (0x860, 0x86a),
    (0x870, 0x88f), (0x897, 0x8e1), (0x8e3, 0x983), (0x985, 0x98c), (0x98f, 0x990), (0x993, 0x9a8),
    (0x9aa, 0x9b0), (0x9b2, 0x9b2), (0x9b6, 0x9b9), (0x9bc, 0x9c4), (0x9c7, 0x9c8), (0x9cb, 0x9ce),
    (0x9d7, 0x9d7), (0x9dc, 0x9dd), (0x9df, 0x9e3), (0x9e6, 0x9fe), (0xa01, 0xa03), (0xa05, 0xa0a),
    (0xa0f, 0xa10), (0xa13, 0xa28), (0xa2a, 0xa30), (0xa32, 0xa33), (0xa35, 0xa36), (0xa38, 0xa39),
    (0xa3c, 0xa3c), (0xa3e, 0xa42), (0xa47, 0xa48), (0xa4b, 0xa4d), (0xa51, 0xa51), (0xa59, 0xa5c),
    (0xa5e, 0xa5e), (0xa66, 0xa76), (0xa81, 0xa83), (0xa85, 0xa8d), (0xa8f, 0xa91), (0xa93, 0xaa8),
    (0xaaa, 0xab0), (0xab2, 0xab3), (0xab5, 0xab9), (0xabc, 0xac5), (0xac7, 0xac9), (0xacb, 0xacd),
    (0xad0, 0xad0), (0xae0, 0xae3), (0xae6, 0xaf1), (0xaf9, 0xaff), (0xb01, 0xb03), (0xb05, 0xb0c),
    (0xb0f, 0xb10), (0xb13, 0xb28), (0xb2a, 0xb30), (0xb32, 0xb33), (0xb35, 0xb39), (0xb3c, 0xb44),
    (0xb47, 0xb48), (0xb4b, 0xb4d), (0xb55, 0xb57), (0xb5c, 0xb5d), (0xb5f, 0xb63), (0xb66, 0xb77),
    (0xb82, 0xb83), (0xb85, 0xb8a), (0xb8e, 0xb90), (0xb92, 0xb95), (0xb99, 0xb9a), (0xb9c, 0xb9c),
    (0xb9e, 0xb9f), (0xba3, 0xba4), (0xba8, 0xbaa), (0xbae, 0xbb9), (0xbbe, 0xbc2), (0xbc6, 0xbc8),
    (0xbca, 0xbcd), (0xbd0, 0xbd0), (0xbd7, 0xbd7), (0xbe6, 0xbfa), (0xc00, 0xc0c), (0xc0e, 0xc10),
    (0xc12, 0xc28), (0xc2a, 0xc39), (0xc3c, 0xc44), (0xc46, 0xc48), (0xc4a, 0xc4d), (0xc55, 0xc56),
    (0xc58, 0xc5a), (0xc5c, 0xc5d), (0xc60, 0xc63), (0xc66, 0xc6f), (0xc77, 0xc8c), (0xc8e, 0xc90),
    (0xc92, 0xca8), (0xcaa, 0xcb3), (0xcb5, 0xcb9), (0xcbc, 0xcc4), (0xcc6, 0xcc8), (0xcca, 0xccd),
    (0xcd5, 0xcd6), (0xcdc, 0xcde), (0xce0, 0xce3), (0xce6, 0xcef), (0xcf1, 0xcf3), (0xd00, 0xd0c),
    (0xd0e, 0xd10), (0xd12, 0xd44), (0xd46, 0xd48), (0xd4a, 0xd4f), (0xd54, 0xd63), (0xd66, 0xd7f),
    (0xd81, 0xd83), (0xd85, 0xd96), (0xd9a, 0xdb1), (0xdb3, 0xdbb), (0xdbd, 0xdbd), (0xdc0, 0xdc6),
    (0xdca, 0xdca), (0xdcf, 0xdd4), (0xdd6, 0xdd6), (0xdd8, 0xddf), (0xde6, 0xdef), (0xdf2, 0xdf4),
    (0xe01, 0xe3a), (0xe3f, 0xe5b), (0xe81, 0xe82), (0xe84, 0xe84), (0xe86, 0xe8a), (0xe8c, 0xea3),
    (0xea5, 0xea5), (0xea7, 0xebd), (0xec0, 0xec4), (0xec6, 0xec6), (0xec8, 0xece), (0xed0, 0xed9),
    (0xedc, 0xedf), (0xf00, 0xf47), (0xf49, 0xf6c), (0xf71, 0xf97), (0xf99, 0xfbc), (0xfbe, 0xfcc),
    (0xfce, 0xfda), (0x1000, 0x10c5), (0x10c7, 0x10c7), (0x10cd, 0x10cd), (0x10d0, 0x1248), (0x124a, 0x124d),
    (0x1250, 0x1256), (0x1258, 0x1258), (0x125a, 0x125d), (0x1260, 0x1288), (0x128a, 0x128d), (0x1290, 0x12b0),
    (0x12b2, 0x12b5), (0x12b8, 0x12be), (0x12c0, 0x12c0), (0x12c2, 0x12c5), (0x12c8, 0x12d6), (0x12d8, 0x1310),
    (0x1312, 0x1315), (0x1318, 0x135a), (0x135d, 0x137c), (0x1380, 0x1399), (0x13a0, 0x13f5), (0x13f8, 0x13fd),
    (0x1400, 0x167f), (0x1681, 0x169c), (0x16a0, 0x16f8), (0x1700, 0x1715), (0x171f, 0x1736), (0x1740, 0x1753),
    (0x1760, 0x176c), (0x176e, 0x1770), (0x1772, 0x1773), (0x1780, 0x17dd), (0x17e0, 0x17e9), (0x17f0, 0x17f9),
    (0x1800, 0x180d), (0x180f, 0x1819), (0x1820, 0x1878), (0x1880, 0x18aa), (0x18b0, 0x18f5), (0x1900, 0x191e),
    (0x1920, 0x192b), (0x1930, 0x193b), (0x1940, 0x1940), (0x1944, 0x196d), (0x1970, 0x1974), (0x1980, 0x19ab),
    (0x19b0, 0x19c9), (0x19d0, 0x19da), (0x19de, 0x1a1b), (0x1a1e, 0x1a5e), (0x1a60, 0x1a7c), (0x1a7f, 0x1a89),
    (0x1a90, 0x1a99), (0x1aa0, 0x1aad), (0x1ab0, 0x1add), (0x1ae0, 0x1aeb), (0x1b00, 0x1b4c), (0x1b4e, 0x1bf3),
    (0x1bfc, 0x1c37), (0x1c3b, 0x1c49), (0x1c4d, 0x1c8a), (0x1c90, 0x1cba), (0x1cbd, 0x1cc7), (0x1cd0, 0x1cfa),
    (0x1d00, 0x1f15), (0x1f18, 0x1f1d), (0x1f20, 0x1f45), (0x1f48, 0x1f4d), (0x1f50, 0x1f57), (0x1f59, 0x1f59),
    (0x1f5b, 0x1f5b), (0x1f5d, 0x1f5d), (0x1f5f, 0x1f7d), (0x1f80, 0x1fb4), (0x1fb6, 0x1fc4), (0x1fc6, 0x1fd3),
    (0x1fd6, 0x1fdb), (0x1fdd, 0x1fef), (0x1ff2, 0x1ff4), (0x1ff6, 0x1ffe), (0x2010, 0x2027), (0x2030, 0x205e),
    (0x2070, 0x2071), (0x2074, 0x208e), (0x2090, 0x209c), (0x20a0, 0x20c1), (0x20d0, 0x20f0), (0x2100, 0x218b),
    (0x2190, 0x2429), (0x2440, 0x244a), (0x2460, 0x2b73), (0x2b76, 0x2cf3), (0x2cf9, 0x2d25), (0x2d27, 0x2d27),
    (0x2d2d, 0x2d2d), (0x2d30, 0x2d67), (0x2d6f, 0x2d70), (0x2d7f, 0x2d96), (0x2da0, 0x2da6), (0x2da8, 0x2dae),
    (0x2db0, 0x2db6), (0x2db8, 0x2dbe), (0x2dc0, 0x2dc6), (0x2dc8, 0x2dce), (0x2dd0, 0x2dd6), (0x2dd8, 0x2dde),
    (0x2de0, 0x2e5d), (0x2e80, 0x2e99), (0x2e9b, 0x2ef3), (0x2f00, 0x2fd5), (0x2ff0, 0x2fff), (0x3001, 0x303f),
    (0x3041, 0x3096), (0x3099, 0x30ff), (0x3105, 0x312f), (0x3131, 0x318e), (0x3190, 0x31e5), (0x31ef, 0x321e),
    (0x3220, 0xa48c), (0xa490, 0xa4c6), (0xa4d0, 0xa62b), (0xa640, 0xa6f7), (0xa700, 0xa7dc), (0xa7f1, 0xa82c),
    (0xa830, 0xa839), (0xa840, 0xa877), (0xa880, 0xa8c5), (0xa8ce, 0xa8d9), (0xa8e0, 0xa953), (0xa95f, 0xa97c),
    (0xa980, 0xa9cd), (0xa9cf, 0xa9d9), (0xa9de, 0xa9fe), (0xaa00, 0xaa36), (0xaa40, 0xaa4d), (0xaa50, 0xaa59),
    (0xaa5c, 0xaac2), (0xaadb, 0xaaf6), (0xab01, 0xab06), (0xab09, 0xab0e), (0xab11, 0xab16), (0xab20, 0xab26),
    (0xab28, 0xab2e), (0xab30, 0xab6b), (0xab70, 0xabed), (0xabf0, 0xabf9), (0xac00, 0xd7a3), (0xd7b0, 0xd7c6),
    (0xd7cb, 0xd7fb), (0xf900, 0xfa6d), (0xfa70, 0xfad9), (0xfb00, 0xfb06), (0xfb13, 0xfb17), (0xfb1d, 0xfb36),
    (0xfb38, 0xfb3c), (0xfb3e, 0xfb3e), (0xfb40, 0xfb41), (0xfb43, 0xfb44), (0xfb46, 0xfdcf), (0xfdf0, 0xfe19),
    (0xfe20, 0xfe52), (0xfe54, 0xfe66), (0xfe68, 0xfe6b), (0xfe70, 0xfe74), (0xfe76, 0xfefc), (0xff01, 0xffbe),
    (0xffc2, 0xffc7), (0xffca, 0xffcf), (0xffd2, 0xffd7), (0xffda, 0xffdc), (0xffe0, 0xffe6), (0xffe8, 0xffee),
    (0xfffc, 0xfffd), (0x10000, 0x1000b), (0x1000d, 0x10026), (0x10028, 0x1003a), (0x1003c, 0x1003d), (0x1003f, 0x1004d),
    (0x10050, 0x1005d), (0x10080, 0x100fa), (0x10100, 0x10102), (0x10107, 0x10133), (0x10137, 0x1018e), (0x10190, 0x1019c),
    (0x101a0, 0x101a0), (0x101d0, 0x101fd), (0x10280, 0x1029c), (0x102a0, 0x102d0), (0x102e0, 0x102fb), (0x10300, 0x10323),
    (0x1032d, 0x1034a), (0x10350, 0x1037a), (0x10380, 0x1039d), (0x1039f, 0x103c3), (0x103c8, 0x103d5), (0x10400, 0x1049d),
    (0x104a0, 0x104a9), (0x104b0, 0x104d3), (0x104d8, 0x104fb), (0x10500, 0x10527), (0x10530, 0x10563), (0x1056f, 0x1057a),
    (0x1057c, 0x1058a), (0x1058c, 0x10592), (0x10594, 0x10595), (0x10597, 0x105a1), (0x105a3, 0x105b1), (0x105b3, 0x105b9),
    (0x105bb, 0x105bc), (0x105c0, 0x105f3), (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767), (0x10780, 0x10785),
    (0x10787, 0x107b0), (0x107b2, 0x107ba), (0x10800, 0x10805), (0x10808, 0x10808), (0x1080a, 0x10835), (0x10837, 0x10838),
    (0x1083c, 0x1083c), (0x1083f, 0x10855), (0x10857, 0x1089e), (0x108a7, 0x108af), (0x108e0, 0x108f2), (0x108f4, 0x108f5),
    (0x108fb, 0x1091b), (0x1091f, 0x10939), (0x1093f, 0x10959), (0x10980, 0x109b7), (0x109bc, 0x109cf), (0x109d2, 0x10a03),
    (0x10a05, 0x10a06), (0x10a0c, 0x10a13), (0x10a15, 0x10a17), (0x10a19, 0x10a35), (0x10a38, 0x10a3a), (0x10a3f, 0x10a48),
    (0x10a50, 0x10a58), (0x10a60, 0x10a9f), (0x10ac0, 0x10ae6), (0x10aeb, 0x10af6), (0x10b00, 0x10b35), (0x10b39, 0x10b55),
    (0x10b58, 0x10b72), (0x10b78, 0x10b91), (0x10b99, 0x10b9c), (0x10ba9, 0x10baf), (0x10c00, 0x10c48), (0x10c80, 0x10cb2),
    (0x10cc0, 0x10cf2), (0x10cfa, 0x10d27), (0x10d30, 0x10d39), (0x10d40, 0x10d65), (0x10d69, 0x10d85), (0x10d8e, 0x10d8f),
    (0x10e60, 0x10e7e), (0x10e80, 0x10ea9), (0x10eab, 0x10ead), (0x10eb0, 0x10eb1), (0x10ec2, 0x10ec7), (0x10ed0, 0x10ed8),
    (0x10efa, 0x10f27), (0x10f30, 0x10f59), (0x10f70, 0x10f89), (0x10fb0, 0x10fcb), (0x10fe0, 0x10ff6), (0x11000, 0x1104d),
    (0x11052, 0x11075), (0x1107f, 0x110bc), (0x110be, 0x110c2), (0x110d0, 0x110e8), (0x110f0, 0x110f9), (0x11100, 0x11134),
    (0x11136, 0x11147), (0x11150, 0x11176), (0x11180, 0x111df), (0x111e1, 0x111f4), (0x11200, 0x11211), (0x11213, 0x11241),
    (0x11280, 0x11286), (0x11288, 0x11288), (0x1128a, 0x1128d), (0x1128f, 0x1129d), (0x1129f, 0x112a9), (0x112b0, 0x112ea),
    (0x112f0, 0x112f9), (0x11300, 0x11303), (0x11305, 0x1130c), (0x1130f, 0x11310), (0x11313, 0x11328), (0x1132a, 0x11330),
    (0x11332, 0x11333), (0x11335, 0x11339), (0x1133b, 0x11344), (0x11347, 0x11348), (0x1134b, 0x1134d), (0x11350, 0x11350),
    (0x11357, 0x11357), (0x1135d, 0x11363), (0x11366, 0x1136c), (0x11370, 0x11374), (0x11380, 0x11389), (0x1138b, 0x1138b),
    (0x1138e, 0x1138e), (0x11390, 0x113b5), (0x113b7, 0x113c0), (0x113c2, 0x113c2), (0x113c5, 0x113c5), (0x113c7, 0x113ca),
    (0x113cc, 0x113d5), (0x113d7, 0x113d8), (0x113e1, 0x113e2), (0x11400, 0x1145b), (0x1145d, 0x11461), (0x11480, 0x114c7),
    (0x114d0, 0x114d9), (0x11580, 0x115b5), (0x115b8, 0x115dd), (0x11600, 0x11644), (0x11650, 0x11659), (0x11660, 0x1166c),
    (0x11680, 0x116b9), (0x116c0, 0x116c9), (0x116d0, 0x116e3), (0x11700, 0x1171a), (0x1171d, 0x1172b), (0x11730, 0x11746),
    (0x11800, 0x1183b), (0x118a0, 0x118f2), (0x118ff, 0x11906), (0x11909, 0x11909), (0x1190c, 0x11913), (0x11915, 0x11916),
    (0x11918, 0x11935), (0x11937, 0x11938), (0x1193b, 0x11946), (0x11950, 0x11959), (0x119a0, 0x119a7), (0x119aa, 0x119d7),
    (0x119da, 0x119e4), (0x11a00, 0x11a47), (0x11a50, 0x11aa2), (0x11ab0, 0x11af8), (0x11b00, 0x11b09), (0x11b60, 0x11b67),
    (0x11bc0, 0x11be1), (0x11bf0, 0x11bf9), (0x11c00, 0x11c08), (0x11c0a, 0x11c36), (0x11c38, 0x11c45), (0x11c50, 0x11c6c),
    (0x11c70, 0x11c8f), (0x11c92, 0x11ca7), (0x11ca9, 0x11cb6), (0x11d00, 0x11d06), (0x11d08, 0x11d09), (0x11d0b, 0x11d36),
    (0x11d3a, 0x11d3a), (0x11d3c, 0x11d3d), (0x11d3f, 0x11d47), (0x11d50, 0x11d59), (0x11d60, 0x11d65), (0x11d67, 0x11d68),
    (0x11d6a, 0x11d8e), (0x11d90, 0x11d91), (0x11d93, 0x11d98), (0x11da0, 0x11da9), (0x11db0, 0x11ddb), (0x11de0, 0x11de9),
    (0x11ee0, 0x11ef8), (0x11f00, 0x11f10), (0x11f12, 0x11f3a), (0x11f3e, 0x11f5a), (0x11fb0, 0x11fb0), (0x11fc0, 0x11ff1),
    (0x11fff, 0x12399), (0x12400, 0x1246e), (0x12470, 0x12474), (0x12480, 0x12543), (0x12f90, 0x12ff2), (0x13000, 0x1342f),
    (0x13440, 0x13455), (0x13460, 0x143fa), (0x14400, 0x14646), (0x16100, 0x16139), (0x16800, 0x16a38), (0x16a40, 0x16a5e),
    (0x16a60, 0x16a69), (0x16a6e, 0x16abe), (0x16ac0, 0x16ac9), (0x16ad0, 0x16aed), (0x16af0, 0x16af5), (0x16b00, 0x16b45),
    (0x16b50, 0x16b59), (0x16b5b, 0x16b61), (0x16b63, 0x16b77), (0x16b7d, 0x16b8f), (0x16d40, 0x16d79), (0x16e40, 0x16e9a),
    (0x16ea0, 0x16eb8), (0x16ebb, 0x16ed3), (0x16f00, 0x16f4a), (0x16f4f, 0x16f87), (0x16f8f, 0x16f9f), (0x16fe0, 0x16fe4),
    (0x16ff0, 0x16ff6), (0x17000, 0x18cd5), (0x18cff, 0x18d1e), (0x18d80, 0x18df2), (0x1aff0, 0x1aff3), (0x1aff5, 0x1affb),
    (0x1affd, 0x1affe), (0x1b000, 0x1b122), (0x1b132, 0x1b132), (0x1b150, 0x1b152), (0x1b155, 0x1b155), (0x1b164, 0x1b167),
    (0x1b170, 0x1b2fb), (0x1bc00, 0x1bc6a), (0x1bc70, 0x1bc7c), (0x1bc80, 0x1bc88), (0x1bc90, 0x1bc99), (0x1bc9c, 0x1bc9f),
    (0x1cc00, 0x1ccfc), (0x1cd00, 0x1ceb3), (0x1ceba, 0x1ced0), (0x1cee0, 0x1cef0), (0x1cf00, 0x1cf2d), (0x1cf30, 0x1cf46),
    (0x1cf50, 0x1cfc3), (0x1d000, 0x1d0f5), (0x1d100, 0x1d126), (0x1d129, 0x1d172), (0x1d17b, 0x1d1ea), (0x1d200, 0x1d245),
    (0x1d2c0, 0x1d2d3), (0x1d2e0, 0x1d2f3), (0x1d300, 0x1d356), (0x1d360, 0x1d378), (0x1d400, 0x1d454), (0x1d456, 0x1d49c),
    (0x1d49e, 0x1d49f), (0x1d4a2, 0x1d4a2), (0x1d4a5, 0x1d4a6), (0x1d4a9, 0x1d4ac), (0x1d4ae, 0x1d4b9), (0x1d4bb, 0x1d4bb),
    (0x1d4bd, 0x1d4c3), (0x1d4c5, 0x1d505), (0x1d507, 0x1d50a), (0x1d50d, 0x1d514), (0x1d516, 0x1d51c), (0x1d51e, 0x1d539),
    (0x1d53b, 0x1d53e), (0x1d540, 0x1d544), (0x1d546, 0x1d546), (0x1d54a, 0x1d550), (0x1d552, 0x1d6a5), (0x1d6a8, 0x1d7cb),
    (0x1d7ce, 0x1da8b), (0x1da9b, 0x1da9f), (0x1daa1, 0x1daaf), (0x1df00, 0x1df1e), (0x1df25, 0x1df2a), (0x1e000, 0x1e006),
    (0x1e008, 0x1e018), (0x1e01b, 0x1e021), (0x1e023, 0x1e024), (0x1e026, 0x1e02a), (0x1e030, 0x1e06d), (0x1e08f, 0x1e08f),
    (0x1e100, 0x1e12c), (0x1e130, 0x1e13d), (0x1e140, 0x1e149), (0x1e14e, 0x1e14f), (0x1e290, 0x1e2ae), (0x1e2c0, 0x1e2f9),
    (0x1e2ff, 0x1e2ff), (0x1e4d0, 0x1e4f9), (0x1e5d0, 0x1e5fa), (0x1e5ff, 0x1e5ff), (0x1e6c0, 0x1e6de), (0x1e6e0, 0x1e6f5),
    (0x1e6fe, 0x1e6ff), (0x1e7e0, 0x1e7e6), (0x1e7e8, 0x1e7eb), (0x1e7ed, 0x1e7ee), (0x1e7f0, 0x1e7fe), (0x1e800, 0x1e8c4),
    (0x1e8c7, 0x1e8d6), (0x1e900, 0x1e94b), (0x1e950, 0x1e959), (0x1e95e, 0x1e95f), (0x1ec71, 0x1ecb4), (0x1ed01, 0x1ed3d),
    (0x1ee00, 0x1ee03), (0x1ee05, 0x1ee1f), (0x1ee21, 0x1ee22), (0x1ee24, 0x1ee24), (0x1ee27, 0x1ee27), (0x1ee29, 0x1ee32),
    (0x1ee34, 0x1ee37), (0x1ee39, 0x1ee39), (0x1ee3b, 0x1ee3b), (0x1ee42, 0x1ee42), (0x1ee47, 0x1ee47), (0x1ee49, 0x1ee49),
    (0x1ee4b, 0x1ee4b), (0x1ee4d, 0x1ee4f), (0x1ee51, 0x1ee52), (0x1ee54, 0x1ee54), (0x1ee57, 0x1ee57), (0x1ee59, 0x1ee59),
    (0x1ee5b, 0x1ee5b), (0x1ee5d, 0x1ee5d), (0x1ee5f, 0x1ee5f), (0x1ee61, 0x1ee62), (0x1ee64, 0x1ee64), (0x1ee67, 0x1ee6a),
    (0x1ee6c, 0x1ee72), (0x1ee74, 0x1ee77), (0x1ee79, 0x1ee7c), (0x1ee7e, 0x1ee7e), (0x1ee80, 0x1ee89), (0x1ee8b, 0x1ee9b),
    (0x1eea1, 0x1eea3), (0x1eea5, 0x1eea9), (0x1eeab, 0x1eebb), (0x1eef0, 0x1eef1), (0x1f000, 0x1f02b), (0x1f030, 0x1f093),
    (0x1f0a0, 0x1f0ae), (0x1f0b1, 0x1f0bf), (0x1f0c1, 0x1f0cf), (0x1f0d1, 0x1f0f5), (0x1f100, 0x1f1ad), (0x1f1e6, 0x1f202),
    (0x1f210, 0x1f23b), (0x1f240, 0x1f248), (0x1f250, 0x1f251), (0x1f260, 0x1f265), (0x1f300, 0x1f6d8), (0x1f6dc, 0x1f6ec),
    (0x1f6f0, 0x1f6fc), (0x1f700, 0x1f7d9), (0x1f7e0, 0x1f7eb), (0x1f7f0, 0x1f7f0), (0x1f800, 0x1f80b), (0x1f810, 0x1f847),
    (0x1f850, 0x1f859), (0x1f860, 0x1f887), (0x1f890, 0x1f8ad), (0x1f8b0, 0x1f8bb), (0x1f8c0, 0x1f8c1), (0x1f8d0, 0x1f8d8),
    (0x1f900, 0x1fa57), (0x1fa60, 0x1fa6d), (0x1fa70, 0x1fa7c), (0x1fa80, 0x1fa8a), (0x1fa8e, 0x1fac6), (0x1fac8, 0x1fac8),
    (0x1facd, 0x1fadc), (0x1fadf, 0x1faea), (0x1faef, 0x1faf8), (0x1fb00, 0x1fb92), (0x1fb94, 0x1fbfa), (0x20000, 0x2a6df),
    (0x2a700, 0x2b81d), (0x2b820, 0x2cead), (0x2ceb0, 0x2ebe0), (0x2ebf0, 0x2ee5d), (0x2f800, 0x2fa1d), (0x30000, 0x3134a),
    (0x31350, 0x33479), (0xe0100, 0xe01ef),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pos::LineTable;
    use std::path::{Path, PathBuf};

    // ---- helpers ----

    /// 0-based (line, col) of `pos` in `src`, as gc's tests use.
    fn lc0(src: &[u8], pos: Pos) -> (u32, u32) {
        let (l, c) = LineTable::new(src).line_col(pos);
        (l - 1, c - 1)
    }

    fn scanner(src: &str, mode: CommentMode) -> Scanner<'_> {
        Scanner::new(src.as_bytes(), mode)
    }

    /// Scans all of `src`; returns the tokens (token, text or semi kind)
    /// and the scanner (with all errors and comments).
    fn scan_all(src: &[u8], mode: CommentMode) -> (Vec<(Token, String)>, Scanner<'_>) {
        let mut s = Scanner::new(src, mode);
        let mut toks = Vec::new();
        for _ in 0..src.len() + 3 {
            s.next();
            let text = match s.tok {
                Token::Semi => s.semi.to_string(),
                _ => String::from_utf8_lossy(s.text()).into_owned(),
            };
            toks.push((s.tok, text));
            if s.tok == Token::Eof {
                return (toks, s);
            }
        }
        panic!("no EOF after {} tokens", src.len() + 3);
    }

    fn toks(src: &str) -> Vec<(Token, String)> {
        let (t, s) = scan_all(src.as_bytes(), CommentMode::None);
        assert!(s.errors.is_empty(), "{src:?}: {:?}", s.errors);
        t
    }

    /// The first error of scanning `src`, with its 0-based line and column.
    fn first_error(src: &[u8]) -> Option<(String, u32, u32)> {
        let (_, s) = scan_all(src, CommentMode::None);
        s.errors.first().map(|e| {
            let (l, c) = lc0(src, e.pos);
            (e.msg.clone(), l, c)
        })
    }

    fn goroot() -> PathBuf {
        let root = match std::env::var_os("GOXIDE_TEST_GOROOT") {
            Some(r) => PathBuf::from(r),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.goroot-pkg/go"),
        };
        assert!(
            root.join("src/go/parser/parser.go").is_file(),
            "reference GOROOT not found at {} (set GOXIDE_TEST_GOROOT or run scripts/setup.sh)",
            root.display()
        );
        root
    }

    /// All .go files under `dir`, sorted; `testdata` selects files inside
    /// (true) or outside (false) directories named testdata.
    fn go_files(dir: &Path, testdata: bool) -> Vec<PathBuf> {
        fn walk(dir: &Path, in_testdata: bool, want: bool, out: &mut Vec<PathBuf>) {
            let Ok(rd) = std::fs::read_dir(dir) else {
                return;
            };
            let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).collect();
            entries.sort_by_key(|e| e.file_name());
            for e in entries {
                let p = e.path();
                let Ok(ft) = e.file_type() else { continue };
                if ft.is_dir() {
                    let td = in_testdata || e.file_name() == "testdata";
                    walk(&p, td, want, out);
                } else if ft.is_file()
                    && in_testdata == want
                    && p.extension().is_some_and(|x| x == "go")
                {
                    out.push(p);
                }
            }
        }
        let mut out = Vec::new();
        walk(dir, false, testdata, &mut out);
        out
    }

    /// A small deterministic PRNG (xorshift64*).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Byte pieces adversarial inputs are made of: Go syntax fragments,
    /// malformed numbers, escapes, and bytes gc treats specially.
    const PIECES: &[&[u8]] = &[
        b"0",
        b"1",
        b"9",
        b"0x",
        b"0b",
        b"0o",
        b"0X",
        b"_",
        b"__",
        b".",
        b"..",
        b"...",
        b"e",
        b"E",
        b"p",
        b"P",
        b"+",
        b"-",
        b"i",
        b"a",
        b"f",
        b"x",
        b"g",
        b"'",
        b"\"",
        b"`",
        b"\\",
        b"\\x",
        b"\\u",
        b"\\U",
        b"\\0",
        b"\\377",
        b"\\400",
        b"/",
        b"//",
        b"/*",
        b"*/",
        b"*",
        b"//go:",
        b"//line ",
        b"/*line ",
        b"\n",
        b"\r",
        b"\t",
        b" ",
        b"\x00",
        b"\xff",
        b"\xc3",
        b"\xc3\xa9",
        b"\xe2\x82\xac",
        b"\xef\xbb\xbf",
        b"\xed\xa0\x80",
        b"\xf0\x9f\x98\x80",
        b"\xf4\x90\x80\x80",
        b"\xc2\xbd",
        b"\xf0\x9d\x9f\x98",
        b"#",
        b"$",
        b"@",
        b"?",
        b"\x01",
        b"\x7f",
        b"return",
        b"break",
        b"func",
        b"x",
        b"=",
        b":=",
        b"<-",
        b"&^=",
        b"<<=",
        b">>",
        b"!",
        b"~",
        b"(",
        b")",
        b"[",
        b"]",
        b"{",
        b"}",
        b",",
        b";",
        b":",
        b"++",
        b"--",
        b"|",
        b"&",
        b"^",
        b"%",
        b"<",
        b">",
        b"\xe0\x80\x80",
    ];

    /// Deterministic adversarial inputs: random piece strings, random
    /// bytes, and truncated or corrupted copies of `samples`.
    fn adversarial_inputs(samples: &[Vec<u8>], n: usize) -> Vec<Vec<u8>> {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut out = vec![Vec::new(), b"\xef\xbb\xbf".to_vec(), b"\xef\xbb".to_vec()];
        for i in 0..n {
            let mut v = Vec::new();
            match i % 4 {
                0 | 1 => {
                    for _ in 0..rng.below(60) {
                        v.extend_from_slice(PIECES[rng.below(PIECES.len())]);
                    }
                }
                2 => {
                    for _ in 0..rng.below(200) {
                        v.push(rng.next() as u8);
                    }
                }
                _ if !samples.is_empty() => {
                    let base = &samples[rng.below(samples.len())];
                    v.extend_from_slice(&base[..rng.below(base.len() + 1)]);
                    for _ in 0..rng.below(4) {
                        if v.is_empty() {
                            break;
                        }
                        let at = rng.below(v.len());
                        if rng.below(2) == 0 {
                            v[at] = rng.next() as u8;
                        } else {
                            let piece = PIECES[rng.below(PIECES.len())];
                            v.splice(at..at, piece.iter().copied());
                        }
                    }
                }
                _ => {}
            }
            out.push(v);
        }
        out
    }

    /// Inputs aimed at gc's buffer refills (see `Scanner::fill`): samples
    /// with NUL, invalid and multi-byte bytes every `step` bytes, and long
    /// tokens, kept whole in gc's buffer, spanning several refills.
    fn boundary_inputs(samples: &[Vec<u8>]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut rng = Rng(42);
        let junk: [&[u8]; 5] = [b"\x00", b"\xff", b"\xc3", b"\xc3\xa9", b"\xf0\x9f\x98\x80"];
        for (k, base) in samples
            .iter()
            .filter(|s| s.len() > 5000)
            .enumerate()
            .take(8)
        {
            for step in [3usize, 7, 31, 97, 251, 1021] {
                let mut v = Vec::with_capacity(base.len() * 2);
                let mut next = rng.below(step);
                for (i, &b) in base.iter().enumerate() {
                    if i == next {
                        v.extend_from_slice(junk[(i / step + k) % junk.len()]);
                        next += step;
                    } else {
                        v.push(b);
                    }
                }
                out.push(v);
            }
        }
        let body: &[u8] = "a\u{e9}\u{20ac}\u{1f600}\x00 b".as_bytes();
        for (open, close) in [
            ("\"", "\""),
            ("`", "`"),
            ("/*", "*/"),
            ("//", "\n"),
            ("/*line ", "*/"),
            ("//go:", ""),
            ("x", ""),
        ] {
            for len in [4090usize, 4100, 8190, 9000, 20000, 70000] {
                let mut v = b"package p\nvar _ = ".to_vec();
                v.extend_from_slice(open.as_bytes());
                let mut i = rng.below(body.len());
                while v.len() < len {
                    v.push(body[i % body.len()]);
                    i += 1;
                }
                v.extend_from_slice(close.as_bytes());
                v.extend_from_slice(b"\x00\nfunc f() {}\n\x00");
                out.push(v);
            }
        }
        out
    }

    /// Scans `src` in `mode` and checks the structural invariants: it
    /// terminates, positions are in bounds and increasing, EOF sticks.
    fn check_invariants(src: &[u8], mode: CommentMode) {
        let mut s = Scanner::new(src, mode);
        let len = src.len() as Pos;
        let mut last_end = 0;
        let mut n = 0;
        loop {
            s.next();
            n += 1;
            assert!(n <= src.len() + 2, "too many tokens for {src:?}");
            assert!(
                s.pos <= s.end && s.end <= len,
                "{src:?}: bad token span {}..{}",
                s.pos,
                s.end
            );
            assert!(
                s.pos >= last_end,
                "{src:?}: token at {} before end {}",
                s.pos,
                last_end
            );
            last_end = s.end;
            if s.tok == Token::Eof {
                assert_eq!((s.pos, s.end), (len, len));
                break;
            }
        }
        s.next();
        assert_eq!(s.tok, Token::Eof);
        for e in &s.errors {
            assert!(
                e.pos <= len && !e.msg.is_empty() && !e.msg.starts_with('/'),
                "{src:?}: {e:?}"
            );
        }
        for c in &s.comments {
            assert!(
                c.pos < c.end && c.end <= len && src[c.pos as usize] == b'/',
                "{src:?}: {c:?}"
            );
        }
    }

    // ---- gc's scanner_test.go ----

    #[test]
    fn smoke() {
        let src = "if (+foo\t+=..123/***/0.9_0e-0i'a'`raw`\"string\"..f;//$";
        use Token::*;
        let want = [
            If, Lparen, Operator, Name, AssignOp, Dot, Literal, Literal, Literal, Literal, Literal,
            Dot, Dot, Name, Semi, Eof,
        ];
        let got: Vec<Token> = toks(src).into_iter().map(|t| t.0).collect();
        assert_eq!(got, want);
    }

    /// gc's sampleTokens: (token, source, op, prec).
    fn sample_tokens() -> Vec<(Token, &'static str, Operator, u8)> {
        use crate::token::Operator as O;
        use Token::*;
        let mut v = vec![];
        for name in [
            "x",
            "X123",
            "foo",
            "Foo123",
            "foo_bar",
            "_",
            "_foobar",
            "a۰۱۸",
            "foo६४",
            "bar９８７６",
            "ŝ",
            "ŝfoo",
        ] {
            v.push((Name, name, O::None, 0));
        }
        for lit in [
            "0",
            "1",
            "12345",
            "123456789012345678890123456789012345678890",
            "01234567",
            "0_1_234_567",
            "0X0",
            "0xcafebabe",
            "0x_cafe_babe",
            "0O0",
            "0o000",
            "0o_000",
            "0B1",
            "0b01100110",
            "0b_0110_0110",
            "0.",
            "0.e0",
            "0.e-1",
            "0.e+123",
            ".0",
            ".0E00",
            ".0E-0123",
            ".0E+12345678901234567890",
            ".45e1",
            "3.14159265",
            "1e0",
            "1e+100",
            "1e-100",
            "2.71828e-1000",
            "0i",
            "1i",
            "012345678901234567889i",
            "123456789012345678890i",
            "0.i",
            ".0i",
            "3.14159265i",
            "1e0i",
            "1e+100i",
            "1e-100i",
            "2.71828e-1000i",
            "'a'",
            "'\\000'",
            "'\\xFF'",
            "'\\uff16'",
            "'\\U0000ff16'",
            "`foobar`",
            "`foo\tbar`",
            "`\r`",
        ] {
            v.push((Literal, lit, O::None, 0));
        }
        v.extend([
            (Operator, "!", O::Not, 0),
            (Operator, "~", O::Tilde, 0),
            (Operator, "||", O::OrOr, PREC_OROR),
            (Operator, "&&", O::AndAnd, PREC_ANDAND),
            (Operator, "==", O::Eql, PREC_CMP),
            (Operator, "!=", O::Neq, PREC_CMP),
            (Operator, "<", O::Lss, PREC_CMP),
            (Operator, "<=", O::Leq, PREC_CMP),
            (Operator, ">", O::Gtr, PREC_CMP),
            (Operator, ">=", O::Geq, PREC_CMP),
            (Operator, "+", O::Add, PREC_ADD),
            (Operator, "-", O::Sub, PREC_ADD),
            (Operator, "|", O::Or, PREC_ADD),
            (Operator, "^", O::Xor, PREC_ADD),
            (Star, "*", O::Mul, PREC_MUL),
            (Operator, "/", O::Div, PREC_MUL),
            (Operator, "%", O::Rem, PREC_MUL),
            (Operator, "&", O::And, PREC_MUL),
            (Operator, "&^", O::AndNot, PREC_MUL),
            (Operator, "<<", O::Shl, PREC_MUL),
            (Operator, ">>", O::Shr, PREC_MUL),
            (AssignOp, "+=", O::Add, PREC_ADD),
            (AssignOp, "-=", O::Sub, PREC_ADD),
            (AssignOp, "|=", O::Or, PREC_ADD),
            (AssignOp, "^=", O::Xor, PREC_ADD),
            (AssignOp, "*=", O::Mul, PREC_MUL),
            (AssignOp, "/=", O::Div, PREC_MUL),
            (AssignOp, "%=", O::Rem, PREC_MUL),
            (AssignOp, "&=", O::And, PREC_MUL),
            (AssignOp, "&^=", O::AndNot, PREC_MUL),
            (AssignOp, "<<=", O::Shl, PREC_MUL),
            (AssignOp, ">>=", O::Shr, PREC_MUL),
            (IncOp, "++", O::Add, PREC_ADD),
            (IncOp, "--", O::Sub, PREC_ADD),
            (Assign, "=", O::None, 0),
            (Define, ":=", O::Def, 0),
            (Arrow, "<-", O::None, 0),
            (Lparen, "(", O::None, 0),
            (Lbrack, "[", O::None, 0),
            (Lbrace, "{", O::None, 0),
            (Rparen, ")", O::None, 0),
            (Rbrack, "]", O::None, 0),
            (Rbrace, "}", O::None, 0),
            (Comma, ",", O::None, 0),
            (Semi, ";", O::None, 0),
            (Colon, ":", O::None, 0),
            (Dot, ".", O::None, 0),
            (DotDotDot, "...", O::None, 0),
        ]);
        for (kw, tok) in KEYWORDS {
            v.push((tok, kw, O::None, 0));
        }
        v
    }

    #[test]
    fn tokens() {
        for (tok, src, op, prec) in sample_tokens() {
            let mut s = scanner(src, CommentMode::None);
            s.next();
            assert!(s.errors.is_empty(), "{src}: {:?}", s.errors);
            assert_eq!(s.tok, tok, "{src}");
            assert_eq!((s.pos, s.end as usize), (0, src.len()), "{src}");
            assert_eq!(s.text(), src.as_bytes(), "{src}");
            assert_eq!((s.op, s.prec), (op, prec), "{src}");
            assert!(!s.bad, "{src}");
            if tok == Token::Semi {
                assert_eq!(s.semi, "semicolon");
            }
        }
    }

    #[test]
    fn embedded_tokens() {
        let samples = sample_tokens();
        let mut src = String::new();
        for (i, (_, tok, _, _)) in samples.iter().enumerate() {
            src.push_str(&"\t\t\t\t"[..i & 3]); // leading indentation
            src.push_str(tok); // token
            src.push_str(&"        "[..i & 7]); // trailing spaces
            src.push_str(&format!("/*line foo:{i} */ // bar\n")); // comments + newline
        }
        let mut s = scanner(&src, CommentMode::None);
        s.next();
        for (i, &(tok, text, op, prec)) in samples.iter().enumerate() {
            assert_eq!(lc0(src.as_bytes(), s.pos).0, i as u32, "{text}: line");
            assert_eq!(lc0(src.as_bytes(), s.pos).1, (i & 3) as u32, "{text}: col");
            assert!(s.blank, "{text}: blank");
            assert_eq!(s.tok, tok, "{text}");
            assert_eq!(s.text(), text.as_bytes());
            let nlsemi = match tok {
                Token::Semi => {
                    assert_eq!(s.semi, "semicolon");
                    false
                }
                Token::Name | Token::Literal => true,
                Token::Operator | Token::AssignOp | Token::IncOp => {
                    assert_eq!((s.op, s.prec), (op, prec), "{text}");
                    tok == Token::IncOp
                }
                Token::Rparen
                | Token::Rbrack
                | Token::Rbrace
                | Token::Break
                | Token::Continue
                | Token::Fallthrough
                | Token::Return => true,
                _ => false,
            };
            if nlsemi {
                s.next();
                assert_eq!((s.tok, s.semi), (Token::Semi, "newline"), "{text}");
                assert_eq!(s.end, s.pos + 1);
                assert!(!s.blank);
            }
            s.next();
        }
        assert_eq!(s.tok, Token::Eof);
        assert!(s.errors.is_empty(), "{:?}", s.errors);
    }

    #[test]
    fn comments() {
        // (src, 0-based line, col, text of the last comment)
        let tests: &[(&str, u32, u32, &str)] = &[
            // no comments
            ("no comment here", 0, 0, ""),
            (" /", 0, 0, ""),
            ("\n /*/", 0, 0, ""),
            // //-style comments
            ("// line comment\n", 0, 0, "// line comment"),
            ("package p // line comment\n", 0, 10, "// line comment"),
            ("//\n//\n\t// want this one\r\n", 2, 1, "// want this one\r"),
            ("\n\n//\n", 2, 0, "//"),
            ("//", 0, 0, "//"),
            // /*-style comments
            ("123/* regular comment */", 0, 3, "/* regular comment */"),
            ("package p /* regular comment", 0, 0, ""),
            (
                "\n\n\n/*\n*//* want this one */",
                4,
                2,
                "/* want this one */",
            ),
            ("\n\n/**/", 2, 0, "/**/"),
            ("/*", 0, 0, ""),
        ];
        for &(src, line, col, text) in tests {
            let (_, s) = scan_all(src.as_bytes(), CommentMode::All);
            for e in &s.errors {
                assert_eq!(e.msg, "comment not terminated", "{src:?}");
            }
            let got = s.comments.last().map_or((0, 0, ""), |c| {
                let (l, co) = lc0(src.as_bytes(), c.pos);
                (l, co, &src[c.pos as usize..c.end as usize])
            });
            assert_eq!(got, (line, col, text), "{src:?}");
        }
    }

    #[test]
    fn numbers() {
        use LitKind::*;
        // (kind, src, tokens, first error)
        let tests: &[(LitKind, &str, &str, &str)] = &[
            // binaries
            (Int, "0b0", "0b0", ""),
            (Int, "0b1010", "0b1010", ""),
            (Int, "0B1110", "0B1110", ""),
            (Int, "0b", "0b", "binary literal has no digits"),
            (
                Int,
                "0b0190",
                "0b0190",
                "invalid digit '9' in binary literal",
            ),
            (Int, "0b01a0", "0b01 a0", ""), // only accept 0-9
            (Float, "0b.", "0b.", "invalid radix point in binary literal"),
            (
                Float,
                "0b.1",
                "0b.1",
                "invalid radix point in binary literal",
            ),
            (
                Float,
                "0b1.0",
                "0b1.0",
                "invalid radix point in binary literal",
            ),
            (
                Float,
                "0b1e10",
                "0b1e10",
                "'e' exponent requires decimal mantissa",
            ),
            (
                Float,
                "0b1P-1",
                "0b1P-1",
                "'P' exponent requires hexadecimal mantissa",
            ),
            (Imag, "0b10i", "0b10i", ""),
            (
                Imag,
                "0b10.0i",
                "0b10.0i",
                "invalid radix point in binary literal",
            ),
            // octals
            (Int, "0o0", "0o0", ""),
            (Int, "0o1234", "0o1234", ""),
            (Int, "0O1234", "0O1234", ""),
            (Int, "0o", "0o", "octal literal has no digits"),
            (
                Int,
                "0o8123",
                "0o8123",
                "invalid digit '8' in octal literal",
            ),
            (
                Int,
                "0o1293",
                "0o1293",
                "invalid digit '9' in octal literal",
            ),
            (Int, "0o12a3", "0o12 a3", ""), // only accept 0-9
            (Float, "0o.", "0o.", "invalid radix point in octal literal"),
            (
                Float,
                "0o.2",
                "0o.2",
                "invalid radix point in octal literal",
            ),
            (
                Float,
                "0o1.2",
                "0o1.2",
                "invalid radix point in octal literal",
            ),
            (
                Float,
                "0o1E+2",
                "0o1E+2",
                "'E' exponent requires decimal mantissa",
            ),
            (
                Float,
                "0o1p10",
                "0o1p10",
                "'p' exponent requires hexadecimal mantissa",
            ),
            (Imag, "0o10i", "0o10i", ""),
            (
                Imag,
                "0o10e0i",
                "0o10e0i",
                "'e' exponent requires decimal mantissa",
            ),
            // 0-octals
            (Int, "0", "0", ""),
            (Int, "0123", "0123", ""),
            (Int, "08123", "08123", "invalid digit '8' in octal literal"),
            (Int, "01293", "01293", "invalid digit '9' in octal literal"),
            (Int, "0F.", "0 F .", ""), // only accept 0-9
            (Int, "0123F.", "0123 F .", ""),
            (Int, "0123456x", "0123456 x", ""),
            // decimals
            (Int, "1", "1", ""),
            (Int, "1234", "1234", ""),
            (Int, "1f", "1 f", ""), // only accept 0-9
            (Imag, "0i", "0i", ""),
            (Imag, "0678i", "0678i", ""),
            // decimal floats
            (Float, "0.", "0.", ""),
            (Float, "123.", "123.", ""),
            (Float, "0123.", "0123.", ""),
            (Float, ".0", ".0", ""),
            (Float, ".123", ".123", ""),
            (Float, ".0123", ".0123", ""),
            (Float, "0.0", "0.0", ""),
            (Float, "123.123", "123.123", ""),
            (Float, "0123.0123", "0123.0123", ""),
            (Float, "0e0", "0e0", ""),
            (Float, "123e+0", "123e+0", ""),
            (Float, "0123E-1", "0123E-1", ""),
            (Float, "0.e+1", "0.e+1", ""),
            (Float, "123.E-10", "123.E-10", ""),
            (Float, "0123.e123", "0123.e123", ""),
            (Float, ".0e-1", ".0e-1", ""),
            (Float, ".123E+10", ".123E+10", ""),
            (Float, ".0123E123", ".0123E123", ""),
            (Float, "0.0e1", "0.0e1", ""),
            (Float, "123.123E-10", "123.123E-10", ""),
            (Float, "0123.0123e+456", "0123.0123e+456", ""),
            (Float, "0e", "0e", "exponent has no digits"),
            (Float, "0E+", "0E+", "exponent has no digits"),
            (Float, "1e+f", "1e+ f", "exponent has no digits"),
            (
                Float,
                "0p0",
                "0p0",
                "'p' exponent requires hexadecimal mantissa",
            ),
            (
                Float,
                "1.0P-1",
                "1.0P-1",
                "'P' exponent requires hexadecimal mantissa",
            ),
            (Imag, "0.i", "0.i", ""),
            (Imag, ".123i", ".123i", ""),
            (Imag, "123.123i", "123.123i", ""),
            (Imag, "123e+0i", "123e+0i", ""),
            (Imag, "123.E-10i", "123.E-10i", ""),
            (Imag, ".123E+10i", ".123E+10i", ""),
            // hexadecimals
            (Int, "0x0", "0x0", ""),
            (Int, "0x1234", "0x1234", ""),
            (Int, "0xcafef00d", "0xcafef00d", ""),
            (Int, "0XCAFEF00D", "0XCAFEF00D", ""),
            (Int, "0x", "0x", "hexadecimal literal has no digits"),
            (Int, "0x1g", "0x1 g", ""),
            (Imag, "0xf00i", "0xf00i", ""),
            // hexadecimal floats
            (Float, "0x0p0", "0x0p0", ""),
            (Float, "0x12efp-123", "0x12efp-123", ""),
            (Float, "0xABCD.p+0", "0xABCD.p+0", ""),
            (Float, "0x.0189P-0", "0x.0189P-0", ""),
            (Float, "0x1.ffffp+1023", "0x1.ffffp+1023", ""),
            (Float, "0x1p-2", "0x1p-2", ""),
            (Float, "0x.", "0x.", "hexadecimal literal has no digits"),
            (
                Float,
                "0x0.",
                "0x0.",
                "hexadecimal mantissa requires a 'p' exponent",
            ),
            (
                Float,
                "0x.0",
                "0x.0",
                "hexadecimal mantissa requires a 'p' exponent",
            ),
            (
                Float,
                "0x1.1",
                "0x1.1",
                "hexadecimal mantissa requires a 'p' exponent",
            ),
            (
                Float,
                "0x1.1e0",
                "0x1.1e0",
                "hexadecimal mantissa requires a 'p' exponent",
            ),
            (
                Float,
                "0x1.2gp1a",
                "0x1.2 gp1a",
                "hexadecimal mantissa requires a 'p' exponent",
            ),
            (Float, "0x0p", "0x0p", "exponent has no digits"),
            (Float, "0xeP-", "0xeP-", "exponent has no digits"),
            (Float, "0x1234PAB", "0x1234P AB", "exponent has no digits"),
            (Float, "0x1.2p1a", "0x1.2p1 a", ""),
            (Imag, "0xf00.bap+12i", "0xf00.bap+12i", ""),
            // separators
            (Int, "0b_1000_0001", "0b_1000_0001", ""),
            (Int, "0o_600", "0o_600", ""),
            (Int, "0_466", "0_466", ""),
            (Int, "1_000", "1_000", ""),
            (Float, "1_000.000_1", "1_000.000_1", ""),
            (Imag, "10e+1_2_3i", "10e+1_2_3i", ""),
            (Int, "0x_f00d", "0x_f00d", ""),
            (Float, "0x_f00d.0p1_2", "0x_f00d.0p1_2", ""),
            (
                Int,
                "0b__1000",
                "0b__1000",
                "'_' must separate successive digits",
            ),
            (
                Int,
                "0o60___0",
                "0o60___0",
                "'_' must separate successive digits",
            ),
            (Int, "0466_", "0466_", "'_' must separate successive digits"),
            (Float, "1_.", "1_.", "'_' must separate successive digits"),
            (Float, "0._1", "0._1", "'_' must separate successive digits"),
            (
                Float,
                "2.7_e0",
                "2.7_e0",
                "'_' must separate successive digits",
            ),
            (
                Imag,
                "10e+12_i",
                "10e+12_i",
                "'_' must separate successive digits",
            ),
            (
                Int,
                "0x___0",
                "0x___0",
                "'_' must separate successive digits",
            ),
            (
                Float,
                "0x1.0_p0",
                "0x1.0_p0",
                "'_' must separate successive digits",
            ),
        ];
        for &(kind, src, tokens, err) in tests {
            let mut s = scanner(src, CommentMode::None);
            for (i, want) in tokens.split(' ').enumerate() {
                let nerr = s.errors.len();
                s.next();
                let got_err = s.errors.get(nerr).map_or("", |e| e.msg.as_str());
                assert!(
                    got_err.is_empty() || s.bad,
                    "{src:?}: got error but bad not set"
                );
                let lit: &[u8] = match s.tok {
                    Token::Name | Token::Literal => s.text(),
                    Token::Dot => b".",
                    _ => b"",
                };
                if i == 0 {
                    assert_eq!((s.tok, s.kind), (Token::Literal, kind), "{src:?}");
                    assert_eq!(got_err, err, "{src:?}");
                    assert_eq!(s.bad, !err.is_empty(), "{src:?}");
                }
                assert_eq!(lit, want.as_bytes(), "{src:?}");
            }
            // make sure we read all
            s.next();
            if s.tok == Token::Semi {
                s.next();
            }
            assert_eq!(s.tok, Token::Eof, "{src:?}");
        }
    }

    #[test]
    fn scan_errors() {
        // (src, first error, 0-based line, col)
        let tests: &[(&[u8], &str, u32, u32)] = &[
            // rune-level errors
            (b"fo\x00o", "invalid NUL character", 0, 2),
            (
                "foo\n\u{feff} bar".as_bytes(),
                "invalid BOM in the middle of the file",
                1,
                0,
            ),
            (b"foo\n\n\xff    ", "invalid UTF-8 encoding", 2, 0),
            // token-level errors
            (
                "\u{00BD}".as_bytes(),
                "invalid character U+00BD '½' in identifier",
                0,
                0,
            ),
            (
                "\u{1d736}\u{1d737}\u{1d738}_½".as_bytes(),
                "invalid character U+00BD '½' in identifier",
                0,
                13,
            ),
            (
                "\u{1d7d8}".as_bytes(),
                "identifier cannot begin with digit U+1D7D8 '𝟘'",
                0,
                0,
            ),
            (
                "foo\u{1d7d8}_½".as_bytes(),
                "invalid character U+00BD '½' in identifier",
                0,
                8,
            ),
            (b"x + #y", "invalid character U+0023 '#'", 0, 4),
            (b"foo$bar = 0", "invalid character U+0024 '$'", 0, 3),
            (b"0123456789", "invalid digit '8' in octal literal", 0, 8),
            (b"0123456789. /* foobar", "comment not terminated", 0, 12), // valid float constant
            (b"0123456789e0 /*\nfoobar", "comment not terminated", 0, 13), // valid float constant
            (
                b"var a, b = 09, 07\n",
                "invalid digit '9' in octal literal",
                0,
                12,
            ),
            (b"''", "empty rune literal or unescaped '", 0, 1),
            (b"'\n", "newline in rune literal", 0, 1),
            (b"'\\", "rune literal not terminated", 0, 0),
            (b"'\\'", "rune literal not terminated", 0, 0),
            (b"'\\x", "rune literal not terminated", 0, 0),
            (
                b"'\\x'",
                "invalid character '\\'' in hexadecimal escape",
                0,
                3,
            ),
            (b"'\\y'", "unknown escape", 0, 2),
            (
                b"'\\x0'",
                "invalid character '\\'' in hexadecimal escape",
                0,
                4,
            ),
            (b"'\\00'", "invalid character '\\'' in octal escape", 0, 4),
            (b"'\\377' /*", "comment not terminated", 0, 7), // valid octal escape
            (b"'\\378", "invalid character '8' in octal escape", 0, 4),
            (b"'\\400'", "octal escape value 256 > 255", 0, 5),
            (b"'xx", "rune literal not terminated", 0, 0),
            (b"'xx'", "more than one character in rune literal", 0, 0),
            (b"\n   \"foo\n", "newline in string", 1, 7),
            (b"\"", "string not terminated", 0, 0),
            (b"\"foo", "string not terminated", 0, 0),
            (b"`", "string not terminated", 0, 0),
            (b"`foo", "string not terminated", 0, 0),
            (b"/*/", "comment not terminated", 0, 0),
            (b"/*\n\nfoo", "comment not terminated", 0, 0),
            (b"\"\\", "string not terminated", 0, 0),
            (b"\"\\\"", "string not terminated", 0, 0),
            (b"\"\\x", "string not terminated", 0, 0),
            (
                b"\"\\x\"",
                "invalid character '\"' in hexadecimal escape",
                0,
                3,
            ),
            (b"\"\\y\"", "unknown escape", 0, 2),
            (
                b"\"\\x0\"",
                "invalid character '\"' in hexadecimal escape",
                0,
                4,
            ),
            (b"\"\\00\"", "invalid character '\"' in octal escape", 0, 4),
            (b"\"\\377\" /*", "comment not terminated", 0, 7), // valid octal escape
            (b"\"\\378\"", "invalid character '8' in octal escape", 0, 4),
            (b"\"\\400\"", "octal escape value 256 > 255", 0, 5),
            (b"s := \"foo\\z\"", "unknown escape", 0, 10),
            (b"s := \"foo\\z00\\nbar\"", "unknown escape", 0, 10),
            (b"\"\\x", "string not terminated", 0, 0),
            (
                b"\"\\x\"",
                "invalid character '\"' in hexadecimal escape",
                0,
                3,
            ),
            (
                b"var s string = \"\\x\"",
                "invalid character '\"' in hexadecimal escape",
                0,
                18,
            ),
            (
                b"return \"\\Uffffffff\"",
                "escape is invalid Unicode code point U+FFFFFFFF",
                0,
                18,
            ),
            (b"0b.0", "invalid radix point in binary literal", 0, 2),
            (b"0x.p0\n", "hexadecimal literal has no digits", 0, 3),
            // former problem cases
            (b"package p\n\n\xef", "invalid UTF-8 encoding", 2, 0),
            // more, beyond gc's table
            (
                b"x := \"\\ud800\"",
                "escape is invalid Unicode code point U+D800",
                0,
                12,
            ),
            (
                b"'\\U00110000'",
                "escape is invalid Unicode code point U+110000",
                0,
                11,
            ),
            (
                b"'\\u00g0'",
                "invalid character 'g' in hexadecimal escape",
                0,
                5,
            ),
            (
                b"\"\\x4\n\"",
                "invalid character '\\n' in hexadecimal escape",
                0,
                4,
            ),
            (b"\"\\'\"", "unknown escape", 0, 2),
            (b"'\\\"'", "unknown escape", 0, 2),
            (b"x @", "invalid character U+0040 '@'", 0, 2),
            (b"\x01", "invalid character U+0001", 0, 0),
            (b"a\x7f", "invalid character U+007F", 0, 1),
            (
                "x\u{00a0}".as_bytes(),
                "invalid character U+00A0 in identifier",
                0,
                1,
            ),
            (
                "\u{0660}x".as_bytes(),
                "identifier cannot begin with digit U+0660 '٠'",
                0,
                0,
            ),
            (
                b"\xef\xbb\xbfx\xef\xbb\xbf",
                "invalid BOM in the middle of the file",
                0,
                4,
            ),
            (b"\x00\xef\xbb\xbf", "invalid character U+0000", 0, 0), // gc's buffer start, see fill
            (b"\xed\xa0\x80", "invalid UTF-8 encoding", 0, 0),
            (b"\xc0\xaf", "invalid UTF-8 encoding", 0, 0),
            (b"\xf4\x90\x80\x80", "invalid UTF-8 encoding", 0, 0),
            (
                "\u{fffd}".as_bytes(),
                "invalid character U+FFFD '\u{fffd}' in identifier",
                0,
                0,
            ),
            ("\"\\u00e9\\U0001F600\" '\\u200b'".as_bytes(), "", 0, 0),
            (b"0o1e", "'e' exponent requires decimal mantissa", 0, 3),
            (b"0x1.p", "exponent has no digits", 0, 5),
            (b"08_9", "invalid digit '8' in octal literal", 0, 1),
            (b"0_x", "'_' must separate successive digits", 0, 1),
            (b"1__2", "'_' must separate successive digits", 0, 2),
        ];
        for &(src, err, line, col) in tests {
            let got = first_error(src);
            if err.is_empty() {
                assert_eq!(got, None, "{src:?}");
            } else {
                assert_eq!(got, Some((err.to_string(), line, col)), "{src:?}");
            }
        }
    }

    #[test]
    fn directives() {
        for src in [
            "line",
            "// line",
            "//line",
            "//line foo",
            "//line foo%bar",
            "go",
            "// go:",
            "//go:",
            "//go :foo",
            "//go:foo",
            "//go:foo%bar",
        ] {
            let mut s = scanner(src, CommentMode::Directives);
            s.next();
            let want: &[Comment] = if src.starts_with("//line ") || src.starts_with("//go:") {
                &[Comment {
                    pos: 0,
                    end: src.len() as Pos,
                }]
            } else {
                &[]
            };
            assert_eq!(s.comments, want, "{src}");
        }
        let src = "//go:build x\n// not\n/*line a.go:1*/ /*line*/ /* line x */ //line b.go:2\r\n/*line c:1";
        let (_, s) = scan_all(src.as_bytes(), CommentMode::Directives);
        let texts: Vec<&str> = s
            .comments
            .iter()
            .map(|c| &src[c.pos as usize..c.end as usize])
            .collect();
        assert_eq!(
            texts,
            ["//go:build x", "/*line a.go:1*/", "//line b.go:2\r"]
        );
        assert_eq!(s.errors.len(), 1); // the unterminated /*line
        // gc's NUL is invisible, also inside the directive prefix
        let (_, s) = scan_all(b"//g\x00o:x", CommentMode::Directives);
        assert_eq!((s.comments.len(), s.errors.len()), (1, 1));
    }

    #[test]
    fn issue21938() {
        let src = format!("/*{}*/ .5", " ".repeat(4089));
        let mut s = scanner(&src, CommentMode::None);
        s.next();
        assert_eq!((s.tok, s.text()), (Token::Literal, &b".5"[..]));
    }

    #[test]
    fn issue33961() {
        for lit in ["08__", "0b.p", "0b_._p", "0x.e", "0x.p"] {
            let mut s = scanner(lit, CommentMode::None);
            s.next();
            assert_eq!(s.errors.len(), 1, "{lit}: {:?}", s.errors);
            assert!(s.bad, "{lit}");
        }
    }

    // ---- beyond gc's tests ----

    #[test]
    fn semicolon_insertion() {
        use Token::*;
        let cases: &[(&str, &[(Token, &str)])] = &[
            ("", &[(Eof, "")]),
            ("x", &[(Name, "x"), (Semi, "EOF"), (Eof, "")]),
            ("x\n", &[(Name, "x"), (Semi, "newline"), (Eof, "")]),
            ("x;", &[(Name, "x"), (Semi, "semicolon"), (Eof, "")]),
            (
                "return\n",
                &[(Return, "return"), (Semi, "newline"), (Eof, "")],
            ),
            (
                "break continue fallthrough\n",
                &[
                    (Break, "break"),
                    (Continue, "continue"),
                    (Fallthrough, "fallthrough"),
                    (Semi, "newline"),
                    (Eof, ""),
                ],
            ),
            (
                "func\n(\n)\n",
                &[
                    (Func, "func"),
                    (Lparen, "("),
                    (Rparen, ")"),
                    (Semi, "newline"),
                    (Eof, ""),
                ],
            ),
            (
                "a++\nb--\n",
                &[
                    (Name, "a"),
                    (IncOp, "++"),
                    (Semi, "newline"),
                    (Name, "b"),
                    (IncOp, "--"),
                    (Semi, "newline"),
                    (Eof, ""),
                ],
            ),
            (
                "]\n}\n",
                &[
                    (Rbrack, "]"),
                    (Semi, "newline"),
                    (Rbrace, "}"),
                    (Semi, "newline"),
                    (Eof, ""),
                ],
            ),
            ("1 // c\n", &[(Literal, "1"), (Semi, "newline"), (Eof, "")]),
            (
                "'a' /* c */ \n",
                &[(Literal, "'a'"), (Semi, "newline"), (Eof, "")],
            ),
            (
                "x /* c\n */ y",
                &[
                    (Name, "x"),
                    (Semi, "newline"),
                    (Name, "y"),
                    (Semi, "EOF"),
                    (Eof, ""),
                ],
            ),
            (
                "x /* c */ y",
                &[(Name, "x"), (Name, "y"), (Semi, "EOF"), (Eof, "")],
            ),
            ("x /* c", &[(Name, "x"), (Semi, "EOF"), (Eof, "")]),
            ("x /* c\n", &[(Name, "x"), (Semi, "newline"), (Eof, "")]),
            (
                "x\r\n\r\ny",
                &[
                    (Name, "x"),
                    (Semi, "newline"),
                    (Name, "y"),
                    (Semi, "EOF"),
                    (Eof, ""),
                ],
            ),
            (
                "+\n-\n*\n",
                &[(Operator, "+"), (Operator, "-"), (Star, "*"), (Eof, "")],
            ),
            (
                "a..b",
                &[
                    (Name, "a"),
                    (Dot, "."),
                    (Dot, "."),
                    (Name, "b"),
                    (Semi, "EOF"),
                    (Eof, ""),
                ],
            ),
            ("..", &[(Dot, "."), (Dot, "."), (Eof, "")]),
            (
                "a<-b",
                &[
                    (Name, "a"),
                    (Arrow, "<-"),
                    (Name, "b"),
                    (Semi, "EOF"),
                    (Eof, ""),
                ],
            ),
        ];
        for &(src, want) in cases {
            let (got, _) = scan_all(src.as_bytes(), CommentMode::None);
            let got: Vec<(Token, &str)> = got.iter().map(|(t, s)| (*t, s.as_str())).collect();
            assert_eq!(got, want, "{src:?}");
        }
    }

    #[test]
    fn positions_and_blank() {
        let src = "\u{feff}package p\n\n  x /* c */ y\n/* c */ z\n\t// c\n\tw";
        let mut s = scanner(src, CommentMode::None);
        let mut got = vec![];
        loop {
            s.next();
            got.push((s.tok, s.pos, s.end, s.blank));
            if s.tok == Token::Eof {
                break;
            }
        }
        use Token::*;
        assert_eq!(
            got,
            [
                (Package, 3, 10, true),
                (Name, 11, 12, false),
                (Semi, 12, 13, false),
                (Name, 16, 17, true),
                (Name, 26, 27, false),
                (Semi, 27, 28, false),
                (Name, 36, 37, false),
                (Semi, 37, 38, false),
                (Name, 45, 46, true),
                (Semi, 46, 46, false),
                (Eof, 46, 46, false),
            ]
        );
        assert!(s.errors.is_empty());
        // a multi-line comment Semi starts at the comment
        let mut s = scanner("x/*\n*/", CommentMode::None);
        s.next();
        s.next();
        assert_eq!(
            (s.tok, s.semi, s.pos, s.end),
            (Token::Semi, "newline", 1, 6)
        );
    }

    #[test]
    fn literal_forms() {
        use LitKind::*;
        let cases: &[(&str, LitKind)] = &[
            ("0b1010", Int),
            ("0o17", Int),
            ("0x_1F", Int),
            ("1_000_000", Int),
            ("0x1p-2", Float),
            ("0X1P+2i", Imag),
            ("1e3i", Imag),
            ("`a\\n\nb`", String),
            (
                "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\000\\x7f\\u00e9\\U0001F600\"",
                String,
            ),
            ("'\\''", Rune),
            ("'\\a'", Rune),
            ("'é'", Rune),
            ("'\\377'", Rune),
            ("'\\U0010ffff'", Rune),
        ];
        for &(src, kind) in cases {
            let mut s = scanner(src, CommentMode::None);
            s.next();
            assert_eq!(
                (s.tok, s.kind, s.bad, s.text()),
                (Token::Literal, kind, false, src.as_bytes()),
                "{src}"
            );
            assert!(s.errors.is_empty(), "{src}: {:?}", s.errors);
            s.next();
            assert_eq!(s.semi, "EOF");
        }
        // invisible bytes stay in the literal text
        let mut s = Scanner::new(b"1\x002 x", CommentMode::None);
        s.next();
        assert_eq!((s.text(), s.bad), (&b"1\x002"[..], false));
        assert_eq!(
            s.errors,
            [ScanError {
                pos: 1,
                msg: "invalid NUL character".into()
            }]
        );
    }

    #[test]
    fn gc_quirks() {
        // gc's rewind re-reads the byte after the first '.', reporting a
        // NUL there twice.
        let (t, s) = scan_all(b".\x00.x", CommentMode::None);
        assert_eq!(
            t.iter().map(|t| t.0).collect::<Vec<_>>(),
            [Token::Dot, Token::Dot, Token::Name, Token::Semi, Token::Eof]
        );
        assert_eq!(s.errors.len(), 2);
        // '*', invisible byte, '/' closes a comment
        let (_, s) = scan_all(b"/* *\xff/ x", CommentMode::All);
        assert_eq!(s.comments, [Comment { pos: 0, end: 6 }]);
        // every non-ASCII character continues an identifier
        let (t, s) = scan_all("a\u{2028}b".as_bytes(), CommentMode::None);
        assert_eq!(t[0], (Token::Name, "a\u{2028}b".to_string()));
        assert_eq!(s.errors[0].msg, "invalid character U+2028 in identifier");
        // invisible bytes do not end an identifier
        let (t, s) = scan_all(b"a\xc1b\x00c d", CommentMode::None);
        assert_eq!(t[0], (Token::Name, "a\u{fffd}b\0c".to_string()));
        assert_eq!(s.errors.len(), 2);
        // a NUL that starts one of gc's buffer refills escapes its NUL
        // check: the first refill reads 4095 bytes
        let mut src = vec![b' '; 4095];
        src.extend_from_slice(b"\x00x");
        let (t, s) = scan_all(&src, CommentMode::None);
        assert_eq!(
            s.errors,
            [ScanError {
                pos: 4095,
                msg: "invalid character U+0000".into()
            }]
        );
        assert!(!t[0].1.contains('\0'));
        src[4094] = 0;
        let (t, s) = scan_all(&src, CommentMode::None);
        assert_eq!(
            s.errors[0],
            ScanError {
                pos: 4094,
                msg: "invalid NUL character".into()
            }
        );
        assert_eq!(t[0], (Token::Name, "x".to_string()));
        // ... also inside a token: a string's text keeps it
        let mut src = b"\"".to_vec();
        src.extend(vec![b'a'; 4094]);
        src.extend_from_slice(b"\x00\"");
        let (t, s) = scan_all(&src, CommentMode::None);
        assert!(s.errors.is_empty() && t[0].0 == Token::Literal && t[0].1.len() == 4097);
        // keywords need their exact bytes
        let (t, _) = scan_all(b"i\x00f", CommentMode::None);
        assert_eq!(t[0].0, Token::Name);
    }

    #[test]
    fn go_formatting() {
        assert_eq!(fmt_u('@' as u32), "U+0040 '@'");
        assert_eq!(fmt_u(1), "U+0001");
        assert_eq!(fmt_u(0x1d7d8), "U+1D7D8 '𝟘'");
        assert_eq!(fmt_u(0xd800), "U+D800");
        assert_eq!(fmt_u(0x10ffff), "U+10FFFF");
        assert_eq!(fmt_u(0xffff_ffff), "U+FFFFFFFF");
        assert_eq!(fmt_u(0xa0), "U+00A0");
        assert_eq!(quote_rune('a' as u32), "'a'");
        assert_eq!(quote_rune('\'' as u32), "'\\''");
        assert_eq!(quote_rune('\\' as u32), "'\\\\'");
        assert_eq!(quote_rune('"' as u32), "'\"'");
        assert_eq!(quote_rune('\n' as u32), "'\\n'");
        assert_eq!(quote_rune(7), "'\\a'");
        assert_eq!(quote_rune(0x0b), "'\\v'");
        assert_eq!(quote_rune(1), "'\\x01'");
        assert_eq!(quote_rune(0x7f), "'\\x7f'");
        assert_eq!(quote_rune(0xad), "'\\u00ad'");
        assert_eq!(quote_rune(0xe0001), "'\\U000e0001'");
        assert_eq!(quote_rune('é' as u32), "'é'");
        assert_eq!(quote_rune(0x3000), "'\\u3000'");
        assert!(is_letter('ŝ' as u32) && is_letter('界' as u32) && !is_letter('½' as u32));
        assert!(is_digit('٠' as u32) && is_digit('９' as u32) && !is_digit('½' as u32));
        assert!(is_print('€' as u32) && !is_print(0x2028) && !is_print(0xfeff));
    }

    #[test]
    fn keyword_hash_is_perfect() {
        for (kw, tok) in KEYWORDS {
            assert_eq!(lookup_keyword(kw.as_bytes(), 0, kw.len()), Some(tok));
            assert_eq!(crate::token::keyword(kw.as_bytes()), Some(tok));
            assert_eq!(tok.as_str(), kw);
        }
        for w in [
            "",
            "g",
            "x",
            "goto2",
            "Go",
            "fallthroughs",
            "iff",
            "mapp",
            "ch",
        ] {
            assert_eq!(lookup_keyword(w.as_bytes(), 0, w.len()), None, "{w}");
        }
    }

    #[test]
    fn decode_rune_as_go() {
        for c in [
            0x80u32, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff,
        ] {
            let ch = char::from_u32(c).unwrap();
            let mut buf = [0u8; 4];
            let s = ch.encode_utf8(&mut buf);
            assert_eq!(decode_rune(s.as_bytes()), (c, s.len()));
            assert_eq!(decode_rune(&s.as_bytes()[..s.len() - 1]), (0, 0));
        }
        for bad in [
            &b"\x80"[..],
            b"\xc1\xbf",
            b"\xe0\x9f\xbf",
            b"\xed\xa0\x80",
            b"\xf0\x8f\xbf\xbf",
            b"\xf4\x90\x80\x80",
            b"\xf5\x80\x80\x80",
            b"\xe2\x28\xa1",
        ] {
            assert_eq!(decode_rune(bad), (0, 0), "{bad:?}");
        }
    }

    #[test]
    fn adversarial_inputs_terminate() {
        let root = goroot();
        let mut samples = Vec::new();
        for p in go_files(&root.join("src/cmd/compile/internal/syntax"), false)
            .into_iter()
            .take(8)
        {
            samples.push(std::fs::read(p).unwrap());
        }
        for src in adversarial_inputs(&samples, 4000)
            .into_iter()
            .chain(boundary_inputs(&samples))
        {
            for mode in [CommentMode::None, CommentMode::Directives, CommentMode::All] {
                check_invariants(&src, mode);
            }
        }
        // every truncation of a file with all token kinds
        let src = "\u{feff}package p // c\n/*line x:1*/ import \"fmt\"\nfunc f() { x := 0x1p-2i + 'a' + `r` + \"s\\n\"; x <<= 1; x &^= 2; goto L; return }\n";
        for i in 0..=src.len() {
            for mode in [CommentMode::None, CommentMode::All] {
                check_invariants(&src.as_bytes()[..i], mode);
            }
        }
    }

    /// Every non-testdata file of GOROOT/src scans without a single error.
    #[test]
    fn goroot_scans_cleanly() {
        let root = goroot();
        let files = go_files(&root.join("src"), false);
        assert!(files.len() > 5000, "only {} files", files.len());
        let mut bytes = 0;
        for p in &files {
            let src = std::fs::read(p).unwrap();
            bytes += src.len();
            let (_, s) = scan_all(&src, CommentMode::All);
            assert!(
                s.errors.is_empty(),
                "{}: {:?}",
                p.display(),
                &s.errors[..s.errors.len().min(3)]
            );
        }
        assert!(bytes > 50 << 20);
    }

    /// Every testdata file (many deliberately broken) scans without panic.
    #[test]
    fn goroot_testdata_scans() {
        let root = goroot();
        let files = go_files(&root.join("src"), true);
        assert!(files.len() > 1000, "only {} files", files.len());
        for p in &files {
            let src = std::fs::read(p).unwrap();
            check_invariants(&src, CommentMode::Directives);
        }
    }

    /// Throughput: `cargo test -p goxide_syntax --release -- --ignored
    /// --nocapture scanner_throughput`.
    #[test]
    #[ignore]
    fn scanner_throughput() {
        let root = goroot();
        let srcs: Vec<Vec<u8>> = go_files(&root.join("src"), false)
            .into_iter()
            .chain(go_files(&root.join("src"), true))
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        let total: usize = srcs.iter().map(|s| s.len()).sum();
        // Robust to a busy machine: the sum over files of each file's best
        // time out of several passes (a pass over one file is ~10 µs).
        let passes: usize = std::env::var("GOXIDE_BENCH_PASSES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10);
        for mode in [CommentMode::None, CommentMode::Directives, CommentMode::All] {
            let mut best = vec![f64::MAX; srcs.len()];
            let mut ntok = 0usize;
            for _ in 0..passes {
                ntok = 0;
                for (src, best) in srcs.iter().zip(&mut best) {
                    let t = std::time::Instant::now();
                    let mut s = Scanner::new(src, mode);
                    loop {
                        s.next();
                        ntok += 1;
                        if s.tok == Token::Eof {
                            break;
                        }
                    }
                    std::hint::black_box(&s.comments);
                    *best = best.min(t.elapsed().as_secs_f64());
                }
            }
            let secs: f64 = best.iter().sum();
            println!(
                "scanner {mode:?}: {} files, {:.1} MB, {} tokens, {:.3} s: {:.0} MB/s, {:.0} Mtok/s",
                srcs.len(),
                total as f64 / 1e6,
                ntok,
                secs,
                total as f64 / 1e6 / secs,
                ntok as f64 / 1e6 / secs
            );
        }
    }

    // ---- differential test against gc's own scanner ----

    /// The Go driver: gc's scanner (scanner.go, source.go, tokens.go and
    /// the stringer files, copied into package main) dumping tokens,
    /// errors and comments in the format of [`dump`].
    const GO_DRIVER: &str = r#"package main

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/fnv"
	"os"
	"strings"
)

func main() {
	list, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var mode uint
	switch os.Args[2] {
	case "Directives":
		mode = directives
	case "All":
		mode = comments
	}
	full := os.Args[3] == "full"
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, name := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		src, err := os.ReadFile(name)
		if err != nil {
			panic(err)
		}
		var b strings.Builder
		var errs, coms []string
		var s scanner
		s.init(bytes.NewReader(src), func(line, col uint, msg string) {
			if len(msg) > 0 && msg[0] == '/' {
				coms = append(coms, fmt.Sprintf("C %d:%d %x\n", line, col, msg))
			} else {
				errs = append(errs, fmt.Sprintf("E %d:%d %s\n", line, col, msg))
			}
		}, mode)
		for {
			s.next()
			fmt.Fprintf(&b, "T %d:%d %v %s", s.line, s.col, s.blank, s.tok)
			switch s.tok {
			case _Name:
				fmt.Fprintf(&b, " %x", s.lit)
			case _Literal:
				fmt.Fprintf(&b, " %x %d %v", s.lit, s.kind, s.bad)
			case _Operator, _Star, _AssignOp, _IncOp:
				fmt.Fprintf(&b, " %s %d", s.op, s.prec)
			case _Semi:
				fmt.Fprintf(&b, " %s", s.lit)
			}
			b.WriteString("\n")
			for _, e := range errs {
				b.WriteString(e)
			}
			for _, c := range coms {
				b.WriteString(c)
			}
			errs, coms = errs[:0], coms[:0]
			if s.tok == _EOF {
				break
			}
		}
		if full {
			fmt.Fprintf(w, "%s", b.String())
		} else {
			h := fnv.New64a()
			h.Write([]byte(b.String()))
			fmt.Fprintf(w, "%016x\n", h.Sum64())
		}
	}
}
"#;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Our scan of `src` in the Go driver's format, and whether gc's
    /// rewind line bug would have struck.
    fn dump(src: &[u8], mode: CommentMode) -> (String, bool) {
        use std::fmt::Write;
        let lines = LineTable::new(src);
        let lc = |p: Pos| lines.line_col(p);
        let mut out = String::new();
        let mut s = Scanner::new(src, mode);
        loop {
            s.next();
            let (l, c) = lc(s.pos);
            write!(out, "T {l}:{c} {} {}", s.blank, s.tok.as_str()).unwrap();
            match s.tok {
                Token::Name => write!(out, " {}", hex(s.text())).unwrap(),
                Token::Literal => {
                    write!(out, " {} {} {}", hex(s.text()), s.kind as u8, s.bad).unwrap()
                }
                Token::Operator | Token::Star | Token::AssignOp | Token::IncOp => {
                    write!(out, " {} {}", s.op.as_str(), s.prec).unwrap()
                }
                Token::Semi => write!(out, " {}", s.semi).unwrap(),
                _ => {}
            }
            out.push('\n');
            for e in s.errors.drain(..) {
                let (l, c) = lc(e.pos);
                writeln!(out, "E {l}:{c} {}", e.msg).unwrap();
            }
            for cm in s.comments.drain(..) {
                let (l, c) = lc(cm.pos);
                writeln!(
                    out,
                    "C {l}:{c} {}",
                    hex(&src[cm.pos as usize..cm.end as usize])
                )
                .unwrap();
            }
            if s.tok == Token::Eof {
                break;
            }
        }
        (out, s.rewind_nl > 0)
    }

    fn fnv64(s: &str) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in s.as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        format!("{h:016x}")
    }

    /// Compares our tokens, errors and comments with gc's scanner itself,
    /// built from the reference GOROOT, on all of GOROOT/src (testdata
    /// included) and on adversarial inputs, in all three comment modes:
    /// Runs by default (about a minute in a debug build); its count goes to
    /// the conformance snapshot.
    #[test]
    fn differential_vs_gc() {
        use std::process::Command;
        let root = goroot();
        let dir = std::env::temp_dir().join(format!("goxide-scandiff-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("fuzz")).unwrap();
        let syntax = root.join("src/cmd/compile/internal/syntax");
        for f in [
            "scanner.go",
            "source.go",
            "tokens.go",
            "token_string.go",
            "operator_string.go",
        ] {
            let text = std::fs::read_to_string(syntax.join(f)).unwrap();
            std::fs::write(
                dir.join(f),
                text.replacen("package syntax", "package main", 1),
            )
            .unwrap();
        }
        std::fs::write(dir.join("main.go"), GO_DRIVER).unwrap();
        std::fs::write(dir.join("go.mod"), "module scandiff\n\ngo 1.27\n").unwrap();
        let go = root.join("bin/go");
        let st = Command::new(&go)
            .args(["build", "-o", "drv", "."])
            .current_dir(&dir)
            .env("GOTOOLCHAIN", "local")
            .env("GOWORK", "off")
            .env("GOFLAGS", "")
            .env("GOROOT", &root)
            .status()
            .unwrap();
        assert!(st.success(), "building the gc driver failed");

        let mut files = go_files(&root.join("src"), false);
        files.extend(go_files(&root.join("src"), true));
        let samples: Vec<Vec<u8>> =
            go_files(&root.join("src/cmd/compile/internal/syntax/testdata"), true)
                .into_iter()
                .chain(go_files(&root.join("src/strconv"), false))
                .map(|p| std::fs::read(p).unwrap())
                .collect();
        let inputs = adversarial_inputs(&samples, 6000)
            .into_iter()
            .chain(boundary_inputs(&samples));
        for (i, src) in inputs.enumerate() {
            let p = dir.join(format!("fuzz/{i}.go"));
            std::fs::write(&p, src).unwrap();
            files.push(p);
        }
        let list: String = files.iter().map(|p| format!("{}\n", p.display())).collect();
        std::fs::write(dir.join("list"), list).unwrap();

        let run = |list: &Path, mode: &str, full: bool| -> String {
            let out = Command::new(dir.join("drv"))
                .arg(list)
                .arg(mode)
                .arg(if full { "full" } else { "hash" })
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "driver failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        let mut failures = Vec::new();
        let mut skipped = 0;
        for mode in [CommentMode::None, CommentMode::Directives, CommentMode::All] {
            let mname = format!("{mode:?}");
            let hashes = run(&dir.join("list"), &mname, false);
            let hashes: Vec<&str> = hashes.lines().collect();
            assert_eq!(hashes.len(), files.len());
            for (p, want) in files.iter().zip(hashes) {
                let src = std::fs::read(p).unwrap();
                let (ours, rewind_nl) = dump(&src, mode);
                if fnv64(&ours) == want {
                    continue;
                }
                if rewind_nl {
                    skipped += 1; // gc's positions are off there (known divergence)
                    continue;
                }
                let one = dir.join("one");
                std::fs::write(&one, format!("{}\n", p.display())).unwrap();
                let theirs = run(&one, &mname, true);
                let (i, (a, b)) = ours
                    .lines()
                    .zip(theirs.lines())
                    .enumerate()
                    .find(|(_, (a, b))| a != b)
                    .unwrap_or((0, ("(length differs)", "")));
                failures.push(format!(
                    "{} [{mname}] line {i}:\n  ours: {a}\n  gc:   {b}",
                    p.display()
                ));
            }
        }
        println!(
            "differential: {} files x 3 modes, {skipped} skipped for gc's rewind line bug",
            files.len()
        );
        let _ = std::fs::remove_dir_all(&dir);
        let runs = files.len() * 3;
        goxide_testing::conformance(
            "scanner / GOROOT/src files x comment modes agreeing with gc's scanner",
            runs - skipped - failures.len(),
            runs,
        );
        assert!(
            failures.is_empty(),
            "{} mismatches:\n{}",
            failures.len(),
            failures[..failures.len().min(20)].join("\n")
        );
    }
}
