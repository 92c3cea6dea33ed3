//! Build constraints: `//go:build` expressions, legacy `// +build` lines,
//! and the file-header scan that finds them.
//!
//! Ported from Go 1.27's `go/build/constraint` (`expr.go`, `vers.go`) and
//! from the header logic of `go/build` (`build.go`: `parseFileHeader`,
//! `isGoBuildComment`, `shouldBuild`; `read.go`: `readComments`), which
//! `cmd/go/internal/imports` and `cmd/go/internal/modindex` copy. Results
//! and error texts are Go's, byte for byte.
//!
//! # Expressions
//! [`parse`] takes one line. A `//go:build` line is parsed by Go's
//! recursive descent grammar (`or` → `and` → `not` → `atom`) over the
//! tokens `(`, `)`, `!`, `&&`, `||` and tags (runs of Unicode letters,
//! digits, `_`, `.`), run with its pending calls on a heap stack
//! (`Frame`) so that nesting costs no native stack (Go's goroutine
//! stacks grow; ours do not). As in Go, every call of `not` counts toward
//! a size limit of 1000 ("build expression too large"), which bounds the
//! nesting; `!!` is refused; an "unexpected end of expression" met inside
//! parentheses is reported as "missing close paren"; error offsets are
//! byte offsets in the expression text after `//go:build`. A `// +build`
//! line is split into space-separated options (ORed) of comma-separated
//! literals (ANDed); bad literals become the tag `ignore`, and more than
//! 100 operators is "expression too complex for // +build lines".
//! [`Expr::eval`] calls the predicate for every tag (no short-circuit),
//! like Go's `Eval`, so callers can record all consulted tags.
//!
//! # File headers
//! [`parse_header`] is one pass over the leading lines of a file: each line
//! (split at `\n`) is trimmed of Unicode space; blank lines before the first
//! non-`//` line mark where `// +build` lines may end (they must be
//! followed by a blank line); a `//go:build` line counts anywhere before the
//! first line holding non-comment text (outside `/* */`), and a second one
//! is "multiple //go:build comments". The scan stops at the first line with
//! non-comment text, so it reads only the header. `// +build` lines are
//! collected while scanning and cut back at the end to those before the
//! last qualifying blank line, which is what Go's second pass over
//! `content[:end]` sees. When a `//go:build` line exists it controls and
//! the `// +build` lines are dropped. [`Header::should_build`] is
//! `shouldBuild`.
//!
//! # Invariants
//! - Never panics, on any bytes; input need not be UTF-8 (decoding follows
//!   Go: an invalid byte is U+FFFD of width 1).
//! - No allocation for a file without constraint lines: the header borrows
//!   from the source, and only `// +build` lines push to a `Vec`.
//! - An [`Expr`] from [`parse`] is at most ~1000 levels deep (the size
//!   limit); printing, evaluating and converting it recurse once per
//!   level and fit a 1 MiB stack even unoptimised (tested).
//! - "Letter" and "digit" are Go's `unicode.IsLetter`/`IsDigit` (Unicode
//!   17.0.0 categories L and Nd), not Rust's `is_alphabetic`/`is_numeric`.

use std::fmt;

/// Go's `maxSize`: the complexity limit of a `//go:build` expression.
const MAX_SIZE: usize = 1000;

/// Go's `maxOldSize`: the operator limit of a `// +build` line.
const MAX_OLD_SIZE: usize = 100;

const GO_BUILD: &[u8] = b"//go:build";
const PLUS_BUILD: &[u8] = b"+build";
const BINARY_ONLY: &[u8] = b"//go:binary-only-package";
const BOM: &[u8] = b"\xEF\xBB\xBF";

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

/// A build constraint expression (Go's `constraint.Expr`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Expr {
    /// A single tag, e.g. `linux` or `cgo`.
    Tag(String),
    /// `!X`.
    Not(Box<Expr>),
    /// `X && Y`.
    And(Box<Expr>, Box<Expr>),
    /// `X || Y`.
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Builds `Tag(name)`.
    pub fn tag(name: impl Into<String>) -> Expr {
        Expr::Tag(name.into())
    }

    /// Builds `!x`.
    #[allow(clippy::should_implement_trait)]
    pub fn not(x: Expr) -> Expr {
        Expr::Not(Box::new(x))
    }

    /// Builds `x && y`.
    pub fn and(x: Expr, y: Expr) -> Expr {
        Expr::And(Box::new(x), Box::new(y))
    }

    /// Builds `x || y`.
    pub fn or(x: Expr, y: Expr) -> Expr {
        Expr::Or(Box::new(x), Box::new(y))
    }

    /// Reports whether the expression is true, asking `ok` about each tag.
    /// Like Go's `Eval`, both sides of `&&` and `||` are evaluated, so `ok`
    /// sees every tag of the expression, left to right.
    pub fn eval(&self, ok: &mut impl FnMut(&str) -> bool) -> bool {
        match self {
            Expr::Tag(t) => ok(t),
            Expr::Not(x) => !x.eval(ok),
            Expr::And(x, y) => {
                let xok = x.eval(ok);
                let yok = y.eval(ok);
                xok && yok
            }
            Expr::Or(x, y) => {
                let xok = x.eval(ok);
                let yok = y.eval(ok);
                xok || yok
            }
        }
    }

    /// `cmd/go/internal/imports.Eval`: evaluation with the `tags["*"]`
    /// convention, where a tag may be "both true and false". `tag(name,
    /// prefer)` answers for one tag; `prefer` starts as given and flips
    /// under each `!`. Unlike [`Expr::eval`], `&&` and `||` short-circuit,
    /// as in Go.
    pub fn eval_prefer(&self, prefer: bool, tag: &mut impl FnMut(&str, bool) -> bool) -> bool {
        match self {
            Expr::Tag(t) => tag(t, prefer),
            Expr::Not(x) => !x.eval_prefer(!prefer, tag),
            Expr::And(x, y) => x.eval_prefer(prefer, tag) && y.eval_prefer(prefer, tag),
            Expr::Or(x, y) => x.eval_prefer(prefer, tag) || y.eval_prefer(prefer, tag),
        }
    }
}

/// Go's `String()`: the `//go:build` syntax, with parentheses only where
/// `&&` and `||` mix and around a negated `&&`/`||`.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Expr::Tag(t) = self {
            return f.write_str(t);
        }
        let mut s = String::new();
        self.write_to(&mut s);
        f.write_str(&s)
    }
}

impl Expr {
    /// Appends Go's `String()` to `out` (one small frame per level, so
    /// deep expressions need little stack).
    fn write_to(&self, out: &mut String) {
        let (x, op, y, paren_if_and) = match self {
            Expr::Tag(t) => return out.push_str(t),
            Expr::Not(x) => {
                out.push('!');
                let paren = matches!(**x, Expr::And(..) | Expr::Or(..));
                return x.write_arg(out, paren);
            }
            Expr::And(x, y) => (x, " && ", y, false),
            Expr::Or(x, y) => (x, " || ", y, true),
        };
        let needs = |e: &Expr| match e {
            Expr::And(..) => paren_if_and,
            Expr::Or(..) => !paren_if_and,
            _ => false,
        };
        x.write_arg(out, needs(x));
        out.push_str(op);
        y.write_arg(out, needs(y));
    }

    fn write_arg(&self, out: &mut String, paren: bool) {
        if paren {
            out.push('(');
            self.write_to(out);
            out.push(')');
        } else {
            self.write_to(out);
        }
    }
}

/// A syntax error in a `//go:build` expression (Go's `*SyntaxError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the expression text (after `//go:build` and the
    /// surrounding space) where the error was detected.
    pub offset: usize,
    /// Go's description, e.g. `unexpected token ||`.
    pub err: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.err)
    }
}

impl std::error::Error for SyntaxError {}

/// The errors of [`parse`] and [`plus_build_lines`]; `Display` is Go's
/// `Error()` text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// `not a build constraint` (Go's `errNotConstraint`).
    NotConstraint,
    /// A `//go:build` syntax error.
    Syntax(SyntaxError),
    /// `expression too complex for // +build lines` (Go's `errComplex`).
    TooComplex,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotConstraint => f.write_str("not a build constraint"),
            Error::Syntax(e) => e.fmt(f),
            Error::TooComplex => f.write_str("expression too complex for // +build lines"),
        }
    }
}

impl std::error::Error for Error {}

impl From<SyntaxError> for Error {
    fn from(e: SyntaxError) -> Error {
        Error::Syntax(e)
    }
}

/// Parses one build constraint line, `//go:build ...` or `// +build ...`
/// (Go's `constraint.Parse`). A single trailing newline is allowed. The
/// line may be any bytes (`&str` or `&[u8]`).
pub fn parse(line: impl AsRef<[u8]>) -> Result<Expr, Error> {
    let line = line.as_ref();
    if let Some(text) = split_go_build(line) {
        return parse_expr(text).map_err(Error::Syntax);
    }
    if let Some(text) = split_plus_build(line) {
        return parse_plus_build_expr(text);
    }
    Err(Error::NotConstraint)
}

/// Reports whether the line is a `//go:build` constraint (prefix check
/// only; the expression may still fail to parse). Go's `IsGoBuild`.
pub fn is_go_build(line: impl AsRef<[u8]>) -> bool {
    split_go_build(line.as_ref()).is_some()
}

/// Reports whether the line is a `// +build` constraint (prefix check
/// only). Go's `IsPlusBuild`.
pub fn is_plus_build(line: impl AsRef<[u8]>) -> bool {
    split_plus_build(line.as_ref()).is_some()
}

/// Splits off the `//go:build` prefix; `None` if the line is not a
/// `//go:build` line or holds more than one line.
fn split_go_build(line: &[u8]) -> Option<&[u8]> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    if line.contains(&b'\n') || !line.starts_with(GO_BUILD) {
        return None;
    }
    let line = &trim_space(line)[GO_BUILD.len()..];
    // More to trim after the prefix means a space followed it (so this is
    // not `//go:buildsomething`); an empty rest is `//go:build` alone.
    let trim = trim_space(line);
    if line.len() == trim.len() && !line.is_empty() {
        return None;
    }
    Some(trim)
}

/// Splits off the `// +build` prefix (the space is optional).
fn split_plus_build(line: &[u8]) -> Option<&[u8]> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    if line.contains(&b'\n') {
        return None;
    }
    let line = trim_space(line.strip_prefix(b"//")?);
    let line = line.strip_prefix(PLUS_BUILD)?;
    let trim = trim_space(line);
    if line.len() == trim.len() && !line.is_empty() {
        return None;
    }
    Some(trim)
}

/// The `//go:build` expression parser (Go's `exprParser`).
struct ExprParser<'a> {
    s: &'a [u8],
    /// Next read position.
    i: usize,
    /// Last token (empty at the end of input).
    tok: &'a [u8],
    is_tag: bool,
    /// Start of the last token.
    pos: usize,
    size: usize,
}

/// Parses a `//go:build` expression text (Go's `parseExpr`).
fn parse_expr(text: &[u8]) -> Result<Expr, SyntaxError> {
    let mut p = ExprParser {
        s: text,
        i: 0,
        tok: b"",
        is_tag: false,
        pos: 0,
        size: 0,
    };
    let mut stack = Vec::new();
    p.run(&mut stack).map_err(|mut e| {
        // Go's atom turns an end-of-input error met inside its parentheses
        // into "missing close paren" (same offset).
        if e.err == UNEXPECTED_END && stack.iter().any(|f| matches!(f, Frame::Paren(_))) {
            e.err = MISSING_PAREN.to_string();
        }
        e
    })
}

const UNEXPECTED_END: &str = "unexpected end of expression";
const MISSING_PAREN: &str = "missing close paren";

/// A pending call of Go's recursive descent parser, kept on a heap stack
/// so that nesting costs no native stack.
enum Frame {
    /// In `or`, with the `||` operands so far.
    Or(Option<Expr>),
    /// In `and`, with the `&&` operands so far.
    And(Option<Expr>),
    /// In `not`, after a `!`: negate what `atom` returns.
    Not,
    /// In `atom`, inside `(` at this offset.
    Paren(usize),
}

