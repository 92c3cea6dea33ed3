//! Tokens, operators and literal kinds of Go source.
//!
//! Mirrors gc's `cmd/compile/internal/syntax/tokens.go`: the same token set
//! (at most 64 tokens, so a set of tokens is a `u64` bit set), the same
//! operator list and precedences, and the same printed forms, because the
//! parser's diagnostics quote them ("unexpected newline, expected comma or
//! )").
//!
//! Invariants: `Token as u8 < 64`; `Operator::prec` is 0 for the unary-only
//! operators (`!`, `<-`, `~`, and `:` of `:=`).

/// A lexical token. Keywords follow the delimiters, in alphabetical order,
/// as in gc.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[repr(u8)]
pub enum Token {
    Eof = 1,

    // names and literals
    Name,
    Literal,

    // operators and operations; `Operator` excludes `*` (Star)
    Operator,
    AssignOp,
    IncOp,
    Assign,
    Define,
    Arrow,
    Star,

    // delimiters
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Semi,
    Colon,
    Dot,
    DotDotDot,

    // keywords
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
    /// The token's printed form, as gc's `token_string.go`.
    pub fn as_str(self) -> &'static str {
        use Token::*;
        match self {
            Eof => "EOF",
            Name => "name",
            Literal => "literal",
            Operator => "op",
            AssignOp => "op=",
            IncOp => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Star => "*",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Comma => ",",
            Semi => ";",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
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

    /// The bit of this token in a [`TokenSet`].
    pub const fn bit(self) -> u64 {
        1u64 << (self as u8)
    }

    /// Whether the token is a keyword.
    pub fn is_keyword(self) -> bool {
        self >= Token::Break
    }
}

/// A set of tokens, as gc's `uint64` token sets.
pub type TokenSet = u64;

/// Reports whether `tok` is in `set`.
pub const fn contains(set: TokenSet, tok: Token) -> bool {
    set & tok.bit() != 0
}

/// Looks up a keyword by its spelling. Keywords are 2 to 11 bytes long.
pub fn keyword(word: &[u8]) -> Option<Token> {
    use Token::*;
    Some(match word {
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
        _ => return None,
    })
}

/// The kind of a basic literal.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum LitKind {
    #[default]
    Int,
    Float,
    Imag,
    Rune,
    String,
}

/// An operator, for `Token::Operator`, `Star`, `AssignOp` and `IncOp`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[repr(u8)]
pub enum Operator {
    /// No operator (plain `=` assignments use this).
    #[default]
    None = 0,
    /// The `:` in `:=`.
    Def,
    Not,
    Recv,
    Tilde,

    // precOrOr
    OrOr,
    // precAndAnd
    AndAnd,
    // precCmp
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    // precAdd
    Add,
    Sub,
    Or,
    Xor,
    // precMul
    Mul,
    Div,
    Rem,
    And,
    AndNot,
    Shl,
    Shr,
}

/// Binary operator precedences, as gc's `prec*` constants.
pub const PREC_OROR: u8 = 1;
pub const PREC_ANDAND: u8 = 2;
pub const PREC_CMP: u8 = 3;
pub const PREC_ADD: u8 = 4;
pub const PREC_MUL: u8 = 5;

impl Operator {
    /// The operator's printed form, as gc's `operator_string.go`.
    pub fn as_str(self) -> &'static str {
        use Operator::*;
        match self {
            None => "",
            Def => ":",
            Not => "!",
            Recv => "<-",
            Tilde => "~",
            OrOr => "||",
            AndAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
        }
    }

    /// The binary precedence (0 for operators that are never binary).
    pub fn prec(self) -> u8 {
        use Operator::*;
        match self {
            None | Def | Not | Recv | Tilde => 0,
            OrOr => PREC_OROR,
            AndAnd => PREC_ANDAND,
            Eql | Neq | Lss | Leq | Gtr | Geq => PREC_CMP,
            Add | Sub | Or | Xor => PREC_ADD,
            Mul | Div | Rem | And | AndNot | Shl | Shr => PREC_MUL,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_fit_a_u64_set() {
        assert!((Token::Var as u8) < 64);
        let set = Token::Semi.bit() | Token::Rparen.bit();
        assert!(contains(set, Token::Semi));
        assert!(!contains(set, Token::Comma));
    }

    #[test]
    fn keywords_round_trip() {
        for w in ["break", "fallthrough", "interface", "var", "go"] {
            assert_eq!(keyword(w.as_bytes()).unwrap().as_str(), w);
        }
        assert_eq!(keyword(b"goto2"), None);
        assert!(Token::Break.is_keyword() && !Token::DotDotDot.is_keyword());
    }

    #[test]
    fn precedences_as_gc() {
        assert_eq!(Operator::Mul.prec(), PREC_MUL);
        assert_eq!(Operator::Or.prec(), PREC_ADD);
        assert_eq!(Operator::Not.prec(), 0);
    }
}