impl<'a> ExprParser<'a> {
    fn error(&self, offset: usize, err: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset,
            err: err.into(),
        }
    }

    /// Go's `or()` at top level, then the check for leftover input. The
    /// grammar, as Go's functions:
    ///
    /// - `or`: `and` { `||` `and` }
    /// - `and`: `not` { `&&` `not` }
    /// - `not`: (counts toward the size limit, lexes) [`!`] `atom`
    /// - `atom`: `(` `or` `)` | tag
    ///
    /// Each `'not` iteration is one call of `not`; the stack holds the
    /// callers it returns to. On error the stack is left as it was.
    fn run(&mut self, stack: &mut Vec<Frame>) -> Result<Expr, SyntaxError> {
        stack.push(Frame::Or(None));
        stack.push(Frame::And(None));
        'not: loop {
            // not()
            self.size += 1;
            if self.size > MAX_SIZE {
                return Err(self.error(self.pos, "build expression too large"));
            }
            self.lex()?;
            if self.tok == b"!" {
                self.lex()?;
                if self.tok == b"!" {
                    return Err(self.error(self.pos, "double negation not allowed"));
                }
                stack.push(Frame::Not);
            }
            // atom(), with the first token lexed.
            if self.tok == b"(" {
                stack.push(Frame::Paren(self.pos));
                stack.push(Frame::Or(None));
                stack.push(Frame::And(None));
                continue 'not;
            }
            if !self.is_tag {
                if self.tok.is_empty() {
                    return Err(self.error(self.pos, UNEXPECTED_END));
                }
                let tok = String::from_utf8_lossy(self.tok);
                return Err(self.error(self.pos, format!("unexpected token {tok}")));
            }
            // A tag holds only letters, digits, '_' and '.', so it is UTF-8.
            let mut x = Expr::Tag(String::from_utf8_lossy(self.tok).into_owned());
            self.lex()?;

            // Return x from atom() to its callers.
            loop {
                match stack.pop() {
                    // not() returns !x.
                    Some(Frame::Not) => x = Expr::not(x),
                    // not() returns x to and().
                    Some(Frame::And(acc)) => {
                        let y = match acc {
                            Some(a) => Expr::and(a, x),
                            None => x,
                        };
                        if self.tok == b"&&" {
                            stack.push(Frame::And(Some(y)));
                            continue 'not;
                        }
                        // and() returns y to or().
                        let Some(Frame::Or(acc)) = stack.pop() else {
                            unreachable!("and() is always called by or()")
                        };
                        let z = match acc {
                            Some(a) => Expr::or(a, y),
                            None => y,
                        };
                        if self.tok == b"||" {
                            stack.push(Frame::Or(Some(z)));
                            stack.push(Frame::And(None));
                            continue 'not;
                        }
                        // or() returns z to atom(), or to parseExpr.
                        match stack.pop() {
                            None => {
                                if !self.tok.is_empty() {
                                    let tok = String::from_utf8_lossy(self.tok);
                                    return Err(
                                        self.error(self.pos, format!("unexpected token {tok}"))
                                    );
                                }
                                return Ok(z);
                            }
                            Some(Frame::Paren(pos)) => {
                                if self.tok != b")" {
                                    return Err(self.error(pos, MISSING_PAREN));
                                }
                                self.lex()?;
                                x = z; // atom() returns (z).
                            }
                            Some(_) => unreachable!("or() is called by atom() or parseExpr"),
                        }
                    }
                    _ => unreachable!("atom() is always called by not()"),
                }
            }
        }
    }

    /// Reads the next token into `tok`/`is_tag`/`pos`; the empty token at
    /// the end of input.
    fn lex(&mut self) -> Result<(), SyntaxError> {
        self.is_tag = false;
        while self.i < self.s.len() && (self.s[self.i] == b' ' || self.s[self.i] == b'\t') {
            self.i += 1;
        }
        if self.i >= self.s.len() {
            self.tok = b"";
            self.pos = self.i;
            return Ok(());
        }
        match self.s[self.i] {
            b'(' | b')' | b'!' => {
                self.pos = self.i;
                self.i += 1;
                self.tok = &self.s[self.pos..self.i];
                return Ok(());
            }
            c @ (b'&' | b'|') => {
                if self.i + 1 >= self.s.len() || self.s[self.i + 1] != c {
                    return Err(self.error(self.i, format!("invalid syntax at {}", c as char)));
                }
                self.pos = self.i;
                self.i += 2;
                self.tok = &self.s[self.pos..self.i];
                return Ok(());
            }
            _ => {}
        }
        let rest = &self.s[self.i..];
        let mut n = 0;
        while n < rest.len() {
            let (r, size) = decode_rune(&rest[n..]);
            if !is_tag_char(r) {
                break;
            }
            n += size;
        }
        if n == 0 {
            let (r, _) = decode_rune(rest);
            return Err(self.error(
                self.i,
                format!(
                    "invalid syntax at {}",
                    r.unwrap_or(char::REPLACEMENT_CHARACTER)
                ),
            ));
        }
        self.pos = self.i;
        self.i += n;
        self.tok = &self.s[self.pos..self.i];
        self.is_tag = true;
        Ok(())
    }
}

/// Parses the text of a `// +build` line (Go's `parsePlusBuildExpr`).
fn parse_plus_build_expr(text: &[u8]) -> Result<Expr, Error> {
    let mut size = 0;
    let mut x: Option<Expr> = None;
    for clause in fields(text) {
        let mut y: Option<Expr> = None;
        for lit in clause.split(|&b| b == b',') {
            let z = if lit.starts_with(b"!!") || lit == b"!" {
                Expr::tag("ignore")
            } else {
                let (neg, lit) = match lit.strip_prefix(b"!") {
                    Some(rest) => (true, rest),
                    None => (false, lit),
                };
                let z = if is_valid_tag(lit) {
                    Expr::Tag(String::from_utf8_lossy(lit).into_owned())
                } else {
                    Expr::tag("ignore")
                };
                if neg { Expr::not(z) } else { z }
            };
            y = Some(match y {
                None => z,
                Some(y) => {
                    size += 1;
                    if size > MAX_OLD_SIZE {
                        return Err(Error::TooComplex);
                    }
                    Expr::and(y, z)
                }
            });
        }
        // `split` yields at least one item, so `y` is set.
        let y = y.unwrap_or_else(|| Expr::tag("ignore"));
        x = Some(match x {
            None => y,
            Some(x) => {
                size += 1;
                if size > MAX_OLD_SIZE {
                    return Err(Error::TooComplex);
                }
                Expr::or(x, y)
            }
        });
    }
    Ok(x.unwrap_or_else(|| Expr::tag("ignore")))
}

/// Reports whether `word` is a valid build tag: non-empty, only letters,
/// digits, `_` and `.` (Go's `isValidTag`).
fn is_valid_tag(word: &[u8]) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < word.len() {
        let (r, n) = decode_rune(&word[i..]);
        if !is_tag_char(r) {
            return false;
        }
        i += n;
    }
    true
}

/// Reports whether `name` is a valid build tag (letters, digits, `_`, `.`;
/// the empty name passes, as in `cmd/go/internal/imports.matchTag`, whose
/// loop is this). Callers implementing `matchTag` use it.
pub fn tag_chars_valid(name: &str) -> bool {
    name.chars().all(|c| is_tag_char(Some(c)))
}

/// Returns `// +build` lines equivalent to `x` (Go's `PlusBuildLines`), or
/// [`Error::TooComplex`].
pub fn plus_build_lines(x: &Expr) -> Result<Vec<String>, Error> {
    // Push all NOTs to the leaves, so !(x && y) becomes !x || !y.
    let x = push_not(x, false);

    // Split into AND of ORs of ANDs of literals (tag or NOT tag).
    let mut split: Vec<Vec<Vec<&Expr>>> = Vec::new();
    for or in split_and(&x) {
        let mut ands = Vec::new();
        for and in split_or(or) {
            let mut lits = Vec::new();
            for lit in split_and(and) {
                match lit {
                    Expr::Tag(_) | Expr::Not(_) => lits.push(lit),
                    _ => return Err(Error::TooComplex),
                }
            }
            ands.push(lits);
        }
        split.push(ands);
    }

    // If no OR has more than one term, put all the literals on one line.
    let max_or = split.iter().map(Vec::len).max().unwrap_or(0);
    if max_or == 1 {
        let lits: Vec<&Expr> = split.iter().flat_map(|or| or[0].iter().copied()).collect();
        split = vec![vec![lits]];
    }

    Ok(split
        .iter()
        .map(|or| {
            let mut line = String::from("// +build");
            for and in or {
                line.push(' ');
                for (i, lit) in and.iter().enumerate() {
                    if i > 0 {
                        line.push(',');
                    }
                    line.push_str(&lit.to_string());
                }
            }
            line
        })
        .collect())
}

/// De Morgan: pushes negations down to the tags (Go's `pushNot`).
fn push_not(x: &Expr, not: bool) -> Expr {
    match x {
        Expr::Not(y) => {
            if matches!(**y, Expr::Tag(_)) && !not {
                return x.clone();
            }
            push_not(y, !not)
        }
        Expr::Tag(_) => {
            if not {
                Expr::not(x.clone())
            } else {
                x.clone()
            }
        }
        Expr::And(a, b) => {
            let (a, b) = (push_not(a, not), push_not(b, not));
            if not { Expr::or(a, b) } else { Expr::and(a, b) }
        }
        Expr::Or(a, b) => {
            let (a, b) = (push_not(a, not), push_not(b, not));
            if not { Expr::and(a, b) } else { Expr::or(a, b) }
        }
    }
}

/// Splits top-level `&&`s: `X && Y && Z` → `[X, Y, Z]`.
fn split_and(x: &Expr) -> Vec<&Expr> {
    fn walk<'e>(x: &'e Expr, list: &mut Vec<&'e Expr>) {
        match x {
            Expr::And(a, b) => {
                walk(a, list);
                walk(b, list);
            }
            _ => list.push(x),
        }
    }
    let mut list = Vec::new();
    walk(x, &mut list);
    list
}

/// Splits top-level `||`s.
fn split_or(x: &Expr) -> Vec<&Expr> {
    fn walk<'e>(x: &'e Expr, list: &mut Vec<&'e Expr>) {
        match x {
            Expr::Or(a, b) => {
                walk(a, list);
                walk(b, list);
            }
            _ => list.push(x),
        }
    }
    let mut list = Vec::new();
    walk(x, &mut list);
    list
}

/// The minimum Go version implied by `x` (Go's `GoVersion`): `"go1.N"`,
/// `"go1"`, or `""` when the expression holds without any version tag.
/// Purely structural: every tag or negated tag is assumed independently
/// satisfiable.
pub fn go_version(x: &Expr) -> String {
    let v = min_version(x, 1);
    if v < 0 {
        String::new()
    } else if v == 0 {
        "go1".to_string()
    } else {
        format!("go1.{v}")
    }
}

/// The minimum minor version implied by `z` (`sign > 0`) or by `!z`.
fn min_version(z: &Expr, sign: i32) -> i64 {
    match z {
        Expr::And(x, y) => {
            let (a, b) = (min_version(x, sign), min_version(y, sign));
            if sign < 0 { a.min(b) } else { a.max(b) }
        }
        Expr::Or(x, y) => {
            let (a, b) = (min_version(x, sign), min_version(y, sign));
            if sign < 0 { a.max(b) } else { a.min(b) }
        }
        Expr::Not(x) => min_version(x, -sign),
        Expr::Tag(tag) => {
            if sign < 0 {
                return -1; // !foo implies nothing
            }
            if tag == "go1" {
                return 0;
            }
            // strings.Cut: the text after the first "go1." anywhere.
            let Some(at) = tag.find("go1.") else {
                return -1;
            };
            // strconv.Atoi; a tag has no sign characters, so only ASCII
            // digits within int64 range parse.
            tag[at + 4..].parse::<i64>().unwrap_or(-1)
        }
    }
}

// ---------------------------------------------------------------------------
// File headers
// ---------------------------------------------------------------------------

/// One constraint line found in a file header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderLine<'a> {
    /// The line, trimmed of surrounding space (e.g. `//go:build linux`).
    pub text: &'a [u8],
    /// Byte offset of `text` in the source given to [`parse_header`].
    pub offset: usize,
    /// 1-based line number in that source.
    pub line: usize,
}

impl HeaderLine<'_> {
    /// Parses the line with [`parse`].
    pub fn parse(&self) -> Result<Expr, Error> {
        parse(self.text)
    }
}

/// The constraint lines of a file header (what `go/build`'s
/// `parseFileHeader` and `modindex`'s `getConstraints` find).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header<'a> {
    /// The `//go:build` line, if any. When present it controls.
    pub go_build: Option<HeaderLine<'a>>,
    /// The `// +build` lines in effect, in order; empty when `go_build`
    /// is present.
    pub plus_build: Vec<HeaderLine<'a>>,
    /// A `//go:binary-only-package` line was seen.
    pub binary_only: bool,
    /// Offset in the source where the `// +build` region ends (just past
    /// the last blank line before the first non-`//` line; Go's
    /// `len(trimmed)`, plus the BOM if any).
    pub end: usize,
}

/// The errors of the header scan and of `shouldBuild`; `Display` is Go's
/// text (go/build prefixes it with the file name and `": "`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// `multiple //go:build comments`.
    MultipleGoBuild,
    /// `parsing //go:build line: <syntax error>`.
    GoBuildLine(SyntaxError),
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderError::MultipleGoBuild => f.write_str("multiple //go:build comments"),
            HeaderError::GoBuildLine(e) => write!(f, "parsing //go:build line: {e}"),
        }
    }
}

impl std::error::Error for HeaderError {}

/// Scans the header of a file for build constraints, as go/build does.
///
/// `src` is a Go file (whole, or at least through its package clause), or
/// for other sources (`.s`, `.c`, ...) what [`read_comments`] returns. A
/// leading UTF-8 BOM is skipped, as go/build's reader does. Offsets in the
/// result are offsets in `src`.
pub fn parse_header(src: &[u8]) -> Result<Header<'_>, HeaderError> {
    let base = if src.starts_with(BOM) { BOM.len() } else { 0 };
    let content = &src[base..];

    let mut h = Header {
        end: base,
        ..Header::default()
    };
    let mut committed = 0; // +build lines before the last counting blank line
    let mut ended = false; // saw a non-blank, non-// line
    let mut in_slash_star = false;
    let mut p = 0;
    let mut line_no = 0;

    'lines: while p < content.len() {
        line_no += 1;
        let start = p;
        let stop = match content[p..].iter().position(|&b| b == b'\n') {
            Some(i) => {
                p += i + 1;
                start + i
            }
            None => {
                p = content.len();
                p
            }
        };
        let (a, b) = trim_space_range(&content[start..stop]);
        let line = &content[start + a..start + b];
        let here = || HeaderLine {
            text: line,
            offset: base + start + a,
            line: line_no,
        };

        if line.is_empty() && !ended {
            // A blank line: `// +build` lines before it count.
            h.end = base + p;
            committed = h.plus_build.len();
            continue;
        }
        let slash_slash = line.starts_with(b"//");
        if !slash_slash {
            ended = true;
        }
        if !in_slash_star {
            if is_go_build_comment(line) {
                if h.go_build.is_some() {
                    return Err(HeaderError::MultipleGoBuild);
                }
                h.go_build = Some(here());
            }
            if line == BINARY_ONLY {
                h.binary_only = true;
            }
        }
        if !ended && slash_slash && contains(line, PLUS_BUILD) && is_plus_build(line) {
            h.plus_build.push(here());
        }

        let mut rest = line;
        while !rest.is_empty() {
            if in_slash_star {
                match find(rest, b"*/") {
                    Some(i) => {
                        in_slash_star = false;
                        rest = trim_space(&rest[i + 2..]);
                        continue;
                    }
                    None => continue 'lines,
                }
            }
            if rest.starts_with(b"//") {
                continue 'lines;
            }
            if let Some(r) = rest.strip_prefix(b"/*") {
                in_slash_star = true;
                rest = trim_space(r);
                continue;
            }
            break 'lines; // non-comment text
        }
    }

    if h.go_build.is_some() {
        h.plus_build.clear();
    } else {
        h.plus_build.truncate(committed);
    }
    Ok(h)
}

/// Go's `isGoBuildComment` on a trimmed line.
fn is_go_build_comment(line: &[u8]) -> bool {
    let Some(rest) = trim_space(line).strip_prefix(GO_BUILD) else {
        return false;
    };
    rest.is_empty() || trim_space(rest).len() < rest.len()
}

impl Header<'_> {
    /// go/build's `shouldBuild` decision: the `//go:build` line if present
    /// (a syntax error is an error), else every `// +build` line must hold
    /// (lines that fail to parse are skipped). `ok` is `matchTag` and sees
    /// every tag of every line.
    pub fn should_build(&self, ok: &mut impl FnMut(&str) -> bool) -> Result<bool, HeaderError> {
        if let Some(gb) = &self.go_build {
            return match gb.parse() {
                Ok(x) => Ok(x.eval(ok)),
                Err(Error::Syntax(e)) => Err(HeaderError::GoBuildLine(e)),
                // A //go:build header line never yields the other errors.
                Err(_) => Ok(false),
            };
        }
        let mut build = true;
        for l in &self.plus_build {
            if let Ok(x) = l.parse()
                && !x.eval(ok)
            {
                build = false;
            }
        }
        Ok(build)
    }

    /// `cmd/go/internal/imports.ShouldBuild` (and `modindex`'s
    /// `shouldBuild`) after the header scan: like [`Header::should_build`]
    /// with [`Expr::eval_prefer`] (`prefer` = true), and a bad `//go:build`
    /// line means false. A header error also means false there.
    pub fn should_build_prefer(&self, tag: &mut impl FnMut(&str, bool) -> bool) -> bool {
        if let Some(gb) = &self.go_build {
            return match gb.parse() {
                Ok(x) => x.eval_prefer(true, tag),
                Err(_) => false,
            };
        }
        let mut build = true;
        for l in &self.plus_build {
            if let Ok(x) = l.parse()
                && !x.eval_prefer(true, tag)
            {
                build = false;
            }
        }
        build
    }
}

/// The outcome of [`matches()`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// The file's constraints hold.
    pub build: bool,
    /// The header has a `//go:binary-only-package` line.
    pub binary_only: bool,
}

/// go/build's `shouldBuild` on a file: scans the header of `src` (see
/// [`parse_header`]) and evaluates its constraints with `ok` (`matchTag`).
/// Error texts are go/build's, to be prefixed by `"<file name>: "`.
pub fn matches(src: &[u8], mut ok: impl FnMut(&str) -> bool) -> Result<Match, HeaderError> {
    let h = parse_header(src)?;
    let build = h.should_build(&mut ok)?;
    Ok(Match {
        build,
        binary_only: h.binary_only,
    })
}

/// An error of [`read_comments`]; `Display` is go/build's reader text
/// (go/build reports it as `read <path>: <text>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// `syntax error`: a `/` not starting a comment, or an unterminated
    /// `/*`.
    Syntax,
    /// `unexpected NUL in input`.
    Nul,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReadError::Syntax => "syntax error",
            ReadError::Nul => "unexpected NUL in input",
        })
    }
}

impl std::error::Error for ReadError {}

/// go/build's `readComments`, used for non-Go sources (`.s`, `.c`, `.h`,
/// ...): the leading run of spaces (` `, `\t`, `\r`, `\n`, `\f`, `;`) and
/// comments, without a leading BOM. The result is a subslice of `src`, to
/// give to [`parse_header`].
pub fn read_comments(src: &[u8]) -> Result<&[u8], ReadError> {
    let base = if src.starts_with(BOM) { BOM.len() } else { 0 };
    let s = &src[base..];
    let mut i = 0;
    loop {
        let Some(&c) = s.get(i) else { return Ok(s) };
        match c {
            0 => return Err(ReadError::Nul),
            b' ' | b'\x0c' | b'\t' | b'\r' | b'\n' | b';' => i += 1,
            b'/' => match s.get(i + 1) {
                Some(b'/') => {
                    i += 2;
                    loop {
                        match s.get(i) {
                            None => return Ok(s),
                            Some(0) => return Err(ReadError::Nul),
                            Some(b'\n') => {
                                i += 1;
                                break;
                            }
                            Some(_) => i += 1,
                        }
                    }
                }
                Some(b'*') => {
                    i += 2;
                    let mut prev = 0u8;
                    loop {
                        match s.get(i) {
                            None => return Err(ReadError::Syntax),
                            Some(0) => return Err(ReadError::Nul),
                            Some(&b) => {
                                i += 1;
                                if prev == b'*' && b == b'/' {
                                    break;
                                }
                                prev = b;
                            }
                        }
                    }
                }
                Some(0) => return Err(ReadError::Nul),
                _ => return Err(ReadError::Syntax),
            },
            _ => return Ok(&s[..i]),
        }
    }
}

// ---------------------------------------------------------------------------
// Byte and Unicode helpers (Go's semantics)
// ---------------------------------------------------------------------------

/// `utf8.DecodeRune`: the first rune and its width; `None` (U+FFFD) of
/// width 1 for an invalid or truncated encoding. `b` must be non-empty.
fn decode_rune(b: &[u8]) -> (Option<char>, usize) {
    let n = b.len().min(4);
    let valid = match std::str::from_utf8(&b[..n]) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or_default(),
    };
    match valid.chars().next() {
        Some(c) => (Some(c), c.len_utf8()),
        None => (None, 1),
    }
}

/// `utf8.DecodeLastRune`, for non-empty `b`.
fn decode_last_rune(b: &[u8]) -> (Option<char>, usize) {
    let end = b.len();
    let mut start = end - 1;
    if b[start] < 0x80 {
        return (Some(b[start] as char), 1);
    }
    let lim = end.saturating_sub(4);
    while start > lim {
        // Go: for start--; start >= lim; start-- { if RuneStart(p[start]) break }
        start -= 1;
        if b[start] & 0xC0 != 0x80 {
            break;
        }
    }
    match decode_rune(&b[start..]) {
        (r, size) if start + size == end => (r, size),
        _ => (None, 1),
    }
}

/// `unicode.IsSpace`.
fn is_space(r: Option<char>) -> bool {
    // \t \n \v \f \r, space, NEL, NBSP; then Go's White_Space table.
    r.is_some_and(|c| {
        matches!(
            c as u32,
            0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
        )
    })
}

/// The range of `bytes.TrimSpace(s)` in `s`.
fn trim_space_range(s: &[u8]) -> (usize, usize) {
    let mut start = 0;
    while start < s.len() {
        let (r, n) = if s[start] < 0x80 {
            (Some(s[start] as char), 1)
        } else {
            decode_rune(&s[start..])
        };
        if !is_space(r) {
            break;
        }
        start += n;
    }
    let mut stop = s.len();
    while stop > start {
        let (r, n) = decode_last_rune(&s[start..stop]);
        if !is_space(r) {
            break;
        }
        stop -= n;
    }
    (start, stop)
}

/// `bytes.TrimSpace`.
fn trim_space(s: &[u8]) -> &[u8] {
    let (a, b) = trim_space_range(s);
    &s[a..b]
}

/// `strings.Fields`: the runs of non-space runes.
fn fields(s: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip space.
        while i < s.len() {
            let (r, n) = decode_rune(&s[i..]);
            if !is_space(r) {
                break;
            }
            i += n;
        }
        if i >= s.len() {
            return None;
        }
        let start = i;
        while i < s.len() {
            let (r, n) = decode_rune(&s[i..]);
            if is_space(r) {
                break;
            }
            i += n;
        }
        Some(&s[start..i])
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

/// A build tag character: `unicode.IsLetter || unicode.IsDigit || '_' ||
/// '.'`; `None` (an invalid byte, U+FFFD) is not.
fn is_tag_char(r: Option<char>) -> bool {
    let Some(c) = r else { return false };
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_' || c == '.';
    }
    let c = c as u32;
    LETTER_OR_DIGIT
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The non-ASCII code points where Go 1.27's `unicode.IsLetter(r) ||
/// unicode.IsDigit(r)` holds (Unicode 17.0.0, categories L and Nd), as
/// sorted inclusive ranges. Generated by running the reference Go over
/// every rune.
#[rustfmt::skip]
static LETTER_OR_DIGIT: &[(u32, u32)] = &[
    (0xAA, 0xAA), (0xB5, 0xB5), (0xBA, 0xBA), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2C1),
    (0x2C6, 0x2D1), (0x2E0, 0x2E4), (0x2EC, 0x2EC), (0x2EE, 0x2EE), (0x370, 0x374), (0x376, 0x377),
    (0x37A, 0x37D), (0x37F, 0x37F), (0x386, 0x386), (0x388, 0x38A), (0x38C, 0x38C), (0x38E, 0x3A1),
    (0x3A3, 0x3F5), (0x3F7, 0x481), (0x48A, 0x52F), (0x531, 0x556), (0x559, 0x559), (0x560, 0x588),
    (0x5D0, 0x5EA), (0x5EF, 0x5F2), (0x620, 0x64A), (0x660, 0x669), (0x66E, 0x66F), (0x671, 0x6D3),
    (0x6D5, 0x6D5), (0x6E5, 0x6E6), (0x6EE, 0x6FC), (0x6FF, 0x6FF), (0x710, 0x710), (0x712, 0x72F),
    (0x74D, 0x7A5), (0x7B1, 0x7B1), (0x7C0, 0x7EA), (0x7F4, 0x7F5), (0x7FA, 0x7FA), (0x800, 0x815),
    (0x81A, 0x81A), (0x824, 0x824), (0x828, 0x828), (0x840, 0x858), (0x860, 0x86A), (0x870, 0x887),
    (0x889, 0x88F), (0x8A0, 0x8C9), (0x904, 0x939), (0x93D, 0x93D), (0x950, 0x950), (0x958, 0x961),
    (0x966, 0x96F), (0x971, 0x980), (0x985, 0x98C), (0x98F, 0x990), (0x993, 0x9A8), (0x9AA, 0x9B0),
    (0x9B2, 0x9B2), (0x9B6, 0x9B9), (0x9BD, 0x9BD), (0x9CE, 0x9CE), (0x9DC, 0x9DD), (0x9DF, 0x9E1),
    (0x9E6, 0x9F1), (0x9FC, 0x9FC), (0xA05, 0xA0A), (0xA0F, 0xA10), (0xA13, 0xA28), (0xA2A, 0xA30),
    (0xA32, 0xA33), (0xA35, 0xA36), (0xA38, 0xA39), (0xA59, 0xA5C), (0xA5E, 0xA5E), (0xA66, 0xA6F),
    (0xA72, 0xA74), (0xA85, 0xA8D), (0xA8F, 0xA91), (0xA93, 0xAA8), (0xAAA, 0xAB0), (0xAB2, 0xAB3),
    (0xAB5, 0xAB9), (0xABD, 0xABD), (0xAD0, 0xAD0), (0xAE0, 0xAE1), (0xAE6, 0xAEF), (0xAF9, 0xAF9),
    (0xB05, 0xB0C), (0xB0F, 0xB10), (0xB13, 0xB28), (0xB2A, 0xB30), (0xB32, 0xB33), (0xB35, 0xB39),
    (0xB3D, 0xB3D), (0xB5C, 0xB5D), (0xB5F, 0xB61), (0xB66, 0xB6F), (0xB71, 0xB71), (0xB83, 0xB83),
    (0xB85, 0xB8A), (0xB8E, 0xB90), (0xB92, 0xB95), (0xB99, 0xB9A), (0xB9C, 0xB9C), (0xB9E, 0xB9F),
    (0xBA3, 0xBA4), (0xBA8, 0xBAA), (0xBAE, 0xBB9), (0xBD0, 0xBD0), (0xBE6, 0xBEF), (0xC05, 0xC0C),
    (0xC0E, 0xC10), (0xC12, 0xC28), (0xC2A, 0xC39), (0xC3D, 0xC3D), (0xC58, 0xC5A), (0xC5C, 0xC5D),
    (0xC60, 0xC61), (0xC66, 0xC6F), (0xC80, 0xC80), (0xC85, 0xC8C), (0xC8E, 0xC90), (0xC92, 0xCA8),
    (0xCAA, 0xCB3), (0xCB5, 0xCB9), (0xCBD, 0xCBD), (0xCDC, 0xCDE), (0xCE0, 0xCE1), (0xCE6, 0xCEF),
    (0xCF1, 0xCF2), (0xD04, 0xD0C), (0xD0E, 0xD10), (0xD12, 0xD3A), (0xD3D, 0xD3D), (0xD4E, 0xD4E),
    (0xD54, 0xD56), (0xD5F, 0xD61), (0xD66, 0xD6F), (0xD7A, 0xD7F), (0xD85, 0xD96), (0xD9A, 0xDB1),
    (0xDB3, 0xDBB), (0xDBD, 0xDBD), (0xDC0, 0xDC6), (0xDE6, 0xDEF), (0xE01, 0xE30), (0xE32, 0xE33),
    (0xE40, 0xE46), (0xE50, 0xE59), (0xE81, 0xE82), (0xE84, 0xE84), (0xE86, 0xE8A), (0xE8C, 0xEA3),
    (0xEA5, 0xEA5), (0xEA7, 0xEB0), (0xEB2, 0xEB3), (0xEBD, 0xEBD), (0xEC0, 0xEC4), (0xEC6, 0xEC6),
    (0xED0, 0xED9), (0xEDC, 0xEDF), (0xF00, 0xF00), (0xF20, 0xF29), (0xF40, 0xF47), (0xF49, 0xF6C),
    (0xF88, 0xF8C), (0x1000, 0x102A), (0x103F, 0x1049), (0x1050, 0x1055), (0x105A, 0x105D), (0x1061, 0x1061),
    (0x1065, 0x1066), (0x106E, 0x1070), (0x1075, 0x1081), (0x108E, 0x108E), (0x1090, 0x1099), (0x10A0, 0x10C5),
    (0x10C7, 0x10C7), (0x10CD, 0x10CD), (0x10D0, 0x10FA), (0x10FC, 0x1248), (0x124A, 0x124D), (0x1250, 0x1256),
    (0x1258, 0x1258), (0x125A, 0x125D), (0x1260, 0x1288), (0x128A, 0x128D), (0x1290, 0x12B0), (0x12B2, 0x12B5),
    (0x12B8, 0x12BE), (0x12C0, 0x12C0), (0x12C2, 0x12C5), (0x12C8, 0x12D6), (0x12D8, 0x1310), (0x1312, 0x1315),
    (0x1318, 0x135A), (0x1380, 0x138F), (0x13A0, 0x13F5), (0x13F8, 0x13FD), (0x1401, 0x166C), (0x166F, 0x167F),
    (0x1681, 0x169A), (0x16A0, 0x16EA), (0x16F1, 0x16F8), (0x1700, 0x1711), (0x171F, 0x1731), (0x1740, 0x1751),
    (0x1760, 0x176C), (0x176E, 0x1770), (0x1780, 0x17B3), (0x17D7, 0x17D7), (0x17DC, 0x17DC), (0x17E0, 0x17E9),
    (0x1810, 0x1819), (0x1820, 0x1878), (0x1880, 0x1884), (0x1887, 0x18A8), (0x18AA, 0x18AA), (0x18B0, 0x18F5),
    (0x1900, 0x191E), (0x1946, 0x196D), (0x1970, 0x1974), (0x1980, 0x19AB), (0x19B0, 0x19C9), (0x19D0, 0x19D9),
    (0x1A00, 0x1A16), (0x1A20, 0x1A54), (0x1A80, 0x1A89), (0x1A90, 0x1A99), (0x1AA7, 0x1AA7), (0x1B05, 0x1B33),
    (0x1B45, 0x1B4C), (0x1B50, 0x1B59), (0x1B83, 0x1BA0), (0x1BAE, 0x1BE5), (0x1C00, 0x1C23), (0x1C40, 0x1C49),
    (0x1C4D, 0x1C7D), (0x1C80, 0x1C8A), (0x1C90, 0x1CBA), (0x1CBD, 0x1CBF), (0x1CE9, 0x1CEC), (0x1CEE, 0x1CF3),
    (0x1CF5, 0x1CF6), (0x1CFA, 0x1CFA), (0x1D00, 0x1DBF), (0x1E00, 0x1F15), (0x1F18, 0x1F1D), (0x1F20, 0x1F45),
    (0x1F48, 0x1F4D), (0x1F50, 0x1F57), (0x1F59, 0x1F59), (0x1F5B, 0x1F5B), (0x1F5D, 0x1F5D), (0x1F5F, 0x1F7D),
    (0x1F80, 0x1FB4), (0x1FB6, 0x1FBC), (0x1FBE, 0x1FBE), (0x1FC2, 0x1FC4), (0x1FC6, 0x1FCC), (0x1FD0, 0x1FD3),
    (0x1FD6, 0x1FDB), (0x1FE0, 0x1FEC), (0x1FF2, 0x1FF4), (0x1FF6, 0x1FFC), (0x2071, 0x2071), (0x207F, 0x207F),
    (0x2090, 0x209C), (0x2102, 0x2102), (0x2107, 0x2107), (0x210A, 0x2113), (0x2115, 0x2115), (0x2119, 0x211D),
    (0x2124, 0x2124), (0x2126, 0x2126), (0x2128, 0x2128), (0x212A, 0x212D), (0x212F, 0x2139), (0x213C, 0x213F),
    (0x2145, 0x2149), (0x214E, 0x214E), (0x2183, 0x2184), (0x2C00, 0x2CE4), (0x2CEB, 0x2CEE), (0x2CF2, 0x2CF3),
    (0x2D00, 0x2D25), (0x2D27, 0x2D27), (0x2D2D, 0x2D2D), (0x2D30, 0x2D67), (0x2D6F, 0x2D6F), (0x2D80, 0x2D96),
    (0x2DA0, 0x2DA6), (0x2DA8, 0x2DAE), (0x2DB0, 0x2DB6), (0x2DB8, 0x2DBE), (0x2DC0, 0x2DC6), (0x2DC8, 0x2DCE),
    (0x2DD0, 0x2DD6), (0x2DD8, 0x2DDE), (0x2E2F, 0x2E2F), (0x3005, 0x3006), (0x3031, 0x3035), (0x303B, 0x303C),
    (0x3041, 0x3096), (0x309D, 0x309F), (0x30A1, 0x30FA), (0x30FC, 0x30FF), (0x3105, 0x312F), (0x3131, 0x318E),
    (0x31A0, 0x31BF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0xA48C), (0xA4D0, 0xA4FD), (0xA500, 0xA60C),
    (0xA610, 0xA62B), (0xA640, 0xA66E), (0xA67F, 0xA69D), (0xA6A0, 0xA6E5), (0xA717, 0xA71F), (0xA722, 0xA788),
    (0xA78B, 0xA7DC), (0xA7F1, 0xA801), (0xA803, 0xA805), (0xA807, 0xA80A), (0xA80C, 0xA822), (0xA840, 0xA873),
    (0xA882, 0xA8B3), (0xA8D0, 0xA8D9), (0xA8F2, 0xA8F7), (0xA8FB, 0xA8FB), (0xA8FD, 0xA8FE), (0xA900, 0xA925),
    (0xA930, 0xA946), (0xA960, 0xA97C), (0xA984, 0xA9B2), (0xA9CF, 0xA9D9), (0xA9E0, 0xA9E4), (0xA9E6, 0xA9FE),
    (0xAA00, 0xAA28), (0xAA40, 0xAA42), (0xAA44, 0xAA4B), (0xAA50, 0xAA59), (0xAA60, 0xAA76), (0xAA7A, 0xAA7A),
    (0xAA7E, 0xAAAF), (0xAAB1, 0xAAB1), (0xAAB5, 0xAAB6), (0xAAB9, 0xAABD), (0xAAC0, 0xAAC0), (0xAAC2, 0xAAC2),
    (0xAADB, 0xAADD), (0xAAE0, 0xAAEA), (0xAAF2, 0xAAF4), (0xAB01, 0xAB06), (0xAB09, 0xAB0E), (0xAB11, 0xAB16),
    (0xAB20, 0xAB26), (0xAB28, 0xAB2E), (0xAB30, 0xAB5A), (0xAB5C, 0xAB69), (0xAB70, 0xABE2), (0xABF0, 0xABF9),
    (0xAC00, 0xD7A3), (0xD7B0, 0xD7C6), (0xD7CB, 0xD7FB), (0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0xFB00, 0xFB06),
    (0xFB13, 0xFB17), (0xFB1D, 0xFB1D), (0xFB1F, 0xFB28), (0xFB2A, 0xFB36), (0xFB38, 0xFB3C), (0xFB3E, 0xFB3E),
    (0xFB40, 0xFB41), (0xFB43, 0xFB44), (0xFB46, 0xFBB1), (0xFBD3, 0xFD3D), (0xFD50, 0xFD8F), (0xFD92, 0xFDC7),
    (0xFDF0, 0xFDFB), (0xFE70, 0xFE74), (0xFE76, 0xFEFC), (0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A),
    (0xFF66, 0xFFBE), (0xFFC2, 0xFFC7), (0xFFCA, 0xFFCF), (0xFFD2, 0xFFD7), (0xFFDA, 0xFFDC), (0x10000, 0x1000B),
    (0x1000D, 0x10026), (0x10028, 0x1003A), (0x1003C, 0x1003D), (0x1003F, 0x1004D), (0x10050, 0x1005D), (0x10080, 0x100FA),
    (0x10280, 0x1029C), (0x102A0, 0x102D0), (0x10300, 0x1031F), (0x1032D, 0x10340), (0x10342, 0x10349), (0x10350, 0x10375),
    (0x10380, 0x1039D), (0x103A0, 0x103C3), (0x103C8, 0x103CF), (0x10400, 0x1049D), (0x104A0, 0x104A9), (0x104B0, 0x104D3),
    (0x104D8, 0x104FB), (0x10500, 0x10527), (0x10530, 0x10563), (0x10570, 0x1057A), (0x1057C, 0x1058A), (0x1058C, 0x10592),
    (0x10594, 0x10595), (0x10597, 0x105A1), (0x105A3, 0x105B1), (0x105B3, 0x105B9), (0x105BB, 0x105BC), (0x105C0, 0x105F3),
    (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767), (0x10780, 0x10785), (0x10787, 0x107B0), (0x107B2, 0x107BA),
    (0x10800, 0x10805), (0x10808, 0x10808), (0x1080A, 0x10835), (0x10837, 0x10838), (0x1083C, 0x1083C), (0x1083F, 0x10855),
    (0x10860, 0x10876), (0x10880, 0x1089E), (0x108E0, 0x108F2), (0x108F4, 0x108F5), (0x10900, 0x10915), (0x10920, 0x10939),
    (0x10940, 0x10959), (0x10980, 0x109B7), (0x109BE, 0x109BF), (0x10A00, 0x10A00), (0x10A10, 0x10A13), (0x10A15, 0x10A17),
    (0x10A19, 0x10A35), (0x10A60, 0x10A7C), (0x10A80, 0x10A9C), (0x10AC0, 0x10AC7), (0x10AC9, 0x10AE4), (0x10B00, 0x10B35),
    (0x10B40, 0x10B55), (0x10B60, 0x10B72), (0x10B80, 0x10B91), (0x10C00, 0x10C48), (0x10C80, 0x10CB2), (0x10CC0, 0x10CF2),
    (0x10D00, 0x10D23), (0x10D30, 0x10D39), (0x10D40, 0x10D65), (0x10D6F, 0x10D85), (0x10E80, 0x10EA9), (0x10EB0, 0x10EB1),
    (0x10EC2, 0x10EC7), (0x10F00, 0x10F1C), (0x10F27, 0x10F27), (0x10F30, 0x10F45), (0x10F70, 0x10F81), (0x10FB0, 0x10FC4),
    (0x10FE0, 0x10FF6), (0x11003, 0x11037), (0x11066, 0x1106F), (0x11071, 0x11072), (0x11075, 0x11075), (0x11083, 0x110AF),
    (0x110D0, 0x110E8), (0x110F0, 0x110F9), (0x11103, 0x11126), (0x11136, 0x1113F), (0x11144, 0x11144), (0x11147, 0x11147),
    (0x11150, 0x11172), (0x11176, 0x11176), (0x11183, 0x111B2), (0x111C1, 0x111C4), (0x111D0, 0x111DA), (0x111DC, 0x111DC),
    (0x11200, 0x11211), (0x11213, 0x1122B), (0x1123F, 0x11240), (0x11280, 0x11286), (0x11288, 0x11288), (0x1128A, 0x1128D),
    (0x1128F, 0x1129D), (0x1129F, 0x112A8), (0x112B0, 0x112DE), (0x112F0, 0x112F9), (0x11305, 0x1130C), (0x1130F, 0x11310),
    (0x11313, 0x11328), (0x1132A, 0x11330), (0x11332, 0x11333), (0x11335, 0x11339), (0x1133D, 0x1133D), (0x11350, 0x11350),
    (0x1135D, 0x11361), (0x11380, 0x11389), (0x1138B, 0x1138B), (0x1138E, 0x1138E), (0x11390, 0x113B5), (0x113B7, 0x113B7),
    (0x113D1, 0x113D1), (0x113D3, 0x113D3), (0x11400, 0x11434), (0x11447, 0x1144A), (0x11450, 0x11459), (0x1145F, 0x11461),
    (0x11480, 0x114AF), (0x114C4, 0x114C5), (0x114C7, 0x114C7), (0x114D0, 0x114D9), (0x11580, 0x115AE), (0x115D8, 0x115DB),
    (0x11600, 0x1162F), (0x11644, 0x11644), (0x11650, 0x11659), (0x11680, 0x116AA), (0x116B8, 0x116B8), (0x116C0, 0x116C9),
    (0x116D0, 0x116E3), (0x11700, 0x1171A), (0x11730, 0x11739), (0x11740, 0x11746), (0x11800, 0x1182B), (0x118A0, 0x118E9),
    (0x118FF, 0x11906), (0x11909, 0x11909), (0x1190C, 0x11913), (0x11915, 0x11916), (0x11918, 0x1192F), (0x1193F, 0x1193F),
    (0x11941, 0x11941), (0x11950, 0x11959), (0x119A0, 0x119A7), (0x119AA, 0x119D0), (0x119E1, 0x119E1), (0x119E3, 0x119E3),
    (0x11A00, 0x11A00), (0x11A0B, 0x11A32), (0x11A3A, 0x11A3A), (0x11A50, 0x11A50), (0x11A5C, 0x11A89), (0x11A9D, 0x11A9D),
    (0x11AB0, 0x11AF8), (0x11BC0, 0x11BE0), (0x11BF0, 0x11BF9), (0x11C00, 0x11C08), (0x11C0A, 0x11C2E), (0x11C40, 0x11C40),
    (0x11C50, 0x11C59), (0x11C72, 0x11C8F), (0x11D00, 0x11D06), (0x11D08, 0x11D09), (0x11D0B, 0x11D30), (0x11D46, 0x11D46),
    (0x11D50, 0x11D59), (0x11D60, 0x11D65), (0x11D67, 0x11D68), (0x11D6A, 0x11D89), (0x11D98, 0x11D98), (0x11DA0, 0x11DA9),
    (0x11DB0, 0x11DDB), (0x11DE0, 0x11DE9), (0x11EE0, 0x11EF2), (0x11F02, 0x11F02), (0x11F04, 0x11F10), (0x11F12, 0x11F33),
    (0x11F50, 0x11F59), (0x11FB0, 0x11FB0), (0x12000, 0x12399), (0x12480, 0x12543), (0x12F90, 0x12FF0), (0x13000, 0x1342F),
    (0x13441, 0x13446), (0x13460, 0x143FA), (0x14400, 0x14646), (0x16100, 0x1611D), (0x16130, 0x16139), (0x16800, 0x16A38),
    (0x16A40, 0x16A5E), (0x16A60, 0x16A69), (0x16A70, 0x16ABE), (0x16AC0, 0x16AC9), (0x16AD0, 0x16AED), (0x16B00, 0x16B2F),
    (0x16B40, 0x16B43), (0x16B50, 0x16B59), (0x16B63, 0x16B77), (0x16B7D, 0x16B8F), (0x16D40, 0x16D6C), (0x16D70, 0x16D79),
    (0x16E40, 0x16E7F), (0x16EA0, 0x16EB8), (0x16EBB, 0x16ED3), (0x16F00, 0x16F4A), (0x16F50, 0x16F50), (0x16F93, 0x16F9F),
    (0x16FE0, 0x16FE1), (0x16FE3, 0x16FE3), (0x16FF2, 0x16FF3), (0x17000, 0x18CD5), (0x18CFF, 0x18D1E), (0x18D80, 0x18DF2),
    (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB), (0x1AFFD, 0x1AFFE), (0x1B000, 0x1B122), (0x1B132, 0x1B132), (0x1B150, 0x1B152),
    (0x1B155, 0x1B155), (0x1B164, 0x1B167), (0x1B170, 0x1B2FB), (0x1BC00, 0x1BC6A), (0x1BC70, 0x1BC7C), (0x1BC80, 0x1BC88),
    (0x1BC90, 0x1BC99), (0x1CCF0, 0x1CCF9), (0x1D400, 0x1D454), (0x1D456, 0x1D49C), (0x1D49E, 0x1D49F), (0x1D4A2, 0x1D4A2),
    (0x1D4A5, 0x1D4A6), (0x1D4A9, 0x1D4AC), (0x1D4AE, 0x1D4B9), (0x1D4BB, 0x1D4BB), (0x1D4BD, 0x1D4C3), (0x1D4C5, 0x1D505),
    (0x1D507, 0x1D50A), (0x1D50D, 0x1D514), (0x1D516, 0x1D51C), (0x1D51E, 0x1D539), (0x1D53B, 0x1D53E), (0x1D540, 0x1D544),
    (0x1D546, 0x1D546), (0x1D54A, 0x1D550), (0x1D552, 0x1D6A5), (0x1D6A8, 0x1D6C0), (0x1D6C2, 0x1D6DA), (0x1D6DC, 0x1D6FA),
    (0x1D6FC, 0x1D714), (0x1D716, 0x1D734), (0x1D736, 0x1D74E), (0x1D750, 0x1D76E), (0x1D770, 0x1D788), (0x1D78A, 0x1D7A8),
    (0x1D7AA, 0x1D7C2), (0x1D7C4, 0x1D7CB), (0x1D7CE, 0x1D7FF), (0x1DF00, 0x1DF1E), (0x1DF25, 0x1DF2A), (0x1E030, 0x1E06D),
    (0x1E100, 0x1E12C), (0x1E137, 0x1E13D), (0x1E140, 0x1E149), (0x1E14E, 0x1E14E), (0x1E290, 0x1E2AD), (0x1E2C0, 0x1E2EB),
    (0x1E2F0, 0x1E2F9), (0x1E4D0, 0x1E4EB), (0x1E4F0, 0x1E4F9), (0x1E5D0, 0x1E5ED), (0x1E5F0, 0x1E5FA), (0x1E6C0, 0x1E6DE),
    (0x1E6E0, 0x1E6E2), (0x1E6E4, 0x1E6E5), (0x1E6E7, 0x1E6ED), (0x1E6F0, 0x1E6F4), (0x1E6FE, 0x1E6FF), (0x1E7E0, 0x1E7E6),
    (0x1E7E8, 0x1E7EB), (0x1E7ED, 0x1E7EE), (0x1E7F0, 0x1E7FE), (0x1E800, 0x1E8C4), (0x1E900, 0x1E943), (0x1E94B, 0x1E94B),
    (0x1E950, 0x1E959), (0x1EE00, 0x1EE03), (0x1EE05, 0x1EE1F), (0x1EE21, 0x1EE22), (0x1EE24, 0x1EE24), (0x1EE27, 0x1EE27),
    (0x1EE29, 0x1EE32), (0x1EE34, 0x1EE37), (0x1EE39, 0x1EE39), (0x1EE3B, 0x1EE3B), (0x1EE42, 0x1EE42), (0x1EE47, 0x1EE47),
    (0x1EE49, 0x1EE49), (0x1EE4B, 0x1EE4B), (0x1EE4D, 0x1EE4F), (0x1EE51, 0x1EE52), (0x1EE54, 0x1EE54), (0x1EE57, 0x1EE57),
    (0x1EE59, 0x1EE59), (0x1EE5B, 0x1EE5B), (0x1EE5D, 0x1EE5D), (0x1EE5F, 0x1EE5F), (0x1EE61, 0x1EE62), (0x1EE64, 0x1EE64),
    (0x1EE67, 0x1EE6A), (0x1EE6C, 0x1EE72), (0x1EE74, 0x1EE77), (0x1EE79, 0x1EE7C), (0x1EE7E, 0x1EE7E), (0x1EE80, 0x1EE89),
    (0x1EE8B, 0x1EE9B), (0x1EEA1, 0x1EEA3), (0x1EEA5, 0x1EEA9), (0x1EEAB, 0x1EEBB), (0x1FBF0, 0x1FBF9), (0x20000, 0x2A6DF),
    (0x2A700, 0x2B81D), (0x2B820, 0x2CEAD), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
    (0x31350, 0x33479),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    fn tag(s: &str) -> Expr {
        Expr::tag(s)
    }
    fn not(x: Expr) -> Expr {
        Expr::not(x)
    }
    fn and(x: Expr, y: Expr) -> Expr {
        Expr::and(x, y)
    }
    fn or(x: Expr, y: Expr) -> Expr {
        Expr::or(x, y)
    }

    // ---- expr_test.go ----

    #[test]
    fn expr_string() {
        let tests = [
            (tag("abc"), "abc"),
            (not(tag("abc")), "!abc"),
            (not(and(tag("abc"), tag("def"))), "!(abc && def)"),
            (
                and(tag("abc"), or(tag("def"), tag("ghi"))),
                "abc && (def || ghi)",
            ),
            (
                or(and(tag("abc"), tag("def")), tag("ghi")),
                "(abc && def) || ghi",
            ),
        ];
        for (x, out) in tests {
            assert_eq!(x.to_string(), out);
        }
    }

    #[test]
    fn lex() {
        let tests = [
            ("", ""),
            ("x", "x"),
            ("x.y", "x.y"),
            ("x_y", "x_y"),
            ("αx", "αx"),
            ("αx²", "αx err: invalid syntax at ²"),
            ("go1.2", "go1.2"),
            ("x y", "x y"),
            ("x!y", "x ! y"),
            ("&&||!()xy yx ", "&& || ! ( ) xy yx"),
            ("x~", "x err: invalid syntax at ~"),
            ("x ~", "x err: invalid syntax at ~"),
            ("x &", "x err: invalid syntax at &"),
            ("x &y", "x err: invalid syntax at &"),
            // Not in Go's table: invalid UTF-8 is U+FFFD.
            ("x\u{b2}", "x err: invalid syntax at ²"),
        ];
        for (input, want) in tests {
            let mut p = ExprParser {
                s: input.as_bytes(),
                i: 0,
                tok: b"",
                is_tag: false,
                pos: 0,
                size: 0,
            };
            let mut out = String::new();
            loop {
                let r = p.lex();
                if r.is_ok() && p.tok.is_empty() {
                    break;
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                match r {
                    Err(e) => {
                        out += &format!("err: {e}");
                        break;
                    }
                    Ok(()) => out += std::str::from_utf8(p.tok).unwrap(),
                }
            }
            assert_eq!(out, want, "lex({input:?})");
        }
        let mut p = ExprParser {
            s: b"x\xff",
            i: 0,
            tok: b"",
            is_tag: false,
            pos: 0,
            size: 0,
        };
        p.lex().unwrap();
        assert_eq!(
            p.lex().unwrap_err().to_string(),
            "invalid syntax at \u{FFFD}"
        );
    }

    #[test]
    fn parse_expr_table() {
        let tests = [
            ("x", tag("x")),
            ("x&&y", and(tag("x"), tag("y"))),
            ("x||y", or(tag("x"), tag("y"))),
            ("(x)", tag("x")),
            ("x||y&&z", or(tag("x"), and(tag("y"), tag("z")))),
            ("x&&y||z", or(and(tag("x"), tag("y")), tag("z"))),
            ("x&&(y||z)", and(tag("x"), or(tag("y"), tag("z")))),
            ("(x||y)&&z", and(or(tag("x"), tag("y")), tag("z"))),
            ("!(x&&y)", not(and(tag("x"), tag("y")))),
        ];
        for (input, x) in tests {
            let got = parse_expr(input.as_bytes()).unwrap();
            assert_eq!(got.to_string(), x.to_string(), "parseExpr({input:?})");
            assert_eq!(got, x, "parseExpr({input:?}) tree");
        }
    }

    #[test]
    fn parse_error_table() {
        let tests = [
            ("x && ", 5, "unexpected end of expression"),
            ("x && (", 6, "missing close paren"),
            ("x && ||", 5, "unexpected token ||"),
            ("x && !", 6, "unexpected end of expression"),
            ("x && !!", 6, "double negation not allowed"),
            ("x !", 2, "unexpected token !"),
            ("x && (y", 5, "missing close paren"),
        ];
        for (input, offset, err) in tests {
            let e = parse_expr(input.as_bytes()).unwrap_err();
            assert_eq!(
                e,
                SyntaxError {
                    offset,
                    err: err.to_string()
                },
                "parseExpr({input:?})"
            );
        }
    }

    #[test]
    fn expr_eval() {
        let tests = [
            ("x", false, "x"),
            ("x && y", false, "x y"),
            ("x || y", false, "x y"),
            ("!x && yes", true, "x yes"),
            ("yes || y", true, "y yes"),
        ];
        for (input, ok, tags) in tests {
            let x = parse_expr(input.as_bytes()).unwrap();
            let mut seen = BTreeSet::new();
            let got = x.eval(&mut |t: &str| {
                seen.insert(t.to_string());
                t == "yes"
            });
            let want: BTreeSet<String> = tags.split_whitespace().map(String::from).collect();
            assert_eq!((got, seen), (ok, want), "Eval({input:?})");
        }
    }

    #[test]
    fn parse_plus_build_expr_table() {
        let tests = [
            ("x", tag("x")),
            ("x,y", and(tag("x"), tag("y"))),
            ("x y", or(tag("x"), tag("y"))),
            ("x y,z", or(tag("x"), and(tag("y"), tag("z")))),
            ("x,y z", or(and(tag("x"), tag("y")), tag("z"))),
            ("x,!y !z", or(and(tag("x"), not(tag("y"))), not(tag("z")))),
            ("!! x", or(tag("ignore"), tag("x"))),
            ("!!x", tag("ignore")),
            ("!x", not(tag("x"))),
            ("!", tag("ignore")),
            ("", tag("ignore")),
        ];
        for (input, x) in tests {
            let got = parse_plus_build_expr(input.as_bytes()).unwrap();
            assert_eq!(
                got.to_string(),
                x.to_string(),
                "parsePlusBuildExpr({input:?})"
            );
        }
    }

    #[test]
    fn parse_constraint_table() {
        let tests: [(&str, Option<Expr>, &str); 13] = [
            ("//+build !", Some(tag("ignore")), ""),
            ("//+build", Some(tag("ignore")), ""),
            ("//+build x y", Some(or(tag("x"), tag("y"))), ""),
            ("// +build x y \n", Some(or(tag("x"), tag("y"))), ""),
            ("// +build x y \n ", None, "not a build constraint"),
            ("// +build x y \nmore", None, "not a build constraint"),
            (" //+build x y", None, "not a build constraint"),
            ("//go:build x && y", Some(and(tag("x"), tag("y"))), ""),
            ("//go:build x && y\n", Some(and(tag("x"), tag("y"))), ""),
            ("//go:build x && y\n ", None, "not a build constraint"),
            ("//go:build x && y\nmore", None, "not a build constraint"),
            (" //go:build x && y", None, "not a build constraint"),
            ("//go:build\n", None, "unexpected end of expression"),
        ];
        for (input, x, err) in tests {
            match (parse(input), x) {
                (Ok(got), Some(x)) => assert_eq!(got.to_string(), x.to_string(), "{input:?}"),
                (Err(e), None) => assert!(e.to_string().contains(err), "{input:?}: {e}"),
                (got, _) => panic!("Parse({input:?}) = {got:?}"),
            }
        }
        // The prefix checks.
        assert!(is_go_build("//go:build"));
        assert!(is_go_build("//go:build\tx"));
        assert!(is_go_build("//go:build\u{a0}x"));
        assert!(!is_go_build("//go:buildx"));
        assert!(!is_go_build("//go:build x\ny"));
        assert!(is_plus_build("//   +build x"));
        assert!(!is_plus_build("// +buildx"));
        assert!(is_plus_build(b"// +build \xff".as_slice()));
    }

    #[test]
    fn plus_build_lines_table() {
        let tests: [(&str, &[&str]); 7] = [
            ("x", &["x"]),
            ("x && !y", &["x,!y"]),
            ("x || y", &["x y"]),
            ("x && (y || z)", &["x", "y z"]),
            ("!(x && y)", &["!x !y"]),
            ("x || (y && z)", &["x y,z"]),
            ("w && (x || (y && z))", &["w", "x y,z"]),
        ];
        for (input, out) in tests {
            let x = parse_expr(input.as_bytes()).unwrap();
            let want: Vec<String> = out.iter().map(|l| format!("// +build {l}")).collect();
            assert_eq!(
                plus_build_lines(&x).unwrap(),
                want,
                "PlusBuildLines({input:?})"
            );
        }
        let x = parse_expr(b"v || (w && (x || (y && z)))").unwrap();
        let e = plus_build_lines(&x).unwrap_err();
        assert_eq!(e, Error::TooComplex);
        assert_eq!(e.to_string(), "expression too complex for // +build lines");
    }

    #[test]
    fn size_limits() {
        for unit in ["a || ", "a && ", "(a &&", "(a ||"] {
            let expr = format!("//go:build {}", unit.repeat(MAX_SIZE + 2));
            match parse(&expr) {
                Err(Error::Syntax(e)) => assert_eq!(e.err, "build expression too large"),
                other => panic!("{unit:?}: {other:?}"),
            }
        }
        for unit in ["a ", "a,"] {
            let expr = format!("// +build {}", unit.repeat(MAX_OLD_SIZE + 2));
            assert_eq!(parse(&expr), Err(Error::TooComplex), "{unit:?}");
        }
        // Just under the limits.
        assert!(parse(format!("//go:build {}a", "a || ".repeat(MAX_SIZE - 1))).is_ok());
        assert!(parse(format!("// +build {}", "a ".repeat(MAX_OLD_SIZE + 1))).is_ok());
    }

    /// The deepest expressions the limit lets through (Go parses them
    /// on growable goroutine stacks) must fit a small thread stack, even
    /// in a debug build.
    #[test]
    fn deep_nesting_small_stack() {
        let h = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| {
                let n = MAX_SIZE - 1;
                let nots = format!("//go:build {}a{}", "!(".repeat(n), ")".repeat(n));
                let chain = format!("//go:build {}a", "a || ".repeat(n));
                let ands = format!(
                    "//go:build {}a{}",
                    "(a && ".repeat(n / 2),
                    ")".repeat(n / 2)
                );
                let parens = format!("//go:build {}a{}", "(".repeat(n), ")".repeat(n));
                for line in [&nots, &chain, &ands, &parens] {
                    let x = parse(line).unwrap();
                    let s = x.to_string();
                    if line != &nots {
                        // (Go prints !!a for a double negation, which does not reparse.)
                        assert_eq!(parse(format!("//go:build {s}")).unwrap().to_string(), s);
                    }
                    let mut count = 0;
                    x.eval(&mut |_| {
                        count += 1;
                        true
                    });
                    assert!(count > 0);
                    assert_eq!(go_version(&x), "");
                    let _ = plus_build_lines(&x);
                    let _ = x.clone() == x;
                }
                assert_eq!(parse(&parens).unwrap(), tag("a"));
                assert_eq!(
                    parse(&nots).unwrap().to_string(),
                    format!("{}a", "!".repeat(n))
                );
                assert_eq!(
                    plus_build_lines(&parse(&nots).unwrap()).unwrap(),
                    ["// +build !a"]
                );
                // One more level is too large, however it is nested.
                assert!(
                    parse(format!(
                        "//go:build {}a{}",
                        "(".repeat(n + 1),
                        ")".repeat(n + 1)
                    ))
                    .is_err()
                );
                for unit in ["(a &&", "(a ||", "!(", "((", "a || "] {
                    let e = parse(format!("//go:build {}", unit.repeat(5000))).unwrap_err();
                    assert_eq!(e.to_string(), "build expression too large");
                }
            })
            .unwrap();
        h.join().unwrap();
    }

    // ---- vers_test.go ----

    #[test]
    fn go_version_table() {
        let tests = [
            ("//go:build linux && go1.60", 60),
            ("//go:build ignore && go1.60", 60),
            ("//go:build ignore || go1.60", -1),
            ("//go:build go1.50 || (ignore && go1.60)", 50),
            ("// +build go1.60,linux", 60),
            ("// +build go1.60 linux", -1),
            ("//go:build go1.50 && !go1.60", 50),
            ("//go:build !go1.60", -1),
            ("//go:build linux && go1.50 || darwin && go1.60", 50),
            ("//go:build linux && go1.50 || !(!darwin || !go1.60)", 50),
            // Not in Go's table.
            ("//go:build go1", 0),
            ("//go:build xgo1.7", 7),
            ("//go:build go1.99999999999999999999", -1),
            ("//go:build go1.07", 7),
        ];
        for (input, out) in tests {
            let x = parse(input).unwrap();
            let want = match out {
                0 => "go1".to_string(),
                n if n > 0 => format!("go1.{n}"),
                _ => String::new(),
            };
            assert_eq!(go_version(&x), want, "GoVersion({input:?})");
        }
    }

    // ---- go/build build_test.go: TestShouldBuild ----

    #[test]
    fn should_build_table() {
        type Case<'a> = (&'a str, &'a str, &'a [&'a str], bool, bool, Option<&'a str>);
        #[rustfmt::skip]
        let tests: &[Case] = &[
            // name, content, tags consulted, binaryOnly, shouldBuild, err
            ("Yes", "// +build yes\n\npackage main\n", &["yes"], false, true, None),
            ("Yes2", "//go:build yes\npackage main\n", &["yes"], false, true, None),
            ("Or", "// +build no yes\n\npackage main\n", &["yes", "no"], false, true, None),
            ("Or2", "//go:build no || yes\npackage main\n", &["yes", "no"], false, true, None),
            ("And", "// +build no,yes\n\npackage main\n", &["yes", "no"], false, false, None),
            ("And2", "//go:build no && yes\npackage main\n", &["yes", "no"], false, false, None),
            ("Cgo", "// +build cgo\n\n// Copyright The Go Authors.\n\n// This package implements parsing of tags like\n// +build tag1\npackage build", &["cgo"], false, false, None),
            ("Cgo2", "//go:build cgo\n// Copyright The Go Authors.\n\n// This package implements parsing of tags like\n// +build tag1\npackage build", &["cgo"], false, false, None),
            ("AfterPackage", "// Copyright The Go Authors.\n\npackage build\n\n// shouldBuild checks tags given by lines of the form\n// +build tag\n//go:build tag\nfunc shouldBuild(content []byte)\n", &[], false, true, None),
            ("TooClose", "// +build yes\npackage main\n", &[], false, true, None),
            ("TooClose2", "//go:build yes\npackage main\n", &["yes"], false, true, None),
            ("TooCloseNo", "// +build no\npackage main\n", &[], false, true, None),
            ("TooCloseNo2", "//go:build no\npackage main\n", &["no"], false, false, None),
            ("BinaryOnly", "//go:binary-only-package\n// +build yes\npackage main\n", &[], true, true, None),
            ("BinaryOnly2", "//go:binary-only-package\n//go:build no\npackage main\n", &["no"], true, false, None),
            ("ValidGoBuild", "// +build yes\n\n//go:build no\npackage main\n", &["no"], false, false, None),
            ("MissingBuild2", "/* */\n// +build yes\n\n//go:build no\npackage main\n", &["no"], false, false, None),
            ("Comment1", "/*\n//go:build no\n*/\n\npackage main\n", &[], false, true, None),
            ("Comment2", "/*\ntext\n*/\n\n//go:build no\npackage main\n", &["no"], false, false, None),
            ("Comment3", "/*/*/ /* hi *//* \ntext\n*/\n\n//go:build no\npackage main\n", &["no"], false, false, None),
            ("Comment4", "/**///go:build no\npackage main\n", &[], false, true, None),
            ("Comment5", "/**/\n//go:build no\npackage main\n", &["no"], false, false, None),
            // Not in Go's table.
            ("Multiple", "//go:build a\n//go:build b\npackage main\n", &[], false, false, Some("multiple //go:build comments")),
            ("MultipleAfterComment", "//go:build a\n/* x */ \n//go:build b\npackage main\n", &[], false, false, Some("multiple //go:build comments")),
            ("BadGoBuild", "//go:build a &&\npackage main\n", &[], false, false, Some("parsing //go:build line: unexpected end of expression")),
            ("BadGoBuildParen", "//go:build (a\n\npackage main\n", &[], false, false, Some("parsing //go:build line: missing close paren")),
            ("BOM", "\u{feff}//go:build no\npackage main\n", &["no"], false, false, None),
            ("CRLF", "// +build no\r\n\r\npackage main\r\n", &["no"], false, false, None),
            ("PlusBuildAll", "// +build yes\n// +build no\n\n// +build x\npackage main\n", &["yes", "no"], false, false, None),
            ("PlusBuildTooComplex", &format!("// +build {}\n\npackage main\n", "no ".repeat(200)), &[], false, true, None),
            ("BinaryOnlyInComment", "/*\n//go:binary-only-package\n*/\npackage main\n", &[], false, true, None),
            ("GoBuildAlone", "//go:build\npackage main\n", &[], false, false, Some("parsing //go:build line: unexpected end of expression")),
            ("NotGoBuild", "//go:buildno\npackage main\n", &[], false, true, None),
        ];
        for (name, content, tags, binary_only, should_build, err) in tests {
            let mut seen = BTreeSet::new();
            let got = matches(content.as_bytes(), |t: &str| {
                seen.insert(t.to_string());
                t == "yes"
            });
            let want_tags: BTreeSet<String> = tags.iter().map(|t| t.to_string()).collect();
            match (got, err) {
                (Ok(m), None) => {
                    assert_eq!(
                        (m.build, m.binary_only, &seen),
                        (*should_build, *binary_only, &want_tags),
                        "{name}"
                    );
                }
                (Err(e), Some(err)) => assert_eq!(e.to_string(), *err, "{name}"),
                (got, _) => panic!("{name}: {got:?}"),
            }
        }
    }

    #[test]
    fn header_lines() {
        let src = "\u{feff}// Copyright\n\n  // +build linux \n//+build  amd64\n\n// +build x\n//go:binary-only-package\npackage p\n";
        let h = parse_header(src.as_bytes()).unwrap();
        assert!(h.go_build.is_none());
        assert!(h.binary_only);
        let lines: Vec<_> = h
            .plus_build
            .iter()
            .map(|l| (l.text, l.offset, l.line))
            .collect();
        assert_eq!(
            lines,
            [
                (b"// +build linux".as_slice(), 19, 3),
                (b"//+build  amd64".as_slice(), 36, 4)
            ]
        );
        assert_eq!(
            &src.as_bytes()[h.end..],
            b"// +build x\n//go:binary-only-package\npackage p\n"
        );

        let src = b"// c\n\n  //go:build linux && !cgo\t\n\npackage p\n//go:build x\n";
        let h = parse_header(src).unwrap();
        let gb = h.go_build.unwrap();
        assert_eq!(
            (gb.text, gb.offset, gb.line),
            (b"//go:build linux && !cgo".as_slice(), 8, 3)
        );
        assert_eq!(gb.parse().unwrap().to_string(), "linux && !cgo");

        // A file without constraints: nothing found, nothing allocated.
        let h = parse_header(b"// Package p.\npackage p\n").unwrap();
        assert_eq!(h, Header::default());
        assert_eq!(h.plus_build.capacity(), 0);
        assert_eq!(parse_header(b"").unwrap(), Header::default());
    }

    #[test]
    fn should_build_prefer() {
        // cmd/go/internal/imports semantics with tags["*"]: every tag but
        // "ignore" is both true and false.
        let mut star = |t: &str, prefer: bool| t != "ignore" && prefer;
        let h = parse_header(b"//go:build !linux && darwin\n\npackage p\n").unwrap();
        assert!(h.should_build_prefer(&mut star));
        let h = parse_header(b"//go:build ignore\n\npackage p\n").unwrap();
        assert!(!h.should_build_prefer(&mut star));
        let h = parse_header(b"// +build !ignore,x\n\npackage p\n").unwrap();
        assert!(h.should_build_prefer(&mut star));
        let h = parse_header(b"//go:build (\n\npackage p\n").unwrap();
        assert!(!h.should_build_prefer(&mut star));
    }

    // ---- go/build read_test.go: readCommentsTests ----

    #[test]
    fn read_comments_table() {
        let tests = [
            "ℙpackage p",
            "ℙpackage p; import \"x\"",
            "ℙpackage p; import . \"x\"",
            "\u{feff}𝔻ℙpackage p; import . \"x\"",
            "// foo\n\n\t\t/* bar */\n\n\t\t/* quux */ // baz\n\n\t\t/*/ zot */\n\n\t\t// asdf\n\t\tℙHello, world",
            "\u{feff}𝔻// foo\n\n\t\t/* bar */\n\n\t\t/* quux */ // baz\n\n\t\t/*/ zot */\n\n\t\t// asdf\n\t\tℙHello, world",
            // Not in Go's table.
            "// only a comment",
            "/**/;\x0c\rℙ\x0b",
        ];
        for t in tests {
            let (before, after) = t.split_once('ℙ').unwrap_or((t, ""));
            let (input, want) = match before.split_once('𝔻') {
                Some((bom, rest)) => (format!("{bom}{rest}{after}"), rest),
                None => (format!("{before}{after}"), before),
            };
            assert_eq!(
                read_comments(input.as_bytes()),
                Ok(want.as_bytes()),
                "{t:?}"
            );
        }
        for (input, err) in [
            ("/x", ReadError::Syntax),
            ("/", ReadError::Syntax),
            ("/* x *", ReadError::Syntax),
            ("/*/", ReadError::Syntax),
            ("// a\x00\n", ReadError::Nul),
            ("/* \x00 */", ReadError::Nul),
            ("\n\x00", ReadError::Nul),
            ("/\x00", ReadError::Nul),
        ] {
            assert_eq!(read_comments(input.as_bytes()), Err(err), "{input:?}");
        }
        assert_eq!(ReadError::Nul.to_string(), "unexpected NUL in input");
        assert_eq!(ReadError::Syntax.to_string(), "syntax error");
    }

    #[test]
    fn unicode_helpers() {
        assert_eq!(trim_space(" \t\u{a0}x\u{3000}\u{85}".as_bytes()), b"x");
        assert_eq!(trim_space(b"\xa0x\xc2"), b"\xa0x\xc2");
        assert_eq!(trim_space("\u{feff}x".as_bytes()), "\u{feff}x".as_bytes());
        let f: Vec<&[u8]> = fields(b"a\xe2\x80\x83b \xff c\xc2\xa0").collect();
        assert_eq!(f, [b"a".as_slice(), b"b", b"\xff", b"c"]);
        // Go's IsLetter/IsDigit, not Rust's is_alphabetic/is_numeric.
        assert!(is_tag_char(Some('α')) && is_tag_char(Some('٣')) && is_tag_char(Some('ª')));
        assert!(
            !is_tag_char(Some('²')) && !is_tag_char(Some('Ⅻ')) && !is_tag_char(Some('\u{345}'))
        );
        assert!(tag_chars_valid("go1.21_x") && tag_chars_valid("") && !tag_chars_valid("a-b"));
    }

    // ---- GOROOT ----

    fn goroot() -> PathBuf {
        let root = match std::env::var_os("GOXIDE_TEST_GOROOT") {
            Some(r) => PathBuf::from(r),
            None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.goroot-pkg/go"),
        };
        assert!(
            root.join("src/go/build/constraint/expr.go").is_file(),
            "reference GOROOT not found at {}: run scripts/setup.sh (or set GOXIDE_TEST_GOROOT)",
            root.display()
        );
        root
    }

    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>, keep: &dyn Fn(&str) -> bool) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = rd.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let Ok(ft) = e.file_type() else { continue };
            let path = e.path();
            if ft.is_dir() {
                walk(&path, out, keep);
            } else if ft.is_file() && keep(&e.file_name().to_string_lossy()) {
                out.push(path);
            }
        }
    }

    /// Every .go file of GOROOT/src: no error, and a file whose first line
    /// is a `//go:build` line yields that expression.
    #[test]
    fn goroot_headers() {
        let root = goroot();
        let mut files = Vec::new();
        walk(&root.join("src"), &mut files, &|n| n.ends_with(".go"));
        assert!(files.len() > 5000, "only {} .go files", files.len());
        let (mut with_go_build, mut with_plus) = (0, 0);
        for path in &files {
            let src = std::fs::read(path).unwrap();
            let h = parse_header(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let body = src.strip_prefix(BOM).unwrap_or(&src);
            let first = body.split(|&b| b == b'\n').next().unwrap_or(b"");
            if is_go_build(trim_space(first)) {
                let gb = h
                    .go_build
                    .unwrap_or_else(|| panic!("{}: no //go:build", path.display()));
                assert_eq!(gb.line, 1, "{}", path.display());
                gb.parse()
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
            if let Some(gb) = &h.go_build {
                with_go_build += 1;
                // Go's rule: the line is a //go:build line and evaluates.
                assert!(is_go_build(gb.text));
                assert_eq!(&src[gb.offset..gb.offset + gb.text.len()], gb.text);
            }
            with_plus += !h.plus_build.is_empty() as usize;
            let _ = matches(&src, |t: &str| t == "linux");
        }
        assert!(
            with_go_build > 1500,
            "only {with_go_build} files with //go:build"
        );
        eprintln!(
            "{} files, {with_go_build} //go:build, {with_plus} +build",
            files.len()
        );
    }

    // ---- Differential check against the reference go ----

    const DRIVER: &str = r#"package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"go/build"
	"go/build/constraint"
	"io"
	"os"
	"strings"
	_ "unsafe"
)

//go:linkname parseFileHeader go/build.parseFileHeader
func parseFileHeader(content []byte) (trimmed, goBuild []byte, sawBinaryOnly bool, err error)

var bom = []byte("\xef\xbb\xbf")

type rc struct{ io.Reader }

func (rc) Close() error { return nil }

func main() {
	in, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	var release []string
	for i := 1; i <= 27; i++ {
		release = append(release, fmt.Sprintf("go1.%d", i))
	}
	for _, cmd := range strings.Split(strings.TrimSpace(string(in)), "\n") {
		kind, arg, _ := strings.Cut(cmd, " ")
		data, err := hex.DecodeString(arg)
		if err != nil {
			panic(err)
		}
		if kind == "L" {
			line := string(data)
			fmt.Fprintf(w, "g=%v p=%v ", constraint.IsGoBuild(line), constraint.IsPlusBuild(line))
			x, err := constraint.Parse(line)
			if e, ok := err.(*constraint.SyntaxError); ok {
				fmt.Fprintf(w, "syntax %d %s\n", e.Offset, e.Err)
				continue
			} else if err != nil {
				fmt.Fprintf(w, "err %s\n", err)
				continue
			}
			plus := ""
			if lines, err := constraint.PlusBuildLines(x); err != nil {
				plus = "err " + err.Error()
			} else {
				plus = strings.Join(lines, ";")
			}
			var seen []string
			r := x.Eval(func(tag string) bool { seen = append(seen, tag); return len(tag)%2 == 0 })
			fmt.Fprintf(w, "ok %s | %s | %s | %v %s\n", x, plus, constraint.GoVersion(x), r, strings.Join(seen, ","))
			continue
		}
		if kind == "F" {
			data, err = os.ReadFile(string(data))
			if err != nil {
				panic(err)
			}
		}
		trimmed, gb, bin, err := parseFileHeader(bytes.TrimPrefix(data, bom))
		if err != nil {
			fmt.Fprintf(w, "hdr err %v", err)
		} else {
			g := "-"
			if gb != nil {
				g = hex.EncodeToString(gb)
			}
			fmt.Fprintf(w, "hdr %s %d %v", g, len(trimmed), bin)
		}
		ctxt := build.Context{
			GOOS: "linux", GOARCH: "amd64", Compiler: "gc", CgoEnabled: true,
			BuildTags: []string{"yes", "tagA"}, ReleaseTags: release,
			OpenFile: func(string) (io.ReadCloser, error) { return rc{bytes.NewReader(data)}, nil },
		}
		for _, name := range []string{"x.go", "x.s"} {
			ok, err := ctxt.MatchFile("d", name)
			fmt.Fprintf(w, " | %v %v", ok, err)
		}
		fmt.Fprintln(w)
	}
}
"#;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The reference build.Context of the driver, as a tag predicate.
    fn ctxt_tag(t: &str) -> bool {
        matches!(
            t,
            "linux" | "amd64" | "gc" | "cgo" | "unix" | "yes" | "tagA"
        ) || (1..=27).any(|i| t == format!("go1.{i}"))
    }

    fn describe_line(line: &[u8]) -> String {
        let head = format!("g={} p={} ", is_go_build(line), is_plus_build(line));
        let x = match parse(line) {
            Ok(x) => x,
            Err(Error::Syntax(e)) => return format!("{head}syntax {} {}", e.offset, e.err),
            Err(e) => return format!("{head}err {e}"),
        };
        let plus = match plus_build_lines(&x) {
            Ok(lines) => lines.join(";"),
            Err(e) => format!("err {e}"),
        };
        let mut seen = Vec::new();
        let r = x.eval(&mut |t: &str| {
            seen.push(t.to_string());
            t.len().is_multiple_of(2)
        });
        format!(
            "{head}ok {x} | {plus} | {} | {r} {}",
            go_version(&x),
            seen.join(",")
        )
    }

    fn describe_file(src: &[u8], go_out: &str) -> String {
        let bom = if src.starts_with(BOM) { 3 } else { 0 };
        let mut out = match parse_header(src) {
            Err(e) => format!("hdr err {e}"),
            Ok(h) => {
                let g = h.go_build.map_or("-".to_string(), |l| hex(l.text));
                format!("hdr {g} {} {}", h.end - bom, h.binary_only)
            }
        };
        let fmt_match = |name: &str, m: Result<Match, HeaderError>| match m {
            Ok(m) => format!(" | {} <nil>", m.build),
            Err(e) => format!(" | false {name}: {e}"),
        };
        // .go: readGoInfo's own errors (NUL) are not this module's.
        let go_field = go_out.split(" | ").nth(1).unwrap_or("");
        if go_field.starts_with("true read ") {
            out += &format!(" | {go_field}");
        } else {
            out += &fmt_match("x.go", matches(src, ctxt_tag));
        }
        match read_comments(src) {
            Err(e) => out += &format!(" | true read d/x.s: {e}"),
            Ok(h) => out += &fmt_match("x.s", matches(h, ctxt_tag)),
        }
        out
    }

    /// A small deterministic generator.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
        fn pick<'a>(&mut self, xs: &[&'a [u8]]) -> &'a [u8] {
            xs[self.next(xs.len())]
        }
    }

    fn generated_lines() -> Vec<Vec<u8>> {
        let prefixes: &[&[u8]] = &[
            b"//go:build ",
            b"//go:build",
            b"// +build ",
            b"//+build",
            b"// +build",
            b" //go:build ",
            b"//go:buildx ",
            b"//  +build\t",
            "//go:build\u{a0}".as_bytes(),
            "// +build\u{85}".as_bytes(),
            "//\u{2003}+build ".as_bytes(),
            b"//go:build\t",
            b"//go:build \xc2",
        ];
        let toks: &[&[u8]] = &[
            b"x",
            b"y",
            b"linux",
            b"go1.21",
            b"go1",
            b"go1.5x",
            b"xgo1.7",
            b"go1.007",
            b"!",
            b"(",
            b")",
            b"&&",
            b"||",
            b"&",
            b"|",
            b" ",
            b"  ",
            b"\t",
            b",",
            "α".as_bytes(),
            "αx".as_bytes(),
            "²".as_bytes(),
            "\u{a0}".as_bytes(),
            b"~",
            b"ignore",
            b"!!",
            b"a.b",
            b"_",
            b"1",
            "\u{2003}".as_bytes(),
            "\u{feff}".as_bytes(),
            "\u{fffd}".as_bytes(),
            b"\xff",
            b"\xce",
            b"\r",
            b"\x0b",
            b"go1.99999999999999999999",
            "٣".as_bytes(),
            b"\n",
        ];
        let suffixes: &[&[u8]] = &[b"", b"", b"\n", b" \n", b"\n\n", b"\t"];
        let mut fixed: Vec<Vec<u8>> = [
            "//go:build x && y || !z",
            "//go:build !(x || y) && (z || !w)",
            "//go:build (x",
            "//go:build x)",
            "//go:build ((x)) && (((y)))",
            "//go:build !!x",
            "//go:build !(!x)",
            "//go:build",
            "// +build",
            "// +build x,y !z",
            "//go:build a && (b || c) && (d || e)",
            "//go:build (a || b) && (c || (d && e))",
            "//go:build !(a && (b || !c))",
            "//go:build go1.20 && !go1.22 || go1.9",
            "//go:build !(go1.5 || !go1.7)",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        let mut rng = Lcg(42);
        for _ in 0..4000 {
            let mut l = rng.pick(prefixes).to_vec();
            for _ in 0..rng.next(10) {
                l.extend_from_slice(rng.pick(toks));
                if rng.next(2) == 0 {
                    l.push(b' ');
                }
            }
            l.extend_from_slice(rng.pick(suffixes));
            fixed.push(l);
        }
        // Wide expressions for the limits.
        for n in [99, 100, 101, 998, 999, 1000, 1001] {
            fixed.push(format!("//go:build {}a", "a || ".repeat(n)).into_bytes());
            fixed.push(format!("//go:build {}a{}", "(a && ".repeat(n), ")".repeat(n)).into_bytes());
            fixed.push(format!("// +build {}", "a,b ".repeat(n / 2)).into_bytes());
        }
        fixed
    }

    fn generated_files() -> Vec<Vec<u8>> {
        let lines: &[&[u8]] = &[
            b"//go:build x",
            b"//go:build !x && yes",
            b"//go:build yes || linux",
            b"// +build yes",
            b"// +build !yes",
            b"// +build linux,amd64 darwin",
            b"//+build cgo",
            b"",
            b"",
            b"   ",
            b"\t",
            b"/*",
            b"*/",
            b"/* c */",
            b"/* a */ //go:build z",
            b"package p",
            b"// c",
            b"//go:binary-only-package",
            b"//go:build",
            b"//go:build (",
            b"//go:buildx",
            "\u{a0}".as_bytes(),
            b"\x0b",
            b";",
            b"/**/",
            b"/*/ x */",
            b"x",
            b"\x00",
            b"// a \x00",
            b"//go:build yes // c",
            "\u{feff}".as_bytes(),
            b"/",
            b"*/ //go:build yes",
            b"/* x */ package p",
            b"  //go:build go1.21  ",
            b"// +build ignore",
            b"// +build go1.30",
            b"//go:build go1.30",
        ];
        let mut rng = Lcg(7);
        let mut out = Vec::new();
        for _ in 0..4000 {
            let mut f = Vec::new();
            if rng.next(8) == 0 {
                f.extend_from_slice(BOM);
            }
            let nl: &[u8] = if rng.next(6) == 0 { b"\r\n" } else { b"\n" };
            for i in 0..rng.next(9) {
                if i > 0 {
                    f.extend_from_slice(nl);
                }
                f.extend_from_slice(rng.pick(lines));
            }
            if rng.next(3) != 0 {
                f.extend_from_slice(nl);
            }
            out.push(f);
        }
        out
    }

    /// Runs the reference go on generated lines and files and on every
    /// .go/.s/.c/.h file of GOROOT/src, and compares its answers with ours:
    /// Parse (result or error with offset), String, PlusBuildLines,
    /// GoVersion, Eval's order of tags, parseFileHeader, and
    /// build.Context.MatchFile for the .go (readGoInfo) and .s
    /// (readComments) paths.
    #[test]
    fn differential_vs_reference_go() {
        let root = goroot();
        let go = root.join("bin/go");
        assert!(
            go.is_file(),
            "{} missing: run scripts/setup.sh",
            go.display()
        );

        let mut cmds = String::new();
        type Ours = Box<dyn Fn(&str) -> String>;
        let mut ours: Vec<Ours> = Vec::new();
        for l in generated_lines() {
            cmds += &format!("L {}\n", hex(&l));
            ours.push(Box::new(move |_| describe_line(&l)));
        }
        for f in generated_files() {
            cmds += &format!("C {}\n", hex(&f));
            ours.push(Box::new(move |go_out| describe_file(&f, go_out)));
        }
        let mut files = Vec::new();
        walk(&root.join("src"), &mut files, &|n| {
            n.ends_with(".go") || n.ends_with(".s") || n.ends_with(".c") || n.ends_with(".h")
        });
        for p in files {
            cmds += &format!("F {}\n", hex(p.to_str().unwrap().as_bytes()));
            ours.push(Box::new(move |go_out| {
                describe_file(&std::fs::read(&p).unwrap(), go_out)
            }));
        }

        let dir =
            std::env::temp_dir().join(format!("goxide-constraint-diff-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("main.go"), DRIVER).unwrap();
        std::fs::write(dir.join("input.txt"), &cmds).unwrap();
        let mut cmd = std::process::Command::new(&go);
        cmd.args(["run", "main.go", "input.txt"])
            .current_dir(&dir)
            .env_remove("GOROOT")
            .env_remove("GOFLAGS")
            .env("GOTOOLCHAIN", "local")
            .env("GO111MODULE", "")
            .env("CGO_ENABLED", "0");
        if std::env::var_os("GOCACHE").is_none() && std::env::var_os("HOME").is_none() {
            cmd.env("GOCACHE", std::env::temp_dir().join("goxide-gocache"));
        }
        let out = cmd.output().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            out.status.success(),
            "go run failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );

        let stdout = String::from_utf8_lossy(&out.stdout);
        let got: Vec<&str> = stdout
            .strip_suffix('\n')
            .unwrap_or(&stdout)
            .split('\n')
            .collect();
        assert_eq!(got.len(), ours.len(), "driver output lines");
        let mut bad = Vec::new();
        for ((cmd, go_out), f) in cmds.lines().zip(&got).zip(&ours) {
            let mine = f(go_out);
            if mine != *go_out {
                bad.push(format!("{cmd}\n  go:   {go_out}\n  ours: {mine}"));
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches, first:\n{}",
            bad.len(),
            bad[..bad.len().min(10)].join("\n")
        );
    }
}
